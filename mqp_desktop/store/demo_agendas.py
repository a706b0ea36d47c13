"""Agendas and papers for the demonstration database.

Every demo meeting gets the standing agenda plus two to four substantive items
of the kind a safeguarding partnership subcommittee discusses (the multi-agency
dataset, Section 11 progress, learning from a rapid review — by case reference
only — a strategy for sign-off, an inspection outcome …), presented by demo
members or a named guest, with papers:

* past meetings: every paper received, signed off and attached;
* the next meeting: a mix — received and signed off, received but *not* signed
  off (a Word .docx), requested and overdue, requested and not yet due — and
  sub-items (numbered 5.1, 5.2 …);
* later meetings: the standing agenda and items, papers not yet requested.

The papers' files are small real documents made here: PDFs drawn with
reportlab and one Word document made with python-docx (both imported only
inside the functions that use them). Nothing in them is real.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.agenda import AgendaItem, Purpose
from mqp_desktop.domain.meetings import Meeting, MeetingKind, MeetingStatus
from mqp_desktop.store.store import Store

SEED = 11
GUEST = ("Dr Ama Boateng", "ama.boateng@wandsworth.example.gov.uk")
# Who signs off each presenter's papers (ToR 14): a senior manager of their agency.
SIGNERS = {
    "Sofia Marques": "Daniel Whitfield",
    "Claire Dawson": "Amara Okafor",
    "Rachel Moss": "Amara Okafor",
    "Priya Raman": "Amara Okafor",
    "DI Mark Ellison": "Detective Superintendent Ruth Adebayo",
    GUEST[0]: "Daniel Whitfield",
}
PRIORITIES = [
    "Neglect",
    "Child exploitation and extra-familial harm",
    "Early help and the front door",
    "Learning from reviews",
    "Quality assurance and performance",
]


@dataclass(frozen=True)
class DemoItem:
    title: str
    purpose: Purpose
    presenter: str  # a demo member's name, or GUEST's
    minutes: int
    priority: str
    paragraphs: tuple[str, ...]


def _quarter(day: dt.date) -> str:
    """The financial quarter reported at a meeting: the last complete one before it."""
    reported = day - dt.timedelta(days=45)
    return f"Q{((reported.month - 4) % 12) // 3 + 1}"


def _catalogue(meeting: Meeting) -> list[DemoItem]:
    q = _quarter(meeting.date)
    return [
        DemoItem(f"Multi-agency dataset {q} — exceptions report", Purpose.DISCUSSION, "Sofia Marques", 20,
                 "Quality assurance and performance",
                 (("This report sets out the indicators in the multi-agency dataset that moved outside their "
                  "tolerance this quarter, with each agency's explanation and the actions proposed."),
                  ("Re-referrals to children's social care within twelve months rose to 24%, above the 20% "
                  "tolerance; the front door audit suggests the rise follows a change in recording rather than "
                  "practice. Initial health assessments within 20 working days fell to 61%."),
                  ("The subcommittee is asked to discuss the exceptions and agree which to escalate to the "
                  "Executive."))),
        DemoItem("Section 11 audit 2025–26: progress", Purpose.ASSURANCE, "Claire Dawson", 15,
                 "Quality assurance and performance",
                 (("Fourteen agencies were asked for a Section 11 self-assessment. This paper reports the returns "
                  "received, those outstanding and the arrangements for the challenge panel."),
                  ("Early themes are consistent with the previous round: staff training records (standard 5) "
                  "and information sharing (standard 8) are the weakest areas across agencies."))),
        DemoItem("Rapid review CR-2025-014: learning", Purpose.INFORMATION, "Rachel Moss", 15,
                 "Learning from reviews",
                 (("The rapid review of case CR-2025-014 was completed within 15 working days and shared with the "
                  "National Panel. This paper summarises the learning for partner agencies."),
                  ("Three themes emerged: the voice of the child in strategy discussions, escalation between "
                  "health and children's social care, and the use of chronologies."))),
        DemoItem("Neglect strategy: draft for sign-off", Purpose.DECISION, "Amara Okafor", 20, "Neglect",
                 (("The draft neglect strategy for 2026–2029 has been consulted on with partners and young "
                  "people. The subcommittee is asked to approve it for the Executive."),
                  ("The strategy commits partners to the Graded Care Profile 2 as the shared assessment tool and "
                  "to an annual multi-agency audit of neglect cases."))),
        DemoItem("Single-agency inspection: Ofsted ILACS outcome", Purpose.INFORMATION, "Priya Raman", 15,
                 "Quality assurance and performance",
                 (("Ofsted inspected local authority children's services under the ILACS framework. This paper "
                  "reports the judgements, the recommendations and the draft action plan."),
                  "The subcommittee is asked to note the outcome and to monitor the action plan (ToR 6.6).")),
        DemoItem("Child exploitation: quarterly MACE report", Purpose.DISCUSSION, "DI Mark Ellison", 15,
                 "Child exploitation and extra-familial harm",
                 (("The Multi-Agency Child Exploitation panel reviewed the children identified as at risk of "
                  "exploitation this quarter. Numbers are stable; the proportion of children missing from "
                  "education among them has risen."),)),
        DemoItem("Child-centred outcomes: indicators for the operational dataset", Purpose.DISCUSSION, GUEST[0], 15,
                 "Quality assurance and performance",
                 (("The Performance Team proposes six child-centred outcome indicators for the operational "
                  "dataset (ToR 6.4), drawn from what children and families told the partnership."),)),
    ]


def _pdf_paper(title: str, paragraphs: tuple[str, ...], meeting: Meeting, author: str, pages: int) -> bytes:
    """A small real PDF paper (1-3 pages) drawn with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    from mqp_desktop.exporters.pdf_document import new_document

    styles = getSampleStyleSheet()
    buf = io.BytesIO()
    doc = new_document(buf, pagesize=A4, title=title, author=author, invariant=True,
                       subject="Demonstration paper (fictional)")
    story = [
        Paragraph("Wandsworth Safeguarding Children Partnership (demonstration)", styles["Normal"]),
        Paragraph(title, styles["Title"]),
        Paragraph(f"{meeting.title} · Author: {author}", styles["Italic"]),
        Spacer(1, 12),
    ]
    for page in range(pages):
        if page:
            story += [PageBreak(), Paragraph(f"Appendix {page}", styles["Heading2"])]
        for text in paragraphs:
            story += [Paragraph(text, styles["BodyText"]), Spacer(1, 8)]
    doc.build(story)
    return buf.getvalue()


def _docx_paper(title: str, paragraphs: tuple[str, ...], meeting: Meeting, author: str) -> bytes:
    """A small real Word document made with python-docx."""
    import docx

    from mqp_desktop.exporters.docx_house import set_properties

    document = docx.Document()
    set_properties(document, title=title, author=author, subject="Demonstration paper (fictional)",
                   comments="Made by MQ&P Desktop for the demonstration database.")
    document.add_heading(title, level=1)
    document.add_paragraph(f"{meeting.title} · Author: {author} · DRAFT for sign-off")
    for text in paragraphs:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _file_name(title: str, ext: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in title).split()
    return "-".join(words[:6]) + ext


def fill_agendas_demo(store: Store, today: dt.date) -> None:
    """Give every demo meeting an agenda, and its items papers (see the module docstring)."""
    rng = random.Random(SEED)
    repo = store.agendas
    members = {m.name: m for m in store.members() if not m.is_vacant}
    meetings = store.meetings.list()
    upcoming = [m for m in meetings if m.date >= today and m.status is MeetingStatus.PLANNED]
    next_meeting = upcoming[0] if upcoming else None
    with store.write():
        repo.set_setting(cfg.PARTNERSHIP_PRIORITIES, PRIORITIES)
        for meeting in meetings:
            repo.apply_standing_agenda(meeting.id)
            catalogue = _catalogue(meeting)
            if meeting.kind is MeetingKind.EXTRAORDINARY:
                chosen = [catalogue[2]]
            elif meeting is next_meeting:
                chosen = [catalogue[0], catalogue[1], catalogue[3], catalogue[6]]
            else:
                chosen = [catalogue[0]] + rng.sample(catalogue[1:], rng.choice((1, 2, 3)))
            added: list[tuple[AgendaItem, DemoItem]] = []
            for spec in chosen:
                presenter = members.get(spec.presenter)
                item = repo.add_item(AgendaItem(
                    meeting_id=meeting.id, title=spec.title, purpose=spec.purpose, minutes=spec.minutes,
                    priority=spec.priority,
                    presenter_member_id=presenter.id if presenter else None,
                    presenter_name="" if presenter else spec.presenter,
                ))
                added.append((item, spec))
            if meeting is next_meeting:
                s11 = added[1][0]
                for title, minutes in (("Returns received and outstanding", 5), ("Challenge panel arrangements", 10)):
                    repo.add_item(AgendaItem(meeting_id=meeting.id, title=title, minutes=minutes, parent_id=s11.id))
            if meeting.status is MeetingStatus.CANCELLED or (meeting.date >= today and meeting is not next_meeting):
                continue
            for n, (item, spec) in enumerate(added):
                _demo_paper(store, meeting, item, spec, today, n if meeting is next_meeting else None, members)


def _demo_paper(store: Store, meeting: Meeting, item: AgendaItem, spec: DemoItem, today: dt.date,
                mix: int | None, members: dict) -> None:
    repo = store.agendas
    presenter = members.get(spec.presenter)
    author, email = (presenter.name, presenter.email) if presenter else GUEST
    signer = SIGNERS.get(author, "Amara Okafor")
    deadline = repo.default_deadline(meeting.id)
    if mix is None:  # a past meeting: everything arrived and was signed off
        requested = deadline - dt.timedelta(days=21)
        paper = repo.request_paper(item.id, author_name=author, author_email=email, requested_on=requested,
                                   deadline=deadline)
        received = deadline - dt.timedelta(days=1)
        pdf = _pdf_paper(spec.title, spec.paragraphs, meeting, author, 1 + len(spec.title) % 3)
        repo.attach_content(paper.id, _file_name(spec.title, ".pdf"), pdf, received_on=received)
        repo.sign_off(paper.id, signer, received)
        return
    requested = min(today - dt.timedelta(days=20), deadline)
    if mix == 0:  # received and signed off
        paper = repo.request_paper(item.id, author_name=author, author_email=email, requested_on=requested,
                                   deadline=max(deadline, requested))
        on = today - dt.timedelta(days=2)
        repo.attach_content(paper.id, _file_name(spec.title, ".pdf"),
                            _pdf_paper(spec.title, spec.paragraphs, meeting, author, 2), received_on=on)
        repo.sign_off(paper.id, signer, on)
    elif mix == 1:  # received, not signed off — a Word document
        paper = repo.request_paper(item.id, author_name=author, author_email=email, requested_on=requested,
                                   deadline=max(deadline, requested))
        repo.attach_content(paper.id, _file_name(spec.title, ".docx"),
                            _docx_paper(spec.title, spec.paragraphs, meeting, author),
                            received_on=today - dt.timedelta(days=1))
    elif mix == 2:  # requested and overdue: its deadline has passed
        repo.request_paper(item.id, author_name=author, author_email=email, requested_on=requested,
                           deadline=max(requested, today - dt.timedelta(days=3)),
                           notes="Chased by phone; author on leave until next week.")
    else:  # requested and not yet due
        repo.request_paper(item.id, author_name=author, author_email=email, requested_on=requested,
                           deadline=max(deadline, today + dt.timedelta(days=5)))

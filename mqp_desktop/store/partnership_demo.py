"""The partnership around the demonstration subcommittee (ToR 1, 7.1, 8, 9): fictional chairs,
work transfers and escalations, dated from ``today`` so the demo always looks current.

* the template's bodies (the WSCP Executive, Training, Workforce & Development, Learning &
  Improvement, Child Exploitation & Missing) given fictional chairs and email addresses;
* two work transfers from MQ&P: one to Learning & Improvement, accepted, the receiving chair's
  email kept (an .eml made here); one to Training, Workforce & Development with projected costs,
  sent six weeks ago and still waiting past its answer date;
* an escalation for strategic oversight (a block in the system) decided by the Executive;
* an open dispute, in the chair's mediation.

The escalations arose at the demo's past meetings (at the agenda item named, when the meeting has
it). Nothing in it is real.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime

from mqp_desktop.domain.escalations import Escalation, EscalationKind
from mqp_desktop.domain.meetings import Meeting, MeetingStatus
from mqp_desktop.domain.partnership import Direction, WorkTransfer
from mqp_desktop.store.store import Store

DAY = dt.timedelta(days=1)

CHAIRS = {
    "WSCP Executive": ("Jonathan Pike", "jonathan.pike@wscp.example.org.uk"),
    "Training, Workforce & Development Subcommittee": ("Dr Ruth Okonjo", "ruth.okonjo@wandsworth.example.gov.uk"),
    "Learning & Improvement Subcommittee": ("Fiona Hartley", "fiona.hartley@swlondon.example.nhs.uk"),
    "Child Exploitation & Missing Subcommittee": ("DCI Sam Whitlock", "sam.whitlock@met.example.police.uk"),
}


def _past_meetings(store: Store, today: dt.date) -> list[Meeting]:
    return [m for m in store.meetings.list()
            if m.date < today - 7 * DAY and m.status in (MeetingStatus.HELD, MeetingStatus.RECONVENED)]


def _item(store: Store, meeting: Meeting, prefix: str) -> int | None:
    return next((i.id for i in store.agendas.items(meeting.id) if i.title.startswith(prefix)), None)


def _meeting_with(store: Store, meetings: list[Meeting], prefixes: tuple[str, ...],
                  fallback: Meeting) -> tuple[Meeting, int | None]:
    """The latest of ``meetings`` with an item whose title starts with one of ``prefixes`` (tried in order), and
    that item; else ``fallback`` and its item of the first prefix it has."""
    for prefix in prefixes:
        for meeting in reversed(meetings):
            item = _item(store, meeting, prefix)
            if item is not None:
                return meeting, item
    return fallback, next((i for i in (_item(store, fallback, p) for p in prefixes) if i is not None), None)


def _member(store: Store, name: str) -> int | None:
    return next((m.id for m in store.members() if m.name == name), None)


def _reply_email(sender: tuple[str, str], to: tuple[str, str], subject: str, body: str, when: dt.date) -> bytes:
    """The receiving chair's answer as an email file (.eml), as a mail program saves one."""
    msg = EmailMessage()
    msg["From"] = f"{sender[0]} <{sender[1]}>"
    msg["To"] = f"{to[0]} <{to[1]}>" if to[1] else to[0]
    msg["Subject"] = subject
    msg["Date"] = format_datetime(dt.datetime.combine(when, dt.time(16, 12)).astimezone())
    msg.set_content(body)
    return msg.as_bytes()


def fill_partnership_demo(store: Store, today: dt.date) -> None:
    """The demo's chairs, transfers and escalations (see the module docstring)."""
    p = store.partnership
    bodies = {b.name: b for b in p.bodies()}
    if not bodies:
        return
    with store.write():
        for name, (chair, email) in CHAIRS.items():
            body = bodies.get(name)
            if body is not None:
                body.chair_name, body.chair_email = chair, email
                bodies[name] = p.update_body(body, action="chair named")
    li = bodies.get("Learning & Improvement Subcommittee")
    twd = bodies.get("Training, Workforce & Development Subcommittee")
    priorities = p.priorities()
    sc = store.subcommittee()
    chair = store.member(sc.chair.member_id) if sc.chair.member_id is not None else None
    with store.write():
        if li is not None and {"Early help and the front door", "Learning from reviews"} <= set(priorities):
            written = today - 150 * DAY
            t = p.add_transfer(WorkTransfer(
                direction=Direction.FROM_US, body_id=li.id, written_on=written,
                work="A learning review of six children re-referred to the front door within a year of their case "
                     "being closed, looking at the decisions made at closure and at step-down to early help.",
                reason="The front door audit behind the rise in re-referrals found a pattern in how cases are closed "
                       "and stepped down that needs case-level learning with practitioners: that is the Learning & "
                       "Improvement Subcommittee's remit (rapid reviews and the learning from them), not MQ&P's.",
                outcomes="- A learning briefing for front door and early help practitioners\n"
                         "- Changes to the step-down guidance, if the review finds they are needed\n"
                         "- A report back to MQ&P within six months, so the dataset can show whether re-referrals "
                         "fall",
                priorities=("Early help and the front door", "Learning from reviews"),
            ), today=today)
            p.send(t.id, written + DAY, today=today)
            answered = written + 23 * DAY
            reply = _reply_email(
                CHAIRS[li.name], (chair.display_name if chair else "Chair, MQ&P", chair.email if chair else ""),
                f"RE: Transfer of work {t.reference}: learning review of re-referrals",
                "Dear colleague,\n\nThank you for your letter. The Learning & Improvement Subcommittee considered "
                "the request at its meeting this week and agreed to undertake the learning review of the six "
                "re-referrals, led by the Principal Social Worker with the Designated Nurse. We will report back "
                "to MQ&P within six months.\n\nKind regards,\n\nFiona Hartley\nChair, Learning & Improvement "
                "Subcommittee\n", answered)
            p.answer(t.id, "accepted", "Agreed at the Learning & Improvement Subcommittee; the Principal Social "
                     "Worker leads the review with the Designated Nurse.", answered,
                     content=(f"RE {t.reference} learning review - reply from the L&I chair.eml", reply), today=today)
        if twd is not None and "Neglect" in priorities:
            written = today - 45 * DAY
            t = p.add_transfer(WorkTransfer(
                direction=Direction.FROM_US, body_id=twd.id, written_on=written,
                work="Multi-agency training in the Graded Care Profile 2 for health visitors, school nurses and "
                     "early help practitioners.",
                reason="The multi-agency neglect audit found the Graded Care Profile 2 used in only 3 of the 8 health "
                       "visiting cases audited; practitioners say they have not been trained in it. The neglect "
                       "strategy makes it the partnership's shared assessment tool.",
                outcomes="- 80 practitioners trained in the Graded Care Profile 2 within the year\n"
                         "- The tool used in most neglect cases at the next audit\n"
                         "- Training evaluated, and the results reported to MQ&P",
                priorities=("Neglect",),
                projected_costs="£4,800 for four half-day sessions of 20 practitioners: licensed trainer £3,600; "
                                "venue, materials and licences £1,200.",
            ), today=today)
            p.send(t.id, written + DAY, today=today)

    past = _past_meetings(store, today)
    if len(past) < 3:
        return
    esc = store.escalations
    agencies = {a.label: a.id for a in store.agencies()}
    with store.write():
        settled = [m for m in past if m.date + 50 * DAY <= today] or past[:1]
        at, item = _meeting_with(store, settled, ("Multi-agency dataset", "Any other business"), settled[-1])
        raised = at.date
        e = esc.add(Escalation(
            kind=EscalationKind.BLOCK, raised_on=raised, meeting_id=at.id, item_id=item,
            raised_by_member_id=_member(store, "Dr Nadia Haddad"), raised_by_agency_id=agencies.get("SWLSTG"),
            summary="Children on child protection plans are waiting an average of 14 weeks for a CAMHS assessment, "
                    "and plans are held up waiting for it. The trust cannot shorten the wait within its current "
                    "commissioned capacity: a decision on capacity is needed above the subcommittee.",
        ))
        if raised + 10 * DAY <= today:
            esc.escalate(e.id, raised + 10 * DAY, "Put to the Executive's quarterly meeting with the CAMHS waiting "
                                                 "list figures.", today=today)
            decided = min(today, raised + 40 * DAY)
            esc.decide(e.id, "The ICB funds 120 additional CAMHS assessment slots until the end of March, children on "
                             "a child protection plan first. CAMHS reports waiting times to MQ&P every month.",
                       decided, today=today)

        at, item = _meeting_with(store, past[-3:], ("Child exploitation", "Any other business"), past[-2])
        e = esc.add(Escalation(
            kind=EscalationKind.DISPUTE, raised_on=at.date, meeting_id=at.id, item_id=item,
            raised_by_agency_id=agencies.get("Police"),
            raised_by_member_id=_member(store, "DI Mark Ellison"),
            summary="Police and children's social care disagree about who convenes the strategy discussion when a "
                    "16 or 17 year old is held in custody out of hours: each says the other should, and two "
                    "discussions this quarter were held late.",
        ))
        mediated = min(today, at.date + 14 * DAY)
        esc.mediate(e.id, mediated,
                    "The chair met DI Mark Ellison and Amara Okafor (Head of Safeguarding Standards). Both agree the "
                    "discussion must be held within the night; the disagreement is who calls it when the Emergency "
                    "Duty Team is already at capacity.",
                    "Interim: the custody sergeant refers to the Emergency Duty Team, which convenes. A written "
                    "protocol to be drafted by both before the next meeting.", today=today)

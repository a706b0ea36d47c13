"""Minutes as a PDF to publish and email (ToR 3, 11, 13, 14).

:func:`export_minutes_pdf` renders a meeting's minutes from the database (the
latest revision, or ``revision``); :func:`minutes_pdf_from` renders a
:class:`~mqp_desktop.domain.minutes.Minutes` with no database at all — the
chair's laptop opens an approval file and shows ``approval.minutes``.

What is printed, in order: the heading (partnership, subcommittee, "Minutes of
the meeting held on …", time, venue/link, chair, minute-taker); the attendance
table (present; deputies "X for Y"; in attendance); apologies; absent; the
quoracy statement (boxed, with the chair's decision, when inquorate);
declarations of interest or "None declared"; the numbered minutes, with
decisions in a shaded box (each one taken while inquorate marked "Taken while
the meeting was not quorate (ToR 3)") and new actions in a small table; the
action log carried forward; and the sign-off block.

**Draft or signed.** Without a :class:`SignedInfo` the minutes are a draft:
"DRAFT — not yet approved" and a light-grey diagonal DRAFT on every page, drawn as shapes so that copying
the text or a screen reader does not pick up its letters (:mod:`.pdf_watermark`); every page's footer
says "DRAFT" in words. With
one: "Approved as a true record by <name>, Chair, on <date>", the signature
image if any, and the full SHA-256 of the signed content, and no watermark. A
correction prints "Revision n, corrected on <date>: <reason>".

A4, "Page n of N" in the footer, a bookmark for each section and item, the language (en-GB), title/author/subject
set (:mod:`.pdf_document`), TrueType fonts
embedded (``pdf_fonts``) so the text is selectable and searchable, tables that
split across pages repeat their heading row. Written through a temporary file.
reportlab is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.minutes import RATIFIED_HEADING, RATIFIED_INTRO, WAITS_MARK, ActionLine, BlockKind, Minutes, Span
from mqp_desktop.domain.pdf_signature import DIGEST_KEYWORD
from mqp_desktop.exporters.files import ExportFileError, safe_text, write_atomically, xml_escape
from mqp_desktop.exporters.pdf_document import HeldMarks, binary_streams, new_document, outlined
from mqp_desktop.exporters.pdf_fonts import register_fonts

if TYPE_CHECKING:
    from mqp_desktop.domain.signoff import ApprovalFile, MinutesRevision
    from mqp_desktop.store.store import Store

INQUORATE_MARK = "Taken while the meeting was not quorate (ToR 3)"
DRAFT_LINE = "DRAFT — not yet approved"


@dataclass(frozen=True)
class SignedInfo:
    """The sign-off to print: who approved the minutes, when, and the digest of what they signed."""

    signed_by: str
    signed_on: dt.date
    digest: str
    """The SHA-256 (hex) of the signed content, printed in full."""
    signature_png: bytes | None = None
    approved_at: str = ""
    """The meeting at which the minutes were approved as a true record ('the meeting of 8 December 2026')."""
    superseded_by: int | None = None
    """A later revision that corrects this one, when there is one."""
    key_fingerprint: str = ""
    """The chair's key that signs this PDF (its fingerprint in groups), when it is signed with one."""

    @classmethod
    def from_revision(cls, rev: MinutesRevision, *, approved_at: str = "",
                      superseded_by: int | None = None) -> SignedInfo | None:
        """The sign-off of a stored revision; None when it is a draft."""
        if not rev.is_signed or not rev.digest or rev.signed_on is None:
            return None
        return cls(rev.signed_by, rev.signed_on, rev.digest, rev.signature_png, approved_at, superseded_by)

    @classmethod
    def from_approval(cls, approval: ApprovalFile) -> SignedInfo | None:
        """The chair's signature in an approval file (None when unsigned, or comments were returned)."""
        r = approval.response
        if r is None or not r.approved:
            return None
        return cls(r.name, r.on, approval.draft_digest, r.signature_png)


# --- words shared with the Word minutes --------------------------------------------------------

def long_date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def meeting_phrase(minutes: Minutes) -> str:
    kind = "extraordinary meeting" if minutes.meeting.kind == "extraordinary" else "meeting"
    return f"Minutes of the {kind} held on {long_date(minutes.meeting.date)}"


def time_text(minutes: Minutes) -> str:
    m = minutes.meeting
    if m.start_time and m.end_time:
        return f"{m.start_time} – {m.end_time}"
    return m.start_time or ""


def heading_facts(minutes: Minutes) -> list[tuple[str, str]]:
    m = minutes.meeting
    facts = []
    if time_text(minutes):
        facts.append(("Time", time_text(minutes)))
    if m.venue:
        facts.append(("Venue", m.venue))
    if m.online_link:
        facts.append(("Online", m.online_link))
    facts.append(("Chair", minutes.chaired_by or "Not recorded"))
    facts.append(("Minutes", minutes.minute_taker or "Not recorded"))
    return facts


def person_text(name: str, agency: str = "") -> str:
    return f"{name} ({agency})" if agency else name


def deputy_text(d) -> str:
    """'Eleanor Wright for Margaret Ansah (CLCH)'."""
    return person_text(f"{d.name} for {d.for_name}", d.agency)


def declaration_item(d) -> str:
    if d.item_number:
        return f"{d.item_number}. {d.item_title}" if d.item_title else f"Item {d.item_number}"
    return "The meeting generally"


def correction_text(minutes: Minutes) -> str:
    c = minutes.correction
    if c is None:
        return ""
    return f"Revision {minutes.revision}, corrected on {long_date(c.on)}: {c.reason}"


def status_text(a: ActionLine) -> str:
    text = a.status
    if a.status_date and a.status in ("done", "dropped"):
        text += f" ({short_date(a.status_date)})"
    return text


def source_text(a: ActionLine) -> str:
    parts = []
    if a.from_meeting:
        parts.append(f"from {short_date(a.from_meeting)}")
    if a.item_number:
        parts.append(f"item {a.item_number}")
    return ", ".join(parts)


def approved_text(signed: SignedInfo) -> str:
    return f"Approved as a true record by {signed.signed_by}, Chair, on {long_date(signed.signed_on)}."


def document_title(minutes: Minutes) -> str:
    who = minutes.subcommittee or "Subcommittee"
    return f"Minutes — {who} — {minutes.meeting.date.day} {minutes.meeting.date:%B %Y}"


def document_subject(minutes: Minutes, signed: SignedInfo | None) -> str:
    state = (f"approved by {signed.signed_by} on {signed.signed_on:%d %B %Y}" if signed else "draft, not yet approved")
    rev = f", revision {minutes.revision}" if minutes.revision > 1 else ""
    return f"{meeting_phrase(minutes)} ({state}{rev})"


def signed_info_for(store: Store, meeting_id: int, revision: int | None = None) -> SignedInfo | None:
    """The sign-off of a stored revision (None for a draft, or minutes never started).

    Refuses (ExportFileError) to print a digest that no longer verifies: approved minutes
    whose stored record was changed must not go out looking approved."""
    rev = store.minutes.revision(meeting_id, revision)
    if rev is None or not rev.is_signed:
        return None
    result = store.minutes.verify(meeting_id, rev.revision)
    if not result.ok:
        raise ExportFileError(
            f"The signed minutes (revision {rev.revision}) do not verify: {result.problem}",
            f"Nothing was written. Check 'mqp minutes verify {meeting_id}' and restore the database from a backup.")
    approved_at = ""
    if rev.approved_at_meeting_id is not None:
        at = store.meetings.get(rev.approved_at_meeting_id)
        approved_at = f"the meeting of {at.date.day} {at.date:%B %Y}"
    later = [r.revision for r in store.minutes.revisions(meeting_id) if r.revision > rev.revision]
    return SignedInfo.from_revision(rev, approved_at=approved_at, superseded_by=later[0] if later else None)


# --- rendering ---------------------------------------------------------------------------------

_NAVY = "#1F3864"
_GREY = "#595959"
_FRAME_PAD = 6


def _esc(text: str) -> str:
    return xml_escape(safe_text(text))


def _spans(spans: tuple[Span, ...]) -> str:
    return "".join(f"<b>{_esc(s.text)}</b>" if s.bold else _esc(s.text) for s in spans)


def _mono_font(fallback: str) -> str:
    """An embeddable monospace font for the digest (Courier is not embedded)."""
    import os

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = "MQP-Mono"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    for path in (Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
                 Path("/usr/share/fonts/dejavu/DejaVuSansMono.ttf"), Path("/usr/share/fonts/TTF/DejaVuSansMono.ttf"),
                 Path("/Library/Fonts/DejaVuSansMono.ttf"), windows / "consola.ttf", windows / "cour.ttf"):
        if path.is_file():
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (TTFError, OSError):
                continue
            return name
    return fallback


def minutes_pdf_from(minutes: Minutes, path, *, signed: SignedInfo | None = None, page_numbers: bool = True) -> Path:
    """Write ``minutes`` as a PDF at ``path``; ``signed=None`` prints them as a draft. Returns the path.

    ``page_numbers=False``: the footer says whose minutes they are but not "Page n of N" — for the meeting
    pack, which stamps its own number on every page (one page number a page)."""
    story, doc_args, canvasmaker, on_page = _layout(minutes, signed, page_numbers=page_numbers)

    def write(tmp: Path) -> None:
        doc = new_document(str(tmp), **doc_args)
        with binary_streams():  # (not the signed bytes of minutes_pdf_bytes: those stay as they were made)
            doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=canvasmaker)

    return write_atomically(Path(path), write)


def minutes_pdf_bytes(minutes: Minutes, *, signed: SignedInfo | None = None) -> bytes:
    """The PDF of ``minutes`` in memory (what the chair's key signs; nothing touches the disk)."""
    story, doc_args, canvasmaker, on_page = _layout(minutes, signed)
    out = io.BytesIO()
    new_document(out, **doc_args).build(story, onFirstPage=on_page, onLaterPages=on_page,
                                             canvasmaker=canvasmaker)
    return out.getvalue()


def export_minutes_pdf(store: Store, meeting_id: int, path, *, revision: int | None = None) -> Path:
    """Write the meeting's minutes (the latest revision, or ``revision``) as a PDF at ``path``.

    A revision the chair signed with their key is written exactly as they signed it (the PDF
    signature stays intact), once ``verify`` has checked it; other minutes are rendered."""
    with store.reading():  # the minutes ask for the members and meetings several times: read them once
        minutes = store.minutes.minutes(meeting_id, revision)
    signed = signed_info_for(store, meeting_id, revision)
    exact = store.minutes.signed_pdf(meeting_id, revision) if signed is not None else None
    if exact is not None:
        return write_atomically(Path(path), lambda tmp: tmp.write_bytes(exact))
    return minutes_pdf_from(minutes, path, signed=signed)


def _layout(minutes: Minutes, signed: SignedInfo | None, *, page_numbers: bool = True):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import CondPageBreak, Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

    font, bold = register_fonts()
    mono = _mono_font(font) if signed is not None else font  # only signed minutes print the digest
    navy = colors.HexColor(_NAVY)
    grey = colors.HexColor(_GREY)
    rule = colors.HexColor("#A6A6A6")
    group_fill = colors.HexColor("#D9E2F3")
    decision_fill = colors.HexColor("#EAF1FB")
    warn_fill = colors.HexColor("#FFF4E5")
    warn_edge = colors.HexColor("#C55A11")
    red = colors.HexColor("#9C0006")

    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=13.5, spaceAfter=4)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=grey, spaceAfter=2)
    kicker = ParagraphStyle("kicker", parent=base, fontSize=10.5, leading=13, textColor=grey, spaceAfter=0)
    title = ParagraphStyle("title", parent=base, fontName=bold, fontSize=16, leading=20, textColor=navy,
                           spaceAfter=2)
    subtitle = ParagraphStyle("subtitle", parent=base, fontSize=12.5, leading=16, textColor=navy, spaceAfter=6)
    fact = ParagraphStyle("fact", parent=base, spaceAfter=0)
    h1 = ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12, leading=15, textColor=navy,
                        spaceBefore=10, spaceAfter=4)
    item_h = ParagraphStyle("item", parent=h1, fontSize=11, leading=14, spaceBefore=9, spaceAfter=1,
                            leftIndent=0.9 * cm, firstLineIndent=-0.9 * cm)
    sub_h = ParagraphStyle("subitem", parent=item_h, fontSize=10, leading=13, leftIndent=1.9 * cm,
                           firstLineIndent=-1.0 * cm)
    presenter = ParagraphStyle("presenter", parent=small, fontSize=8.5, leading=11, spaceAfter=4, keepWithNext=1)
    bullet = ParagraphStyle("bullet", parent=base, leftIndent=0.55 * cm, bulletIndent=0.1 * cm, bulletFontName=font,
                            spaceAfter=1.5)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0)
    head = ParagraphStyle("head", parent=cell, fontName=bold, textColor=colors.white, fontSize=8, leading=10)
    group = ParagraphStyle("group", parent=cell, fontName=bold, textColor=navy)
    box_label = ParagraphStyle("boxl", parent=cell, fontName=bold, fontSize=8, leading=10, textColor=navy)
    box_text = ParagraphStyle("boxt", parent=base, fontSize=10, leading=13, spaceAfter=0)
    inq = ParagraphStyle("inq", parent=cell, fontName=bold, textColor=red, spaceBefore=1)
    digest_style = ParagraphStyle("digest", parent=small, fontName=mono, fontSize=7.5, leading=9.5,
                                  textColor=colors.black)

    margin = 2.0 * cm
    page_w, page_h = A4
    text_w = page_w - 2 * margin - 2 * _FRAME_PAD
    date_short = f"{minutes.meeting.date.day} {minutes.meeting.date:%B %Y}"
    state = "approved" if signed else "DRAFT"
    footer_left = f"{minutes.subcommittee or 'Subcommittee'} — minutes of {date_short} — {state}"
    if minutes.revision > 1:
        footer_left += f", revision {minutes.revision}"

    table_base = [
        ("FONT", (0, 0), (-1, -1), font, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, rule),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    header_style = [("BACKGROUND", (0, 0), (-1, 0), navy)]

    def grid(rows, widths, extra=(), width=text_w):
        scale = width / (sum(widths) * cm)
        return Table(rows, colWidths=[w * cm * scale for w in widths], repeatRows=1, hAlign="LEFT",
                     style=TableStyle(table_base + header_style + list(extra)))

    def P(text: str, style=cell) -> Paragraph:
        return Paragraph(text, style)

    def box(flowables, fill, edge, width=text_w):
        return Table([[flowables]], colWidths=[width], hAlign="LEFT", style=TableStyle([
            ("FONT", (0, 0), (-1, -1), font, 9), ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("BOX", (0, 0), (-1, -1), 0.8, edge), ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7), ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))

    def action_table(actions: list[ActionLine], width=text_w):
        rows = [[P("Action", head), P("What is to be done", head), P("Owner", head), P("Due", head)]]
        for a in actions:
            rows.append([P(_esc(a.number)), P(_esc(a.description)), P(_esc(a.owner)), P(short_date(a.due_date))])
        return grid(rows, [2.3, 9.2, 3.5, 2.2], width=width)

    story: list = []

    def heading(text: str) -> None:
        story.append(CondPageBreak(3 * cm))  # a heading never stands alone at the foot of a page
        story.append(outlined(Paragraph(text, h1), text))

    # Heading
    if minutes.partnership:
        story.append(Paragraph(_esc(minutes.partnership), kicker))
    story.append(Paragraph(_esc(minutes.subcommittee or "Subcommittee"), title))
    story.append(Paragraph(_esc(meeting_phrase(minutes)), subtitle))
    facts = [[Paragraph(f"<b>{label}</b>", fact), Paragraph(_esc(value), fact)] for label, value in heading_facts(minutes)]
    story.append(Table(facts, colWidths=[2.2 * cm, text_w - 2.2 * cm], hAlign="LEFT", style=TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 10), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)])))
    if minutes.correction is not None:
        story.append(Spacer(1, 4))
        story.append(box([Paragraph(_esc(correction_text(minutes)), box_text)], warn_fill, warn_edge))
    if not signed:
        story.append(Spacer(1, 4))
        story.append(box([Paragraph(f"<b>{DRAFT_LINE}</b>", box_text)], colors.HexColor("#F2F2F2"), grey))

    # Attendance
    heading("Attendance")
    att = minutes.attendance
    rows = [[P("Name", head), P("Post", head), P("Agency or organisation", head)]]
    extra = []

    def group_row(label: str) -> None:
        rows.append([P(label, group), "", ""])
        r = len(rows) - 1
        extra.extend([("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), group_fill)])

    if att.present:
        group_row(f"Present ({len(att.present)})")
        for p in att.present:
            rows.append([P(_esc(p.name)), P(_esc(p.role_title)), P(_esc(p.agency))])
    if att.deputies:
        group_row(f"Deputies, attending for a member ({len(att.deputies)})")
        for d in att.deputies:
            rows.append([P(f"{_esc(d.name)} for {_esc(d.for_name)}"), P(_esc(d.role_title)), P(_esc(d.agency))])
    if att.in_attendance:
        group_row(f"In attendance ({len(att.in_attendance)})")
        for g in att.in_attendance:
            rows.append([P(_esc(g.name)), P(f"for item: {_esc(g.item)}" if g.item else ""), P(_esc(g.organisation))])
    if len(rows) > 1:
        story.append(grid(rows, [5.2, 7.0, 5.0], extra))
    else:
        story.append(Paragraph("The attendance register was not recorded.", base))

    def name_list(label: str, people, empty: str | None) -> None:
        if people:
            text = "; ".join(_esc(person_text(p.name, p.agency)) for p in people)
            story.append(Paragraph(f"<b>{label}:</b> {text}.", base))
        elif empty:
            story.append(Paragraph(f"<b>{label}:</b> {empty}", base))

    story.append(Spacer(1, 6))
    name_list("Apologies", att.apologies, "None.")
    name_list("Absent", att.absent, "None.")
    name_list("Not recorded in the register", att.not_recorded, None)

    # Quoracy
    heading("Quoracy")
    if minutes.inquorate:
        story.append(box([Paragraph("<b>The meeting was not quorate</b>", box_text), Spacer(1, 2),
                          Paragraph(_esc(minutes.quoracy.statement), box_text)], warn_fill, warn_edge))
    else:
        story.append(Paragraph(_esc(minutes.quoracy.statement), base))

    # Declarations
    heading("Declarations of interest")
    if minutes.declarations:
        rows = [[P("Member", head), P("Item", head), P("Nature of the interest", head), P("How it was managed", head)]]
        for d in minutes.declarations:
            rows.append([P(_esc(person_text(d.name, d.agency))), P(_esc(declaration_item(d))), P(_esc(d.nature)),
                         P(_esc(d.managed or "Not recorded"))])
        story.append(grid(rows, [3.6, 4.0, 5.0, 4.6]))
    else:
        story.append(Paragraph("None declared.", base))

    # The minutes, item by item
    heading("Minutes")
    for item in minutes.items:
        style = sub_h if item.depth > 0 else item_h
        title_text = _esc(item.title) + ("" if item.on_agenda else " <font size=8 color='#595959'>(no longer on "
                                                                    "the agenda)</font>")
        head_flow = [outlined(Paragraph(f"{_esc(item.number)}.\u00a0\u00a0{title_text}".replace("\u00a0\u00a0",
                                                                                               "\u00a0 "), style),
                              f"{item.number}. {item.title}", 1 + min(item.depth, 1))]
        indent = style.leftIndent
        if item.presenter:
            head_flow.append(Paragraph(f"Presented by {_esc(item.presenter)}",
                                       ParagraphStyle("p", parent=presenter, leftIndent=indent)))
        if item.waits:
            head_flow.append(Paragraph(f"<b>{_esc(WAITS_MARK)}</b>", ParagraphStyle("w", parent=inq, leftIndent=indent,
                                                                                   spaceAfter=3)))
        body: list = []
        para_style = ParagraphStyle(f"b{item.depth}", parent=base, leftIndent=indent)
        bullet_style = ParagraphStyle(f"bl{item.depth}", parent=bullet, leftIndent=indent + 0.55 * cm,
                                      bulletIndent=indent + 0.1 * cm)
        for block in item.blocks:
            if block.kind is BlockKind.BULLETS:
                for line in block.lines:
                    body.append(Paragraph(_spans(line), bullet_style, bulletText="•"))
                body.append(Spacer(1, 3))
            else:
                for line in block.lines:
                    body.append(Paragraph(_spans(line), para_style))
        if not item.has_text and not item.actions and not signed and not item.waits:
            body.append(Paragraph("<i>Nothing recorded yet.</i>", ParagraphStyle("n", parent=small, leftIndent=indent)))
        inner_w = text_w - indent
        for decision in item.decisions:
            content = [Paragraph("DECISION", box_label), Paragraph(_esc(decision.text), box_text)]
            if decision.taken_while_inquorate:
                content.append(Paragraph(INQUORATE_MARK, inq))
            b = box(content, warn_fill if decision.taken_while_inquorate else decision_fill,
                    warn_edge if decision.taken_while_inquorate else colors.HexColor("#8EA9DB"), inner_w)
            b.hAlign = "RIGHT"
            body.extend([Spacer(1, 2), b, Spacer(1, 3)])
        if item.actions:
            t = action_table(item.actions, inner_w)
            t.hAlign = "RIGHT"
            body.extend([Spacer(1, 2), Paragraph("New actions", ParagraphStyle(
                "na", parent=box_label, leftIndent=indent, spaceAfter=2)), t])
        # the heading never stands alone at the foot of a page
        story.append(KeepTogether(head_flow + body[:1]))
        story.extend(body[1:])

    if minutes.general_actions:
        heading("Other actions agreed")
        story.append(action_table(minutes.general_actions))

    if minutes.ratified:  # decisions of earlier inquorate meetings ratified at this one (ToR 3)
        heading(RATIFIED_HEADING)
        story.append(Paragraph(_esc(RATIFIED_INTRO), small))
        for line in minutes.ratified:
            story.extend([Spacer(1, 2), box([Paragraph("DECISION RATIFIED", box_label),
                                             Paragraph(_esc(line.sentence), box_text)],
                                            decision_fill, colors.HexColor("#8EA9DB")), Spacer(1, 3)])

    # Action log
    heading("Action log")
    if minutes.action_log:
        story.append(Paragraph("Actions from earlier meetings still open at the start of this meeting, as they "
                               "stood at its end. Overdue: the due date has passed and the action is still open.",
                               small))
        rows = [[P(h, head) for h in ("Action", "What is to be done", "Owner", "Due", "Status", "Latest update")]]
        extra = []
        for a in minutes.action_log:
            what = _esc(a.description)
            if source_text(a):
                what += f"<br/><font size=7 color='{_GREY}'>{_esc(source_text(a))}</font>"
            status = _esc(status_text(a))
            if a.overdue:
                status += "<br/><font color='#9C0006'><b>OVERDUE</b></font>"
                extra.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#FCE4E4")))
            rows.append([P(_esc(a.number)), P(what), P(_esc(a.owner)), P(short_date(a.due_date)), P(status),
                         P(_esc(a.note))])
        story.append(grid(rows, [2.3, 5.2, 2.7, 1.9, 2.2, 3.0], extra))
    else:
        story.append(Paragraph("No actions were carried forward from earlier meetings.", base))

    # Sign-off
    sign: list = [outlined(Paragraph("Approval of the minutes", h1), "Approval of the minutes")]  # kept together
    if signed:
        lines = [Paragraph(_esc(approved_text(signed)), box_text)]
        if signed.approved_at:
            lines.append(Paragraph(f"Agreed as a true record at {_esc(signed.approved_at)}.", box_text))
        if signed.signature_png:
            try:
                from reportlab.lib.utils import ImageReader

                reader = ImageReader(io.BytesIO(signed.signature_png))
                iw, ih = reader.getSize()
                scale = min(5.5 * cm / iw, 1.8 * cm / ih)
                img = Image(io.BytesIO(signed.signature_png), width=iw * scale, height=ih * scale)
                img.hAlign = "LEFT"
                lines.extend([Spacer(1, 4), img])
            except Exception:  # a damaged image must not stop the minutes going out
                lines.append(Paragraph("(The signature image could not be read.)", small))
        if minutes.correction is not None:
            lines.append(Spacer(1, 3))
            lines.append(Paragraph(_esc(correction_text(minutes)), box_text))
        lines.append(Spacer(1, 5))
        lines.append(Paragraph("SHA-256 of the signed minutes (revision "
                               f"{minutes.revision}); 'mqp minutes verify' recomputes it:", small))
        lines.append(Paragraph(f"SHA-256 {signed.digest}", digest_style))
        if signed.key_fingerprint:
            lines.append(Spacer(1, 3))
            lines.append(Paragraph(
                f"Signed electronically with the chair's key (fingerprint {_esc(signed.key_fingerprint)}): your PDF "
                "reader shows the signature, and whether this file was changed after it was signed.", small))
        if signed.superseded_by:
            lines.append(Spacer(1, 3))
            lines.append(Paragraph(f"<b>Superseded:</b> revision {signed.superseded_by} corrects this revision.",
                                   box_text))
        sign.append(box(lines, colors.HexColor("#EEF5EA"), colors.HexColor("#548235")))
    else:
        lines = [Paragraph(f"<b>{DRAFT_LINE}</b>", box_text),
                 Paragraph("These minutes are a draft for the chair's approval; they may still change.", small)]
        if minutes.correction is not None:
            lines.append(Paragraph(_esc(correction_text(minutes)), box_text))
        lines.append(Spacer(1, 14))
        lines.append(Paragraph("Signed (Chair): ______________________________ &nbsp; Date: ______________",
                               box_text))
        sign.append(box(lines, colors.HexColor("#F2F2F2"), grey))
    story.append(KeepTogether(sign))

    def on_page(canvas, doc) -> None:
        if signed:
            return
        from mqp_desktop.exporters.pdf_watermark import draw_draft_mark

        draw_draft_mark(canvas, page_w, page_h)  # shapes, not text: not read out or copied with the page's text

    class NumberedCanvas(HeldMarks, rl_canvas.Canvas):
        """Holds each page until the end, so the footer can say 'Page n of N' (and makes each page's bookmarks
        when it is written)."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font  # not Helvetica (not embedded)
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self.held_page()
            self._startPage()

        def save(self):
            total = len(self._pages)
            for page in self._pages:
                self.__dict__.update(page)
                self.write_marks()
                self.setFont(font, 7.5)
                self.setFillColor(grey)
                left, right = margin + _FRAME_PAD, page_w - margin - _FRAME_PAD
                self.drawString(left, 1.1 * cm, safe_text(footer_left))
                if page_numbers:
                    self.drawRightString(right, 1.1 * cm, f"Page {self._pageNumber} of {total}")
                self.setStrokeColor(colors.HexColor("#BFBFBF"))
                self.setLineWidth(0.5)
                self.line(left, 1.45 * cm, right, 1.45 * cm)
                super().showPage()
            super().save()

    doc_args = dict(
        pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=1.7 * cm, bottomMargin=2.0 * cm,
        title=safe_text(document_title(minutes)), author=safe_text(minutes.partnership or minutes.subcommittee),
        subject=safe_text(document_subject(minutes, signed)),
        keywords="minutes; safeguarding children partnership"
        + (f"; {DIGEST_KEYWORD}{signed.digest}" if signed else ""),
    )
    return story, doc_args, NumberedCanvas, on_page


__all__ = [
    "DRAFT_LINE",
    "INQUORATE_MARK",
    "SignedInfo",
    "export_minutes_pdf",
    "minutes_pdf_bytes",
    "minutes_pdf_from",
    "signed_info_for",
]

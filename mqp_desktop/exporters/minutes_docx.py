"""Minutes as a Word document, for those who edit before signing (ToR 13).

The same content as the PDF minutes (``minutes_pdf``), in real Word styles:
Title and Subtitle for the heading, Heading 1 for the sections, Heading 2 for
each numbered item, List Bullet for bullet points, Table Grid tables with a
shaded header row that repeats on every page; decisions in a shaded one-cell
table, an inquorate one marked "Taken while the meeting was not quorate (ToR
3)". A4, "Page X of Y" in the footer, and "DRAFT — not yet approved" in the
header until the minutes are signed; signed minutes end with "Approved as a
true record by …" and the SHA-256 of the signed content.

A Word copy is for working on: it is not what the digest proves (the digest is
of the stored content, which ``mqp minutes verify`` recomputes).

python-docx is imported inside the functions.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.minutes import RATIFIED_HEADING, RATIFIED_INTRO, WAITS_MARK, ActionLine, BlockKind, Minutes
from mqp_desktop.exporters.docx_house import (
    el,
    grid_widths,
    page_x_of_y,
    repeat_header,
    set_font,
    set_language,
    set_properties,
    shade,
)
from mqp_desktop.exporters.files import safe_text, write_atomically
from mqp_desktop.exporters.minutes_pdf import (
    DRAFT_LINE,
    INQUORATE_MARK,
    SignedInfo,
    approved_text,
    correction_text,
    declaration_item,
    document_subject,
    document_title,
    heading_facts,
    meeting_phrase,
    person_text,
    short_date,
    signed_info_for,
    source_text,
    status_text,
)

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

_FONT = "Arial"
_NAVY = (0x1F, 0x38, 0x64)
_NAVY_HEX = "1F3864"
_GREY = (0x59, 0x59, 0x59)
_RED = (0x9C, 0x00, 0x06)


def export_minutes_docx(store: Store, meeting_id: int, path, *, revision: int | None = None) -> Path:
    """Write the meeting's minutes (the latest revision, or ``revision``) as a Word document at ``path``."""
    minutes = store.minutes.minutes(meeting_id, revision)
    signed = signed_info_for(store, meeting_id, revision)
    return minutes_docx_from(minutes, path, signed=signed)


def minutes_docx_from(minutes: Minutes, path, *, signed: SignedInfo | None = None) -> Path:
    """Write ``minutes`` as a Word document; ``signed=None`` marks them DRAFT."""
    doc = _build(minutes, signed)
    return write_atomically(Path(path), lambda tmp: doc.save(str(tmp)))


def _build(minutes: Minutes, signed: SignedInfo | None):
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    doc = docx.Document()
    set_language(doc, "en-GB")
    styles = doc.styles
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Header", "Footer", "Table Grid",
                 "List Bullet"):
        set_font(styles[name], _FONT)
    styles["Normal"].font.size = Pt(10.5)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Title"].font.size = Pt(20)
    styles["Title"].font.color.rgb = RGBColor(*_NAVY)
    styles["Title"].paragraph_format.space_after = Pt(2)
    styles["Subtitle"].font.size = Pt(13)
    styles["Subtitle"].font.color.rgb = RGBColor(*_NAVY)
    styles["Subtitle"].font.italic = False
    for name, size, before in (("Heading 1", 13, 14), ("Heading 2", 11.5, 10)):
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = RGBColor(*_NAVY)
        styles[name].paragraph_format.space_before = Pt(before)
        styles[name].paragraph_format.space_after = Pt(3)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = Cm(1.8)
    section.bottom_margin = Cm(1.8)
    section.header_distance = Cm(0.9)
    section.footer_distance = Cm(0.8)
    text_width = section.page_width - section.left_margin - section.right_margin
    small = Pt(9)

    def run(paragraph, text: str, *, bold=False, italic=False, size=None, color=None):
        r = paragraph.add_run(safe_text(text))
        r.bold = bold or None
        r.italic = italic or None
        if size is not None:
            r.font.size = size
        if color is not None:
            r.font.color.rgb = RGBColor(*color)
        return r

    def cell_text(cell, text: str, **kw):
        para = cell.paragraphs[0] if not cell.paragraphs[0].runs else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(1)
        run(para, text, size=kw.pop("size", small), **kw)
        return para

    def table(headers: list[str], rows: list[list[str]], widths_cm: list[float], *, shade_rows=()):
        t = doc.add_table(rows=1, cols=len(headers))
        t.style = styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        scale = text_width / Cm(sum(widths_cm))
        widths = [Cm(w * scale) for w in widths_cm]
        repeat_header(t.rows[0])
        for c, label, w in zip(t.rows[0].cells, headers, widths, strict=True):
            c.width = w
            shade(c, _NAVY_HEX)
            cell_text(c, label, bold=True, color=(0xFF, 0xFF, 0xFF))
        for i, values in enumerate(rows):
            row = t.add_row()
            row._tr.get_or_add_trPr().append(el("w:cantSplit", val="true"))
            for c, value, w in zip(row.cells, values, widths, strict=True):
                c.width = w
                if isinstance(value, tuple):  # (text, grey note)
                    cell_text(c, value[0])
                    if value[1]:
                        cell_text(c, value[1], size=Pt(7.5), color=_GREY)
                else:
                    cell_text(c, value)
                if i in shade_rows:
                    shade(c, "FCE4E4")
        grid_widths(t, widths)
        doc.add_paragraph().paragraph_format.space_after = Pt(0)
        return t

    def boxed(lines: list[tuple[str, dict]], fill: str):
        t = doc.add_table(rows=1, cols=1)
        t.style = styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.RIGHT
        c = t.rows[0].cells[0]
        shade(c, fill)
        for text, kw in lines:
            cell_text(c, text, **{"size": Pt(10), **kw})
        doc.add_paragraph().paragraph_format.space_after = Pt(0)
        return t

    # Header: DRAFT until signed; footer: what it is and the page
    head = section.header.paragraphs[0]
    head.style = styles["Header"]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if signed:
        run(head, minutes.partnership or minutes.subcommittee, bold=True, size=Pt(10), color=_NAVY)
    else:
        run(head, DRAFT_LINE, bold=True, size=Pt(12), color=_RED)
    foot = section.footer.paragraphs[0]
    foot.style = styles["Footer"]
    for inherited in styles["Footer"].paragraph_format.tab_stops:
        foot.paragraph_format.tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    foot.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    date_short = f"{minutes.meeting.date.day} {minutes.meeting.date:%B %Y}"
    run(foot, f"{minutes.subcommittee} — minutes of {date_short} — {'approved' if signed else 'draft'}\t",
        size=Pt(8.5), color=_GREY)
    page_x_of_y(foot, Pt(8.5))

    # Heading
    if minutes.partnership:
        p = doc.add_paragraph()
        run(p, minutes.partnership, size=Pt(11), color=_GREY)
        p.paragraph_format.space_after = Pt(0)
    doc.add_paragraph(safe_text(minutes.subcommittee or "Subcommittee"), style=styles["Title"])
    doc.add_paragraph(safe_text(meeting_phrase(minutes)), style=styles["Subtitle"])
    for label, value in heading_facts(minutes):
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(1)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(2.4))
        run(p, f"{label}:", bold=True)
        run(p, "\t" + value)
    if minutes.correction is not None:
        doc.add_paragraph()
        boxed([(correction_text(minutes), {"bold": True})], "FFF4E5")

    # Attendance
    doc.add_paragraph("Attendance", style=styles["Heading 1"])
    att = minutes.attendance
    rows: list[list] = []
    group_rows: list[int] = []

    def group(label: str) -> None:
        group_rows.append(len(rows))
        rows.append([label, "", ""])

    if att.present:
        group(f"Present ({len(att.present)})")
        rows.extend([p.name, p.role_title, p.agency] for p in att.present)
    if att.deputies:
        group(f"Deputies, attending for a member ({len(att.deputies)})")
        rows.extend([f"{d.name} for {d.for_name}", d.role_title, d.agency] for d in att.deputies)
    if att.in_attendance:
        group(f"In attendance ({len(att.in_attendance)})")
        rows.extend([g.name, f"for item: {g.item}" if g.item else "", g.organisation] for g in att.in_attendance)
    if rows:
        t = table(["Name", "Post", "Agency or organisation"], rows, [5.2, 7.0, 5.0])
        for r in group_rows:
            cells = t.rows[r + 1].cells
            merged = cells[0].merge(cells[2])
            for para in merged.paragraphs[1:]:
                para._p.getparent().remove(para._p)
            shade(merged, "D9E2F3")
            for r_ in merged.paragraphs[0].runs:
                r_.bold = True
                r_.font.color.rgb = RGBColor(*_NAVY)
    else:
        doc.add_paragraph("The attendance register was not recorded.")

    for label, people, empty in (("Apologies", att.apologies, "None."), ("Absent", att.absent, "None."),
                                 ("Not recorded in the register", att.not_recorded, None)):
        if people or empty:
            p = doc.add_paragraph()
            run(p, f"{label}: ", bold=True)
            run(p, "; ".join(person_text(x.name, x.agency) for x in people) + "." if people else empty)

    doc.add_paragraph("Quoracy", style=styles["Heading 1"])
    if minutes.inquorate:
        boxed([("The meeting was not quorate", {"bold": True}), (minutes.quoracy.statement, {})], "FFF4E5")
    else:
        doc.add_paragraph(safe_text(minutes.quoracy.statement))

    doc.add_paragraph("Declarations of interest", style=styles["Heading 1"])
    if minutes.declarations:
        table(["Member", "Item", "Nature of the interest", "How it was managed"],
              [[person_text(d.name, d.agency), declaration_item(d), d.nature, d.managed or "Not recorded"]
               for d in minutes.declarations], [3.6, 4.0, 5.0, 4.6])
    else:
        doc.add_paragraph("None declared.")

    def actions_table(actions: list[ActionLine]) -> None:
        table(["Action", "What is to be done", "Owner", "Due"],
              [[a.number, a.description, a.owner, short_date(a.due_date)] for a in actions], [2.3, 9.2, 3.5, 2.2])

    doc.add_paragraph("Minutes", style=styles["Heading 1"])
    for item in minutes.items:
        h = doc.add_paragraph(safe_text(f"{item.number}.\t{item.title}" + ("" if item.on_agenda else
                                                                       " (no longer on the agenda)")),
                              style=styles["Heading 2"])
        indent = Cm(1.0 + 0.8 * item.depth)
        h.paragraph_format.left_indent = indent
        h.paragraph_format.first_line_indent = -Cm(1.0)
        h.paragraph_format.tab_stops.add_tab_stop(indent)
        if item.presenter:
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = indent
            run(p, f"Presented by {item.presenter}", italic=True, size=small, color=_GREY)
        if item.waits:
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = indent
            run(p, WAITS_MARK, bold=True, size=small, color=_RED)
        for block in item.blocks:
            for line in block.lines:
                p = doc.add_paragraph(style=styles["List Bullet"] if block.kind is BlockKind.BULLETS else None)
                p.paragraph_format.left_indent = indent + (Cm(0.6) if block.kind is BlockKind.BULLETS else 0)
                for span in line:
                    run(p, span.text, bold=span.bold)
        if not item.has_text and not item.actions and not signed and not item.waits:
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = indent
            run(p, "Nothing recorded yet.", italic=True, size=small, color=_GREY)
        for decision in item.decisions:
            lines = [("DECISION", {"bold": True, "size": Pt(8), "color": _NAVY}), (decision.text, {})]
            if decision.taken_while_inquorate:
                lines.append((INQUORATE_MARK, {"bold": True, "size": small, "color": _RED}))
            boxed(lines, "FFF4E5" if decision.taken_while_inquorate else "EAF1FB")
        if item.actions:
            p = doc.add_paragraph()
            p.paragraph_format.left_indent = indent
            run(p, "New actions", bold=True, size=small, color=_NAVY)
            actions_table(item.actions)

    if minutes.general_actions:
        doc.add_paragraph("Other actions agreed", style=styles["Heading 1"])
        actions_table(minutes.general_actions)

    if minutes.ratified:  # decisions of earlier inquorate meetings ratified at this one (ToR 3)
        doc.add_paragraph(RATIFIED_HEADING, style=styles["Heading 1"])
        p = doc.add_paragraph()
        run(p, RATIFIED_INTRO, size=small, color=_GREY)
        for line in minutes.ratified:
            boxed([("DECISION RATIFIED", {"bold": True, "size": Pt(8), "color": _NAVY}), (line.sentence, {})], "EAF1FB")

    doc.add_paragraph("Action log", style=styles["Heading 1"])
    if minutes.action_log:
        p = doc.add_paragraph()
        run(p, "Actions from earlier meetings still open at the start of this meeting, as they stood at its end.",
            size=small, color=_GREY)
        table(["Action", "What is to be done", "Owner", "Due", "Status", "Latest update"],
              [[a.number, (a.description, source_text(a)), a.owner, short_date(a.due_date),
                status_text(a) + (" — OVERDUE" if a.overdue else ""), a.note] for a in minutes.action_log],
              [2.3, 5.2, 2.7, 1.9, 2.2, 3.0], shade_rows={i for i, a in enumerate(minutes.action_log) if a.overdue})
    else:
        doc.add_paragraph("No actions were carried forward from earlier meetings.")

    doc.add_paragraph("Approval of the minutes", style=styles["Heading 1"])
    if signed:
        p = doc.add_paragraph()
        run(p, approved_text(signed))
        if signed.approved_at:
            doc.add_paragraph(safe_text(f"Agreed as a true record at {signed.approved_at}."))
        if signed.signature_png:
            try:
                doc.add_picture(io.BytesIO(signed.signature_png), height=Cm(1.6))
            except Exception:  # a damaged image must not stop the minutes going out
                doc.add_paragraph("(The signature image could not be read.)")
        if minutes.correction is not None:
            doc.add_paragraph(safe_text(correction_text(minutes)))
        p = doc.add_paragraph()
        run(p, f"SHA-256 {signed.digest}", size=Pt(7.5)).font.name = "Consolas"
    else:
        p = doc.add_paragraph()
        run(p, DRAFT_LINE, bold=True)
        doc.add_paragraph("Signed (Chair): ______________________________   Date: ______________")

    set_properties(doc, title=document_title(minutes), author=minutes.partnership or minutes.subcommittee,
                   subject=document_subject(minutes, signed), keywords="minutes; safeguarding children partnership",
                   category="Minutes",
                   comments="Exported by MQ&P Desktop." + ("" if signed else " Draft, not yet approved."))
    return doc


__all__ = ["export_minutes_docx", "minutes_docx_from"]

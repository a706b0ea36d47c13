"""A meeting's agenda as a Word document to circulate (ToR 13).

:func:`export_agenda_docx` writes the partnership and subcommittee, "Agenda",
the meeting's date, time, venue and/or online link and chair; a numbered table
of items (number, item with sub-items indented, presenter, purpose, time and
paper reference) whose header row repeats on every page; the apologies known
so far; the date of the next meeting. Real Word styles (Title, Subtitle,
Heading 1, Table Grid with a shaded header, List Bullet), A4, "Page X of Y" in
the footer, document properties set.

A **house template** (a .docx or .dotx) is opened as the base document with
its body cleared: its styles, page set-up, header (logo) and footer are kept,
and the agenda is written in its styles. Its footer gets "Page X of Y" only
when it has no page number of its own. The template is the one stored in the
settings (``house_template``, see ``store.agendas.set_house_template``) unless
a file is given for this export (``house_template=PATH``) or
``use_house_template=False`` asks for the program's own style.

python-docx is imported inside the functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.exporters.agenda_content import AgendaSheet, agenda_sheet, in_sentence
from mqp_desktop.exporters.docx_house import (
    clear_body,
    el,
    first_style,
    grid_widths,
    has_page_field,
    has_style,
    open_house_template,
    page_x_of_y,
    repeat_header,
    set_font,
    set_language,
    set_properties,
    shade,
    stored_house_template,
)
from mqp_desktop.exporters.files import safe_text, write_atomically

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

_FONT = "Arial"
_NAVY = (0x1F, 0x38, 0x64)
_NAVY_HEX = "1F3864"
_GREY = (0x59, 0x59, 0x59)
_STANDING_FILL = "F2F2F2"
# Column widths for A4 portrait with 2 cm margins (17 cm of text): No., Item, Presenter, Purpose, Time, Paper.
_COLUMNS = (("No.", 1.3), ("Item", 5.6), ("Presenter", 3.2), ("Purpose", 2.5), ("Time", 2.5), ("Paper", 1.9))


# The house template's handling is shared with the other Word letters (exporters/docx_house.py).
_open_template = open_house_template
_stored_template = stored_house_template
_clear_body = clear_body
_has_style = has_style
_style = first_style
_has_page_field = has_page_field


def _cell_text(cell, text: str, *, bold=False, italic=False, size=None, color=None, style=None):
    para = cell.paragraphs[0] if not cell.paragraphs[0].text and not cell.paragraphs[0].runs else cell.add_paragraph()
    if style is not None:
        para.style = style
    run = para.add_run(safe_text(text))
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = size
    if color is not None:
        from docx.shared import RGBColor

        run.font.color.rgb = RGBColor(*color)
    return para


def export_agenda_docx(store: Store, meeting_id: int, path, *, house_template: Path | None = None,
                       use_house_template: bool = True) -> Path:
    """Write the meeting's agenda as a Word document at ``path``; returns the path written.

    ``house_template`` (a .docx or .dotx file) is used for this export; without
    it, the house template stored in the settings is used unless
    ``use_house_template`` is false (the program's own style).
    """
    sheet = agenda_sheet(store, meeting_id)
    if house_template is not None:
        doc = _build(sheet, _open_template(house_template))
    else:
        stored = _stored_template(store) if use_house_template else None
        doc = _build(sheet, _open_template(stored[1], stored[0]) if stored is not None else None)
    return write_atomically(Path(path), lambda tmp: doc.save(str(tmp)))


def _build(sheet: AgendaSheet, template):
    """The agenda written into ``template`` (an opened house template), or into a new document when None."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    own_style = template is None
    if own_style:
        doc = docx.Document()
        set_language(doc, "en-GB")
        for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Header", "Footer", "Table Grid",
                     "List Bullet"):
            set_font(doc.styles[name], _FONT)
        styles = doc.styles
        styles["Normal"].font.size = Pt(10.5)
        styles["Normal"].paragraph_format.space_after = Pt(4)
        styles["Title"].font.size = Pt(22)
        styles["Title"].font.color.rgb = RGBColor(*_NAVY)
        styles["Title"].paragraph_format.space_after = Pt(2)
        styles["Subtitle"].font.size = Pt(13)
        styles["Subtitle"].font.color.rgb = RGBColor(*_GREY)
        styles["Subtitle"].font.italic = False
        styles["Heading 1"].font.size = Pt(13)
        styles["Heading 1"].font.color.rgb = RGBColor(*_NAVY)
        styles["Heading 1"].paragraph_format.space_before = Pt(14)
        styles["Heading 1"].paragraph_format.space_after = Pt(4)
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = Cm(1.8)
        section.bottom_margin = Cm(1.8)
        section.header_distance = Cm(0.9)
        section.footer_distance = Cm(0.8)
    else:
        doc = template
        _clear_body(doc)
        styles = doc.styles
        section = doc.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin

    # A paragraph style for the meeting's facts (Date, Time, Venue …), added when the template lacks one.
    if _has_style(doc, "Agenda Details"):
        details_style = styles["Agenda Details"]
    else:
        details_style = styles.add_style("Agenda Details", WD_STYLE_TYPE.PARAGRAPH)
        details_style.base_style = styles["Normal"]
        details_style.paragraph_format.space_after = Pt(1)
        details_style.paragraph_format.tab_stops.add_tab_stop(Cm(2.6))
        # Hanging: a venue that wraps continues under the value, not under "Venue:".
        details_style.paragraph_format.left_indent = Cm(2.6)
        details_style.paragraph_format.first_line_indent = Cm(-2.6)

    # Header: the partnership on every page (a house template brings its own header and logo).
    if own_style:
        head = section.header.paragraphs[0]
        head.style = styles["Header"]
        head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = head.add_run(safe_text(sheet.partnership or sheet.subcommittee))
        run.bold = True
        run.font.size = Pt(10)
        run.font.color.rgb = RGBColor(*_NAVY)

    # Title block
    if sheet.partnership and not own_style:
        doc.add_paragraph(safe_text(sheet.partnership), style=_style(doc, "Subtitle", "Normal"))
    doc.add_paragraph(safe_text(sheet.subcommittee), style=_style(doc, "Title", "Heading 1", "Normal"))
    kind = "Agenda" if sheet.meeting.kind.value == "ordinary" else "Agenda — extraordinary meeting"
    doc.add_paragraph(kind, style=_style(doc, "Subtitle", "Heading 2", "Normal"))

    facts = [("Date", sheet.date_text)]
    if sheet.time_text:
        facts.append(("Time", sheet.time_text))
    if sheet.venue:
        facts.append(("Venue", sheet.venue))
    if sheet.online_link:
        facts.append(("Online", sheet.online_link))
    facts.append(("Chair", sheet.chair or "To be confirmed"))
    for label, value in facts:
        p = doc.add_paragraph(style=details_style)
        p.add_run(f"{label}:").bold = True
        p.add_run("\t" + safe_text(value))
    doc.paragraphs[-1].paragraph_format.space_after = Pt(10)

    # The items
    table_style = _style(doc, "Table Grid")
    table = doc.add_table(rows=1, cols=len(_COLUMNS))
    if table_style is not None:
        table.style = table_style
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    scale = min(1.0, text_width / Cm(sum(w for _, w in _COLUMNS)))
    widths = [Cm(w * scale) for _, w in _COLUMNS]
    header = table.rows[0]
    repeat_header(header)
    for cell, (label, _), width in zip(header.cells, _COLUMNS, widths, strict=True):
        cell.width = width
        shade(cell, _NAVY_HEX)
        _cell_text(cell, label, bold=True, size=Pt(9.5), color=(0xFF, 0xFF, 0xFF))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    # Our own style sets Normal to 10.5 pt Arial; a house template's body (often 11-12 pt, perhaps a wider
    # face) would crowd the narrow columns, so its table is set a little smaller.
    small = Pt(9) if own_style else Pt(8.5)
    body = None if own_style else Pt(10)
    for line in sheet.lines:
        row = table.add_row()
        row._tr.get_or_add_trPr().append(el("w:cantSplit", val="true"))
        cells = row.cells
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width
        if line.standing.value != "none" and line.depth == 0:
            for cell in cells:
                shade(cell, _STANDING_FILL)
        sub = line.depth > 0
        number = _cell_text(cells[0], line.number, bold=not sub, size=small if sub else body)
        title = _cell_text(cells[1], line.title, bold=not sub, size=small if sub else body)
        if sub:
            title.paragraph_format.left_indent = Cm(0.4)
            number.paragraph_format.left_indent = Cm(0.2)
        if line.detail:
            _cell_text(cells[1], line.detail, size=small, color=_GREY)
        if line.presenter:
            _cell_text(cells[2], line.presenter, size=small)
        if line.purpose:
            _cell_text(cells[3], line.purpose, size=small)
        if line.time:
            _cell_text(cells[4], line.time, size=small)
        for paper in line.papers:
            _cell_text(cells[5], paper.text, size=small, italic=paper.to_follow)
        for cell in cells:
            for para in cell.paragraphs:
                para.paragraph_format.space_after = Pt(1)
    grid_widths(table, widths)

    if sheet.planned_finish:
        end = f"; the meeting is due to end at {sheet.meeting.end_time}" if sheet.meeting.end_time else ""
        note = doc.add_paragraph(f"Planned finish {sheet.planned_finish} ({sheet.total_minutes} minutes{end}).")
        note.paragraph_format.space_before = Pt(4)
        for run in note.runs:
            run.font.size = small
            run.font.color.rgb = RGBColor(*_GREY)

    heading = _style(doc, "Heading 1", "Heading 2", "Normal")
    doc.add_paragraph("Apologies received", style=heading)
    if sheet.apologies:
        bullet = _style(doc, "List Bullet", "Normal")
        for apology in sheet.apologies:
            doc.add_paragraph(safe_text(apology.text), style=bullet)
    else:
        doc.add_paragraph("None received so far.")

    doc.add_paragraph("Date of next meeting", style=heading)
    doc.add_paragraph(safe_text(sheet.next_meeting_text))

    papers = [p for line in sheet.lines for p in line.papers]
    if papers:
        doc.add_paragraph("Papers", style=heading)
        following = [p for p in papers if p.to_follow]
        text = "Papers are circulated with this agenda in the meeting pack"
        if following:
            text += "; those marked “to follow” will be circulated when received"
        doc.add_paragraph(text + ".")

    # Footer: what it is, and the page
    footer = section.footer
    has_own_footer = not own_style and (any(p.text.strip() for p in footer.paragraphs) or _has_page_field(footer.part))
    if not has_own_footer or not _has_page_field(footer.part):
        foot = footer.paragraphs[-1] if not has_own_footer else footer.add_paragraph()
        footer_style = _style(doc, "Footer")
        if footer_style is not None:
            foot.style = footer_style
        stops = foot.paragraph_format.tab_stops
        if footer_style is not None:
            for inherited in footer_style.paragraph_format.tab_stops:
                stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
        stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        run = foot.add_run(safe_text(f"{sheet.short_name} — agenda, {sheet.date_text}") + "\t")
        run.font.size = Pt(8.5)
        run.font.color.rgb = RGBColor(*_GREY)
        page_x_of_y(foot, Pt(8.5))

    set_properties(doc, title=f"Agenda — {sheet.subcommittee} — {sheet.date_text}",
                   author=sheet.partnership or sheet.subcommittee,
                   subject=f"Agenda of the {sheet.subcommittee}, {in_sentence(sheet.title)}",
                   keywords="agenda; meeting; safeguarding children partnership", category="Agenda")
    return doc


__all__ = ["export_agenda_docx"]

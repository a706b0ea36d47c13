"""Exporting the membership register: CSV and XLSX to work with, Word to publish.

CSV and XLSX have exactly the import's columns
(:data:`~mqp_desktop.exporters.register_import.COLUMNS`), headed in words ("Role title", "Decision maker":
:data:`~mqp_desktop.exporters.register_import.COLUMN_LABELS`, which the import reads as those columns),
so a file exported and imported again into the same database changes nothing. Vacant seats are
rows with an empty name. The Word document is the register as a partnership
would circulate it: grouped by agency, statutory partners first.

Every export is written to a temporary file beside the target and moved into
place at the end, so a failure never leaves a half-written file (or destroys
the previous one).

python-docx and openpyxl are imported inside the functions that need them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.model import Agency, Member, Subcommittee
from mqp_desktop.exporters.docx_house import (
    grid_widths,
    keep_row_together,
    page_x_of_y,
    repeat_header,
    set_font,
    set_language,
    set_properties,
    shade,
    table_borders,
)
from mqp_desktop.exporters.files import ExportFileError, safe_text, save_workbook, write_atomically, write_csv
from mqp_desktop.exporters.register_import import COLUMN_LABELS, COLUMNS

if TYPE_CHECKING:
    from mqp_desktop.store import Store

SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".docx")
DATE_FORMAT_XLSX = "dd/mm/yyyy"
TITLE = "Membership register"
HEADINGS: tuple[str, ...] = tuple(COLUMN_LABELS[c] for c in COLUMNS)
"""The CSV's and the XLSX's heading row: the columns in words ("Role title", not "role_title")."""


# --- what is exported ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Entry:
    member: Member
    agency: Agency


def _entries(store: Store, include_ended: bool) -> list[_Entry]:
    agencies = {a.id: a for a in store.agencies()}
    members = store.members(include_ended=include_ended)
    return [_Entry(m, agencies[m.agency_id]) for m in members]


def _row_values(e: _Entry) -> dict[str, object]:
    """A member as the register file's cells (dates as dates, decision maker yes/no)."""
    m = e.member
    return {
        "name": safe_text(m.name),
        "role_title": safe_text(m.role_title),
        "agency": safe_text(e.agency.name),
        "email": safe_text(m.email),
        "phone": safe_text(m.phone),
        "decision_maker": "yes" if m.decision_maker else "no",
        "deputy_name": safe_text(m.deputy_name),
        "deputy_email": safe_text(m.deputy_email),
        "start_date": m.start_date,
        "end_date": m.end_date,
        "notes": safe_text(m.notes),
    }


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


# --- CSV -------------------------------------------------------------------------------------
def export_register_csv(store: Store, path: Path | str, *, include_ended: bool = False) -> Path:
    """The register as CSV (UTF-8 with a byte-order mark, so Excel shows accents correctly)."""
    entries = _entries(store, include_ended)

    def write(tmp: Path) -> None:
        write_csv(tmp, [HEADINGS, *([_row_values(e)[c] for c in COLUMNS] for e in entries)])

    return write_atomically(Path(path), write)


# --- XLSX ------------------------------------------------------------------------------------
# Widest a column grows (in characters); longer text wraps inside the cell.
_XLSX_WIDTH_LIMITS = {"name": 24, "role_title": 38, "agency": 32, "email": 36, "deputy_email": 34, "notes": 40}
_XLSX_WRAP = ("role_title", "agency", "notes")


def export_register_xlsx(store: Store, path: Path | str, *, include_ended: bool = False) -> Path:
    """The register as an Excel workbook: one sheet "Register", ready to filter, edit and import."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    entries = _entries(store, include_ended)
    subcommittee = _subcommittee_or_none(store)

    def write(tmp: Path) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "Register"
        header_font = Font(name="Calibri", bold=True, color="FFFFFF")
        header_fill = PatternFill("solid", fgColor="1F3864")
        thin = Side(style="thin", color="BFBFBF")
        ws.append(list(HEADINGS))
        for cell in ws[1]:
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center")
            cell.border = Border(bottom=thin)
        widths = {c: len(COLUMN_LABELS[c]) + 4 for c in COLUMNS}  # room for the filter button
        for r, e in enumerate(entries, start=2):
            values = _row_values(e)
            for c_index, column in enumerate(COLUMNS, start=1):
                value = values[column]
                cell = ws.cell(row=r, column=c_index)
                if isinstance(value, dt.date):
                    cell.value = value
                    cell.number_format = DATE_FORMAT_XLSX
                    widths[column] = max(widths[column], 12)
                elif value:
                    cell.value = str(value)  # text: save_workbook makes any that starts like a formula inert
                    longest = max(len(line) for line in str(value).splitlines() or [""])
                    widths[column] = max(widths[column], longest + 2)
                if column in _XLSX_WRAP:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.alignment = Alignment(vertical="top")
            if e.member.is_vacant:
                ws.cell(row=r, column=1).fill = PatternFill("solid", fgColor="FFF2CC")
        # Row heights for wrapped cells: neither Excel nor LibreOffice always works them out.
        for r, e in enumerate(entries, start=2):
            values = _row_values(e)
            lines = 1
            for column in _XLSX_WRAP:
                width = min(widths[column], _XLSX_WIDTH_LIMITS.get(column, 30))
                text = str(values[column] or "")
                lines = max(lines, sum(-(-max(len(part), 1) // max(int(width) - 2, 1)) for part in text.splitlines() or [""]))
            if lines > 1:
                ws.row_dimensions[r].height = 15 * lines
        last_row = max(1, len(entries) + 1)
        last_col = get_column_letter(len(COLUMNS))
        for c_index, column in enumerate(COLUMNS, start=1):
            ws.column_dimensions[get_column_letter(c_index)].width = min(widths[column], _XLSX_WIDTH_LIMITS.get(column, 30))
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{last_col}{last_row}"
        dm_col = get_column_letter(COLUMNS.index("decision_maker") + 1)
        yes_no = DataValidation(
            type="list",
            formula1='"yes,no"',
            allow_blank=True,
            errorTitle="Decision maker",
            error="Enter yes (decision maker) or no (representative only).",
        )
        yes_no.add(f"{dm_col}2:{dm_col}{max(last_row, 2) + 200}")
        ws.add_data_validation(yes_no)
        # Printing: landscape A4, one page wide, heading row on every page.
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:1"
        ws.oddFooter.center.text = "Page &P of &N"
        if subcommittee is not None:
            ws.oddHeader.left.text = _xlsx_header_text(safe_text(subcommittee.name))
        ws.oddHeader.right.text = f"{TITLE} as at {_long_date(dt.date.today())}"
        props = wb.properties
        props.title = TITLE if subcommittee is None else f"{TITLE} — {safe_text(subcommittee.name)}"
        props.creator = _author(subcommittee)
        props.subject = f"{TITLE} as at {_long_date(dt.date.today())}"
        save_workbook(wb, tmp)

    return write_atomically(Path(path), write)


def _xlsx_header_text(text: str) -> str:
    return text.replace("&", "&&")  # "&" starts a code in Excel headers


def _subcommittee_or_none(store: Store) -> Subcommittee | None:
    from mqp_desktop.store import StoreError

    try:
        return store.subcommittee()
    except StoreError:
        return None


def _author(subcommittee: Subcommittee | None) -> str:
    if subcommittee is None:
        return "MQ&P Desktop"
    return safe_text(subcommittee.partnership or subcommittee.name)


# --- Word ------------------------------------------------------------------------------------
# Column widths on landscape A4 with 1.8 cm margins (26.1 cm of text width).
_DOCX_COLUMNS = (
    ("Name", 4.0),
    ("Post", 5.5),
    ("Email", 6.7),
    ("Phone", 2.6),
    ("Deputy", 4.4),
    ("Decision maker", 2.9),
)
# Arial: on every Windows PC, and metric-compatible Liberation Sans elsewhere, so the
# table wraps the same for the reader as it did when checked.
_FONT = "Arial"
_NAVY = "1F3864"
_AGENCY_FILL = "D9E2F3"
_GREY = (0x59, 0x59, 0x59)


def _agency_order(agencies: list[Agency]) -> list[Agency]:
    return sorted(agencies, key=lambda a: (not a.statutory, a.name.casefold()))


def _member_order(members: list[Member], today: dt.date) -> list[Member]:
    """Within an agency: people in post by name, then vacant seats, then former members."""
    return sorted(
        members,
        key=lambda m: (
            not m.is_active(today) and m.end_date is not None,
            m.is_vacant,
            m.name.casefold() or m.role_title.casefold(),
        ),
    )


def export_register_docx(store: Store, path: Path | str, *, include_ended: bool = False) -> Path:
    """The register as a Word document to publish: A4 landscape, grouped by agency."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    today = dt.date.today()
    entries = _entries(store, include_ended)
    subcommittee = _subcommittee_or_none(store)
    all_agencies = store.agencies()
    by_agency: dict[int, list[Member]] = {}
    for e in entries:
        by_agency.setdefault(e.agency.id, []).append(e.member)  # type: ignore[arg-type]
    shown = [a for a in all_agencies if a.id in by_agency or a.is_active(today)]
    names = {m.id: m for m in store.members()}
    chair_id = subcommittee.chair.member_id if subcommittee else None
    co_chair_id = subcommittee.co_chair.member_id if subcommittee else None

    doc = docx.Document()
    set_language(doc, "en-GB")
    for style_name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Footer"):
        set_font(doc.styles[style_name], _FONT)
    doc.styles["Normal"].font.size = Pt(10)
    doc.styles["Title"].font.size = Pt(24)
    doc.styles["Subtitle"].font.size = Pt(12.5)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin = Cm(1.6)
    section.bottom_margin = Cm(1.6)
    section.footer_distance = Cm(0.8)
    text_width = section.page_width - section.left_margin - section.right_margin

    doc.add_paragraph(TITLE, style="Title")
    if subcommittee is not None:
        sub = doc.add_paragraph(style="Subtitle")
        sub.add_run(safe_text(subcommittee.name))
        if subcommittee.partnership:
            sub.add_run(f" — {safe_text(subcommittee.partnership)}")
    as_at = doc.add_paragraph()
    as_at.add_run(f"As at {_long_date(today)}").bold = True
    current = [e for e in entries if e.member.is_active(today)]
    named = [e for e in current if not e.member.is_vacant]
    vacant = [e for e in current if e.member.is_vacant]
    n_agencies = len({e.agency.id for e in named})
    who = (
        f"{len(named)} member{'s' if len(named) != 1 else ''} from {n_agencies} agenc{'ies' if n_agencies != 1 else 'y'}"
        if named
        else "No members named yet"
    )
    as_at.add_run(
        f"   ·   {who}" + (f"   ·   {len(vacant)} seat{'s' if len(vacant) != 1 else ''} vacant" if vacant else "")
    )
    if subcommittee is not None:
        offices = []
        for label, member_id in (("Chair", chair_id), ("Co-chair", co_chair_id)):
            m = names.get(member_id) if member_id is not None else None
            if m is not None:
                offices.append(f"{label}: {m.display_name if not m.is_vacant else 'vacant'} ({m.role_title})")
        if subcommittee.reporting_line:
            offices.append(f"Reports to: {subcommittee.reporting_line}")
        if offices:
            doc.add_paragraph(safe_text("   ·   ".join(offices)))

    doc.add_paragraph("Members by agency", style="Heading 1")
    if not shown:
        doc.add_paragraph("No agencies or members are recorded yet.")
    else:
        table = doc.add_table(rows=1, cols=len(_DOCX_COLUMNS))
        table.style = doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        table_borders(table, "A6A6A6")
        widths = [Cm(w) for _, w in _DOCX_COLUMNS]
        header = table.rows[0]
        repeat_header(header)
        for cell, (label, _), width in zip(header.cells, _DOCX_COLUMNS, widths, strict=True):
            cell.width = width
            shade(cell, _NAVY)
            run = cell.paragraphs[0].add_run(label)
            run.bold = True
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            run.font.size = Pt(9.5)
        for agency in _agency_order(shown):
            row = table.add_row()
            keep_row_together(row)
            merged = row.cells[0].merge(row.cells[-1])
            shade(merged, _AGENCY_FILL)
            para = merged.paragraphs[0]
            para.paragraph_format.keep_with_next = True
            run = para.add_run(safe_text(agency.name))
            run.bold = True
            run.font.size = Pt(10.5)
            run.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
            extra = []
            if agency.short_name and agency.short_name != agency.name:
                extra.append(safe_text(agency.short_name))
            if agency.statutory:
                extra.append("statutory partner")
            if agency.end_date is not None and not agency.is_active(today):
                extra.append(f"left {agency.end_date:%d/%m/%Y}")
            if extra:
                tail = para.add_run("   " + " · ".join(extra))
                tail.font.size = Pt(9)
                tail.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
                if agency.statutory:
                    tail.bold = True
            members = by_agency.get(agency.id, [])  # type: ignore[arg-type]
            if not members:
                row = table.add_row()
                keep_row_together(row)
                cell = row.cells[0].merge(row.cells[-1])
                run = cell.paragraphs[0].add_run("No member nominated")
                run.italic = True
                run.font.size = Pt(9)
                run.font.color.rgb = RGBColor(*_GREY)
            for m in _member_order(members, today):
                row = table.add_row()
                keep_row_together(row)
                cells = row.cells
                for cell, width in zip(cells, widths, strict=True):
                    cell.width = width
                _member_cells(cells, m, chair_id, co_chair_id, today)
        grid_widths(table, widths)

    doc.add_paragraph("About this register", style="Heading 2")
    key = doc.add_paragraph(style="List Bullet")
    key.add_run("Statutory partner").bold = True
    key.add_run(": one of the agencies the subcommittee's rules treat as statutory (ToR 3, 4).")
    key = doc.add_paragraph(style="List Bullet")
    key.add_run("Decision maker").bold = True
    key.add_run(
        ": “Yes” — may take decisions on behalf of their agency; “Representative” — attends as a representative, "
        "not a decision maker (for example, school members; ToR 4)."
    )
    key = doc.add_paragraph(style="List Bullet")
    key.add_run("Deputy").bold = True
    key.add_run(": the nominated deputy who attends when the member cannot (ToR 5).")
    if vacant:
        key = doc.add_paragraph(style="List Bullet")
        key.add_run("Vacant").bold = True
        key.add_run(": a post the Terms of Reference list, to which no one has yet been named.")

    footer = section.footer
    para = footer.paragraphs[0]
    para.style = doc.styles["Footer"]
    stops = para.paragraph_format.tab_stops
    # The Footer style's tabs are for portrait Letter: clear them, right-align at the margin.
    for inherited in doc.styles["Footer"].paragraph_format.tab_stops:
        stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    left = f"{TITLE}"
    if subcommittee is not None:
        left += f" — {subcommittee.short_name or subcommittee.name}"
    left += f" — as at {today:%d/%m/%Y}"
    run = para.add_run(safe_text(left) + "\t")
    run.font.size = Pt(8.5)
    run.font.color.rgb = RGBColor(*_GREY)
    page_x_of_y(para, Pt(8.5))

    set_properties(doc, title=TITLE if subcommittee is None else f"{TITLE} — {subcommittee.name}",
                   author=_author(subcommittee),
                   subject=(f"{TITLE} of the {subcommittee.name} as at {_long_date(today)}" if subcommittee is not None
                            else f"{TITLE} as at {_long_date(today)}"),
                   keywords="membership register; safeguarding children partnership", category="Membership register")

    return write_atomically(Path(path), lambda tmp: doc.save(str(tmp)))


def _member_cells(cells, m: Member, chair_id, co_chair_id, today: dt.date) -> None:
    from docx.shared import Pt, RGBColor

    def put(cell, text: str, *, bold=False, italic=False, grey=False, size=9.0):
        para = cell.paragraphs[0] if not cell.paragraphs[0].runs else cell.add_paragraph()
        run = para.add_run(safe_text(text))
        run.bold = bold
        run.italic = italic
        run.font.size = Pt(size)
        if grey:
            run.font.color.rgb = RGBColor(*_GREY)
        return run

    ended = m.end_date is not None and m.end_date < today
    if m.is_vacant:
        put(cells[0], "Vacant", italic=True, grey=True)
    else:
        put(cells[0], m.name, bold=not ended, grey=ended)
    office = "Chair" if m.id == chair_id else "Co-chair" if m.id == co_chair_id else ""
    if office:
        put(cells[0], office, italic=True, size=8.5)
    if ended:
        put(cells[0], f"Ended {m.end_date:%d/%m/%Y}", italic=True, grey=True, size=8.5)
    put(cells[1], m.role_title, grey=ended)
    if m.email:
        put(cells[2], m.email, grey=ended, size=8.5)
    if m.phone:
        put(cells[3], m.phone, grey=ended)
    if m.deputy_name:
        put(cells[4], m.deputy_name, grey=ended)
    if m.deputy_email:
        put(cells[4], m.deputy_email, grey=True, size=8)
    if not m.is_vacant:
        put(cells[5], "Yes" if m.decision_maker else "Representative", grey=ended)


_EXPORTERS = {
    ".csv": export_register_csv,
    ".xlsx": export_register_xlsx,
    ".docx": export_register_docx,
}


def export_register(store: Store, path: Path | str, *, include_ended: bool = False) -> Path:
    """Export the register to ``path``; the file's ending chooses CSV, XLSX or Word."""
    path = Path(path)
    exporter = _EXPORTERS.get(path.suffix.lower())
    if exporter is None:
        shown = f"'{path.suffix}'" if path.suffix else "no ending"
        raise ValueError(
            f"Cannot export the register to a file with {shown}: "
            "choose a name ending .csv (CSV), .xlsx (Excel) or .docx (Word)."
        )
    return exporter(store, path, include_ended=include_ended)


__all__ = [
    "ExportFileError",
    "SUPPORTED_SUFFIXES",
    "export_register",
    "export_register_csv",
    "export_register_docx",
    "export_register_xlsx",
]

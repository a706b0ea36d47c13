"""A Section 11 framework as a spreadsheet (.xlsx or .csv), out and back.

The file is a heading row ``Standard | Criterion | Text | Description`` and then
:func:`~mqp_desktop.domain.section11_framework.framework_rows`: one row per standard
(criterion empty, text = its title) followed by a row per sub-criterion. Reading goes
through :func:`~mqp_desktop.domain.section11_framework.framework_from_rows` for both
kinds of file, so an exported framework edited in Excel imports back unchanged, and
every problem is named by its spreadsheet row and column letter ("row 7, column C
(text)"). Nothing here writes to the database: save what is read with
:func:`mqp_desktop.store.section11_framework_edits.save_explained`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from mqp_desktop.domain.section11 import Framework
from mqp_desktop.domain.section11_framework import (
    FRAMEWORK_COLUMNS,
    FrameworkImportError,
    RowProblem,
    framework_from_rows,
    framework_rows,
)
from mqp_desktop.exporters.files import (
    ExportFileError,
    safe_text,
    save_workbook,
    unguard_formula,
    write_atomically,
    write_csv,
)
from mqp_desktop.exporters.section11_workbook_import import WorkbookError, _open, _read_bytes, _text
from mqp_desktop.exporters.sheets_in import SheetLimits
from mqp_desktop.files_in import FileInRefused, decode_text

__all__ = [
    "HEADINGS",
    "ExportFileError",
    "FrameworkImportError",
    "WorkbookError",
    "export_framework",
    "how_read",
    "read_framework",
]

HEADINGS = ("Standard", "Criterion", "Text", "Description")
SUFFIXES = (".xlsx", ".csv")
NAVY = "1F3864"
STANDARD_FILL = "D9E2F3"


def _letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else f"column {index + 1}"


# --- reading --------------------------------------------------------------------------------
# A framework is a few hundred rows of four columns.
SHEET_LIMITS = SheetLimits(max_rows=5_000, max_columns=26, stop_after_empty_rows=1_000)
MAX_ROWS = SHEET_LIMITS.max_rows
_SAVE_AGAIN = "Open it in Excel and save it again as an Excel Workbook (.xlsx) or as 'CSV UTF-8 (Comma delimited)'."


def _xlsx_rows(path: Path) -> list[list[Any]]:
    wb = _open(path, _SAVE_AGAIN)
    try:
        if not wb.sheetnames:
            raise WorkbookError(f"'{path.name}' has no sheets.", "Put the framework on the first sheet.")
        return wb.first_sheet_rows(SHEET_LIMITS)
    finally:
        wb.close()


def _csv_rows(path: Path, encoding: str | None = None) -> list[list[Any]]:
    data = _read_bytes(path, "spreadsheet", "the .csv file")
    try:
        text = decode_text(data, path.name, encoding=encoding, what="a CSV file", remedy=_SAVE_AGAIN).text
    except FileInRefused as exc:
        raise WorkbookError(exc.problem, exc.remedy) from None
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","  # Excel in some locales writes ';'
    rows: list[list[Any]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            if len(row) > SHEET_LIMITS.max_columns:
                raise WorkbookError(f"Line {reader.line_num} of '{path.name}' has {len(row):,} cells, more than a "
                                    f"framework has ({SHEET_LIMITS.max_columns} at most).", _SAVE_AGAIN)
            if len(rows) >= MAX_ROWS:
                raise WorkbookError(f"'{path.name}' has more than {MAX_ROWS:,} rows, more than a framework has.",
                                    "Keep one row per standard and sub-criterion.")
            rows.append(list(row))
    except csv.Error as exc:
        raise WorkbookError(f"'{path.name}' is not a well-formed CSV file (line {reader.line_num}: {exc}).",
                            _SAVE_AGAIN) from exc
    return rows


def how_read(path: Path | str) -> str:
    """A sentence on a CSV file's encoding when it had to be guessed (to show with the framework), else ''."""
    path = Path(path).expanduser()
    if path.suffix.lower() != ".csv":
        return ""
    try:
        decoded = decode_text(_read_bytes(path, "spreadsheet", "the .csv file"), path.name)
    except (WorkbookError, FileInRefused):
        return ""  # reading it says what is wrong
    if not decoded.guessed:
        return ""
    return (f"Read as {decoded.label}: the file is not UTF-8, so its encoding was guessed. Check the accented "
            "letters of the standards below; if they look wrong, save the file from Excel as 'CSV UTF-8' and "
            "import that.")


def read_framework(path: Path | str, *, name: str, description: str = "", version: int = 1,
                   encoding: str | None = None) -> Framework:
    """The framework in a .xlsx (its first sheet) or .csv file; writes nothing.

    A heading row naming ``standard`` and ``text`` (or ``title``) maps the columns by
    heading, in any order; without one the columns are taken as standard, criterion,
    text, description. A CSV file is read as UTF-8 (or UTF-16 with a byte order mark), in
    ``encoding`` if given, else in a guessed encoding (see :func:`mqp_desktop.files_in.decode_text`;
    one stray non-UTF-8 byte is refused by line). Raises :class:`WorkbookError` when the file cannot be read, and
    :class:`FrameworkImportError` listing every bad row by row and column letter.
    """
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise WorkbookError(f"'{path.name}' is not a spreadsheet this program reads.",
                            "Save it from Excel as an Excel Workbook (.xlsx) or as CSV UTF-8 (.csv).")
    rows = _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path, encoding)
    rows = [[unguard_formula(v) for v in row] for row in rows]  # an exported cell's "'" guard taken off
    while rows and not any(_text(v) for v in rows[-1]):
        rows.pop()
    if not rows:
        raise WorkbookError(f"'{path.name}' has nothing in it{' on its first sheet' if suffix == '.xlsx' else ''}.",
                            "Put a heading row (Standard, Criterion, Text, Description), then one row per "
                            "standard and sub-criterion: export a framework to see the layout.")
    header = [_text(v).lower() for v in rows[0]]
    headed = "standard" in header and ("text" in header or "title" in header)
    if headed:
        columns = {h: i for i, h in reversed(list(enumerate(header))) if h}
        if "text" not in columns:
            columns["text"] = columns["title"]
        body: list[Any] = [{h: (row[i] if i < len(row) else None) for h, i in columns.items()} for row in rows[1:]]
        first_row = 2
    else:
        columns = {h: i for i, h in enumerate(FRAMEWORK_COLUMNS)}
        body = [row[: len(FRAMEWORK_COLUMNS)] for row in rows]
        first_row = 1
    try:
        return framework_from_rows(body, name=name, version=version, description=description, first_row=first_row)
    except FrameworkImportError as exc:
        def where(column: str) -> str:
            return f"column {_letter(columns[column])} ({column})" if column in columns else column

        raise FrameworkImportError(
            [RowProblem(p.row, where(p.column), p.message) for p in _without_knock_ons(exc.problems, body, first_row)]
        ) from None


def _without_knock_ons(problems, body: list[Any], first_row: int) -> list[RowProblem]:
    """Leave out "standard N has no row of its own" under a standard whose own row was refused
    (a missing title would otherwise be reported again for every sub-criterion below it)."""
    def cell(row: int, column: str) -> str:
        values = body[row - first_row]
        if isinstance(values, dict):
            return _text(values.get(column))
        i = FRAMEWORK_COLUMNS.index(column)
        return _text(values[i]) if i < len(values) else ""

    refused = {cell(p.row, "standard") for p in problems
               if p.column != "standard" and not cell(p.row, "criterion")}
    return [p for p in problems
            if not (p.message.endswith("has no row of its own above this one") and cell(p.row, "standard") in refused)]


# --- writing --------------------------------------------------------------------------------
def export_framework(framework: Framework, path: Path | str) -> Path:
    """Write ``framework`` as .xlsx (a styled sheet and a 'How to edit' sheet) or .csv (UTF-8)."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportFileError(f"'{path.name}' is neither .xlsx nor .csv.",
                              "Name the file ending .xlsx (Excel) or .csv.")
    rows = [(n, c, safe_text(t), safe_text(d)) for n, c, t, d in framework_rows(framework)]
    if suffix == ".csv":
        return write_atomically(path, lambda tmp: write_csv(tmp, [HEADINGS, *rows]))
    return write_atomically(path, lambda tmp: _write_xlsx(framework, rows, tmp))


def _write_xlsx(framework: Framework, rows: list[tuple[int, str, str, str]], tmp: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Framework"
    ws.append(list(HEADINGS))
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=NAVY)
        cell.alignment = Alignment(vertical="center")
    top = Alignment(vertical="top", wrap_text=True)
    for number, code, text, description in rows:
        ws.append([number, code or None, text, description or None])
        line = ws[ws.max_row]
        for cell in line:
            cell.alignment = top
        line[0].alignment = Alignment(vertical="top", horizontal="center")
        if not code:
            for cell in line:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor=STANDARD_FILL)
    for letter, width in zip("ABCD", (10, 10, 70, 60), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:D{ws.max_row}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.center.text = safe_text(framework.label)
    ws.oddFooter.center.text = "Page &P of &N"

    notes = wb.create_sheet("How to edit")
    notes.column_dimensions["A"].width = 100
    lines = [
        (framework.label, True),
        (framework.description, False),
        ("", False),
        ("How to edit this framework", True),
        ("Only the first sheet (Framework) is read back. Keep its heading row.", False),
        (("A standard is a row with its number in Standard, Criterion empty, and its title in Text "
         "(Description is optional)."), False),
        (("A sub-criterion is a row below its standard, with the standard's number in Standard, its code in "
         "Criterion (e.g. 9.1, or just 1) and its wording in Text."), False),
        (("To add a standard, e.g. 'Voice of the child', add its row at the end with the next number, then its "
         "sub-criteria below it."), False),
        (("Then in MQ&P Desktop: Section 11 > Frameworks… > Import from spreadsheet… (or 'mqp s11 framework import'). "
         "Every problem is listed by row and column and nothing is saved until there are none."), False),
        ("A framework an audit round already uses is saved as a new version; the round keeps its own copy.", False),
    ]
    for text, bold in lines:
        notes.append([safe_text(text)])
        cell = notes.cell(notes.max_row, 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True, size=12)
    wb.active = 0
    save_workbook(wb, tmp)

"""Reading the spreadsheets that come in, within bounds.

Every importer of an .xlsx (the register, Section 11 agency workbooks, framework
spreadsheets) opens it with :func:`open_workbook`: the package is checked first
(:func:`mqp_desktop.files_in.check_package`: size, zip bombs, DTDs, macros), then
openpyxl reads it in read-only (streaming) mode, with ``defusedxml`` doing the
XML (see pyproject.toml). Its rows are read with :func:`read_rows` or
:func:`read_grid`, which ignore the sheet's declared size (a hostile
``<dimension ref="A1:XFD1048576"/>`` would otherwise make openpyxl pad every row
to 16,384 cells and invent a million rows), read at most
:attr:`SheetLimits.max_columns` columns, stop after
:attr:`SheetLimits.stop_after_empty_rows` empty rows in a row, and refuse a
sheet with more rows in use, or data further right, than an import takes.

Whatever openpyxl raises on a damaged workbook (broken XML, a missing part, a
value it cannot convert) becomes :class:`~mqp_desktop.files_in.FileInRefused`
(reason ``damaged``), naming the file and the sheet. Callers turn that into
their own error class with their own remedy. openpyxl is imported inside the
functions.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from mqp_desktop.files_in import IMPORT_LIMITS, PARSER_ERRORS, FileInRefused, ZipLimits, check_package

SPREADSHEET_KINDS = (".xlsx", ".xltx")


@dataclass(frozen=True)
class SheetLimits:
    max_rows: int = 10_000
    """Rows with something in them; more and the sheet is refused as bigger than an import can be."""
    max_columns: int = 100
    """Columns read; a value further right refuses the sheet."""
    stop_after_empty_rows: int = 1_000
    """Reading stops after this many empty rows in a row (the rest of the sheet is not the table)."""


def parser_errors() -> tuple[type[BaseException], ...]:
    """What openpyxl (and the XML and zip layers under it) raise on a damaged or hostile workbook."""
    from openpyxl.utils.exceptions import InvalidFileException

    return (*PARSER_ERRORS, InvalidFileException)


def _damaged(name: str, where: str, exc: BaseException, remedy: str) -> FileInRefused:
    detail = str(exc).strip()
    detail = f"{exc.__class__.__name__}: {detail[:100]}" if detail else exc.__class__.__name__
    return FileInRefused("damaged", f"'{name}' is not a valid Excel workbook (.xlsx): {where} cannot be read, it is "
                                    f"damaged ({detail}).", remedy)


def open_workbook(data: bytes, name: str, *, remedy: str, data_only: bool = True,
                  limits: ZipLimits = IMPORT_LIMITS):
    """The workbook in ``data`` (read-only, streaming) after the package checks; raise FileInRefused."""
    from openpyxl import load_workbook

    package = check_package(data, name, limits=limits, what="an Excel workbook (.xlsx)", remedy=remedy)
    if package.kind not in SPREADSHEET_KINDS:
        found = f"a {package.kind[1:].upper()} file" if package.kind else "an Office package without a workbook"
        raise FileInRefused("wrong_kind", f"'{name}' is not an Excel workbook (.xlsx): it is {found}.", remedy)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it skips
            return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only, keep_links=False)
    except parser_errors() as exc:
        raise _damaged(name, "its workbook", exc, remedy) from None


def close_workbook(wb) -> None:
    try:
        wb.close()
    except parser_errors():  # pragma: no cover - closing a BytesIO archive does not fail
        pass


def sheet_names(wb, name: str, remedy: str) -> list[str]:
    try:
        return list(wb.sheetnames)
    except parser_errors() as exc:  # pragma: no cover - read when opened
        raise _damaged(name, "its list of sheets", exc, remedy) from None


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(min(max(column, 1), 18278))


def _too_wide(title: str, name: str, limits: SheetLimits, column: int, row: int) -> FileInRefused:
    return FileInRefused(
        "sheet_too_wide",
        f"The sheet '{title}' of '{name}' has data in column {_letter(column)} (row {row}), further right than an "
        f"import reads ({limits.max_columns} columns).",
        "Delete the columns that are not part of the table, then import again.")


def _watch_far_cells(ws, title: str, name: str, limits: SheetLimits) -> None:
    """Refuse a value beyond the columns read, wherever it is: iter_rows(max_col=...) would drop it unseen.

    openpyxl's read-only sheet turns each parsed row (its real cells, as dicts) into a row of
    values in ``_get_row``; this looks at the real cells first. Without that hook (another
    openpyxl) only the first column past the limit is looked at (in _rows)."""
    original = getattr(ws, "_get_row", None)
    if original is None:  # pragma: no cover - openpyxl 3.1 has it
        return

    def get_row(row, min_col=1, max_col=None, values_only=False):
        for cell in row:
            column = cell.get("column", 0) if isinstance(cell, dict) else 0
            if column > limits.max_columns and cell.get("value") not in (None, ""):
                raise _too_wide(title, name, limits, column, int(cell.get("row") or 0))
        return original(row, min_col, max_col, values_only)

    ws._get_row = get_row


def _rows(ws, name: str, limits: SheetLimits, remedy: str, values_only: bool) -> Iterator[tuple[int, tuple]]:
    """(row number, cells) of the rows in use, bounded; the trailing empty rows left out."""
    title = _title(ws)
    if not hasattr(ws, "iter_rows"):
        raise FileInRefused("wrong_kind", f"The sheet '{title}' of '{name}' is a chart, not a table.", remedy)
    try:
        ws.reset_dimensions()  # the sheet's own <dimension> may claim A1:XFD1048576
        _watch_far_cells(ws, title, name, limits)
        rows = ws.iter_rows(max_col=limits.max_columns + 1, values_only=values_only)
        empty_run = 0
        used = 0
        pending: list[tuple[int, tuple]] = []
        for number, cells in enumerate(rows, start=1):
            values = cells if values_only else tuple(getattr(c, "value", None) for c in cells)
            if len(values) > limits.max_columns and values[limits.max_columns] not in (None, ""):
                raise _too_wide(title, name, limits, limits.max_columns + 1, number)
            cells = tuple(cells[:limits.max_columns])
            if all(v is None or v == "" for v in values):
                empty_run += 1
                pending.append((number, cells))
                if empty_run >= limits.stop_after_empty_rows:
                    return
                continue
            used += 1
            if used > limits.max_rows:
                raise FileInRefused(
                    "sheet_too_long",
                    f"The sheet '{title}' of '{name}' has more than {limits.max_rows:,} rows in use, more than an "
                    "import takes.",
                    "Split it into smaller files, or delete the rows below the table, then import again.")
            yield from pending
            pending.clear()
            empty_run = 0
            yield number, cells
    except FileInRefused:
        raise
    except parser_errors() as exc:
        raise _damaged(name, f"its sheet '{title}'", exc, remedy) from None


def _title(ws) -> str:
    return str(getattr(ws, "title", "") or "")[:60]


def read_rows(ws, name: str, *, remedy: str, limits: SheetLimits = SheetLimits(),
              values_only: bool = True) -> list[tuple[int, tuple]]:
    """The rows of a sheet as (row number, values or cells), within ``limits``; raise FileInRefused."""
    with warnings.catch_warnings():
        # openpyxl warns, cell by cell, about what it cannot read (a date serial past the year 9999 is
        # read as an error value): the importer's own cell checks say what is wrong with such a cell.
        warnings.simplefilter("ignore")
        return list(_rows(ws, name, limits, remedy, values_only))


@dataclass(frozen=True)
class GridCell:
    """A cell as read: its value and openpyxl's data type ('f' for a formula)."""

    value: Any = None
    data_type: str = "n"


EMPTY = GridCell()


@dataclass
class SheetGrid:
    """A sheet's cells in use, by (row, column), for reading cells by reference without the sheet."""

    title: str
    cells: dict[tuple[int, int], GridCell] = field(default_factory=dict)
    max_row: int = 1

    def cell(self, row: int, column: int) -> GridCell:
        return self.cells.get((row, column), EMPTY)

    def __getitem__(self, ref: str) -> GridCell:
        from openpyxl.utils.cell import coordinate_to_tuple

        return self.cell(*coordinate_to_tuple(ref))


def read_grid(ws, name: str, *, remedy: str, limits: SheetLimits = SheetLimits()) -> SheetGrid:
    """The cells of a sheet that hold something, within ``limits``; raise FileInRefused."""
    grid = SheetGrid(_title(ws))
    for number, cells in read_rows(ws, name, remedy=remedy, limits=limits, values_only=False):
        for column, c in enumerate(cells, start=1):
            value = getattr(c, "value", None)
            if value is not None:
                grid.cells[(number, column)] = GridCell(value, str(getattr(c, "data_type", "n")))
                grid.max_row = max(grid.max_row, number)
    return grid

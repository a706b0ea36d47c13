"""Importing indicator values from the spreadsheets partnerships already keep (CSV and XLSX), with a preview.

**Layouts.** Each sheet of a workbook is read on its own (a CSV file is one sheet, named after the
file); the layout is detected from its row of column headings, found among its first
:data:`HEADING_ROWS` rows in use (title rows above it are passed over):

* **wide**: indicators as rows, one column per period. A column headed Code (or Ref, ID) or
  Indicator names the indicator by its code, or by its title when no other indicator has that
  title; a Title column does the same by title. Period headings in any form
  :func:`~mqp_desktop.domain.periods.parse_period` reads ("Q1 2025-26", "2025/26 Q1", "Jun-25",
  "2025-06", "2025-26") or a date cell (read as the period of the row's indicator's frequency
  holding that day). Optional Agency and Reason columns.
* **long**: one row per value: indicator, Period, Value; optional Agency, England, Region,
  Statistical neighbours (the comparators) and Reason columns.

Other columns (Target, RAG, Notes ...) are ignored and named in the preview; a Unit column is used
to check each row is the indicator it names. A heading with a digit in it that is not a period
("Q5", "Quarter 1") makes that column's figures rejected, not silently ignored.

**Cells.** "12.5", "12.5%", "1,234" (commas between thousands only) and numbers are read as
numbers. An XLSX number cell **formatted as a percentage** (its number format has a % outside
quotes) holds a fraction, as Excel keeps it: 0.125 shown as "12.5%" is read as 12.5 (to twelve
significant figures); any other number cell is read as it is (12.5 is 12.5%). Blank cells are
skipped; "-", "n/a", "..", "x" (not available) and "*", "c", "<5" (suppressed) are skipped and
counted. Rejected, each naming its sheet, row and column (spreadsheet letters) and the fix: an
unknown indicator, a period it cannot read, a period of the wrong frequency, a period not begun,
text where a number belongs, a percentage over 100, a negative count (or rate, or days), an
unknown agency, a cell given twice (every copy is rejected, naming the others).

**Preview, then all or nothing.** :func:`preview_data_import` writes nothing: each cell will be
added, revised (old -> new: a value already entered changes only with a reason, the import's or
the row's Reason column), left unchanged, skipped or rejected. :func:`apply_data_import` writes
the values (``store.performance.apply_values``) and comparators (``apply_comparators``) in one
transaction, or nothing, after checking nothing changed since the preview; the change history
records the import. No Qt here: the window and the command line both call these functions.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.performance import (
    COMPARATOR_FIELDS,
    COMPARATOR_LABELS,
    UNIT_WORDS,
    ComparatorChange,
    Indicator,
    Outcome,
    Unit,
    ValueChange,
    format_value,
)
from mqp_desktop.domain.periods import ACCEPTED_FORMS, Frequency, Period, parse_period
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.files import unguard_formula
from mqp_desktop.exporters.sheets_in import SheetLimits
from mqp_desktop.files_in import MACRO_EXTENSIONS, DecodedText, FileInRefused, decode_text, human_size

if TYPE_CHECKING:
    from mqp_desktop.store import Store

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_COLUMNS = 400  # monthly columns for thirty years
MAX_ROWS = 10_000
MAX_SHEETS = 50
MAX_CELLS = 100_000  # figures read from one file, all sheets together
HEADING_ROWS = 10
SHEET_LIMITS = SheetLimits(max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)

VALUE = "value"
KINDS = (VALUE, *COMPARATOR_FIELDS)
KIND_WORDS = {VALUE: "value", **{k: f"{v} comparator" for k, v in COMPARATOR_LABELS.items()}}

ADD, REVISE, UNCHANGED, REJECT, SKIP = "add", "revise", "unchanged", "reject", "skip"
OUTCOMES = (ADD, REVISE, UNCHANGED, REJECT, SKIP)
SUPPRESSED, NOT_AVAILABLE = "suppressed", "not available"

WIDE, LONG = "wide", "long"
LAYOUT_WORDS = {WIDE: "wide (indicators as rows, one column per period)",
                LONG: "long (one row per value)"}

_SAVE_AGAIN = "Open it in Excel and save it again as an Excel Workbook (.xlsx), or as 'CSV UTF-8 (Comma delimited)'."
_SAVE_CSV = "In Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)', or save it as an Excel workbook (.xlsx)."
_LAYOUT_HELP = ("Give the sheet a row of column headings: Code (or Indicator) and one column per period headed "
                "like Q1 2025-26 or Jun-25 (the wide layout), or Code, Period and Value (the long layout).")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Headings, compared after _key() (lower case, letters and digits only, "(...)" dropped).
_ROLES: dict[str, tuple[str, ...]] = {
    "code": ("code", "indicatorcode", "ref", "reference", "indicatorref", "id", "indicatorid", "kpiref", "kpicode",
             "measurecode", "measureref", "pirefno", "refno"),
    "indicator": ("indicator", "measure", "kpi", "indicatorname", "measurename", "metric", "pi",
                  "performanceindicator"),
    "title": ("title", "indicatortitle", "description", "indicatordescription", "name"),
    "agency": ("agency", "organisation", "organization", "partner", "agencyname", "partneragency", "provider"),
    "period": ("period", "quarter", "month", "year", "date", "reportingperiod", "financialyear", "periodending",
               "periodend", "timeperiod", "periodkey"),
    "value": ("value", "figure", "result", "actual", "data", "performance", "outturn", "score", "amount",
              "localvalue", "localfigure", "ourvalue"),
    "england": ("england", "englandaverage", "national", "nationalaverage", "englandfigure", "englandvalue"),
    "region": ("region", "regional", "regionalaverage", "regionfigure", "regionvalue", "london", "londonaverage"),
    "statistical_neighbours": ("statisticalneighbours", "statisticalneighbour", "statneighbours", "statneighbour",
                               "sn", "snaverage", "statisticalneighboursaverage", "neighbours", "neighbour"),
    "reason": ("reason", "reasonforrevision", "revisionreason", "reasonforchange", "whyrevised", "revisedbecause"),
    "unit": ("unit", "units", "measureunit", "unitofmeasure"),
}
_ROLE_OF = {alias: role for role, aliases in _ROLES.items() for alias in aliases}
ROLE_WORDS = {"code": "code", "indicator": "indicator", "title": "title", "agency": "agency", "period": "period",
              "value": "value", "england": "England comparator", "region": "region comparator",
              "statistical_neighbours": "statistical neighbours comparator", "reason": "reason", "unit": "unit"}
_IDENTIFIERS = ("code", "indicator", "title")

_SUPPRESSED_WORDS = {"*", "**", "c", "[c]", "supp", "suppressed", "s", "[s]"}
_NOT_AVAILABLE_WORDS = {"-", "–", "—", "n/a", "na", "n.a.", "..", "...", ":", "x", "[x]", "[z]", "z",
                        "not available", "nk", "not known", "tbc", "?"}
_SMALL_NUMBER = re.compile(r"<\s*=?\s*\d+")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_PARTNERSHIP_WORDS = {"", "partnership", "all", "all agencies", "total", "partnership total", "whole partnership",
                      "overall", "-"}


class DataFileError(Exception):
    """The file cannot be read as indicator data at all: ``problem`` and ``remedy``."""

    def __init__(self, problem: str, remedy: str = ""):
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem} {remedy}".strip())

    def __str__(self) -> str:
        return f"{self.problem} {self.remedy}".strip()


# --- what the preview holds --------------------------------------------------------------------------
def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, r = divmod(column - 1, 26)
        letters = chr(65 + r) + letters
    return letters or "?"


@dataclass
class CellPlan:
    """What the import does with one cell (a value or a comparator figure).

    ``column`` is the cell's column (1 = A); ``fix_column`` the column whose cell is wrong for a
    rejection (the indicator's, the period's, the agency's ... or the cell's own).
    """

    sheet: str
    row: int
    column: int
    kind: str = VALUE
    outcome: str = ADD
    indicator: Indicator | None = None
    period: Period | None = None
    agency_id: int | None = None
    agency: str = ""
    value: float | None = None
    old_value: float | None = None
    text: str = ""
    reason: str = ""
    message: str = ""
    field: str = ""
    skipped: str = ""  # SUPPRESSED or NOT_AVAILABLE
    fix_column: int = 0
    sheet_label: str = ""
    period_column: int = 0  # where the period is (the cell's own column in the wide layout)
    agency_column: int = 0

    @property
    def cell(self) -> str:
        return f"{column_letter(self.column)}{self.row}"

    @property
    def where(self) -> str:
        """"sheet 'Data' row 7 column F" (the column to correct, for a rejection)."""
        return f"{self.sheet_label or repr(self.sheet)} row {self.row} column {column_letter(self.fix_column or self.column)}"

    @property
    def what(self) -> str:
        """"CP3 Q1 2025-26 (Police)", "CP3 Q1 2025-26 England" or what the file says."""
        code = self.indicator.code if self.indicator else ""
        period = self.period.short_label() if self.period else ""
        parts = " ".join(p for p in (code, period) if p)
        if self.agency:
            parts += f" ({self.agency})"
        if self.kind != VALUE:
            parts += f" {COMPARATOR_LABELS[self.kind]}"
        return parts or self.cell

    @property
    def needs_reason(self) -> bool:
        """A revision with no reason of its own: the import's reason is needed."""
        return self.outcome == REVISE and not self.reason

    def shown(self, value: float | None) -> str:
        if value is None:
            return ""
        return format_value(value, self.indicator.unit) if self.indicator else f"{value:g}"


@dataclass
class SheetRead:
    """How one sheet was read: its layout ('' when it holds no indicator data), the heading row,
    the periods found, the columns ignored, and a note."""

    name: str
    layout: str = ""
    heading_row: int = 0
    periods: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    note: str = ""
    label: str = ""

    @property
    def description(self) -> str:
        if not self.layout:
            return f"{self.label}: {self.note}"
        text = f"{self.label}: {LAYOUT_WORDS[self.layout]}, headings in row {self.heading_row}"
        if self.periods:
            text += (f"; {len(self.periods)} period columns, {self.periods[0]} to {self.periods[-1]}"
                     if len(self.periods) > 1 else f"; one period column, {self.periods[0]}")
        if self.ignored:
            text += f"; columns ignored: {', '.join(self.ignored)}"
        return text + "."


@dataclass
class DataImportPreview:
    source: Path
    sheets: list[SheetRead]
    cells: list[CellPlan]
    blanks: int = 0
    reason: str = ""
    encoding: str = ""
    encoding_label: str = ""
    encoding_guessed: bool = False
    encoding_examples: tuple[tuple[int, str], ...] = ()

    # the shape the register's preview dialog also reads
    @property
    def rows(self) -> list[CellPlan]:
        return self.cells

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys((ADD, REVISE, UNCHANGED, REJECT, SUPPRESSED, NOT_AVAILABLE), 0)
        for c in self.cells:
            out[c.skipped or c.outcome] += 1
        return out

    @property
    def rejected(self) -> list[CellPlan]:
        return [c for c in self.cells if c.outcome == REJECT]

    @property
    def has_rejections(self) -> bool:
        return any(c.outcome == REJECT for c in self.cells)

    @property
    def revisions(self) -> list[CellPlan]:
        return [c for c in self.cells if c.outcome == REVISE]

    def needing_reason(self, reason: str = "") -> list[CellPlan]:
        """Revisions with no reason, given ``reason`` for the whole import (or the preview's)."""
        if (reason or self.reason).strip():
            return []
        return [c for c in self.cells if c.needs_reason]

    @property
    def layouts(self) -> str:
        """One line per sheet: how it was read."""
        return "\n".join(s.description for s in self.sheets)

    @property
    def summary(self) -> str:
        c = self.counts
        text = (f"{c[ADD]} to add, {c[REVISE]} to revise, {c[UNCHANGED]} unchanged, {c[REJECT]} rejected")
        skipped = [f"{c[SUPPRESSED]} suppressed" if c[SUPPRESSED] else "",
                   f"{c[NOT_AVAILABLE]} not available" if c[NOT_AVAILABLE] else ""]
        skipped = [s for s in skipped if s]
        if skipped:
            text += f"; skipped: {', '.join(skipped)}"
        return text

    @property
    def encoding_note(self) -> str:
        """One line on how a CSV file was read, or '' for a workbook."""
        if not self.encoding:
            return ""
        if not self.encoding_guessed:
            return f"Read as {self.encoding_label}."
        examples = "; ".join(f"line {n}: {text[:60]}{'…' if len(text) > 60 else ''}"
                             for n, text in self.encoding_examples)
        return (f"Read as {self.encoding_label}: the file is not UTF-8, so its encoding was guessed. Check the accented "
                f"letters{' (' + examples + ')' if examples else ''}; if they look wrong, choose the encoding the file "
                "was saved in.")


# --- reading the file ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Cell:
    value: Any = None
    percent: bool = False  # an XLSX number shown as a percentage: the value is a fraction


_EMPTY = _Cell()


@dataclass
class _RawSheet:
    name: str
    label: str
    rows: list[tuple[int, list[_Cell]]]


@dataclass
class _RawFile:
    sheets: list[_RawSheet]
    text: DecodedText | None = None


def percent_format(number_format: str | None) -> bool:
    """Whether an Excel number format shows the number as a percentage (× 100, a % outside quotes)."""
    if not number_format or "%" not in number_format:
        return False
    fmt = re.sub(r'"[^"]*"', "", number_format)  # literal text: 0.0"%" shows 12.5 as 12.5%
    fmt = re.sub(r"\\.", "", fmt)  # escaped characters
    fmt = re.sub(r"\[[^\]]*\]", "", fmt)  # colours and conditions
    return "%" in fmt


def _open_error(path: Path, exc: OSError) -> DataFileError:
    if isinstance(exc, FileNotFoundError):
        return DataFileError(f"There is no file at '{path}'.", "Check the file name and folder, then try again.")
    if isinstance(exc, IsADirectoryError):
        return DataFileError(f"'{path}' is a folder, not a file.", "Choose the CSV or Excel file inside it.")
    return DataFileError(f"'{path.name}' could not be opened ({exc.strerror or exc}).",
                         "If it is open in Excel or another program, close it there and try again.")


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _csv_file(path: Path, data: bytes, encoding: str | None) -> _RawFile:
    try:
        decoded = decode_text(data, path.name, encoding=encoding, what="a CSV file", remedy=_SAVE_CSV)
    except FileInRefused as exc:
        raise DataFileError(exc.problem, exc.remedy) from None
    reader = csv.reader(io.StringIO(decoded.text, newline=""), delimiter=_sniff_delimiter(decoded.text))
    rows: list[tuple[int, list[_Cell]]] = []
    used = 0
    try:
        for n, record in enumerate(reader, start=1):
            if len(record) > MAX_COLUMNS:
                raise DataFileError(
                    f"Row {n} of '{path.name}' has {len(record):,} cells, more than an import reads ({MAX_COLUMNS}).",
                    "Delete the columns that are not part of the table, or save it again as 'CSV UTF-8 (Comma "
                    "delimited)' if its cells are split by the wrong character.")
            if any(c.strip() for c in record):
                used += 1
                if used > MAX_ROWS:
                    raise DataFileError(f"'{path.name}' has more than {MAX_ROWS:,} rows, more than an import takes.",
                                        "Split it into smaller files and import them one after the other.")
                rows.append((n, [_Cell(c) for c in record]))
    except csv.Error as exc:
        raise DataFileError(f"'{path.name}' is not a well-formed CSV file (line {reader.line_num}: {exc}).",
                            _SAVE_CSV) from exc
    return _RawFile([_RawSheet(path.stem[:60] or path.name, repr(path.name), rows)], decoded)


def _xlsx_file(path: Path, data: bytes) -> _RawFile:
    from mqp_desktop.exporters import sheets_in

    sheets: list[_RawSheet] = []
    try:
        wb = sheets_in.open_workbook(data, path.name, remedy=_SAVE_AGAIN, data_only=True)
        try:
            worksheets = list(wb.worksheets)
            if not worksheets:
                raise DataFileError(f"'{path.name}' has no worksheets.", _LAYOUT_HELP)
            if len(worksheets) > MAX_SHEETS:
                raise DataFileError(f"'{path.name}' has {len(worksheets)} sheets, more than an import reads "
                                    f"({MAX_SHEETS}).", "Copy the sheets holding indicator data into a new workbook.")
            for ws in worksheets:
                title = str(getattr(ws, "title", "") or "")[:60]
                if getattr(ws, "sheet_state", "visible") != "visible":
                    continue  # hidden sheets are workings, not the data
                if not hasattr(ws, "iter_rows"):
                    continue  # a chart sheet
                read = sheets_in.read_rows(ws, path.name, remedy=_SAVE_AGAIN, limits=SHEET_LIMITS, values_only=False)
                rows = []
                try:
                    for n, cells in read:
                        row = []
                        for c in cells:
                            value = getattr(c, "value", None)
                            pct = (isinstance(value, (int, float)) and not isinstance(value, bool)
                                   and percent_format(getattr(c, "number_format", None)))
                            row.append(_Cell(value, pct) if value is not None else _EMPTY)
                        if any(c.value not in (None, "") for c in row):
                            rows.append((n, row))
                except sheets_in.parser_errors() as exc:  # a cell's style that is not in the workbook
                    raise DataFileError(
                        f"'{path.name}' is not a valid Excel workbook (.xlsx): its sheet '{title}' cannot be read, "
                        f"it is damaged ({exc.__class__.__name__}).", _SAVE_AGAIN) from None
                sheets.append(_RawSheet(title, f"sheet '{title}'", rows))
        finally:
            sheets_in.close_workbook(wb)
    except FileInRefused as exc:
        raise DataFileError(exc.problem, exc.remedy) from None
    return _RawFile(sheets)


def _read_file(path: Path, encoding: str | None = None) -> _RawFile:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise DataFileError(f"'{path.name}' is an old-style Excel 97-2003 workbook (.xls), which this program cannot "
                            "read.", "Open it in Excel and save it as an Excel Workbook (.xlsx), then import that.")
    if suffix in MACRO_EXTENSIONS:
        raise DataFileError(
            f"'{path.name}' is {MACRO_EXTENSIONS[suffix]}: macros can run programs on the computer of whoever opens "
            "the file, so this program does not import macro-enabled files.",
            "Open it in Excel and save it as an Excel Workbook (.xlsx) or as 'CSV UTF-8', then import that.")
    if suffix not in SUPPORTED_SUFFIXES:
        raise DataFileError(f"'{path.name}' is not a CSV or Excel file.",
                            "Choose a file ending .csv or .xlsx (in Excel: File > Save As).")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataFileError(f"'{path.name}' is {human_size(size)}, more than the {human_size(MAX_FILE_BYTES)} an "
                                "import reads.", "Split it into smaller files, or delete the sheets that are not data.")
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _open_error(path, exc) from exc
    if not data.strip():
        raise DataFileError(f"'{path.name}' is empty.", _LAYOUT_HELP)
    if data.startswith(_OLE_MAGIC):
        raise DataFileError(
            f"'{path.name}' is password-protected, or is an old Excel 97-2003 workbook saved under a new name.",
            "Open it in Excel, remove the password (File > Info > Protect Workbook) and save it as an Excel "
            "Workbook (.xlsx) or 'CSV UTF-8'.")
    if data.startswith(_ZIP_MAGIC):
        return _xlsx_file(path, data)  # an .xlsx, or a workbook renamed .csv: read it as what it is
    if suffix == ".xlsx":
        raise DataFileError(f"'{path.name}' is not really an Excel workbook (perhaps a CSV file renamed to .xlsx).",
                            "Open it in Excel and save it as an Excel Workbook (.xlsx), or rename it to .csv.")
    return _csv_file(path, data, encoding)


# --- headings ------------------------------------------------------------------------------------------
def _key(text: str) -> str:
    text = re.sub(r"\(.*?\)", "", text or "")
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _text(value: Any) -> str:
    """A cell as text: whole numbers without '.0', a guarded formula's apostrophe taken off."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _CONTROL.sub("", str(value)).replace("\xa0", " ").replace("\u202f", " ").strip()
    return unguard_formula(text)


class _PeriodColumn:
    """A heading read as a period; a date, or text such as '2011-12' (December 2011 or the year
    2011-12), is read for each row's indicator's frequency."""

    def __init__(self, raw: Any):
        self.raw = raw
        self._by: dict[Frequency | None, Period | str] = {}

    def read(self, frequency: Frequency | None) -> Period | str:
        """The period, or why not (a message)."""
        if frequency not in self._by:
            try:
                self._by[frequency] = parse_period(self.raw, frequency) if frequency else parse_period(self.raw)
            except ValueError as exc:
                self._by[frequency] = str(exc)
        return self._by[frequency]

    @property
    def readable(self) -> bool:
        return any(isinstance(self.read(f), Period) for f in (None, *Frequency))

    def label(self) -> str:
        found = self.read(None)
        if isinstance(found, Period):
            return found.short_label()
        return _text(self.raw)


def _period_for(column: _PeriodColumn, ind: Indicator, what: str) -> tuple[Period | None, str, str]:
    wanted = ind.frequency
    found = column.read(wanted)
    if isinstance(found, Period):
        return found, "", ""
    other = column.read(None)
    shown = _text(column.raw)
    example = _example(wanted)
    if isinstance(other, Period) and other.frequency is not wanted:
        words = other.label() if other.short_label() != shown else other.label()[len(shown):].strip(" ()")
        return None, "frequency", (
            f"{what} '{shown}' is {_a(other.frequency)}{f' ({words})' if words else ''}, but {ind.code} is "
            f"{wanted.value}: give "
            f"{ind.code} a {_noun(wanted)}'s figure (a period like {example}), or move the figure to the right "
            f"indicator.")
    if not shown:
        return None, "period", f"{what} is empty: write the period, e.g. {example}."
    return None, "period", f"{what} '{shown}' is not a period this program can read: write it like {example} ({ACCEPTED_FORMS})."


def _a(f: Frequency) -> str:
    return {Frequency.MONTHLY: "a month", Frequency.QUARTERLY: "a quarter", Frequency.ANNUAL: "a financial year"}[f]


def _noun(f: Frequency) -> str:
    return {Frequency.MONTHLY: "month", Frequency.QUARTERLY: "quarter", Frequency.ANNUAL: "year"}[f]


def _example(f: Frequency) -> str:
    return {Frequency.MONTHLY: "Jun-25 or 2025-06", Frequency.QUARTERLY: "Q1 2025-26 or 2025/26 Q1",
            Frequency.ANNUAL: "2025-26"}[f]


@dataclass
class _Layout:
    kind: str
    heading_row: int
    roles: dict[str, int]  # role -> column (1-based)
    periods: dict[int, _PeriodColumn]  # wide: column -> its period
    unreadable: dict[int, str]  # wide: column -> heading that looks like a period but is not one
    ignored: dict[int, str]


def _classify(cells: Sequence[_Cell]) -> _Layout | None:
    roles: dict[str, int] = {}
    periods: dict[int, _PeriodColumn] = {}
    unreadable: dict[int, str] = {}
    ignored: dict[int, str] = {}
    for i, cell in enumerate(cells, start=1):
        raw = cell.value
        text = _text(raw)
        if not text:
            continue
        role = _ROLE_OF.get(_key(text)) if not isinstance(raw, (dt.date, int, float)) else None
        if role is not None:
            if role in roles:
                ignored[i] = text  # a second column of the same kind: the first is used
            else:
                roles[role] = i
            continue
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            unreadable[i] = text  # a number heading (2025): not a period
            continue
        column = _PeriodColumn(raw)
        if column.readable:
            periods[i] = column
        elif re.search(r"\d", text):
            unreadable[i] = text
        else:
            ignored[i] = text
    if not any(r in roles for r in _IDENTIFIERS):
        return None
    if "period" in roles and ("value" in roles or any(r in roles for r in COMPARATOR_FIELDS)):
        # Long: period headings elsewhere in the row are not columns of values.
        for i, column in periods.items():
            ignored[i] = _text(column.raw)
        for i, text in unreadable.items():
            ignored[i] = text
        return _Layout(LONG, 0, roles, {}, {}, ignored)
    if periods:
        if "value" in roles:
            ignored[roles.pop("value")] = "value"
        return _Layout(WIDE, 0, roles, periods, unreadable, ignored)
    return None


def _find_layout(sheet: _RawSheet) -> _Layout | None:
    for n, cells in sheet.rows[:HEADING_ROWS]:
        layout = _classify(cells)
        if layout is not None:
            layout.heading_row = n
            return layout
    return None


# --- reading a figure ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Figure:
    number: float | None = None
    skipped: str = ""  # SUPPRESSED / NOT_AVAILABLE
    field: str = ""
    problem: str = ""  # why rejected, with the fix
    blank: bool = False


_UNIT_WORDS = {Unit.NUMBER: "a number (a count)", Unit.PERCENTAGE: "a percentage", Unit.RATE: "a rate per 10,000",
               Unit.DAYS: "a number of days"}


def read_figure(cell: Any, ind: Indicator, what: str = "The value", percent: bool = False) -> _Figure:
    """A cell's figure for ``ind`` (see the module's notes): a number, blank, skipped, or why not."""
    value = cell
    unit = ind.unit
    if value is None or (isinstance(value, str) and not value.strip()):
        return _Figure(blank=True)
    if isinstance(value, bool):
        return _Figure(field="value", problem=f"{what} is {_text(value)}, not a number: enter the figure.")
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        return _Figure(field="value", problem=f"{what} is a date ({_text(value)}), not a number: format the cell as a "
                                              "number (Home > Number > General) and enter the figure.")
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            return _Figure(field="value", problem=f"{what} is not a finite number: enter the figure.")
        if percent:
            if unit is not Unit.PERCENTAGE:
                return _Figure(field="value", problem=(
                    f"{what} is formatted as a percentage ({number * 100:g}%), but {ind.code} is "
                    f"{_UNIT_WORDS[unit]}: format the cell as a number and enter the {_UNIT_WORDS[unit][2:]}."))
            number = float(f"{number * 100:.15g}")  # 0.333 -> 33.3, not 33.300000000000004
        return _checked(number, ind, what, _text(value) + ("%" if percent else ""))
    text = _text(value)
    lower = " ".join(text.casefold().split())
    if lower in _SUPPRESSED_WORDS or _SMALL_NUMBER.fullmatch(lower):
        return _Figure(skipped=SUPPRESSED)
    if lower in _NOT_AVAILABLE_WORDS:
        return _Figure(skipped=NOT_AVAILABLE)
    body = text.replace(" ", "").removeprefix("'")  # '12: typed as text in Excel
    pct = body.endswith("%")
    if pct:
        body = body[:-1]
    if "," in body:
        if not _THOUSANDS.fullmatch(body):
            return _Figure(field="value", problem=(
                f"{what} '{text}' is not a number this program reads: write decimals with a point (12.5) and "
                "thousands with commas or nothing (1,234 or 1234)."))
        body = body.replace(",", "")
    try:
        number = float(body)
    except ValueError:
        return _Figure(field="value", problem=(
            f"{what} '{text[:40]}' is text where a number belongs: enter the figure, leave the cell empty, or "
            "write * (suppressed) or n/a (not available)."))
    if not math.isfinite(number):
        return _Figure(field="value", problem=f"{what} '{text}' is not a finite number: enter the figure.")
    if pct and unit is not Unit.PERCENTAGE:
        return _Figure(field="value", problem=(
            f"{what} '{text}' is a percentage, but {ind.code} is {_UNIT_WORDS[unit]}: enter the "
            f"{_UNIT_WORDS[unit][2:]} without %."))
    return _checked(number, ind, what, text)


def _checked(number: float, ind: Indicator, what: str, shown: str) -> _Figure:
    unit = ind.unit
    if unit is Unit.PERCENTAGE and number > 100:
        return _Figure(field="value", problem=(
            f"{what} {shown} is over 100, but {ind.code} is a percentage (0 to 100): enter it as a percentage "
            "(12.5 for 12.5%), or check the cell is the right figure."))
    if number < 0:
        noun = {Unit.NUMBER: "a count", Unit.PERCENTAGE: "a percentage", Unit.RATE: "a rate per 10,000",
                Unit.DAYS: "a number of days"}[unit]
        return _Figure(field="value", problem=(
            f"{what} {shown} is negative, but {ind.code} is {noun}, which cannot be below 0: enter the "
            "figure itself (0 or more), or check the cell is the right figure."))
    return _Figure(number=number)


# --- indicators and agencies ------------------------------------------------------------------------------
def _fold(text: str) -> str:
    return " ".join((text or "").split()).casefold()


class _Known:
    """The indicators and agencies, indexed for reading a file."""

    def __init__(self, store: Store):
        perf = store.performance
        self.indicators = perf.indicators(include_retired=True)
        self.by_code = {i.code.casefold(): i for i in self.indicators}
        self.by_title: dict[str, list[Indicator]] = defaultdict(list)
        for i in self.indicators:
            self.by_title[_fold(i.title)].append(i)
        self.agencies = store.agencies()
        self.agency_by_key: dict[str, list[Any]] = defaultdict(list)
        for a in self.agencies:
            self.agency_by_key[_fold(a.name)].append(a)
            if a.short_name and _fold(a.short_name) != _fold(a.name):
                self.agency_by_key[_fold(a.short_name)].append(a)

    def indicator(self, code: str, indicator: str, title: str) -> tuple[Indicator | None, str, str]:
        """(indicator, '', '') or (None, role of the column at fault, message with the fix): by code,
        then the Indicator column (a code, a title, or 'CP3 Its title'), then the title."""
        for role, text in (("code", code), ("indicator", indicator)):
            found = self.by_code.get(text.strip().casefold()) if text else None
            if found is not None:
                return found, "", ""
        for role, text in (("indicator", indicator), ("title", title)):
            if not text:
                continue
            found, why = self._by_title(text)
            if found is not None or why:
                return found, ("" if found else role), why
        if indicator:
            found = self.by_code.get(indicator.split(maxsplit=1)[0].casefold())
            if found is not None:
                return found, "", ""
        for role, text in (("code", code), ("indicator", indicator), ("title", title)):
            if text:
                return None, role, self._unknown(text, role)
        return None, "code", ""

    def _by_title(self, text: str) -> tuple[Indicator | None, str]:
        found = self.by_title.get(_fold(text), [])
        if len(found) == 1:
            return found[0], ""
        if len(found) > 1:
            codes = " and ".join(i.code for i in found)
            return None, (f"The title '{text[:60]}' belongs to more than one indicator ({codes}): put the code in "
                          "the cell (or in a Code column) instead.")
        return None, ""

    def _unknown(self, text: str, role: str) -> str:
        shown = text.strip()[:60]
        names = [i.code for i in self.indicators] + [i.title for i in self.indicators]
        near = difflib.get_close_matches(shown, names, n=3, cutoff=0.6)
        hint = f" Did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        if not self.indicators:
            return (f"There is no indicator '{shown}': this database has no indicators yet. Add them first "
                    "('mqp indicators add'), then import their values.")
        return (f"There is no indicator {'with the code ' if role == 'code' else ''}'{shown}'.{hint} Correct the "
                "cell to an indicator's code or title, or add the indicator first ('mqp indicators list' shows them).")

    def agency(self, text: str) -> tuple[int | None, str, str]:
        """(agency id or None for the partnership, its name, '') or (None, '', why not)."""
        key = _fold(text)
        if key in _PARTNERSHIP_WORDS:
            return None, "", ""
        found = self.agency_by_key.get(key, [])
        if len(found) == 1:
            a = found[0]
            return a.id, a.short_name or a.name, ""
        if len(found) > 1:
            return None, "", (f"'{text[:60]}' is the short name of more than one agency: write the agency's full "
                              "name.")
        known = "; ".join(a.short_name or a.name for a in self.agencies[:10])
        return None, "", (f"'{text[:60]}' is not an agency in the register: write the agency's name or short name as "
                          f"the register has it ({known}{', ...' if len(self.agencies) > 10 else ''}), or leave "
                          "the cell empty for the partnership's own figure.")


# --- working out each cell ------------------------------------------------------------------------------
def _cell(cells: Sequence[_Cell], column: int | None) -> _Cell:
    if column is None or column < 1 or column > len(cells):
        return _EMPTY
    return cells[column - 1]


class _Planner:
    def __init__(self, known: _Known):
        self.known = known
        self.cells: list[CellPlan] = []
        self.blanks = 0
        self.figures = 0

    def count_figure(self, name: str) -> None:
        self.figures += 1
        if self.figures > MAX_CELLS:
            raise DataFileError(f"{name} holds more than {MAX_CELLS:,} figures, more than one import takes.",
                                "Split it into smaller files (a sheet or a few years each) and import them one "
                                "after the other.")

    def row_context(self, sheet: _RawSheet, layout: _Layout, n: int, cells: Sequence[_Cell]
                    ) -> tuple[Indicator | None, int, str, tuple[int | None, str], int, str, str]:
        """(indicator, column at fault, why not | agency (id, name), agency column at fault, why not, reason)."""
        roles = layout.roles
        code, indicator, title = (_text(_cell(cells, roles.get(r)).value) for r in _IDENTIFIERS)
        ind, role, why = self.known.indicator(code, indicator, title)
        bad_column = roles.get(role, roles.get("code", roles.get("indicator", roles.get("title", 1)))) if role else 0
        if ind is None and not why:
            why = "The row names no indicator: fill in its code (or title)."
        if ind is not None and "unit" in roles:
            unit_text = _text(_cell(cells, roles["unit"]).value)
            unit = UNIT_WORDS.get(_fold(unit_text))
            if unit is not None and unit is not ind.unit:
                why = (f"The Unit cell says '{unit_text}', but {ind.code} is {_UNIT_WORDS[ind.unit]}: check the row is "
                       f"{ind.code} ({ind.title[:50]}), or correct its unit.")
                return ind, roles["unit"], why, (None, ""), 0, "", ""
        agency_id, agency_name, agency_why = None, "", ""
        if "agency" in roles:
            agency_id, agency_name, agency_why = self.known.agency(_text(_cell(cells, roles["agency"]).value))
        reason = _text(_cell(cells, roles.get("reason")).value) if "reason" in roles else ""
        return ind, bad_column, why, (agency_id, agency_name), roles.get("agency", 0), agency_why, reason

    def figure(self, sheet: _RawSheet, n: int, column: int, kind: str, cell: _Cell, ind: Indicator | None,
               bad: tuple[int, str, str], period: tuple[Period | None, int, str, str],
               agency: tuple[int | None, str], agency_bad: tuple[int, str], reason: str) -> None:
        """One cell: blank, skipped, rejected, or a figure for the store to plan."""
        if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
            self.blanks += 1
            return
        self.count_figure(sheet.label)
        plan = CellPlan(sheet=sheet.name, sheet_label=sheet.label, row=n, column=column, kind=kind,
                        indicator=ind, agency_id=agency[0], agency=agency[1], text=_text(cell.value)
                        + ("" if not cell.percent else " (formatted as a percentage)"), reason=reason)
        self.cells.append(plan)
        bad_column, bad_field, bad_why = bad
        if ind is None or bad_why:
            self._reject(plan, bad_column, bad_field or "indicator", bad_why)
            return
        what = "The value" if kind == VALUE else f"The {COMPARATOR_LABELS[kind]} comparator"
        figure = read_figure(cell.value, ind, what, cell.percent)
        p, p_column, p_field, p_why = period
        plan.period, plan.period_column, plan.agency_column = p, p_column, agency_bad[0]
        if figure.skipped:
            plan.outcome, plan.skipped = SKIP, figure.skipped
            plan.message = ("Suppressed in the file (a small number kept private): skipped." if figure.skipped == SUPPRESSED
                            else "Marked not available in the file: skipped.")
            return
        if p is None:
            self._reject(plan, p_column, p_field, p_why)
            return
        if agency_bad[1]:
            self._reject(plan, agency_bad[0], "agency", agency_bad[1])
            return
        if kind != VALUE and agency[0] is not None:
            self._reject(plan, agency_bad[0], "agency", (
                "Comparators are the partnership's (England, the region and statistical neighbours against the whole "
                "partnership), not an agency's: put them on the row without an agency."))
            return
        if figure.problem:
            self._reject(plan, column, figure.field, figure.problem)
            return
        plan.value = figure.number

    @staticmethod
    def _reject(plan: CellPlan, column: int, field_: str, message: str) -> None:
        plan.outcome, plan.fix_column, plan.field, plan.message = REJECT, column or plan.column, field_, message

    def wide(self, sheet: _RawSheet, layout: _Layout) -> None:
        for n, cells in sheet.rows:
            if n <= layout.heading_row:
                continue
            figures = [(c, cell) for c, cell in ((c, _cell(cells, c)) for c in (*layout.periods, *layout.unreadable))
                       if cell.value not in (None, "")]
            if not figures:
                continue
            ind, bad_column, why, agency, agency_column, agency_why, reason = self.row_context(sheet, layout, n, cells)
            if ind is None and not any(_figure_like(cell) for _, cell in figures):
                continue  # a row of words (a theme's heading, a note): not data
            self.blanks += len(layout.periods) + len(layout.unreadable) - len(figures)
            for column, cell in sorted(figures):
                if column in layout.periods:
                    period_column = layout.periods[column]
                    if ind is not None:
                        p, f, w = _period_for(period_column, ind, f"The heading of column {column_letter(column)}")
                        period = (p, column, f, w)
                    else:
                        period = (None, column, "", "")
                else:
                    heading = layout.unreadable[column]
                    period = (None, column, "period", (
                        f"The heading of column {column_letter(column)} ('{heading[:30]}', row {layout.heading_row}) is "
                        f"not a period this program can read: write it like "
                        f"{_example(ind.frequency) if ind else 'Q1 2025-26 or Jun-25'}."))
                self.figure(sheet, n, column, VALUE, cell, ind, (bad_column, "unit" if bad_column == layout.roles.get("unit") else "indicator", why), period, agency,
                            (agency_column, agency_why), reason)

    def long(self, sheet: _RawSheet, layout: _Layout) -> None:
        roles = layout.roles
        period_column = roles["period"]
        kinds = [(VALUE, roles["value"])] if "value" in roles else []
        kinds += [(k, roles[k]) for k in COMPARATOR_FIELDS if k in roles]
        for n, cells in sheet.rows:
            if n <= layout.heading_row:
                continue
            figures = [(kind, column, _cell(cells, column)) for kind, column in kinds]
            figures = [f for f in figures if f[2].value not in (None, "")]
            if not figures:
                continue
            ind, bad_column, why, agency, agency_column, agency_why, reason = self.row_context(sheet, layout, n, cells)
            if ind is None and not any(_figure_like(cell) for _, _, cell in figures):
                continue
            raw_period = _cell(cells, period_column).value
            if ind is not None:
                p, f, w = _period_for(_PeriodColumn(raw_period), ind, "The period")
                period = (p, period_column, f, w)
            else:
                period = (None, period_column, "", "")
            for kind, column, cell in figures:
                self.figure(sheet, n, column, kind, cell, ind, (bad_column, "unit" if bad_column == layout.roles.get("unit") else "indicator", why), period, agency,
                            (agency_column, agency_why), reason if kind == VALUE else "")


def _figure_like(cell: _Cell) -> bool:
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    text = _text(value).replace(",", "").replace("%", "").strip()
    try:
        float(text)
    except ValueError:
        return False
    return True


def _mark_duplicates(cells: list[CellPlan]) -> None:
    """The same indicator, period and agency (or comparator) twice: every copy is rejected."""
    groups: dict[tuple, list[CellPlan]] = defaultdict(list)
    for c in cells:
        if c.outcome == REJECT or c.outcome == SKIP or c.indicator is None or c.period is None:
            continue
        groups[(c.indicator.id, c.period.key, c.agency_id if c.kind == VALUE else None, c.kind)].append(c)
    for group in groups.values():
        if len(group) < 2:
            continue
        for c in group:
            others = "; ".join(o.where.replace(" column ", ", cell ").split(", cell ")[0] + f" cell {o.cell}"
                               for o in group if o is not c)
            c.outcome, c.field, c.fix_column = REJECT, "duplicate", c.column
            c.message = (f"{c.what} is given more than once in the file (also {others}): keep one of them and "
                         "delete the others.")


# --- the public functions -------------------------------------------------------------------------------
REASON_PLACEHOLDER = "(reason to be given)"


def preview_data_import(store: Store, path: Path | str, *, reason: str = "", encoding: str | None = None,
                        progress: Callable[[int, int], None] | None = None) -> DataImportPreview:
    """What importing ``path`` would do, cell by cell. Writes nothing.

    ``reason``: why values already entered change (the whole import's; a Reason column gives a
    row's own). ``encoding`` reads a CSV file that way instead of detecting it. Raises
    :class:`DataFileError` when the file cannot be read as indicator data at all.
    """
    path = Path(path)
    raw = _read_file(path, encoding)
    return plan_data_import(store, path, raw, reason=reason)


def read_data_file(path: Path | str, *, encoding: str | None = None) -> _RawFile:
    """Read the file only (no database): for a worker thread; then :func:`plan_data_import`."""
    return _read_file(Path(path), encoding)


def plan_data_import(store: Store, path: Path | str, raw: _RawFile, *, reason: str = "") -> DataImportPreview:
    """The preview of a file already read with :func:`read_data_file`."""
    path = Path(path)
    known = _Known(store)
    planner = _Planner(known)
    sheets: list[SheetRead] = []
    for sheet in raw.sheets:
        read = SheetRead(sheet.name, label=sheet.label[0].upper() + sheet.label[1:])
        sheets.append(read)
        if not sheet.rows:
            read.note = "empty, not read"
            continue
        layout = _find_layout(sheet)
        if layout is None:
            read.note = (f"no row of column headings naming the indicators (Code, Indicator or Title) and the periods "
                         f"(a column per period, or Period and Value columns) in its first {HEADING_ROWS} rows, so it "
                         "was not read")
            continue
        read.layout, read.heading_row = layout.kind, layout.heading_row
        read.periods = [layout.periods[c].label() for c in sorted(layout.periods)]
        read.ignored = [f"{text[:30]} ({column_letter(c)})" for c, text in sorted(layout.ignored.items())]
        if layout.kind == WIDE:
            planner.wide(sheet, layout)
        else:
            planner.long(sheet, layout)
    if not any(s.layout for s in sheets):
        only = sheets[0].note if len(sheets) == 1 else "none of its sheets has indicator data"
        raise DataFileError(f"'{path.name}' was not read: {only}.", _LAYOUT_HELP)
    cells = planner.cells
    _mark_duplicates(cells)
    _plan_with_store(store, cells, reason)
    text = raw.text
    return DataImportPreview(
        source=path, sheets=sheets, cells=cells, blanks=planner.blanks, reason=reason.strip(),
        encoding=text.encoding if text else "", encoding_label=text.label if text else "",
        encoding_guessed=bool(text and text.guessed), encoding_examples=text.accented_lines if text else ())


def _changes(cells: Iterable[CellPlan], reason: str) -> tuple[list[tuple[CellPlan, ValueChange]],
                                                              list[tuple[CellPlan, ComparatorChange]]]:
    values, comparators = [], []
    for c in cells:
        if c.outcome in (REJECT, SKIP) or c.indicator is None or c.period is None:
            continue
        source = c.where
        if c.kind == VALUE:
            values.append((c, ValueChange(c.indicator.id, c.period, c.value, c.agency_id,  # type: ignore[arg-type]
                                          c.reason or reason, source)))
        else:
            comparators.append((c, ComparatorChange(c.indicator.id, c.period, c.kind,  # type: ignore[arg-type]
                                                    c.value, source)))
    return values, comparators


_OUTCOME = {Outcome.ADD: ADD, Outcome.REVISE: REVISE, Outcome.UNCHANGED: UNCHANGED, Outcome.REJECT: REJECT}


def _plan_with_store(store: Store, cells: list[CellPlan], reason: str) -> None:
    """The store's own checks (period begun, retired, agency breakdowns, what is stored now)."""
    perf = store.performance
    values, comparators = _changes(cells, reason.strip() or REASON_PLACEHOLDER)
    for (c, _), planned in zip(values, perf.preview_values([v for _, v in values]), strict=True):
        _take(c, planned.outcome, planned.old_value, planned.field, planned.message)
    for (c, _), planned in zip(comparators, perf.preview_comparators([v for _, v in comparators]), strict=True):
        _take(c, planned.outcome, planned.old_value, planned.field, planned.message)


def _take(c: CellPlan, outcome: Outcome, old: float | None, field_: str, message: str) -> None:
    if (outcome is Outcome.REVISE and old is not None and c.value is not None
            and math.isclose(old, c.value, rel_tol=1e-12, abs_tol=1e-12)):
        # The same figure, written to fewer digits than stored (a percentage cell keeps a fraction).
        outcome, c.value = Outcome.UNCHANGED, old
    c.outcome, c.old_value = _OUTCOME[outcome], old
    if outcome is Outcome.REJECT:
        columns = {"period": c.period_column, "agency_id": c.agency_column}
        c.field, c.message = field_ or "value", message
        c.fix_column = columns.get(field_) or c.column


def _cells_text(cells: Sequence[CellPlan], limit: int = 6) -> str:
    parts = [f"{c.where} ({c.field})" for c in cells[:limit]]
    if len(cells) > limit:
        parts.append(f"and {len(cells) - limit} more")
    return "; ".join(parts)


def apply_data_import(store: Store, preview: DataImportPreview, *, reason: str = "",
                      skip_rejected: bool = False) -> dict[str, int]:
    """Write a previewed import: every value and comparator in one transaction, or nothing.

    Refused (ValidationError, nothing written) when cells were rejected (unless
    ``skip_rejected``), when revisions have no reason (``reason``, the import's, or the row's
    Reason column), or when the data changed since the preview. Returns the cells per outcome.
    """
    name = preview.source.name
    reason = (reason or preview.reason).strip()
    rejected = preview.rejected
    if rejected and not skip_rejected:
        n = len(rejected)
        raise ValidationError("import", (
            f"{n} cell{'s' if n != 1 else ''} of {name} {'were' if n != 1 else 'was'} rejected, so nothing was "
            f"imported: {_cells_text(rejected)}. Correct the file and preview it again, or import the rest."))
    needing = preview.needing_reason(reason)
    if needing:
        n = len(needing)
        shown = "; ".join(f"{c.what} {c.shown(c.old_value)} -> {c.shown(c.value)}" for c in needing[:4])
        raise ValidationError("reason", (
            f"{n} value{'s' if n != 1 else ''} already entered would change ({shown}{', ...' if n > 4 else ''}): "
            "a value entered is revised only with a reason. Give the reason for the revisions (e.g. 'revised figures "
            "from the agency'), or add a Reason column to the file."))
    values, comparators = _changes(preview.cells, reason)
    with store.write():
        perf = store.performance
        fresh = [(c, p.outcome, p.old_value) for (c, _), p in zip(values, perf.preview_values([v for _, v in values]),
                                                                  strict=True)]
        fresh += [(c, p.outcome, p.old_value) for (c, _), p in zip(
            comparators, perf.preview_comparators([v for _, v in comparators]), strict=True)]
        stale = [c for c, outcome, old in fresh if _OUTCOME[outcome] != c.outcome or old != c.old_value]
        if stale:
            raise ValidationError("import", (
                f"The indicator data changed after {name} was previewed ({', '.join(c.what for c in stale[:4])}"
                f"{', ...' if len(stale) > 4 else ''} would now do something different), so nothing was imported. "
                "Preview the file again and check it before importing."))
        perf.apply_values([v for c, v in values if c.outcome in (ADD, REVISE)], what=name)
        perf.apply_comparators([v for c, v in comparators if c.outcome in (ADD, REVISE)], what=name)
    counts = preview.counts
    return {k: counts[k] for k in (ADD, REVISE, UNCHANGED, REJECT, SUPPRESSED, NOT_AVAILABLE)}


def preview_with_reason(preview: DataImportPreview, reason: str) -> DataImportPreview:
    """The same preview with another reason for the whole import."""
    return replace(preview, reason=reason.strip())

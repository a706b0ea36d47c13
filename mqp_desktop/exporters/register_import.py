"""Importing the membership register from a CSV or XLSX file, with a preview.

The file has one row per seat, under a heading row naming the columns
(:data:`COLUMNS`; common variants such as "Post" or "Decision maker" are
accepted). :func:`preview_import` reads the file and works out, per row,
whether it adds a member, updates one (or names someone to a vacant seat),
changes nothing, or is rejected and why, by row and column. It writes
nothing. :func:`apply_import` then writes the whole preview in one
transaction, or nothing at all.

Matching a row to the register, in order:

1. the same email address (case-insensitive);
2. the same name at the same agency;
3. a seat of that agency with that post listed but not yet named (the row
   *fills* it);

otherwise the row adds a new member. A row with an empty name may only
stand for a seat already listed as vacant (that is how an export writes
vacant seats).

A cell left empty clears that detail; a column left out of the file leaves
that detail as it is. An empty ``decision_maker`` cell keeps the existing
setting (new members default to decision maker).

No Qt here: the GUI and the command line both call these functions.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.validation import (
    ValidationError,
    check_date_order,
    clean_email,
    clean_phone,
    parse_date,
)
from mqp_desktop.exporters.sheets_in import SheetLimits
from mqp_desktop.files_in import MACRO_EXTENSIONS, DecodedText, FileInRefused, decode_text, human_size
from mqp_desktop.store.store import validate_member

if TYPE_CHECKING:
    from mqp_desktop.store import Store

COLUMNS: tuple[str, ...] = (
    "name",
    "role_title",
    "agency",
    "email",
    "phone",
    "decision_maker",
    "deputy_name",
    "deputy_email",
    "start_date",
    "end_date",
    "notes",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("name", "role_title", "agency")

# How each column is called in messages and in the preview's headings.
COLUMN_LABELS: dict[str, str] = {
    "name": "Name",
    "role_title": "Role title",
    "agency": "Agency",
    "email": "Email",
    "phone": "Phone",
    "decision_maker": "Decision maker",
    "deputy_name": "Deputy name",
    "deputy_email": "Deputy email",
    "start_date": "Start date",
    "end_date": "End date",
    "notes": "Notes",
}

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
EXAMPLE_FILE = "register-import-example.csv"

# Heading variants, compared after _header_key() (lower case, letters and digits only).
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "membername", "fullname", "member", "names"),
    "role_title": ("roletitle", "role", "post", "posttitle", "jobtitle", "title", "position", "seat"),
    "agency": ("agency", "agencyname", "organisation", "organization", "org", "partneragency", "agencyshortname"),
    "email": ("email", "emailaddress", "mail"),
    "phone": ("phone", "telephone", "tel", "phonenumber", "telephonenumber", "mobile", "contactnumber"),
    "decision_maker": ("decisionmaker", "decisionmakeryesno", "decisionmaking", "voting", "votingmember"),
    "deputy_name": ("deputyname", "deputy", "nominateddeputy", "nominateddeputyname"),
    "deputy_email": ("deputyemail", "deputyemailaddress", "nominateddeputyemail"),
    "start_date": ("startdate", "start", "from", "datefrom", "joined", "datejoined", "appointed"),
    "end_date": ("enddate", "end", "to", "dateto", "left", "dateleft"),
    "notes": ("notes", "note", "comments", "comment"),
}
_HEADER_TO_COLUMN: dict[str, str] = {alias: col for col, aliases in _ALIASES.items() for alias in aliases}

_YES = {"yes", "y", "true", "t", "1", "x", "decision maker", "decisionmaker", "voting", "✓", "✔"}
_NO = {"no", "n", "false", "f", "0", "representative", "representative only", "rep", "non-voting", "not voting"}

# Control characters (a pasted backspace, form feed...) mean nothing in a register and
# cannot be stored in XLSX or Word files: they are dropped. Tabs and line breaks stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Cells an export protected from spreadsheet formula evaluation with a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# An import reads at most this much (a register is a few hundred rows of a dozen columns).
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 100
SHEET_LIMITS = SheetLimits(max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an encrypted .xlsx


# --- errors and results ----------------------------------------------------------------------
class ImportFileError(Exception):
    """The file cannot be read as a register at all. Says the problem and the fix."""

    def __init__(self, problem: str, remedy: str = ""):
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem} {remedy}".strip())


class ImportRejected(ValueError):
    """Apply refused: rows were rejected (or, see ImportOutdated, the register moved on)."""

    def __init__(self, message: str, rows: list[RowOutcome] | None = None):
        super().__init__(message)
        self.rows = list(rows or [])


class ImportOutdated(ImportRejected):
    """The register changed after the preview was made: preview the file again."""


@dataclass
class RowProblem:
    column: str
    message: str

    def __str__(self) -> str:
        return f"{COLUMN_LABELS.get(self.column, self.column)}: {self.message}"


@dataclass
class RowOutcome:
    row: int
    action: str  # "add" | "update" | "unchanged" | "reject"
    member: Member | None
    existing: Member | None
    changes: dict[str, tuple[object, object]] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """Who the row is about, for lists and messages."""
        if self.member is not None:
            return self.member.display_name
        name = self.values.get("name", "").strip()
        return name or f"(vacant) {self.values.get('role_title', '').strip()}".strip()

    @property
    def problem_text(self) -> str:
        return "; ".join(str(p) for p in self.problems)


ACTIONS = ("add", "update", "unchanged", "reject")


@dataclass
class ImportPreview:
    source: Path
    rows: list[RowOutcome]
    # The columns the file has (a column left out leaves that detail unchanged).
    columns: tuple[str, ...] = COLUMNS
    # How a CSV file was read: the codec ('' for a workbook), its words, whether it was guessed,
    # and for a guess the first lines with accented letters (number, text), to check.
    encoding: str = ""
    encoding_label: str = ""
    encoding_guessed: bool = False
    encoding_examples: tuple[tuple[int, str], ...] = ()

    @property
    def encoding_note(self) -> str:
        """One line on how the file was read, or '' for a workbook."""
        if not self.encoding:
            return ""
        if not self.encoding_guessed:
            return f"Read as {self.encoding_label}."
        examples = "; ".join(f"line {n}: {text[:60]}{'…' if len(text) > 60 else ''}"
                             for n, text in self.encoding_examples)
        return (f"Read as {self.encoding_label}: the file is not UTF-8, so its encoding was guessed. Check the accented "
                f"names{' (' + examples + ')' if examples else ''}; if they look wrong, choose the encoding the file "
                "was saved in.")

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(ACTIONS, 0)
        for r in self.rows:
            out[r.action] += 1
        return out

    @property
    def rejected(self) -> list[RowOutcome]:
        return [r for r in self.rows if r.action == "reject"]

    @property
    def has_rejections(self) -> bool:
        return any(r.action == "reject" for r in self.rows)

    @property
    def summary(self) -> str:
        c = self.counts
        return (
            f"{c['add']} to add, {c['update']} to update, {c['unchanged']} unchanged, "
            f"{c['reject']} rejected"
        )


# --- reading the file ------------------------------------------------------------------------
def _header_key(text: str) -> str:
    text = re.sub(r"\(.*?\)", "", text or "")  # "Decision maker (yes/no)"
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _clean_cell(value: object) -> str:
    """A cell as text: dates as ISO, whole numbers without '.0', booleans as yes/no."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = _CONTROL.sub("", str(value)).replace("\xa0", " ").strip()
    # An export guards text that a spreadsheet would run as a formula with "'".
    if text.startswith("'") and text[1:2] in _FORMULA_START and text[1:2]:
        text = text[1:]
    return text


def _open_error(path: Path, exc: OSError) -> ImportFileError:
    if isinstance(exc, FileNotFoundError):
        return ImportFileError(f"There is no file at '{path}'.", "Check the file name and folder, then try again.")
    if isinstance(exc, IsADirectoryError):
        return ImportFileError(f"'{path}' is a folder, not a file.", "Choose the CSV or Excel file inside it.")
    return ImportFileError(
        f"'{path.name}' could not be opened ({exc.strerror or exc}).",
        "If it is open in Excel or another program, close it there and try again.",
    )


_SAVE_AGAIN = "Open it in Excel and save it again as an Excel Workbook (.xlsx), or as 'CSV UTF-8 (Comma delimited)'."
_SAVE_CSV = "In Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)', or save it as an Excel workbook (.xlsx)."


def _refused(exc: FileInRefused) -> ImportFileError:
    return ImportFileError(exc.problem, exc.remedy)


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


@dataclass(frozen=True)
class _Grid:
    rows: list[tuple[int, list[object]]]
    text: DecodedText | None = None  # how a CSV file was decoded (None for a workbook)


def _csv_grid(path: Path, data: bytes, encoding: str | None) -> _Grid:
    try:
        decoded = decode_text(data, path.name, encoding=encoding, what="a CSV file", remedy=_SAVE_CSV)
    except FileInRefused as exc:
        raise _refused(exc) from None
    text = decoded.text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    rows: list[tuple[int, list[object]]] = []
    try:
        # Each CSV record is one spreadsheet row, even when a cell holds line breaks.
        for n, record in enumerate(reader, start=1):
            if len(record) > MAX_COLUMNS:
                raise ImportFileError(
                    f"Row {n} of '{path.name}' has {len(record):,} cells, more than an import reads ({MAX_COLUMNS}): "
                    "it is not a register (or its cells are split by the wrong character).",
                    "Open it in Excel and save it again as 'CSV UTF-8 (Comma delimited)'.")
            if any(record):
                if len(rows) >= MAX_ROWS:
                    raise ImportFileError(f"'{path.name}' has more than {MAX_ROWS:,} rows, more than an import takes.",
                                          "Split it into smaller files and import them one after the other.")
            rows.append((n, list(record)))
    except csv.Error as exc:
        where = f"line {reader.line_num}"
        if "field larger than field limit" in str(exc):
            raise ImportFileError(
                f"'{path.name}' has a cell longer than {csv.field_size_limit():,} characters ({where}): it is not a "
                "register, or a quote mark opens a cell that never closes.",
                "Open it in Excel, check the cells around that line, and save it again as 'CSV UTF-8'.") from exc
        raise ImportFileError(
            f"'{path.name}' is not a well-formed CSV file ({where}: {exc}).",
            "Open it in Excel and save it again as 'CSV UTF-8 (Comma delimited)'.",
        ) from exc
    return _Grid(rows, decoded)


def _xlsx_grid(path: Path, data: bytes) -> _Grid:
    from mqp_desktop.exporters import sheets_in

    try:
        # From the bytes, not the name: openpyxl refuses a workbook whose name ends .csv.
        wb = sheets_in.open_workbook(data, path.name, remedy=_SAVE_AGAIN, data_only=True)
        try:
            if not wb.worksheets:
                raise ImportFileError(f"'{path.name}' has no worksheets.", "Put the register on the first sheet.")
            rows = sheets_in.read_rows(wb.worksheets[0], path.name, remedy=_SAVE_AGAIN, limits=SHEET_LIMITS)
        finally:
            sheets_in.close_workbook(wb)
    except FileInRefused as exc:
        raise _refused(exc) from None
    return _Grid([(n, list(cells)) for n, cells in rows])


def _grid(path: Path, encoding: str | None = None) -> _Grid:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise ImportFileError(
            f"'{path.name}' is an old-style Excel 97-2003 workbook (.xls), which this program cannot read.",
            "Open it in Excel and save it as an Excel Workbook (.xlsx) or as 'CSV UTF-8', then import that.",
        )
    if suffix in MACRO_EXTENSIONS:
        raise ImportFileError(
            f"'{path.name}' is {MACRO_EXTENSIONS[suffix]}: macros can run programs on the computer of whoever opens "
            "the file, so this program does not import macro-enabled files.",
            "Open it in Excel and save it as an Excel Workbook (.xlsx) or as 'CSV UTF-8', then import that.",
        )
    if suffix not in SUPPORTED_SUFFIXES:
        raise ImportFileError(
            f"'{path.name}' is not a CSV or Excel file.",
            "Choose a file ending .csv or .xlsx (in Excel: File > Save As, 'CSV UTF-8' or 'Excel Workbook').",
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(
                f"'{path.name}' is {human_size(size)}, more than the {human_size(MAX_FILE_BYTES)} an import reads: "
                "it is not a register.", "Choose the register's own file.")
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _open_error(path, exc) from exc
    if not data.strip():
        raise ImportFileError(
            f"'{path.name}' is empty.",
            f"Put the column headings ({', '.join(COLUMNS)}) in the first row and one member per row below.",
        )
    if data.startswith(_OLE_MAGIC):
        raise ImportFileError(
            f"'{path.name}' is password-protected, or is an old Excel 97-2003 workbook saved under a new name.",
            "Open it in Excel, remove the password (File > Info > Protect Workbook) and save it as an "
            "Excel Workbook (.xlsx) or 'CSV UTF-8'.",
        )
    if data.startswith(_ZIP_MAGIC):
        # An .xlsx - or an Excel workbook someone renamed to .csv: read it as what it is.
        return _xlsx_grid(path, data)
    if suffix == ".xlsx":
        raise ImportFileError(
            f"'{path.name}' is not really an Excel workbook (perhaps a CSV file renamed to .xlsx).",
            "Open it in Excel and save it as an Excel Workbook (.xlsx), or rename it to .csv.",
        )
    return _csv_grid(path, data, encoding)


@dataclass
class _Sheet:
    columns: tuple[str, ...]
    rows: list[tuple[int, dict[str, str]]]
    text: DecodedText | None = None


def _read_sheet(path: Path, encoding: str | None = None) -> _Sheet:
    read = _grid(path, encoding)
    grid = [(n, [_clean_cell(c) for c in cells]) for n, cells in read.rows]
    grid = [(n, cells) for n, cells in grid if any(cells)]
    if not grid:
        raise ImportFileError(
            f"'{path.name}' has no data in it.",
            f"Put the column headings ({', '.join(COLUMNS)}) in the first row and one member per row below.",
        )
    header_row, headers = grid[0]
    data_rows = grid[1:]
    known = ", ".join(COLUMNS)
    index: dict[str, int] = {}
    unknown: list[str] = []
    for i, text in enumerate(headers):
        if not text:
            if any(i < len(cells) and cells[i] for _, cells in data_rows):
                raise ImportFileError(
                    f"Column {_column_letter(i)} of '{path.name}' has data but no heading in row {header_row}.",
                    f"Give it one of the headings {known}, or delete the column.",
                )
            continue
        column = _HEADER_TO_COLUMN.get(_header_key(text))
        if column is None:
            unknown.append(text)
        elif column in index:
            raise ImportFileError(
                f"Columns {_column_letter(index[column])} ('{headers[index[column]]}') and "
                f"{_column_letter(i)} ('{text}') of '{path.name}' both hold the {COLUMN_LABELS[column].lower()}.",
                "Keep one of them and delete the other.",
            )
        else:
            index[column] = i
    if not index:
        shown = ", ".join(f"'{h}'" for h in headers if h)[:200]
        raise ImportFileError(
            f"The first row of '{path.name}' ({shown}) is not a row of column headings.",
            f"Insert a first row with the headings {known} (the example file {EXAMPLE_FILE} shows the layout).",
        )
    if unknown:
        names = ", ".join(f"'{u}'" for u in unknown)
        raise ImportFileError(
            f"'{path.name}' has column{'s' if len(unknown) > 1 else ''} this program does not know: {names}.",
            f"Rename {'them' if len(unknown) > 1 else 'it'} to one of {known}, or delete "
            f"{'them' if len(unknown) > 1 else 'it'}.",
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in index]
    if missing:
        names = ", ".join(f"'{c}'" for c in missing)
        raise ImportFileError(
            f"'{path.name}' has no {names} column{'s' if len(missing) > 1 else ''}; "
            f"every register file needs {', '.join(REQUIRED_COLUMNS)}.",
            "Add the missing column with that heading in the first row.",
        )
    if not data_rows:
        raise ImportFileError(
            f"'{path.name}' has the column headings but no members below them.",
            "Add one row per member under the headings, then import again.",
        )
    rows = []
    for n, cells in data_rows:
        values = dict.fromkeys(COLUMNS, "")
        for column, i in index.items():
            values[column] = cells[i] if i < len(cells) else ""
        rows.append((n, values))
    columns = tuple(c for c in COLUMNS if c in index)
    return _Sheet(columns, rows, read.text)


def _column_letter(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def read_register_file(path: Path) -> list[dict[str, str]]:
    """The data rows of a register file (blank rows skipped), keyed by :data:`COLUMNS`.

    Every key of COLUMNS is present; a column the file does not have is "".
    Raises :class:`ImportFileError` when the file cannot be read as a register.
    """
    return [values for _, values in _read_sheet(Path(path)).rows]


# --- working out what each row does ---------------------------------------------------------
def _norm(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def _is_vacant_name(text: str) -> bool:
    return _norm(text) in ("", "vacant", "(vacant)", "vacant seat", "vacancy")


class _Register:
    """The register as it is now, indexed for matching rows to it."""

    def __init__(self, store: Store, today: dt.date):
        self.today = today
        self.agencies = store.agencies()
        self.members = store.members()
        self.by_email: dict[str, list[Member]] = defaultdict(list)
        self.by_name: dict[tuple[str, int], list[Member]] = defaultdict(list)
        for m in self.members:
            if m.email:
                self.by_email[m.email.casefold()].append(m)
            if not m.is_vacant:
                self.by_name[(_norm(m.name), m.agency_id)].append(m)
        self.agency_by_id = {a.id: a for a in self.agencies}

    def find_agency(self, text: str) -> tuple[Agency | None, str]:
        """The agency a cell names (full or short name), or None and why not."""
        key = _norm(text)
        exact = [a for a in self.agencies if _norm(a.name) == key]
        if exact:
            return exact[0], ""
        short = [a for a in self.agencies if a.short_name and _norm(a.short_name) == key]
        if len(short) == 1:
            return short[0], ""
        if len(short) > 1:
            names = "; ".join(a.name for a in short)
            return None, f"'{text}' is the short name of more than one agency ({names}): write the full name."
        return None, self._unknown_agency(text)

    def _unknown_agency(self, text: str) -> str:
        candidates: dict[str, Agency] = {}
        for a in self.agencies:
            candidates[_norm(a.name)] = a
            if a.short_name:
                candidates.setdefault(_norm(a.short_name), a)
        key = _norm(text)
        near = difflib.get_close_matches(key, list(candidates), n=3, cutoff=0.6)
        near += [k for k in candidates if key and len(key) >= 3 and key in k and k not in near]
        found: list[Agency] = []
        for k in near:
            if candidates[k] not in found:
                found.append(candidates[k])
        if found:
            names = "; ".join(_agency_text(a) for a in found[:3])
            return f"'{text}' is not an agency in the register. Did you mean: {names}?"
        if not self.agencies:
            return f"'{text}' is not an agency in the register, which has no agencies yet: add the agency first."
        names = "; ".join(a.label for a in self.agencies[:12])
        more = ", ..." if len(self.agencies) > 12 else ""
        return (
            f"'{text}' is not an agency in the register. The agencies are: {names}{more}. "
            "Correct the name, or add the agency first."
        )


def _agency_text(a: Agency) -> str:
    return f"{a.name} ({a.short_name})" if a.short_name and a.short_name != a.name else a.name


def _parse_yes_no(text: str) -> bool | None:
    key = _norm(text)
    if not key:
        return None
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValidationError(
        "decision_maker",
        f"'{text}' is not yes or no: write 'yes' for a decision maker, 'no' for a representative only.",
    )


@dataclass
class _Draft:
    row: int
    values: dict[str, str]
    problems: list[RowProblem] = field(default_factory=list)
    parsed: dict[str, object] = field(default_factory=dict)
    agency: Agency | None = None
    existing: Member | None = None
    matched_by: str = ""

    def problem(self, column: str, message: str) -> None:
        self.problems.append(RowProblem(column, message))


def _check_cells(draft: _Draft, columns: tuple[str, ...], register: _Register) -> None:
    """Parse and check each cell on its own; problems are recorded on the draft."""
    v = draft.values
    p = draft.parsed
    name = v.get("name", "")
    p["name"] = "" if _is_vacant_name(name) else " ".join(name.split())
    role = " ".join(v.get("role_title", "").split())
    if not role:
        draft.problem("role_title", "The role title (post) is empty: enter the member's post, e.g. 'Designated Nurse'.")
    p["role_title"] = role
    agency_text = v.get("agency", "").strip()
    if not agency_text:
        draft.problem("agency", "The agency is empty: enter the agency's name or short name as in the register.")
    else:
        agency, why = register.find_agency(agency_text)
        if agency is None:
            draft.problem("agency", why)
        draft.agency = agency
    checks = (
        ("email", lambda t: clean_email(t, "email")),
        ("deputy_email", lambda t: clean_email(t, "deputy_email")),
        ("phone", lambda t: clean_phone(t, "phone")),
        ("decision_maker", _parse_yes_no),
        ("start_date", lambda t: parse_date(t, "start_date")),
        ("end_date", lambda t: parse_date(t, "end_date")),
    )
    for column, check in checks:
        if column not in columns:
            continue
        try:
            p[column] = check(v.get(column, ""))
        except ValidationError as exc:
            draft.problem(column, exc.message)
    for column in ("deputy_name", "notes"):
        if column in columns:
            p[column] = v.get(column, "").strip()
    start, end = p.get("start_date"), p.get("end_date")
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        try:
            check_date_order(start, end)
        except ValidationError as exc:
            draft.problem("end_date", exc.message)
    agency = draft.agency
    if agency is not None and agency.end_date is not None and not agency.is_active(register.today):
        if not isinstance(end, dt.date) or end > agency.end_date:
            draft.problem(
                "agency",
                f"{agency.name} left the partnership on {agency.end_date:%d/%m/%Y}: a member cannot represent it "
                "now. Choose the agency that took over, or give the row an end date on or before that day.",
            )


def _mark_duplicates(drafts: list[_Draft]) -> None:
    """The same person twice in the file: every row of the group is rejected, naming the others."""
    by_email: dict[str, list[_Draft]] = defaultdict(list)
    by_name: dict[tuple[str, object], list[_Draft]] = defaultdict(list)
    for d in drafts:
        email = d.values.get("email", "").strip().casefold()
        if email.startswith("mailto:"):
            email = email[7:]
        if email:
            by_email[email].append(d)
        name = d.parsed.get("name", "")
        if name:
            agency_key = d.agency.id if d.agency else _norm(d.values.get("agency", ""))
            by_name[(_norm(str(name)), agency_key)].append(d)
    for group in by_email.values():
        if len(group) > 1:
            for d in group:
                others = _row_list(o.row for o in group if o is not d)
                d.problem(
                    "email",
                    f"The same email address is also on {others}: each person may appear only once. "
                    "Delete or merge the duplicate rows.",
                )
    for (_, _), group in by_name.items():
        if len(group) > 1:
            for d in group:
                others = _row_list(o.row for o in group if o is not d)
                if any(pr.column == "email" and "also on" in pr.message for pr in d.problems):
                    continue  # already named as a duplicate by email
                d.problem(
                    "name",
                    f"{d.parsed['name']} at {d.values.get('agency', '').strip()} is also on {others}: "
                    "each person may appear only once. Delete or merge the duplicate rows.",
                )


def _row_list(rows) -> str:
    rows = sorted(rows)
    if len(rows) == 1:
        return f"row {rows[0]}"
    return "rows " + ", ".join(str(r) for r in rows[:-1]) + f" and {rows[-1]}"


def _pick(candidates: list[Member], agency: Agency | None, role: str) -> list[Member]:
    """Narrow several register matches: same agency and post first, then those in post."""
    if len(candidates) <= 1:
        return candidates
    same_seat = [m for m in candidates if agency and m.agency_id == agency.id and _norm(m.role_title) == _norm(role)]
    if len(same_seat) == 1:
        return same_seat
    pool = same_seat or candidates
    active = [m for m in pool if m.end_date is None]
    return active if active else pool


def _match(draft: _Draft, register: _Register, claimed: dict[int, _Draft]) -> None:
    """Find the member the row is about (email, then name at agency, then a vacant seat)."""
    p = draft.parsed
    name = str(p.get("name", ""))
    role = str(p.get("role_title", ""))
    agency = draft.agency
    found: Member | None = None
    if name:
        email = p.get("email")
        if email:
            cands = _pick(register.by_email.get(str(email).casefold(), []), agency, role)
            if len(cands) > 1:
                who = "; ".join(f"{m.display_name} (id {m.id})" for m in cands)
                draft.problem(
                    "email",
                    f"This email matches more than one member of the register ({who}): "
                    "correct the register first, then import.",
                )
                return
            if cands:
                found, draft.matched_by = cands[0], "email"
        if found is None and agency is not None:
            cands = _pick(register.by_name.get((_norm(name), agency.id), []), agency, role)
            if len(cands) > 1:
                who = "; ".join(f"{m.display_name}, {m.role_title} (id {m.id})" for m in cands)
                draft.problem(
                    "name",
                    f"{name} matches more than one member at this agency ({who}): "
                    "add their email address to the row so it matches only one.",
                )
                return
            if cands:
                found, draft.matched_by = cands[0], "name"
    if found is None and agency is not None and role:
        seats = [
            m
            for m in register.members
            if m.is_vacant
            and m.agency_id == agency.id
            and _norm(m.role_title) == _norm(role)
            and m.is_active(register.today)
            and m.id not in claimed
        ]
        if seats:
            found, draft.matched_by = seats[0], "seat"
    if found is None and not name:
        draft.problem(
            "name",
            "The name is empty: enter the member's name (a row without a name may only stand for a seat "
            "already listed as vacant, with the same agency and role title).",
        )
        return
    if found is not None:
        other = claimed.get(found.id)  # type: ignore[arg-type]
        if other is not None:
            column = "email" if draft.matched_by == "email" else "name"
            message = (
                f"This row and row {{row}} both change the same member of the register "
                f"({found.display_name}): keep one of the two rows."
            )
            draft.problem(column, message.format(row=other.row))
            other_column = "email" if other.matched_by == "email" else "name"
            other.problem(other_column, message.format(row=draft.row))
            return
        claimed[found.id] = draft  # type: ignore[index]
        draft.existing = found


_COMPARED = (
    "name",
    "role_title",
    "agency_id",
    "email",
    "phone",
    "decision_maker",
    "deputy_name",
    "deputy_email",
    "start_date",
    "end_date",
    "notes",
)


def _build(draft: _Draft, columns: tuple[str, ...], register: _Register) -> RowOutcome:
    p = draft.parsed
    agency = draft.agency
    assert agency is not None and agency.id is not None
    existing = draft.existing
    if existing is not None:
        member = dataclasses.replace(existing)
    else:
        member = Member(role_title=str(p["role_title"]), agency_id=agency.id)
    member.agency_id = agency.id
    member.name = str(p["name"])
    member.role_title = str(p["role_title"])
    for column in ("email", "phone", "deputy_name", "deputy_email", "start_date", "end_date", "notes"):
        if column in columns:
            setattr(member, column, p.get(column))
    if p.get("decision_maker") is not None:
        member.decision_maker = bool(p["decision_maker"])
    for column in ("email", "phone", "deputy_name", "deputy_email", "notes"):
        setattr(member, column, getattr(member, column) or "")
    try:
        # The store's own checks, so a row that passes here also saves.
        member = validate_member(member)
    except ValidationError as exc:
        column = "agency" if exc.field == "agency_id" else exc.field
        draft.problem(column if column in COLUMNS else "name", exc.message)
    if draft.problems:
        return _reject(draft)
    if existing is None:
        return RowOutcome(draft.row, "add", member, None, {}, [], draft.values)
    changes: dict[str, tuple[object, object]] = {}
    for f in _COMPARED:
        old, new = getattr(existing, f), getattr(member, f)
        if old != new:
            if f == "agency_id":
                changes["agency"] = (_label(register, old), _label(register, new))
            else:
                changes[f] = (old, new)
    action = "update" if changes else "unchanged"
    return RowOutcome(draft.row, action, member, existing, changes, [], draft.values)


def _label(register: _Register, agency_id: int) -> str:
    agency = register.agency_by_id.get(agency_id)
    return agency.name if agency else f"agency #{agency_id}"


def _reject(draft: _Draft) -> RowOutcome:
    # Problems in the file's column order, left to right, as the user reads the row.
    problems = sorted(draft.problems, key=lambda p: COLUMNS.index(p.column) if p.column in COLUMNS else len(COLUMNS))
    return RowOutcome(draft.row, "reject", None, None, {}, problems, draft.values)


def _plan(
    store: Store,
    columns: tuple[str, ...],
    rows: list[tuple[int, dict[str, str]]],
    today: dt.date | None = None,
) -> list[RowOutcome]:
    register = _Register(store, today or dt.date.today())
    drafts = [_Draft(n, dict(values)) for n, values in rows]
    for d in drafts:
        _check_cells(d, columns, register)
    _mark_duplicates(drafts)
    claimed: dict[int, _Draft] = {}
    for d in drafts:
        if not d.problems and d.agency is not None:
            _match(d, register, claimed)
    # Matching can reject an earlier row (two rows changing one member), so build afterwards.
    return [_reject(d) if d.problems else _build(d, columns, register) for d in drafts]


# --- the public functions --------------------------------------------------------------------
def preview_import(store: Store, path: Path | str, *, encoding: str | None = None) -> ImportPreview:
    """What importing ``path`` would do, row by row. Writes nothing.

    ``encoding`` (a codec name, e.g. 'cp1252') reads a CSV file that way instead
    of detecting it; the preview says how the file was read. Raises
    :class:`ImportFileError` when the file cannot be read as a register.
    """
    path = Path(path)
    sheet = _read_sheet(path, encoding)
    text = sheet.text
    return ImportPreview(
        source=path, rows=_plan(store, sheet.columns, sheet.rows), columns=sheet.columns,
        encoding=text.encoding if text else "", encoding_label=text.label if text else "",
        encoding_guessed=bool(text and text.guessed), encoding_examples=text.accented_lines if text else (),
    )


def _rows_text(rows: list[RowOutcome], limit: int = 8) -> str:
    """'row 3 (email, start_date); row 7 (agency)': which rows, which columns."""
    parts = []
    for r in rows[:limit]:
        columns = list(dict.fromkeys(pr.column for pr in r.problems))
        parts.append(f"row {r.row} ({', '.join(columns)})" if columns else f"row {r.row}")
    if len(rows) > limit:
        parts.append(f"and {len(rows) - limit} more")
    return "; ".join(parts)


def apply_import(store: Store, preview: ImportPreview, *, skip_rejected: bool = False) -> dict[str, int]:
    """Write a previewed import: every add and update in one transaction, or nothing.

    Refuses (:class:`ImportRejected`) when the preview has rejected rows,
    unless ``skip_rejected``; refuses (:class:`ImportOutdated`) when the
    register changed since the preview in a way that affects a row. Write
    failures (locked file, full disk) raise ``StoreError`` and leave the
    database as it was. Returns the number of rows per action written.
    """
    rejected = preview.rejected
    if rejected and not skip_rejected:
        n = len(rejected)
        raise ImportRejected(
            f"{n} row{'s' if n > 1 else ''} of {preview.source.name} "
            f"{'were' if n > 1 else 'was'} rejected, so nothing was imported: {_rows_text(rejected)}. "
            "Correct the file and preview it again, or import only the other rows.",
            rejected,
        )
    wanted = [r for r in preview.rows if r.action != "reject"]
    counts = dict.fromkeys(ACTIONS, 0)
    counts["reject"] = len(rejected)
    with store.write():
        # Read the register again inside the transaction: if anything a row depends on
        # changed since the preview, refuse rather than overwrite someone's edit.
        fresh = {
            r.row: r
            for r in _plan(store, preview.columns, [(r.row, r.values) for r in preview.rows])
        }
        stale = [
            r
            for r in wanted
            if (f := fresh.get(r.row)) is None
            or f.action != r.action
            or f.existing != r.existing
            or f.member != r.member
        ]
        if stale:
            rows = _row_list(r.row for r in stale)
            raise ImportOutdated(
                f"The register changed after {preview.source.name} was previewed ({rows} would now do something "
                "different), so nothing was imported. Preview the file again and check the rows before importing.",
                stale,
            )
        added: list[int] = []
        updated: list[int] = []
        for r in wanted:
            assert r.member is not None
            if r.action == "add":
                saved = store.add_member(r.member, action="imported")
                added.append(saved.id)  # type: ignore[arg-type]
            elif r.action == "update":
                store.update_member(r.member, action="imported")
                updated.append(r.member.id)  # type: ignore[arg-type]
            counts[r.action] += 1
        summary = (
            f"Imported {preview.source.name}: {counts['add']} added, {counts['update']} updated, "
            f"{counts['unchanged']} unchanged"
            + (f", {counts['reject']} rejected rows left out" if counts["reject"] else "")
        )
        store.record(
            "import",
            None,
            "imported",
            summary,
            {
                "file": str(preview.source),
                "counts": counts,
                "added": added,
                "updated": updated,
                "rejected_rows": [r.row for r in rejected],
            },
        )
    return counts

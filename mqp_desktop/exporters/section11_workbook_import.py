"""Reading a returned Section 11 agency workbook: a preview, then all-or-nothing apply.

Use it through :mod:`mqp_desktop.exporters.section11_workbook` (which also
writes the workbooks). :func:`preview_workbook` checks the whole file and works
out what it would change, writing nothing:

* a file that cannot be used at all raises :class:`WorkbookError` (``problem``,
  ``remedy``, and ``sheet``/``cell`` where one place is to blame): empty, not
  an Excel workbook (a PDF renamed .xlsx), password-protected or damaged,
  another program's workbook, a layout changed (sheets renamed, moved, added or
  deleted; headings changed; the hidden identity missing or edited), a workbook
  for a round, agency or return this database does not have, or not the one
  expected;
* anything wrong in a cell becomes a :class:`CellProblem` (sheet, cell,
  message): a rating off the round's scale, "n/a" where the scale has no n/a or
  without its reason, a standard or sub-criterion that is not in the round
  (rows added or renumbered) or one whose row is missing, a standard's text
  changed, a date that is not a date, an email address that is not one, a
  formula where a value belongs, an existing action emptied.

:func:`apply_workbook` refuses a preview with problems (:class:`WorkbookRejected`)
and one made before the return last changed (:class:`WorkbookOutdated`);
otherwise it writes the ratings, contacts and action plan through
:class:`~mqp_desktop.store.section11.Section11Repo` in one transaction, marks the
return received if it was not, and records the import in the change history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.section11 import (
    ActionItem,
    ActionStatus,
    AuditReturn,
    AuditRound,
    Rating,
    ScaleKind,
    action_status,
    validate_action,
    validate_rating,
)
from mqp_desktop.domain.validation import ValidationError, clean_email, parse_date
from mqp_desktop.exporters import sheets_in
from mqp_desktop.exporters.sheets_in import SheetGrid, SheetLimits
from mqp_desktop.files_in import FileInRefused
from mqp_desktop.exporters.section11_workbook_layout import (
    ACTION_COLUMNS,
    ACTIONS,
    CONTACT_FIELDS,
    DATA,
    FIRST_ROW,
    FORMAT_MARK,
    HEADER_ROW,
    IDENTITY_KEYS,
    LAYOUT_VERSION,
    RETURN,
    RETURN_FIRST_ROW,
    RETURN_ROWS,
    SHEETS,
    STANDARDS,
    checksum,
    criterion_text,
    framework_fingerprint,
    letter,
    standard_number_of,
    standard_text,
    standards_columns,
)

if TYPE_CHECKING:
    from mqp_desktop.store import Store

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .xlsx, or an old .xls
RESEND = "Ask the agency to fill in the workbook exported for it, unchanged in layout, or export a fresh one."

FIELD_LABELS = {
    "self_value": "self rating",
    "self_na_reason": "reason if n/a",
    "evidence": "evidence references",
    "improvement": "areas for improvement",
    "lead_name": "lead contact's name",
    "lead_email": "lead contact's email",
    "substitute_name": "substitute's name",
    "substitute_email": "substitute's email",
}
SELF_FIELDS = ("self_value", "self_na_reason", "evidence", "improvement")
_ACTION_FIELDS = ("action", "owner", "due", "status", "closed", "standard")


# --- errors and results ----------------------------------------------------------------------
class WorkbookError(Exception):
    """The file cannot be used as this round's agency workbook at all."""

    def __init__(self, problem: str, remedy: str = "", *, sheet: str = "", cell: str = ""):
        self.problem = problem
        self.remedy = remedy
        self.sheet = sheet
        self.cell = cell
        super().__init__(f"{problem} {remedy}".strip())

    def __str__(self) -> str:
        return f"{self.problem} {self.remedy}".strip()


@dataclass(frozen=True)
class CellProblem:
    """One thing wrong in one cell (``cell`` like "C7"; the sheet's name in ``sheet``)."""

    sheet: str
    cell: str
    message: str

    def __str__(self) -> str:
        return f"{self.sheet}, cell {self.cell}: {self.message}"


class WorkbookRejected(ValueError):
    """Apply refused: the preview has problems (or, see WorkbookOutdated, the return moved on)."""

    def __init__(self, message: str, problems: list[CellProblem] | None = None):
        super().__init__(message)
        self.problems = list(problems or [])


class WorkbookOutdated(WorkbookRejected):
    """The return changed after the preview was made: preview the workbook again."""


@dataclass(frozen=True)
class RatingChange:
    """One field of one rating changing: ``old`` -> ``new`` (None/"" for nothing)."""

    standard: int
    criterion: str
    field: str
    old: Any
    new: Any

    @property
    def where(self) -> str:
        return f"sub-criterion {self.criterion}" if self.criterion else f"standard {self.standard}"

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)


@dataclass(frozen=True)
class ContactChange:
    field: str  # lead_name, lead_email, substitute_name, substitute_email
    old: str
    new: str

    @property
    def label(self) -> str:
        return FIELD_LABELS[self.field]


@dataclass
class WorkbookPreview:
    """What importing a workbook would change. Nothing is written until :func:`apply_workbook`."""

    round_id: int
    agency_id: int
    return_id: int
    source: Path
    round_name: str = ""
    agency_name: str = ""
    changes: list[RatingChange] = field(default_factory=list)
    contacts: list[ContactChange] = field(default_factory=list)
    actions_to_add: list[ActionItem] = field(default_factory=list)
    actions_to_update: list[tuple[ActionItem, ActionItem]] = field(default_factory=list)  # (now, after)
    problems: list[CellProblem] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)  # the whole ratings to save (changed ones only)
    mark_received: bool = False  # the return is not yet received: importing marks it so
    state: str = ""  # a digest of the return when previewed; apply refuses if it differs

    @property
    def has_problems(self) -> bool:
        return bool(self.problems)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes or self.contacts or self.actions_to_add or self.actions_to_update
                    or self.mark_received)

    @property
    def summary(self) -> str:
        who = f"{self.agency_name}, {self.round_name}"
        if self.problems:
            n = len(self.problems)
            return (f"{who}: {n} problem{'s' if n != 1 else ''} in {self.source.name}, so nothing can be imported "
                    f"(first: {self.problems[0]}).")
        parts = []
        if self.ratings:
            parts.append(f"{len(self.ratings)} rating{'s' if len(self.ratings) != 1 else ''} to save "
                         f"({len(self.changes)} change{'s' if len(self.changes) != 1 else ''})")
        if self.contacts:
            parts.append(f"{len(self.contacts)} contact detail{'s' if len(self.contacts) != 1 else ''} to change")
        if self.actions_to_add:
            parts.append(f"{len(self.actions_to_add)} action{'s' if len(self.actions_to_add) != 1 else ''} to add")
        if self.actions_to_update:
            parts.append(f"{len(self.actions_to_update)} action{'s' if len(self.actions_to_update) != 1 else ''}"
                         " to update")
        if self.mark_received:
            parts.append("the return to be marked received")
        return f"{who}: " + ("; ".join(parts) if parts else "nothing changes") + "."


# --- opening the file -------------------------------------------------------------------------
_ASK_AGAIN = "Ask the agency to open it in Excel and save it again, or to send it again."
# The workbook's sheets are small (a row per standard and sub-criterion, a row per action).
SHEET_LIMITS = SheetLimits(max_rows=5_000, max_columns=50, stop_after_empty_rows=1_000)


def _refused(exc: FileInRefused) -> WorkbookError:
    return WorkbookError(exc.problem, exc.remedy)


def _read_bytes(path: Path, what: str = "workbook", choose: str = "the .xlsx file") -> bytes:
    from mqp_desktop.exporters.register_import import MAX_FILE_BYTES
    from mqp_desktop.files_in import human_size

    name = f"'{path.name}'"
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookError(f"{name} is {human_size(size)}, more than the {human_size(MAX_FILE_BYTES)} an "
                                f"import reads: it is not a {what} this program exported.",
                                f"Choose {choose} itself.")
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise WorkbookError(f"There is no file at '{path}'.", "Check the file name and folder.") from exc
    except IsADirectoryError as exc:
        raise WorkbookError(f"'{path}' is a folder, not a {what}.", f"Choose {choose} inside it.") from exc
    except OSError as exc:
        raise WorkbookError(f"{name} could not be opened ({exc.strerror or exc}).",
                            "If it is open in Excel, close it there and try again.") from exc


class _Workbook:
    """A returned workbook's sheets, each read once (bounded) into a grid of its cells."""

    def __init__(self, wb, name: str, remedy: str = _ASK_AGAIN):
        self._wb = wb
        self._name = name
        self._remedy = remedy
        self.sheetnames = sheets_in.sheet_names(wb, name, remedy)
        self._grids: dict[str, SheetGrid] = {}

    def __getitem__(self, title: str) -> SheetGrid:
        if title not in self._grids:
            try:
                self._grids[title] = sheets_in.read_grid(self._wb[title], self._name, remedy=self._remedy,
                                                         limits=SHEET_LIMITS)
            except FileInRefused as exc:
                raise WorkbookError(exc.problem, exc.remedy, sheet=title) from None
        return self._grids[title]

    def first_sheet_rows(self, limits: SheetLimits) -> list[list[Any]]:
        """The first sheet's rows as values, a formula read as nothing (a framework file)."""
        if not self._wb.worksheets:
            raise WorkbookError(f"'{self._name}' has no worksheet (only charts).", "Put the table on the first sheet.")
        try:
            rows = sheets_in.read_rows(self._wb.worksheets[0], self._name, remedy=self._remedy, limits=limits,
                                       values_only=False)
        except FileInRefused as exc:
            raise _refused(exc) from None
        return [[None if getattr(c, "data_type", "n") == "f" else getattr(c, "value", None) for c in cells]
                for _number, cells in rows]

    def close(self) -> None:
        sheets_in.close_workbook(self._wb)


def _open(path: Path, remedy: str = _ASK_AGAIN) -> _Workbook:
    name = f"'{path.name}'"
    data = _read_bytes(path)
    if not data.strip():
        raise WorkbookError(f"{name} is empty (0 bytes): the workbook was not saved, or the email attachment "
                            "was lost.", "Ask the agency to send the completed workbook again.")
    if data.startswith(_OLE_MAGIC):
        raise WorkbookError(f"{name} is password-protected (encrypted), or is an old Excel 97-2003 workbook.",
                            "Ask the agency to remove the password (File > Info > Protect Workbook > Encrypt with "
                            "Password, cleared) and save it as an Excel Workbook (.xlsx).")
    if not data.startswith(_ZIP_MAGIC):
        kind = " (it is a PDF)" if data.startswith(b"%PDF") else ""
        raise WorkbookError(f"{name} is not an Excel workbook{kind}.",
                            "Ask the agency for the workbook itself, saved from Excel as an Excel Workbook (.xlsx).")
    try:
        return _Workbook(sheets_in.open_workbook(data, path.name, remedy=remedy, data_only=False), path.name, remedy)
    except FileInRefused as exc:
        raise _refused(exc) from None


# --- cell values --------------------------------------------------------------------------------
class _Formula(Exception):
    pass


def _raw(ws, ref: str) -> Any:
    cell = ws[ref]
    if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type == "f"):
        raise _Formula(ref)
    value = cell.value
    if value is not None and not isinstance(value, (str, int, float, bool, dt.date, dt.datetime, dt.time,
                                                    dt.timedelta)):
        raise _Formula(ref)  # an array formula or other object where a value belongs
    return value


def _text(value: Any) -> str:
    """A cell as text for the records: dates as dd/mm/yyyy, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time(0) else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _CONTROL.sub("", str(value)).strip()


def _date(value: Any, what: str) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value, what)
    raise ValidationError(what, f"'{_text(value)}' is not a date: type it as dd/mm/yyyy, e.g. 31/03/2026.")


class _Reader:
    """Collects cell problems while reading one sheet."""

    def __init__(self, ws, sheet: str, problems: list[CellProblem]):
        self.ws = ws
        self.sheet = sheet
        self.problems = problems

    def problem(self, ref: str, message: str) -> None:
        self.problems.append(CellProblem(self.sheet, ref, message))

    def get(self, ref: str) -> tuple[bool, Any]:
        """(ok, value); a formula is reported and gives (False, None)."""
        try:
            return True, _raw(self.ws, ref)
        except _Formula:
            self.problem(ref, "holds a formula: type the value itself.")
            return False, None


# --- the identity and the layout --------------------------------------------------------------
def _identity(wb, path: Path) -> tuple[dict[str, str], list[str]]:
    name = f"'{path.name}'"
    names = wb.sheetnames
    if DATA not in names:
        ours = [s for s in SHEETS[:-1] if s in names]
        if len(ours) < 2:
            raise WorkbookError(
                f"{name} is not a Section 11 workbook exported by MQ&P Desktop (it has the sheets "
                f"{', '.join(names)[:120]}).",
                "Import the workbook exported for the agency ('mqp s11 workbook'), filled in and sent back.")
        raise WorkbookError(f"{name} has lost its hidden identifying data (the sheet '{DATA}' was deleted), so "
                            "it cannot be told which return it belongs to.", RESEND, sheet=DATA)
    ws = wb[DATA]
    values: dict[str, str] = {}
    for row in range(1, len(IDENTITY_KEYS) + 2):
        key, value = ws.cell(row=row, column=1).value, ws.cell(row=row, column=2).value
        if isinstance(key, str):
            values[key] = "" if value is None else str(value)
    choices = []
    for row in range(1, 200):
        value = ws.cell(row=row, column=4).value
        if value is None:
            break
        choices.append(str(value))
    if values.get("format") != FORMAT_MARK:
        raise WorkbookError(f"{name} has hidden data this program did not write: it is not one of its Section 11 "
                            "workbooks, or the hidden data was changed.", RESEND, sheet=DATA, cell="B1")
    if values.get("layout_version") != str(LAYOUT_VERSION):
        raise WorkbookError(
            f"{name} has layout version {values.get('layout_version') or '(none)'}, which this version of the "
            f"program does not read (it reads version {LAYOUT_VERSION}).",
            "Export a fresh workbook for the agency from this version and ask them to copy their answers into it.",
            sheet=DATA, cell="B2")
    missing = [k for k in IDENTITY_KEYS if not values.get(k)]
    if missing or values.get("checksum") != checksum(values, choices):
        raise WorkbookError(f"The hidden identifying data of {name} was changed (its checksum does not match), so "
                            "it cannot be trusted to say which return it belongs to.", RESEND, sheet=DATA)
    for key in ("round_id", "agency_id", "return_id"):
        if not (values[key].isascii() and values[key].isdigit()):
            raise WorkbookError(f"The hidden identifying data of {name} was changed ({key} is not a number).",
                                RESEND, sheet=DATA)
    return values, choices


def _check_sheets(wb, path: Path) -> None:
    names = list(wb.sheetnames)
    if names == list(SHEETS):
        return
    missing = [s for s in SHEETS if s not in names]
    extra = [s for s in names if s not in SHEETS]
    if missing:
        what = f"the sheet{'s' if len(missing) > 1 else ''} {', '.join(repr(s) for s in missing)} " \
               f"{'are' if len(missing) > 1 else 'is'} missing"
        if extra:
            what += f" (and {', '.join(repr(s) for s in extra)} {'are' if len(extra) > 1 else 'is'} new: renamed?)"
        sheet = missing[0]
    elif extra:
        what = f"sheets were added ({', '.join(repr(s) for s in extra)})"
        sheet = extra[0]
    else:
        what = f"the sheets were moved (they are now in the order {', '.join(names)})"
        sheet = ""
    raise WorkbookError(f"The layout of '{path.name}' was changed: {what}.", RESEND, sheet=sheet)


def _check_headings(wb, path: Path, rnd: AuditRound) -> None:
    expected = {
        STANDARDS: standards_columns(rnd.rating_scale),
        ACTIONS: ACTION_COLUMNS,
    }
    for sheet, columns in expected.items():
        ws = wb[sheet]
        for i, col in enumerate(columns):
            ref = f"{'ABCDEFGHIJ'[i]}{HEADER_ROW}"
            value = ws[ref].value
            if _text(value) != col.heading:
                raise WorkbookError(
                    f"The layout of '{path.name}' was changed: the heading in {sheet}, cell {ref} reads "
                    f"'{_text(value)[:60]}' instead of '{col.heading}' (columns were moved, added or deleted, or "
                    "rows inserted above the headings).", RESEND, sheet=sheet, cell=ref)
        beyond = f"{'ABCDEFGHIJ'[len(columns)]}{HEADER_ROW}"
        if _text(ws[beyond].value):
            raise WorkbookError(f"The layout of '{path.name}' was changed: {sheet} has a column added at {beyond}.",
                                RESEND, sheet=sheet, cell=beyond)
    ws = wb[RETURN]
    for offset, (label, _field) in enumerate(RETURN_ROWS):
        ref = f"A{RETURN_FIRST_ROW + offset}"
        if _text(ws[ref].value) != label:
            raise WorkbookError(
                f"The layout of '{path.name}' was changed: {RETURN}, cell {ref} reads '{_text(ws[ref].value)[:60]}' "
                f"instead of '{label}' (rows were inserted, deleted or moved).", RESEND, sheet=RETURN, cell=ref)


def _records(store: Store, values: dict[str, str], path: Path, expect_round_id: int | None,
             expect_agency_id: int | None) -> tuple[AuditRound, AuditReturn, str]:
    from mqp_desktop.store.errors import RecordNotFound
    from mqp_desktop.store.section11 import Section11Repo

    s11 = Section11Repo(store)
    name = f"'{path.name}'"
    round_id, agency_id, return_id = int(values["round_id"]), int(values["agency_id"]), int(values["return_id"])
    for_what = f"{values['agency_name']}'s return to {values['round_name']}"
    try:
        ret = s11.get_return(return_id)
    except RecordNotFound:
        raise WorkbookError(f"{name} is {for_what}, and this database has no such return (return {return_id}): "
                            "it was exported from another database.",
                            "Open the database it was exported from, or export a fresh workbook from this one.") from None
    if ret.round_id != round_id or ret.agency_id != agency_id:
        raise WorkbookError(f"{name} is {for_what}, but return {return_id} of this database is another agency's "
                            "or another round's: the workbook was exported from another database.",
                            "Open the database it was exported from, or export a fresh workbook from this one.")
    rnd = s11.round(round_id)
    agency = store.agency(agency_id)
    if rnd.name != values["round_name"] or agency.name != values["agency_name"]:
        raise WorkbookError(
            f"{name} is {for_what}, but in this database that return is {agency.name}'s to {rnd.name}: "
            "the workbook was exported from another database (or the round or agency was renamed since).",
            "Check it is the right database; if the names were changed, export a fresh workbook.")
    if values["scale"] != ScaleKind(rnd.scale).value or values["framework_fingerprint"] != framework_fingerprint(rnd):
        raise WorkbookError(f"{name} was made from other standards or another scale than {rnd.name} has in this "
                            "database.", "Export a fresh workbook for the agency from this database.")
    if expect_round_id is not None and round_id != expect_round_id:
        wanted = s11.round(expect_round_id).name
        raise WorkbookError(f"{name} is for {rnd.name}, not {wanted}.",
                            "Import it for its own round, or ask the agency for this round's workbook.")
    if expect_agency_id is not None and agency_id != expect_agency_id:
        wanted_agency = store.agency(expect_agency_id).name
        raise WorkbookError(f"{name} is {agency.name}'s workbook, not {wanted_agency}'s.",
                            "Import it for its own agency, or ask the agency for its own workbook.")
    return rnd, ret, agency.name


# --- reading the sheets ---------------------------------------------------------------------
def _state(ret: AuditReturn) -> str:
    """What the import depends on (contacts, received, ratings, actions), as a digest."""
    parts = [repr([getattr(ret, f) for f in CONTACT_FIELDS]), repr(ret.received), repr(ret.ratings),
             repr(ret.actions), repr((ret.lead_member_id, ret.substitute_member_id))]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _read_contacts(wb, ret: AuditReturn, problems: list[CellProblem]) -> list[ContactChange]:
    r = _Reader(wb[RETURN], RETURN, problems)
    changes = []
    for offset, (label, name) in enumerate(RETURN_ROWS):
        if not name:
            continue
        ref = f"B{RETURN_FIRST_ROW + offset}"
        ok, value = r.get(ref)
        if not ok:
            continue
        text = _text(value)
        if name.endswith("_email"):
            try:
                text = clean_email(text, label.lower())
            except ValidationError as exc:
                r.problem(ref, exc.message)
                continue
        else:
            text = " ".join(text.split())
        old = getattr(ret, name) or ""
        if text != old:
            changes.append(ContactChange(name, old, text))
    return changes


def _read_standards(wb, rnd: AuditRound, ret: AuditReturn, problems: list[CellProblem]
                    ) -> tuple[list[Rating], list[RatingChange]]:
    scale = rnd.rating_scale
    columns = standards_columns(scale)
    col = {c.key: letter(columns, c.key) for c in columns}
    r = _Reader(wb[STANDARDS], STANDARDS, problems)
    ws = r.ws
    expected: dict[str, tuple[int, str, str, int]] = {}  # ref -> (standard, code, text, row expected)
    position = FIRST_ROW
    for s in rnd.standards:
        expected[str(s.number)] = (s.number, "", standard_text(s), position)
        position += 1
        for c in s.criteria:
            expected[c.code.lower()] = (s.number, c.code, criterion_text(c), position)
            position += 1
    seen: dict[str, int] = {}
    ratings: list[Rating] = []
    changes: list[RatingChange] = []
    for row in range(FIRST_ROW, max(ws.max_row, FIRST_ROW) + 1):
        cells = {}
        bad = False
        for key, c in col.items():
            ok, value = r.get(f"{c}{row}")
            bad = bad or not ok
            cells[key] = value
        ref_text = _text(cells["ref"])
        if not ref_text and not any(_text(v) for v in cells.values()) and not bad:
            continue
        ref_cell = f"{col['ref']}{row}"
        item = expected.get(ref_text.lower())
        if item is None:
            shown = f"'{ref_text}'" if ref_text else "An empty number"
            r.problem(ref_cell, f"{shown} is not a standard or sub-criterion of {rnd.name} (rows must not be added "
                                "or renumbered): put the answer on the standard's own row.")
            continue
        if ref_text.lower() in seen:
            r.problem(ref_cell, f"{ref_text} appears twice (also in row {seen[ref_text.lower()]}): keep one row.")
            continue
        seen[ref_text.lower()] = row
        number, code, text, _expected_row = item
        if _text(cells["text"]) != " ".join(text.split()) and _text(cells["text"]) != text.strip():
            r.problem(f"{col['text']}{row}", f"The text of {ref_text} was changed: the standards' texts are the "
                                             "round's and cannot be edited here (say what you disagree with in an "
                                             "email).")
            continue
        if bad:
            continue
        existing = ret.rating(number, code)
        raw_value = cells["self_value"]
        if isinstance(raw_value, (dt.date, dt.time, dt.timedelta)):
            raw_value = _text(raw_value)
        new = dataclasses.replace(
            existing or Rating(standard=number, criterion=code),
            self_value=raw_value,
            self_na_reason=_text(cells.get("self_na_reason")) if "self_na_reason" in col else
            (existing.self_na_reason if existing else ""),
            evidence=_text(cells["evidence"]),
            improvement=_text(cells["improvement"]),
        )
        if existing is None and not any(_text(getattr(new, f)) for f in SELF_FIELDS):
            continue
        try:
            new = validate_rating(new, scale, rnd.standards)
        except ValidationError as exc:
            where = col["self_na_reason"] if exc.field == "self_na_reason" and "self_na_reason" in col else \
                col["self_value"]
            message = exc.message
            if exc.field == "self_na_reason":
                message = (f"{ref_text} is rated n/a without a reason: say why it does not apply to your agency "
                           f"in {col['self_na_reason']}{row}." if "self_na_reason" in col else message)
            r.problem(f"{where}{row}", message)
            continue
        from mqp_desktop.store.section11 import rating_changes

        diff = rating_changes(existing, new)
        if diff:
            ratings.append(new)
            changes.extend(RatingChange(number, code, f, old, after) for f, (old, after) in diff.items())
    for ref, (number, code, _text_, expected_row) in expected.items():
        if ref not in seen and not any(p.sheet == STANDARDS and p.cell.startswith(col["ref"]) for p in problems):
            shown = code or f"standard {number}"
            r.problem(f"{col['ref']}{expected_row}", f"The row for {shown} is missing (rows were deleted or "
                                                     "renumbered): the workbook's rows must stay as they were sent.")
    return ratings, changes


def _read_actions(wb, rnd: AuditRound, ret: AuditReturn, today: dt.date, problems: list[CellProblem]
                  ) -> tuple[list[ActionItem], list[tuple[ActionItem, ActionItem]]]:
    col = {c.key: letter(ACTION_COLUMNS, c.key) for c in ACTION_COLUMNS}
    r = _Reader(wb[ACTIONS], ACTIONS, problems)
    ws = r.ws
    existing = {str(a.id): a for a in ret.actions}
    numbers = {s.number for s in rnd.standards}
    seen: dict[str, int] = {}
    to_add: list[ActionItem] = []
    to_update: list[tuple[ActionItem, ActionItem]] = []
    rows = []
    for row in range(FIRST_ROW, max(ws.max_row, FIRST_ROW) + 1):
        cells = {}
        bad = False
        for key, c in col.items():
            ok, value = r.get(f"{c}{row}")
            bad = bad or not ok
            cells[key] = value
        if not bad:
            rows.append((row, cells, {k: _text(v) for k, v in cells.items()}))
    # A new row whose action reads exactly as one already in the plan (the same workbook
    # imported twice, or sent again) is that action, not a second copy of it.
    referenced = {texts["ref"] for _row, _cells, texts in rows}
    unreferenced: dict[str, list[ActionItem]] = {}
    for ref, a in existing.items():
        if ref not in referenced:
            unreferenced.setdefault(" ".join(a.action.lower().split()), []).append(a)
    for row, cells, texts in rows:
        if not any(texts.values()):
            continue
        ref = texts["ref"]
        old = None
        if not ref:
            same = unreferenced.get(" ".join(texts["action"].lower().split()))
            if same:
                old = same.pop(0)
                ref = str(old.id)
                seen[ref] = row
        elif ref:
            old = existing.get(ref)
            if old is None:
                r.problem(f"{col['ref']}{row}", f"'{ref}' is not the Ref of an action of this return: leave the Ref "
                                                "of a new action empty.")
                continue
            if ref in seen:
                r.problem(f"{col['ref']}{row}", f"Action {ref} appears twice (also in row {seen[ref]}): keep one row.")
                continue
            seen[ref] = row
        here = len(problems)
        if not texts["action"]:
            message = (f"Action {ref} was emptied: actions are not removed; set its status to 'dropped' instead."
                       if old else "The action is empty: say what will be done (or clear the row).")
            r.problem(f"{col['action']}{row}", message)
        standard = None
        if texts["standard"]:
            standard = standard_number_of(cells["standard"])
            if standard is None or standard not in numbers:
                r.problem(f"{col['standard']}{row}", f"'{texts['standard'][:60]}' is not a standard of {rnd.name}: "
                                                     "choose one from the drop-down list (or leave it empty).")
        due = None
        try:
            due = _date(cells["due"], "due date")
        except ValidationError as exc:
            r.problem(f"{col['due']}{row}", exc.message.replace("YYYY-MM-DD (2024-03-31) or ", "")
                      if isinstance(cells["due"], str) else exc.message)
        status = old.status if old else ActionStatus.OPEN
        if texts["status"]:
            try:
                status = action_status(texts["status"])
            except ValidationError as exc:
                r.problem(f"{col['status']}{row}", exc.message)
        if len(problems) > here:
            continue
        if old is None:
            item = ActionItem(ret.id, texts["action"], owner=texts["owner"], due=due, status=status,
                              standard=standard)
        else:
            item = dataclasses.replace(old, action=texts["action"], owner=texts["owner"], due=due, status=status,
                                       standard=standard)
            if not status.closed and old.closed is not None:
                item.closed = None  # reopened
        try:
            item = validate_action(item, rnd.standards, today)
        except ValidationError as exc:
            key = {"action": "action", "standard": "standard", "status": "status"}.get(exc.field, "action")
            r.problem(f"{col[key]}{row}", exc.message)
            continue
        if old is None:
            to_add.append(item)
        elif any(getattr(old, f) != getattr(item, f) for f in _ACTION_FIELDS):
            to_update.append((old, item))
    return to_add, to_update


# --- the public functions -------------------------------------------------------------------
def preview_workbook(
    store: Store,
    path: Path | str,
    *,
    today: dt.date | None = None,
    expect_round_id: int | None = None,
    expect_agency_id: int | None = None,
) -> WorkbookPreview:
    """What importing the returned workbook at ``path`` would change. Writes nothing.

    Raises :class:`WorkbookError` when the file cannot be used at all; problems
    in cells are listed in ``preview.problems``. ``expect_round_id`` /
    ``expect_agency_id`` refuse a workbook for another round or agency (when
    importing "for this return").
    """
    path = Path(path).expanduser()
    today = today or dt.date.today()
    wb = _open(path)
    try:
        values, _choices = _identity(wb, path)
        _check_sheets(wb, path)
        rnd, ret, agency_name = _records(store, values, path, expect_round_id, expect_agency_id)
        _check_headings(wb, path, rnd)
        problems: list[CellProblem] = []
        contacts = _read_contacts(wb, ret, problems)
        ratings, changes = _read_standards(wb, rnd, ret, problems)
        to_add, to_update = _read_actions(wb, rnd, ret, today, problems)
    finally:
        wb.close()
    return WorkbookPreview(
        round_id=rnd.id,  # type: ignore[arg-type]
        agency_id=ret.agency_id,
        return_id=ret.id,  # type: ignore[arg-type]
        source=path,
        round_name=rnd.name,
        agency_name=agency_name,
        changes=changes,
        contacts=contacts,
        actions_to_add=to_add,
        actions_to_update=to_update,
        problems=problems,
        ratings=ratings,
        mark_received=ret.received is None,
        state=_state(ret),
    )


def _problems_text(problems: list[CellProblem], limit: int = 6) -> str:
    text = "; ".join(str(p) for p in problems[:limit])
    return text + (f"; and {len(problems) - limit} more" if len(problems) > limit else "")


def apply_workbook(store: Store, preview: WorkbookPreview, *, received: dt.date | None = None,
                   today: dt.date | None = None) -> dict[str, Any]:
    """Write a previewed workbook in one transaction, or nothing.

    Refuses (:class:`WorkbookRejected`) a preview with problems, and
    (:class:`WorkbookOutdated`) one made before the return last changed. Marks
    the return received on ``received`` (default today) if it was not. Returns
    counts: ratings, changes, contacts, actions_added, actions_updated, and
    received (the date set, ISO, or None).
    """
    from mqp_desktop.store.section11 import Section11Repo

    if preview.problems:
        n = len(preview.problems)
        raise WorkbookRejected(
            f"{preview.source.name} has {n} problem{'s' if n != 1 else ''}, so nothing was imported: "
            f"{_problems_text(preview.problems)}. Ask the agency to correct the workbook, then import it again.",
            preview.problems,
        )
    today = today or dt.date.today()
    day = received or today
    s11 = Section11Repo(store)
    with store.write():
        fresh = s11.get_return(preview.return_id)
        if _state(fresh) != preview.state:
            raise WorkbookOutdated(
                f"{preview.agency_name}'s return to {preview.round_name} changed after {preview.source.name} was "
                "previewed, so nothing was imported: preview the workbook again and check the changes.")
        mark = fresh.received is None
        if preview.ratings:
            s11.save_ratings(preview.return_id, preview.ratings, received=day if mark else None)
        elif mark:
            s11.mark_received(preview.return_id, day)
        if preview.contacts:
            ret = s11.get_return(preview.return_id)
            for change in preview.contacts:
                setattr(ret, change.field, change.new)
                # A different person is no longer the register's member the return pointed at.
                if change.field == "lead_name":
                    ret.lead_member_id = None
                if change.field == "substitute_name":
                    ret.substitute_member_id = None
            s11.update_return(ret, action="imported")
        for item in preview.actions_to_add:
            s11.add_action(item, today=today)
        for _old, item in preview.actions_to_update:
            s11.update_action(item, today=today)
        result = {
            "ratings": len(preview.ratings),
            "changes": len(preview.changes),
            "contacts": len(preview.contacts),
            "actions_added": len(preview.actions_to_add),
            "actions_updated": len(preview.actions_to_update),
            "received": day.isoformat() if mark else None,
        }
        store.record(
            "s11_return", preview.return_id, "imported",
            f"Section 11 workbook imported: {preview.agency_name}, {preview.round_name} ({preview.source.name}: "
            f"{result['ratings']} ratings, {result['contacts']} contact details, {result['actions_added']} actions "
            f"added, {result['actions_updated']} updated)",
            {"file": [None, str(preview.source)], **{k: [None, v] for k, v in result.items()}},
        )
    return result

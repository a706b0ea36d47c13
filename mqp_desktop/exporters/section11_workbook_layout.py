"""The layout of a Section 11 agency workbook, shared by the export and the import.

One place says which sheets a workbook has, in which order, where each input
cell is and what each heading reads, so the import checks a returned workbook
against exactly what the export wrote. ``LAYOUT_VERSION`` changes whenever any
of it does; the import refuses a layout it does not know.

No openpyxl here: these are names, positions and texts.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mqp_desktop.domain.section11 import AuditRound, Criterion, RatingScale, ScaleKind, Standard, standards_to_data

FORMAT_MARK = "MQ&P Desktop Section 11 agency workbook"
LAYOUT_VERSION = 1

INSTRUCTIONS = "Instructions"
RETURN = "Return"
STANDARDS = "Standards"
ACTIONS = "Action plan"
DATA = "mqp_data"  # very hidden: the workbook's identity and the drop-down lists
SHEETS = (INSTRUCTIONS, RETURN, STANDARDS, ACTIONS, DATA)

# --- "Return": a label in column A, the value in column B -------------------------------------
RETURN_FIRST_ROW = 3
RETURN_ROWS: tuple[tuple[str, str | None], ...] = (
    ("Agency", None),
    ("Audit round", None),
    ("Deadline", None),
    ("Lead contact: name", "lead_name"),
    ("Lead contact: email", "lead_email"),
    ("Substitute: name", "substitute_name"),
    ("Substitute: email", "substitute_email"),
)
CONTACT_FIELDS = tuple(f for _label, f in RETURN_ROWS if f)


def return_cell(field: str) -> str:
    """The cell ("B6") holding a contact field on the Return sheet."""
    for offset, (_label, name) in enumerate(RETURN_ROWS):
        if name == field:
            return f"B{RETURN_FIRST_ROW + offset}"
    raise KeyError(field)


# --- "Standards" and "Action plan": a heading row, then one row per item ----------------------
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1


@dataclass(frozen=True)
class Column:
    key: str  # the field it holds ("ref", "text", "self_value", ...)
    heading: str
    width: float
    editable: bool = True
    wrap: bool = False


def standards_columns(scale: RatingScale) -> tuple[Column, ...]:
    """The Standards sheet's columns; "Reason if n/a" only on a scale that allows n/a."""
    columns = [
        Column("ref", "No.", 7, editable=False),
        Column("text", "Standard / sub-criterion", 58, editable=False, wrap=True),
        Column("self_value", "Self rating", 13),
    ]
    if scale.allows_not_applicable:
        columns.append(Column("self_na_reason", "Reason if n/a", 28, wrap=True))
    columns += [
        Column("evidence", "Evidence references", 42, wrap=True),
        Column("improvement", "Areas for improvement", 42, wrap=True),
    ]
    return tuple(columns)


ACTION_COLUMNS: tuple[Column, ...] = (
    Column("ref", "Ref", 7, editable=False),
    Column("action", "Action", 50, wrap=True),
    Column("standard", "Standard it answers", 34, wrap=True),
    Column("owner", "Owner", 24, wrap=True),
    Column("due", "Due date", 13),
    Column("status", "Status", 13),
)
BLANK_ACTION_ROWS = 15
STATUS_CHOICES = ("open", "in progress", "done", "dropped")


def letter(columns: Iterable[Column], key: str) -> str:
    for i, c in enumerate(columns):
        if c.key == key:
            return "ABCDEFGHIJ"[i]
    raise KeyError(key)


# --- how items read in the workbook -----------------------------------------------------------
def standard_text(standard: Standard) -> str:
    return standard.title + (f"\n{standard.description}" if standard.description else "")


def criterion_text(criterion: Criterion) -> str:
    return criterion.text


def standard_choice(standard: Standard) -> str:
    """A standard as the Action plan's drop-down offers it: '5. Staff training ...' (read back by its number)."""
    return f"{standard.number}. {standard.title}"


def standard_number_of(value: object) -> int | None:
    """The number at the start of a drop-down choice or typed value ('5. Staff...', 5, '5'); None if none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    match = re.match(r"\s*(?:standard\s*)?(\d+)(?:\s*[.:)\-–]|\s*$)", str(value), re.IGNORECASE)
    return int(match.group(1)) if match else None


def rating_choices(scale: RatingScale) -> tuple[str, ...]:
    """What the self-rating drop-down offers: the scale's values as people read them, n/a where allowed."""
    if scale.kind is ScaleKind.RAG:
        return tuple(v.capitalize() for v in scale.values) + (("n/a",) if scale.allows_not_applicable else ())
    return scale.choices


def rating_display(scale: RatingScale, value: str | None) -> str | None:
    if value is None:
        return None
    return value.capitalize() if scale.kind is ScaleKind.RAG and value != "n/a" else value


def scale_meanings(scale: RatingScale) -> list[tuple[str, str]]:
    """(value, meaning) for the Instructions sheet."""
    if scale.kind is ScaleKind.PERCENT:
        rows = [
            ("0", "not met at all"),
            ("5 to 95", "partly met: how far, in steps of 5 (50 = half met)"),
            ("100", "fully met"),
        ]
    else:
        rows = [(rating_display(scale, v) or v, scale.meanings.get(v, "")) for v in scale.values]
    if scale.allows_not_applicable:
        rows.append(("n/a", ("not applicable to your agency: give the reason in 'Reason if n/a'. "
                            "It is left out of your totals")))
    return rows


# --- identity ---------------------------------------------------------------------------------
def framework_fingerprint(rnd: AuditRound) -> str:
    """A short digest of the round's standards and scale: a workbook made from other standards differs."""
    data = {"scale": ScaleKind(rnd.scale).value, "standards": standards_to_data(rnd.standards)}
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()[:20]


IDENTITY_KEYS = (
    "format",
    "layout_version",
    "round_id",
    "round_name",
    "agency_id",
    "agency_name",
    "return_id",
    "scale",
    "framework_fingerprint",
    "exported",
)


def checksum(identity: Mapping[str, str], choices: Iterable[str]) -> str:
    """A digest of the hidden identity and the standards' drop-down list: an edit to either shows."""
    text = "\n".join(f"{k}={identity.get(k, '')}" for k in IDENTITY_KEYS) + "\n" + "\n".join(choices)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def workbook_file_name(round_name: str, agency_label: str) -> str:
    """'<round> - <agency short name>.xlsx', safe on every system (see :func:`.files.safe_file_name`)."""
    from mqp_desktop.exporters.files import safe_file_name

    return safe_file_name(f"{round_name} - {agency_label}", ".xlsx", fallback="Section 11 return")


def describe_place(sheet: str, cell: str) -> str:
    return f"{sheet}, cell {cell}" if cell else sheet


def file_label(path: Path) -> str:
    return f"'{path.name}'"

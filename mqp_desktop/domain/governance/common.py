"""What the governance records share: tidy text, dates in words, months added, choices parsed."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from mqp_desktop.domain.validation import ValidationError

DEFAULT_REVIEW_MONTHS = 12
"""The Terms of Reference and chairing are reviewed every year (ToR 2, 12) unless the setting says otherwise."""

E = TypeVar("E", bound=StrEnum)


def tidy_text(text: str | None) -> str:
    """Several lines kept, each line's spaces closed up, runs of blank lines made one, ends trimmed."""
    lines = [" ".join(line.split()) for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def day(value: dt.date | None) -> str:
    """'3 Mar 2026' ('' for none)."""
    return f"{value.day} {value:%b %Y}" if value else ""


def long_day(value: dt.date | None) -> str:
    """'3 March 2026' ('' for none)."""
    return f"{value.day} {value:%B %Y}" if value else ""


def add_months(value: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    y, m = divmod(value.year * 12 + value.month - 1 + months, 12)
    return dt.date(y, m + 1, min(value.day, calendar.monthrange(y, m + 1)[1]))


def key(text: str | None) -> str:
    """Text as a choice is looked up: lower case, '-' and '_' as spaces, spaces closed up."""
    return " ".join((text or "").strip().lower().replace("-", " ").replace("_", " ").split())


def parse_choice(enum: type[E], text: str | E | None, field: str, what: str,
                 aliases: dict[str, E] | None = None) -> E:
    """A member of ``enum`` from its value (or an alias), any case; refused naming the choices."""
    if isinstance(text, enum):
        return text
    k = key(str(text) if text is not None else "")
    for member in enum:
        if key(member.value) == k:
            return member
    if aliases and k in aliases:
        return aliases[k]
    raise ValidationError(field, f"'{text}' is not {what}: use {', '.join(m.value for m in enum)}.")


def not_future(value: dt.date | None, field: str, what: str, today: dt.date) -> None:
    if value is not None and value > today:
        raise ValidationError(field, f"{what} on {day(value)} is in the future: give the date it happened.")


def not_before(later: dt.date | None, earlier: dt.date | None, field: str, later_what: str,
               earlier_what: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise ValidationError(field, f"{later_what} ({day(later)}) is before {earlier_what} ({day(earlier)}): "
                                     "correct one of the dates.")


def unique_ids(values: Iterable[int] | None) -> tuple[int, ...]:
    """Ids in the order given, each once."""
    out: list[int] = []
    for v in values or ():
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValidationError("agencies", f"{v!r} is not an agency's id.")
        if v not in out:
            out.append(v)
    return tuple(out)


def withdrawal(on: dt.date | None, reason: str, earliest: dt.date | None, what: str) -> str:
    """Check a withdrawal (date and reason); returns the reason tidied ('' when not withdrawn)."""
    reason = tidy_text(reason)
    if on is None:
        return ""
    if not reason:
        raise ValidationError("reason", f"Say why the {what} is withdrawn: it stays recorded with the reason.")
    if earliest is not None and on < earliest:
        raise ValidationError("withdrawn_on", f"It cannot be withdrawn on {day(on)}, before it began "
                                              f"({day(earliest)}).")
    return reason

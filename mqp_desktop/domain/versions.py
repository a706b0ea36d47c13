"""Two copies of the program on one file: an edit against what is stored now.

Every record an officer edits carries ``row_version``, the number of times it had been
saved when it was read. The store refuses an edit whose record was saved again since
(:class:`~mqp_desktop.store.errors.EditConflict`) and says, field by field, what the
officer meant to save and what is stored now. This module holds the plain parts of that:
the field-by-field difference in words, and the "apply my changes on top" merge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# Fields that are not the record's content: never compared, never merged.
NOT_CONTENT = ("id", "row_version")


@dataclass(frozen=True)
class FieldDifference:
    """One field on which the officer's copy and the stored record differ, in words."""

    field: str
    label: str
    yours: str
    stored: str
    changed_by: str = ""  # who last changed this field, from the change history ("jo on LAPTOP-2")
    changed_at: str = ""  # when (ISO text, as the history keeps it)

    @property
    def when(self) -> str:
        return when_in_words(self.changed_at)


def when_in_words(at: str) -> str:
    """'14:03 on 3 Mar 2026' from the history's ISO time ('' stays '')."""
    if not at:
        return ""
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return at
    return f"{moment:%H:%M} on {moment.day} {moment:%b %Y}"


def value_in_words(value: Any) -> str:
    """A stored value as the officer reads it: dates as 3 Mar 2026, yes/no, '(none)' for empty."""
    if value is None or value == "" or value == [] or value == ():
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return f"{value.day} {value:%b %Y}"
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value) if len(value) == 10 else None
        except ValueError:
            day = None
        if day is not None:
            return f"{day.day} {day:%b %Y}"
        return " ".join(value.split()) if "\n" in value else value
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {value_in_words(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(value_in_words(v) for v in value)
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    return str(value)


def differences(
    yours: Mapping[str, Any],
    stored: Mapping[str, Any],
    labels: Mapping[str, str] | None = None,
    words: Any = None,
) -> list[tuple[str, str, str, str]]:
    """(field, label, yours in words, stored in words) for each field whose values differ.

    ``words(field, value)`` turns a value into words (default :func:`value_in_words`),
    e.g. an agency id into the agency's name.
    """
    labels = labels or {}
    say = words or (lambda _field, value: value_in_words(value))
    out = []
    for name, mine in yours.items():
        theirs = stored.get(name)
        if mine != theirs:
            out.append((name, labels.get(name, name.replace("_", " ")), say(name, mine), say(name, theirs)))
    return out


def content_fields(record: Any) -> list[str]:
    """The names of a record's fields that are its content (not its id or version)."""
    return [f.name for f in dataclasses.fields(record) if f.name not in NOT_CONTENT]


def changed_fields(base: Any, mine: Any, fields: Iterable[str] | None = None) -> list[str]:
    """The fields the officer changed: where ``mine`` differs from ``base`` (the record as read)."""
    names = list(fields) if fields is not None else content_fields(base)
    return [name for name in names if getattr(mine, name) != getattr(base, name)]


def rebase(base: Any, mine: Any, stored: Any, fields: Sequence[str] | None = None) -> Any:
    """``stored`` with the officer's changes (``mine`` against ``base``) applied on top.

    The result has the stored record's id and version, so saving it is a new, deliberate
    save against what is stored now: a field only the other copy changed keeps the other
    copy's value; a field the officer changed takes the officer's.
    """
    return dataclasses.replace(stored, **{name: getattr(mine, name) for name in changed_fields(base, mine, fields)})

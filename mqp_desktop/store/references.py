"""Finding a record by its reference (CH-2026-007, WT-2026-003, ES-2026-002) or by its id, as the commands and
the window accept either: one way for every referenced kind, with the same words when it is not there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound

T = TypeVar("T")


def find_by_reference(db: Any, table: str, text: str, *, get: Callable[[int], T],
                      parse: Callable[[str], tuple[int, int]], format_: Callable[[int, int], str],
                      what: str, list_command: str) -> T:
    """The record of ``table`` whose reference is ``text`` ('wt-2026-3' finds WT-2026-003) or whose id it is.

    ``parse`` reads a reference as (year, number), raising ValidationError when it is not one; ``format_``
    writes one back; ``what`` names the kind in messages ('work transfer'); ``list_command`` lists them."""
    key = (text or "").strip()
    if key.isdigit():
        return get(int(key))
    try:
        year, number = parse(key)
    except ValidationError:
        article = "an" if what[:1].lower() in "aeiou" else "a"
        raise RecordNotFound(f"'{text}' is not {article} {what}'s reference or id.",
                             f"Give a reference such as {format_(2026, 3)} ('{list_command}' lists them).") from None
    prefix = format_(year, number).rsplit("-", 1)[0]
    for row in db.query(f"SELECT id, reference FROM {table} WHERE reference LIKE ?", [f"{prefix}-%"]):
        try:
            if parse(row["reference"]) == (year, number):
                return get(row["id"])
        except ValidationError:
            continue
    raise RecordNotFound(f"There is no {what} {format_(year, number)}.", f"List them with '{list_command}'.")

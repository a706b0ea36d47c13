"""What the governance commands share: meetings and members from what was typed, text from a file, versions."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError
from mqp_desktop.cli.meeting_records import resolve_meeting
from mqp_desktop.domain.meetings import match_names
from mqp_desktop.domain.model import Member

DATES = "Dates: YYYY-MM-DD (2026-03-31) or DD/MM/YYYY (31/03/2026)."


def meeting_or_none(store, text: str | None) -> int | None:
    """--at MEETING (id, date, next, last); 'none' (or empty) for no meeting."""
    if text is None or text.strip().lower() in ("", "none", "-"):
        return None
    return resolve_meeting(store, text).id


def member(store, text: str, option: str = "--member", *, current_only: bool = False) -> Member:
    """A member by id or name (ended members too, unless ``current_only``)."""
    value = text.strip()
    if value.isdigit():
        return store.member(int(value))
    pool = [m for m in store.members(include_ended=not current_only) if not m.is_vacant]
    found, _ = match_names(value, pool)
    if len(found) != 1:
        many = f" ({len(found)} match: give the id)" if found else ""
        raise CliError(f"{option}: no single member is called '{value}'{many}: give the member's id "
                       "('mqp members list --all') or full name.")
    return found[0]


def member_or_name(store, text: str) -> tuple[int | None, str]:
    """An action's owner: a current member (id or name), else the name of someone who is not a member."""
    value = text.strip()
    if not value:
        raise CliError("--owner: name who owns the action (a member's id or name, or a person's name).")
    if value.isdigit():
        return store.member(int(value)).id, ""
    found, _ = match_names(value, [m for m in store.members(include_ended=False) if not m.is_vacant])
    if len(found) == 1:
        return found[0].id, ""
    return None, value


def text_arg(args: argparse.Namespace, name: str) -> str | None:
    """An option's text, or the contents of the file given as @FILE (UTF-8)."""
    value = getattr(args, name, None)
    if value is None or not value.startswith("@"):
        return value
    path = Path(value[1:]).expanduser()
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise CliError(f"--{name.replace('_', '-')}: '{path}' could not be read ({reason}): give a text file "
                       "(UTF-8).") from None


def expect_version(store, repo, record: Any, expected: int | None, show: str) -> None:
    """--expect-version N: refuse (EditConflict) unless the record is still at version N."""
    if expected is not None and expected != record.row_version:
        conflict = store.edit_conflict(
            repo.name(record), entity=repo.entity, entity_id=record.id, read_version=expected,
            stored_version=record.row_version, yours={}, stored=repo.values(record), labels=repo.labels,
            stored_record=record,
        )
        conflict.remedy = (f"Read it again ('{show} --json') and repeat the edit against version "
                           f"{record.row_version} if it is still wanted.")
        raise conflict


def number_arg(value: str | None, option: str) -> int | None:
    """A whole number 0 or more; '' or 'none' clears (None)."""
    if value is None or value.strip().lower() in ("", "none"):
        return None
    try:
        n = int(value)
    except ValueError:
        raise CliError(f"{option}: '{value}' is not a whole number.") from None
    if n < 0:
        raise CliError(f"{option}: give a number 0 or more, not {n}.")
    return n

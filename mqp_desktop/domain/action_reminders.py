"""Reminders to action owners (ToR 14: "actions followed up in time"), in plain Python.

The action log had no chase of its own: from the "Due and overdue" list (or ``mqp actions remind``) the
officer chooses actions and gets **one email draft per owner** listing that owner's actions with their
numbers, due dates and how overdue each is. The words come from the editable ``email_action_reminder``
template (Agenda & papers settings, or ``mqp settings set email_action_reminder``) with these
placeholders; the drafts are written by ``exporters/action_reminders.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from mqp_desktop.domain.papers import fill_template

REMINDER_PLACEHOLDERS = {
    "owner": "the action owner's name",
    "actions": "the owner's actions, one a line: number, what, due date and how overdue",
    "count": "how many actions the email lists",
    "next_meeting": "' on Tuesday 14 July 2026' when a meeting is planned (empty otherwise)",
    "subcommittee": "the subcommittee's name",
    "partnership": "the partnership's name",
    "sender": "the business support officer's name and post (or 'Business Support')",
}

DEFAULT_REMINDER = {
    "subject": "Reminder: your actions from the {subcommittee}",
    "body": (
        "Dear {owner},\n\n"
        "The {subcommittee}'s action log shows these actions for you:\n\n"
        "{actions}\n\n"
        "Please let us know where each one stands - done (with a line on what was done), still in progress "
        "(with the date you now expect), or no longer needed and why - so that the action log is up to date "
        "for the next meeting{next_meeting}. The Terms of Reference ask that actions are followed up in time "
        "(clause 14).\n\n"
        "Kind regards,\n\n{sender}\n{partnership}\n"
    ),
}


@dataclass(frozen=True)
class ReminderLine:
    """One action in a reminder."""

    number: str
    description: str
    due: dt.date
    meeting_date: dt.date | None = None


@dataclass(frozen=True)
class Reminder:
    """One owner's reminder: to whom (name, address: empty when the owner has none on record) and which actions."""

    owner: str
    email: str
    lines: tuple[ReminderLine, ...]
    action_ids: tuple[int, ...]


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def line_text(line: ReminderLine, today: dt.date) -> str:
    """'- 2026-03/1 Circulate the findings: due 1 May 2026, 40 days overdue (agreed on 10 March 2026)'."""
    days = (today - line.due).days
    when = (f"{days} day{'s' if days != 1 else ''} overdue" if days > 0 else "due today" if days == 0
            else f"{-days} day{'s' if days != -1 else ''} to go")
    agreed = f" (agreed on {_long(line.meeting_date)})" if line.meeting_date else ""
    return f"- {line.number} {line.description}: due {_long(line.due)}, {when}{agreed}"


def reminder_values(reminder: Reminder, *, subcommittee: str, partnership: str, sender: str,
                    next_meeting: dt.date | None, today: dt.date) -> dict[str, str]:
    return {
        "owner": reminder.owner or "colleague",
        "actions": "\n".join(line_text(line, today) for line in reminder.lines),
        "count": str(len(reminder.lines)),
        "next_meeting": f" on {next_meeting:%A} {_long(next_meeting)}" if next_meeting else "",
        "subcommittee": subcommittee,
        "partnership": partnership,
        "sender": sender,
    }


def fill_reminder(template: Mapping[str, str], values: Mapping[str, str]) -> tuple[str, str]:
    """(subject, body): placeholders filled, blank lines left by empty ones closed up."""
    subject = " ".join(fill_template(template["subject"], values).split())
    body = fill_template(template["body"], values)
    body = re.sub(r"[ \t]+\n", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    return subject, body


def group_by_owner(entries: Iterable[tuple[int, str, str, ReminderLine]]) -> list[Reminder]:
    """(action id, owner, email, line) -> one :class:`Reminder` per owner (by name, any case), owners in
    alphabetical order and each owner's actions by due date."""
    groups: dict[str, list[tuple[int, str, str, ReminderLine]]] = {}
    for entry in entries:
        groups.setdefault(" ".join(entry[1].split()).casefold(), []).append(entry)
    out = []
    for key in sorted(groups):
        rows: Sequence = sorted(groups[key], key=lambda e: (e[3].due, e[3].number))
        email = next((e[2] for e in rows if e[2]), "")
        out.append(Reminder(owner=rows[0][1], email=email, lines=tuple(e[3] for e in rows),
                            action_ids=tuple(e[0] for e in rows)))
    return out


__all__ = ["DEFAULT_REMINDER", "REMINDER_PLACEHOLDERS", "Reminder", "ReminderLine", "fill_reminder",
           "group_by_owner", "line_text", "reminder_values"]

"""Reminder email drafts to action owners (ToR 14): the action log's own chase.

One ``.eml`` draft (``X-Unsent: 1``: Outlook and Thunderbird open it as a new message) **per owner**,
listing that owner's chosen actions: number, what, due date, how overdue, the meeting that agreed it. It
goes to the owner's address from the register (a named owner who is not a member has none on record: the
draft has no To, for the officer to fill in), worded from the editable ``email_action_reminder``
template and signed by the register's Business Support Officer (or Business Manager) where there is one.

Built by :func:`~mqp_desktop.exporters.circulation.draft_message` like every other draft (control
characters taken out of the words); file names from :func:`~mqp_desktop.exporters.files.safe_file_name`
(safe on Windows); a batch is written all or nothing. Writing the drafts is recorded in the change
history, once per action ("reminder drafted", to whom), in the same transaction: a batch that cannot be
written records nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.action_reminders import Reminder, ReminderLine, fill_reminder, group_by_owner, reminder_values
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.chase_email import business_sender
from mqp_desktop.exporters.circulation import draft_bytes, draft_message
from mqp_desktop.exporters.files import ExportFileError, safe_file_name, write_all_or_nothing

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store


def reminder_file_name(reminder: Reminder, today: dt.date) -> str:
    """'Action reminder - Jo Bloggs - 2026-06-10.eml', safe on Windows."""
    return safe_file_name(f"Action reminder - {reminder.owner} - {today:%Y-%m-%d}", ".eml", fallback="Action reminder")


def reminders_for(store: Store, action_ids: Iterable[int], today: dt.date) -> list[Reminder]:
    """The chosen actions grouped by owner. An action that is done or dropped, or has no due date, is refused
    with its number: there is nothing to remind anyone of."""
    entries = []
    meetings: dict[int, dt.date] = {}
    for action_id in dict.fromkeys(action_ids):
        a = store.minutes.action(action_id)
        if a.status.closed:
            raise ValidationError("actions", f"Action {a.number} is {a.status.value}: there is nothing to remind "
                                             "its owner of. Choose open or in-progress actions.")
        if a.due_date is None:
            raise ValidationError("actions", f"Action {a.number} has no due date: give it one before reminding "
                                             "its owner.")
        if a.meeting_id not in meetings:
            meetings[a.meeting_id] = store.meetings.get(a.meeting_id).date
        if a.owner_member_id is not None:
            member = store.member(a.owner_member_id)
            owner, email = member.display_name, member.email
        else:
            owner, email = a.owner_name, ""
        entries.append((a.id, owner, email, ReminderLine(a.number, a.description, a.due_date, meetings[a.meeting_id])))
    if not entries:
        raise ValidationError("actions", "Choose at least one action to remind its owner of.")
    return group_by_owner(entries)


def _next_meeting(store: Store, today: dt.date) -> dt.date | None:
    from mqp_desktop.domain.meetings import MeetingStatus

    upcoming = [m.date for m in store.meetings.list() if m.status is MeetingStatus.PLANNED and m.date >= today]
    return min(upcoming, default=None)


def reminder_message(store: Store, reminder: Reminder, today: dt.date, *,
                     next_meeting: dt.date | None = None) -> EmailMessage:
    """The draft of one owner's reminder (not written anywhere)."""
    sc = store.subcommittee()
    sender = business_sender(store)
    values = reminder_values(
        reminder, subcommittee=sc.name, partnership=sc.partnership, next_meeting=next_meeting, today=today,
        sender=f"{sender.name}\n{sender.role_title}" if sender is not None else "Business Support")
    subject, body = fill_reminder(store.agendas.setting(cfg.EMAIL_ACTION_REMINDER), values)
    return draft_message(subject, body, to=[(reminder.owner, reminder.email)], sender=sender)


def write_action_reminders(store: Store, action_ids: Iterable[int], folder: Path | str, *,
                           today: dt.date | None = None) -> list[tuple[Reminder, Path]]:
    """One reminder draft per owner of ``action_ids`` in ``folder``, recorded in the change history; the
    reminders and the files written. All or nothing."""
    today = today or dt.date.today()
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ExportFileError(f"The folder '{folder}' does not exist.", "Choose an existing folder for the emails.")
    reminders = reminders_for(store, action_ids, today)
    upcoming = _next_meeting(store, today)
    files, names = [], set()
    for reminder in reminders:
        data = draft_bytes(reminder_message(store, reminder, today, next_meeting=upcoming))
        name = reminder_file_name(reminder, today)
        stem, n = name[:-4], 2
        while name.casefold() in names:  # two owners whose names make the same file name
            name = f"{stem} ({n}).eml"
            n += 1
        names.add(name.casefold())
        files.append((folder / name, lambda tmp, data=data: tmp.write_bytes(data)))
    with store.write():
        for reminder in reminders:
            to = f"{reminder.owner} <{reminder.email}>" if reminder.email else f"{reminder.owner} (no email on record)"
            for action_id, line in zip(reminder.action_ids, reminder.lines):
                store.record("action", action_id, "reminded",
                             f"Reminder drafted to {to}: action {line.number}, due {line.due:%d/%m/%Y}",
                             {"reminder_to": [None, reminder.owner], "reminder_on": [None, today.isoformat()]})
        paths = write_all_or_nothing(files)  # a file that cannot be written rolls the records back
    return list(zip(reminders, paths))


__all__ = ["reminder_file_name", "reminder_message", "reminders_for", "write_action_reminders"]

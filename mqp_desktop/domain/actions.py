"""The action log (ToR 14: actions followed up in time), in plain Python.

An **action** comes from a meeting (and usually one of its agenda items). Its
**number** is stable and never reused: ``YYYY-MM/n``, the source meeting's year
and month, then a sequence. The sequence runs within the year-month rather than
within the meeting, so an extraordinary meeting in the same month as an
ordinary one cannot produce a duplicate; with one meeting a month that is the
same as "the n-th action of that meeting".

An action's **status** is open, in progress, done or dropped. It changes only
through an :class:`ActionUpdate` recorded *at the meeting where it was given*
(with a date and a note). The action row keeps the latest status for lists;
the updates are the history, and what a meeting's minutes show is computed
from them (:func:`action_log_at`).

**Carry-forward.** The action log of a meeting lists every action created at
an earlier meeting that was not closed (done or dropped) at an earlier
meeting: so an action closed *at* a meeting still appears in that meeting's
log, marked done, and not in the next one's.

**Overdue**: the due date has passed and the action is still open or in progress.

"Earlier" compares meetings by date, start time and id (:func:`meeting_key`),
so two meetings on one day still have an order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.validation import ValidationError

NUMBER_RE = re.compile(r"^(\d{4})-(\d{2})/([1-9]\d*)$")


ADDED_IN_ERROR = "added in error, undone"
"""The note of the update that drops an action when its adding is undone (an action is never deleted: its
number stays taken). Such an action was never agreed: the minutes of its meeting leave it out."""


def undone_at(status: ActionStatus, update: ActionUpdate | None, meeting_id: int) -> bool:
    """True when the action's adding at ``meeting_id`` was undone (dropped there, added in error)."""
    return (status is ActionStatus.DROPPED and update is not None and update.meeting_id == meeting_id
            and update.note == ADDED_IN_ERROR)


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.DROPPED)


def parse_status(text: str) -> ActionStatus:
    """'open', 'in progress' (or 'in-progress', 'progress'), 'done', 'dropped'."""
    key = " ".join((text or "").strip().lower().replace("-", " ").replace("_", " ").split())
    if key in ("progress", "inprogress"):
        key = "in progress"
    for status in ActionStatus:
        if status.value == key:
            return status
    raise ValidationError("status", f"'{text}' is not an action status: use open, in progress, done or dropped.")


@dataclass
class Action:
    meeting_id: int
    """The meeting it came from."""
    description: str
    owner_member_id: int | None = None
    owner_name: str = ""
    """A named person who is not a member (empty when a member owns it)."""
    due_date: dt.date | None = None
    item_id: int | None = None
    """The agenda item it came from (None: the meeting generally)."""
    number: str = ""
    """'2026-03/4' — given by the store when the action is added."""
    status: ActionStatus = ActionStatus.OPEN
    status_date: dt.date | None = None
    status_note: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    def is_overdue(self, on: dt.date) -> bool:
        return is_overdue(self.due_date, self.status, on)


@dataclass
class ActionUpdate:
    """A status given at a meeting, with the date and a note (e.g. 'done: report circulated')."""

    action_id: int
    meeting_id: int
    status: ActionStatus
    on: dt.date
    note: str = ""
    id: int | None = None


def is_overdue(due: dt.date | None, status: ActionStatus, on: dt.date) -> bool:
    return due is not None and due < on and not ActionStatus(status).closed


def validate_action(action: Action) -> Action:
    """Tidy and check an action's own fields (not its number, which the store gives)."""
    action.description = " ".join((action.description or "").split())
    if not action.description:
        raise ValidationError("description", "The action has no description: say what is to be done, by whom.")
    action.owner_name = " ".join((action.owner_name or "").split())
    if action.owner_member_id is not None and action.owner_name:
        raise ValidationError("owner", "An action is owned by a member or by a named person, not both: clear one.")
    if action.owner_member_id is None and not action.owner_name:
        raise ValidationError("owner", "The action has no owner: name a member or a person.")
    action.status = ActionStatus(action.status)
    action.status_note = (action.status_note or "").strip()
    return action


def parse_number(text: str) -> tuple[int, int, int]:
    """'2026-03/4' -> (2026, 3, 4); anything else is refused."""
    match = NUMBER_RE.match((text or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError("number", f"'{text}' is not an action number: they look like 2026-03/4.")
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def next_number(meeting_date: dt.date, existing: Iterable[str]) -> str:
    """The next number for an action from a meeting on ``meeting_date``: one past the highest of its month."""
    prefix = f"{meeting_date:%Y-%m}/"
    used = [int(n[len(prefix):]) for n in existing if n.startswith(prefix) and n[len(prefix):].isdigit()]
    return f"{prefix}{max(used, default=0) + 1}"


def number_sort_key(number: str) -> tuple[int, int, int]:
    try:
        return parse_number(number)
    except ValidationError:
        return (0, 0, 0)


MeetingKey = tuple[dt.date, str, int]


def meeting_key(date: dt.date, start_time: str, meeting_id: int) -> MeetingKey:
    """The order of meetings: by date, then start time, then id."""
    return (date, start_time or "", meeting_id)


@dataclass(frozen=True)
class ActionLogEntry:
    """One line of a meeting's action log: the action as it stood at the end of that meeting."""

    action: Action
    status: ActionStatus
    """Its status after the updates given up to and including this meeting."""
    update: ActionUpdate | None
    """The update given at this meeting, if any (the last one, when several)."""
    overdue: bool
    """Due before the meeting's date and still open or in progress after it."""


def status_as_at(
    action: Action,
    updates: Iterable[ActionUpdate],
    keys: Mapping[int, MeetingKey],
    key: MeetingKey,
    *,
    inclusive: bool = True,
) -> tuple[ActionStatus, ActionUpdate | None]:
    """The status after every update given at meetings up to ``key`` (before it, when not
    ``inclusive``), and the latest such update."""
    given = sorted(
        (u for u in updates if u.action_id == action.id and u.meeting_id in keys
         and (keys[u.meeting_id] <= key if inclusive else keys[u.meeting_id] < key)),
        key=lambda u: (keys[u.meeting_id], u.on, u.id or 0),
    )
    if not given:
        return ActionStatus.OPEN, None
    return given[-1].status, given[-1]


def action_log_at(
    meeting_id: int,
    actions: Iterable[Action],
    updates: Iterable[ActionUpdate],
    keys: Mapping[int, MeetingKey],
) -> list[ActionLogEntry]:
    """The carried-forward action log of a meeting (see the module docstring), by number.

    ``keys`` maps every meeting id that actions or updates name to its :func:`meeting_key`.
    """
    key = keys[meeting_id]
    updates = list(updates)
    out: list[ActionLogEntry] = []
    for action in actions:
        if action.meeting_id not in keys or keys[action.meeting_id] >= key:
            continue  # created at this meeting or later
        before, _ = status_as_at(action, updates, keys, key, inclusive=False)
        if before.closed:
            continue  # closed at an earlier meeting
        status, last = status_as_at(action, updates, keys, key)
        here = last if last is not None and last.meeting_id == meeting_id else None
        out.append(ActionLogEntry(action, status, here, is_overdue(action.due_date, status, key[0])))
    out.sort(key=lambda e: number_sort_key(e.action.number))
    return out


def filter_actions(
    actions: Iterable[Action],
    *,
    owner_member_id: int | None = None,
    owner_text: str = "",
    owner_names: Mapping[int, str] | None = None,
    statuses: Iterable[ActionStatus] | None = None,
    open_only: bool = False,
    overdue_on: dt.date | None = None,
    meeting_id: int | None = None,
) -> list[Action]:
    """The action log page's filters. ``owner_text`` matches a named owner or a member's name (part, any case)."""
    wanted = {ActionStatus(s) for s in statuses} if statuses is not None else None
    needle = " ".join(owner_text.lower().split())
    out = []
    for a in actions:
        if owner_member_id is not None and a.owner_member_id != owner_member_id:
            continue
        if needle:
            name = a.owner_name or (owner_names or {}).get(a.owner_member_id or -1, "")
            if needle not in " ".join(name.lower().split()):
                continue
        if wanted is not None and a.status not in wanted:
            continue
        if open_only and a.status.closed:
            continue
        if overdue_on is not None and not a.is_overdue(overdue_on):
            continue
        if meeting_id is not None and a.meeting_id != meeting_id:
            continue
        out.append(a)
    return out

"""Backups as data: their file names, which ones rotation keeps, when one is due.

Plain Python (no Qt, no SQL): the store takes the backups and this module
decides what they are called and which of them to keep.

**Names.** A backup of ``mqp.sqlite`` is ``mqp 2026-12-06 093015 automatic.mqpbackup.sqlite``:
the database's stem, the local date and time it was taken, why it was taken, and the
``.mqpbackup.sqlite`` ending that marks it as one of ours (it still ends in ``.sqlite``,
so File > Open and any SQLite tool can open it). Two in the same second get ``-2``,
``-3`` after the time. Only files with exactly this shape, and this database's stem,
are ever listed, offered or pruned: anything else in the folder is left alone.

**Kinds.** ``automatic`` (on opening, and once a day while the program is open or the
command line writes), ``manual`` (Back up now, ``mqp backup``) and ``before-restore``
(the database as it was just before a restore, so the restore can be undone).
Only automatic backups are rotated; the others are kept until the user deletes them.

**Rotation** (like ``borg prune --keep-daily 14 --keep-monthly 12``): newest first, keep
the newest backup of each of the ``daily`` most recent days that have a backup; then,
going on from there, the newest of each of the ``monthly`` most recent months that have a
backup and none kept already. A backup kept by the daily rule is not counted again by
the monthly one, so the default keeps the last 14 days with backups and one a month for
the 12 months before those. The newest backup is always kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

SUFFIX = ".mqpbackup.sqlite"
PARTIAL_SUFFIX = ".partial"  # a backup being written; renamed into place once checked
KEEP_DAILY = 14
KEEP_MONTHLY = 12
MAX_KEEP = 1000


class BackupKind(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"

    @property
    def words(self) -> str:
        return {
            BackupKind.AUTOMATIC: "automatic",
            BackupKind.MANUAL: "taken by you",
            BackupKind.BEFORE_RESTORE: "before a restore",
        }[self]

    @property
    def rotated(self) -> bool:
        """Whether rotation may remove it (the others are kept until the user deletes them)."""
        return self is BackupKind.AUTOMATIC


_NAME = re.compile(
    r"^(?P<stem>.+) (?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{6})(?:-(?P<n>\d{1,4}))? "
    r"(?P<kind>automatic|manual|before-restore)" + re.escape(SUFFIX) + r"$"
)


@dataclass(frozen=True, order=True)
class BackupName:
    """What a backup's file name says: which database, when, why."""

    taken: dt.datetime  # local time, to the second (naive)
    n: int  # 1, or 2, 3... for a second backup in the same second
    stem: str
    kind: BackupKind

    @property
    def file_name(self) -> str:
        extra = f"-{self.n}" if self.n > 1 else ""
        return f"{self.stem} {self.taken:%Y-%m-%d %H%M%S}{extra} {self.kind.value}{SUFFIX}"


def backup_name(stem: str, taken: dt.datetime, kind: BackupKind, n: int = 1) -> BackupName:
    return BackupName(taken=taken.replace(microsecond=0, tzinfo=None), n=n, stem=stem, kind=BackupKind(kind))


def parse_backup_name(file_name: str) -> BackupName | None:
    """The parts of one of our backups' names; None for any other file."""
    match = _NAME.match(file_name)
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(f"{match['date']} {match['time']}", "%Y-%m-%d %H%M%S")
    except ValueError:
        return None
    return BackupName(taken=taken, n=int(match["n"] or 1), stem=match["stem"], kind=BackupKind(match["kind"]))


def check_retention(daily: int, monthly: int) -> tuple[int, int]:
    """The numbers of daily and monthly backups to keep, refused when unusable."""
    from mqp_desktop.domain.validation import ValidationError

    if not isinstance(daily, int) or not 1 <= daily <= MAX_KEEP:
        raise ValidationError("keep_daily",
                              f"Keep between 1 and {MAX_KEEP} daily backups (the default is {KEEP_DAILY}).")
    if not isinstance(monthly, int) or not 0 <= monthly <= MAX_KEEP:
        raise ValidationError("keep_monthly",
                              f"Keep between 0 and {MAX_KEEP} monthly backups (the default is {KEEP_MONTHLY}).")
    return daily, monthly


def backups_to_keep(
    names: Iterable[BackupName], daily: int = KEEP_DAILY, monthly: int = KEEP_MONTHLY
) -> set[BackupName]:
    """Of the automatic backups in ``names``, those rotation keeps (see the module's docstring).

    Backups of other kinds are not rotated: they are always in the result.
    """
    names = list(names)
    keep = {n for n in names if not n.kind.rotated}
    automatic = sorted((n for n in names if n.kind.rotated), reverse=True)
    if not automatic:
        return keep
    kept: set[BackupName] = set()
    for count, period in ((daily, "%Y-%m-%d"), (monthly, "%Y-%m")):
        seen: set[str] = set()
        taken = 0
        for name in automatic:
            if taken >= count:
                break
            key = name.taken.strftime(period)
            if key in seen:
                continue
            seen.add(key)  # the period is used up even when its newest was kept by the rule before
            if name not in kept:
                kept.add(name)
                taken += 1
    kept.add(automatic[0])  # the newest, whatever the settings
    return keep | kept


def backups_to_remove(
    names: Iterable[BackupName], daily: int = KEEP_DAILY, monthly: int = KEEP_MONTHLY
) -> list[BackupName]:
    """The automatic backups rotation removes, oldest first."""
    names = list(names)
    keep = backups_to_keep(names, daily, monthly)
    return sorted(n for n in names if n not in keep)


def backup_due(names: Iterable[BackupName], now: dt.datetime) -> bool:
    """Whether an automatic backup is due: none (of any kind) was taken on ``now``'s day."""
    today = now.date()
    return not any(n.taken.date() == today for n in names)


def describe_age(taken: dt.datetime, now: dt.datetime) -> str:
    """'today at 09:30', 'yesterday at 17:02', '06/12/2026 at 09:30'."""
    at = f"{taken:%H:%M}"
    if taken.date() == now.date():
        return f"today at {at}"
    if taken.date() == now.date() - dt.timedelta(days=1):
        return f"yesterday at {at}"
    return f"{taken:%d/%m/%Y} at {at}"

"""Backups as data: names, rotation on a fake clock, when one is due."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mqp_desktop.domain.backups import (
    BackupKind,
    backup_due,
    backup_name,
    backups_to_keep,
    backups_to_remove,
    check_retention,
    describe_age,
    parse_backup_name,
)
from mqp_desktop.domain.validation import ValidationError

AUTO = BackupKind.AUTOMATIC


def test_a_name_says_which_database_when_and_why_and_reads_back():
    name = backup_name("mqp", dt.datetime(2026, 12, 6, 9, 30, 15, 123456), AUTO)
    assert name.file_name == "mqp 2026-12-06 093015 automatic.mqpbackup.sqlite"
    assert parse_backup_name(name.file_name) == name
    second = backup_name("My subcommittee 2", dt.datetime(2026, 12, 6, 9, 30, 15), BackupKind.BEFORE_RESTORE, n=2)
    assert second.file_name == "My subcommittee 2 2026-12-06 093015-2 before-restore.mqpbackup.sqlite"
    assert parse_backup_name(second.file_name) == second


@pytest.mark.parametrize("file_name", [
    "mqp.sqlite",
    "mqp 2026-12-06 093015 automatic.sqlite",  # not our ending
    "mqp 2026-12-06 093015 weekly.mqpbackup.sqlite",  # not one of our kinds
    "mqp 2026-13-06 093015 automatic.mqpbackup.sqlite",  # no 13th month
    "mqp 2026-12-06 093015 automatic.mqpbackup.sqlite.partial",  # being written
    "mqp 2026-12-06 093015 damaged.sqlite",  # a damaged file kept aside: never a backup
    "notes.txt",
])
def test_other_files_are_not_backups(file_name):
    assert parse_backup_name(file_name) is None


@given(stem=st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\\0"), min_size=1,
                    max_size=30).filter(lambda s: s.strip() == s and s),
       taken=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31)),
       kind=st.sampled_from(list(BackupKind)), n=st.integers(1, 99))
def test_every_name_reads_back_as_itself(stem, taken, kind, n):
    name = backup_name(stem, taken, kind, n)
    assert parse_backup_name(name.file_name) == name


def daily_backups(start: dt.datetime, days: int, per_day: int = 1):
    return [backup_name("mqp", start + dt.timedelta(days=d, hours=h * 3), AUTO)
            for d in range(days) for h in range(per_day)]


def simulate(days: int, daily: int, monthly: int, start=dt.datetime(2025, 1, 1, 9, 0), per_day: int = 2):
    """A backup on opening, twice a day, for ``days`` days, with rotation after each one (as the program does)."""
    folder: set = set()
    for name in daily_backups(start, days, per_day):
        folder.add(name)
        folder -= set(backups_to_remove(folder, daily, monthly))
    return sorted(folder)


def test_after_a_fortnight_every_day_keeps_its_newest_backup():
    kept = simulate(14, 14, 12)
    assert len(kept) == 14
    assert {n.taken.date() for n in kept} == {dt.date(2025, 1, 1) + dt.timedelta(days=d) for d in range(14)}
    assert all(n.taken.hour == 12 for n in kept), "the newest of each day (12:00, not 09:00)"


def test_after_400_days_14_days_and_12_months_before_them_are_kept():
    start = dt.datetime(2025, 1, 1, 9, 0)
    kept = simulate(400, 14, 12, start)
    last_day = (start + dt.timedelta(days=399)).date()  # 4 February 2026
    days = [n.taken.date() for n in kept]
    assert days[-14:] == [last_day - dt.timedelta(days=13 - d) for d in range(14)]
    monthly = days[:-14]
    assert len(monthly) == 12
    # one a month: the last day of each month before the fortnight's (22 Jan - 4 Feb 2026)
    assert monthly == [dt.date(2024 + (m + 12) // 12, (m + 12) % 12 + 1, 1) - dt.timedelta(days=1)
                       for m in range(1, 13)]
    assert monthly[0] == dt.date(2025, 1, 31) and monthly[-1] == dt.date(2025, 12, 31)


def test_gaps_are_skipped_days_with_backups_count_not_calendar_days():
    names = daily_backups(dt.datetime(2026, 1, 1, 9), 3) + daily_backups(dt.datetime(2026, 3, 1, 9), 2)
    kept = backups_to_keep(names, daily=4, monthly=0)
    assert sorted(n.taken.date() for n in kept) == [dt.date(2026, 1, 2), dt.date(2026, 1, 3),
                                                    dt.date(2026, 3, 1), dt.date(2026, 3, 2)]


def test_only_automatic_backups_are_rotated():
    old = dt.datetime(2020, 1, 1, 9)
    manual = backup_name("mqp", old, BackupKind.MANUAL)
    before = backup_name("mqp", old + dt.timedelta(hours=1), BackupKind.BEFORE_RESTORE)
    names = [manual, before, *daily_backups(dt.datetime(2026, 1, 1, 9), 40)]
    removed = backups_to_remove(names, daily=3, monthly=0)
    assert manual not in removed and before not in removed
    assert len(removed) == 37


def test_the_newest_is_kept_whatever_the_settings():
    names = daily_backups(dt.datetime(2026, 1, 1, 9), 5)
    assert backups_to_keep(names, daily=0, monthly=0) == {names[-1]}


@given(days=st.lists(st.integers(0, 900), min_size=1, max_size=60), daily=st.integers(1, 20),
       monthly=st.integers(0, 15), extra=st.integers(0, 3))
def test_rotation_keeps_at_most_daily_plus_monthly_one_per_day_and_the_newest(days, daily, monthly, extra):
    base = dt.datetime(2024, 1, 1, 8)
    names = {backup_name("mqp", base + dt.timedelta(days=d, minutes=m * 7), AUTO)
             for d in days for m in range(extra + 1)}
    kept = backups_to_keep(names, daily, monthly)
    assert kept <= names
    assert max(names) in kept
    assert len(kept) <= daily + monthly
    assert len({n.taken.date() for n in kept}) == len(kept), "never two of one day"
    # the newest of each of the `daily` most recent days with backups is kept
    recent_days = sorted({n.taken.date() for n in names}, reverse=True)[:daily]
    for day in recent_days:
        assert max(n for n in names if n.taken.date() == day) in kept
    assert set(backups_to_remove(names, daily, monthly)) == names - kept


def test_a_backup_is_due_once_a_day():
    now = dt.datetime(2026, 12, 6, 0, 5)
    assert backup_due([], now)
    yesterday_late = backup_name("mqp", dt.datetime(2026, 12, 5, 23, 59), AUTO)
    assert backup_due([yesterday_late], now), "a new day wants its own backup"
    manual_today = backup_name("mqp", dt.datetime(2026, 12, 6, 0, 1), BackupKind.MANUAL)
    assert not backup_due([yesterday_late, manual_today], now)


def test_retention_is_checked():
    assert check_retention(14, 12) == (14, 12)
    assert check_retention(1, 0) == (1, 0)
    with pytest.raises(ValidationError) as info:
        check_retention(0, 12)
    assert info.value.field == "keep_daily"
    with pytest.raises(ValidationError) as info:
        check_retention(14, -1)
    assert info.value.field == "keep_monthly"


def test_ages_in_words():
    now = dt.datetime(2026, 12, 6, 10, 0)
    assert describe_age(dt.datetime(2026, 12, 6, 9, 30), now) == "today at 09:30"
    assert describe_age(dt.datetime(2026, 12, 5, 17, 2), now) == "yesterday at 17:02"
    assert describe_age(dt.datetime(2026, 11, 30, 8, 0), now) == "30/11/2026 at 08:00"

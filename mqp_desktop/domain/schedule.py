"""Planning a year of meetings at the subcommittee's frequency (ToR 5).

Monthly frequencies keep the pattern of the first date — "the second
Tuesday of every other month" — so a series stays on the day members have
in their diaries; weekly frequencies add whole weeks. A date that falls on
a weekend or an English bank holiday moves to the next working day (same
weekday pattern is kept for the rest of the series).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Container
from dataclasses import dataclass

from mqp_desktop.domain.model import FrequencyUnit


def english_bank_holidays(years: range) -> set[dt.date]:
    """Bank holidays in England for the given years (the ``holidays`` package)."""
    import holidays

    return set(holidays.country_holidays("GB", subdiv="ENG", years=list(years)).keys())


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; 5 = last) ``weekday`` of a month."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[min(n, len(days)) - 1]


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same n-th weekday of the month ``months`` later (a last weekday stays last)."""
    n = (day.day - 1) // 7 + 1
    is_last = day + dt.timedelta(days=7) > day.replace(day=calendar.monthrange(day.year, day.month)[1])
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return _nth_weekday(y, m + 1, day.weekday(), 5 if is_last else n)


def next_working_day(day: dt.date, holidays: Container[dt.date]) -> dt.date:
    while day.weekday() >= 5 or day in holidays:
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class SeriesDate:
    """One date of a planned series: where the pattern put it, and where it landed."""

    nominal: dt.date
    date: dt.date
    reason: str = ""
    """Why it moved: 'weekend', 'bank holiday', 'clash' (onto the previous date), or '' when not moved."""

    @property
    def moved(self) -> bool:
        return self.date != self.nominal


def plan_series(
    first: dt.date,
    count: int,
    interval: int,
    unit: FrequencyUnit,
    holidays: Container[dt.date] | Callable[[range], Container[dt.date]] = english_bank_holidays,
) -> list[SeriesDate]:
    """:func:`generate_series` with, for each date, where the pattern put it and why it moved."""
    if count < 1:
        return []
    if interval < 1:
        raise ValueError("meetings must be at least one week or month apart")
    unit = FrequencyUnit(unit)
    if unit is FrequencyUnit.MONTHS:
        nominal = [_add_months(first, i * interval) for i in range(count)]
    else:
        nominal = [first + dt.timedelta(weeks=i * interval) for i in range(count)]
    if callable(holidays):
        holidays = holidays(range(first.year, nominal[-1].year + 2))
    out: list[SeriesDate] = []
    for day in nominal:
        moved = next_working_day(day, holidays)
        reason = "" if moved == day else ("weekend" if day.weekday() >= 5 else "bank holiday")
        if out and moved <= out[-1].date:
            moved = next_working_day(out[-1].date + dt.timedelta(days=1), holidays)
            reason = "clash"
        out.append(SeriesDate(day, moved, reason))
    return out


def generate_series(
    first: dt.date,
    count: int,
    interval: int,
    unit: FrequencyUnit,
    holidays: Container[dt.date] | Callable[[range], Container[dt.date]] = english_bank_holidays,
) -> list[dt.date]:
    """``count`` meeting dates from ``first``, every ``interval`` weeks or months.

    ``holidays`` is a set of dates to avoid, or a function of a range of years
    returning one (by default England's bank holidays).
    """
    return [s.date for s in plan_series(first, count, interval, unit, holidays)]


def first_date_of_next_series(
    today: dt.date,
    interval: int,
    unit: FrequencyUnit,
    last: dt.date | None = None,
    holidays: Container[dt.date] | Callable[[range], Container[dt.date]] = english_bank_holidays,
) -> dt.date:
    """The first date "Plan a series" offers: never today, a weekend or a bank holiday (issue 14).

    With ``last`` (the latest ordinary meeting not cancelled) the series goes on in its pattern — the
    next date ``interval`` weeks or months on ("the second Tuesday" kept) that falls after today and
    after ``last`` — moved to a working day. Without one, the next working day a week from today."""
    unit = FrequencyUnit(unit)
    if last is None or interval < 1:
        day = today + dt.timedelta(days=7)
    else:
        step = 1
        while True:
            day = (_add_months(last, step * interval) if unit is FrequencyUnit.MONTHS
                   else last + dt.timedelta(weeks=step * interval))
            if day > today:
                break
            step += 1
    if callable(holidays):
        holidays = holidays(range(day.year, day.year + 2))
    return next_working_day(day, holidays)

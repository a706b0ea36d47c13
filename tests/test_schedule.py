"""Planning a series of meetings (ToR 5): frequencies, year ends, weekends, bank holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain.model import FrequencyUnit
from mqp_desktop.domain.schedule import english_bank_holidays, generate_series, next_working_day

NO_HOLIDAYS: set[dt.date] = set()


def test_bi_monthly_keeps_the_second_tuesday_across_a_year_end():
    dates = generate_series(dt.date(2024, 9, 10), 4, 2, FrequencyUnit.MONTHS, NO_HOLIDAYS)
    assert dates == [dt.date(2024, 9, 10), dt.date(2024, 11, 12), dt.date(2025, 1, 14), dt.date(2025, 3, 11)]
    assert all(d.weekday() == 1 and 8 <= d.day <= 14 for d in dates)


def test_quarterly_from_a_last_weekday_stays_on_the_last_weekday():
    # 29 October 2024 is the last Tuesday of its month
    dates = generate_series(dt.date(2024, 10, 29), 3, 3, FrequencyUnit.MONTHS, NO_HOLIDAYS)
    assert dates == [dt.date(2024, 10, 29), dt.date(2025, 1, 28), dt.date(2025, 4, 29)]


def test_six_weekly_across_christmas_moves_off_bank_holidays():
    holidays = english_bank_holidays(range(2024, 2026))
    dates = generate_series(dt.date(2024, 11, 14), 3, 6, FrequencyUnit.WEEKS, holidays)
    # 14 Nov + 6 weeks = Thu 26 Dec 2024 (Boxing Day) -> Fri 27 Dec; + 12 weeks = Thu 6 Feb 2025
    assert dates == [dt.date(2024, 11, 14), dt.date(2024, 12, 27), dt.date(2025, 2, 6)]


def test_english_bank_holidays_include_easter_monday_and_the_early_may_holiday():
    holidays = english_bank_holidays(range(2025, 2026))
    assert dt.date(2025, 4, 21) in holidays  # Easter Monday
    assert dt.date(2025, 5, 5) in holidays  # Early May bank holiday
    assert dt.date(2025, 3, 17) not in holidays  # St Patrick's Day is not an English holiday


def test_monday_series_skips_a_bank_holiday_monday():
    holidays = english_bank_holidays(range(2025, 2026))
    # first Monday of May is the Early May bank holiday: moves to Tuesday
    dates = generate_series(dt.date(2025, 3, 3), 2, 2, FrequencyUnit.MONTHS, holidays)
    assert dates == [dt.date(2025, 3, 3), dt.date(2025, 5, 6)]


def test_a_weekend_first_date_moves_to_monday():
    assert generate_series(dt.date(2025, 6, 14), 1, 2, FrequencyUnit.MONTHS, NO_HOLIDAYS) == [dt.date(2025, 6, 16)]


@pytest.mark.parametrize("interval, unit", [(2, FrequencyUnit.MONTHS), (6, FrequencyUnit.WEEKS), (3, FrequencyUnit.MONTHS)])
def test_a_year_of_each_frequency_is_on_working_days_in_order(interval, unit):
    holidays = english_bank_holidays(range(2025, 2028))
    dates = generate_series(dt.date(2025, 1, 7), 12, interval, unit, holidays)
    assert len(dates) == 12
    assert dates == sorted(set(dates))
    assert all(d.weekday() < 5 and d not in holidays for d in dates)


def test_default_holidays_are_englands():
    dates = generate_series(dt.date(2025, 2, 24), 2, 8, FrequencyUnit.WEEKS)
    # 24 Feb + 8 weeks = 21 April 2025, Easter Monday -> Tuesday 22 April
    assert dates == [dt.date(2025, 2, 24), dt.date(2025, 4, 22)]


def test_next_working_day_over_a_long_weekend():
    holidays = {dt.date(2025, 12, 25), dt.date(2025, 12, 26)}
    assert next_working_day(dt.date(2025, 12, 25), holidays) == dt.date(2025, 12, 29)


def test_nothing_for_zero_meetings_and_no_zero_interval():
    assert generate_series(dt.date(2025, 1, 7), 0, 2, FrequencyUnit.MONTHS, NO_HOLIDAYS) == []
    with pytest.raises(ValueError):
        generate_series(dt.date(2025, 1, 7), 3, 0, FrequencyUnit.MONTHS, NO_HOLIDAYS)


def test_plan_series_says_which_dates_moved_and_why():
    from mqp_desktop.domain.schedule import plan_series

    holidays = {dt.date(2025, 5, 5)}  # early May bank holiday, a Monday
    plan = plan_series(dt.date(2025, 3, 3), 2, 2, FrequencyUnit.MONTHS, holidays)
    assert [(s.nominal, s.date, s.reason) for s in plan] == [
        (dt.date(2025, 3, 3), dt.date(2025, 3, 3), ""),
        (dt.date(2025, 5, 5), dt.date(2025, 5, 6), "bank holiday"),
    ]
    assert [s.date for s in plan] == generate_series(dt.date(2025, 3, 3), 2, 2, FrequencyUnit.MONTHS, holidays)
    weekend = plan_series(dt.date(2025, 6, 14), 1, 2, FrequencyUnit.MONTHS, set())[0]
    assert (weekend.date, weekend.reason, weekend.moved) == (dt.date(2025, 6, 16), "weekend", True)

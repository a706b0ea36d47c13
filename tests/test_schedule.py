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


# --- the first date "Plan a series" offers (issue 14) ---------------------------------------------
SUNDAY = dt.date(2026, 12, 6)


def test_without_a_meeting_the_first_date_is_a_working_day_even_when_today_is_a_sunday():
    from mqp_desktop.domain.schedule import first_date_of_next_series

    first = first_date_of_next_series(SUNDAY, 2, FrequencyUnit.MONTHS, None, NO_HOLIDAYS)
    assert first > SUNDAY and first.weekday() < 5
    assert first == dt.date(2026, 12, 14)  # a week on is a Sunday too: the Monday after


def test_the_series_goes_on_in_the_last_meetings_pattern_after_today():
    from mqp_desktop.domain.schedule import first_date_of_next_series

    # the last ordinary meeting on the second Tuesday of November: every two months, January's second Tuesday
    first = first_date_of_next_series(SUNDAY, 2, FrequencyUnit.MONTHS, dt.date(2026, 11, 10), NO_HOLIDAYS)
    assert first == dt.date(2027, 1, 12)
    # planned ahead already (to May 2027): the series continues after it, not a fortnight later
    first = first_date_of_next_series(SUNDAY, 2, FrequencyUnit.MONTHS, dt.date(2027, 5, 11), NO_HOLIDAYS)
    assert first == dt.date(2027, 7, 13)
    # six-weekly from a Thursday long past: the first Thursday of the pattern after today
    first = first_date_of_next_series(SUNDAY, 6, FrequencyUnit.WEEKS, dt.date(2026, 1, 8), NO_HOLIDAYS)
    assert first.weekday() == 3 and first > SUNDAY and (first - dt.date(2026, 1, 8)).days % 42 == 0
    assert first - dt.timedelta(weeks=6) <= SUNDAY


def test_the_first_date_moves_off_a_bank_holiday():
    from mqp_desktop.domain.schedule import first_date_of_next_series

    # Christmas Day 2029 is the fourth Tuesday of December: the next working day is 27 December
    holidays = english_bank_holidays(range(2029, 2031))
    first = first_date_of_next_series(dt.date(2029, 12, 1), 1, FrequencyUnit.MONTHS, dt.date(2029, 11, 27), holidays)
    assert first == dt.date(2029, 12, 27)

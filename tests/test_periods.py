"""Reporting periods: canonical keys, the partnership's labels, spreadsheet headers, moving about."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mqp_desktop.domain.periods import Frequency, Period, parse_period, periods_between

Q = Frequency.QUARTERLY


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # quarters: financial-year headers (Q1 = Apr-Jun) become calendar-quarter keys
        ("Q1 2025-26", "2025-Q2"),
        ("2025/26 Q1", "2025-Q2"),
        ("Q3 2025/26", "2025-Q4"),
        ("Q4 2025-26", "2026-Q1"),
        ("q2 2025/2026", "2025-Q3"),
        ("Q4 25/26", "2026-Q1"),
        ("2025-Q2", "2025-Q2"),
        ("2025-q3", "2025-Q3"),
        ("Q1 2026-27 (Apr–Jun 2026)", "2026-Q2"),  # a label reads back
        # months
        ("Jun-25", "2025-06"),
        ("June 2025", "2025-06"),
        ("Jun 2025", "2025-06"),
        ("Sept 2025", "2025-09"),
        ("2025-06", "2025-06"),
        ("06/2025", "2025-06"),
        # financial years
        ("2025-26", "2025-26"),
        ("2025/26", "2025-26"),
        ("2025/2026", "2025-26"),
        ("FY 2025-26", "2025-26"),
        ("1999-00", "1999-00"),
    ],
)
def test_headers_and_keys(text, key):
    assert parse_period(text).key == key


def test_a_financial_quarter_is_the_calendar_quarter_three_months_on():
    p = parse_period("Q1 2025-26")
    assert (p.start, p.end) == (dt.date(2025, 4, 1), dt.date(2025, 6, 30))
    assert p.label() == "Q1 2025-26 (Apr–Jun 2025)"
    jan = parse_period("2026-Q1")
    assert jan.label() == "Q4 2025-26 (Jan–Mar 2026)" and jan.short_label() == "Q4 2025-26"


def test_labels_of_months_and_years():
    assert parse_period("2025-06").label() == "Jun 2025"
    fy = parse_period("2025-26")
    assert fy.label() == "2025-26" and (fy.start, fy.end) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert parse_period("2024-02").end == dt.date(2024, 2, 29)


def test_moving_about():
    q = Period.quarter(2026, 2)
    assert q.previous().key == "2026-Q1"
    assert Period.quarter(2026, 1).previous().key == "2025-Q4"
    assert q.same_period_last_year().key == "2025-Q2"
    assert [p.key for p in q.last_n(3)] == ["2025-Q4", "2026-Q1", "2026-Q2"]
    assert Period.month(2026, 1).previous().key == "2025-12"
    assert Period.month(2026, 1).same_period_last_year().key == "2025-01"
    assert Period.financial_year(2025).previous().key == "2024-25"
    assert [p.key for p in periods_between(Period.quarter(2025, 3), Period.quarter(2026, 1))] == [
        "2025-Q3", "2025-Q4", "2026-Q1"]


def test_a_chosen_period_maps_to_each_frequency_by_its_last_day():
    q = parse_period("2026-Q2")
    assert q.as_frequency("monthly").key == "2026-06"  # the latest month within the quarter
    # the latest financial year ended by the quarter's end: 2026-27 has not ended in Apr-Jun 2026
    assert q.as_frequency("annual").key == "2025-26"
    assert parse_period("2026-Q1").as_frequency("annual").key == "2025-26"  # Jan-Mar 2026 ends it
    assert parse_period("2025-Q4").as_frequency("annual").key == "2024-25"
    assert parse_period("2026-05").as_frequency("quarterly").key == "2026-Q1"  # Apr-Jun not complete in May
    assert parse_period("2026-03").as_frequency("quarterly").key == "2026-Q1"
    assert parse_period("2025-26").as_frequency("quarterly").key == "2026-Q1"
    assert parse_period("2025-26").as_frequency("monthly").key == "2026-03"


def test_latest_complete_period():
    assert Period.latest_complete(dt.date(2026, 7, 1)).key == "2026-Q2"
    assert Period.latest_complete(dt.date(2026, 6, 30)).key == "2026-Q1"
    assert Period.latest_complete(dt.date(2026, 4, 5), "annual").key == "2025-26"


def test_frequency_decides_an_ambiguous_key():
    assert parse_period("2011-12", "monthly").label() == "Dec 2011"
    assert parse_period("2011-12", "annual").label() == "2011-12"
    with pytest.raises(ValueError, match="'2011-12' could be Dec 2011 or the financial year 2011-12"):
        parse_period("2011-12")


def test_dates_from_spreadsheet_cells():
    assert parse_period(dt.datetime(2025, 6, 1)).key == "2025-06"
    assert parse_period(dt.date(2025, 6, 15), "quarterly").key == "2025-Q2"
    assert parse_period(dt.date(2025, 6, 15), "annual").key == "2025-26"


@pytest.mark.parametrize(
    ("text", "frequency", "words"),
    [
        ("", None, "The period is empty"),
        ("foo", None, "'foo' is not a period: write a quarter as 2026-Q2"),
        ("2025-13", None, "'2025-13' is not a period"),
        ("Q2 2025", None, "does not say whether its quarters run from January or from April"),
        ("2025 Q2", None, "does not say whether its quarters run from January or from April"),
        ("2025/27", None, "'2025/27' is not a period"),
        ("Q5 2025-26", None, "'Q5 2025-26' is not a period"),
        ("Jun-25", "quarterly", "'Jun-25' is a month (Jun 2025), but a quarterly period is needed here"),
        ("2025-Q2", "monthly", "a monthly period is needed here: a month is YYYY-MM"),
        ("Smarch 2025", None, "'Smarch 2025' is not a period"),
    ],
)
def test_refusals_name_the_text_and_the_forms(text, frequency, words):
    with pytest.raises(ValueError) as caught:
        parse_period(text, frequency)
    assert words in str(caught.value)


periods = st.one_of(
    st.builds(Period.month, st.integers(2000, 2150), st.integers(1, 12)),
    st.builds(Period.quarter, st.integers(2000, 2150), st.integers(1, 4)),
    st.builds(Period.financial_year, st.integers(2000, 2150)),
)


@given(periods)
def test_keys_and_labels_read_back(period):
    assert parse_period(period.key, period.frequency) == period
    assert Period.from_key(period.key, period.frequency) == period
    assert parse_period(period.label(), period.frequency) == period
    assert parse_period(period.short_label(), period.frequency) == period


@given(periods, st.integers(-100, 100))
def test_moving_is_consistent(period, steps):
    moved = period.shift(steps)
    assert moved.steps_since(period) == steps
    assert moved.shift(-steps) == period
    assert period.next().start == period.end + dt.timedelta(days=1)
    assert period.same_period_last_year().start.year == period.start.year - 1
    assert (moved > period) == (steps > 0)


@given(periods, st.sampled_from(list(Frequency)))
def test_the_mapped_period_is_the_latest_complete_by_the_chosen_periods_last_day(period, frequency):
    mapped = period.as_frequency(frequency)
    assert mapped.frequency is frequency and mapped.end <= period.end < mapped.next().end

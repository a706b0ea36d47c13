"""RAG, direction of travel and exceptions, worked by hand; the checks on indicators and values."""

from __future__ import annotations

import pytest

from mqp_desktop.domain.performance import (
    CROSS_CUTTING_TAGS,
    EXCEPTION_RED,
    EXCEPTION_WORSENING,
    Direction,
    Indicator,
    Rag,
    Travel,
    Unit,
    allowed_tags,
    check_value,
    clean_tags,
    exception_reasons,
    format_value,
    rag,
    scorecard_row,
    travel,
    validate_indicator,
    worse_periods_running,
)
from mqp_desktop.domain.periods import Period
from mqp_desktop.domain.validation import ValidationError

G, A, R, X = Rag.GREEN, Rag.AMBER, Rag.RED, Rag.GREY


# Higher is better, target 80, tolerance 5: green from 80 up, amber from 75 to just under 80, red below 75.
@pytest.mark.parametrize(
    ("value", "expected"),
    [(95, G), (80.0001, G), (80, G), (79.9999, A), (77, A), (75, A), (74.9999, R), (0, R)],
)
def test_rag_higher_is_better_with_a_band(value, expected):
    assert rag(value, 80, 5, Direction.HIGHER) is expected


# Lower is better, target 10, tolerance 2: green up to 10, amber above 10 up to 12, red above 12.
@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, G), (9.5, G), (10, G), (10.0001, A), (11, A), (12, A), (12.0001, R), (30, R)],
)
def test_rag_lower_is_better_with_a_band(value, expected):
    assert rag(value, 10, 2, Direction.LOWER) is expected


def test_rag_with_no_tolerance_has_no_amber():
    assert [rag(v, 50, 0, "higher") for v in (49.99, 50, 50.01)] == [R, G, G]
    assert [rag(v, 50, 0, "lower") for v in (49.99, 50, 50.01)] == [G, G, R]


def test_rag_boundaries_survive_decimal_arithmetic():
    # 70.3 + 0.1 is 70.39999999999999 in floating point: 70.4 is still on the amber boundary.
    assert rag(70.4, 70.3, 0.1, "lower") is A
    assert rag(0.2, 0.3, 0.1, "higher") is A


def test_rag_grey_when_no_target_no_value_or_neither():
    assert rag(5, None, 1, "higher") is X
    assert rag(None, 5, 1, "higher") is X
    assert rag(5, 1, 0, "neither") is X


@pytest.mark.parametrize(
    ("current", "earlier", "direction", "expected"),
    [
        (12, 10, "higher", Travel.BETTER),
        (8, 10, "higher", Travel.WORSE),
        (12, 10, "lower", Travel.WORSE),
        (8, 10, "lower", Travel.BETTER),
        (10, 10, "higher", Travel.SAME),
        (10, 10.0000000001, "lower", Travel.SAME),
        (12, 10, "neither", Travel.UP),
        (8, 10, "neither", Travel.DOWN),
        (10, 10, "neither", Travel.SAME),
        (10, None, "higher", Travel.NONE),
        (None, 10, "lower", Travel.NONE),
        (None, None, "neither", Travel.NONE),
    ],
)
def test_direction_of_travel(current, earlier, direction, expected):
    assert travel(current, earlier, direction) is expected


def test_worse_three_periods_running():
    # lower is better: 5 -> 6 -> 7 -> 8 is worse three times
    assert worse_periods_running([5, 6, 7, 8], "lower") == 3
    assert exception_reasons(G, [5, 6, 7, 8], "lower") == (EXCEPTION_WORSENING,)
    # two worse, then the third comparison is the same: not an exception
    assert exception_reasons(G, [5, 6, 7, 7], "lower") == ()
    # a missing value breaks the run
    assert exception_reasons(G, [5, None, 7, 8], "lower") == ()
    # higher is better: falling three times
    assert exception_reasons(A, [90, 85, 80, 75], "higher") == (EXCEPTION_WORSENING,)
    assert exception_reasons(R, [90, 85, 80, 75], "higher") == (EXCEPTION_RED, EXCEPTION_WORSENING)
    assert exception_reasons(R, [75], "higher") == (EXCEPTION_RED,)
    # "neither" is never worse
    assert exception_reasons(X, [1, 2, 3, 4], "neither") == ()


def _indicator(**kw) -> Indicator:
    base = dict(code="CP3", title="Repeat child protection plans", theme_id=1, unit=Unit.PERCENTAGE,
                direction=Direction.LOWER, target=20, tolerance=2, id=7)
    base.update(kw)
    return Indicator(**base)


def test_scorecard_row_built_from_values():
    q = Period.quarter
    values = {q(2025, 1): 18, q(2025, 2): 19, q(2025, 3): 20, q(2025, 4): 21.5, q(2026, 1): 23, q(2024, 1): 25}
    row = scorecard_row(_indicator(), q(2026, 1), values, agency_values={3: 19, 4: 30})
    assert (row.value, row.rag) == (23, R)
    assert (row.previous_period, row.previous_value, row.travel_previous) == (q(2025, 4), 21.5, Travel.WORSE)
    assert (row.last_year_period, row.last_year_value, row.travel_last_year) == (q(2025, 1), 18, Travel.WORSE)
    assert [p for p, _v in row.sparkline] == q(2026, 1).last_n(8)
    assert [v for _p, v in row.sparkline] == [None, None, None, 18, 19, 20, 21.5, 23]  # 2024-Q2 to 2026-Q1
    assert row.exception_reasons == (EXCEPTION_RED, EXCEPTION_WORSENING) and row.exception
    assert [(f.agency_id, f.rag) for f in row.by_agency] == [(3, G), (4, R)]


def test_scorecard_row_maps_the_chosen_period_to_the_indicators_frequency():
    monthly = _indicator(frequency="monthly")
    row = scorecard_row(monthly, Period.quarter(2026, 2), {Period.month(2026, 6): 19})
    assert row.period == Period.month(2026, 6) and row.value == 19 and row.rag is G
    assert row.travel_previous is Travel.NONE and not row.exception


@pytest.mark.parametrize(
    ("value", "unit", "message"),
    [
        (100.5, "percentage", "is a percentage, so it is from 0 to 100, not 100.5"),
        (-1, "percentage", "from 0 to 100, not -1"),
        (-3, "rate per 10,000", "cannot be negative"),
        (-3, "days", "cannot be negative"),
        ("twelve", "number", "must be a number: 'twelve' is not one"),
        (float("nan"), "number", "must be a finite number"),
        (True, "number", "not yes/no"),
    ],
)
def test_values_refused(value, unit, message):
    with pytest.raises(ValidationError) as caught:
        check_value(value, unit)
    assert message in str(caught.value) and caught.value.field == "value"


def test_values_accepted():
    assert check_value("12.5%", "percentage") == 12.5
    assert check_value("1,204", "number") == 1204
    assert check_value(-4, "number") == -4
    assert check_value("", "days") is None and check_value(None, "days") is None
    assert check_value(0, "percentage") == 0 and check_value(100, "percentage") == 100


def test_format_value():
    assert format_value(12.5, "percentage") == "12.5%"
    assert format_value(1204, "number") == "1,204"
    assert format_value(23, "days") == "23 days" and format_value(1, "days") == "1 day"
    assert format_value(None, "number") == ""


def test_tags_fixed_ones_and_the_priorities():
    allowed = allowed_tags(["Neglect", "neglect", "  Early help  "])
    assert allowed == (*CROSS_CUTTING_TAGS, "Neglect", "Early help")
    assert clean_tags(["VOICE OF THE CHILD", "neglect", "Neglect"], allowed) == ("voice of the child", "Neglect")
    with pytest.raises(ValidationError) as caught:
        clean_tags(["Exploitation"], allowed)
    assert caught.value.field == "tags"
    assert "'Exploitation' is not a tag: use one of 'child-centred outcome'" in str(caught.value)
    assert "'Early help'" in str(caught.value)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (dict(code=""), "code", "code is required"),
        (dict(code="CP 3"), "code", "no spaces"),
        (dict(title="  "), "title", "title is required"),
        (dict(target=120), "target", "from 0 to 100, not 120"),
        (dict(tolerance=-1), "tolerance", "cannot be negative"),
        (dict(tolerance=101), "tolerance", "at most 100"),
        (dict(unit="furlongs"), "unit", "'furlongs' is not a unit"),
        (dict(direction="sideways"), "direction", "'sideways' is not a direction"),
        (dict(frequency="weekly"), "frequency", "'weekly' is not a frequency"),
        (dict(theme_id=None), "theme_id", "Choose the indicator's theme"),
        (dict(tags=("Neglect",)), "tags", "'Neglect' is not a tag"),
    ],
)
def test_indicator_refused(changes, field, words):
    with pytest.raises(ValidationError) as caught:
        validate_indicator(_indicator(**changes), CROSS_CUTTING_TAGS)
    assert caught.value.field == field and words in str(caught.value)


def test_indicator_tidied():
    ind = validate_indicator(_indicator(code=" cp3 ", unit="%", direction="lower is better", tolerance=None,
                                        frequency="quarter", tags=["anti-racist practice"]), CROSS_CUTTING_TAGS)
    assert (ind.code, ind.unit, ind.direction, ind.tolerance, ind.frequency.value, ind.tags) == (
        "cp3", Unit.PERCENTAGE, Direction.LOWER, 0.0, "quarterly", ("anti-racist practice",))

"""The partnership's performance data: indicators, their values, RAG, direction of travel, exceptions.

Plain records and pure rules; the database side is :mod:`mqp_desktop.store.performance`.

**RAG** (:func:`rag`). Grey when there is no value, no target, or the direction is "neither".
The tolerance is absolute, in the indicator's unit (a percentage indicator with tolerance 5 has
an amber band 5 percentage points wide). Higher is better: value >= target green; value >=
target - tolerance amber; else red. Lower is better mirrors it: value <= target green; value <=
target + tolerance amber; else red. Values on a boundary take the better colour.

**Direction of travel** (:func:`travel`) against an earlier value: better / worse / same, or none
when either value is missing; for "neither": up / down / same / none.

**Exception** (:func:`exception_reasons`): red in the period, or worse in each of the last three
period-on-period comparisons ("worse three periods running": four consecutive values, each
worse than the one before; a missing value breaks the run).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.periods import Frequency, Period, frequency_of
from mqp_desktop.domain.validation import ValidationError, clean_line, require_text

# --- words ------------------------------------------------------------------------------------


class Unit(StrEnum):
    NUMBER = "number"
    PERCENTAGE = "percentage"
    RATE = "rate per 10,000"
    DAYS = "days"


class Direction(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"  # lower is better
    NEITHER = "neither"  # context only: no RAG, travel as up/down


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    GREY = "grey"


class Travel(StrEnum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    NONE = "none"  # no earlier value (or no value now)
    UP = "up"  # direction "neither"
    DOWN = "down"


UNITS = tuple(u.value for u in Unit)
DIRECTIONS = tuple(d.value for d in Direction)
RAGS = tuple(r.value for r in Rag)

UNIT_WORDS = {
    "number": Unit.NUMBER, "count": Unit.NUMBER, "n": Unit.NUMBER,
    "percentage": Unit.PERCENTAGE, "percent": Unit.PERCENTAGE, "%": Unit.PERCENTAGE, "pct": Unit.PERCENTAGE,
    "rate per 10,000": Unit.RATE, "rate": Unit.RATE, "rate per 10000": Unit.RATE, "per 10,000": Unit.RATE,
    "per 10000": Unit.RATE, "rate per 10,000 children": Unit.RATE,
    "days": Unit.DAYS, "day": Unit.DAYS,
}
DIRECTION_WORDS = {
    "higher": Direction.HIGHER, "higher is better": Direction.HIGHER, "up": Direction.HIGHER,
    "lower": Direction.LOWER, "lower is better": Direction.LOWER, "down": Direction.LOWER,
    "neither": Direction.NEITHER, "none": Direction.NEITHER, "context": Direction.NEITHER,
}

# The cross-cutting tags every partnership uses; its own priorities (the ``partnership_priorities``
# setting, domain/agenda_settings.py) are tags too.
CROSS_CUTTING_TAGS = ("child-centred outcome", "voice of the child", "anti-racist practice")

# The national framework's five themes: the themes a new database starts with (editable).
NATIONAL_THEMES = (
    "Outcomes for children and families",
    "Child protection activity, including early help",
    "Quality and timeliness of decision making",
    "Quality of child protection plans",
    "Workforce",
)

EXCEPTION_RED = "red"
EXCEPTION_WORSENING = "worse three periods running"
WORSENING_RUN = 3
SPARKLINE_PERIODS = 8

_CODE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./")
CODE_MAX = 24


def unit_of(value: Unit | str) -> Unit:
    if isinstance(value, Unit):
        return value
    found = UNIT_WORDS.get(" ".join(str(value).strip().lower().split()))
    if found is None:
        raise ValidationError("unit", f"'{value}' is not a unit: use number, percentage, rate per 10,000 or days.")
    return found


def direction_of(value: Direction | str) -> Direction:
    if isinstance(value, Direction):
        return value
    found = DIRECTION_WORDS.get(" ".join(str(value).strip().lower().split()))
    if found is None:
        raise ValidationError(
            "direction", f"'{value}' is not a direction: use higher (higher is better), lower (lower is better) "
                         "or neither."
        )
    return found


# --- records ------------------------------------------------------------------------------------


@dataclass
class Theme:
    """A theme of the dataset (the national framework's five to start with; editable, retired not deleted)."""

    name: str
    description: str = ""
    position: int = 0
    retired_on: dt.date | None = None
    id: int | None = None
    row_version: int | None = None

    @property
    def retired(self) -> bool:
        return self.retired_on is not None


@dataclass
class Indicator:
    """One measure in the partnership's dataset.

    ``target`` and ``tolerance`` are in the indicator's unit (tolerance: the width of the amber
    band). ``owner_agency_id`` None: the partnership's own measure. ``by_agency``: values are also
    kept per agency (the partnership's total is the value with no agency). ``tags``: the
    cross-cutting ones and the partnership's priorities, as stored (their canonical spelling).
    """

    code: str
    title: str
    theme_id: int | None = None
    definition: str = ""
    owner_agency_id: int | None = None
    source: str = ""
    unit: Unit = Unit.NUMBER
    direction: Direction = Direction.HIGHER
    target: float | None = None
    tolerance: float = 0.0
    frequency: Frequency = Frequency.QUARTERLY
    by_agency: bool = False
    tags: tuple[str, ...] = ()
    position: int = 0
    retired_on: dt.date | None = None
    retired_reason: str = ""
    id: int | None = None
    row_version: int | None = None

    @property
    def retired(self) -> bool:
        return self.retired_on is not None

    @property
    def label(self) -> str:
        """'CP3 Child protection plans lasting two years or more'."""
        return f"{self.code} {self.title}"

    def format(self, value: float | None) -> str:
        return format_value(value, self.unit)

    def rag(self, value: float | None) -> Rag:
        return rag(value, self.target, self.tolerance, self.direction)


@dataclass
class IndicatorValue:
    """An indicator's value for one period; ``agency_id`` None: the whole partnership.
    ``value`` None: withdrawn (the row and its revisions are kept)."""

    indicator_id: int
    period: Period
    value: float | None
    agency_id: int | None = None
    entered_at: str = ""
    entered_by: str = ""
    id: int | None = None
    row_version: int | None = None


@dataclass(frozen=True)
class Revision:
    """A change to a value already entered: kept for good, with who, when and why."""

    value_id: int
    indicator_id: int
    period: Period
    agency_id: int | None
    old_value: float | None
    new_value: float | None
    revised_at: str
    revised_by: str
    reason: str
    id: int | None = None


@dataclass
class Comparators:
    """England, the region and statistical neighbours for one indicator and period (None: not known)."""

    indicator_id: int
    period: Period
    england: float | None = None
    region: float | None = None
    statistical_neighbours: float | None = None
    id: int | None = None
    row_version: int | None = None

    @property
    def empty(self) -> bool:
        return self.england is None and self.region is None and self.statistical_neighbours is None


@dataclass
class Commentary:
    """What lies behind an indicator's figure for a period, and who wrote it."""

    indicator_id: int
    period: Period
    text: str
    author: str = ""
    written_at: str = ""
    id: int | None = None
    row_version: int | None = None


@dataclass(frozen=True)
class AgencyFigure:
    """One agency's value in a by-agency breakdown."""

    agency_id: int
    value: float | None
    rag: Rag


@dataclass(frozen=True)
class ScorecardRow:
    """One indicator on the scorecard for a chosen period (built by :func:`scorecard_row`).

    ``period`` is the indicator's own period for the chosen one (see ``Period.as_frequency``).
    ``sparkline``: the last 8 periods ending with ``period``, oldest first, with their values
    (None where missing). ``exception_reasons``: empty, or "red" and/or "worse three periods running".
    """

    indicator: Indicator
    theme: Theme | None
    period: Period
    value: float | None
    rag: Rag
    previous_period: Period
    previous_value: float | None
    travel_previous: Travel
    last_year_period: Period
    last_year_value: float | None
    travel_last_year: Travel
    sparkline: tuple[tuple[Period, float | None], ...]
    comparators: Comparators | None = None
    commentary: Commentary | None = None
    by_agency: tuple[AgencyFigure, ...] = ()
    exception_reasons: tuple[str, ...] = ()
    revised: bool = False

    @property
    def target(self) -> float | None:
        return self.indicator.target

    @property
    def exception(self) -> bool:
        return bool(self.exception_reasons)


# --- rules ----------------------------------------------------------------------------------------

def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _at_least(a: float, b: float) -> bool:
    return a >= b or _close(a, b)


def _at_most(a: float, b: float) -> bool:
    return a <= b or _close(a, b)


def rag(value: float | None, target: float | None, tolerance: float | None, direction: Direction | str) -> Rag:
    """Red, amber, green or grey for ``value`` against ``target`` (see the module's notes)."""
    direction = direction_of(direction)
    if value is None or target is None or direction is Direction.NEITHER:
        return Rag.GREY
    band = tolerance or 0.0
    if direction is Direction.HIGHER:
        if _at_least(value, target):
            return Rag.GREEN
        return Rag.AMBER if _at_least(value, target - band) else Rag.RED
    if _at_most(value, target):
        return Rag.GREEN
    return Rag.AMBER if _at_most(value, target + band) else Rag.RED


def travel(current: float | None, earlier: float | None, direction: Direction | str) -> Travel:
    """The direction of travel from ``earlier`` to ``current``."""
    direction = direction_of(direction)
    if current is None or earlier is None:
        return Travel.NONE
    if _close(current, earlier):
        return Travel.SAME
    up = current > earlier
    if direction is Direction.NEITHER:
        return Travel.UP if up else Travel.DOWN
    return Travel.BETTER if up == (direction is Direction.HIGHER) else Travel.WORSE


def worse_periods_running(recent: Sequence[float | None], direction: Direction | str) -> int:
    """How many period-on-period comparisons in a row, ending with the latest, were worse.

    ``recent``: consecutive periods' values, oldest first (None where missing).
    """
    run = 0
    for k in range(len(recent) - 1, 0, -1):
        if travel(recent[k], recent[k - 1], direction) is not Travel.WORSE:
            break
        run += 1
    return run


def exception_reasons(row_rag: Rag, recent: Sequence[float | None], direction: Direction | str) -> tuple[str, ...]:
    """Why an indicator is an exception this period (empty: it is not).

    ``recent``: consecutive periods' values ending with this period, oldest first.
    """
    reasons = []
    if row_rag is Rag.RED:
        reasons.append(EXCEPTION_RED)
    if worse_periods_running(recent, direction) >= WORSENING_RUN:
        reasons.append(EXCEPTION_WORSENING)
    return tuple(reasons)


def scorecard_row(
    indicator: Indicator,
    period: Period,
    values: Mapping[Period, float | None],
    *,
    theme: Theme | None = None,
    comparators: Comparators | None = None,
    commentary: Commentary | None = None,
    agency_values: Mapping[int, float | None] | None = None,
    revised: bool = False,
) -> ScorecardRow:
    """An indicator's scorecard row for ``period`` (the indicator's own frequency) from its values.

    ``values``: the whole partnership's values by period (any periods; those needed are the last
    eight and the same period last year). ``agency_values``: agency id -> value for ``period``.
    """
    if period.frequency is not indicator.frequency:
        period = period.as_frequency(indicator.frequency)
    value = values.get(period)
    previous, last_year = period.previous(), period.same_period_last_year()
    row_rag = indicator.rag(value)
    recent = [values.get(p) for p in period.last_n(WORSENING_RUN + 1)]
    figures = tuple(
        AgencyFigure(agency_id, v, indicator.rag(v)) for agency_id, v in (agency_values or {}).items()
    )
    return ScorecardRow(
        indicator=indicator,
        theme=theme,
        period=period,
        value=value,
        rag=row_rag,
        previous_period=previous,
        previous_value=values.get(previous),
        travel_previous=travel(value, values.get(previous), indicator.direction),
        last_year_period=last_year,
        last_year_value=values.get(last_year),
        travel_last_year=travel(value, values.get(last_year), indicator.direction),
        sparkline=tuple((p, values.get(p)) for p in period.last_n(SPARKLINE_PERIODS)),
        comparators=comparators,
        commentary=commentary,
        by_agency=figures,
        exception_reasons=exception_reasons(row_rag, recent, indicator.direction),
        revised=revised,
    )


# --- showing --------------------------------------------------------------------------------------

def format_value(value: float | None, unit: Unit | str, *, decimals: int | None = None) -> str:
    """A value as people read it: '12.5%', '34.1', '1,204', '23 days' ('' for None)."""
    if value is None:
        return ""
    unit = unit_of(unit)
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    if unit is Unit.PERCENTAGE:
        return text + "%"
    if unit is Unit.DAYS:
        return text + (" day" if text == "1" else " days")
    return text


# --- checking -------------------------------------------------------------------------------------

def clean_code(code: str) -> str:
    text = require_text(code, "code", "The indicator's code")
    bad = sorted({c for c in text if c not in _CODE_CHARS})
    if bad or len(text) > CODE_MAX:
        raise ValidationError(
            "code", f"The code '{text}' is not usable: a code is up to {CODE_MAX} letters, digits and - _ . / "
                    "with no spaces (e.g. CP3 or EH-1.2)."
        )
    return text


def check_number(value: object, field: str, label: str) -> float | None:
    """A number typed or imported (None for empty); text, NaN and infinity refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(field, f"{label} must be a number, not yes/no.")
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        if text.endswith("%"):
            text = text[:-1].strip()
        try:
            number = float(text)
        except ValueError:
            raise ValidationError(field, f"{label} must be a number: '{value.strip()}' is not one.") from None
    else:
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise ValidationError(field, f"{label} must be a number: '{value}' is not one.") from None
    if not math.isfinite(number):
        raise ValidationError(field, f"{label} must be a finite number, not '{value}'.")
    return number


def check_value(value: object, unit: Unit | str, field: str = "value", label: str = "The value") -> float | None:
    """A value in ``unit``: a percentage 0-100; a rate or a number of days not negative."""
    number = check_number(value, field, label)
    if number is None:
        return None
    unit = unit_of(unit)
    if unit is Unit.PERCENTAGE and not 0 <= number <= 100:
        raise ValidationError(field, f"{label} is a percentage, so it is from 0 to 100, not {number:g}: "
                                     "enter it as a percentage (e.g. 12.5 for 12.5%).")
    if unit in (Unit.RATE, Unit.DAYS) and number < 0:
        raise ValidationError(field, f"{label} is {_unit_words(unit)}, so it cannot be negative ({number:g}).")
    return number


def _unit_words(unit: Unit) -> str:
    return {Unit.RATE: "a rate per 10,000", Unit.DAYS: "a number of days"}.get(unit, unit.value)


def allowed_tags(priorities: Iterable[str]) -> tuple[str, ...]:
    """The tags an indicator can carry: the cross-cutting ones, then the partnership's priorities."""
    out: list[str] = list(CROSS_CUTTING_TAGS)
    seen = {t.casefold() for t in out}
    for p in priorities:
        name = " ".join(str(p).split())
        if name and name.casefold() not in seen:
            out.append(name)
            seen.add(name.casefold())
    return tuple(out)


def clean_tags(tags: Iterable[str], allowed: Sequence[str]) -> tuple[str, ...]:
    """``tags`` in their allowed spelling, once each, in the order given; an unknown tag refused
    with the list of those allowed."""
    by_fold = {t.casefold(): t for t in allowed}
    out: list[str] = []
    for tag in tags:
        name = " ".join(str(tag).split())
        if not name:
            continue
        found = by_fold.get(name.casefold())
        if found is None:
            raise ValidationError(
                "tags", f"'{name}' is not a tag: use one of {', '.join(repr(t) for t in allowed)} (the partnership's "
                        "priorities are set with 'mqp settings set partnership_priorities')."
            )
        if found not in out:
            out.append(found)
    return tuple(out)


def validate_indicator(indicator: Indicator, allowed: Sequence[str]) -> Indicator:
    """``indicator`` checked and tidied (the store checks the code is unique and the theme exists).

    ``allowed``: the tags it may carry (:func:`allowed_tags`, plus any it already has).
    """
    ind = indicator
    ind.code = clean_code(ind.code)
    ind.title = clean_line(require_text(ind.title, "title", "The indicator's title"), "title", "The title")
    ind.definition = (ind.definition or "").strip()
    ind.source = clean_line(ind.source, "source", "The source")
    ind.unit = unit_of(ind.unit)
    ind.direction = direction_of(ind.direction)
    try:
        ind.frequency = frequency_of(ind.frequency)
    except ValueError as exc:
        raise ValidationError("frequency", str(exc)) from None
    if ind.theme_id is None:
        raise ValidationError("theme_id", "Choose the indicator's theme.")
    ind.target = check_value(ind.target, ind.unit, "target", "The target")
    tolerance = check_number(ind.tolerance, "tolerance", "The tolerance")
    if tolerance is not None and tolerance < 0:
        raise ValidationError("tolerance", f"The tolerance is the width of the amber band, so it cannot be negative "
                                           f"({tolerance:g}): give 0 for no amber band.")
    if ind.unit is Unit.PERCENTAGE and tolerance is not None and tolerance > 100:
        raise ValidationError("tolerance", f"The tolerance is in percentage points, so at most 100, not {tolerance:g}.")
    ind.tolerance = tolerance or 0.0
    ind.by_agency = bool(ind.by_agency)
    ind.tags = clean_tags(ind.tags, allowed)
    ind.retired_reason = (ind.retired_reason or "").strip()
    return ind


@dataclass(frozen=True)
class ValueChange:
    """One value to set, for :meth:`PerformanceRepo.apply_values` (importers) and previews.

    ``value`` None withdraws a value already entered. ``reason``: why an existing value changes
    (required then). ``source``: where it came from, for messages ("Sheet1 row 4 column F").
    """

    indicator_id: int
    period: Period
    value: float | None
    agency_id: int | None = None
    reason: str = ""
    source: str = ""


class Outcome(StrEnum):
    ADD = "add"
    REVISE = "revise"
    UNCHANGED = "unchanged"
    REJECT = "reject"


@dataclass(frozen=True)
class PlannedValue:
    """What :meth:`PerformanceRepo.preview_values` found a :class:`ValueChange` would do."""

    change: ValueChange
    outcome: Outcome
    old_value: float | None = None
    message: str = ""  # why rejected
    field: str = ""


@dataclass
class ValuesApplied:
    """What :meth:`PerformanceRepo.apply_values` did."""

    added: int = 0
    revised: int = 0
    unchanged: int = 0
    planned: list[PlannedValue] = field(default_factory=list)


COMPARATOR_FIELDS = ("england", "region", "statistical_neighbours")
COMPARATOR_LABELS = {"england": "England", "region": "region", "statistical_neighbours": "statistical neighbours"}


@dataclass(frozen=True)
class ComparatorChange:
    """One comparator figure to set, for :meth:`PerformanceRepo.apply_comparators` (importers).

    ``which``: one of :data:`COMPARATOR_FIELDS`. ``source``: where it came from, for messages.
    A comparator is a published figure, so a change needs no reason (the history keeps the old one).
    """

    indicator_id: int
    period: Period
    which: str
    value: float | None
    source: str = ""


@dataclass(frozen=True)
class PlannedComparator:
    """What :meth:`PerformanceRepo.preview_comparators` found a :class:`ComparatorChange` would do."""

    change: ComparatorChange
    outcome: Outcome
    old_value: float | None = None
    message: str = ""  # why rejected
    field: str = ""


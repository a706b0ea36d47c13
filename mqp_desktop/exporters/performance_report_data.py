"""What the performance report and the scorecard exports show, gathered once from the store.

:func:`gather_performance_report` reads a :class:`PerformanceReport` for a period: every
indicator's scorecard row (``store.performance.scorecard``), and for each exception (red, or worse
three periods running) its last twelve periods, its comparators over them, and any revision of
the period's value. The PDF writer (:mod:`.performance_report`) and the XLSX writer
(:mod:`.scorecard_xlsx`) print from it; the words and colours both use are here too — RAG in
words, direction of travel with the value's movement, the amber band in words, a value with its
unit. No reportlab, no openpyxl: importing this module is cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mqp_desktop.domain.model import Agency, Subcommittee
from mqp_desktop.domain.performance import (
    EXCEPTION_RED,
    EXCEPTION_WORSENING,
    WORSENING_RUN,
    Comparators,
    Direction,
    Rag,
    Revision,
    ScorecardRow,
    Travel,
    Unit,
    format_value,
)
from mqp_desktop.domain.periods import Frequency, Period
from mqp_desktop.exporters.files import safe_text

CHART_PERIODS = 12
"""How many periods an exception's chart shows (ending with the report's)."""

# --- colours (hex, no '#'): the fills spreadsheets use for RAG, light enough for dark text --------------
NAVY = "1F3864"
GREY = "595959"
RAG_FILL = {Rag.RED: "FFC7CE", Rag.AMBER: "FFEB9C", Rag.GREEN: "C6EFCE", Rag.GREY: "EDEDED"}
RAG_TEXT = {Rag.RED: "9C0006", Rag.AMBER: "7F4F00", Rag.GREEN: "006100", Rag.GREY: "595959"}
TRAVEL_TEXT = {Travel.BETTER: "006100", Travel.WORSE: "9C0006"}  # anything else: GREY
COMPARATOR_COLOURS = {"england": "7F7F7F", "region": "2E75B6", "statistical_neighbours": "7030A0"}

RAG_WORDS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", Rag.GREY: "No RAG"}
COMPARATOR_WORDS = {"england": "England", "region": "Region", "statistical_neighbours": "Statistical neighbours"}
DIRECTION_WORDS = {Direction.HIGHER: "higher is better", Direction.LOWER: "lower is better",
                   Direction.NEITHER: "context only (no RAG)"}
UNIT_WORDS = {Unit.NUMBER: "number", Unit.PERCENTAGE: "percentage", Unit.RATE: "rate per 10,000 children",
              Unit.DAYS: "days"}
NO_VALUE = "\u2013"  # an en dash: no figure
EXCEPTION_MARK = "*"


# --- words ---------------------------------------------------------------------------------------
def long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def short_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def value_text(value: float | None, unit: Unit | str) -> str:
    """A figure as printed: '24.1%', '455', '305 days'; an en dash for none."""
    return format_value(value, unit) if value is not None else NO_VALUE


def rag_word(row: ScorecardRow) -> str:
    """'Red', 'Amber', 'Green'; for grey, why there is no RAG: 'No value', 'Context', 'No target'."""
    if row.rag is not Rag.GREY:
        return RAG_WORDS[row.rag]
    if row.value is None:
        return "No value"
    if row.indicator.direction is Direction.NEITHER:
        return "Context"
    return "No target"


def movement(current: float | None, earlier: float | None) -> str | None:
    """Which way the value moved: 'up', 'down', 'same', or None when either is missing."""
    if current is None or earlier is None:
        return None
    if abs(current - earlier) <= 1e-9 * max(1.0, abs(current), abs(earlier)):
        return "same"
    return "up" if current > earlier else "down"


def travel_word(travel: Travel) -> str:
    """'better', 'worse', 'same', 'up', 'down'; '' for none (no earlier value)."""
    return "" if travel is Travel.NONE else travel.value


def travel_colour(travel: Travel) -> str:
    return TRAVEL_TEXT.get(travel, GREY)


def tolerance_text(tolerance: float, unit: Unit | str) -> str:
    """The amber band's width: '2 points' for a percentage (not '2%', a share of the target)."""
    unit = Unit(unit)
    if unit is Unit.PERCENTAGE:
        return f"{format_value(tolerance, Unit.NUMBER)} points"
    return format_value(tolerance, unit)


def target_text(row: ScorecardRow) -> str:
    """The target as the summary table prints it ('20%'), an en dash for none."""
    return value_text(row.indicator.target, row.indicator.unit)


def band_text(row: ScorecardRow) -> str:
    """The rule in words: 'target 20% or less; amber up to 22%, red above'."""
    ind = row.indicator
    if ind.direction is Direction.NEITHER:
        return "context only: neither higher nor lower is better, so no RAG"
    if ind.target is None:
        return "no target set, so no RAG"
    fmt = lambda v: format_value(v, ind.unit)
    if ind.direction is Direction.HIGHER:
        if not ind.tolerance:
            return f"target {fmt(ind.target)} or more (green); below it red"
        return (f"target {fmt(ind.target)} or more (green); amber down to {fmt(ind.target - ind.tolerance)}; "
                "red below that")
    if not ind.tolerance:
        return f"target {fmt(ind.target)} or less (green); above it red"
    return f"target {fmt(ind.target)} or less (green); amber up to {fmt(ind.target + ind.tolerance)}; red above that"


def target_words(row: ScorecardRow) -> str:
    """'a target of 20% or less (amber up to 22%)'; 'no target' when there is none."""
    ind = row.indicator
    if ind.target is None or ind.direction is Direction.NEITHER:
        return "no target"
    fmt = lambda v: format_value(v, ind.unit)
    higher = ind.direction is Direction.HIGHER
    text = f"a target of {fmt(ind.target)} or {'more' if higher else 'less'}"
    if ind.tolerance:
        edge = ind.target - ind.tolerance if higher else ind.target + ind.tolerance
        text += f" (amber {'down' if higher else 'up'} to {fmt(edge)})"
    return text


def axis_labels(periods: Sequence[Period]) -> list[tuple[str, str]]:
    """Two-line labels for a chart's periods: (the period in its year, the year where it changes).

    Quarters: ('Q1', '2026-27'); months: ('Jan', '2027'); financial years: ('2025-26', '')."""
    out: list[tuple[str, str]] = []
    last_year = None
    for p in periods:
        if p.frequency is Frequency.QUARTERLY:
            fy = p.fy_start_year
            top, year = f"Q{p.fy_quarter_number}", f"{fy}-{(fy + 1) % 100:02d}"
        elif p.frequency is Frequency.MONTHLY:
            top, year = f"{p.start:%b}", f"{p.year}"
        else:
            top, year = p.key, ""
        out.append((top, year if year != last_year else ""))
        last_year = year
    return out


# --- what the report shows ------------------------------------------------------------------------
@dataclass(frozen=True)
class ExceptionDetail:
    """One exception with what its section shows beyond its scorecard row."""

    row: ScorecardRow
    series: tuple[tuple[Period, float | None], ...]
    """The last :data:`CHART_PERIODS` periods ending with the row's, oldest first (from the first with a
    value or comparator)."""
    comparators: Mapping[Period, Comparators]
    """England / region / neighbours by period, for the chart (periods of ``series`` only)."""
    revisions: tuple[Revision, ...] = ()
    """Revisions of the partnership's value for the period, oldest first."""

    @property
    def run(self) -> list[float | None]:
        """The values of the last four periods (the 'worse three periods running' run), oldest first."""
        return [v for _, v in self.row.sparkline[-(WORSENING_RUN + 1):]]

    def comparator_series(self, name: str) -> list[float | None]:
        return [getattr(self.comparators.get(p), name, None) for p, _ in self.series]


@dataclass(frozen=True)
class ThemeCounts:
    name: str
    counts: Mapping[Rag, int]
    exceptions: int
    total: int


@dataclass(frozen=True)
class PerformanceReport:
    """Everything the performance report and the scorecard exports print, read once from the store."""

    period: Period
    rows: tuple[ScorecardRow, ...]
    exceptions: tuple[ExceptionDetail, ...]
    prepared: dt.date
    subcommittee: Subcommittee | None
    agencies: Mapping[int, Agency] = field(default_factory=dict)
    filters: str = ""
    """The scorecard's filters in words ('theme Workforce; RAG red'), '' for the whole dataset."""
    meeting: str = ""
    """'the meeting of 12 January 2027' when made as a paper for a meeting."""

    # --- counts ----------------------------------------------------------------------------
    def count(self, rag: Rag) -> int:
        return sum(r.rag is rag for r in self.rows)

    @property
    def no_value(self) -> int:
        return sum(r.value is None for r in self.rows)

    def count_reason(self, reason: str) -> int:
        return sum(reason in r.exception_reasons for r in self.rows)

    @property
    def red_exceptions(self) -> int:
        return self.count_reason(EXCEPTION_RED)

    @property
    def worsening_exceptions(self) -> int:
        return self.count_reason(EXCEPTION_WORSENING)

    def travel_counts(self, last_year: bool = False) -> dict[Travel, int]:
        out = {t: 0 for t in Travel}
        for r in self.rows:
            out[r.travel_last_year if last_year else r.travel_previous] += 1
        return out

    def by_theme(self) -> list[ThemeCounts]:
        """Counts per theme, in the scorecard's (theme) order."""
        order: list[str] = []
        rows: dict[str, list[ScorecardRow]] = {}
        for r in self.rows:
            name = theme_name(r)
            if name not in rows:
                order.append(name)
                rows[name] = []
            rows[name].append(r)
        return [ThemeCounts(name, {g: sum(r.rag is g for r in rows[name]) for g in Rag},
                            sum(r.exception for r in rows[name]), len(rows[name])) for name in order]

    # --- names ----------------------------------------------------------------------------------
    def agency_name(self, agency_id: int | None) -> str:
        if agency_id is None:
            return "the partnership"
        a = self.agencies.get(agency_id)
        return a.name if a else f"agency {agency_id}"

    def agency_label(self, agency_id: int) -> str:
        a = self.agencies.get(agency_id)
        return a.label if a else f"agency {agency_id}"

    @property
    def partnership(self) -> str:
        sc = self.subcommittee
        return safe_text(sc.partnership) if sc else ""

    @property
    def subcommittee_name(self) -> str:
        sc = self.subcommittee
        return safe_text(sc.name) if sc else ""

    @property
    def title(self) -> str:
        return f"Performance report: {self.period.label()}"

    @property
    def author(self) -> str:
        sc = self.subcommittee
        return safe_text(sc.partnership or sc.name) if sc else "MQ&P Desktop"

    @property
    def subject(self) -> str:
        return (f"The partnership's performance dataset for {self.period.label()}: RAG against targets, direction "
                f"of travel, comparators, and the exceptions with their commentary; prepared "
                f"{long_date(self.prepared)}")

    @property
    def file_stem(self) -> str:
        return f"Performance report {self.period.short_label()}"


def theme_name(row: ScorecardRow) -> str:
    return safe_text(row.theme.name) if row.theme else "No theme"


def period_note(row: ScorecardRow, chosen: Period) -> str:
    """The indicator's own period when it differs from the report's ('Sep 2026', '2025-26'), else ''."""
    return "" if row.period == chosen else row.period.short_label()


def why_words(row: ScorecardRow) -> list[str]:
    """Why the indicator is an exception, a sentence per reason."""
    ind = row.indicator
    out = []
    if EXCEPTION_RED in row.exception_reasons:
        out.append(f"Red: {value_text(row.value, ind.unit)} against {target_words(row)}.")
    if EXCEPTION_WORSENING in row.exception_reasons:
        run = row.sparkline[-(WORSENING_RUN + 1):]
        out.append("Worse three periods running: " + " \u2192 ".join(
            f"{value_text(v, ind.unit)} ({p.short_label()})" for p, v in run) + ".")
    return out


# --- reading it from the store --------------------------------------------------------------------
def default_period(store, today: dt.date | None = None) -> Period:
    """The period a report defaults to: the latest complete quarter with a value entered (the last
    complete quarter when none has)."""
    complete = Period.latest_complete(today or dt.date.today(), Frequency.QUARTERLY)
    latest = store.performance.latest_period(Frequency.QUARTERLY)
    return min(latest, complete) if latest is not None else complete


def recent_quarters(store, today: dt.date | None = None, count: int = 12) -> list[Period]:
    """The ``count`` quarters ending with :func:`default_period`, newest first (a chooser's choices)."""
    latest = default_period(store, today)
    return [latest.shift(-k) for k in range(count)]


def gather_performance_report(store, period: Period | str | None = None, *, rows: Sequence[ScorecardRow] | None = None,
                              today: dt.date | None = None, filters: str = "", meeting: str = "",
                              chart_periods: int = CHART_PERIODS) -> PerformanceReport:
    """The report for ``period`` (default :func:`default_period`) read from ``store``.

    ``rows``: the scorecard rows to print (a filtered scorecard); default every indicator in use.
    ``filters`` says in words which filter made them. ``meeting``: 'the meeting of …' for a paper.
    """
    from mqp_desktop.domain.periods import parse_period
    from mqp_desktop.exporters.register_export import _subcommittee_or_none

    today = today or dt.date.today()
    perf = store.performance
    if period is None:
        period = default_period(store, today)
    elif not isinstance(period, Period):
        period = parse_period(period)
    if rows is None:
        rows = perf.scorecard(period)
    exceptions = []
    for row in rows:
        if not row.exception:
            continue
        ind = row.indicator
        series = perf.history(ind.id, until=row.period, periods=chart_periods)
        comparators = perf.comparator_series(ind.id)
        shown = {p for p, _ in series}
        comparators = {p: c for p, c in comparators.items() if p in shown and not c.empty}
        # From the first period with anything to draw: an indicator started three quarters ago has a
        # three-quarter chart, not nine empty quarters first.
        first = next((k for k, (p, v) in enumerate(series) if v is not None or p in comparators), len(series) - 1)
        series = series[first:]
        revisions = tuple(perf.revisions(ind.id, period=row.period, all_agencies=False))
        exceptions.append(ExceptionDetail(row, tuple(series), comparators, revisions))
    return PerformanceReport(
        period=period, rows=tuple(rows), exceptions=tuple(exceptions), prepared=today,
        subcommittee=_subcommittee_or_none(store), agencies={a.id: a for a in store.agencies()},
        filters=filters, meeting=meeting,
    )


__all__ = [
    "CHART_PERIODS", "ExceptionDetail", "PerformanceReport", "ThemeCounts", "axis_labels", "band_text",
    "default_period", "gather_performance_report", "movement", "rag_word", "recent_quarters",
    "tolerance_text", "travel_word", "value_text", "why_words",
]

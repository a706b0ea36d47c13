"""Section 11 arithmetic: scores, the weakest standards, what is overdue, round to round.

Plain functions of the records in :mod:`mqp_desktop.domain.section11`; no Qt, no SQL.

How a standard is scored
    A standard's own rating (criterion "") stands for it when it has a value on the
    chosen :class:`Basis`; otherwise its sub-criteria's ratings do. "Not applicable"
    is left out of every total: it neither adds points nor raises the maximum. A
    score's ``percent`` is points / maximum × 100, so RAG (red 0, amber 1, green 2),
    0-3 scores and percentages share one footing.

How a return is scored
    Each standard counts once: the return's ``percent`` is the mean of its
    standards' percents, leaving out standards that are unrated or not applicable.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.section11 import (
    NOT_APPLICABLE,
    ActionItem,
    AuditReturn,
    AuditRound,
    Basis,
    Rating,
    RatingScale,
    ReturnStatus,
    Standard,
)

# Percent figures are compared after rounding to this many places, so 2/3 and
# 66.666...7 are "the same".
_PLACES = 6


@dataclass(frozen=True)
class Score:
    """Ratings added up on one scale, "not applicable" left out.

    ``points`` and ``max_points`` are in the scale's own units (RAG: red 0, amber
    1, green 2; a 0-3 score; a percentage); ``counts`` gives how many ratings had
    each value (including "n/a").
    """

    points: float = 0.0
    max_points: float = 0.0
    rated: int = 0
    not_applicable: int = 0
    unrated: int = 0
    counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def percent(self) -> float | None:
        """Points as a percentage of the maximum; None when nothing applicable is rated."""
        return None if self.max_points == 0 else 100.0 * self.points / self.max_points

    @property
    def mean(self) -> float | None:
        """The mean rating in the scale's own units (e.g. 2.25 on 0-3); None when nothing is rated."""
        return None if self.rated == 0 else self.points / self.rated

    @property
    def is_not_applicable(self) -> bool:
        return self.rated == 0 and self.not_applicable > 0


def score_values(scale: RatingScale, values: Iterable[str | None]) -> Score:
    """A :class:`Score` of canonical values (None = not rated yet)."""
    points = 0.0
    rated = na = unrated = 0
    counts: Counter[str] = Counter()
    for value in values:
        if value is None:
            unrated += 1
            continue
        counts[value] += 1
        if value == NOT_APPLICABLE:
            na += 1
            continue
        points += scale.points[value]
        rated += 1
    order = {v: i for i, v in enumerate(scale.choices)}
    return Score(
        points=points,
        max_points=rated * scale.top,
        rated=rated,
        not_applicable=na,
        unrated=unrated,
        counts=dict(sorted(counts.items(), key=lambda kv: order.get(kv[0], len(order)))),
    )


def standard_score(
    scale: RatingScale, standard: Standard, ratings: Iterable[Rating], basis: Basis = Basis.EFFECTIVE
) -> Score:
    """One standard's score in one return (see the module's notes).

    Sub-criteria without a rating count as ``unrated``.
    """
    own: Rating | None = None
    by_code: dict[str, Rating] = {}
    for r in ratings:
        if r.standard != standard.number:
            continue
        if r.criterion:
            by_code[r.criterion] = r
        else:
            own = r
    if own is not None and own.value(basis) is not None:
        return score_values(scale, [own.value(basis)])
    if standard.criteria:
        return score_values(scale, [by_code[c.code].value(basis) if c.code in by_code else None for c in standard.criteria])
    return score_values(scale, [None])


@dataclass(frozen=True)
class ReturnSummary:
    """A return's scores: per standard (by number) and overall."""

    return_id: int | None
    agency_id: int
    standards: Mapping[int, Score]

    @property
    def percent(self) -> float | None:
        """The mean of the standards' percents (unrated and not-applicable standards left out)."""
        figures = [s.percent for s in self.standards.values() if s.percent is not None]
        return sum(figures) / len(figures) if figures else None

    @property
    def rated_standards(self) -> int:
        return sum(1 for s in self.standards.values() if s.percent is not None)

    @property
    def not_applicable_standards(self) -> int:
        return sum(1 for s in self.standards.values() if s.is_not_applicable)

    @property
    def unrated_standards(self) -> int:
        return len(self.standards) - self.rated_standards - self.not_applicable_standards

    @property
    def counts(self) -> dict[str, int]:
        """How often each value stands in the standards' scores (all standards together)."""
        total: Counter[str] = Counter()
        for s in self.standards.values():
            total.update(s.counts)
        return dict(total)


def return_summary(rnd: AuditRound, ret: AuditReturn, basis: Basis = Basis.EFFECTIVE) -> ReturnSummary:
    scale = rnd.rating_scale
    return ReturnSummary(
        return_id=ret.id,
        agency_id=ret.agency_id,
        standards={s.number: standard_score(scale, s, ret.ratings, basis) for s in rnd.standards},
    )


def rating_grid(
    rnd: AuditRound, returns: Iterable[AuditReturn], basis: Basis = Basis.EFFECTIVE
) -> dict[tuple[int, int], Score]:
    """(agency id, standard number) -> Score, for the agency x standard grid.

    Colour a cell by its single value (``score.counts`` when ``rated + not_applicable
    == 1``) or by ``rnd.rating_scale.nearest(score.percent)``.
    """
    out: dict[tuple[int, int], Score] = {}
    for ret in returns:
        summary = return_summary(rnd, ret, basis)
        for number, score in summary.standards.items():
            out[(ret.agency_id, number)] = score
    return out


# --- the weakest standards ----------------------------------------------------------------


@dataclass(frozen=True)
class StandardStanding:
    """How one standard stands across the agencies of a round."""

    number: int
    title: str
    mean_percent: float | None  # mean of the agencies' percents for it; None when none rated it
    agencies_rated: int
    not_applicable: int  # agencies for which it does not apply
    lowest_percent: float | None
    lowest_agency_ids: tuple[int, ...]  # the agencies at ``lowest_percent``
    counts: Mapping[str, int]  # values standing for it, over all agencies


def weakest_standards(
    rnd: AuditRound,
    returns: Iterable[AuditReturn],
    basis: Basis = Basis.EFFECTIVE,
    limit: int | None = None,
) -> list[StandardStanding]:
    """The round's standards, weakest first (lowest mean percent across agencies).

    Standards no agency has rated come last; ties keep the standards' order.
    """
    returns = list(returns)
    standings = []
    for standard in rnd.standards:
        scores = [
            (ret.agency_id, standard_score(rnd.rating_scale, standard, ret.ratings, basis)) for ret in returns
        ]
        rated = [(a, s.percent) for a, s in scores if s.percent is not None]
        counts: Counter[str] = Counter()
        for _a, s in scores:
            counts.update(s.counts)
        lowest = min((p for _a, p in rated), default=None)
        standings.append(
            StandardStanding(
                number=standard.number,
                title=standard.title,
                mean_percent=sum(p for _a, p in rated) / len(rated) if rated else None,
                agencies_rated=len(rated),
                not_applicable=sum(1 for _a, s in scores if s.is_not_applicable),
                lowest_percent=lowest,
                lowest_agency_ids=tuple(sorted(a for a, p in rated if round(p, _PLACES) == round(lowest, _PLACES)))
                if lowest is not None
                else (),
                counts=dict(counts),
            )
        )
    standings.sort(key=lambda s: (s.mean_percent is None, round(s.mean_percent or 0.0, _PLACES)))
    return standings[:limit] if limit is not None else standings


# --- overdue ------------------------------------------------------------------------------


def overdue_returns(rnd: AuditRound, returns: Iterable[AuditReturn], today: dt.date) -> list[AuditReturn]:
    """Returns issued, not received, whose deadline has passed (the day after the deadline on)."""
    return [r for r in returns if r.status(rnd.deadline, today) is ReturnStatus.OVERDUE]


def outstanding_returns(rnd: AuditRound, returns: Iterable[AuditReturn], today: dt.date) -> list[AuditReturn]:
    """Returns not received yet, overdue or not."""
    return [
        r
        for r in returns
        if r.status(rnd.deadline, today) in (ReturnStatus.OUTSTANDING, ReturnStatus.OVERDUE, ReturnStatus.NOT_ISSUED)
    ]


def overdue_actions(items: Iterable[AuditReturn | ActionItem], today: dt.date) -> list[ActionItem]:
    """Action-plan items whose due date has passed and that are not done or dropped.

    Takes returns (their actions are looked at) or action items; oldest due first.
    """
    actions: list[ActionItem] = []
    for item in items:
        actions.extend(item.actions if isinstance(item, AuditReturn) else (item,))
    return sorted((a for a in actions if a.is_overdue(today)), key=lambda a: (a.due, a.id or 0))


@dataclass(frozen=True)
class RoundStatus:
    """What the business team needs at a glance for one round."""

    round: AuditRound
    today: dt.date
    by_status: Mapping[ReturnStatus, tuple[AuditReturn, ...]]
    weakest: tuple[StandardStanding, ...]
    overdue_actions: tuple[ActionItem, ...]
    summaries: Mapping[int, ReturnSummary]  # by agency id

    def returns(self, *statuses: ReturnStatus) -> list[AuditReturn]:
        return [r for s in statuses for r in self.by_status.get(s, ())]

    @property
    def overdue(self) -> tuple[AuditReturn, ...]:
        return self.by_status.get(ReturnStatus.OVERDUE, ())


def round_status(
    rnd: AuditRound,
    returns: Sequence[AuditReturn],
    today: dt.date,
    basis: Basis = Basis.EFFECTIVE,
) -> RoundStatus:
    """Returns by status, the standards weakest first, overdue action-plan items."""
    by_status: dict[ReturnStatus, list[AuditReturn]] = defaultdict(list)
    for ret in returns:
        by_status[ret.status(rnd.deadline, today)].append(ret)
    return RoundStatus(
        round=rnd,
        today=today,
        by_status={s: tuple(by_status.get(s, ())) for s in ReturnStatus},
        weakest=tuple(weakest_standards(rnd, returns, basis)),
        overdue_actions=tuple(overdue_actions(returns, today)),
        summaries={ret.agency_id: return_summary(rnd, ret, basis) for ret in returns},
    )


# --- round to round -----------------------------------------------------------------------


class Trend(StrEnum):
    IMPROVED = "improved"
    SAME = "same"
    WORSE = "worse"
    NOT_COMPARABLE = "not comparable"  # missing, unrated or not applicable in either round


def trend(previous: float | None, current: float | None) -> Trend:
    if previous is None or current is None:
        return Trend.NOT_COMPARABLE
    a, b = round(previous, _PLACES), round(current, _PLACES)
    return Trend.IMPROVED if b > a else Trend.WORSE if b < a else Trend.SAME


@dataclass(frozen=True)
class ComparisonCell:
    """One agency's change on one standard (``standard`` None: the return as a whole)."""

    agency_id: int
    standard: int | None
    previous_percent: float | None
    current_percent: float | None
    trend: Trend

    @property
    def change(self) -> float | None:
        """Percentage points gained (negative: lost)."""
        if self.previous_percent is None or self.current_percent is None:
            return None
        return self.current_percent - self.previous_percent


@dataclass(frozen=True)
class RoundComparison:
    previous_round_id: int | None
    current_round_id: int | None
    cells: tuple[ComparisonCell, ...]  # per agency and standard
    overall: tuple[ComparisonCell, ...]  # per agency, the return's percent

    def cell(self, agency_id: int, standard: int) -> ComparisonCell | None:
        for c in self.cells:
            if c.agency_id == agency_id and c.standard == standard:
                return c
        return None

    def counts(self) -> dict[Trend, int]:
        """How many agency x standard cells improved, stayed the same, got worse, could not be compared."""
        total = Counter(c.trend for c in self.cells)
        return {t: total.get(t, 0) for t in Trend}

    def by_standard(self) -> dict[int, dict[Trend, int]]:
        out: dict[int, dict[Trend, int]] = {}
        for c in self.cells:
            out.setdefault(c.standard, {t: 0 for t in Trend})[c.trend] += 1  # type: ignore[index]
        return out


def compare_rounds(
    previous: AuditRound,
    previous_returns: Iterable[AuditReturn],
    current: AuditRound,
    current_returns: Iterable[AuditReturn],
    basis: Basis = Basis.EFFECTIVE,
) -> RoundComparison:
    """Per agency of the current round and standard: improved, same or worse than the previous round.

    Standards are matched by number; each side is scored on its own round's
    scale and compared as a percent (so a round on RAG and one on 0-3 scores
    can be compared). An agency or standard missing from either round, or
    unrated or not applicable in either, is ``not comparable``.
    """
    prev_by_agency = {r.agency_id: return_summary(previous, r, basis) for r in previous_returns}
    cur_by_agency = {r.agency_id: return_summary(current, r, basis) for r in current_returns}
    cells = []
    overall = []
    for agency_id, cur in cur_by_agency.items():
        prev = prev_by_agency.get(agency_id)
        for number, score in cur.standards.items():
            before = prev.standards.get(number) if prev else None
            p = before.percent if before else None
            cells.append(ComparisonCell(agency_id, number, p, score.percent, trend(p, score.percent)))
        p_all = prev.percent if prev else None
        overall.append(ComparisonCell(agency_id, None, p_all, cur.percent, trend(p_all, cur.percent)))
    return RoundComparison(previous.id, current.id, tuple(cells), tuple(overall))


def previous_round(rounds: Iterable[AuditRound], current: AuditRound) -> AuditRound | None:
    """The round issued most recently before ``current`` (None for the first)."""
    earlier = [r for r in rounds if r.id != current.id and r.issued < current.issued]
    return max(earlier, key=lambda r: (r.issued, r.id or 0), default=None)

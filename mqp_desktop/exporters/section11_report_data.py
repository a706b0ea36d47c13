"""What the Section 11 round summary shows (see section11_report): the figures, gathered once from the store.

:class:`RoundReport` holds everything the PDF and XLSX writers print
(section11_report_pdf, section11_report_xlsx), :func:`gather_round_report`
reads it from the store; the document properties and the words both writers
share about a return are here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from mqp_desktop.domain.model import Agency, Subcommittee
from mqp_desktop.domain.section11 import (
    ActionItem,
    AuditReturn,
    AuditRound,
    Basis,
    RatingScale,
    ReturnStatus,
    ScaleKind,
    Standard,
)
from mqp_desktop.domain.section11_analysis import (
    ComparisonCell,
    RoundComparison,
    RoundStatus,
    Score,
    StandardStanding,
    Trend,
    rating_grid,
    return_summary,
    standard_score,
    weakest_standards,
)
from mqp_desktop.exporters.files import safe_text
from mqp_desktop.exporters.register_export import _subcommittee_or_none
from mqp_desktop.exporters.section11_report_words import (
    _STATUS_ORDER,
    _trim,
    long_date,
    plural,
    short_date,
    shorten,
    units_text,
)


# --- what the report shows ------------------------------------------------------------------
@dataclass(frozen=True)
class EarlierAction:
    """An action-plan item of an earlier round, still overdue (action plans carry over)."""

    item: ActionItem
    round_name: str
    agency_id: int


@dataclass(frozen=True)
class RoundReport:
    """Everything the summary shows, gathered once from the store (PDF and XLSX share it)."""

    round: AuditRound
    returns: tuple[AuditReturn, ...]
    agencies: Mapping[int, Agency]
    status: RoundStatus
    basis: Basis
    today: dt.date
    subcommittee: Subcommittee | None
    grid: Mapping[tuple[int, int], Score]
    previous: AuditRound | None
    previous_returns: tuple[AuditReturn, ...]
    comparison: RoundComparison | None
    previous_standings: Mapping[int, StandardStanding]
    earlier_overdue: tuple[EarlierAction, ...] = ()

    def earlier_overdue_of(self, agency_id: int) -> list[EarlierAction]:
        return [e for e in self.earlier_overdue if e.agency_id == agency_id]

    @property
    def scale(self) -> RatingScale:
        return self.round.rating_scale

    def agency_name(self, agency_id: int) -> str:
        a = self.agencies.get(agency_id)
        return a.name if a else f"agency {agency_id}"

    def agency_label(self, agency_id: int) -> str:
        a = self.agencies.get(agency_id)
        return a.label if a else f"agency {agency_id}"

    def state(self, ret: AuditReturn) -> ReturnStatus:
        return ret.status(self.round.deadline, self.today)

    def days_overdue(self, ret: AuditReturn) -> int:
        return max(0, (self.today - self.round.deadline).days) if self.state(ret) is ReturnStatus.OVERDUE else 0

    def returns_in(self, *states: ReturnStatus) -> list[AuditReturn]:
        return [r for r in self.returns if self.state(r) in states]

    @property
    def not_returned(self) -> list[AuditReturn]:
        """Returns not received yet, the overdue first (then by agency)."""
        out = self.returns_in(ReturnStatus.OVERDUE, ReturnStatus.OUTSTANDING, ReturnStatus.NOT_ISSUED)
        return sorted(out, key=lambda r: (_STATUS_ORDER[self.state(r)], self.agency_label(r.agency_id).casefold()))

    def return_by_id(self, return_id: int | None) -> AuditReturn | None:
        return next((r for r in self.returns if r.id == return_id), None)

    def agency_of(self, action: ActionItem) -> str:
        ret = self.return_by_id(action.return_id)
        return self.agency_label(ret.agency_id) if ret else ""

    @property
    def actions(self) -> list[ActionItem]:
        """Every action-plan item of the round: overdue first (oldest due first), then by due date."""
        items = [a for r in self.returns for a in r.actions]
        return sorted(items, key=lambda a: (not a.is_overdue(self.today), a.due or dt.date.max, a.id or 0))

    @property
    def overdue_actions(self) -> list[ActionItem]:
        return list(self.status.overdue_actions)

    def action_days_overdue(self, action: ActionItem) -> int:
        return (self.today - action.due).days if action.is_overdue(self.today) and action.due else 0

    @property
    def weakest(self) -> list[StandardStanding]:
        """The standards rated by at least one agency, weakest first."""
        return [w for w in self.status.weakest if w.mean_percent is not None]

    def standard(self, number: int) -> Standard:
        return self.round.standard(number)

    def previous_score(self, agency_id: int, number: int) -> Score | None:
        if self.previous is None:
            return None
        ret = next((r for r in self.previous_returns if r.agency_id == agency_id), None)
        if ret is None or not any(s.number == number for s in self.previous.standards):
            return None
        return standard_score(self.previous.rating_scale, self.previous.standard(number), ret.ratings, self.basis)

    def previous_overall(self, agency_id: int) -> float | None:
        if self.previous is None:
            return None
        ret = next((r for r in self.previous_returns if r.agency_id == agency_id), None)
        return return_summary(self.previous, ret, self.basis).percent if ret else None

    def trend_counts(self) -> dict[Trend, int]:
        return self.comparison.counts() if self.comparison else {}

    def notable_changes(self, limit: int = 6) -> list[ComparisonCell]:
        """The biggest rises and falls of an agency on a standard (falls first when equal)."""
        if self.comparison is None:
            return []
        moved = [c for c in self.comparison.cells if c.trend in (Trend.IMPROVED, Trend.WORSE)]
        moved.sort(key=lambda c: (-abs(c.change or 0), c.trend is Trend.IMPROVED,
                                  self.agency_label(c.agency_id).casefold(), c.standard or 0))
        return moved[:limit]

    def change_text(self, cell: ComparisonCell) -> str:
        """'Police, standard 5 (Staff training…): 2 → 0' in each round's own units."""
        assert self.previous is not None
        std = self.standard(cell.standard) if cell.standard is not None else None
        before = units_text(cell.previous_percent, self.previous.rating_scale)
        after = units_text(cell.current_percent, self.scale)
        if self.previous.rating_scale.kind is self.scale.kind and self.scale.kind is not ScaleKind.SCORE_0_3:
            before, after = (f"{p:.0f}%" for p in (cell.previous_percent or 0, cell.current_percent or 0))
        elif self.scale.kind is ScaleKind.SCORE_0_3 and self.previous.rating_scale.kind is ScaleKind.SCORE_0_3:
            before, after = (_trim(t) for t in (before, after))
        where = f"standard {std.number} ({shorten(std.title, 48)})" if std else "overall"
        return f"{self.agency_label(cell.agency_id)}, {where}: {before} \u2192 {after}"


def gather_round_report(store, round_id: int, *, basis: Basis | str = Basis.EFFECTIVE,
                        today: dt.date | None = None) -> RoundReport:
    """The figures of one round's summary, read from ``store``."""
    from mqp_desktop.store.section11 import Section11Repo

    basis = parse_basis(basis)
    today = today or dt.date.today()
    s11 = Section11Repo(store)
    rnd = s11.round(round_id)
    returns = tuple(s11.returns(round_id))
    comparison = s11.comparison(round_id, basis)
    previous = s11.round(comparison.previous_round_id) if comparison and comparison.previous_round_id else None
    previous_returns = tuple(s11.returns(previous.id)) if previous else ()
    here = {r.id for r in returns}
    rounds = {r.id: r for r in s11.rounds()}
    earlier = []
    for item in s11.actions():
        if item.return_id in here or not item.is_overdue(today):
            continue
        ret = s11.get_return(item.return_id)
        other = rounds[ret.round_id]
        if (other.issued, other.id) < (rnd.issued, rnd.id):
            earlier.append(EarlierAction(item, other.name, ret.agency_id))
    earlier.sort(key=lambda e: (e.item.due, e.item.id or 0))
    return RoundReport(
        round=rnd,
        returns=returns,
        agencies={a.id: a for a in store.agencies()},
        status=s11.status(round_id, today, basis),
        basis=basis,
        today=today,
        subcommittee=_subcommittee_or_none(store),
        grid=rating_grid(rnd, returns, basis),
        previous=previous,
        previous_returns=previous_returns,
        comparison=comparison,
        previous_standings={w.number: w for w in weakest_standards(previous, previous_returns, basis)}
        if previous else {},
        earlier_overdue=tuple(earlier),
    )


def parse_basis(basis: Basis | str) -> Basis:
    try:
        return Basis(basis)
    except ValueError:
        raise ValueError(f"'{basis}' is not a basis for the ratings: use self, moderated or effective.") from None


def _title(report: RoundReport) -> str:
    return f"{report.round.name}: round summary"


def _author(report: RoundReport) -> str:
    sc = report.subcommittee
    return safe_text(sc.partnership or sc.name) if sc else "MQ&P Desktop"


def _subject(report: RoundReport) -> str:
    return (f"Section 11 self-assessment audit (ToR 7.8): returns, ratings by agency and standard "
            f"({report.basis.value}), action plans, as at {long_date(report.today)}")


def _standings_in_order(report: RoundReport) -> list[StandardStanding]:
    by_number = {w.number: w for w in report.status.weakest}
    return [by_number[s.number] for s in report.round.standards]


def _not_returned_words(report: RoundReport, ret: AuditReturn) -> str:
    state = report.state(ret)
    if state is ReturnStatus.OVERDUE:
        words = f"{plural(report.days_overdue(ret), 'day')} overdue"
    elif state is ReturnStatus.OUTSTANDING:
        words = f"due {short_date(report.round.deadline)}"
    else:
        words = "not issued yet"
    if ret.reminders:
        words += f", {plural(len(ret.reminders), 'reminder')}, last {short_date(ret.last_reminder)}"
    elif state is ReturnStatus.OVERDUE:
        words += ", no reminder sent"
    return words

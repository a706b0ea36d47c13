"""Table models of the Section 11 dashboard: the agency x standard grid, overdue returns,
overdue action-plan items, the weakest standards, the change since the previous round,
and a return's action plan.

Same pattern as :mod:`mqp_desktop.ui.models`: ``COL_*`` constants, rows replaced
whole by ``set_rows()`` inside ``beginResetModel``/``endResetModel``, and the shared
roles (``ID_ROLE`` — the return's id in the grid and the returns list, the item's id
in the action lists — ``RECORD_ROLE``, ``SORT_ROLE``). The grid also answers
``SCORE_ROLE`` (the domain's :class:`Score` for the cell), ``STANDARD_ROLE`` (its
standard's number, None off the standards), ``TREND_ROLE`` (a :class:`Trend`, when a
previous round exists) and ``BAND_ROLE`` (the colour band's key), so tests compare
what the grid holds with :func:`rating_grid` rather than pixels.

Colour never stands alone: every coloured cell prints its value, and the legend says
what each colour means on the round's scale.

No model writes to the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mqp_desktop.domain.section11 import (
    NOT_APPLICABLE,
    ActionItem,
    ActionStatus,
    AuditReturn,
    AuditRound,
    Basis,
    RatingScale,
    ReturnStatus,
    ScaleKind,
)
from mqp_desktop.domain.section11_analysis import (
    ComparisonCell,
    RoundComparison,
    Score,
    StandardStanding,
    Trend,
    return_summary,
)
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SORT_ROLE, _Index, _muted, _RecordTableModel, format_date

SCORE_ROLE = Qt.ItemDataRole.UserRole + 40
STANDARD_ROLE = Qt.ItemDataRole.UserRole + 41
TREND_ROLE = Qt.ItemDataRole.UserRole + 42
BAND_ROLE = Qt.ItemDataRole.UserRole + 43
AGENCY_ROLE = Qt.ItemDataRole.UserRole + 44

# --- words ---------------------------------------------------------------------------------
BASIS_WORDS = {
    Basis.SELF: "Self-assessed",
    Basis.MODERATED: "Moderated (panel)",
    Basis.EFFECTIVE: "Panel's where rated, else self",
}
STATUS_WORDS = {
    ReturnStatus.NOT_ISSUED: "Not issued",
    ReturnStatus.OUTSTANDING: "Outstanding",
    ReturnStatus.OVERDUE: "Overdue",
    ReturnStatus.RECEIVED: "Received",
    ReturnStatus.REVIEWED: "Reviewed",
}
TREND_MARKS = {Trend.IMPROVED: "▲", Trend.WORSE: "▼", Trend.SAME: "=", Trend.NOT_COMPARABLE: ""}
TREND_WORDS = {
    Trend.IMPROVED: "better than last round",
    Trend.WORSE: "worse than last round",
    Trend.SAME: "the same as last round",
    Trend.NOT_COMPARABLE: "not comparable with last round",
}
AGGREGATE_MARK = "*"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def percent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def value_text(scale: RatingScale, value: str | None) -> str:
    """A canonical value as the grid prints it: 'Amber', '2', '75%', 'n/a', '—'."""
    if value is None:
        return "—"
    if value == NOT_APPLICABLE:
        return "n/a"
    if scale.kind is ScaleKind.RAG:
        return value.capitalize()
    if scale.kind is ScaleKind.PERCENT:
        return f"{value}%"
    return value


def value_words(scale: RatingScale, value: str | None) -> str:
    """'1 (partially met)', 'n/a (not applicable)', 'not rated'."""
    if value is None:
        return "not rated"
    if value == NOT_APPLICABLE:
        return "n/a (not applicable)"
    meaning = scale.meanings.get(value)
    return f"{value_text(scale, value)} ({meaning})" if meaning else value_text(scale, value)


def single_value(score: Score) -> str | None:
    """The one value a score stands for, when it comes from one rating."""
    if score.rated + score.not_applicable == 1:
        return next(iter(score.counts))
    return None


def cell_text(scale: RatingScale, score: Score) -> str:
    """What a grid cell prints for a standard's score.

    One rating: its value ('2', 'Amber', '75%', 'n/a'). Worked out from several
    sub-criteria: the mean on the scale's own footing ('1.5*' on 0-3, '62%*' as a
    percentage, the nearest 'Amber*' on RAG), marked with ``*``. Nothing rated: '—'.
    """
    one = single_value(score)
    if one is not None:
        return value_text(scale, one)
    if score.percent is None:
        return "n/a" if score.is_not_applicable else "—"
    if scale.kind is ScaleKind.SCORE_0_3:
        return f"{score.mean:.1f}{AGGREGATE_MARK}"
    if scale.kind is ScaleKind.PERCENT:
        return f"{score.percent:.0f}%{AGGREGATE_MARK}"
    return value_text(scale, scale.nearest(score.percent)) + AGGREGATE_MARK


# --- colour bands --------------------------------------------------------------------------
@dataclass(frozen=True)
class Band:
    key: str
    background: str
    foreground: str
    words: str


BANDS = {
    "not met": Band("not met", "#ef8f86", "#3d0703", "not met"),
    "partly": Band("partly", "#f6c768", "#3d2a00", "partially met"),
    "mostly": Band("mostly", "#bfe0a6", "#1c370c", "mostly met"),
    "met": Band("met", "#5dab68", "#08220d", "fully met"),
    "n/a": Band("n/a", "#dcdcdc", "#333333", "not applicable"),
}
NO_RATING = Band("none", "", "", "not rated or not returned")


def band_for_percent(percent: float | None) -> Band:
    if percent is None:
        return NO_RATING
    if percent < 25:
        return BANDS["not met"]
    if percent < 60:
        return BANDS["partly"]
    if percent < 90:
        return BANDS["mostly"]
    return BANDS["met"]


def band_for(scale: RatingScale, score: Score) -> Band:
    """A cell's colour: its value's band, or for sub-criteria the nearest value's band."""
    if score.percent is None:
        return BANDS["n/a"] if score.is_not_applicable else NO_RATING
    return band_for_percent(scale.percent_of(scale.nearest(score.percent)))


def legend_entries(scale: RatingScale) -> list[tuple[str, Band, str]]:
    """(swatch text, band, words) for the legend of ``scale``."""
    if scale.kind is ScaleKind.PERCENT:
        entries = [
            ("0–20%", BANDS["not met"], "not met"),
            ("25–55%", BANDS["partly"], "partially met"),
            ("60–85%", BANDS["mostly"], "mostly met"),
            ("90–100%", BANDS["met"], "fully met"),
        ]
    else:
        entries = [
            (value_text(scale, v), band_for_percent(scale.percent_of(v)), scale.meanings.get(v, ""))
            for v in scale.values
        ]
    if scale.allows_not_applicable:
        entries.append(("n/a", BANDS["n/a"], "not applicable"))
    entries.append(("—", NO_RATING, "not rated yet"))
    return entries


# --- the grid ------------------------------------------------------------------------------
class RatingGridModel(_RecordTableModel):
    """One row per return (agency), one column per standard, then the return's overall score."""

    COL_AGENCY, COL_STATUS = 0, 1
    FIRST_STANDARD = 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.round: AuditRound | None = None
        self.basis = Basis.EFFECTIVE
        self.show_trend = False
        self._agency_names: dict[int, str] = {}
        self._scores: dict[tuple[int, int], Score] = {}
        self._overall: dict[int, float | None] = {}
        self._comparison: RoundComparison | None = None
        self._previous_name = ""
        self._today = dt.date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(
        self,
        rnd: AuditRound | None,
        returns: Iterable[AuditReturn],
        agency_names: Mapping[int, str],
        *,
        basis: Basis = Basis.EFFECTIVE,
        today: dt.date | None = None,
        comparison: RoundComparison | None = None,
        previous_name: str = "",
        show_trend: bool = False,
    ) -> None:
        self.beginResetModel()
        self.round = rnd
        self.basis = Basis(basis)
        self._rows = list(returns) if rnd is not None else []
        self._agency_names = dict(agency_names)
        self._today = today or dt.date.today()
        self._comparison = comparison
        self._previous_name = previous_name
        self.show_trend = show_trend and comparison is not None
        self._scores = {}
        self._overall = {}
        if rnd is not None:
            for ret in self._rows:
                summary = return_summary(rnd, ret, self.basis)
                self._overall[ret.agency_id] = summary.percent
                for number, score in summary.standards.items():
                    self._scores[(ret.agency_id, number)] = score
        self.endResetModel()

    # --- shape ---------------------------------------------------------------------------
    @property
    def standards(self) -> tuple:
        return self.round.standards if self.round is not None else ()

    @property
    def col_overall(self) -> int:
        return self.FIRST_STANDARD + len(self.standards)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        if parent.isValid() or self.round is None:
            return 0
        return self.col_overall + 1

    def standard_at(self, column: int):
        i = column - self.FIRST_STANDARD
        return self.standards[i] if 0 <= i < len(self.standards) else None

    def column_of(self, standard: int) -> int:
        for i, s in enumerate(self.standards):
            if s.number == standard:
                return self.FIRST_STANDARD + i
        return -1

    def return_at(self, row: int) -> AuditReturn:
        return self._rows[row]

    def _valid(self, index: _Index) -> bool:
        return (
            index.isValid()
            and not index.parent().isValid()
            and 0 <= index.row() < len(self._rows)
            and 0 <= index.column() < self.columnCount()
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        standard = self.standard_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.COL_AGENCY:
                return "Agency"
            if section == self.COL_STATUS:
                return "Return"
            if standard is not None:
                return f"S{standard.number}"
            return "Overall"
        if role == Qt.ItemDataRole.ToolTipRole:
            if standard is not None:
                return f"Standard {standard.label}"
            if section == self.col_overall:
                return "The return's overall score: the mean of its standards, as a percentage of the top of the scale"
            if section == self.COL_STATUS:
                return "Where the return has got to: outstanding, overdue, received, or reviewed by the panel"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if section >= self.FIRST_STANDARD:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- cells ---------------------------------------------------------------------------
    def score(self, row: int, column: int) -> Score | None:
        standard = self.standard_at(column)
        if standard is None or not 0 <= row < len(self._rows):
            return None
        return self._scores.get((self._rows[row].agency_id, standard.number))

    def trend(self, row: int, column: int) -> Trend | None:
        if self._comparison is None or not 0 <= row < len(self._rows):
            return None
        agency_id = self._rows[row].agency_id
        standard = self.standard_at(column)
        if standard is not None:
            cell = self._comparison.cell(agency_id, standard.number)
        elif column == self.col_overall:
            cell = next((c for c in self._comparison.overall if c.agency_id == agency_id), None)
        else:
            return None
        return cell.trend if cell else Trend.NOT_COMPARABLE

    def _comparison_cell(self, agency_id: int, standard: int | None) -> ComparisonCell | None:
        if self._comparison is None:
            return None
        if standard is None:
            return next((c for c in self._comparison.overall if c.agency_id == agency_id), None)
        return self._comparison.cell(agency_id, standard)

    def status(self, ret: AuditReturn) -> ReturnStatus:
        return ret.status(self.round.deadline, self._today)

    def _display(self, row: int, col: int) -> str:
        ret = self._rows[row]
        scale = self.round.rating_scale
        if col == self.COL_AGENCY:
            return self._agency_names.get(ret.agency_id, f"agency {ret.agency_id}")
        if col == self.COL_STATUS:
            return STATUS_WORDS[self.status(ret)]
        if col == self.col_overall:
            text = percent_text(self._overall.get(ret.agency_id))
        else:
            text = cell_text(scale, self.score(row, col))
        if self.show_trend:
            mark = TREND_MARKS.get(self.trend(row, col), "")
            if mark:
                text = f"{text} {mark}"
        return text

    def band(self, row: int, col: int) -> Band | None:
        if col == self.col_overall:
            return band_for_percent(self._overall.get(self._rows[row].agency_id))
        score = self.score(row, col)
        return band_for(self.round.rating_scale, score) if score is not None else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        row, col = index.row(), index.column()
        ret: AuditReturn = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == ID_ROLE:
            return ret.id
        if role == RECORD_ROLE:
            return ret
        if role == AGENCY_ROLE:
            return ret.agency_id
        if role == STANDARD_ROLE:
            standard = self.standard_at(col)
            return standard.number if standard is not None else None
        if role == SCORE_ROLE:
            return self.score(row, col)
        if role == TREND_ROLE:
            return self.trend(row, col)
        if role == SORT_ROLE:
            if col == self.COL_AGENCY:
                return self._display(row, col).lower()
            if col == self.COL_STATUS:
                return list(ReturnStatus).index(self.status(ret))
            if col == self.col_overall:
                value = self._overall.get(ret.agency_id)
            else:
                score = self.score(row, col)
                value = score.percent if score is not None else None
            return -1.0 if value is None else float(value)
        band = self.band(row, col) if col >= self.FIRST_STANDARD else None
        if role == BAND_ROLE:
            return band.key if band is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if band is not None and band.background:
                return QBrush(QColor(band.background))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if band is not None and band.foreground:
                return QBrush(QColor(band.foreground))
            if col == self.COL_STATUS and self.status(ret) is ReturnStatus.OVERDUE:
                return QBrush(QColor("#b3261e"))
            if col >= self.FIRST_STANDARD or (col == self.COL_STATUS and self.status(ret) in (
                    ReturnStatus.OUTSTANDING, ReturnStatus.NOT_ISSUED)):
                return _muted()
            return None
        if role == Qt.ItemDataRole.FontRole:
            if col == self.COL_STATUS and self.status(ret) is ReturnStatus.OVERDUE:
                return self._bold
            if col == self.col_overall:
                return self._bold
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col >= self.FIRST_STANDARD:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tooltip(row, col)
        return None

    # --- tooltips ------------------------------------------------------------------------
    def tooltip(self, row: int, col: int) -> str:
        ret: AuditReturn = self._rows[row]
        rnd = self.round
        scale = rnd.rating_scale
        agency = self._agency_names.get(ret.agency_id, f"agency {ret.agency_id}")
        if col == self.COL_AGENCY:
            lines = [agency]
            if ret.lead_name:
                lines.append(f"Lead contact: {ret.lead_name}" + (f" <{ret.lead_email}>" if ret.lead_email else ""))
            if ret.substitute_name:
                lines.append(f"Substitute: {ret.substitute_name}")
            lines.append("Click to open the return.")
            return "\n".join(lines)
        if col == self.COL_STATUS:
            return self._status_tip(ret)
        if col == self.col_overall:
            lines = [(f"{agency}: overall {percent_text(self._overall.get(ret.agency_id))}"
                      " (the mean of its standards' scores, n/a left out)")]
            self._trend_lines(lines, ret.agency_id, None)
            return "\n".join(lines)
        standard = self.standard_at(col)
        score = self.score(row, col)
        lines = [f"{agency} — standard {standard.label}"]
        if self.status(ret) in (ReturnStatus.OUTSTANDING, ReturnStatus.OVERDUE, ReturnStatus.NOT_ISSUED):
            lines.append(f"The return has not been received ({STATUS_WORDS[self.status(ret)].lower()}).")
        own = ret.rating(standard.number)
        subs = [(c, ret.rating(standard.number, c.code)) for c in standard.criteria]
        if own is not None and (own.self_value is not None or own.moderated_value is not None):
            lines += self._rating_lines(scale, own)
        rated_subs = [(c, r) for c, r in subs if r is not None]
        if rated_subs:
            lines.append("Sub-criteria:")
            for c, r in rated_subs:
                lines.append(f"  {c.code}  self {value_words(scale, r.self_value)}; "
                             f"moderated {value_words(scale, r.moderated_value)}")
        if score is not None and single_value(score) is None and score.percent is not None:
            lines.append(f"Score worked out from {plural(score.rated, 'rating')}: {score.percent:.0f}% of the top "
                         f"of the scale ({BASIS_WORDS[self.basis].lower()}).")
        for label, text in self._notes(own):
            lines.append(f"{label}: {text}")
        if own is None and not rated_subs:
            lines.append("No rating recorded.")
        self._trend_lines(lines, ret.agency_id, standard.number)
        lines.append("Click to open the return at this standard.")
        return "\n".join(lines)

    @staticmethod
    def _rating_lines(scale: RatingScale, rating) -> list[str]:
        lines = [f"Self-assessed: {value_words(scale, rating.self_value)}"]
        if rating.self_value == NOT_APPLICABLE and rating.self_na_reason:
            lines[-1] += f" — {rating.self_na_reason}"
        lines.append(f"Moderated by the panel: {value_words(scale, rating.moderated_value)}")
        if rating.moderated_value == NOT_APPLICABLE and rating.moderated_na_reason:
            lines[-1] += f" — {rating.moderated_na_reason}"
        return lines

    @staticmethod
    def _notes(rating) -> list[tuple[str, str]]:
        if rating is None:
            return []
        return [(label, text) for label, text in (
            ("Evidence", rating.evidence),
            ("Areas for improvement", rating.improvement),
            ("Panel's comments", rating.panel_comments),
        ) if text]

    def _trend_lines(self, lines: list[str], agency_id: int, standard: int | None) -> None:
        cell = self._comparison_cell(agency_id, standard)
        if cell is None:
            return
        if cell.trend is Trend.NOT_COMPARABLE:
            lines.append(f"Last round ({self._previous_name}): not comparable (not rated in one of the rounds).")
        else:
            lines.append(
                f"Last round ({self._previous_name}): {percent_text(cell.previous_percent)} → now "
                f"{percent_text(cell.current_percent)}, {TREND_WORDS[cell.trend]}."
            )

    def _status_tip(self, ret: AuditReturn) -> str:
        rnd = self.round
        lines = [f"{STATUS_WORDS[self.status(ret)]}."]
        if ret.issued:
            lines.append(f"Issued {format_date(ret.issued)}; deadline {format_date(rnd.deadline)}.")
        if ret.reminders:
            lines.append(f"{plural(len(ret.reminders), 'reminder')} sent, the last on {format_date(ret.last_reminder)}.")
        if ret.received:
            lines.append(f"Received {format_date(ret.received)}.")
        if ret.reviewed:
            lines.append(f"Reviewed by the panel {format_date(ret.reviewed)}"
                         + (f": {ret.panel_outcome}" if ret.panel_outcome else "") + ".")
        return "\n".join(lines)


# --- overdue returns -----------------------------------------------------------------------
class OverdueReturnsModel(_RecordTableModel):
    """Returns past their deadline and not received: who to chase."""

    COL_AGENCY, COL_LEAD, COL_DEADLINE, COL_DAYS, COL_REMINDERS = range(5)
    HEADERS = ("Agency", "Lead contact", "Deadline", "Days overdue", "Reminders sent")
    HEADER_TIPS: ClassVar[dict[int, str]] = {COL_REMINDERS: "How many reminders have been recorded, and the last one's date"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._agency_names: dict[int, str] = {}
        self._deadline: dt.date | None = None
        self._today = dt.date.today()

    def set_rows(self, returns: Iterable[AuditReturn], agency_names: Mapping[int, str],
                 deadline: dt.date | None, today: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(returns)
        self._agency_names = dict(agency_names)
        self._deadline = deadline
        self._today = today
        self.endResetModel()

    def days_overdue(self, ret: AuditReturn) -> int:
        return (self._today - self._deadline).days if self._deadline else 0

    def _display(self, ret: AuditReturn, col: int) -> str:
        if col == self.COL_AGENCY:
            return self._agency_names.get(ret.agency_id, f"agency {ret.agency_id}")
        if col == self.COL_LEAD:
            return ret.lead_name or ret.substitute_name or "no contact recorded"
        if col == self.COL_DEADLINE:
            return format_date(self._deadline)
        if col == self.COL_DAYS:
            return str(self.days_overdue(ret))
        if col == self.COL_REMINDERS:
            if not ret.reminders:
                return "none"
            return f"{len(ret.reminders)} (last {ret.last_reminder:%d %b})"
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        ret: AuditReturn = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(ret, col)
        if role == ID_ROLE:
            return ret.id
        if role == RECORD_ROLE:
            return ret
        if role == AGENCY_ROLE:
            return ret.agency_id
        if role == SORT_ROLE:
            if col == self.COL_DAYS:
                return self.days_overdue(ret)
            if col == self.COL_REMINDERS:
                return len(ret.reminders)
            return self._display(ret, col).lower()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_DAYS,):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_LEAD and not (ret.lead_name or ret.substitute_name):
            return _muted()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_LEAD:
                parts = []
                if ret.lead_name:
                    parts.append(f"Lead: {ret.lead_name}" + (f" <{ret.lead_email}>" if ret.lead_email else ""))
                if ret.substitute_name:
                    parts.append(f"Substitute: {ret.substitute_name}"
                                 + (f" <{ret.substitute_email}>" if ret.substitute_email else ""))
                return "\n".join(parts) or "No lead contact recorded: open the return to add one."
            if col == self.COL_REMINDERS and ret.reminders:
                return "\n".join(f"{format_date(r.sent_on)}" + (f" — {r.note}" if r.note else "")
                                 for r in ret.reminders)
            return self._display(ret, col) or None
        return None


# --- overdue action-plan items -------------------------------------------------------------
class OverdueActionsModel(_RecordTableModel):
    """Action-plan items past their due date and not done or dropped."""

    COL_AGENCY, COL_ACTION, COL_OWNER, COL_DUE, COL_DAYS, COL_STANDARD = range(6)
    HEADERS = ("Agency", "Action", "Owner", "Due", "Days overdue", "Standard")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._agency_of: dict[int, int] = {}  # return id -> agency id
        self._agency_names: dict[int, str] = {}
        self._round_of: dict[int, str] = {}  # return id -> round name, for actions of other rounds
        self._today = dt.date.today()

    def set_rows(self, actions: Iterable[ActionItem], agency_of_return: Mapping[int, int],
                 agency_names: Mapping[int, str], today: dt.date,
                 round_of_return: Mapping[int, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(actions)
        self._agency_of = dict(agency_of_return)
        self._agency_names = dict(agency_names)
        self._round_of = dict(round_of_return or {})
        self._today = today
        self.endResetModel()

    def return_id(self, row: int) -> int | None:
        return self._rows[row].return_id

    def _agency(self, item: ActionItem) -> str:
        agency_id = self._agency_of.get(item.return_id)
        return self._agency_names.get(agency_id, "") if agency_id is not None else ""

    def _display(self, item: ActionItem, col: int) -> str:
        if col == self.COL_AGENCY:
            return self._agency(item)
        if col == self.COL_ACTION:
            return item.action
        if col == self.COL_OWNER:
            return item.owner
        if col == self.COL_DUE:
            return format_date(item.due)
        if col == self.COL_DAYS:
            return str((self._today - item.due).days) if item.due else ""
        if col == self.COL_STANDARD:
            return f"S{item.standard}" if item.standard is not None else ""
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        item: ActionItem = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == ID_ROLE:
            return item.id
        if role == RECORD_ROLE:
            return item
        if role == SORT_ROLE:
            if col == self.COL_DUE:
                return item.due.isoformat() if item.due else "9999"
            if col == self.COL_DAYS:
                return (self._today - item.due).days if item.due else -1
            if col == self.COL_STANDARD:
                return item.standard if item.standard is not None else 0
            return self._display(item, col).lower()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [item.action, f"Owner: {item.owner or 'not named'}",
                     f"Due {format_date(item.due)} — {ActionStatus(item.status).value}"]
            if item.return_id in self._round_of:
                lines.append(f"From {self._round_of[item.return_id]}")
            if item.notes:
                lines.append(item.notes)
            lines.append("Click to open the agency's return at its action plan.")
            return "\n".join(lines)
        return None


# --- rows that name agencies ------------------------------------------------------------------
class _AgencyRowsModel(_RecordTableModel):
    """Rows shown with the agencies' names (the weakest standards, the comparison)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._agency_names: dict[int, str] = {}

    def set_rows(self, rows: Iterable[Any], agency_names: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._agency_names = dict(agency_names)
        self.endResetModel()


# --- the weakest standards -----------------------------------------------------------------
class WeakestStandardsModel(_AgencyRowsModel):
    """The round's standards, weakest first, with their mean score across agencies."""

    COL_RANK, COL_STANDARD, COL_MEAN, COL_RATED, COL_LOWEST = range(5)
    HEADERS = ("#", "Standard", "Mean", "Rated by", "Lowest")
    HEADER_TIPS: ClassVar[dict[int, str]] = {
        COL_MEAN: "The mean of the agencies' scores for the standard, as a percentage of the top of the scale",
        COL_RATED: "How many agencies rated it (n/a and unrated left out)",
        COL_LOWEST: "The agencies with the lowest score for it",
    }

    def row_of(self, record_id: int | None) -> int:
        for row, s in enumerate(self._rows):
            if s.number == record_id:
                return row
        return -1

    def _display(self, row: int, col: int) -> str:
        s: StandardStanding = self._rows[row]
        if col == self.COL_RANK:
            return str(row + 1)
        if col == self.COL_STANDARD:
            return f"{s.number}. {s.title}"
        if col == self.COL_MEAN:
            return percent_text(s.mean_percent)
        if col == self.COL_RATED:
            return str(s.agencies_rated)
        if col == self.COL_LOWEST:
            if s.lowest_percent is None:
                return ""
            names = [self._agency_names.get(a, str(a)) for a in s.lowest_agency_ids]
            shown = ", ".join(names[:2]) + (f" +{len(names) - 2}" if len(names) > 2 else "")
            return f"{percent_text(s.lowest_percent)}: {shown}"
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        s: StandardStanding = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), col)
        if role == ID_ROLE:
            return s.number
        if role == RECORD_ROLE:
            return s
        if role == STANDARD_ROLE:
            return s.number
        if role == SORT_ROLE:
            if col in (self.COL_RANK, self.COL_MEAN):
                return -1.0 if s.mean_percent is None else s.mean_percent
            if col == self.COL_RATED:
                return s.agencies_rated
            if col == self.COL_LOWEST:
                return -1.0 if s.lowest_percent is None else s.lowest_percent
            return self._display(index.row(), col).lower()
        if col == self.COL_MEAN:
            band = band_for_percent(s.mean_percent)
            if role == Qt.ItemDataRole.BackgroundRole and band.background:
                return QBrush(QColor(band.background))
            if role == Qt.ItemDataRole.ForegroundRole and band.foreground:
                return QBrush(QColor(band.foreground))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_RANK, self.COL_MEAN, self.COL_RATED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"Standard {s.number}. {s.title}",
                     f"Mean across {plural(s.agencies_rated, 'agency', 'agencies')}: {percent_text(s.mean_percent)}"]
            if s.not_applicable:
                lines.append(f"Not applicable for {plural(s.not_applicable, 'agency', 'agencies')}.")
            if s.counts:
                lines.append("Ratings: " + ", ".join(f"{v}: {n}" for v, n in s.counts.items()))
            if s.lowest_agency_ids:
                lines.append("Lowest: " + ", ".join(self._agency_names.get(a, str(a)) for a in s.lowest_agency_ids))
            return "\n".join(lines)
        return None


# --- the change since the previous round ---------------------------------------------------
@dataclass(frozen=True)
class AgencyChange:
    agency_id: int
    overall: ComparisonCell
    improved: int
    same: int
    worse: int


def agency_changes(comparison: RoundComparison) -> list[AgencyChange]:
    out = []
    for overall in comparison.overall:
        cells = [c for c in comparison.cells if c.agency_id == overall.agency_id]
        out.append(AgencyChange(
            overall.agency_id, overall,
            improved=sum(1 for c in cells if c.trend is Trend.IMPROVED),
            same=sum(1 for c in cells if c.trend is Trend.SAME),
            worse=sum(1 for c in cells if c.trend is Trend.WORSE),
        ))
    return out


class ComparisonModel(_AgencyRowsModel):
    """Per agency: its overall score last round and now, and how many standards moved which way."""

    COL_AGENCY, COL_BEFORE, COL_NOW, COL_CHANGE, COL_STANDARDS = range(5)
    HEADERS = ("Agency", "Last round", "This round", "Change", "Standards ▲ / = / ▼")
    HEADER_TIPS: ClassVar[dict[int, str]] = {
        COL_CHANGE: "Percentage points gained (+) or lost (−) overall",
        COL_STANDARDS: "How many standards improved, stayed the same or got worse",
    }

    def row_of(self, record_id: int | None) -> int:
        return next((i for i, c in enumerate(self._rows) if c.agency_id == record_id), -1)

    def _display(self, c: AgencyChange, col: int) -> str:
        if col == self.COL_AGENCY:
            return self._agency_names.get(c.agency_id, f"agency {c.agency_id}")
        if col == self.COL_BEFORE:
            return percent_text(c.overall.previous_percent)
        if col == self.COL_NOW:
            return percent_text(c.overall.current_percent)
        if col == self.COL_CHANGE:
            change = c.overall.change
            if change is None:
                return "not comparable"
            mark = TREND_MARKS[c.overall.trend]
            return f"{mark} {change:+.0f} points".replace("-", "−")
        if col == self.COL_STANDARDS:
            return f"{c.improved} ▲   {c.same} =   {c.worse} ▼"
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        c: AgencyChange = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(c, col)
        if role == ID_ROLE:
            return c.agency_id
        if role == RECORD_ROLE:
            return c
        if role == TREND_ROLE:
            return c.overall.trend
        if role == SORT_ROLE:
            if col == self.COL_BEFORE:
                return -1.0 if c.overall.previous_percent is None else c.overall.previous_percent
            if col == self.COL_NOW:
                return -1.0 if c.overall.current_percent is None else c.overall.current_percent
            if col == self.COL_CHANGE:
                return -1000.0 if c.overall.change is None else c.overall.change
            if col == self.COL_STANDARDS:
                return c.improved - c.worse
            return self._display(c, col).lower()
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_CHANGE:
            if c.overall.trend is Trend.IMPROVED:
                return QBrush(QColor("#1b5e20"))
            if c.overall.trend is Trend.WORSE:
                return QBrush(QColor("#b3261e"))
            return _muted()
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.COL_AGENCY:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(c, col) or None
        return None


# --- a return's action plan (in the return dialog) -----------------------------------------
class ActionPlanModel(_RecordTableModel):
    """The action plan being edited in the return dialog (items not yet saved have no id)."""

    COL_ACTION, COL_OWNER, COL_DUE, COL_STATUS, COL_CLOSED, COL_STANDARD = range(6)
    HEADERS = ("Action", "Owner", "Due", "Status", "Closed", "Standard")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._today = dt.date.today()

    def set_rows(self, items: Sequence[ActionItem], today: dt.date | None = None) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self._today = today or dt.date.today()
        self.endResetModel()

    def items(self) -> list[ActionItem]:
        return list(self._rows)

    def append(self, item: ActionItem) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(item)
        self.endInsertRows()
        return row

    def replace(self, row: int, item: ActionItem) -> None:
        self._rows[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _display(self, item: ActionItem, col: int) -> str:
        if col == self.COL_ACTION:
            return item.action or "(new action: say what will be done)"
        if col == self.COL_OWNER:
            return item.owner
        if col == self.COL_DUE:
            return format_date(item.due)
        if col == self.COL_STATUS:
            text = ActionStatus(item.status).value.capitalize()
            return text + (" — overdue" if item.is_overdue(self._today) else "")
        if col == self.COL_CLOSED:
            return format_date(item.closed)
        if col == self.COL_STANDARD:
            return f"S{item.standard}" if item.standard is not None else ""
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        item: ActionItem = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, col)
        if role == ID_ROLE:
            return item.id
        if role == RECORD_ROLE:
            return item
        if role == SORT_ROLE:
            return self._display(item, col).lower()
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_STATUS and item.is_overdue(self._today):
                return QBrush(QColor("#b3261e"))
            if not item.action or ActionStatus(item.status).closed:
                return _muted()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(item, col) or None
        return None


def basis_choices() -> list[tuple[str, Basis]]:
    return [(BASIS_WORDS[b], b) for b in (Basis.SELF, Basis.MODERATED, Basis.EFFECTIVE)]


def round_summary_text(rnd: AuditRound, today: dt.date) -> str:
    """'0–3 score · issued 17 Sep 2026 · deadline 5 Nov 2026 (3 weeks ago) · panels 19 Nov, 17 Dec 2026'."""
    scale = rnd.rating_scale
    days = (rnd.deadline - today).days
    if days > 0:
        when = f"in {plural(days, 'day')}"
    elif days == 0:
        when = "today"
    else:
        when = f"{plural(-days, 'day')} ago"
    parts = [f"{len(rnd.standards)} standards ({rnd.framework_name}, version {rnd.framework_version})",
             f"{scale.label} scale",
             f"issued {format_date(rnd.issued)}",
             f"deadline {format_date(rnd.deadline)} ({when})"]
    if rnd.panel_dates:
        parts.append("panel " + ", ".join(format_date(d) for d in rnd.panel_dates))
    return " · ".join(parts)


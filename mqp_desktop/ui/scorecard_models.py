"""Qt models of the Scorecard page, and the words and numbers they show.

* :class:`ScorecardModel` — the scorecard for a period: one row per indicator, grouped under
  its theme (a tree of two levels) or flat; behind :class:`ScorecardProxy` (sorting within
  each theme, the search box).
* :class:`ValuesGridModel` — the values grid: indicators (or one indicator's partnership,
  agency and comparator rows) x periods, editable; it writes through a ``writer`` its page is
  given and never touches the database itself.
* :class:`RevisionsModel`, :class:`AgencyFiguresModel` — the detail pane's lists.
* :class:`ChartData` and :func:`chart_data` — what an indicator's chart shows (plain data,
  read back by the tests rather than pixels).

Same conventions as :mod:`mqp_desktop.ui.models`: ``COL_*`` constants, rows replaced whole
inside ``beginResetModel``/``endResetModel``, the shared roles (``ID_ROLE`` the indicator's id,
``RECORD_ROLE`` the :class:`ScorecardRow`, ``SORT_ROLE``, ``SEARCH_ROLE``) and these:
``RAG_ROLE`` (the chip's key: green, amber, red, no target, no value), ``TRAVEL_ROLE`` (a
:class:`Travel`), ``SPARK_ROLE`` (a :class:`Spark`), ``GROUP_ROLE`` (True on a theme's row).

Colour never stands alone: the RAG chip prints its word, travel prints its arrow and word, and
every coloured or painted cell has the same in its tooltip and accessible text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from mqp_desktop.domain.performance import (
    EXCEPTION_RED,
    EXCEPTION_WORSENING,
    SPARKLINE_PERIODS,
    Comparators,
    Direction,
    Indicator,
    IndicatorValue,
    Rag,
    Revision,
    ScorecardRow,
    Theme,
    Travel,
    Unit,
    check_number,
    format_value,
)
from mqp_desktop.domain.periods import Frequency, Period
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SEARCH_ROLE, SORT_ROLE, _muted, format_date

if TYPE_CHECKING:
    from mqp_desktop.store.performance import PerformanceRepo

RAG_ROLE = Qt.ItemDataRole.UserRole + 60
TRAVEL_ROLE = Qt.ItemDataRole.UserRole + 61
SPARK_ROLE = Qt.ItemDataRole.UserRole + 62
GROUP_ROLE = Qt.ItemDataRole.UserRole + 63
CELL_ROLE = Qt.ItemDataRole.UserRole + 64

_Index = QModelIndex | QPersistentModelIndex
NONE_TEXT = "—"
# How many periods a chart shows: as many as its axis can label at 150% scaling (eight quarters
# cover this one and the same quarter last year; a year of months).
CHART_PERIODS = {Frequency.QUARTERLY: 8, Frequency.MONTHLY: 12, Frequency.ANNUAL: 8}

def role_data(index: _Index, role: int) -> Any:
    """``index``'s data for ``role``, read from the Python model behind any proxies. Delegates read
    their roles this way while painting: PySide6 6.12.0 drops a reference to None each time an empty
    QVariant comes back to Python through ``index.data()``, and enough of those abort the interpreter."""
    model = index.model()
    while isinstance(model, QAbstractProxyModel):
        index = model.mapToSource(index)
        model = model.sourceModel()
    if model is None or not index.isValid():
        return None
    return model.data(index, role)


# --- words -----------------------------------------------------------------------------------------
NO_TARGET, NO_VALUE = "no target", "no value"
RAG_KEYS = ("red", "amber", "green", NO_TARGET, NO_VALUE)
RAG_WORDS = {"green": "Green", "amber": "Amber", "red": "Red", NO_TARGET: "No target", NO_VALUE: "No value"}
RAG_ORDER = {key: n for n, key in enumerate(RAG_KEYS)}


@dataclass(frozen=True)
class Chip:
    background: str
    foreground: str
    border: str


CHIPS = {
    "green": Chip("#d3ecd5", "#12461a", "#3f8f4a"),
    "amber": Chip("#fde7b0", "#4f3600", "#c08a12"),
    "red": Chip("#f7cdc9", "#6e1410", "#c0392b"),
    NO_TARGET: Chip("#e6e6e6", "#333333", "#9a9a9a"),
    NO_VALUE: Chip("#f4f4f4", "#555555", "#b5b5b5"),
}

DIRECTION_WORDS = {
    Direction.HIGHER: "Higher is better",
    Direction.LOWER: "Lower is better",
    Direction.NEITHER: "Neither (context only: no RAG)",
}
UNIT_WORDS = {
    Unit.NUMBER: "Number",
    Unit.PERCENTAGE: "Percentage",
    Unit.RATE: "Rate per 10,000 children",
    Unit.DAYS: "Days",
}
FREQUENCY_WORDS = {Frequency.MONTHLY: "Monthly", Frequency.QUARTERLY: "Quarterly", Frequency.ANNUAL: "Annual"}
PERIOD_NOUNS = {Frequency.MONTHLY: ("month", "months"), Frequency.QUARTERLY: ("quarter", "quarters"),
                Frequency.ANNUAL: ("year", "years")}
COMPARATOR_NAMES = {"england": "England", "region": "Region", "statistical_neighbours": "Statistical neighbours"}

BETTER_COLOUR, WORSE_COLOUR = "#1b5e20", "#a52714"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def rag_key(row: ScorecardRow) -> str:
    """The chip's key: green, amber, red, 'no target' (none set, or direction 'neither') or 'no value'."""
    if row.rag is not Rag.GREY:
        return row.rag.value
    ind = row.indicator
    if ind.target is None or ind.direction is Direction.NEITHER:
        return NO_TARGET
    return NO_VALUE


def tolerance_text(ind: Indicator) -> str:
    """The amber band's width: '2 points' for a percentage (not '2%', a share of the target)."""
    if not ind.tolerance:
        return "none"
    if ind.unit is Unit.PERCENTAGE:
        return f"{format_value(ind.tolerance, Unit.NUMBER)} points"
    return format_value(ind.tolerance, ind.unit)


def band_words(ind: Indicator) -> str:
    """'Green at 85% or more; amber from 80% up to 85%; red below 80%.'"""
    if ind.direction is Direction.NEITHER:
        return "No RAG: the direction is 'neither', so the figure is shown for context only."
    if ind.target is None:
        return "No RAG: there is no target."
    f, t, tol = ind.format, ind.target, ind.tolerance or 0
    if ind.direction is Direction.HIGHER:
        if not tol:
            return f"Green at {f(t)} or more; red below {f(t)} (no amber band)."
        return f"Green at {f(t)} or more; amber from {f(t - tol)} up to {f(t)}; red below {f(t - tol)}."
    if not tol:
        return f"Green at {f(t)} or less; red above {f(t)} (no amber band)."
    return f"Green at {f(t)} or less; amber above {f(t)} up to {f(t + tol)}; red above {f(t + tol)}."


def rag_explanation(row: ScorecardRow) -> str:
    key = rag_key(row)
    ind = row.indicator
    if key == NO_TARGET:
        return ("No target: the direction is 'neither' (context only)" if ind.direction is Direction.NEITHER
                else "No target is set, so there is no RAG rating") + "."
    if key == NO_VALUE:
        return f"No value for {row.period.label()}, so there is no RAG rating."
    return f"{RAG_WORDS[key]}: {ind.format(row.value)} against a target of {ind.format(ind.target)}. {band_words(ind)}"


def exception_mark(row: ScorecardRow) -> str:
    """The table's short word for why it is an exception: 'Red', 'Worsening', 'Red, worsening' ('' when it
    is not one); :func:`exception_words` says it in full (tooltip, detail heading)."""
    parts = ["worsening" if r == EXCEPTION_WORSENING else r for r in row.exception_reasons]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def exception_words(row: ScorecardRow) -> str:
    """'Red', 'Worse 3 quarters running', or both; '' when it is not an exception."""
    parts = []
    for reason in row.exception_reasons:
        if reason == EXCEPTION_RED:
            parts.append("red")
        elif reason == EXCEPTION_WORSENING:
            parts.append(f"worse 3 {PERIOD_NOUNS[row.indicator.frequency][1]} running")
        else:
            parts.append(reason)
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def compact_label(period: Period, separator: str = " ") -> str:
    """A chart axis's label: 'Q2 26-27', 'Sep 26', '2025-26' (``separator`` between the parts: a
    line break on the chart's axis)."""
    if period.frequency is Frequency.QUARTERLY:
        fy = period.fy_start_year
        return f"Q{period.fy_quarter_number}{separator}{fy % 100:02d}-{(fy + 1) % 100:02d}"
    if period.frequency is Frequency.MONTHLY:
        return f"{period.start:%b}{separator}{period.start:%y}"
    return period.key


TRAVEL_ARROWS = {Travel.SAME: "=", Travel.NONE: NONE_TEXT, Travel.UP: "▲", Travel.DOWN: "▼"}
TRAVEL_ORDER = {Travel.WORSE: 0, Travel.SAME: 1, Travel.UP: 1, Travel.DOWN: 1, Travel.BETTER: 2, Travel.NONE: 3}


def travel_text(travel: Travel, current: float | None, earlier: float | None) -> str:
    """What a travel cell prints: the arrow of the value's move and the word ('▲ worse', '▼ better',
    '= same', '▲ up', '—')."""
    if travel in (Travel.BETTER, Travel.WORSE):
        arrow = "▲" if (current or 0) > (earlier or 0) else "▼"
        return f"{arrow} {travel.value}"
    if travel is Travel.NONE:
        return NONE_TEXT
    return f"{TRAVEL_ARROWS[travel]} {travel.value}"


def travel_sentence(ind: Indicator, travel: Travel, current: float | None, earlier: float | None,
                    earlier_period: Period) -> str:
    """The tooltip and accessible text: 'Worse than Q1 2026-27: up from 22.3% to 24.1% (lower is better).'"""
    when = earlier_period.label()
    if travel is Travel.NONE:
        if current is None:
            return "No value this period to compare."
        return f"No value for {when} to compare with."
    if travel is Travel.SAME:
        return f"The same as {when} ({ind.format(current)})."
    move = "up" if current > earlier else "down"  # type: ignore[operator]
    moved = f"{move} from {ind.format(earlier)} to {ind.format(current)}"
    if travel in (Travel.UP, Travel.DOWN):
        return f"{move.capitalize()} on {when}: {moved} (neither direction is better)."
    better = "higher" if ind.direction is Direction.HIGHER else "lower"
    return f"{travel.value.capitalize()} than {when}: {moved} ({better} is better)."


def counts_text(rows: Sequence[ScorecardRow]) -> str:
    """'12 green · 5 amber · 3 red · 4 no target' (and '· 1 no value' when any)."""
    n = Counter(rag_key(r) for r in rows)
    parts = [f"{n['green']} green", f"{n['amber']} amber", f"{n['red']} red", f"{n[NO_TARGET]} no target"]
    if n[NO_VALUE]:
        parts.append(f"{n[NO_VALUE]} no value")
    return " · ".join(parts)


@dataclass(frozen=True)
class Spark:
    """A sparkline's numbers: the last values, oldest first (None where missing), and what the
    last point's RAG was (its colour)."""

    values: tuple[float | None, ...]
    target: float | None
    rag: str
    words: str


def spark_of(row: ScorecardRow) -> Spark:
    ind = row.indicator
    noun = PERIOD_NOUNS[ind.frequency][1]
    told = ", ".join(f"{p.short_label()} {ind.format(v) if v is not None else 'no value'}" for p, v in row.sparkline)
    return Spark(tuple(v for _p, v in row.sparkline), ind.target if ind.direction is not Direction.NEITHER else None,
                 rag_key(row), f"Last {len(row.sparkline)} {noun}: {told}.")


# --- the scorecard ---------------------------------------------------------------------------------
_CACHED_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, SORT_ROLE, RAG_ROLE, SPARK_ROLE,
                           Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole))


class ScorecardModel(QAbstractItemModel):
    """The scorecard for one period: themes and their indicators (``grouped``), or indicators only."""

    (COL_CODE, COL_TITLE, COL_VALUE, COL_TARGET, COL_RAG, COL_PREVIOUS, COL_LAST_YEAR, COL_TREND, COL_ENGLAND,
     COL_REGION, COL_NEIGHBOURS, COL_NOTES, COL_EXCEPTION) = range(13)
    # two-line headers keep the numeric columns narrow, so the title has the room
    HEADERS = ("Code", "Indicator", "Value", "Target", "RAG", "vs\nprevious", "vs same\nlast year",
               f"Last {SPARKLINE_PERIODS}\nperiods", "England", "Region", "Stat.\nneighbours", "Notes", "Exception")
    HEADER_TIPS: ClassVar[dict[int, str]] = {
        COL_CODE: "Right-click the headings to hide or show columns",
        COL_TITLE: "Right-click the headings to hide or show columns",
        COL_VALUE: "The figure for the period chosen (a monthly indicator: the period's last month)",
        COL_RAG: "Red, amber or green against the target and its tolerance; 'No target' where there is none",
        COL_PREVIOUS: "Direction of travel against the period before: the arrow is the figure's move, the word "
                      "says whether that is better or worse",
        COL_LAST_YEAR: "Direction of travel against the same period a year earlier",
        COL_TREND: f"The last {SPARKLINE_PERIODS} periods' values; the dot is this period, coloured by its RAG; "
                   "the dashed line is the target",
        COL_ENGLAND: "England's figure for the same period, where known",
        COL_REGION: "The region's figure (London) for the same period, where known",
        COL_NEIGHBOURS: "The statistical neighbours' figure (their average) for the same period, where known",
        COL_NOTES: "✎ commentary written for this period · rev. the value was revised (see the detail below)",
        COL_EXCEPTION: "Why the indicator is an exception: red this period, or worsening (worse three periods "
                       "running)",
    }
    NUMERIC = (COL_VALUE, COL_TARGET, COL_ENGLAND, COL_REGION, COL_NEIGHBOURS)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[tuple[Theme | None, list[ScorecardRow]]] = []
        self._flat: list[ScorecardRow] = []
        self._cache: dict[tuple[int, int, int], Any] = {}  # (indicator id, column, role) -> data
        self.grouped = True
        self.period: Period | None = None

    # --- filling ----------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ScorecardRow], period: Period | None, *, grouped: bool = True) -> None:
        """Replace the scorecard (rows in theme order, as :meth:`PerformanceRepo.scorecard` gives them)."""
        self.beginResetModel()
        self._flat = list(rows)
        self._cache = {}
        self.period = period
        self.grouped = grouped
        self._groups = []
        if grouped:
            by_theme: dict[int | None, int] = {}
            for row in self._flat:
                key = row.theme.id if row.theme else None
                if key not in by_theme:
                    by_theme[key] = len(self._groups)
                    self._groups.append((row.theme, []))
                self._groups[by_theme[key]][1].append(row)
        self.endResetModel()

    @property
    def rows(self) -> list[ScorecardRow]:
        return list(self._flat)

    def update_row(self, row: ScorecardRow) -> bool:
        """Show ``row`` in place of the indicator's row shown (after its commentary was saved, say)."""
        ident = row.indicator.id
        self._cache = {k: v for k, v in self._cache.items() if k[0] != ident}
        for n, old in enumerate(self._flat):
            if old.indicator.id == ident:
                self._flat[n] = row
        for _theme, rows in self._groups:
            for n, old in enumerate(rows):
                if old.indicator.id == ident:
                    rows[n] = row
        first = self.index_of(ident)
        if not first.isValid():
            return False
        self.dataChanged.emit(first, first.siblingAtColumn(len(self.HEADERS) - 1))
        return True

    # --- structure --------------------------------------------------------------------------------
    # internalId: 0 for a top-level row (a theme when grouped, an indicator when flat); for an
    # indicator under a theme, the theme's row + 1.
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index | None = None):  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups) if self.grouped else len(self._flat)
        if self.grouped and parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self._groups):
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.HEADER_TIPS.get(section)
            if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def is_group(self, index: _Index) -> bool:
        return self.grouped and index.isValid() and index.internalId() == 0

    def row_at(self, index: _Index) -> ScorecardRow | None:
        if not index.isValid():
            return None
        if not self.grouped:
            return self._flat[index.row()] if index.row() < len(self._flat) else None
        if index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1][1]
        return group[index.row()] if index.row() < len(group) else None

    def index_of(self, indicator_id: int | None, column: int = 0) -> QModelIndex:
        """The index of an indicator's row (invalid when it is not shown)."""
        if indicator_id is None:
            return QModelIndex()
        if not self.grouped:
            for n, row in enumerate(self._flat):
                if row.indicator.id == indicator_id:
                    return self.index(n, column)
            return QModelIndex()
        for g, (_theme, rows) in enumerate(self._groups):
            for n, row in enumerate(rows):
                if row.indicator.id == indicator_id:
                    return self.index(n, column, self.index(g, 0))
        return QModelIndex()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- data -------------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if self.is_group(index):
            return self._group_data(index, role)
        row = self.row_at(index)
        if row is None:
            return None
        key = (row.indicator.id, index.column(), role)
        if key in self._cache:  # painting asks for the same few roles of every cell again and again
            return self._cache[key]
        value = self._row_data(row, index.column(), role)
        if role in _CACHED_ROLES:
            self._cache[key] = value
        return value

    def _row_data(self, row: ScorecardRow, col: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if role == Qt.ItemDataRole.AccessibleTextRole and col in (self.COL_PREVIOUS, self.COL_LAST_YEAR,
                                                                     self.COL_TREND, self.COL_RAG, self.COL_NOTES):
                return self._tooltip(row, col)
            return self._display(row, col)
        if role == SORT_ROLE:
            return self._sort_key(row, col)
        if role == ID_ROLE:
            return row.indicator.id
        if role == RECORD_ROLE:
            return row
        if role == GROUP_ROLE:
            return False
        if role == RAG_ROLE:
            return rag_key(row)
        if role == TRAVEL_ROLE:
            if col == self.COL_PREVIOUS:
                return row.travel_previous
            if col == self.COL_LAST_YEAR:
                return row.travel_last_year
            return None
        if role == SPARK_ROLE and col == self.COL_TREND:
            return spark_of(row)
        if role == SEARCH_ROLE:
            ind = row.indicator
            return " ".join((ind.code, ind.title, row.theme.name if row.theme else "", *ind.tags)).lower()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in self.NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == self.COL_NOTES:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.indicator.retired:
                return _muted()
            if col in (self.COL_PREVIOUS, self.COL_LAST_YEAR):
                travel = row.travel_previous if col == self.COL_PREVIOUS else row.travel_last_year
                if travel is Travel.BETTER:
                    return QBrush(QColor(BETTER_COLOUR))
                if travel is Travel.WORSE:
                    return QBrush(QColor(WORSE_COLOUR))
                return None
            if col == self.COL_EXCEPTION and row.exception:
                return QBrush(QColor(WORSE_COLOUR))
            if col in (self.COL_ENGLAND, self.COL_REGION, self.COL_NEIGHBOURS, self.COL_TARGET):
                return _muted()
            return None
        if role == Qt.ItemDataRole.FontRole:
            if col == self.COL_VALUE or (col == self.COL_EXCEPTION and row.exception):
                font = QFont()
                font.setBold(True)
                return font
            if row.indicator.retired:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        return None

    def _group_data(self, index: _Index, role: int) -> Any:
        theme, rows = self._groups[index.row()]
        name = theme.name if theme else "No theme"
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{name}  ({plural(len(rows), 'indicator')}: {counts_text(rows)})"
        if role == Qt.ItemDataRole.AccessibleTextRole and index.column() == 0:
            return f"Theme: {name}, {plural(len(rows), 'indicator')}: {counts_text(rows)}"
        if role == GROUP_ROLE:
            return True
        if role == SORT_ROLE:
            return theme.position if theme else 10**6
        if role == SEARCH_ROLE:
            return ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"{name}: {counts_text(rows)}"
        return None

    def _comparator(self, row: ScorecardRow, name: str) -> float | None:
        return getattr(row.comparators, name) if row.comparators is not None else None

    def _display(self, row: ScorecardRow, col: int) -> str:
        ind = row.indicator
        if col == self.COL_CODE:
            return ind.code
        if col == self.COL_TITLE:
            text = ind.title
            if self.period is not None and row.period.frequency is not self.period.frequency:
                text += f" — {row.period.short_label()}"
            if ind.retired:
                text += " (retired)"
            return text
        if col == self.COL_VALUE:
            return ind.format(row.value) if row.value is not None else NONE_TEXT
        if col == self.COL_TARGET:
            return ind.format(ind.target) if ind.target is not None else NONE_TEXT
        if col == self.COL_RAG:
            return RAG_WORDS[rag_key(row)]
        if col == self.COL_PREVIOUS:
            return travel_text(row.travel_previous, row.value, row.previous_value)
        if col == self.COL_LAST_YEAR:
            return travel_text(row.travel_last_year, row.value, row.last_year_value)
        if col == self.COL_TREND:
            return ""
        if col == self.COL_ENGLAND:
            return ind.format(self._comparator(row, "england"))
        if col == self.COL_REGION:
            return ind.format(self._comparator(row, "region"))
        if col == self.COL_NEIGHBOURS:
            return ind.format(self._comparator(row, "statistical_neighbours"))
        if col == self.COL_NOTES:
            marks = (["✎"] if row.commentary and row.commentary.text else []) + (["rev."] if row.revised else [])
            return " ".join(marks)
        if col == self.COL_EXCEPTION:
            return exception_mark(row)
        return ""

    def _sort_key(self, row: ScorecardRow, col: int) -> Any:
        def number(value: float | None) -> tuple[int, float]:
            return (1, 0.0) if value is None else (0, value)

        ind = row.indicator
        if col == self.COL_CODE:
            return ind.code.casefold()
        if col == self.COL_TITLE:
            return ind.title.casefold()
        if col == self.COL_VALUE:
            return number(row.value)
        if col == self.COL_TARGET:
            return number(ind.target)
        if col == self.COL_RAG:
            return (RAG_ORDER[rag_key(row)], ind.position)
        if col == self.COL_PREVIOUS:
            return (TRAVEL_ORDER[row.travel_previous], ind.position)
        if col == self.COL_LAST_YEAR:
            return (TRAVEL_ORDER[row.travel_last_year], ind.position)
        if col == self.COL_TREND:
            return (RAG_ORDER[rag_key(row)], ind.position)
        if col == self.COL_ENGLAND:
            return number(self._comparator(row, "england"))
        if col == self.COL_REGION:
            return number(self._comparator(row, "region"))
        if col == self.COL_NEIGHBOURS:
            return number(self._comparator(row, "statistical_neighbours"))
        if col == self.COL_NOTES:
            return (0 if row.commentary else 1, 0 if row.revised else 1, ind.position)
        if col == self.COL_EXCEPTION:
            return (-len(row.exception_reasons), ind.position)
        return ind.position

    def _tooltip(self, row: ScorecardRow, col: int) -> str | None:
        ind = row.indicator
        if col in (self.COL_CODE, self.COL_TITLE):
            parts = [ind.label]
            if row.theme:
                parts.append(f"Theme: {row.theme.name}")
            if ind.retired:
                parts.append(f"Retired on {format_date(ind.retired_on)}: {ind.retired_reason}")
            if ind.definition:
                parts.append(ind.definition if len(ind.definition) < 300 else ind.definition[:297] + "…")
            return "\n".join(parts)
        if col == self.COL_VALUE:
            if row.value is None:
                return f"No value for {row.period.label()}."
            text = f"{ind.format(row.value)} for {row.period.label()}"
            if row.revised:
                text += "\nThis value was revised: the detail below lists each change with its reason."
            return text
        if col == self.COL_TARGET:
            return band_words(ind)
        if col == self.COL_RAG:
            return rag_explanation(row)
        if col == self.COL_PREVIOUS:
            return travel_sentence(ind, row.travel_previous, row.value, row.previous_value, row.previous_period)
        if col == self.COL_LAST_YEAR:
            return travel_sentence(ind, row.travel_last_year, row.value, row.last_year_value, row.last_year_period)
        if col == self.COL_TREND:
            return spark_of(row).words
        if col in (self.COL_ENGLAND, self.COL_REGION, self.COL_NEIGHBOURS):
            name = {self.COL_ENGLAND: "england", self.COL_REGION: "region",
                    self.COL_NEIGHBOURS: "statistical_neighbours"}[col]
            value = self._comparator(row, name)
            if value is None:
                return f"{COMPARATOR_NAMES[name]}: not known for {row.period.label()}."
            return f"{COMPARATOR_NAMES[name]}: {ind.format(value)} for {row.period.label()}."
        if col == self.COL_NOTES:
            parts = []
            c = row.commentary
            if c is not None and c.text:
                excerpt = c.text if len(c.text) < 400 else c.text[:397] + "…"
                parts.append(f"Commentary by {c.author or 'someone'}: {excerpt}")
            if row.revised:
                parts.append("The value was revised: see Revisions below.")
            return "\n\n".join(parts) or "No commentary for this period."
        if col == self.COL_EXCEPTION:
            if not row.exception:
                return "Not an exception this period."
            return f"An exception this period: {exception_words(row).lower()}."
        return None


class ScorecardProxy(QSortFilterProxyModel):
    """Sorts the indicators within each theme (themes stay in their order); filters by words."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        haystack = model.data(index, SEARCH_ROLE) or ""
        return bool(haystack) and all(word in haystack for word in self._words)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        model = self.sourceModel()
        if model.data(left, GROUP_ROLE) and model.data(right, GROUP_ROLE):
            # themes keep their order whichever way the indicators are sorted
            a, b = model.data(left, SORT_ROLE), model.data(right, SORT_ROLE)
            return (a < b) if self.sortOrder() == Qt.SortOrder.AscendingOrder else (a > b)
        a, b = model.data(left, SORT_ROLE), model.data(right, SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


# --- the values grid -------------------------------------------------------------------------------
VALUE, COMPARATOR = "value", "comparator"


@dataclass(frozen=True)
class GridRow:
    """One row of the values grid: an indicator's partnership value (``agency_id`` None), one
    agency's value, or one comparator (``comparator``: england, region, statistical_neighbours)."""

    indicator: Indicator
    label: str
    kind: str = VALUE
    agency_id: int | None = None
    comparator: str = ""


@dataclass(frozen=True)
class GridCell:
    row: GridRow
    period: Period

    @property
    def words(self) -> str:
        """'OC1 Q2 2026-27', 'QT6 Q2 2026-27 (Police)', 'OC1 Q2 2026-27 England'."""
        ind = self.row.indicator
        text = f"{ind.code} {self.period.short_label()}"
        if self.row.kind == COMPARATOR:
            return f"{text} {COMPARATOR_NAMES[self.row.comparator]}"
        if self.row.agency_id is not None:
            return f"{text} ({self.row.label})"
        return text


@dataclass
class CellState:
    """What the grid knows of one cell as stored: the value, its row_version (0: none stored)."""

    value: float | None = None
    version: int = 0
    entered_by: str = ""
    entered_at: str = ""


class ValuesGridModel(QAbstractTableModel):
    """Rows (:class:`GridRow`) x periods, editable where the period has begun and the indicator is in use.

    ``writer(cell, value_or_none)`` saves a value typed into a cell and returns True when it was
    written at once (False: not saved, or waiting for a reason in a dialog); the page gives it.
    ``check(cell, text)`` returns why a typed text cannot be a value ('' when it can).
    """

    COL_LABEL = 0

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._periods: list[Period] = []
        self._cells: dict[tuple[int, int], CellState] = {}
        self._comparators: dict[tuple[int, Period], Comparators] = {}
        self.today = dt.date.today()
        self.writer: Callable[[GridCell, float | None], bool] | None = None
        self.check: Callable[[GridCell, str], str] = lambda _cell, _text: ""

    # --- filling ----------------------------------------------------------------------------------
    def set_grid(self, rows: Sequence[GridRow], periods: Sequence[Period],
                 values: Mapping[tuple[int, int | None, Period], IndicatorValue],
                 comparators: Mapping[tuple[int, Period], Comparators], today: dt.date | None = None) -> None:
        """``values``: (indicator id, agency id, period) -> the value as stored; ``comparators``:
        (indicator id, period) -> the comparators as stored."""
        self.beginResetModel()
        self._rows = list(rows)
        self._periods = list(periods)
        self.today = today or dt.date.today()
        self._comparators = dict(comparators)
        self._cells = {}
        for r, row in enumerate(self._rows):
            for c, period in enumerate(self._periods):
                self._cells[(r, c)] = self._state(row, period, values)
        self.endResetModel()

    def _state(self, row: GridRow, period: Period, values: Mapping) -> CellState:
        if row.kind == COMPARATOR:
            comp = self._comparators.get((row.indicator.id, period))
            if comp is None:
                return CellState()
            return CellState(getattr(comp, row.comparator), comp.row_version or 0)
        stored = values.get((row.indicator.id, row.agency_id, period))
        if stored is None:
            return CellState()
        return CellState(stored.value, stored.row_version or 0, stored.entered_by, stored.entered_at)

    @property
    def periods(self) -> list[Period]:
        return list(self._periods)

    @property
    def grid_rows(self) -> list[GridRow]:
        return list(self._rows)

    def cell(self, index: _Index) -> GridCell | None:
        if not index.isValid() or index.column() == self.COL_LABEL:
            return None
        return GridCell(self._rows[index.row()], self._periods[index.column() - 1])

    def state(self, index: _Index) -> CellState:
        return self._cells.get((index.row(), index.column() - 1), CellState())

    def comparators_at(self, indicator_id: int, period: Period) -> Comparators | None:
        return self._comparators.get((indicator_id, period))

    def index_of(self, cell: GridCell) -> QModelIndex:
        try:
            return self.index(self._rows.index(cell.row), self._periods.index(cell.period) + 1)
        except ValueError:
            return QModelIndex()

    def find(self, indicator_id: int, period: Period | None = None, *, agency_id: int | None = None,
             comparator: str = "") -> QModelIndex:
        """The index of an indicator's row (its partnership value unless told) at ``period`` (the label
        column when None)."""
        for r, row in enumerate(self._rows):
            if (row.indicator.id == indicator_id and row.agency_id == agency_id
                    and row.comparator == comparator):
                if period is None:
                    return self.index(r, 0)
                if period in self._periods:
                    return self.index(r, self._periods.index(period) + 1)
                return QModelIndex()
        return QModelIndex()

    # --- after a write ----------------------------------------------------------------------------
    def update_value(self, cell: GridCell, stored: IndicatorValue | None) -> None:
        index = self.index_of(cell)
        if not index.isValid():
            return
        self._cells[(index.row(), index.column() - 1)] = (
            CellState() if stored is None else
            CellState(stored.value, stored.row_version or 0, stored.entered_by, stored.entered_at))
        self.dataChanged.emit(index, index)

    def update_comparators(self, indicator_id: int, period: Period, stored: Comparators | None) -> None:
        if stored is None:
            self._comparators.pop((indicator_id, period), None)
        else:
            self._comparators[(indicator_id, period)] = stored
        for r, row in enumerate(self._rows):
            if row.kind == COMPARATOR and row.indicator.id == indicator_id and period in self._periods:
                c = self._periods.index(period)
                self._cells[(r, c)] = (CellState() if stored is None else
                                       CellState(getattr(stored, row.comparator), stored.row_version or 0))
                index = self.index(r, c + 1)
                self.dataChanged.emit(index, index)

    # --- Qt ---------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._periods) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if section == self.COL_LABEL:
                if role == Qt.ItemDataRole.DisplayRole:
                    return "Indicator"
                return None
            if not 0 < section <= len(self._periods):
                return None
            period = self._periods[section - 1]
            if role == Qt.ItemDataRole.DisplayRole:
                return period.short_label()
            if role == Qt.ItemDataRole.ToolTipRole:
                started = "" if self.editable_period(period) else " — has not begun: nothing can be entered yet"
                return period.label() + started
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def editable_period(self, period: Period) -> bool:
        return period.start <= self.today

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        cell = self.cell(index)
        if cell is not None and self.editable_period(cell.period) and not cell.row.indicator.retired:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        ind = row.indicator
        if index.column() == self.COL_LABEL:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.label
            if role == Qt.ItemDataRole.ToolTipRole:
                unit = UNIT_WORDS[ind.unit].lower()
                what = (f"{COMPARATOR_NAMES[row.comparator]}'s figure for {ind.code}" if row.kind == COMPARATOR
                        else f"{row.label}'s value of {ind.code}" if row.agency_id is not None else ind.label)
                return f"{what} ({unit}; {FREQUENCY_WORDS[ind.frequency].lower()})"
            if role == Qt.ItemDataRole.FontRole and (row.kind == COMPARATOR or row.agency_id is not None):
                font = QFont()
                font.setItalic(True)
                return font
            if role == ID_ROLE:
                return ind.id
            return None
        cell = self.cell(index)
        if cell is None:
            return None
        state = self.state(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return ind.format(state.value) if state.value is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            return f"{state.value:g}" if state.value is not None else ""
        if role == CELL_ROLE:
            return cell
        if role == ID_ROLE:
            return ind.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if not self.editable_period(cell.period) or ind.retired:
                return QBrush(QColor("#ececec"))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.kind == COMPARATOR:
            return _muted()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._tooltip(cell, state)
        return None

    def _tooltip(self, cell: GridCell, state: CellState) -> str:
        ind = cell.row.indicator
        what = f"{cell.words}: "
        if ind.retired:
            return what + "the indicator is retired; reinstate it to enter values."
        if not self.editable_period(cell.period):
            return what + f"{cell.period.label()} has not begun yet."
        if state.value is None:
            shown = "withdrawn" if state.version and cell.row.kind == VALUE else "no value"
            return what + shown + " — type a number and press Enter"
        text = what + ind.format(state.value)
        if state.entered_by:
            when = state.entered_at[:10]
            try:
                when = format_date(dt.date.fromisoformat(when))
            except ValueError:
                pass
            text += f" (entered by {state.entered_by}, {when})"
        return text + " — type a new number to change it (a reason is asked)"

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        cell = self.cell(index)
        if cell is None or self.writer is None:
            return False
        text = "" if value is None else str(value).strip()
        if self.check(cell, text):
            return False
        number = check_number(text, "value", "The value")
        return bool(self.writer(cell, number))


# --- the detail pane's lists -----------------------------------------------------------------------
class RevisionsModel(QAbstractTableModel):
    """Changes to values already entered, newest first: period, whose value, old → new, when, who, why."""

    COL_PERIOD, COL_FOR, COL_CHANGE, COL_WHEN, COL_WHO, COL_REASON = range(6)
    HEADERS = ("Period", "Value of", "Old → new", "When", "By", "Reason")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Revision] = []
        self._indicator: Indicator | None = None
        self._agencies: dict[int, str] = {}

    def set_rows(self, revisions: Iterable[Revision], indicator: Indicator | None,
                 agency_names: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._rows = sorted(revisions, key=lambda r: (r.revised_at, r.id or 0), reverse=True)
        self._indicator = indicator
        self._agencies = dict(agency_names)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def revision(self, row: int) -> Revision:
        return self._rows[row]

    def _fmt(self, value: float | None) -> str:
        if value is None:
            return "withdrawn"
        return self._indicator.format(value) if self._indicator else f"{value:g}"

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_PERIOD:
                return r.period.short_label() if role == Qt.ItemDataRole.DisplayRole else r.period.label()
            if col == self.COL_FOR:
                return "The partnership" if r.agency_id is None else self._agencies.get(r.agency_id,
                                                                                        f"agency {r.agency_id}")
            if col == self.COL_CHANGE:
                return f"{self._fmt(r.old_value)} → {self._fmt(r.new_value)}"
            if col == self.COL_WHEN:
                try:
                    day = dt.datetime.fromisoformat(r.revised_at)
                    return f"{day:%d %b %Y %H:%M}" if role == Qt.ItemDataRole.ToolTipRole else f"{day:%d %b %Y}"
                except ValueError:
                    return r.revised_at
            if col == self.COL_WHO:
                return r.revised_by
            if col == self.COL_REASON:
                return r.reason
        if role == ID_ROLE:
            return r.id
        return None


class AgencyFiguresModel(QAbstractTableModel):
    """An indicator's by-agency breakdown for the period: agency, value, RAG (a chip with its word)."""

    COL_AGENCY, COL_VALUE, COL_RAG = range(3)
    HEADERS = ("Agency", "Value", "RAG")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, float | None, str]] = []
        self._indicator: Indicator | None = None

    def set_rows(self, row: ScorecardRow | None, agency_names: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._indicator = row.indicator if row else None
        self._rows = []
        if row is not None:
            for f in row.by_agency:
                key = f.rag.value if f.rag is not Rag.GREY else (NO_VALUE if f.value is None else NO_TARGET)
                self._rows.append((agency_names.get(f.agency_id, f"agency {f.agency_id}"), f.value, key))
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, value, key = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_AGENCY:
                return name
            if col == self.COL_VALUE:
                return self._indicator.format(value) if value is not None and self._indicator else NONE_TEXT
            if col == self.COL_RAG:
                return RAG_WORDS[key]
        if role == RAG_ROLE and col == self.COL_RAG:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# --- the chart's data ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChartData:
    """What an indicator's chart draws: its values over ``periods`` (None where missing), the target
    and its amber band, and each comparator's line (None where not known)."""

    indicator: Indicator
    periods: tuple[Period, ...]
    values: tuple[float | None, ...]
    comparators: dict[str, tuple[float | None, ...]] = field(default_factory=dict)
    chosen: Period | None = None

    @property
    def band(self) -> tuple[float, float] | None:
        """The amber band (low, high), or None when there is none."""
        ind = self.indicator
        if ind.target is None or ind.direction is Direction.NEITHER or not ind.tolerance:
            return None
        if ind.direction is Direction.HIGHER:
            return ind.target - ind.tolerance, ind.target
        return ind.target, ind.target + ind.tolerance

    @property
    def target(self) -> float | None:
        ind = self.indicator
        return ind.target if ind.direction is not Direction.NEITHER else None

    def y_range(self) -> tuple[float, float]:
        """The value axis's range: every value, comparator, the target and band, with some room."""
        numbers = [v for v in self.values if v is not None]
        for line in self.comparators.values():
            numbers.extend(v for v in line if v is not None)
        if self.target is not None:
            numbers.append(self.target)
        if self.band:
            numbers.extend(self.band)
        if not numbers:
            return 0.0, 1.0
        low, high = min(numbers), max(numbers)
        room = (high - low) * 0.12 or max(abs(high) * 0.1, 1.0)
        low, high = low - room, high + room
        if self.indicator.unit is not Unit.NUMBER or min(numbers) >= 0:
            low = max(low, 0.0)
        if self.indicator.unit is Unit.PERCENTAGE:
            high = min(high, 100.0)
        return low, high


def nice_axis(low: float, high: float, max_ticks: int) -> tuple[float, float, int]:
    """A value axis covering ``low``..``high`` with ticks on round numbers (1, 2, 2.5 or 5 times a
    power of ten) and at most ``max_ticks`` of them: (start, end, ticks)."""
    import math

    max_ticks = max(max_ticks, 2)
    span = max(high - low, 1e-9)
    rough = span / (max_ticks - 1)
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        start, end = math.floor(low / step) * step, math.ceil(high / step) * step
        ticks = round((end - start) / step) + 1
        if ticks <= max_ticks:
            return start, end, max(ticks, 2)
    step = 10 * power * 2
    start, end = math.floor(low / step) * step, math.ceil(high / step) * step
    return start, end, round((end - start) / step) + 1


def chart_data(perf: PerformanceRepo, indicator: Indicator, period: Period, periods: int | None = None) -> ChartData:
    """An indicator's chart up to ``period`` (its own frequency's period holding the chosen one's last day):
    the last ``periods`` periods (:data:`CHART_PERIODS`), less the leading ones where nothing is known."""
    own = period.as_frequency(indicator.frequency) if period.frequency is not indicator.frequency else period
    series = perf.history(indicator.id, until=own, periods=periods or CHART_PERIODS[indicator.frequency])
    comparators = perf.comparator_series(indicator.id)
    lines = {name: [getattr(comparators[p], name) if p in comparators else None for p, _v in series]
             for name in COMPARATOR_NAMES}
    lines = {name: line for name, line in lines.items() if any(v is not None for v in line)}
    first = 0
    while first < len(series) - 1 and series[first][1] is None and all(line[first] is None for line in lines.values()):
        first += 1
    return ChartData(
        indicator=indicator,
        periods=tuple(p for p, _v in series[first:]),
        values=tuple(v for _p, v in series[first:]),
        comparators={name: tuple(line[first:]) for name, line in lines.items()},
        chosen=own,
    )

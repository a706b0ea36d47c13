"""The values grid: entering the dataset with the keyboard, like the attendance register.

Choose a theme (its indicators of one frequency as rows) or one indicator (the partnership's
value, each agency's where it is broken down, and England, the region and statistical
neighbours as rows); the columns are the periods up to the one chosen on the page.

Type a number and press **Enter** (saved, the cursor moves down) or **Tab** (saved, moves
right); **Delete** withdraws a value. A value that cannot be one (text, a percentage over 100, a
negative rate) is refused in the cell, which stays open with the message beside the grid, and
nothing is saved. Changing a value already entered asks for the reason (once, if the officer
chooses to use it for the rest of the batch); **Ctrl+Z** undoes the last entry.

The view reads through the repository; every write goes through the model's ``writer`` (the
controller's), so the page never writes itself.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.performance import Indicator, check_value
from mqp_desktop.domain.periods import Frequency, Period
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.performance import PerformanceRepo
from mqp_desktop.ui.scorecard_models import (
    COMPARATOR,
    COMPARATOR_NAMES,
    FREQUENCY_WORDS,
    GridCell,
    GridRow,
    ValuesGridModel,
    plural,
)
from mqp_desktop.ui.widgets.column_fit import room_left
from mqp_desktop.ui.widgets.scorecard_delegates import ValueCellDelegate

THEME, INDICATOR = "theme", "indicator"
DEFAULT_PERIODS = 8
ERROR_COLOUR = "#b3261e"


def check_text(cell: GridCell | None, text: str) -> str:
    """Why ``text`` cannot be saved in ``cell`` ('' when it can): the domain's own check."""
    if cell is None:
        return ""
    ind = cell.row.indicator
    what = (f"The {COMPARATOR_NAMES[cell.row.comparator]} figure" if cell.row.kind == COMPARATOR
            else f"The value of {ind.code} for {cell.period.short_label()}")
    try:
        check_value(text, ind.unit, "value", what)
    except ValidationError as exc:
        return exc.message
    return ""


class ValuesGrid(QTableView):
    """The grid itself: typing starts an edit; Enter moves down and Tab right; Delete withdraws."""

    withdraw_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("valuesGrid")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        header = self.horizontalHeader()
        header.setHighlightSections(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(86)
        header.setStretchLastSection(False)
        self._fitting = False
        self._user_sized = False
        header.sectionResized.connect(self._resized)

    TITLE_MIN = 280

    def fit_title(self) -> None:
        """The first column (the indicator, the agency) as wide as its longest text, within the room the
        period columns leave (never under ``TITLE_MIN``): titles are not cut while the grid has space to
        spare. A width the officer sets by dragging is kept."""
        model = self.model()
        if self._user_sized or model is None or model.columnCount() == 0:
            return
        header = self.horizontalHeader()
        room = room_left(self, 0)
        wanted = max(self.sizeHintForColumn(0), header.sectionSizeHint(0))
        width = max(self.TITLE_MIN, min(wanted, room))
        if header.sectionSize(0) != width:
            self._fitting = True
            try:
                header.resizeSection(0, width)
            finally:
                self._fitting = False

    def _resized(self, column: int, old: int, new: int) -> None:
        if column == 0 and not self._fitting and old and new:
            self._user_sized = True

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_title()

    def move_by(self, index: QModelIndex, rows: int, columns: int) -> None:
        """From ``index``, ``rows`` down or ``columns`` right (Tab wraps onto the next row)."""
        model = self.model()
        if model is None or not index.isValid():
            return
        row, col = index.row() + rows, index.column() + columns
        last_col = model.columnCount() - 1
        if col > last_col:
            row, col = row + 1, 1
        elif col < 1:
            row, col = row - 1, last_col
        row = max(0, min(row, model.rowCount() - 1))
        target = model.index(row, col)
        self.setCurrentIndex(target)
        self.scrollTo(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.state() != QAbstractItemView.State.EditingState and mods == Qt.KeyboardModifier.NoModifier:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_by(self.currentIndex(), 1, 0)
                event.accept()
                return
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentIndex().isValid():
                self.withdraw_requested.emit(self.currentIndex())
                event.accept()
                return
        super().keyPressEvent(event)


class ValuesView(QWidget):
    """A theme's or an indicator's values over the periods up to the page's chosen one."""

    forget_reason_requested = Signal()
    subject_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.repo: PerformanceRepo | None = None
        self.today = dt.date.today()
        self.period: Period | None = None
        self.agency_names: dict[int, str] = {}
        self.active_agencies: set[int] = set()
        self._updating = False
        self.model = ValuesGridModel(self)
        self.model.check = check_text

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(8)
        caption = QLabel("&Rows:")
        self.subject_combo = QComboBox()
        self.subject_combo.setObjectName("valuesSubject")
        self.subject_combo.setToolTip("A theme (its indicators as rows) or one indicator (the partnership's value, "
                                      "each agency's, and the comparators as rows)")
        self.subject_combo.setMinimumContentsLength(28)
        self.subject_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        caption.setBuddy(self.subject_combo)
        top.addWidget(caption)
        top.addWidget(self.subject_combo, 1)
        self.frequency_caption = QLabel("&Frequency:")
        self.frequency_combo = QComboBox()
        self.frequency_combo.setObjectName("valuesFrequency")
        self.frequency_combo.setToolTip("A theme's indicators reported at this frequency")
        self.frequency_caption.setBuddy(self.frequency_combo)
        top.addWidget(self.frequency_caption)
        top.addWidget(self.frequency_combo)
        periods_caption = QLabel("&Periods:")
        self.periods_spin = QSpinBox()
        self.periods_spin.setObjectName("valuesPeriods")
        self.periods_spin.setRange(1, 40)
        self.periods_spin.setValue(DEFAULT_PERIODS)
        self.periods_spin.setToolTip("How many periods to show, up to the period chosen at the top of the page")
        periods_caption.setBuddy(self.periods_spin)
        top.addWidget(periods_caption)
        top.addWidget(self.periods_spin)
        layout.addLayout(top)

        self.keys_label = QLabel(
            "Type a number · <b>Enter</b> saves and moves down · <b>Tab</b> saves and moves right · "
            "<b>Delete</b> withdraws a value · <b>Ctrl+Z</b> undoes the last entry · changing a value asks why")
        self.keys_label.setObjectName("keyLegend")
        self.keys_label.setWordWrap(True)
        layout.addWidget(self.keys_label)

        self.reason_row = QWidget()
        reason = QHBoxLayout(self.reason_row)
        reason.setContentsMargins(0, 0, 0, 0)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("rememberedReason")
        self.reason_label.setWordWrap(True)
        self.forget_button = QPushButton("Ask each &time")
        self.forget_button.setToolTip("Stop using the remembered reason: ask again at the next change")
        self.forget_button.clicked.connect(self.forget_reason_requested.emit)
        reason.addWidget(self.reason_label, 1)
        reason.addWidget(self.forget_button)
        self.reason_row.setVisible(False)
        layout.addWidget(self.reason_row)

        self.grid = ValuesGrid()
        self.grid.setModel(self.model)
        self.delegate = ValueCellDelegate(lambda index, text: check_text(self.model.cell(index), text), self.grid)
        self.grid.setItemDelegate(self.delegate)
        self.delegate.refused.connect(self.show_refusal)
        self.delegate.moved.connect(self.grid.move_by)
        self.grid.fit_title()
        layout.addWidget(self.grid, 1)

        self.message = QLabel()
        self.message.setObjectName("valuesMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        self.subject_combo.currentIndexChanged.connect(self._subject_chosen)
        self.frequency_combo.currentIndexChanged.connect(lambda _i: self._reload_if_ready())
        self.periods_spin.valueChanged.connect(lambda _v: self._reload_if_ready())
        self.grid.selectionModel().currentChanged.connect(lambda *_a: self.clear_message())

    # --- choosing ---------------------------------------------------------------------------------
    def set_repo(self, repo: PerformanceRepo | None, today: dt.date, agency_names: dict[int, str],
                 active_agencies: set[int]) -> None:
        """``agency_names``: every agency's label; ``active_agencies``: those in the partnership now (an
        indicator broken down by agency gets a row for each, and for any other with a value)."""
        self.repo = repo
        self.today = today
        self.agency_names = agency_names
        self.active_agencies = active_agencies

    def fill_subjects(self, indicators: list[Indicator]) -> None:
        """The themes and indicators to choose from (the choice kept where it still exists)."""
        if self.repo is None:
            return
        chosen = self.subject_combo.currentData() if self.subject_combo.currentIndex() >= 0 else None
        self._updating = True
        try:
            self.subject_combo.clear()
            for theme in self.repo.themes():
                count = sum(1 for i in indicators if i.theme_id == theme.id)
                self.subject_combo.addItem(f"Theme: {theme.name} ({plural(count, 'indicator')})",
                                           f"{THEME}:{theme.id}")
            self.subject_combo.insertSeparator(self.subject_combo.count())
            for ind in indicators:
                self.subject_combo.addItem(f"{ind.code} {ind.title}", f"{INDICATOR}:{ind.id}")
            index = self.subject_combo.findData(chosen) if chosen else -1
            self.subject_combo.setCurrentIndex(max(index, 0))
        finally:
            self._updating = False
        self._fill_frequencies(indicators)

    def subject(self) -> tuple[str, int] | None:
        """('theme', id) or ('indicator', id): what the rows are."""
        if self.subject_combo.currentIndex() < 0:
            return None
        data = self.subject_combo.currentData()
        if not data:
            return None
        kind, _sep, number = str(data).partition(":")
        return kind, int(number)

    def choose(self, kind: str, subject_id: int) -> bool:
        index = self.subject_combo.findData(f"{kind}:{subject_id}")
        if index < 0:
            return False
        self.subject_combo.setCurrentIndex(index)
        return True

    def frequency(self) -> Frequency:
        data = self.frequency_combo.currentData() if self.frequency_combo.currentIndex() >= 0 else None
        return Frequency(data) if data else Frequency.QUARTERLY

    def set_frequency(self, frequency: Frequency) -> None:
        index = self.frequency_combo.findData(frequency.value)
        if index >= 0:
            self.frequency_combo.setCurrentIndex(index)

    def _theme_indicators(self, theme_id: int) -> list[Indicator]:
        return self.repo.indicators(theme_id=theme_id) if self.repo else []

    def _fill_frequencies(self, indicators: list[Indicator] | None = None) -> None:
        subject = self.subject()
        is_theme = subject is not None and subject[0] == THEME
        self.frequency_caption.setVisible(is_theme)
        self.frequency_combo.setVisible(is_theme)
        if not is_theme:
            return
        in_theme = self._theme_indicators(subject[1])
        counts = {f: sum(1 for i in in_theme if i.frequency is f) for f in Frequency}
        chosen = self.frequency().value
        if not counts.get(Frequency(chosen)):
            chosen = next((f.value for f in (Frequency.QUARTERLY, Frequency.MONTHLY, Frequency.ANNUAL) if counts[f]),
                          Frequency.QUARTERLY.value)
        self._updating = True
        try:
            self.frequency_combo.clear()
            for f in (Frequency.QUARTERLY, Frequency.MONTHLY, Frequency.ANNUAL):
                if counts[f] or f is Frequency.QUARTERLY:
                    self.frequency_combo.addItem(f"{FREQUENCY_WORDS[f]} ({counts[f]})", f.value)
            self.frequency_combo.setCurrentIndex(max(self.frequency_combo.findData(chosen), 0))
        finally:
            self._updating = False

    def _subject_chosen(self, _index: int) -> None:
        if self._updating:
            return
        self._fill_frequencies()
        self.subject_changed.emit()
        self.reload()

    def _reload_if_ready(self) -> None:
        if not self._updating:
            self.subject_changed.emit()
            self.reload()

    # --- loading ----------------------------------------------------------------------------------
    def periods_for(self, frequency: Frequency) -> list[Period]:
        """The columns: the last N periods of ``frequency`` up to the page's period (or later, up to
        the latest that has ended), none that has not begun."""
        chosen = self.period or Period.latest_complete(self.today, Frequency.QUARTERLY)
        end = chosen.as_frequency(frequency) if chosen.frequency is not frequency else chosen
        latest = Period.latest_complete(self.today, frequency)
        end = max(end, latest)
        while end.start > self.today:
            end = end.previous()
        return end.last_n(self.periods_spin.value())

    def reload(self) -> None:
        """Read the chosen rows' values again (keeping the cursor on the same cell when it is still shown)."""
        repo = self.repo
        subject = self.subject()
        current = self.model.cell(self.grid.currentIndex()) if self.grid.currentIndex().isValid() else None
        if repo is None or subject is None:
            self.model.set_grid([], [], {}, {}, self.today)
            return
        kind, subject_id = subject
        values: dict = {}
        comparators: dict = {}
        if kind == THEME:
            frequency = self.frequency()
            indicators = [i for i in self._theme_indicators(subject_id) if i.frequency is frequency]
            periods = self.periods_for(frequency)
            rows = [GridRow(ind, f"{ind.code} {ind.title}") for ind in indicators]
            for ind in indicators:
                for v in repo.values(ind.id, first=periods[0], last=periods[-1]):
                    values[(ind.id, None, v.period)] = v
        else:
            ind = repo.indicator(subject_id)
            periods = self.periods_for(ind.frequency)
            rows = [GridRow(ind, f"{ind.code} — the partnership")]
            stored = repo.values(ind.id, all_agencies=True, first=periods[0], last=periods[-1])
            for v in stored:
                values[(ind.id, v.agency_id, v.period)] = v
            if ind.by_agency:
                with_values = {v.agency_id for v in stored if v.agency_id is not None}
                shown = [a for a in self.agency_names if a in with_values or a in self.active_agencies]
                shown.sort(key=lambda a: self.agency_names[a].casefold())
                rows += [GridRow(ind, self.agency_names[a], agency_id=a) for a in shown]
            rows += [GridRow(ind, name, kind=COMPARATOR, comparator=key) for key, name in COMPARATOR_NAMES.items()]
            for period, comp in repo.comparator_series(ind.id).items():
                if periods[0] <= period <= periods[-1]:
                    comparators[(ind.id, period)] = comp
        self.model.set_grid(rows, periods, values, comparators, self.today)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.grid.fit_title()
        if current is not None:
            index = self.model.index_of(current)
            if index.isValid():
                self.grid.setCurrentIndex(index)
                return
        if self.model.rowCount() and self.model.columnCount() > 1:
            self.grid.setCurrentIndex(self.model.index(0, self.model.columnCount() - 1))
        if not rows:
            self.show_message(f"No {self.frequency().value} indicators in use in this theme: choose another "
                              "frequency or theme, or add an indicator (Ctrl+N).", error=False)

    def go_to(self, indicator_id: int, period: Period | None = None) -> bool:
        """Put the cursor on an indicator's row (its partnership value), at ``period`` or the last column."""
        index = self.model.find(indicator_id, period) if period is not None else QModelIndex()
        if not index.isValid():
            row = self.model.find(indicator_id)
            if not row.isValid():
                return False
            index = self.model.index(row.row(), self.model.columnCount() - 1)
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index)
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # --- messages ---------------------------------------------------------------------------------
    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setText(text)

    def clear_message(self) -> None:
        self.message.clear()

    def show_refusal(self, index: QModelIndex, message: str) -> None:
        """A typed value was refused: the cell being typed in is outlined in red with the message as its
        tooltip, and the message is shown under the grid."""
        self.show_message(message)
        editor = self.grid.indexWidget(index) if index.isValid() else None
        editors = [e for e in self.grid.findChildren(QLineEdit, "valueEditor") if e.isVisible()]
        for e in ([editor] if editor is not None else []) + editors:
            e.setStyleSheet(f"#valueEditor {{ border: 2px solid {ERROR_COLOUR}; }}")
            e.setToolTip(message)
            e.setAccessibleDescription(message)

    def show_reason(self, reason: str) -> None:
        self.reason_row.setVisible(bool(reason))
        self.reason_label.setText(f"Changes in this grid are saved with the reason <b>{html.escape(reason)}</b> "
                                  "without asking." if reason else "")

    def cell_at(self, index: QModelIndex) -> GridCell | None:
        return self.model.cell(index)

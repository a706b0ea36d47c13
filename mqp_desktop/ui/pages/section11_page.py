"""The Section 11 dashboard (ToR 7.8): one audit round at a glance.

A round chooser (the latest round first), which ratings to show (self-assessed,
the panel's moderated ones, or the panel's where it has rated and the agency's
own elsewhere), and whether to mark the change since the previous round. Then:

* counts of returns issued, received, reviewed, outstanding and overdue;
* the overdue returns — agency, lead contact, deadline, days overdue, reminders
  sent — with the window's chase actions beside them;
* overdue action-plan items (this round's and earlier rounds' still open);
* the agency x standard grid (:class:`RatingGridView`), coloured by rating with
  the value printed in each cell, a legend, tooltips with the evidence and the
  panel's comments; a click opens that return at that standard;
* the weakest standards across agencies, and per agency the change since the
  previous round.

The page reads through :class:`Section11Repo` and never writes: the window's
:class:`~mqp_desktop.ui.section11_controller.Section11Controller` owns the
actions and dialogs, and asks for a return through ``return_requested``.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.section11 import AuditReturn, AuditRound, Basis, ReturnStatus
from mqp_desktop.domain.section11_analysis import RoundStatus, previous_round
from mqp_desktop.store import Store
from mqp_desktop.store.section11 import Section11Repo
from mqp_desktop.ui.models import ID_ROLE, SORT_ROLE
from mqp_desktop.ui.pages.common import RegisterTable, action_bar
from mqp_desktop.ui.widgets.flow_layout import FlowLayout
from mqp_desktop.ui.section11_models import (
    BASIS_WORDS,
    ComparisonModel,
    OverdueActionsModel,
    OverdueReturnsModel,
    RatingGridModel,
    WeakestStandardsModel,
    agency_changes,
    plural,
    round_summary_text,
)
from mqp_desktop.ui.widgets.rating_grid import RatingGridView, RatingLegend

TAB_RETURN, TAB_RATINGS, TAB_ACTIONS = range(3)  # the return dialog's tabs
WEAKEST_SHOWN = 5


def _proxy(model, parent) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


class CountTile(QFrame):
    """A big number and what it counts."""

    def __init__(self, caption: str, tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("countTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(tip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.setSpacing(8)
        self.number = QLabel("–")
        self.number.setObjectName("tileNumber")
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)  # two lines in a narrow window rather than widening it
        layout.addWidget(self.number)
        layout.addWidget(self.caption, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.value = 0

    def set_value(self, value: int, alert: bool = False) -> None:
        self.value = value
        self.number.setText(str(value))
        self.setProperty("alert", alert)
        self.style().unpolish(self)
        self.style().polish(self)


class Section11Page(QWidget):
    """The Section 11 dashboard for one audit round."""

    DASHBOARD_HEIGHT = 560  # the counts, the two chase lists and a grid showing several agencies

    title = "Section 11"

    return_requested = Signal(int, int, int)  # return id, standard (0: none), dialog tab
    selection_changed = Signal()
    shown_changed = Signal()  # a round, basis or data was (re)shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._store: Store | None = None
        self._stale = False
        self._updating = False
        self._today = dt.date.today()
        self.round: AuditRound | None = None
        self.status: RoundStatus | None = None
        self.previous: AuditRound | None = None
        self.returns: list[AuditReturn] = []
        self.agency_names: dict[int, str] = {}

        self.grid_model = RatingGridModel(self)
        self.grid_proxy = _proxy(self.grid_model, self)
        self.overdue_model = OverdueReturnsModel(self)
        self.overdue_proxy = _proxy(self.overdue_model, self)
        self.actions_model = OverdueActionsModel(self)
        self.actions_proxy = _proxy(self.actions_model, self)
        self.weakest_model = WeakestStandardsModel(self)
        self.comparison_model = ComparisonModel(self)
        self.comparison_proxy = _proxy(self.comparison_model, self)
        self._build_ui()

    # --- building --------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)

        # the round, which ratings, and the page's actions
        top = QHBoxLayout()
        top.setSpacing(8)
        caption = QLabel("Audit round")
        caption.setObjectName("headerCaption")
        self.round_combo = QComboBox()
        self.round_combo.setObjectName("roundCombo")
        self.round_combo.setToolTip("The audit round shown (the latest first)")
        self.round_combo.setMinimumContentsLength(24)
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        caption.setBuddy(self.round_combo)
        self.round_combo.currentIndexChanged.connect(self._round_chosen)
        top.addWidget(caption)
        top.addWidget(self.round_combo)
        top.addStretch(1)
        self.toolbar = action_bar([])
        top.addWidget(self.toolbar)
        layout.addLayout(top)

        # wraps onto a second line on a narrow window (1366x768 at 150%) rather than widening it
        shown_row = QWidget()
        shown = FlowLayout(shown_row, h_spacing=10, v_spacing=2)
        shown.setContentsMargins(0, 0, 0, 0)
        ratings_caption = QLabel("Show:")
        shown.addWidget(ratings_caption)
        self.basis_group = QButtonGroup(self)
        self.basis_buttons: dict[Basis, QRadioButton] = {}
        tips = {
            Basis.SELF: "The agencies' own ratings",
            Basis.MODERATED: "The challenge and moderation panel's ratings only (blank where the panel has not rated)",
            Basis.EFFECTIVE: "The panel's rating where it has rated, otherwise the agency's own",
        }
        for basis in (Basis.SELF, Basis.MODERATED, Basis.EFFECTIVE):
            button = QRadioButton(BASIS_WORDS[basis])
            button.setObjectName(f"basis_{basis.value}")
            button.setToolTip(tips[basis])
            self.basis_group.addButton(button)
            self.basis_buttons[basis] = button
            shown.addWidget(button)
        self.basis_buttons[Basis.EFFECTIVE].setChecked(True)
        self.basis_group.buttonToggled.connect(self._basis_toggled)
        self.trend_check = QCheckBox("Change since last round (▲ ▼ =)")
        self.trend_check.setObjectName("trendCheck")
        self.trend_check.toggled.connect(lambda _on: self.show_round())
        shown.addWidget(self.trend_check)

        self.summary_label = QLabel()
        self.summary_label.setObjectName("roundSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack.addWidget(self.empty_label)
        body = QWidget()
        # On a short screen (1366x768 at 150% leaves about 400 pixels for the page) the dashboard scrolls
        # as a whole rather than squeezing the grid to nothing: it never gets less than this tall.
        body.setMinimumHeight(self.DASHBOARD_HEIGHT)
        self.body_scroll = QScrollArea()
        self.body_scroll.setObjectName("section11Scroll")
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setWidget(body)
        self.stack.addWidget(self.body_scroll)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(8)

        # the counts
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        self.tiles = {
            "issued": CountTile("issued", "Returns asked for and sent out"),
            "received": CountTile("received", "Returns that have come back (reviewed or not)"),
            "reviewed": CountTile("reviewed by the panel", "Returns the challenge and moderation panel has reviewed"),
            "outstanding": CountTile("not received yet", "Returns not yet received, overdue ones included"),
            "overdue": CountTile("overdue", "Returns past their deadline and not received: chase these"),
        }
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)
        body_layout.addLayout(tiles)

        # what needs chasing
        self.overdue_table = RegisterTable()
        self.overdue_table.setObjectName("overdueReturns")
        self.overdue_table.setModel(self.overdue_proxy)
        self.overdue_table.set_column_widths((130, 140, 90, 104, 110),
                                              {OverdueReturnsModel.COL_AGENCY: 80, OverdueReturnsModel.COL_LEAD: 90})
        self.overdue_table.sortByColumn(OverdueReturnsModel.COL_DAYS, Qt.SortOrder.DescendingOrder)
        self.overdue_table.selectionModel().selectionChanged.connect(lambda *_a: self.selection_changed.emit())
        self.overdue_table.activated_row.connect(self._overdue_activated)
        self.overdue_box = QGroupBox("Overdue returns")
        self.overdue_box.setObjectName("overdueBox")
        box = QVBoxLayout(self.overdue_box)
        box.setContentsMargins(8, 6, 8, 8)
        box.addWidget(self.overdue_table, 1)
        self.chase_bar = action_bar([])
        box.addWidget(self.chase_bar)

        self.actions_table = RegisterTable()
        self.actions_table.setObjectName("overdueActions")
        self.actions_table.setModel(self.actions_proxy)
        self.actions_table.set_column_widths((120, 240, 110, 86, 104, 64),
                                             {OverdueActionsModel.COL_AGENCY: 80, OverdueActionsModel.COL_ACTION: 110,
                                              OverdueActionsModel.COL_OWNER: 80})
        self.actions_table.sortByColumn(OverdueActionsModel.COL_DAYS, Qt.SortOrder.DescendingOrder)
        self.actions_table.activated_row.connect(self._action_activated)
        self.actions_box = QGroupBox("Overdue action-plan items")
        self.actions_box.setObjectName("actionsBox")
        box = QVBoxLayout(self.actions_box)
        box.setContentsMargins(8, 6, 8, 8)
        box.addWidget(self.actions_table)

        chase = QSplitter(Qt.Orientation.Horizontal)
        chase.setChildrenCollapsible(False)
        chase.addWidget(self.overdue_box)
        chase.addWidget(self.actions_box)
        chase.setSizes([560, 560])

        # the grid, the weakest standards, the change since last round
        self.grid = RatingGridView(RatingGridModel.FIRST_STANDARD)
        self.grid.setModel(self.grid_proxy)
        self.grid.cell_chosen.connect(lambda rid, std: self.return_requested.emit(
            rid, std, TAB_RATINGS if std else TAB_RETURN))
        self.grid.selectionModel().currentChanged.connect(lambda *_a: self.selection_changed.emit())
        self.legend = RatingLegend()
        self.grid_box = QGroupBox("Ratings by agency and standard")
        self.grid_box.setToolTip("Click a cell to open that agency's return at that standard")
        self.grid_box.setObjectName("gridBox")
        box = QVBoxLayout(self.grid_box)
        box.setContentsMargins(8, 6, 8, 8)
        box.setSpacing(4)
        box.addWidget(shown_row)
        box.addWidget(self.grid, 1)
        box.addWidget(self.legend)

        self.weakest_table = RegisterTable()
        self.weakest_table.setObjectName("weakestStandards")
        self.weakest_table.setModel(self.weakest_model)
        self.weakest_table.setSortingEnabled(False)
        self.weakest_table.set_column_widths((24, 290, 50, 60, 160), {WeakestStandardsModel.COL_STANDARD: 130,
                                                                     WeakestStandardsModel.COL_LOWEST: 110})
        self.weakest_table.setColumnHidden(WeakestStandardsModel.COL_RATED, True)  # in the tooltip
        self.weakest_table.activated_row.connect(self._weakest_activated)
        self.comparison_table = RegisterTable()
        self.comparison_table.setObjectName("roundComparison")
        self.comparison_table.setModel(self.comparison_proxy)
        self.comparison_table.set_column_widths((140, 70, 70, 100, 140))
        self.comparison_table.sortByColumn(ComparisonModel.COL_CHANGE, Qt.SortOrder.AscendingOrder)
        self.side_tabs = QTabWidget()
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(self.weakest_table, "Weakest standards")
        self.side_tabs.addTab(self.comparison_table, "Change since last round")

        self.ratings_splitter = ratings = QSplitter(Qt.Orientation.Horizontal)
        ratings.setChildrenCollapsible(False)
        ratings.addWidget(self.grid_box)
        ratings.addWidget(self.side_tabs)
        ratings.setStretchFactor(0, 3)
        ratings.setStretchFactor(1, 2)
        ratings.setSizes([760, 420])

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("section11Splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(chase)
        self.splitter.addWidget(ratings)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([200, 440])
        body_layout.addWidget(self.splitter, 1)

        self.setStyleSheet(
            """
            #countTile { background: palette(base); border: 1px solid palette(midlight); border-radius: 6px; }
            #countTile[alert="true"] { background: #fbe4e2; border: 1px solid #e2a29b; }
            #tileNumber { font-size: 16pt; font-weight: 600; }
            #countTile[alert="true"] #tileNumber, #countTile[alert="true"] #tileCaption { color: #8c1d18; }
            #tileCaption { color: palette(dark); }
            #emptyState { color: palette(dark); font-size: 11pt; }
            QGroupBox { font-weight: 600; }
            QGroupBox QTableView, QGroupBox QLabel { font-weight: normal; }
            """
        )

    def set_actions(self, page_actions: list[QAction], chase_actions: list[QAction]) -> None:
        for action in page_actions:
            self.toolbar.addAction(action)
        for action in chase_actions:
            self.chase_bar.addAction(action)

    # --- the store -------------------------------------------------------------------------
    def set_store(self, store: Store | None, today: dt.date | None = None) -> None:
        """Show ``store``'s rounds; recomputed now if the page is visible, else when shown."""
        if store is not self._store:
            self._store = store
            self.round = None
            self._updating = True
            self.round_combo.clear()
            self._updating = False
        self._today = today or dt.date.today()
        self._stale = True
        if self.isVisible():
            self.recompute()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    @property
    def repo(self) -> Section11Repo | None:
        return Section11Repo(self._store) if self._store is not None else None

    def ensure_current(self) -> None:
        if self._stale:
            self.recompute()

    def recompute(self) -> None:
        """Read the rounds again and show the chosen one (the latest when none was chosen)."""
        self._stale = False
        repo = self.repo
        if repo is None:
            return
        rounds = repo.rounds()
        self.all_rounds = rounds
        chosen = self.round.id if self.round is not None else None
        self._updating = True
        try:
            self.round_combo.clear()
            for rnd in rounds:
                self.round_combo.addItem(rnd.name, rnd.id)
            index = self.round_combo.findData(chosen) if chosen is not None else 0
            self.round_combo.setCurrentIndex(max(index, 0) if rounds else -1)
        finally:
            self._updating = False
        self.agency_names = {a.id: a.label for a in self._store.agencies() if a.id is not None}
        self.round = next((r for r in rounds if r.id == self.round_combo.currentData()), None)
        self.show_round()

    # --- choices ---------------------------------------------------------------------------
    def basis(self) -> Basis:
        for basis, button in self.basis_buttons.items():
            if button.isChecked():
                return basis
        return Basis.EFFECTIVE

    def set_basis(self, basis: Basis) -> None:
        self.basis_buttons[Basis(basis)].setChecked(True)

    def select_round(self, round_id: int) -> bool:
        self.ensure_current()
        index = self.round_combo.findData(round_id)
        if index < 0:
            return False
        self.round_combo.setCurrentIndex(index)
        return True

    def _round_chosen(self, index: int) -> None:
        if self._updating or index < 0:
            return
        round_id = self.round_combo.itemData(index)
        self.round = next((r for r in getattr(self, "all_rounds", []) if r.id == round_id), None)
        self.show_round()

    def _basis_toggled(self, _button, checked: bool) -> None:
        if checked:
            self.show_round()

    # --- showing ---------------------------------------------------------------------------
    def show_round(self) -> None:
        repo = self.repo
        rnd = self.round
        if repo is None:
            return
        if rnd is None:
            self._show_empty()
            return
        self.stack.setCurrentIndex(1)
        today, basis = self._today, self.basis()
        status = repo.status(rnd.id, today, basis)
        self.status = status
        self.returns = [r for s in ReturnStatus for r in status.by_status.get(s, ())]
        self.returns.sort(key=lambda r: self.agency_names.get(r.agency_id, "").lower())
        self.previous = previous_round(getattr(self, "all_rounds", repo.rounds()), rnd)
        comparison = repo.comparison(rnd.id, basis) if self.previous is not None else None
        previous_name = self.previous.name if self.previous else ""
        trend = self.trend_check.isChecked() and comparison is not None
        self.trend_check.setEnabled(comparison is not None)
        self.trend_check.setText(
            "Change since last round (▲ ▼ =)" if comparison is not None
            else "Change since last round (none earlier)")
        self.trend_check.setToolTip(
            f"Mark each cell ▲ better, ▼ worse or = the same as in {previous_name}" if comparison is not None
            else "There is no earlier round to compare with")

        self.summary_label.setText(html.escape(round_summary_text(rnd, today)))
        self._show_counts(status)

        overdue = list(status.overdue)
        self.overdue_model.set_rows(overdue, self.agency_names, rnd.deadline, today)
        if overdue:
            self.overdue_box.setTitle(f"Overdue returns ({len(overdue)}) — chase these")
        else:
            self.overdue_box.setTitle("Overdue returns — none")
        self._show_overdue_actions(repo, rnd, today)

        self.grid_model.set_rows(rnd, self.returns, self.agency_names, basis=basis, today=today,
                                 comparison=comparison, previous_name=previous_name, show_trend=trend)
        self.grid.fit_columns(150, 80)
        # the grid as wide as its columns; the rest to the weakest standards and the change table
        needed = sum(self.grid.columnWidth(c) for c in range(self.grid_model.columnCount())) + 48
        total = sum(self.ratings_splitter.sizes())
        if total > needed + 320:
            self.ratings_splitter.setSizes([needed, total - needed])
        self.grid_box.setTitle(f"Ratings by agency and standard ({BASIS_WORDS[basis].lower()})")
        self.legend.set_scale(rnd.rating_scale, trend=trend, previous_name=previous_name)

        self.weakest_model.set_rows(list(status.weakest)[:WEAKEST_SHOWN], self.agency_names)
        self.weakest_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.weakest_table.fit_columns()
        if comparison is not None:
            self.comparison_model.set_rows(agency_changes(comparison), self.agency_names)
            # the round's name in the tooltip: in the tab it pushed the tab past the pane's edge
            self.side_tabs.setTabText(1, "Change since last round")
            self.side_tabs.setTabToolTip(1, f"Each agency's change since {previous_name}")
        else:
            self.comparison_model.set_rows([], self.agency_names)
            self.side_tabs.setTabText(1, "Change since last round")
            self.side_tabs.setTabToolTip(1, "There is no earlier round to compare with")
        self.side_tabs.setTabEnabled(1, comparison is not None)
        self.selection_changed.emit()
        self.shown_changed.emit()

    def _show_empty(self) -> None:
        self.status = None
        self.returns = []
        self.summary_label.setText("")
        self.grid_model.set_rows(None, [], {})
        self.overdue_model.set_rows([], {}, None, self._today)
        self.actions_model.set_rows([], {}, {}, self._today)
        self.weakest_model.set_rows([], {})
        self.comparison_model.set_rows([], {})
        self.legend.set_scale(None)
        self.empty_label.setText(
            "No Section 11 audit rounds yet.\n\nStart one with Section 11 ▸ New audit round… (Ctrl+N on this "
            "page): choose the framework, the rating scale and the agencies to ask.")
        self.stack.setCurrentIndex(0)
        self.selection_changed.emit()
        self.shown_changed.emit()

    def _show_counts(self, status: RoundStatus) -> None:
        n = {s: len(status.by_status.get(s, ())) for s in ReturnStatus}
        total = sum(n.values())
        issued = total - n[ReturnStatus.NOT_ISSUED]
        received = n[ReturnStatus.RECEIVED] + n[ReturnStatus.REVIEWED]
        self.tiles["issued"].set_value(issued)
        self.tiles["issued"].caption.setText(f"issued (of {plural(total, 'agency', 'agencies')})")
        self.tiles["received"].set_value(received)
        self.tiles["reviewed"].set_value(n[ReturnStatus.REVIEWED])
        self.tiles["outstanding"].set_value(total - received)
        self.tiles["overdue"].set_value(n[ReturnStatus.OVERDUE], alert=n[ReturnStatus.OVERDUE] > 0)

    def _show_overdue_actions(self, repo: Section11Repo, rnd: AuditRound, today: dt.date) -> None:
        """This round's overdue items, and earlier rounds' still not done."""
        rounds = [r for r in getattr(self, "all_rounds", []) if r.issued <= rnd.issued]
        agency_of: dict[int, int] = {}
        round_of: dict[int, str] = {}
        items = []
        for r in rounds:
            for ret in (self.returns if r.id == rnd.id else repo.returns(r.id)):
                agency_of[ret.id] = ret.agency_id
                round_of[ret.id] = r.name
                items.extend(a for a in ret.actions if a.is_overdue(today))
        items.sort(key=lambda a: (a.due, a.id or 0))
        self.actions_model.set_rows(items, agency_of, self.agency_names, today, round_of)
        this_round = {ret.id for ret in self.returns}
        here = sum(1 for a in items if a.return_id in this_round)
        earlier = len(items) - here
        if not items:
            self.actions_box.setTitle("Overdue action-plan items — none")
        elif earlier:
            self.actions_box.setTitle(f"Overdue action-plan items ({here} from this round, {earlier} from earlier)")
        else:
            self.actions_box.setTitle(f"Overdue action-plan items ({here})")

    # --- what is selected ------------------------------------------------------------------
    def current_overdue_return(self) -> AuditReturn | None:
        rows = self.overdue_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.overdue_model.record(self.overdue_proxy.mapToSource(rows[0]).row())

    def select_overdue(self, return_id: int) -> bool:
        return self.overdue_table.select_id(return_id)

    def current_return(self) -> tuple[AuditReturn | None, int]:
        """The return picked on the page (an overdue row, else the grid's current cell), and its standard."""
        chosen = self.current_overdue_return()
        if chosen is not None:
            return chosen, 0
        index = self.grid.currentIndex()
        if index.isValid():
            source = self.grid_proxy.mapToSource(index)
            return self.grid_model.return_at(source.row()), self.grid_model.standard_at(source.column()).number \
                if self.grid_model.standard_at(source.column()) else 0
        return None, 0

    def _overdue_activated(self) -> None:
        ret = self.current_overdue_return()
        if ret is not None:
            self.return_requested.emit(ret.id, 0, TAB_RETURN)

    def _action_activated(self) -> None:
        rows = self.actions_table.selectionModel().selectedRows()
        if rows:
            row = self.actions_proxy.mapToSource(rows[0]).row()
            return_id = self.actions_model.return_id(row)
            if return_id is not None:
                self.return_requested.emit(return_id, 0, TAB_ACTIONS)

    def _weakest_activated(self) -> None:
        """Sort the grid by the chosen standard, weakest agencies first."""
        rows = self.weakest_table.selectionModel().selectedRows()
        if not rows:
            return
        number = rows[0].data(ID_ROLE)
        column = self.grid_model.column_of(number)
        if column >= 0:
            self.grid.sortByColumn(column, Qt.SortOrder.AscendingOrder)

    def grid_cell(self, agency_id: int, standard: int):
        """The source-model index of one agency's cell for one standard (for tests and the window)."""
        column = self.grid_model.column_of(standard)
        for row in range(self.grid_model.rowCount()):
            if self.grid_model.return_at(row).agency_id == agency_id:
                return self.grid_model.index(row, column)
        return None


"""The Scorecard page: the partnership's dataset for a period, and where its values are entered.

At the top, the **period** (a quarter; the latest with data to start with; Alt+← / Alt+→ step
through them) and the page's actions. Then two tabs:

* **Scorecard** — filters (theme, tag, owner agency, RAG, *exceptions only* — red, or worse three
  periods running, with the reason shown — grouped by theme or not, retired indicators too, and
  words to search for), the counts ("12 green · 5 amber · 3 red · 4 no target"), and the table:
  code, title, value in its unit, target, the RAG chip with its word, travel against the
  previous period and the same period last year (arrow and word), a sparkline of the last eight
  periods, England / region / statistical neighbours, the notes (✎ commentary, rev. revised) and
  the exception's reason. Under it the chosen indicator's detail
  (:class:`~mqp_desktop.ui.pages.scorecard_detail.IndicatorDetail`).
* **Enter values** — the values grid (:class:`~mqp_desktop.ui.pages.scorecard_values.ValuesView`).

The page reads through :class:`PerformanceRepo` (the whole scorecard for a period is one call,
filters included) and never writes: the window's
:class:`~mqp_desktop.ui.scorecard_controller.ScorecardController` owns the actions, the dialogs
and every save. Nothing is read until the page is first shown, and only again when shown after
a change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.performance import Rag, ScorecardRow
from mqp_desktop.domain.periods import Frequency, Period
from mqp_desktop.store import Store
from mqp_desktop.store.performance import PerformanceRepo
from mqp_desktop.ui.pages.common import action_bar, filter_box, scrolling_body
from mqp_desktop.ui.pages.scorecard_detail import IndicatorDetail
from mqp_desktop.ui.pages.scorecard_values import ValuesView
from mqp_desktop.ui.scorecard_models import ScorecardModel, ScorecardProxy, chart_data, counts_text, plural
from mqp_desktop.ui.widgets.column_fit import room_left
from mqp_desktop.ui.widgets.flow_layout import FlowLayout
from mqp_desktop.ui.widgets.scorecard_delegates import RagChipDelegate, SparklineDelegate

TAB_SCORECARD, TAB_VALUES = range(2)
PERIODS_LISTED = 40  # quarters back from the current one in the period chooser
ANY = ""  # a filter's "all" entry: item data is never None (see combo_choice)
RAG_CHOICES = (
    ("Any RAG", None),
    ("Red", (Rag.RED,)),
    ("Amber", (Rag.AMBER,)),
    ("Green", (Rag.GREEN,)),
    ("Red or amber", (Rag.RED, Rag.AMBER)),
    ("No target or no value", (Rag.GREY,)),
)
COLUMN_WIDTHS = (64, 230, 62, 54, 80, 70, 70, 70, 56, 56, 74, 40, 134)


def combo_choice(combo: QComboBox):
    """The chosen item's data, None for an "all" entry or nothing chosen. The items' data is never
    None: PySide6 6.12.0 drops a reference to None each time an empty QVariant comes back to Python
    (currentData() of an item without data), and enough of those abort the interpreter."""
    index = combo.currentIndex()
    if index < 0:
        return None
    data = combo.itemData(index)
    return None if data == ANY else data


class ScorecardTree(QTreeView):
    """The scorecard table (a tree: themes and their indicators). Enter or a double-click asks to edit.

    The title takes the room the other columns leave, but never less than ``TITLE_MIN`` (the table
    scrolls sideways instead, at 150% say); a right-click on the header hides or shows columns."""

    activated_row = Signal()
    TITLE_MIN = 180

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scorecardTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setWordWrap(False)
        self.setIndentation(14)
        self.setExpandsOnDoubleClick(False)
        header = self.header()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorClearable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionResized.connect(self._resized)
        self._fitting = False
        self.doubleClicked.connect(lambda index: self.activated_row.emit() if index.parent().isValid()
                                   or not self.model().hasChildren(index) else None)

    def fit_title(self) -> None:
        """The title column as wide as the room the others leave (at least ``TITLE_MIN``)."""
        header = self.header()
        title = ScorecardModel.COL_TITLE
        width = max(self.TITLE_MIN, room_left(self, title))
        if header.sectionSize(title) != width:
            self._fitting = True
            try:
                header.resizeSection(title, width)
            finally:
                self._fitting = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != ScorecardModel.COL_TITLE:
            self.fit_title()

    FIGURES = (ScorecardModel.COL_VALUE, ScorecardModel.COL_TARGET, ScorecardModel.COL_ENGLAND,
               ScorecardModel.COL_REGION, ScorecardModel.COL_NEIGHBOURS)

    def fit_figures(self) -> None:
        """The figures' columns as wide as their widest figure ("305 days" was cut by a few pixels), never
        narrower than planned, at most 60 pixels more; the title then takes what is left. A layout the
        officer made (dragged, or restored from an earlier session) is left as it is."""
        header = self.header()
        if header.property("restored") or self.model() is None:
            self.fit_title()
            return
        self._fitting = True
        try:
            for column in self.FIGURES:
                planned = COLUMN_WIDTHS[column]
                width = max(planned, min(self.sizeHintForColumn(column), planned + 60))
                if header.sectionSize(column) != width and not header.isSectionHidden(column):
                    header.resizeSection(column, width)
        finally:
            self._fitting = False
        self.fit_title()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_title()

    def _column_menu(self, position) -> None:
        from PySide6.QtWidgets import QMenu

        header = self.header()
        menu = QMenu(self)
        menu.setObjectName("columnsMenu")
        for column, name in enumerate(ScorecardModel.HEADERS):
            if column in (ScorecardModel.COL_CODE, ScorecardModel.COL_TITLE):
                continue  # always shown
            action = menu.addAction(name.replace("\n", " "))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
        menu.popup(header.mapToGlobal(position))
        self.column_menu = menu

    def show_column(self, column: int, shown: bool) -> None:
        self.header().setSectionHidden(column, not shown)
        self.fit_title()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid() \
                and not self.model().hasChildren(self.currentIndex().siblingAtColumn(0)):
            self.activated_row.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ScorecardPage(QWidget):
    """The scorecard for one period, the chosen indicator's detail, and the values grid."""

    title = "Scorecard"
    MIN_SPLIT_HEIGHT = 360  # several indicators' rows and their detail, on any screen (else the page scrolls)

    selection_changed = Signal()
    shown_changed = Signal()
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._store: Store | None = None
        self._stale = False
        self._updating = False
        self._today = dt.date.today()
        self.period: Period | None = None
        self.latest: Period | None = None
        self.rows: list[ScorecardRow] = []
        self.agency_names: dict[int, str] = {}
        self._chosen_id: int | None = None
        self.model = ScorecardModel(self)
        self.proxy = ScorecardProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_ui()

    # --- building ---------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.scroll, layout = scrolling_body(self, "scorecardScroll")  # a short screen scrolls the page
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)

        top = QHBoxLayout()
        top.setSpacing(6)
        caption = QLabel("&Period")
        caption.setObjectName("headerCaption")
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setAutoRaise(True)
        self.previous_button.setToolTip("The period before (Alt+Left)")
        self.previous_button.setAccessibleName("Previous period")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        self.period_combo.setToolTip("The period the scorecard is for (a monthly indicator shows the period's last "
                                     "month; an annual one its financial year). Alt+Left / Alt+Right step.")
        self.period_combo.setMinimumContentsLength(36)
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        caption.setBuddy(self.period_combo)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setAutoRaise(True)
        self.next_button.setToolTip("The period after (Alt+Right)")
        self.next_button.setAccessibleName("Next period")
        self.previous_button.clicked.connect(lambda: self.step_period(-1))
        self.next_button.clicked.connect(lambda: self.step_period(1))
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        top.addWidget(caption)
        top.addWidget(self.previous_button)
        top.addWidget(self.period_combo)
        top.addWidget(self.next_button)
        top.addStretch(1)
        self.toolbar = action_bar([])
        top.addWidget(self.toolbar)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("scorecardTabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("scorecardCounts")
        self.counts_label.setToolTip("How the indicators shown stand against their targets")
        self.counts_label.setContentsMargins(8, 0, 4, 0)
        self.tabs.setCornerWidget(self.counts_label, Qt.Corner.TopRightCorner)

        # --- the scorecard
        card = QWidget()
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(0, 6, 0, 0)
        card_layout.setSpacing(6)
        filters = QWidget()
        flow = FlowLayout(filters, h_spacing=8, v_spacing=4)
        flow.setContentsMargins(0, 0, 0, 0)

        def pair(text: str, widget: QWidget) -> QWidget:
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
            return holder

        self.theme_combo = self._combo("themeFilter", "Only the indicators of one theme", 16)
        self.tag_combo = self._combo("tagFilter", "Only the indicators carrying a tag (cross-cutting themes and "
                                                  "the partnership's priorities)", 14)
        self.agency_combo = self._combo("agencyFilter", "Only the indicators an agency owns, or has a value in "
                                                        "for this period where they are broken down by agency", 14)
        self.rag_combo = self._combo("ragFilter", "Only the indicators of a RAG rating", 10)
        for n, (text, _rags) in enumerate(RAG_CHOICES):
            self.rag_combo.addItem(text, n)
        flow.addWidget(pair("T&heme:", self.theme_combo))
        flow.addWidget(pair("T&ag:", self.tag_combo))
        flow.addWidget(pair("A&gency:", self.agency_combo))
        flow.addWidget(pair("RA&G:", self.rag_combo))
        self.exceptions_check = QCheckBox("E&xceptions only")
        self.exceptions_check.setObjectName("exceptionsCheck")
        self.exceptions_check.setToolTip("Only the indicators that are red this period, or worse three periods "
                                         "running; the Exception column says which (Ctrl+Shift+X)")
        self.grouped_check = QCheckBox("Group by th&eme")
        self.grouped_check.setChecked(True)
        self.grouped_check.setToolTip("Indicators under their themes (sorting a column sorts within each theme); "
                                      "untick to sort the whole list")
        self.retired_check = QCheckBox("Show reti&red")
        self.retired_check.setToolTip("Also show retired indicators (greyed), to reinstate one or read its history")
        for check in (self.exceptions_check, self.grouped_check, self.retired_check):
            flow.addWidget(check)
        self.search = filter_box("Find an indicator by code, title or tag")
        self.search.setObjectName("scorecardSearch")
        flow.addWidget(self.search)
        card_layout.addWidget(filters)

        self.tree = ScorecardTree()
        self.tree.setModel(self.proxy)
        self.tree.setItemDelegateForColumn(ScorecardModel.COL_RAG, RagChipDelegate(self.tree))
        self.tree.setItemDelegateForColumn(ScorecardModel.COL_TREND, SparklineDelegate(self.tree))
        for col, width in enumerate(COLUMN_WIDTHS):
            self.tree.setColumnWidth(col, width)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setMinimumSectionSize(36)
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_a: self._current_changed())
        self.tree.activated_row.connect(self.edit_requested.emit)
        for signal in (self.proxy.layoutChanged, self.proxy.modelReset, self.proxy.rowsInserted):
            signal.connect(lambda *_a: self._span_groups())

        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(False)
        card_layout.addWidget(self.empty_label)

        self.detail = IndicatorDetail()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("scorecardSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setCollapsible(0, False)  # the detail may be dragged away to give the table the room
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([330, 250])
        self.splitter.setMinimumHeight(self.MIN_SPLIT_HEIGHT)
        self._user_split = False  # until the officer drags the split, the table keeps the larger share
        self.splitter.splitterMoved.connect(lambda *_a: setattr(self, "_user_split", True))
        card_layout.addWidget(self.splitter, 1)
        self.tabs.addTab(card, "&Scorecard")

        # --- the values grid
        self.values = ValuesView()
        self.tabs.addTab(self.values, "Enter &values")
        self.tabs.currentChanged.connect(self._tab_changed)

        for combo in (self.theme_combo, self.tag_combo, self.agency_combo, self.rag_combo):
            combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        for check in (self.exceptions_check, self.grouped_check, self.retired_check):
            check.toggled.connect(lambda _on: self._filters_changed())
        self.search.textChanged.connect(self._search_changed)

        self.setStyleSheet(
            """
            #emptyState { color: palette(dark); font-size: 11pt; padding: 24px; }
            #scorecardCounts { font-weight: 600; }
            #indicatorHeading { padding: 2px 2px; }
            #commentaryBy, #keyLegend { color: palette(dark); }
            """
        )

    @staticmethod
    def _combo(name: str, tip: str, length: int) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setMinimumContentsLength(length)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def set_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            self.toolbar.addAction(action)

    # --- the store ------------------------------------------------------------------------------
    def set_store(self, store: Store | None, today: dt.date | None = None) -> None:
        """Show ``store``'s dataset: read now if the page is visible, else when it is next shown."""
        if store is not self._store:
            self._store = store
            self.period = None
            self._chosen_id = None
        self._today = today or dt.date.today()
        self._stale = True
        if self.isVisible():
            self.recompute()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share_split()

    def show_detail_pane(self, shown: bool) -> None:
        """Show or hide the detail under the table (hidden: the table has the page's whole height)."""
        if not shown and self.detail.dirty and not self.detail.save_commentary():
            return
        self.detail.setVisible(shown)
        if shown:
            self.show_detail(self.current_row())

    def _share_split(self) -> None:
        """The table gets 58% of the height and the detail the rest, whatever the screen and scaling,
        unless the officer has set the split (now, or in an earlier session)."""
        if self._user_split or self.splitter.property("restored"):
            return
        total = sum(self.splitter.sizes())
        if total > 0:
            self.splitter.setSizes([int(total * 0.58), total - int(total * 0.58)])

    @property
    def repo(self) -> PerformanceRepo | None:
        return self._store.performance if self._store is not None else None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._share_split()
        if self._stale:
            self.recompute()

    def ensure_current(self) -> None:
        if self._stale:
            self.recompute()

    def recompute(self) -> None:
        """Read the choices (periods, themes, tags, agencies) and show the scorecard."""
        self._stale = False
        repo = self.repo
        if repo is None:
            return
        agencies = self._store.agencies()
        self.agency_names = {a.id: a.label for a in agencies if a.id is not None}
        active = {a.id for a in agencies if a.id is not None and a.is_active(self._today)}
        self.latest = repo.latest_period(Frequency.QUARTERLY)
        self._updating = True
        try:
            self._fill_periods()
            self._refill(self.theme_combo, "All themes", [(t.name, t.id) for t in repo.themes()])
            in_use = {t for i in repo.indicators() for t in i.tags}
            tags = list(repo.allowed_tags()) + sorted(in_use - set(repo.allowed_tags()))
            self._refill(self.tag_combo, "Any tag", [(t, t) for t in tags])
            self._refill(self.agency_combo, "Any agency",
                         [(a.label, a.id) for a in sorted(agencies, key=lambda a: a.label.casefold())
                          if a.id in active])
        finally:
            self._updating = False
        self.values.set_repo(repo, self._today, self.agency_names, active)
        self.values.period = self.period
        self.values.fill_subjects(repo.indicators())
        self.show_scorecard()
        if self.tabs.currentIndex() == TAB_VALUES:
            self.values.reload()

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        chosen = combo_choice(combo)
        combo.clear()
        combo.addItem(everything, ANY)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _fill_periods(self) -> None:
        current = Period.containing(self._today, Frequency.QUARTERLY)
        oldest = current.shift(-(PERIODS_LISTED - 1))
        if self.latest is not None and self.latest < oldest:
            oldest = self.latest
        chosen = self.period or self.latest or Period.latest_complete(self._today, Frequency.QUARTERLY)
        self.period_combo.clear()
        period = current
        while period >= oldest:
            text = period.label()
            if period == self.latest:
                text += " · latest data"
            elif period == current:
                text += " · in progress"
            self.period_combo.addItem(text, period.key)
            period = period.previous()
        index = self.period_combo.findData(chosen.key)
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period = Period.from_key(combo_choice(self.period_combo), Frequency.QUARTERLY)

    # --- choices ----------------------------------------------------------------------------------
    def choose_period(self, period: Period | str) -> bool:
        self.ensure_current()
        key = period.key if isinstance(period, Period) else str(period)
        index = self.period_combo.findData(key)
        if index < 0:
            return False
        self.period_combo.setCurrentIndex(index)
        return True

    def step_period(self, delta: int) -> None:
        """``delta`` periods later (earlier when negative); the chooser lists the newest first."""
        index = self.period_combo.currentIndex() - delta
        if 0 <= index < self.period_combo.count():
            self.period_combo.setCurrentIndex(index)

    def _period_chosen(self, index: int) -> None:
        if self._updating or index < 0:
            return
        if not self._leave_commentary():
            self._updating = True
            self.period_combo.setCurrentIndex(self.period_combo.findData(self.period.key) if self.period else 0)
            self._updating = False
            return
        self.period = Period.from_key(self.period_combo.itemData(index), Frequency.QUARTERLY)
        self.values.period = self.period
        self.show_scorecard()
        if self.tabs.currentIndex() == TAB_VALUES:
            self.values.reload()

    def _filters_changed(self) -> None:
        if not self._updating:
            self.show_scorecard()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._after_show()

    def set_exceptions_only(self, on: bool) -> None:
        self.exceptions_check.setChecked(on)

    def focus_filter(self) -> None:
        self.tabs.setCurrentIndex(TAB_SCORECARD)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_VALUES:
            self.values.reload()
            self.values.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.ensure_current()
        self.selection_changed.emit()

    # --- showing ----------------------------------------------------------------------------------
    def show_scorecard(self) -> None:
        """Read the scorecard for the period and filters, and show it (the chosen indicator kept)."""
        repo = self.repo
        if repo is None or self.period is None:
            return
        rags = RAG_CHOICES[combo_choice(self.rag_combo) or 0][1]
        self.rows = repo.scorecard(
            self.period, theme=combo_choice(self.theme_combo), tag=combo_choice(self.tag_combo),
            agency=combo_choice(self.agency_combo), rag=rags, exceptions_only=self.exceptions_check.isChecked(),
            include_retired=self.retired_check.isChecked(),
        )
        keep = self._chosen_id
        self.model.set_rows(self.rows, self.period, grouped=self.grouped_check.isChecked())
        self.tree.setRootIsDecorated(self.grouped_check.isChecked())
        self.tree.expandAll()
        self._after_show()
        if keep is not None and self.select_indicator(keep):
            pass
        else:
            self._select_first()
        self.shown_changed.emit()

    def _after_show(self) -> None:
        self._span_groups()
        self.tree.expandAll()
        self.tree.fit_figures()  # (the title too) once every row is shown
        shown = self.rows
        filtered = self._filtered()
        if self.proxy._words:
            ids = {r.indicator.id for r in shown}
            visible = self.visible_ids()
            shown = [r for r in shown if r.indicator.id in visible and r.indicator.id in ids]
        counts = counts_text(shown)
        self.counts_label.setText(f"{plural(len(shown), 'indicator')}: {counts}"
                                  + (" (filtered)" if filtered else ""))
        self.counts_label.setAccessibleName(f"{len(shown)} indicators shown: {counts}")
        if not self.rows:
            self.empty_label.setText(self._empty_text(filtered))
        self.empty_label.setVisible(not self.rows)

    def _filtered(self) -> bool:
        return any(combo_choice(c) for c in (self.theme_combo, self.tag_combo, self.agency_combo, self.rag_combo)) \
            or self.exceptions_check.isChecked() or bool(self.proxy._words)

    def _empty_text(self, filtered: bool) -> str:
        if filtered:
            return "No indicator matches these filters for this period: clear a filter, or choose another period."
        return ("No indicators yet. Add the partnership's dataset with Performance ▸ Add indicator… (Ctrl+N), then "
                "enter its values on the Enter values tab.")

    def _span_groups(self) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            self.tree.setFirstColumnSpanned(row, QModelIndex(), self.proxy.hasChildren(index))

    def shown_rows(self) -> list[ScorecardRow]:
        """The rows the table shows, in theme order (the search words applied too)."""
        if not self.proxy._words:
            return list(self.rows)
        visible = self.visible_ids()
        return [r for r in self.rows if r.indicator.id in visible]

    def filters_words(self) -> str:
        """The filters in force, in words ('' for none): named in an export."""
        parts = []
        for label, combo in (("theme", self.theme_combo), ("tag", self.tag_combo), ("agency", self.agency_combo),
                             ("RAG", self.rag_combo)):
            if combo_choice(combo):
                parts.append(f"{label}: {combo.currentText()}")
        if self.exceptions_check.isChecked():
            parts.append("exceptions only")
        if self.retired_check.isChecked():
            parts.append("retired indicators included")
        if self.proxy._words:
            parts.append(f"matching '{' '.join(self.proxy._words)}'")
        return "; ".join(parts)

    def visible_ids(self) -> set[int]:
        """The indicators the table shows (after the search words)."""
        out: set[int] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                source = self.proxy.mapToSource(index)
                found = self.model.row_at(source)
                if found is not None:
                    out.add(found.indicator.id)
                walk(index)

        walk(QModelIndex())
        return out

    def _select_first(self) -> None:
        first = self._first_indicator(QModelIndex())
        if first.isValid():
            self.tree.setCurrentIndex(first)
        else:
            self._current_changed()

    def _first_indicator(self, parent: QModelIndex) -> QModelIndex:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if self.model.row_at(self.proxy.mapToSource(index)) is not None:
                return index
            inner = self._first_indicator(index)
            if inner.isValid():
                return inner
        return QModelIndex()

    def select_indicator(self, indicator_id: int) -> bool:
        source = self.model.index_of(indicator_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def current_row(self) -> ScorecardRow | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index.siblingAtColumn(0)))

    def _leave_commentary(self) -> bool:
        """Before another indicator or period is shown: save typing in the commentary (False: it could
        not be saved, so stay)."""
        if self.detail.dirty:
            return self.detail.save_commentary()
        return True

    def _current_changed(self) -> None:
        row = self.current_row()
        chosen = row.indicator.id if row else None
        if chosen != self._chosen_id and self.detail.dirty and not self.detail.save_commentary():
            self.select_indicator(self._chosen_id)  # type: ignore[arg-type]  (not saved: stay, to say why)
            return
        row = self.current_row()
        if row is not None:
            self._chosen_id = chosen
        self.show_detail(row)
        self.selection_changed.emit()

    def show_detail(self, row: ScorecardRow | None) -> None:
        repo = self.repo
        if row is None or repo is None or self.period is None:
            self.detail.show_row(None)
            return
        ind = row.indicator
        if self.detail.isHidden():  # put away (Performance ▸ Show indicator detail): nothing to draw
            return
        owner = self.agency_names.get(ind.owner_agency_id, "") if ind.owner_agency_id is not None else ""
        self.detail.show_row(row, chart_data(repo, ind, self.period), repo.revisions(ind.id), self.agency_names,
                             owner)

    def refresh_current(self) -> None:
        """Read the scorecard again (after a save), keeping the period, filters and the chosen indicator."""
        self._stale = False
        self.show_scorecard()

    def refresh_indicator(self, indicator_id: int) -> None:
        """Read one indicator's row again and show it in place (its commentary was saved): no reset, so
        the choice being made in the table is not disturbed."""
        repo = self.repo
        if repo is None or self.period is None:
            return
        ind = repo.indicator(indicator_id)
        fresh = next((r for r in repo.scorecard(self.period, theme=ind.theme_id, include_retired=True)
                      if r.indicator.id == indicator_id), None)
        if fresh is None:
            return
        self.rows = [fresh if r.indicator.id == indicator_id else r for r in self.rows]
        self.model.update_row(fresh)
        if self.current_row() is not None and self.current_row().indicator.id == indicator_id:
            self.show_detail(fresh)

"""The "Due and overdue" page: everything with a date that falls due, in one list (store/due.py).

Top: a line of counts (overdue in red, due today, the rest of the next 30 days). Then the page's actions
(Open, Remind owners…) and the filters: which (overdue and the next 30 days, overdue only, everything),
kind, and words. The table: due date, how overdue in words ("⚠ 12 days overdue", red on a pale red row),
kind, reference, what, owner; sorted by any column (by kind or owner to see them grouped). Enter or a
double-click opens the record on its own page. Several rows can be chosen: "Remind owners…" writes one
reminder draft per owner of the chosen actions.

Also here: :class:`DueBanner`, the line shown above the pages when a database is opened with something
overdue (once per database per session; a setting turns it off).

The page reads nothing itself: :class:`~mqp_desktop.ui.due.controller.DueController` gives it items and
owns the actions.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.due import (
    DEFAULT_WINDOW_DAYS,
    KIND_LABELS,
    KIND_ORDER,
    DueItem,
    count_items,
    kinds_text,
    summary_text,
)
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SEARCH_ROLE, SORT_ROLE, format_date
from mqp_desktop.ui.pages.common import RegisterTable, action_bar, filter_box

OVERDUE_COLOUR = "#b3261e"
OVERDUE_BACKGROUND = "#fde7e4"
TODAY_COLOUR = "#8a5a00"

SHOW_WINDOW, SHOW_OVERDUE, SHOW_ALL = "window", "overdue", "all"
SHOW_CHOICES = (
    (SHOW_WINDOW, f"Overdue and the next {DEFAULT_WINDOW_DAYS} days"),
    (SHOW_OVERDUE, "Overdue only"),
    (SHOW_ALL, "Everything with a date"),
)
ALL_KINDS = ""


def when_words(item: DueItem, today: dt.date) -> str:
    days = item.days_overdue(today)
    return f"⚠ {item.when_text(today)}" if days > 0 else item.when_text(today).capitalize()


class DueTableModel(QAbstractTableModel):
    """The due items: ``COL_*`` constants, rows replaced whole by :meth:`set_rows`."""

    COL_DUE, COL_WHEN, COL_KIND, COL_REFERENCE, COL_TITLE, COL_OWNER = range(6)
    HEADERS = ("Due", "When", "Kind", "Reference", "What", "Owner")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[DueItem] = []
        self.today = dt.date.today()

    def set_rows(self, rows: Sequence[DueItem], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def record(self, row: int) -> DueItem:
        return self._rows[row]

    def items(self) -> list[DueItem]:
        return list(self._rows)

    def row_of(self, table: str, record_id: int, kind: str | None = None) -> int:
        for row, item in enumerate(self._rows):
            if item.table == table and item.record_id == record_id and (kind is None or item.kind == kind):
                return row
        return -1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        col = index.column()
        days = item.days_overdue(self.today)
        if role == Qt.ItemDataRole.DisplayRole:
            return (format_date(item.due), when_words(item, self.today), item.kind_label, item.reference, item.title,
                    item.owner)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (self.COL_TITLE, self.COL_REFERENCE, self.COL_OWNER):
                return f"{item.reference}\n{item.title}\n{item.owner}"
            if col == self.COL_WHEN:
                return f"Due {item.due:%A} {item.due.day} {item.due:%B %Y}: {item.when_text(self.today)}"
            return None
        if role == SORT_ROLE:  # text, so Qt compares it (a date column by date, then kind and reference)
            when = f"{item.due.toordinal():07d}"
            if col in (self.COL_DUE, self.COL_WHEN):
                return f"{when} {KIND_ORDER.get(item.kind, 99):02d} {item.reference.casefold()}"
            text = (item.kind_label, item.reference, item.title, item.owner)[col - self.COL_KIND].casefold()
            return f"{text}\x00{when}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if days > 0 and col in (self.COL_DUE, self.COL_WHEN):
                return QBrush(QColor(OVERDUE_COLOUR))
            if days == 0 and col == self.COL_WHEN:
                return QBrush(QColor(TODAY_COLOUR))
            return None
        if role == Qt.ItemDataRole.BackgroundRole and days > 0:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and days > 0 and col == self.COL_WHEN:
            font = QFont()
            font.setBold(True)
            return font
        if role == RECORD_ROLE:
            return item
        if role == ID_ROLE:
            return item.record_id
        if role == SEARCH_ROLE:
            return f"{item.kind_label} {item.reference} {item.title} {item.owner}".casefold()
        return None


class DueFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.show = SHOW_WINDOW
        self.kind = ALL_KINDS
        self.words: list[str] = []

    def set_filters(self, show: str, kind: str, text: str) -> None:
        self.beginFilterChange()
        self.show, self.kind, self.words = show, kind, text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model: DueTableModel = self.sourceModel()  # type: ignore[assignment]
        item = model.record(source_row)
        days = item.days_overdue(model.today)
        if self.show == SHOW_OVERDUE and days <= 0:
            return False
        if self.show == SHOW_WINDOW and days < -DEFAULT_WINDOW_DAYS:
            return False
        if self.kind and item.kind != self.kind:
            return False
        if self.words:
            text = model.index(source_row, 0).data(SEARCH_ROLE)
            return all(w in text for w in self.words)
        return True


class DuePage(QWidget):
    title = "Due & overdue"  # in the list of areas (the page's heading says it in full)
    selection_changed = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duePage")
        self.today = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(QLabel("<h2 style='margin:0'>Due and overdue</h2>"))
        self.summary = QLabel()
        self.summary.setObjectName("pageIntro")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)

        bar = QHBoxLayout()
        self.button_bar = QHBoxLayout()
        bar.addLayout(self.button_bar)
        bar.addStretch(1)
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("dueShow")
        for key, text in SHOW_CHOICES:
            self.show_combo.addItem(text, key)
        self.show_combo.setToolTip("Overdue things, and what falls due soon")
        for combo in (self.show_combo,):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        bar.addWidget(self.show_combo)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("dueKind")
        self.kind_combo.addItem("All kinds", ALL_KINDS)
        for key, label in KIND_LABELS.items():
            self.kind_combo.addItem(label, key)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(12)
        bar.addWidget(self.kind_combo)
        self.filter_edit = filter_box("Find by reference, words or owner")
        self.filter_edit.setMinimumWidth(120)
        bar.addWidget(self.filter_edit)
        layout.addLayout(bar)

        self.model = DueTableModel(self)
        self.proxy = DueFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = RegisterTable()
        self.table.setObjectName("dueTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.set_column_widths((95, 165, 160, 210, 330, 210),
                                     {DueTableModel.COL_TITLE: 180, DueTableModel.COL_REFERENCE: 130,
                                      DueTableModel.COL_OWNER: 130})
        self.table.sortByColumn(DueTableModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.table.activated_row.connect(self.open_requested)
        layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        self.shown_label = QLabel()
        self.shown_label.setObjectName("pageIntro")
        foot.addWidget(self.shown_label)
        foot.addStretch(1)
        self.foot_bar = foot  # the controller puts its "Show on opening" box here
        layout.addLayout(foot)

        self.show_combo.currentIndexChanged.connect(self._refilter)
        self.kind_combo.currentIndexChanged.connect(self._refilter)
        self.filter_edit.textChanged.connect(self._refilter)

    def set_actions(self, actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)

    def set_items(self, items: Sequence[DueItem], today: dt.date) -> None:
        keep = [(i.table, i.record_id, i.kind) for i in self.selected_items()]
        self.today = today
        self.model.set_rows(items, today)
        counts = count_items(items, today)
        words = html.escape(summary_text(counts))
        if counts.overdue:
            words = words.replace(f"{counts.overdue} overdue",
                                  f"<span style='color:{OVERDUE_COLOUR}'><b>{counts.overdue} overdue ⚠</b></span>", 1)
        self.summary.setText(
            f"On {today.day} {today:%b %Y}: {words}. Actions, papers, challenges, action plans, Section 11 "
            "returns, transfer answers, attendance letters and the reviews the Terms of Reference ask for; Enter "
            "opens one on its own page, Ctrl+click chooses several.")
        self._refilter()
        for table, record_id, kind in keep:
            self.select(table, record_id, kind, add=True, reveal=False)

    def _refilter(self, *_args: Any) -> None:
        self.proxy.set_filters(self.show_combo.currentData() or SHOW_WINDOW, self.kind_combo.currentData() or "",
                               self.filter_edit.text())
        self.shown_label.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} shown")
        self.selection_changed.emit()

    def show_only(self, which: str) -> None:
        self.show_combo.setCurrentIndex(max(0, self.show_combo.findData(which)))

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))

    def visible_items(self) -> list[DueItem]:
        return [self.proxy.index(r, 0).data(RECORD_ROLE) for r in range(self.proxy.rowCount())]

    def selected_items(self) -> list[DueItem]:
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(RECORD_ROLE) for i in rows]

    def current_item(self) -> DueItem | None:
        index = self.table.currentIndex()
        chosen = self.selected_items()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return index.siblingAtColumn(0).data(RECORD_ROLE)
        return chosen[0] if chosen else None

    def select(self, table: str, record_id: int, kind: str | None = None, *, add: bool = False,
               reveal: bool = True) -> bool:
        source = self.model.row_of(table, record_id, kind)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            if not reveal:
                return False
            self.filter_edit.clear()
            self.show_only(SHOW_ALL)
            self.set_kind(ALL_KINDS)
            index = self.proxy.mapFromSource(self.model.index(source, 0))
        from PySide6.QtCore import QItemSelectionModel

        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select if add else QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def select_rows(self, rows: Sequence[int]) -> None:
        """Choose these visible rows (tests; Ctrl+click in use)."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        selection = QItemSelection()
        for row in rows:
            selection.select(self.proxy.index(row, 0), self.proxy.index(row, self.proxy.columnCount() - 1))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()


class DueBanner(QFrame):
    """'⚠ 5 things are overdue, the oldest by 40 days.  Show them · Don't show on opening · Hide', above the pages.

    One line (the kinds are in its tooltip), so the pages keep their room at 150% scaling."""

    show_requested = Signal()
    turned_off = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dueBanner")
        self.label = QLabel()
        self.label.setObjectName("dueBannerText")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self.show_button = QPushButton("Show &them")
        self.show_button.setToolTip("Open the Due and overdue list, overdue things only")
        self.off_button = QPushButton("Don't show on opening")
        self.off_button.setToolTip("Stop showing this line when a database is opened (the list stays in the "
                                   "Areas, and in View and Minutes menus; its page can turn it back on)")
        self.hide_button = QPushButton("Hide")
        self.hide_button.setToolTip("Hide this line until a database is opened again")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 2, 12, 2)
        row.addWidget(self.label, 1)
        for button in (self.show_button, self.off_button, self.hide_button):
            button.setFlat(True)
            row.addWidget(button)
        self.setStyleSheet("#dueBanner { background: #fde7e4; border-bottom: 1px solid #e8a99f; }"
                           " #dueBanner QPushButton { color: #5c1a10; text-decoration: underline; padding: 1px 6px; }"
                           " #dueBannerText { color: #5c1a10; }")
        self.show_button.clicked.connect(self._show)
        self.off_button.clicked.connect(self._off)
        self.hide_button.clicked.connect(self.hide)
        self.setVisible(False)

    def show_for(self, overdue: Sequence[DueItem], today: dt.date) -> None:
        n = len(overdue)
        oldest = max(i.days_overdue(today) for i in overdue)
        self.label.setText(f"<b>⚠ {n} thing{'s are' if n != 1 else ' is'} overdue</b>, the oldest by {oldest} day"
                           f"{'s' if oldest != 1 else ''}.")
        self.label.setToolTip(f"Overdue: {kinds_text(overdue)}.")
        self.setVisible(True)

    def _show(self) -> None:
        self.hide()
        self.show_requested.emit()

    def _off(self) -> None:
        self.hide()
        self.turned_off.emit()


__all__ = ["SHOW_ALL", "SHOW_OVERDUE", "SHOW_WINDOW", "DueBanner", "DueFilterProxy", "DuePage", "DueTableModel"]

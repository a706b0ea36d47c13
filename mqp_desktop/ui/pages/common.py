"""Pieces the register pages share: the filter proxy, the table view, the action buttons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.ui.models import ACTIVE_ROLE, AGENCY_ID_ROLE, ID_ROLE, SEARCH_ROLE, SORT_ROLE
from mqp_desktop.ui.widgets.column_fit import ColumnFit


class RegisterFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; filters by words (all must match), agency and current/ended."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._agency_id: int | None = None
        self._show_ended = False
        self._ended_filter = True
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def _changed(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self._changed()

    def set_agency_id(self, agency_id: int | None) -> None:
        self.beginFilterChange()
        self._agency_id = agency_id
        self._changed()

    def set_show_ended(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_ended = show
        self._changed()

    @property
    def show_ended(self) -> bool:
        return self._show_ended

    def set_ended_filter(self, enabled: bool) -> None:
        """Whether rows answering ``ACTIVE_ROLE`` False are hidden unless shown (not for history)."""
        self.beginFilterChange()
        self._ended_filter = enabled
        self._changed()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._ended_filter and not self._show_ended and model.data(index, ACTIVE_ROLE) is False:
            return False
        if self._agency_id is not None and model.data(index, AGENCY_ID_ROLE) != self._agency_id:
            return False
        if self._words:
            haystack = model.data(index, SEARCH_ROLE) or ""
            return all(word in haystack for word in self._words)
        return True


class RegisterTable(QTableView):
    """A read-only, row-selecting, sortable table. ``activated_row`` on Enter or double-click."""

    activated_row = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._flexible: dict[int, int] = {}
        self.fit: ColumnFit | None = None
        self.auto_fit = False
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setShowGrid(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(lambda _index: self.activated_row.emit())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.activated_row.emit)

    def set_column_widths(self, widths: Sequence[int], flexible: Mapping[int, int] | None = None) -> None:
        """Starting widths; from then on every column is sized to its contents when data is set (names, dates,
        statuses and references never cut), and the ``flexible`` columns (column -> narrowest: long free
        text, shown whole in the page's detail pane or a tooltip) give way to fit the window."""
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)
        self._flexible = dict(flexible or {})
        self.fit = ColumnFit(self, self._flexible, dict(enumerate(widths)))
        self.auto_fit = True

    def setModel(self, model) -> None:
        super().setModel(model)
        if self.fit is not None:
            self.fit.watch()

    def restore_header(self, state, *, own_widths: bool = True) -> bool:
        """Restore a saved header state: its order, sorting and hidden columns, and its widths when they are
        the user's own (``own_widths``: a column was dragged) - those win over fitting; widths that were only
        fitted are fitted again to today's data."""
        fit = self.fit
        if fit is not None and not own_widths:
            return fit.restore(state)
        if not self.horizontalHeader().restoreState(state):
            return False
        self.auto_fit = False
        if fit is not None:
            fit.stop()
        return True

    @property
    def own_widths(self) -> bool:
        """Whether the widths are the user's own (a column dragged, or restored as such), not fitted."""
        return self.fit is None or not self.fit.active

    def fit_columns(self) -> None:
        """Fit the columns to the visible width again (after a column is shown or hidden)."""
        if self.fit is not None:
            self.fit.refit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.auto_fit:
            self.auto_fit = False
            self.fit_columns()

    def viewportEvent(self, event) -> bool:
        # a cell cut short shows its whole text when pointed at (unless the model has a tooltip of its own)
        if event.type() == QEvent.Type.ToolTip:
            index = self.indexAt(event.pos())
            if index.isValid() and not index.data(Qt.ItemDataRole.ToolTipRole):
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if text and self.is_cut(index):
                    QToolTip.showText(event.globalPos(), str(text), self.viewport(), self.visualRect(index))
                    return True
        return super().viewportEvent(event)

    def is_cut(self, index: QModelIndex) -> bool:
        """Whether the cell's text is wider than its column (so shown with an ellipsis)."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole) or self.font()
        needed = max((QFontMetrics(font).horizontalAdvance(line) for line in text.split("\n")), default=0) + 8
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            needed += self.iconSize().width() + 4 if self.iconSize().isValid() else 20
        return needed > self.columnWidth(index.column())

    def current_id(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        return rows[0].data(ID_ROLE)

    def select_id(self, record_id: int | None) -> bool:
        """Select (and scroll to) the visible row holding this id; False when not visible."""
        model = self.model()
        if model is None or record_id is None:
            return False
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) == record_id:
                self.setCurrentIndex(index)
                self.selectRow(row)
                self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
                return True
        return False


def action_bar(actions: Sequence[QAction]) -> QToolBar:
    """The page's own toolbar of window actions (text beside icon; overflows into a » menu)."""
    bar = QToolBar()
    bar.setObjectName("pageActions")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setIconSize(QSize(16, 16))
    bar.setMovable(False)
    bar.setFloatable(False)
    for action in actions:
        bar.addAction(action)
    return bar


class FilterBox(QLineEdit):
    """A search-as-you-type box that asks for room for a few words."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), 240), hint.height())


def filter_box(placeholder: str) -> QLineEdit:
    box = FilterBox()
    box.setPlaceholderText(placeholder)
    box.setToolTip(f"{placeholder} (Ctrl+F)")
    box.setClearButtonEnabled(True)
    box.setMinimumWidth(150)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box


def scrolling_body(page: QWidget, name: str) -> tuple[QScrollArea, QVBoxLayout]:
    """The page's whole content in a frameless vertical scroll area: a short screen (a laptop at 150%: about
    490 pixels for everything) scrolls the page rather than cutting wrapped lines or squeezing its table to
    a heading (issue 14). The layout returned is the content's; give the part that must keep rows in view
    a minimum height."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    body = _ScrolledBody()
    scroll.setWidget(body)
    outer.addWidget(scroll)
    return scroll, QVBoxLayout(body)


class _ScrolledBody(QWidget):
    """A scroll area's content that asks for its *least* height at a width: the parts that may not shrink
    (a header of wrapped lines, fixed or minimum vertically) at their height for that width, the others
    (tables, tabs, splitters) at their minimum. Qt would give a content with wrapping lines its preferred
    height, so the page scrolled on a 1366x768 screen that had the room for it."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        keep = (QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        heights = []
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item.isEmpty():
                continue
            widget = item.widget()
            whole = widget is not None and widget.sizePolicy().verticalPolicy() in keep and item.hasHeightForWidth()
            heights.append(item.heightForWidth(inner) if whole else item.minimumSize().height())
        return (margins.top() + margins.bottom() + sum(heights)
                + max(0, layout.spacing()) * max(0, len(heights) - 1))

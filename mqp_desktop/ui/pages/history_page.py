"""The change history: every change to the register, who made it, where, old and new values."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from mqp_desktop.store.store import Change
from mqp_desktop.ui.models import RECORD_ROLE, HistoryTableModel
from mqp_desktop.ui.pages.common import RegisterFilterProxy, RegisterTable, filter_box

DEFAULT_WIDTHS = (130, 90, 110, 140, 320, 400)


class EntityFilterProxy(RegisterFilterProxy):
    """The register filter plus 'what kind of record changed'."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._entity: str | None = None
        self.set_ended_filter(False)

    def set_entity(self, entity: str | None) -> None:
        self.beginFilterChange()
        self._entity = entity
        self.endFilterChange(RegisterFilterProxy.Direction.Rows)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:
        if self._entity is not None:
            change = self.sourceModel().index(source_row, 0, source_parent).data(RECORD_ROLE)
            if change is None or change.entity != self._entity:
                return False
        return super().filterAcceptsRow(source_row, source_parent)


class HistoryPage(QWidget):
    title = "Change history"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = HistoryTableModel(self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(10)
        intro = QLabel(
            "Every change to the register, newest first: when, by whom, on which computer, and the "
            "old and new values. Nothing is deleted; an undo is recorded as a change of its own."
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        layout.addWidget(intro)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.filter_edit = filter_box("Filter by name, person, computer or value")
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.entity_combo = QComboBox()
        for label, entity in (
            ("All changes", None),
            ("Members", "member"),
            ("Agencies", "agency"),
            ("Subcommittee settings", "subcommittee"),
            ("The database file (encryption)", "database"),
        ):
            self.entity_combo.addItem(label, entity)
        self.entity_combo.currentIndexChanged.connect(lambda _i: self.proxy.set_entity(self.entity_combo.currentData()))
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.entity_combo)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.table = RegisterTable()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.proxy)
        self.table.set_column_widths(DEFAULT_WIDTHS, {HistoryTableModel.COL_SUMMARY: 220, HistoryTableModel.COL_DETAILS: 220})
        self.table.sortByColumn(HistoryTableModel.COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText("Select a change to see every value it changed.")
        self.table.selectionModel().selectionChanged.connect(self._show_details)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 120])
        self._loader = None
        self.splitter = splitter
        layout.addWidget(splitter, 1)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def set_loader(self, loader: Callable[[], tuple[Sequence[Change], Mapping[int, str], Mapping[int, str]]]) -> None:
        """Give the page a way to read the history; it reads it when shown (the history
        of a long-used database is thousands of rows, not worth reading at start-up)."""
        self._loader = loader
        if self.isVisible():
            self.ensure_loaded()

    def ensure_loaded(self) -> None:
        if self._loader is not None:
            loader, self._loader = self._loader, None
            self.set_data(*loader())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.ensure_loaded()

    def set_data(
        self,
        changes: Sequence[Change],
        agency_names: Mapping[int, str],
        member_names: Mapping[int, str],
    ) -> None:
        self.model.set_rows(changes, agency_names, member_names)
        self._show_details()

    def _show_details(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.clear()
            return
        change = rows[0].data(RECORD_ROLE)
        head = f"{self.model.when(change)} — {change.user} on {change.host}\n{change.summary}\n\n"
        self.details.setPlainText(head + self.model.details(change, "\n"))

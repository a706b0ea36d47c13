"""The action log (ToR 14): every action from every meeting, filtered by owner, status and overdue.

Overdue actions (past their due date and still open or in progress) are shown
in red on a pale red row *and* marked "⚠ overdue" in the Due column, so they
are found without colour too. Export saves what the filters show (owner, open
only, overdue) to Excel or Word. The minutes controller fills the page.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from mqp_desktop.domain.actions import ActionStatus
from mqp_desktop.ui.minutes_models import OVERDUE_ROLE, OWNER_ROLE, STATUS_ROLE, ActionLogModel, ActionRow
from mqp_desktop.ui.models import SORT_ROLE
from mqp_desktop.ui.pages.common import RegisterTable, action_bar, filter_box
from mqp_desktop.ui.widgets.flow_layout import FlowLayout

ALL = ""
OPEN_OR_IN_PROGRESS = "open*"


class ActionsFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.owner = ALL
        self.status = ALL
        self.overdue_only = False
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filters(self, owner: str, status: str, overdue_only: bool, text: str) -> None:
        self.beginFilterChange()
        self.owner, self.status, self.overdue_only = owner, status, overdue_only
        self.words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self.owner and index.data(OWNER_ROLE) != self.owner:
            return False
        status = index.data(STATUS_ROLE)
        if self.status == OPEN_OR_IN_PROGRESS and ActionStatus(status).closed:
            return False
        if self.status not in (ALL, OPEN_OR_IN_PROGRESS) and status != self.status:
            return False
        if self.overdue_only and not index.data(OVERDUE_ROLE):
            return False
        if self.words:
            text = " ".join(str(model.index(source_row, c, source_parent).data() or "")
                            for c in range(model.columnCount())).casefold()
            return all(w in text for w in self.words)
        return True


class ActionsPage(QWidget):
    title = "Actions"
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("actionsPage")
        self.today = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        heading = QLabel("<h2 style='margin:0'>Action log</h2>")
        layout.addWidget(heading)
        self.summary = QLabel()
        self.summary.setObjectName("pageIntro")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        top = QHBoxLayout()
        self.button_bar = QHBoxLayout()
        top.addLayout(self.button_bar)
        # the filters wrap onto a second line on a narrow window (1366x768 at 150%) rather than widening it
        filters_row = QWidget()
        bar = FlowLayout(filters_row, h_spacing=6, v_spacing=4)
        bar.setContentsMargins(0, 0, 0, 0)
        top.addWidget(filters_row, 1)
        bar.addWidget(QLabel("Owner:"))
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("actionsOwner")
        self.owner_combo.setMinimumContentsLength(16)
        bar.addWidget(self.owner_combo)
        bar.addWidget(QLabel("Status:"))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("actionsStatus")
        self.status_combo.addItem("All", ALL)
        self.status_combo.addItem("Open or in progress", OPEN_OR_IN_PROGRESS)
        for s in ActionStatus:
            self.status_combo.addItem(s.value.capitalize(), s.value)
        bar.addWidget(self.status_combo)
        self.overdue_check = QCheckBox("Overdue only")
        self.overdue_check.setObjectName("actionsOverdue")
        bar.addWidget(self.overdue_check)
        self.filter_edit = filter_box("Find an action")
        bar.addWidget(self.filter_edit)
        layout.addLayout(top)

        self.model = ActionLogModel(self)
        self.proxy = ActionsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = RegisterTable()
        self.table.setObjectName("actionsTable")
        self.table.setModel(self.proxy)
        self.table.set_column_widths((90, 400, 150, 165, 90, 240, 220), {ActionLogModel.COL_DESCRIPTION: 200})
        self.table.setWordWrap(True)
        self.table.sortByColumn(ActionLogModel.COL_NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_detail())

        # the chosen action in full: its whole description, owner, due date, where it came from, every update
        self.detail = QTextBrowser()
        self.detail.setObjectName("actionDetail")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText("Choose an action to see it in full: what is to be done, by whom, by when, "
                                       "and every update given at a meeting.")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("actionsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

        self.owner_combo.currentIndexChanged.connect(self._refilter)
        self.status_combo.currentIndexChanged.connect(self._refilter)
        self.overdue_check.toggled.connect(self._refilter)
        self.filter_edit.textChanged.connect(self._refilter)

    def set_actions(self, actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)

    def set_data(self, rows: Sequence[ActionRow], today: dt.date) -> None:
        self.today = today
        keep = self.owner_combo.currentData()
        self.model.set_rows(rows)
        owners = sorted({r.owner for r in rows}, key=str.casefold)
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        self.owner_combo.addItem("Everyone", ALL)
        for o in owners:
            self.owner_combo.addItem(o, o)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(keep)))
        self.owner_combo.blockSignals(False)
        self._refilter()

    def _refilter(self, *_args: Any) -> None:
        self.proxy.set_filters(self.owner_combo.currentData() or ALL, self.status_combo.currentData() or ALL,
                               self.overdue_check.isChecked(), self.filter_edit.text())
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        overdue = self.model.overdue_count()
        open_ = sum(1 for r in range(total) if not self.model.record(r).action.status.closed)
        self.summary.setText(
            f"{total} actions from every meeting: {open_} open or in progress, "
            f"<span style='color:#b3261e'><b>{overdue} overdue ⚠</b></span> today ({self.today:%d %b %Y}). "
            f"Showing {shown}. Status changes are recorded in a meeting's minutes (Action log tab).")

    def current_row(self) -> ActionRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(Qt.ItemDataRole.UserRole + 2) if rows else None

    def _show_detail(self) -> None:
        row = self.current_row()
        if row is None:
            self.detail.clear()
            return
        a, e = row.action, html.escape
        due = f"{a.due_date:%d %B %Y}" if a.due_date else "no due date"
        if row.overdue:
            days = (self.today - a.due_date).days
            due += f" — <span style='color:#b3261e'><b>⚠ overdue by {days} day{'s' * (days != 1)}</b></span>"
        updates = "".join(f"<li>{e(u)}</li>" for u in row.updates) or "<li>None given yet.</li>"
        self.detail.setHtml(
            f"<h3 style='margin:0'>{e(a.number)}</h3><p style='margin-top:4px'>{e(a.description)}</p>"
            f"<p><b>Owner:</b> {e(row.owner)}<br><b>Due:</b> {due}<br><b>Status:</b> {e(a.status.value)}"
            f"<br><b>From:</b> {e(row.source)}</p><p><b>Updates given at meetings</b></p><ul>{updates}</ul>")

    def select_action(self, action_id: int) -> bool:
        """Choose this action (clearing the filters when they hide it); False when it is not in the log."""
        for attempt in range(2):
            for row in range(self.proxy.rowCount()):
                index = self.proxy.index(row, 0)
                record = index.data(Qt.ItemDataRole.UserRole + 2)
                if record is not None and record.action.id == action_id:
                    self.table.selectRow(row)
                    self.table.scrollTo(index)
                    self.table.setFocus()
                    return True
            if attempt == 0:
                self.filter_edit.clear()
                self.owner_combo.setCurrentIndex(0)
                self.status_combo.setCurrentIndex(0)
                self.overdue_check.setChecked(False)
        return False

    def visible_rows(self) -> list[ActionRow]:
        return [self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(self.proxy.rowCount())]

    def export_filters(self) -> dict[str, Any]:
        """What the filters mean for ``export_action_log`` (owner, open only, overdue)."""
        status = self.status_combo.currentData() or ALL
        return {
            "open_only": status == OPEN_OR_IN_PROGRESS,
            "overdue_on": self.today if self.overdue_check.isChecked() else None,
            "owner": (self.owner_combo.currentData() or None),
        }

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

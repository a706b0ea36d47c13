"""The agencies on the subcommittee (ToR 4): statutory or not, partner class, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mqp_desktop.domain.model import Agency
from mqp_desktop.ui.models import ID_ROLE, AgenciesTableModel
from mqp_desktop.ui.pages.common import RegisterFilterProxy, RegisterTable, action_bar, filter_box

DEFAULT_WIDTHS = (400, 170, 90, 190, 80, 100, 100)


class AgenciesPage(QWidget):
    selection_changed = Signal()
    edit_requested = Signal()

    title = "Agencies"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AgenciesTableModel(self)
        self.proxy = RegisterFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(10)
        intro = QLabel(
            "The agencies represented on the subcommittee. Statutory agencies (marked with a shield) "
            "count towards the quorum; an agency that leaves is ended, never deleted, so past "
            "meetings still name it."
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        layout.addWidget(intro)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.filter_edit = filter_box("Filter by name or partner class")
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.show_ended = QCheckBox("Show ended agencies")
        self.show_ended.toggled.connect(self.proxy.set_show_ended)
        self.button_bar = QHBoxLayout()
        self.button_bar.setContentsMargins(0, 0, 0, 0)
        bar.addLayout(self.button_bar, 1)
        bar.addWidget(self.filter_edit)
        bar.addWidget(self.show_ended)
        layout.addLayout(bar)

        self.table = RegisterTable()
        self.table.setObjectName("agenciesTable")
        self.table.setModel(self.proxy)
        self.table.set_column_widths(
            DEFAULT_WIDTHS,
            {AgenciesTableModel.COL_NAME: 260, AgenciesTableModel.COL_CLASS: 160},
        )
        self.table.sortByColumn(AgenciesTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.table.activated_row.connect(self.edit_requested.emit)
        layout.addWidget(self.table, 1)

    def set_actions(self, actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def set_data(
        self, agencies: Sequence[Agency], member_counts: Mapping[int, int], today: dt.date | None = None
    ) -> None:
        keep = self.current_agency_id()
        self.model.set_rows(agencies, member_counts, today)
        if keep is not None:
            self.table.select_id(keep)
        self.selection_changed.emit()

    def current_agency_id(self) -> int | None:
        return self.table.current_id()

    def current_agency(self) -> Agency | None:
        row = self.model.row_of(self.current_agency_id())
        return self.model.agency(row) if row >= 0 else None

    def select_agency(self, agency_id: int | None) -> bool:
        if agency_id is None:
            return False
        if self.table.select_id(agency_id):
            return True
        row = self.model.row_of(agency_id)
        if row < 0:
            return False
        self.filter_edit.clear()
        if not self.model.agency(row).is_active():
            self.show_ended.setChecked(True)
        return self.table.select_id(agency_id)

    def visible_agency_ids(self) -> list[int]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

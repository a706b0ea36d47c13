"""The membership register: who sits on the subcommittee, for which agency (ToR 4).

A header strip with the subcommittee, its chair and its quorum rule in words;
the register as a sortable, filterable table; and the warnings the Terms of
Reference imply (``register_warnings``), each of which selects what it is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.model import Agency, Member, Office, Subcommittee
from mqp_desktop.domain.register_checks import RegisterWarning, WarningKind
from mqp_desktop.ui.models import ID_ROLE, MembersTableModel, format_date, icon
from mqp_desktop.ui.pages.common import RegisterFilterProxy, RegisterTable, action_bar, filter_box, scrolling_body

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AGENCY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3

DEFAULT_WIDTHS = (165, 215, 160, 110, 215, 105, 115, 90, 90)


class SubcommitteeHeader(QFrame):
    """Name, partnership, chair and co-chair, quorum rule and ToR dates, in words."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("subcommitteeHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # never squeezed below its wrapped lines (a short screen scrolls the page instead: MembershipPage)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(16)
        text = QVBoxLayout()
        text.setSpacing(4)
        self.title = QLabel()
        self.title.setObjectName("subcommitteeTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subcommitteeSubtitle")
        self.subtitle.setWordWrap(True)
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.setContentsMargins(0, 6, 0, 0)
        self.values: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(
            (("chair", "Chair"), ("co_chair", "Co-chair"), ("quorum", "Quorum"), ("tor", "Terms of Reference"))
        ):
            caption = QLabel(label)
            caption.setObjectName("headerCaption")
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        text.addLayout(grid)
        outer.addLayout(text, 1)
        self.settings_button = QToolButton()
        outer.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)

    def set_settings_action(self, action: QAction) -> None:
        self.settings_button.setDefaultAction(action)
        self.settings_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

    @staticmethod
    def _office(office: Office, members: dict[int, Member], today: dt.date) -> str:
        if office.member_id is None:
            return "none recorded"
        m = members.get(office.member_id)
        who = m.display_name if m else f"member #{office.member_id}"
        if m and not m.is_vacant and m.role_title:
            who = f"{who}, {m.role_title}"
        parts = [who]
        if office.appointed:
            parts.append(f"since {format_date(office.appointed)}")
        if office.review_due:
            overdue = " (overdue)" if office.review_due < today else ""
            parts.append(f"review due {format_date(office.review_due)}{overdue}")
        return " · ".join(parts)

    def set_subcommittee(
        self, s: Subcommittee, agencies: Sequence[Agency], members: Sequence[Member], today: dt.date | None = None
    ) -> None:
        today = today or dt.date.today()
        by_id = {m.id: m for m in members if m.id is not None}
        self.title.setText(s.name)
        bits = [s.partnership] if s.partnership else []
        if s.reporting_line:
            bits.append(f"reports to {s.reporting_line}")
        bits.append(f"meets {s.frequency_text}")
        bits.append(f"attendance standard {s.attendance_standard}%")
        self.subtitle.setText(" · ".join(bits))
        self.values["chair"].setText(self._office(s.chair, by_id, today))
        self.values["co_chair"].setText(self._office(s.co_chair, by_id, today))
        names = {a.id: a.label for a in agencies if a.id is not None}
        statutory = sorted(a.label for a in agencies if a.statutory and a.is_active(today))
        quorum = s.quorum_rule.describe(names)
        if statutory and s.quorum_rule.agency_set.value == "statutory":
            quorum += f" Statutory agencies: {', '.join(statutory)}."
        self.values["quorum"].setText(quorum)
        tor = [s.tor_version or "version not recorded"]
        if s.tor_signed_off:
            tor.append(f"signed off {format_date(s.tor_signed_off)}")
        if s.tor_review_due:
            overdue = " (overdue)" if s.tor_review_due < today else ""
            tor.append(f"review due {format_date(s.tor_review_due)}{overdue}")
        self.values["tor"].setText(" · ".join(tor))


class WarningsPanel(QWidget):
    """A collapsible list of the register's warnings; clicking one emits what it is about."""

    warning_activated = Signal(object)  # RegisterWarning

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.toggle = QToolButton()
        self.toggle.setObjectName("warningsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._set_expanded)
        self.list = QListWidget()
        self.list.setObjectName("warningsList")
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout.addWidget(self.toggle)
        layout.addWidget(self.list, 1)
        self._warnings: list[RegisterWarning] = []
        self.set_warnings([])

    @property
    def warnings(self) -> list[RegisterWarning]:
        return list(self._warnings)

    def _set_expanded(self, expanded: bool) -> None:
        self.list.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)

    def set_warnings(self, warnings: Sequence[RegisterWarning]) -> None:
        self._warnings = list(warnings)
        self.list.clear()
        warn_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        info_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        for w in self._warnings:
            clause = f"  ({w.clause})" if w.clause else ""
            item = QListWidgetItem(f"{w.message}{clause}")
            minor = w.kind in (WarningKind.SEAT_VACANT, WarningKind.MEMBER_NO_EMAIL)
            item.setIcon(info_icon if minor else warn_icon)
            item.setToolTip(f"{w.kind.value.capitalize()}{clause}. Click to show it.")
            item.setData(MEMBER_ID_ROLE, w.member_id)
            item.setData(AGENCY_ID_ROLE, w.agency_id)
            item.setData(KIND_ROLE, w)
            self.list.addItem(item)
        n = len(self._warnings)
        if n:
            self.toggle.setText(f"Register warnings ({n})")
        else:
            self.toggle.setText("Register warnings: none — the register meets the Terms of Reference")

    def _activated(self, item: QListWidgetItem) -> None:
        self.warning_activated.emit(item.data(KIND_ROLE))


class MembershipPage(QWidget):
    """The register of members (seats), current and ended, with its warnings."""

    selection_changed = Signal()
    edit_requested = Signal()
    warnings_changed = Signal(int)
    agency_requested = Signal(int)
    settings_requested = Signal()

    title = "Membership"
    MIN_REGISTER_HEIGHT = 260  # the register's heading and a few rows, and the warnings' heading, on any screen

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = MembersTableModel(self)
        self.proxy = RegisterFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._agencies: list[Agency] = []

        # On a short screen (a laptop at 150%: 512 pixels for everything) the page scrolls as a whole, so
        # the header's wrapped lines are never cut and the register keeps a few rows (issue 14).
        self.scroll, layout = scrolling_body(self, "membershipScroll")
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(10)
        self.header = SubcommitteeHeader()
        layout.addWidget(self.header)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.filter_edit = filter_box("Filter by name, post, agency or email")
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.agency_combo = QComboBox()
        self.agency_combo.setMinimumContentsLength(12)
        self.agency_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.agency_combo.currentIndexChanged.connect(self._agency_chosen)
        self.agency_combo.setToolTip("Show only the members of one agency")
        self.show_ended = QCheckBox("Show ended members")
        self.show_ended.toggled.connect(self._show_ended_toggled)
        self.button_bar = QHBoxLayout()
        self.button_bar.setContentsMargins(0, 0, 0, 0)
        bar.addLayout(self.button_bar, 1)
        bar.addWidget(self.filter_edit)
        bar.addWidget(self.agency_combo)
        bar.addWidget(self.show_ended)
        layout.addLayout(bar)

        self.table = RegisterTable()
        self.table.setObjectName("membersTable")
        self.table.setModel(self.proxy)
        self.table.set_column_widths(
            DEFAULT_WIDTHS,
            {MembersTableModel.COL_POST: 140, MembersTableModel.COL_EMAIL: 150},
        )
        self.table.sortByColumn(MembersTableModel.COL_AGENCY, Qt.SortOrder.AscendingOrder)
        self.table.setColumnHidden(MembersTableModel.COL_END, True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.table.activated_row.connect(self.edit_requested.emit)

        self.warnings = WarningsPanel()
        self.warnings.warning_activated.connect(self.show_warning)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.warnings)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 170])
        self.splitter.setMinimumHeight(self.MIN_REGISTER_HEIGHT)
        layout.addWidget(self.splitter, 1)

    # --- wiring ----------------------------------------------------------------------------
    def set_actions(self, actions: Sequence[QAction], settings: QAction) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)
        self.header.set_settings_action(settings)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # --- data ------------------------------------------------------------------------------
    def set_data(
        self,
        subcommittee: Subcommittee,
        agencies: Sequence[Agency],
        members: Sequence[Member],
        warnings: Sequence[RegisterWarning],
        today: dt.date | None = None,
    ) -> None:
        keep = self.current_member_id()
        offices = {}
        if subcommittee.chair.member_id is not None:
            offices[subcommittee.chair.member_id] = "Chair"
        if subcommittee.co_chair.member_id is not None:
            offices[subcommittee.co_chair.member_id] = "Co-chair"
        self.header.set_subcommittee(subcommittee, agencies, members, today)
        self.model.set_rows(members, agencies, offices, today)
        self._set_agencies(agencies)
        self.warnings.set_warnings(warnings)
        self.warnings_changed.emit(len(warnings))
        if keep is not None:
            self.table.select_id(keep)
        self.selection_changed.emit()

    def _set_agencies(self, agencies: Sequence[Agency]) -> None:
        self._agencies = list(agencies)
        chosen = self.agency_combo.currentData()
        self.agency_combo.blockSignals(True)
        self.agency_combo.clear()
        self.agency_combo.addItem("All agencies", None)
        for a in sorted(agencies, key=lambda a: a.label.lower()):
            label = a.label if a.is_active() else f"{a.label} (ended)"
            if a.statutory:
                self.agency_combo.addItem(icon("statutory"), label, a.id)
            else:
                self.agency_combo.addItem(label, a.id)
        found = self.agency_combo.findData(chosen) if chosen is not None else 0
        self.agency_combo.setCurrentIndex(max(found, 0))
        self.agency_combo.blockSignals(False)
        self.proxy.set_agency_id(self.agency_combo.currentData())

    def _show_ended_toggled(self, show: bool) -> None:
        self.proxy.set_show_ended(show)
        self.sync_columns()

    def sync_columns(self) -> None:
        """The End column is empty for current members: shown only with the ended ones."""
        self.table.setColumnHidden(MembersTableModel.COL_END, not self.show_ended.isChecked())
        if self.table.isVisible():
            self.table.fit_columns()

    def _agency_chosen(self, _index: int) -> None:
        self.proxy.set_agency_id(self.agency_combo.currentData())

    def set_agency_filter(self, agency_id: int | None) -> None:
        self.agency_combo.setCurrentIndex(max(self.agency_combo.findData(agency_id), 0))

    # --- selection -------------------------------------------------------------------------
    def current_member_id(self) -> int | None:
        return self.table.current_id()

    def current_member(self) -> Member | None:
        member_id = self.current_member_id()
        row = self.model.row_of(member_id)
        return self.model.member(row) if row >= 0 else None

    def select_member(self, member_id: int | None) -> bool:
        """Select a member, clearing filters that hide them (and showing ended ones if needed)."""
        if member_id is None:
            return False
        if self.table.select_id(member_id):
            return True
        row = self.model.row_of(member_id)
        if row < 0:
            return False
        self.filter_edit.clear()
        self.set_agency_filter(None)
        if not self.model.member(row).is_active():
            self.show_ended.setChecked(True)
        return self.table.select_id(member_id)

    def visible_member_ids(self) -> list[int]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def show_warning(self, warning: RegisterWarning) -> None:
        if warning.member_id is not None:
            self.select_member(warning.member_id)
            self.table.setFocus()
        elif warning.agency_id is not None:
            has_rows = any(self.model.member(r).agency_id == warning.agency_id for r in range(self.model.rowCount()))
            if has_rows:
                self.filter_edit.clear()
                self.set_agency_filter(warning.agency_id)
            else:
                self.agency_requested.emit(warning.agency_id)
        else:
            self.settings_requested.emit()

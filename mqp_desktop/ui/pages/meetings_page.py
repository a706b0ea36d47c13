"""The subcommittee's meetings (ToR 3, 5): planned, held, cancelled and reconvened.

A header strip counts down to the next meeting; the table lists every meeting
with its register's progress and quorum, filtered to upcoming, past or all,
with or without cancelled ones. "Take register" turns the page into the
register of the chosen meeting (:class:`RegisterView`), "Agenda" into its
agenda and papers (:class:`AgendaView`), "Minutes" into its minutes
(:class:`MinutesView`); Esc or "← All meetings" turns it back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.meetings import Meeting, MeetingStatus, MeetingSummary
from mqp_desktop.ui.meetings_models import (
    DATE_ROLE,
    STATUS_ROLE,
    MeetingsTableModel,
    days_away,
    long_date,
)
from mqp_desktop.ui.models import ID_ROLE, SEARCH_ROLE, SORT_ROLE
from mqp_desktop.ui.pages.agenda_view import AgendaView
from mqp_desktop.ui.pages.common import RegisterTable, action_bar, filter_box
from mqp_desktop.ui.pages.minutes_view import MinutesView
from mqp_desktop.ui.pages.register_view import RegisterSession, RegisterView

DEFAULT_WIDTHS = (130, 100, 110, 120, 300, 170, 200, 200)
UPCOMING, PAST, ALL = "upcoming", "past", "all"


class MeetingsFilterProxy(QSortFilterProxyModel):
    """Upcoming (today on), past (before today) or all; cancelled shown or not; words."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.period = ALL
        self.show_cancelled = True
        self.today = dt.date.today()
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def _refilter(self, change) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_period(self, period: str) -> None:
        self._refilter(lambda: setattr(self, "period", period))

    def set_show_cancelled(self, show: bool) -> None:
        self._refilter(lambda: setattr(self, "show_cancelled", show))

    def set_today(self, today: dt.date) -> None:
        self._refilter(lambda: setattr(self, "today", today))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_words", text.lower().split()))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if not self.show_cancelled and model.data(index, STATUS_ROLE) is MeetingStatus.CANCELLED:
            return False
        day = model.data(index, DATE_ROLE) or ""
        if self.period == UPCOMING and day < self.today.isoformat():
            return False
        if self.period == PAST and day >= self.today.isoformat():
            return False
        if self._words:
            haystack = model.data(index, SEARCH_ROLE) or ""
            return all(w in haystack for w in self._words)
        return True


class NextMeetingStrip(QFrame):
    """'Next meeting: Tuesday 8 December 2026, 10:00 — in 12 days', and where."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("subcommitteeHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(2)
        self.headline = QLabel()
        self.headline.setObjectName("nextMeeting")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        self.headline.setFont(font)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setObjectName("pageIntro")
        self.detail.setWordWrap(True)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)

    def set_next(self, summary: MeetingSummary | None, today: dt.date, frequency: str = "") -> None:
        if summary is None:
            self.headline.setText("No meeting planned")
            self.detail.setText(
                "Plan the year's meetings with Meetings › Plan a series…"
                + (f" (the subcommittee meets {frequency})." if frequency else ".")
            )
            return
        m = summary.meeting
        kind = "Next meeting" if m.kind.value == "ordinary" else "Next meeting (extraordinary)"
        time = f", {m.start_time}" if m.start_time else ""
        self.headline.setText(f"{kind}: {long_date(m.date)}{time} — {days_away(m.date, today)}")
        bits = [m.where or "venue not set"]
        if summary.recorded:
            bits.append(f"register: {summary.recorded} of {summary.expected} recorded")
        else:
            bits.append(f"{summary.expected} members expected")
        self.detail.setText(" · ".join(bits))


class MeetingsPage(QWidget):
    selection_changed = Signal()
    edit_requested = Signal()
    mode_changed = Signal()  # the list or a register is shown

    title = "Meetings"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = MeetingsTableModel(self)
        self.proxy = MeetingsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.today = dt.date.today()
        self.next_id: int | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        self.list_view = QWidget()
        layout = QVBoxLayout(self.list_view)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(10)
        self.header = NextMeetingStrip()
        layout.addWidget(self.header)

        self.meeting_bar = QHBoxLayout()  # what to do with the chosen meeting (its own row: nothing overflows)
        self.meeting_bar.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.meeting_bar)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.button_bar = QHBoxLayout()  # the programme: plan, add, export
        self.button_bar.setContentsMargins(0, 0, 0, 0)
        bar.addLayout(self.button_bar, 1)
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("periodCombo")
        for text, value in (("All meetings", ALL), ("Upcoming", UPCOMING), ("Past", PAST)):
            self.period_combo.addItem(text, value)
        self.period_combo.setToolTip("Which meetings to list")
        self.period_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_period(self.period_combo.currentData())
        )
        self.filter_edit = filter_box("Filter by date, venue or status")
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.show_cancelled = QCheckBox("Show cancelled")
        self.show_cancelled.setChecked(True)
        self.show_cancelled.toggled.connect(self.proxy.set_show_cancelled)
        bar.addWidget(self.period_combo)
        bar.addWidget(self.filter_edit)
        bar.addWidget(self.show_cancelled)
        layout.addLayout(bar)

        self.table = RegisterTable()
        self.table.setObjectName("meetingsTable")
        self.table.setModel(self.proxy)
        self.table.set_column_widths(
            DEFAULT_WIDTHS,
            {MeetingsTableModel.COL_WHERE: 130, MeetingsTableModel.COL_LINKS: 80},  # (both whole in the tooltip)
        )
        self.table.sortByColumn(MeetingsTableModel.COL_DATE, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.table.activated_row.connect(self.edit_requested.emit)
        layout.addWidget(self.table, 1)
        self.stack.addWidget(self.list_view)

        self.register_view = RegisterView()
        self.register_view.back_requested.connect(self.show_list)
        self.stack.addWidget(self.register_view)

        self.agenda_view = AgendaView()
        self.agenda_view.back_requested.connect(self.show_list)
        self.stack.addWidget(self.agenda_view)

        self.minutes_view = MinutesView()  # its controller handles "back" (it may ask to save first)
        self.stack.addWidget(self.minutes_view)

    def set_actions(self, list_actions: Sequence[QAction], register_actions: Sequence[QAction],
                    programme_actions: Sequence[QAction] = ()) -> None:
        """``list_actions`` on the row above the list (the chosen meeting's), ``programme_actions`` beside
        the filters, ``register_actions`` in the register's own bar."""
        self.toolbar = action_bar(list_actions)
        self.meeting_bar.addWidget(self.toolbar)
        self.programme_toolbar = action_bar(programme_actions)
        self.programme_toolbar.setObjectName("programmeActions")
        self.button_bar.addWidget(self.programme_toolbar)
        self.register_view.set_actions(list(register_actions))

    # --- data ------------------------------------------------------------------------------
    def set_data(self, summaries: Sequence[MeetingSummary], today: dt.date | None = None,
                 frequency: str = "") -> None:
        self.today = today or dt.date.today()
        keep = self.current_meeting_id() if not self.in_detail else None
        upcoming = [s for s in summaries if s.meeting.status is MeetingStatus.PLANNED and s.meeting.date >= self.today]
        upcoming.sort(key=lambda s: (s.meeting.date, s.meeting.start_time))
        nxt = upcoming[0] if upcoming else None
        self.next_id = nxt.meeting.id if nxt else None
        self.proxy.set_today(self.today)
        self.model.set_rows(summaries, self.today, self.next_id)
        self.header.set_next(nxt, self.today, frequency)
        if (keep is None or not self.table.select_id(keep)) and self.next_id is not None:
            self.table.select_id(self.next_id)
        if self.in_register:
            self.register_view.reload()
        self.selection_changed.emit()

    def current_meeting_id(self) -> int | None:
        if self.in_detail:
            meeting = self.detail_meeting()
            return meeting.id if meeting else None
        return self.table.current_id()

    def current_meeting(self) -> Meeting | None:
        if self.in_detail:
            return self.detail_meeting()
        row = self.model.row_of(self.table.current_id())
        return self.model.summary(row).meeting if row >= 0 else None

    def current_summary(self) -> MeetingSummary | None:
        row = self.model.row_of(self.current_meeting_id())
        return self.model.summary(row) if row >= 0 else None

    def select_meeting(self, meeting_id: int | None) -> bool:
        if meeting_id is None:
            return False
        if self.table.select_id(meeting_id):
            return True
        row = self.model.row_of(meeting_id)
        if row < 0:
            return False
        self.filter_edit.clear()
        self.period_combo.setCurrentIndex(self.period_combo.findData(ALL))
        if self.model.summary(row).meeting.status is MeetingStatus.CANCELLED:
            self.show_cancelled.setChecked(True)
        return self.table.select_id(meeting_id)

    def visible_meeting_ids(self) -> list[int]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def focus_filter(self) -> None:
        if self.in_detail:
            return
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # --- the register ----------------------------------------------------------------------
    @property
    def in_register(self) -> bool:
        return self.stack.currentWidget() is self.register_view

    def show_register(self, session: RegisterSession) -> None:
        self.stack.setCurrentWidget(self.register_view)
        self.register_view.open(session)
        self.mode_changed.emit()
        self.selection_changed.emit()

    # --- the agenda ------------------------------------------------------------------------
    @property
    def in_agenda(self) -> bool:
        return self.stack.currentWidget() is self.agenda_view

    @property
    def in_minutes(self) -> bool:
        return self.stack.currentWidget() is self.minutes_view

    @property
    def in_detail(self) -> bool:
        """A meeting's register, agenda or minutes is shown (not the list)."""
        return self.in_register or self.in_agenda or self.in_minutes

    def detail_meeting(self) -> Meeting | None:
        if self.in_register:
            return self.register_view.meeting
        if self.in_agenda:
            return self.agenda_view.meeting
        if self.in_minutes:
            return self.minutes_view.meeting
        return None

    def show_agenda(self) -> None:
        """Show the agenda view (its controller fills it)."""
        self.stack.setCurrentWidget(self.agenda_view)
        self.mode_changed.emit()
        self.selection_changed.emit()

    def show_minutes(self) -> None:
        """Show the minutes view (its controller fills it)."""
        self.stack.setCurrentWidget(self.minutes_view)
        self.mode_changed.emit()
        self.selection_changed.emit()

    def show_list(self) -> None:
        meeting = self.detail_meeting()
        self.stack.setCurrentWidget(self.list_view)
        if meeting is not None:
            self.select_meeting(meeting.id)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.mode_changed.emit()
        self.selection_changed.emit()

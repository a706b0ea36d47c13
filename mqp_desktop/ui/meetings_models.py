"""Table models of meetings, a meeting's attendance register, its guests and a planned series.

Same pattern as :mod:`mqp_desktop.ui.models`: ``COL_*`` constants, rows
replaced whole by ``set_rows()`` inside ``beginResetModel``/``endResetModel``,
and the shared roles (``ID_ROLE``, ``RECORD_ROLE``, ``SORT_ROLE``,
``SEARCH_ROLE``). The meetings model also answers ``DATE_ROLE`` (the ISO
date) and ``STATUS_ROLE`` (a :class:`MeetingStatus`) for the page's filters.

No model writes to the database. The register's deputy cell is editable: the
model hands the typed name to ``deputy_writer(row, name)`` (set by the view),
which writes through the store and reloads; the model keeps the old value when
that fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import (
    ChairDecision,
    Guest,
    MeetingKind,
    MeetingStatus,
    MeetingSummary,
    QuorumState,
    RegisterRow,
)
from mqp_desktop.domain.schedule import SeriesDate
from mqp_desktop.ui.models import (
    ID_ROLE,
    RECORD_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    _Index,
    _muted,
    _RecordTableModel,
    icon,
)

DATE_ROLE = Qt.ItemDataRole.UserRole + 20
STATUS_ROLE = Qt.ItemDataRole.UserRole + 21
ATTENDANCE_ROLE = Qt.ItemDataRole.UserRole + 22


def long_date(day: dt.date) -> str:
    """'Tuesday 8 December 2026'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """'Tue 8 Dec 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def days_away(day: dt.date, today: dt.date) -> str:
    n = (day - today).days
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    if n == -1:
        return "yesterday"
    return f"in {n} days" if n > 0 else f"{-n} days ago"


# The words, a symbol (so the status never rests on colour alone) and a tint, per status.
STATUS_WORDS = {
    AttendanceStatus.PRESENT: ("Present", "✔"),
    AttendanceStatus.DEPUTY: ("Deputy attended", "⇄"),
    AttendanceStatus.APOLOGIES: ("Apologies sent", "✉"),
    AttendanceStatus.ABSENT: ("Absent, no apologies", "✖"),
}
STATUS_KEYS = {
    AttendanceStatus.PRESENT: "P",
    AttendanceStatus.DEPUTY: "D",
    AttendanceStatus.APOLOGIES: "A",
    AttendanceStatus.ABSENT: "X",
}
STATUS_TINTS = {
    AttendanceStatus.PRESENT: ("#dcefdc", "#1d5e20"),
    AttendanceStatus.DEPUTY: ("#dde8f6", "#1f4e86"),
    AttendanceStatus.APOLOGIES: ("#fbedd0", "#7a4b00"),
    AttendanceStatus.ABSENT: ("#f8dcda", "#8c1d18"),
}
NOT_RECORDED = "—  not recorded"


def status_text(status: AttendanceStatus | None) -> str:
    if status is None:
        return NOT_RECORDED
    words, symbol = STATUS_WORDS[status]
    return f"{symbol}  {words}"


def meeting_status_text(status: MeetingStatus) -> str:
    return {
        MeetingStatus.PLANNED: "Planned",
        MeetingStatus.HELD: "Held",
        MeetingStatus.CANCELLED: "Cancelled",
        MeetingStatus.RECONVENED: "Reconvened",
    }[MeetingStatus(status)]


class MeetingsTableModel(_RecordTableModel):
    """Every meeting of the subcommittee, with how far its register has got and its quorum."""

    COL_DATE, COL_TIME, COL_KIND, COL_STATUS, COL_WHERE, COL_REGISTER, COL_QUORATE, COL_LINKS = range(8)
    HEADERS = ("Date", "Time", "Type", "Status", "Venue / link", "Register", "Quorate", "Replaces / reconvened as")
    HEADER_TIPS = {
        COL_REGISTER: "How many of the members expected at the meeting have an attendance recorded",
        COL_QUORATE: "From the register and the quorum rule (ToR 3); — until attendance is recorded",
        COL_LINKS: "Replaces / reconvened as: the meeting this one replaces, or the one planned to replace it "
                   "when the chair decided to reconvene",
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self._by_id: dict[int, MeetingSummary] = {}
        self._today = dt.date.today()
        self._next_id: int | None = None

    def set_rows(
        self, summaries: Iterable[MeetingSummary], today: dt.date | None = None, next_id: int | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self._by_id = {s.meeting.id: s for s in self._rows if s.meeting.id is not None}
        self._today = today or dt.date.today()
        self._next_id = next_id
        self.endResetModel()

    def summary(self, row: int) -> MeetingSummary:
        return self._rows[row]

    def row_of(self, record_id: int | None) -> int:
        for row, s in enumerate(self._rows):
            if s.meeting.id == record_id:
                return row
        return -1

    def _other(self, meeting_id: int) -> str:
        other = self._by_id.get(meeting_id)
        return short_date(other.meeting.date) if other else f"meeting #{meeting_id}"

    def _display(self, s: MeetingSummary, col: int) -> str:
        m = s.meeting
        if col == self.COL_DATE:
            return short_date(m.date)
        if col == self.COL_TIME:
            return "–".join(t for t in (m.start_time, m.end_time) if t)
        if col == self.COL_KIND:
            return "Extraordinary" if m.kind is MeetingKind.EXTRAORDINARY else "Ordinary"
        if col == self.COL_STATUS:
            text = meeting_status_text(m.status)
            return f"{text} — next" if m.id == self._next_id else text
        if col == self.COL_WHERE:
            return m.where
        if col == self.COL_REGISTER:
            if m.status is MeetingStatus.CANCELLED:
                return "—"
            if not s.recorded:
                return f"not taken ({s.expected} members)" if s.expected else "no members"
            return f"{s.recorded} of {s.expected} recorded"
        if col == self.COL_QUORATE:
            if s.quorate is None or m.status is MeetingStatus.CANCELLED:
                return "—"
            if not s.quorum_set:
                return "○ No quorum set"
            if s.state(self._today) is QuorumState.NOT_YET:  # a meeting to come, or a register not finished
                return "… Not yet quorate"
            text = "✓ Quorate" if s.quorate else "✗ Not quorate"
            if not s.quorate and m.chair_decision is not None:
                text += " — chair: " + ("proceeded" if m.chair_decision is ChairDecision.PROCEED else "reconvene")
                if m.items_waiting:
                    text += ", some items wait"
            return text
        if col == self.COL_LINKS:
            parts = []
            if m.replaces_id:
                parts.append(f"replaces {self._other(m.replaces_id)}")
            if s.replaced_by:
                parts.append("reconvened as " + ", ".join(self._other(i) for i in s.replaced_by))
            return "; ".join(parts)
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        s: MeetingSummary = self._rows[index.row()]
        m = s.meeting
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == SORT_ROLE:
            if col in (self.COL_DATE, self.COL_TIME):
                return f"{m.date.isoformat()} {m.start_time} {m.id:08d}"
            if col == self.COL_REGISTER:
                return s.recorded
            return self._display(s, col).lower()
        if role == ID_ROLE:
            return m.id
        if role == RECORD_ROLE:
            return m
        if role == DATE_ROLE:
            return m.date.isoformat()
        if role == STATUS_ROLE:
            return m.status
        if role == SEARCH_ROLE:
            return " ".join(
                [self._display(s, c) for c in range(len(self.HEADERS))] + [m.notes, long_date(m.date)]
            ).lower()
        if role == Qt.ItemDataRole.FontRole:
            if m.status is MeetingStatus.CANCELLED:
                font = QFont()
                font.setStrikeOut(col == self.COL_DATE)
                return font
            if m.id == self._next_id:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if m.status is MeetingStatus.CANCELLED:
                return _muted()
            if col == self.COL_QUORATE and s.quorate is not None:
                if not s.quorum_set:
                    return QBrush(QColor("#1f3f6b"))
                if s.state(self._today) is QuorumState.NOT_YET:
                    return QBrush(QColor("#6b4a00"))  # the register's amber "not yet quorate"
                return QBrush(QColor("#1d5e20" if s.quorate else "#8c1d18"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_DATE:
                tip = f"{m.title}\n{long_date(m.date)}"
                return f"{tip}\n\n{m.notes}" if m.notes else tip
            if col == self.COL_QUORATE and m.chair_decision_note:
                return f"Chair's decision: {m.chair_decision.value}\n{m.chair_decision_note}"
            return self._display(s, col) or None
        return None


class RegisterTableModel(_RecordTableModel):
    """A meeting's attendance register: one row per member expected at it."""

    COL_AGENCY, COL_MEMBER, COL_POST, COL_STATUS, COL_DEPUTY = range(5)
    HEADERS = ("Agency", "Member", "Post", "Attendance", "Deputy who attended")
    HEADER_TIPS = {
        COL_STATUS: "P present · D deputy attended · A apologies sent · X absent without apologies · Delete clears",
        COL_DEPUTY: "The nominated deputy by default; F2 or double-click to type another name",
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self.deputy_writer: Callable[[int, str], bool] | None = None

    def set_rows(self, rows: Iterable[RegisterRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def register_row(self, row: int) -> RegisterRow:
        return self._rows[row]

    def row_of(self, record_id: int | None) -> int:
        for row, r in enumerate(self._rows):
            if r.member.id == record_id:
                return row
        return -1

    def _display(self, r: RegisterRow, col: int) -> str:
        if col == self.COL_AGENCY:
            return r.agency.label
        if col == self.COL_MEMBER:
            return r.member.name
        if col == self.COL_POST:
            return r.member.role_title
        if col == self.COL_STATUS:
            return status_text(r.status)
        if col == self.COL_DEPUTY:
            if r.status is AttendanceStatus.DEPUTY and r.entry is not None:
                return r.entry.deputy_name
            return ""
        return ""

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._valid(index) and index.column() == self.COL_DEPUTY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index) or index.column() != self.COL_DEPUTY or role != Qt.ItemDataRole.EditRole:
            return False
        name = str(value or "").strip()
        if not name or self.deputy_writer is None:
            return False
        return bool(self.deputy_writer(index.row(), name))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: RegisterRow = self._rows[index.row()]
        col = index.column()
        status = r.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == self.COL_DEPUTY:
                return self._display(r, col) or r.member.deputy_name
            return self._display(r, col)
        if role == SORT_ROLE:
            return self._display(r, col).lower()
        if role == ID_ROLE:
            return r.member.id
        if role == RECORD_ROLE:
            return r
        if role == ATTENDANCE_ROLE:
            return status
        if role == SEARCH_ROLE:
            return f"{r.member.name} {r.agency.name} {r.agency.label} {r.member.role_title}".lower()
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_STATUS and status is not None:
            return QBrush(QColor(STATUS_TINTS[status][0]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_STATUS:
                return QBrush(QColor(STATUS_TINTS[status][1])) if status is not None else _muted()
            if col == self.COL_DEPUTY and status is not AttendanceStatus.DEPUTY:
                return _muted()
            return None
        if role == Qt.ItemDataRole.FontRole and col == self.COL_STATUS and status is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_AGENCY and r.agency.statutory:
            return icon("statutory")
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_AGENCY:
                kind = "statutory agency (counts towards quorum)" if r.agency.statutory else "non-statutory agency"
                return f"{r.agency.name}\n{kind}"
            if col == self.COL_DEPUTY:
                nominated = r.member.deputy_name or "none nominated"
                return f"Nominated deputy: {nominated}"
            if col == self.COL_MEMBER and not r.member.decision_maker:
                return f"{r.member.name}\nRepresentative only (not a decision maker); still counts as attendance"
            return self._display(r, col) or None
        return None


class GuestsTableModel(_RecordTableModel):
    """People 'in attendance' who are not members (they never count towards quorum)."""

    COL_NAME, COL_ORGANISATION, COL_ITEM = range(3)
    HEADERS = ("Name", "Organisation", "Item")

    def set_rows(self, guests: Iterable[Guest]) -> None:
        self.beginResetModel()
        self._rows = list(guests)
        self.endResetModel()

    def guest(self, row: int) -> Guest:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        g: Guest = self._rows[index.row()]
        col = index.column()
        text = (g.name, g.organisation, g.item)[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        if role == SORT_ROLE:
            return text.lower()
        if role == ID_ROLE:
            return g.id
        if role == RECORD_ROLE:
            return g
        return None


REASON_WORDS = {
    "weekend": "a weekend",
    "bank holiday": "a bank holiday",
    "clash": "the date before it",
}


class SeriesPreviewModel(_RecordTableModel):
    """The dates a series would have, each editable before the series is saved."""

    COL_NUMBER, COL_DATE, COL_NOTE = range(3)
    HEADERS = ("#", "Date", "Note")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._planned: list[SeriesDate] = []

    def set_rows(self, planned: Sequence[SeriesDate]) -> None:
        """A fresh plan: every date as the domain generated it."""
        self.beginResetModel()
        self._planned = list(planned)
        self._rows = [s.date for s in planned]
        self.endResetModel()

    def dates(self) -> list[dt.date]:
        return list(self._rows)

    def planned(self, row: int) -> SeriesDate:
        return self._planned[row]

    def note(self, row: int) -> str:
        day: dt.date = self._rows[row]
        plan = self._planned[row]
        notes = []
        if day != plan.date:
            notes.append(f"changed by hand (was {short_date(plan.date)})")
        elif plan.moved:
            notes.append(f"moved from {short_date(plan.nominal)}, {REASON_WORDS.get(plan.reason, plan.reason)}")
        if day.weekday() >= 5:
            notes.append(f"a {day:%A}")
        if self._rows.count(day) > 1:
            notes.append("same date as another meeting")
        return "; ".join(notes)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._valid(index) and index.column() == self.COL_DATE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index) or index.column() != self.COL_DATE or role != Qt.ItemDataRole.EditRole:
            return False
        if isinstance(value, QDate):
            value = value.toPython()
        if not isinstance(value, dt.date) or value == self._rows[index.row()]:
            return False
        self._rows[index.row()] = value
        # every note may change (a clash with another row), so the whole note column
        self.dataChanged.emit(
            self.index(0, self.COL_DATE), self.index(len(self._rows) - 1, self.COL_NOTE), []
        )
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        row, col = index.row(), index.column()
        day: dt.date = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NUMBER:
                return str(row + 1)
            if col == self.COL_DATE:
                return short_date(day)
            return self.note(row)
        if role == Qt.ItemDataRole.EditRole and col == self.COL_DATE:
            return QDate(day.year, day.month, day.day)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_NOTE and self.note(row):
            return QBrush(QColor("#7a4b00"))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_DATE:
            return "Double-click or press F2 to change this date"
        return None

    def index_of_row(self, row: int) -> QModelIndex:
        return self.index(row, self.COL_DATE)

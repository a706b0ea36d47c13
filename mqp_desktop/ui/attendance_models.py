"""Table models of the attendance report (ToR 5): per member and per agency.

Same pattern as :mod:`mqp_desktop.ui.models`: ``COL_*`` constants, rows replaced
whole by ``set_rows()`` inside ``beginResetModel``/``endResetModel``, a
``SORT_ROLE`` that sorts numbers as numbers (so 9 sorts before 10), and an
:class:`AttendanceFilterProxy` in the page. Rows below the standard are marked
three ways, never by colour alone: a warning icon and the words "Below" in the
"Standard" column, and a tinted background.

Extra roles (besides ``ID_ROLE``, ``RECORD_ROLE``, ``SORT_ROLE``, ``SEARCH_ROLE``
of the register models):

* ``BELOW_STANDARD_ROLE``  True when the row's rate is below the standard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mqp_desktop.domain.attendance_report import AgencyAttendance, MemberAttendance
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SEARCH_ROLE, SORT_ROLE, _RecordTableModel, icon

BELOW_STANDARD_ROLE = Qt.ItemDataRole.UserRole + 20

BELOW_BACKGROUND = QColor("#fbe3e0")
BELOW_TEXT = QColor("#6b1a12")

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def format_rate(rate: float | None) -> str:
    """"66.7%", "100%"; "—" when there was nothing to count.

    One decimal place rather than whole numbers, so that 79.6% is never shown as
    "80%" beside a member marked below an 80% standard.
    """
    if rate is None:
        return "—"
    text = f"{rate:.1f}"
    return f"{text.removesuffix('.0')}%"


def standard_text(rate: float | None, below: bool) -> str:
    if rate is None:
        return "No meetings"
    return "Below" if below else "Meets"


class _AttendanceModel(_RecordTableModel):
    """Shared behaviour: numeric columns right-aligned and sorted as numbers; below-standard marking."""

    NUMERIC: frozenset[int] = frozenset()
    COL_RATE = -1
    COL_STANDARD = -1
    COL_NAME = 0

    def __init__(self, parent=None):
        super().__init__(parent)
        self._standard = 80

    @property
    def standard(self) -> int:
        return self._standard

    def set_rows(self, rows: Iterable[Any], standard: int) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._standard = standard
        self.endResetModel()

    def row_of(self, record_id: int | None) -> int:
        for row, record in enumerate(self._rows):
            if self._id(record) == record_id:
                return row
        return -1

    # --- each subclass defines these for its records ---
    _id: Callable[[Any], int | None]
    """The record's id (for keeping the selection across a refresh)."""
    _value: Callable[[Any, int], Any]
    """The column's value: an int or float for numbers, else text."""
    _search: Callable[[Any], str]
    """The text the filter box searches."""

    def _tooltip(self, record: Any, col: int) -> str | None:
        return None

    # --- shared ---
    def _display(self, record: Any, col: int) -> str:
        if col == self.COL_RATE:
            return format_rate(record.rate)
        if col == self.COL_STANDARD:
            return standard_text(record.rate, record.below_standard)
        value = self._value(record, col)
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and orientation == Qt.Orientation.Horizontal
            and (section in self.NUMERIC or section == self.COL_RATE)
        ):
            return _RIGHT
        return super().headerData(section, orientation, role)

    def _rate_tooltip(self, record: Any) -> str:
        if record.rate is None:
            return "No meetings in the period to count."
        verdict = "below" if record.below_standard else "meets"
        return f"{format_rate(record.rate)}: {verdict} the standard of {self._standard}%"

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        record = self._rows[index.row()]
        col = index.column()
        below = bool(record.below_standard)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, col)
        if role == SORT_ROLE:
            if col == self.COL_RATE:
                # no rate (nothing to count) sorts below every real rate
                return -1.0 if record.rate is None else float(record.rate)
            if col == self.COL_STANDARD:
                return 0 if below else (2 if record.rate is None else 1)
            if col in self.NUMERIC:
                return int(self._value(record, col))
            return self._display(record, col).lower()
        if role == ID_ROLE:
            return self._id(record)
        if role == RECORD_ROLE:
            return record
        if role == BELOW_STANDARD_ROLE:
            return below
        if role == SEARCH_ROLE:
            return self._search(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and (col in self.NUMERIC or col == self.COL_RATE):
            return _RIGHT
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_STANDARD and below:
            return icon("below-standard")
        if role == Qt.ItemDataRole.BackgroundRole and below:
            return QBrush(BELOW_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and below:
            return QBrush(BELOW_TEXT)
        if role == Qt.ItemDataRole.FontRole and below and col in (self.COL_RATE, self.COL_STANDARD):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (self.COL_RATE, self.COL_STANDARD):
                return self._rate_tooltip(record)
            return self._tooltip(record, col) or self._display(record, col) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self._display(record, col)
            if col == self.COL_STANDARD and below:
                return f"Below the standard of {self._standard}%"
            return text
        return None


class MemberAttendanceModel(_AttendanceModel):
    """One row per member expected at a meeting in the period."""

    (
        COL_NAME,
        COL_POST,
        COL_AGENCY,
        COL_EXPECTED,
        COL_PRESENT,
        COL_DEPUTY,
        COL_APOLOGIES,
        COL_ABSENT,
        COL_NOT_RECORDED,
        COL_RATE,
        COL_STANDARD,
    ) = range(11)
    HEADERS = (
        "Member",
        "Post",
        "Agency",
        "Expected",
        "Present",
        "By deputy",
        "Apologies",
        "Absent",
        "Not recorded",
        "Rate",
        "Standard",
    )
    NUMERIC = frozenset({COL_EXPECTED, COL_PRESENT, COL_DEPUTY, COL_APOLOGIES, COL_ABSENT, COL_NOT_RECORDED})
    HEADER_TIPS: ClassVar[dict[int, str]] = {
        COL_EXPECTED: "Meetings held in the period while they were a member (cancelled meetings are not counted)",
        COL_PRESENT: "Attended in person",
        COL_DEPUTY: "Their deputy attended instead",
        COL_APOLOGIES: "Sent apologies",
        COL_ABSENT: "Absent without apologies",
        COL_NOT_RECORDED: "Meetings with no entry for them in the register (left out of the rate: fill the register in)",
        COL_RATE: "Meetings attended out of those recorded",
        COL_STANDARD: "Against the subcommittee's attendance standard (ToR 5)",
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self._deputy_counts = False

    def set_rows(self, rows: Iterable[MemberAttendance], standard: int, deputy_counts_for_member: bool = False) -> None:
        self._deputy_counts = deputy_counts_for_member
        super().set_rows(rows, standard)

    def attendance(self, row: int) -> MemberAttendance:
        return self._rows[row]

    def _id(self, record: MemberAttendance) -> int | None:
        return record.member.id

    def _value(self, r: MemberAttendance, col: int) -> Any:
        return {
            self.COL_NAME: r.member.display_name,
            self.COL_POST: r.member.role_title,
            self.COL_AGENCY: r.agency.label,
            self.COL_EXPECTED: r.expected,
            self.COL_PRESENT: r.present,
            self.COL_DEPUTY: r.deputy,
            self.COL_APOLOGIES: r.apologies,
            self.COL_ABSENT: r.absent,
            self.COL_NOT_RECORDED: r.not_recorded,
        }.get(col)

    def _search(self, r: MemberAttendance) -> str:
        return f"{r.member.display_name} {r.member.role_title} {r.agency.label} {r.agency.name}".lower()

    def _rate_tooltip(self, r: MemberAttendance) -> str:
        text = super()._rate_tooltip(r)
        if r.rate is None:
            return text
        counted = r.present + (r.deputy if self._deputy_counts else 0)
        how = "in person or by deputy" if self._deputy_counts else "in person"
        return f"{text}\n{counted} of {r.recorded} recorded meetings attended {how}"

    def _tooltip(self, r: MemberAttendance, col: int) -> str | None:
        if col == self.COL_NAME and r.member.end_date:
            return f"{r.member.display_name}\nMembership ended {r.member.end_date:%d %b %Y}"
        if col == self.COL_AGENCY:
            return r.agency.name
        if col == self.COL_DEPUTY and r.member.deputy_name:
            return f"{r.deputy} (deputy: {r.member.deputy_name})"
        return None


class AgencyAttendanceModel(_AttendanceModel):
    """One row per agency with a member expected at a meeting in the period."""

    COL_NAME, COL_EXPECTED, COL_ATTENDED, COL_BY_DEPUTY, COL_RATE, COL_STANDARD = range(6)
    HEADERS = ("Agency", "Expected", "Attended", "Of which by deputy only", "Rate", "Standard")
    NUMERIC = frozenset({COL_EXPECTED, COL_ATTENDED, COL_BY_DEPUTY})
    HEADER_TIPS: ClassVar[dict[int, str]] = {
        COL_EXPECTED: "Meetings held in the period while the agency had a member",
        COL_ATTENDED: "Meetings at which a member or a deputy attended for the agency",
        COL_BY_DEPUTY: "Meetings at which the agency was there only through a deputy",
        COL_RATE: "Meetings attended out of those expected (a deputy counts for the agency)",
        COL_STANDARD: "Against the subcommittee's attendance standard (ToR 5)",
    }

    def attendance(self, row: int) -> AgencyAttendance:
        return self._rows[row]

    def _id(self, record: AgencyAttendance) -> int | None:
        return record.agency.id

    def _value(self, r: AgencyAttendance, col: int) -> Any:
        return {
            self.COL_NAME: r.agency.name,
            self.COL_EXPECTED: r.expected,
            self.COL_ATTENDED: r.attended,
            self.COL_BY_DEPUTY: r.by_deputy_only,
        }.get(col)

    def _search(self, r: AgencyAttendance) -> str:
        return f"{r.agency.name} {r.agency.short_name}".lower()

    def _tooltip(self, r: AgencyAttendance, col: int) -> str | None:
        if col == self.COL_NAME:
            kind = "statutory agency" if r.agency.statutory else "non-statutory agency"
            return f"{r.agency.name}\n{kind}"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DecorationRole and self._valid(index) and index.column() == self.COL_NAME:
            return icon("statutory") if self._rows[index.row()].agency.statutory else None
        return super().data(index, role)


class AttendanceFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` (numbers numerically); filters to words and, optionally, below standard only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._below_only = False
        self._words: Sequence[str] = ()
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    @property
    def below_only(self) -> bool:
        return self._below_only

    def set_below_only(self, below_only: bool) -> None:
        self.beginFilterChange()
        self._below_only = bool(below_only)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self._below_only and not index.data(BELOW_STANDARD_ROLE):
            return False
        if self._words:
            haystack = index.data(SEARCH_ROLE) or ""
            return all(word in haystack for word in self._words)
        return True

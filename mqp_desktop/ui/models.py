"""Table models of the register and its change history.

One ``QAbstractTableModel`` per list, each behind a ``QSortFilterProxyModel``
in its page. Columns are ``COL_*`` constants; rows are replaced whole by
``set_rows()`` inside ``beginResetModel``/``endResetModel``. Besides the usual
roles each model answers:

* ``ID_ROLE``        the record's database id (any column);
* ``RECORD_ROLE``    the domain record itself (``Member``, ``Agency``, ``Change``);
* ``SORT_ROLE``      a value that sorts correctly (dates as ISO text, names folded);
* ``SEARCH_ROLE``    the lower-case text the page's filter box matches against;
* ``AGENCY_ID_ROLE`` the agency a row belongs to (members, agencies);
* ``ACTIVE_ROLE``    whether the member or agency is current today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from mqp_desktop.domain.model import FIELD_LABELS, Agency, Member
from mqp_desktop.paths import resource_path
from mqp_desktop.store.history_words import field_label
from mqp_desktop.store.store import Change

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4
AGENCY_ID_ROLE = Qt.ItemDataRole.UserRole + 5
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 6

_Index = QModelIndex | QPersistentModelIndex


def format_date(value: dt.date | None) -> str:
    return f"{value:%d %b %Y}" if value else ""


def _muted() -> QBrush:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    return QBrush(QColor("#808080"))


_icons: dict[str, QIcon] = {}


def icon(name: str) -> QIcon:
    """An icon from ``resources/icons`` (cached)."""
    if name not in _icons:
        _icons[name] = QIcon(str(resource_path("icons", f"{name}.svg")))
    return _icons[name]


class _RecordTableModel(QAbstractTableModel):
    HEADERS: Sequence[str] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    HEADER_TIPS: dict[int, str] = {}

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.HEADER_TIPS.get(section)
        return None

    def record(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: int | None) -> int:
        """The row holding the record with this id, or -1."""
        for row, record in enumerate(self._rows):
            if record.id == record_id:
                return row
        return -1

    def _valid(self, index: _Index) -> bool:
        return (
            index.isValid()
            and not index.parent().isValid()
            and 0 <= index.row() < len(self._rows)
            and 0 <= index.column() < len(self.HEADERS)
        )


class MembersTableModel(_RecordTableModel):
    """The membership register: one row per seat, named or vacant, current or ended."""

    COL_NAME, COL_POST, COL_AGENCY, COL_ROLE, COL_EMAIL, COL_PHONE, COL_DEPUTY, COL_START, COL_END = range(9)
    HEADERS = (
        "Name",
        "Post",
        "Agency",
        "Capacity",
        "Email",
        "Phone",
        "Deputy",
        "Start",
        "End",
    )

    HEADER_TIPS = {COL_ROLE: "Decision maker, or representative only (e.g. schools): ToR 4"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._agencies: dict[int, Agency] = {}
        self._offices: dict[int, str] = {}
        self._today = dt.date.today()

    def set_rows(
        self,
        members: Iterable[Member],
        agencies: Iterable[Agency],
        offices: Mapping[int, str] | None = None,
        today: dt.date | None = None,
    ) -> None:
        """Replace the register. ``offices`` maps member id -> "Chair" / "Co-chair"."""
        self.beginResetModel()
        self._rows = list(members)
        self._agencies = {a.id: a for a in agencies if a.id is not None}
        self._offices = dict(offices or {})
        self._today = today or dt.date.today()
        self.endResetModel()

    def member(self, row: int) -> Member:
        return self._rows[row]

    def agency_label(self, m: Member) -> str:
        agency = self._agencies.get(m.agency_id)
        return agency.label if agency else f"agency #{m.agency_id}"

    def _display(self, m: Member, col: int) -> str:
        if col == self.COL_NAME:
            if m.is_vacant:
                return f"Vacant — {m.role_title}"
            office = self._offices.get(m.id or -1)
            return f"{m.name} ({office})" if office else m.name
        if col == self.COL_POST:
            return m.role_title
        if col == self.COL_AGENCY:
            return self.agency_label(m)
        if col == self.COL_ROLE:
            return "Decision maker" if m.decision_maker else "Representative"
        if col == self.COL_EMAIL:
            return m.email
        if col == self.COL_PHONE:
            return m.phone
        if col == self.COL_DEPUTY:
            return m.deputy_name
        if col == self.COL_START:
            return format_date(m.start_date)
        if col == self.COL_END:
            return format_date(m.end_date)
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        m: Member = self._rows[index.row()]
        col = index.column()
        active = m.is_active(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(m, col)
        if role == SORT_ROLE:
            if col == self.COL_START:
                return m.start_date.isoformat() if m.start_date else ""
            if col == self.COL_END:
                return m.end_date.isoformat() if m.end_date else "9999"
            person = f"1{m.role_title.lower()}" if m.is_vacant else f"0{m.name.lower()}"
            if col == self.COL_NAME:
                # named people first (by name), vacant seats after them
                return person
            if col in (self.COL_AGENCY, self.COL_ROLE):
                # within an agency (or capacity), people in name order
                return f"{self._display(m, col).lower()}\x00{person}"
            return self._display(m, col).lower()
        if role == ID_ROLE:
            return m.id
        if role == RECORD_ROLE:
            return m
        if role == AGENCY_ID_ROLE:
            return m.agency_id
        if role == ACTIVE_ROLE:
            return active
        if role == SEARCH_ROLE:
            return " ".join(
                (m.name, m.role_title, self.agency_label(m), self._agency_name(m), m.email, m.deputy_name)
            ).lower()
        if role == Qt.ItemDataRole.FontRole:
            if col == self.COL_NAME and m.is_vacant:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not active or (col == self.COL_NAME and m.is_vacant):
                return _muted()
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_AGENCY:
            agency = self._agencies.get(m.agency_id)
            return icon("statutory") if agency and agency.statutory else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(m, col, active)
        return None

    def _agency_name(self, m: Member) -> str:
        agency = self._agencies.get(m.agency_id)
        return agency.name if agency else ""

    def _tooltip(self, m: Member, col: int, active: bool) -> str | None:
        if col == self.COL_AGENCY:
            agency = self._agencies.get(m.agency_id)
            if agency is None:
                return None
            kind = "statutory agency (counts towards quorum)" if agency.statutory else "non-statutory agency"
            return f"{agency.name}\n{kind}"
        if col == self.COL_DEPUTY and m.deputy_name:
            return f"{m.deputy_name}\n{m.deputy_email}" if m.deputy_email else m.deputy_name
        if col == self.COL_NAME and not active and m.end_date:
            reason = f": {m.end_reason}" if m.end_reason else ""
            return f"Membership ended {format_date(m.end_date)}{reason}"
        if col == self.COL_NAME and m.is_vacant:
            return "No one is named to this seat yet: Edit to name the member."
        text = self._display(m, col)
        return text or None


class AgenciesTableModel(_RecordTableModel):
    """The agencies on the subcommittee, with how many current members each has."""

    COL_NAME, COL_SHORT, COL_STATUTORY, COL_CLASS, COL_MEMBERS, COL_START, COL_END = range(7)
    HEADERS = ("Agency", "Short name", "Statutory", "Partner class", "Members", "Start", "End")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._member_counts: dict[int, int] = {}
        self._today = dt.date.today()

    def set_rows(
        self,
        agencies: Iterable[Agency],
        member_counts: Mapping[int, int] | None = None,
        today: dt.date | None = None,
    ) -> None:
        """Replace the list. ``member_counts`` maps agency id -> current named members."""
        self.beginResetModel()
        self._rows = list(agencies)
        self._member_counts = dict(member_counts or {})
        self._today = today or dt.date.today()
        self.endResetModel()

    def agency(self, row: int) -> Agency:
        return self._rows[row]

    def _display(self, a: Agency, col: int) -> str:
        if col == self.COL_NAME:
            return a.name
        if col == self.COL_SHORT:
            return a.short_name
        if col == self.COL_STATUTORY:
            return "Statutory" if a.statutory else "—"
        if col == self.COL_CLASS:
            return a.partner_class.value.capitalize()
        if col == self.COL_MEMBERS:
            return str(self._member_counts.get(a.id or -1, 0))
        if col == self.COL_START:
            return format_date(a.start_date)
        if col == self.COL_END:
            return format_date(a.end_date)
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        a: Agency = self._rows[index.row()]
        col = index.column()
        active = a.is_active(self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col)
        if role == SORT_ROLE:
            if col == self.COL_MEMBERS:
                return self._member_counts.get(a.id or -1, 0)
            if col == self.COL_START:
                return a.start_date.isoformat() if a.start_date else ""
            if col == self.COL_END:
                return a.end_date.isoformat() if a.end_date else "9999"
            return self._display(a, col).lower()
        if role == ID_ROLE:
            return a.id
        if role == RECORD_ROLE:
            return a
        if role == AGENCY_ID_ROLE:
            return a.id
        if role == ACTIVE_ROLE:
            return active
        if role == SEARCH_ROLE:
            return f"{a.name} {a.short_name} {a.partner_class.value}".lower()
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if active else _muted()
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_NAME and a.statutory:
            return icon("statutory")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_NAME and a.notes:
                return f"{a.name}\n\n{a.notes}"
            return self._display(a, col) or None
        return None



ENTITY_LABELS = {
    "member": "Member",
    "agency": "Agency",
    "subcommittee": "Subcommittee",
    "s11_framework": "Section 11 framework",
    "s11_round": "Section 11 round",
    "s11_return": "Section 11 return",
    "s11_rating": "Section 11 rating",
    "s11_action": "Section 11 action",
    "challenge": "Challenge",
    "challenge_response": "Challenge response",
    "audit": "Audit",
    "audit_case": "Audited case",
    "audit_grade": "Grade",
    "inspection": "Inspection",
    "inspection_plan_item": "Action-plan item",
    "inspection_review": "Inspection review",
    "partnership_body": "Partnership body",
    "work_transfer": "Work transfer",
    "escalation": "Escalation or dispute",
    "case_review": "Case review",
    "case_review_dissemination": "Learning shared",
    "training_course": "Training course",
    "governance_document": "Document",
    "office_review": "Chairing review",
    "attendance_letter": "Attendance letter",
    "decision": "Decision",
}


class HistoryTableModel(_RecordTableModel):
    """The change history: every change to the register, newest first."""

    COL_WHEN, COL_WHO, COL_COMPUTER, COL_WHAT, COL_SUMMARY, COL_DETAILS = range(6)
    HEADERS = ("When", "Who", "Computer", "What", "Summary", "Details (old → new)")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._agency_names: dict[int, str] = {}
        self._member_names: dict[int, str] = {}
        self.words: Callable[[str, Any, str, dict], str | None] | None = None
        """What an id a change records stands for, in words (``store.history_words.HistoryWords.words``)."""

    def set_rows(
        self,
        changes: Iterable[Change],
        agency_names: Mapping[int, str] | None = None,
        member_names: Mapping[int, str] | None = None,
    ) -> None:
        """Replace the list. The name maps turn stored ids into names in the details."""
        self.beginResetModel()
        self._rows = list(changes)
        self._agency_names = dict(agency_names or {})
        self._member_names = dict(member_names or {})
        self.endResetModel()

    def change(self, row: int) -> Change:
        return self._rows[row]

    def _value(self, key: str, value: Any, change: Change | None = None) -> str:
        if value is None or value == "":
            return "—"
        if self.words is not None and change is not None:
            said = self.words(key, value, change.entity, change.changes)
            if said is not None:
                return said
        if key == "agency_id" and isinstance(value, int):
            return self._agency_names.get(value, f"agency #{value}")
        if key in ("chair_member_id", "co_chair_member_id") and isinstance(value, int):
            return self._member_names.get(value, f"member #{value}")
        if key in ("decision_maker", "statutory"):
            return "yes" if value else "no"
        if key.endswith("_date") or key in ("tor_signed_off", "tor_review_due") or key.endswith(("_appointed", "_review_due")):
            try:
                return format_date(dt.date.fromisoformat(str(value)))
            except ValueError:
                return str(value)
        if isinstance(value, dict):
            return ", ".join(f"{k}: {v}" for k, v in value.items())
        return str(value)

    def details(self, c: Change, separator: str = "; ") -> str:
        parts = []
        for key, pair in c.changes.items():
            old, new = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
            label = FIELD_LABELS.get(key, field_label(key))  # 'approved at meeting', not '… meeting id'
            if c.action in ("added", "seat listed"):
                if new in (None, "", 0) and key not in ("statutory", "decision_maker"):
                    continue
                parts.append(f"{label}: {self._value(key, new, c)}")
            else:
                parts.append(f"{label}: {self._value(key, old, c)} → {self._value(key, new, c)}")
        return separator.join(parts)

    @staticmethod
    def when(c: Change) -> str:
        try:
            return f"{dt.datetime.fromisoformat(c.at):%d %b %Y %H:%M}"
        except ValueError:
            return c.at

    def _display(self, c: Change, col: int) -> str:
        if col == self.COL_WHEN:
            return self.when(c)
        if col == self.COL_WHO:
            return c.user
        if col == self.COL_COMPUTER:
            return c.host
        if col == self.COL_WHAT:
            return f"{ENTITY_LABELS.get(c.entity, c.entity.capitalize())} {c.action}"
        if col == self.COL_SUMMARY:
            return c.summary
        if col == self.COL_DETAILS:
            return self.details(c)
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        c: Change = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(c, col)
        if role == SORT_ROLE:
            if col == self.COL_WHEN:
                return c.id
            return self._display(c, col).lower()
        if role == ID_ROLE:
            return c.id
        if role == RECORD_ROLE:
            return c
        if role == SEARCH_ROLE:
            return " ".join(self._display(c, col) for col in range(len(self.HEADERS))).lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_DETAILS:
                return self.details(c, "\n") or None
            return self._display(c, col) or None
        return None

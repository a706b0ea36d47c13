"""Item models of the minutes view and the action log page.

Same habits as ``ui/models.py``: ``COL_*`` constants, rows replaced whole by
``set_rows()`` inside a model reset, ``ID_ROLE``/``RECORD_ROLE``/``SORT_ROLE``.

* :class:`MinutesItemsModel`    the agenda's items down the left of the minutes editor;
* :class:`DeclarationsModel`    declarations of interest (ToR 11);
* :class:`ActionLinesModel`     new actions of an item, or the carried-forward action log;
* :class:`ActionLogModel`       every action across meetings (the Actions page), with
  overdue ones coloured *and* marked in words, so the mark survives a grey printout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.minutes import ActionLine, DeclarationLine, MinutesItem
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SORT_ROLE, _muted, _RecordTableModel, format_date

_Index = QModelIndex | QPersistentModelIndex
OVERDUE_COLOUR = "#b3261e"
OVERDUE_BACKGROUND = "#fde7e4"
OVERDUE_MARK = "⚠ overdue"
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 20
STATUS_ROLE = Qt.ItemDataRole.UserRole + 21
OWNER_ROLE = Qt.ItemDataRole.UserRole + 22


class MinutesItemsModel(QAbstractListModel):
    """'5  Multi-agency dataset…' per agenda item; a dot when the item has text written."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[MinutesItem] = []

    def set_rows(self, items: Sequence[MinutesItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._items):
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._items)

    def item(self, row: int) -> MinutesItem:
        return self._items[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            indent = "    " * item.depth
            # A leading mark (not a trailing one, which wraps onto a line of its own):
            # ✓ something is written for the item, ○ nothing yet.
            mark = "✓" if item.has_text else "○"
            gone = " (no longer on the agenda)" if not item.on_agenda else ""
            waits = " (waits for a quorate meeting)" if item.waits else ""
            return f"{indent}{mark} {item.number}  {item.title}{gone}{waits}"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"Item {item.number}: {item.title}"]
            if item.presenter:
                parts.append(f"Presented by {item.presenter}")
            parts.append("Discussion or decisions written" if item.has_text else "Nothing written yet")
            if item.waits:
                parts.append("The chair's decision left this item waiting for the next quorate meeting (ToR 3)")
            return "\n".join(parts)
        if role == Qt.ItemDataRole.FontRole and item.depth == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not item.on_agenda:
            return _muted()
        if role == ID_ROLE:
            return item.item_id
        if role == RECORD_ROLE:
            return item
        return None


class DeclarationsModel(_RecordTableModel):
    HEADERS = ("Who", "Agency", "Item", "Interest", "How managed")
    COL_WHO, COL_AGENCY, COL_ITEM, COL_NATURE, COL_MANAGED = range(5)

    def set_rows(self, rows: Sequence[DeclarationLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, record_id: int | None) -> int:
        return next((r for r, d in enumerate(self._rows) if d.declaration_id == record_id), -1)

    def _display(self, d: DeclarationLine, col: int) -> str:
        if col == self.COL_WHO:
            return d.name
        if col == self.COL_AGENCY:
            return d.agency
        if col == self.COL_ITEM:
            return f"{d.item_number}  {d.item_title}" if d.item_number else "the meeting generally"
        if col == self.COL_NATURE:
            return d.nature
        return d.managed

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        d: DeclarationLine = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return self._display(d, index.column())
        if role == ID_ROLE:
            return d.declaration_id
        if role == RECORD_ROLE:
            return d
        return None


def _status_text(line: ActionLine) -> str:
    text = line.status
    if line.status_date:
        text += f" ({format_date(line.status_date)})"
    return text


class ActionLinesModel(_RecordTableModel):
    """Actions as the minutes show them: new under an item, or carried forward in the log."""

    HEADERS = ("Number", "Action", "Owner", "Due", "Status", "Update at this meeting")
    COL_NUMBER, COL_DESCRIPTION, COL_OWNER, COL_DUE, COL_STATUS, COL_NOTE = range(6)

    def set_rows(self, rows: Sequence[ActionLine]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, record_id: int | None) -> int:
        return next((r for r, a in enumerate(self._rows) if a.action_id == record_id), -1)

    def _display(self, a: ActionLine, col: int) -> str:
        if col == self.COL_NUMBER:
            return a.number
        if col == self.COL_DESCRIPTION:
            return a.description
        if col == self.COL_OWNER:
            return a.owner
        if col == self.COL_DUE:
            due = format_date(a.due_date) or "no date"
            return f"{due}  {OVERDUE_MARK}" if a.overdue else due
        if col == self.COL_STATUS:
            return _status_text(a)
        return a.note

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        a: ActionLine = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(a, col)
        if role == SORT_ROLE:
            return a.due_date.isoformat() if col == self.COL_DUE and a.due_date else self._display(a, col)
        if role == Qt.ItemDataRole.ForegroundRole and a.overdue and col == self.COL_DUE:
            return QBrush(QColor(OVERDUE_COLOUR))
        if role == ID_ROLE:
            return a.action_id
        if role == RECORD_ROLE:
            return a
        if role == OVERDUE_ROLE:
            return a.overdue
        return None


@dataclass(frozen=True)
class ActionRow:
    """One action on the Actions page, with what the page shows beside it."""

    action: Action
    owner: str
    source: str
    """'Meeting of 10 February 2026, item 7'."""
    latest: str
    """'done — Completed and circulated. (13 Oct 2026)' or ''."""
    overdue: bool
    updates: tuple[str, ...] = ()
    """Every update, oldest first: '13 Oct 2026, at the meeting of 13 October 2026: done — Circulated.'"""

    @property
    def id(self) -> int | None:
        return self.action.id


class ActionLogModel(_RecordTableModel):
    HEADERS = ("Number", "Action", "Owner", "Due", "Status", "From", "Latest update")
    COL_NUMBER, COL_DESCRIPTION, COL_OWNER, COL_DUE, COL_STATUS, COL_SOURCE, COL_LATEST = range(7)
    HEADER_TIPS = {  # noqa: RUF012 - read only
        COL_DUE: "Overdue actions (past their due date, still open or in progress) are marked ⚠ and red",
        COL_STATUS: "As given at the latest meeting that recorded an update",
    }

    def set_rows(self, rows: Sequence[ActionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def overdue_count(self) -> int:
        return sum(1 for r in self._rows if r.overdue)

    def _display(self, r: ActionRow, col: int) -> str:
        a = r.action
        if col == self.COL_NUMBER:
            return a.number
        if col == self.COL_DESCRIPTION:
            return a.description
        if col == self.COL_OWNER:
            return r.owner
        if col == self.COL_DUE:
            due = format_date(a.due_date) or "no date"
            return f"{due}  {OVERDUE_MARK}" if r.overdue else due
        if col == self.COL_STATUS:
            return a.status.value
        if col == self.COL_SOURCE:
            return r.source
        return r.latest

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: ActionRow = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(r, col)
        if role == SORT_ROLE:
            if col == self.COL_NUMBER:
                from mqp_desktop.domain.actions import number_sort_key

                return "".join(f"{n:06d}" for n in number_sort_key(r.action.number))
            if col == self.COL_DUE:
                return r.action.due_date.isoformat() if r.action.due_date else "9999"
            return self._display(r, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.overdue and col in (self.COL_DUE, self.COL_NUMBER):
                return QBrush(QColor(OVERDUE_COLOUR))
            if r.action.status.closed:
                return _muted()
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == ID_ROLE:
            return r.action.id
        if role == RECORD_ROLE:
            return r
        if role == OVERDUE_ROLE:
            return r.overdue
        if role == STATUS_ROLE:
            return r.action.status.value
        if role == OWNER_ROLE:
            return r.owner
        return None


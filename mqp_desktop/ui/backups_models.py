"""The table of a database's backups in the Restore dialog.

Rows start from the file names alone (when, why, size: instant) and are filled in
as the dialog's worker reads each backup (:meth:`BackupsTableModel.set_info`): what
it holds and whether it passes its check. Same pattern as :mod:`mqp_desktop.ui.models`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from mqp_desktop.domain.backups import BackupName, describe_age
from mqp_desktop.store.backups import GOOD, STATUS_WORDS, UNCHECKED, BackupInfo, size_words
from mqp_desktop.ui.models import RECORD_ROLE, SORT_ROLE, _Index, _muted, _RecordTableModel

BAD_COLOUR = "#b3261e"


@dataclass
class BackupRow:
    path: Path
    name: BackupName | None
    size: int
    info: BackupInfo | None = None  # None until the worker has read it

    @property
    def taken(self) -> dt.datetime:
        if self.info is not None:
            return self.info.taken
        return self.name.taken if self.name else dt.datetime.min

    @property
    def good(self) -> bool:
        return self.info is not None and self.info.good


class BackupsTableModel(_RecordTableModel):
    """One row per backup, newest first."""

    COL_TAKEN, COL_KIND, COL_CHECK, COL_MEMBERS, COL_MEETINGS, COL_SIGNED, COL_SIZE, COL_LAST = range(8)
    HEADERS = ("Taken", "Kind", "Check", "Members", "Meetings", "Signed minutes", "Size", "Last change")
    HEADER_TIPS = {
        COL_MEMBERS: "Named members in post in the backup",
        COL_SIGNED: "Meetings whose minutes are signed, in the backup",
        COL_LAST: "The newest entry of the backup's change history: what was done last before it was taken",
        COL_CHECK: "Whether the backup passes SQLite's check (a damaged backup cannot be restored)",
    }

    def __init__(self, parent=None, now: dt.datetime | None = None):
        super().__init__(parent)
        self.now = now or dt.datetime.now()

    def set_rows(self, rows: list[BackupRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_info(self, row: int, info: BackupInfo) -> None:
        if 0 <= row < len(self._rows):
            self._rows[row].info = info
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def rows(self) -> list[BackupRow]:
        return list(self._rows)

    def _text(self, r: BackupRow, col: int) -> str:
        info = r.info
        if col == self.COL_TAKEN:
            return describe_age(r.taken, self.now)
        if col == self.COL_KIND:
            return r.name.kind.words if r.name else "another file"
        if col == self.COL_SIZE:
            return size_words(r.size)
        if info is None:
            return "checking…" if col == self.COL_CHECK else ""
        if col == self.COL_CHECK:
            return STATUS_WORDS.get(info.status, info.status)
        if col == self.COL_MEMBERS:
            return "" if info.members is None else str(info.members)
        if col == self.COL_MEETINGS:
            return "" if info.meetings is None else str(info.meetings)
        if col == self.COL_SIGNED:
            return "" if info.signed_minutes is None else str(info.signed_minutes)
        if col == self.COL_LAST:
            return info.last_change_words() or (" ".join(info.problem.split()) if not info.good else "")
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, col)
        if role == RECORD_ROLE:
            return r
        if role == SORT_ROLE:
            return r.taken.isoformat() if col == self.COL_TAKEN else self._text(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_TAKEN:
                return f"{r.taken:%d/%m/%Y %H:%M:%S} — {r.path.name}"
            if col == self.COL_LAST and r.info is not None:
                return r.info.last_change_words() or None
            if col == self.COL_CHECK and r.info is not None and r.info.problem:
                return r.info.problem
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_MEMBERS, self.COL_MEETINGS, self.COL_SIGNED,
                                                                  self.COL_SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.info is None or r.info.status == UNCHECKED:
                return _muted() if col == self.COL_CHECK else None
            if r.info.status != GOOD:
                return QBrush(QColor(BAD_COLOUR)) if col in (self.COL_CHECK, self.COL_LAST) else _muted()
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


__all__ = ["BackupRow", "BackupsTableModel"]

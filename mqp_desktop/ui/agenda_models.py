"""Item models of a meeting's agenda and papers (ToR 13, 14).

* :class:`AgendaTreeModel` — the agenda as a two-level tree: number, title,
  presenter, purpose, time, start–finish and the papers' statuses. It accepts
  drags of its own items: :meth:`~AgendaTreeModel.dropMimeData` and
  :meth:`~AgendaTreeModel.moveRows` turn a drop into "put item X at position N
  (under item P)" and hand it to ``mover`` (the controller, which writes it
  through the store and reloads the model). The model never changes its rows
  itself: what is shown is always what the database holds.
* :class:`PapersTableModel` — the papers of one item, with a status in words
  beside a coloured symbol (never colour alone).
* :class:`ProblemsTableModel` — the meeting's late and missing papers.
* :class:`CirculationsTableModel` — what was circulated, to how many, when.
* :class:`AttachmentsTableModel` — the files a circulation email will carry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from mqp_desktop.domain.agenda import AgendaItem, AgendaLine
from mqp_desktop.domain.papers import (
    Circulation,
    MeetingAgenda,
    Paper,
    PaperProblem,
    PaperStatus,
    ProblemKind,
    paper_status,
)
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, format_date

_Index = QModelIndex | QPersistentModelIndex

_ROOT = QModelIndex()  # the default parent: the top of the model
MIME_TYPE = "application/x-mqp-agenda-item-ids"
STATUS_ROLE = Qt.ItemDataRole.UserRole + 20

# status -> (symbol, words, colour)
PAPER_STATUS_LOOK: dict[PaperStatus, tuple[str, str, str]] = {
    PaperStatus.READY: ("✔", "ready", "#1d6b2a"),
    PaperStatus.RECEIVED: ("◐", "received, no file", "#8a5a00"),
    PaperStatus.NOT_SIGNED_OFF: ("◐", "received, not signed off", "#8a5a00"),
    PaperStatus.OVERDUE: ("⚠", "overdue", "#a4161a"),
    PaperStatus.REQUESTED: ("…", "requested", "#355c8c"),
    PaperStatus.WITHDRAWN: ("✖", "withdrawn", "#6b6b6b"),
}
PROBLEM_LOOK: dict[ProblemKind, tuple[str, str]] = {
    ProblemKind.OVERDUE: ("⚠ Overdue", "#a4161a"),
    ProblemKind.NOT_SIGNED_OFF: ("◐ Not signed off", "#8a5a00"),
    ProblemKind.NO_FILE: ("◐ No file", "#8a5a00"),
    ProblemKind.OUTSTANDING: ("… Requested", "#355c8c"),
    ProblemKind.NO_PAPER: ("? No paper", "#6b6b6b"),
}

_icons: dict[str, QIcon] = {}


def status_icon(status: PaperStatus) -> QIcon:
    """A small filled circle in the status's colour (the words always go beside it)."""
    key = status.value
    if key not in _icons:
        colour = QColor(PAPER_STATUS_LOOK[status][2])
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(colour.darker(130))
        p.setBrush(colour if status is not PaperStatus.REQUESTED else QColor("white"))
        p.drawEllipse(QRectF(1.5, 1.5, 11, 11))
        p.end()
        _icons[key] = QIcon(pixmap)
    return _icons[key]


def status_words(paper: Paper, today: dt.date) -> str:
    status = paper_status(paper, today)
    words = PAPER_STATUS_LOOK[status][1]
    if status is PaperStatus.OVERDUE and paper.deadline:
        words += f" (due {format_date(paper.deadline)})"
    elif status is PaperStatus.REQUESTED and paper.deadline:
        words += f", due {format_date(paper.deadline)}"
    return words


def papers_summary(papers: Sequence[Paper], today: dt.date) -> str:
    """'✔ ready · ⚠ overdue' for an item's papers ('' when it has none)."""
    bits = []
    for p in papers:
        symbol, words, _colour = PAPER_STATUS_LOOK[paper_status(p, today)]
        bits.append(f"{symbol} {words}")
    return " · ".join(bits)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class AgendaTreeModel(QAbstractItemModel):
    """A meeting's agenda: top-level items and their sub-items, with times and papers."""

    COL_NUMBER, COL_TITLE, COL_PRESENTER, COL_PURPOSE, COL_MINUTES, COL_TIMES, COL_PAPERS = range(7)
    HEADERS = ("No.", "Item", "Presenter", "Purpose", "Time", "Start–finish", "Papers")
    HEADER_TIPS: ClassVar[dict[int, str]] = {
        COL_MINUTES: "Minutes allocated (a top-level item with sub-items takes their total unless given its own)",
        COL_TIMES: "When the item starts and finishes, from the meeting's start time",
        COL_PAPERS: "Each paper's status: ✔ ready · ◐ received, not signed off · ⚠ overdue · … requested",
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self._tops: list[AgendaLine] = []
        self._subs: dict[int, list[AgendaLine]] = {}
        self._parent_of: dict[int, int] = {}  # sub-item id -> top-level item id
        self._papers: Mapping[int, Sequence[Paper]] = {}
        self._presenters: Mapping[int, str] = {}
        self.today = dt.date.today()
        self.mover: Callable[[int, int, int | None], bool] | None = None
        """``mover(item_id, position, parent_id)`` writes a move; True when it was made."""

    # --- data in -----------------------------------------------------------------------------
    def set_agenda(self, agenda: MeetingAgenda | None, today: dt.date | None = None) -> None:
        self.beginResetModel()
        self.today = today or dt.date.today()
        self._tops, self._subs, self._parent_of = [], {}, {}
        self._papers, self._presenters = {}, {}
        if agenda is not None:
            top: AgendaLine | None = None
            for line in agenda.lines:
                if line.depth == 0 or top is None:
                    top = line
                    self._tops.append(line)
                    self._subs[line.item.id] = []
                else:
                    self._subs[top.item.id].append(line)
                    self._parent_of[line.item.id] = top.item.id
            self._papers = agenda.papers
            self._presenters = agenda.presenters
        self.endResetModel()

    # --- lookups -----------------------------------------------------------------------------
    def line(self, index: _Index) -> AgendaLine | None:
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if parent_id == 0:
            return self._tops[index.row()] if 0 <= index.row() < len(self._tops) else None
        subs = self._subs.get(parent_id, [])
        return subs[index.row()] if 0 <= index.row() < len(subs) else None

    def item(self, index: _Index) -> AgendaItem | None:
        line = self.line(index)
        return line.item if line else None

    def index_of(self, item_id: int | None, column: int = 0) -> QModelIndex:
        for row, line in enumerate(self._tops):
            if line.item.id == item_id:
                return self.index(row, column)
            for sub_row, sub in enumerate(self._subs.get(line.item.id, [])):
                if sub.item.id == item_id:
                    return self.index(sub_row, column, self.index(row, 0))
        return QModelIndex()

    def lines(self) -> list[AgendaLine]:
        return [x for top in self._tops for x in (top, *self._subs.get(top.item.id, []))]

    def numbers(self) -> list[str]:
        return [line.number for line in self.lines()]

    # --- the tree ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if column < 0 or column >= len(self.HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row < len(self._tops):
                return self.createIndex(row, column, 0)
            return QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()  # only two levels
        top = self._tops[parent.row()] if parent.row() < len(self._tops) else None
        if top is None or row >= len(self._subs.get(top.item.id, [])):
            return QModelIndex()
        return self.createIndex(row, column, top.item.id)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        parent_id = index.internalId()
        for row, line in enumerate(self._tops):
            if line.item.id == parent_id:
                return self.createIndex(row, 0, 0)
        return QModelIndex()

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._tops)
        if parent.column() > 0 or parent.internalId() != 0:
            return 0
        top = self._tops[parent.row()] if parent.row() < len(self._tops) else None
        return len(self._subs.get(top.item.id, [])) if top else 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.HEADER_TIPS.get(section)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = base | Qt.ItemFlag.ItemIsDragEnabled
        if index.internalId() == 0:
            flags |= Qt.ItemFlag.ItemIsDropEnabled  # a drop on a top-level item makes a sub-item
        return flags

    def _display(self, line: AgendaLine, col: int) -> str:
        item = line.item
        if col == self.COL_NUMBER:
            return line.number
        if col == self.COL_TITLE:
            return item.title
        if col == self.COL_PRESENTER:  # the name; the post and agency are in the tooltip
            presenter = self._presenters.get(item.id, "")
            return presenter.split(" (")[0] if not presenter.endswith("(guest)") else presenter
        if col == self.COL_PURPOSE:
            return item.purpose.label if item.purpose else ""
        if col == self.COL_MINUTES:
            return f"{line.minutes} min" if line.minutes else "—"
        if col == self.COL_TIMES:
            return f"{line.start}–{line.finish}" if line.start else ""
        if col == self.COL_PAPERS:
            return papers_summary(self._papers.get(item.id, ()), self.today)
        return ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line(index)
        if line is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, col)
        if role == ID_ROLE:
            return line.item.id
        if role == RECORD_ROLE:
            return line.item
        if role == Qt.ItemDataRole.FontRole and line.depth == 0 and col in (self.COL_NUMBER, self.COL_TITLE):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_PAPERS:
            papers = self._papers.get(line.item.id, ())
            statuses = {paper_status(p, self.today) for p in papers}
            for status in (PaperStatus.OVERDUE, PaperStatus.NOT_SIGNED_OFF, PaperStatus.RECEIVED):
                if status in statuses:
                    return QBrush(QColor(PAPER_STATUS_LOOK[status][2]))
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_PAPERS:
                papers = self._papers.get(line.item.id, ())
                if not papers:
                    return "No paper for this item"
                return "\n".join(f"{p.title} — {status_words(p, self.today)}" for p in papers)
            if col == self.COL_PRESENTER:
                return self._presenters.get(line.item.id) or None
            if col == self.COL_TITLE and line.item.notes:
                return line.item.notes
            if col == self.COL_TITLE and line.item.priority:
                return f"Partnership priority: {line.item.priority}"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_MINUTES, self.COL_TIMES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- drag and drop -------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[int] = []
        for index in indexes:
            item = self.item(index)
            if item is not None and item.id not in ids:
                ids.append(item.id)
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(str(i) for i in ids).encode("ascii")))
        return mime

    @staticmethod
    def dragged_ids(data: QMimeData) -> list[int]:
        if data is None or not data.hasFormat(MIME_TYPE):
            return []
        text = bytes(data.data(MIME_TYPE).data()).decode("ascii")
        return [int(x) for x in text.split(",") if x.strip().isdigit()]

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _Index) -> bool:
        if action != Qt.DropAction.MoveAction or len(self.dragged_ids(data)) != 1:
            return False
        return not parent.isValid() or parent.internalId() == 0

    def target(self, item_id: int, row: int, parent: _Index) -> tuple[int, int | None]:
        """(position, parent id) for dropping ``item_id`` before ``row`` of ``parent`` (row -1: at the end)."""
        parent_item = self.item(parent) if parent.isValid() else None
        parent_id = parent_item.id if parent_item else None
        siblings = [line.item.id for line in (self._subs.get(parent_id, []) if parent_id else self._tops)]
        if row < 0 or row > len(siblings):
            row = len(siblings)
        position = row + 1
        if item_id in siblings and siblings.index(item_id) < row:
            position -= 1  # the item leaves its own place above the drop first
        return position, parent_id

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item_id = self.dragged_ids(data)[0]
        position, parent_id = self.target(item_id, row, parent)
        return self._move(item_id, position, parent_id)

    def moveRows(self, source_parent: _Index, source_row: int, count: int, destination_parent: _Index,
                 destination_child: int) -> bool:
        """Move one item (``count`` 1) before ``destination_child`` of ``destination_parent``."""
        if count != 1:
            return False
        item = self.item(self.index(source_row, 0, source_parent))
        if item is None or (destination_parent.isValid() and destination_parent.internalId() != 0):
            return False
        position, parent_id = self.target(item.id, destination_child, destination_parent)
        return self._move(item.id, position, parent_id)

    def _move(self, item_id: int, position: int, parent_id: int | None) -> bool:
        if parent_id == item_id or self.mover is None:
            return False
        # (the mover reloads this model from the database; the view removes nothing itself:
        #  removeRows is not implemented, so a drag's "move" leaves the rows to the reload)
        return bool(self.mover(item_id, position, parent_id))


class _TableModel(QAbstractTableModel):
    HEADERS: Sequence[str] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def _row(self, index: _Index) -> Any:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def record(self, row: int) -> Any:
        return self._rows[row]


class PapersTableModel(_TableModel):
    """The papers of one agenda item."""

    COL_TITLE, COL_STATUS, COL_AUTHOR, COL_DEADLINE, COL_RECEIVED, COL_SIGNED, COL_FILE = range(7)
    HEADERS = ("Paper", "Status", "Author", "Deadline", "Received", "Signed off (ToR 14)", "File")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = dt.date.today()
        self.file_names: Mapping[int, str] = {}

    def set_rows(self, papers: Sequence[Paper], today: dt.date | None = None,
                 file_names: Mapping[int, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(papers)
        self.today = today or dt.date.today()
        self.file_names = dict(file_names or {})
        self.endResetModel()

    def paper(self, row: int) -> Paper:
        return self._rows[row]

    def row_of(self, paper_id: int | None) -> int:
        return next((r for r, p in enumerate(self._rows) if p.id == paper_id), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p: Paper | None = self._row(index)
        if p is None:
            return None
        col = index.column()
        status = paper_status(p, self.today)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_TITLE:
                return p.title + (f" ({p.supplement_label})" if p.supplement else "")
            if col == self.COL_STATUS:
                return status_words(p, self.today)
            if col == self.COL_AUTHOR:
                return p.author_name + (f" <{p.author_email}>" if p.author_email else "")
            if col == self.COL_DEADLINE:
                return format_date(p.deadline)
            if col == self.COL_RECEIVED:
                return format_date(p.received_on)
            if col == self.COL_SIGNED:
                return f"{p.signed_off_by}, {format_date(p.signed_off_on)}" if p.signed_off else "not signed off"
            if col == self.COL_FILE:
                return self.file_names.get(p.document_id, "") if p.document_id else "no file"
            return ""
        if role == Qt.ItemDataRole.DecorationRole and col == self.COL_STATUS:
            return status_icon(status)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_STATUS:
            return QBrush(QColor(PAPER_STATUS_LOOK[status][2]))
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_SIGNED and not p.signed_off \
                and not p.withdrawn:
            return QBrush(QColor(PAPER_STATUS_LOOK[PaperStatus.NOT_SIGNED_OFF][2]))
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_TITLE and p.notes:
            return p.notes
        if role == ID_ROLE:
            return p.id
        if role == RECORD_ROLE:
            return p
        if role == STATUS_ROLE:
            return status
        return None


class ProblemsTableModel(_TableModel):
    """A meeting's late and missing papers (overdue, outstanding, not signed off, no file, no paper)."""

    COL_KIND, COL_MESSAGE = range(2)
    HEADERS = ("What", "Detail")

    def set_rows(self, problems: Sequence[PaperProblem]) -> None:
        self.beginResetModel()
        self._rows = list(problems)
        self.endResetModel()

    def problem(self, row: int) -> PaperProblem:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pr: PaperProblem | None = self._row(index)
        if pr is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return PROBLEM_LOOK[pr.kind][0] if col == self.COL_KIND else pr.message
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_KIND:
            return QBrush(QColor(PROBLEM_LOOK[pr.kind][1]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return pr.message
        if role == ID_ROLE:
            return pr.paper.id if pr.paper else None
        if role == RECORD_ROLE:
            return pr
        return None


class CirculationsTableModel(_TableModel):
    """What went out for a meeting: when, what, to how many, with which files."""

    COL_WHEN, COL_KIND, COL_TO, COL_SUBJECT, COL_FILES = range(5)
    HEADERS = ("When", "What", "To", "Subject", "Files")

    def set_rows(self, circulations: Sequence[Circulation]) -> None:
        self.beginResetModel()
        self._rows = list(circulations)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c: Circulation | None = self._row(index)
        if c is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_WHEN:
                try:
                    at = dt.datetime.fromisoformat(c.at)
                    return f"{at:%d %b %Y %H:%M}"
                except ValueError:
                    return c.at
            if col == self.COL_KIND:
                return c.kind.value.capitalize()
            if col == self.COL_TO:
                n = len(c.recipients)
                return f"{n} recipient{'s' if n != 1 else ''}"
            if col == self.COL_SUBJECT:
                return c.subject
            if col == self.COL_FILES:
                return ", ".join(a.name for a in c.attachments)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_TO:
                return "\n".join(c.recipients)
            if col == self.COL_FILES:
                return "\n".join(f"{a.name} ({size_text(a.size)}, sha256 {a.sha256[:12]}…)" for a in c.attachments)
        if role == ID_ROLE:
            return c.id
        if role == RECORD_ROLE:
            return c
        return None


class AttachmentsTableModel(_TableModel):
    """The files a circulation email will carry: name and size."""

    COL_NAME, COL_SIZE = range(2)
    HEADERS = ("Attachment", "Size")

    def set_rows(self, attachments: Sequence[tuple[str, int]]) -> None:
        """``attachments``: (file name, size in bytes) pairs."""
        self.beginResetModel()
        self._rows = list(attachments)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        name, size = row
        if role == Qt.ItemDataRole.DisplayRole:
            return name if index.column() == self.COL_NAME else size_text(size)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

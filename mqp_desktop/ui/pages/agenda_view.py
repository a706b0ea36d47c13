"""A meeting's agenda and papers, opened from the Meetings page (ToR 13, 14).

Left: the agenda as a tree (number, item, presenter, purpose, time, start–finish,
papers), reordered by dragging or with the keyboard:

    Ins           add an item             Ctrl+Up / Ctrl+Down   move up / down
    Shift+Ins     add a sub-item          Ctrl+Right            make it a sub-item of the one above
    Enter         edit the item           Ctrl+Left             make a sub-item a top-level item
    Del           remove the item         Esc                   back to the list of meetings

Above it, the running total and the planned finish (and a warning when the
agenda runs past the meeting's end time). Right: the papers of the chosen
item with what can be done to them, the meeting's late and missing papers
(with a chase email draft each), and what has been circulated.

The view reads nothing itself: the agenda controller (``ui/agenda_controller.py``)
gives it plain data with :meth:`AgendaView.set_data` and does the writing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QFont, QFontMetrics, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.papers import Circulation, MeetingAgenda, Paper, PaperProblem
from mqp_desktop.ui.agenda_models import (
    AgendaTreeModel,
    CirculationsTableModel,
    PapersTableModel,
    ProblemsTableModel,
)
from mqp_desktop.ui.meetings_models import long_date, meeting_status_text
from mqp_desktop.ui.models import ID_ROLE
from mqp_desktop.ui.pages.common import action_bar
from mqp_desktop.ui.widgets.column_fit import room_left
from mqp_desktop.ui.widgets.flow_layout import FlowLayout


def minutes_text(minutes: int) -> str:
    """'1 h 35 min', '45 min'."""
    hours, mins = divmod(minutes, 60)
    if hours and mins:
        return f"{hours} h {mins:02d} min"
    if hours:
        return f"{hours} h"
    return f"{mins} min"


class WrappingTitleDelegate(QStyledItemDelegate):
    """Gives a long title the height of its wrapped lines, at the title column's current width."""

    def __init__(self, tree: QTreeView):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        width = self.tree.header().sectionSize(index.column()) - 12
        if index.column() == 0 or width <= 0:
            return hint
        text = str(index.data() or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        rect = QFontMetrics(font).boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 10))


class AgendaTree(QTreeView):
    """The agenda's tree: Enter edits, Escape goes back, items are dragged to move them."""

    activated_item = Signal()
    escape_pressed = Signal()
    TITLE_MIN = 200  # an item's title keeps this much room: on a narrow window the tree scrolls sideways
    # rather than wrapping each title a word to a line (seen at 150% on a 1366x768 laptop)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_title()

    def fit_title(self) -> None:
        """The title takes the room the other columns leave, but never less than ``TITLE_MIN``."""
        header = self.header()
        title = AgendaTreeModel.COL_TITLE
        if header.count() <= title:
            return
        narrow = room_left(self, title) < self.TITLE_MIN
        mode = QHeaderView.ResizeMode.Interactive if narrow else QHeaderView.ResizeMode.Stretch
        if header.sectionResizeMode(title) != mode:
            header.setSectionResizeMode(title, mode)
        if narrow and header.sectionSize(title) != self.TITLE_MIN:
            header.resizeSection(title, self.TITLE_MIN)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agendaTree")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)  # long titles wrap rather than being cut short
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(14)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.header()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.doubleClicked.connect(lambda _i: self.activated_item.emit())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.activated_item.emit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.escape_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        # The model reloaded itself from the database during the drop: nothing for the
        # source to remove afterwards.
        event.setDropAction(Qt.DropAction.CopyAction)


class TimingStrip(QFrame):
    """'Running total 1 h 55 min · planned finish 11:55 (ends 12:00)', and an overrun warning."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("agendaTiming")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.total = QLabel()
        self.total.setObjectName("agendaTotal")
        font = self.total.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.total.setFont(font)
        self.warning = QLabel()
        self.warning.setObjectName("agendaOverrun")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8c1d18; font-weight: 600;")
        layout.addWidget(self.total)
        layout.addWidget(self.warning, 1)

    def set_timing(self, agenda: MeetingAgenda | None, meeting: Meeting | None) -> None:
        if agenda is None or not agenda.lines:
            self.total.setText("No items yet")
            self.warning.clear()
            return
        t = agenda.timing
        text = f"Running total {minutes_text(t.total_minutes)}"
        if t.planned_finish:
            text += f" · planned finish {t.planned_finish}"
            if t.scheduled_end:
                text += f" (the meeting ends {t.scheduled_end})"
        self.total.setText(text)
        warnings = []
        if t.overruns:
            warnings.append(f"⚠ The agenda runs {minutes_text(t.overrun_minutes)} past the meeting's end time: "
                            "shorten or move an item.")
        if t.sub_items_over:
            numbers = ", ".join(t.sub_items_over)
            warnings.append(f"⚠ The sub-items of item {numbers} take longer than the time given to the item.")
        self.warning.setText("  ".join(warnings))


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    return table


def _buttons(actions: Sequence[QAction]) -> QWidget:
    """Buttons for window actions, wrapping onto a second line when the panel is narrow."""
    box = QWidget()
    flow = FlowLayout(box, h_spacing=4, v_spacing=4)
    flow.setContentsMargins(0, 0, 0, 0)
    for action in actions:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        flow.addWidget(button)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    box.setSizePolicy(policy)
    return box


class AgendaView(QWidget):
    """A meeting's agenda, the chosen item's papers, late and missing papers, circulations."""

    back_requested = Signal()
    edit_requested = Signal()
    item_changed = Signal()  # the chosen item (or paper) changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.meeting: Meeting | None = None
        self.agenda: MeetingAgenda | None = None
        self.today = dt.date.today()
        self.model = AgendaTreeModel(self)
        self.papers_model = PapersTableModel(self)
        self.problems_model = ProblemsTableModel(self)
        self.circulations_model = CirculationsTableModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self.back_button = QToolButton()
        self.back_button.setText("← All meetings")
        self.back_button.setToolTip("Back to the list of meetings (Esc)")
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back_requested.emit)
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("agendaTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageIntro")
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        layout.addLayout(top)

        self.timing = TimingStrip()
        layout.addWidget(self.timing)
        self.button_bar = QHBoxLayout()
        self.button_bar.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.button_bar)

        # --- left: the agenda ---
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        self.empty_note = QLabel(
            "This meeting has no agenda yet. Start from the subcommittee's standing agenda "
            "(Agenda › Apply standing agenda), copy one from another meeting, or add items with Ins."
        )
        self.empty_note.setObjectName("agendaEmpty")
        self.empty_note.setWordWrap(True)
        self.empty_buttons = QWidget()
        left_layout.addWidget(self.empty_note)
        left_layout.addWidget(self.empty_buttons)
        self.tree = AgendaTree()
        self.tree.setModel(self.model)
        self.tree.activated_item.connect(self.edit_requested.emit)
        self.tree.escape_pressed.connect(self.back_requested.emit)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._item_changed())
        self.model.modelReset.connect(self.tree.expandAll)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        for column, width in enumerate((58, 260, 130, 105, 60, 96, 130)):
            self.tree.setColumnWidth(column, width)
        # the title takes the room left over; the narrow columns keep their widths
        header.setSectionResizeMode(AgendaTreeModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.tree.setItemDelegateForColumn(AgendaTreeModel.COL_TITLE, WrappingTitleDelegate(self.tree))
        # wrapped titles take their height from the column's width: lay the rows out again when it changes
        header.sectionResized.connect(lambda column, _old, _new: column == AgendaTreeModel.COL_TITLE
                                      and self.tree.doItemsLayout())
        left_layout.addWidget(self.tree, 1)
        self.key_hint = QLabel(
            "Drag an item to move it, or Ctrl+↑/↓ · Ctrl+→ make a sub-item · Ctrl+← top level · "
            "Ins add · Enter edit · Del remove"
        )
        self.key_hint.setObjectName("pageIntro")
        self.key_hint.setWordWrap(True)
        left_layout.addWidget(self.key_hint)

        # --- right: papers, late and missing, circulated ---
        self.papers_box = QGroupBox("Papers")
        self.papers_box.setObjectName("papersBox")
        papers_layout = QVBoxLayout(self.papers_box)
        self.papers_table = _table("papersTable")
        self.papers_table.setModel(self.papers_model)
        for column, width in enumerate((200, 190, 170, 90, 90, 170)):
            self.papers_table.setColumnWidth(column, width)
        self.papers_table.selectionModel().currentChanged.connect(lambda *_: self.item_changed.emit())
        papers_layout.addWidget(self.papers_table, 1)
        self.paper_buttons_layout = QVBoxLayout()
        self.paper_buttons_layout.setContentsMargins(0, 0, 0, 0)
        papers_layout.addLayout(self.paper_buttons_layout)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("agendaTabs")
        problems_page = QWidget()
        problems_layout = QVBoxLayout(problems_page)
        problems_layout.setContentsMargins(4, 6, 4, 4)
        self.problems_table = _table("problemsTable")
        self.problems_table.setModel(self.problems_model)
        self.problems_table.setColumnWidth(ProblemsTableModel.COL_KIND, 150)
        self.problems_table.setWordWrap(True)
        self.problems_table.selectionModel().currentChanged.connect(lambda *_: self.item_changed.emit())
        self.problems_table.doubleClicked.connect(self._show_problem_item)
        problems_layout.addWidget(self.problems_table, 1)
        self.problem_buttons_layout = QHBoxLayout()
        self.problem_buttons_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addLayout(self.problem_buttons_layout)
        self.tabs.addTab(problems_page, "Late and missing papers")
        circulated_page = QWidget()
        circulated_layout = QVBoxLayout(circulated_page)
        circulated_layout.setContentsMargins(4, 6, 4, 4)
        self.circulations_table = _table("circulationsTable")
        self.circulations_table.setModel(self.circulations_model)
        for column, width in enumerate((130, 80, 100, 260)):
            self.circulations_table.setColumnWidth(column, width)
        circulated_layout.addWidget(self.circulations_table, 1)
        self.tabs.addTab(circulated_page, "Circulated")

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("agendaSideSplitter")
        right.setChildrenCollapsible(False)
        right.addWidget(self.papers_box)
        right.addWidget(self.tabs)
        right.setSizes([320, 260])

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agendaSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 390])
        layout.addWidget(self.splitter, 1)

        self.setStyleSheet(
            """
            #agendaTiming { background: palette(base); border: 1px solid palette(midlight); border-radius: 6px; }
            #agendaEmpty { background: #eef4fb; border: 1px solid #b9cde6; border-radius: 6px; padding: 10px; }
            #agendaTree { selection-background-color: #2f6fb5; selection-color: white; }
            #agendaTree::item { padding: 4px 2px; }
            """
        )

    def set_actions(self, agenda_actions: Sequence[QAction], paper_actions: Sequence[QAction],
                    problem_actions: Sequence[QAction], empty_actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(agenda_actions)
        self.toolbar.setObjectName("agendaActions")
        self.button_bar.addWidget(self.toolbar, 1)
        self.paper_buttons_layout.addWidget(_buttons(paper_actions))
        self.problem_buttons_layout.addWidget(_buttons(problem_actions))
        self.problem_buttons_layout.addStretch(1)
        flow = QHBoxLayout(self.empty_buttons)
        flow.setContentsMargins(0, 0, 0, 0)
        for action in empty_actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            flow.addWidget(button)
        flow.addStretch(1)

    # --- data ------------------------------------------------------------------------------
    def set_data(
        self,
        meeting: Meeting,
        agenda: MeetingAgenda,
        problems: Sequence[PaperProblem],
        circulations: Sequence[Circulation],
        file_names: Mapping[int, str],
        today: dt.date | None = None,
        *,
        select_item: int | None = None,
        select_paper: int | None = None,
    ) -> None:
        """Show the meeting's agenda (the chosen item and paper kept where they can be)."""
        keep_item = select_item if select_item is not None else self.current_item_id()
        keep_paper = select_paper if select_paper is not None else self.current_paper_id()
        self.meeting, self.agenda = meeting, agenda
        self.today = today or dt.date.today()
        self.file_names = dict(file_names)
        self.title.setText(f"Agenda — {meeting.title}")
        when = f"{long_date(meeting.date)}, {meeting.start_time}–{meeting.end_time}" if meeting.start_time \
            else long_date(meeting.date)
        bits = [when, meeting.where, meeting_status_text(meeting.status)]
        self.subtitle.setText(" · ".join(b for b in bits if b))
        self.timing.set_timing(agenda, meeting)
        self.model.set_agenda(agenda, self.today)
        empty = not agenda.lines
        self.empty_note.setVisible(empty)
        self.empty_buttons.setVisible(empty)
        self.problems_model.set_rows(problems)
        self.problems_table.resizeRowsToContents()
        late = sum(1 for p in problems if p.late)
        self.tabs.setTabText(0, f"Late and missing papers ({len(problems)})" if problems
                             else "Late and missing papers")
        self.tabs.setTabToolTip(0, f"{late} overdue" if late else "")
        self.tabs.setTabText(1, f"Circulated ({len(circulations)})" if circulations else "Circulated")
        self.circulations_model.set_rows(circulations)
        if not self.select_item(keep_item) and self.model.rowCount():
            self.select_item(self.model.index(0, 0).data(ID_ROLE))
        self._item_changed(keep_paper)

    def select_item(self, item_id: int | None) -> bool:
        if item_id is None:
            return False
        index = self.model.index_of(item_id)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)
        return True

    def current_item_id(self) -> int | None:
        item = self.model.item(self.tree.currentIndex())
        return item.id if item else None

    def current_line(self):
        return self.model.line(self.tree.currentIndex())

    def numbers(self) -> list[str]:
        return self.model.numbers()

    def _item_changed(self, keep_paper: int | None = None) -> None:
        line = self.current_line()
        if line is None or self.agenda is None:
            self.papers_box.setTitle("Papers")
            self.papers_model.set_rows([], self.today)
        else:
            self.papers_box.setTitle(f"Papers for item {line.number}: {line.item.title}")
            self.papers_model.set_rows(self.agenda.papers.get(line.item.id, ()), self.today, self.file_names)
            row = self.papers_model.row_of(keep_paper)
            if row < 0 and self.papers_model.rowCount():
                row = 0
            if row >= 0:
                self.papers_table.selectRow(row)
        self.item_changed.emit()

    def current_paper(self) -> Paper | None:
        index = self.papers_table.currentIndex()
        if not index.isValid() or not self.papers_table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return self.papers_model.paper(index.row())

    def current_paper_id(self) -> int | None:
        paper = self.current_paper()
        return paper.id if paper else None

    def select_paper(self, paper_id: int | None) -> bool:
        row = self.papers_model.row_of(paper_id)
        if row < 0:
            return False
        self.papers_table.selectRow(row)
        return True

    def current_problem(self) -> PaperProblem | None:
        index = self.problems_table.currentIndex()
        if not index.isValid():
            return None
        return self.problems_model.problem(index.row())

    def select_problem(self, row: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.problems_table.selectRow(row)

    def _show_problem_item(self, index: QModelIndex) -> None:
        problem = self.problems_model.problem(index.row())
        self.select_item(problem.item.id)
        if problem.paper is not None:
            self.select_paper(problem.paper.id)

    def focus_agenda(self) -> None:
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

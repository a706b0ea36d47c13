"""Taking a meeting's attendance register, with the keyboard, while the meeting starts.

One row per member on the meeting's register. Up/Down move; a single key sets
the current row's attendance and moves to the next row:

    P  present            D  deputy attended (the nominated deputy; else type the name)
    A  apologies sent     X  absent without apologies        Delete / Backspace  clear

Every key press is written through the store at once (nothing is lost if the
laptop dies); when a write fails (a locked file, a full disk) the message is
shown and the row keeps the value the database holds. Beside the register:
the live quorum (:class:`QuorumPanel`), the chair's decision when it is not
met, and the guests "in attendance", who never count.

The view never opens the database itself: it is given a :class:`RegisterSession`
(see ``ui/meetings_controller.py``) that reads and writes through the store.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import (
    AttendanceEntry,
    ChairDecision,
    Guest,
    Meeting,
    MeetingQuorum,
    MeetingStatus,
    RegisterRow,
    WaitingItem,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.meetings_models import GuestsTableModel, RegisterTableModel, long_date, meeting_status_text
from mqp_desktop.ui.pages.common import action_bar
from mqp_desktop.ui.pages.quorum_panel import ChairDecisionBox, QuorumPanel
from mqp_desktop.ui.widgets.flow_layout import FlowLayout

STATUS_FOR_KEY = {
    Qt.Key.Key_P: AttendanceStatus.PRESENT,
    Qt.Key.Key_D: AttendanceStatus.DEPUTY,
    Qt.Key.Key_A: AttendanceStatus.APOLOGIES,
    Qt.Key.Key_X: AttendanceStatus.ABSENT,
}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)

Change = tuple[AttendanceStatus | None, str | None]


@dataclasses.dataclass
class RegisterSnapshot:
    """A meeting's register as the database holds it."""

    meeting: Meeting
    rows: list[RegisterRow]
    quorum: MeetingQuorum
    guests: list[Guest]
    agency_names: Mapping[int, str]
    reconvened_as: list[Meeting] = dataclasses.field(default_factory=list)
    agenda: list[tuple[int, str, str, int | None]] = dataclasses.field(default_factory=list)
    """The meeting's agenda as (item id, number, title, parent id), for the chair's decision on items."""
    waiting_from_earlier: list[WaitingItem] = dataclasses.field(default_factory=list)
    """Items earlier inquorate meetings left waiting for a quorate meeting."""
    locked_by: str = ""
    """When the meeting's minutes are signed: who signed them and when ('Dr Helen Carter on 3 Mar 2026');
    the register is then locked with them until a correction is opened."""


class RegisterSession(Protocol):
    """What the register view asks of the database (each call one transaction)."""

    meeting_id: int

    def load(self) -> RegisterSnapshot: ...

    def record(self, changes: Mapping[int, Change], text: str,
               seen: Mapping[int, AttendanceEntry | None] | None = None) -> None: ...

    def add_guest(self, guest: Guest) -> None: ...

    def remove_guest(self, guest_id: int) -> None: ...

    def decide(self, decision: ChairDecision, note: str, seen: Meeting | None = None,
               items_waiting: Sequence[int] = ()) -> None: ...

    def plan_reconvened(self) -> None: ...


class RegisterTable(QTableView):
    """The register's table: single keys set the current row's attendance."""

    status_key = Signal(int, object)  # row, AttendanceStatus | None (clear)
    deputy_edit_finished = Signal(int)  # row
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("registerTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._editing_row = -1

    # (column, width wanted, narrowest) for the columns that must stay in view; the post, shown last,
    # stretches into what is left and is the one cut short (or scrolled to) on a narrow screen
    FIT = ((RegisterTableModel.COL_AGENCY, 190, 120), (RegisterTableModel.COL_MEMBER, 180, 130),
           (RegisterTableModel.COL_STATUS, 210, 165), (RegisterTableModel.COL_DEPUTY, 190, 150))
    POST_ROOM = 160

    def fit_columns(self) -> None:
        """Agency, member, attendance and the deputy who attended within the visible width when they can be
        (narrowed towards their minimum in proportion); the post gets the rest."""
        room = self.viewport().width()
        # each as wide as its longest entry in this (larger) font - no narrower than its narrowest, at most 80
        # pixels over its planned width - so a short column leaves its room to a long one ("LA Children's
        # Services" was cut by a few pixels beside a member column wider than its names)
        rows = self.model() is not None and self.model().rowCount() > 0
        fit = [(c, max(m, min(self.sizeHintForColumn(c), w + 80)) if rows else w, m) for c, w, m in self.FIT]
        wanted = sum(w for _c, w, _m in fit)
        spare = sum(w - m for _c, w, m in fit)
        share = 0.0 if room >= wanted else min(1.0, (wanted - room) / spare)
        for column, width, narrowest in fit:
            self.setColumnWidth(column, width - int((width - narrowest) * share + 0.5))

    def viewportEvent(self, event) -> bool:
        # the viewport, not the table: it also narrows when the vertical scroll bar appears
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def go_to_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        column = self.currentIndex().column() if self.currentIndex().isValid() else RegisterTableModel.COL_MEMBER
        index = model.index(row, column)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def next_row(self) -> None:
        row = self.current_row()
        if row + 1 < (self.model().rowCount() if self.model() else 0):
            self.go_to_row(row + 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier:
            self.escape_pressed.emit()  # (an open editor takes Escape itself, to cancel the typing)
            event.accept()
            return
        if mods == Qt.KeyboardModifier.NoModifier or mods == Qt.KeyboardModifier.ShiftModifier:
            if key in STATUS_FOR_KEY and self.current_row() >= 0:
                self.status_key.emit(self.current_row(), STATUS_FOR_KEY[key])
                event.accept()
                return
            if key in CLEAR_KEYS and self.current_row() >= 0:
                self.status_key.emit(self.current_row(), None)
                event.accept()
                return
            if event.text() and event.text().isprintable() and not event.text().isspace():
                event.accept()  # no jumping to a name by its first letter: letters are statuses here
                return
        super().keyPressEvent(event)

    def edit_deputy(self, row: int) -> None:
        """Open the deputy's name for typing on ``row`` (Enter saves it, Escape leaves the row as it was)."""
        index = self.model().index(row, RegisterTableModel.COL_DEPUTY)
        self.setCurrentIndex(index)
        self._editing_row = row
        self.edit(index)

    def closeEditor(self, editor, hint) -> None:
        row = self.currentIndex().row()
        super().closeEditor(editor, hint)
        if row >= 0:
            self.deputy_edit_finished.emit(row)


class KeyLegend(QFrame):
    """The keys, as keycaps, always in view above the register."""

    KEYS = (
        ("P", "Present"),
        ("D", "Deputy attended"),
        ("A", "Apologies sent"),
        ("X", "Absent, no apologies"),
        ("Del", "Clear"),
        ("↑ ↓", "Move"),
        ("F2", "Type deputy's name"),
        ("Ctrl+Shift+P", "Everyone else present"),
        ("Ctrl+Shift+V", "Paste apologies"),
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyLegend")
        # A flow layout: on a narrow window the keys wrap onto a second line instead of
        # forcing the window wider than a laptop's screen.
        layout = FlowLayout(self, h_spacing=14, v_spacing=4)
        layout.setContentsMargins(8, 6, 8, 6)
        for key, words in self.KEYS:
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.setSpacing(6)
            cap = QLabel(key)
            cap.setObjectName("keyCap")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = QLabel(words)
            label.setObjectName("keyWords")
            pair_layout.addWidget(cap)
            pair_layout.addWidget(label)
            layout.addWidget(pair)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip("Click in the register first, then use the keys; the cursor moves down after each one.")


class GuestsBox(QGroupBox):
    """People 'in attendance' who are not members: name, organisation, item."""

    add_requested = Signal(object)  # Guest
    remove_requested = Signal(int)  # guest id

    def __init__(self, parent: QWidget | None = None):
        super().__init__("In attendance (guests — never count towards quorum)", parent)
        self.setObjectName("guestsBox")
        layout = QVBoxLayout(self)
        self.model = GuestsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("guestsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setShowGrid(False)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(160)
        layout.addWidget(self.table)
        form = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Name")
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText("Organisation")
        self.item = QLineEdit()
        self.item.setPlaceholderText("Item")
        self.add_button = QPushButton("Add guest")
        self.remove_button = QPushButton("Remove")
        for w in (self.name, self.organisation, self.item):
            form.addWidget(w, 1)
            w.returnPressed.connect(self._add)
        form.addWidget(self.add_button)
        layout.addLayout(form)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        remove = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self._remove)

    def set_guests(self, guests: list[Guest]) -> None:
        self.model.set_rows(guests)
        self.remove_button.setEnabled(bool(guests))

    def _add(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name.setFocus()
            return
        self.add_requested.emit(Guest(name=name, organisation=self.organisation.text().strip(),
                                      item=self.item.text().strip()))

    def clear_form(self) -> None:
        for w in (self.name, self.organisation, self.item):
            w.clear()
        self.name.setFocus()

    def _remove(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.remove_requested.emit(self.model.guest(index.row()).id)


class RegisterView(QWidget):
    """A meeting's register, its quorum, the chair's decision and its guests."""

    back_requested = Signal()
    changed = Signal()  # something was written

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: RegisterSession | None = None
        self.snapshot: RegisterSnapshot | None = None
        self.model = RegisterTableModel(self)
        self.model.deputy_writer = self._write_deputy
        self._advance_after_edit = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self.back_button = QToolButton()
        self.back_button.setText("← All meetings")
        self.back_button.setToolTip("Back to the list of meetings (Esc)")
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back_requested.emit)
        top.addWidget(self.back_button)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("registerTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setWordWrap(True)  # (a long title or venue wraps rather than widening the window)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageIntro")
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        self.progress = QLabel()
        self.progress.setObjectName("registerProgress")
        font = self.progress.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        self.progress.setFont(font)
        top.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)

        self.lock_banner = QLabel()
        self.lock_banner.setObjectName("registerLockBanner")
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setStyleSheet("QLabel { background:#e6f4ea; color:#0d5223; border:1px solid #9fd3ae;"
                                       " border-radius:4px; padding:6px 10px; }")
        self.lock_banner.hide()
        layout.addWidget(self.lock_banner)

        self.legend = KeyLegend()
        layout.addWidget(self.legend)
        self.button_bar = QHBoxLayout()
        self.button_bar.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.button_bar)

        self.table = RegisterTable()
        self.table.setModel(self.model)
        self.table.status_key.connect(self.set_status)
        self.table.deputy_edit_finished.connect(self._deputy_edit_finished)
        self.table.setColumnWidth(RegisterTableModel.COL_POST, RegisterTable.POST_ROOM)
        self.table.fit_columns()
        header = self.table.horizontalHeader()
        # The post is shown last and takes what room is left: on a narrow laptop screen it is the
        # post that is cut short, never the attendance being taken.
        header.moveSection(header.visualIndex(RegisterTableModel.COL_POST), header.count() - 1)
        header.setStretchLastSection(True)

        self.quorum_panel = QuorumPanel()
        self.decision_box = ChairDecisionBox()
        self.decision_box.decision_requested.connect(self._decide)
        self.decision_box.plan_reconvened_requested.connect(self._plan_reconvened)
        self.guests_box = GuestsBox()
        self.guests_box.add_requested.connect(self._add_guest)
        self.guests_box.remove_requested.connect(self._remove_guest)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 4, 0)
        side_layout.setSpacing(10)
        side_layout.addWidget(self.quorum_panel)
        side_layout.addWidget(self.decision_box)
        side_layout.addWidget(self.guests_box)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # as wide as the panel needs (the horizontal bar is off, so anything narrower is cut off)
        scroll.setMinimumWidth(max(340, side.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()))
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("registerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 420])
        layout.addWidget(self.splitter, 1)

        self.table.escape_pressed.connect(self.back_requested.emit)

        self.setStyleSheet(
            """
            #keyLegend { background: palette(base); border: 1px solid palette(midlight); border-radius: 6px; }
            #keyCap { border: 1px solid palette(mid); border-bottom-width: 3px; border-radius: 4px;
                      background: palette(window); padding: 1px 7px; font-weight: 700; }
            #registerTable { selection-background-color: #2f6fb5; selection-color: white; }
            #quorumPanel { background: palette(base); border: 1px solid palette(midlight); border-radius: 6px; }
            """
        )

    def set_actions(self, actions: list[QAction]) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)
        self.button_bar.addStretch(1)

    # --- loading ---------------------------------------------------------------------------
    @property
    def meeting(self) -> Meeting | None:
        return self.snapshot.meeting if self.snapshot else None

    def open(self, session: RegisterSession) -> None:
        self.session = session
        self.snapshot = None
        self.reload()
        first_open = next((r for r, row in enumerate(self.model._rows) if row.status is None), 0)
        self.table.go_to_row(first_open)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        """Read the register again and show it (rows updated in place: the cursor stays put)."""
        if self.session is None:
            return
        try:
            snap = self.session.load()
        except StoreError as exc:
            errors.show_store_error(self, exc, "Register")
            return
        same_rows = [r.member.id for r in snap.rows] == [r.member.id for r in self.model._rows]
        if same_rows and self.model.rowCount():
            self.model._rows = list(snap.rows)
            self.model.dataChanged.emit(
                self.model.index(0, 0), self.model.index(self.model.rowCount() - 1, self.model.columnCount() - 1), []
            )
        else:
            row = self.table.current_row()
            self.model.set_rows(snap.rows)
            self.table.fit_columns()  # to the names now shown
            self.table.go_to_row(max(row, 0))
        self.snapshot = snap
        m = snap.meeting
        self.title.setText(f"Register — {m.title}")
        when = f"{long_date(m.date)}, {m.start_time}–{m.end_time}" if m.start_time else long_date(m.date)
        bits = [when, m.where, meeting_status_text(m.status)]
        self.subtitle.setText(" · ".join(b for b in bits if b))
        q = snap.quorum
        self.progress.setText(f"{q.recorded} of {q.expected} recorded" + ("  ✔" if q.complete and q.expected else ""))
        self.quorum_panel.set_quorum(q, snap.rows, snap.agency_names, snap.waiting_from_earlier, meeting=m)
        self.decision_box.set_state(m, q, snap.reconvened_as, snap.agenda)
        self.guests_box.set_guests(snap.guests)
        cancelled = m.status is MeetingStatus.CANCELLED
        self.table.setEnabled(not cancelled)
        self.lock_banner.setVisible(bool(snap.locked_by))
        if snap.locked_by:
            self.lock_banner.setText(
                f"<b>The minutes of this meeting were signed by {html.escape(snap.locked_by)}</b>: the register, "
                "guests and the chair's decision are locked with them. To change them, make a correction of the "
                "minutes (Minutes › Make a correction…); signing the correction locks them again.")

    # --- writing ---------------------------------------------------------------------------
    def _write(self, changes: Mapping[int, Change], text: str, title: str = "Register not saved") -> bool:
        if self.session is None:
            return False
        # The entries as shown: one changed since by another copy of the program is refused, and the
        # register is read again to show what is stored now.
        shown = {r.member.id: r.entry for r in self.model._rows if r.member.id in changes}
        try:
            self.session.record(changes, text, shown)
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self, exc, title)
            self.reload()
            return False
        self.reload()
        self.changed.emit()
        return True

    def set_status(self, row: int, status: AttendanceStatus | None) -> None:
        """What a key does on ``row``: write at once, then move to the next row."""
        if not 0 <= row < self.model.rowCount():
            return
        r = self.model.register_row(row)
        if status is AttendanceStatus.DEPUTY:
            current = r.entry.deputy_name if r.entry and r.status is AttendanceStatus.DEPUTY else ""
            name = current or r.member.deputy_name
            if not name.strip():
                self.table.edit_deputy(row)  # no nominated deputy: type the name; Enter saves it
                return
            ok = self._write({r.member.id: (status, name)}, f"register: {r.member.name} — deputy ({name})")
        elif status is None:
            if r.status is None:
                self.table.next_row()
                return
            ok = self._write({r.member.id: (None, None)}, f"register: {r.member.name} cleared")
        else:
            ok = self._write({r.member.id: (status, None)}, f"register: {r.member.name} — {status.value}")
        if ok:
            self.table.next_row()

    def _write_deputy(self, row: int, name: str) -> bool:
        r = self.model.register_row(row)
        ok = self._write({r.member.id: (AttendanceStatus.DEPUTY, name)},
                         f"register: {r.member.name} — deputy ({name})")
        self._advance_after_edit = ok
        return ok

    def _deputy_edit_finished(self, _row: int) -> None:
        if self._advance_after_edit:
            self._advance_after_edit = False
            self.table.setCurrentIndex(self.model.index(self.table.current_row(), RegisterTableModel.COL_MEMBER))
            self.table.next_row()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def unrecorded_member_ids(self) -> list[int]:
        return [r.member.id for r in self.model._rows if r.status is None]

    def mark_everyone_else_present(self) -> int:
        ids = self.unrecorded_member_ids()
        if not ids:
            return 0
        n = len(ids)
        if self._write({i: (AttendanceStatus.PRESENT, None) for i in ids},
                       f"register: {n} marked present"):
            return n
        return 0

    def _decide(self, decision: ChairDecision, note: str, items_waiting: Sequence[int] = ()) -> None:
        if self.session is None:
            return
        try:
            self.session.decide(decision, note, self.snapshot.meeting if self.snapshot else None,
                                items_waiting=tuple(items_waiting))
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self, exc, "Chair's decision not recorded")
        self.reload()
        self.changed.emit()

    def _plan_reconvened(self) -> None:
        if self.session is not None:
            self.session.plan_reconvened()

    def _add_guest(self, guest: Guest) -> None:
        if self.session is None:
            return
        try:
            self.session.add_guest(guest)
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self, exc, "Guest not added")
            return
        self.guests_box.clear_form()
        self.reload()
        self.changed.emit()

    def _remove_guest(self, guest_id: int) -> None:
        if self.session is None:
            return
        try:
            self.session.remove_guest(guest_id)
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self, exc, "Guest not removed")
        self.reload()
        self.changed.emit()

    def rows(self) -> list[RegisterRow]:
        return list(self.model._rows)

    def focus_register(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()

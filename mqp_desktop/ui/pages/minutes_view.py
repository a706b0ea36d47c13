"""A meeting's minutes, opened from the Meetings page (Minutes, Ctrl+M).

Top: what the program already knows, read-only — present, deputies and for
whom, apologies, absent, in attendance, the quoracy statement and the chair's
decision — and who chaired and took the minutes. Banners under the title say
when the minutes are signed and locked, when unsaved text was recovered after a
crash (Restore / Discard), and when an item concerns an agency whose people
are present (ask for a declaration; one click adds it).

Tabs: **Items** (the agenda down the left; on the right the discussion, the
decisions and the new actions of the chosen item), **Declarations of interest**
and **Action log** (actions carried forward, with the updates given at this
meeting).

The view reads nothing itself: :class:`~mqp_desktop.ui.minutes_controller.MinutesController`
gives it a :class:`~mqp_desktop.domain.minutes.Minutes` and does the writing.
What the officer types goes into that object at once (``edited`` is emitted),
so the controller can autosave it and save it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.minutes import RATIFIED_HEADING, RATIFIED_INTRO, Decision, DeclarationPrompt, Minutes, MinutesItem
from mqp_desktop.domain.signoff import MinutesRevision, short_digest
from mqp_desktop.ui.minutes_models import ActionLinesModel, DeclarationsModel, MinutesItemsModel
from mqp_desktop.ui.pages.common import action_bar

INQUORATE_MARK = "⚠ taken while not quorate (ToR 3)"
BANNER_STYLE = {
    "locked": "background:#e6f4ea; color:#0d5223; border:1px solid #9fd3ae;",
    "recovered": "background:#fff4ce; color:#4d3b00; border:1px solid #e6d38a;",
    "prompt": "background:#e8f0fe; color:#123d7a; border:1px solid #a8c1ef;",
    "inquorate": "background:#fde7e4; color:#7a1d14; border:1px solid #f0b4ab;",
    "draft": "background:palette(base); color:palette(dark); border:1px solid palette(midlight);",
}


def _names(people) -> str:
    return ", ".join(html.escape(p) for p in people) or "none"


def attendance_html(minutes: Minutes) -> str:
    """The prefilled part of the minutes (who was there, quoracy), as short HTML lines."""
    a = minutes.attendance
    present = [f"{p.name} ({p.agency})" if p.agency else p.name for p in a.present]
    deputies = [f"{d.name} for {d.for_name}" + (f" ({d.agency})" if d.agency else "") for d in a.deputies]
    guests = [g.name + (f", {g.organisation}" if g.organisation else "") + (f" (item: {g.item})" if g.item else "")
              for g in a.in_attendance]
    rows = [("Present", present), ("Deputies", deputies), ("Apologies", [p.name for p in a.apologies]),
            ("Absent", [p.name for p in a.absent]), ("In attendance", guests)]
    if a.not_recorded:
        rows.append(("Not recorded in the register", [p.name for p in a.not_recorded]))
    colour = "#7a1d14" if minutes.inquorate else "inherit"
    lines = [(f"<tr><td style='padding-right:10px'><b>Quoracy</b></td>"
             f"<td style='color:{colour}'>{html.escape(minutes.quoracy.statement)}</td></tr>")]
    lines += [f"<tr><td style='padding-right:10px'><b>{label}</b></td><td>{_names(names)}</td></tr>"
              for label, names in rows]
    return "<table cellspacing='0' cellpadding='1'>" + "".join(lines) + "</table>"


def _blocks_html(item: MinutesItem) -> str:
    out = []
    for block in item.blocks:
        lines = ["".join(f"<b>{html.escape(s.text)}</b>" if s.bold else html.escape(s.text) for s in line)
                 for line in block.lines]
        if block.kind.value == "bullets":
            out.append("<ul>" + "".join(f"<li>{t}</li>" for t in lines) + "</ul>")
        else:
            out.append(f"<p>{' '.join(lines)}</p>")
    return "".join(out)


def minutes_html(minutes: Minutes) -> str:
    """The whole minutes as HTML, for reading on screen (the chair's approval window)."""
    m = minutes.meeting
    parts = [f"<h2>{html.escape(minutes.subcommittee or 'Minutes')}</h2>",
             f"<p><b>{html.escape(m.title)}</b>" + (f", {html.escape(m.start_time)}–{html.escape(m.end_time)}"
                                                      if m.start_time else "")
             + (f", {html.escape(m.venue)}" if m.venue else "") + "</p>"]
    if minutes.chaired_by or minutes.minute_taker:
        parts.append(f"<p>Chair: {html.escape(minutes.chaired_by or '—')} · Minutes: "
                     f"{html.escape(minutes.minute_taker or '—')}</p>")
    if minutes.correction:
        c = minutes.correction
        parts.append(f"<p><i>Revision {minutes.revision}, correcting revision {c.corrects_revision} "
                     f"({c.on:%d %b %Y}): {html.escape(c.reason)}</i></p>")
    parts.append(attendance_html(minutes))
    if minutes.declarations:
        parts.append("<h3>Declarations of interest</h3><ul>" + "".join(
            f"<li>{html.escape(d.name)}" + (f" (item {html.escape(d.item_number)})" if d.item_number else "")
            + f": {html.escape(d.nature)}" + (f" — {html.escape(d.managed)}" if d.managed else "") + "</li>"
            for d in minutes.declarations) + "</ul>")
    for item in minutes.items:
        tag = "h3" if item.depth == 0 else "h4"
        parts.append(f"<{tag}>{html.escape(item.number)}. {html.escape(item.title)}</{tag}>")
        parts.append(_blocks_html(item))
        for d in item.decisions:
            mark = f" <span style='color:#b3261e'>({INQUORATE_MARK})</span>" if d.taken_while_inquorate else ""
            parts.append(f"<p><b>Decision:</b> {html.escape(d.text)}{mark}</p>")
        for a in item.actions:
            due = f", by {a.due_date:%d %b %Y}" if a.due_date else ""
            parts.append(f"<p><b>Action {html.escape(a.number)}</b> ({html.escape(a.owner)}{due}): "
                         f"{html.escape(a.description)}</p>")
    if minutes.ratified:
        parts.append(f"<h3>{RATIFIED_HEADING}</h3><p><i>{html.escape(RATIFIED_INTRO)}</i></p>" + "".join(
            f"<p><b>Ratified:</b> {html.escape(line.sentence)}</p>" for line in minutes.ratified))
    if minutes.action_log:
        parts.append("<h3>Action log</h3><table border='1' cellspacing='0' cellpadding='3'>"
                     "<tr><th>Number</th><th>Action</th><th>Owner</th><th>Status</th><th>Update</th></tr>")
        for a in minutes.action_log:
            parts.append(f"<tr><td>{html.escape(a.number)}</td><td>{html.escape(a.description)}</td>"
                         f"<td>{html.escape(a.owner)}</td><td>{html.escape(a.status)}</td>"
                         f"<td>{html.escape(a.note)}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


def _banner(kind: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet(f"QLabel {{ {BANNER_STYLE[kind]} border-radius:4px; padding:6px 10px; }}")
    label.setVisible(False)
    return label


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class _FocusOut(QObject):
    """Calls ``then`` when the watched editor loses the focus (autosave then, not only on a pause)."""

    def __init__(self, parent: QObject, then):
        super().__init__(parent)
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.then()
        return False


class AttendanceBox(QTextBrowser):
    """The minutes' attendance and quoracy: as tall as its text at the box's width (so every name is read
    without scrolling, issue 14), up to ``share`` of the minutes view's height; beyond that it scrolls."""

    LEAST = 40
    TALL = 520  # the minutes view's height at 1366x768; at 150% it is about 430

    def __init__(self, share: float = 0.35, parent: QWidget | None = None):
        super().__init__(parent)
        self.share = share
        self._width = -1
        self._wanted = self.LEAST
        self.setMinimumHeight(self.LEAST)

    def text_height(self) -> int:
        """The height the whole text needs at the box's present width (frame and margins included)."""
        doc = self.document()
        doc.setTextWidth(self.viewport().width())
        margins = self.contentsMargins()
        return int(doc.size().height() + 0.999) + margins.top() + margins.bottom() + 2 * self.frameWidth()

    def fit_height(self) -> None:
        view = self.parentWidget()
        while view is not None and not isinstance(view, MinutesView):
            view = view.parentWidget()
        most = int(view.height() * self.share) if view is not None and view.height() > 0 else 160
        self._wanted = max(self.LEAST, min(self.text_height(), most))
        # held at that height only while shown: hidden, it must not make the window's other pages taller
        # (on a short window, at 150%, nothing is held: the layout shares what room there is and it scrolls)
        tall = view is not None and view.height() >= self.TALL
        self.setMinimumHeight(self._wanted if self.isVisible() and tall else self.LEAST)
        self.setMaximumHeight(self._wanted)
        self.updateGeometry()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_height()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.setMinimumHeight(self.LEAST)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._wanted)

    def setHtml(self, text: str) -> None:
        super().setHtml(text)
        self.fit_height()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:  # narrower or wider: the text wraps again
            self._width = self.viewport().width()
            self.fit_height()


class MinutesView(QWidget):
    """The minutes editor of one meeting (see the module's docstring)."""

    back_requested = Signal()
    edited = Signal()
    """Something typed changed the minutes (the controller restarts its autosave timer)."""
    focus_left = Signal()
    """An editor lost the focus (the controller autosaves at once)."""
    restore_requested = Signal()
    discard_requested = Signal()
    declare_requested = Signal(object)  # DeclarationPrompt
    item_changed = Signal()
    challenge_requested = Signal(int)
    """A challenge raised at this meeting was clicked: show it in the challenge log."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("minutesView")
        self.minutes: Minutes | None = None
        self.meeting = None
        self.locked = False
        self._loading = False
        self._row = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)

        head = QHBoxLayout()
        self.back_button = QToolButton()
        self.back_button.setText("← All meetings")
        self.back_button.setToolTip("Back to the list of meetings (Esc)")
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.back_requested.emit)
        head.addWidget(self.back_button)
        titles = QVBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageIntro")
        self.subtitle.setWordWrap(True)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        layout.addLayout(head)

        self.bar_holder = QHBoxLayout()
        layout.addLayout(self.bar_holder)

        self.lock_banner = _banner("locked")
        self.lock_banner.setObjectName("minutesLockBanner")
        self.lock_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.lock_banner)

        self.recovered_frame = QFrame()
        self.recovered_frame.setObjectName("minutesRecovered")
        self.recovered_frame.setStyleSheet(f"#minutesRecovered {{ {BANNER_STYLE['recovered']} border-radius:4px; }}")
        rec = QHBoxLayout(self.recovered_frame)
        rec.setContentsMargins(10, 4, 6, 4)
        self.recovered_label = QLabel()
        self.recovered_label.setWordWrap(True)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Put the recovered text back into the editors (then save it)")
        self.discard_button = QPushButton("Discard")
        self.discard_button.setToolTip("Keep the minutes as last saved; the recovered text is set aside")
        self.restore_button.clicked.connect(self.restore_requested.emit)
        self.discard_button.clicked.connect(self.discard_requested.emit)
        rec.addWidget(self.recovered_label, 1)
        rec.addWidget(self.restore_button)
        rec.addWidget(self.discard_button)
        self.recovered_frame.setVisible(False)
        layout.addWidget(self.recovered_frame)

        self.prompt_frame = QFrame()
        self.prompt_frame.setObjectName("minutesPrompts")
        self.prompt_frame.setStyleSheet(f"#minutesPrompts {{ {BANNER_STYLE['prompt']} border-radius:4px; }}")
        self.prompt_layout = QVBoxLayout(self.prompt_frame)
        self.prompt_layout.setContentsMargins(10, 4, 6, 4)
        self.prompt_layout.setSpacing(2)
        self.prompt_frame.setVisible(False)
        layout.addWidget(self.prompt_frame)

        # --- the prefilled part, read-only --------------------------------------------------
        top = QGroupBox("Attendance and quoracy (from the register; change them there)")
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(8, 4, 8, 6)
        self.attendance = AttendanceBox()
        self.attendance.setObjectName("minutesAttendance")
        self.attendance.setFrameShape(QFrame.Shape.NoFrame)
        self.attendance.setOpenLinks(False)
        top_layout.addWidget(self.attendance)
        people = QHBoxLayout()
        people.addWidget(QLabel("Chaired by:"))
        self.chair_edit = QLineEdit()
        self.chair_edit.setObjectName("minutesChair")
        people.addWidget(self.chair_edit, 1)
        people.addWidget(QLabel("Minutes taken by:"))
        self.taker_edit = QLineEdit()
        self.taker_edit.setObjectName("minutesTaker")
        self.taker_edit.setPlaceholderText("your name")
        people.addWidget(self.taker_edit, 1)
        top_layout.addLayout(people)
        layout.addWidget(top)

        # --- tabs ---------------------------------------------------------------------------
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        items_tab = QSplitter(Qt.Orientation.Horizontal)
        items_tab.setChildrenCollapsible(False)
        self.items_model = MinutesItemsModel(self)
        self.items_list = QListView()
        self.items_list.setObjectName("minutesItems")
        self.items_list.setModel(self.items_model)
        self.items_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_list.setWordWrap(True)
        self.items_list.setMinimumWidth(220)
        self.items_list.selectionModel().currentChanged.connect(lambda cur, _prev: self._show_item(cur.row()))
        items_tab.addWidget(self.items_list)

        # The item's discussion, decisions and new actions one above the other in a splitter, with no
        # scrolling: at 1366x768 the decisions and actions of the item are on screen as its discussion is
        # typed (issue 14; they were below the fold of a scrolled editor). The officer can drag the handles.
        editor = QWidget()
        ed = QVBoxLayout(editor)
        ed.setContentsMargins(8, 0, 0, 0)
        ed.setSpacing(4)
        self.item_title = QLabel()
        self.item_title.setWordWrap(True)
        bold = self.item_title.font()
        bold.setBold(True)
        self.item_title.setFont(bold)
        ed.addWidget(self.item_title)
        hint = ("Discussion — a blank line starts a new paragraph, “- ” at the start of a line a bullet, "
                "and **two stars** make text bold.")
        self.discussion = QPlainTextEdit()
        self.discussion.setObjectName("minutesDiscussion")
        self.discussion.setTabChangesFocus(True)
        self.discussion.setPlaceholderText(hint)
        self.discussion.setToolTip(hint)
        self.discussion.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 8)
        self.discussion.textChanged.connect(self._discussion_changed)

        decisions_pane = QWidget()
        dp = QVBoxLayout(decisions_pane)
        dp.setContentsMargins(0, 4, 0, 0)
        dp.setSpacing(2)
        dec_head = QHBoxLayout()
        dec_label = QLabel("<b>Decisions</b> (one per line; double-click or F2 to edit)")
        dec_label.setWordWrap(True)  # wraps rather than widening the window at 150% scaling
        dec_head.addWidget(dec_label, 1)
        self.add_decision_button = QPushButton("Add decision")
        self.remove_decision_button = QPushButton("Remove")
        self.add_decision_button.clicked.connect(self.add_decision)
        self.remove_decision_button.clicked.connect(self.remove_decision)
        dec_head.addWidget(self.add_decision_button)
        dec_head.addWidget(self.remove_decision_button)
        dp.addLayout(dec_head)
        self.inquorate_label = _banner("inquorate")
        self.inquorate_label.setText(f"<b>The meeting was not quorate:</b> every decision is recorded as "
                                     f"{INQUORATE_MARK.removeprefix('⚠ ')}.")
        dp.addWidget(self.inquorate_label)
        self.decisions = QListWidget()
        self.decisions.setObjectName("minutesDecisions")
        self.decisions.setWordWrap(True)
        self.decisions.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.SelectedClicked)
        self.decisions.itemChanged.connect(self._decisions_changed)
        self.decisions.setMinimumHeight(self.fontMetrics().lineSpacing() + 12)
        dp.addWidget(self.decisions, 1)

        actions_pane = QWidget()
        ap = QVBoxLayout(actions_pane)
        ap.setContentsMargins(0, 4, 0, 0)
        ap.setSpacing(2)
        act_head = QHBoxLayout()
        act_head.addWidget(QLabel("<b>New actions</b> from this item"), 1)
        self.item_action_buttons = QHBoxLayout()
        act_head.addLayout(self.item_action_buttons)
        ap.addLayout(act_head)
        self.actions_model = ActionLinesModel(self)
        self.actions_table = _table(self.actions_model)
        self.actions_table.setObjectName("minutesItemActions")
        self.actions_table.setColumnHidden(ActionLinesModel.COL_STATUS, True)
        self.actions_table.setColumnHidden(ActionLinesModel.COL_NOTE, True)
        self.actions_table.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 12)  # heading, a row
        ap.addWidget(self.actions_table, 1)

        self.item_splitter = QSplitter(Qt.Orientation.Vertical)
        self.item_splitter.setObjectName("minutesItemSplitter")
        self.item_splitter.setChildrenCollapsible(False)
        for pane, stretch in ((self.discussion, 3), (decisions_pane, 2), (actions_pane, 2)):
            self.item_splitter.addWidget(pane)
            self.item_splitter.setStretchFactor(self.item_splitter.count() - 1, stretch)
        ed.addWidget(self.item_splitter, 1)
        items_tab.addWidget(editor)
        items_tab.setStretchFactor(0, 0)
        items_tab.setStretchFactor(1, 1)
        items_tab.setSizes([280, 900])
        self.tabs.addTab(items_tab, "&Items")

        decl_tab = QWidget()
        dl = QVBoxLayout(decl_tab)
        self.declaration_buttons = QHBoxLayout()
        dl.addLayout(self.declaration_buttons)
        self.declarations_model = DeclarationsModel(self)
        self.declarations_table = _table(self.declarations_model)
        self.declarations_table.setObjectName("minutesDeclarations")
        dl.addWidget(self.declarations_table, 1)
        self.tabs.addTab(decl_tab, "&Declarations of interest")

        log_tab = QWidget()
        ll = QVBoxLayout(log_tab)
        intro = QLabel("Actions from earlier meetings not closed before this one, as they stood at its end. "
                       "Record the update given at this meeting for each.")
        intro.setObjectName("pageIntro")
        intro.setWordWrap(True)
        ll.addWidget(intro)
        self.log_buttons = QHBoxLayout()
        ll.addLayout(self.log_buttons)
        self.log_model = ActionLinesModel(self)
        self.log_table = _table(self.log_model)
        self.log_table.setObjectName("minutesActionLog")
        ll.addWidget(self.log_table, 1)
        self.tabs.addTab(log_tab, "Action &log")

        # The challenges put to agencies at this meeting (ToR 6.3), as they stand: links into the log.
        self.challenges_text = QTextBrowser()
        self.challenges_text.setObjectName("minutesChallenges")
        self.challenges_text.setOpenLinks(False)
        self.challenges_text.anchorClicked.connect(self._challenge_clicked)
        self.challenges_tab = self.tabs.addTab(self.challenges_text, "Challen&ges")

        # Decisions of earlier inquorate meetings ratified at this one (ToR 3): printed in the minutes under
        # their own heading, so shown while they are written too; recorded from Governance › Decisions.
        self.ratified_text = QTextBrowser()
        self.ratified_text.setObjectName("minutesRatified")
        self.ratified_tab = self.tabs.addTab(self.ratified_text, RATIFIED_HEADING)
        self.tabs.setTabVisible(self.ratified_tab, False)

        self.chair_edit.textEdited.connect(self._people_changed)
        self.taker_edit.textEdited.connect(self._people_changed)
        watcher = _FocusOut(self, self.focus_left.emit)
        for w in (self.discussion, self.decisions, self.chair_edit, self.taker_edit):
            w.installEventFilter(watcher)

    # --- set-up -----------------------------------------------------------------------------
    def set_actions(self, bar: Sequence[QAction], item_actions: Sequence[QAction],
                    declaration_actions: Sequence[QAction], log_actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(bar)
        self.bar_holder.addWidget(self.toolbar)
        for holder, actions in ((self.item_action_buttons, item_actions),
                                (self.declaration_buttons, declaration_actions),
                                (self.log_buttons, log_actions)):
            for action in actions:
                button = QToolButton()
                button.setDefaultAction(action)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                holder.addWidget(button)
            if holder is not self.item_action_buttons:
                holder.addStretch(1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().height() != event.size().height():
            self.attendance.fit_height()  # its share of the height changed

    # --- data -------------------------------------------------------------------------------
    def set_data(self, meeting, minutes: Minutes, revision: MinutesRevision | None, locked: bool,
                 prompts: Sequence[DeclarationPrompt] = (), *, approved_at: str = "",
                 keep_item: int | None = None, signed_with: str = "") -> None:
        """Show ``minutes`` (the view edits this object in place)."""
        self._loading = True
        self.meeting = meeting
        self.minutes = minutes
        self.locked = locked
        self.title.setText(f"Minutes — {minutes.meeting.title}")
        self.subtitle.setText(self._status_text(minutes, revision, approved_at))
        self.set_ratified(minutes)
        self.lock_banner.setVisible(locked and revision is not None)
        if locked and revision is not None:
            self.lock_banner.setText(
                f"<b>Signed by {html.escape(revision.signed_by)} on {revision.signed_on.day} "
                f"{revision.signed_on:%B %Y}</b>{' ' + signed_with if signed_with else ''} — locked, with the "
                f"meeting's register, details and agenda. SHA-256 <code>{short_digest(revision.digest or '')}</code>. "
                "Verify checks nothing has changed since; a change needs a correction (a new revision).")
            self.lock_banner.setToolTip(f"SHA-256 {revision.digest}")
        self.attendance.setHtml(attendance_html(minutes))
        self.chair_edit.setText(minutes.chaired_by)
        self.taker_edit.setText(minutes.minute_taker)
        self.declarations_model.set_rows(minutes.declarations)
        self.log_model.set_rows(minutes.action_log)
        self.items_model.set_rows(minutes.items)
        self.inquorate_label.setVisible(minutes.inquorate)
        self._set_prompts(prompts)
        for w in (self.chair_edit, self.taker_edit):
            w.setReadOnly(locked)
        self.discussion.setReadOnly(locked)
        self.add_decision_button.setEnabled(not locked)
        self.remove_decision_button.setEnabled(not locked)
        self._loading = False
        row = 0
        if keep_item is not None:
            row = next((r for r, i in enumerate(minutes.items) if i.item_id == keep_item), 0)
        self._row = -1
        if minutes.items:
            self.items_list.setCurrentIndex(self.items_model.index(row, 0))
            self._show_item(row)
        else:
            self._show_item(-1)

    def set_ratified(self, minutes: Minutes) -> None:
        """The tab of decisions ratified at this meeting, as the minutes will print them (shown only when there
        are some)."""
        lines = minutes.ratified
        self.ratified_text.setHtml(
            f"<p><i>{html.escape(RATIFIED_INTRO)}</i></p>"
            + "".join(f"<p><b>Ratified:</b> {html.escape(line.sentence)}</p>" for line in lines)
            + "<p style='color:gray'>Recorded or withdrawn in Governance › Decisions (Alt+5).</p>")
        self.tabs.setTabText(self.ratified_tab, f"{RATIFIED_HEADING} ({len(lines)})")
        self.tabs.setTabVisible(self.ratified_tab, bool(lines))

    def set_challenges(self, text: str, count: int) -> None:
        """The Challenges tab: ``text`` (HTML, with ``challenge:ID`` links) and how many were raised here."""
        self.challenges_text.setHtml(text)
        self.tabs.setTabText(self.challenges_tab, f"Challen&ges ({count})" if count else "Challen&ges")

    def _challenge_clicked(self, url) -> None:
        text = url.toString()
        if text.startswith("challenge:") and text[len("challenge:"):].isdigit():
            self.challenge_requested.emit(int(text[len("challenge:"):]))

    @staticmethod
    def _status_text(minutes: Minutes, revision: MinutesRevision | None, approved_at: str) -> str:
        m = minutes.meeting
        when = f"{m.date:%A %d %B %Y}" + (f", {m.start_time}–{m.end_time}" if m.start_time else "")
        if revision is None:
            state = "not started: nothing is saved until you save (Ctrl+S)"
        elif revision.status == "draft":
            state = f"draft, revision {revision.revision}, saved {revision.saved_at[:16].replace('T', ' ')}"
            if minutes.correction:
                state += f" — correcting revision {minutes.correction.corrects_revision}: {minutes.correction.reason}"
        else:
            state = f"revision {revision.revision}, signed"
        if approved_at:
            state += f" · approved as a true record at {approved_at}"
        return f"{when} · {state}"

    def _set_prompts(self, prompts: Sequence[DeclarationPrompt]) -> None:
        while self.prompt_layout.count():
            child = self.prompt_layout.takeAt(0)
            if child.widget() is not None:
                child.widget().deleteLater()
            elif child.layout() is not None:
                inner = child.layout()
                while inner.count():
                    w = inner.takeAt(0).widget()
                    if w is not None:
                        w.deleteLater()
                inner.deleteLater()
        self.prompt_buttons: list[QPushButton] = []
        shown = [] if self.locked else list(prompts)
        for prompt in shown:
            row = QHBoxLayout()
            people = [p for p in prompt.people  # 'X' and 'X (deputy for Y)': name them once
                      if not any(o != p and o.startswith(p + " (") for o in prompt.people)]
            who = " and ".join(people)
            label = QLabel(f"Item {html.escape(prompt.item_number)} concerns {html.escape(prompt.agency)} and "
                           f"{html.escape(who)} {'is' if len(people) == 1 else 'are'} present — declaration?")
            label.setWordWrap(True)
            button = QPushButton("Add declaration…")
            button.setToolTip(f"{prompt.reason}: record a declaration of interest (ToR 11)")
            button.clicked.connect(lambda _c=False, p=prompt: self.declare_requested.emit(p))
            row.addWidget(label, 1)
            row.addWidget(button)
            self.prompt_buttons.append(button)
            self.prompt_layout.addLayout(row)
        self.prompt_frame.setVisible(bool(shown))

    def show_recovered(self, when: str | None) -> None:
        self.recovered_frame.setVisible(when is not None)
        if when is not None:
            self.recovered_label.setText(f"<b>Recovered unsaved minutes from {html.escape(when)}</b> — "
                                         "the program closed before they were saved.")

    # --- the chosen item --------------------------------------------------------------------
    def current_item(self) -> MinutesItem | None:
        if self.minutes is None or not 0 <= self._row < len(self.minutes.items):
            return None
        return self.minutes.items[self._row]

    def select_item(self, item_id: int) -> bool:
        if self.minutes is None:
            return False
        for row, item in enumerate(self.minutes.items):
            if item.item_id == item_id:
                self.items_list.setCurrentIndex(self.items_model.index(row, 0))
                return True
        return False

    def _show_item(self, row: int) -> None:
        if row == self._row:
            return
        self._row = row
        item = self.current_item()
        self._loading = True
        self.discussion.setPlainText(item.discussion if item else "")
        self.discussion.setEnabled(item is not None)
        if item is None:
            self.item_title.setText("")
        else:
            who = f" — presented by {item.presenter}" if item.presenter else ""
            waits = " — waits for the next quorate meeting (the chair's decision)" if item.waits else ""
            self.item_title.setText(f"{item.number}. {item.title}{who}{waits}")
        self._fill_decisions(item)
        actions = item.actions if item else []
        self.actions_model.set_rows(actions)
        # a new action is open until a later meeting says otherwise, unless its adding was undone
        # (recorded as dropped at this meeting): then its status and note are shown
        plain = all(a.status == "open" and not a.note for a in actions)
        self.actions_table.setColumnHidden(ActionLinesModel.COL_STATUS, plain)
        self.actions_table.setColumnHidden(ActionLinesModel.COL_NOTE, plain)
        self._loading = False
        self.item_changed.emit()

    def _fill_decisions(self, item: MinutesItem | None) -> None:
        self.decisions.clear()
        for d in (item.decisions if item else []):
            self._add_decision_row(d.text)

    def _add_decision_row(self, text: str) -> QListWidgetItem:
        row = QListWidgetItem(text)
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if not self.locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        row.setFlags(flags)
        if self.minutes is not None and self.minutes.inquorate:
            row.setToolTip(INQUORATE_MARK)
            row.setForeground(QBrush(QColor("#7a1d14")))
            row.setData(Qt.ItemDataRole.AccessibleDescriptionRole, INQUORATE_MARK)
            row.setText(text)
            row.setIcon(self.style().standardIcon(self.style().StandardPixmap.SP_MessageBoxWarning))
        self.decisions.addItem(row)
        return row

    def decision_texts(self) -> list[str]:
        return [self.decisions.item(r).text() for r in range(self.decisions.count())]

    # --- editing ----------------------------------------------------------------------------
    def _discussion_changed(self) -> None:
        item = self.current_item()
        if self._loading or item is None or self.locked:
            return
        before = item.has_text
        item.discussion = self.discussion.toPlainText()
        if item.has_text != before:
            self.items_model.refresh_row(self._row)
        self.edited.emit()

    def _store_decisions(self) -> None:
        item = self.current_item()
        if item is None:
            return
        flag = self.minutes.inquorate if self.minutes else False
        before = item.has_text
        item.decisions = [Decision(t.strip(), flag) for t in self.decision_texts() if t.strip()]
        if item.has_text != before:
            self.items_model.refresh_row(self._row)
        self.edited.emit()

    def _decisions_changed(self, _row: QListWidgetItem) -> None:
        if not self._loading and not self.locked:
            self._store_decisions()

    def add_decision(self, text: str = "") -> None:
        """Add a decision row and start editing it (or add ``text`` as it is)."""
        if self.locked or self.current_item() is None:
            return
        self._loading = True
        row = self._add_decision_row(text)
        self._loading = False
        self.decisions.setCurrentItem(row)
        if text:
            self._store_decisions()
        else:
            self.decisions.editItem(row)

    def remove_decision(self) -> None:
        row = self.decisions.currentRow()
        if self.locked or row < 0:
            return
        self.decisions.takeItem(row)
        self._store_decisions()

    def _people_changed(self) -> None:
        if self.minutes is None or self._loading or self.locked:
            return
        self.minutes.chaired_by = self.chair_edit.text().strip()
        self.minutes.minute_taker = self.taker_edit.text().strip()
        self.edited.emit()

    def current_declaration_id(self) -> int | None:
        index = self.declarations_table.currentIndex()
        return self.declarations_model.record(index.row()).declaration_id if index.isValid() else None

    def current_log_action_id(self) -> int | None:
        index = self.log_table.currentIndex()
        return self.log_model.record(index.row()).action_id if index.isValid() else None

    def editors(self) -> list[QWidget]:
        return [self.discussion, self.decisions, self.chair_edit, self.taker_edit]

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

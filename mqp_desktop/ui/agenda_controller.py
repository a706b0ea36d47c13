"""The window's agendas and papers: actions, the agenda view and their dialogs (ToR 13, 14).

Kept apart from ``main_window.py`` and ``meetings_controller.py``: the Meetings
page shows the agenda view (as it shows a register) and this controller reads
and writes through ``store.agendas``. Dialogs are opened with
``window.show_dialog()`` (no nested event loop) and call ``save`` callables
defined here.

**Undo.** Reordering (keyboard or drag) and editing an item, and marking a
paper received, signed off or withdrawn, go on the window's undo stack as
:class:`~mqp_desktop.ui.main_window.RegisterCommand` s whose reverse and repeat
go through the store (so an undo is recorded in the history too). A reorder
is undone by restoring the whole arrangement it replaced. Adding, removing
(a recorded flag), attaching files and circulating are kept in the change
history, not on the stack.

**Long work.** The meeting pack is built off the main thread (:class:`PackJob`,
a ``QThread``) on its *own* connection to the database file: SQLite connections
belong to the thread that opened them, and the worker never touches a widget.
Progress and the result come back as queued signals; Cancel in the progress
dialog sets an event that the builder's ``cancelled()`` reads.

The file choosers, :meth:`AgendaController.open_file` (the mail program or PDF
viewer, through ``QDesktopServices``) and :meth:`AgendaController.drafts_folder`
are methods tests replace. Exporters are imported inside the handlers, so
neither they nor python-docx/reportlab/pikepdf load at start-up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel, QMessageBox, QProgressDialog

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.agenda import AgendaItem
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.papers import Paper, PaperStatus, paper_status
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store, StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.lazy_pages import page_made

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow
    from mqp_desktop.ui.meetings_controller import MeetingsController
    from mqp_desktop.ui.pages.agenda_view import AgendaView

Arrangement = list[tuple[int, int | None, int]]  # (item id, parent id, position among its siblings)

PAPER_FILTER = ("Papers (*.pdf *.docx *.doc *.xlsx *.xls *.pptx *.ppt *.odt *.rtf);;PDF (*.pdf);;"
                "Word (*.docx *.doc);;Excel (*.xlsx *.xls);;PowerPoint (*.pptx *.ppt);;All files (*)")


def _safe(text: str) -> str:
    """Typed text (a name, a title) as part of a file name: :func:`~mqp_desktop.exporters.files.safe_file_name`."""
    from mqp_desktop.exporters.files import safe_file_name

    return safe_file_name(text, fallback="agenda", max_length=60)


def arrangement(items: list[AgendaItem]) -> Arrangement:
    """Where every item sits: its parent and its place among its siblings (from the order)."""
    out: Arrangement = []
    counters: dict[int | None, int] = {}
    for item in items:
        counters[item.parent_id] = counters.get(item.parent_id, 0) + 1
        out.append((item.id, item.parent_id, counters[item.parent_id]))
    return out



# What an edit or a step changes, for its undo (only those fields are put back).
ITEM_FIELDS = ("title", "presenter_member_id", "presenter_name", "purpose", "minutes", "priority", "standing", "notes")
PAPER_FIELDS = ("title", "author_name", "author_email", "requested_on", "deadline", "received_on", "signed_off_by",
                "signed_off_on", "withdrawn", "supplement", "notes", "document_id")

class PackJob(QThread):
    """Builds a meeting pack on its own connection to the database file, off the main thread."""

    progressed = Signal(int, int, str)  # step, total, message
    succeeded = Signal(object)  # PackResult
    failed = Signal(object)  # the exception
    was_cancelled = Signal()

    def __init__(self, db_path: Path, meeting_id: int, out_path: Path, cancelled: Callable[[], bool],
                 parent: QObject | None = None, *, key: str | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.key = key  # the password of an encrypted database (kept in memory only)
        self.meeting_id = meeting_id
        self.out_path = out_path
        self.cancelled = cancelled
        self.outcome: str = ""

    def run(self) -> None:  # the worker thread: plain data in, signals out, no widgets
        from mqp_desktop.exporters.meeting_pack import PackCancelled, build_pack

        store = None
        try:
            store = Store.open(self.db_path, key=self.key)
            result = build_pack(store, self.meeting_id, self.out_path,
                                progress=lambda step, total, message: self.progressed.emit(step, total, message),
                                cancelled=self.cancelled, save=True)
        except PackCancelled:
            self.outcome = "cancelled"
            self.was_cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the main thread to be shown
            self.outcome = "failed"
            self.failed.emit(exc)
        else:
            self.outcome = "built"
            self.succeeded.emit(result)
        finally:
            if store is not None:
                store.close()


class AgendaController(QObject):
    """Actions, view and dialogs of a meeting's agenda and papers."""

    def __init__(self, window: MainWindow, meetings: MeetingsController):
        super().__init__(window)
        self.window = window
        self.meetings = meetings
        self.meeting_id: int | None = None
        self.last_output: Path | None = None
        self.pack_job: PackJob | None = None
        self.pack_progress: QProgressDialog | None = None
        self.last_pack_outcome: str = ""
        a = window._action
        self.open_action = a("A&genda and papers", self.open_agenda, "Ctrl+G",
                             "Open the selected meeting's agenda: items, times, papers, pack and circulation")
        self.add_item_action = a("&Add item…", self.add_item, "Ins", "Add an item to the agenda (Ins)")
        self.add_sub_item_action = a("Add &sub-item…", self.add_sub_item, "Shift+Ins",
                                     "Add a sub-item under the chosen top-level item (Shift+Ins)")
        self.edit_item_action = a("&Edit item…", self.edit_item, None,
                                  "Edit the chosen item (or press Enter, or double-click it)")
        self.remove_item_action = a("&Remove item…", self.remove_item, "Del",
                                    "Remove the chosen item and its sub-items (kept in the change history)")
        self.move_up_action = a("Move &up", self.move_up, "Ctrl+Up", "Move the item up (Ctrl+↑)")
        self.move_down_action = a("Move &down", self.move_down, "Ctrl+Down", "Move the item down (Ctrl+↓)")
        self.indent_action = a("Make a su&b-item", self.indent, "Ctrl+Right",
                               "Make the item a sub-item of the one above (Ctrl+→)")
        self.outdent_action = a("Make a &top-level item", self.outdent, "Ctrl+Left",
                                "Make the sub-item a top-level item again (Ctrl+←)")
        self.standing_action = a("Apply &standing agenda", self.apply_standing_agenda, None,
                                 "Start this meeting's empty agenda from the subcommittee's standing agenda")
        self.copy_action = a("&Copy from another meeting…", self.copy_from, None,
                             "Copy a whole agenda, or chosen items, from another meeting")
        self.request_paper_action = a("Re&quest paper…", self.request_paper, None,
                                      "Ask an author for a paper for the chosen item, with a deadline and an email")
        self.report_action = a("Add &performance report…", self.add_performance_report, None,
                               "Make the performance report for a period and attach it to the chosen item as a paper")
        self.attach_action = a("Attach &file…", self.attach_file, None,
                               "Take the paper's file (PDF, Word, Excel, PowerPoint) into the database")
        self.received_action = a("Mark recei&ved", self.mark_received, None, "Record the paper as received today")
        self.sign_off_action = a("Si&gn off…", self.sign_off, None,
                                 "Record the senior manager who signed the paper off, and when (ToR 14)")
        self.withdraw_action = a("&Withdraw…", self.withdraw, None, "Record that the paper was withdrawn")
        self.paper_email_action = a("Request &email draft", self.paper_email, None,
                                    "Open the email asking the author for the paper, in your mail program")
        self.chase_action = a("C&hase email draft", self.chase, None,
                              "Open an email chasing the chosen late or missing paper, in your mail program")
        self.export_word_action = a("Export &Word agenda…", self.export_word, "Ctrl+Alt+A",
                                    "Save the agenda as a Word document to send or print")
        self.build_pack_action = a("&Build meeting pack…", self.build_pack, "Ctrl+Alt+B",
                                   "One PDF: cover, contents, agenda and every paper behind its divider")
        self.circulate_action = a("Ci&rculate…", self.circulate, "Ctrl+Alt+C",
                                  "Email the agenda and pack to every member (a draft opened in your mail program)")
        self.settings_action = a("Agenda && papers se&ttings…", self.edit_settings, None,
                                 "The standing agenda, paper deadlines, size limit, priorities and email wording")
        from mqp_desktop.ui.models import icon

        for action, name in ((self.add_item_action, "add"), (self.add_sub_item_action, "add"),
                             (self.edit_item_action, "edit"), (self.remove_item_action, "end"),
                             (self.export_word_action, "export"), (self.build_pack_action, "export"),
                             (self.circulate_action, "letter"), (self.chase_action, "letter")):
            action.setIcon(icon(name))
        for action, text in ((self.open_action, "Agenda"), (self.add_item_action, "Add item"),
                             (self.add_sub_item_action, "Sub-item"), (self.edit_item_action, "Edit"),
                             (self.remove_item_action, "Remove"), (self.move_up_action, "Up"),
                             (self.move_down_action, "Down"), (self.indent_action, "Indent"),
                             (self.outdent_action, "Outdent"), (self.export_word_action, "Word agenda…"),
                             (self.build_pack_action, "Build pack…"), (self.circulate_action, "Circulate…"),
                             (self.standing_action, "Apply standing agenda"),
                             (self.copy_action, "Copy from another meeting…"),
                             (self.request_paper_action, "Request paper…"), (self.attach_action, "Attach file…"),
                             (self.report_action, "Performance report…"),
                             (self.received_action, "Received"), (self.sign_off_action, "Sign off…"),
                             (self.withdraw_action, "Withdraw…"), (self.paper_email_action, "Email draft"),
                             (self.chase_action, "Chase email draft")):
            action.setIconText(text)
        self.item_actions = [self.add_item_action, self.add_sub_item_action, self.edit_item_action,
                             self.remove_item_action, self.move_up_action, self.move_down_action,
                             self.indent_action, self.outdent_action, self.standing_action, self.copy_action]
        self.paper_actions = [self.request_paper_action, self.report_action, self.attach_action, self.received_action,
                              self.sign_off_action, self.withdraw_action, self.paper_email_action,
                              self.chase_action]
        self.output_actions = [self.export_word_action, self.build_pack_action, self.circulate_action]
        self.actions: list[QAction] = [self.open_action, *self.item_actions, *self.paper_actions,
                                       *self.output_actions, self.settings_action]

    @property
    def view(self) -> AgendaView:
        """The meeting's agenda view, on the Meetings page (made when first needed)."""
        return self.meetings.page.agenda_view

    def attach_view(self, view: AgendaView) -> None:
        """Give the view its buttons and listen to it (called once the Meetings page exists)."""
        view.set_actions(
            [self.add_item_action, self.add_sub_item_action, self.edit_item_action, self.remove_item_action,
             self.move_up_action, self.move_down_action, self.indent_action, self.outdent_action,
             self.export_word_action, self.build_pack_action, self.circulate_action, self.copy_action],
            [self.request_paper_action, self.paper_email_action, self.attach_action, self.received_action,
             self.sign_off_action, self.withdraw_action, self.report_action],
            [self.chase_action],
            [self.standing_action, self.copy_action],
        )
        view.edit_requested.connect(self.edit_item)
        view.item_changed.connect(lambda: self.update_actions(self.meetings.on_page))
        view.model.mover = self.drop_move

    # --- helpers ---------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    @property
    def repo(self):
        return self.window.store.agendas

    @property
    def in_agenda(self) -> bool:
        return page_made(self.meetings) and self.meetings.page.in_agenda

    def meeting(self) -> Meeting | None:
        return self.store.meetings.get(self.meeting_id) if self.meeting_id is not None and self.store else None

    def reload(self, select_item: int | None = None, select_paper: int | None = None) -> None:
        """Read the meeting's agenda, papers and circulations again and show them."""
        if self.meeting_id is None or self.store is None:
            return
        try:
            meeting = self.store.meetings.get(self.meeting_id)
            agenda = self.repo.agenda(self.meeting_id)
            problems = self.repo.problems(self.meeting_id)
            circulations = self.repo.circulations(self.meeting_id)
            file_names = {}
            for papers in agenda.papers.values():
                for p in papers:
                    if p.document_id is not None:
                        file_names[p.document_id] = self.repo.document_info(p.document_id).file_name
        except StoreError as exc:
            errors.show_store_error(self.window, exc, "Agenda")
            return
        self.view.set_data(meeting, agenda, problems, circulations, file_names,
                           select_item=select_item, select_paper=select_paper)

    def update_actions(self, on_page: bool) -> None:
        page = self.meetings.page if on_page else None  # off the page nothing is chosen (it may not be made)
        in_agenda = on_page and page.in_agenda
        # the chosen meeting, or the one whose register or minutes are open: Ctrl+G works from them too (issue 14)
        listed = page.current_meeting() if on_page else None
        self.open_action.setEnabled(listed is not None)
        line = self.view.current_line() if in_agenda else None
        has_items = in_agenda and self.view.model.rowCount() > 0
        top = line is not None and line.depth == 0
        self.add_item_action.setEnabled(in_agenda)
        self.add_sub_item_action.setEnabled(line is not None)
        for action in (self.edit_item_action, self.remove_item_action, self.move_up_action,
                       self.move_down_action, self.request_paper_action, self.report_action):
            action.setEnabled(line is not None)
        self.indent_action.setEnabled(top and line.number != "1")
        self.outdent_action.setEnabled(line is not None and line.depth == 1)
        self.standing_action.setEnabled(in_agenda and not has_items)
        self.copy_action.setEnabled(in_agenda)
        paper = self.view.current_paper() if line is not None else None
        live = paper is not None and not paper.withdrawn
        self.attach_action.setEnabled(live)
        self.received_action.setEnabled(live and not paper.received)
        self.sign_off_action.setEnabled(live)
        self.withdraw_action.setEnabled(live)
        self.paper_email_action.setEnabled(live and not paper.received)
        problem = self.view.current_problem() if in_agenda else None
        self.chase_action.setEnabled(problem is not None and problem.paper is not None
                                     and not problem.paper.received)
        for action in self.output_actions:
            action.setEnabled(has_items and self.pack_job is None)
        self.settings_action.setEnabled(self.store is not None)

    def _item(self) -> AgendaItem | None:
        line = self.view.current_line() if self.in_agenda else None
        return line.item if line else None

    def _write(self, change: Callable[[], Any], title: str) -> Any:
        """Make a change outside a dialog; show what went wrong if it cannot be made (None then)."""
        try:
            return change()
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self.window, exc, title)
            self.window.refresh()
            return None

    def _done(self, message: str, item_id: int | None = None, paper_id: int | None = None) -> None:
        self.window.refresh()
        if item_id is not None:
            self.view.select_item(item_id)
        if paper_id is not None:
            self.view.select_paper(paper_id)
        self.window.statusBar().showMessage(message, 8000)

    # --- opening ---------------------------------------------------------------------------
    def open_agenda(self, meeting_id: int | None = None) -> None:
        if self.store is None:
            return
        if meeting_id is None:
            current = self.meetings.page.current_meeting()
            meeting_id = current.id if current else None
        if meeting_id is None:
            return
        if not self.meetings.minutes.release(lambda: self.open_agenda(meeting_id)):
            return  # unsaved minutes: asked first; opens after Save or Discard
        self.meeting_id = meeting_id
        self.window.show_page(self.window.PAGE_MEETINGS)
        self.meetings.page.show_agenda()
        self.reload()
        self.window._update_actions()  # the view holds its meeting now: Ctrl+M and Ctrl+T follow it
        self.view.focus_agenda()
        meeting = self.meeting()
        if meeting is not None:
            self.window.statusBar().showMessage(
                f"Agenda of the {meeting.title[0].lower()}{meeting.title[1:]}: Ins add · Enter edit · "
                "Ctrl+↑/↓ move · Ctrl+→/← sub-item · drag to reorder", 8000)

    # --- items -----------------------------------------------------------------------------
    def _members(self):
        return [m for m in self.store.members() if m.is_active()]

    def _item_dialog(self, item: AgendaItem, save: Callable[[AgendaItem], Any], title: str, intro: str = ""):
        from mqp_desktop.ui.dialogs.agenda_dialogs import AgendaItemDialog

        members = self._members()
        if item.presenter_member_id is not None and all(m.id != item.presenter_member_id for m in members):
            members.append(self.store.member(item.presenter_member_id))
        priorities = self.repo.setting(cfg.PARTNERSHIP_PRIORITIES)
        self.window.show_dialog(AgendaItemDialog(item, members, priorities, save=save, title=title, intro=intro,
                                                 parent=self.window))

    def add_item(self) -> None:
        if self.meeting_id is None or not self.in_agenda:
            return
        current = self._item()
        after = current.id if current is not None and current.parent_id is None else None
        if current is not None and current.parent_id is not None:
            after = current.parent_id
        meeting_id = self.meeting_id

        def save(item: AgendaItem) -> AgendaItem:
            saved = self.repo.add_item(item, after_id=after)
            self._done(f"Added item '{saved.title}'", saved.id)
            return saved

        intro = "The item goes after the chosen one." if after else \
            "The item goes before any other business and the date of the next meeting."
        self._item_dialog(AgendaItem(meeting_id=meeting_id, title=""), save, "Add agenda item", intro)

    def add_sub_item(self) -> None:
        current = self._item()
        if current is None or self.meeting_id is None:
            return
        parent_id = current.parent_id or current.id
        parent = self.repo.item(parent_id)

        def save(item: AgendaItem) -> AgendaItem:
            saved = self.repo.add_item(dataclasses.replace(item, parent_id=parent_id))
            self._done(f"Added sub-item '{saved.title}'", saved.id)
            return saved

        self._item_dialog(AgendaItem(meeting_id=self.meeting_id, title="", parent_id=parent_id), save,
                          "Add sub-item", f"A sub-item of '{parent.title}', after its other sub-items.")

    def edit_item(self) -> None:
        current = self._item()
        if current is None:
            return
        item_id = current.id

        def save(item: AgendaItem) -> AgendaItem:
            before = self.repo.item(item_id)
            saved = self.repo.update_item(dataclasses.replace(item, id=item_id))  # refused if changed since read
            after = self.repo.item(item_id)
            fields = [f for f in ITEM_FIELDS if getattr(before, f) != getattr(after, f)]
            if fields:
                self.window._push(f"edit of item '{after.title}'",
                                  lambda: self._restore_item(item_id, before, after, fields),
                                  lambda: self._restore_item(item_id, after, before, fields))
            self._done(f"Saved item '{saved.title}'", item_id)
            return saved

        self._item_dialog(self.repo.item(item_id), save, "Edit agenda item")

    def _restore_item(self, item_id: int, source: AgendaItem, expect: AgendaItem, fields: list[str]) -> None:
        """Undo/redo of an item's edit: refused if one of its fields was changed since (Store.restore_fields)."""
        store = self.window.store
        store.restore_fields(
            lambda i: f"agenda item '{i.title}'", entity="agenda_item", read=lambda: store.agendas.item(item_id),
            save=store.agendas.update_item, source=source, expect=expect, fields=fields,
        )

    def remove_item(self) -> None:
        current = self._item()
        if current is None:
            return
        subs = [i for i in self.repo.items(current.meeting_id) if i.parent_id == current.id]
        papers = self.repo.papers_for_item(current.id)
        more = []
        if subs:
            more.append(f"its {len(subs)} sub-item{'s' if len(subs) != 1 else ''}")
        if papers:
            more.append(f"{len(papers)} paper{'s' if len(papers) != 1 else ''}")
        box = QMessageBox(QMessageBox.Icon.Question, "Remove agenda item",
                          f"Remove item {self.view.current_line().number}, '{current.title}'"
                          + (f", with {' and '.join(more)}" if more else "") + "?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText("The items after it are renumbered. It stays in the change history.")
        box.button(QMessageBox.StandardButton.Yes).setText("Remove")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        item_id = current.id

        def answered(button) -> None:
            if box.standardButton(button) != QMessageBox.StandardButton.Yes:
                return
            if self._write(lambda: self.repo.remove_item(item_id, seen=current), "Item not removed") is not None:
                self._done(f"Removed item '{current.title}' (kept in the change history)")

        box.buttonClicked.connect(answered)
        self.window.show_dialog(box)

    # --- order -----------------------------------------------------------------------------
    def _arrangement(self, meeting_id: int) -> Arrangement:
        return arrangement(self.repo.items(meeting_id))

    def restore_arrangement(self, meeting_id: int, wanted: Arrangement) -> None:
        """Put every item back where ``wanted`` says, in one transaction (the undo of a reorder)."""
        repo = self.window.store.agendas
        with self.window.store.write():
            for item_id, parent_id, position in [w for w in wanted if w[1] is None]:
                repo.move_to(item_id, position, None)
            for item_id, parent_id, position in [w for w in wanted if w[1] is not None]:
                repo.move_to(item_id, position, parent_id)

    def _reorder(self, item_id: int, change: Callable[[], Any], text: str, title: str) -> bool:
        meeting_id = self.meeting_id
        before = self._arrangement(meeting_id)
        if self._write(change, title) is None:
            return False
        after = self._arrangement(meeting_id)
        if before != after:
            self.window._push(text, lambda: self.restore_arrangement(meeting_id, before),
                              lambda: self.restore_arrangement(meeting_id, after))
        self._done(f"{text[0].upper()}{text[1:]} (Ctrl+Z undoes it)", item_id)
        return True

    def _move(self, how: str, verb: str) -> None:
        current = self._item()
        if current is None:
            return
        item_id = current.id
        self._reorder(item_id, lambda: getattr(self.repo, how)(item_id), f"{verb} of item '{current.title}'",
                      "Item not moved")

    def move_up(self) -> None:
        self._move("move_up", "move up")

    def move_down(self) -> None:
        self._move("move_down", "move down")

    def indent(self) -> None:
        self._move("indent", "indent")

    def outdent(self) -> None:
        self._move("outdent", "outdent")

    def drop_move(self, item_id: int, position: int, parent_id: int | None) -> bool:
        """A drag and drop: put the item at ``position`` (under ``parent_id``)."""
        if self.meeting_id is None:
            return False
        item = self.repo.item(item_id)
        return self._reorder(item_id, lambda: self.repo.move_to(item_id, position, parent_id),
                             f"move of item '{item.title}'", "Item not moved")

    def apply_standing_agenda(self) -> None:
        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        items = self._write(lambda: self.repo.apply_standing_agenda(meeting_id), "Standing agenda not applied")
        if items is not None:
            self._done(f"Applied the standing agenda: {len(items)} items", items[0].id if items else None)

    def copy_from(self) -> None:
        from mqp_desktop.ui.dialogs.agenda_dialogs import AgendaCopyDialog

        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        others = [m for m in self.store.meetings.list() if m.id != meeting_id and self.repo.items(m.id)]
        others.sort(key=lambda m: m.date, reverse=True)
        target_empty = not self.repo.items(meeting_id)

        def save(source_id: int, item_ids: list[int] | None) -> list[AgendaItem]:
            added = self.repo.copy_from(meeting_id, source_id, item_ids)
            self._done(f"Copied {len(added)} item{'s' if len(added) != 1 else ''}", added[0].id if added else None)
            return added

        self.window.show_dialog(AgendaCopyDialog(
            others, load=lambda mid: self.repo.agenda(mid).lines, save=save, target_empty=target_empty,
            parent=self.window))

    # --- papers ----------------------------------------------------------------------------
    def _paper(self) -> Paper | None:
        return self.view.current_paper() if self.in_agenda else None

    def _push_paper(self, text: str, before: Paper, after: Paper) -> None:
        fields = [f for f in PAPER_FIELDS if getattr(before, f) != getattr(after, f)]
        if not fields:
            return
        paper_id = before.id
        self.window._push(text, lambda: self._restore_paper(paper_id, before, after, fields, "reverted"),
                          lambda: self._restore_paper(paper_id, after, before, fields, "repeated"))

    def _restore_paper(self, paper_id: int, source: Paper, expect: Paper, fields: list[str], action: str) -> None:
        """Undo/redo of a paper step: refused if one of its fields was changed since (Store.restore_fields)."""
        store = self.window.store
        store.restore_fields(
            lambda p: f"the paper '{p.title}'", entity="paper", read=lambda: store.agendas.paper(paper_id),
            save=lambda p: store.agendas.update_paper(p, action=action), source=source, expect=expect,
            fields=fields,
        )

    def request_paper(self) -> None:
        from mqp_desktop.ui.dialogs.agenda_dialogs import PaperRequest, PaperRequestDialog

        line = self.view.current_line() if self.in_agenda else None
        if line is None or self.meeting_id is None:
            return
        item = line.item
        meeting = self.meeting()
        authors = [(m.display_name, m.email) for m in self._members() if not m.is_vacant]
        author = None
        if item.presenter_member_id is not None:
            presenter = self.store.member(item.presenter_member_id)
            author = (presenter.display_name, presenter.email)
        elif item.presenter_name:
            author = (item.presenter_name, "")

        def save(request: PaperRequest) -> Paper:
            paper = self.repo.request_paper(item.id, author_name=request.author_name,
                                            author_email=request.author_email, title=request.title,
                                            deadline=request.deadline, notes=request.notes)
            self._done(f"Requested '{paper.title}' from {paper.author_name}, due {paper.deadline:%d %b %Y}",
                       item.id, paper.id)
            if request.open_draft:
                if paper.author_email:
                    self.open_paper_email(paper.id, chase=False)
                else:
                    self.window.statusBar().showMessage(
                        f"Requested '{paper.title}'; no email draft: the author has no email address.", 8000)
            return paper

        self.window.show_dialog(PaperRequestDialog(
            f"item {line.number}, '{item.title}'", authors,
            max(self.repo.default_deadline(meeting.id), dt.date.today()),  # (a late item: due today)
            meeting.date,
            save=save, deadline_days=self.repo.setting(cfg.PAPER_DEADLINE_DAYS), author=author,
            parent=self.window))

    def add_performance_report(self) -> None:
        """Choose a period (the latest complete quarter with values, by default), make the performance report
        and attach it to the chosen item as a paper (its file replaced when the item has that period's already)."""
        from mqp_desktop.exporters.performance_report_data import default_period, recent_quarters

        line = self.view.current_line() if self.in_agenda else None
        if line is None:
            return
        item = line.item
        try:
            choices = recent_quarters(self.store)
            default = default_period(self.store)
        except StoreError as exc:
            errors.show_store_error(self.window, exc, "Performance report")
            return
        labels = {p.label(): p for p in choices}
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("Add performance report")
        dialog.setLabelText(
            f"Make the performance report and attach it to item {line.number}, '{item.title}', as a paper: a "
            "summary, every indicator, and a page for each exception with its commentary and a chart.\n\n"
            "It goes into the pack like any paper, and needs a senior manager's sign-off.\n\nPeriod:")
        dialog.setComboBoxItems(list(labels))
        dialog.setComboBoxEditable(False)
        dialog.setTextValue(default.label())
        dialog.setOkButtonText("Make and attach")
        for label in dialog.findChildren(QLabel):
            label.setWordWrap(True)  # else the dialog is as wide as the sentence
        dialog.setFixedWidth(520)
        dialog.textValueSelected.connect(lambda text: self._make_report(item.id, labels[text]))
        self.window.show_dialog(dialog)

    def _make_report(self, item_id: int, period) -> None:
        from mqp_desktop.exporters.performance_paper import add_performance_report

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = add_performance_report(self.store, item_id, period)
        except (StoreError, ValidationError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            errors.show_store_error(self.window, exc, "Performance report not added")
            self.window.refresh()
            return
        QApplication.restoreOverrideCursor()
        exceptions = len(done.report.exceptions)
        verb = "replaced the file of" if done.replaced else "added as"
        self._done(f"Performance report for {period.label()} ({exceptions} exception{'s' if exceptions != 1 else ''}) "
                   f"{verb} '{done.paper.title}' — not yet signed off (ToR 14)", item_id, done.paper.id)

    def drafts_folder(self) -> Path:
        """Where email drafts are written before they are opened: the window's folder of this session's
        own, removed when the window closes (:class:`~mqp_desktop.exporters.temp_folders.SessionFolder`)."""
        return self.window.drafts.path

    def open_file(self, path: Path) -> None:
        """Open a file in the program the computer uses for it (the mail program for a .eml)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_paper_email(self, paper_id: int, *, chase: bool) -> Path | None:
        from mqp_desktop.exporters.circulation import paper_email_eml

        paper = self.repo.paper(paper_id)
        kind = "chase" if chase else "request"
        path = self.drafts_folder() / f"{_safe(paper.title)} - {kind}.eml"
        try:
            written = paper_email_eml(self.store, paper_id, path, chase=chase)
        except (StoreError, ValidationError, OSError) as exc:
            errors.show_store_error(self.window, exc, "Email draft not made")
            return None
        self.last_output = written
        self.open_file(written)
        self.window.statusBar().showMessage(
            f"{'Chase' if chase else 'Request'} email to {paper.author_name} opened in your mail program ({written})",
            8000)
        return written

    def paper_email(self) -> None:
        paper = self._paper()
        if paper is not None:
            self.open_paper_email(paper.id, chase=False)

    def chase(self) -> None:
        problem = self.view.current_problem() if self.in_agenda else None
        if problem is not None and problem.paper is not None:
            self.open_paper_email(problem.paper.id, chase=True)

    def choose_paper_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Attach the paper's file", "", PAPER_FILTER)
        return Path(name) if name else None

    def attach_file(self, path: Path | None = None) -> None:
        paper = self._paper()
        if paper is None:
            return
        path = path or self.choose_paper_file()
        if path is None:
            return
        paper_id, item_id = paper.id, paper.item_id
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            saved = self.repo.attach_file(paper_id, path, seen=paper)  # refused if changed since it was shown
        except (StoreError, ValidationError) as exc:
            QApplication.restoreOverrideCursor()
            errors.show_store_error(self.window, exc, "File not attached")
            return
        QApplication.restoreOverrideCursor()
        status = paper_status(saved, dt.date.today())
        note = " — not yet signed off (ToR 14)" if status is PaperStatus.NOT_SIGNED_OFF else ""
        checked = f". Note: {self.repo.last_attach_note}" if self.repo.last_attach_note else ""
        self._done(f"Attached {Path(path).name} to '{saved.title}'{note}{checked}", item_id, paper_id)

    def mark_received(self) -> None:
        paper = self._paper()
        if paper is None:
            return
        paper_id, item_id = paper.id, paper.item_id
        before = self.repo.paper(paper_id)
        after = self._write(lambda: self.repo.mark_received(paper_id, seen=paper), "Not marked received")
        if after is not None:
            self._push_paper(f"receipt of '{after.title}'", before, self.repo.paper(paper_id))
            self._done(f"Marked '{after.title}' received today", item_id, paper_id)

    def sign_off(self) -> None:
        from mqp_desktop.ui.dialogs.agenda_dialogs import SignOffDialog

        paper = self._paper()
        if paper is None:
            return
        paper_id, item_id = paper.id, paper.item_id

        def save(by: str, on: dt.date) -> Paper:
            before = self.repo.paper(paper_id)
            saved = self.repo.sign_off(paper_id, by, on, seen=paper)
            self._push_paper(f"sign-off of '{saved.title}'", before, self.repo.paper(paper_id))
            self._done(f"Recorded: '{saved.title}' signed off by {by} on {on:%d %b %Y}", item_id, paper_id)
            return saved

        self.window.show_dialog(SignOffDialog(paper.title, save=save, by=paper.signed_off_by, parent=self.window))

    def withdraw(self) -> None:
        paper = self._paper()
        if paper is None:
            return
        paper_id, item_id = paper.id, paper.item_id
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle("Withdraw paper")
        dialog.setLabelText(f"Withdraw '{paper.title}'? It stays listed, marked withdrawn.\n\nReason (optional):")
        dialog.setOkButtonText("Withdraw")

        def withdraw(reason: str) -> None:
            before = self.repo.paper(paper_id)
            saved = self._write(lambda: self.repo.withdraw(paper_id, reason, seen=paper), "Paper not withdrawn")
            if saved is not None:
                self._push_paper(f"withdrawal of '{saved.title}'", before, self.repo.paper(paper_id))
                self._done(f"Withdrew '{saved.title}'", item_id, paper_id)

        dialog.textValueSelected.connect(withdraw)
        self.window.show_dialog(dialog)

    # --- outputs ---------------------------------------------------------------------------
    def _default_name(self, suffix: str, what: str) -> str:
        meeting = self.meeting()
        sc = self.store.subcommittee()
        return f"{_safe(sc.short_name or sc.name)} {what} {meeting.date:%Y-%m-%d}{suffix}"

    def choose_agenda_file(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, "Export Word agenda",
                                              self._default_name(".docx", "agenda"), "Word document (*.docx)")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".docx" else path.with_suffix(".docx")

    def choose_pack_file(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, "Build meeting pack",
                                              self._default_name(".pdf", "meeting pack"), "PDF document (*.pdf)")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def export_word(self) -> None:
        if self.meeting_id is None:
            return
        path = self.choose_agenda_file()
        if path is None:
            return
        from mqp_desktop.exporters.agenda_docx import export_agenda_docx

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = export_agenda_docx(self.store, self.meeting_id, path)
        except (StoreError, ValidationError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            errors.show_store_error(self.window, exc, "Agenda not exported")
            return
        QApplication.restoreOverrideCursor()
        self.last_output = Path(written)
        self.window.statusBar().showMessage(f"Agenda saved to {written}", 10000)

    def _cancel_check(self, event: threading.Event) -> Callable[[], bool]:
        """What the pack builder calls to ask whether Cancel was pressed (tests replace it)."""
        return event.is_set

    def build_pack(self) -> None:
        if self.meeting_id is None or self.pack_job is not None:
            return
        store = self.store
        if store.path is None:
            errors.show_store_error(self.window, StoreError(
                "A meeting pack is built from a database file; this database is only in memory.",
                "Save the database to a file (File › New database) first."), "Meeting pack")
            return
        path = self.choose_pack_file()
        if path is None:
            return
        meeting = self.meeting()
        cancel = threading.Event()
        progress = QProgressDialog(f"Building the pack for the {meeting.title[0].lower()}{meeting.title[1:]}…",
                                   "Cancel", 0, 0, self.window)
        progress.setWindowTitle("Meeting pack")
        label = QLabel()
        label.setWordWrap(True)  # a long paper's file name wraps rather than widening the dialog
        progress.setLabel(label)
        progress.setLabelText(f"Building the pack for the {meeting.title[0].lower()}{meeting.title[1:]}…")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(460)
        progress.canceled.connect(cancel.set)
        progress.canceled.connect(lambda: progress.setLabelText("Cancelling…"))
        job = PackJob(Path(store.path), self.meeting_id, path, self._cancel_check(cancel), self, key=store.key)
        job.progressed.connect(self._pack_progressed)
        job.succeeded.connect(self._pack_built)
        job.failed.connect(self._pack_failed)
        job.was_cancelled.connect(self._pack_cancelled)
        job.finished.connect(self._pack_finished)
        self.pack_job, self.pack_progress = job, progress
        self.last_pack_outcome = ""
        self.update_actions(self.meetings.on_page)
        progress.show()
        job.start()

    def _pack_progressed(self, step: int, total: int, message: str) -> None:
        progress = self.pack_progress
        if progress is None or progress.wasCanceled():
            return
        progress.setMaximum(max(total, 1))
        progress.setValue(min(step, max(total, 1)))
        progress.setLabelText(message)

    def _pack_built(self, result: Any) -> None:
        self.last_pack_outcome = "built"
        self.last_output = Path(result.path)
        separately = len(getattr(result, "separately", ()) or ())
        note = f"; {separately} paper{'s' if separately != 1 else ''} to go separately" if separately else ""
        scrubbed = [c["reference"] for c in getattr(result, "active_content_removed", ())]
        if scrubbed:
            note += f"; active content removed from the pack's copy of {', '.join(scrubbed)} (see the divider)"
        self.window.statusBar().showMessage(f"Meeting pack built: {result.page_count} pages, {result.path}{note}",
                                            12000)

    def _pack_failed(self, exc: BaseException) -> None:
        self.last_pack_outcome = "failed"
        self._close_progress()
        if isinstance(exc, (StoreError, ValidationError)) or getattr(exc, "problem", None):
            errors.show_store_error(self.window, exc, "Meeting pack not built")
        else:
            errors.show_store_error(self.window, StoreError(
                f"The meeting pack could not be built: {exc}", "Nothing was saved. Try again; if it happens "
                "again, copy this message to whoever supports the program."), "Meeting pack not built")

    def _pack_cancelled(self) -> None:
        self.last_pack_outcome = "cancelled"
        self.window.statusBar().showMessage("Meeting pack cancelled: nothing was written.", 8000)

    def _close_progress(self) -> None:
        if self.pack_progress is not None:
            self.pack_progress.close()
            self.pack_progress.deleteLater()
            self.pack_progress = None

    def _pack_finished(self) -> None:
        job = self.pack_job
        self._close_progress()
        if job is not None:
            job.wait()
            job.deleteLater()
        self.pack_job = None
        self.window.refresh()
        if self.last_pack_outcome == "built" and self.last_output is not None:
            self.open_file(self.last_output)

    def circulate(self) -> None:
        from mqp_desktop.ui.dialogs.agenda_dialogs import CirculateDialog

        if self.meeting_id is None:
            return
        meeting_id = self.meeting_id
        meeting = self.meeting()
        kind = "pack" if self.repo.packs(meeting_id) else "agenda"

        def plan_for(kind: str, deputies: bool, separately: bool):
            from mqp_desktop.exporters.circulation import plan_circulation

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                return plan_circulation(self.store, meeting_id, kind=kind, include_deputies=deputies,
                                        papers_separately=separately)
            finally:
                QApplication.restoreOverrideCursor()

        def save(plan) -> Any:
            from mqp_desktop.exporters.circulation import default_file_name, record_circulated, write_eml

            path = self.drafts_folder() / default_file_name(self.store, meeting_id, plan.kind)
            try:
                written = write_eml(plan, path)
            except OSError as exc:
                raise StoreError(getattr(exc, "problem", None) or f"The email draft could not be written: {exc}",
                                 getattr(exc, "remedy", "") or "Check there is room on the disk.") from exc
            record = record_circulated(self.store, plan)
            self.last_output = written
            self.open_file(written)
            self._done(f"Email draft opened in your mail program; recorded as circulated to "
                       f"{len(plan.recipients)} ({written})")
            self.view.tabs.setCurrentIndex(1)
            return record

        self.window.show_dialog(CirculateDialog(meeting.title, plan_for=plan_for, save=save, kind=kind,
                                                parent=self.window))

    # --- settings --------------------------------------------------------------------------
    def edit_settings(self) -> None:
        from mqp_desktop.ui.dialogs.agenda_dialogs import AgendaSettingsDialog

        if self.store is None:
            return
        values = {name: self.repo.setting(name) for name in cfg.SETTINGS}
        # The version of each setting as read: one saved since by another copy is refused, not overwritten.
        versions = self.repo.setting_versions()

        def save(changed: dict[str, Any]) -> dict[str, Any]:
            with self.store.write():
                for name, value in changed.items():
                    if name == cfg.HOUSE_TEMPLATE:
                        self._check_setting_unchanged(name, versions[name], value)
                    if name == cfg.HOUSE_TEMPLATE and value is None:
                        self.repo.clear_house_template()
                    elif name == cfg.HOUSE_TEMPLATE:  # a file chosen and checked in the dialog
                        self.repo.set_house_template(value.file_name, value.content)
                    else:
                        self.repo.set_setting(name, value, version=versions[name])
            self.window.refresh()
            self.window.statusBar().showMessage(
                f"Saved {len(changed)} agenda and papers setting{'s' if len(changed) != 1 else ''}"
                if changed else "No settings changed", 6000)
            return changed

        def rebase(_conflict: Any) -> None:  # "apply my changes on top": save them over what is stored now
            versions.update(self.repo.setting_versions())

        dialog = AgendaSettingsDialog(values, save=save, parent=self.window,
                                      missing_template=self.repo.house_template_missing())
        dialog.rebase_settings = rebase
        dialog.reopen_settings = self.edit_settings
        self.window.show_dialog(dialog)

    def _check_setting_unchanged(self, name: str, version: int, value: Any) -> None:
        stored = self.repo.setting_version(name)
        if stored != version:
            mine = value.file_name if value is not None and hasattr(value, "file_name") else value
            raise self.store.edit_conflict(
                f"the setting '{name}' ({cfg.setting_spec(name).description})", entity="setting", entity_id=None,
                read_version=version, stored_version=stored, yours={name: mine},
                stored={name: (self.repo.setting(name) or {}).get("file_name")}, labels={name: "house template"},
                match=lambda c: name in c.changes,
            )


__all__ = ["AgendaController", "PackJob", "arrangement"]


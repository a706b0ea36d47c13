"""The window's minutes, sign-off and action log (ToR 3, 11, 13, 14), over ``store.minutes``.

Kept apart from ``main_window.py`` and ``meetings_controller.py``: the Meetings
page shows the minutes view (as it shows a register or an agenda), the window
adds the Actions page, a Minutes menu and File › Open minutes for approval….

**What is typed** (who chaired and took the minutes, each item's discussion and
decisions) lives in the view's :class:`~mqp_desktop.domain.minutes.Minutes`
until Save (Ctrl+S) writes it with ``save_draft``. Meanwhile it is autosaved
for crash recovery (``store.minutes.autosave``) three seconds after typing
stops and whenever an editor loses the focus. Opening minutes whose autosave is
newer than the saved draft offers Restore / Discard. Leaving the minutes or
closing the window with unsaved text asks Save / Discard / Cancel.

**Records of their own** — declarations of interest, new actions and the
updates given at the meeting — are written at once; the view is then re-read
from the store with the unsaved text laid back over it (``merge_written``).

**Undo.** Adding, editing and removing a declaration, adding an action and
recording an update given at the meeting each go on the window's undo stack as
one :class:`~mqp_desktop.ui.main_window.RegisterCommand` whose reverse and
repeat go through the store, so an undo is recorded in the change history too
(and the minutes shown are re-read, unsaved typing kept):

* a declaration is undone with the store's own calls: an added one is removed
  (a recorded flag, ``remove_declaration``), an edited one gets its fields
  back ('reverted'), a removed one is restored (the same row, flag cleared);
* an **action cannot be taken back**: its number (YYYY-MM/n) is never reused
  and the database refuses to delete it. Undoing "new action" records it as
  *dropped* at its own meeting with the note "added in error, undone" (redo
  records it open again); it keeps its number, the Actions page shows it
  dropped, it is not carried forward, and the minutes leave it out (it was
  never agreed: ``domain.actions.undone_at``). Once an update has been given on
  it at another meeting, the undo is refused (drop it at that meeting instead);
* an update given at a meeting is undone by one more update at the same
  meeting that puts back the status and note the meeting showed before
  (``restore_action_status``); updates are a record of what was said and are
  never edited or deleted, so the undone one stays among them.

Signing, corrections and approvals are not on the stack. Once the minutes are
signed, undoing or redoing any of the above is refused with the store's
"signed minutes are locked" message and the stack stays where it was (the
window's ``_run``). What is *typed* (chair, minute-taker, discussion,
decisions) is not on the stack either: the editors keep their own undo and take
Ctrl+Z / Ctrl+Shift+Z themselves while they have the focus (a text editor
claims those keys before a window shortcut), and autosave keeps the text.

**Sign-off**: Sign off… (saving first), then the view is read-only with a
banner naming the signer, date and digest; Verify, Make a correction…, Record
approval at meeting…; Export for chair's approval… / Import chair's response…
for a chair without the database; the chair's window is
:class:`~mqp_desktop.ui.dialogs.approval_window.ApprovalWindow`.

Dialogs open with ``window.show_dialog()`` (no nested event loop); file
choosers and :meth:`MinutesController.open_file` are methods tests replace;
exporters are imported inside the handlers.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from mqp_desktop.domain.actions import ADDED_IN_ERROR, Action, ActionStatus, ActionUpdate
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.domain.minutes import (
    Declaration,
    DeclarationPrompt,
    Minutes,
    merge_written,
    rebase_written,
    written_text,
)
from mqp_desktop.domain.signoff import ApprovalFileError, short_digest
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.store.errors import EditConflict
from mqp_desktop.ui import errors
from mqp_desktop.ui.lazy_pages import page_made

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow
    from mqp_desktop.ui.meetings_controller import MeetingsController
    from mqp_desktop.ui.pages.actions_page import ActionsPage
    from mqp_desktop.ui.pages.minutes_view import MinutesView

AUTOSAVE_MS = 3000
DECLARATION_FIELDS = ("member_id", "guest_name", "item_id", "nature", "managed", "removed")
APPROVAL_FILTER = "Minutes approval file (*.mqpminutes)"


def _safe(text: str) -> str:
    """Typed text (a name, a title) as part of a file name: :func:`~mqp_desktop.exporters.files.safe_file_name`."""
    from mqp_desktop.exporters.files import safe_file_name

    return safe_file_name(text, fallback="minutes", max_length=60)


def _the(title: str) -> str:
    return "the " + title[:1].lower() + title[1:]


class MinutesController(QObject):
    """Actions, view and dialogs of a meeting's minutes, and the Actions page."""

    def __init__(self, window: MainWindow, meetings: MeetingsController):
        super().__init__(window)
        self.window = window
        self.meetings = meetings
        self.meeting_id: int | None = None
        self.challenges_for: Callable[[int], list] | None = None
        """The challenges raised at a meeting, as rows for the Challenges tab (set by the window)."""
        self.dirty = False
        self.last_output: Path | None = None
        self.last_verify = None
        self.approval_windows: list = []
        # Two copies on one file: the text on screen was loaded at the draft's ``draft_version`` (0: no
        # draft stored yet; None: signed), and this editor last wrote or read the autosave at
        # ``autosave_version``. ``loaded`` is that text as loaded (what "apply my changes on top"
        # compares with). ``typing_elsewhere`` says why autosave stopped (another copy's autosave).
        self.draft_version: int | None = None
        self.autosave_version: int | None = None
        self.loaded: Minutes | None = None
        self.typing_elsewhere = ""
        self.conflict_dialog = None
        self.typing_warning = None
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        a = window._action
        self.open_action = a("&Minutes", self.open_minutes, "Ctrl+M",
                             "Open the selected meeting's minutes: discussion, decisions, actions, sign-off")
        self.save_action = a("&Save minutes", self.save, "Ctrl+S", "Save the draft minutes (Ctrl+S)")
        self.add_declaration_action = a("&Add declaration…", self.add_declaration, None,
                                        "Record a declaration of interest (ToR 11)")
        self.edit_declaration_action = a("&Edit declaration…", self.edit_declaration, None,
                                         "Change the chosen declaration of interest")
        self.remove_declaration_action = a("&Remove declaration", self.remove_declaration, None,
                                           "Remove a declaration recorded in error (kept in the change history)")
        self.add_action_action = a("&New action…", self.add_action, "Ctrl+Shift+A",
                                   "Add an action from the chosen item: what, owner, due date (Ctrl+Shift+A)")
        self.update_status_action = a("Record &update…", self.update_status, None,
                                      "Record the update given at this meeting on the chosen action")
        self.sign_action = a("Si&gn off…", self.sign, None,
                             "The chair signs the minutes: they are saved, then locked with a SHA-256 fingerprint")
        self.verify_action = a("&Verify", self.verify, None,
                               "Check the signed minutes have not changed since they were signed")
        self.correct_action = a("Make a &correction…", self.correct, None,
                                "Open a new draft revision to correct signed minutes (the signed one is kept)")
        self.approval_action = a("Record a&pproval at meeting…", self.record_approval, None,
                                 "Record the later meeting at which these minutes were approved as a true record")
        self.export_approval_action = a("E&xport for chair's approval…", self.export_for_approval, None,
                                        "Save the draft as a .mqpminutes file for a chair without this database")
        self.import_approval_action = a("&Import chair's response…", self.import_approval, None,
                                        "Take back the chair's signed (or commented) .mqpminutes file")
        self.chair_key_action = a("Chair's signing &key…", self.chair_key, None,
                                  "The chair's public signing key held in this database: import it (comparing its "
                                  "fingerprint by phone), see it, replace it")
        self.export_pdf_action = a("Export minutes as &PDF…", self.export_pdf, None,
                                   "Save the minutes as a PDF to email to members")
        self.export_docx_action = a("Export minutes as &Word…", self.export_docx, None,
                                    "Save the minutes as a Word document")
        self.open_approval_action = a("Open minutes for a&pproval…", self.open_for_approval, None,
                                      "The chair's side: open a .mqpminutes file, review, approve and sign")
        self.export_actions_action = a("E&xport action log…", self.export_action_log, None,
                                       "Save the action log as shown (filters applied) to Excel or Word")
        self.open_action.setIconText("Minutes")
        self.add_action_action.setIconText("New action…")
        self.save_action.setIconText("Save")
        self.sign_action.setIconText("Sign off…")
        self.correct_action.setIconText("Correction…")
        self.export_approval_action.setIconText("For chair's approval…")
        self.import_approval_action.setIconText("Import response…")
        self.export_pdf_action.setIconText("PDF…")
        self.export_docx_action.setIconText("Word…")
        self.approval_action.setIconText("Approved at…")
        self.add_declaration_action.setIconText("Add…")
        self.edit_declaration_action.setIconText("Edit…")
        self.remove_declaration_action.setIconText("Remove")
        self.update_status_action.setIconText("Record update…")
        self.export_actions_action.setIconText("Export…")
        from mqp_desktop.ui.models import icon

        for action, name in ((self.add_action_action, "add"), (self.add_declaration_action, "add"),
                             (self.edit_declaration_action, "edit"), (self.export_pdf_action, "export"),
                             (self.export_docx_action, "export"), (self.export_actions_action, "export")):
            action.setIcon(icon(name))
        self.edit_actions = [self.save_action, self.add_action_action, self.add_declaration_action,
                             self.edit_declaration_action, self.remove_declaration_action, self.update_status_action]
        self.signoff_actions = [self.sign_action, self.verify_action, self.correct_action, self.approval_action,
                                self.export_approval_action, self.import_approval_action, self.chair_key_action]
        self.output_actions = [self.export_pdf_action, self.export_docx_action]
        self.actions: list[QAction] = [self.open_action, *self.edit_actions, *self.signoff_actions,
                                       *self.output_actions, self.open_approval_action, self.export_actions_action]

    @property
    def view(self) -> MinutesView:
        """The meeting's minutes view, on the Meetings page (made when first needed)."""
        return self.meetings.page.minutes_view

    def attach_view(self, view: MinutesView) -> None:
        view.set_actions(
            [self.save_action, self.sign_action, self.verify_action, self.correct_action,
             self.export_approval_action, self.import_approval_action, self.approval_action,
             self.export_pdf_action, self.export_docx_action],
            [self.add_action_action],
            [self.add_declaration_action, self.edit_declaration_action, self.remove_declaration_action],
            [self.update_status_action],
        )
        view.edited.connect(self._edited)
        view.focus_left.connect(self._focus_left)
        view.restore_requested.connect(self.restore_recovered)
        view.discard_requested.connect(self.discard_recovered)
        view.declare_requested.connect(self.declare_from_prompt)
        view.item_changed.connect(lambda: self.update_actions(self.meetings.on_page))
        view.declarations_table.doubleClicked.connect(lambda _i: self.edit_declaration())
        view.log_table.doubleClicked.connect(lambda _i: self.update_status())
        view.declarations_table.selectionModel().currentChanged.connect(
            lambda *_: self.update_actions(self.meetings.on_page))
        view.log_table.selectionModel().currentChanged.connect(lambda *_: self.update_actions(self.meetings.on_page))

    def attach_actions_page(self, page: ActionsPage) -> None:
        self.actions_page = page
        page.set_actions([self.export_actions_action])

    # --- helpers ---------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    @property
    def repo(self):
        return self.window.store.minutes

    @property
    def in_minutes(self) -> bool:
        return page_made(self.meetings) and self.meetings.page.in_minutes

    @property
    def locked(self) -> bool:
        return self.meeting_id is not None and self.store is not None and self.repo.is_locked(self.meeting_id)

    def _write(self, change: Callable[[], Any], title: str) -> Any:
        try:
            return change()
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self.window, exc, title)
            return None

    def _message(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # --- undo ------------------------------------------------------------------------------
    def _push(self, text: str, meeting_id: int, reverse: Callable[[], Any], repeat: Callable[[], Any],
              tab: int | None = None) -> None:
        """Put a change on the window's undo stack; undoing or redoing it re-reads these minutes if shown."""

        def then(change: Callable[[], Any]) -> Callable[[], None]:
            def run() -> None:
                change()  # through the store; a refusal raises and the window leaves the stack alone
                self._show_change(meeting_id, tab)
            return run

        self.window._push(text, then(reverse), then(repeat))

    def _show_change(self, meeting_id: int, tab: int | None) -> None:
        if self.store is None or self.meeting_id != meeting_id or not self.in_minutes:
            return
        self.reload()
        if tab is not None:
            self.view.tabs.setCurrentIndex(tab)

    def _who(self, d: Declaration) -> str:
        if d.member_id is not None:
            try:
                return self.store.member(d.member_id).display_name
            except StoreError:
                return "a member"
        return d.guest_name

    def _restore_declaration(self, source: Declaration, expect: Declaration, action: str) -> None:
        """Undo/redo of a declaration's edit: refused if one of its fields was changed since (Store.restore_fields)."""
        store = self.store
        fields = [f for f in DECLARATION_FIELDS if getattr(source, f) != getattr(expect, f)]
        store.restore_fields(
            lambda d: "the declaration of interest", entity="declaration",
            read=lambda: store.minutes.declaration(source.id),
            save=lambda d: store.minutes.update_declaration(d, action=action), source=source, expect=expect,
            fields=fields,
        )

    def _put_back_declaration(self, declaration_id: int) -> None:
        """A removed declaration back as it was (the same record, its 'removed' flag cleared)."""
        d = self.repo.declaration(declaration_id)
        if d.removed:
            self.repo.update_declaration(dataclasses.replace(d, removed=False), action="restored")

    def _push_declaration(self, text: str, meeting_id: int, reverse: Callable[[], Any],
                          repeat: Callable[[], Any]) -> None:
        self._push(text, meeting_id, reverse, repeat, tab=1)

    def _take_back_action(self, action_id: int) -> None:
        """The undo of a new action: recorded as dropped at its own meeting (actions are never deleted)."""
        a = self.repo.action(action_id)
        elsewhere = [u for u in self.repo.updates(action_id=action_id) if u.meeting_id != a.meeting_id]
        if elsewhere:
            at = self.store.meetings.get(elsewhere[-1].meeting_id)
            raise ValidationError("action", f"Action {a.number} has an update given at {_the(at.title)}, so adding "
                                  "it is not undone here: record it as dropped at the meeting that dropped it.")
        self.repo.restore_action_status(action_id, a.meeting_id, ActionStatus.DROPPED, ADDED_IN_ERROR,
                                        action="undone")

    def _put_back_action(self, action_id: int) -> None:
        """The redo of a new action: open again at its own meeting."""
        a = self.repo.action(action_id)
        self.repo.restore_action_status(action_id, a.meeting_id, ActionStatus.OPEN, "", action="redone")

    def _standing(self, action_id: int, meeting_id: int) -> tuple[ActionStatus, ActionUpdate | None] | None:
        """How the action stands in the meeting's action log (its status, the update given there), or None."""
        entry = next((e for e in self.repo.open_at(meeting_id) if e.action.id == action_id), None)
        return None if entry is None else (entry.status, entry.update)

    def update_actions(self, on_page: bool) -> None:
        page = self.meetings.page if on_page else None  # off the page nothing is chosen (it may not be made)
        # the chosen meeting, or the one whose register or agenda is open: Ctrl+M works from them too (issue 14)
        listed = page.current_meeting() if on_page else None
        self.open_action.setEnabled(listed is not None and listed.status is not MeetingStatus.CANCELLED)
        here = on_page and page.in_minutes and self.meeting_id is not None and self.store is not None
        rev = self.repo.revision(self.meeting_id) if here else None
        locked = here and rev is not None and rev.status == "signed"
        editable = here and not locked
        for action in (self.save_action, self.add_action_action, self.add_declaration_action):
            action.setEnabled(editable)
        has_decl = here and self.view.current_declaration_id() is not None
        self.edit_declaration_action.setEnabled(editable and has_decl)
        self.remove_declaration_action.setEnabled(editable and has_decl)
        self.update_status_action.setEnabled(editable and self.view.current_log_action_id() is not None)
        self.sign_action.setEnabled(editable)
        self.export_approval_action.setEnabled(editable)
        self.import_approval_action.setEnabled(here)
        self.verify_action.setEnabled(here and self.repo.signed_revision(self.meeting_id) is not None)
        self.correct_action.setEnabled(locked)
        self.approval_action.setEnabled(here and rev is not None and rev.approved_at_meeting_id is None)
        for action in self.output_actions:
            action.setEnabled(here)
        self.open_approval_action.setEnabled(True)
        self.chair_key_action.setEnabled(self.store is not None)
        self.export_actions_action.setEnabled(self.store is not None)

    # --- opening and showing -----------------------------------------------------------------
    def open_minutes(self, meeting_id: int | None = None) -> None:
        if self.store is None:
            return
        if meeting_id is None:
            current = self.meetings.page.current_meeting()
            meeting_id = current.id if current else None
        if meeting_id is None:
            return
        page = self.meetings.page
        if page.in_minutes and self.meeting_id == meeting_id:  # already open: keep what is being typed
            self.view.items_list.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        meeting = self.store.meetings.get(meeting_id)
        if meeting.status is MeetingStatus.CANCELLED:
            errors.show_warning(self.window, "No minutes", f"The {meeting.title[:1].lower()}{meeting.title[1:]} was "
                                "cancelled: it has no minutes.")
            return
        self.meeting_id = meeting_id
        self.dirty = False
        self.draft_version = self.autosave_version = None
        self.window.show_page(self.window.PAGE_MEETINGS)
        self.meetings.page.show_minutes()
        self.reload(keep_text=False)
        self.window._update_actions()  # the view holds its meeting now: Ctrl+G and Ctrl+T follow it
        self._offer_recovered()
        self.view.items_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._message(f"Minutes of {_the(meeting.title)}: Ctrl+S save · Ctrl+Shift+A new action · "
                      "typing is autosaved for recovery · Esc back", 8000)

    def reload(self, *, keep_text: bool = True, keep_item: int | None = None) -> None:
        """Read the minutes again; with ``keep_text``, unsaved typing is laid back over them."""
        if self.meeting_id is None or self.store is None:
            return
        working = self.view.minutes if keep_text else None
        if keep_item is None and self.view.current_item() is not None:
            keep_item = self.view.current_item().item_id
        try:
            meeting = self.store.meetings.get(self.meeting_id)
            minutes = self.repo.minutes(self.meeting_id)
            rev = self.repo.revision(self.meeting_id)
            locked = rev is not None and rev.status == "signed"
            keep = working is not None and self.dirty and not locked
            if keep:
                minutes = merge_written(minutes, working)
            else:
                self._loaded(minutes, rev)
            prompts = [] if locked else self.repo.declaration_prompts(self.meeting_id)
            approved_at = ""
            if rev is not None and rev.approved_at_meeting_id is not None:
                approved_at = _the(self.store.meetings.get(rev.approved_at_meeting_id).title)
        except StoreError as exc:
            errors.show_store_error(self.window, exc, "Minutes")
            return
        signed_with = ""
        if locked and rev is not None:
            kept = self.repo.signature(self.meeting_id)
            signed_with = (f"with the chair's key <code>{kept['key'].spoken}</code>" if kept else
                           "by name only (no cryptographic signature)")
        self.view.set_data(meeting, minutes, rev, locked, prompts, approved_at=approved_at, keep_item=keep_item,
                           signed_with=signed_with)
        if self.challenges_for is not None:
            from mqp_desktop.ui.challenges_models import meeting_challenges_html

            rows = self.challenges_for(meeting.id)
            self.view.set_challenges(meeting_challenges_html(rows), len(rows))
        self.update_actions(self.meetings.on_page)

    def _loaded(self, minutes: Minutes, rev) -> None:
        """The text on screen is the stored one: remember its versions (saves and autosaves are checked
        against them) and the text itself."""
        self.loaded = copy.deepcopy(minutes)  # the view edits its minutes in place
        self.draft_version = None if rev is not None and rev.status == "signed" else (rev.row_version if rev else 0)
        # The autosave's version is taken on opening (recovered text is offered then) and whenever no
        # unsaved text is waiting in it; text autosaved by another copy meanwhile is never taken as ours.
        if self.autosave_version is None or self.repo.recovered(self.meeting_id) is None:
            self.autosave_version = self.repo.autosave_version(self.meeting_id)
        self.typing_elsewhere = ""

    def _offer_recovered(self) -> None:
        recovered = self.repo.recovered(self.meeting_id)
        if recovered is None:
            self.view.show_recovered(None)
            return
        row = self.store.db.execute("SELECT saved_at FROM minutes_autosave WHERE meeting_id = ?",
                                    [self.meeting_id]).fetchone()
        when = row[0] if row else ""
        try:
            when = f"{dt.datetime.fromisoformat(when).astimezone():%d %b %Y at %H:%M}"
        except ValueError:
            pass
        self.view.show_recovered(when)

    def restore_recovered(self) -> None:
        if self.meeting_id is None:
            return
        recovered = self.repo.recovered(self.meeting_id)
        self.view.show_recovered(None)
        if recovered is None:
            return
        self.view.minutes = merge_written(self.repo.minutes(self.meeting_id), recovered)
        self.dirty = True
        self.reload(keep_text=True)
        self._message("Recovered text restored — save it (Ctrl+S) to keep it.", 10000)

    def discard_recovered(self) -> None:
        if self.meeting_id is None:
            return
        self._write(lambda: self.repo.discard_recovered(self.meeting_id), "Recovered text")
        self.autosave_version = self.repo.autosave_version(self.meeting_id)
        self.view.show_recovered(None)
        self._message("Recovered text discarded; the minutes are as last saved.")

    # --- typing, autosave, save ----------------------------------------------------------------
    def _edited(self) -> None:
        self.dirty = True
        self.autosave_timer.start()

    def _focus_left(self) -> None:
        if self.dirty and self.autosave_timer.isActive():
            self.autosave_timer.stop()
            self.autosave()

    def autosave(self) -> bool:
        """Keep the text being typed for recovery (not a save; nothing in the change history).

        Refused (and stopped, with a warning) when another copy of the program saved these minutes
        or is typing them too: the two never replace each other's text behind the officer's back."""
        if not self.dirty or self.meeting_id is None or self.store is None or self.view.minutes is None:
            return False
        if self.typing_elsewhere:
            return False
        try:
            self.autosave_version = self.repo.autosave(self.meeting_id, self.view.minutes,
                                                       version=self.draft_version,
                                                       autosave_version=self.autosave_version)
        except EditConflict as exc:
            self._typing_elsewhere(exc)
            return False
        except (StoreError, ValidationError) as exc:
            self._message(f"Autosave failed: {errors.problem_and_remedy(exc)[0]}", 10000)
            return False
        self._message(f"Autosaved for recovery at {dt.datetime.now():%H:%M:%S} (Ctrl+S to save)", 4000)
        return True

    def _typing_elsewhere(self, conflict: EditConflict) -> None:
        """Autosave stops; say why, once, without blocking the typing."""
        who = conflict.changed_by or "another copy of the program"
        saved = conflict.entity == "minutes"
        self.typing_elsewhere = (f"these minutes were saved by {who} ({conflict.changed_when})" if saved else
                                 f"{who} is typing these minutes too (autosaved {conflict.changed_when})")
        self._message(f"Not autosaved: {self.typing_elsewhere}. Save (Ctrl+S) to see both versions.", 0)
        box = QMessageBox(QMessageBox.Icon.Warning, "Minutes changed elsewhere",
                          f"{self.typing_elsewhere[:1].upper()}{self.typing_elsewhere[1:]}.",
                          QMessageBox.StandardButton.Ok, self.window)
        box.setInformativeText("Your typing is kept here, but it is no longer autosaved, so neither copy replaces "
                               "the other's text. Press Save (Ctrl+S): you will be shown both versions, field by "
                               "field, if they differ, and choose which to keep.")
        box.setObjectName("typingElsewhere")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.typing_warning = box
        box.open()

    def save(self) -> bool:
        if self.meeting_id is None or self.store is None or not self.in_minutes or self.view.minutes is None:
            return False
        self.autosave_timer.stop()
        try:
            rev = self.repo.save_draft(self.meeting_id, self.view.minutes, version=self.draft_version)
        except EditConflict as exc:
            self._draft_conflict(exc)
            return False
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self.window, exc, "Minutes not saved")
            return False
        self.dirty = False
        self.view.show_recovered(None)
        self.reload(keep_text=False)
        self._message(f"Minutes saved (revision {rev.revision})")
        return True

    def _draft_conflict(self, conflict: EditConflict) -> None:
        """The draft was saved elsewhere since it was loaded here: both versions, and the choice."""
        from mqp_desktop.ui.dialogs.conflict_dialog import APPLY, RELOAD, ConflictDialog

        meeting_id = self.meeting_id
        mine_text = written_text(self.view.minutes)[0]
        base_text = written_text(self.loaded)[0] if self.loaded is not None else {}
        stored_text = written_text(conflict.stored)[0] if isinstance(conflict.stored, Minutes) else {}
        here = {k for k, v in mine_text.items() if base_text.get(k, "") != v}
        there = {k for k, v in stored_text.items() if base_text.get(k, "") != v}
        can = isinstance(conflict.stored, Minutes) and self.loaded is not None
        dialog = ConflictDialog(conflict, can_reload=can, can_apply=can, changed_here=here, changed_there=there,
                                parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict_dialog = dialog

        def chosen(_result: int) -> None:
            self.conflict_dialog = None
            if self.meeting_id != meeting_id:
                return
            if dialog.choice == RELOAD:
                self.dirty = False
                self.reload(keep_text=False)
                self._message("Showing the minutes as stored now; your text was not saved (it was shown to copy "
                              "from).", 10000)
            elif dialog.choice == APPLY:
                merged = rebase_written(self.loaded, self.view.minutes, conflict.stored)
                self.loaded = conflict.stored
                self.draft_version = conflict.stored_version
                self.view.minutes = merged
                self.dirty = True
                self.save()

        dialog.finished.connect(chosen)
        dialog.open()

    def confirm_leave(self, then: Callable[[], Any]) -> bool:
        """True when nothing is unsaved (go on); otherwise ask Save / Discard / Cancel and call ``then`` after."""
        if not self.dirty or self.meeting_id is None or self.store is None:
            return True
        box = QMessageBox(QMessageBox.Icon.Question, "Unsaved minutes",
                          "The minutes have changes that are not saved.",
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText("Save them now? If you discard them, the minutes stay as last saved.")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setObjectName("unsavedMinutes")

        def answered(button) -> None:
            choice = box.standardButton(button)
            if choice == QMessageBox.StandardButton.Save:
                if not self.save():
                    return
            elif choice == QMessageBox.StandardButton.Discard:
                self.autosave_timer.stop()
                if self.repo.recovered(self.meeting_id) is not None:
                    self._write(lambda: self.repo.discard_recovered(self.meeting_id), "Recovered text")
                self.dirty = False
            else:
                return
            then()

        box.buttonClicked.connect(answered)
        self.window.show_dialog(box)
        return False

    def release(self, then: Callable[[], Any]) -> bool:
        """Before the meeting's register or agenda replaces the minutes: True when it may go ahead now;
        with unsaved text the officer is asked first and ``then`` is called after Save or Discard."""
        if not self.in_minutes:
            return True
        if not self.confirm_leave(then):
            return False
        self.dirty = False
        self.autosave_timer.stop()
        return True

    def leave(self) -> None:
        """Back to the list of meetings (asking first when there is unsaved text)."""
        if self.confirm_leave(self.leave):
            self.dirty = False
            self.autosave_timer.stop()
            self.meetings.page.show_list()

    # --- declarations ---------------------------------------------------------------------------
    def _members(self):
        return [m for m in self.store.members() if m.is_active() and not m.is_vacant]

    def _item_choices(self) -> list[tuple[int, str]]:
        minutes = self.view.minutes
        return [(i.item_id, f"{i.number}  {i.title}") for i in minutes.items if i.on_agenda and i.item_id]

    def _declaration_dialog(self, declaration: Declaration, save: Callable[[Declaration], Any], title: str,
                            intro: str = "") -> None:
        from mqp_desktop.ui.dialogs.minutes_dialogs import DeclarationDialog

        members = self._members()
        if declaration.member_id is not None and all(m.id != declaration.member_id for m in members):
            members.append(self.store.member(declaration.member_id))
        self.window.show_dialog(DeclarationDialog(declaration, members, self._item_choices(), save=save,
                                                  title=title, intro=intro, parent=self.window))

    def _declaration_saved(self, text: str) -> None:
        self.reload()
        self.view.tabs.setCurrentIndex(1)
        self._message(text)

    def add_declaration(self, prompt: DeclarationPrompt | None = None, member_id: int | None = None) -> None:
        if self.meeting_id is None or not self.in_minutes:
            return
        meeting_id = self.meeting_id

        def save(d: Declaration) -> Declaration:
            saved = self.repo.add_declaration(d)
            did = saved.id
            self._push_declaration(f"new declaration by {self._who(saved)}", meeting_id,
                                   lambda: self.repo.remove_declaration(did), lambda: self._put_back_declaration(did))
            self._declaration_saved("Declaration of interest recorded (Ctrl+Z undoes it)")
            return saved

        intro = ""
        if prompt is not None:
            intro = (f"{html.escape(prompt.reason)}, and {html.escape(' and '.join(prompt.people))} attended. "
                     "Record the interest they declared, if any.")
        self._declaration_dialog(Declaration(meeting_id=self.meeting_id, nature="",
                                             member_id=member_id, item_id=prompt.item_id if prompt else None),
                                 save, "Add declaration of interest", intro)

    def declare_from_prompt(self, prompt: DeclarationPrompt) -> None:
        self.add_declaration(prompt, prompt.member_ids[0] if prompt.member_ids else None)

    def edit_declaration(self) -> None:
        did = self.view.current_declaration_id() if self.in_minutes else None
        if did is None or self.locked:
            return
        meeting_id = self.meeting_id

        def save(d: Declaration) -> Declaration:
            before = self.repo.declaration(did)
            saved = self.repo.update_declaration(d)
            after = self.repo.declaration(did)
            undoable = before != after
            if undoable:
                self._push_declaration(f"edit of {self._who(after)}'s declaration", meeting_id,
                                       lambda: self._restore_declaration(before, after, "reverted"),
                                       lambda: self._restore_declaration(after, before, "edited"))
            self._declaration_saved("Declaration of interest changed" + (" (Ctrl+Z undoes it)" if undoable else ""))
            return saved

        self._declaration_dialog(self.repo.declaration(did), save, "Edit declaration of interest")

    def remove_declaration(self) -> None:
        did = self.view.current_declaration_id() if self.in_minutes else None
        if did is None or self.locked:
            return
        meeting_id = self.meeting_id
        removed = self._write(lambda: self.repo.remove_declaration(did), "Declaration not removed")
        if removed is not None:
            self._push_declaration(f"removal of {self._who(removed)}'s declaration", meeting_id,
                                   lambda: self._put_back_declaration(did), lambda: self.repo.remove_declaration(did))
            self._declaration_saved("Declaration removed (kept in the change history; Ctrl+Z undoes it)")

    # --- actions ----------------------------------------------------------------------------------
    def add_action(self) -> None:
        if self.meeting_id is None or not self.in_minutes or self.locked:
            return
        from mqp_desktop.ui.dialogs.minutes_dialogs import MinutesActionDialog

        item = self.view.current_item()
        meeting = self.store.meetings.get(self.meeting_id)
        meeting_id = self.meeting_id

        def save(action: Action) -> Action:
            saved = self.repo.add_action(action)
            action_id = saved.id
            self._push(f"new action {saved.number} (an undo records it as dropped)", meeting_id,
                       lambda: self._take_back_action(action_id), lambda: self._put_back_action(action_id), tab=0)
            self.reload(keep_item=saved.item_id)
            self._message(f"Action {saved.number} added: {saved.description} (Ctrl+Z undoes it)")
            return saved

        default_due = max(meeting.date, dt.date.today()) + dt.timedelta(days=28)
        self.window.show_dialog(MinutesActionDialog(
            Action(meeting_id=self.meeting_id, description="", item_id=item.item_id if item and item.on_agenda else None,
                   due_date=default_due),
            self._members(), self._item_choices(), save=save, parent=self.window))

    def update_status(self) -> None:
        action_id = self.view.current_log_action_id() if self.in_minutes else None
        if action_id is None or self.meeting_id is None or self.locked:
            return
        from mqp_desktop.ui.dialogs.minutes_dialogs import ActionUpdateDialog

        line = next(a for a in self.view.minutes.action_log if a.action_id == action_id)
        meeting = self.store.meetings.get(self.meeting_id)
        meeting_id = self.meeting_id

        def save(status: ActionStatus, note: str, on: dt.date):
            before = self._standing(action_id, meeting_id)
            update = self.repo.update_action_status(action_id, status, meeting_id, note, on)
            undo = ""
            if before is not None:
                was, given = before
                self._push(f"update of action {line.number} ({update.status.value})", meeting_id,
                           lambda: self.repo.restore_action_status(
                               action_id, meeting_id, was, given.note if given else "", given.on if given else None),
                           lambda: self.repo.restore_action_status(
                               action_id, meeting_id, update.status, update.note, update.on, action="redone"),
                           tab=2)
                undo = " (Ctrl+Z undoes it)"
            self.reload()
            self.view.tabs.setCurrentIndex(2)
            self._message(f"Action {line.number}: {status.value} at {_the(meeting.title)}{undo}")
            return update

        heading = (f"<b>Action {html.escape(line.number)}</b> ({html.escape(line.owner)}): "
                   f"{html.escape(line.description)}<br>The update given at {html.escape(_the(meeting.title))}.")
        self.window.show_dialog(ActionUpdateDialog(heading, line.status, meeting.date, save=save, note=line.note,
                                                   parent=self.window))

    # --- sign-off ------------------------------------------------------------------------------------
    def _chair(self) -> str:
        minutes = self.view.minutes
        if minutes is not None and minutes.chaired_by:
            return minutes.chaired_by
        return self.repo._chair_name(self.meeting_id)

    def sign(self) -> None:
        if self.meeting_id is None or not self.in_minutes or self.locked:
            return
        from mqp_desktop.ui.dialogs.minutes_dialogs import SignMinutesDialog

        meeting = self.store.meetings.get(self.meeting_id)
        meeting_id = self.meeting_id

        def save(name: str, on: dt.date, png: bytes | None, key_path: Path | None = None,
                 passphrase: str = "") -> str:
            key = None
            if key_path is not None:  # opened first: a wrong passphrase saves and signs nothing
                from mqp_desktop.domain.chair_key import read_key_file, unlock

                key = unlock(read_key_file(key_path), passphrase)
            # What is signed is what is on screen: a draft saved elsewhere since is refused, not signed.
            if self.dirty or self.repo.revision(meeting_id) is None:
                rev = self.repo.save_draft(meeting_id, self.view.minutes, version=self.draft_version)
                self.draft_version = rev.row_version
                self.dirty = False
            if key is not None:
                from mqp_desktop.exporters.minutes_signature import sign_at_desk

                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    digest = sign_at_desk(self.store, meeting_id, name, on, png, key)
                finally:
                    QApplication.restoreOverrideCursor()
                how = f"with the chair's key ({key.public.spoken})"
            else:
                digest = self.repo.sign(meeting_id, name, on, png, version=self.draft_version or None)
                how = "by name only (no cryptographic signature)"
            self.reload(keep_text=False)
            self._message(f"Minutes signed by {name} {how} and locked — SHA-256 {short_digest(digest)}", 10000)
            return digest

        intro = (f"Sign the minutes of {html.escape(_the(meeting.title))}. Any unsaved text is saved first. "
                 "Once signed they are <b>locked</b>, with the meeting's register, details and agenda: a change "
                 "afterwards is a correction, a new revision, and this one stays provably as signed.")
        held = self.store.chair_keys.current()
        note = ("Without the chair's key file this sign-off is by name only: it carries <b>no cryptographic "
                "signature</b>. With it (the chair present, typing the passphrase), the minutes and their PDF are "
                "signed with the chair's key")
        note += (f" — this database holds the key of {html.escape(held.name)} (<code>{held.spoken}</code>)."
                 if held else ", which must first be imported (Minutes › Chair's signing key…).")
        self.window.show_dialog(SignMinutesDialog(intro, save=save, name=self._chair(), earliest=meeting.date,
                                                  key_note=note, parent=self.window))

    def verify(self) -> None:
        if self.meeting_id is None:
            return
        result = self.repo.verify(self.meeting_id)
        self.last_verify = result
        notes = "".join(f"\n\n{n}" for n in result.notes)
        if result.ok:
            box = QMessageBox(QMessageBox.Icon.Information, "Minutes verified",
                              f"OK — revision {result.revision} is exactly as signed.", QMessageBox.StandardButton.Ok,
                              self.window)
            box.setInformativeText(f"SHA-256 {result.stored_digest}{notes}")
        elif result.differences:
            box = QMessageBox(QMessageBox.Icon.Critical, "Meeting changed since signing",
                              f"The minutes are as signed, but the meeting in the database has changed since "
                              f"revision {result.revision} was signed.", QMessageBox.StandardButton.Ok, self.window)
            box.setInformativeText("\n".join(f"• {d}" for d in result.differences)
                                   + "\n\nRestore the database from a backup taken before the change." + notes)
        else:
            box = QMessageBox(QMessageBox.Icon.Critical, "Minutes changed since signing",
                              "The signed minutes do NOT match their signature.", QMessageBox.StandardButton.Ok,
                              self.window)
            box.setInformativeText(result.problem)
        box.setObjectName("verifyResult")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.window.show_dialog(box)

    def correct(self) -> None:
        if self.meeting_id is None or not self.locked:
            return
        meeting_id = self.meeting_id
        dialog = QInputDialog(self.window)
        dialog.setObjectName("correctionReason")
        dialog.setWindowTitle("Make a correction")
        dialog.setLabelText("The signed minutes stay exactly as signed. A new draft revision is opened for the "
                            "correction, to be signed in turn.\n\nReason for the correction (printed with the "
                            "minutes):")
        dialog.setOkButtonText("Open correction")

        def chosen(reason: str) -> None:
            rev = self._write(lambda: self.repo.correct(meeting_id, reason), "Correction not opened")
            if rev is not None:
                self.dirty = False
                self.reload(keep_text=False)
                self._message(f"Revision {rev.revision} opened for the correction; revision {rev.revision - 1} "
                              "stays as signed.", 10000)

        dialog.textValueSelected.connect(chosen)
        self.window.show_dialog(dialog)

    def record_approval(self) -> None:
        if self.meeting_id is None:
            return
        this = self.store.meetings.get(self.meeting_id)
        later = [m for m in self.store.meetings.list() if m.status is not MeetingStatus.CANCELLED
                 and (m.date, m.start_time, m.id) > (this.date, this.start_time, this.id)]
        if not later:
            errors.show_warning(self.window, "No later meeting", "Minutes are approved at a later meeting; "
                                "there is none yet.", "Plan the next meeting first.")
            return
        labels = [m.title for m in later]
        meeting_id = self.meeting_id
        dialog = QInputDialog(self.window)
        dialog.setObjectName("approvedAt")
        dialog.setWindowTitle("Record approval")
        dialog.setLabelText("The meeting at which these minutes were approved as a true record:")
        dialog.setComboBoxItems(labels)
        dialog.setOkButtonText("Record")

        def chosen(label: str) -> None:
            at = later[labels.index(label)]
            if self._write(lambda: self.repo.record_approval(meeting_id, at.id), "Approval not recorded") is not None:
                self.reload()
                self._message(f"Recorded: approved as a true record at {_the(at.title)}")

        dialog.textValueSelected.connect(chosen)
        self.window.show_dialog(dialog)

    def chair_key(self):
        """The chair's key held here, and importing (or deliberately replacing) it; returns the dialog."""
        if self.store is None:
            return None
        from mqp_desktop.domain.chair_key import read_public_key
        from mqp_desktop.ui.dialogs.chair_key_dialogs import ChairKeyDialog

        def save(public, reason: str):
            key = self.store.chair_keys.register(public, replace_reason=reason)
            self._message(f"The chair's signing key is now that of {key.name}, fingerprint {key.spoken}. It is "
                          "recorded in the change history.", 12000)
            return key

        dialog = ChairKeyDialog(self.store.chair_keys.keys(), read=read_public_key, save=save, parent=self.window)
        self.window.show_dialog(dialog)
        return dialog

    # --- approval files ------------------------------------------------------------------------------
    def _default_name(self, what: str, suffix: str) -> str:
        meeting = self.store.meetings.get(self.meeting_id)
        sc = self.store.subcommittee()
        return f"{_safe(sc.short_name or sc.name)} minutes {meeting.date:%Y-%m-%d}{what}{suffix}"

    def choose_approval_export_file(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.window, "Export for the chair's approval",
                                              self._default_name(" - for approval", ".mqpminutes"), APPROVAL_FILTER)
        return Path(name) if name else None

    def choose_approval_import_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Import the chair's response", "", APPROVAL_FILTER)
        return Path(name) if name else None

    def choose_approval_file_to_open(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open minutes for approval", "", APPROVAL_FILTER)
        return Path(name) if name else None

    def export_for_approval(self) -> None:
        if self.meeting_id is None or not self.in_minutes or self.locked:
            return
        if self.dirty and not self.save():
            return
        path = self.choose_approval_export_file()
        if path is None:
            return
        try:
            if self.repo.revision(self.meeting_id) is None:
                self.repo.draft(self.meeting_id)
            approval, written = self.repo.export_for_approval(self.meeting_id, path)
        except (StoreError, ValidationError, OSError) as exc:
            errors.show_store_error(self.window, exc, "Not exported")
            return
        self.last_output = written
        self.reload(keep_text=False)
        self._message(f"Saved for the chair's approval: {written} — email it to the chair; their response comes "
                      "back as a file to import (Minutes › Import chair's response…). Fingerprint "
                      f"{short_digest(approval.draft_digest)}", 15000)

    def import_approval(self, path: Path | None = None) -> None:
        if self.store is None:
            return
        path = path or self.choose_approval_import_file()
        if path is None:
            return
        try:
            result = self.repo.import_approval(path)
        except ApprovalFileError as exc:
            errors.show_warning(self.window, "Chair's response refused", exc.problem, exc.remedy)
            return
        except (StoreError, ValidationError, OSError) as exc:
            errors.show_store_error(self.window, exc, "Chair's response not imported")
            return
        meeting = self.store.meetings.get(result.meeting_id)
        if self.meeting_id != result.meeting_id or not self.in_minutes:
            self.meeting_id = result.meeting_id
            self.window.show_page(self.window.PAGE_MEETINGS)
            self.meetings.page.show_minutes()
        self.dirty = False
        self.reload(keep_text=False)
        if result.approved:
            kept = self.repo.signature(result.meeting_id)
            how = (f"with their key ({kept['key'].spoken}); their signed PDF is kept and is what Export PDF writes"
                   if kept else "by name only: the file carries no signature from the chair's key")
            text = (f"Signed by {result.name} on {result.on:%d %B %Y} (from their approval file), {how}. The minutes "
                    f"of {_the(meeting.title)} are locked, with its register, details and agenda. "
                    f"SHA-256 {short_digest(result.digest)}")
            box = QMessageBox(QMessageBox.Icon.Information, "Minutes signed", text, QMessageBox.StandardButton.Ok,
                              self.window)
        else:
            box = QMessageBox(QMessageBox.Icon.Information, "The chair returned the minutes",
                              f"{result.name} returned the minutes on {result.on:%d %B %Y} with comments:",
                              QMessageBox.StandardButton.Ok, self.window)
            box.setInformativeText(result.comments + "\n\nMake the changes, save, and export for approval again.")
        box.setObjectName("approvalImported")
        self.window.show_dialog(box)

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_for_approval(self, path: Path | None = None):
        """The chair's window for a .mqpminutes file (no database needed)."""
        from mqp_desktop.ui.dialogs.approval_window import open_approval_window

        path = path or self.choose_approval_file_to_open()
        if path is None:
            return None
        opened = open_approval_window(path)
        if isinstance(opened, ApprovalFileError):
            errors.show_warning(self.window, "Cannot open the minutes for approval", opened.problem, opened.remedy)
            return None
        opened.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        opened.destroyed.connect(lambda *_: self.approval_windows.remove(opened)
                                 if opened in self.approval_windows else None)
        self.approval_windows.append(opened)
        opened.show()
        return opened

    # --- exports -------------------------------------------------------------------------------------
    def _choose_save(self, title: str, name: str, filt: str, suffix: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.window, title, name, filt)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def choose_pdf_file(self) -> Path | None:
        return self._choose_save("Export minutes as PDF", self._default_name("", ".pdf"), "PDF document (*.pdf)",
                                 ".pdf")

    def choose_docx_file(self) -> Path | None:
        return self._choose_save("Export minutes as Word", self._default_name("", ".docx"),
                                 "Word document (*.docx)", ".docx")

    def _export(self, choose: Callable[[], Path | None], run: Callable[[Path], Any], what: str) -> Path | None:
        if self.meeting_id is None or not self.in_minutes:
            return None
        if self.dirty and not self.save():
            return None
        path = choose()
        if path is None:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = Path(run(path))
        except (StoreError, ValidationError, OSError, ImportError) as exc:
            QApplication.restoreOverrideCursor()
            errors.show_store_error(self.window, exc, f"{what} not exported")
            return None
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            if getattr(exc, "problem", None):
                errors.show_store_error(self.window, exc, f"{what} not exported")
                return None
            raise
        QApplication.restoreOverrideCursor()
        self.last_output = written
        self._message(f"{what} saved to {written}", 10000)
        return written

    def export_pdf(self) -> Path | None:
        def run(path: Path):
            from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf

            return export_minutes_pdf(self.store, self.meeting_id, path)

        return self._export(self.choose_pdf_file, run, "Minutes PDF")

    def export_docx(self) -> Path | None:
        def run(path: Path):
            from mqp_desktop.exporters.minutes_docx import export_minutes_docx

            return export_minutes_docx(self.store, self.meeting_id, path)

        return self._export(self.choose_docx_file, run, "Minutes Word document")

    # --- the Actions page ------------------------------------------------------------------------------
    def refresh_actions(self, today: dt.date | None = None) -> None:
        if self.store is None or not hasattr(self, "actions_page"):
            return
        from mqp_desktop.ui.minutes_models import ActionRow

        today = today or dt.date.today()
        repo = self.repo
        names = {m.id: m.display_name for m in self.store.members()}
        meetings = {m.id: m for m in self.store.meetings.list()}
        numbers: dict[int, dict[int, str]] = {}
        latest: dict[int, Any] = {}
        history: dict[int, list[Any]] = {}
        for u in repo.updates():
            history.setdefault(u.action_id, []).append(u)
            prev = latest.get(u.action_id)
            if prev is None or (u.on, u.id or 0) >= (prev.on, prev.id or 0):
                latest[u.action_id] = u
        rows = []
        audits = self.store.quality.audit_titles_by_action()  # actions arising from a multi-agency audit
        for a in repo.actions():
            m = meetings.get(a.meeting_id)
            source = m.title if m else f"meeting {a.meeting_id}"
            if a.item_id:
                if a.meeting_id not in numbers:
                    numbers[a.meeting_id] = self.store.agendas.numbers(a.meeting_id)
                number = numbers[a.meeting_id].get(a.item_id)
                if number:
                    source += f", item {number}"
            if a.id in audits:
                source += f" — audit: {audits[a.id]}"
            u = latest.get(a.id)
            text = ""
            if u is not None:
                text = f"{u.status.value}" + (f" — {u.note}" if u.note else "") + f" ({u.on:%d %b %Y})"
            given = []
            for h in sorted(history.get(a.id, ()), key=lambda h: (h.on, h.id or 0)):
                at = meetings.get(h.meeting_id)
                given.append(f"{h.on:%d %b %Y}" + (f", at the {at.title[0].lower()}{at.title[1:]}" if at else "")
                             + f": {h.status.value}" + (f" — {h.note}" if h.note else ""))
            rows.append(ActionRow(a, repo.owner_text(a, names), source, text, a.is_overdue(today), tuple(given)))
        self.actions_page.set_data(rows, today)

    def choose_action_log_file(self) -> Path | None:
        sc = self.store.subcommittee()
        name, chosen = QFileDialog.getSaveFileName(
            self.window, "Export action log", f"{_safe(sc.short_name or sc.name)} action log {dt.date.today():%Y-%m-%d}.xlsx",
            "Excel workbook (*.xlsx);;Word document (*.docx)")
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".docx"):
            path = path.with_suffix(".docx" if "docx" in chosen else ".xlsx")
        return path

    def export_action_log(self) -> Path | None:
        if self.store is None:
            return None
        path = self.choose_action_log_file()
        if path is None:
            return None
        page = self.actions_page
        kwargs = page.export_filters()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from mqp_desktop.exporters.action_log_export import export_action_log

            written = Path(export_action_log(self.store, path, **kwargs))
        except Exception as exc:
            QApplication.restoreOverrideCursor()
            if isinstance(exc, (StoreError, ValidationError, OSError, ImportError)) or getattr(exc, "problem", None):
                errors.show_store_error(self.window, exc, "Action log not exported")
                return None
            raise
        QApplication.restoreOverrideCursor()
        self.last_output = written
        self._message(f"Action log saved to {written}", 10000)
        return written


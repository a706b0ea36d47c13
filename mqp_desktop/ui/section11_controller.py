"""The window's Section 11 area: its actions, its page (the dashboard) and their dialogs.

Kept apart from ``main_window.py`` (like the meetings controller) so the window only
adds the page, a menu and a refresh call. Dialogs are opened with
``window.show_dialog()`` (no nested event loop) and call ``save`` callables defined
here, which write through :class:`Section11Repo` inside one ``store.write()`` so a
return's dates, reminders, ratings and action plan are saved together or not at all.

**Undo.** Saving a return from its dialog, marking a return received and applying an
imported workbook go on the window's undo stack, each as one
:class:`~mqp_desktop.ui.main_window.RegisterCommand` whose reverse and repeat call
:meth:`Section11Repo.restore_return` (so an undo is one transaction, recorded in the
history too). The return's readings before and after the change are kept; an undo writes
back only what the change touched (:func:`return_changes`), so later changes elsewhere in
the return stay. Section 11 records are never deleted: undoing a rating the change added
empties it, undoing an action it added drops it (redo reopens it). Reminders are not
undoable: the database keeps every reminder (it cannot delete one, and has no way to mark
one withdrawn), and a reminder that went out was sent; a save that recorded one is undone
except for the reminder. Starting a round (a round is created, never deleted) and editing
frameworks (a used version is kept, edits make a new one) are kept in the history, not on
the stack; they touch no return, so the commands on the stack stay right.

The file and folder choosers and :meth:`open_file` are methods tests replace; the
exporters (workbooks, round summary, chase emails) are imported inside the handlers,
so neither they nor openpyxl/reportlab load at start-up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog

from mqp_desktop.domain.section11 import ActionItem, AuditReturn, Rating, Reminder, ReturnStatus
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo, return_changes
from mqp_desktop.ui import errors
from mqp_desktop.ui.lazy_pages import lazy_page, page_made
from mqp_desktop.ui.models import format_date
from mqp_desktop.ui.pages.section11_page import TAB_ACTIONS, TAB_RATINGS, TAB_RETURN, Section11Page

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

SUMMARY_FILTERS = {"PDF document (*.pdf)": ".pdf", "Excel workbook (*.xlsx)": ".xlsx"}
WORKBOOK_FILTER = "Excel workbook (*.xlsx)"
NOT_AUDITED = ("WSCP",)  # the partnership's own business team: unticked by default in a new round


def _safe(text: str) -> str:
    """Typed text (a name, a title) as part of a file name: :func:`~mqp_desktop.exporters.files.safe_file_name`."""
    from mqp_desktop.exporters.files import safe_file_name

    return safe_file_name(text, fallback="section 11", max_length=60)


class Section11Controller(QObject):
    """Actions, page and dialogs of the Section 11 area of ``window``."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.last_output: Path | list[Path] | None = None
        a = window._action
        self.new_round_action = a("&New audit round…", self.new_round, "Ctrl+N",
                                  "Start a Section 11 audit round: framework, scale, agencies, dates")
        self.open_return_action = a("&Open return…", self.open_return, "Ctrl+E",
                                    "Record or edit the selected agency's return: dates, ratings, action plan")
        self.mark_received_action = a("&Mark received…", self.mark_received, "Ctrl+Shift+M",
                                      "Record the date the selected return came in")
        self.reminder_action = a("Record &reminder sent", self.record_reminder, None,
                                 "Record that a reminder was sent today to the selected agency")
        self.chase_email_action = a("&Chase email draft…", self.chase_email, "Ctrl+Shift+L",
                                    "Write a chase email to the selected agency's lead contact and open it")
        self.export_workbooks_action = a("E&xport workbooks…", self.export_workbooks, "Ctrl+Alt+W",
                                         "Write one fill-in workbook per agency of the round, to email out")
        self.import_workbook_action = a("&Import returned workbook…", self.import_workbook, "Ctrl+Alt+I",
                                        "Read a returned workbook: preview the changes and problems, then import")
        self.summary_action = a("Round &summary…", self.round_summary, "Ctrl+Alt+S",
                                "The round summary for the chair's report and the Executive, as PDF or Excel")
        self.chase_all_action = a("Chase &all overdue…", self.chase_all, "Ctrl+Alt+L",
                                  "Write a chase email draft for every overdue return into a folder")
        self.frameworks_action = a("&Frameworks…", self.frameworks, None,
                                   "The frameworks of standards: add a standard, copy, import or export one")
        from mqp_desktop.ui.models import icon

        for action, name in ((self.new_round_action, "add"), (self.open_return_action, "edit"),
                             (self.export_workbooks_action, "export"), (self.summary_action, "export"),
                             (self.chase_email_action, "letter"), (self.chase_all_action, "letter")):
            action.setIcon(icon(name))
        self.new_round_action.setIconText("New round")
        self.open_return_action.setIconText("Open return")
        self.export_workbooks_action.setIconText("Workbooks…")
        self.import_workbook_action.setIconText("Import…")
        self.summary_action.setIconText("Summary…")
        self.chase_all_action.setIconText("Chase all…")
        self.mark_received_action.setIconText("Mark received…")
        self.reminder_action.setIconText("Reminder sent")
        self.chase_email_action.setIconText("Chase email…")
        self.actions: list[QAction] = [
            self.frameworks_action, self.new_round_action, self.open_return_action, self.mark_received_action, self.reminder_action,
            self.chase_email_action, self.chase_all_action, self.export_workbooks_action,
            self.import_workbook_action, self.summary_action,
        ]
        self.on_page = False

    @lazy_page
    def page(self) -> Section11Page:
        """The Section 11 dashboard, made when first shown."""
        page = Section11Page()
        page.set_actions(
            [self.new_round_action, self.open_return_action, self.export_workbooks_action,
             self.import_workbook_action, self.summary_action, self.chase_all_action],
            [self.reminder_action, self.chase_email_action, self.mark_received_action, self.open_return_action],
        )
        page.return_requested.connect(self.show_return)
        page.selection_changed.connect(lambda: self.update_actions(self.on_page))
        page.shown_changed.connect(lambda: self.update_actions(self.on_page))
        return page

    # --- helpers ---------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    @property
    def repo(self) -> Section11Repo:
        return Section11Repo(self.store)

    def refresh(self, today: dt.date | None = None) -> None:
        if page_made(self):  # filled when it is made
            self.page.set_store(self.store, today)

    def update_actions(self, on_page: bool) -> None:
        self.on_page = on_page
        # off the page it may not be read yet: the menu's actions show the page, then say if there is no round
        has_round = not page_made(self) or self.page.round is not None or self.page._stale
        chosen, _std = self.page.current_return() if on_page else (None, 0)
        overdue = self.page.current_overdue_return() if on_page else None
        not_received = chosen is not None and chosen.received is None
        self.new_round_action.setEnabled(on_page)
        self.open_return_action.setEnabled(on_page and chosen is not None)
        self.mark_received_action.setEnabled(on_page and not_received)
        self.reminder_action.setEnabled(on_page and not_received)
        self.chase_email_action.setEnabled(on_page and overdue is not None)
        for action in (self.export_workbooks_action, self.import_workbook_action, self.summary_action,
                       self.chase_all_action):
            action.setEnabled(self.store is not None and (has_round or not on_page))
        # Off the page the menu entry still works (it shows the page first), but its key is the
        # Challenges page's "Chase all overdue" too: two enabled actions on one key fire neither.
        self.chase_all_action.setShortcut("Ctrl+Alt+L" if on_page else "")

    def _show_page(self) -> None:
        self.window.show_page(self.window.PAGE_SECTION11)
        self.page.ensure_current()

    def _after_change(self, message: str, return_id: int | None = None) -> None:
        self.window.refresh()
        self.page.ensure_current()
        if return_id is not None:
            self.page.select_overdue(return_id)
        self.window.statusBar().showMessage(message, 8000)

    def push_return_change(self, text: str, before: AuditReturn, after: AuditReturn, undo_as: str,
                           redo_as: str) -> bool:
        """Put a change already made to a return on the window's undo stack; False if it changed nothing
        that can be undone (only reminders, say)."""
        changes = return_changes(before, after)
        if not changes or before.id is None:
            return False
        repo = lambda: Section11Repo(self.window.store)  # the store shown when the undo runs
        # Each undo or redo is refused if one of those parts is no longer as the last of them left it
        # (changed since by someone else): ``left`` is the return as the change, or its undo, left it.
        left = {"return": after}

        def restore(state: AuditReturn, action: str) -> None:
            left["return"] = repo().restore_return(state, only=changes, action=action, expect=left["return"])

        self.window._push(text, lambda: restore(before, undo_as), lambda: restore(after, redo_as))
        return True

    def _agency_name(self, agency_id: int) -> str:
        try:
            return self.store.agency(agency_id).label
        except StoreError:
            return f"agency {agency_id}"

    def _busy(self, work: Callable[[], Any], title: str) -> tuple[bool, Any]:
        """Run ``work`` with a wait cursor; show an expected failure (bad file, locked database)."""
        return errors.run_busy(self.window, work, title, write_remedy=(
            "If the file is open in Excel or a PDF reader, close it; or choose another folder."))

    # --- overridable choosers and opening (tests replace these) ----------------------------
    def choose_workbooks_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self.window, "Folder for the agencies' workbooks", str(Path.home()))
        return Path(name) if name else None

    def choose_workbook_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Import returned workbook", str(Path.home()),
                                              WORKBOOK_FILTER)
        return Path(name) if name else None

    def choose_summary_file(self) -> Path | None:
        rnd = self.page.round
        stem = _safe(rnd.name if rnd else "Section 11 round") + " summary"
        name, chosen = QFileDialog.getSaveFileName(self.window, "Round summary", str(Path.home() / f"{stem}.pdf"),
                                                   ";;".join(SUMMARY_FILTERS))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in SUMMARY_FILTERS.values():
            path = path.with_name(path.name + SUMMARY_FILTERS.get(chosen, ".pdf"))
        return path

    def choose_chase_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self.window, "Folder for the chase email drafts", str(Path.home()))
        return Path(name) if name else None

    def choose_chase_file(self, ret: AuditReturn) -> Path | None:
        """Where one chase email goes: the window's drafts folder (opened at once; removed when the window
        closes)."""
        return self.window.drafts.path / f"{_safe(self._agency_name(ret.agency_id))} chase.eml"

    def open_file(self, path: Path) -> bool:
        """Open a file in its usual program (an .eml in the mail program, as a draft)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- returns ---------------------------------------------------------------------------
    def show_return(self, return_id: int, standard: int = 0, tab: int = TAB_RETURN) -> None:
        from mqp_desktop.ui.dialogs.section11_dialogs import ReturnDialog

        if self.store is None:
            return
        repo = self.repo
        ret = repo.get_return(return_id)
        rnd = repo.round(ret.round_id)
        name = self._agency_name(ret.agency_id)
        today = dt.date.today()

        def save(changed: AuditReturn, ratings: list[Rating], reminders: list[Reminder],
                 actions: list[ActionItem]) -> AuditReturn:
            repo = self.repo
            before = repo.get_return(return_id)
            with self.store.write():
                for r in reminders:
                    repo.add_reminder(return_id, r.sent_on, r.note)
                if ratings:  # each as the dialog read it: one saved elsewhere since is refused
                    repo.save_ratings(return_id, ratings, seen=True)
                saved = repo.update_return(dataclasses.replace(changed, id=return_id))
                for item in actions:
                    if item.id is None:
                        repo.add_action(dataclasses.replace(item, return_id=return_id), today=today)
                    else:
                        repo.update_action(item, today=today)
            undoable = self.push_return_change(f"save of {name}'s return", before, repo.get_return(return_id),
                                               "reverted", "edited")
            parts = []
            if ratings:
                parts.append(f"{len(ratings)} rating{'s' if len(ratings) != 1 else ''}")
            if actions:
                parts.append(f"{len(actions)} action{'s' if len(actions) != 1 else ''}")
            if reminders:
                parts.append(f"{len(reminders)} reminder{'s' if len(reminders) != 1 else ''}")
            notes = [", ".join(parts)] if parts else []
            if undoable and reminders:
                notes.append("Ctrl+Z undoes it, except the reminders: a reminder sent stays recorded")
            elif undoable:
                notes.append("Ctrl+Z undoes it")
            extra = f" ({'; '.join(notes)})" if notes else ""
            self._after_change(f"Saved the return of {name} for {rnd.name}{extra}")
            return saved

        self.window.show_dialog(
            ReturnDialog(rnd, ret, name, save=save, standard=standard or None,
                         tab=tab if (tab != TAB_RETURN or not standard) else TAB_RATINGS,
                         today=today, load=lambda: self.repo.get_return(return_id), parent=self.window)
        )

    def open_return(self) -> None:
        ret, standard = self.page.current_return()
        if ret is not None:
            self.show_return(ret.id, standard, TAB_RATINGS if standard else TAB_RETURN)

    def mark_received(self) -> None:
        from mqp_desktop.ui.dialogs.section11_dialogs import ReceivedDialog

        ret, _std = self.page.current_return()
        if ret is None or self.store is None or ret.received is not None:
            return
        return_id = ret.id
        name = self._agency_name(ret.agency_id)
        rnd = self.page.round

        def save(day: dt.date, open_after: bool) -> AuditReturn:
            before = self.repo.get_return(return_id)
            saved = self.repo.mark_received(return_id, day, seen=ret)  # refused if changed since it was shown
            undoable = self.push_return_change(f"marking {name}'s return received", before, saved,
                                               "receipt undone", "received")
            self._after_change(f"{name}'s return marked received on {format_date(day)}"
                               + (" (Ctrl+Z undoes it)" if undoable else ""))
            if open_after:
                # after this dialog has closed, so the return dialog becomes the active one
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, lambda: self.show_return(return_id, 0, TAB_RATINGS))
            return saved

        self.window.show_dialog(ReceivedDialog(name, rnd.name if rnd else "the round", save=save,
                                               parent=self.window))

    def record_reminder(self) -> None:
        ret, _std = self.page.current_return()
        if ret is None or self.store is None:
            return
        return_id = ret.id
        name = self._agency_name(ret.agency_id)
        today = dt.date.today()
        if self.window._run(lambda: self.repo.add_reminder(return_id, today, "Reminder sent"), "Record reminder"):
            self.page.ensure_current()
            self.page.select_overdue(return_id)
            n = len(self.repo.get_return(return_id).reminders)
            # Not undoable: the database keeps every reminder (none can be deleted or withdrawn).
            self.window.statusBar().showMessage(
                f"Recorded a reminder to {name} today ({n} sent so far; a reminder stays recorded,"
                " Ctrl+Z does not take it back)", 8000)

    def chase_email(self) -> None:
        ret = self.page.current_overdue_return()
        if ret is None or self.store is None:
            return
        path = self.choose_chase_file(ret)
        if path is None:
            return
        store, return_id = self.store, ret.id

        def work() -> Path:
            from mqp_desktop.exporters.chase_email import write_chase_email

            return write_chase_email(store, return_id, path)

        ok, result = self._busy(work, "Chase email draft")
        if not ok:
            return
        written = Path(result) if result else path
        self.last_output = written
        self.open_file(written)
        self.window.statusBar().showMessage(
            f"Chase email to {self._agency_name(ret.agency_id)} written and opened: {written}"
            " (use 'Record reminder sent' once it has gone)", 10000)

    def chase_all(self) -> None:
        self._show_page()
        rnd = self.page.round
        if rnd is None or self.store is None:
            return
        overdue = [r for r in self.page.returns if r.status(rnd.deadline, dt.date.today()) is ReturnStatus.OVERDUE]
        if not overdue:
            self.window.notify("Chase all overdue", f"No return is overdue in {rnd.name}: there is no one to chase.")
            return
        folder = self.choose_chase_folder()
        if folder is None:
            return
        store, round_id = self.store, rnd.id

        def work() -> list[Path]:
            from mqp_desktop.exporters.chase_email import write_chase_emails

            return list(write_chase_emails(store, round_id, folder))

        ok, result = self._busy(work, "Chase all overdue")
        if ok:
            self.last_output = result
            self.window.statusBar().showMessage(
                f"{len(result)} chase email draft{'s' if len(result) != 1 else ''} written to {folder}", 10000)

    # --- rounds ----------------------------------------------------------------------------
    def new_round(self) -> None:
        from mqp_desktop.ui.dialogs.section11_dialogs import NewRound, RoundDialog

        if self.store is None:
            return
        repo = self.repo
        today = dt.date.today()
        agencies = [a for a in self.store.agencies() if a.is_active(today)]
        latest = repo.latest_round()

        def save(new: NewRound):
            rnd = self.repo.create_round(new.name, new.framework, new.scale, new.agency_ids, new.issued,
                                         new.deadline, new.panel_dates, new.notes)
            self.window.refresh()
            self._show_page()
            self.page.select_round(rnd.id)
            self.window.statusBar().showMessage(
                f"Started {rnd.name}: {len(rnd.agency_ids)} agencies asked, deadline {format_date(rnd.deadline)}."
                " Export workbooks… writes one for each to email out.", 10000)
            return rnd

        self.window.show_dialog(RoundDialog(
            repo.frameworks(), agencies, save=save,
            default_framework=latest.framework_name if latest else DEFAULT_FRAMEWORK,
            default_scale=latest.scale if latest else "score",
            unchecked=NOT_AUDITED, taken_names=[r.name for r in repo.rounds()], today=today, parent=self.window,
        ))

    def frameworks(self) -> None:
        """The Frameworks dialog (its calls save through ``save_explained``: used versions are kept)."""
        from mqp_desktop.ui.dialogs.section11_frameworks import FrameworksDialog

        if self.store is None:
            return
        self.window.show_dialog(FrameworksDialog(self.framework_calls(), parent=self.window))

    def framework_calls(self):
        from mqp_desktop.store import section11_framework_edits as edits
        from mqp_desktop.ui.dialogs.section11_frameworks import FrameworkCalls

        def load():
            repo = self.repo
            return [(fw, [r.name for r in edits.rounds_using(repo, fw)]) for fw in repo.frameworks()]

        def saved(result):
            self.window.statusBar().showMessage(result.message, 10000)
            return result

        def read(path: Path):
            from mqp_desktop.exporters.section11_framework_file import read_framework

            return read_framework(path, name=path.stem)

        def how_read(path: Path) -> str:
            from mqp_desktop.exporters.section11_framework_file import how_read

            return how_read(path)

        def export(fw, path: Path) -> Path:
            from mqp_desktop.exporters.section11_framework_file import export_framework

            written = export_framework(fw, path)
            self.last_output = written
            return written

        return FrameworkCalls(
            load=load,
            save=lambda fw: saved(edits.save_explained(self.repo, fw)),
            copy=lambda fw, name: saved(edits.copy_framework(self.repo, fw, name)),
            read=read,
            preview=lambda fw: edits.preview_save(self.repo, fw),
            export=export,
            how_read=how_read,
        )

    # --- workbooks -------------------------------------------------------------------------
    def export_workbooks(self) -> None:
        self._show_page()
        rnd = self.page.round
        if rnd is None or self.store is None:
            return
        folder = self.choose_workbooks_folder()
        if folder is None:
            return
        store, round_id = self.store, rnd.id

        def work() -> list[Path]:
            from mqp_desktop.exporters.section11_workbook import export_workbooks

            return list(export_workbooks(store, round_id, folder))

        ok, result = self._busy(work, "Export workbooks")
        if ok:
            self.last_output = result
            self.window.statusBar().showMessage(
                f"{len(result)} workbook{'s' if len(result) != 1 else ''} for {rnd.name} written to {folder}", 10000)

    def import_workbook(self) -> None:
        from mqp_desktop.ui.dialogs.section11_dialogs import WorkbookImportDialog

        self._show_page()
        if self.store is None:
            return
        path = self.choose_workbook_file()
        if path is None:
            return
        store = self.store

        def preview_it():
            from mqp_desktop.exporters.section11_workbook import preview_workbook

            return preview_workbook(store, path)

        ok, preview = self._busy(preview_it, "Import returned workbook")
        if not ok:
            return

        def apply() -> Any:
            import importlib

            workbooks = importlib.import_module("mqp_desktop.exporters.section11_workbook")

            refused = tuple(getattr(workbooks, name) for name in ("WorkbookError", "WorkbookRejected")
                            if hasattr(workbooks, name))
            return_id = getattr(preview, "return_id", None)
            s11 = Section11Repo(store)
            before = s11.get_return(return_id) if return_id is not None else None
            try:
                result = workbooks.apply_workbook(store, preview)
            except refused as exc:  # problems, or the return moved on since the preview
                message = getattr(exc, "problem", None) or str(exc)
                remedy = getattr(exc, "remedy", "")
                raise ValidationError("import", f"{message} {remedy}".strip()) from exc
            undoable = before is not None and self.push_return_change(
                f"import of {path.name}", before, s11.get_return(return_id), "import undone", "import redone")
            self._after_change(f"Imported {path.name}" + (" (Ctrl+Z undoes it)" if undoable else ""))
            return result

        self.window.show_dialog(WorkbookImportDialog(preview, apply=apply, source=str(path), parent=self.window))

    # --- reports ---------------------------------------------------------------------------
    def round_summary(self) -> None:
        self._show_page()
        rnd = self.page.round
        if rnd is None or self.store is None:
            return
        path = self.choose_summary_file()
        if path is None:
            return
        store, round_id, basis = self.store, rnd.id, self.page.basis().value

        def work() -> Path:
            from mqp_desktop.exporters.section11_report import export_round_summary

            return export_round_summary(store, round_id, path, basis=basis)

        ok, result = self._busy(work, "Round summary")
        if ok:
            written = Path(result) if result else path
            self.last_output = written
            self.window.statusBar().showMessage(f"Round summary of {rnd.name} saved to {written}", 10000)


__all__ = ["TAB_ACTIONS", "TAB_RATINGS", "TAB_RETURN", "Section11Controller"]

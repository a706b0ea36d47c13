"""The window's backups: Back up now, Restore…, Check the database…, Backup settings…, and
the automatic backups (when a database is opened, and once a day while it stays open).

**Off the main thread.** Every backup, check and restore runs in a :class:`Job` (a
``QThread``) on its *own* connection to the file (``store/backups.py`` opens them;
SQLite connections belong to the thread that opened them). The worker gets plain data
(the path, the key, the settings) and reports through queued signals to this
controller's bound methods; it never touches a widget. Back up now, the check and a
restore show a window-modal progress dialog with Cancel; an automatic backup shows its
progress in the status bar only, so the officer keeps working (the main connection can
write meanwhile: SQLite's online backup starts again from the changed pages).

**Automatic backups** are switched on by :meth:`BackupController.start_automatic`, which
the program's start (``ui/app.py``) calls once the window is shown: a backup of the open
database now, another whenever a database is opened, and a timer that every half hour
takes the day's backup if none was taken today (a window left open overnight backs up
after midnight). Windows built without it (tests of other areas) take none. The demo
database is never backed up: it is made afresh at every ``--demo`` start, and its backups
would only fill the folder.

**Restore** = the Restore dialog (the backups, newest first, read and checked by a worker
as the dialog shows) → a confirmation → :func:`~mqp_desktop.store.backups.prepare_restore`
in a job (it checks the backup fully, backs up the current file, copies the backup beside
the database and records the restore in the copy's history) → on the main thread the window
closes its connection, :func:`~mqp_desktop.store.backups.finish_restore` renames the copy into
place, and the restored database is opened and shown.

**A damaged database** found by the check or by a backup (the copy fails its check and so
does the database) is marked damaged on the store: nothing more is written to it, and the
officer is offered the newest good backup.

The file and folder choosers and :meth:`BackupController.open_folder` are methods tests replace.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QWidget

from mqp_desktop.domain.backups import BackupKind, describe_age
from mqp_desktop.store import Store, StoreError
from mqp_desktop.store.backups import (
    BackupCancelled,
    BackupFailed,
    BackupInfo,
    BackupResult,
    CheckResult,
    PreparedRestore,
    size_words,
)
from mqp_desktop.store.errors import DatabaseCorrupt
from mqp_desktop.ui import errors

if TYPE_CHECKING:
    from mqp_desktop.ui.dialogs.backup_dialogs import RestoreDialog
    from mqp_desktop.ui.main_window import MainWindow

CHECK_INTERVAL_MS = 30 * 60 * 1000  # how often the timer asks whether the day's backup is due
DATABASE_FILTER = "MQ&P backups (*.mqpbackup.sqlite *.sqlite *.db);;All files (*)"


class Job(QThread):
    """``work(job)`` off the main thread; ``job.report(done, total)`` and ``job.cancelled()`` inside it."""

    progressed = Signal(int, int)
    item_done = Signal(int, object)  # row, result (the Restore dialog's backups, one by one)
    succeeded = Signal(object)
    failed = Signal(object)
    was_cancelled = Signal()

    def __init__(self, work: Callable[[Job], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.work = work
        self._cancel = threading.Event()
        self.outcome = ""
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    def run(self) -> None:  # the worker thread: plain data in, signals out, no widgets
        try:
            result = self.work(self)
        except BackupCancelled:
            self.outcome = "cancelled"
            self.was_cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the main thread to be shown
            self.outcome = "failed"
            self.error = exc
            self.failed.emit(exc)
        else:
            self.outcome = "done"
            self.result = result
            self.succeeded.emit(result)


def _progress_dialog(parent: QWidget | None, title: str, text: str, *, delay_ms: int = 400) -> QProgressDialog:
    progress = QProgressDialog(text, "Cancel", 0, 0, parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumDuration(delay_ms)  # a quick backup never flashes a dialog
    progress.setMinimumWidth(420)
    return progress


def run_blocking(work: Callable[[Job], Any], *, title: str, text: str, parent: QWidget | None = None) -> Job:
    """Run ``work`` in a :class:`Job` while a progress dialog (with Cancel) spins a local event loop.

    For the start-up, before the main window exists (there is no window to keep responsive);
    the window itself never uses this.
    """
    job = Job(work)
    progress = _progress_dialog(parent, title, text)
    loop = QEventLoop()

    def moved(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))

    receiver = _Relay(moved)
    job.progressed.connect(receiver.relay)
    progress.canceled.connect(job.cancel)
    job.finished.connect(loop.quit)
    job.start()
    if not job.isFinished():
        loop.exec()
    job.wait()
    progress.close()
    progress.deleteLater()
    receiver.deleteLater()
    return job


class _Relay(QObject):
    """A main-thread receiver for a worker's signal (a plain lambda would run in the worker)."""

    def __init__(self, call: Callable[..., Any]):
        super().__init__()
        self.call = call

    def relay(self, *args: Any) -> None:
        self.call(*args)


class BackupController(QObject):
    """Backups, restore and the full check of the window's database."""

    backed_up = Signal(object)  # BackupResult
    restored = Signal(object)  # PreparedRestore
    checked = Signal(object)  # CheckResult

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.automatic = False
        self.clock: Callable[[], dt.datetime] = dt.datetime.now
        self.job: Job | None = None
        self.job_kind = ""
        self.inspect_job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.active_message: QMessageBox | None = None
        self.last_result: BackupResult | None = None
        self.last_error: BaseException | None = None
        self.last_check: CheckResult | None = None
        self._skip_automatic_once = False
        self._demo = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.daily_check)
        a = window._action
        self.back_up_action = a("&Back up now", self.back_up_now, "Ctrl+Shift+B",
                                "Take a backup of the database now (checked, kept until you delete it)")
        self.restore_action = a("Restore from a bac&kup…", self.choose_backup, None,
                                "Put one of the database's backups back in its place (the current file is "
                                "backed up first)")
        self.check_action = a("C&heck the database…", self.check_database, None,
                              "Check the whole file for damage (integrity and references between records)")
        self.settings_action = a("Backup se&ttings…", self.edit_settings, None,
                                 "Where this database's backups go and how many are kept")
        self.actions: list[QAction] = [self.back_up_action, self.restore_action, self.check_action,
                                       self.settings_action]

    def add_to_menu(self, menu: QMenu) -> None:
        for action in self.actions:
            menu.addAction(action)

    # --- the database ------------------------------------------------------------------------
    @property
    def store(self) -> Store | None:
        return self.window.store

    def _settings(self):
        from mqp_desktop.store.backup_settings import backup_settings

        return backup_settings(Path(self.store.path))

    def database_opened(self, store: Store, *, demo: bool) -> None:
        """The window shows ``store``: back it up if automatic backups are on."""
        self._demo = demo
        self.update_actions()
        if self._skip_automatic_once:
            self._skip_automatic_once = False
            return
        if self.automatic:
            self.back_up_automatically()

    def start_automatic(self) -> None:
        """Automatic backups on: one now, one whenever a database is opened, and the day's while open."""
        self.automatic = True
        self.timer.start()
        self.back_up_automatically()

    def backs_up(self) -> bool:
        return self.store is not None and self.store.path is not None and not self._demo

    def update_actions(self) -> None:
        usable = self.backs_up()
        busy = self.job is not None
        for action in (self.back_up_action, self.restore_action, self.check_action):
            action.setEnabled(usable and not busy)
        self.settings_action.setEnabled(usable)
        tip = "" if usable or self.store is None else (
            "The demonstration database is not backed up: it is made afresh each time the program starts "
            "with --demo." if self._demo else "This database is only in memory.")
        for action in self.actions:
            action.setToolTip(tip or action.statusTip())

    def shutdown(self) -> None:
        """The window is closing: stop the timer, cancel and wait for any work."""
        self.timer.stop()
        for job in (self.job, self.inspect_job):
            if job is not None:
                job.cancel()
                job.wait()

    # --- messages (window-modal, no nested event loop; tests find them in active_message) --------
    def _message(self, icon: QMessageBox.Icon, title: str, text: str, informative: str = "",
                 parent: QWidget | None = None) -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent or self.window)
        if informative:
            box.setInformativeText(informative)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.active_message = box
        return box

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, informative: str = "") -> QMessageBox:
        box = self._message(icon, title, text, informative)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()
        return box

    def _status(self, text: str, ms: int = 10000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # --- taking backups ------------------------------------------------------------------------
    def back_up_automatically(self) -> None:
        if not self.backs_up() or self.job is not None or self.store.damaged is not None:
            return
        self._start_backup(BackupKind.AUTOMATIC)

    def daily_check(self) -> None:
        """The timer: the day's automatic backup, when none was taken today."""
        from mqp_desktop.store.backups import automatic_backup_due

        if not self.automatic or not self.backs_up() or self.job is not None:
            return
        try:
            due = automatic_backup_due(self._settings(), self.clock())
        except StoreError:
            return
        if due:
            self._start_backup(BackupKind.AUTOMATIC)

    def back_up_now(self) -> None:
        if not self.backs_up() or self.job is not None:
            return
        if self.store.damaged is not None:
            errors.show_store_error(self.window, self.store.damaged, "Not backed up")
            return
        self._start_backup(BackupKind.MANUAL)

    def _start_backup(self, kind: BackupKind) -> None:
        from mqp_desktop.store.backups import back_up_file

        store = self.store
        try:
            settings = self._settings()
        except StoreError as exc:
            self._backup_failed(exc)
            return
        path, key, now = Path(store.path), store.key, self.clock()

        def work(job: Job) -> BackupResult:
            return back_up_file(path, key=key, kind=kind, settings=settings, now=now, progress=job.report,
                                cancelled=job.cancelled)

        manual = kind is not BackupKind.AUTOMATIC
        self._run(work, "manual" if manual else "automatic", self._backed_up, self._backup_failed,
                  progress=("Back up now", f"Backing up {path.name}…") if manual else None)
        if not manual:
            self._status(f"Backing up {path.name}…", 0)

    def _backed_up(self, result: BackupResult) -> None:
        self.last_result, self.last_error = result, None
        removed = (f"; {len(result.removed)} older automatic backup{'s' if len(result.removed) != 1 else ''} removed"
                   if result.removed else "")
        text = (f"Backed up at {result.name.taken:%H:%M}: {result.path.name} ({size_words(result.size)}, "
                f"checked){removed}.")
        self._status(text, 15000)
        if self.job_kind == "manual":
            box = self._message(QMessageBox.Icon.Information, "Backed up",
                                f"The database was backed up and the copy checked: {result.path.name}",
                                f"In {result.path.parent}\n{size_words(result.size)}, in {result.seconds:.1f} s"
                                + (", encrypted with the database's password." if self.store and self.store.key
                                   else ".") + "\n\nIt is kept until you delete it; File > Restore from a backup… "
                                "puts it back.")
            show = box.addButton("Show folder", QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Ok)
            show.clicked.connect(lambda: self.open_folder(result.path.parent))
            box.open()
        self.backed_up.emit(result)

    def _backup_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        if isinstance(exc, BackupFailed) and exc.source_damaged and self.store is not None:
            self._mark_damaged(exc.problem)
            return
        problem, remedy = errors.problem_and_remedy(exc)
        self._status(f"The backup was not taken: {problem}", 30000)
        self._tell(QMessageBox.Icon.Warning, "Backup not taken", problem, remedy)

    # --- jobs ----------------------------------------------------------------------------------------
    def _run(self, work: Callable[[Job], Any], kind: str, done: Callable[[Any], None],
             failed: Callable[[BaseException], None], *, progress: tuple[str, str] | None = None) -> Job:
        """Start ``work``; ``done(result)`` or ``failed(exc)`` runs on the main thread once the job has ended."""
        job = Job(work, self)
        self.job, self.job_kind = job, kind
        self._on_done, self._on_failed = done, failed
        job.progressed.connect(self._progressed)
        job.finished.connect(self._finished)
        if progress is not None:
            self.progress = _progress_dialog(self.window, *progress)
            self.progress.canceled.connect(job.cancel)
            self.progress.canceled.connect(self._cancelling)
        self.update_actions()
        job.start()
        return job

    def _cancelling(self) -> None:
        if self.progress is not None:
            self.progress.setLabelText("Cancelling…")

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))
        elif self.job_kind == "automatic" and total:
            self._status(f"Backing up… {100 * done // total}%", 0)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _finished(self) -> None:
        """The job has ended: tidy up first (so the callbacks may start another), then report."""
        job, kind = self.job, self.job_kind
        self._close_progress()
        self.job, self.job_kind = None, ""
        if job is None:
            return
        job.wait()
        job.deleteLater()
        done, failed = self._on_done, self._on_failed
        self.update_actions()
        self.job_kind = kind  # for the callbacks (e.g. "manual" shows a message)
        try:
            if job.outcome == "done":
                done(job.result)
            elif job.outcome == "failed":
                failed(job.error)
            elif job.outcome == "cancelled":
                self._status("Cancelled: nothing was left half-written.", 8000)
        finally:
            if self.job is None:
                self.job_kind = ""

    def wait(self) -> None:
        """Wait for the running job (tests; the restore before it replaces the file)."""
        if self.job is not None:
            self.job.wait()

    # --- checking ------------------------------------------------------------------------------------
    def check_database(self) -> None:
        from mqp_desktop.store.backups import check_database, newest_good_backup

        if not self.backs_up() or self.job is not None:
            return
        path, key = Path(self.store.path), self.store.key
        settings = self._settings()

        def work(job: Job) -> tuple[CheckResult, BackupInfo | None]:
            result = check_database(path, key, full=True, cancelled=job.cancelled)
            newest = None if not result.integrity else newest_good_backup(path, key, settings=settings)
            return result, newest

        self._run(work, "check", self._checked, self._check_failed,
                  progress=("Check the database", f"Checking {path.name} (every page, index and reference)…"))
        if self.progress is not None:
            self.progress.setMinimumDuration(0)

    def _checked(self, outcome: tuple[CheckResult, BackupInfo | None]) -> None:
        result, newest = outcome
        self.last_check = result
        self.checked.emit(result)
        if result.ok:
            self._tell(QMessageBox.Icon.Information, "Check the database",
                       "No problems found.", result.passed_words())
            return
        if not result.integrity:  # the file is sound; some records refer to ones that do not exist
            self._tell(QMessageBox.Icon.Warning, "Check the database",
                       "The file is sound, but some records refer to records that do not exist.",
                       result.words() + "\n\nNothing was changed. Copy this message to whoever supports the "
                       "program; a backup from before the problem can be restored (File > Restore from a backup…).")
            return
        self._mark_damaged(result.words(), newest=newest, known=True)

    def _check_failed(self, exc: BaseException) -> None:
        errors.show_store_error(self.window, exc, "The database was not checked")

    # --- a damaged database -------------------------------------------------------------------------
    def _mark_damaged(self, problem: str, *, newest: BackupInfo | None = None, known: bool = False) -> None:
        """Stop writing to the damaged database, and offer the newest good backup."""
        from mqp_desktop.store.backups import newest_good_backup

        store = self.store
        if store is None:
            return
        store.damaged = DatabaseCorrupt(
            f"'{store.path}' is damaged, so nothing more is written to it.",
            "Restore the newest good backup (File > Restore from a backup…).",
        )
        self.update_actions()
        if not known:
            path, key, settings = Path(store.path), store.key, self._settings()
            self._run(lambda job: newest_good_backup(path, key, settings=settings), "find",
                      lambda found: self._offer_newest(problem, found), self._check_failed)
            return
        self._offer_newest(problem, newest)

    def _offer_newest(self, problem: str, newest: BackupInfo | None) -> None:
        box = self._message(QMessageBox.Icon.Critical, "The database is damaged",
                            "The database is damaged. Nothing more will be written to it.",
                            problem + ("\n\nRestore the newest good backup? The damaged file is kept aside first."
                                       if newest else "\n\nThere is no good backup of it in its backup folder."))
        if newest is not None:
            restore = box.addButton(f"Restore the newest good backup ({describe_age(newest.taken, self.clock())})",
                                    QMessageBox.ButtonRole.AcceptRole)
            restore.clicked.connect(lambda: self.restore(newest.path, confirm=False))
            box.setDefaultButton(restore)
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()

    def offer_restore_unopened(self, path: Path, exc: StoreError) -> bool:
        """File > Open of a damaged database: look for its newest good backup and offer it (True: handled)."""
        from mqp_desktop.store.backup_settings import backup_settings
        from mqp_desktop.store.backups import list_backups, newest_good_backup

        if not isinstance(exc, DatabaseCorrupt) or self.job is not None:
            return False
        settings = backup_settings(path, claim=False)
        if not list_backups(settings.folder, settings.stem):
            return False  # no backup to offer: the error is shown at once

        def found(newest: BackupInfo | None) -> None:
            if newest is None:
                errors.show_store_error(self.window, exc, "Could not open the database")
                return
            box = self._message(QMessageBox.Icon.Warning, "Could not open the database", exc.problem,
                                "Restore its newest good backup? The damaged file is copied aside first, untouched.")
            go = box.addButton(f"Restore the newest good backup ({describe_age(newest.taken, self.clock())})",
                               QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(go)
            go.clicked.connect(lambda: self._restore_unopened(path, newest.path))
            box.open()

        self._run(lambda job: newest_good_backup(path, None, settings=settings), "find", found, self._check_failed)
        return True

    def _restore_unopened(self, path: Path, backup: Path) -> None:
        from mqp_desktop.store.backups import restore

        def work(job: Job) -> PreparedRestore:
            return restore(path, backup, key=None, progress=job.report, cancelled=job.cancelled)

        self._run(work, "restore", lambda _prepared: self.window.open_database(path), self._restore_failed,
                  progress=("Restore a backup", f"Restoring {path.name}…"))

    # --- restoring -----------------------------------------------------------------------------------
    def choose_backup(self) -> None:
        """The Restore dialog: the backups, newest first; the worker reads and checks each."""
        from mqp_desktop.store.backups import inspect_backup, list_backups
        from mqp_desktop.ui.backups_models import BackupRow
        from mqp_desktop.ui.dialogs.backup_dialogs import RestoreDialog

        if not self.backs_up() or self.job is not None:
            return
        settings = self._settings()
        rows = []
        for path, name in list_backups(settings.folder, settings.stem):
            try:
                size = path.stat().st_size
            except OSError:
                continue
            rows.append(BackupRow(path=path, name=name, size=size))
        dialog = RestoreDialog(Path(self.store.path), settings.folder, rows, self.window, now=self.clock())
        dialog.restore_requested.connect(self._restore_chosen)
        dialog.other_file_requested.connect(self._restore_other_file)
        dialog.folder_requested.connect(lambda: self.open_folder(settings.folder))
        dialog.finished.connect(self._restore_dialog_closed)
        self.restore_dialog = dialog
        self.window.show_dialog(dialog)
        if rows:
            key = self.store.key
            paths = [r.path for r in rows]

            def work(job: Job) -> None:
                for row, path in enumerate(paths):
                    if job.cancelled():
                        raise BackupCancelled()
                    job.item_done.emit(row, inspect_backup(path, key, check="quick"))

            job = Job(work, self)
            job.item_done.connect(self._inspected)
            job.finished.connect(self._inspect_finished)
            self.inspect_job = job
            job.start()

    def _inspected(self, row: int, info: BackupInfo) -> None:
        if self.restore_dialog is not None:
            self.restore_dialog.set_info(row, info)

    def _inspect_finished(self) -> None:
        job = self.inspect_job
        if job is not None:
            job.wait()
            job.deleteLater()
        self.inspect_job = None

    def _restore_dialog_closed(self) -> None:
        if self.inspect_job is not None:
            self.inspect_job.cancel()
        self.restore_dialog = None

    def choose_backup_file(self) -> Path | None:  # tests replace this
        start = str(self._settings().folder) if self.backs_up() else ""
        name, _ = QFileDialog.getOpenFileName(self.restore_dialog or self.window, "Restore a backup", start,
                                              DATABASE_FILTER)
        return Path(name) if name else None

    def open_folder(self, folder: Path) -> None:  # tests replace this
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _restore_other_file(self) -> None:
        from mqp_desktop.store.backups import inspect_backup

        path = self.choose_backup_file()
        if path is not None:
            self.restore(path, info=inspect_backup(path, self.store.key if self.store else None, check=None),
                         other_file=True)

    def _restore_chosen(self, row) -> None:
        self.restore(row.path, info=row.info)

    def restore(self, backup: Path, *, info: BackupInfo | None = None, confirm: bool = True,
                other_file: bool = False) -> None:
        """Ask, then restore ``backup`` over the window's database.

        ``other_file``: chosen with Restore another file…; it may be a backup of another database
        (a new computer's fresh database replaced by the old one's backup), said in the question.
        """
        if self.store is None or self.store.path is None or self.job is not None:
            return
        if not confirm:
            self._start_restore(backup)
            return
        other = ""
        if other_file and info is not None and info.identity:
            try:
                mine = self.store.minutes.database_id()
            except StoreError:
                mine = None
            if mine and mine != info.identity:
                other = (f"This is a backup of another database ({info.subcommittee or info.path.name}): restoring it "
                         "replaces this database entirely.\n")
        taken = describe_age(info.taken, self.clock()) if info is not None else backup.name
        holds = info.holds() if info is not None else ""
        last = info.last_change_words() if info is not None else ""
        box = self._message(
            QMessageBox.Icon.Question, "Restore a backup",
            f"Put the backup taken {taken} in the place of {Path(self.store.path).name}?",
            other + (f"It holds {holds}.\n" if holds else "") + (f"Its last change: {last}\n" if last else "")
            + "\nThe database as it is now is backed up first (kept until you delete it), so you can undo this "
            "by restoring that backup. Changes made since the backup was taken are not in it.",
            parent=self.restore_dialog or self.window,
        )
        go = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(go)
        go.clicked.connect(lambda: self._confirmed(backup, other_file))
        box.open()

    def _confirmed(self, backup: Path, other_file: bool = False) -> None:
        if self.restore_dialog is not None:
            self.restore_dialog.accept()
        if not self.window.meetings.minutes.confirm_leave(lambda: self._start_restore(backup, other_file)):
            return  # unsaved minutes: asked first; the restore goes on after Save or Discard
        self._start_restore(backup, other_file)

    def _start_restore(self, backup: Path, other_file: bool = False) -> None:
        from mqp_desktop.store.backups import prepare_restore

        store = self.store
        if store is None or store.path is None or self.job is not None:
            return
        path, key, settings, now = Path(store.path), store.key, self._settings(), self.clock()

        def work(job: Job) -> PreparedRestore:
            return prepare_restore(path, backup, key=key, settings=settings, now=now, progress=job.report,
                                   cancelled=job.cancelled, allow_other_database=other_file)

        self._run(work, "restore", self._prepared, self._restore_failed,
                  progress=("Restore a backup", f"Backing up {path.name}, then copying the backup beside it…"))

    def _restore_failed(self, exc: BaseException) -> None:
        self.last_error = exc
        errors.show_store_error(self.window, exc, "Not restored")

    def _prepared(self, prepared: PreparedRestore) -> None:
        """On the main thread: close the database, put the copy in its place, open it again."""
        from mqp_desktop.store.backups import abandon_restore, finish_restore

        window = self.window
        old = window.store
        if old is None:
            abandon_restore(prepared)
            return
        if self.inspect_job is not None:
            self.inspect_job.cancel()
            self.inspect_job.wait()
        path, old_key = Path(old.path), old.key
        old.close()
        try:
            finish_restore(prepared)
        except StoreError as exc:
            try:
                window.set_store(Store.open(path, key=old_key), demo=False)
            except StoreError:
                window.close()
            self._restore_failed(exc)
            return
        try:
            restored = Store.open(path, key=prepared.key)
        except StoreError as exc:
            self._restore_failed(exc)
            window.close()
            return
        self._skip_automatic_once = True  # it is the backup just restored
        window.set_store(restored, demo=False)
        self.restored.emit(prepared)
        kept = prepared.before.path if prepared.before else prepared.damaged_copy
        self._status(f"Restored the backup taken {describe_age(prepared.backup.taken, self.clock())}.", 30000)
        self._tell(
            QMessageBox.Icon.Information, "Restored",
            f"The backup taken {describe_age(prepared.backup.taken, self.clock())} is back in place"
            + (f": {prepared.backup.holds()}." if prepared.backup.holds() else "."),
            (f"The database as it was is kept as the backup\n{kept.name}\nin {kept.parent}.\n\nTo undo the "
             "restore, restore that backup (File > Restore from a backup…)." if prepared.before else
             f"The damaged database was copied aside, untouched, to\n{kept}" if kept else "")
            + "\n\nThe restore is recorded in the change history.",
        )

    # --- settings --------------------------------------------------------------------------------
    def edit_settings(self) -> None:
        from mqp_desktop.store.backup_settings import default_folder, save_backup_settings
        from mqp_desktop.ui.dialogs.backup_dialogs import BackupSettingsDialog

        if not self.backs_up():
            return
        settings = self._settings()
        database = Path(self.store.path)

        def save(folder: Path | None, daily: int, monthly: int):
            saved = save_backup_settings(database, folder=folder, default_folder=folder is None,
                                         keep_daily=daily, keep_monthly=monthly)
            self._status(f"Backups of {database.name} now go to {saved.folder}, keeping {saved.keep_daily} daily and "
                         f"{saved.keep_monthly} monthly.", 15000)
            return saved

        dialog = BackupSettingsDialog(database=database, folder=settings.folder,
                                      default_folder=default_folder(database),
                                      custom=settings.custom, keep_daily=settings.keep_daily,
                                      keep_monthly=settings.keep_monthly, save=save, parent=self.window)
        self.window.show_dialog(dialog)

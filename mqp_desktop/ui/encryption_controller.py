"""The database's password in the window: asking for it on opening; encrypting, changing, removing it.

* Opening an encrypted file (File › Open, Open Recent, a new database's start) asks for its
  password in a small dialog; a wrong one is said there and can be typed again; Cancel leaves
  the window as it was, as if the file had not been chosen.
* File › Encrypt with a password…, Change password…, Remove password… say plainly what happens
  (and that a forgotten password cannot be recovered), then convert the file off the main thread
  with a progress dialog (see ``store/encryption.py`` for how the file is kept whole). The window's
  own connection is closed while it runs and the file opened again afterwards: with the new
  password when it worked, the old one when it did not.
* The status bar shows "Encrypted" while an encrypted database is open.

The password is kept only in memory while the database is open (:attr:`Store.key`, for the
pack builder's own connection and for backups); it is never written to the settings, the recent
files or the history.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog

from mqp_desktop.store import EncryptedDatabase, Store, StoreError, encryption
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs.password_dialogs import CHANGE, ENCRYPT, REMOVE, PasswordChangeDialog, PasswordDialog

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

TITLES = {ENCRYPT: "Encrypting the database", CHANGE: "Changing the password", REMOVE: "Removing the password"}


class ConversionJob(QThread):
    """Runs ``work(progress, cancelled)`` on the database file, off the main thread (no widgets here)."""

    progressed = Signal(str)
    succeeded = Signal()
    failed = Signal(object)  # the exception
    was_cancelled = Signal()

    def __init__(self, work: Callable[[Callable[[str], None], Callable[[], bool]], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.work = work
        self.cancel_event = threading.Event()
        self.outcome = ""

    def run(self) -> None:
        try:
            self.work(self.progressed.emit, self.cancel_event.is_set)
        except encryption.ConversionCancelled:
            self.outcome = "cancelled"
            self.was_cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the main thread to be shown
            self.outcome = "failed"
            self.failed.emit(exc)
        else:
            self.outcome = "done"
            self.succeeded.emit()


class EncryptionController(QObject):
    """File menu actions and dialogs for the database's password, and the "Encrypted" status."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.job: ConversionJob | None = None
        self.progress: QProgressDialog | None = None
        self.last_outcome = ""
        self._pending: tuple[str, Path, str | None, str | None] = ("", Path(), None, None)
        a = window._action
        self.encrypt_action = a("Encr&ypt with a password…", self.encrypt, None,
                                "Encrypt the database file: from then on it opens only with its password")
        self.change_password_action = a("Change pass&word…", self.change_password, None,
                                        "Give the encrypted database a new password")
        self.remove_password_action = a("Remo&ve password…", self.remove_password, None,
                                        "Stop encrypting the database: it will open without a password")
        self.actions = [self.encrypt_action, self.change_password_action, self.remove_password_action]
        self.status_label = QLabel("Encrypted")
        self.status_label.setObjectName("encryptedStatus")
        self.status_label.setStyleSheet("#encryptedStatus { border: 1px solid palette(mid); border-radius: 3px;"
                                        " padding: 0 6px; margin-right: 6px; }")
        self.status_label.setToolTip("This database is encrypted: it opens only with its password.")
        self.status_label.setVisible(False)
        window.statusBar().addPermanentWidget(self.status_label)
        window.database_changed.connect(lambda _path: self.update())

    # --- state ---------------------------------------------------------------------------------
    def update(self) -> None:
        store = self.window.store
        on_file = store is not None and store.path is not None and self.job is None
        encrypted = bool(store is not None and store.encrypted)
        self.encrypt_action.setEnabled(on_file and not encrypted and not self.window.demo)
        self.change_password_action.setEnabled(on_file and encrypted)
        self.remove_password_action.setEnabled(on_file and encrypted)
        self.status_label.setVisible(encrypted)
        self.encrypt_action.setStatusTip(
            "The demonstration database stays unencrypted: open or create your own database to encrypt it"
            if self.window.demo else self.encrypt_action.toolTip())

    def describe(self) -> str:
        """For About: whether the open database is encrypted."""
        store = self.window.store
        if store is None or store.path is None:
            return "—"
        return ("yes: it opens only with its password (SQLCipher, AES-256)" if store.encrypted
                else "no (File › Encrypt with a password… protects it)")

    # --- opening -------------------------------------------------------------------------------
    def ask_password(self, path: Path, open_with: Callable[[str], Store]) -> PasswordDialog:
        """Ask for ``path``'s password; once ``open_with(password)`` opened it, show it in the window."""
        dialog = PasswordDialog(path, open_with=open_with, parent=self.window)
        dialog.accepted.connect(lambda: self._opened(dialog.saved))
        self.window.show_dialog(dialog)
        return dialog

    def _opened(self, store: Any) -> None:
        if isinstance(store, Store):
            self.window.set_store(store)
            self.window.show_page(self.window.PAGE_MEMBERSHIP)

    # --- converting ----------------------------------------------------------------------------
    def encrypt(self) -> None:
        self._ask(ENCRYPT, self.encrypt)

    def change_password(self) -> None:
        self._ask(CHANGE, self.change_password)

    def remove_password(self) -> None:
        self._ask(REMOVE, self.remove_password)

    def _ask(self, mode: str, again: Callable[[], None]) -> None:
        window = self.window
        store = window.store
        if store is None or store.path is None or self.job is not None:
            return
        if mode == ENCRYPT and (store.encrypted or window.demo):
            return
        if mode != ENCRYPT and not store.encrypted:
            return
        if not window.meetings.minutes.confirm_leave(again):  # unsaved minutes: asked first, then back here
            return
        dialog = PasswordChangeDialog(mode, store.path, current=store.key, parent=window,
                                      save=lambda new_key: self._start(mode, new_key))
        window.show_dialog(dialog)

    def _busy(self) -> str:
        agenda = getattr(self.window.meetings, "agenda", None)
        if agenda is not None and getattr(agenda, "pack_job", None) is not None:
            return "A meeting pack is being built from the database."
        backups = getattr(self.window, "backups", None)
        if backups is not None and (backups.job is not None or backups.inspect_job is not None):
            return "A backup or a check of the database is running."
        return ""

    def _pause_backups(self, paused: bool) -> None:
        """No automatic backup while the file is being converted (it is closed and locked meanwhile)."""
        backups = getattr(self.window, "backups", None)
        if backups is None:
            return
        if paused:
            backups.timer.stop()
        elif backups.automatic:
            backups.timer.start()

    def _start(self, mode: str, new_key: str | None) -> bool:
        """Close the window's connection and convert the file in a worker thread (called by the dialog's OK)."""
        window = self.window
        store = window.store
        busy = self._busy()
        if busy:
            raise StoreError(busy, "Wait for it to finish, then try again.")
        assert store is not None and store.path is not None
        path, old_key = Path(store.path), store.key
        window.meetings.minutes.autosave_timer.stop()
        self._pause_backups(True)
        store.close()  # the conversion needs the file to itself

        def work(progress: Callable[[str], None], cancelled: Callable[[], bool]) -> None:
            if mode == ENCRYPT:
                encryption.encrypt(path, new_key or "", progress=progress, cancelled=cancelled)
            elif mode == CHANGE:
                encryption.change_password(path, old_key or "", new_key or "", progress=progress)
            else:
                encryption.decrypt(path, old_key or "", progress=progress, cancelled=cancelled)

        progress = QProgressDialog(TITLES[mode] + "…", "Cancel", 0, 0, window)
        progress.setObjectName("conversionProgress")
        progress.setWindowTitle(TITLES[mode])
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(420)
        if mode == CHANGE:
            progress.setCancelButton(None)  # one transaction: quick, and not to be interrupted
        job = ConversionJob(work, self)
        progress.canceled.connect(job.cancel_event.set)
        progress.canceled.connect(lambda: progress.setLabelText("Cancelling…"))
        # Bound methods of this QObject: the worker's signals are delivered on the main thread.
        self._pending = (mode, path, old_key, new_key)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        job.was_cancelled.connect(self._cancelled)
        job.finished.connect(self._finished)
        self.job, self.progress = job, progress
        self.last_outcome = ""
        self.update()
        progress.show()
        job.start()
        return True

    def _progressed(self, message: str) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.progress.setLabelText(message)

    def _reopen(self, path: Path, *keys: str | None) -> bool:
        """Open ``path`` again in the window, with the first of ``keys`` that opens it."""
        last: StoreError | None = None
        for key in keys or (None,):
            try:
                store = Store.open(path, create=False, key=key)
            except EncryptedDatabase as exc:  # not this key (or it needs one): try the next
                last = exc
                continue
            except StoreError as exc:
                last = exc
                break
            self.window.set_store(store)
            return True
        assert last is not None
        errors.show_store_error(self.window, last, "Could not open the database again")
        return False

    def _done(self) -> None:
        mode, path, _old_key, new_key = self._pending
        self.last_outcome = "done"
        self._close_progress()
        if not self._reopen(path, new_key):
            return
        message = {
            ENCRYPT: "The database is encrypted: it now opens only with its password. Copies made before now "
                     "are not encrypted.",
            CHANGE: "The password was changed: the database now opens with the new one.",
            REMOVE: "The password was removed: the database is no longer encrypted.",
        }[mode]
        self.window.statusBar().showMessage(message, 15000)

    def _failed(self, exc: BaseException) -> None:
        mode, path, old_key, new_key = self._pending
        self.last_outcome = "failed"
        self._close_progress()
        self._reopen(path, old_key, new_key)  # the file is as it was (whole either way)
        if isinstance(exc, StoreError) or getattr(exc, "problem", None):
            errors.show_store_error(self.window, exc, f"{TITLES[mode]}: not done")
        else:
            errors.show_store_error(self.window, StoreError(
                f"The database could not be converted: {exc}",
                "Nothing was changed: the file is as it was. Try again; if it happens again, copy this message "
                "to whoever supports the program."), f"{TITLES[mode]}: not done")

    def _cancelled(self) -> None:
        mode, path, old_key, new_key = self._pending
        self.last_outcome = "cancelled"
        self._close_progress()
        if self._reopen(path, old_key, new_key):
            self.window.statusBar().showMessage(f"{TITLES[mode]} was cancelled: nothing was changed.", 10000)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _finished(self) -> None:
        job = self.job
        self._close_progress()
        if job is not None:
            job.wait()
            job.deleteLater()
        self.job = None
        self._pause_backups(False)
        self.update()

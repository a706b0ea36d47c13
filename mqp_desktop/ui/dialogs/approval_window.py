"""The chair's approval window: a ``.mqpminutes`` file on the chair's laptop, with no database.

It reads the file (``domain/signoff.py``), shows the meeting and the minutes, renders them to PDF
to review, and writes the chair's response (approved and signed, or returned with comments) to a
file the chair sends back. With the chair's signing key (``domain/chair_key.py``, made here with
*Create my signing key…* and kept encrypted in the user's config folder), an approval is signed
with it: the minutes are rendered as signed and the PDF gets the chair's PDF signature, and the
response carries both (``exporters/minutes_signature.py``). *Export my public key…* writes the
small file the officer imports once.

**Fits small screens.** The response (name, date, image, comments), the message and the two
buttons stay at the bottom; what is above them scrolls, and the window opens no larger than the
screen, so "Approve and sign…" is on screen at 1366x768 and at 150% scaling (issue 14).

**Nothing left behind.** The review PDF goes in a folder of its own in the temp folder, held by a
lock file while the window is open; closing the window removes it, and opening one removes any
such folder whose program is no longer running (a crash), and our older ones without a lock.

File choosers, the passphrase prompt and :meth:`ApprovalWindow.open_file` are methods tests replace.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import shutil
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QRect, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.signoff import ApprovalFile, ApprovalFileError, short_digest
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, pydate, qdate
from mqp_desktop.ui.dialogs.minutes_dialogs import PNG_FILTER, read_signature

REVIEW_PREFIX = "mqp-review-"
LOCK_NAME = ".in-use.lock"
UNLOCKED_LEFTOVER_AGE = 3600  # seconds: a folder of ours without a lock file (an older version's)


def clean_review_leftovers(folder: Path | None = None) -> list[Path]:
    """Remove review folders of ours left in the temp folder by a window that crashed (its lock's
    process is gone), and unlocked ones over an hour old; returns what was removed."""
    root = Path(folder or tempfile.gettempdir())
    removed: list[Path] = []
    try:
        candidates = [p for p in root.iterdir() if p.name.startswith(REVIEW_PREFIX) and p.is_dir()
                      and not p.is_symlink()]
    except OSError:
        return removed
    for path in candidates:
        try:
            if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
                continue  # another user's
            lock_path = path / LOCK_NAME
            if lock_path.exists():
                lock = QLockFile(str(lock_path))
                lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
                if not lock.tryLock(0):
                    continue  # a window open now
                lock.unlock()
            elif time.time() - path.stat().st_mtime < UNLOCKED_LEFTOVER_AGE:
                continue
            shutil.rmtree(path, ignore_errors=True)
            if not path.exists():
                removed.append(path)
        except OSError:
            continue
    return removed


class ApprovalWindow(QMainWindow):
    """A ``.mqpminutes`` file on the chair's laptop: read, review, approve and sign, or return with comments."""

    def __init__(self, path: Path | str, parent: QWidget | None = None, *, key_path: Path | None = None):
        super().__init__(parent)
        from mqp_desktop.domain.signoff import read_approval_file

        self.path = Path(path)
        self.approval: ApprovalFile = read_approval_file(self.path)  # ApprovalFileError: the caller says why
        self.written: Path | None = None
        self.review_pdf: Path | None = None
        self._review_folders: list[tuple[Path, QLockFile]] = []
        self.key_path = key_path or self._default_key_path()
        clean_review_leftovers()
        minutes = self.approval.minutes
        m = minutes.meeting
        self.setWindowTitle(f"Minutes for approval — {m.title}")
        self.setObjectName("approvalWindow")

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(14, 10, 14, 6)
        title = QLabel(f"<h2 style='margin:0'>Minutes for your approval</h2>"
                       f"<p style='margin:2px 0'><b>{html.escape(self.approval.subcommittee)}</b> — "
                       f"{html.escape(m.title)}"
                       + (f", {html.escape(m.venue)}" if m.venue else "") + "</p>")
        title.setWordWrap(True)
        layout.addWidget(title)
        facts = QLabel(
            f"Revision {self.approval.revision}, sent by the officer "
            f"{self._when(self.approval.exported_at)}. Fingerprint of the draft (SHA-256): "
            f"<code>{short_digest(self.approval.draft_digest)}</code>. File: {html.escape(self.path.name)}")
        facts.setObjectName("pageIntro")
        facts.setWordWrap(True)
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(facts)
        if self.approval.response is not None:
            r = self.approval.response
            done = QLabel(f"This file already holds a response: {'approved' if r.approved else 'comments'} by "
                          f"{html.escape(r.name)} on {r.on:%d %B %Y}. Saving a new response replaces it.")
            done.setWordWrap(True)
            done.setStyleSheet("QLabel { background:#fff4ce; padding:6px; border-radius:4px; }")
            layout.addWidget(done)

        key_frame = QFrame()
        key_frame.setObjectName("approvalKey")
        key_frame.setStyleSheet("#approvalKey { background:#f3f6fb; border:1px solid #d3dbe8; border-radius:4px; }")
        key_row = QHBoxLayout(key_frame)
        key_row.setContentsMargins(8, 4, 6, 4)
        self.key_label = QLabel()
        self.key_label.setObjectName("approvalKeyLabel")
        self.key_label.setWordWrap(True)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_row.addWidget(self.key_label, 1)
        self.create_key_button = QPushButton("Create my signing key…")
        self.create_key_button.clicked.connect(self.create_key)
        self.export_key_button = QPushButton("Export my public key…")
        self.export_key_button.setToolTip("Write the small file the officer imports once (then read them the "
                                          "fingerprint by phone)")
        self.export_key_button.clicked.connect(self.export_public_key)
        key_row.addWidget(self.create_key_button)
        key_row.addWidget(self.export_key_button)
        layout.addWidget(key_frame)

        review_row = QHBoxLayout()
        self.review_button = QPushButton("Review the minutes (PDF)")
        self.review_button.setToolTip("Open the minutes as members will receive them, in your PDF viewer")
        self.review_button.clicked.connect(self.review)
        review_row.addWidget(self.review_button)
        review_row.addWidget(QLabel("or read them below."), 1)
        layout.addLayout(review_row)

        from mqp_desktop.ui.pages.minutes_view import minutes_html

        self.preview = QTextBrowser()
        self.preview.setObjectName("approvalPreview")
        self.preview.setHtml(minutes_html(minutes))
        self.preview.setMinimumHeight(110)
        layout.addWidget(self.preview, 1)

        box = QGroupBox("Your response")
        form = QFormLayout(box)
        form.setContentsMargins(8, 4, 8, 6)
        self.name_edit = QLineEdit(minutes.chaired_by)
        self.name_edit.setObjectName("approvalName")
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(qdate(max(dt.date.today(), m.date)))
        self.date_edit.setMinimumDate(qdate(m.date))
        who = QHBoxLayout()
        who.addWidget(self.name_edit, 1)
        date_label = QLabel("&Date:")
        date_label.setBuddy(self.date_edit)
        who.addWidget(date_label)
        who.addWidget(self.date_edit)
        sig = QHBoxLayout()
        self.signature_edit = QLineEdit()
        self.signature_edit.setReadOnly(True)
        self.signature_edit.setPlaceholderText("none (optional: a PNG of your signature, at most 512 KB)")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose_signature)
        clear = QPushButton("Clear")
        clear.clicked.connect(self.signature_edit.clear)
        sig.addWidget(self.signature_edit, 1)
        sig.addWidget(choose)
        sig.addWidget(clear)
        self.comments_edit = QPlainTextEdit()
        self.comments_edit.setObjectName("approvalComments")
        self.comments_edit.setPlaceholderText("Only when returning the minutes: what should change")
        self.comments_edit.setFixedHeight(52)
        self.comments_edit.setTabChangesFocus(True)
        name_label = QLabel("Your &name:")
        name_label.setBuddy(self.name_edit)
        comments_label = QLabel("&Comments:")
        comments_label.setBuddy(self.comments_edit)
        form.addRow(name_label, who)
        form.addRow("Signature image:", sig)
        form.addRow(comments_label, self.comments_edit)

        scroll = QScrollArea()
        scroll.setObjectName("approvalScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 8)
        outer.setSpacing(4)
        outer.addWidget(scroll, 1)
        response = QWidget()
        response_layout = QVBoxLayout(response)
        response_layout.setContentsMargins(14, 0, 14, 0)
        response_layout.addWidget(box)
        outer.addWidget(response)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setContentsMargins(14, 0, 14, 0)
        outer.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(14, 0, 14, 0)
        buttons.addStretch(1)
        self.return_button = QPushButton("Return with comments…")
        self.return_button.clicked.connect(lambda: self.respond(approved=False))
        self.approve_button = QPushButton("Approve and sign…")
        self.approve_button.setDefault(True)
        self.approve_button.clicked.connect(lambda: self.respond(approved=True))
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        outer.addLayout(buttons)
        self.setCentralWidget(central)
        self.refresh_key()
        self._fit_to_screen(860, 820)

    def _fit_to_screen(self, width: int, height: int, area: QRect | None = None) -> None:
        """Open at ``width`` x ``height`` or the screen's available ``area``, whichever is smaller."""
        if area is None:
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is None:
                self.resize(width, height)
                return
            area = screen.availableGeometry()
        w, h = min(width, area.width() - 24), min(height, area.height() - 48)
        self.resize(w, h)
        self.move(area.x() + (area.width() - w) // 2, area.y() + max(0, (area.height() - h) // 2 - 12))

    @staticmethod
    def _default_key_path() -> Path:
        from mqp_desktop import paths

        return paths.chair_key_path()

    @staticmethod
    def _when(stamp: str) -> str:
        try:
            return f"on {dt.datetime.fromisoformat(stamp):%d %B %Y at %H:%M}"
        except (TypeError, ValueError):
            return ""

    # --- the chair's key --------------------------------------------------------------------------
    def keyfile(self):
        """The chair's key file on this computer, or None; a damaged one is shown in the key row."""
        from mqp_desktop.domain.chair_key import ChairKeyError, read_key_file

        if not self.key_path.is_file():
            return None
        try:
            return read_key_file(self.key_path)
        except ChairKeyError:
            return None

    def refresh_key(self) -> None:
        keyfile = self.keyfile()
        if keyfile is None and self.key_path.is_file():
            text = (f"<b>Your signing key could not be read</b> ({html.escape(str(self.key_path))}). Make a new one: "
                    "the officer will then need your new public key.")
        elif keyfile is None:
            text = ("<b>No signing key on this computer.</b> Your approval will carry your name only, not a "
                    "cryptographic signature; an officer who holds your key will refuse it.")
        else:
            public = keyfile.public
            text = (f"<b>Signing key:</b> {html.escape(public.name)} · fingerprint "
                    f"<code>{html.escape(public.spoken)}</code>. Approving signs the minutes and their PDF with it.")
        self.key_label.setText(text)
        self.create_key_button.setVisible(keyfile is None)
        self.export_key_button.setVisible(keyfile is not None)
        self.approve_button.setText("Approve and sign…")

    def create_key(self):
        """Open the dialog that makes the chair's key (returns it, open, for tests)."""
        from mqp_desktop.ui.dialogs.chair_key_dialogs import ChairKeyCreateDialog

        def save(name: str, passphrase: str) -> Path:
            from mqp_desktop.domain.chair_key import create_chair_key, write_key_file

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                keyfile = create_chair_key(name, passphrase)
                written = write_key_file(keyfile, self.key_path)
            except OSError as exc:
                raise ValidationError("name", f"The key could not be saved ({exc.strerror or exc}).") from None
            finally:
                QApplication.restoreOverrideCursor()
            self.refresh_key()
            self.message.setText(
                f"<b>Your signing key is made.</b> Fingerprint <code>{html.escape(keyfile.public.spoken)}</code>. "
                "Now <i>Export my public key…</i> and send that file to the officer; then read them the fingerprint "
                "by phone.")
            return written

        dialog = ChairKeyCreateDialog(save=save, name=self.name_edit.text(), where=str(self.key_path), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.key_dialog = dialog
        return dialog

    def choose_public_key_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Export my public key", str(suggested),
                                              "Chair's public key (*.mqpchairkey)")
        return Path(name) if name else None

    def export_public_key(self) -> Path | None:
        from mqp_desktop.domain.chair_key import write_public_key

        keyfile = self.keyfile()
        if keyfile is None:
            return None
        stem = "".join(c if c.isalnum() or c in "-_ " else "-" for c in keyfile.public.name).strip() or "chair"
        target = self.choose_public_key_path(self.path.with_name(f"{stem} - public key.mqpchairkey"))
        if target is None:
            return None
        try:
            written = write_public_key(keyfile.public, target)
        except OSError as exc:
            self.show_problem("Public key not saved", f"The file could not be written ({exc.strerror or exc}).",
                              "Choose another folder, e.g. your Documents.")
            return None
        self.message.setText(f"<b>Saved your public key</b>: {html.escape(str(written))}. Send it to the officer, "
                             f"then read them this fingerprint by phone: <code>{keyfile.public.spoken}</code>.")
        return written

    def ask_passphrase(self, name: str) -> str | None:
        """The key's passphrase, typed without echo (tests replace this); None when cancelled."""
        text, ok = QInputDialog.getText(self, "Sign with your key", f"Passphrase of the signing key of {name}:",
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    # --- overridable --------------------------------------------------------------------------
    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def choose_signature(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Signature image", str(self.path.parent), PNG_FILTER)
        return Path(name) if name else None

    def choose_response_path(self, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Save your response", str(suggested),
                                              "Minutes approval file (*.mqpminutes)")
        return Path(name) if name else None

    def show_problem(self, title: str, problem: str, remedy: str = "") -> None:
        from mqp_desktop.ui.errors import show_warning

        self.message.setText(f"<span style='color:#b3261e'><b>{html.escape(problem)}</b> {html.escape(remedy)}</span>")
        show_warning(self, title, problem, remedy)

    # --- doing ----------------------------------------------------------------------------------
    def _choose_signature(self) -> None:
        path = self.choose_signature()
        if path is not None:
            self.signature_edit.setText(str(path))

    def _review_folder(self) -> Path:
        folder = Path(tempfile.mkdtemp(prefix=REVIEW_PREFIX))
        lock = QLockFile(str(folder / LOCK_NAME))
        lock.setStaleLockTime(0)
        lock.tryLock(0)
        self._review_folders.append((folder, lock))
        return folder

    def review(self) -> Path | None:
        try:
            from mqp_desktop.exporters.minutes_pdf import minutes_pdf_from
        except ImportError:
            self.show_problem("No PDF", "This copy of the program cannot make PDF minutes yet.",
                              "Read the minutes in the window instead.")
            return None
        folder = self._review_folder()
        target = folder / f"Draft minutes - {self.approval.minutes.meeting.title}.pdf"
        try:
            written = Path(minutes_pdf_from(self.approval.minutes, target))
        except (OSError, ValueError) as exc:
            from mqp_desktop.ui.errors import problem_and_remedy

            self.show_problem("PDF not made", *problem_and_remedy(exc))
            return None
        self.review_pdf = written
        self.open_file(written)
        return written

    def remove_review_files(self) -> None:
        """The review PDFs this window made, gone (the PDF viewer may still show its copy)."""
        for folder, lock in self._review_folders:
            lock.unlock()
            shutil.rmtree(folder, ignore_errors=True)
        self._review_folders.clear()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.remove_review_files()
        super().closeEvent(event)

    def respond(self, *, approved: bool) -> Path | None:
        from mqp_desktop.domain.signoff import respond, write_approval_file

        try:
            png = read_signature(self.signature_edit.text()) if approved else None
            answered = respond(self.approval, self.name_edit.text(), pydate(self.date_edit.date()),
                               approved=approved, comments=self.comments_edit.toPlainText(), signature_png=png)
        except ValidationError as exc:
            self.show_problem("Response not saved", exc.message)
            return None
        stem = self.path.stem.removesuffix(" - for approval")
        suggested = self.path.with_name(f"{stem} - {'signed' if approved else 'comments'}.mqpminutes")
        keyfile = self.keyfile() if approved else None
        signed_with = ""
        if keyfile is not None:
            answered = self._sign(answered, keyfile)
            if answered is None:
                return None
            signed_with = keyfile.public.spoken
        target = self.choose_response_path(suggested)
        if target is None:
            return None
        try:
            written = write_approval_file(answered, target)
        except OSError as exc:
            self.show_problem("Response not saved", f"The file could not be written ({exc.strerror or exc}).",
                              "Choose another folder, e.g. your Documents.")
            return None
        self.approval = answered
        self.written = written
        if not approved:
            what = "returned with your comments"
        elif signed_with:
            what = f"approved and signed with your key (<code>{signed_with}</code>), with the signed PDF"
        else:
            what = "approved, by name only (no signing key on this computer)"
        self.message.setText(f"<b>Saved: the minutes {what}.</b> Send this file back to the officer by email: "
                             f"{html.escape(str(written))}")
        self._answered()
        return written

    def _answered(self) -> None:
        """The response is written: nothing is left to approve or return here (issue 14). "Return with
        comments…" is disabled and "Approve and sign…" becomes Close, so a second click cannot write a second,
        different response over the one the chair has just saved."""
        self.return_button.setEnabled(False)
        self.approve_button.clicked.disconnect()
        self.approve_button.setText("Close")
        self.approve_button.setToolTip("Your response is saved; send the file to the officer")
        self.approve_button.clicked.connect(self.close)
        for edit in (self.name_edit, self.comments_edit):
            edit.setReadOnly(True)
        self.date_edit.setReadOnly(True)

    def _sign(self, answered: ApprovalFile, keyfile) -> ApprovalFile | None:
        """The approval signed with the chair's key, after the passphrase; None when not signed."""
        from mqp_desktop.domain.chair_key import ChairKeyError, unlock
        from mqp_desktop.exporters.minutes_signature import sign_approval

        passphrase = self.ask_passphrase(keyfile.public.name)
        if passphrase is None:
            return None
        signed, problem = None, None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            signed = sign_approval(answered, unlock(keyfile, passphrase))
        except ChairKeyError as exc:
            problem = (exc.problem, exc.remedy)
        except (OSError, ValueError) as exc:
            problem = (f"The signed minutes could not be made ({exc}).",
                       "Try again; if it happens again, return the minutes with a comment instead.")
        finally:
            QApplication.restoreOverrideCursor()
        if problem is not None:
            self.show_problem("Not signed", *problem)
        return signed


def open_approval_window(path: Path | str, parent: QWidget | None = None) -> ApprovalWindow | ApprovalFileError:
    """The chair's window for ``path``, or the reason the file cannot be opened."""
    try:
        return ApprovalWindow(path, parent)
    except ApprovalFileError as exc:
        return exc

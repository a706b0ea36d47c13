"""Dialogs of the minutes: declarations, actions, updates, sign-off; and the chair's approval window.

The dialogs follow ``dialogs/common.py``: OK builds the record and calls the
``save`` callable they were given; a refusal is shown under its field and the
dialog stays open.

:class:`ApprovalWindow` is the chair's side of sign-off and needs no database:
it reads a ``.mqpminutes`` file (``domain/signoff.py``), shows the meeting and
the minutes, renders them to PDF to review, and writes the chair's response
(approved and signed, or returned with comments) to a file the chair sends back.
The file choosers and :meth:`ApprovalWindow.open_file` are methods tests replace.
"""

from __future__ import annotations

import datetime as dt
import html
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.actions import Action, ActionStatus
from mqp_desktop.domain.minutes import Declaration
from mqp_desktop.domain.model import Member
from mqp_desktop.domain.signoff import ApprovalFile, ApprovalFileError, short_digest
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, FieldErrors, OptionalDate, RecordDialog, pydate, qdate
from mqp_desktop.ui.generated.ui_minutes_action_dialog import Ui_MinutesActionDialog
from mqp_desktop.ui.generated.ui_minutes_action_update_dialog import Ui_ActionUpdateDialog
from mqp_desktop.ui.generated.ui_minutes_declaration_dialog import Ui_DeclarationDialog
from mqp_desktop.ui.generated.ui_minutes_sign_dialog import Ui_SignMinutesDialog

GUEST = "guest"
MANAGED_SUGGESTIONS = ("noted; took part in the discussion", "took no part in the discussion or decision",
                       "left the room for the item", "the chair agreed they could stay and contribute")
PNG_FILTER = "PNG image (*.png)"


def _ok_text(buttons: QDialogButtonBox, text: str) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)


def read_signature(path: str) -> bytes | None:
    """The chosen signature image's bytes (None when none was chosen); a file that cannot be read says so."""
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError("signature", f"The signature image could not be read ({exc.strerror or exc}).") from exc


class DeclarationDialog(RecordDialog):
    """A declaration of interest (ToR 11): member or guest, item, nature, how managed. ``save(Declaration)``."""

    error_title = "Declaration not saved"

    def __init__(self, declaration: Declaration, members: Sequence[Member], items: Sequence[tuple[int, str]],
                 *, save: Callable[[Declaration], object], title: str = "Declaration of interest",
                 intro: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DeclarationDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        self._save = save
        self.declaration = declaration
        _ok_text(ui.buttonBox, "Save declaration")
        ui.introLabel.setText(intro or "Record who declared an interest, on which item, and how it was managed.")
        for m in members:
            ui.whoCombo.addItem(m.display_name, m.id)
        ui.whoCombo.addItem("A guest (name below)", GUEST)
        ui.itemCombo.addItem("The meeting generally", None)
        for item_id, text in items:
            ui.itemCombo.addItem(text, item_id)
        ui.managedCombo.addItems(["", *MANAGED_SUGGESTIONS])
        if declaration.member_id is not None:
            ui.whoCombo.setCurrentIndex(max(0, ui.whoCombo.findData(declaration.member_id)))
        elif declaration.guest_name:
            ui.whoCombo.setCurrentIndex(ui.whoCombo.findData(GUEST))
        ui.guestEdit.setText(declaration.guest_name)
        ui.itemCombo.setCurrentIndex(max(0, ui.itemCombo.findData(declaration.item_id)))
        ui.natureEdit.setText(declaration.nature)
        ui.managedCombo.setCurrentText(declaration.managed)
        ui.whoCombo.currentIndexChanged.connect(self._who_changed)
        self._who_changed()
        self.errors = FieldErrors(self, {"member": ui.whoCombo, "nature": ui.natureEdit, "item": ui.itemCombo},
                                  ui.errorLabel)
        ui.natureEdit.setFocus()

    def _who_changed(self) -> None:
        guest = self.ui.whoCombo.currentData() == GUEST
        self.ui.guestEdit.setEnabled(guest)
        self.ui.guestLabel.setEnabled(guest)

    def build(self) -> tuple:
        ui = self.ui
        who = ui.whoCombo.currentData()
        return (Declaration(
            meeting_id=self.declaration.meeting_id, id=self.declaration.id,
            member_id=None if who == GUEST else who,
            guest_name=ui.guestEdit.text() if who == GUEST else "",
            item_id=ui.itemCombo.currentData(), nature=ui.natureEdit.text(), managed=ui.managedCombo.currentText(),
        ),)


class MinutesActionDialog(RecordDialog):
    """A new action from the meeting: item, what, owner (a member or a name), due date. ``save(Action)``."""

    error_title = "Action not saved"

    def __init__(self, action: Action, members: Sequence[Member], items: Sequence[tuple[int, str]],
                 *, save: Callable[[Action], object], title: str = "New action", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_MinutesActionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        self._save = save
        self.action = action
        _ok_text(ui.buttonBox, "Add action" if action.id is None else "Save action")
        ui.introLabel.setText("The action is numbered when it is added (e.g. 2026-10/3) and keeps its number. "
                              "Owner: choose a member, or type the name of someone else.")
        ui.itemCombo.addItem("The meeting generally", None)
        for item_id, text in items:
            ui.itemCombo.addItem(text, item_id)
        ui.itemCombo.setCurrentIndex(max(0, ui.itemCombo.findData(action.item_id)))
        ui.ownerCombo.addItem("", None)
        for m in members:
            ui.ownerCombo.addItem(m.display_name, m.id)
        if action.owner_member_id is not None:
            ui.ownerCombo.setCurrentIndex(max(0, ui.ownerCombo.findData(action.owner_member_id)))
        else:
            ui.ownerCombo.setCurrentText(action.owner_name)
        ui.descriptionEdit.setPlainText(action.description)
        ui.descriptionEdit.setMaximumHeight(90)
        ui.dueCheck.setText("")
        self.due = OptionalDate(ui.dueCheck, ui.dueEdit, action.due_date,
                                default=lambda: dt.date.today() + dt.timedelta(days=28))
        self.errors = FieldErrors(self, {"description": ui.descriptionEdit, "owner": ui.ownerCombo,
                                         "item": ui.itemCombo}, ui.errorLabel)
        ui.descriptionEdit.setFocus()

    def owner(self) -> tuple[int | None, str]:
        combo = self.ui.ownerCombo
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if text and index > 0:
            return combo.itemData(index), ""
        return None, text

    def build(self) -> tuple:
        member_id, name = self.owner()
        return (Action(meeting_id=self.action.meeting_id, id=self.action.id,
                       description=self.ui.descriptionEdit.toPlainText(), owner_member_id=member_id,
                       owner_name=name, due_date=self.due.value(), item_id=self.ui.itemCombo.currentData()),)


class ActionUpdateDialog(RecordDialog):
    """The update given at this meeting on a carried-forward action. ``save(status, note, on)``."""

    error_title = "Update not recorded"

    def __init__(self, heading: str, status: str, on: dt.date, *, save: Callable[[ActionStatus, str, dt.date], object],
                 note: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ActionUpdateDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        _ok_text(ui.buttonBox, "Record update")
        ui.introLabel.setText(heading)
        for s in ActionStatus:
            ui.statusCombo.addItem(s.value, s.value)
        ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findText(status)))
        ui.noteEdit.setText(note)
        ui.dateEdit.setDisplayFormat(DATE_FORMAT)
        ui.dateEdit.setDate(qdate(on))
        self.errors = FieldErrors(self, {"status": ui.statusCombo, "note": ui.noteEdit, "on": ui.dateEdit},
                                  ui.errorLabel)
        ui.statusCombo.setFocus()

    def build(self) -> tuple:
        return (ActionStatus(self.ui.statusCombo.currentData()), self.ui.noteEdit.text().strip(), pydate(self.ui.dateEdit.date()))


class SignMinutesDialog(RecordDialog):
    """The chair signs the minutes: name, date, an optional signature image. ``save(name, on, png_bytes)``."""

    error_title = "Minutes not signed"

    def __init__(self, intro: str, *, save: Callable[[str, dt.date, bytes | None], object], name: str = "",
                 earliest: dt.date | None = None, ok_text: str = "Sign and lock", title: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_SignMinutesDialog()
        self.ui.setupUi(self)
        ui = self.ui
        if title:
            self.setWindowTitle(title)
        self._save = save
        _ok_text(ui.buttonBox, ok_text)
        ui.introLabel.setText(intro)
        ui.nameEdit.setText(name)
        ui.dateEdit.setDisplayFormat(DATE_FORMAT)
        today = dt.date.today()
        ui.dateEdit.setDate(qdate(max(today, earliest) if earliest else today))
        if earliest is not None:
            ui.dateEdit.setMinimumDate(qdate(earliest))
        ui.signatureButton.clicked.connect(self._choose)
        ui.clearSignatureButton.clicked.connect(ui.signatureEdit.clear)
        self.errors = FieldErrors(self, {"by": ui.nameEdit, "name": ui.nameEdit, "on": ui.dateEdit,
                                         "signature": ui.signatureEdit}, ui.errorLabel)
        ui.nameEdit.setFocus()

    def choose_signature(self) -> Path | None:
        """Ask for the signature image (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(self, "Signature image", "", PNG_FILTER)
        return Path(name) if name else None

    def _choose(self) -> None:
        path = self.choose_signature()
        if path is not None:
            self.ui.signatureEdit.setText(str(path))

    def build(self) -> tuple:
        return (self.ui.nameEdit.text().strip(), pydate(self.ui.dateEdit.date()),
                read_signature(self.ui.signatureEdit.text()))


# --- the chair's side: no database ---------------------------------------------------------------

class ApprovalWindow(QMainWindow):
    """A ``.mqpminutes`` file on the chair's laptop: read, review, approve and sign, or return with comments."""

    def __init__(self, path: Path | str, parent: QWidget | None = None):
        super().__init__(parent)
        from mqp_desktop.domain.signoff import read_approval_file

        self.path = Path(path)
        self.approval: ApprovalFile = read_approval_file(self.path)  # ApprovalFileError: the caller says why
        self.written: Path | None = None
        self.review_pdf: Path | None = None
        minutes = self.approval.minutes
        m = minutes.meeting
        self.setWindowTitle(f"Minutes for approval — {m.title}")
        self.setObjectName("approvalWindow")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(14, 12, 14, 10)
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
        layout.addWidget(self.preview, 1)

        box = QGroupBox("Your response")
        form = QFormLayout(box)
        self.name_edit = QLineEdit(minutes.chaired_by)
        self.name_edit.setObjectName("approvalName")
        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat(DATE_FORMAT)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(qdate(max(dt.date.today(), m.date)))
        self.date_edit.setMinimumDate(qdate(m.date))
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
        self.comments_edit.setMaximumHeight(70)
        self.comments_edit.setTabChangesFocus(True)
        form.addRow("Your &name:", self.name_edit)
        form.addRow("&Date:", self.date_edit)
        form.addRow("Signature image:", sig)
        form.addRow("&Comments:", self.comments_edit)
        layout.addWidget(box)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.return_button = QPushButton("Return with comments…")
        self.return_button.clicked.connect(lambda: self.respond(approved=False))
        self.approve_button = QPushButton("Approve and sign…")
        self.approve_button.setDefault(True)
        self.approve_button.clicked.connect(lambda: self.respond(approved=True))
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)
        self.setCentralWidget(central)
        self.resize(860, 820)

    @staticmethod
    def _when(stamp: str) -> str:
        try:
            return f"on {dt.datetime.fromisoformat(stamp):%d %B %Y at %H:%M}"
        except (TypeError, ValueError):
            return ""

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

    def review(self) -> Path | None:
        try:
            from mqp_desktop.exporters.minutes_pdf import minutes_pdf_from
        except ImportError:
            self.show_problem("No PDF", "This copy of the program cannot make PDF minutes yet.",
                              "Read the minutes in the window instead.")
            return None
        folder = Path(tempfile.mkdtemp(prefix="mqp-review-"))
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
        what = "signed" if approved else "returned with your comments"
        self.message.setText(f"<b>Saved: the minutes {what}.</b> Send this file back to the officer by email: "
                             f"{html.escape(str(written))}")
        return written


def open_approval_window(path: Path | str, parent: QWidget | None = None) -> ApprovalWindow | ApprovalFileError:
    """The chair's window for ``path``, or the reason the file cannot be opened."""
    try:
        return ApprovalWindow(path, parent)
    except ApprovalFileError as exc:
        return exc

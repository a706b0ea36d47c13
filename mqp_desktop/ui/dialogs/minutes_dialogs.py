"""Dialogs of the minutes: declarations, actions, updates, sign-off.

The dialogs follow ``dialogs/common.py``: OK builds the record and calls the
``save`` callable they were given; a refusal is shown under its field and the
dialog stays open.

The chair's approval window is in ``approval_window.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget

from mqp_desktop.domain.actions import Action, ActionStatus
from mqp_desktop.domain.minutes import Declaration
from mqp_desktop.domain.model import Member
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
KEY_FILTER = "Signing key (*.json);;All files (*)"


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
        self._show(declaration)
        ui.whoCombo.currentIndexChanged.connect(self._who_changed)
        self._who_changed()
        self.errors = FieldErrors(self, {"member": ui.whoCombo, "nature": ui.natureEdit, "item": ui.itemCombo},
                                  ui.errorLabel)
        ui.natureEdit.setFocus()

    def _show(self, declaration: Declaration) -> None:
        ui = self.ui
        if declaration.member_id is not None:
            ui.whoCombo.setCurrentIndex(max(0, ui.whoCombo.findData(declaration.member_id)))
        elif declaration.guest_name:
            ui.whoCombo.setCurrentIndex(ui.whoCombo.findData(GUEST))
        ui.guestEdit.setText(declaration.guest_name)
        ui.itemCombo.setCurrentIndex(max(0, ui.itemCombo.findData(declaration.item_id)))
        ui.natureEdit.setText(declaration.nature)
        ui.managedCombo.setCurrentText(declaration.managed)

    def conflict_base(self) -> Declaration | None:
        return self.declaration if self.declaration.id is not None else None

    def show_record(self, record: Declaration, *, as_read: Declaration) -> None:
        self.declaration = as_read
        self._show(record)
        self._who_changed()

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
            removed=self.declaration.removed, row_version=self.declaration.row_version,
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
                       owner_name=name, due_date=self.due.value(), item_id=self.ui.itemCombo.currentData(),
                       row_version=self.action.row_version),)


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
    """The chair signs the minutes: name, date, an optional signature image, and optionally the chair's
    key file with its passphrase (a cryptographic signature). ``save(name, on, png_bytes, key_path,
    passphrase)``; ``key_path`` is None for a sign-off by name only."""

    error_title = "Minutes not signed"

    def __init__(self, intro: str, *, save: Callable[..., object], name: str = "",
                 earliest: dt.date | None = None, ok_text: str = "Sign and lock", title: str = "",
                 key_note: str = "", parent: QWidget | None = None):
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
        ui.keyButton.clicked.connect(self._choose_key)
        ui.clearKeyButton.clicked.connect(ui.keyEdit.clear)
        ui.keyEdit.textChanged.connect(self._key_changed)
        ui.keyNoteLabel.setText(key_note or (
            "Without the chair's key file this sign-off is by name only: it carries <b>no cryptographic "
            "signature</b>. With it (the chair present, typing the passphrase), the minutes and their PDF are "
            "signed with the chair's key."))
        ui.keyNoteLabel.setObjectName("pageIntro")
        self._key_changed()
        self.errors = FieldErrors(self, {"by": ui.nameEdit, "name": ui.nameEdit, "on": ui.dateEdit,
                                         "signature": ui.signatureEdit, "passphrase": ui.passphraseEdit,
                                         "key": ui.keyEdit, "file": ui.keyEdit, "format": ui.keyEdit},
                                  ui.errorLabel)
        ui.nameEdit.setFocus()

    def choose_signature(self) -> Path | None:
        """Ask for the signature image (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(self, "Signature image", "", PNG_FILTER)
        return Path(name) if name else None

    def choose_key(self) -> Path | None:
        """Ask for the chair's key file (tests replace this)."""
        name, _ = QFileDialog.getOpenFileName(self, "The chair's signing key", "", KEY_FILTER)
        return Path(name) if name else None

    def _choose(self) -> None:
        path = self.choose_signature()
        if path is not None:
            self.ui.signatureEdit.setText(str(path))

    def _choose_key(self) -> None:
        path = self.choose_key()
        if path is not None:
            self.ui.keyEdit.setText(str(path))
            self.ui.passphraseEdit.setFocus()

    def _key_changed(self) -> None:
        chosen = bool(self.ui.keyEdit.text())
        self.ui.passphraseEdit.setEnabled(chosen)
        self.ui.passphraseLabel.setEnabled(chosen)
        if not chosen:
            self.ui.passphraseEdit.clear()

    def build(self) -> tuple:
        key = self.ui.keyEdit.text()
        return (self.ui.nameEdit.text().strip(), pydate(self.ui.dateEdit.date()),
                read_signature(self.ui.signatureEdit.text()), Path(key) if key else None,
                self.ui.passphraseEdit.text())

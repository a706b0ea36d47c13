"""The password dialogs: opening an encrypted database; encrypting, changing or removing its password.

Both follow the dialogs' contract (``dialogs/common.py``): on OK they call the callable they were
given, and a :class:`ValidationError` is shown under its field with the dialog left open. A wrong
password is said in the dialog itself (the field emptied, ready to type again); Cancel changes
nothing. The passwords typed are held only by the fields and passed on; nothing keeps them.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.encryption import MIN_PASSWORD_LENGTH, check_new_password
from mqp_desktop.store.errors import WrongPassword
from mqp_desktop.ui.dialogs.common import ERROR_COLOUR, FieldErrors
from mqp_desktop.ui.dialogs.common import FittedDialog as _FittedDialog
from mqp_desktop.ui.generated.ui_password_change_dialog import Ui_PasswordChangeDialog
from mqp_desktop.ui.generated.ui_password_dialog import Ui_PasswordDialog

ENCRYPT, CHANGE, REMOVE = "encrypt", "change", "remove"
NOT_RIGHT = "The password is not right. Type it again (capital letters count), or press Cancel."
FORGOTTEN = (
    "<b>A forgotten password cannot be recovered</b>, by anyone, and without it the database cannot be opened. "
    "Keep it somewhere safe that the partnership controls (a password manager, or a sealed note with the "
    "business support manager), and tell whoever stands in for you where it is."
)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _show_typing(check, edits: list[QLineEdit]) -> None:
    def toggled(on: bool) -> None:
        for edit in edits:
            edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)

    check.toggled.connect(toggled)


class PasswordDialog(_FittedDialog):
    """Asks for the password of the encrypted database at ``path``; OK calls ``open_with(password)``.

    ``saved`` is what ``open_with`` returned (the opened store). :class:`WrongPassword` from it is
    said under the field, which is emptied for another try.
    """

    error_title = "Not opened"

    def __init__(self, path: Path, *, open_with: Callable[[str], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_PasswordDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.path = Path(path)
        self._open_with = open_with
        self._save = self._open
        self.attempts = 0
        self.setWindowTitle(f"Password for {self.path.name}")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Open")
        ui.explanationLabel.setText(
            f"<b>{_html(self.path.name)}</b> is encrypted with a password (or it is not a database at all: "
            "without the password the two look the same).<br>Type its password to open it."
        )
        ui.explanationLabel.setToolTip(str(self.path))
        _show_typing(ui.showCheck, [ui.passwordEdit])
        self.errors = FieldErrors(self, {"password": ui.passwordEdit}, ui.errorLabel)
        ui.passwordEdit.setFocus()

    def build(self) -> tuple:
        password = self.ui.passwordEdit.text()
        if not password:
            raise ValidationError("password", "Type the password, or press Cancel.")
        return (password,)

    def _open(self, password: str) -> object:
        self.attempts += 1
        try:
            return self._open_with(password)
        except WrongPassword as exc:
            self.ui.passwordEdit.clear()
            raise ValidationError("password", NOT_RIGHT) from exc


class PasswordChangeDialog(_FittedDialog):
    """Encrypt with a password, change it, or remove it (``mode``), after saying plainly what happens.

    ``current``: the database's password now (CHANGE, REMOVE), which must be typed again; the typed
    value is compared with it, never stored. OK calls ``save(new_password)`` (None for REMOVE).
    """

    error_title = "Not changed"

    def __init__(
        self,
        mode: str,
        path: Path,
        *,
        save: Callable[[str | None], object],
        current: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_PasswordChangeDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.mode = mode
        self.path = Path(path)
        self._current = current
        self._save = save
        name = f"<b>{_html(self.path.name)}</b>"
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ui.warningLabel.setStyleSheet("QLabel { background: #fff4ce; color: #4d3b00; border: 1px solid #e6d38a;"
                                      " border-radius: 4px; padding: 6px; }")
        if mode == ENCRYPT:
            self.setWindowTitle("Encrypt with a password")
            ok.setText("Encrypt")
            ui.explanationLabel.setText(
                f"{name} will be encrypted: from now on it opens only with this password, here and in the "
                "command line, and the file is unreadable to anyone who copies it without the password.<br><br>"
                "Copies made before now (the copies kept before a format update, and any backups) are not "
                "encrypted: delete them or keep them as safe as the file was."
            )
            ui.warningLabel.setText(FORGOTTEN)
        elif mode == CHANGE:
            self.setWindowTitle("Change password")
            ok.setText("Change password")
            ui.explanationLabel.setText(
                f"{name} will open only with the new password. Backups made before now still open with the "
                "old one."
            )
            ui.warningLabel.setText(FORGOTTEN)
        else:
            self.setWindowTitle("Remove password")
            ok.setText("Remove password")
            ui.explanationLabel.setText(
                f"{name} will no longer be encrypted: it will open without a password, and <b>anyone who has "
                "the file, or a copy of it, will be able to read it</b> (members' contact details, minutes, "
                "audits)."
            )
            ui.warningLabel.setText("Keep the file in a folder only you can open, or encrypt it again later "
                                    "(File › Encrypt with a password…).")
        ui.newEdit.setToolTip(f"At least {MIN_PASSWORD_LENGTH} characters. A few words that mean something to the "
                              "partnership but not to anyone else are easy to remember and hard to guess.")
        asks_current = mode in (CHANGE, REMOVE)
        asks_new = mode in (ENCRYPT, CHANGE)
        for widget in (ui.currentLabel, ui.currentEdit):
            widget.setVisible(asks_current)
        for widget in (ui.newLabel, ui.newEdit, ui.againLabel, ui.againEdit, ui.safeCheck):
            widget.setVisible(asks_new)
        _show_typing(ui.showCheck, [ui.currentEdit, ui.newEdit, ui.againEdit])
        self.errors = FieldErrors(
            self,
            {"current": ui.currentEdit, "password": ui.newEdit, "password_again": ui.againEdit,
             "safe": ui.safeCheck},
            ui.errorLabel,
        )
        (ui.currentEdit if asks_current else ui.newEdit).setFocus()
        ui.errorLabel.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.adjustSize()

    def build(self) -> tuple:
        ui = self.ui
        if self.mode in (CHANGE, REMOVE):
            typed = ui.currentEdit.text()
            if not typed:
                raise ValidationError("current", "Type the database's current password.")
            if not hmac.compare_digest(typed.encode("utf-8"), (self._current or "").encode("utf-8")):
                ui.currentEdit.clear()
                raise ValidationError("current", "This is not the database's current password: type it again.")
        if self.mode == REMOVE:
            return (None,)
        new = check_new_password(ui.newEdit.text(), ui.againEdit.text())
        if self.mode == CHANGE and new == self._current:
            raise ValidationError("password", "The new password is the same as the current one: type a different one.")
        if not ui.safeCheck.isChecked():
            raise ValidationError("safe", "Tick this once the password is kept somewhere safe: without it the "
                                          "database cannot be opened.")
        return (new,)

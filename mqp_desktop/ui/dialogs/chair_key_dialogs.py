"""The chair's signing key in the window: making it (the chair's laptop) and holding its public half
(the officer's database). The dialogs follow ``dialogs/common.py``: OK builds the values and calls the
``save`` callable they were given; a refusal is shown under its field and the dialog stays open.
File choosers are methods tests replace."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget

from mqp_desktop.domain.chair_key import PUBLIC_EXTENSION, ChairKeyError, ChairPublicKey, RegisteredChairKey
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.ui.dialogs.common import FieldErrors, RecordDialog
from mqp_desktop.ui.generated.ui_chair_key_create_dialog import Ui_ChairKeyCreateDialog
from mqp_desktop.ui.generated.ui_chair_key_dialog import Ui_ChairKeyDialog

PUBLIC_KEY_FILTER = f"Chair's public key (*{PUBLIC_EXTENSION})"


def fingerprint_html(spoken: str) -> str:
    """The six groups, large and spaced, to read by phone."""
    return (f"<span style='font-size:14pt; font-family:monospace'>"
            f"{' &nbsp;'.join(html.escape(g) for g in spoken.split())}</span>")


class ChairKeyCreateDialog(RecordDialog):
    """The chair makes their signing key: name and passphrase (twice). ``save(name, passphrase)``."""

    error_title = "Signing key not made"

    def __init__(self, *, save: Callable[[str, str], object], name: str = "", where: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ChairKeyCreateDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Create my key")
        ui.introLabel.setText(
            "Your signing key lets the officer's program prove that <b>you</b> approved the minutes, and lets "
            "anyone's PDF reader show whether the signed minutes were changed afterwards. It is kept on this "
            "computer only" + (f" (<code>{html.escape(where)}</code>)" if where else "") + ", locked with your "
            "passphrase. <b>A forgotten passphrase cannot be recovered</b>: you would make a new key and send it "
            "to the officer again.")
        ui.nameEdit.setText(name)
        self.errors = FieldErrors(self, {"name": ui.nameEdit, "passphrase": ui.passphraseEdit,
                                         "repeat": ui.repeatEdit}, ui.errorLabel)
        (ui.passphraseEdit if name else ui.nameEdit).setFocus()

    def build(self) -> tuple:
        ui = self.ui
        if ui.passphraseEdit.text() != ui.repeatEdit.text():
            raise ValidationError("repeat", "The two passphrases differ: type the same one twice.")
        return ui.nameEdit.text(), ui.passphraseEdit.text()


class ChairKeyDialog(RecordDialog):
    """The officer's side: the chair's key held (and those replaced), and importing the key the chair sent
    after reading its fingerprint by phone. ``read(path) -> ChairPublicKey``; ``save(public, reason)``."""

    error_title = "Chair's key not imported"

    def __init__(self, keys: Sequence[RegisteredChairKey], *, read: Callable[[Path], ChairPublicKey],
                 save: Callable[[ChairPublicKey, str], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ChairKeyDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self._read = read
        self.public: ChairPublicKey | None = None
        self.current = next((k for k in keys if k.current), None)
        ui.introLabel.setText(
            "The chair makes a signing key on their own laptop (in the window for minutes sent for approval: "
            "<i>Create my signing key…</i>) and sends you its public half. Once it is held here, a response from "
            "the chair is accepted only when signed with it, and <b>Verify</b> checks the signature and the "
            "signed PDF. Compare the fingerprint <b>with the chair by phone</b> before you import it.")
        if self.current is None:
            ui.currentLabel.setText("No key yet: minutes are signed by name only (no cryptographic signature).")
        else:
            k = self.current
            ui.currentLabel.setText(f"<b>{html.escape(k.name)}</b>, key made {k.public.created_on:%d %B %Y}, "
                                    f"imported {k.imported_at[:10]}<br>{fingerprint_html(k.spoken)}")
        replaced = [k for k in keys if not k.current]
        ui.historyLabel.setText("<br>".join(
            f"Replaced {html.escape(k.replaced_at[:10])}: {html.escape(k.name)} ({html.escape(k.spoken)}) — "
            f"{html.escape(k.replaced_reason)}" for k in reversed(replaced)))
        ui.historyLabel.setVisible(bool(replaced))
        ui.reasonLabel.setVisible(self.current is not None)
        ui.reasonEdit.setVisible(self.current is not None)
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Replace the chair's key" if self.current else "Import this key")
        ok.setEnabled(False)
        ui.chooseButton.clicked.connect(self._choose)
        self.errors = FieldErrors(self, {"file": ui.fileEdit, "format": ui.fileEdit, "key": ui.fileEdit,
                                         "certificate": ui.fileEdit, "fingerprint": ui.fileEdit,
                                         "reason": ui.reasonEdit}, ui.errorLabel)
        ui.chooseButton.setFocus()

    def choose_key_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "The chair's public key", "", PUBLIC_KEY_FILTER)
        return Path(name) if name else None

    def _choose(self) -> None:
        path = self.choose_key_file()
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> ChairPublicKey | None:
        """Read the chosen file and show whose key it holds, with its fingerprint to compare."""
        ui = self.ui
        ui.fileEdit.setText(str(path))
        self.public = None
        self.errors.clear()
        try:
            public = self._read(path)
        except ChairKeyError as exc:
            ui.fileKeyLabel.setText("")
            self.errors.show_error(exc)
            ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return None
        self.public = public
        same = self.current is not None and self.current.fingerprint == public.fingerprint
        ui.fileKeyLabel.setText(
            f"The signing key of <b>{html.escape(public.name)}</b>, made {public.created_on:%d %B %Y}. Read this "
            f"fingerprint to the chair by phone; it must be the one their program shows:<br>"
            f"{fingerprint_html(public.spoken)}" + ("<br><b>This is the key already held.</b>" if same else ""))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not same)
        return public

    def build(self) -> tuple:
        if self.public is None:
            raise ValidationError("file", "Choose the key file the chair sent.")
        return self.public, self.ui.reasonEdit.text()

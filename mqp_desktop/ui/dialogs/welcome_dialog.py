"""The first run's welcome: how to start, asked once (ToR template, blank, the demonstration, a file)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from mqp_desktop.ui.generated.ui_welcome_dialog import Ui_WelcomeDialog

# The choices, as :attr:`WelcomeDialog.choice` says them.
TEMPLATE, BLANK, DEMO, OPEN = "template", "blank", "demo", "open"


class WelcomeDialog(QDialog):
    """Four ways to start; :attr:`choice` is the one clicked (None when the user quits)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_WelcomeDialog()
        self.ui.setupUi(self)
        self.choice: str | None = None
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("&Quit")
        self.ui.buttonBox.rejected.connect(self.reject)
        for button, choice in ((self.ui.templateButton, TEMPLATE), (self.ui.blankButton, BLANK),
                               (self.ui.demoButton, DEMO), (self.ui.openButton, OPEN)):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        self.ui.templateButton.setDefault(True)
        self.ui.templateButton.setFocus()

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

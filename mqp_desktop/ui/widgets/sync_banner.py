"""The warning shown above the pages when the database is in a synced folder or on a network share.

Not a dialog: it does not stop the officer from working, and it is two lines high so the pages
keep their room at 150% scaling. "Why?" shows the full explanation; "Don't show again for this
file" remembers the file in the settings; "Hide" hides it until the file is opened again. The
words come from :mod:`mqp_desktop.store.sync_folders` (the command line says the same).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mqp_desktop.store.sync_folders import SyncFolder


class SyncFolderBanner(QFrame):
    """Shown by :meth:`show_for`; emits ``dont_show_again(path)`` when the officer asks for it."""

    dont_show_again = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncBanner")
        self.path: Path | None = None
        self.found: SyncFolder | None = None
        self.label = QLabel()
        self.label.setObjectName("syncBannerText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why_button = QPushButton("Why?")
        self.why_button.setCheckable(True)
        self.why_button.setToolTip("Show the full explanation")
        self.never_button = QPushButton("&Don't show again for this file")
        self.never_button.setToolTip("Stop showing this warning whenever this database is opened")
        self.hide_button = QPushButton("Hide")
        self.hide_button.setToolTip("Hide the warning until this database is opened again")
        buttons = QHBoxLayout()
        for button in (self.why_button, self.never_button, self.hide_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addLayout(buttons)
        layout.addLayout(row)
        self.setStyleSheet("#syncBanner { background: #fde7e4; border-bottom: 1px solid #e8a99f; }"
                           " #syncBannerText { color: #5c1a10; }")
        self.why_button.toggled.connect(lambda _on: self._show_text())
        self.never_button.clicked.connect(self._never)
        self.hide_button.clicked.connect(self.hide)
        self.setVisible(False)

    def show_for(self, path: Path, found: SyncFolder) -> None:
        self.path, self.found = path, found
        self.why_button.setChecked(False)
        self._show_text()
        self.label.setToolTip(found.explanation)
        self.setVisible(True)

    def _show_text(self) -> None:
        if self.found is not None:
            words = self.found.explanation if self.why_button.isChecked() else self.found.advice
            self.label.setText(f"<b>{html.escape(self.found.headline)}</b> {html.escape(words)}")

    def _never(self) -> None:
        if self.path is not None:
            self.dont_show_again.emit(self.path)
        self.hide()

"""Help that needs no network: the short guide (resources/guide) and the window's keyboard shortcuts,
read from the window's own actions so the list is never out of date."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLineEdit, QMenu, QMenuBar, QTableView,
                               QTextBrowser, QVBoxLayout, QWidget)

from mqp_desktop.paths import resource_path


def fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    """``width`` × ``height``, or less on a small screen (1366×768 at 150% leaves about 910×490)."""
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(width, screen.width() - 40), min(height, screen.height() - 60))


class GuideDialog(QDialog):
    """The short user guide, offline; ``anchor`` opens it at a section ('keys', 'minutes'...)."""

    def __init__(self, parent: QWidget | None = None, anchor: str = ""):
        super().__init__(parent)
        self.setWindowTitle("MQ&P Desktop — guide")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(resource_path("guide") / "guide.html")))
        if anchor:
            self.browser.scrollToAnchor(anchor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 700)


def _key_text(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


def window_shortcuts(menu_bar: QMenuBar, extra: list[tuple[str, QAction]] = ()) -> list[tuple[str, str, str]]:
    """(where, command, keys) for every action with a key: each menu's (submenus included, by path), then
    ``extra`` (actions that live on a page, not in a menu). Mnemonic '&'s removed; each action once."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def clean(text: str) -> str:
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "").strip()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} › {clean(action.text())}")
            elif action.shortcuts() and id(action) not in seen and not action.isSeparator():
                seen.add(id(action))
                rows.append((path, clean(action.text()), _key_text(action)))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), clean(top.text()))
    for where, action in extra:
        if action.shortcuts() and id(action) not in seen:
            seen.add(id(action))
            rows.append((where, clean(action.text()), _key_text(action)))
    return rows


class ShortcutsDialog(QDialog):
    """Every key of the window in a table, filtered as you type."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Where", "Command", "Keys"])
        for row in rows:
            self.model.appendRow([QStandardItem(text) for text in row])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Find a command or a key (e.g. minutes, Ctrl+M)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 640)

"""Help → Guide (offline) and Help → Keyboard shortcuts (issue 14, point 6)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from mqp_desktop.paths import resource_path
from mqp_desktop.store import Store
from mqp_desktop.ui.dialogs.help_dialogs import GuideDialog, ShortcutsDialog
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.store is not None:
        w.store.close()


def test_f1_opens_the_guide_with_its_sections(qtbot, window):
    with qtbot.waitSignal(window.dialog_opened) as signal:
        qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = signal.args[0]
    assert isinstance(dialog, GuideDialog)
    text = dialog.browser.toPlainText()
    for heading in ("Getting started", "A meeting, from start to finish", "Your data", "Keys"):
        assert heading in text
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    dialog.reject()


def test_every_key_the_guide_names_is_a_key_of_the_window(window):
    """The guide names keys; each must answer something in the window (a guide that lies is worse than none)."""
    html = resource_path("guide", "guide.html").read_text(encoding="utf-8")
    named = set(re.findall(r"\b(?:Ctrl\+(?:Shift\+|Alt\+)?[A-Z0-9,]|F[0-9]+)\b", html))
    keys = {k.toString() for a in window.findChildren(QAction) for k in a.shortcuts()}
    missing = sorted(k for k in named if k not in keys)
    assert named and not missing, f"the guide names keys the window does not have: {missing}"


def test_the_shortcuts_list_holds_every_menu_key_and_finds_one(qtbot, window):
    with qtbot.waitSignal(window.dialog_opened) as signal:
        window.shortcuts_action.trigger()
    dialog = signal.args[0]
    assert isinstance(dialog, ShortcutsDialog)
    listed = {(dialog.model.item(r, 1).text(), dialog.model.item(r, 2).text()) for r in range(dialog.model.rowCount())}
    # every action reachable from a menu with a key is listed, with its key
    expected = set()
    for top in window.menuBar().actions():
        stack = [top.menu()]
        while stack:
            menu = stack.pop()
            for action in menu.actions():
                if action.menu() is not None:
                    stack.append(action.menu())
                elif action.shortcuts():
                    expected.add(action)
    assert expected
    for action in expected:
        name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "").strip()
        assert any(cmd == name for cmd, _ in listed), name
    assert ("Guide", "F1") in listed
    # typing in the box finds a command by name or by key
    qtbot.keyClicks(dialog.filter, "minutes")
    rows = [" ".join(dialog.proxy.index(r, c).data() for c in range(3)) for r in range(dialog.proxy.rowCount())]
    assert rows and all("minutes" in row.lower() for row in rows)
    assert len(rows) < dialog.model.rowCount()
    dialog.filter.clear()
    qtbot.keyClicks(dialog.filter, "F1")
    assert [dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())] == ["Guide"]
    dialog.reject()
    QApplication.processEvents()

"""Keys across the whole window: Qt fires neither of two enabled actions that share a key, so on
every page each enabled key must belong to one enabled action."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from mqp_desktop.store import Store
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


def test_no_two_enabled_actions_answer_the_same_key_on_any_page(window):
    clashes = []
    for number in range(window.pages.count()):
        window.show_page(number)
        keys: dict[str, list[QAction]] = {}
        for action in window.findChildren(QAction):
            if action.isEnabled():
                for key in action.shortcuts():
                    keys.setdefault(key.toString(), []).append(action)
        for text, actions in keys.items():
            if len(actions) > 1:
                names = " and ".join(f"'{a.text()}'" for a in actions)
                clashes.append(f"on {window.nav.item(number).text()}: {names} both answer {text}")
    assert not clashes, "\n".join(clashes)

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


def test_no_two_enabled_actions_answer_the_same_key_inside_a_meeting(window):
    """The register, agenda and minutes of a meeting take Ctrl+T, Ctrl+G and Ctrl+M too (issue 14)."""
    c = window.meetings
    window.show_page(window.PAGE_MEETINGS)
    held = next(m for m in reversed(window.store.meetings.list()) if m.status.value == "held")
    c.page.select_meeting(held.id)
    clashes = []
    for name, open_view in (("register", c.take_register), ("agenda", c.agenda.open_agenda),
                            ("minutes", c.minutes.open_minutes)):
        open_view(held.id)
        keys: dict[str, list[QAction]] = {}
        for action in window.findChildren(QAction):
            if action.isEnabled():
                for key in action.shortcuts():
                    keys.setdefault(key.toString(), []).append(action)
        clashes += [f"in the {name}: " + " and ".join(f"'{a.text()}'" for a in actions) + f" both answer {text}"
                    for text, actions in keys.items() if len(actions) > 1]
    assert not clashes, "\n".join(clashes)


def test_no_two_items_of_a_menu_share_an_alt_letter(window):
    """Alt+letter in an open menu picks the item with that letter; two with one letter make the key cycle
    between them instead of choosing (issue 14: the Meetings, Agenda and Minutes menus)."""
    from PySide6.QtWidgets import QMenu

    from mqp_desktop.ui.menus import mnemonic

    def check(title: str, actions, problems: list[str]) -> None:
        seen: dict[str, str] = {}
        for action in actions:
            if action.isSeparator() or not action.isVisible():
                continue
            letter = mnemonic(action.text())
            if letter is not None:
                if letter in seen:
                    problems.append(f"{title}: '{seen[letter]}' and '{action.text()}' both use Alt+{letter.upper()}")
                seen.setdefault(letter, action.text())
            if action.menu() is not None:
                check(f"{title} › {action.text()}", action.menu().actions(), problems)

    problems: list[str] = []
    for number in range(window.pages.count()):
        window.show_page(number)  # some items change their text with the page and the selection
        for menu in window.menuBar().findChildren(QMenu):
            menu.aboutToShow.emit()  # as when the officer opens it
        check("the menu bar", window.menuBar().actions(), problems)
    assert not problems, "\n".join(sorted(set(problems)))

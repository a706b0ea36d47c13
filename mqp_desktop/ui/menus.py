"""One Alt letter per menu item: in an open menu, Alt+letter (or the letter alone) picks the item
underlined with it; when two items share a letter the key only moves between them (issue 14).

The window's menus are built from actions the areas own, and one action can sit in two menus (the
agenda's settings in Meetings and Agenda, an area's page in View and in its own menu), so letters
are settled here rather than by hand in each controller: an item keeps its letter when it is the
first in its menu to use it; a later one takes the first free letter of its text, preferring the
start of a word ("E&dit meeting…" when "Add &extraordinary meeting…" came first), or none when every
letter of its text is taken (a long menu: better no letter than one that cycles). Each menu settles
again just before it opens, as some items change their text with the selection.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower-cased; None without one."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 2
            continue
        i += 1
    return None


def _plain(text: str) -> str:
    """The text without its mnemonic marker ('&&' kept as it is)."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "&":
            if i + 1 < len(text) and text[i + 1] == "&":
                out.append("&&")
                i += 2
                continue
            i += 1
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def with_mnemonic(text: str, taken: set[str]) -> str | None:
    """``text`` with its '&' before the first letter not in ``taken`` (word starts first); None if none is free."""
    plain = _plain(text)
    positions = [i for i, ch in enumerate(plain) if ch.isalnum()]
    starts = [i for i in positions if i == 0 or not plain[i - 1].isalnum()]
    for i in starts + [i for i in positions if i not in starts]:
        if plain[i].lower() not in taken and not (i > 0 and plain[i - 1] == "&"):
            return plain[:i] + "&" + plain[i:]
    return None


def _items(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if not a.isSeparator() and a.text()]


def settle_menu(menu: QMenu) -> bool:
    """Give the later of two items sharing a letter another one; True when a text changed."""
    items = _items(menu)
    first: dict[str, QAction] = {}
    for action in items:
        letter = mnemonic(action.text())
        if letter is not None:
            first.setdefault(letter, action)
    taken = set(first)
    changed = False
    for action in items:
        letter = mnemonic(action.text())
        if letter is None or first[letter] is action:
            continue
        text = with_mnemonic(action.text(), taken)
        if text is None:  # every letter of it is taken (a long menu): better none than one that cycles
            action.setText(_plain(action.text()))
        else:
            action.setText(text)
            taken.add(mnemonic(text))
        changed = True
    return changed


def _all_menus(menus: Iterable[QMenu]) -> list[QMenu]:
    out: list[QMenu] = []
    for menu in menus:
        out.append(menu)
        out += _all_menus(a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu))
    return out


def settle_mnemonics(menus: Iterable[QMenu]) -> None:
    """Settle every menu (and submenu), again until no text changes (an action shared by two menus
    may have taken a letter the other already uses), and again each time one opens."""
    menus = _all_menus(menus)
    for _round in range(5):
        changed = [settle_menu(m) for m in menus]  # every menu, not only up to the first that changed
        if not any(changed):
            break
    for menu in menus:
        if not menu.property("mnemonicsSettled"):
            menu.setProperty("mnemonicsSettled", True)
            menu.aboutToShow.connect(lambda m=menu: settle_menu(m))

"""Ctrl+K, the search window, through the real main window on the demo database: typed words give hits
grouped by kind (after the pause), Enter opens the chosen record on its page, Esc closes; each kind
opens where the window shows it. What is shown is compared with what store.search says."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mqp_desktop.domain.search import KIND_LABELS
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append((title, str(exc))))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    yield w
    if w.search.dialog is not None:
        w.search.dialog.close()
    if w.store is not None:
        w.store.close()


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def open_search(qtbot, window, text: str):
    window.nav.setFocus()
    press(qtbot, window, Qt.Key.Key_K, CTRL)
    dialog = window.search.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.queryEdit, timeout=3000)
    qtbot.keyClicks(dialog.ui.queryEdit, text)
    qtbot.waitUntil(lambda: not dialog.timer.isActive() and dialog.ui.resultsTree.topLevelItemCount() > 0,
                    timeout=3000)
    return dialog


def test_ctrl_k_types_shows_groups_and_enter_opens_the_minutes_at_the_item(qtbot, window):
    store = window.store
    expected = store.search.query("safeguarding", 200, per_kind=50)
    dialog = open_search(qtbot, window, "safeguarding")
    groups = dialog.visible_groups()
    kinds_shown = [heading.rsplit(" (", 1)[0] for heading, _titles in groups]
    assert kinds_shown == list(dict.fromkeys(KIND_LABELS[h.kind] for h in expected))
    assert [t for _h, titles in groups for t in titles] == [h.title for h in expected]
    assert "<b>" in dialog.ui.previewLabel.text()

    # a minutes hit: choose it with the keyboard, Enter opens the minutes at its item
    dialog.ui.queryEdit.clear()
    minutes_hit = next(h for h in store.search.query("the") if h.kind == "minutes")
    word = next(w for w in minutes_hit.snippet.split("**")[1::2])
    qtbot.keyClicks(dialog.ui.queryEdit, word)
    qtbot.waitUntil(lambda: not dialog.timer.isActive() and bool(dialog.hits), timeout=3000)
    items = dialog._hit_items()
    target = next(i for i, item in enumerate(items) if item.data(0, Qt.ItemDataRole.UserRole + 1).kind == "minutes")
    for _ in range(target):
        press(qtbot, window, Qt.Key.Key_Down)
    hit = dialog.ui.resultsTree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1)
    assert hit.kind == "minutes"
    press(qtbot, window, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    minutes = window.meetings.minutes
    assert window.pages.currentIndex() == window.PAGE_MEETINGS and minutes.meeting_id == hit.meeting_id
    assert minutes.view.current_item().item_id == hit.record_id


def test_esc_closes_and_hostile_text_shows_nothing_found(qtbot, window):
    window.nav.setFocus()
    press(qtbot, window, Qt.Key.Key_K, CTRL)
    dialog = window.search.dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.queryEdit, timeout=3000)
    qtbot.keyClicks(dialog.ui.queryEdit, 'NEAR( " * -')
    qtbot.waitUntil(lambda: not dialog.timer.isActive(), timeout=3000)
    assert dialog.ui.resultsTree.topLevelItemCount() == 0 and "Nothing found" in dialog.ui.statusLabel.text()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize("kind, page", [
    ("action", "PAGE_ACTIONS"), ("challenge", "PAGE_CHALLENGES"), ("paper", "PAGE_MEETINGS"),
    ("agenda_item", "PAGE_MEETINGS"), ("indicator", "PAGE_SCORECARD"), ("audit", "PAGE_QUALITY"),
    ("inspection", "PAGE_QUALITY"), ("transfer", "PAGE_PARTNERSHIP"), ("escalation", "PAGE_PARTNERSHIP"),
    ("case_review", "PAGE_GOVERNANCE"), ("training", "PAGE_GOVERNANCE"), ("document", "PAGE_GOVERNANCE"),
    ("attendance_letter", "PAGE_GOVERNANCE"), ("decision", "PAGE_MEETINGS")])
def test_each_kind_opens_on_its_page_with_the_record_chosen(qtbot, window, shown_errors, kind, page):
    store = window.store
    row = store.db.execute("SELECT title FROM search_doc WHERE kind = ? ORDER BY id LIMIT 1", [kind]).fetchone()
    hit = next(h for h in store.search.query(row[0], kinds=[kind]))
    window.search.open_hit(hit)
    assert window.pages.currentIndex() == getattr(window, page)
    assert not shown_errors
    w = window
    chosen = {
        "action": lambda: w.actions_page.table.currentIndex().data(Qt.ItemDataRole.UserRole + 2).action.id,
        "challenge": lambda: w.challenges.page.current_row().challenge.id,
        "paper": lambda: w.meetings.agenda.view.current_paper().id,
        "agenda_item": lambda: w.meetings.agenda.view.current_item_id(),
        "indicator": lambda: w.scorecard.page.current_row().indicator.id,
        "audit": lambda: w.quality.page.current_audit().id,
        "inspection": lambda: w.quality.page.current_inspection().id,
        "transfer": lambda: w.partnership.page.transfers.current_id(),
        "escalation": lambda: w.partnership.page.escalations.current_id(),
        "case_review": lambda: w.governance.page.tab_widgets[w.governance.page.current_tab()].current_id(),
        "training": lambda: w.governance.page.tab_widgets[w.governance.page.current_tab()].current_id(),
        "document": lambda: w.governance.page.tab_widgets[w.governance.page.current_tab()].current_id(),
        "attendance_letter": lambda: w.governance.page.tab_widgets[w.governance.page.current_tab()].current_id(),
        "decision": lambda: w.meetings.minutes.view.current_item().item_id,
    }[kind]
    assert chosen() == hit.record_id


def test_a_record_saved_while_the_window_is_open_is_found_on_the_next_search(qtbot, window):
    dialog = open_search(qtbot, window, "neglect")
    store = window.store
    meeting = store.meetings.list()[-1]  # the next meeting: its agenda is open to change
    assert not store.minutes.is_locked(meeting.id)
    item = store.agendas.items(meeting.id)[0]
    store.agendas.update_item(dataclasses.replace(item, notes="Quokka pathway"))
    dialog.ui.queryEdit.setText("quokka")
    qtbot.waitUntil(lambda: not dialog.timer.isActive() and bool(dialog.hits), timeout=3000)
    assert [h.record_id for h in dialog.hits] == [item.id]

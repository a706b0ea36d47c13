"""The "Due and overdue" page, its banner and its reminders, through the real main window.

On the demo database (made relative to today) the page is compared with what ``store.due`` says; on the
hand-worked fixture (tests/helpers/due_fixture.py: one record of each kind) every line is opened on its
own page. Reminder drafts are read back with Python's email parser.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from mqp_desktop.domain.due import KINDS
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.due.page import OVERDUE_BACKGROUND, SHOW_ALL, SHOW_OVERDUE, DueTableModel
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings
from tests.helpers import due_fixture as fx

TODAY = dt.date.today()


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error",
                        lambda parent, exc, title="": shown.append((title, errors.problem_and_remedy(exc)[0])))
    return shown


def make_window(qtbot, path, settings_path) -> MainWindow:
    w = MainWindow(Store.open(path), settings=Settings(settings_path))
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = make_window(qtbot, demo_db, tmp_path / "settings.ini")
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def fixture_window(qtbot, tmp_path, shown_errors):
    from mqp_desktop.store.seed import seed_from_template

    path = tmp_path / "due.sqlite"
    store = Store.open(path)
    seed_from_template(store, "wandsworth-mqp")
    ids = fx.build(store)
    store.close()
    w = make_window(qtbot, path, tmp_path / "settings.ini")
    w.ids = ids
    yield w
    if w.store is not None:
        w.store.close()


def visible(page) -> list:
    return page.visible_items()


def test_the_page_shows_what_the_store_says(window, qtmodeltester):
    window.due.show_page()
    page = window.due.page
    assert window.pages.currentWidget() is page
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    everything = window.store.due.items(TODAY)
    assert page.model.items() == everything
    # by default: overdue, and what falls due in the next 30 days, the longest overdue first
    shown = visible(page)
    assert shown == [i for i in everything if i.days_overdue(TODAY) >= -30]
    assert [i.due for i in shown] == sorted(i.due for i in shown)
    overdue = [i for i in everything if i.is_overdue(TODAY)]
    assert overdue, "the demo has something overdue"
    assert f"{len(overdue)} overdue" in page.summary.text()
    assert window.nav.item(window.PAGE_DUE).text() == f"Due & overdue · {len(overdue)} overdue"
    # overdue rows: red, and said in words
    first = page.proxy.index(0, DueTableModel.COL_WHEN)
    assert first.data() == f"⚠ {overdue[0].days_overdue(TODAY)} days overdue"
    assert first.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(OVERDUE_BACKGROUND)
    later = next(r for r in range(page.proxy.rowCount()) if not visible(page)[r].is_overdue(TODAY))
    assert page.proxy.index(later, DueTableModel.COL_WHEN).data(Qt.ItemDataRole.BackgroundRole) is None


def test_filters_by_kind_overdue_and_words(window, qtbot):
    window.due.show_page()
    page = window.due.page
    everything = page.model.items()
    page.show_only(SHOW_ALL)
    assert visible(page) == everything
    page.set_kind("action")
    assert visible(page) and {i.kind for i in visible(page)} == {"action"}
    page.set_kind("")
    page.show_only(SHOW_OVERDUE)
    assert visible(page) == [i for i in everything if i.is_overdue(TODAY)]
    target = visible(page)[0]
    page.filter_edit.setText(target.reference)  # (keyClicks cannot type the en dash in "2025–26")
    assert target in visible(page) and all(target.reference.casefold() in
                                           f"{i.kind_label} {i.reference} {i.title} {i.owner}".casefold()
                                           for i in visible(page))
    assert page.shown_label.text() == f"{page.proxy.rowCount()} of {len(everything)} shown"


def test_sorting_by_owner_groups_an_owners_things(window):
    window.due.show_page()
    page = window.due.page
    page.show_only(SHOW_ALL)
    page.table.sortByColumn(DueTableModel.COL_OWNER, Qt.SortOrder.AscendingOrder)
    owners = [i.owner.casefold() for i in visible(page)]
    assert owners == sorted(owners)


def test_every_kind_opens_on_its_own_page(fixture_window, shown_errors):
    w, ids = fixture_window, fixture_window.ids
    page = w.due.page
    w.due.show_page()
    page.show_only(SHOW_ALL)
    items = visible(page)
    assert sorted({i.kind for i in items}) == sorted(KINDS)
    expected_page = {
        "action": w.PAGE_ACTIONS, "audit_action": w.PAGE_ACTIONS, "paper": w.PAGE_MEETINGS,
        "challenge": w.PAGE_CHALLENGES, "inspection_plan": w.PAGE_QUALITY, "s11_return": w.PAGE_SECTION11,
        "s11_action": w.PAGE_SECTION11, "transfer_answer": w.PAGE_PARTNERSHIP, "attendance_letter": w.PAGE_GOVERNANCE,
        "chair_review": w.PAGE_GOVERNANCE, "tor_review": w.PAGE_GOVERNANCE, "document_review": w.PAGE_GOVERNANCE,
    }
    for item in items:
        w.due.show_page()
        assert page.select(item.table, item.record_id, item.kind)
        w.due.open_current()  # as Enter or a double-click does
        if w.active_dialog is not None:  # a Section 11 action plan item opens in its return's dialog
            assert item.kind == "s11_action"
            w.active_dialog.reject()
        assert w.pages.currentIndex() == expected_page[item.kind], item.kind
        assert not shown_errors
    # and the record is the one chosen there
    w.due.open_item(next(i for i in items if i.kind == "action"))
    assert w.actions_page.visible_rows() and any(
        r.action.id == ids["action"] for r in [w.actions_page.table.selectionModel().selectedRows()[0].data(
            Qt.ItemDataRole.UserRole + 2)])
    w.due.open_item(next(i for i in items if i.kind == "challenge"))
    assert w.challenges.page.current_row().challenge.id == ids["challenge"]
    w.due.open_item(next(i for i in items if i.kind == "paper"))
    assert w.meetings.agenda.meeting_id == ids["planned_meeting"]
    w.due.open_item(next(i for i in items if i.kind == "inspection_plan"))
    assert w.quality.page.current_plan_item_id() == ids["plan_item"]
    w.due.open_item(next(i for i in items if i.kind == "transfer_answer"))
    assert w.partnership.page.transfers.current_id() == ids["transfer"]
    w.due.open_item(next(i for i in items if i.kind == "attendance_letter"))
    assert w.governance.page.followups.current_id() == ids["letter"]
    w.due.open_item(next(i for i in items if i.kind == "document_review"))
    assert w.governance.page.documents.current_id() == ids["protocol"]


def test_enter_on_the_table_opens_the_record(window, qtbot):
    window.due.show_page()
    page = window.due.page
    page.set_kind("challenge")
    page.show_only(SHOW_ALL)
    target = visible(page)[0]
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == window.PAGE_CHALLENGES
    assert window.challenges.page.current_row().challenge.id == target.record_id


def test_reminder_drafts_one_per_owner_read_back(window, tmp_path, monkeypatch):
    window.due.show_page()
    page = window.due.page
    page.show_only(SHOW_OVERDUE)
    page.set_kind("action")
    actions = visible(page)
    assert len(actions) >= 2
    page.select_rows(range(len(actions)))
    assert window.due.remind_action.isEnabled()
    folder = tmp_path / "drafts"
    folder.mkdir()
    monkeypatch.setattr(window.due, "choose_reminder_folder", lambda: folder)
    window.due.remind_action.trigger()
    files = sorted(folder.glob("*.eml"))
    owners = {i.owner for i in actions}
    assert len(files) == len(owners)
    listed = {}
    for path in files:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert msg["X-Unsent"] == "1"
        body = msg.get_content()
        owner = next(o for o in owners if f"Dear {o}," in body)
        listed[owner] = {i.reference for i in actions if i.reference in body}
    assert listed == {o: {i.reference for i in actions if i.owner == o} for o in owners}
    history = window.store.history()[: len(actions)]
    assert {h.entity_id for h in history if h.action == "reminded"} == {i.record_id for i in actions}
    assert window.active_message is not None and str(folder) in window.active_message.text()


def test_remind_is_only_for_actions(window):
    window.due.show_page()
    page = window.due.page
    page.show_only(SHOW_ALL)
    page.set_kind("challenge")
    page.select_rows([0])
    assert not window.due.remind_action.isEnabled()
    page.set_kind("action")
    page.select_rows([0])
    assert window.due.remind_action.isEnabled()


def test_the_banner_once_per_session_and_the_setting_turns_it_off(qtbot, demo_db, tmp_path):
    settings_path = tmp_path / "settings.ini"
    w = make_window(qtbot, demo_db, settings_path)
    banner = w.due.banner
    overdue = w.store.due.overdue(TODAY)
    assert banner.isVisible() and f"{len(overdue)} things are overdue" in banner.label.text()
    banner.show_button.click()  # "Show them": the list, overdue only
    assert not banner.isVisible() and w.pages.currentWidget() is w.due.page
    assert all(i.is_overdue(TODAY) for i in visible(w.due.page))
    w.set_store(Store.open(demo_db))  # the same database again in this session: not said twice
    assert not banner.isVisible()
    w.due._shown_for.clear()
    w.due.database_opened(w.store)
    assert banner.isVisible()
    banner.off_button.click()  # "Don't show on opening"
    assert not banner.isVisible() and not w.due.on_opening_box.isChecked()
    w.store.close()
    w.close()
    again = make_window(qtbot, demo_db, settings_path)  # a new session, the setting off
    assert not again.due.banner.isVisible()
    again.due.on_opening_box.setChecked(True)
    assert Settings(settings_path).due_on_opening
    again.store.close()


def test_no_banner_when_nothing_is_overdue(qtbot, tmp_path):
    from mqp_desktop.store.seed import seed_from_template

    path = tmp_path / "blank.sqlite"
    store = Store.open(path)
    seed_from_template(store, "blank")
    store.close()
    w = make_window(qtbot, path, tmp_path / "settings.ini")
    assert not w.due.banner.isVisible()
    assert w.nav.item(w.PAGE_DUE).text() == "Due & overdue"
    w.store.close()

"""Two copies on one file, through the real windows: an edit dialog whose record was saved
elsewhere meanwhile shows the conflict window, and each choice does what it says.

"Elsewhere" is a second Store on the same file (as another copy of the program, or the
command line, would be), changing the record after the dialog opened.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import AgencyDialog, MemberDialog
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.conflict_dialog import ConflictDialog
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append((title, str(exc))))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def elsewhere(demo_db):
    """Another copy of the program on the same file."""
    other = Store.open(demo_db)
    other.user, other.host = "sam", "LAPTOP-2"
    yield other
    other.close()


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def open_member(window: MainWindow, name: str) -> tuple[MemberDialog, int]:
    member = next(m for m in window.store.members() if m.name == name)
    assert window.membership_page.select_member(member.id)
    window.edit_member_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, MemberDialog)
    return dialog, member.id


def conflict_of(dialog) -> ConflictDialog:
    conflict = dialog.conflict_dialog
    assert isinstance(conflict, ConflictDialog) and conflict.isVisible()
    return conflict


def rows(conflict: ConflictDialog) -> dict[str, list[str]]:
    tree = conflict.ui.differencesTree
    return {tree.topLevelItem(i).text(0): [tree.topLevelItem(i).text(c) for c in (1, 2, 3)]
            for i in range(tree.topLevelItemCount())}


def test_a_member_changed_elsewhere_shows_both_versions_and_reload_shows_the_stored_one(window, elsewhere,
                                                                                         shown_errors):
    dialog, member_id = open_member(window, "Priya Raman")
    theirs = elsewhere.member(member_id)
    theirs.email = "priya.raman@elsewhere.example.org"
    elsewhere.update_member(theirs)

    dialog.ui.phoneEdit.setText("020 7946 0101")
    ok(dialog)
    assert window.active_dialog is dialog and dialog.isVisible()  # not saved, not closed
    conflict = conflict_of(dialog)
    shown = rows(conflict)
    assert shown["email"][:2] == [dialog.member.email, "priya.raman@elsewhere.example.org"]
    assert shown["✎ phone"][0] == "020 7946 0101"  # the field changed here is marked
    assert shown["email"][2].startswith("sam on LAPTOP-2")
    assert "sam on LAPTOP-2" in conflict.ui.headingLabel.text()
    assert "020 7946 0101" in conflict.ui.yoursText.toPlainText()
    assert window.store.member(member_id).phone != "020 7946 0101"  # nothing saved

    conflict.reload_button.click()
    assert dialog.isVisible() and dialog.conflict_dialog is None
    assert dialog.ui.emailEdit.text() == "priya.raman@elsewhere.example.org"
    assert dialog.ui.phoneEdit.text() == (theirs.phone or "")
    assert "stored now" in dialog.ui.errorLabel.text()
    dialog.ui.notesEdit.setPlainText("Edited after reloading")
    ok(dialog)  # a save against the reloaded version goes through
    assert window.active_dialog is None and not shown_errors
    stored = window.store.member(member_id)
    assert (stored.email, stored.notes) == ("priya.raman@elsewhere.example.org", "Edited after reloading")


def test_apply_my_changes_on_top_keeps_the_other_copys_change(window, elsewhere, shown_errors):
    dialog, member_id = open_member(window, "Priya Raman")
    theirs = elsewhere.member(member_id)
    theirs.email = "priya.raman@elsewhere.example.org"
    elsewhere.update_member(theirs)
    dialog.ui.phoneEdit.setText("020 7946 0101")
    ok(dialog)
    conflict = conflict_of(dialog)
    conflict.apply_button.click()
    assert window.active_dialog is None and not shown_errors  # saved: the dialog closed
    stored = window.store.member(member_id)
    assert (stored.email, stored.phone) == ("priya.raman@elsewhere.example.org", "020 7946 0101")
    last = window.store.history(entity="member", entity_id=member_id, limit=1)[0]
    assert last.user != "sam" and last.changes == {"phone": [theirs.phone, "020 7946 0101"]}


def test_cancel_goes_back_to_the_edit_with_the_typing_kept(window, elsewhere):
    dialog, member_id = open_member(window, "Priya Raman")
    theirs = elsewhere.member(member_id)
    theirs.notes = "Theirs"
    elsewhere.update_member(theirs)
    dialog.ui.notesEdit.setPlainText("Mine")
    ok(dialog)
    conflict = conflict_of(dialog)
    conflict.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.ui.notesEdit.toPlainText() == "Mine"
    assert window.store.member(member_id).notes == "Theirs"


def test_copy_my_version_puts_the_typing_on_the_clipboard(window, elsewhere, qapp):
    dialog, member_id = open_member(window, "Priya Raman")
    theirs = elsewhere.member(member_id)
    theirs.notes = "Theirs"
    elsewhere.update_member(theirs)
    dialog.ui.notesEdit.setPlainText("My long note about the deputy arrangements")
    ok(dialog)
    conflict = conflict_of(dialog)
    conflict.copy_button.click()
    assert "My long note about the deputy arrangements" in qapp.clipboard().text()


def test_an_agency_changed_elsewhere_offers_both_choices(window, elsewhere, shown_errors):
    page = window.agencies_page
    window.show_page(window.PAGE_AGENCIES)
    housing = window.store.find_agency("Housing")
    assert page.select_agency(housing.id)
    window.edit_agency_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AgencyDialog)
    theirs = elsewhere.agency(housing.id)
    theirs.notes = "Restructured in April"
    elsewhere.update_agency(theirs)
    dialog.ui.shortNameEdit.setText("Housing Services")
    ok(dialog)
    conflict = conflict_of(dialog)
    assert rows(conflict)["notes"][1] == "Restructured in April"
    assert conflict.reload_button.isVisible() and conflict.apply_button.isVisible()
    conflict.apply_button.click()
    assert window.active_dialog is None and not shown_errors
    stored = window.store.agency(housing.id)
    assert (stored.short_name, stored.notes) == ("Housing Services", "Restructured in April")


# --- more edit windows -------------------------------------------------------------------------
def test_a_meeting_changed_elsewhere_apply_on_top_keeps_both_changes(window, elsewhere, shown_errors):
    meeting = window.store.meetings.next_meeting()
    window.show_page(window.PAGE_MEETINGS)
    assert window.meetings.page.select_meeting(meeting.id)
    window.meetings.edit_meeting_action.trigger()
    dialog = window.active_dialog
    theirs = elsewhere.meetings.get(meeting.id)
    theirs.online_link = "https://meet.example.org/mqp"
    elsewhere.meetings.update(theirs)
    dialog.ui.venueEdit.setText("Committee Room 3")
    ok(dialog)
    conflict = conflict_of(dialog)
    assert rows(conflict)["online link"][1] == "https://meet.example.org/mqp"
    assert rows(conflict)["✎ venue"][0] == "Committee Room 3"
    conflict.apply_button.click()
    assert window.active_dialog is None and not shown_errors
    stored = window.store.meetings.get(meeting.id)
    assert (stored.venue, stored.online_link) == ("Committee Room 3", "https://meet.example.org/mqp")


def test_a_register_entry_changed_elsewhere_is_refused_named_and_shown_as_stored(qtbot, window, elsewhere,
                                                                                  shown_errors):
    from PySide6.QtCore import Qt

    meeting = window.store.meetings.next_meeting()
    window.show_page(window.PAGE_MEETINGS)
    assert window.meetings.page.select_meeting(meeting.id)
    window.meetings.take_register_action.trigger()
    view = window.meetings.page.register_view
    row = view.rows()[0]
    elsewhere.meetings.record_attendance(meeting.id, row.member.id, "apologies sent")  # after the register showed
    view.table.go_to_row(0)
    qtbot.keyClick(view.table, Qt.Key.Key_P)
    assert len(shown_errors) == 1
    title, message = shown_errors[0]
    assert title == "Register not saved" and row.member.display_name in message and "sam on LAPTOP-2" in message
    assert window.store.meetings.entries(meeting.id)[row.member.id].status.value == "apologies sent"
    assert view.rows()[0].entry.status.value == "apologies sent"  # the register was read again
    qtbot.keyClick(view.table, Qt.Key.Key_P)  # pressed again on what is shown now: saved
    assert window.store.meetings.entries(meeting.id)[row.member.id].status.value == "present"


def test_the_minutes_saved_elsewhere_show_both_texts_and_apply_on_top_keeps_their_item(qtbot, window, elsewhere):
    mid = next(m.id for m in reversed(window.store.meetings.list())
               if (r := window.store.minutes.revision(m.id)) is not None and r.status == "draft")
    window.show_page(window.PAGE_MEETINGS)
    assert window.meetings.page.select_meeting(mid)
    window.meetings.minutes.open_action.trigger()
    view = window.meetings.page.minutes_view
    controller = window.meetings.minutes
    first, second = view.minutes.items[0], view.minutes.items[1]
    theirs = elsewhere.minutes.draft(mid)
    theirs.items[1].discussion = "Their account of item two."
    elsewhere.minutes.save_draft(mid, theirs, version=elsewhere.minutes.draft_version(mid))

    assert view.select_item(first.item_id)
    view.discussion.setFocus()
    view.discussion.selectAll()
    qtbot.keyClicks(view.discussion, "My account of item one.")
    assert not controller.autosave()  # the draft was saved elsewhere: not autosaved over it, and said so
    warning = controller.typing_warning
    assert warning is not None and "sam on LAPTOP-2" in warning.text()
    warning.close()
    controller.save_action.trigger()
    conflict = controller.conflict_dialog
    assert isinstance(conflict, ConflictDialog)
    shown = rows(conflict)
    mine_label = next(k for k in shown if k.startswith("✎ item") and first.title in k)
    theirs_label = next(k for k in shown if second.title in k)
    assert shown[mine_label][0] == "My account of item one."
    assert shown[theirs_label][1] == "Their account of item two."
    assert shown[mine_label][2] == "not changed since you opened it"
    assert shown[theirs_label][2].startswith("sam on LAPTOP-2")
    conflict.apply_button.click()
    assert not controller.dirty
    with Store.open(window.store.path) as fresh:
        saved = fresh.minutes.minutes(mid)
    assert saved.item(first.item_id).discussion == "My account of item one."
    assert saved.item(second.item_id).discussion == "Their account of item two."


def test_the_minutes_saved_elsewhere_reload_shows_theirs(qtbot, window, elsewhere):
    mid = next(m.id for m in reversed(window.store.meetings.list())
               if (r := window.store.minutes.revision(m.id)) is not None and r.status == "draft")
    window.show_page(window.PAGE_MEETINGS)
    assert window.meetings.page.select_meeting(mid)
    window.meetings.minutes.open_action.trigger()
    view = window.meetings.page.minutes_view
    controller = window.meetings.minutes
    item = view.minutes.items[0]
    theirs = elsewhere.minutes.draft(mid)
    theirs.items[0].discussion = "Theirs."
    elsewhere.minutes.save_draft(mid, theirs, version=elsewhere.minutes.draft_version(mid))
    assert view.select_item(item.item_id)
    view.discussion.setFocus()
    view.discussion.selectAll()
    qtbot.keyClicks(view.discussion, "Mine.")
    controller.save_action.trigger()
    conflict = controller.conflict_dialog
    assert "Mine." in conflict.ui.yoursText.toPlainText()
    conflict.reload_button.click()
    assert not controller.dirty and view.minutes.item(item.item_id).discussion == "Theirs."
    assert window.store.minutes.draft(mid).item(item.item_id).discussion == "Theirs."


def test_a_section11_return_changed_elsewhere_reload_then_save(window, elsewhere, shown_errors):
    from mqp_desktop.store.section11 import Section11Repo
    from mqp_desktop.ui.dialogs.section11_dialogs import ReturnDialog

    window.show_page(window.PAGE_SECTION11)
    rnd = Section11Repo(window.store).latest_round()
    ret = Section11Repo(window.store).returns(rnd.id)[0]
    window.section11.show_return(ret.id)
    dialog = window.active_dialog
    assert isinstance(dialog, ReturnDialog)
    other = Section11Repo(elsewhere)
    stored = other.get_return(ret.id)
    stored.notes = "Chased by phone on Monday"
    other.update_return(stored)
    dialog.ui.outcomeEdit.setText("Good progress")
    ok(dialog)
    conflict = conflict_of(dialog)
    assert rows(conflict)["notes"][1] == "Chased by phone on Monday"
    conflict.apply_button.click()
    assert window.active_dialog is None and not shown_errors
    saved = Section11Repo(window.store).get_return(ret.id)
    assert (saved.notes, saved.panel_outcome) == ("Chased by phone on Monday", "Good progress")


def test_an_undo_of_a_field_changed_elsewhere_since_is_refused(window, elsewhere, shown_errors):
    dialog, member_id = open_member(window, "Priya Raman")
    dialog.ui.emailEdit.setText("priya.raman@mine.example.org")
    ok(dialog)
    theirs = elsewhere.member(member_id)
    theirs.email = "priya.raman@theirs.example.org"
    elsewhere.update_member(theirs)
    window.undo_action.trigger()
    assert window.store.member(member_id).email == "priya.raman@theirs.example.org"  # not put back over theirs
    assert len(shown_errors) == 1 and "sam on LAPTOP-2" in shown_errors[0][1]
    assert window.undo_stack.canUndo()  # still there: nothing was undone


# --- a database in a synced folder -------------------------------------------------------------
def test_a_database_in_a_sync_folder_shows_the_banner_until_dismissed_for_that_file(qtbot, demo_db, tmp_path):
    import shutil

    synced = tmp_path / "OneDrive - Wandsworth Council"
    synced.mkdir()
    path = synced / "mqp.sqlite"
    shutil.copy(demo_db, path)
    settings = Settings(tmp_path / "settings.ini")
    w = MainWindow(Store.open(path), settings=settings)
    qtbot.addWidget(w)
    w.show()
    banner = w.sync_banner
    assert banner.isVisible() and "OneDrive" in banner.label.text() and "backup" in banner.label.text()
    banner.why_button.click()
    assert "copied half-written" in banner.label.text()  # the full explanation
    banner.hide_button.click()
    assert not banner.isVisible()
    w.set_store(Store.open(path))  # opened again: shown again
    assert banner.isVisible()
    banner.never_button.click()
    assert not banner.isVisible() and settings.sync_warning_dismissed(path)
    w.set_store(Store.open(path))
    assert not banner.isVisible()
    w.set_store(Store.open(demo_db))  # a file outside any synced folder
    assert not banner.isVisible()
    w.store.close()

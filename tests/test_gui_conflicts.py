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

"""The main window on a demo database: add, edit, end, filter, undo, warnings, databases.

Dialogs are the real ones. The window opens them with ``QDialog.open()`` (no
nested event loop), so each test finds the open dialog in
``window.active_dialog``, types into it and clicks its buttons.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop.domain.model import Member
from mqp_desktop.domain.register_checks import register_warnings
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import AgencyDialog, EndDialog, ImportPreviewDialog, MemberDialog, SubcommitteeDialog
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.main_window import MainWindow, RegisterCommand
from mqp_desktop.ui.models import MembersTableModel
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def shown_errors(monkeypatch):
    """Message boxes the window or a dialog would show, recorded instead of shown (modal)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error",
                        lambda parent, exc, title="": shown.append((title, str(exc))))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, demo_db, settings, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.store is not None:
        w.store.close()


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def member_named(window: MainWindow, name: str):
    return next(m for m in window.store.members() if m.name == name)


def select(window: MainWindow, name: str):
    member = member_named(window, name)
    assert window.membership_page.select_member(member.id)
    return member


# --- the window --------------------------------------------------------------------------
def test_title_names_the_subcommittee_and_the_file(window, demo_db):
    assert window.windowTitle() == f"MQ&P Desktop — MQ&P — {demo_db.name}"
    assert [window.nav.item(i).text().split(" · ")[0] for i in range(window.nav.count())] == [
        "Membership", "Meetings", "Attendance", "Section 11", "Agencies", "Change history", "Actions", "Challenges",
        "Scorecard", "Audits & inspections", "Partnership", "Governance", "Due & overdue"]
    assert str(demo_db) in window.path_label.text()


def test_demo_window_says_demo(qtbot, demo_db, settings):
    w = MainWindow(Store.open(demo_db), settings=settings, demo=True)
    qtbot.addWidget(w)
    assert "DEMO" in w.windowTitle()
    assert not w.demo_banner.isHidden()
    assert settings.recent_databases == [], "the demo is not remembered as a database of one's own"
    w.store.close()


def test_status_bar_counts_current_members(window):
    today = dt.date.today()
    current = [m for m in window.store.members() if m.is_active(today)]
    named = sum(1 for m in current if not m.is_vacant)
    assert window.count_label.text().startswith(f"{named} current members · {len(current) - named} vacant")


def test_about_names_database_and_schema_versions(window, demo_db):
    text = window.about_text()
    assert str(demo_db) in text
    assert f"Schema version:</b> {window.store.schema_version} (this program's latest: " \
           f"{window.store.latest_schema_version})" in text


# --- add, edit, end ----------------------------------------------------------------------
def test_add_member_through_the_dialog(window, shown_errors):
    before = len(window.store.members())
    window.add_member_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, MemberDialog)
    ui = dialog.ui
    ui.nameEdit.setText("Jo Newcomer")
    ui.roleTitleEdit.setText("Named Nurse for Looked After Children")
    ui.agencyCombo.setCurrentIndex(ui.agencyCombo.findText("NHS South West London", Qt.MatchFlag.MatchStartsWith))
    ui.emailEdit.setText("jo.newcomer@example.nhs.uk")
    ok(dialog)
    assert window.active_dialog is None and not shown_errors
    assert len(window.store.members()) == before + 1
    added = member_named(window, "Jo Newcomer")
    assert window.membership_page.current_member_id() == added.id
    assert window.store.history(limit=1)[0].action == "added"
    window.history_page.ensure_loaded()
    assert window.history_page.model.rowCount() == len(window.store.history())


def test_a_bad_email_keeps_the_add_dialog_open_and_saves_nothing(window):
    before = len(window.store.members())
    window.add_member_action.trigger()
    dialog = window.active_dialog
    dialog.ui.nameEdit.setText("Jo Typo")
    dialog.ui.roleTitleEdit.setText("Somebody")
    dialog.ui.agencyCombo.setCurrentIndex(0)
    dialog.ui.emailEdit.setText("jo.typo@@example")
    ok(dialog)
    assert window.active_dialog is dialog and dialog.isVisible()
    assert dialog.errors.field == "email"
    assert len(window.store.members()) == before
    dialog.reject()
    assert window.active_dialog is None


def test_edit_member_then_undo_and_redo(window):
    member = select(window, "Priya Raman")
    assert window.edit_member_action.isEnabled()
    window.edit_member_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, MemberDialog) and dialog.ui.nameEdit.text() == "Priya Raman"
    dialog.ui.emailEdit.setText("priya.raman@new.example.gov.uk")
    ok(dialog)
    assert window.store.member(member.id).email == "priya.raman@new.example.gov.uk"
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo edit of Priya Raman"

    window.undo_action.trigger()
    assert window.store.member(member.id).email == member.email
    last = window.store.history(limit=1)[0]
    assert (last.action, last.changes["email"]) == ("reverted", ["priya.raman@new.example.gov.uk", member.email])
    assert window.redo_action.isEnabled() and not window.undo_action.isEnabled()

    window.redo_action.trigger()
    assert window.store.member(member.id).email == "priya.raman@new.example.gov.uk"
    assert window.store.history(limit=1)[0].action == "edited"


def test_enter_on_the_table_opens_the_edit_dialog(window, qtbot):
    select(window, "Gareth Lloyd")
    window.membership_page.table.activated_row.emit()
    assert isinstance(window.active_dialog, MemberDialog)
    assert window.active_dialog.ui.nameEdit.text() == "Gareth Lloyd"
    window.active_dialog.reject()


def test_end_member_hides_them_until_show_ended_and_undo_reinstates(window):
    page = window.membership_page
    member = select(window, "Gareth Lloyd")
    window.end_member_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EndDialog)
    dialog.ui.endDateEdit.setDate(QDate.currentDate().addDays(-1))
    dialog.ui.reasonEdit.setText("Moved to another borough")
    ok(dialog)
    ended = window.store.member(member.id)
    assert ended.end_date == dt.date.today() - dt.timedelta(days=1)
    assert member.id not in page.visible_member_ids()
    last = window.store.history(limit=1)[0]
    assert (last.action, last.entity_id) == ("ended", member.id)

    page.show_ended.setChecked(True)
    assert member.id in page.visible_member_ids()
    assert not page.table.isColumnHidden(MembersTableModel.COL_END)

    window.undo_action.trigger()
    assert window.store.member(member.id).end_date is None
    assert window.store.history(limit=1)[0].action == "reinstated"


def test_reinstate_an_ended_member(window):
    page = window.membership_page
    page.show_ended.setChecked(True)
    former = next(m for m in window.store.members() if m.end_date is not None)
    assert page.select_member(former.id)
    assert window.reinstate_member_action.isEnabled() and not window.end_member_action.isEnabled()
    window.reinstate_member_action.trigger()
    assert window.store.member(former.id).end_date is None
    window.undo_action.trigger()
    assert window.store.member(former.id).end_date == former.end_date


def test_edit_and_end_agency(window):
    page = window.agencies_page
    window.show_page(window.PAGE_AGENCIES)
    housing = window.store.find_agency("Housing")
    assert page.select_agency(housing.id)
    window.edit_agency_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AgencyDialog)
    dialog.ui.shortNameEdit.setText("Housing Services")
    ok(dialog)
    assert window.store.agency(housing.id).short_name == "Housing Services"

    window.end_agency_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EndDialog)
    dialog.ui.endDateEdit.setDate(QDate.currentDate().addDays(-1))
    ok(dialog)
    assert window.store.agency(housing.id).end_date == dt.date.today() - dt.timedelta(days=1)
    assert housing.id not in page.visible_agency_ids()
    window.undo_action.trigger()
    assert window.store.agency(housing.id).end_date is None
    assert housing.id in page.visible_agency_ids()


def test_member_shortcuts_only_work_on_the_membership_page(window):
    window.show_page(window.PAGE_AGENCIES)
    assert not window.add_member_action.isEnabled() and window.add_agency_action.isEnabled()
    window.show_page(window.PAGE_MEMBERSHIP)
    assert window.add_member_action.isEnabled() and not window.add_agency_action.isEnabled()


def test_subcommittee_settings_change_shows_in_the_header_and_can_be_undone(window):
    before = window.store.subcommittee()
    window.settings_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, SubcommitteeDialog)
    dialog.ui.attendanceSpin.setValue(75)
    dialog.ui.nameEdit.setText("Monitoring & Quality Subcommittee")
    ok(dialog)
    assert window.store.subcommittee().attendance_standard == 75
    header = window.membership_page.header
    assert header.title.text() == "Monitoring & Quality Subcommittee"
    assert "attendance standard 75%" in header.subtitle.text()

    window.undo_action.trigger()
    after_undo = window.store.subcommittee()
    assert (after_undo.name, after_undo.attendance_standard) == (before.name, before.attendance_standard)
    assert header.title.text() == before.name
    assert window.store.history(limit=1)[0].entity == "subcommittee"


# --- filtering ---------------------------------------------------------------------------
def test_filter_by_text_and_by_agency(window, qtbot):
    page = window.membership_page
    current = window.store.members(include_ended=False)
    assert page.proxy.rowCount() == len(current)
    qtbot.keyClicks(page.filter_edit, "okafor")
    assert page.proxy.rowCount() == 1
    page.filter_edit.clear()
    police = window.store.find_agency("Police")
    page.agency_combo.setCurrentIndex(page.agency_combo.findData(police.id))
    assert page.proxy.rowCount() == sum(1 for m in current if m.agency_id == police.id) > 0
    qtbot.keyClicks(page.filter_edit, "no such person")
    assert page.proxy.rowCount() == 0


def test_ctrl_f_focuses_the_filter_box(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.membership_page.table.setFocus()
    qtbot.keyClick(window.membership_page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.membership_page.filter_edit.hasFocus, timeout=3000)


def test_history_page_filters_by_kind(window):
    page = window.history_page
    window.show_page(window.PAGE_HISTORY)
    total = page.proxy.rowCount()
    page.entity_combo.setCurrentIndex(page.entity_combo.findData("agency"))
    agencies = sum(1 for c in window.store.history() if c.entity == "agency")
    assert 0 < page.proxy.rowCount() == agencies < total


# --- warnings ----------------------------------------------------------------------------
def test_warnings_panel_lists_what_register_warnings_returns(window):
    s = window.store
    expected = register_warnings(s.subcommittee(), s.agencies(), s.members())
    panel = window.membership_page.warnings
    assert expected
    assert [panel.list.item(i).text().split("  (")[0] for i in range(panel.list.count())] == [
        w.message for w in expected]
    assert window.nav.item(0).text() == f"Membership · {len(expected)} warning{'s' if len(expected) != 1 else ''}"


def test_clicking_a_warning_selects_its_member(window):
    panel = window.membership_page.warnings
    window.membership_page.filter_edit.setText("zzz")  # hides everyone; the warning must undo that
    row = next(i for i, w in enumerate(panel.warnings) if w.member_id is not None)
    panel.list.itemClicked.emit(panel.list.item(row))
    assert window.membership_page.current_member_id() == panel.warnings[row].member_id
    assert window.membership_page.filter_edit.text() == ""


def test_naming_a_vacant_seat_clears_its_warning(window):
    vacant = next(m for m in window.store.members(include_ended=False) if m.is_vacant)
    before = len(window.membership_page.warnings.warnings)
    window.membership_page.select_member(vacant.id)
    window.edit_member_action.trigger()
    dialog = window.active_dialog
    dialog.ui.nameEdit.setText("Sam Filled")
    dialog.ui.emailEdit.setText("sam.filled@example.gov.uk")
    ok(dialog)
    messages = [w.message for w in window.membership_page.warnings.warnings]
    assert not any(vacant.role_title in m and "No one is named" in m for m in messages)
    assert len(messages) < before


# --- databases ---------------------------------------------------------------------------
def test_open_recent_remembers_and_prunes(window, tmp_path, settings, demo_db):
    other = tmp_path / "other.sqlite"
    assert window.open_database(other, must_exist=False)
    assert window.store.path == other
    assert settings.recent_databases[:2] == [other.resolve(), demo_db.resolve()]
    assert Settings(settings.qsettings.fileName()).last_database == other.resolve()
    window._fill_recent_menu()
    recent = window.recent_database_actions()
    assert [a.data() for a in recent] == [str(other.resolve()), str(demo_db.resolve())]
    recent[1].trigger()
    assert window.store.path.resolve() == demo_db.resolve()

    window.store.close()
    window.store = None
    other.unlink()
    window._fill_recent_menu()
    assert [a.data() for a in window.recent_database_actions()] == [str(demo_db.resolve())]
    assert str(other.resolve()) in window.active_message.text()
    window.active_message.close()


def test_opening_a_damaged_file_keeps_the_current_database(window, tmp_path, shown_errors, demo_db):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    assert not window.open_database(bad)
    assert shown_errors and "not an MQ&P database" in shown_errors[0][1]
    assert window.store.path == demo_db


def test_new_database_from_the_blank_template(window, tmp_path, monkeypatch):
    target = tmp_path / "training.sqlite"
    monkeypatch.setattr(window, "choose_new_database", lambda: (target, "blank"))
    window.new_database_action.trigger()
    assert window.store.path == target
    assert window.store.members() == []
    assert target.name in window.windowTitle()


def test_new_database_refuses_an_existing_file(window, monkeypatch, shown_errors, demo_db):
    monkeypatch.setattr(window, "choose_new_database", lambda: (demo_db, "blank"))
    window.new_database_action.trigger()
    assert shown_errors and "already exists" in shown_errors[0][1]


def test_export_register_writes_the_chosen_file_type(window, tmp_path, monkeypatch):
    target = tmp_path / "register.csv"
    monkeypatch.setattr(window, "choose_export_file", lambda: target)
    window.export_action.trigger()
    assert window.last_export == target
    text = target.read_text(encoding="utf-8-sig")
    assert "Amara Okafor" in text


def test_import_members_through_the_preview(window, tmp_path, monkeypatch):
    police = window.store.find_agency("Police")
    source = tmp_path / "import.csv"
    source.write_text(
        "Name,Role title,Agency,Email\n"
        "Lee Imported,Safeguarding Lead (Schools),Police,lee.imported@met.example.police.uk\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(window, "choose_import_file", lambda: source)
    window.undo_stack.push(RegisterCommand("an earlier edit", lambda: None, lambda: None))
    window.import_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    ok(dialog)
    assert window.active_dialog is None
    lee = member_named(window, "Lee Imported")
    assert lee.agency_id == police.id
    assert window.undo_stack.count() == 0, "an import is not part of the undo stack"


def test_the_import_preview_shows_a_guessed_encoding_and_reads_the_file_again_in_another(window, tmp_path,
                                                                                        monkeypatch):
    source = tmp_path / "from-old-excel.csv"
    source.write_bytes("Name;Role title;Agency\nJosé Núñez;Safeguarding Lead (Schools);Police\n".encode("cp1252"))
    monkeypatch.setattr(window, "choose_import_file", lambda: source)
    window.import_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    ui = dialog.ui
    assert ui.encodingCombo.isVisible() and ui.encodingNoteLabel.isVisible()
    assert ui.encodingCombo.currentText() == "Windows-1252 (Western European) (guessed)"
    assert "guessed" in ui.encodingNoteLabel.text() and "José Núñez" in ui.encodingNoteLabel.text()
    who = dialog.proxy.index(0, 2)
    assert "José Núñez" in who.data()

    ui.encodingCombo.setCurrentIndex(ui.encodingCombo.findData("cp1250"))  # read it as Central European
    assert "José Núńez" in dialog.proxy.index(0, 2).data()
    assert ui.encodingNoteLabel.text() == "Read as Windows-1250 (Central European)."
    ui.encodingCombo.setCurrentIndex(ui.encodingCombo.findData("utf-8"))  # it is not UTF-8
    assert ui.errorLabel.isVisible() and "cannot be read as UTF-8" in ui.errorLabel.text()
    assert "line 2" in ui.errorLabel.text() and not dialog.import_button.isEnabled()
    assert dialog.proxy.rowCount() == 0
    ui.encodingCombo.setCurrentIndex(ui.encodingCombo.findData("cp1252"))
    assert not ui.errorLabel.isVisible() and dialog.import_button.isEnabled()
    ok(dialog)
    assert window.active_dialog is None
    assert member_named(window, "José Núñez").role_title == "Safeguarding Lead (Schools)"


def test_a_workbook_preview_has_no_encoding_to_choose(window, tmp_path, monkeypatch):
    from tests.helpers.register_files import row, write_xlsx

    source = write_xlsx(tmp_path / "members.xlsx", [row(name="Kim Sheet", agency="Police", email="")])
    monkeypatch.setattr(window, "choose_import_file", lambda: source)
    window.import_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ImportPreviewDialog)
    assert not dialog.ui.encodingCombo.isVisible() and not dialog.ui.encodingNoteLabel.isVisible()
    dialog.reject()


@pytest.mark.parametrize(("build", "says"), [
    ("entity bomb", "entity bombs"),
    ("zip bomb", "zip bomb"),
    ("stray byte", "line 3"),
])
def test_a_hostile_file_is_refused_with_its_reason_and_nothing_written(window, tmp_path, monkeypatch, shown_errors,
                                                                       build, says):
    from tests.helpers import hostile_files as hf
    from tests.helpers.db_dump import dump
    from tests.helpers.register_files import row, write_csv, write_xlsx

    if build == "stray byte":
        source = write_csv(tmp_path / "members.csv", [row(name="Zoë"), row(name="René", email="")])
        source.write_bytes(source.read_bytes().replace("René".encode(), b"Ren\xe9"))
    else:
        source = tmp_path / "members.xlsx"
        good = write_xlsx(tmp_path / "good.xlsx", [row()]).read_bytes()
        source.write_bytes(hf.zip_bomb(good) if build == "zip bomb" else
                           hf.rezip(good, replace={hf.SHEET: hf.entity_bomb()}))
    before = dump(window.store.db.conn)
    monkeypatch.setattr(window, "choose_import_file", lambda: source)
    window.import_action.trigger()
    assert window.active_dialog is None
    ((title, message),) = shown_errors
    assert title == "Import members" and f"'{source.name}'" in message and says in message
    assert dump(window.store.db.conn) == before


# --- layout memory -----------------------------------------------------------------------
def test_geometry_and_column_widths_are_restored(qtbot, demo_db, settings):
    settings.due_on_opening = False  # the line saying what is overdue adds its height; this test is of the size kept
    first = MainWindow(Store.open(demo_db), settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(first.width(), 480)  # the offscreen screen is 800x600: change the height only
    assert first.height() == 480 != first.default_size().height()
    first.membership_page.table.setColumnWidth(MembersTableModel.COL_POST, 333)
    first.close()

    second = MainWindow(Store.open(demo_db), settings=Settings(settings.qsettings.fileName()))
    qtbot.addWidget(second)
    assert second.height() == 480
    assert second.membership_page.table.columnWidth(MembersTableModel.COL_POST) == 333
    second.close()


def test_history_is_read_when_its_page_is_shown_not_at_every_refresh(window):
    window.show_page(window.PAGE_HISTORY)
    shown = window.history_page.model.rowCount()
    assert shown == len(window.store.history())
    window.show_page(window.PAGE_MEMBERSHIP)
    agency = window.store.agencies()[0]
    window.store.add_member(Member(name="Later Person", role_title="Officer", agency_id=agency.id))
    window.refresh()
    assert window.history_page.model.rowCount() == shown  # not read while hidden
    window.show_page(window.PAGE_HISTORY)
    assert window.history_page.model.rowCount() == shown + 1


def test_the_file_menu_has_one_mnemonic_letter_per_entry(window):
    """Alt+F then a letter must reach one entry: the File menu gained backups and encryption,
    and 'Open &Recent' and '&Restore from a backup' once shared R. (The Meetings, Agenda and
    Minutes menus still share some letters; Qt then cycles between the entries.)"""
    clashes: list[str] = []

    def letters(menu):
        seen: dict[str, str] = {}
        for action in menu.actions():
            text = action.text().replace("&&", "")
            if "&" in text:
                letter = text[text.index("&") + 1].lower()
                if letter in seen:
                    clashes.append(f"'{seen[letter]}' and '{text}' share Alt+{letter} in '{menu.title()}'")
                seen[letter] = text
            if action.menu() is not None:
                letters(action.menu())

    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu.title() == "&File" and len(file_menu.actions()) > 10
    letters(file_menu)
    assert clashes == [], "\n".join(clashes)

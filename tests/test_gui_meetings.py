"""The Meetings page and the attendance register, through the real window on a demo database.

Dialogs are opened with ``QDialog.open()`` (no nested event loop): each test
finds the open one in ``window.active_dialog``. Keys go to the register's
table with ``qtbot.keyClick``; every assertion about what was saved reads the
database back through the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import ChairDecision, Meeting, MeetingKind, MeetingStatus
from mqp_desktop.domain.model import FrequencyUnit
from mqp_desktop.domain.schedule import generate_series
from mqp_desktop.store import Store
from mqp_desktop.store.errors import DatabaseLocked
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.meeting_dialogs import (
    CancelMeetingDialog,
    MeetingDialog,
    PasteApologiesDialog,
    SeriesDialog,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.meetings_models import (
    GuestsTableModel,
    MeetingsTableModel,
    RegisterTableModel,
    SeriesPreviewModel,
)
from mqp_desktop.ui.pages.quorum_panel import NOT_QUORATE, NOT_YET, QUORATE
from mqp_desktop.ui.settings import Settings

KEYS = {S.PRESENT: Qt.Key.Key_P, S.DEPUTY: Qt.Key.Key_D, S.APOLOGIES: Qt.Key.Key_A, S.ABSENT: Qt.Key.Key_X}


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
    w.show_page(w.PAGE_MEETINGS)
    yield w
    if w.store is not None:
        w.store.close()


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def next_meeting(window) -> Meeting:
    return window.store.meetings.next_meeting()


@pytest.fixture
def register(window):
    """The register view of the next (planned, empty) meeting, moved to today: the register is taken, and
    the chair decides on an inquorate meeting, on the day (a chair's decision before it is refused)."""
    meeting = next_meeting(window)
    assert window.store.meetings.entries(meeting.id) == {}
    meeting = window.store.meetings.update(dataclasses.replace(meeting, date=dt.date.today()))
    window.refresh()
    assert window.meetings.page.select_meeting(meeting.id)
    window.meetings.take_register_action.trigger()
    view = window.meetings.page.register_view
    assert window.meetings.page.in_register and view.meeting.id == meeting.id
    return view


def row_of(view, name: str) -> int:
    return next(i for i, r in enumerate(view.rows()) if r.member.name == name)


def press(qtbot, view, name: str, key) -> None:
    view.table.go_to_row(row_of(view, name))
    qtbot.keyClick(view.table, key)


def stored(window, meeting_id: int) -> dict[str, tuple[str, str]]:
    names = {m.id: m.name for m in window.store.members()}
    return {names[mid]: (e.status.value, e.deputy_name) for mid, e in window.store.meetings.entries(meeting_id).items()}


# --- models ------------------------------------------------------------------------------
def test_models_pass_the_model_tester(qtmodeltester, demo_store):
    repo = demo_store.meetings
    meetings = MeetingsTableModel()
    meetings.set_rows(repo.summaries(), next_id=repo.next_meeting().id)
    qtmodeltester.check(meetings)
    held = next(m for m in repo.list() if m.status is MeetingStatus.HELD)
    register = RegisterTableModel()
    register.set_rows(repo.register(held.id))
    qtmodeltester.check(register)
    guests = GuestsTableModel()
    guests.set_rows(repo.guests(held.id))
    assert guests.rowCount() == 1
    qtmodeltester.check(guests)
    preview = SeriesPreviewModel()
    from mqp_desktop.domain.schedule import plan_series

    preview.set_rows(plan_series(dt.date(2027, 3, 1), 4, 2, FrequencyUnit.MONTHS, {dt.date(2027, 5, 3)}))
    qtmodeltester.check(preview)


# --- the page ----------------------------------------------------------------------------
def test_page_lists_meetings_with_register_progress_quorum_and_the_countdown(window):
    page = window.meetings.page
    assert window.nav.item(window.PAGE_MEETINGS).text() == "Meetings"
    assert window.nav.item(window.PAGE_MEETINGS - 1).text().startswith("Membership")
    nxt = next_meeting(window)
    days = (nxt.date - dt.date.today()).days
    assert page.header.headline.text() == (
        f"Next meeting: {nxt.date:%A} {nxt.date.day} {nxt.date:%B %Y}, 10:00 — in {days} days"
        if days > 1 else page.header.headline.text())
    model = page.model
    summaries = {model.summary(r).meeting.id: r for r in range(model.rowCount())}
    assert len(summaries) == len(window.store.meetings.list())
    inquorate = next(m for m in window.store.meetings.list() if m.chair_decision is ChairDecision.PROCEED)
    row = summaries[inquorate.id]
    assert model.index(row, model.COL_QUORATE).data().startswith("✗ Not quorate")
    assert "of" in model.index(row, model.COL_REGISTER).data()
    assert model.index(summaries[nxt.id], model.COL_STATUS).data() == "Planned — next"
    # filters: upcoming / past / all, cancelled shown or not
    today = dt.date.today()
    all_ids = set(page.visible_meeting_ids())
    page.period_combo.setCurrentIndex(page.period_combo.findData("upcoming"))
    assert set(page.visible_meeting_ids()) == {m.id for m in window.store.meetings.list() if m.date >= today}
    page.period_combo.setCurrentIndex(page.period_combo.findData("past"))
    assert set(page.visible_meeting_ids()) == {m.id for m in window.store.meetings.list() if m.date < today}
    cancelled = {m.id for m in window.store.meetings.list() if m.status is MeetingStatus.CANCELLED}
    assert cancelled and cancelled <= set(page.visible_meeting_ids())
    page.show_cancelled.setChecked(False)
    assert not cancelled & set(page.visible_meeting_ids())
    page.period_combo.setCurrentIndex(page.period_combo.findData("all"))
    assert set(page.visible_meeting_ids()) == all_ids - cancelled


def test_meetings_menu_and_shortcuts(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "Mee&tings")
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["&Plan a series…", "Add &extraordinary meeting…", "E&dit meeting…"]  # its own Alt letter (issue 14)
    c = window.meetings
    assert c.take_register_action.shortcut().toString() == "Ctrl+T"
    assert c.everyone_present_action.shortcut().toString() == "Ctrl+Shift+P"
    assert c.paste_apologies_action.shortcut().toString() == "Ctrl+Shift+V"
    assert window.page_actions[window.PAGE_MEETINGS].shortcut().toString() == f"Ctrl+{window.PAGE_MEETINGS + 1}"
    # the register's actions only work inside a register
    assert not c.everyone_present_action.isEnabled()
    window.show_page(window.PAGE_AGENCIES)
    assert not c.add_meeting_action.isEnabled() and window.add_agency_action.isEnabled()


def test_plan_a_series_through_the_dialog(window, shown_errors):
    before = {m.id for m in window.store.meetings.list()}
    window.meetings.plan_series_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, SeriesDialog)
    first = dt.date(2027, 3, 1)  # the first Monday: May's falls on the early May bank holiday
    dialog.ui.firstDateEdit.setDate(first)
    dialog.ui.countSpin.setValue(4)
    expected = generate_series(first, 4, 2, FrequencyUnit.MONTHS)
    assert dialog.dates() == expected
    assert expected[1] == dt.date(2027, 5, 4)
    model = dialog.model
    assert "bank holiday" in model.index(1, model.COL_NOTE).data()
    assert model.index(0, model.COL_NOTE).data() == ""
    # any date can be changed before saving
    assert dialog.set_date(3, dt.date(2027, 9, 14))
    assert "changed by hand" in model.index(3, model.COL_NOTE).data()
    dialog.ui.venueEdit.setText("Committee Room 2")
    ok(dialog)
    assert window.active_dialog is None and not shown_errors
    added = [m for m in window.store.meetings.list() if m.id not in before]
    assert [m.date for m in added] == expected[:3] + [dt.date(2027, 9, 14)]
    assert {(m.kind, m.status, m.venue) for m in added} == {
        (MeetingKind.ORDINARY, MeetingStatus.PLANNED, "Committee Room 2")}
    assert window.meetings.page.model.rowCount() == len(window.store.meetings.list())


def test_a_bad_time_keeps_the_series_dialog_open_and_plans_nothing(window):
    before = len(window.store.meetings.list())
    window.meetings.plan_series_action.trigger()
    dialog = window.active_dialog
    dialog.ui.startTimeEdit.setText("25:00")
    ok(dialog)
    assert window.active_dialog is dialog and dialog.errors.field == "start_time"
    assert len(window.store.meetings.list()) == before
    dialog.reject()


def test_add_an_extraordinary_meeting_then_cancel_it_and_undo(window, shown_errors):
    window.meetings.add_meeting_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, MeetingDialog)
    day = dt.date.today() + dt.timedelta(days=30)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    dialog.ui.dateEdit.setDate(day)
    dialog.ui.startTimeEdit.setText("2pm")
    dialog.ui.endTimeEdit.setText("3.30pm")
    dialog.ui.notesEdit.setPlainText("Rapid review")
    ok(dialog)
    assert not shown_errors
    added = next(m for m in window.store.meetings.list() if m.notes == "Rapid review")
    assert (added.kind, added.date, added.start_time, added.end_time) == (
        MeetingKind.EXTRAORDINARY, day, "14:00", "15:30")
    page = window.meetings.page
    assert page.current_meeting().id == added.id

    window.meetings.cancel_meeting_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, CancelMeetingDialog)
    dialog.ui.reasonEdit.setText("Chair unwell")
    ok(dialog)
    cancelled = window.store.meetings.get(added.id)
    assert cancelled.status is MeetingStatus.CANCELLED and "Cancelled: Chair unwell" in cancelled.notes
    row = page.model.row_of(added.id)
    assert page.model.index(row, MeetingsTableModel.COL_STATUS).data() == "Cancelled"
    assert not window.meetings.cancel_meeting_action.isEnabled()

    window.undo_action.trigger()
    restored = window.store.meetings.get(added.id)
    assert restored.status is MeetingStatus.PLANNED and restored.notes == "Rapid review"
    assert window.store.history(limit=1)[0].action == "cancellation undone"


def test_edit_a_meeting_and_undo(window):
    meeting = next_meeting(window)
    window.meetings.page.select_meeting(meeting.id)
    window.meetings.edit_meeting_action.trigger()
    dialog = window.active_dialog
    dialog.ui.venueEdit.setText("Online only")
    ok(dialog)
    assert window.store.meetings.get(meeting.id).venue == "Online only"
    window.undo_action.trigger()
    assert window.store.meetings.get(meeting.id).venue == meeting.venue


def test_the_window_fits_a_1366_pixel_laptop_screen_with_every_page_built(qtbot, window):
    """Nothing on any page (the register's key legend, a long venue) forces the window wider than 1280 px."""
    for page in range(window.pages.count()):
        window.show_page(page)
        qtbot.wait(1)
    window.show_page(window.PAGE_MEETINGS)
    window.meetings.take_register_action.trigger()
    assert window.meetings.page.in_register
    qtbot.wait(1)
    assert window.minimumSizeHint().width() <= 1280
    window.resize(1100, 760)
    qtbot.waitUntil(lambda: window.width() == 1100)
    legend = window.meetings.page.register_view.legend
    assert legend.height() > legend.sizeHint().height()  # the keys wrapped onto a second line


# --- the register ------------------------------------------------------------------------
def test_take_a_whole_register_with_the_keyboard(qtbot, window, register):
    view = register
    meeting_id = view.meeting.id
    rows = view.rows()
    plan = {}
    for i, r in enumerate(rows):
        if r.member.deputy_name:
            plan[r.member.name] = S.DEPUTY
        else:
            plan[r.member.name] = (S.PRESENT, S.APOLOGIES, S.PRESENT, S.ABSENT)[i % 4]
    view.table.go_to_row(0)
    for r in rows:
        assert view.table.current_row() == row_of(view, r.member.name), "the cursor moves down after each key"
        qtbot.keyClick(view.table, KEYS[plan[r.member.name]])
    expected = {
        r.member.name: (plan[r.member.name].value, r.member.deputy_name if plan[r.member.name] is S.DEPUTY else "")
        for r in rows
    }
    assert stored(window, meeting_id) == expected
    assert view.progress.text().startswith(f"{len(rows)} of {len(rows)} recorded")
    # Up moves back; Delete clears the row and moves on
    qtbot.keyClick(view.table, Qt.Key.Key_Up)
    last = rows[-2].member.name
    assert view.table.current_row() == row_of(view, last)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert last not in stored(window, meeting_id)
    assert view.model.index(row_of(view, last), RegisterTableModel.COL_STATUS).data().endswith("not recorded")
    # the meetings table shows the progress too
    page = window.meetings.page
    assert page.model.index(page.model.row_of(meeting_id), MeetingsTableModel.COL_REGISTER).data() == (
        f"{len(rows) - 1} of {len(rows)} recorded")


def test_deputy_with_no_nominated_deputy_opens_the_name_for_typing(qtbot, window, register):
    view = register
    name = "Joanne Price"
    assert not view.rows()[row_of(view, name)].member.deputy_name
    press(qtbot, view, name, Qt.Key.Key_D)
    assert name not in stored(window, view.meeting.id), "nothing is saved until the name is typed"
    editor = next(e for e in view.table.findChildren(QLineEdit) if e.isVisible())
    editor.setText("Sam Deputy")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the item delegate commits Enter through a queued call: let the event loop deliver it
    qtbot.waitUntil(lambda: name in stored(window, view.meeting.id))
    assert stored(window, view.meeting.id)[name] == (S.DEPUTY.value, "Sam Deputy")
    assert view.table.current_row() == row_of(view, name) + 1
    assert view.model.index(row_of(view, name), RegisterTableModel.COL_DEPUTY).data() == "Sam Deputy"


def test_quorum_indicator_changes_as_the_third_statutory_agency_arrives_by_deputy(qtbot, window, register):
    view = register
    panel = view.quorum_panel
    assert panel.state == NOT_YET and panel.count.text() == "0 of 3 statutory agencies present"
    press(qtbot, view, "Amara Okafor", Qt.Key.Key_P)  # LA Children's Services
    press(qtbot, view, "Chris Donnelly", Qt.Key.Key_P)  # non-statutory: present, not counted
    assert panel.count.text() == "1 of 3 statutory agencies present"
    assert "Present, not counted" in panel.details.text() and "Priory" in panel.details.text()
    press(qtbot, view, "DI Mark Ellison", Qt.Key.Key_D)  # the police, through his nominated deputy
    assert panel.state == NOT_YET and panel.count.text() == "2 of 3 statutory agencies present"
    assert "DS Karen Osei, deputy for DI Mark Ellison" in panel.details.text()
    assert "SWL ICB" in panel.details.text() and "not yet recorded" in panel.details.text()
    press(qtbot, view, "Dr Helen Carter", Qt.Key.Key_D)  # the ICB, through Dr Ravi Shah
    assert panel.state == QUORATE and panel.quorate
    assert panel.headline.text() == "✔  QUORATE"
    assert panel.count.text() == "3 of 3 statutory agencies present"
    assert "Dr Ravi Shah, deputy for Dr Helen Carter" in panel.details.text()
    assert "at least 3 statutory agencies" in panel.rule.text()
    assert not view.decision_box.isVisibleTo(view)
    # apologies instead: not quorate again
    press(qtbot, view, "Dr Helen Carter", Qt.Key.Key_A)
    assert not panel.quorate and "apologies from Dr Helen Carter" in panel.details.text()


def test_mark_everyone_else_present_in_one_transaction_and_undo(qtbot, window, register):
    view = register
    press(qtbot, view, "Patrick Dunne", Qt.Key.Key_A)
    history_before = len(window.store.history())
    window.meetings.everyone_present_action.trigger()
    entries = stored(window, view.meeting.id)
    assert len(entries) == len(view.rows())
    assert entries["Patrick Dunne"] == (S.APOLOGIES.value, "")
    assert {v for k, v in entries.items() if k != "Patrick Dunne"} == {(S.PRESENT.value, "")}
    assert view.quorum_panel.quorate
    assert len(window.store.history()) == history_before + len(view.rows()) - 1
    window.undo_action.trigger()
    assert stored(window, view.meeting.id) == {"Patrick Dunne": (S.APOLOGIES.value, "")}
    assert view.progress.text().startswith("1 of")


def test_paste_apologies_shows_the_unmatched_name_and_applies_only_matches(qtbot, window, register):
    view = register
    press(qtbot, view, "Dr Mei Lin", Qt.Key.Key_P)
    window.meetings.paste_apologies(
        "Dr Amara Okafor\nmark.ellison@met.example.police.uk\nMei Lin\nJon Smyth\n")
    dialog = window.active_dialog
    assert isinstance(dialog, PasteApologiesDialog)
    assert dialog.unmatched == ["Jon Smyth"]
    assert [dialog.ui.unmatchedList.item(i).text() for i in range(dialog.ui.unmatchedList.count())] == ["✖ Jon Smyth"]
    assert [m.name for m in dialog.to_mark] == ["Amara Okafor", "DI Mark Ellison"]
    assert "left as it is" in dialog.ui.matchedList.item(2).text()
    ok_button = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert ok_button.text() == "Mark 2 as apologies sent"
    ok(dialog)
    assert window.active_dialog is None
    assert stored(window, view.meeting.id) == {
        "Amara Okafor": (S.APOLOGIES.value, ""),
        "DI Mark Ellison": (S.APOLOGIES.value, ""),
        "Dr Mei Lin": (S.PRESENT.value, ""),
    }
    assert view.model.index(row_of(view, "Amara Okafor"), RegisterTableModel.COL_STATUS).data().endswith(
        "Apologies sent")


def test_a_failed_write_shows_the_message_and_the_row_keeps_its_value(qtbot, window, register, shown_errors,
                                                                     monkeypatch):
    view = register
    press(qtbot, view, "Imogen Hart", Qt.Key.Key_P)
    repo = type(window.store.meetings)

    def locked(*_args, **_kwargs):
        raise DatabaseLocked("The database is locked by another program.", "Close the other copy.")

    monkeypatch.setattr(repo, "record_many", locked)
    press(qtbot, view, "Imogen Hart", Qt.Key.Key_X)
    assert shown_errors and "locked" in shown_errors[-1][1]
    assert view.model.index(row_of(view, "Imogen Hart"), RegisterTableModel.COL_STATUS).data().endswith("Present")
    assert view.table.current_row() == row_of(view, "Imogen Hart"), "the cursor stays on the row that failed"
    monkeypatch.undo()
    assert stored(window, view.meeting.id) == {"Imogen Hart": (S.PRESENT.value, "")}


def test_guests_are_added_and_removed_and_never_count(qtbot, window, register):
    view = register
    box = view.guests_box
    box.name.setText("Dr Ama Boateng")
    box.organisation.setText("Performance Team")
    box.item.setText("Dataset")
    box.add_button.click()
    guests = window.store.meetings.guests(view.meeting.id)
    assert [(g.name, g.organisation, g.item) for g in guests] == [("Dr Ama Boateng", "Performance Team", "Dataset")]
    assert box.model.rowCount() == 1 and box.name.text() == ""
    assert view.quorum_panel.count.text() == "0 of 3 statutory agencies present"
    box.table.selectRow(0)
    box.remove_button.click()
    assert window.store.meetings.guests(view.meeting.id) == []


def test_chair_decides_to_reconvene_an_inquorate_meeting_then_plans_it(qtbot, window, register):
    view = register
    for name in ("DI Mark Ellison", "DS Karen Osei", "Dr Helen Carter", "Joanne Price"):
        press(qtbot, view, name, Qt.Key.Key_A)
    window.meetings.everyone_present_action.trigger()
    panel, box = view.quorum_panel, view.decision_box
    assert panel.state == NOT_QUORATE and panel.headline.text() == "✖  NOT QUORATE"
    assert panel.count.text() == "1 of 3 statutory agencies present"
    assert box.isVisibleTo(view) and not box.record_button.isEnabled()
    box.reconvene.setChecked(True)
    box.note.setText("Police and ICB unable to attend")
    box.record_button.click()
    meeting = window.store.meetings.get(view.meeting.id)
    assert (meeting.status, meeting.chair_decision, meeting.chair_decision_note) == (
        MeetingStatus.RECONVENED, ChairDecision.RECONVENE, "Police and ICB unable to attend")
    assert "decided to reconvene" in box.recorded.text()
    assert box.plan_button.isVisibleTo(view)
    box.plan_button.click()
    dialog = window.active_dialog
    assert isinstance(dialog, MeetingDialog) and dialog.windowTitle() == "Reconvene meeting"
    new_day = meeting.date + dt.timedelta(days=21)
    dialog.ui.dateEdit.setDate(new_day)
    ok(dialog)
    replacement = next(m for m in window.store.meetings.list() if m.replaces_id == meeting.id)
    assert (replacement.date, replacement.status) == (new_day, MeetingStatus.PLANNED)
    assert not box.plan_button.isVisibleTo(view) and "Reconvened as" in box.recorded.text()
    # back to the list: the link shows both ways
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    page = window.meetings.page
    assert not page.in_register and page.current_meeting().id == meeting.id
    links = page.model.index(page.model.row_of(meeting.id), MeetingsTableModel.COL_LINKS).data()
    assert links.startswith("reconvened as ")
    assert page.model.index(page.model.row_of(replacement.id), MeetingsTableModel.COL_LINKS).data().startswith(
        "replaces ")


def test_proceed_is_refused_when_the_rule_says_reconvene(qtbot, window, register):
    from mqp_desktop.domain.quorum import QuorumRule

    sc = window.store.subcommittee()
    window.store.update_subcommittee(
        type(sc)(**{**sc.__dict__, "quorum_rule": QuorumRule(count=3, chair_may_proceed=False)}))
    window.refresh()
    view = register
    press(qtbot, view, "Amara Okafor", Qt.Key.Key_P)
    box = view.decision_box
    assert box.isVisibleTo(view) and box.reconvene.isChecked()
    box.proceed.setChecked(True)
    assert not box.record_button.isEnabled()
    assert box.why_not.isVisibleTo(view) and "must be reconvened" in box.why_not.text()
    assert "must be reconvened" in view.quorum_panel.rule.text()
    box.reconvene.setChecked(True)
    assert box.record_button.isEnabled()


def test_chair_proceeds_and_the_meetings_table_says_so(qtbot, window, register):
    view = register
    press(qtbot, view, "Amara Okafor", Qt.Key.Key_P)
    box = view.decision_box
    box.proceed.setChecked(True)
    box.note.setText("For information only")
    box.record_button.click()
    meeting = window.store.meetings.get(view.meeting.id)
    assert (meeting.chair_decision, meeting.status) == (ChairDecision.PROCEED, MeetingStatus.HELD)
    page = window.meetings.page
    text = page.model.index(page.model.row_of(meeting.id), MeetingsTableModel.COL_QUORATE).data()
    assert text == "✗ Not quorate — chair: proceeded"
    window.undo_action.trigger()
    meeting = window.store.meetings.get(view.meeting.id)
    assert meeting.chair_decision is None and meeting.status is MeetingStatus.PLANNED


def test_the_register_of_a_meeting_with_signed_minutes_is_locked_and_says_how_to_correct(qtbot, window,
                                                                                         shown_errors):
    store = window.store
    signed = next(m for m in store.meetings.list() if store.minutes.is_locked(m.id))
    assert window.meetings.page.select_meeting(signed.id)
    window.meetings.take_register_action.trigger()
    view = window.meetings.page.register_view
    assert not view.lock_banner.isHidden() and "Make a correction" in view.lock_banner.text()
    before = stored(window, signed.id)
    name = next(iter(before))
    new_key = Qt.Key.Key_X if before[name][0] != S.ABSENT.value else Qt.Key.Key_P
    press(qtbot, view, name, new_key)
    assert shown_errors and shown_errors[-1][0] == "Register not saved"
    assert "is locked with them" in shown_errors[-1][1] and "Make a correction" in shown_errors[-1][1]
    assert stored(window, signed.id) == before
    # an open meeting's register shows no banner
    window.meetings.page.show_list()
    assert window.meetings.page.select_meeting(next_meeting(window).id)
    window.meetings.take_register_action.trigger()
    assert view.lock_banner.isHidden()


def test_the_deputy_who_attended_is_in_view_at_1366_by_768(window, register, qtbot):
    """Issue 14, point 5: at a laptop's width the register's 'Deputy who attended' ran off the right edge;
    agency, member, attendance and deputy now share the visible width, the post is the one cut short."""
    from mqp_desktop.ui.meetings_models import RegisterTableModel

    window.resize(1366, 740)
    qtbot.wait(50)
    table = register.table
    deputy = RegisterTableModel.COL_DEPUTY
    assert table.columnViewportPosition(deputy) + table.columnWidth(deputy) <= table.viewport().width() + 1
    for column, _wanted, narrowest in table.FIT:
        assert table.columnWidth(column) >= narrowest
    # wider: every column as wide as its longest entry (within its bounds), the post taking the rest
    window.resize(1900, 900)

    def as_wanted(column, wanted, narrowest):
        return table.columnWidth(column) == max(narrowest, min(table.sizeHintForColumn(column), wanted + 80))

    qtbot.waitUntil(lambda: all(as_wanted(*fit) for fit in table.FIT))

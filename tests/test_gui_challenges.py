"""The Challenges page and its dialogs, through the real main window on the demo database.

The demo holds closed, open, answered (awaiting review), one overdue and one withdrawn
challenge. Dialogs are opened with ``QDialog.open()`` (no nested event loop): each test finds
the open one in ``window.active_dialog``. What the page shows is compared with what
``store.challenges`` says; what a dialog saved is read back through the store.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mqp_desktop.domain.challenges import ChallengeStatus, SubjectKind, Verdict
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.challenges_models import (
    OVERDUE_BACKGROUND,
    OVERDUE_COLOUR,
    OVERDUE_MARK,
    ChallengeFilterProxy,
    ChallengeLogModel,
)
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.challenge_dialogs import (
    ChallengeCloseDialog,
    ChallengeDialog,
    ChallengeResponseDialog,
    ChallengeReviewDialog,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.models import RECORD_ROLE
from mqp_desktop.ui.settings import Settings

TODAY = dt.date.today()


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error",
                        lambda parent, exc, title="": shown.append((title, errors.problem_and_remedy(exc)[0])))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.nav.setFocus()
    press(qtbot, w, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)  # the page's shortcut
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def page(window):
    assert window.pages.currentWidget() is window.challenges.page
    return window.challenges.page


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard focus is (window shortcuts work from there); after a dialog
    closed, the window is active again first, as it is on a desktop."""
    if QApplication.activeWindow() is None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def repo(window):
    return window.store.challenges


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def shown(page) -> list[str]:
    """The references the table shows, in its order."""
    return [page.proxy.index(r, 0).data(RECORD_ROLE).challenge.reference for r in range(page.proxy.rowCount())]


def select(page, status: ChallengeStatus):
    page.show_only("all")
    for r in range(page.proxy.rowCount()):
        row = page.proxy.index(r, 0).data(RECORD_ROLE)
        if row.status is status:
            page.table.selectRow(r)
            return row.challenge
    raise AssertionError(f"no {status} challenge in the demo")


# --- the models ----------------------------------------------------------------------------
def test_the_model_and_its_filter_pass_the_model_tester(qtmodeltester, window):
    model = ChallengeLogModel()
    model.set_rows(window.challenges.rows(TODAY))
    qtmodeltester.check(model)
    proxy = ChallengeFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters("overdue", None, "")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 1


# --- what the page shows --------------------------------------------------------------------
def test_the_page_shows_the_open_challenges_and_the_overdue_one_plainly(page, window):
    everything = repo(window).all()
    live = sorted(c.reference for c in everything if not c.status(TODAY).finished)
    assert sorted(shown(page)) == live, "open ones by default (overdue and awaiting review included)"
    [overdue] = [c for c in everything if c.status(TODAY) is ChallengeStatus.OVERDUE]
    row = page.model.row_of(overdue.id)
    status = page.model.index(row, ChallengeLogModel.COL_STATUS)
    due = page.model.index(row, ChallengeLogModel.COL_DUE)
    assert status.data().startswith(OVERDUE_MARK) and f"{(TODAY - overdue.due_date).days} days" in status.data()
    assert "⚠" in due.data()
    assert status.data(Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_COLOUR
    assert due.data(Qt.ItemDataRole.BackgroundRole).color().name() == OVERDUE_BACKGROUND
    assert page.count_buttons["overdue"].text() == "⚠ 1 overdue"
    page.count_buttons["overdue"].click()
    assert shown(page) == [overdue.reference]
    assert page.current_id() == overdue.id
    detail = page.detail.toPlainText()
    assert overdue.reference in detail and overdue.question in " ".join(detail.split()) and "overdue" in detail
    page.count_buttons["closed"].click()
    assert sorted(shown(page)) == sorted(c.reference for c in everything if c.status(TODAY).finished)
    page.show_only("all")
    page.agency_combo.setCurrentIndex(page.agency_combo.findText("Police"))
    assert shown(page) and all(repo(window).find(ref).agency_id == page.agency_combo.currentData()
                               for ref in shown(page))


def test_the_filter_box_finds_words_in_the_question_and_the_responses(qtbot, page, window):
    page.show_only("all")
    window.find_action.trigger()
    assert page.filter_edit.hasFocus()
    qtbot.keyClicks(page.filter_edit, "on-call named nurse")  # words of a response only
    [ref] = shown(page)
    assert "on-call named nurse" in " ".join(c.text for c in repo(window).find(ref).responses)


def test_actions_follow_the_chosen_challenge(page, window):
    ch = window.challenges
    select(page, ChallengeStatus.ANSWERED)
    assert ch.review_action.isEnabled() and ch.respond_action.text().startswith("Amend")
    assert not ch.chase_action.isEnabled()
    select(page, ChallengeStatus.OVERDUE)
    assert ch.chase_action.isEnabled() and ch.respond_action.isEnabled() and not ch.review_action.isEnabled()
    select(page, ChallengeStatus.CLOSED)
    assert not (ch.respond_action.isEnabled() or ch.close_action.isEnabled() or ch.withdraw_action.isEnabled())
    assert ch.edit_action.isEnabled()
    window.show_page(window.PAGE_MEMBERSHIP)
    assert not ch.new_action.isEnabled() and not ch.edit_action.isEnabled()


# --- raising one ------------------------------------------------------------------------------
def test_raise_a_challenge_by_keyboard_then_undo_and_redo(qtbot, page, window):
    before = {c.id for c in repo(window).all()}
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, ChallengeDialog)
    ui = dialog.ui
    qtbot.waitUntil(ui.questionEdit.hasFocus, timeout=3000)
    qtbot.keyClicks(ui.questionEdit, "Why are fewer return home interviews offered within 72 hours?")
    assert ui.kindCombo.currentData() == SubjectKind.INDICATOR.value
    qtbot.keyClicks(ui.subjectCombo.lineEdit(), "Return home interviews within 72 hours")
    ui.agencyCombo.setCurrentIndex(ui.agencyCombo.findText("Police", Qt.MatchFlag.MatchStartsWith))
    ui.toCombo.setCurrentIndex(ui.toCombo.findText("DI Mark Ellison"))
    assert not ui.emailEdit.isEnabled(), "a member's address comes from the register"
    meeting_id = ui.meetingCombo.currentData()
    ui.itemCombo.setCurrentIndex(2)
    ok(dialog)
    assert window.active_dialog is None, "saved and closed"
    [added] = [c for c in repo(window).all() if c.id not in before]
    assert added.reference.startswith(f"CH-{added.raised_on.year}-") and added.meeting_id == meeting_id
    assert added.subject_text == "Return home interviews within 72 hours" and added.subject_kind is SubjectKind.INDICATOR
    assert window.store.member(added.to_member_id).name == "DI Mark Ellison"
    assert added.due_date == added.raised_on + dt.timedelta(days=28)
    assert page.current_id() == added.id, "the new challenge is chosen"
    assert "Ctrl+Z undoes it" in window.statusBar().currentMessage()

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    gone = repo(window).get(added.id)
    assert gone.status(TODAY) is ChallengeStatus.WITHDRAWN and gone.withdrawn_reason == "added in error, undone"
    assert added.reference not in shown(page)
    window.redo()
    assert repo(window).get(added.id).status(TODAY) is not ChallengeStatus.WITHDRAWN


def test_a_challenge_without_a_question_is_refused_in_the_dialog_and_nothing_is_saved(qtbot, page, window):
    count = len(repo(window).all())
    window.challenges.new_action.trigger()
    dialog = window.active_dialog
    qtbot.keyClicks(dialog.ui.subjectCombo.lineEdit(), "Something")
    ok(dialog)
    assert window.active_dialog is dialog, "the dialog stays open"
    assert dialog.errors.field == "question" and "no question" in dialog.errors.message
    assert len(repo(window).all()) == count
    dialog.ui.questionEdit.setPlainText("A question")
    dialog.ui.dueEdit.setDate(dialog.ui.raisedEdit.date().addDays(-1))
    ok(dialog)
    assert dialog.errors.field == "due_date" and "before the challenge was raised" in dialog.errors.message
    dialog.reject()


def test_edit_with_enter_and_a_contact_who_is_not_a_member(qtbot, page, window):
    c = select(page, ChallengeStatus.OPEN)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = window.active_dialog
    assert isinstance(dialog, ChallengeDialog) and dialog.windowTitle() == f"Challenge {c.reference}"
    ui = dialog.ui
    assert ui.questionEdit.toPlainText() == c.question
    ui.toCombo.setEditText("Pat Lee")
    assert ui.emailEdit.isEnabled()
    ui.emailEdit.setText("not-an-address")
    ok(dialog)
    assert dialog.errors.field == "to_email"
    ui.emailEdit.setText("pat.lee@example.org")
    ok(dialog)
    assert window.active_dialog is None
    saved = repo(window).get(c.id)
    assert (saved.to_member_id, saved.to_name, saved.to_email) == (None, "Pat Lee", "pat.lee@example.org")
    window.undo()
    assert repo(window).get(c.id).to_member_id == c.to_member_id


# --- answers and reviews ----------------------------------------------------------------------
def test_respond_ask_for_more_respond_again_accept_and_undo_the_acceptance(qtbot, page, window):
    c = select(page, ChallengeStatus.OVERDUE)
    ch = window.challenges
    press(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, ChallengeResponseDialog)
    qtbot.keyClicks(dialog.ui.responseEdit, "The vacancy in the health team is filled; the rate is recovering.")
    ok(dialog)
    assert repo(window).get(c.id).status(TODAY) is ChallengeStatus.ANSWERED
    assert page.current_id() == c.id and ch.review_action.isEnabled()

    ch.review_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ChallengeReviewDialog)
    ui = dialog.ui
    assert not ui.reasonEdit.isEnabled(), "accepted needs no reason"
    ui.furtherRadio.setChecked(True)
    ok(dialog)
    assert dialog.errors.field == "reason", "further information says what"
    qtbot.keyClicks(ui.reasonEdit, "The monthly trajectory to 80%")
    ui.meetingCombo.setCurrentIndex(0)
    ui.reviewedEdit.setDate(ui.reviewedEdit.date().currentDate())
    due = TODAY + dt.timedelta(days=21)
    ui.dueEdit.setDate(ui.dueEdit.date().currentDate().addDays(21))
    ok(dialog)
    assert window.active_dialog is None
    asked = repo(window).get(c.id)
    assert asked.status(TODAY) is ChallengeStatus.OPEN and asked.due_date == due
    assert asked.latest_response.verdict is Verdict.FURTHER_INFORMATION
    assert "The monthly trajectory to 80%" in page.detail.toPlainText()

    ch.respond_action.trigger()
    dialog = window.active_dialog
    qtbot.keyClicks(dialog.ui.responseEdit, "Trajectory attached: 70% by March, 80% by June.")
    ok(dialog)
    ch.review_action.trigger()
    dialog = window.active_dialog
    ok(dialog)  # accepted, today
    closed = repo(window).get(c.id)
    assert closed.status(TODAY) is ChallengeStatus.CLOSED and closed.accepted and closed.closed_on == TODAY

    window.undo()
    back = repo(window).get(c.id)
    assert back.status(TODAY) is ChallengeStatus.ANSWERED and back.closed_on is None
    assert back.latest_response.verdict is None
    window.redo()
    assert repo(window).get(c.id).status(TODAY) is ChallengeStatus.CLOSED


def test_undo_a_response_marks_it_removed_not_deleted(qtbot, page, window):
    c = select(page, ChallengeStatus.OPEN)
    window.challenges.respond_action.trigger()
    dialog = window.active_dialog
    qtbot.keyClicks(dialog.ui.responseEdit, "Sent to the wrong challenge")
    ok(dialog)
    [r] = [r for r in repo(window).get(c.id).responses if r.text == "Sent to the wrong challenge"]
    window.undo()
    assert repo(window).response(r.id).removed
    assert repo(window).get(c.id).status(TODAY) is c.status(TODAY)
    assert "removed: recorded in error" in page.detail.toPlainText()


def test_close_and_withdraw_say_why_and_keep_the_challenge(qtbot, page, window):
    c = select(page, ChallengeStatus.OPEN)
    press(qtbot, window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, ChallengeCloseDialog)
    ok(dialog)
    assert window.active_dialog is dialog and dialog.errors.field == "closed_note"
    qtbot.keyClicks(dialog.ui.reasonEdit, "Escalated to the Executive")
    ok(dialog)
    assert repo(window).get(c.id).closed_note == "Escalated to the Executive"
    window.undo()
    assert repo(window).get(c.id).closed_on is None

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    dialog = window.active_dialog
    assert isinstance(dialog, ChallengeCloseDialog) and dialog.windowTitle() == f"Withdraw {c.reference}"
    qtbot.keyClicks(dialog.ui.reasonEdit, "Raised twice")
    ok(dialog)
    gone = repo(window).get(c.id)
    assert gone.status(TODAY) is ChallengeStatus.WITHDRAWN and gone.withdrawn_reason == "Raised twice"
    page.count_buttons["open"].click()
    assert c.reference not in shown(page)
    page.count_buttons["closed"].click()
    assert c.reference in shown(page)


def test_a_stale_dialog_is_refused_with_both_versions(qtbot, page, window):
    c = select(page, ChallengeStatus.OPEN)
    window.challenges.close_action.trigger()
    dialog = window.active_dialog
    import dataclasses

    other = Store.open(window.store.path)  # another copy of the program changes it meanwhile
    try:
        other.challenges.update(dataclasses.replace(other.challenges.get(c.id), question="Changed elsewhere"))
    finally:
        other.close()
    qtbot.keyClicks(dialog.ui.reasonEdit, "Superseded")
    ok(dialog)
    assert dialog.conflict_dialog is not None, "the conflict is shown, nothing overwritten"
    assert repo(window).get(c.id).closed_on is None
    dialog.conflict_dialog.reject()
    dialog.reject()


# --- chasing ------------------------------------------------------------------------------------
def test_chase_the_overdue_challenge_and_all_of_them(page, window, tmp_path, monkeypatch):
    c = select(page, ChallengeStatus.OVERDUE)
    opened = []
    monkeypatch.setattr(window.challenges, "open_file", lambda path: opened.append(path) or True)
    window.challenges.chase_action.trigger()
    [path] = opened
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and c.reference in msg["Subject"]
    assert msg["To"].addresses[0].addr_spec == window.store.member(c.to_member_id).email
    monkeypatch.setattr(window.challenges, "choose_chase_folder", lambda: tmp_path)
    window.challenges.chase_all_action.trigger()
    assert [p.name for p in window.challenges.last_output] == [path.name]
    assert "1 chase email draft written" in window.statusBar().currentMessage()


# --- from the minutes ------------------------------------------------------------------------------
def test_the_minutes_of_a_meeting_list_its_challenges_and_lead_to_them(page, window):
    c = next(c for c in repo(window).all() if c.meeting_id is not None and c.withdrawn_on is None)
    window.show_page(window.PAGE_MEETINGS)
    window.meetings.minutes.open_minutes(c.meeting_id)
    view = window.meetings.minutes.view
    raised = repo(window).raised_at(c.meeting_id)
    assert view.tabs.tabText(view.challenges_tab) == f"Challen&ges ({len(raised)})"
    text = view.challenges_text.toPlainText()
    assert all(x.reference in text for x in raised)
    view.challenges_text.anchorClicked.emit(QUrl(f"challenge:{c.id}"))
    assert window.pages.currentWidget() is page and page.current_id() == c.id


def test_the_subject_can_be_an_indicator_when_the_database_holds_indicators(qtbot, page, window, monkeypatch):
    from mqp_desktop.store import challenges

    # indicators kept in a table of this test's own: the log reads whichever table the area keeps them in
    monkeypatch.setitem(challenges.SUBJECT_TABLES, SubjectKind.INDICATOR, "test_indicator")
    window.challenges.new_action.trigger()
    dialog = window.active_dialog
    ui = dialog.ui
    assert ui.subjectCombo.count() == 1, "no indicator table: the subject is typed in words"
    dialog.reject()
    window.store.db.execute("CREATE TABLE test_indicator (id INTEGER PRIMARY KEY, code TEXT, title TEXT)")
    window.store.db.execute("INSERT INTO test_indicator VALUES (4, 'CSC-07', 'Child protection plans lasting 2 years+')")
    window.challenges.new_action.trigger()
    dialog = window.active_dialog
    ui = dialog.ui
    assert ui.subjectCombo.itemText(1) == "CSC-07 Child protection plans lasting 2 years+"
    ui.subjectCombo.setCurrentIndex(1)
    qtbot.keyClicks(ui.questionEdit, "Why are more plans lasting over two years?")
    ok(dialog)
    assert window.active_dialog is None
    added = repo(window).get(page.current_id())
    assert (added.subject_kind, added.subject_id, added.subject_text) == (
        SubjectKind.INDICATOR, 4, "CSC-07 Child protection plans lasting 2 years+")
    window.challenges.edit_action.trigger()
    dialog = window.active_dialog
    assert dialog.ui.subjectCombo.currentData() == 4
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData(SubjectKind.OTHER.value))
    ok(dialog)
    kept = repo(window).get(added.id)
    assert (kept.subject_id, kept.subject_text) == (None, added.subject_text), "in words, pointing to no record"

"""The Governance page and its dialogs, through the real main window on the demo database (which holds a
published LCSPR with two briefings, a rapid review, three courses, a procedure awaiting sign-off, the ToR's
current version, letters with outcomes and one overdue).

Dialogs are opened with ``QDialog.open()`` (no nested event loop): each test finds the open one in
``window.active_dialog``. What a dialog saved is read back through ``store.governance``.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mqp_desktop.domain.actions import ActionStatus
from mqp_desktop.domain.governance.case_reviews import CaseReviewStatus
from mqp_desktop.domain.governance.common import add_months
from mqp_desktop.domain.governance.documents import DocumentStatus, Office
from mqp_desktop.domain.governance.followups import LetterStatus
from mqp_desktop.domain.governance.followups import Outcome as LetterOutcome
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeCloseDialog
from mqp_desktop.ui.governance import models as gm
from mqp_desktop.ui.governance.circulate import MinutesCirculateDialog
from mqp_desktop.ui.governance.dialogs import (
    CaseReviewActionDialog,
    CaseReviewDialog,
    DisseminationDialog,
    DocumentDateDialog,
    DocumentReviewDialog,
    LetterOutcomeDialog,
    OfficeReviewDialog,
    TorVersionDialog,
    TrainingCourseDialog,
)
from mqp_desktop.ui.governance.page import TAB_DOCUMENTS, TAB_FOLLOWUP, TAB_REVIEWS, TAB_TRAINING
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
    w.page_actions[w.PAGE_GOVERNANCE].trigger()  # View > Governance (no Ctrl+digit of its own yet)
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def page(window):
    assert window.pages.currentWidget() is window.governance.page
    return window.governance.page


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    if QApplication.activeWindow() is None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def g(window):
    return window.store.governance


def records(tab) -> list:
    return [tab.proxy.index(r, 0).data(RECORD_ROLE).record for r in range(tab.proxy.rowCount())]


def choose(tab, match) -> object:
    tab.show_only("all")
    for r in range(tab.proxy.rowCount()):
        record = tab.proxy.index(r, 0).data(RECORD_ROLE).record
        if match(record):
            tab.table.selectRow(r)
            return record
    raise AssertionError("no such record in the demo")


# --- the models and what the page shows --------------------------------------------------------------------

def test_the_models_and_their_filters_pass_the_model_tester(qtmodeltester, page):
    for tab in page.tab_widgets:
        qtmodeltester.check(tab.model)
        qtmodeltester.check(tab.proxy)
        assert tab.model.rowCount() > 0
    qtmodeltester.check(page.office_model)


def test_the_page_shows_each_kind_with_what_is_due_and_overdue(qtbot, page, window):
    sc = window.store.subcommittee()
    summary = page.summary_label.text()
    assert f"ToR {sc.tor_version}" in summary and "awaiting sign-off" in summary and "⚠ 1 overdue" in summary
    assert {r.reference for r in records(page.reviews)} == {r.reference for r in g(window).case_reviews.all()
                                                            if not r.status(TODAY).finished}
    # Alt+3 shows the documents: the ToR's version in force marked
    page.reviews.table.setFocus()
    qtbot.keyClick(page.reviews.table, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert page.current_tab() == TAB_DOCUMENTS
    tor = choose(page.documents, lambda d: d.is_tor and d.status(TODAY) is DocumentStatus.SIGNED_OFF)
    assert "(in force)" in page.documents.detail.toPlainText() and tor.version == sc.tor_version
    page.show_tab(TAB_FOLLOWUP)
    [overdue] = records(page.followups)  # awaiting a reply, by default: the one overdue
    assert overdue.status(TODAY) is LetterStatus.OVERDUE
    status = page.followups.model.index(page.followups.model.row_of(overdue.id), 5)
    assert status.data().startswith("⚠ reply overdue")
    assert status.data(Qt.ItemDataRole.ForegroundRole).color().name() == gm.OVERDUE_COLOUR
    assert status.data(Qt.ItemDataRole.BackgroundRole).color().name() == gm.OVERDUE_BACKGROUND


def test_each_tabs_actions_are_enabled_only_on_it(page, window):
    gov = window.governance
    page.show_tab(TAB_TRAINING)
    assert gov.new_course_action.isEnabled() and not gov.new_review_action.isEnabled()
    page.show_tab(TAB_REVIEWS)
    assert gov.new_review_action.isEnabled() and not gov.new_course_action.isEnabled()
    window.show_page(window.PAGE_MEMBERSHIP)
    assert not any(a.isEnabled() for a in gov.actions)


# --- case reviews ------------------------------------------------------------------------------------------

def test_a_name_is_refused_in_the_case_review_dialog_and_nothing_is_saved(qtbot, page, window):
    page.show_tab(TAB_REVIEWS)
    before = len(g(window).case_reviews.all())
    page.reviews.table.setFocus()
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    dialog = window.active_dialog
    assert isinstance(dialog, CaseReviewDialog)
    qtbot.waitUntil(dialog.ui.referenceEdit.hasFocus, timeout=3000)
    qtbot.keyClicks(dialog.ui.referenceEdit, "Jayden Smith")
    ok(dialog)
    assert window.active_dialog is dialog and dialog.errors.field == "reference"
    assert "looks like a person's name" in dialog.errors.message
    assert len(g(window).case_reviews.all()) == before
    dialog.ui.referenceEdit.setText("RR-2026-09")
    dialog.ui.tabs.setCurrentIndex(1)
    police = next(i for i in range(dialog.ui.agencyList.count())
                  if dialog.ui.agencyList.item(i).text().startswith("Police"))
    dialog.ui.agencyList.item(police).setCheckState(Qt.CheckState.Checked)
    ok(dialog)
    assert window.active_dialog is None
    added = g(window).case_reviews.find("RR-2026-09")
    assert page.reviews.current_id() == added.id and len(added.agency_ids) == 1
    assert "Ctrl+Z undoes it" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert g(window).case_reviews.get(added.id).status(TODAY) is CaseReviewStatus.WITHDRAWN
    window.redo()
    assert g(window).case_reviews.get(added.id).withdrawn_on is None


def test_learning_shared_and_an_action_from_a_review_with_their_undo(qtbot, page, window):
    page.show_tab(TAB_REVIEWS)
    r = choose(page.reviews, lambda x: x.reference == "RR-2026-05")
    press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)
    dialog = window.active_dialog
    assert isinstance(dialog, DisseminationDialog)
    ok(dialog)
    assert dialog.errors.field == "audience"
    qtbot.keyClicks(dialog.ui.audienceEdit, "Emergency department staff")
    dialog.ui.reachedSpin.setValue(30)
    ok(dialog)
    assert g(window).case_reviews.get(r.id).reached == 30
    window.undo()
    assert g(window).case_reviews.get(r.id).reached == 0 and g(window).case_reviews.get(r.id).disseminations[0].removed

    window.governance.review_action_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, CaseReviewActionDialog)
    assert dialog.ui.meetingCombo.currentData() == r.meeting_id  # the meeting that reviewed it
    dialog.ui.descriptionEdit.setPlainText("Check the out-of-hours route from the emergency department")
    dialog.ui.ownerCombo.setEditText("Sofia Marques")
    ok(dialog)
    assert window.active_dialog is None
    [action] = g(window).case_reviews.actions(r.id)
    assert window.store.minutes.action(action.id).owner_member_id is not None
    assert "1 (1 open)" in page.reviews.model.index(page.reviews.model.row_of(r.id), 7).data()
    window.undo()
    assert window.store.minutes.action(action.id).status is ActionStatus.DROPPED


def test_close_a_review_with_a_note_and_reopen_it_by_undo(page, window):
    page.show_tab(TAB_REVIEWS)
    r = choose(page.reviews, lambda x: x.reference == "LCSPR-2025-02")
    window.governance.close_review_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ChallengeCloseDialog)
    dialog.ui.reasonEdit.setText("Learning embedded")
    ok(dialog)
    assert g(window).case_reviews.get(r.id).status(TODAY) is CaseReviewStatus.CLOSED
    window.undo()
    assert g(window).case_reviews.get(r.id).status(TODAY) is CaseReviewStatus.PUBLISHED


# --- training --------------------------------------------------------------------------------------------------

def test_attendance_by_agency_entered_in_the_course_dialog_and_undone(qtbot, page, window):
    page.show_tab(TAB_TRAINING)
    c = choose(page.training, lambda x: x.status(TODAY).value == "delivered")
    page.training.table.setFocus()
    qtbot.keyClick(page.training.table, Qt.Key.Key_Return)
    dialog = window.active_dialog
    assert isinstance(dialog, TrainingCourseDialog)
    assert sum(s.value() for s in dialog.spins.values()) == c.attended
    police = next(a.id for a in window.store.agencies() if a.label == "Police")
    dialog.spins[police].setValue(9)
    assert "attended from" in dialog.ui.attendanceTotalLabel.text()
    dialog.ui.tabs.setCurrentIndex(2)
    dialog.fed.set_value(TODAY)
    ok(dialog)
    assert dialog.errors.field == "gaps" and dialog.ui.tabs.currentIndex() == 2
    dialog.ui.gapsEdit.setPlainText("GP practices did not attend")
    dialog.ui.meetingCombo.setCurrentIndex(1)  # the latest meeting held
    ok(dialog)
    saved = g(window).training.get(c.id)
    assert saved.attendance[police] == 9 and saved.status(TODAY).value == "reviewed"
    window.undo()
    assert g(window).training.get(c.id).attendance == c.attendance


# --- documents, the Terms of Reference, chairing ---------------------------------------------------------------

def test_a_new_tor_version_in_the_dialog_moves_the_review_date_on_and_undo_puts_it_back(qtbot, page, window):
    page.show_tab(TAB_DOCUMENTS)
    before = window.store.subcommittee()
    press(qtbot, window, Qt.Key.Key_T, CTRL | Qt.KeyboardModifier.AltModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, TorVersionDialog)
    qtbot.keyClicks(dialog.ui.versionEdit, "December 2026")
    signed = TODAY - dt.timedelta(days=2)
    dialog.ui.signedEdit.setDate(dialog.ui.signedEdit.date().addDays(-2))
    assert dialog.review.value() == add_months(signed, 12)  # follows the sign-off
    ok(dialog)
    assert window.active_dialog is None
    sc = window.store.subcommittee()
    assert (sc.tor_version, sc.tor_signed_off, sc.tor_review_due) == ("December 2026", signed, add_months(signed, 12))
    assert "December 2026" in page.summary_label.text()
    window.undo()
    sc = window.store.subcommittee()
    assert (sc.tor_version, sc.tor_review_due) == (before.tor_version, before.tor_review_due)


def test_a_procedure_reviewed_sent_and_signed_off_through_its_dialogs(page, window):
    page.show_tab(TAB_DOCUMENTS)
    d = choose(page.documents, lambda x: x.status(TODAY) is DocumentStatus.AWAITING_SIGN_OFF)
    gov = window.governance
    assert gov.sign_off_action.isEnabled()
    gov.sign_off_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, DocumentDateDialog)
    assert dialog.review.value() == add_months(TODAY, 12)
    ok(dialog)
    saved = g(window).documents.get(d.id)
    assert saved.status(TODAY) is DocumentStatus.SIGNED_OFF and saved.review_due == add_months(TODAY, 12)
    window.undo()
    assert g(window).documents.get(d.id).status(TODAY) is DocumentStatus.AWAITING_SIGN_OFF
    gov.record_review_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, DocumentReviewDialog)
    dialog.ui.outcomeCombo.setCurrentIndex(dialog.ui.outcomeCombo.findData("not endorsed"))
    dialog.ui.noteEdit.setPlainText("")
    ok(dialog)
    assert dialog.errors.field in ("outcome_note", "sent_to_executive_on")
    dialog.reject()


def test_a_chairing_review_moves_the_chairs_review_date_on(page, window):
    page.show_tab(TAB_DOCUMENTS)
    before = window.store.subcommittee().chair.review_due
    window.governance.office_review_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, OfficeReviewDialog) and dialog.office() is Office.CHAIR
    assert "Dr Helen Carter" in dialog.ui.holderLabel.text()
    held = dialog.meeting_dates[dialog.ui.meetingCombo.currentData()]
    ok(dialog)
    assert window.store.subcommittee().chair.review_due == add_months(held, 12)
    assert page.office_model.rowCount() == len(g(window).office_reviews.all())
    window.undo()
    assert window.store.subcommittee().chair.review_due == before


# --- attendance follow-up -----------------------------------------------------------------------------------------

def test_a_letters_outcome_needs_the_substitutes_name_and_is_undone(qtbot, page, window):
    page.show_tab(TAB_FOLLOWUP)
    x = choose(page.followups, lambda lt: lt.status(TODAY) is LetterStatus.OVERDUE)
    press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = window.active_dialog
    assert isinstance(dialog, LetterOutcomeDialog)
    dialog.ui.outcomeCombo.setCurrentIndex(dialog.ui.outcomeCombo.findData(LetterOutcome.SUBSTITUTE.value))
    assert dialog.ui.substituteEdit.isEnabled()
    ok(dialog)
    assert dialog.errors.field == "substitute_name"
    qtbot.keyClicks(dialog.ui.substituteEdit, "Jo Mensah")
    ok(dialog)
    saved = g(window).followups.get(x.id)
    assert (saved.outcome, saved.substitute_name, saved.status(TODAY)) == (
        LetterOutcome.SUBSTITUTE, "Jo Mensah", LetterStatus.CLOSED)
    window.undo()
    assert g(window).followups.get(x.id).status(TODAY) is LetterStatus.OVERDUE


def test_the_attendance_reports_letters_are_recorded_for_follow_up(qtbot, window, tmp_path):
    window.show_page(window.PAGE_ATTENDANCE)
    report_page = window.attendance_page
    qtbot.waitUntil(lambda: report_page.report is not None, timeout=10000)
    below = len(report_page.report.members_below_standard)
    assert below
    before = len(g(window).followups.all())
    report_page.choose_letters_folder = lambda: tmp_path
    with qtbot.waitSignal(report_page.letters_recorded, timeout=30000) as recorded:
        report_page.write_letters()
    assert recorded.args == [below] and len(g(window).followups.all()) == before + below
    assert "recorded for follow-up" in window.statusBar().currentMessage()
    letters = {x.file_name for x in g(window).followups.all() if x.sent_on == TODAY}
    assert letters == {p.name for p in tmp_path.glob("*.docx")}


# --- circulating the minutes --------------------------------------------------------------------------------------

def test_circulate_the_minutes_writes_a_draft_with_the_pdf_and_records_it(window, tmp_path, monkeypatch):
    opened = []
    gov = window.governance
    monkeypatch.setattr(gov, "open_file", opened.append)
    monkeypatch.setattr(gov, "drafts_folder", lambda: tmp_path)
    window.show_page(window.PAGE_MEETINGS)
    meetings = window.meetings.page
    held = [m for m in window.store.meetings.list() if m.status is MeetingStatus.HELD and m.date < TODAY][-1]
    assert meetings.select_meeting(held.id)
    window._update_actions()
    assert gov.circulate_minutes_action.isEnabled()
    [minutes_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "Min&utes"]
    assert gov.circulate_minutes_action in minutes_menu.actions()
    before = len(window.store.agendas.circulations(held.id))
    gov.circulate_minutes_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, MinutesCirculateDialog)
    assert not dialog.ui.kindCombo.isVisible() and dialog.attachments.rowCount() == 1
    ok(dialog)
    assert window.active_dialog is None
    message = email.message_from_bytes(opened[-1].read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1" and "minutes" in message["Subject"]
    [pdf] = list(message.iter_attachments())
    assert pdf.get_content_type() == "application/pdf" and pdf.get_content().startswith(b"%PDF-")
    circulations = window.store.agendas.circulations(held.id)
    assert len(circulations) == before + 1 and circulations[-1].kind.value == "minutes"
    window.show_page(window.PAGE_GOVERNANCE)
    assert not gov.circulate_minutes_action.isEnabled()


def test_no_two_enabled_actions_answer_the_same_key_on_any_tab(page, window):
    from PySide6.QtGui import QAction

    for tab in range(page.tabs.count()):
        page.show_tab(tab)
        page.tab_widgets[tab].table.selectRow(0)
        keys: dict[str, list[str]] = {}
        for action in window.findChildren(QAction):
            if action.isEnabled():
                for key in action.shortcuts():
                    keys.setdefault(key.toString(), []).append(action.text())
        clashes = {k: v for k, v in keys.items() if len(v) > 1}
        assert not clashes, (page.tabs.tabText(tab), clashes)

"""The Governance page's Decisions tab through the real main window on the demo database (an inquorate meeting
with decisions, one ratified at the next quorate meeting, others awaiting): the filters, ratifying through
the dialog (a refusal shown under the field, nothing saved), the undo, withdrawing with a reason, Enter
opening the meeting's minutes, and the export of what is shown."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop.store import Store
from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeCloseDialog
from mqp_desktop.ui.dialogs.decisions_dialogs import RatifyDialog
from mqp_desktop.ui.governance.page import TAB_DECISIONS
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def window(qtbot, demo_db, tmp_path):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.page_actions[w.PAGE_GOVERNANCE].trigger()
    w.governance.page.reviews.table.setFocus()
    qtbot.keyClick(w.governance.page.reviews.table, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # Alt+5
    yield w
    if w.store is not None:
        w.store.close()


def _dialog(window, cls):
    dialog = window.active_dialog
    assert isinstance(dialog, cls), dialog
    return dialog


def test_the_tab_lists_the_register_and_filters_it(window):
    page = window.governance.page
    assert page.current_tab() == TAB_DECISIONS
    tab = page.decisions
    every = window.store.decisions.register()
    assert tab.model.rowCount() == len(every) and tab.proxy.rowCount() == len(every)
    tab.inquorate_check.setChecked(True)
    assert {d.id for d in tab.shown()} == {d.id for d in every if d.taken_while_inquorate}
    tab.awaiting_check.setChecked(True)
    assert {d.id for d in tab.shown()} == {d.id for d in window.store.decisions.awaiting_ratification()}
    assert "awaiting ratification" in tab.shown_label.text()
    tab.clear_filters()
    priority = next(p for d in every for p in d.priorities)
    tab.priority_combo.setCurrentIndex(tab.priority_combo.findData(priority))
    assert tab.shown() and all(priority in d.priorities for d in tab.shown())
    tab.clear_filters()
    quarter = tab.period_combo.itemData(tab.period_combo.count() - 1)  # the earliest quarter with decisions
    tab.period_combo.setCurrentIndex(tab.period_combo.count() - 1)
    from mqp_desktop.domain.decisions import quarter_range

    start, end = quarter_range(quarter)
    assert tab.shown() and all(start <= d.meeting_date <= end for d in tab.shown())
    tab.clear_filters()
    tab.filter_edit.setText("re-referral")
    assert tab.shown() and all("re-referral" in d.text.lower() or "re-referral" in d.item_title.lower()
                               for d in tab.shown())
    # the detail pane says where a ratified decision was ratified
    tab.clear_filters()
    ratified = next(d for d in every if d.ratified_on)
    assert tab.select(ratified.id)
    assert "ratified at the meeting of" in tab.detail.toPlainText()


def test_ratify_through_the_dialog_refused_then_saved_undone_and_withdrawn(window, qtbot):
    store = window.store
    tab = window.governance.page.decisions
    waiting = store.decisions.awaiting_ratification()
    tab.show_awaiting()
    tab.select(waiting[0].id)
    window.governance.decisions.ratify_action.trigger()
    dialog = _dialog(window, RatifyDialog)
    assert dialog.ticked() == [waiting[0].id]
    # a meeting that cannot ratify (minutes signed): refused under the field, nothing saved
    signed = next(i for i in range(dialog.ui.meetingCombo.count()) if "minutes signed" in
                  dialog.ui.meetingCombo.itemText(i))
    dialog.ui.meetingCombo.setCurrentIndex(signed)
    before = len(store.decisions.ratifications(include_withdrawn=True))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "are signed" in dialog.errors.message
    assert len(store.decisions.ratifications(include_withdrawn=True)) == before
    usable = next(i for i in range(dialog.ui.meetingCombo.count()) if " — " not in dialog.ui.meetingCombo.itemText(i))
    dialog.ui.meetingCombo.setCurrentIndex(usable)
    dialog.ui.noteEdit.setText("no objection")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    meeting_id = dialog.ui.meetingCombo.itemData(usable)
    decision = store.decisions.get(waiting[0].id)
    assert decision.ratified_meeting_id == meeting_id
    assert [x.decision_id for x in store.minutes.minutes(meeting_id).ratified] == [waiting[0].id]
    assert tab.current_id() == waiting[0].id and "ratified at the" in tab.detail.toPlainText()
    # Ctrl+Z: withdrawn as recorded in error (kept), the decision awaits again; Ctrl+Shift+Z puts it back
    window.undo()
    assert store.decisions.get(waiting[0].id).awaiting_ratification
    assert store.decisions.ratifications(include_withdrawn=True)[-1].withdrawn_reason == "recorded in error, undone"
    window.redo()
    assert store.decisions.get(waiting[0].id).ratified_meeting_id == meeting_id
    # Withdraw… (Del) with a reason
    tab.select(waiting[0].id)
    window.governance.update_actions(True)
    assert window.governance.decisions.withdraw_action.isEnabled()
    window.governance.decisions.withdraw_action.trigger()
    close = _dialog(window, ChallengeCloseDialog)
    close.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert close.isVisible() and "Say why" in close.errors.message
    close.ui.reasonEdit.setText("Recorded at the wrong meeting")
    close.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not close.isVisible(), timeout=3000)
    assert store.decisions.get(waiting[0].id).awaiting_ratification
    assert store.minutes.minutes(meeting_id).ratified == []
    change = store.history(limit=1)[0]
    assert (change.entity, change.action) == ("decision", "ratification withdrawn")
    assert "Recorded at the wrong meeting" in change.summary


def test_enter_opens_the_minutes_and_export_writes_what_is_shown(window, qtbot, tmp_path):
    tab = window.governance.page.decisions
    tab.awaiting_check.setChecked(True)
    shown = tab.shown()
    out = window.governance.decisions.export_to(tmp_path / "waiting.csv")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [int(float(r[0])) for r in rows[1:]] == [d.id for d in shown]
    tab.table.setFocus()
    tab.select(shown[0].id)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == window.PAGE_MEETINGS
    assert window.meetings.minutes.meeting_id == shown[0].meeting_id



def test_the_minutes_editor_shows_the_decisions_ratified_at_its_meeting(window, qtbot):
    """The officer writing a meeting's minutes sees the decisions ratified at it, as the minutes print them
    (they were shown only in the PDF, Word and the chair's view); a meeting that ratified none has no such tab."""
    store = window.store
    ratified = next(d for d in store.decisions.register() if d.ratified_meeting_id is not None)
    view = window.meetings.minutes.view
    window.show_page(window.PAGE_MEETINGS)
    for meeting_id, shown in ((ratified.ratified_meeting_id, True), (ratified.meeting_id, False)):
        window.meetings.page.show_list()
        assert window.meetings.page.select_meeting(meeting_id)
        window.meetings.minutes.open_action.trigger()
        assert window.meetings.page.in_minutes
        assert view.tabs.isTabVisible(view.ratified_tab) is shown
        if shown:
            sentences = [x.sentence for x in store.minutes.minutes(meeting_id).ratified]
            assert sentences and all(s in view.ratified_text.toPlainText() for s in sentences)
            assert f"({len(sentences)})" in view.tabs.tabText(view.ratified_tab)
        window.meetings.minutes.dirty = False

"""The Partnership page and its dialogs, through the real main window on the demo database.

The demo holds two transfers (one accepted with the chair's email kept; one to Training, Workforce &
Development waiting past its answer date), an escalation decided by the Executive and a dispute in mediation.
Dialogs are opened with ``QDialog.open()`` (no nested event loop): each test finds the open one in
``window.active_dialog``. What the page shows is compared with what the store says; what a dialog saved is read
back through the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.escalations import DecidedBy, EscalationKind, EscalationStatus
from mqp_desktop.domain.partnership import ADDED_IN_ERROR, Direction, TransferState
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.partnership_dialogs import (
    EscalationDialog,
    MediationDialog,
    PartnershipBodyDialog,
    PartnershipStepDialog,
    TransferAnswerDialog,
    WorkTransferDialog,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.models import RECORD_ROLE
from mqp_desktop.ui.partnership_models import (
    OVERDUE_BACKGROUND,
    OVERDUE_COLOUR,
    OVERDUE_MARK,
    BodyFilterProxy,
    BodyModel,
    EscalationFilterProxy,
    EscalationModel,
    TransferFilterProxy,
    TransferModel,
)
from mqp_desktop.ui.settings import Settings

TODAY = dt.date.today()
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
REPLY = (b"From: Dr Ruth Okonjo <ruth@example.org>\r\nTo: Dr Helen Carter <helen@example.org>\r\n"
         b"Subject: RE: GCP2 training\r\n\r\nWe cannot fund it this year.\r\n")


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
    w.page_actions[w.PAGE_PARTNERSHIP].trigger()  # View > Partnership (no Ctrl+digit of its own yet)
    w.nav.setFocus()
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def page(window):
    assert window.pages.currentWidget() is window.partnership.page
    return window.partnership.page


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    if QApplication.activeWindow() is None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def rows(tab) -> list:
    return [tab.proxy.index(r, 0).data(RECORD_ROLE) for r in range(tab.proxy.rowCount())]


def choose(tab, test) -> object:
    tab.show_everything()
    for r, row in enumerate(rows(tab)):
        if test(row):
            tab.table.selectRow(r)
            return row
    raise AssertionError("no such row in the demo")


def transfers(window):
    return window.store.partnership


# --- the models -----------------------------------------------------------------------------------
def test_the_models_and_their_filters_pass_the_model_tester(qtmodeltester, window):
    c = window.partnership
    for model, proxy, data, filters in (
            (TransferModel(), TransferFilterProxy(), c.transfer_rows(TODAY), ("overdue", "")),
            (EscalationModel(), EscalationFilterProxy(), c.escalation_rows(TODAY), ("mediation", "")),
            (BodyModel(), BodyFilterProxy(), c.body_rows(TODAY), (False, "twd"))):
        model.set_rows(data)
        qtmodeltester.check(model)
        proxy.setSourceModel(model)
        proxy.set_filters(*filters)
        qtmodeltester.check(proxy)
        assert proxy.rowCount() == 1


# --- what the page shows --------------------------------------------------------------------------
def test_the_overdue_answer_is_flagged_in_words_and_colour(page, window):
    tab = page.transfers
    assert window.nav.item(window.PAGE_PARTNERSHIP).text() == "Partnership · 1 overdue"
    [late] = [t for t in transfers(window).all_transfers() if t.is_overdue(TODAY)]
    row = tab.model.row_of(late.id)
    state = tab.model.index(row, TransferModel.COL_STATE)
    due = tab.model.index(row, TransferModel.COL_DUE)
    days = (TODAY - late.answer_due).days
    assert state.data() == f"{OVERDUE_MARK} ({days} days)" and "⚠" in due.data()
    assert state.data(Qt.ItemDataRole.ForegroundRole).color().name() == OVERDUE_COLOUR
    assert due.data(Qt.ItemDataRole.BackgroundRole).color().name() == OVERDUE_BACKGROUND
    assert page.count_buttons["overdue"].text() == "⚠ 1 answer overdue"
    page.count_buttons["overdue"].click()
    assert [r.transfer.id for r in rows(tab)] == [late.id] and tab.current_id() == late.id
    detail = " ".join(tab.detail.toPlainText().split())
    assert late.reference in detail and f"{days} days ago" in detail and late.projected_costs in detail
    tab.show_only("finished")
    assert [r.state for r in rows(tab)] == [TransferState.ACCEPTED]
    assert ".eml" in tab.detail.toPlainText(), "the kept email is named"


def test_the_tabs_show_the_escalations_and_bodies_and_the_counts_lead_to_them(page, window):
    page.count_buttons["mediation"].click()
    assert page.tabs.currentWidget() is page.escalations
    [row] = rows(page.escalations)
    assert row.status is EscalationStatus.MEDIATION and row.escalation.kind is EscalationKind.DISPUTE
    assert "The chair's mediation" in page.escalations.detail.toPlainText()
    page.tabs.setCurrentWidget(page.bodies)
    names = [r.body.name for r in rows(page.bodies)]
    assert names[0] == "WSCP Executive" and len(names) == 4
    window.find_action.trigger()
    assert page.bodies.filter_edit.hasFocus()


def test_actions_follow_the_tab_and_the_chosen_record(page, window):
    c = window.partnership
    choose(page.transfers, lambda r: r.overdue)
    assert c.answer_action.isEnabled() and c.withdraw_transfer_action.isEnabled() and c.letter_action.isEnabled()
    assert not (c.send_action.isEnabled() or c.escalate_transfer_action.isEnabled() or c.edit_transfer_action.isEnabled())
    assert not c.new_escalation_action.isEnabled(), "only the shown tab's actions, so Ctrl+N never clashes"
    choose(page.transfers, lambda r: r.state is TransferState.ACCEPTED)
    assert c.open_answer_action.isEnabled() and c.answer_action.text().startswith("Attach")
    page.tabs.setCurrentWidget(page.escalations)
    choose(page.escalations, lambda r: r.status is EscalationStatus.MEDIATION)
    assert c.mediate_action.isEnabled() and c.escalate_action.isEnabled() and not c.new_transfer_action.isEnabled()
    choose(page.escalations, lambda r: r.status is EscalationStatus.DECIDED)
    assert not (c.decide_action.isEnabled() or c.withdraw_escalation_action.isEnabled())
    window.show_page(window.PAGE_MEMBERSHIP)
    assert not any(a.isEnabled() for a in c.actions)


# --- a transfer from draft to the Executive's decision ---------------------------------------------
def test_draft_a_transfer_to_twd_by_keyboard_the_costs_rule_in_the_dialog_then_undo(qtbot, page, window):
    before = {t.id for t in transfers(window).all_transfers()}
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    dialog = window.active_dialog
    assert isinstance(dialog, WorkTransferDialog)
    ui = dialog.ui
    ui.bodyCombo.setCurrentIndex(ui.bodyCombo.findText("Training", Qt.MatchFlag.MatchStartsWith))
    assert ui.bodyCombo.findText("WSCP Executive", Qt.MatchFlag.MatchStartsWith) < 0, "the Executive is not offered"
    qtbot.keyClicks(ui.workEdit, "Safer recruitment refresher for school governors")
    ui.reasonEdit.setPlainText("Section 11 standard 6 is the weakest across agencies")
    ui.outcomesEdit.setPlainText("- 60 governors trained")
    ui.prioritiesList.item(4).setCheckState(Qt.CheckState.Checked)  # Quality assurance and performance
    assert "Required" in ui.costsHint.text()
    ok(dialog)
    assert window.active_dialog is dialog and dialog.errors.field == "projected_costs"
    assert ui.tabs.currentWidget() is ui.whyTab, "the message is shown on the tab holding the field"
    assert {t.id for t in transfers(window).all_transfers()} == before, "nothing saved"
    qtbot.keyClicks(ui.costsEdit, "£1,200: trainer")
    ok(dialog)
    assert window.active_dialog is None
    [added] = [t for t in transfers(window).all_transfers() if t.id not in before]
    assert added.state is TransferState.DRAFTED and added.projected_costs == "£1,200: trainer"
    assert added.priorities == ("Quality assurance and performance",)
    assert page.transfers.current_id() == added.id and "Ctrl+Z undoes it" in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    gone = transfers(window).transfer(added.id)
    assert gone.state is TransferState.WITHDRAWN and gone.withdrawn_reason == ADDED_IN_ERROR
    window.redo()
    assert transfers(window).transfer(added.id).state is TransferState.DRAFTED


def test_write_the_letter_send_answer_escalate_decide_and_undo_a_step(qtbot, page, window, tmp_path, monkeypatch):
    c = window.partnership
    p = transfers(window)
    t = p.add_transfer(dataclasses.replace(
        p.all_transfers()[1], id=None, reference="", sent_on=None, answer_due=None, written_on=TODAY,
        work="Neglect training for school nurses"))
    window.refresh()
    page.transfers.show_everything()
    page.transfers.select(t.id)
    opened = []
    monkeypatch.setattr(c, "choose_letter_path", lambda suggested: tmp_path / suggested)
    monkeypatch.setattr(c, "open_file", lambda path: opened.append(path) or True)
    press(qtbot, window, Qt.Key.Key_L, CTRL_SHIFT)
    [letter] = opened
    assert letter.name == f"Work transfer {t.reference} - letter to TWD.docx"
    text = "\n".join(par.text for par in docx.Document(str(letter)).paragraphs)
    assert "Neglect training for school nurses" in text and t.projected_costs in text

    press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    dialog = window.active_dialog
    assert isinstance(dialog, PartnershipStepDialog) and not dialog.ui.textEdit.isVisible()
    ok(dialog)
    sent = p.transfer(t.id)
    assert sent.state is TransferState.SENT and sent.answer_due == TODAY + dt.timedelta(days=28)

    press(qtbot, window, Qt.Key.Key_R, CTRL_SHIFT)
    dialog = window.active_dialog
    assert isinstance(dialog, TransferAnswerDialog)
    evil = tmp_path / "reply.pdf"
    evil.write_bytes(b"MZ\x90\x00" + b"\0" * 100)
    monkeypatch.setattr(dialog, "choose_file", lambda: evil)
    dialog.ui.chooseFileButton.click()
    dialog.ui.declinedRadio.setChecked(True)
    qtbot.keyClicks(dialog.ui.reasonEdit, "No budget this year")
    ok(dialog)
    assert window.active_dialog is dialog and dialog.errors.field == "file" and "Windows program" in \
        dialog.errors.message
    assert p.transfer(t.id).state is TransferState.SENT
    reply = tmp_path / "reply.eml"
    reply.write_bytes(REPLY)
    dialog.set_path(reply)
    ok(dialog)
    declined = p.transfer(t.id)
    assert declined.state is TransferState.DECLINED and p.answer_document(declined).content == REPLY

    opened.clear()
    press(qtbot, window, Qt.Key.Key_O, CTRL_SHIFT)
    [copy] = opened
    assert copy.read_bytes() == REPLY and copy.parent == window.drafts.path

    press(qtbot, window, Qt.Key.Key_X, CTRL_SHIFT)
    dialog = window.active_dialog
    qtbot.keyClicks(dialog.ui.textEdit, "For the Executive of next month")
    ok(dialog)
    assert p.transfer(t.id).state is TransferState.ESCALATED
    assert page.count_buttons["executive"].text().startswith("1 with the Executive")
    press(qtbot, window, Qt.Key.Key_C, CTRL_SHIFT)
    dialog = window.active_dialog
    ok(dialog)
    assert dialog.errors.field == "decision"
    qtbot.keyClicks(dialog.ui.textEdit, "TWD runs it from the autumn, funded by the partnership")
    ok(dialog)
    decided = p.transfer(t.id)
    assert decided.state is TransferState.DECIDED and "funded by the partnership" in page.transfers.detail.toPlainText()
    actions = [ch.action for ch in reversed(window.store.history(entity="work_transfer", entity_id=t.id))]
    assert actions == ["added", "sent", "answered", "escalated", "decided"]

    window.undo()
    assert p.transfer(t.id).state is TransferState.ESCALATED
    window.undo()
    window.undo()
    back = p.transfer(t.id)
    assert back.state is TransferState.SENT and back.answer_document_id is None, "the file stays stored, unlinked"
    window.redo()
    assert p.transfer(t.id).state is TransferState.DECLINED


def test_an_undo_refused_when_a_later_step_was_taken_elsewhere(qtbot, page, window, shown_errors):
    p = transfers(window)
    late = choose(page.transfers, lambda r: r.overdue).transfer
    window.partnership.withdraw_transfer_action.trigger()
    dialog = window.active_dialog
    qtbot.keyClicks(dialog.ui.textEdit, "No longer needed")
    ok(dialog)
    assert p.transfer(late.id).state is TransferState.WITHDRAWN
    other = Store.open(window.store.path)
    try:  # another copy changes the same transfer's steps meanwhile (its withdrawal reworded)
        t = other.partnership.transfer(late.id)
        other.partnership.restore(late.id, dataclasses.replace(t, withdrawn_reason="Reworded"), t,
                                  ("withdrawn_reason",))
    finally:
        other.close()
    window.undo()
    assert shown_errors and "changed" in " ".join(shown_errors[-1]).lower()
    assert p.transfer(late.id).withdrawn_reason == "Reworded", "nothing overwritten"


def test_the_answer_time_is_a_setting_with_undo(qtbot, page, window):
    spin = page.answer_days
    assert spin.value() == 28
    spin.setValue(14)
    spin.editingFinished.emit()
    assert window.store.agendas.setting(cfg.TRANSFER_ANSWER_DAYS) == 14
    window.undo()
    assert window.store.agendas.setting(cfg.TRANSFER_ANSWER_DAYS) == 28 and spin.value() == 28


# --- escalations and disputes ---------------------------------------------------------------------
def test_mediate_escalate_and_the_executive_decides_the_dispute(qtbot, page, window):
    esc = window.store.escalations
    page.tabs.setCurrentWidget(page.escalations)
    dispute = choose(page.escalations, lambda r: r.status is EscalationStatus.MEDIATION).escalation
    press(qtbot, window, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = window.active_dialog
    assert isinstance(dialog, MediationDialog) and dialog.ui.notesEdit.toPlainText() == dispute.mediation_notes
    dialog.ui.outcomeEdit.setPlainText("Not agreed: each still says the other convenes")
    ok(dialog)
    assert esc.get(dispute.id).mediation_outcome.startswith("Not agreed") and esc.get(dispute.id).mediation_on == TODAY
    press(qtbot, window, Qt.Key.Key_X, CTRL_SHIFT)
    ok(window.active_dialog)
    assert esc.get(dispute.id).status is EscalationStatus.EXECUTIVE
    assert not window.partnership.mediate_action.isEnabled(), "mediation is over once it is with the Executive"
    press(qtbot, window, Qt.Key.Key_C, CTRL_SHIFT)
    dialog = window.active_dialog
    assert "WSCP Executive" in dialog.windowTitle()
    qtbot.keyClicks(dialog.ui.textEdit, "The Emergency Duty Team convenes out of hours")
    ok(dialog)
    done = esc.get(dispute.id)
    assert done.status is EscalationStatus.DECIDED and done.decided_by is DecidedBy.EXECUTIVE
    window.undo()
    assert esc.get(dispute.id).status is EscalationStatus.EXECUTIVE


def test_record_a_concern_by_keyboard_and_withdraw_it_with_delete(qtbot, page, window):
    esc = window.store.escalations
    page.tabs.setCurrentWidget(page.escalations)
    window.nav.setFocus()
    before = {e.id for e in esc.all()}
    press(qtbot, window, Qt.Key.Key_N, CTRL)
    dialog = window.active_dialog
    assert isinstance(dialog, EscalationDialog)
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("theme"))
    ok(dialog)
    assert dialog.errors.field == "summary"
    qtbot.keyClicks(ui.summaryEdit, "Neglect is named in four of the last five rapid reviews")
    ui.agencyCombo.setCurrentIndex(ui.agencyCombo.findText("SWL ICB", Qt.MatchFlag.MatchStartsWith))
    ui.memberCombo.setCurrentIndex(ui.memberCombo.findText("Dr Helen Carter"))
    ui.itemCombo.setCurrentIndex(1)
    ok(dialog)
    [added] = [e for e in esc.all() if e.id not in before]
    assert added.kind is EscalationKind.THEME and window.store.member(added.raised_by_member_id).name == \
        "Dr Helen Carter"
    assert added.meeting_id is not None and added.item_id is not None
    assert page.escalations.current_id() == added.id
    page.escalations.table.setFocus()
    qtbot.keyClick(page.escalations.table, Qt.Key.Key_Delete)
    dialog = window.active_dialog
    assert isinstance(dialog, PartnershipStepDialog) and dialog.windowTitle() == f"Withdraw {added.reference}"
    qtbot.keyClicks(dialog.ui.textEdit, "Raised under the wrong kind")
    ok(dialog)
    assert esc.get(added.id).status is EscalationStatus.WITHDRAWN


# --- bodies -----------------------------------------------------------------------------------------
def test_edit_a_chair_with_enter_end_a_body_and_undo(qtbot, page, window):
    p = transfers(window)
    page.tabs.setCurrentWidget(page.bodies)
    body = choose(page.bodies, lambda r: r.body.short_name == "CE&M").body
    page.bodies.table.setFocus()
    qtbot.keyClick(page.bodies.table, Qt.Key.Key_Return)
    dialog = window.active_dialog
    assert isinstance(dialog, PartnershipBodyDialog) and dialog.ui.chairEdit.text() == body.chair_name
    dialog.ui.chairEmailEdit.setText("not an address")
    ok(dialog)
    assert dialog.errors.field == "chair_email"
    dialog.ui.chairEdit.setText("DCI Priya Shah")
    dialog.ui.chairEmailEdit.setText("priya.shah@met.example.police.uk")
    dialog.ui.twdCheck.setChecked(True)
    ok(dialog)
    assert dialog.errors.field == "training_workforce" and "already" in dialog.errors.message
    dialog.ui.twdCheck.setChecked(False)
    ok(dialog)
    assert p.body(body.id).chair_name == "DCI Priya Shah"
    press(qtbot, window, Qt.Key.Key_E, CTRL_SHIFT)
    ok(window.active_dialog)
    assert p.body(body.id).ended_on == TODAY
    page.bodies.ended_check.setChecked(False)
    assert body.id not in [r.body.id for r in rows(page.bodies)], "ended bodies are hidden unless shown"
    window.undo()
    assert p.body(body.id).ended_on is None
    window.undo()
    assert p.body(body.id).chair_name == body.chair_name


def test_a_stale_transfer_dialog_shows_both_versions_and_overwrites_nothing(qtbot, page, window):
    p = transfers(window)
    t = p.add_transfer(dataclasses.replace(p.all_transfers()[0], id=None, reference="", direction=Direction.FROM_US,
                                           sent_on=None, answer_due=None, answer=None, answer_reason="",
                                           answered_on=None, answer_document_id=None, written_on=TODAY))
    window.refresh()
    page.transfers.show_everything()
    page.transfers.select(t.id)
    window.partnership.edit_transfer_action.trigger()
    dialog = window.active_dialog
    other = Store.open(window.store.path)
    try:
        other.partnership.update_transfer(dataclasses.replace(other.partnership.transfer(t.id), reason="Elsewhere"))
    finally:
        other.close()
    dialog.ui.outcomesEdit.setPlainText("Mine")
    ok(dialog)
    assert dialog.conflict_dialog is not None
    assert p.transfer(t.id).outcomes == t.outcomes and p.transfer(t.id).reason == "Elsewhere"
    dialog.conflict_dialog.reject()
    dialog.reject()

"""The Audits & inspections page and its dialogs, through the real main window on the demo database.

The demo holds three audits (the front door audit: reported, eight gradings, two actions; one in
progress; one planned) and two inspections (Ofsted with one overdue action-plan item; HMICFRS not yet
reviewed). Dialogs are opened with ``QDialog.open()``: each test finds the open one in
``window.active_dialog``. What the page shows is read from its models (not pixels) and compared with
what ``store.quality`` says; what a dialog or a key saved is read back through the repository.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop.domain.actions import ActionStatus
from mqp_desktop.domain.quality import AuditStatus, FollowUp, InspectionState, PlanStatus
from mqp_desktop.store import Store
from mqp_desktop.store.quality_demo import FRONT_DOOR_TITLE
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.quality_dialogs import (
    AuditActionDialog,
    AuditCaseDialog,
    AuditDialog,
    GradingScaleDialog,
    InspectionReviewDialog,
    PlanItemDialog,
    ReasonDialog,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.minutes_models import OVERDUE_MARK
from mqp_desktop.ui.pages.quality_page import TAB_AUDITS, TAB_INSPECTIONS, text_html
from mqp_desktop.ui.quality_models import (
    AuditActionsModel,
    AuditRow,
    AuditsModel,
    CasesModel,
    InspectionsModel,
    PlanModel,
    ReviewsModel,
)
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error",
                        lambda parent, exc, title="": shown.append((title, errors.problem_and_remedy(exc)[0])))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    from mqp_desktop.ui.dialogs import quality_dialogs

    monkeypatch.setattr(quality_dialogs, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.show_page(w.PAGE_QUALITY)
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def page(window):
    assert window.pages.currentWidget() is window.quality.page
    return window.quality.page


def q(window):
    return window.store.quality


def front_door(window):
    return q(window).find_audit(FRONT_DOOR_TITLE)


def choose_front_door(page, window):
    page.show_tab(TAB_AUDITS)
    assert page.select_audit(front_door(window).id)


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def case_rows(page) -> list[tuple[str, str, str]]:
    """(reference, agency, grade) as the grid shows them, in its order."""
    proxy = page.cases_proxy
    return [tuple(proxy.index(r, c).data() for c in range(3)) for r in range(proxy.rowCount())]


# --- the models ---------------------------------------------------------------------------------

def test_every_model_passes_the_model_tester(qtmodeltester, demo_store):
    quality = demo_store.quality
    names = {a.id: a.label for a in demo_store.agencies()}
    summaries = quality.summaries()
    audits = AuditsModel()
    audits.set_rows([AuditRow(a, "lead", summaries[a.id], 0, 0, False) for a in quality.audits()])
    assert audits.rowCount() == 3
    qtmodeltester.check(audits, force_py=True)
    front = quality.find_audit(FRONT_DOOR_TITLE)
    cases = CasesModel()
    cases.set_rows(quality.cases(front.id), names, quality.grades(include_removed=True))
    assert cases.rowCount() == 8
    qtmodeltester.check(cases, force_py=True)
    actions = AuditActionsModel()
    actions.set_rows(quality.actions(front.id), {}, dt.date.today())
    assert actions.rowCount() == 2
    qtmodeltester.check(actions, force_py=True)
    rows = quality.inspection_rows()
    inspections = InspectionsModel()
    inspections.set_rows(rows, names)
    qtmodeltester.check(inspections, force_py=True)
    plan = PlanModel()
    plan.set_rows(quality.plan(rows[0].inspection.id), dt.date.today())
    assert plan.rowCount() == rows[0].counts.total
    qtmodeltester.check(plan, force_py=True)
    reviews = ReviewsModel()
    reviews.set_rows(quality.reviews(rows[1].inspection.id), {})
    qtmodeltester.check(reviews, force_py=True)


def test_findings_text_becomes_paragraphs_and_bullets():
    assert text_html("One.\n\n- a <b>\n- b\n\nTwo.") == "<p>One.</p><ul><li>a &lt;b&gt;</li><li>b</li></ul><p>Two.</p>"


# --- the page -----------------------------------------------------------------------------------

def test_the_page_is_in_the_left_hand_list_and_on_ctrl_0(window, page):
    assert window.nav.item(window.PAGE_QUALITY).text() == "Audits & inspections"
    window.show_page(window.PAGE_MEMBERSHIP)
    window.page_actions[window.PAGE_QUALITY].trigger()
    assert window.pages.currentWidget() is page
    assert window.page_actions[window.PAGE_QUALITY].shortcut().toString() == "Ctrl+0"
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Quality" in menus


def test_the_audits_tab_shows_the_programme_and_the_chosen_audit(window, page):
    quality = q(window)
    assert page.audits_model.rowCount() == len(quality.audits()) == 3
    assert page.tabs.tabText(TAB_AUDITS) == "&Audits (3)"
    choose_front_door(page, window)
    audit = front_door(window)
    assert page.audit_title.text() == FRONT_DOOR_TITLE
    assert "Reported" in page.audit_facts.text() and "Amara Okafor" in page.audit_facts.text()
    summary = quality.grade_summary(audit.id)
    assert [(label, count) for label, count, _c in page.grade_bar.segments] == [
        (c.grade.label, c.count) for c in summary.counts]
    assert page.cases_proxy.rowCount() == 8 and page.audit_tabs.tabText(0) == "Cases (8)"
    shown = {(ref, agency, grade) for ref, agency, grade in case_rows(page)}
    names = {a.id: a.label for a in window.store.agencies()}
    stored = {(c.reference, names[c.agency_id], quality.grade(c.grade_id).label) for c in quality.cases(audit.id)}
    assert shown == stored
    assert page.audit_actions_model.rowCount() == 2
    assert "Findings" in page.findings_view.toPlainText() and "Learning" in page.findings_view.toPlainText()


def test_the_inspections_tab_marks_the_overdue_item(window, page):
    page.show_tab(TAB_INSPECTIONS)
    assert page.inspections_model.rowCount() == 2 and "⚠" in page.tabs.tabText(TAB_INSPECTIONS)
    rows = {page.inspections_model.record(r).inspection.inspectorate_label: page.inspections_model.record(r)
            for r in range(2)}
    assert rows["Ofsted"].state is InspectionState.PLAN_OVERDUE
    assert rows["HMICFRS"].state is InspectionState.AWAITING_REVIEW
    assert page.select_inspection(rows["Ofsted"].inspection.id)
    due = [page.plan_model.index(r, PlanModel.COL_DUE).data() for r in range(page.plan_model.rowCount())]
    assert sum(OVERDUE_MARK in d for d in due) == 1
    assert "1 overdue" in page.inspection_tabs.tabText(0)
    assert "Action plan overdue" in page.inspection_facts.text()
    assert page.reviews_model.rowCount() == 1


# --- grading from the keyboard ------------------------------------------------------------------------

def test_digits_grade_the_selected_case_and_move_to_the_next_and_ctrl_z_undoes(qtbot, window, page):
    choose_front_door(page, window)
    page.cases_table.selectRow(0)
    page.cases_table.setFocus()
    first = page.current_case().id
    second = page.case_after(first)
    third = page.case_after(second)
    before = {i: q(window).case(i).grade_id for i in (first, second, third)}
    scale = q(window).grades()
    qtbot.keyClick(page.cases_table, Qt.Key.Key_4)
    assert q(window).case(first).grade_id == scale[3].id  # Inadequate
    assert page.current_case().id == second, "the selection moves on"
    qtbot.keyClick(page.cases_table, Qt.Key.Key_1)
    assert q(window).case(second).grade_id == scale[0].id
    assert page.current_case().id == third
    qtbot.keyClick(page.cases_table, Qt.Key.Key_Backspace)  # clears the third's grade
    assert q(window).case(third).grade_id is None
    assert q(window).grade_summary(front_door(window).id).not_graded == 1
    assert "not graded" in [grade for _r, _a, grade in case_rows(page)]
    for _ in range(3):
        window.undo()
    assert {i: q(window).case(i).grade_id for i in (first, second, third)} == before
    history = window.store.history(entity="audit_case", limit=3)
    assert [c.action for c in history] == ["reverted"] * 3


def test_a_key_past_the_scale_says_so_and_changes_nothing(qtbot, window, page):
    choose_front_door(page, window)
    page.cases_table.selectRow(0)
    case = page.current_case()
    qtbot.keyClick(page.cases_table, Qt.Key.Key_7)
    assert q(window).case(case.id).grade_id == case.grade_id
    assert "no grade 7" in window.statusBar().currentMessage()


# --- cases ------------------------------------------------------------------------------------------

def test_adding_cases_refuses_a_name_and_adds_one_after_another(qtbot, window, page, shown_errors):
    choose_front_door(page, window)
    audit = front_door(window)
    window.quality.add_cases_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AuditCaseDialog)
    ui = dialog.ui
    qtbot.keyClicks(ui.referenceEdit, "Jayden Smith")
    ok(dialog)
    assert window.active_dialog is dialog and dialog.errors.field == "reference"
    assert "never a child's name" in dialog.errors.message
    assert len(q(window).cases(audit.id)) == 8
    ui.referenceEdit.clear()
    qtbot.keyClicks(ui.referenceEdit, "NEG-25-06")
    ui.gradeCombo.setCurrentIndex(2)  # 2 Good
    dialog.another_button.click()
    assert window.active_dialog is dialog and ui.referenceEdit.text() == "" and len(dialog.added) == 1
    qtbot.keyClicks(ui.referenceEdit, "NEG-25-07")
    ok(dialog)
    assert window.active_dialog is None
    cases = {c.reference: c for c in q(window).cases(audit.id)}
    assert q(window).grade(cases["NEG-25-06"].grade_id).label == "Good" and cases["NEG-25-07"].grade_id is None
    assert page.cases_proxy.rowCount() == 10
    window.undo()  # the last added is withdrawn, never deleted
    assert "NEG-25-07" not in {c.reference for c in q(window).cases(audit.id)}
    withdrawn = [c for c in q(window).cases(audit.id, include_withdrawn=True) if c.withdrawn]
    assert [c.reference for c in withdrawn] == ["NEG-25-07"] and withdrawn[0].withdrawn_reason
    window.redo()
    assert "NEG-25-07" in {c.reference for c in q(window).cases(audit.id)}
    assert shown_errors == []


def test_enter_edits_a_case_and_delete_withdraws_it_with_a_reason(qtbot, window, page):
    choose_front_door(page, window)
    page.cases_table.selectRow(0)
    case = page.current_case()
    page.cases_table.setFocus()
    qtbot.keyClick(page.cases_table, Qt.Key.Key_Return)
    dialog = window.active_dialog
    assert isinstance(dialog, AuditCaseDialog) and dialog.ui.referenceEdit.text() == case.reference
    dialog.ui.notesEdit.setPlainText("Re-read: checks were on time.")
    ok(dialog)
    assert q(window).case(case.id).notes == "Re-read: checks were on time."
    page.select_case(case.id)
    page.cases_table.setFocus()
    qtbot.keyClick(page.cases_table, Qt.Key.Key_Delete)
    reason = window.active_dialog
    assert isinstance(reason, ReasonDialog)
    ok(reason)
    assert window.active_dialog is reason and reason.errors.field in ("withdrawn_reason", "reason")
    qtbot.keyClicks(reason.ui.reasonEdit, "Entered against the wrong audit")
    ok(reason)
    assert q(window).case(case.id).withdrawn
    assert page.cases_proxy.rowCount() == 7
    window.undo()
    assert not q(window).case(case.id).withdrawn


# --- audits -------------------------------------------------------------------------------------------

def test_a_new_audit_from_ctrl_n_on_the_audits_tab(qtbot, window, page):
    page.show_tab(TAB_AUDITS)
    window.quality.update_actions(True)
    assert window.quality.new_audit_action.isEnabled() and not window.quality.new_inspection_action.isEnabled()
    window.quality.new_audit_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AuditDialog)
    ok(dialog)
    assert window.active_dialog is dialog and dialog.errors.field == "title"
    qtbot.keyClicks(dialog.ui.titleEdit, "Child exploitation: missing episodes")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("organisational"))
    for row in range(dialog.ui.agenciesList.count()):
        item = dialog.ui.agenciesList.item(row)
        if item.text() in ("Police", "Community Safety"):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.ui.leadCombo.setCurrentIndex(dialog.ui.leadCombo.findText("Police (the agency)"))
    ok(dialog)
    assert window.active_dialog is None
    added = q(window).find_audit("Child exploitation: missing episodes")
    assert added.kind.value == "organisational" and added.lead_agency_id is not None and len(added.agency_ids) == 2
    assert page.current_audit().id == added.id
    window.undo()  # an audit added in error is cancelled, with the reason
    assert q(window).audit(added.id).status is AuditStatus.CANCELLED


def test_editing_an_audit_and_undoing_the_edit(qtbot, window, page):
    choose_front_door(page, window)
    window.quality.edit_audit_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AuditDialog)
    assert dialog.ui.leadCombo.currentText().startswith("Amara Okafor")
    dialog.ui.themeEdit.setText("Neglect; re-referrals; closure")
    ok(dialog)
    assert front_door(window).theme == "Neglect; re-referrals; closure"
    window.undo()
    assert front_door(window).theme == "Neglect; re-referrals"


def test_an_edit_saved_meanwhile_elsewhere_shows_the_conflict(qtbot, window, page, demo_db):
    choose_front_door(page, window)
    window.quality.edit_audit_action.trigger()
    dialog = window.active_dialog
    with Store.open(demo_db) as other:
        other.user, other.host = "sam", "LAPTOP-2"
        audit = other.quality.find_audit(FRONT_DOOR_TITLE)
        audit.notes = "Changed on the other laptop"
        other.quality.update_audit(audit)
    dialog.ui.themeEdit.setText("Mine")
    ok(dialog)
    assert window.active_dialog is dialog and dialog.conflict_dialog is not None
    assert "sam on LAPTOP-2" in dialog.conflict_dialog.ui.headingLabel.text()
    assert front_door(window).theme == "Neglect; re-referrals"


def test_an_action_from_the_audit_goes_into_the_action_log(qtbot, window, page):
    choose_front_door(page, window)
    audit = front_door(window)
    window.quality.add_audit_action_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AuditActionDialog)
    assert dialog.ui.meetingCombo.currentData() == audit.reported_meeting_id
    qtbot.keyClicks(dialog.ui.descriptionEdit, "Share a closure summary template with schools")
    dialog.ui.ownerCombo.setCurrentText("Hannah Cole")
    ok(dialog)
    assert window.active_dialog is None
    actions = q(window).actions(audit.id)
    assert len(actions) == 3 and actions[-1].description == "Share a closure summary template with schools"
    assert page.audit_actions_model.rowCount() == 3
    log = window.actions_page.model
    sources = [log.record(r).source for r in range(log.rowCount()) if log.record(r).action.id == actions[-1].id]
    assert sources and "audit: " + FRONT_DOOR_TITLE in sources[0]
    window.undo()  # dropped at its meeting, as any action added in error
    assert window.store.minutes.action(actions[-1].id).status is ActionStatus.DROPPED


def test_cancel_and_reinstate_an_audit(qtbot, window, page):
    choose_front_door(page, window)
    window.quality.cancel_audit_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ReasonDialog)
    qtbot.keyClicks(dialog.ui.reasonEdit, "Merged into the neglect programme")
    ok(dialog)
    assert front_door(window).status is AuditStatus.CANCELLED
    window.quality.update_actions(True)
    assert not window.quality.add_cases_action.isEnabled() and window.quality.reinstate_audit_action.isEnabled()
    window.quality.reinstate_audit_action.trigger()
    assert front_door(window).status is AuditStatus.REPORTED


# --- the grading scale -------------------------------------------------------------------------------

def test_the_grading_scale_renames_in_use_and_refuses_to_remove_it(qtbot, window, page):
    choose_front_door(page, window)
    window.quality.grading_scale_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, GradingScaleDialog)
    ui = dialog.ui
    assert ui.gradesList.count() == 4 and ui.gradesList.item(1).text().startswith("2. Good")
    ui.gradesList.setCurrentRow(1)
    assert not ui.removeButton.isEnabled(), "a grade in use cannot be removed"
    ui.nameEdit.setText("Good practice")
    ui.renameButton.click()
    assert [g.label for g in q(window).grades()][1] == "Good practice"
    assert any(grade == "Good practice" for _r, _a, grade in case_rows(page))
    ui.nameEdit.setText("Not applicable")
    ui.addButton.click()
    assert ui.gradesList.count() == 5 and ui.gradesList.currentRow() == 4
    ui.upButton.click()
    assert [g.label for g in q(window).grades()][3] == "Not applicable"
    ui.removeButton.click()
    assert "Not applicable" not in [g.label for g in q(window).grades()]
    ui.nameEdit.setText("good practice")
    ui.addButton.click()
    assert dialog.errors.field == "label" and "already a grade" in dialog.errors.message


# --- inspections ----------------------------------------------------------------------------------------

def _choose_ofsted(page):
    page.show_tab(TAB_INSPECTIONS)
    for row in range(page.inspections_model.rowCount()):
        record = page.inspections_model.record(row)
        if record.inspection.inspectorate_label == "Ofsted":
            assert page.select_inspection(record.inspection.id)
            return record.inspection
    raise AssertionError("no Ofsted inspection")


def test_marking_the_overdue_item_done_with_ctrl_d_and_undo(qtbot, window, page):
    inspection = _choose_ofsted(page)
    overdue = next(p for p in q(window).plan(inspection.id) if p.is_overdue(dt.date.today()))
    assert page.select_plan_item(overdue.id)
    window.quality.update_actions(True)
    window.quality.plan_done_action.trigger()
    assert q(window).plan_item(overdue.id).status is PlanStatus.DONE
    row = next(r for r in q(window).inspection_rows() if r.inspection.id == inspection.id)
    assert row.counts.overdue == 0 and row.state is not InspectionState.PLAN_OVERDUE
    window.undo()
    assert q(window).plan_item(overdue.id).status is PlanStatus.IN_PROGRESS


def test_adding_an_action_plan_item(qtbot, window, page):
    inspection = _choose_ofsted(page)
    window.quality.update_actions(True)
    window.quality.add_plan_item_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, PlanItemDialog)
    qtbot.keyClicks(dialog.ui.actionEdit, "Publish a practice guide on return interviews")
    qtbot.keyClicks(dialog.ui.ownerEdit, "Missing and Exploitation Lead")
    dialog.ui.dueCheck.setChecked(True)
    ok(dialog)
    assert window.active_dialog is None
    items = q(window).plan(inspection.id)
    assert any(p.action == "Publish a practice guide on return interviews" and p.due for p in items)
    # dropping an item needs the reason
    item = next(p for p in items if p.action.startswith("Publish"))
    page.select_plan_item(item.id)
    window.quality.edit_plan_item_action.trigger()
    edit = window.active_dialog
    edit.ui.statusCombo.setCurrentIndex(edit.ui.statusCombo.findData("dropped"))
    ok(edit)
    assert window.active_dialog is edit and edit.errors.field == "notes"


def test_recording_a_review_sets_the_follow_up_and_undo_takes_it_back(qtbot, window, page):
    page.show_tab(TAB_INSPECTIONS)
    peel = next(r.inspection for r in q(window).inspection_rows() if r.inspection.inspectorate_label == "HMICFRS")
    page.select_inspection(peel.id)
    window.quality.update_actions(True)
    window.quality.review_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, InspectionReviewDialog)
    qtbot.keyClicks(dialog.ui.noteEdit, "Notification times to come to the dataset")
    dialog.ui.nextReviewCheck.setChecked(True)
    ok(dialog)
    assert window.active_dialog is None
    assert [r.note for r in q(window).reviews(peel.id)] == ["Notification times to come to the dataset"]
    stored = q(window).inspection(peel.id)
    assert stored.follow_up is FollowUp.MONITORING and stored.next_review is not None
    assert page.reviews_model.rowCount() == 1
    window.undo()
    assert q(window).reviews(peel.id) == []
    assert q(window).inspection(peel.id).follow_up is FollowUp.TO_REVIEW
    assert q(window).inspection(peel.id).next_review is None


def test_withdrawing_an_inspection_needs_a_reason(qtbot, window, page):
    inspection = _choose_ofsted(page)
    window.quality.update_actions(True)
    window.quality.withdraw_inspection_action.trigger()
    dialog = window.active_dialog
    ok(dialog)
    assert window.active_dialog is dialog
    qtbot.keyClicks(dialog.ui.reasonEdit, "Recorded twice")
    ok(dialog)
    assert q(window).inspection(inspection.id).withdrawn
    assert page.current_inspection_row().state is InspectionState.WITHDRAWN
    window.quality.update_actions(True)
    assert not window.quality.add_plan_item_action.isEnabled()
    window.quality.reinstate_inspection_action.trigger()
    assert not q(window).inspection(inspection.id).withdrawn


def test_only_the_shown_tabs_actions_are_enabled(window, page):
    quality = window.quality
    page.show_tab(TAB_INSPECTIONS)
    quality.update_actions(True)
    assert quality.new_inspection_action.isEnabled() and not quality.new_audit_action.isEnabled()
    window.show_page(window.PAGE_MEMBERSHIP)
    assert not any(a.isEnabled() for a in quality.actions)
    assert window.add_member_action.isEnabled()
    assert quality.withdraw_case_action in page.cases_table.actions(), "the cases grid has a right-click menu"

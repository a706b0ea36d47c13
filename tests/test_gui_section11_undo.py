"""Section 11 changes on the window's undo stack (Ctrl+Z / Ctrl+Shift+Z), through the real window.

On the demo database (two rounds on the 0-3 score; this year's has overdue returns with
reminders and received returns with ratings). A return is changed the way the window changes
it (its dialog's Save, Mark received, an imported workbook); ``window.undo()`` and
``window.redo()`` run what the Edit menu's Undo and Redo run; what is stored is read back
through :class:`Section11Repo` and the change history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop.domain.section11 import ActionStatus, ReturnStatus
from mqp_desktop.store import StoreError
from mqp_desktop.store.section11 import Section11Repo
from mqp_desktop.ui.dialogs.section11_dialogs import ReceivedDialog, ReturnDialog, RoundDialog, WorkbookImportDialog
from mqp_desktop.ui.pages.section11_page import TAB_ACTIONS, TAB_RATINGS, TAB_RETURN
from tests.test_gui_section11 import page, shown_errors, window  # noqa: F401 - the same fixtures


def repo(window) -> Section11Repo:
    return Section11Repo(window.store)


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def received_with_ratings(page):
    """A return of the shown round that came in, was rated, and is not yet reviewed."""
    rnd = page.round
    for ret in page.returns:
        if ret.status(rnd.deadline, dt.date.today()) is ReturnStatus.RECEIVED and ret.rating(5) is not None:
            return ret
    raise AssertionError("the demo has a received, rated return")


def overdue_ids(page) -> list[int]:
    return [page.overdue_model.record(r).id for r in range(page.overdue_model.rowCount())]


def latest(window, entity: str, entity_id: int):
    return window.store.history(entity=entity, entity_id=entity_id, limit=1)[0]


def other_score(value: str | None) -> str:
    return "3" if value != "3" else "0"


# --- saving a return from its dialog -------------------------------------------------------------
def test_undo_a_saved_return_puts_its_ratings_and_fields_back_and_redo_saves_them_again(qtbot, page, window):
    ret = received_with_ratings(page)
    before = repo(window).get_return(ret.id)
    old5 = before.rating(5)
    window.section11.show_return(ret.id, 5, TAB_RATINGS)
    dialog = window.active_dialog
    assert isinstance(dialog, ReturnDialog)
    ui = dialog.ui
    ui.selfCombo.setCurrentIndex(ui.selfCombo.findData(other_score(old5.self_value)))
    ui.moderatedCombo.setCurrentIndex(ui.moderatedCombo.findData(other_score(old5.moderated_value)))
    ui.tabs.setCurrentIndex(TAB_RETURN)
    ui.outcomeEdit.setText("Accepted with an action plan")
    ui.leadEmailEdit.setText("new.lead@agency.example.org")
    ok(dialog)
    assert window.active_dialog is None

    after = repo(window).get_return(ret.id)
    assert after.rating(5).self_value == other_score(old5.self_value)
    assert after.rating(5).moderated_value == other_score(old5.moderated_value)
    assert (after.panel_outcome, after.lead_email) == ("Accepted with an action plan", "new.lead@agency.example.org")
    assert "Ctrl+Z undoes it" in window.statusBar().currentMessage()
    name = window.section11._agency_name(ret.agency_id)
    assert window.undo_action.isEnabled() and window.undo_action.text() == f"&Undo save of {name}'s return"

    window.undo()
    assert repo(window).get_return(ret.id) == before, "ratings self and moderated, outcome, email: all as they were"
    assert latest(window, "s11_rating", old5.id).action == "reverted"
    undone = latest(window, "s11_return", ret.id)
    assert undone.action == "reverted" and set(undone.changes) == {"panel_outcome", "lead_email"}
    assert window.undo_stack.index() == 0 and window.redo_action.isEnabled()
    assert page.grid_cell(ret.agency_id, 5).data() == (old5.moderated_value or old5.self_value), "the grid too"

    window.redo()
    assert repo(window).get_return(ret.id) == after
    assert latest(window, "s11_rating", old5.id).action == "edited"
    assert window.undo_stack.index() == 1


def test_undo_a_first_save_empties_new_ratings_drops_new_actions_and_keeps_the_reminder(qtbot, page, window):
    ret = page.overdue_model.record(0)
    before = repo(window).get_return(ret.id)
    assert before.ratings == () and before.received is None and before.reminders
    window.section11.show_return(ret.id, 3, TAB_RATINGS)
    dialog = window.active_dialog
    ui = dialog.ui
    ui.selfCombo.setCurrentIndex(ui.selfCombo.findData("2"))
    qtbot.keyClicks(ui.evidenceEdit, "Supervision audit 2026")
    ui.tabs.setCurrentIndex(TAB_RETURN)
    ui.reminderDateEdit.setDate(ui.reminderDateEdit.date())
    ui.addReminderButton.click()
    ui.receivedCheck.setChecked(True)
    ui.tabs.setCurrentIndex(TAB_ACTIONS)
    ui.addActionButton.click()
    qtbot.keyClicks(ui.actionEdit, "Audit supervision files")
    ok(dialog)
    assert window.active_dialog is None
    after = repo(window).get_return(ret.id)
    assert after.received is not None and after.rating(3).self_value == "2"
    assert len(after.reminders) == len(before.reminders) + 1
    (added,) = after.actions
    assert "a reminder sent stays recorded" in window.statusBar().currentMessage()

    window.undo()
    fresh = repo(window).get_return(ret.id)
    assert fresh.received is None and ret.id in overdue_ids(page), "overdue again"
    emptied = fresh.rating(3)
    assert (emptied.self_value, emptied.evidence) == (None, ""), "the new rating emptied (nothing is deleted)"
    assert page.grid_cell(ret.agency_id, 3).data() == page.grid_cell(ret.agency_id, 4).data(), "shown as never rated"
    (dropped,) = fresh.actions
    assert dropped.id == added.id and dropped.status is ActionStatus.DROPPED and dropped.closed == dt.date.today()
    assert fresh.reminders == after.reminders, "the reminder sent stays recorded"
    assert latest(window, "s11_action", added.id).action == "reverted"

    window.redo()
    again = repo(window).get_return(ret.id)
    assert again.received == after.received and again.rating(3) == after.rating(3)
    assert again.actions == after.actions, "reopened as it was saved"


def test_a_save_that_only_records_a_reminder_is_not_put_on_the_stack(qtbot, page, window):
    ret = page.overdue_model.record(0)
    window.section11.show_return(ret.id, 0, TAB_RETURN)
    dialog = window.active_dialog
    dialog.ui.addReminderButton.click()
    ok(dialog)
    assert len(repo(window).get_return(ret.id).reminders) == len(ret.reminders) + 1
    assert window.undo_stack.count() == 0 and not window.undo_action.isEnabled()
    assert "Ctrl+Z" not in window.statusBar().currentMessage()


# --- marking received, recording a reminder --------------------------------------------------------
def test_undo_mark_received_makes_the_return_outstanding_again(qtbot, page, window):
    ret = page.overdue_model.record(0)
    before = repo(window).get_return(ret.id)
    assert page.select_overdue(ret.id)
    window.section11.mark_received_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ReceivedDialog)
    dialog.ui.openReturnCheck.setChecked(False)
    ok(dialog)
    assert repo(window).get_return(ret.id).received == dt.date.today()
    assert ret.id not in overdue_ids(page)
    assert window.statusBar().currentMessage().endswith("(Ctrl+Z undoes it)")

    window.undo()
    assert repo(window).get_return(ret.id) == before
    assert ret.id in overdue_ids(page)
    entry = latest(window, "s11_return", ret.id)
    assert entry.action == "receipt undone" and entry.changes == {"received": [dt.date.today().isoformat(), None]}

    window.redo()
    assert repo(window).get_return(ret.id).received == dt.date.today()
    assert latest(window, "s11_return", ret.id).action == "received"


def test_an_undo_the_store_refuses_is_shown_and_the_stack_stays(qtbot, page, window, shown_errors, monkeypatch):
    ret = page.overdue_model.record(0)
    page.select_overdue(ret.id)
    window.section11.mark_received_action.trigger()
    dialog = window.active_dialog
    dialog.ui.openReturnCheck.setChecked(False)
    ok(dialog)
    # reviewed since (not through the stack): a reviewed return cannot be made not received
    repo(window).mark_reviewed(ret.id, dt.date.today(), "Accepted")
    reviewed = repo(window).get_return(ret.id)
    name = window.section11._agency_name(ret.agency_id)

    window.undo()
    assert shown_errors and shown_errors[-1][0] == f"Undo marking {name}'s return received"
    assert "received" in shown_errors[-1][1]
    assert repo(window).get_return(ret.id) == reviewed, "nothing changed"
    assert window.undo_stack.index() == 1 and window.undo_action.isEnabled(), "the stack did not move"

    # a locked database: the same
    shown_errors.clear()

    def locked(*args, **kwargs):
        raise StoreError("The database is locked by another program.", "Close it, then try again.")

    monkeypatch.setattr(Section11Repo, "restore_return", locked)
    window.undo()
    assert shown_errors == [(f"Undo marking {name}'s return received", "The database is locked by another program.")]
    assert window.undo_stack.index() == 1


def test_a_reminder_is_not_undoable_and_leaves_the_stack_alone(qtbot, page, window):
    ret = page.overdue_model.record(0)
    page.select_overdue(ret.id)
    window.section11.mark_received_action.trigger()
    dialog = window.active_dialog
    dialog.ui.openReturnCheck.setChecked(False)
    ok(dialog)
    window.undo()  # the return is outstanding again; 'mark received' can be redone
    other = page.overdue_model.record(0)
    page.select_overdue(other.id)
    window.section11.reminder_action.trigger()
    assert len(repo(window).get_return(other.id).reminders) == len(other.reminders) + 1
    assert "Ctrl+Z does not take it back" in window.statusBar().currentMessage()
    assert (window.undo_stack.count(), window.undo_stack.index()) == (1, 0), "nothing pushed, redo kept"
    window.redo()
    assert repo(window).get_return(ret.id).received == dt.date.today()


# --- a round and frameworks are not undoable, and do not upset the stack ---------------------------
def test_a_new_round_and_a_framework_edit_stay_off_the_stack(qtbot, page, window):
    ret = received_with_ratings(page)
    before = repo(window).get_return(ret.id)
    window.section11.show_return(ret.id, 5, TAB_RATINGS)
    dialog = window.active_dialog
    dialog.ui.selfCombo.setCurrentIndex(dialog.ui.selfCombo.findData(other_score(before.rating(5).self_value)))
    ok(dialog)
    assert window.undo_stack.count() == 1

    window.section11.new_round_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, RoundDialog)
    dialog.ui.nameEdit.setText("Section 11 audit 2030-31 (pilot)")
    ok(dialog)
    assert window.active_dialog is None
    rnd = repo(window).find_round("Section 11 audit 2030-31 (pilot)")
    assert rnd is not None and page.round.id == rnd.id

    calls = window.section11.framework_calls()
    fw = repo(window).framework(rnd.framework_name)
    calls.save(fw.with_standard("Voice of the child", criteria=["Children are asked"]))
    assert repo(window).framework(rnd.framework_name).version == fw.version + 1

    assert window.undo_stack.count() == 1, "neither the round nor the framework is on the stack"
    name = window.section11._agency_name(ret.agency_id)
    assert window.undo_action.text() == f"&Undo save of {name}'s return"
    window.undo()
    assert repo(window).get_return(ret.id) == before
    assert repo(window).find_round("Section 11 audit 2030-31 (pilot)") is not None, "the round stays"
    assert repo(window).round(rnd.id).standards == rnd.standards


# --- an imported workbook -------------------------------------------------------------------------
def test_undo_an_imported_workbook_puts_the_return_back_as_before_the_import(qtbot, page, window, tmp_path,
                                                                            monkeypatch):
    openpyxl = pytest.importorskip("openpyxl")
    from mqp_desktop.exporters.section11_workbook import export_workbook
    from mqp_desktop.exporters.section11_workbook_layout import (
        ACTION_COLUMNS,
        ACTIONS,
        FIRST_ROW,
        RETURN,
        STANDARDS,
        letter,
        return_cell,
        standards_columns,
    )

    ret = page.overdue_model.record(0)
    rnd = page.round
    before = repo(window).get_return(ret.id)
    path = export_workbook(window.store, rnd.id, ret.agency_id, tmp_path / "returned.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path)
        ws = wb[STANDARDS]
        rows = {ws[f"A{r}"].value: r for r in range(FIRST_ROW, ws.max_row + 1)}
        columns = standards_columns(rnd.rating_scale)
        wb[STANDARDS][f"{letter(columns, 'self_value')}{rows['5']}"] = 2
        wb[STANDARDS][f"{letter(columns, 'evidence')}{rows['5']}"] = "Training matrix 2026"
        wb[RETURN][return_cell("lead_name")] = "Dr Asha Patel"
        wb[ACTIONS][f"{letter(ACTION_COLUMNS, 'action')}{FIRST_ROW}"] = "Bring refresher training up to 90%"
        wb.save(path)

    monkeypatch.setattr(window.section11, "choose_workbook_file", lambda: path)
    window.section11.import_workbook_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, WorkbookImportDialog) and not dialog.blocked
    ok(dialog)
    assert window.active_dialog is None
    imported = repo(window).get_return(ret.id)
    assert imported.received == dt.date.today() and imported.rating(5).self_value == "2"
    assert imported.lead_name == "Dr Asha Patel" and imported.lead_member_id is None
    (action,) = imported.actions
    assert window.statusBar().currentMessage() == "Imported returned.xlsx (Ctrl+Z undoes it)"
    assert window.undo_action.text() == "&Undo import of returned.xlsx"

    window.undo()
    fresh = repo(window).get_return(ret.id)
    assert dataclasses.replace(fresh, ratings=(), actions=()) == dataclasses.replace(before, ratings=(), actions=())
    assert fresh.rating(5).self_value is None and fresh.rating(5).evidence == ""
    assert [(a.id, a.status) for a in fresh.actions] == [(action.id, ActionStatus.DROPPED)]
    assert ret.id in overdue_ids(page)
    assert latest(window, "s11_return", ret.id).action == "import undone"

    window.redo()
    again = repo(window).get_return(ret.id)
    assert dataclasses.replace(again, reminders=()) == dataclasses.replace(imported, reminders=())
    assert latest(window, "s11_return", ret.id).action == "import redone"

"""The minutes' records on the window's undo stack (Ctrl+Z / Ctrl+Shift+Z), through the real window.

On the demo database. A declaration, a new action or an update is made the way the window makes
it (the controller's action, its dialog's OK); ``window.undo()`` and ``window.redo()`` run what the
Edit menu's Undo and Redo run (some tests press the keys instead). What is stored is read back
through ``store.minutes`` and the change history. Typing in the minutes' editors is not on the
stack: Ctrl+Z there undoes the typing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mqp_desktop.domain.actions import ActionStatus
from mqp_desktop.domain.minutes import Declaration
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.minutes_dialogs import ActionUpdateDialog, DeclarationDialog, MinutesActionDialog
from mqp_desktop.domain.actions import ADDED_IN_ERROR
from mqp_desktop.ui.minutes_models import ActionLinesModel
from tests.test_gui_minutes import draft_meeting, make_window, ok, open_minutes, select_item, sign_through_dialog

LOCKED = "signed minutes are locked; make a correction"


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error",
                        lambda parent, exc, title="": shown.append((title, errors.problem_and_remedy(exc)[0])))
    monkeypatch.setattr(errors, "show_warning", lambda parent, title, problem, remedy="": shown.append((title, problem)))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = make_window(qtbot, demo_db, tmp_path)
    yield w
    w.meetings.minutes.dirty = False
    w.meetings.minutes.autosave_timer.stop()
    if w.store is not None:
        w.store.close()


def latest(window, entity: str, entity_id: int):
    return window.store.history(entity=entity, entity_id=entity_id, limit=1)[0]


def declaration_ids(window, meeting_id: int) -> list[int]:
    return [d.id for d in window.store.minutes.declarations(meeting_id)]


def add_declaration(window, meeting_id: int, nature: str = "Trustee of a provider discussed") -> Declaration:
    before = set(declaration_ids(window, meeting_id))
    window.meetings.minutes.add_declaration_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, DeclarationDialog)
    dialog.ui.whoCombo.setCurrentIndex(0)
    dialog.ui.natureEdit.setText(nature)
    dialog.ui.managedCombo.setCurrentText("left the room for the item")
    ok(dialog)
    assert window.active_dialog is None
    (new,) = set(declaration_ids(window, meeting_id)) - before
    return window.store.minutes.declaration(new)


def choose_declaration(view, declaration_id: int) -> None:
    row = next(r for r in range(view.declarations_model.rowCount())
               if view.declarations_model.record(r).declaration_id == declaration_id)
    view.declarations_table.setCurrentIndex(view.declarations_model.index(row, 0))
    assert view.current_declaration_id() == declaration_id


def shown_declarations(view) -> list[int]:
    return [view.declarations_model.record(r).declaration_id for r in range(view.declarations_model.rowCount())]


def activate(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


# --- declarations ---------------------------------------------------------------------------------
def test_undo_an_added_declaration_removes_it_and_redo_brings_it_back(window, qtbot):
    mid = draft_meeting(window.store)
    view = open_minutes(window, mid)
    d = add_declaration(window, mid)
    assert d.id in shown_declarations(view)
    assert "Ctrl+Z undoes it" in window.statusBar().currentMessage()
    who = window.store.member(d.member_id).display_name
    assert window.undo_action.isEnabled() and window.undo_action.text() == f"&Undo new declaration by {who}"

    activate(window, qtbot)
    view.declarations_table.setFocus()
    qtbot.keyClick(view.declarations_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert d.id not in declaration_ids(window, mid), "gone from the minutes"
    assert window.store.minutes.declaration(d.id).removed, "kept, flagged removed, not deleted"
    assert latest(window, "declaration", d.id).action == "removed"
    assert d.id not in shown_declarations(view)
    assert window.undo_stack.index() == 0 and window.redo_action.isEnabled()
    assert window.statusBar().currentMessage() == f"Undone: new declaration by {who}"

    qtbot.keyClick(view.declarations_table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    again = window.store.minutes.declaration(d.id)
    assert again == d, "the same record, as it was"
    assert latest(window, "declaration", d.id).action == "restored"
    assert d.id in shown_declarations(view) and window.undo_stack.index() == 1


def test_undo_an_edited_declaration_restores_its_fields(window):
    mid = draft_meeting(window.store)
    view = open_minutes(window, mid)
    d = add_declaration(window, mid)
    choose_declaration(view, d.id)
    window.meetings.minutes.edit_declaration_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, DeclarationDialog)
    dialog.ui.natureEdit.setText("Spouse works for the provider")
    dialog.ui.managedCombo.setCurrentText("took no part in the discussion")
    ok(dialog)
    edited = window.store.minutes.declaration(d.id)
    assert (edited.nature, edited.managed) == ("Spouse works for the provider", "took no part in the discussion")
    assert window.undo_stack.count() == 2 and window.undo_action.text().startswith("&Undo edit of ")

    window.undo()
    assert window.store.minutes.declaration(d.id) == d
    change = latest(window, "declaration", d.id)
    assert change.action == "reverted" and set(change.changes) == {"nature", "managed"}
    assert window.undo_stack.index() == 1
    assert next(line for line in view.minutes.declarations if line.declaration_id == d.id).nature == d.nature

    window.redo()
    assert window.store.minutes.declaration(d.id) == edited
    assert latest(window, "declaration", d.id).action == "edited"


def test_undo_a_removed_declaration_restores_the_same_record(window):
    mid = draft_meeting(window.store)
    view = open_minutes(window, mid)
    d = add_declaration(window, mid)
    choose_declaration(view, d.id)
    window.meetings.minutes.remove_declaration_action.trigger()
    assert d.id not in declaration_ids(window, mid)
    assert window.undo_action.text().endswith("'s declaration") and "removal of" in window.undo_action.text()

    window.undo()
    assert window.store.minutes.declaration(d.id) == d and d.id in declaration_ids(window, mid)
    assert latest(window, "declaration", d.id).action == "restored"
    assert d.id in shown_declarations(view)
    window.redo()
    assert d.id not in declaration_ids(window, mid)
    assert latest(window, "declaration", d.id).action == "removed"


# --- actions --------------------------------------------------------------------------------------
def add_action(window, view, description: str):
    window.meetings.minutes.add_action_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, MinutesActionDialog)
    dialog.ui.descriptionEdit.setPlainText(description)
    dialog.ui.ownerCombo.setCurrentIndex(2)
    ok(dialog)
    assert window.active_dialog is None
    return next(a for a in window.store.minutes.actions() if a.description == description)


def test_undo_a_new_action_records_it_dropped_keeping_its_number_and_redo_opens_it(window):
    store = window.store
    mid = draft_meeting(store)
    view = open_minutes(window, mid)
    item = select_item(view, "Any other business")
    a = add_action(window, view, "Circulate the duty rota to all partners")
    assert a.status is ActionStatus.OPEN and "Ctrl+Z undoes it" in window.statusBar().currentMessage()
    assert window.undo_action.text() == f"&Undo new action {a.number} (an undo records it as dropped)"
    assert view.actions_table.isColumnHidden(ActionLinesModel.COL_STATUS), "a plain new action: no status shown"
    count = len(store.minutes.actions())

    window.undo()
    undone = store.minutes.action(a.id)
    assert (undone.number, undone.status, undone.status_note) == (a.number, ActionStatus.DROPPED, ADDED_IN_ERROR)
    assert len(store.minutes.actions()) == count, "never deleted"
    assert [(u.meeting_id, u.status, u.note) for u in store.minutes.updates(action_id=a.id)] == [
        (mid, ActionStatus.DROPPED, ADDED_IN_ERROR)]
    change = latest(window, "action", a.id)
    assert change.action == "undone" and ADDED_IN_ERROR in change.summary
    # it was never agreed: the minutes (on screen, and so in print) no longer list it under its item
    assert view.current_item().item_id == item.item_id
    assert a.id not in {x.action_id for x in view.current_item().actions}
    assert a.id not in {x.action_id for i in store.minutes.minutes(mid).items for x in i.actions}
    # not carried forward to a later meeting, and the Actions page shows it dropped
    later = [m for m in store.meetings.list() if m.date > store.meetings.get(mid).date]
    for m in later:
        assert a.id not in {e.action.id for e in store.minutes.open_at(m.id)}
    model = window.actions_page.model
    row = next(model.record(r) for r in range(model.rowCount()) if model.record(r).action.id == a.id)
    assert row.action.status is ActionStatus.DROPPED

    window.redo()
    assert store.minutes.action(a.id).status is ActionStatus.OPEN
    assert latest(window, "action", a.id).action == "redone"
    line = next(x for x in view.current_item().actions if x.action_id == a.id)
    assert (line.status, line.note) == ("open", "")
    assert view.actions_table.isColumnHidden(ActionLinesModel.COL_STATUS)
    later = min(later, key=lambda m: (m.date, m.start_time, m.id), default=None)
    if later is not None and later.status.value != "cancelled":
        assert a.id in {e.action.id for e in store.minutes.open_at(later.id)}, "carried forward again"

    # undone again, then another action: its number is not given again
    window.undo()
    b = add_action(window, view, "Another action after the undo")
    assert b.number != a.number and store.minutes.action(a.id).status is ActionStatus.DROPPED


def test_undo_of_a_new_action_is_refused_once_another_meeting_updated_it(window, shown_errors):
    store = window.store
    mid = draft_meeting(store)
    open_minutes(window, mid)
    a = add_action(window, window.meetings.page.minutes_view, "Audit the referral pathway")
    later = next((m for m in store.meetings.list() if m.date > store.meetings.get(mid).date
                  and not store.minutes.is_locked(m.id) and m.status.value != "cancelled"), None)
    if later is None:
        pytest.skip("the demo has no later meeting")
    store.minutes.update_action_status(a.id, ActionStatus.IN_PROGRESS, later.id, "Started")
    history = store.history()
    window.undo()
    assert shown_errors and "update given at" in shown_errors[-1][1]
    assert store.minutes.action(a.id).status is ActionStatus.IN_PROGRESS and store.history() == history
    assert window.undo_stack.index() == 1


def test_undo_and_redo_an_update_given_at_the_meeting(window):
    store = window.store
    mid = draft_meeting(store)
    view = open_minutes(window, mid)
    view.tabs.setCurrentIndex(2)
    line = next(a for a in view.minutes.action_log if a.status not in ("done", "dropped"))
    before = (line.status, line.note, line.status_date)
    view.log_table.setCurrentIndex(view.log_model.index(view.log_model.row_of(line.action_id), 0))
    window.meetings.minutes.update_status_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ActionUpdateDialog)
    dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData(ActionStatus.DONE))
    dialog.ui.noteEdit.setText("Report circulated")
    ok(dialog)
    assert store.minutes.action(line.action_id).status is ActionStatus.DONE
    assert window.undo_action.text() == f"&Undo update of action {line.number} (done)"

    window.undo()
    shown = next(a for a in view.minutes.action_log if a.action_id == line.action_id)
    assert (shown.status, shown.note) == before[:2], "the status and note the meeting showed before"
    assert store.minutes.action(line.action_id).status.value == before[0]
    assert latest(window, "action", line.action_id).action == "reverted"
    assert view.tabs.currentIndex() == 2
    # the undone update is kept: updates are a record of what was said
    assert "Report circulated" in [u.note for u in store.minutes.updates(action_id=line.action_id, meeting_id=mid)]
    with Store.open(store.path) as other:
        again = next(a for a in other.minutes.minutes(mid).action_log if a.action_id == line.action_id)
        assert (again.status, again.note) == before[:2]

    window.redo()
    assert store.minutes.action(line.action_id).status is ActionStatus.DONE
    shown = next(a for a in view.minutes.action_log if a.action_id == line.action_id)
    assert (shown.status, shown.note) == ("done", "Report circulated")
    assert latest(window, "action", line.action_id).action == "redone"


# --- signed minutes -------------------------------------------------------------------------------
def test_undo_refused_on_signed_minutes_and_signing_is_not_undoable(window, qtbot, tmp_path, shown_errors):
    store = window.store
    mid = draft_meeting(store)
    view = open_minutes(window, mid)
    d = add_declaration(window, mid)
    sign_through_dialog(window, tmp_path)
    assert store.minutes.is_locked(mid)
    assert window.undo_stack.count() == 1, "signing is not on the stack"
    assert window.undo_action.text().startswith("&Undo new declaration")
    history = store.history()

    activate(window, qtbot)
    view.items_list.setFocus()
    qtbot.keyClick(view.items_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown_errors and shown_errors[-1][0].startswith("Undo new declaration") and LOCKED in shown_errors[-1][1]
    assert window.undo_stack.index() == 1, "the stack stays where it was"
    assert d.id in declaration_ids(window, mid) and store.history() == history
    assert store.minutes.verify(mid).ok and store.minutes.is_locked(mid)
    assert d.id in shown_declarations(view)

    # after a correction the draft can change again, and the undo goes through
    store.minutes.correct(mid, "Declaration recorded in error")
    window.undo()
    assert d.id not in declaration_ids(window, mid) and window.undo_stack.index() == 0
    assert store.minutes.verify(mid, 1).ok


def test_undo_of_an_update_refused_once_signed(window, tmp_path, shown_errors):
    store = window.store
    mid = draft_meeting(store)
    view = open_minutes(window, mid)
    line = next(a for a in view.minutes.action_log if a.status not in ("done", "dropped"))
    view.log_table.setCurrentIndex(view.log_model.index(view.log_model.row_of(line.action_id), 0))
    window.meetings.minutes.update_status_action.trigger()
    dialog = window.active_dialog
    dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData(ActionStatus.DONE))
    ok(dialog)
    sign_through_dialog(window, tmp_path)
    updates = store.minutes.updates(action_id=line.action_id)
    window.undo()
    assert LOCKED in shown_errors[-1][1] and window.undo_stack.index() == 1
    assert store.minutes.updates(action_id=line.action_id) == updates
    assert store.minutes.action(line.action_id).status is ActionStatus.DONE


# --- typing is not on the stack -------------------------------------------------------------------
@pytest.mark.parametrize("editor", ["discussion", "chair_edit", "taker_edit"])
def test_ctrl_z_in_a_minutes_editor_undoes_the_typing_not_the_stack(window, qtbot, editor):
    mid = draft_meeting(window.store)
    view = open_minutes(window, mid)
    select_item(view, "Any other business")
    d = add_declaration(window, mid)
    view.tabs.setCurrentIndex(0)
    assert window.undo_stack.index() == 1
    widget = getattr(view, editor)
    text = (lambda: widget.toPlainText()) if editor == "discussion" else widget.text
    activate(window, qtbot)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)
    widget.moveCursor(widget.textCursor().MoveOperation.End) if editor == "discussion" else widget.end(False)
    typed_before = text()
    qtbot.keyClicks(widget, " typed")
    assert text() == typed_before + " typed" and window.meetings.minutes.dirty

    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text() == typed_before, "the editor's own undo"
    assert window.undo_stack.index() == 1 and d.id in declaration_ids(window, mid), "the stack did not move"
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert text() == typed_before + " typed", "and its own redo"
    assert window.undo_stack.index() == 1

    # outside the editors Ctrl+Z is the window's: the declaration goes, the typing stays (unsaved)
    view.items_list.setFocus()
    qtbot.keyClick(view.items_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_stack.index() == 0 and d.id not in declaration_ids(window, mid)
    assert text() == typed_before + " typed" and window.meetings.minutes.dirty


def test_opening_another_database_clears_the_minutes_commands(window, tmp_path):
    from mqp_desktop.store.seed import create_demo_database

    mid = draft_meeting(window.store)
    open_minutes(window, mid)
    add_declaration(window, mid)
    assert window.undo_stack.count() == 1
    other = tmp_path / "other.sqlite"
    create_demo_database(other).close()
    window.meetings.minutes.dirty = False
    assert window.open_database(other)
    assert window.undo_stack.count() == 0 and not window.undo_action.isEnabled()

"""store.minutes.restore_action_status: how the window undoes (and redoes) an update given at a meeting.

Updates are never edited or deleted, so putting an action back is one more update at the same
meeting, dated so that it is the one the minutes show, and recorded in the change history under
the word the caller gives. On the small database of ``test_minutes_store``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain.actions import Action, ActionStatus
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store
from tests.test_minutes_store import LOCKED, TODAY, build


@pytest.fixture
def world(tmp_path):
    s = Store.open(tmp_path / "m.sqlite")
    data = build(s)
    yield s, data
    s.close()


def entry(store, meeting_id: int, action_id: int):
    return next(e for e in store.minutes.open_at(meeting_id) if e.action.id == action_id)


def latest(store, action_id: int):
    return store.history(entity="action", entity_id=action_id, limit=1)[0]


def test_update_action_status_records_the_word_it_is_given(world):
    store, data = world
    m1, m2, _ = data["meetings"]
    a = store.minutes.add_action(Action(m1, "Write the audit", owner_name="A"))
    store.minutes.update_action_status(a.id, "in progress", m2, "Started")
    assert latest(store, a.id).action == "updated"
    store.minutes.update_action_status(a.id, "done", m2, "Finished", action="redone")
    change = latest(store, a.id)
    assert change.action == "redone" and "done" in change.summary


def test_restore_puts_back_the_update_the_meeting_showed_even_when_the_undone_one_was_dated_later(world):
    store, data = world
    m1, m2, m3 = data["meetings"]
    meeting2 = store.meetings.get(m2)
    a = store.minutes.add_action(Action(m1, "Write the audit", owner_name="A"))
    store.minutes.update_action_status(a.id, "in progress", m2, "Started")
    later = meeting2.date + dt.timedelta(days=2)  # the update typed in with a date after the meeting
    store.minutes.update_action_status(a.id, "done", m2, "Finished", on=later)
    assert entry(store, m2, a.id).status is ActionStatus.DONE

    update = store.minutes.restore_action_status(a.id, m2, ActionStatus.IN_PROGRESS, "Started", meeting2.date)
    assert update.on == later, "dated no earlier than the update it undoes, so it is the one shown"
    shown = entry(store, m2, a.id)
    assert (shown.status, shown.update.note, shown.update.id) == (ActionStatus.IN_PROGRESS, "Started", update.id)
    assert store.minutes.action(a.id).status is ActionStatus.IN_PROGRESS
    assert store.minutes.action(a.id).status_note == "Started"
    assert [(x.status, x.note) for x in store.minutes.minutes(m2).action_log] == [(ActionStatus.IN_PROGRESS.value,
                                                                                    "Started")]
    assert latest(store, a.id).action == "reverted"
    # nothing was edited or deleted: three updates at the meeting, the undone one among them
    assert [u.note for u in store.minutes.updates(action_id=a.id, meeting_id=m2)] == ["Started", "Finished", "Started"]
    # carried forward again, as it was before the action was marked done
    assert a.id in {e.action.id for e in store.minutes.open_at(m3)}


def test_restore_of_an_action_with_no_earlier_update_at_the_meeting_gives_its_carried_status(world):
    store, data = world
    m1, m2, _ = data["meetings"]
    a = store.minutes.add_action(Action(m1, "Write the audit", owner_name="A"))
    store.minutes.update_action_status(a.id, "dropped", m2, "Not needed")
    store.minutes.restore_action_status(a.id, m2, ActionStatus.OPEN, action="undone")
    shown = entry(store, m2, a.id)
    assert shown.status is ActionStatus.OPEN and shown.update.note == ""
    assert store.minutes.action(a.id).status is ActionStatus.OPEN
    assert latest(store, a.id).action == "undone"


def test_restore_is_refused_on_signed_minutes_and_writes_nothing(world):
    store, data = world
    m1, m2, _ = data["meetings"]
    a = store.minutes.add_action(Action(m1, "Write the audit", owner_name="A"))
    store.minutes.update_action_status(a.id, "done", m2, "Finished")
    store.minutes.draft(m2)
    store.minutes.sign(m2, "Dr Helen Carter", TODAY)
    updates, history = store.minutes.updates(action_id=a.id), store.history()
    with pytest.raises(ValidationError, match=LOCKED):
        store.minutes.restore_action_status(a.id, m2, ActionStatus.OPEN)
    assert store.minutes.updates(action_id=a.id) == updates and store.history() == history
    assert store.minutes.action(a.id).status is ActionStatus.DONE


def test_an_action_whose_adding_was_undone_is_left_out_of_its_minutes_and_their_pdf(world, tmp_path):
    """Undoing an action's adding records it dropped 'added in error': it was never agreed, so its meeting's
    minutes (and so the PDF and Word minutes) leave it out; one dropped at its meeting for a reason stays."""
    from pypdf import PdfReader

    from mqp_desktop.domain.actions import ADDED_IN_ERROR
    from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf

    store, data = world
    m1, _, _ = data["meetings"]
    if store.minutes.revision(m1) is None:
        store.minutes.save_draft(m1, store.minutes.draft(m1))
    error = store.minutes.add_action(Action(m1, "Typed in the wrong meeting", owner_name="A"))
    dropped = store.minutes.add_action(Action(m1, "Superseded by the new strategy", owner_name="B"))
    store.minutes.restore_action_status(error.id, m1, ActionStatus.DROPPED, ADDED_IN_ERROR,
                                        store.meetings.get(m1).date, action="undone")
    store.minutes.update_action_status(dropped.id, "dropped", m1, "superseded")
    listed = {a.description for a in store.minutes.minutes(m1).general_actions}
    listed |= {a.description for item in store.minutes.minutes(m1).items for a in item.actions}
    assert "Typed in the wrong meeting" not in listed and "Superseded by the new strategy" in listed
    assert store.minutes.action(error.id).number, "it keeps its number and its record"
    text = " ".join(p.extract_text() for p in PdfReader(str(export_minutes_pdf(store, m1, tmp_path / "m.pdf"))).pages)
    assert "Superseded by the new strategy" in text and "Typed in the wrong meeting" not in text

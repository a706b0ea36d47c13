"""Putting a Section 11 return back as an earlier reading of it (what the window's undo uses).

``Section11Repo.restore_return`` writes a return's fields, ratings and action plan back in one
transaction, recorded in the change history; what did not exist before is emptied (a rating) or
dropped (an action), never deleted; reminders stay. ``return_changes`` says what a change touched,
so an undo writes only that.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mqp_desktop.domain.section11 import ActionItem, ActionStatus, Rating, ScaleKind
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.store.section11 import (
    DEFAULT_FRAMEWORK,
    ReturnChanges,
    Section11Repo,
    return_changes,
)
from mqp_desktop.store.sqlite import ERRORS as DB_ERRORS

D = dt.date
TABLES = ("s11_return", "s11_reminder", "s11_rating", "s11_action", "change_log")


@pytest.fixture
def s11(store) -> Section11Repo:
    return Section11Repo(store)


@pytest.fixture
def ret(s11):
    """Agency 1's return to a 0-3 round: standard 5 rated 1, one open action."""
    rnd = s11.create_round("Section 11 audit 2025-26", s11.framework(DEFAULT_FRAMEWORK), ScaleKind.SCORE_0_3,
                           [1, 2], D(2025, 10, 1), D(2025, 12, 1))
    r = s11.find_return(rnd.id, 1)
    s11.rate(r.id, 5, self_value="1", evidence="Training matrix")
    s11.add_action(ActionItem(r.id, "Refresher training", owner="Head of Learning", due=D(2026, 3, 1)),
                   today=D(2025, 11, 1))
    return s11.get_return(r.id)


def snapshot(s11, return_id: int) -> tuple:
    """What a restore puts back (reminders apart)."""
    r = s11.get_return(return_id)
    fields = dataclasses.replace(r, reminders=(), ratings=(), actions=())
    ratings = {x.key: dataclasses.replace(x, id=None) for x in r.ratings
               if x.self_value is not None or x.moderated_value is not None or x.evidence or x.improvement
               or x.panel_comments or x.self_na_reason or x.moderated_na_reason}
    return fields, ratings, {a.id: a for a in r.actions if a.status is not ActionStatus.DROPPED}


def counts(store) -> dict[str, int]:
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def change_it(s11, ret) -> None:
    """A save as the return dialog makes it: fields, ratings changed and new, an action changed and one new."""
    with s11.store.write():
        s11.add_reminder(ret.id, D(2025, 12, 3), "Second reminder")
        s11.save_ratings(ret.id, [Rating(5, self_value="2", evidence="Training matrix 2026"),
                                  Rating(8, "8.2", self_value="3", moderated_value="2", panel_comments="Good")])
        s11.update_return(dataclasses.replace(s11.get_return(ret.id), received=D(2025, 12, 5),
                                              panel_outcome="Awaiting panel", lead_name="Ann Other"))
        s11.update_action(dataclasses.replace(ret.actions[0], status=ActionStatus.IN_PROGRESS, owner="Jo"),
                          today=D(2025, 12, 5))
        s11.add_action(ActionItem(ret.id, "Audit supervision files", standard=8), today=D(2025, 12, 5))


def test_return_changes_names_what_a_change_touched(s11, ret):
    assert not return_changes(ret, ret)
    change_it(s11, ret)
    after = s11.get_return(ret.id)
    changes = return_changes(ret, after)
    assert set(changes.fields) == {"received", "panel_outcome", "lead_name"}
    assert set(changes.ratings) == {(5, ""), (8, "8.2")}
    new_action = next(a for a in after.actions if a.action == "Audit supervision files")
    assert set(changes.actions) == {ret.actions[0].id, new_action.id}
    assert return_changes(after, ret) == ReturnChanges(changes.fields, changes.ratings, changes.actions)


def test_restore_puts_fields_ratings_and_action_plan_back_and_records_it(store, s11, ret):
    before = snapshot(s11, ret.id)
    change_it(s11, ret)
    after_reading = s11.get_return(ret.id)
    after = snapshot(s11, ret.id)
    n = counts(store)["change_log"]

    restored = s11.restore_return(ret, only=return_changes(ret, after_reading), today=D(2025, 12, 6))

    assert snapshot(s11, ret.id) == before
    assert restored.rating(5).self_value == "1" and restored.rating(5).evidence == "Training matrix"
    emptied = restored.rating(8, "8.2")
    assert emptied is not None, "the rating added since is kept, emptied (nothing is deleted)"
    assert (emptied.self_value, emptied.moderated_value, emptied.panel_comments) == (None, None, "")
    added = next(a for a in restored.actions if a.action == "Audit supervision files")
    assert (added.status, added.closed) == (ActionStatus.DROPPED, D(2025, 12, 6)), "dropped, not deleted"
    assert [r.note for r in restored.reminders] == ["Second reminder"], "a reminder sent stays recorded"
    # every part is in the history as 'reverted'
    entries = store.history()[: counts(store)["change_log"] - n]
    assert {(e.entity, e.action) for e in entries} == {
        ("s11_return", "reverted"), ("s11_rating", "reverted"), ("s11_action", "reverted")}
    assert len(entries) == 1 + 2 + 2

    # and again the other way: the saved state re-applied (the dropped action reopened)
    again = s11.restore_return(after_reading, only=return_changes(ret, after_reading), action="edited")
    assert snapshot(s11, ret.id) == after
    assert next(a for a in again.actions if a.action == "Audit supervision files").status is ActionStatus.OPEN


def test_restore_with_only_keeps_other_changes_made_since(s11, ret):
    change_it(s11, ret)
    after_reading = s11.get_return(ret.id)
    s11.rate(ret.id, 3, self_value="2")  # made elsewhere, after the change
    s11.update_return(dataclasses.replace(s11.get_return(ret.id), notes="Phoned the lead"))
    s11.restore_return(ret, only=return_changes(ret, after_reading))
    fresh = s11.get_return(ret.id)
    assert fresh.rating(3).self_value == "2" and fresh.notes == "Phoned the lead"
    assert fresh.received is None and fresh.rating(5).self_value == "1"


def test_restore_without_only_puts_back_everything(s11, ret):
    before = snapshot(s11, ret.id)
    change_it(s11, ret)
    s11.rate(ret.id, 3, self_value="2")
    s11.restore_return(ret)
    assert snapshot(s11, ret.id) == before


def test_a_failure_half_way_leaves_the_return_unchanged(store, s11, ret, monkeypatch):
    change_it(s11, ret)
    after_reading = s11.get_return(ret.id)
    n = counts(store)

    def locked(*args, **kwargs):  # the fields and ratings are written by now; the action plan fails
        raise StoreError("The database is locked by another program.", "Close it, then try again.")

    monkeypatch.setattr(s11, "update_action", locked)
    with pytest.raises(StoreError, match="locked"):
        s11.restore_return(ret, only=return_changes(ret, after_reading))
    assert s11.get_return(ret.id) == after_reading
    assert counts(store) == n, "nothing written, nothing recorded"

    monkeypatch.undo()
    store.db.execute("CREATE TRIGGER t BEFORE UPDATE ON s11_action BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises((StoreError, *DB_ERRORS)):
        s11.restore_return(ret, only=return_changes(ret, after_reading))
    assert s11.get_return(ret.id) == after_reading and counts(store) == n


def test_a_restore_the_return_no_longer_allows_is_refused_whole(store, s11, ret):
    before = s11.get_return(ret.id)
    received = s11.mark_received(ret.id, D(2025, 12, 5))
    s11.rate(ret.id, 5, self_value="3")
    only = dataclasses.replace(return_changes(before, received), ratings=((5, ""),))
    s11.mark_reviewed(ret.id, D(2026, 1, 20), "Accepted")  # since: reviewed needs it received
    reviewed = s11.get_return(ret.id)
    n = counts(store)
    with pytest.raises(ValidationError, match="received"):
        s11.restore_return(before, only=only)
    assert s11.get_return(ret.id) == reviewed and counts(store) == n

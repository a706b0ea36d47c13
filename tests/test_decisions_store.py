"""The decisions register and ratification (ToR 3) in the store: the index kept in step with the minutes, the
register's filters, the ratification rules (a later meeting, quorate, not twice, not into signed minutes),
withdrawal, the minutes of the ratifying meeting, the migration's backfill and the triggers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlite_utils import Database

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.agenda import AgendaItem
from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.decisions import DecisionFilter, quarter_range
from mqp_desktop.domain.meetings import ChairDecision, Meeting
from mqp_desktop.domain.minutes import Decision, Minutes
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store, sqlite
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.migrations import APPLICATION_ID, KNOWN_MIGRATIONS, migrations
from tests.helpers.db_dump import dump
from tests.test_minutes_store import TODAY, build

PRIORITY = "Quality assurance and performance"


def _inquorate(store: Store, meeting_id: int) -> None:
    """Everyone absent but the first two members: the ToR's three statutory agencies are not all there."""
    members = store.members()
    store.meetings.record_many(meeting_id, {m.id: (S.PRESENT if i < 2 else S.ABSENT, None, "")
                                            for i, m in enumerate(members)})
    assert store.meetings.quorum(meeting_id).result.quorate is False


def _write(store: Store, meeting_id: int, decisions: dict[str, list[str]]) -> Minutes:
    """Write decisions under the items whose titles are the keys, and save the draft."""
    minutes = store.minutes.draft(meeting_id)
    for item in minutes.items:
        if item.title in decisions:
            item.decisions = [Decision(t) for t in decisions[item.title]]
    store.minutes.save_draft(meeting_id, minutes)
    return minutes


@pytest.fixture
def world(tmp_path):
    """Three past meetings: the first inquorate (the chair proceeded) with two decisions, the second and
    third quorate, one decision each."""
    store = Store.open(tmp_path / "d.sqlite")
    data = build(store)
    m1, m2, m3 = data["meetings"]
    store.agendas.set_setting(cfg.PARTNERSHIP_PRIORITIES, [PRIORITY, "Neglect"])
    for mid in (m1, m2, m3):
        store.agendas.add_item(AgendaItem(mid, "Budget", priority=PRIORITY))
        store.agendas.add_item(AgendaItem(mid, "Neglect strategy", priority="Neglect"))
    _inquorate(store, m1)
    store.meetings.record_decision(m1, ChairDecision.PROCEED, "Items for decision taken; to be ratified")
    _write(store, m1, {"Budget": ["The budget is agreed.", "=SUM(A1:A9) is not a formula"],
                       "Neglect strategy": ["The neglect strategy goes to the Executive."]})
    _write(store, m2, {"Budget": ["The budget is monitored monthly."]})
    _write(store, m3, {"Neglect strategy": ["The neglect toolkit is adopted."]})
    yield store, {"m1": m1, "m2": m2, "m3": m3}
    store.close()


def _ids(entries) -> list[int]:
    return [e.id for e in entries]


def test_the_register_lists_every_decision_with_its_meeting_item_priority_and_inquoracy(world):
    store, w = world
    reg = store.decisions.register()
    assert [(e.meeting_id, e.item_title, e.text) for e in reg] == [
        (w["m1"], "Budget", "The budget is agreed."), (w["m1"], "Budget", "=SUM(A1:A9) is not a formula"),
        (w["m1"], "Neglect strategy", "The neglect strategy goes to the Executive."),
        (w["m2"], "Budget", "The budget is monitored monthly."),
        (w["m3"], "Neglect strategy", "The neglect toolkit is adopted.")]
    assert [e.taken_while_inquorate for e in reg] == [True, True, True, False, False]
    assert reg[0].priorities == (PRIORITY,) and reg[2].priorities == ("Neglect",)
    numbers = store.agendas.numbers(w["m1"])
    assert reg[0].item_number == numbers[reg[0].item_id] and reg[0].meeting_date == store.meetings.get(w["m1"]).date
    assert all(e.minutes_status == "draft" for e in reg)
    # the same as the minutes say, decision for decision
    for mid in w.values():
        minutes = store.minutes.minutes(mid)
        written = [(i.number, i.title, d.text, d.taken_while_inquorate) for i in minutes.items for d in i.decisions]
        assert written == [(e.item_number, e.item_title, e.text, e.taken_while_inquorate)
                           for e in reg if e.meeting_id == mid]


def test_the_registers_filters(world):
    store, w = world
    dates = {k: store.meetings.get(v).date for k, v in w.items()}
    reg = store.decisions.register
    assert {e.meeting_id for e in reg(start=dates["m2"])} == {w["m2"], w["m3"]}
    assert {e.meeting_id for e in reg(end=dates["m1"])} == {w["m1"]}
    assert {e.meeting_id for e in reg(start=dates["m2"], end=dates["m2"])} == {w["m2"]}
    assert [e.text for e in reg(item="budget")] == ["The budget is agreed.", "=SUM(A1:A9) is not a formula",
                                                    "The budget is monitored monthly."]
    assert [e.text for e in reg(item="toolkit")] == ["The neglect toolkit is adopted."]  # the decision's words too
    assert [e.item_title for e in reg(priority="neglect")] == ["Neglect strategy", "Neglect strategy"]
    assert len(reg(inquorate=True)) == 3 and len(reg(inquorate=False)) == 2
    assert reg(item="budget", inquorate=False)[0].text == "The budget is monitored monthly."
    start, end = quarter_range(f"{dates['m3'].year}-Q{(dates['m3'].month - 1) // 3 + 1}")
    assert w["m3"] in {e.meeting_id for e in reg(start=start, end=end)}
    assert all(start <= e.meeting_date <= end for e in reg(start=start, end=end))
    with pytest.raises(ValidationError, match="ends .* before it starts"):
        reg(start=dates["m2"], end=dates["m1"])
    assert store.decisions.check_priority("NEGLECT") == "Neglect"
    with pytest.raises(ValidationError, match="not one of the partnership's priorities: Quality"):
        store.decisions.check_priority("Budgets")


def test_quarters_calendar_and_financial():
    assert quarter_range("2026-Q2") == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert quarter_range("Q1 2026-27") == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert quarter_range("Q4 2025-26") == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert quarter_range("2026q4") == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    with pytest.raises(ValidationError, match="is not a quarter"):
        quarter_range("2026-Q5")


def test_ratified_at_a_later_quorate_meeting_recorded_and_printed_in_its_minutes(world):
    store, w = world
    waiting = store.decisions.awaiting_ratification()
    assert len(waiting) == 3
    first = waiting[0]
    [r] = store.decisions.ratify(w["m2"], [first.id], note="agreed without discussion")
    assert (r.decision_id, r.meeting_id, r.decision_text, r.in_force) == (first.id, w["m2"], first.text, True)
    after = store.decisions.get(first.id)
    assert after.ratified_meeting_id == w["m2"] and after.ratified_on == store.meetings.get(w["m2"]).date
    assert after.status.startswith("ratified ") and not after.awaiting_ratification
    assert first.id not in _ids(store.decisions.awaiting_ratification())
    change = store.history(limit=1)[0]
    assert (change.entity, change.entity_id, change.action) == ("decision", first.id, "ratified")
    assert change.user == store.user and "ratified at the meeting of" in change.summary
    assert change.changes["ratified_at_meeting_id"] == [None, w["m2"]]
    minutes = store.minutes.minutes(w["m2"])
    [line] = minutes.ratified
    assert (line.text, line.decision_id, line.meeting_id, line.note) == (first.text, first.id, w["m1"],
                                                                        "agreed without discussion")
    assert line.sentence.startswith(f"From the meeting of {store.meetings.get(w['m1']).date.day} ")
    assert f"item {first.item_number} (Budget): The budget is agreed." in line.sentence
    assert store.minutes.minutes(w["m3"]).ratified == []  # only the meeting that ratified it


def test_several_at_once_all_or_nothing(world):
    store, w = world
    a, b, c = store.decisions.awaiting_ratification()
    quorate = store.decisions.register(inquorate=False)[0]
    before = dump(store.db.conn)
    with pytest.raises(ValidationError, match="taken at a quorate meeting: it needs no ratification"):
        store.decisions.ratify(w["m3"], [a.id, b.id, quorate.id])
    assert dump(store.db.conn) == before
    done = store.decisions.ratify(w["m3"], [a.id, b.id, a.id])
    assert [r.decision_id for r in done] == [a.id, b.id]
    assert _ids(store.decisions.awaiting_ratification()) == [c.id]


def test_refusals_name_the_rule_and_change_nothing(world, tmp_path):
    store, w = world
    a = store.decisions.awaiting_ratification()[0]
    planned = store.meetings.add(Meeting(date=TODAY + dt.timedelta(days=30), venue="Town Hall"))
    cancelled = store.meetings.add(Meeting(date=TODAY + dt.timedelta(days=60), venue="Town Hall"))
    store.meetings.cancel(cancelled.id, "No business")
    earlier = store.meetings.add(Meeting(date=store.meetings.get(w["m1"]).date - dt.timedelta(days=30)))
    store.meetings.record_many(earlier.id, {m.id: (S.PRESENT, None, "") for m in store.members()})
    later_inquorate = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=10), venue="Town Hall"))
    _inquorate(store, later_inquorate.id)
    before = dump(store.db.conn)
    cases = {
        w["m1"]: "at a later meeting than the one that took it",
        earlier.id: "at a later meeting than the one that took it",
        planned.id: "has no attendance register yet",
        cancelled.id: "was cancelled",
        later_inquorate.id: "was not quorate: a decision taken while not quorate is ratified only at a quorate",
    }
    for meeting_id, words in cases.items():
        with pytest.raises(ValidationError, match=words):
            store.decisions.ratify(meeting_id, [a.id])
        assert dump(store.db.conn) == before, words
    with pytest.raises(ValidationError, match="Choose the decisions"):
        store.decisions.ratify(w["m2"], [])
    with pytest.raises(RecordNotFound, match="no decision 999"):
        store.decisions.ratify(w["m2"], [999])
    store.decisions.ratify(w["m2"], [a.id])
    with pytest.raises(ValidationError, match="already ratified \\(at the meeting of .*withdraw it first"):
        store.decisions.ratify(w["m3"], [a.id])


def test_not_into_signed_minutes_and_signed_minutes_keep_their_ratifications(world):
    store, w = world
    a, b, _c = store.decisions.awaiting_ratification()
    store.decisions.ratify(w["m2"], [a.id])
    store.minutes.sign(w["m2"], "Dr Helen Carter", TODAY)
    before = dump(store.db.conn)
    with pytest.raises(ValidationError, match="minutes of the meeting of .* are signed.*mqp minutes correct"):
        store.decisions.ratify(w["m2"], [b.id])
    [r] = store.decisions.ratifications(meeting_id=w["m2"])
    with pytest.raises(ValidationError, match="are signed"):
        store.decisions.withdraw(r.id, "wrong meeting")
    assert dump(store.db.conn) == before
    signed = store.minutes.minutes(w["m2"])
    assert [x.decision_id for x in signed.ratified] == [a.id]
    assert json.loads(store.db.execute("SELECT content FROM minutes_revision WHERE meeting_id = ?",
                                       [w["m2"]]).fetchone()[0])["ratified"][0]["text"] == a.text
    assert store.minutes.verify(w["m2"]).ok
    # raw SQL is refused too (the triggers)
    for sql, args in (("INSERT INTO decision_ratification (decision_id, meeting_id, decision_text, created_at)"
                       " VALUES (?, ?, 'x', 'now')", [b.id, w["m2"]]),
                      ("UPDATE decision_ratification SET note = 'changed' WHERE id = ?", [r.id])):
        with pytest.raises(sqlite.INTEGRITY_ERRORS, match="signed minutes are locked"):
            store.db.execute(sql, args)
    # a correction opens them again
    store.minutes.correct(w["m2"], "A ratification was missed")
    store.decisions.ratify(w["m2"], [b.id])
    assert [x.decision_id for x in store.minutes.minutes(w["m2"]).ratified] == [a.id, b.id]


def test_withdrawn_with_a_reason_kept_and_the_decision_waits_again(world):
    store, w = world
    a = store.decisions.awaiting_ratification()[0]
    [r] = store.decisions.ratify(w["m2"], [a.id])
    with pytest.raises(ValidationError, match="Say why"):
        store.decisions.withdraw(r.id, "  ")
    out = store.decisions.withdraw(r.id, "Recorded at the wrong meeting", TODAY)
    assert (out.withdrawn_on, out.withdrawn_reason, out.in_force) == (TODAY, "Recorded at the wrong meeting", False)
    assert a.id in _ids(store.decisions.awaiting_ratification())
    assert store.minutes.minutes(w["m2"]).ratified == []
    assert [x.id for x in store.decisions.ratifications(include_withdrawn=True)] == [r.id]  # kept
    change = store.history(limit=1)[0]
    assert (change.entity, change.entity_id, change.action) == ("decision", a.id, "ratification withdrawn")
    with pytest.raises(ValidationError, match="already withdrawn"):
        store.decisions.withdraw(r.id, "again")
    # the undo puts it back; once ratified again elsewhere, it cannot be
    assert store.decisions.reinstate(r.id).in_force
    store.decisions.withdraw(r.id, "Recorded at the wrong meeting")
    store.decisions.ratify(w["m3"], [a.id])
    with pytest.raises(ValidationError, match="ratified again since"):
        store.decisions.reinstate(r.id)
    with pytest.raises(sqlite.INTEGRITY_ERRORS, match="not deleted"):
        store.db.execute("DELETE FROM decision_ratification WHERE id = ?", [r.id])


def test_the_index_follows_the_minutes_rewording_keeps_the_id_and_removal_is_marked(world):
    store, w = world
    reg = {e.text: e for e in store.decisions.register()}
    agreed = reg["The budget is agreed."]
    store.decisions.ratify(w["m2"], [agreed.id])
    _write(store, w["m1"], {"Budget": ["The budget is agreed, with the reserve kept."],
                            "Neglect strategy": []})
    after = store.decisions.register(start=store.meetings.get(w["m1"]).date, end=store.meetings.get(w["m1"]).date)
    assert [(e.id, e.text) for e in after] == [(agreed.id, "The budget is agreed, with the reserve kept.")]
    assert store.decisions.get(agreed.id).ratified_meeting_id == w["m2"]  # still ratified, as ratified
    assert store.minutes.minutes(w["m2"]).ratified[0].text == "The budget is agreed."
    gone = reg["The neglect strategy goes to the Executive."]
    with pytest.raises(RecordNotFound, match="no longer in the minutes"):
        store.decisions.get(gone.id)
    assert store.db.execute("SELECT removed FROM decision WHERE id = ?", [gone.id]).fetchone()[0] == 1
    # and back again: a new row (the removed one keeps its id for the history)
    _write(store, w["m1"], {"Budget": ["The budget is agreed, with the reserve kept."],
                            "Neglect strategy": ["The neglect strategy goes to the Executive."]})
    back = [e for e in store.decisions.register() if e.text == "The neglect strategy goes to the Executive."]
    assert len(back) == 1 and back[0].id != gone.id


def test_signing_fixes_the_decisions_and_the_register_of_a_draft_is_live(world):
    store, w = world
    # a draft: a register corrected after the minutes were saved shows at once (the minutes are assembled live)
    store.meetings.record_many(w["m1"], {m.id: (S.PRESENT, None, "") for m in store.members()})
    assert not any(e.taken_while_inquorate for e in store.decisions.register())
    assert store.decisions.awaiting_ratification() == []
    _inquorate(store, w["m1"])
    store.minutes.sign(w["m1"], "Dr Helen Carter", TODAY)
    reg = store.decisions.register(inquorate=True)
    assert len(reg) == 3 and all(e.minutes_status == "signed" for e in reg)
    with pytest.raises(sqlite.INTEGRITY_ERRORS, match="signed minutes are locked"):
        store.db.execute("UPDATE decision SET text = 'changed' WHERE meeting_id = ?", [w["m1"]])


def test_minutes_signed_before_ratification_existed_still_verify(world):
    """Content version 3 had no 'ratified': such minutes verify exactly as signed and read back with none."""
    store, w = world
    content = store.minutes.draft(w["m3"]).to_data()
    del content["ratified"]
    content["version"] = 3
    digest = store.minutes.sign(w["m3"], "Dr Helen Carter", TODAY, _content=content)
    result = store.minutes.verify(w["m3"])
    assert result.ok and result.stored_digest == digest
    assert store.minutes.minutes(w["m3"]).ratified == []
    assert Minutes.from_data(content).version == 3


def test_the_migration_backfills_the_decisions_of_minutes_held(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite.driver.connect(path, isolation_level=None)
    old = Database(conn)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(old, stop_before="0015_ratification")
    old.execute("INSERT INTO subcommittee (name, quorum_rule) VALUES ('MQ&P', '{}')")
    old.execute("INSERT INTO meeting (subcommittee_id, date, kind, status) VALUES (1, '2026-03-10', 'ordinary', 'held')")

    def content(decisions, inquorate):
        return json.dumps({"version": 3, "items": [
            {"item_id": None, "number": "5", "title": "Budget",
             "decisions": [{"text": t, "taken_while_inquorate": inquorate} for t in decisions]}]})

    old.execute("INSERT INTO minutes_revision (meeting_id, revision, status, content, digest, seal, signed_by,"
                " signed_on, created_at, saved_at) VALUES (1, 1, 'signed', ?, ?, ?, 'Chair', '2026-04-01', 'x', 'x')",
                [content(["Old wording"], False), "a" * 64, "b" * 64])
    old.execute("INSERT INTO minutes_revision (meeting_id, revision, status, content, correction_reason, corrected_on,"
                " created_at, saved_at) VALUES (1, 2, 'draft', ?, 'typo', '2026-04-02', 'x', 'x')",
                [content(["Agreed.", "  ", "Also agreed."], True)])
    old.execute(f"PRAGMA user_version = {KNOWN_MIGRATIONS.index('0015_ratification')}")
    conn.close()
    with Store.open(path) as s:
        rows = s.db.execute("SELECT meeting_id, item_number, item_title, position, text, taken_while_inquorate,"
                            " removed FROM decision ORDER BY id").fetchall()
        assert [tuple(r) for r in rows] == [(1, "5", "Budget", 0, "Agreed.", 1, 0),
                                            (1, "5", "Budget", 2, "Also agreed.", 1, 0)]
        # the draft is assembled live: with no register taken, it is not known to be inquorate
        reg = s.decisions.register()
        assert [(e.text, e.item_label, e.taken_while_inquorate, e.minutes_status) for e in reg] == [
            ("Agreed.", "5 Budget", False, "draft"), ("Also agreed.", "5 Budget", False, "draft")]


def test_filter_matches_ratified_and_awaiting():
    from mqp_desktop.domain.decisions import DecisionEntry

    e = DecisionEntry(1, dt.date(2026, 3, 10), 4, "5", "Budget", "Agreed", True, priorities=("Neglect",))
    assert e.awaiting_ratification and e.status == "awaiting ratification"
    r = dataclasses.replace(e, ratified_meeting_id=2, ratified_on=dt.date(2026, 5, 12))
    assert not r.awaiting_ratification and r.status == "ratified 12 May 2026"
    assert DecisionFilter(awaiting_only=True).matches(e) and not DecisionFilter(awaiting_only=True).matches(r)
    assert DecisionFilter(item="5 budget").matches(e) and not DecisionFilter(item="budget 6").matches(e)

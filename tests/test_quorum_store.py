"""The quorum kinds of issue 12 in the database: the subcommittee's rule saved and read back, a
meeting counted under each kind, and the chair's decision that lets some items proceed while others
wait — kept with the meeting's quorum, recorded, locked and signed with the minutes, and listed for
the next quorate meeting."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from mqp_desktop.domain.agenda import AgendaItem
from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import ChairDecision, Meeting, read_quorum_column, waiting_words
from mqp_desktop.domain.quorum import QuorumRule
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store
from mqp_desktop.store.sqlite import INTEGRITY_ERRORS
from tests.helpers.db_dump import dump
from tests.test_minutes_store import TODAY, build


@pytest.fixture
def world(tmp_path):
    store = Store.open(tmp_path / "q.sqlite")
    data = build(store)
    yield store, data
    store.close()


def _agency_members(store, data, label):
    return [m for m in store.members() if m.agency_id == data["agencies"][label].id]


def _set_rule(store, rule: QuorumRule) -> None:
    store.update_subcommittee(dataclasses.replace(store.subcommittee(), quorum_rule=rule))


def _police_away(store, data, meeting_id):
    """Both police members send apologies: two statutory agencies of the three needed."""
    store.meetings.record_many(meeting_id, {m.id: (S.APOLOGIES, None, "") for m in _agency_members(store, data, "Police")})


def _inquorate_with_items(store, data):
    """A new meeting (after the three of build()) with the police away and a two-part item."""
    meeting = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=10), venue="Town Hall"))
    store.meetings.record_many(meeting.id, {m.id: (S.PRESENT, None, "") for m in store.members()})
    _police_away(store, data, meeting.id)
    store.agendas.apply_standing_agenda(meeting.id)
    budget = store.agendas.add_item(AgendaItem(meeting.id, "Budget for 2026/27"))
    part = store.agendas.add_item(AgendaItem(meeting.id, "Training budget", parent_id=budget.id))
    policy = store.agendas.add_item(AgendaItem(meeting.id, "Neglect strategy sign-off"))
    return meeting.id, budget, part, policy


# --- the subcommittee's rule ---------------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda a: QuorumRule(kind="none"),
    lambda a: QuorumRule(kind="all_of", agency_set="named", agency_ids=(a["LA Children's Services"].id, a["Police"].id),
                         shared_seats=((a["SWL ICB"].id, a["CLCH"].id),)),
    lambda a: QuorumRule(kind="all_and_at_least", agency_set="lead_partners", count=3),
    lambda a: QuorumRule(kind="all_and_at_least", agency_set="statutory", count=4, others="members",
                         chair_may_proceed=False),
])
def test_each_kind_is_saved_recorded_and_read_back(world, make):
    store, data = world
    rule = make(data["agencies"])
    _set_rule(store, rule)
    assert store.subcommittee().quorum_rule == rule
    stored = store.db.execute("SELECT quorum_rule FROM subcommittee").fetchone()[0]
    assert stored == rule.to_json()
    change = store.history(entity="subcommittee")[0]
    assert json.loads(change.changes["quorum_rule"][1] if isinstance(change.changes["quorum_rule"][1], str)
                      else json.dumps(change.changes["quorum_rule"][1])) == rule.to_data()


def test_a_shared_seat_naming_an_unknown_agency_is_refused_and_nothing_changes(world):
    store, data = world
    before = dump(store.db.conn)
    rule = QuorumRule(kind="all_of", agency_set="named", shared_seats=((data["agencies"]["Police"].id, 999),))
    with pytest.raises(ValidationError, match="agency id 999"):
        _set_rule(store, rule)
    assert dump(store.db.conn) == before


def test_a_rule_stored_before_reads_and_counts_as_before(world):
    store, data = world
    old = '{"agency_ids": [], "agency_set": "statutory", "chair_may_proceed": true, "count": 3, "kind": "at_least"}'
    store.db.execute("UPDATE subcommittee SET quorum_rule = ?", [old])
    store.db.execute("UPDATE meeting SET quorum_rule = ?", [old])
    m1 = data["meetings"][0]
    assert store.meetings.get(m1).items_waiting == ()
    q = store.meetings.quorum(m1)
    assert q.result.quorate and q.result.explain().startswith("Quorate: 3 of 3 needed (")
    _police_away(store, data, m1)
    assert store.meetings.quorum(m1).result.explain().endswith("short by 1. Not present: Police.")
    # saving the meeting again writes its quorum back as it was
    meeting = store.meetings.get(m1)
    store.meetings.update(dataclasses.replace(meeting, notes="checked"))
    assert store.db.execute("SELECT quorum_rule FROM meeting WHERE id = ?", [m1]).fetchone()[0] == old


# --- each kind on a meeting ----------------------------------------------------------------------

def test_no_quorum_set_reads_as_such_in_the_table_and_the_minutes(world):
    store, data = world
    _set_rule(store, QuorumRule(kind="none"))
    meeting = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=3)))
    store.meetings.record_many(meeting.id, {m.id: (S.APOLOGIES, None, "") for m in store.members()})
    store.meetings.record_attendance(meeting.id, _agency_members(store, data, "Education")[0].id, S.DEPUTY,
                                     deputy_name="A Deputy Head")
    summary = next(s for s in store.meetings.summaries() if s.meeting.id == meeting.id)
    assert summary.quorate is True and summary.quorum_set is False
    minutes = store.minutes.draft(meeting.id)
    assert minutes.quoracy.statement == "No quorum is set in the Terms of Reference (Education present)."
    assert not minutes.inquorate
    with pytest.raises(ValidationError, match="quorate"):
        store.meetings.record_decision(meeting.id, ChairDecision.PROCEED, "not needed")


def test_a_shared_seat_filled_by_the_other_trust_through_a_deputy(world):
    store, data = world
    a = data["agencies"]
    _set_rule(store, QuorumRule(kind="all_of", agency_set="named",
                                agency_ids=(a["LA Children's Services"].id, a["Police"].id),
                                shared_seats=((a["SWL ICB"].id, a["CLCH"].id),)))
    meeting = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=3)))
    store.meetings.record_many(meeting.id, {m.id: (S.APOLOGIES, None, "") for m in store.members()})
    la, police = _agency_members(store, data, "LA Children's Services")[0], _agency_members(store, data, "Police")[0]
    clch = _agency_members(store, data, "CLCH")[0]
    store.meetings.record_many(meeting.id, {la.id: (S.PRESENT, None, ""), police.id: (S.PRESENT, None, ""),
                                            clch.id: (S.DEPUTY, "Eleanor Deputy", "")})
    q = store.meetings.quorum(meeting.id)
    assert q.result.quorate
    minutes = store.minutes.draft(meeting.id)
    # seats by label, the agencies of a shared seat too
    assert minutes.quoracy.counted == ["CLCH or SWL ICB (CLCH)", "LA Children's Services", "Police"]
    assert minutes.quoracy.statement == ("The meeting was quorate (CLCH or SWL ICB (CLCH), LA Children's Services, "
                                         "Police present).")


def test_lead_partners_and_others_in_the_minutes(world):
    store, data = world
    _set_rule(store, QuorumRule(kind="all_and_at_least", agency_set="lead_partners", count=12))
    m1 = data["meetings"][2]  # everyone present: 3 lead partners and 12 other agencies
    store.db.execute("UPDATE meeting SET quorum_rule = NULL WHERE id = ?", [m1])  # follow the subcommittee's rule
    minutes = store.minutes.draft(m1)
    assert minutes.quoracy.summary == "all three lead partners and 12 of 12 other agencies"
    assert minutes.quoracy.statement.startswith("The meeting was quorate: all three lead partners and 12 of 12 ")
    store.meetings.record_attendance(m1, _agency_members(store, data, "Housing")[0].id, S.APOLOGIES)
    q = store.meetings.quorum(m1)
    assert not q.result.quorate and q.result.explain().endswith("short by 1 other agency.")


# --- the chair's decision: some items proceed, others wait ---------------------------------------

def test_proceed_with_items_waiting_expands_to_sub_items_and_is_kept_with_the_quorum(world):
    store, data = world
    meeting_id, budget, part, policy = _inquorate_with_items(store, data)
    meeting = store.meetings.record_decision(meeting_id, ChairDecision.PROCEED, "Police away; budget waits",
                                             items_waiting=[budget.id])
    assert meeting.items_waiting == (budget.id, part.id)
    again = store.meetings.get(meeting_id)
    assert again.items_waiting == (budget.id, part.id) and again.chair_decision is ChairDecision.PROCEED
    rule, waiting = read_quorum_column(
        store.db.execute("SELECT quorum_rule FROM meeting WHERE id = ?", [meeting_id]).fetchone()[0])
    assert rule == store.subcommittee().quorum_rule and waiting == (budget.id, part.id)
    change = store.history(entity="meeting", entity_id=meeting_id)[0]
    assert change.action == "chair decided to proceed"
    words = store._words("quorum_rule", change.changes["quorum_rule"][1])
    assert "left 2 agenda items waiting for a quorate meeting" in words

    minutes = store.minutes.draft(meeting_id)
    assert [i.title for i in minutes.items if i.waits] == ["Budget for 2026/27", "Training budget"]
    numbers = {ln.item.id: ln.number for ln in store.agendas.agenda(meeting_id).lines}
    assert minutes.quoracy.items_waiting == [f"{numbers[budget.id]} (Budget for 2026/27)",
                                             f"{numbers[part.id]} (Training budget)"]
    assert ("The chair decided to proceed with the other items; these wait for the next quorate meeting: "
            f"{numbers[budget.id]} (Budget for 2026/27), {numbers[part.id]} (Training budget).") in minutes.quoracy.statement
    assert minutes.record.meeting.items_waiting == [budget.id, part.id]


@pytest.mark.parametrize("decision, items, words", [
    (ChairDecision.RECONVENE, "budget", "Only a decision to proceed"),
    (ChairDecision.PROCEED, "unknown", "not on this meeting's agenda"),
    (ChairDecision.PROCEED, "all", "Every item would wait"),
])
def test_impossible_item_decisions_are_refused_and_change_nothing(world, decision, items, words):
    store, data = world
    meeting_id, budget, _part, _policy = _inquorate_with_items(store, data)
    ids = {"budget": [budget.id], "unknown": [999_999],
           "all": [ln.item.id for ln in store.agendas.agenda(meeting_id).lines if ln.depth == 0]}[items]
    before = dump(store.db.conn)
    with pytest.raises(ValidationError, match=words):
        store.meetings.record_decision(meeting_id, decision, "note", items_waiting=ids)
    assert dump(store.db.conn) == before


def test_a_later_decision_replaces_the_items_waiting(world):
    store, data = world
    meeting_id, budget, _part, policy = _inquorate_with_items(store, data)
    store.meetings.record_decision(meeting_id, ChairDecision.PROCEED, "first", items_waiting=[policy.id])
    assert store.meetings.record_decision(meeting_id, ChairDecision.PROCEED, "all proceed").items_waiting == ()
    store.meetings.record_decision(meeting_id, ChairDecision.PROCEED, "again", items_waiting=[policy.id])
    assert store.meetings.record_decision(meeting_id, ChairDecision.RECONVENE, "reconvene").items_waiting == ()
    new = store.meetings.reconvene(meeting_id, TODAY + dt.timedelta(days=14))
    assert new.items_waiting == () and new.chair_decision is None


def test_items_that_waited_are_listed_for_the_next_quorate_meeting_only(world):
    store, data = world
    meeting_id, budget, _part, policy = _inquorate_with_items(store, data)
    store.meetings.record_decision(meeting_id, ChairDecision.PROCEED, "", items_waiting=[policy.id])
    number = {ln.item.id: ln.number for ln in store.agendas.agenda(meeting_id).lines}[policy.id]
    when = store.meetings.get(meeting_id).date
    label = f"from the meeting of {when.day} {when:%B %Y}: {number} (Neglect strategy sign-off)"
    # a planned meeting, then another inquorate one, then a quorate one, then one after it
    nxt = store.meetings.add(Meeting(date=TODAY + dt.timedelta(days=20)))
    assert waiting_words(store.meetings.items_waiting_for(nxt.id)) == [label]
    assert store.minutes.draft(nxt.id).quoracy.statement == (
        f"Quoracy: the attendance register was not recorded. Items waiting for a quorate meeting: {label}.")
    store.meetings.record_many(nxt.id, {m.id: (S.PRESENT, None, "") for m in store.members()})
    assert store.minutes.draft(nxt.id).quoracy.statement.endswith(
        f"Items that waited for a quorate meeting, taken at this one: {label}.")
    _police_away(store, data, nxt.id)
    assert store.minutes.draft(nxt.id).quoracy.statement.endswith(f"Items still waiting for a quorate meeting: {label}.")
    later = store.meetings.add(Meeting(date=TODAY + dt.timedelta(days=60)))
    assert waiting_words(store.meetings.items_waiting_for(later.id)) == [label]  # the one between was inquorate
    store.meetings.record_many(nxt.id, {m.id: (S.PRESENT, None, "") for m in store.members()})
    assert store.meetings.items_waiting_for(later.id) == []  # taken at the quorate one between
    # meetings before the decision list nothing
    assert store.meetings.items_waiting_for(data["meetings"][-1]) == []


def test_signed_minutes_lock_and_verify_the_items_waiting(world):
    store, data = world
    meeting_id, budget, part, _policy = _inquorate_with_items(store, data)
    store.meetings.record_decision(meeting_id, ChairDecision.PROCEED, "", items_waiting=[budget.id])
    store.minutes.draft(meeting_id)
    store.minutes.sign(meeting_id, "Dr Helen Carter", TODAY)
    with pytest.raises(ValidationError, match="is locked with them"):
        store.meetings.record_decision(meeting_id, ChairDecision.PROCEED, "", items_waiting=[])
    stored = store.db.execute("SELECT quorum_rule FROM meeting WHERE id = ?", [meeting_id]).fetchone()[0]
    rule_only = store.subcommittee().quorum_rule.to_json()
    with pytest.raises(INTEGRITY_ERRORS, match="locked"):
        store.db.execute("UPDATE meeting SET quorum_rule = ? WHERE id = ?", [rule_only, meeting_id])
    assert store.minutes.verify(meeting_id).ok
    store.db.execute("DROP TRIGGER meeting_signed_locked")  # what a determined editor of the file could do
    store.db.execute("UPDATE meeting SET quorum_rule = ? WHERE id = ?", [rule_only, meeting_id])
    result = store.minutes.verify(meeting_id)
    assert not result.ok
    assert (f"the agenda items the chair's decision left waiting: items {budget.id}, {part.id} when signed, now none"
            in result.differences)
    assert stored != rule_only


# --- the exported minutes --------------------------------------------------------------------------

def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def _docx_text(path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join(t.split()) for t in [p.text for p in document.paragraphs] + cells)


def test_exported_minutes_show_the_items_waiting_and_mark_each(world, tmp_path):
    from mqp_desktop.domain.minutes import WAITS_MARK
    from mqp_desktop.exporters.minutes_docx import export_minutes_docx
    from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf

    store, data = world
    meeting_id, budget, _part, _policy = _inquorate_with_items(store, data)
    store.meetings.record_decision(meeting_id, ChairDecision.PROCEED, "Police away", items_waiting=[budget.id])
    statement = store.minutes.draft(meeting_id).quoracy.statement
    assert "these wait for the next quorate meeting" in statement
    for export, read in ((export_minutes_pdf, _pdf_text), (export_minutes_docx, _docx_text)):
        text = read(export(store, meeting_id, tmp_path / f"m.{export.__name__[-4:]}"))
        assert " ".join(statement.split()) in text, export.__name__
        assert text.count(WAITS_MARK) == 2, export.__name__  # the budget and its sub-item
    nxt = store.meetings.add(Meeting(date=TODAY + dt.timedelta(days=20)))
    store.meetings.record_many(nxt.id, {m.id: (S.PRESENT, None, "") for m in store.members()})
    text = _pdf_text(export_minutes_pdf(store, nxt.id, tmp_path / "next.pdf"))
    assert "Items that waited for a quorate meeting, taken at this one: from the meeting of" in text
    assert "(Budget for 2026/27)" in text


def test_exported_minutes_say_no_quorum_is_set(world, tmp_path):
    from mqp_desktop.exporters.minutes_docx import export_minutes_docx
    from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf

    store, data = world
    _set_rule(store, QuorumRule(kind="none"))
    meeting = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=3)))
    store.meetings.record_many(meeting.id, {m.id: (S.PRESENT, None, "") for m in store.members()})
    for export, read in ((export_minutes_pdf, _pdf_text), (export_minutes_docx, _docx_text)):
        text = read(export(store, meeting.id, tmp_path / f"n.{export.__name__[-4:]}"))
        assert "No quorum is set in the Terms of Reference (" in text
        assert "was quorate" not in text and "not quorate" not in text

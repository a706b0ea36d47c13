"""store.minutes: prefill from registers and agendas, carry-forward, locking, verify, corrections,
approval files and autosave recovery, on a small database built here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mqp_desktop.domain.actions import Action, ActionStatus
from mqp_desktop.domain.agenda import AgendaItem, Purpose
from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import ChairDecision, Guest, Meeting
from mqp_desktop.domain.minutes import Decision, Declaration
from mqp_desktop.domain.signoff import ApprovalFileError, read_approval_file, respond, write_approval_file
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store
from mqp_desktop.store.seed import seed_from_template
from mqp_desktop.store.sqlite import INTEGRITY_ERRORS

TODAY = dt.date.today()
LOCKED = "signed minutes are locked; make a correction"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 16


def build(store: Store) -> dict:
    """Name every seat, plan three past meetings with registers and agendas."""
    seed_from_template(store, "wandsworth-mqp")
    start = TODAY - dt.timedelta(days=400)
    people = {}
    for n, m in enumerate(store.members()):
        m.name, m.start_date = f"Person {n:02d}", start
        if m.role_title == "Associate Director of Safeguarding":
            m.name, m.deputy_name = "Margaret Ansah", "Eleanor Deputy"
        people[m.name] = store.update_member(m)
    agencies = {a.label: a for a in store.agencies()}
    meetings = [store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=d), venue="Town Hall")) for d in (120, 60, 30)]
    for meeting in meetings:
        store.meetings.record_many(meeting.id, {m.id: (S.PRESENT, None, "") for m in store.members()})
        store.agendas.apply_standing_agenda(meeting.id)
        store.meetings.mark_held(meeting.id)
    return {"people": people, "agencies": agencies, "meetings": [m.id for m in meetings]}


@pytest.fixture
def world(tmp_path):
    s = Store.open(tmp_path / "m.sqlite")
    data = build(s)
    yield s, data
    s.close()


def test_minutes_are_prefilled_from_the_register_guests_quorum_and_agenda(world):
    store, data = world
    m1 = data["meetings"][0]
    people, agencies = data["people"], data["agencies"]
    police = [p for p in people.values() if p.agency_id == agencies["Police"].id]
    store.meetings.record_many(m1, {police[0].id: (S.APOLOGIES, None, ""), police[1].id: (S.ABSENT, None, ""),
                                    people["Margaret Ansah"].id: (S.DEPUTY, None, "")})
    store.meetings.add_guest(m1, Guest("Dr Ama Boateng", "Performance Team", "Dataset"))
    item = store.agendas.add_item(AgendaItem(m1, "Section 11: CLCH return", purpose=Purpose.DECISION,
                                             presenter_member_id=people["Person 02"].id))

    minutes = store.minutes.draft(m1)
    att = minutes.attendance
    assert {p.name for p in att.apologies} == {police[0].name} and [p.name for p in att.absent] == [police[1].name]
    assert [(d.name, d.for_name, d.agency) for d in att.deputies] == [("Eleanor Deputy", "Margaret Ansah", "CLCH")]
    assert len(att.present) == len(store.meetings.register(m1)) - 3 and not att.not_recorded
    assert [(g.name, g.organisation) for g in att.in_attendance] == [("Dr Ama Boateng", "Performance Team")]
    # both police members away: two statutory agencies of the three needed
    assert minutes.quoracy.recorded and minutes.quoracy.quorate is False and minutes.quoracy.missing == ["Police"]
    numbered = [(i.number, i.title) for i in minutes.items]
    agenda = [(ln.number, ln.item.title) for ln in store.agendas.agenda(m1).lines]
    assert numbered == agenda and ("5", "Section 11: CLCH return") in numbered
    assert minutes.item(item.id).presenter.startswith("Person 02 (")
    assert minutes.meeting.venue == "Town Hall" and minutes.subcommittee
    # the prompt: the item names CLCH, whose two members attended, one by deputy
    clch = [r.member.name for r in store.meetings.register(m1) if r.agency.label == "CLCH"]
    prompts = store.minutes.declaration_prompts(m1)
    expected = tuple(sorted("Eleanor Deputy (deputy for Margaret Ansah)" if n == "Margaret Ansah" else n for n in clch))
    assert [(p.item_number, p.agency, tuple(sorted(p.people))) for p in prompts] == [("5", "CLCH", expected)]
    assert len(expected) == 2


def test_decisions_at_an_inquorate_meeting_are_marked(world):
    store, data = world
    m1 = data["meetings"][0]
    police = [p for p in data["people"].values() if p.agency_id == data["agencies"]["Police"].id]
    store.meetings.record_many(m1, {p.id: (S.APOLOGIES, None, "") for p in police})
    store.meetings.record_decision(m1, ChairDecision.PROCEED, "Police delayed")
    minutes = store.minutes.draft(m1)
    minutes.items[2].decisions = [Decision("The minutes are approved.")]
    store.minutes.save_draft(m1, minutes)
    again = store.minutes.draft(m1)
    assert again.quoracy.quorate is False and again.quoracy.chair_decision == "proceed"
    assert "Police delayed" in again.quoracy.statement
    assert [d.taken_while_inquorate for d in again.items[2].decisions] == [True]
    assert store.minutes.minutes(data["meetings"][1]).quoracy.quorate is True


def test_carry_forward_across_three_meetings_with_updates_recorded_where_given(world):
    store, data = world
    m1, m2, m3 = data["meetings"]
    owner = data["people"]["Person 03"]
    kept = store.minutes.add_action(Action(m1, "Kept open", owner_member_id=owner.id, due_date=TODAY - dt.timedelta(days=90)))
    closed = store.minutes.add_action(Action(m1, "Closed at 2", owner_name="Named Person"))
    store.minutes.update_action_status(closed.id, "done", m2, "Sent to all members")
    store.minutes.update_action_status(kept.id, ActionStatus.IN_PROGRESS, m2, "Half done")

    def log(meeting_id):
        return {e.action.number: e for e in store.minutes.open_at(meeting_id)}

    assert log(m1) == {}
    at_2 = log(m2)
    assert set(at_2) == {kept.number, closed.number}
    assert at_2[closed.number].status is ActionStatus.DONE and at_2[closed.number].update.meeting_id == m2
    assert set(log(m3)) == {kept.number}
    assert log(m3)[kept.number].overdue and log(m3)[kept.number].update is None
    # and in the minutes: new under its item at 1, in the action log at 2 and 3
    assert [a.number for a in store.minutes.minutes(m1).general_actions] == [kept.number, closed.number]
    assert [(a.number, a.status, a.note) for a in store.minutes.minutes(m2).action_log] == [
        (kept.number, "in progress", "Half done"), (closed.number, "done", "Sent to all members")]
    assert [a.number for a in store.minutes.minutes(m3).action_log] == [kept.number]
    assert [u.meeting_id for u in store.minutes.updates(action_id=closed.id)] == [m2]
    assert store.minutes.action(closed.id).status is ActionStatus.DONE
    assert [a.number for a in store.minutes.actions(overdue_on=TODAY)] == [kept.number]
    assert [a.number for a in store.minutes.actions(owner="named")] == [closed.number]


def test_action_numbers_never_repeat_even_with_two_meetings_in_a_month(world):
    store, data = world
    m3 = data["meetings"][2]
    extra = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=29), kind="extraordinary"))
    store.meetings.mark_held(extra.id)
    first = store.minutes.add_action(Action(m3, "One", owner_name="A"))
    second = store.minutes.add_action(Action(extra.id, "Two", owner_name="B"))
    assert first.number != second.number
    if first.number[:7] == second.number[:7]:
        assert second.number.endswith("/2")
    with pytest.raises(INTEGRITY_ERRORS):
        store.db.execute("UPDATE action SET number = ? WHERE id = ?", ["2020-01/1", first.id])


def test_signing_locks_every_edit_path(world):
    store, data = world
    m1, m2 = data["meetings"][:2]
    member = data["people"]["Margaret Ansah"]
    item = store.agendas.items(m1)[0]
    minutes = store.minutes.draft(m1)
    decl = store.minutes.add_declaration(Declaration(m1, "Employed by CLCH", member_id=member.id, item_id=item.id))
    action = store.minutes.add_action(Action(m1, "Do it", owner_name="A", item_id=item.id))
    digest = store.minutes.sign(m1, "Dr Helen Carter", TODAY)
    assert len(digest) == 64 and store.minutes.is_locked(m1)

    attempts = {
        "save_draft": lambda: store.minutes.save_draft(m1, minutes),
        "autosave": lambda: store.minutes.autosave(m1, minutes),
        "draft": lambda: store.minutes.draft(m1),
        "add_declaration": lambda: store.minutes.add_declaration(Declaration(m1, "x", guest_name="G")),
        "update_declaration": lambda: store.minutes.update_declaration(
            Declaration(m1, "Changed", member_id=member.id, id=decl.id, row_version=decl.row_version)),
        "remove_declaration": lambda: store.minutes.remove_declaration(decl.id),
        "add_action": lambda: store.minutes.add_action(Action(m1, "Another", owner_name="A")),
        "update_action": lambda: store.minutes.update_action(Action(m1, "Changed text", owner_name="A", id=action.id,
                                                                    row_version=action.row_version)),
        "update_at_signed_meeting": lambda: store.minutes.update_action_status(action.id, "done", m1),
        "sign_again": lambda: store.minutes.sign(m1, "Someone", TODAY),
    }
    for name, attempt in attempts.items():
        with pytest.raises(ValidationError, match=LOCKED):
            attempt()
        assert store.minutes.verify(m1).ok, name
    # raw SQL, bypassing the repository, is refused by the triggers
    for sql in (
        "UPDATE minutes_revision SET content = '{}' WHERE meeting_id = ?",
        "UPDATE minutes_revision SET signed_by = 'Someone' WHERE meeting_id = ?",
        "UPDATE minutes_revision SET status = 'draft' WHERE meeting_id = ?",
        "DELETE FROM minutes_revision WHERE meeting_id = ?",
        "UPDATE declaration SET nature = 'x' WHERE meeting_id = ?",
        "INSERT INTO declaration (meeting_id, guest_name, nature, created_at) VALUES (?, 'G', 'x', 'now')",
        "UPDATE action SET description = 'x' WHERE meeting_id = ?",
        "DELETE FROM action WHERE meeting_id = ?",
    ):
        with pytest.raises(INTEGRITY_ERRORS):
            store.db.execute(sql, [m1])
    # what the next meeting does with the action is its own business
    store.minutes.update_action_status(action.id, "done", m2, "Done")
    assert store.minutes.action(action.id).status is ActionStatus.DONE
    assert store.minutes.minutes(m1).items[0].actions[0].status == "open"  # as signed
    # the approval meeting may be recorded once on the signed record, and never changed
    store.minutes.record_approval(m1, m2)
    assert store.minutes.revision(m1).approved_at_meeting_id == m2
    with pytest.raises(INTEGRITY_ERRORS):
        store.db.execute("UPDATE minutes_revision SET approved_at_meeting_id = ? WHERE meeting_id = ?",
                         [data["meetings"][2], m1])
    assert store.minutes.verify(m1).ok


def test_verify_detects_one_changed_byte_in_the_database_file(tmp_path):
    """The copy of the file has one byte of the signed content changed on disk, below SQLite:
    no trigger can see that, and the recomputed digest must."""
    path = tmp_path / "a.sqlite"
    with Store.open(path) as store:
        data = build(store)
        m1 = data["meetings"][0]
        minutes = store.minutes.draft(m1)
        minutes.items[0].discussion = "The chair welcomed members: Zebracrossing."
        store.minutes.save_draft(m1, minutes)
        digest = store.minutes.sign(m1, "Dr Helen Carter", TODAY)
        assert store.minutes.verify(m1).ok
    raw = path.read_bytes()
    # only the signed revision holds it, and the search index's copy of its text (0016_search; closing
    # checkpointed the WAL): both are changed, and the digest of the signed content must not match
    assert raw.count(b"Zebracrossing") == 2
    copy = tmp_path / "b.sqlite"
    copy.write_bytes(raw.replace(b"Zebracrossing", b"Zebracrossinh"))
    with Store.open(copy) as tampered:
        result = tampered.minutes.verify(m1)
        assert not result.ok and result.revision == 1
        assert result.stored_digest == digest and result.recomputed not in (None, digest)
        assert "has changed since it was signed" in result.problem


def test_verify_detects_a_changed_signer_when_the_trigger_is_removed(world):
    store, data = world
    m1 = data["meetings"][0]
    store.minutes.draft(m1)
    store.minutes.sign(m1, "Dr Helen Carter", TODAY, PNG)
    store.db.execute("DROP TRIGGER minutes_revision_signed_fixed")
    store.db.execute("UPDATE minutes_revision SET signed_by = 'Someone Else' WHERE meeting_id = ?", [m1])
    result = store.minutes.verify(m1)
    assert not result.ok and "sign-off" in result.problem and result.recomputed == result.stored_digest


def test_a_correction_is_a_new_revision_and_the_signed_one_stays_provable(world):
    store, data = world
    m1, m2 = data["meetings"][:2]
    draft = store.minutes.draft(m1)
    draft.items[0].discussion = "Original wording."
    store.minutes.save_draft(m1, draft)
    first = store.minutes.sign(m1, "Dr Helen Carter", TODAY)
    with pytest.raises(ValidationError, match="reason"):
        store.minutes.correct(m1, "  ")
    rev = store.minutes.correct(m1, "Apologies from Person 04 were omitted", TODAY)
    assert rev.revision == 2 and rev.status == "draft" and not store.minutes.is_locked(m1)
    corrected = store.minutes.draft(m1)
    assert corrected.items[0].discussion == "Original wording."  # carried over to edit
    assert corrected.correction.corrects_revision == 1 and corrected.correction.corrects_digest == first
    corrected.items[0].discussion = "Corrected wording."
    store.minutes.save_draft(m1, corrected)
    second = store.minutes.sign(m1, "Dr Helen Carter", TODAY)
    statuses = [(r.revision, r.status) for r in store.minutes.revisions(m1)]
    assert statuses == [(1, "superseded"), (2, "signed")]
    assert store.minutes.minutes(m1, 1).items[0].discussion == "Original wording."
    assert [r.ok for r in store.minutes.verify_all(m1)] == [True, True]
    assert store.minutes.verify(m1, 1).stored_digest == first and store.minutes.verify(m1).stored_digest == second
    with pytest.raises(INTEGRITY_ERRORS):
        store.db.execute("INSERT INTO minutes_revision (meeting_id, revision, content, correction_reason, corrected_on,"
                         " created_at, saved_at) VALUES (?, 5, '{}', 'x', '2026-01-01', 'now', 'now')", [m2])


def test_approval_file_round_trip(world, tmp_path):
    store, data = world
    m1 = data["meetings"][0]
    store.minutes.draft(m1)
    approval, path = store.minutes.export_for_approval(m1, tmp_path / "for-chair")
    # the chair's laptop: no database
    chair = read_approval_file(path)
    assert chair.minutes.meeting.meeting_id == m1 and chair.subcommittee
    write_approval_file(respond(chair, "Dr Helen Carter", TODAY, signature_png=PNG), path)
    result = store.minutes.import_approval(path)
    assert result.approved and result.digest == approval.draft_digest
    rev = store.minutes.revision(m1)
    assert rev.status == "signed" and rev.signed_by == "Dr Helen Carter" and rev.signature_png == PNG
    assert store.minutes.verify(m1).ok
    with pytest.raises(ApprovalFileError) as again:  # the same file twice
        store.minutes.import_approval(path)
    assert again.value.field == "source.revision" and "was signed" in again.value.problem


def test_comments_come_back_without_signing(world, tmp_path):
    store, data = world
    m1 = data["meetings"][0]
    store.minutes.draft(m1)
    _, path = store.minutes.export_for_approval(m1, tmp_path / "m.mqpminutes")
    write_approval_file(respond(read_approval_file(path), "Dr Helen Carter", TODAY, approved=False,
                                comments="Item 5: say who presented."), path)
    result = store.minutes.import_approval(path)
    assert not result.approved and result.comments == "Item 5: say who presented."
    assert not store.minutes.is_locked(m1)
    assert "Item 5: say who presented." in store.history(entity="minutes", limit=1)[0].summary


def test_a_mismatched_approval_file_is_refused(world, tmp_path):
    store, data = world
    m1 = data["meetings"][0]
    draft = store.minutes.draft(m1)
    _, path = store.minutes.export_for_approval(m1, tmp_path / "m.mqpminutes")
    signed = respond(read_approval_file(path), "Dr Helen Carter", TODAY)
    write_approval_file(signed, path)

    # the draft changed after the file went out
    draft.items[0].discussion = "Edited after export."
    store.minutes.save_draft(m1, draft)
    with pytest.raises(ApprovalFileError) as changed:
        store.minutes.import_approval(path)
    assert changed.value.field == "draft.digest" and "Export the minutes for approval again" in changed.value.remedy
    assert not store.minutes.is_locked(m1)

    # a file from another database
    with Store.open(tmp_path / "other.sqlite") as other:
        build(other)
        with pytest.raises(ApprovalFileError) as foreign:
            other.minutes.import_approval(path)
        assert foreign.value.field == "source.database_id"

    # a file naming another meeting, rewritten consistently (its own digests hold): the dates disagree
    fake = dataclasses.replace(read_approval_file(path), meeting_id=data["meetings"][1])
    write_approval_file(fake, tmp_path / "other-meeting.mqpminutes")
    with pytest.raises(ApprovalFileError) as other_meeting:
        store.minutes.import_approval(tmp_path / "other-meeting.mqpminutes")
    assert other_meeting.value.field == "meeting.date"

    # tampered by hand: the signer's name edited in the file
    data_ = json.loads(path.read_text(encoding="utf-8"))
    data_["response"]["name"] = "Someone Else"
    (tmp_path / "edited.mqpminutes").write_text(json.dumps(data_), encoding="utf-8")
    with pytest.raises(ApprovalFileError) as edited:
        store.minutes.import_approval(tmp_path / "edited.mqpminutes")
    assert edited.value.field == "file_digest"
    assert not store.minutes.is_locked(m1)


def test_an_unsigned_file_is_not_a_signature(world, tmp_path):
    store, data = world
    m1 = data["meetings"][0]
    store.minutes.draft(m1)
    _, path = store.minutes.export_for_approval(m1, tmp_path / "m.mqpminutes")
    with pytest.raises(ApprovalFileError) as caught:
        store.minutes.import_approval(path)
    assert caught.value.field == "response"


CRASH = """
import os, sys
from mqp_desktop.store import Store
store = Store.open(sys.argv[1])
mid = int(sys.argv[2])
minutes = store.minutes.draft(mid)
minutes.items[0].discussion = "Typed just before the power cut."
store.minutes.autosave(mid, minutes)
os._exit(1)  # no save, no close: the process dies
"""


def test_autosave_is_recovered_after_a_crash(tmp_path):
    path = tmp_path / "c.sqlite"
    with Store.open(path) as store:
        data = build(store)
        m1 = data["meetings"][0]
        minutes = store.minutes.draft(m1)
        minutes.items[0].discussion = "Saved text."
        store.minutes.save_draft(m1, minutes)
        assert store.minutes.recovered(m1) is None
    crashed = subprocess.run([sys.executable, "-c", CRASH, str(path), str(m1)], cwd=Path(__file__).parent.parent,
                             capture_output=True, text=True, check=False)
    assert crashed.returncode == 1, crashed.stderr
    with Store.open(path) as store:
        assert store.minutes.draft(m1).items[0].discussion == "Saved text."
        recovered = store.minutes.recovered(m1)
        assert recovered is not None and recovered.items[0].discussion == "Typed just before the power cut."
        with pytest.raises(ValidationError, match="recovered text"):
            store.minutes.sign(m1, "Dr Helen Carter", TODAY)
        store.minutes.save_draft(m1, recovered)
        assert store.minutes.recovered(m1) is None
        assert store.minutes.draft(m1).items[0].discussion == "Typed just before the power cut."
        store.minutes.autosave(m1, recovered)
        store.minutes.discard_recovered(m1)
        assert store.minutes.recovered(m1) is None


def test_every_write_is_recorded_in_the_history(world):
    store, data = world
    m1 = data["meetings"][0]
    store.minutes.draft(m1)
    action = store.minutes.add_action(Action(m1, "Do it", owner_name="A"))
    store.minutes.sign(m1, "Dr Helen Carter", TODAY)
    actions = [(c.entity, c.action) for c in reversed(store.history(limit=3))]
    assert actions == [("minutes", "started"), ("action", "added"), ("minutes", "signed")]
    assert store.history(entity="action", entity_id=action.id)[0].changes["number"] == [None, action.number]

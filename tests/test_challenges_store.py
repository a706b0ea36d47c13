"""The challenge log in the database: store.challenges on an in-memory store (and the demo file)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mqp_desktop.domain.agenda import AgendaItem
from mqp_desktop.domain.challenges import Challenge, ChallengeStatus, SubjectKind, Verdict
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import sqlite
from mqp_desktop.store.errors import EditConflict, RecordNotFound

D = dt.date
TODAY = dt.date.today()


@pytest.fixture
def setup(store):
    """(store, agency, member of that agency, member of another agency, meeting, one of its items)."""
    agencies = {a.label: a for a in store.agencies()}
    icb = agencies["SWL ICB"]
    members = store.members()
    nurse = next(m for m in members if m.agency_id == icb.id)
    other = next(m for m in members if m.agency_id != icb.id)
    meeting = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=60)))
    store.agendas.apply_standing_agenda(meeting.id)
    item = store.agendas.add_item(AgendaItem(meeting_id=meeting.id, title="Multi-agency dataset"))
    return store, icb, nurse, other, meeting, item


def new(icb, **kw) -> Challenge:
    values = {"question": "What lies behind the rise in re-referrals?", "agency_id": icb.id,
              "subject_kind": SubjectKind.INDICATOR, "subject_text": "Re-referrals within 12 months"}
    values.update(kw)
    return Challenge(**values)


def test_added_with_the_next_reference_of_its_year_and_the_defaults(setup):
    store, icb, nurse, _other, meeting, item = setup
    first = store.challenges.add(new(icb, meeting_id=meeting.id, item_id=item.id, to_member_id=nurse.id))
    assert first.reference == f"CH-{meeting.date.year}-001"
    assert first.raised_on == meeting.date  # raised at the meeting: its date
    assert first.due_date == meeting.date + dt.timedelta(days=28)
    second = store.challenges.add(new(icb, raised_on=D(2025, 6, 1), due_date=D(2025, 7, 1)))
    third = store.challenges.add(new(icb, raised_on=D(2025, 6, 2)))
    assert (second.reference, third.reference) == ("CH-2025-001", "CH-2025-002")
    read = store.challenges.find("ch-2025-2")
    assert read == third and read.row_version == 1
    assert store.challenges.find(str(first.id)).reference == first.reference
    assert [c.reference for c in store.challenges.all()] == ["CH-2025-001", "CH-2025-002", first.reference]
    assert store.challenges.raised_at(meeting.id) == [first]
    assert store.challenges.raised_at_text(first) == f"the meeting of {meeting.date.day} {meeting.date:%b %Y} " \
                                                      f"(item {store.agendas.numbers(meeting.id)[item.id]}, " \
                                                      "Multi-agency dataset)"
    assert store.challenges.contact(first) == (nurse.display_name, nurse.email)
    entry = store.history(entity="challenge", entity_id=first.id)[0]
    assert entry.action == "added" and first.reference in entry.summary
    assert entry.changes["question"] == [None, first.question]


def test_a_missing_reference_is_refused_plainly(setup):
    store = setup[0]
    with pytest.raises(RecordNotFound, match="no challenge CH-2026-099"):
        store.challenges.find("ch-2026-99")
    with pytest.raises(RecordNotFound, match="not a challenge.s reference or id"):
        store.challenges.find("nonsense")


@pytest.mark.parametrize("change, field, words", [
    (lambda s: {"agency_id": 9999}, "agency", "no agency with id 9999"),
    (lambda s: {"to_member_id": s[3].id}, "to", "represents"),
    (lambda s: {"to_member_id": 9999}, "to", "no member with id 9999"),
    (lambda s: {"meeting_id": s[4].id, "item_id": 9999}, "item", "not on the meeting"),
    (lambda s: {"subject_id": 99999}, "subject", "id 99999"),
    (lambda s: {"question": ""}, "question", "no question"),
])
def test_bad_challenges_change_nothing(setup, change, field, words):
    store = setup[0]
    before = store.history(limit=1)[0].id
    with pytest.raises(ValidationError) as info:
        store.challenges.add(new(setup[1], **change(setup)))
    assert info.value.field == field and words in info.value.message
    assert store.challenges.all() == []
    assert store.history(limit=1)[0].id == before


def test_an_item_from_another_meeting_is_refused(setup):
    store, icb, _n, _o, meeting, _item = setup
    other = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=5)))
    store.agendas.apply_standing_agenda(other.id)
    elsewhere = store.agendas.items(other.id)[0]
    with pytest.raises(ValidationError, match="not on the meeting"):
        store.challenges.add(new(icb, meeting_id=meeting.id, item_id=elsewhere.id))


def test_the_whole_life_of_a_challenge_is_in_the_history(setup):
    store, icb, nurse, _o, meeting, _item = setup
    ch = store.challenges
    c = ch.add(new(icb, meeting_id=meeting.id, to_member_id=nurse.id))
    assert c.status(TODAY) is ChallengeStatus.OVERDUE  # raised 60 days ago, due after 28
    first = ch.respond(c.id, "A change in recording at the front door.", TODAY - dt.timedelta(days=20))
    assert ch.get(c.id).status(TODAY) is ChallengeStatus.ANSWERED
    with pytest.raises(ValidationError, match="waiting for review"):
        ch.respond(c.id, "Another email", TODAY)
    amended = ch.update_response(dataclasses.replace(first, text="A change in recording; audit attached."))
    assert amended.row_version == 2
    asked = ch.review(c.id, "further information", "The audit's sample and dates", TODAY - dt.timedelta(days=10),
                      at_meeting_id=None, new_due=TODAY + dt.timedelta(days=14))
    assert asked.status(TODAY) is ChallengeStatus.OPEN and asked.due_date == TODAY + dt.timedelta(days=14)
    assert asked.further_information.verdict is Verdict.FURTHER_INFORMATION
    ch.respond(c.id, "Sample of 40 cases, January to March.", TODAY)
    closed = ch.review(c.id, Verdict.ACCEPTED, on=TODAY)
    assert closed.status(TODAY) is ChallengeStatus.CLOSED and closed.closed_on == TODAY and closed.accepted
    with pytest.raises(ValidationError, match="was closed on"):
        ch.respond(c.id, "More", TODAY)
    actions = [(e.entity, e.action) for e in reversed(store.history(limit=9))
               if e.entity.startswith("challenge")]
    assert actions == [("challenge", "added"), ("challenge_response", "added"), ("challenge_response", "amended"),
                       ("challenge_response", "reviewed"), ("challenge", "due again"),
                       ("challenge_response", "added"), ("challenge_response", "reviewed"), ("challenge", "closed")]
    stored = ch.get(c.id)
    assert [r.text for r in stored.responses] == ["A change in recording; audit attached.",
                                                  "Sample of 40 cases, January to March."]


def test_a_review_is_refused_without_a_waiting_response_or_a_reason(setup):
    store, icb = setup[0], setup[1]
    c = store.challenges.add(new(icb, raised_on=TODAY - dt.timedelta(days=3)))
    with pytest.raises(ValidationError, match="no response waiting"):
        store.challenges.review(c.id, "accepted")
    store.challenges.respond(c.id, "Answer", TODAY)
    with pytest.raises(ValidationError, match="why the response was not accepted"):
        store.challenges.review(c.id, "not accepted", "", new_due=TODAY + dt.timedelta(days=7))
    assert store.challenges.get(c.id).latest_response.verdict is None


def test_closing_needs_a_note_and_withdrawing_a_reason_and_nothing_is_deleted(setup):
    store, icb = setup[0], setup[1]
    ch = store.challenges
    a = ch.add(new(icb, raised_on=TODAY - dt.timedelta(days=3)))
    b = ch.add(new(icb, raised_on=TODAY - dt.timedelta(days=3)))
    ch.respond(a.id, "An answer the subcommittee did not review", TODAY)
    with pytest.raises(ValidationError, match="Say why the challenge is closed"):
        ch.close(a.id, TODAY, " ")
    closed = ch.close(a.id, TODAY, "Escalated to the Executive")
    assert closed.status(TODAY) is ChallengeStatus.CLOSED
    with pytest.raises(ValidationError, match="not withdrawn"):
        ch.withdraw(a.id, TODAY, "Duplicate")
    with pytest.raises(ValidationError, match="Say why"):
        ch.withdraw(b.id, TODAY, "")
    gone = ch.withdraw(b.id, TODAY, "Raised twice: see " + a.reference)
    assert gone.status(TODAY) is ChallengeStatus.WITHDRAWN
    assert [c.reference for c in ch.list("closed", TODAY)] == [a.reference, b.reference]
    for table in ("challenge", "challenge_response"):
        with pytest.raises(sqlite.INTEGRITY_ERRORS, match="kept, not deleted"):
            store.db.execute(f"DELETE FROM {table}")
    with pytest.raises(sqlite.INTEGRITY_ERRORS, match="keeps its reference"):
        store.db.execute("UPDATE challenge SET reference = 'CH-2020-001' WHERE id = ?", [a.id])


def test_the_schema_refuses_what_the_domain_refuses(setup):
    store, icb = setup[0], setup[1]
    c = store.challenges.add(new(icb, raised_on=D(2026, 1, 5)))
    for sql in ("UPDATE challenge SET due_date = '2026-01-01' WHERE id = ?",
                "UPDATE challenge SET withdrawn_on = '2026-02-01' WHERE id = ?",
                "UPDATE challenge SET subject_kind = 'other', subject_id = 3 WHERE id = ?",
                "UPDATE challenge SET raised_on = '5 Jan 2026' WHERE id = ?"):
        with pytest.raises(sqlite.INTEGRITY_ERRORS):
            store.db.execute(sql, [c.id])
    with pytest.raises(sqlite.INTEGRITY_ERRORS):
        store.db.execute("INSERT INTO challenge_response (challenge_id, received_on, response, verdict, reviewed_on,"
                         " created_at) VALUES (?, '2026-01-10', 'x', 'not accepted', '2026-01-11', 'now')", [c.id])


def test_an_edit_from_a_stale_copy_is_refused_and_says_what_differs(setup):
    store, icb = setup[0], setup[1]
    c = store.challenges.add(new(icb, raised_on=TODAY - dt.timedelta(days=3)))
    mine = dataclasses.replace(c, question="What is the trend over two years?")
    theirs = store.challenges.update(dataclasses.replace(c, due_date=TODAY + dt.timedelta(days=60)))
    assert theirs.row_version == 2
    with pytest.raises(EditConflict) as info:
        store.challenges.update(mine)
    labels = {d.label for d in info.value.differences}
    assert {"question", "response due"} <= labels
    assert store.challenges.get(c.id).question == c.question
    with pytest.raises(EditConflict):
        store.challenges.close(c.id, TODAY, "Done", seen=c)


def test_undo_puts_back_only_what_the_change_made(setup):
    store, icb = setup[0], setup[1]
    ch = store.challenges
    c = ch.add(new(icb, raised_on=TODAY - dt.timedelta(days=3)))
    closed = ch.close(c.id, TODAY, "Superseded")
    ch.restore(c.id, c, closed, ["closed_on", "closed_note"], action="reopened")
    again = ch.get(c.id)
    assert again.closed_on is None and again.status(TODAY) is ChallengeStatus.OPEN
    assert store.history(limit=1)[0].action == "reopened"
    r = ch.respond(c.id, "Answer", TODAY)
    ch.remove_response(r.id)
    assert ch.get(c.id).latest_response is None and ch.response(r.id).removed
    # a response changed since cannot be undone over
    ch.restore_response(r.id, dataclasses.replace(r, removed=False), ch.response(r.id), ["removed"])
    assert ch.get(c.id).latest_response.id == r.id
    moved = ch.get(c.id)
    ch.update(dataclasses.replace(moved, question="Changed by someone else"))
    with pytest.raises(EditConflict):
        ch.restore(c.id, c, moved, ["question"])


@pytest.fixture
def subject_table(monkeypatch):
    """Indicators kept in a table of this test's own (the log reads whichever table the area keeps them in)."""
    from mqp_desktop.store import challenges

    monkeypatch.setitem(challenges.SUBJECT_TABLES, SubjectKind.INDICATOR, "test_indicator")
    return "test_indicator"


def test_without_the_subjects_table_a_subject_is_in_words_only(setup, subject_table):
    store, icb = setup[0], setup[1]
    ch = store.challenges
    assert ch.subject_choices("indicator") == [] and not ch.subject_table_exists("indicator")
    with pytest.raises(ValidationError, match="holds no indicator records yet"):
        ch.add(new(icb, subject_id=3, raised_on=TODAY))
    assert ch.add(new(icb, raised_on=TODAY)).subject_id is None


def test_subjects_offered_from_another_areas_table_when_it_exists(setup, subject_table):
    store, icb = setup[0], setup[1]
    ch = store.challenges
    store.db.execute(f"CREATE TABLE {subject_table} (id INTEGER PRIMARY KEY, code TEXT, title TEXT, retired_on TEXT)")
    store.db.execute(f"INSERT INTO {subject_table} VALUES (1, 'CSC-03', 'Re-referrals within 12 months', NULL),"
                     " (2, 'CSC-01', 'Contacts', '2025-03-31')")
    assert ch.subject_table_exists("indicator")
    assert ch.subject_choices(SubjectKind.INDICATOR) == [(2, "CSC-01 Contacts (retired)"),
                                                         (1, "CSC-03 Re-referrals within 12 months")]
    c = ch.add(new(icb, subject_id=1, subject_text="", raised_on=TODAY))
    assert c.subject_text == "CSC-03 Re-referrals within 12 months"  # the label, stored with it
    with pytest.raises(ValidationError, match="no indicator with id 7"):
        ch.add(new(icb, subject_id=7, raised_on=TODAY))
    assert ch.subject_choices("other") == []


def test_the_demo_holds_open_overdue_answered_and_closed_challenges(demo_store):
    ch = demo_store.challenges
    statuses = [c.status(TODAY) for c in ch.all()]
    for status in ChallengeStatus:
        assert status in statuses, status
    assert statuses.count(ChallengeStatus.OVERDUE) == 1
    meetings = {m.id for m in demo_store.meetings.list()}
    assert all(c.meeting_id in meetings for c in ch.all())
    assert all(c.to_member_id is None or demo_store.member(c.to_member_id).agency_id == c.agency_id
               for c in ch.all())

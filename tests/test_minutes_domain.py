"""Minutes, the action log and sign-off in plain Python (domain/minutes.py, actions.py, signoff.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mqp_desktop.domain.actions import (
    Action,
    ActionStatus,
    ActionUpdate,
    action_log_at,
    meeting_key,
    next_number,
    parse_number,
    parse_status,
)
from mqp_desktop.domain.agenda import AgendaItem, StandingKind, agenda_lines
from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import AttendanceEntry, RegisterRow
from mqp_desktop.domain.minutes import (
    CONTENT_VERSION,
    Block,
    BlockKind,
    Decision,
    MeetingInfo,
    Minutes,
    MinutesItem,
    Quoracy,
    Span,
    declaration_prompts,
    merge_written,
    parse_discussion,
)
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.signoff import (
    FORMAT_VERSION,
    ApprovalFileError,
    build_approval_file,
    canonical_json,
    content_digest,
    read_approval_file,
    respond,
    seal_digest,
    write_approval_file,
)
from mqp_desktop.domain.validation import ValidationError

D = dt.date(2026, 3, 10)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def minutes(quorate: bool | None = True) -> Minutes:
    return Minutes(
        meeting=MeetingInfo(meeting_id=7, title="Meeting of 10 March 2026", date=D, start_time="10:00"),
        partnership="Anytown Partnership", subcommittee="MQ&P",
        quoracy=Quoracy(recorded=quorate is not None, quorate=quorate),
        items=[MinutesItem(number="1", title="Welcome", item_id=1),
               MinutesItem(number="5", title="Neglect strategy", item_id=5,
                           discussion="Para one\nstill one.\n\n- a **bold** point\n- second",
                           decisions=[Decision("Approved for the Executive.")])],
    )


# --- discussion text ------------------------------------------------------------------------

def test_discussion_parses_paragraphs_bullets_and_bold():
    blocks = parse_discussion("First line\nsame paragraph.\n\n- one **big** point\n  continued\n- two\nAfter **x")
    assert blocks == [
        Block(BlockKind.PARAGRAPH, ((Span("First line same paragraph."),),)),
        Block(BlockKind.BULLETS, ((Span("one "), Span("big", True), Span(" point continued")), (Span("two"),))),
        Block(BlockKind.PARAGRAPH, ((Span("After **x"),),)),  # an unmatched ** is kept as typed
    ]


def test_discussion_keeps_every_word_typed():
    text = "* star bullet\n• dot bullet\n-5% is not a bullet"
    blocks = parse_discussion(text)
    assert [b.kind for b in blocks] == [BlockKind.BULLETS, BlockKind.PARAGRAPH]
    assert blocks[0].plain == "- star bullet\n- dot bullet"
    assert blocks[1].plain == "-5% is not a bullet"


# --- content, digest ------------------------------------------------------------------------

def test_content_round_trips_and_its_digest_is_stable():
    m = minutes()
    data = m.to_data()
    assert Minutes.from_data(json.loads(json.dumps(data))) == m
    assert data["version"] == CONTENT_VERSION == 4 and data["meeting"]["date"] == "2026-03-10"
    assert content_digest(data) == content_digest(json.loads(canonical_json(data)))
    changed = minutes()
    changed.items[1].discussion = changed.items[1].discussion.replace("one", "One", 1)
    assert content_digest(changed.to_data()) != content_digest(data)


def test_content_from_a_newer_version_is_refused():
    data = minutes().to_data() | {"version": 99}
    with pytest.raises(ValueError, match="newer version"):
        Minutes.from_data(data)


def test_seal_changes_with_the_signer_and_the_signature_image():
    base = {"revision": 1, "signed_by": "Dr Helen Carter", "signed_on": D, "signature_png": None}
    seal = seal_digest("a" * 64, **base)
    assert seal != seal_digest("a" * 64, **(base | {"signed_by": "Dr Helen Carte"}))
    assert seal != seal_digest("a" * 64, **(base | {"signature_png": PNG}))
    assert seal == seal_digest("a" * 64, **base)


# --- inquorate decisions (ToR 3) -------------------------------------------------------------

def test_decisions_are_marked_when_the_meeting_was_not_quorate():
    written = minutes()
    inquorate = merge_written(minutes(quorate=False), written)
    assert [d.taken_while_inquorate for d in inquorate.items[1].decisions] == [True]
    quorate = merge_written(minutes(quorate=True), written)
    assert [d.taken_while_inquorate for d in quorate.items[1].decisions] == [False]
    unknown = merge_written(minutes(quorate=None), written)
    assert [d.taken_while_inquorate for d in unknown.items[1].decisions] == [False]


def test_text_of_an_item_removed_from_the_agenda_is_kept():
    prefill = minutes()
    prefill.items = prefill.items[:1]
    merged = merge_written(prefill, minutes())
    assert [(i.title, i.on_agenda) for i in merged.items] == [("Welcome", True), ("Neglect strategy", False)]
    assert merged.items[1].discussion.startswith("Para one")


# --- actions ---------------------------------------------------------------------------------

def test_action_numbers_run_within_the_month_and_are_never_reused():
    assert next_number(D, []) == "2026-03/1"
    assert next_number(D, ["2026-03/1", "2026-03/2", "2026-02/7"]) == "2026-03/3"
    assert next_number(D, ["2026-03/1", "2026-03/3"]) == "2026-03/4"  # a gap is not refilled
    assert parse_number("2026-03/12") == (2026, 3, 12)
    with pytest.raises(ValidationError):
        parse_number("2026-13/1")
    assert parse_status("In-progress") is ActionStatus.IN_PROGRESS
    with pytest.raises(ValidationError, match="not an action status"):
        parse_status("finished")


def test_carry_forward_across_three_meetings():
    keys = {1: meeting_key(dt.date(2026, 1, 13), "10:00", 1), 2: meeting_key(dt.date(2026, 3, 10), "10:00", 2),
            3: meeting_key(dt.date(2026, 5, 12), "10:00", 3)}
    kept = Action(meeting_id=1, description="Kept open", owner_name="A", due_date=dt.date(2026, 2, 1),
                  number="2026-01/1", id=1)
    closed = Action(meeting_id=1, description="Closed at 2", owner_name="B", number="2026-01/2", id=2)
    new_at_2 = Action(meeting_id=2, description="From 2", owner_name="C", number="2026-03/1", id=3)
    updates = [ActionUpdate(action_id=2, meeting_id=2, status=ActionStatus.DONE, on=dt.date(2026, 3, 10), note="Sent"),
               ActionUpdate(action_id=1, meeting_id=2, status=ActionStatus.IN_PROGRESS, on=dt.date(2026, 3, 10))]
    actions = [kept, closed, new_at_2]

    assert action_log_at(1, actions, updates, keys) == []
    at_2 = {e.action.number: e for e in action_log_at(2, actions, updates, keys)}
    assert set(at_2) == {"2026-01/1", "2026-01/2"}
    assert at_2["2026-01/2"].status is ActionStatus.DONE and at_2["2026-01/2"].update.note == "Sent"
    assert at_2["2026-01/1"].status is ActionStatus.IN_PROGRESS and at_2["2026-01/1"].overdue
    at_3 = {e.action.number: e for e in action_log_at(3, actions, updates, keys)}
    assert set(at_3) == {"2026-01/1", "2026-03/1"}
    assert at_3["2026-01/1"].update is None  # the update was given at meeting 2, not 3


# --- declaration prompts (ToR 11) -------------------------------------------------------------

def test_prompts_name_items_about_an_agency_whose_representative_attended():
    clch = Agency("Central London Community Healthcare NHS Trust", "CLCH", id=1)
    police = Agency("Metropolitan Police", "Police", id=2)
    ansah = Member("Associate Director", 1, "Margaret Ansah", id=10)
    ellison = Member("DI", 2, "DI Mark Ellison", id=11)
    register = [RegisterRow(ansah, clch, AttendanceEntry(10, S.PRESENT)),
                RegisterRow(ellison, police, AttendanceEntry(11, S.APOLOGIES))]
    items = [AgendaItem(1, "Declarations of interest", 1, standing=StandingKind.DECLARATIONS, id=1),
             AgendaItem(1, "Section 11: CLCH return", 2, id=2),
             AgendaItem(1, "Police data on missing episodes", 3, id=3),
             AgendaItem(1, "Clchester is not CLCH", 4, id=4)]
    lines = agenda_lines(items)
    prompts = declaration_prompts(lines, [clch, police], register)
    assert [(p.item_number, p.agency, p.people) for p in prompts] == [
        ("2", "CLCH", ("Margaret Ansah",)), ("4", "CLCH", ("Margaret Ansah",))]
    # the police were not there; a member who already declared is not prompted again
    assert declaration_prompts(lines, [clch, police], register, declared=[(10, 2), (10, 4)]) == []
    linked = declaration_prompts(lines, [clch, police], register[:1], linked={3: [1]}, declared=[(10, 2), (10, 4)])
    assert [(p.item_number, p.reason) for p in linked] == [("3", "Item 3 concerns CLCH")]


# --- the approval file ------------------------------------------------------------------------

def test_approval_file_round_trip_without_a_database(tmp_path):
    approval = build_approval_file(minutes(), database_id="d" * 32, exported_at="2026-03-20T10:00:00+00:00")
    path = write_approval_file(approval, tmp_path / "minutes")
    assert path.suffix == ".mqpminutes"
    read = read_approval_file(path)
    assert read.minutes == minutes() and read.response is None
    signed = respond(read, "Dr Helen Carter", dt.date(2026, 5, 12), signature_png=PNG)
    write_approval_file(signed, path)
    back = read_approval_file(path)
    assert back.response.name == "Dr Helen Carter" and back.response.signature_png == PNG
    assert back.draft_digest == approval.draft_digest and back.file_digest != approval.file_digest


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda d: d["draft"]["content"]["items"][1].update(discussion="Something else"), "draft.content"),
        (lambda d: d["response"].update(name="Someone Else"), "file_digest"),
        (lambda d: d["source"].update(revision=2), "file_digest"),
        (lambda d: d.update(format_version=FORMAT_VERSION + 1), "format_version"),
        (lambda d: d.update(format="something"), "format"),
        (lambda d: d["response"].update(signature_png="not base64!"), "response.signature_png"),
    ],
)
def test_a_tampered_approval_file_is_refused_naming_the_field(tmp_path, edit, field):
    approval = respond(build_approval_file(minutes(), database_id="d" * 32), "Dr Helen Carter", D)
    path = write_approval_file(approval, tmp_path / "m.mqpminutes")
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ApprovalFileError) as caught:
        read_approval_file(path)
    assert caught.value.field == field and caught.value.remedy


def test_a_file_that_is_not_an_approval_file_is_refused(tmp_path):
    path = tmp_path / "x.mqpminutes"
    path.write_bytes(b"%PDF-1.4 not json")
    with pytest.raises(ApprovalFileError, match="not an approval file"):
        read_approval_file(path)
    with pytest.raises(ValidationError, match="not a PNG"):
        respond(build_approval_file(minutes(), database_id="d" * 32), "Chair", D, signature_png=b"GIF89a")
    with pytest.raises(ValidationError, match="comments"):
        respond(build_approval_file(minutes(), database_id="d" * 32), "Chair", D, approved=False)

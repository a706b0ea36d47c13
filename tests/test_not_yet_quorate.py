"""A meeting still to come, its apologies taken in advance, is *not yet* quorate — in the meetings list,
the command line and the minutes, as the register says — and the chair's decision waits for the meeting
(issue 14, point 7). The GUI side is in test_gui_laptop.py."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import ChairDecision, Meeting, MeetingStatus, QuorumState, quorum_state
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store
from tests.test_minutes_store import TODAY, build

TOMORROW_WEEK = TODAY + dt.timedelta(days=8)


def _police_away(store, data, meeting_id) -> None:
    police = [m for m in store.members() if m.agency_id == data["agencies"]["Police"].id]
    store.meetings.record_many(meeting_id, {m.id: (S.APOLOGIES, None, "") for m in police})


@pytest.fixture
def world(tmp_path):
    store = Store.open(tmp_path / "q.sqlite")
    data = build(store)
    future = store.meetings.add(Meeting(date=TOMORROW_WEEK, venue="Town Hall"))
    _police_away(store, data, future.id)  # apologies in advance: two of the three statutory agencies left
    yield store, data, future.id
    store.close()


# --- the domain ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("status", "days", "recorded", "decision", "expected"), [
    (MeetingStatus.PLANNED, 8, 2, None, QuorumState.NOT_YET),  # to come, apologies in advance
    (MeetingStatus.PLANNED, 8, 27, None, QuorumState.NOT_YET),  # to come, every apology in: still not held
    (MeetingStatus.PLANNED, 0, 2, None, QuorumState.NOT_YET),  # today, the register being taken
    (MeetingStatus.PLANNED, 0, 27, None, QuorumState.NOT_QUORATE),  # today, the register finished
    (MeetingStatus.PLANNED, -3, 2, None, QuorumState.NOT_YET),  # past, not yet marked held, register unfinished
    (MeetingStatus.HELD, -10, 27, None, QuorumState.NOT_QUORATE),
    (MeetingStatus.HELD, -10, 2, None, QuorumState.NOT_QUORATE),  # held: what its register holds
    (MeetingStatus.HELD, -10, 2, ChairDecision.PROCEED, QuorumState.NOT_QUORATE),  # the chair decided
])
def test_quorum_state(status, days, recorded, decision, expected):
    meeting = Meeting(date=TODAY + dt.timedelta(days=days), status=status, chair_decision=decision)
    assert quorum_state(meeting, quorate=False, recorded=recorded, expected=27, today=TODAY) is expected
    assert quorum_state(meeting, quorate=True, recorded=recorded, expected=27, today=TODAY) is QuorumState.QUORATE
    assert quorum_state(meeting, quorate=False, quorum_set=False, recorded=recorded, expected=27,
                        today=TODAY) is QuorumState.NO_QUORUM_SET


# --- the store: the list, the minutes, the chair's decision -----------------------------------------
def test_the_meetings_list_and_the_minutes_say_not_yet_quorate(world):
    store, _data, future = world
    summary = next(s for s in store.meetings.summaries() if s.meeting.id == future)
    assert summary.quorate is False and summary.state(TODAY) is QuorumState.NOT_YET
    q = store.meetings.quorum(future)
    assert q.state(store.meetings.get(future), TODAY) is QuorumState.NOT_YET
    minutes = store.minutes.draft(future)
    statement = minutes.quoracy.statement
    assert statement.startswith("Not yet quorate") and "was not quorate" not in statement
    assert not minutes.inquorate  # nothing is marked as taken while inquorate


def test_a_chairs_decision_before_the_meeting_is_refused_and_leaves_it_planned(world):
    store, _data, future = world
    before = len(store.history())
    with pytest.raises(ValidationError) as caught:
        store.meetings.record_decision(future, ChairDecision.PROCEED, "Police sent apologies")
    assert "at the meeting" in caught.value.message and "ToR 3" in caught.value.message
    meeting = store.meetings.get(future)
    assert meeting.status is MeetingStatus.PLANNED and meeting.chair_decision is None
    assert len(store.history()) == before


def test_a_decision_at_the_meeting_is_still_recorded(world):
    store, data, _future = world
    past = store.meetings.add(Meeting(date=TODAY, venue="Town Hall"))
    store.meetings.record_many(past.id, {m.id: (S.PRESENT, None, "") for m in store.members()})
    _police_away(store, data, past.id)
    saved = store.meetings.record_decision(past.id, ChairDecision.PROCEED, "Police sent apologies")
    assert saved.chair_decision is ChairDecision.PROCEED and saved.status is MeetingStatus.HELD


def test_the_exported_minutes_of_a_meeting_to_come_say_not_yet_quorate(world, tmp_path):
    from mqp_desktop.exporters.minutes_pdf import minutes_pdf_from

    store, _data, future = world
    pdf = minutes_pdf_from(store.minutes.draft(future), tmp_path / "draft.pdf")
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Not yet quorate" in text
    assert "not quorate (" not in text and "The meeting was not quorate" not in text


# --- the command line ------------------------------------------------------------------------------
def run(capsys, path, *args):
    status = main(["--db", str(path), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_quorum_command_and_the_list_say_not_yet_quorate(world, capsys):
    store, _data, future = world
    path = store.path
    status, out, err = run(capsys, path, "quorum", str(future))
    assert status == 0, err
    assert "Quorum: not yet quorate" in out and "Quorum: Not quorate" not in out
    status, out, _err = run(capsys, path, "quorum", str(future), "--json")
    assert '"quorum_state": "not yet quorate"' in out
    status, out, _err = run(capsys, path, "meetings", "list", "--json")
    import json

    listed = {m["id"]: m for m in json.loads(out)}
    assert listed[future]["quorum_state"] == "not yet quorate" and listed[future]["quorate"] is False
    status, out, err = run(capsys, path, "quorum", str(future), "--decide", "proceed",
                           "--note", "Police away")
    assert status == 1 and err.startswith("mqp: error:") and "at the meeting" in err
    assert store.meetings.get(future).status is MeetingStatus.PLANNED

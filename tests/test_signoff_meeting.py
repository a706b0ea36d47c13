"""Sign-off covers the meeting (issue 10): once the minutes are signed, the meeting's details,
register, guests and agenda are locked like the minutes (store first, triggers for raw SQL), a
correction opens them, and ``verify`` compares the meeting in the database with the record signed."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mqp_desktop.domain.agenda import AgendaItem
from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import ChairDecision, Guest, MeetingKind
from mqp_desktop.domain.minutes import CONTENT_VERSION, RECORD_VERSION, Minutes
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store
from mqp_desktop.store.sqlite import INTEGRITY_ERRORS
from tests.helpers.db_dump import dump
from tests.test_minutes_store import TODAY, build

LOCKED_WITH = "is locked with them"
TRIGGER = "its details, register, guests and agenda are locked"


@pytest.fixture
def signed(tmp_path):
    """A database whose first meeting has a guest, an agenda and signed minutes."""
    store = Store.open(tmp_path / "s.sqlite")
    data = build(store)
    m1 = data["meetings"][0]
    guest = store.meetings.add_guest(m1, Guest("Dr Ama Boateng", "Performance Team", "Dataset"))
    store.minutes.draft(m1)
    store.minutes.sign(m1, "Dr Helen Carter", TODAY)
    yield store, data | {"m1": m1, "guest": guest}
    store.close()


def _member(store, name: str):
    return next(m for m in store.members() if m.name == name)


def test_every_meeting_edit_path_is_refused_with_what_is_locked_and_how_to_correct(signed):
    store, data = signed
    m1, m2 = data["m1"], data["meetings"][1]
    meeting = store.meetings.get(m1)
    member = _member(store, "Person 03")
    items = store.agendas.items(m1)
    before = dump(store.db.conn)
    attempts = {
        "date": lambda: store.meetings.update(dataclasses.replace(meeting, date=meeting.date - dt.timedelta(days=1))),
        "times": lambda: store.meetings.update(dataclasses.replace(meeting, start_time="09:15", end_time="11:45")),
        "venue": lambda: store.meetings.update(dataclasses.replace(meeting, venue="Elsewhere")),
        "online link": lambda: store.meetings.update(dataclasses.replace(meeting, online_link="https://x.test/m")),
        "kind": lambda: store.meetings.update(dataclasses.replace(meeting, kind=MeetingKind.EXTRAORDINARY)),
        "chair's decision": lambda: store.meetings.update(dataclasses.replace(
            meeting, chair_decision=ChairDecision.PROCEED, chair_decision_note="Went ahead")),
        "register": lambda: store.meetings.record_attendance(m1, member.id, S.APOLOGIES),
        "register cleared": lambda: store.meetings.record_attendance(m1, member.id, None),
        "register, many": lambda: store.meetings.record_many(m1, {member.id: (S.ABSENT, None, "")}),
        "guest added": lambda: store.meetings.add_guest(m1, Guest("Someone New")),
        "guest removed": lambda: store.meetings.remove_guest(data["guest"].id),
        "item added": lambda: store.agendas.add_item(AgendaItem(m1, "Late item")),
        "item edited": lambda: store.agendas.update_item(dataclasses.replace(items[3], title="Renamed")),
        "item removed": lambda: store.agendas.remove_item(items[3].id),
        "item moved up": lambda: store.agendas.move_up(items[3].id),
        "item moved down": lambda: store.agendas.move_down(items[3].id),
        "item moved to": lambda: store.agendas.move_to(items[3].id, 1),
        "item indented": lambda: store.agendas.indent(items[3].id),
        "items copied in": lambda: store.agendas.copy_from(m1, m2, [store.agendas.items(m2)[3].id]),
    }
    for name, attempt in attempts.items():
        with pytest.raises(ValidationError, match=LOCKED_WITH) as refused:
            attempt()
            pytest.fail(f"{name}: not refused")
        message = refused.value.message
        assert "revision 1 by Dr Helen Carter" in message and f"mqp minutes correct {m1}" in message, name
        assert dump(store.db.conn) == before, name
    # the message names what is locked
    with pytest.raises(ValidationError, match="the meeting's venue is locked"):
        attempts["venue"]()
    with pytest.raises(ValidationError, match="its attendance register is locked"):
        attempts["register"]()
    with pytest.raises(ValidationError, match="its agenda is locked"):
        attempts["item added"]()
    # the meeting's own notes are not part of the record
    store.meetings.update(dataclasses.replace(meeting, notes="Room booked again for next year"))
    assert store.meetings.get(m1).notes == "Room booked again for next year"
    assert store.minutes.verify(m1).ok


RAW = [
    "UPDATE meeting SET date = '2001-01-01' WHERE id = :m",
    "UPDATE meeting SET venue = 'Elsewhere' WHERE id = :m",
    "UPDATE meeting SET start_time = '09:00' WHERE id = :m",
    "UPDATE meeting SET chair_decision = 'proceed' WHERE id = :m",
    "UPDATE meeting SET status = 'cancelled' WHERE id = :m",
    "UPDATE attendance SET status = 'apologies sent' WHERE meeting_id = :m",
    "UPDATE attendance SET meeting_id = :m WHERE meeting_id = :other",
    "DELETE FROM attendance WHERE meeting_id = :m",
    "INSERT INTO attendance (meeting_id, member_id, status) SELECT :m, max(id) + 0, 'present' FROM member",
    "INSERT INTO guest (meeting_id, name) VALUES (:m, 'Slipped in')",
    "UPDATE guest SET name = 'Someone else' WHERE meeting_id = :m",
    "UPDATE guest SET removed = 1 WHERE meeting_id = :m",
    "INSERT INTO agenda_item (meeting_id, position, title) VALUES (:m, 99, 'Slipped in')",
    "UPDATE agenda_item SET title = 'Renamed' WHERE meeting_id = :m",
    "UPDATE agenda_item SET removed = 1 WHERE meeting_id = :m",
    "UPDATE agenda_item SET meeting_id = :m WHERE meeting_id = :other",
]


@pytest.mark.parametrize("sql", RAW)
def test_raw_sql_on_a_signed_meeting_is_refused_by_the_triggers(signed, sql):
    store, data = signed
    before = dump(store.db.conn)
    with pytest.raises(INTEGRITY_ERRORS, match=TRIGGER):
        store.db.execute(sql, {"m": data["m1"], "other": data["meetings"][1]})
    assert dump(store.db.conn) == before


def test_raw_sql_on_the_meetings_notes_and_on_other_meetings_is_allowed(signed):
    store, data = signed
    m1, m2 = data["m1"], data["meetings"][1]
    store.db.execute("UPDATE meeting SET notes = 'a note' WHERE id = ?", [m1])
    store.db.execute("UPDATE meeting SET venue = 'Elsewhere' WHERE id = ?", [m2])
    store.db.execute("UPDATE attendance SET status = 'absent without apologies' WHERE meeting_id = ?", [m2])
    store.db.execute("UPDATE meeting SET venue = venue WHERE id = ?", [m1])  # no change: nothing refused
    assert store.minutes.verify(m1).ok


def test_a_correction_opens_the_meeting_and_signing_it_locks_it_again(signed):
    store, data = signed
    m1 = data["m1"]
    member = _member(store, "Person 03")
    store.minutes.correct(m1, "Person 03 sent apologies", TODAY)
    assert not store.minutes.is_locked(m1)
    store.meetings.record_attendance(m1, member.id, S.APOLOGIES)
    meeting = store.meetings.get(m1)
    store.meetings.update(dataclasses.replace(meeting, venue="Committee Room 2"))
    note = store.minutes.verify(m1)
    assert note.ok and not note.meeting_checked and "correction (revision 2) is open" in " ".join(note.notes)
    corrected = store.minutes.draft(m1)
    assert member.name in [p.name for p in corrected.attendance.apologies]
    assert corrected.record.meeting.venue == "Committee Room 2"
    store.minutes.sign(m1, "Dr Helen Carter", TODAY)
    with pytest.raises(ValidationError, match=LOCKED_WITH):
        store.meetings.record_attendance(m1, member.id, S.PRESENT)
    with pytest.raises(INTEGRITY_ERRORS, match=TRIGGER):
        store.db.execute("UPDATE meeting SET venue = 'Town Hall' WHERE id = ?", [m1])
    first, second = store.minutes.verify_all(m1)
    assert first.ok and second.ok and second.meeting_checked and not first.meeting_checked
    assert "Superseded by revision 2" in " ".join(first.notes)
    # revision 1 still holds the register as it was signed
    assert store.minutes.minutes(m1, 1).record.meeting.venue == "Town Hall"
    assert {e.member_id: e.status for e in store.minutes.minutes(m1, 1).record.register}[member.id] == "present"


def test_verify_names_a_changed_register_entry_date_guest_and_agenda_item(signed):
    store, data = signed
    m1 = data["m1"]
    member = _member(store, "Person 03")
    assert store.minutes.verify(m1).meeting_checked
    for name in ("attendance_signed_locked_update", "meeting_signed_locked", "guest_signed_locked_insert",
                 "agenda_item_signed_locked_update"):
        store.db.execute(f"DROP TRIGGER {name}")  # what a determined editor of the file could do
    store.db.execute("UPDATE attendance SET status = 'apologies sent' WHERE meeting_id = ? AND member_id = ?",
                     [m1, member.id])
    store.db.execute("UPDATE meeting SET date = '2001-02-03' WHERE id = ?", [m1])
    store.db.execute("INSERT INTO guest (meeting_id, name) VALUES (?, 'Slipped In')", [m1])
    item = store.agendas.items(m1)[3]
    store.db.execute("UPDATE agenda_item SET title = 'Renamed later' WHERE id = ?", [item.id])
    result = store.minutes.verify(m1)
    assert not result.ok and result.meeting_checked and result.stored_digest == result.recomputed
    text = "\n".join(result.differences)
    assert f"register: Person 03 (member {member.id}): status 'present' -> 'apologies sent'" in text
    assert "the meeting's date:" in text and "3 Feb 2001" in text
    assert "guests: 'Slipped In' added since signing" in text
    assert f"agenda: item 4 '{item.title}': title '{item.title}' -> 'Renamed later'" in text
    assert "has changed since revision 1 was signed" in result.problem and "Person 03" in result.problem


def test_minutes_signed_before_meeting_coverage_still_verify_and_say_so(signed):
    store, data = signed
    m2 = data["meetings"][1]
    content = store.minutes.draft(m2).to_data()
    del content["record"]
    content["version"] = 1  # the content as this program signed it before the record was added
    digest = store.minutes.sign(m2, "Dr Helen Carter", TODAY, _content=content)
    result = store.minutes.verify(m2)
    assert result.ok and result.stored_digest == digest and not result.covers_meeting
    assert "before sign-off covered the meeting" in " ".join(result.notes)
    assert Minutes.from_data(content).record is None and RECORD_VERSION == 2
    # the meeting is locked all the same: the lock follows the signature, not the content version
    with pytest.raises(ValidationError, match=LOCKED_WITH):
        store.meetings.add_guest(m2, Guest("Late"))


def test_minutes_signed_at_content_version_2_still_verify_against_the_meeting(signed):
    """Before the quorum kinds of issue 12, the content had no quorum-kind fields and the record no
    items waiting: such minutes verify as signed and their meeting still compares equal."""
    store, data = signed
    m2 = data["meetings"][1]
    content = store.minutes.draft(m2).to_data()
    for key in ("quorum_set", "summary", "items_waiting", "waiting_from_earlier"):
        del content["quoracy"][key]
    for item in content["items"]:
        del item["waits"]
    del content["record"]["meeting"]["items_waiting"]
    content["version"] = 2  # the content as this program signed it before the quorum kinds
    digest = store.minutes.sign(m2, "Dr Helen Carter", TODAY, _content=content)
    result = store.minutes.verify(m2)
    assert result.ok and result.stored_digest == digest and result.meeting_checked
    assert store.minutes.minutes(m2).quoracy.statement == Minutes.from_data(content).quoracy.statement
    assert "The meeting was quorate" in store.minutes.minutes(m2).quoracy.statement


def test_the_signed_content_holds_the_meeting_record(signed):
    store, data = signed
    m1 = data["m1"]
    minutes = store.minutes.minutes(m1)
    assert minutes.covers_meeting and minutes.version == CONTENT_VERSION
    rec = minutes.record
    assert rec.meeting.date == store.meetings.get(m1).date and rec.meeting.venue == "Town Hall"
    assert {e.member_id for e in rec.register} == set(store.meetings.entries(m1))
    assert [g.name for g in rec.guests] == ["Dr Ama Boateng"]
    assert [(i.number, i.title) for i in rec.agenda] == [(ln.number, ln.item.title)
                                                         for ln in store.agendas.agenda(m1).lines]
    assert rec == store.minutes.live_record(m1)


def test_an_approval_file_exported_before_meeting_coverage_is_refused_with_the_reason(tmp_path):
    import hashlib
    import json

    from mqp_desktop.domain.signoff import (
        ApprovalFileError,
        approval_from_data,
        canonical_json,
        content_digest,
        respond,
        write_approval_file,
    )

    with Store.open(tmp_path / "v1.sqlite") as store:
        data = build(store)
        m1 = data["meetings"][0]
        store.minutes.draft(m1)
        _, path = store.minutes.export_for_approval(m1, tmp_path / "new.mqpminutes")
        raw = json.loads(path.read_text(encoding="utf-8"))
        content = raw["draft"]["content"]
        del content["record"]
        content["version"] = 1  # what the program exported before this change
        raw["draft"]["digest"] = content_digest(content)
        raw["format_version"] = 1
        bound = {"source": raw["source"], "partnership": raw["partnership"], "subcommittee": raw["subcommittee"],
                 "meeting": raw["meeting"], "draft_digest": raw["draft"]["digest"], "response": raw["response"]}
        raw["file_digest"] = hashlib.sha256(canonical_json(bound).encode("utf-8")).hexdigest()
        old = write_approval_file(respond(approval_from_data(raw), "Dr Helen Carter", TODAY),
                                  tmp_path / "old.mqpminutes")
        with pytest.raises(ApprovalFileError) as refused:
            store.minutes.import_approval(old)
        assert "earlier version" in refused.value.problem and "Export the minutes" in refused.value.remedy
        assert not store.minutes.is_locked(m1)

"""A meeting's venue and online link are one line: a line break (or another control character) is refused
when typed, and one stored before that never breaks the calendar export."""

from __future__ import annotations

import dataclasses
import datetime as dt

import icalendar
import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.validation import ValidationError, clean_line
from mqp_desktop.exporters.calendar_export import export_calendar
from tests.helpers.db_dump import dump

BAD = {
    "CR LF": ("https://teams.example/abc\r\nBEGIN:VALARM", "a line break"),
    "LF": ("Room 1\nTown Hall", "a line break"),
    "CR": ("Room 1\rTown Hall", "a line break"),
    "tab": ("Room 1\tTown Hall", "a tab"),
    "line separator": ("Room 1\u2028Town Hall", "a line break"),
    "paragraph separator": ("Room 1\u2029Town Hall", "a paragraph break"),
    "next line": ("Room 1\x85Town Hall", "a line break"),
    "NUL": ("Room\x001", "a hidden control character"),
    "escape": ("Room \x1b[31m1", "a hidden control character"),
    "right-to-left override": ("https://teams.example/\u202eexe.pdf", "a hidden control character"),
}


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize("field", ["venue", "online_link"])
def test_a_venue_or_link_with_a_line_break_is_refused_and_nothing_saved(store, case, field):
    text, words = BAD[case]
    before = dump(store.db.conn)
    with pytest.raises(ValidationError) as caught:
        store.meetings.add(Meeting(date=dt.date(2027, 1, 12), **{field: text}))
    assert caught.value.field == field and words in caught.value.message
    assert "one line" in caught.value.message or "without it" in caught.value.message
    assert dump(store.db.conn) == before
    meeting = store.meetings.add(Meeting(date=dt.date(2027, 1, 12), venue="Room 1", online_link="https://x.example/1"))
    before = dump(store.db.conn)
    with pytest.raises(ValidationError):
        store.meetings.update(dataclasses.replace(meeting, **{field: text}))
    assert dump(store.db.conn) == before


def test_surrounding_spaces_are_trimmed_and_ordinary_text_kept():
    assert clean_line("  Room 1, Town Hall  ", "venue", "The venue") == "Room 1, Town Hall"
    assert clean_line("Salle 3 — Hôtel de Ville", "venue", "The venue") == "Salle 3 — Hôtel de Ville"
    assert clean_line("", "venue", "The venue") == ""


def test_the_command_line_refuses_it_in_one_line(capsys, demo_db):
    status = main(["--db", str(demo_db), "meetings", "add", "--date", "2027-03-02", "--venue", "Room 1\r\nEND:VEVENT"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1 and len(err) == 1 and err[0].startswith("mqp: error: ") and "line break" in err[0]


def test_a_link_stored_with_a_line_break_before_the_check_does_not_break_the_calendar(store, tmp_path):
    repo = store.meetings
    good = repo.add(Meeting(date=dt.date(2027, 1, 12), start_time="10:00", end_time="12:00", venue="Room 1"))
    bad = repo.add(Meeting(date=dt.date(2027, 3, 9), start_time="10:00", end_time="12:00", venue="Room 2"))
    with store.write():  # as a database written by an earlier version holds it
        store.db.execute("UPDATE meeting SET venue = ?, online_link = ? WHERE id = ?",
                         ["Room 2\r\nEND:VEVENT\r\nBEGIN:VEVENT", "https://teams.example/abc\r\nBEGIN:VALARM\u2028x",
                          bad.id])
    path = export_calendar(store, tmp_path / "programme.ics")
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = {str(e["uid"]).split("-")[1]: e for e in cal.walk("VEVENT")}
    assert set(events) == {str(good.id), str(bad.id)}, "one event per meeting, no event injected"
    event = events[str(bad.id)]
    assert str(event["location"]) == "Room 2 END:VEVENT BEGIN:VEVENT"
    assert str(event["url"]) == "https://teams.example/abc"
    assert "Join online: https://teams.example/abc BEGIN:VALARM x" in str(event["description"])
    assert not cal.walk("VALARM")
    lines = path.read_bytes().split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 2 and lines.count(b"END:VEVENT") == 2, "the text stays inside its line"

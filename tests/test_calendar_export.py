"""The meeting programme as iCalendar, parsed back with icalendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from mqp_desktop.domain.meetings import Meeting, MeetingKind
from mqp_desktop.exporters.calendar_export import database_token, export_calendar
from mqp_desktop.exporters.files import ExportFileError

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc


def _read(path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def _events(path) -> dict[str, icalendar.Event]:
    return {str(e["uid"]): e for e in _read(path).walk("VEVENT")}


@pytest.fixture
def planned(store):
    """Four meetings: winter, summer, extraordinary online, and one without times; then one cancelled."""
    repo = store.meetings
    winter = repo.add(Meeting(date=dt.date(2026, 1, 13), start_time="10:00", end_time="12:00",
                              venue="Room 123, Town Hall", online_link="https://teams.example/abc"))
    summer = repo.add(Meeting(date=dt.date(2026, 7, 14), start_time="10:00", end_time="12:00", venue="Room 123, Town Hall"))
    extra = repo.add(Meeting(date=dt.date(2026, 8, 4), start_time="14:00", end_time="15:00",
                             online_link="https://teams.example/xyz", kind=MeetingKind.EXTRAORDINARY,
                             notes="Rapid review CR-2026-001"))
    untimed = repo.add(Meeting(date=dt.date(2026, 9, 8), start_time="", end_time=""))
    cancelled = repo.add(Meeting(date=dt.date(2026, 11, 10)))
    repo.cancel(cancelled.id, "Clash with the Executive")
    return store, {"winter": winter, "summer": summer, "extra": extra, "untimed": untimed, "cancelled": cancelled}


def _uid_of(events, meeting_id):
    (uid,) = [u for u in events if u.startswith(f"meeting-{meeting_id}-")]
    return uid


def test_one_event_per_meeting_with_a_calendar_name(tmp_path, planned):
    store, m = planned
    path = export_calendar(store, tmp_path / "programme.ics")
    cal = _read(path)
    assert len(cal.walk("VEVENT")) == 5
    assert str(cal["X-WR-CALNAME"]) == "MQ&P meetings"
    assert str(cal["VERSION"]) == "2.0" and "MQ&P Desktop" in str(cal["PRODID"])
    # every UID is distinct and in the agreed shape
    uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == 5
    assert all(u.endswith("@mqp-desktop") for u in uids)


def test_uids_are_stable_across_exports_and_edits_and_sequence_grows(tmp_path, planned):
    store, m = planned
    first = _events(export_calendar(store, tmp_path / "a.ics"))
    second = _events(export_calendar(store, tmp_path / "b.ics"))
    assert set(first) == set(second)
    uid = _uid_of(first, m["summer"].id)
    before = int(first[uid]["sequence"])
    assert before == 0, "never edited since it was added"

    store.meetings.update(dataclasses.replace(m["summer"], date=dt.date(2026, 7, 21), start_time="09:30"))
    # renaming the subcommittee must not change the UIDs either (the token is not the name)
    sc = store.subcommittee()
    sc.name = "Quality Assurance Subcommittee"
    store.update_subcommittee(sc)

    third = _events(export_calendar(store, tmp_path / "c.ics"))
    assert set(third) == set(first), "an edit updates the event, it does not make a new one"
    assert int(third[uid]["sequence"]) == before + 1
    assert third[uid]["dtstart"].dt == dt.datetime(2026, 7, 21, 9, 30, tzinfo=LONDON)
    untouched = _uid_of(third, m["winter"].id)
    assert int(third[untouched]["sequence"]) == int(first[untouched]["sequence"])


def test_two_databases_never_share_uids(tmp_path, planned):
    from mqp_desktop.store import Store
    from mqp_desktop.store.seed import seed_from_template

    store, _ = planned
    other = Store.in_memory()
    try:
        seed_from_template(other, "wandsworth-mqp")
        other.meetings.add(Meeting(date=dt.date(2026, 1, 13)))
        assert database_token(other) != database_token(store)
        mine = _events(export_calendar(store, tmp_path / "mine.ics"))
        theirs = _events(export_calendar(other, tmp_path / "theirs.ics"))
        assert not set(mine) & set(theirs)
    finally:
        other.close()


def test_cancelled_meeting_is_sent_as_cancelled(tmp_path, planned):
    store, m = planned
    events = _events(export_calendar(store, tmp_path / "p.ics"))
    event = events[_uid_of(events, m["cancelled"].id)]
    assert str(event["status"]) == "CANCELLED"
    assert str(event["summary"]).startswith("Cancelled:")
    assert int(event["sequence"]) == 1, "the cancellation is a change"
    others = [e for u, e in events.items() if u != _uid_of(events, m["cancelled"].id)]
    assert {str(e["status"]) for e in others} == {"CONFIRMED"}


def test_times_are_in_europe_london_across_gmt_and_bst(tmp_path, planned):
    store, m = planned
    path = export_calendar(store, tmp_path / "p.ics")
    events = _events(path)
    winter = events[_uid_of(events, m["winter"].id)]
    summer = events[_uid_of(events, m["summer"].id)]
    assert winter["dtstart"].params["TZID"] == "Europe/London"
    assert summer["dtend"].params["TZID"] == "Europe/London"
    # 10:00 in London is 10:00 UTC in January and 09:00 UTC in July
    assert winter["dtstart"].dt.astimezone(UTC) == dt.datetime(2026, 1, 13, 10, 0, tzinfo=UTC)
    assert summer["dtstart"].dt.astimezone(UTC) == dt.datetime(2026, 7, 14, 9, 0, tzinfo=UTC)
    assert summer["dtend"].dt.astimezone(UTC) == dt.datetime(2026, 7, 14, 11, 0, tzinfo=UTC)
    # the VTIMEZONE written in the file agrees with the tz database around both changes
    (vtz,) = _read(path).walk("VTIMEZONE")
    assert str(vtz["TZID"]) == "Europe/London"
    ours = vtz.to_tz()
    for moment in (
        dt.datetime(2026, 3, 29, 0, 30), dt.datetime(2026, 3, 29, 2, 30), dt.datetime(2026, 10, 25, 0, 30),
        dt.datetime(2026, 10, 25, 3, 0), dt.datetime(2031, 6, 1, 12, 0), dt.datetime(2040, 12, 1, 12, 0),
    ):
        assert moment.replace(tzinfo=ours).utcoffset() == moment.replace(tzinfo=LONDON).utcoffset(), moment
    assert all(e["dtstamp"].dt.utcoffset() == dt.timedelta(0) for e in events.values()), "DTSTAMP is in UTC"


def test_meeting_without_times_is_an_all_day_event(tmp_path, planned):
    store, m = planned
    events = _events(export_calendar(store, tmp_path / "p.ics"))
    event = events[_uid_of(events, m["untimed"].id)]
    assert event["dtstart"].dt == dt.date(2026, 9, 8)
    assert not isinstance(event["dtstart"].dt, dt.datetime)
    assert event["dtend"].dt == dt.date(2026, 9, 9)


def test_summary_location_and_description(tmp_path, planned):
    store, m = planned
    events = _events(export_calendar(store, tmp_path / "p.ics"))
    winter = events[_uid_of(events, m["winter"].id)]
    extra = events[_uid_of(events, m["extra"].id)]
    assert str(winter["summary"]) == "MQ&P meeting"
    assert str(winter["location"]) == "Room 123, Town Hall"
    assert "https://teams.example/abc" in str(winter["description"])
    assert str(extra["summary"]) == "Extraordinary MQ&P meeting"
    assert str(extra["location"]) == "https://teams.example/xyz", "online only: the link is where it is"
    assert "Rapid review CR-2026-001" in str(extra["description"])
    assert str(extra["url"]) == "https://teams.example/xyz"


def test_start_and_end_limit_the_meetings(tmp_path, planned):
    store, m = planned
    events = _events(export_calendar(store, tmp_path / "p.ics", start=dt.date(2026, 7, 1), end=dt.date(2026, 8, 31)))
    assert sorted(int(u.split("-")[1]) for u in events) == sorted([m["summer"].id, m["extra"].id])


def test_demo_programme_parses_with_one_cancelled_meeting(tmp_path, demo_store):
    events = _events(export_calendar(demo_store, tmp_path / "demo.ics"))
    assert len(events) == len(demo_store.meetings.list())
    assert sum(str(e["status"]) == "CANCELLED" for e in events.values()) == 1


def test_missing_folder_is_a_clear_error_and_writes_nothing(tmp_path, planned):
    store, _ = planned
    with pytest.raises(ExportFileError) as caught:
        export_calendar(store, tmp_path / "no such folder" / "p.ics")
    assert "does not exist" in caught.value.problem and caught.value.remedy
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_is_a_clear_error_and_leaves_no_partial_file(tmp_path, planned):
    store, _ = planned
    (tmp_path / "p.ics").mkdir()  # a folder where the file should go: cannot be replaced
    with pytest.raises(ExportFileError) as caught:
        export_calendar(store, tmp_path / "p.ics")
    assert "could not be written" in caught.value.problem
    assert [p.name for p in tmp_path.iterdir()] == ["p.ics"] and (tmp_path / "p.ics").is_dir()

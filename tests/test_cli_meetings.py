"""``mqp meetings``, ``attendance``, ``quorum``, ``report attendance`` and ``export calendar``,
run in-process through ``main([...])`` on a temporary copy of the demonstration database."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.model import FrequencyUnit
from mqp_desktop.domain.schedule import english_bank_holidays, generate_series
from mqp_desktop.store import Store

MEETING_KEYS = {
    "id", "title", "date", "start_time", "end_time", "venue", "online_link", "kind", "status",
    "replaces_id", "chair_decision", "chair_decision_note", "items_waiting", "notes",
}
SUMMARY_KEYS = MEETING_KEYS | {"replaced_by", "expected", "recorded", "quorate", "quorum_state"}
REGISTER_KEYS = {
    "member_id", "name", "role_title", "agency_id", "agency", "agency_short_name", "statutory",
    "decision_maker", "status", "status_text", "deputy_name", "note",
}
QUORUM_KEYS = {
    "meeting_id", "date", "meeting_status", "quorate", "quorum_state", "rule", "needed", "shortfall", "counted", "missing",
    "present_not_counting", "recorded", "expected", "needs_decision", "chair_decision", "chair_decision_note",
    "quorum_set", "explanation", "filled", "seats", "others", "others_needed", "items_waiting", "waiting_from_earlier",
}
STATUTORY = {"LA Children's Services", "SWL ICB", "Police"}
TODAY = dt.date.today()


@pytest.fixture
def mqp(capsys, demo_db):
    """Run ``mqp --db <demo copy> ARGS...``; returns (exit status, stdout, stderr)."""

    def run(*args: str):
        status = main(["--db", str(demo_db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def ok(result) -> str:
    status, out, err = result
    assert status == 0, err
    return out


def as_json(result):
    return json.loads(ok(result))


def one_error_line(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mqp: error: ")
    assert "Traceback" not in err
    return lines[0]


def meetings(mqp, *extra):
    return as_json(mqp("meetings", "list", "--json", *extra))


def new_past_meeting(mqp, days_ago: int = 5, *extra: str) -> int:
    """A meeting added a few days ago (every current member of the demo is on its register)."""
    on = TODAY - dt.timedelta(days=days_ago)
    before = {m["id"] for m in meetings(mqp)}
    ok(mqp("meetings", "add", "--date", on.isoformat(), *extra))
    (new,) = [m for m in meetings(mqp) if m["id"] not in before]
    return new["id"]


def register(mqp, meeting_id: int) -> dict:
    return as_json(mqp("attendance", "show", str(meeting_id), "--json"))


def status_of(mqp, meeting_id: int, member_id: int):
    rows = {r["member_id"]: r for r in register(mqp, meeting_id)["register"]}
    return rows[member_id]


# --- meetings ---------------------------------------------------------------------------------

def test_list_shows_the_demo_year_with_register_progress_and_quorum(mqp):
    listed = meetings(mqp)
    assert len(listed) >= 9
    assert set(listed[0]) == SUMMARY_KEYS
    assert [m["date"] for m in listed] == sorted(m["date"] for m in listed)
    held = [m for m in listed if m["status"] == "held"]
    assert held and all(m["recorded"] == m["expected"] > 0 and m["quorate"] is not None for m in held)
    inquorate = [m for m in listed if m["quorate"] is False]
    assert len(inquorate) == 1 and inquorate[0]["chair_decision"] == "proceed"
    assert [m["status"] for m in listed].count("cancelled") == 1
    assert all(m["quorate"] is None and m["recorded"] == 0 for m in listed if m["status"] == "planned")

    upcoming, past = meetings(mqp, "--upcoming"), meetings(mqp, "--past")
    assert upcoming and past and len(upcoming) + len(past) == len(listed)
    assert all(m["date"] >= TODAY.isoformat() for m in upcoming)
    assert all(m["date"] < TODAY.isoformat() for m in past)

    text = ok(mqp("meetings", "list", "--upcoming"))
    assert "Next meeting:" in text and f"(id {upcoming[0]['id']})" in text
    assert "Register" in text and "Quorate" in text


def test_schedule_across_a_year_end_moves_off_bank_holidays_as_the_domain_does(mqp):
    # The fourth Tuesday: 28 Dec 2027 is the Boxing Day holiday (observed), so that meeting moves.
    first = dt.date(2027, 10, 26)
    expected = generate_series(first, 4, 2, FrequencyUnit.MONTHS)
    assert dt.date(2027, 12, 29) in expected
    before = meetings(mqp)

    preview = as_json(mqp("meetings", "schedule", "--from", "26/10/2027", "--count", "4", "--dry-run", "--json"))
    assert [p["date"] for p in preview] == [d.isoformat() for d in expected]
    assert all(p["id"] is None for p in preview)
    assert meetings(mqp) == before  # dry run: nothing saved
    moved = [p for p in preview if p["moved_because"]]
    assert [(p["nominal_date"], p["date"]) for p in moved] == [("2027-12-28", "2027-12-29")]
    assert "bank holiday" in moved[0]["moved_because"]

    text = ok(mqp("meetings", "schedule", "--from", "2027-10-26", "--count", "4", "--venue", "Room 123",
                  "--start", "2pm", "--end", "4pm"))
    assert text.startswith("Planned 4 meetings every 2 months")
    assert "from Tue 28 Dec 2027: Boxing Day" in text
    assert "1 date(s) moved" in text
    added = [m for m in meetings(mqp) if m["date"] >= "2027-10-26"]
    assert [m["date"] for m in added] == [d.isoformat() for d in expected]
    assert {(m["kind"], m["status"], m["start_time"], m["end_time"], m["venue"]) for m in added} == {
        ("ordinary", "planned", "14:00", "16:00", "Room 123")}


def test_schedule_uses_the_subcommittees_frequency(mqp):
    ok(mqp("rules", "set", "--frequency", "6-weeks"))
    first = dt.date(2028, 11, 14)  # six weeks on is Boxing Day 2028 (a Tuesday)
    expected = generate_series(first, 5, 6, FrequencyUnit.WEEKS)
    preview = as_json(mqp("meetings", "schedule", "--from", first.isoformat(), "--count", "5", "--dry-run", "--json"))
    assert [p["date"] for p in preview] == [d.isoformat() for d in expected]
    holidays = english_bank_holidays(range(2028, 2030))
    assert all(dt.date.fromisoformat(p["nominal_date"]) in holidays for p in preview if p["moved_because"])
    assert any(p["moved_because"] for p in preview)
    text = ok(mqp("meetings", "schedule", "--from", first.isoformat(), "--count", "5", "--dry-run"))
    assert "every 6 weeks" in text and "Dry run: nothing was saved" in text


def test_add_show_edit_cancel(mqp):
    text = ok(mqp("meetings", "add", "--date", "2027-03-02", "--extraordinary", "--start", "0930", "--end", "11:00",
                  "--link", "https://teams.example/x", "--notes", "Ofsted JTAI findings"))
    assert "Extraordinary meeting of 2 March 2027" in text
    (m,) = [m for m in meetings(mqp) if m["date"] == "2027-03-02"]
    shown = as_json(mqp("meetings", "show", str(m["id"]), "--json"))
    assert set(shown) == SUMMARY_KEYS | {"register", "guests", "quorum"}
    assert (shown["kind"], shown["start_time"], shown["end_time"], shown["online_link"], shown["notes"]) == (
        "extraordinary", "09:30", "11:00", "https://teams.example/x", "Ofsted JTAI findings")
    assert shown["status"] == "planned" and shown["quorate"] is None
    assert len(shown["register"]) == shown["expected"] > 0
    assert all(r["status"] is None for r in shown["register"])
    assert set(shown["quorum"]) == QUORUM_KEYS
    # by date, as well as by id
    assert as_json(mqp("meetings", "show", "02/03/2027", "--json"))["id"] == m["id"]

    text = ok(mqp("meetings", "edit", str(m["id"]), "--date", "2027-03-09", "--venue", "Committee Room 2", "--ordinary"))
    assert "Moved from Tue 02 Mar 2027" in text
    edited = as_json(mqp("meetings", "show", str(m["id"]), "--json"))
    assert (edited["date"], edited["venue"], edited["kind"], edited["start_time"]) == (
        "2027-03-09", "Committee Room 2", "ordinary", "09:30")
    text = ok(mqp("meetings", "show", str(m["id"])))
    assert "Committee Room 2" in text and "0 of" in text

    ok(mqp("meetings", "cancel", str(m["id"]), "--reason", "Clashes with the Executive"))
    cancelled = as_json(mqp("meetings", "show", str(m["id"]), "--json"))
    assert cancelled["status"] == "cancelled"
    assert "Cancelled: Clashes with the Executive" in cancelled["notes"]
    assert "only a planned meeting can be cancelled" in one_error_line(mqp("meetings", "cancel", str(m["id"])))


def test_add_on_a_bank_holiday_says_so(mqp):
    text = ok(mqp("meetings", "add", "--date", "2027-05-31"))  # Spring bank holiday
    assert "Note: Mon 31 May 2027 is Spring Bank Holiday, a bank holiday" in text


def test_held_then_decide_reconvene_then_reconvene(mqp):
    mid = new_past_meeting(mqp, 6)
    # only the police attend (one statutory agency of three)
    ok(mqp("attendance", "record", str(mid), "--agency", "Police", "--status", "present"))
    out = ok(mqp("meetings", "held", str(mid)))
    assert "Not quorate: 1 of 3 needed" in out and f"mqp quorum {mid} --decide" in out
    assert "Note: the register has 2 of" in out
    assert "already marked held" in one_error_line(mqp("meetings", "held", str(mid)))

    out = ok(mqp("quorum", str(mid), "--decide", "reconvene", "--note", "Only the police present"))
    assert "decision to reconvene" in out and f"mqp meetings reconvene {mid} --date" in out
    q = as_json(mqp("quorum", str(mid), "--json"))
    assert (q["quorate"], q["chair_decision"], q["chair_decision_note"], q["meeting_status"]) == (
        False, "reconvene", "Only the police present", "reconvened")

    bad = one_error_line(mqp("meetings", "reconvene", str(mid), "--date", (TODAY - dt.timedelta(days=30)).isoformat()))
    assert "must come after" in bad
    new_date = (TODAY + dt.timedelta(days=14)).isoformat()
    ok(mqp("meetings", "reconvene", str(mid), "--date", new_date, "--venue", "Room 9"))
    (new,) = [m for m in meetings(mqp) if m["replaces_id"] == mid]
    assert (new["date"], new["status"], new["venue"]) == (new_date, "planned", "Room 9")
    old = next(m for m in meetings(mqp) if m["id"] == mid)
    assert old["replaced_by"] == [new["id"]]
    assert "stays 'reconvened'" in one_error_line(mqp("meetings", "held", str(mid)))
    assert "in the future" in one_error_line(mqp("meetings", "held", str(new["id"])))
    assert "not reconvened" in one_error_line(mqp("meetings", "reconvene", str(new["id"]), "--date", "2099-01-06"))


# --- attendance -------------------------------------------------------------------------------

def test_record_by_member_agency_and_everyone_then_show(mqp):
    mid = new_past_meeting(mqp, 4)
    reg = register(mqp, mid)
    assert set(reg) == {"meeting", "register", "guests", "recorded", "expected", "quorate"}
    assert set(reg["register"][0]) == REGISTER_KEYS
    assert (reg["recorded"], reg["quorate"]) == (0, None)
    names = {r["name"] for r in reg["register"]}
    assert "DI Susan Pike" not in names  # ended two years ago
    assert "Dr Helen Carter" in names

    # by id, with the nominated deputy filled in
    out = ok(mqp("attendance", "record", str(mid), "--member", "8", "--status", "deputy"))
    assert "Dr Helen Carter (member 8): deputy attended (Dr Ravi Shah)" in out
    assert status_of(mqp, mid, 8)["status"] == "deputy"
    assert status_of(mqp, mid, 8)["deputy_name"] == "Dr Ravi Shah"
    # by name (titles and case ignored), two at once, with a note
    ok(mqp("attendance", "record", str(mid), "--member", "mark ellison", "--member", "DS Karen Osei",
           "--status", "apologies", "--note", "Operational incident"))
    assert status_of(mqp, mid, 10)["status"] == "apologies"
    assert status_of(mqp, mid, 11)["note"] == "Operational incident"
    # by agency
    ok(mqp("attendance", "record", str(mid), "--agency", "SWLSTG", "--status", "absent"))
    assert {status_of(mqp, mid, i)["status"] for i in (12, 13)} == {"absent"}
    # clear one entry
    ok(mqp("attendance", "record", str(mid), "--member", "13", "--status", "clear"))
    assert status_of(mqp, mid, 13)["status"] is None
    # everyone else present: the ones already recorded are left alone
    out = ok(mqp("attendance", "record", str(mid), "--everyone"))
    assert "Quorum: Not quorate: 2 of 3 needed" in out  # the police sent apologies
    reg = register(mqp, mid)
    assert reg["recorded"] == reg["expected"] and reg["quorate"] is False
    statuses = {r["member_id"]: r["status"] for r in reg["register"]}
    assert (statuses[8], statuses[10], statuses[12], statuses[13]) == ("deputy", "apologies", "absent", "present")
    assert "already recorded" in ok(mqp("attendance", "record", str(mid), "--everyone"))

    text = ok(mqp("attendance", "show", str(mid)))
    assert "Dr Ravi Shah" in text and "apologies sent" in text and "Not quorate" in text
    assert f"{reg['expected']} of {reg['expected']} recorded" in text


def test_apologies_matched_and_unmatched_never_guessed(mqp, tmp_path):
    mid = new_past_meeting(mqp, 3)
    result = as_json(mqp("attendance", "apologies", str(mid), "--json", "--text",
                         "Dr Helen Carter; di mark ellison; Helen; Jo Nobody; Susan Pike"))
    assert set(result) == {"meeting_id", "dry_run", "read_as", "recorded", "already_recorded", "unmatched"}
    assert result["read_as"] is None
    assert [r["member_id"] for r in result["recorded"]] == [8, 10]
    unmatched = {u["text"]: u for u in result["unmatched"]}
    assert set(unmatched) == {"Helen", "Jo Nobody", "Susan Pike"}
    assert unmatched["Susan Pike"]["member_id"] == 31  # a member, but not on this register
    assert unmatched["Helen"]["member_id"] is None
    assert status_of(mqp, mid, 8)["status"] == "apologies"

    ok(mqp("attendance", "record", str(mid), "--member", "9", "--status", "present"))
    file = tmp_path / "apologies.txt"
    file.write_text("Joanne Price\nkaren.osei@met.example.police.uk\nPatrick Dunne <patrick.dunne@probation.example.gov.uk>\n",
                    encoding="utf-8")
    out = ok(mqp("attendance", "apologies", str(mid), "--from-file", str(file), "--dry-run"))
    assert "Would record apologies for 2 members" in out and "left as they are" in out
    assert status_of(mqp, mid, 11)["status"] is None  # dry run
    out = ok(mqp("attendance", "apologies", str(mid), "--from-file", str(file)))
    assert "Recorded apologies for 2 members" in out
    assert (status_of(mqp, mid, 11)["status"], status_of(mqp, mid, 25)["status"]) == ("apologies", "apologies")
    assert status_of(mqp, mid, 9)["status"] == "present"  # already recorded: not overwritten
    line = one_error_line(mqp("attendance", "apologies", str(mid), "--from-file", str(tmp_path / "none.txt")))
    assert "there is no file" in line


def test_guests_are_listed_and_never_count(mqp):
    mid = new_past_meeting(mqp, 2)
    out = ok(mqp("attendance", "guest", str(mid), "--name", "Dr Ama Boateng", "--organisation", "Performance Team",
                 "--item", "Quarterly dataset"))
    assert "never count toward quorum" in out
    (guest,) = register(mqp, mid)["guests"]
    assert guest["name"] == "Dr Ama Boateng" and guest["item"] == "Quarterly dataset"
    assert as_json(mqp("quorum", str(mid), "--json"))["recorded"] == 0
    assert "has no guest with id 999" in one_error_line(mqp("attendance", "guest", str(mid), "--remove", "999"))
    ok(mqp("attendance", "guest", str(mid), "--remove", str(guest["id"])))
    assert register(mqp, mid)["guests"] == []
    assert "--name" in one_error_line(mqp("attendance", "guest", str(mid)))


# --- quorum -----------------------------------------------------------------------------------

def test_quorum_json_for_a_meeting_quorate_only_through_deputies(mqp):
    mid = new_past_meeting(mqp, 8)
    for agency in ("LA Children's Services", "SWL ICB", "Police"):
        ok(mqp("attendance", "record", str(mid), "--agency", agency, "--status", "deputy", "--deputy", f"Deputy for {agency}"))
    ok(mqp("attendance", "record", str(mid), "--everyone"))
    q = as_json(mqp("quorum", str(mid), "--json"))
    assert set(q) == QUORUM_KEYS
    assert q["quorate"] is True and q["needed"] == 3 and q["shortfall"] == 0
    assert q["rule"] == {
        "kind": "at_least", "count": 3, "agency_set": "statutory", "agency_ids": [], "chair_may_proceed": True,
        "shared_seats": [], "others": "agencies",
        "text": "Quorate when at least 3 statutory agencies are present; if not, the chair decides whether to proceed"
                " or reconvene.",
    }
    assert {a["short_name"] for a in q["counted"]} == STATUTORY
    assert all(a["by_deputy_only"] and a["statutory"] for a in q["counted"])
    police = next(a for a in q["counted"] if a["short_name"] == "Police")
    assert {w["status"] for w in police["attended_by"]} == {"deputy"}
    assert {w["deputy_name"] for w in police["attended_by"]} == {"Deputy for Police"}
    assert q["missing"] == []
    assert q["present_not_counting"] and not any(a["statutory"] for a in q["present_not_counting"])
    assert q["recorded"] == q["expected"] > 0
    assert (q["chair_decision"], q["needs_decision"]) == (None, False)

    text = ok(mqp("quorum", str(mid)))
    assert "Quorate: 3 of 3 needed" in text and "Deputy for Police for DI Mark Ellison" in text
    line = one_error_line(mqp("quorum", str(mid), "--decide", "proceed", "--note", "n/a"))
    assert "quorate, so there is no decision" in line


def test_quorum_of_the_demos_inquorate_meeting_and_a_new_decision(mqp):
    (inquorate,) = [m for m in meetings(mqp) if m["quorate"] is False]
    q = as_json(mqp("quorum", str(inquorate["id"]), "--json"))
    assert q["quorate"] is False and q["shortfall"] == 1
    assert [a["short_name"] for a in q["missing"]] == ["Police"]
    assert q["chair_decision"] == "proceed" and "Police" in q["chair_decision_note"]

    mid = new_past_meeting(mqp, 9)
    assert "take the register first" in one_error_line(
        mqp("quorum", str(mid), "--decide", "proceed", "--note", "x"))
    ok(mqp("attendance", "record", str(mid), "--agency", "SWL ICB", "--status", "present"))
    assert "--note" in one_error_line(mqp("quorum", str(mid), "--decide", "proceed"))
    out = ok(mqp("quorum", str(mid), "--decide", "proceed", "--note", "Items for information only"))
    assert "decision to proceed" in out
    shown = as_json(mqp("meetings", "show", str(mid), "--json"))
    assert (shown["chair_decision"], shown["status"]) == ("proceed", "held")


# --- reports and exports ----------------------------------------------------------------------

def test_report_attendance_json_matches_the_store(mqp, demo_db):
    report = as_json(mqp("report", "attendance", "--json"))
    assert set(report) == {"start", "end", "standard", "deputy_counts_for_member", "meetings", "members", "agencies",
                           "members_below_standard", "agencies_below_standard", "per_meeting"}
    assert report["end"] == TODAY.isoformat() and report["standard"] == 80
    assert report["deputy_counts_for_member"] is False
    assert {m["status"] for m in report["meetings"]} <= {"held", "reconvened"}
    with Store.open(demo_db) as store:
        expected = store.meetings.report(dt.date.fromisoformat(report["start"]), TODAY)
    assert len(report["meetings"]) == len(expected.meetings)
    by_id = {r["member_id"]: r for r in report["members"]}
    for row in expected.members:
        got = by_id[row.member.id]
        assert (got["expected"], got["present"], got["deputy"], got["apologies"], got["absent"]) == (
            row.expected, row.present, row.deputy, row.apologies, row.absent)
        assert got["rate"] == (None if row.rate is None else round(row.rate, 1))
        assert got["below_standard"] == row.below_standard
    dunne = next(r for r in report["members"] if r["name"] == "Patrick Dunne")
    assert dunne["below_standard"] and dunne["member_id"] in report["members_below_standard"]
    assert set(report["agencies"][0]) == {"agency_id", "agency", "short_name", "statutory", "expected", "attended",
                                          "by_deputy_only", "rate", "below_standard"}

    text = ok(mqp("report", "attendance"))
    assert "Members" in text and "Agencies" in text and "BELOW" in text and "Patrick Dunne" in text

    ok(mqp("rules", "set", "--deputy-counts-for-member", "yes"))
    assert as_json(mqp("rules", "show", "--json"))["deputy_counts_for_member"] is True
    assert as_json(mqp("report", "attendance", "--json"))["deputy_counts_for_member"] is True
    assert "Deputy counts for member  yes" in ok(mqp("rules", "show"))


def test_report_attendance_period(mqp):
    first = min(m["date"] for m in meetings(mqp, "--past") if m["status"] == "held")
    report = as_json(mqp("report", "attendance", "--from", first, "--to", first, "--json"))
    assert [m["date"] for m in report["meetings"]] == [first]
    assert all(r["expected"] == 1 for r in report["members"])
    empty = as_json(mqp("report", "attendance", "--from", "2001-01-01", "--to", "2001-12-31", "--json"))
    assert empty["meetings"] == [] and empty["members"] == []


def test_report_attendance_files(mqp, tmp_path):
    out = ok(mqp("report", "attendance", "--csv", str(tmp_path / "rates")))  # the ending is added
    assert "below the standard" in out
    assert f"{tmp_path / 'rates.csv'} (members) and {tmp_path / 'rates - agencies.csv'} (agencies)" in out
    assert (tmp_path / "rates - agencies.csv").is_file()
    with (tmp_path / "rates.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert any("Patrick Dunne" in row for row in rows)
    ok(mqp("report", "attendance", "--xlsx", str(tmp_path / "rates.xlsx")))
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "rates.xlsx", read_only=True)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row]
    wb.close()
    assert "Patrick Dunne" in cells
    ok(mqp("report", "attendance", "--pdf", str(tmp_path / "rates.pdf")))
    assert (tmp_path / "rates.pdf").read_bytes().startswith(b"%PDF")
    line = one_error_line(mqp("report", "attendance", "--xlsx", str(tmp_path / "rates.pdf")))
    assert "does not end in .xlsx" in line


def test_report_attendance_letters(mqp, tmp_path):
    from docx import Document

    report = as_json(mqp("report", "attendance", "--json"))
    below = [r["name"] for r in report["members"] if r["below_standard"]]
    assert "Patrick Dunne" in below
    out = ok(mqp("report", "attendance", "--letters", str(tmp_path / "letters" / "2026")))  # folders are made
    assert f"Wrote {len(below)} letter" in out
    written = sorted((tmp_path / "letters" / "2026").glob("*.docx"))
    assert len(written) == len(below)
    texts = ["\n".join(p.text for p in Document(str(path)).paragraphs) for path in written]
    assert any("Patrick Dunne" in t and "substitute" in t for t in texts)
    # with --json, stdout stays pure JSON and the letters are reported on stderr
    status, out, err = mqp("report", "attendance", "--json", "--letters", str(tmp_path / "again"))
    assert status == 0 and json.loads(out)["members_below_standard"] and "Wrote" in err
    ok(mqp("rules", "set", "--attendance-standard", "0"))
    assert "no letters written" in ok(mqp("report", "attendance", "--letters", str(tmp_path / "none")))


def test_export_calendar(mqp, tmp_path):
    import icalendar

    listed = meetings(mqp)
    out = ok(mqp("export", "calendar", "--out", str(tmp_path / "mqp.ics")))
    assert f"Wrote {len(listed)} meetings" in out and "1 cancelled" in out
    cal = icalendar.Calendar.from_ical((tmp_path / "mqp.ics").read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == len(listed)
    assert len({str(e["uid"]) for e in events}) == len(events)

    upcoming = meetings(mqp, "--upcoming")
    ok(mqp("export", "calendar", "--out", str(tmp_path / "next.ics"), "--from", TODAY.isoformat()))
    cal = icalendar.Calendar.from_ical((tmp_path / "next.ics").read_bytes())
    assert len(list(cal.walk("VEVENT"))) == len(upcoming)
    assert ".ics" in one_error_line(mqp("export", "calendar", "--out", str(tmp_path / "mqp.txt")))


# --- errors -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("meetings", "add", "--date", "31/02/2027"), "--date: '31/02/2027' is not a date"),
        (("meetings", "schedule", "--from", "someday", "--count", "3"), "--from: 'someday' is not a date"),
        (("meetings", "schedule", "--from", "2027-01-05", "--count", "0"), "--count"),
        (("meetings", "add", "--date", "2027-01-05", "--start", "25:00"), "'25:00' is not a time"),
        (("meetings", "add", "--date", "2027-01-05", "--start", "14:00", "--end", "13:00"), "before it starts"),
        (("meetings", "show", "999"), "There is no meeting with id 999"),
        (("meetings", "show", "2001-01-02"), "There is no meeting on 02 Jan 2001"),
        (("attendance", "show", "soon"), "'soon' is not a meeting"),
        (("quorum", "4242", "--json"), "There is no meeting with id 4242"),
        (("meetings", "edit", "999", "--venue", "x"), "There is no meeting with id 999"),
        (("report", "attendance", "--from", "2026-05-01", "--to", "2026-01-01"), "is before --from"),
        (("report", "attendance", "--to", "32/13/2026"), "--to: '32/13/2026' is not a date"),
    ],
)
def test_bad_input_is_one_line_exit_1(mqp, args, words):
    assert words in one_error_line(mqp(*args))


def test_register_errors_are_one_line(mqp):
    mid = str(new_past_meeting(mqp, 10))
    line = one_error_line(mqp("attendance", "record", mid, "--member", "31", "--status", "present"))
    assert "DI Susan Pike (member 31) was not a member on" in line
    line = one_error_line(mqp("attendance", "record", mid, "--member", "Susan Pike", "--status", "present"))
    assert "not on the register" in line
    line = one_error_line(mqp("attendance", "record", mid, "--member", "Nobody Atall", "--status", "present"))
    assert "no member of this meeting's register is called 'Nobody Atall'" in line
    # Joanne Price has no nominated deputy
    assert "Name the deputy who attended for Joanne Price" in one_error_line(
        mqp("attendance", "record", mid, "--member", "9", "--status", "deputy"))
    assert "--deputy" in one_error_line(mqp("attendance", "record", mid, "--member", "9", "--status", "deputy",
                                            "--deputy", "  "))
    assert "--deputy" in one_error_line(mqp("attendance", "record", mid, "--member", "9", "--status", "present",
                                            "--deputy", "Sam"))
    assert "not an attendance status" in one_error_line(
        mqp("attendance", "record", mid, "--member", "9", "--status", "late"))
    assert "--status" in one_error_line(mqp("attendance", "record", mid, "--member", "9"))
    assert "--everyone marks" in one_error_line(mqp("attendance", "record", mid, "--everyone", "--status", "absent"))
    assert "there is no agency 'Nowhere'" in one_error_line(
        mqp("attendance", "record", mid, "--agency", "Nowhere", "--status", "present"))
    assert register(mqp, int(mid))["recorded"] == 0  # nothing half-recorded

    (cancelled,) = [m for m in meetings(mqp) if m["status"] == "cancelled"]
    assert "cancelled: it has no register" in one_error_line(
        mqp("attendance", "record", str(cancelled["id"]), "--everyone"))


def test_help_lists_the_meetings_commands(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in ("meetings", "attendance", "quorum", "report", "export"):
        assert word in out
    assert main(["quorum", "--help"]) == 0
    out = capsys.readouterr().out
    assert "by_deputy_only" in out and "chair_decision_note" in out


def test_a_fresh_database_has_no_meetings(tmp_path, capsys):
    path: Path = tmp_path / "fresh.sqlite"
    assert main(["--db", str(path), "meetings", "list"]) == 0
    assert "No meetings yet" in capsys.readouterr().out
    assert main(["--db", str(path), "meetings", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["--db", str(path), "attendance", "show", "next"]) == 1
    assert "No meeting is planned" in capsys.readouterr().err

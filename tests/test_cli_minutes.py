"""``mqp minutes`` and ``mqp actions``, run in-process through ``main([...])`` on a temporary copy of the
demonstration database (which holds signed minutes, a draft, declarations and an action log)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mqp_desktop.cli import main
from mqp_desktop.store.sqlite import driver  # the program's SQLite: one library per file in a process

TODAY = dt.date.today()
ACTION_KEYS = {"id", "number", "meeting_id", "meeting_date", "item_id", "item_number", "description", "owner",
               "owner_member_id", "owner_name", "due_date", "status", "status_date", "status_note", "overdue"}


@pytest.fixture
def mqp(capsys, demo_db):
    def run(*args: str):
        status = main(["--db", str(demo_db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def ok(result) -> str:
    status, out, err = result
    assert status == 0, err
    return out


def one_error_line(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


def show(mqp, meeting: str) -> dict:
    return json.loads(ok(mqp("minutes", "show", meeting, "--json")))


def signed_meeting(mqp) -> int:
    meetings = json.loads(ok(mqp("meetings", "list", "--json")))
    for m in meetings:
        data = show(mqp, str(m["id"]))
        if data["revision"] and data["revision"]["status"] == "signed":
            return m["id"]
    raise AssertionError("the demo has no signed minutes")


def test_demo_minutes_show_as_json_and_text(mqp):
    data = show(mqp, "last")
    assert set(data) == {"meeting", "revision", "revisions", "locked", "minutes", "declaration_prompts"}
    assert data["revision"]["status"] == "draft" and not data["locked"]
    minutes = data["minutes"]
    assert minutes["attendance"]["present"] and minutes["items"][0]["number"] == "1"
    assert any(i["discussion"] for i in minutes["items"]) and minutes["action_log"]
    text = ok(mqp("minutes", "show", "last"))
    assert "Present (" in text and "Action log (carried forward):" in text and "DECISION:" in text


def test_demo_has_signed_minutes_that_verify_and_an_inquorate_meeting_marked(mqp):
    signed = signed_meeting(mqp)
    out = ok(mqp("minutes", "verify", str(signed)))
    assert "unchanged since it was signed" in out
    marked = [m for m in json.loads(ok(mqp("meetings", "list", "--json"))) if m["chair_decision"] == "proceed"]
    assert marked
    data = show(mqp, str(marked[0]["id"]))
    decisions = [d for i in data["minutes"]["items"] for d in i["decisions"]]
    assert decisions and all(d["taken_while_inquorate"] for d in decisions)
    assert "[taken while inquorate" in ok(mqp("minutes", "show", str(marked[0]["id"])))


def test_sign_locks_the_minutes_for_the_cli_too(mqp):
    out = ok(mqp("minutes", "sign", "last", "--by", "Dr Helen Carter"))
    assert "SHA-256: " in out
    line = one_error_line(mqp("minutes", "declare", "last", "--guest", "A Guest", "--nature", "x"))
    assert "signed minutes are locked; make a correction" in line
    line = one_error_line(mqp("actions", "add", "last:5", "--owner", "Sofia Marques", "Too late"))
    assert "signed minutes are locked" in line
    assert "Revision 2 of the minutes" in ok(mqp("minutes", "correct", "last", "--reason", "Apologies omitted"))
    ok(mqp("minutes", "declare", "last", "--guest", "A Guest", "--nature", "Related to the author"))
    assert show(mqp, "last")["revision"]["correction_reason"] == "Apologies omitted"


def test_verify_names_a_register_entry_changed_after_signing(mqp, demo_db):
    signed = signed_meeting(mqp)
    status, out, _ = mqp("minutes", "verify", str(signed))
    assert status == 0 and "The meeting's details, register, guests and agenda are as signed." in out
    # the register is locked like the minutes: the command refuses, naming how to correct it
    members = json.loads(ok(mqp("members", "list", "--json")))
    conn = driver.connect(demo_db)
    member_id, old = conn.execute("SELECT member_id, status FROM attendance WHERE meeting_id = ? ORDER BY member_id"
                                  " LIMIT 1", [signed]).fetchone()
    conn.close()
    name = next(m["name"] for m in members if m["id"] == member_id)
    new = "absent without apologies" if old != "absent without apologies" else "present"
    refused = one_error_line(mqp("attendance", "record", str(signed), "--member", str(member_id), "--status",
                                 "absent" if new.startswith("absent") else "present"))
    assert "is locked with them" in refused and f"mqp minutes correct {signed}" in refused
    conn = driver.connect(demo_db)
    with conn:  # what someone with the sqlite3 tool could do: drop the guard and edit
        conn.execute("DROP TRIGGER attendance_signed_locked_update")
        conn.execute("UPDATE attendance SET status = ? WHERE meeting_id = ? AND member_id = ?", [new, signed, member_id])
    conn.close()
    status, out, err = mqp("minutes", "verify", str(signed))
    assert status == 1 and "the meeting in the database has CHANGED" in out
    assert f"register: {name} (member {member_id}): status '{old}' -> '{new}'" in out
    assert "no longer match what was signed" in err and "Traceback" not in err


def test_verify_exits_1_naming_the_revision_and_both_digests(mqp, demo_db):
    signed = signed_meeting(mqp)
    stored = show(mqp, str(signed))["revision"]["digest"]
    conn = driver.connect(demo_db)
    with conn:  # what someone with the sqlite3 tool could do: drop the guard and edit
        conn.execute("DROP TRIGGER minutes_revision_signed_fixed")
        conn.execute("UPDATE minutes_revision SET content = replace(content, 'Members', 'Memberz') WHERE meeting_id = ?",
                     [signed])
    conn.close()
    status, out, err = mqp("minutes", "verify", str(signed))
    assert status == 1
    assert "revision 1: CHANGED" in out and f"stored digest:     {stored}" in out
    recomputed = out.split("recomputed digest: ")[1].split()[0]
    assert len(recomputed) == 64 and recomputed != stored
    assert "no longer match" in err


def test_approval_round_trip_through_the_command_line(mqp, tmp_path, capsys):
    path = tmp_path / "for-chair.mqpminutes"
    assert "Draft SHA-256" in ok(mqp("minutes", "export-for-approval", "last", "--out", str(path)))
    # the chair: no database
    assert main(["minutes", "respond", str(path), "--by", "Dr Helen Carter"]) == 0
    capsys.readouterr()
    out = ok(mqp("minutes", "import-approval", str(path)))
    assert "Signed from the approval file" in out
    assert show(mqp, "last")["revision"]["signed_by"] == "Dr Helen Carter"
    line = one_error_line(mqp("minutes", "import-approval", str(path)))
    assert "source.revision" in line


def test_a_tampered_file_is_refused_with_the_field_and_what_to_do(mqp, tmp_path):
    path = tmp_path / "m.mqpminutes"
    ok(mqp("minutes", "export-for-approval", "last", "--out", str(path)))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["draft"]["content"]["items"][0]["discussion"] = "Something the officer never wrote."
    path.write_text(json.dumps(data), encoding="utf-8")
    line = one_error_line(mqp("minutes", "import-approval", str(path)))
    assert "draft.content" in line and "export the minutes for approval again" in line
    assert not show(mqp, "last")["locked"]


def test_actions_list_filters_and_json_keys(mqp):
    everything = json.loads(ok(mqp("actions", "list", "--json")))
    assert everything and set(everything[0]) == ACTION_KEYS
    assert {a["status"] for a in everything} >= {"open", "done"}
    overdue = json.loads(ok(mqp("actions", "list", "--overdue", "--json")))
    assert overdue and all(a["overdue"] and a["status"] in ("open", "in progress") for a in overdue)
    assert all(a["due_date"] < TODAY.isoformat() for a in overdue)
    opened = json.loads(ok(mqp("actions", "list", "--open", "--json")))
    assert {a["number"] for a in overdue} <= {a["number"] for a in opened}
    owner = everything[0]["owner"]
    mine = json.loads(ok(mqp("actions", "list", "--owner", owner, "--json")))
    assert mine and {a["owner"] for a in mine} == {owner}


def test_actions_add_and_update_at_a_meeting(mqp):
    out = ok(mqp("actions", "add", "last:5", "--owner", "Sofia Marques", "--due", "2030-01-31", "Circulate the audit"))
    number = out.split()[1]
    last = show(mqp, "last")
    assert number.startswith(last["meeting"]["date"][:7] + "/")
    item5 = next(i for i in last["minutes"]["items"] if i["number"] == "5")
    assert number in [a["number"] for a in item5["actions"]]
    out = ok(mqp("actions", "add", "last:", "--owner", "Somebody Outside", "General action"))
    assert "(not a member)" in out
    ok(mqp("actions", "update", number, "--status", "in progress", "--at", "last", "--note", "Drafted"))
    found = next(a for a in json.loads(ok(mqp("actions", "list", "--json"))) if a["number"] == number)
    assert found["status"] == "in progress" and found["status_note"] == "Drafted"
    assert "not an action status" in one_error_line(mqp("actions", "update", number, "--status", "finished",
                                                         "--at", "last"))

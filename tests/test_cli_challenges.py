"""``mqp challenges``, run in-process through ``main([...])`` on a copy of the demonstration database
(which holds closed, open, answered, overdue and withdrawn challenges)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import re
from pathlib import Path

import pytest

from mqp_desktop.cli import main

TODAY = dt.date.today()
KEYS = {"id", "reference", "question", "subject_kind", "subject_id", "subject", "meeting_id", "meeting_date",
        "item_id", "item_number", "raised_at", "raised_on", "agency_id", "agency", "to_member_id", "to_name",
        "to_email", "due_date", "status", "overdue", "days_overdue", "accepted", "next_step", "closed_on",
        "closed_note", "withdrawn_on", "withdrawn_reason", "version", "responses"}
RESPONSE_KEYS = {"id", "received_on", "text", "verdict", "verdict_reason", "reviewed_on", "reviewed_at_meeting_id",
                 "removed"}


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


def error(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


def listed(mqp, *options) -> list[dict]:
    return json.loads(ok(mqp("challenges", "list", *options, "--json")))


def test_every_key_the_help_documents_is_in_the_json_and_no_other(mqp, capsys):
    records = listed(mqp, "--all")
    assert records and all(set(r) == KEYS for r in records)
    assert all(set(resp) == RESPONSE_KEYS for r in records for resp in r["responses"])
    assert main(["challenges", "list", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for key in KEYS | RESPONSE_KEYS:
        assert re.search(rf"\b{key}\b", help_text), key


def test_the_filters_match_the_statuses(mqp):
    every = listed(mqp, "--all")
    by = lambda *s: sorted(r["reference"] for r in every if r["status"] in s)
    assert sorted(r["reference"] for r in listed(mqp)) == by("open", "overdue", "answered")
    assert sorted(r["reference"] for r in listed(mqp, "--overdue")) == by("overdue")
    assert sorted(r["reference"] for r in listed(mqp, "--answered")) == by("answered")
    assert sorted(r["reference"] for r in listed(mqp, "--closed")) == by("closed", "withdrawn")
    police = listed(mqp, "--all", "--agency", "Police")
    assert police and {r["agency"] for r in police} == {"Metropolitan Police — South West BCU"}
    [overdue] = listed(mqp, "--overdue")
    assert overdue["overdue"] and overdue["days_overdue"] == (TODAY - dt.date.fromisoformat(overdue["due_date"])).days
    text = ok(mqp("challenges", "list"))
    assert overdue["reference"] in text and "OVERDUE" in text


def test_raise_answer_ask_for_more_answer_and_accept(mqp):
    out = ok(mqp("challenges", "add", "--agency", "SWL ICB", "--to", "Joanne Price", "--about", "indicator",
                 "--subject", "Health visitor new birth visits within 14 days", "--at", "last:5",
                 "--question", "Why has the rate fallen?", "--due", (TODAY + dt.timedelta(days=20)).isoformat()))
    ref = re.search(r"CH-\d{4}-\d{3}", out).group(0)
    made = json.loads(ok(mqp("challenges", "show", ref, "--json")))
    assert made["to_name"] == "Joanne Price" and made["to_member_id"] is not None and made["item_number"] == "5"
    assert made["status"] == "open" and made["version"] == 1 and made["accepted"] is None
    ok(mqp("challenges", "respond", ref, "--text", "A vacancy; now filled."))
    assert json.loads(ok(mqp("challenges", "show", ref, "--json")))["status"] == "answered"
    assert "waiting for review" in error(mqp("challenges", "respond", ref, "--text", "More"))
    ok(mqp("challenges", "respond", ref, "--text", "A vacancy, filled in October.", "--amend"))
    assert "--due" not in error(mqp("challenges", "accept", ref, "--verdict", "further-information",
                                    "--reason", "The monthly trend"))
    due = (TODAY + dt.timedelta(days=30)).isoformat()
    ok(mqp("challenges", "accept", ref, "--verdict", "further-information", "--reason", "The monthly trend",
           "--due", due))
    data = json.loads(ok(mqp("challenges", "show", ref, "--json")))
    assert data["status"] == "open" and data["due_date"] == due and data["accepted"] is False
    assert data["responses"][0]["text"] == "A vacancy, filled in October."
    assert data["responses"][0]["verdict"] == "further information"
    ok(mqp("challenges", "respond", ref, "--text", "The trend is attached."))
    out = ok(mqp("challenges", "accept", ref))
    assert "closed" in out
    data = json.loads(ok(mqp("challenges", "show", ref, "--json")))
    assert data["status"] == "closed" and data["accepted"] is True and data["closed_on"] == TODAY.isoformat()
    history = json.loads(ok(mqp("history", "--limit", "8", "--json")))
    assert any(ref in h["summary"] and h["action"] == "closed" for h in history)


def test_a_contact_who_is_not_a_member_and_a_subject_in_words(mqp):
    out = ok(mqp("challenges", "add", "--agency", "Housing", "--to", "Pat Lee", "--email", "pat.lee@example.org",
                 "--subject", "Temporary accommodation placements out of borough",
                 "--question", "How many families with a child on a plan are placed out of borough?"))
    ref = re.search(r"CH-\d{4}-\d{3}", out).group(0)
    data = json.loads(ok(mqp("challenges", "show", ref, "--json")))
    assert (data["to_member_id"], data["to_name"], data["to_email"]) == (None, "Pat Lee", "pat.lee@example.org")
    assert data["subject_kind"] == "other" and data["meeting_id"] is None
    assert data["raised_on"] == TODAY.isoformat() and data["due_date"] == (TODAY + dt.timedelta(days=28)).isoformat()


@pytest.mark.parametrize("args, words", [
    (("add", "--agency", "Nowhere", "--subject", "x", "--question", "y"), "no agency 'Nowhere'"),
    (("add", "--agency", "Police", "--question", "y"), "what the challenge is about"),
    (("add", "--agency", "Police", "--subject", "x", "--question", "y", "--subject-id", "3"), "--about"),
    (("add", "--agency", "Police", "--subject", "x", "--question", "y", "--about", "indicator",
      "--subject-id", "99999"), "id 99999"),
    (("add", "--agency", "Police", "--subject", "x", "--question", "y", "--due", "31/02/2026"), "--due"),
    (("add", "--agency", "Police", "--subject", "x", "--question", "y", "--at", "last:99"), "no item 99"),
    (("show", "CH-1999-001"), "no challenge CH-1999-001"),
    (("close", "CH-2026-001", "--note", "again"), "was closed on"),
    (("withdraw", "CH-2026-001", "--reason", "x"), "not withdrawn"),
])
def test_bad_input_is_one_line_and_changes_nothing(mqp, args, words):
    before = ok(mqp("challenges", "list", "--all", "--json"))
    line = error(mqp("challenges", *args))
    assert words in line
    assert ok(mqp("challenges", "list", "--all", "--json")) == before


def test_an_edit_against_a_stale_version_is_refused(mqp):
    [c] = [r for r in listed(mqp) if r["status"] == "open"][:1]
    ok(mqp("challenges", "edit", c["reference"], "--due", (TODAY + dt.timedelta(days=40)).isoformat()))
    line = error(mqp("challenges", "edit", c["reference"], "--question", "Old copy", "--expect-version",
                     str(c["version"])))
    assert "changed" in line or "saved" in line
    data = json.loads(ok(mqp("challenges", "show", c["reference"], "--json")))
    assert data["question"] == c["question"] and data["version"] == c["version"] + 1


def test_close_withdraw_and_chase(mqp, tmp_path):
    open_ = [r for r in listed(mqp) if r["status"] == "open"]
    ok(mqp("challenges", "close", open_[0]["reference"], "--note", "Escalated to the Executive"))
    ok(mqp("challenges", "withdraw", open_[1]["reference"], "--reason", "Raised in error"))
    closed = {r["reference"]: r for r in listed(mqp, "--closed")}
    assert closed[open_[0]["reference"]]["closed_note"] == "Escalated to the Executive"
    assert closed[open_[1]["reference"]]["status"] == "withdrawn"
    [overdue] = listed(mqp, "--overdue")
    drafts = json.loads(ok(mqp("challenges", "chase", "--out", str(tmp_path), "--json")))
    assert [d["reference"] for d in drafts] == [overdue["reference"]]
    msg = email.message_from_bytes(Path(drafts[0]["file"]).read_bytes(), policy=email.policy.default)
    assert msg["To"].addresses[0].addr_spec == overdue["to_email"] and msg["X-Unsent"] == "1"
    one = tmp_path / "one.eml"
    ok(mqp("challenges", "chase", overdue["reference"], "--out", str(one)))
    assert one.is_file()
    assert "not overdue" in error(mqp("challenges", "chase", open_[0]["reference"], "--out", str(tmp_path)))
    assert "not an existing folder" in error(mqp("challenges", "chase", "--out", str(tmp_path / "nope")))

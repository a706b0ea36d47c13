"""``mqp subcommittees``, ``mqp transfers`` and ``mqp escalations``, run in-process through ``main([...])`` on a
copy of the demonstration database (two transfers: one accepted, one overdue to TWD; an escalation decided by the
Executive; a dispute in mediation)."""

from __future__ import annotations

import datetime as dt
import json
import re

import docx
import pytest

from mqp_desktop.cli import main
from mqp_desktop.store import Store

TODAY = dt.date.today()
BODY_KEYS = {"id", "name", "short_name", "kind", "executive", "training_workforce", "chair_name", "chair_email",
             "notes", "ended_on", "current", "version"}
TRANSFER_KEYS = {"id", "reference", "direction", "body_id", "body", "body_short", "work", "reason", "outcomes",
                 "priorities", "projected_costs", "costs_required", "written_on", "sent_on", "answer_due", "state",
                 "overdue", "days_overdue", "answer", "answer_reason", "answered_on", "answer_file", "escalated_on",
                 "escalation_note", "decision", "decided_on", "withdrawn_on", "withdrawn_reason", "next_step",
                 "version"}
FILE_KEYS = {"id", "file_name", "media_type", "size", "sha256"}
ESCALATION_KEYS = {"id", "reference", "kind", "kind_label", "summary", "raised_on", "raised_by",
                   "raised_by_member_id", "raised_by_agency_id", "raised_by_agency", "meeting_id", "meeting_date",
                   "item_id", "item_number", "arose_at", "mediation_on", "mediation_notes", "mediation_outcome",
                   "executive_on", "executive_note", "decision", "decided_on", "decided_by", "withdrawn_on",
                   "withdrawn_reason", "status", "next_step", "version"}
REPLY = (b"From: Dr Ruth Okonjo <ruth@example.org>\r\nTo: Dr Helen Carter <helen@example.org>\r\n"
         b"Subject: RE: GCP2 training\r\n\r\nWe cannot fund it this year.\r\n")


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


def as_json(mqp, *args) -> list | dict:
    return json.loads(ok(mqp(*args, "--json")))


def documented(capsys, *command) -> str:
    assert main([*command, "--help"]) == 0
    return " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(("command", "keys"), [
    (("subcommittees", "list"), BODY_KEYS), (("transfers", "list"), TRANSFER_KEYS | FILE_KEYS),
    (("escalations", "list"), ESCALATION_KEYS)])
def test_every_key_the_help_documents_is_in_the_json_and_no_other(mqp, capsys, command, keys):
    records = as_json(mqp, *command, "--all")
    assert records
    top = TRANSFER_KEYS if command[0] == "transfers" else keys
    assert all(set(r) == top for r in records)
    if command[0] == "transfers":
        assert any(r["answer_file"] for r in records)
        assert all(set(r["answer_file"]) == FILE_KEYS for r in records if r["answer_file"])
    text = documented(capsys, *command)
    for key in keys:
        assert re.search(rf"\b{key}\b", text), key


def test_the_demo_lists_as_the_store_holds_it(mqp, demo_db):
    bodies = as_json(mqp, "subcommittees", "list")
    assert [b["kind"] for b in bodies].count("executive") == 1 and bodies[0]["executive"]
    assert [b["short_name"] for b in bodies if b["training_workforce"]] == ["TWD"]
    overdue = as_json(mqp, "transfers", "list", "--overdue")
    assert len(overdue) == 1 and overdue[0]["body_short"] == "TWD" and overdue[0]["costs_required"]
    assert overdue[0]["days_overdue"] == (TODAY - dt.date.fromisoformat(overdue[0]["answer_due"])).days > 0
    assert "ANSWER OVERDUE" in ok(mqp("transfers", "list"))
    finished = as_json(mqp, "transfers", "list", "--finished")
    assert [r["state"] for r in finished] == ["accepted"] and finished[0]["answer_file"]["file_name"].endswith(".eml")
    with Store.open(demo_db) as store:
        assert {r["reference"] for r in as_json(mqp, "transfers", "list", "--all")} == {
            t.reference for t in store.partnership.all_transfers()}
    statuses = {(e["kind"], e["status"], e["decided_by"]) for e in as_json(mqp, "escalations", "list", "--all")}
    assert ("block", "decided", "executive") in statuses and ("dispute", "in mediation", None) in statuses
    assert [e["status"] for e in as_json(mqp, "escalations", "list", "--mediation")] == ["in mediation"]


def test_a_transfer_from_draft_to_the_executives_decision(mqp, tmp_path):
    out = ok(mqp("transfers", "add", "--to", "TWD", "--work", "Safer recruitment refresher for schools",
                 "--reason", "Section 11 standard 6 is the weakest", "--outcomes", "- 60 staff trained",
                 "--priority", "Quality assurance and performance", "--costs", "£1,200 trainer"))
    ref = re.search(r"WT-\d{4}-\d{3}", out).group(0)
    t = as_json(mqp, "transfers", "show", ref)
    assert t["state"] == "drafted" and t["priorities"] == ["Quality assurance and performance"]
    letter = tmp_path / "letters"
    letter.mkdir()
    out = ok(mqp("transfers", "letter", ref, "--out", str(letter)))
    [written] = list(letter.iterdir())
    assert written.name == f"Work transfer {ref} - letter to TWD.docx" and "sign it" in out
    assert "Safer recruitment refresher for schools" in "\n".join(p.text for p in docx.Document(str(written)).paragraphs)
    ok(mqp("transfers", "send", ref))
    t = as_json(mqp, "transfers", "show", ref)
    assert t["state"] == "sent" and t["answer_due"] == (TODAY + dt.timedelta(days=28)).isoformat()
    reply = tmp_path / "reply.eml"
    reply.write_bytes(REPLY)
    ok(mqp("transfers", "answer", ref, "--declined", "--reason", "No budget this year", "--file", str(reply)))
    t = as_json(mqp, "transfers", "show", ref)
    assert t["state"] == "declined" and t["answer_file"]["media_type"] == "message/rfc822"
    ok(mqp("transfers", "escalate", ref, "--note", "For the next Executive"))
    ok(mqp("transfers", "decide", ref, "--decision", "TWD runs it from the autumn"))
    t = as_json(mqp, "transfers", "show", ref)
    assert (t["state"], t["decision"]) == ("decided", "TWD runs it from the autumn")
    saved = tmp_path / "out"
    saved.mkdir()
    ok(mqp("transfers", "answer-file", ref, "--out", str(saved)))
    assert (saved / "reply.eml").read_bytes() == REPLY


def test_refusals_are_one_line_and_change_nothing(mqp, tmp_path):
    before = as_json(mqp, "transfers", "list", "--all")
    assert "projected costs" in error(mqp("transfers", "add", "--to", "TWD", "--work", "w", "--reason", "r",
                                          "--outcomes", "o", "--priority", "Neglect"))
    assert "is not one of the partnership's priorities" in error(mqp(
        "transfers", "add", "--to", "L&I", "--work", "w", "--reason", "r", "--outcomes", "o", "--priority", "Cats"))
    assert "the Executive, not a subcommittee" in error(mqp(
        "transfers", "add", "--to", "Executive", "--work", "w", "--reason", "r", "--outcomes", "o",
        "--priority", "Neglect"))
    accepted = next(t for t in before if t["state"] == "accepted")
    overdue = next(t for t in before if t["overdue"])
    assert "cannot be escalated" in error(mqp("transfers", "escalate", accepted["reference"]))
    assert "record the receiving chair's answer first" in error(mqp("transfers", "decide", overdue["reference"],
                                                                    "--decision", "x"))
    assert "Say why the work was declined" in error(mqp("transfers", "answer", overdue["reference"], "--declined"))
    evil = tmp_path / "reply.pdf"
    evil.write_bytes(b"MZ\x90\x00" + b"\0" * 100)
    assert "Windows program" in error(mqp("transfers", "answer", overdue["reference"], "--accepted",
                                          "--file", str(evil)))
    assert "There is no work transfer WT-1999-001" in error(mqp("transfers", "show", "WT-1999-001"))
    assert "--out" in error(mqp("transfers", "letter", overdue["reference"], "--out", str(tmp_path / "x.pdf")))
    assert as_json(mqp, "transfers", "list", "--all") == before


def test_a_stale_edit_is_refused(mqp):
    out = ok(mqp("transfers", "add", "--to", "L&I", "--work", "w", "--reason", "r", "--outcomes", "o",
                 "--priority", "Neglect"))
    ref = re.search(r"WT-\d{4}-\d{3}", out).group(0)
    ok(mqp("transfers", "edit", ref, "--outcomes", "Two briefings", "--expect-version", "1"))
    assert "version" in error(mqp("transfers", "edit", ref, "--outcomes", "Three", "--expect-version", "1"))
    assert as_json(mqp, "transfers", "show", ref)["outcomes"] == "Two briefings"


def test_subcommittees_add_and_edit(mqp):
    ok(mqp("subcommittees", "add", "--name", "Neglect Strategy Group", "--short-name", "NSG",
           "--chair", "Amara Okafor", "--chair-email", "amara@example.org"))
    assert "already the Training" in error(mqp("subcommittees", "add", "--name", "Workforce Board", "--twd"))
    assert "already the partnership's Executive" in error(mqp("subcommittees", "add", "--name", "Exec 2",
                                                              "--executive"))
    ok(mqp("subcommittees", "edit", "NSG", "--ended", TODAY.isoformat()))
    assert "NSG" not in [b["short_name"] for b in as_json(mqp, "subcommittees", "list")]
    ended = next(b for b in as_json(mqp, "subcommittees", "list", "--all") if b["short_name"] == "NSG")
    assert ended["ended_on"] == TODAY.isoformat() and not ended["current"]
    assert "not a valid email" in error(mqp("subcommittees", "edit", "TWD", "--chair-email", "nope"))


def test_escalations_from_raising_to_decision(mqp):
    out = ok(mqp("escalations", "add", "--kind", "dispute", "--agency", "Police", "--at", "last",
                 "--summary", "Who chairs the MASH strategy meeting"))
    ref = re.search(r"ES-\d{4}-\d{3}", out).group(0)
    e = as_json(mqp, "escalations", "show", ref)
    assert e["status"] == "open" and e["raised_by_agency"].startswith("Metropolitan Police") and e["meeting_id"]
    ok(mqp("escalations", "mediate", ref, "--notes", "Met both leads", "--outcome", "Not agreed"))
    assert as_json(mqp, "escalations", "show", ref)["status"] == "in mediation"
    ok(mqp("escalations", "escalate", ref, "--note", "To the Executive"))
    assert "the decision is the Executive's" in error(mqp("escalations", "decide", ref, "--decision", "x",
                                                          "--by", "chair"))
    ok(mqp("escalations", "decide", ref, "--decision", "The police chair it"))
    e = as_json(mqp, "escalations", "show", ref)
    assert (e["status"], e["decided_by"]) == ("decided", "executive")
    out = ok(mqp("escalations", "add", "--kind", "trend", "--by", "Dr Helen Carter",
                 "--summary", "Fewer health attendees at strategy discussions"))
    trend = re.search(r"ES-\d{4}-\d{3}", out).group(0)
    assert "mediates disputes" in error(mqp("escalations", "mediate", trend, "--notes", "x"))
    assert "not one member" in error(mqp("escalations", "add", "--kind", "trend", "--by", "Nobody Atall",
                                         "--summary", "x"))
    assert "not a kind of escalation" in error(mqp("escalations", "add", "--kind", "moan", "--agency", "Police",
                                                   "--summary", "x"))
    ok(mqp("escalations", "withdraw", trend, "--reason", "Raised in error"))
    assert as_json(mqp, "escalations", "show", trend)["status"] == "withdrawn"

"""``mqp reviews``, ``mqp training``, ``mqp documents``, ``mqp followups`` and ``mqp minutes circulate``, run
in-process through ``main([...])`` on a copy of the demonstration database (which holds examples of each)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import re

import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.governance.common import add_months

TODAY = dt.date.today()

REVIEW_KEYS = {"id", "reference", "kind", "kind_text", "agency_ids", "agencies", "concerns", "learning", "notes",
               "referred_on", "rapid_review_on", "published_on", "meeting_id", "meeting_date", "status", "next_step",
               "closed_on", "closed_note", "withdrawn_on", "withdrawn_reason", "version", "reached", "disseminations",
               "actions"}
COURSE_KEYS = {"id", "title", "provider", "starts_on", "ends_on", "places", "attended", "fill_rate", "attendance",
               "evaluation", "gaps", "fed_to_strategy_on", "meeting_id", "meeting_date", "status", "notes",
               "cancelled_on", "cancel_reason", "version"}
DOCUMENT_KEYS = {"id", "title", "kind", "version", "owner", "owner_agency_id", "owner_agency", "meeting_id",
                 "meeting_date", "outcome", "outcome_note", "sent_to_executive_on", "signed_off_on", "review_due",
                 "status", "next_step", "supersedes_id", "superseded_by_id", "in_force", "notes", "withdrawn_on",
                 "withdrawn_reason", "version_number"}
LETTER_KEYS = {"id", "member_id", "member", "role_title", "agency", "sent_on", "reply_due", "period_start",
               "period_end", "rate", "standard", "status", "days_overdue", "outcome", "outcome_on", "substitute_name",
               "notes", "source", "file_name", "next_step", "withdrawn_on", "withdrawn_reason", "version"}


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


def as_json(result):
    return json.loads(ok(result))


@pytest.mark.parametrize(("command", "keys"), [
    (("reviews", "list", "--all"), REVIEW_KEYS), (("training", "list", "--all"), COURSE_KEYS),
    (("documents", "list", "--all"), DOCUMENT_KEYS), (("followups", "list", "--all"), LETTER_KEYS),
])
def test_every_key_the_help_documents_is_in_the_json_and_no_other(mqp, capsys, command, keys):
    records = as_json(mqp(*command, "--json"))
    assert records and all(set(r) == keys for r in records)
    assert main([*command[:2], "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for key in keys:
        assert re.search(rf"\b{key}\b", help_text), key


def test_the_demo_holds_an_example_of_each(mqp):
    reviews = {r["reference"]: r for r in as_json(mqp("reviews", "list", "--all", "--json"))}
    lcspr = reviews["LCSPR-2025-02"]
    assert lcspr["kind"] == "lcspr" and lcspr["status"] == "published"
    assert [x["kind"] for x in lcspr["disseminations"]].count("briefing") >= 1 and len(lcspr["disseminations"]) == 2
    assert lcspr["actions"] and lcspr["reached"] == sum(x["reached"] for x in lcspr["disseminations"])
    assert any(r["kind"] == "rapid review" for r in reviews.values())
    assert len(as_json(mqp("training", "list", "--all", "--json"))) == 3
    awaiting = as_json(mqp("documents", "list", "--awaiting", "--json"))
    assert [d["kind"] for d in awaiting] == ["procedure"]
    tor = [d for d in as_json(mqp("documents", "tor", "--json")) if d["in_force"]]
    rules = as_json(mqp("rules", "show", "--json"))
    assert tor and tor[0]["version"] == rules["tor_version"] and tor[0]["review_due"] == rules["tor_review_due"]
    letters = as_json(mqp("followups", "list", "--closed", "--json"))
    assert len(letters) == 2 and {x["outcome"] for x in letters} == {"improved", "permanent substitute named"}


def test_a_name_is_refused_as_a_case_reference(mqp):
    line = error(mqp("reviews", "add", "--reference", "Jayden Smith", "--referred", "2026-10-01"))
    assert "looks like a person's name" in line
    assert "Jayden" not in json.dumps(as_json(mqp("reviews", "list", "--all", "--json")))
    line = error(mqp("reviews", "edit", "LCSPR-2025-02", "--reference", "Smith, Jayden"))
    assert "surname" in line


def test_a_case_review_from_referral_to_learning_shared_and_an_action(mqp):
    ok(mqp("reviews", "add", "--reference", "RR-2026-09", "--kind", "rapid", "--referred", "2026-10-01",
           "--agencies", "Police,SWL ICB", "--concerns", "Delay in the strategy discussion"))
    ok(mqp("reviews", "edit", "RR-2026-09", "--rapid-review", "2026-10-20", "--at", "last", "--expect-version", "1"))
    error(mqp("reviews", "edit", "RR-2026-09", "--notes", "stale", "--expect-version", "1"))
    ok(mqp("reviews", "share", "RR-2026-09", "--kind", "learning event", "--on", "2026-11-01", "--audience", "GPs",
           "--reached", "20"))
    out = ok(mqp("reviews", "action", "RR-2026-09", "--owner", "Sofia Marques", "--due", "2027-02-01",
                 "Check the emergency department pathway"))
    number = re.search(r"Action (\S+) added", out).group(1)
    r = as_json(mqp("reviews", "show", "RR-2026-09", "--json"))
    assert r["status"] == "rapid review held" and r["reached"] == 20 and r["agencies"]
    assert [a["number"] for a in r["actions"]] == [number]
    assert number in ok(mqp("actions", "list", "--open"))
    ok(mqp("reviews", "unshare", "RR-2026-09", "--id", str(r["disseminations"][0]["id"])))
    assert as_json(mqp("reviews", "show", "RR-2026-09", "--json"))["reached"] == 0
    ok(mqp("reviews", "withdraw", "RR-2026-09", "--reason", "Recorded twice"))
    assert "RR-2026-09" not in ok(mqp("reviews", "list"))


def test_training_attendance_by_agency_and_the_summary(mqp):
    out = ok(mqp("training", "add", "--title", "Domestic abuse and children", "--on", "2026-10-12", "--places", "20"))
    course = int(re.search(r"Course (\d+)", out).group(1))
    ok(mqp("training", "edit", str(course), "--attendance", "Police=4, SWL ICB=7", "--gaps", "No GPs came",
           "--fed", "2026-11-01", "--at", "last"))
    c = as_json(mqp("training", "show", str(course), "--json"))
    assert c["attended"] == 11 and c["fill_rate"] == 55.0 and c["status"] == "reviewed"
    assert {a["attended"] for a in c["attendance"]} == {4, 7}
    summary = as_json(mqp("training", "summary", "--json"))
    every = as_json(mqp("training", "list", "--all", "--json"))
    assert summary["attended"] == sum(x["attended"] for x in every if x["status"] != "cancelled")
    line = error(mqp("training", "edit", str(course), "--attendance", "Police=lots"))
    assert "whole number" in line


def test_tor_version_moves_the_review_date_on_by_the_interval(mqp):
    signed = TODAY - dt.timedelta(days=3)
    ok(mqp("documents", "tor-version", "--version", "Test version", "--signed-off", signed.isoformat()))
    rules = as_json(mqp("rules", "show", "--json"))
    assert (rules["tor_version"], rules["tor_signed_off"], rules["tor_review_due"]) == (
        "Test version", signed.isoformat(), add_months(signed, 12).isoformat())
    ok(mqp("settings", "set", "review_interval_months", "6"))
    ok(mqp("rules", "set", "--tor-version", "Later version", "--tor-signed-off", TODAY.isoformat()))
    assert as_json(mqp("rules", "show", "--json"))["tor_review_due"] == add_months(TODAY, 6).isoformat()
    assert "version in force" in error(mqp("documents", "tor-version", "--version", "later version"))


def test_a_procedure_through_review_to_sign_off_and_the_chairs_review(mqp):
    out = ok(mqp("documents", "add", "--title", "Neglect strategy", "--kind", "strategy", "--version", "2.0"))
    doc = int(re.search(r"Document (\d+)", out).group(1))
    assert "not been reviewed" in error(mqp("documents", "send", str(doc)))
    ok(mqp("documents", "review", str(doc), "--at", "last", "--outcome", "endorsed"))
    ok(mqp("documents", "send", str(doc)))
    ok(mqp("documents", "sign-off", str(doc)))
    d = as_json(mqp("documents", "show", str(doc), "--json"))
    assert d["status"] == "signed off" and d["review_due"] == add_months(TODAY, 12).isoformat()
    assert "Terms of Reference" in error(mqp("documents", "add", "--title", "ToR", "--kind", "tor", "--version", "x"))
    ok(mqp("documents", "chair-review", "--office", "co-chair", "--outcome", "continues", "--at", "last"))
    last = as_json(mqp("meetings", "list", "--json"))
    held = max(dt.date.fromisoformat(m["date"]) for m in last if m["status"] == "held")
    assert as_json(mqp("rules", "show", "--json"))["co_chair"]["review_due"] == add_months(held, 12).isoformat()
    reviews = as_json(mqp("documents", "chair-reviews", "--json"))
    assert {r["office"] for r in reviews} == {"chair", "co-chair"}


def test_letters_by_hand_their_outcomes_and_the_attendance_reports_letters(mqp, tmp_path):
    before = len(as_json(mqp("followups", "list", "--all", "--json")))
    ok(mqp("report", "attendance", "--letters", str(tmp_path / "letters")))
    written = sorted(p.name for p in (tmp_path / "letters").iterdir())
    letters = as_json(mqp("followups", "list", "--all", "--json"))
    new = [x for x in letters if x["sent_on"] == TODAY.isoformat()]
    assert len(letters) == before + len(written) and sorted(x["file_name"] for x in new) == written
    assert all(x["source"] == "written" and x["reply_due"] == (TODAY + dt.timedelta(days=28)).isoformat()
               for x in new)
    ok(mqp("report", "attendance", "--letters", str(tmp_path / "again")))  # the same day: not recorded twice
    assert len(as_json(mqp("followups", "list", "--all", "--json"))) == len(letters)
    out = ok(mqp("followups", "add", "--member", "DI Mark Ellison", "--sent", (TODAY - dt.timedelta(days=35)).isoformat()))
    letter = int(re.search(r"Letter (\d+)", out).group(1))
    assert letter in [x["id"] for x in as_json(mqp("followups", "list", "--overdue", "--json"))]
    assert "Name the permanent substitute" in error(mqp("followups", "outcome", str(letter), "--outcome", "substitute"))
    ok(mqp("followups", "outcome", str(letter), "--outcome", "substitute", "--substitute", "DS Karen Osei"))
    x = as_json(mqp("followups", "show", str(letter), "--json"))
    assert (x["status"], x["outcome"], x["substitute_name"]) == ("closed", "permanent substitute named", "DS Karen Osei")


def test_minutes_circulate_writes_a_draft_with_the_minutes_and_records_it(mqp, tmp_path):
    data = as_json(mqp("minutes", "circulate", "last", "--out", str(tmp_path), "--record", "--json"))
    path = tmp_path / data["file"].rsplit("/", 1)[-1]
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1" and msg["Subject"] == data["subject"] and "minutes" in data["subject"]
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_content_type() == "application/pdf" and attachment.get_content().startswith(b"%PDF-")
    assert attachment.get_filename() == data["attachments"][0]["name"]
    assert len(msg["To"].addresses) == len(data["to"]) > 0
    circulations = as_json(mqp("circulations", "last", "--json"))
    assert circulations[-1]["id"] == data["recorded"] and circulations[-1]["kind"] == "minutes"
    line = error(mqp("minutes", "circulate", "next", "--out", str(tmp_path)))
    assert "not been held" in line

"""``mqp audits ...`` and ``mqp inspections ...`` run in-process on temporary databases, on a fixed 'today'."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mqp_desktop.cli import main

TODAY = dt.date(2026, 6, 15)

AUDIT_KEYS = {
    "id", "title", "kind", "kind_label", "theme", "status", "late", "lead_member_id", "lead_agency_id", "lead",
    "agency_ids", "agencies", "planned", "started", "completed", "findings", "learning", "notes",
    "reported_meeting_id", "reported_meeting", "reported_on", "cancelled_on", "cancel_reason", "cases", "gradings",
    "not_graded", "grade_summary", "actions", "open_actions", "version",
}
CASE_KEYS = {"id", "reference", "agency_id", "agency", "grade_id", "grade", "notes", "withdrawn_on",
             "withdrawn_reason", "version"}
AUDIT_ACTION_KEYS = {"id", "number", "meeting_id", "description", "owner", "due_date", "status", "overdue"}
INSPECTION_KEYS = {
    "id", "agency_id", "agency", "inspectorate", "inspectorate_name", "inspection_type", "inspected_from",
    "inspected_to", "published", "judgement", "key_findings", "lessons", "notes", "follow_up", "next_review", "state",
    "withdrawn_on", "withdrawn_reason", "plan_items", "plan_open", "plan_overdue", "plan_due_soon", "plan_done",
    "reviews", "last_reviewed_on", "last_reviewed_meeting_id", "version",
}
PLAN_KEYS = {"id", "action", "owner", "due", "status", "state", "closed_on", "notes", "overdue", "days_overdue",
             "version"}
REVIEW_KEYS = {"id", "meeting_id", "meeting", "reviewed_on", "note"}
GRADE_KEYS = {"id", "label", "position", "removed", "in_use", "version"}


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "quality.sqlite"


@pytest.fixture
def mqp(capsys, db, monkeypatch):
    """Run ``mqp --db <tmp> ARGS...`` with today = 15 Jun 2026; returns (status, stdout, stderr)."""
    monkeypatch.setattr("mqp_desktop.cli.quality.today", lambda: TODAY)
    monkeypatch.setattr("mqp_desktop.cli.meeting_records.today", lambda: TODAY)

    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def ok(mqp, *args: str) -> str:
    status, out, err = mqp(*args)
    assert status == 0, err
    return out


def refused(mqp, *args: str) -> str:
    status, out, err = mqp(*args)
    assert status == 1, (out, err)
    assert err.startswith("mqp: error: ") and err.count("\n") == 1
    return err


def js(mqp, *args: str):
    return json.loads(ok(mqp, *args, "--json"))


@pytest.fixture
def audit(mqp):
    ok(mqp, "audits", "add", "--title", "Neglect at the front door", "--theme", "Neglect", "--lead-agency", "Police",
       "--agencies", "LA Children's Services,Police,CLCH", "--planned", "2026-05-01")
    return js(mqp, "audits", "show", "1")


def test_an_audit_is_added_listed_and_shown_with_documented_keys(mqp, audit):
    assert set(audit) == AUDIT_KEYS | {"case_rows", "action_log"}
    assert audit["title"] == "Neglect at the front door" and audit["lead"] == "Police"
    assert audit["status"] == "planned" and audit["late"] is True  # planned 1 May, not started by 15 Jun
    assert sorted(audit["agencies"]) == ["CLCH", "LA Children's Services", "Police"]
    assert [g["grade"] for g in audit["grade_summary"]] == ["Outstanding", "Good", "Requires improvement", "Inadequate"]
    listed = js(mqp, "audits", "list")
    assert [set(r) for r in listed] == [AUDIT_KEYS] and listed[0]["version"] == 1
    out = ok(mqp, "audits", "list")
    assert "Neglect at the front door" in out and "planned (late)" in out


def test_cases_are_added_by_reference_graded_and_summarised(mqp, audit):
    ok(mqp, "audits", "case-add", "1", "MAA-17-C4", "--agency", "Police", "--grade", "good")
    ok(mqp, "audits", "case-add", "1", "MAA-17-C4", "--agency", "CLCH")
    out = ok(mqp, "audits", "grade", "1", "MAA-17-C4", "req", "--agency", "CLCH", "--notes", "Plan not reviewed")
    assert "Requires improvement" in out and "Good 1, Requires improvement 1" in out
    shown = js(mqp, "audits", "show", "1")
    assert [set(c) for c in shown["case_rows"]] == [CASE_KEYS, CASE_KEYS]
    assert {(c["agency"], c["grade"]) for c in shown["case_rows"]} == {("Police", "Good"),
                                                                       ("CLCH", "Requires improvement")}
    assert (shown["cases"], shown["gradings"], shown["not_graded"]) == (1, 2, 0)
    # the reference names two rows: which agency must be said
    assert "--agency" in refused(mqp, "audits", "grade", "1", "MAA-17-C4", "inadequate")
    # by the case's id
    case_id = str(shown["case_rows"][0]["id"])
    ok(mqp, "audits", "grade", "1", case_id, "none")
    assert js(mqp, "audits", "show", "1")["not_graded"] == 1


def test_a_name_is_refused_as_a_case_reference_with_what_to_enter(mqp, audit):
    for name in ("Jayden Smith", "J. Smith", "Smith, Jayden", "baby Smith"):
        err = refused(mqp, "audits", "case-add", "1", name, "--agency", "Police")
        assert "LCSPR-2024-03" in err and "never a child's name" in err
    assert js(mqp, "audits", "show", "1")["case_rows"] == []


def test_bad_input_is_refused_with_one_line_and_changes_nothing(mqp, audit):
    assert "not taking part" in refused(mqp, "audits", "case-add", "1", "MAA-1", "--agency", "Education")
    assert "not a grade on the scale" in refused(mqp, "audits", "case-add", "1", "MAA-1", "--grade", "excellent")
    assert "no audit" in refused(mqp, "audits", "show", "Nothing like it")
    assert "before it started" in refused(mqp, "audits", "edit", "1", "--started", "2026-05-10",
                                          "--completed", "2026-05-01")
    assert "not a kind of audit" in refused(mqp, "audits", "edit", "1", "--kind", "thematic")
    assert "Nothing to change" in refused(mqp, "audits", "edit", "1")
    assert js(mqp, "audits", "show", "1")["version"] == 1


def test_edit_with_expect_version_refuses_a_stale_copy(mqp, audit):
    ok(mqp, "audits", "edit", "1", "--started", "2026-05-04", "--expect-version", "1")
    err = refused(mqp, "audits", "edit", "1", "--findings", "Late", "--expect-version", "1")
    assert "version 2" in err
    assert js(mqp, "audits", "show", "1")["findings"] == ""


def test_reporting_an_audit_and_its_actions_go_into_the_action_log(mqp, audit, db):
    ok(mqp, "meetings", "add", "--date", "2026-06-09")
    assert "not been reported" in refused(mqp, "audits", "action-add", "1", "Invite health visitors",
                                          "--owner", "Joanne Price")
    ok(mqp, "audits", "edit", "1", "--started", "2026-05-04", "--completed", "2026-05-29", "--reported-to",
       "2026-06-09", "--findings", "Thresholds applied consistently.")
    out = ok(mqp, "audits", "action-add", "1", "Invite health visitors to strategy discussions", "--owner",
             "Joanne Price", "--due", "2026-07-31")
    assert "2026-06/1" in out
    shown = js(mqp, "audits", "show", "1")
    assert shown["status"] == "reported" and shown["reported_on"] == "2026-06-09"
    assert [set(a) for a in shown["action_log"]] == [AUDIT_ACTION_KEYS]
    assert shown["action_log"][0]["number"] == "2026-06/1" and shown["actions"] == 1 and shown["open_actions"] == 1
    # the same action is in 'mqp actions list'
    actions = js(mqp, "actions", "list")
    assert [a["number"] for a in actions] == ["2026-06/1"]
    ok(mqp, "actions", "update", "2026-06/1", "--status", "done", "--at", "2026-06-09")
    assert js(mqp, "audits", "list")[0]["open_actions"] == 0


def test_cancel_and_reinstate_an_audit_and_withdraw_a_case(mqp, audit):
    ok(mqp, "audits", "case-add", "1", "MAA-1", "--agency", "Police")
    ok(mqp, "audits", "case-withdraw", "1", "MAA-1", "--reason", "Entered twice")
    assert js(mqp, "audits", "show", "1")["case_rows"] == []
    withdrawn = js(mqp, "audits", "show", "1", "--withdrawn")["case_rows"]
    assert withdrawn[0]["withdrawn_reason"] == "Entered twice"
    ok(mqp, "audits", "cancel", "1", "--reason", "Merged into another audit")
    assert js(mqp, "audits", "list", "--status", "cancelled")[0]["cancel_reason"] == "Merged into another audit"
    assert js(mqp, "audits", "list", "--status", "planned") == []
    ok(mqp, "audits", "reinstate", "1")
    assert js(mqp, "audits", "show", "1")["status"] == "planned"


def test_the_grading_scale_is_edited_and_a_grade_in_use_only_renamed(mqp, audit):
    grades = js(mqp, "audits", "grades")
    assert [set(g) for g in grades] == [GRADE_KEYS] * 4
    ok(mqp, "audits", "case-add", "1", "MAA-1", "--agency", "Police", "--grade", "requires improvement")
    err = refused(mqp, "audits", "grades", "remove", "requires improvement")
    assert "cannot be removed" in err and "Rename" in err
    ok(mqp, "audits", "grades", "rename", "requires improvement", "Requires improvement to be good")
    shown = js(mqp, "audits", "show", "1")
    assert shown["case_rows"][0]["grade"] == "Requires improvement to be good"
    ok(mqp, "audits", "grades", "add", "Not applicable")
    ok(mqp, "audits", "grades", "move", "not applicable", "--up")
    assert [g["label"] for g in js(mqp, "audits", "grades", "list")][-2:] == ["Not applicable", "Inadequate"]
    ok(mqp, "audits", "grades", "remove", "outstanding")
    assert "Outstanding" not in ok(mqp, "audits", "grades")
    assert "Outstanding" in ok(mqp, "audits", "grades", "--removed")


# --- inspections ----------------------------------------------------------------------------------------

@pytest.fixture
def inspection(mqp):
    ok(mqp, "inspections", "add", "--agency", "LA Children's Services", "--inspectorate", "ofsted", "--type",
       "ILACS standard inspection", "--from", "2026-01-12", "--to", "2026-01-23", "--published", "2026-03-02",
       "--judgement", "Good", "--findings", "Help and protection: good.")
    return js(mqp, "inspections", "show", "1")


def test_an_inspection_is_added_with_its_action_plan_and_reviewed(mqp, inspection):
    assert set(inspection) == INSPECTION_KEYS | {"plan", "review_log"}
    assert inspection["state"] == "awaiting review" and inspection["inspectorate"] == "Ofsted"
    ok(mqp, "inspections", "plan-add", "1", "Return interviews within 72 hours", "--owner", "Missing Lead", "--due",
       "2026-06-01")
    ok(mqp, "inspections", "plan-add", "1", "Audit twenty CIN plans", "--due", "2026-07-01")
    ok(mqp, "inspections", "plan-add", "1", "Relaunch the plan template", "--due", "2026-04-30")
    ok(mqp, "inspections", "plan-done", "3", "--date", "2026-04-28", "--note", "Relaunched")
    shown = js(mqp, "inspections", "show", "1")
    assert [set(p) for p in shown["plan"]] == [PLAN_KEYS] * 3
    assert [(p["action"][:6], p["state"]) for p in shown["plan"]] == [
        ("Relaun", "done"), ("Return", "overdue"), ("Audit ", "due soon")]
    assert shown["plan"][1]["days_overdue"] == 14
    assert (shown["plan_items"], shown["plan_overdue"], shown["plan_due_soon"], shown["plan_done"]) == (3, 1, 1, 1)
    assert shown["state"] == "action plan overdue"
    assert "OVERDUE" in ok(mqp, "inspections", "show", "1")
    assert [r["id"] for r in js(mqp, "inspections", "list", "--state", "action plan overdue")] == [1]
    ok(mqp, "meetings", "add", "--date", "2026-06-09")
    out = ok(mqp, "inspections", "reviewed", "1", "--meeting", "2026-06-09", "--note", "Plan on track",
             "--follow-up", "monitoring", "--next-review", "2026-09-08")
    assert "monitoring the action plan" in out and "08 Sep 2026" in out
    shown = js(mqp, "inspections", "show", "1")
    assert [set(r) for r in shown["review_log"]] == [REVIEW_KEYS]
    assert shown["follow_up"] == "monitoring" and shown["next_review"] == "2026-09-08"
    assert shown["last_reviewed_on"] == "2026-06-09" and shown["reviews"] == 1


def test_plan_items_are_dropped_only_with_a_reason(mqp, inspection):
    ok(mqp, "inspections", "plan-add", "1", "Train team managers", "--due", "2026-09-01")
    assert "why" in refused(mqp, "inspections", "plan-edit", "1", "--status", "dropped")
    ok(mqp, "inspections", "plan-edit", "1", "--status", "dropped", "--notes", "Superseded by the new framework")
    assert js(mqp, "inspections", "show", "1")["plan"][0]["state"] == "dropped"


def test_inspection_input_is_checked(mqp, inspection):
    assert "not an inspectorate" in refused(mqp, "inspections", "add", "--agency", "Police", "--inspectorate",
                                            "the council")
    assert "Name the inspectorate" in refused(mqp, "inspections", "add", "--agency", "Police", "--inspectorate",
                                              "other")
    assert "before the inspection" in refused(mqp, "inspections", "edit", "1", "--published", "2025-12-01")
    assert "not an inspection id" in refused(mqp, "inspections", "show", "Ofsted")
    ok(mqp, "inspections", "add", "--agency", "Education", "--inspectorate", "other", "--inspectorate-name", "Ofqual")
    assert js(mqp, "inspections", "show", "2")["inspectorate_name"] == "Ofqual"
    ok(mqp, "inspections", "edit", "1", "--follow-up", "closed", "--expect-version", "1")
    assert "version 2" in refused(mqp, "inspections", "edit", "1", "--lessons", "x", "--expect-version", "1")
    ok(mqp, "inspections", "withdraw", "2", "--reason", "Recorded twice")
    states = {r["id"]: r["state"] for r in js(mqp, "inspections", "list")}
    assert states == {1: "closed", 2: "withdrawn"}
    assert [r["id"] for r in js(mqp, "inspections", "list", "--agency", "Education")] == [2]


def test_the_demo_through_the_command_line(capsys, demo_db, monkeypatch):
    def run(*args):
        assert main(["--db", str(demo_db), *args]) == 0
        return capsys.readouterr().out

    audits = json.loads(run("audits", "list", "--json"))
    front = next(a for a in audits if a["status"] == "reported")
    assert front["gradings"] == 8 and front["actions"] == 2
    inspections = json.loads(run("inspections", "list", "--json"))
    assert len(inspections) == 2 and sum(i["plan_overdue"] for i in inspections) == 1
    assert "Neglect at the front door" in run("audits", "show", str(front["id"]))

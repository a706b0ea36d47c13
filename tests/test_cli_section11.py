"""``mqp s11 ...`` run in-process on temporary databases, on a fixed 'today'."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mqp_desktop.cli import main
from mqp_desktop.store.sqlite import driver  # the program's SQLite: one library per file in a process

TODAY = dt.date(2025, 12, 10)

FRAMEWORK_KEYS = {"id", "name", "version", "description", "stored", "rounds_using", "standards"}
ROUND_KEYS = {
    "id", "name", "framework", "framework_id", "framework_version", "scale", "issued", "deadline", "panel_dates",
    "agency_ids", "standards", "returns", "received", "reviewed", "overdue", "notes",
}
STATUS_KEYS = {
    "round", "today", "basis", "counts", "returns", "weakest_standards", "overdue_actions",
    "overdue_actions_other_rounds", "comparison",
}
STATUS_RETURN_KEYS = {
    "id", "agency_id", "agency", "status", "issued", "received", "reviewed", "reminders", "lead_name", "lead_email",
    "substitute_name", "substitute_email", "percent",
}
RETURN_KEYS = {
    "id", "round_id", "round", "agency_id", "agency", "status", "issued", "deadline", "received", "reviewed",
    "reminders", "lead_member_id", "lead_name", "lead_email", "substitute_member_id", "substitute_name",
    "substitute_email", "panel_outcome", "notes", "percent", "standards", "ratings", "actions",
}
RATING_KEYS = {
    "standard", "criterion", "self_value", "self_na_reason", "evidence", "improvement", "moderated_value",
    "moderated_na_reason", "panel_comments",
}
ACTION_KEYS = {
    "id", "return_id", "round_id", "round", "agency_id", "agency", "action", "owner", "due", "status", "closed",
    "standard", "notes", "overdue",
}


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "s11.sqlite"


@pytest.fixture
def mqp(capsys, db, monkeypatch):
    """Run ``mqp --db <tmp> ARGS...`` with today = 10 Dec 2025; returns (status, stdout, stderr)."""
    for module in ("section11", "section11_returns"):
        monkeypatch.setattr(f"mqp_desktop.cli.{module}.today", lambda: TODAY)

    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def ok(result) -> str:
    status, out, err = result
    assert status == 0, err
    assert err == ""
    return out


def as_json(result):
    return json.loads(ok(result))


def one_error_line(result) -> str:
    status, _out, err = result
    assert status == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


def table_counts(db: Path) -> dict[str, int]:
    conn = driver.connect(db)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 's11_%'")]
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        counts["change_log"] = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        return counts
    finally:
        conn.close()


@pytest.fixture
def round_2025(mqp):
    """A 0-3 round for LA Children's Services, the ICB and the Police; deadline 1 Dec 2025 (passed)."""
    ok(mqp("s11", "round", "create", "--name", "Section 11 audit 2025-26", "--scale", "score",
           "--agencies", "LA Children's Services,SWL ICB", "--agencies", "Police",
           "--issued", "01/10/2025", "--deadline", "2025-12-01", "--panel", "2026-01-20"))
    return as_json(mqp("s11", "rounds", "--json"))[0]


# --- frameworks and rounds ----------------------------------------------------------------

def test_top_level_help_lists_s11(capsys):
    assert main(["--help"]) == 0
    assert "s11      frameworks|round create|rounds|status|return|rate|action" in capsys.readouterr().out


def test_frameworks_lists_the_shipped_statutory_standards(mqp):
    (fw,) = as_json(mqp("s11", "frameworks", "--json"))
    assert set(fw) == FRAMEWORK_KEYS
    assert (fw["id"], fw["stored"], fw["rounds_using"], fw["version"]) == (None, False, 0, 1)
    assert [s["number"] for s in fw["standards"]] == list(range(1, 9))
    assert fw["standards"][7]["title"] == "Effective information sharing"
    assert {"code", "text"} == set(fw["standards"][0]["criteria"][0])
    out = ok(mqp("s11", "frameworks"))
    assert "Section 11 statutory standards" in out and "8. Effective information sharing" in out


def test_round_create_and_rounds(mqp, round_2025):
    assert set(round_2025) == ROUND_KEYS
    assert round_2025["name"] == "Section 11 audit 2025-26" and round_2025["scale"] == "score"
    assert (round_2025["issued"], round_2025["deadline"], round_2025["panel_dates"]) == (
        "2025-10-01", "2025-12-01", ["2026-01-20"])
    assert (round_2025["returns"], round_2025["standards"], round_2025["overdue"]) == (3, 8, 3)
    assert len(round_2025["agency_ids"]) == 3
    (fw,) = as_json(mqp("s11", "frameworks", "--json"))
    assert fw["stored"] and fw["rounds_using"] == 1
    out = ok(mqp("s11", "rounds"))
    assert "Section 11 audit 2025-26" in out and "01 Oct 2025" in out


def test_round_create_for_all_agencies_on_percent(mqp):
    out = ok(mqp("s11", "round", "create", "--name", "All", "--scale", "percent", "--agencies", "all",
                 "--issued", "2025-10-01", "--deadline", "2025-12-01"))
    assert "percentage scale" in out
    (rnd,) = as_json(mqp("s11", "rounds", "--json"))
    assert rnd["returns"] == 15  # every agency of the template


def test_status_on_a_fixed_day(mqp, round_2025):
    data = as_json(mqp("s11", "status", "--json"))
    assert set(data) == STATUS_KEYS
    assert data["today"] == "2025-12-10" and data["basis"] == "effective"
    assert data["counts"] == {"not issued": 0, "outstanding": 0, "overdue": 3, "received": 0, "reviewed": 0}
    assert all(set(r) == STATUS_RETURN_KEYS for r in data["returns"])
    assert [w["mean_percent"] for w in data["weakest_standards"]] == [None] * 8
    assert data["comparison"] is None and data["overdue_actions"] == []
    text = ok(mqp("s11", "status"))
    assert "3 returns asked: 3 overdue" in text and "(no ratings yet)" in text


def test_a_return_from_reminder_to_review(mqp, round_2025, db):
    ok(mqp("s11", "return", "remind", "Police", "--date", "2025-12-03", "--note", "email"))
    ok(mqp("s11", "return", "remind", "Police"))  # today
    ok(mqp("s11", "return", "receive", "Police", "--date", "08/12/2025"))
    ok(mqp("s11", "rate", "Police", "--standard", "5", "--self", "2", "--evidence", "Training matrix",
           "--improvement", "Refresher completion 70%"))
    ok(mqp("s11", "rate", "Police", "--standard", "8", "--criterion", "2", "--self", "1"))
    ok(mqp("s11", "return", "review", "Police", "--date", "2025-12-09", "--outcome", "Accepted with actions"))
    out = ok(mqp("s11", "rate", "Police", "--standard", "5", "--moderated", "1", "--comments", "No figures"))
    assert "standard 5 self 2, moderated 1" in out
    data = as_json(mqp("s11", "return", "show", "Police", "--json"))
    assert set(data) == RETURN_KEYS
    assert data["status"] == "reviewed"
    assert [m["sent_on"] for m in data["reminders"]] == ["2025-12-03", "2025-12-10"]
    assert (data["received"], data["reviewed"], data["panel_outcome"]) == ("2025-12-08", "2025-12-09", "Accepted with actions")
    assert all(set(r) == RATING_KEYS for r in data["ratings"])
    assert [(r["standard"], r["criterion"], r["self_value"], r["moderated_value"]) for r in data["ratings"]] == [
        (5, "", "2", "1"), (8, "8.2", "1", None)]
    by_std = {s["number"]: s for s in data["standards"]}
    # standard 5: self 2/3 = 66.7%, moderated 1/3 = 33.3%; 8 from 8.2 alone: 1/3 = 33.3%
    assert (by_std[5]["self_percent"], by_std[5]["moderated_percent"], by_std[5]["percent"]) == (66.7, 33.3, 33.3)
    assert by_std[8]["percent"] == 33.3 and by_std[1]["percent"] is None
    assert data["percent"] == 33.3
    # the same return by id
    assert as_json(mqp("s11", "return", "show", str(data["id"]), "--json")) == data
    status = as_json(mqp("s11", "status", "--json"))
    assert status["counts"]["reviewed"] == 1 and status["counts"]["overdue"] == 2
    assert [w["number"] for w in status["weakest_standards"][:2]] == [5, 8]
    history = as_json(mqp("history", "--json", "--limit", "20"))
    assert {h["entity"] for h in history} >= {"s11_return", "s11_rating", "s11_round"}


def test_action_plan_commands(mqp, round_2025):
    out = ok(mqp("s11", "action", "add", "SWL ICB", "--action", "Sign the agreement", "--owner", "Designated Nurse",
                 "--due", "2025-12-05", "--standard", "8"))
    assert "action" in out and "due 05 Dec 2025" in out
    ok(mqp("s11", "action", "add", "Police", "--action", "Refresh training", "--due", "2026-03-31"))
    actions = as_json(mqp("s11", "action", "list", "--json"))
    assert all(set(a) == ACTION_KEYS for a in actions)
    assert [(a["agency"], a["overdue"], a["standard"]) for a in actions] == [("SWL ICB", True, 8), ("Police", False, None)]
    overdue = as_json(mqp("s11", "action", "list", "--overdue", "--json"))
    assert [a["action"] for a in overdue] == ["Sign the agreement"]
    status = as_json(mqp("s11", "status", "--json"))
    assert [a["action"] for a in status["overdue_actions"]] == ["Sign the agreement"]
    first = overdue[0]["id"]
    ok(mqp("s11", "action", "update", str(first), "--status", "done"))
    done = as_json(mqp("s11", "action", "list", "--return", "SWL ICB", "--json"))[0]
    assert (done["status"], done["closed"], done["overdue"]) == ("done", "2025-12-10", False)
    ok(mqp("s11", "action", "update", str(first), "--status", "in progress", "--due", "2026-01-31"))
    again = as_json(mqp("s11", "action", "list", "--return", "SWL ICB", "--json"))[0]
    assert (again["status"], again["closed"], again["due"]) == ("in progress", None, "2026-01-31")
    assert as_json(mqp("s11", "action", "list", "--overdue", "--all-rounds", "--json")) == []
    assert "2 actions" in ok(mqp("s11", "action", "list", "--open"))


def test_percent_round_not_applicable(mqp):
    ok(mqp("s11", "round", "create", "--name", "P", "--scale", "percent", "--agencies", "Police",
           "--issued", "2025-10-01", "--deadline", "2025-12-01"))
    line = one_error_line(mqp("s11", "rate", "Police", "--standard", "6", "--self", "n/a"))
    assert "give the reason it does not apply" in line
    ok(mqp("s11", "rate", "Police", "--standard", "6", "--self", "n/a", "--na-reason", "No recruitment this year"))
    ok(mqp("s11", "rate", "Police", "--standard", "1", "--self", "80%"))
    ok(mqp("s11", "rate", "Police", "--standard", "2", "--self", "45"))
    data = as_json(mqp("s11", "status", "--json"))
    assert data["returns"][0]["percent"] == 62.5  # (80 + 45) / 2, n/a left out
    assert data["weakest_standards"][-1]["number"] in {3, 4, 5, 6, 7, 8}


def test_comparison_with_the_previous_round(mqp):
    for name, issued, deadline, value in (("2024", "2024-10-01", "2024-12-01", "1"), ("2025", "2025-10-01", "2025-12-01", "3")):
        ok(mqp("s11", "round", "create", "--name", name, "--scale", "rag" if name == "2024" else "score",
               "--agencies", "Police", "--issued", issued, "--deadline", deadline))
        rag = {"1": "amber"}.get(value, value)
        ok(mqp("s11", "rate", "Police", "--round", name, "--standard", "1", "--self", rag))
    data = as_json(mqp("s11", "status", "--json"))
    # amber (50%) last round -> 3 of 3 (100%) now: improved; the other 7 standards unrated
    assert data["comparison"] == {"previous_round": "2024", "improved": 1, "same": 0, "worse": 0, "not_comparable": 7}
    assert "1 improved" in ok(mqp("s11", "status"))
    old = as_json(mqp("s11", "status", "--round", "2024", "--json"))
    assert old["round"]["name"] == "2024" and old["comparison"] is None


# --- refusals: one line, exit 1, nothing written ------------------------------------------

@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("s11", "rate", "Police", "--standard", "5", "--self", "4"), "not on the 0-3 score scale"),
        (("s11", "rate", "Police", "--standard", "5", "--self", "green"), "not on the 0-3 score scale"),
        (("s11", "rate", "Police", "--standard", "9", "--self", "1"), "no standard 9"),
        (("s11", "rate", "Police", "--standard", "5", "--criterion", "5.9", "--self", "1"), "no sub-criterion"),
        (("s11", "rate", "Police", "--standard", "5"), "Give --self VALUE or --moderated VALUE"),
        (("s11", "rate", "Housing", "--standard", "5", "--self", "1"), "was not asked for a return"),
        (("s11", "rate", "Nowhere", "--standard", "5", "--self", "1"), "there is no agency 'Nowhere'"),
        (("s11", "rate", "999", "--standard", "5", "--self", "1"), "no Section 11 return with id 999"),
        (("s11", "status", "--round", "1999"), "no Section 11 round '1999'"),
        (("s11", "status", "--basis", "gut"), "not a basis"),
        (("s11", "return", "review", "Police"), "before it is received"),
        (("s11", "return", "remind", "Police", "--date", "2025-09-01"), "before the return was issued"),
        (("s11", "return", "receive", "Police", "--date", "31/02/2025"), "is not a date"),
        (("s11", "return", "edit", "Police", "--lead-email", "nope"), "not a valid email"),
        (("s11", "return", "edit", "Police"), "Nothing to change"),
        (("s11", "action", "add", "Police", "--action", "x", "--standard", "12"), "no standard 12"),
        (("s11", "action", "update", "999", "--status", "done"), "no Section 11 action with id 999"),
        (("s11", "round", "create", "--name", "Section 11 audit 2025-26", "--scale", "rag", "--agencies", "1",
          "--deadline", "2026-01-01"), "already a round called"),
        (("s11", "round", "create", "--name", "X", "--scale", "stars", "--agencies", "1", "--deadline", "2026-01-01"),
         "not a rating scale"),
        (("s11", "round", "create", "--name", "X", "--scale", "rag", "--agencies", "1", "--issued", "2026-01-01",
          "--deadline", "2025-01-01"), "before the issue date"),
        (("s11", "round", "create", "--name", "X", "--scale", "rag", "--agencies", "1", "--deadline", "2026-01-01",
          "--framework", "Local standards"), "no Section 11 framework 'Local standards'"),
    ],
)
def test_refusals_are_one_line_and_change_nothing(mqp, round_2025, db, args, message):
    before = table_counts(db)
    line = one_error_line(mqp(*args))
    assert message in line
    assert table_counts(db) == before


def test_a_return_of_another_round_is_refused(mqp, round_2025):
    ok(mqp("s11", "round", "create", "--name", "Other", "--scale", "rag", "--agencies", "Police",
           "--issued", "2025-11-01", "--deadline", "2026-01-01"))
    first = as_json(mqp("s11", "status", "--round", "Section 11 audit 2025-26", "--json"))["returns"][0]["id"]
    line = one_error_line(mqp("s11", "return", "show", str(first), "--round", "Other"))
    assert "is not in the round 'Other'" in line


def test_no_rounds_yet(mqp):
    assert "create one with 'mqp s11 round create'" in one_error_line(mqp("s11", "status"))
    assert "No Section 11 rounds yet" in ok(mqp("s11", "rounds"))
    assert as_json(mqp("s11", "rounds", "--json")) == []


def test_demo_database_status(capsys, tmp_path):
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "s11", "status", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["overdue"] >= 2 and data["counts"]["reviewed"] >= 5
    assert {w["number"] for w in data["weakest_standards"][:2]} == {5, 8}
    assert data["comparison"]["improved"] > 0 and data["comparison"]["worse"] > 0
    assert data["overdue_actions"] and data["overdue_actions_other_rounds"] > 0

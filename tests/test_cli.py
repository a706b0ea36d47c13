"""The ``mqp`` command line, run in-process through ``main([...])`` on temporary databases."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from mqp_desktop.cli import build_parser, main
from mqp_desktop.store import seed
from tests.conftest import ROOT
from mqp_desktop.store.sqlite import driver  # the program's SQLite: one library per file in a process

MEMBER_KEYS = {
    "id", "name", "role_title", "agency_id", "agency", "agency_short_name", "email", "phone",
    "decision_maker", "deputy_name", "deputy_email", "start_date", "end_date", "end_reason",
    "notes", "active", "vacant", "office", "version",
}
AGENCY_KEYS = {
    "id", "name", "short_name", "statutory", "partner_class", "start_date", "end_date", "active",
    "notes", "member_count", "version",
}


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "register.sqlite"


@pytest.fixture
def mqp(capsys, db):
    """Run ``mqp --db <tmp> ARGS...``; returns (exit status, stdout, stderr)."""

    def run(*args: str, use_db: bool = True):
        argv = (["--db", str(db)] if use_db else []) + list(args)
        status = main(argv)
        out, err = capsys.readouterr()
        return status, out, err

    return run


def as_json(result):
    status, out, err = result
    assert status == 0, err
    return json.loads(out)


def one_error_line(result) -> str:
    status, _out, err = result
    assert status == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mqp: error: ")
    assert "Traceback" not in err
    return lines[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the entry point --------------------------------------------------------------------------

def test_python_dash_m_help_runs_as_a_program():
    proc = subprocess.run([sys.executable, "-m", "mqp_desktop.cli", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage: mqp")
    for command in ("init", "agencies", "members", "rules", "warnings", "history", "info"):
        assert command in proc.stdout


def test_qt_is_not_loaded_when_db_is_given(tmp_path):
    code = (
        "import sys; from mqp_desktop.cli import main; "
        f"rc = main(['--db', {str(tmp_path / 'x.sqlite')!r}, 'members', 'list', '--json']); "
        "assert rc == 0, rc; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_default_database_is_the_guis(mqp, _isolated_user_folders):
    status, out, _ = mqp("info", "--json", use_db=False)
    assert status == 0
    info = json.loads(out)
    assert Path(info["path"]).name == "mqp.sqlite"
    assert Path(info["path"]).is_relative_to(_isolated_user_folders)


def _leaf_parsers(parser: argparse.ArgumentParser, path=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _leaf_parsers(sub, path + (name,))
            return
    yield path, parser


LEAVES = list(_leaf_parsers(build_parser()))


@pytest.mark.parametrize("path", [p for p, _ in LEAVES], ids=lambda p: " ".join(p))
def test_every_command_help_documents_every_option_with_an_example(capsys, path):
    parser = dict(LEAVES)[path]
    assert main([*path, "--help"]) == 0
    out = capsys.readouterr().out
    for action in parser._actions:
        for option in action.option_strings:
            assert option in out, f"{' '.join(path)} --help does not mention {option}"
        if action.help is not argparse.SUPPRESS:
            assert action.help, f"{' '.join(path)}: {action.dest} has no help"
    assert "mqp " + " ".join(path) in out.split("example", 1)[1], "no example in the epilog"
    assert "--db" in out


def test_top_level_help_documents_json_keys_and_exit_status(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in ("agency_id", "role_title", "decision_maker", "start_date", "exit status", "--db"):
        assert word in out


def test_usage_errors_exit_2(mqp):
    status, _, err = mqp("members", "frobnicate")
    assert status == 2
    assert "invalid choice" in err
    assert mqp("rules", "quorum", "all-of", "--any")[0] == 2
    assert mqp("members", "show", "twelve")[0] == 2


def test_db_option_before_or_after_the_command(mqp, db, tmp_path):
    other = tmp_path / "other.sqlite"
    assert mqp("init", "--template", "blank", "--db", str(other))[0] == 0
    rules = as_json(mqp("rules", "show", "--json", "--db", str(other)))
    assert rules["name"] == "New subcommittee"
    assert as_json(mqp("rules", "show", "--json"))["short_name"] == "MQ&P"  # --db before: the default template


# --- init, templates, demo, info --------------------------------------------------------------

@pytest.mark.parametrize("template", list(seed.available_templates()))
def test_init_with_each_template(mqp, db, template):
    status, out, err = mqp("init", "--template", template)
    assert status == 0, err
    assert template in out
    data = seed.load_template(template)
    rules = as_json(mqp("rules", "show", "--json"))
    assert rules["name"] == data["subcommittee"]["name"]
    assert rules["quorum_rule"]["count"] == data["subcommittee"]["quorum_rule"]["count"]
    agencies = as_json(mqp("agencies", "list", "--json"))
    assert [a["name"] for a in agencies] == sorted((a["name"] for a in data["agencies"]), key=str.lower)
    seats = sum(len(a.get("seats", [])) for a in data["agencies"])
    assert len(as_json(mqp("members", "list", "--json"))) == seats


def test_init_refuses_a_database_that_has_a_subcommittee(mqp, db):
    assert mqp("init", "--template", "blank")[0] == 0
    before = sha(db)
    line = one_error_line(mqp("init"))
    assert "already holds the subcommittee 'New subcommittee'" in line
    assert str(db) in line
    assert sha(db) == before


def test_init_unknown_template_names_the_choices(mqp, db):
    line = one_error_line(mqp("init", "--template", "nowhere"))
    assert "'nowhere'" in line and "blank" in line and "wandsworth-mqp" in line
    assert not db.exists()


def test_templates_listed(mqp):
    listed = as_json(mqp("templates", "--json"))
    assert {t["name"] for t in listed} == set(seed.available_templates())
    assert [t["name"] for t in listed if t["default"]] == [seed.DEFAULT_TEMPLATE]
    status, out, _ = mqp("init", "--list-templates")
    assert status == 0 and "blank" in out and "wandsworth-mqp" in out


def test_first_use_creates_and_seeds_the_database(mqp, db):
    assert not db.exists()
    agencies = as_json(mqp("agencies", "list", "--json"))
    assert db.exists()
    assert {"LA Children's Services", "SWL ICB", "Police"} <= {a["short_name"] for a in agencies if a["statutory"]}
    assert set(agencies[0]) == AGENCY_KEYS


def test_demo_database(mqp, db):
    status, out, err = mqp("demo")
    assert status == 0, err
    members = as_json(mqp("members", "list", "--json"))
    assert sum(not m["vacant"] for m in members) >= 10
    assert {m["office"] for m in members} >= {"chair", "co-chair"}
    line = one_error_line(mqp("demo"))
    assert "--replace" in line
    assert mqp("members", "add", "--name", "Extra Person", "--role", "Extra", "--agency", "1")[0] == 0
    assert mqp("demo", "--replace")[0] == 0
    assert "Extra Person" not in {m["name"] for m in as_json(mqp("members", "list", "--json"))}


def test_info(mqp, db):
    mqp("init")
    info = as_json(mqp("info", "--json"))
    assert info["path"] == str(db.resolve())
    assert info["schema_version"] == info["latest_schema_version"] >= 1
    assert info["subcommittee"] == "Monitoring, Quality & Performance Subcommittee"
    assert info["members_active"] == 0 and info["vacant_seats"] == info["members"] > 0
    assert info["agencies"] == info["agencies_active"] == 15
    assert info["changes"] > 0
    status, out, _ = mqp("info")
    assert status == 0 and str(db.resolve()) in out and "Schema version" in out


# --- agencies -----------------------------------------------------------------------------------

def test_agencies_add_edit_end_reinstate(mqp):
    mqp("init", "--template", "blank")
    status, out, err = mqp("agencies", "add", "--name", "Anytown Police", "--short-name", "Police",
                           "--statutory", "--partner-class", "lead", "--start", "01/04/2024", "--notes", "BCU")
    assert status == 0, err
    assert "Added agency 1: Anytown Police (Police), statutory, lead safeguarding partner." in out
    [agency] = as_json(mqp("agencies", "list", "--json"))
    assert agency == {
        "id": 1, "name": "Anytown Police", "short_name": "Police", "statutory": True,
        "partner_class": "lead safeguarding partner", "start_date": "2024-04-01", "end_date": None,
        "active": True, "notes": "BCU", "member_count": 0, "version": 1,
    }
    assert mqp("agencies", "edit", "Police", "--not-statutory", "--partner-class", "other", "--name", "Anytown Met")[0] == 0
    [agency] = as_json(mqp("agencies", "list", "--json"))
    assert (agency["name"], agency["statutory"], agency["partner_class"]) == ("Anytown Met", False, "other")

    assert mqp("agencies", "end", "1", "--date", "2024-12-31", "--reason", "merged")[0] == 0
    assert as_json(mqp("agencies", "list", "--json")) == []
    [ended] = as_json(mqp("agencies", "list", "--all", "--json"))
    assert ended["end_date"] == "2024-12-31" and ended["active"] is False
    assert "merged" in ended["notes"]
    status, out, _ = mqp("agencies", "list", "--all")
    assert status == 0 and "31 Dec 2024" in out and "Anytown Met" in out

    assert mqp("agencies", "reinstate", "1")[0] == 0
    assert as_json(mqp("agencies", "list", "--json"))[0]["end_date"] is None
    assert "has not ended" in one_error_line(mqp("agencies", "reinstate", "1"))


def test_agency_errors(mqp):
    mqp("init")
    assert "already an agency called" in one_error_line(mqp("agencies", "add", "--name", "Housing"))
    assert "not a partner class" in one_error_line(mqp("agencies", "add", "--name", "X", "--partner-class", "big"))
    assert "no agency 'Atlantis'" in one_error_line(mqp("agencies", "edit", "Atlantis", "--statutory"))
    assert "Nothing to change" in one_error_line(mqp("agencies", "edit", "Housing"))


# --- members ------------------------------------------------------------------------------------

def _blank_with_agencies(mqp):
    mqp("init", "--template", "blank")
    mqp("agencies", "add", "--name", "Anytown Children's Services", "--short-name", "LA", "--statutory")
    mqp("agencies", "add", "--name", "Anytown Police", "--short-name", "Police", "--statutory")
    mqp("agencies", "add", "--name", "Anytown Schools", "--short-name", "Schools")


def test_members_add_show_edit_end_reinstate(mqp):
    _blank_with_agencies(mqp)
    status, out, err = mqp(
        "members", "add", "--name", "Sam Patel", "--role", "Head of Safeguarding", "--agency", "LA",
        "--email", "sam.patel@anytown.gov.uk", "--phone", "020 8871 6000", "--deputy-name", "Jo Bloggs",
        "--deputy-email", "jo.bloggs@anytown.gov.uk", "--start", "06/01/2025", "--notes", "Joined from Kent",
    )
    assert status == 0, err
    assert out.startswith("Added member 1: Sam Patel, Head of Safeguarding (LA)")
    member = as_json(mqp("members", "show", "1", "--json"))
    assert set(member) == MEMBER_KEYS
    assert member == {
        "id": 1, "name": "Sam Patel", "role_title": "Head of Safeguarding", "agency_id": 1,
        "agency": "Anytown Children's Services", "agency_short_name": "LA",
        "email": "sam.patel@anytown.gov.uk", "phone": "020 8871 6000", "decision_maker": True,
        "deputy_name": "Jo Bloggs", "deputy_email": "jo.bloggs@anytown.gov.uk", "start_date": "2025-01-06",
        "end_date": None, "end_reason": "", "notes": "Joined from Kent", "active": True, "vacant": False,
        "office": None, "version": 1,
    }
    # a representative, and a seat without a name (start defaults to today)
    assert mqp("members", "add", "--name", "Ann Lee", "--role", "Headteacher", "--agency", "Anytown Schools",
               "--representative")[0] == 0
    assert mqp("members", "add", "--role", "Detective Inspector", "--agency", "2")[0] == 0
    listed = as_json(mqp("members", "list", "--json"))
    by_id = {m["id"]: m for m in listed}
    assert by_id[2]["decision_maker"] is False and by_id[2]["start_date"] == dt.date.today().isoformat()
    assert by_id[3]["vacant"] is True and by_id[3]["name"] == ""

    assert mqp("members", "edit", "3", "--name", "DI Ray Holt", "--email", "ray.holt@police.example.uk")[0] == 0
    assert as_json(mqp("members", "show", "3", "--json"))["vacant"] is False
    assert mqp("members", "edit", "2", "--decision-maker", "--agency", "Police", "--email", "")[0] == 0
    ann = as_json(mqp("members", "show", "2", "--json"))
    assert (ann["decision_maker"], ann["agency"], ann["email"]) == (True, "Anytown Police", "")

    status, out, _ = mqp("members", "show", "1")
    assert status == 0 and "Jo Bloggs <jo.bloggs@anytown.gov.uk>" in out and "History" in out

    status, out, _ = mqp("members", "end", "1", "--date", "2025-03-31", "--reason", "retired")
    assert status == 0 and "ended 31 Mar 2025" in out
    current = {m["id"] for m in as_json(mqp("members", "list", "--json"))}
    assert current == {2, 3}
    ended = as_json(mqp("members", "list", "--ended", "--json"))
    assert [(m["id"], m["end_date"], m["end_reason"], m["active"]) for m in ended] == [(1, "2025-03-31", "retired", False)]
    assert {m["id"] for m in as_json(mqp("members", "list", "--all", "--json"))} == {1, 2, 3}
    assert "already ended" in one_error_line(mqp("members", "end", "1"))

    assert mqp("members", "reinstate", "1")[0] == 0
    sam = as_json(mqp("members", "show", "1", "--json"))
    assert (sam["end_date"], sam["end_reason"]) == (None, "")


def test_members_end_defaults_to_today(mqp):
    _blank_with_agencies(mqp)
    mqp("members", "add", "--name", "Sam Patel", "--role", "Head", "--agency", "LA", "--start", "2020-01-01")
    assert mqp("members", "end", "1")[0] == 0
    assert as_json(mqp("members", "show", "1", "--json"))["end_date"] == dt.date.today().isoformat()


def test_members_list_by_agency_and_table(mqp):
    mqp("demo")
    police = as_json(mqp("members", "list", "--agency", "Police", "--json"))
    assert police and {m["agency_short_name"] for m in police} == {"Police"}
    assert all(m["end_date"] is None for m in police)
    status, out, _ = mqp("members", "list")
    assert status == 0
    header = out.splitlines()[0]
    assert header.split() == ["ID", "Name", "Post", "Agency", "Decides", "Email", "Start"]
    assert "[chair]" in out and "[co-chair]" in out
    # columns line up: every row's Post column starts where the header's does
    col = header.index("Post")
    rows = out.strip().splitlines()[2:-2]
    assert all(r[col - 2 : col] == "  " for r in rows)
    assert "No members match" in mqp("members", "list", "--agency", "Housing", "--ended")[1]


def test_member_input_errors_are_one_line_and_change_nothing(mqp, db):
    _blank_with_agencies(mqp)
    before = sha(db)
    line = one_error_line(mqp("members", "add", "--name", "X Y", "--role", "Head", "--agency", "LA",
                              "--email", "x.y@@anytown"))
    assert "'x.y@@anytown' is not a valid email address" in line
    line = one_error_line(mqp("members", "add", "--name", "X Y", "--role", "Head", "--agency", "LA",
                              "--start", "31/02/2025"))
    assert "'31/02/2025' is not a date" in line and "DD/MM/YYYY" in line
    line = one_error_line(mqp("members", "add", "--name", "X Y", "--role", "Head", "--agency", "Atlantis"))
    assert "--agency: there is no agency 'Atlantis'" in line and "1=LA" in line
    line = one_error_line(mqp("members", "add", "--name", "X Y", "--role", "Head", "--agency", "LA",
                              "--phone", "call me"))
    assert "'call me' is not a phone number" in line
    line = one_error_line(mqp("members", "add", "--name", "X Y", "--role", " ", "--agency", "LA"))
    assert "post or role title is required" in line
    assert "no member with id 42" in one_error_line(mqp("members", "show", "42"))
    assert "no member with id 42" in one_error_line(mqp("members", "end", "42"))
    assert "no member with id 42" in one_error_line(mqp("members", "edit", "42", "--phone", "020 8871 6000"))
    assert sha(db) == before
    assert as_json(mqp("members", "list", "--all", "--json")) == []


def test_end_before_start_is_refused(mqp):
    _blank_with_agencies(mqp)
    mqp("members", "add", "--name", "Sam Patel", "--role", "Head", "--agency", "LA", "--start", "2025-06-01")
    line = one_error_line(mqp("members", "end", "1", "--date", "2025-01-01"))
    assert "ends (01/01/2025) before it starts (01/06/2025)" in line


# --- rules --------------------------------------------------------------------------------------

def test_rules_show_in_words(mqp):
    mqp("demo")
    status, out, _ = mqp("rules", "show")
    assert status == 0
    assert "Quorate when at least 3 statutory agencies are present; if not, the chair decides" in out
    assert "every 2 months (bi-monthly)" in out and "80%" in out
    rules = as_json(mqp("rules", "show", "--json"))
    chair = rules["chair"]
    assert chair["member_id"] and chair["name"] and chair["appointed"] and chair["review_due"]
    assert dt.date.fromisoformat(chair["review_due"]) > dt.date.today()
    assert rules["co_chair"]["member_id"] not in (None, chair["member_id"])


def test_rules_set_every_setting(mqp):
    _blank_with_agencies(mqp)
    mqp("members", "add", "--name", "Sam Patel", "--role", "Head", "--agency", "LA")
    mqp("members", "add", "--name", "Ray Holt", "--role", "DI", "--agency", "Police")
    status, out, err = mqp(
        "rules", "set", "--name", "Quality Assurance Subcommittee", "--short-name", "QA",
        "--partnership", "Anytown Safeguarding Children Partnership", "--reporting-line", "ASCP Executive",
        "--frequency", "6-weeks", "--attendance-standard", "75%", "--tor-version", "v2 (2025)",
        "--tor-signed-off", "31/01/2025", "--tor-review-due", "2026-01-31",
        "--chair", "1", "--chair-appointed", "2025-02-01", "--chair-review-due", "2026-02-01",
        "--co-chair", "2", "--co-chair-appointed", "01/03/2025", "--co-chair-review-due", "01/03/2026",
        "--must-reconvene",
    )
    assert status == 0, err
    assert out.startswith("Saved.")
    rules = as_json(mqp("rules", "show", "--json"))
    assert {k: rules[k] for k in (
        "name", "short_name", "partnership", "reporting_line", "frequency_interval", "frequency_unit",
        "frequency", "attendance_standard", "tor_version", "tor_signed_off", "tor_review_due", "chair", "co_chair",
    )} == {
        "name": "Quality Assurance Subcommittee", "short_name": "QA",
        "partnership": "Anytown Safeguarding Children Partnership", "reporting_line": "ASCP Executive",
        "frequency_interval": 6, "frequency_unit": "weeks", "frequency": "every 6 weeks",
        "attendance_standard": 75, "tor_version": "v2 (2025)", "tor_signed_off": "2025-01-31",
        "tor_review_due": "2026-01-31",
        "chair": {"member_id": 1, "name": "Sam Patel", "appointed": "2025-02-01", "review_due": "2026-02-01"},
        "co_chair": {"member_id": 2, "name": "Ray Holt", "appointed": "2025-03-01", "review_due": "2026-03-01"},
    }
    assert rules["quorum_rule"]["chair_may_proceed"] is False
    assert mqp("rules", "set", "--chair-may-proceed")[0] == 0
    assert as_json(mqp("rules", "show", "--json"))["quorum_rule"]["chair_may_proceed"] is True
    # clearing: a date with '', an office with 'none'
    assert mqp("rules", "set", "--tor-review-due", "", "--co-chair", "none")[0] == 0
    rules = as_json(mqp("rules", "show", "--json"))
    assert rules["tor_review_due"] is None
    assert rules["co_chair"] == {"member_id": None, "name": None, "appointed": None, "review_due": None}
    # a new chair without dates: appointed today, reviewed a year later (ToR 2)
    status, out, _ = mqp("rules", "set", "--chair", "2")
    assert "appointed today" in out
    chair = as_json(mqp("rules", "show", "--json"))["chair"]
    today = dt.date.today()
    assert chair["appointed"] == today.isoformat()
    assert dt.date.fromisoformat(chair["review_due"]) - today in (dt.timedelta(days=365), dt.timedelta(days=366))
    # with a review interval of 6 months set, a new co-chair is reviewed 6 months on
    assert mqp("settings", "set", "review_interval_months", "6")[0] == 0
    status, out, err = mqp("rules", "set", "--co-chair", "1")
    assert status == 0, err
    co_chair = as_json(mqp("rules", "show", "--json"))["co_chair"]
    months = (dt.date.fromisoformat(co_chair["review_due"]).year - today.year) * 12 \
        + dt.date.fromisoformat(co_chair["review_due"]).month - today.month
    assert months == 6
    status, out, _ = mqp("rules", "set", "--frequency", "quarterly")
    assert "quarterly" in out
    assert "No change" in mqp("rules", "set", "--frequency", "3-months")[1]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["at-least", "3", "--statutory"],
         {"kind": "at_least", "count": 3, "agency_set": "statutory", "agency_ids": [], "chair_may_proceed": True},
         ),
        (["at-least", "2", "--any", "--must-reconvene"],
         {"kind": "at_least", "count": 2, "agency_set": "any", "agency_ids": [], "chair_may_proceed": False}),
        (["at-least", "2", "--agencies", "1,Police", "--agencies", "Anytown Schools"],
         {"kind": "at_least", "count": 2, "agency_set": "named", "agency_ids": [1, 2, 3], "chair_may_proceed": True}),
        (["all-of", "--statutory", "--must-reconvene"],
         {"kind": "all_of", "agency_set": "statutory", "agency_ids": [], "chair_may_proceed": False}),
        (["all-of", "--agencies", "LA,2", "--chair-may-proceed"],
         {"kind": "all_of", "agency_set": "named", "agency_ids": [1, 2], "chair_may_proceed": True}),
    ],
    ids=["at-least-statutory", "at-least-any", "at-least-named", "all-of-statutory", "all-of-named"],
)
def test_rules_quorum_every_kind(mqp, args, expected):
    _blank_with_agencies(mqp)
    mqp("rules", "quorum", "at-least", "1", "--any", "--must-reconvene")  # a different starting point
    mqp("rules", "set", "--chair-may-proceed")
    status, out, err = mqp("rules", "quorum", *args)
    assert status == 0, err
    rule = as_json(mqp("rules", "show", "--json"))["quorum_rule"]
    assert {k: rule[k] for k in expected} == expected
    assert rule["description"] in out
    assert rule["description"].startswith("Quorate when")
    if expected["agency_set"] == "named":
        names = {1: "Anytown Children's Services", 2: "Anytown Police", 3: "Anytown Schools"}
        assert rule["agencies"] == [names[i] for i in expected["agency_ids"]]
        assert all(names[i] in rule["description"] for i in expected["agency_ids"])


def test_rules_errors(mqp, db):
    _blank_with_agencies(mqp)
    mqp("members", "add", "--name", "Sam Patel", "--role", "Head", "--agency", "LA")
    before = sha(db)
    assert "at least 1" in one_error_line(mqp("rules", "quorum", "at-least", "0", "--statutory"))
    assert "can never be met" in one_error_line(mqp("rules", "quorum", "at-least", "3", "--agencies", "1,2"))
    assert "no agency 'Narnia'" in one_error_line(mqp("rules", "quorum", "all-of", "--agencies", "1,Narnia"))
    assert "'often' is not a meeting frequency" in one_error_line(mqp("rules", "set", "--frequency", "often"))
    assert "0 to 100" in one_error_line(mqp("rules", "set", "--attendance-standard", "120"))
    assert "different people" in one_error_line(mqp("rules", "set", "--chair", "1", "--co-chair", "1"))
    assert "no member with id 9" in one_error_line(mqp("rules", "set", "--chair", "9"))
    assert "not a member id" in one_error_line(mqp("rules", "set", "--chair", "Sam"))
    assert "Nothing to change" in one_error_line(mqp("rules", "set"))
    assert "name is required" in one_error_line(mqp("rules", "set", "--name", ""))
    assert sha(db) == before


def test_rules_note_when_a_rule_cannot_be_met_yet(mqp):
    _blank_with_agencies(mqp)
    status, out, _ = mqp("rules", "quorum", "at-least", "3", "--statutory")
    assert status == 0 and "only 2 statutory agencies are active" in out


# --- warnings and history ---------------------------------------------------------------------

def test_warnings(mqp):
    _blank_with_agencies(mqp)
    mqp("members", "add", "--name", "Sam Patel", "--role", "Head", "--agency", "LA")
    mqp("members", "add", "--name", "Kim Ode", "--role", "Deputy head", "--agency", "LA", "--email", "kim@la.example.gov.uk")
    warnings = as_json(mqp("warnings", "--json"))
    assert set(warnings[0]) == {"code", "kind", "message", "clause", "agency_id", "member_id"}
    codes = {(w["code"], w["agency_id"], w["member_id"]) for w in warnings}
    assert ("no_chair", None, None) in codes
    assert ("agency_multiple_voters", 1, None) in codes
    assert ("agency_unrepresented", 2, None) in codes
    assert ("member_no_email", 1, 1) in codes
    status, out, _ = mqp("warnings")
    assert status == 0 and "ToR 4" in out and "Sam Patel has no email address" in out
    assert f"{len(warnings)} warnings." in out


def test_history_records_cli_changes(mqp):
    _blank_with_agencies(mqp)
    mqp("members", "add", "--name", "Sam Patel", "--role", "Head", "--agency", "LA")
    mqp("members", "edit", "1", "--email", "sam@la.example.gov.uk")
    mqp("members", "end", "1", "--date", "2030-01-01")
    mqp("rules", "set", "--attendance-standard", "70")
    history = as_json(mqp("history", "--json"))
    assert set(history[0]) == {"id", "at", "user", "host", "entity", "entity_id", "action", "summary", "changes"}
    newest = history[0]
    assert (newest["entity"], newest["action"], newest["changes"]) == (
        "subcommittee", "edited", {"attendance_standard": [80, 70]})
    member = as_json(mqp("history", "--entity", "member", "--id", "1", "--json"))
    assert [c["action"] for c in member] == ["ended", "edited", "added"]
    assert member[1]["changes"] == {"email": ["", "sam@la.example.gov.uk"]}
    assert member[0]["changes"]["end_date"] == [None, "2030-01-01"]
    assert all(c["user"] and c["host"] and dt.datetime.fromisoformat(c["at"]) for c in member)
    assert len(as_json(mqp("history", "--limit", "2", "--json"))) == 2
    assert [c["entity"] for c in as_json(mqp("history", "--entity", "agency", "--json"))] == ["agency"] * 3
    status, out, _ = mqp("history", "--entity", "member", "--changes")
    assert status == 0 and "email: (empty) -> sam@la.example.gov.uk" in out
    mqp("rules", "quorum", "all-of", "--statutory")
    status, out, _ = mqp("history", "--entity", "subcommittee", "--limit", "1", "--changes")
    assert "quorum_rule: Quorate when at least 3 statutory agencies" in out
    assert "-> Quorate when every statutory agency is present" in out


# --- the database file ------------------------------------------------------------------------

def test_a_file_that_is_not_a_database(mqp, db):
    db.write_text("name,email\nSam,sam@example.org\n")
    before = sha(db)
    line = one_error_line(mqp("members", "list"))
    assert str(db) in line and "not an MQ&P database" in line
    assert sha(db) == before


def test_another_programs_sqlite_file(mqp, db):
    with driver.connect(db) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    line = one_error_line(mqp("info"))
    assert str(db) in line and "not one made by MQ&P Desktop" in line


def test_a_database_from_a_newer_version_is_refused_untouched(mqp, db):
    assert mqp("init")[0] == 0
    conn = driver.connect(db)
    with conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('mqp_desktop', '9999_from_the_future', '2099-01-01')")
    conn.close()
    before = sha(db)
    for args in (["info"], ["members", "list"], ["members", "add", "--name", "A B", "--role", "C", "--agency", "1"],
                 ["init"]):
        line = one_error_line(mqp(*args))
        assert "newer version of MQ&P Desktop" in line and str(db) in line
    assert sha(db) == before
    assert sorted(p.name for p in db.parent.iterdir() if "before-schema" in p.name) == []


def test_a_locked_database(mqp, db, monkeypatch):
    from mqp_desktop.store import connection

    assert mqp("init")[0] == 0
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)
    other = driver.connect(db, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        line = one_error_line(mqp("members", "add", "--name", "A B", "--role", "C", "--agency", "1"))
        assert "locked" in line and str(db) in line
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert as_json(mqp("members", "list", "--json"))  # fine again once released

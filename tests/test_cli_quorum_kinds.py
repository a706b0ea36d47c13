"""``mqp rules quorum`` for each kind of issue 12 (none, a shared seat, every lead partner and N
others), and ``mqp quorum --decide proceed --wait`` letting some items proceed while others wait."""

from __future__ import annotations

import pytest

from mqp_desktop.cli.app import main
from tests.test_cli import as_json, one_error_line, sha


@pytest.fixture
def db(tmp_path):
    return tmp_path / "q.sqlite"


@pytest.fixture
def mqp(capsys, db):
    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def anytown(mqp):
    mqp("init", "--template", "blank")
    for name, short, extra in (("Anytown Children's Services", "LA", ["--statutory", "--partner-class", "lead"]),
                               ("Anytown ICB", "ICB", ["--statutory", "--partner-class", "lead"]),
                               ("Anytown Police", "Police", ["--statutory", "--partner-class", "lead"]),
                               ("Anytown Health Trust", "Trust", []),
                               ("Anytown Schools", "Schools", []),
                               ("Anytown Probation", "Probation", [])):
        status, _, err = mqp("agencies", "add", "--name", name, "--short-name", short, *extra)
        assert status == 0, err
    return mqp


@pytest.mark.parametrize("args, expected, words", [
    (["none"], {"kind": "none", "quorum_set": False}, "No quorum is set in the Terms of Reference"),
    (["all-of", "--agencies", "LA,Police", "--seat", "ICB,Trust"],
     {"kind": "all_of", "agency_set": "named", "agency_ids": [1, 3], "shared_seats": [[2, 4]],
      "shared_seat_agencies": [["Anytown ICB", "Anytown Health Trust"]]},
     "Anytown ICB or Anytown Health Trust (a shared seat counts once"),
    (["at-least", "2", "--seat", "ICB,Trust", "--seat", "Schools,Probation"],
     {"kind": "at_least", "count": 2, "agency_set": "named", "agency_ids": [], "shared_seats": [[2, 4], [5, 6]]},
     "at least 2 of these agencies are present"),
    (["all-and-at-least", "2", "--lead-partners"],
     {"kind": "all_and_at_least", "count": 2, "agency_set": "lead_partners", "others": "agencies"},
     "every lead safeguarding partner and at least 2 other agencies are present"),
    (["all-and-at-least", "3", "--statutory", "--others", "members", "--must-reconvene"],
     {"kind": "all_and_at_least", "count": 3, "agency_set": "statutory", "others": "members",
      "chair_may_proceed": False},
     "every statutory agency and at least 3 other members are present (a deputy counts for their member)"),
    (["at-least", "2", "--lead-partners"], {"kind": "at_least", "agency_set": "lead_partners"},
     "at least 2 lead safeguarding partners"),
], ids=["none", "all-of-seat", "at-least-seats", "lead-and-others", "statutory-and-members", "lead-at-least"])
def test_rules_quorum_each_new_kind(anytown, args, expected, words):
    status, out, err = anytown("rules", "quorum", *args)
    assert status == 0, err
    rule = as_json(anytown("rules", "show", "--json"))["quorum_rule"]
    assert {k: rule[k] for k in expected} == expected
    assert words in rule["description"] and rule["description"] in out


def test_rules_quorum_refusals_change_nothing(anytown, db):
    before = sha(db)
    errors = {
        ("all-of", "--seat", "ICB"): "a shared seat names two or more agencies",
        ("all-of", "--statutory", "--seat", "ICB,Trust"): "--seat goes with named agencies",
        ("at-least", "3", "--seat", "ICB,Trust"): "can never be met",
        ("all-of", "--agencies", "ICB", "--seat", "ICB,Trust"): "more than one seat",
        ("all-and-at-least", "0", "--lead-partners"): "at least 1",
        ("all-and-at-least", "2"): "Choose the agencies the rule counts",
    }
    for args, words in errors.items():
        assert words in one_error_line(anytown("rules", "quorum", *args)), args
    assert anytown("rules", "quorum", "all-and-at-least", "2", "--any")[0] == 2  # no such option
    assert sha(db) == before


def test_rules_quorum_notes_what_cannot_be_met(anytown):
    status, out, _ = anytown("rules", "quorum", "all-and-at-least", "4", "--lead-partners")
    assert status == 0 and "only 3 other agencies are active" in out
    status, out, _ = anytown("rules", "quorum", "none")
    assert "every meeting now counts as quorate" in out


@pytest.fixture
def inquorate(anytown, tmp_path):
    """A past meeting with an agenda; the police send apologies, so at least 3 statutory is not met."""
    mqp = anytown
    for agency in ("LA", "ICB", "Police", "Trust", "Schools"):
        assert mqp("members", "add", "--name", f"{agency} lead", "--role", "Lead", "--agency", agency,
                   "--start", "2024-01-01")[0] == 0
    status, out, err = mqp("meetings", "add", "--date", "2025-03-11")
    assert status == 0, err
    mid = out.split("meeting ", 1)[1].split(":", 1)[0].split()[0]
    for title in ("Budget", "Neglect strategy", "AOB"):
        assert mqp("agenda", "add-item", mid, "--title", title)[0] == 0
    assert mqp("agenda", "add-item", mid, "--title", "Training budget", "--under", "1")[0] == 0
    mqp("attendance", "record", mid, "--everyone")
    mqp("attendance", "record", mid, "--agency", "Police", "--status", "apologies")
    return mqp, mid


def test_decide_proceed_with_items_waiting(inquorate, db):
    mqp, mid = inquorate
    status, out, err = mqp("quorum", mid, "--decide", "proceed", "--wait", "1,2", "--note", "Police away")
    assert status == 0, err
    assert "Waiting for the next quorate meeting: items 1, 1.1, 2; the other items proceed." in out
    assert "Waiting for a quorate meeting: 1 (Budget), 1.1 (Training budget), 2 (Neglect strategy)" in out
    q = as_json(mqp("quorum", mid, "--json"))
    assert [i["number"] for i in q["items_waiting"]] == ["1", "1.1", "2"]
    assert q["chair_decision"] == "proceed" and q["quorate"] is False
    minutes = mqp("minutes", "show", mid)[1]
    assert "these wait for the next quorate meeting: 1 (Budget), 1.1 (Training budget), 2 (Neglect strategy)" in minutes
    # the next meeting lists them
    status, out, err = mqp("meetings", "add", "--date", "2025-05-13")
    nxt = out.split("meeting ", 1)[1].split(":", 1)[0].split()[0]
    q2 = as_json(mqp("quorum", nxt, "--json"))
    assert [(w["number"], w["title"]) for w in q2["waiting_from_earlier"]] == [
        ("1", "Budget"), ("1.1", "Training budget"), ("2", "Neglect strategy")]
    assert "Waiting from earlier meetings: from the meeting of 11 March 2025: 1 (Budget)" in mqp("quorum", nxt)[1]


def test_decide_wait_refusals_change_nothing(inquorate, db):
    mqp, mid = inquorate
    before = sha(db)
    assert "--wait goes with --decide proceed" in one_error_line(
        mqp("quorum", mid, "--decide", "reconvene", "--wait", "1", "--note", "x"))
    assert "has no item 9 (see 'mqp agenda show" in one_error_line(
        mqp("quorum", mid, "--decide", "proceed", "--wait", "9", "--note", "x"))
    assert "Every item would wait" in one_error_line(
        mqp("quorum", mid, "--decide", "proceed", "--wait", "1,2,3", "--note", "x"))
    assert sha(db) == before


def test_no_quorum_rule_in_the_quorum_command(inquorate):
    mqp, mid = inquorate
    mqp("rules", "quorum", "none")
    status, out, _ = mqp("quorum", mid)
    assert "Quorum: No quorum is set in the Terms of Reference (4 agencies present:" in out
    assert "Quorate" not in out.split("Rule:", 1)[1].split("\n", 2)[1]
    q = as_json(mqp("quorum", mid, "--json"))
    assert q["quorum_set"] is False and q["quorate"] is True and not q["needs_decision"]

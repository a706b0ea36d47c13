"""``mqp indicators``, ``mqp data set`` and ``mqp scorecard`` run in-process on temporary databases."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from mqp_desktop.cli import main
from mqp_desktop.cli.app import build_parser

TODAY = dt.date(2026, 12, 1)

INDICATOR_KEYS = {
    "id", "code", "title", "definition", "theme_id", "theme", "owner_agency_id", "owner_agency", "source", "unit",
    "direction", "target", "tolerance", "frequency", "by_agency", "tags", "retired_on", "retired_reason", "version",
}
SHOW_KEYS = INDICATOR_KEYS | {"values", "revisions", "commentary"}
VALUE_KEYS = {"period", "label", "agency_id", "agency", "value", "version"}
REVISION_KEYS = {"period", "agency_id", "old_value", "new_value", "revised_at", "revised_by", "reason"}
THEME_KEYS = {"id", "name", "description", "position", "retired_on", "indicators"}
SCORECARD_KEYS = {"period", "label", "rows"}
ROW_KEYS = {
    "indicator_id", "code", "title", "theme", "unit", "direction", "frequency", "period", "label", "value", "target",
    "tolerance", "rag", "previous_period", "previous_value", "travel_previous", "last_year_period",
    "last_year_value", "travel_last_year", "sparkline", "comparators", "commentary", "by_agency", "exception",
    "exception_reasons", "revised", "owner_agency_id", "tags",
}


@pytest.fixture
def mqp(capsys, tmp_path, monkeypatch):
    """Run ``mqp --db <tmp> ARGS...`` with today = 1 Dec 2026; returns (status, stdout, stderr)."""
    monkeypatch.setattr("mqp_desktop.cli.performance.today", lambda: TODAY)
    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: TODAY)
    db = tmp_path / "perf.sqlite"

    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def _add_cp3(mqp):
    status, out, err = mqp("indicators", "add", "--code", "CP3", "--title", "Repeat child protection plans",
                           "--theme", "Quality of child protection plans", "--unit", "percentage", "--direction",
                           "lower", "--target", "20", "--tolerance", "2", "--tag", "voice of the child",
                           "--owner", "Police")
    assert status == 0, err
    return out


def test_add_list_show_edit_retire(mqp):
    assert "Added indicator 1: CP3 Repeat child protection plans (quarterly, percentage)." in _add_cp3(mqp)
    status, out, _ = mqp("indicators", "list", "--json")
    [record] = json.loads(out)
    assert set(record) == INDICATOR_KEYS
    assert (record["code"], record["theme"], record["unit"], record["direction"], record["target"],
            record["tolerance"], record["tags"], record["version"]) == (
        "CP3", "Quality of child protection plans", "percentage", "lower", 20.0, 2.0, ["voice of the child"], 1)
    assert record["owner_agency"].startswith("Metropolitan Police")

    status, out, err = mqp("indicators", "edit", "cp3", "--target", "18", "--expect-version", "1")
    assert status == 0 and "version 2" in out, err
    status, _, err = mqp("indicators", "edit", "CP3", "--target", "17", "--expect-version", "1")
    assert status == 1 and "since you read it (you read version 1; version 2 is stored now)" in err
    status, _, err = mqp("indicators", "edit", "CP3")
    assert status == 1 and "Nothing to change" in err

    assert mqp("data", "set", "CP3", "Q2 2026-27", "21.5")[0] == 0
    status, out, _ = mqp("indicators", "retire", "CP3", "--reason", "Replaced by CP4", "--on", "01/12/2026")
    assert status == 0 and "Retired CP3" in out
    assert json.loads(mqp("indicators", "list", "--json")[1]) == []
    status, out, _ = mqp("indicators", "show", "CP3", "--json")
    shown = json.loads(out)
    assert set(shown) == SHOW_KEYS and shown["retired_on"] == "2026-12-01" and shown["retired_reason"] == "Replaced by CP4"
    assert [v["value"] for v in shown["values"]] == [21.5] and set(shown["values"][0]) == VALUE_KEYS


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--target", "120"), "from 0 to 100, not 120"),
        (("--tag", "Neglect"), "'Neglect' is not a tag: use one of 'child-centred outcome'"),
        (("--code", "C P"), "no spaces"),
        (("--theme", "Nonsense"), "--theme: there is no theme 'Nonsense'"),
        (("--owner", "Nowhere"), "--owner: there is no agency 'Nowhere'"),
    ],
)
def test_add_refused_with_one_line(mqp, args, words):
    base = {"--code": "X1", "--title": "A measure", "--theme": "Workforce", "--unit": "percentage"}
    for option, value in zip(args[::2], args[1::2], strict=True):
        base[option] = value
    status, out, err = mqp("indicators", "add", *[x for pair in base.items() for x in pair])
    assert status == 1 and err.startswith("mqp: error: ") and words in err and err.count("\n") == 1


def test_data_set_needs_a_reason_to_change_a_value_and_keeps_the_old_one(mqp):
    _add_cp3(mqp)
    status, out, _ = mqp("data", "set", "CP3", "2026-Q3", "21")
    assert status == 0 and "Entered CP3 Q2 2026-27 (Jul–Sep 2026): 21%; RAG amber." in out
    status, _, err = mqp("data", "set", "CP3", "Q2 2026-27", "22.5")
    assert status == 1 and "is already 21%: a value entered is changed only with a reason" in err
    status, out, _ = mqp("data", "set", "CP3", "2026-Q3", "22.5", "--reason", "Late returns")
    assert status == 0 and "Revised CP3 Q2 2026-27 (Jul–Sep 2026): 21% -> 22.5% (Late returns)" in out
    shown = json.loads(mqp("indicators", "show", "CP3", "--json")[1])
    [rev] = shown["revisions"]
    assert set(rev) == REVISION_KEYS and (rev["old_value"], rev["new_value"], rev["reason"]) == (21, 22.5, "Late returns")
    status, _, err = mqp("data", "set", "CP3", "Jun-26", "3")
    assert status == 1 and "'Jun-26' is a month (Jun 2026), but a quarterly period is needed here" in err
    status, _, err = mqp("data", "set", "CP3", "2026-Q3", "5", "--agency", "Police", "--reason", "x")
    assert status == 1 and "CP3 is not broken down by agency" in err
    status, _, err = mqp("data", "set", "NOPE", "2026-Q3", "5")
    assert status == 1 and "INDICATOR: there is no indicator 'NOPE'" in err


def test_scorecard(mqp):
    _add_cp3(mqp)
    for period, value in (("2025-Q4", 18), ("2026-Q1", 19), ("2026-Q2", 20.5), ("2026-Q3", 23)):
        assert mqp("data", "set", "CP3", period, str(value))[0] == 0
    mqp("indicators", "add", "--code", "WF3", "--title", "Average caseload", "--theme", "Workforce", "--target", "18",
        "--direction", "lower", "--tolerance", "2")
    mqp("data", "set", "WF3", "2026-Q3", "17")
    status, out, err = mqp("scorecard", "--period", "Q2 2026-27", "--json")
    assert status == 0, err
    card = json.loads(out)
    assert set(card) == SCORECARD_KEYS and card["period"] == "2026-Q3" and card["label"] == "Q2 2026-27 (Jul–Sep 2026)"
    rows = {r["code"]: r for r in card["rows"]}
    assert set(rows["CP3"]) == ROW_KEYS
    cp3 = rows["CP3"]
    assert (cp3["value"], cp3["rag"], cp3["travel_previous"], cp3["exception"]) == (23, "red", "worse", True)
    assert cp3["exception_reasons"] == ["red", "worse three periods running"]
    assert [s["value"] for s in cp3["sparkline"]][-4:] == [18, 19, 20.5, 23]
    assert (rows["WF3"]["rag"], rows["WF3"]["travel_previous"]) == ("green", "none")

    exceptions = json.loads(mqp("scorecard", "--period", "2026-Q3", "--exceptions", "--json")[1])
    assert [r["code"] for r in exceptions["rows"]] == ["CP3"]
    assert [r["code"] for r in json.loads(mqp("scorecard", "--rag", "green", "--json")[1])["rows"]] == ["WF3"]
    status, out, _ = mqp("scorecard")  # default: the latest quarter with values
    assert status == 0 and "Scorecard for Q2 2026-27 (Jul–Sep 2026): 2 indicators" in out
    assert re.search(r"CP3\s+Repeat child protection plans\s+23%\s+20%\s+RED\s+worse", out)
    status, _, err = mqp("scorecard", "--period", "Q2 2026")
    assert status == 1 and "does not say whether its quarters run from January or from April" in err
    status, _, err = mqp("scorecard", "--rag", "purple")
    assert status == 1 and "'purple' is not a RAG rating" in err


def test_themes(mqp):
    records = json.loads(mqp("indicators", "themes", "--json")[1])
    assert set(records[0]) == THEME_KEYS and len(records) == 5


def _help(*words: str) -> str:
    parser = build_parser()
    for action in parser._subparsers._group_actions:  # noqa: SLF001 - walking argparse's tree
        sub = action.choices[words[0]]
    for word in words[1:]:
        sub = next(a for a in sub._subparsers._group_actions).choices[word]  # noqa: SLF001
    return sub.format_help()


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        (("indicators", "list"), INDICATOR_KEYS),
        (("indicators", "show"), SHOW_KEYS | VALUE_KEYS | REVISION_KEYS),
        (("indicators", "themes"), THEME_KEYS),
        (("scorecard",), SCORECARD_KEYS | ROW_KEYS),
    ],
)
def test_help_documents_every_json_key(words, keys):
    text = " ".join(_help(*words).split())
    missing = [k for k in sorted(keys) if not re.search(rf"\b{k}\b", text)]
    assert missing == []

"""``mqp data import`` and ``mqp data export`` in-process on temporary databases; the JSON keys the
help documents are the keys printed."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from mqp_desktop.cli import main
from mqp_desktop.cli.performance_files import IMPORT_EPILOG

TODAY = dt.date(2026, 12, 1)
TOP_KEYS = {"file", "encoding", "encoding_guessed", "dry_run", "applied", "reason", "sheets", "counts", "cells"}
SHEET_KEYS = {"name", "layout", "heading_row", "periods", "ignored_columns", "note"}
COUNT_KEYS = {"add", "revise", "unchanged", "reject", "suppressed", "not_available"}
CELL_KEYS = {"sheet", "row", "column", "cell", "kind", "outcome", "skipped", "indicator_id", "code", "period",
             "period_label", "agency_id", "agency", "value", "old_value", "text", "reason", "needs_reason", "field",
             "fix_column", "message"}


@pytest.fixture
def mqp(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: TODAY)
    db = tmp_path / "perf.sqlite"

    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    status, _, err = run("indicators", "add", "--code", "EH1", "--title", "Early help assessments", "--theme",
                         "Workforce", "--unit", "number")
    assert status == 0, err
    status, _, err = run("indicators", "add", "--code", "CP3", "--title", "Repeat plans", "--theme", "Workforce",
                         "--unit", "percentage")
    assert status == 0, err
    return run


def test_the_help_documents_every_json_key(mqp):
    for key in TOP_KEYS | SHEET_KEYS | COUNT_KEYS | CELL_KEYS:
        assert re.search(rf"\b{key}\b", IMPORT_EPILOG), key


def test_dry_run_then_import_then_revise_with_a_reason(mqp, tmp_path):
    path = tmp_path / "values.csv"
    path.write_text("Code,Q1 2025-26,Q2 2025-26\nEH1,10,11\nCP3,12.5%,*\n", encoding="utf-8")
    status, out, err = mqp("data", "import", str(path), "--dry-run")
    assert status == 0, err
    assert "wide (indicators as rows" in out and "Dry run, nothing was written: 3 to add" in out
    assert mqp("data", "set", "EH1", "2025-Q2", "1")[0] == 0  # a value entered since: the import revises it
    status, out, err = mqp("data", "import", str(path))
    assert status == 1 and "would be revised" in err and "--reason" in err
    status, out, err = mqp("data", "import", str(path), "--reason", "Revised return", "--json")
    assert status == 0, err
    record = json.loads(out)
    assert set(record) == TOP_KEYS and record["applied"] is True
    assert set(record["counts"]) == COUNT_KEYS
    assert record["counts"] == {"add": 2, "revise": 1, "unchanged": 0, "reject": 0, "suppressed": 1,
                                "not_available": 0}
    assert all(set(s) == SHEET_KEYS for s in record["sheets"])
    assert all(set(c) == CELL_KEYS for c in record["cells"])
    status, out, _ = mqp("indicators", "show", "EH1", "--json")
    shown = json.loads(out)
    assert shown["revisions"][0]["reason"] == "Revised return" and shown["revisions"][0]["new_value"] == 10


def test_rejections_are_named_and_nothing_is_written_unless_the_rest_is_asked_for(mqp, tmp_path):
    path = tmp_path / "values.csv"
    path.write_text("Code,Q1 2025-26,Q2 2025-26\nEH1,10,lots\nXX1,3,4\n", encoding="utf-8")
    status, out, err = mqp("data", "import", str(path))
    assert status == 1 and "3 cells rejected" in err and "nothing was written" in err
    assert "'values.csv' row 2 column C (C2): The value 'lots' is text where a number belongs" in out
    assert "'values.csv' row 3 column A (B3): There is no indicator with the code 'XX1'" in out
    status, out, _ = mqp("indicators", "show", "EH1", "--json")
    assert json.loads(out)["values"] == []
    status, out, err = mqp("data", "import", str(path), "--skip-rejected", "--json")
    assert status == 0, err
    record = json.loads(out)
    rejected = [c for c in record["cells"] if c["outcome"] == "reject"]
    assert {(c["sheet"], c["row"], c["fix_column"], c["field"]) for c in rejected} == {
        ("values", 2, "C", "value"), ("values", 3, "A", "indicator")}
    status, out, _ = mqp("indicators", "show", "EH1", "--json")
    assert [v["value"] for v in json.loads(out)["values"]] == [10]


def test_export_then_import_reads_back_unchanged(mqp, tmp_path):
    assert mqp("data", "set", "EH1", "2025-Q2", "10")[0] == 0
    assert mqp("data", "set", "CP3", "2025-Q3", "33.3")[0] == 0
    for layout, name in (("wide", "d.xlsx"), ("long", "d.csv")):
        status, out, err = mqp("data", "export", "--out", str(tmp_path / name), "--layout", layout)
        assert status == 0, err
        assert f"Exported 2 values and 0 comparator figures of 2 indicators ({layout} layout)" in out
        status, out, err = mqp("data", "import", str(tmp_path / name), "--json", "--dry-run")
        assert status == 0, err
        assert json.loads(out)["counts"]["unchanged"] == 2 and json.loads(out)["counts"]["add"] == 0


def test_export_refuses_a_bad_range_or_ending(mqp, tmp_path):
    status, _, err = mqp("data", "export", "--out", str(tmp_path / "d.pdf"))
    assert status == 1 and "does not end in .xlsx or .csv" in err
    status, _, err = mqp("data", "export", "--out", str(tmp_path / "d.csv"), "--from", "2026-Q2", "--to", "2025-Q1")
    assert status == 1 and "is before" in err
    status, _, err = mqp("data", "import", str(tmp_path / "missing.xlsx"))
    assert status == 1 and "There is no file at" in err

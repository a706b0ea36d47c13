"""``mqp s11 workbook`` and ``mqp s11 import`` run in-process on a temporary database."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

from mqp_desktop.cli import main
from mqp_desktop.exporters.section11_workbook_layout import ACTIONS, FIRST_ROW, STANDARDS

TODAY = dt.date(2025, 12, 10)


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "s11.sqlite"


@pytest.fixture
def mqp(capsys, db, monkeypatch):
    """Run ``mqp --db <tmp> ARGS...`` with today = 10 Dec 2025; returns (status, stdout, stderr)."""
    for module in ("section11", "section11_returns", "section11_workbooks"):
        monkeypatch.setattr(f"mqp_desktop.cli.{module}.today", lambda: TODAY)

    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def round_(mqp):
    status, _out, err = mqp("s11", "round", "create", "--name", "Section 11 audit 2025-26", "--scale", "score",
                            "--agencies", "Police,SWL ICB", "--issued", "2025-10-01", "--deadline", "2025-12-01")
    assert status == 0, err
    return "Section 11 audit 2025-26"


def _fill(path: Path, out: Path, edits: dict[tuple[str, str], object]) -> Path:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path)
        for (sheet, ref), value in edits.items():
            wb[sheet][ref] = value
        wb.save(out)
    return out


def test_workbook_for_one_agency_then_import_with_dry_run_first(mqp, round_, tmp_path, db):
    out = tmp_path / "police.xlsx"
    status, stdout, err = mqp("s11", "workbook", "Police", "--round", round_, "--out", str(out))
    assert status == 0, err
    assert str(out) in stdout and out.exists()
    filled = _fill(out, tmp_path / "filled.xlsx", {
        (STANDARDS, f"C{FIRST_ROW}"): "3",
        (STANDARDS, f"D{FIRST_ROW}"): "Board minutes, March 2025",
        (ACTIONS, f"B{FIRST_ROW}"): "Audit supervision records quarterly",
        (ACTIONS, f"E{FIRST_ROW}"): dt.date(2026, 3, 31),
    })
    before = db.read_bytes()
    status, stdout, err = mqp("s11", "import", str(filled), "--dry-run")
    assert status == 0, err
    assert "Dry run, nothing was written" in stdout and "Audit supervision records quarterly" in stdout
    assert db.read_bytes() == before

    status, stdout, err = mqp("s11", "import", str(filled), "--received", "2025-12-05", "--json")
    assert status == 0, err
    record = json.loads(stdout)
    assert record["applied"] is True and record["received"] == "2025-12-05" and record["problems"] == []
    assert {(c["standard"], c["field"], c["new"]) for c in record["changes"]} == {
        (1, "self_value", "3"), (1, "evidence", "Board minutes, March 2025")}
    assert record["actions_to_add"][0]["due"] == "2026-03-31"

    status, stdout, err = mqp("s11", "return", "show", "Police", "--json")
    shown = json.loads(stdout)
    assert shown["received"] == "2025-12-05"
    assert [(r["standard"], r["self_value"]) for r in shown["ratings"]] == [(1, "3")]


def test_import_refused_lists_problems_by_cell_and_writes_nothing(mqp, round_, tmp_path, db):
    out = tmp_path / "icb.xlsx"
    assert mqp("s11", "workbook", "SWL ICB", "--out", str(out))[0] == 0
    bad = _fill(out, tmp_path / "bad.xlsx", {(STANDARDS, f"C{FIRST_ROW}"): "Amber",
                                             (ACTIONS, f"B{FIRST_ROW}"): "Train staff",
                                             (ACTIONS, f"E{FIRST_ROW}"): "soon"})
    before = db.read_bytes()
    status, stdout, err = mqp("s11", "import", str(bad))
    assert status == 1
    assert f"Standards    C{FIRST_ROW}" in stdout and "'Amber' is not on the 0-3 score scale" in stdout
    assert f"Action plan  E{FIRST_ROW}" in stdout and "'soon' is not a date" in stdout
    line = err.strip()
    assert line.startswith("mqp: error: ") and len(err.strip().splitlines()) == 1
    assert f"Standards C{FIRST_ROW}" in line and f"Action plan E{FIRST_ROW}" in line and "nothing was written" in line
    assert db.read_bytes() == before

    status, stdout, err = mqp("s11", "import", str(bad), "--json")
    assert status == 1
    assert {(p["sheet"], p["cell"]) for p in json.loads(stdout)["problems"]} == {
        (STANDARDS, f"C{FIRST_ROW}"), (ACTIONS, f"E{FIRST_ROW}")}


def test_import_of_a_file_that_is_not_a_workbook(mqp, round_, tmp_path):
    fake = tmp_path / "return.xlsx"
    fake.write_bytes(b"%PDF-1.4 scanned return")
    status, stdout, err = mqp("s11", "import", str(fake))
    assert status == 1 and stdout == ""
    assert err.startswith("mqp: error: 'return.xlsx' is not an Excel workbook (it is a PDF)")


def test_all_workbooks_into_a_folder(mqp, round_, tmp_path):
    folder = tmp_path / "out" / "s11"
    status, stdout, err = mqp("s11", "workbook", "--all", "--out-dir", str(folder))
    assert status == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and all(n.startswith("Section 11 audit 2025-26 - ") for n in names)
    assert "2 workbooks for Section 11 audit 2025-26" in stdout


@pytest.mark.parametrize("args, words", [
    (("s11", "workbook", "--out", "x.xlsx"), "Name the AGENCY"),
    (("s11", "workbook", "Police", "--all", "--out-dir", "d"), "not both"),
    (("s11", "workbook", "--all"), "--out-dir"),
    (("s11", "workbook", "Police"), "--out"),
    (("s11", "workbook", "Probation", "--out", "x.xlsx"), "was not asked for a return"),
])
def test_workbook_usage_errors(mqp, round_, args, words):
    status, _out, err = mqp(*args)
    assert status == 1 and words in err and len(err.strip().splitlines()) == 1

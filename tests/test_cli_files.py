"""``mqp members import`` and ``mqp members export``: the command line over the exporters."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from mqp_desktop.cli import main


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "register.sqlite"


@pytest.fixture
def mqp(capsys, db):
    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def members(mqp) -> list[dict]:
    status, out, err = mqp("members", "list", "--all", "--json")
    assert status == 0, err
    return json.loads(out)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


HEADER = ["name", "role_title", "agency", "email", "decision_maker", "start_date"]


@pytest.fixture
def register(mqp):
    assert mqp("init", "--template", "blank")[0] == 0
    mqp("agencies", "add", "--name", "Anytown Children's Services", "--short-name", "LA", "--statutory")
    mqp("agencies", "add", "--name", "Anytown Police", "--short-name", "Police", "--statutory")
    mqp("members", "add", "--name", "Sam Patel", "--role", "Head of Safeguarding", "--agency", "LA",
        "--email", "sam.patel@anytown.gov.uk", "--start", "2024-01-08")
    return mqp


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".docx"])
def test_export_each_format(register, tmp_path, suffix):
    target = tmp_path / f"register{suffix}"
    status, out, err = register("members", "export", str(target))
    assert status == 0, err
    assert target.is_file() and target.stat().st_size > 0
    assert str(target) in out
    if suffix == ".csv":
        rows = read_csv(target)
        assert [(r["Name"], r["Agency"], r["Email"]) for r in rows] == [
            ("Sam Patel", "Anytown Children's Services", "sam.patel@anytown.gov.uk")
        ]
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(target)
        values = [c.value for c in wb.active[2]]
        wb.close()
        assert "Sam Patel" in values
    else:
        import docx

        text = "\n".join(cell.text for t in docx.Document(str(target)).tables for row in t.rows for cell in row.cells)
        assert "Sam Patel" in text


def test_export_include_ended(register, tmp_path):
    register("members", "end", "1", "--date", "2024-12-31")
    plain, ended = tmp_path / "now.csv", tmp_path / "all.csv"
    assert register("members", "export", str(plain))[0] == 0
    assert register("members", "export", str(ended), "--include-ended")[0] == 0
    assert [r["Name"] for r in read_csv(plain)] == []
    assert [r["Name"] for r in read_csv(ended)] == ["Sam Patel"]


def test_export_to_an_unknown_format_is_one_line(register, tmp_path):
    status, _, err = register("members", "export", str(tmp_path / "register.pdf"))
    assert status == 1
    assert err.count("\n") == 1 and err.startswith("mqp: error: ") and ".docx" in err
    assert not (tmp_path / "register.pdf").exists()


def test_import_dry_run_then_import(register, db, tmp_path):
    source = write_csv(tmp_path / "in.csv", [
        HEADER,
        ["Ray Holt", "Detective Inspector", "Police", "ray.holt@police.example.uk", "yes", "01/02/2025"],
        ["Sam Patel", "Head of Safeguarding", "LA", "sam.patel@anytown.gov.uk", "no", "2024-01-08"],
    ])
    before = sha(db)
    status, out, err = register("members", "import", str(source), "--dry-run")
    assert status == 0, err
    assert "Dry run, nothing was written" in out
    lines = [line.split() for line in out.splitlines()]
    assert ["2", "add", "Ray", "Holt"] in lines
    assert any(line[:4] == ["3", "update", "Sam", "Patel"] and "decision_maker" in line for line in lines)
    assert sha(db) == before
    assert [m["name"] for m in members(register)] == ["Sam Patel"]

    status, out, err = register("members", "import", str(source), "--json")
    assert status == 0, err
    result = json.loads(out)
    assert result["applied"] is True and result["dry_run"] is False
    assert result["counts"] == {"add": 1, "update": 1, "unchanged": 0, "reject": 0}
    assert [(r["row"], r["action"], r["name"]) for r in result["rows"]] == [
        (2, "add", "Ray Holt"), (3, "update", "Sam Patel")]
    assert result["rows"][1]["changes"] == {"decision_maker": [True, False]}
    assert result["rows"][1]["member_id"] == 1
    by_name = {m["name"]: m for m in members(register)}
    assert by_name["Ray Holt"]["start_date"] == "2025-02-01" and by_name["Ray Holt"]["agency_short_name"] == "Police"
    assert by_name["Sam Patel"]["decision_maker"] is False
    history = json.loads(register("history", "--entity", "member", "--json")[1])
    assert {c["action"] for c in history[:2]} == {"imported"}


def test_import_with_rejections_is_refused_and_changes_nothing(register, db, tmp_path):
    source = write_csv(tmp_path / "in.csv", [
        HEADER,
        ["Ray Holt", "Detective Inspector", "Police", "ray.holt@police.example.uk", "yes", "2025-02-01"],
        ["Kim Ode", "Headteacher", "Atlantis", "kim.ode@@school", "no", "2025-02-30"],
    ])
    before = sha(db)
    for extra in ([], ["--dry-run"]):
        status, out, err = register("members", "import", str(source), *extra)
        assert status == 1
        assert err.count("\n") == 1 and err.startswith("mqp: error: ")
        assert "refused" in err and "row 3 (agency, email, start_date)" in err and "--skip-rejected" in err
        assert "row 3, Agency: 'Atlantis'" in out
        assert "row 3, Email: 'kim.ode@@school'" in out
        assert "Traceback" not in err
    assert sha(db) == before
    assert [m["name"] for m in members(register)] == ["Sam Patel"]

    status, out, err = register("members", "import", str(source), "--json")
    assert status == 1
    rejected = json.loads(out)["rows"][1]
    assert rejected["action"] == "reject"
    assert [p["column"] for p in rejected["problems"]] == ["agency", "email", "start_date"]
    assert json.loads(out)["applied"] is False

    status, out, err = register("members", "import", str(source), "--skip-rejected")
    assert status == 0, err
    assert "1 added" in out and "1 rejected rows left out" in out
    assert sorted(m["name"] for m in members(register)) == ["Ray Holt", "Sam Patel"]


def test_import_file_problems_are_one_line(register, tmp_path):
    status, _, err = register("members", "import", str(tmp_path / "missing.csv"))
    assert status == 1 and err.count("\n") == 1 and "missing.csv" in err
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"this is not a workbook")
    status, _, err = register("members", "import", str(junk))
    assert status == 1 and err.count("\n") == 1 and "junk.xlsx" in err
    assert "Traceback" not in err


def test_export_then_import_round_trip_changes_nothing(register, tmp_path):
    target = tmp_path / "register.xlsx"
    assert register("members", "export", str(target))[0] == 0
    status, out, err = register("members", "import", str(target), "--json")
    assert status == 0, err
    assert json.loads(out)["counts"] == {"add": 0, "update": 0, "unchanged": 1, "reject": 0}

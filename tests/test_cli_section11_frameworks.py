"""``mqp s11 framework ...`` in-process on the demo database (its two rounds use version 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mqp_desktop.cli import main
from mqp_desktop.store import Store
from mqp_desktop.store.section11 import Section11Repo

STATUTORY = "Section 11 statutory standards"


@pytest.fixture
def mqp(capsys, demo_db):
    def run(*args: str):
        status = main(["--db", str(demo_db), "s11", "framework", *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def repo_of(demo_db: Path) -> tuple[Store, Section11Repo]:
    store = Store.open(demo_db)
    return store, Section11Repo(store)


def test_show_lists_standards_sub_criteria_and_the_rounds_using_it(mqp):
    status, out, _ = mqp("show", STATUTORY.lower())
    assert status == 0
    assert "Section 11 statutory standards (version 1)" in out
    assert "Used by: Section 11 audit 2026–27, Section 11 audit 2025–26" in out
    assert "8. Effective information sharing" in out and "1.1  A named senior manager" in out
    status, out, _ = mqp("show", STATUTORY, "--json")
    data = json.loads(out)
    assert data["version"] == 1 and data["rounds_using"] == 2 and len(data["standards"]) == 8
    assert [r["name"] for r in data["rounds"]] == ["Section 11 audit 2026–27", "Section 11 audit 2025–26"]


def test_add_standard_makes_version_2_and_leaves_the_rounds_alone(mqp, demo_db):
    store, s11 = repo_of(demo_db)
    before = {r.id: r.standards for r in s11.rounds()}
    store.close()
    status, out, _ = mqp("add-standard", STATUTORY, "--title", "Voice of the child",
                         "--criterion", "Children's views are sought", "--criterion", "Children hear what changed")
    assert status == 0
    assert "Added standard 9. Voice of the child with 2 sub-criteria." in out
    assert "version 2" in out and "version 1 is used by 2 audit rounds" in out
    store, s11 = repo_of(demo_db)
    try:
        v2 = s11.framework(STATUTORY)
        assert v2.version == 2 and v2.standard(9).title == "Voice of the child"
        assert [c.code for c in v2.standard(9).criteria] == ["9.1", "9.2"]
        assert len(s11.framework(STATUTORY, 1).standards) == 8
        assert {r.id: r.standards for r in s11.rounds()} == before
    finally:
        store.close()
    # version 2 is not used by any round: the next edit changes it in place
    status, out, _ = mqp("edit-standard", STATUTORY, "--number", "9", "--description", "Children shape services")
    assert status == 0 and "changed in place" in out
    store, s11 = repo_of(demo_db)
    try:
        assert [f.version for f in s11.frameworks()] == [1, 2]
        assert s11.framework(STATUTORY).standard(9).description == "Children shape services"
    finally:
        store.close()


def test_edit_standard_needs_something_to_change_and_a_real_number(mqp):
    status, _out, err = mqp("edit-standard", STATUTORY, "--number", "3")
    assert status == 1 and "--title" in err
    status, _out, err = mqp("edit-standard", STATUTORY, "--number", "12", "--title", "X")
    assert status == 1 and "no standard 12" in err


def test_copy_as_own_and_refuses_a_taken_name(mqp, demo_db):
    status, out, _ = mqp("copy", STATUTORY, "--as", "Our Section 11 standards")
    assert status == 0 and "Our Section 11 standards version 1" in out
    status, _out, err = mqp("copy", STATUTORY, "--as", "our section 11 standards")
    assert status == 1 and "already a framework called" in err
    store, s11 = repo_of(demo_db)
    try:
        ours = s11.framework("Our Section 11 standards")
        assert ours.standards == s11.framework(STATUTORY).standards and ours.version == 1
    finally:
        store.close()


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_edit_import_round_trips(mqp, demo_db, tmp_path, suffix):
    out_file = tmp_path / f"standards{suffix}"
    status, out, _ = mqp("export", STATUTORY, "--out", str(out_file))
    assert status == 0 and out_file.exists()
    status, out, _ = mqp("import", str(out_file), "--name", "Imported", "--json")
    data = json.loads(out)
    assert status == 0 and data["saved"] and data["outcome"] == "new" and data["problems"] == []
    store, s11 = repo_of(demo_db)
    try:
        assert s11.framework("Imported").standards == s11.framework(STATUTORY).standards
    finally:
        store.close()


def test_import_names_bad_rows_by_row_and_column_and_saves_nothing(mqp, demo_db, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Standard,Criterion,Text,Description\n1,,Leadership,\n1,1,Named lead,\nx,,Voice,\n2,1,,\n",
                   encoding="utf-8")
    status, out, err = mqp("import", str(bad), "--name", "Bad one")
    assert status == 1
    assert "row 4, column A (standard): 'x' is not a standard number" in out
    assert "row 5, column C (text): the title or sub-criterion text is missing" in out
    assert "nothing was saved" in err
    store, s11 = repo_of(demo_db)
    try:
        assert [f.name for f in s11.frameworks()] == [STATUTORY]
    finally:
        store.close()


def test_import_dry_run_says_what_would_happen_and_saves_nothing(mqp, demo_db, tmp_path):
    out_file = tmp_path / "v.xlsx"
    assert mqp("export", STATUTORY, "--out", str(out_file))[0] == 0
    status, out, _ = mqp("import", str(out_file), "--name", STATUTORY, "--dry-run")
    assert status == 0 and "Dry run, nothing was saved." in out and "already says this" in out
    status, out, err = mqp("import", str(tmp_path / "missing.xlsx"), "--name", "X")
    assert status == 1 and "There is no file" in err

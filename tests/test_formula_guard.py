"""Formula ("CSV") injection: every CSV and XLSX the program writes, read back, holds no live formula.

OWASP's rule: a cell whose text starts with =, +, -, @, a tab or a carriage return is run by Excel or
LibreOffice as a formula (``-2+3+cmd|' /C calc'!A0`` starts a program through DDE). Every exporter is
given members, agencies, actions and Section 11 text that start so, and its file is read back with
csv and openpyxl: no cell is a formula, every such text is made inert (a leading ' in CSV; a text cell
with the quote-prefix mark in XLSX, shown exactly as typed), and numbers and dates are still numbers
and dates. The program's own drop-down lists in the agencies' workbooks are kept, and what was typed
comes back unchanged through the program's own imports.
"""

from __future__ import annotations

import csv
import datetime as dt
import warnings
import zipfile
from pathlib import Path

import pytest

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.section11 import Criterion, Framework, Rating, ScaleKind, Standard
from mqp_desktop.exporters.files import (
    FORMULA_START,
    csv_cell,
    guard_formula,
    safe_text,
    starts_like_formula,
    unguard_formula,
)

PAYLOADS = {
    "dde": "-2+3+cmd|' /C calc'!A0",
    "plus": "+1+cmd|' /C calc'!A0",
    "hyperlink": '=HYPERLINK("http://evil.example","click")',
    "at": "@SUM(1)",
    "tab": "\tTab-led note",
    "cr": "\rCR-led note",
}


# --- the rule ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [*PAYLOADS.values(), "+44 20 8871 6000", "-", "=", "- a bullet", "@team"])
def test_text_that_starts_like_a_formula_is_guarded_and_unguarded(text):
    assert starts_like_formula(text)
    assert guard_formula(text) == "'" + text
    assert unguard_formula(guard_formula(text)) == text


@pytest.mark.parametrize("text", ["", "Dr Helen Carter", "020 8871 6000", "'quoted", "It's = fine", " =1+1"])
def test_other_text_is_left_as_it_is(text):
    assert not starts_like_formula(text)
    assert guard_formula(text) == text and unguard_formula(text) == text


def test_numbers_and_dates_stay_numbers_and_dates():
    assert csv_cell(-3) == -3 and csv_cell(-2.5) == -2.5 and csv_cell(0) == 0
    assert csv_cell(dt.date(2026, 3, 1)) == "2026-03-01"
    assert csv_cell(True) == "yes" and csv_cell(None) == ""
    assert csv_cell("-3") == "'-3", "text that looks like a number is text"


# --- reading back ----------------------------------------------------------------------------------
def read_csv_inert(path: Path) -> list[list[object]]:
    """The CSV's rows; every text field (quoted) checked inert; unquoted fields are numbers (floats)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, quoting=csv.QUOTE_NONNUMERIC))  # unquoted fields must parse as numbers
    for row in rows:
        for cell in row:
            if isinstance(cell, str):
                assert cell[:1] not in FORMULA_START, f"live formula text in {path.name}: {cell!r}"
    return rows


def read_xlsx_inert(path: Path) -> dict[str, list[list[object]]]:
    """Every sheet's cells (values); checked: no formula cell, no formula element in the XML, and every
    text starting like a formula carries the quote-prefix mark."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                xml = z.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, f"a cell formula in {path.name}:{name}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl on data validation extensions
        wb = load_workbook(path)
    out = {}
    try:
        for ws in wb.worksheets:
            rows = []
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"formula in {path.name} {ws.title}!{cell.coordinate}"
                    if starts_like_formula(cell.value):
                        assert cell.quotePrefix, f"unguarded {ws.title}!{cell.coordinate}: {cell.value!r}"
                        assert cell.data_type in ("s", "inlineStr")
                rows.append([c.value for c in row])
            out[ws.title] = rows
    finally:
        wb.close()
    return out


def cells(sheets_or_rows) -> list[object]:
    if isinstance(sheets_or_rows, dict):
        return [v for rows in sheets_or_rows.values() for row in rows for v in row]
    return [v for row in sheets_or_rows for v in row]


# --- a register full of formulas ---------------------------------------------------------------------
@pytest.fixture
def hostile(demo_store):
    """The demo database with an agency, members, an action and a Section 11 return named like formulas."""
    store = demo_store
    agencies = store.agencies()
    police = next(a for a in agencies if a.statutory)
    police.name = PAYLOADS["dde"]
    store.update_agency(police)
    current = [m for m in store.members() if not m.is_vacant and m.end_date is None]
    first, second, third, fourth = current[:4]
    first.name = PAYLOADS["plus"]
    first.role_title = PAYLOADS["hyperlink"]
    first.notes = "- attends by video"
    first.phone = "+44 20 8871 6000"
    store.update_member(first)
    second.name = PAYLOADS["at"]
    store.update_member(second)
    # Tab- and CR-led notes (an import trims cells, so these two are not expected to come back unchanged).
    third.notes = PAYLOADS["tab"]
    store.update_member(third)
    fourth.notes = PAYLOADS["cr"]
    store.update_member(fourth)
    held = [m for m in store.meetings.list() if m.date <= dt.date.today() and m.status.value == "held"
            and not store.minutes.is_locked(m.id)]
    action = store.minutes.add_action(Action(held[-1].id, PAYLOADS["hyperlink"], owner_name=PAYLOADS["at"],
                                             due_date=dt.date.today() - dt.timedelta(days=3)))
    return store, {"agency": police, "first": first, "second": second, "action": action}


def test_register_csv(hostile, tmp_path):
    from mqp_desktop.exporters.register_export import HEADINGS, export_register_csv
    from mqp_desktop.exporters.register_import import preview_import

    store, _ = hostile
    path = export_register_csv(store, tmp_path / "register.csv")
    rows = read_csv_inert(path)
    values = cells(rows)
    for key in ("dde", "plus", "hyperlink", "at"):
        assert "'" + PAYLOADS[key] in values, key
    assert "'" + PAYLOADS["tab"] in values and "'" + PAYLOADS["cr"] in values
    assert "'- attends by video" in values
    assert "'+44 20 8871 6000" in values
    assert tuple(rows[0]) == HEADINGS  # the columns in words, which the import reads back
    # Imported back, every guarded member is unchanged: the "'" comes off again.
    preview = preview_import(store, path)
    for name in (PAYLOADS["plus"], PAYLOADS["at"]):
        (row,) = [r for r in preview.rows if r.values.get("name") == name]
        assert row.action == "unchanged", (name, row)


def test_register_xlsx(hostile, tmp_path):
    from mqp_desktop.exporters.register_export import export_register_xlsx
    from mqp_desktop.exporters.register_import import preview_import

    store, people = hostile
    path = export_register_xlsx(store, tmp_path / "register.xlsx")
    sheets = read_xlsx_inert(path)
    values = cells(sheets)
    for key in ("dde", "plus", "hyperlink", "at"):
        assert PAYLOADS[key] in values, key  # shown exactly as typed: the guard is the cell's mark, not a "'"
    assert PAYLOADS["tab"] in values and PAYLOADS["cr"] in values
    assert "+44 20 8871 6000" in values
    assert any(isinstance(v, dt.datetime) for v in values), "start dates are still dates"
    preview = preview_import(store, path)
    (row,) = [r for r in preview.rows if r.values.get("name") == PAYLOADS["plus"]]
    assert row.action == "unchanged" and row.member.notes == people["first"].notes


def test_attendance_csv_and_xlsx(hostile, tmp_path):
    from mqp_desktop.exporters.attendance_export import export_attendance_report

    store, _ = hostile
    today = dt.date.today()
    report = store.meetings.report(today - dt.timedelta(days=364), today)
    sc = store.subcommittee()
    rows = read_csv_inert(export_attendance_report(report, sc, tmp_path / "attendance.csv"))
    values = cells(rows)
    assert "'" + PAYLOADS["plus"] in values and "'" + PAYLOADS["hyperlink"] in values
    assert "'" + PAYLOADS["dde"] in values
    numbers = [v for v in values if isinstance(v, float)]
    assert numbers, "counts and rates are written as numbers"
    sheets = read_xlsx_inert(export_attendance_report(report, sc, tmp_path / "attendance.xlsx"))
    members = sheets["Members"]
    (mine,) = [r for r in members if r[0] == PAYLOADS["plus"]]
    assert mine[1] == PAYLOADS["hyperlink"] and mine[2] == PAYLOADS["dde"]
    assert all(isinstance(v, int) for v in mine[3:9]), mine
    assert isinstance(mine[9], float) or mine[9] is None
    assert any(r[0] == PAYLOADS["dde"] for r in sheets["Agencies"])


def test_action_log_xlsx(hostile, tmp_path):
    from mqp_desktop.exporters.action_log_export import export_action_log

    store, people = hostile
    sheets = read_xlsx_inert(export_action_log(store, tmp_path / "actions.xlsx"))
    (row,) = [r for r in sheets["Actions"] if r[0] == people["action"].number]
    assert row[1] == PAYLOADS["hyperlink"] and row[2] == PAYLOADS["at"]
    assert isinstance(row[3], dt.datetime), "the due date is still a date"


def test_section11_round_summary_xlsx(hostile, tmp_path):
    from mqp_desktop.exporters.section11_report import export_round_summary
    from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo

    store, people = hostile
    s11 = Section11Repo(store)
    others = [a.id for a in store.agencies() if a.id != people["agency"].id][:2]
    rnd = s11.create_round("Audit with formulas", s11.framework(DEFAULT_FRAMEWORK), ScaleKind.RAG,
                           [people["agency"].id, *others], dt.date.today() - dt.timedelta(days=60),
                           dt.date.today() - dt.timedelta(days=10))
    ret = s11.find_return(rnd.id, people["agency"].id)
    s11.save_ratings(ret.id, [Rating(1, self_value="red", evidence=PAYLOADS["hyperlink"],
                                     improvement=PAYLOADS["plus"]),
                              Rating(2, self_value="amber", evidence=PAYLOADS["tab"], improvement=PAYLOADS["cr"])],
                     received=dt.date.today())
    sheets = read_xlsx_inert(export_round_summary(store, rnd.id, tmp_path / "summary.xlsx"))
    values = cells(sheets)
    assert PAYLOADS["dde"] in values, "the agency's name, shown as typed"
    assert PAYLOADS["plus"] in values, "the area for improvement, shown as typed"
    assert any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values), "numbers stay numbers"


def test_section11_framework_export_xlsx_and_csv(tmp_path):
    from mqp_desktop.exporters.section11_framework_file import export_framework, read_framework

    framework = Framework(name="=Evil framework", description=PAYLOADS["hyperlink"], standards=(
        Standard(1, PAYLOADS["dde"], description=PAYLOADS["at"],
                 criteria=(Criterion("1.1", PAYLOADS["plus"]), Criterion("1.2", "- a bulleted point"))),
        Standard(2, "Training"),
    ))
    xlsx = read_xlsx_inert(export_framework(framework, tmp_path / "framework.xlsx"))
    rows = read_csv_inert(export_framework(framework, tmp_path / "framework.csv"))
    assert [PAYLOADS["dde"], PAYLOADS["plus"], "- a bulleted point"] == [
        r[2] for r in xlsx["Framework"][1:4]]
    assert ["'" + PAYLOADS["dde"], "'" + PAYLOADS["plus"], "'- a bulleted point"] == [r[2] for r in rows[1:4]]
    assert rows[1][0] == 1.0, "the standard's number is a number"
    assert isinstance(xlsx["Framework"][1][0], int)
    # Read back, both give the framework exactly as typed (the CSV's "'" guards come off).
    for name in ("framework.xlsx", "framework.csv"):
        back = read_framework(tmp_path / name, name="Back")
        assert back.standards[0].title == PAYLOADS["dde"] and back.standards[0].description == PAYLOADS["at"]
        assert [c.text for c in back.standards[0].criteria] == [PAYLOADS["plus"], "- a bulleted point"]


def test_agency_workbook_guards_typed_text_and_keeps_its_drop_downs(store, tmp_path):
    from mqp_desktop.exporters.section11_workbook import export_workbook, preview_workbook
    from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo

    today = dt.date(2025, 11, 20)
    s11 = Section11Repo(store)
    agencies = [a.id for a in store.agencies()][:2]
    rnd = s11.create_round("Audit 2025", s11.framework(DEFAULT_FRAMEWORK), ScaleKind.SCORE_0_3, agencies,
                           dt.date(2025, 10, 1), dt.date(2025, 12, 1))
    plain = export_workbook(store, rnd.id, agencies[1], tmp_path / "plain.xlsx", today=today)
    ret = s11.find_return(rnd.id, agencies[0])
    s11.save_ratings(ret.id, [Rating(1, self_value="2", evidence=PAYLOADS["dde"], improvement=PAYLOADS["hyperlink"]),
                              Rating(2, self_value="1", evidence="- minutes\n- training log")])
    path = export_workbook(store, rnd.id, agencies[0], tmp_path / "hostile.xlsx", today=today)
    values = cells(read_xlsx_inert(path))
    assert PAYLOADS["dde"] in values and PAYLOADS["hyperlink"] in values and "- minutes\n- training log" in values

    def validations(p):
        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(p)
        return sorted((ws.title, dv.type, dv.formula1) for ws in wb.worksheets
                      for dv in ws.data_validations.dataValidation)

    assert validations(path) == validations(plain) != [], "the program's drop-downs are kept"
    # The agency sends it back untouched: the import finds nothing changed (the text came back exactly).
    preview = preview_workbook(store, path, today=today)
    assert preview.problems == [] and not any(c.standard in (1, 2) for c in preview.changes), preview.summary


def test_every_exporter_writes_spreadsheets_through_the_guard():
    """No exporter saves a workbook or writes CSV rows except through files.save_workbook/write_csv."""
    root = Path(__file__).resolve().parent.parent / "mqp_desktop"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "files.py" or "generated" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ("wb.save(", "csv.writer(", "csv.DictWriter(", ".writerow("):
            if needle in text:
                offenders.append(f"{path.relative_to(root)}: {needle}")
    assert offenders == []


def test_safe_text_keeps_tabs_and_line_breaks_for_the_guard_to_see():
    assert safe_text("\tx\r\n") == "\tx\r\n" and safe_text("a\x00b\x07") == "ab"

"""Importing indicator values from CSV and XLSX (exporters/indicator_data_import.py) and exporting
them (exporters/indicator_data_export.py): both layouts, every heading form, every cell form, every
rejection by sheet, row and column, all or nothing, the change history, and the round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mqp_desktop.domain.performance import Comparators, Indicator
from mqp_desktop.domain.periods import Period
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.indicator_data_export import export_indicator_data
from mqp_desktop.exporters.indicator_data_import import (
    DataFileError,
    apply_data_import,
    percent_format,
    preview_data_import,
)
from tests.helpers.db_dump import dump

Q = Period.quarter


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    """Values are refused for periods not begun: the tests' periods are in the past on this day."""
    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: dt.date(2026, 12, 1))


@pytest.fixture
def perf(store):
    themes = store.performance.themes()
    p = store.performance
    p.add_indicator(Indicator(code="CP3", title="Repeat child protection plans", theme_id=themes[3].id,
                              unit="percentage", direction="lower", target=20, tolerance=2))
    p.add_indicator(Indicator(code="EH1", title="Early help assessments completed", theme_id=themes[1].id,
                              unit="number"))
    p.add_indicator(Indicator(code="RF1", title="Referrals rate", theme_id=themes[1].id, unit="rate per 10,000"))
    p.add_indicator(Indicator(code="MON1", title="Missing episodes", theme_id=themes[0].id, unit="number",
                              frequency="monthly"))
    p.add_indicator(Indicator(code="AN1", title="Annual survey score", theme_id=themes[0].id, unit="number",
                              frequency="annual"))
    p.add_indicator(Indicator(code="QT6", title="Agencies' reports on time", theme_id=themes[2].id,
                              unit="percentage", by_agency=True))
    return p


def ind(perf, code):
    return perf.find_indicator(code)


def xlsx(path: Path, sheets: dict[str, list[list]], formats: dict[tuple[str, str], str] | None = None,
         hidden: tuple[str, ...] = ()) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    for (sheet, ref), fmt in (formats or {}).items():
        wb[sheet][ref].number_format = fmt
    wb.save(path)
    return path


def csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def cells_at(preview, sheet=None):
    return {(c.sheet, c.cell): c for c in preview.cells if sheet is None or c.sheet == sheet}


# --- layouts and headings ---------------------------------------------------------------------------
@pytest.mark.parametrize("heading, period", [
    ("Q1 2025-26", Q(2025, 2)), ("2025/26 Q1", Q(2025, 2)), ("Q3 2025/26", Q(2025, 4)), ("2025-Q2", Q(2025, 2)),
    ("Q1 2025-26 (Apr–Jun 2025)", Q(2025, 2)), (dt.datetime(2025, 6, 30), Q(2025, 2)),
])
def test_each_quarter_heading_form_is_read(store, perf, tmp_path, heading, period):
    path = xlsx(tmp_path / "d.xlsx", {"Data": [["Code", heading], ["EH1", 12]]})
    preview = preview_data_import(store, path)
    (cell,) = preview.cells
    assert (cell.outcome, cell.period, cell.value) == ("add", period, 12)
    assert preview.sheets[0].layout == "wide"


@pytest.mark.parametrize("heading, period", [
    ("Jun-25", Period.month(2025, 6)), ("2025-06", Period.month(2025, 6)), ("June 2025", Period.month(2025, 6)),
    ("Jun 2025", Period.month(2025, 6)), (dt.datetime(2025, 6, 1), Period.month(2025, 6)),
])
def test_each_month_heading_form_is_read(store, perf, tmp_path, heading, period):
    path = xlsx(tmp_path / "d.xlsx", {"Data": [["Indicator", heading], ["MON1", 3]]})
    (cell,) = preview_data_import(store, path).cells
    assert (cell.outcome, cell.period) == ("add", period)


@pytest.mark.parametrize("heading", ["2024-25", "2024/25", "FY 2024-25", "2024/2025"])
def test_each_year_heading_form_is_read(store, perf, tmp_path, heading):
    path = csv(tmp_path / "d.csv", f"Code,{heading}\nAN1,71\n")
    (cell,) = preview_data_import(store, path).cells
    assert (cell.outcome, cell.period) == ("add", Period.financial_year(2024))


def test_2011_12_is_read_as_the_month_or_the_year_by_the_indicator(store, perf, tmp_path):
    path = csv(tmp_path / "d.csv", "Code,2011-12\nMON1,5\nAN1,6\n")
    got = {c.indicator.code: c.period for c in preview_data_import(store, path).cells}
    assert got == {"MON1": Period.month(2011, 12), "AN1": Period.financial_year(2011)}


def test_wide_layout_with_title_rows_titles_and_ignored_columns(store, perf, tmp_path):
    path = xlsx(tmp_path / "d.xlsx", {"Dataset": [
        ["Anytown partnership dataset 2025-26"], [],
        ["Ref", "Indicator title", "Target", "RAG", "Q1 2025-26", "Q2 2025-26"],
        [None, "Early help assessments completed", 100, "G", 120, 130],
        ["CP3", "Repeat plans (old wording)", 20, "A", 21.5, None],
    ]})
    preview = preview_data_import(store, path)
    sheet = preview.sheets[0]
    assert (sheet.layout, sheet.heading_row, sheet.periods) == ("wide", 3, ["Q1 2025-26", "Q2 2025-26"])
    assert sheet.ignored == ["Target (C)", "RAG (D)"]
    assert "wide" in preview.layouts and "headings in row 3" in preview.layouts
    got = {(c.indicator.code, c.period.key): c.value for c in preview.cells}
    assert got == {("EH1", "2025-Q2"): 120, ("EH1", "2025-Q3"): 130, ("CP3", "2025-Q2"): 21.5}
    assert preview.blanks == 1


def test_long_layout_with_agency_comparators_and_reason(store, perf, tmp_path):
    police = store.find_agency("Police")
    path = xlsx(tmp_path / "d.xlsx", {"Values": [
        ["Code", "Period", "Agency", "Value", "England", "Region", "Stat neighbours", "Reason"],
        ["CP3", "Q1 2025-26", None, 21.5, 22.0, 23.1, 20.4, None],
        ["QT6", "2025/26 Q1", "Police", 88, None, None, None, None],
        ["QT6", "2025-Q2", "", 90, None, None, None, None],
    ]})
    preview = preview_data_import(store, path)
    assert preview.sheets[0].layout == "long"
    got = {(c.indicator.code, c.kind, c.agency_id): c.value for c in preview.cells}
    assert got == {("CP3", "value", None): 21.5, ("CP3", "england", None): 22.0, ("CP3", "region", None): 23.1,
                   ("CP3", "statistical_neighbours", None): 20.4, ("QT6", "value", police.id): 88,
                   ("QT6", "value", None): 90}
    counts = apply_data_import(store, preview)
    assert counts["add"] == 6
    assert perf.value(ind(perf, "QT6").id, "2025-Q2", police.id).value == 88
    c = perf.comparators(ind(perf, "CP3").id, "2025-Q2")
    assert (c.england, c.region, c.statistical_neighbours) == (22.0, 23.1, 20.4)


def test_indicators_by_title_when_unambiguous_and_by_code_and_title_together(store, perf, tmp_path):
    path = csv(tmp_path / "d.csv", "Indicator,Q1 2025-26\nearly help assessments COMPLETED,5\n"
                                   "CP3 Repeat child protection plans,7\n")
    got = [(c.indicator.code, c.value) for c in preview_data_import(store, path).cells]
    assert got == [("EH1", 5), ("CP3", 7)]


def test_every_sheet_of_a_workbook_is_read_and_named(store, perf, tmp_path):
    path = xlsx(tmp_path / "d.xlsx", {
        "Read me": [["This workbook holds the partnership's figures."]],
        "Quarterly": [["Code", "Q1 2025-26"], ["EH1", 5]],
        "Monthly": [["Code", "Period", "Value"], ["MON1", "Jun-25", 2]],
        "Workings": [["Code", "Q2 2025-26"], ["EH1", 999]],
    }, hidden=("Workings",))
    preview = preview_data_import(store, path)
    assert [(s.name, s.layout) for s in preview.sheets] == [("Read me", ""), ("Quarterly", "wide"),
                                                            ("Monthly", "long")]
    assert "Sheet 'Read me'" in preview.layouts and "not read" in preview.layouts
    assert {c.sheet for c in preview.cells} == {"Quarterly", "Monthly"}


def test_a_file_with_no_indicator_data_is_refused_saying_what_it_needs(store, perf, tmp_path):
    path = csv(tmp_path / "d.csv", "Name,Shoe size\nJo,7\n")
    with pytest.raises(DataFileError) as caught:
        preview_data_import(store, path)
    assert "'d.csv' was not read" in caught.value.problem and "Code" in caught.value.remedy


# --- cell forms ---------------------------------------------------------------------------------------
def test_cell_forms_in_a_csv_file(store, perf, tmp_path):
    path = csv(tmp_path / "d.csv", "Code,Q1 2024-25,Q2 2024-25,Q3 2024-25,Q4 2024-25,Q1 2025-26,Q2 2025-26\n"
                                   "CP3,12.5%,12.5,,-,n/a,*\n"
                                   "EH1,\"1,234\",c,<5,'12,,\n")
    got = {c.cell: (c.outcome, c.value, c.skipped) for c in preview_data_import(store, path).cells}
    assert got == {
        "B2": ("add", 12.5, ""), "C2": ("add", 12.5, ""), "E2": ("skip", None, "not available"),
        "F2": ("skip", None, "not available"), "G2": ("skip", None, "suppressed"),
        "B3": ("add", 1234, ""), "C3": ("skip", None, "suppressed"), "D3": ("skip", None, "suppressed"),
        "E3": ("add", 12, ""),
    }
    preview = preview_data_import(store, path)
    assert (preview.counts["suppressed"], preview.counts["not available"]) == (3, 2)
    assert "3 suppressed, 2 not available" in preview.summary


def test_a_percentage_formatted_xlsx_cell_is_a_fraction_and_others_are_read_as_they_are(store, perf, tmp_path):
    path = xlsx(tmp_path / "d.xlsx", {"Data": [["Code", "Q1 2025-26", "Q2 2025-26", "Q3 2025-26"],
                                               ["CP3", 0.125, 12.5, 0.333]]},
                formats={("Data", "B2"): "0.0%", ("Data", "C2"): '0.0"%"', ("Data", "D2"): "0%"})
    got = {c.cell: c.value for c in preview_data_import(store, path).cells}
    assert got == {"B2": 12.5, "C2": 12.5, "D2": 33.3}


def test_percent_formats(store):
    assert percent_format("0.0%") and percent_format("0%") and percent_format("#,##0.00%;[Red]-0.00%")
    assert not percent_format('0.0"%"') and not percent_format("0.0\\%") and not percent_format("General")
    assert not percent_format(None)


# --- rejections, each by sheet, row and column -----------------------------------------------------------
def test_every_rejection_names_sheet_row_column_and_the_fix(store, perf, tmp_path):
    path = xlsx(tmp_path / "d.xlsx", {
        "Wide": [
            ["Title row"],
            ["Code", "Unit", "Q1 2025-26", "Jun-25", "Q5 2025", "Q4 2026-27"],
            ["NOPE", None, 5, None, None, None],                 # row 3: unknown indicator (A)
            ["EH1", None, "lots", None, 4, 7],                    # row 4: text (C), unreadable heading (E), not begun (F)
            ["EH1", None, None, 3, None, None],                   # row 5: wrong frequency (D)
            ["CP3", None, 101, None, None, None],                 # row 6: percentage over 100 (C)
            ["RF1", "%", 4.1, None, None, None],                  # row 7: unit disagrees (B)
        ],
        "Long": [
            ["Code", "Period", "Agency", "Value"],
            ["EH1", "Q2 2025-26", None, -4],                      # row 2: negative count (D)
            ["QT6", "Q2 2025-26", "Nowhere Trust", 50],           # row 3: unknown agency (C)
            ["EH1", "Quarter two", None, 3],                      # row 4: period it cannot read (B)
            ["MON1", "Q1 2025-26", None, 3],                      # row 5: wrong frequency (B)
            ["CP3", "Q3 2025-26", None, 20],                      # rows 6 and 7: the same cell twice (D)
            ["CP3", "Q3 2025-26", None, 21],
            ["EH1", "Q4 2027-28", None, 1],                       # row 8: not begun (B)
        ],
    })
    preview = preview_data_import(store, path)
    rejected = {(c.sheet, c.row, c.where.rsplit(" ", 1)[1]): (c.field, c.message) for c in preview.rejected}
    expected = {
        ("Wide", 3, "A"): ("indicator", "There is no indicator with the code 'NOPE'"),
        ("Wide", 4, "C"): ("value", "is text where a number belongs"),
        ("Wide", 4, "E"): ("period", "The heading of column E ('Q5 2025', row 2) is not a period"),
        ("Wide", 4, "F"): ("period", "has not begun yet"),
        ("Wide", 5, "D"): ("frequency", "is a month (Jun 2025), but EH1 is quarterly"),
        ("Wide", 6, "C"): ("value", "is over 100, but CP3 is a percentage"),
        ("Wide", 7, "B"): ("unit", "The Unit cell says '%', but RF1 is a rate per 10,000"),
        ("Long", 2, "D"): ("value", "is negative, but EH1 is a count"),
        ("Long", 3, "C"): ("agency", "'Nowhere Trust' is not an agency in the register"),
        ("Long", 4, "B"): ("period", "'Quarter two' is not a period this program can read"),
        ("Long", 5, "B"): ("frequency", "is a quarter (Apr–Jun 2025), but MON1 is monthly"),
        ("Long", 6, "D"): ("duplicate", "also sheet 'Long' row 7 cell D7"),
        ("Long", 7, "D"): ("duplicate", "also sheet 'Long' row 6 cell D6"),
        ("Long", 8, "B"): ("period", "has not begun yet"),
    }
    assert set(rejected) == set(expected)
    for key, (field_, words) in expected.items():
        assert rejected[key][0] == field_, key
        assert words in rejected[key][1], (key, rejected[key][1])
    for c in preview.rejected:
        assert c.where.startswith(f"sheet '{c.sheet}' row {c.row} column ")
        fixes = ("write", "enter", "correct", "give", "keep", "check", "format", "put", "leave", "move")
        assert any(word in c.message.casefold() for word in fixes), ("each message says what to do", c.message)


def test_a_csv_rejection_names_the_file_as_its_sheet(store, perf, tmp_path):
    path = csv(tmp_path / "values.csv", "Code,Q1 2025-26\nEH1,abc\n")
    (cell,) = preview_data_import(store, path).rejected
    assert cell.where == "'values.csv' row 2 column B"


def test_a_percentage_formatted_cell_for_a_count_is_rejected(store, perf, tmp_path):
    path = xlsx(tmp_path / "d.xlsx", {"Data": [["Code", "Q1 2025-26"], ["EH1", 0.5]]}, formats={("Data", "B2"): "0%"})
    (cell,) = preview_data_import(store, path).rejected
    assert "formatted as a percentage (50%)" in cell.message and cell.where.endswith("row 2 column B")


def test_a_value_for_an_agency_on_an_indicator_not_broken_down_is_rejected_at_the_agency(store, perf, tmp_path):
    path = csv(tmp_path / "d.csv", "Code,Period,Agency,Value\nEH1,Q1 2025-26,Police,5\n")
    (cell,) = preview_data_import(store, path).rejected
    assert cell.where.endswith("row 2 column C") and "not broken down by agency" in cell.message


def test_an_ambiguous_title_is_rejected_asking_for_the_code(store, perf, tmp_path):
    themes = perf.themes()
    perf.add_indicator(Indicator(code="EH2", title="Early help assessments completed", theme_id=themes[1].id))
    path = csv(tmp_path / "d.csv", "Title,Q1 2025-26\nEarly help assessments completed,5\n")
    (cell,) = preview_data_import(store, path).rejected
    assert "belongs to more than one indicator (EH1 and EH2)" in cell.message and cell.where.endswith("column A")


def test_a_row_of_words_is_passed_over_not_rejected(store, perf, tmp_path):
    path = csv(tmp_path / "d.csv", "Code,Q1 2025-26,Q2 2025-26\nTheme 1: outcomes,,\nTotal,see notes,\nEH1,3,4\n")
    preview = preview_data_import(store, path)
    assert not preview.rejected and len(preview.cells) == 2


# --- preview, then all or nothing ---------------------------------------------------------------------------
def test_the_preview_writes_nothing_and_apply_refuses_rejections_unless_the_rest_is_asked_for(store, perf, tmp_path):
    path = csv(tmp_path / "d.csv", "Code,Q1 2025-26,Q2 2025-26\nEH1,3,abc\n")
    before = dump(store.db.conn)
    preview = preview_data_import(store, path)
    assert dump(store.db.conn) == before
    with pytest.raises(ValidationError) as caught:
        apply_data_import(store, preview)
    assert "1 cell of d.csv was rejected" in caught.value.message and "'d.csv' row 2 column C" in caught.value.message
    assert dump(store.db.conn) == before
    counts = apply_data_import(store, preview, skip_rejected=True)
    assert (counts["add"], counts["reject"]) == (1, 1)
    assert perf.value(ind(perf, "EH1").id, "2025-Q2").value == 3


def test_a_revision_needs_a_reason_kept_with_the_old_value_and_recorded_in_the_history(store, perf, tmp_path):
    eh1 = ind(perf, "EH1")
    perf.set_value(eh1.id, "2025-Q2", 10)
    path = csv(tmp_path / "d.csv", "Code,Q1 2025-26,Q2 2025-26\nEH1,12,8\n")
    preview = preview_data_import(store, path)
    by_cell = cells_at(preview)
    assert (by_cell[("d", "B2")].outcome, by_cell[("d", "B2")].old_value, by_cell[("d", "B2")].value) == ("revise", 10, 12)
    assert by_cell[("d", "B2")].needs_reason and len(preview.needing_reason()) == 1
    before = dump(store.db.conn)
    with pytest.raises(ValidationError) as caught:
        apply_data_import(store, preview)
    assert caught.value.field == "reason" and "EH1 Q1 2025-26 10 -> 12" in caught.value.message
    assert dump(store.db.conn) == before
    apply_data_import(store, preview, reason="Late returns added")
    (revision,) = perf.revisions(eh1.id)
    assert (revision.old_value, revision.new_value, revision.reason) == (10, 12, "Late returns added")
    history = store.history(limit=5) if hasattr(store, "history") else None
    rows = list(store.db.query("SELECT summary, changes FROM change_log ORDER BY id DESC LIMIT 3"))
    assert any("Values imported from d.csv: 1 added, 1 revised" in r["summary"] for r in rows), (rows, history)


def test_a_reason_column_gives_a_row_its_own_reason(store, perf, tmp_path):
    eh1 = ind(perf, "EH1")
    perf.set_value(eh1.id, "2025-Q2", 10)
    path = csv(tmp_path / "d.csv", "Code,Period,Value,Reason\nEH1,Q1 2025-26,11,Recount by the team\n")
    preview = preview_data_import(store, path)
    assert not preview.needing_reason()
    apply_data_import(store, preview)
    assert perf.revisions(eh1.id)[0].reason == "Recount by the team"


def test_unchanged_cells_change_nothing(store, perf, tmp_path):
    eh1 = ind(perf, "EH1")
    perf.set_value(eh1.id, "2025-Q2", 10)
    path = csv(tmp_path / "d.csv", "Code,Q1 2025-26\nEH1,10\n")
    preview = preview_data_import(store, path)
    assert preview.cells[0].outcome == "unchanged"
    before = dump(store.db.conn)
    apply_data_import(store, preview)
    assert dump(store.db.conn) == before


def test_an_import_made_stale_by_a_change_since_the_preview_writes_nothing(store, perf, tmp_path):
    path = csv(tmp_path / "d.csv", "Code,Q1 2025-26,Q2 2025-26\nEH1,12,13\n")
    preview = preview_data_import(store, path, reason="Revised")
    perf.set_value(ind(perf, "EH1").id, "2025-Q2", 10)  # someone else, meanwhile
    before = dump(store.db.conn)
    with pytest.raises(ValidationError) as caught:
        apply_data_import(store, preview)
    assert "changed after d.csv was previewed" in caught.value.message
    assert dump(store.db.conn) == before


def test_a_failure_while_writing_leaves_nothing_half_written(store, perf, tmp_path, monkeypatch):
    path = csv(tmp_path / "d.csv", "Code,Period,Value,England\nEH1,Q1 2025-26,12,14\n")
    preview = preview_data_import(store, path)
    before = dump(store.db.conn)

    def broken(*args, **kwargs):
        raise ValidationError("england", "the disk went away")

    monkeypatch.setattr(type(store.performance), "apply_comparators", broken)
    with pytest.raises(ValidationError):
        apply_data_import(store, preview)
    assert dump(store.db.conn) == before, "the values written before the failure were undone"


# --- hostile and odd files --------------------------------------------------------------------------------
@pytest.mark.parametrize("name, data, words", [
    ("d.xls", b"\xd0\xcf\x11\xe0", "old-style Excel 97-2003"),
    ("d.xlsm", b"PK\x03\x04", "macro-enabled"),
    ("d.txt", b"Code,Q1 2025-26\n", "not a CSV or Excel file"),
    ("d.csv", b"", "is empty"),
    ("d.xlsx", b"Code,Q1 2025-26\nEH1,1\n", "not really an Excel workbook"),
    ("d.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "password-protected"),
    ("d.xlsx", b"PK\x03\x04garbage", "damaged"),
])
def test_files_that_are_not_indicator_data_are_refused_with_the_fix(store, perf, tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(DataFileError) as caught:
        preview_data_import(store, path)
    assert words in str(caught.value) and caught.value.remedy


def test_a_csv_file_in_an_old_encoding_says_it_was_guessed(store, perf, tmp_path):
    themes = perf.themes()
    perf.add_indicator(Indicator(code="SÉ1", title="Séances", theme_id=themes[0].id)) if False else None
    path = csv(tmp_path / "d.csv", "Code;Indicator;Q1 2025-26\nEH1;Évaluations d'aide précoce;5\n", "cp1252")
    preview = preview_data_import(store, path)
    assert preview.encoding == "cp1252" and preview.encoding_guessed and "guessed" in preview.encoding_note
    assert preview.cells[0].value == 5


# --- export and the round trip ------------------------------------------------------------------------------
@pytest.fixture
def filled(store, perf):
    police = store.find_agency("Police")
    cp3, eh1, mon1, an1, qt6 = (ind(perf, c) for c in ("CP3", "EH1", "MON1", "AN1", "QT6"))
    for k, q in enumerate(Q(2025, 1).last_n(6)):
        perf.set_value(cp3.id, q, 20 + k / 3)  # 20.333..., 33.3 and friends: fractions that do not print short
        perf.set_value(eh1.id, q, 1000 + 37 * k)
        perf.set_value(qt6.id, q, 80 + k)
        perf.set_value(qt6.id, q, 70.5 + k, agency_id=police.id)
    perf.set_value(cp3.id, Q(2025, 2), 33.3)
    for m in Period.month(2025, 6).last_n(5):
        perf.set_value(mon1.id, m, m.number)
    perf.set_value(an1.id, "2024-25", 71.25)
    perf.set_comparators(Comparators(cp3.id, Q(2025, 1), england=22.1, region=23, statistical_neighbours=21.4))
    perf.set_comparators(Comparators(eh1.id, Q(2024, 4), england=1500))
    return perf


@pytest.mark.parametrize("name, layout", [("d.xlsx", "wide"), ("d.xlsx", "long"), ("d.csv", "wide"),
                                          ("d.csv", "long")])
def test_what_export_writes_import_reads_back_unchanged(store, filled, tmp_path, name, layout):
    path, data = export_indicator_data(store, tmp_path / name, layout=layout)
    preview = preview_data_import(store, path)
    outcomes = {c.outcome for c in preview.cells}
    assert outcomes == {"unchanged"}, [(c.where, c.outcome, c.value, c.old_value, c.message) for c in preview.cells
                                       if c.outcome != "unchanged"]
    values = sum(1 for c in preview.cells if c.kind == "value")
    assert values == data.value_count == 6 * 4 + 1 + 5 + 1
    comparators = sum(1 for c in preview.cells if c.kind != "value")
    assert comparators == (4 if layout == "long" else 0)
    assert {s.layout for s in preview.sheets if s.layout} == {layout}


def test_an_export_edited_in_a_spreadsheet_imports_its_changes(store, filled, tmp_path):
    path, _ = export_indicator_data(store, tmp_path / "d.xlsx", layout="wide")
    wb = load_workbook(path)
    ws = wb["Quarterly"]
    headings = [c.value for c in ws[3]]
    row = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "EH1")
    row[headings.index("Q4 2024-25")].value = 1500  # revise
    wb.save(path)
    preview = preview_data_import(store, path, reason="Corrected")
    (revised,) = preview.revisions
    assert (revised.what, revised.old_value, revised.value) == ("EH1 Q4 2024-25", 1000 + 37 * 5, 1500)


def test_the_export_writes_numbers_percent_cells_headings_in_words_and_guards_formulas(store, filled, tmp_path):
    eh1 = ind(filled, "EH1")
    eh1.title = "=HYPERLINK(\"http://x\")"
    filled.update_indicator(eh1)
    path, _ = export_indicator_data(store, tmp_path / "d.xlsx", layout="wide")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Quarterly", "Monthly", "Annual"]
    ws = wb["Quarterly"]
    headings = [c.value for c in ws[3]]
    assert headings[:4] == ["Code", "Indicator", "Agency", "Unit"] and "Q1 2024-25" in headings
    cp3 = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "CP3")
    cell = cp3[headings.index("Q1 2025-26")]
    assert cell.value == pytest.approx(0.333) and "%" in cell.number_format
    eh = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "EH1")
    assert eh[1].data_type == "s" and eh[1].quotePrefix, "a title that looks like a formula stays text"
    assert isinstance(eh[headings.index("Q1 2024-25")].value, (int, float))
    text = (tmp_path / "d.csv")
    export_indicator_data(store, text, layout="long")
    assert "\"'=HYPERLINK" in text.read_text(encoding="utf-8-sig")


def test_the_export_range_takes_the_periods_ending_within_it(store, filled, tmp_path):
    path, _ = export_indicator_data(store, tmp_path / "d.csv", layout="long", first="2024-Q4", last="Q4 2024-25")
    periods = {(c.indicator.code, c.period.key) for c in preview_data_import(store, path).cells if c.kind == "value"}
    assert ("EH1", "2024-Q4") in periods and ("EH1", "2025-Q1") in periods and ("EH1", "2024-Q3") not in periods
    assert ("MON1", "2025-03") in periods and ("MON1", "2025-04") not in periods
    assert ("AN1", "2024-25") in periods
    with pytest.raises(ValueError):
        export_indicator_data(store, tmp_path / "e.csv", first="2025-Q2", last="2024-Q1")
    with pytest.raises(ValueError):
        export_indicator_data(store, tmp_path / "e.pdf")


# --- comparators in bulk (store.performance) ------------------------------------------------------------
def test_comparators_in_bulk_are_added_changed_or_left_and_recorded_once(store, perf):
    from mqp_desktop.domain.performance import ComparatorChange, Outcome

    cp3 = ind(perf, "CP3")
    perf.set_comparators(Comparators(cp3.id, Q(2025, 1), england=22.0))
    batch = [ComparatorChange(cp3.id, Q(2025, 1), "england", 22.0), ComparatorChange(cp3.id, Q(2025, 1), "region", 21.0),
             ComparatorChange(cp3.id, Q(2025, 2), "england", 23.5), ComparatorChange(cp3.id, Q(2025, 2), "region", 130)]
    planned = perf.preview_comparators(batch)
    assert [p.outcome for p in planned] == [Outcome.UNCHANGED, Outcome.ADD, Outcome.ADD, Outcome.REJECT]
    assert "percentage" in planned[3].message
    before = dump(store.db.conn)
    with pytest.raises(ValidationError):
        perf.apply_comparators(batch)
    assert dump(store.db.conn) == before
    counts = perf.apply_comparators(batch[:3], what="d.xlsx")
    assert counts == {"add": 2, "revise": 0, "unchanged": 1}
    assert perf.comparators(cp3.id, Q(2025, 2)).england == 23.5
    assert perf.apply_comparators([ComparatorChange(cp3.id, Q(2025, 1), "england", 22.4)]) == {
        "add": 0, "revise": 1, "unchanged": 0}
    assert perf.comparators(cp3.id, Q(2025, 1)).england == 22.4
    rows = list(store.db.query("SELECT summary FROM change_log WHERE entity = 'indicator_comparator' ORDER BY id"))
    assert rows[-2]["summary"] == "Comparators imported from d.xlsx: 2 added, 0 changed"
    assert rows[-1]["summary"] == "Comparators entered: 0 added, 1 changed"

"""The scorecard workbook read back with openpyxl: figures as numbers, percentages as percentages, RAG as a word on
its colour, headings in words, a frozen heading row, widths, and text that would run as a formula made inert."""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain.performance import Indicator, Rag
from mqp_desktop.exporters.performance_report import export_scorecard
from mqp_desktop.exporters.performance_report_data import RAG_FILL, RAG_TEXT
from mqp_desktop.exporters.scorecard_xlsx import COLUMNS
from tests.helpers.performance_tiny import AUTHOR, COMMENTARY, PERIOD, build

TODAY = dt.date(2026, 12, 1)
openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: TODAY)


@pytest.fixture
def sheet(store, tmp_path):
    build(store)
    path = export_scorecard(store, PERIOD, tmp_path / "scorecard.xlsx", today=TODAY)
    return openpyxl.load_workbook(path)


def _rows(ws) -> tuple[int, dict[str, dict[str, object]]]:
    """(heading row, {code: {heading: cell}}) of the Scorecard sheet."""
    header = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "Theme")
    names = [c.value for c in ws[header]]
    out = {}
    for row in ws.iter_rows(min_row=header + 1):
        cells = dict(zip(names, row, strict=True))
        out[cells["Code"].value] = cells
    return header, out


def test_headings_in_words_frozen_filtered_and_widths(sheet):
    ws = sheet["Scorecard"]
    header, rows = _rows(ws)
    assert [c.value for c in ws[header]] == [name for name, _ in COLUMNS]
    assert ws["A1"].value == "Scorecard: Q2 2025-26 (Jul–Sep 2025)"
    assert ws.freeze_panes == f"D{header + 1}", "the heading row and the indicator's name stay in view"
    assert ws.auto_filter.ref.startswith(f"A{header}:")
    assert ws.column_dimensions["C"].width == 46 and ws.column_dimensions["U"].width == 60
    assert all(ws.cell(row=header, column=c).font.bold for c in range(1, len(COLUMNS) + 1))
    assert list(rows) == ["RR1", "RH2", "CX3", "NV4", "MO5"]
    assert sheet.properties.title == "Scorecard: Q2 2025-26 (Jul–Sep 2025)"


def test_figures_are_numbers_and_percentages_are_percentages(sheet):
    _h, rows = _rows(sheet["Scorecard"])
    rr1 = rows["RR1"]
    for name, value in (("Value", 0.241), ("Target", 0.2), ("Tolerance (amber band)", 0.02),
                        ("Previous value", 0.223), ("Value last year", 0.217), ("England", 0.224), ("Region", 0.21),
                        ("Statistical neighbours", 0.206)):
        cell = rr1[name]
        assert cell.data_type == "n" and cell.value == pytest.approx(value), name
        assert cell.number_format == "0.0%", name
    cx3 = rows["CX3"]
    assert cx3["Value"].value == 455 and cx3["Value"].number_format == "#,##0"
    assert cx3["Previous value"].value == 449 and cx3["Value last year"].value == pytest.approx(449.4)
    assert cx3["Value last year"].number_format == "#,##0.0"
    assert cx3["Target"].value is None and cx3["RAG"].value == "Context"
    mo5 = rows["MO5"]
    assert mo5["Value"].value == 44 and mo5["Period"].value == "Sep 2025" and mo5["Previous period"].value == "Aug 2025"
    assert rows["NV4"]["Value"].value is None and rows["NV4"]["RAG"].value == "No value"


def test_rag_is_a_word_on_its_colour_and_travel_in_words(sheet):
    _h, rows = _rows(sheet["Scorecard"])
    for code, word, rag in (("RR1", "Red", Rag.RED), ("RH2", "Amber", Rag.AMBER), ("CX3", "Context", Rag.GREY)):
        cell = rows[code]["RAG"]
        assert cell.value == word
        assert cell.fill.fgColor.rgb.endswith(RAG_FILL[rag]) and cell.font.color.rgb.endswith(RAG_TEXT[rag])
    assert [rows["RR1"][k].value for k in ("vs previous period", "vs same period last year")] == ["worse", "worse"]
    assert [rows["RH2"][k].value for k in ("vs previous period", "vs same period last year")] == ["worse", "better"]
    assert [rows["CX3"][k].value for k in ("vs previous period", "vs same period last year")] == ["up", "up"]
    assert rows["NV4"]["vs previous period"].value is None
    assert rows["RR1"]["Exception"].value == "red; worse three periods running" and not rows["RH2"]["Exception"].value
    assert rows["RR1"]["What lies behind it (commentary)"].value == COMMENTARY
    assert rows["RR1"]["Commentary by"].value == AUTHOR and rows["RR1"]["Value revised"].value == "yes"


def test_about_sheet_counts_and_key(sheet):
    about = {r[0]: r[1] for r in sheet["About"].iter_rows(values_only=True) if r and r[0]}
    assert (about["Red"], about["Amber"], about["Green"], about["No RAG"], about["Exceptions"]) == (1, 2, 0, 2, 1)
    assert about["Indicators"] == 5 and about["Period"] == "Q2 2025-26 (Jul–Sep 2025)"
    assert about["From"] == dt.datetime(2025, 7, 1) and about["To"] == dt.datetime(2025, 9, 30)
    assert "amber band" in about["RAG"]


def test_text_that_would_run_as_a_formula_is_inert(store, tmp_path):
    perf = store.performance
    ind = perf.add_indicator(Indicator(code="F1", title="=HYPERLINK(\"http://x\",\"click\")",
                                       theme_id=perf.themes()[0].id, unit="number", direction="higher", target=1))
    perf.set_value(ind.id, PERIOD, 3)
    perf.set_commentary(ind.id, PERIOD, "-2+3 more than expected", author="@someone")
    wb = openpyxl.load_workbook(export_scorecard(store, PERIOD, tmp_path / "f.xlsx", today=TODAY))
    _h, rows = _rows(wb["Scorecard"])
    row = rows["F1"]
    for name in ("Indicator", "What lies behind it (commentary)", "Commentary by"):
        assert row[name].data_type == "s" and row[name].quotePrefix, name
    assert row["Indicator"].value.startswith("=HYPERLINK")
    assert row["Value"].value == 3 and row["Value"].data_type == "n"

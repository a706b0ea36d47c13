"""The performance report paper and the scorecard exports, read back and checked against figures worked out by
hand (tests/helpers/performance_tiny.py) and against the store's scorecard on the demo database."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from mqp_desktop.domain.performance import Rag, Travel, Unit
from mqp_desktop.domain.periods import Period
from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.exporters.pdf_fonts import register_fonts
from mqp_desktop.exporters.performance_report import (
    _axis_range,
    exception_chart,
    export_performance_report,
    export_scorecard,
    performance_report_bytes,
    write_performance_report_pdf,
    write_scorecard_pdf,
)
from mqp_desktop.exporters.performance_report_data import (
    RAG_FILL,
    axis_labels,
    default_period,
    gather_performance_report,
    movement,
    rag_word,
    recent_quarters,
)
from tests.helpers.performance_tiny import AUTHOR, COMMENTARY, PERIOD, REVISION_REASON, build

TODAY = dt.date(2026, 12, 1)
pypdf = pytest.importorskip("pypdf")


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: TODAY)


@pytest.fixture
def tiny(store):
    return build(store)


def _texts(path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(str(path)).pages]


def _outline(reader) -> list[tuple[int, str, int]]:
    out = []

    def walk(items, depth):
        for entry in items:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, entry.title, reader.get_destination_page_number(entry)))

    walk(reader.outline, 0)
    return out


# --- the figures ---------------------------------------------------------------------------------------
def test_figures_gathered_match_the_hand_worked_ones(store, tiny):
    report = gather_performance_report(store, PERIOD, today=TODAY)
    rows = {r.indicator.code: r for r in report.rows}
    assert [rag_word(rows[c]) for c in ("RR1", "RH2", "CX3", "NV4", "MO5")] == [
        "Red", "Amber", "Context", "No value", "Amber"]
    assert (report.count(Rag.RED), report.count(Rag.AMBER), report.count(Rag.GREEN), report.count(Rag.GREY)) == (
        1, 2, 0, 2)
    assert [d.row.indicator.code for d in report.exceptions] == ["RR1"]
    assert report.red_exceptions == 1 and report.worsening_exceptions == 1
    assert [(t.total, t.counts[Rag.RED], t.counts[Rag.AMBER], t.counts[Rag.GREY], t.exceptions)
            for t in report.by_theme()] == [(2, 1, 1, 0, 1), (2, 0, 0, 2, 0), (1, 0, 1, 0, 0)]
    assert report.travel_counts()[Travel.WORSE] == 3 and report.travel_counts()[Travel.BETTER] == 0
    assert report.travel_counts(last_year=True)[Travel.BETTER] == 2
    assert rows["MO5"].period == Period.month(2025, 9), "a monthly indicator is read for the quarter's last month"
    detail = report.exceptions[0]
    assert [v for _, v in detail.series][-5:] == [21.7, 19.6, 20.8, 22.3, 24.1]
    assert detail.series[0][1] == 21.7, "the chart starts at the first period with a value"
    assert [r.reason for r in detail.revisions] == [REVISION_REASON]
    assert detail.comparator_series("england")[-2:] == [22.6, 22.4]


def test_the_arrow_follows_the_value_and_the_word_the_direction():
    assert movement(24.1, 22.3) == "up" and movement(88, 88.1) == "down" and movement(2.6, 2.6) == "same"
    assert movement(None, 3) is None and movement(3, None) is None


def test_default_period_is_the_latest_complete_quarter_with_values(store, tiny, monkeypatch):
    assert default_period(store, TODAY) == PERIOD, "values end in 2025-Q3 (MO5's Sep 2025 is in it)"
    assert default_period(store, dt.date(2025, 8, 15)) == Period.quarter(2025, 2), "2025-Q3 not ended then"
    quarters = recent_quarters(store, TODAY, count=3)
    assert quarters == [PERIOD, Period.quarter(2025, 2), Period.quarter(2025, 1)]


def test_default_period_without_values_is_the_last_complete_quarter(store):
    assert default_period(store, TODAY) == Period.quarter(2026, 3)


# --- the report PDF ----------------------------------------------------------------------------------
def test_report_prints_every_figure_and_rag_word_worked_by_hand(tmp_path, store, tiny):
    path = export_performance_report(store, PERIOD, tmp_path / "report.pdf", today=TODAY)
    pages = _texts(path)
    first = pages[0]
    assert "Performance report: Q2 2025-26 (Jul–Sep 2025)" in first
    assert "Wandsworth Safeguarding Children Partnership" in first and "prepared 1 December 2026" in first
    assert "At a glance 1 2 0 2 1 Red Amber Green No RAG Exceptions" in first, "the tiles: numbers over words"
    assert "Since the previous period: 0 better, 3 worse, 0 the same, of the 3 that can be compared." in first
    assert "Since the same period last year: 2 better, 1 worse" in first
    assert "Outcomes for children and families 2 1 1 1" in first, "theme: indicators, red, amber, exceptions"
    assert "All themes 5 1 2 0 2 1" in first
    assert "RR1 Re-referrals to children's social care within 12 months 24.1% 20% Red; worse three periods" in first
    table = next(p for p in pages if p.startswith("All indicators"))
    expected = {
        "RR1 * Re-referrals to children's social care within 12 months lower is better · value revised":
            "24.1% 20% Red worse from 22.3% worse from 21.7% 22.4% 21% 20.6%",
        "RH2 Return home interviews offered within 72 hours higher is better":
            "88% 90% Amber worse from 88.1% better from 83.1% – – –",
        "CX3 Contacts to the front door (rate per 10,000 children) context only (no RAG)":
            "455 – Context up from 449 up from 449.4 – – –",
        "NV4 Strategy discussions attended by the police higher is better": "– 95% No value – – – – –",
        "MO5 Children missing from education lower is better · Sep 2025":
            "44 40 Amber worse from 42.3 better from 44.2 – – –",
    }
    for head, figures in expected.items():
        assert f"{head} {figures}" in table, head
    for theme in ("Outcomes for children and families", "Child protection activity, including early help",
                  "Quality and timeliness of decision making"):
        assert theme in table


def test_report_has_a_section_per_exception_with_its_commentary(tmp_path, store, tiny):
    pages = _texts(export_performance_report(store, PERIOD, tmp_path / "report.pdf", today=TODAY))
    section = next(p for p in pages if p.startswith("Exceptions"))
    assert "RR1 Re-referrals to children's social care within 12 months" in section
    assert "owner: the partnership · lower is better · percentage · quarterly · source: Case management" in section
    assert "Red: 24.1% against a target of 20% or less (amber up to 22%)." in section
    assert ("Worse three periods running: 19.6% (Q3 2024-25) → 20.8% (Q4 2024-25) → 22.3% (Q1 2025-26) → "
            "24.1% (Q2 2025-26).") in section
    assert "24.1% Red 20% 22.3% 21.7% 22.4% 21% 20.6%" in section, "the figures under their headings"
    assert "What lies behind it" in section
    assert COMMENTARY in section and f"— {AUTHOR}, {_written_day(store, tiny)}" in section
    assert "Revised on" in section and f"23.9% → 24.1% ({REVISION_REASON})." in section
    assert "RH2" not in section and "MO5" not in section, "only exceptions have a section"


def _written_day(store, tiny) -> str:
    c = store.performance.commentary(tiny.rr1.id, PERIOD)
    day = dt.datetime.fromisoformat(c.written_at).date()
    return f"{day.day} {day:%b %Y}"


def test_an_exception_without_commentary_says_so(tmp_path, store, tiny):
    perf = store.performance
    perf.set_value(tiny.rh2.id, PERIOD, 70, reason="Corrected return")  # red now, and no commentary
    pages = _texts(export_performance_report(store, PERIOD, tmp_path / "report.pdf", today=TODAY))
    rh2 = next(p for p in pages if p.startswith("RH2 Return home interviews"))
    assert "Red: 70% against a target of 90% or more (amber down to 85%)." in rh2
    assert "No commentary has been written for Q2 2025-26. Ask the partnership what lies behind the figure" in rh2


def test_report_bookmarks_language_title_page_numbers_and_fonts(tmp_path, store, tiny):
    reader = pypdf.PdfReader(str(export_performance_report(store, PERIOD, tmp_path / "r.pdf", today=TODAY)))
    texts = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/PageMode"] == "/UseOutlines"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    meta = reader.metadata
    assert meta.title == "Performance report: Q2 2025-26 (Jul–Sep 2025)"
    assert meta.author == store.subcommittee().partnership and "Q2 2025-26" in meta.subject
    marks = _outline(reader)
    assert [(d, t) for d, t, _ in marks] == [
        (0, "Summary"), (0, "All indicators"), (1, "Outcomes for children and families"),
        (1, "Child protection activity, including early help"), (1, "Quality and timeliness of decision making"),
        (0, "Exceptions"), (1, "RR1 Re-referrals to children's social care within 12 months")]
    page_of = {t: p for _, t, p in marks}
    assert page_of["Summary"] == 0
    assert texts[page_of["All indicators"]].startswith("All indicators")
    assert "Quality and timeliness of decision making Code Indicator" in texts[
        page_of["Quality and timeliness of decision making"]]
    exception_page = texts[page_of["RR1 Re-referrals to children's social care within 12 months"]]
    assert exception_page.startswith("Exceptions") and "What lies behind it" in exception_page
    assert all(f"Page {i} of {len(texts)}" in t for i, t in enumerate(texts, start=1))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
    assert sizes[0] == (595, 842) and sizes[page_of["All indicators"]] == (842, 595), "the table is landscape"
    regular, _ = register_fonts()
    if not regular.startswith("Helvetica"):
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                assert "/FontFile2" in font.get_object()["/FontDescriptor"], "every font embedded"


def test_rag_cells_are_drawn_in_their_colours(store, tiny):
    content = performance_report_bytes(gather_performance_report(store, PERIOD, today=TODAY))
    reader = pypdf.PdfReader(io.BytesIO(content))
    table = next(p for p in reader.pages if (p.extract_text() or "").startswith("All indicators"))
    stream = table.get_contents().get_data().decode("latin-1")

    def operator(hex_colour: str) -> str:
        """The fill operator reportlab writes for a colour ('1 .780392 .807843 rg')."""
        from reportlab.lib.colors import HexColor
        from reportlab.lib.rl_accel import fp_str

        return fp_str(*HexColor("#" + hex_colour).rgb()) + " rg"

    for rag in (Rag.RED, Rag.AMBER, Rag.GREY):
        assert operator(RAG_FILL[rag]) in stream, rag
    assert operator(RAG_FILL[Rag.GREEN]) not in stream, "no indicator is green"


def test_no_exceptions_and_no_indicators_say_so(tmp_path, store):
    pages = _texts(export_performance_report(store, Period.quarter(2026, 3), tmp_path / "empty.pdf", today=TODAY))
    assert len(pages) == 1 and "No indicators are in use yet" in pages[0]


def test_a_filtered_report_names_its_filter(tmp_path, store, tiny):
    rows = store.performance.scorecard(PERIOD, exceptions_only=True)
    path = export_performance_report(store, PERIOD, tmp_path / "f.pdf", rows=rows, filters="filtered: exceptions only",
                                     today=TODAY)
    first = _texts(path)[0]
    assert "1 in use (filtered: exceptions only)" in first


# --- the chart -----------------------------------------------------------------------------------------
def test_the_chart_draws_the_values_target_band_and_comparators(store, tiny):
    from reportlab.graphics.shapes import Drawing, Path, Rect, String

    from mqp_desktop.exporters.performance_report import _Kit

    report = gather_performance_report(store, PERIOD, today=TODAY)
    chart = exception_chart(report.exceptions[0], _Kit(), 480)
    assert isinstance(chart, Drawing)
    strings = [s.text for s in chart.contents if isinstance(s, String)]
    assert {"RR1 (lower is better)", "Target 20%", "Amber band (2 points)", "England", "Region",
            "Statistical neighbours"} <= set(strings)
    assert "24.1%" in strings, "the latest value is labelled"
    assert [s for s in strings if s.startswith("Q")] == ["Q2", "Q3", "Q4", "Q1", "Q2"], "Q2 2024-25 to Q2 2025-26"
    assert "2024-25" in strings and "2025-26" in strings
    band = [r for r in chart.contents if isinstance(r, Rect) and r.fillColor is not None
            and r.fillColor.hexval().upper().endswith(RAG_FILL[Rag.AMBER])]
    assert len(band) == 2, "the amber band, and its swatch in the legend"
    paths = [p for p in chart.contents if isinstance(p, Path)]
    value_line = next(p for p in paths if p.strokeWidth == 1.8)
    assert len(value_line.points) == 2 * 5, "one point per quarter with a value"


def test_axis_labels_and_ranges():
    quarters = Period.quarter(2025, 3).last_n(5)
    assert axis_labels(quarters) == [("Q2", "2024-25"), ("Q3", ""), ("Q4", ""), ("Q1", "2025-26"), ("Q2", "")]
    months = Period.month(2025, 2).last_n(3)
    assert axis_labels(months) == [("Dec", "2024"), ("Jan", "2025"), ("Feb", "")]
    low, high, step = _axis_range([19.6, 24.1, 20, 22], Unit.PERCENTAGE)
    assert low <= 19.6 and high >= 24.1 and step in (1, 2, 2.5)
    low, high, _ = _axis_range([96, 99.5, 100], Unit.PERCENTAGE)
    assert high == 100, "a percentage axis stops at 100%"


# --- the scorecard PDF -----------------------------------------------------------------------------------
def test_scorecard_pdf_is_the_table_alone_on_landscape_pages(tmp_path, store, tiny):
    path = export_scorecard(store, PERIOD, tmp_path / "scorecard.pdf", today=TODAY)
    reader = pypdf.PdfReader(str(path))
    texts = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(842, 595)}
    assert texts[0].startswith("Wandsworth Safeguarding Children Partnership")
    assert "Scorecard: Q2 2025-26 (Jul–Sep 2025)" in texts[0]
    assert "5 indicators · Red 1, Amber 2, Green 0, No RAG 2 · 1 exception" in texts[0]
    assert "MO5 Children missing from education lower is better · Sep 2025 44 40 Amber" in " ".join(texts)
    assert "Exceptions" not in " ".join(texts).replace("1 exception", ""), "no exception sections"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


@pytest.mark.parametrize("name", ["scorecard.docx", "scorecard", "scorecard.csv"])
def test_an_unsupported_file_type_names_the_supported_ones(tmp_path, store, tiny, name):
    with pytest.raises(ValueError) as caught:
        export_scorecard(store, PERIOD, tmp_path / name, today=TODAY)
    assert ".pdf" in str(caught.value) and ".xlsx" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_a_missing_folder_is_a_clear_error(tmp_path, store, tiny, suffix):
    with pytest.raises(ExportFileError, match="does not exist"):
        export_scorecard(store, PERIOD, tmp_path / "nowhere" / f"s{suffix}", today=TODAY)


# --- the demo ---------------------------------------------------------------------------------------------
def test_demo_report_has_a_page_per_exception_and_every_indicator(tmp_path, demo_store):
    period = default_period(demo_store)
    rows = demo_store.performance.scorecard(period)
    report = gather_performance_report(demo_store, period)
    path = tmp_path / "demo.pdf"
    pages = _texts(write_performance_report_pdf(report, path))
    text = " ".join(pages)
    for r in rows:
        assert r.indicator.code in text and r.indicator.title in text
    exceptions = [r for r in rows if r.exception]
    assert exceptions, "the demo has exceptions"
    for r in exceptions:
        page = next(p for p in pages if f"{r.indicator.code} {r.indicator.title}" in p and "What lies behind it" in p)
        assert r.commentary is not None and r.commentary.text.split(".")[0] in page
    assert len(_outline(pypdf.PdfReader(str(path)))) == 3 + len({r.theme.name for r in rows}) + len(exceptions)


def test_scorecard_writer_takes_the_gathered_report(tmp_path, store, tiny):
    report = gather_performance_report(store, PERIOD, today=TODAY)
    assert write_scorecard_pdf(report, tmp_path / "s.pdf").stat().st_size > 1000


def test_reportlab_and_openpyxl_stay_out_of_start_up():
    import subprocess
    import sys

    code = (
        "import sys, mqp_desktop.cli.app, mqp_desktop.exporters.performance_report, "
        "mqp_desktop.exporters.performance_report_data, mqp_desktop.exporters.scorecard_xlsx, "
        "mqp_desktop.exporters.performance_paper, mqp_desktop.cli.performance_exports; "
        "print(sorted(m for m in ('reportlab', 'openpyxl', 'pypdf', 'pikepdf') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

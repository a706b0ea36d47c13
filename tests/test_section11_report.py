"""The Section 11 round summary (PDF and XLSX), read back and checked against figures worked out by hand
(tests/helpers/section11_tiny.py) and against the store's own arithmetic on the demo database."""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain.section11 import PERCENT, RAG, SCORE_0_3, Basis
from mqp_desktop.domain.section11_analysis import rating_grid, score_values
from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.exporters.pdf_fonts import register_fonts
from mqp_desktop.exporters.section11_report import (
    NA_FILL,
    band_colour,
    export_round_summary,
    gather_round_report,
    grid_cell_value,
    legend_entries,
    score_fill,
    score_text,
    shorten,
)
from mqp_desktop.store.section11 import Section11Repo
from tests.helpers.section11_tiny import TODAY, build


@pytest.fixture
def tiny(store):
    return build(store)


def _pages(path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(str(path)).pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sheet_rows(ws, header_text: str):
    """(header row index, rows below it as value lists) of a sheet whose heading row starts with ``header_text``."""
    for row in ws.iter_rows(min_row=1, max_row=10):
        if row[0].value == header_text:
            header = row[0].row
            break
    else:  # pragma: no cover
        raise AssertionError(f"no heading row '{header_text}' in {ws.title}")
    return header, [[c.value for c in r] for r in ws.iter_rows(min_row=header + 1)]


# --- the words and colours of a cell ---------------------------------------------------------
def test_cell_text_on_each_scale_prints_the_value_or_the_mean():
    assert score_text(score_values(RAG, ["green"]), RAG) == "Green"
    assert score_text(score_values(RAG, ["green", "red"]), RAG) == "50%"
    assert score_text(score_values(SCORE_0_3, ["2"]), SCORE_0_3) == "2"
    assert score_text(score_values(SCORE_0_3, ["1", "2"]), SCORE_0_3) == "1.5"
    assert score_text(score_values(PERCENT, ["75", "n/a"]), PERCENT) == "75%", "n/a left out"
    assert score_text(score_values(PERCENT, ["n/a"]), PERCENT) == "n/a"
    assert score_text(score_values(RAG, [None]), RAG) == "\u2014"
    assert score_fill(score_values(PERCENT, ["n/a"]), PERCENT) == NA_FILL


def test_band_runs_red_to_amber_to_green_and_the_legend_names_na_and_not_rated():
    red, amber, green = (tuple(int(c[i:i + 2], 16) for i in (0, 2, 4)) for c in
                         (band_colour(0), band_colour(50), band_colour(100)))
    assert red[0] > red[1] and red[0] > red[2], "0% is red"
    assert green[1] > green[0] and green[1] > green[2], "100% is green"
    assert amber[0] > amber[2] and amber[1] > amber[2], "50% is amber"
    assert band_colour(100 / 3) != band_colour(200 / 3)
    shown = [e[1] for e in legend_entries(PERCENT)]
    assert shown[0] == "0%" and shown[-2:] == ["n/a", "\u2014"]
    assert [e[1] for e in legend_entries(RAG)] == ["Red", "Amber", "Green", "\u2014"]


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    text = "Staff unsure when to share without consent; agreement with schools not signed"
    assert shorten(text, 200) == text
    cut = shorten(text, 40)
    assert len(cut) <= 40 and cut.endswith("\u2026") and text.startswith(cut[:-1])
    assert not cut[:-1].endswith(" ")


# --- the hand-built round --------------------------------------------------------------------
def test_figures_gathered_match_the_hand_worked_ones(store, tiny):
    report = gather_round_report(store, tiny.round_id, today=TODAY)
    a, b, c = tiny.a.id, tiny.b.id, tiny.c.id
    assert {k: s.percent for k, s in report.grid.items()} == {
        (a, 1): 100, (a, 2): 0, (a, 3): 50, (b, 1): 50, (b, 2): 0, (b, 3): 100,
        (c, 1): None, (c, 2): None, (c, 3): None,
    }
    assert report.weakest[0].number == 2 and report.weakest[0].mean_percent == 0
    assert set(report.weakest[0].lowest_agency_ids) == {a, b}
    assert [r.agency_id for r in report.not_returned] == [c]
    assert report.days_overdue(report.not_returned[0]) == 38
    assert [x.action for x in report.overdue_actions] == ["Train every member of staff in safeguarding"]
    counts = {t.value: n for t, n in report.trend_counts().items()}
    assert counts == {"improved": 2, "same": 0, "worse": 4, "not comparable": 3}


def test_tiny_pdf_first_page_answers_the_chairs_questions(tmp_path, store, tiny):
    path = export_round_summary(store, tiny.round_id, tmp_path / "tiny.pdf", today=TODAY)
    pages = [_flat(p) for p in _pages(path)]
    first = pages[0]
    assert "Tiny 2025: round summary" in first
    assert "2 of 3 returns received" in first and "1 overdue return" in first
    assert f"{tiny.c.name} \u2014 38 days overdue, 2 reminders, last 20 Feb 2025" in first
    assert "2. Training \u2014 mean 0%" in first, "the weakest standard, with its title"
    assert "Train every member of staff in safeguarding" in first and "10 days overdue" in first
    assert "2 improved" in first and "4 worse" in first and "3 not comparable" in first
    assert "Publish the safeguarding policy" not in first, "a done action is not overdue"
    assert "Page 1 of" in first
    # one page per agency, after the summary, the details and the grid
    agency_pages = [i for i, p in enumerate(pages) if "Tiny 2025 \u00b7 agency return" in p]
    assert len(agency_pages) == 3 and agency_pages == list(range(len(pages) - 3, len(pages)))
    for i, agency in zip(agency_pages, (tiny.a, tiny.b, tiny.c), strict=True):
        assert agency.name in pages[i]
        assert f"Page {i + 1} of {len(pages)}" in pages[i]
    a_page = pages[agency_pages[0]]
    assert "OVERDUE by 10 days" in a_page and "Refresher training is behind" in a_page
    assert "3.1 Agreement signed" in a_page, "sub-criteria listed under their standard"
    assert "No return received yet" in pages[agency_pages[2]]
    grid = next(p for p in pages if "Ratings by agency and standard" in p)
    assert "All agencies (mean) 75% 0% 75%" in grid
    assert "Green Red 50% 50%" in grid, "A: the values printed in the cells, then the overall"


def test_pdf_metadata_and_embedded_fonts(tmp_path, store, tiny):
    from pypdf import PdfReader

    regular, _ = register_fonts()
    if regular.startswith("Helvetica"):
        pytest.skip("no TrueType font found on this machine: the export falls back on Helvetica")
    reader = PdfReader(str(export_round_summary(store, tiny.round_id, tmp_path / "t.pdf", today=TODAY)))
    meta = reader.metadata
    assert meta.title == "Tiny 2025: round summary"
    assert meta.author == store.subcommittee().partnership
    assert "Section 11" in meta.subject and "20 March 2025" in meta.subject
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for font in fonts.values():
        assert "/FontFile2" in font["/FontDescriptor"], f"{font['/BaseFont']} is not embedded"
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {(595, 842), (842, 595)}, "A4 portrait, and landscape for the grid"


def test_tiny_xlsx_sheets_values_and_fills(tmp_path, store, tiny):
    from openpyxl import load_workbook

    path = export_round_summary(store, tiny.round_id, tmp_path / "tiny.xlsx", today=TODAY)
    wb = load_workbook(path)
    assert wb.sheetnames[:5] == ["Summary", "Grid", "Returns", "Actions", "Comparison"]
    assert wb.properties.title == "Tiny 2025: round summary"

    grid = wb["Grid"]
    header, rows = _sheet_rows(grid, "Agency")
    assert [c.value for c in grid[header]][2:] == ["1. Leadership", "2. Training", "3. Information sharing", "Overall"]
    by_agency = {r[0]: r for r in rows if r[0]}
    assert by_agency[tiny.a.name][1:6] == ["Reviewed", "Green", "Red", 50, 50]
    assert by_agency[tiny.b.name][1:6] == ["Received, awaiting panel", "Amber", "Red", "Green", 50]
    assert by_agency[tiny.c.name][1:6] == ["Overdue", "\u2014", "\u2014", "\u2014", "\u2014"]
    assert by_agency["All agencies (mean)"][2:5] == [75, 0, 75]
    a_row = next(r for r in grid.iter_rows(min_row=header + 1) if r[0].value == tiny.a.name)
    assert a_row[2].fill.fgColor.rgb.endswith(band_colour(100))
    assert a_row[3].fill.fgColor.rgb.endswith(band_colour(0))
    assert a_row[4].fill.fgColor.rgb.endswith(band_colour(50)), "a mean coloured by the nearest value (amber)"
    assert grid.freeze_panes == f"C{header + 1}" and grid.auto_filter.ref

    header, actions = _sheet_rows(wb["Actions"], "Agency")
    overdue = [r for r in actions if r[8] == "yes"]
    assert [(r[3], r[9]) for r in overdue] == [("Train every member of staff in safeguarding", 10)]
    assert {r[3] for r in actions if r[8] == "no"} == {"Publish the safeguarding policy",
                                                       "Sign the information-sharing agreement"}
    assert wb["Actions"].freeze_panes == f"A{header + 1}"

    _h, returns = _sheet_rows(wb["Returns"], "Agency")
    c_row = next(r for r in returns if r[0] == tiny.c.name)
    assert c_row[2] == "Overdue" and c_row[7] == 38 and c_row[8] == 2 and c_row[10] == "Casey Lead"

    _h, comparison = _sheet_rows(wb["Comparison"], "Agency")
    trends = [r[8] for r in comparison if r[1] != "Overall"]
    assert sorted(trends) == sorted(["improved"] * 2 + ["worse"] * 4 + ["not comparable"] * 3)

    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]}
    assert summary["Overdue"] == 1 and summary["Overdue action-plan items"] == 1
    assert summary["Not returned"].startswith(f"{tiny.c.label} (38 days overdue")
    assert summary["Weakest standard 1"].startswith("2. Training: mean 0%")


def test_basis_self_uses_the_self_assessment(tmp_path, store, tiny):
    from openpyxl import load_workbook

    path = export_round_summary(store, tiny.round_id, tmp_path / "self.xlsx", basis="self", today=TODAY)
    _h, rows = _sheet_rows(load_workbook(path)["Grid"], "Agency")
    a_row = next(r for r in rows if r[0] == tiny.a.name)
    assert a_row[3] == "Amber", "A's own amber for training, not the panel's red"


def test_first_round_says_there_is_nothing_to_compare(tmp_path, store, tiny):
    pages = [_flat(p) for p in _pages(export_round_summary(store, tiny.previous_id, tmp_path / "p.pdf",
                                                           today=TODAY))]
    assert "This is the first round: nothing to compare with." in pages[0]


@pytest.mark.parametrize("name", ["summary.docx", "summary", "summary.csv"])
def test_an_unsupported_file_type_names_the_supported_ones(tmp_path, store, tiny, name):
    with pytest.raises(ValueError) as caught:
        export_round_summary(store, tiny.round_id, tmp_path / name, today=TODAY)
    assert ".pdf" in str(caught.value) and ".xlsx" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_basis_is_refused(tmp_path, store, tiny):
    with pytest.raises(ValueError, match="self, moderated or effective"):
        export_round_summary(store, tiny.round_id, tmp_path / "x.pdf", basis="panel", today=TODAY)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_a_missing_folder_is_a_clear_error(tmp_path, store, tiny, suffix):
    with pytest.raises(ExportFileError, match="does not exist"):
        export_round_summary(store, tiny.round_id, tmp_path / "nowhere" / f"s{suffix}", today=TODAY)


# --- the demo database -----------------------------------------------------------------------
def test_demo_pdf_names_who_is_overdue_the_weakest_standard_and_an_overdue_action(tmp_path, demo_store):
    today = dt.date.today()
    s11 = Section11Repo(demo_store)
    rnd = s11.latest_round()
    status = s11.status(rnd.id, today)
    returns = s11.returns(rnd.id)
    pages = [_flat(p) for p in _pages(export_round_summary(demo_store, rnd.id, tmp_path / "demo.pdf"))]
    agency_pages = [p for p in pages if f"{rnd.name} \u00b7 agency return" in p]
    assert len(agency_pages) == len(returns), "one page per agency"
    assert len(pages) == pages.index(agency_pages[0]) + len(returns), "the agency pages come last, one each"
    names = {a.id: a.name for a in demo_store.agencies()}
    for ret, page in zip(returns, agency_pages, strict=True):
        assert names[ret.agency_id] in page
    first = pages[0]
    assert status.overdue, "the demo has overdue returns"
    for ret in status.overdue:
        assert names[ret.agency_id] in first
    assert status.weakest[0].title in first
    assert status.overdue_actions and status.overdue_actions[0].action in first
    assert all(f"Page {i} of {len(pages)}" in p for i, p in enumerate(pages, start=1))


def test_demo_xlsx_grid_equals_the_stores_rating_grid(tmp_path, demo_store):
    from openpyxl import load_workbook

    s11 = Section11Repo(demo_store)
    rnd = s11.latest_round()
    returns = s11.returns(rnd.id)
    names = {a.id: a.name for a in demo_store.agencies()}
    wb = load_workbook(export_round_summary(demo_store, rnd.id, tmp_path / "demo.xlsx", basis="moderated"))
    header, rows = _sheet_rows(wb["Grid"], "Agency")
    by_agency = {r[0]: r for r in rows if r[0]}
    expected = rating_grid(rnd, returns, Basis.MODERATED)
    for ret in returns:
        row = by_agency[names[ret.agency_id]]
        for k, std in enumerate(rnd.standards):
            assert row[2 + k] == grid_cell_value(expected[(ret.agency_id, std.number)], rnd.rating_scale)
    numbers = [v for r in rows for v in r[2:2 + len(rnd.standards)] if isinstance(v, (int, float))]
    assert numbers and all(0 <= v <= 3 for v in numbers)
    ws = wb["Grid"]
    fills = {ws.cell(row=header + 1 + i, column=3 + k).fill.fgColor.rgb[-6:]
             for i in range(len(returns)) for k in range(len(rnd.standards))}
    assert len(fills) >= 4, "cells are filled by their rating"
    overdue = {a.action for a in s11.status(rnd.id, dt.date.today()).overdue_actions}
    _h, actions = _sheet_rows(wb["Actions"], "Agency")
    assert overdue <= {r[3] for r in actions if r[8] == "yes"}


def test_a_rating_emptied_by_an_undo_is_not_listed_as_a_rating(tmp_path, store, tiny):
    """Undoing a new rating empties it (rows are never deleted): the Ratings sheet leaves it out."""
    import dataclasses

    from openpyxl import load_workbook

    from mqp_desktop.domain.section11 import Rating

    s11 = Section11Repo(store)
    ret = s11.find_return(tiny.round_id, tiny.c.id)
    before = s11.get_return(ret.id)
    rated = {r.key for r in before.ratings}
    standard = next(std for std in s11.round(tiny.round_id).standards if (std.number, "") not in rated)
    s11.save_ratings(ret.id, [Rating(standard=standard.number, self_value="Green",
                                     evidence="Typed into the wrong agency")])
    s11.restore_return(dataclasses.replace(before), today=TODAY)
    emptied = next(r for r in s11.get_return(ret.id).ratings if r.key == (standard.number, ""))
    assert emptied.is_empty

    path = export_round_summary(store, tiny.round_id, tmp_path / "undone.xlsx", today=TODAY)
    _h, rows = _sheet_rows(load_workbook(path)["Ratings"], "Agency")
    assert not any(r[7] == "Typed into the wrong agency" for r in rows)
    listed = [(r[0], r[1], r[2] or "") for r in rows if r[0] == tiny.c.name]
    assert (tiny.c.name, standard.number, "") not in listed
    assert len(listed) == len([r for r in before.ratings]), "the ratings it had are all still there"


def test_the_workbooks_ratings_are_numbers_on_a_score_scale_and_words_on_rag(tmp_path, demo_store, store, tiny):
    """A 0-3 score or a percentage is stored as a number (it sorts, filters and sums), shown in the scale's
    units by the cell's format; a RAG rating stays a word; n/a and not rated stay words."""
    from openpyxl import load_workbook

    s11 = Section11Repo(demo_store)
    rnd = s11.latest_round()
    assert rnd.rating_scale.kind.value == "score"
    wb = load_workbook(export_round_summary(demo_store, rnd.id, tmp_path / "demo.xlsx"))
    ws = wb["Ratings"]
    header, _rows = _sheet_rows(ws, "Agency")
    assert [c.value for c in ws[header]][4:6] == ["Self", "Moderated"]
    cells = [c for row in ws.iter_rows(min_row=header + 1, min_col=5, max_col=6) for c in row if c.value is not None]
    scores = [c for c in cells if c.value not in ("n/a", "\u2014")]
    assert scores and all(type(c.value) is int and 0 <= c.value <= 3 for c in scores), \
        {repr(c.value) for c in scores}
    assert all(c.number_format == "0" for c in scores)
    stored = {int(g.self_value) for r in s11.returns(rnd.id) for g in r.ratings if g.self_value not in (None, "n/a")}
    assert {c.value for c in scores if c.column == 5} <= stored

    comparison = wb["Comparison"]
    header, rows = _sheet_rows(comparison, "Agency")
    figures = [c for row in comparison.iter_rows(min_row=header + 1, min_col=4, max_col=5) for c in row
               if c.value not in (None, "\u2014")]
    assert figures and all(isinstance(c.value, (int, float)) and 0 <= c.value <= 3 for c in figures)
    assert {c.number_format for c in figures} == {"0.0"}

    tiny_wb = load_workbook(export_round_summary(store, tiny.round_id, tmp_path / "tiny.xlsx", today=TODAY))
    _h, rows = _sheet_rows(tiny_wb["Ratings"], "Agency")
    assert {r[4] for r in rows if r[4] not in (None, "n/a", "\u2014")} <= {"Red", "Amber", "Green"}
    _h, rows = _sheet_rows(tiny_wb["Comparison"], "Agency")
    assert all(isinstance(r[4], int) for r in rows if r[4] != "\u2014")  # a RAG round's means: percentages

"""The attendance report to CSV, XLSX and PDF, read back and checked against hand-worked figures."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from mqp_desktop.exporters.attendance_export import (
    AGENCY_COLUMNS,
    MEMBER_COLUMNS,
    PERIOD_COLUMNS,
    agencies_csv_path,
    export_attendance_report,
    rate_text,
    register_fonts,
)
from mqp_desktop.exporters.files import ExportFileError
from tests.helpers.attendance_fixture import END, START, build


@pytest.fixture
def small(store):
    build(store)
    return store.meetings.report(START, END), store.subcommittee()


def _csv(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


# --- the figures the exports show ------------------------------------------------------------
@pytest.mark.parametrize(
    ("rate", "standard", "shown"),
    [(50.0, 80, "50%"), (200 / 3, 80, "66.7%"), (100.0, 80, "100%"), (79.96, 80, "79.9%"), (80.0, 80, "80%"),
     (None, 80, "–")],
)
def test_rate_text_never_rounds_a_rate_up_to_the_standard(rate, standard, shown):
    assert rate_text(rate, standard) == shown


# --- choosing the format ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["report.docx", "report", "report.xls", "report.txt"])
def test_an_unsupported_file_type_names_the_supported_ones(tmp_path, small, name):
    report, sc = small
    with pytest.raises(ValueError) as caught:
        export_attendance_report(report, sc, tmp_path / name)
    assert all(s in str(caught.value) for s in (".csv", ".xlsx", ".pdf"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".pdf"])
def test_a_missing_folder_is_a_clear_error_and_writes_nothing(tmp_path, small, suffix):
    report, sc = small
    with pytest.raises(ExportFileError) as caught:
        export_attendance_report(report, sc, tmp_path / "gone" / f"report{suffix}")
    assert "does not exist" in caught.value.problem and caught.value.remedy
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".pdf"])
def test_a_target_that_cannot_be_replaced_leaves_no_partial_file(tmp_path, small, suffix):
    report, sc = small
    target = tmp_path / f"report{suffix}"
    target.mkdir()  # a folder in the way: the finished file cannot be moved there
    with pytest.raises(ExportFileError):
        export_attendance_report(report, sc, target)
    assert [p.name for p in tmp_path.iterdir()] == [target.name] and target.is_dir()


# --- CSV -------------------------------------------------------------------------------------
def test_csv_members_and_agencies_one_table_a_file_with_the_period_and_the_hand_worked_figures(tmp_path, small):
    """Excel opens a CSV as one table with its heading in row 1: the members in the file chosen, the agencies in
    '<name> - agencies.csv' beside it, never stacked; every row says the period (real dates) and the standard."""
    report, sc = small
    path = export_attendance_report(report, sc, tmp_path / "a.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a - agencies.csv", "a.csv"]
    assert agencies_csv_path(path) == tmp_path / "a - agencies.csv"
    rows = _csv(path)
    assert tuple(rows[0]) == MEMBER_COLUMNS + PERIOD_COLUMNS
    assert [] not in rows and all(len(r) == len(rows[0]) for r in rows), "one table: no blank line, no second heading"
    members = {r[0]: dict(zip(MEMBER_COLUMNS + PERIOD_COLUMNS, r, strict=True)) for r in rows[1:]}
    assert sorted(members) == ["Ann Archer", "Ben Brook", "Cara Cole"], "Dr Chris Chair joined after the period"
    ann, ben, cara = members["Ann Archer"], members["Ben Brook"], members["Cara Cole"]
    assert [ann[c] for c in ("Expected", "Present", "By deputy", "Apologies", "Absent", "Not recorded")] == \
        ["4", "3", "0", "0", "1", "0"]
    assert (ann["Rate %"], ann["Below standard"]) == ("75.0", "yes")
    assert [ben[c] for c in ("Expected", "Present", "By deputy", "Apologies")] == ["4", "1", "2", "1"]
    assert (ben["Rate %"], ben["Below standard"]) == ("25.0", "yes")
    assert [cara[c] for c in ("Expected", "Present", "Not recorded")] == ["3", "2", "1"]
    assert (cara["Rate %"], cara["Below standard"]) == ("100.0", "no")
    assert cara["Agency"] == "Metropolitan Police — South West BCU" and cara["Post"] == "Detective Inspector"
    for row in members.values():
        assert (dt.date.fromisoformat(row["Period from"]), dt.date.fromisoformat(row["Period to"])) == (START, END)
        assert float(row["Standard %"]) == report.standard

    rows = _csv(tmp_path / "a - agencies.csv")
    assert tuple(rows[0]) == AGENCY_COLUMNS + PERIOD_COLUMNS
    assert [] not in rows and all(len(r) == len(rows[0]) for r in rows)
    agencies = {r[0]: dict(zip(AGENCY_COLUMNS + PERIOD_COLUMNS, r, strict=True)) for r in rows[1:]}
    police = agencies["Metropolitan Police — South West BCU"]
    assert [police[c] for c in ("Statutory", "Expected", "Attended", "Rate %", "Below standard")] == \
        ["yes", "3", "2", "66.7", "yes"]
    la = next(v for k, v in agencies.items() if k.startswith("Wandsworth Children"))
    assert [la[c] for c in ("Expected", "Attended", "Rate %", "Below standard")] == ["4", "4", "100.0", "no"]
    assert {(r["Period from"], r["Period to"]) for r in agencies.values()} == {(START.isoformat(), END.isoformat())}


def test_csv_matches_the_demo_report_row_for_row(tmp_path, demo_store):
    report = demo_store.meetings.report(dt.date.today() - dt.timedelta(days=364), dt.date.today())
    path = export_attendance_report(report, demo_store.subcommittee(), tmp_path / "demo.csv")
    rows = _csv(path)[1:]
    assert len(rows) == len(report.members) and len(_csv(agencies_csv_path(path))[1:]) == len(report.agencies)
    for row, m in zip(rows, report.members, strict=True):
        assert row[0] == m.member.name
        assert [int(v) for v in row[3:9]] == [m.expected, m.present, m.deputy, m.apologies, m.absent, m.not_recorded]
        assert float(row[9]) == pytest.approx(m.rate, abs=0.05)
        assert row[10] == ("yes" if m.below_standard else "no")
    assert sum(r[10] == "yes" for r in rows) == len(report.members_below_standard) >= 1


# --- XLSX ------------------------------------------------------------------------------------
def test_xlsx_three_sheets_with_titles_frozen_bold_headers_percentages_and_highlights(tmp_path, small):
    from openpyxl import load_workbook

    report, sc = small
    wb = load_workbook(export_attendance_report(report, sc, tmp_path / "a.xlsx"))
    assert wb.sheetnames == ["Members", "Agencies", "Meetings"]
    ws = wb["Members"]
    title = ws["A1"].value
    assert "1 January 2025 to 31 December 2025" in title and "80%" in title
    header_row = next(r for r in range(1, 6) if ws.cell(row=r, column=1).value == "Member")
    assert tuple(c.value for c in ws[header_row]) == MEMBER_COLUMNS
    assert all(c.font.bold for c in ws[header_row])
    assert ws.freeze_panes == f"A{header_row + 1}"
    rows = {ws.cell(row=r, column=1).value: r for r in range(header_row + 1, ws.max_row + 1)}
    ann, cara = rows["Ann Archer"], rows["Cara Cole"]
    rate = ws.cell(row=ann, column=10)
    assert rate.value == pytest.approx(0.75) and "%" in rate.number_format
    assert ws.cell(row=ann, column=4).value == 4 and ws.cell(row=ann, column=8).value == 1
    assert ws.cell(row=ann, column=1).fill.fgColor.rgb.endswith("FCE4E4"), "below the standard: shaded"
    assert ws.cell(row=cara, column=1).fill.fill_type is None, "at or above the standard: not shaded"
    assert ws.cell(row=cara, column=10).value == pytest.approx(1.0)

    agencies = wb["Agencies"]
    a_header = next(r for r in range(1, 6) if agencies.cell(row=r, column=1).value == "Agency")
    police = next(r for r in range(a_header + 1, agencies.max_row + 1)
                  if agencies.cell(row=r, column=1).value.startswith("Metropolitan Police"))
    assert agencies.cell(row=police, column=6).value == pytest.approx(0.667)

    meetings = wb["Meetings"]
    m_header = next(r for r in range(1, 6) if meetings.cell(row=r, column=1).value == "Date")
    dates = [meetings.cell(row=r, column=1).value for r in range(m_header + 1, meetings.max_row + 1)]
    assert [d.date() for d in dates] == [dt.date(2025, 1, 14), dt.date(2025, 3, 11), dt.date(2025, 7, 8),
                                          dt.date(2025, 9, 9)], "cancelled and out-of-period meetings left out"
    rates = [meetings.cell(row=r, column=6).value for r in range(m_header + 1, meetings.max_row + 1)]
    assert rates == [pytest.approx(0.5), pytest.approx(1.0), pytest.approx(0.667), pytest.approx(1.0)]
    assert wb.properties.title == "MQ&P attendance report"


# --- PDF -------------------------------------------------------------------------------------
def test_pdf_text_metadata_and_hand_worked_rates(tmp_path, small):
    from pypdf import PdfReader

    report, sc = small
    path = export_attendance_report(report, sc, tmp_path / "a.pdf")
    reader = PdfReader(str(path))
    text = _pdf_text(path)
    assert "Attendance 1 January 2025 to 31 December 2025" in text
    assert "Wandsworth Safeguarding Children Partnership" in text
    for name in ("Ann Archer", "Ben Brook", "Cara Cole"):
        assert name in text
    assert "Dr Chris Chair" not in text
    assert "Ann Archer (75%)" in text and "Ben Brook (25%)" in text, "named in the summary of those below"
    assert "66.7%" in text and "Page 1 of" in text
    meta = reader.metadata
    assert meta.title == "MQ&P attendance report, 1 January 2025 to 31 December 2025"
    assert meta.author == "Wandsworth Safeguarding Children Partnership"
    assert "80%" in meta.subject


def test_pdf_fonts_are_embedded_truetype(tmp_path, small):
    from pypdf import PdfReader

    report, sc = small
    regular, _ = register_fonts()
    if regular.startswith("Helvetica"):
        pytest.skip("no TrueType font found on this machine: the export falls back on Helvetica")
    reader = PdfReader(str(export_attendance_report(report, sc, tmp_path / "a.pdf")))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for font in fonts.values():
        assert "/FontFile2" in font["/FontDescriptor"], f"{font['/BaseFont']} is not embedded"


def test_pdf_of_the_demo_has_every_member_page_numbers_on_every_page(tmp_path, demo_store):
    from pypdf import PdfReader

    report = demo_store.meetings.report(dt.date.today() - dt.timedelta(days=364), dt.date.today())
    path = export_attendance_report(report, demo_store.subcommittee(), tmp_path / "demo.pdf")
    reader = PdfReader(str(path))
    total = len(reader.pages)
    assert total >= 2
    for n, page in enumerate(reader.pages, start=1):
        assert f"Page {n} of {total}" in page.extract_text()
    text = _pdf_text(path)
    for row in report.members:
        assert row.member.name in text
    assert "Patrick Dunne (50%)" in text


def test_pdf_of_an_empty_period_says_so(tmp_path, store):
    report = store.meetings.report(START, END)
    text = _pdf_text(export_attendance_report(report, store.subcommittee(), tmp_path / "empty.pdf"))
    assert "No meetings were held in this period." in text and "Page 1 of 1" in text

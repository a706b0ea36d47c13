"""The scorecard as XLSX, to work with: every indicator's figures as numbers (see performance_report).

Sheet "Scorecard": a title, then one row per indicator under a frozen heading row in words, with a
filter: theme, code, indicator, unit, which way is better, the indicator's own period, value,
target, tolerance, RAG (the word on its colour), the previous period's and last year's value with
the direction of travel in words, England, region and statistical neighbours, why it is an
exception, the commentary and its author, whether the value was revised, the owner agency and
tags. Figures are numbers, never text: a percentage is an Excel percentage (the value 24.1% is
the number 0.241 shown as 24.1%, so sums and charts work), other units plain numbers with
thousands separators. Sheet "About": the partnership, the period, when it was prepared, the
counts, and how RAG, travel and exceptions are worked out.

Saved with :func:`~mqp_desktop.exporters.files.save_workbook` (text that would run as a formula
is made inert) through a temporary file. openpyxl is imported inside the function.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mqp_desktop.domain.performance import Rag, ScorecardRow, Travel, Unit
from mqp_desktop.exporters.files import safe_text, save_workbook, write_atomically
from mqp_desktop.exporters.performance_report_data import (
    DIRECTION_WORDS,
    GREY,
    NAVY,
    RAG_FILL,
    RAG_TEXT,
    RAG_WORDS,
    UNIT_WORDS,
    PerformanceReport,
    long_date,
    rag_word,
    theme_name,
    travel_colour,
    travel_word,
)

COLUMNS = (
    # (heading, width)
    ("Theme", 28), ("Code", 8), ("Indicator", 46), ("Unit", 21), ("Which is better", 19), ("Period", 22),
    ("Value", 10), ("Target", 10), ("Tolerance (amber band)", 12), ("RAG", 10),
    ("Previous period", 13), ("Previous value", 10), ("vs previous period", 11),
    ("Same period last year", 13), ("Value last year", 10), ("vs same period last year", 12),
    ("England", 10), ("Region", 10), ("Statistical neighbours", 12), ("Exception", 18),
    ("What lies behind it (commentary)", 60), ("Commentary by", 16), ("Value revised", 9),
    ("Owner agency", 26), ("Tags", 24),
)
_FIGURES = ("Value", "Target", "Tolerance (amber band)", "Previous value", "Value last year", "England", "Region",
            "Statistical neighbours")
_WRAP = ("Indicator", "What lies behind it (commentary)", "Theme", "Exception", "Owner agency", "Tags")


def _figure(value: float | None, unit: Unit) -> float | None:
    """A value as the cell holds it: a percentage as Excel's fraction (24.1 -> 0.241)."""
    if value is None:
        return None
    return round(value / 100, 10) if unit is Unit.PERCENTAGE else value


def _format(value: float | None, unit: Unit) -> str:
    if unit is Unit.PERCENTAGE:
        return "0.0%"
    if value is not None and float(value).is_integer():
        return "#,##0"
    return "#,##0.0"


def row_values(report: PerformanceReport, r: ScorecardRow) -> list[object]:
    """One indicator's row of the Scorecard sheet, in the order of :data:`COLUMNS`."""
    ind = r.indicator
    unit = Unit(ind.unit)
    comp = r.comparators
    commentary = r.commentary
    return [
        theme_name(r), safe_text(ind.code), safe_text(ind.title), UNIT_WORDS[unit], DIRECTION_WORDS[ind.direction],
        r.period.label(), _figure(r.value, unit), _figure(ind.target, unit),
        _figure(ind.tolerance, unit) if ind.target is not None and ind.tolerance else None, rag_word(r),
        r.previous_period.short_label(), _figure(r.previous_value, unit), travel_word(r.travel_previous),
        r.last_year_period.short_label(), _figure(r.last_year_value, unit), travel_word(r.travel_last_year),
        _figure(comp.england if comp else None, unit), _figure(comp.region if comp else None, unit),
        _figure(comp.statistical_neighbours if comp else None, unit),
        "; ".join(r.exception_reasons),
        safe_text(commentary.text) if commentary else "", safe_text(commentary.author) if commentary else "",
        "yes" if r.revised else "", report.agency_name(ind.owner_agency_id) if ind.owner_agency_id is not None else
        "the partnership", "; ".join(ind.tags),
    ]


def write_scorecard_xlsx(report: PerformanceReport, path: Path | str) -> Path:
    """Write the scorecard workbook (see the module's notes) to ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=NAVY)
    thin = Side(style="thin", color="BFBFBF")
    boxed = Border(left=thin, right=thin, top=thin, bottom=thin)
    top = Alignment(vertical="top")
    wrap_top = Alignment(vertical="top", wrap_text=True)
    col = {name: i for i, (name, _) in enumerate(COLUMNS, start=1)}
    title = f"Scorecard: {report.period.label()}"

    def write(tmp: Path) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "Scorecard"
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=13, color=NAVY)
        who = " \u00b7 ".join(x for x in (report.partnership, report.subcommittee_name) if x)
        ws["A2"] = (f"{who} \u00b7 " if who else "") + f"prepared {long_date(report.prepared)}" + (
            f" \u00b7 {report.filters}" if report.filters else "") + (
            " \u00b7 percentages are Excel percentages; the tolerance is the amber band's width, in the unit")
        ws["A2"].font = Font(italic=True, color=GREY)
        ws.append([])
        ws.append([name for name, _ in COLUMNS])
        header_row = ws.max_row
        for c in ws[header_row]:
            c.font, c.fill, c.border = header_font, header_fill, boxed
            c.alignment = Alignment(vertical="center", wrap_text=True)
        ws.row_dimensions[header_row].height = 45
        for r in report.rows:
            unit = Unit(r.indicator.unit)
            ws.append(row_values(report, r))
            n = ws.max_row
            cells = ws[n]
            for c in cells:
                c.border = boxed
                c.alignment = top
            for name in _WRAP:
                cells[col[name] - 1].alignment = wrap_top
            for name in _FIGURES:
                cell = cells[col[name] - 1]
                if cell.value is not None:
                    shown = r.indicator.tolerance if name.startswith("Tolerance") else None
                    cell.number_format = _format(shown if shown is not None else cell.value, unit)
            rag = cells[col["RAG"] - 1]
            rag.fill = PatternFill("solid", fgColor=RAG_FILL[r.rag])
            rag.font = Font(bold=r.rag is not Rag.GREY, color=RAG_TEXT[r.rag])
            cells[col["Value"] - 1].font = Font(bold=True)
            for name, travel in (("vs previous period", r.travel_previous),
                                 ("vs same period last year", r.travel_last_year)):
                cells[col[name] - 1].font = Font(bold=travel in (Travel.BETTER, Travel.WORSE),
                                                 color=travel_colour(travel))
            if r.exception:
                cells[col["Exception"] - 1].font = Font(bold=True, color=RAG_TEXT[Rag.RED])
                cells[col["Code"] - 1].font = Font(bold=True, color=RAG_TEXT[Rag.RED])
            _fit_height(ws, n, {col[name]: COLUMNS[col[name] - 1][1] for name in _WRAP})
        for i, (_, width) in enumerate(COLUMNS, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = ws.cell(row=header_row + 1, column=col["Indicator"] + 1)
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(COLUMNS))}{max(ws.max_row, header_row)}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0

        about = wb.create_sheet("About")
        lines: list[tuple[str, object]] = [
            ("Partnership", report.partnership), ("Subcommittee", report.subcommittee_name),
            ("Period", report.period.label()), ("From", report.period.start), ("To", report.period.end),
            ("Prepared", report.prepared), ("Indicators", len(report.rows)),
        ]
        if report.filters:
            lines.append(("Filter", report.filters))
        for g in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY):
            lines.append((RAG_WORDS[g], report.count(g)))
        lines.append(("Exceptions", sum(r.exception for r in report.rows)))
        lines += [
            ("RAG", ("Green: on or better than the target. Amber: within the tolerance (the amber band's width, in "
                    "the indicator's unit) of it. Red: beyond the band. No RAG: no target, no value, or context only "
                    "(neither higher nor lower is better).")),
            ("Direction of travel", ("better / worse against the previous period and the same period last year; up / "
                                    "down for an indicator where neither is better; blank where there is no earlier "
                                    "value.")),
            ("Exception", "Red this period, or worse in each of the last three periods (worse three periods running)."),
            ("Monthly and yearly", ("An indicator counted monthly or yearly is read for its month or financial year holding the "
                       "end of the period.")),
        ]
        about["A1"] = f"{title} \u2014 about this workbook"
        about["A1"].font = Font(bold=True, size=13, color=NAVY)
        about.append([])
        for label, value in lines:
            about.append([label, safe_text(value) if isinstance(value, str) else value])
            n = about.max_row
            about.cell(row=n, column=1).font = Font(bold=True)
            cell = about.cell(row=n, column=2)
            cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            if label in RAG_WORDS.values():
                g = next(k for k, v in RAG_WORDS.items() if v == label)
                about.cell(row=n, column=1).fill = PatternFill("solid", fgColor=RAG_FILL[g])
            _fit_height(about, n, {2: 90})
        about.column_dimensions["A"].width = 22
        about.column_dimensions["B"].width = 90

        props = wb.properties
        props.title = title
        props.creator = report.author
        props.subject = report.subject
        props.keywords = "performance; scorecard; safeguarding children partnership"
        props.language = "en-GB"
        save_workbook(wb, tmp)

    return write_atomically(Path(path), write)


def _fit_height(ws, row: int, widths: dict[int, float]) -> None:
    """Room for wrapped text: spreadsheet programs do not grow a row's height for it on opening."""
    lines = 1
    for column, width in widths.items():
        value = ws.cell(row=row, column=column).value
        if isinstance(value, str) and value:
            per_line = max(8, int(width * 1.15) - 2)
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n")))
    if lines > 1:
        ws.row_dimensions[row].height = 13 * lines + 2


__all__ = ["COLUMNS", "row_values", "write_scorecard_xlsx"]

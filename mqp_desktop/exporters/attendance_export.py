"""An attendance report (ToR 5) to CSV, XLSX or PDF.

* CSV — to work with: one table per file, as Excel expects of a CSV — the
  members in the file chosen, the agencies in "<name> - agencies.csv" beside
  it — each row ending with the period (from, to) and the standard. Rates are
  numbers (per cent, one decimal), empty when nobody was expected.
* XLSX — sheets "Members", "Agencies" and "Meetings", each with a title row
  (period and standard), a bold frozen heading row with filters, rates as
  real percentages, and the rows below the standard shaded.
* PDF — to circulate: A4 portrait, a title block, a chart of the rate at each
  meeting with the standard drawn across it, tables per agency and per member
  (heading rows repeated on every page, rows below the standard shaded and
  named in the summary), "Page n of N", PDF title/author/subject, fonts
  embedded so the text is selectable and looks the same everywhere.

Written through a temporary file, as every export (see register_export).
openpyxl and reportlab are imported inside the functions that need them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path

from mqp_desktop.domain.attendance_report import AttendanceReport, MemberAttendance
from mqp_desktop.domain.model import Subcommittee
from mqp_desktop.exporters.files import (
    ExportFileError,
    safe_text,
    save_workbook,
    write_all_or_nothing,
    write_atomically,
    write_csv,
    xml_escape,
)
from mqp_desktop.exporters.pdf_document import new_document
from mqp_desktop.exporters.pdf_fonts import register_fonts

SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".pdf")

MEMBER_COLUMNS = (
    "Member", "Post", "Agency", "Expected", "Present", "By deputy", "Apologies", "Absent",
    "Not recorded", "Rate %", "Below standard",
)
AGENCY_COLUMNS = ("Agency", "Statutory", "Expected", "Attended", "By deputy only", "Rate %", "Below standard")
MEETING_COLUMNS = ("Date", "Meeting", "Status", "Recorded", "Attended", "Rate %")


# --- words and numbers shared with the letters -----------------------------------------------
def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def rate_value(rate: float | None) -> float | None:
    """The rate rounded to one decimal, as shown."""
    return None if rate is None else round(rate, 1)


def rate_text(rate: float | None, standard: int | None = None) -> str:
    """'50%', '66.7%'; never shows a rate below the standard as if it met it (79.96 -> '79.9%')."""
    if rate is None:
        return "–"
    shown = round(rate, 1)
    if standard is not None and rate < standard <= shown:
        shown = math.floor(rate * 10) / 10
    return f"{shown:.0f}%" if shown == int(shown) else f"{shown:.1f}%"


def period_text(report: AttendanceReport) -> str:
    return f"{long_date(report.start)} to {long_date(report.end)}"


def deputy_setting_text(report: AttendanceReport) -> str:
    if report.deputy_counts_for_member:
        return "A deputy's attendance counts toward the member's own rate as well as their agency's."
    return (
        "A deputy's attendance counts toward the agency's rate; for the member it is shown separately "
        "and not counted in their own rate."
    )


def _title(subcommittee: Subcommittee) -> str:
    return f"{subcommittee.short_name or subcommittee.name} attendance report"


def _member_name(row: MemberAttendance) -> str:
    return row.member.display_name


# --- choosing by file type -------------------------------------------------------------------
def export_attendance_report(report: AttendanceReport, subcommittee: Subcommittee, path: Path | str) -> Path:
    """Write ``report`` to ``path``; the ending chooses CSV, XLSX or PDF."""
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        shown = f"'{path.suffix}'" if path.suffix else "no ending"
        raise ValueError(
            f"Cannot export the attendance report to a file with {shown}: "
            "choose a name ending .csv (CSV), .xlsx (Excel) or .pdf (PDF)."
        )
    return writer(report, subcommittee, path)


# --- CSV -------------------------------------------------------------------------------------
def _csv_number(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


PERIOD_COLUMNS = ("Period from", "Period to", "Standard %")
"""Last on every row of both CSV files: the period the figures cover and the standard they are measured
against (a CSV has no title: without them a file opened next month says nothing of when it was for)."""


def agencies_csv_path(path: Path | str) -> Path:
    """The second file of a CSV export, beside the first: 'attendance.csv' -> 'attendance - agencies.csv'."""
    path = Path(path)
    return path.with_name(f"{path.stem} - agencies{path.suffix}")


def export_attendance_csv(report: AttendanceReport, subcommittee: Subcommittee, path: Path | str) -> Path:
    """The report as CSV: **one table per file**, as Excel expects of a CSV (the heading in row 1, so it
    sorts and filters at once and imports anywhere): the members at ``path``, the agencies beside it
    (:func:`agencies_csv_path`); each row ends with the period and the standard (:data:`PERIOD_COLUMNS`),
    as real dates and a number. Both are written, or neither. Returns ``path``."""
    period = [report.start, report.end, report.standard]

    def members():
        yield MEMBER_COLUMNS + PERIOD_COLUMNS
        for r in report.members:
            yield [_member_name(r), r.member.role_title, r.agency.name, r.expected, r.present, r.deputy,
                   r.apologies, r.absent, r.not_recorded, _csv_number(rate_value(r.rate)),
                   "yes" if r.below_standard else "no", *period]

    def agencies():
        yield AGENCY_COLUMNS + PERIOD_COLUMNS
        for a in report.agencies:
            yield [a.agency.name, "yes" if a.agency.statutory else "no", a.expected, a.attended, a.by_deputy_only,
                   _csv_number(rate_value(a.rate)), "yes" if a.below_standard else "no", *period]

    path = Path(path)
    write_all_or_nothing([(path, lambda tmp: write_csv(tmp, members())),
                          (agencies_csv_path(path), lambda tmp: write_csv(tmp, agencies()))])
    return path.expanduser()


# --- XLSX ------------------------------------------------------------------------------------
_NAVY = "1F3864"
_FRAME_PAD = 6  # points: platypus frames' default padding inside the margins
_BELOW_FILL = "FCE4E4"
_BELOW_TEXT = "9C0006"


def export_attendance_xlsx(report: AttendanceReport, subcommittee: Subcommittee, path: Path | str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    title = (
        f"{safe_text(subcommittee.short_name or subcommittee.name)} attendance, {period_text(report)}"
        f" — standard {report.standard}%"
    )
    note = deputy_setting_text(report) + " Cancelled and planned meetings are not counted."
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=_NAVY)
    below_fill = PatternFill("solid", fgColor=_BELOW_FILL)
    below_font = Font(bold=True, color=_BELOW_TEXT)

    def sheet(ws, columns, rows, *, below=None, percent_cols=(), date_cols=(), widths=None):
        ws["A1"] = title
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = note
        ws["A2"].font = Font(italic=True, color="595959")
        ws.append([])
        ws.append(list(columns))
        header_row = ws.max_row
        for cell in ws[header_row]:
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="center")
        ws.row_dimensions[header_row].height = 20
        for i, values in enumerate(rows):
            ws.append(values)
            r = ws.max_row
            for c in percent_cols:
                ws.cell(row=r, column=c).number_format = "0.0%"
            for c in date_cols:
                ws.cell(row=r, column=c).number_format = "dd/mm/yyyy"
            if columns[-1] == "Below standard":
                ws.cell(row=r, column=len(columns)).alignment = Alignment(horizontal="center")
            if below is not None and below[i]:
                for cell in ws[r]:
                    cell.fill = below_fill
                for c in percent_cols:
                    ws.cell(row=r, column=c).font = below_font
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A{header_row}:{last}{max(ws.max_row, header_row)}"
        for c, width in enumerate(widths or [], start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    def pct(rate: float | None) -> float | None:
        return None if rate is None else round(rate, 1) / 100

    def write(tmp: Path) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "Members"
        sheet(
            ws, MEMBER_COLUMNS,
            [[safe_text(_member_name(r)), safe_text(r.member.role_title),
              safe_text(r.agency.name), r.expected, r.present, r.deputy, r.apologies, r.absent,
              r.not_recorded, pct(r.rate), "yes" if r.below_standard else "no"] for r in report.members],
            below=[r.below_standard for r in report.members], percent_cols=(10,),
            widths=[24, 40, 44, 11, 10, 12, 12, 9, 15, 9, 17],
        )
        sheet(
            wb.create_sheet("Agencies"), AGENCY_COLUMNS,
            [[safe_text(a.agency.name), "yes" if a.agency.statutory else "no", a.expected, a.attended,
              a.by_deputy_only, pct(a.rate), "yes" if a.below_standard else "no"] for a in report.agencies],
            below=[a.below_standard for a in report.agencies], percent_cols=(6,),
            widths=[52, 11, 11, 11, 16, 9, 17],
        )
        sheet(
            wb.create_sheet("Meetings"), MEETING_COLUMNS,
            [[p.meeting.date, safe_text(p.meeting.title), p.meeting.status.value, p.recorded, p.attended, pct(p.rate)]
             for p in report.per_meeting],
            below=[p.rate is not None and p.rate < report.standard for p in report.per_meeting],
            percent_cols=(6,), date_cols=(1,), widths=[12, 38, 12, 11, 11, 9],
        )
        props = wb.properties
        props.title = _title(subcommittee)
        props.creator = safe_text(subcommittee.partnership or subcommittee.name)
        props.subject = f"Attendance {period_text(report)}, against the {report.standard}% standard"
        save_workbook(wb, tmp)

    return write_atomically(path, write)


# --- PDF -------------------------------------------------------------------------------------
def _esc(text: str) -> str:
    return xml_escape(safe_text(text))


def _rate_chart(report: AttendanceReport, width: float, font: str, bold: str):
    """Bars: the rate at each meeting that counted; a dashed line: the standard."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib import colors

    points = [p for p in report.per_meeting]
    height = 150
    drawing = Drawing(width, height, initialFontName=font)  # not Helvetica, which is not embedded
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 30
    chart.width, chart.height = width - 110, height - 48
    chart.data = [[p.rate if p.rate is not None else 0 for p in points]]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.categoryAxis.categoryNames = [
        f"{p.meeting.date.day} {p.meeting.date:%b %y}" + (" (E)" if p.meeting.kind.value == "extraordinary" else "")
        for p in points
    ]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.dy = -2
    chart.barWidth = 10
    chart.groupSpacing = 8
    chart.bars[0].fillColor = colors.HexColor("#4472C4")
    chart.bars[0].strokeColor = None
    for i, p in enumerate(points):
        if p.rate is not None and p.rate < report.standard:
            chart.bars[(0, i)].fillColor = colors.HexColor("#C0504D")
    # Labels above the bars; inside (white) for a bar just under the standard, where the label would
    # sit on the standard's line.
    chart.barLabelFormat = lambda v: f"{v:.0f}%"
    chart.barLabels.fontName = bold
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    for i, p in enumerate(points):
        if p.rate is not None and 15 <= p.rate and report.standard - 12 < p.rate <= report.standard + 1:
            chart.barLabels[(0, i)].boxAnchor = "n"
            chart.barLabels[(0, i)].dy = -3
            chart.barLabels[(0, i)].fillColor = colors.white
    drawing.add(chart)
    y = chart.y + chart.height * report.standard / 100
    drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=colors.HexColor("#C00000"),
                     strokeWidth=1.2, strokeDashArray=[4, 2]))
    drawing.add(String(chart.x + chart.width + 4, y - 3, f"Standard {report.standard}%",
                       fontName=bold, fontSize=7, fillColor=colors.HexColor("#C00000")))
    return drawing


def export_attendance_pdf(report: AttendanceReport, subcommittee: Subcommittee, path: Path | str) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    font, bold = register_fonts()
    navy = colors.HexColor("#" + _NAVY)
    grey = colors.HexColor("#595959")
    below_fill = colors.HexColor("#" + _BELOW_FILL)
    agency_fill = colors.HexColor("#D9E2F3")

    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5)
    small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9, textColor=grey)
    title_style = ParagraphStyle("title", parent=base, fontName=bold, fontSize=15, leading=19, textColor=navy,
                                 spaceAfter=2)
    kicker = ParagraphStyle("kicker", parent=base, fontSize=10, leading=13, textColor=grey)
    h1 = ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12, leading=15, textColor=navy,
                        spaceBefore=10, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5)
    cell_num = ParagraphStyle("celln", parent=cell, alignment=TA_RIGHT)
    head = ParagraphStyle("head", parent=cell, fontName=bold, textColor=colors.white, fontSize=7.5, leading=9)
    head_num = ParagraphStyle("headn", parent=head, alignment=TA_RIGHT)
    group_head = ParagraphStyle("grouph", parent=head, textColor=navy)
    group_head_num = ParagraphStyle("grouphn", parent=group_head, alignment=TA_RIGHT)

    margin = 1.8 * cm
    page_w, page_h = A4
    text_w = page_w - 2 * margin - 2 * _FRAME_PAD
    who = subcommittee.short_name or subcommittee.name
    footer_left = f"{who} attendance, {report.start:%d/%m/%Y} to {report.end:%d/%m/%Y}"
    footer_left += f" · exported {dt.date.today():%d/%m/%Y}"

    class NumberedCanvas(rl_canvas.Canvas):
        """Holds each page until the end, so the footer can say 'Page n of N'."""

        def __init__(self, *args, **kwargs):
            # Otherwise every page's preamble names Helvetica, a font that is not embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or font
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(font, 7.5)
                self.setFillColor(grey)
                left, right = margin + _FRAME_PAD, page_w - margin - _FRAME_PAD  # in line with the text
                self.drawString(left, 1.1 * cm, safe_text(footer_left))
                self.drawRightString(right, 1.1 * cm, f"Page {self._pageNumber} of {total}")
                self.setStrokeColor(colors.HexColor("#BFBFBF"))
                self.setLineWidth(0.5)
                self.line(left, 1.45 * cm, right, 1.45 * cm)
                super().showPage()
            super().save()

    table_style = [
        ("FONT", (0, 0), (-1, -1), font, 8.5),  # a Table's own default is Helvetica, not embedded
        ("BACKGROUND", (0, 0), (-1, 0), navy),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]

    def num(value) -> Paragraph:
        return Paragraph(str(value), cell_num)

    def rate_cell(rate, below: bool) -> Paragraph:
        text = rate_text(rate, report.standard)
        if below:
            return Paragraph(f'<font color="#{_BELOW_TEXT}"><b>{text}</b></font>', cell_num)
        return Paragraph(text, cell_num)

    story: list = []
    if subcommittee.partnership:
        story.append(Paragraph(_esc(subcommittee.partnership), kicker))
    story.append(Paragraph(_esc(subcommittee.name), kicker))
    story.append(Paragraph(f"Attendance {period_text(report)}", title_style))
    n_meetings = len(report.meetings)
    below_m = report.members_below_standard
    below_a = report.agencies_below_standard
    facts = [
        f"<b>Standard:</b> {report.standard}% attendance or above, the subcommittee's standard.",
        f"<b>Deputies:</b> {_esc(deputy_setting_text(report))}",
        f"<b>Meetings counted:</b> {n_meetings} (held or reconvened; cancelled and planned meetings are not "
        "counted, and members are expected only at meetings held while they were members).",
    ]
    if below_m:
        names = ", ".join(f"{_esc(_member_name(r))} ({rate_text(r.rate, report.standard)})" for r in below_m)
        facts.append(f"<b>Members below the standard ({len(below_m)}):</b> {names}.")
    elif report.members:
        facts.append("<b>Members below the standard:</b> none.")
    if below_a:
        facts.append(
            f"<b>Agencies below the standard ({len(below_a)}):</b> "
            + ", ".join(f"{_esc(a.agency.label)} ({rate_text(a.rate, report.standard)})" for a in below_a) + "."
        )
    story.append(Spacer(1, 4))
    for f in facts:
        story.append(Paragraph(f, ParagraphStyle("fact", parent=base, spaceAfter=2.5)))

    story.append(Paragraph("Attendance at each meeting", h1))
    if report.per_meeting:
        story.append(_rate_chart(report, text_w, font, bold))
        story.append(Paragraph(
            "Share of the members on each meeting's register who attended in person or by deputy. "
            "Red bars are below the standard; (E) marks an extraordinary meeting.", small))
    else:
        story.append(Paragraph("No meetings were held in this period.", base))

    # Meetings, as figures
    if report.per_meeting:
        rows = [[Paragraph(h, head) for h in ("Date", "Meeting", "Status")]
                + [Paragraph(h, head_num) for h in ("Recorded", "Attended", "Rate")]]
        style = list(table_style)
        for p in report.per_meeting:
            below = p.rate is not None and p.rate < report.standard
            rows.append([Paragraph(f"{p.meeting.date:%d/%m/%Y}", cell), Paragraph(_esc(p.meeting.title), cell),
                         Paragraph(p.meeting.status.value, cell), num(p.recorded), num(p.attended),
                         rate_cell(p.rate, below)])
            if below:
                style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), below_fill))
        widths = [2.3 * cm, 7.0 * cm, 2.3 * cm, 1.9 * cm, 1.9 * cm, 2.0 * cm]
        story.append(Spacer(1, 6))
        story.append(Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT"))



    # Agencies
    story.append(Paragraph("By agency", h1))
    if report.agencies:
        widths = [7.4 * cm, 1.9 * cm, 1.8 * cm, 1.8 * cm, 2.5 * cm, 2.0 * cm]
        rows = [[Paragraph("Agency", head), Paragraph("Statutory", head), Paragraph("Expected", head_num),
                 Paragraph("Attended", head_num), Paragraph("By deputy only", head_num), Paragraph("Rate", head_num)]]
        style = list(table_style)
        for a in report.agencies:
            rows.append([Paragraph(_esc(a.agency.name), cell), Paragraph("Yes" if a.agency.statutory else "", cell),
                         num(a.expected), num(a.attended), num(a.by_deputy_only), rate_cell(a.rate, a.below_standard)])
            if a.below_standard:
                style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), below_fill))
        story.append(Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT"))
        story.append(Paragraph(
            "An agency attended a meeting when any of its members was there in person or by deputy; "
            "“by deputy only” counts the meetings where only a deputy came.", small))
    else:
        story.append(Paragraph("No agency was expected at a meeting in this period.", base))

    # Members: a table per agency, its name in the heading row, kept on one page when it fits
    by_member = Paragraph("By member", h1)
    if report.members:
        widths = [5.3 * cm] + [1.75 * cm] * 6 + [1.6 * cm]
        labels = ("Expected", "In person", "By deputy", "Apologies", "Absent", "Not recorded", "Rate")
        groups: list[list[MemberAttendance]] = []
        for r in report.members:
            if not groups or groups[-1][0].agency.id != r.agency.id:
                groups.append([])
            groups[-1].append(r)
        for group in groups:
            rows = [[Paragraph(_esc(group[0].agency.name), group_head)]
                    + [Paragraph(h, group_head_num) for h in labels]]
            style = list(table_style) + [("BACKGROUND", (0, 0), (-1, 0), agency_fill)]
            for r in group:
                who_cell = Paragraph(
                    f"<b>{_esc(_member_name(r))}</b><br/>"
                    f"<font size=7.5 color='#595959'>{_esc(r.member.role_title)}</font>",
                    cell)
                rows.append([who_cell, num(r.expected), num(r.present), num(r.deputy), num(r.apologies),
                             num(r.absent), num(r.not_recorded), rate_cell(r.rate, r.below_standard)])
                if r.below_standard:
                    style.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), below_fill))
            table = Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT")
            # the heading stays with the first agency's table
            story.append(KeepTogether(([by_member] if group is groups[0] else []) + [table, Spacer(1, 5)]))
        notes = [
            f"Shaded rows are below the {report.standard}% standard.",
            "The rate is attendance in person"
            + (" or by deputy" if report.deputy_counts_for_member else "")
            + " over the meetings recorded; “not recorded” (a gap in the register) is left out of it.",
        ]
        story.append(Paragraph(" ".join(notes), small))
    else:
        story.append(by_member)
        story.append(Paragraph("No member was expected at a meeting in this period.", base))

    title = f"{_title(subcommittee)}, {period_text(report)}"

    def write(tmp: Path) -> None:
        doc = new_document(
            str(tmp), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=1.6 * cm,
            bottomMargin=2.0 * cm, title=safe_text(title), author=safe_text(subcommittee.partnership or subcommittee.name),
            subject=f"Attendance of the {safe_text(subcommittee.name)} against the {report.standard}% standard (ToR 5)",
            keywords="attendance; safeguarding children partnership",
        )
        doc.build(story, canvasmaker=NumberedCanvas)

    return write_atomically(path, write)


_WRITERS: dict[str, Callable[[AttendanceReport, Subcommittee, Path], Path]] = {
    ".csv": export_attendance_csv,
    ".xlsx": export_attendance_xlsx,
    ".pdf": export_attendance_pdf,
}

__all__ = [
    "ExportFileError",
    "SUPPORTED_SUFFIXES",
    "export_attendance_csv",
    "export_attendance_pdf",
    "export_attendance_report",
    "export_attendance_xlsx",
    "rate_text",
    "register_fonts",
]

"""The Section 11 round summary as XLSX (see section11_report): sheets to work with.

openpyxl is imported inside the functions that need it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from mqp_desktop.domain.section11 import NOT_APPLICABLE, RatingScale, ReturnStatus, ScaleKind
from mqp_desktop.domain.section11_analysis import Score, Trend
from mqp_desktop.exporters.files import safe_text, save_workbook, write_atomically
from mqp_desktop.exporters.section11_report_data import (
    RoundReport,
    _author,
    _not_returned_words,
    _standings_in_order,
    _subject,
    _title,
)
from mqp_desktop.exporters.section11_report_words import (
    _GREY,
    _NAVY,
    _OVERDUE_FILL,
    _OVERDUE_TEXT,
    BASIS_WORDS,
    NOT_RATED,
    STATUS_WORDS,
    _trim,
    figure_text,
    is_single_value,
    legend_entries,
    long_date,
    percent_fill,
    plural,
    scale_words,
    score_fill,
    score_text,
    short_date,
    units_text,
    value_text,
)


def write_round_summary_xlsx(report: RoundReport, path: Path | str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    rnd, scale, today = report.round, report.scale, report.today
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=_NAVY)
    overdue_fill = PatternFill("solid", fgColor=_OVERDUE_FILL)
    overdue_font = Font(bold=True, color=_OVERDUE_TEXT)
    thin = Side(style="thin", color="A6A6A6")
    boxed = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    top_only = Alignment(vertical="top")
    title_text = f"{safe_text(rnd.name)} \u2014 round summary as at {long_date(today)}"
    note_text = f"Ratings: {BASIS_WORDS[report.basis]}. n/a is left out of every total."

    def fill(hex_colour: str) -> PatternFill:
        return PatternFill("solid", fgColor=hex_colour)

    def text(value: str) -> str:
        return safe_text(value)  # save_workbook makes text that starts like a formula inert

    def heading_rows(ws) -> None:
        ws["A1"] = title_text
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = note_text
        ws["A2"].font = Font(italic=True, color=_GREY)
        ws.append([])

    def table(ws, columns, rows, widths, *, date_cols=(), wrap_cols=(), row_fills=None, number_formats=None):
        heading_rows(ws)
        ws.append(list(columns))
        header_row = ws.max_row
        for c in ws[header_row]:
            c.font, c.fill = header_font, header_fill
            c.alignment = Alignment(vertical="center", wrap_text=True)
        for i, values in enumerate(rows):
            ws.append(values)
            r = ws.max_row
            for col in date_cols:
                ws.cell(row=r, column=col).number_format = "dd/mm/yyyy"
            for c in ws[r]:
                c.alignment = wrap_top if c.column in wrap_cols else top_only
            for col, fmt in (number_formats or {}).items():
                ws.cell(row=r, column=col).number_format = fmt
            if row_fills and row_fills[i]:
                for c in ws[r]:
                    c.fill = overdue_fill
            fit_height(ws, r, {col: widths[col - 1] for col in wrap_cols})
        finish(ws, header_row, len(columns), widths)
        return header_row

    def fit_height(ws, row: int, widths: Mapping[int, float]) -> None:
        """Room for wrapped text: spreadsheet programs do not grow a row's height for it on opening."""
        lines = 1
        for col, width in widths.items():
            value = ws.cell(row=row, column=col).value
            if isinstance(value, str) and value:
                per_line = max(8, int(width * 1.15) - 2)
                lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in value.split("\n")))
        if lines > 1:
            ws.row_dimensions[row].height = 13 * lines + 2

    def finish(ws, header_row, ncols, widths, freeze_col=1):
        ws.freeze_panes = ws.cell(row=header_row + 1, column=freeze_col)
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncols)}{max(ws.max_row, header_row)}"
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    def write(tmp: Path) -> None:
        wb = Workbook()

        # Summary: label / value pairs, then the three lists a chair asks for
        ws = wb.active
        ws.title = "Summary"
        heading_rows(ws)
        ws.append(["Item", "Value"])
        header_row = ws.max_row
        for c in ws[header_row]:
            c.font, c.fill = header_font, header_fill
        sc = report.subcommittee
        counts = {s: len(report.returns_in(s)) for s in ReturnStatus}
        rows: list[tuple[str, object]] = [
            ("Partnership", sc.partnership if sc else ""),
            ("Subcommittee", sc.name if sc else ""),
            ("Round", rnd.name),
            ("Framework", (f"{rnd.framework_name} (version {rnd.framework_version}), "
                          f"{plural(len(rnd.standards), 'standard')}")),
            ("Scale", scale_words(scale)),
            ("Issued", rnd.issued),
            ("Deadline", rnd.deadline),
            ("Panel dates", ", ".join(short_date(d) for d in rnd.panel_dates) or "none set"),
            ("As at", today),
            ("Ratings used", BASIS_WORDS[report.basis]),
            ("Returns asked", len(report.returns)),
            ("Reviewed", counts[ReturnStatus.REVIEWED]),
            ("Received, awaiting panel", counts[ReturnStatus.RECEIVED]),
            ("Outstanding (deadline not passed)", counts[ReturnStatus.OUTSTANDING]),
            ("Overdue", counts[ReturnStatus.OVERDUE]),
        ]
        if counts[ReturnStatus.NOT_ISSUED]:
            rows.append(("Not issued yet", counts[ReturnStatus.NOT_ISSUED]))
        rows.append(("Not returned", "; ".join(
            f"{report.agency_label(r.agency_id)} ({_not_returned_words(report, r)})" for r in report.not_returned
        ) or "none"))
        for i, w in enumerate(report.weakest[:3], start=1):
            rows.append((f"Weakest standard {i}", (f"{w.number}. {w.title}: mean {figure_text(w.mean_percent, scale)}"
                         f"; lowest {_trim(units_text(w.lowest_percent, scale))}: "
                         f"{', '.join(report.agency_label(a) for a in w.lowest_agency_ids)}")))
        rows.append(("Overdue action-plan items", len(report.overdue_actions)))
        if report.earlier_overdue:
            rows.append(("Still overdue from earlier rounds", len(report.earlier_overdue)))
        if report.comparison and report.previous:
            t = report.trend_counts()
            rows.append(("Previous round", report.previous.name))
            rows.append(("Agency \u00d7 standard compared", (f"{t[Trend.IMPROVED]} improved, {t[Trend.SAME]} the same, "
                         f"{t[Trend.WORSE]} worse, {t[Trend.NOT_COMPARABLE]} not comparable")))
        else:
            rows.append(("Previous round", "none: this is the first round"))
        for label, value in rows:
            ws.append([label, text(value) if isinstance(value, str) else value])
            r = ws.max_row
            ws.cell(row=r, column=1).font = Font(bold=True)
            ws.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
            if isinstance(value, dt.date):
                ws.cell(row=r, column=2).number_format = "dd/mm/yyyy"
            fit_height(ws, r, {2: 110})
            if label in ("Overdue", "Overdue action-plan items", "Not returned", "Still overdue from earlier rounds") \
                    and value not in (0, "none"):
                ws.cell(row=r, column=2).font = overdue_font
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        ws.column_dimensions["A"].width = 34
        ws.column_dimensions["B"].width = 110
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToHeight = 0

        # Grid: agencies down, standards across; the value in the cell and its colour
        ws = wb.create_sheet("Grid")
        heading_rows(ws)
        standards = rnd.standards
        columns = ["Agency", "Return"] + [f"{s.number}. {safe_text(s.title)}" for s in standards] + ["Overall"]
        ws.append(columns)
        header_row = ws.max_row
        for c in ws[header_row]:
            c.font, c.fill = header_font, header_fill
            c.alignment = Alignment(wrap_text=True, vertical="top")
        longest = max((len(s.title) for s in standards), default=10)
        ws.row_dimensions[header_row].height = 13 * (-(-(longest + 4) // 13) + 1)
        first_std_col = 3
        for ret in report.returns:
            summary = report.status.summaries[ret.agency_id]
            values: list[object] = [text(report.agency_name(ret.agency_id)), STATUS_WORDS[report.state(ret)]]
            for s in standards:
                values.append(grid_cell_value(report.grid.get((ret.agency_id, s.number)), scale))
            values.append(overall_value(summary.percent, scale))
            ws.append(values)
            r = ws.max_row
            for k, s in enumerate(standards):
                c = ws.cell(row=r, column=first_std_col + k)
                _style_grid_cell(c, report.grid.get((ret.agency_id, s.number)), scale, fill, boxed)
            c = ws.cell(row=r, column=first_std_col + len(standards))
            c.fill = fill(percent_fill(summary.percent, scale))
            c.border, c.alignment = boxed, Alignment(horizontal="center")
            c.number_format = _number_format(scale, single=False)
            if report.state(ret) is ReturnStatus.OVERDUE:
                ws.cell(row=r, column=2).font = overdue_font
        ws.append(["All agencies (mean)", ""] + [overall_value(w.mean_percent, scale) for w in
                                                 _standings_in_order(report)] + [""])
        r = ws.max_row
        ws.cell(row=r, column=1).font = Font(bold=True)
        for k, w in enumerate(_standings_in_order(report)):
            c = ws.cell(row=r, column=first_std_col + k)
            c.fill, c.border = fill(percent_fill(w.mean_percent, scale)), boxed
            c.font, c.alignment = Font(bold=True), Alignment(horizontal="center")
            c.number_format = _number_format(scale, single=False)
        last_row = ws.max_row
        finish(ws, header_row, len(columns), [56, 22] + [14] * len(standards) + [10], freeze_col=3)
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{last_row - 1}"
        ws.append([])
        ws.append(["Key", "", "Ratings: " + BASIS_WORDS[report.basis] + "."])
        ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
        for colour, shown, meaning in legend_entries(scale):
            ws.append(["", "", shown, meaning])
            c = ws.cell(row=ws.max_row, column=3)
            c.fill, c.border, c.alignment = fill(colour), boxed, Alignment(horizontal="center")
        ws.append(["", "", "A standard rated by its sub-criteria, the Overall column and the mean row show a mean "
                   + ("score (0\u20133)" if scale.kind is ScaleKind.SCORE_0_3 else "percentage")
                   + ", coloured by the nearest value on the scale."])

        # Returns
        table(
            wb.create_sheet("Returns"),
            ("Agency", "Short name", "Status", "Issued", "Deadline", "Received", "Reviewed", "Days overdue",
             "Reminders", "Reminder dates", "Lead contact", "Lead email", "Substitute", "Substitute email",
             "Panel outcome", "Overall"),
            [[text(report.agency_name(r.agency_id)), text(report.agency_label(r.agency_id)),
              STATUS_WORDS[report.state(r)], r.issued, rnd.deadline, r.received, r.reviewed,
              report.days_overdue(r) or None, len(r.reminders),
              ", ".join(short_date(m.sent_on) for m in r.reminders), text(r.lead_name), text(r.lead_email),
              text(r.substitute_name), text(r.substitute_email), text(r.panel_outcome),
              overall_value(report.status.summaries[r.agency_id].percent, scale)]
             for r in report.returns],
            [40, 16, 24, 12, 12, 12, 12, 13, 11, 26, 24, 34, 24, 34, 34, 10],
            date_cols=(4, 5, 6, 7), wrap_cols=(15,),
            row_fills=[report.state(r) is ReturnStatus.OVERDUE for r in report.returns],
            number_formats={16: _number_format(scale, single=False)},
        )

        # Actions: this round's plans, then the items of earlier rounds' plans still overdue
        listed = [(a, rnd.name, report.agency_of(a)) for a in report.actions]
        listed += [(e.item, e.round_name, report.agency_label(e.agency_id)) for e in report.earlier_overdue]
        table(
            wb.create_sheet("Actions"),
            ("Agency", "Round", "Standard", "Action", "Owner", "Due", "Status", "Closed", "Overdue", "Days overdue",
             "Notes"),
            [[text(agency), text(round_name), a.standard, text(a.action), text(a.owner), a.due, a.status.value,
              a.closed, "yes" if a.is_overdue(today) else "no", report.action_days_overdue(a) or None, text(a.notes)]
             for a, round_name, agency in listed],
            [22, 24, 10, 70, 24, 12, 13, 12, 10, 13, 50],
            date_cols=(6, 8), wrap_cols=(4, 11),
            row_fills=[a.is_overdue(today) for a, _r, _a in listed],
        )
        for row in wb["Actions"].iter_rows(min_row=5, min_col=3, max_col=3):
            row[0].alignment = Alignment(horizontal="center", vertical="top")

        # Comparison
        ws = wb.create_sheet("Comparison")
        if report.comparison is None or report.previous is None:
            heading_rows(ws)
            ws.append(["This is the first round: there is no earlier round to compare it with."])
            ws.column_dimensions["A"].width = 80
        else:
            prev_scale = report.previous.rating_scale
            cells = sorted(report.comparison.cells + report.comparison.overall,
                           key=lambda c: (report.agency_label(c.agency_id).casefold(),
                                          c.standard if c.standard is not None else 999))
            table(
                ws,
                ("Agency", "Standard", "Title", f"{report.previous.name}", f"{rnd.name}", "Previous %", "Current %",
                 "Change (points)", "Trend"),
                [[text(report.agency_label(c.agency_id)), c.standard if c.standard is not None else "Overall",
                  text(report.standard(c.standard).title) if c.standard is not None else "The return as a whole",
                  overall_value(c.previous_percent, prev_scale), overall_value(c.current_percent, scale),
                  _round1(c.previous_percent), _round1(c.current_percent), _round1(c.change), c.trend.value]
                 for c in cells],
                [22, 10, 60, 22, 22, 12, 12, 15, 15],
                # the figures as numbers in each round's units (a 0-3 score, or a percentage shown with its %)
                number_formats={4: _number_format(prev_scale, single=False), 5: _number_format(scale, single=False)},
            )
            for r in range(ws.max_row - len(cells) + 1, ws.max_row + 1):
                trend_cell = ws.cell(row=r, column=9)
                if trend_cell.value == Trend.WORSE.value:
                    trend_cell.font = overdue_font
                elif trend_cell.value == Trend.IMPROVED.value:
                    trend_cell.font = Font(bold=True, color="006100")

        # Ratings: every rating, self and moderated side by side, with the notes in full
        rows = []
        for ret in report.returns:
            for rating in ret.ratings:
                if rating.is_empty:  # kept in the database (an undone rating), never rated
                    continue
                std = report.standard(rating.standard)
                rows.append([
                    text(report.agency_label(ret.agency_id)), rating.standard, rating.criterion or "",
                    text(std.criterion(rating.criterion).text if rating.criterion else std.title),
                    rating_value(rating.self_value, scale), rating_value(rating.moderated_value, scale),
                    text(rating.self_na_reason or rating.moderated_na_reason), text(rating.evidence),
                    text(rating.improvement), text(rating.panel_comments),
                ])
        table(
            wb.create_sheet("Ratings"),
            ("Agency", "Standard", "Sub-criterion", "Title", "Self", "Moderated", "Not applicable because",
             "Evidence", "Areas for improvement", "Panel comments"),
            rows, [22, 10, 13, 50, 9, 11, 30, 50, 50, 50], wrap_cols=(4, 7, 8, 9, 10),
            number_formats={5: _number_format(scale, single=True), 6: _number_format(scale, single=True)},
        )

        props = wb.properties
        props.title = _title(report)
        props.creator = _author(report)
        props.subject = _subject(report)
        save_workbook(wb, tmp)

    return write_atomically(Path(path), write)


def _round1(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _number_format(scale: RatingScale, *, single: bool) -> str:
    if scale.kind is ScaleKind.SCORE_0_3:
        return "0" if single else "0.0"
    return '0"%"'


def grid_cell_value(score: Score | None, scale: RatingScale) -> object:
    """A grid cell in the workbook: a number where the scale has numbers, else the text as printed."""
    shown = score_text(score, scale)
    if shown in (NOT_RATED, "n/a") or scale.kind is ScaleKind.RAG and is_single_value(score):
        return shown
    if scale.kind is ScaleKind.SCORE_0_3:
        return int(shown) if is_single_value(score) else round(score.percent * scale.top / 100, 1)  # type: ignore[union-attr]
    return round(score.percent)  # type: ignore[union-attr, arg-type]


def rating_value(value: str | None, scale: RatingScale) -> object:
    """One rating in the workbook: a number on a 0-3 or percentage scale (so it sorts, filters and sums as
    one: the percentage shown with its % by the cell's format, the value kept 0-100), a word on RAG ('Green');
    'n/a' and '—' (not rated) as words."""
    shown = value_text(value, scale)
    if value is None or value == NOT_APPLICABLE or scale.kind is ScaleKind.RAG:
        return shown
    number = float(value.rstrip("%"))
    return int(number) if number.is_integer() else number


def overall_value(percent: float | None, scale: RatingScale) -> object:
    """A mean in the workbook, in the scale's units (a 0-3 score with a decimal, else a percentage)."""
    if percent is None:
        return NOT_RATED
    if scale.kind is ScaleKind.SCORE_0_3:
        return round(percent * scale.top / 100, 1)
    return round(percent)


def _style_grid_cell(cell, score: Score | None, scale: RatingScale, fill, border) -> None:
    from openpyxl.styles import Alignment

    cell.fill = fill(score_fill(score, scale))
    cell.border = border
    cell.alignment = Alignment(horizontal="center")
    if isinstance(cell.value, (int, float)):
        cell.number_format = _number_format(scale, single=is_single_value(score))

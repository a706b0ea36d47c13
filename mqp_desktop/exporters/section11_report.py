"""A Section 11 audit round's summary (ToR 7.8) as PDF or XLSX, for the chair's report and the Executive.

* PDF — to attach to the Executive's papers. The first page answers the
  chair's three questions at once: who has not returned (and how late), which
  standards are weakest across the agencies, which action-plan items are
  overdue, with the change since the previous round. Then the details (every
  return, every standard ranked, every overdue item, the change by standard),
  the agency x standard grid on landscape pages drawn as a coloured table —
  each cell's value printed in it, so it reads in black and white too — with
  its legend, and one page per agency: its dates and contacts, its rating of
  each standard (self-assessed and moderated, last round's, evidence and areas
  for improvement shortened), its action plan with the overdue items marked.
  "Page n of N", title/author/subject set, fonts embedded (see pdf_fonts).
* XLSX — to work with: sheets "Summary", "Grid" (the same values and fill
  colours), "Returns", "Actions" (overdue first), "Comparison" and "Ratings",
  each with a frozen heading row, filters and sensible widths.

Figures come from the domain's arithmetic (``rating_grid``, ``weakest_standards``,
``compare_rounds``) on the chosen basis: ``effective`` (the panel's rating where
it has one, else the self-assessment), ``self`` or ``moderated``. "Not
applicable" is left out of every total.

Written through a temporary file, as every export (see register_export).
openpyxl and reportlab are imported inside the functions that need them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mqp_desktop.domain.model import Agency, Subcommittee
from mqp_desktop.domain.section11 import (
    NOT_APPLICABLE,
    ActionItem,
    AuditReturn,
    AuditRound,
    Basis,
    RatingScale,
    ReturnStatus,
    ScaleKind,
    Standard,
)
from mqp_desktop.domain.section11_analysis import (
    ComparisonCell,
    RoundComparison,
    RoundStatus,
    Score,
    StandardStanding,
    Trend,
    rating_grid,
    return_summary,
    standard_score,
    weakest_standards,
)
from mqp_desktop.exporters.files import ExportFileError, guard_formula, safe_text, write_atomically
from mqp_desktop.exporters.register_export import _subcommittee_or_none

SUPPORTED_SUFFIXES = (".pdf", ".xlsx")
NOT_RATED = "\u2014"  # an em dash: nothing rated yet

BASIS_WORDS = {
    Basis.EFFECTIVE: "the panel's moderated rating where it has given one, otherwise the agency's self-assessment",
    Basis.SELF: "the agencies' self-assessments",
    Basis.MODERATED: "the panel's moderated ratings only (standards the panel has not rated are left blank)",
}
STATUS_WORDS = {
    ReturnStatus.OVERDUE: "Overdue",
    ReturnStatus.OUTSTANDING: "Outstanding",
    ReturnStatus.NOT_ISSUED: "Not issued",
    ReturnStatus.RECEIVED: "Received, awaiting panel",
    ReturnStatus.REVIEWED: "Reviewed",
}
_STATUS_ORDER = {ReturnStatus.OVERDUE: 0, ReturnStatus.OUTSTANDING: 1, ReturnStatus.NOT_ISSUED: 2,
                 ReturnStatus.RECEIVED: 3, ReturnStatus.REVIEWED: 4}

# Cell colours: a red -> amber -> green band, light enough for black text to read on every step. The hue
# turns (red 0%, amber 50%, green 100%) at a steady lightness, so the steps between stay clear colours
# rather than the muddy olive a straight mix of amber and green gives.
_HUES = ((0.0, 2.0), (50.0, 42.0), (100.0, 112.0))  # (percent, hue in degrees)
_LIGHTNESS, _SATURATION = 0.76, 0.80
NA_FILL = "D9D9D9"
NOT_RATED_FILL = "FFFFFF"
_NAVY = "1F3864"
_GREY = "595959"
_OVERDUE_FILL = "FCE4E4"
_OVERDUE_TEXT = "9C0006"


# --- words and numbers ----------------------------------------------------------------------
def long_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def short_date(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    text = " ".join(safe_text(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.-\u2013") + "\u2026"


def value_text(value: str | None, scale: RatingScale) -> str:
    """One rating as printed: 'Green', '2', '75%', 'n/a', or '—' for none."""
    if value is None:
        return NOT_RATED
    if value == NOT_APPLICABLE:
        return "n/a"
    if scale.kind is ScaleKind.RAG:
        return value.capitalize()
    if scale.kind is ScaleKind.PERCENT:
        return f"{value}%"
    return value


def units_text(percent: float | None, scale: RatingScale) -> str:
    """A worked-out figure (a mean) in the scale's units: '1.5' on 0-3, '63%' on percentages and RAG."""
    if percent is None:
        return NOT_RATED
    if scale.kind is ScaleKind.SCORE_0_3:
        return f"{percent * scale.top / 100:.1f}"
    return f"{percent:.0f}%"


def figure_text(percent: float | None, scale: RatingScale) -> str:
    """A mean for sentences: '1.4 of 3 (47%)' on 0-3, '47%' otherwise."""
    if percent is None:
        return "not rated"
    if scale.kind is ScaleKind.SCORE_0_3:
        return f"{units_text(percent, scale)} of {scale.top:.0f} ({percent:.0f}%)"
    return f"{percent:.0f}%"


def score_text(score: Score | None, scale: RatingScale) -> str:
    """A standard's score as printed in the grid: its value when one value stands for it, else the mean."""
    if score is None or score.rated + score.not_applicable == 0:
        return NOT_RATED
    if score.is_not_applicable:
        return "n/a"
    values = [v for v in score.counts if v != NOT_APPLICABLE]
    if len(values) == 1:
        return value_text(values[0], scale)
    return units_text(score.percent, scale)


def is_single_value(score: Score | None) -> bool:
    return score is not None and len([v for v in score.counts if v != NOT_APPLICABLE]) <= 1


def band_percent(percent: float | None, scale: RatingScale) -> float | None:
    """The percent of the scale value nearest to ``percent`` (the band a cell is coloured by)."""
    return None if percent is None else scale.percent_of(scale.nearest(percent))


def band_colour(percent: float) -> str:
    """'RRGGBB' on the red (0%) -> amber (50%) -> green (100%) band."""
    import colorsys

    p = max(0.0, min(100.0, percent))
    (p0, h0), (p1, h1) = (_HUES[0], _HUES[1]) if p <= _HUES[1][0] else (_HUES[1], _HUES[2])
    hue = h0 + (h1 - h0) * (p - p0) / (p1 - p0)
    rgb = colorsys.hls_to_rgb(hue / 360.0, _LIGHTNESS, _SATURATION)
    return "".join(f"{round(c * 255):02X}" for c in rgb)


def score_fill(score: Score | None, scale: RatingScale) -> str:
    """A grid cell's fill: the band of its value (or of the nearest value to its mean); grey for n/a."""
    if score is None or score.rated + score.not_applicable == 0:
        return NOT_RATED_FILL
    if score.is_not_applicable:
        return NA_FILL
    return band_colour(band_percent(score.percent, scale))  # type: ignore[arg-type]


def percent_fill(percent: float | None, scale: RatingScale) -> str:
    return NOT_RATED_FILL if percent is None else band_colour(band_percent(percent, scale))  # type: ignore[arg-type]


def value_fill(value: str | None, scale: RatingScale) -> str:
    if value is None:
        return NOT_RATED_FILL
    if value == NOT_APPLICABLE:
        return NA_FILL
    return band_colour(scale.percent_of(value))  # type: ignore[arg-type]


def legend_entries(scale: RatingScale) -> list[tuple[str, str, str]]:
    """(fill, value as printed, meaning) for the legend, worst first; n/a and not rated last."""
    if scale.kind is ScaleKind.PERCENT:
        shown = ("0", "25", "50", "75", "100")
        out = [(value_fill(v, scale), value_text(v, scale), "") for v in shown]
    else:
        out = [(value_fill(v, scale), value_text(v, scale), scale.meanings.get(v, "")) for v in scale.values]
    if scale.allows_not_applicable:
        out.append((NA_FILL, "n/a", "not applicable (left out of totals)"))
    out.append((NOT_RATED_FILL, NOT_RATED, "not rated"))
    return out


def scale_words(scale: RatingScale) -> str:
    if scale.kind is ScaleKind.PERCENT:
        return "percentage in 5% steps (n/a allowed, left out of totals)"
    meanings = ", ".join(f"{value_text(v, scale)} {scale.meanings[v]}" for v in scale.values if v in scale.meanings)
    name = "0\u20133 score" if scale.kind is ScaleKind.SCORE_0_3 else "Red / amber / green"
    return f"{name} ({meanings})" if meanings else name


def trend_word(t: Trend) -> str:
    return {Trend.IMPROVED: "Better", Trend.WORSE: "Worse", Trend.SAME: "Same"}.get(t, "")


# --- what the report shows ------------------------------------------------------------------
@dataclass(frozen=True)
class EarlierAction:
    """An action-plan item of an earlier round, still overdue (action plans carry over)."""

    item: ActionItem
    round_name: str
    agency_id: int


@dataclass(frozen=True)
class RoundReport:
    """Everything the summary shows, gathered once from the store (PDF and XLSX share it)."""

    round: AuditRound
    returns: tuple[AuditReturn, ...]
    agencies: Mapping[int, Agency]
    status: RoundStatus
    basis: Basis
    today: dt.date
    subcommittee: Subcommittee | None
    grid: Mapping[tuple[int, int], Score]
    previous: AuditRound | None
    previous_returns: tuple[AuditReturn, ...]
    comparison: RoundComparison | None
    previous_standings: Mapping[int, StandardStanding]
    earlier_overdue: tuple[EarlierAction, ...] = ()

    def earlier_overdue_of(self, agency_id: int) -> list[EarlierAction]:
        return [e for e in self.earlier_overdue if e.agency_id == agency_id]

    @property
    def scale(self) -> RatingScale:
        return self.round.rating_scale

    def agency_name(self, agency_id: int) -> str:
        a = self.agencies.get(agency_id)
        return a.name if a else f"agency {agency_id}"

    def agency_label(self, agency_id: int) -> str:
        a = self.agencies.get(agency_id)
        return a.label if a else f"agency {agency_id}"

    def state(self, ret: AuditReturn) -> ReturnStatus:
        return ret.status(self.round.deadline, self.today)

    def days_overdue(self, ret: AuditReturn) -> int:
        return max(0, (self.today - self.round.deadline).days) if self.state(ret) is ReturnStatus.OVERDUE else 0

    def returns_in(self, *states: ReturnStatus) -> list[AuditReturn]:
        return [r for r in self.returns if self.state(r) in states]

    @property
    def not_returned(self) -> list[AuditReturn]:
        """Returns not received yet, the overdue first (then by agency)."""
        out = self.returns_in(ReturnStatus.OVERDUE, ReturnStatus.OUTSTANDING, ReturnStatus.NOT_ISSUED)
        return sorted(out, key=lambda r: (_STATUS_ORDER[self.state(r)], self.agency_label(r.agency_id).casefold()))

    def return_by_id(self, return_id: int | None) -> AuditReturn | None:
        return next((r for r in self.returns if r.id == return_id), None)

    def agency_of(self, action: ActionItem) -> str:
        ret = self.return_by_id(action.return_id)
        return self.agency_label(ret.agency_id) if ret else ""

    @property
    def actions(self) -> list[ActionItem]:
        """Every action-plan item of the round: overdue first (oldest due first), then by due date."""
        items = [a for r in self.returns for a in r.actions]
        return sorted(items, key=lambda a: (not a.is_overdue(self.today), a.due or dt.date.max, a.id or 0))

    @property
    def overdue_actions(self) -> list[ActionItem]:
        return list(self.status.overdue_actions)

    def action_days_overdue(self, action: ActionItem) -> int:
        return (self.today - action.due).days if action.is_overdue(self.today) and action.due else 0

    @property
    def weakest(self) -> list[StandardStanding]:
        """The standards rated by at least one agency, weakest first."""
        return [w for w in self.status.weakest if w.mean_percent is not None]

    def standard(self, number: int) -> Standard:
        return self.round.standard(number)

    def previous_score(self, agency_id: int, number: int) -> Score | None:
        if self.previous is None:
            return None
        ret = next((r for r in self.previous_returns if r.agency_id == agency_id), None)
        if ret is None or not any(s.number == number for s in self.previous.standards):
            return None
        return standard_score(self.previous.rating_scale, self.previous.standard(number), ret.ratings, self.basis)

    def previous_overall(self, agency_id: int) -> float | None:
        if self.previous is None:
            return None
        ret = next((r for r in self.previous_returns if r.agency_id == agency_id), None)
        return return_summary(self.previous, ret, self.basis).percent if ret else None

    def trend_counts(self) -> dict[Trend, int]:
        return self.comparison.counts() if self.comparison else {}

    def notable_changes(self, limit: int = 6) -> list[ComparisonCell]:
        """The biggest rises and falls of an agency on a standard (falls first when equal)."""
        if self.comparison is None:
            return []
        moved = [c for c in self.comparison.cells if c.trend in (Trend.IMPROVED, Trend.WORSE)]
        moved.sort(key=lambda c: (-abs(c.change or 0), c.trend is Trend.IMPROVED,
                                  self.agency_label(c.agency_id).casefold(), c.standard or 0))
        return moved[:limit]

    def change_text(self, cell: ComparisonCell) -> str:
        """'Police, standard 5 (Staff training…): 2 → 0' in each round's own units."""
        assert self.previous is not None
        std = self.standard(cell.standard) if cell.standard is not None else None
        before = units_text(cell.previous_percent, self.previous.rating_scale)
        after = units_text(cell.current_percent, self.scale)
        if self.previous.rating_scale.kind is self.scale.kind and self.scale.kind is not ScaleKind.SCORE_0_3:
            before, after = (f"{p:.0f}%" for p in (cell.previous_percent or 0, cell.current_percent or 0))
        elif self.scale.kind is ScaleKind.SCORE_0_3 and self.previous.rating_scale.kind is ScaleKind.SCORE_0_3:
            before, after = (_trim(t) for t in (before, after))
        where = f"standard {std.number} ({shorten(std.title, 48)})" if std else "overall"
        return f"{self.agency_label(cell.agency_id)}, {where}: {before} \u2192 {after}"


def _trim(text: str) -> str:
    """'2.0' -> '2' (a single score), '1.5' stays."""
    return text.removesuffix(".0")


def gather_round_report(store, round_id: int, *, basis: Basis | str = Basis.EFFECTIVE,
                        today: dt.date | None = None) -> RoundReport:
    """The figures of one round's summary, read from ``store``."""
    from mqp_desktop.store.section11 import Section11Repo

    basis = parse_basis(basis)
    today = today or dt.date.today()
    s11 = Section11Repo(store)
    rnd = s11.round(round_id)
    returns = tuple(s11.returns(round_id))
    comparison = s11.comparison(round_id, basis)
    previous = s11.round(comparison.previous_round_id) if comparison and comparison.previous_round_id else None
    previous_returns = tuple(s11.returns(previous.id)) if previous else ()
    here = {r.id for r in returns}
    rounds = {r.id: r for r in s11.rounds()}
    earlier = []
    for item in s11.actions():
        if item.return_id in here or not item.is_overdue(today):
            continue
        ret = s11.get_return(item.return_id)
        other = rounds[ret.round_id]
        if (other.issued, other.id) < (rnd.issued, rnd.id):
            earlier.append(EarlierAction(item, other.name, ret.agency_id))
    earlier.sort(key=lambda e: (e.item.due, e.item.id or 0))
    return RoundReport(
        round=rnd,
        returns=returns,
        agencies={a.id: a for a in store.agencies()},
        status=s11.status(round_id, today, basis),
        basis=basis,
        today=today,
        subcommittee=_subcommittee_or_none(store),
        grid=rating_grid(rnd, returns, basis),
        previous=previous,
        previous_returns=previous_returns,
        comparison=comparison,
        previous_standings={w.number: w for w in weakest_standards(previous, previous_returns, basis)}
        if previous else {},
        earlier_overdue=tuple(earlier),
    )


def parse_basis(basis: Basis | str) -> Basis:
    try:
        return Basis(basis)
    except ValueError:
        raise ValueError(f"'{basis}' is not a basis for the ratings: use self, moderated or effective.") from None


def _title(report: RoundReport) -> str:
    return f"{report.round.name}: round summary"


def _author(report: RoundReport) -> str:
    sc = report.subcommittee
    return safe_text(sc.partnership or sc.name) if sc else "MQ&P Desktop"


def _subject(report: RoundReport) -> str:
    return (f"Section 11 self-assessment audit (ToR 7.8): returns, ratings by agency and standard "
            f"({report.basis.value}), action plans, as at {long_date(report.today)}")


# --- choosing by file type -------------------------------------------------------------------
def export_round_summary(store, round_id: int, path: Path | str, *, basis: str = "effective",
                         today: dt.date | None = None) -> Path:
    """Write the round's summary to ``path``; the ending chooses PDF or XLSX."""
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        shown = f"'{path.suffix}'" if path.suffix else "no ending"
        raise ValueError(
            f"Cannot write the Section 11 round summary to a file with {shown}: "
            "choose a name ending .pdf (PDF) or .xlsx (Excel)."
        )
    report = gather_round_report(store, round_id, basis=basis, today=today)
    return writer(report, path)


# --- XLSX ------------------------------------------------------------------------------------
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
        return guard_formula(safe_text(value))

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
                  units_text(c.previous_percent, prev_scale) if c.previous_percent is not None else NOT_RATED,
                  units_text(c.current_percent, scale) if c.current_percent is not None else NOT_RATED,
                  _round1(c.previous_percent), _round1(c.current_percent), _round1(c.change), c.trend.value]
                 for c in cells],
                [22, 10, 60, 22, 22, 12, 12, 15, 15],
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
                std = report.standard(rating.standard)
                rows.append([
                    text(report.agency_label(ret.agency_id)), rating.standard, rating.criterion or "",
                    text(std.criterion(rating.criterion).text if rating.criterion else std.title),
                    value_text(rating.self_value, scale), value_text(rating.moderated_value, scale),
                    text(rating.self_na_reason or rating.moderated_na_reason), text(rating.evidence),
                    text(rating.improvement), text(rating.panel_comments),
                ])
        table(
            wb.create_sheet("Ratings"),
            ("Agency", "Standard", "Sub-criterion", "Title", "Self", "Moderated", "Not applicable because",
             "Evidence", "Areas for improvement", "Panel comments"),
            rows, [22, 10, 13, 50, 9, 11, 30, 50, 50, 50], wrap_cols=(4, 7, 8, 9, 10),
        )

        props = wb.properties
        props.title = _title(report)
        props.creator = _author(report)
        props.subject = _subject(report)
        wb.save(tmp)

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


def _standings_in_order(report: RoundReport) -> list[StandardStanding]:
    by_number = {w.number: w for w in report.status.weakest}
    return [by_number[s.number] for s in report.round.standards]


def _not_returned_words(report: RoundReport, ret: AuditReturn) -> str:
    state = report.state(ret)
    if state is ReturnStatus.OVERDUE:
        words = f"{plural(report.days_overdue(ret), 'day')} overdue"
    elif state is ReturnStatus.OUTSTANDING:
        words = f"due {short_date(report.round.deadline)}"
    else:
        words = "not issued yet"
    if ret.reminders:
        words += f", {plural(len(ret.reminders), 'reminder')}, last {short_date(ret.last_reminder)}"
    elif state is ReturnStatus.OVERDUE:
        words += ", no reminder sent"
    return words


# --- PDF -------------------------------------------------------------------------------------
_FRAME_PAD = 6  # points: platypus frames' default padding inside the margins


def write_round_summary_pdf(report: RoundReport, path: Path | str) -> Path:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import (
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        KeepTogether,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    from mqp_desktop.exporters.pdf_fonts import register_fonts

    font, bold = register_fonts()
    rnd, scale, today = report.round, report.scale, report.today
    navy = colors.HexColor("#" + _NAVY)
    grey = colors.HexColor("#" + _GREY)
    rule = colors.HexColor("#A6A6A6")
    pale = colors.HexColor("#D9E2F3")
    overdue_fill = colors.HexColor("#" + _OVERDUE_FILL)
    overdue_hex = "#" + _OVERDUE_TEXT

    def hexc(rgb: str):
        return colors.HexColor("#" + rgb)

    def esc(text: str) -> str:
        return escape(safe_text(text))

    base = ParagraphStyle("base", fontName=font, fontSize=9, leading=11.5)
    small = ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.2, textColor=grey)
    kicker = ParagraphStyle("kicker", parent=base, fontSize=10, leading=13, textColor=grey)
    title_style = ParagraphStyle("title", parent=base, fontName=bold, fontSize=17, leading=21, textColor=navy,
                                 spaceBefore=2, spaceAfter=3)
    h1 = ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12.5, leading=15.5, textColor=navy,
                        spaceBefore=8, spaceAfter=4)
    h2 = ParagraphStyle("h2", parent=base, fontName=bold, fontSize=10, leading=12.5, textColor=navy,
                        spaceBefore=6, spaceAfter=3)
    cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=9.8)
    cell_small = ParagraphStyle("cells", parent=cell, fontSize=7.0, leading=8.4)
    cell_bold = ParagraphStyle("cellb", parent=cell, fontName=bold)
    cell_num = ParagraphStyle("celln", parent=cell, alignment=TA_RIGHT)
    cell_mid = ParagraphStyle("cellm", parent=cell, alignment=TA_CENTER)
    cell_mid_bold = ParagraphStyle("cellmb", parent=cell_mid, fontName=bold)
    head = ParagraphStyle("head", parent=cell, fontName=bold, textColor=colors.white, fontSize=7.5, leading=9)
    head_mid = ParagraphStyle("headm", parent=head, alignment=TA_CENTER)
    head_num = ParagraphStyle("headn", parent=head, alignment=TA_RIGHT)
    box_head = ParagraphStyle("boxh", parent=base, fontName=bold, fontSize=10, leading=12.5, textColor=colors.white)
    box_line = ParagraphStyle("boxl", parent=base, fontSize=8.8, leading=11.2, spaceAfter=1.5)
    box_big = ParagraphStyle("boxbig", parent=base, fontName=bold, fontSize=11, leading=14, spaceAfter=2)
    fact_key = ParagraphStyle("factk", parent=cell, fontName=bold, textColor=grey)

    margin = 1.6 * cm
    portrait, wide = A4, landscape(A4)
    top, bottom = 1.5 * cm, 2.0 * cm

    def frame_width(size) -> float:
        return size[0] - 2 * margin - 2 * _FRAME_PAD

    text_w, wide_w = frame_width(portrait), frame_width(wide)
    who = report.subcommittee.short_name or report.subcommittee.name if report.subcommittee else ""
    footer_left = f"{rnd.name} \u00b7 round summary as at {today:%d/%m/%Y}" + (f" \u00b7 {who}" if who else "")

    class NumberedCanvas(rl_canvas.Canvas):
        """Holds each page until the end, so the footer can say 'Page n of N' (pages may differ in size)."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = font  # not Helvetica, which is not embedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                page_w = self._pagesize[0]
                self.setFont(font, 7.5)
                self.setFillColor(grey)
                left, right = margin + _FRAME_PAD, page_w - margin - _FRAME_PAD
                self.drawString(left, 1.1 * cm, safe_text(footer_left))
                self.drawRightString(right, 1.1 * cm, f"Page {self._pageNumber} of {total}")
                self.setStrokeColor(colors.HexColor("#BFBFBF"))
                self.setLineWidth(0.5)
                self.line(left, 1.45 * cm, right, 1.45 * cm)
                super().showPage()
            super().save()

    table_style = [
        ("FONT", (0, 0), (-1, -1), font, 8),  # a Table's own default is Helvetica, not embedded
        ("BACKGROUND", (0, 0), (-1, 0), navy),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, rule),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ]

    def P(text: str, style=cell) -> Paragraph:
        return Paragraph(text, style)

    def grid_table(rows, widths, extra=(), repeat=1) -> Table:
        return Table(rows, colWidths=widths, repeatRows=repeat, style=TableStyle(table_style + list(extra)),
                     hAlign="LEFT")

    def red(text: str) -> str:
        return f'<font color="{overdue_hex}"><b>{text}</b></font>'

    story: list = []
    counts = {s: len(report.returns_in(s)) for s in ReturnStatus}
    not_returned = report.not_returned
    overdue_returns = report.returns_in(ReturnStatus.OVERDUE)
    overdue_actions = report.overdue_actions
    weakest = report.weakest

    # ----- page 1: the summary a chair reads in ten seconds ------------------------------------
    sc = report.subcommittee
    if sc is not None:
        story.append(P(esc(" \u00b7 ".join(x for x in (sc.partnership, sc.name) if x)), kicker))
    story.append(P(esc(rnd.name) + ": round summary", title_style))
    story.append(P(f"Section 11 self-assessment audit (ToR 7.8) \u00b7 as at {long_date(today)}", kicker))
    story.append(Spacer(1, 6))
    facts = [
        ("Framework", (f"{esc(rnd.framework_name)} (version {rnd.framework_version}), "
                      f"{plural(len(rnd.standards), 'standard')}")),
        ("Scale", esc(scale_words(scale))),
        ("Issued", long_date(rnd.issued)),
        ("Deadline", long_date(rnd.deadline)),
        ("Panel", ", ".join(long_date(d) for d in rnd.panel_dates) or "no panel date set"),
        ("Ratings used", esc(BASIS_WORDS[report.basis]).capitalize()),
    ]
    fact_rows = []
    for i in range(0, len(facts), 2):
        pair = facts[i:i + 2]
        row = []
        for k, v in pair:
            row += [P(k, fact_key), P(v, cell)]
        fact_rows.append(row + [""] * (4 - len(row)))
    story.append(Table(fact_rows, colWidths=[2.2 * cm, text_w / 2 - 2.2 * cm] * 2, hAlign="LEFT",
                       style=TableStyle([("FONT", (0, 0), (-1, -1), font, 8), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                         ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])))
    story.append(Spacer(1, 8))

    def box(heading: str, lines: list, accent) -> Table:
        rows = [[P(heading, box_head)]] + [[line] for line in lines]
        return Table(rows, colWidths=[text_w], hAlign="LEFT", style=TableStyle([
            ("FONT", (0, 0), (-1, -1), font, 8.8),
            ("BACKGROUND", (0, 0), (-1, 0), accent),
            ("BOX", (0, 0), (-1, -1), 0.8, accent),
            ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, 0), 3.5), ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ("TOPPADDING", (0, 1), (-1, 1), 4), ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
        ]))

    # Returns
    received = counts[ReturnStatus.RECEIVED] + counts[ReturnStatus.REVIEWED]
    lines = [P(f"{received} of {len(report.returns)} returns received"
               + (f" \u2014 {red(plural(len(overdue_returns), 'overdue return'))}" if overdue_returns else ""),
               box_big),
             P(f"Reviewed by the panel {counts[ReturnStatus.REVIEWED]} \u00b7 received, awaiting panel "
               f"{counts[ReturnStatus.RECEIVED]} \u00b7 outstanding (deadline not passed) "
               f"{counts[ReturnStatus.OUTSTANDING]} \u00b7 overdue {counts[ReturnStatus.OVERDUE]}"
               + (f" \u00b7 not issued yet {counts[ReturnStatus.NOT_ISSUED]}" if counts[ReturnStatus.NOT_ISSUED]
                  else ""), box_line)]
    if not_returned:
        lines.append(P("<b>Not returned:</b>", box_line))
        for r in not_returned:
            name = esc(report.agency_name(r.agency_id))
            words = esc(_not_returned_words(report, r))
            lines.append(P(f"\u2022 {red(name) if report.state(r) is ReturnStatus.OVERDUE else '<b>' + name + '</b>'}"
                           f" \u2014 {words}", box_line))
    else:
        lines.append(P("Every agency asked has returned.", box_line))
    story.append(box("Who has not returned", lines, navy))
    story.append(Spacer(1, 7))

    # Weakest standards
    lines = []
    if weakest:
        for w in weakest[:3]:
            lowest = ", ".join(esc(report.agency_label(a)) for a in w.lowest_agency_ids)
            lines.append(P(f"<b>{w.number}. {esc(w.title)}</b> \u2014 mean {figure_text(w.mean_percent, scale)} "
                           f"across {plural(w.agencies_rated, 'agency', 'agencies')}; lowest "
                           f"{_trim(units_text(w.lowest_percent, scale))}: {lowest}", box_line))
        lines.append(P(f"Standards ranked by their mean over the agencies that have rated them "
                       f"({esc(report.basis.value)} ratings; n/a left out). All standards: page 2; the grid: "
                       "the landscape pages.", small))
    else:
        lines.append(P("No ratings yet.", box_line))
    story.append(box("Weakest standards across agencies", lines, navy))
    story.append(Spacer(1, 7))

    # Overdue actions
    lines = []
    shown_actions = overdue_actions[:6]
    for a in shown_actions:
        std = f" (standard {a.standard})" if a.standard else ""
        lines.append(P(f"\u2022 <b>{esc(report.agency_of(a))}</b>{std}: {esc(shorten(a.action, 110))} \u2014 "
                       f"{esc(a.owner) + ', ' if a.owner else ''}due {short_date(a.due)}, "
                       f"{red(plural(report.action_days_overdue(a), 'day') + ' overdue')}", box_line))
    if len(overdue_actions) > len(shown_actions):
        lines.append(P(f"\u2026 and {len(overdue_actions) - len(shown_actions)} more, listed with the details.",
                       box_line))
    if not overdue_actions:
        lines.append(P("None in this round's action plans: every item due so far is done or dropped.", box_line))
    earlier = report.earlier_overdue
    if earlier:
        per_agency: dict[str, int] = {}
        for e in earlier:
            label = report.agency_label(e.agency_id)
            per_agency[label] = per_agency.get(label, 0) + 1
        lines.append(P(f"<b>Still overdue from earlier rounds' plans:</b> {plural(len(earlier), 'item')} \u2014 "
                       + ", ".join(f"{esc(k)} {v}" for k, v in per_agency.items()) + " (listed with the details)",
                       box_line))
    heading = f"Overdue action-plan items ({len(overdue_actions)}"
    heading += f", and {len(earlier)} from earlier rounds)" if earlier else ")"
    story.append(box(heading, lines, hexc(_OVERDUE_TEXT) if overdue_actions or earlier else navy))
    story.append(Spacer(1, 7))

    # Since the previous round
    if report.comparison and report.previous:
        t = report.trend_counts()
        lines = [P(f"Agency \u00d7 standard: <b>{t[Trend.IMPROVED]} improved</b>, {t[Trend.SAME]} the same, "
                   f"<b>{t[Trend.WORSE]} worse</b>, {t[Trend.NOT_COMPARABLE]} not comparable "
                   "(not returned, not rated or n/a in either round).", box_line)]
        for c in report.notable_changes(4):
            word = "Up" if c.trend is Trend.IMPROVED else "Down"
            lines.append(P(f"\u2022 {word}: {esc(report.change_text(c))}", box_line))
        story.append(box(f"Since {esc(report.previous.name)}", lines, navy))
    else:
        story.append(box("Since the previous round", [P("This is the first round: nothing to compare with.",
                                                        box_line)], navy))

    # ----- the details ---------------------------------------------------------------------
    story.append(PageBreak())
    story.append(P("Returns", h1))
    rows = [[P(h, head) for h in ("Agency", "Status", "Received", "Reviewed", "Reminders", "Lead contact")]
            + [P("Overall", head_num)]]
    extra = []
    ordered = sorted(report.returns, key=lambda r: (_STATUS_ORDER[report.state(r)],
                                                    report.agency_label(r.agency_id).casefold()))
    for r in ordered:
        state = report.state(r)
        status_text = STATUS_WORDS[state] + (f" ({report.days_overdue(r)} days)" if state is ReturnStatus.OVERDUE
                                             else "")
        reminders = ", ".join(short_date(m.sent_on) for m in r.reminders)
        rows.append([P(esc(report.agency_name(r.agency_id))),
                     P(red(status_text) if state is ReturnStatus.OVERDUE else status_text),
                     P(short_date(r.received)), P(short_date(r.reviewed)), P(reminders, cell_small),
                     P(esc(r.lead_name) or '<font color="#595959">none recorded</font>', cell_small),
                     P(units_text(report.status.summaries[r.agency_id].percent, scale), cell_num)])
        if state is ReturnStatus.OVERDUE:
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), overdue_fill))
    story.append(grid_table(rows, [4.6 * cm, 2.7 * cm, 1.8 * cm, 1.8 * cm, 2.2 * cm, 2.6 * cm,
                                   text_w - 15.7 * cm], extra))
    story.append(P(f"Overall: the mean of the agency's standards ({esc(_units_words(scale))}); n/a and unrated "
                   "standards left out.", small))

    story.append(P("Standards across agencies, weakest first", h1))
    rows = [[P("Std", head), P("Standard", head), P("Mean", head_num), P("Rated by", head_num),
             P("n/a", head_num), P("Lowest", head), P(f"Mean in {esc(report.previous.name)}", head_num)
             if report.previous else P("", head)]]
    extra = []
    for w in report.status.weakest:
        prev = report.previous_standings.get(w.number)
        lowest = (f"{_trim(units_text(w.lowest_percent, scale))}: "
                  + ", ".join(esc(report.agency_label(a)) for a in w.lowest_agency_ids)) if w.lowest_agency_ids else ""
        rows.append([P(str(w.number), cell_mid), P(esc(w.title)), P(units_text(w.mean_percent, scale), cell_num),
                     P(str(w.agencies_rated), cell_num), P(str(w.not_applicable or ""), cell_num),
                     P(lowest, cell_small),
                     P(units_text(prev.mean_percent, report.previous.rating_scale) if prev and report.previous
                       else "", cell_num)])
        extra.append(("BACKGROUND", (2, len(rows) - 1), (2, len(rows) - 1),
                      hexc(percent_fill(w.mean_percent, scale))))
    story.append(grid_table(rows, [0.9 * cm, 6.6 * cm, 1.3 * cm, 1.5 * cm, 1.0 * cm, 3.4 * cm,
                                   text_w - 14.7 * cm], extra))

    story.append(CondPageBreak(4 * cm))
    story.append(P(f"Overdue action-plan items ({len(overdue_actions)})", h1))
    if overdue_actions:
        rows = [[P(h, head) for h in ("Agency", "Std", "Action", "Owner", "Due", "Overdue by", "Status")]]
        for a in overdue_actions:
            rows.append([P(esc(report.agency_of(a))), P(str(a.standard or ""), cell_mid), P(esc(a.action)),
                         P(esc(a.owner), cell_small), P(short_date(a.due)),
                         P(red(plural(report.action_days_overdue(a), "day"))), P(a.status.value)])
        story.append(grid_table(rows, [2.6 * cm, 0.9 * cm, 6.4 * cm, 2.5 * cm, 1.9 * cm, 1.7 * cm,
                                       text_w - 16.0 * cm]))
    else:
        story.append(P("None.", base))
    if earlier:
        story.append(CondPageBreak(4 * cm))
        story.append(P(f"Still overdue from earlier rounds ({len(earlier)})", h2))
        rows = [[P(h, head) for h in ("Agency", "Round", "Std", "Action", "Owner", "Due", "Overdue by")]]
        for e in earlier:
            a = e.item
            rows.append([P(esc(report.agency_label(e.agency_id))), P(esc(e.round_name), cell_small),
                         P(str(a.standard or ""), cell_mid), P(esc(a.action), cell_small), P(esc(a.owner), cell_small),
                         P(short_date(a.due)), P(red(plural(report.action_days_overdue(a), "day")))])
        story.append(grid_table(rows, [2.6 * cm, 2.6 * cm, 0.9 * cm, text_w - 12.8 * cm, 2.4 * cm, 2.0 * cm,
                                       2.3 * cm]))
        story.append(CondPageBreak(5 * cm))
        story.append(P(f"Change since {esc(report.previous.name)}", h1))
        by_std = report.comparison.by_standard()
        rows = [[P("Std", head), P("Standard", head), P("Improved", head_num), P("Same", head_num),
                 P("Worse", head_num), P("Not comparable", head_num)]]
        for s in rnd.standards:
            c = by_std.get(s.number, {})
            rows.append([P(str(s.number), cell_mid), P(esc(shorten(s.title, 80))),
                         P(str(c.get(Trend.IMPROVED, 0)), cell_num), P(str(c.get(Trend.SAME, 0)), cell_num),
                         P(str(c.get(Trend.WORSE, 0)), cell_num), P(str(c.get(Trend.NOT_COMPARABLE, 0)), cell_num)])
        story.append(grid_table(rows, [0.9 * cm, text_w - 0.9 * cm - 4 * 2.1 * cm] + [2.1 * cm] * 4))
        notable = report.notable_changes(8)
        if notable:
            story.append(P("The biggest changes", h2))
            for c in notable:
                word = "Up" if c.trend is Trend.IMPROVED else "Down"
                story.append(P(f"\u2022 {word}: {esc(report.change_text(c))}", base))
        story.append(P("Each round is scored on its own scale and compared as a percentage of the scale's top, so "
                       "rounds on different scales can be compared. 'Not comparable': no return, not rated or n/a "
                       "in either round.", small))

    # ----- the grid ------------------------------------------------------------------------
    story.append(NextPageTemplate("landscape"))
    story.append(PageBreak())
    story.append(P(f"Ratings by agency and standard \u2014 {esc(rnd.name)}", h1))
    story.append(P(f"Ratings used: {esc(BASIS_WORDS[report.basis])}. Each cell shows the value and is coloured by it; "
                   "the key is below the grid.", small))
    story.append(Spacer(1, 4))
    standards = rnd.standards
    n = len(standards)
    agency_w, status_w, overall_w = 5.4 * cm, 2.6 * cm, 1.7 * cm
    std_w = (wide_w - agency_w - status_w - overall_w) / max(n, 1)
    head_rows = [[P("Agency", head), P("Return", head)]
                 + [P(f"{s.number}", head_mid) for s in standards] + [P("Overall", head_mid)],
                 [P("", head), P("", head)]
                 + [P(esc(shorten(s.title, 44 if std_w < 3 * cm else 70)),
                      ParagraphStyle("gh", parent=head_mid, fontName=font, fontSize=6.2, leading=7.2))
                    for s in standards] + [P("", head)]]
    rows = list(head_rows)
    extra = [("BACKGROUND", (0, 0), (-1, 1), navy), ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)),
             ("SPAN", (-1, 0), (-1, 1)), ("VALIGN", (0, 0), (-1, 1), "TOP"),
             ("LINEBELOW", (0, 0), (-1, 0), 0, navy)]
    for ret in report.returns:
        state = report.state(ret)
        summary = report.status.summaries[ret.agency_id]
        row = [P(esc(report.agency_name(ret.agency_id)), cell),
               P(red(STATUS_WORDS[state]) if state is ReturnStatus.OVERDUE else STATUS_WORDS[state], cell_small)]
        r = len(rows)
        for k, s in enumerate(standards):
            score = report.grid.get((ret.agency_id, s.number))
            row.append(P(score_text(score, scale), cell_mid_bold if score and score.rated else cell_mid))
            extra.append(("BACKGROUND", (2 + k, r), (2 + k, r), hexc(score_fill(score, scale))))
        row.append(P(units_text(summary.percent, scale), cell_mid_bold))
        extra.append(("BACKGROUND", (2 + n, r), (2 + n, r), hexc(percent_fill(summary.percent, scale))))
        rows.append(row)
    mean_row = [P("<b>All agencies (mean)</b>", cell), P("", cell)]
    r = len(rows)
    for k, w in enumerate(_standings_in_order(report)):
        mean_row.append(P(units_text(w.mean_percent, scale), cell_mid_bold))
        extra.append(("BACKGROUND", (2 + k, r), (2 + k, r), hexc(percent_fill(w.mean_percent, scale))))
    mean_row.append(P("", cell))
    rows.append(mean_row)
    extra.append(("LINEABOVE", (0, r), (-1, r), 1.2, navy))
    story.append(Table(rows, colWidths=[agency_w, status_w] + [std_w] * n + [overall_w], repeatRows=2,
                       style=TableStyle(table_style + extra), hAlign="LEFT"))
    story.append(Spacer(1, 6))

    # The key: swatches with their printed values, then what the numbers mean
    entries = legend_entries(scale)
    swatch_row, meaning_row, swatch_style = [], [], []
    for i, (colour, shown, meaning) in enumerate(entries):
        swatch_row.append(P(f"<b>{esc(shown)}</b>", cell_mid))
        meaning_row.append(P(esc(meaning), cell_small))
        swatch_style.append(("BACKGROUND", (i, 0), (i, 0), hexc(colour)))
    key_w = min(3.2 * cm, wide_w / len(entries))
    key = Table([swatch_row, meaning_row], colWidths=[key_w] * len(entries), hAlign="LEFT",
                style=TableStyle([("FONT", (0, 0), (-1, -1), font, 8), ("BOX", (0, 0), (-1, 0), 0.4, rule),
                                  ("INNERGRID", (0, 0), (-1, 0), 0.4, rule), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
                                 + swatch_style))
    key_notes = [
        P(f"<b>Key</b> \u2014 {esc(scale_words(scale))}", cell),
        key,
        P("A standard rated by its sub-criteria, the Overall column and the mean row show a mean "
          + ("score (0\u20133, one decimal)" if scale.kind is ScaleKind.SCORE_0_3 else "percentage")
          + ", coloured by the nearest value on the scale. \u2014 not rated (including returns not yet received); "
          "n/a not applicable, left out of every total.", small),
        Spacer(1, 3),
        P("<b>Standards</b>: " + " \u00b7 ".join(f"<b>{s.number}</b> {esc(s.title)}" for s in standards), small),
    ]
    story.append(KeepTogether(key_notes))

    # ----- one page per agency -----------------------------------------------------------
    story.append(NextPageTemplate("portrait"))
    for ret in report.returns:
        story.append(PageBreak())
        story.extend(_agency_page(report, ret, P, esc, red, grid_table, text_w, cm, hexc, colors,
                                  {"h1": h1, "h2": h2, "cell": cell, "small": small, "cell_small": cell_small,
                                       "cell_mid": cell_mid, "cell_mid_bold": cell_mid_bold, "head": head,
                                       "head_mid": head_mid, "fact_key": fact_key, "kicker": kicker, "cell_bold": cell_bold},
                                  overdue_fill, pale))

    def write(tmp: Path) -> None:
        doc = BaseDocTemplate(
            str(tmp), pagesize=portrait, leftMargin=margin, rightMargin=margin, topMargin=top, bottomMargin=bottom,
            title=safe_text(_title(report)), author=_author(report), subject=safe_text(_subject(report)),
            creator="MQ&P Desktop", keywords="Section 11; safeguarding children partnership; audit", lang="en-GB",
        )
        doc.addPageTemplates([
            PageTemplate(id="portrait", pagesize=portrait,
                         frames=[Frame(margin, bottom, portrait[0] - 2 * margin, portrait[1] - top - bottom,
                                       id="p")]),
            PageTemplate(id="landscape", pagesize=wide,
                         frames=[Frame(margin, bottom, wide[0] - 2 * margin, wide[1] - top - bottom, id="l")]),
        ])
        doc.build(story, canvasmaker=NumberedCanvas)

    return write_atomically(Path(path), write)


def _units_words(scale: RatingScale) -> str:
    if scale.kind is ScaleKind.SCORE_0_3:
        return "a 0\u20133 score"
    return "a percentage" + (" (red 0%, amber 50%, green 100%)" if scale.kind is ScaleKind.RAG else "")


def _agency_page(report: RoundReport, ret: AuditReturn, P, esc, red, grid_table, text_w, cm, hexc, colors,
                 st, overdue_fill, pale) -> list:
    """The flowables of one agency's page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    rnd, scale, today = report.round, report.scale, report.today
    state = report.state(ret)
    agency = report.agencies.get(ret.agency_id)
    out: list = []
    out.append(P(esc(rnd.name) + " \u00b7 agency return", st["kicker"]))
    label = agency.short_name if agency and agency.short_name and agency.short_name != agency.name else ""
    out.append(Paragraph(esc(report.agency_name(ret.agency_id)) + (f" ({esc(label)})" if label else ""), st["h1"]))

    summary = report.status.summaries[ret.agency_id]
    status_text = STATUS_WORDS[state]
    if state is ReturnStatus.OVERDUE:
        status_text = red(f"Overdue \u2014 {plural(report.days_overdue(ret), 'day')} past the deadline")
    elif state is ReturnStatus.OUTSTANDING:
        status_text = f"Outstanding \u2014 due {long_date(rnd.deadline)}"
    overall = f"{figure_text(summary.percent, scale)}" if summary.percent is not None else "not rated"
    prev_overall = report.previous_overall(ret.agency_id)
    if report.previous is not None:
        prev_text = figure_text(prev_overall, report.previous.rating_scale) if prev_overall is not None \
            else "no rated return"
        overall += f" \u00b7 {esc(report.previous.name)}: {prev_text}"

    def contact(name: str, email: str) -> str:
        if not name and not email:
            return '<font color="#595959">none recorded</font>'
        return esc(name) + (f" &lt;{esc(email)}&gt;" if email else "")

    reminders = ", ".join(short_date(m.sent_on) + (f" ({esc(m.note)})" if m.note else "") for m in ret.reminders)
    facts = [
        ("Status", status_text),
        ("Overall", overall),
        ("Lead contact", contact(ret.lead_name, ret.lead_email)),
        ("Substitute", contact(ret.substitute_name, ret.substitute_email)),
        ("Dates", (f"issued {short_date(ret.issued) or NOT_RATED} \u00b7 deadline {short_date(rnd.deadline)} \u00b7 "
                  f"received {short_date(ret.received) or NOT_RATED} \u00b7 reviewed {short_date(ret.reviewed) or NOT_RATED}")),
        ("Reminders", reminders or "none"),
    ]
    if ret.panel_outcome:
        facts.append(("Panel outcome", esc(ret.panel_outcome)))
    out.append(Table([[P(k, st["fact_key"]), P(v)] for k, v in facts], colWidths=[2.6 * cm, text_w - 2.6 * cm],
                     hAlign="LEFT", style=TableStyle([("FONT", (0, 0), (-1, -1), st["cell"].fontName, 8),
                                                      ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                      ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                      ("TOPPADDING", (0, 0), (-1, -1), 1),
                                                      ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])))

    # Ratings per standard
    out.append(Paragraph("Ratings by standard", st["h2"]))
    prev_scale = report.previous.rating_scale if report.previous else None
    head = [P("Standard", st["head"]), P("Self", st["head_mid"]), P("Moderated", st["head_mid"]),
            P("Last round", st["head_mid"]), P("Change", st["head_mid"]),
            P("Evidence, areas for improvement, panel comments", st["head"])]
    rows, extra = [head], []
    for s in rnd.standards:
        own = ret.rating(s.number)
        by_criteria = [r for r in ret.ratings if r.standard == s.number and r.criterion]
        self_score = standard_score(scale, s, ret.ratings, Basis.SELF)
        mod_score = standard_score(scale, s, ret.ratings, Basis.MODERATED)
        prev_score = report.previous_score(ret.agency_id, s.number)
        cell = report.comparison.cell(ret.agency_id, s.number) if report.comparison else None
        notes = []
        source = own if own is not None else None
        if source is not None:
            if source.evidence:
                notes.append(f"<b>Evidence:</b> {esc(shorten(source.evidence, 105))}")
            if source.improvement:
                notes.append(f"<b>To improve:</b> {esc(shorten(source.improvement, 105))}")
            reason = source.moderated_na_reason or source.self_na_reason
            if reason:
                notes.append(f"<b>n/a because:</b> {esc(shorten(reason, 90))}")
            if source.panel_comments:
                notes.append(f"<b>Panel:</b> {esc(shorten(source.panel_comments, 100))}")
        if by_criteria and (own is None or own.value(report.basis) is None):
            notes.append(f"Worked out from {plural(len(by_criteria), 'sub-criterion', 'sub-criteria')} (below).")
        change = ""
        if cell is not None and cell.trend in (Trend.IMPROVED, Trend.WORSE, Trend.SAME):
            change = trend_word(cell.trend)
            if cell.trend is Trend.WORSE:
                change = red(change)
            elif cell.trend is Trend.IMPROVED:
                change = f'<font color="#006100"><b>{change}</b></font>'
        r = len(rows)
        rows.append([P(f"<b>{s.number}.</b> {esc(shorten(s.title, 95))}", st["cell_small"]),
                     P(score_text(self_score, scale), st["cell_mid_bold"]),
                     P(score_text(mod_score, scale), st["cell_mid_bold"]),
                     P(score_text(prev_score, prev_scale) if prev_scale else "", st["cell_mid"]),
                     P(change, st["cell_mid"]),
                     P("<br/>".join(notes) or '<font color="#595959">\u2014</font>', st["cell_small"])])
        extra += [("BACKGROUND", (1, r), (1, r), hexc(score_fill(self_score, scale))),
                  ("BACKGROUND", (2, r), (2, r), hexc(score_fill(mod_score, scale)))]
        if prev_scale is not None:
            extra.append(("BACKGROUND", (3, r), (3, r), hexc(score_fill(prev_score, prev_scale))))
        for c in sorted(by_criteria, key=lambda c: c.criterion):
            try:
                text = s.criterion(c.criterion).text
            except Exception:  # noqa: BLE001 - a sub-criterion no longer in the round: show its code alone
                text = ""
            r = len(rows)
            crit_notes = []
            if c.evidence:
                crit_notes.append(f"<b>Evidence:</b> {esc(shorten(c.evidence, 90))}")
            if c.improvement:
                crit_notes.append(f"<b>To improve:</b> {esc(shorten(c.improvement, 90))}")
            rows.append([P(f"&nbsp;&nbsp;&nbsp;{esc(c.criterion)} {esc(shorten(text, 70))}", st["cell_small"]),
                         P(value_text(c.self_value, scale), st["cell_mid"]),
                         P(value_text(c.moderated_value, scale), st["cell_mid"]), P(""), P(""),
                         P("<br/>".join(crit_notes), st["cell_small"])])
            extra += [("BACKGROUND", (1, r), (1, r), hexc(value_fill(c.self_value, scale))),
                      ("BACKGROUND", (2, r), (2, r), hexc(value_fill(c.moderated_value, scale)))]
    widths = [4.2 * cm, 1.5 * cm, 2.0 * cm, 1.5 * cm, 1.4 * cm]
    out.append(grid_table(rows, widths + [text_w - sum(widths)], extra))
    if state in (ReturnStatus.OVERDUE, ReturnStatus.OUTSTANDING, ReturnStatus.NOT_ISSUED):
        out.append(P("No return received yet: the ratings are blank until it arrives."
                     + (f" Last round's ratings (from {esc(report.previous.name)}) are shown for reference."
                        if report.previous else ""), st["small"]))
    else:
        out.append(P(f"Self: the agency's self-assessment; Moderated: the panel's rating; Last round: "
                     f"{esc(report.previous.name) + ' (' + report.basis.value + ')' if report.previous else 'none'}. "
                     "Notes shortened; the full text is in the XLSX summary's Ratings sheet.", st["small"]))

    # Action plan
    out.append(Paragraph("Action plan", st["h2"]))
    actions = sorted(ret.actions, key=lambda a: (not a.is_overdue(today), a.due or dt.date.max, a.id or 0))
    if actions:
        rows = [[P(h, st["head"]) for h in ("Action", "Std", "Owner", "Due", "Status", "Closed")]]
        extra = []
        for a in actions:
            r = len(rows)
            status = a.status.value.capitalize()
            if a.is_overdue(today):
                status = red(f"OVERDUE by {plural(report.action_days_overdue(a), 'day')}") + f"<br/>({a.status.value})"
                extra.append(("BACKGROUND", (0, r), (-1, r), overdue_fill))
            notes = f"<br/><font color='#595959'>{esc(shorten(a.notes, 110))}</font>" if a.notes else ""
            rows.append([P(esc(a.action) + notes, st["cell_small"]), P(str(a.standard or ""), st["cell_mid"]),
                         P(esc(a.owner), st["cell_small"]), P(short_date(a.due)), P(status, st["cell_small"]),
                         P(short_date(a.closed))])
        widths = [text_w - 11.7 * cm, 0.9 * cm, 3.0 * cm, 2.2 * cm, 3.4 * cm, 2.2 * cm]
        out.append(grid_table(rows, widths, extra))
    else:
        out.append(P("No action-plan items recorded in this round.", st["cell"]))
    earlier = report.earlier_overdue_of(ret.agency_id)
    if earlier:
        heading = Paragraph("Still overdue from earlier rounds", st["h2"])
        rows = [[P(h, st["head"]) for h in ("Action", "Round", "Std", "Due", "Status")]]
        extra = [("BACKGROUND", (0, 1), (-1, -1), overdue_fill)]
        for e in earlier:
            a = e.item
            rows.append([P(esc(a.action), st["cell_small"]), P(esc(e.round_name), st["cell_small"]),
                         P(str(a.standard or ""), st["cell_mid"]), P(short_date(a.due)),
                         P(red(f"OVERDUE by {plural(report.action_days_overdue(a), 'day')}")
                           + f"<br/>({a.status.value})", st["cell_small"])])
        widths = [text_w - 9.7 * cm, 3.2 * cm, 0.9 * cm, 2.2 * cm, 3.4 * cm]
        out.append(KeepTogether([heading, grid_table(rows, widths, extra)]))
    out.append(Spacer(1, 2))
    return out


_WRITERS: dict[str, Callable[[RoundReport, Path], Path]] = {
    ".pdf": write_round_summary_pdf,
    ".xlsx": write_round_summary_xlsx,
}

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ExportFileError",
    "RoundReport",
    "export_round_summary",
    "gather_round_report",
    "score_fill",
    "score_text",
    "write_round_summary_pdf",
    "write_round_summary_xlsx",
]

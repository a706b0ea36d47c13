"""The performance report paper and the scorecard as PDF, with reportlab.

**The performance report** (:func:`write_performance_report_pdf`), a paper for the meeting:

* page 1 (portrait) — partnership, subcommittee, the period and the date prepared; the counts by
  RAG, the exceptions and the direction of travel at a glance; counts by theme; the exceptions
  listed; how RAG, travel and exceptions are worked out;
* every indicator (landscape, one table per theme): code, title, value in its unit, target, RAG
  in words on its colour, the direction of travel against the previous period and the same period
  last year (an arrow for the value's movement, the word for better or worse, the earlier value),
  England, region and statistical neighbours;
* one section per exception (portrait): why it is one, the figures, a chart of the last twelve
  periods (value, target line and amber band, comparators) drawn with reportlab's own graphics,
  what lies behind it (the commentary and its author), the by-agency breakdown, any revision.

"Page n of N" at the foot of every page, a bookmark for each part, theme and exception, the
document's title, author, subject and language (en-GB) set, fonts embedded (see pdf_fonts). It is
a plain PDF with no active content, so it passes the pack's check of a paper
(:func:`~mqp_desktop.exporters.pack_merge.check_paper_pdf`) and goes into the pack as it is.

**The scorecard PDF** (:func:`write_scorecard_pdf`): the table of every indicator alone, on
landscape pages, with its key.

:func:`export_performance_report` and :func:`export_scorecard` read the figures
(:mod:`.performance_report_data`) and write the file (through a temporary file, as every export);
:func:`performance_report_bytes` makes the paper in memory for an agenda item
(:func:`add_performance_report` attaches it). reportlab is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from pathlib import Path

from mqp_desktop.domain.performance import Direction, Rag, ScorecardRow, Travel, Unit, format_value
from mqp_desktop.domain.periods import Period
from mqp_desktop.exporters.files import safe_text, write_atomically, xml_escape
from mqp_desktop.exporters.pdf_document import document_class, document_options
from mqp_desktop.exporters.performance_report_data import (
    COMPARATOR_COLOURS,
    COMPARATOR_WORDS,
    DIRECTION_WORDS,
    EXCEPTION_MARK,
    GREY,
    NAVY,
    NO_VALUE,
    RAG_FILL,
    RAG_TEXT,
    RAG_WORDS,
    UNIT_WORDS,
    ExceptionDetail,
    PerformanceReport,
    axis_labels,
    gather_performance_report,
    long_date,
    movement,
    period_note,
    plural,
    rag_word,
    short_date,
    theme_name,
    tolerance_text,
    travel_colour,
    travel_word,
    value_text,
    why_words,
)

_FRAME_PAD = 6  # points: platypus frames' default padding inside the margins
_COMPARATORS = ("england", "region", "statistical_neighbours")

KEY_RAG = ("RAG: green on or better than the target; amber within the tolerance (the amber band) of it; red "
           "beyond the band. No RAG where there is no target, no value, or the indicator is context only.")
KEY_TRAVEL = ("Travel: the arrow shows which way the value moved; the word says whether that is better or worse "
              "for the indicator (up or down where neither is better); the earlier value is beneath.")
KEY_EXCEPTION = (f"{EXCEPTION_MARK} An exception: red this period, or worse in each of the last three periods. "
                 "Each has its own section, with what lies behind it and a chart.")
KEY_PERIOD = ("An indicator counted monthly or yearly is shown for its latest month or financial year complete "
              "by the end of the period (named under its title).")


# --- the kit: fonts, colours, styles ----------------------------------------------------------------
class _Kit:
    """Fonts, colours and paragraph styles shared by the report and the scorecard."""

    def __init__(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        from mqp_desktop.exporters.pdf_fonts import register_fonts

        self.colors = colors
        self.font, self.bold = font, bold = register_fonts()
        self.navy = colors.HexColor("#" + NAVY)
        self.grey = colors.HexColor("#" + GREY)
        self.rule = colors.HexColor("#A6A6A6")
        self.pale = colors.HexColor("#D9E2F3")
        self.hex = lambda rgb: colors.HexColor("#" + rgb)
        S = ParagraphStyle
        self.base = base = S("base", fontName=font, fontSize=9, leading=11.5)
        self.small = S("small", parent=base, fontSize=7.5, leading=9.2, textColor=self.grey)
        self.kicker = S("kicker", parent=base, fontSize=10, leading=13, textColor=self.grey)
        self.title = S("title", parent=base, fontName=bold, fontSize=17, leading=21, textColor=self.navy,
                       spaceBefore=2, spaceAfter=3)
        self.h1 = S("h1", parent=base, fontName=bold, fontSize=13, leading=16, textColor=self.navy,
                    spaceBefore=4, spaceAfter=5)
        self.h2 = S("h2", parent=base, fontName=bold, fontSize=10.5, leading=13, textColor=self.navy,
                    spaceBefore=8, spaceAfter=3)
        self.h3 = S("h3", parent=base, fontName=bold, fontSize=9.5, leading=12, textColor=self.navy,
                    spaceBefore=6, spaceAfter=2)
        self.body = S("body", parent=base, fontSize=9.5, leading=13, spaceAfter=4)
        self.cell = S("cell", parent=base, fontSize=8, leading=9.8)
        self.cell_small = S("cells", parent=self.cell, fontSize=7, leading=8.4, textColor=self.grey)
        self.cell_bold = S("cellb", parent=self.cell, fontName=bold)
        self.cell_num = S("celln", parent=self.cell, alignment=TA_RIGHT)
        self.cell_mid = S("cellm", parent=self.cell, alignment=TA_CENTER)
        self.head = S("head", parent=self.cell, fontName=bold, textColor=colors.white, fontSize=7.5, leading=9)
        self.head_num = S("headn", parent=self.head, alignment=TA_RIGHT)
        self.fact_key = S("factk", parent=self.cell, fontName=bold, textColor=self.grey)
        self.box_head = S("boxh", parent=base, fontName=bold, fontSize=10, leading=12.5, textColor=colors.white)
        self.box_line = S("boxl", parent=base, fontSize=8.8, leading=11.2, spaceAfter=1.5)
        self.box_big = S("boxbig", parent=base, fontName=bold, fontSize=11, leading=14, spaceAfter=2)
        self.why = S("why", parent=base, fontName=bold, fontSize=8.8, leading=11.5, spaceAfter=2)
        self.missing = S("missing", parent=self.body, fontName=bold, textColor=colors.HexColor("#9C0006"),
                         spaceAfter=1)
        self.tile_num = S("tilen", parent=base, fontName=bold, fontSize=16, leading=18, alignment=TA_CENTER)
        self.tile_word = S("tilew", parent=base, fontName=bold, fontSize=8, leading=10, alignment=TA_CENTER)
        self.table_style = [
            ("FONT", (0, 0), (-1, -1), font, 8),  # a Table's own default is Helvetica, not embedded
            ("LEADING", (0, 0), (-1, -1), 9.8),
            ("BACKGROUND", (0, 0), (-1, 0), self.navy),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.4, self.rule),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
            ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
        ]

    def head_style(self, right: Sequence[int] = (), row: int = 0) -> list:
        """TableStyle commands for a heading row of plain (pre-wrapped) strings: bold white on navy."""
        return [("FONT", (0, row), (-1, row), self.bold, 7.5), ("LEADING", (0, row), (-1, row), 9),
                ("BACKGROUND", (0, row), (-1, row), self.navy),
                ("TEXTCOLOR", (0, row), (-1, row), self.colors.white)] + [
            ("ALIGN", (c, row), (c, row), "RIGHT") for c in right]

    def head_cells(self, labels: Sequence[str], widths: Sequence[float]) -> list[str]:
        from mqp_desktop.exporters.pdf_lines import wrapped

        return [wrapped(label, self.head, w - 7) for label, w in zip(labels, widths, strict=True)]

    def lines(self, *runs: tuple[str, object]):
        """Plain text in styles, laid out quickly (pdf_lines.TextLines): (text, style) per paragraph."""
        from mqp_desktop.exporters.pdf_lines import Run, text_lines

        return text_lines([Run(safe_text(t), st) for t, st in runs if t])

    def P(self, text: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(text, style or self.cell)


def esc(text: str) -> str:
    return xml_escape(safe_text(text))


def _marked(flowable, title: str, level: int, key: str):
    """``flowable`` with a bookmark (and an outline entry at ``level``) where it is drawn."""
    flowable._outline = (safe_text(title), level, key)
    return flowable


# --- small flowables ------------------------------------------------------------------------------------
_CLASSES: dict[str, type] = {}


def _travel_cell_class():
    """A table cell for the direction of travel: a drawn arrow (the value's movement), the word in its
    colour, the earlier value beneath. Drawn, not a glyph: every embedded font can show it."""
    if "travel" in _CLASSES:
        return _CLASSES["travel"]
    from reportlab.platypus import Flowable

    class TravelCell(Flowable):
        def __init__(self, kit: _Kit, travel: Travel, move: str | None, earlier: str):
            super().__init__()
            self.kit, self.travel, self.move, self.earlier = kit, travel, move, earlier
            self.size = 8.0

        def wrap(self, aw, ah):
            self.width = aw
            self.height = 2 * self.size * 1.2
            return aw, self.height

        def draw(self):
            c, kit, size = self.canv, self.kit, self.size
            colour = kit.hex(travel_colour(self.travel))
            top_base = self.height - size
            word = travel_word(self.travel)
            if self.move is None:
                c.setFont(kit.font, size)
                c.setFillColor(kit.grey)
                c.drawString(0, top_base, NO_VALUE)
                return
            c.setFillColor(colour)
            c.setStrokeColor(colour)
            w, h, y0 = 6.0, 5.6, top_base + 0.2
            if self.move == "up":
                path = c.beginPath()
                path.moveTo(0, y0)
                path.lineTo(w, y0)
                path.lineTo(w / 2, y0 + h)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
            elif self.move == "down":
                path = c.beginPath()
                path.moveTo(0, y0 + h)
                path.lineTo(w, y0 + h)
                path.lineTo(w / 2, y0)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
            else:  # the same: an equals sign
                c.setLineWidth(1.1)
                c.line(0, y0 + 1.4, w, y0 + 1.4)
                c.line(0, y0 + 4.0, w, y0 + 4.0)
            c.setFont(kit.bold if self.travel in (Travel.BETTER, Travel.WORSE) else kit.font, size)
            c.drawString(w + 3, top_base, word)
            c.setFont(kit.font, size - 1)
            c.setFillColor(kit.grey)
            c.drawString(0, 1.2, self.earlier)

    _CLASSES["travel"] = TravelCell
    return TravelCell


# --- the canvas and the document ------------------------------------------------------------------------
def _document(path_or_buffer, report: PerformanceReport, kit: _Kit, *, title: str, footer: str, first: str):
    """A platypus document with portrait and landscape page templates, page numbers, bookmarks."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    margin, top, bottom = 1.6 * cm, 1.5 * cm, 2.0 * cm
    font, grey = kit.font, kit.grey

    class NumberedCanvas(rl_canvas.Canvas):
        """Holds each page until the end, so the footer can say 'Page n of N'; bookmarks asked for on a
        page are made when it is written (a bookmark names the page being written)."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = font  # not Helvetica, which is not embedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._marks: list[tuple[str, int, str, float | None]] = []

        def mark(self, title: str, level: int, key: str, top: float | None) -> None:
            self._marks.append((title, level, key, top))

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self):
            total = len(self._pages)
            self.setViewerPreference("DisplayDocTitle", "true")
            self.showOutline()  # a reader opens it with the bookmarks shown
            for state in self._pages:
                self.__dict__.update(state)
                for mark_title, level, key, mark_top in state["_marks"]:
                    if mark_top is None:
                        self.bookmarkPage(key)
                    else:
                        self.bookmarkPage(key, fit="XYZ", left=0, top=mark_top)
                    self.addOutlineEntry(mark_title, key, level=level)
                page_w = self._pagesize[0]
                self.setFont(font, 7.5)
                self.setFillColor(grey)
                left, right = margin + _FRAME_PAD, page_w - margin - _FRAME_PAD
                self.drawString(left, 1.1 * cm, safe_text(footer))
                self.drawRightString(right, 1.1 * cm, f"Page {self._pageNumber} of {total}")
                self.setStrokeColor(kit.hex("BFBFBF"))
                self.setLineWidth(0.5)
                self.line(left, 1.45 * cm, right, 1.45 * cm)
                super().showPage()
            super().save()

    class Document(document_class(BaseDocTemplate)):  # its language and creator: pdf_document
        def afterFlowable(self, flowable):
            mark = getattr(flowable, "_outline", None)
            if mark is not None:
                title, level, key = mark
                y = self.frame._y + getattr(flowable, "height", 0) + 4
                self.canv.mark(title, level, key, y)

    portrait, wide = A4, landscape(A4)
    doc = Document(**document_options(
        filename=path_or_buffer, pagesize=portrait if first == "portrait" else wide, leftMargin=margin, rightMargin=margin,
        topMargin=top, bottomMargin=bottom, title=safe_text(title), author=report.author,
        subject=safe_text(report.subject),
        keywords="performance; scorecard; safeguarding children partnership",
    ))
    templates = {
        "portrait": PageTemplate(id="portrait", pagesize=portrait, frames=[
            Frame(margin, bottom, portrait[0] - 2 * margin, portrait[1] - top - bottom, id="p")]),
        "landscape": PageTemplate(id="landscape", pagesize=wide, frames=[
            Frame(margin, bottom, wide[0] - 2 * margin, wide[1] - top - bottom, id="l")]),
    }
    order = [first] + [k for k in templates if k != first]
    doc.addPageTemplates([templates[k] for k in order])
    widths = {"portrait": portrait[0] - 2 * margin - 2 * _FRAME_PAD, "landscape": wide[0] - 2 * margin - 2 * _FRAME_PAD}
    return doc, NumberedCanvas, widths


def _footer(report: PerformanceReport, what: str) -> str:
    sc = report.subcommittee
    who = (sc.short_name or sc.name) if sc else ""
    return f"{what} \u00b7 {report.period.short_label()} \u00b7 prepared {report.prepared:%d/%m/%Y}" + (
        f" \u00b7 {who}" if who else "")


# --- the table of every indicator ------------------------------------------------------------------------
def _indicator_cell(kit: _Kit, row: ScorecardRow, chosen: Period):
    from mqp_desktop.exporters.pdf_lines import Run, text_lines

    ind = row.indicator
    meta = [DIRECTION_WORDS[ind.direction]]
    note = period_note(row, chosen)
    if note:
        meta.append(note)
    if row.revised:
        meta.append("value revised")
    return text_lines([Run(safe_text(ind.title), kit.cell, space_after=0),
                       Run(" \u00b7 ".join(meta), kit.cell_small, space_before=0.5)])


def _earlier(value: float | None, unit: Unit) -> str:
    """'from 22.3%' beneath a travel word; days without their unit, which the value beside it shows."""
    if value is None:
        return ""
    return f"from {value_text(value, Unit.NUMBER if Unit(unit) is Unit.DAYS else unit)}"


def _summary_tables(report: PerformanceReport, kit: _Kit, width: float, *, key_prefix: str) -> list:
    """A heading and a table per theme: every indicator with its figures."""
    from reportlab.lib.units import cm
    from reportlab.platypus import CondPageBreak, Spacer, Table, TableStyle

    TravelCell = _travel_cell_class()
    fixed = {"code": 1.35 * cm, "value": 1.75 * cm, "target": 1.55 * cm, "rag": 1.7 * cm, "travel": 2.15 * cm,
             "comp": 1.9 * cm}
    rest = fixed["code"] + fixed["value"] + fixed["target"] + fixed["rag"] + 2 * fixed["travel"] + 3 * fixed["comp"]
    widths = [fixed["code"], width - rest, fixed["value"], fixed["target"], fixed["rag"], fixed["travel"],
              fixed["travel"], fixed["comp"], fixed["comp"], fixed["comp"]]
    head = kit.head_cells(("Code", "Indicator", "Value", "Target", "RAG", "vs previous period",
                           "vs same period last year", "England", "Region", "Neighbours"), widths)
    out: list = []
    by_theme: dict[str, list[ScorecardRow]] = {}
    for r in report.rows:
        by_theme.setdefault(theme_name(r), []).append(r)
    for n, (theme, rows) in enumerate(by_theme.items(), start=1):
        # The heading stays with the table's heading row and first indicators; the table may run on to the next
        # page (its heading row repeated) rather than leave a page half empty.
        # The theme's name is the table's first row, repeated with the column headings on each page it runs on.
        out.append(CondPageBreak(4.8 * cm))
        out.append(_marked(Spacer(1, 10 if n > 1 else 2), theme, 1, f"{key_prefix}-theme-{n}"))
        data = [[theme] + [""] * 9, head]
        style = list(kit.table_style) + kit.head_style(right=(2, 3, 7, 8, 9), row=1) + [
            ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), kit.pale),
            ("FONT", (0, 0), (-1, 0), kit.bold, 9.5), ("TEXTCOLOR", (0, 0), (-1, 0), kit.navy),
            ("TOPPADDING", (0, 0), (-1, 0), 3.5), ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ("ALIGN", (2, 2), (3, -1), "RIGHT"), ("ALIGN", (7, 2), (9, -1), "RIGHT"),
            ("FONT", (2, 2), (2, -1), kit.bold, 8.5), ("FONT", (4, 2), (4, -1), kit.bold, 8),
            ("VALIGN", (0, 2), (0, -1), "TOP"), ("TOPPADDING", (0, 2), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 2), (-1, -1), 3.2),
        ]
        for r in rows:
            ind = r.indicator
            k = len(data)
            comp = r.comparators
            code = safe_text(ind.code) + (f" {EXCEPTION_MARK}" if r.exception else "")
            data.append([
                code, _indicator_cell(kit, r, report.period), value_text(r.value, ind.unit),
                value_text(ind.target, ind.unit), rag_word(r),
                TravelCell(kit, r.travel_previous, movement(r.value, r.previous_value),
                           _earlier(r.previous_value, ind.unit)),
                TravelCell(kit, r.travel_last_year, movement(r.value, r.last_year_value),
                           _earlier(r.last_year_value, ind.unit)),
                *(value_text(getattr(comp, name) if comp else None, ind.unit) for name in _COMPARATORS),
            ])
            style += [("BACKGROUND", (4, k), (4, k), kit.hex(RAG_FILL[r.rag])),
                      ("TEXTCOLOR", (4, k), (4, k), kit.hex(RAG_TEXT[r.rag]))]
            if r.exception:
                style += [("FONT", (0, k), (0, k), kit.bold, 8), ("TEXTCOLOR", (0, k), (0, k), kit.hex(RAG_TEXT[Rag.RED]))]
            if r.value is None:
                style.append(("TEXTCOLOR", (2, k), (2, k), kit.grey))
        out.append(Table(data, colWidths=widths, repeatRows=2, style=TableStyle(style), hAlign="LEFT"))
    return out


def _key(kit: _Kit) -> list:
    from reportlab.platypus import Spacer

    return [Spacer(1, 6), kit.P(esc(KEY_RAG), kit.small), kit.P(esc(KEY_TRAVEL), kit.small),
            kit.P(esc(KEY_EXCEPTION), kit.small), kit.P(esc(KEY_PERIOD), kit.small)]


# --- the chart of an exception ------------------------------------------------------------------------------
def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(ticks - 1, 1)
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * power:
            return m * power
    return 10 * power


def _axis_range(values: Sequence[float], unit: Unit) -> tuple[float, float, float]:
    """(low, high, step) of a y axis that holds ``values`` with round ticks."""
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = _nice_step(hi - lo)
    low = math.floor(lo / step - 0.25) * step
    high = math.ceil(hi / step + 0.25) * step
    if unit is not Unit.NUMBER and lo >= 0:
        low = max(low, 0.0)
    if unit is Unit.PERCENTAGE:
        high = min(high, 100.0) if hi <= 100 else high
    return low, high, step


def _tick_text(value: float, unit: Unit, step: float) -> str:
    decimals = 0 if float(step).is_integer() and float(value).is_integer() else (1 if step >= 0.1 else 2)
    text = f"{value:,.{decimals}f}"
    return text + "%" if unit is Unit.PERCENTAGE else text


_DASHES = {"england": [3, 2], "region": [1, 1.6], "statistical_neighbours": [5, 1.5, 1, 1.5]}


def _legend_items(detail: ExceptionDetail, kit: _Kit, comps, band, target_colour) -> list:
    """(text, draw(drawing, x, y)) for each line of the chart's legend."""
    from reportlab.graphics.shapes import Circle, Line, Rect

    ind = detail.row.indicator
    unit, direction = Unit(ind.unit), Direction(ind.direction)
    navy = kit.navy

    def value_mark(d, x: float, y: float) -> None:
        d.add(Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=navy, strokeWidth=1.8))
        d.add(Circle(x + 7, y + 2.5, 2.3, fillColor=navy, strokeColor=None))

    items: list = [(f"{ind.code} ({DIRECTION_WORDS[direction]})", value_mark)]
    if ind.target is not None:
        items.append((f"Target {format_value(ind.target, unit)}", lambda d, x, y: d.add(
            Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=target_colour, strokeWidth=1.1, strokeDashArray=[4, 2.5]))))
    if band:
        items.append((f"Amber band ({tolerance_text(ind.tolerance, unit)})", lambda d, x, y: d.add(
            Rect(x, y - 0.5, 14, 6, fillColor=kit.hex(RAG_FILL[Rag.AMBER]), strokeColor=None))))
    for name in comps:
        colour = kit.hex(COMPARATOR_COLOURS[name])
        items.append((COMPARATOR_WORDS[name], lambda d, x, y, c=colour, dash=_DASHES[name]: d.add(
            Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=c, strokeWidth=1, strokeDashArray=dash))))
    return items


def exception_chart(detail: ExceptionDetail, kit: _Kit, width: float, height: float = 165):
    """The chart of an exception: its value over the last periods, the target line and amber band, and
    the comparators, as a reportlab graphics Drawing (a flowable)."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Path, Rect, String

    row, ind = detail.row, detail.row.indicator
    unit, direction = Unit(ind.unit), Direction(ind.direction)
    periods = [p for p, _ in detail.series]
    values = [v for _, v in detail.series]
    comps = {name: detail.comparator_series(name) for name in _COMPARATORS}
    comps = {k: v for k, v in comps.items() if any(x is not None for x in v)}
    target, tol = ind.target, ind.tolerance or 0.0
    band = None
    if target is not None and direction is not Direction.NEITHER and tol:
        band = (target - tol, target) if direction is Direction.HIGHER else (target, target + tol)
    known = [v for v in values if v is not None] + [v for s in comps.values() for v in s if v is not None]
    if target is not None:
        known.append(target)
    if band:
        known += list(band)
    d = Drawing(width, height, initialFontName=kit.font, initialFontSize=7)  # not Helvetica, which is not embedded
    font, bold = kit.font, kit.bold
    grey, navy = kit.grey, kit.navy
    if not known:
        d.add(String(0, height / 2, "No values to chart for these periods.", fontName=font, fontSize=8,
                     fillColor=grey))
        return d
    low, high, step = _axis_range(known, unit)
    target_colour = kit.hex(RAG_TEXT[Rag.GREEN])
    legend = _legend_items(detail, kit, comps, band, target_colour)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    placed, lx, line = [], 40.0, 0
    for text, draw in legend:  # across the top, on a second line if they do not fit on one
        w = 17 + stringWidth(text, font, 7)
        if lx + w > width and lx > 40.0:
            lx, line = 40.0, line + 1
        placed.append((lx, line, text, draw))
        lx += w + 10
    x0, x1 = 40.0, width - 6.0
    y0, y1 = 26.0, height - 24.0 - 11 * line
    n = len(periods)
    slot = (x1 - x0) / max(n, 1)

    def X(i: int) -> float:
        return x0 + (i + 0.5) * slot

    def Y(v: float) -> float:
        return y0 + (v - low) / (high - low) * (y1 - y0)

    # The amber band, then the grid and its labels.
    if band:
        b0, b1 = max(band[0], low), min(band[1], high)
        if b1 > b0:
            d.add(Rect(x0, Y(b0), x1 - x0, Y(b1) - Y(b0), fillColor=kit.hex(RAG_FILL[Rag.AMBER]), strokeColor=None))
    grid = Path(strokeColor=kit.hex("D9D9D9"), strokeWidth=0.5, fillColor=None)
    tick = low
    while tick <= high + step * 1e-6:
        y = Y(tick)
        grid.moveTo(x0, y)
        grid.lineTo(x1, y)
        d.add(String(x0 - 4, y - 2.6, _tick_text(tick, unit, step), fontName=font, fontSize=7, fillColor=grey,
                     textAnchor="end"))
        tick += step
    d.add(grid)
    d.add(Line(x0, y0, x1, y0, strokeColor=kit.hex("808080"), strokeWidth=0.7))
    if unit is not Unit.PERCENTAGE:
        d.add(String(x0 - 34, y1 + 6, UNIT_WORDS[unit].capitalize(), fontName=font, fontSize=7, fillColor=grey))
    for i, (top, year) in enumerate(axis_labels(periods)):
        d.add(String(X(i), y0 - 9, top, fontName=bold if i == n - 1 else font, fontSize=7, fillColor=grey,
                     textAnchor="middle"))
        if year:
            d.add(String(X(i), y0 - 18, year, fontName=font, fontSize=6.5, fillColor=grey, textAnchor="middle"))
    # The target.
    if target is not None and low <= target <= high:
        d.add(Line(x0, Y(target), x1, Y(target), strokeColor=target_colour, strokeWidth=1.1,
                   strokeDashArray=[4, 2.5]))

    def segments(series: Sequence[float | None]) -> list[list[tuple[float, float]]]:
        out, run = [], []
        for i, v in enumerate(series):
            if v is None:
                if run:
                    out.append(run)
                run = []
            else:
                run.append((X(i), Y(v)))
        if run:
            out.append(run)
        return out

    def draw_series(series: Sequence[float | None], colour, width: float, dot: float, dash=None) -> None:
        """The series as one path of lines (broken where a value is missing) and one of round dots."""
        runs = segments(series)
        line = Path(strokeColor=colour, strokeWidth=width, fillColor=None, strokeDashArray=dash, strokeLineJoin=1)
        dots = Path(strokeColor=colour, strokeWidth=dot, fillColor=None, strokeLineCap=1)
        for run in runs:
            if len(run) > 1:
                line.moveTo(*run[0])
                for x, y in run[1:]:
                    line.lineTo(x, y)
            for x, y in run:
                dots.moveTo(x, y)
                dots.lineTo(x + 0.01, y)
        if line.points:
            d.add(line)
        d.add(dots)

    for name, series in comps.items():
        draw_series(series, kit.hex(COMPARATOR_COLOURS[name]), 1, 3.0, _DASHES[name])
    draw_series(values, navy, 1.8, 4.6)
    if values and values[-1] is not None:
        x, y = X(n - 1), Y(values[-1])
        d.add(Circle(x, y, 3.8, fillColor=kit.hex(RAG_FILL[row.rag]), strokeColor=navy, strokeWidth=1.4))
        label = value_text(values[-1], unit)
        before = values[-2] if n > 1 else None
        # Below the point when the line comes down to it (and there is room above the axis), else above.
        from_above = before is not None and before > values[-1] and y - 11 > y0 + 2
        d.add(String(x - 6, y - 11 if from_above else y + 5, label, fontName=bold, fontSize=7.5, fillColor=navy,
                     textAnchor="end"))
    for lx, line, text, draw in placed:
        ly = height - 9 - 11 * line
        draw(d, lx, ly)
        d.add(String(lx + 17, ly, text, fontName=font, fontSize=7, fillColor=grey))
    return d


# --- the report's parts ------------------------------------------------------------------------------------
def _title_block(report: PerformanceReport, kit: _Kit, width: float, heading: str, subtitle: str) -> list:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer, Table, TableStyle

    out: list = []
    line = " \u00b7 ".join(x for x in (report.partnership, report.subcommittee_name) if x)
    if line:
        out.append(kit.P(esc(line), kit.kicker))
    out.append(_marked(kit.P(esc(heading), kit.title), "Summary" if subtitle else heading, 0, "summary"))
    out.append(kit.P(esc(subtitle), kit.kicker))
    out.append(Spacer(1, 5))
    p = report.period
    facts = [("Partnership", esc(report.partnership or "\u2014")),
             ("Subcommittee", esc(report.subcommittee_name or "\u2014")),
             ("Period", f"{esc(p.label())} \u2014 {long_date(p.start)} to {long_date(p.end)}"),
             ("Prepared", long_date(report.prepared))]
    if report.meeting:
        facts.append(("For", esc(report.meeting)))
    facts.append(("Indicators", f"{len(report.rows)} in use" + (f" ({esc(report.filters)})" if report.filters
                                                                  else "") + f", in {plural(len(report.by_theme()), 'theme')}"))
    rows = []
    for i in range(0, len(facts), 2):
        pair = facts[i:i + 2]
        cells = []
        for k, v in pair:
            cells += [kit.P(k, kit.fact_key), kit.P(v)]
        rows.append(cells + [""] * (4 - len(cells)))
    out.append(Table(rows, colWidths=[2.6 * cm, width / 2 - 2.6 * cm] * 2, hAlign="LEFT",
                     style=TableStyle([("FONT", (0, 0), (-1, -1), kit.font, 8), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])))
    return out


def _box(kit: _Kit, width: float, heading: str, lines: list, accent=None):
    from reportlab.platypus import Table, TableStyle

    accent = accent or kit.navy
    rows = [[kit.P(heading, kit.box_head)]] + [[line] for line in lines]
    return Table(rows, colWidths=[width], hAlign="LEFT", style=TableStyle([
        ("FONT", (0, 0), (-1, -1), kit.font, 8.8),
        ("BACKGROUND", (0, 0), (-1, 0), accent),
        ("BOX", (0, 0), (-1, -1), 0.8, accent),
        ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, 0), 3.5), ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ("TOPPADDING", (0, 1), (-1, 1), 4), ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
    ]))


def _tiles(report: PerformanceReport, kit: _Kit, width: float):
    """The counts by RAG as coloured tiles, the number big and the word beneath."""
    from reportlab.platypus import Table, TableStyle

    counts = [(g, report.count(g)) for g in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY)]
    exceptions = len([r for r in report.rows if r.exception])
    cells = [[kit.P(str(n), kit.tile_num) for _, n in counts] + [kit.P(str(exceptions), kit.tile_num)],
             [kit.P(RAG_WORDS[g], kit.tile_word) for g, _ in counts] + [kit.P("Exceptions", kit.tile_word)]]
    style = [("FONT", (0, 0), (-1, -1), kit.font, 8), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("TOPPADDING", (0, 0), (-1, 0), 5), ("BOTTOMPADDING", (0, 1), (-1, 1), 5),
             ("LINEAFTER", (0, 0), (-2, -1), 3, kit.colors.white)]
    for i, (g, _) in enumerate(counts):
        style += [("BACKGROUND", (i, 0), (i, 1), kit.hex(RAG_FILL[g])), ("TEXTCOLOR", (i, 0), (i, 1),
                                                                         kit.hex(RAG_TEXT[g]))]
    style += [("BACKGROUND", (4, 0), (4, 1), kit.hex("D9E2F3"))]
    for i, (g, _) in enumerate(counts):
        cells[0][i].style = cells[0][i].style.clone(f"tile{i}", textColor=kit.hex(RAG_TEXT[g]))
        cells[1][i].style = cells[1][i].style.clone(f"tilew{i}", textColor=kit.hex(RAG_TEXT[g]))
    return Table(cells, colWidths=[width / 5] * 5, hAlign="LEFT", style=TableStyle(style))


def _first_page(report: PerformanceReport, kit: _Kit, width: float) -> list:
    from reportlab.lib.units import cm
    from reportlab.platypus import Spacer, Table, TableStyle

    out = _title_block(report, kit, width, report.title,
                       f"The partnership's performance dataset \u00b7 prepared {long_date(report.prepared)}")
    out.append(Spacer(1, 8))
    if not report.rows:
        out.append(_box(kit, width, "At a glance", [kit.P(
            "No indicators are in use yet" + (" for this filter" if report.filters else "")
            + ": add them in the program's Scorecard page, or with 'mqp indicators add'.", kit.box_line)]))
        return out
    lines: list = [_tiles(report, kit, width - 14)]
    ex = [r for r in report.rows if r.exception]
    red, worse = report.red_exceptions, report.worsening_exceptions
    if ex:
        parts = []
        if red:
            parts.append(f"red: {red}")
        if worse:
            parts.append(f"worse three periods running: {worse}")
        lines.append(kit.P(f"<b>{plural(len(ex), 'exception')}</b> ({'; '.join(parts)}). Each has a page of its "
                           "own after the table of all indicators, with what lies behind it and a chart.",
                           kit.box_line))
    else:
        lines.append(kit.P("<b>No exceptions</b>: no indicator is red, and none has got worse three periods running.",
                           kit.box_line))
    prev, year = report.travel_counts(), report.travel_counts(last_year=True)

    def travel_line(counts, what: str) -> str:
        compared = counts[Travel.BETTER] + counts[Travel.WORSE] + counts[Travel.SAME]
        if not compared:
            return f"{what}: no indicator has values to compare."
        return (f"{what}: <font color='#{RAG_TEXT[Rag.GREEN]}'><b>{counts[Travel.BETTER]} better</b></font>, "
                f"<font color='#{RAG_TEXT[Rag.RED]}'><b>{counts[Travel.WORSE]} worse</b></font>, "
                f"{counts[Travel.SAME]} the same, of the {compared} that can be compared.")

    lines.append(kit.P(travel_line(prev, "Since the previous period"), kit.box_line))
    lines.append(kit.P(travel_line(year, "Since the same period last year"), kit.box_line))
    if report.no_value:
        lines.append(kit.P(f"{plural(report.no_value, 'indicator')} with no value for the period yet.", kit.box_line))
    out.append(_box(kit, width, "At a glance", lines))
    out.append(Spacer(1, 8))

    # By theme
    from mqp_desktop.exporters.pdf_lines import wrapped

    num = 1.9 * cm
    widths = [width - 6 * num] + [num] * 6
    data = [kit.head_cells(("Theme", "Indicators", "Red", "Amber", "Green", "No RAG", "Exceptions"), widths)]
    style = list(kit.table_style) + kit.head_style(right=range(1, 7)) + [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    totals = {g: 0 for g in Rag}
    all_ex = all_n = 0
    for t in report.by_theme():
        data.append([wrapped(t.name, kit.cell, widths[0] - 7), t.total]
                    + [t.counts[g] or "" for g in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY)] + [t.exceptions or ""])
        for g in Rag:
            totals[g] += t.counts[g]
        all_ex += t.exceptions
        all_n += t.total
    data.append(["All themes", all_n] + [totals[g] for g in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY)] + [all_ex])
    style += [("LINEABOVE", (0, -1), (-1, -1), 1.1, kit.navy), ("FONT", (0, -1), (-1, -1), kit.bold, 8)]
    for col, g in ((2, Rag.RED), (3, Rag.AMBER), (4, Rag.GREEN), (5, Rag.GREY)):
        style += [("BACKGROUND", (col, 1), (col, -1), kit.hex(RAG_FILL[g])),
                  ("TEXTCOLOR", (col, 1), (col, -1), kit.hex(RAG_TEXT[g]))]
    out.append(kit.P("By theme", kit.h2))
    out.append(Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT"))

    # The exceptions, listed
    if ex:
        out.append(kit.P("The exceptions", kit.h2))
        widths = [1.4 * cm, width - 8.8 * cm, 1.7 * cm, 1.7 * cm, 4.0 * cm]
        data = [kit.head_cells(("Code", "Indicator", "Value", "Target", "Why"), widths)]
        style = list(kit.table_style) + kit.head_style(right=(2, 3)) + [
            ("VALIGN", (0, 1), (-1, -1), "TOP"), ("FONT", (0, 1), (0, -1), kit.bold, 8),
            ("FONT", (2, 1), (2, -1), kit.bold, 8), ("ALIGN", (2, 1), (3, -1), "RIGHT")]
        for r in ex:
            ind = r.indicator
            data.append([safe_text(ind.code), wrapped(safe_text(ind.title), kit.cell, widths[1] - 7),
                         value_text(r.value, ind.unit), value_text(ind.target, ind.unit),
                         wrapped("; ".join(r.exception_reasons).capitalize(), kit.cell, widths[4] - 7)])
        out.append(Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style), hAlign="LEFT"))
    out.extend(_key(kit))
    return out


def _exception_section(detail: ExceptionDetail, report: PerformanceReport, kit: _Kit, width: float, n: int) -> list:
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

    from mqp_desktop.exporters.pdf_lines import wrapped

    row, ind = detail.row, detail.row.indicator
    unit = ind.unit
    out: list = [] if n == 1 else [PageBreak()]
    heading = kit.P(f"{esc(ind.code)} \u2002{esc(ind.title)}", kit.h1)
    heading = _marked(heading, f"{ind.code} {ind.title}", 1, f"exception-{n}")
    meta = [theme_name(row), f"owner: {report.agency_name(ind.owner_agency_id)}", DIRECTION_WORDS[ind.direction],
            UNIT_WORDS[Unit(unit)], ind.frequency.value]
    if ind.source:
        meta.append(f"source: {ind.source}")
    about = kit.lines((" \u00b7 ".join(meta), kit.small))
    why_box = Table([[kit.lines(*((w, kit.why) for w in why_words(row)))]], colWidths=[width], hAlign="LEFT",
                    style=TableStyle([
                        ("FONT", (0, 0), (-1, -1), kit.font, 8),
                        ("BACKGROUND", (0, 0), (-1, -1), kit.hex("FCE4E4")),
                        ("LINEBEFORE", (0, 0), (0, -1), 3, kit.hex(RAG_TEXT[Rag.RED])),
                        ("LEFTPADDING", (0, 0), (-1, -1), 7), ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5)]))
    # The figures: headings, the values, then what each is (its period, travel) in small grey.
    comp = row.comparators
    w = width / 7.9
    widths = [w * 1.2, w * 1.1, w * 1.25, w * 1.25, w * 0.95, w * 0.95, w * 1.2]
    head = kit.head_cells(["This period", "Target", "Previous period", "Same period last year"]
                          + [COMPARATOR_WORDS[c] for c in _COMPARATORS], widths)
    values = [f"{value_text(row.value, unit)}  {rag_word(row)}", value_text(ind.target, unit),
              value_text(row.previous_value, unit), value_text(row.last_year_value, unit)]
    values += [value_text(getattr(comp, c) if comp else None, unit) for c in _COMPARATORS]

    def about_travel(period: Period, travel: Travel) -> str:
        word = travel_word(travel)
        return f"{word}\n{period.short_label()}" if word else period.short_label()

    notes = [row.period.short_label(),
             f"amber band\n{tolerance_text(ind.tolerance, unit)}" if ind.tolerance and ind.target is not None else "",
             about_travel(row.previous_period, row.travel_previous),
             about_travel(row.last_year_period, row.travel_last_year), "", "", ""]
    notes = [wrapped(t, kit.cell_small, wd - 7) if "\n" not in t else t for t, wd in zip(notes, widths, strict=True)]
    style = list(kit.table_style) + kit.head_style() + [
        ("FONT", (0, 1), (-1, 1), kit.bold, 9), ("LEADING", (0, 1), (-1, 1), 11),
        ("FONT", (0, 2), (-1, 2), kit.font, 7), ("LEADING", (0, 2), (-1, 2), 8.4),
        ("TEXTCOLOR", (0, 2), (-1, 2), kit.grey), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, 1), 0, kit.colors.white), ("TOPPADDING", (0, 2), (-1, 2), 0),
        ("BACKGROUND", (0, 1), (0, 2), kit.hex(RAG_FILL[row.rag])), ("TEXTCOLOR", (0, 1), (0, 1), kit.hex(RAG_TEXT[row.rag])),
        ("INNERGRID", (0, 1), (-1, -1), 0.4, kit.rule),
    ]
    for col, travel in ((2, row.travel_previous), (3, row.travel_last_year)):
        style.append(("TEXTCOLOR", (col, 2), (col, 2), kit.hex(travel_colour(travel))))
    style.append(("LINEBELOW", (0, 1), (-1, 1), 0.4, kit.colors.white))
    figures = Table([head, values, notes], colWidths=widths, hAlign="LEFT", style=TableStyle(style))
    chart = exception_chart(detail, kit, width, 165)
    # Each exception starts a page, and all of this fits on one: no need to keep it together.
    out += [heading, about, Spacer(1, 4), why_box, Spacer(1, 6), figures, Spacer(1, 8), chart]
    # What lies behind it
    behind = kit.P("What lies behind it", kit.h3)
    behind.keepWithNext = True
    out.append(behind)
    c = row.commentary
    if c is not None and c.text.strip():
        written = ""
        if c.written_at:
            try:
                written = f", {short_date(dt.datetime.fromisoformat(c.written_at).date())}"
            except ValueError:
                written = ""
        runs = [(para, kit.body) for para in c.text.split("\n") if para.strip()]
        out.append(kit.lines(*runs, (f"\u2014 {c.author or 'author not recorded'}{written}", kit.small)))
    else:
        owner = report.agency_name(ind.owner_agency_id)
        out.append(kit.lines((f"No commentary has been written for {row.period.short_label()}.", kit.missing),
                             (f"Ask {owner} what lies behind the figure before the meeting.", kit.body)))
    # By agency
    figures_by_agency = [f for f in row.by_agency if f.value is not None]
    if figures_by_agency:
        heading = kit.P("By agency", kit.h3)
        per_row = 3
        data, style = [], [("FONT", (0, 0), (-1, -1), kit.font, 8), ("GRID", (0, 0), (-1, -1), 0.4, kit.rule),
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                           ("ALIGN", (3, 0), (3, -1), "RIGHT"), ("ALIGN", (5, 0), (5, -1), "RIGHT")]
        name_w = (width - per_row * 1.7 * cm) / per_row
        lines = -(-len(figures_by_agency) // per_row)
        for i in range(lines):  # in columns, read down (as the agencies are in order of name)
            chunk = [figures_by_agency[c * lines + i] for c in range(per_row) if c * lines + i < len(figures_by_agency)]
            cells = []
            for k, f in enumerate(chunk):
                cells += [wrapped(report.agency_label(f.agency_id), kit.cell, name_w - 7), value_text(f.value, unit)]
                style += [("BACKGROUND", (2 * k + 1, len(data)), (2 * k + 1, len(data)), kit.hex(RAG_FILL[f.rag]))]
            data.append(cells + [""] * (2 * per_row - len(cells)))
        out.append(KeepTogether([heading, Table(data, colWidths=[name_w, 1.7 * cm] * per_row, hAlign="LEFT",
                                                style=TableStyle(style))]))
    # Revisions
    for rev in detail.revisions:
        when = rev.revised_at[:10]
        try:
            when = short_date(dt.date.fromisoformat(when))
        except ValueError:
            pass
        out.append(kit.lines(((f"Revised on {when} by {rev.revised_by}: {value_text(rev.old_value, unit)} \u2192 "
                              f"{value_text(rev.new_value, unit)} ({rev.reason})."), kit.small)))
    return out


# --- writing -------------------------------------------------------------------------------------------
def _build(target, report: PerformanceReport, *, scorecard_only: bool) -> None:
    from reportlab.platypus import NextPageTemplate, PageBreak

    kit = _Kit()
    if scorecard_only:
        title = f"Scorecard: {report.period.label()}"
        doc, canvas_class, widths = _document(target, report, kit, title=title,
                                              footer=_footer(report, "Scorecard"), first="landscape")
        wide = widths["landscape"]
        story = _title_block(report, kit, wide, title, "")[:-1]  # the kicker and title, not the facts
        counts = ", ".join(f"{RAG_WORDS[g]} {report.count(g)}" for g in (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY))
        exceptions = sum(r.exception for r in report.rows)
        story.append(kit.P(esc(f"Prepared {long_date(report.prepared)} \u00b7 {plural(len(report.rows), 'indicator')}"
                               + (f" ({report.filters})" if report.filters else "")
                               + f" \u00b7 {counts} \u00b7 {plural(exceptions, 'exception')}"), kit.kicker))
        if report.rows:
            story += _summary_tables(report, kit, wide, key_prefix="table")
        else:
            story.append(kit.P("No indicators to show" + (" for this filter." if report.filters else
                                                          ": none is in use yet."), kit.body))
        story += _key(kit)
        doc.build(story, canvasmaker=canvas_class)
        return
    doc, canvas_class, widths = _document(target, report, kit, title=report.title,
                                          footer=_footer(report, "Performance report"), first="portrait")
    text_w, wide = widths["portrait"], widths["landscape"]
    story = _first_page(report, kit, text_w)
    if report.rows:
        story += [NextPageTemplate("landscape"), PageBreak()]
        heading = _marked(kit.P(f"All indicators: {esc(report.period.label())}", kit.h1), "All indicators", 0,
                          "table")
        story += [heading, kit.P("Value, target and RAG for the period; the direction of travel against the previous "
                                 "period and the same period last year; England, the region and statistical "
                                 "neighbours where known.", kit.small)]
        story += _summary_tables(report, kit, wide, key_prefix="table")
        story += _key(kit)
    if report.exceptions:
        story += [NextPageTemplate("portrait"), PageBreak()]
        story.append(_marked(kit.P("Exceptions", kit.h1), "Exceptions", 0, "exceptions"))
        story.append(kit.P("Each indicator that is red this period, or has got worse in each of the last three "
                           "periods: why it is an exception, its figures, a chart of its last periods against the "
                           "target and comparators, and what lies behind it.", kit.small))
        for n, detail in enumerate(report.exceptions, start=1):
            story += _exception_section(detail, report, kit, text_w, n)
    doc.build(story, canvasmaker=canvas_class)


def write_performance_report_pdf(report: PerformanceReport, path: Path | str) -> Path:
    """Write the performance report paper (see the module's notes) to ``path``."""
    return write_atomically(Path(path), lambda tmp: _build(str(tmp), report, scorecard_only=False))


def write_scorecard_pdf(report: PerformanceReport, path: Path | str) -> Path:
    """Write the scorecard (the table of every indicator alone, landscape) to ``path``."""
    return write_atomically(Path(path), lambda tmp: _build(str(tmp), report, scorecard_only=True))


def performance_report_bytes(report: PerformanceReport) -> bytes:
    """The performance report paper as PDF bytes (for an agenda item's paper)."""
    buffer = io.BytesIO()
    _build(buffer, report, scorecard_only=False)
    return buffer.getvalue()


def export_performance_report(store, period: Period | str | None, path: Path | str, *,
                              rows: Sequence[ScorecardRow] | None = None, filters: str = "",
                              today: dt.date | None = None) -> Path:
    """Read the figures for ``period`` from ``store`` and write the performance report to ``path``."""
    report = gather_performance_report(store, period, rows=rows, filters=filters, today=today)
    return write_performance_report_pdf(report, path)


SCORECARD_SUFFIXES = (".pdf", ".xlsx")


def export_scorecard(store, period: Period | str | None, path: Path | str, *,
                     rows: Sequence[ScorecardRow] | None = None, filters: str = "",
                     today: dt.date | None = None) -> Path:
    """Write the scorecard for ``period`` to ``path``: the ending chooses PDF (landscape table) or XLSX.

    ``rows``: a filtered scorecard (``filters`` says how, in words); default every indicator in use."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SCORECARD_SUFFIXES:
        shown = f"'{path.suffix}'" if path.suffix else "no ending"
        raise ValueError(f"Cannot write the scorecard to a file with {shown}: choose a name ending .pdf (PDF) or "
                         ".xlsx (Excel).")
    report = gather_performance_report(store, period, rows=rows, filters=filters, today=today)
    if suffix == ".pdf":
        return write_scorecard_pdf(report, path)
    from mqp_desktop.exporters.scorecard_xlsx import write_scorecard_xlsx

    return write_scorecard_xlsx(report, path)


__all__ = [
    "SCORECARD_SUFFIXES", "exception_chart", "export_performance_report", "export_scorecard",
    "performance_report_bytes", "write_performance_report_pdf", "write_scorecard_pdf",
]

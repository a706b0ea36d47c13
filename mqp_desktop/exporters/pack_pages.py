"""The pages of a meeting pack that we draw ourselves, with reportlab.

The cover, the contents, the agenda, the "to follow" page for the previous
meeting's minutes and action log, a divider sheet before each item's papers,
a notice for each paper circulated separately, and a supplement's cover. All
are laid out in **one** reportlab document (fonts embedded once), each section
starting on a new page; :func:`draw_sections` returns the PDF and where each
section starts and how many pages it takes, so the assembler (:mod:`.meeting_pack`)
can interleave the papers and put the right numbers in the contents.

Every page carries the pack's page number stamp ("MQ&P 8 Dec 2026 — page 3 of
42"), drawn by :func:`draw_stamp` — the same function draws the stamps laid
over the papers' pages, which :func:`draw_sections` adds to the same document
as pages of their own after the sections (one document: the font is embedded
once), so all pages match.

reportlab is imported inside the functions.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from mqp_desktop.exporters.agenda_content import AgendaSheet

NAVY = "#1F3864"
GREY = "#595959"
LIGHT = "#D9E2F3"
PALE = "#F2F2F2"
AMBER = "#7F6000"
AMBER_FILL = "#FFF2CC"
STAMP_SIZE = 8
STAMP_RIGHT = 28  # points from the right edge to the end of the stamp's text
STAMP_BOTTOM = 14  # points from the bottom edge to the stamp's baseline


@dataclass
class Section:
    """One drawn section: its key (unique), the flowables, and where it landed."""

    key: str
    flowables: list
    first: int = 0
    """The first page (0-based) of the drawn PDF, after :func:`draw_sections`."""
    count: int = 0


@dataclass(frozen=True)
class ContentsLine:
    level: int
    """0 for a section or item, 1 for a paper under it."""
    number: str
    text: str
    page: str
    """The pack page number as printed, or '' (to follow)."""
    note: str = ""


@dataclass(frozen=True)
class PaperNote:
    """A paper as listed on a divider sheet or a supplement cover."""

    reference: str
    title: str
    author: str
    pages: str
    """'pages 8–10', 'to follow', 'circulated separately (see page 12)'."""
    sign_off: str
    """'Signed off by Daniel Whitfield on 24 Nov 2026', or a warning that it is not."""
    signed_off: bool
    file_name: str = ""


@dataclass
class Fonts:
    regular: str
    bold: str
    styles: dict = field(default_factory=dict)


_FONTS: Fonts | None = None


def fonts() -> Fonts:
    """The embedded family and the pack's paragraph styles, made once per process (styles are not changed
    by laying out)."""
    global _FONTS
    if _FONTS is None:
        _FONTS = _make_fonts()
    return _FONTS


def _make_fonts() -> Fonts:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    from mqp_desktop.exporters.pdf_fonts import register_fonts

    regular, bold = register_fonts()
    navy, grey = colors.HexColor(NAVY), colors.HexColor(GREY)
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13.5)
    s = {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
        "grey": ParagraphStyle("grey", parent=base, fontSize=9, leading=12, textColor=grey),
        "band": ParagraphStyle("band", parent=base, fontName=bold, fontSize=12, leading=15, textColor=colors.white),
        "huge": ParagraphStyle("huge", parent=base, fontName=bold, fontSize=26, leading=31, textColor=navy,
                               spaceAfter=6),
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=20, leading=25, textColor=navy,
                                spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=14, leading=18, textColor=grey, spaceAfter=12),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=14, leading=18, textColor=navy,
                             spaceBefore=10, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=11, leading=14, textColor=navy,
                             spaceBefore=8, spaceAfter=3, keepWithNext=1),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=0, spaceAfter=3),
        "label": ParagraphStyle("label", parent=base, fontName=bold),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11.5),
        "cell_small": ParagraphStyle("cell_small", parent=base, fontSize=8.5, leading=11),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=bold, fontSize=9.5, leading=12),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontName=bold, fontSize=9, leading=11.5,
                                    textColor=colors.white),
        "cell_grey": ParagraphStyle("cell_grey", parent=base, fontSize=8.5, leading=11, textColor=grey),
        "number": ParagraphStyle("number", parent=base, fontName=bold, fontSize=60, leading=66, textColor=navy),
        "warn": ParagraphStyle("warn", parent=base, fontSize=9.5, leading=12.5, textColor=colors.HexColor(AMBER),
                               backColor=colors.HexColor(AMBER_FILL), borderPadding=(4, 6, 4, 6),
                               spaceBefore=6, spaceAfter=6),
    }
    return Fonts(regular, bold, s)


def esc(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text or "")


# --- the stamp ---------------------------------------------------------------------------------

_STAMP_COLOURS: tuple | None = None


def draw_stamp(canvas, text: str, page_width: float, font: str, *, x0: float = 0, y0: float = 0) -> None:
    """The page number stamp at the bottom right, on a white patch so it reads over anything."""
    global _STAMP_COLOURS
    if _STAMP_COLOURS is None:
        from reportlab.lib import colors

        _STAMP_COLOURS = colors.white, colors.HexColor("#BFBFBF"), colors.HexColor("#404040")
    patch, edge, ink = _STAMP_COLOURS
    width = canvas.stringWidth(text, font, STAMP_SIZE)
    right = x0 + page_width - STAMP_RIGHT
    canvas.saveState()
    canvas.setFillColor(patch)
    canvas.setStrokeColor(edge)
    canvas.setLineWidth(0.4)
    canvas.roundRect(right - width - 5, y0 + STAMP_BOTTOM - 4, width + 10, STAMP_SIZE + 7, 2, stroke=1, fill=1)
    canvas.setFillColor(ink)
    canvas.setFont(font, STAMP_SIZE)
    canvas.drawRightString(right, y0 + STAMP_BOTTOM, text)
    canvas.restoreState()


_A85 = threading.Lock()


@contextmanager
def _binary_streams():
    """Write streams Flate-compressed only, not also ASCII85-encoded (reportlab's default, a 7-bit-safe
    habit from the 1990s): a quarter smaller, and quicker to write here and for qpdf to read back."""
    from reportlab import rl_config

    with _A85:  # rl_config is global: packs built at the same time take turns
        before = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = before


# --- laying out the drawn sections ---------------------------------------------------------

def draw_sections(sections: Sequence[Section], stamp_for: Callable[[int], str], *, title: str, author: str,
                  subject: str, count_only: bool = False,
                  stamps: Sequence[tuple[float, float, str]] = ()) -> bytes:
    """Lay out every section, each from a new page; set each section's ``first``/``count``.

    ``stamp_for(i)`` gives the stamp text of the drawn PDF's page ``i`` (0-based). With
    ``count_only`` the pages are laid out and counted but no PDF is made (returns b"").
    ``stamps`` — (width, height, text) — are drawn after the sections, a page each, as large
    as the paper's page they go over and carrying only the stamp (the assembler turns them
    into overlays and drops them from the page list).
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Flowable, PageBreakIfNotEmpty, SimpleDocTemplate

    f = fonts()
    marks: dict[str, int] = {}

    class Mark(Flowable):
        def __init__(self, key: str):
            super().__init__()
            self.key = key
            self.width = self.height = 0

        def wrap(self, aw, ah):
            return 0, 0

        def draw(self):
            marks[self.key] = self.canv.getPageNumber()

    def on_page(canvas, doc):
        draw_stamp(canvas, stamp_for(canvas.getPageNumber() - 1), A4[0], f.regular)

    story: list = []
    for n, section in enumerate(sections):
        if n:
            story.append(PageBreakIfNotEmpty())
        story.append(Mark(section.key))
        story.extend(section.flowables)
    story.append(Mark("\x00end"))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                            bottomMargin=2.0 * cm, title=title, author=author, subject=subject,
                            creator="MQ&P Desktop", invariant=True)
    if count_only:
        from reportlab.pdfgen.canvas import Canvas

        class CountingCanvas(Canvas):
            def save(self):  # the layout is all that is wanted: skip writing the PDF
                pass

        doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=CountingCanvas)
    else:
        doc._doSave = 0  # the stamps' pages follow the story's before the PDF is written
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
        canvas = doc.canv
        for w, h, text in stamps:
            canvas.setPageSize((w, h))
            draw_stamp(canvas, text, w, f.regular)
            canvas.showPage()
        with _binary_streams():
            canvas.save()
    starts = [marks[s.key] for s in sections] + [marks["\x00end"] + 1]
    for section, start, following in zip(sections, starts, starts[1:], strict=False):
        section.first = start - 1
        section.count = max(1, following - start)
    return b"" if count_only else buf.getvalue()


# --- the sections --------------------------------------------------------------------------

def _facts_table(rows: Sequence[tuple[str, str]], f: Fonts, width: float):
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(esc(k), f.styles["label"]), Paragraph(esc(v), f.styles["base"])] for k, v in rows]
    table = Table(data, colWidths=[2.6 * 28.3465, width - 2.6 * 28.3465], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _band(text: str, f: Fonts, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    table = Table([[Paragraph(esc(text), f.styles["band"])]], colWidths=[width])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(NAVY)),
                               ("TOPPADDING", (0, 0), (-1, -1), 9), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                               ("LEFTPADDING", (0, 0), (-1, -1), 10)]))
    return table


FRAME_WIDTH = 595.2756 - 2 * 56.6929


def meeting_facts(sheet: AgendaSheet) -> list[tuple[str, str]]:
    rows = [("Date", sheet.date_text)]
    if sheet.time_text:
        rows.append(("Time", sheet.time_text))
    if sheet.venue:
        rows.append(("Venue", sheet.venue))
    if sheet.online_link:
        rows.append(("Online", sheet.online_link))
    rows.append(("Chair", sheet.chair or "To be confirmed"))
    return rows


def cover_section(sheet: AgendaSheet, heading: str, summary: Sequence[str], prepared: str) -> Section:
    from reportlab.platypus import Paragraph, Spacer

    f = fonts()
    w = FRAME_WIDTH
    flow = [_band(sheet.partnership or sheet.subcommittee, f, w), Spacer(1, 70),
            Paragraph(esc(sheet.subcommittee), f.styles["huge"]),
            Paragraph(esc(heading), f.styles["title"]),
            Paragraph(esc(sheet.title), f.styles["subtitle"]), Spacer(1, 6),
            _facts_table(meeting_facts(sheet), f, w), Spacer(1, 26),
            Paragraph("In this pack", f.styles["h2"])]
    for line in summary:
        flow.append(Paragraph(esc(line), f.styles["bullet"], bulletText="•"))
    flow += [Spacer(1, 30), Paragraph(esc(prepared), f.styles["grey"])]
    return Section("cover", flow)


def contents_section(lines: Sequence[ContentsLine], key: str = "contents", heading: str = "Contents") -> Section:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    f = fonts()
    w = FRAME_WIDTH
    data = [[Paragraph("", f.styles["cell_head"]), Paragraph("", f.styles["cell_head"]),
             Paragraph("Page", f.styles["cell_head"])]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (2, 0), (2, -1), "RIGHT"),
             ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(NAVY)),
             ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    data[0] = [Paragraph("", f.styles["cell_bold"]), Paragraph("", f.styles["cell_bold"]),
               Paragraph("<para align='right'>Page</para>", f.styles["cell_bold"])]
    for n, line in enumerate(lines, start=1):
        text = esc(line.text) + (f"<br/><font color='{GREY}' size='8.5'>{esc(line.note)}</font>" if line.note else "")
        if line.level == 0:
            cells = [Paragraph(esc(line.number), f.styles["cell_bold"]), Paragraph(text, f.styles["cell_bold"]),
                     Paragraph(f"<para align='right'>{esc(line.page)}</para>", f.styles["cell_bold"])]
            style.append(("LINEABOVE", (0, n), (-1, n), 0.4, colors.HexColor("#BFBFBF")))
        else:
            cells = [Paragraph("", f.styles["cell"]),
                     Paragraph(f"<font name='{f.bold}'>{esc(line.number)}</font>  {text}", f.styles["cell"]),
                     Paragraph(f"<para align='right'>{esc(line.page)}</para>", f.styles["cell"])]
        data.append(cells)
    table = Table(data, colWidths=[1.2 * 28.3465, w - 3.2 * 28.3465, 2.0 * 28.3465], repeatRows=1)
    table.setStyle(TableStyle(style))
    return Section(key, [Paragraph(heading, f.styles["title"]), table])


def agenda_section(sheet: AgendaSheet) -> Section:
    """The agenda, as the Word agenda prints it (same :class:`AgendaSheet`)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    f = fonts()
    cm = 28.3465
    widths = [1.1 * cm, 5.3 * cm, 3.0 * cm, 2.6 * cm, 2.6 * cm, 2.4 * cm]
    head = ["No.", "Item", "Presenter", "Purpose", "Time", "Paper"]
    data = [[Paragraph(h, f.styles["cell_head"]) for h in head]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(NAVY)),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for n, line in enumerate(sheet.lines, start=1):
        sub = line.depth > 0
        title = esc(line.title)
        if line.detail:
            title += f"<br/><font name='{f.regular}' size='8.5' color='{GREY}'>{esc(line.detail)}</font>"
        indent = "&nbsp;&nbsp;&nbsp;" if sub else ""
        papers = "<br/>".join(esc(p.text) for p in line.papers)
        data.append([
            Paragraph(esc(line.number), f.styles["cell" if sub else "cell_bold"]),
            Paragraph(indent + title, f.styles["cell" if sub else "cell_bold"]),
            Paragraph(esc(line.presenter), f.styles["cell_small"]),
            Paragraph(esc(line.purpose), f.styles["cell_small"]),
            Paragraph(esc(line.time), f.styles["cell_small"]),
            Paragraph(papers, f.styles["cell_small"]),
        ])
        if line.standing.value != "none" and not sub:
            style.append(("BACKGROUND", (0, n), (-1, n), colors.HexColor(PALE)))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    flow = [Paragraph(esc(sheet.subcommittee), f.styles["title"]), Paragraph("Agenda", f.styles["subtitle"]),
            _facts_table(meeting_facts(sheet), f, FRAME_WIDTH), Spacer(1, 10), table]
    if sheet.planned_finish:
        end = f"; the meeting is due to end at {sheet.meeting.end_time}" if sheet.meeting.end_time else ""
        flow += [Spacer(1, 3), Paragraph(f"Planned finish {sheet.planned_finish} ({sheet.total_minutes} minutes{end}).",
                                         f.styles["grey"])]
    flow.append(Paragraph("Apologies received", f.styles["h2"]))
    if sheet.apologies:
        for apology in sheet.apologies:
            flow.append(Paragraph(esc(apology.text), f.styles["bullet"], bulletText="•"))
    else:
        flow.append(Paragraph("None received so far.", f.styles["base"]))
    flow += [Paragraph("Date of next meeting", f.styles["h2"]), Paragraph(esc(sheet.next_meeting_text), f.styles["base"])]
    return Section("agenda", flow)


def to_follow_section(key: str, parts: Sequence[tuple[str, str]]) -> Section:
    """A page saying what is not in the pack yet (e.g. the previous minutes and the action log)."""
    from reportlab.platypus import Paragraph, Spacer

    f = fonts()
    flow: list = [Spacer(1, 40)]
    for heading, text in parts:
        flow += [Paragraph(esc(heading), f.styles["title"]), Paragraph(esc(text), f.styles["base"]), Spacer(1, 30)]
    return Section(key, flow)


def divider_section(key: str, number: str, title: str, facts: Sequence[tuple[str, str]],
                    papers: Sequence[PaperNote], heading: str = "") -> Section:
    """The sheet before an item's papers: its number, title, presenter, purpose and papers."""
    from reportlab.platypus import Paragraph, Spacer

    f = fonts()
    flow: list = [Spacer(1, 80)]
    if heading:
        flow.append(Paragraph(esc(heading), f.styles["subtitle"]))
    flow += [Paragraph(f"Item {esc(number)}", f.styles["number"]), Spacer(1, 4),
             Paragraph(esc(title), f.styles["title"]), Spacer(1, 8),
             _facts_table(facts, f, FRAME_WIDTH), Spacer(1, 18)]
    if papers:
        flow.append(Paragraph("Papers" if len(papers) > 1 else "Paper", f.styles["h2"]))
    for note in papers:
        text = f"<font name='{f.bold}'>{esc(note.reference)}</font>  {esc(note.title)}"
        extra = " · ".join(x for x in (f"by {note.author}" if note.author else "", note.pages, note.file_name) if x)
        if extra:
            text += f"<br/><font color='{GREY}' size='9'>{esc(extra)}</font>"
        flow.append(Paragraph(text, f.styles["base"]))
        if note.sign_off:
            flow.append(Paragraph(esc(note.sign_off), f.styles["grey"] if note.signed_off else f.styles["warn"]))
        flow.append(Spacer(1, 6))
    return Section(key, flow)


def separately_section(key: str, reference: str, title: str, file_name: str, size: str, reason: str) -> Section:
    """A page standing in for a paper that could not be converted: it goes with the email instead."""
    from reportlab.platypus import Paragraph, Spacer

    f = fonts()
    flow = [Spacer(1, 80), Paragraph(esc(reference), f.styles["subtitle"]), Paragraph(esc(title), f.styles["title"]),
            Spacer(1, 10),
            Paragraph("Circulated separately", f.styles["h1"]),
            Paragraph(f"This paper is not printed in the pack: it is attached to the email as "
                      f"<font name='{f.bold}'>{esc(file_name)}</font> ({esc(size)}).", f.styles["base"]),
            Spacer(1, 6), Paragraph(esc(reason), f.styles["grey"])]
    return Section(key, flow)


__all__ = ["ContentsLine", "PaperNote", "Section", "agenda_section", "contents_section", "cover_section",
           "divider_section", "draw_sections", "draw_stamp", "fonts", "separately_section", "to_follow_section"]

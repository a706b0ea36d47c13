"""The pages of a meeting pack that we draw ourselves, with reportlab.

The cover, the contents, the agenda, the "to follow" page for the previous
meeting's minutes, a divider sheet before each item's papers, a notice for
each paper circulated separately, and a supplement's cover. All are laid out
in **one** reportlab document, in **one pass** (:func:`draw_sections`), each
section starting on a new page: first the sections whose length is found by
laying them out (contents, agenda, action log), then — their lengths known —
the one-page sheets whose text names pages (cover, dividers). The contents'
page numbers are form XObjects written after the last page, when every page
is settled. The assembler (:mod:`.meeting_pack`) puts the pages in the pack's
order, between the papers, and stamps every page's number (:mod:`.pack_merge`).

reportlab is imported inside the functions.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from mqp_desktop.exporters.agenda_content import AgendaSheet
from mqp_desktop.exporters.files import xml_escape
from mqp_desktop.exporters.pdf_document import binary_streams, new_document

NAVY = "#1F3864"
GREY = "#595959"
LIGHT = "#D9E2F3"
PALE = "#F2F2F2"
AMBER = "#7F6000"
AMBER_FILL = "#FFF2CC"


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
    """The pack page number as printed (or a key to it in the ``numbers`` of :func:`contents_section`), or ''
    (to follow)."""
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
    note: str = ""
    """A line of its own under the sign-off (active content removed from the pack's copy), or ''."""


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
        "cell_grey_bold": ParagraphStyle("cell_grey_bold", parent=base, fontName=bold, fontSize=8.5, leading=11,
                                         textColor=grey),
        "number": ParagraphStyle("number", parent=base, fontName=bold, fontSize=60, leading=66, textColor=navy),
        "warn": ParagraphStyle("warn", parent=base, fontSize=9.5, leading=12.5, textColor=colors.HexColor(AMBER),
                               backColor=colors.HexColor(AMBER_FILL), borderPadding=(4, 6, 4, 6),
                               spaceBefore=6, spaceAfter=6),
    }
    return Fonts(regular, bold, s)


def esc(text: str) -> str:
    return xml_escape(text or "")


# --- laying out the drawn sections ---------------------------------------------------------

_MARK = None


def _mark(key: str, marks: dict[str, int], then: Callable[[], None] | None = None):
    """A flowable of no size recording the page it lands on (where a section starts) in ``marks``, then
    calling ``then()``."""
    global _MARK
    if _MARK is None:
        from reportlab.platypus import Flowable

        class Mark(Flowable):
            def __init__(self, key: str, marks: dict[str, int], then: Callable[[], None] | None = None):
                super().__init__()
                self.key, self.marks, self.then = key, marks, then
                self.width = self.height = 0

            def wrap(self, aw, ah):
                return 0, 0

            def draw(self):
                self.marks[self.key] = self.canv.getPageNumber()
                if self.then is not None:
                    self.then()

        _MARK = Mark
    return _MARK(key, marks, then)


MARGINS_CM = (2.0, 2.0, 1.8, 2.0)
"""The drawn pages' left, right, top and bottom margins, in centimetres."""

_SPACE: tuple[float, float] | None = None


def frame_space() -> tuple[float, float]:
    """The width and height a page's frame gives flowables in :func:`draw_sections`, to the last bit (as
    reportlab works them out), so that what :func:`predict_pages` lays out is what is drawn: a
    :class:`~.pdf_lines.TextLines` laid out, or split, at that width is not laid out again."""
    global _SPACE
    if _SPACE is None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import cm
        from reportlab.platypus import Frame

        left, right, top, bottom = (m * cm for m in MARGINS_CM)
        frame = Frame(left, bottom, A4[0] - left - right, A4[1] - top - bottom)
        _SPACE = frame._getAvailableWidth(), frame._aH
    return _SPACE


def predict_pages(section: Section) -> int:
    """How many pages ``section`` will take, found by wrapping and splitting its flowables as a page's
    frame would (no drawing). A prediction: :func:`draw_sections` gives the true count."""
    width, page = frame_space()
    pages, avail, queue, stuck = 1, page, list(section.flowables), 0
    while queue:
        flowable = queue.pop(0)
        before = flowable.getSpaceBefore() if avail < page else 0
        _, height = flowable.wrap(width, avail - before)
        if before + height <= avail:
            avail -= before + height + flowable.getSpaceAfter()
            stuck = 0
            continue
        parts = flowable.split(width, avail - before) if avail > 0 else []
        if len(parts) >= 2:
            queue[:0] = parts
            continue
        if stuck:  # does not fit a whole page either: drawn over the edge as platypus would
            avail = 0
            stuck = 0
            continue
        pages, avail, stuck = pages + 1, page, 1
        queue.insert(0, flowable)
    return pages


def draw_sections(sections: Sequence[Section], *, title: str, author: str, subject: str,
                  then: Callable[[], Sequence[Section]] | None = None) -> bytes:
    """Lay out and draw every section, each from a new page, in **one pass**; return the PDF.

    ``sections`` are laid out first (each section's ``first``/``count`` set: 0-based page of the
    drawn PDF, pages taken). Then ``then()`` is called, with those known, for the sections whose
    text depends on them (page numbers), which follow in the same document. The pages carry no
    stamp: the assembler stamps every page of the pack the same way.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreakIfNotEmpty

    marks: dict[str, int] = {}
    story: list = []
    later: list[Section] = []

    def add(batch: Sequence[Section]) -> None:
        for section in batch:
            if story or marks:
                story.append(PageBreakIfNotEmpty())
            story.append(_mark(section.key, marks))
            story.extend(section.flowables)

    def settle(batch: Sequence[Section], end: int) -> None:
        starts = [marks[s.key] for s in batch] + [end + 1]
        for section, start, following in zip(batch, starts, starts[1:], strict=False):
            section.first = start - 1
            section.count = max(1, following - start)

    def go_on() -> None:
        settle(sections, marks["\x00first"])
        later.extend(then())
        add(later)
        story.append(_mark("\x00end", marks))

    add(sections)
    if then is not None:
        story.append(_mark("\x00first", marks, go_on))
    else:
        story.append(_mark("\x00end", marks))
    buf = io.BytesIO()
    left, right, top, bottom = (m * cm for m in MARGINS_CM)
    doc = new_document(buf, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top,
                       bottomMargin=bottom, title=title, author=author, subject=subject, invariant=True)
    with binary_streams():
        doc.build(story)
    settle(sections if then is None else later, marks["\x00end"])
    return buf.getvalue()


# --- the sections --------------------------------------------------------------------------

def _facts_table(rows: Sequence[tuple[str, str]], f: Fonts, width: float):
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(esc(k), f.styles["label"]), Paragraph(esc(v), f.styles["base"])] for k, v in rows]
    table = Table(data, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], hAlign="LEFT")
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
LABEL_WIDTH = 2.6 * 28.3465
"""The label column of a facts list ("Presenter", "Purpose" …)."""


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


def contents_section(lines: Sequence[ContentsLine], key: str = "contents", heading: str = "Contents",
                     numbers: dict[str, str] | None = None) -> Section:
    """The contents: one row per section, item and paper, with its page number at the right; the "Page"
    heading repeated on each page it runs to. A line's page is looked up in ``numbers`` when drawn
    (so the contents can be laid out before the pages it names are counted)."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph

    from mqp_desktop.exporters.pdf_lines import Run, text_lines

    f = fonts()
    st = f.styles
    bold, plain, grey, grey_bold = st["cell_bold"], st["cell"], st["cell_grey"], st["cell_grey_bold"]
    number_width, page_width = 1.2 * 28.3465 - 6, 2.0 * 28.3465
    header = [Run("", bold, right="Page", right_style=bold, space_after=0),
              Run("", bold, rule_above=(0.8, colors.HexColor(NAVY), 0), space_before=2.5, space_after=0)]
    rows: list[Run] = []
    rule = colors.HexColor("#BFBFBF")
    for n, line in enumerate(lines):
        top = line.level == 0
        with_paper = top and n + 1 < len(lines) and lines[n + 1].level > 0  # kept with its first paper
        rows.append(Run(line.text, bold if top else plain, indent=number_width + 6, keep_with_next=with_paper,
                        label=line.number if top else "", label_style=bold,
                        prefix="" if top else line.number, prefix_style=bold,
                        right=line.page, right_style=bold if top else plain, right_width=page_width,
                        rule_above=(0.4, rule, 2.5) if top and rows else None,
                        space_before=2.5 if top or not rows else 5, space_after=0))
        if line.note:
            rows.append(Run(line.note, grey_bold if top else grey, indent=number_width + 6,
                            right_width=page_width, space_before=0, space_after=0, keep_with_next=with_paper))
    return Section(key, [Paragraph(heading, st["title"]), text_lines(rows, header, numbers)])


def agenda_section(sheet: AgendaSheet) -> Section:
    """The agenda, as the Word agenda prints it (same :class:`AgendaSheet`); its cells plain
    :class:`~.pdf_lines.TextLines`."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from mqp_desktop.exporters.pdf_lines import Run, text_lines, wrapped

    f = fonts()
    cm = 28.3465
    widths = [1.1 * cm, 5.3 * cm, 3.0 * cm, 2.6 * cm, 2.6 * cm, 2.4 * cm]
    head = ["No.", "Item", "Presenter", "Purpose", "Time", "Paper"]
    small, grey, bold, plain, th = (f.styles[k] for k in ("cell_small", "cell_grey", "cell_bold", "cell", "cell_head"))
    data: list[list] = [head]
    # Cells of one line in one style are plain strings (the table draws them itself, quickest); the item's
    # title, with its detail in grey, is a TextLines.
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(NAVY)),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
             ("FONT", (0, 0), (-1, 0), th.fontName, th.fontSize, th.leading), ("TEXTCOLOR", (0, 0), (-1, 0), th.textColor),
             ("FONT", (0, 1), (1, -1), bold.fontName, bold.fontSize, bold.leading),
             ("FONT", (2, 1), (-1, -1), small.fontName, small.fontSize, small.leading)]
    for n, line in enumerate(sheet.lines, start=1):
        sub = line.depth > 0
        st = plain if sub else bold
        indent = 9 if sub else 0
        if line.detail:
            title = text_lines([Run(line.title, st, indent=indent, space_after=0),
                                Run(line.detail, grey, indent=indent, space_before=0)])
        else:
            title = wrapped(line.title, st, widths[1] - 12 - indent)
        papers = "\n".join(p.text for p in line.papers)
        data.append([line.number, title,
                     *(wrapped(text, small, width - 12) for text, width in
                       zip((line.presenter, line.purpose, line.time, papers), widths[2:], strict=True))])
        if sub:
            style += [("FONT", (0, n), (1, n), plain.fontName, plain.fontSize, plain.leading),
                      ("LEFTPADDING", (1, n), (1, n), 6 + indent)]
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
    """The sheet before an item's papers: its number, title, presenter, purpose and papers.

    Plain text in :class:`~.pdf_lines.TextLines` (a pack has a divider per item: no mark-up to parse).
    """
    from reportlab.platypus import Spacer

    from mqp_desktop.exporters.pdf_lines import Run, text_lines

    f = fonts()
    s = f.styles
    runs: list[Run] = []
    if heading:
        runs.append(Run(heading, s["subtitle"]))
    runs += [Run(f"Item {number}", s["number"], space_after=4), Run(title, s["title"], space_after=12)]
    for n, (label, value) in enumerate(facts):
        runs.append(Run(value, s["base"], indent=LABEL_WIDTH, label=label, label_style=s["label"],
                        space_after=3 if n < len(facts) - 1 else 18))
    if papers:
        runs.append(Run("Papers" if len(papers) > 1 else "Paper", s["h2"], space_before=None if facts else 26))
    for note in papers:
        extra = " · ".join(x for x in (f"by {note.author}" if note.author else "", note.pages, note.file_name) if x)
        runs.append(Run(note.title, s["base"], prefix=note.reference, prefix_style=s["label"],
                        space_after=0 if extra or note.sign_off else 6))
        if extra:
            runs.append(Run(extra, s["grey"], space_after=0 if note.sign_off else 6))
        if note.sign_off:
            runs.append(Run(note.sign_off, s["grey"] if note.signed_off else s["warn"],
                            space_before=0 if note.signed_off else None,
                            space_after=6 if note.signed_off and not note.note else None))
        if note.note:
            runs.append(Run(note.note, s["warn"], space_before=0 if note.sign_off else None, space_after=6))
    return Section(key, [Spacer(1, 80), text_lines(runs)])


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
           "divider_section", "draw_sections", "fonts", "predict_pages", "separately_section", "to_follow_section"]

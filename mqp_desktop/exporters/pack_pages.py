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


@dataclass
class Section:
    """One drawn section: its key (unique), the flowables, and where it landed."""

    key: str
    flowables: list
    first: int = 0
    """The first page (0-based) of the drawn PDF, after :func:`draw_sections`."""
    count: int = 0
    numbers_used: set = field(default_factory=set)
    """(style, ref) of the :func:`page_number` flowables drawn in it (filled in while drawing)."""


@dataclass(frozen=True)
class ContentsLine:
    level: int
    """0 for a section or item, 1 for a paper under it."""
    number: str
    text: str
    ref: str
    """What its page number is known by until the pages are settled (see :func:`draw_sections`), or ''
    (to follow: no number)."""
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
        "cell_grey_bold": ParagraphStyle("cell_grey_bold", parent=base, fontName=bold, fontSize=8.5, leading=11,
                                         textColor=grey),
        "number": ParagraphStyle("number", parent=base, fontName=bold, fontSize=60, leading=66, textColor=navy),
        "warn": ParagraphStyle("warn", parent=base, fontSize=9.5, leading=12.5, textColor=colors.HexColor(AMBER),
                               backColor=colors.HexColor(AMBER_FILL), borderPadding=(4, 6, 4, 6),
                               spaceBefore=6, spaceAfter=6),
    }
    return Fonts(regular, bold, s)


def esc(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text or "")


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

PAGE_STYLES = ("cell_bold", "cell")
"""The paragraph styles a :class:`ContentsLine`'s page number is printed in (level 0, level 1)."""

_FLOWABLES: dict | None = None


def _flowable_classes() -> dict:
    """The two flowables of our own, made once reportlab is imported."""
    global _FLOWABLES
    if _FLOWABLES is None:
        from reportlab.platypus import Flowable

        class Mark(Flowable):
            """Records the page it lands on (where a section starts)."""

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

        class PageNumber(Flowable):
            """A page number not known while laying out: drawn as a form XObject named after ``ref``, whose
            content (the number, right-aligned) :func:`draw_sections` writes once every page is settled."""

            def __init__(self, ref: str, style, used: set[tuple[str, str]]):
                super().__init__()
                self.ref, self.style, self.used = ref, style, used

            def wrap(self, aw, ah):
                self.width, self.height = aw, self.style.leading
                return aw, self.height

            def draw(self):
                self.used.add((self.style.name, self.ref))
                canv = self.canv
                canv.saveState()
                canv.translate(self.width, self.height - self.style.fontSize)
                canv.doForm(_form_name(self.style.name, self.ref))
                canv.restoreState()

        _FLOWABLES = {"Mark": Mark, "PageNumber": PageNumber}
    return _FLOWABLES


def _form_name(style: str, ref: str) -> str:
    return "pn" + "".join(ch for ch in f"{style}x{ref}" if ch.isalnum())


def page_number(ref: str, style: str, used: set) -> object:
    """The flowable printing the page number ``ref`` resolves to (see :func:`draw_sections`)."""
    return _flowable_classes()["PageNumber"](ref, fonts().styles[style], used)


def draw_sections(sections: Sequence[Section], *, title: str, author: str, subject: str,
                  then: Callable[[], Sequence[Section]] | None = None,
                  numbers: Callable[[], dict[str, str]] | None = None) -> bytes:
    """Lay out and draw every section, each from a new page, in **one pass**; return the PDF.

    ``sections`` are laid out first (each section's ``first``/``count`` set: 0-based page of the
    drawn PDF, pages taken). Then ``then()`` is called, with those known, for the sections whose
    content depends on them (the cover's and dividers' page numbers), which follow in the same
    document. Page numbers that cannot be known while laying out (the contents') are
    :func:`page_number` flowables; once everything is drawn, ``numbers()`` says what each prints.
    The pages carry no stamp: the assembler stamps every page of the pack the same way.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreakIfNotEmpty, SimpleDocTemplate

    classes = _flowable_classes()
    Mark = classes["Mark"]
    marks: dict[str, int] = {}
    story: list = []
    later: list[Section] = []

    def add(batch: Sequence[Section]) -> None:
        for section in batch:
            if story or marks:
                story.append(PageBreakIfNotEmpty())
            story.append(Mark(section.key, marks))
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
        story.append(Mark("\x00end", marks))

    add(sections)
    if then is not None:
        story.append(Mark("\x00first", marks, go_on))
    else:
        story.append(Mark("\x00end", marks))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                            bottomMargin=2.0 * cm, title=title, author=author, subject=subject,
                            creator="MQ&P Desktop", invariant=True)
    doc._doSave = 0  # the page numbers' forms are written after the last page
    doc.build(story)
    if then is None:
        settle(sections, marks["\x00end"])
    else:
        settle(later, marks["\x00end"])
    canvas = doc.canv
    used: set[tuple[str, str]] = set()
    for section in [*sections, *later]:
        used |= section.numbers_used
    if used:
        values = numbers() if numbers is not None else {}
        styles = fonts().styles
        for style_name, ref in sorted(used):
            style = styles[style_name]
            canvas.beginForm(_form_name(style_name, ref), lowerx=-200, lowery=-style.fontSize, upperx=2,
                             uppery=2 * style.fontSize)
            canvas.setFont(style.fontName, style.fontSize)
            canvas.setFillColor(style.textColor)
            canvas.drawRightString(0, 0, values.get(ref, ""))
            canvas.endForm()
    with _binary_streams():
        canvas.save()
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


def contents_section(lines: Sequence[ContentsLine], key: str = "contents", heading: str = "Contents") -> Section:
    """The contents: one row per section, item and paper; the page column holds :func:`page_number`
    flowables, so the contents is laid out once, before the numbers are known."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    from mqp_desktop.exporters.pdf_lines import Run, text_lines

    f = fonts()
    w = FRAME_WIDTH
    section = Section(key, [])
    used = section.numbers_used
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (2, 0), (2, -1), "RIGHT"),
             ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(NAVY)),
             ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    data = [["", "", Paragraph("<para align='right'>Page</para>", f.styles["cell_bold"])]]
    bold, plain, grey = f.styles["cell_bold"], f.styles["cell"], f.styles["cell_grey"]
    for n, line in enumerate(lines, start=1):
        top = line.level == 0
        runs = [Run(line.text, bold, space_after=0) if top else
                Run(line.text, plain, prefix=line.number, prefix_style=bold, space_after=0)]
        if line.note:
            runs.append(Run(line.note, f.styles["cell_grey_bold"] if top else grey, space_before=0))
        page = page_number(line.ref, PAGE_STYLES[0 if top else 1], used) if line.ref else ""
        data.append([text_lines([Run(line.number, bold)]) if top and line.number else "", text_lines(runs), page])
        if top:
            style.append(("LINEABOVE", (0, n), (-1, n), 0.4, colors.HexColor("#BFBFBF")))
    table = Table(data, colWidths=[1.2 * 28.3465, w - 3.2 * 28.3465, 2.0 * 28.3465], repeatRows=1)
    table.setStyle(TableStyle(style))
    section.flowables = [Paragraph(heading, f.styles["title"]), table]
    return section


def agenda_section(sheet: AgendaSheet) -> Section:
    """The agenda, as the Word agenda prints it (same :class:`AgendaSheet`); its cells plain
    :class:`~.pdf_lines.TextLines`."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from mqp_desktop.exporters.pdf_lines import Run, text_lines

    f = fonts()
    cm = 28.3465
    widths = [1.1 * cm, 5.3 * cm, 3.0 * cm, 2.6 * cm, 2.6 * cm, 2.4 * cm]
    head = ["No.", "Item", "Presenter", "Purpose", "Time", "Paper"]
    data = [[Paragraph(h, f.styles["cell_head"]) for h in head]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(NAVY)),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    small, grey = f.styles["cell_small"], f.styles["cell_grey"]
    for n, line in enumerate(sheet.lines, start=1):
        sub = line.depth > 0
        st = f.styles["cell" if sub else "cell_bold"]
        indent = 9 if sub else 0
        title = [Run(line.title, st, indent=indent, space_after=0)]
        if line.detail:
            title.append(Run(line.detail, grey, indent=indent, space_before=0))
        papers = "\n".join(p.text for p in line.papers)
        data.append([text_lines([Run(line.number, st)]), text_lines(title),
                     *(text_lines([Run(text, small)]) if text else "" for text in
                       (line.presenter, line.purpose, line.time, papers))])
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
                            space_after=6 if note.signed_off else None))
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
           "divider_section", "draw_sections", "fonts", "page_number", "separately_section", "to_follow_section"]

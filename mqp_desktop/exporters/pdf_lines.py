"""Plain text laid out quickly on reportlab pages: :class:`TextLines`, a flowable of styled runs.

reportlab's ``Paragraph`` parses its text as mark-up (an HTML parser, in Python) and
lays it out fragment by fragment; the meeting pack has hundreds of short, plain
texts — table cells, divider sheets — where that is most of the time spent. A
:class:`TextLines` takes :class:`Run` s of plain text (no mark-up, so nothing to
escape), each in one of the pack's paragraph styles, wraps them with reportlab's
own ``simpleSplit`` and draws them in one text object. What a run can have:

- an indent (a hanging value beside a ``label`` drawn at the left, as in a
  "Presenter: …" list);
- a ``prefix`` in another style at the start of its first line ("**Paper 5**  title");
- text right-aligned at the right edge (a contents page's page number), a rule above;
- the style's space before and after, colour, and background (``backColor`` with
  ``borderPadding``, as the pack's amber warnings have).

It splits between runs (or, for one taller than a page, between lines) when it runs
over a page, repeating its ``header`` runs at the top of the next.
reportlab is imported when the class is first wanted (:func:`text_lines`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Run:
    """One paragraph of plain text in a style (a ``ParagraphStyle``)."""

    text: str
    style: object
    indent: float = 0.0
    """From the left of the flowable to the text (a label goes in the space)."""
    label: str = ""
    label_style: object = None
    prefix: str = ""
    """Words at the start of the first line, in ``prefix_style`` (e.g. a paper's reference in bold)."""
    prefix_style: object = None
    space_before: float | None = None
    """Overrides the style's ``spaceBefore`` (not used at the top of a flowable)."""
    space_after: float | None = None
    """Overrides the style's ``spaceAfter``."""
    right: str = ""
    """Text right-aligned at the flowable's right edge on the first line, in ``right_style`` (a page number);
    looked up in the flowable's ``resolve`` mapping when it is drawn, if there (so it can be laid out
    before the number is known)."""
    right_style: object = None
    right_width: float = 0.0
    """Width kept clear for ``right``: the run's own text wraps before it."""
    rule_above: tuple[float, object, float] | None = None
    """(thickness, colour, gap below it): a line across the flowable above the run (after its space before)."""
    keep_with_next: bool = False
    """Not left as the last run on a page (a heading kept with what follows it)."""


# _Line, _Rule and _Box are made by the thousand for a pack and never changed once made: plain slotted
# classes (a frozen dataclass's __init__ is about four times slower).
@dataclass(slots=True)
class _Line:
    top: float
    """From the top of the flowable to the top of the line (its baseline is ``fontSize`` lower)."""
    x: float
    font: str
    size: float
    colour: object
    text: str
    right: bool = False
    """``x`` is where the text ends (it is looked up and right-aligned when drawn)."""


@dataclass(slots=True)
class _Rule:
    y: float
    thickness: float
    colour: object


@dataclass(slots=True)
class _Box:
    top: float
    bottom: float
    x: float
    width: float
    colour: object


_CLASS = None


class _Shared:
    """What a :class:`TextLines` and the pieces it splits into share, so nothing is laid out twice: the texts
    wrapped so far (see :func:`_lay_out`) and the layouts made so far, by the runs (the same objects: a
    piece holds some of its parent's runs) and the width. A contents page foreseen before it is drawn
    (``pack_pages.predict_pages``) is split the same way when drawn: its pieces find their layouts here.
    The pieces themselves are new each time (reportlab marks a flowable it has moved to the next page)."""

    def __init__(self):
        self.wraps: dict[tuple, list[str]] = {}
        self.layouts: dict[tuple, tuple] = {}
        self.unruled: dict[int, tuple[Run, Run]] = {}

    def lay_out(self, runs: list[Run], width: float) -> tuple:
        key = (width, *map(id, runs))
        found = self.layouts.get(key)
        if found is None:
            # The runs are kept with their layout: their ids stay theirs while it is here.
            found = self.layouts[key] = (*_lay_out(runs, width, self.wraps), runs)
        return found[:4]

    def without_rule(self, run: Run) -> Run:
        """``run`` without its rule above (at the top of a page, under the header's), the same object each time."""
        found = self.unruled.get(id(run))
        if found is None:
            found = self.unruled[id(run)] = (run, replace(run, rule_above=None, space_before=0))
        return found[1]


def _split(text: str, font: str, size: float, width: float, first_width: float | None = None) -> list[str]:
    """``text`` wrapped to ``width`` (its first line to ``first_width``); newlines kept."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if first_width is None or first_width >= width:
        if "\n" not in text and stringWidth(text, font, size) <= width:  # most cells: one line as it is
            return [" ".join(text.split())]
        return simpleSplit(text, font, size, width) or [""]
    line, _, later = text.partition("\n")
    first = simpleSplit(line, font, size, max(first_width, 1))
    head = first[0] if first else ""
    rest = " ".join(line.split()[len(head.split()):])  # by words: simpleSplit tidies the spaces
    if later:
        rest = f"{rest}\n{later}" if rest else later
    return [head] + (simpleSplit(rest, font, size, width) if rest.strip() else [])


def wrapped(text: str, style, width: float) -> str:
    """``text`` wrapped to ``width`` in ``style``'s font, lines joined by newlines: a reportlab table draws
    such a string cell itself, line by line, which is the quickest cell there is."""
    return "\n".join(_split(text, style.fontName, style.fontSize, width)) if text else ""


def _lay_out(runs: Sequence[Run], width: float, wraps: dict | None = None
             ) -> tuple[list[_Line], list[_Box | _Rule], list[tuple[float, list[str]]], float]:
    """The lines, backgrounds and rules of ``runs`` at ``width``; per run (its bottom, its wrapped lines);
    the height. ``wraps``: texts already wrapped, by (text, font, size, width, first line's width) — a
    flowable and the pieces it splits into share one, so a run is wrapped once however often it is laid out."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if wraps is None:
        wraps = {}

    lines: list[_Line] = []
    boxes: list[_Box | _Rule] = []
    ends: list[tuple[float, list[str]]] = []
    y = 0.0
    for n, run in enumerate(runs):
        st = run.style
        before = st.spaceBefore if run.space_before is None else run.space_before
        if n and before:
            y += before
        if run.rule_above is not None:
            thickness, colour, gap = run.rule_above
            boxes.append(_Rule(y, thickness, colour))
            y += gap
        x = run.indent + st.leftIndent
        avail = width - x - st.rightIndent - run.right_width
        first_width = None
        if run.prefix:
            ps = run.prefix_style or st
            gap = stringWidth(run.prefix + " ", ps.fontName, st.fontSize)
            first_width = avail - gap
        if run.text or run.label or run.right or run.prefix:
            key = (run.text, st.fontName, st.fontSize, avail, first_width)
            texts = wraps.get(key)
            if texts is None:
                texts = wraps[key] = _split(run.text, st.fontName, st.fontSize, avail, first_width)
        else:
            texts = []  # a rule alone takes no line
        pad = st.borderPadding if st.backColor is not None else 0
        if isinstance(pad, (int, float)):
            pad = (pad, pad, pad, pad)
        top = y
        if st.backColor is not None:
            y += pad[0]
        if run.label:
            ls = run.label_style or st
            lines.append(_Line(y, st.leftIndent, ls.fontName, ls.fontSize, ls.textColor, run.label))
        first_line = y
        for k, text in enumerate(texts):
            lx = x
            if k == 0 and run.prefix:
                ps = run.prefix_style or st
                lines.append(_Line(y, x, ps.fontName, st.fontSize, ps.textColor, run.prefix))
                lx = x + stringWidth(run.prefix + " ", ps.fontName, st.fontSize)
            if text:
                lines.append(_Line(y, lx, st.fontName, st.fontSize, st.textColor, text))
            y += st.leading
        if run.right:  # after the text, so text extraction reads the title before its page number
            rs = run.right_style or st
            lines.append(_Line(first_line, width, rs.fontName, rs.fontSize, rs.textColor, run.right, right=True))
        if st.backColor is not None:
            y += pad[2]
            boxes.append(_Box(top, y, x - pad[3], avail + pad[3] + pad[1], st.backColor))
        ends.append((y, texts))
        after = st.spaceAfter if run.space_after is None else run.space_after
        if n < len(runs) - 1:
            y += after
    return lines, boxes, ends, y


def text_lines(runs: Sequence[Run], header: Sequence[Run] = (), resolve: dict | None = None):
    """A flowable drawing ``runs`` (see the module's docstring); ``header`` runs go first, and again at the
    top of each page it runs on to; ``resolve`` maps a run's ``right`` to what is printed."""
    global _CLASS
    if _CLASS is None:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.platypus import Flowable

        class TextLines(Flowable):
            def __init__(self, runs: Sequence[Run], header: Sequence[Run] = (), resolve: dict | None = None,
                         shared: _Shared | None = None):
                super().__init__()
                self.header = list(header)
                self.resolve = resolve if resolve is not None else {}
                self.runs = [*self.header, *runs]
                self._laid_out_at: float | None = None
                self._shared = shared if shared is not None else _Shared()

            def wrap(self, aw, ah):
                if self._laid_out_at != aw:
                    self._lines, self._boxes, self._ends, self.height = self._shared.lay_out(self.runs, aw)
                    self._laid_out_at = aw
                self.width = aw
                return aw, self.height

            def split(self, aw, ah):
                self.wrap(aw, ah)
                if self.height <= ah or not self.runs:
                    return [self]
                skip = len(self.header)
                fit = sum(1 for bottom, _ in self._ends if bottom <= ah)
                if fit > skip and self.runs[fit - 1].keep_with_next:  # a heading would end the page
                    while fit > skip and self.runs[fit - 1].keep_with_next:
                        fit -= 1
                    if fit == skip:
                        return []  # only headings fit here: all of it goes to the next page
                if fit > skip:  # the header goes again at the top of the rest
                    rest = self.runs[fit:]
                    if rest and rest[0].rule_above is not None:  # the header's rule is enough
                        rest[0] = self._shared.without_rule(rest[0])
                    return [TextLines(self.runs[skip:fit], self.header, self.resolve, self._shared),
                            TextLines(rest, self.header, self.resolve, self._shared)]
                if skip:
                    return []
                # The first run alone is taller than the space: cut it between lines.
                run = self.runs[0]
                texts = self._ends[0][1]
                per = max(1, int(ah // run.style.leading))
                if per >= len(texts) or ah < run.style.leading:
                    return []
                head = replace(run, text=" ".join(texts[:per]))
                tail = replace(run, text=" ".join(texts[per:]), label="", prefix="", right="", space_before=0,
                               rule_above=None)
                return [TextLines([head], resolve=self.resolve), TextLines([tail, *self.runs[1:]], resolve=self.resolve)]

            def draw(self):
                canv = self.canv
                h = self.height
                for box in self._boxes:
                    if isinstance(box, _Rule):
                        canv.setStrokeColor(box.colour)
                        canv.setLineWidth(box.thickness)
                        canv.line(0, h - box.y, self.width, h - box.y)
                    else:
                        canv.setFillColor(box.colour)
                        canv.rect(box.x, h - box.bottom, box.width, box.bottom - box.top, stroke=0, fill=1)
                text = canv.beginText()
                font = colour = None
                for line in self._lines:
                    if (line.font, line.size) != font:
                        text.setFont(line.font, line.size)
                        font = (line.font, line.size)
                    if line.colour is not colour and line.colour != colour:  # (a Color compares slowly)
                        text.setFillColor(line.colour)
                        colour = line.colour
                    if line.right:
                        value = self.resolve.get(line.text, line.text)
                        text.setTextOrigin(line.x - stringWidth(value, line.font, line.size), h - line.top - line.size)
                        text.textOut(value)
                    else:
                        text.setTextOrigin(line.x, h - line.top - line.size)
                        text.textOut(line.text)
                canv.drawText(text)

        _CLASS = TextLines
    return _CLASS(runs, header, resolve)


__all__ = ["Run", "text_lines", "wrapped"]

"""The DRAFT watermark drawn as shapes, not text.

A watermark set in a font is text: copying a page's text, searching it, or a screen reader reading it
picks up its letters ("D R A F T" in the middle of an attendance list). Drawn as filled outlines it is
seen and printed the same, and is not in the page's text at all. The words "DRAFT — not yet approved"
at the top of the first page and in every page's footer are real text, so the state is still read out.

The letters are plain block capitals drawn here (straight edges and quarter-ellipse curves), so no font
has to be turned into outlines (reportlab's own text-to-path needs freetype-py, which is not installed).
The whole word is one path filled once (even-odd: the letters do not touch, and the counters of D, R and
A are holes), so the translucent grey is even where strokes meet.
"""

from __future__ import annotations

_K = 0.5523  # a quarter ellipse as a Bézier curve

Point = tuple[float, float]
# Each letter: its advance width and its contours; a contour is a start point and segments, each a point
# (a line to it) or three points (a curve through two control points to the third). Capitals are 100 high.
_LETTERS: dict[str, tuple[float, list[tuple[Point, list]]]] = {
    "D": (75, [
        ((0, 0), [(35, 0), ((35 + 40 * _K, 0), (75, 50 - 50 * _K), (75, 50)),
                  ((75, 50 + 50 * _K), (35 + 40 * _K, 100), (35, 100)), (0, 100)]),
        ((20, 18), [(20, 82), (33, 82), ((33 + 22 * _K, 82), (55, 50 + 32 * _K), (55, 50)),
                    ((55, 50 - 32 * _K), (33 + 22 * _K, 18), (33, 18))]),
    ]),
    "R": (76, [
        ((0, 0), [(20, 0), (20, 44), (31, 44), (53, 0), (76, 0), (52, 47.5),
                  ((64, 52), (72, 61), (72, 73)), ((72, 73 + 27 * _K), (40 + 32 * _K, 100), (40, 100)), (0, 100)]),
        ((20, 62), [(20, 82), (40, 82), ((40 + 12 * _K, 82), (52, 72 + 10 * _K), (52, 72)),
                    ((52, 72 - 10 * _K), (40 + 12 * _K, 62), (40, 62))]),
    ]),
    "A": (80, [
        ((0, 0), [(20, 0), (26.6, 22), (53.4, 22), (60, 0), (80, 0), (50, 100), (30, 100)]),
        ((32, 40), [(48, 40), (40, 66.7)]),
    ]),
    "F": (62, [
        ((0, 0), [(20, 0), (20, 42), (54, 42), (54, 60), (20, 60), (20, 82), (62, 82), (62, 100), (0, 100)]),
    ]),
    "T": (70, [
        ((25, 0), [(45, 0), (45, 82), (70, 82), (70, 100), (0, 100), (0, 82), (25, 82)]),
    ]),
}
_GAP = 12
CAP_HEIGHT = 100


def word_width(word: str) -> float:
    """The width of ``word`` in letter units (capitals are :data:`CAP_HEIGHT` high)."""
    return sum(_LETTERS[c][0] for c in word) + _GAP * (len(word) - 1)


def word_path(canvas, word: str, x: float, y: float, scale: float):
    """A reportlab path of ``word`` (letters D, R, A, F, T) with its bottom left at (x, y)."""
    path = canvas.beginPath()
    left = x
    for letter in word:
        advance, contours = _LETTERS[letter]
        for start, segments in contours:
            path.moveTo(left + start[0] * scale, y + start[1] * scale)
            for seg in segments:
                if isinstance(seg[0], tuple):
                    (x1, y1), (x2, y2), (x3, y3) = seg
                    path.curveTo(left + x1 * scale, y + y1 * scale, left + x2 * scale, y + y2 * scale,
                                 left + x3 * scale, y + y3 * scale)
                else:
                    path.lineTo(left + seg[0] * scale, y + seg[1] * scale)
            path.close()
        left += (advance + _GAP) * scale
    return path


def draw_draft_mark(canvas, page_width: float, page_height: float, *, cap_height: float = 100,
                    angle: float = 52) -> None:
    """Draw a light-grey, translucent DRAFT across the middle of the page, as shapes (see the module's notes)."""
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import FILL_EVEN_ODD

    scale = cap_height / CAP_HEIGHT
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(angle)
    path = word_path(canvas, "DRAFT", -word_width("DRAFT") * scale / 2, -cap_height / 2, scale)
    canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_EVEN_ODD)
    canvas.restoreState()


__all__ = ["draw_draft_mark", "word_path", "word_width"]

"""Reading papers' PDFs and putting the pack together, with pikepdf (qpdf).

:func:`open_paper_pdf` checks a paper's PDF the way the pack needs it: bytes
that are really a PDF, readable, not locked by a password, with at least one
page; otherwise :class:`BadPDF` says what is wrong and what to do (the caller
names the paper). A PDF with only an *owner* password (no password to open it,
restrictions on editing or printing, common for reports exported from case
systems) opens for everyone and is taken as it is.

:func:`placement` says where a page's stamp goes; :class:`Stamper` writes
the page number stamp on a page without touching the page's own content
streams (see its docstring); a rotated page gets the stamp turned with it, so
it lands at the bottom right as read.

qpdf does the copying and writing in C++: a pack of 300 pages is put together
at about the speed ``pdfunite`` merges the same files. pikepdf is imported
inside the functions.
"""

from __future__ import annotations

import io

from mqp_desktop.domain.documents import KIND_WORDS, sniff


class BadPDF(Exception):
    def __init__(self, problem: str, remedy: str):
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem} {remedy}")


_AGAIN = "Ask the author to send it again, attach the new file to the paper, and build the pack again."


def open_paper_pdf(content: bytes):
    """A :class:`pikepdf.Pdf` for a paper's PDF and each page's :func:`placement`, or :class:`BadPDF`."""
    import pikepdf

    if not content:
        raise BadPDF("is empty (0 bytes).", _AGAIN)
    kind = sniff(content)
    if kind != ".pdf":
        found = KIND_WORDS.get(kind, "not a document this program recognises")
        if kind in ("exe", "elf"):
            raise BadPDF(f"is not a PDF: its content is {found}, renamed.",
                         "Do not open it. Ask the author to send the paper again as a PDF.")
        raise BadPDF(f"is not a PDF: its content is {found}.", _AGAIN)
    try:
        # An owner password alone (restrictions, no password to open) opens with the empty password.
        pdf = pikepdf.Pdf.open(io.BytesIO(content))
        count = len(pdf.pages)
        placements = [placement(page) for page in pdf.pages]
    except pikepdf.PasswordError:
        raise BadPDF("is protected by a password, so it cannot be opened to go in the pack.",
                     "Ask the author for a copy without a password (or with no password needed to open it).") from None
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError) as exc:
        raise BadPDF(f"is a damaged PDF that cannot be read ({type(exc).__name__}: {exc}).", _AGAIN) from None
    if count == 0:
        raise BadPDF("is a PDF with no pages.", _AGAIN)
    return pdf, placements


def _box(page) -> tuple[float, float, float, float]:
    """The page's crop box (its media box when it has none), normalised: (left, bottom, right, top).

    ``page`` is a :class:`pikepdf.Page` or a page's dictionary (so for :func:`placement` and :class:`Stamper`)."""
    obj = getattr(page, "obj", page)
    box = obj.get("/CropBox")
    if box is None:
        box = obj["/MediaBox"]
    x0, y0, x1, y1 = map(float, box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _rotation(page) -> int:
    return int(getattr(page, "obj", page).get("/Rotate", 0)) % 360


Placement = tuple[tuple[float, float, float, float, float, float], float]
"""Where a page's stamp goes: the matrix from stamp space (origin at the bottom left of the page as
shown) to the page's own space, and the page's width as shown."""


def placement(page) -> Placement:
    """The :data:`Placement` of a page's stamp: its crop box's corner, turned with its ``/Rotate``."""
    x0, y0, x1, y1 = _box(page)
    rotation = _rotation(page)
    matrix = {0: (1, 0, 0, 1, x0, y0), 90: (0, 1, -1, 0, x1, y0), 180: (-1, 0, 0, -1, x1, y1),
              270: (0, -1, 1, 0, x0, y1)}.get(rotation, (1, 0, 0, 1, x0, y0))
    return matrix, (y1 - y0) if rotation % 180 else (x1 - x0)


STAMP_SIZE = 8
STAMP_RIGHT = 28
"""Points from the right edge of the page (as shown) to the end of the stamp's text."""
STAMP_BOTTOM = 14
"""Points from the bottom edge of the page (as shown) to the stamp's baseline."""


def _stamp_text(text: str) -> str:
    """``text`` in the characters Helvetica's WinAnsi encoding has (accents kept where it has them)."""
    import unicodedata

    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        out = []
        for ch in text:
            try:
                ch.encode("cp1252")
                out.append(ch)
            except UnicodeEncodeError:
                plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
                out.append(plain if plain and plain.isascii() else "?")
        return "".join(out)


class Stamper:
    """Writes the page number stamp onto a pack's pages without re-parsing or rewriting their content.

    The stamp is a small white patch with a grey edge and the text ("MQ&P 8 Dec 2026 — page 3 of
    42") in Helvetica (one of the fonts every PDF reader has, so nothing is embedded per page),
    at the bottom right of the page as shown. Each page's content is wrapped ``q … Q`` (so whatever
    state the page's own content leaves does not move the stamp) and followed by a short content
    stream of the stamp's own, placed at the crop box's corner and turned with the page's
    ``/Rotate``; the page's font resources gain the name ``/MQPStampFont``. The page's own content
    streams are left byte for byte as they were (pikepdf's ``add_overlay`` would merge and rewrite
    them), so stamping 300 pages costs a few milliseconds.
    """

    FONT = "/MQPStampFont"

    def __init__(self, pdf):
        from pikepdf import Array, Dictionary, Name
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self._Array, self._Dictionary, self._font_name = Array, Dictionary, Name(self.FONT)
        self.pdf = pdf
        self._width = stringWidth
        self._font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                                                  Encoding=Name.WinAnsiEncoding))
        self._open = pdf.make_stream(b"q\n")

    def content(self, text: str, page_width: float, matrix: tuple[float, ...]) -> bytes:
        """The stamp's content stream for a page ``page_width`` wide as shown, drawn through ``matrix``."""
        text = _stamp_text(text)
        width = self._width(text, "Helvetica", STAMP_SIZE)
        right = page_width - STAMP_RIGHT
        raw = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        numbers = " ".join(f"{v:g}" for v in matrix)
        return (f"\nQ\nq {numbers} cm 1 g 0.749 G 0.4 w "
                f"{right - width - 5:.2f} {STAMP_BOTTOM - 4} {width + 10:.2f} {STAMP_SIZE + 7} re B "
                f"0.251 g BT {self.FONT} {STAMP_SIZE} Tf {right - width:.2f} {STAMP_BOTTOM} Td (").encode("ascii") \
            + raw + b") Tj ET Q\n"

    def stamp(self, page, text: str, where: Placement | None = None) -> None:
        """Write ``text`` at the bottom right of ``page`` (a page of this PDF, or its dictionary; ``where``: its
        :func:`placement`, when already known)."""
        Array = self._Array
        matrix, width = where if where is not None else placement(page)
        obj = getattr(page, "obj", page)
        resources = obj.get("/Resources")
        if resources is None:
            resources = obj.Resources = self._Dictionary()
        fonts = resources.get("/Font")
        if fonts is None:
            resources.Font = self._Dictionary({self.FONT: self._font})
        else:  # often one dictionary shared by a paper's pages: the same name, set again
            fonts[self._font_name] = self._font
        contents = obj.get("/Contents")
        if contents is None:
            streams = []
        elif isinstance(contents, Array):
            streams = list(contents)
        else:
            streams = [contents if contents.is_indirect else self.pdf.make_indirect(contents)]
        # Left uncompressed: a hundred-odd bytes of unique text gain nothing from Flate.
        obj.Contents = Array([self._open, *streams, self.pdf.make_stream(self.content(text, width, matrix))])


__all__ = ["BadPDF", "Placement", "Stamper", "open_paper_pdf", "placement"]

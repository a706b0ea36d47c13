"""Reading papers' PDFs and putting the pack together, with pikepdf (qpdf).

:func:`read_paper_pdf` checks a paper's PDF fully, the way the pack reads it, both when the
file is attached (:func:`check_paper_pdf`, called by ``store.agendas``) and again when a pack is
built (a paper attached before this check existed gets the same message; a stored file this process
has already checked whole, by its SHA-256, is not decoded page by page again): bytes that are really a
PDF; a structure qpdf can read — repairing it if need be; not locked by a password; at least one
page; and every page readable: a page tree that does not loop, a size (media box) made of numbers,
and content that is a stream (or streams) whose compressed data decodes. Otherwise :class:`BadPDF`
says what is wrong in plain words (which page) and what to do; the caller names the paper. Never
qpdf's own text with the reader object's name in it.

What is accepted: a PDF whose cross-reference table or other structure was damaged but which qpdf
repairs on reading (common for PDFs saved by some scanners and case systems, or passed through
email gateways) — the pack is written afresh from the repaired structure, so it comes out sound; the
attach says it was repaired (:attr:`PaperPDF.repaired`) so the officer can look at it. A page with
no content at all is a blank page, which is valid. A PDF with only an *owner* password (no password
to open it, restrictions on editing or printing, common for reports exported from case systems)
opens for everyone and is taken as it is.

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
import math
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from mqp_desktop.domain.documents import KIND_WORDS, sniff


class BadPDF(Exception):
    """A paper's PDF that cannot go in the pack: ``problem`` follows the file's name ("is a damaged PDF:
    …"), ``remedy`` says what to do."""

    def __init__(self, problem: str, remedy: str):
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem} {remedy}")


# What to do, the same when the file is attached and when a pack is built (which adds "then build it again").
_AGAIN = "Ask the author to send it again, and attach the new file to the paper."
_REPRINT = ("Ask the author to send it again (or open it and print it to a new PDF), and attach the new file to "
            "the paper.")
_PASSWORD = ("Ask the author for a copy that needs no password to open (in Adobe Acrobat: File › Properties › "
             "Security › No Security), or open it with the password and print it to a new PDF; attach that to "
             "the paper.")

# qpdf's reasons for giving up, in words an officer can pass on.
_QPDF_WORDS = (
    ("loop detected in /pages", "its list of pages loops back on itself"),
    ("pages tree", "its list of pages is missing or broken"),
    ("/pages", "its list of pages is missing or broken"),
    ("trailer", "its structure cannot be found, even by repairing it"),
    ("xref", "its structure cannot be found, even by repairing it"),
    ("not a pdf", "its content is not a PDF's"),
    ("header", "its content is not a PDF's"),
)


def _qpdf_reason(exc: BaseException) -> str:
    """Why qpdf gave up, in words: never its message with the reader object's name in it."""
    text = str(exc).lower()
    for key, words in _QPDF_WORDS:
        if key in text:
            return words
    return "it cannot be read, even by repairing it"


def _warnings(pdf) -> list[str]:
    """qpdf's warnings since last asked (it keeps them until read), without file names or object names."""
    get = getattr(pdf, "get_warnings", None)
    if get is None:  # pragma: no cover - pikepdf before 8
        return []
    return [re.sub(r"^.*?(\(object \d+ \d+[^)]*\)|\(offset \d+\))?:\s*", "", str(w), count=1) for w in get()]


@dataclass
class PaperPDF:
    """A paper's PDF as the pack reads it, checked (:func:`read_paper_pdf`)."""

    pdf: Any
    """The :class:`pikepdf.Pdf`, opened from a copy of the stored bytes (the pack's working copy)."""
    placements: list = field(default_factory=list)
    """Each page's :func:`placement`."""
    repaired: list[str] = field(default_factory=list)
    """qpdf's warnings when it repaired the file's structure on reading ([] for a sound file)."""
    active: list[str] = field(default_factory=list)
    """What active content was removed from this working copy (see :mod:`.active_content`)."""

    @property
    def pages(self) -> int:
        return len(self.placements)


# --- papers checked already in this process ------------------------------------------------------
# A paper's stored file never changes (documents are immutable, kept with their SHA-256): the
# check of its pages — every page's size read and its content streams decoded — gives the same
# answer every time. What it found is kept here for the life of the process, by the file's
# SHA-256 (and length), so a pack built after the paper was attached, or built again, does not
# decode every page again. Only a file that passed is kept; a file not kept is checked in full.
# The file is still opened, its structure and page count read, and its active content removed
# from the working copy, every time.
_CHECKED_MAX = 512
_checked: dict[tuple[str, int], list] = {}
_checked_lock = threading.Lock()


def _remember_checked(digest: str | None, size: int, placements: list) -> None:
    if not digest:
        return
    with _checked_lock:
        _checked.pop((digest, size), None)
        _checked[(digest, size)] = list(placements)
        while len(_checked) > _CHECKED_MAX:
            del _checked[next(iter(_checked))]


def _checked_before(digest: str | None, size: int) -> list | None:
    if not digest:
        return None
    with _checked_lock:
        return _checked.get((digest, size))


def forget_checked() -> None:
    """Forget the papers checked so far in this process (the benchmark's cold build; tests)."""
    with _checked_lock:
        _checked.clear()


def read_paper_pdf(content: bytes, digest: str | None = None) -> PaperPDF:
    """Open and fully check a paper's PDF (see the module's notes); :class:`BadPDF` says why not.

    ``digest``: the file's SHA-256 as stored with it (hex), when it is a stored document's: a file this
    process has checked in full already (when it was attached, or for an earlier pack) is opened and its
    pages counted, without every page being decoded again (see ``_checked`` above)."""
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
    except pikepdf.PasswordError:
        raise BadPDF("is protected by a password, so it cannot be opened to go in the meeting pack.",
                     _PASSWORD) from None
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError) as exc:
        raise BadPDF(f"is a damaged PDF: {_qpdf_reason(exc)}.", _REPRINT) from None
    try:
        pages = list(pdf.pages)
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise BadPDF(f"is a damaged PDF: {_qpdf_reason(exc)}.", _REPRINT) from None
    repaired = _warnings(pdf)
    if not pages:
        raise BadPDF("is a PDF with no pages.", _AGAIN)
    known = _checked_before(digest, len(content))
    if known is not None and len(known) == len(pages):
        return PaperPDF(pdf, list(known), repaired)
    objs = [page.obj for page in pages]
    boxes: dict[bytes, tuple[float, float, float, float]] = {}
    placements, blank = [], []
    for n, obj in enumerate(objs, start=1):
        where, drawn = _check_page(obj, n, boxes)
        placements.append(where)
        if not drawn:
            blank.append(n)
    if _warnings(pdf):  # content that decoded, but not cleanly
        n = _page_warned(pdf, objs)
        where = f"page {n} has content" if n else "its pages have content"
        raise BadPDF(f"is a damaged PDF: {where} that cannot be read without errors.", _REPRINT)
    if len(blank) == len(pages):  # every page blank: its content lost, most likely
        which = f"{len(pages)} pages are all blank (nothing is drawn on them)" if len(pages) > 1 else \
            "only page is blank (nothing is drawn on it)"
        raise BadPDF(f"is a PDF whose {which}: it is probably damaged.", _REPRINT)
    if blank and repaired:  # a page's content the repair could not find (qpdf reads a lost object as nothing)
        which = f"page {blank[0]}" if len(blank) == 1 else "pages " + _number_list(blank)
        raise BadPDF(f"is a damaged PDF: repairing it leaves {which} blank, so part of it is lost.", _REPRINT)
    _remember_checked(digest, len(content), placements)
    return PaperPDF(pdf, placements, repaired)


def _number_list(numbers: list[int]) -> str:
    shown = [str(n) for n in numbers[:8]] + (["…"] if len(numbers) > 8 else [])
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]


def _check_page(obj, n: int, boxes: dict) -> tuple[Placement, bool]:
    """A page's :func:`placement` (``obj``: the page's dictionary), once its size and content are known to
    read, and whether it has content (False: a blank page); else :class:`BadPDF`.

    Every stream of the page's content is decoded: corrupt compressed data fails here. ``boxes`` remembers
    the boxes already read by their text (a paper's pages mostly share one size: reading four numbers
    from qpdf costs more than looking their text up)."""
    import pikepdf

    def damaged(what: str) -> BadPDF:
        return BadPDF(f"is a damaged PDF: page {n} {what}.", _REPRINT)

    try:
        box = _box_of(obj, boxes)
        where = _placement(box, _rotation_of(obj))
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise damaged("has no size that can be read (its media box)") from exc
    x0, y0, x1, y1 = box
    if not all(math.isfinite(v) for v in box) or x1 - x0 < 1 or y1 - y0 < 1:
        raise damaged("has no area (its media box is empty)")
    try:
        if "/Contents" not in obj:  # a blank page (or content qpdf could not find: see read_paper_pdf)
            return where, False
        contents = obj["/Contents"]
        if isinstance(contents, pikepdf.Stream):
            contents.read_bytes()  # decompressed: corrupt compressed data fails here
            return where, True
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        for stream in streams:
            if not isinstance(stream, pikepdf.Stream):
                raise damaged("has content that is not a content stream")
            stream.read_bytes()
    except BadPDF:
        raise
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        raise damaged("has content whose compressed data is corrupt") from exc
    return where, True


def _page_warned(pdf, objs: list) -> int:
    """The first page whose content qpdf reads only with warnings (asked after a walk that warned)."""
    import pikepdf

    for n, obj in enumerate(objs, start=1):
        contents = obj.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents] if contents is not None else []
        for stream in streams:
            stream.read_bytes()  # decoded once already without an error: now only its warnings are wanted
        if _warnings(pdf):
            return n
    return 0


def open_paper_pdf(content: bytes):
    """A :class:`pikepdf.Pdf` for a paper's PDF and each page's :func:`placement`, or :class:`BadPDF`."""
    paper = read_paper_pdf(content)
    return paper.pdf, paper.placements


def check_paper_pdf(content: bytes, digest: str | None = None) -> PaperPDF:
    """The check at attach time: :func:`read_paper_pdf`, and what active content the pack will leave out
    (:attr:`PaperPDF.active`, from :func:`.active_content.remove_active_content` on a working copy).
    ``digest``: the file's SHA-256 (hex), under which a file that passes is remembered (see ``_checked``)."""
    from mqp_desktop.exporters.active_content import remove_active_content

    paper = read_paper_pdf(content, digest)
    paper.active = remove_active_content(paper.pdf)
    return paper


def _box(page) -> tuple[float, float, float, float]:
    """The page's box as a reader shows it (its crop box within its media box, see :func:`_box_of`),
    normalised: (left, bottom, right, top).

    ``page`` is a :class:`pikepdf.Page` or a page's dictionary (so for :func:`placement` and :class:`Stamper`)."""
    return _box_of(_page_dict(page))


def _page_dict(page):
    """A :class:`pikepdf.Page`'s dictionary, or ``page`` when it is one (asking a pikepdf dictionary for an
    attribute it lacks, as ``getattr(page, "obj", page)`` would, is slow)."""
    from pikepdf import Page

    return page.obj if isinstance(page, Page) else page


def _box_of(obj, boxes: dict | None = None) -> tuple[float, float, float, float]:
    """:func:`_box` of a page's dictionary (a pikepdf dictionary answers an unknown attribute, or ``get`` of
    a missing key, slowly: ``in`` first). ``boxes``: the boxes already read, by their text.

    The box a reader shows: the crop box where it lies within the media box (a reader clips a crop box
    that reaches beyond the media box to it, PDF 32000-1 14.11.2), else the media box."""
    media = obj["/MediaBox"]
    if "/CropBox" not in obj:
        return _known_box(media, boxes)
    crop = _known_box(obj["/CropBox"], boxes)
    x0, y0, x1, y1 = _known_box(media, boxes)
    cx0, cy0, cx1, cy1 = crop
    shown = (max(x0, cx0), max(y0, cy0), min(x1, cx1), min(y1, cy1))
    if shown[2] - shown[0] < 1 or shown[3] - shown[1] < 1:  # a crop box off the paper: readers differ; keep it
        return crop
    return shown


def _known_box(box, boxes: dict | None) -> tuple[float, float, float, float]:
    if boxes is not None:
        text = box.unparse()
        found = boxes.get(text)
        if found is None:
            found = boxes[text] = _box_numbers(box)
        return found
    return _box_numbers(box)


def _box_numbers(box) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = map(float, box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _rotation(page) -> int:
    return _rotation_of(_page_dict(page))


def _rotation_of(obj) -> int:
    return int(obj["/Rotate"]) % 360 if "/Rotate" in obj else 0


Placement = tuple[tuple[float, float, float, float, float, float], float]
"""Where a page's stamp goes: the matrix from stamp space (origin at the bottom left of the page as
shown) to the page's own space, and the page's width as shown."""


def placement(page) -> Placement:
    """The :data:`Placement` of a page's stamp: its crop box's corner, turned with its ``/Rotate``."""
    return _placement(_box(page), _rotation(page))


def _placement(box: tuple[float, float, float, float], rotation: int) -> Placement:
    x0, y0, x1, y1 = box
    matrix = {0: (1, 0, 0, 1, x0, y0), 90: (0, 1, -1, 0, x1, y0), 180: (-1, 0, 0, -1, x1, y1),
              270: (0, -1, 1, 0, x0, y1)}.get(rotation, (1, 0, 0, 1, x0, y0))
    return matrix, (y1 - y0) if rotation % 180 else (x1 - x0)


SAFE_EDGE = 10 * 72 / 25.4
"""10 mm in points: nothing of the stamp (its patch included) comes nearer the edge of the page as shown
than this. Many office printers cannot print within 4–6 mm of the paper's edge, and a page scaled to fit
a printer's printable area shrinks by a few millimetres more: a stamp 3.5 mm from the edge was lost."""
STAMP_SIZE = 8
STAMP_PAD_X = 5
"""Points of white patch either side of the stamp's text."""
STAMP_PAD_BELOW = 4
"""Points of white patch below the stamp's baseline (the patch is ``STAMP_SIZE + 7`` high)."""
STAMP_RIGHT = 36
"""Points from the right edge of the page (as shown) to the end of the stamp's text: the patch ends
``STAMP_RIGHT - STAMP_PAD_X`` (31 pt, 10.9 mm) from the edge."""
STAMP_BOTTOM = 34
"""Points from the bottom edge of the page (as shown) to the stamp's baseline: the patch starts
``STAMP_BOTTOM - STAMP_PAD_BELOW`` (30 pt, 10.6 mm) above the edge, and ends 45 pt (15.9 mm) above it —
below the 2 cm bottom margin of the pack's own pages and the footers of most papers."""


_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")


def _stamp_text(text: str) -> str:
    """``text`` in the characters Helvetica's WinAnsi encoding has (accents kept where it has them)."""
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        import unicodedata

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
        from reportlab.pdfbase.pdfmetrics import getFont

        self._Array, self._Dictionary, self._font_name = Array, Dictionary, Name(self.FONT)
        self.pdf = pdf
        self._width = getFont("Helvetica").stringWidth
        self._font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                                                  Encoding=Name.WinAnsiEncoding))
        self._open = pdf.make_stream(b"q\n")
        self._heads: dict[tuple, bytes] = {}
        self._digits_alike = len({self._width(d, STAMP_SIZE) for d in "0123456789"}) == 1
        self._fonted: set[tuple[int, int]] = set()

    def content(self, text: str, page_width: float, matrix: tuple[float, ...]) -> bytes:
        """The stamp's content stream for a page ``page_width`` wide as shown, drawn through ``matrix``.

        Everything before the text (the patch, its place, the font) depends on the text only through its
        width; Helvetica's digits are all one width, so stamps that differ only in their numbers share it."""
        try:
            raw = text.encode("cp1252")
        except UnicodeEncodeError:
            text = _stamp_text(text)
            raw = text.encode("cp1252")
        if b"\\" in raw or b"(" in raw or b")" in raw:
            raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        key = (text.translate(_DIGITS_AS_ZERO) if self._digits_alike else text, page_width, matrix)
        head = self._heads.get(key)
        if head is None:
            width = self._width(text, STAMP_SIZE)
            right = page_width - STAMP_RIGHT
            numbers = " ".join(f"{v:g}" for v in matrix)
            head = self._heads[key] = (
                f"\nQ\nq {numbers} cm 1 g 0.749 G 0.4 w "
                f"{right - width - STAMP_PAD_X:.2f} {STAMP_BOTTOM - STAMP_PAD_BELOW} {width + 2 * STAMP_PAD_X:.2f} "
                f"{STAMP_SIZE + 7} re B "
                f"0.251 g BT {self.FONT} {STAMP_SIZE} Tf {right - width:.2f} {STAMP_BOTTOM} Td (").encode("ascii")
        return head + raw + b") Tj ET Q\n"

    def stamp(self, page, text: str, where: Placement | None = None) -> None:
        """Write ``text`` at the bottom right of ``page`` (a page of this PDF, or its dictionary; ``where``: its
        :func:`placement`, when already known).

        Written for speed (it runs for every page of the pack): keys a page nearly always has are read with
        ``get``, which is quick when the key is there; a pikepdf dictionary answers ``get`` of a missing key,
        or an attribute it does not have, slowly (it raises and catches inside). The font is added to each
        font dictionary once (a paper's pages often share one)."""
        obj = _page_dict(page)
        matrix, width = where if where is not None else _placement(_box_of(obj), _rotation_of(obj))
        resources = obj.get("/Resources")
        if resources is None:
            resources = obj["/Resources"] = self._Dictionary()
        fonts = resources.get("/Font")
        if fonts is None:
            resources["/Font"] = self._Dictionary({self.FONT: self._font})
        elif not fonts.is_indirect:
            fonts[self._font_name] = self._font
        else:
            key = fonts.objgen
            if key not in self._fonted:
                fonts[self._font_name] = self._font
                self._fonted.add(key)
        contents = obj.get("/Contents")
        pdf = self.pdf
        stamp = pdf.make_stream(self.content(text, width, matrix))
        if contents is None:
            obj["/Contents"] = self._Array([self._open, stamp])
        elif isinstance(contents, self._Array):
            obj["/Contents"] = self._Array([self._open, *contents, stamp])
        else:
            # Left uncompressed: a hundred-odd bytes of unique text gain nothing from Flate.
            obj["/Contents"] = self._Array([self._open, contents if contents.is_indirect else pdf.make_indirect(contents),
                                            stamp])


__all__ = ["BadPDF", "PaperPDF", "Placement", "Stamper", "check_paper_pdf", "forget_checked", "open_paper_pdf",
           "placement", "read_paper_pdf"]

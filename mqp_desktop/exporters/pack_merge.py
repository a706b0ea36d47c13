"""Reading papers' PDFs and putting the pack together, with pikepdf (qpdf).

:func:`open_paper_pdf` checks a paper's PDF the way the pack needs it: bytes
that are really a PDF, readable, not locked by a password, with at least one
page; otherwise :class:`BadPDF` says what is wrong and what to do (the caller
names the paper). A PDF with only an *owner* password (no password to open it,
restrictions on editing or printing, common for reports exported from case
systems) opens for everyone and is taken as it is.

:func:`page_size` gives the visible size of a page; :class:`Stamper` lays a
stamp (a page of the drawn PDF made by :func:`~.pack_pages.draw_sections`)
over a paper's page without touching the paper's own content streams (see its
docstring); a rotated page gets the stamp turned with it, so it lands at the
bottom right as read.

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
    """A :class:`pikepdf.Pdf` for a paper's PDF, or :class:`BadPDF`."""
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
        for page in pdf.pages:
            page_size(page)
    except pikepdf.PasswordError:
        raise BadPDF("is protected by a password, so it cannot be opened to go in the pack.",
                     "Ask the author for a copy without a password (or with no password needed to open it).") from None
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError) as exc:
        raise BadPDF(f"is a damaged PDF that cannot be read ({type(exc).__name__}: {exc}).", _AGAIN) from None
    if count == 0:
        raise BadPDF("is a PDF with no pages.", _AGAIN)
    return pdf


def _box(page) -> tuple[float, float, float, float]:
    """The page's crop box (its media box when it has none), normalised: (left, bottom, right, top)."""
    box = page.obj.get("/CropBox")
    if box is None:
        box = page.obj["/MediaBox"]
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _rotation(page) -> int:
    return int(page.obj.get("/Rotate", 0)) % 360


def page_size(page) -> tuple[float, float]:
    """The width and height of a page as read (its crop box, turned by its rotation)."""
    x0, y0, x1, y1 = _box(page)
    w, h = x1 - x0, y1 - y0
    if _rotation(page) % 180:
        w, h = h, w
    return w, h


class Stamper:
    """Lays stamps over a pack's pages without re-parsing or rewriting the pages' content.

    Each stamp page becomes a form XObject (its own resources, so no name can clash), the
    page gets its own copy of its resource dictionary naming that form ``/MQPStamp``, and
    its content is wrapped ``q … Q`` (so whatever state the paper leaves does not move the
    stamp) followed by ``/MQPStamp Do`` placed at the crop box's corner — turned with the
    page's ``/Rotate``, so the stamp reads upright at the bottom right as the page is shown.
    The paper's own content streams are left exactly as they were (pikepdf's ``add_overlay``
    would merge and rewrite them).
    """

    NAME = "/MQPStamp"

    def __init__(self, pdf):
        self.pdf = pdf
        self._open = pdf.make_stream(b"q\n")
        self._closings: dict[tuple, object] = {}

    def _closing(self, matrix: tuple[float, ...]):
        key = tuple(round(v, 3) for v in matrix)
        if key not in self._closings:
            numbers = " ".join(f"{v:g}" for v in key)
            self._closings[key] = self.pdf.make_stream(f"\nQ\nq {numbers} cm {self.NAME} Do Q\n".encode("ascii"))
        return self._closings[key]

    def form(self, stamp_page):
        """Turn a stamp page of the same PDF into a form XObject (its content stream, reused in place).

        The stamp page is removed from the page list afterwards; only the form stays.
        """
        from pikepdf import Array, Name

        stream = stamp_page.obj["/Contents"]
        if isinstance(stream, Array):  # pragma: no cover - reportlab writes one stream a page
            return stamp_page.as_form_xobject()
        x0, y0, x1, y1 = _box(stamp_page)
        stream[Name.Type] = Name.XObject
        stream[Name.Subtype] = Name.Form
        stream[Name.BBox] = Array([x0, y0, x1, y1])
        stream[Name.Resources] = stamp_page.obj["/Resources"]
        return stream

    def stamp(self, page, form) -> None:
        """Draw ``form`` (a stamp as wide and high as the page reads) over ``page``, a page of the same PDF."""
        from pikepdf import Array, Dictionary, Name

        x0, y0, x1, y1 = _box(page)
        # Stamp space (origin at the bottom left of the page as shown) -> the page's own space.
        matrix = {0: (1, 0, 0, 1, x0, y0), 90: (0, 1, -1, 0, x1, y0), 180: (-1, 0, 0, -1, x1, y1),
                  270: (0, -1, 1, 0, x0, y1)}.get(_rotation(page), (1, 0, 0, 1, x0, y0))
        obj = page.obj
        resources = obj.get("/Resources")
        resources = Dictionary(resources) if resources is not None else Dictionary()
        xobjects = resources.get("/XObject")
        xobjects = Dictionary(xobjects) if xobjects is not None else Dictionary()
        xobjects[Name(self.NAME)] = form
        resources[Name.XObject] = xobjects
        obj[Name.Resources] = resources
        contents = obj.get("/Contents")
        if contents is None:
            streams = []
        elif isinstance(contents, Array):
            streams = list(contents)
        else:
            streams = [contents if contents.is_indirect else self.pdf.make_indirect(contents)]
        obj[Name.Contents] = Array([self._open, *streams, self._closing(matrix)])


__all__ = ["BadPDF", "Stamper", "open_paper_pdf", "page_size"]

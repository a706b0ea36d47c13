"""Reading papers' PDFs and putting the pack together, with pypdf.

:func:`open_paper_pdf` checks a paper's PDF the way the pack needs it: bytes
that are really a PDF, readable, not locked by a password, with at least one
page; otherwise :class:`BadPDF` says what is wrong and what to do (the caller
names the paper). A PDF with only an *owner* password (no password to open it,
restrictions on editing or printing, common for reports exported from case
systems) opens for everyone and is taken as it is.

:func:`page_size` gives the visible size of a page; :class:`Stamper` lays a
stamp overlay page (made by :func:`~.pack_pages.stamp_overlays`) over a page:
:class:`Stamper` does what pypdf's ``merge_page`` does for a stamp, without
re-parsing the page (see its docstring), after turning a rotated page's
rotation into its content so the stamp lands at the bottom right as read.

pypdf is imported inside the functions.
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
    """A :class:`pypdf.PdfReader` for a paper's PDF, or :class:`BadPDF`."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

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
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):
                opened = 0
            if not opened:
                raise BadPDF("is protected by a password, so it cannot be opened to go in the pack.",
                             "Ask the author for a copy without a password (or with no password needed to open it).")
        count = len(reader.pages)
        for page in reader.pages:
            _ = page.cropbox.width, page.cropbox.height
    except BadPDF:
        raise
    except FileNotDecryptedError:
        raise BadPDF("is protected by a password, so it cannot be opened to go in the pack.",
                     "Ask the author for a copy without a password.") from None
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, IndexError,
            RecursionError, OSError) as exc:
        raise BadPDF(f"is a damaged PDF that cannot be read ({type(exc).__name__}: {exc}).", _AGAIN) from None
    if count == 0:
        raise BadPDF("is a PDF with no pages.", _AGAIN)
    return reader


def page_size(page) -> tuple[float, float]:
    """The width and height of a page as read (its crop box, turned by its rotation)."""
    box = page.cropbox
    w, h = float(box.width), float(box.height)
    if (page.rotation or 0) % 180:
        w, h = h, w
    return w, h


class Stamper:
    """Lays stamp overlays over a writer's pages without re-parsing the pages' content.

    pypdf's ``merge_page`` parses both pages' content streams to rename resources — a few
    milliseconds a page, most of a pack's build time. A stamp needs none of that: each
    overlay page becomes a form XObject (its own resources, so no name can clash), the
    page gets its own copy of its resource dictionary naming that form ``/MQPStamp``,
    and its content is wrapped ``q … Q`` (so whatever state the paper leaves does not
    move the stamp) followed by ``/MQPStamp Do``. The paper's own content streams are
    left exactly as they were.
    """

    NAME = "/MQPStamp"

    def __init__(self, writer):
        from pypdf.generic import DecodedStreamObject

        self.writer = writer
        opening = DecodedStreamObject()
        opening.set_data(b"q\n")
        self._open = writer._add_object(opening)
        self._closings: dict[tuple[float, float], object] = {}

    def _closing(self, x0: float, y0: float):
        from pypdf.generic import DecodedStreamObject

        key = (round(x0, 3), round(y0, 3))
        if key not in self._closings:
            closing = DecodedStreamObject()
            closing.set_data(f"\nQ\nq 1 0 0 1 {key[0]:g} {key[1]:g} cm {self.NAME} Do Q\n".encode("ascii"))
            self._closings[key] = self.writer._add_object(closing)
        return self._closings[key]

    def form(self, overlay_page):
        """A form XObject (added to the writer) drawing the overlay page."""
        from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, NameObject

        box = overlay_page.mediabox
        form = DecodedStreamObject()
        form.set_data(overlay_page.get_contents().get_data())
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject([FloatObject(float(v)) for v in
                                                 (box.left, box.bottom, box.right, box.top)])
        form[NameObject("/Resources")] = overlay_page["/Resources"].clone(self.writer)
        return self.writer._add_object(form)

    def stamp(self, page, form_ref) -> None:
        """Draw the form over ``page`` (a page already in the writer) at its crop box's corner."""
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

        if (page.rotation or 0) % 360:
            page.transfer_rotation_to_content()
        box = page.cropbox
        resources = page.get("/Resources")
        resources = DictionaryObject(resources.get_object()) if resources is not None else DictionaryObject()
        xobjects = resources.get("/XObject")
        xobjects = DictionaryObject(xobjects.get_object()) if xobjects is not None else DictionaryObject()
        xobjects[NameObject(self.NAME)] = form_ref
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources
        contents = page.get("/Contents")
        streams: list = []
        if contents is not None:
            resolved = contents.get_object()
            if isinstance(resolved, ArrayObject):
                streams = list(resolved)
            else:
                streams = [contents if isinstance(contents, IndirectObject) else self.writer._add_object(resolved)]
        page[NameObject("/Contents")] = ArrayObject(
            [self._open, *streams, self._closing(float(box.left), float(box.bottom))])


__all__ = ["BadPDF", "Stamper", "open_paper_pdf", "page_size"]

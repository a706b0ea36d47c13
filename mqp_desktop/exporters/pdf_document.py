"""What every PDF the program writes shares: its language, its creator, and bookmarks.

- :func:`document_options` gives the options every reportlab document is built with: the document's
  language (``/Lang``, :data:`LANGUAGE`: a screen reader reads the text with British English voice and
  rules, and a reader's read-aloud and hyphenation follow it) and the creator, with the caller's own.
  Every reportlab ``DocTemplate`` the program makes is given them; the meeting pack, put together with
  pikepdf, gets the same language from :func:`set_language`.
- :func:`outlined` marks a flowable (a heading) as a bookmark; a document made by :func:`new_document`
  turns each marked flowable, once drawn, into an outline entry going to it. A canvas that holds its
  pages back until the end (to print "Page n of N") takes :class:`HeldMarks`, which makes each page's
  bookmarks when that page is written (a bookmark names the page being written).

reportlab's open-source edition cannot write a *tagged* PDF (the structure tree that says "this is a
heading, this a table cell, this the reading order", which PDF/UA and a screen reader's navigation need):
that is in its commercial edition only. What the program offers instead: real, selectable text in
embedded fonts (no text as pictures; the draft watermark, which would be read out, is drawn as shapes),
the document's language, title (shown in the reader's title bar), author and subject, bookmarks for every
section and item, and the same documents as Word files (minutes, agenda, action log, register, letters),
which Word and screen readers read with their full structure.

reportlab is imported inside the functions.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

LANGUAGE = "en-GB"
"""The language of every document the program writes (BCP 47, as PDF's ``/Lang`` and Word's ``w:lang``)."""
CREATOR = "MQ&P Desktop"

def document_options(**options: Any) -> dict[str, Any]:
    """The keyword arguments for a reportlab ``DocTemplate``: ``options`` with the language and creator
    (and the reader's title bar showing the title rather than the file name) unless given."""
    options.setdefault("lang", LANGUAGE)
    options.setdefault("creator", CREATOR)
    options.setdefault("displayDocTitle", True)
    return options


def outlined(flowable, title: str, level: int = 0):
    """Mark ``flowable`` as a bookmark titled ``title`` at ``level`` (0: top); returns it.

    Levels must not skip (a level-2 bookmark needs a level-1 before it): reportlab refuses otherwise."""
    from mqp_desktop.exporters.files import safe_text

    flowable._outline = (safe_text(title), level)
    return flowable


_CLASSES: dict[type, type] = {}


def document_class(base: type | None = None) -> type:
    """``base`` (a reportlab ``DocTemplate`` class; ``SimpleDocTemplate`` by default) that makes a bookmark of
    every :func:`outlined` flowable once it is drawn."""
    if base is None:
        from reportlab.platypus import SimpleDocTemplate as base
    found = _CLASSES.get(base)
    if found is None:
        def afterFlowable(self, flowable):
            base.afterFlowable(self, flowable)
            mark = getattr(flowable, "_outline", None)
            if mark is None:
                return
            title, level = mark[:2]
            self._outline_count = getattr(self, "_outline_count", 0) + 1
            key = f"outline{self._outline_count}"  # per document: the same document gives the same bytes
            frame = getattr(self, "frame", None)
            top = frame._y + getattr(flowable, "height", 0) + 4 if frame is not None else None
            canvas = self.canv
            if isinstance(canvas, HeldMarks):
                canvas.mark(title, level, key, top)
            else:
                make_mark(canvas, title, level, key, top)

        found = _CLASSES[base] = type(f"Outlined{base.__name__}", (base,), {"afterFlowable": afterFlowable})
    return found


def new_document(target, *, base: type | None = None, **options: Any):
    """A reportlab document writing to ``target``, with :func:`document_options` and bookmarks
    (:func:`document_class`)."""
    return document_class(base)(target, **document_options(**options))


def make_mark(canvas, title: str, level: int, key: str, top: float | None) -> None:
    """A bookmark on the page ``canvas`` is writing, going to ``top`` (or the whole page)."""
    if top is None:
        canvas.bookmarkPage(key)
    else:
        canvas.bookmarkPage(key, fit="XYZ", left=0, top=top)
    canvas.addOutlineEntry(title, key, level=level)
    canvas.showOutline()  # a reader opens the document with its bookmarks shown


class HeldMarks:
    """For a reportlab canvas that keeps its pages until the end (``showPage`` stores ``self.__dict__``) to
    number them "n of N": the bookmarks asked for on a page are kept with it (:meth:`mark`) and made when it
    is written (:meth:`write_marks`, called with the page's state restored, before it is shown)."""

    _held_marks: list

    def mark(self, title: str, level: int, key: str, top: float | None) -> None:
        if "_held_marks" not in self.__dict__:
            self._held_marks = []
        self._held_marks.append((title, level, key, top))

    def held_page(self) -> None:
        """Call in ``showPage`` after storing the page's state: the next page starts with no bookmarks."""
        self._held_marks = []

    def write_marks(self) -> None:
        for title, level, key, top in self.__dict__.get("_held_marks", ()):
            make_mark(self, title, level, key, top)


def set_language(pdf) -> None:
    """Set the language of a :class:`pikepdf.Pdf` (its catalogue's ``/Lang``) to :data:`LANGUAGE`."""
    import pikepdf

    pdf.Root.Lang = pikepdf.String(LANGUAGE)


__all__ = ["CREATOR", "LANGUAGE", "HeldMarks", "document_class", "document_options", "make_mark", "new_document",
           "outlined", "set_language"]


_A85 = threading.RLock()


@contextmanager
def binary_streams() -> Iterator[None]:
    """Write streams Flate-compressed only, not also ASCII85-encoded (reportlab's default, a 7-bit-safe
    habit from the 1990s): a quarter smaller, and quicker to write (and for qpdf to read back)."""
    from reportlab import rl_config

    with _A85:  # rl_config is global: documents written at the same time take turns
        before = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = before

"""The text of a paper's file, for the search index (issue 12): read once, when the file is attached.

:func:`extract_text` reads a PDF (pypdf) or a Word document (python-docx) and returns
:class:`PaperText`: a status, the text and a note. It never raises for what is in the file: a
damaged or hostile file, one too large to read in the time, or a kind with no text reader gives a
status other than 'extracted' and a note saying why; the paper is attached all the same (the file
was already checked as a paper; this only decides what the search can find in it).

**Bounded.** At most :data:`MAX_CHARS` characters are kept and at most :data:`MAX_PAGES` pages
read; reading stops at :data:`MAX_SECONDS` (checked between pages and paragraphs), keeping what was
read ('partial', with the note). A Word file's package is checked again, with limits for parsing it
here (the paper check allows far larger parts, since it never parses them), before python-docx
sees it. pypdf and python-docx are imported inside the function.
"""

from __future__ import annotations

import io
import logging
import re
import time
import warnings
from dataclasses import dataclass

from mqp_desktop.files_in import PARSER_ERRORS, MiB, ZipLimits

MAX_CHARS = 400_000
MAX_PAGES = 500
MAX_SECONDS = 8.0
MAX_PDF_BYTES = 100 * MiB
TEXT_LIMITS = ZipLimits(max_file_bytes=100 * MiB, max_parts=5_000, max_part_bytes=32 * MiB,
                        max_total_bytes=128 * MiB)
"""A Word paper whose text is read here (python-docx parses the main document part whole)."""

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

STATUSES = ("extracted", "partial", "empty", "unsupported", "failed")


@dataclass(frozen=True)
class PaperText:
    status: str
    """'extracted' (all of it), 'partial' (cut short: see the note), 'empty' (no text: a scan?),
    'unsupported' (no text reader for this kind of file), 'failed' (could not be read)."""
    text: str = ""
    note: str = ""


def _tidy(text: str) -> str:
    # Runs of spaces and blank lines from PDF layouts, and NULs, do not help a search.
    text = text.replace("\x00", "")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\n\s*\n+", "\n", text).strip()


def extract_text(file_name: str, media_type: str, content: bytes, *, max_seconds: float = MAX_SECONDS,
                 max_chars: int = MAX_CHARS, max_pages: int = MAX_PAGES) -> PaperText:
    """The searchable text of a file (see the module's notes). Never raises for the file's content."""
    try:
        if media_type == PDF:
            return _pdf(content, max_seconds, max_chars, max_pages)
        if media_type == DOCX:
            return _docx(file_name, content, max_seconds, max_chars)
    except (*PARSER_ERRORS, MemoryError) as exc:  # a parser's failure on a damaged or hostile file
        return PaperText("failed", note=f"its text could not be read ({type(exc).__name__}: {str(exc)[:200]})")
    except Exception as exc:  # noqa: BLE001 - pypdf raises its own classes (PdfReadError and others)
        return PaperText("failed", note=f"its text could not be read ({type(exc).__name__}: {str(exc)[:200]})")
    kind = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else "this kind of"
    return PaperText("unsupported", note=f"the search does not read the text of .{kind} files (only PDF and Word .docx)")


class _Collector:
    def __init__(self, max_seconds: float, max_chars: int):
        self.deadline = time.monotonic() + max_seconds
        self.max_seconds = max_seconds
        self.max_chars = max_chars
        self.parts: list[str] = []
        self.size = 0
        self.stopped = ""

    def add(self, text: str) -> bool:
        """Keep ``text``; False when reading must stop (out of time or room)."""
        if text:
            room = self.max_chars - self.size
            self.parts.append(text[:room])
            self.size += min(len(text), room)
            if self.size >= self.max_chars:
                self.stopped = f"only its first {self.max_chars:,} characters are searched"
                return False
        if time.monotonic() > self.deadline:
            self.stopped = f"reading its text took longer than {self.max_seconds:g} seconds"
            return False
        return True

    def result(self, what: str) -> PaperText:
        text = _tidy("\n".join(self.parts))[:self.max_chars]
        if self.stopped:
            return PaperText("partial", text, f"{self.stopped} ({what})")
        if not text:
            return PaperText("empty", note="it holds no text to search (a scanned image?)")
        return PaperText("extracted", text)


def _pdf(content: bytes, max_seconds: float, max_chars: int, max_pages: int) -> PaperText:
    if len(content) > MAX_PDF_BYTES:
        return PaperText("failed", note=f"it is larger than the {MAX_PDF_BYTES // MiB} MB whose text is read")
    from pypdf import PdfReader

    collector = _Collector(max_seconds, max_chars)
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # pypdf logs each oddity of a damaged file
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(content), strict=False)
            if reader.is_encrypted:
                try:
                    reader.decrypt("")
                except Exception:  # noqa: BLE001 - pypdf's own errors for a password it cannot open
                    return PaperText("failed", note="it needs a password to read")
            pages = reader.pages
            count = len(pages)
            read = 0
            for read, page in enumerate(pages, start=1):
                if read > max_pages:
                    collector.stopped = f"only its first {max_pages} pages are searched"
                    read -= 1
                    break
                if not collector.add(page.extract_text() or ""):
                    break
    finally:
        logger.setLevel(level)
    return collector.result(f"text read from {read} of its {count} pages")


def _docx(file_name: str, content: bytes, max_seconds: float, max_chars: int) -> PaperText:
    from mqp_desktop.files_in import FileInRefused, check_package

    try:
        check_package(content, f"'{file_name}'", limits=TEXT_LIMITS, allow_macros=True)
    except FileInRefused as exc:
        return PaperText("failed", note=f"its text was not read: {exc.problem}")
    import docx

    document = docx.Document(io.BytesIO(content))
    collector = _Collector(max_seconds, max_chars)
    done = True
    for paragraph in document.paragraphs:
        if not collector.add(paragraph.text):
            done = False
            break
    if done:
        for table in document.tables:
            for row in table.rows:
                if not collector.add(" | ".join(cell.text for cell in row.cells)):
                    break
            if collector.stopped:
                break
    return collector.result("text read from its first part")

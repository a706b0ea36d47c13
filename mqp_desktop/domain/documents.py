"""Checking a paper's file before it is taken into the database.

A paper's file must be a PDF, Word, Excel or PowerPoint document, and its
content must be what its name says: the extension is checked *and* the bytes
are sniffed (a PDF starts with ``%PDF-``; .docx/.xlsx/.pptx are zip packages
whose ``[Content_Types].xml`` names the right main part; .doc/.xls/.ppt are
OLE compound files). A Windows program renamed ``.pdf``, an empty file, a
truncated or corrupt one, or an unknown type is refused with a
:class:`FileRefused` naming the file, the problem and what to do.

Plain Python: no Qt, no SQL. ``store.agendas.check_paper_file`` calls
:func:`check_document` and, for a PDF, reads it whole the way the meeting pack
will (``exporters.pack_merge.check_paper_pdf``), before anything is stored.

A house template for the Word agenda is checked by :func:`check_word_template`
instead: a Word document (.docx) or Word template (.dotx) whose package really
is one; macro-enabled files (.docm, .dotm) are refused.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.files_in import (
    MACRO_EXTENSIONS,
    PAPER_LIMITS,
    TEMPLATE_LIMITS,
    FileInRefused,
    Package,
    check_package,
    ole_has_macros,
)

MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
"""No single paper may be larger than this (a sane bound well under SQLite's 1 GB blob limit)."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
}

KIND_WORDS = {
    ".pdf": "a PDF",
    ".docx": "a Word document (.docx)",
    ".xlsx": "an Excel workbook (.xlsx)",
    ".pptx": "a PowerPoint presentation (.pptx)",
    ".doc": "an older Word document (.doc)",
    ".xls": "an older Excel workbook (.xls)",
    ".ppt": "an older PowerPoint presentation (.ppt)",
    "ole": "an older Office document (.doc, .xls or .ppt)",
    "exe": "a Windows program",
    "elf": "a program",
    "zip": "a zip archive",
}

# The family (the extension a paper is accepted under) of each kind of Office package.
_OOXML_FAMILY = {
    ".docx": ".docx", ".docm": ".docx", ".dotx": ".docx", ".dotm": ".docx",
    ".xlsx": ".xlsx", ".xlsm": ".xlsx", ".xltx": ".xlsx", ".xltm": ".xlsx",
    ".pptx": ".pptx", ".pptm": ".pptx", ".ppsx": ".pptx", ".ppsm": ".pptx", ".potx": ".pptx", ".potm": ".pptx",
}
_OOXML_PAPERS = (".docx", ".xlsx", ".pptx")
_MACRO_FIX = {
    ".docx": "a Word Document (.docx)", ".xlsx": "an Excel Workbook (.xlsx)", ".pptx": "a PowerPoint Presentation (.pptx)",
}

ALLOWED_TEXT = "PDF, Word (.docx, .doc), Excel (.xlsx, .xls) or PowerPoint (.pptx, .ppt)"


class FileRefused(ValidationError):
    """A paper's file that cannot be attached; the message names the file and what to do."""

    def __init__(self, message: str):
        super().__init__("file", message)


@dataclass(frozen=True)
class CheckedDocument:
    """A file that passed :func:`check_document`, ready to store."""

    file_name: str
    media_type: str
    content: bytes
    note: str = ""
    """What the full check noticed without refusing the file (a PDF repaired on reading, active content
    the pack leaves out), for the officer; '' when nothing."""

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def sniff(content: bytes) -> str:
    """What the bytes are: an extension ('.pdf', '.docx' …), 'ole', 'exe', 'elf', 'zip' or ''."""
    head = content[:1024].lstrip(b"\xef\xbb\xbf\r\n\t ")
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if content.startswith(OLE_MAGIC):
        return "ole"
    if content.startswith(b"MZ"):
        return "exe"
    if content.startswith(b"\x7fELF"):
        return "elf"
    if content.startswith(b"PK\x03\x04"):
        try:
            package = check_package(content, "the file", limits=PAPER_LIMITS, allow_macros=True)
        except FileInRefused:
            return "zip"
        return _OOXML_FAMILY.get(package.kind, "zip")
    return ""


def _human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def _macros_refused(name: str, what: str, family: str) -> FileRefused:
    fix = _MACRO_FIX.get(family, "a document without macros")
    return FileRefused(f"'{name}' {what}: a paper may not hold macros, which can run programs on the computer of "
                       f"everyone who opens the pack. Ask the author to save it as {fix} or as PDF, and attach that.")


def _paper_package(name: str, ext: str, content: bytes, max_bytes: int) -> Package:
    """The package checks (zip bombs, DTDs, macros) with a paper's wording; raise FileRefused."""
    limits = dataclasses.replace(PAPER_LIMITS, max_file_bytes=max(max_bytes, len(content)))
    try:
        return check_package(content, name, limits=limits, what=KIND_WORDS.get(ext, "an Office document"),
                             remedy="Ask the author to send it again, saved from Office or as PDF.")
    except FileInRefused as exc:
        if exc.reason == "macros":
            held = exc.problem.split(" holds ", 1)[-1].split(". Macros", 1)[0] if " holds " in exc.problem else \
                "macros (it is macro-enabled under another name)"
            raise _macros_refused(name, f"holds {held}", _OOXML_FAMILY.get(ext, ext)) from None
        raise FileRefused(str(exc)) from None


def check_document(file_name: str, content: bytes, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> CheckedDocument:
    """Check a paper's file by its name and its content; raise :class:`FileRefused` if it is not fit.

    An Office package also passes :func:`mqp_desktop.files_in.check_package` (zip bombs, DTDs,
    macros) and has every part's checksum verified; an old Word or Excel file with a VBA
    project is refused too.
    """
    name = file_name.strip() or "the file"
    ext = _suffix(name)
    if not content:
        raise FileRefused(f"'{name}' is empty (0 bytes): ask the author to send the paper again.")
    if len(content) > max_bytes:
        raise FileRefused(
            f"'{name}' is {_human_size(len(content))}, more than the {_human_size(max_bytes)} a paper may be: "
            "ask the author for a smaller file (e.g. a PDF with compressed images)."
        )
    if ext in MACRO_EXTENSIONS:
        raise _macros_refused(name, f"is {MACRO_EXTENSIONS[ext]}", _OOXML_FAMILY.get(ext, ext))
    if ext not in MEDIA_TYPES:
        what = f"a '{ext}' file" if ext else "a file without an extension"
        raise FileRefused(f"'{name}' is {what}: a paper must be {ALLOWED_TEXT}. Save it in one of those and attach that.")
    if content.startswith(b"PK\x03\x04") and ext in _OOXML_PAPERS:
        actual = _OOXML_FAMILY.get(_paper_package(name, ext, content, max_bytes).kind, "zip")
    else:
        actual = sniff(content)
    if actual in ("exe", "elf"):
        raise FileRefused(
            f"'{name}' is not {KIND_WORDS[ext]}: its content is {KIND_WORDS[actual]}, renamed. It was refused; "
            "do not open it. Ask the author to send the paper again as PDF or Word."
        )
    expected = "ole" if ext in (".doc", ".xls", ".ppt") else ext
    if actual != expected:
        found = KIND_WORDS.get(actual, "not a document this program recognises")
        hint = (f" If it really is {KIND_WORDS[actual]}, rename it to match." if actual in MEDIA_TYPES
                else " The file may be damaged or only partly downloaded: ask the author to send it again.")
        raise FileRefused(f"'{name}' is named as {KIND_WORDS[ext]} but its content is {found}.{hint}")
    if ext == ".pdf" and b"%%EOF" not in content[-2048:]:
        raise FileRefused(
            f"'{name}' is a PDF that ends early (no end-of-file marker): it is damaged or only partly "
            "downloaded. Ask the author to send it again."
        )
    if ext in _OOXML_PAPERS:
        if _damaged_part(content) is not None:
            raise FileRefused(
                f"'{name}' is a damaged {KIND_WORDS[ext]}: part of it cannot be read. Ask the author to send it again."
            )
    if expected == "ole" and ole_has_macros(content):
        raise _macros_refused(name, f"is {KIND_WORDS[ext]} holding macros (a VBA project)", ext)
    return CheckedDocument(file_name=name, media_type=MEDIA_TYPES[ext], content=content)


def _damaged_part(content: bytes) -> str | None:
    """The first part whose bytes do not unpack to its checksum ('?' if the zip cannot be read), or None.

    Run only after :func:`check_package`, whose limits bound the unpacking."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            return z.testzip()
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, EOFError, zlib.error, NotImplementedError):
        return "?"


WORD_TEMPLATE_MEDIA_TYPES = {
    ".docx": MEDIA_TYPES[".docx"],
    ".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
}
_WORD_TEMPLATE_FIX = "Save it in Word as a Word Document (.docx) or Word Template (.dotx) and choose that."


def check_word_template(file_name: str, content: bytes, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> CheckedDocument:
    """Check a house template for the Word agenda; raise :class:`FileRefused` if it is not fit.

    It must be named .docx or .dotx and be a Word package (a zip whose
    ``[Content_Types].xml`` names a Word document's or template's main part),
    without macros, not empty and not larger than ``max_bytes``.
    """
    name = file_name.strip() or "the file"
    ext = _suffix(name)
    if ext in (".docm", ".dotm"):
        raise FileRefused(f"'{name}' is a Word file with macros ({ext}): a house template may not hold macros. "
                          + _WORD_TEMPLATE_FIX)
    if ext not in WORD_TEMPLATE_MEDIA_TYPES:
        what = f"a '{ext}' file" if ext else "a file without an extension"
        raise FileRefused(f"'{name}' is {what}: a house template must be a Word document (.docx) or Word template "
                          f"(.dotx). {_WORD_TEMPLATE_FIX}")
    if not content:
        raise FileRefused(f"'{name}' is empty (0 bytes): choose the house template's file again.")
    if len(content) > max_bytes:
        raise FileRefused(
            f"'{name}' is {_human_size(len(content))}, more than the {_human_size(max_bytes)} a house template may be: "
            "use a smaller logo picture in it (Word: Compress Pictures) and choose it again."
        )
    actual = sniff(content) if not content.startswith(b"PK\x03\x04") else "zip"
    if actual in ("exe", "elf"):
        raise FileRefused(
            f"'{name}' is not a Word file: its content is {KIND_WORDS[actual]}, renamed. It was refused; do not "
            "open it. Choose the house template saved from Word."
        )
    package = _template_package(name, content, max_bytes, actual)
    if package.kind not in (".docx", ".dotx"):
        found = KIND_WORDS.get(_OOXML_FAMILY.get(package.kind, ""), "a zip archive")
        raise FileRefused(f"'{name}' is named as a Word file but its content is {found}, not a Word document or "
                          f"template. {_WORD_TEMPLATE_FIX}")
    if _damaged_part(content) is not None:
        raise FileRefused(f"'{name}' is a damaged Word file: part of it cannot be read. Save it again from "
                          "Word and choose the new copy.")
    return CheckedDocument(file_name=name, media_type=WORD_TEMPLATE_MEDIA_TYPES[ext], content=content)


def _template_package(name: str, content: bytes, max_bytes: int, actual: str) -> Package:
    """The package checks with a house template's wording; raise FileRefused."""
    limits = dataclasses.replace(TEMPLATE_LIMITS, max_file_bytes=max(max_bytes, len(content)))
    try:
        return check_package(content, name, limits=limits, what="a Word document (.docx) or template (.dotx)",
                             remedy=_WORD_TEMPLATE_FIX)
    except FileInRefused as exc:
        if exc.reason == "macros":
            raise FileRefused(f"'{name}' is a Word file with macros (saved as .docm or .dotm, or holding a macro "
                              f"project): a house template may not hold macros. {_WORD_TEMPLATE_FIX}") from None
        if exc.reason == "damaged_part":
            raise FileRefused(f"'{name}' is a damaged Word file: part of it cannot be read. Save it again from "
                              "Word and choose the new copy.") from None
        if exc.reason in ("not_zip", "damaged"):
            found = KIND_WORDS.get(actual, "not a document this program recognises")
            raise FileRefused(f"'{name}' is named as a Word file but its content is {found}: it may be damaged or "
                              f"only partly copied. {_WORD_TEMPLATE_FIX}") from None
        if exc.reason == "not_office":
            raise FileRefused(f"'{name}' is named as a Word file but its content is a zip archive, not a Word "
                              f"document or template. {_WORD_TEMPLATE_FIX}") from None
        raise FileRefused(str(exc)) from None


@dataclass(frozen=True)
class DocumentInfo:
    """A stored file, without its bytes. Documents are immutable: an id always means the same bytes."""

    id: int
    sha256: str
    file_name: str
    media_type: str
    size: int
    added_at: str

    @property
    def extension(self) -> str:
        return _suffix(self.file_name)


@dataclass(frozen=True)
class Document:
    info: DocumentInfo
    content: bytes


# --- an email kept as correspondence (a receiving chair's answer, ToR 8) ------------------------------

EMAIL_MEDIA_TYPES = {".eml": "message/rfc822", ".msg": "application/vnd.ms-outlook"}
MAX_EMAIL_BYTES = 50 * 1024 * 1024
"""An email saved with its attachments may be large, but not larger than this."""
_EMAIL_HEADERS = ("from", "to", "date", "subject")


def check_email_file(file_name: str, content: bytes, *, max_bytes: int = MAX_EMAIL_BYTES) -> CheckedDocument:
    """Check an email saved from a mail program: ``.eml`` (the message as sent, RFC 5322) or Outlook's ``.msg``.

    Refused with :class:`FileRefused`: an empty or oversized file, a program or another kind of document
    renamed, an .eml that is not a message (binary, or no From, To, Date or Subject header), a .msg that is
    not an Outlook message file. The bytes are stored as they are; nothing in them is run or opened."""
    import email.parser
    import email.policy

    name = file_name.strip() or "the file"
    ext = _suffix(name)
    if ext not in EMAIL_MEDIA_TYPES:
        raise FileRefused(f"'{name}' is not an email saved from a mail program (.eml or .msg).")
    if not content:
        raise FileRefused(f"'{name}' is empty (0 bytes): save the email again from the mail program.")
    if len(content) > max_bytes:
        raise FileRefused(f"'{name}' is {_human_size(len(content))}, more than the {_human_size(max_bytes)} an email "
                          "may be: save it without its attachments, or save the letter it carries as PDF.")
    actual = sniff(content)
    if actual in ("exe", "elf"):
        raise FileRefused(f"'{name}' is not an email: its content is {KIND_WORDS[actual]}, renamed. It was refused; "
                          "do not open it.")
    if ext == ".msg":
        if actual != "ole":
            found = KIND_WORDS.get(actual, "not an Outlook message")
            raise FileRefused(f"'{name}' is named as an Outlook message (.msg) but its content is {found}: save the "
                              "email again from Outlook (File > Save As).")
        return CheckedDocument(file_name=name, media_type=EMAIL_MEDIA_TYPES[ext], content=content)
    if actual:
        raise FileRefused(f"'{name}' is named as an email (.eml) but its content is "
                          f"{KIND_WORDS.get(actual, 'another kind of file')}: attach that file under its own name.")
    head_end = content.find(b"\r\n\r\n")
    head_end = content.find(b"\n\n") if head_end < 0 else head_end
    head = content[: head_end if head_end >= 0 else 64 * 1024][: 256 * 1024]
    if b"\x00" in head:
        raise FileRefused(f"'{name}' is not an email: its start is binary data, not a message's headers. Save the "
                          "email again from the mail program.")
    try:
        message = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(head)
    except (ValueError, TypeError, LookupError, UnicodeError) as exc:
        raise FileRefused(f"'{name}' is not an email that can be read ({exc}): save it again from the mail "
                          "program.") from None
    if not any(message.get(h) for h in _EMAIL_HEADERS):
        raise FileRefused(f"'{name}' is not an email: it has none of the headers a message has (From, To, Date, "
                          "Subject). Save the email again from the mail program (Save As, .eml).")
    return CheckedDocument(file_name=name, media_type=EMAIL_MEDIA_TYPES[ext], content=content)

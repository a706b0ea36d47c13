"""Files coming in: the one guarded entrance for Office packages and text files.

Every zip-based Office file the program reads — a register or framework
spreadsheet, an agency's Section 11 workbook, a house template, a paper — goes
through :func:`check_package` before any parser sees it; every CSV or text file
goes through :func:`decode_text`. Both refuse with :class:`FileInRefused`
(``problem``, ``remedy`` and a ``reason`` code), naming the file.

:func:`check_package` works from the zip's own directory, before anything is
unpacked, and refuses:

* a file larger than the use allows, or empty, or not a zip at all;
* more parts than any real Office file has (counted from the end-of-directory
  record, before the directory is read), a part that unpacks to more than the
  limit, a total that does, or a part packed far tighter than Office packs
  (a *zip bomb*);
* parts that overlap one another (the "non-recursive zip bomb" trick), two
  parts of the same name (case-insensitively: Office part names are), absurd
  part names (very long, very deep, a NUL), parts protected by a zip password
  or packed with a method Office never writes;
* an XML part that starts with a DTD (``<!DOCTYPE``): Office never writes one
  (the packaging standard forbids it), and it is how *entity bombs* and
  external-entity attacks work;
* a package without ``[Content_Types].xml`` (a plain zip archive);
* **macros**: a VBA project (``vbaProject.bin``), a macro-enabled content type
  or Excel 4 macro sheets, whatever the file is called, and the macro-enabled
  extensions (.docm, .xlsm, .pptm, .dotm …).

Python's ``zipfile`` never unpacks more than a part's declared size, so once
the declared sizes pass, the parsers' work is bounded too. The limits are
:class:`ZipLimits`, one set per use (:data:`IMPORT_LIMITS`,
:data:`TEMPLATE_LIMITS`, :data:`PAPER_LIMITS`).

:func:`decode_text` reads text honestly: UTF-8 (with or without a BOM) and
UTF-16/UTF-32 with a BOM exactly; a file that is UTF-8 except for a stray byte
is refused, naming the line and byte (it is never silently read as Windows
text, which would garble every accented name); any other file's encoding is
guessed with ``charset-normalizer`` among the encodings spreadsheets write,
and the result says it was a guess (the import preview shows it, with the
lines that hold accented letters, and lets the officer choose another).

Plain Python, no Qt and no SQL, so that every layer can use it (the paper
check in ``domain.documents`` is called by the store). ``defusedxml`` and
``charset_normalizer`` are imported inside the functions that need them.
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

KiB = 1024
MiB = 1024 * KiB


class FileInRefused(Exception):
    """A file that is not read: ``problem`` names the file and what is wrong, ``remedy`` what to do.

    ``reason`` is a short code (:data:`REASONS`) for callers that word their own remedy.
    """

    def __init__(self, reason: str, problem: str, remedy: str = ""):
        self.reason = reason
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem} {remedy}".strip())

    def __str__(self) -> str:
        return f"{self.problem} {self.remedy}".strip()


REASONS = (
    "empty", "too_large", "not_zip", "damaged", "damaged_part", "too_many_parts", "part_too_large", "total_too_large",
    "packed_too_tight", "overlapping_parts", "duplicate_parts", "odd_part_name", "zip_password",
    "odd_compression", "dtd", "not_office", "macros", "wrong_kind",
    "not_text", "stray_bytes", "wrong_encoding", "text_too_large", "sheet_too_wide", "sheet_too_long",
    "table_too_big",
)


# --- limits --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ZipLimits:
    """How big an Office package may be, for one use. Sizes are bytes."""

    max_file_bytes: int
    max_parts: int
    max_part_bytes: int
    """Unpacked size of any one part."""
    max_total_bytes: int
    """Unpacked size of all the parts together."""
    max_ratio: int = 100
    """Unpacked/packed size of a part larger than ``ratio_floor`` (Office's XML packs 5-20 to 1)."""
    ratio_floor: int = 1 * MiB
    max_name_length: int = 512
    max_depth: int = 16
    max_prolog_bytes: int = 64 * KiB
    """How far into an XML part its prolog may run before the root element (comments, PIs)."""


IMPORT_LIMITS = ZipLimits(max_file_bytes=10 * MiB, max_parts=1_000, max_part_bytes=8 * MiB,
                          max_total_bytes=32 * MiB)
"""Spreadsheets imported (register, Section 11 workbooks, frameworks): real ones are well under 1 MB
(a 10,000-row register's sheet is about 4 MB of XML). At these limits the worst file found (8 MB
of varied styles, or one row of 200,000 cells) costs openpyxl about 200 MB and a few seconds."""

TEMPLATE_LIMITS = ZipLimits(max_file_bytes=50 * MiB, max_parts=2_000, max_part_bytes=32 * MiB,
                            max_total_bytes=128 * MiB)
"""A house template (python-docx loads every part): its styles, header, footer and logo."""

PAPER_LIMITS = ZipLimits(max_file_bytes=200 * MiB, max_parts=20_000, max_part_bytes=512 * MiB,
                         max_total_bytes=1024 * MiB)
"""A paper attached to an agenda item (checked whole, converted by LibreOffice, never parsed here)."""

MAX_CONTENT_TYPES_BYTES = 1 * MiB


PARSER_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, KeyError, ValueError, TypeError, IndexError, AttributeError, SyntaxError,
    EOFError, OSError, OverflowError, AssertionError, NotImplementedError, RecursionError, struct.error,
)
"""What a parser (openpyxl, python-docx, lxml, the zip layer) raises on a damaged or hostile file
after the package checks passed: the readers turn these into "damaged" messages. (Unicode and
defusedxml errors are ValueErrors; lxml's and ElementTree's parse errors are SyntaxErrors.)"""


def human_size(n: int) -> str:
    if n >= MiB:
        return f"{n / MiB:.1f} MB"
    return f"{max(1, n // KiB)} KB" if n >= KiB else f"{n} bytes"


# --- what an Office package is -------------------------------------------------------------------
_OXML = "application/vnd.openxmlformats-officedocument."
MAIN_TYPES: dict[str, str] = {
    _OXML + "wordprocessingml.document.main+xml": ".docx",
    _OXML + "wordprocessingml.template.main+xml": ".dotx",
    "application/vnd.ms-word.document.macroEnabled.main+xml": ".docm",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": ".dotm",
    _OXML + "spreadsheetml.sheet.main+xml": ".xlsx",
    _OXML + "spreadsheetml.template.main+xml": ".xltx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": ".xlsm",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": ".xltm",
    "application/vnd.ms-excel.addin.macroEnabled.main+xml": ".xlam",
    "application/vnd.ms-excel.sheet.binary.macroEnabled.main": ".xlsb",
    _OXML + "presentationml.presentation.main+xml": ".pptx",
    _OXML + "presentationml.slideshow.main+xml": ".ppsx",
    _OXML + "presentationml.template.main+xml": ".potx",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": ".pptm",
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": ".ppsm",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": ".potm",
    "application/vnd.ms-powerpoint.addin.macroEnabled.main+xml": ".ppam",
}

MACRO_EXTENSIONS = {
    ".docm": "a macro-enabled Word document (.docm)",
    ".dotm": "a macro-enabled Word template (.dotm)",
    ".xlsm": "a macro-enabled Excel workbook (.xlsm)",
    ".xltm": "a macro-enabled Excel template (.xltm)",
    ".xlam": "an Excel add-in (.xlam)",
    ".xlsb": "an Excel binary workbook (.xlsb), which may hold macros",
    ".pptm": "a macro-enabled PowerPoint presentation (.pptm)",
    ".ppsm": "a macro-enabled PowerPoint show (.ppsm)",
    ".potm": "a macro-enabled PowerPoint template (.potm)",
    ".ppam": "a PowerPoint add-in (.ppam)",
    ".sldm": "a macro-enabled PowerPoint slide (.sldm)",
}

KIND_WORDS = {
    ".docx": "a Word document (.docx)",
    ".dotx": "a Word template (.dotx)",
    ".xlsx": "an Excel workbook (.xlsx)",
    ".xltx": "an Excel template (.xltx)",
    ".pptx": "a PowerPoint presentation (.pptx)",
    ".ppsx": "a PowerPoint show (.ppsx)",
    ".potx": "a PowerPoint template (.potx)",
    **MACRO_EXTENSIONS,
}

# Part names (lower case) that hold or sign macros, and content types that mark them.
_MACRO_PART_ENDS = ("vbaproject.bin", "vbaprojectsignature.bin", "vbaprojectsignatureagile.bin", "vbadata.xml")
_MACRO_PART_DIRS = ("xl/macrosheets/",)
_MACRO_TYPE_WORDS = ("vbaproject", "macroenabled", "macrosheet", "ms-office.vbadata")
_XML_PART_ENDS = (".xml", ".rels", ".vml")
_ZIP_MAGIC = b"PK\x03\x04"


def suffix_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


@dataclass(frozen=True)
class Package:
    """An Office package that passed :func:`check_package`."""

    name: str
    kind: str
    """The main part's kind as an extension ('.xlsx', '.docx' …), or '' when none is named."""
    parts: tuple[str, ...]
    unpacked_bytes: int
    content_types: dict[str, str] = field(default_factory=dict)
    """Part name or '*.ext' -> content type, from [Content_Types].xml."""


def _refuse(reason: str, problem: str, remedy: str) -> FileInRefused:
    return FileInRefused(reason, problem, remedy)


def check_package(
    data: bytes,
    name: str,
    *,
    limits: ZipLimits = IMPORT_LIMITS,
    what: str = "an Office file",
    remedy: str = "",
    allow_macros: bool = False,
) -> Package:
    """Check an Office package's bytes before any parser reads them; raise :class:`FileInRefused`.

    ``name`` is the file's name (for the messages and the macro-enabled
    extensions); ``what`` says what it should be ("an Excel workbook (.xlsx)");
    ``remedy`` replaces the generic advice.
    """
    q = f"'{name}'"
    fix = remedy or (f"Open it in the program that made it and save it again as {what}; if you did not expect "
                     "this file, do not open it.")
    ext = suffix_of(name)
    if ext in MACRO_EXTENSIONS and not allow_macros:
        raise _refuse("macros", f"{q} is {MACRO_EXTENSIONS[ext]}: macros can run programs on the computer of "
                                "whoever opens the file, so this program does not take macro-enabled files.", fix)
    if not data:
        raise _refuse("empty", f"{q} is empty (0 bytes).", fix)
    if len(data) > limits.max_file_bytes:
        raise _refuse("too_large", f"{q} is {human_size(len(data))}, more than the {human_size(limits.max_file_bytes)} "
                                   f"this program reads as {what}.", fix)
    if not data.startswith(_ZIP_MAGIC):
        raise _refuse("not_zip", f"{q} is not {what}: its content is not an Office package.", fix)
    damaged = f"{q} is not a valid {_short(what)}: it is damaged or only partly copied"
    declared = _declared_parts(data)
    if declared is None:
        raise _refuse("damaged", f"{damaged} (its list of parts is missing).", fix)
    if declared > limits.max_parts:
        raise _refuse("too_many_parts", f"{q} holds {declared:,} parts, more than any real {_short(what)} "
                                        f"({limits.max_parts:,} at most): it was built to harm (a 'zip bomb') or is "
                                        "damaged, so it was not read.", fix)
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
            struct.error, RuntimeError) as exc:
        raise _refuse("damaged", f"{damaged} ({_plain_error(exc)}).", fix) from None
    with z:
        infos = z.infolist()
        _check_parts(z, data, infos, q, damaged, limits, fix, _short(what))
        for info in infos:
            if info.filename.lower().endswith(_XML_PART_ENDS) and info.file_size:
                _check_xml_prolog(z, info, q, damaged, limits, fix)
        types = _content_types(z, q, damaged, what, fix)
    parts = tuple(i.filename for i in infos)
    if not allow_macros:
        _check_macros(parts, types, q, fix)
    kinds = {MAIN_TYPES[t] for t in types.values() if t in MAIN_TYPES}
    if len(kinds) > 1:
        raise _refuse("damaged", f"{damaged} (it claims to be {' and '.join(sorted(kinds))} at once).", fix)
    kind = kinds.pop() if kinds else ""
    if kind in MACRO_EXTENSIONS and not allow_macros:
        raise _refuse("macros", f"{q} is {MACRO_EXTENSIONS[kind]} under another name: macros can run programs on "
                                "the computer of whoever opens the file, so this program does not take it.", fix)
    return Package(name=name, kind=kind, parts=parts, unpacked_bytes=sum(i.file_size for i in infos),
                   content_types=types)


def _short(what: str) -> str:
    """'an Excel workbook (.xlsx)' -> 'Excel workbook (.xlsx)'."""
    for article in ("an ", "a "):
        if what.startswith(article):
            return what[len(article):]
    return what


def _plain_error(exc: BaseException) -> str:
    text = str(exc).strip().rstrip(".")
    return f"{exc.__class__.__name__}: {text[:120]}" if text else exc.__class__.__name__


def _declared_parts(data: bytes) -> int | None:
    """The number of parts the end-of-directory record declares (ZIP64 too), or None if there is none."""
    pos = data.rfind(b"PK\x05\x06", max(0, len(data) - (22 + 65535)))
    if pos < 0 or len(data) < pos + 22:
        return None
    count, cd_size, cd_offset = struct.unpack("<HLL", data[pos + 10:pos + 20])
    if count == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        locator = pos - 20
        if locator >= 0 and data[locator:locator + 4] == b"PK\x06\x07":
            (offset,) = struct.unpack("<Q", data[locator + 8:locator + 16])
            if data[offset:offset + 4] == b"PK\x06\x06" and len(data) >= offset + 40:
                (count,) = struct.unpack("<Q", data[offset + 32:offset + 40])
    return count


def _check_parts(z: zipfile.ZipFile, data: bytes, infos: list[zipfile.ZipInfo], q: str, damaged: str,
                 limits: ZipLimits, fix: str, short: str) -> None:
    if len(infos) > limits.max_parts:
        raise _refuse("too_many_parts", f"{q} holds {len(infos):,} parts, more than any real {short} "
                                        f"({limits.max_parts:,} at most), so it was not read.", fix)
    seen: dict[str, str] = {}
    total = 0
    bomb = "it was built to harm (a 'zip bomb') or is damaged, so it was not read"
    for info in infos:
        part = info.filename
        shown = repr(part[:80])
        if len(part) > limits.max_name_length or "\x00" in part or part.count("/") > limits.max_depth:
            raise _refuse("odd_part_name", f"{q} holds a part with an absurd name ({shown}): no Office program "
                                           "writes one, so it was not read.", fix)
        key = part.lower()
        if key in seen:
            raise _refuse("duplicate_parts", f"{q} holds two parts named {shown}: a reader could take either, so "
                                             "it was not read.", fix)
        seen[key] = part
        if info.flag_bits & 0x1:
            raise _refuse("zip_password", f"{q} has parts locked with a zip password ({shown}): Office never does "
                                          f"that, so it is not a real {short}.", fix)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse("odd_compression", f"{q} packs a part ({shown}) in a way Office never does (method "
                                             f"{info.compress_type}), so it was not read.", fix)
        if info.file_size > limits.max_part_bytes:
            raise _refuse("part_too_large", f"{q} holds a part ({shown}) that unpacks to "
                                            f"{human_size(info.file_size)}, more than the "
                                            f"{human_size(limits.max_part_bytes)} allowed: {bomb}.", fix)
        if info.file_size > limits.ratio_floor and (
                info.compress_size == 0 or info.file_size > limits.max_ratio * info.compress_size):
            ratio = info.file_size // max(1, info.compress_size)
            raise _refuse("packed_too_tight", f"{q} holds a part ({shown}) packed {ratio:,} to 1, far tighter than "
                                              f"Office packs (at most {limits.max_ratio} to 1): {bomb}.", fix)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise _refuse("total_too_large", f"{q} unpacks to more than {human_size(limits.max_total_bytes)}, more "
                                             f"than any real {short}: {bomb}.", fix)
    # Each part's bytes must lie after the previous part's: parts sharing bytes are how a small
    # file unpacks to gigabytes without nesting.
    end_of_previous = 0
    directory_start = getattr(z, "start_dir", len(data))
    for info in sorted(infos, key=lambda i: i.header_offset):
        start = info.header_offset
        header = data[start:start + 30]
        if len(header) < 30 or not header.startswith(_ZIP_MAGIC):
            raise _refuse("damaged", f"{damaged} (the part {info.filename[:80]!r} is missing).", fix)
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        end = start + 30 + name_len + extra_len + info.compress_size
        if start < end_of_previous:
            raise _refuse("overlapping_parts", f"{q} has parts that share their bytes with each other, a trick of "
                                               f"'zip bombs': {bomb}.", fix)
        if end > directory_start:
            raise _refuse("damaged", f"{damaged} (the part {info.filename[:80]!r} is cut short).", fix)
        end_of_previous = end


_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)


def _check_xml_prolog(z: zipfile.ZipFile, info: zipfile.ZipInfo, q: str, damaged: str, limits: ZipLimits,
                      fix: str) -> None:
    """Refuse an XML part whose prolog holds a DTD; read only as far as its root element."""
    head = b""
    try:
        with z.open(info) as f:
            while len(head) < limits.max_prolog_bytes:
                chunk = f.read(4 * KiB)
                if not chunk:
                    break
                head += chunk
                verdict = _prolog_verdict(head)
                if verdict != "more":
                    break
            else:
                verdict = "long"
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
            struct.error) as exc:
        raise _refuse("damaged_part", f"{damaged} (the part {info.filename[:80]!r}: {_plain_error(exc)}).",
                      fix) from None
    if verdict == "more" and len(head) < info.file_size:
        verdict = "long"
    if verdict == "dtd":
        raise _refuse("dtd", f"{q} has a part ({info.filename[:80]!r}) that starts with a DTD (<!DOCTYPE …>). Office "
                             "never writes one; it is how 'entity bombs' and external-entity attacks work, so the "
                             "file was not read.", fix)
    if verdict == "long":
        raise _refuse("damaged", f"{damaged} (the part {info.filename[:80]!r} does not start like XML).", fix)


_XML_ENCODINGS = (
    (b"\x00\x00\xfe\xff", "utf-32-be-bom", 4), (b"\xff\xfe\x00\x00", "utf-32-le-bom", 4),
    (b"\x00\x00\x00<", "utf-32-be", 4), (b"<\x00\x00\x00", "utf-32-le", 4),
    (b"\xfe\xff", "utf-16-be-bom", 2), (b"\xff\xfe", "utf-16-le-bom", 2),
    (b"\x00<\x00", "utf-16-be", 2), (b"<\x00", "utf-16-le", 2),
)


def _prolog_verdict(head: bytes) -> str:
    """'ok' (the root element starts), 'dtd', 'more' (read on) or 'ok' for content that is not XML."""
    # The encoding as XML itself detects it (XML 1.0, appendix F): a parser that reads UTF-16 or
    # UTF-32 would find a DTD that a byte-wise look would miss.
    for starts, codec, unit in _XML_ENCODINGS:
        if head.startswith(starts):
            body = head[len(starts) if codec.endswith("-bom") else 0:]
            codec = codec.removesuffix("-bom")
            text = body[:len(body) - len(body) % unit].decode(codec, "replace")
            break
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    pos = 0
    while True:
        m = _PROLOG.match(text, pos)
        if m is None:
            break
        pos = m.end()
    rest = text[pos:].lstrip()
    if not rest:
        return "more"
    if rest.startswith("<!"):
        if "<!--".startswith(rest[:4]) and len(rest) < 4:
            return "more"
        if rest.startswith("<!--"):
            return "more"  # an unfinished comment
        return "dtd"
    if rest.startswith("<?"):
        return "more"  # an unfinished processing instruction
    return "ok"


def _content_types(z: zipfile.ZipFile, q: str, damaged: str, what: str, fix: str) -> dict[str, str]:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    info = next((i for i in z.infolist() if i.filename.lower() == "[content_types].xml"), None)
    if info is None:
        raise _refuse("not_office", f"{q} is a zip archive, not {what} (it has no [Content_Types].xml).", fix)
    if info.file_size > MAX_CONTENT_TYPES_BYTES:
        raise _refuse("part_too_large", f"{damaged} (its list of content types is {human_size(info.file_size)}).", fix)
    try:
        root = fromstring(z.read(info), forbid_dtd=True)
    except (DefusedXmlException, ParseError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            RuntimeError) as exc:
        raise _refuse("damaged", f"{damaged} (its list of content types cannot be read: {_plain_error(exc)}).",
                      fix) from None
    types: dict[str, str] = {}
    for el in root:
        tag = el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""
        content_type = str(el.get("ContentType", ""))
        if tag == "Override" and el.get("PartName"):
            types[str(el.get("PartName")).lstrip("/").lower()] = content_type
        elif tag == "Default" and el.get("Extension"):
            types["*." + str(el.get("Extension")).lower()] = content_type
    return types


def _check_macros(parts: tuple[str, ...], types: dict[str, str], q: str, fix: str) -> None:
    found = next((p for p in parts if p.lower().endswith(_MACRO_PART_ENDS)
                  or p.lower().startswith(_MACRO_PART_DIRS)), None)
    why = ""
    if found is not None:
        why = f"a macro project ({found.rsplit('/', 1)[-1]})" if "vba" in found.lower() else \
            f"Excel 4 macro sheets ({found[:60]})"
    else:
        marked = next((t for t in types.values() if any(w in t.lower() for w in _MACRO_TYPE_WORDS)), None)
        if marked is not None:
            why = f"macros (its content types name {marked[:90]})"
    if why:
        raise _refuse("macros", f"{q} holds {why}. Macros can run programs on the computer of whoever opens the "
                                "file, so this program does not take files with macros.", fix)


# --- the old Office formats (.doc, .xls) ----------------------------------------------------------
def ole_has_macros(content: bytes) -> bool:
    """Whether an OLE compound file (.doc, .xls) holds a VBA project (a directory entry named
    ``_VBA_PROJECT`` or ``_VBA_PROJECT_CUR``). PowerPoint 97-2003 keeps its macros inside
    its own stream, which this does not look into."""
    for stream in ("_VBA_PROJECT", "_VBA_PROJECT_CUR"):
        needle = stream.encode("utf-16-le") + b"\x00\x00"
        start = 0
        while (pos := content.find(needle, start)) >= 0:
            start = pos + 1
            # A directory entry is 128 bytes, aligned, with the name's length (bytes, with its NUL) at 64.
            if pos % 128 == 0 and content[pos + 64:pos + 66] == struct.pack("<H", len(needle)):
                return True
    return False


# --- text files ------------------------------------------------------------------------------------
MAX_TEXT_BYTES = 20 * MiB

ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with a byte order mark)",
    "utf-16": "UTF-16 (with a byte order mark)",
    "utf-32": "UTF-32 (with a byte order mark)",
    "cp1252": "Windows-1252 (Western European)",
    "mac-roman": "Mac Roman (an older Excel for Mac)",
    "iso8859-15": "ISO-8859-15 (Western European with €)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1257": "Windows-1257 (Baltic)",
    "cp850": "DOS Latin 1 (code page 850)",
}
"""The encodings offered when the officer chooses one, by Python codec name."""

# The single-byte encodings a spreadsheet saves "CSV" in, most likely first for an English
# partnership: Excel on Windows, then Excel for Mac, then the rest.
_GUESSED = ("cp1252", "mac-roman", "iso8859-15", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "cp850")
# A well-formed UTF-8 sequence of two or more bytes.
_UTF8_MULTI = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                         rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                         rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")


@dataclass(frozen=True)
class DecodedText:
    """A text file's content and how it was read."""

    text: str
    encoding: str
    """Python's codec name ('utf-8', 'cp1252' …): give it back to :func:`decode_text` to read the same way."""
    guessed: bool = False
    """The encoding was guessed (not UTF-8, no byte order mark): the officer should check the names."""
    accented_lines: tuple[tuple[int, str], ...] = ()
    """For a guess: the first lines (number, text) with letters outside plain ASCII, to check."""

    @property
    def label(self) -> str:
        words = encoding_label(self.encoding)
        return f"{words}, guessed" if self.guessed else words


def encoding_label(encoding: str) -> str:
    key = codecs.lookup(encoding).name if _known_codec(encoding) else encoding
    return ENCODING_LABELS.get(key, ENCODING_LABELS.get(encoding, encoding.upper()))


def _known_codec(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    before = data[max(line_start, offset - 30):offset].decode("utf-8", "replace")
    after = data[offset + 1:offset + 20].split(b"\n", 1)[0].decode("utf-8", "replace")
    return (f"line {line}, byte {offset + 1:,} of the file (0x{data[offset]:02X}, shown as ?: "
            f"'{before}?{after}')")


def decode_text(data: bytes, name: str, *, encoding: str | None = None, what: str = "a text file",
                remedy: str = "", max_bytes: int = MAX_TEXT_BYTES) -> DecodedText:
    """Read ``data`` as text; raise :class:`FileInRefused` when it cannot be read honestly.

    ``encoding`` (a codec name) reads the file that way, refusing it if it does not
    decode; otherwise: a byte order mark decides, then UTF-8, then a guess. A file
    that is UTF-8 apart from a few stray bytes is refused, naming the first one.
    """
    q = f"'{name}'"
    fix = remedy or "Open it in Excel and save it again as 'CSV UTF-8 (Comma delimited)'."
    if len(data) > max_bytes:
        raise _refuse("text_too_large", f"{q} is {human_size(len(data))}, more than the {human_size(max_bytes)} "
                                        f"this program reads as {what}.", fix)
    if encoding:
        return _decode_as(data, encoding, q, fix)
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _decode_as(data, codec, q, fix)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        return _checked(DecodedText(text, "utf-8"), data, q, fix)
    valid = len(_UTF8_MULTI.findall(data))
    stray = _count_stray_utf8(data)
    if valid and valid >= stray:
        raise _refuse("stray_bytes", f"{q} is UTF-8 text except for {stray} byte{'s' if stray != 1 else ''} that "
                                     f"{'are' if stray != 1 else 'is'} not, the first at {_position(data, first_bad)}. "
                                     "Read another way, every accented name would be garbled, so it was not read.",
                      fix + " Or correct that character and save the file again.")
    return _guess(data, q, fix)


def _count_stray_utf8(data: bytes) -> int:
    count = 0
    for chunk in _UTF8_MULTI.split(data):
        count += sum(1 for b in chunk if b >= 0x80)
    return count


def _decode_as(data: bytes, encoding: str, q: str, fix: str) -> DecodedText:
    if not _known_codec(encoding):
        raise _refuse("wrong_encoding", f"'{encoding}' is not an encoding this program knows.",
                      "Choose one of: " + ", ".join(ENCODING_LABELS) + ".")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _refuse("wrong_encoding", f"{q} cannot be read as {encoding_label(encoding)}: the byte at "
                                        f"{_position(data, exc.start)} is not {encoding_label(encoding)}.",
                      "Choose another encoding, or " + fix[0].lower() + fix[1:]) from None
    return _checked(DecodedText(text, encoding), data, q, fix)


def _guess(data: bytes, q: str, fix: str) -> DecodedText:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(_GUESSED)))
    if not matches:
        raise _refuse("not_text", f"{q} is not text this program can read (it is neither UTF-8 nor in an encoding a "
                                  "spreadsheet writes).", fix)
    best = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= best + 0.05]
    # Equally plausible readings: prefer what Excel on Windows writes, then Excel for Mac...
    chosen = None
    for codec in _GUESSED:
        for m in near:
            if codec in {codecs.lookup(c).name for c in m.could_be_from_charset}:
                chosen = codec
                break
        if chosen:
            break
    chosen = chosen or codecs.lookup(near[0].encoding).name
    try:
        text = data.decode(chosen)
    except UnicodeDecodeError:
        raise _refuse("not_text", f"{q} is not text this program can read.", fix) from None
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if not line.isascii()][:3]
    return _checked(DecodedText(text, chosen, guessed=True, accented_lines=tuple(lines)), data, q, fix)


def _checked(decoded: DecodedText, data: bytes, q: str, fix: str) -> DecodedText:
    """Refuse text holding a NUL: a binary file (or UTF-16 without its byte order mark), not text.

    Other control characters (a pasted backspace) are the readers' to drop."""
    at = decoded.text.find("\x00")
    if at >= 0:
        line = decoded.text.count("\n", 0, at) + 1
        raise _refuse("not_text", f"{q} is not a text file: line {line} holds a NUL byte, as binary files do.", fix)
    return decoded

"""Hostile and odd Office files, built small in the tests: zip bombs, entity bombs, huge declared
dimensions, overlapping or duplicated parts, macros, lying sizes, broken XML.

Each function takes a real package's bytes (a workbook or document the test made) and returns a
changed copy, so the rest of the file is what a real Office program would have written.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from collections.abc import Iterable, Mapping

SHEET = "xl/worksheets/sheet1.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def rezip(data: bytes, *, replace: Mapping[str, bytes] = {}, add: Mapping[str, bytes] = {},
          drop: Iterable[str] = (), extra: Iterable[tuple[str, bytes]] = ()) -> bytes:
    """The package with parts replaced, added or dropped (``extra`` may repeat a name)."""
    dropped = set(drop)
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns on a duplicate name, which is the point
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in parts(data).items():
                if name not in dropped:
                    z.writestr(name, replace.get(name, content))
            for name, content in add.items():
                z.writestr(name, content)
            for name, content in extra:
                z.writestr(name, content)
    return out.getvalue()


def zip_bomb(data: bytes, part: str = SHEET, size: int = 20 * 1024 * 1024) -> bytes:
    """``part`` replaced by XML that unpacks to ``size`` bytes from a few KB (blank space packs ~1000:1)."""
    return rezip(data, replace={part: b"<x>" + b" " * size + b"</x>"})


def lying_size(data: bytes, part: str = SHEET, declared: int = 100) -> bytes:
    """The package with ``part``'s unpacked size declared far smaller than it is (local and central headers)."""
    out = bytearray(data)
    name = part.encode()
    local = out.find(b"PK\x03\x04")
    while local >= 0:
        n = struct.unpack("<H", out[local + 26:local + 28])[0]
        if out[local + 30:local + 30 + n] == name:
            out[local + 22:local + 26] = struct.pack("<L", declared)
            break
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        n = struct.unpack("<H", out[central + 28:central + 30])[0]
        if out[central + 46:central + 46 + n] == name:
            out[central + 24:central + 28] = struct.pack("<L", declared)
            break
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def overlapping(data: bytes) -> bytes:
    """Every part's directory entry pointing at the first part's bytes (the non-recursive bomb trick)."""
    out = bytearray(data)
    central = out.find(b"PK\x01\x02")
    first_offset = None
    while central >= 0:
        if first_offset is None:
            first_offset = struct.unpack("<L", out[central + 42:central + 46])[0]
        else:
            out[central + 42:central + 46] = struct.pack("<L", first_offset)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def many_parts(data: bytes, n: int) -> bytes:
    return rezip(data, add={f"customXml/item{i}.bin": b"" for i in range(n)})


def entity_bomb(root: str = "worksheet", levels: int = 9) -> bytes:
    """The billion laughs: ten entities each ten of the one before (10**levels 'lol's)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels + 1)]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE {root} [{"".join(entities)}]>'
            f'<{root} xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol{levels};</t></is>'
            f'</c></row></sheetData></{root}>').encode()


def external_entity(target: str = "file:///etc/passwd", root: str = "worksheet") -> bytes:
    return (f'<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{target}">]>'
            f'<{root} xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c>'
            f'</row></sheetData></{root}>').encode()


def dtd_after_comments(root: str = "worksheet", comments: int = 200) -> bytes:
    """A DTD pushed past the first kilobytes by comments, to get by a scanner that reads only the start."""
    return (b'<?xml version="1.0"?>' + b"<!-- padding padding padding padding -->" * comments
            + entity_bomb(root, 3).split(b"?>", 1)[1])


def broken_xml(data: bytes, part: str = SHEET) -> bytes:
    """``part`` cut off in the middle of a tag."""
    xml = parts(data)[part]
    return rezip(data, replace={part: xml[: len(xml) // 2] + b"<c r="})


def declared_dimension(data: bytes, ref: str = "A1:XFD1048576", part: str = SHEET) -> bytes:
    """The sheet claiming to span ``ref`` (Excel's whole grid), its real cells unchanged."""
    xml = parts(data)[part].decode()
    start = xml.find("<dimension ")
    if start >= 0:
        end = xml.index("/>", start) + 2
        xml = xml[:start] + f'<dimension ref="{ref}"/>' + xml[end:]
    else:
        at = xml.index("<sheetData")
        xml = xml[:at] + f'<dimension ref="{ref}"/>' + xml[at:]
    return rezip(data, replace={part: xml.encode()})


def with_rows(data: bytes, rows_xml: str, part: str = SHEET) -> bytes:
    """``rows_xml`` (``<row>`` elements) added at the end of the sheet's data."""
    xml = parts(data)[part].decode()
    if "</sheetData>" in xml:
        xml = xml.replace("</sheetData>", rows_xml + "</sheetData>")
    else:
        xml = xml.replace("<sheetData/>", f"<sheetData>{rows_xml}</sheetData>")
    return rezip(data, replace={part: xml.encode()})


def empty_rows(start: int, count: int) -> str:
    return "".join(f'<row r="{r}"/>' for r in range(start, start + count))


def inline_row(row: int, values: Mapping[str, str]) -> str:
    cells = "".join(f'<c r="{col}{row}" t="inlineStr"><is><t>{text}</t></is></c>' for col, text in values.items())
    return f'<row r="{row}">{cells}</row>'


def with_vba(data: bytes, folder: str = "xl") -> bytes:
    """A VBA project added (as Office stores it), the content types left claiming no macros."""
    return rezip(data, add={f"{folder}/vbaProject.bin": b"\xd0\xcf\x11\xe0 a VBA project"})


def with_main_type(data: bytes, old: str, new: str) -> bytes:
    types = parts(data)["[Content_Types].xml"].replace(old.encode(), new.encode())
    return rezip(data, replace={"[Content_Types].xml": types})


def ole_file(streams: Iterable[str] = ("WordDocument",), sector: int = 512) -> bytes:
    """An OLE compound file's bytes, as far as a directory sector of the named entries goes."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * (sector - 8)
    entries = b""
    for name in ["Root Entry", *streams]:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entries += encoded.ljust(64, b"\x00") + struct.pack("<H", len(encoded)) + b"\x00" * 62
    entries = entries.ljust(((len(entries) + sector - 1) // sector) * sector, b"\x00")
    return header + entries + b"\x00" * sector

"""House templates for the Word agenda, made with python-docx (shared by the domain, store, exporter,
CLI and GUI tests)."""

from __future__ import annotations

import io
import zipfile

HEADER_TEXT = "BOROUGH HOUSE HEADER WITH LOGO"
TITLE_FONT = "Georgia"
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _with_main_part(data: bytes, content_type: str) -> bytes:
    """The same package with its main part's content type changed (how Word marks a .dotx or .docm)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            content = src.read(name)
            if name == "[Content_Types].xml":
                content = content.replace(_DOCX_MAIN, content_type.encode())
            z.writestr(name, content)
    return out.getvalue()


def house_template(*, header: str = HEADER_TEXT, kind: str = "docx") -> bytes:
    """A Word document with a distinctive header and Title font; ``kind`` 'dotx' or 'docm' changes its
    main part's content type as Word does for a template or a macro-enabled document."""
    import docx

    t = docx.Document()
    t.sections[0].header.paragraphs[0].text = header
    t.styles["Title"].font.name = TITLE_FONT
    t.add_paragraph("Template body text that must not survive")
    buf = io.BytesIO()
    t.save(buf)
    data = buf.getvalue()
    if kind == "dotx":
        return _with_main_part(data, "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")
    if kind == "docm":
        return _with_main_part(data, "application/vnd.ms-word.document.macroEnabled.main+xml")
    return data


def not_word_zip() -> bytes:
    """A zip archive with a [Content_Types].xml that names no Word part (e.g. a workbook's)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types><Default Extension="txt" '
                                          'ContentType="text/plain"/></Types>')
        z.writestr("notes.txt", "hello")
    return out.getvalue()

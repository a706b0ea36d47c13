"""Word (python-docx) details shared by every Word export: shading, repeated
header rows, column widths, fonts, language and "Page X of Y" fields; and the
**house template** (a .docx or .dotx kept in the settings) that the agenda and
the letters are written into: opened after the package checks, its body
cleared, its styles looked up with fallbacks.

python-docx has no API for these table and field details, so they set the XML.
python-docx is imported inside the functions (never at program start-up).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.files_in import PARSER_ERRORS, TEMPLATE_LIMITS, FileInRefused, check_package

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

_GREY = (0x59, 0x59, 0x59)  # the footer's page numbers


def el(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    tc_pr.append(el("w:shd", val="clear", color="auto", fill=fill))


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(el("w:tblHeader", val="true"))
    tr_pr.append(el("w:cantSplit", val="true"))


def keep_row_together(row) -> None:
    row._tr.get_or_add_trPr().append(el("w:cantSplit", val="true"))


def table_borders(table, color: str) -> None:
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", val="single", sz="4", space="0", color=color))
    tbl_pr.append(borders)


def grid_widths(table, widths) -> None:
    """Word reads cell widths; LibreOffice reads the table grid: set both."""
    from docx.oxml.ns import qn

    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))


def set_font(style, name: str) -> None:
    """Set a style's font for every script (python-docx's font.name sets only two)."""
    from docx.oxml.ns import qn

    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def set_language(doc, lang: str) -> None:
    from docx.oxml.ns import qn

    r_pr = doc.styles["Normal"].element.get_or_add_rPr()
    for old in r_pr.findall(qn("w:lang")):
        r_pr.remove(old)
    r_pr.append(el("w:lang", val=lang))


def page_x_of_y(paragraph, size) -> None:
    from docx.shared import RGBColor

    def text(t: str):
        run = paragraph.add_run(t)
        run.font.size = size
        run.font.color.rgb = RGBColor(*_GREY)
        return run

    def field(instruction: str, placeholder: str):
        run = text("")
        run._r.append(el("w:fldChar", fldCharType="begin"))
        run = text("")
        instr = el("w:instrText")
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = f" {instruction} "
        run._r.append(instr)
        run = text("")
        run._r.append(el("w:fldChar", fldCharType="separate"))
        text(placeholder)
        run = text("")
        run._r.append(el("w:fldChar", fldCharType="end"))

    text("Page ")
    field("PAGE", "1")
    text(" of ")
    field("NUMPAGES", "1")


# --- choosing by file type -------------------------------------------------------------------


# --- the house template (a .docx or .dotx in the settings) ---------------------------------------

_TEMPLATE_REMEDY = "Check the template in the settings, or export without it."


def open_house_template(template: Path | bytes, name: str | None = None):
    """The house template as a python-docx Document (a .dotx is read as the document it makes).

    ``template`` is a file's path, or its bytes with ``name`` (the file name
    the messages give).
    """
    import docx
    from docx.opc.exceptions import OpcError

    if isinstance(template, (bytes, bytearray)):
        data = bytes(template)
        name = name or "the house template"
    else:
        path = Path(template).expanduser()
        name = name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ExportFileError(f"The house template '{path}' could not be read ({exc.strerror or exc}).",
                                  _TEMPLATE_REMEDY) from None
    try:
        # The package checks first (zip bombs, DTDs, macros): a template named for one export has
        # not been through check_word_template, and a stored one may predate these checks.
        check_package(data, name, limits=TEMPLATE_LIMITS, what="a Word document (.docx) or template (.dotx)",
                      remedy=_TEMPLATE_REMEDY)
    except FileInRefused as exc:
        raise ExportFileError(f"The house template {exc.problem}", exc.remedy) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = {part: z.read(part) for part in z.namelist()}
        types = parts["[Content_Types].xml"].decode("utf-8")
        if "wordprocessingml.template.main+xml" in types:  # .dotx: open it as the document it would make
            parts["[Content_Types].xml"] = types.replace("wordprocessingml.template.main+xml",
                                                         "wordprocessingml.document.main+xml").encode("utf-8")
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
                for part, content in parts.items():
                    z.writestr(part, content)
            data = out.getvalue()
        return docx.Document(io.BytesIO(data))
    except (*PARSER_ERRORS, OpcError) as exc:
        raise ExportFileError(f"The house template '{name}' is not a Word document (.docx or .dotx) or is damaged "
                              f"({exc}).",
                              "Choose a Word document saved as .docx or .dotx in the settings, or export without "
                              "a template.") from None


def stored_house_template(store: Store) -> tuple[str, bytes] | None:
    """The house template kept in the settings, or None; a setting naming a lost file is an ExportFileError."""
    stored = store.agendas.house_template()
    if stored is None:
        missing = store.agendas.house_template_missing()
        if missing is not None:
            raise ExportFileError(f"The house template '{missing}' named in the settings is not in the database.",
                                  "Choose the template again in the settings, or export without it.")
    return stored


def clear_body(doc) -> None:
    """Remove the template's body content, keeping its section (page set-up, header, footer)."""
    from docx.oxml.ns import qn

    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def has_style(doc, name: str) -> bool:
    try:
        doc.styles[name]
    except KeyError:
        return False
    return True


def first_style(doc, *names: str):
    """The first of ``names`` the document defines (house templates may lack some), or None."""
    for name in names:
        if has_style(doc, name):
            return doc.styles[name]
    return None


def has_page_field(part) -> bool:
    xml = part._element.xml
    return "PAGE" in xml and ("w:fldSimple" in xml or "w:instrText" in xml)

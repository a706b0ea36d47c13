"""Word (python-docx) details shared by every Word export: shading, repeated
header rows, column widths, fonts, language and "Page X of Y" fields.

python-docx has no API for these table and field details, so they set the XML.
python-docx is imported inside the functions (never at program start-up).
"""

from __future__ import annotations

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

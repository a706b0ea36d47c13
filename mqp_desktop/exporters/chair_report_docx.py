"""The chair's report to the Executive (and the annual report) in Word, ready for the chair to finish.

From a :class:`~mqp_desktop.domain.chair_report.ChairReport` (read by
:func:`mqp_desktop.store.chair_report.gather_chair_report`):

* a title block (the partnership, the title, the subcommittee and period, who prepared it and when,
  the chair), then a **table of contents** — a real Word TOC field over Heading 1 and 2, filled in
  already with each heading (its page a PAGEREF field to a bookmark on the heading), and marked to be
  brought up to date when Word opens the file, which puts in the page numbers;
* each section under a **Heading 1** (the navigation pane lists them), its sentences, its tables as
  **real Word tables** (heading row repeated on each page), one **Heading 2** per performance
  exception with why it is one, a **chart as an image** (the performance report's own chart, drawn
  with reportlab and rasterised to PNG by pypdfium2), and what lies behind it in its author's words;
* after each section, "Chair's commentary" and an **empty paragraph** in the style "Chair's
  Commentary" (a ruled box to write in).

Written in the **house template** when one is set (``house_template`` setting; see
:mod:`~mqp_desktop.exporters.docx_house`), else in the program's own style (A4, Arial, page X of Y).
python-docx, reportlab and pypdfium2 are imported inside the functions.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.chair_report import COMMENTARY_HEADING, ChairReport, Table, day_words
from mqp_desktop.exporters.docx_house import (
    clear_body,
    el,
    first_style,
    has_page_field,
    has_style,
    open_house_template,
    page_x_of_y,
    set_font,
    set_language,
    set_properties,
    stored_house_template,
)
from mqp_desktop.exporters.files import safe_text, write_atomically, xml_escape

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

COMMENTARY_STYLE = "Chair's Commentary"
_FONT = "Arial"
_NAVY = (0x1F, 0x38, 0x64)
_NAVY_HEX = "1F3864"
_GREY = (0x59, 0x59, 0x59)
_RED = (0x9C, 0x00, 0x06)
_PALE = "F2F5FA"
CHART_DPI = 160  # 16.5 cm wide on the page: 160 dpi, sharp in print and quick to make

Progress = Callable[[int, int, str], bool]


# --- charts ------------------------------------------------------------------------------------------
def chart_png(detail, width_pt: float = 470, height_pt: float = 175, dpi: int = CHART_DPI) -> bytes:
    """An exception's chart (the performance report's :func:`exception_chart`) as PNG bytes."""
    import pypdfium2
    from reportlab.graphics import renderPDF

    from mqp_desktop.exporters.performance_report import _Kit, exception_chart

    drawing = exception_chart(detail, _chart_kit(_Kit), width_pt, height_pt)
    pdf = renderPDF.drawToString(drawing)
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=dpi / 72, fill_color=(255, 255, 255, 255)).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.convert("RGB").save(out, "PNG", compress_level=6)  # optimize=True takes ten times as long for 2% less
    return out.getvalue()


def chart_pngs(details, width_pt: float = 470, height_pt: float = 175, dpi: int = CHART_DPI) -> list[bytes]:
    """Several charts at once: drawn as the pages of one PDF (fonts embedded once), rasterised page by page."""
    if not details:
        return []
    import pypdfium2
    from reportlab.graphics import renderPDF
    from reportlab.pdfgen.canvas import Canvas

    from mqp_desktop.exporters.performance_report import _Kit, exception_chart

    kit = _chart_kit(_Kit)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width_pt, height_pt))
    for detail in details:
        renderPDF.draw(exception_chart(detail, kit, width_pt, height_pt), canvas, 0, 0)
        canvas.showPage()
    canvas.save()
    document = pypdfium2.PdfDocument(buffer.getvalue())
    out = []
    try:
        for page in document:
            image = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255)).to_pil()
            png = io.BytesIO()
            image.convert("RGB").save(png, "PNG", compress_level=1)  # fast; the .docx zips it again
            out.append(png.getvalue())
    finally:
        document.close()
    return out


_KIT = []


def _chart_kit(make):
    """The performance report's fonts and colours, made once (registering the fonts is most of a chart's time)."""
    if not _KIT:
        _KIT.append(make())
    return _KIT[0]


# --- small XML helpers ----------------------------------------------------------------------------------------
def _x(text: str) -> str:
    return xml_escape(safe_text(text))


def table_xml(t: Table, widths: list[int], style_id: str | None):
    """A Word table (w:tbl) of ``t``: the heading row bold white on navy and repeated on each page, rows kept
    whole, alternate rows shaded, numbers right-aligned; ``widths`` in twips."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    style = f'<w:tblStyle w:val="{style_id}"/>' if style_id else ""

    def cell(text: str, width: int, *, head: bool, right: bool, fill: str | None) -> str:
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        jc = '<w:jc w:val="right"/>' if right else ""
        colour = '<w:b/><w:color w:val="FFFFFF"/>' if head else ""
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
                f'<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>{jc}</w:pPr>'
                f'<w:r><w:rPr>{colour}<w:sz w:val="17"/></w:rPr><w:t xml:space="preserve">{_x(text)}</w:t></w:r>'
                f'</w:p></w:tc>')

    rows = ['<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' + "".join(
        cell(h, widths[i], head=True, right=i in t.numeric, fill=_NAVY_HEX) for i, h in enumerate(t.headings))
        + "</w:tr>"]
    for n, values in enumerate(t.rows):
        rows.append('<w:tr><w:trPr><w:cantSplit/></w:trPr>' + "".join(
            cell(str(v), widths[i], head=False, right=i in t.numeric, fill=_PALE if n % 2 else None)
            for i, v in enumerate(values)) + "</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{x}"/>' for x in widths)
    return parse_xml(f'<w:tbl {w}><w:tblPr>{style}<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
                     f'<w:tblBorders>{border}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>'
                     f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')

def _field_runs(paragraph, instruction: str, placeholder: str, *, begin=True, end=True):
    """A field in ``paragraph``: begin / instruction / separate / placeholder / end (either end optional)."""
    if begin:
        paragraph.add_run()._r.append(el("w:fldChar", fldCharType="begin"))
        instr = el("w:instrText")
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = f" {instruction} "
        paragraph.add_run()._r.append(instr)
        paragraph.add_run()._r.append(el("w:fldChar", fldCharType="separate"))
    run = paragraph.add_run(placeholder)
    if end:
        paragraph.add_run()._r.append(el("w:fldChar", fldCharType="end"))
    return run


def _bookmark(paragraph, name: str, number: int) -> None:
    p = paragraph._p
    start = el("w:bookmarkStart", id=str(number), name=name)
    finish = el("w:bookmarkEnd", id=str(number))
    p.insert(1 if p.pPr is not None else 0, start)
    p.append(finish)


def _update_fields_on_open(doc) -> None:
    """Ask Word to bring the contents' page numbers up to date when the file is opened."""
    settings = doc.settings.element
    for old in settings.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}updateFields"):
        settings.remove(old)
    settings.append(el("w:updateFields", val="true"))


# --- the document ----------------------------------------------------------------------------------------------
def _build(report: ChairReport, template, progress: Progress | None = None):
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Emu, Pt, RGBColor

    own_style = template is None
    if own_style:
        doc = docx.Document()
        set_language(doc, "en-GB")
        styles = doc.styles
        for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Header", "Footer",
                     "Table Grid"):
            set_font(styles[name], _FONT)
        styles["Normal"].font.size = Pt(10.5)
        styles["Normal"].paragraph_format.space_after = Pt(5)
        styles["Normal"].paragraph_format.line_spacing = 1.1
        styles["Title"].font.size = Pt(24)
        styles["Title"].font.color.rgb = RGBColor(*_NAVY)
        styles["Subtitle"].font.size = Pt(13)
        styles["Subtitle"].font.color.rgb = RGBColor(*_GREY)
        styles["Subtitle"].font.italic = False
        for name, size, before in (("Heading 1", 15, 18), ("Heading 2", 12, 12), ("Heading 3", 10.5, 8)):
            st = styles[name]
            st.font.size = Pt(size)
            st.font.color.rgb = RGBColor(*_NAVY)
            st.font.bold = True
            st.font.italic = False
            st.paragraph_format.space_before = Pt(before)
            st.paragraph_format.space_after = Pt(4)
        section = doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = Cm(2.0)
        section.bottom_margin = Cm(2.0)
        section.header_distance = Cm(1.0)
        section.footer_distance = Cm(0.9)
    else:
        doc = template
        clear_body(doc)
        styles = doc.styles
        section = doc.sections[-1]
    text_width = section.page_width - section.left_margin - section.right_margin

    def style(name: str):
        return first_style(doc, name)

    heading1 = style("Heading 1") or styles["Normal"]
    heading2 = style("Heading 2") or heading1
    heading3 = style("Heading 3") or heading2
    # Our own styles, added when the template lacks them.
    if has_style(doc, COMMENTARY_STYLE):
        commentary = styles[COMMENTARY_STYLE]
    else:
        commentary = styles.add_style(COMMENTARY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        commentary.base_style = styles["Normal"]
        commentary.paragraph_format.space_before = Pt(2)
        commentary.paragraph_format.space_after = Pt(10)
        commentary.paragraph_format.left_indent = Cm(0.2)
        p_pr = commentary.element.get_or_add_pPr()
        borders = el("w:pBdr")
        for side in ("top", "left", "bottom", "right"):
            borders.append(el(f"w:{side}", val="single", sz="6", space="6", color="8EA9DB"))
        p_pr.append(borders)
        p_pr.append(el("w:shd", val="clear", color="auto", fill=_PALE))
        commentary.paragraph_format.line_spacing = 1.5
    if has_style(doc, "Report Quote"):
        quote_style = styles["Report Quote"]
    else:
        quote_style = styles.add_style("Report Quote", WD_STYLE_TYPE.PARAGRAPH)
        quote_style.base_style = styles["Normal"]
        quote_style.paragraph_format.left_indent = Cm(0.6)
        quote_style.font.italic = True
    if has_style(doc, "Table Caption"):
        caption_style = styles["Table Caption"]
    else:
        caption_style = styles.add_style("Table Caption", WD_STYLE_TYPE.PARAGRAPH)
        caption_style.base_style = styles["Normal"]
        caption_style.font.bold = True
        caption_style.font.size = Pt(9.5)
        caption_style.font.color.rgb = RGBColor(*_NAVY)
        caption_style.paragraph_format.space_before = Pt(6)
        caption_style.paragraph_format.space_after = Pt(2)
        caption_style.paragraph_format.keep_with_next = True
    toc_styles = []
    for level in (1, 2):
        name = f"TOC {level}" if has_style(doc, f"TOC {level}") else None
        if name is None:
            try:
                made = styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
            except ValueError:
                made = styles[f"toc {level}"]
            made.base_style = styles["Normal"]
            made.paragraph_format.space_after = Pt(2 if level == 2 else 3)
            made.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            if level == 1:
                made.font.bold = True
            made.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            name = f"TOC {level}"
        toc_styles.append(styles[name])

    # Header and footer (a house template brings its own).
    if own_style:
        head = section.header.paragraphs[0]
        head.style = styles["Header"]
        head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = head.add_run(safe_text(report.partnership or report.subcommittee))
        run.bold = True
        run.font.size = Pt(9.5)
        run.font.color.rgb = RGBColor(*_NAVY)
    footer = section.footer
    has_own_footer = not own_style and (any(p.text.strip() for p in footer.paragraphs) or has_page_field(footer.part))
    if not has_own_footer or not has_page_field(footer.part):
        foot = footer.paragraphs[-1] if not has_own_footer else footer.add_paragraph()
        if style("Footer") is not None:
            foot.style = style("Footer")
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        said = report.title if report.annual else f"{report.title} \u2014 {report.period.short_label()}"
        foot_text = foot.add_run(safe_text(f"{said} \u2014 "))
        foot_text.font.size = Pt(8)
        foot_text.font.color.rgb = RGBColor(*_GREY)
        page_x_of_y(foot, Pt(8))

    # Title block.
    if report.partnership:
        doc.add_paragraph(safe_text(report.partnership), style=style("Subtitle") or styles["Normal"])
    doc.add_paragraph(safe_text(report.title), style=style("Title") or heading1)
    doc.add_paragraph(safe_text(report.subtitle), style=style("Subtitle") or styles["Normal"])
    facts = []
    if report.chair:
        facts.append(("Chair", report.chair))
    facts.append(("Prepared", f"{day_words(report.prepared)}, from the subcommittee's records (MQ&P Desktop)"))
    facts.append(("Status", "Draft for the chair: each section ends with room for the chair's commentary"))
    for label, value in facts:
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(1)
        r = p.add_run(f"{label}: ")
        r.bold = True
        p.add_run(safe_text(value))

    # Contents: a TOC field whose result is already the headings with PAGEREF page numbers.
    entries: list[tuple[int, str, str]] = []  # level, text, bookmark
    numbered = []
    for n, sec in enumerate(report.sections, 1):
        numbered.append((n, sec))
        entries.append((1, f"{n}. {sec.title}", f"ChairReportSection{n}"))
        for k, sub in enumerate(sec.subsections, 1):
            entries.append((2, f"{n}.{k} {sub.title}", f"ChairReportSection{n}_{k}"))
    contents_head = doc.add_paragraph("Contents", style=style("TOC Heading") or heading3)
    contents_head.paragraph_format.space_before = Pt(14)
    for i, (level, text, mark) in enumerate(entries):
        p = doc.add_paragraph(style=toc_styles[level - 1])
        if i == 0:
            _field_runs(p, 'TOC \\o "1-2" \\h \\z \\u', "", begin=True, end=False)
        p.add_run(safe_text(text) + "\t")
        # The page: left for Word to fill in when it updates the contents on opening (a guessed number would
        # be wrong; LibreOffice shows the contents as saved, so there it stays blank).
        _field_runs(p, f"PAGEREF {mark} \\h", "")
        if i == len(entries) - 1:
            p.add_run()._r.append(el("w:fldChar", fldCharType="end"))
    if not entries:
        _field_runs(doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', "Update this field to list the contents.")
    _update_fields_on_open(doc)

    table_style_id = style("Table Grid").style_id if style("Table Grid") is not None else None

    def add_table(t: Table) -> None:
        add_para(t.caption, caption_style)
        if not t.rows:
            p = doc.add_paragraph(safe_text(t.empty))
            p.runs[0].italic = True
            return
        rel = list(t.widths) if len(t.widths) == len(t.headings) else [1.0] * len(t.headings)
        widths = [int(text_width * w / sum(rel)) for w in rel]
        # Built as one piece of XML (python-docx's add_row/cell calls take seconds for a few hundred rows).
        doc.element.body.insert(len(doc.element.body) - 1, table_xml(t, [Emu(w).twips for w in widths],
                                                                     table_style_id))
        doc.add_paragraph().paragraph_format.space_after = Pt(2)

    def add_para(text: str, style_obj=None):
        """A paragraph in a style by its id (python-docx's style= looks the default style up every time)."""
        p = doc.add_paragraph(safe_text(text))
        if style_obj is not None:
            p._p.style = style_obj.style_id
        return p

    total = len(numbered)
    details = [sub.chart for _, sec in numbered for sub in sec.subsections if sub.chart is not None]
    charts = dict(zip((id(d) for d in details), chart_pngs(details), strict=True))
    for n, sec in numbered:
        if progress is not None and progress(n - 1, total, sec.title) is False:
            raise InterruptedError("Stopped.")
        h = add_para(f"{n}. {sec.title}", heading1)
        _bookmark(h, f"ChairReportSection{n}", n * 100)
        if n == 1:
            h.paragraph_format.page_break_before = True
        for text in sec.paragraphs:
            p = doc.add_paragraph(safe_text(text))
            if not sec.available:
                p.runs[0].italic = True
                p.runs[0].font.color.rgb = RGBColor(*_RED)
        for t in sec.tables:
            add_table(t)
        for k, sub in enumerate(sec.subsections, 1):
            h2 = add_para(f"{n}.{k} {sub.title}", heading2)
            h2.paragraph_format.keep_with_next = True
            _bookmark(h2, f"ChairReportSection{n}_{k}", n * 100 + k)
            for text in sub.paragraphs:
                doc.add_paragraph(safe_text(text)).paragraph_format.keep_with_next = sub.chart is not None
            if sub.chart is not None:
                picture = doc.add_paragraph()
                picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
                picture.paragraph_format.keep_with_next = True
                picture.add_run().add_picture(io.BytesIO(charts[id(sub.chart)]), width=min(text_width, Cm(16.5)))
                cap = doc.add_paragraph(f"Chart: {safe_text(sub.title)}, its last periods against the target.")
                cap.runs[0].font.size = Pt(8)
                cap.runs[0].font.color.rgb = RGBColor(*_GREY)
            if sub.table is not None:
                add_table(sub.table)
            if sub.quote or sub.missing:
                behind = add_para("What lies behind it", heading3)
                behind.paragraph_format.keep_with_next = True
            for text in sub.quote:
                add_para(text, quote_style)
            if sub.quote_by:
                by = doc.add_paragraph(safe_text(f"\u2014 {sub.quote_by}"))
                by.runs[0].font.size = Pt(8.5)
                by.runs[0].font.color.rgb = RGBColor(*_GREY)
            if sub.missing:
                p = doc.add_paragraph(safe_text(sub.missing))
                p.runs[0].bold = True
                p.runs[0].font.color.rgb = RGBColor(*_RED)
        ch = add_para(COMMENTARY_HEADING, heading3)
        ch.paragraph_format.keep_with_next = True
        add_para("", commentary)
    if progress is not None:
        progress(total, total, "Saved")
    last = doc.add_paragraph()
    last.add_run().add_break(WD_BREAK.LINE)
    end = last.add_run("End of the report.")
    end.font.size = Pt(8.5)
    end.font.color.rgb = RGBColor(*_GREY)

    set_properties(doc, title=f"{report.title}: {report.period.short_label()}",
                   author=report.partnership or report.subcommittee or "MQ&P Desktop", subject=report.subtitle,
                   keywords="chair's report; executive; safeguarding children partnership", category="Report",
                   comments="Drafted by MQ&P Desktop from the subcommittee's records.")
    return doc


def write_chair_report_docx(report: ChairReport, path: Path | str, *, template: tuple[str, bytes] | Path | None = None,
                            progress: Progress | None = None) -> Path:
    """Write ``report`` to ``path`` (.docx), in ``template`` (a house template's (name, bytes) or file) when given."""
    opened = None
    if isinstance(template, tuple):
        opened = open_house_template(template[1], template[0])
    elif template is not None:
        opened = open_house_template(template)
    doc = _build(report, opened, progress)
    return write_atomically(Path(path), lambda tmp: doc.save(str(tmp)))


def chair_report_bytes(report: ChairReport, *, template: tuple[str, bytes] | None = None) -> bytes:
    opened = open_house_template(template[1], template[0]) if template is not None else None
    out = io.BytesIO()
    _build(report, opened).save(out)
    return out.getvalue()


def export_chair_report(store: Store, period, path: Path | str, *, sections=None, house_template: Path | None = None,
                        use_house_template: bool = True, today=None, progress: Progress | None = None) -> Path:
    """Read the report for ``period`` from ``store`` and write it to ``path`` (see the module's notes).

    ``house_template`` (a .docx or .dotx) is used for this report; without it the one in the settings, unless
    ``use_house_template`` is false (the program's own style)."""
    from mqp_desktop.store.chair_report import gather_chair_report

    path = Path(path)
    if path.suffix.lower() != ".docx":
        shown = f"'{path.suffix}'" if path.suffix else "no ending"
        raise ValueError(f"Cannot write the chair's report to a file with {shown}: choose a name ending .docx (Word).")
    report = gather_chair_report(store, period, sections=sections, today=today)
    if house_template is not None:
        template = Path(house_template)
    else:
        template = stored_house_template(store) if use_house_template else None
    return write_chair_report_docx(report, path, template=template, progress=progress)


__all__ = ["COMMENTARY_STYLE", "chair_report_bytes", "chart_png", "export_chair_report", "write_chair_report_docx"]

"""TextLines, the pack's plain-text flowable: wrapping, splitting over pages, kept headings, numbers
looked up when drawn — read back from a PDF drawn with it."""

from __future__ import annotations

import io

import pytest

from mqp_desktop.exporters.pdf_lines import Run, _split, text_lines, wrapped

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def style():
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("t", fontName="Helvetica", fontSize=10, leading=12, spaceBefore=0, spaceAfter=0)


def test_split_wraps_to_the_width_keeps_newlines_and_leaves_room_for_a_prefix():
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    lines = _split(words, "Helvetica", 10, 100)
    assert len(lines) > 1 and " ".join(lines) == words
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert all(stringWidth(li, "Helvetica", 10) <= 100 for li in lines)
    first = _split(words, "Helvetica", 10, 100, first_width=40)
    assert stringWidth(first[0], "Helvetica", 10) <= 40 and " ".join(first) == words
    assert _split("one\ntwo", "Helvetica", 10, 500) == ["one", "two"]
    assert " ".join(_split("Paper  with   doubled  spaces and more words", "Helvetica", 10, 80, 30)) == \
        "Paper with doubled spaces and more words"
    assert wrapped("", None, 100) == ""


def _draw(flowables, height=200) -> list[str]:
    """Lay ``flowables`` out on small pages (``height`` points of frame) and read each page's text back."""
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=(300, height + 24), leftMargin=6, rightMargin=6, topMargin=6,
                            bottomMargin=6)
    doc.build(list(flowables))
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages]


def test_a_long_list_runs_over_pages_with_its_header_again_and_headings_kept_with_what_follows(style):
    runs = []
    for n in range(12):
        runs.append(Run(f"Heading {n}", style, keep_with_next=True, right=f"#{n}", right_width=40))
        runs.append(Run(f"Body {n}", style, right="p", right_width=40))
    pages = _draw([text_lines(runs, header=[Run("", style, right="Page")], resolve={f"#{n}": str(100 + n)
                                                                                     for n in range(12)})])
    assert len(pages) > 1
    for text in pages:
        lines = [li for li in text.splitlines() if li.strip()]
        assert lines[0].strip() == "Page", "the header starts every page"
        assert not lines[-1].startswith("Heading"), "a heading never ends a page"
    joined = "\n".join(pages)
    for n in range(12):
        assert f"Heading {n} {100 + n}" in joined, "the number looked up when drawn, after the title"
        assert f"Body {n}" in joined


def test_a_run_taller_than_a_page_is_cut_between_lines(style):
    text = " ".join(f"word{n}" for n in range(400))
    pages = _draw([text_lines([Run(text, style)])], height=120)
    assert len(pages) > 2
    found = " ".join(" ".join(p.split()) for p in pages)
    assert found == text, "every word once, in order"

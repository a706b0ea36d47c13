"""Word minutes read back with python-docx: content, DRAFT in the header until signed, styles, A4, page numbers."""

from __future__ import annotations

import datetime as dt

import docx
from docx.shared import Cm

from mqp_desktop.exporters.minutes_docx import export_minutes_docx
from mqp_desktop.exporters.minutes_pdf import INQUORATE_MARK
from tests.test_minutes_pdf import _draft_meeting, _inquorate_meeting


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def test_draft_word_minutes_hold_the_content_and_say_draft_in_the_header(tmp_path, demo_store):
    mid = _draft_meeting(demo_store)
    minutes = demo_store.minutes.minutes(mid)
    doc = docx.Document(str(export_minutes_docx(demo_store, mid, tmp_path / "m.docx")))
    text = all_text(doc)
    for d in minutes.attendance.deputies:
        assert f"{d.name} for {d.for_name}" in text
    for p in minutes.attendance.present:
        assert p.name in text
    assert minutes.declarations[0].nature in text
    for item in minutes.items:
        assert item.title in text
    section = doc.sections[0]
    assert "DRAFT — not yet approved" in " ".join(p.text for p in section.header.paragraphs)
    assert abs(section.page_width - Cm(21.0)) < Cm(0.05) and abs(section.page_height - Cm(29.7)) < Cm(0.05)
    assert "NUMPAGES" in section.footer._element.xml and "PAGE" in section.footer._element.xml
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= styles
    assert doc.tables[0].rows[0]._tr.trPr.xml.count("tblHeader") == 1  # the heading row repeats
    assert doc.core_properties.title.startswith("Minutes — ")


def test_signed_word_minutes_lose_draft_and_carry_the_approval_and_digest(tmp_path, demo_store):
    mid = _draft_meeting(demo_store)
    meeting = demo_store.minutes.minutes(mid).meeting
    digest = demo_store.minutes.sign(mid, "Dr Helen Carter", meeting.date + dt.timedelta(days=3))
    doc = docx.Document(str(export_minutes_docx(demo_store, mid, tmp_path / "s.docx")))
    text = all_text(doc)
    header = " ".join(p.text for p in doc.sections[0].header.paragraphs)
    assert "DRAFT" not in header and "DRAFT" not in text
    assert "Approved as a true record by Dr Helen Carter, Chair, on" in text
    assert f"SHA-256 {digest}" in text


def test_word_minutes_mark_inquorate_decisions(tmp_path, demo_store):
    mid = _inquorate_meeting(demo_store)
    minutes = demo_store.minutes.minutes(mid)
    marked = sum(d.taken_while_inquorate for i in minutes.items for d in i.decisions)
    text = all_text(docx.Document(str(export_minutes_docx(demo_store, mid, tmp_path / "i.docx"))))
    assert marked and text.count(INQUORATE_MARK) == marked

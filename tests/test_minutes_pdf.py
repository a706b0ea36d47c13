"""PDF minutes read back with pypdf: attendance, deputies, declarations, the inquorate marking,
DRAFT before sign-off and gone after, the approval line and digest, pages, metadata, fonts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from mqp_desktop.domain.minutes import Person
from mqp_desktop.domain.signoff import read_approval_file, respond, write_approval_file
from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.exporters.minutes_pdf import (
    INQUORATE_MARK,
    SignedInfo,
    export_minutes_pdf,
    minutes_pdf_from,
)


def _png() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (240, 80), "white")
    ImageDraw.Draw(img).line([(10, 60), (80, 20), (150, 60), (230, 15)], fill="black", width=4)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def pages_text(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages]


def _draft_meeting(store) -> int:
    """The demo's held meeting whose minutes are still a draft (deputies and a declaration)."""
    held = [m for m in store.meetings.list() if store.minutes.revision(m.id) is not None]
    drafts = [m.id for m in held if not store.minutes.revision(m.id).is_signed]
    assert drafts
    return drafts[-1]


def _inquorate_meeting(store) -> int:
    found = [m.id for m in store.meetings.list()
             if store.minutes.revision(m.id) is not None and store.minutes.minutes(m.id).inquorate]
    assert found
    return found[0]


def test_draft_pdf_has_attendance_deputies_declarations_and_draft_on_every_page(tmp_path, demo_store):
    mid = _draft_meeting(demo_store)
    minutes = demo_store.minutes.minutes(mid)
    assert minutes.attendance.deputies and minutes.declarations
    path = export_minutes_pdf(demo_store, mid, tmp_path / "draft.pdf")
    pages = pages_text(path)
    text = " ".join(pages)
    for person in minutes.attendance.present + minutes.attendance.apologies:
        assert person.name in text
    for d in minutes.attendance.deputies:
        assert f"{d.name} for {d.for_name}" in text
    for g in minutes.attendance.in_attendance:
        assert g.name in text
    decl = minutes.declarations[0]
    assert decl.name in text and decl.nature in text and decl.managed in text
    assert "Minutes of the meeting held on" in text and minutes.quoracy.statement in text
    assert "DRAFT — not yet approved" in text
    assert all("DRAFT" in page for page in pages)  # the watermark (and footer) on every page
    assert "Approved as a true record" not in text and "SHA-256" not in text
    n = len(pages)
    assert n > 1
    for i, page in enumerate(pages, start=1):
        assert f"Page {i} of {n}" in page
    for a in minutes.action_log:
        assert a.number in text


def test_signed_pdf_prints_approval_signature_and_the_verified_digest_without_draft(tmp_path, demo_store):
    mid = _draft_meeting(demo_store)
    meeting = demo_store.meetings.get(mid)
    digest = demo_store.minutes.sign(mid, "Dr Helen Carter", meeting.date + dt.timedelta(days=7), _png())
    path = export_minutes_pdf(demo_store, mid, tmp_path / "signed.pdf")
    reader = PdfReader(str(path))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "DRAFT" not in text
    signed_on = meeting.date + dt.timedelta(days=7)
    assert f"Approved as a true record by Dr Helen Carter, Chair, on {signed_on:%A} {signed_on.day}" in text
    stored = demo_store.minutes.verify(mid).stored_digest
    assert stored == digest
    assert f"SHA-256 {stored}" in text  # the full digest, on one line
    images = [name for p in reader.pages for name, x in p["/Resources"].get("/XObject", {}).items()
              if x.get_object()["/Subtype"] == "/Image"]
    assert images, "the signature image is not in the PDF"


def test_decisions_taken_while_inquorate_are_each_marked(tmp_path, demo_store):
    mid = _inquorate_meeting(demo_store)
    minutes = demo_store.minutes.minutes(mid)
    marked = [d for i in minutes.items for d in i.decisions if d.taken_while_inquorate]
    assert marked
    text = " ".join(pages_text(export_minutes_pdf(demo_store, mid, tmp_path / "inq.pdf")))
    assert text.count(INQUORATE_MARK) == len(marked)
    assert "The meeting was not quorate" in text


def test_a_quorate_meetings_decisions_carry_no_inquorate_mark(tmp_path, demo_store):
    text = " ".join(pages_text(export_minutes_pdf(demo_store, _draft_meeting(demo_store), tmp_path / "q.pdf")))
    assert "DECISION" in text and INQUORATE_MARK not in text


def test_no_declarations_prints_none_declared(tmp_path, demo_store):
    mid = _draft_meeting(demo_store)
    minutes = dataclasses.replace(demo_store.minutes.minutes(mid), declarations=[])
    text = " ".join(pages_text(minutes_pdf_from(minutes, tmp_path / "n.pdf")))
    assert "None declared." in text


def test_metadata_and_embedded_fonts(tmp_path, demo_store):
    mid = _draft_meeting(demo_store)
    minutes = demo_store.minutes.minutes(mid)
    reader = PdfReader(str(export_minutes_pdf(demo_store, mid, tmp_path / "m.pdf")))
    meta = reader.metadata
    assert meta.title.startswith("Minutes — ") and minutes.subcommittee in meta.title
    assert meta.author == minutes.partnership
    assert "draft" in meta.subject
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for font in fonts.values():
        if "/FontDescriptor" not in font:
            pytest.fail(f"{font['/BaseFont']} is a standard font, not embedded")
        assert "/FontFile2" in font["/FontDescriptor"], f"{font['/BaseFont']} is not embedded"


def test_the_chairs_laptop_renders_an_approval_file_draft_then_signed(tmp_path, demo_store):
    mid = _draft_meeting(demo_store)
    approval, written = demo_store.minutes.export_for_approval(mid, tmp_path / "for-approval")
    opened = read_approval_file(written)  # no database from here on
    draft_text = " ".join(pages_text(minutes_pdf_from(opened.minutes, tmp_path / "a.pdf")))
    assert "DRAFT — not yet approved" in draft_text
    assert SignedInfo.from_approval(opened) is None
    signed_file = respond(opened, "Dr Helen Carter", dt.date.today())
    reread = read_approval_file(write_approval_file(signed_file, tmp_path / "signed"))
    signed = SignedInfo.from_approval(reread)
    text = " ".join(pages_text(minutes_pdf_from(reread.minutes, tmp_path / "b.pdf", signed=signed)))
    assert "Approved as a true record by Dr Helen Carter, Chair" in text
    assert f"SHA-256 {approval.draft_digest}" in text and "DRAFT" not in text


def test_a_correction_prints_its_revision_date_and_reason(tmp_path, demo_store):
    mid = next(m.id for m in demo_store.meetings.list()
               if demo_store.minutes.revision(m.id) is not None and demo_store.minutes.revision(m.id).is_signed)
    demo_store.minutes.correct(mid, "Apologies from Hannah Cole were omitted", dt.date(2026, 11, 3))
    text = " ".join(pages_text(export_minutes_pdf(demo_store, mid, tmp_path / "c.pdf")))
    assert "Revision 2, corrected on Tuesday 3 November 2026: Apologies from Hannah Cole were omitted" in text
    assert "DRAFT — not yet approved" in text  # the correction is not signed yet
    rev1 = " ".join(pages_text(export_minutes_pdf(demo_store, mid, tmp_path / "r1.pdf", revision=1)))
    assert "Approved as a true record by" in rev1 and "revision 2 corrects this revision" in rev1


def test_signed_minutes_that_do_not_verify_are_refused_and_nothing_is_written(tmp_path, demo_store, monkeypatch):
    from mqp_desktop.domain.signoff import VerifyResult

    mid = next(m.id for m in demo_store.meetings.list()
               if demo_store.minutes.revision(m.id) is not None and demo_store.minutes.revision(m.id).is_signed)
    monkeypatch.setattr(demo_store.minutes, "verify", lambda *a, **k: VerifyResult(
        ok=False, stored_digest="a" * 64, recomputed="b" * 64, revision=1, problem="The content has changed."))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportFileError, match="do not verify"):
        export_minutes_pdf(demo_store, mid, out / "x.pdf")
    assert list(out.iterdir()) == []


def test_a_long_attendance_table_repeats_its_heading_row_on_the_next_page(tmp_path, demo_store):
    minutes = demo_store.minutes.minutes(_draft_meeting(demo_store))
    minutes.attendance.present = [Person(f"Member Number{n:03d}", "Post", "Agency") for n in range(90)]
    pages = pages_text(minutes_pdf_from(minutes, tmp_path / "long.pdf"))
    holding = [p for p in pages if re.search(r"Member Number0\d\d", p)]
    assert len(holding) >= 2
    assert all("Name Post Agency or organisation" in p for p in holding)


def _text_sizes(path) -> list[tuple[str, float]]:
    """Every piece of text drawn in the PDF with its size on the page (font size times the text matrix's scale)."""
    found: list[tuple[str, float]] = []
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size):
            if text.strip():
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                found.append((text, size * scale))
        page.extract_text(visitor_text=visit)
    return found


def _watermark_ink(path, page: int) -> int:
    """How many pixels of page ``page`` have the watermark's pale grey (rendered by poppler at 30 dpi: 35% of
    75% grey over white, 233 of 255; no fill of the minutes' own is that shade)."""
    import shutil
    import subprocess

    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    png = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", "30", "-gray", "-png", str(path)],
                         check=True, capture_output=True).stdout
    histogram = Image.open(io.BytesIO(png)).convert("L").histogram()
    return sum(histogram[232:235])


def test_the_draft_watermark_is_drawn_but_is_not_text(tmp_path, demo_store):
    """The diagonal DRAFT is shapes: copied text, search and screen readers get no stray letters from it
    (pdftotext and pypdf find DRAFT only in the words 'DRAFT — not yet approved' and the footer), yet every
    page still shows it (its pale grey covers much of each page, which the signed minutes' pages do not have)."""
    import shutil
    import subprocess

    mid = _draft_meeting(demo_store)
    path = export_minutes_pdf(demo_store, mid, tmp_path / "draft.pdf")
    assert all(size < 30 for _, size in _text_sizes(path)), "text the size of a watermark"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    else:
        text = "\n".join(pages_text(path))
    pages = text.split("\f")
    for page in pages:
        for line in page.splitlines():
            assert line.strip() not in {"D", "R", "A", "F", "T", "DRAFT", "D R A F T"}, line
            if "DRAFT" in line:
                assert "DRAFT — not yet approved" in line or line.rstrip().endswith("— DRAFT"), line
    meeting = demo_store.meetings.get(mid)
    demo_store.minutes.sign(mid, "Dr Helen Carter", meeting.date + dt.timedelta(days=7))
    signed = export_minutes_pdf(demo_store, mid, tmp_path / "signed.pdf")
    count = len(PdfReader(str(path)).pages)
    for n in range(1, count + 1):
        assert _watermark_ink(path, n) > 1000, f"no watermark drawn on page {n}"
    assert _watermark_ink(signed, 1) < 300, _watermark_ink(signed, 1)

"""The meeting pack read back with pypdf: pages, bookmarks, the contents' page numbers against the real
pages, the stamped numbers, papers circulated separately, bad papers, cancelling and supplements."""

from __future__ import annotations

import datetime as dt
import io
import math
import re

import pytest

from mqp_desktop.domain.agenda import AgendaItem, Purpose
from mqp_desktop.domain.documents import CheckedDocument, Document
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.exporters import paper_convert
from mqp_desktop.exporters.meeting_pack import PackCancelled, PackError, build_pack, build_supplement
from mqp_desktop.exporters.pack_merge import SAFE_EDGE

pypdf = pytest.importorskip("pypdf")

TODAY = dt.date.today()
DAY = TODAY + dt.timedelta(days=14)
LABEL = f"MQ&P {DAY.day} {DAY:%b %Y}"


def make_pdf(marker: str, pages: int, *, landscape: bool = False) -> bytes:
    """A small PDF whose every page says '<marker> p<n>' (found again by text extraction)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turn
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    size = turn(A4) if landscape else A4
    c = Canvas(buf, pagesize=size, invariant=True)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 14)
        c.drawString(72, size[1] - 100, f"{marker} p{n}")
        c.showPage()
    c.save()
    return buf.getvalue()


def docx_bytes(text: str) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture
def meeting(store):
    """A meeting with the standing agenda and three items: two papers, one paper, one paper to follow."""
    m = store.meetings.add(Meeting(date=DAY, venue="Room 1, Town Hall"))
    repo = store.agendas
    repo.apply_standing_agenda(m.id)
    a = repo.add_item(AgendaItem(meeting_id=m.id, title="Dataset exceptions", purpose=Purpose.DISCUSSION,
                                 minutes=20, presenter_name="Dr Ama Boateng"))
    b = repo.add_item(AgendaItem(meeting_id=m.id, title="Neglect strategy", purpose=Purpose.DECISION, minutes=15))
    c = repo.add_item(AgendaItem(meeting_id=m.id, title="Inspection outcome", purpose=Purpose.INFORMATION, minutes=10))
    papers = {}
    for item, key, pages in ((a, "ALPHA", 3), (a, "BRAVO", 2), (b, "CHARLIE", 1)):
        p = repo.request_paper(item.id, author_name="A. Author", title=f"{key.title()} report",
                               requested_on=TODAY - dt.timedelta(days=20))
        repo.attach_content(p.id, f"{key.lower()}.pdf", make_pdf(key, pages), received_on=TODAY - dt.timedelta(days=2))
        repo.sign_off(p.id, "Senior Manager", TODAY - dt.timedelta(days=1))
        papers[key] = repo.paper(p.id)
    papers["DELTA"] = repo.request_paper(c.id, author_name="B. Author", title="Delta report",
                                         requested_on=TODAY - dt.timedelta(days=20))
    return m, {"a": a, "b": b, "c": c}, papers


def page_texts(path) -> list[str]:
    reader = pypdf.PdfReader(str(path))
    return [page.extract_text() or "" for page in reader.pages]


def first_page_with(texts: list[str], marker: str) -> int:
    """1-based number of the first page whose text holds ``marker``."""
    return next(i for i, t in enumerate(texts, start=1) if marker in t)


def contents_page(contents: str, title: str) -> int | None:
    """The page number printed against ``title`` on the contents page (None: no number, e.g. to follow).

    Text extraction gives each row on a line of its own: (number,) title, page number at the end."""
    line = next(li for li in contents.splitlines() if title in li)
    found = re.search(r"\s(\d+)\s*$", line.split(title, 1)[1])
    return int(found.group(1)) if found else None


def outline(reader) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) for every bookmark."""
    out = []

    def walk(items, depth):
        for entry in items:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return out


def test_pack_pages_contents_bookmarks_and_stamps(store, meeting, tmp_path):
    m, items, papers = meeting
    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=False)
    reader = pypdf.PdfReader(str(out))
    texts = page_texts(out)
    assert len(reader.pages) == result.page_count == len(texts)
    # Every page, ours and the papers', carries its number.
    for n, text in enumerate(texts, start=1):
        assert f"page {n} of {result.page_count}" in text, (n, text[-200:])
    assert all(LABEL in t for t in texts)

    # The papers are there whole, in agenda order, each behind its item's divider.
    alpha, bravo, charlie = (first_page_with(texts, f"{k} p1") for k in ("ALPHA", "BRAVO", "CHARLIE"))
    assert texts[alpha - 1 + 2].count("ALPHA p3") == 1 and bravo == alpha + 3 and charlie > bravo + 1
    assert "Item" in texts[alpha - 2] and "Dataset exceptions" in texts[alpha - 2]
    assert "Neglect strategy" in texts[charlie - 2]

    # The result's contents agree with the real pages.
    by_ref = {c["reference"]: c for c in result.contents if c["kind"] == "paper"}
    number_a = store.agendas.numbers(m.id)[items["a"].id]
    number_b = store.agendas.numbers(m.id)[items["b"].id]
    assert by_ref[f"Paper {number_a}a"]["first_page"] == alpha and by_ref[f"Paper {number_a}a"]["last_page"] == alpha + 2
    assert by_ref[f"Paper {number_a}b"]["first_page"] == bravo
    assert by_ref[f"Paper {number_b}"]["first_page"] == charlie
    doc = store.agendas.document(papers["ALPHA"].document_id)
    assert by_ref[f"Paper {number_a}a"]["sha256"] == doc.info.sha256
    assert by_ref[f"Paper {number_a}a"]["document_id"] == doc.info.id

    # The printed contents page says the same page numbers.
    contents = texts[1]
    assert contents.startswith("Contents") or "Contents" in contents
    for key, page in (("Alpha report", alpha), ("Bravo report", bravo), ("Charlie report", charlie),
                      ("Dataset exceptions", alpha - 1), ("Neglect strategy", charlie - 1), ("Agenda", 3)):
        assert contents_page(contents, key) == page, key
    assert contents_page(contents, "Delta report") is None and "To follow" in contents

    # One bookmark per item with papers and per paper in the pack, pointing at the right pages.
    marks = outline(reader)
    titles = {title: page for _, title, page in marks}
    assert titles[f"Paper {number_a}a: Alpha report"] == alpha
    assert titles[f"Paper {number_a}b: Bravo report"] == bravo
    assert titles[f"Paper {number_b}: Charlie report"] == charlie
    assert titles[f"Item {number_a}: Dataset exceptions"] == alpha - 1
    assert titles[f"Item {number_b}: Neglect strategy"] == charlie - 1
    assert titles["Agenda"] == 3 and titles["Cover"] == 1 and titles["Contents"] == 2
    assert {d for d, t, _ in marks if t.startswith("Paper")} == {1}  # papers under their item

    # The agenda page, and what the PDF says about itself.
    assert "Agenda" in texts[2] and "Dataset exceptions" in texts[2] and "Paper" in texts[2]
    meta = reader.metadata
    assert "Meeting pack" in meta.title and f"{DAY.day} {DAY:%B %Y}" in meta.title
    assert meta.author == store.subcommittee().partnership or meta.author == store.subcommittee().name
    assert "Agenda and papers" in meta.subject


def test_pack_is_saved_with_the_documents_it_used(store, meeting, tmp_path):
    m, _, papers = meeting
    out = tmp_path / "pack.pdf"
    steps = []
    result = build_pack(store, m.id, out, progress=lambda s, t, msg: steps.append((s, t, msg)))
    assert result.pack_id is not None
    pack = store.agendas.pack(result.pack_id)
    assert pack.page_count == result.page_count
    assert store.agendas.document(pack.document_id).content == out.read_bytes()
    used = {s["document_id"]: s["sha256"] for s in pack.contents["sections"] if s["kind"] == "paper"}
    assert used == {p.document_id: store.agendas.document_info(p.document_id).sha256
                    for k, p in papers.items() if k != "DELTA"}
    assert [s for s, _, _ in steps] == list(range(1, len(steps) + 1)) and steps[-1][0] == steps[-1][1]


def test_a_paper_no_converter_can_read_is_listed_as_circulated_separately(store, meeting, tmp_path, monkeypatch):
    m, items, _ = meeting
    monkeypatch.setattr(paper_convert, "find_converters", lambda: ())
    repo = store.agendas
    p = repo.request_paper(items["c"].id, author_name="C. Author", title="Echo spreadsheet")
    repo.attach_content(p.id, "echo.docx", docx_bytes("ECHO"))
    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=False)
    texts = page_texts(out)
    [apart] = result.separately
    assert apart["file_name"] == "echo.docx" and apart["paper_id"] == p.id
    assert apart["document_id"] == repo.paper(p.id).document_id
    assert "LibreOffice" in apart["reason"]
    notice = texts[apart["page"] - 1]
    assert "Circulated separately" in notice and "echo.docx" in notice and "Echo spreadsheet" in notice
    assert contents_page(texts[1], "Echo spreadsheet") == apart["page"]
    assert any("circulated separately" in t.lower() for _, t, _ in outline(pypdf.PdfReader(str(out))))
    assert "Circulated separately with the email" in texts[0]


@pytest.mark.skipif(paper_convert.find_soffice() is None, reason="LibreOffice is not installed")
def test_a_word_paper_is_converted_with_libreoffice(store, meeting, tmp_path):
    m, items, _ = meeting
    repo = store.agendas
    p = repo.request_paper(items["c"].id, author_name="C. Author", title="Foxtrot note")
    repo.attach_content(p.id, "foxtrot.docx", docx_bytes("FOXTROT WORD PAPER"))
    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=False)
    texts = page_texts(out)
    [entry] = [c for c in result.contents if c.get("paper_id") == p.id]
    assert entry["kind"] == "paper" and entry["converted_with"] == "LibreOffice"
    assert "FOXTROT WORD PAPER" in texts[entry["first_page"] - 1]
    assert f"page {entry['first_page']} of {result.page_count}" in texts[entry["first_page"] - 1]
    assert result.separately == []


def inherited_pdf(marker: str, pages: int, rotate: int, crop: tuple[float, float, float, float] | None = None) -> bytes:
    """A paper whose pages take their media box and rotation from the page tree, as some producers write
    them (and, with ``crop``, a crop box away from the origin)."""
    import pikepdf

    pdf = pikepdf.Pdf.open(io.BytesIO(make_pdf(marker, pages)))
    box = pdf.pages[0].obj.MediaBox
    for page in pdf.pages:
        for key in ("/MediaBox", "/Rotate"):
            if key in page.obj:
                del page.obj[key]
        if crop is not None:
            page.obj.CropBox = pikepdf.Array(crop)
    pdf.Root.Pages.MediaBox = box
    pdf.Root.Pages.Rotate = rotate
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def stamp_positions(path, stamp: str) -> list[tuple[float, float, float, float]]:
    """Per page: where the text holding ``stamp`` starts, and the page's width and height, all as the page
    is shown — pypdf turns each page's /Rotate into its content first, so these are a reader's view."""
    out = []
    for page in pypdf.PdfWriter(clone_from=str(path)).pages:
        page.transfer_rotation_to_content()
        found = []

        def visit(text, cm, tm, font, size, found=found):
            if stamp in text:
                found.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

        page.extract_text(visitor_text=visit)
        box = page.cropbox
        assert found, "no stamp on a page"
        x, y = found[0]
        out.append((x - float(box.left), y - float(box.bottom), float(box.width), float(box.height)))
    return out


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_stamps_sit_at_the_bottom_right_of_turned_and_cropped_pages(store, meeting, tmp_path, rotate):
    m, items, _ = meeting
    repo = store.agendas
    p = repo.request_paper(items["c"].id, author_name="E. Author", title="Turned report")
    repo.attach_content(p.id, "turned.pdf", inherited_pdf("TURNED", 2, rotate, crop=(30, 40, 560, 800)))
    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=False)
    [entry] = [c for c in result.contents if c.get("paper_id") == p.id]
    positions = stamp_positions(out, "page ")
    for n in range(entry["first_page"], entry["last_page"] + 1):
        x, y, width, height = positions[n - 1]
        assert (width > height) == (rotate in (90, 270)), (n, width, height)
        assert width / 2 < x < width - 20 and SAFE_EDGE + 4 <= y < 60, (n, rotate, x, y, width, height)
    assert "TURNED p2" in page_texts(out)[entry["last_page"] - 1]


def rendered_page(path, page: int, dpi: int = 72):
    """Page ``page`` (1-based) as a reader shows it (poppler: crop box within media box, turned), in grey."""
    import shutil
    import subprocess

    from PIL import Image

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    png = subprocess.run(["pdftoppm", "-cropbox", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", "-png",
                          str(path)],
                         check=True, capture_output=True).stdout
    return Image.open(io.BytesIO(png)).convert("L")


def ink_within(image, box: tuple[int, int, int, int]) -> bool:
    """Whether anything is drawn (a pixel darker than white) inside ``box`` (left, top, right, bottom, pixels)."""
    return image.crop(box).getextrema()[0] < 250


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
@pytest.mark.parametrize("crop", [None, (30, 40, 560, 800), (-200, -150, 700, 900)],
                         ids=["media box", "crop box inside", "crop box beyond the paper"])
def test_the_stamp_stays_10_mm_inside_the_page_as_shown(store, meeting, tmp_path, rotate, crop):
    """Printers cannot print near the paper's edge: the stamp, patch and all, is drawn at least 10 mm inside
    the page a reader shows (the crop box, clipped to the media box), whatever the paper's boxes and turn —
    and it is there (ink in the band 10–20 mm above the bottom edge, at the right)."""
    m, items, _ = meeting
    repo = store.agendas
    p = repo.request_paper(items["c"].id, author_name="E. Author", title="Boxed report")
    repo.attach_content(p.id, "boxed.pdf", inherited_pdf("BOXED", 1, rotate, crop=crop))
    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=False)
    [entry] = [c for c in result.contents if c.get("paper_id") == p.id]
    for n in (1, 2, entry["first_page"]):  # the cover, the contents (drawn by us) and the paper's page
        image = rendered_page(out, n)
        width, height = image.size  # 72 dpi: a pixel a point
        edge = math.ceil(SAFE_EDGE)
        assert not ink_within(image, (0, height - edge, width, height)), (n, "ink within 10 mm of the bottom")
        assert not ink_within(image, (width - edge, 0, width, height)), (n, "ink within 10 mm of the right")
        assert ink_within(image, (width // 2, height - 57, width - edge, height - edge)), (n, "no stamp")


def assert_numbering_holds(result, out) -> list[str]:
    """Every page stamped with its number; every section's first page in the result, the bookmarks and
    the printed contents agree with where its text really is. Returns the pages' text."""
    texts = page_texts(out)
    assert len(texts) == result.page_count
    for n, text in enumerate(texts, start=1):
        assert f"page {n} of {result.page_count}" in text, n
    marks = {title: page for _, title, page in outline(pypdf.PdfReader(str(out)))}
    contents = "\n".join(t for t in texts[:6] if "Contents" in t or "Page" in t)
    for section in result.contents:
        if section["kind"] == "paper":
            title = section["title"].split(": ", 1)[1]  # 'Paper 1: Item00 report'
            assert title.split(" report")[0].upper() + " p1" in texts[section["first_page"] - 1], section
            assert contents_page(contents, title) == section["first_page"], title
        if section["kind"] == "divider":
            assert "Item" in texts[section["first_page"] - 1]
        assert marks[section["title"]] == section["first_page"], section["title"]
    return texts


def test_a_contents_over_two_pages_and_a_divider_that_runs_over_keep_the_numbers_true(store, tmp_path, monkeypatch):
    """Forty items with papers make a contents of two pages (its 'Page' heading again on the second); an
    item with eighteen papers makes a divider of two. Both are foreseen or found, and every number printed
    still matches the page. The contents' length is also mis-foreseen on purpose: the layout is done again
    with the counts found."""
    from mqp_desktop.exporters import pack_pages

    m = store.meetings.add(Meeting(date=DAY, venue="Room 1, Town Hall"))
    repo = store.agendas
    for n in range(40):
        item = repo.add_item(AgendaItem(meeting_id=m.id, title=f"Item{n:02d}", purpose=Purpose.INFORMATION,
                                        minutes=1))
        for k in range(18 if n == 7 else 1):
            key = f"Item{n:02d}" + (chr(ord("a") + k) if n == 7 else "")
            paper = repo.request_paper(item.id, author_name="A. Author", title=f"{key} report")
            repo.attach_content(paper.id, f"{key}.pdf", make_pdf(key.upper(), 1))
    foreseen = []
    real_predict = pack_pages.predict_pages
    monkeypatch.setattr(pack_pages, "predict_pages", lambda section: foreseen.append(real_predict(section)) or 1)
    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=False)
    [contents] = [c for c in result.contents if c["kind"] == "contents"]
    assert contents["last_page"] - contents["first_page"] + 1 == foreseen[0] >= 2
    texts = assert_numbering_holds(result, out)
    assert texts[contents["last_page"] - 1].count("Page") >= 1  # the heading again on the second page
    for page in range(contents["first_page"], contents["last_page"]):  # an item is kept with its first paper
        rows = [li for li in texts[page - 1].splitlines() if re.search(r"\s\d+$", li) and "page " not in li]
        assert "report" in rows[-1], (page, rows[-1])
    [long_divider] = [c for c in result.contents if c["kind"] == "divider" and "Item07" in c["title"]]
    assert long_divider["last_page"] == long_divider["first_page"] + 1


def test_a_table_row_taller_than_a_page_is_a_clear_error_not_a_crash(store, meeting, tmp_path, monkeypatch):
    """Titles are limited, but an action's text is not: a row no page can hold is named, nothing written."""
    from reportlab.platypus import Table

    from mqp_desktop.exporters import pack_actions, pack_pages

    m, _, _ = meeting
    monkeypatch.setattr(pack_actions, "action_log_section", lambda rows, as_at: pack_pages.Section(
        "action_log", [Table([["An action\n" * 90]])]))
    out = tmp_path / "pack.pdf"
    with pytest.raises(PackError, match="too long to fit on a page.*Shorten"):
        build_pack(store, m.id, out, save=False)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_a_stamp_label_beyond_helveticas_letters_still_numbers_every_page(store, meeting, tmp_path):
    """The stamp is set in Helvetica (WinAnsi): letters it lacks become their plain form or '?', never an error."""
    m, _, _ = meeting
    sc = store.subcommittee()
    sc.short_name = "Zespół MQ&P Ąę"
    store.update_subcommittee(sc)
    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=False)
    texts = page_texts(out)
    for n, text in enumerate(texts, start=1):
        assert f"page {n} of {result.page_count}" in text
    assert "Zespó? MQ&P Ae" in texts[0]  # ó is in WinAnsi; ł has no plain form; Ą and ę lose their marks


def _encrypted() -> bytes:
    reader = pypdf.PdfReader(io.BytesIO(make_pdf("LOCKED", 1)))
    writer = pypdf.PdfWriter()
    writer.append(reader)
    writer.encrypt("open-sesame", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


BAD = {
    "corrupt": ("broken.pdf", b"%PDF-1.7\n" + b"\x00\xff garbage " * 50 + b"\n%%EOF\n", "damaged"),
    "encrypted": ("locked.pdf", None, "password"),
    "zero-byte": ("empty.pdf", b"", "empty"),
    "exe renamed": ("setup.pdf", b"MZ\x90\x00" + b"\x00" * 200, "Windows program"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_paper_is_named_and_nothing_is_written(store, meeting, tmp_path, monkeypatch, case):
    m, items, _ = meeting
    name, content, words = BAD[case]
    content = _encrypted() if content is None else content
    repo = store.agendas
    paper = repo.request_paper(items["b"].id, author_name="D. Author", title="Golf review")
    placeholder = CheckedDocument(name, "application/pdf", content or b"x")
    repo._attach(repo.paper(paper.id), placeholder, None)  # past the attach checks, as an old database might hold
    if not content:
        real = repo.document
        doc_id = repo.paper(paper.id).document_id
        monkeypatch.setattr(repo, "document", lambda i: Document(real(i).info, b"") if i == doc_id else real(i))
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"the previous pack")
    with pytest.raises(PackError) as err:
        build_pack(store, m.id, out)
    message = str(err.value)
    number = repo.numbers(m.id)[items["b"].id]
    assert f"Item {number}" in message and "Golf review" in message and name in message and words in message
    assert err.value.file_name == name and err.value.paper_id == paper.id and err.value.remedy
    assert out.read_bytes() == b"the previous pack"
    assert [f.name for f in tmp_path.iterdir()] == ["pack.pdf"]
    assert repo.packs(m.id) == []


def test_cancel_mid_way_leaves_nothing(store, meeting, tmp_path):
    m, _, _ = meeting
    out = tmp_path / "pack.pdf"
    seen = []

    def cancelled():
        return len(seen) >= 3

    with pytest.raises(PackCancelled):
        build_pack(store, m.id, out, progress=lambda s, t, msg: seen.append(msg), cancelled=cancelled)
    assert len(seen) == 3
    assert list(tmp_path.iterdir()) == []
    assert store.agendas.packs(m.id) == []


def test_a_supplement_keeps_the_pack_numbering_and_has_its_own(store, meeting, tmp_path):
    m, items, _ = meeting
    first = build_pack(store, m.id, tmp_path / "pack.pdf", save=False)
    repo = store.agendas
    late = repo.request_paper(items["a"].id, author_name="E. Author", title="Hotel addendum", supplement=True)
    repo.attach_content(late.id, "hotel.pdf", make_pdf("HOTEL", 2, landscape=True))
    again = build_pack(store, m.id, tmp_path / "pack-again.pdf", save=False)
    assert again.page_count == first.page_count
    assert [(c["title"], c["first_page"], c["last_page"]) for c in again.contents] == \
        [(c["title"], c["first_page"], c["last_page"]) for c in first.contents]
    assert not any("HOTEL" in t for t in page_texts(tmp_path / "pack-again.pdf"))

    supp = build_supplement(store, m.id, tmp_path / "supplement.pdf")
    texts = page_texts(tmp_path / "supplement.pdf")
    assert supp.page_count == len(texts) == 3
    assert "Supplement 1" in texts[0] and "Hotel addendum" in texts[0]
    for n, text in enumerate(texts, start=1):
        assert f"S1-{n} of S1-3" in text
    assert "HOTEL p1" in texts[1] and "HOTEL p2" in texts[2]
    [paper] = [c for c in supp.contents if c["kind"] == "paper"]
    assert paper["first_page"] == "S1-2" and paper["last_page"] == "S1-3" and paper["reference"] == "Supplement 1"
    assert supp.pack_id is None


def test_a_meeting_without_supplements_has_none_to_build(store, meeting, tmp_path):
    m, _, _ = meeting
    with pytest.raises(PackError, match="no supplement"):
        build_supplement(store, m.id, tmp_path / "s.pdf")
    assert list(tmp_path.iterdir()) == []


def test_the_demo_pack_builds(demo_store, tmp_path, monkeypatch):
    monkeypatch.setattr(paper_convert, "find_converters", lambda: ())
    meeting = demo_store.meetings.next_meeting()
    result = build_pack(demo_store, meeting.id, tmp_path / "demo.pdf")
    texts = page_texts(tmp_path / "demo.pdf")
    assert result.page_count == len(texts) > 5
    assert "Minutes of the meeting held on" in texts[3]  # the previous meeting's minutes follow the agenda
    assert result.separately and all(s["file_name"].endswith(".docx") for s in result.separately)


def _demo_next_and_previous(store):
    from mqp_desktop.exporters.meeting_pack import previous_meeting

    meeting = store.meetings.next_meeting()
    prior = previous_meeting(store, meeting)
    assert prior is not None and store.minutes.revisions(prior.id)
    return meeting, prior


def test_the_pack_holds_the_previous_draft_minutes_and_the_action_log(demo_store, tmp_path, monkeypatch):
    from mqp_desktop.exporters.agenda_content import long_date

    monkeypatch.setattr(paper_convert, "find_converters", lambda: ())
    meeting, prior = _demo_next_and_previous(demo_store)
    assert not demo_store.minutes.is_locked(prior.id)  # the demo's latest minutes are a draft
    result = build_pack(demo_store, meeting.id, tmp_path / "pack.pdf")
    reader = pypdf.PdfReader(str(tmp_path / "pack.pdf"))
    texts = [p.extract_text() or "" for p in reader.pages]
    assert result.page_count == len(texts)
    by_kind = {r["kind"]: r for r in result.contents}
    minutes, log = by_kind["minutes"], by_kind["action_log"]
    rev = demo_store.minutes.revision(prior.id)
    assert (minutes["status"], minutes["revision"], minutes["digest"], minutes["meeting_id"]) == (
        "draft", rev.revision, "", prior.id)
    assert minutes["first_page"] == by_kind["agenda"]["last_page"] + 1
    assert log["first_page"] == minutes["last_page"] + 1
    # The minutes' pages are the previous meeting's minutes, as a draft, each stamped with the pack's number.
    heading = f"Minutes of the meeting held on {long_date(prior.date)}"
    for n in range(minutes["first_page"], minutes["last_page"] + 1):
        assert "DRAFT" in texts[n - 1] and f"page {n} of {len(texts)}" in texts[n - 1]
        # one page number a page: the pack's, not the minutes' own "Page 1 of 4" as well
        assert re.findall(r"[Pp]age \d+ of \d+", texts[n - 1]) == [f"page {n} of {len(texts)}"], texts[n - 1]
    assert heading in texts[minutes["first_page"] - 1]
    assert minutes["last_page"] > minutes["first_page"]  # several pages, merged whole
    # The action log lists the open actions carried forward, overdue ones said in words.
    entries = demo_store.minutes.open_at(meeting.id)
    assert entries
    page = texts[log["first_page"] - 1]
    assert "Action log" in page and f"page {log['first_page']} of {len(texts)}" in page
    for e in entries:
        assert e.action.number in page.replace("\n", "")
    if any(e.overdue for e in entries):
        assert "Overdue" in page
    # Bookmarks and the printed contents agree with the real pages.
    titles = {title: pg for _, title, pg in outline(reader)}
    mark = next(t for t in titles if t.startswith("Minutes of the previous meeting"))
    assert titles[mark] == minutes["first_page"] and titles["Action log"] == log["first_page"]
    assert first_page_with(texts, heading) == minutes["first_page"]
    contents = texts[1]
    assert contents_page(contents, "Minutes of the previous meeting") == minutes["first_page"]
    assert contents_page(contents, "Action log") == log["first_page"]
    assert "Draft, not yet approved" in contents and "To follow" not in contents.split("Action log")[0]
    checked = 0
    for record in result.contents:
        if record["kind"] in ("paper", "divider"):  # the papers come after the minutes and log, still right
            key = record["title"].split(": ", 1)[1] if record["kind"] == "divider" else record["reference"] + " "
            assert contents_page(contents, key) == record["first_page"], key
            checked += 1
    assert checked >= 2


def test_signed_previous_minutes_go_in_as_approved_with_their_digest(demo_store, tmp_path, monkeypatch):
    monkeypatch.setattr(paper_convert, "find_converters", lambda: ())
    meeting, prior = _demo_next_and_previous(demo_store)
    digest = demo_store.minutes.sign(prior.id, "Dr Helen Carter", prior.date + dt.timedelta(days=5))
    result = build_pack(demo_store, meeting.id, tmp_path / "pack.pdf")
    texts = page_texts(tmp_path / "pack.pdf")
    minutes = next(r for r in result.contents if r["kind"] == "minutes")
    assert (minutes["status"], minutes["digest"]) == ("signed", digest)
    pages = "\n".join(texts[minutes["first_page"] - 1:minutes["last_page"]])
    assert "Approved as a true record by Dr Helen Carter" in pages and "DRAFT" not in pages
    assert "Approved (revision" in texts[1]


def test_previous_meeting_without_minutes_says_to_follow(store, tmp_path):
    from mqp_desktop.domain.meetings import MeetingStatus

    past = store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=40), status=MeetingStatus.HELD))
    assert store.minutes.revisions(past.id) == []
    m = store.meetings.add(Meeting(date=DAY, venue="Room 1"))
    store.agendas.apply_standing_agenda(m.id)
    result = build_pack(store, m.id, tmp_path / "pack.pdf", save=False)
    texts = page_texts(tmp_path / "pack.pdf")
    minutes = next(r for r in result.contents if r["kind"] == "minutes")
    assert minutes["title"].endswith("(to follow)") and "status" not in minutes
    page = texts[minutes["first_page"] - 1]
    assert "Minutes of the previous meeting" in page and "To follow" in page
    log = next(r for r in result.contents if r["kind"] == "action_log")
    assert "No actions from earlier meetings are open." in texts[log["first_page"] - 1]
    assert contents_page(texts[1], "Action log") == log["first_page"]

"""Papers' PDFs: checked whole when attached (and again in the pack), and their active content left out of
the pack's copy while the stored file stays exactly as received.

Damaged, repairable, odd-but-sound and hostile PDFs are made with pikepdf (``tests/helpers/pdfs.py``);
packs are read back with pikepdf (every object in the file, reachable or not) and pypdf.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re

import pytest

from mqp_desktop.domain.agenda import AgendaItem, Purpose
from mqp_desktop.domain.documents import CheckedDocument, FileRefused
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.exporters import active_content as ac
from mqp_desktop.exporters.meeting_pack import PackError, build_pack, build_supplement
from mqp_desktop.exporters.pack_merge import BadPDF, check_paper_pdf, read_paper_pdf
from tests.helpers.db_dump import dump
from tests.helpers.pdfs import (
    active_content_left,
    damaged_pdfs,
    hostile_pdf,
    repairable_pdfs,
    sound_odd_pdfs,
    tiny_pdf,
    web_links,
)

pypdf = pytest.importorskip("pypdf")

TODAY = dt.date.today()
DAY = TODAY + dt.timedelta(days=14)
DAMAGED = damaged_pdfs()
REPAIRABLE = repairable_pdfs()
SOUND_ODD = sound_odd_pdfs()
# What an internal message would show: an object's repr, a class name, qpdf's stream label.
INTERNAL = re.compile(r"0x[0-9a-f]{6,}|BytesIO|<[^>]*object|pikepdf|PdfError|Error:|Traceback")


@pytest.fixture
def meeting(store):
    """A meeting with one item and one paper requested for it (no file yet)."""
    m = store.meetings.add(Meeting(date=DAY, venue="Room 1, Town Hall"))
    item = store.agendas.add_item(AgendaItem(meeting_id=m.id, title="Neglect strategy", purpose=Purpose.DECISION,
                                             minutes=15))
    paper = store.agendas.request_paper(item.id, author_name="A. Author", title="Neglect strategy 2026-29")
    return m, item, paper


def texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages]


# --- the full check at attach time --------------------------------------------------------------
@pytest.mark.parametrize("case", list(DAMAGED))
def test_a_damaged_pdf_is_refused_when_attached_naming_the_file_and_the_fix(store, meeting, case):
    _, _, paper = meeting
    content, words = DAMAGED[case]
    before = dump(store.db.conn)
    with pytest.raises(FileRefused) as caught:
        store.agendas.attach_content(paper.id, "neglect strategy.pdf", content)
    message = str(caught.value)
    assert message.startswith("'neglect strategy.pdf' ") and words in message, message
    assert "Ask the author" in message, "the fix is named"
    assert not INTERNAL.search(message), message
    assert dump(store.db.conn) == before, "nothing written"


@pytest.mark.parametrize("case", list(DAMAGED))
def test_a_damaged_pdf_stored_before_the_check_gets_the_same_words_at_pack_time(store, meeting, case, tmp_path):
    m, _, paper = meeting
    content, words = DAMAGED[case]
    repo = store.agendas
    repo._attach(repo.paper(paper.id), CheckedDocument("old.pdf", "application/pdf", content), None)  # an old paper
    with pytest.raises(BadPDF) as at_attach:
        read_paper_pdf(content)
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"the previous pack")
    with pytest.raises(PackError) as caught:
        build_pack(store, m.id, out)
    message = str(caught.value)
    assert f"'old.pdf' {at_attach.value.problem}" in message and words in message, message
    assert at_attach.value.remedy in caught.value.remedy and "build the pack again" in caught.value.remedy
    assert "Neglect strategy 2026-29" in message and caught.value.paper_id == paper.id
    assert not INTERNAL.search(message), message
    assert out.read_bytes() == b"the previous pack" and [f.name for f in tmp_path.iterdir()] == ["pack.pdf"]
    assert repo.packs(m.id) == []


@pytest.mark.parametrize("case", list(REPAIRABLE))
def test_a_pdf_qpdf_repairs_is_accepted_with_a_note_and_packed_whole(store, meeting, case, tmp_path):
    m, _, paper = meeting
    repo = store.agendas
    repo.attach_content(paper.id, "scanned.pdf", REPAIRABLE[case])
    assert "repaired" in repo.last_attach_note
    assert "repaired" in store.history(entity="paper", entity_id=paper.id)[0].summary
    result = build_pack(store, m.id, tmp_path / "pack.pdf", save=False)
    (record,) = [c for c in result.contents if c["kind"] == "paper"]
    assert record["repaired"] is True and record["last_page"] - record["first_page"] == 1
    pages = texts((tmp_path / "pack.pdf").read_bytes())
    assert any("p1" in t for t in pages[record["first_page"] - 1:]) and any("p2" in t for t in pages)


@pytest.mark.parametrize("case", list(SOUND_ODD))
def test_an_odd_but_sound_pdf_is_accepted_without_a_note(store, meeting, case, tmp_path):
    m, _, paper = meeting
    repo = store.agendas
    repo.attach_content(paper.id, "odd.pdf", SOUND_ODD[case])
    assert repo.last_attach_note == ""
    result = build_pack(store, m.id, tmp_path / "pack.pdf", save=False)
    (record,) = [c for c in result.contents if c["kind"] == "paper"]
    assert record["repaired"] is False and record["active_content_removed"] == []


def _odd_page(change) -> bytes:
    """A two-page sound PDF whose second page ``change(pdf, page_dict)`` makes odd."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(tiny_pdf("ODD", 2)))
    change(pdf, pdf.pages[1].obj)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def _odd_pages():
    from pikepdf import Array, Dictionary, Name

    def put(key, value):
        return lambda pdf, page: page.__setitem__(key, value(pdf, page) if callable(value) else value)

    return {  # name -> (the change, the refusal's words, or the page's (placement matrix, width) when accepted)
        "crop box a stream": (put("/CropBox", lambda pdf, page: pdf.make_stream(b"0 0 9 9")), "page 2 has no size"),
        "crop box of names": (put("/CropBox", Array([0, 0, Name.A, 5])), "page 2 has no size"),
        "crop box with no area": (put("/CropBox", Array([0, 0, 0, 5])), "page 2 has no area"),
        "rotation a name": (put("/Rotate", Name.X), "page 2 has no size"),
        "content a dictionary": (put("/Contents", Dictionary(A=1)), "page 2 has content that is not a content stream"),
        "content array with a number": (put("/Contents", lambda pdf, page: Array([page.Contents, 3])),
                                        "page 2 has content that is not a content stream"),
        "media box kept elsewhere": (put("/MediaBox", lambda pdf, page: pdf.make_indirect(Array([0, 0, 300, 400]))),
                                     ((1, 0, 0, 1, 0.0, 0.0), 300.0)),
        "turned 450 degrees": (put("/Rotate", 450), ((0, 1, -1, 0, 595.0, 0.0), 842.0)),
    }


ODD_PAGES = _odd_pages()


@pytest.mark.parametrize("case", list(ODD_PAGES))
def test_an_odd_page_is_read_or_refused_by_what_it_holds(case):
    """The page check reads keys in the quickest way qpdf allows (see pack_merge._check_page); odd pages still
    get the words for what is wrong with them, and sound odd ones their true size and turn."""
    change, expected = ODD_PAGES[case]
    data = _odd_page(change)
    if isinstance(expected, str):
        with pytest.raises(BadPDF, match=expected):
            read_paper_pdf(data)
    else:
        paper = read_paper_pdf(data)
        assert paper.placements[1] == expected and paper.placements[0] == ((1, 0, 0, 1, 0.0, 0.0), 595.0)


def test_attach_file_from_disk_runs_the_same_check(store, meeting, tmp_path):
    _, _, paper = meeting
    path = tmp_path / "loop.pdf"
    path.write_bytes(DAMAGED["page tree loop"][0])
    with pytest.raises(FileRefused, match="'loop.pdf' is a damaged PDF: its list of pages loops back on itself"):
        store.agendas.attach_file(paper.id, path)
    with pytest.raises(FileRefused, match="loops back"):
        store.agendas.read_file(path)  # what the CLI calls before recording a paper


# --- active content -------------------------------------------------------------------------------
# The hostile paper has a form field: the pack copies a paper's pages, not its form, and pikepdf warns that
# such widgets may not display in Acrobat (as it did before active content was removed; left as it was).
ORPHAN_WIDGETS = "ignore::pikepdf.PageCopyWarning"


@pytest.mark.filterwarnings(ORPHAN_WIDGETS)
def test_a_hostile_paper_is_packed_without_its_active_content_and_stored_unchanged(store, meeting, tmp_path):
    m, _, paper = meeting
    repo = store.agendas
    original = hostile_pdf()
    assert len(active_content_left(original)) >= 30, "the crafted paper really is hostile"
    repo.attach_content(paper.id, "neglect strategy.pdf", original)
    note = repo.last_attach_note
    assert "JavaScript" in note and "which the pack leaves out" in note and "embedded files" in note
    repo.sign_off(paper.id, "Senior Manager", TODAY)

    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=True)
    data = out.read_bytes()
    assert active_content_left(data) == [], "no JavaScript, launch, submit, import, GoToR/E, file links, embedded files"
    # Plain web and email links stay, in order; internal links (GoTo) stay; the reviewer's note stays.
    assert web_links(data) == ["https://www.gov.uk/government/publications/working-together",
                               "mailto:business.support@example.org"]
    reader = pypdf.PdfReader(io.BytesIO(data))
    (record,) = [c for c in result.contents if c["kind"] == "paper"]
    paper_pages = reader.pages[record["first_page"] - 1:record["last_page"]]
    subtypes = [a.get_object()["/Subtype"] for page in paper_pages for a in page.get("/Annots", [])]
    assert sorted(subtypes) == ["/Link", "/Link", "/Link", "/Text", "/Widget"], subtypes
    for page in reader.pages:
        assert "/AA" not in page
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            assert "/AA" not in annot
            action = annot.get("/A")
            assert action is None or action.get_object()["/S"] in ("/URI", "/GoTo"), action
    assert "/OpenAction" not in reader.trailer["/Root"] and "/Names" not in reader.trailer["/Root"]

    # The stored paper is exactly what was attached.
    doc = repo.document(repo.paper(paper.id).document_id)
    assert doc.content == original and doc.info.sha256 == hashlib.sha256(original).hexdigest()
    assert record["sha256"] == doc.info.sha256
    # The pack kept with the meeting is the clean one, and its contents say what was removed.
    (pack,) = repo.packs(m.id)
    assert active_content_left(repo.document(pack.document_id).content) == []
    saved = json.loads(json.dumps(pack.contents))["sections"]
    (kept,) = [s for s in saved if s["kind"] == "paper"]
    assert kept["active_content_removed"][0] == "JavaScript" and ac.EMBEDDED in kept["active_content_removed"]
    assert result.active_content_removed == [record]

    # The divider says so, and the cover.
    pages = texts(data)
    (divider,) = [c for c in result.contents if c["kind"] == "divider"]
    words = " ".join(pages[divider["first_page"] - 1].split())
    assert "Removed from this copy for safety: JavaScript" in words and "kept unchanged" in words
    assert "Active content" in " ".join(pages[0].split()) and "Paper 1" in pages[0]


@pytest.mark.filterwarnings(ORPHAN_WIDGETS)
def test_a_supplement_of_a_hostile_paper_is_clean_too(store, meeting, tmp_path):
    m, item, _ = meeting
    repo = store.agendas
    late = repo.request_paper(item.id, author_name="E. Author", title="Late addendum", supplement=True)
    repo.attach_content(late.id, "late.pdf", hostile_pdf("LATE"))
    out = tmp_path / "supplement.pdf"
    result = build_supplement(store, m.id, out)
    assert active_content_left(out.read_bytes()) == []
    assert any("Removed from this copy for safety" in t for t in texts(out.read_bytes()))
    assert [c["reference"] for c in result.active_content_removed] == ["Supplement 1"]


def test_a_paper_with_only_web_links_loses_nothing(store, meeting, tmp_path):
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    m, _, paper = meeting
    pdf = pikepdf.open(io.BytesIO(tiny_pdf("LINKS", 2)))
    pdf.pages[0].obj.Annots = Array([pdf.make_indirect(Dictionary(
        Type=Name.Annot, Subtype=Name.Link, Rect=Array([72, 600, 200, 620]),
        A=Dictionary(S=Name.URI, URI=String("https://www.gov.uk/guidance"))))])
    buf = io.BytesIO()
    pdf.save(buf)
    store.agendas.attach_content(paper.id, "links.pdf", buf.getvalue())
    assert store.agendas.last_attach_note == ""
    out = tmp_path / "pack.pdf"
    result = build_pack(store, m.id, out, save=False)
    assert result.active_content_removed == []
    assert web_links(out.read_bytes()) == ["https://www.gov.uk/guidance"]
    assert not any("Removed from this copy" in t for t in texts(out.read_bytes()))


def _one(action=None, *, page_aa=None, annotation=None, catalog=None) -> bytes:
    """A two-page PDF with one piece of active content on page 1 (or in the catalogue)."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.open(io.BytesIO(tiny_pdf("ONE", 2)))
    page = pdf.pages[0].obj
    if action is not None:
        page.Annots = Array([pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link,
                                                          Rect=Array([72, 600, 200, 620]), A=action))])
    if page_aa is not None:
        page.AA = page_aa
    if annotation is not None:
        page.Annots = Array([pdf.make_indirect(annotation)])
    for key, value in (catalog or {}).items():
        pdf.Root[key] = value
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def _cases():
    from pikepdf import Array, Dictionary, Name, String

    def js(code="app.alert(1)"):
        return Dictionary(S=Name.JavaScript, JS=String(code))

    return {
        "JavaScript link": (_one(js()), [ac.JAVASCRIPT]),
        "launch": (_one(Dictionary(S=Name.Launch, F=String("cmd.exe"))), [ac.LAUNCH]),
        "submit form": (_one(Dictionary(S=Name.SubmitForm, F=String("https://x.example"))), [ac.SUBMIT]),
        "import data": (_one(Dictionary(S=Name.ImportData, F=String("x.fdf"))), [ac.IMPORT]),
        "GoToR": (_one(Dictionary(S=Name.GoToR, F=String("x.pdf"), D=Array([0, Name.Fit]))), [ac.OTHER_FILES]),
        "GoToE": (_one(Dictionary(S=Name.GoToE, T=Dictionary(R=Name.C, N=String("x")))), [ac.OTHER_FILES]),
        "file URI": (_one(Dictionary(S=Name.URI, URI=String("file:///etc/passwd"))), [ac.LOCAL_LINKS]),
        "UNC URI": (_one(Dictionary(S=Name.URI, URI=String("\\\\host\\share"))), [ac.LOCAL_LINKS]),
        "javascript URI": (_one(Dictionary(S=Name.URI, URI=String("javascript:alert(1)"))), [ac.LOCAL_LINKS]),
        "GoTo then JavaScript": (_one(Dictionary(S=Name.GoTo, D=Array([0, Name.Fit]), Next=js())), [ac.JAVASCRIPT]),
        "Named print": (_one(Dictionary(S=Name.Named, N=Name.Print)), [ac.OTHER]),
        "rendition": (_one(Dictionary(S=Name.Rendition, R=Dictionary())), [ac.MULTIMEDIA]),
        "page open JavaScript": (_one(page_aa=Dictionary(O=js())), [ac.JAVASCRIPT]),
        "page open GoTo": (_one(page_aa=Dictionary(O=Dictionary(S=Name.GoTo, D=Array([0, Name.Fit])))),
                           [ac.AUTOMATIC]),
        "open action": (_one(catalog={"/OpenAction": js()}), [ac.JAVASCRIPT]),
        "document JavaScript": (_one(catalog={"/Names": Dictionary(JavaScript=Dictionary(
            Names=Array([String("a"), js()])))}), [ac.JAVASCRIPT]),
        "file attachment": (_one(annotation=Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment,
                                                       Rect=Array([1, 1, 2, 2]))), [ac.EMBEDDED]),
        "3D": (_one(annotation=Dictionary(Type=Name.Annot, Subtype=Name("/3D"), Rect=Array([1, 1, 2, 2]))),
               [ac.MULTIMEDIA]),
        "sound": (_one(annotation=Dictionary(Type=Name.Annot, Subtype=Name.Sound, Rect=Array([1, 1, 2, 2]))),
                  [ac.MULTIMEDIA]),
        "RichMedia": (_one(annotation=Dictionary(Type=Name.Annot, Subtype=Name.RichMedia, Rect=Array([1, 1, 2, 2]))),
                      [ac.MULTIMEDIA]),
    }


CASES = _cases()


@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_active_content_is_named_and_removed(case):
    data, expected = CASES[case]
    named = case.startswith("Named")  # not active content to the scanner; not on the list of what may stay
    assert (b"/Named" in data) if named else active_content_left(data) != [], "the case carries what it says"
    paper = check_paper_pdf(data)
    assert paper.active == expected
    buf = io.BytesIO()
    paper.pdf.save(buf)
    assert active_content_left(buf.getvalue()) == []
    assert b"/Named" not in buf.getvalue()


@pytest.mark.filterwarnings(ORPHAN_WIDGETS)
@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_active_content_is_removed_from_the_pack_of_a_paper_checked_when_attached(store, meeting,
                                                                                               tmp_path, case):
    """The pack does not decode again the pages of a paper this process checked when it was attached (see
    pack_merge._checked); its active content is still found and removed from the pack's copy, every time."""
    from mqp_desktop.exporters import pack_merge

    pack_merge.forget_checked()
    m, _, paper = meeting
    data, expected = CASES[case]
    store.agendas.attach_content(paper.id, "case.pdf", data)
    pages_checked = []
    real = pack_merge._check_page
    pack_merge._check_page = lambda *a: pages_checked.append(a[1]) or real(*a)
    try:
        out = tmp_path / "pack.pdf"
        result = build_pack(store, m.id, out, save=False)
    finally:
        pack_merge._check_page = real
    assert pages_checked == [], "the paper's pages were checked when it was attached"
    (record,) = [c for c in result.contents if c["kind"] == "paper"]
    assert record["active_content_removed"] == expected
    assert active_content_left(out.read_bytes()) == []
    assert b"/Named" not in out.read_bytes()


def test_a_pack_checks_a_paper_whole_unless_this_process_checked_those_very_bytes(store, meeting, tmp_path):
    """Checked when attached: the pack does not decode its pages again; in a new session (nothing remembered)
    every page is checked again; and a file stored without the check (an old database) is checked whole and
    refused, however many good papers were checked before it."""
    from mqp_desktop.exporters import pack_merge

    m, item, paper = meeting
    repo = store.agendas
    pack_merge.forget_checked()
    repo.attach_content(paper.id, "good.pdf", tiny_pdf("GOOD", 3))
    pages_checked = []
    real = pack_merge._check_page

    def counting(*args):
        pages_checked.append(args[1])
        return real(*args)

    pack_merge._check_page = counting
    try:
        first = build_pack(store, m.id, tmp_path / "first.pdf", save=False)
        assert pages_checked == []
        pack_merge.forget_checked()  # a new session
        again = build_pack(store, m.id, tmp_path / "again.pdf", save=False)
        assert pages_checked == [1, 2, 3]
        pages_checked.clear()
        build_pack(store, m.id, tmp_path / "third.pdf", save=False)
        assert pages_checked == [], "checked whole for the pack before: remembered"
        assert texts((tmp_path / "first.pdf").read_bytes()) == texts((tmp_path / "again.pdf").read_bytes())
        assert first.page_count == again.page_count

        content, words = DAMAGED["corrupt compressed content"]
        old = repo.request_paper(item.id, author_name="B. Author", title="Old report")
        repo._attach(repo.paper(old.id), CheckedDocument("old.pdf", "application/pdf", content), None)
        with pytest.raises(PackError, match=words):
            build_pack(store, m.id, tmp_path / "bad.pdf", save=False)
        assert 1 in pages_checked
    finally:
        pack_merge._check_page = real
    # What was remembered is the check's answer for those bytes: their SHA-256 and length, nothing else.
    digest = hashlib.sha256(content).hexdigest()
    with pytest.raises(BadPDF, match=words):
        read_paper_pdf(content, digest)
    with pytest.raises(BadPDF, match=words):
        read_paper_pdf(content, digest)  # a refusal is never remembered


def test_the_words_for_a_sentence():
    assert ac.removed_words([ac.JAVASCRIPT]) == "JavaScript"
    assert ac.removed_words([ac.JAVASCRIPT, ac.EMBEDDED, ac.LAUNCH]) == \
        "JavaScript, embedded files and actions that start a program or open a file"


# --- the command line -----------------------------------------------------------------------------
@pytest.fixture
def mqp(capsys, demo_db):
    from mqp_desktop.cli import main

    def run(*args: str):
        status = main(["--db", str(demo_db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.mark.filterwarnings(ORPHAN_WIDGETS)
def test_cli_refuses_a_damaged_pdf_in_one_line_and_notes_a_hostile_one(mqp, tmp_path):
    papers = json.loads(mqp("papers", "list", "next", "--json")[1])
    target = next(p for p in papers if p["status"] == "overdue")
    bad = tmp_path / "flate.pdf"
    bad.write_bytes(DAMAGED["corrupt compressed content"][0])
    status, out, err = mqp("papers", "attach", str(target["id"]), str(bad))
    lines = err.strip().splitlines()
    assert status == 1 and len(lines) == 1 and lines[0].startswith("mqp: error: 'flate.pdf' is a damaged PDF: page 1")
    assert not INTERNAL.search(err)
    assert json.loads(mqp("papers", "list", "next", "--json")[1]) == papers
    hostile = tmp_path / "hostile.pdf"
    hostile.write_bytes(hostile_pdf())
    status, out, err = mqp("papers", "attach", str(target["id"]), str(hostile))
    assert status == 0 and "Note: it holds JavaScript" in out, err
    status, out, err = mqp("export", "pack", "next", "--out", str(tmp_path / "pack.pdf"), "--no-save")
    assert status == 0, err
    assert "Active content removed from the copy in the pack" in out and "hostile.pdf" in out
    assert active_content_left((tmp_path / "pack.pdf").read_bytes()) == []

"""The Word agenda read back with python-docx: items in order with numbers, times, presenters, purposes and
paper references; apologies; the next meeting; the footer's page fields; properties; a house template."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from mqp_desktop.domain.agenda import AgendaItem, Purpose
from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.model import Member
from mqp_desktop.exporters.agenda_docx import export_agenda_docx
from mqp_desktop.exporters.files import ExportFileError
from tests.helpers.pdfs import tiny_pdf

TODAY = dt.date.today()
DAY = TODAY + dt.timedelta(days=14)
PDF = tiny_pdf("A paper")


@pytest.fixture
def meeting(store):
    """A meeting at 10:00 with the standing agenda, two substantive items (one with sub-items), papers,
    two members' apologies and a later meeting."""
    m = store.meetings.add(Meeting(date=DAY, start_time="10:00", end_time="12:00", venue="Room 1, Town Hall",
                                   online_link="https://teams.example/meet"))
    store.meetings.add(Meeting(date=DAY + dt.timedelta(days=63), start_time="14:00", end_time="16:00"))
    repo = store.agendas
    repo.apply_standing_agenda(m.id)
    agencies = store.agencies()
    members = [store.add_member(Member(name="Ann Lee", role_title="Head of Service", agency_id=agencies[0].id,
                                       start_date=TODAY - dt.timedelta(days=400))),
               store.add_member(Member(name="Bob Ray", role_title="Designated Nurse", agency_id=agencies[1].id,
                                       start_date=TODAY - dt.timedelta(days=400)))]
    a = repo.add_item(AgendaItem(meeting_id=m.id, title="Dataset exceptions", purpose=Purpose.DISCUSSION, minutes=20,
                                 presenter_name="Dr Ama Boateng"))
    b = repo.add_item(AgendaItem(meeting_id=m.id, title="Section 11 progress", purpose=Purpose.ASSURANCE, minutes=15))
    repo.add_item(AgendaItem(meeting_id=m.id, title="Returns outstanding", minutes=5, parent_id=b.id))
    repo.add_item(AgendaItem(meeting_id=m.id, title="Panel arrangements", minutes=10, parent_id=b.id))
    for title in ("Exceptions report", "Agency explanations"):
        p = repo.request_paper(a.id, author_name="A. Author", title=title)
        repo.attach_content(p.id, "paper.pdf", PDF)
    repo.request_paper(b.id, author_name="B. Author", title="Progress note")  # not received: to follow
    store.meetings.record_attendance(m.id, members[0].id, AttendanceStatus.APOLOGIES)
    store.meetings.record_attendance(m.id, members[1].id, AttendanceStatus.DEPUTY, deputy_name="Sam Deputy")
    return m, members


def rows(document) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in document.tables[0].rows]


def test_items_in_order_with_numbers_times_presenters_purposes_and_papers(store, meeting, tmp_path):
    m, _ = meeting
    path = export_agenda_docx(store, m.id, tmp_path / "agenda.docx")
    d = docx.Document(str(path))
    table = rows(d)
    assert table[0] == ["No.", "Item", "Presenter", "Purpose", "Time", "Paper"]
    agenda = store.agendas.agenda(m.id)
    assert [r[0] for r in table[1:]] == [line.number for line in agenda.lines]
    assert [r[1].split("\n")[0] for r in table[1:]] == [line.item.title for line in agenda.lines]
    by_title = {r[1].split("\n")[0]: r for r in table[1:]}
    dataset = by_title["Dataset exceptions"]
    line = next(x for x in agenda.lines if x.item.title == "Dataset exceptions")
    assert dataset[2] == "Dr Ama Boateng (guest)" and dataset[3] == "For discussion"
    assert dataset[4] == f"{line.start}–{line.finish}"
    assert dataset[5].split("\n") == [f"Paper {line.number}a", f"Paper {line.number}b"]
    s11 = by_title["Section 11 progress"]
    s11_number = s11[0]
    assert s11[3] == "For assurance" and s11[5] == f"Paper {s11_number} (to follow)"
    assert by_title["Returns outstanding"][0] == f"{s11_number}.1" and by_title["Panel arrangements"][0] == f"{s11_number}.2"
    assert table[1][4] == "10:00–10:05"  # the first standing item starts with the meeting
    next_row = by_title["Date of next meeting"]
    assert f"{(DAY + dt.timedelta(days=63)).day} {(DAY + dt.timedelta(days=63)):%B %Y}" in next_row[1]
    # Sub-items are indented; the header row repeats on every page.
    sub_para = d.tables[0].rows[[r[1].split("\n")[0] for r in table].index("Returns outstanding")].cells[1].paragraphs[0]
    assert sub_para.paragraph_format.left_indent and sub_para.paragraph_format.left_indent > 0
    assert d.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert d.tables[0].style.name == "Table Grid"


def test_heading_facts_apologies_next_meeting_footer_and_properties(store, meeting, tmp_path):
    m, members = meeting
    path = export_agenda_docx(store, m.id, tmp_path / "agenda.docx")
    d = docx.Document(str(path))
    text = [p.text for p in d.paragraphs]
    sc = store.subcommittee()
    assert d.paragraphs[0].style.name == "Title" and d.paragraphs[0].text == sc.name
    assert d.paragraphs[1].text == "Agenda"
    assert f"Date:\t{DAY:%A} {DAY.day} {DAY:%B %Y}" in text and "Time:\t10:00 to 12:00" in text
    assert "Venue:\tRoom 1, Town Hall" in text and "Online:\thttps://teams.example/meet" in text
    assert any(t.startswith("Chair:\t") for t in text)
    # Apologies from the register, a deputy named
    start = text.index("Apologies received")
    apologies = [p for p in d.paragraphs[start + 1:start + 3]]
    assert all(p.style.name == "List Bullet" for p in apologies)
    assert any(members[0].display_name in p.text for p in apologies)
    assert any(members[1].display_name in p.text and "Sam Deputy attending as deputy" in p.text for p in apologies)
    assert d.paragraphs[start].style.name == "Heading 1"
    nxt = text.index("Date of next meeting")
    assert text[nxt + 1].startswith(f"{(DAY + dt.timedelta(days=63)):%A}") and "14:00" in text[nxt + 1]
    # A4, and Page X of Y in the footer
    section = d.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    footer_xml = section.footer._element.xml
    instructions = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"] and "Page " in footer_xml and " of " in footer_xml
    props = d.core_properties
    assert props.title.startswith("Agenda — ") and f"{DAY.day} {DAY:%B %Y}" in props.title
    assert props.author in (sc.partnership, sc.name) and props.category == "Agenda"
    assert "Agenda of the" in props.subject and props.created is not None


def test_no_apologies_says_so(store, tmp_path):
    m = store.meetings.add(Meeting(date=DAY))
    store.agendas.apply_standing_agenda(m.id)
    d = docx.Document(str(export_agenda_docx(store, m.id, tmp_path / "a.docx")))
    text = [p.text for p in d.paragraphs]
    assert text[text.index("Apologies received") + 1] == "None received so far."
    assert text[text.index("Date of next meeting") + 1] == "To be confirmed"


def _house_template(path, *, dotx: bool = False):
    t = docx.Document()
    t.sections[0].header.paragraphs[0].text = "HOUSE HEADER WITH LOGO"
    t.styles["Title"].font.name = "Georgia"
    t.add_paragraph("Template body text that must not survive")
    buf = io.BytesIO()
    t.save(buf)
    data = buf.getvalue()
    if dotx:  # what Word saves as a template: the same package with the template content type
        import zipfile

        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for name in src.namelist():
                content = src.read(name)
                if name == "[Content_Types].xml":
                    content = content.replace(b"wordprocessingml.document.main+xml",
                                              b"wordprocessingml.template.main+xml")
                z.writestr(name, content)
        data = out.getvalue()
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_house_template_styles_and_header_are_used(store, meeting, tmp_path, suffix):
    m, _ = meeting
    template = _house_template(tmp_path / f"house{suffix}", dotx=suffix == ".dotx")
    d = docx.Document(str(export_agenda_docx(store, m.id, tmp_path / "agenda.docx", house_template=template)))
    text = [p.text for p in d.paragraphs]
    assert "Template body text that must not survive" not in text
    assert d.sections[0].header.paragraphs[0].text == "HOUSE HEADER WITH LOGO"
    assert d.styles["Title"].font.name == "Georgia"
    assert store.subcommittee().name in text and "Apologies received" in text
    assert len(d.tables) == 1 and rows(d)[0][0] == "No."
    assert [t.text.strip() for t in d.sections[0].footer._element.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]


def test_a_template_that_is_not_word_is_refused_and_nothing_written(store, meeting, tmp_path):
    m, _ = meeting
    bad = tmp_path / "house.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ExportFileError, match="not a Word document"):
        export_agenda_docx(store, m.id, tmp_path / "agenda.docx", house_template=bad)
    assert not (tmp_path / "agenda.docx").exists()


def test_the_demo_agenda_exports(demo_store, tmp_path):
    meeting = demo_store.meetings.next_meeting()
    d = docx.Document(str(export_agenda_docx(demo_store, meeting.id, tmp_path / "demo.docx")))
    table = rows(d)
    assert len(table) == len(demo_store.agendas.agenda(meeting.id).lines) + 1
    assert any("(to follow)" in r[5] for r in table[1:])


# --- the house template kept in the settings --------------------------------------------------------

def test_the_house_template_in_the_settings_is_used_by_default(store, meeting, tmp_path):
    from tests.helpers.word_templates import HEADER_TEXT, TITLE_FONT, house_template

    m, _ = meeting
    store.agendas.set_house_template("Borough house style.dotx", house_template(kind="dotx"))
    d = docx.Document(str(export_agenda_docx(store, m.id, tmp_path / "agenda.docx")))
    assert d.sections[0].header.paragraphs[0].text == HEADER_TEXT
    assert d.styles["Title"].font.name == TITLE_FONT
    text = [p.text for p in d.paragraphs]
    assert "Template body text that must not survive" not in text and "Apologies received" in text

    own = docx.Document(str(export_agenda_docx(store, m.id, tmp_path / "own.docx", use_house_template=False)))
    assert HEADER_TEXT not in [p.text for p in own.sections[0].header.paragraphs]
    assert own.styles["Title"].font.name == "Arial"


def test_a_template_file_given_for_one_export_wins_over_the_settings(store, meeting, tmp_path):
    from tests.helpers.word_templates import house_template

    m, _ = meeting
    store.agendas.set_house_template("Settings.docx", house_template(header="FROM THE SETTINGS"))
    given = tmp_path / "given.docx"
    given.write_bytes(house_template(header="GIVEN FOR THIS EXPORT"))
    d = docx.Document(str(export_agenda_docx(store, m.id, tmp_path / "agenda.docx", house_template=given)))
    assert d.sections[0].header.paragraphs[0].text == "GIVEN FOR THIS EXPORT"


def test_a_damaged_stored_template_is_an_error_naming_it(store, meeting, tmp_path):
    import hashlib

    m, _ = meeting
    # Stored files are checked and never changed; damaged bytes can only come from outside the program.
    damaged = b"PK\x03\x04 damaged in a restored backup"
    with store.write():
        doc_id = store.insert("document", {
            "sha256": hashlib.sha256(damaged).hexdigest(), "file_name": "Borough house style.docx",
            "media_type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "size": len(damaged), "content": damaged, "added_at": "2026-01-05T09:00:00+00:00"})
    store.agendas.set_setting("house_template", {"document_id": doc_id, "file_name": "Borough house style.docx"})
    with pytest.raises(ExportFileError, match=r"'Borough house style\.docx' is not a valid Word document") as refused:
        export_agenda_docx(store, m.id, tmp_path / "agenda.docx")
    assert "export without" in str(refused.value)
    assert not (tmp_path / "agenda.docx").exists()
    # the program's own style still works
    assert export_agenda_docx(store, m.id, tmp_path / "agenda.docx", use_house_template=False).is_file()


def test_a_stored_template_missing_from_the_database_is_named(store, meeting, tmp_path):
    m, _ = meeting
    store.db.execute("INSERT INTO setting (name, value) VALUES ('house_template', ?)",
                     ['{"document_id": 9999, "file_name": "Lost house style.docx"}'])
    with pytest.raises(ExportFileError, match=r"'Lost house style\.docx' named in the settings is not in the database"):
        export_agenda_docx(store, m.id, tmp_path / "agenda.docx")
    assert export_agenda_docx(store, m.id, tmp_path / "agenda.docx", use_house_template=False).is_file()

"""Agendas, papers, documents, settings, packs and circulation in the database (store.agendas)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from mqp_desktop.domain.agenda import AgendaItem, Purpose, StandingKind
from mqp_desktop.domain.documents import FileRefused
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.model import Member
from mqp_desktop.domain.papers import CirculationKind, PaperStatus, paper_status
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.sqlite import INTEGRITY_ERRORS
from tests.helpers.pdfs import tiny_pdf

TODAY = dt.date.today()
PDF = tiny_pdf("A paper")


def pdf(text: str) -> bytes:
    return tiny_pdf(text)


def docx_bytes() -> bytes:
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("A Word paper")
    d.save(buf)
    return buf.getvalue()


@pytest.fixture
def meeting(store):
    return store.meetings.add(Meeting(date=TODAY + dt.timedelta(days=30), start_time="10:00", end_time="12:00"))


@pytest.fixture
def repo(store):
    return store.agendas


@pytest.fixture
def agenda(repo, meeting):
    """The standing agenda (6 items) plus Dataset (5) and Neglect (6), before AOB (7) and next meeting (8)."""
    repo.apply_standing_agenda(meeting.id)
    dataset = repo.add_item(AgendaItem(meeting.id, "Dataset", minutes=20, purpose=Purpose.DISCUSSION))
    neglect = repo.add_item(AgendaItem(meeting.id, "Neglect strategy", minutes=15, purpose=Purpose.DECISION))
    return dataset, neglect


def titles(repo, meeting_id):
    n = repo.numbers(meeting_id)
    return [(n[i.id], i.title) for i in repo.items(meeting_id)]


def test_standing_agenda_applied_and_new_items_before_aob(repo, meeting, agenda):
    assert [t for _, t in titles(repo, meeting.id)] == [
        "Welcome, introductions and apologies", "Declarations of interest",
        "Minutes of the last meeting and matters arising", "Action log", "Dataset", "Neglect strategy",
        "Any other business", "Date of next meeting"]
    with pytest.raises(ValidationError, match="already has an agenda"):
        repo.apply_standing_agenda(meeting.id)


def test_standing_agenda_follows_the_setting(repo, meeting):
    repo.set_setting("standing_agenda", [{"title": "Welcome", "standing": "welcome_apologies", "minutes": 5},
                                         {"title": "AOB", "standing": "aob"}])
    assert [i.title for i in repo.apply_standing_agenda(meeting.id)] == ["Welcome", "AOB"]


def test_sub_items_after_and_reordering_are_saved(repo, meeting, agenda):
    dataset, neglect = agenda
    health = repo.add_item(AgendaItem(meeting.id, "Health", minutes=5, parent_id=dataset.id))
    police = repo.add_item(AgendaItem(meeting.id, "Police", minutes=5), after_id=health.id)
    assert titles(repo, meeting.id)[4:8] == [("5", "Dataset"), ("5.1", "Health"), ("5.2", "Police"),
                                             ("6", "Neglect strategy")]
    repo.move_up(neglect.id)
    assert titles(repo, meeting.id)[4:8] == [("5", "Neglect strategy"), ("6", "Dataset"), ("6.1", "Health"),
                                             ("6.2", "Police")]
    repo.outdent(health.id)
    assert titles(repo, meeting.id)[5:8] == [("6", "Dataset"), ("7", "Health"), ("7.1", "Police")]
    repo.indent(health.id)
    assert titles(repo, meeting.id)[5:8] == [("6", "Dataset"), ("6.1", "Health"), ("6.2", "Police")]
    repo.move_to(police.id, 1, parent_id=neglect.id)
    assert titles(repo, meeting.id)[4:8] == [("5", "Neglect strategy"), ("5.1", "Police"), ("6", "Dataset"),
                                             ("6.1", "Health")]
    moves = [c for c in repo.store.history(entity="agenda_item") if c.action in ("moved up", "moved")]
    assert {c.entity_id for c in moves} == {neglect.id, police.id}


def test_the_database_refuses_three_levels(store, repo, meeting, agenda):
    dataset, _ = agenda
    health = repo.add_item(AgendaItem(meeting.id, "Health", parent_id=dataset.id))
    with pytest.raises(INTEGRITY_ERRORS, match="top-level item"):
        store.db.execute("UPDATE agenda_item SET parent_id = ? WHERE id = ?", [health.id, agenda[1].id])


def test_timing_from_the_meeting(repo, meeting, agenda):
    a = repo.agenda(meeting.id)
    # standing: 5 + 5 + 10 + 10, Dataset 20, Neglect 15, AOB 5, next meeting 0 = 70 minutes from 10:00
    assert (a.timing.total_minutes, a.timing.planned_finish, a.timing.overrun_minutes) == (70, "11:10", 0)
    assert [ln.start for ln in a.lines][4:6] == ["10:30", "10:50"]


def test_removal_is_a_flag_with_sub_items_and_papers_and_recorded(store, repo, meeting, agenda):
    dataset, _neglect = agenda
    sub = repo.add_item(AgendaItem(meeting.id, "Health", parent_id=dataset.id))
    paper = repo.request_paper(sub.id, author_name="Jo Bloggs", author_email="jo@example.org")
    repo.remove_item(dataset.id)
    assert ("5", "Neglect strategy") in titles(repo, meeting.id)
    rows = store.db.execute("SELECT id, removed FROM agenda_item WHERE id IN (?, ?)", [dataset.id, sub.id]).fetchall()
    assert sorted(rows) == sorted([(dataset.id, 1), (sub.id, 1)])
    assert repo.paper(paper.id).removed and repo.papers(meeting.id) == []
    assert {c.entity_id for c in store.history(entity="agenda_item") if c.action == "removed"} == {dataset.id, sub.id}
    with pytest.raises(INTEGRITY_ERRORS, match="kept, not deleted"):
        store.db.execute("DELETE FROM agenda_item WHERE id = ?", [dataset.id])


def test_copy_from_another_meeting_keeps_presenters_not_papers(store, repo, meeting, agenda):
    dataset, _ = agenda
    member = store.members()[0]
    repo.update_item(AgendaItem(meeting.id, "Dataset", minutes=20, presenter_member_id=member.id, id=dataset.id,
                                row_version=repo.item(dataset.id).row_version))
    repo.request_paper(dataset.id, author_name="Jo Bloggs")
    later = store.meetings.add(Meeting(date=meeting.date + dt.timedelta(days=60)))
    copied = repo.copy_from(later.id, meeting.id)
    assert [i.title for i in copied] == [t for _, t in titles(repo, meeting.id)]
    new_dataset = next(i for i in copied if i.title == "Dataset")
    assert new_dataset.presenter_member_id == member.id and new_dataset.copied_from_id == dataset.id
    assert repo.papers(later.id) == []
    with pytest.raises(ValidationError, match="already has an agenda"):
        repo.copy_from(later.id, meeting.id)
    one = repo.copy_from(later.id, meeting.id, [dataset.id])
    assert [titles(repo, later.id)[i] for i in (4, 6)] == [("5", "Dataset"), ("7", "Dataset")]
    assert len(one) == 1


def test_paper_lifecycle_and_default_deadline(store, repo, meeting, agenda):
    dataset, _ = agenda
    paper = repo.request_paper(dataset.id, author_name="Sofia Marques", author_email="sofia@example.org")
    assert paper.deadline == repo.default_deadline(meeting.id) and paper.deadline < meeting.date
    assert paper.deadline.weekday() < 5
    repo.mark_received(paper.id, TODAY)
    assert paper_status(repo.paper(paper.id), TODAY) is PaperStatus.NOT_SIGNED_OFF
    repo.sign_off(paper.id, "Daniel Whitfield", TODAY)
    repo.attach_content(paper.id, "dataset.pdf", PDF)
    assert paper_status(repo.paper(paper.id), TODAY) is PaperStatus.READY
    actions = [c.action for c in reversed(store.history(entity="paper", entity_id=paper.id))]
    assert actions == ["requested", "received", "signed off", "file attached"]
    with pytest.raises(ValidationError, match="in the future"):
        repo.sign_off(paper.id, "Someone", TODAY + dt.timedelta(days=1))
    draft = repo.request_email(paper.id)
    assert draft.to == ("sofia@example.org",) and "Dataset" in draft.subject


def test_replacing_a_file_keeps_the_old_document_and_a_pack_still_resolves_it(store, repo, tmp_path, agenda):
    dataset, _ = agenda
    paper = repo.request_paper(dataset.id, author_name="Jo Bloggs")
    first = tmp_path / "v1.pdf"
    original = pdf("first")  # built once: two builds differ in their timestamp when a second ticks between
    first.write_bytes(original)
    old_id = repo.attach_file(paper.id, first).document_id
    pack = repo.save_pack(dataset.meeting_id, pdf("pack"), file_name="pack.pdf", page_count=3,
                          contents={"papers": [{"paper_id": paper.id, "document_id": old_id, "pages": [2, 3]}]})
    first.write_bytes(pdf("changed on disk"))  # the file changes outside the program: the stored one does not
    second = tmp_path / "v2.docx"
    second.write_bytes(docx_bytes())
    new_id = repo.attach_file(paper.id, second).document_id
    assert new_id != old_id and repo.paper(paper.id).document_id == new_id
    recorded = repo.pack(pack.id).contents["papers"][0]["document_id"]
    assert repo.document(recorded).content == original
    assert repo.document(new_id).info.media_type.endswith("wordprocessingml.document")
    assert [d.id for d in repo.paper_documents(paper.id)] == [old_id, new_id]
    with pytest.raises(INTEGRITY_ERRORS, match="cannot be changed"):
        store.db.execute("UPDATE document SET content = ? WHERE id = ?", [b"x", old_id])
    with pytest.raises(INTEGRITY_ERRORS, match="kept, not deleted"):
        store.db.execute("DELETE FROM document WHERE id = ?", [old_id])


def _exe() -> bytes:
    return b"MZ\x90\x00\x03" + b"\x00" * 500


def _not_word_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return buf.getvalue()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("paper.pdf", b"", "'paper.pdf' is empty"),
    ("paper.pdf", _exe(), "'paper.pdf' is not a PDF: its content is a Windows program, renamed"),
    ("paper.pdf", b"this is not a pdf at all", "'paper.pdf' is named as a PDF but its content is not a document"),
    ("paper.pdf", PDF[:25], "ends early"),
    ("paper.docx", _not_word_zip(), "'paper.docx' is named as a Word document (.docx) but its content is a zip"),
    ("paper.xls", PDF, "is named as an older Excel workbook (.xls) but its content is a PDF"),
    ("paper.odt", PDF, "'paper.odt' is a '.odt' file: a paper must be PDF, Word"),
])
def test_bad_files_are_refused_with_a_clear_message_and_nothing_written(
        store, repo, tmp_path, agenda, name, content, message):
    dataset, _ = agenda
    paper = repo.request_paper(dataset.id, author_name="Jo Bloggs")
    path = tmp_path / name
    path.write_bytes(content)
    history = len(store.history())
    with pytest.raises(FileRefused) as refused:
        repo.attach_file(paper.id, path)
    assert message in str(refused.value)
    assert store.db.execute("SELECT count(*) FROM document").fetchone()[0] == 0
    assert len(store.history()) == history and repo.paper(paper.id).received_on is None


def test_a_missing_file_is_named(repo, tmp_path, agenda):
    paper = repo.request_paper(agenda[0].id, author_name="Jo Bloggs")
    with pytest.raises(FileRefused, match="There is no file .*nowhere.pdf"):
        repo.attach_file(paper.id, tmp_path / "nowhere.pdf")


def test_supplements_after_the_pack_was_circulated(store, repo, meeting, agenda):
    dataset, neglect = agenda
    before = repo.request_paper(dataset.id, author_name="Jo Bloggs")
    pack = repo.save_pack(meeting.id, PDF, file_name="pack.pdf", page_count=1, contents={"items": []})
    circ = repo.record_circulation(meeting.id, CirculationKind.PACK, recipients=["a@example.org", "b@example.org"],
                                   attachments=[{"name": "pack.pdf", "sha256": "0" * 64, "size": len(PDF)}],
                                   subject="Papers", pack_id=pack.id)
    assert repo.pack(pack.id).circulated and repo.circulations(meeting.id) == [circ]
    late = repo.request_paper(neglect.id, author_name="Amara Okafor")
    also_late = repo.make_supplement(before.id)
    assert (late.supplement, also_late.supplement) == (1, 2)
    with pytest.raises(INTEGRITY_ERRORS, match="cannot be changed"):
        store.db.execute("UPDATE circulation SET subject = 'x' WHERE id = ?", [circ.id])
    assert [c.action for c in store.history(entity="circulation")] == ["circulated"]


def test_settings_fall_back_to_defaults_and_changes_are_recorded(store, repo):
    assert repo.setting("paper_deadline_days") == 10 and repo.setting("pack_size_limit_mb") == 20
    assert repo.settings()["paper_deadline_days"] == (10, True)
    repo.set_setting("paper_deadline_days", "8")
    assert repo.settings()["paper_deadline_days"] == (8, False)
    with pytest.raises(ValidationError, match="from 0 to 60"):
        repo.set_setting("paper_deadline_days", 99)
    with pytest.raises(ValidationError, match="no setting called"):
        repo.set_setting("colour", 1)
    (change,) = store.history(entity="setting")
    assert change.changes == {"paper_deadline_days": [10, 8]}


def test_presenter_must_be_a_member_and_guests_are_named(store, repo, meeting):
    with pytest.raises(Exception, match="no member with id 9999"):
        repo.add_item(AgendaItem(meeting.id, "X", presenter_member_id=9999))
    item = repo.add_item(AgendaItem(meeting.id, "Dataset", presenter_name="Dr Ama Boateng"))
    member = store.add_member(Member(role_title="Lead", agency_id=store.agencies()[0].id, name="Jo Bloggs"))
    other = repo.add_item(AgendaItem(meeting.id, "Neglect", presenter_member_id=member.id,
                                     standing=StandingKind.NONE))
    a = repo.agenda(meeting.id)
    assert a.presenters[item.id] == "Dr Ama Boateng (guest)"
    assert a.presenters[other.id].startswith("Jo Bloggs (Lead, ")


def test_the_demo_has_agendas_and_a_mix_of_papers_for_the_next_meeting(demo_store):
    repo = demo_store.agendas
    meetings = demo_store.meetings.list()
    # the six standing items and at least two substantive ones (one at an extraordinary meeting)
    assert all(len(repo.items(m.id)) >= (7 if m.kind.value == "extraordinary" else 8) for m in meetings)
    nxt = demo_store.meetings.next_meeting(TODAY)
    statuses = {paper_status(p, TODAY) for p in repo.papers(nxt.id)}
    assert {PaperStatus.READY, PaperStatus.NOT_SIGNED_OFF, PaperStatus.OVERDUE, PaperStatus.REQUESTED} <= statuses
    past = [m for m in meetings if m.date < TODAY and m.status.value == "held"]
    for m in past:
        assert all(paper_status(p, TODAY) is PaperStatus.READY for p in repo.papers(m.id))
    files = [repo.document_info(p.document_id) for m in meetings for p in repo.papers(m.id) if p.document_id]
    assert {".pdf", ".docx"} == {f.extension for f in files}
    first_pdf = next(f for f in files if f.extension == ".pdf")
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(repo.document(first_pdf.id).content)).pages) >= 1
    assert "CR-2025-014" in " ".join(i.title for m in meetings for i in repo.items(m.id))


def test_a_withdrawn_paper_takes_no_file_and_stays_on_record(store, repo, agenda):
    paper = repo.request_paper(agenda[0].id, author_name="Jo Bloggs")
    repo.withdraw(paper.id, "Deferred to the next meeting")
    with pytest.raises(ValidationError, match="withdrawn"):
        repo.attach_content(paper.id, "late.pdf", PDF)
    kept = repo.paper(paper.id)
    assert kept.withdrawn and kept.document_id is None and "Deferred" in kept.notes
    assert paper_status(kept, TODAY) is PaperStatus.WITHDRAWN

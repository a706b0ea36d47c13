"""store.search: the FTS5 index over everything (issue 12) — found in minutes, decisions, actions and a
paper's PDF; a new record of each kind; edits and withdrawals; hostile query text; the index always
the same as a full rebuild; papers' text read when attached and for files attached before."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.agenda import AgendaItem
from mqp_desktop.domain.challenges import Challenge, SubjectKind
from mqp_desktop.domain.escalations import Escalation, EscalationKind
from mqp_desktop.domain.governance.case_reviews import CaseReview
from mqp_desktop.domain.governance.documents import DocumentKind, GovernanceDocument
from mqp_desktop.domain.governance.followups import AttendanceLetter
from mqp_desktop.domain.governance.training import TrainingCourse
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.minutes import Decision
from mqp_desktop.domain.partnership import Direction, WorkTransfer
from mqp_desktop.domain.quality import Audit, Inspection, Inspectorate
from mqp_desktop.domain.search import KIND_LABELS, match_expression, words
from mqp_desktop.exporters.paper_text import extract_text
from mqp_desktop.store import Store

TODAY = dt.date.today()


def consistent(store: Store) -> None:
    """The index as the triggers left it is exactly what a full rebuild makes (and FTS5 agrees)."""
    assert store.search.check() == []
    before = sorted(store.db.execute("SELECT source, source_id, kind, tbl, record_id, meeting_id, title, body"
                                     " FROM search_doc").fetchall())
    store.search.rebuild(read_texts=False)
    after = sorted(store.db.execute("SELECT source, source_id, kind, tbl, record_id, meeting_id, title, body"
                                    " FROM search_doc").fetchall())
    assert before == after and after


def found(store: Store, text: str, kind: str | None = None) -> list:
    return [h for h in store.search.query(text) if kind is None or h.kind == kind]


def reportlab_pdf(*lines: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 780
    for line in lines:
        c.drawString(72, y, line)
        y -= 18
    c.showPage()
    c.save()
    return buf.getvalue()


def docx_bytes(*paragraphs: str, table: tuple[str, ...] = ()) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=1, cols=len(table))
        for cell, text in zip(t.rows[0].cells, table):
            cell.text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture
def meeting(demo_store):
    m = demo_store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=3), venue="Town Hall"))
    demo_store.agendas.apply_standing_agenda(m.id)
    item = demo_store.agendas.add_item(AgendaItem(meeting_id=m.id, title="Hoarding and neglect pathway"))
    return m, item


# --- the query text ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ['"', '""', "AND", "OR", "NOT", "*", "-", "-police", "NEAR(", "NEAR(a b)", "a:b",
                                  "title:neglect", "^neglect", "(", ")", "{title}: x", "'", "\\", "a\"b", "\x00",
                                  "neglect AND", "* neglect", "+", "%", "🙂", "x" * 5000, "a " * 500])
def test_no_text_typed_makes_the_search_fail(demo_store, text):
    hits = demo_store.search.query(text)
    assert isinstance(hits, list)


def test_operators_are_searched_for_as_words(demo_store):
    assert match_expression('NEAR( "x" AND yz*') == '"NEAR" "x" "AND" "yz"*'
    assert match_expression("co-chair's report") == '"co chair s" "report"*'
    assert match_expression('" * - (') is None
    assert match_expression("child a") == '"child" "a"'  # a one-letter last word is a word, not a prefix
    assert words("Zoë's CR-2025-014") == ["Zoë", "s", "CR", "2025", "014"]
    # 'and' is a word: the search finds it as one, and finds what holds it
    assert all("and" in (h.title + h.snippet).lower() for h in demo_store.search.query("AND"))


def test_the_last_word_is_a_prefix_and_every_word_is_needed(demo_store):
    assert found(demo_store, "neglec")
    assert {h.record_id for h in found(demo_store, "neglect strateg", "agenda_item")} <= {
        h.record_id for h in found(demo_store, "neglect", "agenda_item")}
    assert not found(demo_store, "neglect zzyzxq")


def test_results_are_grouped_by_kind_best_first(demo_store):
    hits = demo_store.search.query("safeguarding")
    kinds = [h.kind for h in hits]
    assert len(set(kinds)) > 2
    # each kind's hits come together, once
    seen = []
    for k in kinds:
        if not seen or seen[-1] != k:
            assert k not in seen
            seen.append(k)
    # within a kind, best (lowest bm25) first; the groups in the order of their best hit
    for k in seen:
        ranks = [h.rank for h in hits if h.kind == k]
        assert ranks == sorted(ranks)
    firsts = [next(h.rank for h in hits if h.kind == k) for k in seen]
    assert firsts == sorted(firsts)
    assert all(h.kind_label == KIND_LABELS[h.kind] for h in hits)
    assert any("**" in h.snippet for h in hits)
    limited = demo_store.search.query("safeguarding", limit=3)
    assert len(limited) == 3
    assert len([h for h in demo_store.search.query("the", per_kind=2) if h.kind == "agenda_item"]) == 2
    assert {h.kind for h in demo_store.search.query("safeguarding", kinds=["action"])} == {"action"}


# --- found where it is written -------------------------------------------------------------------

def test_found_in_the_minutes_discussion_and_decisions_and_kept_current(demo_store, meeting):
    store = demo_store
    m, item = meeting
    store.meetings.mark_held(m.id)
    minutes = store.minutes.draft(m.id)
    entry = minutes.item(item.id)
    entry.discussion = "The panel heard about **squalor** in three households."
    entry.decisions = [Decision("Adopt the quillwort protocol")]
    store.minutes.save_draft(m.id, minutes)
    hit = found(store, "squalor", "minutes")[0]
    assert (hit.table, hit.record_id, hit.meeting_id) == ("agenda_item", item.id, m.id)
    assert "**squalor**" in hit.snippet and "****" not in hit.snippet
    assert f"{m.date:%d/%m/%Y}" in hit.title and "Hoarding" in hit.title
    decision = found(store, "quillwort", "decision")[0]
    assert decision.record_id == item.id
    # an edit: the old words go, the new ones come
    minutes = store.minutes.draft(m.id)
    minutes.item(item.id).discussion = "Now about clutter."
    store.minutes.save_draft(m.id, minutes)
    assert not found(store, "squalor") and found(store, "clutter", "minutes")
    consistent(store)


def test_found_in_an_action_and_its_updates(demo_store, meeting):
    store = demo_store
    m, item = meeting
    store.meetings.mark_held(m.id)
    owner = store.members()[0]
    a = store.minutes.add_action(Action(meeting_id=m.id, item_id=item.id, description="Write the wombat briefing",
                                        owner_member_id=owner.id, due_date=TODAY + dt.timedelta(days=30)))
    hit = found(store, "wombat", "action")[0]
    assert (hit.table, hit.record_id, hit.meeting_id) == ("action", a.id, m.id) and a.number in hit.title
    assert found(store, f"wombat {owner.name.split()[-1]}", "action")
    store.minutes.update_action_status(a.id, "in progress", m.id, "Drafted with the platypus group")
    assert found(store, "platypus", "action")[0].record_id == a.id
    store.minutes.update_action(dataclasses.replace(store.minutes.action(a.id), description="Write the koala briefing"))
    assert not found(store, "wombat") and found(store, "koala", "action")
    consistent(store)


def test_found_in_an_attached_pdf_and_word_paper(demo_store, meeting):
    store = demo_store
    m, item = meeting
    paper = store.agendas.request_paper(item.id, author_name="Ann Author", title="Pathway review")
    store.agendas.attach_content(paper.id, "pathway.pdf",
                                 reportlab_pdf("Appendix: the xylophone assessment tool", "page text"))
    text = store.search.text_of(store.agendas.paper(paper.id).document_id)
    assert text.status == "extracted" and "xylophone" in text.text
    hit = found(store, "xylophone", "paper")[0]
    assert (hit.table, hit.record_id, hit.meeting_id) == ("paper", paper.id, m.id)
    assert "**xylophone**" in hit.snippet
    # a replaced file: its text replaces the old
    store.agendas.attach_content(paper.id, "pathway.docx", docx_bytes("The marimba schedule", table=("cell", "tuba")))
    assert not found(store, "xylophone") and found(store, "marimba", "paper") and found(store, "tuba", "paper")
    # a withdrawal shows in the title; a removal takes it out
    store.agendas.withdraw(paper.id, "Not ready")
    assert "(withdrawn)" in found(store, "marimba", "paper")[0].title
    consistent(store)
    store.agendas.remove_paper(paper.id)
    assert not found(store, "marimba")
    consistent(store)


def test_papers_attached_before_the_index_have_their_text_read_on_rebuild(demo_store, meeting):
    store = demo_store
    m, item = meeting
    paper = store.agendas.request_paper(item.id, author_name="Ann Author", title="Older paper")
    store.agendas.attach_content(paper.id, "old.pdf", reportlab_pdf("the ocelot report"))
    doc = store.agendas.paper(paper.id).document_id
    with store.write():  # as if attached by an earlier version: no text kept
        store.db.execute("DELETE FROM document_text WHERE document_id = ?", [doc])
    assert doc in store.search.documents_without_text() and not found(store, "ocelot")
    result = store.search.rebuild()
    assert result.texts_read >= 1 and found(store, "ocelot", "paper")
    assert store.search.documents_without_text() == []
    assert store.history(entity="search_index")[0].action == "rebuilt"
    consistent(store)


def test_a_new_record_of_each_kind_is_found_and_its_edit_and_withdrawal_show(demo_store, meeting):
    store = demo_store
    m, item = meeting
    agencies = store.agencies()
    member = store.members()[0]
    gov = store.governance

    # challenges (issue 11)
    c = store.challenges.add(Challenge(question="Why the aardvark backlog?", agency_id=agencies[0].id,
                                       subject_kind=SubjectKind.OTHER, subject_text="Front door"))
    assert found(store, "aardvark", "challenge")[0].record_id == c.id
    store.challenges.withdraw(c.id, TODAY, "Raised twice")
    assert "(withdrawn)" in found(store, "aardvark", "challenge")[0].title
    # audits and inspections (issue 11)
    a = store.quality.add_audit(Audit("Bison audit", theme="Neglect"))
    assert found(store, "bison", "audit")[0].record_id == a.id
    store.quality.cancel_audit(a.id, "Merged with another")
    assert "(cancelled)" in found(store, "bison", "audit")[0].title
    i = store.quality.add_inspection(Inspection(agency_id=agencies[0].id, inspectorate=Inspectorate.OFSTED,
                                                key_findings="The caracal finding"))
    assert found(store, "caracal", "inspection")[0].record_id == i.id
    # work transfers and escalations (issue 12)
    body = next(b for b in store.partnership.bodies() if not b.executive and not b.training_workforce)
    t = store.partnership.add_transfer(WorkTransfer(
        direction=Direction.FROM_US, body_id=body.id, work="The dugong review", reason="Their remit",
        outcomes="A report", priorities=("Neglect",), written_on=TODAY))
    hit = found(store, "dugong", "transfer")[0]
    assert (hit.table, hit.record_id) == ("work_transfer", t.id) and t.reference in hit.title
    store.partnership.withdraw(t.id, TODAY, "Drafted twice")
    assert "(withdrawn)" in found(store, "dugong", "transfer")[0].title
    assert found(store, "drafted twice", "transfer")
    e = store.escalations.add(Escalation(kind=EscalationKind.TREND, summary="Rising echidna referrals",
                                         raised_by_agency_id=agencies[0].id, raised_on=TODAY, meeting_id=m.id))
    assert found(store, "echidna", "escalation")[0].meeting_id == m.id
    store.escalations.update(dataclasses.replace(store.escalations.get(e.id), summary="Rising gecko referrals"))
    assert not found(store, "echidna") and found(store, "gecko", "escalation")
    # case reviews (by reference), training, documents, attendance letters (issue 12)
    r = gov.case_reviews.add(CaseReview(reference="RR-2026-91", referred_on=TODAY, learning="Fennec learning"))
    assert found(store, "RR-2026-91", "case_review")[0].record_id == r.id
    assert found(store, "fennec", "case_review")
    gov.case_reviews.withdraw(r.id, TODAY, "Recorded in error")
    assert "(withdrawn)" in found(store, "fennec", "case_review")[0].title
    course = gov.training.add(TrainingCourse(title="Gharial awareness", starts_on=TODAY))
    assert found(store, "gharial", "training")[0].record_id == course.id
    gov.training.cancel(course.id, TODAY, "Trainer ill")
    assert "(cancelled)" in found(store, "gharial", "training")[0].title
    d = gov.documents.add(GovernanceDocument(title="Hyrax protocol", kind=DocumentKind.PROTOCOL, version="2.1"))
    assert found(store, "hyrax", "document")[0].title.startswith("Hyrax protocol v2.1")
    gov.documents.withdraw(d.id, TODAY, "Superseded")
    assert "(withdrawn)" in found(store, "hyrax", "document")[0].title
    letter = gov.followups.add(AttendanceLetter(member_id=member.id, sent_on=TODAY, notes="Ibis note"))
    assert found(store, "ibis", "attendance_letter")[0].record_id == letter.id
    gov.followups.withdraw(letter.id, TODAY, "Sent in error")
    assert "(withdrawn)" in found(store, "ibis", "attendance_letter")[0].title
    # a renamed member is found under the new name in their letters
    store.update_member(dataclasses.replace(store.member(member.id), name="Jacana Smith"))
    assert found(store, "jacana", "attendance_letter")
    consistent(store)


def test_an_agenda_item_edit_and_removal_show(demo_store, meeting):
    store = demo_store
    m, item = meeting
    assert found(store, "hoarding", "agenda_item")[0].record_id == item.id
    store.agendas.update_item(dataclasses.replace(store.agendas.item(item.id), notes="Kinkajou notes"))
    assert found(store, "kinkajou", "agenda_item")
    store.agendas.remove_item(item.id)
    assert not found(store, "kinkajou")
    consistent(store)


def test_the_demo_built_record_by_record_equals_a_full_rebuild(demo_store):
    # Every record of the demo was written through the program with the triggers on.
    assert set(demo_store.search.counts()) == set(KIND_LABELS)
    consistent(demo_store)


def test_a_change_undone_by_a_failed_write_leaves_the_index_as_it_was(demo_store, meeting):
    store = demo_store
    m, item = meeting
    with pytest.raises(RuntimeError):
        with store.write():
            store.agendas.update_item(dataclasses.replace(store.agendas.item(item.id), title="Lemur pathway"))
            assert found(store, "lemur")
            raise RuntimeError("boom")
    assert not found(store, "lemur") and found(store, "hoarding")
    consistent(store)


def test_an_encrypted_database_keeps_its_index_inside_the_encrypted_file(tmp_path, demo_db):
    from mqp_desktop.store.encryption import encrypt

    encrypt(demo_db, "correct horse battery")
    raw = demo_db.read_bytes()
    assert b"SQLite format 3" not in raw[:16]
    with Store.open(demo_db, key="correct horse battery") as s:
        assert s.search.query("safeguarding") and s.search.check() == []


# --- text extraction ------------------------------------------------------------------------------

def test_hostile_and_odd_files_give_a_status_never_an_error():
    pdf = "application/pdf"
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert extract_text("x.pdf", pdf, b"%PDF-1.4 garbage %%EOF").status == "failed"
    assert extract_text("x.pdf", pdf, b"").status == "failed"
    assert extract_text("x.docx", docx_type, b"PK\x03\x04 not a zip").status == "failed"
    assert extract_text("x.xlsx", "application/vnd.ms-excel", b"whatever").status == "unsupported"
    empty = reportlab_pdf()
    assert extract_text("blank.pdf", pdf, empty).status == "empty"
    from tests.helpers.hostile_files import rezip

    bomb = rezip(docx_bytes("x"), replace={"word/document.xml": b"<a>" + b" " * (40 * 1024 * 1024) + b"</a>"})
    refused = extract_text("bomb.docx", docx_type, bomb)
    assert refused.status == "failed" and "not read" in refused.note


def test_extraction_is_bounded_in_characters_pages_and_time():
    from tests.helpers.pdfs import tiny_pdf

    pdf = tiny_pdf("many words here", pages=30)
    assert extract_text("a.pdf", "application/pdf", pdf).status == "extracted"
    cut = extract_text("a.pdf", "application/pdf", pdf, max_chars=50)
    assert cut.status == "partial" and len(cut.text) <= 50 and "characters" in cut.note
    pages = extract_text("a.pdf", "application/pdf", pdf, max_pages=3)
    assert pages.status == "partial" and "p3" in pages.text and "p4" not in pages.text
    slow = extract_text("a.pdf", "application/pdf", pdf, max_seconds=0)
    assert slow.status == "partial" and "seconds" in slow.note


def test_snippets_mark_the_words_as_the_search_matches_them():
    from mqp_desktop.domain.search import make_snippet

    body = "Intro words here. " * 20 + "The Zoë escalation went to the Executive; escalations rose. " + "Tail. " * 40
    snip = make_snippet("Title", body, "zoe escal")
    assert "**Zoë**" in snip and "**escalation**" in snip and "**escalations**" in snip
    assert snip.startswith("…") and snip.endswith("…")
    assert make_snippet("Neglect strategy", "", "neglect") == "**Neglect** strategy"
    assert make_snippet("Title only", "no match", "neglect") == "Title only"  # found by a prefix of a phrase
    assert make_snippet("", "a cat and an apple", "cat a") == "**a** **cat** and an apple"  # one letter: a word

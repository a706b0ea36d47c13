"""Circulation by email (ToR 13): the plan, the .eml draft read back with Python's email parser, the record,
and the paper request/chase drafts — on the demonstration database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
import hashlib
import io
import os
from email import policy

import pytest

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.model import Member
from mqp_desktop.domain.papers import paper_deadline
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.circulation import (
    attachment_name,
    paper_email_eml,
    plan_circulation,
    record_circulated,
    write_eml,
)
from mqp_desktop.exporters.files import ExportFileError


def read_eml(path):
    with open(path, "rb") as f:
        return email.message_from_binary_file(f, policy=policy.default)


def addresses(msg, header):
    return [(a.display_name, a.addr_spec) for a in (msg[header].addresses if msg[header] else ())]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pdf_bytes(padding: int = 0) -> bytes:
    from pypdf import PdfReader, PdfWriter

    from tests.helpers.pdfs import tiny_pdf

    w = PdfWriter()
    w.append(PdfReader(io.BytesIO(tiny_pdf("A paper"))))
    if padding:
        w.add_attachment("padding.bin", os.urandom(padding))  # incompressible: the size is real
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def docx_bytes(text: str = "Agenda") -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(text)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.fixture
def meeting(demo_store):
    return demo_store.meetings.next_meeting(dt.date.today())


@pytest.fixture
def agenda_file(tmp_path):
    path = tmp_path / "agenda.docx"
    path.write_bytes(docx_bytes())
    return path


def in_post(m: Member, day: dt.date) -> bool:
    return (m.start_date is None or m.start_date <= day) and (m.end_date is None or day <= m.end_date)


def expected_to(store, day, sender_email):
    """Worked out here, not by the exporter: named seats in post on the day, with an email, once each."""
    seen, out = {sender_email.lower()}, []
    for m in store.members():
        if m.name.strip() and m.email and in_post(m, day) and m.email.lower() not in seen:
            seen.add(m.email.lower())
            out.append((m.name, m.email))
    return out


def add_people(store, meeting):
    """An ended member, one who joins after the meeting, and a second seat sharing an address."""
    agency = store.agencies()[0].id
    ended = store.add_member(Member("Former lead", agency, name="Olu Former", email="olu.former@example.org",
                                    start_date=meeting.date - dt.timedelta(days=900),
                                    end_date=meeting.date - dt.timedelta(days=1)))
    joiner = store.add_member(Member("New lead", agency, name="Nell Newcomer", email="nell.new@example.org",
                                     start_date=meeting.date + dt.timedelta(days=1)))
    amara = next(m for m in store.members() if m.name == "Amara Okafor")
    shared = store.add_member(Member("Shared mailbox seat", amara.agency_id, name="Zed Shared",
                                     email="AMARA.OKAFOR@wandsworth.example.gov.uk",
                                     start_date=meeting.date - dt.timedelta(days=30)))
    return ended, joiner, shared


# --- recipients ---------------------------------------------------------------------------------

def test_to_is_exactly_the_members_in_post_on_the_meeting_date_with_an_email(demo_store, meeting, agenda_file,
                                                                             tmp_path):
    ended, joiner, shared = add_people(demo_store, meeting)
    plan = plan_circulation(demo_store, meeting.id, kind="agenda", agenda_path=agenda_file)
    msg = read_eml(write_eml(plan, tmp_path / "agenda.eml"))

    sender = addresses(msg, "From")[0]
    assert sender == ("Aisha Rahman", "aisha.rahman@wscp.example.org.uk")  # the SBSO seat in the register
    to = addresses(msg, "To")
    assert to == expected_to(demo_store, meeting.date, sender[1])
    emails = [e.lower() for _, e in to]
    assert ended.email not in emails and joiner.email not in emails
    assert emails.count("amara.okafor@wandsworth.example.gov.uk") == 1  # the shared address once,
    assert "Zed Shared" not in [n for n, _ in to]  # under the first of its seats in register order
    assert shared.email.lower() == "amara.okafor@wandsworth.example.gov.uk"
    assert msg["Cc"] is None  # no deputies unless chosen
    assert len(to) == 25 and ("Claire Dawson", "claire.dawson@wscp.example.org.uk") in to


def test_deputies_are_copied_in_only_when_chosen_and_never_twice(demo_store, meeting, agenda_file, tmp_path):
    plan = plan_circulation(demo_store, meeting.id, kind="agenda", agenda_path=agenda_file, include_deputies=True)
    msg = read_eml(write_eml(plan, tmp_path / "agenda.eml"))
    to = {e.lower() for _, e in addresses(msg, "To")}
    cc = addresses(msg, "Cc")
    members = [m for m in demo_store.members() if in_post(m, meeting.date) and m.name]
    deputies = [(m.deputy_name, m.deputy_email) for m in members if m.deputy_email]
    # Deputies who are members themselves (Eleanor Wright, DS Karen Osei, Yusuf Karim) are already in To.
    assert cc == [d for d in deputies if d[1].lower() not in to]
    assert cc == [("Dr Ravi Shah", "ravi.shah@swlondon.example.nhs.uk"),
                  ("Liam Foster", "liam.foster@swlstg.example.nhs.uk"),
                  ("Tom Reilly", "tom.reilly@wandsworth.example.gov.uk")]
    assert not to & {e.lower() for _, e in cc}


def test_members_without_an_email_are_named_in_the_warnings(demo_store, meeting, agenda_file):
    plan = plan_circulation(demo_store, meeting.id, kind="agenda", agenda_path=agenda_file)
    no_email = [m for m in demo_store.members() if m.name and not m.email and in_post(m, meeting.date)]
    assert [m.name for m in no_email] == ["Chris Donnelly"]
    warning = next(w for w in plan.warnings if "No email address" in w)
    assert "Chris Donnelly" in warning and "Lead Social Worker" in warning
    assert all("(vacant)" not in w for w in plan.warnings)


# --- the draft ----------------------------------------------------------------------------------

def test_the_draft_is_an_unsent_utf8_message_with_the_template_filled(demo_store, meeting, agenda_file, tmp_path):
    demo_store.agendas.set_setting(cfg.EMAIL_CIRCULATION_AGENDA, {
        "subject": "[{subcommittee}] {what}: {meeting_date}",
        "body": "Chair: {chair}\nPartnership: {partnership}\nPapers by {papers_deadline}.\n{items}\n",
    })
    plan = plan_circulation(demo_store, meeting.id, kind="agenda", agenda_path=agenda_file)
    msg = read_eml(write_eml(plan, tmp_path / "agenda.eml"))
    sc = demo_store.subcommittee()
    chair = demo_store.member(sc.chair.member_id).name
    deadline = paper_deadline(meeting.date, 10)

    assert msg["X-Unsent"] == "1"
    assert msg["Date"] and msg["Message-ID"]
    assert msg["Subject"] == f"[{sc.name}] agenda: {meeting.date.day} {meeting.date:%B %Y}"
    body = msg.get_body(("plain",)).get_content()
    assert msg.get_body(("plain",)).get_content_charset() == "utf-8"
    assert f"Chair: {chair}\n" in body and chair == "Dr Helen Carter"
    assert f"Partnership: {sc.partnership}\n" in body
    assert f"Papers by {deadline:%A} {deadline.day} {deadline:%B %Y}." in body
    lines = demo_store.agendas.agenda(meeting.id).lines
    assert f"1. {lines[0].item.title}" in body
    sub = next(ln for ln in lines if ln.depth)
    assert f"    {sub.number} {sub.item.title}" in body  # sub-items indented under their item
    assert "{" not in body and "{" not in msg["Subject"]


def test_subject_and_body_given_replace_the_template(demo_store, meeting, agenda_file):
    plan = plan_circulation(demo_store, meeting.id, kind="agenda", agenda_path=agenda_file,
                            subject="Revised agenda {meeting_date}", body="Hello — {unknown} stays as typed.")
    assert plan.subject == f"Revised agenda {meeting.date.day} {meeting.date:%B %Y}"
    assert plan.body == "Hello — {unknown} stays as typed.\n"


def test_pack_attachments_are_the_bytes_the_store_holds(demo_store, meeting, agenda_file, tmp_path):
    pack = demo_store.agendas.save_pack(meeting.id, pdf_bytes(), file_name="MQ&P pack 8 December 2026.pdf",
                                        contents={"papers": []}, page_count=1)
    plan = plan_circulation(demo_store, meeting.id, kind="pack", agenda_path=agenda_file)
    msg = read_eml(write_eml(plan, tmp_path / "pack.eml"))
    got = [(a.get_filename(), a.get_content_type(), a.get_content()) for a in msg.iter_attachments()]
    stored = demo_store.agendas.document(pack.document_id)

    when = f"{meeting.date.day} {meeting.date:%B %Y}"
    assert [n for n, _, _ in got] == [f"Agenda - MQ&P - {when}.docx", f"Meeting pack - MQ&P - {when}.pdf"]
    assert got[0][2] == agenda_file.read_bytes()
    assert got[1][1] == "application/pdf"
    assert sha(got[1][2]) == stored.info.sha256 and len(got[1][2]) == stored.info.size
    assert [(a.name, a.size, a.sha256) for a in plan.attachments] == [(n, len(c), sha(c)) for n, _, c in got]
    assert plan.total_size == sum(len(c) for _, _, c in got)
    assert plan.pack_id == pack.id and not plan.over_limit
    # The papers not received are named, in the warnings and in the body.
    assert any("Neglect strategy" in w and "not been received" in w for w in plan.warnings)
    assert "To follow: Item 7, 'Neglect strategy: draft for sign-off'" in msg.get_body().get_content()


def test_papers_the_pack_could_not_convert_are_attached_beside_it(demo_store, meeting, agenda_file):
    papers = {p.title: p for p in demo_store.agendas.papers(meeting.id)}
    word = next(p for p in papers.values() if p.document_id and
                demo_store.agendas.document_info(p.document_id).file_name.endswith(".docx"))
    demo_store.agendas.save_pack(meeting.id, pdf_bytes(), file_name="pack.pdf", page_count=1,
                                 contents={"separately": [{"document_id": word.document_id, "name": word.title}]})
    plan = plan_circulation(demo_store, meeting.id, kind="pack", agenda_path=agenda_file)
    extra = plan.attachments[2:]
    assert len(extra) == 1
    assert extra[0].sha256 == demo_store.agendas.document_info(word.document_id).sha256
    assert extra[0].name == "Item 6 - Section 11 audit 2025-26 progress.docx"


def test_no_pack_built_is_refused_with_what_to_do(demo_store, meeting, agenda_file):
    with pytest.raises(ValidationError, match="No meeting pack has been built for the meeting of .*build the pack"):
        plan_circulation(demo_store, meeting.id, kind="pack", agenda_path=agenda_file)


def test_papers_separately_attach_the_agenda_and_each_paper_from_the_store(demo_store, meeting, agenda_file,
                                                                          tmp_path):
    plan = plan_circulation(demo_store, meeting.id, kind="pack", papers_separately=True, agenda_path=agenda_file)
    assert plan.kind == "papers" and plan.pack_id is None
    msg = read_eml(write_eml(plan, tmp_path / "papers.eml"))
    got = {a.get_filename(): a.get_content() for a in msg.iter_attachments()}
    agenda = demo_store.agendas.agenda(meeting.id)
    numbers = agenda.numbers
    expected = {attachment_name(f"Agenda - MQ&P - {meeting.date.day} {meeting.date:%B %Y}", ".docx"):
                sha(agenda_file.read_bytes())}
    for p in agenda.all_papers():
        if p.document_id and not p.withdrawn:
            info = demo_store.agendas.document_info(p.document_id)
            expected[attachment_name(f"Item {numbers[p.item_id]} - {p.title}", "." + info.file_name.rsplit(".")[-1])] \
                = info.sha256
    assert {n: sha(c) for n, c in got.items()} == expected
    assert len(expected) == 3
    assert all(n.isascii() for n in got)  # "2025–26: progress" → "2025-26 progress"


def test_over_the_size_limit_warns_and_suggests_papers_separately(demo_store, meeting, agenda_file):
    demo_store.agendas.set_setting(cfg.PACK_SIZE_LIMIT_MB, 1)
    demo_store.agendas.save_pack(meeting.id, pdf_bytes(padding=900_000), file_name="pack.pdf",
                                 contents={}, page_count=1)
    plan = plan_circulation(demo_store, meeting.id, kind="pack", agenda_path=agenda_file)
    # 0.9 MB of attachments is about 1.2 MB once base64-encoded: over a 1 MB limit.
    assert plan.total_size < 2**20 < plan.message_size
    assert plan.over_limit and plan.limit_mb == 1
    warning = plan.warnings[-1]
    assert "1 MB limit" in warning and "separate attachments" in warning

    separate = plan_circulation(demo_store, meeting.id, kind="pack", agenda_path=agenda_file, papers_separately=True)
    assert not separate.over_limit and not any("limit" in w for w in separate.warnings)


def test_still_over_the_limit_with_papers_separately_says_so(demo_store, meeting, agenda_file):
    demo_store.agendas.set_setting(cfg.PACK_SIZE_LIMIT_MB, 1)
    paper = next(p for p in demo_store.agendas.papers(meeting.id) if p.document_id is None)
    demo_store.agendas.attach_content(paper.id, "big.pdf", pdf_bytes(padding=1_200_000))
    plan = plan_circulation(demo_store, meeting.id, kind="papers", agenda_path=agenda_file)
    assert plan.over_limit
    assert "Even with the papers attached separately" in plan.warnings[-1]


def test_minutes_and_unknown_kinds_are_refused(demo_store, meeting):
    with pytest.raises(ValidationError, match="minutes"):
        plan_circulation(demo_store, meeting.id, kind="minutes")
    with pytest.raises(ValidationError, match="not something to circulate"):
        plan_circulation(demo_store, meeting.id, kind="everything")


def test_a_draft_needs_an_eml_name_and_a_folder_that_exists(demo_store, meeting, agenda_file, tmp_path):
    plan = plan_circulation(demo_store, meeting.id, kind="agenda", agenda_path=agenda_file)
    with pytest.raises(ExportFileError, match=r"\.eml"):
        write_eml(plan, tmp_path / "agenda.txt")
    with pytest.raises(ExportFileError, match="does not exist"):
        write_eml(plan, tmp_path / "missing" / "agenda.eml")
    assert list(tmp_path.glob("*.eml")) == [] and not (tmp_path / "agenda.txt").exists()


def test_a_wrong_agenda_file_is_refused(demo_store, meeting, tmp_path):
    bad = tmp_path / "agenda.docx"
    bad.write_bytes(pdf_bytes())
    with pytest.raises(ValidationError, match="agenda.docx"):
        plan_circulation(demo_store, meeting.id, kind="agenda", agenda_path=bad)


# --- supplements --------------------------------------------------------------------------------

def test_a_supplement_sends_only_the_supplementary_papers_not_yet_circulated(demo_store, meeting, agenda_file):
    repo = demo_store.agendas
    item = next(i for i in repo.items(meeting.id) if i.title.startswith("Neglect"))
    first = repo.request_paper(item.id, author_name="Amara Okafor", title="Neglect strategy appendix",
                               supplement=True)
    repo.attach_content(first.id, "appendix.pdf", pdf_bytes())
    plan = plan_circulation(demo_store, meeting.id, kind="supplement")
    assert [a.name for a in plan.attachments] == ["Supplement 1 - Neglect strategy appendix.pdf"]
    assert plan.subject.endswith(f"supplementary paper for {meeting.date.day} {meeting.date:%B %Y}")
    record_circulated(demo_store, plan)

    second = repo.request_paper(item.id, author_name="Amara Okafor", title="Neglect data annex", supplement=True)
    repo.attach_content(second.id, "annex.pdf", pdf_bytes(padding=10))
    plan = plan_circulation(demo_store, meeting.id, kind="supplement")
    assert [a.name for a in plan.attachments] == ["Supplement 2 - Neglect data annex.pdf"]


def test_no_supplement_is_refused(demo_store, meeting):
    with pytest.raises(ValidationError, match="no supplementary papers"):
        plan_circulation(demo_store, meeting.id, kind="supplement")


# --- the record ---------------------------------------------------------------------------------

def test_record_circulated_keeps_who_and_which_files_and_a_recirculation_is_another_record(
        demo_store, meeting, agenda_file):
    pack = demo_store.agendas.save_pack(meeting.id, pdf_bytes(), file_name="pack.pdf", contents={}, page_count=1)
    plan = plan_circulation(demo_store, meeting.id, kind="pack", agenda_path=agenda_file, include_deputies=True)
    first = record_circulated(demo_store, plan, note="sent from Outlook")
    records = demo_store.agendas.circulations(meeting.id)
    assert [c.id for c in records] == [first.id]
    assert records[0].kind.value == "pack" and records[0].pack_id == pack.id
    assert len(records[0].recipients) == len(plan.to) + len(plan.cc) == 28
    assert "Dr Helen Carter <helen.carter@swlondon.example.nhs.uk>" in records[0].recipients
    assert [(a.name, a.sha256, a.size) for a in records[0].attachments] == \
        [(a.name, a.sha256, a.size) for a in plan.attachments]
    assert records[0].subject == plan.subject and records[0].note == "sent from Outlook"
    assert demo_store.agendas.pack(pack.id).circulated

    again = plan_circulation(demo_store, meeting.id, kind="papers", agenda_path=agenda_file)
    record_circulated(demo_store, again)
    records = demo_store.agendas.circulations(meeting.id)
    assert [c.kind.value for c in records] == ["pack", "papers"]
    assert records[1].pack_id is None


# --- paper request and chase drafts -------------------------------------------------------------

@pytest.mark.parametrize("chase", [False, True])
def test_paper_request_and_chase_drafts(demo_store, meeting, tmp_path, chase):
    paper = next(p for p in demo_store.agendas.papers(meeting.id) if p.title.startswith("Neglect"))
    draft = demo_store.agendas.chase_email(paper.id) if chase else demo_store.agendas.request_email(paper.id)
    msg = read_eml(paper_email_eml(demo_store, paper.id, tmp_path / "paper.eml", chase=chase))
    assert msg["X-Unsent"] == "1"
    assert addresses(msg, "To") == [("Amara Okafor", "amara.okafor@wandsworth.example.gov.uk")]
    assert addresses(msg, "From") == [("Aisha Rahman", "aisha.rahman@wscp.example.org.uk")]
    assert msg["Subject"] == draft.subject
    assert msg["Subject"].startswith("Reminder: paper for Neglect" if chase else "Paper requested: Neglect")
    assert msg.get_body().get_content() == draft.body.rstrip() + "\n"
    assert list(msg.iter_attachments()) == []


def test_a_paper_without_an_author_address_has_no_draft(demo_store, meeting, tmp_path):
    paper = next(p for p in demo_store.agendas.papers(meeting.id) if p.title.startswith("Neglect"))
    demo_store.agendas.update_paper(dataclasses.replace(paper, author_email=""))
    with pytest.raises(ValidationError, match="no author email"):
        paper_email_eml(demo_store, paper.id, tmp_path / "paper.eml")
    assert not (tmp_path / "paper.eml").exists()


# --- the templates as settings -----------------------------------------------------------------

def test_circulation_templates_take_only_their_own_placeholders(demo_store):
    with pytest.raises(ValidationError, match=r"\{author\}.*not a placeholder"):
        demo_store.agendas.set_setting(cfg.EMAIL_CIRCULATION, {"subject": "For {author}", "body": "x"})
    with pytest.raises(ValidationError, match=r"\{items\}"):
        demo_store.agendas.set_setting(cfg.EMAIL_PAPER_REQUEST, {"subject": "s", "body": "{items}"})
    saved = demo_store.agendas.set_setting(cfg.EMAIL_CIRCULATION, {"subject": "{what} {meeting_date}",
                                                                   "body": "{items}"})
    assert saved == {"subject": "{what} {meeting_date}", "body": "{items}\n"}
    assert set(cfg.CIRCULATION_PLACEHOLDERS) >= {"meeting_date", "subcommittee", "partnership", "items",
                                                 "papers_deadline", "chair"}

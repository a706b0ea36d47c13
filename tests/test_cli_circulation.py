"""``mqp circulate``, ``mqp circulations`` and ``mqp papers email --out``, run in-process through
``main([...])`` on a temporary copy of the demonstration database."""

from __future__ import annotations

import email
import hashlib
import io
import json
from email import policy

import pytest

from mqp_desktop.cli import main

AISHA = "aisha.rahman@wscp.example.org.uk"
PLAN_KEYS = {
    "file", "meeting_id", "kind", "from", "to", "cc", "subject", "body", "attachments", "total_size",
    "message_size", "limit_mb", "over_limit", "pack_id", "warnings", "recorded",
}


@pytest.fixture
def mqp(capsys, demo_db):
    def run(*args: str):
        status = main(["--db", str(demo_db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def ok(result) -> str:
    status, out, err = result
    assert status == 0, err
    return out


def one_error_line(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


def read_eml(path):
    with open(path, "rb") as f:
        return email.message_from_binary_file(f, policy=policy.default)


def pdf_file(path):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    path.write_bytes(buf.getvalue())
    return path


def test_circulate_papers_writes_a_draft_to_every_member_with_each_paper(mqp, demo_store, tmp_path):
    out = tmp_path / "papers.eml"
    text = ok(mqp("circulate", "next", "--papers-separately", "--out", str(out)))
    assert f"to {out}" in text and "To:      25 members" in text and "Not recorded" in text
    msg = read_eml(out)
    assert msg["X-Unsent"] == "1"
    meeting = demo_store.meetings.next_meeting()
    members = [m for m in demo_store.members(active_on=meeting.date) if m.name and m.email and m.email != AISHA]
    assert [a.addr_spec for a in msg["To"].addresses] == [m.email for m in members]
    assert msg["Cc"] is None
    stored = {demo_store.agendas.document_info(p.document_id).sha256
              for p in demo_store.agendas.papers(meeting.id) if p.document_id}
    attached = [a for a in msg.iter_attachments()]
    assert attached[0].get_filename().startswith("Agenda - MQ&P - ") and attached[0].get_filename().endswith(".docx")
    assert {hashlib.sha256(a.get_content()).hexdigest() for a in attached[1:]} == stored
    assert demo_store.agendas.circulations(meeting.id) == []  # a draft is not a circulation


def test_circulate_json_and_deputies(mqp, tmp_path):
    data = json.loads(ok(mqp("circulate", "next", "--what", "papers", "--deputies", "--out", str(tmp_path),
                             "--subject", "Papers for {meeting_date}", "--json")))
    assert set(data) == PLAN_KEYS
    assert data["file"].endswith(".eml") and data["file"].startswith(str(tmp_path))
    assert data["kind"] == "papers" and data["recorded"] is None
    assert data["from"] == {"name": "Aisha Rahman", "email": AISHA}
    assert [c["name"] for c in data["cc"]] == ["Dr Ravi Shah", "Liam Foster", "Tom Reilly"]
    assert data["subject"].startswith("Papers for ") and "{" not in data["subject"]
    assert any("Chris Donnelly" in w for w in data["warnings"])
    assert data["total_size"] == sum(a["size"] for a in data["attachments"])
    msg = read_eml(data["file"])
    assert [a.addr_spec for a in msg["Cc"].addresses] == [c["email"] for c in data["cc"]]


def test_warnings_go_to_stderr(mqp, tmp_path):
    status, _, err = mqp("circulate", "next", "--what", "papers", "--out", str(tmp_path / "p.eml"))
    assert status == 0
    assert "warning: No email address is recorded for Chris Donnelly" in err
    assert "warning: Item 7: 'Neglect strategy: draft for sign-off' has not been received" in err


def test_record_then_recirculate_gives_two_records(mqp, tmp_path):
    ok(mqp("circulate", "next", "--what", "agenda", "--out", str(tmp_path / "a.eml"), "--record",
           "--note", "agenda first"))
    ok(mqp("circulate", "next", "--what", "papers", "--out", str(tmp_path / "p.eml"), "--record"))
    records = json.loads(ok(mqp("circulations", "next", "--json")))
    assert [r["kind"] for r in records] == ["agenda", "papers"]
    assert records[0]["note"] == "agenda first" and len(records[0]["recipients"]) == 25
    assert records[0]["attachments"][0]["name"].endswith(".docx")
    table = ok(mqp("circulations", "next"))
    assert "agenda" in table and "papers" in table


def test_circulate_a_pack_file_given(mqp, tmp_path):
    pack = pdf_file(tmp_path / "Pack 8 December 2026.pdf")
    out = tmp_path / "pack.eml"
    data = json.loads(ok(mqp("circulate", "next", "--pack", str(pack), "--out", str(out), "--json")))
    assert [a["name"] for a in data["attachments"]][1].startswith("Meeting pack - MQ&P - ")
    got = [a.get_content() for a in read_eml(out).iter_attachments()]
    assert got[1] == pack.read_bytes()


def test_circulate_refusals_are_one_line(mqp, tmp_path):
    err = one_error_line(mqp("circulate", "next", "--out", str(tmp_path / "x.eml")))
    assert "No meeting pack has been built" in err and "mqp export pack" in err
    err = one_error_line(mqp("circulate", "next", "--what", "papers", "--out", str(tmp_path / "x.txt")))
    assert ".eml" in err
    err = one_error_line(mqp("circulate", "next", "--what", "papers", "--out", str(tmp_path / "no" / "x.eml")))
    assert "does not exist" in err
    err = one_error_line(mqp("circulate", "next", "--what", "agenda", "--papers-separately",
                             "--out", str(tmp_path / "x.eml")))
    assert "--papers-separately" in err
    err = one_error_line(mqp("circulate", "next", "--what", "supplement", "--out", str(tmp_path / "x.eml")))
    assert "no supplementary papers" in err
    assert not list(tmp_path.glob("x.*")) and not (tmp_path / "no").exists()
    status, _, _ = mqp("circulate", "next", "--what", "minutes", "--out", str(tmp_path / "x.eml"))
    assert status == 2  # not offered until the minutes land


@pytest.mark.parametrize("chase", [False, True])
def test_papers_email_out_writes_a_draft(mqp, demo_store, tmp_path, chase):
    paper = next(p for p in demo_store.agendas.papers(demo_store.meetings.next_meeting().id)
                 if p.title.startswith("Neglect"))
    out = tmp_path / "paper.eml"
    args = ["papers", "email", str(paper.id), "--out", str(out)] + (["--chase"] if chase else [])
    text = ok(mqp(*args))
    assert ("chase" if chase else "request") in text and str(out) in text
    msg = read_eml(out)
    assert msg["X-Unsent"] == "1" and msg["To"].addresses[0].addr_spec == paper.author_email
    printed = json.loads(ok(mqp("papers", "email", str(paper.id), "--json", *(["--chase"] if chase else []))))
    assert msg["Subject"] == printed["subject"]
    assert msg.get_body().get_content() == printed["body"].rstrip() + "\n"


def test_help_names_the_commands(mqp):
    out = ok(mqp("--help"))
    assert "circulate MEETING --out FILE.eml" in out and "circulations MEETING" in out
    out = ok(mqp("circulate", "--help"))
    assert "--deputies" in out and "--papers-separately" in out and "examples:" in out

"""``mqp export agenda`` and ``mqp export pack``, run in-process on a copy of the demonstration database."""

from __future__ import annotations

import io
import json

import docx
import pytest

from mqp_desktop.cli import main
from mqp_desktop.exporters import paper_convert

pypdf = pytest.importorskip("pypdf")


@pytest.fixture
def mqp(capsys, demo_db, monkeypatch):
    monkeypatch.setattr(paper_convert, "find_converters", lambda: ())  # fast, and the same on every machine

    def run(*args: str):
        status = main(["--db", str(demo_db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def one_error_line(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


def test_export_agenda_writes_the_word_agenda(mqp, tmp_path):
    out = tmp_path / "agenda"
    status, text, err = mqp("export", "agenda", "next", "--out", str(out))
    assert status == 0, err
    written = tmp_path / "agenda.docx"
    assert "Wrote the agenda of meeting" in text and str(written) in text
    d = docx.Document(str(written))
    assert d.tables[0].rows[0].cells[0].text == "No." and len(d.tables[0].rows) > 5


def test_export_agenda_uses_the_settings_house_template_unless_told_otherwise(mqp, tmp_path):
    from tests.helpers.word_templates import HEADER_TEXT, house_template

    def header(path) -> str:
        return "\n".join(p.text for p in docx.Document(str(path)).sections[0].header.paragraphs)

    status, text, err = mqp("export", "agenda", "next", "--out", str(tmp_path / "plain.docx"))
    assert status == 0, err
    assert "in the program's own style: no house template in the settings)" in text
    assert HEADER_TEXT not in header(tmp_path / "plain.docx")

    template = tmp_path / "Borough house style.docx"
    template.write_bytes(house_template())
    assert mqp("settings", "set", "house_template", str(template))[0] == 0
    status, text, err = mqp("export", "agenda", "next", "--out", str(tmp_path / "house.docx"))
    assert status == 0, err
    assert "in the house style of Borough house style.docx from the settings)" in text
    assert header(tmp_path / "house.docx") == HEADER_TEXT

    other = tmp_path / "Other style.dotx"
    other.write_bytes(house_template(header="ANOTHER HEADER", kind="dotx"))
    status, text, err = mqp("export", "agenda", "next", "--out", str(tmp_path / "other.docx"), "--template", str(other))
    assert status == 0, err
    assert "in the house style of Other style.dotx)" in text
    assert header(tmp_path / "other.docx") == "ANOTHER HEADER"

    status, text, err = mqp("export", "agenda", "next", "--out", str(tmp_path / "own.docx"), "--no-template")
    assert status == 0, err
    assert "in the program's own style)" in text
    assert HEADER_TEXT not in header(tmp_path / "own.docx")

    status, _text, err = mqp("export", "agenda", "next", "--out", str(tmp_path / "x.docx"), "--no-template",
                             "--template", str(other))
    assert status == 2 and "not allowed with argument" in err


def test_export_pack_json_lists_sections_and_papers_circulated_separately(mqp, tmp_path, demo_db):
    out = tmp_path / "pack.pdf"
    status, text, err = mqp("export", "pack", "next", "--out", str(out), "--json")
    assert status == 0, err
    data = json.loads(text)
    assert set(data) == {"meeting_id", "kind", "path", "page_count", "pack_id", "contents", "separately"}
    assert data["kind"] == "pack" and data["pack_id"] is not None
    assert len(pypdf.PdfReader(str(out)).pages) == data["page_count"]
    kinds = [c["kind"] for c in data["contents"]]
    assert kinds[:5] == ["cover", "contents", "agenda", "minutes", "action_log"] and "divider" in kinds
    assert data["separately"] and data["separately"][0]["file_name"].endswith(".docx")
    # The pack was saved with the meeting: 'mqp circulate' can find it.
    from mqp_desktop.store import Store

    with Store.open(demo_db) as store:
        assert store.agendas.pack(data["pack_id"]).page_count == data["page_count"]


def test_export_pack_prints_what_it_holds(mqp, tmp_path):
    status, text, err = mqp("export", "pack", "next", "--out", str(tmp_path / "p.pdf"), "--no-save")
    assert status == 0, err
    assert "pages." in text and "Item 5" in text and "Circulated separately" in text and "Saved" not in text


def test_export_pack_refuses_a_wrong_ending_and_a_missing_supplement(mqp, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    assert "does not end in .pdf" in one_error_line(mqp("export", "pack", "next", "--out", str(folder / "p.docx")))
    assert "no supplement" in one_error_line(
        mqp("export", "pack", "next", "--out", str(folder / "s.pdf"), "--supplement"))
    assert list(folder.iterdir()) == []


def test_export_pack_names_a_bad_paper(mqp, tmp_path, demo_db):
    from mqp_desktop.domain.documents import CheckedDocument
    from mqp_desktop.store import Store

    with Store.open(demo_db) as store:
        meeting = store.meetings.next_meeting()
        paper = next(p for p in store.agendas.papers(meeting.id) if p.document_id and not p.supplement)
        store.agendas._attach(paper, CheckedDocument("scan.pdf", "application/pdf", b"%PDF-1.4\nnonsense\n%%EOF\n"),
                              None)
    folder = tmp_path / "out"
    folder.mkdir()
    line = one_error_line(mqp("export", "pack", "next", "--out", str(folder / "p.pdf")))
    assert "scan.pdf" in line and paper.title in line and "damaged" in line
    assert list(folder.iterdir()) == []


def test_export_supplement(mqp, tmp_path, demo_db):
    from mqp_desktop.store import Store

    with Store.open(demo_db) as store:
        meeting = store.meetings.next_meeting()
        item = store.agendas.items(meeting.id)[4]
        late = store.agendas.request_paper(item.id, author_name="Late Author", title="Late figures", supplement=True)
        from reportlab.pdfgen.canvas import Canvas

        buf = io.BytesIO()
        c = Canvas(buf)
        c.drawString(72, 720, "LATE FIGURES")
        c.showPage()
        c.save()
        store.agendas.attach_content(late.id, "late.pdf", buf.getvalue())
    status, text, err = mqp("export", "pack", "next", "--out", str(tmp_path / "s.pdf"), "--supplement", "--json")
    assert status == 0, err
    data = json.loads(text)
    assert data["kind"] == "supplement" and data["page_count"] == 2 and data["pack_id"] is None
    assert [c["first_page"] for c in data["contents"]] == ["S1-1", "S1-2"]

"""``mqp agenda``, ``mqp papers`` and ``mqp settings``, run in-process through ``main([...])`` on a
temporary copy of the demonstration database."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mqp_desktop.cli import main
from tests.helpers.pdfs import tiny_pdf

TODAY = dt.date.today()
PDF = tiny_pdf("Appendix")
PAPER_KEYS = {
    "id", "item_id", "item_number", "item_title", "title", "author_name", "author_email", "requested_on",
    "deadline", "received_on", "signed_off_by", "signed_off_on", "withdrawn", "supplement", "status", "document",
    "notes",
}
ITEM_KEYS = {
    "id", "number", "depth", "parent_id", "title", "presenter_member_id", "presenter_name", "presenter", "purpose",
    "minutes", "start", "finish", "elapsed", "priority", "standing", "notes", "papers",
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


def as_json(result):
    return json.loads(ok(result))


def one_error_line(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


def items(mqp, meeting="next"):
    return as_json(mqp("agenda", "show", meeting, "--json"))["items"]


def test_agenda_show_json_has_numbers_times_and_papers(mqp):
    data = as_json(mqp("agenda", "show", "next", "--json"))
    assert set(data) == {"meeting", "items", "timing"}
    first = data["items"][0]
    assert set(first) == ITEM_KEYS and first["number"] == "1" and first["start"] == data["meeting"]["start_time"]
    assert [i["number"] for i in data["items"]][:8] == ["1", "2", "3", "4", "5", "6", "6.1", "6.2"]
    papers = [p for i in data["items"] for p in i["papers"]]
    assert papers and all(set(p) == PAPER_KEYS for p in papers)
    assert {"ready", "not signed off", "overdue", "requested"} <= {p["status"] for p in papers}
    timing = data["timing"]
    assert timing["total_minutes"] == sum(i["minutes"] for i in data["items"] if i["depth"] == 0)
    assert timing["planned_finish"] == data["items"][-1]["finish"]


def test_agenda_show_text(mqp):
    out = ok(mqp("agenda", "show", "next"))
    assert "Running time" in out and "planned finish" in out and "overdue" in out and "6.1" in out


def test_add_item_before_aob_under_and_after(mqp):
    before = items(mqp)
    out = ok(mqp("agenda", "add-item", "next", "--title", "Ofsted ILACS outcome", "--guest", "Dr Ama Boateng",
                 "--purpose", "information", "--minutes", "10", "--priority", "Quality assurance and performance"))
    assert "Added item 9" in out
    after = items(mqp)
    added = next(i for i in after if i["title"] == "Ofsted ILACS outcome")
    assert added["number"] == "9" and after[-2]["title"] == "Any other business"
    assert added["presenter_name"] == "Dr Ama Boateng" and added["purpose"] == "information"
    assert len(after) == len(before) + 1
    ok(mqp("agenda", "add-item", "next", "--title", "Health", "--under", "5", "--presenter", "Joanne Price"))
    ok(mqp("agenda", "add-item", "next", "--title", "Police", "--after", "5.1", "--minutes", "5"))
    numbered = {i["number"]: i["title"] for i in items(mqp)}
    assert (numbered["5.1"], numbered["5.2"]) == ("Health", "Police")


def test_edit_move_and_remove(mqp):
    ok(mqp("agenda", "edit", "next", "5", "--minutes", "25", "--purpose", "none"))
    five = items(mqp)[4]
    assert (five["minutes"], five["purpose"]) == (25, None)
    title7 = items(mqp)[8]["title"]  # item 7
    ok(mqp("agenda", "move", "next", "7", "--up"))
    assert next(i for i in items(mqp) if i["title"] == title7)["number"] == "6"
    ok(mqp("agenda", "move", "next", "7.2", "--outdent"))  # Section 11 is now 7, its sub-items 7.1 and 7.2
    assert "8" in {i["number"] for i in items(mqp) if i["title"] == "Challenge panel arrangements"}
    out = ok(mqp("agenda", "remove", "next", "8"))
    assert "Removed item 8" in out
    assert "Challenge panel arrangements" not in {i["title"] for i in items(mqp)}
    history = as_json(mqp("history", "--json", "--limit", "5"))
    assert any(h["entity"] == "agenda_item" and h["action"] == "removed" for h in history)


def test_move_errors_are_one_line(mqp):
    assert "no item 42" in one_error_line(mqp("agenda", "move", "next", "42", "--up"))
    assert "first item" in one_error_line(mqp("agenda", "move", "next", "1", "--indent"))
    assert "Say where" in one_error_line(mqp("agenda", "move", "next", "5"))
    assert "not a purpose" in one_error_line(mqp("agenda", "add-item", "next", "--title", "X", "--purpose", "fun"))


def test_standing_and_copy(mqp, demo_db):
    ok(mqp("meetings", "add", "--date", (TODAY + dt.timedelta(days=400)).isoformat(), "--extraordinary"))
    meetings = as_json(mqp("meetings", "list", "--json"))
    new = max(meetings, key=lambda m: m["id"])["id"]
    assert "already has an agenda" in one_error_line(mqp("agenda", "standing", "next"))
    out = ok(mqp("agenda", "standing", str(new)))
    assert "6 items" in out
    ok(mqp("agenda", "copy", str(new), "--from", "next", "--items", "5,6"))
    copied = items(mqp, str(new))
    assert [i["number"] for i in copied if i["title"].startswith("Section 11")] == ["6"]
    assert [i["title"] for i in copied if i["depth"] == 1] == ["Returns received and outstanding",
                                                               "Challenge panel arrangements"]
    assert all(i["papers"] == [] for i in copied)
    assert "already has an agenda" in one_error_line(mqp("agenda", "copy", str(new), "--from", "next"))


def test_papers_list_late_and_json(mqp):
    papers = as_json(mqp("papers", "list", "next", "--json"))
    assert len(papers) == 4
    late = as_json(mqp("papers", "list", "next", "--late", "--json"))
    assert {p["status"] for p in late} == {"overdue", "not signed off"}
    out = ok(mqp("papers", "list", "next", "--late"))
    assert "To chase:" in out and "has not been received" in out


def test_request_receive_attach_sign_off(mqp, tmp_path):
    data = as_json(mqp("papers", "request", "next:5", "--author", "Sofia Marques", "--email",
                       "sofia.marques@example.gov.uk", "--title", "Dataset appendix", "--json"))
    pid = data["paper_id"]
    assert data["email"]["to"] == ["sofia.marques@example.gov.uk"] and "Dataset appendix" in data["email"]["body"]
    assert data["deadline"] is not None and data["supplement"] is None
    f = tmp_path / "appendix.pdf"
    f.write_bytes(PDF)
    assert "attached to paper" in ok(mqp("papers", "attach", str(pid), str(f)))
    out = ok(mqp("papers", "sign-off", str(pid), "--by", "Daniel Whitfield"))
    assert "status: ready" in out
    record = next(p for p in as_json(mqp("papers", "list", "next", "--json")) if p["id"] == pid)
    assert record["status"] == "ready" and record["document"]["file_name"] == "appendix.pdf"
    assert record["received_on"] == TODAY.isoformat() and len(record["document"]["sha256"]) == 64
    chase = as_json(mqp("papers", "email", str(pid), "--chase", "--json"))
    assert chase["kind"] == "paper_chase" and chase["subject"].startswith("Reminder:")


def test_attach_refuses_a_renamed_program_and_saves_nothing(mqp, tmp_path):
    before = as_json(mqp("papers", "list", "next", "--json"))
    target = next(p for p in before if p["status"] == "overdue")
    f = tmp_path / "neglect.pdf"
    f.write_bytes(b"MZ" + b"\0" * 300)
    line = one_error_line(mqp("papers", "attach", str(target["id"]), str(f)))
    assert "'neglect.pdf' is not a PDF: its content is a Windows program" in line
    assert as_json(mqp("papers", "list", "next", "--json")) == before
    line = one_error_line(mqp("papers", "attach", "next:2", str(tmp_path / "missing.pdf")))
    assert "There is no file" in line
    assert as_json(mqp("papers", "list", "next", "--json")) == before  # no paper recorded for item 2 either


def test_receive_with_a_date_and_bad_inputs(mqp):
    overdue = next(p for p in as_json(mqp("papers", "list", "next", "--json")) if p["status"] == "overdue")
    ok(mqp("papers", "receive", str(overdue["id"]), "--date", TODAY.strftime("%d/%m/%Y")))
    again = next(p for p in as_json(mqp("papers", "list", "next", "--json")) if p["id"] == overdue["id"])
    assert again["status"] == "not signed off" and again["received_on"] == TODAY.isoformat()
    assert "not a paper id" in one_error_line(mqp("papers", "receive", "abc"))
    assert "no paper with id 9999" in one_error_line(mqp("papers", "receive", "9999"))
    assert "not a date" in one_error_line(mqp("papers", "receive", str(overdue["id"]), "--date", "soon"))


def test_settings_show_and_set(mqp, tmp_path):
    shown = as_json(mqp("settings", "show", "--json"))
    assert shown["paper_deadline_days"] == {"value": 10, "default": True,
                                            "description": shown["paper_deadline_days"]["description"]}
    assert shown["partnership_priorities"]["default"] is False  # the demo sets them
    ok(mqp("settings", "set", "paper_deadline_days", "8"))
    assert as_json(mqp("settings", "show", "--json"))["paper_deadline_days"]["value"] == 8
    ok(mqp("settings", "set", "partnership_priorities", "Neglect; Exploitation; Neglect"))
    assert as_json(mqp("settings", "show", "--json"))["partnership_priorities"]["value"] == ["Neglect", "Exploitation"]
    template = tmp_path / "chase.json"
    template.write_text(json.dumps({"subject": "Chasing {paper}", "body": "Dear {author}, where is it?"}))
    ok(mqp("settings", "set", "email_paper_chase", "--file", str(template)))
    pid = next(p for p in as_json(mqp("papers", "list", "next", "--json")) if p["status"] == "overdue")["id"]
    chase = as_json(mqp("papers", "email", str(pid), "--chase", "--json"))
    assert chase["subject"] == "Chasing Neglect strategy: draft for sign-off"
    assert "from 0 to 60" in one_error_line(mqp("settings", "set", "paper_deadline_days", "99"))
    template.write_text(json.dumps({"subject": "x", "body": "{nope}"}))
    assert "{nope}" in one_error_line(mqp("settings", "set", "email_paper_chase", "--file", str(template)))
    ok(mqp("settings", "set", "paper_deadline_days", "--reset"))
    assert as_json(mqp("settings", "show", "--json"))["paper_deadline_days"]["value"] == 10


def test_settings_house_template_set_show_and_reset(mqp, tmp_path, demo_db):
    from mqp_desktop.store import Store
    from tests.helpers.word_templates import house_template

    text = ok(mqp("settings", "show"))
    assert "house_template (default): the house template (Word) the Word agenda is written in\n" \
           "  none: the program's own style\n" in text
    assert as_json(mqp("settings", "show", "--json"))["house_template"]["value"] is None

    template = tmp_path / "Borough house style.dotx"
    content = house_template(kind="dotx")
    template.write_bytes(content)
    out = ok(mqp("settings", "set", "house_template", str(template)))
    assert out.startswith("house_template = Borough house style.dotx (stored as file ")
    shown = as_json(mqp("settings", "show", "--json"))["house_template"]
    assert shown["default"] is False and shown["value"]["file_name"] == "Borough house style.dotx"
    assert "house_template: the house template (Word) the Word agenda is written in\n" \
           "  Borough house style.dotx\n" in ok(mqp("settings", "show"))
    with Store.open(demo_db) as store:
        assert store.agendas.house_template() == ("Borough house style.dotx", content)

    # refused or missing files: one clear line, and the template in the settings is unchanged
    renamed = tmp_path / "logo.docx"
    renamed.write_bytes(b"MZ" + b"\0" * 200)
    assert "'logo.docx' is not a Word file: its content is a Windows program" in one_error_line(
        mqp("settings", "set", "house_template", str(renamed)))
    assert "there is no file 'nowhere.docx'" in one_error_line(mqp("settings", "set", "house_template", "nowhere.docx"))
    assert "Give the house template's file" in one_error_line(mqp("settings", "set", "house_template"))
    assert as_json(mqp("settings", "show", "--json"))["house_template"]["value"]["file_name"] == \
        "Borough house style.dotx"

    assert ok(mqp("settings", "set", "house_template", "--reset")) == \
        "house_template = none: the program's own style\n"
    assert as_json(mqp("settings", "show", "--json"))["house_template"]["value"] is None
    with Store.open(demo_db) as store:
        assert store.agendas.house_template() is None
        assert [c.summary for c in store.history(entity="setting")][:2] == ["Setting changed: house_template"] * 2

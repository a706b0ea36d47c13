"""``mqp decisions`` and ``mqp ratify`` run in-process on a copy of the demonstration database (an inquorate
meeting with decisions, one ratified at the next quorate meeting, others awaiting); the ratifying meeting's
minutes exported to PDF and Word and read back; the register exported to CSV and XLSX, formulas inert."""

from __future__ import annotations

import csv
import json

import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.minutes import RATIFIED_HEADING

DECISION_KEYS = {"id", "meeting_id", "meeting_date", "meeting_title", "item_id", "item_number", "item_title", "text",
                 "priorities", "taken_while_inquorate", "awaiting_ratification", "ratified_meeting_id", "ratified_on",
                 "ratification_id", "status", "minutes_status"}


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


def error(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


def as_json(result):
    return json.loads(ok(result))


def test_the_demo_holds_a_ratified_decision_and_others_awaiting(mqp):
    every = as_json(mqp("decisions", "--json"))
    assert every and all(set(d) == DECISION_KEYS for d in every)
    inquorate = [d for d in every if d["taken_while_inquorate"]]
    ratified = [d for d in inquorate if d["ratified_on"]]
    awaiting = [d for d in inquorate if d["awaiting_ratification"]]
    assert len(ratified) == 1 and len(awaiting) >= 1
    assert ratified[0]["ratified_meeting_id"] != ratified[0]["meeting_id"]
    assert ratified[0]["ratified_on"] > ratified[0]["meeting_date"]
    assert as_json(mqp("ratify", "--json")) == awaiting
    text = ok(mqp("ratify"))
    assert "awaiting ratification" in text and str(awaiting[0]["id"]) in text
    assert as_json(mqp("decisions", "--inquorate", "--json")) == inquorate
    assert as_json(mqp("decisions", "--awaiting", "--json")) == awaiting
    dates = sorted({d["meeting_date"] for d in every})
    window = as_json(mqp("decisions", "--from", dates[1], "--to", dates[2], "--json"))
    assert {d["meeting_date"] for d in window} == set(dates[1:3])
    y, m = int(dates[0][:4]), int(dates[0][5:7])
    quarter = as_json(mqp("decisions", "--quarter", f"{y}-Q{(m - 1) // 3 + 1}", "--json"))
    assert dates[0] in {d["meeting_date"] for d in quarter}
    priority = every[-1]["priorities"][0] if every[-1]["priorities"] else next(
        d["priorities"][0] for d in every if d["priorities"])
    by_priority = as_json(mqp("decisions", "--priority", priority.upper(), "--json"))
    assert by_priority and all(priority in d["priorities"] for d in by_priority)
    assert len(by_priority) == sum(priority in d["priorities"] for d in every)
    found = as_json(mqp("decisions", "--item", "re-referral", "--json"))
    assert found and all("re-referral" in (d["text"] + d["item_title"]).lower() for d in found)


def test_ratify_then_withdraw_and_the_minutes_say_so(mqp, demo_db, tmp_path):
    awaiting = as_json(mqp("ratify", "--json"))
    target = awaiting[0]
    meetings = as_json(mqp("meetings", "list", "--json"))
    later = [m for m in meetings if m["date"] > target["meeting_date"] and m["status"] == "held"]
    draft = later[-1]  # the demo's latest minutes are a draft
    done = as_json(mqp("ratify", str(draft["id"]), "--decision", str(target["id"]), "--note", "no objection",
                       "--json"))
    assert [(r["decision_id"], r["meeting_id"], r["note"]) for r in done] == [(target["id"], draft["id"],
                                                                             "no objection")]
    shown = ok(mqp("minutes", "show", str(draft["id"])))
    assert RATIFIED_HEADING in shown and target["text"][:40] in shown
    pdf = tmp_path / "m.pdf"
    docx_path = tmp_path / "m.docx"
    from mqp_desktop.exporters.minutes_docx import export_minutes_docx
    from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf
    from mqp_desktop.store import Store

    with Store.open(demo_db) as store:
        export_minutes_pdf(store, draft["id"], pdf)
        export_minutes_docx(store, draft["id"], docx_path)
    from pypdf import PdfReader

    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    assert RATIFIED_HEADING in pdf_text and "DECISION RATIFIED" in pdf_text
    assert " ".join(target["text"].split()[:6]) in pdf_text and "no objection" in pdf_text
    import docx

    doc = docx.Document(str(docx_path))
    texts = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert RATIFIED_HEADING in texts
    assert any(target["text"] in t and "no objection" in t for t in texts)
    # again: refused; withdrawn: it waits again and the minutes no longer print it
    assert "already ratified" in error(mqp("ratify", str(draft["id"]), "--decision", str(target["id"])))
    assert "--reason" in error(mqp("ratify", "--withdraw", str(done[0]["id"])))
    out = as_json(mqp("ratify", "--withdraw", str(done[0]["id"]), "--reason", "wrong meeting", "--json"))
    assert out["withdrawn_reason"] == "wrong meeting" and out["withdrawn_on"]
    assert target["id"] in [d["id"] for d in as_json(mqp("ratify", "--json"))]
    assert RATIFIED_HEADING not in ok(mqp("minutes", "show", str(draft["id"])))


def test_refusals_are_one_line(mqp):
    awaiting = as_json(mqp("ratify", "--json"))
    every = as_json(mqp("decisions", "--json"))
    quorate = next(d for d in every if not d["taken_while_inquorate"])
    meetings = as_json(mqp("meetings", "list", "--json"))
    signed_later = next(m for m in meetings if m["date"] > awaiting[0]["meeting_date"] and m["status"] == "held")
    assert "are signed" in error(mqp("ratify", str(signed_later["id"]), "--decision", str(awaiting[0]["id"])))
    assert "needs no ratification" in error(mqp("ratify", "last", "--decision", str(quorate["id"])))
    assert "Name the decisions" in error(mqp("ratify", "last"))
    assert "name the meeting" in error(mqp("ratify", "--decision", "3"))
    assert "not a quarter" in error(mqp("decisions", "--quarter", "2026-Q9"))
    assert "not one of the partnership's priorities" in error(mqp("decisions", "--priority", "Budgets"))
    assert "not both" in error(mqp("decisions", "--quarter", "2026-Q1", "--from", "2026-01-01"))
    assert ".csv or .xlsx" in error(mqp("decisions", "--export", "x.pdf"))


def test_the_register_exported_to_csv_and_xlsx_with_formulas_inert(mqp, demo_db, tmp_path):
    from mqp_desktop.store import Store

    with Store.open(demo_db) as store:  # a decision typed like a formula
        m = store.minutes.draft(6)
        item = next(i for i in m.items if i.decisions)
        from mqp_desktop.domain.minutes import Decision

        item.decisions.append(Decision("=HYPERLINK(\"http://x.test\",\"click\")"))
        store.minutes.save_draft(6, m)
    every = as_json(mqp("decisions", "--json"))
    out = tmp_path / "d.csv"
    assert f"{len(every)} decisions written" in ok(mqp("decisions", "--export", str(out)))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["Decision", "Meeting date", "Meeting"] and len(rows) == len(every) + 1
    formula = next(r for r in rows if "HYPERLINK" in r[5])
    assert not formula[5].startswith("=")
    awaiting_ids = {str(d["id"]) for d in every if d["awaiting_ratification"]}
    assert {r[0] for r in rows[1:] if r[8] == "AWAITING"} == awaiting_ids
    xlsx = tmp_path / "d.xlsx"
    ok(mqp("decisions", "--inquorate", "--export", str(xlsx)))
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    ws = wb.active
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    inquorate = [d for d in every if d["taken_while_inquorate"]]
    assert [v[0] for v in values] == [d["id"] for d in inquorate]
    assert all(v[7] == "yes" for v in values)
    assert ws.cell(row=5, column=2).value.date().isoformat() == inquorate[0]["meeting_date"]
    wb.close()

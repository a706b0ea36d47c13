"""``mqp scorecard --pdf|--xlsx|--report FILE`` and ``mqp papers add-performance-report`` run in-process on a
temporary database holding the hand-worked dataset (tests/helpers/performance_tiny.py)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mqp_desktop.cli import main
from mqp_desktop.cli.app import build_parser
from mqp_desktop.domain.agenda import AgendaItem, Purpose
from mqp_desktop.domain.meetings import Meeting
from tests.helpers.performance_tiny import build

TODAY = dt.date(2026, 12, 1)
pypdf = pytest.importorskip("pypdf")
openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture
def mqp(capsys, tmp_path, monkeypatch):
    """Run ``mqp --db <tmp> ARGS...`` (today = 1 Dec 2026) on the tiny dataset with a meeting on 12 Jan 2027."""
    monkeypatch.setattr("mqp_desktop.cli.performance.today", lambda: TODAY)
    monkeypatch.setattr("mqp_desktop.cli.common.today", lambda: TODAY)
    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: TODAY)
    db = tmp_path / "perf.sqlite"
    assert main(["--db", str(db), "info"]) == 0
    from mqp_desktop.store import Store

    store = Store.open(db)
    build(store)
    m = store.meetings.add(Meeting(date=dt.date(2027, 1, 12), venue="Room 1"))
    store.agendas.apply_standing_agenda(m.id)
    store.agendas.add_item(AgendaItem(meeting_id=m.id, title="Dataset exceptions", purpose=Purpose.DISCUSSION,
                                      minutes=20, presenter_name="Sofia Marques"))
    store.close()
    capsys.readouterr()

    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    run.db = db
    return run


def _text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(str(path)).pages)


def test_scorecard_to_pdf_xlsx_and_the_report_at_once(mqp, tmp_path):
    status, out, err = mqp("scorecard", "--period", "Q2 2025-26", "--pdf", str(tmp_path / "s.pdf"),
                           "--xlsx", str(tmp_path / "s.xlsx"), "--report", str(tmp_path / "report"))
    assert status == 0, err
    assert out.splitlines() == [
        f"Wrote the scorecard for Q2 2025-26 (Jul–Sep 2025) to {tmp_path / 's.pdf'}: 5 indicators, 1 red, 1 exception.",
        f"Wrote the scorecard for Q2 2025-26 (Jul–Sep 2025) to {tmp_path / 's.xlsx'}: 5 indicators, 1 red, 1 exception.",
        (f"Wrote the performance report for Q2 2025-26 (Jul–Sep 2025) to {tmp_path / 'report.pdf'}: 5 indicators, "
        "1 red, 1 exception."),
    ]
    assert "Scorecard: Q2 2025-26" in _text(tmp_path / "s.pdf")
    report = _text(tmp_path / "report.pdf")
    assert "Performance report: Q2 2025-26" in report and "What lies behind it" in report
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["Scorecard"]
    assert ws["A1"].value == "Scorecard: Q2 2025-26 (Jul–Sep 2025)"


def test_filters_apply_to_the_files_and_are_named_in_them(mqp, tmp_path):
    status, out, err = mqp("scorecard", "--period", "2025-Q3", "--rag", "red,amber", "--pdf", str(tmp_path / "f.pdf"))
    assert status == 0 and "3 indicators, 1 red" in out, err
    text = _text(tmp_path / "f.pdf")
    assert "3 indicators (filtered: RAG red, amber)" in text
    assert "RR1" in text and "RH2" in text and "MO5" in text and "CX3" not in text


def test_a_wrong_ending_json_with_a_file_and_a_missing_folder_are_refused(mqp, tmp_path):
    status, _, err = mqp("scorecard", "--period", "2025-Q3", "--pdf", str(tmp_path / "s.xlsx"))
    assert status == 1 and "--pdf: " in err and "does not end in .pdf" in err
    status, _, err = mqp("scorecard", "--period", "2025-Q3", "--json", "--xlsx", str(tmp_path / "s.xlsx"))
    assert status == 1 and "cannot be combined" in err
    status, _, err = mqp("scorecard", "--period", "2025-Q3", "--xlsx", str(tmp_path / "no" / "s.xlsx"))
    assert status == 1 and "does not exist" in err
    assert list(tmp_path.glob("s.*")) == []


def test_add_performance_report_to_an_item_then_again(mqp):
    status, out, err = mqp("papers", "add-performance-report", "2027-01-12:5", "--period", "2025-Q3")
    assert status == 0, err
    assert ("Performance report for Q2 2025-26 (Jul–Sep 2025) (5 indicators, 1 exception) attached as paper 1 on item "
            "5, 'Dataset exceptions': Performance report Q2 2025-26.pdf; status: not signed off.") in out
    assert "mqp papers sign-off 1 --by NAME" in out
    status, out, err = mqp("papers", "add-performance-report", "2027-01-12:5", "--period", "Q2 2025-26", "--json")
    assert status == 0, err
    record = json.loads(out)
    assert set(record) == {"paper_id", "item_id", "item_number", "title", "period", "label", "file_name",
                           "document_id", "replaced", "status", "indicators", "exceptions"}
    assert (record["paper_id"], record["replaced"], record["period"], record["item_number"], record["exceptions"]) == (
        1, True, "2025-Q3", "5", 1)
    status, out, _ = mqp("papers", "list", "2027-01-12", "--json")
    [paper] = json.loads(out)
    assert paper["title"] == "Performance report: Q2 2025-26 (Jul–Sep 2025)" and paper["author_name"] == "Sofia Marques"
    assert paper["document"]["id"] == record["document_id"]


def test_add_performance_report_refusals(mqp):
    status, _, err = mqp("papers", "add-performance-report", "2027-01-12:5", "--period", "2026-Q4")
    assert status == 1 and "a performance report is made for a period that has ended" in err
    status, _, err = mqp("papers", "add-performance-report", "2027-01-12:99")
    assert status == 1 and "has no item 99" in err
    status, _, err = mqp("papers", "add-performance-report", "2027-01-12:5", "--period", "sometime")
    assert status == 1 and "--period: 'sometime' is not a period" in err
    assert json.loads(mqp("papers", "list", "2027-01-12", "--json")[1]) == []


def test_help_documents_the_files_and_the_json_keys():
    parser = build_parser()
    scorecard = parser._subparsers._group_actions[0].choices["scorecard"].format_help()
    for words in ("--pdf FILE", "--xlsx FILE", "--report FILE", "percentages as Excel percentages",
                  "mqp papers\nadd-performance-report"):
        assert words in scorecard, words
    papers = parser._subparsers._group_actions[0].choices["papers"]
    add = papers._subparsers._group_actions[0].choices["add-performance-report"].format_help()
    for key in ("paper_id", "item_number", "replaced", "status", "--period PERIOD", "--author NAME"):
        assert key in add, key

"""What every PDF the program writes shares (exporters/pdf_document.py), read back with pypdf: the
language (/Lang) of every kind of PDF, the title shown in the reader's title bar, and the bookmarks of the
minutes and the Section 11 round summary, each going to the page its heading is on."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from mqp_desktop.exporters.pdf_document import LANGUAGE

pypdf = pytest.importorskip("pypdf")

PACKAGE = Path(__file__).resolve().parent.parent / "mqp_desktop"


def outline(reader) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) for every bookmark, in order."""
    out: list[tuple[int, str, int]] = []

    def walk(items, depth):
        for entry in items:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return out


def flat(text: str) -> str:
    return " ".join(text.split())


def _minutes(store, tmp_path) -> Path:
    from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf

    held = [m for m in store.meetings.list() if store.minutes.revision(m.id) is not None]
    return export_minutes_pdf(store, held[-1].id, tmp_path / "minutes.pdf")


def _pack(store, tmp_path) -> Path:
    from mqp_desktop.exporters.meeting_pack import build_pack

    build_pack(store, store.meetings.next_meeting().id, tmp_path / "pack.pdf", save=False)
    return tmp_path / "pack.pdf"


def _attendance(store, tmp_path) -> Path:
    from mqp_desktop.exporters.attendance_export import export_attendance_report

    today = dt.date.today()
    report = store.meetings.report(today - dt.timedelta(days=400), today)
    return export_attendance_report(report, store.subcommittee(), tmp_path / "attendance.pdf")


def _section11(store, tmp_path) -> Path:
    from mqp_desktop.exporters.section11_report import export_round_summary
    from mqp_desktop.store.section11 import Section11Repo

    return export_round_summary(store, Section11Repo(store).latest_round().id, tmp_path / "s11.pdf")


WRITERS = {"minutes": _minutes, "meeting pack": _pack, "attendance report": _attendance,
           "Section 11 round summary": _section11}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_every_pdf_says_its_language_and_shows_its_title(kind, demo_store, tmp_path, monkeypatch):
    from mqp_desktop.exporters import paper_convert

    monkeypatch.setattr(paper_convert, "find_converters", lambda: ())  # no LibreOffice needed for the pack
    reader = pypdf.PdfReader(str(WRITERS[kind](demo_store, tmp_path)))
    root = reader.trailer["/Root"]
    assert root.get("/Lang") == LANGUAGE == "en-GB", kind
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] is True or \
        root["/ViewerPreferences"]["/DisplayDocTitle"] == pypdf.generic.BooleanObject(True), kind
    assert reader.metadata.title, kind


def test_the_performance_report_says_its_language(store, tmp_path, monkeypatch):
    from mqp_desktop.exporters.performance_report import export_performance_report
    from tests.helpers.performance_tiny import PERIOD, build

    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: dt.date(2026, 12, 1))
    build(store)
    path = export_performance_report(store, PERIOD, tmp_path / "report.pdf", today=dt.date(2026, 12, 1))
    assert pypdf.PdfReader(str(path)).trailer["/Root"].get("/Lang") == "en-GB"


def test_every_reportlab_document_is_made_through_the_one_helper():
    """A document template built directly would miss the language (and the bookmarks): every one in the
    program is made by pdf_document.new_document (or a class from pdf_document.document_class)."""
    direct = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "pdf_document.py" or "generated" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else \
                    node.func.attr if isinstance(node.func, ast.Attribute) else ""
                if name.endswith("DocTemplate"):
                    direct.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert direct == []


def test_the_minutes_have_a_bookmark_for_each_section_and_item_on_its_page(demo_store, tmp_path):
    held = [m for m in demo_store.meetings.list() if demo_store.minutes.revision(m.id) is not None]
    minutes = demo_store.minutes.minutes(held[-1].id)
    path = _minutes(demo_store, tmp_path)
    reader = pypdf.PdfReader(str(path))
    pages = [flat(p.extract_text()) for p in reader.pages]
    marks = outline(reader)
    top = [title for depth, title, _ in marks if depth == 0]
    assert top[:4] == ["Attendance", "Quoracy", "Declarations of interest", "Minutes"]
    assert "Action log" in top and top[-1] == "Approval of the minutes"
    items = [(title, page) for depth, title, page in marks if depth >= 1]
    assert [t for t, _ in items] == [f"{i.number}. {i.title}" for i in minutes.items]
    for title, page in items:
        number, words = title.split(". ", 1)
        assert f"{number}. {flat(words)}" in pages[page - 1], (title, page)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_the_section11_summary_has_a_bookmark_for_each_section_and_agency_on_its_page(demo_store, tmp_path):
    from mqp_desktop.store.section11 import Section11Repo

    s11 = Section11Repo(demo_store)
    rnd = s11.latest_round()
    names = {a.id: a.name for a in demo_store.agencies()}
    reader = pypdf.PdfReader(str(_section11(demo_store, tmp_path)))
    pages = [flat(p.extract_text()) for p in reader.pages]
    marks = outline(reader)
    top = {title: page for depth, title, page in marks if depth == 0}
    assert top["Round summary"] == 1
    for title in ("Returns", "Standards across agencies, weakest first", "Ratings by agency and standard"):
        assert title in pages[top[title] - 1], title
    agencies = [(title, page) for depth, title, page in marks if depth == 1 and title in names.values()]
    assert [t for t, _ in agencies] == [names[r.agency_id] for r in s11.returns(rnd.id)]
    for title, page in agencies:
        assert f"{rnd.name} \u00b7 agency return" in pages[page - 1] and title in pages[page - 1]
    assert top["Agencies' returns, one page each"] == agencies[0][1]

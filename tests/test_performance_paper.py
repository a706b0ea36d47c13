"""The performance report as a paper on an agenda item: attached and checked like any paper, in the pack with its
pages stamped, its file replaced when made again, and refused (nothing saved) for a period not yet ended."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from mqp_desktop.domain.agenda import AgendaItem, Purpose
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.papers import PaperStatus, paper_status
from mqp_desktop.domain.periods import Period
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters import paper_convert
from mqp_desktop.exporters.meeting_pack import build_pack
from mqp_desktop.exporters.pack_merge import check_paper_pdf
from mqp_desktop.exporters.performance_paper import add_performance_report, report_paper_title
from mqp_desktop.exporters.performance_report_data import default_period
from tests.helpers.performance_tiny import PERIOD, build

pypdf = pytest.importorskip("pypdf")
TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def _values_allowed(monkeypatch):
    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: max(TODAY, dt.date(2026, 12, 1)))


@pytest.fixture
def item(store):
    build(store)
    m = store.meetings.add(Meeting(date=TODAY + dt.timedelta(days=21), venue="Room 1"))
    store.agendas.apply_standing_agenda(m.id)
    return store.agendas.add_item(AgendaItem(meeting_id=m.id, title="Multi-agency dataset: exceptions",
                                             purpose=Purpose.DISCUSSION, minutes=20, presenter_name="Sofia Marques"))


def test_the_report_is_attached_as_a_paper_that_passes_the_packs_check(store, item):
    done = add_performance_report(store, item.id, PERIOD)
    paper = store.agendas.paper(done.paper.id)
    assert paper.item_id == item.id and paper.title == "Performance report: Q2 2025-26 (Jul–Sep 2025)"
    assert paper.author_name == "Sofia Marques", "the item's presenter"
    assert paper.received_on == TODAY and not paper.signed_off
    assert paper_status(paper, TODAY) is PaperStatus.NOT_SIGNED_OFF, "it needs a senior manager's sign-off"
    doc = store.agendas.document(paper.document_id)
    assert doc.info.file_name == "Performance report Q2 2025-26.pdf" and doc.info.media_type == "application/pdf"
    checked = check_paper_pdf(doc.content)
    assert checked.pages >= 3 and not checked.repaired and not checked.active
    assert not done.replaced and not done.note
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(doc.content)).pages)
    assert "For the meeting of" in " ".join(text.split()), "the report names the meeting it is for"
    history = store.history(entity="paper", entity_id=paper.id)
    assert [c.action for c in history][:2] == ["file attached", "requested"]


def test_made_again_for_the_same_period_the_file_is_replaced_and_the_first_kept(store, item):
    first = add_performance_report(store, item.id, PERIOD)
    store.performance.set_commentary(first.report.exceptions[0].row.indicator.id, PERIOD, "Rewritten after the panel.",
                                     author="Sofia Marques")
    again = add_performance_report(store, item.id, PERIOD)
    assert again.replaced and again.paper.id == first.paper.id
    assert again.paper.document_id != first.paper.document_id
    assert [d.id for d in store.agendas.paper_documents(first.paper.id)] == [first.paper.document_id,
                                                                            again.paper.document_id]
    other = add_performance_report(store, item.id, Period.quarter(2025, 2))
    assert not other.replaced and other.paper.id != first.paper.id, "another period is another paper"
    assert len(store.agendas.papers_for_item(item.id)) == 2


def test_a_period_not_yet_ended_is_refused_and_nothing_is_saved(store, item):
    current = Period.containing(TODAY, "quarterly")
    with pytest.raises(ValidationError, match="a performance report is made for a period that has ended"):
        add_performance_report(store, item.id, current)
    with pytest.raises(ValidationError, match="is not a period"):
        add_performance_report(store, item.id, "Q5 2025")
    assert store.agendas.papers_for_item(item.id) == []


def test_the_default_period_is_the_latest_complete_quarter_with_values(store, item):
    done = add_performance_report(store, item.id)
    assert done.report.period == default_period(store) == PERIOD
    assert done.paper.title == report_paper_title(PERIOD)


def test_a_pack_builds_with_the_report_in_it(store, item, tmp_path, monkeypatch):
    monkeypatch.setattr(paper_convert, "find_converters", lambda: ())
    done = add_performance_report(store, item.id, PERIOD)
    store.agendas.sign_off(done.paper.id, "Daniel Whitfield", TODAY)
    result = build_pack(store, item.meeting_id, tmp_path / "pack.pdf", save=False)
    reader = pypdf.PdfReader(str(tmp_path / "pack.pdf"))
    texts = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    report_pages = [i for i, t in enumerate(texts) if "Performance report · Q2 2025-26" in t]
    paper_pages = check_paper_pdf(store.agendas.document(done.paper.document_id).content).pages
    assert len(report_pages) == paper_pages, "every page of the report is in the pack"
    assert report_pages == list(range(report_pages[0], report_pages[0] + paper_pages)), "in one run"
    assert "Performance report: Q2 2025-26 (Jul–Sep 2025)" in texts[report_pages[0]]
    assert all(f"page {i + 1} of {result.page_count}" in texts[i] for i in report_pages), "stamped like any paper"
    divider = texts[report_pages[0] - 1]
    assert "Multi-agency dataset: exceptions" in divider and "Performance report: Q2 2025-26" in divider
    titles = []

    def walk(items):
        for entry in items:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(reader.outline)
    assert any("Performance report: Q2 2025-26" in t for t in titles), "the pack's bookmark for the paper"


def test_a_removed_item_takes_no_report(store, item):
    store.agendas.remove_item(item.id)
    with pytest.raises(ValidationError, match="has been removed"):
        add_performance_report(store, item.id, PERIOD)

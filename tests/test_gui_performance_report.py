"""'Add performance report…' in the agenda view, through the real window on the demo database.

The dialog is opened with ``open()`` (no nested event loop) and found in ``window.active_dialog``;
what was saved is read back through ``store.agendas``.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters import performance_paper
from mqp_desktop.exporters.pack_merge import check_paper_pdf
from mqp_desktop.exporters.performance_report_data import default_period
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings

ITEM = "Multi-agency dataset Q3 — exceptions report"


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append((title, str(exc))))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.show_page(w.PAGE_MEETINGS)
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def view(window):
    meeting = window.store.meetings.next_meeting()
    assert window.meetings.page.select_meeting(meeting.id)
    assert not window.meetings.agenda.report_action.isEnabled(), "no item chosen on the meetings list"
    window.meetings.agenda.open_action.trigger()
    return window.meetings.page.agenda_view


def _choose_item(window, view) -> int:
    item = next(i for i in window.store.agendas.items(view.meeting.id) if i.title == ITEM)
    assert view.select_item(item.id)
    return item.id


def test_add_the_report_for_the_default_period_then_again(window, view):
    item_id = _choose_item(window, view)
    agenda = window.meetings.agenda
    assert agenda.report_action.isEnabled()
    agenda.report_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, QInputDialog) and dialog.windowTitle() == "Add performance report"
    default = default_period(window.store)
    choices = dialog.comboBoxItems()
    assert choices[0] == default.label() and dialog.textValue() == default.label()
    assert choices[1] == default.previous().label(), "newest first"
    assert "item 5" in dialog.labelText() and ITEM in dialog.labelText()
    dialog.accept()
    repo = window.store.agendas
    [paper] = [p for p in repo.papers_for_item(item_id) if p.title.startswith("Performance report")]
    assert paper.title == f"Performance report: {default.label()}"
    assert view.current_paper_id() == paper.id, "the new paper is chosen in the view"
    assert check_paper_pdf(repo.document(paper.document_id).content).pages >= 3
    assert "Performance report for" in window.statusBar().currentMessage()
    first_document = paper.document_id

    agenda.report_action.trigger()
    window.active_dialog.accept()
    again = repo.paper(paper.id)
    assert again.document_id != first_document, "made again: the paper's file is replaced"
    assert len([p for p in repo.papers_for_item(item_id) if p.title == paper.title]) == 1
    assert "replaced the file of" in window.statusBar().currentMessage()


def test_an_earlier_quarter_can_be_chosen(window, view):
    item_id = _choose_item(window, view)
    window.meetings.agenda.report_action.trigger()
    dialog = window.active_dialog
    earlier = default_period(window.store).shift(-2)
    dialog.setTextValue(earlier.label())
    dialog.accept()
    titles = [p.title for p in window.store.agendas.papers_for_item(item_id)]
    assert f"Performance report: {earlier.label()}" in titles


def test_cancel_adds_nothing(window, view):
    item_id = _choose_item(window, view)
    before = window.store.agendas.papers_for_item(item_id)
    window.meetings.agenda.report_action.trigger()
    window.active_dialog.reject()
    assert window.store.agendas.papers_for_item(item_id) == before


def test_a_refusal_is_shown_and_nothing_is_added(window, view, shown_errors, monkeypatch):
    item_id = _choose_item(window, view)
    before = window.store.agendas.papers_for_item(item_id)

    def refuse(*args, **kwargs):
        raise ValidationError("period", "Q9 is not a period.")

    monkeypatch.setattr(performance_paper, "add_performance_report", refuse)
    window.meetings.agenda.report_action.trigger()
    window.active_dialog.accept()
    assert shown_errors == [("Performance report not added", "Q9 is not a period.")]
    assert window.store.agendas.papers_for_item(item_id) == before

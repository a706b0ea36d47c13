"""Through the real window: email drafts and chase emails go in one session folder that closing the window
removes; leftovers are swept at start; attaching a hostile paper and building its pack say what the pack
leaves out."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from mqp_desktop.store import Store
from mqp_desktop.ui import app as gui_app
from mqp_desktop.ui import errors
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings
from tests.helpers.pdfs import active_content_left, hostile_pdf


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    import tempfile

    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


@pytest.fixture
def window(qtbot, demo_db, tmp_path, temp_root, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append((title, str(exc))))
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    w.shown_errors = shown
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.store is not None:
        w.store.close()


def test_drafts_and_chase_emails_share_one_folder_that_closing_the_window_removes(window, temp_root, monkeypatch):
    agenda = window.meetings.agenda
    opened: list[Path] = []
    monkeypatch.setattr(agenda, "open_file", opened.append)
    monkeypatch.setattr(window.section11, "open_file", lambda path: opened.append(path) or True)
    store = window.store
    paper = next(p for m in store.meetings.list() for p in store.agendas.papers(m.id) if p.author_email)
    first = agenda.open_paper_email(paper.id, chase=True)
    second = agenda.open_paper_email(paper.id, chase=False)
    assert first.parent == second.parent == window.drafts.path and first.parent.parent == temp_root
    window.show_page(window.PAGE_SECTION11)
    page = window.section11.page
    ret = page.overdue_model.record(0)
    page.select_overdue(ret.id)
    window.section11.chase_email_action.trigger()
    chase = opened[-1]
    assert chase.parent == window.drafts.path and chase.is_file() and chase.suffix == ".eml"
    assert [p.name for p in temp_root.iterdir()] == [window.drafts.path.name], "one folder, not one per chase"
    window.close()
    assert list(temp_root.iterdir()) == [], "the drafts went with the window"


def test_start_up_sweeps_leftovers_older_than_a_day(qapp, temp_root, monkeypatch):
    from mqp_desktop.exporters.temp_folders import make_temp_folder

    old = make_temp_folder("drafts")
    (old / "left by a crash.eml").write_bytes(b"x")
    young = make_temp_folder("chase")
    when = time.time() - 2 * 86400
    for path in (old / "left by a crash.eml", old):
        os.utime(path, (when, when))
    monkeypatch.setattr(gui_app, "first_run", lambda args, settings: False)  # no welcome (tests/test_gui_welcome.py)
    monkeypatch.setattr(gui_app, "open_at_startup", lambda args, settings: None)  # stop before any window
    assert gui_app.main([]) == 1
    assert not old.exists() and young.exists()


@pytest.mark.filterwarnings("ignore::pikepdf.PageCopyWarning")  # its form field: see test_paper_pdfs.py
def test_attaching_a_hostile_paper_and_building_the_pack_say_what_is_left_out(window, qtbot, tmp_path, monkeypatch):
    agenda = window.meetings.agenda
    store = window.store
    monkeypatch.setattr(agenda, "open_file", lambda path: None)
    meeting = store.meetings.next_meeting()
    window.show_page(window.PAGE_MEETINGS)
    assert window.meetings.page.select_meeting(meeting.id)
    agenda.open_action.trigger()
    view = window.meetings.page.agenda_view
    paper = next(p for p in store.agendas.papers(meeting.id) if not p.withdrawn and p.document_id is not None)
    assert view.select_item(paper.item_id) and view.select_paper(paper.id)
    pdf = tmp_path / "strategy.pdf"
    pdf.write_bytes(hostile_pdf())
    agenda.choose_paper_file = lambda: pdf
    agenda.attach_action.trigger()
    assert window.shown_errors == []
    message = window.statusBar().currentMessage()
    assert "Attached strategy.pdf" in message and "Note: it holds JavaScript" in message
    stored = store.agendas.document(store.agendas.paper(paper.id).document_id)
    assert stored.content == pdf.read_bytes()

    out = tmp_path / "pack.pdf"
    agenda.choose_pack_file = lambda: out
    agenda.build_pack_action.trigger()
    qtbot.waitUntil(lambda: agenda.pack_job is None, timeout=120_000)
    assert agenda.last_pack_outcome == "built", window.shown_errors
    assert "active content removed from the pack's copy of Paper" in window.statusBar().currentMessage()
    assert active_content_left(out.read_bytes()) == []
    assert store.agendas.document(store.agendas.paper(paper.id).document_id).content == pdf.read_bytes()

"""Reports › Chair's report to the Executive… (Ctrl+Alt+H) through the real window on the demo database: the
preview follows the period and the sections chosen, the sections are kept as the default, the export runs off the
main thread and writes the Word file, and the report can be recorded for the Executive's meeting."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from PySide6.QtCore import QDate, Qt

from mqp_desktop.domain import chair_report as cr
from mqp_desktop.store import Store
from mqp_desktop.store.chair_report import report_sections
from mqp_desktop.ui import errors
from mqp_desktop.ui.chair_report_controller import ChairReportDialog
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings


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
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def dialog(window, qtbot) -> ChairReportDialog:
    assert window.chair_report.action.shortcut().toString() == "Ctrl+Alt+H"
    assert window.chair_report.action.isEnabled()
    window.chair_report.action.trigger()
    d = window.active_dialog
    assert isinstance(d, ChairReportDialog)
    d.set_period("2026-Q3")
    return d


def _check(d: ChairReportDialog, keep: set[str]) -> None:
    for row in range(d.ui.sectionsList.count()):
        item = d.ui.sectionsList.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in keep
                           else Qt.CheckState.Unchecked)


def test_the_menu_item_and_the_preview(window, dialog):
    [reports] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Reports"]
    assert window.chair_report.action in reports.actions()
    assert dialog.report is not None and dialog.report.period.key == "2026-Q3"
    text = dialog.ui.preview.toPlainText()
    assert "1. Meetings and quoracy" in text and "Chair's commentary: left empty" in text
    assert dialog.sections() == list(cr.DEFAULT_SECTIONS)
    _check(dialog, {"actions", "meetings"})
    assert [s.key for s in dialog.report.sections] == ["meetings", "actions"]
    assert "Declarations of interest" not in dialog.ui.preview.toPlainText()
    dialog.ui.kindCombo.setCurrentIndex(1)
    assert cr.is_annual(dialog.report.period)


def test_reorder_and_keep_the_sections_as_the_default(window, dialog):
    _check(dialog, {"meetings", "actions"})
    dialog.ui.sectionsList.setCurrentRow(4)  # Actions, fifth in the default order
    dialog.move(-1)
    dialog.move(-1)
    dialog.move(-1)
    dialog.move(-1)
    assert dialog.sections() == ["actions", "meetings"]
    dialog.ui.saveSectionsButton.click()
    assert report_sections(window.store) == ["actions", "meetings"]


def test_export_off_the_main_thread_and_record_for_the_executive(window, dialog, qtbot, tmp_path, shown_errors):
    _check(dialog, {"meetings", "performance"})
    out = tmp_path / "chair.docx"
    dialog.choose_file = lambda suggested: out
    dialog.ui.recordCheck.setChecked(True)
    dialog.ui.executiveDate.setDate(QDate(2026, 10, 20))
    dialog.export_button.click()
    assert dialog.job is not None, "the writing runs in its own thread"
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60000)
    assert dialog.last_outcome == "written", shown_errors
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert headings == ["1. Meetings and quoracy", "2. Performance: the scorecard's exceptions"]
    recorded = [d for d in window.store.governance.documents.all() if d.title.startswith("Chair's report")]
    assert len(recorded) == 1 and recorded[0].sent_to_executive_on == dt.date(2026, 10, 20)
    assert "Recorded as a document" in window.statusBar().currentMessage()


def test_cancel_writes_nothing(window, dialog, qtbot, tmp_path, monkeypatch):
    import threading

    out = tmp_path / "never.docx"
    dialog.choose_file = lambda suggested: out
    pressed = threading.Event()
    pressed.set()  # Cancel pressed before the first section is read
    monkeypatch.setattr(threading, "Event", lambda: pressed)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=60000)
    assert dialog.last_outcome == "cancelled"
    assert not out.exists()
    assert "nothing was written" in window.statusBar().currentMessage()

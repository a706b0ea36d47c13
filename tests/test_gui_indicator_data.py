"""File > Import indicator data… and Export indicator data… through the real window and dialog:
open a file, read the preview, filter, tick, give a reason, import, see the values stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop.exporters.indicator_data_import import preview_data_import
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.indicator_data_dialogs import (
    COL_CELL,
    COL_NOTE,
    COL_OUTCOME,
    IndicatorDataImportDialog,
    IndicatorDataPreviewModel,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append((title, str(exc))))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.store is not None:
        w.store.close()


def _earliest(perf, code):
    ind = perf.find_indicator(code)
    return ind, perf.values(ind.id)[0].period


def _open_import(qtbot, window, monkeypatch, path) -> IndicatorDataImportDialog:
    monkeypatch.setattr(window.indicator_data, "choose_import_file", lambda: path)
    window.indicator_data.import_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, IndicatorDataImportDialog), timeout=10000)
    return window.active_dialog


def test_the_file_menu_offers_import_and_export_of_indicator_data(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Import indicator &data…" in texts and "Export indicator data…" in texts


def test_import_through_the_preview_with_a_rejection_a_revision_and_the_rest(qtbot, window, monkeypatch, tmp_path):
    perf = window.store.performance
    oc1, first = _earliest(perf, "OC1")
    earlier = first.previous()
    old = perf.value(oc1.id, first).value
    path = tmp_path / "returns.csv"
    path.write_text(f"Code,{earlier.short_label()},{first.short_label()}\n"
                    f"OC1,18.5,{old + 1}\n"
                    f"NOPE,5,6\n", encoding="utf-8")
    dialog = _open_import(qtbot, window, monkeypatch, path)
    ui = dialog.ui

    # the preview: counts, the layout, rejected cells shown first, Import held back
    assert "1 to add" in ui.summaryLabel.text() and "1 to revise" in ui.summaryLabel.text()
    assert "2 rejected" in ui.summaryLabel.text()
    assert "wide" in ui.layoutLabel.text()
    assert ui.showCombo.currentText() == "Rejected only" and dialog.proxy.rowCount() == 2
    assert dialog.proxy.index(0, COL_OUTCOME).data() == "Reject"
    assert "There is no indicator with the code 'NOPE'" in dialog.proxy.index(0, COL_NOTE).data()
    assert not dialog.import_button.isEnabled()
    ui.showCombo.setCurrentIndex(0)
    assert dialog.proxy.rowCount() == 4
    outcomes = {dialog.proxy.index(r, COL_CELL).data(): dialog.proxy.index(r, COL_OUTCOME).data() for r in range(4)}
    assert outcomes == {"B2": "Add", "C2": "Revise", "B3": "Reject", "C3": "Reject"}

    # tick "import the rest": a revision still needs its reason
    assert ui.skipRejectedCheck.isVisible() and "2 rejected cells" in ui.skipRejectedCheck.text()
    ui.skipRejectedCheck.setChecked(True)
    assert ui.reasonEdit.isVisible() and not dialog.import_button.isEnabled()
    assert "reason" in dialog.import_button.toolTip()
    revise_row = next(r for r in range(4) if dialog.proxy.index(r, COL_OUTCOME).data() == "Revise")
    assert dialog.proxy.index(revise_row, COL_NOTE).data() == "Needs a reason (below)"
    qtbot.keyClicks(ui.reasonEdit, "Late returns from the police")
    assert dialog.import_button.isEnabled()
    assert dialog.proxy.index(revise_row, COL_NOTE).data() == "Late returns from the police"
    dialog.import_button.click()

    assert window.active_dialog is None
    assert perf.value(oc1.id, earlier).value == 18.5
    assert perf.value(oc1.id, first).value == old + 1
    revision = perf.revisions(oc1.id)[-1]
    assert (revision.old_value, revision.reason) == (old, "Late returns from the police")
    assert "Imported returns.csv: 1 added, 1 revised" in window.statusBar().currentMessage()
    summary = next(iter(window.store.db.query("SELECT summary FROM change_log ORDER BY id DESC LIMIT 1")))["summary"]
    assert "imported from returns.csv" in summary


def test_ctrl_r_shows_the_rejected_cells_only_and_cancel_writes_nothing(qtbot, window, monkeypatch, tmp_path):
    from tests.helpers.db_dump import dump

    perf = window.store.performance
    _, first = _earliest(perf, "OC1")
    path = tmp_path / "d.csv"
    path.write_text(f"Code,{first.previous().short_label()}\nOC1,abc\nOC2,12\n", encoding="utf-8")
    before = dump(window.store.db.conn)
    dialog = _open_import(qtbot, window, monkeypatch, path)
    dialog.ui.showCombo.setCurrentIndex(0)
    assert dialog.proxy.rowCount() == 2
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert dialog.proxy.rowCount() == 1 and "1 of 2 cells shown" == dialog.ui.shownLabel.text()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.active_dialog is None
    assert dump(window.store.db.conn) == before


def test_a_file_that_is_not_indicator_data_is_refused_with_the_fix(qtbot, window, monkeypatch, tmp_path,
                                                                   shown_errors):
    path = tmp_path / "notes.csv"
    path.write_text("Name,Shoe size\nJo,7\n", encoding="utf-8")
    monkeypatch.setattr(window.indicator_data, "choose_import_file", lambda: path)
    window.indicator_data.import_action.trigger()
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=10000)
    title, text = shown_errors[0]
    assert title == "Import indicator data" and "'notes.csv' was not read" in text
    assert window.active_dialog is None


def test_export_from_the_window_then_import_it_back_unchanged(qtbot, window, monkeypatch, tmp_path):
    target = tmp_path / "data.xlsx"
    monkeypatch.setattr(window.indicator_data, "choose_export_file", lambda: (target, "long"))
    window.indicator_data.export_action.trigger()
    qtbot.waitUntil(lambda: window.indicator_data.last_export == target, timeout=20000)
    preview = preview_data_import(window.store, target)
    assert preview.cells and {c.outcome for c in preview.cells} == {"unchanged"}
    assert {s.layout for s in preview.sheets} == {"long"}


def test_the_preview_model(qtmodeltester, store, tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("Code,Q1 2025-26\nNOPE,5\n", encoding="utf-8")
    from mqp_desktop.domain.performance import Indicator

    store.performance.add_indicator(Indicator(code="EH1", title="Early help", theme_id=store.performance.themes()[0].id))
    model = IndicatorDataPreviewModel(preview_data_import(store, path).cells)
    qtmodeltester.check(model)
    assert model.rowCount() == 1

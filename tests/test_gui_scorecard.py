"""The Scorecard page through the real main window, on the demo database.

The demo holds 33 indicators (one retired) over twelve quarters ending with the latest complete
one: OC1 and QT3 red and worse three quarters running, WF5 red, most others green or amber, some
with no target; comparators; commentary on the exceptions; QT6 and QT7 broken down by agency.
What the page shows is compared with what :class:`PerformanceRepo` says (model data, the chart's
series read back, not pixels); what a dialog or the grid saved is read back through the store.
Dialogs open with ``QDialog.open()`` (no nested event loop): tests find them in
``window.active_dialog``.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from mqp_desktop.domain.performance import Indicator, Rag, Travel
from mqp_desktop.domain.periods import Frequency, Period
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.scorecard_dialogs import (
    IndicatorDialog,
    RetireIndicatorDialog,
    ThemesDialog,
    ValueReasonDialog,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.pages.scorecard_page import TAB_SCORECARD, TAB_VALUES
from mqp_desktop.ui.pages.scorecard_values import INDICATOR, THEME
from mqp_desktop.ui.scorecard_controller import UNDO_REASON
from mqp_desktop.ui.scorecard_models import (
    GROUP_ROLE,
    RAG_ROLE,
    SPARK_ROLE,
    TRAVEL_ROLE,
    AgencyFiguresModel,
    RevisionsModel,
    ScorecardModel,
    ValuesGridModel,
    chart_data,
)
from mqp_desktop.ui.settings import Settings

M = ScorecardModel


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error",
                        lambda parent, exc, title="": shown.append((title, errors.problem_and_remedy(exc)[0])))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    w.show_page(w.PAGE_SCORECARD)
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def page(window):
    assert window.pages.currentWidget() is window.scorecard.page
    return window.scorecard.page


def repo(window):
    return window.store.performance


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def shown_rows(page) -> dict[str, dict]:
    """code -> what the table shows for it (the model's data, column by column)."""
    out = {}
    model = page.model

    def walk(parent):
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            row = model.row_at(index)
            if row is not None:
                out[row.indicator.code] = {
                    "index": index,
                    **{name: model.index(r, col, parent).data() for name, col in (
                        ("value", M.COL_VALUE), ("target", M.COL_TARGET), ("rag", M.COL_RAG),
                        ("previous", M.COL_PREVIOUS), ("last_year", M.COL_LAST_YEAR), ("england", M.COL_ENGLAND),
                        ("notes", M.COL_NOTES), ("exception", M.COL_EXCEPTION), ("title", M.COL_TITLE))},
                }
            walk(index)

    walk(model.index(-1, -1).parent())
    return out


def cell(page, code: str, col: int, role=Qt.ItemDataRole.DisplayRole):
    index = shown_rows(page)[code]["index"]
    return index.siblingAtColumn(col).data(role)


def select(page, code: str) -> None:
    ind = page.repo.find_indicator(code)
    assert page.select_indicator(ind.id), f"{code} is not shown"
    assert page.current_row().indicator.code == code


def editor_of(grid) -> QLineEdit:
    editors = [e for e in grid.findChildren(QLineEdit, "valueEditor") if e.isVisible()]
    assert len(editors) == 1, "one cell is being edited"
    return editors[0]


def type_into(qtbot, grid, text: str, key=Qt.Key.Key_Return) -> None:
    """Type ``text`` into the grid's current cell as a person would (the first key opens the cell),
    then press ``key``."""
    qtbot.keyClick(grid, text[0])
    editor = editor_of(grid)
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)


def add_test_indicator(window, code="TST1", **kw) -> Indicator:
    perf = repo(window)
    theme = perf.themes()[-1]
    values = {"code": code, "title": "A test measure of timeliness", "theme_id": theme.id, "unit": "percentage",
              "direction": "higher", "target": 80, "tolerance": 5}
    values.update(kw)
    ind = perf.add_indicator(Indicator(**values))
    window.refresh()
    return ind


def open_values_for(window, page, ind: Indicator) -> None:
    window.scorecard.page.ensure_current()
    page.tabs.setCurrentIndex(TAB_VALUES)
    assert page.values.choose(INDICATOR, ind.id)


# --- the models ---------------------------------------------------------------------------------
def test_every_model_passes_the_model_tester(qtmodeltester, demo_store):
    perf = demo_store.performance
    period = perf.latest_period()
    rows = perf.scorecard(period)
    for grouped in (True, False):
        model = ScorecardModel()
        model.set_rows(rows, period, grouped=grouped)
        qtmodeltester.check(model)
        flat = [model.row_at(model.index(r, 0)) for r in range(model.rowCount())]
        if grouped:
            assert model.rowCount() == len({r.theme.id for r in rows})
            assert all(model.index(r, 0).data(GROUP_ROLE) for r in range(model.rowCount()))
        else:
            assert [r.indicator.id for r in flat] == [r.indicator.id for r in rows]

    ind = perf.find_indicator("QT6")
    grid = ValuesGridModel()
    from mqp_desktop.ui.scorecard_models import GridRow

    periods = period.last_n(4)
    values = {(v.indicator_id, v.agency_id, v.period): v for v in perf.values(ind.id, all_agencies=True)}
    grid.set_grid([GridRow(ind, "QT6"), GridRow(ind, "England", kind="comparator", comparator="england")],
                  periods, values, {(ind.id, p): c for p, c in perf.comparator_series(ind.id).items()})
    qtmodeltester.check(grid)

    revisions = RevisionsModel()
    revisions.set_rows(perf.revisions(), None, {})
    qtmodeltester.check(revisions)
    figures = AgencyFiguresModel()
    figures.set_rows(next(r for r in rows if r.indicator.code == "QT6"), {a.id: a.label for a in demo_store.agencies()})
    qtmodeltester.check(figures)
    assert figures.rowCount() == len(next(r for r in rows if r.indicator.code == "QT6").by_agency) > 0


# --- the page in the window ---------------------------------------------------------------------
def test_the_page_is_in_the_navigation_with_ctrl_9_and_a_performance_menu(window):
    names = [window.nav.item(i).text().split(" (")[0] for i in range(window.nav.count())]
    assert names[window.PAGE_SCORECARD] == "Scorecard"
    action = window.page_actions[window.PAGE_SCORECARD]
    assert action.shortcut().toString() == "Ctrl+9"
    window.show_page(window.PAGE_MEMBERSHIP)
    action.trigger()
    assert window.pages.currentWidget() is window.scorecard.page
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Performance")
    letters: dict[str, str] = {}
    for entry in menu.actions():
        text = entry.text().replace("&&", "")
        if "&" in text:
            letter = text[text.index("&") + 1].lower()
            assert letter not in letters, f"'{letters.get(letter)}' and '{text}' share Alt+{letter}"
            letters[letter] = text
    bar = [a.text() for a in window.menuBar().actions()]
    mnemonics = [t[t.index("&") + 1].lower() for t in bar if "&" in t]
    assert len(mnemonics) == len(set(mnemonics)), bar


def test_the_scorecard_shows_the_latest_period_with_data_and_what_the_store_says(page, window):
    perf = repo(window)
    latest = perf.latest_period()
    assert page.period == latest
    assert page.period_combo.currentText().startswith(latest.label())
    rows = perf.scorecard(latest)
    shown = shown_rows(page)
    assert set(shown) == {r.indicator.code for r in rows}
    for r in rows:
        s = shown[r.indicator.code]
        assert s["value"] == (r.indicator.format(r.value) if r.value is not None else "—")
        assert s["target"] == (r.indicator.format(r.indicator.target) if r.indicator.target is not None else "—")
    # the counts, worked out here from the store's RAG
    greens = sum(r.rag is Rag.GREEN for r in rows)
    reds = sum(r.rag is Rag.RED for r in rows)
    text = page.counts_label.text()
    assert f"{greens} green" in text and f"{reds} red" in text and f"{len(rows)} indicators" in text


def test_rag_and_travel_carry_words_not_only_colour(page, window):
    perf = repo(window)
    row = next(r for r in perf.scorecard(page.period) if r.indicator.code == "OC1")
    assert row.rag is Rag.RED and row.travel_previous is Travel.WORSE
    assert cell(page, "OC1", M.COL_RAG) == "Red"
    assert cell(page, "OC1", M.COL_RAG, RAG_ROLE) == "red"
    assert "target of 20%" in cell(page, "OC1", M.COL_RAG, Qt.ItemDataRole.ToolTipRole)
    # OC1's value rose (lower is better): an up arrow and the word "worse", and a sentence
    assert cell(page, "OC1", M.COL_PREVIOUS) == "▲ worse"
    assert Travel(cell(page, "OC1", M.COL_PREVIOUS, TRAVEL_ROLE)) is Travel.WORSE
    told = cell(page, "OC1", M.COL_PREVIOUS, Qt.ItemDataRole.AccessibleTextRole)
    assert told.startswith(f"Worse than {row.previous_period.label()}")
    assert row.indicator.format(row.previous_value) in told and "lower is better" in told
    # no target: a grey chip that says so
    assert cell(page, "CP1", M.COL_RAG) == "No target"
    # the sparkline: eight values, in words too
    spark = cell(page, "OC1", M.COL_TREND, SPARK_ROLE)
    assert spark.values == tuple(v for _p, v in row.sparkline) and len(spark.values) == 8
    assert cell(page, "OC1", M.COL_TREND, Qt.ItemDataRole.AccessibleTextRole).startswith("Last 8 quarters:")


def test_alt_arrows_step_the_period(page, window, qtbot):
    perf = repo(window)
    latest = page.period
    qtbot.keyClick(page.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.period == latest.previous()
    rows = perf.scorecard(latest.previous())
    shown = shown_rows(page)
    oc1 = next(r for r in rows if r.indicator.code == "OC1")
    assert shown["OC1"]["value"] == oc1.indicator.format(oc1.value)
    window.scorecard.next_action.trigger()
    assert page.period == latest


def test_filters_by_theme_tag_agency_and_rag(page, window):
    perf = repo(window)
    theme = perf.themes()[2]
    page.theme_combo.setCurrentIndex(page.theme_combo.findData(theme.id))
    assert set(shown_rows(page)) == {r.indicator.code for r in perf.scorecard(page.period, theme=theme.id)}
    page.theme_combo.setCurrentIndex(0)
    page.tag_combo.setCurrentIndex(page.tag_combo.findData("voice of the child"))
    tagged = {i.code for i in perf.indicators() if "voice of the child" in i.tags}
    assert set(shown_rows(page)) == tagged and tagged
    page.tag_combo.setCurrentIndex(0)
    police = next(a for a in window.store.agencies() if a.short_name == "Police")
    page.agency_combo.setCurrentIndex(page.agency_combo.findData(police.id))
    assert set(shown_rows(page)) == {r.indicator.code for r in perf.scorecard(page.period, agency=police.id)}
    assert "OC3" in shown_rows(page)  # police own missing episodes
    page.agency_combo.setCurrentIndex(0)
    page.rag_combo.setCurrentIndex(page.rag_combo.findText("Red"))
    reds = {r.indicator.code for r in perf.scorecard(page.period) if r.rag is Rag.RED}
    assert set(shown_rows(page)) == reds and "filtered" in page.counts_label.text()
    page.rag_combo.setCurrentIndex(0)
    page.search.setText("re-referrals")
    assert page.visible_ids() == {perf.find_indicator("OC1").id}


def test_exceptions_only_says_which_reason(page, window):
    perf = repo(window)
    window.scorecard.exceptions_action.trigger()
    assert page.exceptions_check.isChecked()
    expected = {r.indicator.code: r.exception_reasons for r in perf.scorecard(page.period, exceptions_only=True)}
    shown = shown_rows(page)
    assert set(shown) == set(expected) and expected
    for code, reasons in expected.items():
        words = shown[code]["exception"].lower()
        told = cell(page, code, M.COL_EXCEPTION, Qt.ItemDataRole.ToolTipRole).lower()
        assert ("red" in words) == ("red" in told) == ("red" in reasons)
        assert ("worsening" in words) == ("worse 3 quarters running" in told) == \
            ("worse three periods running" in reasons)
    assert shown["OC1"]["exception"] == "Red, worsening"
    assert cell(page, "OC1", M.COL_EXCEPTION, Qt.ItemDataRole.ToolTipRole) == \
        "An exception this period: red; worse 3 quarters running."
    window.scorecard.exceptions_action.trigger()
    assert not page.exceptions_check.isChecked() and len(shown_rows(page)) > len(expected)


def test_sorting_a_column_sorts_within_each_theme_and_ungrouped_sorts_all(page, window):
    page.tree.sortByColumn(M.COL_RAG, Qt.SortOrder.AscendingOrder)
    proxy = page.proxy
    first_theme = proxy.index(0, 0)
    assert first_theme.data(GROUP_ROLE)
    keys = [proxy.index(r, M.COL_RAG, first_theme).data(RAG_ROLE) for r in range(proxy.rowCount(first_theme))]
    order = ["red", "amber", "green", "no target", "no value"]
    assert keys == sorted(keys, key=order.index)
    page.grouped_check.setChecked(False)
    page.tree.sortByColumn(M.COL_RAG, Qt.SortOrder.AscendingOrder)
    keys = [proxy.index(r, M.COL_RAG).data(RAG_ROLE) for r in range(proxy.rowCount())]
    assert keys[0] == "red" and keys == sorted(keys, key=order.index)


# --- entering values ----------------------------------------------------------------------------
def test_values_typed_in_the_grid_are_saved_and_read_back_in_the_scorecard(page, window, qtbot):
    perf = repo(window)
    ind = add_test_indicator(window)
    period = page.period
    page.tabs.setCurrentIndex(TAB_VALUES)
    values = page.values
    assert values.choose(THEME, ind.theme_id)
    grid = values.grid
    model = values.model
    start = model.find(ind.id, period.shift(-4))
    grid.setCurrentIndex(start)
    grid.setFocus()
    # a year ago 90; then the three quarters before this one, left to right with Tab; this one with Enter
    type_into(qtbot, grid, "90", Qt.Key.Key_Tab)
    type_into(qtbot, grid, "88", Qt.Key.Key_Tab)
    type_into(qtbot, grid, "84", Qt.Key.Key_Tab)
    type_into(qtbot, grid, "70", Qt.Key.Key_Tab)
    assert grid.currentIndex() == model.find(ind.id, period)
    type_into(qtbot, grid, "82.5")
    stored = {v.period: v.value for v in perf.values(ind.id)}
    assert stored == {period.shift(-4): 90, period.shift(-3): 88, period.shift(-2): 84, period.shift(-1): 70,
                      period: 82.5}
    assert model.find(ind.id, period).data() == "82.5%"
    page.tabs.setCurrentIndex(TAB_SCORECARD)
    shown = shown_rows(page)["TST1"]
    assert shown["value"] == "82.5%"
    assert shown["rag"] == "Green"  # 82.5 >= 80
    assert shown["previous"] == "▲ better"  # 70 -> 82.5, higher is better
    assert shown["last_year"] == "▼ worse"  # 90 -> 82.5
    # Enter moved the cursor down (the next indicator's row) or stayed on the last row
    page.tabs.setCurrentIndex(TAB_VALUES)


def test_a_value_that_cannot_be_one_is_refused_in_the_cell(page, window, qtbot):
    perf = repo(window)
    ind = add_test_indicator(window)
    open_values_for(window, page, ind)
    grid, model = page.values.grid, page.values.model
    target = model.find(ind.id, page.period)
    grid.setCurrentIndex(target)
    grid.setFocus()
    qtbot.keyClick(grid, "1")
    editor = editor_of(grid)
    qtbot.keyClicks(editor, "50")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.isVisible() and editor.text() == "150", "the cell stays open with what was typed"
    assert "from 0 to 100" in page.values.message.text()
    assert "from 0 to 100" in editor.toolTip()  # said in the cell too
    assert perf.values(ind.id) == []
    editor.setText("lots")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "must be a number" in page.values.message.text() and editor.isVisible()
    editor.setText("45")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert [v.value for v in perf.values(ind.id)] == [45]


def test_changing_a_value_asks_why_and_the_revision_is_kept_and_shown(page, window, qtbot):
    perf = repo(window)
    oc1 = perf.find_indicator("OC1")
    period = page.period
    old = perf.value(oc1.id, period).value
    open_values_for(window, page, oc1)
    grid, model = page.values.grid, page.values.model
    grid.setCurrentIndex(model.find(oc1.id, period))
    grid.setFocus()
    type_into(qtbot, grid, "23.5")
    dialog = window.active_dialog
    assert isinstance(dialog, ValueReasonDialog)
    assert "already" in dialog.ui.headingLabel.text() and "24.1%" in dialog.ui.headingLabel.text()
    ok(dialog)  # no reason: refused in the dialog
    assert dialog.isVisible() and "Say why" in dialog.errors.message
    assert perf.value(oc1.id, period).value == old
    dialog.ui.reasonCombo.setEditText("Revised figures from the front door")
    ok(dialog)
    assert not dialog.isVisible()
    assert perf.value(oc1.id, period).value == 23.5
    revision = perf.revisions(oc1.id, period=period)[-1]
    assert (revision.old_value, revision.new_value, revision.reason) == (old, 23.5,
                                                                         "Revised figures from the front door")
    assert model.find(oc1.id, period).data() == "23.5%"
    # the scorecard's detail lists it: old -> new, who, why
    page.tabs.setCurrentIndex(TAB_SCORECARD)
    select(page, "OC1")
    revisions = page.detail.revisions_model
    texts = [[revisions.index(r, c).data() for c in range(revisions.columnCount())]
             for r in range(revisions.rowCount())]
    assert ["24.1% → 23.5%", "Revised figures from the front door"] == [texts[0][2], texts[0][5]]
    assert texts[0][4] == window.store.user
    assert cell(page, "OC1", M.COL_NOTES).endswith("rev.")


def test_a_reason_can_be_remembered_for_the_batch_and_cancel_changes_nothing(page, window, qtbot):
    perf = repo(window)
    oc1, oc2 = perf.find_indicator("OC1"), perf.find_indicator("OC2")
    period = page.period
    page.tabs.setCurrentIndex(TAB_VALUES)
    assert page.values.choose(THEME, oc1.theme_id)
    grid, model = page.values.grid, page.values.model
    grid.setCurrentIndex(model.find(oc1.id, period))
    grid.setFocus()
    type_into(qtbot, grid, "30")
    dialog = window.active_dialog
    dialog.reject()
    assert perf.value(oc1.id, period).value == 24.1, "cancel leaves the value as it was"
    assert model.find(oc1.id, period).data() == "24.1%"
    grid.setCurrentIndex(model.find(oc1.id, period))
    type_into(qtbot, grid, "23")
    dialog = window.active_dialog
    dialog.ui.reasonCombo.setEditText("Validated after the quarter closed")
    dialog.ui.rememberCheck.setChecked(True)
    ok(dialog)
    assert page.values.reason_row.isVisibleTo(page.values)
    grid.setCurrentIndex(model.find(oc2.id, period))
    type_into(qtbot, grid, "20")
    assert window.active_dialog is None or not window.active_dialog.isVisible()
    assert perf.value(oc2.id, period).value == 20
    assert perf.revisions(oc2.id, period=period)[-1].reason == "Validated after the quarter closed"
    page.tabs.setCurrentIndex(TAB_SCORECARD)
    assert window.scorecard.batch_reason == "", "leaving the grid forgets the reason"


def test_ctrl_z_undoes_the_last_entry(page, window, qtbot):
    perf = repo(window)
    ind = add_test_indicator(window)
    open_values_for(window, page, ind)
    grid, model = page.values.grid, page.values.model
    grid.setCurrentIndex(model.find(ind.id, page.period))
    grid.setFocus()
    type_into(qtbot, grid, "66")
    assert perf.value(ind.id, page.period).value == 66
    assert window.undo_action.isEnabled() and "TST1" in window.undo_action.text()
    window.undo_action.trigger()
    assert perf.value(ind.id, page.period).value is None  # withdrawn: values are never deleted
    assert perf.revisions(ind.id)[-1].reason == UNDO_REASON
    assert model.find(ind.id, page.period).data() == ""
    window.redo_action.trigger()
    assert perf.value(ind.id, page.period).value == 66
    assert model.find(ind.id, page.period).data() == "66%"


def test_delete_withdraws_a_value_with_a_reason(page, window, qtbot):
    perf = repo(window)
    ind = add_test_indicator(window)
    perf.set_value(ind.id, page.period, 50)
    open_values_for(window, page, ind)
    grid, model = page.values.grid, page.values.model
    grid.setCurrentIndex(model.find(ind.id, page.period))
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    dialog = window.active_dialog
    assert isinstance(dialog, ValueReasonDialog) and "withdrawn" in dialog.ui.headingLabel.text()
    dialog.ui.reasonCombo.setEditText("Entered against the wrong indicator")
    ok(dialog)
    assert perf.value(ind.id, page.period).value is None
    assert perf.revisions(ind.id)[-1].new_value is None


def test_agency_values_and_comparators_are_entered_in_an_indicators_grid(page, window, qtbot):
    perf = repo(window)
    ind = add_test_indicator(window, by_agency=True)
    open_values_for(window, page, ind)
    model, grid = page.values.model, page.values.grid
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels[0].endswith("the partnership") and labels[-3:] == ["England", "Region", "Statistical neighbours"]
    police = next(a for a in window.store.agencies() if a.short_name == "Police")
    grid.setCurrentIndex(model.find(ind.id, page.period, agency_id=police.id))
    grid.setFocus()
    type_into(qtbot, grid, "77")
    assert perf.value(ind.id, page.period, police.id).value == 77
    grid.setCurrentIndex(model.find(ind.id, page.period, comparator="england"))
    type_into(qtbot, grid, "81.2", Qt.Key.Key_Tab)
    comparators = perf.comparators(ind.id, page.period)
    assert comparators.england == 81.2 and comparators.region is None
    window.undo_action.trigger()
    assert perf.comparators(ind.id, page.period).england is None


def test_enter_values_opens_the_grid_at_the_chosen_indicator(page, window):
    select(page, "QT3")
    window.scorecard.values_action.trigger()
    assert page.tabs.currentIndex() == TAB_VALUES
    current = page.values.grid.currentIndex()
    chosen = page.values.model.cell(current)
    assert chosen.row.indicator.code == "QT3" and chosen.period == page.period


# --- the detail: commentary, chart, breakdown ----------------------------------------------------
def test_commentary_is_written_in_place_and_saved_with_its_author(page, window, qtbot):
    perf = repo(window)
    select(page, "OC2")
    detail = page.detail
    assert perf.commentary(perf.find_indicator("OC2").id, page.period) is None
    assert not detail.save_button.isEnabled()
    detail.commentary_edit.setPlainText("Fewer repeat plans since the step-down panel began.")
    assert detail.save_button.isEnabled()
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    saved = perf.commentary(perf.find_indicator("OC2").id, page.period)
    assert saved.text == "Fewer repeat plans since the step-down panel began."
    assert saved.author == window.store.user
    assert detail.commentary_by.text().startswith(f"Written by {window.store.user}")
    assert cell(page, "OC2", M.COL_NOTES) == "✎"


def test_commentary_typed_is_saved_when_another_indicator_is_chosen(page, window):
    perf = repo(window)
    select(page, "OC2")
    page.detail.commentary_edit.setPlainText("Typed, then moved on.")
    select(page, "OC3")
    assert perf.commentary(perf.find_indicator("OC2").id, page.period).text == "Typed, then moved on."


def test_commentary_saved_elsewhere_meanwhile_is_not_overwritten(page, window, qtbot):
    perf = repo(window)
    oc1 = perf.find_indicator("OC1")
    select(page, "OC1")
    detail = page.detail
    # another copy of the program rewrites it after this window read it
    stored = perf.commentary(oc1.id, page.period)
    perf.set_commentary(oc1.id, page.period, "Rewritten by the performance team.", author="Sofia Marques",
                        version=stored.row_version)
    detail.commentary_edit.setPlainText(stored.text + " Mine.")
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    dialog = window.scorecard.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert perf.commentary(oc1.id, page.period).text == "Rewritten by the performance team."
    dialog.reload_button.click()
    assert detail.commentary_edit.toPlainText() == "Rewritten by the performance team."
    assert not detail.dirty


def test_the_chart_is_built_with_values_target_band_and_comparators(page, window):
    perf = repo(window)
    select(page, "OC1")
    oc1 = perf.find_indicator("OC1")
    chart = page.detail.chart
    assert chart is not None and chart.isVisible()
    series = chart.series_points()
    history = perf.history(oc1.id, until=page.period, periods=8)
    assert [y for _x, y in series["OC1 value"]] == [v for _p, v in history if v is not None]
    assert [x for x, _y in series["OC1 value"]] == [float(k) for k, (_p, v) in enumerate(history) if v is not None]
    assert {y for _x, y in series["Target 20%"]} == {20}
    assert {y for _x, y in series["Amber band (upper)"]} == {22} and {y for _x, y in series["Amber band (lower)"]} == {20}
    england = perf.comparator_series(oc1.id)
    expected = [(float(k), england[p].england) for k, (p, _v) in enumerate(history)
                if p in england and england[p].england is not None]
    assert series["England"] == expected and expected
    assert "Stat. neighbours" in series and "Region" in series
    assert series["This period: Red"] == [(7.0, history[-1][1])]
    assert chart.axis_labels()[-1] == "Q" + page.period.short_label()[1:2] + " " + \
        f"{page.period.fy_start_year % 100:02d}-{(page.period.fy_start_year + 1) % 100:02d}"
    assert chart_data(perf, oc1, page.period).values == tuple(v for _p, v in history)
    # a different indicator redraws it
    select(page, "CP1")
    series = chart.series_points()
    assert "CP1 value" in series and not any(name.startswith("Target") for name in series)


def test_the_breakdown_by_agency_is_shown_where_there_is_one(page, window):
    perf = repo(window)
    select(page, "QT6")
    row = next(r for r in perf.scorecard(page.period) if r.indicator.code == "QT6")
    model = page.detail.agencies_model
    names = {a.id: a.label for a in window.store.agencies()}
    shown = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert shown == {names[f.agency_id]: row.indicator.format(f.value) if f.value is not None else "—"
                     for f in row.by_agency}
    assert page.detail.tabs.isTabEnabled(2)
    select(page, "OC1")
    assert not page.detail.tabs.isTabEnabled(2)


def test_qt_charts_is_not_imported_until_the_detail_shows_a_chart(demo_db, tmp_path):
    code = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from mqp_desktop.store import Store
        from mqp_desktop.ui.main_window import MainWindow
        from mqp_desktop.ui.settings import Settings
        w = MainWindow(Store.open(r"{demo_db}"), settings=Settings(r"{tmp_path / 's.ini'}"))
        w.show(); app.processEvents()
        print("start", "PySide6.QtCharts" in sys.modules)
        w.show_page(w.PAGE_SCORECARD); app.processEvents()
        print("shown", "PySide6.QtCharts" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parent.parent)
    assert "start False" in out.stdout and "shown True" in out.stdout, out.stderr


# --- indicators and themes ----------------------------------------------------------------------
def test_add_an_indicator_through_its_dialog(page, window):
    perf = repo(window)
    window.scorecard.add_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, IndicatorDialog)
    ui = dialog.ui
    ui.codeEdit.setText("WF9")
    ui.titleEdit.setText("Agency staff in safeguarding roles")
    ui.themeCombo.setCurrentIndex(ui.themeCombo.findData(perf.themes()[4].id))
    ui.unitCombo.setCurrentIndex(1)  # percentage
    ui.directionCombo.setCurrentIndex(1)  # lower is better
    ui.targetEdit.setText("10")
    ui.toleranceEdit.setText("2")
    assert ui.bandLabel.text() == "Green at 10% or less; amber above 10% up to 12%; red above 12%."
    for r in range(ui.tagsList.count()):
        if ui.tagsList.item(r).text() == "voice of the child":
            ui.tagsList.item(r).setCheckState(Qt.CheckState.Checked)
    ui.targetEdit.setText("110")
    ok(dialog)
    assert dialog.isVisible() and dialog.errors.field == "target"  # a percentage over 100: refused there
    ui.targetEdit.setText("10")
    ok(dialog)
    assert not dialog.isVisible()
    added = perf.find_indicator("WF9")
    assert (added.unit.value, added.direction.value, added.target, added.tolerance, added.tags) == \
        ("percentage", "lower", 10, 2, ("voice of the child",))
    assert page.current_row().indicator.code == "WF9"
    assert cell(page, "WF9", M.COL_RAG) == "No value"


def test_edit_an_indicator_then_undo(page, window):
    perf = repo(window)
    select(page, "OC2")
    window.scorecard.edit_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, IndicatorDialog) and dialog.ui.codeEdit.text() == "OC2"
    assert not dialog.ui.frequencyCombo.isEnabled()  # it has values
    dialog.ui.targetEdit.setText("18")
    ok(dialog)
    assert perf.find_indicator("OC2").target == 18
    assert cell(page, "OC2", M.COL_TARGET) == "18%"
    window.undo_action.trigger()
    assert perf.find_indicator("OC2").target == 20


def test_retire_an_indicator_keeps_its_history_and_reinstate_brings_it_back(page, window):
    perf = repo(window)
    oc2 = perf.find_indicator("OC2")
    values_before = perf.values(oc2.id)
    select(page, "OC2")
    window.scorecard.retire_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, RetireIndicatorDialog)
    ok(dialog)
    assert dialog.isVisible() and dialog.errors.field == "retired_reason"
    dialog.ui.reasonEdit.setText("Replaced by a measure of repeat plans within two years")
    ok(dialog)
    assert perf.find_indicator("OC2").retired
    assert perf.values(oc2.id) == values_before
    assert "OC2" not in shown_rows(page)
    page.retired_check.setChecked(True)
    assert shown_rows(page)["OC2"]["title"].endswith("(retired)")
    select(page, "OC2")
    assert window.scorecard.reinstate_action.isEnabled() and not window.scorecard.retire_action.isEnabled()
    window.scorecard.reinstate_action.trigger()
    assert not perf.find_indicator("OC2").retired
    window.undo_action.trigger()  # undo the reinstatement: retired again
    assert perf.find_indicator("OC2").retired


def test_themes_are_added_renamed_and_retired(page, window, qtbot):
    perf = repo(window)
    window.scorecard.themes_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ThemesDialog)
    dialog.ui.nameEdit.setText("Learning from reviews")
    assert dialog.add()
    assert perf.find_theme("Learning from reviews") is not None
    dialog.ui.nameEdit.setText("Learning from case reviews")
    qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Return)  # Enter renames the chosen theme (and only that)
    assert dialog.isVisible()
    theme = perf.find_theme("Learning from case reviews")
    assert theme is not None and dialog.current().id == theme.id
    assert perf.find_theme("Learning from reviews") is None  # renamed, not added again
    assert dialog.retire()
    assert perf.theme(theme.id).retired
    # a theme with indicators in use is refused, saying why, and nothing changes
    dialog.ui.themesList.setCurrentRow(0)
    assert not dialog.retire()
    assert "still has indicators in use" in dialog.errors.message
    assert not perf.themes(include_retired=True)[0].retired


def test_period_chooser_lists_the_current_quarter_in_progress_and_not_later(page, window):
    import datetime as dt

    current = Period.containing(dt.date.today(), Frequency.QUARTERLY)
    assert page.period_combo.itemData(0) == current.key
    assert "in progress" in page.period_combo.itemText(0) or current == page.latest


def test_window_close_saves_the_commentary_being_typed(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    w.show_page(w.PAGE_SCORECARD)
    page = w.scorecard.page
    select(page, "OC4")
    page.detail.commentary_edit.setPlainText("Typed just before closing.")
    period = page.period
    w.close()
    store = Store.open(demo_db)
    try:
        perf = store.performance
        assert perf.commentary(perf.find_indicator("OC4").id, period).text == "Typed just before closing."
    finally:
        store.close()
    QApplication.processEvents()


@pytest.mark.parametrize(("low", "high", "most", "expected"), [
    (65, 90, 4, (60, 90, 4)),        # steps of 10
    (17.5, 25, 5, (17.5, 25, 4)),    # steps of 2.5
    (2.1, 2.9, 4, (2.0, 3.0, 3)),    # steps of 0.5
    (300, 345, 6, (300, 350, 6)),    # steps of 10
])
def test_the_charts_value_axis_has_round_ticks_and_no_more_than_room_for(low, high, most, expected):
    from mqp_desktop.ui.scorecard_models import nice_axis

    start, end, ticks = nice_axis(low, high, most)
    assert (start, end, ticks) == pytest.approx(expected)
    assert start <= low and end >= high and 2 <= ticks <= most


def test_columns_can_be_hidden_and_the_title_keeps_its_room(page, window):
    tree = page.tree
    header = tree.header()
    tree.show_column(M.COL_REGION, False)
    assert header.isSectionHidden(M.COL_REGION)
    others = sum(header.sectionSize(c) for c in range(header.count())
                 if c != M.COL_TITLE and not header.isSectionHidden(c))
    assert header.sectionSize(M.COL_TITLE) == max(tree.TITLE_MIN, tree.viewport().width() - others - 2)
    page.resize(700, page.height())  # narrow: the title keeps its minimum and the table scrolls sideways
    tree.fit_title()
    assert header.sectionSize(M.COL_TITLE) >= tree.TITLE_MIN
    tree.show_column(M.COL_REGION, True)
    assert not header.isSectionHidden(M.COL_REGION)


def test_enter_on_a_row_edits_it_and_ctrl_shift_c_goes_to_its_commentary(page, window, qtbot):
    select(page, "OC3")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    dialog = window.active_dialog
    assert isinstance(dialog, IndicatorDialog) and dialog.ui.codeEdit.text() == "OC3"
    dialog.reject()
    window.scorecard.commentary_action.trigger()
    assert page.detail.tabs.currentIndex() == 0
    assert page.detail.commentary_caption.text().startswith("What lies behind it — ")
    assert page.detail.commentary_key[0] == repo(window).find_indicator("OC3").id


def test_the_detail_can_be_put_away_and_brought_back(page, window):
    window.scorecard.detail_action.trigger()
    assert page.detail.isHidden()
    select(page, "OC5")
    window.scorecard.detail_action.trigger()
    assert not page.detail.isHidden() and page.detail.row.indicator.code == "OC5"
    assert page.detail.chart.data.indicator.code == "OC5"


def test_the_scorecard_shown_is_exported_with_its_filters(page, window, tmp_path, monkeypatch, shown_errors):
    from openpyxl import load_workbook

    window.scorecard.exceptions_action.trigger()
    target = tmp_path / "scorecard.xlsx"
    monkeypatch.setattr(window.scorecard, "choose_export_file", lambda period: target)
    window.scorecard.export_action.trigger()
    assert window.scorecard.last_export == target
    sheet = load_workbook(target)["Scorecard"]
    rows = list(sheet.iter_rows(values_only=True))
    heading = next(n for n, r in enumerate(rows) if r and r[0] == "Theme")
    codes = [r[1] for r in rows[heading + 1:] if r and r[1]]
    assert codes == [r.indicator.code for r in repo(window).scorecard(page.period, exceptions_only=True)]
    assert "exceptions only" in rows[1][0]
    # a PDF too, by its ending; a file name with another ending is refused, saying why
    monkeypatch.setattr(window.scorecard, "choose_export_file", lambda period: tmp_path / "scorecard.pdf")
    window.scorecard.export_action.trigger()
    assert (tmp_path / "scorecard.pdf").read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(window.scorecard, "choose_export_file", lambda period: tmp_path / "scorecard.csv")
    window.scorecard.export_action.trigger()
    assert shown_errors and shown_errors[-1][0] == "Export scorecard" and ".csv" in shown_errors[-1][1]
    assert not (tmp_path / "scorecard.csv").exists()

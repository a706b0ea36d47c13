"""The Section 11 dashboard and its dialogs, through the real main window on the demo database.

The demo holds two rounds on the 0-3 score (last year's and this year's); this year's
has three overdue returns with reminders, reviewed returns with moderated scores, and
overdue action-plan items. Dialogs are opened with ``QDialog.open()`` (no nested event
loop): each test finds the open one in ``window.active_dialog``. What the grid shows is
compared with what :class:`Section11Repo` and :func:`rating_grid` say (cell data, not
pixels); what a dialog saved is read back through the repository.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop.domain.section11 import NOT_APPLICABLE, ActionItem, ActionStatus, Basis, ReturnStatus, ScaleKind
from mqp_desktop.domain.section11_analysis import Trend, rating_grid
from mqp_desktop.store import Store
from mqp_desktop.store.section11 import Section11Repo
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.section11_dialogs import (
    ReceivedDialog,
    ReturnDialog,
    RoundDialog,
    WorkbookImportDialog,
    WorkbookProblemsModel,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE
from mqp_desktop.ui.pages.section11_page import TAB_ACTIONS, TAB_RATINGS, TAB_RETURN
from mqp_desktop.ui.section11_models import (
    BAND_ROLE,
    SCORE_ROLE,
    STANDARD_ROLE,
    TREND_MARKS,
    TREND_ROLE,
    ActionPlanModel,
    ComparisonModel,
    OverdueActionsModel,
    OverdueReturnsModel,
    RatingGridModel,
    WeakestStandardsModel,
    agency_changes,
    band_for,
    cell_text,
)
from mqp_desktop.ui.settings import Settings


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
    w.show()
    qtbot.waitExposed(w)
    w.show_page(w.PAGE_SECTION11)
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def page(window):
    assert window.pages.currentWidget() is window.section11.page
    return window.section11.page


def repo(window) -> Section11Repo:
    return Section11Repo(window.store)


def today() -> dt.date:
    return dt.date.today()


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def grid_values(page) -> dict[tuple[int, int], str]:
    """(agency id, standard) -> the text the grid prints."""
    model = page.grid_model
    out = {}
    for row in range(model.rowCount()):
        for col in range(model.FIRST_STANDARD, model.col_overall):
            index = model.index(row, col)
            out[(model.return_at(row).agency_id, index.data(STANDARD_ROLE))] = index.data()
    return out


# --- the models ----------------------------------------------------------------------------
def test_every_model_passes_the_model_tester(qtmodeltester, demo_store):
    s11 = Section11Repo(demo_store)
    rnd = s11.latest_round()
    status = s11.status(rnd.id, today())
    comparison = s11.comparison(rnd.id)
    names = {a.id: a.label for a in demo_store.agencies()}
    returns = s11.returns(rnd.id)

    grid = RatingGridModel()
    grid.set_rows(rnd, returns, names, comparison=comparison, previous_name="last year", show_trend=True)
    assert grid.rowCount() == len(rnd.agency_ids) and grid.columnCount() == 2 + len(rnd.standards) + 1
    qtmodeltester.check(grid, force_py=True)

    overdue = OverdueReturnsModel()
    overdue.set_rows(status.overdue, names, rnd.deadline, today())
    assert overdue.rowCount() == 3
    qtmodeltester.check(overdue, force_py=True)

    actions = OverdueActionsModel()
    actions.set_rows(status.overdue_actions, {r.id: r.agency_id for r in returns}, names, today())
    assert actions.rowCount() == len(status.overdue_actions) > 0
    qtmodeltester.check(actions, force_py=True)

    weakest = WeakestStandardsModel()
    weakest.set_rows(status.weakest, names)
    assert weakest.rowCount() == len(rnd.standards)
    qtmodeltester.check(weakest, force_py=True)

    changes = ComparisonModel()
    changes.set_rows(agency_changes(comparison), names)
    assert changes.rowCount() == len(returns)
    qtmodeltester.check(changes, force_py=True)

    plan = ActionPlanModel()
    plan.set_rows([a for r in returns for a in r.actions])
    assert plan.rowCount() > 0
    plan.append(ActionItem(None, "A new one"))
    qtmodeltester.check(plan, force_py=True)

    problems = WorkbookProblemsModel()
    problems.set_rows([FakeProblem("Standards", "D7", "'4' is not on the 0-3 score scale")])
    assert problems.index(0, 1).data() == "D7"
    qtmodeltester.check(problems, force_py=True)


def test_an_empty_grid_has_no_columns(qtmodeltester):
    grid = RatingGridModel()
    grid.set_rows(None, [], {})
    assert (grid.rowCount(), grid.columnCount()) == (0, 0)
    qtmodeltester.check(grid, force_py=True)


# --- the page in the window ----------------------------------------------------------------
def test_section11_is_in_the_navigation_after_attendance_with_a_shortcut(window):
    names = [window.nav.item(i).text().split(" (")[0] for i in range(window.nav.count())]
    assert names.index("Section 11") == names.index("Attendance") + 1 == window.PAGE_SECTION11
    action = window.page_actions[window.PAGE_SECTION11]
    assert action.shortcut().toString() == f"Ctrl+{window.PAGE_SECTION11 + 1}"
    window.show_page(window.PAGE_MEMBERSHIP)
    action.trigger()
    assert window.pages.currentWidget() is window.section11.page
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert window.section11.new_round_action in menus["Section 11"].actions()
    assert window.section11.summary_action in menus["Reports"].actions()


def test_the_latest_round_is_shown_by_default(page, window):
    rounds = repo(window).rounds()
    assert len(rounds) == 2
    assert [page.round_combo.itemText(i) for i in range(page.round_combo.count())] == [r.name for r in rounds]
    assert page.round.id == repo(window).latest_round().id
    assert page.round_combo.currentData() == page.round.id
    assert page.previous is not None and page.previous.id == rounds[1].id


def test_the_counts_say_what_the_repository_says(page, window):
    status = repo(window).status(page.round.id, today())
    n = {s: len(status.by_status[s]) for s in ReturnStatus}
    total = sum(n.values())
    received = n[ReturnStatus.RECEIVED] + n[ReturnStatus.REVIEWED]
    assert page.tiles["issued"].value == total - n[ReturnStatus.NOT_ISSUED]
    assert page.tiles["received"].value == received
    assert page.tiles["reviewed"].value == n[ReturnStatus.REVIEWED] == 8
    assert page.tiles["outstanding"].value == total - received
    assert page.tiles["overdue"].value == n[ReturnStatus.OVERDUE] == 3
    assert page.tiles["overdue"].property("alert") is True


@pytest.mark.parametrize("basis", [Basis.SELF, Basis.MODERATED, Basis.EFFECTIVE])
def test_the_grid_shows_what_rating_grid_says(page, window, basis):
    page.set_basis(basis)
    assert page.basis() is basis and page.grid_model.basis is basis
    rnd = page.round
    expected = rating_grid(rnd, repo(window).returns(rnd.id), basis)
    model = page.grid_model
    seen = {}
    for row in range(model.rowCount()):
        for col in range(model.FIRST_STANDARD, model.col_overall):
            index = model.index(row, col)
            key = (model.return_at(row).agency_id, index.data(STANDARD_ROLE))
            score = index.data(SCORE_ROLE)
            assert score == expected[key]
            assert index.data() == cell_text(rnd.rating_scale, expected[key])
            assert index.data(BAND_ROLE) == band_for(rnd.rating_scale, expected[key]).key
            if expected[key].percent is not None:
                assert index.data(Qt.ItemDataRole.BackgroundRole) is not None, "coloured as well as printed"
            seen[key] = score
    assert seen.keys() == expected.keys()


def test_switching_self_and_moderated_changes_the_grid(page, window):
    page.set_basis(Basis.SELF)
    own = grid_values(page)
    page.set_basis(Basis.MODERATED)
    panel = grid_values(page)
    assert own != panel, "the panel moderated some scores down in the demo"
    rnd = page.round
    for ret in repo(window).returns(rnd.id):
        status = ret.status(rnd.deadline, today())
        some = [panel[(ret.agency_id, s.number)] for s in rnd.standards]
        if status is ReturnStatus.RECEIVED:  # received, not yet moderated
            assert set(some) == {"—"}
            assert all(own[(ret.agency_id, s.number)] != "—" for s in rnd.standards)
        if status is ReturnStatus.OVERDUE:
            assert set(some) == {"—"} and {own[(ret.agency_id, s.number)] for s in rnd.standards} == {"—"}
    # a standard rated only by sub-criteria is worked out from them and marked
    assert any(text.endswith("*") for text in own.values())


def test_tooltips_give_the_evidence_and_the_panels_comments(page, window):
    page.set_basis(Basis.EFFECTIVE)
    rnd = page.round
    ret = next(r for r in repo(window).returns(rnd.id)
               if any(x.panel_comments and not x.criterion for x in r.ratings))
    rating = next(x for x in ret.ratings if x.panel_comments and not x.criterion)
    tip = page.grid_cell(ret.agency_id, rating.standard).data(Qt.ItemDataRole.ToolTipRole)
    assert rating.evidence in tip and rating.panel_comments in tip
    assert f"Self-assessed: {rating.self_value}" in tip and f"Moderated by the panel: {rating.moderated_value}" in tip
    assert page.legend.entries[:4] == [("0", "not met"), ("1", "partially met"), ("2", "mostly met"),
                                       ("3", "fully met")]


def test_the_change_since_last_round_is_marked_in_the_grid(page, window):
    rnd = page.round
    comparison = repo(window).comparison(rnd.id, page.basis())
    assert not page.grid_model.show_trend
    page.trend_check.setChecked(True)
    model = page.grid_model
    assert model.show_trend
    counted = {t: 0 for t in Trend}
    for row in range(model.rowCount()):
        agency_id = model.return_at(row).agency_id
        for s in rnd.standards:
            index = model.index(row, model.column_of(s.number))
            cell = comparison.cell(agency_id, s.number)
            assert index.data(TREND_ROLE) == cell.trend
            mark = TREND_MARKS[cell.trend]
            assert index.data().endswith(f" {mark}") if mark else not index.data().endswith(("▲", "▼", "="))
            counted[cell.trend] += 1
    assert counted == comparison.counts()
    assert counted[Trend.IMPROVED] and counted[Trend.WORSE]
    assert "▲" in page.legend.text()
    changes = page.comparison_model
    assert changes.rowCount() == len(comparison.overall)
    worse = [c for c in comparison.overall if c.trend is Trend.WORSE]
    for row in range(changes.rowCount()):
        if changes.index(row, 0).data(TREND_ROLE) == Trend.WORSE:
            assert changes.index(row, ComparisonModel.COL_CHANGE).data().startswith("▼ −")
    assert sum(1 for r in range(changes.rowCount()) if changes.index(r, 0).data(TREND_ROLE) == Trend.WORSE) \
        == len(worse)


def test_the_overdue_list_matches_the_repository(page, window):
    rnd = page.round
    overdue = repo(window).status(rnd.id, today()).overdue
    model = page.overdue_model
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [r.id for r in overdue]
    names = {a.id: a.label for a in window.store.agencies()}
    for row, ret in enumerate(overdue):
        shown = [model.index(row, c).data() for c in range(model.columnCount())]
        assert shown[OverdueReturnsModel.COL_AGENCY] == names[ret.agency_id]
        assert shown[OverdueReturnsModel.COL_LEAD] == ret.lead_name
        assert shown[OverdueReturnsModel.COL_DAYS] == str((today() - rnd.deadline).days)
        assert shown[OverdueReturnsModel.COL_REMINDERS].startswith(f"{len(ret.reminders)} (last ")
    assert "Overdue returns (3)" in page.overdue_box.title()


def test_overdue_action_items_are_listed_from_this_round_and_earlier(page, window):
    s11 = repo(window)
    expected = sorted((a for a in s11.actions() if a.is_overdue(today())), key=lambda a: (a.due, a.id))
    model = page.actions_model
    shown = [model.index(r, 0).data(RECORD_ROLE) for r in range(model.rowCount())]
    assert [a.id for a in shown] == [a.id for a in expected]
    this_round = {a.id for a in s11.status(page.round.id, today()).overdue_actions}
    assert this_round and this_round < {a.id for a in shown}
    page.select_round(page.previous.id)
    assert {a.id for a in (page.actions_model.record(r) for r in range(page.actions_model.rowCount()))} \
        == {a.id for a in expected} - this_round, "last year's view does not show this year's items"


def test_the_weakest_standards_are_ranked_with_percentages(page, window):
    status = repo(window).status(page.round.id, today(), page.basis())
    model = page.weakest_model
    assert 0 < model.rowCount() <= 5
    for row in range(model.rowCount()):
        standing = status.weakest[row]
        assert model.index(row, WeakestStandardsModel.COL_RANK).data() == str(row + 1)
        assert model.index(row, WeakestStandardsModel.COL_STANDARD).data().startswith(f"{standing.number}. ")
        assert model.index(row, WeakestStandardsModel.COL_MEAN).data() == f"{standing.mean_percent:.0f}%"
    assert model.index(0, 0).data(ID_ROLE) == 8, "information sharing is the demo's weakest"


# --- recording a return ---------------------------------------------------------------------
def test_clicking_a_cell_opens_that_return_at_that_standard(qtbot, page, window):
    model, proxy = page.grid_model, page.grid_proxy
    row = next(r for r in range(model.rowCount()) if model.return_at(r).received is not None)
    ret = model.return_at(row)
    source = model.index(row, model.column_of(5))
    view_index = proxy.mapFromSource(source)
    rect = page.grid.visualRect(view_index)
    qtbot.mouseClick(page.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = window.active_dialog
    assert isinstance(dialog, ReturnDialog)
    assert dialog.ret.id == ret.id
    assert dialog.ui.tabs.currentIndex() == TAB_RATINGS
    assert dialog.current_key() == (5, "")
    stored = ret.rating(5)
    assert dialog.ui.selfCombo.currentData() == stored.self_value
    dialog.reject()


def test_record_a_returns_ratings_and_an_action_through_the_dialog(qtbot, page, window):
    overdue = page.overdue_model.record(0)
    assert overdue.ratings == () and overdue.received is None
    window.section11.show_return(overdue.id, 5, TAB_RATINGS)
    dialog = window.active_dialog
    ui = dialog.ui
    scale = page.round.rating_scale
    assert [ui.selfCombo.itemData(i) for i in range(1, ui.selfCombo.count())] == list(scale.choices)
    assert ui.selfCombo.itemData(0) is None, "'not rated' first"

    ui.selfCombo.setCurrentIndex(ui.selfCombo.findData("1"))
    qtbot.keyClicks(ui.evidenceEdit, "Training matrix 2026")
    qtbot.keyClicks(ui.improvementEdit, "Refresher completion at 70%")
    ui.moderatedCombo.setCurrentIndex(ui.moderatedCombo.findData("0"))
    qtbot.keyClicks(ui.panelEdit, "No evidence of refreshers")
    dialog.select_item(8, "8.2")
    ui.selfCombo.setCurrentIndex(ui.selfCombo.findData("2"))
    assert dialog.rating(5).self_value == "1", "moving to another item keeps what was typed"

    ui.tabs.setCurrentIndex(TAB_RETURN)
    ui.receivedCheck.setChecked(True)
    ui.receivedEdit.setDate(ui.receivedEdit.date().addDays(-1))
    received = dialog.received.value()
    ui.outcomeEdit.setText("Awaiting panel")

    ui.tabs.setCurrentIndex(TAB_ACTIONS)
    before = dialog.action_model.rowCount()
    ui.addActionButton.click()
    assert dialog.action_model.rowCount() == before + 1
    qtbot.keyClicks(ui.actionEdit, "Bring refresher training up to 90%")
    ui.ownerEdit.clear()
    qtbot.keyClicks(ui.ownerEdit, "Head of Learning")
    ui.dueCheck.setChecked(True)
    ui.standardCombo.setCurrentIndex(ui.standardCombo.findData(5))
    ok(dialog)
    assert window.active_dialog is None, "saved and closed"

    saved = repo(window).get_return(overdue.id)
    r5 = saved.rating(5)
    assert (r5.self_value, r5.evidence, r5.improvement) == ("1", "Training matrix 2026", "Refresher completion at 70%")
    assert (r5.moderated_value, r5.panel_comments) == ("0", "No evidence of refreshers")
    assert saved.rating(8, "8.2").self_value == "2"
    assert saved.received == received and saved.panel_outcome == "Awaiting panel"
    added = [a for a in saved.actions if a.action == "Bring refresher training up to 90%"]
    assert len(added) == 1
    assert (added[0].owner, added[0].standard, added[0].status) == ("Head of Learning", 5, ActionStatus.OPEN)
    assert added[0].due is not None
    # and the dashboard shows it: no longer overdue, and its cell for standard 5 reads 0 (the panel's)
    assert overdue.id not in [page.overdue_model.record(r).id for r in range(page.overdue_model.rowCount())]
    assert page.grid_cell(overdue.agency_id, 5).data() == "0"


def test_a_bad_return_is_shown_inline_and_nothing_is_half_saved(qtbot, page, window):
    overdue = page.overdue_model.record(0)
    window.section11.show_return(overdue.id, 3, TAB_RATINGS)
    dialog = window.active_dialog
    ui = dialog.ui
    ui.selfCombo.setCurrentIndex(ui.selfCombo.findData("3"))
    ui.tabs.setCurrentIndex(TAB_RETURN)
    ui.reviewedCheck.setChecked(True)  # reviewed, but never received: the store refuses it
    ok(dialog)
    assert window.active_dialog is dialog, "the dialog stays open"
    assert dialog.errors.field == "reviewed" and "received" in dialog.errors.message
    fresh = repo(window).get_return(overdue.id)
    assert fresh.ratings == () and fresh.reviewed is None, "the rating was not saved either"
    ui.receivedCheck.setChecked(True)
    ok(dialog)
    assert window.active_dialog is None
    assert repo(window).get_return(overdue.id).rating(3).self_value == "3"


def test_an_action_without_words_is_pointed_at(qtbot, page, window):
    ret = page.overdue_model.record(1)
    window.section11.show_return(ret.id, 0, TAB_ACTIONS)
    dialog = window.active_dialog
    dialog.ui.addActionButton.click()
    dialog.ui.ownerEdit.setText("Someone")
    dialog.ui.ownerEdit.textEdited.emit("Someone")
    ok(dialog)
    assert window.active_dialog is dialog
    assert dialog.errors.field == "action" and dialog.ui.tabs.currentIndex() == TAB_ACTIONS
    assert repo(window).get_return(ret.id).actions == ()
    dialog.reject()


# --- a new round, and n/a ----------------------------------------------------------------------
def test_create_a_round_through_the_dialog_then_rate_not_applicable(qtbot, page, window):
    window.section11.new_round_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, RoundDialog)
    ui = dialog.ui
    agencies = [a for a in window.store.agencies() if a.is_active(today())]
    wscp = next(a for a in agencies if a.label == "WSCP")
    assert wscp.id not in dialog.agency_ids(), "the business team is not asked by default"
    assert len(dialog.agency_ids()) == len(agencies) - 1
    ui.nameEdit.clear()
    qtbot.keyClicks(ui.nameEdit, "Section 11 audit 2027-28 (pilot)")
    ui.scaleCombo.setCurrentIndex(ui.scaleCombo.findData(ScaleKind.PERCENT))
    dropped = agencies[0] if agencies[0].id != wscp.id else agencies[1]
    dialog.set_agency_checked(dropped.id, False)
    ui.issuedEdit.setDate(ui.issuedEdit.date().addDays(1))
    dialog.add_panel_date()
    panel = dialog.panel_dates()
    ok(dialog)
    assert window.active_dialog is None

    rnd = repo(window).find_round("Section 11 audit 2027-28 (pilot)")
    assert rnd is not None and rnd.scale is ScaleKind.PERCENT and rnd.panel_dates == panel
    assert set(rnd.agency_ids) == {a.id for a in agencies} - {wscp.id, dropped.id}
    assert len(rnd.standards) == 8
    assert page.round.id == rnd.id, "the new round is shown"
    assert page.tiles["overdue"].value == 0

    # n/a asks for a reason
    ret = repo(window).returns(rnd.id)[0]
    window.section11.show_return(ret.id, 2, TAB_RATINGS)
    dialog = window.active_dialog
    ui = dialog.ui
    assert ui.selfCombo.findData(NOT_APPLICABLE) > 0 and ui.selfCombo.findData("75") > 0
    assert not ui.selfReasonEdit.isEnabled()
    ui.selfCombo.setCurrentIndex(ui.selfCombo.findData(NOT_APPLICABLE))
    assert ui.selfReasonEdit.isEnabled()
    dialog.select_item(6)
    ui.selfCombo.setCurrentIndex(ui.selfCombo.findData("40"))
    ok(dialog)
    assert window.active_dialog is dialog
    assert dialog.errors.field == "self_na_reason" and dialog.current_key() == (2, "")
    assert repo(window).get_return(ret.id).ratings == (), "nothing saved, not even standard 6"
    qtbot.keyClicks(ui.selfReasonEdit, "We employ no staff directly")
    ok(dialog)
    assert window.active_dialog is None
    saved = repo(window).get_return(ret.id)
    assert (saved.rating(2).self_value, saved.rating(2).self_na_reason) == (NOT_APPLICABLE, "We employ no staff directly")
    assert saved.rating(6).self_value == "40"
    assert page.grid_cell(ret.agency_id, 2).data() == "n/a"
    assert page.grid_cell(ret.agency_id, 6).data() == "40%"


def test_a_round_name_already_used_is_refused_inline(qtbot, page, window):
    window.section11.new_round_action.trigger()
    dialog = window.active_dialog
    dialog.ui.nameEdit.setText(page.round.name)
    ok(dialog)
    assert window.active_dialog is dialog and dialog.errors.field == "name"
    assert len(repo(window).rounds()) == 2
    dialog.reject()


# --- chasing -----------------------------------------------------------------------------------
def test_record_a_reminder_and_mark_received(qtbot, page, window):
    ret = page.overdue_model.record(0)
    assert page.select_overdue(ret.id)
    assert window.section11.reminder_action.isEnabled()
    window.section11.reminder_action.trigger()
    fresh = repo(window).get_return(ret.id)
    assert len(fresh.reminders) == len(ret.reminders) + 1 and fresh.last_reminder == today()
    assert page.current_overdue_return().id == ret.id, "still selected after the refresh"

    window.section11.mark_received_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ReceivedDialog)
    dialog.ui.openReturnCheck.setChecked(False)
    ok(dialog)
    assert repo(window).get_return(ret.id).received == today()
    assert ret.id not in [page.overdue_model.record(r).id for r in range(page.overdue_model.rowCount())]
    assert page.tiles["overdue"].value == 2


@dataclass
class FakeProblem:
    sheet: str
    cell: str
    message: str


@dataclass
class FakePreview:
    problems: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    summary: str = "Police, Section 11 audit: 2 ratings to save."

    @property
    def has_problems(self) -> bool:
        return bool(self.problems)


def fake_module(monkeypatch, name: str, **functions) -> types.ModuleType:
    module = types.ModuleType(name)
    for key, value in functions.items():
        setattr(module, key, value)
    monkeypatch.setitem(sys.modules, name, module)
    return module


def test_chase_email_draft_is_written_and_opened(qtbot, page, window, tmp_path, monkeypatch):
    written: list[tuple[int, Path]] = []

    def write_chase_email(store, return_id, path):
        Path(path).write_text("X-Unsent: 1\n\nPlease send your return.", encoding="utf-8")
        written.append((return_id, Path(path)))
        return Path(path)

    fake_module(monkeypatch, "mqp_desktop.exporters.chase_email", write_chase_email=write_chase_email)
    opened: list[Path] = []
    monkeypatch.setattr(window.section11, "open_file", lambda path: opened.append(path) or True)
    monkeypatch.setattr(window.section11, "choose_chase_file", lambda ret: tmp_path / "chase.eml")
    ret = page.overdue_model.record(0)
    page.select_overdue(ret.id)
    window.section11.chase_email_action.trigger()
    assert written == [(ret.id, tmp_path / "chase.eml")]
    assert opened == [tmp_path / "chase.eml"] and opened[0].is_file()


def test_chase_all_writes_a_folder_of_drafts(qtbot, page, window, tmp_path, monkeypatch):
    def write_chase_emails(store, round_id, folder):
        assert round_id == page.round.id
        return [Path(folder) / f"{i}.eml" for i in range(3)]

    fake_module(monkeypatch, "mqp_desktop.exporters.chase_email", write_chase_emails=write_chase_emails)
    monkeypatch.setattr(window.section11, "choose_chase_folder", lambda: tmp_path)
    window.section11.chase_all_action.trigger()
    assert window.section11.last_output == [tmp_path / f"{i}.eml" for i in range(3)]
    assert "3 chase email drafts" in window.statusBar().currentMessage()


# --- importing a returned workbook ---------------------------------------------------------------
def test_import_preview_blocks_on_problems(qtbot, page, window, tmp_path, monkeypatch):
    applied: list[object] = []
    preview = FakePreview(problems=[FakeProblem("Standards", "D7", "'4' is not on the 0-3 score scale"),
                                    FakeProblem("Action plan", "E5", "'31/02/2027' is not a date")])
    fake_module(monkeypatch, "mqp_desktop.exporters.section11_workbook",
                preview_workbook=lambda store, path: preview,
                apply_workbook=lambda store, p: applied.append(p))
    monkeypatch.setattr(window.section11, "choose_workbook_file", lambda: tmp_path / "returned.xlsx")
    window.section11.import_workbook_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, WorkbookImportDialog)
    assert dialog.blocked and not dialog.import_button.isEnabled()
    model = dialog.problems_model
    assert [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())] == [
        ("Standards", "D7"), ("Action plan", "E5")]
    assert "2 problems" in dialog.ui.summaryLabel.text()
    dialog.accept()  # even if Import were reached some other way
    assert applied == [] and window.active_dialog is dialog
    dialog.reject()


def test_import_without_problems_applies_the_preview(qtbot, page, window, tmp_path, monkeypatch):
    applied: list[object] = []
    preview = FakePreview()
    fake_module(monkeypatch, "mqp_desktop.exporters.section11_workbook",
                preview_workbook=lambda store, path: preview,
                apply_workbook=lambda store, p: applied.append(p) or {"ratings": 2})
    monkeypatch.setattr(window.section11, "choose_workbook_file", lambda: tmp_path / "returned.xlsx")
    window.section11.import_workbook_action.trigger()
    dialog = window.active_dialog
    assert not dialog.blocked
    ok(dialog)
    assert applied == [preview] and window.active_dialog is None


def test_a_workbook_that_cannot_be_read_is_reported_not_crashed(qtbot, page, window, tmp_path, monkeypatch,
                                                                shown_errors):
    class WorkbookError(Exception):
        def __init__(self, problem, remedy=""):
            super().__init__(problem)
            self.problem, self.remedy = problem, remedy

    def preview_workbook(store, path):
        raise WorkbookError(f"'{path.name}' is not an Excel workbook.", "Ask the agency for the workbook itself.")

    fake_module(monkeypatch, "mqp_desktop.exporters.section11_workbook", preview_workbook=preview_workbook)
    monkeypatch.setattr(window.section11, "choose_workbook_file", lambda: tmp_path / "scan.pdf")
    window.section11.import_workbook_action.trigger()
    assert window.active_dialog is None
    assert shown_errors == [("Import returned workbook", "'scan.pdf' is not an Excel workbook.")]


def test_the_change_history_names_section11_changes_in_words(qapp, demo_store):
    from mqp_desktop.ui.models import HistoryTableModel

    model = HistoryTableModel()
    model.set_rows([c for c in demo_store.history() if c.entity.startswith("s11_")])
    whats = {model.index(r, HistoryTableModel.COL_WHAT).data() for r in range(model.rowCount())}
    assert {"Section 11 round added", "Section 11 return added", "Section 11 rating rated",
            "Section 11 action added"} <= whats
    assert not any(w.startswith("S11_") for w in whats)


# --- with the real exporters --------------------------------------------------------------------
def test_a_really_damaged_workbook_cannot_be_imported(qtbot, page, window, tmp_path, monkeypatch):
    openpyxl = pytest.importorskip("openpyxl")
    from mqp_desktop.exporters.section11_workbook import export_workbook

    ret = page.overdue_model.record(0)
    path = tmp_path / "returned.xlsx"
    export_workbook(window.store, page.round.id, ret.agency_id, path)
    wb = openpyxl.load_workbook(path)
    wb["Standards"]["C5"] = "4"  # off the 0-3 scale
    wb.save(path)
    monkeypatch.setattr(window.section11, "choose_workbook_file", lambda: path)
    window.section11.import_workbook_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, WorkbookImportDialog) and dialog.blocked
    cells = [(dialog.problems_model.index(r, 0).data(), dialog.problems_model.index(r, 1).data())
             for r in range(dialog.problems_model.rowCount())]
    assert ("Standards", "C5") in cells
    dialog.accept()
    assert window.active_dialog is dialog
    assert repo(window).get_return(ret.id).ratings == () and repo(window).get_return(ret.id).received is None
    dialog.reject()


def test_the_real_chase_email_and_round_summary_are_written(qtbot, page, window, tmp_path, monkeypatch):
    opened: list[Path] = []
    monkeypatch.setattr(window.section11, "open_file", lambda path: opened.append(path) or True)
    monkeypatch.setattr(window.section11, "choose_chase_file", lambda ret: tmp_path / "chase.eml")
    ret = page.overdue_model.record(0)
    page.select_overdue(ret.id)
    window.section11.chase_email_action.trigger()
    assert len(opened) == 1 and opened[0].suffix == ".eml" and opened[0].stat().st_size > 0
    assert ret.lead_email in opened[0].read_text(encoding="utf-8", errors="replace")

    monkeypatch.setattr(window.section11, "choose_summary_file", lambda: tmp_path / "summary.xlsx")
    window.section11.summary_action.trigger()
    assert window.section11.last_output.suffix == ".xlsx" and window.section11.last_output.stat().st_size > 0


def test_dashboard_figures_are_not_cut_at_1366_by_768(window, page, qtbot):
    """Issue 14, point 5: the weakest standards' scores and lowest agencies, and the action plan's days
    overdue, were cut off at a laptop's width; the change tab's round name pushed it out of sight."""
    from mqp_desktop.ui.section11_models import OverdueActionsModel, WeakestStandardsModel

    window.resize(1366, 740)
    qtbot.wait(50)
    window.show_page(window.PAGE_AGENCIES)
    window.show_page(window.PAGE_SECTION11)
    qtbot.wait(50)

    def right_edge(table, column):
        return table.columnViewportPosition(column) + table.columnWidth(column)

    weakest = page.weakest_table
    assert weakest.model().rowCount() > 0
    for column in (WeakestStandardsModel.COL_MEAN, WeakestStandardsModel.COL_LOWEST):
        assert right_edge(weakest, column) <= weakest.viewport().width() + 1, column
    actions = page.actions_table
    assert actions.model().rowCount() > 0
    assert right_edge(actions, OverdueActionsModel.COL_DAYS) <= actions.viewport().width() + 1
    bar = page.side_tabs.tabBar()
    assert bar.tabRect(1).right() <= bar.width()

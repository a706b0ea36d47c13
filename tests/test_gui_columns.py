"""Text cut off where it matters (issue 14, point 5): every page's names, dates, statuses and references
shown whole at 1366x768 and at 150% scaling (910x493 logical pixels), long free text giving way with its whole
text in a tooltip or detail pane, and the minutes' attendance read without scrolling.

"Shown whole" is judged from the font's metrics, not from the sizing code: a column is wide enough when it
is at least as wide as the text of each of its cells (in the cell's own font) plus the item's margins and
icon, and as its heading needs.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QStyle, QTableView, QToolTip

from mqp_desktop.store import Store
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.pages.scorecard_page import COLUMN_WIDTHS
from mqp_desktop.ui.settings import Settings

SIZES = {"1366x768": (1366, 740), "150%": (910, 493)}  # the window on a 1366x768 laptop, less the taskbar


@pytest.fixture(params=list(SIZES))
def window(request, qtbot, demo_db, tmp_path):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(*SIZES[request.param])
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.meetings.minutes.dirty = False
    if w.store is not None:
        w.store.close()
    

@pytest.fixture
def laptop(qtbot, demo_db, tmp_path):
    """The window at 1366x768 alone (the ``window`` fixture runs at both sizes)."""
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "s.ini"))
    qtbot.addWidget(w)
    w.resize(*SIZES["1366x768"])
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.meetings.minutes.dirty = False
    if w.store is not None:
        w.store.close()
        w.store.close()


def cut_cells(view: QTableView, column: int) -> list[str]:
    """The cells of ``column`` whose text is wider than the column leaves room for (drawn with '…')."""
    model = view.model()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    cut = []
    for row in range(model.rowCount()):
        index = model.index(row, column)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        font = index.data(Qt.ItemDataRole.FontRole) or view.font()
        needed = max(QFontMetrics(font).horizontalAdvance(line) for line in text.split("\n")) + margin
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            needed += view.iconSize().width() + 4
        if needed > view.columnWidth(column):
            cut.append(text)
    return cut


def heading_cut(view: QTableView, column: int) -> bool:
    header = view.horizontalHeader()
    return header.sectionSizeHint(column) > view.columnWidth(column)


def shown(qtbot, window, page: int, tab=None):
    window.show_page(page)
    if tab is not None:
        tab()
    qtbot.wait(1)


# (page, how to reach the tab, the table, the columns that must be whole) — each was cut before the fix
def _cases():
    from mqp_desktop.ui.attendance_models import MemberAttendanceModel as MA
    from mqp_desktop.ui.challenges_models import ChallengeLogModel as CL
    from mqp_desktop.ui.meetings_models import MeetingsTableModel as MT
    from mqp_desktop.ui.models import HistoryTableModel as HT
    from mqp_desktop.ui.quality_models import AuditsModel as AU
    from mqp_desktop.ui.quality_models import InspectionsModel as IN

    gov = lambda w: w.governance.page  # noqa: E731
    return {
        "meetings: whether quorate and the chair's decision": (
            MainWindow.PAGE_MEETINGS, None, lambda w: w.meetings.page.table, (MT.COL_QUORATE, MT.COL_DATE,
                                                                                MT.COL_STATUS, MT.COL_REGISTER)),
        "attendance: the counts' headings": (
            MainWindow.PAGE_ATTENDANCE, None, lambda w: w.attendance_page.member_table,
            (MA.COL_NAME, MA.COL_AGENCY, MA.COL_EXPECTED, MA.COL_PRESENT, MA.COL_DEPUTY, MA.COL_APOLOGIES,
             MA.COL_ABSENT, MA.COL_NOT_RECORDED)),
        "challenges: to whom": (
            MainWindow.PAGE_CHALLENGES, None, lambda w: w.challenges.page.table,
            (CL.COL_REFERENCE, CL.COL_STATUS, CL.COL_DUE, CL.COL_TO)),
        "change history: what changed": (
            MainWindow.PAGE_HISTORY, None, lambda w: w.history_page.table, (HT.COL_WHEN, HT.COL_WHAT)),
        "audits: the lead and when": (
            MainWindow.PAGE_QUALITY, None, lambda w: w.quality.page.audits_table,
            (AU.COL_STATUS, AU.COL_LEAD, AU.COL_WHEN, AU.COL_CASES)),
        "inspections: the agency and the inspectorate": (
            MainWindow.PAGE_QUALITY, lambda w: w.quality.page.tabs.setCurrentIndex(1),
            lambda w: w.quality.page.inspections_table, (IN.COL_AGENCY, IN.COL_INSPECTORATE, IN.COL_PUBLISHED)),
        "partnership bodies: name, kind and chair": (
            MainWindow.PAGE_PARTNERSHIP, lambda w: w.partnership.page.tabs.setCurrentWidget(w.partnership.page.bodies),
            lambda w: w.partnership.page.bodies.table, (0, 1, 2, 3)),
        "case reviews: kind and dates": (
            MainWindow.PAGE_GOVERNANCE, None, lambda w: gov(w).reviews.table, (0, 1, 2, 3, 4, 5)),
        "training: the dates and counts": (
            MainWindow.PAGE_GOVERNANCE, lambda w: gov(w).tabs.setCurrentWidget(gov(w).training),
            lambda w: gov(w).training.table, (2, 3, 4)),
        "documents: kind, version, outcome and dates": (
            MainWindow.PAGE_GOVERNANCE, lambda w: gov(w).tabs.setCurrentWidget(gov(w).documents),
            lambda w: gov(w).documents.table, (1, 2, 3, 4, 5, 6, 7)),
        "decisions: the priority": (
            MainWindow.PAGE_GOVERNANCE, lambda w: gov(w).tabs.setCurrentWidget(gov(w).decisions),
            lambda w: gov(w).decisions.table, (0, 3)),
        "agencies: the counts' heading": (
            MainWindow.PAGE_AGENCIES, None, lambda w: w.agencies_page.table, (1, 2, 4, 5)),
    }


CASES = _cases()


@pytest.mark.parametrize("case", list(CASES))
def test_names_dates_statuses_and_references_are_not_cut(qtbot, window, case):
    page, tab, table_of, columns = CASES[case]
    shown(qtbot, window, page, tab and (lambda: tab(window)))
    table = table_of(window)
    assert table.isVisible() and table.model().rowCount() > 0, case
    for column in columns:
        title = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert cut_cells(table, column) == [], (case, title)
        assert not heading_cut(table, column), (case, title)


@pytest.mark.qt_log_ignore("does not support raise")  # the tooltip window, on the offscreen platform
def test_the_shared_table_gives_way_with_free_text_only_and_shows_a_cut_cell_whole(qtbot):
    """The helper every page's register table uses: a name as wide as it needs though the page asked for
    less; the long free text narrowed to fit, and its whole text shown when pointed at (no model tooltip)."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from mqp_desktop.ui.pages.common import RegisterTable

    table = RegisterTable()
    qtbot.addWidget(table)
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Name", "Notes", "Due"])
    table.setModel(model)
    table.set_column_widths((60, 200, 60), {1: 80})
    table.resize(420, 200)
    table.show()
    qtbot.waitExposed(table)
    long_note = "A long note about the subcommittee's work that no laptop shows on one line " * 2
    model.beginResetModel()
    model.appendRow([QStandardItem("Dr Bernadette Quinn-Okonkwo"), QStandardItem(long_note),
                     QStandardItem("12 Jan 2027")])
    model.endResetModel()
    assert cut_cells(table, 0) == [] and cut_cells(table, 2) == []
    assert cut_cells(table, 1) == [long_note]
    assert table.columnViewportPosition(2) + table.columnWidth(2) <= table.viewport().width() + 1
    index = model.index(0, 1)
    rect = table.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(table.viewport(), event)
    assert QToolTip.text() == long_note
    QToolTip.hideText()


def test_a_column_widened_by_hand_keeps_its_width_when_the_data_is_set_again(qtbot, window):
    from mqp_desktop.ui.meetings_models import MeetingsTableModel as MT

    shown(qtbot, window, window.PAGE_MEETINGS)
    table = window.meetings.page.table
    wide = table.columnWidth(MT.COL_TIME) + 77
    table.horizontalHeader().resizeSection(MT.COL_TIME, wide)  # as a drag of the column's edge does
    window.meetings.refresh()
    assert table.columnWidth(MT.COL_TIME) == wide
    assert cut_cells(table, MT.COL_QUORATE) == [] or not table.fit.active


def test_the_minutes_attendance_is_read_whole_at_1366x768(qtbot, window):
    """The minutes' attendance box was 118 pixels high at most: at 1366x768 its names were cut off below."""
    store = window.store
    window.show_page(window.PAGE_MEETINGS)
    held = next(m for m in reversed(store.meetings.list()) if store.minutes.revision(m.id) is not None)
    window.meetings.page.select_meeting(held.id)
    window.meetings.minutes.open_action.trigger()
    view = window.meetings.page.minutes_view
    qtbot.waitUntil(lambda: view.attendance.isVisible())
    box = view.attendance
    if window.width() < 1366:  # at 150% the window is short: the box scrolls, and overlaps nothing below it
        below = view.chair_edit.mapTo(view, view.chair_edit.rect().topLeft()).y()
        assert box.mapTo(view, box.rect().bottomLeft()).y() < below
        assert box.height() >= box.LEAST
        return
    assert box.verticalScrollBar().maximum() == 0  # nothing to scroll to: every line is in the box
    names = [p.name for p in view.minutes.attendance.present] + [p.name for p in view.minutes.attendance.apologies]
    text = box.toPlainText()
    assert names and all(name in text for name in names)
    assert box.document().size().height() <= box.viewport().height()


def test_the_meetings_list_needs_no_sideways_scrolling_at_1366(qtbot, laptop):
    """At 1366x768 every column of the list of meetings is in view (the venue and the mostly empty 'replaces'
    column give way, whole in their tooltips), so the Quorate column's longest wording is read whole."""
    w = laptop
    w.show_page(w.PAGE_MEETINGS)
    qtbot.wait(1)
    table = w.meetings.page.table
    assert table.horizontalScrollBar().maximum() == 0


def test_the_values_grid_gives_indicator_titles_the_room_it_has(qtbot, laptop):
    """Enter values at 1366x768: the indicator column widens into the grid's spare room (titles were cut at
    280 pixels with a sixth of the grid empty beside them); a width the officer drags is kept."""
    w = laptop
    w.show_page(w.PAGE_SCORECARD)
    page = w.scorecard.page
    page.tabs.setCurrentIndex(1)
    qtbot.wait(1)
    grid = page.values.grid
    header = grid.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(1, header.count()))
    spare = grid.viewport().width() - others - header.sectionSize(0)
    wanted = grid.sizeHintForColumn(0)
    assert header.sectionSize(0) >= wanted or spare <= 4, "titles cut while the grid has room to spare"
    header.resizeSection(0, 300)  # the officer's own width
    grid.fit_title()
    assert header.sectionSize(0) == 300


def test_the_registers_agency_and_member_columns_hold_their_longest_names(qtbot, laptop):
    """The meeting register's larger font: "LA Children's Services" was cut by a few pixels at 1366x768."""
    w = laptop
    w.show_page(w.PAGE_MEETINGS)
    held = [m for m in w.store.meetings.list() if m.status.value == "held"][-1]
    w.meetings.page.select_meeting(held.id)
    w.meetings.take_register_action.trigger()
    qtbot.wait(1)
    from mqp_desktop.ui.pages.register_view import RegisterTableModel

    table = w.meetings.page.register_view.table
    for column in (RegisterTableModel.COL_AGENCY, RegisterTableModel.COL_MEMBER):
        # the view's own measure of its widest cell (the statutory shield included)
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), f"column {column} cuts its names"


def test_the_scorecards_figures_are_not_cut(qtbot, laptop):
    """The scorecard's value, target and comparator columns hold their widest figure ("305 days" was cut)."""
    w = laptop
    w.show_page(w.PAGE_SCORECARD)
    qtbot.wait(1)
    tree = w.scorecard.page.tree
    for column in tree.FIGURES:
        assert tree.columnWidth(column) >= min(tree.sizeHintForColumn(column), COLUMN_WIDTHS[column] + 60), column


@pytest.mark.parametrize("area", ["PAGE_MEMBERSHIP", "PAGE_ATTENDANCE", "PAGE_SCORECARD"])
def test_pages_that_scroll_on_a_short_screen_do_not_at_1366x768(qtbot, demo_db, tmp_path, area):
    """The register, attendance and scorecard pages scroll as a whole only when the screen is too short for
    them (150%): at 1366x768 - the window at its default nine-tenths of the screen, with the demonstration's
    and the overdue banners - they fit, their wrapped lines given their least height, not their preferred."""
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "s.ini"), demo=True)
    qtbot.addWidget(w)
    w.resize(int(1366 * 0.9), int(768 * 0.9))
    w.show()
    qtbot.waitExposed(w)
    try:
        assert w.due.banner.isVisible() and w.demo_banner.isVisible()
        w.show_page(getattr(w, area))
        qtbot.wait(1)
        page = w.pages.currentWidget()
        assert page.scroll.verticalScrollBar().maximum() == 0
    finally:
        w.store.close()

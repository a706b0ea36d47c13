"""The attendance report page, through the real main window on the demo database.

The demo holds a year of meetings (one cancelled, one extraordinary) with
registers, and members below the 80% standard. Exports and letters run on the
page's worker thread: each test waits for the page's ``job_finished`` signal
(with a timeout, so nothing can hang), then reads the files back.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QStandardItemModel

from mqp_desktop.domain.attendance_report import AgencyAttendance, AttendanceReport, MemberAttendance, default_period
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.attendance_models import (
    BELOW_STANDARD_ROLE,
    AgencyAttendanceModel,
    AttendanceFilterProxy,
    MemberAttendanceModel,
    format_rate,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE
from mqp_desktop.ui.pages.attendance_report_page import (
    AttendanceReportPage,
    deputy_setting_text,
    municipal_year,
    quick_periods,
)
from mqp_desktop.ui.settings import Settings
from mqp_desktop.ui.widgets.rate_chart import ChartPoint, RateChart

JOB_TIMEOUT_MS = 60_000  # a ceiling so that nothing can hang, not a speed requirement


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error",
                        lambda parent, exc, title="": shown.append((title, errors.problem_and_remedy(exc)[0])))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.attendance_page.wait_for_job()
    if w.store is not None:
        w.store.close()


@pytest.fixture
def page(window) -> AttendanceReportPage:
    window.show_page(window.PAGE_ATTENDANCE)
    assert window.pages.currentWidget() is window.attendance_page
    return window.attendance_page


def expected_report(window: MainWindow) -> AttendanceReport:
    return window.store.meetings.report(*default_period(dt.date.today()))


def shown_ids(proxy) -> list[int]:
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def below_names(report: AttendanceReport) -> list[str]:
    return [m.member.name for m in report.members_below_standard]


# --- the models ---------------------------------------------------------------------------
def test_member_model_passes_the_model_tester(qtmodeltester, demo_store):
    report = demo_store.meetings.report(*default_period(dt.date.today()))
    model = MemberAttendanceModel()
    model.set_rows(report.members, report.standard, report.deputy_counts_for_member)
    assert model.rowCount() == len(report.members) > 0
    qtmodeltester.check(model, force_py=True)


def test_agency_model_passes_the_model_tester(qtmodeltester, demo_store):
    report = demo_store.meetings.report(*default_period(dt.date.today()))
    model = AgencyAttendanceModel()
    model.set_rows(report.agencies, report.standard)
    assert model.rowCount() == len(report.agencies) > 0
    qtmodeltester.check(model, force_py=True)


def _member_row(member_id: int, expected: int, present: int, rate: float | None, below: bool) -> MemberAttendance:
    agency = Agency(name="Agency", id=1)
    member = Member(role_title="Post", agency_id=1, name=f"Member {member_id}", id=member_id)
    return MemberAttendance(member, agency, expected=expected, present=present, rate=rate, below_standard=below)


def test_numbers_sort_as_numbers_and_no_rate_sorts_lowest(qapp):
    model = MemberAttendanceModel()
    model.set_rows(
        [_member_row(1, 10, 10, 100.0, False), _member_row(2, 9, 5, 55.5, True),
         _member_row(3, 0, 0, None, False), _member_row(4, 12, 11, 91.7, False)],
        80,
    )
    proxy = AttendanceFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(MemberAttendanceModel.COL_EXPECTED, Qt.SortOrder.AscendingOrder)
    assert shown_ids(proxy) == [3, 2, 1, 4], "0 < 9 < 10 < 12, not '0' < '10' < '12' < '9'"
    proxy.sort(MemberAttendanceModel.COL_RATE, Qt.SortOrder.AscendingOrder)
    assert shown_ids(proxy) == [3, 2, 4, 1], "no rate, 55.5%, 91.7%, 100% ('100%' would sort first as text)"


def test_below_standard_rows_are_marked_by_more_than_colour(qapp):
    model = MemberAttendanceModel()
    model.set_rows([_member_row(1, 10, 5, 50.0, True), _member_row(2, 10, 9, 90.0, False),
                    _member_row(3, 0, 0, None, False)], 80)
    col = MemberAttendanceModel.COL_STANDARD
    below, meets, none = (model.index(r, col) for r in range(3))
    assert below.data() == "Below" and below.data(BELOW_STANDARD_ROLE) is True
    assert not below.data(Qt.ItemDataRole.DecorationRole).isNull(), "an icon, not colour alone"
    assert below.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "below the standard of 80%" in below.data(Qt.ItemDataRole.ToolTipRole)
    assert meets.data() == "Meets" and meets.data(Qt.ItemDataRole.DecorationRole) is None
    assert meets.data(Qt.ItemDataRole.BackgroundRole) is None
    assert none.data() == "No meetings" and none.data(BELOW_STANDARD_ROLE) is False
    assert model.index(0, MemberAttendanceModel.COL_RATE).data() == "50%"
    assert model.index(2, MemberAttendanceModel.COL_RATE).data() == "—"


def test_rates_are_never_rounded_up_to_the_standard():
    assert format_rate(79.6) == "79.6%"
    assert format_rate(200 / 3) == "66.7%"
    assert format_rate(100.0) == "100%"
    assert format_rate(None) == "—"


def test_agency_model_columns(qapp):
    a = Agency(name="Metropolitan Police", statutory=True, id=3)
    model = AgencyAttendanceModel()
    model.set_rows([AgencyAttendance(a, expected=6, attended=5, by_deputy_only=2, rate=500 / 6, below_standard=False)],
                   80)
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["Metropolitan Police", "6", "5", "2", "83.3%", "Meets"]
    assert model.index(0, 0).data(RECORD_ROLE).agency is a


def test_filter_proxy_below_only_and_words(qapp):
    model = MemberAttendanceModel()
    model.set_rows([_member_row(1, 10, 5, 50.0, True), _member_row(2, 10, 9, 90.0, False)], 80)
    proxy = AttendanceFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 2
    proxy.set_below_only(True)
    assert shown_ids(proxy) == [1]
    proxy.set_below_only(False)
    proxy.set_text("member 2")
    assert shown_ids(proxy) == [2]


# --- periods ------------------------------------------------------------------------------
def test_quick_periods():
    today = dt.date(2026, 2, 14)
    choices = dict(quick_periods(today))
    assert choices["Last 12 months"] == (dt.date(2025, 2, 15), today)
    assert choices["This municipal year (2025–26)"] == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert choices["Last municipal year (2024–25)"] == (dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    assert choices["Last calendar year (2025)"] == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert municipal_year(dt.date(2026, 4, 1)) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def test_deputy_setting_in_words():
    assert "does not count towards their own rate" in deputy_setting_text(False)
    assert "towards the member's own rate" in deputy_setting_text(True)


# --- the page in the window ---------------------------------------------------------------
def test_attendance_is_in_the_navigation_with_a_shortcut(window):
    names = [window.nav.item(i).text().split(" (")[0] for i in range(window.nav.count())]
    assert "Attendance" in names
    action = window.page_actions[window.PAGE_ATTENDANCE]
    assert action.shortcut().toString() == f"Ctrl+{window.PAGE_ATTENDANCE + 1}"
    action.trigger()
    assert window.pages.currentWidget() is window.attendance_page
    assert window.nav.currentItem().text() == "Attendance"


def test_page_lists_the_members_below_the_standard(window, page):
    report = expected_report(window)
    assert report.members_below_standard, "the demo database has members below 80%"
    assert page.period() == default_period(dt.date.today())
    assert page.report is not None and page.report.standard == 80
    assert page.member_model.rowCount() == len(report.members)
    page.below_only.setChecked(True)
    assert sorted(shown_ids(page.member_proxy)) == sorted(m.member.id for m in report.members_below_standard)
    assert sorted(shown_ids(page.agency_proxy)) == sorted(a.agency.id for a in report.agencies_below_standard)
    for row in range(page.member_proxy.rowCount()):
        index = page.member_proxy.index(row, MemberAttendanceModel.COL_STANDARD)
        assert index.data() == "Below"
        expected = next(m for m in report.members if m.member.id == index.data(ID_ROLE))
        assert page.member_proxy.index(row, MemberAttendanceModel.COL_RATE).data() == format_rate(expected.rate)
    assert f"{len(report.members_below_standard)} of {len(report.members)} members" in page.summary_label.text()
    assert "80%" in page.rules_label.text()
    assert "does not count towards their own rate" in page.rules_label.text()
    page.below_only.setChecked(False)
    assert page.member_proxy.rowCount() == len(report.members)


def test_lowest_rates_come_first_and_sorting_is_numeric(page):
    rates = [page.member_proxy.index(r, 0).data(RECORD_ROLE).rate for r in range(page.member_proxy.rowCount())]
    assert rates == sorted(rates)
    page.member_table.sortByColumn(MemberAttendanceModel.COL_RATE, Qt.SortOrder.DescendingOrder)
    rates = [page.member_proxy.index(r, 0).data(RECORD_ROLE).rate for r in range(page.member_proxy.rowCount())]
    assert rates == sorted(rates, reverse=True) and rates[0] == 100.0


def test_changing_the_period_changes_the_numbers(window, page):
    before = page.report
    first = before.meetings[0].date
    # only the first two meetings of the year
    page.set_period(first, before.meetings[1].date)
    after = page.report
    assert len(after.meetings) == 2 < len(before.meetings)
    assert after == window.store.meetings.report(first, before.meetings[1].date)
    assert {m.expected for m in after.members} == {2}
    assert page.chart.points()[-1].date == before.meetings[1].date
    assert page.quick_combo.currentText() == "Custom period"
    # typing a date in the "From" box recomputes too
    page.from_edit.setDate(page.from_edit.date().addDays(1))
    assert len(page.report.meetings) == 1
    # a quick choice
    index = next(i for i in range(page.quick_combo.count()) if page.quick_combo.itemText(i).startswith("Last cal"))
    page.quick_combo.activated.emit(index)
    year = dt.date.today().year - 1
    assert page.period() == (dt.date(year, 1, 1), dt.date(year, 12, 31))
    assert page.report.start == dt.date(year, 1, 1)


def test_a_period_that_ends_before_it_starts_is_explained(page):
    page.set_period(dt.date(2026, 5, 1), dt.date(2026, 4, 1))
    assert page.report is None
    assert page.member_model.rowCount() == 0 and page.chart.points() == []
    assert "after it ends" in page.summary_label.text()
    assert not page.export_action.isEnabled() and not page.letters_action.isEnabled()


def test_a_period_without_meetings(page):
    page.set_period(dt.date(2001, 1, 1), dt.date(2001, 12, 31))
    assert page.report is not None and page.report.meetings == []
    assert page.member_model.rowCount() == 0
    assert "no meetings held" in page.summary_label.text()
    assert not page.letters_action.isEnabled()


def test_text_filter_and_below_only_filter_the_tables(page):
    name = page.report.members_below_standard[0].member.name
    page.filter_edit.setText(name.split()[-1])
    assert name in [page.member_proxy.index(r, 0).data() for r in range(page.member_proxy.rowCount())]
    assert page.member_proxy.rowCount() < page.member_model.rowCount()
    assert "shown" in page.tabs.tabText(0)
    page.filter_edit.clear()
    page.below_only.setChecked(True)
    assert page.member_proxy.rowCount() == len(page.report.members_below_standard)
    assert all(page.member_proxy.index(r, 0).data(BELOW_STANDARD_ROLE) for r in range(page.member_proxy.rowCount()))


def test_the_chart_has_a_point_per_counted_meeting_and_the_standard(window, page):
    report = expected_report(window)
    points = page.chart.points()
    assert len(points) == len(report.meetings) == len(report.per_meeting)
    assert [p.date for p in points] == [m.date for m in report.meetings]
    assert [p.rate for p in points] == [m.rate for m in report.per_meeting]
    assert page.chart.standard() == 80
    assert page.chart.standard_label() == "Standard 80%"
    assert any(p.rate < 80 for p in points), "the demo's extraordinary meeting was poorly attended"
    cancelled = [m for m in window.store.meetings.list() if m.status.value == "cancelled"]
    assert cancelled and not {m.date for m in cancelled} & {p.date for p in points}
    assert "members attended" in points[0].tooltip


def test_the_page_follows_the_store_when_the_window_refreshes(window, page):
    below_before = below_names(page.report)
    subcommittee = window.store.subcommittee()
    subcommittee.attendance_standard = 60
    subcommittee.deputy_counts_for_member = True
    window.store.update_subcommittee(subcommittee)
    window.refresh()
    assert page.report.standard == 60 and page.chart.standard() == 60
    assert below_names(page.report) == below_names(expected_report(window))
    assert len(below_names(page.report)) < len(below_before)
    assert "60%" in page.rules_label.text() and "towards the member's own rate" in page.rules_label.text()


def test_the_report_is_computed_only_when_the_page_is_shown(window):
    page = window.attendance_page
    assert window.pages.currentWidget() is not page
    assert page.report is None
    window.show_page(window.PAGE_ATTENDANCE)
    assert page.report is not None


# --- exports and letters ------------------------------------------------------------------
def _run(qtbot, page, action) -> object:
    """Trigger ``action``, wait for the worker to end (finished or failed), return what it wrote."""
    finished: list[object] = []
    page.job_finished.connect(finished.append)
    action.trigger()
    assert page._job is not None, "the work runs on the page's worker"
    assert page.progress.isVisible() and not page.export_action.isEnabled()
    assert page.wait_for_job(JOB_TIMEOUT_MS), "the worker did not end"
    # deliver the worker's queued report to the page only (not every pending event: windows of
    # earlier tests are still waiting to be deleted)
    QCoreApplication.sendPostedEvents(page, 0)
    assert page._job is None and not page.progress.isVisible()
    assert finished, f"the job failed: {page.job_label.text()}"
    return finished[0]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".pdf"])
def test_export_through_the_page(qtbot, window, page, tmp_path, monkeypatch, suffix):
    target = tmp_path / f"attendance{suffix}"
    monkeypatch.setattr(page, "choose_export_file", lambda: target)
    result = _run(qtbot, page, page.export_action)
    assert Path(result) == target and target.is_file()
    if suffix == ".csv":
        with target.open(newline="", encoding="utf-8-sig") as f:
            text = "\n".join(",".join(row) for row in csv.reader(f))
    elif suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(target, read_only=True)
        text = "\n".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row)
        book.close()
    else:
        from pypdf import PdfReader

        text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    for name in below_names(page.report):
        assert name in text
    assert str(target) in window.statusBar().currentMessage()
    assert page.export_action.isEnabled()


def test_letters_through_the_page(qtbot, window, page, tmp_path, monkeypatch):
    import docx

    folder = tmp_path / "letters"
    folder.mkdir()
    monkeypatch.setattr(page, "choose_letters_folder", lambda: folder)
    paths = _run(qtbot, page, page.letters_action)
    names = below_names(page.report)
    assert len(paths) == len(names) and all(Path(p).parent == folder and Path(p).suffix == ".docx" for p in paths)
    texts = ["\n".join(p.text for p in docx.Document(path).paragraphs) for path in paths]
    for name in names:
        assert sum(name in t for t in texts) == 1, f"one letter to {name}"
    assert "letters written" in page.job_label.text()


def test_cancelling_the_chooser_writes_nothing(window, page, monkeypatch):
    monkeypatch.setattr(page, "choose_export_file", lambda: None)
    monkeypatch.setattr(page, "choose_letters_folder", lambda: None)
    page.export_action.trigger()
    page.letters_action.trigger()
    assert page._job is None and page.last_output is None


def test_a_failed_export_is_reported_and_the_page_recovers(qtbot, window, page, tmp_path, monkeypatch, shown_errors):
    import mqp_desktop.exporters.attendance_export as exporter

    def fail(report, subcommittee, path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(exporter, "export_attendance_report", fail)
    monkeypatch.setattr(page, "choose_export_file", lambda: tmp_path / "locked.xlsx")
    failed: list[object] = []
    page.job_failed.connect(failed.append)
    page.export_action.trigger()
    assert page.wait_for_job(JOB_TIMEOUT_MS)
    QCoreApplication.sendPostedEvents(page, 0)
    assert len(failed) == 1 and isinstance(failed[0], PermissionError)
    assert shown_errors and shown_errors[0][0] == "Export attendance report"
    assert "could not be written" in shown_errors[0][1]
    assert "nothing was written" in page.job_label.text()
    assert page.export_action.isEnabled()


def test_no_letters_when_no_one_is_below_the_standard(window, page, monkeypatch):
    subcommittee = window.store.subcommittee()
    subcommittee.attendance_standard = 0
    window.store.update_subcommittee(subcommittee)
    window.refresh()
    assert page.report.members_below_standard == []
    assert not page.letters_action.isEnabled()
    monkeypatch.setattr(page, "choose_letters_folder", lambda: pytest.fail("no folder should be asked for"))
    page.write_letters()
    assert page.active_message is not None and "no letters to write" in page.active_message.text()
    page.active_message.close()


def test_menu_actions_open_the_page_first(qtbot, window, tmp_path, monkeypatch):
    page = window.attendance_page
    assert window.pages.currentWidget() is not page
    target = tmp_path / "from-the-menu.csv"
    monkeypatch.setattr(page, "choose_export_file", lambda: target)
    assert page.export_action.isEnabled()
    _run(qtbot, page, page.export_action)
    assert window.pages.currentWidget() is page
    assert target.is_file()


# --- the chart widget ---------------------------------------------------------------------
def test_rate_chart_data_api(qtbot):
    chart = RateChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    points = [ChartPoint(dt.date(2026, 3, 1), 90.0, "March"), ChartPoint(dt.date(2026, 1, 1), 70.0),
              ChartPoint(dt.date(2026, 5, 1), None)]
    chart.set_data(points, 75)
    assert [p.date.month for p in chart.points()] == [1, 3, 5], "in date order"
    assert chart.standard() == 75 and chart.standard_label() == "Standard 75%"
    assert chart.accessibleDescription() == "3 meetings; 1 below the standard of 75%."
    plot_mid_y = chart.height() // 2
    first, last = chart.point_at(QPoint(60, plot_mid_y)), chart.point_at(QPoint(chart.width() - 80, plot_mid_y))
    assert (first, last) == (0, 2)
    assert chart.point_at(QPoint(2, plot_mid_y)) is None, "the y-axis labels are not a meeting"
    assert chart.tooltip_for(1) == "March"
    assert "register not taken" in chart.tooltip_for(2)
    for size in ((240, 120), (900, 300)):  # paints at any size without error
        chart.resize(*size)
        assert not chart.grab().isNull()
    chart.set_data([], 80)
    assert chart.points() == [] and chart.point_at(QPoint(100, 100)) is None
    assert not chart.grab().isNull()


def test_below_only_hides_rows_that_do_not_say_they_are_below(qapp):
    # a source model that does not answer BELOW_STANDARD_ROLE: shown in full, hidden by "below only"
    source = QStandardItemModel(2, 1)
    proxy = AttendanceFilterProxy()
    proxy.setSourceModel(source)
    assert proxy.rowCount() == 2
    proxy.set_below_only(True)
    assert proxy.rowCount() == 0


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform, showing a tooltip
def test_rate_chart_tooltip_names_the_meeting_under_the_mouse(qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    chart = RateChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.show()
    chart.set_data([ChartPoint(dt.date(2026, 1, 13), 70.0, "January's meeting"),
                    ChartPoint(dt.date(2026, 3, 10), 90.0, "March's meeting")], 80)
    pos = QPoint(chart.width() - 90, chart.height() // 2)
    assert chart.point_at(pos) == 1
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos)))
    assert QToolTip.text() == "March's meeting"
    QToolTip.hideText()


def test_the_reports_menu_exports_before_the_attendance_page_is_made(qtbot, window, tmp_path, monkeypatch):
    """The page is made when first needed (issue 14): Reports › Export attendance report… makes and shows it,
    then runs its export; from then on the menu entry follows the page's own (off while an export runs)."""
    from mqp_desktop.ui.pages.attendance_report_page import AttendanceReportPage

    assert not window.page_is_made(window.PAGE_ATTENDANCE)
    target = tmp_path / "attendance.csv"
    monkeypatch.setattr(AttendanceReportPage, "choose_export_file", lambda self: target)
    window.attendance_export_action.trigger()
    page = window.attendance_page
    assert window.pages.currentWidget() is page and page.report is not None
    assert page._job is not None and not window.attendance_export_action.isEnabled()
    assert page.wait_for_job(JOB_TIMEOUT_MS)
    QCoreApplication.sendPostedEvents(page, 0)
    assert target.is_file() and window.attendance_export_action.isEnabled()

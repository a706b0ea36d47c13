"""The attendance report (ToR 5): rates per member and per agency against the standard.

A period (default: the last 12 months; quick choices for the municipal year
and the last calendar year), the subcommittee's standard and deputy setting in
words, a small chart of the rate at each meeting with the standard drawn as a
line, and two tables — members and agencies — in which rows below the standard
are marked (icon, the word "Below", a tint) and can be shown alone.

The report is computed here, on the main thread: it is a few milliseconds even
over twenty years. Exports and letters are written by the exporters on a
worker thread (:class:`QThreadPool`); the worker gets the report and plain
records, never a widget, and reports back through queued signals. The file and
folder choosers are methods (:meth:`choose_export_file`,
:meth:`choose_letters_folder`) that tests replace.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, QRunnable, Qt, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.attendance_report import AttendanceReport, default_period
from mqp_desktop.domain.model import Member, Subcommittee
from mqp_desktop.store import Store, StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.attendance_models import (
    AgencyAttendanceModel,
    AttendanceFilterProxy,
    MemberAttendanceModel,
    format_rate,
)
from mqp_desktop.ui.models import ID_ROLE, format_date, icon
from mqp_desktop.ui.pages.common import RegisterTable, action_bar, filter_box, scrolling_body
from mqp_desktop.ui.widgets.rate_chart import ChartPoint, RateChart

EXPORT_FILTERS = {
    "Excel workbook (*.xlsx)": ".xlsx",
    "PDF document (*.pdf)": ".pdf",
    "CSV, comma-separated (*.csv)": ".csv",
}
MEMBER_WIDTHS = (150, 220, 150, 72, 64, 76, 78, 60, 96, 64, 100)
AGENCY_WIDTHS = (400, 80, 80, 170, 70, 100)


# ==========================================================================================
# periods
# ==========================================================================================
def municipal_year(today: dt.date, years_back: int = 0) -> tuple[dt.date, dt.date]:
    """1 April to 31 March: the local authority's financial (municipal) year holding ``today``."""
    first = today.year if today.month >= 4 else today.year - 1
    first -= years_back
    return dt.date(first, 4, 1), dt.date(first + 1, 3, 31)


def last_calendar_year(today: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)


def quick_periods(today: dt.date) -> list[tuple[str, tuple[dt.date, dt.date]]]:
    """The quick choices, labelled with their dates."""
    this_my = municipal_year(today)
    last_my = municipal_year(today, 1)
    last_cal = last_calendar_year(today)
    return [
        ("Last 12 months", default_period(today)),
        (f"This municipal year ({this_my[0].year}–{str(this_my[1].year)[-2:]})", this_my),
        (f"Last municipal year ({last_my[0].year}–{str(last_my[1].year)[-2:]})", last_my),
        (f"Last calendar year ({last_cal[0].year})", last_cal),
    ]


def deputy_setting_text(deputy_counts_for_member: bool) -> str:
    if deputy_counts_for_member:
        return "A deputy's attendance counts for the agency and towards the member's own rate."
    return (
        "A deputy's attendance counts for the agency; for the member it is shown separately "
        "(By deputy) and does not count towards their own rate."
    )


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


# ==========================================================================================
# background work
# ==========================================================================================
class _JobSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    """Runs ``work`` (plain data in, files out) on a pool thread; reports through queued signals."""

    def __init__(self, work: Callable[[], Any]):
        super().__init__()
        self.work = work
        self.signals = _JobSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread to report or re-raise
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


# ==========================================================================================
# the page
# ==========================================================================================
class AttendanceReportPage(QWidget):
    """Attendance rates for a chosen period, per member and per agency, against the standard."""

    title = "Attendance"
    MIN_TABLES_HEIGHT = 240  # the tables' filter, tabs and a few rows, on any screen (else the page scrolls)

    report_changed = Signal()
    show_requested = Signal()  # an action of this page was triggered from a menu elsewhere
    job_finished = Signal(object)  # what the exporter returned: a Path, or a list of Paths
    job_failed = Signal(object)  # the exception (already shown to the user when expected)
    letters_recorded = Signal(int)  # how many letters were recorded for follow-up (ToR 5)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._store: Store | None = None
        self._subcommittee: Subcommittee | None = None
        self._stale = False
        self._updating_period = False
        self._today = dt.date.today()
        self.report: AttendanceReport | None = None
        self.active_message: QMessageBox | None = None
        self.last_output: Path | list[Path] | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one export at a time
        self._job: _Job | None = None
        self._job_text = ""

        self.member_model = MemberAttendanceModel(self)
        self.member_proxy = AttendanceFilterProxy(self)
        self.member_proxy.setSourceModel(self.member_model)
        self.agency_model = AgencyAttendanceModel(self)
        self.agency_proxy = AttendanceFilterProxy(self)
        self.agency_proxy.setSourceModel(self.agency_model)

        self._build_actions()
        self._build_ui()

    # --- building --------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.export_action = QAction(icon("export"), "&Export attendance report…", self)
        self.export_action.setIconText("Export…")
        self.export_action.setToolTip("Save this report as an Excel workbook, a PDF or a CSV file")
        self.export_action.setStatusTip(self.export_action.toolTip())
        self.export_action.triggered.connect(lambda _c=False: self.export_report())
        self.letters_action = QAction(icon("letter"), "&Letters to members below the standard…", self)
        self.letters_action.setIconText("Letters…")
        self.letters_action.setToolTip(
            "Write one Word letter to each member below the standard, asking them to attend or to "
            "locate a permanent substitute (ToR 5)"
        )
        self.letters_action.setStatusTip(self.letters_action.toolTip())
        self.letters_action.triggered.connect(lambda _c=False: self.write_letters())

    def _build_ui(self) -> None:
        self.scroll, layout = scrolling_body(self, "attendanceScroll")
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)

        intro = QLabel(
            "How often each member and each agency attended the meetings held in a period, against the "
            "subcommittee's attendance standard (ToR 5). Cancelled meetings are not counted, and a member "
            "is only expected at meetings held while they were a member."
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        layout.addWidget(intro)

        # the period, and the actions
        period = QHBoxLayout()
        period.setSpacing(6)
        # no mnemonics on these labels: Alt+F and Alt+T belong to the File and Meetings menus
        caption = QLabel("From")
        self.from_edit = QDateEdit()
        self.from_edit.setObjectName("periodFrom")
        caption.setBuddy(self.from_edit)
        to_caption = QLabel("to")
        self.to_edit = QDateEdit()
        self.to_edit.setObjectName("periodTo")
        to_caption.setBuddy(self.to_edit)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setMinimumDate(QDate(1990, 1, 1))
            edit.setMaximumDate(QDate(2100, 12, 31))
            edit.dateChanged.connect(self._dates_edited)
        self.from_edit.setToolTip("The first day of the period (included)")
        self.to_edit.setToolTip("The last day of the period (included)")
        self.quick_combo = QComboBox()
        self.quick_combo.setObjectName("quickPeriod")
        self.quick_combo.setToolTip("Choose a usual period")
        self.quick_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.quick_combo.setMinimumContentsLength(16)
        self.quick_combo.activated.connect(self._quick_chosen)
        period.addWidget(caption)
        period.addWidget(self.from_edit)
        period.addWidget(to_caption)
        period.addWidget(self.to_edit)
        period.addSpacing(6)
        period.addWidget(self.quick_combo)
        period.addStretch(1)
        self.toolbar = action_bar([self.export_action, self.letters_action])
        period.addWidget(self.toolbar)
        layout.addLayout(period)

        # the rules in force, and the summary
        self.rules_label = QLabel()
        self.rules_label.setObjectName("attendanceRules")
        self.rules_label.setWordWrap(True)
        self.rules_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("attendanceSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        rules = QFrame()
        rules.setObjectName("subcommitteeHeader")
        rules.setFrameShape(QFrame.Shape.StyledPanel)
        rules_layout = QVBoxLayout(rules)
        rules_layout.setContentsMargins(12, 8, 12, 8)
        rules_layout.setSpacing(4)
        rules_layout.addWidget(self.summary_label)
        rules_layout.addWidget(self.rules_label)
        layout.addWidget(rules)

        # the chart over the tables
        self.chart = RateChart()
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(2)
        chart_caption = QLabel("Attendance at each meeting (members attending in person or by deputy, of those recorded)")
        chart_caption.setObjectName("headerCaption")
        chart_caption.setWordWrap(True)
        chart_layout.addWidget(chart_caption)
        chart_layout.addWidget(self.chart, 1)

        tables = QWidget()
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        tables_layout.setSpacing(6)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.below_only = QCheckBox("Below standard only")
        self.below_only.setObjectName("belowStandardOnly")
        self.below_only.setToolTip("Show only the members and agencies whose rate is below the standard")
        self.below_only.toggled.connect(self._below_only_toggled)
        self.filter_edit = filter_box("Filter by name, post or agency")
        self.filter_edit.textChanged.connect(self.member_proxy.set_text)
        self.filter_edit.textChanged.connect(self.agency_proxy.set_text)
        self.filter_edit.textChanged.connect(lambda _t: self._update_tab_titles())
        bar.addWidget(self.below_only)
        bar.addStretch(1)
        bar.addWidget(self.filter_edit)
        tables_layout.addLayout(bar)

        self.member_table = RegisterTable()
        self.member_table.setObjectName("memberAttendanceTable")
        self.member_table.setModel(self.member_proxy)
        # fixed default widths (no fitting: the table is first shown inside a hidden tab, too narrow
        # to fit to); a narrow window scrolls sideways rather than cutting the names short
        self.member_table.set_column_widths(MEMBER_WIDTHS, {MemberAttendanceModel.COL_POST: 150})
        # lowest rates first: who is below the standard is what the report is for
        self.member_table.sortByColumn(MemberAttendanceModel.COL_RATE, Qt.SortOrder.AscendingOrder)
        self.agency_table = RegisterTable()
        self.agency_table.setObjectName("agencyAttendanceTable")
        self.agency_table.setModel(self.agency_proxy)
        self.agency_table.set_column_widths(AGENCY_WIDTHS)
        self.agency_table.sortByColumn(AgencyAttendanceModel.COL_RATE, Qt.SortOrder.AscendingOrder)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.member_table, "Members")
        self.tabs.addTab(self.agency_table, "Agencies")
        tables_layout.addWidget(self.tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("attendanceSplitter")
        self.splitter.addWidget(chart_box)
        self.splitter.addWidget(tables)
        # the chart may be dragged away on a small screen; the tables may not
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 1)  # both give way when the window is small
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([230, 420])
        tables.setMinimumHeight(self.MIN_TABLES_HEIGHT)
        layout.addWidget(self.splitter, 1)

        # a busy line while an export runs, then where the file went
        status = QHBoxLayout()
        status.setSpacing(8)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the exporters do not report progress
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.setVisible(False)
        self.job_label = QLabel()
        self.job_label.setObjectName("attendanceJob")
        self.job_label.setTextFormat(Qt.TextFormat.RichText)
        self.job_label.setOpenExternalLinks(False)
        self.job_label.linkActivated.connect(lambda link: QDesktopServices.openUrl(QUrl(link)))
        self.job_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        status.addWidget(self.progress)
        status.addWidget(self.job_label, 1)
        layout.addLayout(status)

        self._fill_quick_choices()
        self._set_period(*default_period(self._today))

    # --- the store -------------------------------------------------------------------------
    def set_store(self, store: Store | None, today: dt.date | None = None) -> None:
        """Show reports from ``store``; recomputed now if the page is visible, else when shown."""
        new_database = store is not self._store
        self._store = store
        day = today or dt.date.today()
        if day != self._today or new_database:
            self._today = day
            self._fill_quick_choices()
        if new_database:
            self._set_period(*default_period(self._today))
        self._stale = True
        if self.isVisible():
            self.recompute()
        else:
            self._update_actions()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # --- the period ------------------------------------------------------------------------
    def period(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """Show the report for ``start``..``end`` (both included)."""
        self._set_period(start, end)
        self.recompute()

    def _set_period(self, start: dt.date, end: dt.date) -> None:
        self._updating_period = True
        try:
            self.from_edit.setDate(_qdate(start))
            self.to_edit.setDate(_qdate(end))
        finally:
            self._updating_period = False
        self._sync_quick_choice()

    def _fill_quick_choices(self) -> None:
        self.quick_combo.clear()
        for label, span in quick_periods(self._today):
            self.quick_combo.addItem(label, span)
        self.quick_combo.addItem("Custom period", None)
        self._sync_quick_choice()

    def _sync_quick_choice(self) -> None:
        current = self.period()
        for i in range(self.quick_combo.count()):
            if self.quick_combo.itemData(i) == current:
                self.quick_combo.setCurrentIndex(i)
                return
        self.quick_combo.setCurrentIndex(self.quick_combo.count() - 1)

    def _quick_chosen(self, index: int) -> None:
        span = self.quick_combo.itemData(index)
        if span:
            self.set_period(*span)

    def _dates_edited(self, _date: QDate) -> None:
        if self._updating_period:
            return
        self._sync_quick_choice()
        self.recompute()

    def _below_only_toggled(self, below_only: bool) -> None:
        self.member_proxy.set_below_only(below_only)
        self.agency_proxy.set_below_only(below_only)
        self._update_tab_titles()

    # --- computing and showing -------------------------------------------------------------
    def recompute(self) -> None:
        """Read the report for the chosen period from the store and show it."""
        self._stale = False
        store = self._store
        if store is None:
            return
        start, end = self.period()
        subcommittee = store.subcommittee()
        self._subcommittee = subcommittee
        if start > end:
            self.report = None
            self.member_model.set_rows([], subcommittee.attendance_standard)
            self.agency_model.set_rows([], subcommittee.attendance_standard)
            self.chart.set_data([], subcommittee.attendance_standard, "The period starts after it ends.")
            self.summary_label.setText(
                f"<b>The period starts ({format_date(start)}) after it ends ({format_date(end)}).</b> "
                "Change one of the dates."
            )
            self._show_rules(subcommittee)
            self._update_tab_titles()
            self._update_actions()
            self.report_changed.emit()
            return
        report = store.meetings.report(start, end)
        self.report = report
        self.member_model.set_rows(report.members, report.standard, report.deputy_counts_for_member)
        self.agency_model.set_rows(report.agencies, report.standard)
        self.chart.set_data(self.chart_points(report), report.standard)
        self._show_summary(report, store)
        self._show_rules(subcommittee, report)
        self._update_tab_titles()
        self._update_actions()
        self.report_changed.emit()

    @staticmethod
    def chart_points(report: AttendanceReport) -> list[ChartPoint]:
        points = []
        for row in report.per_meeting:
            m = row.meeting
            kind = "Extraordinary meeting" if m.kind.value == "extraordinary" else "Meeting"
            if row.rate is None:
                detail = "The register was not taken."
            else:
                verdict = "below" if row.rate < report.standard else "at or above"
                detail = (
                    f"{row.attended} of {row.recorded} members attended (in person or by deputy): "
                    f"{format_rate(row.rate)}, {verdict} the standard of {report.standard}%."
                )
            tip = f"{kind}, {m.date:%A} {format_date(m.date)}\n{detail}"
            if m.chair_decision is not None:
                tip += f"\nNot quorate: the chair decided to {m.chair_decision.value}"
                n = len(m.items_waiting)
                tip += f", with {n} agenda item{'s' if n != 1 else ''} waiting for a quorate meeting." if n else "."
            points.append(ChartPoint(date=m.date, rate=row.rate, tooltip=tip))
        return points

    def _show_summary(self, report: AttendanceReport, store: Store) -> None:
        cancelled = sum(
            1 for m in store.meetings.list(start=report.start, end=report.end) if m.status.value == "cancelled"
        )
        n = len(report.meetings)
        counted = f"<b>{n} meeting{'s' if n != 1 else ''}</b> counted from {format_date(report.start)}"
        parts = [f"{counted} to {format_date(report.end)}"]
        if cancelled:
            parts[0] += f" ({cancelled} cancelled, not counted)"
        below_m, below_a = len(report.members_below_standard), len(report.agencies_below_standard)
        if n:
            parts.append(
                f"<b>{below_m} of {len(report.members)} member{'s' if len(report.members) != 1 else ''}</b> "
                f"and <b>{below_a} of {len(report.agencies)} agenc{'ies' if len(report.agencies) != 1 else 'y'}"
                f"</b> below the standard"
            )
            gaps = sum(r.not_recorded for r in report.members)
            if gaps:
                parts.append(f"{gaps} register entr{'ies' if gaps != 1 else 'y'} not recorded (left out of rates)")
        else:
            parts.append("no meetings held in this period, so there is nothing to count")
        self.summary_label.setText(" · ".join(parts))

    def _show_rules(self, subcommittee: Subcommittee, report: AttendanceReport | None = None) -> None:
        standard = report.standard if report else subcommittee.attendance_standard
        deputy = report.deputy_counts_for_member if report else subcommittee.deputy_counts_for_member
        self.rules_label.setText(
            f"Attendance standard: <b>{standard}%</b> &nbsp;·&nbsp; {html.escape(deputy_setting_text(deputy), quote=False)} "
            "<span style='color: palette(dark)'>(Both are subcommittee settings: Edit ▸ Subcommittee settings, "
            "Ctrl+, ▸ Meetings &amp; attendance)</span>"
        )

    def _update_tab_titles(self) -> None:
        def title(word: str, model: Any, proxy: AttendanceFilterProxy) -> str:
            below = sum(1 for r in range(model.rowCount()) if model.attendance(r).below_standard)
            total = model.rowCount()
            if proxy.rowCount() != total:
                return f"{word} ({proxy.rowCount()} of {total} shown)"
            return f"{word} ({total}; {below} below standard)" if below else f"{word} ({total})"

        self.tabs.setTabText(0, title("Members", self.member_model, self.member_proxy))
        self.tabs.setTabText(1, title("Agencies", self.agency_model, self.agency_proxy))
        below = bool(self.report and self.report.members_below_standard)
        self.tabs.setTabIcon(0, icon("below-standard") if below else QIcon())
        below_a = bool(self.report and self.report.agencies_below_standard)
        self.tabs.setTabIcon(1, icon("below-standard") if below_a else QIcon())

    def _update_actions(self) -> None:
        busy = self._job is not None
        ready = self._store is not None and (self.report is not None or self._stale)
        self.export_action.setEnabled(not busy and ready)
        # with a report shown, letters only when someone is below; before (menu), let it say so
        has_below = self._stale or bool(self.report and self.report.members_below_standard)
        self.letters_action.setEnabled(not busy and ready and has_below)

    def _ready(self) -> bool:
        """Shown and up to date, with a report to act on."""
        self.show_requested.emit()
        if self._stale:
            self.recompute()
        return self.report is not None and self._store is not None and self._job is None

    # --- what the tables show (for tests and the window) -----------------------------------
    def visible_member_ids(self) -> list[int]:
        return [self.member_proxy.index(r, 0).data(ID_ROLE) for r in range(self.member_proxy.rowCount())]

    # --- overridable choosers (tests replace these; no nested event loop in tests) ---------
    def _default_stem(self) -> str:
        sc = self._subcommittee
        name = (sc.short_name or sc.name) if sc else "subcommittee"
        from mqp_desktop.exporters.files import safe_file_name

        safe = safe_file_name(name, fallback="subcommittee", max_length=60)
        start, end = self.period()
        return f"{safe} attendance {start:%Y-%m-%d} to {end:%Y-%m-%d}"

    def choose_export_file(self) -> Path | None:
        start = str(Path.home() / f"{self._default_stem()}.xlsx")
        name, chosen = QFileDialog.getSaveFileName(
            self, "Export attendance report", start, ";;".join(EXPORT_FILTERS)
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in EXPORT_FILTERS.values():
            path = path.with_name(path.name + EXPORT_FILTERS.get(chosen, ".xlsx"))
        return path

    def choose_letters_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            self, "Folder for the letters to members below the standard", str(Path.home())
        )
        return Path(name) if name else None

    # --- actions ---------------------------------------------------------------------------
    def export_report(self) -> None:
        """Ask for a file and write the report to it (CSV, XLSX or PDF, by its suffix)."""
        if not self._ready():
            return
        path = self.choose_export_file()
        if path is None:
            return
        report, subcommittee = self.report, self._store.subcommittee()

        def work() -> Path:
            from mqp_desktop.exporters.attendance_export import export_attendance_report

            return export_attendance_report(report, subcommittee, path)

        self._start(work, f"Writing the attendance report to {path.name}…", "Export attendance report")

    def write_letters(self) -> None:
        """Ask for a folder and write one Word letter per member below the standard."""
        if not self._ready():
            return
        below = self.report.members_below_standard
        if not below:
            self.notify(
                "Letters to members below the standard",
                f"No member is below the standard of {self.report.standard}% in this period, so there are no "
                "letters to write.",
            )
            return
        folder = self.choose_letters_folder()
        if folder is None:
            return
        report, subcommittee = self.report, self._store.subcommittee()
        chair = self._chair(subcommittee)

        def work() -> list[Path]:
            from mqp_desktop.exporters.letters import write_substitute_letters

            return write_substitute_letters(report, subcommittee, chair, folder)

        self._letters_report = report  # recorded for follow-up once written (on this thread: _job_done)
        n = len(below)
        self._start(work, f"Writing {n} letter{'s' if n != 1 else ''} to {folder}…", "Letters to members below the standard")

    def _chair(self, subcommittee: Subcommittee) -> Member | None:
        if self._store is None or subcommittee.chair.member_id is None:
            return None
        try:
            return self._store.member(subcommittee.chair.member_id)
        except StoreError:
            return None

    def notify(self, title: str, text: str) -> None:
        """An information message that does not block (window-modal, no nested event loop)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_message = box
        box.open()

    # --- the worker ------------------------------------------------------------------------
    def _start(self, work: Callable[[], Any], text: str, title: str) -> None:
        job = _Job(work)
        # bound methods of this page: the signals arrive queued, on the main thread
        job.signals.finished.connect(self._job_done)
        job.signals.failed.connect(self._job_error)
        self._job = job
        self._job_signals = job.signals  # kept alive until the job reports
        self._job_title = title
        self._job_text = text
        self.progress.setVisible(True)
        self.job_label.setText(html.escape(text))
        self._update_actions()
        self.pool.start(job)

    def _job_ended(self) -> None:
        self._job = None
        self.progress.setVisible(False)
        self._update_actions()

    @Slot(object)
    def _job_done(self, result: Any) -> None:
        self._job_ended()
        self.last_output = result
        if isinstance(result, list):
            folder = result[0].parent if result else None
            n = len(result)
            text = f"{n} letter{'s' if n != 1 else ''} written"
            recorded = self._record_letters(result)
            message = f"{text} to {folder}" if folder else text
            link = f"{text} to <a href='{QUrl.fromLocalFile(str(folder)).toString()}'>{html.escape(str(folder))}</a>" \
                if folder else text
            if recorded is not None:
                note = (f"; {recorded} recorded for follow-up (Governance, Attendance follow-up)" if recorded
                        else "; already recorded for follow-up today")
                message, link = message + note, link + html.escape(note)
        else:
            message = f"Attendance report saved to {result}"
            link = (f"Attendance report saved to <a href='{QUrl.fromLocalFile(str(result)).toString()}'>"
                    f"{html.escape(str(result))}</a>")
            if Path(result).suffix.lower() == ".csv":  # one table a file: the agencies' beside the members'
                from mqp_desktop.exporters.attendance_export import agencies_csv_path

                agencies = agencies_csv_path(result)
                message += f" (members) and {agencies} (agencies)"
                link += (f" (members) and <a href='{QUrl.fromLocalFile(str(agencies)).toString()}'>"
                         f"{html.escape(str(agencies))}</a> (agencies)")
        self.job_label.setText(link)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 10000)
        self.job_finished.emit(result)

    def _record_letters(self, written: list[Path]) -> int | None:
        """Record the letters just written for follow-up (ToR 5: reply due, outcome); how many were new (None: not
        recorded, the message already shown)."""
        report, self._letters_report = getattr(self, "_letters_report", None), None
        if report is None or self._store is None:
            return None
        try:
            added = self._store.governance.followups.record_written(report, written)
        except StoreError as exc:
            errors.show_store_error(self, exc, "Letters written, but not recorded for follow-up")
            return None
        self.letters_recorded.emit(len(added))
        return len(added)

    @Slot(object)
    def _job_error(self, exc: BaseException) -> None:
        self._job_ended()
        self.job_label.setText(f"{html.escape(self._job_title)}: nothing was written.")
        self.job_failed.emit(exc)
        if isinstance(exc, StoreError) or getattr(exc, "problem", None):
            errors.show_store_error(self, exc, self._job_title)
        elif isinstance(exc, OSError):
            where = exc.filename or "the file"
            errors.show_store_error(
                self,
                StoreError(f"'{where}' could not be written: {exc.strerror or exc}.",
                           "If the file is open in Excel, Word or a PDF reader, close it; or choose another folder."),
                self._job_title,
            )
        else:
            raise exc  # a bug: to the crash report

    def wait_for_job(self, msecs: int = 30000) -> bool:
        """Block until the running export ends (for the window closing, and tests)."""
        return self.pool.waitForDone(msecs)

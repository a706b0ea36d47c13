"""The main window: navigation, register pages, menus, undo, databases.

Dialogs are opened window-modally with ``QDialog.open()`` (never ``exec()``),
so no nested event loop runs: the window keeps the open dialog in
``active_dialog`` and tests type into it directly. Their ``save`` callables
(defined here) call the store, push an undo command and refresh the pages;
a failed save raises, and the dialog stays open with nothing saved.

Undo works on changes already written: each :class:`RegisterCommand` carries
functions that reverse and repeat a change through the store (so an undo is
recorded in the change history as a change of its own). The window runs them
first and moves the ``QUndoStack`` only when they succeeded, so a locked or
full database never leaves the stack out of step with the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSize, Qt, Signal, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop import APP_DISPLAY_NAME, __version__
from mqp_desktop.exporters.temp_folders import SessionFolder
from mqp_desktop.ui.settings import Settings

# Only the window's frame (the list of areas, the menu bar's titles, an empty page saying what is being
# opened) is made before the first paint: start-up paints it within about twice a bare Qt window's time
# (issue 14; benchmarks/bench.py), then opens the database, imports and builds the pages and fills them.
# So these are imported then, in _finish_imports(), not here: the store (sqlite-utils), the domain, the
# controllers and their pages.
if TYPE_CHECKING:
    from mqp_desktop.domain.model import Agency, Member, Subcommittee
    from mqp_desktop.store import Store

AREA_TITLES = ("Membership", "Meetings", "Attendance", "Section 11", "Agencies", "Change history", "Actions",
               "Challenges", "Scorecard", "Audits & inspections", "Partnership", "Governance", "Due & overdue")
"""The areas in the left-hand list, in order (each page's ``title``; a test keeps them in step)."""

MENU_TITLES = (("file", "&File"), ("edit", "&Edit"), ("view", "&View"), ("members", "&Members"),
               ("agencies", "&Agencies"), ("meetings", "Mee&tings"), ("agenda", "Agen&da"), ("minutes", "Min&utes"),
               ("challenges", "Challe&nges"), ("governance", "&Governance"), ("section11", "Section &11"),
               ("performance", "&Performance"), ("quality", "&Quality"), ("partnership", "Partner&ship"),
               ("reports", "&Reports"), ("help", "&Help"))
"""The menu bar, made with the frame (filled once the database is open), so it does not jump in later."""


def _finish_imports() -> None:
    """Import what the window needs once its frame is painted (module globals, used by its methods)."""
    global Agency, Member, Subcommittee, register_warnings, ValidationError, PasswordNeeded, Store, StoreError
    global seed, sync_folder, AGENCY_FIELDS, MEMBER_FIELDS, SUBCOMMITTEE_FIELDS, errors, EncryptionController
    global MeetingsController, format_date, icon, AgenciesPage, HistoryPage, MembershipPage, AttendanceReportPage
    global QualityController, Section11Controller, SyncFolderBanner
    from mqp_desktop.domain.model import Agency, Member, Subcommittee
    from mqp_desktop.domain.register_checks import register_warnings
    from mqp_desktop.domain.validation import ValidationError
    from mqp_desktop.store import PasswordNeeded, Store, StoreError, seed
    from mqp_desktop.store.store import AGENCY_FIELDS, MEMBER_FIELDS
    from mqp_desktop.store.sync_folders import sync_folder
    from mqp_desktop.ui import errors
    from mqp_desktop.ui.encryption_controller import EncryptionController
    from mqp_desktop.ui.meetings_controller import MeetingsController
    from mqp_desktop.ui.models import format_date, icon
    from mqp_desktop.ui.pages import AgenciesPage, HistoryPage, MembershipPage
    from mqp_desktop.ui.pages.attendance_report_page import AttendanceReportPage
    from mqp_desktop.ui.quality_controller import QualityController
    from mqp_desktop.ui.section11_controller import Section11Controller
    from mqp_desktop.ui.widgets.sync_banner import SyncFolderBanner

    SUBCOMMITTEE_FIELDS = tuple(
        f.name for f in dataclasses.fields(Subcommittee) if f.name not in ("id", "row_version")
    )


EXPORT_FILTERS = {
    "Excel workbook (*.xlsx)": ".xlsx",
    "Word document (*.docx)": ".docx",
    "CSV, comma-separated (*.csv)": ".csv",
}
IMPORT_FILTER = "Register files (*.csv *.xlsx);;CSV (*.csv);;Excel workbook (*.xlsx)"
DATABASE_FILTER = "MQ&P database (*.sqlite *.db);;All files (*)"


class RegisterCommand(QUndoCommand):
    """A change already made to the register, with how to reverse and repeat it.

    ``undo()``/``redo()`` do nothing themselves: the window calls
    :meth:`reverse`/:meth:`repeat` and only moves the stack when they succeed.
    """

    def __init__(self, text: str, reverse: Callable[[], Any], repeat: Callable[[], Any]):
        super().__init__(text)
        self.reverse = reverse
        self.repeat = repeat

    def undo(self) -> None:  # the store was already changed by the window
        pass

    def redo(self) -> None:  # pushed after the change was made; nothing to repeat
        pass


def changed_fields(before: Any, after: Any, fields: Iterable[str]) -> list[str]:
    return [f for f in fields if getattr(before, f) != getattr(after, f)]


class MainWindow(QMainWindow):
    """The program's one window, over one open :class:`Store`."""

    database_changed = Signal(object)  # Path
    dialog_opened = Signal(object)  # QDialog

    (PAGE_MEMBERSHIP, PAGE_MEETINGS, PAGE_ATTENDANCE, PAGE_SECTION11, PAGE_AGENCIES, PAGE_HISTORY, PAGE_ACTIONS,
     PAGE_CHALLENGES, PAGE_SCORECARD, PAGE_QUALITY, PAGE_PARTNERSHIP, PAGE_GOVERNANCE, PAGE_DUE) = range(13)

    def __init__(
        self,
        store: Store | None,
        *,
        settings: Settings | None = None,
        demo: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.store: Store | None = None
        self.demo = False
        self.active_dialog: QDialog | None = None
        self.active_message: QMessageBox | None = None
        self.last_export: Path | None = None
        self.undo_stack = QUndoStack(self)
        self._warning_count = 0
        self.drafts = SessionFolder("drafts")
        """Where email drafts opened in the mail program are written; removed when the window closes."""

        self.ready = False
        """False while only the frame exists (``MainWindow(None)``, at start-up); True once a database is shown."""

        self.setWindowIcon(QApplication.windowIcon())
        self.setWindowTitle(APP_DISPLAY_NAME)
        self.setUnifiedTitleAndToolBarOnMac(True)
        self._build_frame()
        self._restore_geometry()
        if store is not None:
            self.finish(store, demo=demo)

    def finish(self, store: Store, *, demo: bool = False) -> None:
        """Build the pages, menus and actions in the frame, and show ``store``.

        ``MainWindow(store)`` does this at once; the program's start-up makes ``MainWindow(None)``, shows
        its frame, and calls this once the database is open (issue 14: a window at once, then its data)."""
        if self.ready:
            self.set_store(store, demo=demo)
            return
        _finish_imports()
        self._build_actions()
        self._build_pages()
        self._build_menus()
        self._restore_views()
        self.ready = True
        self.set_store(store, demo=demo)

    def paint_now(self, limit_ms: int = 1000) -> None:
        """Show the window and let it be painted before the work that follows (the start-up's first paint).

        Waits (at most ``limit_ms``) for the window system to expose the window, then processes the paint."""
        self.show()
        clock = QElapsedTimer()
        clock.start()
        app = QApplication.instance()
        handle = self.windowHandle()
        while handle is not None and not handle.isExposed() and clock.elapsed() < limit_ms:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        app.processEvents()

    # ======================================================================================
    # building
    # ======================================================================================
    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | str | QKeySequence.StandardKey | list | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.new_database_action = a("&New database…", self.new_database, "Ctrl+Shift+N",
                                     "Start a new database file from a template")
        self.open_action = a("&Open…", self.open_database_dialog, "Ctrl+O", "Open another database file")
        self.import_action = a("&Import members…", self.import_members, "Ctrl+I",
                               "Add or update members from a CSV or Excel file, after a preview")
        self.export_action = a("&Export register…", self.export_register, "Ctrl+Shift+S",
                               "Save the register as an Excel workbook, Word document or CSV file")
        self.quit_action = a("&Quit", self.close, "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = a("&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = a("&Redo", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        # a bound method (not a lambda), so the connection ends with the window: the stack emits as it is deleted
        self.undo_stack.indexChanged.connect(self._update_undo_actions)
        self.find_action = a("&Find…", self.focus_filter, QKeySequence.StandardKey.Find,
                             "Filter the list on this page")
        self.settings_action = a("Subcommittee &settings…", self.edit_subcommittee, "Ctrl+,",
                                 "The subcommittee's name, chair, quorum rule, meetings and Terms of Reference")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.reload_action = a("&Reload", self.refresh, QKeySequence.StandardKey.Refresh,
                               "Read the database again (after a change made elsewhere)")

        self.add_member_action = a("&Add member…", self.add_member, "Ctrl+N", "Add a member or a seat")
        self.edit_member_action = a("&Edit member…", self.edit_member, "Ctrl+E",
                                    "Edit the selected member (or press Enter, or double-click)")
        self.end_member_action = a("E&nd membership…", self.end_member, ["Ctrl+Shift+E", "Del"],
                                   "Record that the selected member has left (they stay in the history)")
        self.reinstate_member_action = a("&Reinstate member", self.reinstate_member, "Ctrl+Shift+R",
                                         "Clear the end date of the selected ended member")
        self.add_agency_action = a("&Add agency…", self.add_agency, "Ctrl+N", "Add an agency")
        self.edit_agency_action = a("&Edit agency…", self.edit_agency, "Ctrl+E",
                                    "Edit the selected agency (or press Enter, or double-click)")
        self.end_agency_action = a("E&nd agency…", self.end_agency, ["Ctrl+Shift+E", "Del"],
                                   "Record that the selected agency has left the subcommittee")
        # the attendance page's export and letters, in the Reports menu before the page is made
        self.attendance_export_action = a("&Export attendance report…", lambda: self._attendance("export_action"),
                                          None, "Save the attendance report as an Excel workbook, a PDF or a "
                                          "CSV file")
        self.attendance_letters_action = a("&Letters to members below the standard…",
                                           lambda: self._attendance("letters_action"), None,
                                           "Write one Word letter to each member below the standard, asking them "
                                           "to attend or to locate a permanent substitute (ToR 5)")
        self.attendance_export_action.setIcon(icon("export"))
        self.attendance_letters_action.setIcon(icon("letter"))
        self.guide_action = a("&Guide", self.show_guide, "F1", "A short guide to the program (no network needed)")
        self.shortcuts_action = a("&Keyboard shortcuts", self.show_shortcuts, "Ctrl+/",
                                  "Every key of the window, with a box to find one")
        self.about_action = a("&About MQ&&P Desktop", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

        for action, name in (
            (self.add_member_action, "add"), (self.edit_member_action, "edit"),
            (self.end_member_action, "end"), (self.reinstate_member_action, "reinstate"),
            (self.add_agency_action, "add"), (self.edit_agency_action, "edit"), (self.end_agency_action, "end"),
        ):
            action.setIcon(icon(name))
        # Shorter labels for the page toolbars (menus keep the full text).
        self.add_member_action.setIconText("Add member")
        self.edit_member_action.setIconText("Edit")
        self.end_member_action.setIconText("End membership")
        self.reinstate_member_action.setIconText("Reinstate")
        self.add_agency_action.setIconText("Add agency")
        self.edit_agency_action.setIconText("Edit")
        self.end_agency_action.setIconText("End agency")
        self.member_actions = [self.add_member_action, self.edit_member_action,
                               self.end_member_action, self.reinstate_member_action]
        self.agency_actions = [self.add_agency_action, self.edit_agency_action, self.end_agency_action]

        self.meetings = MeetingsController(self)  # the Meetings page, its actions and dialogs
        self.section11 = Section11Controller(self)  # the Section 11 dashboard, its actions and dialogs
        from mqp_desktop.ui.challenges_controller import ChallengesController

        self.challenges = ChallengesController(self)  # the challenge log (ToR 6.3), its actions and dialogs
        from mqp_desktop.ui.scorecard_controller import ScorecardController

        self.scorecard = ScorecardController(self)  # the performance scorecard, the values grid, indicators
        self.quality = QualityController(self)  # audits and inspections (ToR 8, 6.6), their actions and dialogs
        from mqp_desktop.ui.partnership_controller import PartnershipController

        # transfers, escalations and disputes, the Executive and subcommittees (ToR 1, 7.1, 8, 9)
        self.partnership = PartnershipController(self)
        from mqp_desktop.ui.governance.controller import GovernanceController

        # case reviews, training, documents and reviews, attendance follow-up (ToR 2, 5, 7.1, 7.5-7.7, 12)
        self.governance = GovernanceController(self)
        from mqp_desktop.ui.due.controller import DueController

        # everything due and overdue in one list; the line shown on opening when something is overdue
        self.due = DueController(self)
        from mqp_desktop.ui.chair_report_controller import ChairReportController

        self.chair_report = ChairReportController(self)  # Reports: the chair's report to the Executive (ToR 2)
        from mqp_desktop.ui.backups_controller import BackupController

        self.backups = BackupController(self)  # Back up now, Restore…, Check, Backup settings; automatic backups
        self.encryption = EncryptionController(self)  # the database's password: asked on opening; File menu
        from mqp_desktop.ui.indicator_data_controller import IndicatorDataController

        self.indicator_data = IndicatorDataController(self)  # File: import/export indicator values (CSV, XLSX)
        from mqp_desktop.ui.search_controller import SearchController

        self.search = SearchController(self)  # Ctrl+K: search everything, open what is found (issue 12)
        self.page_actions = []
        for number, name in enumerate(("Membership", "Meetings", "Attendance", "Section 11", "Agencies",
                                       "Change history", "Actions", "Challenges", "Scorecard",
                                       "Audits && inspections")):
            self.page_actions.append(
                # the tenth area is Ctrl+0 (there is no Ctrl+10)
                a(f"&{(number + 1) % 10} {name}", lambda n=number: self._page_key(n), f"Ctrl+{(number + 1) % 10}")
            )
        # the eleventh area: no Ctrl+digit is left (the View and Partnership menus, and the list, lead to it)
        self.page_actions.append(a("Partners&hip", lambda: self.show_page(self.PAGE_PARTNERSHIP), None,
                                   "Work transfers, escalations and disputes, the Executive and the subcommittees"))
        # pages without a Ctrl+digit of their own (yet): in the View menu
        self.page_actions.append(a("&Governance", lambda: self.show_page(self.PAGE_GOVERNANCE), None,
                                   "Case reviews, training, documents and reviews, attendance follow-up"))
        self.page_actions.append(a("&Due and overdue", self.due.show_page, "Ctrl+Alt+D",
                                   "Everything with a date that falls due: actions, papers, challenges, returns, "
                                   "reviews"))

    def _build_frame(self) -> None:
        """The list of areas, an empty page, the banners' place, the status bar and the menu bar's titles."""
        self.pages = QStackedWidget()
        self.opening_label = QLabel("Opening the database…")
        self.opening_label.setObjectName("openingLabel")
        self.opening_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.opening_label)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setIconSize(QSize(18, 18))
        for title in AREA_TITLES:
            item = QListWidgetItem(title)
            item.setSizeHint(QSize(0, 38))
            self.nav.addItem(item)
        self.nav.setEnabled(False)  # until the pages are there

        nav_panel = QWidget()
        nav_panel.setObjectName("navigationPanel")
        # as wide as the longest area's name ("Audits & inspections"), at any font size or scaling
        # (the minimum stays 150, so a narrow screen keeps the room for the pages: the names then shorten)
        # and as the longest with its count ("Membership · 45 warnings", "Due & overdue · 21 overdue")
        widest = max(self.nav.fontMetrics().horizontalAdvance(text) for text in
                     [*AREA_TITLES, "Membership · 45 warnings", "Due & overdue · 21 overdue"])
        self.nav_width = nav_width = max(150, widest + 44)
        nav_panel.setMinimumWidth(150)
        nav_layout = QVBoxLayout(nav_panel)
        nav_layout.setContentsMargins(8, 12, 0, 8)
        caption = QLabel("AREAS")
        caption.setObjectName("navigationCaption")
        nav_layout.addWidget(caption)
        nav_layout.addWidget(self.nav, 1)

        self.demo_banner = QLabel(
            "Demonstration database: the people in it are fictional, and it is made afresh each time "
            "the program starts with --demo. Open or create a real database from the File menu."
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setVisible(False)

        right = QWidget()
        self._right_layout = right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.demo_banner)
        right_layout.addWidget(self.pages, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(nav_panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([max(160, nav_width), 1320 - max(160, nav_width)])
        self.setCentralWidget(self.splitter)

        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.path_label, 1)
        status.addPermanentWidget(self.count_label)

        bar = self.menuBar()
        self.menus = {key: bar.addMenu(title) for key, title in MENU_TITLES}

        self.setStyleSheet(
            """
            #navigationPanel, #navigation { background: palette(window); }
            #navigationCaption { color: palette(mid); font-size: 8pt; font-weight: 600;
                                 letter-spacing: 1px; padding: 0 8px 6px 8px; }
            #navigation::item { padding: 4px 10px; border-radius: 4px; margin: 1px 4px 1px 0; }
            #navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }
            #subcommitteeHeader { background: palette(base); border: 1px solid palette(midlight);
                                  border-radius: 6px; }
            #headerCaption { color: palette(dark); font-weight: 600; }
            #pageIntro { color: palette(dark); }
            #openingLabel { color: palette(dark); }
            #demoBanner { background: #fff4ce; color: #4d3b00; border-bottom: 1px solid #e6d38a;
                          padding: 6px 12px; }
            #warningsToggle { font-weight: 600; }
            """
        )

    def _build_pages(self) -> None:
        """The first page (the register) now; every other page when it is first shown (issue 14): a
        placeholder holds its place until then."""
        self.membership_page = MembershipPage()
        self.meetings.minutes.challenges_for = self.challenges.meeting_rows  # the minutes' Challenges tab
        self.membership_page.set_actions(
            [self.add_member_action, self.edit_member_action, self.end_member_action,
             self.reinstate_member_action],
            self.settings_action,
        )
        self.membership_page.selection_changed.connect(self._update_actions)
        self.membership_page.edit_requested.connect(self.edit_member)
        self.membership_page.agency_requested.connect(self._show_agency)
        self.membership_page.settings_requested.connect(self.edit_subcommittee)
        self.membership_page.warnings_changed.connect(self._set_warning_badge)

        self._own_pages: dict[int, QWidget] = {}
        self._area_pages: dict[int, Callable[[], QWidget]] = {
            self.PAGE_MEMBERSHIP: lambda: self.membership_page,
            self.PAGE_MEETINGS: lambda: self.meetings.page,
            self.PAGE_ATTENDANCE: lambda: self.attendance_page,
            self.PAGE_SECTION11: lambda: self.section11.page,
            self.PAGE_AGENCIES: lambda: self.agencies_page,
            self.PAGE_HISTORY: lambda: self.history_page,
            self.PAGE_ACTIONS: lambda: self.actions_page,
            self.PAGE_CHALLENGES: lambda: self.challenges.page,
            self.PAGE_SCORECARD: lambda: self.scorecard.page,
            self.PAGE_QUALITY: lambda: self.quality.page,
            self.PAGE_PARTNERSHIP: lambda: self.partnership.page,
            self.PAGE_GOVERNANCE: lambda: self.governance.page,
            self.PAGE_DUE: lambda: self.due.page,
        }
        self._controller_pages = {
            self.PAGE_MEETINGS: self.meetings, self.PAGE_SECTION11: self.section11,
            self.PAGE_CHALLENGES: self.challenges, self.PAGE_SCORECARD: self.scorecard,
            self.PAGE_QUALITY: self.quality, self.PAGE_PARTNERSHIP: self.partnership,
            self.PAGE_GOVERNANCE: self.governance, self.PAGE_DUE: self.due,
        }
        self.pages.removeWidget(self.opening_label)
        self.opening_label.deleteLater()
        for row in range(len(AREA_TITLES)):
            if self.page_is_made(row):
                self.pages.addWidget(self._area_pages[row]())
            else:
                placeholder = QWidget()
                placeholder.setProperty("placeholder", True)
                self.pages.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setEnabled(True)

        # A database in OneDrive, Dropbox, iCloud or Google Drive (or on a network share): said plainly,
        # without stopping the officer (store/sync_folders.py).
        self.sync_banner = SyncFolderBanner()
        self.sync_banner.dont_show_again.connect(self.settings.dismiss_sync_warning)
        self._right_layout.insertWidget(1, self.sync_banner)
        self._right_layout.insertWidget(2, self.due.banner)  # something overdue, said once on opening a database

    # --- pages made when first needed (issue 14) ------------------------------------------------
    def page_is_made(self, row: int) -> bool:
        """Whether the area's page exists yet (asking does not make it)."""
        from mqp_desktop.ui.lazy_pages import page_made

        if row in self._controller_pages:
            return page_made(self._controller_pages[row])
        if row in (self.PAGE_AGENCIES, self.PAGE_HISTORY, self.PAGE_ACTIONS, self.PAGE_ATTENDANCE):
            return row in self._own_pages
        return True

    def page_made(self, controller) -> None:
        """A controller's page was just made (lazy_pages.lazy_page): its remembered layout, then its data."""
        row = next(row for row, c in self._controller_pages.items() if c is controller)
        self._restore_views(row)
        controller.refresh()

    def _own_page(self, row: int, make: Callable[[], QWidget]) -> QWidget:
        page = self._own_pages.get(row)
        if page is None:
            page = self._own_pages[row] = make()
            self._restore_views(row)
            if self.store is not None:
                self._fill_own_page(row, dt.date.today())
        return page

    @property
    def agencies_page(self) -> AgenciesPage:
        def make() -> AgenciesPage:
            page = AgenciesPage()
            page.set_actions([self.add_agency_action, self.edit_agency_action, self.end_agency_action])
            page.selection_changed.connect(self._update_actions)
            page.edit_requested.connect(self.edit_agency)
            return page

        return self._own_page(self.PAGE_AGENCIES, make)

    @property
    def attendance_page(self) -> AttendanceReportPage:
        def make() -> AttendanceReportPage:
            page = AttendanceReportPage()
            page.show_requested.connect(lambda: self.show_page(self.PAGE_ATTENDANCE))
            page.letters_recorded.connect(lambda _n: self.governance.refresh())
            # the Reports menu's entries follow the page's own (enabled once a report with members is shown)
            for mine, its in ((self.attendance_export_action, page.export_action),
                              (self.attendance_letters_action, page.letters_action)):
                its.changed.connect(lambda mine=mine, its=its: mine.setEnabled(its.isEnabled()))
                mine.setEnabled(its.isEnabled())
            return page

        return self._own_page(self.PAGE_ATTENDANCE, make)

    def _attendance(self, name: str) -> None:
        """Reports › Export attendance report… / Letters…: the attendance page (made and filled if it is not
        yet), then its own action."""
        self.show_page(self.PAGE_ATTENDANCE)
        action = getattr(self.attendance_page, name)
        if action.isEnabled():
            action.trigger()

    @property
    def history_page(self) -> HistoryPage:
        return self._own_page(self.PAGE_HISTORY, HistoryPage)

    @property
    def actions_page(self):
        def make():
            from mqp_desktop.ui.pages.actions_page import ActionsPage

            page = ActionsPage()  # the action log across meetings (filled by the minutes controller)
            self.meetings.minutes.attach_actions_page(page)
            return page

        return self._own_page(self.PAGE_ACTIONS, make)

    def _fill_own_page(self, row: int, today: dt.date) -> None:
        store = self.store
        if row == self.PAGE_AGENCIES:
            members = store.members()
            counts = Counter(m.agency_id for m in members if m.is_active(today) and not m.is_vacant)
            self.agencies_page.set_data(store.agencies(), counts, today)
        elif row == self.PAGE_HISTORY:
            from mqp_desktop.store.history_words import HistoryWords

            page = self.history_page
            page.model.words = HistoryWords(store).words  # ids in words: the meeting's date, the item

            def load():
                return (store.history(), {a.id: a.label for a in store.agencies() if a.id is not None},
                        {m.id: m.display_name for m in store.members() if m.id is not None})

            page.set_loader(load)
        elif row == self.PAGE_ACTIONS:
            self.meetings.minutes.refresh_actions(today)
        elif row == self.PAGE_ATTENDANCE:
            self.attendance_page.set_store(store, today)

    def _install_page(self, row: int) -> None:
        """Put the area's page in the place its placeholder kept (making it if it is not made yet)."""
        held = self.pages.widget(row)
        if held is None or not held.property("placeholder"):
            return
        page = self._area_pages[row]()
        self.pages.insertWidget(row, page)
        self.pages.removeWidget(held)
        held.deleteLater()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.menus["file"]
        file_menu.addAction(self.new_database_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.meetings.minutes.open_approval_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        self.indicator_data.add_to_menu(file_menu)
        file_menu.addSeparator()
        self.backups.add_to_menu(file_menu)
        file_menu.addSeparator()
        for action in self.encryption.actions:
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menus["edit"]
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.search.action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)

        view_menu = self.menus["view"]
        for action in self.page_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.reload_action)

        members_menu = self.menus["members"]
        for action in self.member_actions:
            members_menu.addAction(action)
        agencies_menu = self.menus["agencies"]
        for action in self.agency_actions:
            agencies_menu.addAction(action)

        meetings_menu = self.menus["meetings"]
        for action in self.meetings.actions:
            meetings_menu.addAction(action)
            if action in (self.meetings.export_calendar_action, self.meetings.paste_apologies_action):
                meetings_menu.addSeparator()
        agenda = self.meetings.agenda
        agenda_menu = self.menus["agenda"]
        for group in (agenda.item_actions, agenda.paper_actions, agenda.output_actions):
            for action in group:
                agenda_menu.addAction(action)
            agenda_menu.addSeparator()
        agenda_menu.addAction(agenda.settings_action)

        minutes = self.meetings.minutes
        minutes_menu = self.menus["minutes"]
        minutes_menu.addAction(minutes.open_action)
        for group in (minutes.edit_actions, minutes.signoff_actions, minutes.output_actions):
            minutes_menu.addSeparator()
            for action in group:
                minutes_menu.addAction(action)
        minutes_menu.addAction(self.governance.circulate_minutes_action)
        minutes_menu.addSeparator()
        minutes_menu.addAction(self.page_actions[self.PAGE_ACTIONS])
        minutes_menu.addAction(minutes.export_actions_action)
        minutes_menu.addAction(self.page_actions[self.PAGE_DUE])
        minutes_menu.addAction(self.due.remind_action)

        challenges_menu = self.menus["challenges"]
        challenges_menu.addAction(self.page_actions[self.PAGE_CHALLENGES])
        challenges_menu.addSeparator()
        for action in self.challenges.actions:
            challenges_menu.addAction(action)
            if action in (self.challenges.edit_action, self.challenges.review_action,
                          self.challenges.withdraw_action):
                challenges_menu.addSeparator()

        governance_menu = self.menus["governance"]
        governance_menu.addAction(self.page_actions[self.PAGE_GOVERNANCE])
        for group in self.governance.tab_actions:
            governance_menu.addSeparator()
            for action in group:
                governance_menu.addAction(action)

        section11_menu = self.menus["section11"]
        for action in self.section11.actions:
            section11_menu.addAction(action)
            if action in (self.section11.chase_all_action, self.section11.new_round_action):
                section11_menu.addSeparator()

        scorecard = self.scorecard
        performance_menu = self.menus["performance"]
        performance_menu.addAction(self.page_actions[self.PAGE_SCORECARD])
        performance_menu.addAction(scorecard.values_action)
        performance_menu.addSeparator()
        for action in (scorecard.previous_action, scorecard.next_action, scorecard.exceptions_action,
                       scorecard.commentary_action, scorecard.detail_action):
            performance_menu.addAction(action)
        performance_menu.addSeparator()
        for action in (scorecard.add_action, scorecard.edit_action, scorecard.retire_action,
                       scorecard.reinstate_action):
            performance_menu.addAction(action)
        performance_menu.addSeparator()
        performance_menu.addAction(scorecard.themes_action)
        performance_menu.addAction(scorecard.export_action)

        quality_menu = self.menus["quality"]
        quality_menu.addAction(self.page_actions[self.PAGE_QUALITY])
        quality_menu.addSeparator()
        for group in (self.quality.audit_actions, self.quality.inspection_actions):
            for action in group:
                quality_menu.addAction(action)
            quality_menu.addSeparator()

        partnership_menu = self.menus["partnership"]
        partnership_menu.addAction(self.page_actions[self.PAGE_PARTNERSHIP])
        for group in (self.partnership.transfer_actions, self.partnership.escalation_actions,
                      self.partnership.body_actions):
            partnership_menu.addSeparator()
            for action in group:
                partnership_menu.addAction(action)

        reports_menu = self.menus["reports"]
        reports_menu.addAction(self.page_actions[self.PAGE_ATTENDANCE])
        reports_menu.addAction(self.attendance_export_action)
        reports_menu.addAction(self.attendance_letters_action)
        reports_menu.addSeparator()
        reports_menu.addAction(self.section11.summary_action)
        reports_menu.addSeparator()
        reports_menu.addAction(self.chair_report.action)

        help_menu = self.menus["help"]
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self._fill_recent_menu()
        from mqp_desktop.ui.menus import settle_mnemonics

        settle_mnemonics(a.menu() for a in bar.actions() if a.menu() is not None)  # one Alt letter per item

    # ======================================================================================
    # layout memory
    # ======================================================================================
    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(self.default_size())
        state = self.settings.window_state
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.view_state("main_splitter")  # the list's width, before the first paint
        if splitter is not None and self.splitter.restoreState(splitter):
            self.splitter.setProperty("restored", True)
        self._nav_fitted = False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._nav_fitted:  # once, when the window first shows at its size
            self._nav_fitted = True
            # a list narrowed before it said its counts ("Due & overdue · 21 overdue") is widened to say them
            # whole, where the window has the room (a laptop at 150% keeps the narrower list)
            sizes = self.splitter.sizes()
            if sizes[0] < self.nav_width and self.width() >= 1100:
                self.splitter.setSizes([self.nav_width, max(0, sum(sizes) - self.nav_width)])

    def _restore_views(self, row: int | None = None) -> None:
        """Put back the remembered column widths and splitters of the pages made (of ``row``'s page alone when
        given: it was just made)."""
        tables = {"members_header", "agencies_header", "history_header"}
        for name, (view_row, get) in self._views().items():
            if (row is not None and view_row != row) or not self.page_is_made(view_row):
                continue
            saved = self.settings.view_state(name)
            if saved is None:
                continue
            widget = get()
            if name in tables:
                widget.restore_header(saved, own_widths=self.settings.own_widths(name))
            elif widget.restoreState(saved):
                widget.setProperty("restored", True)  # the user's own layout: pages leave it alone
            if name == "members_header":
                self.membership_page.sync_columns()

    def default_size(self) -> QSize:
        """1320x820 (every register column visible), or nine-tenths of a smaller screen."""
        size = QSize(1320, 820)
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.9
            size = size.boundedTo(room)
        return size

    def _views(self) -> dict[str, tuple[int, Callable[[], Any]]]:
        """The views whose layout is remembered: their area, and how to reach them (the splitter of the list
        of areas is remembered with the frame)."""
        governance = {  # named by each tab's objectName, as before pages were made when first shown
            f"governance_{name}Tab_splitter": (self.PAGE_GOVERNANCE,
                                               lambda n=n: self.governance.page.tab_widgets[n].splitter)
            for n, name in enumerate(("reviews", "training", "documents", "followups", "decisions"))
        }
        return {
            "members_header": (self.PAGE_MEMBERSHIP, lambda: self.membership_page.table),
            "members_splitter": (self.PAGE_MEMBERSHIP, lambda: self.membership_page.splitter),
            "agencies_header": (self.PAGE_AGENCIES, lambda: self.agencies_page.table),
            "history_header": (self.PAGE_HISTORY, lambda: self.history_page.table),
            "history_splitter": (self.PAGE_HISTORY, lambda: self.history_page.splitter),
            "actions_splitter": (self.PAGE_ACTIONS, lambda: self.actions_page.splitter),
            "challenges_splitter": (self.PAGE_CHALLENGES, lambda: self.challenges.page.splitter),
            "scorecard_splitter": (self.PAGE_SCORECARD, lambda: self.scorecard.page.splitter),
            "scorecard_header": (self.PAGE_SCORECARD, lambda: self.scorecard.page.tree.header()),
            "audits_splitter": (self.PAGE_QUALITY, lambda: self.quality.page.audits_splitter),
            "inspections_splitter": (self.PAGE_QUALITY, lambda: self.quality.page.inspections_splitter),
            "transfers_splitter": (self.PAGE_PARTNERSHIP, lambda: self.partnership.page.transfers.splitter),
            "escalations_splitter": (self.PAGE_PARTNERSHIP, lambda: self.partnership.page.escalations.splitter),
            "bodies_splitter": (self.PAGE_PARTNERSHIP, lambda: self.partnership.page.bodies.splitter),
            **governance,
        }

    def _remembered_views(self) -> dict[str, Any]:
        """The remembered views of the pages made so far (the others' saved layouts stay as they were)."""
        views = {"main_splitter": self.splitter}
        for name, (row, get) in self._views().items():
            if self.page_is_made(row):
                widget = get()
                # the register's and agencies' tables save their header (restore_header takes it back)
                views[name] = widget.horizontalHeader() if name in ("members_header", "agencies_header",
                                                                     "history_header") else widget
        return views

    def save_layout(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        if not self.ready:  # closed before a database was shown: only the frame to remember
            self.settings.set_view_state("main_splitter", self.splitter.saveState())
            self.settings.sync()
            return
        for name, widget in self._remembered_views().items():
            self.settings.set_view_state(name, widget.saveState())
        for name in ("members_header", "agencies_header", "history_header"):
            row, get = self._views()[name]
            if self.page_is_made(row):  # widths fitted to the data are fitted again next time; a user's are kept
                self.settings.set_own_widths(name, get().own_widths)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ready:  # closed before a database was shown (the officer quit at its password)
            self.save_layout()
            self.drafts.cleanup()
            super().closeEvent(event)
            return
        if not self.meetings.minutes.confirm_leave(self.close):  # unsaved minutes: asked, closes after
            event.ignore()
            return
        if not self.scorecard.save_pending():  # commentary being typed: saved, or the window stays to say why
            event.ignore()
            return
        self.save_layout()
        self.backups.shutdown()
        if self.store is not None:
            self.store.close()
            self.store = None
        self.drafts.cleanup()  # a draft still open in the mail program stays; the next start sweeps it
        super().closeEvent(event)

    # ======================================================================================
    # the database
    # ======================================================================================
    def set_store(self, store: Store, *, demo: bool = False) -> None:
        """Show ``store`` (closing the one shown before)."""
        if self.store is not None and self.store is not store:
            self.scorecard.save_pending()  # commentary being typed goes to the database it was typed for
            self.store.close()
        self.store = store
        self.demo = demo
        self.undo_stack.clear()
        self.demo_banner.setVisible(demo)
        found = sync_folder(store.path)
        if found is not None and not self.settings.sync_warning_dismissed(store.path):
            self.sync_banner.show_for(store.path, found)
        else:
            self.sync_banner.setVisible(False)
        if not demo and store.path is not None:
            self.settings.add_recent_database(store.path)
            self._fill_recent_menu()
        self.refresh()
        if store.backup_taken:
            self.statusBar().showMessage(
                f"The database was updated to the latest format; a copy of the old one was kept at "
                f"{store.backup_taken}", 15000
            )
        self.backups.database_opened(store, demo=demo)
        self.due.database_opened(store)
        if store.path is not None:
            self.database_changed.emit(store.path)

    def open_database(self, path: Path | str, *, template: str | None = None, must_exist: bool = True) -> bool:
        """Open (or, for a new file, create from ``template``) and show a database. False on failure."""
        path = Path(path).expanduser()
        if must_exist and not path.is_file():
            errors.show_store_error(
                self,
                StoreError(f"There is no database at '{path}'.",
                           "It may have been moved, renamed or be on a drive that is not connected."),
                "Open database",
            )
            self.settings.prune_recent_databases()
            self._fill_recent_menu()
            return False

        def open_with(key: str | None = None) -> Store:
            return seed.open_store(path, template=template or seed.DEFAULT_TEMPLATE, key=key, create=not must_exist)

        try:
            store = open_with()
        except PasswordNeeded:  # asked in a dialog; opened from there (Cancel: as if not chosen)
            self.encryption.ask_password(path, open_with)
            return False
        except StoreError as exc:
            if not self.backups.offer_restore_unopened(path, exc):  # a damaged file: its newest good backup
                errors.show_store_error(self, exc, "Could not open the database")
            return False
        self.set_store(store)
        self.show_page(self.PAGE_MEMBERSHIP)
        return True

    # --- overridable choosers (tests replace these; no nested event loop) -----------------
    def choose_database_to_open(self) -> Path | None:
        start = str(self.store.path.parent) if self.store and self.store.path else ""
        name, _ = QFileDialog.getOpenFileName(self, "Open database", start, DATABASE_FILTER)
        return Path(name) if name else None

    def choose_new_database(self) -> tuple[Path, str] | None:
        templates = seed.available_templates()
        if not templates:
            return None
        keys = list(templates)
        labels = [templates[k] for k in keys]
        current = keys.index(seed.DEFAULT_TEMPLATE) if seed.DEFAULT_TEMPLATE in keys else 0
        label, ok = QInputDialog.getItem(
            self, "New database", "Start the new database from this template:", labels, current, False
        )
        if not ok:
            return None
        start = str(self.store.path.parent / "new-subcommittee.sqlite") if self.store and self.store.path else ""
        name, _ = QFileDialog.getSaveFileName(self, "New database", start, DATABASE_FILTER)
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".sqlite")
        return path, keys[labels.index(label)]

    def choose_import_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Import members", "", IMPORT_FILTER)
        return Path(name) if name else None

    def choose_export_file(self) -> Path | None:
        stem = (self.store.subcommittee().short_name or "register") if self.store else "register"
        from mqp_desktop.exporters.files import safe_file_name

        safe = safe_file_name(stem, fallback="register", max_length=60)
        start = str(Path.home() / f"{safe} membership register {dt.date.today():%Y-%m-%d}.xlsx")
        name, chosen = QFileDialog.getSaveFileName(self, "Export register", start, ";;".join(EXPORT_FILTERS))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in EXPORT_FILTERS.values():
            path = path.with_name(path.name + EXPORT_FILTERS.get(chosen, ".xlsx"))
        return path

    # --- file actions ----------------------------------------------------------------------
    def open_database_dialog(self) -> None:
        path = self.choose_database_to_open()
        if path is not None:
            self.open_database(path)

    def new_database(self) -> None:
        choice = self.choose_new_database()
        if choice is None:
            return
        path, template = choice
        if path.exists() and path.stat().st_size > 0 and not seed.is_half_made(path):
            errors.show_store_error(
                self,
                StoreError(f"'{path}' already exists, so a new database was not made there.",
                           "Choose another file name, or use File > Open to open it."),
                "New database",
            )
            return
        self.open_database(path, template=template, must_exist=False)

    def _fill_recent_menu(self) -> None:
        gone = self.settings.prune_recent_databases()
        self.recent_menu.clear()
        current = self.store.path.resolve() if self.store and self.store.path else None
        for number, path in enumerate(self.settings.recent_databases, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name} — {path.parent}")
            action.setData(str(path))
            action.setEnabled(path != current)
            action.triggered.connect(lambda _c=False, p=path: self.open_database(p))
        if not self.settings.recent_databases:
            self.recent_menu.addAction("No recent databases").setEnabled(False)
        if gone:
            self.notify(
                "Open Recent",
                "These databases are no longer where they were, so they were taken off the list:\n\n"
                + "\n".join(str(p) for p in gone),
            )

    def recent_database_actions(self) -> list[QAction]:
        return [a for a in self.recent_menu.actions() if a.data()]

    def notify(self, title: str, text: str) -> None:
        """An information message that does not block (window-modal, no nested event loop)."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_message = box
        box.open()

    def import_members(self) -> None:
        from mqp_desktop.exporters.register_import import (
            ImportFileError,
            ImportRejected,
            apply_import,
            preview_import,
        )
        from mqp_desktop.ui.dialogs import ImportPreviewDialog

        path = self.choose_import_file()
        if path is None or self.store is None:
            return
        store = self.store
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            preview = preview_import(store, path)
        except (ImportFileError, StoreError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            errors.show_store_error(self, exc, "Import members")
            return
        QApplication.restoreOverrideCursor()

        def reread(encoding: str):
            # The officer chose another encoding for the CSV file: preview it again, read that way.
            nonlocal preview
            try:
                preview = preview_import(store, path, encoding=encoding)
            except ImportFileError as exc:
                raise ValidationError("encoding", str(exc)) from exc
            return preview

        def apply(skip_rejected: bool) -> dict:
            try:
                result = apply_import(store, preview, skip_rejected=skip_rejected)
            except ImportRejected as exc:
                # rejected rows, or the register moved on since the preview: shown in the dialog
                raise ValidationError("import", str(exc)) from exc
            # An import is many changes at once; it is kept in the history, not the undo stack.
            self.undo_stack.clear()
            self.refresh()
            words = {"add": "added", "update": "updated", "unchanged": "unchanged", "reject": "skipped"}
            done = ", ".join(f"{n} {words.get(action, action)}" for action, n in result.items() if n)
            self.statusBar().showMessage(f"Imported {path.name}: {done or 'no changes'}", 10000)
            return result

        self.show_dialog(ImportPreviewDialog(preview, apply=apply, reread=reread, parent=self))

    def export_register(self) -> None:
        from mqp_desktop.exporters.register_export import export_register

        path = self.choose_export_file()
        if path is None or self.store is None:
            return
        include_ended = self.membership_page.show_ended.isChecked()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            export_register(self.store, path, include_ended=include_ended)
        except StoreError as exc:
            QApplication.restoreOverrideCursor()
            errors.show_store_error(self, exc, "Export register")
            return
        except OSError as exc:  # ExportFileError says problem and remedy; a bare OSError not
            QApplication.restoreOverrideCursor()
            if not getattr(exc, "problem", None):
                exc = StoreError(f"'{path}' could not be written: {exc.strerror or exc}.",
                                 "If the file is open in Excel or Word, close it; or choose another folder.")
            errors.show_store_error(self, exc, "Export register")
            return
        QApplication.restoreOverrideCursor()
        ended = " (including ended members)" if include_ended else ""
        self.statusBar().showMessage(f"Register exported to {path}{ended}", 10000)
        self.last_export = path

    # ======================================================================================
    # showing the data
    # ======================================================================================
    def refresh(self) -> None:
        """Read the register again and show it on every page made so far."""
        store = self.store
        if store is None:
            return
        with store.reading():  # the members and meetings, which nearly every page reads, read once
            self._refresh(store)

    def _refresh(self, store: Store) -> None:
        today = dt.date.today()
        subcommittee = store.subcommittee()
        agencies = store.agencies()
        members = store.members()
        warnings = register_warnings(subcommittee, agencies, members, today)
        self.membership_page.set_data(subcommittee, agencies, members, warnings, today)
        for row in (self.PAGE_AGENCIES, self.PAGE_HISTORY, self.PAGE_ACTIONS, self.PAGE_ATTENDANCE):
            if self.page_is_made(row):  # the others are filled when they are made
                self._fill_own_page(row, today)
        self.meetings.refresh(today)
        self.section11.refresh(today)
        self.scorecard.refresh(today)
        self.quality.refresh(today)
        self.challenges.refresh(today)
        self.partnership.refresh(today)
        self.governance.refresh(today)
        self.due.refresh(today)
        current = [m for m in members if m.is_active(today)]
        vacant = sum(1 for m in current if m.is_vacant)
        active_agencies = sum(1 for a in agencies if a.is_active(today))
        self.count_label.setText(
            f"{len(current) - vacant} current members · {vacant} vacant seat{'s' if vacant != 1 else ''}"
            f" · {active_agencies} agencies"
        )
        self.path_label.setText(f"Database: {store.path}" if store.path else "Database in memory")
        self.path_label.setToolTip(str(store.path or ""))
        title = subcommittee.short_name or subcommittee.name
        file_name = store.path.name if store.path else "in memory"
        text = f"{APP_DISPLAY_NAME} — {title} — {file_name}"
        self.setWindowTitle(text + " — DEMO (fictional sample data)" if self.demo else text)
        self._update_actions()

    def _set_warning_badge(self, count: int) -> None:
        self._warning_count = count
        item = self.nav.item(self.PAGE_MEMBERSHIP)
        # says what the number counts: "Membership (4)" read as four members (issue 14)
        item.setText(f"Membership · {count} warning{'s' if count != 1 else ''}" if count else "Membership")
        item.setToolTip(f"{count} register warning{'s' if count != 1 else ''}" if count else "No register warnings")

    def show_page(self, number: int) -> None:
        self.nav.setCurrentRow(number)

    def _page_key(self, number: int) -> None:
        """Ctrl+digit: that area; Ctrl+2 inside a meeting's register, agenda or minutes goes back to the list."""
        if number == self.PAGE_MEETINGS and self.pages.currentIndex() == number and self.meetings.page.in_detail:
            self.meetings.back_to_list()
        else:
            self.show_page(number)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        self._install_page(row)
        self.pages.setCurrentIndex(row)
        self._update_actions()

    def _show_agency(self, agency_id: int) -> None:
        self.show_page(self.PAGE_AGENCIES)
        self.agencies_page.select_agency(agency_id)

    def focus_filter(self) -> None:
        page = self.pages.currentWidget()
        if hasattr(page, "focus_filter"):
            page.focus_filter()

    def _update_actions(self) -> None:
        page = self.pages.currentIndex()
        on_members = page == self.PAGE_MEMBERSHIP
        on_agencies = page == self.PAGE_AGENCIES
        member = self.membership_page.current_member()
        agency = self.agencies_page.current_agency() if on_agencies else None
        self.add_member_action.setEnabled(on_members)
        self.edit_member_action.setEnabled(on_members and member is not None)
        self.end_member_action.setEnabled(on_members and member is not None and member.end_date is None)
        self.reinstate_member_action.setEnabled(on_members and member is not None and member.end_date is not None)
        self.add_agency_action.setEnabled(on_agencies)
        self.edit_agency_action.setEnabled(on_agencies and agency is not None)
        self.end_agency_action.setEnabled(on_agencies and agency is not None and agency.end_date is None)
        self.meetings.update_actions(page == self.PAGE_MEETINGS)
        self.section11.update_actions(page == self.PAGE_SECTION11)
        self.challenges.update_actions(page == self.PAGE_CHALLENGES)
        self.scorecard.update_actions(page == self.PAGE_SCORECARD)
        self.quality.update_actions(page == self.PAGE_QUALITY)
        self.partnership.update_actions(page == self.PAGE_PARTNERSHIP)
        self.governance.update_actions(page == self.PAGE_GOVERNANCE)
        self.due.update_actions(page == self.PAGE_DUE)
        self.find_action.setEnabled(page >= 0)
        self.search.update_actions()
        self._update_undo_actions()

    # ======================================================================================
    # undo
    # ======================================================================================
    def _update_undo_actions(self) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(f"&Undo {stack.undoText()}" if stack.canUndo() else "&Undo")
        self.redo_action.setText(f"&Redo {stack.redoText()}" if stack.canRedo() else "&Redo")

    def _command_at(self, index: int) -> RegisterCommand | None:
        if not 0 <= index < self.undo_stack.count():
            return None
        command = self.undo_stack.command(index)
        return command if isinstance(command, RegisterCommand) else None

    def undo(self) -> None:
        command = self._command_at(self.undo_stack.index() - 1)
        if command is None:
            return
        if self._run(command.reverse, f"Undo {command.text()}"):
            self.undo_stack.undo()
            self.statusBar().showMessage(f"Undone: {command.text()}", 5000)

    def redo(self) -> None:
        command = self._command_at(self.undo_stack.index())
        if command is None:
            return
        if self._run(command.repeat, f"Redo {command.text()}"):
            self.undo_stack.redo()
            self.statusBar().showMessage(f"Redone: {command.text()}", 5000)

    def _run(self, change: Callable[[], Any], title: str) -> bool:
        """Make a change outside a dialog; show what went wrong if it cannot be made."""
        try:
            change()
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self, exc, title)
            self.refresh()
            return False
        self.refresh()
        return True

    def _push(self, text: str, reverse: Callable[[], Any], repeat: Callable[[], Any]) -> None:
        self.undo_stack.push(RegisterCommand(text, reverse, repeat))

    # An undo or redo puts back only the fields the change made, on the record as stored now, and
    # is refused (EditConflict) when one of them was changed since by someone else (Store.restore_fields).
    def _restore_member(self, member_id: int, source: Member, expect: Member, fields: list[str], action: str) -> None:
        store = self.store
        store.restore_fields(
            lambda m: f"the member {m.display_name}", entity="member", read=lambda: store.member(member_id),
            save=lambda m: store.update_member(m, action=action), source=source, expect=expect, fields=fields,
        )

    def _restore_agency(self, agency_id: int, source: Agency, expect: Agency, fields: list[str], action: str) -> None:
        store = self.store
        store.restore_fields(
            lambda a: f"the agency {a.name}", entity="agency", read=lambda: store.agency(agency_id),
            save=lambda a: store.update_agency(a, action=action), source=source, expect=expect, fields=fields,
        )

    def _restore_subcommittee(self, source: Subcommittee, expect: Subcommittee, fields: list[str]) -> None:
        store = self.store
        store.restore_fields(
            lambda s: f"the settings of {s.name}", entity="subcommittee", read=store.subcommittee,
            save=store.update_subcommittee, source=source, expect=expect, fields=fields,
        )

    def _push_member_change(self, text: str, before: Member, after: Member, undo_as: str, redo_as: str) -> None:
        fields = changed_fields(before, after, MEMBER_FIELDS)
        if not fields or before.id is None:
            return
        member_id = before.id
        self._push(
            text,
            lambda: self._restore_member(member_id, before, after, fields, undo_as),
            lambda: self._restore_member(member_id, after, before, fields, redo_as),
        )

    def _push_agency_change(self, text: str, before: Agency, after: Agency, undo_as: str, redo_as: str) -> None:
        fields = changed_fields(before, after, AGENCY_FIELDS)
        if not fields or before.id is None:
            return
        agency_id = before.id
        self._push(
            text,
            lambda: self._restore_agency(agency_id, before, after, fields, undo_as),
            lambda: self._restore_agency(agency_id, after, before, fields, redo_as),
        )

    # ======================================================================================
    # dialogs
    # ======================================================================================
    def show_dialog(self, dialog: QDialog) -> None:
        """Open ``dialog`` window-modally without blocking; it is deleted when it closes."""
        self.active_dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def _agencies_for_choice(self, keep: int | None = None) -> list[Agency]:
        """Current agencies, plus the one a member already belongs to (even if ended)."""
        return [a for a in self.store.agencies() if a.is_active() or a.id == keep]

    # --- members ---------------------------------------------------------------------------
    def add_member(self) -> None:
        from mqp_desktop.ui.dialogs import MemberDialog

        if self.store is None:
            return

        def save(member: Member) -> Member:
            saved = self.store.add_member(member)
            # Adding is not undoable: members are never deleted, only ended (see End membership).
            self.refresh()
            self.membership_page.select_member(saved.id)
            self.statusBar().showMessage(f"Added {saved.display_name}", 5000)
            return saved

        self.show_dialog(MemberDialog(self._agencies_for_choice(), None, save=save, parent=self))

    def edit_member(self) -> None:
        from mqp_desktop.ui.dialogs import MemberDialog

        member = self.membership_page.current_member()
        if member is None or self.store is None:
            return

        def save(changed: Member) -> Member:
            before = self.store.member(member.id)
            saved = self.store.update_member(dataclasses.replace(changed, id=member.id))
            after = self.store.member(member.id)
            self._push_member_change(f"edit of {after.display_name}", before, after, "reverted", "edited")
            self.refresh()
            self.membership_page.select_member(member.id)
            return saved

        fresh = self.store.member(member.id)
        self.show_dialog(
            MemberDialog(self._agencies_for_choice(fresh.agency_id), fresh, save=save, parent=self)
        )

    def end_member(self) -> None:
        from mqp_desktop.ui.dialogs import EndDialog

        member = self.membership_page.current_member()
        if member is None or self.store is None or member.end_date is not None:
            return
        agency = self.membership_page.model.agency_label(member)

        def save(end_date: dt.date, reason: str) -> None:
            before = self.store.member(member.id)
            self.store.end_member(member.id, end_date, reason, seen=member)  # refused if changed since shown
            after = self.store.member(member.id)
            self._push_member_change(f"end of {after.display_name}", before, after, "reinstated", "ended")
            self.refresh()
            self.statusBar().showMessage(
                f"Ended {after.display_name} on {format_date(end_date)}; tick 'Show ended members' to see them.",
                8000,
            )

        subject = f"{member.display_name} — {member.role_title} ({agency})"
        if member.is_vacant:
            subject = f"The vacant seat '{member.role_title}' ({agency})"
        self.show_dialog(
            EndDialog(title="End membership", subject=subject, save=save, earliest=member.start_date, parent=self)
        )

    def reinstate_member(self) -> None:
        member = self.membership_page.current_member()
        if member is None or self.store is None or member.end_date is None:
            return
        member_id = member.id

        def change() -> None:
            before = self.store.member(member_id)
            self.store.reinstate_member(member_id, seen=member)
            after = self.store.member(member_id)
            self._push_member_change(f"reinstatement of {after.display_name}", before, after, "ended", "reinstated")

        if self._run(change, "Reinstate member"):
            self.membership_page.select_member(member_id)
            self.statusBar().showMessage(f"Reinstated {member.display_name}", 5000)

    # --- agencies --------------------------------------------------------------------------
    def add_agency(self) -> None:
        from mqp_desktop.ui.dialogs import AgencyDialog

        if self.store is None:
            return

        def save(agency: Agency) -> Agency:
            saved = self.store.add_agency(agency)
            self.refresh()
            self.agencies_page.select_agency(saved.id)
            self.statusBar().showMessage(f"Added {saved.name}", 5000)
            return saved

        self.show_dialog(AgencyDialog(None, save=save, parent=self))

    def edit_agency(self) -> None:
        from mqp_desktop.ui.dialogs import AgencyDialog

        agency = self.agencies_page.current_agency()
        if agency is None or self.store is None:
            return

        def save(changed: Agency) -> Agency:
            before = self.store.agency(agency.id)
            saved = self.store.update_agency(dataclasses.replace(changed, id=agency.id))
            after = self.store.agency(agency.id)
            self._push_agency_change(f"edit of {after.name}", before, after, "reverted", "edited")
            self.refresh()
            self.agencies_page.select_agency(agency.id)
            return saved

        self.show_dialog(AgencyDialog(self.store.agency(agency.id), save=save, parent=self))

    def end_agency(self) -> None:
        from mqp_desktop.ui.dialogs import EndDialog

        agency = self.agencies_page.current_agency()
        if agency is None or self.store is None or agency.end_date is not None:
            return

        def save(end_date: dt.date, reason: str) -> None:
            before = self.store.agency(agency.id)
            self.store.end_agency(agency.id, end_date, reason, seen=agency)
            after = self.store.agency(agency.id)
            self._push_agency_change(f"end of {after.name}", before, after, "reinstated", "ended")
            self.refresh()

        current = sum(
            1 for m in self.store.members(include_ended=False) if m.agency_id == agency.id and not m.is_vacant
        )
        subject = agency.name
        if current:
            subject += f" (it still has {current} current member{'s' if current != 1 else ''}: end them too)"
        self.show_dialog(
            EndDialog(title="End agency", subject=subject, save=save, earliest=agency.start_date, parent=self)
        )

    # --- the subcommittee ------------------------------------------------------------------
    def edit_subcommittee(self) -> None:
        from mqp_desktop.ui.dialogs import SubcommitteeDialog

        if self.store is None:
            return

        def save(changed: Subcommittee) -> Subcommittee:
            before = self.store.subcommittee()
            saved = self.store.update_subcommittee(changed)
            after = self.store.subcommittee()
            fields = changed_fields(before, after, SUBCOMMITTEE_FIELDS)
            if fields:
                self._push(
                    "change to the subcommittee settings",
                    lambda: self._restore_subcommittee(before, after, fields),
                    lambda: self._restore_subcommittee(after, before, fields),
                )
            self.refresh()
            return saved

        self.show_dialog(
            SubcommitteeDialog(
                self.store.subcommittee(),
                self.store.agencies(),
                self.store.members(include_ended=False),
                save=save,
                review_months=self.store.governance.documents.review_interval(),
                parent=self,
            )
        )

    # ======================================================================================
    # help
    # ======================================================================================
    def about_text(self) -> str:
        store = self.store
        path = store.path if store and store.path else "in memory"
        schema = f"{store.schema_version} (this program's latest: {store.latest_schema_version})" if store else "—"
        return (
            f"<h3>{html.escape(APP_DISPLAY_NAME)} {__version__}</h3>"
            "<p>The membership register, meetings and reports of a safeguarding children partnership "
            "subcommittee, kept in one local database file.</p>"
            f"<p><b>Database:</b> {html.escape(str(path))}<br><b>Schema version:</b> {schema}<br>"
            f"<b>Encrypted:</b> {html.escape(self.encryption.describe())}<br>"
            f"<b>Qt:</b> {qVersion()}</p>"
        )

    def show_guide(self) -> None:
        from mqp_desktop.ui.dialogs.help_dialogs import GuideDialog

        self.show_dialog(GuideDialog(self))

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(where, command, keys) for every key of the window: the menus', then the window's own."""
        from mqp_desktop.ui.dialogs.help_dialogs import window_shortcuts

        return window_shortcuts(self.menuBar(), [("Window", action) for action in self.actions()])

    def show_shortcuts(self) -> None:
        from mqp_desktop.ui.dialogs.help_dialogs import ShortcutsDialog

        self.show_dialog(ShortcutsDialog(self.shortcut_rows(), self))

    def about(self) -> None:
        QMessageBox.about(self, f"About {APP_DISPLAY_NAME}", self.about_text())


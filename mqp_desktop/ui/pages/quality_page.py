"""The Audits & inspections page (ToR 8, 6.6): two tabs, each a list and the chosen record's detail.

**Audits** — the audit programme (title, status, lead, dates, cases, grades) and, for the chosen
audit, its details, the grade summary as a bar (:class:`~mqp_desktop.ui.widgets.grade_bar.GradeBar`)
and three tabs: the **cases** grid (graded from the keyboard: 1, 2, 3… the grade of that place on
the scale, 0 or Backspace clears, the selection then moves to the next case; Enter edits the case,
Insert adds cases, Delete withdraws one), the findings and learning, and the actions it put in the
action log.

**Inspections** — every inspection with its action plan's state and what it needs today, and for
the chosen one its details and three tabs: the action plan (overdue items marked ⚠ and red, due
soon said), the findings and lessons, and the subcommittee's reviews.

The page reads through ``store.quality`` and never writes: the window's
:class:`~mqp_desktop.ui.quality_controller.QualityController` owns the actions and dialogs, and
hears what the officer asks for through the signals below. It is read when first shown (and again
when shown after a change), not at start-up.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.quality import (
    AUDIT_KIND_LABELS,
    FOLLOW_UP_LABELS,
    Audit,
    AuditCase,
    Grade,
    Inspection,
    InspectionState,
    PlanItem,
    day_text,
)
from mqp_desktop.ui.minutes_models import OVERDUE_COLOUR
from mqp_desktop.store import Store
from mqp_desktop.store.quality import InspectionRow
from mqp_desktop.ui.models import RECORD_ROLE
from mqp_desktop.ui.pages.common import RegisterFilterProxy, RegisterTable, action_bar, filter_box
from mqp_desktop.ui.quality_models import (
    DUE_SOON_COLOUR,
    STATUS_WORDS,
    AuditActionsModel,
    AuditRow,
    AuditsModel,
    CasesModel,
    InspectionsModel,
    PlanModel,
    ReviewsModel,
    plural,
)
from mqp_desktop.ui.widgets.grade_bar import GradeBar

TAB_AUDITS, TAB_INSPECTIONS = range(2)
CASES_TAB, DETAILS_TAB, ACTIONS_TAB = range(3)
PLAN_TAB, INSPECTION_DETAILS_TAB, REVIEWS_TAB = range(3)
GRADE_KEYS_HINT = "Keys: 1–{n} grade · 0 clears · Enter edits · Ins adds · Del withdraws · Ctrl+Z undoes"


def text_html(text: str) -> str:
    """Plain text as the minutes write it (paragraphs; lines starting '- ' are bullets) as simple HTML."""
    out: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if bullets:
            out.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    for block in (text or "").split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        for line in lines:
            if line.startswith(("- ", "• ", "* ")):
                bullets.append(html.escape(line[2:].strip()))
            else:
                flush()
                out.append(f"<p>{html.escape(line)}</p>")
        flush()
    return "".join(out)


class CasesTable(RegisterTable):
    """The cases grid: digits grade the selected case, Backspace clears, Delete withdraws, Insert adds."""

    grade_key = Signal(int)  # the place on the scale (1 = the best); 0 clears
    withdraw_requested = Signal()
    add_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.grade_key.emit(key - Qt.Key.Key_0)
            return
        if plain and key == Qt.Key.Key_Backspace:
            self.grade_key.emit(0)
            return
        if plain and key == Qt.Key.Key_Delete:
            self.withdraw_requested.emit()
            return
        if plain and key == Qt.Key.Key_Insert:
            self.add_requested.emit()
            return
        super().keyPressEvent(event)


def _proxy(model, parent) -> RegisterFilterProxy:
    proxy = RegisterFilterProxy(parent)
    proxy.set_ended_filter(False)
    proxy.setSourceModel(model)
    return proxy


def _sort_proxy(model, parent) -> QSortFilterProxyModel:
    from mqp_desktop.ui.models import SORT_ROLE

    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


class ShareTable(RegisterTable):
    """A table whose columns share its width in fixed proportions, kept as it is resized, so the text
    that matters (an action) keeps its share on a narrow screen or at 150% scaling."""

    def __init__(self, shares: Sequence[float], parent: QWidget | None = None):
        super().__init__(parent)
        self.shares = list(shares)
        self.horizontalHeader().setStretchLastSection(False)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        room = self.viewport().width()
        total = sum(self.shares)
        for column, share in enumerate(self.shares):
            self.setColumnWidth(column, max(40, int(room * share / total)))


def _browser(name: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setObjectName(name)
    view.setOpenLinks(False)
    view.setFrameShape(QTextBrowser.Shape.NoFrame)
    return view


class QualityPage(QWidget):
    """Audits and inspections: lists, details, the cases grid and the action plans."""

    title = "Audits & inspections"

    selection_changed = Signal()
    audit_edit_requested = Signal()
    case_edit_requested = Signal()
    case_grade_requested = Signal(int)  # the place on the scale; 0 clears
    case_withdraw_requested = Signal()
    case_add_requested = Signal()
    inspection_edit_requested = Signal()
    plan_edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("qualityPage")
        self._store: Store | None = None
        self._stale = False
        self._today = dt.date.today()
        self.grades: list[Grade] = []
        self.agency_names: dict[int, str] = {}
        self.meeting_titles: dict[int, str] = {}
        self.meeting_dates: dict[int, dt.date] = {}
        self._build_ui()

    # --- building --------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("qualityTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_audits(), "&Audits")
        self.tabs.addTab(self._build_inspections(), "&Inspections")
        self.tabs.currentChanged.connect(lambda _i: self.selection_changed.emit())
        layout.addWidget(self.tabs, 1)
        self.setStyleSheet(
            """
            #recordTitle { font-size: 12pt; font-weight: 600; }
            #recordFacts { color: palette(dark); }
            #keysHint, #gradeLegend { color: palette(dark); font-size: 8pt; }
            #emptyDetail { color: palette(dark); }
            """
        )

    def _top_bar(self, placeholder: str):
        bar = QHBoxLayout()
        bar.setSpacing(8)
        toolbar = action_bar([])
        bar.addWidget(toolbar)
        bar.addStretch(1)
        box = filter_box(placeholder)
        bar.addWidget(box)
        return bar, toolbar, box

    def _detail_header(self, name: str) -> tuple[QLabel, QLabel]:
        title = QLabel()
        title.setObjectName("recordTitle")
        title.setWordWrap(True)
        title.setMaximumHeight(title.fontMetrics().height() * 2 + 8)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts = QLabel()
        facts.setObjectName("recordFacts")
        facts.setWordWrap(True)
        facts.setTextFormat(Qt.TextFormat.RichText)
        facts.setAccessibleName(f"{name} details")
        return title, facts

    def _build_audits(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        bar, self.audits_toolbar, self.audits_filter = self._top_bar("Find an audit")
        layout.addLayout(bar)

        self.audits_model = AuditsModel(self)
        self.audits_proxy = _proxy(self.audits_model, self)
        self.audits_table = RegisterTable()
        self.audits_table.setObjectName("auditsTable")
        self.audits_table.setModel(self.audits_proxy)
        self.audits_table.set_column_widths((220, 96, 100, 96, 50, 200), {AuditsModel.COL_TITLE: 130})
        # the grades are in the tooltip and the detail's bar; the column is there to show if wanted
        self.audits_table.setColumnHidden(AuditsModel.COL_GRADES, True)
        self.audits_table.sortByColumn(AuditsModel.COL_WHEN, Qt.SortOrder.DescendingOrder)
        self.audits_table.selectionModel().selectionChanged.connect(lambda *_a: self._audit_chosen())
        self.audits_table.activated_row.connect(self.audit_edit_requested.emit)
        self.audits_filter.textChanged.connect(self.audits_proxy.set_text)

        detail = QWidget()
        detail.setObjectName("auditDetail")
        d = QVBoxLayout(detail)
        d.setContentsMargins(8, 0, 0, 0)
        d.setSpacing(4)
        self.audit_title, self.audit_facts = self._detail_header("Audit")
        d.addWidget(self.audit_title)
        d.addWidget(self.audit_facts)
        self.grade_bar = GradeBar()
        d.addWidget(self.grade_bar)
        self.audit_tabs = QTabWidget()
        self.audit_tabs.setObjectName("auditTabs")
        self.audit_tabs.setDocumentMode(True)

        cases = QWidget()
        c = QVBoxLayout(cases)
        c.setContentsMargins(0, 4, 0, 0)
        c.setSpacing(2)
        self.cases_model = CasesModel(self)
        self.cases_proxy = _sort_proxy(self.cases_model, self)
        self.cases_table = CasesTable()
        self.cases_table.setObjectName("casesTable")
        self.cases_table.setModel(self.cases_proxy)
        self.cases_table.set_column_widths((120, 150, 150, 200), {CasesModel.COL_AGENCY: 90})
        self.cases_table.sortByColumn(CasesModel.COL_REFERENCE, Qt.SortOrder.AscendingOrder)
        self.cases_table.activated_row.connect(self.case_edit_requested.emit)
        self.cases_table.grade_key.connect(self.case_grade_requested.emit)
        self.cases_table.withdraw_requested.connect(self.case_withdraw_requested.emit)
        self.cases_table.add_requested.connect(self.case_add_requested.emit)
        self.cases_table.selectionModel().selectionChanged.connect(lambda *_a: self.selection_changed.emit())
        c.addWidget(self.cases_table, 1)
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("keysHint")
        c.addWidget(self.keys_hint)
        self.cases_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.audit_tabs.addTab(cases, "Cases")

        self.findings_view = _browser("auditFindings")
        self.audit_tabs.addTab(self.findings_view, "Details && findings")

        actions = QWidget()
        a = QVBoxLayout(actions)
        a.setContentsMargins(0, 4, 0, 0)
        self.audit_actions_model = AuditActionsModel(self)
        self.audit_actions_table = ShareTable((0.14, 0.42, 0.18, 0.16, 0.10))
        self.audit_actions_table.setObjectName("auditActionsTable")
        self.audit_actions_table.setModel(_sort_proxy(self.audit_actions_model, self))
        self.audit_actions_table.setWordWrap(True)
        self.audit_actions_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        a.addWidget(self.audit_actions_table, 1)
        self.actions_hint = QLabel("The actions are in the action log (Ctrl+7): their updates are recorded at meetings, "
                                   "like every action's.")
        self.actions_hint.setObjectName("keysHint")
        self.actions_hint.setWordWrap(True)
        a.addWidget(self.actions_hint)
        self.audit_tabs.addTab(actions, "Actions")
        d.addWidget(self.audit_tabs, 1)
        self.audit_empty = QLabel("Choose an audit to see its cases, grades, findings and actions.")
        self.audit_empty.setObjectName("emptyDetail")
        self.audit_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.audit_empty.setWordWrap(True)
        d.addWidget(self.audit_empty)

        self.audits_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.audits_splitter.setObjectName("auditsSplitter")
        self.audits_splitter.setChildrenCollapsible(False)
        self.audits_splitter.addWidget(self.audits_table)
        self.audits_splitter.addWidget(detail)
        self.audits_splitter.setStretchFactor(0, 2)
        self.audits_splitter.setStretchFactor(1, 3)
        self.audits_splitter.setSizes([440, 660])
        layout.addWidget(self.audits_splitter, 1)
        return page

    def _build_inspections(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        bar, self.inspections_toolbar, self.inspections_filter = self._top_bar("Find an inspection")
        layout.addLayout(bar)

        self.inspections_model = InspectionsModel(self)
        self.inspections_proxy = _proxy(self.inspections_model, self)
        self.inspections_table = RegisterTable()
        self.inspections_table.setObjectName("inspectionsTable")
        self.inspections_table.setModel(self.inspections_proxy)
        self.inspections_table.set_column_widths((120, 76, 160, 86, 100, 110, 130),
                                                 {InspectionsModel.COL_JUDGEMENT: 70})
        # the type and the action plan's counts are in the detail beside it (and in the tooltip of a row)
        self.inspections_table.setColumnHidden(InspectionsModel.COL_TYPE, True)
        self.inspections_table.setColumnHidden(InspectionsModel.COL_PLAN, True)
        self.inspections_table.sortByColumn(InspectionsModel.COL_PUBLISHED, Qt.SortOrder.DescendingOrder)
        self.inspections_table.selectionModel().selectionChanged.connect(lambda *_a: self._inspection_chosen())
        self.inspections_table.activated_row.connect(self.inspection_edit_requested.emit)
        self.inspections_filter.textChanged.connect(self.inspections_proxy.set_text)

        detail = QWidget()
        detail.setObjectName("inspectionDetail")
        d = QVBoxLayout(detail)
        d.setContentsMargins(8, 0, 0, 0)
        d.setSpacing(4)
        self.inspection_title, self.inspection_facts = self._detail_header("Inspection")
        d.addWidget(self.inspection_title)
        d.addWidget(self.inspection_facts)
        self.inspection_tabs = QTabWidget()
        self.inspection_tabs.setObjectName("inspectionTabs")
        self.inspection_tabs.setDocumentMode(True)

        plan = QWidget()
        p = QVBoxLayout(plan)
        p.setContentsMargins(0, 4, 0, 0)
        p.setSpacing(2)
        self.plan_model = PlanModel(self)
        self.plan_proxy = _sort_proxy(self.plan_model, self)
        self.plan_table = ShareTable((0.42, 0.2, 0.22, 0.16))
        self.plan_table.setObjectName("planTable")
        self.plan_table.setModel(self.plan_proxy)
        self.plan_table.setWordWrap(True)
        self.plan_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.plan_table.sortByColumn(PlanModel.COL_DUE, Qt.SortOrder.AscendingOrder)
        self.plan_table.activated_row.connect(self.plan_edit_requested.emit)
        self.plan_table.selectionModel().selectionChanged.connect(lambda *_a: self.selection_changed.emit())
        p.addWidget(self.plan_table, 1)
        self.plan_hint = QLabel("Enter edits the item · Ins adds one · Ctrl+D marks it done · Ctrl+Z undoes")
        self.plan_hint.setObjectName("keysHint")
        p.addWidget(self.plan_hint)
        self.plan_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.inspection_tabs.addTab(plan, "Action plan")

        self.lessons_view = _browser("inspectionFindings")
        self.inspection_tabs.addTab(self.lessons_view, "Details && findings")

        self.reviews_model = ReviewsModel(self)
        self.reviews_table = ShareTable((0.2, 0.3, 0.5))
        self.reviews_table.setObjectName("reviewsTable")
        self.reviews_table.setModel(_sort_proxy(self.reviews_model, self))
        self.reviews_table.setWordWrap(True)
        self.reviews_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.inspection_tabs.addTab(self.reviews_table, "Reviews")
        d.addWidget(self.inspection_tabs, 1)
        self.inspection_empty = QLabel("Choose an inspection to see its findings, action plan and reviews.")
        self.inspection_empty.setObjectName("emptyDetail")
        self.inspection_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.inspection_empty.setWordWrap(True)
        d.addWidget(self.inspection_empty)

        self.inspections_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.inspections_splitter.setObjectName("inspectionsSplitter")
        self.inspections_splitter.setChildrenCollapsible(False)
        self.inspections_splitter.addWidget(self.inspections_table)
        self.inspections_splitter.addWidget(detail)
        self.inspections_splitter.setStretchFactor(0, 2)
        self.inspections_splitter.setStretchFactor(1, 3)
        self.inspections_splitter.setSizes([440, 620])
        layout.addWidget(self.inspections_splitter, 1)
        return page

    def set_actions(self, audit_actions: Sequence[QAction], case_actions: Sequence[QAction],
                    inspection_actions: Sequence[QAction], plan_actions: Sequence[QAction]) -> None:
        """The toolbars' actions, and the right-click menus of the cases grid and the action plan."""
        for bar, actions in ((self.audits_toolbar, audit_actions), (self.inspections_toolbar, inspection_actions)):
            for action in actions:
                bar.addAction(action)
        self.cases_table.addActions(list(case_actions))
        self.plan_table.addActions(list(plan_actions))

    # --- the store -------------------------------------------------------------------------
    def set_store(self, store: Store | None, today: dt.date | None = None) -> None:
        """Show ``store``'s audits and inspections; read now if the page is visible, else when shown."""
        self._store = store
        self._today = today or dt.date.today()
        self._stale = True
        if self.isVisible():
            self.recompute()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.recompute()

    def ensure_current(self) -> None:
        if self._stale:
            self.recompute()

    def recompute(self) -> None:
        """Read the audits and inspections again, keeping what was chosen."""
        self._stale = False
        store = self._store
        if store is None:
            return
        q = store.quality
        audit_id, case_id = self.current_audit_id(), self.current_case_id()
        inspection_id, item_id = self.current_inspection_id(), self.current_plan_item_id()
        self.grades = q.grades(include_removed=True)
        self.agency_names = {a.id: a.label for a in store.agencies() if a.id is not None}
        meetings = store.meetings.list()
        self.meeting_titles = {m.id: m.title for m in meetings if m.id is not None}
        self.meeting_dates = {m.id: m.date for m in meetings if m.id is not None}
        members = {m.id: m.display_name for m in store.members() if m.id is not None}
        summaries, counts = q.summaries(), q.action_counts()
        rows = []
        for audit in q.audits():
            if audit.lead_member_id is not None:
                lead = members.get(audit.lead_member_id, "")
            else:
                lead = self.agency_names.get(audit.lead_agency_id, "") if audit.lead_agency_id else ""
            total, still_open = counts.get(audit.id, (0, 0))
            rows.append(AuditRow(audit, lead, summaries[audit.id], total, still_open, audit.is_late(self._today)))
        self.audits_model.set_rows(rows)
        self.inspections_model.set_rows(q.inspection_rows(self._today), self.agency_names)
        if not self.select_audit(audit_id) and self.audits_proxy.rowCount():
            self.audits_table.selectRow(0)
        self._audit_chosen(keep_case=case_id)
        if not self.select_inspection(inspection_id) and self.inspections_proxy.rowCount():
            self.inspections_table.selectRow(0)
        self._inspection_chosen(keep_item=item_id)
        self.audit_detail_counts()
        self.selection_changed.emit()

    def audit_detail_counts(self) -> None:
        n = self.audits_model.rowCount()
        self.tabs.setTabText(TAB_AUDITS, f"&Audits ({n})" if n else "&Audits")
        m = self.inspections_model.rowCount()
        overdue = sum(1 for r in range(m) if self.inspections_model.record(r).counts.overdue)
        self.tabs.setTabText(TAB_INSPECTIONS, f"&Inspections ({m})" + (" ⚠" if overdue else "") if m
                             else "&Inspections")
        self.tabs.setTabToolTip(TAB_INSPECTIONS, plural(overdue, "inspection") + " with overdue action-plan items"
                                if overdue else "")

    # --- the audits ---------------------------------------------------------------------------
    def current_tab(self) -> int:
        return self.tabs.currentIndex()

    def show_tab(self, tab: int) -> None:
        self.tabs.setCurrentIndex(tab)

    def current_audit_row(self) -> AuditRow | None:
        rows = self.audits_table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def current_audit(self) -> Audit | None:
        row = self.current_audit_row()
        return row.audit if row else None

    def current_audit_id(self) -> int | None:
        audit = self.current_audit()
        return audit.id if audit else None

    def select_audit(self, audit_id: int | None) -> bool:
        return self.audits_table.select_id(audit_id)

    def _audit_chosen(self, keep_case: int | None = None) -> None:
        row = self.current_audit_row()
        self._show_audit(row, keep_case)
        self.selection_changed.emit()

    def _show_audit(self, row: AuditRow | None, keep_case: int | None = None) -> None:
        store = self._store
        shown = row is not None and store is not None
        for widget in (self.audit_title, self.audit_facts, self.grade_bar, self.audit_tabs):
            widget.setVisible(shown)
        self.audit_empty.setVisible(not shown)
        if not shown:
            self.cases_model.set_rows([], {}, self.grades)
            self.audit_actions_model.set_rows([], {}, self._today)
            self.grade_bar.set_summary(None)
            return
        q = store.quality
        audit = row.audit
        self.audit_title.setText(audit.title)
        self.audit_facts.setText(self._audit_facts(row))
        self.audit_facts.setToolTip(self._audit_facts(row, full=True))
        self.grade_bar.set_summary(row.summary)
        cases = q.cases(audit.id)
        self.cases_model.set_rows(cases, self.agency_names, self.grades)
        scale = [g for g in self.grades if not g.removed]
        self.keys_hint.setText(GRADE_KEYS_HINT.format(n=len(scale)))
        self.keys_hint.setToolTip("Grades: " + ", ".join(f"{n} {g.label}" for n, g in enumerate(scale, start=1))
                                  + "; 0 or Backspace: not graded")
        if keep_case is None or not self.select_case(keep_case):
            if self.cases_proxy.rowCount():
                self.cases_table.selectRow(0)
        actions = q.actions(audit.id)
        owners = {a.id: store.minutes.owner_text(a) for a in actions}
        self.audit_actions_model.set_rows(actions, owners, self._today)
        self.audit_tabs.setTabText(CASES_TAB, f"Cases ({row.summary.gradings})" if cases else "Cases")
        overdue = sum(1 for a in actions if a.is_overdue(self._today))
        self.audit_tabs.setTabText(ACTIONS_TAB, (f"Actions ({len(actions)})" if actions else "Actions")
                                   + (" ⚠" if overdue else ""))
        parts = [self._audit_facts(row, full=True)]
        if audit.findings:
            parts.append("<h4>Findings</h4>" + text_html(audit.findings))
        if audit.learning:
            parts.append("<h4>Learning</h4>" + text_html(audit.learning))
        if audit.notes:
            parts.append("<h4>Notes</h4>" + text_html(audit.notes))
        if not (audit.findings or audit.learning):
            parts.append("<p style='color:gray'>No findings or learning recorded yet (Edit audit, Ctrl+E).</p>")
        self.findings_view.setHtml("".join(parts))

    def _audit_facts(self, row: AuditRow, *, full: bool = False) -> str:
        """One line for the header (status, kind, lead, dates so far); ``full``: every fact, as a table."""
        a = row.audit
        e = html.escape
        status = STATUS_WORDS[a.status] + (" — late: planned for " + day_text(a.planned) if row.late else "")
        if a.cancelled_on:
            status += f" on {day_text(a.cancelled_on)}: {a.cancel_reason}"
        shown = f"<b style='color:{OVERDUE_COLOUR}'>{e(status)}</b>" if row.late else f"<b>{e(status)}</b>"
        reported = ""
        if a.reported_meeting_id:
            title = self.meeting_titles.get(a.reported_meeting_id, "a meeting")
            meeting_day = self.meeting_dates.get(a.reported_meeting_id)
            reported = (f"the {title[:1].lower() + title[1:]}"
                        + (f" (on {day_text(a.reported_on)})" if a.reported_on and a.reported_on != meeting_day else ""))
        if not full:
            latest = next(((label, value) for label, value in (("reported", a.reported_on), ("completed", a.completed),
                                                               ("started", a.started), ("planned for", a.planned))
                           if value), None)
            parts = [shown, e(AUDIT_KIND_LABELS[a.kind]), e(f"Lead: {row.lead}" if row.lead else "Lead: not set")]
            if latest and not row.late:
                parts.append(e(f"{latest[0].capitalize()} {day_text(latest[1])}"))
            return " · ".join(parts)
        facts = [("Status", shown), ("Kind", e(AUDIT_KIND_LABELS[a.kind])), ("Theme", e(a.theme)),
                 ("Lead", e(row.lead or "not set")),
                 ("Agencies", e(", ".join(self.agency_names.get(i, "") for i in a.agency_ids) or "none yet")),
                 ("Planned for", day_text(a.planned)), ("Started", day_text(a.started)),
                 ("Completed", day_text(a.completed)), ("Reported to", e(reported))]
        cells = "".join(f"<tr><td style='color:gray; padding-right:10px'>{k}</td><td>{v}</td></tr>"
                        for k, v in facts if v)
        return f"<table>{cells}</table>"

    def current_case(self) -> AuditCase | None:
        rows = self.cases_table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def current_case_id(self) -> int | None:
        case = self.current_case()
        return case.id if case else None

    def select_case(self, case_id: int | None) -> bool:
        return self.cases_table.select_id(case_id)

    def case_after(self, case_id: int) -> int | None:
        """The id of the case shown below this one (None at the end)."""
        for row in range(self.cases_proxy.rowCount()):
            index = self.cases_proxy.index(row, 0)
            if index.data(RECORD_ROLE).id == case_id:
                if row + 1 < self.cases_proxy.rowCount():
                    return self.cases_proxy.index(row + 1, 0).data(RECORD_ROLE).id
                return None
        return None

    def scale(self) -> list[Grade]:
        """The grades on the scale now, best first (their place is the key that grades with them)."""
        return [g for g in self.grades if not g.removed]

    # --- the inspections ------------------------------------------------------------------------
    def current_inspection_row(self) -> InspectionRow | None:
        rows = self.inspections_table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def current_inspection(self) -> Inspection | None:
        row = self.current_inspection_row()
        return row.inspection if row else None

    def current_inspection_id(self) -> int | None:
        inspection = self.current_inspection()
        return inspection.id if inspection else None

    def select_inspection(self, inspection_id: int | None) -> bool:
        return self.inspections_table.select_id(inspection_id)

    def _inspection_chosen(self, keep_item: int | None = None) -> None:
        self._show_inspection(self.current_inspection_row(), keep_item)
        self.selection_changed.emit()

    def _show_inspection(self, row: InspectionRow | None, keep_item: int | None = None) -> None:
        store = self._store
        shown = row is not None and store is not None
        for widget in (self.inspection_title, self.inspection_facts, self.inspection_tabs):
            widget.setVisible(shown)
        self.inspection_empty.setVisible(not shown)
        if not shown:
            self.plan_model.set_rows([], self._today)
            self.reviews_model.set_rows([], {})
            return
        q = store.quality
        i = row.inspection
        agency = self.agency_names.get(i.agency_id, "")
        self.inspection_title.setText(f"{agency}: {i.inspectorate_label} {i.inspection_type or 'inspection'}")
        self.inspection_facts.setText(self._inspection_facts(row))
        self.inspection_facts.setToolTip(self._inspection_facts(row, full=True))
        plan = q.plan(i.id)
        self.plan_model.set_rows(plan, self._today)
        if keep_item is None or not self.select_plan_item(keep_item):
            if self.plan_proxy.rowCount():
                self.plan_table.selectRow(0)
        c = row.counts
        self.inspection_tabs.setTabText(PLAN_TAB, (f"Action plan ({c.open} open)" if c.total else "Action plan")
                                        + (f" ⚠ {c.overdue} overdue" if c.overdue else ""))
        reviews = q.reviews(i.id)
        self.reviews_model.set_rows(reviews, self.meeting_titles)
        self.inspection_tabs.setTabText(REVIEWS_TAB, f"Reviews ({len(reviews)})" if reviews else "Reviews")
        parts = [self._inspection_facts(row, full=True)]
        if i.key_findings:
            parts.append("<h4>Key findings</h4>" + text_html(i.key_findings))
        if i.lessons:
            parts.append("<h4>Lessons</h4>" + text_html(i.lessons))
        if i.notes:
            parts.append("<h4>Notes</h4>" + text_html(i.notes))
        if not (i.key_findings or i.lessons):
            parts.append("<p style='color:gray'>No findings recorded yet (Edit inspection, Ctrl+E).</p>")
        self.lessons_view.setHtml("".join(parts))

    def _inspection_facts(self, row: InspectionRow, *, full: bool = False) -> str:
        """One line for the header (state, judgement, published); ``full``: every fact, as a table."""
        i = row.inspection
        e = html.escape
        state = row.state.value[:1].upper() + row.state.value[1:]
        if i.withdrawn:
            state += f" on {day_text(i.withdrawn_on)}: {i.withdrawn_reason}"
        colour = {InspectionState.PLAN_OVERDUE: OVERDUE_COLOUR, InspectionState.REVIEW_DUE: OVERDUE_COLOUR,
                  InspectionState.AWAITING_REVIEW: DUE_SOON_COLOUR}.get(row.state)
        shown = f"<b style='color:{colour}'>{e(state)}</b>" if colour else f"<b>{e(state)}</b>"
        published = f"Published {day_text(i.published)}" if i.published else "Report not published yet"
        if not full:
            parts = [shown]
            if i.judgement:
                parts.append(f"Judgement: <b>{e(i.judgement)}</b>")
            parts.append(e(published))
            return " · ".join(parts)
        inspected = ""
        if i.inspected_from:
            inspected = day_text(i.inspected_from) + (f" to {day_text(i.inspected_to)}"
                                                      if i.inspected_to and i.inspected_to != i.inspected_from else "")
        last = row.last_review
        facts = [("State", shown), ("Inspectorate", e(i.inspectorate_name if i.inspectorate.value == "other"
                                                     else i.inspectorate.value)),
                 ("Type", e(i.inspection_type)), ("Inspected", inspected),
                 ("Published", day_text(i.published) or "not yet"), ("Judgement", e(i.judgement)),
                 ("Follow-up", e(FOLLOW_UP_LABELS[i.follow_up])), ("Next review", day_text(i.next_review)),
                 ("Last reviewed", (f"{day_text(last.reviewed_on)} ({e(self.meeting_titles.get(last.meeting_id, ''))})"
                                    if last else "not yet"))]
        cells = "".join(f"<tr><td style='color:gray; padding-right:10px'>{k}</td><td>{v}</td></tr>"
                        for k, v in facts if v)
        return f"<table>{cells}</table>"

    def current_plan_item(self) -> PlanItem | None:
        rows = self.plan_table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def current_plan_item_id(self) -> int | None:
        item = self.current_plan_item()
        return item.id if item else None

    def select_plan_item(self, item_id: int | None) -> bool:
        return self.plan_table.select_id(item_id)

    def focus_filter(self) -> None:
        box = self.audits_filter if self.current_tab() == TAB_AUDITS else self.inspections_filter
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()

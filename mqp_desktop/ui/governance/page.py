"""The Governance page: case reviews (ToR 7.7), training (7.5, 7.6), documents and reviews (7.1, 12, 2) and
attendance follow-up (5), one tab each; and the decisions register with the ratification of decisions taken
while not quorate (3), whose tab is ``decisions_tab.py``.

At the top, one line says where the governance dates stand: the Terms of Reference in force and their
review date, the chair's and co-chair's reviews, letters awaiting a reply and documents awaiting sign-off —
overdue ones in red with ⚠. Each tab has its own actions, a "Show" choice and a find box, its table and the
chosen record in full below it; the Documents tab also lists the reviews of chairing. Alt+1 … Alt+5 choose a tab.

The page reads nothing itself: the window's
:class:`~mqp_desktop.ui.governance.controller.GovernanceController` gives it rows and owns the actions.

Its signals are chained signal to signal, emitted by Qt, never by ``Signal.emit()`` from Python on a refresh:
PySide6 6.12.0 (excluded in pyproject.toml) drops a reference to ``True`` on every ``emit()`` called from
Python, and a page refreshed often wore it down until the interpreter aborted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.governance import case_reviews as cr
from mqp_desktop.domain.governance import documents as docs
from mqp_desktop.domain.governance import followups as fu
from mqp_desktop.domain.governance import training as tr
from mqp_desktop.ui.governance import models as gm
from mqp_desktop.ui.models import RECORD_ROLE
from mqp_desktop.ui.pages.common import RegisterTable, action_bar, filter_box

TAB_REVIEWS, TAB_TRAINING, TAB_DOCUMENTS, TAB_FOLLOWUP, TAB_DECISIONS = range(5)


class RecordsTab(QWidget):
    """One tab: its actions, which records to show, a find box, the table and the chosen record in full."""

    selection_changed = Signal()
    edit_requested = Signal()

    def __init__(self, name: str, *, columns: Sequence[gm.Column], choices: Sequence[tuple[str, str]],
                 matches: Callable[[Any, str, dt.date], bool], detail: Callable[[gm.Row], str], find: str,
                 placeholder: str, widths: Sequence[int], flexible: dict[int, int] | None = None,
                 beside: QWidget | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{name}Tab")
        self.detail_html = detail
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        self.button_bar = QHBoxLayout()
        layout.addLayout(self.button_bar)
        bar = QHBoxLayout()
        show_label = QLabel("&Show:")
        self.show_combo = QComboBox()
        self.show_combo.setObjectName(f"{name}Show")
        for which, text in choices:
            self.show_combo.addItem(text, which)
        show_label.setBuddy(self.show_combo)
        bar.addWidget(show_label)
        bar.addWidget(self.show_combo)
        self.filter_edit = filter_box(find)
        bar.addWidget(self.filter_edit, 1)
        self.shown_label = QLabel()
        self.shown_label.setObjectName("pageIntro")
        bar.addWidget(self.shown_label)
        layout.addLayout(bar)

        self.model = gm.RowsModel(columns, self)
        self.proxy = gm.RowsFilter(matches, choices[0][0], self)
        self.proxy.setSourceModel(self.model)
        self.table = RegisterTable()
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(self.proxy)
        self.table.set_column_widths(widths, flexible or {})
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)  # signal to signal
        self.table.activated_row.connect(self.edit_requested)
        self.detail = QTextBrowser()
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(placeholder)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName(f"{name}Splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        if beside is None:
            self.lower: QWidget = self.detail
        else:  # the Documents tab: the chairing reviews beside the chosen document
            self.lower = QSplitter(Qt.Orientation.Horizontal)
            self.lower.setObjectName(f"{name}LowerSplitter")
            self.lower.setChildrenCollapsible(False)
            self.lower.addWidget(self.detail)
            self.lower.addWidget(beside)
            self.lower.setStretchFactor(0, 3)
            self.lower.setStretchFactor(1, 2)
            self.lower.setSizes([600, 400])
        self.splitter.addWidget(self.lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([300, 200])
        layout.addWidget(self.splitter, 1)
        self.show_combo.currentIndexChanged.connect(self._refilter)
        self.filter_edit.textChanged.connect(self._refilter)

    def set_actions(self, actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)
        self.button_bar.addStretch(1)

    def set_rows(self, rows: Sequence[gm.Row]) -> None:
        keep = self.current_id()
        self.model.set_rows(rows)
        self._refilter()
        if keep is not None:
            self.select(keep, reveal=False)
        self._show_detail()

    def _refilter(self, *_args: Any) -> None:
        self.proxy.set_filters(self.show_combo.currentData(), self.filter_edit.text())
        self.shown_label.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} shown")
        if self.current_id() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_detail()

    def show_only(self, which: str) -> None:
        self.show_combo.setCurrentIndex(max(0, self.show_combo.findData(which)))

    def current_row(self) -> gm.Row | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def current(self) -> Any:
        row = self.current_row()
        return row.record if row is not None else None

    def current_id(self) -> int | None:
        record = self.current()
        return record.id if record is not None else None

    def select(self, record_id: int, *, reveal: bool = True) -> bool:
        source = self.model.row_of(record_id)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            if not reveal:
                return False
            self.filter_edit.clear()
            self.show_only("all")
            index = self.proxy.mapFromSource(self.model.index(source, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _selected(self, *_args: Any) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.current_row()
        self.detail.setHtml(self.detail_html(row) if row is not None else "")

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()


REVIEW_CHOICES = ((cr.FILTER_OPEN, "Open (not closed)"), (cr.FILTER_PUBLISHED, "Published"),
                  (cr.FILTER_CLOSED, "Closed or withdrawn"), (cr.FILTER_ALL, "All"))
COURSE_CHOICES = ((tr.FILTER_ALL, "All courses"), (tr.FILTER_CURRENT, "Planned or delivered"),
                  (tr.FILTER_TO_REVIEW, "Delivered, to review"), (tr.FILTER_REVIEWED, "Reviewed"))
DOCUMENT_CHOICES = ((docs.FILTER_CURRENT, "Current (not superseded or withdrawn)"),
                    (docs.FILTER_UNDER_REVIEW, "Under review (not signed off)"),
                    (docs.FILTER_AWAITING, "Awaiting Executive sign-off"), (docs.FILTER_SIGNED_OFF, "Signed off"),
                    (docs.FILTER_REVIEW_OVERDUE, "Review overdue"), (docs.FILTER_TOR, "Terms of Reference"),
                    (docs.FILTER_ALL, "All"))
LETTER_CHOICES = ((fu.FILTER_OPEN, "Awaiting a reply"), (fu.FILTER_OVERDUE, "Reply overdue"),
                  (fu.FILTER_CLOSED, "Closed or withdrawn"), (fu.FILTER_ALL, "All"))


class GovernancePage(QWidget):
    title = "Governance"
    selection_changed = Signal()
    tab_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("governancePage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2 style='margin:0'>Governance records</h2>"))
        top.addSpacing(16)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("governanceSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.summary_label, 1)
        layout.addLayout(top)

        self.reviews = RecordsTab(
            "caseReviews", columns=gm.REVIEW_COLUMNS, choices=REVIEW_CHOICES, matches=cr.matches_filter,
            detail=gm.review_html, find="Find a case review",
            placeholder="Choose a case review to see it in full: its learning, how it was shared, its actions.",
            widths=(120, 140, 95, 95, 95, 130, 150, 90))
        self.training = RecordsTab(
            "training", columns=gm.COURSE_COLUMNS, choices=COURSE_CHOICES, matches=tr.matches_filter,
            detail=gm.course_html, find="Find a course",
            placeholder="Choose a course to see its attendance by agency, evaluation and gaps.",
            widths=(260, 150, 170, 60, 70, 140, 140), flexible={0: 140, 1: 90})
        # the Documents tab: the chairing reviews (ToR 2) beside the chosen document
        self.office_model = gm.RowsModel(gm.OFFICE_COLUMNS, self)
        self.office_table = RegisterTable()
        self.office_table.setObjectName("officeReviewsTable")
        self.office_table.setModel(self.office_model)
        self.office_table.setSortingEnabled(False)
        self.office_table.set_column_widths((88, 66, 110, 80, 90), {0: 80, 1: 60, 2: 60, 3: 60})
        office_box = QWidget()
        office_layout = QVBoxLayout(office_box)
        office_layout.setContentsMargins(0, 0, 0, 0)
        office_layout.addWidget(QLabel("<b>Reviews of chairing</b> (ToR 2)"))
        office_layout.addWidget(self.office_table, 1)
        self.documents = RecordsTab(
            "documents", columns=gm.DOCUMENT_COLUMNS, choices=DOCUMENT_CHOICES, matches=docs.matches_filter,
            detail=gm.document_html, find="Find a document",
            placeholder="Choose a document to see its review, sending and sign-off.",
            widths=(210, 105, 85, 90, 125, 90, 90, 100, 170),
            flexible={0: 130},
            beside=office_box)
        self.followups = RecordsTab(
            "followups", columns=gm.LETTER_COLUMNS, choices=LETTER_CHOICES, matches=fu.matches_filter,
            detail=gm.letter_html, find="Find a letter",
            placeholder="Choose a letter to see the attendance that prompted it and what came of it.",
            widths=(160, 180, 95, 110, 60, 200, 200), flexible={0: 110, 1: 110})
        from mqp_desktop.ui.governance.decisions_tab import DecisionsTab

        self.decisions = DecisionsTab()  # the decisions register and ratification (ToR 3)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("governanceTabs")
        for tab, text in ((self.reviews, "Case reviews"), (self.training, "Training"),
                          (self.documents, "Documents && reviews"), (self.followups, "Attendance follow-up"),
                          (self.decisions, "Decisions")):
            self.tabs.addTab(tab, text)
            tab.selection_changed.connect(self.selection_changed)
        for number in range(5):
            shortcut = QShortcut(QKeySequence(f"Alt+{number + 1}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.tabs.setCurrentIndex(n))
        self.tabs.setTabToolTip(TAB_REVIEWS, "Case reviews by reference only (ToR 7.7) — Alt+1")
        self.tabs.setTabToolTip(TAB_TRAINING, "The multi-agency training programme (ToR 7.5, 7.6) — Alt+2")
        self.tabs.setTabToolTip(TAB_DOCUMENTS, "Documents under review, the Terms of Reference, chairing reviews "
                                               "(ToR 7.1, 12, 2) — Alt+3")
        self.tabs.setTabToolTip(TAB_FOLLOWUP, "Letters to members below the attendance standard (ToR 5) — Alt+4")
        self.tabs.setTabToolTip(TAB_DECISIONS, "Every decision of every meeting; those taken while not quorate and "
                                               "their ratification (ToR 3) — Alt+5")
        self.tabs.currentChanged.connect(self.tab_changed)
        self.tabs.currentChanged.connect(self.selection_changed)
        layout.addWidget(self.tabs, 1)

    @property
    def tab_widgets(self) -> tuple[Any, ...]:
        return (self.reviews, self.training, self.documents, self.followups, self.decisions)

    def current_tab(self) -> int:
        return self.tabs.currentIndex()

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def set_summary(self, html: str) -> None:
        self.summary_label.setText(html)

    def set_office_rows(self, rows: Sequence[gm.Row]) -> None:
        self.office_model.set_rows(rows)

    def current_office_review(self) -> Any:
        rows = self.office_table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE).record if rows else None

    def focus_filter(self) -> None:
        self.tab_widgets[self.current_tab()].focus_filter()

"""The challenge log (ToR 6.3): questions put to agencies, their responses and whether each was accepted.

Top: a line of counts — open, **overdue** (in red, with ⚠), answered and waiting for the
subcommittee's review, closed — each a button that shows those challenges. Then the page's
actions, the filters (which challenges, agency, words) and the table; below it, the chosen
challenge in full: status and next step, subject, where it was raised, to whom, the question,
and every response with its review.

Overdue challenges are red on a pale red row *and* marked "⚠ overdue (n days)" in words.

The page reads nothing itself: the window's
:class:`~mqp_desktop.ui.challenges_controller.ChallengesController` gives it rows and owns the
actions and dialogs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.challenges import (
    FILTER_ALL,
    FILTER_ANSWERED,
    FILTER_CLOSED,
    FILTER_OPEN,
    FILTER_OVERDUE,
    ChallengeStatus,
)
from mqp_desktop.ui.challenges_models import (
    OVERDUE_COLOUR,
    ChallengeFilterProxy,
    ChallengeLogModel,
    ChallengeRow,
    detail_html,
)
from mqp_desktop.ui.models import RECORD_ROLE
from mqp_desktop.ui.pages.common import RegisterTable, action_bar, filter_box

SHOW_CHOICES = (
    (FILTER_OPEN, "Open (not closed)"),
    (FILTER_OVERDUE, "Overdue"),
    (FILTER_ANSWERED, "Answered, awaiting review"),
    (FILTER_CLOSED, "Closed or withdrawn"),
    (FILTER_ALL, "All"),
)


class ChallengesPage(QWidget):
    title = "Challenges"
    selection_changed = Signal()
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("challengesPage")
        self.today = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2 style='margin:0'>Challenge log</h2>"))
        top.addSpacing(16)
        self.count_buttons: dict[str, QToolButton] = {}
        for which, tip in ((FILTER_OPEN, "Show the challenges not yet closed"),
                           (FILTER_OVERDUE, "Show the challenges waiting for the agency past their due date"),
                           (FILTER_ANSWERED, "Show the responses waiting for the subcommittee's review"),
                           (FILTER_CLOSED, "Show the closed and withdrawn challenges")):
            button = QToolButton()
            button.setObjectName(f"challengesCount_{which}")
            button.setAutoRaise(True)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, w=which: self.show_only(w))
            self.count_buttons[which] = button
            top.addWidget(button)
        top.addStretch(1)
        layout.addLayout(top)

        self.button_bar = QHBoxLayout()
        layout.addLayout(self.button_bar)

        bar = QHBoxLayout()
        show_label = QLabel("&Show:")
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("challengesShow")
        for which, label in SHOW_CHOICES:
            self.show_combo.addItem(label, which)
        show_label.setBuddy(self.show_combo)
        bar.addWidget(show_label)
        bar.addWidget(self.show_combo)
        agency_label = QLabel("A&gency:")
        self.agency_combo = QComboBox()
        self.agency_combo.setObjectName("challengesAgency")
        self.agency_combo.setMinimumContentsLength(14)
        agency_label.setBuddy(self.agency_combo)
        bar.addWidget(agency_label)
        bar.addWidget(self.agency_combo)
        self.filter_edit = filter_box("Find a challenge")
        bar.addWidget(self.filter_edit, 1)
        self.shown_label = QLabel()
        self.shown_label.setObjectName("pageIntro")
        bar.addWidget(self.shown_label)
        layout.addLayout(bar)

        self.model = ChallengeLogModel(self)
        self.proxy = ChallengeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = RegisterTable()
        self.table.setObjectName("challengesTable")
        self.table.setModel(self.proxy)
        self.table.set_column_widths((95, 90, 165, 110, 180, 220, 300),
                                     {ChallengeLogModel.COL_SUBJECT: 140, ChallengeLogModel.COL_QUESTION: 160})
        self.table.sortByColumn(ChallengeLogModel.COL_REFERENCE, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.activated_row.connect(self.edit_requested.emit)

        self.detail = QTextBrowser()
        self.detail.setObjectName("challengeDetail")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText("Choose a challenge to see it in full: its question, responses and reviews.")

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("challengesSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)

        self.show_combo.currentIndexChanged.connect(self._refilter)
        self.agency_combo.currentIndexChanged.connect(self._refilter)
        self.filter_edit.textChanged.connect(self._refilter)

    # --- set-up -----------------------------------------------------------------------------
    def set_actions(self, actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)
        self.button_bar.addStretch(1)

    # --- data -------------------------------------------------------------------------------
    def set_data(self, rows: Sequence[ChallengeRow], agencies: Sequence[tuple[int, str]], today: dt.date) -> None:
        """Show ``rows``; the chosen challenge stays chosen when it is still shown."""
        self.today = today
        keep = self.current_id()
        self.model.set_rows(rows)
        chosen = self.agency_combo.currentData()
        self.agency_combo.blockSignals(True)
        self.agency_combo.clear()
        self.agency_combo.addItem("Every agency", None)
        for agency_id, label in agencies:
            self.agency_combo.addItem(label, agency_id)
        self.agency_combo.setCurrentIndex(max(0, self.agency_combo.findData(chosen)))
        self.agency_combo.blockSignals(False)
        self._refilter()
        if keep is not None:
            self.select(keep, reveal=False)
        self._show_detail()

    def _refilter(self, *_args: Any) -> None:
        self.proxy.set_filters(self.show_combo.currentData() or FILTER_ALL, self.agency_combo.currentData(),
                               self.filter_edit.text())
        counts = self.model.counts()
        open_ = sum(n for s, n in counts.items() if not s.finished)
        overdue = counts[ChallengeStatus.OVERDUE]
        self.count_buttons[FILTER_OPEN].setText(f"{open_} open")
        self.count_buttons[FILTER_OVERDUE].setText(f"⚠ {overdue} overdue")
        self.count_buttons[FILTER_OVERDUE].setStyleSheet(
            f"QToolButton {{ color: {OVERDUE_COLOUR}; font-weight: 600; }}" if overdue else "")
        self.count_buttons[FILTER_ANSWERED].setText(f"{counts[ChallengeStatus.ANSWERED]} awaiting review")
        self.count_buttons[FILTER_CLOSED].setText(
            f"{counts[ChallengeStatus.CLOSED] + counts[ChallengeStatus.WITHDRAWN]} closed")
        self.shown_label.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} shown")
        if self.current_id() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_detail()

    def show_only(self, which: str) -> None:
        self.show_combo.setCurrentIndex(max(0, self.show_combo.findData(which)))

    # --- the chosen challenge ----------------------------------------------------------------
    def current_row(self) -> ChallengeRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(RECORD_ROLE)

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.challenge.id if row is not None else None

    def select(self, challenge_id: int, *, reveal: bool = True) -> bool:
        """Choose a challenge; when the filters hide it, show all first (``reveal``; else leave the choice as it
        is). False when it is not chosen."""
        source = self.model.row_of(challenge_id)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            if not reveal:
                return False
            self.filter_edit.clear()
            self.agency_combo.setCurrentIndex(0)
            self.show_only(FILTER_ALL)
            index = self.proxy.mapFromSource(self.model.index(source, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _selected(self, *_args: Any) -> None:
        self._show_detail()
        self.selection_changed.emit()

    def _show_detail(self) -> None:
        row = self.current_row()
        self.detail.setHtml(detail_html(row) if row is not None else "")

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

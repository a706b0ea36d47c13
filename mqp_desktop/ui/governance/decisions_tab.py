"""The Governance page's Decisions tab: the decisions register (every decision of every meeting's minutes) and
the decisions taken while not quorate awaiting ratification (ToR 3).

Filters above the table: a period (a quarter, or from / to dates — "any" at the earliest date means open),
the partnership priority, "Taken while not quorate" and "Awaiting ratification", and a find box over the item
and the decision. Below, the chosen decision in full: its meeting and item, whether it was taken while not
quorate, and where and when it was ratified. The tab reads nothing itself: the window's
:class:`~mqp_desktop.ui.decisions_controller.DecisionsController` gives it rows and owns its actions. Same
shape as the other tabs (:class:`~mqp_desktop.ui.governance.page.RecordsTab`): ``splitter``, ``set_actions``,
``set_rows``, ``current``, ``select``, ``focus_filter``, and the signals chained signal to signal.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.decisions import DecisionEntry, DecisionFilter, number_key, quarter_range
from mqp_desktop.ui.governance import models as gm
from mqp_desktop.ui.models import RECORD_ROLE
from mqp_desktop.ui.pages.common import RegisterTable, action_bar, filter_box

EARLIEST = dt.date(2000, 1, 1)
"""The date edits' "any" (their minimum, shown as the special text)."""
AWAITING_COLOUR = "#9a5b00"


def _day(when: dt.date | None) -> str:
    return f"{when.day} {when:%b %Y}" if when else ""


def _status(d: DecisionEntry) -> str:
    if d.ratified_on is not None:
        return f"Ratified {_day(d.ratified_on)}"
    if d.taken_while_inquorate:
        return "⚠ Awaiting ratification"
    return "Quorate"


DECISION_COLUMNS = (
    gm.Column("Meeting", lambda r: _day(r.record.meeting_date), lambda r: (r.record.meeting_date.isoformat(),
                                                                          r.record.meeting_id)),
    gm.Column("Item", lambda r: r.record.item_label,
              lambda r: (r.record.meeting_date.isoformat(), number_key(r.record.item_number))),
    gm.Column("Decision", lambda r: r.record.text),
    gm.Column("Priority", lambda r: "; ".join(r.record.priorities)),
    gm.Column("Status", lambda r: _status(r.record),
              tip="Taken at a quorate meeting, awaiting ratification at a later quorate meeting, or ratified (ToR 3)"),
)


def decision_row(d: DecisionEntry, today: dt.date) -> gm.Row:
    return gm.Row(record=d, today=today, status=_status(d), waiting=d.awaiting_ratification,
                  finished=False, words={"next_step": "Ratify it at a later quorate meeting (Ctrl+Shift+Y)"
                                         if d.awaiting_ratification else _status(d)},
                  search=gm._search(d.item_number, d.item_title, d.text, d.meeting_title))


def decision_html(row: gm.Row, ratified_at: str = "") -> str:
    d: DecisionEntry = row.record
    e = html.escape
    parts = [f"<h3 style='margin:0'>Decision {d.id}: {e(d.text)}</h3>",
             f"<p><b>Meeting:</b> {e(d.meeting_title or _day(d.meeting_date))}"
             + (f" — minutes {e(d.minutes_status)}" if d.minutes_status else "") + "<br>"
             f"<b>Item:</b> {e(d.item_label) or '<i>not on the agenda</i>'}<br>"
             f"<b>Partnership priority:</b> {e('; '.join(d.priorities)) or '<i>none</i>'}</p>"]
    if d.ratified_on is not None:
        parts.append(f"<p>Taken while the meeting was not quorate; <b>ratified at the "
                     f"{e(ratified_at or 'later meeting')}</b> ({_day(d.ratified_on)}), and printed under "
                     "“Decisions ratified” in its minutes.</p>")
    elif d.taken_while_inquorate:
        parts.append(f"<p style='color:{AWAITING_COLOUR}'><b>⚠ Taken while the meeting was not quorate, and not "
                     "yet ratified.</b> Ratify it at a later meeting that is quorate (Ratify…, Ctrl+Shift+Y): the "
                     "ratification is printed in that meeting's minutes (ToR 3).</p>")
    else:
        parts.append("<p>Taken at a quorate meeting.</p>")
    parts.append("<p><i>Enter opens the meeting's minutes.</i></p>")
    return "".join(parts)


class DecisionsTab(QWidget):
    """The register's filters, table and the chosen decision in full."""

    selection_changed = Signal()
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("decisionsTab")
        self.ratified_titles: dict[int, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        self.button_bar = QHBoxLayout()
        layout.addLayout(self.button_bar)

        bar = QHBoxLayout()
        period_label = QLabel("&Period:")
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("decisionsPeriod")
        self.period_combo.setToolTip("A quarter of the partnership's year (financial quarters), or the dates beside")
        period_label.setBuddy(self.period_combo)
        self.from_edit = self._date_edit("decisionsFrom", "Meetings on or after this date ('any': from the first)")
        self.to_edit = self._date_edit("decisionsTo", "Meetings on or before this date ('any': to the last)")
        priority_label = QLabel("P&riority:")
        self.priority_combo = QComboBox()
        self.priority_combo.setObjectName("decisionsPriority")
        self.priority_combo.addItem("Any priority", None)
        priority_label.setBuddy(self.priority_combo)
        self.inquorate_check = QCheckBox("Taken while &not quorate")
        self.inquorate_check.setObjectName("decisionsInquorate")
        self.awaiting_check = QCheckBox("A&waiting ratification")
        self.awaiting_check.setObjectName("decisionsAwaiting")
        self.priority_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.priority_combo.setMinimumContentsLength(16)
        # two rows, so the tab fits a 1366-pixel screen at 150%
        for w in (period_label, self.period_combo, QLabel("from"), self.from_edit, QLabel("to"), self.to_edit,
                  priority_label):
            bar.addWidget(w)
        bar.addWidget(self.priority_combo, 1)
        layout.addLayout(bar)
        bar2 = QHBoxLayout()
        self.filter_edit = filter_box("Find in the items and decisions")
        bar2.addWidget(self.filter_edit, 1)
        bar2.addWidget(self.inquorate_check)
        bar2.addWidget(self.awaiting_check)
        self.shown_label = QLabel()
        self.shown_label.setObjectName("pageIntro")
        bar2.addWidget(self.shown_label)
        layout.addLayout(bar2)

        self.model = gm.RowsModel(DECISION_COLUMNS, self)
        self.proxy = gm.RowsFilter(lambda record, which, _today: which.matches(record), DecisionFilter(), self)
        self.proxy.setSourceModel(self.model)
        self.table = RegisterTable()
        self.table.setObjectName("decisionsTable")
        self.table.setModel(self.proxy)
        self.table.set_column_widths((100, 220, 420, 190, 150), {1: 120, 2: 200})
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)  # signal to signal
        self.table.activated_row.connect(self.edit_requested)
        self.detail = QTextBrowser()
        self.detail.setObjectName("decisionsDetail")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText("Choose a decision to see its meeting, item and ratification.")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("decisionsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([320, 140])
        layout.addWidget(self.splitter, 1)

        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._refilter)
        self.priority_combo.currentIndexChanged.connect(self._refilter)
        self.inquorate_check.toggled.connect(self._refilter)
        self.awaiting_check.toggled.connect(self._refilter)
        self.filter_edit.textChanged.connect(self._refilter)

    @staticmethod
    def _date_edit(name: str, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setToolTip(tip)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(EARLIEST.year, EARLIEST.month, EARLIEST.day))
        edit.setSpecialValueText("any")
        edit.setDate(edit.minimumDate())
        return edit

    @staticmethod
    def _value(edit: QDateEdit) -> dt.date | None:
        d = edit.date()
        value = dt.date(d.year(), d.month(), d.day())
        return None if value <= EARLIEST else value

    @staticmethod
    def _set(edit: QDateEdit, value: dt.date | None) -> None:
        value = value or EARLIEST
        edit.setDate(QDate(value.year, value.month, value.day))

    # --- filling -------------------------------------------------------------------------------
    def set_actions(self, actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)
        self.button_bar.addStretch(1)

    def set_choices(self, quarters: Sequence[str], priorities: Sequence[str]) -> None:
        """The quarters that hold decisions ('Q1 2026-27'), latest first, and the priorities to choose from."""
        for combo, items, first in ((self.period_combo, quarters, "All dates"),
                                    (self.priority_combo, priorities, "Any priority")):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for text in items:
                combo.addItem(text, text)
            index = combo.findData(keep) if keep is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def set_rows(self, rows: Sequence[gm.Row], ratified_titles: dict[int, str] | None = None) -> None:
        self.ratified_titles = dict(ratified_titles or {})
        keep = self.current_id()
        self.model.set_rows(rows)
        self._refilter()
        if keep is not None:
            self.select(keep, reveal=False)
        self._show_detail()

    def _period_chosen(self, *_args: Any) -> None:
        quarter = self.period_combo.currentData()
        start, end = quarter_range(quarter) if quarter else (None, None)
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(True)
        self._set(self.from_edit, start)
        self._set(self.to_edit, end)
        for edit in (self.from_edit, self.to_edit):
            edit.blockSignals(False)
        self._refilter()

    def current_filter(self) -> DecisionFilter:
        start, end = self._value(self.from_edit), self._value(self.to_edit)
        if start and end and end < start:
            end = None  # being typed: the "to" date is read once it is after "from"
        return DecisionFilter(start=start, end=end, priority=self.priority_combo.currentData(),
                              inquorate=True if self.inquorate_check.isChecked() else None,
                              awaiting_only=self.awaiting_check.isChecked())

    def _refilter(self, *_args: Any) -> None:
        self.proxy.set_filters(self.current_filter(), self.filter_edit.text())
        shown = self.proxy.rowCount()
        waiting = sum(1 for i in range(shown)
                      if self.proxy.index(i, 0).data(RECORD_ROLE).record.awaiting_ratification)
        self.shown_label.setText(f"{shown} of {self.model.rowCount()} shown · {waiting} awaiting ratification")
        if self.current_id() is None and shown:
            self.table.selectRow(0)
        self._show_detail()

    def shown(self) -> list[DecisionEntry]:
        """The decisions shown, in the table's order (what Export writes)."""
        return [self.proxy.index(i, 0).data(RECORD_ROLE).record for i in range(self.proxy.rowCount())]

    # --- choosing ------------------------------------------------------------------------------
    def current_row(self) -> gm.Row | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def current(self) -> DecisionEntry | None:
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
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(source, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        self.filter_edit.clear()
        self.period_combo.setCurrentIndex(0)
        self.priority_combo.setCurrentIndex(0)
        self.inquorate_check.setChecked(False)
        self.awaiting_check.setChecked(False)

    def show_awaiting(self) -> None:
        self.clear_filters()
        self.awaiting_check.setChecked(True)

    def _show_detail(self, *_args: Any) -> None:
        row = self.current_row()
        if row is None:
            self.detail.setHtml("")
            return
        self.detail.setHtml(decision_html(row, self.ratified_titles.get(row.record.ratified_meeting_id or -1, "")))

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

"""The partnership around the subcommittee (ToR 1, 7.1, 8, 9): one page, three tabs.

* **Transfers** — work moved between subcommittees: which (open, waiting for an answer, answer overdue, with
  the Executive, finished, all), words to find, and how many days a receiving chair has to answer (the
  ``transfer_answer_days`` setting); a transfer waiting past its answer date is red *and* says "⚠ answer overdue
  (n days)".
* **Escalations & disputes** — concerns put to the Executive for oversight, and disputes with the chair's
  mediation.
* **Partnership bodies** — the Executive and the other subcommittees, with their chairs.

Each tab: its actions, a filter row, a table and, below it, the chosen record in full. The header counts what
needs attention (answers overdue, with the Executive, in mediation); each count is a button showing those.

The page reads nothing itself: :class:`~mqp_desktop.ui.partnership_controller.PartnershipController` gives it
rows and owns the actions and dialogs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain import escalations as es
from mqp_desktop.domain import partnership as pt
from mqp_desktop.domain.escalations import EscalationStatus
from mqp_desktop.domain.partnership import TransferState
from mqp_desktop.ui.models import RECORD_ROLE
from mqp_desktop.ui.pages.common import RegisterTable, action_bar, filter_box
from mqp_desktop.ui.partnership_models import (
    ESCALATION_SHOW,
    OVERDUE_COLOUR,
    TRANSFER_SHOW,
    BodyFilterProxy,
    BodyModel,
    BodyRow,
    EscalationFilterProxy,
    EscalationModel,
    EscalationRow,
    TransferFilterProxy,
    TransferModel,
    TransferRow,
    body_detail_html,
    escalation_detail_html,
    transfer_detail_html,
)


class RecordTab(QWidget):
    """One tab: actions, a filter row, the table and the chosen record's detail."""

    selection_changed = Signal()
    edit_requested = Signal()
    filters: Callable[[], tuple]  # each tab's own: what its proxy's set_filters takes, from its filter widgets

    def __init__(self, name: str, model, proxy: QSortFilterProxyModel, detail, placeholder: str, finder: str,
                 widths: Sequence[int], flexible: dict[int, int], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"{name}Tab")
        self.detail_html = detail
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        self.button_bar = QHBoxLayout()
        layout.addLayout(self.button_bar)
        self.filter_row = QHBoxLayout()
        self.filter_edit = filter_box(finder)
        self.filter_edit.setObjectName(f"{name}Filter")
        self.shown_label = QLabel()
        self.shown_label.setObjectName("pageIntro")
        layout.addLayout(self.filter_row)

        self.model = model
        self.proxy = proxy
        self.proxy.setSourceModel(self.model)
        self.table = RegisterTable()
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(self.proxy)
        self.table.set_column_widths(widths, flexible)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table.activated_row.connect(self.edit_requested.emit)
        self.detail = QTextBrowser()
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(placeholder)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName(f"{name}Splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)
        self.filter_edit.textChanged.connect(self.refilter)

    def finish_filter_row(self) -> None:
        self.filter_row.addWidget(self.filter_edit, 1)
        self.filter_row.addWidget(self.shown_label)

    def set_actions(self, actions: Sequence[QAction]) -> None:
        self.toolbar = action_bar(actions)
        self.button_bar.addWidget(self.toolbar)
        self.button_bar.addStretch(1)

    def refilter(self, *_args: Any) -> None:
        self.proxy.set_filters(*self.filters())
        self.shown_label.setText(f"{self.proxy.rowCount()} of {self.model.rowCount()} shown")
        if self.current_row() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_detail()

    def set_rows(self, rows: Sequence[Any]) -> None:
        keep = self.current_id()
        self.model.set_rows(rows)
        self.refilter()
        if keep is not None:
            self.select(keep, reveal=False)
        self._show_detail()

    def current_row(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def current_id(self) -> int | None:
        row = self.current_row()
        return row.id if row is not None else None

    def show_everything(self) -> None:
        self.filter_edit.clear()

    def select(self, record_id: int, *, reveal: bool = True) -> bool:
        source = self.model.row_of(record_id)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if not index.isValid():
            if not reveal:
                return False
            self.show_everything()
            index = self.proxy.mapFromSource(self.model.index(source, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _selected(self, *_args: Any) -> None:
        self._show_detail()
        self.selection_changed.emit()

    def _show_detail(self) -> None:
        row = self.current_row()
        self.detail.setHtml(self.detail_html(row) if row is not None else "")


class ShowTab(RecordTab):
    """A tab whose rows are chosen by a 'Show:' list as well as words."""

    def __init__(self, name: str, choices: Sequence[tuple[str, str]], *args, **kwargs):
        super().__init__(name, *args, **kwargs)
        label = QLabel("&Show:")
        self.show_combo = QComboBox()
        self.show_combo.setObjectName(f"{name}Show")
        for which, text in choices:
            self.show_combo.addItem(text, which)
        label.setBuddy(self.show_combo)
        self.filter_row.addWidget(label)
        self.filter_row.addWidget(self.show_combo)
        self.show_combo.currentIndexChanged.connect(self.refilter)

    def filters(self) -> tuple:
        return (self.show_combo.currentData() or "all", self.filter_edit.text())

    def show_only(self, which: str) -> None:
        self.show_combo.setCurrentIndex(max(0, self.show_combo.findData(which)))

    def show_everything(self) -> None:
        super().show_everything()
        self.show_only("all")


class BodiesTab(RecordTab):
    def __init__(self, *args, **kwargs):
        super().__init__("bodies", *args, **kwargs)
        self.ended_check = QCheckBox("Show &ended")
        self.ended_check.setObjectName("bodiesShowEnded")
        self.filter_row.addWidget(self.ended_check)
        self.ended_check.toggled.connect(self.refilter)

    def filters(self) -> tuple:
        return (self.ended_check.isChecked(), self.filter_edit.text())

    def show_everything(self) -> None:
        super().show_everything()
        self.ended_check.setChecked(True)


class PartnershipPage(QWidget):
    title = "Partnership"
    TAB_TRANSFERS, TAB_ESCALATIONS, TAB_BODIES = range(3)
    tab_changed = Signal()
    answer_days_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("partnershipPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2 style='margin:0'>Partnership</h2>"))
        top.addSpacing(16)
        self.count_buttons: dict[str, QToolButton] = {}
        for key, tip in (("overdue", "Show the transfers whose answer is overdue"),
                         ("waiting", "Show the transfers waiting for the receiving chair's answer"),
                         ("executive", "Show the escalations and disputes with the Executive"),
                         ("mediation", "Show the disputes in the chair's mediation")):
            button = QToolButton()
            button.setObjectName(f"partnershipCount_{key}")
            button.setAutoRaise(True)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, k=key: self.show_count(k))
            self.count_buttons[key] = button
            top.addWidget(button)
        top.addStretch(1)
        layout.addLayout(top)

        self.transfers = ShowTab(
            "transfers", TRANSFER_SHOW, TransferModel(self), TransferFilterProxy(self), transfer_detail_html,
            "Choose a transfer to see it in full: the work, the reason, the outcomes, the answer.",
            "Find a transfer", (100, 70, 110, 330, 95, 110, 200), {TransferModel.COL_WORK: 160})
        days_label = QLabel("&Answer within:")
        self.answer_days = QSpinBox()
        self.answer_days.setObjectName("transferAnswerDays")
        self.answer_days.setRange(1, 180)
        self.answer_days.setSuffix(" days")
        self.answer_days.setToolTip("How long a receiving chair has to answer a transfer once it is sent (ToR 8): "
                                    "a transfer waiting longer is flagged. Applies to transfers sent from now on.")
        days_label.setBuddy(self.answer_days)
        self.transfers.finish_filter_row()
        self.transfers.filter_row.addSpacing(12)
        self.transfers.filter_row.addWidget(days_label)
        self.transfers.filter_row.addWidget(self.answer_days)
        self.answer_days.editingFinished.connect(lambda: self.answer_days_changed.emit(self.answer_days.value()))

        self.escalations = ShowTab(
            "escalations", ESCALATION_SHOW, EscalationModel(self), EscalationFilterProxy(self),
            escalation_detail_html,
            "Choose an escalation or dispute to see it in full: who raised it, the chair's mediation, the decision.",
            "Find an escalation or dispute", (100, 95, 140, 190, 130, 300), {EscalationModel.COL_BY: 120})
        self.escalations.finish_filter_row()
        self.bodies = BodiesTab(
            BodyModel(self), BodyFilterProxy(self), body_detail_html,
            "Choose a body to see its chair and remit.", "Find a subcommittee",
            (300, 100, 200, 160, 240, 80), {BodyModel.COL_EMAIL: 140})
        self.bodies.finish_filter_row()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("partnershipTabs")
        self.tabs.addTab(self.transfers, "&Transfers")
        self.tabs.addTab(self.escalations, "&Escalations && disputes")
        self.tabs.addTab(self.bodies, "Partnership &bodies")
        self.tabs.currentChanged.connect(lambda _i: self.tab_changed.emit())
        layout.addWidget(self.tabs, 1)

    # --- data -------------------------------------------------------------------------------------
    def set_data(self, transfers: Sequence[TransferRow], escalations: Sequence[EscalationRow],
                 bodies: Sequence[BodyRow], answer_days: int) -> None:
        self.transfers.set_rows(transfers)
        self.escalations.set_rows(escalations)
        self.bodies.set_rows(bodies)
        self.answer_days.blockSignals(True)
        self.answer_days.setValue(answer_days)
        self.answer_days.blockSignals(False)
        self._counts()

    def _counts(self) -> None:
        tm, em = self.transfers.model, self.escalations.model
        overdue = tm.overdue_count()
        button = self.count_buttons["overdue"]
        button.setText(f"⚠ {overdue} answer{'s' if overdue != 1 else ''} overdue")
        button.setStyleSheet(f"QToolButton {{ color: {OVERDUE_COLOUR}; font-weight: 600; }}" if overdue else "")
        self.count_buttons["waiting"].setText(f"{tm.count(TransferState.SENT)} waiting for an answer")
        self.count_buttons["executive"].setText(
            f"{em.count(EscalationStatus.EXECUTIVE) + tm.count(TransferState.ESCALATED)} with the Executive")
        self.count_buttons["mediation"].setText(f"{em.count(EscalationStatus.MEDIATION)} in mediation")

    @property
    def overdue_count(self) -> int:
        return self.transfers.model.overdue_count()

    def show_count(self, key: str) -> None:
        if key in ("overdue", "waiting"):
            self.tabs.setCurrentWidget(self.transfers)
            self.transfers.show_only(pt.FILTER_OVERDUE if key == "overdue" else pt.FILTER_WAITING)
        elif key == "executive":
            if self.escalations.model.count(EscalationStatus.EXECUTIVE) or not self.transfers.model.count(
                    TransferState.ESCALATED):
                self.tabs.setCurrentWidget(self.escalations)
                self.escalations.show_only(es.FILTER_EXECUTIVE)
            else:
                self.tabs.setCurrentWidget(self.transfers)
                self.transfers.show_only(pt.FILTER_ESCALATED)
        else:
            self.tabs.setCurrentWidget(self.escalations)
            self.escalations.show_only(es.FILTER_MEDIATION)

    def current_tab(self) -> RecordTab:
        return self.tabs.currentWidget()

    def focus_filter(self) -> None:
        edit = self.current_tab().filter_edit
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

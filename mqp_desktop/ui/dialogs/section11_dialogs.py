"""The Section 11 dialogs: record a return by hand, start an audit round, mark a return
received, and preview a returned workbook before importing it.

Each follows the contract of :mod:`mqp_desktop.ui.dialogs.common`: on OK it builds what
it holds and calls the ``save`` (or ``apply``) callable it was given; a
``ValidationError`` is shown under its field (the tab, standard or action it is about
brought to the front), a ``StoreError`` in a warning, and either way the dialog stays
open with everything typed kept. The return dialog checks every rating and action
through the domain's own rules before calling ``save``, so it can point at the one in
the wrong; ``save`` then writes everything in one transaction (nothing half-saved).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QListWidgetItem,
    QTreeWidgetItem,
    QWidget,
)

from mqp_desktop.domain.model import Agency
from mqp_desktop.domain.section11 import (
    NOT_APPLICABLE,
    ActionItem,
    ActionStatus,
    AuditReturn,
    AuditRound,
    Framework,
    Rating,
    Reminder,
    ScaleKind,
    scale_for,
    validate_action,
    validate_rating,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.section11 import rating_changes
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, FieldErrors, OptionalDate, RecordDialog, pydate, qdate
from mqp_desktop.ui.generated.ui_s11_date_dialog import Ui_S11DateDialog
from mqp_desktop.ui.generated.ui_s11_import_dialog import Ui_S11ImportDialog
from mqp_desktop.ui.generated.ui_s11_return_dialog import Ui_S11ReturnDialog
from mqp_desktop.ui.generated.ui_s11_round_dialog import Ui_S11RoundDialog
from mqp_desktop.ui.models import _Index, _RecordTableModel, format_date
from mqp_desktop.ui.section11_models import ActionPlanModel, value_text, value_words

KEY_ROLE = Qt.ItemDataRole.UserRole + 60
TAB_RETURN, TAB_RATINGS, TAB_ACTIONS = range(3)
SCALE_WORDS = {
    ScaleKind.RAG: "Red / amber / green (not, partially, fully met)",
    ScaleKind.SCORE_0_3: "0–3 score (not, partially, mostly, fully met)",
    ScaleKind.PERCENT: "Percentage in 5% steps, with n/a left out of totals",
}


def _fill_rating_combo(combo: QComboBox, scale) -> None:
    combo.clear()
    combo.addItem("— not rated —", None)
    for value in scale.choices:
        combo.addItem(value_words(scale, value), value)


def _combo_value(combo: QComboBox) -> Any:
    return combo.currentData()


def _set_combo_value(combo: QComboBox, value: Any) -> None:
    i = combo.findData(value)
    combo.setCurrentIndex(max(i, 0))


# ==========================================================================================
# a return
# ==========================================================================================
class ReturnDialog(RecordDialog):
    """Record one agency's return by hand: dates and contacts, ratings, the action plan.

    ``save(ret, ratings, reminders, actions)`` gets the return with its new dates,
    contacts and outcome; the ratings that changed; the reminders added here; and
    every action-plan item that is new (``id`` None) or changed.
    """

    error_title = "Return not saved"

    def __init__(
        self,
        rnd: AuditRound,
        ret: AuditReturn,
        agency_name: str,
        *,
        save: Callable[[AuditReturn, list[Rating], list[Reminder], list[ActionItem]], object],
        standard: int | None = None,
        tab: int | None = None,
        today: dt.date | None = None,
        load: Callable[[], AuditReturn] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._load = load  # reads the return as stored now (reload, or apply the changes on top)
        self.ui = Ui_S11ReturnDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.round = rnd
        self.ret = ret
        self.scale = rnd.rating_scale
        self.today = today or dt.date.today()
        self._loading = False
        self._current_key: tuple[int, str] | None = None
        self._action_row = -1
        self.setWindowTitle(f"Section 11 return — {agency_name}")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        status = ret.status(rnd.deadline, self.today).value
        ui.headerLabel.setText(
            f"<b>{html.escape(agency_name)}</b> — {html.escape(rnd.name)} "
            f"<span style='color: palette(dark)'>({html.escape(self.scale.label)} scale; {status})</span>"
        )

        # --- return and dates ------------------------------------------------------------
        self.issued = OptionalDate(ui.issuedCheck, ui.issuedEdit, ret.issued, default=lambda: rnd.issued)
        self.received = OptionalDate(ui.receivedCheck, ui.receivedEdit, ret.received, default=lambda: self.today)
        self.reviewed = OptionalDate(ui.reviewedCheck, ui.reviewedEdit, ret.reviewed, default=lambda: self.today)
        for check, what in ((ui.issuedCheck, "issued"), (ui.receivedCheck, "received"),
                            (ui.reviewedCheck, "reviewed by the panel")):
            check.setToolTip(f"Tick when the return was {what}, then set the date")
        ui.deadlineLabel.setText(format_date(rnd.deadline))
        ui.returnTabLayout.addStretch(1)
        ui.reminderDateEdit.setDisplayFormat(DATE_FORMAT)
        ui.reminderDateEdit.setDate(qdate(self.today))
        self.new_reminders: list[Reminder] = []
        for r in ret.reminders:
            ui.reminderList.addItem(self._reminder_text(r))
        ui.addReminderButton.clicked.connect(self.add_reminder)
        ui.leadNameEdit.setText(ret.lead_name)
        ui.leadEmailEdit.setText(ret.lead_email)
        ui.substituteNameEdit.setText(ret.substitute_name)
        ui.substituteEmailEdit.setText(ret.substitute_email)
        ui.outcomeEdit.setText(ret.panel_outcome)
        ui.notesEdit.setPlainText(ret.notes)

        # --- ratings ---------------------------------------------------------------------
        self._original: dict[tuple[int, str], Rating] = {r.key: r for r in ret.ratings}
        self._ratings: dict[tuple[int, str], Rating] = {}
        self._tree_items: dict[tuple[int, str], QTreeWidgetItem] = {}
        for s in rnd.standards:
            for key in [(s.number, "")] + [(s.number, c.code) for c in s.criteria]:
                self._ratings[key] = dataclasses.replace(self._original[key]) if key in self._original \
                    else Rating(standard=key[0], criterion=key[1], return_id=ret.id)
        for combo in (ui.selfCombo, ui.moderatedCombo):
            _fill_rating_combo(combo, self.scale)
            combo.currentIndexChanged.connect(self._rating_edited)
        ui.selfCombo.setToolTip(f"The agency's own rating: {self.scale.describe()}")
        ui.moderatedCombo.setToolTip("The challenge and moderation panel's rating, once it has reviewed the return")
        for edit in (ui.selfReasonEdit, ui.moderatedReasonEdit):
            edit.textEdited.connect(self._rating_edited)
        for edit in (ui.evidenceEdit, ui.improvementEdit, ui.panelEdit):
            edit.textChanged.connect(self._rating_edited)
        ui.itemsTree.setColumnCount(3)
        ui.itemsTree.header().setStretchLastSection(False)
        ui.itemsTree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            ui.itemsTree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for s in rnd.standards:
            top = QTreeWidgetItem([f"{s.number}. {s.title}", "", ""])
            top.setData(0, KEY_ROLE, (s.number, ""))
            top.setToolTip(0, s.label)
            self._tree_items[(s.number, "")] = top
            for c in s.criteria:
                child = QTreeWidgetItem([f"{c.code}  {c.text}", "", ""])
                child.setData(0, KEY_ROLE, (s.number, c.code))
                child.setToolTip(0, f"{c.code} {c.text}")
                top.addChild(child)
                self._tree_items[(s.number, c.code)] = child
            ui.itemsTree.addTopLevelItem(top)
        for key in self._tree_items:
            self._show_values(key)
        ui.itemsTree.currentItemChanged.connect(self._item_changed)
        ui.ratingsSplitter.setStretchFactor(0, 2)
        ui.ratingsSplitter.setStretchFactor(1, 3)
        ui.ratingsSplitter.setSizes([360, 500])
        ui.itemTitleLabel.setStyleSheet("font-weight: 600;")

        # --- the action plan -------------------------------------------------------------
        self.action_model = ActionPlanModel(self)
        self.action_model.set_rows([dataclasses.replace(a) for a in ret.actions], self.today)
        self._original_actions = {a.id: a for a in ret.actions}
        ui.actionsView.setModel(self.action_model)
        ui.actionsView.verticalHeader().setVisible(False)
        ui.actionsView.horizontalHeader().setSectionResizeMode(ActionPlanModel.COL_ACTION,
                                                               QHeaderView.ResizeMode.Stretch)
        for col, width in ((ActionPlanModel.COL_OWNER, 130), (ActionPlanModel.COL_DUE, 90),
                           (ActionPlanModel.COL_STATUS, 120), (ActionPlanModel.COL_CLOSED, 90),
                           (ActionPlanModel.COL_STANDARD, 70)):
            ui.actionsView.setColumnWidth(col, width)
        ui.actionsView.horizontalHeader().setStretchLastSection(False)
        for status in ActionStatus:
            ui.statusCombo.addItem(status.value.capitalize(), status)
        ui.standardCombo.addItem("— none —", None)
        for s in rnd.standards:
            ui.standardCombo.addItem(f"{s.number}. {s.title}", s.number)
        self.due = OptionalDate(ui.dueCheck, ui.dueEdit, None, default=lambda: self.today + dt.timedelta(days=90))
        self.closed = OptionalDate(ui.closedCheck, ui.closedEdit, None, default=lambda: self.today)
        ui.actionsView.selectionModel().currentRowChanged.connect(self._action_row_changed)
        ui.addActionButton.clicked.connect(self.add_action)
        for edit in (ui.actionEdit, ui.ownerEdit, ui.actionNotesEdit):
            edit.textEdited.connect(self._action_edited)
        for combo in (ui.statusCombo, ui.standardCombo):
            combo.currentIndexChanged.connect(self._action_edited)
        self.due.changed.connect(self._action_edited)
        self.closed.changed.connect(self._action_edited)
        self._enable_action_form(False)

        self.errors = FieldErrors(
            self,
            {
                "issued": ui.issuedEdit, "received": ui.receivedEdit, "reviewed": ui.reviewedEdit,
                "reminder": ui.reminderDateEdit, "lead_name": ui.leadNameEdit,
                "lead contact's email": ui.leadEmailEdit, "lead_email": ui.leadEmailEdit,
                "substitute_name": ui.substituteNameEdit, "substitute's email": ui.substituteEmailEdit,
                "substitute_email": ui.substituteEmailEdit, "panel_outcome": ui.outcomeEdit,
                "self_value": ui.selfCombo, "self_na_reason": ui.selfReasonEdit,
                "moderated_value": ui.moderatedCombo, "moderated_na_reason": ui.moderatedReasonEdit,
                "evidence": ui.evidenceEdit, "improvement": ui.improvementEdit, "panel_comments": ui.panelEdit,
                "action": ui.actionEdit, "owner": ui.ownerEdit, "due": ui.dueEdit, "status": ui.statusCombo,
                "closed": ui.closedEdit, "standard": ui.standardCombo,
            },
            ui.errorLabel,
        )
        self.resize(980, 680)
        first = rnd.standards[0].number if rnd.standards else None
        self.select_item(standard if standard is not None else first)
        if tab is None:
            tab = TAB_RATINGS if standard is not None else TAB_RETURN
        ui.tabs.setCurrentIndex(tab)
        if tab == TAB_ACTIONS and self.action_model.rowCount():
            self.select_action(0)

    # --- reminders -----------------------------------------------------------------------
    @staticmethod
    def _reminder_text(r: Reminder, new: bool = False) -> str:
        text = format_date(r.sent_on) + (f" — {r.note}" if r.note else "")
        return text + ("   (new: saved with the return)" if new else "")

    def add_reminder(self) -> None:
        ui = self.ui
        r = Reminder(sent_on=pydate(ui.reminderDateEdit.date()), note=ui.reminderNoteEdit.text().strip())
        self.new_reminders.append(r)
        ui.reminderList.addItem(QListWidgetItem(self._reminder_text(r, new=True)))
        ui.reminderNoteEdit.clear()

    # --- ratings -------------------------------------------------------------------------
    def select_item(self, standard: int | None, criterion: str = "") -> None:
        item = self._tree_items.get((standard, criterion)) if standard is not None else None
        if item is not None:
            self.ui.itemsTree.setCurrentItem(item)
            item.setExpanded(True)

    def current_key(self) -> tuple[int, str] | None:
        return self._current_key

    def rating(self, standard: int, criterion: str = "") -> Rating:
        """The rating as it stands in the dialog (including the form being edited)."""
        self._commit_rating()
        return self._ratings[(standard, criterion)]

    def _item_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._commit_rating()
        self._current_key = current.data(0, KEY_ROLE) if current is not None else None
        if self._current_key is not None:
            self._current_key = tuple(self._current_key)
        self._load_rating()

    def _load_rating(self) -> None:
        ui = self.ui
        key = self._current_key
        self._loading = True
        try:
            if key is None:
                return
            number, code = key
            standard = self.round.standard(number)
            if code:
                criterion = standard.criterion(code)
                ui.itemTitleLabel.setText(f"Sub-criterion {criterion.code} of standard {standard.label}")
                ui.itemTextLabel.setText(criterion.text)
            else:
                ui.itemTitleLabel.setText(f"Standard {standard.label}")
                extra = (" Rate the standard as a whole here, or each sub-criterion below it: a standard's own "
                         "rating stands for it when it has one.") if standard.criteria else ""
                ui.itemTextLabel.setText((standard.description or "") + extra)
            r = self._ratings[key]
            _set_combo_value(ui.selfCombo, r.self_value)
            _set_combo_value(ui.moderatedCombo, r.moderated_value)
            ui.selfReasonEdit.setText(r.self_na_reason)
            ui.moderatedReasonEdit.setText(r.moderated_na_reason)
            ui.evidenceEdit.setPlainText(r.evidence)
            ui.improvementEdit.setPlainText(r.improvement)
            ui.panelEdit.setPlainText(r.panel_comments)
        finally:
            self._loading = False
        self._sync_reasons()

    def _commit_rating(self) -> None:
        key = self._current_key
        if key is None or self._loading:
            return
        ui = self.ui
        self._ratings[key] = dataclasses.replace(
            self._ratings[key],
            self_value=_combo_value(ui.selfCombo),
            moderated_value=_combo_value(ui.moderatedCombo),
            self_na_reason=ui.selfReasonEdit.text().strip(),
            moderated_na_reason=ui.moderatedReasonEdit.text().strip(),
            evidence=ui.evidenceEdit.toPlainText().strip(),
            improvement=ui.improvementEdit.toPlainText().strip(),
            panel_comments=ui.panelEdit.toPlainText().strip(),
        )
        self._show_values(key)

    def _rating_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._commit_rating()
        self._sync_reasons()

    def _sync_reasons(self) -> None:
        ui = self.ui
        for combo, edit, label in ((ui.selfCombo, ui.selfReasonEdit, ui.selfReasonLabel),
                                   (ui.moderatedCombo, ui.moderatedReasonEdit, ui.moderatedReasonLabel)):
            na = _combo_value(combo) == NOT_APPLICABLE
            edit.setEnabled(na)
            label.setEnabled(na)
            edit.setPlaceholderText("say why it does not apply (needed)" if na else "only for n/a")

    def _show_values(self, key: tuple[int, str]) -> None:
        item = self._tree_items.get(key)
        if item is None:
            return
        r = self._ratings[key]
        changed = bool(rating_changes(self._original.get(key), r)) if key in self._original \
            else any(getattr(r, f) not in (None, "") for f in ("self_value", "moderated_value", "evidence",
                                                                  "improvement", "panel_comments"))
        for col, value in ((1, r.self_value), (2, r.moderated_value)):
            item.setText(col, value_text(self.scale, value) if value is not None else "")
        font = item.font(0)
        font.setItalic(changed)
        item.setFont(0, font)

    def changed_ratings(self) -> list[Rating]:
        self._commit_rating()
        out = []
        for key, r in self._ratings.items():
            old = self._original.get(key)
            if old is None and not rating_changes(None, r):
                continue
            if old is not None and not rating_changes(old, r):
                continue
            out.append(r)
        return out

    # --- the action plan -----------------------------------------------------------------
    def add_action(self) -> None:
        self._commit_action()
        standard = self._current_key[0] if self._current_key else None
        row = self.action_model.append(ActionItem(self.ret.id, "", owner=self.ret.lead_name, standard=standard))
        self.select_action(row)
        self.ui.tabs.setCurrentIndex(TAB_ACTIONS)
        self.ui.actionEdit.setFocus()

    def select_action(self, row: int) -> None:
        view = self.ui.actionsView
        view.setCurrentIndex(self.action_model.index(row, 0))
        view.selectRow(row)

    def _action_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._commit_action()
        self._action_row = current.row() if current.isValid() else -1
        self._load_action()

    def _enable_action_form(self, enabled: bool) -> None:
        self.ui.actionGroup.setEnabled(enabled)

    def _load_action(self) -> None:
        ui = self.ui
        row = self._action_row
        self._enable_action_form(row >= 0)
        if row < 0:
            return
        item = self.action_model.record(row)
        self._loading = True
        try:
            ui.actionEdit.setText(item.action)
            ui.ownerEdit.setText(item.owner)
            self.due.set_value(item.due)
            _set_combo_value(ui.statusCombo, ActionStatus(item.status))
            self.closed.set_value(item.closed)
            _set_combo_value(ui.standardCombo, item.standard)
            ui.actionNotesEdit.setText(item.notes)
        finally:
            self._loading = False

    def _commit_action(self) -> None:
        row = self._action_row
        if row < 0 or self._loading or row >= self.action_model.rowCount():
            return
        ui = self.ui
        item = dataclasses.replace(
            self.action_model.record(row),
            action=ui.actionEdit.text().strip(),
            owner=ui.ownerEdit.text().strip(),
            due=self.due.value(),
            status=ui.statusCombo.currentData(),
            closed=self.closed.value(),
            standard=ui.standardCombo.currentData(),
            notes=ui.actionNotesEdit.text().strip(),
        )
        self.action_model.replace(row, item)

    def _action_edited(self, *_args: object) -> None:
        if self._loading:
            return
        ui = self.ui
        status = ui.statusCombo.currentData()
        if status is not None and ActionStatus(status).closed and self.closed.value() is None:
            self._loading = True
            try:
                self.closed.set_value(self.today)
            finally:
                self._loading = False
        elif status is not None and not ActionStatus(status).closed and self.closed.value() is not None:
            self._loading = True
            try:
                self.closed.set_value(None)
            finally:
                self._loading = False
        self._commit_action()

    def changed_actions(self) -> list[ActionItem]:
        self._commit_action()
        out = []
        for item in self.action_model.items():
            if item.id is None:
                if item.action or item.owner or item.due:
                    out.append(item)
            elif item != self._original_actions.get(item.id):
                out.append(item)
        return out

    # --- the return saved elsewhere meanwhile --------------------------------------------
    def conflict_base(self) -> AuditReturn:
        return self.ret

    def can_resolve(self, conflict: Any) -> bool:
        return self._load is not None

    def reload_stored(self, conflict: Any) -> None:
        self.take(self._load(), keep_mine=False)

    def apply_on_top(self, conflict: Any) -> None:
        self.take(self._load(), keep_mine=True)
        self.accept()

    def take(self, fresh: AuditReturn, *, keep_mine: bool) -> None:
        """Show ``fresh`` (the return as stored now) and save against it from now on. ``keep_mine``: the
        fields, ratings and action-plan items changed here keep their edits (laid over ``fresh``); the
        rest, including what another copy changed meanwhile, show as stored."""
        self._commit_rating()
        self._commit_action()
        ui, base, mine = self.ui, self.ret, self.record()

        def pick(name: str) -> Any:
            return getattr(mine, name) if keep_mine and getattr(mine, name) != getattr(base, name) \
                else getattr(fresh, name)

        self.issued.set_value(pick("issued"))
        self.received.set_value(pick("received"))
        self.reviewed.set_value(pick("reviewed"))
        for edit, name in ((ui.leadNameEdit, "lead_name"), (ui.leadEmailEdit, "lead_email"),
                           (ui.substituteNameEdit, "substitute_name"), (ui.substituteEmailEdit, "substitute_email"),
                           (ui.outcomeEdit, "panel_outcome")):
            edit.setText(pick(name))
        ui.notesEdit.setPlainText(pick("notes"))
        self.ret = fresh
        ratings: dict[tuple[int, str], Rating] = {}
        for key, edited in self._ratings.items():
            was, now = self._original.get(key), fresh.rating(*key)
            if keep_mine and rating_changes(was, edited):
                ratings[key] = dataclasses.replace(edited, id=now.id if now else None,
                                                   row_version=now.row_version if now else None)
            else:
                ratings[key] = dataclasses.replace(now) if now else Rating(standard=key[0], criterion=key[1],
                                                                            return_id=fresh.id)
        self._original = {r.key: r for r in fresh.ratings}
        self._ratings = ratings
        for key in self._tree_items:
            self._show_values(key)
        self._load_rating()
        stored_actions = {a.id: a for a in fresh.actions}
        rows: list[ActionItem] = []
        for item in self.action_model.items():
            now = stored_actions.get(item.id) if item.id is not None else None
            if item.id is None:
                if keep_mine:
                    rows.append(item)
            elif keep_mine and now is not None and item != self._original_actions.get(item.id):
                rows.append(dataclasses.replace(item, row_version=now.row_version))
            elif now is not None:
                rows.append(dataclasses.replace(now))
        shown = {r.id for r in rows if r.id is not None}
        rows += [dataclasses.replace(a) for a in fresh.actions if a.id not in shown]  # added elsewhere
        self._action_row = -1
        self.action_model.set_rows(rows, self.today)
        self._original_actions = stored_actions
        self._load_action()
        if not keep_mine:
            self.new_reminders = []
        ui.reminderList.clear()
        for r in fresh.reminders:
            ui.reminderList.addItem(self._reminder_text(r))
        for r in self.new_reminders:
            ui.reminderList.addItem(QListWidgetItem(self._reminder_text(r, new=True)))

    # --- saving --------------------------------------------------------------------------
    def record(self) -> AuditReturn:
        ui = self.ui
        return dataclasses.replace(
            self.ret,
            issued=self.issued.value(),
            received=self.received.value(),
            reviewed=self.reviewed.value(),
            lead_name=ui.leadNameEdit.text().strip(),
            lead_email=ui.leadEmailEdit.text().strip(),
            substitute_name=ui.substituteNameEdit.text().strip(),
            substitute_email=ui.substituteEmailEdit.text().strip(),
            panel_outcome=ui.outcomeEdit.text().strip(),
            notes=ui.notesEdit.toPlainText().strip(),
        )

    def build(self) -> tuple:
        ratings = self.changed_ratings()
        for r in ratings:
            try:
                validate_rating(r, self.scale, self.round.standards)
            except ValidationError:
                self.ui.tabs.setCurrentIndex(TAB_RATINGS)
                self.select_item(r.standard, r.criterion)
                raise
        actions = self.changed_actions()
        for item in actions:
            try:
                validate_action(item, self.round.standards, self.today)
            except ValidationError:
                self.ui.tabs.setCurrentIndex(TAB_ACTIONS)
                self.select_action(self.action_model.items().index(item))
                raise
        return (self.record(), ratings, list(self.new_reminders), actions)


# ==========================================================================================
# a new round
# ==========================================================================================
@dataclasses.dataclass(frozen=True)
class NewRound:
    name: str
    framework: Framework
    scale: ScaleKind
    agency_ids: tuple[int, ...]
    issued: dt.date
    deadline: dt.date
    panel_dates: tuple[dt.date, ...]
    notes: str


def suggested_round_name(today: dt.date) -> str:
    start = today.year if today.month >= 4 else today.year - 1
    return f"Section 11 audit {start}–{(start + 1) % 100:02d}"


class RoundDialog(RecordDialog):
    """Start a Section 11 audit round. ``save(NewRound)`` on OK."""

    error_title = "Round not created"

    def __init__(
        self,
        frameworks: Sequence[Framework],
        agencies: Sequence[Agency],
        *,
        save: Callable[[NewRound], object],
        default_framework: str = "",
        default_scale: ScaleKind = ScaleKind.SCORE_0_3,
        unchecked: Sequence[str] = (),
        taken_names: Sequence[str] = (),
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_S11RoundDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.today = today or dt.date.today()
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Create round")
        name = suggested_round_name(self.today)
        if name.lower() in {n.lower() for n in taken_names}:
            name = ""
        ui.nameEdit.setText(name)
        self.frameworks = list(frameworks)
        for f in self.frameworks:
            ui.frameworkCombo.addItem(f"{f.label} — {len(f.standards)} standards", f)
        default = next((i for i in range(len(self.frameworks) - 1, -1, -1)
                        if self.frameworks[i].name.lower() == default_framework.lower()), 0)
        ui.frameworkCombo.setCurrentIndex(default)
        for kind in (ScaleKind.RAG, ScaleKind.SCORE_0_3, ScaleKind.PERCENT):
            ui.scaleCombo.addItem(SCALE_WORDS[kind], kind)
        _set_combo_value(ui.scaleCombo, default_scale)
        for edit in (ui.issuedEdit, ui.deadlineEdit, ui.panelDateEdit):
            edit.setDisplayFormat(DATE_FORMAT)
        ui.issuedEdit.setDate(qdate(self.today))
        ui.deadlineEdit.setDate(qdate(self.today + dt.timedelta(weeks=8)))
        ui.panelDateEdit.setDate(qdate(self.today + dt.timedelta(weeks=12)))
        ui.addPanelButton.clicked.connect(self.add_panel_date)
        ui.removePanelButton.clicked.connect(self._remove_panel_date)
        skip = {u.lower() for u in unchecked}
        for a in agencies:
            item = QListWidgetItem(a.name if a.label == a.name else f"{a.name} ({a.label})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if a.label.lower() in skip else Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            ui.agencyList.addItem(item)
        ui.allButton.clicked.connect(lambda: self._check_all(True))
        ui.noneButton.clicked.connect(lambda: self._check_all(False))
        self.errors = FieldErrors(
            self,
            {"name": ui.nameEdit, "framework": ui.frameworkCombo, "standards": ui.frameworkCombo,
             "scale": ui.scaleCombo, "issue date": ui.issuedEdit, "issued": ui.issuedEdit,
             "deadline": ui.deadlineEdit, "panel_dates": ui.panelDateEdit, "agencies": ui.agencyList},
            ui.errorLabel,
        )
        ui.columns.setStretch(0, 5)
        ui.columns.setStretch(1, 4)
        self.resize(940, 580)
        ui.nameEdit.setFocus()

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.ui.agencyList.count()):
            self.ui.agencyList.item(i).setCheckState(state)

    def set_agency_checked(self, agency_id: int, checked: bool) -> None:
        for i in range(self.ui.agencyList.count()):
            item = self.ui.agencyList.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == agency_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def agency_ids(self) -> tuple[int, ...]:
        lst = self.ui.agencyList
        return tuple(lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())
                     if lst.item(i).checkState() == Qt.CheckState.Checked)

    def add_panel_date(self) -> None:
        day = pydate(self.ui.panelDateEdit.date())
        if day in self.panel_dates():
            return
        item = QListWidgetItem(f"{day:%A} {day.day} {day:%B %Y}")
        item.setData(Qt.ItemDataRole.UserRole, day)
        self.ui.panelList.addItem(item)
        self.ui.panelList.sortItems()

    def _remove_panel_date(self) -> None:
        row = self.ui.panelList.currentRow()
        if row >= 0:
            self.ui.panelList.takeItem(row)

    def panel_dates(self) -> tuple[dt.date, ...]:
        lst = self.ui.panelList
        return tuple(sorted(lst.item(i).data(Qt.ItemDataRole.UserRole) for i in range(lst.count())))

    def build(self) -> tuple:
        ui = self.ui
        return (NewRound(
            name=ui.nameEdit.text().strip(),
            framework=ui.frameworkCombo.currentData(),
            scale=ui.scaleCombo.currentData(),
            agency_ids=self.agency_ids(),
            issued=pydate(ui.issuedEdit.date()),
            deadline=pydate(ui.deadlineEdit.date()),
            panel_dates=self.panel_dates(),
            notes=ui.notesEdit.toPlainText().strip(),
        ),)


# ==========================================================================================
# mark received
# ==========================================================================================
class ReceivedDialog(RecordDialog):
    """When a return came in. ``save(day, open_after)`` on OK."""

    error_title = "Not marked received"

    def __init__(self, agency_name: str, round_name: str, *, save: Callable[[dt.date, bool], object],
                 today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_S11DateDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.setWindowTitle("Mark return received")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Mark received")
        ui.explanationLabel.setText(
            f"<b>{html.escape(agency_name)}</b> returned its self-assessment for {html.escape(round_name)}.")
        ui.dateLabel.setText("&Received on:")
        ui.dateEdit.setDisplayFormat(DATE_FORMAT)
        ui.dateEdit.setDate(qdate(today or dt.date.today()))
        ui.noteLabel.hide()
        ui.noteEdit.hide()
        self.errors = FieldErrors(self, {"received": ui.dateEdit}, ui.errorLabel)
        ui.dateEdit.setFocus()

    def build(self) -> tuple:
        return (pydate(self.ui.dateEdit.date()), self.ui.openReturnCheck.isChecked())


# ==========================================================================================
# import a returned workbook
# ==========================================================================================
class WorkbookProblemsModel(_RecordTableModel):
    """One row per problem found in a returned workbook: sheet, cell, what is wrong."""

    COL_SHEET, COL_CELL, COL_PROBLEM = range(3)
    HEADERS = ("Sheet", "Cell", "Problem")

    def set_rows(self, problems: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(problems)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        p = self._rows[index.row()]
        values = (str(getattr(p, "sheet", "") or ""), str(getattr(p, "cell", "") or ""),
                  str(getattr(p, "message", p)))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return values[index.column()]
        return None


def _plain(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(getattr(value, "value", value))


def _changes_text(preview: Any) -> str:
    """The preview's changes in words: ratings, contacts, actions, the received date."""
    lines: list[str] = []
    for c in getattr(preview, "changes", None) or ():
        if hasattr(c, "where"):
            lines.append(f"{c.where.capitalize()}, {c.label}: {_plain(c.old)} → {_plain(c.new)}")
        else:
            lines.append(str(c))
    for c in getattr(preview, "contacts", None) or ():
        lines.append(f"{getattr(c, 'label', c)}: {_plain(getattr(c, 'old', ''))} → {_plain(getattr(c, 'new', ''))}")
    for item in getattr(preview, "actions_to_add", None) or ():
        due = f", due {item.due:%d/%m/%Y}" if getattr(item, "due", None) else ""
        lines.append(f"New action: {item.action}{due}")
    for now, after in getattr(preview, "actions_to_update", None) or ():
        lines.append(f"Action '{now.action}': {ActionStatus(now.status).value} → {ActionStatus(after.status).value}"
                     if now.status != after.status else f"Action updated: {after.action}")
    if getattr(preview, "mark_received", False):
        lines.append("The return will be marked received.")
    return "\n".join(lines)


class WorkbookImportDialog(RecordDialog):
    """What a returned workbook would change, and every problem in it; Import only when none.

    ``apply()`` is called on Import (the preview was made from the file just chosen).
    """

    error_title = "Workbook not imported"

    def __init__(self, preview: Any, *, apply: Callable[[], object], source: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_S11ImportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.preview = preview
        self._save = apply
        self.problems_model = WorkbookProblemsModel(self)
        problems = list(getattr(preview, "problems", ()) or ())
        self.problems_model.set_rows(problems)
        ui.problemsView.setModel(self.problems_model)
        ui.problemsView.verticalHeader().setVisible(False)
        ui.problemsView.setColumnWidth(0, 140)
        ui.problemsView.setColumnWidth(1, 70)
        ui.problemsView.horizontalHeader().setStretchLastSection(True)
        self.import_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        blocked = bool(getattr(preview, "has_problems", bool(problems)))
        self.import_button.setEnabled(not blocked)
        summary = html.escape(str(getattr(preview, "summary", "") or ""))
        where = f"<b>{html.escape(source)}</b><br>" if source else ""
        if blocked:
            n = len(problems)
            verdict = (f"<span style='color:#b3261e'><b>{n} problem{'s' if n != 1 else ''} to put right.</b></span> "
                       "Nothing can be imported until the workbook is corrected: send it back to the agency "
                       "with this list, or correct it yourself, then import it again.")
        else:
            verdict = "<b>No problems found.</b> Check the changes below, then Import to save them all at once."
        ui.summaryLabel.setText(f"{where}{summary}<br>{verdict}" if summary else f"{where}{verdict}")
        ui.problemsCaption.setVisible(bool(problems))
        ui.problemsView.setVisible(bool(problems))
        text = _changes_text(preview)
        ui.changesView.setPlainText(text or "No changes: the workbook says what the database already holds.")
        # what a blocked workbook would change is beside the point until it is corrected
        ui.changesCaption.setVisible(not blocked)
        ui.changesView.setVisible(not blocked)
        self.errors = FieldErrors(self, {}, ui.errorLabel)
        self.resize(860, 560)

    @property
    def blocked(self) -> bool:
        return not self.import_button.isEnabled()

    def build(self) -> tuple:
        if self.blocked:
            raise ValidationError("import", "The workbook has problems: nothing can be imported until they are put right.")
        return ()


def scale_label(kind: ScaleKind) -> str:
    return scale_for(kind).label

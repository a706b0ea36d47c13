"""Dialogs of the Partnership page: a body, a work transfer, the receiving chair's answer, an escalation or
dispute, the chair's mediation, and one dated step (send, escalate, decide, withdraw, end).

They follow ``dialogs/common.py``: OK builds the record and calls the ``save`` callable they were given; a refusal
is shown under its field (on its tab) and the dialog stays open with everything typed. The answer dialog's file
chooser is a method tests replace.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QListWidgetItem, QWidget

from mqp_desktop.domain.escalations import Escalation, EscalationKind
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.partnership import Answer, Direction, PartnershipBody, WorkTransfer
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, FieldErrors, FittedDialog, OptionalDate, pydate, qdate
from mqp_desktop.ui.generated.ui_escalation_dialog import Ui_EscalationDialog
from mqp_desktop.ui.generated.ui_mediation_dialog import Ui_MediationDialog
from mqp_desktop.ui.generated.ui_partnership_body_dialog import Ui_PartnershipBodyDialog
from mqp_desktop.ui.generated.ui_partnership_step_dialog import Ui_PartnershipStepDialog
from mqp_desktop.ui.generated.ui_transfer_answer_dialog import Ui_TransferAnswerDialog
from mqp_desktop.ui.generated.ui_work_transfer_dialog import Ui_WorkTransferDialog

ANSWER_FILE_FILTER = ("Letters and emails (*.pdf *.docx *.doc *.eml *.msg);;PDF (*.pdf);;Word (*.docx *.doc);;"
                      "Email (*.eml *.msg);;All files (*)")
NOT_AT_A_MEETING = "Not at a meeting"
MEETING_GENERALLY = "The meeting generally"
NO_MEMBER = "— the agency, not a named member —"
TEXT_HEIGHT = 72


def _ok_text(buttons: QDialogButtonBox, text: str) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)


def _date_edit(edit, value: dt.date) -> None:
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDate(qdate(value))


# --- a body -----------------------------------------------------------------------------------------

class PartnershipBodyDialog(FittedDialog):
    """The Executive or a subcommittee: name, short name, chair, email, marks, notes, ended. ``save(body)``."""

    error_title = "Not saved"

    def __init__(self, body: PartnershipBody, *, save: Callable[[PartnershipBody], object], title: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_PartnershipBodyDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.body = body
        new = body.id is None
        self.setWindowTitle(title or ("New partnership body" if new else body.name))
        _ok_text(ui.buttonBox, "Add" if new else "Save")
        ui.introLabel.setText(
            "The partnership's Executive, or one of its other subcommittees: work transfers name them, and the "
            "letters are addressed to their chairs. There is one Executive; at most one Training, Workforce & "
            "Development subcommittee.")
        ui.notesEdit.setMaximumHeight(TEXT_HEIGHT)
        self.ended = OptionalDate(ui.endedCheck, ui.endedEdit, body.ended_on)
        self._show(body)
        self.errors = FieldErrors(self, {
            "name": ui.nameEdit, "short_name": ui.shortNameEdit, "chair_name": ui.chairEdit,
            "chair_email": ui.chairEmailEdit, "executive": ui.executiveCheck, "training_workforce": ui.twdCheck,
            "notes": ui.notesEdit, "ended_on": ui.endedEdit,
        }, ui.errorLabel)
        ui.nameEdit.setFocus()

    def _show(self, b: PartnershipBody) -> None:
        ui = self.ui
        ui.nameEdit.setText(b.name)
        ui.shortNameEdit.setText(b.short_name)
        ui.chairEdit.setText(b.chair_name)
        ui.chairEmailEdit.setText(b.chair_email)
        ui.executiveCheck.setChecked(b.executive)
        ui.twdCheck.setChecked(b.training_workforce)
        ui.notesEdit.setPlainText(b.notes)
        self.ended.set_value(b.ended_on)

    def conflict_base(self) -> PartnershipBody | None:
        return self.body if self.body.id is not None else None

    def show_record(self, record: PartnershipBody, *, as_read: PartnershipBody) -> None:
        self.body = as_read
        self._show(record)

    def build(self) -> tuple:
        ui = self.ui
        return (dataclasses.replace(
            self.body, name=ui.nameEdit.text(), short_name=ui.shortNameEdit.text(), chair_name=ui.chairEdit.text(),
            chair_email=ui.chairEmailEdit.text(), executive=ui.executiveCheck.isChecked(),
            training_workforce=ui.twdCheck.isChecked(), notes=ui.notesEdit.toPlainText(),
            ended_on=self.ended.value()),)


# --- a work transfer ------------------------------------------------------------------------------------

class WorkTransferDialog(FittedDialog):
    """A new or edited transfer: which way, which subcommittee, the letter's date, the work; why, outcomes,
    priorities, costs. ``save(transfer)``. ``bodies``: the subcommittees that may be named (not the Executive);
    ``priorities``: the partnership's list (any already linked are added)."""

    error_title = "Transfer not saved"

    def __init__(self, transfer: WorkTransfer, *, bodies: Sequence[PartnershipBody], priorities: Sequence[str],
                 answer_days: int, save: Callable[[WorkTransfer], object], title: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_WorkTransferDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.transfer = transfer
        self.bodies = {b.id: b for b in bodies}
        new = transfer.id is None
        self.new = new
        self.setWindowTitle(title or ("New work transfer" if new else f"Work transfer {transfer.reference}"))
        _ok_text(ui.buttonBox, "Save transfer" if not new else "Add transfer")
        ui.introLabel.setText(
            "ToR 8: the chair writes to the chair of the subcommittee that should take the work on, with the reason, "
            "the intended outcomes and the link to the partnership's priorities (and projected costs for Training, "
            f"Workforce & Development). The answer is due {answer_days} days after it is sent."
            if new else f"Work transfer {transfer.reference}: its reference does not change.")
        ui.directionCombo.addItem("From us: we ask another subcommittee to take it on", Direction.FROM_US.value)
        ui.directionCombo.addItem("To us: another subcommittee asks us", Direction.TO_US.value)
        ui.directionCombo.setEnabled(new)
        for b in bodies:
            ui.bodyCombo.addItem(b.name if not b.short_name else f"{b.name} ({b.short_name})", b.id)
        for edit in (ui.reasonEdit, ui.outcomesEdit, ui.costsEdit):  # the work takes the room its tab has
            edit.setMaximumHeight(TEXT_HEIGHT)
        ui.prioritiesList.setMaximumHeight(TEXT_HEIGHT + 16)
        ui.costsHint.setStyleSheet("color: palette(dark);")
        listed = list(priorities) + [p for p in transfer.priorities if p not in priorities]
        for name in listed:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.prioritiesList.addItem(item)
        if not listed:
            ui.prioritiesList.addItem(QListWidgetItem("(No priorities listed yet: add them in Agenda & papers "
                                                      "settings)"))
            ui.prioritiesList.setEnabled(False)
        for edit in (ui.writtenEdit, ui.receivedEdit):
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
        self._show(transfer)
        ui.directionCombo.currentIndexChanged.connect(lambda _i: self._direction_changed())
        ui.bodyCombo.currentIndexChanged.connect(lambda _i: self._costs_hint())
        self.errors = FieldErrors(self, {
            "direction": ui.directionCombo, "body": ui.bodyCombo, "written_on": ui.writtenEdit,
            "sent_on": ui.receivedEdit, "work": ui.workEdit, "reason": ui.reasonEdit, "outcomes": ui.outcomesEdit,
            "priorities": ui.prioritiesList, "projected_costs": ui.costsEdit, "state": ui.workEdit,
        }, ui.errorLabel)
        ui.tabs.setCurrentIndex(0)
        (ui.directionCombo if new else ui.workEdit).setFocus()

    def _show(self, t: WorkTransfer) -> None:
        ui = self.ui
        ui.directionCombo.blockSignals(True)
        ui.directionCombo.setCurrentIndex(max(0, ui.directionCombo.findData(Direction(t.direction).value)))
        ui.directionCombo.blockSignals(False)
        ui.bodyCombo.setCurrentIndex(max(0, ui.bodyCombo.findData(t.body_id)))
        ui.writtenEdit.setDate(qdate(t.written_on or dt.date.today()))
        ui.receivedEdit.setDate(qdate(t.sent_on or t.written_on or dt.date.today()))
        ui.workEdit.setPlainText(t.work)
        ui.reasonEdit.setPlainText(t.reason)
        ui.outcomesEdit.setPlainText(t.outcomes)
        ui.costsEdit.setPlainText(t.projected_costs)
        chosen = {p.casefold() for p in t.priorities}
        for i in range(ui.prioritiesList.count()):
            item = ui.prioritiesList.item(i)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if item.text().casefold() in chosen
                                   else Qt.CheckState.Unchecked)
        self._direction_changed()

    def conflict_base(self) -> WorkTransfer | None:
        return self.transfer if self.transfer.id is not None else None

    def show_record(self, record: WorkTransfer, *, as_read: WorkTransfer) -> None:
        self.transfer = as_read
        self._show(record)

    def direction(self) -> Direction:
        return Direction(self.ui.directionCombo.currentData())

    def _direction_changed(self) -> None:
        incoming = self.direction() is Direction.TO_US
        ui = self.ui
        ui.writtenLabel.setText("Their letter &dated:" if incoming else "&Letter dated:")
        ui.receivedEdit.setVisible(incoming and self.new)
        ui.receivedLabel.setVisible(incoming and self.new)
        self._costs_hint()

    def _costs_hint(self) -> None:
        body = self.bodies.get(self.ui.bodyCombo.currentData())
        if self.direction() is Direction.FROM_US and body is not None and body.training_workforce:
            self.ui.costsHint.setText(f"Required: work sent to {body.name} includes projected costs for its "
                                      "consideration (ToR 8).")
        else:
            self.ui.costsHint.setText("Optional here; required for work sent to Training, Workforce & Development.")

    def priorities(self) -> tuple[str, ...]:
        lst = self.ui.prioritiesList
        return tuple(lst.item(i).text() for i in range(lst.count())
                     if lst.item(i).flags() & Qt.ItemFlag.ItemIsUserCheckable
                     and lst.item(i).checkState() == Qt.CheckState.Checked)

    def build(self) -> tuple:
        ui = self.ui
        incoming = self.direction() is Direction.TO_US
        return (dataclasses.replace(
            self.transfer, direction=self.direction(), body_id=ui.bodyCombo.currentData(),
            written_on=pydate(ui.writtenEdit.date()), work=ui.workEdit.toPlainText(),
            reason=ui.reasonEdit.toPlainText(), outcomes=ui.outcomesEdit.toPlainText(),
            priorities=self.priorities(), projected_costs=ui.costsEdit.toPlainText(),
            sent_on=pydate(ui.receivedEdit.date()) if incoming and self.new else self.transfer.sent_on),)


# --- the receiving chair's answer --------------------------------------------------------------------------

class TransferAnswerDialog(FittedDialog):
    """Accepted or declined (why), the date, and the letter or email kept: ``save(answer, reason, on, path)``.
    With ``attach_only`` the answer is already recorded: only the file is chosen (``save(None, '', None, path)``).
    """

    error_title = "Answer not recorded"

    def __init__(self, heading: str, *, save: Callable[[Answer | None, str, dt.date | None, Path | None], object],
                 earliest: dt.date | None = None, attach_only: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_TransferAnswerDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.attach_only = attach_only
        self.path: Path | None = None
        self.setWindowTitle("Attach the answer's letter or email" if attach_only else "Record the answer")
        _ok_text(ui.buttonBox, "Keep the file" if attach_only else "Record answer")
        ui.introLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.introLabel.setText(heading)
        ui.reasonEdit.setMaximumHeight(TEXT_HEIGHT)
        today = dt.date.today()
        _date_edit(ui.answeredEdit, max(today, earliest) if earliest and earliest > today else today)
        if earliest is not None:
            ui.answeredEdit.setMinimumDate(qdate(earliest))
        ui.acceptedRadio.setChecked(True)
        for w in (ui.acceptedRadio, ui.declinedRadio, ui.reasonEdit, ui.answeredEdit, ui.answerLabel,
                  ui.reasonLabel, ui.answeredLabel):
            w.setVisible(not attach_only)
        ui.chooseFileButton.clicked.connect(self._choose)
        ui.clearFileButton.clicked.connect(lambda: self.set_path(None))
        ui.declinedRadio.toggled.connect(lambda _on: self._answer_changed())
        self.set_path(None)
        self._answer_changed()
        self.errors = FieldErrors(self, {
            "answer": ui.acceptedRadio, "answer_reason": ui.reasonEdit, "answered_on": ui.answeredEdit,
            "file": ui.chooseFileButton, "state": ui.acceptedRadio,
        }, ui.errorLabel)
        (ui.chooseFileButton if attach_only else ui.acceptedRadio).setFocus()

    def answer(self) -> Answer:
        return Answer.DECLINED if self.ui.declinedRadio.isChecked() else Answer.ACCEPTED

    def _answer_changed(self) -> None:
        self.ui.reasonLabel.setText("&Why not:" if self.answer() is Answer.DECLINED else "&Note:")

    def choose_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "The answer's letter or email", str(Path.home()),
                                              ANSWER_FILE_FILTER)
        return Path(name) if name else None

    def _choose(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.set_path(path)

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.ui.fileNameLabel.setText(path.name if path else "<i>none chosen</i>")
        self.ui.fileNameLabel.setToolTip(str(path) if path else "")
        self.ui.clearFileButton.setEnabled(path is not None)

    def build(self) -> tuple:
        if self.attach_only:
            return (None, "", None, self.path)
        return (self.answer(), self.ui.reasonEdit.toPlainText(), pydate(self.ui.answeredEdit.date()), self.path)


# --- an escalation or dispute ----------------------------------------------------------------------------

class EscalationDialog(FittedDialog):
    """A new or edited escalation or dispute: kind, summary, who raised it, where and when. ``save(escalation)``.

    ``meetings``: (id, title, date) latest first; ``items_of(meeting_id)``: (id, 'number  title')."""

    error_title = "Not saved"

    def __init__(self, escalation: Escalation, *, agencies: Sequence[Agency], members: Sequence[Member],
                 meetings: Sequence[tuple[int, str, dt.date]],
                 items_of: Callable[[int], Sequence[tuple[int, str]]], save: Callable[[Escalation], object],
                 title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_EscalationDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.escalation = escalation
        self.members = list(members)
        self.meeting_dates = {m_id: day for m_id, _t, day in meetings}
        self.items_of = items_of
        new = escalation.id is None
        self.setWindowTitle(title or ("New escalation or dispute" if new else escalation.reference))
        _ok_text(ui.buttonBox, "Record" if new else "Save")
        ui.introLabel.setText(
            "A concern needing strategic oversight and decision — a worrying trend, a block in the system, a theme "
            "or pattern (ToR 7.1) — or a dispute, which the chair mediates and, if it remains unresolved, the "
            "Executive decides (ToR 9). It is given a reference (ES-2026-002)." if new
            else f"{escalation.reference}: its reference does not change.")
        ui.summaryEdit.setMaximumHeight(TEXT_HEIGHT + 16)
        for kind in EscalationKind:
            ui.kindCombo.addItem(kind.label, kind.value)
        for agency in agencies:
            ui.agencyCombo.addItem(agency.label if agency.label == agency.name else f"{agency.label} — {agency.name}",
                                   agency.id)
        ui.meetingCombo.addItem(NOT_AT_A_MEETING, None)
        for meeting_id, text, _day in meetings:
            ui.meetingCombo.addItem(text, meeting_id)
        ui.raisedEdit.setDisplayFormat(DATE_FORMAT)
        ui.raisedEdit.setCalendarPopup(True)
        self._show(escalation)
        ui.agencyCombo.currentIndexChanged.connect(lambda _i: self._fill_members())
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self._meeting_changed())
        self.errors = FieldErrors(self, {
            "kind": ui.kindCombo, "summary": ui.summaryEdit, "raised_by": ui.agencyCombo, "meeting": ui.meetingCombo,
            "item": ui.itemCombo, "raised_on": ui.raisedEdit, "status": ui.summaryEdit,
        }, ui.errorLabel)
        (ui.kindCombo if new else ui.summaryEdit).setFocus()

    def _show(self, e: Escalation) -> None:
        ui = self.ui
        for w in (ui.agencyCombo, ui.meetingCombo):
            w.blockSignals(True)
        try:
            ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(EscalationKind(e.kind).value)))
            ui.summaryEdit.setPlainText(e.summary)
            agency = e.raised_by_agency_id
            if agency is None and e.raised_by_member_id is not None:
                agency = next((m.agency_id for m in self.members if m.id == e.raised_by_member_id), None)
            ui.agencyCombo.setCurrentIndex(max(0, ui.agencyCombo.findData(agency)))
            self._fill_members(e.raised_by_member_id)
            ui.meetingCombo.setCurrentIndex(max(0, ui.meetingCombo.findData(e.meeting_id)))
            self._fill_items(e.item_id)
            ui.raisedEdit.setDate(qdate(e.raised_on or dt.date.today()))
        finally:
            for w in (ui.agencyCombo, ui.meetingCombo):
                w.blockSignals(False)

    def conflict_base(self) -> Escalation | None:
        return self.escalation if self.escalation.id is not None else None

    def show_record(self, record: Escalation, *, as_read: Escalation) -> None:
        self.escalation = as_read
        self._show(record)

    def _fill_members(self, member_id: int | None = None) -> None:
        combo = self.ui.memberCombo
        combo.clear()
        combo.addItem(NO_MEMBER, None)
        agency_id = self.ui.agencyCombo.currentData()
        for m in self.members:
            if m.agency_id == agency_id and not m.is_vacant:
                combo.addItem(m.display_name, m.id)
        combo.setCurrentIndex(max(0, combo.findData(member_id)))

    def _fill_items(self, item_id: int | None = None) -> None:
        combo = self.ui.itemCombo
        combo.clear()
        combo.addItem(MEETING_GENERALLY, None)
        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is not None:
            for record_id, text in self.items_of(meeting_id):
                combo.addItem(text, record_id)
        combo.setCurrentIndex(max(0, combo.findData(item_id)))
        combo.setEnabled(meeting_id is not None)

    def _meeting_changed(self) -> None:
        self._fill_items()
        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is not None:
            self.ui.raisedEdit.setDate(qdate(self.meeting_dates[meeting_id]))

    def build(self) -> tuple:
        ui = self.ui
        return (dataclasses.replace(
            self.escalation, kind=EscalationKind(ui.kindCombo.currentData()), summary=ui.summaryEdit.toPlainText(),
            raised_by_agency_id=ui.agencyCombo.currentData(), raised_by_member_id=ui.memberCombo.currentData(),
            meeting_id=ui.meetingCombo.currentData(), item_id=ui.itemCombo.currentData(),
            raised_on=pydate(ui.raisedEdit.date())),)


# --- the chair's mediation ---------------------------------------------------------------------------------------

class MediationDialog(FittedDialog):
    """The chair's mediation of a dispute: date, notes, outcome so far. ``save(on, notes, outcome)``."""

    error_title = "Mediation not recorded"

    def __init__(self, heading: str, *, escalation: Escalation, save: Callable[[dt.date, str, str], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_MediationDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        _ok_text(ui.buttonBox, "Record mediation")
        ui.introLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.introLabel.setText(heading)
        for edit in (ui.notesEdit, ui.outcomeEdit):
            edit.setMaximumHeight(TEXT_HEIGHT + 16)
        _date_edit(ui.dateEdit, dt.date.today())
        if escalation.raised_on is not None:
            ui.dateEdit.setMinimumDate(qdate(escalation.raised_on))
        ui.notesEdit.setPlainText(escalation.mediation_notes)
        ui.outcomeEdit.setPlainText(escalation.mediation_outcome)
        self.errors = FieldErrors(self, {"mediation_on": ui.dateEdit, "mediation_notes": ui.notesEdit,
                                         "mediation_outcome": ui.outcomeEdit, "kind": ui.notesEdit,
                                         "status": ui.notesEdit}, ui.errorLabel)
        ui.notesEdit.setFocus()

    def build(self) -> tuple:
        ui = self.ui
        return (pydate(ui.dateEdit.date()), ui.notesEdit.toPlainText(), ui.outcomeEdit.toPlainText())


# --- one dated step ------------------------------------------------------------------------------------------------

class PartnershipStepDialog(FittedDialog):
    """One step with its date and, unless ``text_label`` is empty, words (a note, a decision, a reason):
    ``save(on, text)``. ``fields``: the ValidationError fields shown under the date and the text."""

    error_title = "Not saved"

    def __init__(self, *, title: str, intro: str, ok: str, text_label: str = "", text: str = "",
                 earliest: dt.date | None = None, save: Callable[[dt.date, str], object],
                 date_fields: Sequence[str] = (), text_fields: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_PartnershipStepDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.setWindowTitle(title)
        _ok_text(ui.buttonBox, ok)
        ui.introLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.introLabel.setText(intro)
        ui.textEdit.setMaximumHeight(TEXT_HEIGHT + 16)
        today = dt.date.today()
        _date_edit(ui.dateEdit, max(today, earliest) if earliest and earliest > today else today)
        if earliest is not None:
            ui.dateEdit.setMinimumDate(qdate(earliest))
        ui.textEdit.setPlainText(text)
        self.has_text = bool(text_label)
        ui.textLabel.setText(text_label)
        ui.textLabel.setVisible(bool(text_label))
        ui.textEdit.setVisible(bool(text_label))
        fields = {name: ui.dateEdit for name in date_fields} | {name: ui.textEdit for name in text_fields}
        self.errors = FieldErrors(self, {"state": ui.dateEdit, "status": ui.dateEdit, **fields}, ui.errorLabel)
        (ui.textEdit if text_label else ui.dateEdit).setFocus()

    def build(self) -> tuple:
        return (pydate(self.ui.dateEdit.date()), self.ui.textEdit.toPlainText() if self.has_text else "")

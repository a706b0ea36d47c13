"""The dialogs of the Audits & inspections page: an audit, a case, an action from an audit, the
grading scale, an inspection, an action-plan item, a review at a meeting, and a reason (cancel,
withdraw).

Each follows the contract of :mod:`mqp_desktop.ui.dialogs.common`: on OK it builds a record and
calls the ``save`` callable it was given; a ``ValidationError`` is shown under its field, a
``StoreError`` in a warning, an ``EditConflict`` in the conflict dialog, and the dialog stays open
with everything typed kept. The grading scale dialog changes the scale at once, a step at a time
(each step recorded), and is closed with Close.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QPushButton, QWidget

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.case_reference import EXAMPLES as REFERENCE_EXAMPLES
from mqp_desktop.domain.meetings import Meeting, MeetingStatus
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.quality import (
    AUDIT_KIND_LABELS,
    FOLLOW_UP_LABELS,
    INSPECTION_TYPES,
    JUDGEMENTS,
    Audit,
    AuditCase,
    AuditKind,
    FollowUp,
    Grade,
    Inspection,
    Inspectorate,
    PlanItem,
    PlanStatus,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import EditConflict, StoreError
from mqp_desktop.ui.dialogs.common import (
    DATE_FORMAT,
    ActionFields,
    FieldErrors,
    OptionalDate,
    RecordDialog,
    pydate,
    qdate,
    show_warning,
)
from mqp_desktop.ui.generated.ui_audit_action_dialog import Ui_AuditActionDialog
from mqp_desktop.ui.generated.ui_audit_case_dialog import Ui_AuditCaseDialog
from mqp_desktop.ui.generated.ui_audit_dialog import Ui_AuditDialog
from mqp_desktop.ui.generated.ui_grading_scale_dialog import Ui_GradingScaleDialog
from mqp_desktop.ui.generated.ui_inspection_dialog import Ui_InspectionDialog
from mqp_desktop.ui.generated.ui_inspection_review_dialog import Ui_InspectionReviewDialog
from mqp_desktop.ui.generated.ui_plan_item_dialog import Ui_PlanItemDialog
from mqp_desktop.ui.generated.ui_reason_dialog import Ui_ReasonDialog

NOT_SET = "(not set)"


def _ok_text(buttons: QDialogButtonBox, text: str) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)


def meeting_text(m: Meeting) -> str:
    return m.title + (" (planned)" if m.status is MeetingStatus.PLANNED else "")


def _fill_meetings(combo, meetings: Sequence[Meeting], chosen: int | None, none_text: str | None) -> None:
    """Meetings not cancelled, the most recent first (and the chosen one even if cancelled since)."""
    if none_text is not None:
        combo.addItem(none_text, None)
    for m in sorted(meetings, key=lambda m: (m.date, m.start_time, m.id or 0), reverse=True):
        if m.status is not MeetingStatus.CANCELLED or m.id == chosen:
            combo.addItem(meeting_text(m), m.id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))


# --- an audit ----------------------------------------------------------------------------------

class AuditDialog(RecordDialog):
    """Add or edit an audit. ``save(audit)`` gets the audit as the form holds it (``row_version`` as read).

    ``fixed_agency_ids``: agencies with cases in the audit, which stay ticked (their box is disabled)."""

    error_title = "Audit not saved"

    def __init__(self, audit: Audit, *, members: Sequence[Member], agencies: Sequence[Agency],
                 meetings: Sequence[Meeting], save: Callable[[Audit], object],
                 fixed_agency_ids: Sequence[int] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AuditDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.audit = audit
        self.fixed = set(fixed_agency_ids)
        self.meeting_dates = {m.id: m.date for m in meetings}
        self.setWindowTitle("Edit audit" if audit.id else "New audit")
        _ok_text(ui.buttonBox, "Save" if audit.id else "Add audit")
        ui.introLabel.setText("An audit of the partnership's programme (ToR 8). Cases are added on the page, by "
                              "reference only." if audit.id is None else
                              f"Audit {audit.id}. Cases and actions are added on the page.")
        for kind in AuditKind:
            ui.kindCombo.addItem(AUDIT_KIND_LABELS[kind], kind.value)
        ui.leadCombo.addItem(NOT_SET, None)
        agency_names = {a.id: a.label for a in agencies}
        for m in members:
            ui.leadCombo.addItem(f"{m.display_name} ({m.role_title[:40]}, {agency_names.get(m.agency_id, '')})",
                                 f"member:{m.id}")
        for a in agencies:
            ui.leadCombo.addItem(f"{a.label} (the agency)", f"agency:{a.id}")
        _fill_meetings(ui.reportedCombo, meetings, audit.reported_meeting_id, "Not reported yet")
        for check in (ui.plannedCheck, ui.startedCheck, ui.completedCheck, ui.reportedOnCheck):
            check.setText("")
        self.planned = OptionalDate(ui.plannedCheck, ui.plannedEdit)
        self.started = OptionalDate(ui.startedCheck, ui.startedEdit)
        self.completed = OptionalDate(ui.completedCheck, ui.completedEdit)
        self.reported_on = OptionalDate(ui.reportedOnCheck, ui.reportedOnEdit, default=self._meeting_date)
        self.agencies = list(agencies)
        ui.reportedCombo.currentIndexChanged.connect(self._reported_changed)
        self._show(audit)
        self.errors = FieldErrors(self, {
            "title": ui.titleEdit, "kind": ui.kindCombo, "theme": ui.themeEdit, "lead": ui.leadCombo,
            "agency_ids": ui.agenciesList, "planned": ui.plannedEdit, "started": ui.startedEdit,
            "completed": ui.completedEdit, "reported_meeting": ui.reportedCombo, "reported_on": ui.reportedOnEdit,
            "findings": ui.findingsEdit, "learning": ui.learningEdit, "notes": ui.notesEdit,
            "cancel_reason": ui.notesEdit,
        }, ui.errorLabel)
        ui.tabs.setCurrentIndex(0)
        ui.titleEdit.setFocus()

    def _meeting_date(self) -> dt.date:
        return self.meeting_dates.get(self.ui.reportedCombo.currentData()) or dt.date.today()

    def _reported_changed(self) -> None:
        reported = self.ui.reportedCombo.currentData() is not None
        self.ui.reportedOnCheck.setEnabled(reported)
        if not reported:
            self.reported_on.set_value(None)
        elif self.reported_on.value() is None or self.reported_on.value() != self._meeting_date():
            self.reported_on.set_value(self._meeting_date())

    def _show(self, a: Audit) -> None:
        ui = self.ui
        ui.titleEdit.setText(a.title)
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(AuditKind(a.kind).value)))
        ui.themeEdit.setText(a.theme)
        lead = f"member:{a.lead_member_id}" if a.lead_member_id else (f"agency:{a.lead_agency_id}"
                                                                      if a.lead_agency_id else None)
        ui.leadCombo.setCurrentIndex(max(0, ui.leadCombo.findData(lead)) if lead else 0)
        self.planned.set_value(a.planned)
        self.started.set_value(a.started)
        self.completed.set_value(a.completed)
        ui.reportedCombo.blockSignals(True)
        ui.reportedCombo.setCurrentIndex(max(0, ui.reportedCombo.findData(a.reported_meeting_id)))
        ui.reportedCombo.blockSignals(False)
        self.reported_on.set_value(a.reported_on)
        ui.reportedOnCheck.setEnabled(a.reported_meeting_id is not None)
        ui.agenciesList.clear()
        taking_part = set(a.agency_ids)
        for agency in self.agencies:
            if not agency.is_active() and agency.id not in taking_part:
                continue
            item = QListWidgetItem(agency.label)
            item.setData(Qt.ItemDataRole.UserRole, agency.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if agency.id in taking_part else Qt.CheckState.Unchecked)
            if agency.id in self.fixed:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip("Cases of this agency are in the audit: withdraw them to take it out")
            ui.agenciesList.addItem(item)
        ui.findingsEdit.setPlainText(a.findings)
        ui.learningEdit.setPlainText(a.learning)
        ui.notesEdit.setPlainText(a.notes)

    def conflict_base(self) -> Audit | None:
        return self.audit if self.audit.id is not None else None

    def show_record(self, record: Audit, *, as_read: Audit) -> None:
        self.audit = as_read
        self._show(record)

    def checked_agencies(self) -> tuple[int, ...]:
        out = []
        for row in range(self.ui.agenciesList.count()):
            item = self.ui.agenciesList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return tuple(out)

    def record(self) -> Audit:
        ui = self.ui
        kind_of_lead, _, lead_id = (ui.leadCombo.currentData() or "").partition(":")
        return dataclasses.replace(
            self.audit, title=ui.titleEdit.text(), kind=AuditKind(ui.kindCombo.currentData()),
            theme=ui.themeEdit.text(),
            lead_member_id=int(lead_id) if kind_of_lead == "member" else None,
            lead_agency_id=int(lead_id) if kind_of_lead == "agency" else None,
            agency_ids=self.checked_agencies(), planned=self.planned.value(), started=self.started.value(),
            completed=self.completed.value(), reported_meeting_id=ui.reportedCombo.currentData(),
            reported_on=self.reported_on.value() if ui.reportedCombo.currentData() is not None else None,
            findings=ui.findingsEdit.toPlainText(), learning=ui.learningEdit.toPlainText(),
            notes=ui.notesEdit.toPlainText(),
        )

    def build(self) -> tuple:
        return (self.record(),)


# --- a case --------------------------------------------------------------------------------------

class AuditCaseDialog(RecordDialog):
    """Add cases (one after another: "Save and add another" keeps the agency and clears the rest) or edit
    one. ``save(case)``; ``agencies``: those taking part."""

    error_title = "Case not saved"

    def __init__(self, case: AuditCase, *, audit_title: str, agencies: Sequence[tuple[int, str]],
                 grades: Sequence[Grade], save: Callable[[AuditCase], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AuditCaseDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.case = case
        self.added: list[AuditCase] = []
        self.audit_title = audit_title
        self.setWindowTitle("Edit case" if case.id else "Add cases")
        _ok_text(ui.buttonBox, "Save" if case.id else "Add case")
        self.another_button: QPushButton | None = None
        if case.id is None:
            self.another_button = ui.buttonBox.addButton("Add and &next", QDialogButtonBox.ButtonRole.ActionRole)
            self.another_button.setToolTip("Add this case and start the next (Ctrl+Enter)")
            self.another_button.setShortcut("Ctrl+Return")
            self.another_button.clicked.connect(self.add_another)
        ui.introLabel.setText(f"A case audited in <b>{html.escape(audit_title)}</b>, by its reference only.")
        ui.referenceHint.setText(f"The case's reference from the case record or the audit's list, e.g. "
                                 f"{REFERENCE_EXAMPLES} — never a child's name.")
        ui.referenceHint.setStyleSheet("color: palette(dark);")
        ui.agencyCombo.addItem("The audit overall (no one agency)", None)
        for agency_id, label in agencies:
            ui.agencyCombo.addItem(label, agency_id)
        ui.gradeCombo.addItem("Not graded yet", None)
        for n, g in enumerate(grades, start=1):
            ui.gradeCombo.addItem(f"{n}  {g.label}", g.id)
        if case.grade_id is not None and ui.gradeCombo.findData(case.grade_id) < 0:
            ui.gradeCombo.addItem("(a grade no longer on the scale)", case.grade_id)
        self._show(case)
        self.errors = FieldErrors(self, {"reference": ui.referenceEdit, "agency_id": ui.agencyCombo,
                                         "grade_id": ui.gradeCombo, "notes": ui.notesEdit}, ui.errorLabel)
        ui.referenceEdit.setFocus()

    def _show(self, c: AuditCase) -> None:
        ui = self.ui
        ui.referenceEdit.setText(c.reference)
        index = ui.agencyCombo.findData(c.agency_id)
        ui.agencyCombo.setCurrentIndex(max(0, index) if c.agency_id is not None or c.id else
                                       (1 if ui.agencyCombo.count() > 1 and index < 0 else max(0, index)))
        ui.gradeCombo.setCurrentIndex(max(0, ui.gradeCombo.findData(c.grade_id)))
        ui.notesEdit.setPlainText(c.notes)

    def conflict_base(self) -> AuditCase | None:
        return self.case if self.case.id is not None else None

    def show_record(self, record: AuditCase, *, as_read: AuditCase) -> None:
        self.case = as_read
        self._show(record)

    def record(self) -> AuditCase:
        ui = self.ui
        return dataclasses.replace(self.case, reference=ui.referenceEdit.text(), agency_id=ui.agencyCombo.currentData(),
                                   grade_id=ui.gradeCombo.currentData(), notes=ui.notesEdit.toPlainText())

    def build(self) -> tuple:
        return (self.record(),)

    def add_another(self) -> bool:
        """Add the case as typed and clear the form for the next (the agency stays); False when refused."""
        self.errors.clear()
        try:
            saved = self._save(self.record())
        except ValidationError as exc:
            self.errors.show_error(exc)
            return False
        except StoreError as exc:
            show_warning(self, self.error_title, exc.problem, exc.remedy)
            return False
        self.added.append(saved)
        ui = self.ui
        ui.introLabel.setText(f"Added {html.escape(saved.reference)} ({len(self.added)} so far) to "
                              f"<b>{html.escape(self.audit_title)}</b>. Type the next reference, or Close.")
        ui.referenceEdit.clear()
        ui.notesEdit.clear()
        ui.gradeCombo.setCurrentIndex(0)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        ui.referenceEdit.setFocus()
        return True


# --- an action arising from an audit ---------------------------------------------------------------

class AuditActionDialog(ActionFields, RecordDialog):
    """A new action from the audit, into the action log. ``save(action)``; ``items(meeting_id)`` lists the
    agenda items of a meeting as (id, "5. Title")."""

    error_title = "Action not added"

    def __init__(self, action: Action, *, audit_title: str, meetings: Sequence[Meeting], members: Sequence[Member],
                 items: Callable[[int], Sequence[tuple[int, str]]], save: Callable[[Action], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AuditActionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.action = action
        self.items_of = items
        _ok_text(ui.buttonBox, "Add to the action log")
        ui.introLabel.setText(
            f"An action arising from <b>{html.escape(audit_title)}</b>. It goes into the action log, numbered from "
            "the meeting it was agreed at (e.g. 2026-10/3), and is carried forward until it is closed.")
        held = [m for m in meetings if m.status is not MeetingStatus.CANCELLED]
        _fill_meetings(ui.meetingCombo, held, action.meeting_id, None)
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self._fill_items())
        ui.ownerCombo.addItem("", None)
        for m in members:
            ui.ownerCombo.addItem(m.display_name, m.id)
        ui.descriptionEdit.setPlainText(action.description)
        ui.dueCheck.setText("")
        self.due = OptionalDate(ui.dueCheck, ui.dueEdit, action.due_date,
                                default=lambda: dt.date.today() + dt.timedelta(days=28))
        self._fill_items()
        self.errors = FieldErrors(self, {"meeting": ui.meetingCombo, "item": ui.itemCombo,
                                         "description": ui.descriptionEdit, "owner": ui.ownerCombo}, ui.errorLabel)
        ui.descriptionEdit.setFocus()

    def build(self) -> tuple:
        member_id, name = self.owner()
        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is None:
            raise ValidationError("meeting", "Choose the meeting the action was agreed at.")
        return (Action(meeting_id=meeting_id, item_id=self.ui.itemCombo.currentData(),
                       description=self.ui.descriptionEdit.toPlainText(), owner_member_id=member_id,
                       owner_name=name, due_date=self.due.value()),)


# --- the grading scale ---------------------------------------------------------------------------

@dataclass
class ScaleCalls:
    """What the grading scale dialog asks of the window (each a change saved at once, or raising)."""

    load: Callable[[], Sequence[tuple[Grade, int]]]
    """The scale, best first, with how many cases each grade grades."""
    add: Callable[[str], object]
    rename: Callable[[Grade, str], object]
    remove: Callable[[Grade], object]
    move: Callable[[Grade, int], object]


class GradingScaleDialog(QDialog):
    """The partnership's grading scale: add, rename, remove (an unused grade), reorder. Each step is saved
    at once and recorded in the change history."""

    def __init__(self, calls: ScaleCalls, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_GradingScaleDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.calls = calls
        self.scale: list[tuple[Grade, int]] = []
        ui.introLabel.setText(
            "The partnership's grading scale for audited cases, best first. A grade that grades cases cannot be "
            "removed, only renamed: its cases then show the new name. Each change is saved at once.")
        self.name_edit = ui.nameEdit
        self.errors = FieldErrors(self, {"label": ui.nameEdit, "grade": ui.gradesList}, ui.errorLabel)
        ui.addButton.clicked.connect(self.add)
        ui.renameButton.clicked.connect(self.rename)
        ui.removeButton.clicked.connect(self.remove)
        ui.upButton.clicked.connect(lambda: self.move(-1))
        ui.downButton.clicked.connect(lambda: self.move(1))
        ui.gradesList.currentRowChanged.connect(self._chosen)
        self.name_edit.returnPressed.connect(self.add)
        self.reload()
        ui.gradesList.setFocus()

    def reload(self, select: int | None = None) -> None:
        ui = self.ui
        keep = select if select is not None else self.current_grade().id if self.current_grade() else None
        self.scale = list(self.calls.load())
        ui.gradesList.blockSignals(True)
        ui.gradesList.clear()
        for n, (grade, used) in enumerate(self.scale, start=1):
            item = QListWidgetItem(f"{n}. {grade.label}" + (f"  — grades {used} case{'s' if used != 1 else ''}"
                                                             if used else ""))
            item.setData(Qt.ItemDataRole.UserRole, grade.id)
            ui.gradesList.addItem(item)
        ui.gradesList.blockSignals(False)
        row = next((n for n, (g, _u) in enumerate(self.scale) if g.id == keep), 0)
        ui.gradesList.setCurrentRow(row if self.scale else -1)
        self._chosen(ui.gradesList.currentRow())

    def current_grade(self) -> Grade | None:
        row = self.ui.gradesList.currentRow() if hasattr(self, "ui") else -1
        return self.scale[row][0] if 0 <= row < len(self.scale) else None

    def _chosen(self, row: int) -> None:
        grade = self.scale[row][0] if 0 <= row < len(self.scale) else None
        used = self.scale[row][1] if grade else 0
        self.ui.removeButton.setEnabled(grade is not None and not used and len(self.scale) > 1)
        self.ui.removeButton.setToolTip("A grade that grades cases cannot be removed: rename it instead" if used
                                        else "Take this grade off the scale")
        self.ui.upButton.setEnabled(row > 0)
        self.ui.downButton.setEnabled(0 <= row < len(self.scale) - 1)
        self.ui.renameButton.setEnabled(grade is not None)
        if grade is not None:
            self.name_edit.setText(grade.label)

    def _run(self, change: Callable[[], object], select: int | None = None) -> bool:
        self.errors.clear()
        try:
            change()
        except ValidationError as exc:
            self.errors.show_error(exc)
            return False
        except EditConflict as exc:
            show_warning(self, "Grading scale", exc.problem, exc.remedy)
            self.reload()
            return False
        except StoreError as exc:
            show_warning(self, "Grading scale", exc.problem, exc.remedy)
            return False
        self.reload(select)
        return True

    def add(self) -> None:
        name = self.name_edit.text()
        holder: dict[str, Grade] = {}

        def change() -> None:
            holder["grade"] = self.calls.add(name)  # type: ignore[assignment]

        if self._run(change):
            added = holder.get("grade")
            if isinstance(added, Grade):
                self.reload(added.id)

    def rename(self) -> None:
        grade = self.current_grade()
        if grade is not None:
            self._run(lambda: self.calls.rename(grade, self.name_edit.text()), grade.id)

    def remove(self) -> None:
        grade = self.current_grade()
        if grade is not None:
            self._run(lambda: self.calls.remove(grade))

    def move(self, offset: int) -> None:
        grade = self.current_grade()
        if grade is not None:
            self._run(lambda: self.calls.move(grade, offset), grade.id)


# --- an inspection -------------------------------------------------------------------------------

class InspectionDialog(RecordDialog):
    """Add or edit an inspection. ``save(inspection)``."""

    error_title = "Inspection not saved"

    def __init__(self, inspection: Inspection, *, agencies: Sequence[Agency], save: Callable[[Inspection], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_InspectionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.inspection = inspection
        self.setWindowTitle("Edit inspection" if inspection.id else "New inspection")
        _ok_text(ui.buttonBox, "Save" if inspection.id else "Add inspection")
        ui.introLabel.setText("A single-agency inspection (ToR 6.6), or a joint one recorded against the agency it "
                              "concerns. The action plan and the subcommittee's reviews are added on the page.")
        for a in agencies:
            if a.is_active() or a.id == inspection.agency_id:
                ui.agencyCombo.addItem(a.label, a.id)
        for i in Inspectorate:
            ui.inspectorateCombo.addItem(i.value if i is not Inspectorate.OTHER else "Another inspectorate", i.value)
        for judgement in JUDGEMENTS:
            ui.judgementCombo.addItem(judgement)
        for status in FollowUp:
            ui.followUpCombo.addItem(FOLLOW_UP_LABELS[status], status.value)
        for check in (ui.fromCheck, ui.toCheck, ui.publishedCheck, ui.nextReviewCheck):
            check.setText("")
        self.inspected_from = OptionalDate(ui.fromCheck, ui.fromEdit)
        self.inspected_to = OptionalDate(ui.toCheck, ui.toEdit, default=lambda: self.inspected_from.value()
                                         or dt.date.today())
        self.published = OptionalDate(ui.publishedCheck, ui.publishedEdit)
        self.next_review = OptionalDate(ui.nextReviewCheck, ui.nextReviewEdit,
                                        default=lambda: dt.date.today() + dt.timedelta(days=90))
        ui.inspectorateCombo.currentIndexChanged.connect(lambda _i: self._inspectorate_changed())
        self._show(inspection)
        self.errors = FieldErrors(self, {
            "agency_id": ui.agencyCombo, "inspectorate": ui.inspectorateCombo,
            "inspectorate_name": ui.inspectorateNameEdit, "inspection_type": ui.typeCombo,
            "inspected_from": ui.fromEdit, "inspected_to": ui.toEdit, "published": ui.publishedEdit,
            "judgement": ui.judgementCombo, "follow_up": ui.followUpCombo, "next_review": ui.nextReviewEdit,
            "key_findings": ui.findingsEdit, "lessons": ui.lessonsEdit, "notes": ui.notesEdit,
        }, ui.errorLabel)
        ui.tabs.setCurrentIndex(0)
        ui.agencyCombo.setFocus()

    def _inspectorate_changed(self, keep_type: str | None = None) -> None:
        ui = self.ui
        inspectorate = Inspectorate(ui.inspectorateCombo.currentData())
        other = inspectorate is Inspectorate.OTHER
        ui.inspectorateNameEdit.setEnabled(other)
        ui.inspectorateNameLabel.setEnabled(other)
        typed = keep_type if keep_type is not None else ui.typeCombo.currentText()
        ui.typeCombo.clear()
        ui.typeCombo.addItems(list(INSPECTION_TYPES[inspectorate]))
        ui.typeCombo.setCurrentText(typed)

    def _show(self, i: Inspection) -> None:
        ui = self.ui
        ui.agencyCombo.setCurrentIndex(max(0, ui.agencyCombo.findData(i.agency_id)))
        ui.inspectorateCombo.blockSignals(True)
        ui.inspectorateCombo.setCurrentIndex(max(0, ui.inspectorateCombo.findData(Inspectorate(i.inspectorate).value)))
        ui.inspectorateCombo.blockSignals(False)
        ui.inspectorateNameEdit.setText(i.inspectorate_name)
        self._inspectorate_changed(i.inspection_type)
        self.inspected_from.set_value(i.inspected_from)
        self.inspected_to.set_value(i.inspected_to)
        self.published.set_value(i.published)
        ui.judgementCombo.setCurrentText(i.judgement)
        ui.followUpCombo.setCurrentIndex(max(0, ui.followUpCombo.findData(FollowUp(i.follow_up).value)))
        self.next_review.set_value(i.next_review)
        ui.findingsEdit.setPlainText(i.key_findings)
        ui.lessonsEdit.setPlainText(i.lessons)
        ui.notesEdit.setPlainText(i.notes)

    def conflict_base(self) -> Inspection | None:
        return self.inspection if self.inspection.id is not None else None

    def show_record(self, record: Inspection, *, as_read: Inspection) -> None:
        self.inspection = as_read
        self._show(record)

    def record(self) -> Inspection:
        ui = self.ui
        return dataclasses.replace(
            self.inspection, agency_id=ui.agencyCombo.currentData(),
            inspectorate=Inspectorate(ui.inspectorateCombo.currentData()),
            inspectorate_name=ui.inspectorateNameEdit.text(), inspection_type=ui.typeCombo.currentText(),
            inspected_from=self.inspected_from.value(), inspected_to=self.inspected_to.value(),
            published=self.published.value(), judgement=ui.judgementCombo.currentText(),
            follow_up=FollowUp(ui.followUpCombo.currentData()), next_review=self.next_review.value(),
            key_findings=ui.findingsEdit.toPlainText(), lessons=ui.lessonsEdit.toPlainText(),
            notes=ui.notesEdit.toPlainText(),
        )

    def build(self) -> tuple:
        return (self.record(),)


# --- an action-plan item ---------------------------------------------------------------------------

class PlanItemDialog(RecordDialog):
    """Add or edit an item of an inspection's action plan. ``save(item)``."""

    error_title = "Action-plan item not saved"

    def __init__(self, item: PlanItem, *, heading: str, save: Callable[[PlanItem], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_PlanItemDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.item = item
        self.setWindowTitle("Edit action-plan item" if item.id else "New action-plan item")
        _ok_text(ui.buttonBox, "Save" if item.id else "Add item")
        ui.introLabel.setText(heading)
        for status in PlanStatus:
            ui.statusCombo.addItem(status.value[:1].upper() + status.value[1:], status.value)
        ui.dueCheck.setText("")
        ui.closedCheck.setText("")
        self.due = OptionalDate(ui.dueCheck, ui.dueEdit, default=lambda: dt.date.today() + dt.timedelta(days=90))
        self.closed = OptionalDate(ui.closedCheck, ui.closedEdit)
        ui.statusCombo.currentIndexChanged.connect(lambda _i: self._status_changed())
        self._show(item)
        self.errors = FieldErrors(self, {"action": ui.actionEdit, "owner": ui.ownerEdit, "due": ui.dueEdit,
                                         "status": ui.statusCombo, "closed_on": ui.closedEdit,
                                         "notes": ui.notesEdit}, ui.errorLabel)
        ui.actionEdit.setFocus()

    def _status_changed(self) -> None:
        closed = PlanStatus(self.ui.statusCombo.currentData()).closed
        self.ui.closedCheck.setEnabled(closed)
        if closed and self.closed.value() is None:
            self.closed.set_value(dt.date.today())
        if not closed:
            self.closed.set_value(None)

    def _show(self, p: PlanItem) -> None:
        ui = self.ui
        ui.actionEdit.setPlainText(p.action)
        ui.ownerEdit.setText(p.owner)
        self.due.set_value(p.due)
        ui.statusCombo.blockSignals(True)
        ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findData(PlanStatus(p.status).value)))
        ui.statusCombo.blockSignals(False)
        self.closed.set_value(p.closed_on)
        ui.closedCheck.setEnabled(PlanStatus(p.status).closed)
        ui.notesEdit.setPlainText(p.notes)

    def conflict_base(self) -> PlanItem | None:
        return self.item if self.item.id is not None else None

    def show_record(self, record: PlanItem, *, as_read: PlanItem) -> None:
        self.item = as_read
        self._show(record)

    def record(self) -> PlanItem:
        ui = self.ui
        return dataclasses.replace(self.item, action=ui.actionEdit.toPlainText(), owner=ui.ownerEdit.text(),
                                   due=self.due.value(), status=PlanStatus(ui.statusCombo.currentData()),
                                   closed_on=self.closed.value(), notes=ui.notesEdit.toPlainText())

    def build(self) -> tuple:
        return (self.record(),)


# --- a review at a meeting -------------------------------------------------------------------------

class InspectionReviewDialog(RecordDialog):
    """The subcommittee reviewed an inspection at a meeting. ``save(meeting_id, on, note, follow_up, next_review)``."""

    error_title = "Review not recorded"

    def __init__(self, heading: str, *, meetings: Sequence[Meeting], follow_up: FollowUp,
                 next_review: dt.date | None, save: Callable[..., object], default_meeting: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_InspectionReviewDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        _ok_text(ui.buttonBox, "Record review")
        ui.introLabel.setText(heading)
        self.dates = {m.id: m.date for m in meetings}
        _fill_meetings(ui.meetingCombo, meetings, default_meeting, None)
        ui.dateEdit.setDisplayFormat(DATE_FORMAT)
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self._meeting_changed())
        self._meeting_changed()
        for status in FollowUp:
            ui.followUpCombo.addItem(FOLLOW_UP_LABELS[status], status.value)
        ui.followUpCombo.setCurrentIndex(max(0, ui.followUpCombo.findData(
            (FollowUp.MONITORING if follow_up is FollowUp.TO_REVIEW else follow_up).value)))
        ui.nextReviewCheck.setText("")
        self.next_review = OptionalDate(ui.nextReviewCheck, ui.nextReviewEdit, next_review,
                                        default=lambda: pydate(ui.dateEdit.date()) + dt.timedelta(days=91))
        self.errors = FieldErrors(self, {"meeting": ui.meetingCombo, "reviewed_on": ui.dateEdit, "note": ui.noteEdit,
                                         "follow_up": ui.followUpCombo, "next_review": ui.nextReviewEdit},
                                  ui.errorLabel)
        ui.noteEdit.setFocus()

    def _meeting_changed(self) -> None:
        day = self.dates.get(self.ui.meetingCombo.currentData())
        if day is not None:
            self.ui.dateEdit.setDate(qdate(day))

    def build(self) -> tuple:
        ui = self.ui
        meeting_id = ui.meetingCombo.currentData()
        if meeting_id is None:
            raise ValidationError("meeting", "Choose the meeting at which the inspection was reviewed.")
        return (meeting_id, pydate(ui.dateEdit.date()), ui.noteEdit.toPlainText(),
                FollowUp(ui.followUpCombo.currentData()), self.next_review.value())


# --- a reason --------------------------------------------------------------------------------------

class ReasonDialog(RecordDialog):
    """Cancel or withdraw something, with a date and a reason: ``save(on, reason)``. Nothing is deleted."""

    error_title = "Not saved"

    def __init__(self, *, title: str, intro: str, ok_text: str, save: Callable[[dt.date, str], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.setWindowTitle(title)
        _ok_text(ui.buttonBox, ok_text)
        ui.introLabel.setText(intro)
        ui.dateEdit.setDisplayFormat(DATE_FORMAT)
        ui.dateEdit.setDate(qdate(dt.date.today()))
        self.errors = FieldErrors(self, {"date": ui.dateEdit, "reason": ui.reasonEdit,
                                         "cancel_reason": ui.reasonEdit, "withdrawn_reason": ui.reasonEdit},
                                  ui.errorLabel)
        ui.reasonEdit.setFocus()

    def build(self) -> tuple:
        return (pydate(self.ui.dateEdit.date()), self.ui.reasonEdit.text().strip())

"""Dialogs of the Governance page: a case review and its learning shared and actions, a training course, a
document and its review, sending and sign-off, a new version of the Terms of Reference, a chairing review, an
attendance letter and its outcome.

They follow ``dialogs/common.py``: OK builds the record and calls the ``save`` callable they were given; a
refusal is shown under its field (on the tab that holds it) and the dialog stays open with everything typed.
``meetings`` are (id, title, date) tuples, latest first.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QListWidgetItem, QSizePolicy, QSpinBox, QWidget

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.governance.case_reviews import CaseReview, Dissemination, DisseminationKind, ReviewKind
from mqp_desktop.domain.governance.common import add_months
from mqp_desktop.domain.governance.documents import (
    DocumentKind,
    GovernanceDocument,
    Office,
    OfficeOutcome,
    OfficeReview,
    Outcome,
)
from mqp_desktop.domain.governance.followups import AttendanceLetter, default_reply_due
from mqp_desktop.domain.governance.followups import Outcome as LetterOutcome
from mqp_desktop.domain.governance.training import TrainingCourse
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, ActionFields, FieldErrors, FittedDialog, OptionalDate, pydate, qdate
from mqp_desktop.ui.generated.ui_attendance_letter_dialog import Ui_AttendanceLetterDialog
from mqp_desktop.ui.generated.ui_case_review_action_dialog import Ui_CaseReviewActionDialog
from mqp_desktop.ui.generated.ui_case_review_dialog import Ui_CaseReviewDialog
from mqp_desktop.ui.generated.ui_dissemination_dialog import Ui_DisseminationDialog
from mqp_desktop.ui.generated.ui_document_date_dialog import Ui_DocumentDateDialog
from mqp_desktop.ui.generated.ui_document_review_dialog import Ui_DocumentReviewDialog
from mqp_desktop.ui.generated.ui_governance_document_dialog import Ui_GovernanceDocumentDialog
from mqp_desktop.ui.generated.ui_letter_outcome_dialog import Ui_LetterOutcomeDialog
from mqp_desktop.ui.generated.ui_office_review_dialog import Ui_OfficeReviewDialog
from mqp_desktop.ui.generated.ui_tor_version_dialog import Ui_TorVersionDialog
from mqp_desktop.ui.generated.ui_training_course_dialog import Ui_TrainingCourseDialog

MeetingChoice = tuple[int, str, dt.date]
NO_MEETING = "Not reviewed at a meeting yet"
NO_AGENCY = "(none)"


def _ok_text(buttons: QDialogButtonBox, text: str) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)


def _date(edit, value: dt.date) -> None:
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDate(qdate(value))


def _meetings(combo: QComboBox, meetings: Sequence[MeetingChoice], current: int | None, none_text: str | None) -> None:
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for meeting_id, title, _day in meetings:
        combo.addItem(title, meeting_id)
    combo.setCurrentIndex(max(0, combo.findData(current)))


def _intro(label, text: str) -> None:
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(text)


def _optional_spin(spin: QSpinBox, value: int | None) -> None:
    """A spin box whose lowest value (-1) reads as its special text ('not known')."""
    spin.setValue(-1 if value is None else value)


def _spin_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


# --- case reviews -------------------------------------------------------------------------------------

class CaseReviewDialog(FittedDialog):
    """A new or edited case review, by case reference only. ``save(CaseReview)``."""

    error_title = "Case review not saved"

    def __init__(self, review: CaseReview, *, agencies: Sequence[Agency], meetings: Sequence[MeetingChoice],
                 save: Callable[[CaseReview], object], title: str = "New case review",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CaseReviewDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        self._save = save
        self.review = review
        _ok_text(ui.buttonBox, "Record case review" if review.id is None else "Save case review")
        _intro(ui.introLabel, "A case is recorded by its <b>reference only</b> — from the case record or the review's "
                              "own list (e.g. LCSPR-2025-02), <b>never a child's name</b>: a reference that looks like "
                              "a name is refused.")
        for kind in ReviewKind:
            ui.kindCombo.addItem(kind.label, kind.value)
        _meetings(ui.meetingCombo, meetings, review.meeting_id, NO_MEETING)
        for agency in agencies:
            item = QListWidgetItem(agency.label if agency.label == agency.name else f"{agency.label} — {agency.name}",
                                   ui.agencyList)
            item.setData(Qt.ItemDataRole.UserRole, agency.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
        ui.referredEdit.setDisplayFormat(DATE_FORMAT)
        self.rapid = OptionalDate(ui.rapidCheck, ui.rapidEdit, None)
        self.published = OptionalDate(ui.publishedCheck, ui.publishedEdit, None)
        self._show(review)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.errors = FieldErrors(self, {
            "reference": ui.referenceEdit, "kind": ui.kindCombo, "kind_other": ui.kindOtherEdit,
            "referred_on": ui.referredEdit, "rapid_review_on": ui.rapidEdit, "published_on": ui.publishedEdit,
            "meeting": ui.meetingCombo, "agencies": ui.agencyList, "closed_on": ui.referredEdit,
        }, ui.errorLabel)
        ui.tabs.setCurrentIndex(0)
        ui.referenceEdit.setFocus()

    def _show(self, r: CaseReview) -> None:
        ui = self.ui
        ui.referenceEdit.setText(r.reference)
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(ReviewKind(r.kind).value)))
        ui.kindOtherEdit.setText(r.kind_other)
        _date(ui.referredEdit, r.referred_on or dt.date.today())
        self.rapid.set_value(r.rapid_review_on)
        self.published.set_value(r.published_on)
        ui.meetingCombo.setCurrentIndex(max(0, ui.meetingCombo.findData(r.meeting_id)))
        for row in range(ui.agencyList.count()):
            item = ui.agencyList.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in r.agency_ids
                               else Qt.CheckState.Unchecked)
        ui.concernsEdit.setPlainText(r.concerns)
        ui.learningEdit.setPlainText(r.learning)
        ui.notesEdit.setPlainText(r.notes)
        self._kind_changed()

    def _kind_changed(self) -> None:
        other = self.ui.kindCombo.currentData() == ReviewKind.OTHER.value
        self.ui.kindOtherEdit.setEnabled(other)
        self.ui.kindOtherEditLabel.setEnabled(other)

    def conflict_base(self) -> CaseReview | None:
        return self.review if self.review.id is not None else None

    def show_record(self, record: CaseReview, *, as_read: CaseReview) -> None:
        self.review = as_read
        self._show(record)

    def agency_ids(self) -> tuple[int, ...]:
        out = []
        for row in range(self.ui.agencyList.count()):
            item = self.ui.agencyList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(out)

    def build(self) -> tuple:
        ui, r = self.ui, self.review
        return (CaseReview(
            id=r.id, row_version=r.row_version, disseminations=r.disseminations, reference=ui.referenceEdit.text(),
            kind=ReviewKind(ui.kindCombo.currentData()), kind_other=ui.kindOtherEdit.text(),
            agency_ids=self.agency_ids(), concerns=ui.concernsEdit.toPlainText(),
            learning=ui.learningEdit.toPlainText(), notes=ui.notesEdit.toPlainText(),
            referred_on=pydate(ui.referredEdit.date()), rapid_review_on=self.rapid.value(),
            published_on=self.published.value(), meeting_id=ui.meetingCombo.currentData(), closed_on=r.closed_on,
            closed_note=r.closed_note, withdrawn_on=r.withdrawn_on, withdrawn_reason=r.withdrawn_reason,
        ),)


class DisseminationDialog(FittedDialog):
    """How a review's learning was shared: a briefing, a learning event… ``save(Dissemination)``."""

    error_title = "Not recorded"

    def __init__(self, heading: str, *, save: Callable[[Dissemination], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DisseminationDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.setWindowTitle("Learning shared")
        _ok_text(ui.buttonBox, "Record")
        _intro(ui.introLabel, heading)
        for kind in DisseminationKind:
            ui.kindCombo.addItem(kind.label, kind.value)
        _date(ui.dateEdit, dt.date.today())
        _optional_spin(ui.reachedSpin, None)
        self.errors = FieldErrors(self, {"kind": ui.kindCombo, "held_on": ui.dateEdit, "audience": ui.audienceEdit,
                                         "reached": ui.reachedSpin}, ui.errorLabel)
        ui.kindCombo.setFocus()

    def build(self) -> tuple:
        ui = self.ui
        return (Dissemination(None, pydate(ui.dateEdit.date()), ui.audienceEdit.text(),
                              kind=DisseminationKind(ui.kindCombo.currentData()), reached=_spin_value(ui.reachedSpin),
                              notes=ui.notesEdit.text()),)


class CaseReviewActionDialog(ActionFields, FittedDialog):
    """An action arising from a case review, into the action log. ``save(Action)``; ``items_of(meeting_id)`` lists
    a meeting's agenda items as (id, '5  Title')."""

    error_title = "Action not added"

    def __init__(self, heading: str, *, meetings: Sequence[MeetingChoice], meeting_id: int | None,
                 members: Sequence[Member], items_of: Callable[[int], Sequence[tuple[int, str]]],
                 save: Callable[[Action], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CaseReviewActionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.items_of = items_of
        _ok_text(ui.buttonBox, "Add to the action log")
        _intro(ui.introLabel, heading + "<br>It goes into the action log, numbered from the meeting that agreed it "
                                        "(e.g. 2026-11/3), and is carried forward until it is closed.")
        _meetings(ui.meetingCombo, meetings, meeting_id, None)
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self._fill_items())
        ui.ownerCombo.addItem("", None)
        for m in members:
            ui.ownerCombo.addItem(m.display_name, m.id)
        self.due = OptionalDate(ui.dueCheck, ui.dueEdit, None, default=lambda: dt.date.today() + dt.timedelta(days=28))
        self._fill_items()
        self.errors = FieldErrors(self, {"meeting": ui.meetingCombo, "item": ui.itemCombo,
                                         "description": ui.descriptionEdit, "owner": ui.ownerCombo,
                                         "due_date": ui.dueEdit}, ui.errorLabel)
        ui.descriptionEdit.setFocus()

    def build(self) -> tuple:
        from mqp_desktop.domain.validation import ValidationError

        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is None:
            raise ValidationError("meeting", "Choose the meeting that agreed the action.")
        member_id, name = self.owner()
        return (Action(meeting_id=meeting_id, item_id=self.ui.itemCombo.currentData(),
                       description=self.ui.descriptionEdit.toPlainText(), owner_member_id=member_id, owner_name=name,
                       due_date=self.due.value()),)


# --- training --------------------------------------------------------------------------------------------

class TrainingCourseDialog(FittedDialog):
    """A course of the training programme: its details, attendance by agency, evaluation and gaps.
    ``save(TrainingCourse)``."""

    error_title = "Course not saved"

    def __init__(self, course: TrainingCourse, *, agencies: Sequence[Agency], meetings: Sequence[MeetingChoice],
                 save: Callable[[TrainingCourse], object], title: str = "New course",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_TrainingCourseDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        self._save = save
        self.course = course
        _ok_text(ui.buttonBox, "Add course" if course.id is None else "Save course")
        _intro(ui.introLabel, "A course of the multi-agency training programme (ToR 7.5, 7.6): record how many came "
                              "from each agency once it has run, its evaluation, and the gaps and priorities it showed "
                              "for the workforce strategy.")
        ui.startsEdit.setDisplayFormat(DATE_FORMAT)
        self.ends = OptionalDate(ui.endsCheck, ui.endsEdit, None, default=lambda: pydate(ui.startsEdit.date()))
        self.fed = OptionalDate(ui.fedCheck, ui.fedEdit, None)
        _meetings(ui.meetingCombo, meetings, course.meeting_id, NO_MEETING)
        self.spins: dict[int, QSpinBox] = {}
        for agency in agencies:
            spin = QSpinBox()
            spin.setRange(0, 9999)
            spin.setObjectName(f"attendance_{agency.id}")
            spin.setAccessibleName(f"Attended from {agency.name}")
            spin.valueChanged.connect(lambda _v: self._total())
            ui.attendanceForm.addRow(agency.label, spin)
            self.spins[agency.id] = spin
        # the list of agencies scrolls within the room the other tabs need (the dialog fits a small screen)
        ui.attendanceScroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        ui.attendanceScroll.setMinimumHeight(140)
        self._show(course)
        self.errors = FieldErrors(self, {
            "title": ui.titleEdit, "starts_on": ui.startsEdit, "ends_on": ui.endsEdit, "places": ui.placesSpin,
            "attendance": ui.attendanceScroll, "gaps": ui.gapsEdit, "fed_to_strategy_on": ui.fedEdit,
            "meeting": ui.meetingCombo, "evaluation": ui.evaluationEdit,
        }, ui.errorLabel)
        ui.tabs.setCurrentIndex(0)
        ui.titleEdit.setFocus()

    def _show(self, c: TrainingCourse) -> None:
        ui = self.ui
        ui.titleEdit.setText(c.title)
        ui.providerEdit.setText(c.provider)
        _date(ui.startsEdit, c.starts_on or dt.date.today())
        self.ends.set_value(c.ends_on)
        _optional_spin(ui.placesSpin, c.places)
        ui.meetingCombo.setCurrentIndex(max(0, ui.meetingCombo.findData(c.meeting_id)))
        ui.notesEdit.setPlainText(c.notes)
        for agency_id, spin in self.spins.items():
            spin.setValue(c.attendance.get(agency_id, 0))
        ui.evaluationEdit.setPlainText(c.evaluation)
        ui.gapsEdit.setPlainText(c.gaps)
        self.fed.set_value(c.fed_to_strategy_on)
        self._total()

    def _total(self) -> None:
        total = sum(s.value() for s in self.spins.values())
        agencies = sum(1 for s in self.spins.values() if s.value())
        self.ui.attendanceTotalLabel.setText(
            f"{total} attended from {agencies} agenc{'y' if agencies == 1 else 'ies'}. Leave 0 for an agency that "
            "sent nobody.")

    def conflict_base(self) -> TrainingCourse | None:
        return self.course if self.course.id is not None else None

    def show_record(self, record: TrainingCourse, *, as_read: TrainingCourse) -> None:
        self.course = as_read
        self._show(record)

    def attendance(self) -> dict[int, int]:
        return {agency_id: spin.value() for agency_id, spin in self.spins.items() if spin.value()}

    def build(self) -> tuple:
        ui, c = self.ui, self.course
        # an agency no longer listed (ended) keeps what was recorded for it
        kept = {k: v for k, v in c.attendance.items() if k not in self.spins}
        return (TrainingCourse(
            id=c.id, row_version=c.row_version, title=ui.titleEdit.text(), provider=ui.providerEdit.text(),
            starts_on=pydate(ui.startsEdit.date()), ends_on=self.ends.value(), places=_spin_value(ui.placesSpin),
            attendance={**kept, **self.attendance()}, evaluation=ui.evaluationEdit.toPlainText(),
            gaps=ui.gapsEdit.toPlainText(), fed_to_strategy_on=self.fed.value(),
            meeting_id=ui.meetingCombo.currentData(), notes=ui.notesEdit.toPlainText(),
            cancelled_on=c.cancelled_on, cancel_reason=c.cancel_reason,
        ),)


# --- documents ------------------------------------------------------------------------------------------------

def _outcomes(combo: QComboBox, current: Outcome | None, none_text: str | None) -> None:
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for outcome in Outcome:
        combo.addItem(outcome.label, outcome.value)
    combo.setCurrentIndex(max(0, combo.findData(current.value if current else None)))


class GovernanceDocumentDialog(FittedDialog):
    """A document under review (procedure, guidance, protocol…): its details, and its review, sending and sign-off
    for correcting them. ``save(GovernanceDocument)``."""

    error_title = "Document not saved"

    def __init__(self, doc: GovernanceDocument, *, agencies: Sequence[Agency], meetings: Sequence[MeetingChoice],
                 save: Callable[[GovernanceDocument], object], title: str = "New document",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_GovernanceDocumentDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        self._save = save
        self.doc = doc
        _ok_text(ui.buttonBox, "Record document" if doc.id is None else "Save document")
        _intro(ui.introLabel, "A procedure, guidance or protocol the subcommittee reviews before the Executive signs "
                              "it off (ToR 7.1)." if not doc.is_tor else
               "A version of the Terms of Reference: its sign-off moves the subcommittee's review date on.")
        for kind in DocumentKind:
            if kind is not DocumentKind.TERMS_OF_REFERENCE or doc.is_tor:
                ui.kindCombo.addItem(kind.label, kind.value)
        ui.kindCombo.setEnabled(not doc.is_tor)
        ui.ownerAgencyCombo.addItem(NO_AGENCY, None)
        for agency in agencies:
            ui.ownerAgencyCombo.addItem(agency.label, agency.id)
        _meetings(ui.meetingCombo, meetings, doc.meeting_id, NO_MEETING)
        _outcomes(ui.outcomeCombo, doc.outcome, "(not reviewed yet)")
        self.sent = OptionalDate(ui.sentCheck, ui.sentEdit, None)
        self.signed = OptionalDate(ui.signedCheck, ui.signedEdit, None)
        self.review = OptionalDate(ui.reviewCheck, ui.reviewEdit, None,
                                   default=lambda: add_months(self.signed.value() or dt.date.today(), 12))
        self._show(doc)
        self.errors = FieldErrors(self, {
            "title": ui.titleEdit, "kind": ui.kindCombo, "version": ui.versionEdit, "owner": ui.ownerEdit,
            "owner_agency": ui.ownerAgencyCombo, "meeting": ui.meetingCombo, "outcome": ui.outcomeCombo,
            "outcome_note": ui.outcomeNoteEdit, "sent_to_executive_on": ui.sentEdit, "signed_off_on": ui.signedEdit,
            "review_due": ui.reviewEdit, "supersedes": ui.titleEdit,
        }, ui.errorLabel)
        ui.tabs.setCurrentIndex(0)
        ui.titleEdit.setFocus()

    def _show(self, d: GovernanceDocument) -> None:
        ui = self.ui
        ui.titleEdit.setText(d.title)
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(DocumentKind(d.kind).value)))
        ui.versionEdit.setText(d.version)
        ui.ownerEdit.setText(d.owner)
        ui.ownerAgencyCombo.setCurrentIndex(max(0, ui.ownerAgencyCombo.findData(d.owner_agency_id)))
        ui.notesEdit.setPlainText(d.notes)
        ui.meetingCombo.setCurrentIndex(max(0, ui.meetingCombo.findData(d.meeting_id)))
        ui.outcomeCombo.setCurrentIndex(max(0, ui.outcomeCombo.findData(d.outcome.value if d.outcome else None)))
        ui.outcomeNoteEdit.setPlainText(d.outcome_note)
        self.sent.set_value(d.sent_to_executive_on)
        self.signed.set_value(d.signed_off_on)
        self.review.set_value(d.review_due)

    def conflict_base(self) -> GovernanceDocument | None:
        return self.doc if self.doc.id is not None else None

    def show_record(self, record: GovernanceDocument, *, as_read: GovernanceDocument) -> None:
        self.doc = as_read
        self._show(record)

    def build(self) -> tuple:
        ui, d = self.ui, self.doc
        outcome = ui.outcomeCombo.currentData()
        return (GovernanceDocument(
            id=d.id, row_version=d.row_version, title=ui.titleEdit.text(), kind=DocumentKind(ui.kindCombo.currentData()),
            version=ui.versionEdit.text(), owner=ui.ownerEdit.text(), owner_agency_id=ui.ownerAgencyCombo.currentData(),
            meeting_id=ui.meetingCombo.currentData(), outcome=Outcome(outcome) if outcome else None,
            outcome_note=ui.outcomeNoteEdit.toPlainText(), sent_to_executive_on=self.sent.value(),
            signed_off_on=self.signed.value(), review_due=self.review.value(), supersedes_id=d.supersedes_id,
            notes=ui.notesEdit.toPlainText(), withdrawn_on=d.withdrawn_on, withdrawn_reason=d.withdrawn_reason,
        ),)


class DocumentReviewDialog(FittedDialog):
    """The subcommittee's review of a document at a meeting. ``save(meeting_id, outcome, note)``."""

    error_title = "Review not recorded"

    def __init__(self, heading: str, *, meetings: Sequence[MeetingChoice], meeting_id: int | None,
                 outcome: Outcome | None, note: str, save: Callable[[int, Outcome, str], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DocumentReviewDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        _ok_text(ui.buttonBox, "Record review")
        _intro(ui.introLabel, heading)
        _meetings(ui.meetingCombo, meetings, meeting_id, None)
        _outcomes(ui.outcomeCombo, outcome or Outcome.ENDORSED, None)
        ui.noteEdit.setPlainText(note)
        self.errors = FieldErrors(self, {"meeting": ui.meetingCombo, "outcome": ui.outcomeCombo,
                                         "outcome_note": ui.noteEdit, "sent_to_executive_on": ui.outcomeCombo},
                                  ui.errorLabel)
        ui.outcomeCombo.setFocus()

    def build(self) -> tuple:
        from mqp_desktop.domain.validation import ValidationError

        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is None:
            raise ValidationError("meeting", "Choose the meeting that reviewed it (only meetings held so far are "
                                             "listed).")
        return (meeting_id, Outcome(self.ui.outcomeCombo.currentData()), self.ui.noteEdit.toPlainText())


class DocumentDateDialog(FittedDialog):
    """A date for a document — sent to the Executive, or signed off (with the next review). ``save(date, review)``
    (``review`` None without ``with_review``)."""

    error_title = "Not recorded"

    def __init__(self, *, title: str, heading: str, ok: str, on: dt.date, with_review: bool,
                 review_months: int = 12, save: Callable[[dt.date, dt.date | None], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DocumentDateDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.months = review_months
        self.with_review = with_review
        self.setWindowTitle(title)
        _ok_text(ui.buttonBox, ok)
        _intro(ui.introLabel, heading)
        _date(ui.dateEdit, on)
        self.review = OptionalDate(ui.reviewCheck, ui.reviewEdit, add_months(on, review_months) if with_review else None)
        self._follows = True
        ui.dateEdit.dateChanged.connect(lambda _d: self._date_changed())
        ui.reviewEdit.dateChanged.connect(lambda _d: setattr(self, "_follows", False))
        for w in (ui.reviewCheck, ui.reviewEdit, ui.reviewCheckLabel):
            w.setVisible(with_review)
        self.errors = FieldErrors(self, {"sent_to_executive_on": ui.dateEdit, "signed_off_on": ui.dateEdit,
                                         "review_due": ui.reviewEdit, "outcome": ui.dateEdit}, ui.errorLabel)
        ui.dateEdit.setFocus()

    def _date_changed(self) -> None:
        if self.with_review and self._follows and self.review.value() is not None:
            self.ui.reviewEdit.blockSignals(True)
            self.review.set_value(add_months(pydate(self.ui.dateEdit.date()), self.months))
            self.ui.reviewEdit.blockSignals(False)

    def build(self) -> tuple:
        return (pydate(self.ui.dateEdit.date()), self.review.value() if self.with_review else None)


class TorVersionDialog(FittedDialog):
    """A new version of the Terms of Reference. ``save(version, signed_off, review_due, meeting_id, notes)``: with
    its sign-off it is in force and the review date moves on (the interval later unless another date is chosen)."""

    error_title = "Version not recorded"

    def __init__(self, heading: str, *, meetings: Sequence[MeetingChoice], review_months: int,
                 save: Callable[[str, dt.date | None, dt.date | None, int | None, str], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_TorVersionDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.months = review_months
        _ok_text(ui.buttonBox, "Record version")
        _intro(ui.introLabel, heading)
        today = dt.date.today()
        self.signed = OptionalDate(ui.signedCheck, ui.signedEdit, today)
        self.review = OptionalDate(ui.reviewCheck, ui.reviewEdit, add_months(today, review_months),
                                   default=lambda: add_months(self.signed.value() or today, self.months))
        self._follows = True
        self.signed.changed.connect(self._signed_changed)
        ui.reviewEdit.dateChanged.connect(lambda _d: setattr(self, "_follows", False))
        _meetings(ui.meetingCombo, meetings, None, NO_MEETING)
        self.errors = FieldErrors(self, {"version": ui.versionEdit, "signed_off_on": ui.signedEdit,
                                         "review_due": ui.reviewEdit, "meeting": ui.meetingCombo,
                                         "notes": ui.notesEdit}, ui.errorLabel)
        ui.versionEdit.setFocus()

    def _signed_changed(self) -> None:
        signed = self.signed.value()
        if signed is None:
            self.review.set_value(None)
            self._follows = True
        elif self._follows:
            self.ui.reviewEdit.blockSignals(True)
            self.review.set_value(add_months(signed, self.months))
            self.ui.reviewEdit.blockSignals(False)

    def build(self) -> tuple:
        ui = self.ui
        return (ui.versionEdit.text(), self.signed.value(), self.review.value(), ui.meetingCombo.currentData(),
                ui.notesEdit.toPlainText())


class OfficeReviewDialog(FittedDialog):
    """A review of the chair's or co-chair's role (ToR 2). ``save(OfficeReview)``; ``holders``: office -> (member id,
    name) now."""

    error_title = "Review not recorded"

    def __init__(self, *, office: Office, holders: Mapping[Office, tuple[int | None, str]],
                 meetings: Sequence[MeetingChoice], review_months: int, save: Callable[[OfficeReview], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_OfficeReviewDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.holders = dict(holders)
        self.months = review_months
        self.meeting_dates = {m_id: day for m_id, _t, day in meetings}
        _ok_text(ui.buttonBox, "Record review")
        _intro(ui.introLabel, "Chairing is reviewed every year (ToR 2). The office's next review moves to the date "
                              "below.")
        for o in Office:
            ui.officeCombo.addItem(o.label, o.value)
        ui.officeCombo.setCurrentIndex(max(0, ui.officeCombo.findData(office.value)))
        _meetings(ui.meetingCombo, meetings, meetings[0][0] if meetings else None, "Not at a meeting")
        for outcome in OfficeOutcome:
            ui.outcomeCombo.addItem(outcome.label, outcome.value)
        today = dt.date.today()
        first = self.meeting_dates.get(ui.meetingCombo.currentData(), today)
        _date(ui.dateEdit, first)
        _date(ui.nextEdit, add_months(first, review_months))
        self._follows = True
        ui.officeCombo.currentIndexChanged.connect(lambda _i: self._office_changed())
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self._meeting_changed())
        ui.dateEdit.dateChanged.connect(lambda _d: self._date_changed())
        ui.nextEdit.dateChanged.connect(lambda _d: setattr(self, "_follows", False))
        self._office_changed()
        self.errors = FieldErrors(self, {"office": ui.officeCombo, "reviewed_on": ui.dateEdit,
                                         "meeting": ui.meetingCombo, "outcome": ui.outcomeCombo, "note": ui.noteEdit,
                                         "next_review_due": ui.nextEdit, "member": ui.officeCombo}, ui.errorLabel)
        ui.outcomeCombo.setFocus()

    def office(self) -> Office:
        return Office(self.ui.officeCombo.currentData())

    def _office_changed(self) -> None:
        _member_id, name = self.holders.get(self.office(), (None, ""))
        self.ui.holderLabel.setText(html.escape(name) if name else "<i>nobody is recorded in the office</i>")

    def _meeting_changed(self) -> None:
        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is not None:
            self.ui.dateEdit.setDate(qdate(self.meeting_dates[meeting_id]))

    def _date_changed(self) -> None:
        if self._follows:
            self.ui.nextEdit.blockSignals(True)
            self.ui.nextEdit.setDate(qdate(add_months(pydate(self.ui.dateEdit.date()), self.months)))
            self.ui.nextEdit.blockSignals(False)

    def build(self) -> tuple:
        ui = self.ui
        member_id, _name = self.holders.get(self.office(), (None, ""))
        return (OfficeReview(self.office(), pydate(ui.dateEdit.date()), OfficeOutcome(ui.outcomeCombo.currentData()),
                             member_id=member_id, meeting_id=ui.meetingCombo.currentData(),
                             note=ui.noteEdit.toPlainText(), next_review_due=pydate(ui.nextEdit.date())),)


# --- attendance follow-up ----------------------------------------------------------------------------------------

class AttendanceLetterDialog(FittedDialog):
    """A letter to a member below the attendance standard, recorded by hand (or corrected). ``save(AttendanceLetter)``;
    ``members``: (member, label) to choose from."""

    error_title = "Letter not saved"

    def __init__(self, letter: AttendanceLetter, *, members: Sequence[tuple[Member, str]],
                 save: Callable[[AttendanceLetter], object], title: str = "Record attendance letter",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_AttendanceLetterDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        self._save = save
        self.letter = letter
        _ok_text(ui.buttonBox, "Record letter" if letter.id is None else "Save letter")
        _intro(ui.introLabel, "A letter asking a member below the attendance standard to attend, or to locate a "
                              "permanent substitute (ToR 5). The attendance report's letters are recorded when they are "
                              "written; record here one written another way.")
        for member, label in members:
            ui.memberCombo.addItem(label, member.id)
        self._reply_follows = letter.id is None
        self._show(letter)
        ui.sentEdit.dateChanged.connect(lambda _d: self._sent_changed())
        ui.replyEdit.dateChanged.connect(lambda _d: setattr(self, "_reply_follows", False))
        self.errors = FieldErrors(self, {"member": ui.memberCombo, "sent_on": ui.sentEdit, "reply_due": ui.replyEdit,
                                         "notes": ui.notesEdit}, ui.errorLabel)
        ui.memberCombo.setFocus()

    def _show(self, x: AttendanceLetter) -> None:
        ui = self.ui
        ui.memberCombo.setCurrentIndex(max(0, ui.memberCombo.findData(x.member_id)))
        sent = x.sent_on or dt.date.today()
        ui.sentEdit.blockSignals(True)
        ui.replyEdit.blockSignals(True)
        _date(ui.sentEdit, sent)
        _date(ui.replyEdit, x.reply_due or default_reply_due(sent))
        ui.sentEdit.blockSignals(False)
        ui.replyEdit.blockSignals(False)
        ui.notesEdit.setPlainText(x.notes)

    def _sent_changed(self) -> None:
        if self._reply_follows:
            self.ui.replyEdit.blockSignals(True)
            self.ui.replyEdit.setDate(qdate(default_reply_due(pydate(self.ui.sentEdit.date()))))
            self.ui.replyEdit.blockSignals(False)

    def conflict_base(self) -> AttendanceLetter | None:
        return self.letter if self.letter.id is not None else None

    def show_record(self, record: AttendanceLetter, *, as_read: AttendanceLetter) -> None:
        self.letter = as_read
        self._show(record)

    def build(self) -> tuple:
        import dataclasses

        ui = self.ui
        return (dataclasses.replace(self.letter, member_id=ui.memberCombo.currentData(),
                                    sent_on=pydate(ui.sentEdit.date()), reply_due=pydate(ui.replyEdit.date()),
                                    notes=ui.notesEdit.toPlainText()),)


class LetterOutcomeDialog(FittedDialog):
    """What came of a letter. ``save(outcome or None, on, substitute_name, notes)``."""

    error_title = "Outcome not recorded"

    def __init__(self, heading: str, letter: AttendanceLetter, *,
                 save: Callable[[LetterOutcome | None, dt.date, str, str], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LetterOutcomeDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        _ok_text(ui.buttonBox, "Record outcome")
        _intro(ui.introLabel, heading)
        ui.outcomeCombo.addItem("No outcome yet (waiting for a reply)", None)
        for outcome in LetterOutcome:
            ui.outcomeCombo.addItem(outcome.label, outcome.value)
        ui.outcomeCombo.setCurrentIndex(max(1, ui.outcomeCombo.findData(letter.outcome.value if letter.outcome
                                                                         else None)))
        _date(ui.dateEdit, letter.outcome_on or dt.date.today())
        ui.substituteEdit.setText(letter.substitute_name)
        ui.notesEdit.setPlainText(letter.notes)
        ui.outcomeCombo.currentIndexChanged.connect(lambda _i: self._outcome_changed())
        self._outcome_changed()
        self.errors = FieldErrors(self, {"outcome": ui.outcomeCombo, "outcome_on": ui.dateEdit,
                                         "substitute_name": ui.substituteEdit, "notes": ui.notesEdit}, ui.errorLabel)
        ui.outcomeCombo.setFocus()

    def _outcome_changed(self) -> None:
        substitute = self.ui.outcomeCombo.currentData() == LetterOutcome.SUBSTITUTE.value
        self.ui.substituteEdit.setEnabled(substitute)
        self.ui.substituteEditLabel.setEnabled(substitute)
        self.ui.dateEdit.setEnabled(self.ui.outcomeCombo.currentData() is not None)

    def build(self) -> tuple:
        ui = self.ui
        value = ui.outcomeCombo.currentData()
        return (LetterOutcome(value) if value else None, pydate(ui.dateEdit.date()), ui.substituteEdit.text(),
                ui.notesEdit.toPlainText())


__all__ = [
    "AttendanceLetterDialog", "CaseReviewActionDialog", "CaseReviewDialog", "DisseminationDialog",
    "DocumentDateDialog", "DocumentReviewDialog", "GovernanceDocumentDialog", "LetterOutcomeDialog",
    "OfficeReviewDialog", "TorVersionDialog", "TrainingCourseDialog",
]

"""Dialogs of the challenge log: a challenge, a response, the review of a response, closing or withdrawing.

They follow ``dialogs/common.py``: OK builds the record and calls the ``save`` callable they were
given; a refusal is shown under its field and the dialog stays open with everything typed.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from mqp_desktop.domain.challenges import (
    Challenge,
    ChallengeResponse,
    SubjectKind,
    Verdict,
    default_due,
)
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, FieldErrors, FittedDialog, pydate, qdate
from mqp_desktop.ui.generated.ui_challenge_close_dialog import Ui_ChallengeCloseDialog
from mqp_desktop.ui.generated.ui_challenge_dialog import Ui_ChallengeDialog
from mqp_desktop.ui.generated.ui_challenge_response_dialog import Ui_ChallengeResponseDialog
from mqp_desktop.ui.generated.ui_challenge_review_dialog import Ui_ChallengeReviewDialog

NOT_AT_A_MEETING = "Not at a meeting (e.g. by correspondence)"
MEETING_GENERALLY = "The meeting generally"


def _ok_text(buttons: QDialogButtonBox, text: str) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)


def _date_edit(edit, value: dt.date) -> None:
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDate(qdate(value))


class ChallengeDialog(FittedDialog):
    """A new or edited challenge: question, subject, where it was raised, to whom, when due. ``save(Challenge)``.

    ``meetings``: (id, title, date) latest first; ``items_of(meeting_id)``: (id, 'number  title') of its agenda;
    ``subjects_of(kind)``: (id, label) of the records of that kind (none when their table does not exist);
    ``members``: members who may be named (the register's, in post), by agency.
    """

    error_title = "Challenge not saved"

    def __init__(
        self,
        challenge: Challenge,
        *,
        agencies: Sequence[Agency],
        members: Sequence[Member],
        meetings: Sequence[tuple[int, str, dt.date]],
        items_of: Callable[[int], Sequence[tuple[int, str]]],
        subjects_of: Callable[[SubjectKind], Sequence[tuple[int, str]]],
        save: Callable[[Challenge], object],
        title: str = "New challenge",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_ChallengeDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(title)
        self._save = save
        self.challenge = challenge
        self.members = list(members)
        self.meeting_dates = {m_id: day for m_id, _t, day in meetings}
        self.items_of = items_of
        self.subjects_of = subjects_of
        new = challenge.id is None
        _ok_text(ui.buttonBox, "Raise challenge" if new else "Save challenge")
        ui.introLabel.setText(
            "The challenge is given a reference (e.g. CH-2026-007) when it is raised, and keeps it. Put it to the "
            "agency, and to a member of the register or another named contact, who will be chased when it is "
            "overdue." if new else f"Challenge {html.escape(challenge.reference)}: its reference does not change.")
        ui.questionEdit.setMaximumHeight(96)
        for kind in SubjectKind:
            ui.kindCombo.addItem(kind.label, kind.value)
        ui.subjectCombo.setInsertPolicy(ui.subjectCombo.InsertPolicy.NoInsert)
        ui.subjectCombo.lineEdit().setPlaceholderText("what it is about, e.g. Re-referrals within 12 months")
        ui.meetingCombo.addItem(NOT_AT_A_MEETING, None)
        for meeting_id, text, _day in meetings:
            ui.meetingCombo.addItem(text, meeting_id)
        for agency in agencies:
            ui.agencyCombo.addItem(agency.label if agency.label == agency.name else f"{agency.label} — {agency.name}",
                                   agency.id)
        ui.toCombo.setInsertPolicy(ui.toCombo.InsertPolicy.NoInsert)
        for edit in (ui.raisedEdit, ui.dueEdit):
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
        self._due_touched = not new
        self._show(challenge)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self._meeting_changed())
        ui.agencyCombo.currentIndexChanged.connect(lambda _i: self._fill_people())
        ui.toCombo.currentTextChanged.connect(lambda _t: self._to_changed())
        ui.raisedEdit.dateChanged.connect(lambda _d: self._raised_changed())
        ui.dueEdit.dateChanged.connect(lambda _d: setattr(self, "_due_touched", True))
        self.errors = FieldErrors(self, {
            "question": ui.questionEdit, "subject": ui.subjectCombo, "subject_kind": ui.kindCombo,
            "meeting": ui.meetingCombo, "item": ui.itemCombo, "raised_on": ui.raisedEdit, "agency": ui.agencyCombo,
            "to": ui.toCombo, "to_email": ui.emailEdit, "due_date": ui.dueEdit,
        }, ui.errorLabel)
        ui.questionEdit.setFocus()

    # --- showing ---------------------------------------------------------------------------------
    def _show(self, c: Challenge) -> None:
        ui = self.ui
        for w in (ui.kindCombo, ui.meetingCombo, ui.agencyCombo, ui.raisedEdit, ui.dueEdit, ui.toCombo):
            w.blockSignals(True)
        try:
            ui.questionEdit.setPlainText(c.question)
            ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(SubjectKind(c.subject_kind).value)))
            self._fill_subjects(c.subject_text, c.subject_id)
            ui.meetingCombo.setCurrentIndex(max(0, ui.meetingCombo.findData(c.meeting_id)))
            self._fill_items(c.item_id)
            raised = c.raised_on or dt.date.today()
            ui.raisedEdit.setDate(qdate(raised))
            ui.dueEdit.setDate(qdate(c.due_date or default_due(raised)))
            ui.agencyCombo.setCurrentIndex(max(0, ui.agencyCombo.findData(c.agency_id)))
            self._fill_people(c.to_member_id, c.to_name)
            ui.emailEdit.setText(c.to_email)
        finally:
            for w in (ui.kindCombo, ui.meetingCombo, ui.agencyCombo, ui.raisedEdit, ui.dueEdit, ui.toCombo):
                w.blockSignals(False)
        self._to_changed()

    def conflict_base(self) -> Challenge | None:
        return self.challenge if self.challenge.id is not None else None

    def show_record(self, record: Challenge, *, as_read: Challenge) -> None:
        self.challenge = as_read
        self._show(record)

    def _kind(self) -> SubjectKind:
        return SubjectKind(self.ui.kindCombo.currentData())

    def _fill_subjects(self, text: str, subject_id: int | None) -> None:
        combo = self.ui.subjectCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        choices = self.subjects_of(self._kind()) if self._kind() is not SubjectKind.OTHER else []
        for record_id, label in choices:
            combo.addItem(label, record_id)
        index = combo.findData(subject_id) if subject_id is not None else -1
        if index > 0:
            combo.setCurrentIndex(index)
        else:
            combo.setCurrentIndex(0)
            combo.setEditText(text)
        combo.setToolTip("Choose the record it is about, or describe it in words" if choices else
                         "Describe what it is about in words" + (
                             "" if self._kind() is SubjectKind.OTHER else
                             f" (this database holds no {self._kind().label.lower()} records to choose from)"))
        combo.blockSignals(False)

    def _kind_changed(self) -> None:
        self._fill_subjects(self.ui.subjectCombo.currentText(), None)

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

    def _raised_changed(self) -> None:
        if not self._due_touched:
            self.ui.dueEdit.blockSignals(True)
            self.ui.dueEdit.setDate(qdate(default_due(pydate(self.ui.raisedEdit.date()))))
            self.ui.dueEdit.blockSignals(False)

    def _fill_people(self, member_id: int | None = None, name: str | None = None) -> None:
        combo = self.ui.toCombo
        # on a change of agency a named contact stays; a member of the other agency does not
        keep = self._to()[1] if name is None and member_id is None and combo.count() else ""
        agency_id = self.ui.agencyCombo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("", None)
        for m in self.members:
            if m.agency_id == agency_id and not m.is_vacant:
                combo.addItem(m.display_name, m.id)
        if member_id is not None:
            combo.setCurrentIndex(max(0, combo.findData(member_id)))
        elif name:
            combo.setEditText(name)
        elif keep:
            combo.setEditText(keep)
        combo.blockSignals(False)
        self._to_changed()

    def _to(self) -> tuple[int | None, str]:
        combo = self.ui.toCombo
        text = " ".join(combo.currentText().split())
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if text and index > 0:
            return combo.itemData(index), ""
        return None, text

    def _to_changed(self) -> None:
        member_id, _name = self._to()
        self.ui.emailEdit.setEnabled(member_id is None)
        self.ui.emailLabel.setEnabled(member_id is None)

    def _subject(self) -> tuple[int | None, str]:
        combo = self.ui.subjectCombo
        text = " ".join(combo.currentText().split())
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if text and index > 0:
            return combo.itemData(index), text
        return None, text

    def build(self) -> tuple:
        ui = self.ui
        member_id, name = self._to()
        subject_id, subject = self._subject()
        c = self.challenge
        return (Challenge(
            id=c.id, reference=c.reference, row_version=c.row_version, responses=c.responses,
            question=ui.questionEdit.toPlainText(), subject_kind=self._kind(), subject_id=subject_id,
            subject_text=subject, meeting_id=ui.meetingCombo.currentData(), item_id=ui.itemCombo.currentData(),
            raised_on=pydate(ui.raisedEdit.date()), agency_id=ui.agencyCombo.currentData(),
            to_member_id=member_id, to_name=name, to_email=ui.emailEdit.text() if member_id is None else "",
            due_date=pydate(ui.dueEdit.date()), closed_on=c.closed_on, closed_note=c.closed_note,
            withdrawn_on=c.withdrawn_on, withdrawn_reason=c.withdrawn_reason,
        ),)


class ChallengeResponseDialog(FittedDialog):
    """The agency's response: when it came in and what it said. ``save(text, received_on)``."""

    error_title = "Response not recorded"

    def __init__(self, heading: str, *, save: Callable[[str, dt.date], object],
                 response: ChallengeResponse | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ChallengeResponseDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.setWindowTitle("Amend response" if response is not None else "Record response")
        _ok_text(ui.buttonBox, "Save response" if response is not None else "Record response")
        ui.introLabel.setText(heading)
        _date_edit(ui.receivedEdit, response.received_on if response is not None else dt.date.today())
        ui.responseEdit.setPlainText(response.text if response is not None else "")
        self.errors = FieldErrors(self, {"received_on": ui.receivedEdit, "response": ui.responseEdit},
                                  ui.errorLabel)
        ui.responseEdit.setFocus()

    def build(self) -> tuple:
        return (self.ui.responseEdit.toPlainText(), pydate(self.ui.receivedEdit.date()))


class ChallengeReviewDialog(FittedDialog):
    """The subcommittee's view of the response: accepted, not accepted (why), or further information (what).
    ``save(verdict, reason, on, meeting_id, new_due)``."""

    error_title = "Review not recorded"

    def __init__(self, heading: str, *, meetings: Sequence[tuple[int, str, dt.date]], meeting_id: int | None,
                 save: Callable[[Verdict, str, dt.date, int | None, dt.date | None], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ChallengeReviewDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        _ok_text(ui.buttonBox, "Record review")
        ui.introLabel.setText(heading)
        ui.introLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.reasonEdit.setMaximumHeight(80)
        self.meeting_dates = {m_id: day for m_id, _t, day in meetings}
        ui.meetingCombo.addItem("Not at a meeting", None)
        for m_id, text, _day in meetings:
            ui.meetingCombo.addItem(text, m_id)
        ui.meetingCombo.setCurrentIndex(max(0, ui.meetingCombo.findData(meeting_id)))
        today = dt.date.today()
        _date_edit(ui.reviewedEdit, self.meeting_dates.get(meeting_id, today) if meeting_id else today)
        _date_edit(ui.dueEdit, today + dt.timedelta(days=28))
        ui.acceptedRadio.setChecked(True)
        for radio in (ui.acceptedRadio, ui.notAcceptedRadio, ui.furtherRadio):
            radio.toggled.connect(lambda _on: self._verdict_changed())
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self._meeting_changed())
        self._verdict_changed()
        self.errors = FieldErrors(self, {"verdict": ui.acceptedRadio, "reason": ui.reasonEdit,
                                         "reviewed_on": ui.reviewedEdit, "new_due": ui.dueEdit,
                                         "meeting": ui.meetingCombo}, ui.errorLabel)
        ui.acceptedRadio.setFocus()

    def verdict(self) -> Verdict:
        if self.ui.notAcceptedRadio.isChecked():
            return Verdict.NOT_ACCEPTED
        if self.ui.furtherRadio.isChecked():
            return Verdict.FURTHER_INFORMATION
        return Verdict.ACCEPTED

    def _verdict_changed(self) -> None:
        again = self.verdict() is not Verdict.ACCEPTED
        for w in (self.ui.reasonEdit, self.ui.reasonLabel, self.ui.dueEdit, self.ui.dueLabel):
            w.setEnabled(again)
        self.ui.reasonLabel.setText("&Why not accepted:" if self.verdict() is Verdict.NOT_ACCEPTED
                                    else "&What is asked for:")

    def _meeting_changed(self) -> None:
        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is not None:
            self.ui.reviewedEdit.setDate(qdate(self.meeting_dates[meeting_id]))

    def build(self) -> tuple:
        verdict = self.verdict()
        again = verdict is not Verdict.ACCEPTED
        return (verdict, self.ui.reasonEdit.toPlainText() if again else "", pydate(self.ui.reviewedEdit.date()),
                self.ui.meetingCombo.currentData(), pydate(self.ui.dueEdit.date()) if again else None)


class ChallengeCloseDialog(FittedDialog):
    """Close or withdraw a challenge: the date and why. ``save(on, why)``."""

    error_title = "Not saved"

    def __init__(self, *, title: str, intro: str, ok: str, why: str, save: Callable[[dt.date, str], object],
                 earliest: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ChallengeCloseDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.setWindowTitle(title)
        _ok_text(ui.buttonBox, ok)
        ui.introLabel.setText(intro)
        ui.reasonLabel.setText(why)
        today = dt.date.today()
        _date_edit(ui.dateEdit, max(today, earliest) if earliest else today)
        if earliest is not None:
            ui.dateEdit.setMinimumDate(qdate(earliest))
        self.errors = FieldErrors(self, {"closed_on": ui.dateEdit, "withdrawn_on": ui.dateEdit,
                                         "closed_note": ui.reasonEdit, "reason": ui.reasonEdit}, ui.errorLabel)
        ui.reasonEdit.setFocus()

    def build(self) -> tuple:
        return (pydate(self.ui.dateEdit.date()), self.ui.reasonEdit.text().strip())

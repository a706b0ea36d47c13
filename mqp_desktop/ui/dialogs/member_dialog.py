"""Add or edit a member of the subcommittee (a seat, named or vacant)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.validation import ValidationError, clean_email, clean_phone
from mqp_desktop.ui.dialogs.common import FieldErrors, OptionalDate, RecordDialog
from mqp_desktop.ui.generated.ui_member_dialog import Ui_MemberDialog


class MemberDialog(RecordDialog):
    """``save(member)`` is called on OK with a new :class:`Member` (``id`` None) or
    a copy of ``member`` with the edits (its id, end date and end reason kept)."""

    error_title = "Member not saved"

    def __init__(
        self,
        agencies: list[Agency],
        member: Member | None = None,
        *,
        save: Callable[[Member], Member],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self.member = member
        self._save = save
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        self.start_date = OptionalDate(ui.startDateSet, ui.startDateEdit)

        own = member.agency_id if member else None
        offered = [a for a in agencies if a.is_active() or a.id == own]
        for agency in sorted(offered, key=lambda a: a.name.lower()):
            text = agency.name
            if not agency.is_active():
                text += " (ended)" if agency.end_date is None else f" (ended {agency.end_date:%d/%m/%Y})"
            ui.agencyCombo.addItem(text, agency.id)
        ui.agencyCombo.setPlaceholderText("Choose the agency…")
        ui.agencyCombo.setCurrentIndex(ui.agencyCombo.findData(own) if own is not None else -1)

        self.errors = FieldErrors(
            self,
            {
                "name": ui.nameEdit,
                "role_title": ui.roleTitleEdit,
                "agency_id": ui.agencyCombo,
                "email": ui.emailEdit,
                "phone": ui.phoneEdit,
                "decision_maker": ui.decisionMakerRadio,
                "deputy_name": ui.deputyNameEdit,
                "deputy_email": ui.deputyEmailEdit,
                "start_date": ui.startDateEdit,
                # The end date is set by the End dialog; "ends before it starts" is fixed here
                # by moving the start date.
                "end_date": ui.startDateEdit,
                "notes": ui.notesEdit,
            },
            ui.errorLabel,
        )
        # Light checks as the officer leaves a field; OK still goes through save().
        self._check_on_leaving(ui.emailEdit, lambda text: clean_email(text, "email"))
        self._check_on_leaving(ui.deputyEmailEdit, lambda text: clean_email(text, "deputy_email"))
        self._check_on_leaving(ui.phoneEdit, lambda text: clean_phone(text, "phone"))

        if member is None:
            self.setWindowTitle("Add member")
        else:
            self.setWindowTitle(f"Edit member — {member.display_name}")
            self._show(member)
        ui.nameEdit.setFocus()

    def conflict_base(self) -> Member | None:
        return self.member

    def show_record(self, record: Member, *, as_read: Member) -> None:
        self.member = as_read
        combo = self.ui.agencyCombo
        if combo.findData(record.agency_id) >= 0:
            combo.setCurrentIndex(combo.findData(record.agency_id))
        self._show(record)

    def _show(self, m: Member) -> None:
        ui = self.ui
        ui.nameEdit.setText(m.name)
        ui.roleTitleEdit.setText(m.role_title)
        ui.emailEdit.setText(m.email)
        ui.phoneEdit.setText(m.phone)
        (ui.decisionMakerRadio if m.decision_maker else ui.representativeRadio).setChecked(True)
        ui.deputyNameEdit.setText(m.deputy_name)
        ui.deputyEmailEdit.setText(m.deputy_email)
        self.start_date.set_value(m.start_date)
        ui.notesEdit.setPlainText(m.notes)

    def _check_on_leaving(self, edit: QLineEdit, check: Callable[[str], object]) -> None:
        def on_editing_finished() -> None:
            try:
                check(edit.text())
            except ValidationError as exc:
                self.errors.show_error(exc, focus=False)

        edit.editingFinished.connect(on_editing_finished)

    def record(self) -> Member:
        """The member as the form now describes it (not validated: save() does that)."""
        ui = self.ui
        values = dict(
            name=ui.nameEdit.text().strip(),
            role_title=ui.roleTitleEdit.text().strip(),
            agency_id=ui.agencyCombo.currentData(),
            email=ui.emailEdit.text().strip(),
            phone=ui.phoneEdit.text().strip(),
            decision_maker=ui.decisionMakerRadio.isChecked(),
            deputy_name=ui.deputyNameEdit.text().strip(),
            deputy_email=ui.deputyEmailEdit.text().strip(),
            start_date=self.start_date.value(),
            notes=ui.notesEdit.toPlainText().strip(),
        )
        if self.member is None:
            return Member(**values)
        return dataclasses.replace(self.member, **values)

    def build(self) -> tuple:
        return (self.record(),)


"""Add or edit an agency of the partnership."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from mqp_desktop.domain.model import Agency, PartnerClass
from mqp_desktop.ui.dialogs.common import FieldErrors, OptionalDate, RecordDialog
from mqp_desktop.ui.generated.ui_agency_dialog import Ui_AgencyDialog

# The order of the partner-class combo's items in forms/agency_dialog.ui.
PARTNER_CLASSES = (PartnerClass.LEAD_PARTNER, PartnerClass.RELEVANT_AGENCY, PartnerClass.OTHER)


class AgencyDialog(RecordDialog):
    """``save(agency)`` is called on OK with a new :class:`Agency` (``id`` None) or
    a copy of ``agency`` with the edits (its id and end date kept)."""

    error_title = "Agency not saved"

    def __init__(
        self,
        agency: Agency | None = None,
        *,
        save: Callable[[Agency], Agency],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_AgencyDialog()
        self.ui.setupUi(self)
        self.agency = agency
        self._save = save
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        assert ui.partnerClassCombo.count() == len(PARTNER_CLASSES), "forms/agency_dialog.ui changed"
        ui.partnerClassCombo.setCurrentIndex(PARTNER_CLASSES.index(PartnerClass.RELEVANT_AGENCY))
        self.start_date = OptionalDate(ui.startDateSet, ui.startDateEdit)
        self.errors = FieldErrors(
            self,
            {
                "name": ui.nameEdit,
                "short_name": ui.shortNameEdit,
                "statutory": ui.statutoryCheck,
                "partner_class": ui.partnerClassCombo,
                "start_date": ui.startDateEdit,
                "end_date": ui.startDateEdit,
                "notes": ui.notesEdit,
            },
            ui.errorLabel,
        )
        if agency is None:
            self.setWindowTitle("Add agency")
        else:
            self.setWindowTitle(f"Edit agency — {agency.name}")
            self._show(agency)
        ui.nameEdit.setFocus()

    def _show(self, agency: Agency) -> None:
        ui = self.ui
        ui.nameEdit.setText(agency.name)
        ui.shortNameEdit.setText(agency.short_name)
        ui.statutoryCheck.setChecked(agency.statutory)
        ui.partnerClassCombo.setCurrentIndex(PARTNER_CLASSES.index(PartnerClass(agency.partner_class)))
        self.start_date.set_value(agency.start_date)
        ui.notesEdit.setPlainText(agency.notes)

    def conflict_base(self) -> Agency | None:
        return self.agency

    def show_record(self, record: Agency, *, as_read: Agency) -> None:
        self.agency = as_read
        self._show(record)

    def record(self) -> Agency:
        ui = self.ui
        values = dict(
            name=ui.nameEdit.text().strip(),
            short_name=ui.shortNameEdit.text().strip(),
            statutory=ui.statutoryCheck.isChecked(),
            partner_class=PARTNER_CLASSES[ui.partnerClassCombo.currentIndex()],
            start_date=self.start_date.value(),
            notes=ui.notesEdit.toPlainText().strip(),
        )
        if self.agency is None:
            return Agency(**values)
        return dataclasses.replace(self.agency, **values)

    def build(self) -> tuple:
        return (self.record(),)


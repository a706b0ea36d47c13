"""The subcommittee's settings: names, meetings, attendance standard, quorum rule,
chair and co-chair, Terms of Reference dates. All of them are data (DOMAIN.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QListWidgetItem, QWidget

from mqp_desktop.domain.model import Agency, FrequencyUnit, Member, Office, Subcommittee
from mqp_desktop.domain.quorum import AgencySet, QuorumKind, QuorumRule, QuorumRuleError
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.ui.dialogs.common import ERROR_COLOUR, FieldErrors, OptionalDate, RecordDialog, a_year_after
from mqp_desktop.ui.generated.ui_subcommittee_dialog import Ui_SubcommitteeDialog

# The order of the combo items in forms/subcommittee_dialog.ui.
FREQUENCY_UNITS = (FrequencyUnit.WEEKS, FrequencyUnit.MONTHS)
QUORUM_KINDS = (QuorumKind.AT_LEAST, QuorumKind.ALL_OF)
NONE_TEXT = "(none)"


class SubcommitteeDialog(RecordDialog):
    """``save(subcommittee)`` is called on OK with a copy of ``subcommittee`` holding the edits."""

    error_title = "Settings not saved"

    def __init__(
        self,
        subcommittee: Subcommittee,
        agencies: list[Agency],
        members: list[Member],
        *,
        save: Callable[[Subcommittee], Subcommittee],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_SubcommitteeDialog()
        self.ui.setupUi(self)
        self.subcommittee = subcommittee
        self._save = save
        self.agency_names = {a.id: a.label for a in agencies if a.id is not None}
        ui = self.ui
        s = subcommittee
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        # Item data would come back as plain str, so the enums are looked up by position.
        for combo, data in ((ui.frequencyUnitCombo, FREQUENCY_UNITS), (ui.quorumKindCombo, QUORUM_KINDS)):
            assert combo.count() == len(data), "forms/subcommittee_dialog.ui changed"

        # General
        ui.nameEdit.setText(s.name)
        ui.shortNameEdit.setText(s.short_name)
        ui.partnershipEdit.setText(s.partnership)
        ui.reportingLineEdit.setText(s.reporting_line)

        # Meetings & attendance
        ui.frequencySpin.setValue(s.frequency_interval)
        ui.frequencyUnitCombo.setCurrentIndex(FREQUENCY_UNITS.index(FrequencyUnit(s.frequency_unit)))
        ui.attendanceSpin.setValue(s.attendance_standard)
        ui.frequencySpin.valueChanged.connect(self._update_frequency_hint)
        ui.frequencyUnitCombo.currentIndexChanged.connect(self._update_frequency_hint)
        self._update_frequency_hint()

        # Quorum
        rule = s.quorum_rule
        ui.quorumKindCombo.setCurrentIndex(QUORUM_KINDS.index(rule.kind))
        ui.quorumCountSpin.setValue(rule.count)
        {
            AgencySet.STATUTORY: ui.statutorySetRadio,
            AgencySet.NAMED: ui.namedSetRadio,
            AgencySet.ANY: ui.anySetRadio,
        }[rule.agency_set].setChecked(True)
        (ui.chairMayProceedRadio if rule.chair_may_proceed else ui.mustReconveneRadio).setChecked(True)
        in_rule = set(rule.agency_ids)
        for agency in sorted(agencies, key=lambda a: a.name.lower()):
            if agency.id is None or not (agency.is_active() or agency.id in in_rule):
                continue
            text = agency.name + (" (statutory)" if agency.statutory else "")
            if not agency.is_active():
                text += " (ended)"
            item = QListWidgetItem(text, ui.quorumAgencyList)
            item.setData(Qt.ItemDataRole.UserRole, agency.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if agency.id in in_rule else Qt.CheckState.Unchecked)
        for signal in (
            ui.quorumKindCombo.currentIndexChanged,
            ui.quorumCountSpin.valueChanged,
            ui.statutorySetRadio.toggled,
            ui.namedSetRadio.toggled,
            ui.anySetRadio.toggled,
            ui.chairMayProceedRadio.toggled,
            ui.quorumAgencyList.itemChanged,
        ):
            signal.connect(self._update_quorum)
        self._update_quorum()

        # Chair and co-chair
        holders = {s.chair.member_id, s.co_chair.member_id} - {None}
        candidates = [m for m in members if m.id is not None and ((m.is_active() and not m.is_vacant) or m.id in holders)]
        candidates.sort(key=lambda m: (m.is_vacant, m.display_name.lower()))
        for combo, office in ((ui.chairCombo, s.chair), (ui.coChairCombo, s.co_chair)):
            combo.addItem(NONE_TEXT, None)
            for m in candidates:
                agency = self.agency_names.get(m.agency_id)
                combo.addItem(f"{m.display_name} ({agency})" if agency else m.display_name, m.id)
            combo.setCurrentIndex(max(0, combo.findData(office.member_id)) if office.member_id is not None else 0)
        self.chair_appointed = OptionalDate(ui.chairAppointedSet, ui.chairAppointedEdit, s.chair.appointed)
        self.chair_review = OptionalDate(
            ui.chairReviewSet, ui.chairReviewEdit, s.chair.review_due, default=self._default_after(self.chair_appointed)
        )
        self.co_chair_appointed = OptionalDate(ui.coChairAppointedSet, ui.coChairAppointedEdit, s.co_chair.appointed)
        self.co_chair_review = OptionalDate(
            ui.coChairReviewSet,
            ui.coChairReviewEdit,
            s.co_chair.review_due,
            default=self._default_after(self.co_chair_appointed),
        )

        # Terms of Reference
        ui.torVersionEdit.setText(s.tor_version)
        self.tor_signed_off = OptionalDate(ui.torSignedOffSet, ui.torSignedOffEdit, s.tor_signed_off)
        self.tor_review = OptionalDate(
            ui.torReviewSet, ui.torReviewEdit, s.tor_review_due, default=self._default_after(self.tor_signed_off)
        )
        # A review is due a year after an appointment or sign-off (ToR 2, 12) unless
        # the officer has chosen another date.
        self._follow(self.chair_appointed, self.chair_review)
        self._follow(self.co_chair_appointed, self.co_chair_review)
        self._follow(self.tor_signed_off, self.tor_review)

        self.errors = FieldErrors(
            self,
            {
                "name": ui.nameEdit,
                "short_name": ui.shortNameEdit,
                "partnership": ui.partnershipEdit,
                "reporting_line": ui.reportingLineEdit,
                "frequency_interval": ui.frequencySpin,
                "frequency_unit": ui.frequencyUnitCombo,
                "attendance_standard": ui.attendanceSpin,
                "quorum_rule": ui.quorumAgencyList,
                "chair": ui.chairCombo,
                "chair_appointed": ui.chairAppointedEdit,
                "chair_review_due": ui.chairReviewEdit,
                "co_chair": ui.coChairCombo,
                "co_chair_appointed": ui.coChairAppointedEdit,
                "co_chair_review_due": ui.coChairReviewEdit,
                "tor_version": ui.torVersionEdit,
                "tor_signed_off": ui.torSignedOffEdit,
                "tor_review_due": ui.torReviewEdit,
            },
            ui.errorLabel,
        )
        ui.tabs.setCurrentIndex(0)
        ui.nameEdit.setFocus()

    # --- another copy saved the settings meanwhile ---------------------------------------------
    def conflict_base(self) -> Subcommittee:
        return self.subcommittee

    def show_record(self, record: Subcommittee, *, as_read: Subcommittee) -> None:
        """Show ``record`` in every tab; the next save is checked against ``as_read``'s version."""
        self.subcommittee = as_read
        ui, s = self.ui, record
        ui.nameEdit.setText(s.name)
        ui.shortNameEdit.setText(s.short_name)
        ui.partnershipEdit.setText(s.partnership)
        ui.reportingLineEdit.setText(s.reporting_line)
        ui.frequencySpin.setValue(s.frequency_interval)
        ui.frequencyUnitCombo.setCurrentIndex(FREQUENCY_UNITS.index(FrequencyUnit(s.frequency_unit)))
        ui.attendanceSpin.setValue(s.attendance_standard)
        rule = s.quorum_rule
        ui.quorumKindCombo.setCurrentIndex(QUORUM_KINDS.index(rule.kind))
        ui.quorumCountSpin.setValue(rule.count)
        {
            AgencySet.STATUTORY: ui.statutorySetRadio,
            AgencySet.NAMED: ui.namedSetRadio,
            AgencySet.ANY: ui.anySetRadio,
        }[rule.agency_set].setChecked(True)
        (ui.chairMayProceedRadio if rule.chair_may_proceed else ui.mustReconveneRadio).setChecked(True)
        for row in range(ui.quorumAgencyList.count()):
            item = ui.quorumAgencyList.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) in set(rule.agency_ids)
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        for combo, office in ((ui.chairCombo, s.chair), (ui.coChairCombo, s.co_chair)):
            combo.setCurrentIndex(max(0, combo.findData(office.member_id)) if office.member_id is not None else 0)
        for appointed, review, office in ((self.chair_appointed, self.chair_review, s.chair),
                                          (self.co_chair_appointed, self.co_chair_review, s.co_chair)):
            appointed.set_value(office.appointed)
            review.set_value(office.review_due)
        ui.torVersionEdit.setText(s.tor_version)
        self.tor_signed_off.set_value(s.tor_signed_off)
        self.tor_review.set_value(s.tor_review_due)
        self._update_frequency_hint()
        self._update_quorum()

    # --- live feedback -------------------------------------------------------------------------
    def _update_frequency_hint(self) -> None:
        probe = dataclasses.replace(
            self.subcommittee,
            frequency_interval=self.ui.frequencySpin.value(),
            frequency_unit=self.frequency_unit(),
        )
        self.ui.frequencyHint.setText(f"Ordinary meetings are held {probe.frequency_text}.")

    def _update_quorum(self, *_args: object) -> None:
        ui = self.ui
        at_least = self.quorum_kind() is QuorumKind.AT_LEAST
        ui.quorumCountSpin.setEnabled(at_least)
        ui.quorumCountLabel.setEnabled(at_least)
        if not at_least and ui.anySetRadio.isChecked():
            ui.statutorySetRadio.setChecked(True)  # "every agency there is" cannot be a quorum
        ui.anySetRadio.setEnabled(at_least)
        named = ui.namedSetRadio.isChecked()
        ui.quorumAgencyList.setEnabled(named)
        ui.quorumAgenciesLabel.setEnabled(named)
        try:
            text = self.quorum_rule().describe(self.agency_names)
        except QuorumRuleError as exc:
            ui.quorumPreviewLabel.setStyleSheet(f"color: {ERROR_COLOUR};")
            ui.quorumPreviewLabel.setText(str(exc))
        else:
            ui.quorumPreviewLabel.setStyleSheet("")
            ui.quorumPreviewLabel.setText(text)

    @property
    def quorum_description(self) -> str:
        """The preview line as shown: the rule in words, or why it cannot be used."""
        return self.ui.quorumPreviewLabel.text()

    @staticmethod
    def _default_after(start: OptionalDate) -> Callable[[], dt.date]:
        return lambda: a_year_after(start.value() or dt.date.today())

    @staticmethod
    def _follow(start: OptionalDate, review: OptionalDate) -> None:
        """Keep ``review`` a year after ``start`` until the officer picks another review date."""
        previous = {"start": start.value()}

        def on_start_changed() -> None:
            old, new = previous["start"], start.value()
            previous["start"] = new
            if new is None:
                return
            current = review.value()
            if current is None or (old is not None and current == a_year_after(old)):
                review.set_value(a_year_after(new))

        start.changed.connect(on_start_changed)

    # --- building the record -------------------------------------------------------------------
    def checked_agency_ids(self) -> tuple[int, ...]:
        out = []
        for row in range(self.ui.quorumAgencyList.count()):
            item = self.ui.quorumAgencyList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(out)

    def frequency_unit(self) -> FrequencyUnit:
        return FREQUENCY_UNITS[self.ui.frequencyUnitCombo.currentIndex()]

    def quorum_kind(self) -> QuorumKind:
        return QUORUM_KINDS[self.ui.quorumKindCombo.currentIndex()]

    def quorum_rule(self) -> QuorumRule:
        """The rule the Quorum tab describes; raises :class:`QuorumRuleError` if it cannot be used."""
        ui = self.ui
        if ui.namedSetRadio.isChecked():
            agency_set, ids = AgencySet.NAMED, self.checked_agency_ids()
        else:
            agency_set = AgencySet.STATUTORY if ui.statutorySetRadio.isChecked() else AgencySet.ANY
            ids = ()
        return QuorumRule(
            kind=self.quorum_kind(),
            count=ui.quorumCountSpin.value(),
            agency_set=agency_set,
            agency_ids=ids,
            chair_may_proceed=ui.chairMayProceedRadio.isChecked(),
        )

    def record(self) -> Subcommittee:
        ui = self.ui
        try:
            rule = self.quorum_rule()
        except QuorumRuleError as exc:
            raise ValidationError("quorum_rule", str(exc)) from exc
        return dataclasses.replace(
            self.subcommittee,
            name=ui.nameEdit.text().strip(),
            short_name=ui.shortNameEdit.text().strip(),
            partnership=ui.partnershipEdit.text().strip(),
            reporting_line=ui.reportingLineEdit.text().strip(),
            frequency_interval=ui.frequencySpin.value(),
            frequency_unit=self.frequency_unit(),
            attendance_standard=ui.attendanceSpin.value(),
            quorum_rule=rule,
            tor_version=ui.torVersionEdit.text().strip(),
            tor_signed_off=self.tor_signed_off.value(),
            tor_review_due=self.tor_review.value(),
            chair=Office(_member_id(ui.chairCombo), self.chair_appointed.value(), self.chair_review.value()),
            co_chair=Office(_member_id(ui.coChairCombo), self.co_chair_appointed.value(), self.co_chair_review.value()),
        )

    def build(self) -> tuple:
        return (self.record(),)


def _member_id(combo: QComboBox) -> int | None:
    data = combo.currentData()
    return None if data is None else int(data)

"""The subcommittee's settings: names, meetings, attendance standard, quorum rule,
chair and co-chair, Terms of Reference dates. All of them are data (DOMAIN.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QListWidgetItem, QWidget

from mqp_desktop.domain.model import Agency, FrequencyUnit, Member, Office, Subcommittee
from mqp_desktop.domain.quorum import AgencySet, OthersUnit, QuorumKind, QuorumRule, QuorumRuleError
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.domain.governance.common import add_months
from mqp_desktop.ui.dialogs.common import ERROR_COLOUR, FieldErrors, OptionalDate, RecordDialog
from mqp_desktop.ui.generated.ui_subcommittee_dialog import Ui_SubcommitteeDialog

# The order of the combo items in forms/subcommittee_dialog.ui.
FREQUENCY_UNITS = (FrequencyUnit.WEEKS, FrequencyUnit.MONTHS)
QUORUM_KINDS = (QuorumKind.AT_LEAST, QuorumKind.ALL_OF, QuorumKind.ALL_AND_AT_LEAST, QuorumKind.NONE)
OTHERS_UNITS = (OthersUnit.AGENCIES, OthersUnit.MEMBERS)
NONE_TEXT = "(none)"
SHARE_HINT = ("To share a seat, select two or more agencies in the list (Ctrl+click) that do not share one yet, "
              "then press Share a seat.")


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
        review_months: int = 12,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        # the review_interval_months setting: a review falls due this long after an appointment or sign-off
        self.review_months = review_months
        self.ui = Ui_SubcommitteeDialog()
        self.ui.setupUi(self)
        self.subcommittee = subcommittee
        self._save = save
        self.agency_names = {a.id: a.label for a in agencies if a.id is not None}
        ui = self.ui
        s = subcommittee
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        # Item data would come back as plain str, so the enums are looked up by position.
        for combo, data in ((ui.frequencyUnitCombo, FREQUENCY_UNITS), (ui.quorumKindCombo, QUORUM_KINDS),
                            (ui.othersUnitCombo, OTHERS_UNITS)):
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
        ui.deputyCountsCheck.setChecked(s.deputy_counts_for_member)
        ui.frequencySpin.valueChanged.connect(self._update_frequency_hint)
        ui.frequencyUnitCombo.currentIndexChanged.connect(self._update_frequency_hint)
        self._update_frequency_hint()

        # Quorum
        rule = s.quorum_rule
        self.shared_seats: list[tuple[int, ...]] = []
        self._seat_hint = ""
        self._loading = False
        self.agency_labels: dict[int, str] = {}
        in_rule = set(rule.all_agency_ids)
        for agency in sorted(agencies, key=lambda a: a.name.lower()):
            if agency.id is None or not (agency.is_active() or agency.id in in_rule):
                continue
            text = agency.name + (" (statutory)" if agency.statutory else "")
            if not agency.is_active():
                text += " (ended)"
            self.agency_labels[agency.id] = text
            item = QListWidgetItem(text, ui.quorumAgencyList)
            item.setData(Qt.ItemDataRole.UserRole, agency.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._load_rule(rule)
        for signal in (
            ui.quorumKindCombo.currentIndexChanged,
            ui.quorumCountSpin.valueChanged,
            ui.othersUnitCombo.currentIndexChanged,
            ui.statutorySetRadio.toggled,
            ui.leadSetRadio.toggled,
            ui.namedSetRadio.toggled,
            ui.anySetRadio.toggled,
            ui.chairMayProceedRadio.toggled,
        ):
            signal.connect(self._update_quorum)
        ui.quorumAgencyList.itemChanged.connect(self._agency_ticked)
        ui.quorumAgencyList.itemSelectionChanged.connect(self._update_seat_buttons)
        ui.sharedSeatList.itemSelectionChanged.connect(self._update_seat_buttons)
        ui.shareSeatButton.clicked.connect(self.share_seat)
        ui.removeSeatButton.clicked.connect(self.remove_seat)
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
        # A review is due the review interval (a year unless changed) after an appointment or sign-off
        # (ToR 2, 12) unless the officer has chosen another date.
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
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:  # within a 1366x768 laptop's screen, at 150% too (the quorum tab scrolls)
            self.resize(min(self.width(), int(screen.width() * 0.95)), min(self.height(), int(screen.height() * 0.9)))

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
        ui.deputyCountsCheck.setChecked(s.deputy_counts_for_member)
        self._load_rule(s.quorum_rule)
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

    # --- the quorum tab -------------------------------------------------------------------------
    def _agency_items(self) -> list[QListWidgetItem]:
        return [self.ui.quorumAgencyList.item(row) for row in range(self.ui.quorumAgencyList.count())]

    def _load_rule(self, rule: QuorumRule) -> None:
        """Show ``rule`` in the quorum tab."""
        ui = self.ui
        self._loading = True
        try:
            ui.quorumKindCombo.setCurrentIndex(QUORUM_KINDS.index(rule.kind))
            ui.quorumCountSpin.setValue(max(1, rule.count))
            ui.othersUnitCombo.setCurrentIndex(OTHERS_UNITS.index(rule.others))
            {
                AgencySet.STATUTORY: ui.statutorySetRadio,
                AgencySet.LEAD_PARTNERS: ui.leadSetRadio,
                AgencySet.NAMED: ui.namedSetRadio,
                AgencySet.ANY: ui.anySetRadio,
            }[rule.agency_set].setChecked(True)
            (ui.chairMayProceedRadio if rule.chair_may_proceed else ui.mustReconveneRadio).setChecked(True)
            in_rule = set(rule.all_agency_ids)
            for item in self._agency_items():
                wanted = item.data(Qt.ItemDataRole.UserRole) in in_rule
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.shared_seats = [seat for seat in rule.shared_seats]
        finally:
            self._loading = False
        self._show_seats()
        self._update_quorum()

    def _seat_words(self, seat: tuple[int, ...]) -> str:
        return " or ".join(self.agency_names.get(i, f"agency #{i}") for i in seat)

    def _show_seats(self) -> None:
        """The shared seats list, and each agency's line saying which seat it shares."""
        ui = self.ui
        ui.sharedSeatList.clear()
        for n, seat in enumerate(self.shared_seats):
            item = QListWidgetItem(self._seat_words(seat) + " — counts once, whichever attends", ui.sharedSeatList)
            item.setData(Qt.ItemDataRole.UserRole, n)
        sharing = {i: seat for seat in self.shared_seats for i in seat}
        self._loading = True
        try:
            for item in self._agency_items():
                agency_id = item.data(Qt.ItemDataRole.UserRole)
                text = self.agency_labels.get(agency_id, str(agency_id))
                tip = ""
                if agency_id in sharing:
                    others = [self.agency_names.get(i, f"agency #{i}") for i in sharing[agency_id] if i != agency_id]
                    tip = "Shares a seat with " + " or ".join(others) + ": any one of them fills it."
                    text = "⇄ " + text
                item.setText(text)
                item.setToolTip(tip)
        finally:
            self._loading = False
        self._update_seat_buttons()

    def _agency_ticked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        agency_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() != Qt.CheckState.Checked and any(agency_id in seat for seat in self.shared_seats):
            # an agency taken out of the set leaves its seat; a seat of one is no longer shared
            seats = [tuple(i for i in seat if i != agency_id) for seat in self.shared_seats]
            self.shared_seats = [seat for seat in seats if len(seat) >= 2]
            self._show_seats()
        self._seat_hint = ""
        self._update_quorum()

    def _selected_agency_ids(self) -> list[int]:
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in self.ui.quorumAgencyList.selectedItems()]

    def _update_seat_buttons(self) -> None:
        ui = self.ui
        named = ui.namedSetRadio.isChecked() and self.quorum_kind() is not QuorumKind.NONE
        taken = {i for seat in self.shared_seats for i in seat}
        chosen = self._selected_agency_ids()
        ui.shareSeatButton.setEnabled(named and len(chosen) >= 2 and not taken & set(chosen))
        ui.removeSeatButton.setEnabled(named and bool(self.shared_seats))

    def share_seat(self) -> None:
        """The selected agencies become one shared seat (and are ticked: they are in the set)."""
        chosen = self._selected_agency_ids()
        taken = {i for seat in self.shared_seats for i in seat}
        if len(chosen) < 2 or taken & set(chosen):
            self._seat_hint = SHARE_HINT
            self._update_quorum()
            return
        self._loading = True
        try:
            for item in self.ui.quorumAgencyList.selectedItems():
                item.setCheckState(Qt.CheckState.Checked)
        finally:
            self._loading = False
        self.shared_seats.append(tuple(sorted(chosen)))
        self.ui.quorumAgencyList.clearSelection()
        self._seat_hint = ""
        self._show_seats()
        self._update_quorum()

    def remove_seat(self) -> None:
        """The chosen shared seat (the only one, when none is chosen) is no longer shared."""
        rows = [self.ui.sharedSeatList.row(i) for i in self.ui.sharedSeatList.selectedItems()]
        if not rows and len(self.shared_seats) == 1:
            rows = [0]
        if not rows:
            self._seat_hint = "Choose the shared seat to remove in the list first."
            self._update_quorum()
            return
        for row in sorted(rows, reverse=True):
            del self.shared_seats[row]
        self._seat_hint = ""
        self._show_seats()
        self._update_quorum()

    def _update_quorum(self, *_args: object) -> None:
        if self._loading:
            return
        ui = self.ui
        kind = self.quorum_kind()
        has_rule = kind is not QuorumKind.NONE
        counts = kind in (QuorumKind.AT_LEAST, QuorumKind.ALL_AND_AT_LEAST)
        combination = kind is QuorumKind.ALL_AND_AT_LEAST
        ui.quorumCountLabel.setText("&Others needed:" if combination else "&Number needed:")
        ui.quorumCountSpin.setEnabled(counts)
        ui.quorumCountLabel.setEnabled(counts)
        ui.othersUnitLabel.setVisible(combination)
        ui.othersUnitCombo.setVisible(combination)
        if kind in (QuorumKind.ALL_OF, QuorumKind.ALL_AND_AT_LEAST) and ui.anySetRadio.isChecked():
            ui.statutorySetRadio.setChecked(True)  # "every agency there is" cannot be a quorum
        ui.anySetRadio.setEnabled(kind is QuorumKind.AT_LEAST)
        for widget in (ui.quorumSetLabel, ui.statutorySetRadio, ui.leadSetRadio, ui.namedSetRadio,
                       ui.chairProceedLabel, ui.chairMayProceedRadio, ui.mustReconveneRadio):
            widget.setEnabled(has_rule)
        named = ui.namedSetRadio.isChecked() and has_rule
        for widget in (ui.quorumAgencyList, ui.quorumAgenciesLabel, ui.sharedSeatList, ui.sharedSeatsLabel):
            widget.setEnabled(named)
        self._update_seat_buttons()
        try:
            text = self.quorum_rule().describe(self.agency_names)
        except QuorumRuleError as exc:
            ui.quorumPreviewLabel.setStyleSheet(f"color: {ERROR_COLOUR};")
            ui.quorumPreviewLabel.setText(str(exc))
        else:
            ui.quorumPreviewLabel.setStyleSheet("")
            ui.quorumPreviewLabel.setText(text + (f"\n{self._seat_hint}" if self._seat_hint else ""))

    @property
    def quorum_description(self) -> str:
        """The preview line as shown: the rule in words, or why it cannot be used."""
        return self.ui.quorumPreviewLabel.text()

    def _after(self, day: dt.date) -> dt.date:
        return add_months(day, self.review_months)

    def _default_after(self, start: OptionalDate) -> Callable[[], dt.date]:
        return lambda: self._after(start.value() or dt.date.today())

    def _follow(self, start: OptionalDate, review: OptionalDate) -> None:
        """Keep ``review`` the review interval after ``start`` until the officer picks another review date."""
        previous = {"start": start.value()}

        def on_start_changed() -> None:
            old, new = previous["start"], start.value()
            previous["start"] = new
            if new is None:
                return
            current = review.value()
            if current is None or (old is not None and current == self._after(old)):
                review.set_value(self._after(new))

        start.changed.connect(on_start_changed)

    # --- building the record -------------------------------------------------------------------
    def checked_agency_ids(self) -> tuple[int, ...]:
        """The ticked agencies that are a seat of their own (not in a shared seat)."""
        sharing = {i for seat in self.shared_seats for i in seat}
        out = []
        for item in self._agency_items():
            agency_id = int(item.data(Qt.ItemDataRole.UserRole))
            if item.checkState() == Qt.CheckState.Checked and agency_id not in sharing:
                out.append(agency_id)
        return tuple(out)

    def frequency_unit(self) -> FrequencyUnit:
        return FREQUENCY_UNITS[self.ui.frequencyUnitCombo.currentIndex()]

    def quorum_kind(self) -> QuorumKind:
        return QUORUM_KINDS[self.ui.quorumKindCombo.currentIndex()]

    def quorum_rule(self) -> QuorumRule:
        """The rule the Quorum tab describes; raises :class:`QuorumRuleError` if it cannot be used."""
        ui = self.ui
        kind = self.quorum_kind()
        ids: tuple[int, ...] = ()
        seats: tuple[tuple[int, ...], ...] = ()
        if ui.namedSetRadio.isChecked():
            agency_set, ids, seats = AgencySet.NAMED, self.checked_agency_ids(), tuple(self.shared_seats)
        elif ui.leadSetRadio.isChecked():
            agency_set = AgencySet.LEAD_PARTNERS
        else:
            agency_set = AgencySet.STATUTORY if ui.statutorySetRadio.isChecked() else AgencySet.ANY
        others = OTHERS_UNITS[ui.othersUnitCombo.currentIndex()]
        return QuorumRule(
            kind=kind,
            count=ui.quorumCountSpin.value(),
            agency_set=agency_set,
            agency_ids=ids,
            shared_seats=seats,
            others=others if kind is QuorumKind.ALL_AND_AT_LEAST else OthersUnit.AGENCIES,
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
            deputy_counts_for_member=ui.deputyCountsCheck.isChecked(),
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

"""The register's dialogs, driven through their real widgets (offscreen).

Dialogs are shown with ``show()`` and OK is clicked, never ``exec()``-ed and
left waiting (one test runs ``exec()`` with a timer that cannot leave it open).
Message boxes go through ``common.show_warning``, replaced here by a recorder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from mqp_desktop.domain.model import Agency, FrequencyUnit, Member, Office, PartnerClass, Subcommittee
from mqp_desktop.domain.quorum import AgencySet, QuorumKind, QuorumRule
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import DatabaseLocked
from mqp_desktop.ui.dialogs import (
    AgencyDialog,
    EndDialog,
    ImportPreviewDialog,
    ImportPreviewModel,
    MemberDialog,
    SubcommitteeDialog,
    common,
)

TODAY = dt.date.today()

# The offscreen platform cannot pass a window's minimum size on to a window system
# and says so whenever a layout changes it; real platforms do not warn.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")

LA = Agency("Wandsworth Children's Services", "LA", True, PartnerClass.LEAD_PARTNER, id=1)
ICB = Agency("South West London ICB", "ICB", True, PartnerClass.LEAD_PARTNER, id=2)
POLICE = Agency("Metropolitan Police", "Police", True, PartnerClass.LEAD_PARTNER, id=3)
SCHOOLS = Agency("Schools", "", False, PartnerClass.RELEVANT_AGENCY, id=4)
OLD = Agency("Old Trust", "Old", False, end_date=dt.date(2020, 3, 31), id=5)
AGENCIES = [LA, ICB, POLICE, SCHOOLS, OLD]


class Recorder:
    """A save/apply callable that records its calls, returns or raises what it is told."""

    def __init__(self, result=None):
        self.calls: list[tuple] = []
        self.raises: list[BaseException] = []
        self.result = result

    def __call__(self, *args):
        self.calls.append(args)
        if self.raises:
            raise self.raises.pop(0)
        return self.result if self.result is not None else args[0]


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch):
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(common, "show_warning", lambda parent, title, problem, remedy="": shown.append((title, problem, remedy)))
    return shown


def open_dialog(qtbot, dialog):
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def click(qtbot, button):
    """Click a check box or radio button on its indicator, as an officer would."""
    assert button.isVisible(), f"{button.objectName()} is not on screen"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(min(8, button.width() // 2), button.height() // 2))


def ok(qtbot, dialog):
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def field_error(dialog) -> QLabel | None:
    label = dialog.findChild(QLabel, "fieldErrorLabel")
    return label if label is not None and label.isVisible() else None


def combo_select(qtbot, combo, text):
    index = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, f"{text!r} not offered"
    combo.setCurrentIndex(index)


# --- MemberDialog -------------------------------------------------------------------------------
def test_add_member_through_the_form(qtbot):
    save = Recorder()
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=save))
    ui = d.ui
    assert d.windowTitle() == "Add member"
    assert ui.nameEdit.placeholderText() == "Leave empty for a vacant seat"
    assert ui.agencyCombo.currentIndex() == -1
    qtbot.keyClicks(ui.nameEdit, "Dr Amara Okafor")
    qtbot.keyClicks(ui.roleTitleEdit, "Designated Doctor")
    combo_select(qtbot, ui.agencyCombo, "South West London ICB")
    click(qtbot, ui.representativeRadio)
    assert not ui.startDateEdit.isEnabled() and ui.startDateEdit.text() == "not set"
    click(qtbot, ui.startDateSet)
    assert ui.startDateEdit.isEnabled() and ui.startDateEdit.date() == QDate.currentDate()
    ui.startDateEdit.setDate(QDate(2024, 9, 1))
    assert ui.startDateEdit.text() == "01/09/2024"
    qtbot.keyClicks(ui.emailEdit, "amara.okafor@swlondon.nhs.uk")
    qtbot.keyClicks(ui.phoneEdit, "020 8871 6000")
    qtbot.keyClicks(ui.deputyNameEdit, "Sam Lee")
    qtbot.keyClicks(ui.deputyEmailEdit, "sam.lee@swlondon.nhs.uk")
    qtbot.keyClicks(ui.notesEdit, "Nominated by the ICB.")
    ok(qtbot, d)

    assert save.calls == [
        (
            Member(
                name="Dr Amara Okafor",
                role_title="Designated Doctor",
                agency_id=2,
                email="amara.okafor@swlondon.nhs.uk",
                phone="020 8871 6000",
                decision_maker=False,
                deputy_name="Sam Lee",
                deputy_email="sam.lee@swlondon.nhs.uk",
                start_date=dt.date(2024, 9, 1),
                notes="Nominated by the ICB.",
            ),
        )
    ]
    assert d.result() == QDialog.DialogCode.Accepted and not d.isVisible()
    assert d.saved is save.calls[0][0]


def test_vacant_seat_and_no_start_date(qtbot):
    save = Recorder()
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=save))
    qtbot.keyClicks(d.ui.roleTitleEdit, "Head of Education")
    combo_select(qtbot, d.ui.agencyCombo, "Schools")
    ok(qtbot, d)
    member = save.calls[0][0]
    assert member.name == "" and member.is_vacant
    assert member.start_date is None and member.decision_maker is True


def test_edit_member_keeps_what_the_form_does_not_show(qtbot):
    ended_agency_member = Member(
        "Named Nurse", OLD.id, name="Jo Bloggs", email="jo@old.nhs.uk", start_date=dt.date(2019, 1, 1),
        end_date=dt.date(2020, 3, 31), end_reason="trust closed", id=42,
    )
    save = Recorder()
    d = open_dialog(qtbot, MemberDialog(AGENCIES, ended_agency_member, save=save))
    ui = d.ui
    assert d.windowTitle() == "Edit member — Jo Bloggs"
    # Active agencies, plus this member's own (ended) one, selected.
    offered = [ui.agencyCombo.itemText(i) for i in range(ui.agencyCombo.count())]
    assert offered == [
        "Metropolitan Police",
        "Old Trust (ended 31/03/2020)",
        "Schools",
        "South West London ICB",
        "Wandsworth Children's Services",
    ]
    assert ui.agencyCombo.currentText().startswith("Old Trust")
    assert ui.startDateSet.isChecked() and ui.startDateEdit.text() == "01/01/2019"
    ui.emailEdit.clear()
    qtbot.keyClicks(ui.emailEdit, "jo.bloggs@old.nhs.uk")
    click(qtbot, ui.startDateSet)  # untick: start date not known
    ok(qtbot, d)
    saved = save.calls[0][0]
    assert saved.id == 42 and saved.end_date == dt.date(2020, 3, 31) and saved.end_reason == "trust closed"
    assert saved.email == "jo.bloggs@old.nhs.uk" and saved.start_date is None
    assert saved.agency_id == OLD.id


def test_new_member_is_not_offered_ended_agencies(qtbot):
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=Recorder()))
    texts = [d.ui.agencyCombo.itemText(i) for i in range(d.ui.agencyCombo.count())]
    assert "Old Trust" not in " ".join(texts) and len(texts) == 4


def test_validation_error_is_shown_under_its_field_and_nothing_is_lost(qtbot):
    save = Recorder()
    save.raises.append(ValidationError("role_title", "The post or role title is required."))
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=save))
    ui = d.ui
    qtbot.keyClicks(ui.nameEdit, "Pat Quinn")
    combo_select(qtbot, ui.agencyCombo, "Metropolitan Police")
    qtbot.keyClicks(ui.emailEdit, "pat.quinn@met.police.uk")
    ok(qtbot, d)

    assert d.isVisible() and d.result() != QDialog.DialogCode.Accepted
    label = field_error(d)
    assert label is not None and label.text() == "The post or role title is required."
    assert ui.roleTitleEdit.property("invalid") is True
    assert d.focusWidget() is ui.roleTitleEdit
    assert (ui.nameEdit.text(), ui.emailEdit.text()) == ("Pat Quinn", "pat.quinn@met.police.uk")
    assert ui.agencyCombo.currentText() == "Metropolitan Police"

    qtbot.keyClicks(ui.roleTitleEdit, "Detective Inspector")  # editing the field clears its message
    assert field_error(d) is None and not ui.roleTitleEdit.property("invalid")
    ok(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    assert save.calls[-1][0].role_title == "Detective Inspector"


def test_unknown_field_message_goes_above_the_buttons(qtbot):
    save = Recorder()
    save.raises.append(ValidationError("something_else", "That cannot be saved."))
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=save))
    ok(qtbot, d)
    assert d.isVisible()
    assert d.ui.errorLabel.isVisible() and d.ui.errorLabel.text() == "That cannot be saved."


def test_store_error_warns_and_keeps_the_dialog_open(qtbot, warnings_shown):
    save = Recorder()
    save.raises.append(DatabaseLocked("The database is locked by another program.", "Close the other copy."))
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=save))
    qtbot.keyClicks(d.ui.roleTitleEdit, "Head of Service")
    combo_select(qtbot, d.ui.agencyCombo, "Schools")
    ok(qtbot, d)
    assert warnings_shown == [("Member not saved", "The database is locked by another program.", "Close the other copy.")]
    assert d.isVisible() and d.ui.roleTitleEdit.text() == "Head of Service"
    ok(qtbot, d)  # the other copy was closed: saving again works
    assert d.result() == QDialog.DialogCode.Accepted and len(save.calls) == 2


def test_real_store_rejects_a_bad_email_inline(qtbot, store):
    agencies = store.agencies()
    d = open_dialog(qtbot, MemberDialog(agencies, save=store.add_member))
    ui = d.ui
    qtbot.keyClicks(ui.nameEdit, "Chris Doe")
    qtbot.keyClicks(ui.roleTitleEdit, "Safeguarding Lead")
    ui.agencyCombo.setCurrentIndex(0)
    qtbot.keyClicks(ui.deputyEmailEdit, "not-an-email")
    ok(qtbot, d)
    assert d.isVisible()
    assert "'not-an-email' is not a valid email address" in field_error(d).text()
    assert d.focusWidget() is ui.deputyEmailEdit
    assert not [m for m in store.members() if m.name == "Chris Doe"]

    ui.deputyEmailEdit.selectAll()
    qtbot.keyClicks(ui.deputyEmailEdit, "deputy@wandsworth.gov.uk")
    ok(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.saved.id is not None
    assert store.member(d.saved.id).deputy_email == "deputy@wandsworth.gov.uk"


def test_email_is_checked_when_leaving_the_field(qtbot):
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=Recorder()))
    ui = d.ui
    ui.emailEdit.setFocus()
    qtbot.keyClicks(ui.emailEdit, "jane@")
    assert field_error(d) is None  # nothing shouts while typing
    qtbot.keyClick(ui.emailEdit, Qt.Key.Key_Tab)
    assert d.focusWidget() is ui.phoneEdit  # the check does not pull the focus back
    assert "'jane@' is not a valid email address" in field_error(d).text()
    qtbot.keyClicks(ui.emailEdit, "wandsworth.gov.uk")
    assert field_error(d) is None


def test_enter_saves_and_escape_cancels(qtbot):
    save = Recorder()
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=save))
    qtbot.keyClicks(d.ui.roleTitleEdit, "Head of Education")
    combo_select(qtbot, d.ui.agencyCombo, "Schools")
    qtbot.keyClick(d.ui.roleTitleEdit, Qt.Key.Key_Return)
    assert d.result() == QDialog.DialogCode.Accepted and len(save.calls) == 1

    save2 = Recorder()
    d2 = open_dialog(qtbot, MemberDialog(AGENCIES, save=save2))
    qtbot.keyClicks(d2.ui.nameEdit, "Someone")
    qtbot.keyClick(d2.ui.nameEdit, Qt.Key.Key_Escape)
    assert d2.result() == QDialog.DialogCode.Rejected and not d2.isVisible() and save2.calls == []


def test_exec_returns_accepted_only_after_save(qtbot):
    save = Recorder()
    d = MemberDialog(AGENCIES, save=save)
    qtbot.addWidget(d)
    d.ui.roleTitleEdit.setText("Head of Education")
    d.ui.agencyCombo.setCurrentIndex(0)
    QTimer.singleShot(0, d.accept)  # what OK does
    QTimer.singleShot(5000, d.reject)  # a safety net: exec() can never hang the suite
    assert d.exec() == QDialog.DialogCode.Accepted
    assert len(save.calls) == 1

    failing = Recorder()
    failing.raises.append(ValidationError("role_title", "The post or role title is required."))
    d2 = MemberDialog(AGENCIES, save=failing)
    qtbot.addWidget(d2)
    QTimer.singleShot(0, d2.accept)
    QTimer.singleShot(50, d2.reject)  # the officer gives up
    assert d2.exec() == QDialog.DialogCode.Rejected


def test_tab_order_follows_the_form(qtbot):
    d = open_dialog(qtbot, MemberDialog(AGENCIES, save=Recorder()))
    ui = d.ui
    ui.nameEdit.setFocus()
    order = [ui.nameEdit]
    for _ in range(4):
        qtbot.keyClick(d.focusWidget(), Qt.Key.Key_Tab)
        order.append(d.focusWidget())
    # One Tab stop for the radio pair (the arrows move between them), as everywhere on Windows.
    assert order == [ui.nameEdit, ui.roleTitleEdit, ui.agencyCombo, ui.decisionMakerRadio, ui.startDateSet]


# --- AgencyDialog -------------------------------------------------------------------------------
def test_add_agency_through_the_form(qtbot):
    save = Recorder()
    d = open_dialog(qtbot, AgencyDialog(save=save))
    ui = d.ui
    assert d.windowTitle() == "Add agency"
    qtbot.keyClicks(ui.nameEdit, "Wandsworth Youth Justice Service")
    qtbot.keyClicks(ui.shortNameEdit, "YJS")
    ui.partnerClassCombo.setCurrentIndex(ui.partnerClassCombo.findText("Other"))
    click(qtbot, ui.statutoryCheck)
    click(qtbot, ui.startDateSet)
    ui.startDateEdit.setDate(QDate(2023, 4, 1))
    qtbot.keyClicks(ui.notesEdit, "Joined April 2023.")
    ok(qtbot, d)
    assert save.calls == [
        (
            Agency(
                "Wandsworth Youth Justice Service", "YJS", True, PartnerClass.OTHER,
                start_date=dt.date(2023, 4, 1), notes="Joined April 2023.",
            ),
        )
    ]
    assert d.result() == QDialog.DialogCode.Accepted


def test_edit_agency_keeps_id_and_end_date(qtbot):
    save = Recorder()
    d = open_dialog(qtbot, AgencyDialog(OLD, save=save))
    ui = d.ui
    assert d.windowTitle() == "Edit agency — Old Trust"
    assert ui.partnerClassCombo.currentText() == "Relevant agency" and not ui.statutoryCheck.isChecked()
    ui.shortNameEdit.clear()
    qtbot.keyClicks(ui.shortNameEdit, "OT")
    ok(qtbot, d)
    saved = save.calls[0][0]
    assert (saved.id, saved.end_date, saved.short_name, saved.partner_class) == (
        5, dt.date(2020, 3, 31), "OT", PartnerClass.RELEVANT_AGENCY,
    )


def test_duplicate_agency_name_from_the_store_is_shown_inline(qtbot, store):
    existing = store.agencies()[0]
    d = open_dialog(qtbot, AgencyDialog(save=store.add_agency))
    qtbot.keyClicks(d.ui.nameEdit, existing.name.upper())
    ok(qtbot, d)
    assert d.isVisible()
    assert field_error(d).text().startswith("There is already an agency called")
    assert d.focusWidget() is d.ui.nameEdit and d.ui.nameEdit.text() == existing.name.upper()


# --- EndDialog ----------------------------------------------------------------------------------
def test_end_dialog_defaults_to_today_and_passes_date_and_reason(qtbot):
    save = Recorder(result="ended")
    d = open_dialog(
        qtbot,
        EndDialog(title="End membership — Jo Bloggs", subject="Jo Bloggs", save=save, earliest=dt.date(2019, 1, 1)),
    )
    ui = d.ui
    assert d.windowTitle() == "End membership — Jo Bloggs"
    assert "Jo Bloggs</b> stays in the history and in past registers and minutes; nothing is deleted" in ui.explanationLabel.text()
    assert ui.endDateEdit.date() == QDate.currentDate() and ui.endDateEdit.calendarPopup()
    assert ui.endDateEdit.displayFormat() == "dd/MM/yyyy"
    assert ui.endDateEdit.minimumDate() == QDate(2019, 1, 1)
    ui.endDateEdit.setDate(QDate(2018, 6, 1))  # before the start: refused by the widget
    assert ui.endDateEdit.date() == QDate(2019, 1, 1)
    ui.endDateEdit.setDate(QDate(2024, 7, 31))
    qtbot.keyClicks(ui.reasonEdit, "  moved post ")
    ok(qtbot, d)
    assert save.calls == [(dt.date(2024, 7, 31), "moved post")]
    assert d.saved == "ended" and d.result() == QDialog.DialogCode.Accepted


def test_end_dialog_with_a_future_earliest_date_starts_there(qtbot):
    later = TODAY + dt.timedelta(days=30)
    d = open_dialog(qtbot, EndDialog(title="End", subject="X", save=Recorder(), earliest=later))
    assert d.end_date() == later


def test_end_twice_shows_the_store_message(qtbot, store):
    member = store.members()[0]
    store.end_member(member.id, dt.date(2024, 1, 31), "left")
    d = open_dialog(
        qtbot,
        EndDialog(
            title="End membership",
            subject=member.display_name,
            save=lambda day, reason: store.end_member(member.id, day, reason),
        ),
    )
    qtbot.keyClicks(d.ui.reasonEdit, "again")
    ok(qtbot, d)
    assert d.isVisible() and "already ended on 31/01/2024" in field_error(d).text()
    assert d.focusWidget() is d.ui.endDateEdit and d.ui.reasonEdit.text() == "again"


# --- SubcommitteeDialog -------------------------------------------------------------------------
CHAIR = Member("Designated Doctor", ICB.id, name="Dr Helen Carter", id=10)
CO_CHAIR = Member("Head of Safeguarding", LA.id, name="Amara Okafor", id=11)
DS = Member("Detective Sergeant", POLICE.id, name="Raj Patel", id=12)
VACANT = Member("Head of Education", SCHOOLS.id, id=13)
LEFT = Member("Named Nurse", ICB.id, name="Old Hand", end_date=dt.date(2021, 1, 1), id=14)
MEMBERS = [CHAIR, CO_CHAIR, DS, VACANT, LEFT]
NAMES = {a.id: a.label for a in AGENCIES}


def subcommittee(**changes) -> Subcommittee:
    s = Subcommittee(
        "Monitoring, Quality & Performance Subcommittee",
        partnership="Wandsworth Safeguarding Children Partnership",
        short_name="MQ&P",
        reporting_line="WSCP Executive",
        quorum_rule=QuorumRule(),
        tor_version="January 2023",
        tor_signed_off=dt.date(2023, 1, 31),
        tor_review_due=dt.date(2024, 1, 31),
        chair=Office(CHAIR.id, dt.date(2023, 4, 1), dt.date(2024, 4, 1)),
        id=1,
    )
    for key, value in changes.items():
        setattr(s, key, value)
    return s


def open_settings(qtbot, save, s=None):
    return open_dialog(qtbot, SubcommitteeDialog(s or subcommittee(), AGENCIES, MEMBERS, save=save))


def agency_item(d, label):
    lst = d.ui.quorumAgencyList
    for row in range(lst.count()):
        if lst.item(row).text().startswith(label):
            return lst.item(row)
    raise AssertionError(f"{label} not in the list")


def tick(qtbot, d, label):
    """Tick an agency the way a keyboard user does: select it, press Space."""
    lst = d.ui.quorumAgencyList
    lst.setFocus()
    lst.setCurrentItem(agency_item(d, label))
    qtbot.keyClick(lst.viewport(), Qt.Key.Key_Space)


def test_settings_show_the_current_values(qtbot):
    d = open_settings(qtbot, Recorder())
    ui = d.ui
    assert d.windowTitle() == "Subcommittee settings"
    assert [ui.tabs.tabText(i) for i in range(ui.tabs.count())] == [
        "&General", "&Meetings && attendance", "&Quorum", "C&hair", "&Terms of Reference",
    ]
    assert ui.nameEdit.text().startswith("Monitoring")
    assert ui.frequencySpin.value() == 2 and ui.frequencyUnitCombo.currentText() == "months"
    assert ui.frequencyHint.text() == "Ordinary meetings are held every 2 months (bi-monthly)."
    assert ui.attendanceSpin.value() == 80
    assert ui.statutorySetRadio.isChecked() and ui.chairMayProceedRadio.isChecked()
    assert not ui.quorumAgencyList.isEnabled()
    assert d.quorum_description == QuorumRule().describe(NAMES)
    assert ui.chairCombo.currentText() == "Dr Helen Carter (ICB)"
    assert ui.coChairCombo.currentText() == "(none)"
    chairs = [ui.chairCombo.itemText(i) for i in range(ui.chairCombo.count())]
    assert chairs == ["(none)", "Amara Okafor (LA)", "Dr Helen Carter (ICB)", "Raj Patel (Police)"]  # no vacant seat, no leaver
    assert not ui.coChairAppointedSet.isChecked() and ui.coChairAppointedEdit.text() == "not set"
    assert ui.torSignedOffEdit.text() == "31/01/2023"
    # Saving untouched settings gives back the same record.
    ok(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    assert d.saved == subcommittee()


def test_quorum_at_least_n_statutory_agencies(qtbot):
    save = Recorder()
    d = open_settings(qtbot, save, subcommittee(quorum_rule=QuorumRule(agency_set=AgencySet.ANY, count=5)))
    ui = d.ui
    ui.tabs.setCurrentWidget(ui.quorumTab)
    ui.quorumKindCombo.setCurrentIndex(0)
    ui.quorumCountSpin.clear()
    qtbot.keyClicks(ui.quorumCountSpin, "4")
    click(qtbot, ui.statutorySetRadio)
    click(qtbot, ui.mustReconveneRadio)
    expected = QuorumRule(QuorumKind.AT_LEAST, 4, AgencySet.STATUTORY, (), chair_may_proceed=False)
    assert d.quorum_description == (
        "Quorate when at least 4 statutory agencies are present; if not, the meeting must be reconvened."
    )
    ok(qtbot, d)
    assert save.calls[0][0].quorum_rule == expected


def test_quorum_every_named_agency(qtbot):
    save = Recorder()
    d = open_settings(qtbot, save)
    ui = d.ui
    ui.tabs.setCurrentWidget(ui.quorumTab)
    ui.quorumKindCombo.setCurrentIndex(ui.quorumKindCombo.findText("Every agency", Qt.MatchFlag.MatchStartsWith))
    assert not ui.quorumCountSpin.isEnabled() and not ui.anySetRadio.isEnabled()
    assert d.quorum_description.startswith("Quorate when every statutory agency is present")
    click(qtbot, ui.namedSetRadio)
    assert ui.quorumAgencyList.isEnabled()
    assert d.quorum_description == "A quorum rule over named agencies needs at least one agency."
    tick(qtbot, d, "Metropolitan Police")
    tick(qtbot, d, "Wandsworth Children's Services")
    assert agency_item(d, "Metropolitan Police").checkState() == Qt.CheckState.Checked
    assert d.quorum_description == (
        "Quorate when every one of these agencies is present: LA, Police; "
        "if not, the chair decides whether to proceed or reconvene."
    )
    ok(qtbot, d)
    assert save.calls[0][0].quorum_rule == QuorumRule(QuorumKind.ALL_OF, 3, AgencySet.NAMED, (1, 3), True)


def test_quorum_at_least_n_of_any_or_named_agencies(qtbot):
    save = Recorder()
    d = open_settings(qtbot, save)
    ui = d.ui
    ui.tabs.setCurrentWidget(ui.quorumTab)
    ui.quorumCountSpin.setValue(5)
    click(qtbot, ui.anySetRadio)
    assert d.quorum_description.startswith("Quorate when at least 5 different agencies are present")
    ok(qtbot, d)
    assert save.calls[0][0].quorum_rule == QuorumRule(QuorumKind.AT_LEAST, 5, AgencySet.ANY)

    save2 = Recorder()
    d2 = open_settings(qtbot, save2)
    d2.ui.tabs.setCurrentWidget(d2.ui.quorumTab)
    d2.ui.quorumCountSpin.setValue(2)
    click(qtbot, d2.ui.namedSetRadio)
    for label in ("Schools", "South West London ICB", "Metropolitan Police"):
        tick(qtbot, d2, label)
    assert d2.quorum_description.startswith("Quorate when at least 2 of these agencies are present: ICB, Police, Schools")
    ok(qtbot, d2)
    assert save2.calls[0][0].quorum_rule == QuorumRule(QuorumKind.AT_LEAST, 2, AgencySet.NAMED, (2, 3, 4))


def test_switching_to_every_agency_leaves_the_any_set(qtbot):
    d = open_settings(qtbot, Recorder(), subcommittee(quorum_rule=QuorumRule(agency_set=AgencySet.ANY)))
    d.ui.quorumKindCombo.setCurrentIndex(1)
    assert d.ui.statutorySetRadio.isChecked() and not d.ui.anySetRadio.isEnabled()


def test_an_unusable_quorum_rule_keeps_the_dialog_open(qtbot):
    save = Recorder()
    d = open_settings(qtbot, save)
    ui = d.ui
    ui.tabs.setCurrentWidget(ui.generalTab)
    ui.namedSetRadio.setChecked(True)  # but no agency ticked
    ok(qtbot, d)
    assert save.calls == [] and d.isVisible()
    assert ui.tabs.currentWidget() is ui.quorumTab  # brought to the front
    assert field_error(d).text() == "A quorum rule over named agencies needs at least one agency."
    tick(qtbot, d, "Schools")
    assert field_error(d) is None
    ok(qtbot, d)
    assert save.calls[0][0].quorum_rule.agency_ids == (4,)


def test_meetings_attendance_and_terms_of_reference(qtbot):
    save = Recorder()
    d = open_settings(qtbot, save)
    ui = d.ui
    ui.nameEdit.clear()
    qtbot.keyClicks(ui.nameEdit, "Quality Assurance Subcommittee")
    ui.frequencySpin.setValue(6)
    ui.frequencyUnitCombo.setCurrentIndex(ui.frequencyUnitCombo.findText("weeks"))
    assert ui.frequencyHint.text() == "Ordinary meetings are held every 6 weeks."
    ui.attendanceSpin.setValue(75)
    ui.torVersionEdit.clear()
    qtbot.keyClicks(ui.torVersionEdit, "March 2025")
    ui.tabs.setCurrentWidget(ui.torTab)
    ui.torSignedOffEdit.setDate(QDate(2025, 3, 14))
    assert ui.torReviewEdit.date() == QDate(2026, 3, 14)  # was a year after sign-off: follows it
    click(qtbot, ui.torReviewSet)  # untick: no review date yet
    ok(qtbot, d)
    s = save.calls[0][0]
    assert (s.name, s.frequency_interval, s.frequency_unit, s.attendance_standard) == (
        "Quality Assurance Subcommittee", 6, FrequencyUnit.WEEKS, 75,
    )
    assert (s.tor_version, s.tor_signed_off, s.tor_review_due) == ("March 2025", dt.date(2025, 3, 14), None)


def test_review_dates_follow_the_review_interval_setting(qtbot):
    """With review_interval_months at 18, a new sign-off or appointment proposes a review 18 months on."""
    d = open_dialog(qtbot, SubcommitteeDialog(subcommittee(tor_review_due=None), AGENCIES, MEMBERS, save=Recorder(), review_months=18))
    ui = d.ui
    ui.torSignedOffEdit.setDate(QDate(2025, 8, 31))
    assert ui.torReviewEdit.date() == QDate(2027, 2, 28)  # 18 months on; February's last day
    ui.tabs.setCurrentWidget(ui.chairTab)
    combo_select(qtbot, ui.coChairCombo, "Raj Patel")
    click(qtbot, ui.coChairAppointedSet)
    ui.coChairAppointedEdit.setDate(QDate(2024, 5, 1))
    assert ui.coChairReviewEdit.date() == QDate(2025, 11, 1)


def test_review_due_follows_the_appointment_until_chosen(qtbot):
    save = Recorder()
    d = open_settings(qtbot, save)
    ui = d.ui
    ui.tabs.setCurrentWidget(ui.chairTab)
    combo_select(qtbot, ui.coChairCombo, "Raj Patel")
    click(qtbot, ui.coChairAppointedSet)
    assert ui.coChairAppointedEdit.date() == QDate.currentDate()
    ui.coChairAppointedEdit.setDate(QDate(2024, 2, 29))
    assert ui.coChairReviewSet.isChecked() and ui.coChairReviewEdit.date() == QDate(2025, 2, 28)
    ui.coChairAppointedEdit.setDate(QDate(2024, 5, 1))
    assert ui.coChairReviewEdit.date() == QDate(2025, 5, 1)
    ui.coChairReviewEdit.setDate(QDate(2025, 9, 30))  # the officer's own choice...
    ui.coChairAppointedEdit.setDate(QDate(2024, 6, 1))
    assert ui.coChairReviewEdit.date() == QDate(2025, 9, 30)  # ...is kept
    # The chair's review (2024-04-01, a year after 2023-04-01) follows a new appointment date.
    ui.chairAppointedEdit.setDate(QDate(2024, 4, 15))
    assert ui.chairReviewEdit.date() == QDate(2025, 4, 15)
    ok(qtbot, d)
    s = save.calls[0][0]
    assert s.co_chair == Office(DS.id, dt.date(2024, 6, 1), dt.date(2025, 9, 30))
    assert s.chair == Office(CHAIR.id, dt.date(2024, 4, 15), dt.date(2025, 4, 15))


def test_no_chair(qtbot):
    save = Recorder()
    d = open_settings(qtbot, save)
    d.ui.tabs.setCurrentWidget(d.ui.chairTab)
    d.ui.chairCombo.setCurrentIndex(0)
    click(qtbot, d.ui.chairAppointedSet)
    click(qtbot, d.ui.chairReviewSet)
    ok(qtbot, d)
    assert save.calls[0][0].chair == Office(None, None, None)


def test_settings_saved_to_a_real_store(qtbot, demo_store):
    s = demo_store.subcommittee()
    d = open_dialog(
        qtbot,
        SubcommitteeDialog(s, demo_store.agencies(), demo_store.members(), save=demo_store.update_subcommittee),
    )
    ui = d.ui
    ui.tabs.setCurrentWidget(ui.chairTab)
    ui.coChairCombo.setCurrentIndex(ui.coChairCombo.findData(s.chair.member_id))  # same person twice
    ok(qtbot, d)
    assert d.isVisible() and ui.tabs.currentWidget() is ui.chairTab
    assert field_error(d).text() == "The chair and co-chair must be different people."
    assert d.focusWidget() is ui.coChairCombo

    ui.coChairCombo.setCurrentIndex(0)
    ui.quorumCountSpin.setValue(2)
    ok(qtbot, d)
    assert d.result() == QDialog.DialogCode.Accepted
    assert demo_store.subcommittee().quorum_rule.count == 2
    assert demo_store.subcommittee().co_chair.member_id is None


# --- ImportPreviewDialog ------------------------------------------------------------------------
def outcome(row, action, member=None, existing=None, changes=None, problems=(), values=None):
    return SimpleNamespace(
        row=row, action=action, member=member, existing=existing, changes=changes or {},
        problems=[SimpleNamespace(column=c, message=m) for c, m in problems], values=values or {},
    )


def preview(rows):
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.action] = counts.get(r.action, 0) + 1
    return SimpleNamespace(
        source=Path("/home/officer/members.xlsx"), rows=rows, counts=counts,
        has_rejections=any(r.action == "reject" for r in rows),
    )


ROWS = [
    outcome(2, "add", member=CHAIR),
    outcome(3, "update", member=DS, existing=DS, changes={"email": ("raj@met.police.uk", "raj.patel@met.police.uk"), "agency_id": (3, 2)}),
    outcome(4, "unchanged", member=CO_CHAIR, existing=CO_CHAIR),
    outcome(5, "reject", problems=[("email", "'bob@' is not a valid email address"), ("agency", "no agency called 'Polise'")], values={"name": "Bob Jones", "role_title": "DS"}),
    outcome(6, "reject", problems=[("start_date", "'31/31/2024' is not a date")], values={"name": "Ann Other"}),
]


def test_preview_model(qtmodeltester):
    model = ImportPreviewModel(ROWS, NAMES)
    qtmodeltester.check(model)
    model.set_rows(ROWS[:2])
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_preview_model_words_and_colours():
    model = ImportPreviewModel(ROWS, NAMES)

    def text(row, col, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(row, col), role)

    assert [text(r, 0) for r in range(5)] == [2, 3, 4, 5, 6]
    assert [text(r, 1) for r in range(5)] == ["Add", "Update", "Unchanged", "Reject", "Reject"]
    assert text(0, 2) == "Dr Helen Carter — Designated Doctor"
    assert text(3, 2) == "Bob Jones — DS"
    assert text(1, 3) == "email: raj@met.police.uk → raj.patel@met.police.uk\nagency: Police → ICB"
    assert text(3, 4) == "email: 'bob@' is not a valid email address\nagency: no agency called 'Polise'"
    reject_colour = text(3, 1, Qt.ItemDataRole.ForegroundRole).color().name()
    add_colour = text(0, 1, Qt.ItemDataRole.ForegroundRole).color().name()
    assert reject_colour != add_colour and reject_colour == "#b3261e"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Problems"


def test_import_waits_for_the_skip_box_when_rows_are_rejected(qtbot):
    apply = Recorder(result={"added": 1, "updated": 1})
    d = open_dialog(qtbot, ImportPreviewDialog(preview(ROWS), apply=apply))
    ui = d.ui
    assert d.windowTitle() == "Import members — members.xlsx"
    assert "members.xlsx</b>: 5 rows — 1 to add, 1 to update, 1 unchanged, 2 rejected." in ui.summaryLabel.text()
    assert ui.rowsView.model().rowCount() == 5
    assert ui.skipRejectedCheck.isVisible()
    assert ui.skipRejectedCheck.text() == "&Skip the 2 rejected rows and import the rest"
    assert not d.import_button.isEnabled() and d.import_button.text() == "Import"
    qtbot.keyClick(ui.rowsView, Qt.Key.Key_Return)  # Enter cannot get round it
    assert apply.calls == [] and d.isVisible()

    click(qtbot, ui.skipRejectedCheck)
    assert d.import_button.isEnabled()
    click(qtbot, ui.skipRejectedCheck)
    assert not d.import_button.isEnabled()
    click(qtbot, ui.skipRejectedCheck)
    qtbot.mouseClick(d.import_button, Qt.MouseButton.LeftButton)
    assert apply.calls == [(True,)]
    assert d.saved == {"added": 1, "updated": 1} and d.result() == QDialog.DialogCode.Accepted


def test_clean_import_needs_no_skip_box(qtbot):
    apply = Recorder(result={"added": 1})
    d = open_dialog(qtbot, ImportPreviewDialog(preview(ROWS[:3]), apply=apply))
    assert not d.ui.skipRejectedCheck.isVisible()
    assert "rejected" not in d.ui.summaryLabel.text()
    assert d.import_button.isEnabled()
    ok(qtbot, d)
    assert apply.calls == [(False,)] and d.result() == QDialog.DialogCode.Accepted


def test_import_failure_warns_and_stays_open(qtbot, warnings_shown):
    apply = Recorder()
    apply.raises.append(DatabaseLocked("The database is locked.", "Close the other copy and try again."))
    d = open_dialog(qtbot, ImportPreviewDialog(preview(ROWS[:1]), apply=apply))
    ok(qtbot, d)
    assert warnings_shown == [("Import not done", "The database is locked.", "Close the other copy and try again.")]
    assert d.isVisible() and d.saved is None

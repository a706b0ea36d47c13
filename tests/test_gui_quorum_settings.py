"""The Quorum tab of Subcommittee settings for the kinds of issue 12, driven as an officer would:
no quorum set, every agency of a set and at least N others (agencies or members), the lead
partners as a set, and shared seats made from the selected agencies."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from mqp_desktop.domain.quorum import NO_QUORUM, AgencySet, OthersUnit, QuorumKind, QuorumRule
from mqp_desktop.ui.dialogs import SubcommitteeDialog
from tests.test_dialogs import (
    AGENCIES,
    MEMBERS,
    Recorder,
    agency_item,
    click,
    ok,
    open_dialog,
    open_settings,
    subcommittee,
    tick,
)

pytestmark = pytest.mark.gui

LA, ICB, POLICE, SCHOOLS = 1, 2, 3, 4


def quorum_tab(qtbot, rule: QuorumRule | None = None, save=None):
    save = save or Recorder()
    d = open_settings(qtbot, save, subcommittee(quorum_rule=rule) if rule else None)
    d.ui.tabs.setCurrentWidget(d.ui.quorumTab)
    return d, save


def choose_kind(d, starts: str) -> None:
    combo = d.ui.quorumKindCombo
    index = combo.findText(starts, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, starts
    combo.setCurrentIndex(index)


def select(d, *labels: str) -> None:
    """Select agencies in the list (as Ctrl+click does), leaving their ticks alone."""
    lst = d.ui.quorumAgencyList
    lst.clearSelection()
    for label in labels:
        label = label if any(lst.item(r).text().startswith(label) for r in range(lst.count())) else "⇄ " + label
        lst.selectionModel().select(lst.indexFromItem(agency_item(d, label)), QItemSelectionModel.SelectionFlag.Select)


def test_no_quorum_set_disables_the_rest_and_says_so(qtbot):
    d, save = quorum_tab(qtbot)
    ui = d.ui
    choose_kind(d, "No quorum")
    assert d.quorum_description.startswith(NO_QUORUM)
    for widget in (ui.quorumCountSpin, ui.statutorySetRadio, ui.leadSetRadio, ui.namedSetRadio, ui.anySetRadio,
                   ui.quorumAgencyList, ui.chairMayProceedRadio, ui.mustReconveneRadio):
        assert not widget.isEnabled(), widget.objectName()
    ok(qtbot, d)
    rule = save.calls[0][0].quorum_rule
    assert rule.kind is QuorumKind.NONE and not rule.quorum_set


def test_every_lead_partner_and_at_least_n_other_members(qtbot):
    d, save = quorum_tab(qtbot)
    ui = d.ui
    assert not ui.othersUnitCombo.isVisible()
    choose_kind(d, "Every agency of a set and at least N others")
    assert ui.othersUnitCombo.isVisible() and ui.quorumCountLabel.text() == "&Others needed:"
    assert not ui.anySetRadio.isEnabled()
    click(qtbot, ui.leadSetRadio)
    ui.quorumCountSpin.clear()
    qtbot.keyClicks(ui.quorumCountSpin, "4")
    ui.othersUnitCombo.setCurrentIndex(ui.othersUnitCombo.findText("members"))
    assert d.quorum_description == ("Quorate when every lead safeguarding partner and at least 4 other members are "
                                    "present (a deputy counts for their member); if not, the chair decides whether "
                                    "to proceed or reconvene.")
    ok(qtbot, d)
    assert save.calls[0][0].quorum_rule == QuorumRule(QuorumKind.ALL_AND_AT_LEAST, 4, AgencySet.LEAD_PARTNERS,
                                                      others=OthersUnit.MEMBERS)


def test_a_shared_seat_made_from_the_selected_agencies(qtbot):
    d, save = quorum_tab(qtbot)
    ui = d.ui
    choose_kind(d, "Every agency of a set is present")
    click(qtbot, ui.namedSetRadio)
    tick(qtbot, d, "Wandsworth Children's Services")
    tick(qtbot, d, "Metropolitan Police")
    select(d, "South West London ICB")
    assert not ui.shareSeatButton.isEnabled()  # one agency is not a shared seat
    select(d, "South West London ICB", "Schools")
    assert ui.shareSeatButton.isEnabled()
    qtbot.mouseClick(ui.shareSeatButton, Qt.MouseButton.LeftButton)
    assert [ui.sharedSeatList.item(i).text() for i in range(ui.sharedSeatList.count())] == [
        "ICB or Schools — counts once, whichever attends"]
    assert agency_item(d, "⇄ South West London ICB").toolTip() == "Shares a seat with Schools: any one of them fills it."
    assert agency_item(d, "⇄ Schools").checkState() == Qt.CheckState.Checked
    assert d.quorum_description.startswith("Quorate when every one of these agencies is present: LA, Police, "
                                           "ICB or Schools (a shared seat counts once")
    # an agency already in a seat cannot share another
    select(d, "Schools", "Metropolitan Police")
    assert not ui.shareSeatButton.isEnabled()
    ok(qtbot, d)
    assert save.calls[0][0].quorum_rule == QuorumRule(QuorumKind.ALL_OF, 3, AgencySet.NAMED, (LA, POLICE),
                                                      shared_seats=((ICB, SCHOOLS),))


def test_unticking_an_agency_of_a_seat_or_removing_the_seat_unshares_it(qtbot):
    rule = QuorumRule(QuorumKind.AT_LEAST, 2, AgencySet.NAMED, (LA,), shared_seats=((ICB, SCHOOLS),))
    d, save = quorum_tab(qtbot, rule)
    ui = d.ui
    assert ui.namedSetRadio.isChecked() and ui.sharedSeatList.count() == 1
    assert agency_item(d, "⇄ Schools").checkState() == Qt.CheckState.Checked
    assert d.quorum_description.startswith("Quorate when at least 2 of these agencies are present: LA, ICB or Schools")
    tick(qtbot, d, "⇄ Schools")  # unticked: it leaves the seat, and a seat of one is no longer shared
    assert ui.sharedSeatList.count() == 0 and agency_item(d, "South West London ICB").text() == (
        "South West London ICB (statutory)")
    assert d.quorum_description.startswith("Quorate when at least 2 of these agencies are present: LA, ICB;")
    d.reject()

    d2, save2 = quorum_tab(qtbot, rule)
    assert d2.ui.removeSeatButton.isEnabled()
    qtbot.mouseClick(d2.ui.removeSeatButton, Qt.MouseButton.LeftButton)  # the only seat
    assert d2.ui.sharedSeatList.count() == 0
    ok(qtbot, d2)
    assert save2.calls[0][0].quorum_rule == QuorumRule(QuorumKind.AT_LEAST, 2, AgencySet.NAMED, (LA, ICB, SCHOOLS))


def test_switching_kinds_keeps_the_set_and_a_stored_rule_shows_as_it_was(qtbot):
    rule = QuorumRule(QuorumKind.ALL_AND_AT_LEAST, 2, AgencySet.LEAD_PARTNERS, chair_may_proceed=False)
    d, save = quorum_tab(qtbot, rule)
    ui = d.ui
    assert ui.quorumKindCombo.currentIndex() == 2 and ui.leadSetRadio.isChecked()
    assert ui.mustReconveneRadio.isChecked() and ui.quorumCountSpin.value() == 2
    choose_kind(d, "No quorum")
    choose_kind(d, "At least N")
    assert ui.leadSetRadio.isChecked() and ui.anySetRadio.isEnabled() and not ui.othersUnitCombo.isVisible()
    ok(qtbot, d)
    assert save.calls[0][0].quorum_rule == QuorumRule(QuorumKind.AT_LEAST, 2, AgencySet.LEAD_PARTNERS,
                                                      chair_may_proceed=False)


def test_each_kind_saved_to_a_real_store_and_read_back(qtbot, demo_store):
    s = demo_store.subcommittee()
    names = {a.label: a.id for a in demo_store.agencies()}
    d = open_dialog(qtbot, SubcommitteeDialog(s, demo_store.agencies(), demo_store.members(),
                                              save=demo_store.update_subcommittee))
    d.ui.tabs.setCurrentWidget(d.ui.quorumTab)
    choose_kind(d, "Every agency of a set and at least N others")
    click(qtbot, d.ui.namedSetRadio)
    tick(qtbot, d, "Wandsworth Children's Services")
    tick(qtbot, d, "Metropolitan Police")
    select(d, "NHS South West London Integrated Care Board", "Central London Community Healthcare")
    qtbot.mouseClick(d.ui.shareSeatButton, Qt.MouseButton.LeftButton)
    d.ui.quorumCountSpin.setValue(2)
    ok(qtbot, d)
    saved = demo_store.subcommittee().quorum_rule
    assert saved == QuorumRule(QuorumKind.ALL_AND_AT_LEAST, 2, AgencySet.NAMED,
                               (names["LA Children's Services"], names["Police"]),
                               shared_seats=((names["SWL ICB"], names["CLCH"]),))
    again = open_dialog(qtbot, SubcommitteeDialog(demo_store.subcommittee(), demo_store.agencies(),
                                                  demo_store.members(), save=Recorder()))
    assert again.ui.sharedSeatList.count() == 1 and again.quorum_rule() == saved


def test_the_quorum_tab_fits_a_small_screen(qtbot):
    d = open_dialog(qtbot, SubcommitteeDialog(subcommittee(), AGENCIES, MEMBERS, save=Recorder()))
    screen = d.screen().availableGeometry()
    assert d.height() <= screen.height() and d.width() <= screen.width()
    assert d.ui.quorumScroll.widgetResizable()

"""The register's live quorum panel for the kinds of issue 12, and the chair's decision that lets
some agenda items proceed while others wait, driven through the real window (pytest-qt)."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from mqp_desktop.domain.meetings import ChairDecision, MeetingStatus
from mqp_desktop.domain.quorum import QuorumRule
from mqp_desktop.ui.meetings_models import MeetingsTableModel
from mqp_desktop.ui.pages.quorum_panel import NO_QUORUM_SET, NOT_QUORATE, NOT_YET, QUORATE
from tests.test_gui_meetings import next_meeting, press, register, shown_errors, window  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


def set_rule(window, rule: QuorumRule) -> None:
    store = window.store
    store.update_subcommittee(dataclasses.replace(store.subcommittee(), quorum_rule=rule))
    window.refresh()


def agency_id(window, label: str) -> int:
    return next(a.id for a in window.store.agencies() if a.label == label)


def test_no_quorum_set_reads_so_in_the_panel_and_the_meetings_table(qtbot, window, register):
    set_rule(window, QuorumRule(kind="none"))
    view = register
    panel = view.quorum_panel
    assert panel.state == NO_QUORUM_SET and panel.headline.text() == "○  NO QUORUM SET"
    assert panel.count.text() == "No quorum is set in the Terms of Reference; 0 agencies present"
    press(qtbot, view, "Amara Okafor", Qt.Key.Key_P)
    press(qtbot, view, "DI Mark Ellison", Qt.Key.Key_D)
    assert panel.count.text() == "No quorum is set in the Terms of Reference; 2 agencies present"
    assert "DS Karen Osei, deputy for DI Mark Ellison" in panel.details.text()
    assert "QUORATE" not in panel.headline.text().replace("NO QUORUM SET", "")
    assert panel.quorate and not view.decision_box.isVisibleTo(view)
    page = window.meetings.page
    text = page.model.index(page.model.row_of(view.meeting.id), MeetingsTableModel.COL_QUORATE).data()
    assert text == "○ No quorum set"


def test_a_shared_seat_filled_by_a_deputy_counts_once(qtbot, window, register):
    la, police = agency_id(window, "LA Children's Services"), agency_id(window, "Police")
    icb, clch = agency_id(window, "SWL ICB"), agency_id(window, "CLCH")
    set_rule(window, QuorumRule(kind="all_of", agency_set="named", agency_ids=(la, police), shared_seats=((icb, clch),)))
    view = register
    panel = view.quorum_panel
    assert panel.count.text() == "0 of 3 named seats present (all needed)"
    press(qtbot, view, "Amara Okafor", Qt.Key.Key_P)
    press(qtbot, view, "DI Mark Ellison", Qt.Key.Key_P)
    assert "CLCH or SWL ICB" in panel.details.text() and "any one fills the seat" in panel.details.text()
    press(qtbot, view, "Margaret Ansah", Qt.Key.Key_D)  # CLCH, through her nominated deputy
    assert panel.state == QUORATE and panel.count.text() == "3 of 3 named seats present (all needed)"
    assert "CLCH: Eleanor Wright, deputy for Margaret Ansah" in panel.details.text()
    press(qtbot, view, "Dr Helen Carter", Qt.Key.Key_P)  # the ICB too: still one seat
    assert panel.count.text() == "3 of 3 named seats present (all needed)"
    assert "A shared seat counts once" in panel.details.text()


def test_every_lead_partner_and_others_in_the_panel(qtbot, window, register):
    set_rule(window, QuorumRule(kind="all_and_at_least", agency_set="lead_partners", count=2))
    view = register
    panel = view.quorum_panel
    for name in ("Amara Okafor", "DI Mark Ellison", "Dr Helen Carter"):
        press(qtbot, view, name, Qt.Key.Key_P)
    assert panel.state == NOT_YET
    assert panel.count.text() == "All three lead partners and 0 of 2 other agencies"
    assert "Other agencies (2 needed):</b> ✖ 0" in panel.details.text()
    press(qtbot, view, "Chris Donnelly", Qt.Key.Key_P)  # Priory
    press(qtbot, view, "Bernadette Quinn", Qt.Key.Key_D)  # SWLSTG, through Liam Foster
    assert panel.state == QUORATE
    assert panel.count.text() == "All three lead partners and 2 of 2 other agencies"
    assert "Lead partners (all needed)" in panel.details.text()
    assert "Other agencies (2 needed):</b> ✔ 2 — Priory, SWLSTG" in panel.details.text()


def _inquorate(qtbot, view):
    for name in ("DI Mark Ellison", "DS Karen Osei"):
        press(qtbot, view, name, Qt.Key.Key_A)
    view.window().meetings.everyone_present_action.trigger()


def test_chair_proceeds_with_some_items_waiting_and_undo(qtbot, window, register):
    view = register
    _inquorate(qtbot, view)
    panel, box = view.quorum_panel, view.decision_box
    assert panel.state == NOT_QUORATE and box.isVisibleTo(view)
    assert not box.items.isVisibleTo(view)
    box.proceed.setChecked(True)
    assert box.items.isVisibleTo(view)
    lines = window.store.agendas.agenda(view.meeting.id).lines
    assert box.items.count() == len(lines)
    parent = next(ln for ln in lines if any(o.item.parent_id == ln.item.id for o in lines))
    children = [ln for ln in lines if ln.item.parent_id == parent.item.id]
    row = [ln.item.id for ln in lines].index(parent.item.id)
    box.items.setFocus()
    box.items.setCurrentRow(row)
    qtbot.keyClick(box.items, Qt.Key.Key_Space)  # untick: it waits, with its sub-items
    assert sorted(box.waiting_ids()) == sorted([parent.item.id] + [c.item.id for c in children])
    box.note.setText("Police away: the item waits")
    box.record_button.click()
    meeting = window.store.meetings.get(view.meeting.id)
    assert meeting.chair_decision is ChairDecision.PROCEED and meeting.status is MeetingStatus.HELD
    assert set(meeting.items_waiting) == {parent.item.id, *(c.item.id for c in children)}
    assert f"item{'s' if children else ''} {parent.number}" in box.recorded.text()
    assert "for a quorate meeting" in box.recorded.text()
    page = window.meetings.page
    text = page.model.index(page.model.row_of(meeting.id), MeetingsTableModel.COL_QUORATE).data()
    assert text == "✗ Not quorate — chair: proceeded, some items wait"
    statement = window.store.minutes.draft(meeting.id).quoracy.statement
    assert f"these wait for the next quorate meeting: {parent.number} ({parent.item.title})" in statement

    # the next meeting's register lists the items that waited
    later = [m for m in window.store.meetings.list() if m.date > meeting.date and m.status is MeetingStatus.PLANNED]
    page.show_list()
    assert page.select_meeting(later[0].id)
    window.meetings.take_register_action.trigger()
    assert f"{parent.number} ({parent.item.title})" in view.quorum_panel.details.text()
    assert "Still waiting for a quorate meeting" in view.quorum_panel.details.text()

    window.undo_action.trigger()
    undone = window.store.meetings.get(meeting.id)
    assert undone.chair_decision is None and undone.items_waiting == ()


def test_every_item_waiting_is_a_decision_to_reconvene(qtbot, window, register):
    view = register
    _inquorate(qtbot, view)
    box = view.decision_box
    box.proceed.setChecked(True)
    for r in range(box.items.count()):
        box.items.item(r).setCheckState(Qt.CheckState.Unchecked)
    assert not box.record_button.isEnabled() and "reconvene" in box.record_button.toolTip()
    box.items.item(0).setCheckState(Qt.CheckState.Checked)
    assert box.record_button.isEnabled()
    box.reconvene.setChecked(True)
    assert not box.items.isVisibleTo(view) and box.record_button.isEnabled()


def test_the_minutes_window_marks_the_item_that_waited(qtbot, window):
    from tests.test_gui_minutes import open_minutes, select_item

    store = window.store
    waited = next(m for m in store.meetings.list() if m.items_waiting)  # the demo's inquorate meeting
    view = open_minutes(window, waited.id)
    item = next(i for i in view.minutes.items if i.waits)
    row = [i.item_id for i in view.minutes.items].index(item.item_id)
    assert view.items_model.index(row, 0).data().endswith("(waits for a quorate meeting)")
    select_item(view, item.title)
    assert view.item_title.text().endswith("waits for the next quorate meeting (the chair's decision)")
    assert "these wait for the next quorate meeting" in view.minutes.quoracy.statement
    # the next quorate meeting's minutes list it as taken there
    later = next(m for m in store.meetings.list() if m.date > waited.date and store.meetings.quorum(m.id).result.quorate)
    assert f"{item.number} ({item.title})" in store.minutes.minutes(later.id).quoracy.statement

"""Meetings, registers, quorum per meeting and attendance rates, on a small hand-made fixture.

Every figure below is worked out by hand from the fixture, not by the code under test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import ChairDecision, Guest, Meeting, MeetingKind, MeetingStatus, match_names
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.quorum import QuorumRule
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store
from mqp_desktop.store.seed import seed_from_template
from mqp_desktop.store.sqlite import INTEGRITY_ERRORS

D = dt.date


@pytest.fixture
def fx():
    """Four agencies, five members (one joins mid-year, one leaves), six meetings in 2024."""
    s = Store.in_memory()
    seed_from_template(s, "blank")
    la = s.add_agency(Agency(name="Local authority", short_name="LA", statutory=True))
    icb = s.add_agency(Agency(name="Integrated care board", short_name="ICB", statutory=True))
    police = s.add_agency(Agency(name="Police", statutory=True))
    housing = s.add_agency(Agency(name="Housing"))
    m = {
        "ann": s.add_member(Member(name="Ann Lee", role_title="Head", agency_id=la.id, start_date=D(2023, 1, 1))),
        "bob": s.add_member(Member(name="Bob Ray", role_title="Nurse", agency_id=icb.id, deputy_name="Dee Fox",
                                   start_date=D(2023, 1, 1), email="bob.ray@icb.example.org")),
        "cat": s.add_member(Member(name="DI Cat Mole", role_title="DI", agency_id=police.id, start_date=D(2023, 1, 1))),
        "dan": s.add_member(Member(name="Dan Cole", role_title="Officer", agency_id=housing.id, start_date=D(2024, 5, 1))),
        "eve": s.add_member(Member(name="Eve Hart", role_title="Officer", agency_id=housing.id,
                                   start_date=D(2023, 1, 1), end_date=D(2024, 4, 30))),
    }
    repo = s.meetings
    mt = {
        "m1": repo.add(Meeting(date=D(2024, 2, 6))),
        "m2": repo.add(Meeting(date=D(2024, 4, 2))),
        "m3": repo.add(Meeting(date=D(2024, 6, 4))),
        "m4": repo.add(Meeting(date=D(2024, 8, 6))),
        "m6": repo.add(Meeting(date=D(2024, 10, 8))),
        "m5": repo.add(Meeting(date=D(2025, 1, 14))),
    }
    ids = {k: v.id for k, v in m.items()}
    repo.record_many(mt["m1"].id, {ids["ann"]: (S.PRESENT, None, ""), ids["bob"]: (S.DEPUTY, None, ""),
                                   ids["cat"]: (S.APOLOGIES, None, ""), ids["eve"]: (S.PRESENT, None, "")})
    repo.mark_held(mt["m1"].id)
    repo.cancel(mt["m2"].id, "Clash")
    repo.record_many(mt["m3"].id, {ids["ann"]: (S.PRESENT, None, ""), ids["bob"]: (S.PRESENT, None, ""),
                                   ids["cat"]: (S.ABSENT, None, ""), ids["dan"]: (S.PRESENT, None, "")})
    repo.mark_held(mt["m3"].id)
    repo.record_many(mt["m4"].id, {ids["ann"]: (S.APOLOGIES, None, ""), ids["bob"]: (S.PRESENT, None, ""),
                                   ids["cat"]: (S.PRESENT, None, "")})
    repo.mark_held(mt["m4"].id)
    yield s, ids, {k: v.id for k, v in mt.items()}
    s.close()


def test_register_lists_members_in_post_on_the_day(fx):
    s, ids, mt = fx
    feb = [r.member.id for r in s.meetings.register(mt["m1"])]
    jun = [r.member.id for r in s.meetings.register(mt["m3"])]
    assert ids["eve"] in feb and ids["dan"] not in feb  # Dan joined in May
    assert ids["dan"] in jun and ids["eve"] not in jun  # Eve left in April
    assert len(feb) == len(jun) == 4


def test_deputy_name_defaults_to_the_nominated_deputy(fx):
    s, ids, mt = fx
    assert s.meetings.entries(mt["m1"])[ids["bob"]].deputy_name == "Dee Fox"


def test_deputy_without_a_name_is_refused(fx):
    s, ids, mt = fx
    with pytest.raises(ValidationError, match="Name the deputy"):
        s.meetings.record_attendance(mt["m6"], ids["ann"], S.DEPUTY)


def test_a_member_not_on_the_register_is_refused_and_nothing_is_saved(fx):
    s, ids, mt = fx
    before = len(s.history())
    with pytest.raises(ValidationError, match="not a member on"):
        s.meetings.record_many(mt["m3"], {ids["ann"]: (S.PRESENT, None, ""), ids["eve"]: (S.PRESENT, None, "")})
    assert len(s.history()) == before
    assert s.meetings.entries(mt["m3"])[ids["ann"]].status is S.PRESENT  # unchanged from the fixture


def test_clearing_an_entry_is_recorded(fx):
    s, ids, mt = fx
    s.meetings.record_attendance(mt["m4"], ids["cat"], None)
    assert ids["cat"] not in s.meetings.entries(mt["m4"])
    assert s.history(entity="attendance")[0].action == "cleared"


def test_quorum_of_a_meeting(fx):
    s, ids, mt = fx
    q = s.meetings.quorum(mt["m1"])  # LA present, ICB by deputy, police gave apologies
    assert not q.result.quorate
    assert [a.label for a in q.result.missing] == ["Police"]
    assert q.recorded == q.expected == 4
    assert q.needs_decision
    q4 = s.meetings.quorum(mt["m4"])  # Ann gave apologies: the local authority is missing
    assert not q4.result.quorate and [a.label for a in q4.result.missing] == ["LA"]
    assert not q4.complete  # Dan is not recorded


def test_three_statutory_agencies_only_through_deputies_is_quorate(fx):
    s, ids, mt = fx
    repo = s.meetings
    repo.record_many(mt["m6"], {
        ids["ann"]: (S.DEPUTY, "Ann's deputy", ""),
        ids["bob"]: (S.DEPUTY, None, ""),
        ids["cat"]: (S.DEPUTY, "DS Jay Low", ""),
    })
    q = repo.quorum(mt["m6"])
    assert q.result.quorate
    assert sorted(a.label for a in q.result.counted) == ["ICB", "LA", "Police"]


def test_guests_never_count_and_are_removed_not_deleted(fx):
    s, ids, mt = fx
    guest = s.meetings.add_guest(mt["m6"], Guest("Sam Guest", "Ofsted", "Item 4"))
    s.meetings.record_attendance(mt["m6"], ids["ann"], S.PRESENT)
    assert not s.meetings.quorum(mt["m6"]).result.quorate
    s.meetings.remove_guest(guest.id)
    assert s.meetings.guests(mt["m6"]) == []
    assert s.db.execute("SELECT removed FROM guest WHERE id = ?", [guest.id]).fetchone()[0] == 1


def test_chair_decides_to_proceed_and_the_rule_in_force_is_kept(fx):
    s, ids, mt = fx
    meeting = s.meetings.record_decision(mt["m1"], ChairDecision.PROCEED, "Discussion only")
    assert meeting.chair_decision is ChairDecision.PROCEED and meeting.status is MeetingStatus.HELD
    sc = s.subcommittee()
    sc.quorum_rule = QuorumRule(count=1)
    s.update_subcommittee(sc)
    # a later change to the rule does not rewrite a held meeting's quorum
    assert not s.meetings.quorum(mt["m1"]).result.quorate


def test_deciding_on_a_quorate_meeting_is_refused(fx):
    s, ids, mt = fx
    s.meetings.record_many(mt["m6"], {ids["ann"]: (S.PRESENT, None, ""), ids["bob"]: (S.PRESENT, None, ""),
                                      ids["cat"]: (S.PRESENT, None, "")})
    with pytest.raises(ValidationError, match="is quorate"):
        s.meetings.record_decision(mt["m6"], "proceed")


def test_must_reconvene_rule_refuses_proceed(fx):
    s, ids, mt = fx
    sc = s.subcommittee()
    sc.quorum_rule = QuorumRule(chair_may_proceed=False)
    s.update_subcommittee(sc)
    s.meetings.record_attendance(mt["m6"], ids["ann"], S.PRESENT)
    with pytest.raises(ValidationError, match="must be reconvened"):
        s.meetings.record_decision(mt["m6"], "proceed")


def test_reconvene_links_the_new_meeting(fx):
    s, ids, mt = fx
    s.meetings.record_decision(mt["m1"], "reconvene", "Police absent")
    assert s.meetings.get(mt["m1"]).status is MeetingStatus.RECONVENED
    new = s.meetings.reconvene(mt["m1"], D(2024, 2, 20))
    assert new.replaces_id == mt["m1"] and new.status is MeetingStatus.PLANNED
    summary = {x.meeting.id: x for x in s.meetings.summaries()}
    assert summary[mt["m1"]].replaced_by == [new.id]
    with pytest.raises(ValidationError, match="not reconvened"):
        s.meetings.reconvene(mt["m3"], D(2024, 6, 18))


def test_cancelled_meetings_have_no_register(fx):
    s, ids, mt = fx
    with pytest.raises(ValidationError, match="cancelled"):
        s.meetings.record_attendance(mt["m2"], ids["ann"], S.PRESENT)


def test_meetings_cannot_be_deleted(fx):

    s, ids, mt = fx
    with pytest.raises(INTEGRITY_ERRORS, match="not deleted"):
        s.db.execute("DELETE FROM meeting WHERE id = ?", [mt["m2"]])


def test_edit_times_validated(fx):
    s, ids, mt = fx
    meeting = s.meetings.get(mt["m6"])
    meeting.start_time, meeting.end_time = "2pm", "1:30pm"
    with pytest.raises(ValidationError, match="ends"):
        s.meetings.update(meeting)
    meeting.start_time, meeting.end_time = "2pm", "3.30pm"
    assert (s.meetings.update(meeting).start_time, s.meetings.get(mt["m6"]).end_time) == ("14:00", "15:30")


def test_extraordinary_meeting_and_next_meeting(fx):
    s, ids, mt = fx
    extra = s.meetings.add(Meeting(date=D(2024, 9, 3), kind=MeetingKind.EXTRAORDINARY))
    assert s.meetings.next_meeting(D(2024, 8, 7)).id == extra.id
    assert extra.title == "Extraordinary meeting of 3 September 2024"


# --- attendance report, figures worked out by hand -------------------------------------------
def test_report_per_member(fx):
    s, ids, mt = fx
    report = s.meetings.report(D(2024, 1, 1), D(2024, 12, 31))
    assert [m.id for m in report.meetings] == [mt["m1"], mt["m3"], mt["m4"]]  # not cancelled, not planned
    rows = {r.member.id: r for r in report.members}
    ann, bob, cat, dan, eve = (rows[ids[k]] for k in ("ann", "bob", "cat", "dan", "eve"))
    assert (ann.expected, ann.present, ann.apologies, round(ann.rate, 1), ann.below_standard) == (3, 2, 1, 66.7, True)
    assert (bob.expected, bob.present, bob.deputy, round(bob.rate, 1)) == (3, 2, 1, 66.7)
    assert (cat.present, cat.apologies, cat.absent, round(cat.rate, 1)) == (1, 1, 1, 33.3)
    assert (dan.expected, dan.present, dan.not_recorded, dan.rate, dan.below_standard) == (2, 1, 1, 100.0, False)
    assert (eve.expected, eve.present, eve.rate) == (1, 1, 100.0)
    assert sorted(r.member.name for r in report.members_below_standard) == ["Ann Lee", "Bob Ray", "DI Cat Mole"]


def test_report_counts_deputies_for_the_member_when_set(fx):
    s, ids, mt = fx
    sc = s.subcommittee()
    sc.deputy_counts_for_member = True
    s.update_subcommittee(sc)
    bob = {r.member.id: r for r in s.meetings.report(D(2024, 1, 1), D(2024, 12, 31)).members}[ids["bob"]]
    assert bob.rate == 100.0 and not bob.below_standard


def test_report_per_agency_and_per_meeting(fx):
    s, ids, mt = fx
    report = s.meetings.report(D(2024, 1, 1), D(2024, 12, 31))
    agencies = {a.agency.label: a for a in report.agencies}
    assert (agencies["LA"].expected, agencies["LA"].attended) == (3, 2)
    assert (agencies["ICB"].attended, agencies["ICB"].by_deputy_only, agencies["ICB"].rate) == (3, 1, 100.0)
    assert round(agencies["Police"].rate, 1) == 33.3
    assert (agencies["Housing"].expected, agencies["Housing"].attended) == (3, 2)
    per_meeting = [(p.recorded, p.attended) for p in report.per_meeting]
    assert per_meeting == [(4, 3), (4, 3), (3, 2)]


def test_report_period_limits_the_meetings(fx):
    s, ids, mt = fx
    report = s.meetings.report(D(2024, 5, 1), D(2024, 7, 31))
    assert [m.id for m in report.meetings] == [mt["m3"]]
    assert {r.member.name for r in report.members} == {"Ann Lee", "Bob Ray", "DI Cat Mole", "Dan Cole"}


def test_history_records_meeting_changes(fx):
    s, ids, mt = fx
    actions = [c.action for c in s.history(entity="meeting", entity_id=mt["m2"])]
    assert actions == ["cancelled", "added"]


# --- pasted apologies -------------------------------------------------------------------------
def test_pasted_names_are_matched_and_the_rest_shown_not_guessed(fx):
    s, ids, mt = fx
    members = s.members()
    text = "Ann Lee\nCat Mole\nbob.ray@icb.example.org\nJo Unknown\nLee\n"
    matched, unmatched = match_names(text, members)
    assert [m.name for m in matched] == ["Ann Lee", "DI Cat Mole", "Bob Ray"]
    assert unmatched == ["Jo Unknown", "Lee"]


def test_pasted_names_from_an_email_header_line(fx):
    s, ids, mt = fx
    matched, unmatched = match_names('"Ray, Bob" <bob.ray@icb.example.org>; Dan Cole', s.members())
    assert [m.name for m in matched] == ["Bob Ray", "Dan Cole"] and unmatched == []

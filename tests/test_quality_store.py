"""Audits and inspections in the database (``store.quality``): every change recorded, nothing deleted,
stale edits refused, audit actions in the action log."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil

import pytest

from mqp_desktop.domain.actions import Action, ActionStatus
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.quality import (
    DEFAULT_GRADES,
    Audit,
    AuditCase,
    AuditStatus,
    FollowUp,
    Inspection,
    InspectionState,
    Inspectorate,
    PlanItem,
    PlanStatus,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store, sqlite
from mqp_desktop.store.errors import EditConflict, RecordNotFound
from mqp_desktop.store.quality_demo import FRONT_DOOR_CASES, FRONT_DOOR_TITLE

D = dt.date


@pytest.fixture
def q(store):
    return store.quality


@pytest.fixture
def agencies(store):
    return {a.label: a.id for a in store.agencies()}


@pytest.fixture
def audit(q, agencies):
    return q.add_audit(Audit("Neglect at the front door", theme="Neglect",
                             agency_ids=(agencies["Police"], agencies["LA Children's Services"])))


def grade_id(q, label: str) -> int:
    return q.find_grade(label).id


def history(store, entity: str) -> list:
    return store.history(entity=entity)


# --- the grading scale ---------------------------------------------------------------------------

def test_a_new_database_has_the_default_scale_best_first(q):
    assert [g.label for g in q.grades()] == list(DEFAULT_GRADES)
    assert [g.position for g in q.grades()] == [1, 2, 3, 4]


def test_grades_are_found_by_name_start_or_id(q):
    assert q.find_grade("REQUIRES IMPROVEMENT").label == "Requires improvement"
    assert q.find_grade("req").label == "Requires improvement"
    assert q.find_grade(str(q.grades()[0].id)).label == "Outstanding"
    assert q.find_grade("nothing") is None and q.find_grade("") is None


def test_renaming_a_grade_in_use_renames_it_for_its_cases(store, q, audit, agencies):
    case = q.add_case(AuditCase(audit.id, "MAA-17-C4", agency_id=agencies["Police"], grade_id=grade_id(q, "req")))
    grade = q.find_grade("requires improvement")
    renamed = q.rename_grade(dataclasses.replace(grade, label="Requires improvement to be good"))
    assert renamed.row_version == grade.row_version + 1
    assert q.grade(q.case(case.id).grade_id).label == "Requires improvement to be good"
    assert q.grade_summary(audit.id).as_text() == "Requires improvement to be good 1"
    entry = history(store, "audit_grade")[0]
    assert entry.action == "renamed" and "1 case graded with it" in entry.summary
    with pytest.raises(ValidationError, match="already a grade"):
        q.rename_grade(dataclasses.replace(q.find_grade("good"), label="outstanding"))


def test_a_grade_in_use_cannot_be_removed_only_renamed(store, q, audit, agencies):
    q.add_case(AuditCase(audit.id, "MAA-1", agency_id=agencies["Police"], grade_id=grade_id(q, "good")))
    with pytest.raises(ValidationError, match="in use cannot be removed.*Rename it"):
        q.remove_grade(grade_id(q, "good"))
    assert "Good" in [g.label for g in q.grades()]
    # an unused one can: it leaves the scale, and is kept
    outstanding = q.find_grade("outstanding")
    q.remove_grade(outstanding.id)
    assert [g.label for g in q.grades()] == ["Good", "Requires improvement", "Inadequate"]
    assert q.grade(outstanding.id).removed
    with pytest.raises(ValidationError, match="no longer on the grading scale"):
        q.add_case(AuditCase(audit.id, "MAA-2", agency_id=agencies["Police"], grade_id=outstanding.id))
    # adding it again puts the same grade back, at the end
    back = q.add_grade("outstanding")
    assert back.id == outstanding.id and not back.removed and q.grades()[-1].id == outstanding.id
    assert [c.action for c in history(store, "audit_grade")][:2] == ["put back", "removed"]


def test_a_grade_used_only_by_withdrawn_cases_can_be_removed(q, audit, agencies):
    case = q.add_case(AuditCase(audit.id, "MAA-1", agency_id=agencies["Police"], grade_id=grade_id(q, "inad")))
    q.withdraw_case(case.id, "entered twice")
    q.remove_grade(grade_id(q, "inad"))
    assert "Inadequate" not in [g.label for g in q.grades()]


def test_the_scale_keeps_at_least_one_grade(q):
    for g in q.grades()[:-1]:
        q.remove_grade(g.id)
    with pytest.raises(ValidationError, match="at least one grade"):
        q.remove_grade(q.grades()[0].id)


def test_grades_move_up_and_down_the_scale(store, q):
    added = q.add_grade("Not applicable")
    assert q.grades()[-1].label == "Not applicable"
    scale = q.move_grade(added.id, -2)
    assert [g.label for g in scale] == ["Outstanding", "Good", "Not applicable", "Requires improvement", "Inadequate"]
    assert [g.position for g in scale] == [1, 2, 3, 4, 5]
    assert q.move_grade(scale[0].id, -1) == scale  # already at the top
    assert history(store, "audit_grade")[0].action == "moved"


# --- audits --------------------------------------------------------------------------------------

def test_an_audit_is_added_and_recorded(store, q, audit, agencies):
    assert audit.row_version == 1 and audit.status is AuditStatus.PLANNED
    assert set(audit.agency_ids) == {agencies["Police"], agencies["LA Children's Services"]}
    entry = history(store, "audit")[0]
    assert entry.action == "added" and entry.summary == "Audit added: Neglect at the front door"
    assert sorted(entry.changes["agency_ids"][1]) == sorted(audit.agency_ids)
    assert q.find_audit("neglect at the FRONT door").id == audit.id
    assert q.find_audit(str(audit.id)).id == audit.id


def test_editing_an_audit_raises_its_version_and_records_what_changed(store, q, audit):
    audit.started, audit.findings = D(2026, 3, 2), "Thresholds applied consistently."
    saved = q.update_audit(audit)
    assert saved.row_version == 2 and saved.status is AuditStatus.IN_PROGRESS
    entry = history(store, "audit")[0]
    assert entry.changes == {"started": [None, "2026-03-02"], "findings": ["", "Thresholds applied consistently."]}
    assert q.update_audit(saved).row_version == 2  # nothing changed: nothing written


def test_changing_only_the_agencies_is_a_new_version_too(store, q, audit, agencies):
    audit.agency_ids = (*audit.agency_ids, agencies["CLCH"])
    saved = q.update_audit(audit)
    assert saved.row_version == 2 and agencies["CLCH"] in saved.agency_ids
    assert "agency_ids" in history(store, "audit")[0].changes
    saved.agency_ids = (agencies["Police"],)
    again = q.update_audit(saved)
    assert again.agency_ids == (agencies["Police"],)
    # taking part again restores the same link
    again.agency_ids = (agencies["Police"], agencies["CLCH"])
    assert set(q.update_audit(again).agency_ids) == {agencies["Police"], agencies["CLCH"]}


def test_an_agency_with_cases_stays_taking_part(q, audit, agencies):
    q.add_case(AuditCase(audit.id, "MAA-1", agency_id=agencies["Police"]))
    audit.agency_ids = (agencies["LA Children's Services"],)
    with pytest.raises(ValidationError, match="Police has 1 case in this audit"):
        q.update_audit(audit)
    assert agencies["Police"] in q.audit(audit.id).agency_ids


def test_reporting_an_audit_takes_the_meetings_date(store, q, audit):
    meeting = store.meetings.add(Meeting(date=D(2026, 5, 12)))
    audit.reported_meeting_id = meeting.id
    saved = q.update_audit(audit)
    assert saved.reported_on == D(2026, 5, 12) and saved.status is AuditStatus.REPORTED
    cancelled = store.meetings.cancel(store.meetings.add(Meeting(date=D(2026, 7, 14))).id, "no room")
    saved.reported_meeting_id, saved.reported_on = cancelled.id, None
    with pytest.raises(ValidationError, match="was cancelled"):
        q.update_audit(saved)


def test_an_audit_is_cancelled_with_a_reason_never_deleted(store, q, audit):
    with pytest.raises(ValidationError, match="why"):
        q.cancel_audit(audit.id, "  ")
    cancelled = q.cancel_audit(audit.id, "Merged into the exploitation audit", D(2026, 4, 1))
    assert cancelled.status is AuditStatus.CANCELLED and cancelled.cancel_reason == "Merged into the exploitation audit"
    assert history(store, "audit")[0].summary.startswith("Audit cancelled: Neglect at the front door — Merged")
    with pytest.raises(ValidationError, match="already cancelled"):
        q.cancel_audit(audit.id, "again")
    with pytest.raises(ValidationError, match="cancelled"):
        q.add_case(AuditCase(audit.id, "MAA-1"))
    assert q.reinstate_audit(audit.id).status is AuditStatus.PLANNED
    with pytest.raises(sqlite.INTEGRITY_ERRORS, match="not deleted"):
        store.db.execute("DELETE FROM audit WHERE id = ?", [audit.id])


# --- cases ---------------------------------------------------------------------------------------

def test_a_case_is_added_by_reference_and_graded(store, q, audit, agencies):
    case = q.add_case(AuditCase(audit.id, " MAA-17-C4 ", agency_id=agencies["Police"]))
    assert case.reference == "MAA-17-C4" and case.grade_id is None and case.row_version == 1
    graded = q.grade_case(case.id, grade_id(q, "good"), version=case.row_version)
    assert graded.grade_id == grade_id(q, "good") and graded.row_version == 2
    entry = history(store, "audit_case")[0]
    assert entry.action == "graded" and entry.summary == "Case MAA-17-C4 (Police) graded Good"
    regraded = q.grade_case(case.id, grade_id(q, "inad"), version=graded.row_version)
    assert history(store, "audit_case")[0].summary == "Case MAA-17-C4 (Police) graded Inadequate (was Good)"
    assert q.grade_summary(audit.id).count_of(regraded.grade_id) == 1


def test_a_name_is_refused_as_a_case_reference_and_nothing_is_saved(store, q, audit, agencies):
    for name in ("Jayden Smith", "J. Smith", "Smith, Jayden", "baby Smith"):
        with pytest.raises(ValidationError) as caught:
            q.add_case(AuditCase(audit.id, name, agency_id=agencies["Police"]))
        assert caught.value.field == "reference" and "LCSPR-2024-03" in caught.value.message
    assert q.cases(audit.id) == [] and history(store, "audit_case") == []
    case = q.add_case(AuditCase(audit.id, "MAA-1", agency_id=agencies["Police"]))
    case.reference = "Jayden Smith"
    with pytest.raises(ValidationError):
        q.update_case(case)
    assert q.case(case.id).reference == "MAA-1"


def test_a_case_is_graded_by_an_agency_taking_part(q, audit, agencies):
    with pytest.raises(ValidationError, match="CLCH is not taking part"):
        q.add_case(AuditCase(audit.id, "MAA-1", agency_id=agencies["CLCH"]))
    overall = q.add_case(AuditCase(audit.id, "MAA-1"))  # the audit overall
    assert overall.agency_id is None


def test_one_row_per_case_and_agency_until_withdrawn(store, q, audit, agencies):
    police = agencies["Police"]
    first = q.add_case(AuditCase(audit.id, "MAA-1", agency_id=police))
    q.add_case(AuditCase(audit.id, "MAA-1", agency_id=agencies["LA Children's Services"]))
    with pytest.raises(ValidationError, match="already in this audit for Police"):
        q.add_case(AuditCase(audit.id, "maa-1", agency_id=police))
    withdrawn = q.withdraw_case(first.id, "entered against the wrong agency")
    assert withdrawn.withdrawn and history(store, "audit_case")[0].action == "withdrawn"
    again = q.add_case(AuditCase(audit.id, "MAA-1", agency_id=police))
    assert again.id != first.id
    assert first.id in [c.id for c in q.cases(audit.id, include_withdrawn=True)]
    assert first.id not in [c.id for c in q.cases(audit.id)]
    with pytest.raises(sqlite.INTEGRITY_ERRORS):  # the database refuses a second live row too
        store.db.execute("UPDATE audit_case SET withdrawn_on = NULL, withdrawn_reason = '' WHERE id = ?", [first.id])


def test_the_grade_summary_of_an_audit(q, audit, agencies):
    police, la = agencies["Police"], agencies["LA Children's Services"]
    for ref, agency, grade in (("A-1", police, "good"), ("A-1", la, "good"), ("A-2", la, "inad"),
                               ("A-3", police, None)):
        q.add_case(AuditCase(audit.id, ref, agency_id=agency, grade_id=grade_id(q, grade) if grade else None))
    summary = q.grade_summary(audit.id)
    assert (summary.cases, summary.gradings, summary.not_graded) == (3, 4, 1)
    assert summary.as_text() == "Good 2, Inadequate 1; 1 not graded"
    assert q.summaries()[audit.id] == summary


def test_a_cases_owner_never_changes_even_by_hand(store, q, audit, agencies):
    case = q.add_case(AuditCase(audit.id, "MAA-1", agency_id=agencies["Police"]))
    other = q.add_audit(Audit("Another"))
    with pytest.raises(sqlite.INTEGRITY_ERRORS, match="cannot be changed"):
        store.db.execute("UPDATE audit_case SET audit_id = ? WHERE id = ?", [other.id, case.id])
    with pytest.raises(sqlite.INTEGRITY_ERRORS, match="not deleted"):
        store.db.execute("DELETE FROM audit_case WHERE id = ?", [case.id])
    with pytest.raises(sqlite.INTEGRITY_ERRORS):
        store.db.execute("UPDATE audit_case SET reference = 'a@b.c' WHERE id = ?", [case.id])


# --- audit actions: in the action log ---------------------------------------------------------------

@pytest.fixture
def reported(store, q, audit):
    meeting = store.meetings.add(Meeting(date=D(2026, 5, 12)))
    store.meetings.mark_held(meeting.id)
    audit.reported_meeting_id = meeting.id
    return q.update_audit(audit), meeting


def test_an_audit_action_is_an_action_of_the_action_log_pointing_at_its_audit(store, q, reported):
    audit, meeting = reported
    action = q.add_action(audit.id, Action(meeting_id=None, description="Invite health visitors to strategy "
                                           "discussions", owner_name="Joanne Price", due_date=D(2026, 7, 1)))
    assert action.number == "2026-05/1" and action.meeting_id == meeting.id
    assert [a.id for a in store.minutes.actions()] == [action.id]  # in the one action log
    assert [a.id for a in q.actions(audit.id)] == [action.id]
    assert q.audit_of_action(action.id) == audit.id and q.action_counts() == {audit.id: (1, 1)}
    assert history(store, "action")[0].summary.startswith("Action 2026-05/1 added")
    assert history(store, "audit")[0].action == "action added"
    # it is updated and closed like any action
    store.minutes.update_action_status(action.id, ActionStatus.DONE, meeting.id, "Invitations sent")
    assert q.action_counts() == {audit.id: (1, 0)}
    # and it shows in the minutes of the meeting it came from
    minutes = store.minutes.minutes(meeting.id)
    assert "Invite health visitors to strategy discussions" in [a.description for a in minutes.general_actions]


def test_an_audit_action_needs_a_meeting(store, q, audit):
    with pytest.raises(ValidationError, match="not been reported to a meeting"):
        q.add_action(audit.id, Action(meeting_id=None, description="x", owner_name="Jo"))
    assert store.minutes.actions() == []
    meeting = store.meetings.add(Meeting(date=D(2026, 6, 9)))
    action = q.add_action(audit.id, Action(meeting_id=meeting.id, description="x", owner_name="Jo"))
    assert action.meeting_id == meeting.id


def test_an_audit_action_is_refused_when_that_meetings_minutes_are_signed(store, q, reported):
    audit, meeting = reported
    store.minutes.draft(meeting.id)
    store.minutes.sign(meeting.id, "Dr Helen Carter", D(2026, 5, 12))
    with pytest.raises(ValidationError, match="locked"):
        q.add_action(audit.id, Action(meeting_id=None, description="x", owner_name="Jo"))
    assert q.actions(audit.id) == [] and store.db.execute("SELECT count(*) FROM audit_action").fetchone()[0] == 0


# --- inspections ---------------------------------------------------------------------------------

@pytest.fixture
def inspection(q, agencies):
    return q.add_inspection(Inspection(agency_id=agencies["LA Children's Services"], inspectorate=Inspectorate.OFSTED,
                                       inspection_type="ILACS standard inspection", inspected_from=D(2026, 1, 12),
                                       inspected_to=D(2026, 1, 23), published=D(2026, 3, 2), judgement="Good"))


def test_an_inspection_is_added_edited_and_withdrawn_with_a_reason(store, q, inspection):
    assert history(store, "inspection")[0].summary == ("Inspection added: Ofsted ILACS standard inspection of "
                                                       "LA Children's Services Mar 2026")
    inspection.key_findings = "Help and protection: good."
    saved = q.update_inspection(inspection)
    assert saved.row_version == 2 and history(store, "inspection")[0].changes == {
        "key_findings": ["", "Help and protection: good."]}
    with pytest.raises(ValidationError, match="Say why"):
        q.withdraw_inspection(saved.id, "")
    withdrawn = q.withdraw_inspection(saved.id, "Recorded twice")
    assert withdrawn.withdrawn and q.inspection_rows()[0].state is InspectionState.WITHDRAWN
    with pytest.raises(ValidationError, match="withdrawn"):
        q.add_plan_item(PlanItem(saved.id, "x"))
    assert not q.reinstate_inspection(saved.id).withdrawn
    with pytest.raises(sqlite.INTEGRITY_ERRORS, match="not deleted"):
        store.db.execute("DELETE FROM inspection")


def test_an_action_plan_with_due_and_overdue_items(store, q, inspection):
    today = D(2026, 6, 15)
    done = q.add_plan_item(PlanItem(inspection.id, "Relaunch the CIN plan template", owner="Head of Service",
                                    due=D(2026, 4, 30)))
    late = q.add_plan_item(PlanItem(inspection.id, "Return interviews within 72 hours", due=D(2026, 6, 1)))
    q.add_plan_item(PlanItem(inspection.id, "Audit twenty CIN plans", due=D(2026, 7, 1)))
    q.add_plan_item(PlanItem(inspection.id, "Train team managers", due=D(2026, 12, 1)))
    q.complete_plan_item(done.id, D(2026, 4, 28), "Relaunched at the practice week")
    assert [p.state(today).value for p in q.plan(inspection.id)] == ["done", "overdue", "due soon", "open"]
    assert [p.id for p in q.overdue_plan_items(today)] == [late.id]
    row = q.inspection_rows(today)[0]
    assert (row.counts.total, row.counts.overdue, row.counts.due_soon, row.counts.done) == (4, 1, 1, 1)
    assert row.state is InspectionState.PLAN_OVERDUE
    item = q.plan_item(done.id)
    assert item.notes == "Relaunched at the practice week" and item.closed_on == D(2026, 4, 28)
    assert history(store, "inspection_plan_item")[0].action == "done"
    with pytest.raises(ValidationError, match="already done"):
        q.complete_plan_item(done.id)
    # dropping needs a reason, here and in the database
    late.status, late.closed_on = PlanStatus.DROPPED, today
    with pytest.raises(ValidationError, match="why"):
        q.update_plan_item(late)
    with pytest.raises(sqlite.INTEGRITY_ERRORS):
        store.db.execute("UPDATE inspection_plan_item SET status = 'dropped', closed_on = '2026-06-15' WHERE id = ?",
                         [late.id])


def test_a_review_at_a_meeting_sets_the_follow_up_in_the_same_step(store, q, inspection):
    meeting = store.meetings.add(Meeting(date=D(2026, 5, 12)))
    assert q.inspection_rows(D(2026, 5, 1))[0].state is InspectionState.AWAITING_REVIEW
    review = q.add_review(inspection.id, meeting.id, note="Plan on track", follow_up=FollowUp.MONITORING,
                          next_review=D(2026, 9, 8))
    assert review.reviewed_on == D(2026, 5, 12)
    stored = q.inspection(inspection.id)
    assert stored.follow_up is FollowUp.MONITORING and stored.next_review == D(2026, 9, 8)
    assert [r.note for r in q.reviews(inspection.id)] == ["Plan on track"]
    assert q.inspection_rows(D(2026, 6, 1))[0].state is InspectionState.MONITORING
    assert q.inspection_rows(D(2026, 9, 9))[0].state is InspectionState.REVIEW_DUE
    assert [c.entity for c in store.history(limit=2)] == ["inspection", "inspection_review"]
    with pytest.raises(sqlite.INTEGRITY_ERRORS, match="add another"):
        store.db.execute("UPDATE inspection_review SET note = 'changed'")


def test_unknown_records_are_named(q):
    for call in (lambda: q.audit(99), lambda: q.case(99), lambda: q.inspection(99), lambda: q.plan_item(99),
                 lambda: q.grade(99)):
        with pytest.raises(RecordNotFound):
            call()


# --- two copies of the program ---------------------------------------------------------------------

@pytest.fixture
def two(demo_db, tmp_path):
    path = tmp_path / "shared.sqlite"
    shutil.copy(demo_db, path)
    a, b = Store.open(path), Store.open(path)
    b.user, b.host = "sam", "LAPTOP-2"
    yield a, b
    a.close()
    b.close()


def test_a_stale_audit_edit_is_refused_and_the_other_copys_change_stands(two):
    a, b = two
    mine = a.quality.find_audit(FRONT_DOOR_TITLE)
    theirs = b.quality.audit(mine.id)
    theirs.learning = "Chronologies need an owner."
    b.quality.update_audit(theirs)
    mine.notes = "Sample chosen at random."
    with pytest.raises(EditConflict) as caught:
        a.quality.update_audit(mine)
    exc = caught.value
    assert exc.changed_by == "sam on LAPTOP-2" and "not saved" in exc.message
    assert {d.field for d in exc.differences} == {"learning", "notes"}
    stored = a.quality.audit(mine.id)
    assert stored.learning == "Chronologies need an owner." and stored.notes == theirs.notes


def test_a_stale_grade_is_refused(two):
    a, b = two
    audit = a.quality.find_audit(FRONT_DOOR_TITLE)
    mine = a.quality.cases(audit.id)[0]
    b.quality.grade_case(mine.id, b.quality.find_grade("outstanding").id, version=mine.row_version)
    with pytest.raises(EditConflict) as caught:
        a.quality.grade_case(mine.id, a.quality.find_grade("inadequate").id, version=mine.row_version)
    grade = next(d for d in caught.value.differences if d.field == "grade_id")
    assert (grade.yours, grade.stored) == ("Inadequate", "Outstanding")
    assert a.quality.grade(a.quality.case(mine.id).grade_id).label == "Outstanding"


def test_stale_inspection_and_plan_item_edits_are_refused(two):
    a, b = two
    mine = a.quality.inspections()[0]
    theirs = b.quality.inspection(mine.id)
    theirs.judgement = "Outstanding"
    b.quality.update_inspection(theirs)
    mine.lessons = "More."
    with pytest.raises(EditConflict):
        a.quality.update_inspection(mine)
    assert a.quality.inspection(mine.id).lessons == theirs.lessons
    item = next(p for p in a.quality.plan(mine.id) if not p.status.closed)
    b.quality.complete_plan_item(item.id)
    item.owner = "Someone else"
    with pytest.raises(EditConflict):
        a.quality.update_plan_item(item)
    assert a.quality.plan_item(item.id).status is PlanStatus.DONE


def test_a_stale_grade_rename_is_refused(two):
    a, b = two
    mine = a.quality.find_grade("good")
    b.quality.rename_grade(dataclasses.replace(b.quality.find_grade("good"), label="Good practice"))
    with pytest.raises(EditConflict):
        a.quality.rename_grade(dataclasses.replace(mine, label="Good enough"))
    assert a.quality.grade(mine.id).label == "Good practice"


# --- the demo ----------------------------------------------------------------------------------------

def test_the_demo_holds_a_graded_audit_with_actions_and_two_inspections(demo_store):
    q = demo_store.quality
    front = q.find_audit(FRONT_DOOR_TITLE)
    assert front.status is AuditStatus.REPORTED
    summary = q.grade_summary(front.id)
    assert summary.gradings == len(FRONT_DOOR_CASES) == 8 and summary.not_graded == 0
    assert len(q.actions(front.id)) == 2
    assert all(a.meeting_id == front.reported_meeting_id for a in q.actions(front.id))
    assert front.findings and front.learning
    assert {a.status for a in q.audits()} >= {AuditStatus.REPORTED, AuditStatus.IN_PROGRESS, AuditStatus.PLANNED}
    rows = q.inspection_rows()
    assert len(rows) == 2 and all(r.counts.total >= 3 for r in rows)
    assert len(q.overdue_plan_items()) == 1
    assert {r.inspection.inspectorate for r in rows} == {Inspectorate.OFSTED, Inspectorate.HMICFRS}
    for audit in q.audits():
        for case in q.cases(audit.id):
            assert any(ch.isdigit() for ch in case.reference)

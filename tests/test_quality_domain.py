"""Audits and inspections in plain Python: derived statuses, validation messages, grade summaries."""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain.quality import (
    DUE_SOON_DAYS,
    Audit,
    AuditCase,
    AuditKind,
    AuditStatus,
    FollowUp,
    Grade,
    Inspection,
    InspectionReview,
    InspectionState,
    Inspectorate,
    PlanItem,
    PlanState,
    PlanStatus,
    clean_grade_label,
    grade_summary,
    inspection_state,
    parse_audit_kind,
    parse_follow_up,
    parse_inspectorate,
    parse_plan_status,
    plan_counts,
    validate_audit,
    validate_case,
    validate_inspection,
    validate_plan_item,
)
from mqp_desktop.domain.validation import ValidationError

D = dt.date
TODAY = D(2026, 6, 15)


# --- audits -------------------------------------------------------------------------------------

def test_an_audits_status_follows_its_dates_and_cancellation():
    audit = Audit("Neglect")
    assert audit.status is AuditStatus.PLANNED
    audit.started = D(2026, 3, 1)
    assert audit.status is AuditStatus.IN_PROGRESS
    audit.completed = D(2026, 4, 1)
    assert audit.status is AuditStatus.COMPLETED
    audit.reported_meeting_id = 7
    assert audit.status is AuditStatus.REPORTED
    audit.cancelled_on, audit.cancel_reason = D(2026, 5, 1), "merged"
    assert audit.status is AuditStatus.CANCELLED


def test_an_audit_is_late_when_its_planned_date_passed_and_it_has_not_started():
    audit = Audit("Neglect", planned=D(2026, 6, 1))
    assert audit.is_late(TODAY) and not audit.is_late(D(2026, 6, 1))
    audit.started = D(2026, 6, 10)
    assert not audit.is_late(TODAY)
    assert not Audit("No date").is_late(TODAY)


def test_validating_an_audit_tidies_it():
    audit = validate_audit(Audit("  Neglect   at the  front door ", theme=" Neglect ", agency_ids=(3, 1, 3),
                                 findings="  one\n\ntwo  ", kind="organisational"))
    assert audit.title == "Neglect at the front door" and audit.theme == "Neglect"
    assert audit.agency_ids == (3, 1) and audit.findings == "one\n\ntwo" and audit.kind is AuditKind.ORGANISATIONAL


@pytest.mark.parametrize(("audit", "field", "words"), [
    (Audit(""), "title", "no title"),
    (Audit("A\nB"), "title", "line break"),
    (Audit("A", lead_member_id=1, lead_agency_id=2), "lead", "not both"),
    (Audit("A", completed=D(2026, 1, 1)), "started", "no started date"),
    (Audit("A", started=D(2026, 2, 1), completed=D(2026, 1, 1)), "completed", "before it started"),
    (Audit("A", reported_on=D(2026, 1, 1)), "reported_meeting", "meeting it was reported to"),
    (Audit("A", cancelled_on=D(2026, 1, 1)), "cancel_reason", "reason"),
    (Audit("A", cancel_reason="why"), "cancel_reason", "date"),
])
def test_an_invalid_audit_is_refused_naming_the_field(audit, field, words):
    with pytest.raises(ValidationError) as caught:
        validate_audit(audit)
    assert caught.value.field == field and words in caught.value.message


def test_kinds_of_audit_are_read_from_plain_words():
    assert parse_audit_kind("Practice/learning") is AuditKind.PRACTICE
    assert parse_audit_kind("learning") is AuditKind.PRACTICE
    assert parse_audit_kind("organizational") is AuditKind.ORGANISATIONAL
    assert parse_audit_kind("Other") is AuditKind.OTHER
    with pytest.raises(ValidationError, match="practice"):
        parse_audit_kind("thematic")


def test_a_cases_reference_is_checked():
    assert validate_case(AuditCase(1, " MAA-17-C4 ")).reference == "MAA-17-C4"
    with pytest.raises(ValidationError, match="forename and a surname"):
        validate_case(AuditCase(1, "Jayden Smith"))
    with pytest.raises(ValidationError) as caught:
        validate_case(AuditCase(1, "MAA-1", withdrawn_on=D(2026, 1, 1)))
    assert caught.value.field == "withdrawn_reason"


# --- the grading scale and the summary ----------------------------------------------------------

SCALE = [Grade("Outstanding", 1, id=1), Grade("Good", 2, id=2), Grade("Requires improvement", 3, id=3),
         Grade("Inadequate", 4, id=4), Grade("Old grade", 5, removed=True, id=5)]


def test_the_grade_summary_counts_each_grade_best_first_and_leaves_withdrawn_cases_out():
    cases = [AuditCase(1, "A-1", agency_id=1, grade_id=2), AuditCase(1, "A-1", agency_id=2, grade_id=3),
             AuditCase(1, "A-2", agency_id=1, grade_id=3), AuditCase(1, "a-2", agency_id=2, grade_id=None),
             AuditCase(1, "A-3", agency_id=1, grade_id=4),
             AuditCase(1, "A-4", grade_id=1, withdrawn_on=D(2026, 1, 1), withdrawn_reason="twice")]
    summary = grade_summary(cases, SCALE)
    assert [(c.grade.label, c.count) for c in summary.counts] == [
        ("Outstanding", 0), ("Good", 1), ("Requires improvement", 2), ("Inadequate", 1)]
    assert (summary.gradings, summary.graded, summary.not_graded, summary.cases) == (5, 4, 1, 3)
    assert summary.count_of(3) == 2 and summary.count_of(1) == 0
    assert summary.as_text() == "Good 1, Requires improvement 2, Inadequate 1; 1 not graded"


def test_a_removed_grade_still_in_use_is_counted_and_shown():
    summary = grade_summary([AuditCase(1, "A-1", grade_id=5)], SCALE)
    assert [c.grade.label for c in summary.counts][-1] == "Old grade" and summary.count_of(5) == 1
    assert grade_summary([], SCALE).as_text() == "none graded"


def test_a_grade_not_given_is_a_bug_not_a_silent_zero():
    with pytest.raises(ValueError):
        grade_summary([AuditCase(1, "A-1", grade_id=99)], SCALE)


def test_a_grades_name_is_one_line_unique_and_short():
    assert clean_grade_label("  Requires   improvement ") == "Requires improvement"
    with pytest.raises(ValidationError, match="already a grade"):
        clean_grade_label("good", ["Good"])
    with pytest.raises(ValidationError, match="no name"):
        clean_grade_label(" ")
    with pytest.raises(ValidationError, match="at most 40"):
        clean_grade_label("x" * 41)


# --- inspections --------------------------------------------------------------------------------

def test_inspectorates_and_follow_up_are_read_from_plain_words():
    assert parse_inspectorate("ofsted") is Inspectorate.OFSTED
    assert parse_inspectorate("probation") is Inspectorate.HMI_PROBATION
    assert parse_inspectorate("JTAI") is Inspectorate.JTAI
    assert Inspectorate.JTAI.short == "JTAI"
    with pytest.raises(ValidationError, match="not an inspectorate"):
        parse_inspectorate("the council")
    assert parse_follow_up("monitor") is FollowUp.MONITORING
    assert parse_follow_up("to review") is FollowUp.TO_REVIEW
    assert parse_plan_status("in-progress") is PlanStatus.IN_PROGRESS
    with pytest.raises(ValidationError):
        parse_plan_status("finished")


@pytest.mark.parametrize(("inspection", "field"), [
    (Inspection(1, Inspectorate.OTHER), "inspectorate_name"),
    (Inspection(1, Inspectorate.OFSTED, inspected_from=D(2026, 2, 1), inspected_to=D(2026, 1, 1)), "inspected_to"),
    (Inspection(1, Inspectorate.OFSTED, inspected_from=D(2026, 2, 1), published=D(2026, 1, 1)), "published"),
    (Inspection(1, Inspectorate.OFSTED, withdrawn_on=D(2026, 1, 1)), "withdrawn_reason"),
    (Inspection(1, Inspectorate.OFSTED, judgement="Good\nmostly"), "judgement"),
])
def test_an_invalid_inspection_is_refused_naming_the_field(inspection, field):
    with pytest.raises(ValidationError) as caught:
        validate_inspection(inspection)
    assert caught.value.field == field


def test_validating_an_inspection_tidies_it():
    i = validate_inspection(Inspection(1, Inspectorate.CQC, inspectorate_name="ignored", inspected_to=D(2026, 1, 9)))
    assert i.inspectorate_name == "" and i.inspected_from == D(2026, 1, 9)
    assert validate_inspection(Inspection(1, "other", inspectorate_name=" Ofqual ")).inspectorate_label == "Ofqual"


def test_an_action_plan_items_state_is_derived_from_its_status_and_due_date():
    def state(due, status=PlanStatus.OPEN):
        return PlanItem(1, "x", due=due, status=status, closed_on=TODAY if status.closed else None).state(TODAY)

    assert state(TODAY - dt.timedelta(days=1)) is PlanState.OVERDUE
    assert state(TODAY - dt.timedelta(days=1), PlanStatus.IN_PROGRESS) is PlanState.OVERDUE
    assert state(TODAY) is PlanState.DUE_SOON  # due today is not yet overdue
    assert state(TODAY + dt.timedelta(days=DUE_SOON_DAYS)) is PlanState.DUE_SOON
    assert state(TODAY + dt.timedelta(days=DUE_SOON_DAYS + 1)) is PlanState.OPEN
    assert state(TODAY + dt.timedelta(days=90), PlanStatus.IN_PROGRESS) is PlanState.IN_PROGRESS
    assert state(None) is PlanState.OPEN
    assert state(TODAY - dt.timedelta(days=30), PlanStatus.DONE) is PlanState.DONE
    assert state(TODAY - dt.timedelta(days=30), PlanStatus.DROPPED) is PlanState.DROPPED
    late = PlanItem(1, "x", due=TODAY - dt.timedelta(days=12))
    assert late.days_overdue(TODAY) == 12 and PlanItem(1, "x").days_overdue(TODAY) == 0


def test_a_plan_item_done_or_dropped_says_when_and_dropped_says_why():
    with pytest.raises(ValidationError) as caught:
        validate_plan_item(PlanItem(1, "x", status=PlanStatus.DONE))
    assert caught.value.field == "closed_on"
    with pytest.raises(ValidationError) as caught:
        validate_plan_item(PlanItem(1, "x", status=PlanStatus.DROPPED, closed_on=TODAY))
    assert caught.value.field == "notes"
    with pytest.raises(ValidationError, match="says nothing"):
        validate_plan_item(PlanItem(1, "  "))
    reopened = validate_plan_item(PlanItem(1, "x", status=PlanStatus.OPEN, closed_on=TODAY))
    assert reopened.closed_on is None


def test_plan_counts():
    items = [PlanItem(1, "a", due=TODAY - dt.timedelta(days=3)), PlanItem(1, "b", due=TODAY + dt.timedelta(days=3)),
             PlanItem(1, "c", status=PlanStatus.DONE, closed_on=TODAY), PlanItem(1, "d")]
    counts = plan_counts(items, TODAY)
    assert (counts.total, counts.open, counts.overdue, counts.due_soon, counts.done) == (4, 3, 1, 1, 1)


def test_an_inspections_state_is_the_most_pressing_thing_about_it():
    published = Inspection(1, Inspectorate.OFSTED, published=D(2026, 3, 1))
    review = [InspectionReview(1, 5, D(2026, 4, 1))]
    overdue = [PlanItem(1, "x", due=D(2026, 5, 1))]
    assert inspection_state(published, [], [], TODAY) is InspectionState.AWAITING_REVIEW
    assert inspection_state(published, overdue, review, TODAY) is InspectionState.PLAN_OVERDUE
    assert inspection_state(published, [], review, TODAY) is InspectionState.TO_REVIEW
    monitoring = Inspection(1, Inspectorate.OFSTED, published=D(2026, 3, 1), follow_up=FollowUp.MONITORING,
                            next_review=D(2026, 9, 1))
    assert inspection_state(monitoring, [], review, TODAY) is InspectionState.MONITORING
    assert inspection_state(monitoring, [], review, D(2026, 9, 2)) is InspectionState.REVIEW_DUE
    closed = Inspection(1, Inspectorate.OFSTED, follow_up=FollowUp.CLOSED)
    assert inspection_state(closed, overdue, [], TODAY) is InspectionState.CLOSED
    assert inspection_state(Inspection(1, Inspectorate.CQC), [], [], TODAY) is InspectionState.NOT_PUBLISHED
    withdrawn = Inspection(1, Inspectorate.CQC, withdrawn_on=TODAY, withdrawn_reason="twice")
    assert inspection_state(withdrawn, overdue, [], TODAY) is InspectionState.WITHDRAWN

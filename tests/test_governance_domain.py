"""The governance records in plain Python: statuses, checks and their messages, months added (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mqp_desktop.domain.governance.case_reviews import (
    CaseReview,
    CaseReviewStatus,
    Dissemination,
    ReviewKind,
    parse_kind,
    validate_dissemination,
    validate_review,
)
from mqp_desktop.domain.governance.common import add_months
from mqp_desktop.domain.governance.documents import (
    DocumentKind,
    DocumentStatus,
    GovernanceDocument,
    Office,
    OfficeOutcome,
    OfficeReview,
    Outcome,
    current_tor,
    validate_document,
    validate_office_review,
)
from mqp_desktop.domain.governance.followups import (
    AttendanceLetter,
    LetterStatus,
    parse_outcome,
    validate_letter,
)
from mqp_desktop.domain.governance.followups import Outcome as LetterOutcome
from mqp_desktop.domain.governance.training import CourseStatus, TrainingCourse, attendance_by_agency, validate_course
from mqp_desktop.domain.validation import ValidationError

D = dt.date
TODAY = D(2026, 12, 6)


# --- months ---------------------------------------------------------------------------------------------

def test_months_added_keep_the_day_or_take_the_months_last():
    assert add_months(D(2026, 1, 27), 12) == D(2027, 1, 27)
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 1, 1)), st.integers(min_value=1, max_value=60))
def test_months_added_land_in_the_right_month_never_later_in_it(start, months):
    later = add_months(start, months)
    assert (later.year * 12 + later.month) - (start.year * 12 + start.month) == months
    assert later.day <= start.day and (later.day == start.day or later.month != (later + dt.timedelta(days=1)).month)


# --- case reviews -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Jayden Smith", "jayden smith 2", "Smith, Jayden", "Baby Smith", "J. Smith", "Smith"])
def test_a_case_review_refuses_a_reference_that_looks_like_a_name(name):
    with pytest.raises(ValidationError) as err:
        validate_review(CaseReview(reference=name, referred_on=D(2026, 1, 5)), TODAY)
    assert err.value.field == "reference" and "never a child's name" in err.value.message


def test_a_case_review_by_reference_and_its_status_through_its_dates():
    r = validate_review(CaseReview(reference="  LCSPR-2025-02 ", kind=ReviewKind.LCSPR, agency_ids=(3, 2, 3),
                                   referred_on=D(2025, 3, 4), rapid_review_on=D(2026, 12, 20)), TODAY)
    assert r.reference == "LCSPR-2025-02" and r.agency_ids == (3, 2)
    assert r.status(TODAY) is CaseReviewStatus.REFERRED  # the rapid review is still to come
    assert r.status(D(2026, 12, 20)) is CaseReviewStatus.RAPID_REVIEW_HELD
    r.published_on = D(2026, 12, 1)
    with pytest.raises(ValidationError, match="before the rapid review"):
        validate_review(r, TODAY)
    r.rapid_review_on = D(2025, 3, 25)
    assert validate_review(r, TODAY).status(TODAY) is CaseReviewStatus.PUBLISHED
    r.closed_on = TODAY
    assert r.status(TODAY) is CaseReviewStatus.CLOSED
    r.withdrawn_on, r.withdrawn_reason = TODAY, "Recorded twice"
    with pytest.raises(ValidationError, match="either closed or withdrawn"):
        validate_review(r, TODAY)


def test_a_case_review_needs_its_referral_date_and_says_so():
    with pytest.raises(ValidationError) as err:
        validate_review(CaseReview(reference="RR-2026-05"), TODAY)
    assert err.value.field == "referred_on"
    with pytest.raises(ValidationError, match="in the future"):
        validate_review(CaseReview(reference="RR-2026-05", referred_on=TODAY + dt.timedelta(days=1)), TODAY)
    with pytest.raises(ValidationError) as err:
        validate_review(CaseReview(reference="RR-2026-05", kind=ReviewKind.OTHER, referred_on=TODAY), TODAY)
    assert err.value.field == "kind_other"


def test_kinds_are_read_in_the_words_people_use():
    assert parse_kind("Local child safeguarding practice review") is ReviewKind.LCSPR
    assert parse_kind("rapid") is ReviewKind.RAPID_REVIEW
    assert parse_kind("national") is ReviewKind.NATIONAL_REFERRAL
    with pytest.raises(ValidationError, match="rapid review, lcspr, national referral, other"):
        parse_kind("serious case review")


def test_a_dissemination_reaches_people_once_it_has_happened():
    review = CaseReview(reference="LCSPR-2025-02", referred_on=D(2025, 3, 4))
    with pytest.raises(ValidationError) as err:
        validate_dissemination(Dissemination(None, D(2027, 1, 10), "DSLs", reached=30), review, TODAY)
    assert err.value.field == "reached"
    with pytest.raises(ValidationError) as err:
        validate_dissemination(Dissemination(None, D(2026, 1, 10), " "), review, TODAY)
    assert err.value.field == "audience"
    ok = validate_dissemination(Dissemination(None, D(2027, 1, 10), "DSLs"), review, TODAY)
    assert ok.reached is None


# --- training ------------------------------------------------------------------------------------------------

def test_a_course_is_planned_delivered_reviewed_or_cancelled():
    c = TrainingCourse(title="Neglect", starts_on=D(2026, 11, 3), ends_on=D(2026, 11, 4))
    assert c.status(D(2026, 11, 4)) is CourseStatus.PLANNED
    assert c.status(D(2026, 11, 5)) is CourseStatus.DELIVERED
    c.meeting_id = 7
    assert c.status(TODAY) is CourseStatus.REVIEWED
    c.meeting_id, c.cancelled_on, c.cancel_reason = None, TODAY, "Trainer ill"
    assert c.status(TODAY) is CourseStatus.CANCELLED


def test_a_course_checks_its_attendance_and_what_it_fed_the_strategy():
    c = validate_course(TrainingCourse(title=" Neglect ", starts_on=D(2026, 11, 3), attendance={1: 4, 2: 0, 3: 7}),
                        TODAY)
    assert c.title == "Neglect" and c.attendance == {1: 4, 3: 7} and c.attended == 11
    with pytest.raises(ValidationError, match="in the future"):
        validate_course(TrainingCourse(title="Later", starts_on=D(2027, 2, 1), attendance={1: 3}), TODAY)
    with pytest.raises(ValidationError) as err:
        validate_course(TrainingCourse(title="Neglect", starts_on=D(2026, 11, 3), attendance={1: -2}), TODAY)
    assert err.value.field == "attendance"
    with pytest.raises(ValidationError) as err:
        validate_course(TrainingCourse(title="Neglect", starts_on=D(2026, 11, 3), fed_to_strategy_on=TODAY), TODAY)
    assert err.value.field == "gaps"
    assert attendance_by_agency([c, TrainingCourse(title="B", starts_on=TODAY, attendance={1: 2})]) == {1: 6, 3: 7}


# --- documents and the Terms of Reference -------------------------------------------------------------------

def test_a_document_goes_from_review_to_sign_off_and_falls_due_again():
    d = GovernanceDocument(title="Escalation procedure", version="3.0")
    assert d.status(TODAY) is DocumentStatus.TO_REVIEW
    d.meeting_id, d.outcome, d.outcome_note = 6, Outcome.AMENDED, "Add contacts"
    assert validate_document(d, TODAY).status(TODAY) is DocumentStatus.REVIEWED
    d.sent_to_executive_on = D(2026, 11, 24)
    assert d.status(TODAY) is DocumentStatus.AWAITING_SIGN_OFF
    d.signed_off_on, d.review_due = D(2026, 12, 1), D(2027, 12, 1)
    assert d.status(TODAY) is DocumentStatus.SIGNED_OFF
    assert d.status(D(2027, 12, 2)) is DocumentStatus.REVIEW_OVERDUE
    d.superseded_by_id = 9
    assert d.status(D(2027, 12, 2)) is DocumentStatus.SUPERSEDED


def test_a_documents_review_outcome_needs_its_meeting_and_its_reasons():
    with pytest.raises(ValidationError) as err:
        validate_document(GovernanceDocument(title="X", outcome=Outcome.ENDORSED), TODAY)
    assert err.value.field == "meeting"
    with pytest.raises(ValidationError, match="why it was not endorsed"):
        validate_document(GovernanceDocument(title="X", meeting_id=1, outcome=Outcome.NOT_ENDORSED), TODAY)
    with pytest.raises(ValidationError, match="once endorsed"):
        validate_document(GovernanceDocument(title="X", meeting_id=1, outcome=Outcome.NOTED,
                                             sent_to_executive_on=TODAY), TODAY)
    with pytest.raises(ValidationError, match="must be after the sign-off"):
        validate_document(GovernanceDocument(title="X", signed_off_on=TODAY, review_due=TODAY), TODAY)
    with pytest.raises(ValidationError) as err:
        validate_document(GovernanceDocument(title="", kind=DocumentKind.TERMS_OF_REFERENCE), TODAY)
    assert err.value.field == "version"


def test_the_tor_in_force_is_the_latest_signed_version_still_standing():
    old = GovernanceDocument(title="ToR", kind=DocumentKind.TERMS_OF_REFERENCE, version="2023",
                             signed_off_on=D(2023, 1, 31), id=1)
    new = GovernanceDocument(title="ToR", kind=DocumentKind.TERMS_OF_REFERENCE, version="2026",
                             signed_off_on=D(2026, 1, 27), supersedes_id=1, id=2)
    draft = GovernanceDocument(title="ToR", kind=DocumentKind.TERMS_OF_REFERENCE, version="2027", supersedes_id=2, id=3)
    old.superseded_by_id = 2
    assert current_tor([old, new, draft]) is new
    new.withdrawn_on, new.withdrawn_reason, old.superseded_by_id = TODAY, "in error", None
    assert current_tor([old, new, draft]) is old
    assert current_tor([GovernanceDocument(title="Other", id=5)]) is None


def test_a_chairing_review_is_due_again_a_year_on_unless_said_otherwise():
    r = validate_office_review(OfficeReview(Office.CHAIR, D(2026, 1, 13), OfficeOutcome.CONTINUES), TODAY)
    assert r.next_review_due == D(2027, 1, 13)
    r = validate_office_review(OfficeReview("co chair", D(2026, 1, 13), "continue"), TODAY, months=6)
    assert (r.office, r.outcome, r.next_review_due) == (Office.CO_CHAIR, OfficeOutcome.CONTINUES, D(2026, 7, 13))
    with pytest.raises(ValidationError) as err:
        validate_office_review(OfficeReview(Office.CHAIR, D(2026, 1, 13), OfficeOutcome.TO_BE_REPLACED), TODAY)
    assert err.value.field == "note"


# --- attendance follow-up --------------------------------------------------------------------------------------

def test_a_letter_waits_for_its_reply_then_is_overdue_then_closed_by_its_outcome():
    x = validate_letter(AttendanceLetter(member_id=4, sent_on=D(2026, 10, 1)), TODAY)
    assert x.reply_due == D(2026, 10, 29)
    assert x.status(D(2026, 10, 29)) is LetterStatus.AWAITING
    assert x.status(D(2026, 10, 30)) is LetterStatus.OVERDUE and x.days_overdue(D(2026, 11, 2)) == 4
    for outcome in LetterOutcome:
        y = validate_letter(AttendanceLetter(member_id=4, sent_on=D(2026, 10, 1), outcome=outcome,
                                             substitute_name="DS Karen Osei"), TODAY)
        assert y.status(TODAY) is LetterStatus.CLOSED and y.outcome_on == TODAY
        assert y.substitute_name == ("DS Karen Osei" if outcome is LetterOutcome.SUBSTITUTE else "")


def test_a_letters_outcome_is_checked_in_words():
    with pytest.raises(ValidationError) as err:
        validate_letter(AttendanceLetter(member_id=4, sent_on=D(2026, 10, 1), outcome="substitute"), TODAY)
    assert err.value.field == "substitute_name"
    with pytest.raises(ValidationError, match="once that date has passed"):
        validate_letter(AttendanceLetter(member_id=4, sent_on=D(2026, 11, 20), outcome="no reply"), TODAY)
    with pytest.raises(ValidationError, match="before the letter was sent"):
        validate_letter(AttendanceLetter(member_id=4, sent_on=D(2026, 10, 1), reply_due=D(2026, 9, 1)), TODAY)
    assert parse_outcome("replaced") is LetterOutcome.REPLACED and parse_outcome("") is None

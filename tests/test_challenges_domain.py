"""The challenge log's rules in plain Python: status, the overdue rule, references, checks, the chase text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mqp_desktop.domain.challenges import (
    CHASE_PLACEHOLDERS,
    DEFAULT_CHASE,
    Challenge,
    ChallengeResponse,
    ChallengeStatus,
    SubjectKind,
    Verdict,
    chase_values,
    count_challenges,
    default_due,
    fill_chase,
    filter_challenges,
    format_reference,
    next_reference,
    next_step,
    parse_reference,
    parse_subject_kind,
    parse_verdict,
    validate_challenge,
    validate_response,
    validate_review,
)
from mqp_desktop.domain.validation import ValidationError

D = dt.date


def challenge(**kw) -> Challenge:
    values = {"question": "What lies behind the rise in re-referrals?", "agency_id": 1,
              "subject_text": "Re-referrals within 12 months", "subject_kind": SubjectKind.INDICATOR,
              "raised_on": D(2026, 3, 10), "due_date": D(2026, 4, 7), "reference": "CH-2026-001", "id": 1}
    values.update(kw)
    return Challenge(**values)


def response(**kw) -> ChallengeResponse:
    values = {"challenge_id": 1, "received_on": D(2026, 4, 1),
              "text": "The front door audit found a recording change.", "id": 1}
    values.update(kw)
    return ChallengeResponse(**values)


# --- status ------------------------------------------------------------------------------------
def test_open_until_the_due_date_then_overdue_the_day_after():
    c = challenge()
    assert c.status(D(2026, 3, 10)) is ChallengeStatus.OPEN
    assert c.status(D(2026, 4, 7)) is ChallengeStatus.OPEN  # due today: not yet overdue
    assert c.status(D(2026, 4, 8)) is ChallengeStatus.OVERDUE
    assert c.days_overdue(D(2026, 4, 8)) == 1
    assert c.days_overdue(D(2026, 4, 7)) == 0


def test_an_answered_challenge_awaits_review_and_is_not_overdue_even_when_answered_late():
    c = challenge(responses=(response(received_on=D(2026, 4, 20)),))
    assert c.status(D(2026, 5, 30)) is ChallengeStatus.ANSWERED
    assert not c.is_overdue(D(2026, 5, 30))


def test_further_information_puts_it_back_with_the_agency_and_it_can_fall_overdue_again():
    asked = response(verdict=Verdict.FURTHER_INFORMATION, verdict_reason="The audit's sample", reviewed_on=D(2026, 4, 14))
    c = challenge(responses=(asked,), due_date=D(2026, 5, 12))
    assert c.status(D(2026, 5, 1)) is ChallengeStatus.OPEN
    assert c.status(D(2026, 5, 13)) is ChallengeStatus.OVERDUE
    assert c.further_information is asked
    assert "further response" in next_step(c, D(2026, 5, 13))


def test_closed_and_withdrawn_win_over_everything_else():
    late = D(2030, 1, 1)
    assert challenge(closed_on=D(2026, 4, 14)).status(late) is ChallengeStatus.CLOSED
    waiting = (response(),)
    assert challenge(withdrawn_on=D(2026, 3, 12), withdrawn_reason="x", responses=waiting).status(late) \
        is ChallengeStatus.WITHDRAWN


def test_a_removed_response_does_not_count():
    c = challenge(responses=(response(removed=True),))
    assert c.latest_response is None
    assert c.status(D(2026, 4, 8)) is ChallengeStatus.OVERDUE


def test_accepted_is_read_from_the_latest_response():
    assert challenge().accepted is None
    assert challenge(responses=(response(),)).accepted is None
    assert challenge(responses=(response(verdict=Verdict.ACCEPTED, reviewed_on=D(2026, 4, 2)),)).accepted is True
    assert challenge(responses=(response(verdict=Verdict.NOT_ACCEPTED, verdict_reason="r",
                                         reviewed_on=D(2026, 4, 2)),)).accepted is False


@given(raised=st.dates(D(2000, 1, 1), D(2090, 1, 1)), days=st.integers(0, 400), later=st.integers(-30, 800))
def test_overdue_exactly_when_the_due_date_is_past_and_nothing_is_waiting(raised, days, later):
    due = raised + dt.timedelta(days=days)
    today = raised + dt.timedelta(days=max(0, later))
    c = challenge(raised_on=raised, due_date=due)
    assert c.is_overdue(today) == (today > due)
    assert c.days_overdue(today) == max(0, (today - due).days)


# --- references --------------------------------------------------------------------------------
def test_references_count_within_the_year_raised_and_skip_what_they_cannot_read():
    assert next_reference(D(2026, 3, 1), []) == "CH-2026-001"
    assert next_reference(D(2026, 3, 1), ["CH-2026-001", "CH-2026-007", "CH-2025-020", "junk"]) == "CH-2026-008"
    assert next_reference(D(2027, 1, 5), ["CH-2026-001"]) == "CH-2027-001"
    assert next_reference(D(2026, 1, 5), [format_reference(2026, 999)]) == "CH-2026-1000"


@pytest.mark.parametrize("text, expected", [("CH-2026-007", (2026, 7)), ("ch-2026-7", (2026, 7)),
                                            (" CH2026-12 ", (2026, 12)), ("CH-2026-1000", (2026, 1000))])
def test_references_are_read_forgivingly(text, expected):
    assert parse_reference(text) == expected


@pytest.mark.parametrize("text", ["", "CH-26-1", "2026-03/4", "CH-2026-000", "CH-2026-x"])
def test_what_is_not_a_reference_is_refused(text):
    with pytest.raises(ValidationError, match="CH-2026-007"):
        parse_reference(text)


# --- words ------------------------------------------------------------------------------------------
def test_kinds_verdicts_and_their_other_spellings():
    assert parse_subject_kind("Multi-agency audit") is SubjectKind.AUDIT
    assert parse_subject_kind("INSPECTIONS") is SubjectKind.INSPECTION
    assert parse_subject_kind("") is SubjectKind.OTHER
    assert parse_verdict("not-accepted") is Verdict.NOT_ACCEPTED
    assert parse_verdict("further") is Verdict.FURTHER_INFORMATION
    with pytest.raises(ValidationError, match="indicator, audit, inspection or other"):
        parse_subject_kind("a hunch")
    with pytest.raises(ValidationError, match="accepted, not accepted or further information"):
        parse_verdict("maybe")


# --- checks -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("change, field, words", [
    ({"question": "  \n "}, "question", "no question"),
    ({"subject_text": " "}, "subject", "what the challenge is about"),
    ({"subject_kind": SubjectKind.OTHER, "subject_id": 4}, "subject", "points to no record"),
    ({"agency_id": None}, "agency", "Choose the agency"),
    ({"to_member_id": 3, "to_name": "Jo Bloggs"}, "to", "not both"),
    ({"to_email": "not an address"}, "to_email", "not a valid email"),
    ({"item_id": 5}, "item", "choose the meeting"),
    ({"raised_on": None}, "raised_on", "date the challenge was raised"),
    ({"due_date": None}, "due_date", "response is due"),
    ({"due_date": D(2026, 3, 9)}, "due_date", "before the challenge was raised"),
    ({"closed_on": D(2026, 3, 1)}, "closed_on", "before it was raised"),
    ({"withdrawn_on": D(2026, 3, 11), "withdrawn_reason": " "}, "reason", "Say why"),
    ({"closed_on": D(2026, 4, 1), "withdrawn_on": D(2026, 4, 1), "withdrawn_reason": "x"}, "closed_on", "not both"),
])
def test_every_bad_challenge_is_refused_naming_the_field(change, field, words):
    with pytest.raises(ValidationError) as info:
        validate_challenge(challenge(**change))
    assert info.value.field == field
    assert words in info.value.message


def test_a_good_challenge_is_tidied():
    c = validate_challenge(challenge(question="  Why   so many?\n\n\n\nAnd when?  ", subject_text=" Re-referrals \n (%) ",
                                     to_member_id=4, to_email="someone@nhs.net", subject_kind="Indicator"))
    assert c.question == "Why so many?\n\nAnd when?"
    assert c.subject_text == "Re-referrals (%)"
    assert c.subject_kind is SubjectKind.INDICATOR
    assert c.to_email == ""  # a member's address comes from the register


def test_a_response_is_checked_against_the_challenge_and_today():
    c = challenge()
    today = D(2026, 4, 10)
    with pytest.raises(ValidationError, match="empty"):
        validate_response(response(text=" "), c, today)
    with pytest.raises(ValidationError, match="before the challenge was raised"):
        validate_response(response(received_on=D(2026, 3, 9)), c, today)
    with pytest.raises(ValidationError, match="in the future"):
        validate_response(response(received_on=D(2026, 4, 11)), c, today)
    assert validate_response(response(text=" fine "), c, today).text == "fine"


def test_a_review_needs_a_reason_and_a_new_date_unless_accepted():
    r = response()
    today = D(2026, 4, 20)
    assert validate_review(r, "accepted", "", D(2026, 4, 14), today, None) == (Verdict.ACCEPTED, "", None)
    with pytest.raises(ValidationError, match="why the response was not accepted") as info:
        validate_review(r, Verdict.NOT_ACCEPTED, " ", D(2026, 4, 14), today, D(2026, 5, 1))
    assert info.value.field == "reason"
    with pytest.raises(ValidationError, match="what further information"):
        validate_review(r, Verdict.FURTHER_INFORMATION, "", D(2026, 4, 14), today, D(2026, 5, 1))
    with pytest.raises(ValidationError, match="answer again by") as info:
        validate_review(r, Verdict.FURTHER_INFORMATION, "The sample", D(2026, 4, 14), today, None)
    assert info.value.field == "new_due"
    with pytest.raises(ValidationError, match="before the review"):
        validate_review(r, Verdict.NOT_ACCEPTED, "Too vague", D(2026, 4, 14), today, D(2026, 4, 13))
    with pytest.raises(ValidationError, match="before that"):
        validate_review(r, "accepted", "", D(2026, 3, 31), today, None)
    with pytest.raises(ValidationError, match="in the future"):
        validate_review(r, "accepted", "", D(2026, 4, 21), today, None)
    assert validate_review(r, "fi", " The sample ", D(2026, 4, 14), today, D(2026, 5, 12)) == \
        (Verdict.FURTHER_INFORMATION, "The sample", D(2026, 5, 12))


def test_the_default_due_date_is_four_weeks_on():
    assert default_due(D(2026, 3, 10)) == D(2026, 4, 7)


# --- lists --------------------------------------------------------------------------------------------
def test_filters_and_counts_agree():
    today = D(2026, 5, 1)
    log = [
        challenge(id=1, due_date=D(2026, 6, 1)),                                  # open
        challenge(id=2, due_date=D(2026, 4, 1)),                                  # overdue
        challenge(id=3, responses=(response(challenge_id=3),)),                   # answered
        challenge(id=4, closed_on=D(2026, 4, 14), agency_id=2),                   # closed
        challenge(id=5, withdrawn_on=D(2026, 3, 11), withdrawn_reason="Dup"),     # withdrawn
    ]
    ids = lambda which, **kw: [c.id for c in filter_challenges(log, which, today, **kw)]
    assert ids("open") == [1, 2, 3]
    assert ids("overdue") == [2]
    assert ids("answered") == [3]
    assert ids("closed") == [4, 5]
    assert ids("all") == [1, 2, 3, 4, 5]
    assert ids("all", agency_id=2) == [4]
    counts = count_challenges(log, today)
    assert (counts.total, counts.open, counts.overdue, counts.answered, counts.closed, counts.withdrawn) == \
        (5, 3, 1, 1, 1, 1)
    with pytest.raises(ValidationError, match="not a filter"):
        filter_challenges(log, "late", today)


# --- the chase email -----------------------------------------------------------------------------------
def test_the_chase_fills_every_placeholder_and_says_what_more_was_asked():
    asked = response(verdict=Verdict.FURTHER_INFORMATION, verdict_reason="The audit's sample size and dates.",
                     reviewed_on=D(2026, 4, 14))
    c = challenge(responses=(asked,), due_date=D(2026, 5, 12), reference="CH-2026-004")
    values = chase_values(c, agency="SWL ICB", contact="Joanne Price", raised_at="the meeting of 10 March 2026",
                          subcommittee="MQ&P", partnership="WSCP", sender="Aisha Rahman", today=D(2026, 5, 20))
    assert set(values) == set(CHASE_PLACEHOLDERS)
    subject, body = fill_chase(DEFAULT_CHASE, values)
    assert subject == "Challenge CH-2026-004: your response was due on Tuesday 12 May 2026 - MQ&P"
    assert body.startswith("Dear Joanne Price,\n\nAt the meeting of 10 March 2026 the MQ&P asked SWL ICB")
    assert "What lies behind the rise in re-referrals?" in body
    assert "On 14 April 2026 the subcommittee asked for further information on your response of 1 April 2026: " \
           "The audit's sample size and dates." in body
    assert "it is now 8 days overdue" in body
    assert "{" not in body and "\n\n\n" not in body


def test_without_further_information_no_blank_lines_are_left():
    values = chase_values(challenge(), agency="Police", contact="", raised_at="", subcommittee="MQ&P",
                          today=D(2026, 4, 9))
    _subject, body = fill_chase(DEFAULT_CHASE, values)
    assert body.startswith("Dear colleague,\n\nAt 10 March 2026 the MQ&P asked Police")
    assert "\n\n\n" not in body
    assert "2 days overdue" in body

"""Quorum arithmetic (ToR 3), for every kind of rule.

The fixtures build a small partnership by hand so each expectation can be
read off the test: three statutory agencies (LA, ICB, Police) and three
others (Health trust, Schools, Probation).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.quorum import (
    AgencySet,
    QuorumKind,
    QuorumRule,
    QuorumRuleError,
    evaluate_quorum,
)

DAY = dt.date(2024, 3, 12)

AGENCIES = [
    Agency(id=1, name="Local authority children's services", short_name="LA", statutory=True),
    Agency(id=2, name="Integrated care board", short_name="ICB", statutory=True),
    Agency(id=3, name="Police", short_name="Police", statutory=True),
    Agency(id=4, name="Health trust", short_name="Trust"),
    Agency(id=5, name="Schools", short_name="Schools"),
    Agency(id=6, name="Probation", short_name="Probation"),
]
# member id = 10 * agency id (+1 for a second member of the same agency)
MEMBERS = [Member(id=10 * a.id, agency_id=a.id, name=f"Member of {a.short_name}", role_title="Lead") for a in AGENCIES]
MEMBERS.append(Member(id=11, agency_id=1, name="Second LA member", role_title="Manager", decision_maker=False))
MEMBERS.append(
    Member(id=51, agency_id=5, name="Head teacher", role_title="Schools representative", decision_maker=False)
)

TOR_RULE = QuorumRule()  # at least 3 statutory agencies, chair may proceed


def attend(*agency_ids: int, status: S = S.PRESENT) -> dict[int, S]:
    return {10 * a: status for a in agency_ids}


def names(agencies) -> list[str]:
    return [a.short_name for a in agencies]


def test_default_rule_is_the_tor_rule():
    assert (TOR_RULE.kind, TOR_RULE.count, TOR_RULE.agency_set) == (QuorumKind.AT_LEAST, 3, AgencySet.STATUTORY)
    assert TOR_RULE.chair_may_proceed


@pytest.mark.parametrize("present", [s for n in range(0, 7) for s in itertools.combinations(range(1, 7), n)])
def test_at_least_three_statutory_for_every_combination_of_agencies(present):
    result = evaluate_quorum(TOR_RULE, AGENCIES, MEMBERS, attend(*present), DAY)
    statutory_present = {1, 2, 3} & set(present)
    assert result.quorate == (len(statutory_present) >= 3)
    assert {a.id for a in result.counted} == statutory_present
    assert {a.id for a in result.missing} == {1, 2, 3} - statutory_present
    assert {a.id for a in result.present_not_counting} == set(present) - {1, 2, 3}
    assert result.shortfall == max(0, 3 - len(statutory_present))


def test_many_non_statutory_agencies_do_not_make_the_tor_quorum():
    result = evaluate_quorum(TOR_RULE, AGENCIES, MEMBERS, attend(1, 2, 4, 5, 6), DAY)
    assert not result.quorate
    assert names(result.missing) == ["Police"]
    assert "short by 1" in result.explain()
    assert result.chair_may_proceed


def test_a_deputy_counts_for_their_members_agency():
    attendance = attend(1, 2) | attend(3, status=S.DEPUTY)
    assert evaluate_quorum(TOR_RULE, AGENCIES, MEMBERS, attendance, DAY).quorate


@pytest.mark.parametrize("status", [S.APOLOGIES, S.ABSENT])
def test_apologies_and_absence_do_not_count(status):
    attendance = attend(1, 2) | attend(3, status=status)
    result = evaluate_quorum(TOR_RULE, AGENCIES, MEMBERS, attendance, DAY)
    assert not result.quorate
    assert names(result.missing) == ["Police"]


def test_two_members_of_one_agency_count_once():
    attendance = attend(1, 2) | {11: S.PRESENT}
    result = evaluate_quorum(TOR_RULE, AGENCIES, MEMBERS, attendance, DAY)
    assert not result.quorate
    assert len(result.counted) == 2


def test_representative_only_member_counts_as_attendance():
    rule = QuorumRule(kind="at_least", count=1, agency_set="named", agency_ids=(5,))
    result = evaluate_quorum(rule, AGENCIES, MEMBERS, {51: S.PRESENT}, DAY)
    assert result.quorate
    assert names(result.counted) == ["Schools"]


def test_member_ended_before_the_meeting_does_not_count():
    ended = [
        Member(id=30, agency_id=3, name="Former DI", role_title="DI", end_date=DAY - dt.timedelta(days=1)),
        *[m for m in MEMBERS if m.id != 30],
    ]
    result = evaluate_quorum(TOR_RULE, AGENCIES, ended, attend(1, 2, 3), DAY)
    assert not result.quorate
    assert names(result.missing) == ["Police"]


def test_member_ended_on_the_meeting_day_still_counts():
    ended = [
        Member(id=30, agency_id=3, name="Leaving DI", role_title="DI", end_date=DAY),
        *[m for m in MEMBERS if m.id != 30],
    ]
    assert evaluate_quorum(TOR_RULE, AGENCIES, ended, attend(1, 2, 3), DAY).quorate


def test_member_who_joined_after_the_meeting_does_not_count():
    later = [
        Member(id=30, agency_id=3, name="New DI", role_title="DI", start_date=DAY + dt.timedelta(days=1)),
        *[m for m in MEMBERS if m.id != 30],
    ]
    assert not evaluate_quorum(TOR_RULE, AGENCIES, later, attend(1, 2, 3), DAY).quorate


def test_ended_agency_leaves_the_statutory_set():
    agencies = [
        Agency(id=3, name="Police", short_name="Police", statutory=True, end_date=DAY - dt.timedelta(days=30)),
        *[a for a in AGENCIES if a.id != 3],
    ]
    # with the police ended, only two statutory agencies exist: "all of" is met by both
    all_rule = QuorumRule(kind="all_of", agency_set="statutory")
    result = evaluate_quorum(all_rule, agencies, MEMBERS, attend(1, 2), DAY)
    assert result.quorate
    assert result.needed == 2
    # and an "at least 3" rule cannot be met at all
    assert not evaluate_quorum(TOR_RULE, agencies, MEMBERS, attend(1, 2, 3), DAY).quorate


@pytest.mark.parametrize("present", [s for n in range(0, 4) for s in itertools.combinations((1, 2, 3), n)])
def test_all_of_statutory_needs_every_one(present):
    rule = QuorumRule(kind="all_of", agency_set="statutory")
    result = evaluate_quorum(rule, AGENCIES, MEMBERS, attend(*present, 4), DAY)
    assert result.quorate == (set(present) == {1, 2, 3})
    assert result.needed == 3


def test_all_of_named_set():
    rule = QuorumRule(kind="all_of", agency_set="named", agency_ids=(2, 4))
    assert evaluate_quorum(rule, AGENCIES, MEMBERS, attend(2, 4), DAY).quorate
    result = evaluate_quorum(rule, AGENCIES, MEMBERS, attend(1, 2, 3), DAY)
    assert not result.quorate
    assert names(result.missing) == ["Trust"]


def test_all_of_an_empty_set_is_never_quorate():
    agencies = [a for a in AGENCIES if not a.statutory]
    rule = QuorumRule(kind="all_of", agency_set="statutory")
    assert not evaluate_quorum(rule, agencies, MEMBERS, attend(4, 5, 6), DAY).quorate


@pytest.mark.parametrize("n", range(1, 7))
def test_at_least_n_different_agencies_of_any_kind(n):
    rule = QuorumRule(kind="at_least", count=4, agency_set="any")
    present = tuple(range(1, n + 1))
    result = evaluate_quorum(rule, AGENCIES, MEMBERS, attend(*present), DAY)
    assert result.quorate == (n >= 4)
    assert len(result.counted) == n


def test_at_least_n_from_a_named_set():
    rule = QuorumRule(kind="at_least", count=2, agency_set="named", agency_ids=(4, 5, 6))
    assert not evaluate_quorum(rule, AGENCIES, MEMBERS, attend(1, 2, 3, 4), DAY).quorate
    result = evaluate_quorum(rule, AGENCIES, MEMBERS, attend(4, 6), DAY)
    assert result.quorate
    assert names(result.counted) == ["Probation", "Trust"]


def test_unknown_member_ids_in_attendance_are_ignored():
    # a guest is not a member, so never counts even if an id slips through
    assert not evaluate_quorum(TOR_RULE, AGENCIES, MEMBERS, {999: S.PRESENT}, DAY).quorate


def test_must_reconvene_rule():
    rule = QuorumRule(chair_may_proceed=False)
    result = evaluate_quorum(rule, AGENCIES, MEMBERS, attend(1), DAY)
    assert not result.quorate
    assert not result.chair_may_proceed
    assert "must be reconvened" in rule.describe()


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(kind="at_least", count=0),
        dict(kind="at_least", count=2, agency_set="named", agency_ids=()),
        dict(kind="all_of", agency_set="any"),
    ],
)
def test_impossible_rules_are_refused(kwargs):
    with pytest.raises(QuorumRuleError):
        QuorumRule(**kwargs)


@pytest.mark.parametrize(
    "rule",
    [
        QuorumRule(),
        QuorumRule(kind="all_of", agency_set="statutory", chair_may_proceed=False),
        QuorumRule(kind="at_least", count=5, agency_set="any"),
        QuorumRule(kind="all_of", agency_set="named", agency_ids=(3, 1, 2)),
    ],
)
def test_rule_survives_storage(rule):
    assert QuorumRule.from_json(rule.to_json()) == rule


def test_descriptions_name_the_rule():
    names_by_id = {a.id: a.short_name for a in AGENCIES}
    assert QuorumRule().describe().startswith("Quorate when at least 3 statutory agencies are present")
    text = QuorumRule(kind="all_of", agency_set="named", agency_ids=(1, 3)).describe(names_by_id)
    assert "every one of these agencies" in text and "LA, Police" in text
    assert "at least 4 different agencies" in QuorumRule(count=4, agency_set="any").describe()

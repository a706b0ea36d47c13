"""Entry validation and the register warnings the ToR implies."""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain.model import Agency, Member, Office, Subcommittee
from mqp_desktop.domain.register_checks import WarningKind, register_warnings
from mqp_desktop.domain.validation import ValidationError, clean_email, clean_phone, parse_date

TODAY = dt.date(2025, 5, 1)


@pytest.mark.parametrize("good", ["a@b.co", "first.last@wandsworth.gov.uk", "O'Neil+mqp@nhs.net", "MAILTO:x@y.org"])
def test_good_emails(good):
    assert "@" in clean_email(good)


@pytest.mark.parametrize("bad", ["plainaddress", "a@b", "a b@c.org", "a@@b.org", "a@b..org", "@b.org", "a@-b.org", "<a@b.org>"])
def test_bad_emails_name_the_value_and_the_fix(bad):
    with pytest.raises(ValidationError) as info:
        clean_email(bad)
    assert bad.strip() in info.value.message and "name@agency" in info.value.message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-03-31", dt.date(2024, 3, 31)),
        ("31/03/2024", dt.date(2024, 3, 31)),
        ("31-03-2024", dt.date(2024, 3, 31)),
        ("31 March 2024", dt.date(2024, 3, 31)),
        (dt.datetime(2024, 3, 31, 9, 30), dt.date(2024, 3, 31)),
        ("", None),
    ],
)
def test_dates_in_the_forms_officers_type(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("bad", ["31/02/2024", "2024-13-01", "next Tuesday", "03/31/2024"])
def test_impossible_dates_are_refused(bad):
    with pytest.raises(ValidationError, match="not a date"):
        parse_date(bad, "start_date")


def test_phone_numbers():
    assert clean_phone("+44 (0)20 8871 6000") == "+44 (0)20 8871 6000"
    assert clean_phone("020 8871 6000 ext 1234")
    with pytest.raises(ValidationError):
        clean_phone("ring reception")


def make_register():
    la = Agency(id=1, name="Local authority", statutory=True)
    police = Agency(id=2, name="Police", statutory=True)
    housing = Agency(id=3, name="Housing")
    closed = Agency(id=4, name="Closed service", end_date=dt.date(2024, 1, 1))
    members = [
        Member(id=1, agency_id=1, name="Ann", role_title="Head", email="ann@la.gov.uk"),
        Member(id=2, agency_id=1, name="Bob", role_title="Manager", email="bob@la.gov.uk"),
        Member(id=3, agency_id=2, name="", role_title="DI"),
        Member(id=4, agency_id=3, name="Cat", role_title="Officer", email=""),
        Member(id=5, agency_id=2, name="Dan", role_title="DS", email="dan@met.uk", end_date=dt.date(2024, 1, 1)),
    ]
    sc = Subcommittee(name="MQ&P", tor_review_due=dt.date(2025, 1, 1), tor_version="Jan 2023")
    sc.chair = Office(member_id=1, review_due=dt.date(2025, 4, 30))
    sc.co_chair = Office(member_id=4, review_due=dt.date(2025, 5, 1))
    return sc, [la, police, housing, closed], members


def test_register_warnings_cover_each_rule():
    sc, agencies, members = make_register()
    warnings = register_warnings(sc, agencies, members, today=TODAY)
    kinds = [(w.kind, w.agency_id, w.member_id) for w in warnings]
    assert (WarningKind.AGENCY_MULTIPLE_VOTERS, 1, None) in kinds
    assert (WarningKind.AGENCY_UNREPRESENTED, 2, None) in kinds  # only a vacant seat and an ended member
    assert (WarningKind.SEAT_VACANT, 2, 3) in kinds
    assert (WarningKind.MEMBER_NO_EMAIL, 3, 4) in kinds
    assert (WarningKind.TOR_REVIEW_DUE, None, None) in kinds
    # the chair's review passed yesterday; the co-chair's is due today, not yet passed
    chair_reviews = [w for w in warnings if w.kind is WarningKind.CHAIR_REVIEW_DUE]
    assert [w.member_id for w in chair_reviews] == [1]
    # the ended agency is not reported as unrepresented
    assert all(w.agency_id != 4 for w in warnings)
    assert all(w.clause.startswith("ToR") for w in warnings)


def test_representatives_do_not_count_as_extra_voters():
    sc, agencies, members = make_register()
    members[1].decision_maker = False
    kinds = {w.kind for w in register_warnings(sc, agencies, members, today=TODAY)}
    assert WarningKind.AGENCY_MULTIPLE_VOTERS not in kinds


def test_no_chair_is_a_warning():
    sc, agencies, members = make_register()
    sc.chair = Office()
    kinds = {w.kind for w in register_warnings(sc, agencies, members, today=TODAY)}
    assert WarningKind.NO_CHAIR in kinds

"""The store: register writes, validation, the change history, nothing deleted."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.quorum import QuorumRule
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import DiskFull, RecordNotFound, Store
from mqp_desktop.store.sqlite import INTEGRITY_ERRORS


def police(store: Store) -> Agency:
    agency = store.find_agency("Police")
    assert agency is not None
    return agency


def new_member(store: Store, **kw) -> Member:
    fields = dict(name="Jo Bloggs", role_title="DI", agency_id=police(store).id, email="jo@met.example.police.uk")
    fields.update(kw)
    return store.add_member(Member(**fields))


def test_template_seeds_vacant_seats_and_statutory_agencies(store):
    statutory = sorted(a.short_name for a in store.agencies() if a.statutory)
    assert statutory == ["LA Children's Services", "Police", "SWL ICB"]
    seats = store.members()
    assert seats and all(m.is_vacant for m in seats)
    assert any(m.role_title == "Designated Nurse Safeguarding Children" for m in seats)
    sc = store.subcommittee()
    assert sc.quorum_rule == QuorumRule()
    assert store.member(sc.chair.member_id).role_title == "Designated Doctor for Child Safeguarding"


def test_add_member_records_history_with_new_values(store):
    member = new_member(store)
    (change,) = store.history(entity="member", entity_id=member.id)
    assert change.action == "added"
    assert change.changes["email"] == [None, "jo@met.example.police.uk"]
    assert change.user and change.host


def test_edit_records_old_and_new_values_only_for_changed_fields(store):
    member = new_member(store)
    member.phone = "020 7230 1212"
    member.email = "jo.bloggs@met.example.police.uk"
    store.update_member(member)
    latest = store.history(entity="member", entity_id=member.id)[0]
    assert latest.action == "edited"
    assert latest.changes == {
        "phone": ["", "020 7230 1212"],
        "email": ["jo@met.example.police.uk", "jo.bloggs@met.example.police.uk"],
    }


def test_saving_an_unchanged_member_records_nothing(store):
    member = new_member(store)
    before = len(store.history())
    store.update_member(member)
    assert len(store.history()) == before


def test_ending_keeps_the_member_and_their_history(store):
    member = new_member(store, start_date=dt.date(2020, 1, 1))
    store.end_member(member.id, dt.date(2024, 6, 30), "Moved post")
    ended = store.member(member.id)
    assert ended.end_date == dt.date(2024, 6, 30)
    assert ended.end_reason == "Moved post"
    assert member.id in {m.id for m in store.members()}
    assert member.id not in {m.id for m in store.members(include_ended=False)}
    assert member.id in {m.id for m in store.members(active_on=dt.date(2024, 6, 30))}
    assert store.history(entity="member", entity_id=member.id)[0].action == "ended"


def test_ending_twice_is_refused(store):
    member = new_member(store)
    store.end_member(member.id, dt.date(2024, 6, 30))
    with pytest.raises(ValidationError, match="already ended"):
        store.end_member(member.id, dt.date(2024, 7, 30))


def test_reinstate_undoes_an_end_and_is_recorded(store):
    member = new_member(store)
    store.end_member(member.id, dt.date(2024, 6, 30), "mistake")
    store.reinstate_member(member.id)
    assert store.member(member.id).end_date is None
    assert [c.action for c in store.history(entity="member", entity_id=member.id)][:2] == ["reinstated", "ended"]


def test_members_and_agencies_cannot_be_deleted_even_in_sql(store):
    member = new_member(store)
    with pytest.raises(INTEGRITY_ERRORS, match="ended, not deleted"):
        store.db.execute("DELETE FROM member WHERE id = ?", [member.id])
    with pytest.raises(INTEGRITY_ERRORS, match="ended, not deleted"):
        store.db.execute("DELETE FROM agency")


def test_the_change_history_cannot_be_rewritten(store):
    new_member(store)
    with pytest.raises(INTEGRITY_ERRORS, match="cannot be altered"):
        store.db.execute("UPDATE change_log SET user = 'someone else'")
    with pytest.raises(INTEGRITY_ERRORS, match="cannot be altered"):
        store.db.execute("DELETE FROM change_log")


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("email", "jo.met.police.uk", "not a valid email"),
        ("deputy_email", "deputy@", "not a valid email"),
        ("phone", "call me", "not a phone number"),
        ("role_title", "  ", "role title is required"),
    ],
)
def test_invalid_entries_are_refused_and_nothing_is_saved(store, field, value, words):
    before = (len(store.members()), len(store.history()))
    with pytest.raises(ValidationError, match=words) as info:
        new_member(store, **{field: value})
    assert info.value.field == field
    assert (len(store.members()), len(store.history())) == before


def test_end_before_start_is_refused(store):
    with pytest.raises(ValidationError, match="before it starts"):
        new_member(store, start_date=dt.date(2024, 5, 1), end_date=dt.date(2024, 4, 1))


def test_unknown_agency_is_refused(store):
    with pytest.raises(ValidationError, match="no agency with id 999"):
        new_member(store, agency_id=999)


def test_unknown_member_is_a_clear_error(store):
    with pytest.raises(RecordNotFound, match="no member with id 4242"):
        store.member(4242)


def test_agency_names_are_unique_ignoring_case(store):
    with pytest.raises(ValidationError, match="already an agency"):
        store.add_agency(Agency(name="HOUSING"))


def test_end_agency_is_recorded_and_keeps_it(store):
    housing = store.find_agency("Housing")
    store.end_agency(housing.id, dt.date(2025, 3, 31), "Merged into Community Safety")
    assert store.agency(housing.id).end_date == dt.date(2025, 3, 31)
    assert "Merged" in store.agency(housing.id).notes
    assert housing.id not in {a.id for a in store.agencies(active_on=dt.date(2025, 4, 1))}
    assert store.history(entity="agency", entity_id=housing.id)[0].action == "ended"


def test_find_agency_by_id_name_and_short_name(store):
    p = police(store)
    assert store.find_agency(str(p.id)) == p
    assert store.find_agency("metropolitan police — south west bcu") == p
    assert store.find_agency("police") == p
    assert store.find_agency("Fire brigade") is None


def test_subcommittee_settings_change_is_recorded(store):
    sc = store.subcommittee()
    sc.attendance_standard = 75
    sc.quorum_rule = QuorumRule(kind="all_of", agency_set="statutory", chair_may_proceed=False)
    store.update_subcommittee(sc)
    again = store.subcommittee()
    assert again.attendance_standard == 75
    assert again.quorum_rule == sc.quorum_rule
    change = store.history(entity="subcommittee")[0]
    assert change.changes["attendance_standard"] == [80, 75]


def test_quorum_rule_naming_an_unknown_agency_is_refused(store):
    sc = store.subcommittee()
    sc.quorum_rule = QuorumRule(kind="all_of", agency_set="named", agency_ids=(999,))
    with pytest.raises(ValidationError, match="999"):
        store.update_subcommittee(sc)


def test_chair_and_co_chair_must_differ(store):
    sc = store.subcommittee()
    sc.co_chair.member_id = sc.chair.member_id
    with pytest.raises(ValidationError, match="different people"):
        store.update_subcommittee(sc)


def test_a_failed_multi_row_write_leaves_nothing_behind(store):
    before = (len(store.members()), len(store.history()))
    with pytest.raises(RuntimeError):
        with store.write():
            new_member(store, name="First")
            new_member(store, name="Second", email="second@met.example.police.uk")
            raise RuntimeError("power cut")
    assert (len(store.members()), len(store.history())) == before


def test_disk_full_is_reported_plainly_and_nothing_is_saved(store, monkeypatch):
    before = len(store.members())
    real_record = store.record

    def full_disk(*args, **kwargs):
        real_record(*args, **kwargs)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "record", full_disk)
    with pytest.raises(DiskFull) as info:
        new_member(store)
    assert "disk" in info.value.problem and "Free some space" in info.value.remedy
    monkeypatch.undo()
    assert len(store.members()) == before


def test_reads_are_shared_inside_reading_and_forgotten_by_a_write(store):
    """store.reading() (exports): the members and meetings are read once and shared; a write inside forgets
    them, so what follows reads the change; outside, every call reads the file again."""
    with store.reading():
        first, again = store.members(), store.members()
        assert first == again and first[0] is again[0], "read once, shared"
        assert store.meetings.list() is not store.meetings.list()  # a copy of the list each time...
        added = new_member(store, name="Read Aftera Write")  # a write inside the block
        assert added.id in {m.id for m in store.members()}, "the write is seen"
    outside = store.members()
    assert outside == store.members() and outside[0] is not store.members()[0], "read afresh outside"

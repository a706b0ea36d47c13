"""The due list: the domain's arithmetic and filters, and store.due against a hand-worked fixture."""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain.due import (
    KIND_LABELS,
    KINDS,
    DueItem,
    count_items,
    filter_items,
    parse_kind,
    sorted_items,
    summary_text,
    when_text,
)
from mqp_desktop.domain.validation import ValidationError
from tests.helpers import due_fixture as fx
from tests.helpers.due_fixture import EXPECTED, TODAY


def item(kind="action", due=dt.date(2026, 6, 1), reference="R", record_id=1) -> DueItem:
    return DueItem(kind=kind, kind_label=KIND_LABELS[kind], reference=reference, title="T", owner="O", due=due,
                   table="action", record_id=record_id)


# --- domain ------------------------------------------------------------------------------------------
def test_days_overdue_counts_from_the_day_after_the_due_date():
    i = item(due=dt.date(2026, 6, 1))
    assert i.days_overdue(dt.date(2026, 6, 4)) == 3
    assert i.is_overdue(dt.date(2026, 6, 2))
    assert i.days_overdue(dt.date(2026, 6, 1)) == 0 and not i.is_overdue(dt.date(2026, 6, 1))
    assert i.days_overdue(dt.date(2026, 5, 27)) == -5


@pytest.mark.parametrize("days, text", [(12, "12 days overdue"), (1, "1 day overdue"), (0, "due today"),
                                        (-1, "due tomorrow"), (-9, "due in 9 days")])
def test_when_text(days, text):
    assert when_text(days) == text


def test_sorted_by_date_then_kind_then_reference():
    day = dt.date(2026, 6, 1)
    items = [item("paper", day, "B"), item("action", day + dt.timedelta(days=1), "A"), item("action", day, "Z"),
             item("paper", day, "A")]
    assert [(i.kind, i.due, i.reference) for i in sorted_items(items)] == [
        ("action", day, "Z"), ("paper", day, "A"), ("paper", day, "B"), ("action", day + dt.timedelta(days=1), "A")]


def test_filters_by_kind_overdue_and_window():
    today = dt.date(2026, 6, 10)
    items = [item("action", dt.date(2026, 6, 1)), item("paper", dt.date(2026, 6, 10)),
             item("challenge", dt.date(2026, 7, 10)), item("action", dt.date(2026, 7, 11))]
    assert [i.kind for i in filter_items(items, today, kinds=["action"])] == ["action", "action"]
    assert [i.due for i in filter_items(items, today, overdue_only=True)] == [dt.date(2026, 6, 1)]
    assert [i.due for i in filter_items(items, today, within_days=30)] == [
        dt.date(2026, 6, 1), dt.date(2026, 6, 10), dt.date(2026, 7, 10)]
    with pytest.raises(ValidationError, match="0 or more"):
        filter_items(items, today, within_days=-1)
    counts = count_items(items, today)
    assert (counts.total, counts.overdue, counts.due_today, counts.next_30_days) == (4, 1, 1, 2)
    assert summary_text(counts) == "1 overdue, 1 due today, 1 more due in the next 30 days"
    assert summary_text(count_items([], today)) == "Nothing is due or overdue."


@pytest.mark.parametrize("text, kind", [("action", "action"), ("Section 11 return", "s11_return"),
                                        ("s11-return", "s11_return"), ("tor", "tor_review"),
                                        ("TRANSFER_ANSWER", "transfer_answer"), ("papers", "paper")])
def test_parse_kind(text, kind):
    assert parse_kind(text) == kind


def test_parse_kind_refuses_an_unknown_kind_naming_the_known_ones():
    with pytest.raises(ValidationError, match="s11_return"):
        parse_kind("minutes")


# --- the store, on the hand-worked fixture ------------------------------------------------------------
@pytest.fixture
def due_store(store):
    ids = fx.build(store)
    return store, ids


def test_one_of_each_kind_in_the_order_worked_out_by_hand(due_store):
    store, _ids = due_store
    items = store.due.items(TODAY)
    assert [(i.kind, i.due, i.days_overdue(TODAY)) for i in items] == list(EXPECTED)
    assert {i.kind for i in items} == set(KINDS)  # every kind the list knows is in the fixture


def test_each_line_is_the_record_it_stands_for(due_store):
    store, ids = due_store
    by_kind = {i.kind: i for i in store.due.items(TODAY)}
    assert (by_kind["action"].table, by_kind["action"].record_id) == ("action", ids["action"])
    assert by_kind["action"].reference == "2026-03/1" and by_kind["action"].owner == "Jo Bloggs"
    assert (by_kind["audit_action"].table, by_kind["audit_action"].record_id) == ("action", ids["audit_action"])
    assert "Front door audit" in by_kind["audit_action"].title
    assert (by_kind["paper"].table, by_kind["paper"].record_id) == ("paper", ids["paper"])
    assert by_kind["paper"].reference == "Meeting 14 Jul 2026, item 1" and by_kind["paper"].owner == "Dr Ama Boateng"
    assert (by_kind["challenge"].record_id, by_kind["challenge"].reference) == (ids["challenge"], "CH-2026-001")
    assert by_kind["challenge"].owner == "Police (DI Mark Ellison)"
    assert by_kind["inspection_plan"].record_id == ids["plan_item"]
    assert by_kind["inspection_plan"].owner == "Head of Service"
    assert (by_kind["s11_return"].table, by_kind["s11_return"].record_id) == ("s11_return", ids["s11_return"])
    assert by_kind["s11_return"].owner == "Police (DI Mark Ellison)"
    assert by_kind["s11_action"].record_id == ids["s11_action"]
    assert (by_kind["transfer_answer"].table, by_kind["transfer_answer"].record_id) == ("work_transfer",
                                                                                        ids["transfer"])
    assert "Dr Ruth Okonjo" in by_kind["transfer_answer"].owner
    assert by_kind["attendance_letter"].record_id == ids["letter"]
    assert by_kind["attendance_letter"].owner == "Priya Shah (CLCH)"
    assert (by_kind["chair_review"].table, by_kind["chair_review"].owner) == ("subcommittee", "Jo Bloggs")
    assert (by_kind["tor_review"].table, by_kind["tor_review"].record_id) == ("governance_document", ids["tor"])
    assert by_kind["tor_review"].reference == "Terms of Reference, version June 2025"
    assert by_kind["document_review"].record_id == ids["protocol"]


def test_closed_done_dropped_withdrawn_answered_and_received_are_left_out(due_store):
    store, ids = due_store
    shown = {(i.table, i.record_id) for i in store.due.items(TODAY)}
    for table, name in (("action", "action_done"), ("action", "action_dropped"), ("action", "action_undated"),
                        ("paper", "paper_received"), ("challenge", "challenge_closed"),
                        ("challenge", "challenge_answered"), ("inspection_plan_item", "plan_done"),
                        ("s11_return", "s11_return_received"), ("s11_action", "s11_action_done"),
                        ("work_transfer", "transfer_withdrawn"), ("attendance_letter", "letter_answered"),
                        ("governance_document", "document_withdrawn")):
        assert (table, ids[name]) not in shown, name
    # the template's January 2023 Terms of Reference, superseded by June 2025's, is not due for review
    tor = [i for i in store.due.items(TODAY) if i.kind == "tor_review"]
    assert [i.record_id for i in tor] == [ids["tor"]]


def test_closing_a_record_takes_it_off_the_list(due_store):
    from mqp_desktop.domain.actions import ActionStatus

    store, ids = due_store
    store.minutes.update_action_status(ids["action"], ActionStatus.DONE, ids["held_meeting"], "Circulated",
                                       dt.date(2026, 3, 10))
    store.challenges.respond(ids["challenge"], "Here it is.", TODAY, today=TODAY)
    kinds = [i.kind for i in store.due.items(TODAY)]
    assert "action" not in kinds and "challenge" not in kinds
    assert len(kinds) == len(EXPECTED) - 2


def test_until_and_overdue_only(due_store):
    store, _ids = due_store
    overdue = store.due.items(TODAY, include_future=False)
    assert [i.kind for i in overdue] == [k for k, _due, days in EXPECTED if days > 0]
    assert store.due.overdue(TODAY) == overdue
    month = store.due.items(TODAY, until=TODAY + dt.timedelta(days=30))
    assert [i.kind for i in month] == [k for k, _due, days in EXPECTED if days >= -30]
    # an "until" before today still lists everything overdue
    assert store.due.items(TODAY, until=TODAY - dt.timedelta(days=100)) == overdue


def test_an_empty_database_has_nothing_due(blank_store):
    assert blank_store.due.items(TODAY) == []


def test_the_indexes_are_used(store):
    plan = store.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM action WHERE status IN ('open', 'in progress') AND due_date IS NOT NULL"
        " AND due_date <= '2026-06-10'").fetchall()
    assert "action_due_open" in " ".join(str(r[-1]) for r in plan)

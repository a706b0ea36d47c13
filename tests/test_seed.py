"""Templates are data; the demo names fictional people; blank is empty."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mqp_desktop.domain.register_checks import WarningKind, register_warnings
from mqp_desktop.paths import resource_path
from mqp_desktop.store import StoreError
from mqp_desktop.store.seed import available_templates, seed_from_template


def test_templates_listed_from_resources():
    names = available_templates()
    assert {"wandsworth-mqp", "blank"} <= set(names)
    assert "demo-people" not in names


def test_template_matches_its_data_file(store):
    data = json.loads(resource_path("templates", "wandsworth-mqp.json").read_text(encoding="utf-8"))
    assert sorted(a.name for a in store.agencies()) == sorted(a["name"] for a in data["agencies"])
    seats = sum(len(a["seats"]) for a in data["agencies"])
    assert len(store.members()) == seats
    assert store.subcommittee().reporting_line == data["subcommittee"]["reporting_line"]


def test_template_has_one_voting_seat_per_agency(store):
    kinds = {w.kind for w in register_warnings(store.subcommittee(), store.agencies(), store.members())}
    assert WarningKind.AGENCY_MULTIPLE_VOTERS not in kinds


def test_blank_template_is_empty(blank_store):
    assert blank_store.agencies() == [] and blank_store.members() == []
    assert blank_store.subcommittee().name == "New subcommittee"


def test_seeding_twice_is_refused(store):
    with pytest.raises(StoreError, match="already holds a subcommittee"):
        seed_from_template(store, "blank")


def test_unknown_template_names_the_choices(blank_store):
    from mqp_desktop.store import Store

    s = Store.in_memory()
    with pytest.raises(StoreError, match="wandsworth-mqp"):
        seed_from_template(s, "nottingham")


def test_demo_names_people_has_history_and_a_chair(demo_store):
    current = demo_store.members(include_ended=False)
    named = [m for m in current if not m.is_vacant]
    assert len(named) >= 20
    assert any(m.deputy_name for m in named)
    ended = [m for m in demo_store.members() if m.end_date and m.end_date < dt.date.today()]
    assert ended and all(m.end_reason for m in ended)
    sc = demo_store.subcommittee()
    assert not demo_store.member(sc.chair.member_id).is_vacant
    assert not demo_store.member(sc.co_chair.member_id).is_vacant
    assert sc.chair.review_due > dt.date.today()

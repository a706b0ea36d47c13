"""The register's table models (checked with qtmodeltester) and the typed settings."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtCore import QByteArray, Qt

from mqp_desktop.ui.models import (
    ACTIVE_ROLE,
    AGENCY_ID_ROLE,
    ID_ROLE,
    SEARCH_ROLE,
    AgenciesTableModel,
    HistoryTableModel,
    MembersTableModel,
)
from mqp_desktop.ui.pages.common import RegisterFilterProxy
from mqp_desktop.ui.settings import MAX_RECENT, Settings


@pytest.fixture
def members_model(qapp, demo_store):
    model = MembersTableModel()
    s = demo_store.subcommittee()
    model.set_rows(demo_store.members(), demo_store.agencies(), {s.chair.member_id: "Chair"})
    return model


def test_members_model_passes_the_model_tester(qtmodeltester, members_model, demo_store):
    qtmodeltester.check(members_model, force_py=True)
    assert members_model.rowCount() == len(demo_store.members())


def test_agencies_model_passes_the_model_tester(qtmodeltester, demo_store):
    model = AgenciesTableModel()
    counts = Counter(m.agency_id for m in demo_store.members(include_ended=False) if not m.is_vacant)
    model.set_rows(demo_store.agencies(), counts)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(demo_store.agencies())


def test_history_model_passes_the_model_tester(qtmodeltester, demo_store):
    model = HistoryTableModel()
    model.set_rows(demo_store.history(), {a.id: a.label for a in demo_store.agencies()})
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(demo_store.history())


def test_proxy_over_members_passes_the_model_tester(qtmodeltester, members_model):
    proxy = RegisterFilterProxy()
    proxy.setSourceModel(members_model)
    proxy.set_text("safeguarding")
    qtmodeltester.check(proxy, force_py=True)
    assert 0 < proxy.rowCount() < members_model.rowCount()


def test_vacant_seat_reads_vacant_with_its_post_in_italics(members_model):
    row = next(r for r in range(members_model.rowCount()) if members_model.member(r).is_vacant)
    index = members_model.index(row, MembersTableModel.COL_NAME)
    assert index.data() == f"Vacant — {members_model.member(row).role_title}"
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_chair_is_named_and_statutory_agencies_carry_an_icon(members_model, demo_store):
    chair_id = demo_store.subcommittee().chair.member_id
    row = members_model.row_of(chair_id)
    assert members_model.index(row, MembersTableModel.COL_NAME).data().endswith("(Chair)")
    statutory = {a.id for a in demo_store.agencies() if a.statutory}
    for r in range(members_model.rowCount()):
        icon = members_model.index(r, MembersTableModel.COL_AGENCY).data(Qt.ItemDataRole.DecorationRole)
        assert (icon is not None) == (members_model.member(r).agency_id in statutory)


def test_ended_members_answer_inactive_and_the_proxy_hides_them(members_model, demo_store):
    ended = [m for m in demo_store.members() if not m.is_active()]
    assert ended, "the demo has former members"
    proxy = RegisterFilterProxy()
    proxy.setSourceModel(members_model)
    assert proxy.rowCount() == members_model.rowCount() - len(ended)
    proxy.set_show_ended(True)
    assert proxy.rowCount() == members_model.rowCount()
    row = members_model.row_of(ended[0].id)
    assert members_model.index(row, 0).data(ACTIVE_ROLE) is False
    assert members_model.index(row, MembersTableModel.COL_END).data() == ended[0].end_date.strftime("%d %b %Y")


def test_proxy_needs_every_word_and_the_chosen_agency(members_model, demo_store):
    proxy = RegisterFilterProxy()
    proxy.setSourceModel(members_model)
    proxy.set_text("designated NURSE")
    texts = [proxy.index(r, 0).data(SEARCH_ROLE) for r in range(proxy.rowCount())]
    assert texts and all("designated" in t and "nurse" in t for t in texts)
    proxy.set_text("")
    police = demo_store.find_agency("Police")
    proxy.set_agency_id(police.id)
    current = [m for m in demo_store.members(include_ended=False) if m.agency_id == police.id]
    assert proxy.rowCount() == len(current)
    assert {proxy.index(r, 0).data(AGENCY_ID_ROLE) for r in range(proxy.rowCount())} == {police.id}


def test_sorting_dates_uses_iso_order(members_model):
    proxy = RegisterFilterProxy()
    proxy.setSourceModel(members_model)
    proxy.sort(MembersTableModel.COL_START, Qt.SortOrder.AscendingOrder)
    starts = [members_model.member(members_model.row_of(proxy.index(r, 0).data(ID_ROLE))).start_date
              for r in range(proxy.rowCount())]
    dated = [d for d in starts if d is not None]
    assert dated == sorted(dated)


def test_history_details_show_old_and_new_values(demo_store):
    member = next(m for m in demo_store.members(include_ended=False) if m.email)
    member.email = "new.address@example.gov.uk"
    demo_store.update_member(member)
    model = HistoryTableModel()
    model.set_rows(demo_store.history(limit=1))
    details = model.index(0, HistoryTableModel.COL_DETAILS).data()
    assert details.startswith("email: ") and details.endswith("→ new.address@example.gov.uk")
    assert model.index(0, HistoryTableModel.COL_WHAT).data() == "Member edited"
    assert model.index(0, HistoryTableModel.COL_WHO).data() == demo_store.user


def test_history_names_agencies_instead_of_ids(demo_store):
    member = next(m for m in demo_store.members(include_ended=False) if not m.is_vacant)
    police = demo_store.find_agency("Police")
    old_label = next(a.label for a in demo_store.agencies() if a.id == member.agency_id)
    member.agency_id = police.id
    demo_store.update_member(member)
    model = HistoryTableModel()
    model.set_rows(demo_store.history(limit=1), {a.id: a.label for a in demo_store.agencies()})
    assert model.index(0, HistoryTableModel.COL_DETAILS).data() == f"agency: {old_label} → Police"


# --- settings ------------------------------------------------------------------------------
def test_recent_databases_keep_the_newest_first_without_repeats(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    paths = [tmp_path / f"db{i}.sqlite" for i in range(MAX_RECENT + 2)]
    for p in paths:
        settings.add_recent_database(p)
    settings.add_recent_database(paths[-3])
    again = Settings(tmp_path / "s.ini")
    recent = again.recent_databases
    assert recent[0] == paths[-3].resolve()
    assert len(recent) == MAX_RECENT == len(set(recent))
    assert again.last_database == paths[-3].resolve()


def test_a_single_recent_database_survives_the_ini_round_trip(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    settings.add_recent_database(tmp_path / "only.sqlite")
    settings.sync()
    assert Settings(tmp_path / "s.ini").recent_databases == [(tmp_path / "only.sqlite").resolve()]


def test_missing_recent_databases_are_pruned(tmp_path):
    settings = Settings(tmp_path / "s.ini")
    kept, gone = tmp_path / "kept.sqlite", tmp_path / "gone.sqlite"
    kept.write_bytes(b"")
    settings.add_recent_database(gone)
    settings.add_recent_database(kept)
    assert settings.prune_recent_databases() == [gone.resolve()]
    assert settings.recent_databases == [kept.resolve()]


def test_geometry_is_none_until_saved(tmp_path, qapp):
    settings = Settings(tmp_path / "s.ini")
    assert settings.geometry is None
    settings.geometry = QByteArray(b"abc")
    assert bytes(Settings(tmp_path / "s.ini").geometry.data()) == b"abc"


def test_dates_are_shown_day_month_year():
    from mqp_desktop.ui.models import format_date

    assert format_date(dt.date(2024, 3, 9)) == "09 Mar 2024"
    assert format_date(None) == ""

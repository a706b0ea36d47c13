"""store.performance: themes, indicators, values and their revisions, comparators, commentary, the scorecard."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.performance import (
    EXCEPTION_RED,
    EXCEPTION_WORSENING,
    NATIONAL_THEMES,
    Commentary,
    Comparators,
    Indicator,
    Outcome,
    Rag,
    Theme,
    Travel,
    ValueChange,
)
from mqp_desktop.domain.periods import Period
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store
from mqp_desktop.store.errors import EditConflict, RecordNotFound
from mqp_desktop.store.sqlite import INTEGRITY_ERRORS

Q = Period.quarter


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    """Values are refused for periods not begun yet: the tests' periods are in the past on this day."""
    monkeypatch.setattr("mqp_desktop.store.performance._today", lambda: dt.date(2026, 12, 1))


@pytest.fixture
def perf(store):
    return store.performance


def _add(perf, code="CP3", **kw) -> Indicator:
    base = dict(code=code, title=f"Indicator {code}", theme_id=perf.themes()[3].id, unit="percentage",
                direction="lower", target=20, tolerance=2)
    base.update(kw)
    return perf.add_indicator(Indicator(**base))


def _series(perf, ind, first: Period, values):
    for k, v in enumerate(values):
        perf.set_value(ind.id, first.shift(k), v)


def test_the_five_national_themes_are_there_to_start_with(perf):
    assert [t.name for t in perf.themes()] == list(NATIONAL_THEMES)


def test_themes_edited_and_retired_not_deleted(store, perf):
    extra = perf.add_theme(Theme("Exploitation"))
    assert extra.position == 6 and perf.find_theme("exploit").id == extra.id
    with pytest.raises(ValidationError, match="already a theme called 'Workforce'"):
        perf.add_theme(Theme("workforce"))
    renamed = perf.update_theme(dataclasses.replace(extra, name="Child exploitation"))
    assert renamed.row_version == 2
    with pytest.raises(EditConflict):
        perf.update_theme(dataclasses.replace(extra, description="stale copy"))
    ind = _add(perf, theme_id=extra.id)
    with pytest.raises(ValidationError, match=r"still has indicators in use \(CP3\)"):
        perf.retire_theme(extra.id)
    perf.retire_indicator(ind.id, "replaced")
    retired = perf.retire_theme(extra.id, dt.date(2026, 4, 1))
    assert retired.retired_on == dt.date(2026, 4, 1)
    assert extra.id not in {t.id for t in perf.themes()}
    assert extra.id in {t.id for t in perf.themes(include_retired=True)}
    with pytest.raises(ValidationError, match="The theme Child exploitation was retired: choose a theme in use"):
        _add(perf, "CP9", theme_id=extra.id)
    assert perf.reinstate_indicator(ind.id).theme_id == extra.id  # staying in a retired theme is allowed
    with pytest.raises(INTEGRITY_ERRORS, match="kept, not deleted"):
        store.db.execute("DELETE FROM indicator_theme WHERE id = ?", [extra.id])
    assert [c.summary for c in store.history(entity="indicator_theme", entity_id=extra.id)][:2] == [
        "Theme retired: Child exploitation", "Theme edited: Child exploitation"]


def test_indicator_codes_are_unique_whatever_their_case(perf):
    first = _add(perf, "CP3")
    with pytest.raises(ValidationError) as caught:
        _add(perf, "cp3")
    assert caught.value.field == "code" and "already used by 'Indicator CP3'" in str(caught.value)
    assert perf.find_indicator("cp3").id == first.id and perf.find_indicator(str(first.id)).id == first.id
    assert perf.find_indicator("nope") is None
    with pytest.raises(RecordNotFound):
        perf.indicator(999)


def test_tags_come_from_the_fixed_list_and_the_priorities_setting(store, perf):
    with pytest.raises(ValidationError, match="'Neglect' is not a tag"):
        _add(perf, tags=["Neglect"])
    store.agendas.set_setting(cfg.PARTNERSHIP_PRIORITIES, ["Neglect", "Early help"])
    ind = _add(perf, tags=["neglect", "Voice of the child"])
    assert perf.indicator(ind.id).tags == ("Neglect", "voice of the child")
    # a priority dropped from the setting stays on the indicators that carry it
    store.agendas.set_setting(cfg.PARTNERSHIP_PRIORITIES, ["Early help"])
    kept = perf.update_indicator(dataclasses.replace(perf.indicator(ind.id), title="Renamed"))
    assert kept.tags == ("Neglect", "voice of the child")
    with pytest.raises(ValidationError, match="'Neglect' is not a tag"):
        _add(perf, "CP4", tags=["Neglect"])


def test_indicator_edit_against_what_is_stored_now(store, perf):
    ind = _add(perf)
    mine = perf.indicator(ind.id)
    theirs = perf.update_indicator(dataclasses.replace(mine, target=18))
    assert theirs.row_version == mine.row_version + 1
    with pytest.raises(EditConflict) as caught:
        perf.update_indicator(dataclasses.replace(mine, title="My title"))
    assert "target: yours '20.0', stored now '18.0'" in str(caught.value)
    assert caught.value.stored.target == 18 and perf.indicator(ind.id).title == "Indicator CP3"
    # tags alone still make a new version
    again = perf.update_indicator(dataclasses.replace(theirs, tags=("anti-racist practice",)))
    assert again.row_version == theirs.row_version + 1
    assert store.history(entity="indicator", entity_id=ind.id)[0].changes["tags"] == [[], ["anti-racist practice"]]


def test_frequency_fixed_once_there_are_values(perf):
    ind = _add(perf)
    perf.set_value(ind.id, "2026-Q1", 5)
    with pytest.raises(ValidationError, match="has 1 values entered as quarterly: its frequency cannot change"):
        perf.update_indicator(dataclasses.replace(perf.indicator(ind.id), frequency="monthly"))


def test_a_revision_is_kept_with_its_reason(store, perf):
    ind = _add(perf)
    first = perf.set_value(ind.id, "Q4 2025-26", 21)
    assert (first.value, first.period, first.row_version) == (21, Q(2026, 1), 1)
    with pytest.raises(ValidationError) as caught:
        perf.set_value(ind.id, "2026-Q1", 22.5)
    assert caught.value.field == "reason"
    assert "CP3 for Q4 2025-26 (Jan–Mar 2026) is already 21%: a value entered is changed only with a reason" in str(
        caught.value)
    assert perf.value(ind.id, "2026-Q1").value == 21  # nothing changed
    revised = perf.set_value(ind.id, "2026-Q1", 22.5, reason="Late returns from the health visiting service")
    assert (revised.value, revised.row_version) == (22.5, 2)
    [rev] = perf.revisions(ind.id)
    assert (rev.old_value, rev.new_value, rev.reason, rev.period) == (
        21, 22.5, "Late returns from the health visiting service", Q(2026, 1))
    assert rev.revised_by == store.user and rev.revised_at
    assert store.history(entity="indicator_value")[0].summary == (
        "Value revised: CP3 Q4 2025-26 21% -> 22.5% (Late returns from the health visiting service)")
    # the same value again changes nothing; withdrawing is a revision too
    assert perf.set_value(ind.id, "2026-Q1", 22.5).row_version == 2
    withdrawn = perf.set_value(ind.id, "2026-Q1", None, reason="Entered against the wrong quarter")
    assert withdrawn.value is None and len(perf.revisions(ind.id)) == 2
    with pytest.raises(INTEGRITY_ERRORS, match="a revision is a record"):
        store.db.execute("UPDATE indicator_value_revision SET reason = 'x'")
    with pytest.raises(INTEGRITY_ERRORS, match="kept, not deleted"):
        store.db.execute("DELETE FROM indicator_value")


def test_values_checked_against_the_indicator(store, perf):
    ind = _add(perf)
    with pytest.raises(ValidationError, match=r"Q1 2027-28 \(Apr–Jun 2027\) has not begun yet"):
        perf.set_value(ind.id, "2027-Q2", 3)
    with pytest.raises(ValidationError, match="from 0 to 100, not 130"):
        perf.set_value(ind.id, "2026-Q1", 130)
    with pytest.raises(ValidationError, match="'Jun-25' is a month"):
        perf.set_value(ind.id, "Jun-25", 3)
    police = store.find_agency("Police")
    with pytest.raises(ValidationError, match="CP3 is not broken down by agency"):
        perf.set_value(ind.id, "2026-Q1", 3, agency_id=police.id)
    assert perf.values(ind.id) == []


def test_a_value_saved_meanwhile_is_not_overwritten(perf):
    ind = _add(perf)
    with pytest.raises(EditConflict):
        perf.set_value(ind.id, "2026-Q1", 3, version=1)  # read as saved once, but there is none
    saved = perf.set_value(ind.id, "2026-Q1", 3, version=0)
    perf.set_value(ind.id, "2026-Q1", 4, reason="corrected", version=saved.row_version)
    with pytest.raises(EditConflict) as caught:
        perf.set_value(ind.id, "2026-Q1", 5, reason="mine", version=saved.row_version)
    assert "value: yours '5.0', stored now '4.0'" in str(caught.value)
    assert perf.value(ind.id, "2026-Q1").value == 4


def test_retiring_keeps_the_history(store, perf):
    ind = _add(perf)
    _series(perf, ind, Q(2025, 1), [10, 11, 12])
    perf.set_commentary(ind.id, "2025-Q3", "Fewer plans ended early.")
    with pytest.raises(ValidationError, match="Say why"):
        perf.retire_indicator(ind.id, " ")
    retired = perf.retire_indicator(ind.id, "Replaced by CP4", dt.date(2026, 4, 1))
    assert (retired.retired_on, retired.retired_reason) == (dt.date(2026, 4, 1), "Replaced by CP4")
    assert perf.indicators() == [] and [i.id for i in perf.indicators(include_retired=True)] == [ind.id]
    assert [v.value for v in perf.values(ind.id)] == [10, 11, 12]
    assert perf.commentary(ind.id, "2025-Q3").text == "Fewer plans ended early."
    assert perf.scorecard("2025-Q3") == [] and len(perf.scorecard("2025-Q3", include_retired=True)) == 1
    with pytest.raises(ValidationError, match="was retired on 01/04/2026: reinstate it"):
        perf.set_value(ind.id, "2025-Q4", 13)
    with pytest.raises(INTEGRITY_ERRORS, match="kept, not deleted"):
        store.db.execute("DELETE FROM indicator WHERE id = ?", [ind.id])
    back = perf.reinstate_indicator(ind.id)
    assert back.retired_on is None and perf.indicators()[0].id == ind.id


def test_apply_values_is_all_or_nothing(store, perf):
    ind = _add(perf)
    perf.set_value(ind.id, "2026-Q1", 20)
    good = [ValueChange(ind.id, Q(2025, 4), 19, source="Sheet1 row 2 column C")]
    bad = [ValueChange(ind.id, Q(2026, 1), 30, source="Sheet1 row 2 column D"),  # no reason
           ValueChange(ind.id, Q(2025, 3), 140, source="Sheet1 row 2 column B")]
    planned = perf.preview_values(good + bad)
    assert [p.outcome for p in planned] == [Outcome.ADD, Outcome.REJECT, Outcome.REJECT]
    assert planned[1].field == "reason" and planned[1].old_value == 20
    before = len(store.history())
    with pytest.raises(ValidationError) as caught:
        perf.apply_values(good + bad)
    assert str(caught.value).startswith("Sheet1 row 2 column D: CP3 for Q4 2025-26")
    assert "(1 more refused too) Nothing was saved." in str(caught.value)
    assert perf.value(ind.id, "2025-Q4") is None and len(store.history()) == before
    twice = good + [ValueChange(ind.id, Q(2025, 4), 18, source="Sheet2 row 5 column C")]
    with pytest.raises(ValidationError, match=r"Sheet2 row 5 column C: CP3 Q3 2025-26 \(Oct–Dec 2025\) is given twice"):
        perf.apply_values(twice)
    done = perf.apply_values(good + [dataclasses.replace(bad[0], reason="Revised by the agency")], what="dataset.xlsx")
    assert (done.added, done.revised, done.unchanged) == (1, 1, 0)
    assert perf.value(ind.id, "2025-Q4").value == 19 and perf.value(ind.id, "2026-Q1").value == 30
    [entry] = store.history(entity="indicator_value", limit=1)
    assert entry.summary == "Values imported from dataset.xlsx: 1 added, 1 revised"
    assert entry.changes["CP3 Q3 2025-26"] == [None, 19] and entry.changes["CP3 Q4 2025-26"] == [20, 30]
    assert entry.changes["reason"] == "Revised by the agency"
    assert perf.apply_values(good).unchanged == 1


def test_comparators_and_commentary(store, perf):
    ind = _add(perf)
    saved = perf.set_comparators(Comparators(ind.id, Q(2026, 1), england=22.1, region=21.0))
    assert (saved.england, saved.region, saved.statistical_neighbours, saved.row_version) == (22.1, 21.0, None, 1)
    changed = perf.set_comparators(dataclasses.replace(saved, statistical_neighbours=20.4))
    assert changed.row_version == 2
    with pytest.raises(EditConflict):
        perf.set_comparators(dataclasses.replace(saved, england=1))
    with pytest.raises(ValidationError, match="The England comparator is a percentage"):
        perf.set_comparators(Comparators(ind.id, Q(2026, 1), england=120))
    assert list(perf.comparator_series(ind.id)) == [Q(2026, 1)]

    note = perf.set_commentary(ind.id, "Q4 2025-26", "  Two large sibling groups.  ", author="Jo Bloggs")
    assert (note.text, note.author, note.row_version) == ("Two large sibling groups.", "Jo Bloggs", 1)
    with pytest.raises(EditConflict):
        perf.set_commentary(ind.id, "2026-Q1", "Mine", version=0)  # someone wrote it meanwhile
    again = perf.set_commentary(ind.id, "2026-Q1", "Two large sibling groups; one ended.", author="Jo Bloggs",
                                version=1)
    assert again.row_version == 2
    history = store.history(entity="indicator_commentary")
    assert [c.summary for c in history] == ["Commentary rewritten: CP3 Q4 2025-26", "Commentary written: CP3 Q4 2025-26"]
    assert history[0].changes["text"] == ["Two large sibling groups.", "Two large sibling groups; one ended."]


def test_scorecard_rows(store, perf):
    police, health = store.find_agency("Police"), store.find_agency("SWL ICB")
    store.agendas.set_setting(cfg.PARTNERSHIP_PRIORITIES, ["Neglect"])
    themes = perf.themes()
    # lower is better, target 20 tolerance 2: rising four quarters running, red now
    repeat = _add(perf, "CP3", tags=["Neglect"])
    _series(perf, repeat, Q(2025, 1), [18, 19, 20, 21.5, 23])
    perf.set_comparators(Comparators(repeat.id, Q(2026, 1), england=22.1))
    perf.set_commentary(repeat.id, "2026-Q1", "Two large sibling groups.")
    # higher is better, target 90 tolerance 5: amber now, better than last quarter
    timely = _add(perf, "ICPC", theme_id=themes[2].id, direction="higher", target=90, tolerance=5,
                  owner_agency_id=police.id)
    _series(perf, timely, Q(2025, 4), [80, 86])
    # monthly, broken down by agency: read for the quarter's last month
    missing = _add(perf, "MISS", theme_id=themes[0].id, unit="rate per 10,000", direction="neither", target=None,
                   frequency="monthly", by_agency=True)
    perf.set_value(missing.id, "2026-03", 41.5)
    perf.set_value(missing.id, "2026-03", 12, agency_id=health.id)
    perf.set_value(missing.id, "2026-02", 99)
    # an annual workforce indicator with no value in the financial year the quarter ends
    vacancy = _add(perf, "WF1", theme_id=themes[4].id, frequency="annual")
    perf.set_value(vacancy.id, "2024-25", 15)
    perf.set_value(timely.id, "2026-Q1", 87, reason="Checked against the case records")

    rows = perf.scorecard("2026-Q1")
    assert [r.indicator.code for r in rows] == ["MISS", "ICPC", "CP3", "WF1"]  # theme order
    by = {r.indicator.code: r for r in rows}
    cp3 = by["CP3"]
    assert (cp3.value, cp3.rag, cp3.travel_previous, cp3.travel_last_year) == (23, Rag.RED, Travel.WORSE, Travel.WORSE)
    assert (cp3.previous_value, cp3.last_year_value) == (21.5, 18)
    assert [v for _p, v in cp3.sparkline] == [None, None, None, 18, 19, 20, 21.5, 23]
    assert cp3.exception_reasons == (EXCEPTION_RED, EXCEPTION_WORSENING)
    assert cp3.comparators.england == 22.1 and cp3.commentary.text == "Two large sibling groups."
    assert cp3.theme.name == NATIONAL_THEMES[3] and not cp3.revised
    icpc = by["ICPC"]
    assert (icpc.value, icpc.rag, icpc.travel_previous, icpc.travel_last_year, icpc.revised) == (
        87, Rag.AMBER, Travel.BETTER, Travel.NONE, True)
    miss = by["MISS"]
    assert (miss.period, miss.value, miss.rag, miss.travel_previous) == (Period.month(2026, 3), 41.5, Rag.GREY,
                                                                        Travel.DOWN)
    assert [(f.agency_id, f.value) for f in miss.by_agency] == [(health.id, 12)]
    wf1 = by["WF1"]
    assert (wf1.period.key, wf1.value, wf1.last_year_value, wf1.travel_last_year) == ("2025-26", None, 15, Travel.NONE)

    assert [r.indicator.code for r in perf.scorecard("2026-Q1", exceptions_only=True)] == ["CP3"]
    assert [r.indicator.code for r in perf.scorecard("2026-Q1", rag="amber")] == ["ICPC"]
    assert [r.indicator.code for r in perf.scorecard("2026-Q1", rag=[Rag.RED, Rag.AMBER])] == ["ICPC", "CP3"]
    assert [r.indicator.code for r in perf.scorecard("2026-Q1", theme=themes[3].id)] == ["CP3"]
    assert [r.indicator.code for r in perf.scorecard("2026-Q1", tag="neglect")] == ["CP3"]
    assert [r.indicator.code for r in perf.scorecard("2026-Q1", agency=police.id)] == ["ICPC"]
    assert [r.indicator.code for r in perf.scorecard("2026-Q1", agency=health.id)] == ["MISS"]
    # a monthly scorecard reads quarterly indicators for the latest quarter complete by the month's end
    assert {r.indicator.code: r.value for r in perf.scorecard("2026-02")}["ICPC"] == 80
    assert {r.indicator.code: r.value for r in perf.scorecard("2026-03")}["ICPC"] == 87
    assert perf.latest_period() == Q(2026, 1) and perf.latest_period("monthly") == Period.month(2026, 3)
    assert perf.history(repeat.id, periods=3) == [(Q(2025, 3), 20), (Q(2025, 4), 21.5), (Q(2026, 1), 23)]


def test_scorecard_a_handful_of_queries_whatever_the_number_of_indicators(store, perf):
    for n in range(12):
        ind = _add(perf, f"X{n}")
        _series(perf, ind, Q(2025, 1), [10 + n, 11, 12])
    statements: list[str] = []
    store.db.conn.set_trace_callback(lambda sql: statements.append(sql) if sql.lstrip().upper().startswith("SELECT") else None)
    try:
        rows = perf.scorecard("2025-Q3")
    finally:
        store.db.conn.set_trace_callback(None)
    assert len(rows) == 12
    assert len(statements) <= 8, statements

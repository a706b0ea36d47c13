"""Section 11 rules below the store: scales, scores, overdue, weakest standards, round to round.

Figures are worked out by hand in the comments next to them.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mqp_desktop.domain.section11 import (
    PERCENT,
    RAG,
    SCORE_0_3,
    ActionItem,
    ActionStatus,
    AuditReturn,
    AuditRound,
    Basis,
    Criterion,
    Framework,
    FrameworkImportError,
    Rating,
    ReturnStatus,
    ScaleKind,
    Standard,
    framework_from_rows,
    framework_rows,
    scale_for,
    validate_action,
    validate_framework,
    validate_rating,
    validate_return_dates,
    validate_round,
)
from mqp_desktop.domain.section11_analysis import (
    Trend,
    compare_rounds,
    outstanding_returns,
    overdue_actions,
    overdue_returns,
    previous_round,
    rating_grid,
    return_summary,
    round_status,
    score_values,
    standard_score,
    weakest_standards,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.paths import resource_path

D = dt.date
THREE = (
    Standard(1, "Senior management commitment"),
    Standard(2, "Training", criteria=(Criterion("2.1", "Induction"), Criterion("2.2", "Refresher"))),
    Standard(3, "Information sharing"),
)


ISSUED, DEADLINE = D(2025, 10, 1), D(2025, 12, 1)


def make_round(scale=ScaleKind.SCORE_0_3, standards=THREE, id=1, issued=ISSUED, deadline=DEADLINE):
    return AuditRound(name=f"Round {id}", scale=scale, issued=issued, deadline=deadline, standards=standards, id=id)


def make_return(agency_id, values, *, moderated=None, round_id=1, **kw):
    """A return rated ``values`` {standard: self value}, ``moderated`` {standard: value}."""
    ratings = []
    for number, value in values.items():
        ratings.append(Rating(number, self_value=value, moderated_value=(moderated or {}).get(number)))
    return AuditReturn(round_id=round_id, agency_id=agency_id, ratings=tuple(ratings), id=agency_id, **kw)


# --- the three scales ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("scale", "typed", "stored"),
    [
        (RAG, "Green", "green"), (RAG, " A ", "amber"), (RAG, "r", "red"),
        (SCORE_0_3, "0", "0"), (SCORE_0_3, 3, "3"), (SCORE_0_3, 2.0, "2"),
        (PERCENT, "75%", "75"), (PERCENT, 100, "100"), (PERCENT, "0", "0"), (PERCENT, "N/A", "n/a"),
        (PERCENT, "not applicable", "n/a"), (PERCENT, 35.0, "35"),
    ],
)
def test_scales_store_what_was_typed_as_one_canonical_value(scale, typed, stored):
    assert scale.clean(typed) == stored


@pytest.mark.parametrize(
    ("scale", "typed"),
    [
        (RAG, "purple"), (RAG, "1"), (RAG, "n/a"), (SCORE_0_3, "4"), (SCORE_0_3, "-1"), (SCORE_0_3, "1.5"),
        (SCORE_0_3, "amber"), (SCORE_0_3, "na"), (PERCENT, "73"), (PERCENT, "105"), (PERCENT, "-5"),
        (PERCENT, "7.5"), (PERCENT, True), (PERCENT, "green"),
    ],
)
def test_off_scale_ratings_are_refused_naming_the_scale(scale, typed):
    with pytest.raises(ValidationError) as err:
        scale.clean(typed, "self_value")
    assert err.value.field == "self_value"
    assert scale.label in str(err.value)


def test_empty_is_no_rating_yet():
    assert RAG.clean("") is None and SCORE_0_3.clean(None) is None and PERCENT.clean("  ") is None


def test_percent_scale_is_0_to_100_in_fives_with_not_applicable():
    assert PERCENT.values == tuple(str(n) for n in range(0, 101, 5))
    assert len(PERCENT.values) == 21
    assert PERCENT.choices[-1] == "n/a"
    assert "n/a" not in RAG.choices and "n/a" not in SCORE_0_3.choices


def test_scales_share_one_percent_footing():
    assert [RAG.percent_of(v) for v in ("red", "amber", "green")] == [0, 50, 100]
    assert [round(SCORE_0_3.percent_of(v), 2) for v in "0123"] == [0, 33.33, 66.67, 100]
    assert PERCENT.percent_of("35") == 35
    assert PERCENT.percent_of("n/a") is None and RAG.percent_of(None) is None
    # nearest: 60% on RAG is amber (50), 80% is green; 2/3 on 0-3 is "2"
    assert RAG.nearest(60) == "amber" and RAG.nearest(80) == "green" and SCORE_0_3.nearest(66.7) == "2"


def test_unknown_scale_kind_is_refused():
    assert scale_for("rag") is RAG
    with pytest.raises(ValidationError, match="not a rating scale"):
        scale_for("stars")


# --- scores, N/A left out -----------------------------------------------------------------

def test_rag_score():
    # red 0 + amber 1 + green 2 + green 2 = 5 of 4 x 2 = 8 -> 62.5%
    s = score_values(RAG, ["red", "amber", "green", "green"])
    assert (s.points, s.max_points, s.rated, s.percent) == (5, 8, 4, 62.5)
    assert s.counts == {"red": 1, "amber": 1, "green": 2}


def test_score_0_3_with_one_unrated():
    # 3 + 2 + 1 = 6 of 3 x 3 = 9 -> 66.67%; the unrated one is neither points nor maximum
    s = score_values(SCORE_0_3, ["3", "2", "1", None])
    assert (s.points, s.max_points, s.unrated, s.mean) == (6, 9, 1, 2.0)
    assert s.percent == pytest.approx(200 / 3)


def test_percent_not_applicable_is_left_out_of_the_total():
    # 80 + 60 + 45 = 185 of 3 x 100 = 300 -> 61.67% (counting n/a as 0 would give 185/400 = 46.25%)
    s = score_values(PERCENT, ["80", "60", "n/a", "45"])
    assert (s.points, s.max_points, s.rated, s.not_applicable) == (185, 300, 3, 1)
    assert s.percent == pytest.approx(61.6667, abs=1e-3)
    assert s.counts == {"45": 1, "60": 1, "80": 1, "n/a": 1}


def test_all_not_applicable_has_no_percent():
    s = score_values(PERCENT, ["n/a", "n/a"])
    assert s.percent is None and s.mean is None and s.is_not_applicable


def test_not_applicable_needs_a_reason():
    rating = Rating(1, self_value="n/a")
    with pytest.raises(ValidationError, match="reason") as err:
        validate_rating(rating, PERCENT, THREE)
    assert err.value.field == "self_na_reason"
    ok = validate_rating(Rating(1, self_value="N/A", self_na_reason=" No staff recruited this year "), PERCENT, THREE)
    assert (ok.self_value, ok.self_na_reason) == ("n/a", "No staff recruited this year")
    with pytest.raises(ValidationError, match="reason"):
        validate_rating(Rating(1, self_value="80", moderated_value="n/a"), PERCENT, THREE)


def test_not_applicable_is_refused_on_a_scale_without_it():
    with pytest.raises(ValidationError, match="not allowed on the red/amber/green scale"):
        validate_rating(Rating(1, self_value="n/a", self_na_reason="why"), RAG, THREE)


def test_rating_must_name_a_standard_and_criterion_of_the_round():
    with pytest.raises(ValidationError, match="no standard 9") as err:
        validate_rating(Rating(9, self_value="2"), SCORE_0_3, THREE)
    assert err.value.field == "standard"
    with pytest.raises(ValidationError, match="no sub-criterion '2.7'"):
        validate_rating(Rating(2, "2.7", self_value="2"), SCORE_0_3, THREE)
    # a bare number is the sub-criterion under its standard
    assert validate_rating(Rating(2, "2", self_value="2"), SCORE_0_3, THREE).criterion == "2.2"


def test_standard_scored_by_its_own_rating_else_by_its_criteria():
    rnd = make_round()
    ratings = [Rating(2, "2.1", self_value="0"), Rating(2, "2.2", self_value="2")]
    # from the criteria: 0 + 2 = 2 of 6 -> 33.3%
    assert standard_score(SCORE_0_3, rnd.standard(2), ratings).percent == pytest.approx(100 / 3)
    # the standard's own rating stands for it once it has one
    ratings.append(Rating(2, self_value="3"))
    assert standard_score(SCORE_0_3, rnd.standard(2), ratings).percent == 100
    # a criterion not rated counts as unrated
    s = standard_score(SCORE_0_3, rnd.standard(2), [Rating(2, "2.1", self_value="1")])
    assert (s.rated, s.unrated, s.percent) == (1, 1, pytest.approx(100 / 3))


def test_moderated_and_self_bases():
    rnd = make_round()
    ret = make_return(1, {1: "3", 2: "2", 3: "1"}, moderated={1: "2"})
    self_ = return_summary(rnd, ret, Basis.SELF)
    eff = return_summary(rnd, ret, Basis.EFFECTIVE)
    mod = return_summary(rnd, ret, Basis.MODERATED)
    # self: (100 + 66.67 + 33.33) / 3 = 66.67; effective: (66.67 + 66.67 + 33.33) / 3 = 55.56
    assert self_.percent == pytest.approx(200 / 3)
    assert eff.percent == pytest.approx(500 / 9)
    # moderated only: standard 1 alone (66.67); the other two unrated
    assert mod.percent == pytest.approx(200 / 3) and mod.rated_standards == 1 and mod.unrated_standards == 2


def test_return_percent_is_the_mean_of_its_standards_leaving_out_not_applicable():
    standards = (Standard(1, "One"), Standard(2, "Two"), Standard(3, "Three"), Standard(4, "Four"))
    rnd = make_round(ScaleKind.PERCENT, standards)
    ret = AuditReturn(1, 7, ratings=(
        Rating(1, self_value="80"), Rating(2, self_value="50"),
        Rating(3, self_value="n/a", self_na_reason="no premises"),
    ))
    summary = return_summary(rnd, ret)
    # (80 + 50) / 2 = 65; standard 3 n/a and standard 4 unrated left out
    assert summary.percent == 65
    assert (summary.rated_standards, summary.not_applicable_standards, summary.unrated_standards) == (2, 1, 1)
    assert summary.counts == {"50": 1, "80": 1, "n/a": 1}


# --- the weakest standards ----------------------------------------------------------------

def test_weakest_standards_across_agencies():
    rnd = make_round()
    a = make_return(1, {1: "3", 2: "0", 3: "2"}, moderated={3: "0"})
    b = make_return(2, {1: "2", 2: "1", 3: "2"})
    # self: s1 (100 + 66.67) / 2 = 83.33; s2 (0 + 33.33) / 2 = 16.67; s3 (66.67 + 66.67) / 2 = 66.67
    weakest = weakest_standards(rnd, [a, b], Basis.SELF)
    assert [w.number for w in weakest] == [2, 3, 1]
    assert [round(w.mean_percent, 2) for w in weakest] == [16.67, 66.67, 83.33]
    assert weakest[0].lowest_agency_ids == (1,) and weakest[0].lowest_percent == 0
    assert weakest[0].counts == {"0": 1, "1": 1}
    # effective: the panel's 0 for agency 1 on s3 -> (0 + 66.67) / 2 = 33.33, still second
    eff = weakest_standards(rnd, [a, b], Basis.EFFECTIVE, limit=2)
    assert [(w.number, round(w.mean_percent, 2)) for w in eff] == [(2, 16.67), (3, 33.33)]


def test_weakest_puts_unrated_standards_last_and_counts_not_applicable():
    rnd = make_round(ScaleKind.PERCENT)
    a = AuditReturn(1, 1, ratings=(Rating(1, self_value="40"), Rating(3, self_value="n/a", self_na_reason="x")))
    weakest = weakest_standards(rnd, [a])
    assert [w.number for w in weakest] == [1, 2, 3]
    assert weakest[2].mean_percent is None and weakest[2].not_applicable == 1 and weakest[2].agencies_rated == 0


def test_rating_grid_has_a_cell_per_agency_and_standard():
    rnd = make_round(ScaleKind.RAG)
    grid = rating_grid(rnd, [make_return(1, {1: "green", 3: "red"}), make_return(2, {2: "amber"})])
    assert len(grid) == 6
    assert grid[(1, 1)].counts == {"green": 1} and grid[(1, 3)].percent == 0
    assert grid[(1, 2)].percent is None and grid[(2, 2)].percent == 50


# --- overdue ------------------------------------------------------------------------------

def test_return_status_and_overdue_on_fixed_dates():
    rnd = make_round(deadline=D(2025, 12, 1))
    waiting = AuditReturn(1, 1, issued=D(2025, 10, 1), id=1)
    received = AuditReturn(1, 2, issued=D(2025, 10, 1), received=D(2025, 12, 5), id=2)
    reviewed = AuditReturn(1, 3, issued=D(2025, 10, 1), received=D(2025, 11, 5), reviewed=D(2026, 1, 10), id=3)
    later = AuditReturn(1, 4, issued=D(2025, 12, 10), id=4)
    returns = [waiting, received, reviewed, later]
    # on the deadline itself nothing is overdue yet
    assert overdue_returns(rnd, returns, D(2025, 12, 1)) == []
    assert waiting.status(rnd.deadline, D(2025, 12, 1)) is ReturnStatus.OUTSTANDING
    # the day after, the one not received is
    assert [r.id for r in overdue_returns(rnd, returns, D(2025, 12, 2))] == [1]
    assert received.status(rnd.deadline, D(2025, 12, 2)) is ReturnStatus.RECEIVED
    assert reviewed.status(rnd.deadline, D(2025, 12, 2)) is ReturnStatus.REVIEWED
    # issued later than today: not issued yet, not overdue
    assert later.status(rnd.deadline, D(2025, 12, 2)) is ReturnStatus.NOT_ISSUED
    assert [r.id for r in outstanding_returns(rnd, returns, D(2025, 12, 2))] == [1, 4]


def test_overdue_actions_on_fixed_dates():
    today = D(2025, 12, 2)
    items = [
        ActionItem(1, "open, due yesterday", due=D(2025, 12, 1), id=1),
        ActionItem(1, "in progress, long overdue", due=D(2025, 6, 1), status=ActionStatus.IN_PROGRESS, id=2),
        ActionItem(1, "done", due=D(2025, 6, 1), status=ActionStatus.DONE, closed=D(2025, 7, 1), id=3),
        ActionItem(1, "dropped", due=D(2025, 6, 1), status=ActionStatus.DROPPED, closed=D(2025, 7, 1), id=4),
        ActionItem(1, "due today", due=today, id=5),
        ActionItem(1, "no due date", id=6),
    ]
    assert [a.id for a in overdue_actions(items, today)] == [2, 1]  # oldest due first
    ret = AuditReturn(1, 1, actions=tuple(items))
    assert [a.id for a in overdue_actions([ret], today)] == [2, 1]


def test_round_status_brings_it_together():
    rnd = make_round()
    a = make_return(1, {1: "1", 2: "1", 3: "3"}, issued=D(2025, 10, 1), received=D(2025, 11, 1),
                    actions=(ActionItem(1, "late", due=D(2025, 11, 30)),))
    b = AuditReturn(1, 2, issued=D(2025, 10, 1), id=2)
    status = round_status(rnd, [a, b], D(2025, 12, 2))
    assert [r.id for r in status.overdue] == [2]
    assert [r.id for r in status.returns(ReturnStatus.RECEIVED)] == [1]
    assert [w.number for w in status.weakest] == [1, 2, 3]
    assert [x.action for x in status.overdue_actions] == ["late"]
    assert status.summaries[1].percent == pytest.approx((100 / 3 + 100 / 3 + 100) / 3)


# --- round to round -----------------------------------------------------------------------

def test_round_to_round_on_a_common_footing():
    prev = make_round(ScaleKind.RAG, id=1, issued=D(2024, 10, 1), deadline=D(2024, 12, 1))
    four = THREE + (Standard(4, "Voice of the child"),)
    cur = make_round(ScaleKind.SCORE_0_3, four, id=2)
    prev_returns = [make_return(1, {1: "amber", 2: "green", 3: "green"}, round_id=1)]
    cur_returns = [
        make_return(1, {1: "2", 2: "3", 3: "1", 4: "2"}, round_id=2),
        make_return(2, {1: "3"}, round_id=2),
    ]
    cmp = compare_rounds(prev, prev_returns, cur, cur_returns)
    # agency 1: s1 amber 50 -> 2 of 3 = 66.67 improved; s2 green 100 -> 3 = 100 same; s3 100 -> 33.33 worse
    assert cmp.cell(1, 1).trend is Trend.IMPROVED and cmp.cell(1, 1).change == pytest.approx(50 / 3)
    assert cmp.cell(1, 2).trend is Trend.SAME and cmp.cell(1, 2).change == 0
    assert cmp.cell(1, 3).trend is Trend.WORSE and cmp.cell(1, 3).change == pytest.approx(-200 / 3)
    # a standard new this round, and an agency not asked last time, cannot be compared
    assert cmp.cell(1, 4).trend is Trend.NOT_COMPARABLE
    assert cmp.cell(2, 1).trend is Trend.NOT_COMPARABLE and cmp.cell(2, 1).previous_percent is None
    # overall for agency 1: (50 + 100 + 100) / 3 = 83.33 -> (66.67 + 100 + 33.33 + 66.67) / 4 = 66.67: worse
    overall = {c.agency_id: c for c in cmp.overall}
    assert overall[1].previous_percent == pytest.approx(250 / 3)
    assert overall[1].current_percent == pytest.approx(200 / 3)
    assert overall[1].trend is Trend.WORSE
    assert cmp.counts() == {Trend.IMPROVED: 1, Trend.SAME: 1, Trend.WORSE: 1, Trend.NOT_COMPARABLE: 5}
    assert cmp.by_standard()[1] == {Trend.IMPROVED: 1, Trend.SAME: 0, Trend.WORSE: 0, Trend.NOT_COMPARABLE: 1}


def test_round_to_round_uses_the_chosen_basis():
    prev = make_round(id=1, issued=D(2024, 10, 1), deadline=D(2024, 12, 1))
    cur = make_round(id=2)
    prev_returns = [make_return(1, {1: "2"}, round_id=1)]
    cur_returns = [make_return(1, {1: "3"}, moderated={1: "1"}, round_id=2)]
    assert compare_rounds(prev, prev_returns, cur, cur_returns, Basis.SELF).cell(1, 1).trend is Trend.IMPROVED
    assert compare_rounds(prev, prev_returns, cur, cur_returns).cell(1, 1).trend is Trend.WORSE


def test_previous_round_is_the_one_issued_before():
    a = make_round(id=1, issued=D(2023, 10, 1), deadline=D(2023, 12, 1))
    b = make_round(id=2, issued=D(2024, 10, 1), deadline=D(2024, 12, 1))
    c = make_round(id=3, issued=D(2025, 10, 1), deadline=D(2025, 12, 1))
    assert previous_round([c, a, b], c).id == 2
    assert previous_round([c, a, b], a) is None


# --- rounds, returns, actions -------------------------------------------------------------

def test_round_checks_its_dates_and_name():
    rnd = validate_round(make_round())
    assert rnd.name == "Round 1"
    with pytest.raises(ValidationError, match="before the issue date"):
        validate_round(make_round(issued=D(2025, 10, 1), deadline=D(2025, 9, 1)))
    bad = make_round()
    bad.panel_dates = (D(2025, 9, 1),)
    with pytest.raises(ValidationError, match="panel date"):
        validate_round(bad)
    nameless = make_round()
    nameless.name = "  "
    with pytest.raises(ValidationError, match="name"):
        validate_round(nameless)


def test_return_dates_in_order():
    with pytest.raises(ValidationError, match="before the return was issued"):
        validate_return_dates(AuditReturn(1, 1, issued=D(2025, 10, 1), received=D(2025, 9, 30)))
    with pytest.raises(ValidationError, match="before it is received"):
        validate_return_dates(AuditReturn(1, 1, issued=D(2025, 10, 1), reviewed=D(2025, 11, 1)))
    ok = AuditReturn(1, 1, issued=D(2025, 10, 1), received=D(2025, 10, 1), reviewed=D(2025, 10, 1))
    assert validate_return_dates(ok) is ok


def test_action_closed_date_follows_its_status():
    done = validate_action(ActionItem(1, "  Refresh   training ", status="done"), THREE, D(2025, 12, 2))
    assert (done.action, done.status, done.closed) == ("Refresh training", ActionStatus.DONE, D(2025, 12, 2))
    with pytest.raises(ValidationError, match="no closed date"):
        validate_action(ActionItem(1, "x", status="open", closed=D(2025, 12, 2)), THREE, D(2025, 12, 2))
    with pytest.raises(ValidationError, match="not an action status"):
        validate_action(ActionItem(1, "x", status="finished"), THREE, D(2025, 12, 2))
    with pytest.raises(ValidationError, match="no standard 9"):
        validate_action(ActionItem(1, "x", standard=9), THREE, D(2025, 12, 2))
    with pytest.raises(ValidationError, match="empty"):
        validate_action(ActionItem(1, "   "), THREE, D(2025, 12, 2))
    assert validate_action(ActionItem(1, "x", status="In-Progress"), THREE, D(2025, 1, 1)).status is ActionStatus.IN_PROGRESS


# --- frameworks ---------------------------------------------------------------------------

def test_shipped_framework_is_the_eight_statutory_standards_as_data():
    data = json.loads(resource_path("frameworks", "section11-statutory-8.json").read_text(encoding="utf-8"))
    fw = Framework.from_data(data)
    assert [s.number for s in fw.standards] == list(range(1, 9))
    assert fw.standard(8).title == "Effective information sharing"
    assert fw.standard(6).title.startswith("Safer recruitment")
    assert all(len(s.criteria) >= 3 for s in fw.standards)
    assert fw.to_data()["standards"] == Framework.from_data(fw.to_data()).to_data()["standards"]


def test_a_partnership_adds_its_own_standard():
    fw = Framework("Ours", THREE)
    more = fw.with_standard("Voice of the child", "Children's views shape services", ["Children are asked", "Views recorded"])
    assert [s.number for s in more.standards] == [1, 2, 3, 4]
    assert more.standard(4).criteria == (Criterion("4.1", "Children are asked"), Criterion("4.2", "Views recorded"))
    assert fw.standards == THREE  # the original is untouched (frozen)


def test_framework_validation():
    with pytest.raises(ValidationError, match="twice"):
        validate_framework(Framework("X", (Standard(1, "a"), Standard(1, "b"))))
    with pytest.raises(ValidationError, match="no standards"):
        validate_framework(Framework("X", ()))
    with pytest.raises(ValidationError, match="no title"):
        validate_framework(Framework("X", (Standard(1, " "),)))


def test_framework_from_rows_reads_back_framework_rows():
    fw = Framework.from_data(json.loads(resource_path("frameworks", "section11-statutory-8.json").read_text("utf-8")))
    again = framework_from_rows(framework_rows(fw), name=fw.name, description=fw.description)
    assert again == fw


def test_framework_from_rows_takes_mappings_and_bare_criterion_numbers():
    rows = [
        {"Standard": 1, "Criterion": None, "Title": "Leadership", "Description": "Senior managers"},
        {"Standard": 1.0, "Criterion": 1, "Title": "A named lead"},
        {},
        {"Standard": "2", "Criterion": "", "Text": "Voice of the child"},
        {"Standard": "2", "Criterion": "2b", "Text": "Views recorded"},
    ]
    fw = framework_from_rows(rows, name="Local")
    assert fw.standards == (
        Standard(1, "Leadership", "Senior managers", (Criterion("1.1", "A named lead"),)),
        Standard(2, "Voice of the child", "", (Criterion("2b", "Views recorded"),)),
    )


def test_framework_from_rows_reports_every_problem_by_row_and_column():
    rows = [
        ("one", "", "Leadership", ""),          # row 2: not a number
        (1, "", "", ""),                        # row 3: no title
        (2, "2.1", "Orphan criterion", ""),     # row 4: standard 2 has no row of its own
        (3, "", "Training", ""),
        (3, "", "Training again", ""),          # row 6: defined twice
        (3, "3.1", "Induction", ""),
        (3, "1", "Induction again", ""),        # row 8: 3.1 twice
    ]
    with pytest.raises(FrameworkImportError) as err:
        framework_from_rows(rows, name="Bad")
    problems = [(p.row, p.column) for p in err.value.problems]
    assert problems == [(2, "standard"), (3, "text"), (4, "standard"), (6, "standard"), (8, "criterion")]
    assert "row 2, standard" in str(err.value)


def test_framework_from_rows_refuses_no_rows():
    with pytest.raises(FrameworkImportError, match="no standards"):
        framework_from_rows([[], [None, None]], name="Empty")

"""Section 11 agency workbooks: export, fill in with openpyxl as an agency would, preview, apply.

The round trip on each of the three scales; every rejection, naming the sheet and
cell; hypothesis-made damaged workbooks (never a crash, never a partial write) and
valid fills (always applied, stored exactly as typed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from mqp_desktop.domain.section11 import ActionStatus, Rating, ScaleKind
from mqp_desktop.exporters.section11_workbook import (
    CellProblem,
    WorkbookError,
    WorkbookOutdated,
    WorkbookRejected,
    apply_workbook,
    export_workbook,
    export_workbooks,
    preview_workbook,
)
from mqp_desktop.exporters.section11_workbook_layout import (
    ACTION_COLUMNS,
    ACTIONS,
    DATA,
    FIRST_ROW,
    INSTRUCTIONS,
    RETURN,
    SHEETS,
    STANDARDS,
    letter,
    rating_choices,
    return_cell,
    standard_choice,
    standards_columns,
)
from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo
from tests.helpers.db_dump import dump

TODAY = dt.date(2025, 11, 20)
ISSUED = dt.date(2025, 10, 1)
DEADLINE = dt.date(2025, 12, 1)


# --- helpers -----------------------------------------------------------------------------------
def _round(store, scale: ScaleKind, name: str | None = None):
    s11 = Section11Repo(store)
    agencies = [a.id for a in store.agencies()][:3]
    rnd = s11.create_round(name or f"Section 11 audit ({scale.value})", s11.framework(DEFAULT_FRAMEWORK), scale,
                           agencies, ISSUED, DEADLINE)
    return s11, rnd


def _snapshot(store) -> str:
    return dump(store.db.conn)


def _load(path: Path):
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_workbook(path)


def _save(wb, path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb.save(path)


def _edit(path: Path, edits: dict[tuple[str, str], object]) -> Path:
    """Type values into cells, as an agency would in Excel."""
    wb = _load(path)
    for (sheet, ref), value in edits.items():
        wb[sheet][ref] = value
    _save(wb, path)
    return path


def _row_of(path: Path, ref: str) -> int:
    wb = _load(path)
    ws = wb[STANDARDS]
    for row in range(FIRST_ROW, ws.max_row + 1):
        if ws[f"A{row}"].value == ref:
            return row
    raise AssertionError(f"no row {ref}")


def _col(scale, key: str) -> str:
    return letter(standards_columns(scale), key)


def _act(key: str) -> str:
    return letter(ACTION_COLUMNS, key)


@pytest.fixture
def score(store, tmp_path):
    """A 0-3 round, its first agency's workbook exported to a file."""
    s11, rnd = _round(store, ScaleKind.SCORE_0_3)
    agency_id = rnd.agency_ids[0]
    path = export_workbook(store, rnd.id, agency_id, tmp_path / "return.xlsx", today=TODAY)
    return s11, rnd, agency_id, path


# --- the round trip ----------------------------------------------------------------------------
ROUND_TRIP = {
    ScaleKind.RAG: [("1", "Amber", ""), ("1.1", "green", ""), ("5", "R", ""), ("8.2", "Green", "")],
    ScaleKind.SCORE_0_3: [("1", "2", ""), ("3.2", 3, ""), ("5", "0", ""), ("8", 1.0, "")],
    ScaleKind.PERCENT: [("1", 75, ""), ("2", "100", ""), ("6", "n/a", "We employ no staff or volunteers"),
                        ("8.3", "35%", "")],
}


@pytest.mark.parametrize("kind", list(ScaleKind))
def test_round_trip_stores_exactly_what_was_typed(store, tmp_path, kind):
    s11, rnd = _round(store, kind)
    scale = rnd.rating_scale
    agency_id = rnd.agency_ids[1]
    path = export_workbook(store, rnd.id, agency_id, tmp_path / f"{kind.value}.xlsx", today=TODAY)
    edits: dict[tuple[str, str], object] = {}
    typed = {}
    for i, (ref, value, reason) in enumerate(ROUND_TRIP[kind]):
        row = _row_of(path, ref)
        evidence = f"Evidence {ref}: board minutes\nTraining matrix {i}"
        improvement = f"Improve {ref}" if i % 2 else ""
        edits[(STANDARDS, f"{_col(scale, 'self_value')}{row}")] = value
        edits[(STANDARDS, f"{_col(scale, 'evidence')}{row}")] = evidence
        edits[(STANDARDS, f"{_col(scale, 'improvement')}{row}")] = improvement or None
        if reason:
            edits[(STANDARDS, f"{_col(scale, 'self_na_reason')}{row}")] = reason
        typed[ref] = (scale.clean(value), reason, evidence, improvement)
    edits[(RETURN, return_cell("lead_name"))] = "Dr  Asha Patel"
    edits[(RETURN, return_cell("lead_email"))] = "asha.patel@agency.example.org"
    edits[(RETURN, return_cell("substitute_name"))] = "Tom Reid"
    row = FIRST_ROW
    edits[(ACTIONS, f"{_act('action')}{row}")] = "Bring refresher training up to 90%"
    edits[(ACTIONS, f"{_act('standard')}{row}")] = standard_choice(rnd.standard(5))
    edits[(ACTIONS, f"{_act('owner')}{row}")] = "Head of learning"
    edits[(ACTIONS, f"{_act('due')}{row}")] = dt.datetime(2026, 3, 31)
    edits[(ACTIONS, f"{_act('status')}{row}")] = "in progress"
    _edit(path, edits)

    preview = preview_workbook(store, path, today=TODAY)
    assert preview.problems == []
    assert (preview.round_id, preview.agency_id) == (rnd.id, agency_id)
    assert preview.mark_received and "marked received" in preview.summary
    assert {(c.standard, c.criterion) for c in preview.changes} == {
        (int(ref.split(".")[0]), ref if "." in ref else "") for ref in typed
    }
    result = apply_workbook(store, preview, today=TODAY)
    assert result["ratings"] == len(typed) and result["actions_added"] == 1 and result["contacts"] == 3

    ret = s11.find_return(rnd.id, agency_id)
    assert ret.received == TODAY
    stored = {(r.criterion or str(r.standard)): (r.self_value, r.self_na_reason, r.evidence, r.improvement)
              for r in ret.ratings}
    assert stored == typed
    assert (ret.lead_name, ret.lead_email, ret.substitute_name) == (
        "Dr Asha Patel", "asha.patel@agency.example.org", "Tom Reid")
    (action,) = ret.actions
    assert (action.action, action.standard, action.owner, action.due, action.status) == (
        "Bring refresher training up to 90%", 5, "Head of learning", dt.date(2026, 3, 31), ActionStatus.IN_PROGRESS)
    assert any(c.action == "imported" and c.entity == "s11_return" for c in store.history(entity_id=ret.id))

    # The same workbook imported twice (or sent twice) changes nothing more: no second copy of the action.
    twice = preview_workbook(store, path, today=TODAY)
    assert twice.problems == [] and not twice.has_changes, twice.summary

    # Re-issued, the workbook shows the earlier answers, and importing it again changes nothing.
    again = export_workbook(store, rnd.id, agency_id, tmp_path / "again.xlsx", today=TODAY)
    ws = _load(again)[STANDARDS]
    row = _row_of(again, ROUND_TRIP[kind][0][0])
    choices = rating_choices(scale)
    assert ws[f"{_col(scale, 'self_value')}{row}"].value in choices
    assert ws[f"{_col(scale, 'evidence')}{row}"].value == typed[ROUND_TRIP[kind][0][0]][2]
    assert _load(again)[ACTIONS][f"{_act('ref')}{FIRST_ROW}"].value == str(action.id)
    before = _snapshot(store)
    repeat = preview_workbook(store, again, today=TODAY)
    assert repeat.problems == [] and not repeat.has_changes, repeat.summary
    assert _snapshot(store) == before


def test_workbook_layout_protection_and_drop_downs(score):
    _s11, _rnd, _agency_id, path = score
    wb = _load(path)
    assert wb.sheetnames == list(SHEETS)
    assert wb[DATA].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    ws = wb[STANDARDS]
    assert ws.protection.sheet and not ws.protection.password
    row = _row_of(path, "1")
    rating, text = ws[f"C{row}"], ws[f"B{row}"]
    assert rating.protection.locked is False and text.protection.locked is True
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert [dv.formula1 for dv in lists] == ['"0,1,2,3"']  # exactly the scale: no n/a on 0-3
    assert "Reason if n/a" not in [c.value for c in ws[4]]
    instructions = " ".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row if c.value)
    for words in ("1 December 2025", "not met", "fully met", "business team", "do not rename"):
        assert words in instructions


def test_percent_workbook_offers_na_and_its_reason_column(store, tmp_path):
    _s11, rnd = _round(store, ScaleKind.PERCENT)
    path = export_workbook(store, rnd.id, rnd.agency_ids[0], tmp_path / "p.xlsx", reply_to="s11@partnership.example")
    ws = _load(path)[STANDARDS]
    (dv,) = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert dv.formula1.endswith(',100,n/a"') and dv.formula1.startswith('"0,5,10')
    assert "Reason if n/a" in [c.value for c in ws[4]]
    assert any("s11@partnership.example" in str(c.value) for r in _load(path)["Instructions"].iter_rows() for c in r)


def test_export_workbooks_names_one_file_per_agency(store, tmp_path):
    _s11, rnd = _round(store, ScaleKind.RAG, name="Section 11 audit 2025/26")
    paths = export_workbooks(store, rnd.id, tmp_path / "out", today=TODAY)
    labels = [store.agency(a).label for a in rnd.agency_ids]
    assert sorted(p.name for p in paths) == sorted(f"Section 11 audit 2025-26 - {lb}.xlsx" for lb in labels)
    assert all(preview_workbook(store, p).problems == [] for p in paths)


# --- rejections: cells -------------------------------------------------------------------------
def _only_problem(preview) -> CellProblem:
    assert len(preview.problems) == 1, preview.problems
    return preview.problems[0]


def test_rating_off_the_scale_names_its_cell(store, score):
    _s11, _rnd, _a, path = score
    row = _row_of(path, "4")
    _edit(path, {(STANDARDS, f"C{row}"): "Amber"})
    problem = _only_problem(preview_workbook(store, path))
    assert (problem.sheet, problem.cell) == (STANDARDS, f"C{row}")
    assert "'Amber'" in problem.message and "0, 1, 2 or 3" in problem.message


def test_na_where_the_scale_has_none(store, score):
    _s11, _rnd, _a, path = score
    row = _row_of(path, "2.1")
    _edit(path, {(STANDARDS, f"C{row}"): "n/a"})
    problem = _only_problem(preview_workbook(store, path))
    assert (problem.sheet, problem.cell) == (STANDARDS, f"C{row}") and "not allowed" in problem.message


def test_na_without_a_reason(store, tmp_path):
    _s11, rnd = _round(store, ScaleKind.PERCENT)
    path = export_workbook(store, rnd.id, rnd.agency_ids[0], tmp_path / "p.xlsx")
    row = _row_of(path, "6")
    _edit(path, {(STANDARDS, f"C{row}"): "n/a"})
    problem = _only_problem(preview_workbook(store, path))
    assert (problem.sheet, problem.cell) == (STANDARDS, f"D{row}") and "without a reason" in problem.message


def test_a_row_added_or_renumbered_is_not_in_the_framework(store, score):
    _s11, _rnd, _a, path = score
    row = _row_of(path, "3.2")
    wb = _load(path)
    ws = wb[STANDARDS]
    ws[f"A{row}"] = "3.9"
    ws.insert_rows(row + 1)
    ws[f"A{row + 1}"] = "9"
    ws[f"B{row + 1}"] = "Voice of the child"
    ws[f"C{row + 1}"] = "2"
    _save(wb, path)
    preview = preview_workbook(store, path)
    cells = {(p.sheet, p.cell) for p in preview.problems}
    assert {(STANDARDS, f"A{row}"), (STANDARDS, f"A{row + 1}")} <= cells
    assert all("not a standard or sub-criterion" in p.message for p in preview.problems)


def test_a_deleted_row_is_named(store, score):
    _s11, _rnd, _a, path = score
    row = _row_of(path, "5.2")
    wb = _load(path)
    wb[STANDARDS].delete_rows(row)
    _save(wb, path)
    problem = _only_problem(preview_workbook(store, path))
    assert (problem.sheet, problem.cell) == (STANDARDS, f"A{row}") and "5.2 is missing" in problem.message


def test_a_standards_text_changed(store, score):
    _s11, _rnd, _a, path = score
    row = _row_of(path, "7.1")
    _edit(path, {(STANDARDS, f"B{row}"): "We do our best"})
    problem = _only_problem(preview_workbook(store, path))
    assert (problem.sheet, problem.cell) == (STANDARDS, f"B{row}") and "was changed" in problem.message


def test_dates_that_are_not_dates_statuses_and_standards_off_the_list(store, score):
    _s11, _rnd, _a, path = score
    r = FIRST_ROW
    _edit(path, {
        (ACTIONS, f"B{r}"): "Audit supervision", (ACTIONS, f"E{r}"): "next Tuesday",
        (ACTIONS, f"B{r + 1}"): "Train staff", (ACTIONS, f"E{r + 1}"): True,
        (ACTIONS, f"B{r + 2}"): "Sign agreement", (ACTIONS, f"F{r + 2}"): "finished",
        (ACTIONS, f"B{r + 3}"): "Voice", (ACTIONS, f"C{r + 3}"): "12. Voice of the child",
        (ACTIONS, f"D{r + 4}"): "Owner without an action",
    })
    problems = {p.cell: p.message for p in preview_workbook(store, path).problems}
    assert set(problems) == {f"E{r}", f"E{r + 1}", f"F{r + 2}", f"C{r + 3}", f"B{r + 4}"}
    assert "not a date" in problems[f"E{r}"] and "not a date" in problems[f"E{r + 1}"]
    assert "not an action status" in problems[f"F{r + 2}"]
    assert "not a standard" in problems[f"C{r + 3}"]


def test_bad_email_formula_and_emptied_action(store, score):
    s11, rnd, agency_id, _path = score
    ret = s11.find_return(rnd.id, agency_id)
    from mqp_desktop.domain.section11 import ActionItem

    s11.add_action(ActionItem(ret.id, "Existing action", due=dt.date(2026, 1, 1)), today=TODAY)
    path = export_workbook(s11.store, rnd.id, agency_id, _path.parent / "again.xlsx")
    row = _row_of(path, "1")
    _edit(path, {(RETURN, return_cell("lead_email")): "not an email", (STANDARDS, f"C{row}"): "=1+1",
                 (ACTIONS, f"B{FIRST_ROW}"): None})
    problems = {(p.sheet, p.cell): p.message for p in preview_workbook(s11.store, path).problems}
    assert set(problems) == {(RETURN, return_cell("lead_email")), (STANDARDS, f"C{row}"), (ACTIONS, f"B{FIRST_ROW}")}
    assert "formula" in problems[(STANDARDS, f"C{row}")]
    assert "dropped" in problems[(ACTIONS, f"B{FIRST_ROW}")]


# --- rejections: the whole file ----------------------------------------------------------------
def _refused(store, path, **kwargs) -> WorkbookError:
    before = _snapshot(store)
    with pytest.raises(WorkbookError) as caught:
        preview_workbook(store, path, **kwargs)
    assert _snapshot(store) == before
    assert caught.value.problem and caught.value.remedy
    return caught.value


def test_not_a_workbook_at_all(store, tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert "empty" in _refused(store, empty).problem
    pdf = tmp_path / "scan.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj <<>> endobj\n")
    assert "PDF" in _refused(store, pdf).problem
    encrypted = tmp_path / "locked.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "password" in _refused(store, encrypted).problem
    assert "no file" in _refused(store, tmp_path / "missing.xlsx").problem


def test_damaged_and_foreign_workbooks(store, score, tmp_path):
    _s11, _rnd, _a, path = score
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(path.read_bytes()[:2000])
    assert "damaged" in _refused(store, truncated).problem
    from openpyxl import Workbook

    foreign = tmp_path / "budget.xlsx"
    wb = Workbook()
    wb.active.title = "Budget"
    wb.save(foreign)
    assert "not a Section 11 workbook" in _refused(store, foreign).problem
    # A zip that is not a workbook at all.
    odd = tmp_path / "odd.xlsx"
    with zipfile.ZipFile(odd, "w") as z:
        z.writestr("hello.txt", "hello")
    assert _refused(store, odd).problem


@pytest.mark.parametrize("damage", ["delete hidden", "edit hidden", "rename", "reorder", "heading", "return label",
                                    "add sheet"])
def test_tampered_layout(store, score, damage):
    _s11, _rnd, _a, path = score
    wb = _load(path)
    if damage == "delete hidden":
        del wb[DATA]
    elif damage == "edit hidden":
        wb[DATA]["B3"] = "99"  # round_id
    elif damage == "rename":
        wb[STANDARDS].title = "My ratings"
    elif damage == "reorder":
        wb.move_sheet(ACTIONS, offset=-2)
    elif damage == "heading":
        wb[STANDARDS]["C4"] = "Score"
    elif damage == "return label":
        wb[RETURN].insert_rows(5)
    elif damage == "add sheet":
        wb.create_sheet("Notes", 2)
    _save(wb, path)
    error = _refused(store, path)
    assert "changed" in error.problem or "lost" in error.problem
    expected_sheet = {"delete hidden": DATA, "edit hidden": DATA, "rename": STANDARDS, "heading": STANDARDS,
                      "return label": RETURN, "add sheet": "Notes", "reorder": ""}[damage]
    assert error.sheet == expected_sheet
    if damage == "heading":
        assert error.cell == "C4"


def test_workbook_for_another_agency_round_or_database(store, score, tmp_path):
    _s11, rnd, _agency_id, path = score
    other_agency = rnd.agency_ids[1]
    error = _refused(store, path, expect_agency_id=other_agency)
    assert "not" in error.problem and store.agency(other_agency).name in error.problem
    _s11, other_round = _round(store, ScaleKind.RAG)
    assert other_round.name in _refused(store, path, expect_round_id=other_round.id).problem

    from mqp_desktop.store import Store
    from mqp_desktop.store.seed import seed_from_template

    elsewhere = Store.in_memory()
    seed_from_template(elsewhere, "wandsworth-mqp")
    try:
        assert "no such return" in _refused(elsewhere, path).problem  # the return does not exist there
        # There, return 1 exists but is another round's and agency's.
        _round(elsewhere, ScaleKind.RAG, name="Another partnership's round")
        assert "another database" in _refused(elsewhere, path).problem
    finally:
        elsewhere.close()


# --- apply ---------------------------------------------------------------------------------------
def test_apply_refuses_problems_and_writes_nothing(store, score):
    _s11, _rnd, _a, path = score
    ok_row, bad_row = _row_of(path, "1"), _row_of(path, "2")
    _edit(path, {(STANDARDS, f"C{ok_row}"): "3", (STANDARDS, f"C{bad_row}"): "7"})
    preview = preview_workbook(store, path)
    before = _snapshot(store)
    with pytest.raises(WorkbookRejected) as caught:
        apply_workbook(store, preview)
    assert caught.value.problems == preview.problems and f"C{bad_row}" in str(caught.value)
    assert _snapshot(store) == before


def test_apply_refuses_when_the_return_changed_since_the_preview(store, score):
    s11, rnd, agency_id, path = score
    row = _row_of(path, "1")
    _edit(path, {(STANDARDS, f"C{row}"): "3"})
    preview = preview_workbook(store, path)
    ret = s11.find_return(rnd.id, agency_id)
    s11.rate(ret.id, 1, moderated_value="1")  # the panel got there first
    before = _snapshot(store)
    with pytest.raises(WorkbookOutdated):
        apply_workbook(store, preview)
    assert _snapshot(store) == before
    assert apply_workbook(store, preview_workbook(store, path))["ratings"] == 1
    rating = s11.get_return(ret.id).rating(1)
    assert (rating.self_value, rating.moderated_value) == ("3", "1")  # the panel's rating kept


def test_an_unchanged_workbook_marks_the_return_received(store, score):
    s11, rnd, agency_id, path = score
    preview = preview_workbook(store, path)
    assert preview.changes == [] and preview.mark_received
    result = apply_workbook(store, preview, received=dt.date(2025, 11, 28))
    assert result["received"] == "2025-11-28"
    assert s11.find_return(rnd.id, agency_id).received == dt.date(2025, 11, 28)


def test_reopening_and_updating_an_existing_action(store, score):
    s11, rnd, agency_id, path = score
    from mqp_desktop.domain.section11 import ActionItem

    ret = s11.find_return(rnd.id, agency_id)
    done = s11.add_action(ActionItem(ret.id, "Old action", status=ActionStatus.DONE, closed=dt.date(2025, 10, 5)),
                          today=TODAY)
    path = export_workbook(store, rnd.id, agency_id, path.parent / "with-action.xlsx")
    assert _load(path)[ACTIONS][f"F{FIRST_ROW}"].value == "done"
    _edit(path, {(ACTIONS, f"F{FIRST_ROW}"): "open", (ACTIONS, f"D{FIRST_ROW}"): "New owner"})
    preview = preview_workbook(store, path, today=TODAY)
    assert [(old.id, new.status, new.closed) for old, new in preview.actions_to_update] == [
        (done.id, ActionStatus.OPEN, None)]
    apply_workbook(store, preview, today=TODAY)
    action = s11.action(done.id)
    assert (action.status, action.closed, action.owner) == (ActionStatus.OPEN, None, "New owner")


# --- hypothesis: damaged workbooks and valid fills ------------------------------------------------
_cell_values = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(["n/a", "N/A", "Amber", "green", "3", "2", "75", "=SUM(A1:A2)", "done", "dropped", "5. x",
                     "31/03/2026", "2026-02-30", "in progress"]),
    st.integers(min_value=-10**6, max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)
_damage = st.one_of(
    st.tuples(st.just("cell"), st.sampled_from([STANDARDS, ACTIONS]), st.integers(FIRST_ROW, 40), st.integers(3, 6),
              _cell_values),  # the input cells
    st.tuples(st.just("cell"), st.sampled_from([STANDARDS, ACTIONS, RETURN, DATA, "Instructions"]),
              st.integers(1, 60), st.integers(1, 8), _cell_values),
    st.tuples(st.just("delete rows"), st.sampled_from([STANDARDS, ACTIONS, RETURN, DATA]), st.integers(1, 60),
              st.integers(1, 3)),
    st.tuples(st.just("insert rows"), st.sampled_from([STANDARDS, ACTIONS, RETURN]), st.integers(1, 60),
              st.integers(1, 2)),
    st.tuples(st.just("delete sheet"), st.sampled_from(list(SHEETS))),
    st.tuples(st.just("delete cols"), st.sampled_from([STANDARDS, ACTIONS]), st.integers(1, 7)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damages=st.lists(_damage, min_size=1, max_size=4), kind=st.sampled_from(list(ScaleKind)))
# a due date past the year 9999: openpyxl warns (an OverflowError inside) and reads an error value
@example(damages=[("cell", ACTIONS, 5, 5, 2958466.0)], kind=ScaleKind.RAG)
def test_damaged_workbooks_never_crash_or_half_write(store, tmp_path_factory, damages, kind):
    s11 = Section11Repo(store)
    rnd = next((r for r in s11.rounds() if r.scale is kind), None) or _round(store, kind)[1]
    path = export_workbook(store, rnd.id, rnd.agency_ids[0], tmp_path_factory.mktemp("wb") / "w.xlsx")
    wb = _load(path)
    for damage in damages:
        if damage[0] == "cell":
            _, sheet, row, col, value = damage
            if sheet in wb.sheetnames:
                wb[sheet].cell(row=row, column=col).value = value
        elif damage[0] == "delete rows" and damage[1] in wb.sheetnames:
            wb[damage[1]].delete_rows(damage[2], damage[3])
        elif damage[0] == "insert rows" and damage[1] in wb.sheetnames:
            wb[damage[1]].insert_rows(damage[2], damage[3])
        elif damage[0] == "delete sheet" and damage[1] in wb.sheetnames:
            # a workbook must keep one visible sheet, or it cannot be saved at all (openpyxl refuses)
            visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible" and ws.title != damage[1]]
            if visible:
                del wb[damage[1]]
        elif damage[0] == "delete cols" and damage[1] in wb.sheetnames:
            wb[damage[1]].delete_cols(damage[2])
    _save(wb, path)
    before = _snapshot(store)
    try:
        preview = preview_workbook(store, path, today=TODAY)
    except WorkbookError as exc:
        event("refused: the file")
        assert exc.problem
        assert _snapshot(store) == before
        return
    assert _snapshot(store) == before
    event("refused: cells" if preview.has_problems else "accepted")
    if preview.has_problems:
        assert all(p.sheet in SHEETS and p.cell and p.message for p in preview.problems)
        with pytest.raises(WorkbookRejected):
            apply_workbook(store, preview, today=TODAY)
        assert _snapshot(store) == before
    else:
        apply_workbook(store, preview, today=TODAY)
        assert not preview_workbook(store, path, today=TODAY).has_changes


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="="), max_size=40)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), kind=st.sampled_from(list(ScaleKind)))
def test_any_valid_fill_applies_exactly_as_typed(store, tmp_path_factory, data, kind):
    s11 = Section11Repo(store)
    rnd = next((r for r in s11.rounds() if r.scale is kind), None) or _round(store, kind)[1]
    scale = rnd.rating_scale
    agency_id = data.draw(st.sampled_from(rnd.agency_ids))
    path = export_workbook(store, rnd.id, agency_id, tmp_path_factory.mktemp("wb") / "w.xlsx")
    refs = [str(s.number) for s in rnd.standards] + [c.code for s in rnd.standards for c in s.criteria]
    chosen = data.draw(st.lists(st.sampled_from(refs), unique=True, max_size=8))
    edits: dict[tuple[str, str], object] = {}
    expected: dict[str, tuple] = {}
    for ref in chosen:
        row = _row_of(path, ref)
        value = data.draw(st.sampled_from(rating_choices(scale)))
        reason = data.draw(_text.filter(str.strip)) if value == "n/a" else ""
        evidence, improvement = data.draw(_text), data.draw(_text)
        edits[(STANDARDS, f"{_col(scale, 'self_value')}{row}")] = value
        edits[(STANDARDS, f"{_col(scale, 'evidence')}{row}")] = evidence or None
        edits[(STANDARDS, f"{_col(scale, 'improvement')}{row}")] = improvement or None
        if scale.allows_not_applicable:
            edits[(STANDARDS, f"{_col(scale, 'self_na_reason')}{row}")] = reason or None
        expected[ref] = (scale.clean(value), reason.strip(), evidence.strip(), improvement.strip())
    n_actions = data.draw(st.integers(0, 3))
    for i in range(n_actions):
        row = FIRST_ROW + len(s11.find_return(rnd.id, agency_id).actions) + i
        edits[(ACTIONS, f"B{row}")] = f"Action {i} " + data.draw(_text)
        edits[(ACTIONS, f"E{row}")] = data.draw(st.dates(dt.date(2025, 1, 1), dt.date(2030, 1, 1)))
        edits[(ACTIONS, f"F{row}")] = data.draw(st.sampled_from(["open", "in progress", "done", "dropped"]))
    _edit(path, edits)
    preview = preview_workbook(store, path, today=TODAY)
    assert preview.problems == []
    apply_workbook(store, preview, today=TODAY)
    ret = s11.find_return(rnd.id, agency_id)
    for ref, values in expected.items():
        number = int(ref.split(".")[0])
        rating = ret.rating(number, ref if "." in ref else "") or Rating(number)
        assert (rating.self_value, rating.self_na_reason, rating.evidence, rating.improvement) == values
    assert ret.received is not None


# --- a framework from a spreadsheet ----------------------------------------------------------------
def test_a_framework_xlsx_reads_rows_and_names_bad_ones(tmp_path):
    from openpyxl import Workbook

    from mqp_desktop.domain.section11 import FrameworkImportError, framework_rows
    from mqp_desktop.exporters.section11_framework_file import read_framework
    from mqp_desktop.store.section11 import shipped_frameworks

    shipped = shipped_frameworks()[0]
    wb = Workbook()
    wb.active.append(["standard", "criterion", "text", "description"])
    for row in framework_rows(shipped):
        wb.active.append(list(row))
    wb.active.append([9, "", "Voice of the child", "Children's views shape services"])
    wb.active.append([9, 1, "Children are asked about the services they use", ""])
    good = tmp_path / "Our standards.xlsx"
    wb.save(good)
    framework = read_framework(good, name="Our standards")
    assert framework.name == "Our standards"
    assert framework.standards[:-1] == shipped.standards
    assert framework.standard(9).criteria[0].code == "9.1"

    wb.active.append([10, "2", "A sub-criterion of a standard with no row", ""])
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    with pytest.raises(FrameworkImportError) as caught:
        read_framework(bad, name="bad")
    assert [(p.row, p.column) for p in caught.value.problems] == [(wb.active.max_row, "column A (standard)")]
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(WorkbookError):
        read_framework(empty, name="empty")


def _labelled(ws, label: str):
    """The value beside ``label`` in column A of a sheet (the Instructions' and the Return sheet's rows)."""
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
        if row[0].value == label:
            return row[1].value
    raise AssertionError(f"no row '{label}' on {ws.title}")


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def test_a_workbook_reissued_to_an_overdue_agency_gives_a_new_deadline_not_the_past_one(store, tmp_path):
    """Before the deadline the workbook asks for the round's deadline; re-issued once the return is overdue it
    asks for a new date — two weeks on, or the day before the next panel when that is sooner — on both the
    Instructions and the Return sheet, saying the round's deadline has passed; and it still imports."""
    from mqp_desktop.exporters.section11_workbook import REISSUE_DAYS, workbook_deadline

    s11, rnd = _round(store, ScaleKind.SCORE_0_3)
    agency_id = rnd.agency_ids[0]
    first = _load(export_workbook(store, rnd.id, agency_id, tmp_path / "first.xlsx", today=TODAY))
    assert _labelled(first[INSTRUCTIONS], "Please return by") == _long(DEADLINE)
    assert _labelled(first[RETURN], "Deadline") == _long(DEADLINE)

    later = DEADLINE + dt.timedelta(days=9)
    ret = s11.find_return(rnd.id, agency_id)
    assert ret.status(rnd.deadline, later).value == "overdue"
    path = export_workbook(store, rnd.id, agency_id, tmp_path / "again.xlsx", today=later)
    again = _load(path)
    new = later + dt.timedelta(days=REISSUE_DAYS)
    assert _labelled(again[INSTRUCTIONS], "Please return by") == \
        f"{_long(new)} (the round's deadline, {_long(DEADLINE)}, has passed)"
    assert _labelled(again[RETURN], "Deadline") == _long(new)
    assert preview_workbook(store, path, today=later).problems == []

    panel = later + dt.timedelta(days=6)
    soon = dataclasses.replace(rnd, panel_dates=(panel,))
    assert workbook_deadline(soon, ret, later) == panel - dt.timedelta(days=1)
    received = dataclasses.replace(ret, received=later)
    assert workbook_deadline(rnd, received, later) == DEADLINE  # not overdue: the round's own deadline

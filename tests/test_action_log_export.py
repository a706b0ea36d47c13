"""The action log to XLSX and Word, read back: filters, overdue rows present and marked, grouping."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from openpyxl import load_workbook

from mqp_desktop.exporters.action_log_export import COLUMNS, export_action_log

FAR = dt.date(2100, 1, 1)  # every action still open is overdue by then


def _sheet_rows(path):
    ws = load_workbook(str(path)).active
    header_row = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "Number")
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=header_row + 1)]
    return ws, header_row, rows


def test_xlsx_has_every_action_a_frozen_filtered_header_and_overdue_rows_marked(tmp_path, demo_store):
    today = dt.date.today()
    ws, header_row, rows = _sheet_rows(export_action_log(demo_store, tmp_path / "a.xlsx"))
    assert [c.value for c in ws[header_row]] == list(COLUMNS)
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header_row}:")
    actions = demo_store.minutes.actions()
    assert [r[0] for r in rows] == [a.number for a in actions]
    overdue = {a.number for a in actions if a.is_overdue(today)}
    marked = {r[0] for r in rows if r[COLUMNS.index("Overdue")] == "OVERDUE"}
    assert marked == overdue
    for i, r in enumerate(rows, start=header_row + 1):
        fill = ws.cell(row=i, column=1).fill.fgColor.rgb
        assert fill.endswith("FCE4E4") == (r[0] in overdue)
    assert isinstance(rows[0][COLUMNS.index("Due")], dt.datetime)
    assert any(r[COLUMNS.index("Latest update")] for r in rows)
    assert all(r[COLUMNS.index("From meeting")] for r in rows)


def test_xlsx_update_given_at_is_a_date_cell_of_the_meeting_it_was_given_at(tmp_path, demo_store):
    """'Update given at' is a real date (it sorts and filters by date), shown dd/mm/yyyy: the date of the meeting
    at which the action's latest update was given; empty for an action never updated."""
    ws, header_row, rows = _sheet_rows(export_action_log(demo_store, tmp_path / "a.xlsx"))
    col = COLUMNS.index("Update given at")
    meetings = {m.id: m.date for m in demo_store.meetings.list()}
    latest = {}
    for u in demo_store.minutes.updates():  # in the order given: the last one for an action is its latest
        latest[u.action_id] = meetings[u.meeting_id]
    numbers = {a.id: a.number for a in demo_store.minutes.actions()}
    expected = {numbers[aid]: day for aid, day in latest.items()}
    given = {r[0]: r[col] for r in rows if r[col] is not None}
    assert given, "the demo has updates"
    assert all(isinstance(v, dt.datetime) for v in given.values()), {type(v) for v in given.values()}
    assert {n: v.date() for n, v in given.items()} == expected
    cells = [ws.cell(row=i, column=col + 1) for i in range(header_row + 1, ws.max_row + 1)]
    assert all(c.number_format == "dd/mm/yyyy" for c in cells if c.value is not None)


def test_xlsx_filters_overdue_open_and_owner(tmp_path, demo_store):
    _, _, rows = _sheet_rows(export_action_log(demo_store, tmp_path / "o.xlsx", overdue_on=FAR))
    open_numbers = {a.number for a in demo_store.minutes.actions(open_only=True) if a.due_date}
    assert rows and {r[0] for r in rows} == open_numbers
    assert all(r[COLUMNS.index("Overdue")] == "OVERDUE" for r in rows)
    _, _, rows = _sheet_rows(export_action_log(demo_store, tmp_path / "p.xlsx", open_only=True))
    assert all(r[COLUMNS.index("Status")] in ("open", "in progress") for r in rows)
    owner = demo_store.minutes.owner_text(demo_store.minutes.actions()[0])
    _, _, rows = _sheet_rows(export_action_log(demo_store, tmp_path / "w.xlsx", owner=owner.split()[-1].lower()))
    assert rows and all(owner.split()[-1] in r[COLUMNS.index("Owner")] for r in rows)


def test_word_groups_by_status_with_overdue_first(tmp_path, demo_store):
    doc = docx.Document(str(export_action_log(demo_store, tmp_path / "a.docx", overdue_on=None)))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    today = dt.date.today()
    actions = demo_store.minutes.actions()
    overdue = [a for a in actions if a.is_overdue(today)]
    assert overdue, "the demo has overdue actions"
    assert headings[0] == f"Overdue ({len(overdue)})"
    first = doc.tables[0]
    assert [r.cells[0].text for r in first.rows[1:]] == [a.number for a in overdue]
    assert all("OVERDUE" in r.cells[4].text for r in first.rows[1:])
    order = ["Overdue", "Open", "In progress", "Done", "Dropped"]
    seen = [h.split(" (")[0] for h in headings]
    assert seen == [g for g in order if g in seen]
    assert sum(len(t.rows) - 1 for t in doc.tables) == len(actions)


def test_an_unknown_ending_is_refused(tmp_path, demo_store):
    with pytest.raises(ValueError, match=r"\.xlsx"):
        export_action_log(demo_store, tmp_path / "a.csv")
    assert not (tmp_path / "a.csv").exists()


def test_cli_exports_minutes_and_the_action_log(tmp_path, demo_db, capsys):
    from pypdf import PdfReader

    from mqp_desktop.cli import main

    assert main(["--db", str(demo_db), "export", "minutes", "last", "--out", str(tmp_path / "m.pdf")]) == 0
    assert "Page 1 of" in PdfReader(str(tmp_path / "m.pdf")).pages[0].extract_text()
    assert main(["--db", str(demo_db), "export", "minutes", "last", "--out", str(tmp_path / "m.docx")]) == 0
    assert docx.Document(str(tmp_path / "m.docx")).core_properties.title.startswith("Minutes")
    assert main(["--db", str(demo_db), "actions", "export", str(tmp_path / "a.xlsx"), "--overdue"]) == 0
    out = capsys.readouterr().out
    assert "overdue" in out and (tmp_path / "a.xlsx").exists()
    assert main(["--db", str(demo_db), "actions", "export", str(tmp_path / "a.csv")]) != 0
    assert ".xlsx" in capsys.readouterr().err

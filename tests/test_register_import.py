"""Importing the register from CSV/XLSX: the file checks, the preview row by row, and apply."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from mqp_desktop.exporters.register_import import (
    COLUMNS,
    ImportFileError,
    ImportOutdated,
    ImportRejected,
    apply_import,
    preview_import,
    read_register_file,
)
from mqp_desktop.paths import resource_path
from mqp_desktop.store import DiskFull, Store, StoreError
from mqp_desktop.store.seed import seed_from_template
from mqp_desktop.store.store import validate_member
from tests.helpers.register_files import row, write_csv, write_xlsx


def _snapshot(store: Store) -> tuple:
    """Everything an import could change: every member row and the whole history."""
    members = store.db.execute("SELECT * FROM member ORDER BY id").fetchall()
    history = store.db.execute("SELECT count(*), max(id) FROM change_log").fetchone()
    return members, history


def _member(store: Store, name: str):
    (found,) = [m for m in store.members() if m.name == name]
    return found


# --- the file as a whole -----------------------------------------------------------------------
def _check_message(err: ImportFileError, *fragments: str) -> None:
    text = str(err)
    assert err.problem and err.remedy, "a file error names the problem and the fix"
    for fragment in fragments:
        assert fragment.lower() in text.lower(), (fragment, text)


@pytest.mark.parametrize(
    ("name", "content", "fragments"),
    [
        ("members.txt", b"name,role_title,agency\nA,B,C\n", (".csv", ".xlsx")),
        ("members.xls", b"whatever", ("97-2003", ".xlsx")),
        ("members.csv", b"", ("empty", "first row")),
        ("members.csv", b"  \r\n\r\n", ("empty",)),
        ("members.csv", b"name,role_title,agency\r\n", ("no members", "add one row")),
        ("members.csv", b"name,role_title,agency,colour,Shoe size\nA,B,SWL ICB,red,9\n", ("'colour'", "'shoe size'", "rename")),
        ("members.csv", b"name,role_title,email\nA,B,a@b.org\n", ("'agency'", "add the missing column")),
        ("members.csv", b"name,post,agency,Email,E-mail address\nA,B,C,a@b.org,a@b.org\n", ("both hold the email", "keep one")),
        ("members.csv", b"name,role_title,agency,\nA,B,C,stray\n", ("column d", "no heading")),
        ("members.csv", b"Amara Okafor,Head of Service,Police\nB,C,D\n", ("not a row of column headings", "insert")),
        ("members.csv", "name,role_title,agency\nZoë,x,y\n".encode() + b"Ren\xe9,x,y\n", ("utf-8", "line 3", "csv utf-8")),
        ("members.csv", b"name,role_title,agency\nA\x00B,x,y\n", ("binary", "save")),
        ("members.xlsx", b"name,role_title,agency\nA,B,C\n", ("not really an excel workbook",)),
        ("members.xlsx", b"PK\x03\x04 this is not a zip archive at all", ("damaged", "save it again")),
        ("members.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ("password", "remove the password")),
    ],
)
def test_unreadable_files_are_refused_with_the_problem_and_the_fix(tmp_path, store, name, content, fragments):
    path = tmp_path / name
    path.write_bytes(content)
    before = _snapshot(store)
    with pytest.raises(ImportFileError) as caught:
        preview_import(store, path)
    _check_message(caught.value, *fragments)
    assert _snapshot(store) == before


def test_a_missing_file_is_refused(tmp_path, store):
    with pytest.raises(ImportFileError) as caught:
        preview_import(store, tmp_path / "nowhere.csv")
    _check_message(caught.value, "no file at", "check")


def test_an_xlsx_whose_zip_lacks_a_workbook_is_refused(tmp_path, store):
    path = tmp_path / "members.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")
    with pytest.raises(ImportFileError) as caught:
        preview_import(store, path)
    _check_message(caught.value, "zip archive, not an excel workbook", "save it again")


def test_header_variants_are_accepted_in_any_case(tmp_path):
    header = [
        "NAME",
        "Post",
        "Organisation",
        "E-mail address",
        "Telephone",
        "Decision maker (yes/no)",
        "Deputy",
        "Deputy e-mail",
        "Start Date",
        "End date",
        "Comments",
    ]
    values = ["A Person", "Head of X", "Police", "a@b.org", "020 1234 5678", "yes", "D Person", "d@b.org", "01/02/2024", "", "n"]
    path = write_csv(tmp_path / "v.csv", [values], header=header)
    (got,) = read_register_file(path)
    assert got == dict(zip(COLUMNS, values, strict=True))


def test_role_title_with_underscore_and_a_file_without_optional_columns(tmp_path):
    path = write_csv(tmp_path / "v.csv", [["A", "B", "C"]], header=["Name", "role_title", "AGENCY"])
    (got,) = read_register_file(path)
    assert got["role_title"] == "B" and got["email"] == "" and set(got) == set(COLUMNS)


def test_utf8_with_bom_keeps_the_first_heading_and_accents(tmp_path, store):
    path = write_csv(tmp_path / "bom.csv", [row(name="Zoë Brontë")], encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    preview = preview_import(store, path)
    assert [r.action for r in preview.rows] == ["add"]
    assert preview.rows[0].member.name == "Zoë Brontë"


def test_windows_text_with_semicolons_is_read(tmp_path, store):
    path = write_csv(tmp_path / "win.csv", [row(name="José Núñez", notes="Café")], encoding="cp1252", delimiter=";")
    assert "é".encode("cp1252") in path.read_bytes()
    preview = preview_import(store, path)
    (outcome,) = preview.rows
    assert outcome.action == "add", outcome.problems
    assert outcome.member.name == "José Núñez" and outcome.member.notes == "Café"


def test_utf16_tab_separated_text_from_excel_is_read(tmp_path, store):
    path = write_csv(tmp_path / "u16.csv", [row(name="Łucja Nowak")], encoding="utf-16", delimiter="\t")
    (outcome,) = preview_import(store, path).rows
    assert outcome.action == "add" and outcome.member.name == "Łucja Nowak"


def test_xlsx_with_real_date_number_and_boolean_cells(tmp_path, store):
    path = write_xlsx(
        tmp_path / "m.xlsx",
        [
            row(start_date=dt.datetime(2024, 3, 31), end_date=dt.date(2026, 3, 31), phone=2088716000, decision_maker=True),
        ],
    )
    (values,) = read_register_file(path)
    assert values["start_date"] == "2024-03-31" and values["end_date"] == "2026-03-31"
    assert values["phone"] == "2088716000" and values["decision_maker"] == "yes"
    (outcome,) = preview_import(store, path).rows
    assert outcome.action == "add", outcome.problems
    assert outcome.member.start_date == dt.date(2024, 3, 31)
    assert outcome.member.end_date == dt.date(2026, 3, 31)
    assert outcome.member.decision_maker is True


def test_an_excel_workbook_saved_with_a_csv_name_is_read_as_excel(tmp_path, store):
    real = write_xlsx(tmp_path / "m.xlsx", [row()])
    renamed = tmp_path / "m.csv"
    renamed.write_bytes(real.read_bytes())
    assert [r.action for r in preview_import(store, renamed).rows] == ["add"]


def test_row_numbers_are_the_spreadsheets_even_after_blank_rows(tmp_path, store):
    path = tmp_path / "gaps.csv"
    write_csv(path, [row(), ["", "", ""], row(name="Second Person", email="second@x.org")])
    assert [r.row for r in preview_import(store, path).rows] == [2, 4]
    xlsx = write_xlsx(tmp_path / "gaps.xlsx", [row(), [None] * len(COLUMNS), row(name="Second Person", email="second@x.org")])
    assert [r.row for r in preview_import(store, xlsx).rows] == [2, 4]


def test_the_shipped_example_file_imports_into_the_default_template(store):
    preview = preview_import(store, resource_path("templates", "register-import-example.csv"))
    assert not preview.has_rejections, [r.problem_text for r in preview.rows]
    assert preview.counts == {"add": 1, "update": 2, "unchanged": 0, "reject": 0}
    assert all(r.existing.is_vacant for r in preview.rows if r.action == "update")


# --- rejections, row by row and column by column ---------------------------------------------
REJECTIONS = [
    ({"email": "pat.example@"}, "email", "not a valid email"),
    ({"email": "pat example@nhs.uk"}, "email", "not a valid email"),
    ({"deputy_email": "deputy at nhs"}, "deputy_email", "not a valid email"),
    ({"start_date": "31/02/2024"}, "start_date", "not a date"),
    ({"end_date": "next spring"}, "end_date", "not a date"),
    ({"start_date": "2024-05-01", "end_date": "01/04/2024"}, "end_date", "before it starts"),
    ({"agency": "Polce"}, "agency", "Metropolitan Police"),
    ({"agency": "Zzyzx Qqq Trust"}, "agency", "The agencies are: "),
    ({"name": ""}, "name", "name is empty"),
    ({"role_title": ""}, "role_title", "role title"),
    ({"agency": ""}, "agency", "agency is empty"),
    ({"decision_maker": "maybe"}, "decision_maker", "not yes or no"),
    ({"phone": "ring reception"}, "phone", "not a phone number"),
]


@pytest.mark.parametrize(("cells", "column", "fragment"), REJECTIONS)
def test_a_bad_row_is_rejected_naming_its_row_and_column(tmp_path, store, cells, column, fragment):
    path = write_csv(tmp_path / "m.csv", [row(name="Good Person", email="good@x.org"), row(**cells)])
    before = _snapshot(store)
    preview = preview_import(store, path)
    good, bad = preview.rows
    assert good.action == "add" and good.row == 2
    assert bad.row == 3 and bad.action == "reject"
    assert bad.member is None
    assert column in [p.column for p in bad.problems]
    assert any(fragment.lower() in p.message.lower() for p in bad.problems if p.column == column), bad.problems
    assert preview.has_rejections and preview.rejected == [bad]
    assert preview.counts == {"add": 1, "update": 0, "unchanged": 0, "reject": 1}
    assert bad.values["name"] == str(cells.get("name", "Pat Example"))
    assert _snapshot(store) == before


def test_every_problem_of_a_row_is_reported_not_just_the_first(tmp_path, store):
    path = write_csv(tmp_path / "m.csv", [row(email="x@", phone="abc", start_date="soon", agency="Nowhere")])
    (bad,) = preview_import(store, path).rows
    assert {p.column for p in bad.problems} == {"email", "phone", "start_date", "agency"}


def test_an_ended_agency_is_rejected(tmp_path, store):
    housing = store.find_agency("Housing")
    store.end_agency(housing.id, dt.date(2024, 3, 31))
    path = write_csv(tmp_path / "m.csv", [row(agency="Housing", role_title="Housing Officer")])
    (bad,) = preview_import(store, path).rows
    assert bad.action == "reject"
    (problem,) = bad.problems
    assert problem.column == "agency" and "31/03/2024" in problem.message


def test_a_former_member_of_an_ended_agency_may_be_recorded(tmp_path, store):
    housing = store.find_agency("Housing")
    store.end_agency(housing.id, dt.date(2024, 3, 31))
    path = write_csv(tmp_path / "m.csv", [row(agency="Housing", start_date="2020-01-01", end_date="2024-03-31")])
    assert preview_import(store, path).rows[0].action == "add"


def test_an_ambiguous_short_name_asks_for_the_full_name(tmp_path, store):
    from mqp_desktop.domain.model import Agency

    store.add_agency(Agency(name="Police Scotland", short_name="Police"))
    (bad,) = preview_import(store, write_csv(tmp_path / "m.csv", [row(agency="police")])).rows
    assert bad.problems[0].column == "agency" and "full name" in bad.problems[0].message


def test_the_same_email_twice_rejects_both_rows_each_naming_the_other(tmp_path, store):
    path = write_csv(
        tmp_path / "m.csv",
        [
            row(name="Ann One", email="Same.Person@x.org"),
            row(name="Other Person", email="other@x.org"),
            row(name="Ann Two", email="same.person@X.ORG"),
        ],
    )
    first, middle, last = preview_import(store, path).rows
    assert middle.action == "add"
    assert first.action == last.action == "reject"
    assert [p.column for p in first.problems] == ["email"] and "row 4" in first.problems[0].message
    assert [p.column for p in last.problems] == ["email"] and "row 2" in last.problems[0].message


def test_the_same_name_at_the_same_agency_twice_rejects_both(tmp_path, store):
    path = write_csv(
        tmp_path / "m.csv",
        [
            row(name="Kim Lee", email="", agency="Police"),
            row(name="kim  lee", email="", agency="Metropolitan Police — South West BCU", role_title="Other post"),
            row(name="Kim Lee", email="", agency="Housing"),
        ],
    )
    first, second, other_agency = preview_import(store, path).rows
    assert other_agency.action == "add"
    assert first.action == second.action == "reject"
    assert first.problems[0].column == "name" and "row 3" in first.problems[0].message
    assert second.problems[0].column == "name" and "row 2" in second.problems[0].message


def test_two_rows_changing_the_same_member_reject_each_other(tmp_path, demo_store):
    path = write_csv(
        tmp_path / "m.csv",
        [
            row(name="Joanne Price", agency="SWL ICB", email="", role_title="Designated Nurse Safeguarding Children"),
            row(name="J. Price", agency="SWL ICB", email="joanne.price@swlondon.example.nhs.uk", role_title="X"),
        ],
    )
    a, b = preview_import(demo_store, path).rows
    assert a.action == b.action == "reject"
    assert "row 3" in a.problem_text and "row 2" in b.problem_text


def test_a_row_without_a_name_for_a_post_that_is_not_vacant_is_rejected(tmp_path, demo_store):
    path = write_csv(tmp_path / "m.csv", [row(name="", email="", agency="Police", role_title="Detective Sergeant – Safeguarding PCLO")])
    (bad,) = preview_import(demo_store, path).rows
    assert bad.action == "reject" and bad.problems[0].column == "name"


# --- matching rows to the register -----------------------------------------------------------
def test_a_name_fills_the_vacant_seat_listed_for_that_post(tmp_path, store):
    seat = next(m for m in store.members() if m.role_title == "Designated Nurse Safeguarding Children")
    assert seat.is_vacant
    path = write_csv(
        tmp_path / "m.csv",
        [row(name="Jo Nurse", role_title="designated nurse  safeguarding children", agency="swl icb", decision_maker="")],
    )
    (outcome,) = preview_import(store, path).rows
    assert outcome.action == "update"
    assert outcome.existing == seat and outcome.member.id == seat.id
    assert outcome.changes["name"] == ("", "Jo Nurse")
    assert outcome.member.decision_maker is seat.decision_maker  # an empty cell keeps the seat's setting
    assert "agency" not in outcome.changes


def test_a_second_person_for_a_filled_post_adds_a_seat(tmp_path, store):
    rows = [row(name=f"Person {i}", email=f"p{i}@x.org", agency="HMP Wandsworth", role_title="Governor") for i in (1, 2)]
    first, second = preview_import(store, write_csv(tmp_path / "m.csv", rows)).rows
    assert (first.action, second.action) == ("update", "add")
    assert first.existing.is_vacant and second.existing is None


def test_matching_by_email_ignores_case_and_reports_what_changes(tmp_path, demo_store):
    joanne = _member(demo_store, "Joanne Price")
    path = write_csv(
        tmp_path / "m.csv",
        [["Joanne Price-Smith", joanne.role_title, "SWL ICB", "JOANNE.PRICE@swlondon.example.nhs.uk", "020 3880 0999"]],
        header=["name", "role_title", "agency", "email", "phone"],
    )
    (outcome,) = preview_import(demo_store, path).rows
    assert outcome.action == "update" and outcome.existing == joanne
    assert outcome.changes == {
        "name": ("Joanne Price", "Joanne Price-Smith"),
        "email": ("joanne.price@swlondon.example.nhs.uk", "JOANNE.PRICE@swlondon.example.nhs.uk"),
        "phone": ("020 3880 0102", "020 3880 0999"),
    }
    # Columns the file leaves out keep their values.
    assert outcome.member.start_date == joanne.start_date and outcome.member.decision_maker == joanne.decision_maker


def test_matching_by_name_and_agency_and_moving_agency_shows_labels(tmp_path, demo_store):
    imogen = _member(demo_store, "Imogen Hart")
    path = write_csv(
        tmp_path / "m.csv",
        [["imogen hart", imogen.role_title, "Community Safety", imogen.email]],
        header=["name", "role_title", "agency", "email"],
    )
    (outcome,) = preview_import(demo_store, path).rows
    assert outcome.action == "update" and outcome.changes == {"name": ("Imogen Hart", "imogen hart")}
    path = write_csv(tmp_path / "n.csv", [["Imogen Hart", imogen.role_title, "Housing"]], header=["name", "role_title", "agency"])
    (outcome,) = preview_import(demo_store, path).rows
    # No email in the file and another agency: a different person as far as the register can tell.
    assert outcome.action == "add"
    path = write_csv(
        tmp_path / "o.csv",
        [["Imogen Hart", imogen.role_title, "Housing", imogen.email]],
        header=["name", "role_title", "agency", "email"],
    )
    (outcome,) = preview_import(demo_store, path).rows
    assert outcome.action == "update" and outcome.changes == {"agency": ("Community Safety", "Housing")}


def test_identical_data_is_unchanged_and_vacant_rows_stand_for_vacant_seats(tmp_path, demo_store):
    amara = _member(demo_store, "Amara Okafor")
    path = write_csv(
        tmp_path / "m.csv",
        [
            {
                "name": amara.name,
                "role_title": amara.role_title,
                "agency": "LA Children's Services",
                "email": amara.email,
                "phone": amara.phone,
                "decision_maker": "Yes",
                "deputy_name": amara.deputy_name,
                "deputy_email": amara.deputy_email,
                "start_date": amara.start_date.strftime("%d/%m/%Y"),
            },
            {"name": "Vacant", "role_title": "Governor", "agency": "HMP Wandsworth", "decision_maker": "yes"},
        ],
    )
    outcomes = preview_import(demo_store, path).rows
    assert [o.action for o in outcomes] == ["unchanged", "unchanged"], [o.problems for o in outcomes]
    assert outcomes[0].existing == amara and outcomes[0].changes == {}
    assert outcomes[1].existing.is_vacant


# --- apply -----------------------------------------------------------------------------------
def test_apply_adds_and_updates_in_one_go_and_records_history(tmp_path, store):
    path = write_csv(
        tmp_path / "m.csv",
        [
            row(name="Jo Nurse", role_title="Designated Nurse Safeguarding Children", email="jo@x.nhs.uk"),
            row(name="New Person", role_title="Named GP", email="gp@x.nhs.uk"),
            row(name="", role_title="Governor", agency="HMP Wandsworth", email="", phone="", decision_maker="", start_date=""),
        ],
    )
    members_before = len(store.members())
    preview = preview_import(store, path)
    assert [r.action for r in preview.rows] == ["update", "add", "unchanged"]
    counts = apply_import(store, preview)
    assert counts == {"add": 1, "update": 1, "unchanged": 1, "reject": 0}
    assert len(store.members()) == members_before + 1
    jo = _member(store, "Jo Nurse")
    assert jo.id == preview.rows[0].existing.id and jo.email == "jo@x.nhs.uk"
    added = _member(store, "New Person")
    assert added.role_title == "Named GP" and added.start_date == dt.date(2024, 4, 1)
    history = store.history(limit=3)
    summary = history[0]
    assert (summary.entity, summary.entity_id, summary.action) == ("import", None, "imported")
    assert summary.summary.startswith("Imported m.csv: 1 added, 1 updated, 1 unchanged")
    assert summary.changes["added"] == [added.id] and summary.changes["updated"] == [jo.id]
    assert {(h.entity_id, h.action) for h in history[1:]} == {(jo.id, "imported"), (added.id, "imported")}
    assert history[1].changes.keys() >= {"name"} or history[2].changes.keys() >= {"name"}


def test_apply_refuses_rejected_rows_and_writes_nothing(tmp_path, store):
    path = write_csv(tmp_path / "m.csv", [row(), row(name="Bad", email="bad@", agency="Nowhere")])
    preview = preview_import(store, path)
    before = _snapshot(store)
    with pytest.raises(ImportRejected) as caught:
        apply_import(store, preview)
    assert isinstance(caught.value, ValueError)
    assert "row 3 (agency, email)" in str(caught.value) and "nothing was imported" in str(caught.value)
    assert caught.value.rows == preview.rejected
    assert _snapshot(store) == before


def test_apply_can_skip_rejected_rows(tmp_path, store):
    path = write_csv(tmp_path / "m.csv", [row(), row(name="Bad", email="bad@")])
    counts = apply_import(store, preview_import(store, path), skip_rejected=True)
    assert counts == {"add": 1, "update": 0, "unchanged": 0, "reject": 1}
    assert _member(store, "Pat Example").email == "pat.example@swlondon.example.nhs.uk"
    assert not [m for m in store.members() if m.name == "Bad"]
    assert "1 rejected rows left out" in store.history(limit=1)[0].summary


def test_apply_refuses_when_a_member_was_edited_since_the_preview(tmp_path, demo_store):
    joanne = _member(demo_store, "Joanne Price")
    path = write_csv(tmp_path / "m.csv", [row(name="Joanne Price", role_title=joanne.role_title, email=joanne.email, phone="020 1111 2222")])
    preview = preview_import(demo_store, path)
    assert preview.rows[0].action == "update"
    joanne.notes = "Edited by a colleague meanwhile"
    demo_store.update_member(joanne)
    before = _snapshot(demo_store)
    with pytest.raises(ImportOutdated) as caught:
        apply_import(demo_store, preview)
    assert "row 2" in str(caught.value) and "Preview the file again" in str(caught.value)
    assert _snapshot(demo_store) == before
    assert _member(demo_store, "Joanne Price").notes == "Edited by a colleague meanwhile"


def test_apply_refuses_when_someone_added_the_same_person_since_the_preview(tmp_path, store):
    from mqp_desktop.domain.model import Member

    preview = preview_import(store, write_csv(tmp_path / "m.csv", [row()]))
    assert preview.rows[0].action == "add"
    police = store.find_agency("Police")
    store.add_member(Member(role_title="X", agency_id=police.id, name="Pat E", email="pat.example@swlondon.example.nhs.uk"))
    before = _snapshot(store)
    with pytest.raises(ImportOutdated):
        apply_import(store, preview)
    assert _snapshot(store) == before


def test_a_write_failure_midway_leaves_the_database_unchanged(tmp_path, demo_db, monkeypatch):
    rows = [
        row(name="First New", email="first@x.org"),
        row(name="Second New", email="second@x.org"),
        row(name="Joanne Price", role_title="Designated Nurse Safeguarding Children", email="joanne.price@swlondon.example.nhs.uk", phone="020 3880 0888"),
    ]
    path = write_csv(tmp_path / "m.csv", rows)
    with Store.open(demo_db) as store:
        preview = preview_import(store, path)
        assert preview.counts == {"add": 2, "update": 1, "unchanged": 0, "reject": 0}
        before = _snapshot(store)
        real_record = Store.record
        calls = []

        def failing_record(self, *args, **kwargs):
            calls.append(args)
            if len(calls) == 3:  # after two members were written, within the same transaction
                raise sqlite3.OperationalError("database or disk is full")
            return real_record(self, *args, **kwargs)

        monkeypatch.setattr(Store, "record", failing_record)
        with pytest.raises(DiskFull) as caught:
            apply_import(store, preview)
        assert isinstance(caught.value, StoreError) and "Nothing was half-written" in str(caught.value)
        monkeypatch.undo()
        assert len(calls) == 3
        assert _snapshot(store) == before
    with Store.open(demo_db) as reopened:
        assert _snapshot(reopened) == before
        assert not [m for m in reopened.members() if m.name in ("First New", "Second New")]


def test_apply_of_an_all_unchanged_preview_writes_only_the_summary(tmp_path, demo_store):
    from mqp_desktop.exporters.register_export import export_register_csv

    path = export_register_csv(demo_store, tmp_path / "same.csv")
    members_before = demo_store.db.execute("SELECT * FROM member ORDER BY id").fetchall()
    counts = apply_import(demo_store, preview_import(demo_store, path))
    assert counts["add"] == counts["update"] == counts["reject"] == 0 and counts["unchanged"] > 20
    assert demo_store.db.execute("SELECT * FROM member ORDER BY id").fetchall() == members_before
    assert demo_store.history(limit=1)[0].entity == "import"
    assert demo_store.history(limit=2)[1].entity != "member" or demo_store.history(limit=2)[1].action != "imported"


# --- generated rows: the preview never crashes, never writes, always says which column --------
VALID_CELLS = {
    "name": ["Pat Example", "Kim Lee", "", "Vacant", "Joanne Price"],
    "role_title": ["Governor", "Named GP", "", "Designated Nurse Safeguarding Children"],
    "agency": ["SWL ICB", "Police", "HMP Wandsworth", "Polce", "", "Housing"],
    "email": ["pat@x.org", "", "kim@x.org", "bad@", "joanne.price@swlondon.example.nhs.uk", "pat@x.org "],
    "phone": ["020 8871 6000", "", "+44 20 1234 5678", "call me"],
    "decision_maker": ["yes", "no", "", "maybe", "Y", "Representative"],
    "deputy_name": ["", "Deputy Dawg"],
    "deputy_email": ["", "deputy@x.org", "nope"],
    "start_date": ["", "2024-01-31", "31/01/2024", "31/02/2024", "2024-13-01"],
    "end_date": ["", "2023-01-01", "2030-12-31", "tomorrow"],
    "notes": ["", "Note", "=HYPERLINK(\"x\")"],
}
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
)
_cell = {c: st.one_of(st.sampled_from(v), _text) for c, v in VALID_CELLS.items()}
_rows = st.lists(st.fixed_dictionaries(_cell), min_size=1, max_size=8)


def _fresh_store(template: str = "wandsworth-mqp") -> Store:
    s = Store.in_memory()
    seed_from_template(s, template)
    return s


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_rows, use_xlsx=st.booleans())
def test_generated_rows_never_crash_the_preview_or_write(tmp_path, rows, use_xlsx):
    if use_xlsx:  # a workbook cannot hold control characters at all
        rows = [{k: ILLEGAL_CHARACTERS_RE.sub("", v) for k, v in r.items()} for r in rows]
    path = (write_xlsx if use_xlsx else write_csv)(tmp_path / ("g.xlsx" if use_xlsx else "g.csv"), rows)
    with _fresh_store() as store:
        before = _snapshot(store)
        total_changes = store.db.conn.total_changes
        try:
            preview = preview_import(store, path)
        except ImportFileError as exc:
            # Only possible when every generated row is blank.
            assert exc.problem and exc.remedy
            return
        assert store.db.conn.total_changes == total_changes
        assert _snapshot(store) == before
        for outcome in preview.rows:
            assert outcome.row >= 2
            if outcome.action == "reject":
                assert outcome.problems and outcome.member is None
                for problem in outcome.problems:
                    assert problem.column in COLUMNS and problem.message.strip()
            else:
                assert outcome.action in ("add", "update", "unchanged") and not outcome.problems
                validate_member(outcome.member)  # what it would save passes the store's checks
                assert (outcome.existing is None) == (outcome.action == "add")
        assert sum(preview.counts.values()) == len(preview.rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_rows)
def test_generated_rows_apply_exactly_what_the_preview_showed(tmp_path, rows):
    path = write_csv(tmp_path / "g.csv", rows)
    with _fresh_store() as store:
        try:
            preview = preview_import(store, path)
        except ImportFileError:
            return
        members_before = len(store.members())
        history_before = len(store.history())
        counts = apply_import(store, preview, skip_rejected=True)
        assert counts == preview.counts
        assert len(store.members()) == members_before + counts["add"]
        assert len(store.history()) == history_before + counts["add"] + counts["update"] + 1
        # Importing the same file again now changes nothing.
        again = preview_import(store, path)
        assert again.counts["add"] == again.counts["update"] == 0, [
            (r.row, r.action, r.changes) for r in again.rows if r.action in ("add", "update")
        ]


def test_preview_on_a_blank_database_rejects_every_agency(tmp_path, blank_store):
    (bad,) = preview_import(blank_store, write_csv(tmp_path / "m.csv", [row()])).rows
    assert bad.problems[0].column == "agency" and "no agencies yet" in bad.problems[0].message


def test_control_characters_in_cells_are_dropped(tmp_path, store):
    path = write_csv(tmp_path / "m.csv", [row(name="Pat\x08 Example", notes="a\x0cb\nc")])
    (outcome,) = preview_import(store, path).rows
    assert outcome.member.name == "Pat Example" and outcome.member.notes == "ab\nc"


def test_read_register_file_accepts_str_paths(tmp_path):
    path = write_csv(tmp_path / "m.csv", [row()])
    assert read_register_file(Path(str(path)))[0]["name"] == "Pat Example"

"""Exporting the register to CSV, XLSX and Word, read back with csv, openpyxl and python-docx."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.exporters.register_export import (
    export_register,
    export_register_csv,
    export_register_docx,
    export_register_xlsx,
)
from mqp_desktop.exporters.register_import import COLUMNS, apply_import, preview_import

WORDS = ("Name", "Role title", "Agency", "Email", "Phone", "Decision maker", "Deputy name", "Deputy email",
         "Start date", "End date", "Notes")
"""The heading row in words, as the officer reads it in Excel (not the import's keys, 'role_title')."""

W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _csv_rows(path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def _current_names(store):
    return sorted(m.name for m in store.members(include_ended=False) if m.name)


def _docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for r in table.rows:
            parts.extend(c.text for c in r.cells)
    return "\n".join(parts)


# --- choosing the format ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["register.pdf", "register", "register.xls", "register.doc"])
def test_an_unsupported_file_type_names_the_supported_ones(tmp_path, store, name):
    with pytest.raises(ValueError) as caught:
        export_register(store, tmp_path / name)
    message = str(caught.value)
    assert ".csv" in message and ".xlsx" in message and ".docx" in message
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("suffix", [".csv", ".XLSX", ".docx"])
def test_export_register_chooses_by_suffix_and_returns_the_path(tmp_path, demo_store, suffix):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / f"register{suffix}"
    assert export_register(demo_store, str(path)) == path
    assert path.stat().st_size > 0
    assert [p.name for p in folder.iterdir()] == [path.name], "no temporary files left behind"


# --- CSV -------------------------------------------------------------------------------------
def test_csv_has_exactly_the_import_columns_and_every_current_member(tmp_path, demo_store):
    path = export_register_csv(demo_store, tmp_path / "r.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads the accents right"
    header, *rows = _csv_rows(path)
    assert tuple(header) == WORDS and len(WORDS) == len(COLUMNS)
    by_name = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in rows if r[0]}
    assert sorted(by_name) == _current_names(demo_store)
    helen = by_name["Dr Helen Carter"]
    assert helen["agency"] == "NHS South West London Integrated Care Board (Wandsworth)"
    assert helen["decision_maker"] == "yes" and helen["deputy_name"] == "Dr Ravi Shah"
    assert dt.date.fromisoformat(helen["start_date"])
    vacant = [r for r in rows if not r[0]]
    assert {r[1] for r in vacant} == {"Governor", "Named Nurse for Community"}
    assert "Stephen Hale" not in by_name, "ended members are left out unless asked for"


def test_csv_includes_ended_members_when_asked(tmp_path, demo_store):
    path = export_register_csv(demo_store, tmp_path / "r.csv", include_ended=True)
    rows = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in _csv_rows(path)[1:]}
    assert rows["Stephen Hale"]["end_date"] and rows["DI Susan Pike"]["end_date"]


def test_csv_guards_formulas_and_imports_back_unchanged(tmp_path, demo_store):
    imogen = next(m for m in demo_store.members() if m.name == "Imogen Hart")
    imogen.notes = '=HYPERLINK("http://evil.example","click")'
    imogen.phone = "+44 20 8871 6000"  # text, not a number: a spreadsheet would run "+44 20 …" as a formula
    demo_store.update_member(imogen)
    path = export_register_csv(demo_store, tmp_path / "r.csv")
    (got,) = [dict(zip(COLUMNS, r, strict=True)) for r in _csv_rows(path) if r[0] == "Imogen Hart"]
    assert got["notes"].startswith("'=") and got["phone"] == "'+44 20 8871 6000"
    (outcome,) = [r for r in preview_import(demo_store, path).rows if r.values["name"] == "Imogen Hart"]
    assert outcome.action == "unchanged" and outcome.member.notes == imogen.notes
    assert outcome.member.phone == "+44 20 8871 6000"


def test_blank_register_exports_only_the_heading_row(tmp_path, blank_store):
    path = export_register_csv(blank_store, tmp_path / "r.csv")
    assert _csv_rows(path) == [list(WORDS)]


# --- XLSX ------------------------------------------------------------------------------------
def test_xlsx_has_a_bold_frozen_filtered_header_and_real_date_cells(tmp_path, demo_store):
    from openpyxl import load_workbook

    path = export_register_xlsx(demo_store, tmp_path / "r.xlsx")
    wb = load_workbook(path)
    try:
        assert wb.sheetnames == ["Register"]
        ws = wb["Register"]
        assert tuple(c.value for c in ws[1]) == WORDS
        assert all(c.font.b for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:K{ws.max_row}"
        assert ws.max_row == 1 + len(demo_store.members(include_ended=False))
        start_col = COLUMNS.index("start_date") + 1
        helen_row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Dr Helen Carter")
        start = ws.cell(helen_row, start_col)
        assert isinstance(start.value, dt.datetime) and start.number_format == "dd/mm/yyyy"
        helen = next(m for m in demo_store.members() if m.name == "Dr Helen Carter")
        assert start.value.date() == helen.start_date
        assert ws.cell(helen_row, COLUMNS.index("decision_maker") + 1).value == "yes"
        assert ws.column_dimensions["B"].width > 25 and ws.column_dimensions["A"].width >= 12
        assert ws.print_title_rows == "$1:$1"
        names = {ws.cell(r, 1).value for r in range(2, ws.max_row + 1)}
        assert None in names, "vacant seats are rows with no name"
        assert wb.properties.creator == "Wandsworth Safeguarding Children Partnership"
    finally:
        wb.close()


def test_xlsx_never_turns_text_into_a_formula(tmp_path, demo_store):
    from openpyxl import load_workbook

    imogen = next(m for m in demo_store.members() if m.name == "Imogen Hart")
    imogen.notes = "=1+1"
    demo_store.update_member(imogen)
    path = export_register_xlsx(demo_store, tmp_path / "r.xlsx")
    wb = load_workbook(path)
    try:
        ws = wb.active
        row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "Imogen Hart")
        cell = ws.cell(row, COLUMNS.index("notes") + 1)
        assert cell.value == "=1+1" and cell.data_type == "s"
    finally:
        wb.close()


# --- the round trip: export, then import into the same database, changes nothing -------------
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("include_ended", [False, True])
@pytest.mark.parametrize("which", ["demo_store", "store"])
def test_export_then_import_is_all_unchanged(tmp_path, request, suffix, include_ended, which):
    store = request.getfixturevalue(which)
    path = export_register(store, tmp_path / f"r{suffix}", include_ended=include_ended)
    preview = preview_import(store, path)
    assert preview.rows, "the export has rows"
    changed = [(r.row, r.action, r.changes, r.problem_text) for r in preview.rows if r.action != "unchanged"]
    assert changed == []
    assert preview.counts["unchanged"] == len(store.members(include_ended=include_ended))


def test_an_edited_export_imports_the_edit(tmp_path, demo_store):
    path = export_register_csv(demo_store, tmp_path / "r.csv")
    rows = _csv_rows(path)
    phone = COLUMNS.index("phone")
    for r in rows:
        if r[0] == "Joanne Price":
            r[phone] = "020 3880 0777"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    preview = preview_import(demo_store, path)
    (update,) = [r for r in preview.rows if r.action != "unchanged"]
    assert update.changes == {"phone": ("020 3880 0102", "020 3880 0777")}
    assert apply_import(demo_store, preview)["update"] == 1
    assert next(m for m in demo_store.members() if m.name == "Joanne Price").phone == "020 3880 0777"


# --- Word ------------------------------------------------------------------------------------
def test_word_register_is_a_landscape_a4_document_with_title_and_grouped_table(tmp_path, demo_store):
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    path = export_register_docx(demo_store, tmp_path / "r.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Cm(29.7)) < Cm(0.05) and abs(section.page_height - Cm(21)) < Cm(0.05)

    title = document.paragraphs[0]
    assert title.style.name == "Title" and title.text == "Membership register"
    text = _docx_text(document)
    assert "Monitoring, Quality & Performance Subcommittee" in text
    assert "Wandsworth Safeguarding Children Partnership" in text
    assert f"As at {dt.date.today().day} {dt.date.today():%B %Y}" in text
    assert any(p.style.name.startswith("Heading") for p in document.paragraphs)

    (table,) = document.tables
    assert table.style.name == "Table Grid"
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Name", "Post", "Email", "Phone", "Deputy", "Decision maker"]
    assert table.rows[0]._tr.trPr.find(f"{W_NS}tblHeader") is not None, "header row repeats on each page"

    for name in _current_names(demo_store):
        assert name in text
    assert "Stephen Hale" not in text
    assert "Vacant" in [r.cells[0].text for r in table.rows]
    # Agencies are shaded heading rows spanning the table; statutory partners come first and are marked.
    agency_rows = [r for r in table.rows[1:] if len({id(c._tc) for c in r.cells}) == 1]
    labels = [r.cells[0].text for r in agency_rows]
    assert len(labels) == len(demo_store.agencies())
    statutory = [label for label in labels if "statutory partner" in label]
    assert len(statutory) == 3 and labels[:3] == statutory
    assert any(label.startswith("Metropolitan Police — South West BCU") for label in statutory)
    shading = agency_rows[0].cells[0]._tc.tcPr.find(f"{W_NS}shd")
    assert shading is not None and shading.get(f"{W_NS}fill")
    helen = next(r for r in table.rows if r.cells[0].text.startswith("Dr Helen Carter"))
    assert "Chair" in helen.cells[0].text and helen.cells[5].text == "Yes"
    assert "Dr Ravi Shah" in helen.cells[4].text and "ravi.shah@" in helen.cells[4].text
    samuel = next(r for r in table.rows if r.cells[0].text == "Samuel Mensah")
    assert samuel.cells[5].text == "Representative"


def test_word_register_footer_has_page_x_of_y_fields_and_properties(tmp_path, demo_store):
    import docx

    document = docx.Document(str(export_register_docx(demo_store, tmp_path / "r.docx")))
    footer = document.sections[0].footer
    xml = footer._element.xml
    instructions = [el.text.strip() for el in footer._element.iter(f"{W_NS}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert "Page" in footer.paragraphs[0].text and " of " in footer.paragraphs[0].text
    props = document.core_properties
    assert props.title == "Membership register — Monitoring, Quality & Performance Subcommittee"
    assert props.author == "Wandsworth Safeguarding Children Partnership"
    assert "Membership register" in props.subject and str(dt.date.today().year) in props.subject
    assert props.last_modified_by == props.author


def test_word_register_with_ended_members_marks_them(tmp_path, demo_store):
    import docx

    document = docx.Document(str(export_register_docx(demo_store, tmp_path / "r.docx", include_ended=True)))
    (table,) = document.tables
    hale = next(r for r in table.rows if r.cells[0].text.startswith("Stephen Hale"))
    assert "Ended" in hale.cells[0].text


def test_word_register_of_a_blank_database_says_so(tmp_path, blank_store):
    import docx

    document = docx.Document(str(export_register_docx(blank_store, tmp_path / "r.docx")))
    assert not document.tables
    assert "No agencies or members are recorded yet." in _docx_text(document)


def test_word_register_of_unnamed_seats_shows_them_vacant(tmp_path, store):
    import docx

    document = docx.Document(str(export_register_docx(store, tmp_path / "r.docx")))
    text = _docx_text(document)
    assert "No members named yet" in text and f"{len(store.members())} seats vacant" in text
    (table,) = document.tables
    vacant_rows = [r for r in table.rows if r.cells[0].text.startswith("Vacant")]
    assert len(vacant_rows) == len(store.members())


def test_word_register_survives_control_characters_in_the_data(tmp_path, demo_store):
    import docx

    imogen = next(m for m in demo_store.members() if m.name == "Imogen Hart")
    imogen.notes = "x"
    imogen.role_title = "Vulnerabilities\x0b Manager"
    demo_store.update_member(imogen)
    document = docx.Document(str(export_register_docx(demo_store, tmp_path / "r.docx")))
    assert "Vulnerabilities Manager" in _docx_text(document)
    export_register_xlsx(demo_store, tmp_path / "r.xlsx")


# --- failures leave no half-written file -----------------------------------------------------
def test_a_missing_folder_is_a_clear_error(tmp_path, demo_store):
    with pytest.raises(ExportFileError) as caught:
        export_register(demo_store, tmp_path / "no such folder" / "r.csv")
    assert isinstance(caught.value, OSError) and "does not exist" in str(caught.value)


def test_a_failed_export_keeps_the_previous_file(tmp_path, demo_store, monkeypatch):
    import docx.document

    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "r.docx"
    path.write_bytes(b"the previous export")

    def fail(self, target):
        with open(target, "wb") as fh:
            fh.write(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", fail)
    with pytest.raises(ExportFileError) as caught:
        export_register(demo_store, path)
    assert "disk is full" in str(caught.value)
    assert path.read_bytes() == b"the previous export"
    assert [p.name for p in folder.iterdir()] == ["r.docx"]


def test_the_package_does_not_import_docx_or_openpyxl_at_start_up():
    import subprocess
    import sys

    code = (
        "import sys, mqp_desktop, mqp_desktop.exporters, mqp_desktop.exporters.register_import, "
        "mqp_desktop.exporters.register_export; "
        "print(sorted(m for m in ('docx', 'openpyxl', 'PySide6') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

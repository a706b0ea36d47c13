"""Hostile and odd files through every importer, each a real file crafted in the test: a clear
refusal naming the file (the importer's own error class, never a traceback), nothing written,
and bounded memory where a file claims to be enormous."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import pytest

from mqp_desktop.domain.documents import FileRefused, check_document, check_word_template
from mqp_desktop.exporters import register_import, sheets_in
from mqp_desktop.exporters.register_import import ImportFileError, apply_import, preview_import
from mqp_desktop.exporters.section11_framework_file import export_framework, read_framework
from mqp_desktop.exporters.section11_workbook import WorkbookError, export_workbook, preview_workbook
from mqp_desktop.exporters.sheets_in import SheetLimits
from mqp_desktop.files_in import FileInRefused
from tests.helpers import hostile_files as hf
from tests.helpers.db_dump import dump
from tests.helpers.register_files import row, write_csv, write_xlsx

MiB = 1024 * 1024


def _refused(store, path: Path, *fragments: str) -> ImportFileError:
    before = dump(store.db.conn)
    with pytest.raises(ImportFileError) as caught:
        preview_import(store, path)
    err = caught.value
    text = str(err).lower()
    assert f"'{path.name}'".lower() in text and err.remedy
    for fragment in fragments:
        assert fragment.lower() in text, (fragment, str(err))
    assert dump(store.db.conn) == before
    return err


def _register_xlsx(tmp_path: Path, rows=None) -> bytes:
    return write_xlsx(tmp_path / "base.xlsx", rows if rows is not None else [row()]).read_bytes()


def _peak(fn):
    """(result, peak bytes allocated by Python while fn ran)."""
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --- the register: XLSX ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("build", "fragments"),
    [
        (lambda d: hf.broken_xml(d), ("damaged", "sheet")),
        (lambda d: hf.broken_xml(d, "xl/styles.xml"), ("damaged",)),
        (lambda d: hf.rezip(d, replace={hf.SHEET: hf.entity_bomb()}), ("dtd", "entity bomb")),
        (lambda d: hf.rezip(d, replace={hf.SHEET: hf.external_entity()}), ("dtd", "external-entity")),
        (lambda d: hf.rezip(d, add={hf.SHARED_STRINGS: hf.entity_bomb("sst")}), ("dtd",)),
        (lambda d: hf.zip_bomb(d, size=20 * MiB), ("zip bomb", "20.0 mb")),
        (lambda d: hf.overlapping(d), ("share their bytes", "zip bomb")),
        (lambda d: hf.lying_size(hf.zip_bomb(d, size=300_000)), ("damaged",)),
        (lambda d: hf.with_vba(d), ("macro", "vbaproject.bin")),
        (lambda d: d[: len(d) * 2 // 3], ("damaged",)),
        (lambda d: hf.rezip(d, drop=["xl/workbook.xml"]), ("damaged", "workbook")),
    ],
    ids=["broken-xml", "broken-styles", "entity-bomb", "external-entity", "entity-bomb-strings",
         "zip-bomb", "overlapping-parts", "lying-size", "vba-project", "truncated", "no-workbook-part"],
)
def test_a_hostile_register_workbook_is_refused_naming_the_file(tmp_path, store, build, fragments):
    path = tmp_path / "members.xlsx"
    path.write_bytes(build(_register_xlsx(tmp_path)))
    err = _refused(store, path, *fragments)
    assert err.problem.startswith("'members.xlsx'"), err.problem


def test_macro_enabled_and_other_office_files_are_not_taken_as_a_register(tmp_path, store):
    xlsm = tmp_path / "members.xlsm"
    xlsm.write_bytes(_register_xlsx(tmp_path))
    assert "'members.xlsm'" in _refused(store, xlsm, "macro-enabled excel workbook (.xlsm)").problem
    from tests.helpers.word_templates import house_template

    docx = tmp_path / "members.xlsx"
    docx.write_bytes(house_template())
    assert "'members.xlsx'" in _refused(store, docx, "not an excel workbook", "docx").problem


def test_a_declared_dimension_of_the_whole_grid_reads_only_the_real_cells(tmp_path, store):
    path = tmp_path / "members.xlsx"
    path.write_bytes(hf.declared_dimension(_register_xlsx(tmp_path, [row(), row(name="Jo Two", email="")])))
    preview, peak = _peak(lambda: preview_import(store, path))
    assert [r.row for r in preview.rows] == [2, 3] and preview.rows[1].values["name"] == "Jo Two"
    # Padded to A1:XFD1048576 the rows alone would be 16,384 x 1,048,576 cells.
    assert peak < 40 * MiB, peak


def test_a_sheet_that_really_has_a_hundred_thousand_empty_rows_stops_reading(tmp_path):
    data = hf.with_rows(_register_xlsx(tmp_path), hf.empty_rows(3, 100_000)
                        + hf.inline_row(100_003, {"A": "Far Down"}))
    wb = sheets_in.open_workbook(data, "members.xlsx", remedy="-")
    try:
        limits = SheetLimits(stop_after_empty_rows=50)
        rows, peak = _peak(lambda: sheets_in.read_rows(wb.worksheets[0], "members.xlsx", remedy="-", limits=limits))
    finally:
        sheets_in.close_workbook(wb)
    assert [n for n, _ in rows] == [1, 2], "the table ends at the run of empty rows; trailing ones are left out"
    assert peak < 10 * MiB, peak


def test_data_further_right_than_an_import_reads_is_refused_naming_the_column(tmp_path, store):
    path = tmp_path / "members.xlsx"
    path.write_bytes(hf.with_rows(_register_xlsx(tmp_path), hf.inline_row(3, {"A": "x", "XFD": "far right"})))
    assert "sheet 'Members'" in _refused(store, path, "column xfd (row 3)", "further right").problem


def test_a_sheet_longer_than_an_import_takes_is_refused(tmp_path, store, monkeypatch):
    monkeypatch.setattr(register_import, "SHEET_LIMITS", SheetLimits(max_rows=3))
    path = write_xlsx(tmp_path / "members.xlsx", [row(name=f"Person {i}", email="") for i in range(5)])
    assert "sheet 'Members'" in _refused(store, path, "more than 3 rows").problem


# --- the register: CSV -------------------------------------------------------------------------
def test_one_stray_byte_in_a_utf8_csv_is_refused_not_garbled(tmp_path, store):
    path = write_csv(tmp_path / "members.csv", [row(name="Zoë Brontë"), row(name="Renée Dubois", email="")])
    data = path.read_bytes()
    path.write_bytes(data.replace("Renée".encode(), b"Ren\xe9e"))
    err = _refused(store, path, "utf-8", "line 3", "0xe9", "csv utf-8")
    assert "Ren?e" in err.problem


def test_a_windows_csv_is_read_and_the_guess_is_shown(tmp_path, store):
    path = write_csv(tmp_path / "members.csv", [row(name="José Núñez", notes="Café £5")], encoding="cp1252")
    preview = preview_import(store, path)
    assert preview.rows[0].member.name == "José Núñez"
    assert (preview.encoding, preview.encoding_guessed) == ("cp1252", True)
    assert "Windows-1252" in preview.encoding_note and "guessed" in preview.encoding_note
    assert "José Núñez" in preview.encoding_note
    other = preview_import(store, path, encoding="cp1250")
    assert other.rows[0].member.name == "José Núńez" and not other.encoding_guessed
    utf8 = write_csv(tmp_path / "u.csv", [row(name="Zoë")])
    assert preview_import(store, utf8).encoding_note == "Read as UTF-8."


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (b"name,role_title,agency\nA\x00B,x,y\n", ("nul", "binary")),
        (b"name,role_title,agency\n" + b"x" * 200_000 + b",y,z\n", ("longer than 131,072 characters", "line 2")),
        (b"name,role_title,agency\n\"never closed,x,y\n" + b"z" * 140_000, ("longer than",)),
        (b"name,role_title,agency\n" + b"," * 500 + b"\n", ("501 cells", "more than an import reads")),
        (b"\x00\x00\x00\x01 a binary file" * 40, ("nul",)),
    ],
    ids=["nul", "long-line", "unclosed-quote", "absurd-columns", "binary"],
)
def test_odd_csv_files_are_refused_with_the_line(tmp_path, store, content, fragments):
    path = tmp_path / "members.csv"
    path.write_bytes(content)
    assert "'members.csv'" in _refused(store, path, *fragments).problem


def test_a_csv_with_more_rows_than_an_import_takes_is_refused(tmp_path, store, monkeypatch):
    monkeypatch.setattr(register_import, "MAX_ROWS", 3)
    path = write_csv(tmp_path / "members.csv", [row(name=f"Person {i}", email="") for i in range(5)])
    assert "'members.csv'" in _refused(store, path, "more than 3 rows").problem


INJECTIONS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "-2+3+cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0",
              "@SUM(1+1)*cmd|' /C calc'!A0"]


def test_formula_like_names_import_as_the_text_they_are(tmp_path, store):
    rows = [row(name=text, email=f"p{i}@example.org") for i, text in enumerate(INJECTIONS)]
    path = write_csv(tmp_path / "members.csv", rows)
    preview = preview_import(store, path)
    assert [r.action for r in preview.rows] == ["add"] * len(INJECTIONS), [r.problem_text for r in preview.rows]
    apply_import(store, preview)
    names = {m.name for m in store.members()}
    assert set(INJECTIONS) <= names


# --- Section 11 agency workbooks -------------------------------------------------------------------
@pytest.fixture
def returned(store, tmp_path):
    from mqp_desktop.domain.section11 import ScaleKind
    from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo

    s11 = Section11Repo(store)
    rnd = s11.create_round("Audit", s11.framework(DEFAULT_FRAMEWORK), ScaleKind.RAG,
                           [a.id for a in store.agencies()][:2], dt.date(2025, 10, 1), dt.date(2025, 12, 1))
    path = export_workbook(store, rnd.id, rnd.agency_ids[0], tmp_path / "return.xlsx", today=dt.date(2025, 11, 1))
    return path


def _standards_part(data: bytes) -> str:
    return "xl/worksheets/sheet3.xml"  # Instructions, Return, Standards, Action plan, mqp_data


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        (lambda d: hf.broken_xml(d, _standards_part(d)), "damaged"),
        (lambda d: hf.rezip(d, replace={_standards_part(d): hf.entity_bomb()}), "entity"),
        (lambda d: hf.zip_bomb(d, _standards_part(d), 20 * MiB), "zip bomb"),
        (lambda d: hf.with_vba(d), "macro"),
        (lambda d: hf.with_rows(d, hf.inline_row(400, {"A": "1", "AZ": "far"}), _standards_part(d)), "further right"),
    ],
    ids=["broken-xml", "entity-bomb", "zip-bomb", "vba-project", "too-wide"],
)
def test_a_hostile_agency_workbook_is_refused_and_nothing_written(store, returned, build, fragment):
    returned.write_bytes(build(returned.read_bytes()))
    before = dump(store.db.conn)
    with pytest.raises(WorkbookError) as caught:
        preview_workbook(store, returned)
    assert "'return.xlsx'" in str(caught.value) and fragment in str(caught.value).lower()
    assert dump(store.db.conn) == before


def test_an_agency_workbook_claiming_the_whole_grid_is_read_as_it_is(store, returned):
    returned.write_bytes(hf.declared_dimension(returned.read_bytes(), part=_standards_part(b"")))
    preview, peak = _peak(lambda: preview_workbook(store, returned, today=dt.date(2025, 11, 1)))
    assert preview.problems == [] and not preview.changes
    assert peak < 60 * MiB, peak


# --- framework spreadsheets ---------------------------------------------------------------------------
def test_framework_spreadsheets_hostile_and_huge(tmp_path):
    from mqp_desktop.store.section11 import shipped_frameworks

    shipped = shipped_frameworks()[0]
    path = export_framework(shipped, tmp_path / "fw.xlsx")
    good = path.read_bytes()
    path.write_bytes(hf.declared_dimension(good))
    assert read_framework(path, name=shipped.name).standards == shipped.standards
    for hostile, fragment in ((hf.broken_xml(good), "damaged"), (hf.rezip(good, replace={hf.SHEET: hf.entity_bomb()}),
                                                                 "entity"), (hf.zip_bomb(good), "zip bomb")):
        path.write_bytes(hostile)
        with pytest.raises(WorkbookError, match=fragment):
            read_framework(path, name="x")
    csv = tmp_path / "fw.csv"
    csv.write_bytes("Standard,Criterion,Text\n1,,Leadership – Zoë\n".encode() + b"2,,Trainin\xe9\n")
    with pytest.raises(WorkbookError, match="line 3"):
        read_framework(csv, name="x")
    assert read_framework(csv, name="x", encoding="cp1252").standard(2).title == "Traininé"


# --- papers and house templates ----------------------------------------------------------------------
def test_a_macro_enabled_word_file_is_refused_as_a_paper_by_name_and_by_content(store):
    from tests.helpers.word_templates import house_template

    docx = house_template()
    before = dump(store.db.conn)
    cases = {
        "paper.docm": (docx, "macro-enabled word document (.docm)"),
        "paper.docx": (house_template(kind="docm"), "macro"),
        "budget.docx": (hf.with_vba(docx, "word"), "vbaproject.bin"),
        "slides.pptx": (hf.with_vba(docx, "ppt"), "vbaproject.bin"),
        "report.doc": (hf.ole_file(["WordDocument", "Macros", "VBA", "_VBA_PROJECT"]), "vba project"),
        "data.xls": (hf.ole_file(["Workbook", "_VBA_PROJECT_CUR"]), "vba project"),
    }
    for name, (content, fragment) in cases.items():
        with pytest.raises(FileRefused) as caught:
            store.agendas.add_document(name, content)
        message = caught.value.message.lower()
        assert f"'{name}'" in message and fragment in message and "may not hold macros" in message, message
        assert "as pdf" in message
    assert dump(store.db.conn) == before
    assert check_document("paper.docx", docx).size == len(docx)
    assert check_document("report.doc", hf.ole_file(["WordDocument", "1Table"])).media_type == "application/msword"


def test_papers_and_templates_that_are_bombs_are_refused_before_unpacking():
    from tests.helpers.word_templates import house_template

    docx = house_template()
    bomb = hf.zip_bomb(docx, "word/document.xml", 600 * MiB)
    with pytest.raises(FileRefused, match="zip bomb"):
        check_document("paper.docx", bomb)
    with pytest.raises(FileRefused, match="zip bomb"):
        check_word_template("house.docx", hf.zip_bomb(docx, "word/document.xml", 40 * MiB))
    with pytest.raises(FileRefused, match="entity"):
        check_word_template("house.docx", hf.rezip(docx, replace={"word/styles.xml": hf.entity_bomb("w:styles")}))
    with pytest.raises(FileRefused, match="entity"):
        check_document("paper.docx", hf.rezip(docx, replace={"word/document.xml": hf.external_entity()}))


def test_a_house_template_given_for_one_export_is_checked_too(store, tmp_path):
    from mqp_desktop.exporters.agenda_docx import _open_template
    from mqp_desktop.exporters.files import ExportFileError
    from tests.helpers.word_templates import house_template

    path = tmp_path / "house.docx"
    path.write_bytes(hf.rezip(house_template(), replace={"word/document.xml": hf.entity_bomb("w:document")}))
    with pytest.raises(ExportFileError, match="house template 'house.docx' has a part"):
        _open_template(path)
    path.write_bytes(hf.broken_xml(house_template(), "word/document.xml"))
    with pytest.raises(ExportFileError, match="is not a Word document .* or is damaged"):
        _open_template(path)


# --- the command line -----------------------------------------------------------------------------------
def test_the_dry_run_shows_how_a_csv_was_read_and_encoding_chooses(tmp_path, capsys):
    from mqp_desktop.cli import main

    db = tmp_path / "m.sqlite"
    assert main(["--db", str(db), "init", "--template", "wandsworth-mqp"]) == 0
    path = write_csv(tmp_path / "members.csv", [row(name="José Núñez")], encoding="cp1252")
    capsys.readouterr()
    assert main(["--db", str(db), "members", "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Read as Windows-1252 (Western European), guessed" in out and "--encoding cp1252" in out
    assert main(["--db", str(db), "members", "import", str(path), "--dry-run", "--encoding", "utf-8"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("mqp: error:") and "cannot be read as UTF-8" in err and "line 2" in err
    bomb = tmp_path / "members.xlsx"
    bomb.write_bytes(hf.rezip(_register_xlsx(tmp_path), replace={hf.SHEET: hf.entity_bomb()}))
    assert main(["--db", str(db), "members", "import", str(bomb), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "DTD" in err


def test_the_guard_errors_are_the_importers_own_classes():
    assert not issubclass(FileInRefused, (ImportFileError, WorkbookError))  # so each maps it with its remedy

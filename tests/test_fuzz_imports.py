"""Hypothesis fuzzing of every importer of files from outside: the register (CSV and XLSX), Section 11
agency workbooks, framework spreadsheets (XLSX and CSV), indicator data (XLSX and CSV), the paper check
and the house template check.

Inputs are real files mutated (bytes flipped, cut short, a part replaced by garbage, broken XML,
an entity bomb or a zip bomb, a part's XML mutated) and generated contents (CSV text in any
encoding, with stray bytes). Whatever comes in: only the importer's own error class, never a
traceback; the whole database (tests/helpers/db_dump.py) unchanged by a preview and by anything
refused; memory bounded (the package limits, checked on the process's peak at the end).

Sized for CI (about half a minute); ``MQP_FUZZ_EXAMPLES=N`` runs N examples per importer.
Counts of inputs tried and how each ended are printed at the end (``pytest -s``).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import resource
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mqp_desktop.domain.documents import FileRefused, check_document, check_word_template
from mqp_desktop.domain.section11 import FrameworkImportError
from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.exporters.register_import import ImportFileError, ImportRejected, apply_import, preview_import
from mqp_desktop.exporters.section11_framework_file import read_framework
from mqp_desktop.exporters.section11_workbook import (
    WorkbookError,
    WorkbookRejected,
    apply_workbook,
    export_workbook,
    preview_workbook,
)
from mqp_desktop.store import StoreError
from tests.helpers import hostile_files as hf
from tests.helpers.db_dump import dump
from tests.helpers.register_files import row, write_xlsx

FUZZ = int(os.environ.get("MQP_FUZZ_EXAMPLES", "0"))
TRIED: Counter[tuple[str, str]] = Counter()


def examples(ci: int) -> int:
    return FUZZ or ci


def fuzz(ci: int):
    return settings(max_examples=examples(ci), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


@pytest.fixture(scope="module", autouse=True)
def _report_and_memory():
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) / 1024
    importers = sorted({k for k, _ in TRIED})
    print("\nfuzzed inputs per importer (outcome: count):")
    for name in importers:
        outcomes = {o: n for (k, o), n in TRIED.items() if k == name}
        print(f"  {name}: {sum(outcomes.values())} tried - " + ", ".join(f"{o} {n}" for o, n in sorted(outcomes.items())))
    print(f"  peak memory grew by {grown_mib:.0f} MiB")
    # A zip or entity bomb that got through would take gigabytes (the limits allow 32 MiB unpacked).
    assert grown_mib < 1024, grown_mib


# --- mutations of a real package ----------------------------------------------------------------
GARBAGE = st.one_of(
    st.binary(max_size=300),
    st.just(hf.entity_bomb()),
    st.just(hf.external_entity()),
    st.just(hf.dtd_after_comments()),
    st.just(b'<?xml version="1.0"?><worksheet xmlns="x"><sheetData><row r="99999999999999999999"/></sheetData>'),
    st.just(b"<x>" + b" " * (2 * 1024 * 1024) + b"</x>"),  # packs ~1000:1
    st.text(alphabet="<>/=\"' abcrtvsi0123456789&;:!-?", max_size=300).map(str.encode),
)


@st.composite
def mutated(draw, original: bytes):
    """A real package changed the way damaged or hostile files are."""
    data = original
    names = list(hf.parts(original))
    how = draw(st.sampled_from(["flip", "truncate", "replace", "drop", "mutate-xml", "add", "combined"]))
    if how in ("replace", "combined"):
        data = hf.rezip(data, replace={draw(st.sampled_from(names)): draw(GARBAGE)})
    if how == "drop":
        data = hf.rezip(data, drop=[draw(st.sampled_from(names))])
    if how == "add":
        data = hf.rezip(data, add={draw(st.sampled_from(["xl/vbaProject.bin", "word/vbaProject.bin",
                                                         "customXml/item1.xml", "xl/sharedStrings.xml"])): draw(GARBAGE)})
    if how == "mutate-xml":
        name = draw(st.sampled_from([n for n in names if n.endswith((".xml", ".rels"))]))
        xml = bytearray(hf.parts(data)[name])
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, max(0, len(xml) - 1)))
            piece = draw(st.sampled_from([b"<", b">", b"\"", b"&", b"&amp;", b"<c r=\"XFD1048576\"><v>1</v></c>",
                                          b"<!DOCTYPE x>", b"\x00", b"\xff", b"r=\"0\"", b"t=\"s\"", b"<v>99999</v>",
                                          b"t=\"d\"", b"<v>1e400</v>", b"t=\"b\"", b"<f>SUM(A1)</f>", b""]))
            xml[at:at + draw(st.integers(0, 8))] = piece
        data = hf.rezip(data, replace={name: bytes(xml)})
    if how in ("flip", "combined"):
        buf = bytearray(data)
        for at, value in draw(st.lists(st.tuples(st.integers(0, len(buf) - 1), st.integers(0, 255)), min_size=1,
                                       max_size=8)):
            buf[at] = value
        data = bytes(buf)
    if how == "truncate":
        data = data[: draw(st.integers(0, len(data) - 1))]
    return data


def _count(importer: str, outcome: str) -> str:
    TRIED[(importer, outcome)] += 1
    return outcome


IMPORT_OUTCOMES = {"refused", "apply refused", "read"}
FRAMEWORK_OUTCOMES = {"refused", "row problems", "read"}


# --- the register ---------------------------------------------------------------------------------
def _register_workbook() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "m.xlsx", [
            row(), row(name="Zoë Brontë", email="zoe@example.org", start_date=dt.date(2024, 1, 8)),
            row(name="=HYPERLINK(\"x\")", email="", decision_maker=False)])
        return path.read_bytes()


REGISTER_XLSX = _register_workbook()


def _register_attempt(store, path: Path, importer: str) -> str:
    """Import ``path`` into ``store``: "refused" (with problem and remedy), "apply refused" or "read";
    whichever it is, a refusal writes nothing (asserted here)."""
    before = dump(store.db.conn)
    try:
        preview = preview_import(store, path)
    except ImportFileError as exc:
        assert exc.problem and exc.remedy
        assert dump(store.db.conn) == before
        return _count(importer, "refused")
    assert dump(store.db.conn) == before, "a preview writes nothing"
    try:
        apply_import(store, preview, skip_rejected=True)
    except (ImportRejected, StoreError):
        assert dump(store.db.conn) == before, "a refused import writes nothing"
        return _count(importer, "apply refused")
    return _count(importer, "read")


@fuzz(120)
@given(data=mutated(REGISTER_XLSX))
def test_register_xlsx(store, tmp_path, data):
    path = tmp_path / "members.xlsx"
    path.write_bytes(data)
    assert _register_attempt(store, path, "register .xlsx") in IMPORT_OUTCOMES


CSV_CELLS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@st.composite
def csv_bytes(draw):
    header = draw(st.one_of(
        st.just(["name", "role_title", "agency", "email", "notes"]),
        st.lists(st.sampled_from(["name", "role_title", "agency", "email", "post", "start_date", "notes", "",
                                  "Shoe size", "Standard", "Criterion", "Text"]), min_size=1, max_size=6)))
    lines = [",".join(header)]
    for _ in range(draw(st.integers(0, 5))):
        cells = draw(st.lists(st.one_of(CSV_CELLS, st.sampled_from(["Police", "SWL ICB", "Jo Bloggs", "x@y.org",
                                                                      "Zoë Brontë", "José Núñez", "1", "2", "1.1",
                                                                      "\"quoted, cell\"", "\"never closed",
                                                                      "-2+3+cmd|' /C calc'!A0", "=1+1", "2024-13-40"])),
                              max_size=draw(st.sampled_from([len(header), len(header) + 2]))))
        lines.append(draw(st.sampled_from([",", ";", "\t"])).join(cells))
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "mac_roman", "cp1250", "latin-1"]))
    data = text.encode(codec, errors="replace")
    for at, value in draw(st.lists(st.tuples(st.integers(0, max(0, len(data) - 1)), st.integers(0, 255)),
                                   max_size=3)):
        if data:
            data = data[:at] + bytes([value]) + data[at + 1:]
    return draw(st.one_of(st.just(data), st.just(data), st.just(data), st.binary(max_size=200)))


@fuzz(200)
@given(data=csv_bytes())
def test_register_csv(store, tmp_path, data):
    path = tmp_path / "members.csv"
    path.write_bytes(data)
    assert _register_attempt(store, path, "register .csv") in IMPORT_OUTCOMES


# --- Section 11 agency workbooks -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def returned_workbook(tmp_path_factory):
    """A fresh database with a round, and an agency's exported workbook with answers typed in."""
    from openpyxl import load_workbook

    from mqp_desktop.domain.section11 import ScaleKind
    from mqp_desktop.exporters.section11_workbook_layout import FIRST_ROW, STANDARDS
    from mqp_desktop.store import Store
    from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo
    from mqp_desktop.store.seed import seed_from_template

    folder = tmp_path_factory.mktemp("s11")
    db = folder / "s11.sqlite"
    store = Store.open(db)
    seed_from_template(store, "wandsworth-mqp")
    s11 = Section11Repo(store)
    rnd = s11.create_round("Audit", s11.framework(DEFAULT_FRAMEWORK), ScaleKind.RAG,
                           [a.id for a in store.agencies()][:2], dt.date(2025, 10, 1), dt.date(2025, 12, 1))
    path = export_workbook(store, rnd.id, rnd.agency_ids[0], folder / "return.xlsx", today=dt.date(2025, 11, 1))
    store.close()
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(path)
        wb[STANDARDS][f"C{FIRST_ROW}"] = "green"
        wb.save(path)
    return db, path.read_bytes()


def test_section11_workbook(returned_workbook, tmp_path):
    from mqp_desktop.store import Store

    db, original = returned_workbook

    @fuzz(60)
    @given(data=mutated(original))
    def run(data):
        path = tmp_path / "return.xlsx"
        path.write_bytes(data)
        store = Store.open(db)
        try:
            before = dump(store.db.conn)
            try:
                preview = preview_workbook(store, path, today=dt.date(2025, 11, 1))
            except WorkbookError as exc:
                assert exc.problem
                assert dump(store.db.conn) == before
                _count("section 11 workbook", "refused")
                return
            assert dump(store.db.conn) == before, "a preview writes nothing"
            if preview.problems:
                with pytest.raises(WorkbookRejected):
                    apply_workbook(store, preview, today=dt.date(2025, 11, 1))
                assert dump(store.db.conn) == before
                _count("section 11 workbook", "cell problems")
                return
            _count("section 11 workbook", "read")  # not applied: the next input starts from the same return
        finally:
            store.close()

    run()


# --- framework spreadsheets --------------------------------------------------------------------------------
def _framework_xlsx() -> bytes:
    from mqp_desktop.exporters.section11_framework_file import export_framework
    from mqp_desktop.store.section11 import shipped_frameworks

    with tempfile.TemporaryDirectory() as folder:
        return export_framework(shipped_frameworks()[0], Path(folder) / "fw.xlsx").read_bytes()


FRAMEWORK_XLSX = _framework_xlsx()


def _framework_attempt(path: Path, importer: str) -> str:
    """Read ``path`` as a framework: "refused" (with the problem), "row problems" (listed) or "read"."""
    try:
        read_framework(path, name="Fuzzed")
    except WorkbookError as exc:
        assert exc.problem
        return _count(importer, "refused")
    except FrameworkImportError as exc:
        assert exc.problems
        return _count(importer, "row problems")
    return _count(importer, "read")


@fuzz(80)
@given(data=mutated(FRAMEWORK_XLSX))
def test_framework_xlsx(tmp_path, data):
    path = tmp_path / "fw.xlsx"
    path.write_bytes(data)
    assert _framework_attempt(path, "framework .xlsx") in FRAMEWORK_OUTCOMES


@fuzz(100)
@given(data=csv_bytes())
def test_framework_csv(tmp_path, data):
    path = tmp_path / "fw.csv"
    path.write_bytes(data)
    assert _framework_attempt(path, "framework .csv") in FRAMEWORK_OUTCOMES


@pytest.mark.parametrize("data", [b"name,name\n\xb2", "number,name,criterion\n\u00b2,Leadership,\n".encode(),
                                  "number,name,criterion\n1,Leadership,\u00b3\n".encode()])
def test_framework_csv_with_digits_int_cannot_read(tmp_path, data):
    """Found by an unseeded run: a superscript digit passes str.isdigit() but not int(), and crashed the import."""
    path = tmp_path / "fw.csv"
    path.write_bytes(data)
    assert _framework_attempt(path, "framework .csv") in FRAMEWORK_OUTCOMES


# --- indicator data ----------------------------------------------------------------------------------------
def _indicator_store():
    from mqp_desktop.domain.performance import Indicator
    from mqp_desktop.store import Store
    from mqp_desktop.store.seed import seed_from_template

    s = Store.in_memory()
    seed_from_template(s, "wandsworth-mqp")
    themes = s.performance.themes()
    s.performance.add_indicator(Indicator(code="CP3", title="Repeat plans", theme_id=themes[3].id, unit="percentage"))
    s.performance.add_indicator(Indicator(code="EH1", title="Early help", theme_id=themes[1].id, by_agency=True))
    s.performance.set_value(s.performance.find_indicator("EH1").id, "2025-Q2", 10)
    return s


def _indicator_workbook() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Quarterly"
    for r in (["Dataset"], [], ["Code", "Title", "Q1 2025-26", "2025/26 Q2", dt.datetime(2025, 12, 31)],
              ["CP3", "Repeat plans", 0.125, "13%", "*"], ["EH1", "=HYPERLINK(\"x\")", 12, "1,234", "n/a"]):
        ws.append(r)
    ws["C4"].number_format = "0.0%"
    long = wb.create_sheet("Long")
    for r in (["Code", "Period", "Agency", "Value", "England", "Reason"], ["EH1", "Jun-25", "Police", 4, None, "x"],
              ["CP3", "2025-Q3", None, 14, 15.5, None]):
        long.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


INDICATOR_XLSX = _indicator_workbook()


def _indicator_attempt(path: Path, importer: str) -> str:
    """Import ``path`` into a small dataset: "refused", "apply refused" or "read"; a refusal writes nothing."""
    from mqp_desktop.domain.validation import ValidationError
    from mqp_desktop.exporters.indicator_data_import import DataFileError, apply_data_import, preview_data_import

    store = _indicator_store()
    try:
        before = dump(store.db.conn)
        try:
            preview = preview_data_import(store, path)
        except DataFileError as exc:
            assert exc.problem and exc.remedy
            assert dump(store.db.conn) == before
            return _count(importer, "refused")
        assert dump(store.db.conn) == before, "a preview writes nothing"
        for c in preview.rejected:
            assert c.sheet and c.row >= 1 and c.fix_column >= 1 and c.message, "a rejection names where and why"
        try:
            apply_data_import(store, preview, skip_rejected=bool(preview.rejected) and len(preview.cells) % 2 == 0,
                              reason="fuzzed" if len(preview.cells) % 3 else "")
        except (ValidationError, StoreError):
            assert dump(store.db.conn) == before, "a refused import writes nothing"
            return _count(importer, "apply refused")
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return _count(importer, "read")
    finally:
        store.close()


@fuzz(100)
@given(data=mutated(INDICATOR_XLSX))
def test_indicator_data_xlsx(tmp_path, data):
    path = tmp_path / "data.xlsx"
    path.write_bytes(data)
    assert _indicator_attempt(path, "indicator data .xlsx") in IMPORT_OUTCOMES


@st.composite
def indicator_csv_bytes(draw):
    header = draw(st.lists(st.sampled_from(["Code", "Indicator", "Title", "Period", "Value", "Agency", "England",
                                            "Reason", "Unit", "Q1 2025-26", "2025/26 Q2", "Jun-25", "2011-12",
                                            "Q5 2025", "", "Target"]), min_size=1, max_size=7))
    lines = [",".join(header)]
    for _ in range(draw(st.integers(0, 6))):
        cells = draw(st.lists(st.one_of(CSV_CELLS, st.sampled_from(
            ["CP3", "EH1", "cp3", "Repeat plans", "Police", "Q1 2025-26", "Jun-25", "12.5%", "101", "-3", "1,234",
             "12,5", "*", "c", "<5", "n/a", "-", "'=1+1", "0.125", "1e400", "nan", "%", "2027-Q1", ""])),
            max_size=len(header) + 2))
        lines.append(draw(st.sampled_from([",", ";", "\t"])).join(cells))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    codec = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "mac_roman"]))
    data = text.encode(codec, errors="replace")
    return draw(st.one_of(st.just(data), st.just(data), st.binary(max_size=200)))


@fuzz(150)
@given(data=indicator_csv_bytes())
def test_indicator_data_csv(tmp_path, data):
    path = tmp_path / "data.csv"
    path.write_bytes(data)
    assert _indicator_attempt(path, "indicator data .csv") in IMPORT_OUTCOMES


# --- papers and house templates ---------------------------------------------------------------------------
def _docx() -> bytes:
    from tests.helpers.word_templates import house_template

    return house_template()


DOCX = _docx()
PAPERS = {"paper.docx": DOCX, "paper.xlsx": REGISTER_XLSX}


@fuzz(150)
@given(name=st.sampled_from(sorted(PAPERS)), data=st.data())
def test_paper_check(store, name, data):
    content = data.draw(mutated(PAPERS[name]))
    before = dump(store.db.conn)
    try:
        checked = check_document(name, content)
    except FileRefused as exc:
        assert exc.message.startswith(f"'{name}'")
        with pytest.raises(FileRefused):
            store.agendas.add_document(name, content)
        assert dump(store.db.conn) == before
        _count("paper check", "refused")
        return
    assert checked.content == content
    _count("paper check", "accepted")


EMAIL = (b"From: Dr Ruth Okonjo <ruth@example.org>\r\nTo: Dr Helen Carter <helen@example.org>\r\n"
         b"Subject: RE: transfer WT-2026-002\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nWe cannot fund it.\r\n")
ANSWERS = {"reply.eml": EMAIL, "reply.msg": hf.ole_file(("__substg1.0_0037001F",)), "reply.docx": DOCX}


@st.composite
def mutated_bytes(draw, original: bytes):
    """A file that is not a package changed as damaged or hostile ones are: bytes flipped, cut short, something
    else's start put in front, garbage in the middle."""
    data = bytearray(original)
    how = draw(st.sampled_from(["flip", "truncate", "prefix", "insert"]))
    if how == "flip":
        for at, value in draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), min_size=1,
                                       max_size=8)):
            data[at] = value
    elif how == "truncate":
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif how == "prefix":
        data = bytearray(draw(st.sampled_from([b"MZ\x90\x00", b"\x7fELF", b"%PDF-1.7\n", b"PK\x03\x04", b"\x00"]))) + data
    else:
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.binary(max_size=64))
    return bytes(data)


@fuzz(120)
@given(name=st.sampled_from(sorted(ANSWERS)), data=st.data())
def test_transfer_answer_letter_check(demo_store, name, data):
    """A receiving chair's letter or email (ToR 8) kept with a transfer's answer: refused in words, the database
    unchanged, or stored byte for byte."""
    from mqp_desktop.domain.partnership import TransferState
    from mqp_desktop.store.partnership import check_correspondence

    content = data.draw(mutated(ANSWERS[name]) if name.endswith(".docx") else mutated_bytes(ANSWERS[name]))
    p = demo_store.partnership
    waiting = next(t for t in p.all_transfers() if t.state is TransferState.SENT)
    before = dump(demo_store.db.conn)
    try:
        check_correspondence(name, content)
    except FileRefused as exc:
        assert exc.message.startswith(f"'{name}'")
        with pytest.raises(FileRefused):
            p.answer(waiting.id, "accepted", "", content=(name, content))
        assert dump(demo_store.db.conn) == before
        _count("answer letter", "refused")
        return
    kept = p.answer(waiting.id, "accepted", "", content=(name, content))
    assert p.answer_document(kept).content == content
    p.restore(waiting.id, waiting, kept, ("answer", "answer_reason", "answered_on", "answer_document_id"))
    _count("answer letter", "accepted")


@fuzz(80)
@given(data=mutated(DOCX))
def test_house_template_check(data):
    from mqp_desktop.exporters.agenda_docx import _open_template

    try:
        checked = check_word_template("house.docx", data)
    except FileRefused as exc:
        assert exc.message.startswith("'house.docx'")
        _count("house template", "refused")
        return
    try:
        _open_template(checked.content, checked.file_name)  # what the Word agenda export does with it
    except ExportFileError as exc:
        assert "house.docx" in str(exc)
        _count("house template", "accepted, refused when opened")
        return
    _count("house template", "accepted and opened")


def test_the_mutations_reach_every_importer_with_a_valid_start():
    """Each importer takes its unmutated file, so the refusals above are the mutations' doing."""
    assert check_document("paper.docx", DOCX) and check_word_template("house.docx", DOCX)
    assert io.BytesIO(REGISTER_XLSX).read(4) == b"PK\x03\x04"
    assert io.BytesIO(INDICATOR_XLSX).read(4) == b"PK\x03\x04"

"""The guarded entrance for files coming in (mqp_desktop.files_in): every refusal of an Office
package, checked on a real crafted file, and the honest decoding of text files."""

from __future__ import annotations

import dataclasses
import io

import pytest

from mqp_desktop.files_in import (
    IMPORT_LIMITS,
    FileInRefused,
    check_package,
    decode_text,
    ole_has_macros,
)
from tests.helpers import hostile_files as hf

SMALL = dataclasses.replace(IMPORT_LIMITS, max_file_bytes=200_000, max_parts=40, max_part_bytes=1_000_000,
                            max_total_bytes=2_000_000, ratio_floor=100_000)


def workbook() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["name", "role_title", "agency"])
    wb.active.append(["Pat Example", "Designated Nurse", "SWL ICB"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def document() -> bytes:
    from tests.helpers.word_templates import house_template

    return house_template()


def refused(data: bytes, name: str = "register.xlsx", limits=SMALL, **kw) -> FileInRefused:
    with pytest.raises(FileInRefused) as caught:
        check_package(data, name, limits=limits, what="an Excel workbook (.xlsx)", **kw)
    err = caught.value
    assert err.problem.startswith(f"'{name}'") and err.remedy, "names the file and what to do"
    return err


# --- what passes --------------------------------------------------------------------------------
def test_a_real_workbook_and_document_pass_and_say_what_they_are():
    package = check_package(workbook(), "register.xlsx", limits=SMALL)
    assert package.kind == ".xlsx" and "xl/workbook.xml" in package.parts
    assert check_package(document(), "house.docx").kind == ".docx"


# --- zip bombs and other package tricks ---------------------------------------------------------
def test_each_refusal_of_a_package_names_its_reason():
    good = workbook()
    cases = {
        "empty": b"",
        "too_large": good + b"\x00" * SMALL.max_file_bytes,
        "not_zip": b"name,role_title\n",
        "damaged": good[: len(good) // 2],
        "too_many_parts": hf.many_parts(good, 50),
        "part_too_large": hf.zip_bomb(good, size=SMALL.max_part_bytes + 1),
        "packed_too_tight": hf.zip_bomb(good, size=SMALL.ratio_floor * 2),
        "overlapping_parts": hf.overlapping(good),
        "duplicate_parts": hf.rezip(good, extra=[("XL/Workbook.xml", b"<workbook/>")]),
        "odd_part_name": hf.rezip(good, add={"a/" * 40 + "deep.xml": b"<x/>"}),
        "dtd": hf.rezip(good, replace={hf.SHEET: hf.entity_bomb()}),
        "not_office": hf.rezip(good, drop=["[Content_Types].xml"]),
        "macros": hf.with_vba(good),
    }
    for reason, data in cases.items():
        assert refused(data).reason == reason, reason


def test_the_part_count_is_read_from_the_end_record_before_the_directory():
    data = hf.many_parts(workbook(), 50)
    err = refused(data)
    assert err.reason == "too_many_parts" and "59 parts" in err.problem


def test_a_total_over_the_limit_is_a_bomb_even_when_each_part_is_not():
    limits = dataclasses.replace(SMALL, max_total_bytes=200_000, ratio_floor=10**9)
    data = hf.rezip(workbook(), add={f"xl/media/pad{i}.bin": b" " * 60_000 for i in range(4)})
    assert refused(data, limits=limits).reason == "total_too_large"


def test_zip_passwords_and_odd_compression_are_refused():
    good = bytearray(workbook())
    central = good.find(b"PK\x01\x02")
    encrypted = bytearray(good)
    encrypted[central + 8] |= 0x01  # general purpose flag bit 0: encrypted
    assert refused(bytes(encrypted)).reason == "zip_password"
    odd = bytearray(good)
    odd[central + 10:central + 12] = (12).to_bytes(2, "little")  # bzip2
    assert refused(bytes(odd)).reason == "odd_compression"


def test_a_part_declaring_a_smaller_size_than_it_has_never_unpacks_more_and_is_refused():
    import zipfile

    data = hf.lying_size(hf.zip_bomb(workbook(), size=500_000), declared=100)
    with zipfile.ZipFile(io.BytesIO(data)) as z, pytest.raises(zipfile.BadZipFile):
        z.read(hf.SHEET)  # zipfile stops at the declared size, then the checksum fails...
    err = refused(data)  # ...which the guard's look at the XML's start already meets
    assert err.reason == "damaged_part" and "sheet1.xml" in err.problem


# --- XML with a DTD ---------------------------------------------------------------------------------
@pytest.mark.parametrize("xml", [hf.entity_bomb(), hf.external_entity(), hf.dtd_after_comments(),
                                 hf.entity_bomb().replace(b"<?xml", b"\xef\xbb\xbf<?xml", 1),
                                 hf.entity_bomb().decode().encode("utf-16"),
                                 hf.entity_bomb().decode().encode("utf-16-be"),
                                 hf.entity_bomb().decode().encode("utf-32"),
                                 hf.entity_bomb().decode().encode("utf-32-le")])
def test_an_xml_part_with_a_dtd_is_refused_however_it_is_dressed(xml):
    err = refused(hf.rezip(workbook(), replace={hf.SHEET: xml}))
    assert err.reason == "dtd" and "entity" in err.problem and "sheet1.xml" in err.problem


def test_a_dtd_in_the_content_types_or_relationships_is_refused_too():
    for part in ("[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels"):
        assert refused(hf.rezip(workbook(), replace={part: hf.entity_bomb("Types")})).reason == "dtd", part


def test_a_prolog_that_never_ends_is_refused_as_damaged():
    limits = dataclasses.replace(SMALL, max_prolog_bytes=8_192)
    xml = b'<?xml version="1.0"?>' + b"<!-- a comment -->" * 2_000 + b"<worksheet/>"
    assert refused(hf.rezip(workbook(), replace={hf.SHEET: xml}), limits=limits).reason == "damaged"


# --- macros -------------------------------------------------------------------------------------------
def test_macros_are_refused_by_name_by_content_type_and_by_part():
    good = workbook()
    assert refused(good, name="register.xlsm").reason == "macros"
    xlsm = hf.with_main_type(good, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                             "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    err = refused(xlsm)
    assert err.reason == "macros" and "macro" in err.problem
    err = refused(hf.with_vba(good))
    assert err.reason == "macros" and "vbaProject.bin" in err.problem
    sheets = hf.rezip(good, add={"xl/macrosheets/sheet1.xml": b"<xm:macrosheet/>"})
    assert "Excel 4 macro sheets" in refused(sheets).problem
    docm = hf.with_vba(document(), folder="word")
    with pytest.raises(FileInRefused, match="vbaProject.bin"):
        check_package(docm, "house.docx")
    for name in ("x.docm", "x.dotm", "x.pptm", "x.xltm", "x.ppsm", "x.xlam"):
        with pytest.raises(FileInRefused, match="macro|add-in"):
            check_package(document(), name)
    assert check_package(hf.with_vba(good), "x.xlsx", limits=SMALL, allow_macros=True).kind == ".xlsx"


def test_an_old_office_file_with_a_vba_project_is_told_apart():
    assert ole_has_macros(hf.ole_file(["WordDocument", "Macros", "VBA", "_VBA_PROJECT"]))
    assert ole_has_macros(hf.ole_file(["Workbook", "_VBA_PROJECT_CUR", "VBA"]))
    assert not ole_has_macros(hf.ole_file(["WordDocument", "1Table", "SummaryInformation"]))
    # The name as text inside a stream (not a directory entry) is not a VBA project.
    text = hf.ole_file(["WordDocument"]) + b"\x00" * 3 + "_VBA_PROJECT".encode("utf-16-le") + b"\x00\x00"
    assert not ole_has_macros(text)


# --- text ------------------------------------------------------------------------------------------------
def test_utf8_with_and_without_a_bom_and_utf16_with_one_are_read_exactly():
    text = "name,agency\nZoë Brontë,Police\n"
    assert decode_text(text.encode(), "m.csv").label == "UTF-8"
    assert decode_text(b"\xef\xbb\xbf" + text.encode(), "m.csv").text == text
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        data = text.encode(codec)
        if codec != "utf-16":
            data = ("\ufeff" + text).encode(codec)
        decoded = decode_text(data, "m.csv")
        assert decoded.text.lstrip("\ufeff") == text and not decoded.guessed


def test_one_stray_byte_in_utf8_text_is_refused_naming_line_and_byte():
    data = "name,agency\nZoë Brontë,Police\n".encode() + b"Ren\xe9 Smith,ICB\n"
    with pytest.raises(FileInRefused) as caught:
        decode_text(data, "m.csv")
    err = caught.value
    assert err.reason == "stray_bytes"
    at = data.index(b"\xe9") + 1
    assert "line 3" in err.problem and f"byte {at}" in err.problem and "0xE9" in err.problem
    assert "Ren?" in err.problem and "CSV UTF-8" in err.remedy


def test_windows_text_is_guessed_said_to_be_guessed_and_shows_the_lines_to_check():
    data = "name;agency\nJosé Núñez;Police\nJo Bloggs;ICB\nRenée £500 – agreed;ICB\n".encode("cp1252")
    decoded = decode_text(data, "m.csv")
    assert decoded.encoding == "cp1252" and decoded.guessed
    assert decoded.label == "Windows-1252 (Western European), guessed"
    assert [n for n, _ in decoded.accented_lines] == [2, 4] and "José Núñez" in decoded.text


def test_a_chosen_encoding_is_used_and_a_wrong_one_refused():
    data = "name\nJosé\n".encode("mac_roman")
    assert decode_text(data, "m.csv", encoding="mac-roman").text == "name\nJosé\n"
    with pytest.raises(FileInRefused, match="cannot be read as UTF-8") as caught:
        decode_text(data, "m.csv", encoding="utf-8")
    assert caught.value.reason == "wrong_encoding"
    with pytest.raises(FileInRefused, match="not an encoding"):
        decode_text(data, "m.csv", encoding="klingon")


def test_nul_bytes_and_oversized_text_are_refused():
    with pytest.raises(FileInRefused, match="line 2 holds a NUL byte"):
        decode_text(b"name\nA\x00B\n", "m.csv")
    with pytest.raises(FileInRefused, match="more than") as caught:
        decode_text(b"x" * 2_000, "m.csv", max_bytes=1_000)
    assert caught.value.reason == "text_too_large"

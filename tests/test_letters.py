"""The ToR 5 letters to members below the attendance standard, read back with python-docx."""

from __future__ import annotations

import dataclasses
import datetime as dt

import docx
import pytest

from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.exporters.letters import (
    letter_file_name,
    salutation,
    write_substitute_letter,
    write_substitute_letters,
)
from tests.helpers.attendance_fixture import END, START, build

TODAY = dt.date(2026, 2, 3)


@pytest.fixture
def small(store):
    people = build(store)
    report = store.meetings.report(START, END)
    return report, store.subcommittee(), people


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def _row(report, name):
    return next(r for r in report.members if r.member.name == name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Dr Helen Carter", "Dear Dr Carter"), ("DS Karen Osei", "Dear DS Osei"), ("Patrick Dunne", "Dear Patrick Dunne"),
     ("Cher", "Dear Cher")],
)
def test_salutation(name, expected):
    assert salutation(name) == expected


def test_one_letter_per_member_below_the_standard_named_after_them(tmp_path, small):
    report, sc, people = small
    paths = write_substitute_letters(report, sc, people["chair"], tmp_path, today=TODAY)
    assert [p.name for p in paths] == ["Attendance letter - Ann Archer.docx", "Attendance letter - Ben Brook.docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths), "nothing else left behind"


def test_the_letter_is_addressed_dated_and_gives_the_figures(tmp_path, small):
    report, sc, people = small
    path = write_substitute_letter(_row(report, "Ben Brook"), report, sc, people["chair"], tmp_path / "ben.docx",
                                   today=TODAY)
    document = docx.Document(str(path))
    text = _text(document)
    first_lines = [p.text for p in document.paragraphs[:4]]
    assert first_lines == ["Ben Brook", "Principal Social Worker",
                           "Wandsworth Children's Services (local authority)", "ben.brook@example.gov.uk"]
    assert "3 February 2026" in text
    assert "Dear Ben Brook," in text
    assert "1 January 2025 to 31 December 2025" in text
    rows = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows}
    assert rows["Meetings you were expected at"] == "4"
    assert rows["Attended in person"] == "1"
    assert rows["Attended by your deputy (Dee Deputy)"] == "2"
    assert rows["Apologies sent"] == "1"
    assert rows["Absent without apologies"] == "0"
    assert rows["Your attendance rate"] == "25%"
    assert "below the subcommittee's standard of 80%" in text
    assert "not counted in your own rate" in text, "the deputy setting is explained"
    # reply within four weeks
    assert "3 March 2026" in text


def test_the_letter_quotes_tor_5_and_asks_for_a_permanent_substitute(tmp_path, small):
    report, sc, people = small
    path = write_substitute_letter(_row(report, "Ann Archer"), report, sc, people["chair"], tmp_path / "a.docx",
                                   today=TODAY)
    document = docx.Document(str(path))
    text = _text(document)
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert len(quotes) == 1
    assert "commit to attending all meetings" in quotes[0] and "delegate to their deputy" in quotes[0]
    assert "80% or above being the standard" in quotes[0] and "permanent substitute" in quotes[0]
    assert "Section 5 (Attendance) of the subcommittee's Terms of Reference (January 2023)" in text
    assert "permanent substitute from Wandsworth Children's Services (local authority)" in text
    assert "75%" in text
    assert "by your deputy" not in text.split("Your rate counts")[1].split(".")[0], "deputies do not count here"


def test_signed_by_the_chair_on_behalf_of_the_subcommittee(tmp_path, small):
    report, sc, people = small
    document = docx.Document(str(write_substitute_letter(
        _row(report, "Ann Archer"), report, sc, people["chair"], tmp_path / "a.docx", today=TODAY)))
    tail = [p.text for p in document.paragraphs if p.text][-4:]
    assert tail == ["Yours sincerely,", "Dr Chris Chair", "Designated Doctor",
                    "Chair, on behalf of the Monitoring, Quality & Performance Subcommittee"]


def test_without_a_chair_a_highlighted_placeholder_not_a_guess(tmp_path, small):
    report, sc, _ = small
    document = docx.Document(str(write_substitute_letter(
        _row(report, "Ann Archer"), report, sc, None, tmp_path / "a.docx", today=TODAY)))
    runs = [r for p in document.paragraphs for r in p.runs if "[Chair" in r.text]
    assert len(runs) == 1 and runs[0].font.highlight_color is not None


def test_house_style_a4_real_styles_partnership_in_the_header_page_fields_and_properties(tmp_path, small):
    report, sc, people = small
    path = write_substitute_letter(_row(report, "Ann Archer"), report, sc, people["chair"], tmp_path / "a.docx",
                                   today=TODAY)
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert "Wandsworth Safeguarding Children Partnership" in "\n".join(p.text for p in section.header.paragraphs)
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    used = {p.style.name for p in document.paragraphs}
    assert {"Letter Address", "Letter Subject", "Quote", "List Bullet", "Signature Block"} <= used
    props = document.core_properties
    assert props.title == "Attendance letter to Ann Archer"
    assert props.author == "Wandsworth Safeguarding Children Partnership"


def test_deputies_counting_for_the_member_changes_the_explanation(tmp_path, small):
    report, sc, people = small
    counted = dataclasses.replace(report, deputy_counts_for_member=True)
    text = _text(docx.Document(str(write_substitute_letter(
        _row(report, "Ben Brook"), counted, sc, people["chair"], tmp_path / "b.docx", today=TODAY))))
    assert "in person or by your deputy" in text and "not counted in your own rate" not in text


def test_file_names_are_safe_on_windows():
    from mqp_desktop.domain.model import Member

    assert letter_file_name(Member(role_title="x", agency_id=1, name='Jo "JJ" O/Brien?')) == \
        "Attendance letter - Jo JJ O-Brien.docx"  # a slash is a dash (see safe_file_name)


def test_a_missing_folder_is_a_clear_error(tmp_path, small):
    report, sc, people = small
    with pytest.raises(ExportFileError) as caught:
        write_substitute_letters(report, sc, people["chair"], tmp_path / "missing", today=TODAY)
    assert "does not exist" in caught.value.problem
    assert list(tmp_path.iterdir()) == []


def test_a_letter_that_cannot_be_written_leaves_nothing_half_written(tmp_path, small):
    report, sc, people = small
    (tmp_path / "a.docx").mkdir()
    with pytest.raises(ExportFileError):
        write_substitute_letter(_row(report, "Ann Archer"), report, sc, people["chair"], tmp_path / "a.docx",
                                today=TODAY)
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"] and (tmp_path / "a.docx").is_dir()


def test_demo_letters_for_everyone_below_80(tmp_path, demo_store):
    report = demo_store.meetings.report(dt.date.today() - dt.timedelta(days=364), dt.date.today())
    sc = demo_store.subcommittee()
    paths = write_substitute_letters(report, sc, demo_store.member(sc.chair.member_id), tmp_path)
    assert len(paths) == len(report.members_below_standard) >= 1
    patrick = next(p for p in paths if "Patrick Dunne" in p.name)
    text = _text(docx.Document(str(patrick)))
    assert "Dear Patrick Dunne," in text and "50%" in text and "Dr Helen Carter" in text

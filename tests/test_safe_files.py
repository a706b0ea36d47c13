"""File names made from what people typed, batches written all or nothing, and the program's temporary
folders cleaned up (``exporters/files.py``, ``exporters/temp_folders.py``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from pathlib import Path

import pytest

from mqp_desktop.exporters.files import (
    MAX_FILE_NAME,
    ExportFileError,
    safe_file_name,
    write_all_or_nothing,
    write_atomically,
)
from mqp_desktop.exporters.temp_folders import (
    SessionFolder,
    clean_leftovers,
    is_ours,
    make_temp_folder,
    remove_temp_folder,
)

RESERVED = ["CON", "con", "PRN", "AUX", "NUL", "nul", "COM1", "COM9", "LPT1", "lpt9", "CONIN$", "COM¹"]


# --- safe_file_name --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    (".. Section 11 audit", "Section 11 audit.xlsx"),
    ("..", "file.xlsx"),
    ("...hidden", "hidden.xlsx"),
    ("../../etc/passwd", "-..-etc-passwd.xlsx"),
    ("Police/Probation", "Police-Probation.xlsx"),
    ("a\\b|c", "a-b-c.xlsx"),
    ('Jo "JJ" O/Brien?', "Jo JJ O-Brien.xlsx"),
    ("Section 11: 2026-27", "Section 11 2026-27.xlsx"),
    ("Room 10:30", "Room 10-30.xlsx"),
    ("<script>*", "script.xlsx"),
    ("trailing dots...", "trailing dots.xlsx"),
    ("trailing space   ", "trailing space.xlsx"),
    ("tab\tand\nline", "tab and line.xlsx"),
    ("evil\u202efdp.exe", "evilfdp.exe.xlsx"),
    ("zero\u200bwidth", "zerowidth.xlsx"),
    ("", "file.xlsx"),
    ("Zespół MQ&P", "Zespół MQ&P.xlsx"),
])
def test_safe_file_name(text, expected):
    assert safe_file_name(text, ".xlsx") == expected


@pytest.mark.parametrize("name", RESERVED)
def test_names_windows_reserves_for_devices_are_changed(name):
    out = safe_file_name(name, ".docx")
    assert out.split(".")[0].rstrip(" ").upper() not in {r.upper() for r in RESERVED}
    assert out.startswith(name) and out.endswith(".docx")
    dotted = safe_file_name(f"{name}.backup", ".docx")
    assert dotted.split(".")[0].upper() != name.upper()


def test_names_that_only_start_like_a_device_are_left_alone():
    assert safe_file_name("Console review", ".pdf") == "Console review.pdf"
    assert safe_file_name("NUL report", ".pdf") == "NUL report.pdf"


@pytest.mark.parametrize("text", ["a" * 250, "Dr " + "Averyverylongname " * 15, "é" * 220, "名" * 200])
def test_long_names_are_cut_to_fit_windows_and_linux(text, tmp_path):
    out = safe_file_name(text, ".docx")
    stem = out.removesuffix(".docx")
    assert len(stem) <= MAX_FILE_NAME and len(stem.encode("utf-8")) <= 180
    assert stem and not stem.endswith((" ", "."))
    (tmp_path / out).write_bytes(b"x")  # the system takes it


def test_ascii_only_for_attachments():
    assert safe_file_name("Équipe – réunion “MQ&P”", ".pdf", ascii_only=True) == "Equipe - reunion MQ&P.pdf"


# --- a very long name through the exporters ----------------------------------------------------------
def test_a_220_character_member_name_gives_a_whole_batch_of_letters(tmp_path, demo_store):
    from mqp_desktop.exporters.letters import write_substitute_letters

    today = dt.date.today()
    report = demo_store.meetings.report(today - dt.timedelta(days=364), today)
    below = report.members_below_standard
    assert len(below) >= 2
    long_name = "Dr " + ("Bartholomew-Featherstonehaugh " * 8)[:217]
    rows = [dataclasses.replace(below[0], member=dataclasses.replace(below[0].member, name=long_name)), *below[1:]]
    report = dataclasses.replace(report, members=[*rows, *[r for r in report.members if not r.below_standard]])
    sc = demo_store.subcommittee()
    folder = tmp_path / "letters"
    folder.mkdir()
    paths = write_substitute_letters(report, sc, demo_store.member(sc.chair.member_id), folder)
    assert len(paths) == len(report.members_below_standard)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths), "no temporary file left"
    assert all(len(p.name) <= MAX_FILE_NAME + len("Attendance letter - .docx") for p in paths)
    import docx

    first = docx.Document(str(paths[0]))
    assert any("Bartholomew" in p.text for p in first.paragraphs), "the letter itself keeps the whole name"


def test_a_letters_batch_that_fails_half_way_writes_nothing(tmp_path, demo_store, monkeypatch):
    from mqp_desktop.exporters import letters

    today = dt.date.today()
    report = demo_store.meetings.report(today - dt.timedelta(days=364), today)
    sc = demo_store.subcommittee()
    chair = demo_store.member(sc.chair.member_id)
    folder = tmp_path / "letters"
    folder.mkdir()
    letters.write_substitute_letters(report, sc, chair, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(before) >= 2
    made = []
    real = letters._letter

    def second_fails(*args, **kwargs):
        made.append(1)
        if len(made) == 2:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(letters, "_letter", second_fails)
    with pytest.raises(OSError):
        letters.write_substitute_letters(report, sc, chair, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before, "the earlier letters as they were"
    (folder / "fresh").mkdir()
    made.clear()
    with pytest.raises(OSError):
        letters.write_substitute_letters(report, sc, chair, folder / "fresh")
    assert list((folder / "fresh").iterdir()) == [], "not one letter of the half-made batch"


def test_write_all_or_nothing_puts_back_what_it_replaced_when_a_move_fails(tmp_path):
    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "b.txt").write_text("old b")
    (tmp_path / "c.txt").mkdir()  # a file cannot replace a folder: the third move fails
    with pytest.raises(ExportFileError) as caught:
        write_all_or_nothing([(tmp_path / n, lambda t, n=n: t.write_text(f"new {n}")) for n in ("a.txt", "b.txt",
                                                                                                  "c.txt")])
    assert "c.txt" in str(caught.value)
    assert (tmp_path / "a.txt").read_text() == "old a" and (tmp_path / "b.txt").read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_write_all_or_nothing_writes_every_file(tmp_path):
    (tmp_path / "a.txt").write_text("old a")
    paths = write_all_or_nothing([(tmp_path / n, lambda t, n=n: t.write_text(f"new {n}")) for n in ("a.txt", "b.txt")])
    assert [p.read_text() for p in paths] == ["new a.txt", "new b.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_an_overlong_target_name_is_a_clear_error_not_a_traceback(tmp_path):
    with pytest.raises(ExportFileError) as caught:
        write_atomically(tmp_path / ("x" * 300 + ".csv"), lambda t: t.write_text("a"))
    assert "too long" in caught.value.problem and caught.value.remedy
    assert list(tmp_path.iterdir()) == []


def test_round_names_starting_with_dots_make_visible_workbook_names(store, tmp_path):
    from mqp_desktop.domain.section11 import ScaleKind
    from mqp_desktop.exporters.section11_workbook import export_workbooks
    from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo

    s11 = Section11Repo(store)
    agencies = [a.id for a in store.agencies()][:2]
    rnd = s11.create_round(".. hidden/round: CON", s11.framework(DEFAULT_FRAMEWORK), ScaleKind.RAG, agencies,
                           dt.date(2025, 10, 1), dt.date(2025, 12, 1))
    folder = tmp_path / "out"
    paths = export_workbooks(store, rnd.id, folder, today=dt.date(2025, 11, 1))
    assert len(paths) == 2 and all(p.parent == folder for p in paths)
    assert all(not p.name.startswith(".") and "/" not in p.name for p in paths)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths)


def test_chase_emails_for_a_dotted_round_and_a_slashed_agency(store, tmp_path):
    from mqp_desktop.exporters.chase_email import chase_file_name

    assert chase_file_name("Police/Probation", "..2026") == "Chase - Police-Probation - ..2026.eml"
    assert chase_file_name("CON", "NUL") == "Chase - CON - NUL.eml"  # not a device name: it starts "Chase"
    assert chase_file_name("x" * 300, "Audit").endswith(".eml") and len(chase_file_name("x" * 300, "Audit")) <= 104


# --- temporary folders --------------------------------------------------------------------------------
def _age(path: Path, days: float) -> None:
    when = time.time() - days * 86400
    for folder, dirs, files in os.walk(path):
        for name in (*dirs, *files):
            os.utime(os.path.join(folder, name), (when, when), follow_symlinks=False)
    os.utime(path, (when, when), follow_symlinks=False)


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    import tempfile

    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_leftovers_older_than_a_day_are_removed_and_nothing_else(temp_root, tmp_path):
    old_drafts = make_temp_folder("drafts")
    (old_drafts / "Circulation.eml").write_bytes(b"draft")
    old_chase = make_temp_folder("chase")
    (old_chase / "Police chase.eml").write_bytes(b"draft")
    young = make_temp_folder("drafts")
    (young / "today.eml").write_bytes(b"draft")
    touched = make_temp_folder("convert")
    (touched / "paper.docx").write_bytes(b"x")
    others = temp_root / "someone-elses-folder"
    others.mkdir()
    not_quite = temp_root / "mqp-unknown-kind-abc"
    not_quite.mkdir()
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("keep")
    link = temp_root / "mqp-drafts-link"
    link.symlink_to(precious, target_is_directory=True)
    for path in (old_drafts, old_chase, others, not_quite, touched):
        _age(path, 3)
    os.utime(touched / "paper.docx")  # changed just now: in use
    os.utime(link, (time.time() - 3 * 86400,) * 2, follow_symlinks=False)

    removed = clean_leftovers()
    assert sorted(p.name for p in removed) == sorted([old_drafts.name, old_chase.name])
    assert not old_drafts.exists() and not old_chase.exists()
    assert young.exists() and touched.exists() and others.exists() and not_quite.exists()
    assert link.is_symlink() and (precious / "keep.txt").read_text() == "keep", "never through a link"


def test_remove_temp_folder_only_removes_our_own(temp_root, tmp_path):
    ours = make_temp_folder("drafts")
    (ours / "x.eml").write_bytes(b"x")
    assert is_ours(ours) and remove_temp_folder(ours) and not ours.exists()
    elsewhere = tmp_path / "mqp-drafts-not-in-temp"
    elsewhere.mkdir()
    assert not is_ours(elsewhere) and not remove_temp_folder(elsewhere) and elsewhere.exists()
    with pytest.raises(ValueError):
        make_temp_folder("anything")


def test_a_session_folder_is_made_when_needed_and_removed_by_cleanup(temp_root):
    drafts = SessionFolder("drafts")
    assert drafts.made is None and list(temp_root.iterdir()) == []
    path = drafts.path
    assert path.is_dir() and path.parent == temp_root and path.name.startswith("mqp-drafts-")
    if os.name == "posix":
        assert (path.stat().st_mode & 0o777) == 0o700, "private to the user"
    (path / "draft.eml").write_bytes(b"x")
    assert drafts.path == path, "one folder for the session"
    assert drafts.cleanup() and not path.exists() and list(temp_root.iterdir()) == []
    assert drafts.cleanup(), "nothing to remove is fine"

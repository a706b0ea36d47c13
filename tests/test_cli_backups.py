"""``mqp backup``, ``backups``, ``restore``, ``check``; the day's automatic backup; a damaged file's error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.backups import BackupKind, parse_backup_name
from mqp_desktop.store import Store
from mqp_desktop.store import backups as b
from mqp_desktop.store.backup_settings import backup_settings, default_root
from mqp_desktop.store.seed import open_store


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "register.sqlite"
    open_store(path).close()
    return path


@pytest.fixture
def mqp(capsys, db):
    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def folder_of(db: Path) -> Path:
    return backup_settings(db, claim=False).folder


def add_member(mqp, name: str):
    status, _out, err = mqp("members", "add", "--name", name, "--role", "Designated Nurse", "--agency", "Police")
    assert status == 0, err


def damage(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xa5" * 4096 * 6)


def test_backup_takes_a_checked_backup_into_the_folder_the_gui_uses(mqp, db):
    status, out, err = mqp("backup")
    assert status == 0, err
    backups = b.list_backups(folder_of(db), "register")
    assert len(backups) == 1 and backups[0][1].kind is BackupKind.MANUAL
    assert folder_of(db) == default_root() / "register"
    assert str(backups[0][0]) in out and "checked" in out


def test_backup_to_a_folder_leaves_the_backup_folder_alone(mqp, db, tmp_path):
    usb = tmp_path / "usb"
    status, out, err = mqp("backup", "--to", str(usb))
    assert status == 0, err
    assert [parse_backup_name(p.name).kind for p in usb.iterdir()] == [BackupKind.MANUAL]
    assert b.list_backups(folder_of(db), "register") == []


def test_a_write_takes_the_days_automatic_backup_and_a_read_does_not(mqp, db):
    status, _out, err = mqp("members", "list")
    assert status == 0, err
    assert b.list_backups(folder_of(db), "register") == []
    add_member(mqp, "Jo Bloggs")
    add_member(mqp, "Sam Smith")
    backups = b.list_backups(folder_of(db), "register")
    assert [n.kind for _p, n in backups] == [BackupKind.AUTOMATIC], "one a day, before the first change"
    assert b.inspect_backup(backups[0][0], None).members == 0, "taken before Jo Bloggs was added"


def test_the_demo_database_is_not_backed_up_automatically(capsys):
    from mqp_desktop import paths

    demo = paths.demo_database_path()
    assert main(["demo"]) == 0
    assert main(["--db", str(demo), "members", "add", "--name", "Jo Bloggs", "--role", "Nurse",
                 "--agency", "Police"]) == 0
    capsys.readouterr()
    assert b.list_backups(folder_of(demo), demo.stem) == []


def test_backups_lists_what_each_holds_as_json(mqp, db):
    add_member(mqp, "Jo Bloggs")  # the automatic backup, taken before the change
    assert mqp("backup")[0] == 0  # a manual one, after it
    status, out, err = mqp("backups", "--json")
    assert status == 0, err
    records = json.loads(out)
    assert [r["kind"] for r in records] == ["manual", "automatic"]
    assert [r["members"] for r in records] == [1, 0]
    assert all(r["integrity"] == "good" for r in records)
    assert set(records[0]) >= {"file", "path", "taken", "size", "integrity", "members", "meetings",
                               "signed_minutes", "last_change_at", "last_change"}
    assert records[0]["last_change"].startswith("Member added: Jo Bloggs")
    status, out, _err = mqp("backups")
    assert status == 0 and "2 backups, all good." in out and str(folder_of(db)) in out


def test_backups_marks_a_damaged_backup(mqp, db):
    add_member(mqp, "Jo Bloggs")
    assert mqp("backup")[0] == 0
    newest = b.list_backups(folder_of(db), "register")[0][0]
    damage(newest)
    status, out, err = mqp("backups", "--full", "--json")
    assert status == 0, err
    assert [r["integrity"] for r in json.loads(out)] == ["damaged", "good"]


def test_backups_changes_the_folder_for_the_gui_too(mqp, db, tmp_path):
    chosen = tmp_path / "elsewhere"
    status, out, err = mqp("backups", "--set-folder", str(chosen), "--keep-daily", "30")
    assert status == 0, err
    settings = backup_settings(db)
    assert settings.folder == chosen.resolve() and settings.custom and settings.keep_daily == 30
    assert mqp("backup")[0] == 0
    assert len(b.list_backups(chosen, "register")) == 1
    status, _out, err = mqp("backups", "--set-folder", str(db.parent))
    assert status == 1 and "other than the database's own" in err
    status, _out, err = mqp("backups", "--keep-daily", "0")
    assert status == 1 and "between 1 and" in err


def test_restore_backs_up_first_and_can_be_undone(mqp, db):
    add_member(mqp, "Jo Bloggs")
    assert mqp("backup")[0] == 0
    kept = b.list_backups(folder_of(db), "register")[0][0]
    add_member(mqp, "Sam Smith")
    status, _out, err = mqp("restore", kept.name)
    assert status == 1 and "--yes" in err, "never without confirmation when not asked on a terminal"
    status, out, err = mqp("restore", kept.name, "--yes")
    assert status == 0, err
    with Store.open(db) as store:
        assert {m.name for m in store.members() if m.name} == {"Jo Bloggs"}
        assert store.history(limit=1)[0].action == "restored"
    before = [p for p, n in b.list_backups(folder_of(db), "register") if n.kind is BackupKind.BEFORE_RESTORE]
    assert len(before) == 1 and f"mqp restore \"{before[0]}\"" in out
    status, _out, err = mqp("restore", str(before[0]), "--yes")
    assert status == 0, err
    with Store.open(db) as store:
        assert {m.name for m in store.members() if m.name} == {"Jo Bloggs", "Sam Smith"}


def test_check_quick_and_full(mqp, db):
    status, out, _err = mqp("check")
    assert status == 0 and "No problems found" in out and "The quick check" in out
    status, out, _err = mqp("check", "--full", "--json")
    assert status == 0 and json.loads(out)["ok"] is True and json.loads(out)["full"] is True


def test_a_damaged_database_is_not_written_and_the_error_names_the_newest_good_backup(mqp, db):
    add_member(mqp, "Jo Bloggs")
    with Store.open(db) as store:
        from mqp_desktop.domain.model import Member

        agency = store.agencies()[0]
        with store.write():
            for n in range(150):
                store.add_member(Member(name=f"Person {n} " + "x" * 200, role_title="Seat", agency_id=agency.id))
    assert mqp("backup")[0] == 0
    newest = b.list_backups(folder_of(db), "register")[0][0]
    damage(db)
    before = db.read_bytes()
    status, _out, err = mqp("members", "add", "--name", "Sam Smith", "--role", "Nurse", "--agency", "Police")
    assert status == 1 and err.startswith("mqp: error: ") and len(err.strip().splitlines()) == 1
    assert newest.name in err and f"mqp restore \"{newest}\" --db" in err
    assert db.read_bytes() == before, "nothing written to the damaged file"
    status, _out, err = mqp("check", "--full")
    assert status == 1 and newest.name in err
    status, out, err = mqp("restore", "newest", "--yes")
    assert status == 0, err
    assert "copied aside" in out
    assert mqp("check", "--full")[0] == 0


def test_restore_onto_a_new_computer(mqp, db, tmp_path, capsys):
    """The laptop was lost; the backup was kept on a USB stick. A new computer's fresh database is another one."""
    add_member(mqp, "Jo Bloggs")
    usb = tmp_path / "usb"
    assert mqp("backup", "--to", str(usb))[0] == 0
    kept = next(usb.iterdir())
    fresh = tmp_path / "new laptop" / "mqp.sqlite"
    assert main(["--db", str(fresh), "info"]) == 0  # the new computer's first run makes a fresh database
    capsys.readouterr()
    assert main(["--db", str(fresh), "restore", str(kept), "--yes"]) == 1
    assert "another database" in capsys.readouterr().err
    assert main(["--db", str(fresh), "restore", str(kept), "--yes", "--other-database"]) == 0
    capsys.readouterr()
    with Store.open(fresh) as store:
        assert {m.name for m in store.members() if m.name} == {"Jo Bloggs"}
    nowhere = tmp_path / "empty laptop" / "data" / "mqp.sqlite"
    assert main(["--db", str(nowhere), "restore", str(kept), "--yes"]) == 0, "no database at all: nothing to refuse"
    with Store.open(nowhere) as store:
        assert {m.name for m in store.members() if m.name} == {"Jo Bloggs"}

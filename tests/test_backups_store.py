"""Backups of a real database file: taken with the online API, checked, private, rotated; restore; checks."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from pathlib import Path

import pytest

from mqp_desktop.domain.backups import BackupKind, backup_name, parse_backup_name
from mqp_desktop.domain.model import Member
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import DatabaseCorrupt, DatabaseLocked, Store, StoreError
from mqp_desktop.store import backups as b
from mqp_desktop.store import sqlite
from mqp_desktop.store.backup_settings import backup_settings, default_root, save_backup_settings
from mqp_desktop.store.seed import open_store
from tests.helpers.db_dump import dump

POSIX = os.name == "posix"
NOW = dt.datetime(2026, 12, 6, 9, 30)


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "data" / "mqp.sqlite"
    open_store(path).close()
    return path


def add_member(store: Store, name: str) -> Member:
    agency = store.agencies()[0]
    return store.add_member(Member(name=name, role_title="Designated Nurse", agency_id=agency.id))


def names_of(store: Store) -> set[str]:
    return {m.name for m in store.members() if m.name}


def damage(path: Path, *, page: int = 2, pages: int = 3) -> None:
    """Overwrite whole pages in the middle of the file (the header stays: SQLite sees a damaged database)."""
    with open(path, "r+b") as fh:
        fh.seek(4096 * page)
        fh.write(b"\xa5" * 4096 * pages)


def make_big(store: Store, members: int = 150) -> None:
    with store.write():
        for n in range(members):
            add_member(store, f"Person {n:03d} " + "x" * 200)


# --- taking a backup --------------------------------------------------------------------------
def test_a_backup_is_a_checked_private_copy_named_as_ours(db):
    with Store.open(db) as store:
        add_member(store, "Jo Bloggs")
        settings = backup_settings(db)
        result = b.back_up(store.db.conn, stem="mqp", folder=settings.folder, key=None,
                           kind=BackupKind.MANUAL, now=NOW)
    assert result.path.parent == settings.folder == default_root() / "mqp"
    assert result.path.name == "mqp 2026-12-06 093000 manual.mqpbackup.sqlite"
    assert parse_backup_name(result.path.name) == result.name
    assert sorted(p.name for p in settings.folder.iterdir()) == [result.path.name], "no partial, no journal left"
    with Store.open(result.path) as copy:
        assert "Jo Bloggs" in names_of(copy)
    info = b.inspect_backup(result.path, None, check="full")
    assert info.good and info.members == 1 and info.last_change == "Member added: Jo Bloggs (Designated Nurse, CLCH)"
    if POSIX:
        assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(settings.folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(default_root().stat().st_mode) == 0o700


def test_a_backup_is_written_in_steps_with_progress_and_can_be_cancelled(db, monkeypatch):
    monkeypatch.setattr(b, "STEP_PAGES", 16)  # a small database, small steps
    with Store.open(db) as store:
        make_big(store)
        folder = backup_settings(db).folder
        steps = []
        result = b.back_up(store.db.conn, stem="mqp", folder=folder, key=None,
                           progress=lambda d, t: steps.append((d, t)))
        assert len(steps) > 1 and steps[-1][0] == steps[-1][1], "several steps, the last one complete"
        assert result.path.exists()
        calls = []

        def cancel_on_second_step():
            calls.append(1)
            return len(calls) >= 2

        with pytest.raises(b.BackupCancelled):
            b.back_up(store.db.conn, stem="mqp", folder=folder, key=None, cancelled=cancel_on_second_step,
                      now=NOW)
    assert [p.name for p in folder.iterdir()] == [result.path.name], "a cancelled backup leaves nothing"


def test_a_backup_of_an_encrypted_database_is_encrypted_and_opens_with_its_password(tmp_path):
    path = tmp_path / "secret.sqlite"
    with Store.open(path, key="correct horse") as store:
        from mqp_desktop.store.seed import seed_from_template

        seed_from_template(store, "blank")
        with store.write():
            store.record("test", None, "noted", "A secret change")
        result = b.back_up_file(path, key=store.key, kind=BackupKind.MANUAL, settings=backup_settings(path))
    raw = result.path.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"A secret change" not in raw
    info = b.inspect_backup(result.path, "correct horse", check="full")
    assert info.good and info.encrypted and info.last_change == "A secret change"
    assert b.inspect_backup(result.path, None).status == b.LOCKED
    assert b.inspect_backup(result.path, "wrong").status == b.LOCKED
    copy = sqlite.connect(str(result.path), key="correct horse", read_only=True)
    try:
        assert copy.execute("SELECT summary FROM change_log ORDER BY id DESC").fetchone()[0] == "A secret change"
    finally:
        copy.close()


def test_a_backup_failing_its_check_is_removed_and_not_counted(db, monkeypatch):
    folder = backup_settings(db).folder
    # the disk under the backup folder returns something else than was written
    problem = "*** in database main *** Page 7: btreeInitPage() returns error code 11"
    monkeypatch.setattr(b, "integrity_problems", lambda path, key, full=True: [problem])
    with Store.open(db) as store, pytest.raises(b.BackupFailed) as info:
        b.back_up(store.db.conn, stem="mqp", folder=folder, key=None, retention=(14, 12))
    assert "failed its check" in info.value.problem and not info.value.source_damaged
    assert list(folder.iterdir()) == []


def test_a_backup_of_a_damaged_database_says_the_database_is_damaged(db):
    with Store.open(db) as store:
        make_big(store)
    damage(db, page=3, pages=6)
    source = sqlite.connect(str(db), read_only=True)
    try:
        with pytest.raises(b.BackupFailed) as info:
            b.back_up(source, stem="mqp", folder=backup_settings(db).folder, key=None)
    finally:
        source.close()
    assert info.value.source_damaged and "database itself is damaged" in info.value.problem
    assert b.list_backups(backup_settings(db).folder, "mqp") == []


def test_a_damaged_backup_in_the_folder_is_not_offered(db):
    folder = backup_settings(db).folder
    with Store.open(db) as store:
        make_big(store)
        older = b.back_up(store.db.conn, stem="mqp", folder=folder, key=None, now=NOW - dt.timedelta(days=1))
        newer = b.back_up(store.db.conn, stem="mqp", folder=folder, key=None, now=NOW)
    damage(newer.path, page=3, pages=6)
    infos = b.backups_of(db, None, check="full")
    assert [i.path for i in infos] == [newer.path, older.path]
    assert [i.good for i in infos] == [False, True]
    assert infos[0].status == b.DAMAGED and infos[0].problem
    assert b.newest_good_backup(db, None).path == older.path


def test_rotation_on_a_fake_clock_keeps_14_days_and_12_months_and_nothing_else_is_touched(db):
    folder = backup_settings(db).folder
    folder.mkdir(parents=True)
    strangers = [folder / "notes.txt", folder / "other 2025-01-01 090000 automatic.mqpbackup.sqlite",
                 folder / "mqp 2025-01-01 090000 automatic.sqlite"]
    for path in strangers:
        path.write_bytes(b"not ours")
    start = dt.datetime(2025, 1, 1, 9, 0)
    with Store.open(db) as store:
        manual = b.back_up(store.db.conn, stem="mqp", folder=folder, key=None, kind=BackupKind.MANUAL, now=start)
        for day in range(430):
            for hour in (0, 8):  # two openings a day
                b.back_up(store.db.conn, stem="mqp", folder=folder, key=None, kind=BackupKind.AUTOMATIC,
                          now=start + dt.timedelta(days=day, hours=hour), retention=(14, 12))
    kept = b.list_backups(folder, "mqp")
    automatic = sorted(n.taken for _p, n in kept if n.kind is BackupKind.AUTOMATIC)
    last = start + dt.timedelta(days=429, hours=8)  # 5 March 2026
    assert automatic[-14:] == [last - dt.timedelta(days=13 - d) for d in range(14)]
    assert [t.date() for t in automatic[:-14]] == [
        dt.date(2025, m, 1) + dt.timedelta(days=-1) for m in range(3, 13)] + [dt.date(2025, 12, 31),
                                                                             dt.date(2026, 1, 31)]
    assert manual.path in [p for p, _n in kept], "a backup taken by the user is not rotated"
    for path in strangers:
        assert path.read_bytes() == b"not ours"


def test_a_partial_left_by_a_crash_is_never_counted_and_is_cleared_after_a_day(db):
    folder = backup_settings(db).folder
    folder.mkdir(parents=True)
    partial = folder / (backup_name("mqp", NOW - dt.timedelta(days=3), BackupKind.AUTOMATIC).file_name + ".partial")
    partial.write_bytes(b"half a backup")
    fresh = folder / (backup_name("mqp", NOW, BackupKind.MANUAL).file_name + ".partial")
    fresh.write_bytes(b"being written by another copy of the program")
    old = (NOW - dt.timedelta(days=3)).timestamp()
    os.utime(partial, (old, old))
    assert b.list_backups(folder, "mqp") == []
    assert b.newest_good_backup(db, None) is None
    with Store.open(db) as store:
        b.back_up(store.db.conn, stem="mqp", folder=folder, key=None, retention=(14, 12))
    assert not partial.exists() and fresh.exists()


# --- where backups go -----------------------------------------------------------------------
def test_two_databases_with_one_name_get_two_folders_and_the_choice_sticks(tmp_path):
    first, second = tmp_path / "a" / "mqp.sqlite", tmp_path / "b" / "mqp.sqlite"
    assert backup_settings(first).folder == default_root() / "mqp"
    assert backup_settings(second).folder == default_root() / "mqp (2)"
    assert backup_settings(first).folder == default_root() / "mqp"
    assert backup_settings(second).folder == default_root() / "mqp (2)"


def test_the_folder_and_retention_can_be_changed_and_refused(tmp_path, db):
    chosen = tmp_path / "usb" / "mqp backups"
    saved = save_backup_settings(db, folder=chosen, keep_daily=30, keep_monthly=6)
    assert (saved.folder, saved.custom, saved.keep_daily, saved.keep_monthly) == (chosen, True, 30, 6)
    assert backup_settings(db) == saved, "read back by the GUI and the command line alike"
    with pytest.raises(ValidationError) as info:
        save_backup_settings(db, folder=db.parent)
    assert info.value.field == "folder" and "other than the database's own" in str(info.value)
    other = tmp_path / "elsewhere" / "mqp.sqlite"
    with pytest.raises(ValidationError) as info:
        save_backup_settings(other, folder=chosen)
    assert "another database called 'mqp'" in str(info.value)
    with pytest.raises(ValidationError):
        save_backup_settings(db, keep_daily=0)
    back = save_backup_settings(db, default_folder=True)
    assert back.folder == default_root() / "mqp" and not back.custom and back.keep_daily == 30


def test_a_damaged_settings_file_leaves_the_defaults(db):
    from mqp_desktop.store.backup_settings import settings_path

    settings_path().write_text("{not json", encoding="utf-8")
    assert backup_settings(db).folder == default_root() / "mqp"


# --- the command line's automatic backup ------------------------------------------------------
def test_the_first_write_of_a_day_backs_up_first_and_reads_never_do(db):
    with Store.open(db) as store:
        taken = []

        def hook(s):
            taken.append(b.automatic_backup_if_due(s, now=NOW))

        store.before_first_write = hook
        store.members()
        assert taken == []
        add_member(store, "Jo Bloggs")
        add_member(store, "Sam Smith")
    assert len(taken) == 1 and taken[0] is not None and taken[0].name.kind is BackupKind.AUTOMATIC
    with Store.open(taken[0].path) as copy:
        assert "Jo Bloggs" not in names_of(copy), "taken before the change"
    with Store.open(db) as store:
        assert b.automatic_backup_if_due(store, now=NOW + dt.timedelta(hours=5)) is None, "one a day"
        assert b.automatic_backup_if_due(store, now=NOW + dt.timedelta(days=1)) is not None


def test_a_damaged_store_refuses_every_write(db):
    with Store.open(db) as store:
        store.damaged = DatabaseCorrupt("It is damaged.", "Restore a backup.")
        before = dump(store.db.conn)
        with pytest.raises(DatabaseCorrupt):
            add_member(store, "Jo Bloggs")
        assert dump(store.db.conn) == before


# --- checks ---------------------------------------------------------------------------------------
def test_the_quick_and_full_checks_find_damage_without_writing(db):
    with Store.open(db) as store:
        make_big(store)
    good = b.check_database(db, None, full=True)
    assert good.ok and "No problems found" in good.words()
    damage(db, page=3, pages=6)
    before = db.read_bytes()
    quick = b.check_database(db, None)
    full = b.check_database(db, None, full=True)
    assert not quick.ok and not full.ok and full.integrity
    assert "Problems found" in full.words()
    assert db.read_bytes() == before, "checking never writes"


def test_the_full_check_finds_references_to_records_that_do_not_exist(db):
    conn = sqlite.connect(str(db))
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        ghost = conn.execute("INSERT INTO member (subcommittee_id, agency_id, role_title) VALUES (1, 999, 'Ghost')"
                             ).lastrowid
    finally:
        conn.close()
    assert b.check_database(db, None).ok, "the quick check looks at the file's structure only"
    full = b.check_database(db, None, full=True)
    assert not full.integrity and full.foreign_keys == (f"member {ghost} refers to a missing agency",)
    assert "References to records that do not exist" in full.words()


# --- restoring ---------------------------------------------------------------------------------------
def test_restore_backs_up_first_and_the_restored_data_is_what_the_backup_held(db):
    with Store.open(db) as store:
        add_member(store, "In the backup")
        backup = b.back_up_file(db, key=None, settings=backup_settings(db), now=NOW - dt.timedelta(days=1))
        held = dump(sqlite.connect(str(backup.path), read_only=True))
        add_member(store, "Added after the backup")
    prepared = b.restore(db, backup.path, key=None, now=NOW)
    assert prepared.before is not None and prepared.before.name.kind is BackupKind.BEFORE_RESTORE
    with Store.open(prepared.before.path) as before:
        assert "Added after the backup" in names_of(before), "the database as it was is kept"
    with Store.open(db) as store:
        assert names_of(store) == {"In the backup"}
        entry = store.history(limit=1)[0]
        assert (entry.entity, entry.action) == ("database", "restored")
        assert backup.path.name in entry.summary and prepared.before.path.name in entry.summary
        restored = dump(store.db.conn)
    assert restored.splitlines()[: len(held.splitlines())] != [] and all(
        line in restored.splitlines() for line in held.splitlines()), "everything the backup held, plus the record"
    # and undone: the backup taken before the restore puts the later member back
    b.restore(db, prepared.before.path, key=None, now=NOW + dt.timedelta(minutes=1))
    with Store.open(db) as store:
        assert names_of(store) == {"In the backup", "Added after the backup"}
        assert store.history(limit=1)[0].action == "restored"
    assert not list(db.parent.glob(".*restoring*")), "no temporary copy left beside the database"


def test_restoring_over_a_damaged_database_keeps_the_damaged_file_aside(db):
    with Store.open(db) as store:
        make_big(store)
        backup = b.back_up_file(db, key=None, settings=backup_settings(db), now=NOW - dt.timedelta(hours=1))
    damage(db, page=3, pages=6)
    damaged_bytes = db.read_bytes()
    with pytest.raises(DatabaseCorrupt):
        Store.open(db)
    assert b.newest_good_backup(db, None).path == backup.path
    prepared = b.restore(db, backup.path, key=None, now=NOW)
    assert prepared.before is None and prepared.damaged_copy is not None
    assert prepared.damaged_copy.read_bytes() == damaged_bytes
    assert parse_backup_name(prepared.damaged_copy.name) is None, "never offered as a backup"
    with Store.open(db) as store:
        assert len(names_of(store)) == 150
        assert "damaged database was copied aside" in store.history(limit=1)[0].summary


def test_an_encrypted_database_is_restored_encrypted(tmp_path):
    path = tmp_path / "secret.sqlite"
    with Store.open(path, key="pw") as store:
        from mqp_desktop.store.seed import seed_from_template

        seed_from_template(store, "blank")
        backup = b.back_up_file(path, key="pw", settings=backup_settings(path), now=NOW - dt.timedelta(hours=2))
        with store.write():
            store.record("test", None, "noted", "after the backup")
    prepared = b.restore(path, backup.path, key="pw", now=NOW)
    assert prepared.key == "pw" and not b.is_plain_sqlite(path)
    assert not b.is_plain_sqlite(prepared.before.path)
    conn = sqlite.connect(str(path), key="pw", read_only=True)
    try:
        summaries = [r[0] for r in conn.execute("SELECT action FROM change_log ORDER BY id DESC LIMIT 2")]
        assert summaries[0] == "restored" and summaries[1] != "noted", "the change after the backup is gone"
    finally:
        conn.close()


def test_a_damaged_backup_or_another_databases_backup_is_refused_and_nothing_changes(db, tmp_path):
    with Store.open(db) as store:
        make_big(store)
        backup = b.back_up_file(db, key=None, settings=backup_settings(db), now=NOW - dt.timedelta(hours=1))
    damage(backup.path, page=3, pages=6)
    before = db.read_bytes()
    with pytest.raises(DatabaseCorrupt) as info:
        b.restore(db, backup.path, key=None, now=NOW)
    assert "damaged" in info.value.problem
    other = tmp_path / "other.sqlite"
    open_store(other).close()
    with pytest.raises(StoreError) as info:
        b.restore(db, other, key=None, now=NOW)
    assert "another database" in info.value.problem
    assert db.read_bytes() == before
    assert [n.kind for _p, n in b.list_backups(backup_settings(db).folder, "mqp")] == [BackupKind.MANUAL], \
        "refused before the current file was backed up"


def test_a_restore_is_refused_while_another_connection_has_the_database(db):
    with Store.open(db) as store:
        backup = b.back_up_file(db, key=None, settings=backup_settings(db), now=NOW - dt.timedelta(hours=1))
        add_member(store, "Still here")
        prepared = b.prepare_restore(db, backup.path, key=None, now=NOW)
        with pytest.raises(DatabaseLocked):
            b.finish_restore(prepared)
        assert not prepared.temp.exists()
        assert "Still here" in names_of(store)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_copy_waiting_beside_the_database_is_private(db):
    with Store.open(db):
        pass
    backup = b.back_up_file(db, key=None, settings=backup_settings(db), now=NOW - dt.timedelta(hours=1))
    prepared = b.prepare_restore(db, backup.path, key=None, now=NOW)
    try:
        assert stat.S_IMODE(prepared.temp.stat().st_mode) == 0o600
    finally:
        b.abandon_restore(prepared)
    assert not prepared.temp.exists()

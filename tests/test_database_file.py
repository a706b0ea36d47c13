"""Opening database files: new, older, newer, damaged, foreign, locked, read-only."""

from __future__ import annotations

import hashlib

import pytest
from sqlite_utils import Database

from mqp_desktop.domain.model import Member
from mqp_desktop.store import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAnMqpDatabase,
    Store,
    connection,
)
from mqp_desktop.store.migrations import APPLICATION_ID, KNOWN_MIGRATIONS, SCHEMA_VERSION, migrations
from mqp_desktop.store.seed import open_store
from mqp_desktop.store.sqlite import driver  # the program's SQLite: one library per file in a process


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_migrated_and_marked(tmp_path):
    path = tmp_path / "sub" / "folder" / "new.sqlite"
    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION == len(KNOWN_MIGRATIONS)
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert s.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert s.backup_taken is None
    assert path.exists()


def test_reopening_a_current_file_takes_no_backup(tmp_path):
    path = tmp_path / "db.sqlite"
    open_store(path).close()
    with Store.open(path) as s:
        assert s.backup_taken is None
    assert sorted(p.name for p in tmp_path.glob("*.sqlite")) == ["db.sqlite"]


def test_an_older_schema_is_backed_up_then_migrated_keeping_its_data(tmp_path):
    path = tmp_path / "old.sqlite"
    # Build a file as the first release left it: only the first migration applied.
    conn = driver.connect(path, isolation_level=None)
    old = Database(conn)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(old, stop_before=KNOWN_MIGRATIONS[1])
    old.execute("INSERT INTO agency (name, statutory) VALUES ('Police', 1)")
    old.execute("INSERT INTO subcommittee (name, quorum_rule) VALUES ('MQ&P', '{}')")
    old.execute("INSERT INTO member (subcommittee_id, agency_id, name, role_title) VALUES (1, 1, 'Jo Bloggs', 'DI')")
    old.execute("PRAGMA user_version = 1")
    conn.close()

    with Store.open(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        backup = s.backup_taken
        assert [m.name for m in s.members()] == ["Jo Bloggs"]
        # the new table works
        s.update_member(Member(**{**s.members()[0].__dict__, "email": "jo@example.org"}))
        assert s.history()[0].changes["email"] == ["", "jo@example.org"]
    assert backup is not None and backup.exists() and backup.parent == tmp_path
    with Store.open(backup) as b:  # the copy is the old file, migrated only now we open it
        assert [m.name for m in b.members()] == ["Jo Bloggs"]


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_store(path).close()
    with driver.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('mqp_desktop', '0099_future', 'x')"
        )
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseTooNew, match="newer version"):
        Store.open(path)
    assert digest(path) == before


def test_a_higher_user_version_is_refused(tmp_path):
    path = tmp_path / "future.sqlite"
    open_store(path).close()
    conn = driver.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseTooNew):
        Store.open(path)


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "minutes.pdf.sqlite"
    path.write_bytes(b"%PDF-1.7\n" + b"x" * 2000)
    before = digest(path)
    with pytest.raises(DatabaseCorrupt, match="not an SQLite file"):
        Store.open(path)
    assert digest(path) == before


def test_someone_elses_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    Database(path)["songs"].insert({"title": "x"})
    with pytest.raises(NotAnMqpDatabase, match="not one made by MQ&P Desktop"):
        Store.open(path)


def test_a_damaged_file_is_refused(tmp_path):
    path = tmp_path / "damaged.sqlite"
    with open_store(path) as s:
        s.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page + 8 : 3 * page] = b"\xff" * (page - 8)  # scribble over a table page
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt) as info:
        Store.open(path)
    assert "backup" in info.value.remedy


def test_a_read_only_file_is_refused_with_the_fix(tmp_path, monkeypatch):
    path = tmp_path / "ro.sqlite"
    open_store(path).close()
    monkeypatch.setattr(connection.os, "access", lambda p, mode: False)
    with pytest.raises(DatabaseReadOnly) as info:
        Store.open(path)
    assert "folder you can write to" in info.value.remedy


def test_a_locked_file_is_reported_and_nothing_is_saved(tmp_path, monkeypatch):
    path = tmp_path / "locked.sqlite"
    store = open_store(path)
    store.db.execute("PRAGMA busy_timeout = 50")
    other = driver.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        before = len(store.members())
        agency = store.agencies()[0]
        with pytest.raises(DatabaseLocked) as info:
            store.add_member(Member(name="X", role_title="Y", agency_id=agency.id))
        assert "Close the other copy" in info.value.remedy
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(store.members()) == before
    store.close()


def test_missing_file_without_create_is_a_clear_error(tmp_path):
    from mqp_desktop.store import StoreError

    with pytest.raises(StoreError, match="There is no database"):
        Store.open(tmp_path / "nope.sqlite", create=False)


def test_the_light_schema_names_list_every_migration_in_order():
    """store/schema_names.py (read at every open) names the migrations migrations.py registers, in order."""
    from sqlite_utils import Database as FullDatabase

    from mqp_desktop.store import schema_names

    registered = tuple(m.name for m in migrations.pending(FullDatabase(memory=True, execute_plugins=False)))
    assert schema_names.KNOWN_MIGRATIONS == registered
    assert schema_names.SCHEMA_VERSION == len(registered)

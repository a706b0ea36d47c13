"""Database files: only ours opened, new ones made whole, everything private to the user."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest
from sqlite_utils import Database

from mqp_desktop import private_files
from mqp_desktop.domain.model import Member
from mqp_desktop.store import (
    DatabaseCorrupt,
    EmptyDatabaseFile,
    HalfMadeDatabase,
    NotAnMqpDatabase,
    PasswordNeeded,
    Store,
    StoreError,
    connection,
    seed,
)
from mqp_desktop.store.connection import FileKind, file_kind
from mqp_desktop.store.migrations import APPLICATION_ID, KNOWN_MIGRATIONS, migrations
from mqp_desktop.store.sqlite import driver

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def companions_and_work_files(folder, name):
    return sorted(p.name for p in folder.iterdir() if p.name != name)


# --- what a file is ----------------------------------------------------------------------------
def test_file_kinds_from_size_and_first_bytes(tmp_path):
    assert file_kind(tmp_path / "none.sqlite") is FileKind.MISSING
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert file_kind(tmp_path / "empty.sqlite") is FileKind.EMPTY
    seed.open_store(tmp_path / "ours.sqlite").close()
    assert file_kind(tmp_path / "ours.sqlite") is FileKind.PLAIN
    # whole pages of bytes that mean nothing: an encrypted file looks exactly like this
    (tmp_path / "random.sqlite").write_bytes(os.urandom(4096 * 3))
    assert file_kind(tmp_path / "random.sqlite") is FileKind.ENCRYPTED
    # not a whole number of pages, or the start of another kind of file, or text: not a database
    (tmp_path / "odd.sqlite").write_bytes(os.urandom(4096 + 7))
    (tmp_path / "paper.sqlite").write_bytes(b"%PDF-1.7\n" + os.urandom(4096 - 9))
    (tmp_path / "notes.sqlite").write_bytes((b"Minutes of the meeting held on 3 March.\n" * 200)[:4096])
    for name in ("odd", "paper", "notes"):
        assert (tmp_path / f"{name}.sqlite").stat().st_size % 512 == 0 or name == "odd"
        assert file_kind(tmp_path / f"{name}.sqlite") is FileKind.NOT_A_DATABASE, name
    with pytest.raises(NotAnMqpDatabase, match="is a folder"):
        file_kind(tmp_path)


def test_a_file_that_may_be_encrypted_asks_for_its_password_and_says_it_may_not_be_a_database(tmp_path):
    path = tmp_path / "who-knows.sqlite"
    path.write_bytes(os.urandom(8192))
    before = digest(path)
    with pytest.raises(PasswordNeeded) as info:
        seed.open_store(path)
    assert "encrypted with a password, or is not a database at all" in info.value.problem
    assert str(path) in info.value.problem and info.value.remedy
    assert digest(path) == before


# --- not ours, refused -------------------------------------------------------------------------
def test_another_programs_sqlite_utils_database_is_refused_untouched(tmp_path):
    path = tmp_path / "recipes.db"
    db = Database(path)
    other = migrations.__class__("recipes_app")

    @other()
    def m001(database):
        database["recipes"].insert({"title": "Soup"})

    other.apply(db)
    db.close()
    before = digest(path)
    for opener in (lambda: Store.open(path), lambda: seed.open_store(path), lambda: seed.open_store(path, create=True)):
        with pytest.raises(NotAnMqpDatabase) as info:
            opener()
        assert "made by another program with sqlite-utils" in info.value.problem
        assert "'recipes_app'" in info.value.problem and "not been changed" in info.value.problem
    assert digest(path) == before
    with driver.connect(path) as conn:  # still theirs: no MQ&P tables, no MQ&P mark
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'member'").fetchone()[0] == 0
    conn.close()


def test_an_sqlite_file_without_tables_is_refused_and_named_empty(tmp_path):
    path = tmp_path / "blank.sqlite"
    conn = driver.connect(path)
    conn.execute("PRAGMA user_version = 3")  # writes the header: a one-page SQLite file with no tables
    conn.close()
    before = digest(path)
    with pytest.raises(NotAnMqpDatabase) as info:
        seed.open_store(path, create=True)
    assert "empty SQLite database (it has no tables)" in info.value.problem
    assert "delete that file" in info.value.remedy
    assert digest(path) == before


def test_another_programs_tables_are_named(tmp_path):
    path = tmp_path / "other.sqlite"
    Database(path)["songs"].insert({"title": "x"})
    with pytest.raises(NotAnMqpDatabase, match="holds the tables songs"):
        Store.open(path)


def test_a_zero_byte_file_is_refused_unless_the_user_asked_to_create_there(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    for opener in (lambda: Store.open(path), lambda: seed.open_store(path)):
        with pytest.raises(EmptyDatabaseFile) as info:
            opener()
        assert "is empty (0 bytes)" in info.value.problem and "mqp init" in info.value.remedy
    assert path.stat().st_size == 0
    with seed.open_store(path, template="blank", create=True) as store:
        assert store.subcommittee().name and not store.is_empty()


def test_a_file_that_is_not_sqlite_at_all_keeps_its_message(tmp_path):
    path = tmp_path / "letter.sqlite"
    path.write_text("Dear colleague,\n" * 300)
    with pytest.raises(DatabaseCorrupt, match="not an SQLite file at all"):
        Store.open(path)


# --- an unfinished file from an older version --------------------------------------------------
def half_made_by_an_older_version(path, *, migrated: int = len(KNOWN_MIGRATIONS)):
    """What an older 'mqp init' left when stopped between creating the schema and filling it."""
    conn = driver.connect(path, isolation_level=None)
    db = Database(conn)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if migrated:
        migrations.apply(db, stop_before=KNOWN_MIGRATIONS[migrated] if migrated < len(KNOWN_MIGRATIONS) else None)
    conn.close()


@pytest.mark.parametrize("migrated", [0, 2, len(KNOWN_MIGRATIONS)])
def test_a_half_made_file_is_refused_not_filled_from_the_template(tmp_path, migrated):
    path = tmp_path / "mqp.sqlite"
    half_made_by_an_older_version(path, migrated=migrated)
    with pytest.raises(HalfMadeDatabase) as info:
        seed.open_store(path)
    assert "left unfinished" in info.value.problem and "mqp init" in info.value.remedy
    assert not any("before-schema" in p.name for p in tmp_path.iterdir()), "nothing worth a copy in it"
    with Store.open(path) as store:
        assert store.is_empty(), "refused, not completed from the Wandsworth template"


def test_a_half_made_file_is_made_afresh_when_the_user_asks_to_create_there(tmp_path):
    path = tmp_path / "mqp.sqlite"
    half_made_by_an_older_version(path, migrated=3)
    assert seed.is_half_made(path)
    with seed.open_store(path, template="blank", create=True) as store:
        assert store.subcommittee().name == seed.load_template("blank")["subcommittee"]["name"]
        assert len(store.history()) > 0
    assert not seed.is_half_made(path)
    assert companions_and_work_files(tmp_path, path.name) == []


# --- made whole, or not at all -----------------------------------------------------------------
def test_a_new_database_appears_only_when_whole(tmp_path, monkeypatch):
    path = tmp_path / "new.sqlite"
    real = seed.seed_from_template

    def power_cut(store, name=seed.DEFAULT_TEMPLATE):
        real(store, name)
        assert not path.exists(), "nothing at the final name while it is being built"
        raise RuntimeError("power cut")

    monkeypatch.setattr(seed, "seed_from_template", power_cut)
    with pytest.raises(RuntimeError):
        seed.open_store(path)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == [], "the work file is removed too"
    monkeypatch.undo()
    with seed.open_store(path) as store:
        assert len(store.agencies()) == len(seed.load_template(seed.DEFAULT_TEMPLATE)["agencies"])


def test_an_interrupted_creation_leaves_a_work_file_that_the_next_creation_removes(tmp_path):
    path = tmp_path / "mqp.sqlite"
    leftover = tmp_path / f".{path.name}{connection.NEW_FILE_MARK}abc123"
    leftover.write_bytes(b"half a database")
    (tmp_path / f"{leftover.name}-journal").write_bytes(b"x")
    seed.open_store(path).close()
    assert companions_and_work_files(tmp_path, path.name) == []


def test_stale_wal_beside_a_deleted_database_is_not_replayed_into_a_new_one(tmp_path):
    path = tmp_path / "mqp.sqlite"
    with seed.open_store(path) as store:
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        store.add_member(Member(role_title="Stale", agency_id=store.agencies()[0].id))
        wal = (tmp_path / "mqp.sqlite-wal").read_bytes()
    path.unlink()  # the officer deletes the database, but its -wal is left behind
    (tmp_path / "mqp.sqlite-wal").write_bytes(wal)
    with seed.open_store(path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert "Stale" not in [m.role_title for m in store.members()]


def test_the_demo_is_replaced_whole(tmp_path, monkeypatch):
    path = tmp_path / "demo.sqlite"
    seed.create_demo_database(path).close()
    before = digest(path)

    def broken(store, today=None):
        raise RuntimeError("stopped")

    monkeypatch.setattr(seed, "fill_demo", broken)
    with pytest.raises(RuntimeError):
        seed.create_demo_database(path)
    assert digest(path) == before, "the previous demo is still there, whole"
    assert companions_and_work_files(tmp_path, path.name) == []


def test_two_copies_creating_the_same_file_at_once_do_not_overwrite_each_other(tmp_path, monkeypatch):
    path = tmp_path / "mqp.sqlite"
    real = connection._place_new
    raced = []

    def other_copy_first(built, target):
        if not raced:  # the other copy wins the race, just before this one renames its file
            raced.append(target)
            seed.open_store(target, template="blank").close()
        real(built, target)

    monkeypatch.setattr(connection, "_place_new", other_copy_first)
    with seed.open_store(path) as store:  # opens theirs rather than replacing it
        assert store.subcommittee().name == seed.load_template("blank")["subcommittee"]["name"]
    assert companions_and_work_files(tmp_path, path.name) == []


# --- private to the user -----------------------------------------------------------------------
@posix_only
def test_database_and_its_wal_and_shm_are_private(tmp_path):
    os.umask(0o022)
    folder = tmp_path / "made" / "for" / "it"
    path = folder / "mqp.sqlite"
    with seed.open_store(path) as store:
        store.update_member(store.members()[0])  # a write: -wal and -shm exist now
        for suffix in ("", "-wal", "-shm"):
            assert mode(f"{path}{suffix}") == 0o600, suffix
    for made in (folder, folder.parent, folder.parent.parent):
        assert mode(made) == 0o700, made


@posix_only
def test_the_copy_before_a_migration_is_private(tmp_path):
    os.umask(0o022)
    path = tmp_path / "old.sqlite"
    conn = driver.connect(path, isolation_level=None)
    old = Database(conn)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(old, stop_before=KNOWN_MIGRATIONS[1])
    old.execute("INSERT INTO subcommittee (name, quorum_rule) VALUES ('MQ&P', '{}')")
    conn.close()
    with Store.open(path) as store:
        assert store.backup_taken is not None
        assert mode(store.backup_taken) == 0o600


@posix_only
def test_the_user_data_folder_is_private_and_an_old_open_one_is_narrowed(tmp_path, monkeypatch):
    from mqp_desktop import paths

    os.umask(0o022)
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    folder = paths.user_data_dir()
    assert mode(folder) == 0o700
    os.chmod(folder, 0o755)  # as an older version made it
    assert paths.user_data_dir() == folder and mode(folder) == 0o700


@posix_only
def test_make_private_dirs_leaves_existing_folders_alone(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o775)
    os.chmod(shared, 0o775)
    private_files.make_private_dirs(shared / "ours")
    assert mode(shared) == 0o775 and mode(shared / "ours") == 0o700


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError) as info:
        seed.open_store(blocker / "mqp.sqlite")
    assert str(blocker) in info.value.message


# --- init and demo killed at random moments ----------------------------------------------------
def table_counts(path) -> dict[str, int]:
    conn = driver.connect(str(path))
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def test_init_and_demo_killed_at_random_moments_leave_the_whole_file_or_none(tmp_path):
    """'mqp init' and 'mqp demo --replace' SIGKILLed at random moments: the next open finds either
    no file (and makes a whole one) or a whole database, never a half-filled one."""
    import random

    from tests.conftest import ROOT  # noqa: F401  (the child runs from the checkout)
    from tests.helpers import killed

    soak = int(os.environ.get("MQP_FAULT_KILLS") or 0)  # the fault-injection soak's setting: N of each
    rng = random.Random(20261207)
    reference_init = tmp_path / "reference-init.sqlite"
    init_takes = killed.run_timed(["init", str(reference_init)])
    init_counts = table_counts(reference_init)
    reference_demo = tmp_path / "reference-demo.sqlite"
    demo_takes = killed.run_timed(["demo", str(reference_demo)])
    demo_counts = table_counts(reference_demo)

    kills = 0
    for n in range(soak or 8):
        path = tmp_path / f"init-{n}.sqlite"
        kills += killed.run_killed(["init", str(path)], rng.uniform(0.0, init_takes))
        existed = path.exists()
        if existed:
            assert table_counts(path) == init_counts, "a whole database, or none"
        with seed.open_store(path) as store:  # the next command: never 'left unfinished'
            assert not store.is_empty()
        assert table_counts(path) == init_counts
        if not existed:  # made now: the work file the killed one left was cleared away
            assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(f".{path.name}")) == []

    demo = tmp_path / "demo.sqlite"
    seed.create_demo_database(demo).close()
    for _ in range(soak or 6):
        kills += killed.run_killed(["demo", str(demo)], rng.uniform(0.0, demo_takes))
        assert table_counts(demo) == demo_counts, "the old demo or the new one, whole"
        seed.open_store(demo).close()
    assert kills > 0

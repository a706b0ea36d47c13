"""Encryption at rest below the GUI: converting a file both ways, changing its password, opening it.

The kill test runs 12 conversions in CI; MQP_FAULT_KILLS=N (the fault-injection soak's setting)
runs N of them.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import subprocess
import sys
import textwrap

import pytest

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import (
    DatabaseInUse,
    PasswordNeeded,
    Store,
    StoreError,
    WrongPassword,
    connection,
    encryption,
    seed,
)
from mqp_desktop.store.connection import FileKind, file_kind
from mqp_desktop.store.sqlite import driver
from tests.conftest import ROOT
from tests.helpers import killed
from tests.helpers.db_dump import dump

PASSWORD = "correct horse battery"
OTHER = "staple in the drawer"
KILLS = int(os.environ.get("MQP_FAULT_KILLS") or 0) or 12


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def whole(path, key=None) -> str:
    conn = driver.connect(str(path))
    if key is not None:
        conn.execute(f"PRAGMA key = '{key}'")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dump(conn)
    finally:
        conn.close()


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "mqp.sqlite"
    seed.create_demo_database(path).close()
    return path


def names(path, key=None) -> list[str]:
    with Store.open(path, create=False, key=key) as store:
        return [m.name for m in store.members() if m.name]


def only_the_file(path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


# --- encrypting --------------------------------------------------------------------------------
def test_encrypted_file_holds_no_plaintext_and_the_same_data(demo):
    people = names(demo)
    plain_bytes = demo.read_bytes()
    assert any(n.encode() in plain_bytes for n in people), "the plain file shows the names"
    before = whole(demo)
    encryption.encrypt(demo, PASSWORD)
    data = demo.read_bytes()
    assert file_kind(demo) is FileKind.ENCRYPTED
    for name in people:
        assert name.encode() not in data and name.encode("utf-16-le") not in data
    assert b"SQLite format 3" not in data[:100] and b"Wandsworth" not in data
    after = whole(demo, PASSWORD)
    # the same schema and rows, and one more history entry
    assert [line for line in after.splitlines() if not line.startswith("change_log (")] == \
        [line for line in before.splitlines() if not line.startswith("change_log (")]
    assert only_the_file(demo) == [demo.name]


def test_an_encrypted_file_needs_its_password_and_a_wrong_one_is_said_plainly(demo):
    encryption.encrypt(demo, PASSWORD)
    with pytest.raises(PasswordNeeded):
        Store.open(demo)
    with pytest.raises(WrongPassword) as info:
        Store.open(demo, key="Correct horse battery")
    assert info.value.problem == f"The password is not right for '{demo}'."
    assert "cannot be recovered" in info.value.remedy
    with Store.open(demo, key=PASSWORD) as store:
        assert store.encrypted and store.key == PASSWORD
        assert store.db.execute("PRAGMA application_id").fetchone()[0] == connection.schema.APPLICATION_ID


def test_the_history_says_encryption_changed_and_never_holds_the_password(demo):
    encryption.encrypt(demo, PASSWORD)
    encryption.change_password(demo, PASSWORD, OTHER)
    encryption.decrypt(demo, OTHER)
    with Store.open(demo) as store:
        entries = [c for c in store.history(entity="database")]
        assert [c.action for c in entries] == ["decrypted", "password changed", "encrypted"]
        assert entries[-1].changes == {"encrypted": [False, True]}
        everything = json.dumps([c.__dict__ for c in store.history()])
    assert PASSWORD not in everything and OTHER not in everything
    data = demo.read_bytes()
    assert PASSWORD.encode() not in data and OTHER.encode() not in data


def test_decrypting_gives_back_a_plain_file_with_the_same_data(demo):
    encryption.encrypt(demo, PASSWORD)
    before = whole(demo, PASSWORD)
    encryption.decrypt(demo, PASSWORD)
    assert file_kind(demo) is FileKind.PLAIN
    after = whole(demo)
    assert [x for x in after.splitlines() if not x.startswith("change_log (")] == \
        [x for x in before.splitlines() if not x.startswith("change_log (")]
    with Store.open(demo, key=PASSWORD) as store:  # a key given for a plain file is not kept
        assert not store.encrypted and store.key is None


def test_changing_the_password(demo):
    people = names(demo)
    encryption.encrypt(demo, PASSWORD)
    encryption.change_password(demo, PASSWORD, OTHER)
    with pytest.raises(WrongPassword):
        Store.open(demo, key=PASSWORD)
    assert names(demo, OTHER) == people
    assert not any(n.encode() in demo.read_bytes() for n in people)
    with Store.open(demo, key=OTHER) as store:
        assert store.history(limit=1)[0].action == "password changed"
    with pytest.raises(WrongPassword):
        encryption.change_password(demo, PASSWORD, "a third password")
    with pytest.raises(ValidationError, match="same as the current one"):
        encryption.change_password(demo, OTHER, OTHER)


def test_the_wal_is_checkpointed_into_the_converted_file(tmp_path):
    """A change still only in the -wal (the last writer was killed) is in the encrypted file."""
    path = tmp_path / "mqp.sqlite"
    seed.open_store(path).close()
    script = textwrap.dedent(f"""
        import os
        from mqp_desktop.store import Store
        from mqp_desktop.domain.model import Member
        store = Store.open({str(path)!r})
        store.db.execute("PRAGMA wal_autocheckpoint = 0")
        store.add_member(Member(name="Wendy Walsh", role_title="Written to the WAL only",
                                agency_id=store.agencies()[0].id))
        os._exit(0)  # no checkpoint, no close: the change is only in mqp.sqlite-wal
    """)
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, check=True)
    assert (tmp_path / "mqp.sqlite-wal").stat().st_size > 0
    encryption.encrypt(path, PASSWORD)
    assert only_the_file(path) == [path.name], "no -wal or -shm left beside the new file"
    assert "Wendy Walsh" in names(path, PASSWORD)


def test_a_file_open_elsewhere_is_not_converted(demo):
    other = driver.connect(str(demo))
    other.execute("SELECT count(*) FROM member").fetchall()  # another copy of the program has it open
    try:
        before = digest(demo)
        with pytest.raises(DatabaseInUse) as info:
            encryption.encrypt(demo, PASSWORD)
        assert "open in another copy" in info.value.problem
    finally:
        other.close()
    assert file_kind(demo) is FileKind.PLAIN and digest(demo) == before
    assert not any(encryption.CONVERT_MARK in p.name for p in demo.parent.iterdir())


def test_a_cancelled_conversion_changes_nothing(demo):
    before = whole(demo)
    with pytest.raises(encryption.ConversionCancelled):
        encryption.encrypt(demo, PASSWORD, cancelled=lambda: True)
    assert file_kind(demo) is FileKind.PLAIN and whole(demo) == before
    assert only_the_file(demo) == [demo.name]


def test_a_copy_that_fails_its_check_is_thrown_away(demo, monkeypatch):
    before = whole(demo)

    def damaged(path, key, expected, what):
        raise encryption.DatabaseCorrupt(f"The {what} did not pass SQLite's integrity check (test).",
                                         "Nothing was changed.")

    monkeypatch.setattr(encryption, "_check", damaged)
    with pytest.raises(StoreError, match="did not pass"):
        encryption.encrypt(demo, PASSWORD)
    assert file_kind(demo) is FileKind.PLAIN and whole(demo) == before
    assert only_the_file(demo) == [demo.name]


def test_a_full_disk_during_the_conversion_leaves_the_file_as_it_was(demo, monkeypatch):
    before = whole(demo)

    def full(path):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(encryption, "fsync_file", full)
    with pytest.raises(StoreError) as info:
        encryption.encrypt(demo, PASSWORD)
    assert "full" in info.value.problem
    assert whole(demo) == before and only_the_file(demo) == [demo.name]


def test_converting_what_is_not_ours_or_not_there_is_refused(tmp_path, demo):
    from sqlite_utils import Database

    other = tmp_path / "other.sqlite"
    Database(other)["songs"].insert({"title": "x"})
    with pytest.raises(StoreError, match="not one made by MQ&P Desktop"):
        encryption.encrypt(other, PASSWORD)
    with pytest.raises(StoreError, match="no password to remove"):
        encryption.decrypt(demo, PASSWORD)
    encryption.encrypt(demo, PASSWORD)
    with pytest.raises(StoreError, match="already encrypted"):
        encryption.encrypt(demo, OTHER)


@pytest.mark.parametrize("password, field", [
    ("short", "password"), (" padded password", "password"), ("tab\there password", "password"),
])
def test_new_passwords_are_checked(password, field):
    with pytest.raises(ValidationError) as info:
        encryption.check_new_password(password)
    assert info.value.field == field
    with pytest.raises(ValidationError) as info:
        encryption.check_new_password("long enough 1", "long enough 2")
    assert info.value.field == "password_again"
    assert encryption.check_new_password("long enough 1", "long enough 1") == "long enough 1"


def test_a_backup_of_an_encrypted_database_is_encrypted_the_same_way(demo):
    encryption.encrypt(demo, PASSWORD)
    with Store.open(demo, key=PASSWORD) as store:
        copy = connection.backup_copy(store.db, demo, "test", store.key)
    assert file_kind(copy) is FileKind.ENCRYPTED
    assert names(copy, PASSWORD) == names(demo, PASSWORD)


def test_the_pack_builder_opens_an_encrypted_database(demo):
    from mqp_desktop.ui.agenda_controller import PackJob  # its own connection needs the key too

    encryption.encrypt(demo, PASSWORD)
    job = PackJob(demo, 1, demo.parent / "pack.pdf", lambda: True, key=PASSWORD)
    assert job.key == PASSWORD


# --- killed at any moment ----------------------------------------------------------------------
def test_conversions_killed_at_random_moments_leave_a_whole_file(tmp_path):
    """Encrypt, change the password and decrypt in turn, each killed (SIGKILL) at a random moment:
    the file always opens (plain, or with the old or the new password), passes integrity_check and
    holds every member."""
    path = tmp_path / "mqp.sqlite"
    seed.create_demo_database(path).close()
    expected = sorted(names(path))
    # How long each conversion takes on this machine, run to the end once: the kills fall within it.
    took = {}
    for _ in range(3):
        before = killed.state(path)
        took[before] = killed.run_timed(["convert", str(path), before])
    assert killed.state(path) == "plain" and set(took) == {"plain", "first", "second"}
    rng = random.Random(20261206)
    kills, tried = 0, []
    rounds = KILLS
    now = "plain"

    def check() -> str:
        """The file opens (plain, or with one of the two passwords), is whole and holds every member."""
        candidates = [("plain", None)] if file_kind(path) is FileKind.PLAIN else \
            [("first", killed.PASSWORDS[0]), ("second", killed.PASSWORDS[1])]
        for state, key in candidates:
            conn = driver.connect(str(path))
            try:
                if key is not None:
                    conn.execute(f"PRAGMA key = '{key}'")
                try:
                    ok = conn.execute("PRAGMA integrity_check").fetchall()
                except driver.DatabaseError:
                    continue  # not this password
                assert ok == [("ok",)]
                found = sorted(r[0] for r in conn.execute("SELECT name FROM member WHERE name <> ''"))
                assert found == expected
                return state
            finally:
                conn.close()
        raise AssertionError("the file opens with neither password")

    for _ in range(rounds):
        before = now
        tried.append(before)
        if killed.run_killed(["convert", str(path), now], rng.uniform(0.0, took[now])):
            kills += 1
        now = check()
        if now == before:  # killed before it took effect: finish it, so the next round tries the next kind
            killed.run_timed(["convert", str(path), now])
            now = check()
        assert now != before
    assert kills > 0
    assert set(tried) == {"plain", "first", "second"} or rounds < 3  # encrypt, change password, decrypt
    print(f"conversions: {rounds} runs, {kills} killed mid-way, 0 damaged files")

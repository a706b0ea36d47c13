"""A full or failing disk: "disk I/O error" and SQLITE_FULL explained, for reads as well as writes,
with nothing half-written.

Most tests inject the error (no root needed). One fills a real, small tmpfs: it runs only where
mounting is allowed (as root on Linux) and is skipped cleanly elsewhere.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.model import Member
from mqp_desktop.store import DiskFailing, DiskFull, Store, StoreError, seed, sqlite
from mqp_desktop.store.errors import translate
from tests.conftest import ROOT

SQLITE_IOERR_SHMSIZE = 10 | (19 << 8)  # 4874: what SQLite says when it cannot grow the -shm file
SQLITE_IOERR_WRITE = 10 | (3 << 8)
SQLITE_FULL = 13


def sqlite_error(message: str, code: int) -> Exception:
    exc = sqlite.OperationalError(message)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize("exc, kind", [
    (sqlite_error("disk I/O error", SQLITE_IOERR_SHMSIZE), DiskFailing),
    (sqlite_error("disk I/O error", SQLITE_IOERR_WRITE), DiskFailing),
    (sqlite_error("database or disk is full", SQLITE_FULL), DiskFull),
    (sqlite.OperationalError("disk I/O error"), DiskFailing),  # no code (the standard library's sqlite3)
    (OSError(errno.ENOSPC, "No space left on device"), DiskFull),
    (OSError(errno.EIO, "Input/output error"), DiskFailing),
])
def test_disk_errors_become_plain_messages(exc, kind):
    err = translate(exc, "/data/mqp.sqlite")
    assert type(err) is kind
    assert err.problem.startswith("The disk holding '/data/mqp.sqlite' is full")
    assert "Free some space" in err.remedy and "Nothing was half-written" in err.remedy


def test_a_disk_io_error_during_a_write_saves_nothing(store, monkeypatch):
    before = (len(store.members()), len(store.history()))
    real = store.record

    def failing(*args, **kwargs):
        real(*args, **kwargs)
        raise sqlite_error("disk I/O error", SQLITE_IOERR_WRITE)

    monkeypatch.setattr(store, "record", failing)
    with pytest.raises(DiskFailing):
        store.add_member(Member(name="Half Written", role_title="Post", agency_id=store.agencies()[0].id))
    monkeypatch.undo()
    assert (len(store.members()), len(store.history())) == before


def test_a_disk_io_error_on_a_read_is_one_line_from_the_command_line(tmp_path, capsys, monkeypatch):
    db = tmp_path / "mqp.sqlite"
    seed.open_store(db).close()

    def failing_read(self, **kwargs):
        raise sqlite_error("disk I/O error", SQLITE_IOERR_SHMSIZE)

    monkeypatch.setattr(Store, "members", failing_read)
    assert main(["--db", str(db), "members", "list"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("mqp: error: The disk holding") and "full or failing" in err[0]


def test_a_disk_io_error_on_opening_is_a_store_error(tmp_path, monkeypatch):
    db = tmp_path / "mqp.sqlite"
    seed.open_store(db).close()
    from mqp_desktop.store import connection

    def failing_connect(path, key=None):
        raise sqlite_error("disk I/O error", SQLITE_IOERR_SHMSIZE)

    monkeypatch.setattr(connection, "_connect", failing_connect)
    with pytest.raises(DiskFailing) as info:
        Store.open(db)
    assert str(db) in info.value.problem


def test_the_window_shows_a_read_failure_as_a_message_not_a_crash_report(qapp, monkeypatch, capsys, tmp_path):
    from mqp_desktop.ui import errors

    shown, crashed = [], []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append(exc))
    monkeypatch.setattr(errors.CrashDialog, "exec", lambda self: crashed.append(self) or 0)
    exc = sqlite_error("disk I/O error", SQLITE_IOERR_SHMSIZE)
    errors.excepthook(type(exc), exc, None)
    assert len(shown) == 1 and isinstance(shown[0], DiskFailing) and not crashed
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "export.xlsx"))
    errors.excepthook(type(full), full, None)
    assert isinstance(shown[1], DiskFull) and "export.xlsx" in shown[1].problem
    other = OSError(errno.ENOENT, "No such file")
    errors.excepthook(type(other), other, None)  # not the disk: still a bug report
    assert len(shown) == 2 and len(crashed) == 1
    assert errors.problem_and_remedy(exc)[0].startswith("The disk holding")
    capsys.readouterr()


# --- a real full disk --------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB tmpfs mounted for the test (as root on Linux), unmounted after it."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root on Linux")
    mount = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mounting is not allowed here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def mqp(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mqp_desktop.cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as fh:
        try:
            while fh.write(b"\0" * 1024):
                pass
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_a_really_full_disk_is_explained_for_reads_and_writes_and_nothing_is_half_written(small_disk):
    db = small_disk / "mqp.sqlite"
    assert mqp("--db", str(db), "init").returncode == 0
    filler = fill(small_disk)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for args in (["members", "list"], ["members", "add", "--name", "Jo Bloggs", "--role", "DI", "--agency", "1"],
                 ["info"]):
        done = mqp("--db", str(db), *args)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 1, done.stderr
        assert len(lines) == 1 and "is full or failing" in lines[0] and "Traceback" not in done.stderr, lines
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    filler.unlink()
    done = mqp("--db", str(db), "members", "add", "--name", "Jo Bloggs", "--role", "DI", "--agency", "1")
    assert done.returncode == 0, done.stderr
    with Store.open(db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert "Jo Bloggs" in [m.name for m in store.members()]


def test_a_new_database_on_a_full_disk_is_not_made_at_all(small_disk):
    filler = fill(small_disk)
    db = small_disk / "new.sqlite"
    with pytest.raises(StoreError) as info:
        seed.open_store(db)
    assert "full" in info.value.problem
    assert not db.exists() and sorted(p.name for p in small_disk.iterdir()) == ["filler"]
    filler.unlink()

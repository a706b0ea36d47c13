"""Files and folders private to the user who runs the program, and writing them durably.

The database holds senior officers' contact details and safeguarding minutes, so every file
the program creates for it (the database, its -wal/-shm, copies taken before a migration or a
conversion) is created readable by its owner only, and so is every folder it creates for them:

* **POSIX** (Linux, macOS): files are created ``0600`` and folders ``0700`` at the moment they
  are made (``os.open``/``mkstemp`` with that mode, ``mkdir(mode=0o700)``), never made first and
  narrowed afterwards. SQLite creates a database's -wal and -shm with the permissions of the
  database file itself, so they follow it. The umask is left alone: it is process-wide, and
  changing it while another thread creates a file would be a race.
* **Windows**: the mode bits mean nothing there (only "read-only"). A file or folder gets the
  access list of the folder it is made in. Under ``%APPDATA%`` (the default database and the
  demo) that is the user's own profile, private already. For a file the user puts elsewhere (a
  shared drive) the folder's access list applies, and nothing here changes it.

The exporters make their files the same way (``tempfile.mkstemp``, which is ``0600``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
POSIX = os.name == "posix"


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each one made here ``0700``.

    Folders that already exist are left as they are (they may be shared on purpose).
    """
    folder = Path(folder)
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue
        if POSIX:
            os.chmod(path, PRIVATE_DIR_MODE)  # mkdir's mode is narrowed by the umask, never widened


def make_private_folder(folder: Path) -> Path:
    """A folder that belongs to the program alone (its data folder): created ``0700``, and
    narrowed to ``0700`` if an older version made it readable by others."""
    folder = Path(folder)
    make_private_dirs(folder)
    if POSIX:
        with contextlib.suppress(OSError):
            info = folder.stat()
            if info.st_uid == os.getuid() and info.st_mode & 0o077:
                os.chmod(folder, PRIVATE_DIR_MODE)
    return folder


def create_private_file(path: Path) -> Path:
    """Create ``path`` empty, ``0600``; FileExistsError if something is already there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    os.close(fd)
    return Path(path)


def new_private_file(folder: Path, prefix: str, suffix: str = "") -> Path:
    """A new empty ``0600`` file with a unique name in ``folder`` (as ``tempfile.mkstemp``)."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)


def fsync_file(path: Path) -> None:
    """Make what was written to ``path`` durable before it is renamed into place."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if not POSIX:
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and network shares) cannot sync a folder; the rename stands
    finally:
        os.close(fd)

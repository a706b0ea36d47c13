"""The program's own temporary folders: named with its prefix, removed after use, leftovers swept.

Email drafts (.eml files opened in the mail program), chase emails opened one at a time, Office
papers being converted to PDF and the like are written to folders in the system's temporary
folder named ``mqp-<kind>-…`` (:func:`make_temp_folder`; private to the user, as ``mkdtemp``
makes them). Those used within a step (a conversion) are removed by the step; the drafts folder of
a session (:class:`SessionFolder`) lives while the window is open, because the mail program reads a
draft some time after it is opened, and is removed when the window closes. A folder a crash left
behind is removed at the next start by :func:`clean_leftovers`, once nothing in it has changed for
a day: only entries in the temporary folder whose names start with one of the program's own
prefixes, owned by the user, never through a symbolic link.

Plain Python (no Qt), so the GUI and tests use the same functions.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

PREFIX = "mqp-"
KINDS = ("drafts", "chase", "convert", "agenda", "pack-minutes", "review")
"""What the program makes temporary folders for; each is named ``mqp-<kind>-<random>``."""
MAX_AGE = dt.timedelta(days=1)
"""A leftover is removed at start-up once nothing in it has changed for this long."""


def temp_root() -> Path:
    """The system's temporary folder (``TMPDIR``/``TEMP``), where the program's own go."""
    return Path(tempfile.gettempdir())


def make_temp_folder(kind: str) -> Path:
    """A new folder of the program's own, private to the user, for ``kind`` (one of :data:`KINDS`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of temporary folder: {kind!r}")
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{kind}-"))


def is_ours(path: Path, root: Path | None = None) -> bool:
    """Whether ``path`` is a folder or file of the program's own in the temporary folder (by name and place)."""
    path = Path(path)
    root = temp_root() if root is None else Path(root)
    try:
        in_root = path.parent.resolve() == root.resolve()
    except OSError:
        return False
    return in_root and any(path.name.startswith(f"{PREFIX}{kind}-") for kind in KINDS)


def _owned_by_us(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()  # Windows: the user's own temporary folder


def remove_temp_folder(path: Path | None, root: Path | None = None) -> bool:
    """Remove one of the program's own temporary folders (or files) and what it holds; whether it is gone.

    Anything not :func:`is_ours` is left alone. A file still open in another program (a draft the mail
    program holds, on Windows) stays; :func:`clean_leftovers` removes it at a later start.
    """
    if path is None:
        return True
    path = Path(path)
    if not is_ours(path, root):
        return False
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or not _owned_by_us(info):
        return False
    if stat.S_ISDIR(info.st_mode):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except OSError:
            pass
    return not os.path.lexists(path)


def _newest_change(path: Path, info: os.stat_result) -> float:
    newest = info.st_mtime
    if stat.S_ISDIR(info.st_mode):
        for folder, dirs, files in os.walk(path, followlinks=False):
            for name in (*dirs, *files):
                try:
                    newest = max(newest, os.lstat(os.path.join(folder, name)).st_mtime)
                except OSError:
                    continue
    return newest


def clean_leftovers(*, max_age: dt.timedelta = MAX_AGE, now: float | None = None,
                    root: Path | None = None) -> list[Path]:
    """Remove the program's own temporary folders and files that nothing has changed in for ``max_age``.

    Only entries of the temporary folder (``root``) named with one of the program's prefixes, owned
    by the user and not symbolic links; the ones removed are returned. Never raises: a leftover that
    cannot be removed now is tried again at the next start.
    """
    root = temp_root() if root is None else Path(root)
    now = time.time() if now is None else now
    limit = now - max_age.total_seconds()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    prefixes = tuple(f"{PREFIX}{kind}-" for kind in KINDS)
    for entry in entries:
        if not entry.name.startswith(prefixes):
            continue
        path = Path(entry.path)
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISLNK(info.st_mode) or not _owned_by_us(info):
            continue
        if _newest_change(path, info) > limit:
            continue  # in use, or made less than a day ago (by this or another copy of the program)
        if remove_temp_folder(path, root):
            removed.append(path)
    return removed


class SessionFolder:
    """A temporary folder of the program's own made when first needed and removed by :meth:`cleanup`.

    The window keeps one for email drafts: each draft opened in the mail program is written there,
    and the folder goes when the window closes.
    """

    def __init__(self, kind: str = "drafts"):
        self.kind = kind
        self._path: Path | None = None

    @property
    def path(self) -> Path:
        if self._path is None or not self._path.is_dir():
            self._path = make_temp_folder(self.kind)
        return self._path

    @property
    def made(self) -> Path | None:
        """The folder, if it has been made (None otherwise)."""
        return self._path

    def cleanup(self) -> bool:
        """Remove the folder and every draft in it; whether it is gone (False: one is still open elsewhere)."""
        gone = remove_temp_folder(self._path)
        if gone:
            self._path = None
        return gone


__all__ = ["KINDS", "MAX_AGE", "PREFIX", "SessionFolder", "clean_leftovers", "is_ours", "make_temp_folder",
           "remove_temp_folder", "temp_root"]

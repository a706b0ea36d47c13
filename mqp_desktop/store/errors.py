"""Database failures, split into the environment's fault (tell the user what to
do) and bugs (let them reach the crash reporter).

Each :class:`StoreError` carries ``problem`` and ``remedy`` so the GUI and the
command line can say both, plainly.
"""

from __future__ import annotations

import errno
from pathlib import Path

from mqp_desktop.store import sqlite


class StoreError(Exception):
    problem: str = "The database could not be used."
    remedy: str = ""

    def __init__(self, problem: str | None = None, remedy: str | None = None):
        if problem is not None:
            self.problem = problem
        if remedy is not None:
            self.remedy = remedy
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.problem} {self.remedy}".strip()


class DatabaseLocked(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class NotAnMqpDatabase(StoreError):
    pass


class DatabaseTooNew(StoreError):
    pass


class DiskFull(StoreError):
    pass


class RecordNotFound(StoreError):
    pass


def translate(exc: BaseException, path: Path | str | None) -> StoreError | None:
    """The environment-caused error an sqlite3/OS exception stands for, or None (a bug)."""
    where = f"'{path}'" if path else "the database"
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "disk is full" in text or "database or disk is full" in text:
        return DiskFull(
            f"The disk holding {where} is full, so the change was not saved.",
            "Free some space (or save to another drive), then try again. Nothing was half-written.",
        )
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DatabaseReadOnly(
            f"{where} cannot be written: {exc.strerror or exc}.",
            "Copy the file to a folder you can write to (e.g. Documents) and open the copy.",
        )
    if not isinstance(exc, sqlite.ERRORS):
        return None
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            f"{where} is locked by another program (perhaps MQ&P Desktop open on another computer or window).",
            "Close the other copy, wait a moment and try again.",
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseReadOnly(
            f"{where} cannot be written (it, or its folder, is read-only).",
            "Copy the file to a folder you can write to (e.g. Documents) and open the copy.",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(
            f"{where} is damaged or is not a database file.",
            "Open your most recent backup copy (File > Open), or start a new database.",
        )
    return None

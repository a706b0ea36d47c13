"""Database failures, split into the environment's fault (tell the user what to
do) and bugs (let them reach the crash reporter).

Each :class:`StoreError` carries ``problem`` and ``remedy`` so the GUI and the
command line can say both, plainly.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mqp_desktop.domain.versions import FieldDifference, when_in_words
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


class DiskFailing(DiskFull):
    """SQLite's "disk I/O error" (SQLITE_IOERR): a full disk (SQLite cannot grow the -shm file
    even to read once less than ~32 KiB is free), or a drive that failed or went away."""


class EmptyDatabaseFile(NotAnMqpDatabase):
    """A zero-byte file: only made into a database when the user asked to create one there."""


class HalfMadeDatabase(NotAnMqpDatabase):
    """An MQ&P file whose creation was stopped part-way (by an older version): no subcommittee."""


class EncryptedDatabase(StoreError):
    """The file needs a password (see :class:`PasswordNeeded` and :class:`WrongPassword`)."""


class PasswordNeeded(EncryptedDatabase):
    pass


class WrongPassword(EncryptedDatabase):
    pass


class DatabaseInUse(DatabaseLocked):
    """Another connection has the file open, so it cannot be converted or replaced now."""


class RecordNotFound(StoreError):
    pass


# SQLite's primary result codes (the low byte of an extended code such as SQLITE_IOERR_SHMSIZE).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL = 5, 6, 8, 10, 11, 13
SQLITE_CANTOPEN, SQLITE_NOTADB = 14, 26
DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def disk_full(where: str) -> DiskFull:
    return DiskFull(
        f"The disk holding {where} is full, so the change was not saved.",
        "Free some space (or save to another drive), then try again. Nothing was half-written.",
    )


def disk_failing(where: str) -> DiskFailing:
    return DiskFailing(
        f"The disk holding {where} is full or failing (the system reported a disk input/output error), "
        "so the database could not be read or written just now.",
        "Free some space on that drive (SQLite needs a little room even to read), or, for a USB stick or "
        "network drive, check it is still connected; then try again. Nothing was half-written: a change "
        "that failed was not saved.",
    )


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


class EditConflict(StoreError):
    """A record was saved by someone else (another copy of the program, the command line)
    after it was read here: the edit is refused, and nothing is overwritten.

    ``differences`` says field by field what the edit meant to save (``yours``) and what is
    stored now, with who last changed each field and when (from the change history).
    ``yours`` and ``stored`` are the two records (domain objects) when the store has them,
    so a window can offer to reload the stored one or apply the edit on top of it.
    """

    remedy = "Reload it to see what is stored now, then make your change again."

    def __init__(
        self,
        what: str,
        *,
        entity: str,
        entity_id: int | None,
        read_version: int | None,
        stored_version: int | None,
        differences: Sequence[FieldDifference] = (),
        changed_by: str = "",
        changed_at: str = "",
        yours: Any = None,
        stored: Any = None,
        remedy: str | None = None,
    ):
        self.what = what
        self.entity = entity
        self.entity_id = entity_id
        self.read_version = read_version
        self.stored_version = stored_version
        self.differences = tuple(differences)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.yours = yours
        self.stored = stored
        super().__init__(self._problem(), remedy)

    @property
    def changed_when(self) -> str:
        return when_in_words(self.changed_at)

    def _problem(self) -> str:
        who = f" by {self.changed_by}" if self.changed_by else ""
        when = f" at {self.changed_when}" if self.changed_at else ""
        versions = ""
        if self.read_version is not None and self.stored_version is not None:
            versions = f" (you read version {self.read_version}; version {self.stored_version} is stored now)"
        text = f"{self.what[:1].upper()}{self.what[1:]} was changed{who}{when} since you read it{versions}."
        shown = self.differences[:3]
        if shown:
            parts = [f"{d.label}: yours '{_short(d.yours)}', stored now '{_short(d.stored)}'" for d in shown]
            more = len(self.differences) - len(shown)
            text += " " + "; ".join(parts) + (f"; and {more} more" if more > 0 else "") + "."
        return text + " Your change was not saved and nothing was overwritten."


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def translate(exc: BaseException, path: Path | str | None) -> StoreError | None:
    """The environment-caused error an sqlite3/OS exception stands for, or None (a bug)."""
    where = f"'{path}'" if path else "the database"
    text = str(exc).lower()
    code = _sqlite_code(exc)
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS:
        return disk_full(where)
    if isinstance(exc, OSError) and exc.errno == errno.EIO:
        return disk_failing(where)
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DatabaseReadOnly(
            f"{where} cannot be written: {exc.strerror or exc}.",
            "Copy the file to a folder you can write to (e.g. Documents) and open the copy.",
        )
    if not isinstance(exc, sqlite.ERRORS):
        return None
    if code == SQLITE_FULL or "disk is full" in text:
        return disk_full(where)
    if code == SQLITE_IOERR or "disk i/o error" in text:
        return disk_failing(where)
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return DatabaseLocked(
            f"{where} is locked by another program (perhaps MQ&P Desktop open on another computer or window).",
            "Close the other copy, wait a moment and try again.",
        )
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN) or any(
        words in text for words in ("readonly", "read-only", "unable to open")
    ):
        return DatabaseReadOnly(
            f"{where} cannot be written (it, or its folder, is read-only).",
            "Copy the file to a folder you can write to (e.g. Documents) and open the copy.",
        )
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(
            f"{where} is damaged or is not a database file.",
            "Open your most recent backup copy (File > Open), or start a new database.",
        )
    return None

"""The SQLite library every database file is opened with.

SQLCipher's build of SQLite (the ``sqlcipher3`` module from ``sqlcipher3-wheels``:
wheels for Windows, macOS and Linux, each carrying its own SQLite with FTS5) is used
for every file, encrypted or not. With no key it reads and writes ordinary SQLite
files; with a key the same code reads and writes an encrypted one. One library for
both means one SQLite version on every platform and one set of exceptions. SQLite's
online-backup API copies only between files with the same encryption settings (plain
to plain, or encrypted to encrypted with the same key); converting a file between plain
and encrypted is SQLCipher's ``sqlcipher_export`` (see ``store/encryption.py``).

Its exceptions are its own classes (not :mod:`sqlite3`'s): catch :data:`Error`,
:data:`IntegrityError` and :data:`OperationalError` from here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3 as driver

Error = driver.Error
IntegrityError = driver.IntegrityError
OperationalError = driver.OperationalError
DatabaseError = driver.DatabaseError

# What an except clause names to catch a database failure from either library
# (the standard library's may still reach us through sqlite-utils' own checks).
ERRORS: tuple[type[BaseException], ...] = (driver.Error, sqlite3.Error)
INTEGRITY_ERRORS: tuple[type[BaseException], ...] = (driver.IntegrityError, sqlite3.IntegrityError)


def quote(text: str) -> str:
    """``text`` as an SQL string literal (PRAGMA takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def connect(path: str, *, key: str | None = None, timeout: float = 5.0, read_only: bool = False) -> driver.Connection:
    """A connection in autocommit mode (transactions are begun explicitly).

    ``key`` is the database's password when it is encrypted: SQLCipher derives the
    encryption key from it with its own KDF (PBKDF2-HMAC-SHA512, 256,000 iterations in
    SQLCipher 4). It must be given before anything reads the file; a wrong one is only
    noticed at the first read, where SQLCipher says "file is not a database" (SQLITE_NOTADB).

    ``read_only``: the file is opened so that nothing can be written to it (checking a
    damaged file, reading a backup); it must exist.

    ``secure_delete`` overwrites the old content of a changed or freed page, so text that
    was replaced (an earlier draft, a corrected contact detail) does not linger in the file.
    """
    if read_only:
        uri = Path(path).absolute().as_uri() + "?mode=ro"
        conn = driver.connect(uri, timeout=timeout, isolation_level=None, uri=True)
    else:
        conn = driver.connect(path, timeout=timeout, isolation_level=None)
    # SQLCipher logs to stderr by default (e.g. "hmac check failed" on a wrong password); the
    # program reports every failure itself, in words, so its own log is turned off.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(f"PRAGMA key = {quote(key)}")
    conn.execute("PRAGMA secure_delete = ON")
    return conn

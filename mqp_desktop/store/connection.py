"""Opening the SQLite file: create, check, back up, migrate.

* a new file is created and migrated;
* a file from a newer version of the program is refused, untouched;
* a file that is not ours, or is damaged, is refused, untouched;
* before an existing file is migrated a copy is taken beside it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlite_utils import Database

from mqp_desktop.store import migrations as schema
from mqp_desktop.store import sqlite
from mqp_desktop.store.errors import (
    DatabaseCorrupt,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAnMqpDatabase,
    StoreError,
    translate,
)

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


def _connect(path: Path, key: str | None = None) -> Database:
    conn = sqlite.connect(str(path), key=key, timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def applied_migrations(db: Database) -> list[str]:
    return [m.name for m in schema.migrations.applied(db)]


def schema_version(db: Database) -> int:
    return len(applied_migrations(db))


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise translate(exc, path) or StoreError(f"'{path}' could not be read: {exc}.") from exc
    if head and head != SQLITE_HEADER:
        raise DatabaseCorrupt(
            f"'{path}' is not an MQ&P database (it is not an SQLite file at all).",
            "Choose the .sqlite file the program created, or start a new database.",
        )


def backup_copy(db: Database, path: Path, reason: str, key: str | None = None) -> Path:
    """Copy the open database to ``<stem>.<reason>-<timestamp>.sqlite`` beside it.

    ``key``: the password of an encrypted database, so the copy is encrypted the same way.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix or '.sqlite'}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.{reason}-{stamp}-{n}{path.suffix or '.sqlite'}")
    dest = sqlite.connect(str(target), key=key)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def open_database(
    path: Path | str, *, create: bool = True, key: str | None = None
) -> tuple[Database, Path | None]:
    """Open (creating if allowed) and migrate the file at ``path``.

    ``key``: the password of an encrypted database (or of a new one to create encrypted).

    Returns the database and the path of the pre-migration backup, if one was
    taken. Raises a :class:`StoreError` subclass for anything the user can fix.
    """
    path = Path(path).expanduser()
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise StoreError(f"There is no database at '{path}'.", "Check the path, or create one with 'mqp init'.")
    if exists:
        _check_header(path)
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseReadOnly(
                f"'{path}' cannot be written (it, or its folder, is read-only).",
                "Copy the file to a folder you can write to (e.g. Documents) and open the copy.",
            )
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise translate(exc, path) or StoreError(f"The folder for '{path}' cannot be created: {exc}.") from exc

    try:
        db = _connect(path, key)
        return db, _prepare(db, path, existed=exists, key=key)
    except StoreError:
        raise
    except (*sqlite.ERRORS, OSError) as exc:
        err = translate(exc, path)
        if err is None:
            raise
        raise err from exc


def _prepare(db: Database, path: Path, *, existed: bool, key: str | None = None) -> Path | None:
    try:
        if existed:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise DatabaseCorrupt(
                    f"'{path}' is damaged ({result}).",
                    "Open your most recent backup copy (File > Open); the damaged file was left as it is.",
                )
            tables = set(db.table_names())
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            if tables and app_id != schema.APPLICATION_ID and "_sqlite_migrations" not in tables:
                raise NotAnMqpDatabase(
                    f"'{path}' is an SQLite database, but not one made by MQ&P Desktop.",
                    "Choose the .sqlite file the program created, or start a new database.",
                )
        applied = applied_migrations(db)
        unknown = [name for name in applied if name not in schema.KNOWN_MIGRATIONS]
        if unknown or db.execute("PRAGMA user_version").fetchone()[0] > schema.SCHEMA_VERSION:
            raise DatabaseTooNew(
                f"'{path}' was made by a newer version of MQ&P Desktop (schema {len(applied)}, "
                f"this program knows {schema.SCHEMA_VERSION}). It has not been changed.",
                "Install the newer version of the program to open it.",
            )
        pending = schema.migrations.pending(db)
        backup = None
        if pending:
            if existed and applied:
                backup = backup_copy(db, path, f"before-schema-{schema.SCHEMA_VERSION}", key)
            # WAL and application_id outside the migrations' transactions.
            db.execute("PRAGMA journal_mode = WAL")
            db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            schema.migrations.apply(db)
            db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
        else:
            db.execute("PRAGMA journal_mode = WAL")
        return backup
    except BaseException:
        db.close()
        raise

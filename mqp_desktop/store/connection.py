"""Opening the SQLite file: create, check, back up, migrate.

* a new file is built whole beside its final name and renamed into place, so an interrupted
  creation leaves no file (never a half-made one) and the next start begins again;
* only a file carrying MQ&P's ``application_id`` is opened; another program's database
  (sqlite-utils' or any other), an empty SQLite file and a zero-byte file are refused,
  untouched, with a message saying what the file is (a zero-byte file becomes a database
  only when the user asked to create one there);
* a file that is not an SQLite file at all is either encrypted (it needs its password) or
  not a database, which cannot be told apart without the password: both are said;
* a file from a newer version of the program is refused, untouched;
* a damaged file is refused, untouched;
* before an existing file is migrated a copy is taken beside it;
* every file and folder made here is private to the user (``mqp_desktop.private_files``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import stat
from collections.abc import Callable
from pathlib import Path

from mqp_desktop.private_files import (
    create_private_file,
    fsync_file,
    fsync_folder,
    make_private_dirs,
    new_private_file,
)
from mqp_desktop.store import schema_names as schema
from mqp_desktop.store import sqlite
from mqp_desktop.store.database import Database, apply_migrations
from mqp_desktop.store.errors import (
    SQLITE_NOTADB,
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    EmptyDatabaseFile,
    NotAnMqpDatabase,
    PasswordNeeded,
    StoreError,
    WrongPassword,
    translate,
)

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's smallest page: every database file, plain or encrypted, is a whole number of pages.
MIN_PAGE_SIZE = 512
# The start of common files that are not databases (PDF, zip/Office, old Office, PNG, JPEG, RTF).
OTHER_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"{\\rtf")
# Files beside a database that belong to it: WAL, its index, and a rollback journal.
COMPANIONS = ("-wal", "-shm", "-journal")
NEW_FILE_MARK = ".new-"  # ".mqp.sqlite.new-k2j4h1": a database being built, renamed when whole


class FileKind(enum.Enum):
    MISSING = "missing"
    EMPTY = "empty (0 bytes)"
    PLAIN = "an SQLite file"
    ENCRYPTED = "encrypted, or not a database"  # the two cannot be told apart without the password
    NOT_A_DATABASE = "not a database"


def file_kind(path: Path | str) -> FileKind:
    """What is at ``path``, from its size and first bytes alone (nothing is opened by SQLite).

    An encrypted SQLCipher file begins with 16 random bytes (its salt), so it looks like any
    other file that is not SQLite's: the only honest tests are that it is a whole number of
    pages long and does not begin like a known other kind of file (or like text).
    """
    path = Path(path).expanduser()
    try:
        info = path.stat()
    except FileNotFoundError:
        return FileKind.MISSING
    except OSError as exc:
        raise translate(exc, path) or StoreError(f"'{path}' could not be read: {exc}.") from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotAnMqpDatabase(
            f"'{path}' is a folder, not a database file.",
            "Choose the .sqlite file inside it that the program created.",
        )
    if info.st_size == 0:
        return FileKind.EMPTY
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise translate(exc, path) or StoreError(f"'{path}' could not be read: {exc}.") from exc
    if head == SQLITE_HEADER:
        return FileKind.PLAIN
    if info.st_size % MIN_PAGE_SIZE or head.startswith(OTHER_SIGNATURES) or _looks_like_text(head):
        return FileKind.NOT_A_DATABASE
    return FileKind.ENCRYPTED


def _looks_like_text(head: bytes) -> bool:
    """True when the first bytes are all printable ASCII or white space (a random salt almost never is:
    the chance for 16 random bytes is about one in ten million)."""
    return len(head) == 16 and all(32 <= b < 127 or b in b"\t\r\n" for b in head)


def is_encrypted(path: Path | str) -> bool:
    """True when the file at ``path`` needs a password to be opened (or is not a database at all)."""
    return file_kind(path) is FileKind.ENCRYPTED


def _connect(path: Path, key: str | None = None) -> Database:
    conn = sqlite.connect(str(path), key=key, timeout=BUSY_TIMEOUT_MS / 1000)
    # store/database.py: sqlite-utils is not imported to open a file (nor its plugins run on it)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def pragma(db: Database, statement: str):
    """The first value a PRAGMA (or one-row query) returns, its statement run to the end.

    ``fetchone()`` alone leaves the statement active, and an active statement makes a later
    ``wal_checkpoint`` on the connection fail with "database table is locked".
    """
    rows = db.execute(statement).fetchall()
    return rows[0][0] if rows else None


def applied_migrations(db: Database) -> list[str]:
    return schema.applied(db)


def schema_version(db: Database) -> int:
    return len(applied_migrations(db))


def password_needed(path: Path) -> PasswordNeeded:
    return PasswordNeeded(
        f"'{path}' is encrypted with a password, or is not a database at all (the two look the same "
        "without the password).",
        "Give its password to open it. If it was never encrypted, it is not an MQ&P database: choose the "
        ".sqlite file the program created.",
    )


def wrong_password(path: Path) -> WrongPassword:
    return WrongPassword(
        f"The password is not right for '{path}'.",
        "Type it again (capital letters count). A forgotten password cannot be recovered by anyone: "
        "ask whoever in the partnership keeps it, or open a backup. If you are sure it is right, the "
        "file is damaged or is not an MQ&P database.",
    )


def _refuse_unusable(path: Path, kind: FileKind) -> None:
    if kind is FileKind.NOT_A_DATABASE:
        raise DatabaseCorrupt(
            f"'{path}' is not an MQ&P database (it is not an SQLite file at all).",
            "Choose the .sqlite file the program created, or start a new database.",
        )
    if kind is FileKind.EMPTY:  # made a database only when asked (seed.open_store(create=True))
        raise EmptyDatabaseFile(
            f"'{path}' is empty (0 bytes), so it is not an MQ&P database.",
            "To start a new database in it, use File > New database… or 'mqp init --db FILE' and choose "
            "this file; otherwise choose the .sqlite file the program created.",
        )


def backup_copy(db: Database, path: Path, reason: str, key: str | None = None) -> Path:
    """Copy the open database to ``<stem>.<reason>-<timestamp>.sqlite`` beside it (``0600``).

    ``key``: the password of an encrypted database, so the copy is encrypted the same way.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix or '.sqlite'}")
    n = 1
    while True:
        try:
            create_private_file(target)  # SQLite writes into it, keeping its permissions
            break
        except FileExistsError:
            n += 1
            target = path.with_name(f"{path.stem}.{reason}-{stamp}-{n}{path.suffix or '.sqlite'}")
    dest = sqlite.connect(str(target), key=key)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def remove_companions(path: Path) -> None:
    """Remove ``path``'s -wal, -shm and -journal: left beside a file that is gone or being
    replaced, SQLite would replay them into whatever file next takes the name."""
    for suffix in COMPANIONS:
        _remove(Path(str(path) + suffix))


def remove_leftovers(path: Path, mark: str) -> None:
    """Remove hidden work files for ``path`` (``.NAME<mark>*``) left by a process that was stopped."""
    for leftover in path.parent.glob(f".{path.name}{mark}*"):
        _remove(leftover)


def _place_new(built: Path, path: Path) -> None:
    """Give ``built`` the name ``path``; FileExistsError if ``path`` appeared meanwhile (never overwritten)."""
    if os.name == "nt":
        os.rename(built, path)  # refuses an existing target on Windows
        return
    try:
        os.link(built, path)  # atomic, and refuses an existing target
    except FileExistsError:
        raise
    except OSError:
        # a file system without hard links (FAT, some network shares)
        if path.exists():
            raise FileExistsError(path) from None
        os.rename(built, path)
    else:
        built.unlink()


def create_database(
    path: Path,
    *,
    key: str | None = None,
    build: Callable[[Database], None] | None = None,
    replace: bool = False,
) -> None:
    """Build a new, migrated database (filled by ``build``) and put it at ``path``, all or nothing.

    It is built in a hidden ``0600`` file beside ``path`` (``.NAME.new-XXXX``), checked, synced to
    disk and then renamed into place, so whatever stops the program part-way leaves either no
    file at ``path`` or the whole one. ``replace``: put it in place of the file now at ``path``
    (a zero-byte file or an unfinished one the user asked to create afresh, or the demo);
    otherwise an existing file is never overwritten (FileExistsError: another copy of the
    program made it at the same moment).
    """
    path = Path(path).expanduser()
    folder = path.parent
    try:
        make_private_dirs(folder)
        remove_leftovers(path, NEW_FILE_MARK)
        built = new_private_file(folder, prefix=f".{path.name}{NEW_FILE_MARK}")
    except OSError as exc:
        raise translate(exc, path) or StoreError(f"The folder for '{path}' cannot be written: {exc}.") from exc
    try:
        db = _connect(built, key)
        try:
            # The file is thrown away if anything fails, so no journal on disk is needed while
            # it is built (an in-memory one still undoes a failed step); it is synced once, whole.
            db.execute("PRAGMA journal_mode = MEMORY")
            db.execute("PRAGMA synchronous = OFF")
            db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            apply_migrations(db)
            db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            if build is not None:
                build(db)
            result = pragma(db, "PRAGMA quick_check")
            if result != "ok":  # pragma: no cover - SQLite would have failed before
                raise DatabaseCorrupt(f"The new database for '{path}' did not pass its check ({result}).")
        finally:
            db.close()
        fsync_file(built)
        remove_companions(path)
        if replace:
            os.replace(built, path)
        else:
            _place_new(built, path)
        fsync_folder(folder)
    except FileExistsError:
        _discard(built)
        raise
    except BaseException as exc:
        _discard(built)
        if isinstance(exc, (*sqlite.ERRORS, OSError)):
            err = translate(exc, path)
            if err is not None:
                raise err from exc
        raise


def _discard(built: Path) -> None:
    _remove(built)
    remove_companions(built)


def open_database(
    path: Path | str, *, create: bool = True, key: str | None = None
) -> tuple[Database, Path | None]:
    """Open (creating if allowed) and migrate the file at ``path``.

    ``key``: the password of an encrypted database (or of a new one to create encrypted); it
    is not used for a file that is not encrypted. A zero-byte file is refused here: it becomes
    a database only when the user asked to create one there (``seed.open_store(create=True)``).

    Returns the database and the path of the pre-migration backup, if one was
    taken. Raises a :class:`StoreError` subclass for anything the user can fix.
    """
    path = Path(path).expanduser()
    kind = file_kind(path)
    if kind is FileKind.MISSING and not create:
        raise StoreError(f"There is no database at '{path}'.", "Check the path, or create one with 'mqp init'.")
    _refuse_unusable(path, kind)
    if kind is FileKind.MISSING:
        with contextlib.suppress(FileExistsError):  # made by another copy at the same moment: open that
            create_database(path, key=key)
        kind = file_kind(path)
        _refuse_unusable(path, kind)
    if kind is FileKind.PLAIN:
        key = None
    elif key is None:
        raise password_needed(path)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseReadOnly(
            f"'{path}' cannot be written (it, or its folder, is read-only).",
            "Copy the file to a folder you can write to (e.g. Documents) and open the copy.",
        )
    try:
        db = _connect(path, key)
        return db, _prepare(db, path, key=key)
    except StoreError:
        raise
    except (*sqlite.ERRORS, OSError) as exc:
        err = translate(exc, path)
        if err is None:
            raise
        raise err from exc


def first_read(db, path: Path, key: str | None) -> None:
    """Read the file once: a wrong password shows here (SQLCipher: 'file is not a database')."""
    try:
        pragma(db, "SELECT count(*) FROM sqlite_master")
    except sqlite.ERRORS as exc:
        code = getattr(exc, "sqlite_errorcode", 0) or 0
        if key is not None and ((code & 0xFF) == SQLITE_NOTADB or "not a database" in str(exc).lower()):
            raise wrong_password(path) from exc
        raise


def _not_ours(db: Database, path: Path, tables: list[str]) -> NotAnMqpDatabase:
    """What the file is, in words, for a refusal that names it."""
    if "_sqlite_migrations" in tables:
        try:
            sets = [r[0] for r in db.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")]
        except sqlite.ERRORS:
            sets = []
        named = f" (its migrations: {', '.join(repr(s) for s in sets[:3])})" if sets else ""
        return NotAnMqpDatabase(
            f"'{path}' is a database made by another program with sqlite-utils{named}, not by "
            "MQ&P Desktop. It has not been changed.",
            "Choose the .sqlite file MQ&P Desktop created, or start a new database (File > New database…, "
            "or 'mqp init --db NEW-FILE').",
        )
    if not tables:
        return NotAnMqpDatabase(
            f"'{path}' is an empty SQLite database (it has no tables), not one made by MQ&P Desktop. It has "
            "not been changed.",
            "If you meant to start a new database there, delete that file and create it again with File > New "
            "database… or 'mqp init --db FILE'; otherwise choose the .sqlite file the program created.",
        )
    shown = ", ".join(tables[:4]) + (", …" if len(tables) > 4 else "")
    return NotAnMqpDatabase(
        f"'{path}' is an SQLite database, but not one made by MQ&P Desktop (it holds the tables {shown}). "
        "It has not been changed.",
        "Choose the .sqlite file the program created, or start a new database.",
    )


def _holds_records(db: Database) -> bool:
    """Anything worth a copy before migrating (a file left unfinished by an older version holds nothing)."""
    try:
        return pragma(db, "SELECT EXISTS (SELECT 1 FROM subcommittee)") == 1
    except sqlite.ERRORS:
        return False


def _prepare(db: Database, path: Path, *, key: str | None = None) -> Path | None:
    try:
        first_read(db, path, key)
        result = pragma(db, "PRAGMA quick_check")
        if result != "ok":
            raise DatabaseCorrupt(
                f"'{path}' is damaged ({result}).",
                "Open your most recent backup copy (File > Open); the damaged file was left as it is.",
            )
        app_id = pragma(db, "PRAGMA application_id")
        if app_id != schema.APPLICATION_ID:
            if pragma(db, "PRAGMA page_count") == 0:
                # SQLite sees no page at all although the file was not empty when looked at: it
                # was replaced (encrypted, decrypted) by another copy of the program just now.
                raise DatabaseLocked(
                    f"'{path}' was being changed by another copy of the program while it was opened.",
                    "Open it again.",
                )
            raise _not_ours(db, path, db.table_names())
        applied = applied_migrations(db)
        unknown = [name for name in applied if name not in schema.KNOWN_MIGRATIONS]
        if unknown or pragma(db, "PRAGMA user_version") > schema.SCHEMA_VERSION:
            raise DatabaseTooNew(
                f"'{path}' was made by a newer version of MQ&P Desktop (schema {len(applied)}, "
                f"this program knows {schema.SCHEMA_VERSION}). It has not been changed.",
                "Install the newer version of the program to open it.",
            )
        pending = schema.pending(db)
        backup = None
        if pending:
            if applied and _holds_records(db):
                backup = backup_copy(db, path, f"before-schema-{schema.SCHEMA_VERSION}", key)
            # WAL outside the migrations' transactions.
            db.execute("PRAGMA journal_mode = WAL")
            apply_migrations(db)
            db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
        else:
            db.execute("PRAGMA journal_mode = WAL")
        # One read in WAL mode: after quick_check, a file just switched to WAL otherwise refuses
        # its first wal_checkpoint with "database table is locked" (SQLite 3.51).
        pragma(db, "SELECT count(*) FROM sqlite_master")
        return backup
    except BaseException:
        db.close()
        raise

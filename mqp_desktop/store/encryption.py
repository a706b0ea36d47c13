"""Encrypting a database file with a password, removing the password, changing it.

The encryption is SQLCipher's (AES-256 on every page, the key derived from the password by
SQLCipher's own KDF, PBKDF2-HMAC-SHA512). No password is stored anywhere: not in the file, not
in the settings, not in the change history, which records only that encryption was turned on
or off or the password changed.

How each conversion is made safe:

* **Encrypt / decrypt** write a converted copy beside the file with ``sqlcipher_export`` into a
  database ATTACHed with the new key (SQLCipher's documented way: SQLite's backup API copies
  only between files with the same encryption settings). The copy is checked
  (``integrity_check``, every table's row count, the application id and schema version),
  synced to disk and then renamed over the original (``os.replace``), so a crash at any moment
  leaves either the old file or the new one, each whole. The hidden work file
  (``.NAME.converting-XXXX``) is removed on failure or at the next conversion.
* **Change password** is SQLCipher's ``PRAGMA rekey``: every page rewritten with the new key in
  one transaction, with the history entry in the same transaction, so a crash leaves the file
  under the old password or the new one; the file is then checked with the new password.
* Before either, the file is taken for this process alone: it leaves WAL mode (which
  checkpoints the -wal into the file and removes it; SQLite refuses while any other connection
  has the file open, which is how another copy of the program is noticed) and is locked
  exclusively until the conversion ends. The next ordinary opening puts it back in WAL mode.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.private_files import fsync_file, fsync_folder, new_private_file
from mqp_desktop.store import connection, sqlite
from mqp_desktop.store.errors import (
    SQLITE_BUSY,
    SQLITE_LOCKED,
    DatabaseCorrupt,
    DatabaseInUse,
    StoreError,
    translate,
)
from mqp_desktop.store.schema_names import APPLICATION_ID

MIN_PASSWORD_LENGTH = 8
CONVERT_MARK = ".converting-"  # ".mqp.sqlite.converting-k2j4h1": the converted copy being made
IN_USE_TIMEOUT = 2.0  # seconds to wait for another connection to let go before saying it is open elsewhere

Progress = Callable[[str], None]


class ConversionCancelled(Exception):
    """Cancel was pressed before the converted copy replaced the file: nothing was changed."""


def check_new_password(password: str, again: str | None = None) -> str:
    """A new password as typed (and typed ``again``), or ValidationError saying what to change."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password",
            f"Use at least {MIN_PASSWORD_LENGTH} characters: a few words are easy to remember and hard to guess.",
        )
    if password != password.strip():
        raise ValidationError("password", "The password begins or ends with a space, which is easily lost: remove it.")
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        raise ValidationError("password", "The password holds a control character (such as a tab): use letters, "
                                          "digits, spaces and punctuation only.")
    if again is not None and password != again:
        raise ValidationError("password_again", "The two passwords are not the same: type the new password twice.")
    return password


def _in_use(path: Path) -> DatabaseInUse:
    return DatabaseInUse(
        f"'{path}' is open in another copy of MQ&P Desktop or in a command running now, so it was not changed.",
        "Close the other copy (on this or another computer), wait for the command to finish, and try again.",
    )


def _error(exc: BaseException, path: Path) -> BaseException:
    if isinstance(exc, sqlite.ERRORS):
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in str(exc).lower():
            return _in_use(path)
    return translate(exc, path) or exc


@contextlib.contextmanager
def _taken(path: Path, key: str | None) -> Iterator[sqlite.driver.Connection]:
    """A connection to ``path`` holding it exclusively, out of WAL mode, for a conversion."""
    conn = sqlite.connect(str(path), key=key, timeout=IN_USE_TIMEOUT)
    try:
        connection.first_read(conn, path, key)
        # Leaving WAL checkpoints the -wal into the file and removes it; SQLite refuses (busy)
        # while any other connection has the file open.
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchall()[0][0]
        if mode != "delete":
            raise _in_use(path)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")  # the lock is held from here until the connection closes
        conn.execute("COMMIT")
        yield conn
    finally:
        conn.close()


def _history_row(action: str, summary: str, changes: dict) -> list:
    return [
        dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        getpass.getuser(),
        socket.gethostname(),
        "database",
        None,
        action,
        summary,
        json.dumps(changes, sort_keys=True),
    ]


HISTORY_INSERT = (
    "INSERT INTO {schema}change_log (at, user, host, entity, entity_id, action, summary, changes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def _table_counts(conn, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()]
    return {name: conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchall()[0][0] for name in names}


def _check(path: Path, key: str | None, expected: dict[str, int] | None, what: str) -> None:
    """Open ``path`` afresh with ``key`` and check it whole (and, given ``expected``, every table's rows)."""
    conn = sqlite.connect(str(path), key=key)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise DatabaseCorrupt(
                f"The {what} did not pass SQLite's integrity check ({problems[0]}), so it was not used.",
                "Nothing was changed. Try again; if it happens again, keep the file and ask for help.")
        if conn.execute("PRAGMA application_id").fetchall()[0][0] != APPLICATION_ID:
            raise DatabaseCorrupt(f"The {what} lost the program's mark, so it was not used.", "Nothing was changed.")
        if expected is not None:
            found = _table_counts(conn)
            if found != expected:
                differ = sorted(k for k in set(found) | set(expected) if found.get(k) != expected.get(k))
                raise DatabaseCorrupt(
                    f"The {what} does not hold the same rows as the file (tables {', '.join(differ[:4])}), "
                    "so it was not used.", "Nothing was changed.")
    finally:
        conn.close()


def _still_ours(path: Path, key: str | None) -> None:
    """Refuse anything but a current, undamaged MQ&P file (opened and closed the ordinary way)."""
    from mqp_desktop.store.store import Store

    Store.open(path, create=False, key=key).close()


def _convert(path: Path, key: str | None, new_key: str | None, action: str, summary: str, changes: dict,
             *, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
    path = Path(path).expanduser()
    say = progress or (lambda _message: None)
    say("Checking the database…")
    _still_ours(path, key)
    target: Path | None = None
    try:
        with _taken(path, key) as conn:
            connection.remove_leftovers(path, CONVERT_MARK)
            target = new_private_file(path.parent, prefix=f".{path.name}{CONVERT_MARK}")
            expected = _table_counts(conn)
            expected["change_log"] = expected.get("change_log", 0) + 1
            user_version = conn.execute("PRAGMA user_version").fetchall()[0][0]
            say("Writing the converted copy…")
            conn.execute(f"ATTACH DATABASE {sqlite.quote(str(target))} AS converted KEY {sqlite.quote(new_key or '')}")
            # The copy is thrown away unless it is whole and checked: no journal needed while writing it.
            conn.execute("PRAGMA converted.journal_mode = OFF")
            conn.execute("PRAGMA converted.synchronous = OFF")
            if cancelled is not None:
                conn.set_progress_handler(lambda: 1 if cancelled() else 0, 20000)
            try:
                conn.execute("SELECT sqlcipher_export('converted')").fetchall()
            except sqlite.ERRORS as exc:
                if cancelled is not None and cancelled() and "interrupt" in str(exc).lower():
                    raise ConversionCancelled() from exc
                raise
            finally:
                conn.set_progress_handler(None, 0)
            # sqlcipher_export copies tables, indexes, triggers and rows, not the header's fields.
            conn.execute(f"PRAGMA converted.application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA converted.user_version = {int(user_version)}")
            conn.execute(HISTORY_INSERT.format(schema="converted."), _history_row(action, summary, changes))
            conn.execute("DETACH DATABASE converted")
            if cancelled is not None and cancelled():
                raise ConversionCancelled()
            say("Checking the converted copy…")
            _check(target, new_key, expected, "converted copy")
            fsync_file(target)
            say("Putting the converted copy in place…")
            old = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            try:
                connection.remove_companions(path)  # none in use: the file is out of WAL mode and locked
                if os.name == "nt":
                    os.close(old)
                    old = -1
                    conn.close()  # Windows cannot replace a file that is open
                os.replace(target, path)
                target = None
                fsync_folder(path.parent)
                if old >= 0 and os.fstat(old).st_nlink == 0:
                    # Anything still holding the old file (a command that opened it while it was
                    # locked) finds it empty and refuses it, rather than writing to a file gone.
                    os.ftruncate(old, 0)
            finally:
                if old >= 0:
                    os.close(old)
    except (ConversionCancelled, StoreError):
        raise
    except (*sqlite.ERRORS, OSError) as exc:
        raise _error(exc, path) from exc
    finally:
        if target is not None:
            with contextlib.suppress(OSError):
                target.unlink()
            connection.remove_companions(target)


def encrypt(path: Path | str, new_key: str, *, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> None:
    """Encrypt the plain database at ``path`` with the password ``new_key``."""
    check_new_password(new_key)
    path = Path(path).expanduser()
    if connection.is_encrypted(path):
        raise StoreError(f"'{path}' is already encrypted with a password.",
                         "To use another password, change it (File > Change password…, or 'mqp password').")
    _convert(path, None, new_key, "encrypted",
             "Encryption turned on: the database now needs its password to be opened",
             {"encrypted": [False, True]}, progress=progress, cancelled=cancelled)


def decrypt(path: Path | str, key: str, *, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> None:
    """Remove the password of the encrypted database at ``path`` (its password is ``key``)."""
    path = Path(path).expanduser()
    if not connection.is_encrypted(path):
        raise StoreError(f"'{path}' is not encrypted, so it has no password to remove.", "")
    _convert(path, key, None, "decrypted",
             "Encryption turned off: the database opens without a password",
             {"encrypted": [True, False]}, progress=progress, cancelled=cancelled)


def change_password(path: Path | str, key: str, new_key: str, *, progress: Progress | None = None) -> None:
    """Give the encrypted database at ``path`` (password ``key``) the password ``new_key`` (PRAGMA rekey)."""
    check_new_password(new_key)
    path = Path(path).expanduser()
    if not connection.is_encrypted(path):
        raise StoreError(f"'{path}' is not encrypted, so it has no password to change.",
                         "Encrypt it first (File > Encrypt with a password…, or 'mqp encrypt').")
    if new_key == key:
        raise ValidationError("password", "The new password is the same as the current one: type a different one.")
    say = progress or (lambda _message: None)
    say("Checking the database…")
    _still_ours(path, key)
    try:
        with _taken(path, key) as conn:
            say("Encrypting every page with the new password…")
            # One transaction: the history entry and every page under the new key, or neither.
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(HISTORY_INSERT.format(schema=""), _history_row(
                    "password changed", "Password changed: the database now opens with the new password", {}))
                conn.execute(f"PRAGMA rekey = {sqlite.quote(new_key)}")
                if conn.in_transaction:
                    conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        say("Checking the database with the new password…")
        _check(path, new_key, None, "database under its new password")
    except StoreError:
        raise
    except (*sqlite.ERRORS, OSError) as exc:
        raise _error(exc, path) from exc

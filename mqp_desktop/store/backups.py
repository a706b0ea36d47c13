"""Backups of the database file: taking, checking, rotating, listing, restoring; full checks.

**Taking one.** SQLite's online backup API copies the live database page by page from a
connection (never a copy of the file, which could catch a write half-done), a few
hundred pages a step so progress can be shown and the work cancelled. The copy is
written to ``<name>.partial`` (created private to the user, 0600), switched to a plain
rollback journal so reading it later leaves no ``-wal``/``-shm`` beside it, closed,
opened again read-only (with the key when the database is encrypted: the copy is
encrypted with the same password) and checked with ``PRAGMA integrity_check``. Only a
copy that passes is renamed to its final name (names: :mod:`mqp_desktop.domain.backups`);
a copy that fails is removed and the failure raised, never counted as a backup. A crash
at any point leaves at most a ``.partial`` file, which no listing counts and the next
backup removes once it is a day old. Then rotation removes the automatic backups the
retention no longer keeps, and nothing else in the folder.

**Restoring** is in two halves, so the window can close its own connection in between:
:func:`prepare_restore` checks the backup fully, backs up the current file first (or, when
the current file is damaged, copies it aside untouched as ``<stem> <date> <time>
damaged.sqlite``), copies the backup into a temporary file beside the database and
records the restore in that copy's change history; :func:`finish_restore`, once every
connection is closed, makes sure no other program has the file open and renames the
copy over the database (atomic on every platform). A crash before the rename leaves the
database as it was; after it, the restored database, its history saying so.

**Checks.** :func:`check_database` runs ``quick_check``, or ``integrity_check`` and
``foreign_key_check`` (``full``), on a read-only connection: checking never writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mqp_desktop.domain.backups import (
    PARTIAL_SUFFIX,
    SUFFIX,
    BackupKind,
    BackupName,
    backup_due,
    backup_name,
    backups_to_remove,
    parse_backup_name,
)
from mqp_desktop.store import sqlite
from mqp_desktop import APP_NAME
from mqp_desktop.store.backup_settings import BACKUPS_FOLDER, BackupSettings, backup_settings
from mqp_desktop.store.errors import DatabaseCorrupt, DatabaseLocked, StoreError, translate

SQLITE_HEADER = b"SQLite format 3\x00"
STEP_PAGES = 256  # pages copied per step of the online backup (1 MiB at 4 KiB pages)
PARTIAL_MAX_AGE = dt.timedelta(days=1)
MAX_PROBLEMS = 20

Progress = Callable[[int, int], None]  # pages copied, pages in all
Cancelled = Callable[[], bool]


class BackupFailed(StoreError):
    """A backup was not taken (or failed its check and was removed). ``source_damaged``: the database is."""

    source_damaged: bool = False


class BackupCancelled(Exception):
    """The user cancelled a backup or restore; nothing was left behind."""


# --- files and folders -----------------------------------------------------------------------
def _private_folder(folder: Path) -> Path:
    """Create ``folder`` if needed. On POSIX the folders it creates are private (0700), and so are the
    program's own ``MQP Desktop/Backups/<stem>`` folders; a folder the user made keeps its permissions."""
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        err = translate(exc, folder)
        raise BackupFailed(
            f"The backup folder '{folder}' could not be created: {exc.strerror or exc}.",
            (err.remedy if err else "") or "Choose another backup folder (File > Backup settings…, or "
            "'mqp backups --set-folder DIR').",
        ) from exc
    if os.name == "posix":
        ours = list(missing)
        if folder.parent.name == BACKUPS_FOLDER and folder.parent.parent.name == APP_NAME:
            ours += [folder, folder.parent]
        for path in ours:
            with contextlib.suppress(OSError):
                os.chmod(path, 0o700)
    return folder


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def _remove(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            Path(str(path) + suffix).unlink()


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if os.name == "posix":
        _fsync(folder)


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` starts like an ordinary SQLite file (an encrypted one does not)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def key_for(path: Path, key: str | None) -> str | None:
    """The key to read ``path`` with: none for a plain file (a backup taken before encryption)."""
    return None if is_plain_sqlite(path) else key


def size_words(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    return f"{max(1, round(size / 1024))} KiB"


def _problems(conn, pragma: str) -> list[str]:
    rows = conn.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    texts = [str(r[0]) for r in rows]
    return [] if texts == ["ok"] else texts


def integrity_problems(path: Path, key: str | None, *, full: bool = True) -> list[str]:
    """What ``integrity_check`` (``quick_check`` unless ``full``) finds in the file, read-only."""
    try:
        conn = sqlite.connect(str(path), key=key_for(path, key), read_only=True)
    except sqlite.ERRORS as exc:
        return [f"the file cannot be opened ({exc})"]
    try:
        return _problems(conn, "integrity_check" if full else "quick_check")
    except sqlite.ERRORS as exc:
        return [_unreadable(path, key, exc)]
    finally:
        conn.close()


def _unreadable(path: Path, key: str | None, exc: BaseException) -> str:
    if not is_plain_sqlite(path) and key is None:
        return "it is encrypted (or is not a database): it can only be read with its password"
    if not is_plain_sqlite(path) and "not a database" in str(exc).lower():
        return "it cannot be read with this password (another password, or the file is not a database)"
    return f"it cannot be read ({exc})"


# --- taking one --------------------------------------------------------------------------------
@dataclass(frozen=True)
class BackupResult:
    path: Path
    name: BackupName
    size: int
    seconds: float
    removed: tuple[Path, ...] = ()


def _free_name(folder: Path, stem: str, now: dt.datetime, kind: BackupKind) -> tuple[BackupName, Path]:
    n = 1
    while True:
        name = backup_name(stem, now, kind, n)
        path = folder / name.file_name
        if not path.exists() and not Path(str(path) + PARTIAL_SUFFIX).exists():
            return name, path
        n += 1


def back_up(
    source,
    *,
    stem: str,
    folder: Path,
    key: str | None,
    kind: BackupKind = BackupKind.MANUAL,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    retention: tuple[int, int] | None = None,
) -> BackupResult:
    """Back up the database open on ``source`` (a connection) into ``folder``; check it; rotate.

    ``key``: the database's password (the backup is encrypted with it), None when plain.
    ``retention``: (daily, monthly) to rotate the folder's automatic backups after a good
    backup; None to leave them. Raises :class:`BackupFailed` (nothing left behind) or
    :class:`BackupCancelled`.
    """
    started = time.perf_counter()
    now = now or dt.datetime.now()
    folder = _private_folder(Path(folder))
    name, final = _free_name(folder, stem, now, BackupKind(kind))
    partial = Path(str(final) + PARTIAL_SUFFIX)

    def step(_status: int, remaining: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise BackupCancelled()
        if progress is not None:
            progress(total - remaining, total)

    try:
        _create_private_file(partial)
        dest = sqlite.connect(str(partial), key=key)
        try:
            source.backup(dest, pages=STEP_PAGES, progress=step, sleep=0)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        if cancelled is not None and cancelled():
            raise BackupCancelled()
        problems = integrity_problems(partial, key)
        if problems:
            raise _damaged_backup(source, folder, problems)
        _fsync(partial)
        # The size is read before the rename: another copy of the program backing up the same file
        # the same day may prune this backup (the day keeps one) the moment its own is written.
        size = partial.stat().st_size
        os.replace(partial, final)
        _fsync_folder(folder)
    except BaseException as exc:
        _remove(partial)
        if isinstance(exc, (StoreError, BackupCancelled)):
            raise
        if isinstance(exc, (*sqlite.ERRORS, OSError)):
            err = translate(exc, folder)
            raise BackupFailed(
                f"The backup was not taken: {err.problem if err else exc}",
                (err.remedy if err else "") or "Nothing was left half-written. Try again; if it fails again, "
                "check the backup folder (File > Backup settings…).",
            ) from exc
        raise
    removed = prune(folder, stem, *retention) if retention else ()
    return BackupResult(path=final, name=name, size=size,
                        seconds=time.perf_counter() - started, removed=tuple(removed))


def _damaged_backup(source, folder: Path, problems: list[str]) -> BackupFailed:
    try:
        source_problems = _problems(source, "quick_check")
    except sqlite.ERRORS as exc:
        source_problems = [str(exc)]
    if source_problems:
        err = BackupFailed(
            f"The backup failed its check because the database itself is damaged ({source_problems[0]}). "
            "The damaged copy was removed; the backups already taken were kept.",
            "Restore the newest good backup (File > Restore…, or 'mqp restore'), and stop using this file.",
        )
        err.source_damaged = True
        return err
    return BackupFailed(
        f"The backup written to '{folder}' failed its check ({problems[0]}), so it was removed and not counted.",
        "The disk holding the backup folder may be failing: choose another backup folder and try again.",
    )


def back_up_file(
    database: Path,
    *,
    key: str | None,
    kind: BackupKind = BackupKind.MANUAL,
    settings: BackupSettings | None = None,
    folder: Path | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    rotate: bool = True,
) -> BackupResult:
    """Back up the database file at ``database`` on a read-only connection of its own.

    Into ``folder`` when given (no rotation there), else the database's backup folder.
    """
    database = Path(database)
    settings = settings or backup_settings(database)
    try:
        source = sqlite.connect(str(database), key=key, read_only=True)
    except sqlite.ERRORS as exc:
        err = translate(exc, database)
        raise err or BackupFailed(f"'{database}' could not be read for the backup: {exc}.") from exc
    try:
        return back_up(
            source, stem=database.stem, folder=folder or settings.folder, key=key, kind=kind, now=now,
            progress=progress, cancelled=cancelled,
            retention=(settings.keep_daily, settings.keep_monthly) if rotate and folder is None else None,
        )
    finally:
        source.close()


# --- the folder ---------------------------------------------------------------------------------
def list_backups(folder: Path, stem: str) -> list[tuple[Path, BackupName]]:
    """The backups of the database called ``stem`` in ``folder``, newest first (ours only)."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    found = []
    for path in entries:
        name = parse_backup_name(path.name)
        if name is not None and name.stem == stem and path.is_file():
            found.append((path, name))
    found.sort(key=lambda pair: pair[1], reverse=True)
    return found


def prune(folder: Path, stem: str, daily: int, monthly: int, *, now: dt.datetime | None = None) -> list[Path]:
    """Remove the automatic backups of ``stem`` the retention no longer keeps; returns them.

    Also removes this database's ``.partial`` files older than a day (a backup interrupted by a
    crash). Nothing else in the folder is touched.
    """
    backups = list_backups(folder, stem)
    doomed = {name for name in backups_to_remove([n for _p, n in backups], daily, monthly)}
    removed = []
    for path, name in backups:
        if name in doomed:
            try:
                path.unlink()
            except OSError:
                continue
            _remove(path)
            removed.append(path)
    now = now or dt.datetime.now()
    with contextlib.suppress(OSError):
        for path in Path(folder).iterdir():
            if not path.name.endswith(SUFFIX + PARTIAL_SUFFIX):
                continue
            name = parse_backup_name(path.name[: -len(PARTIAL_SUFFIX)])
            if name is None or name.stem != stem:
                continue
            age = now - dt.datetime.fromtimestamp(path.stat().st_mtime)
            if age > PARTIAL_MAX_AGE:
                _remove(path)
    return removed


def automatic_backup_due(settings: BackupSettings, now: dt.datetime | None = None) -> bool:
    return backup_due([n for _p, n in list_backups(settings.folder, settings.stem)], now or dt.datetime.now())


def automatic_backup_if_due(store, *, now: dt.datetime | None = None) -> BackupResult | None:
    """The day's automatic backup of ``store`` (the command line, before its first write)."""
    if store.path is None or store.damaged is not None:
        return None
    settings = backup_settings(store.path)
    now = now or dt.datetime.now()
    if not automatic_backup_due(settings, now):
        return None
    return back_up(store.db.conn, stem=Path(store.path).stem, folder=settings.folder, key=store.key,
                   kind=BackupKind.AUTOMATIC, now=now, retention=(settings.keep_daily, settings.keep_monthly))


# --- what a backup holds ---------------------------------------------------------------------
GOOD, DAMAGED, LOCKED, NOT_OURS, TOO_NEW, UNCHECKED = "good", "damaged", "password", "not ours", "too new", "unchecked"
STATUS_WORDS = {
    GOOD: "good",
    DAMAGED: "damaged",
    LOCKED: "needs its password",
    NOT_OURS: "not an MQ&P database",
    TOO_NEW: "from a newer version",
    UNCHECKED: "not checked",
}


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds."""

    path: Path
    name: BackupName | None
    size: int
    encrypted: bool
    status: str = UNCHECKED
    problem: str = ""
    subcommittee: str = ""
    members: int | None = None  # named members in post
    meetings: int | None = None
    signed_minutes: int | None = None  # meetings whose minutes are signed
    changes: int | None = None
    last_change_at: str = ""
    last_change: str = ""
    schema_version: int | None = None
    identity: str | None = None

    @property
    def good(self) -> bool:
        return self.status == GOOD

    @property
    def taken(self) -> dt.datetime:
        if self.name is not None:
            return self.name.taken
        try:
            return dt.datetime.fromtimestamp(self.path.stat().st_mtime).replace(microsecond=0)
        except OSError:
            return dt.datetime.min

    @property
    def kind(self) -> BackupKind | None:
        return self.name.kind if self.name else None

    def holds(self) -> str:
        """What it holds, in a line: 'members 29, meetings 120, signed minutes 60'."""
        if self.members is None:
            return ""
        return (f"{self.members} member{'s' if self.members != 1 else ''}, {self.meetings or 0} meeting"
                f"{'s' if self.meetings != 1 else ''}, {self.signed_minutes or 0} signed minutes")

    def last_change_words(self) -> str:
        if not self.last_change_at:
            return ""
        when = self.last_change_at[:16].replace("T", " ")
        return f"{when}: {self.last_change}"


def _count(conn, tables: set[str], table: str, sql: str) -> int | None:
    return conn.execute(sql).fetchone()[0] if table in tables else None


def inspect_backup(path: Path, key: str | None, *, check: str | None = "quick") -> BackupInfo:
    """What the backup at ``path`` holds, and (``check`` = "quick" or "full") whether it is sound."""
    from mqp_desktop.store import schema_names as schema

    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return BackupInfo(path=path, name=parse_backup_name(path.name), size=0, encrypted=False, status=DAMAGED,
                          problem=f"it cannot be read ({exc.strerror or exc})")
    base = dict(path=path, name=parse_backup_name(path.name), size=size, encrypted=not is_plain_sqlite(path))
    try:
        conn = sqlite.connect(str(path), key=key_for(path, key), read_only=True)
    except sqlite.ERRORS as exc:
        return BackupInfo(**base, status=DAMAGED, problem=f"it cannot be opened ({exc})")
    try:
        try:
            if check is not None:
                problems = _problems(conn, "integrity_check" if check == "full" else "quick_check")
                if problems:
                    return BackupInfo(**base, status=DAMAGED, problem="; ".join(problems[:3]))
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite.ERRORS as exc:
            locked = base["encrypted"] and "not a database" in str(exc).lower()
            return BackupInfo(**base, status=LOCKED if locked else DAMAGED, problem=_unreadable(path, key, exc))
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != schema.APPLICATION_ID and "_sqlite_migrations" not in tables:
            return BackupInfo(**base, status=NOT_OURS, problem="it is not an MQ&P Desktop database")
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                                              [schema.MIGRATION_SET])] if "_sqlite_migrations" in tables else []
        unknown = [n for n in applied if n not in schema.KNOWN_MIGRATIONS]
        today = dt.date.today().isoformat()
        last = conn.execute("SELECT at, summary FROM change_log ORDER BY id DESC LIMIT 1").fetchone() \
            if "change_log" in tables else None
        info = dict(
            subcommittee=(conn.execute("SELECT name FROM subcommittee ORDER BY id LIMIT 1").fetchone() or [""])[0]
            if "subcommittee" in tables else "",
            members=_count(conn, tables, "member",
                           "SELECT count(*) FROM member WHERE name <> '' AND (end_date IS NULL OR end_date >= "
                           f"'{today}')"),
            meetings=_count(conn, tables, "meeting", "SELECT count(*) FROM meeting"),
            signed_minutes=_count(conn, tables, "minutes_revision",
                                  "SELECT count(DISTINCT meeting_id) FROM minutes_revision WHERE status = 'signed'"),
            changes=_count(conn, tables, "change_log", "SELECT count(*) FROM change_log"),
            last_change_at=last[0] if last else "",
            last_change=last[1] if last else "",
            schema_version=len(applied),
            identity=(conn.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone() or [None])[0]
            if "database_identity" in tables else None,
        )
        if unknown:
            return BackupInfo(**base, **info, status=TOO_NEW,
                              problem="it was made by a newer version of MQ&P Desktop")
        return BackupInfo(**base, **info, status=GOOD if check is not None else UNCHECKED)
    except sqlite.ERRORS as exc:
        return BackupInfo(**base, status=DAMAGED, problem=f"it cannot be read ({exc})")
    finally:
        conn.close()


def backups_of(database: Path, key: str | None, *, check: str | None = "quick",
               settings: BackupSettings | None = None) -> list[BackupInfo]:
    """Every backup of ``database`` in its backup folder, newest first, inspected."""
    settings = settings or backup_settings(database, claim=False)
    return [inspect_backup(path, key, check=check) for path, _name in list_backups(settings.folder, settings.stem)]


def newest_good_backup(database: Path, key: str | None, *, settings: BackupSettings | None = None) -> BackupInfo | None:
    """The newest backup of ``database`` that passes ``integrity_check`` (checked newest first)."""
    settings = settings or backup_settings(database, claim=False)
    for path, _name in list_backups(settings.folder, settings.stem):
        info = inspect_backup(path, key, check="full")
        if info.good:
            return info
    return None


# --- checking the database ---------------------------------------------------------------------
@dataclass(frozen=True)
class CheckResult:
    path: Path
    full: bool
    integrity: tuple[str, ...] = ()
    foreign_keys: tuple[str, ...] = ()
    seconds: float = 0.0
    size: int = 0

    @property
    def ok(self) -> bool:
        return not self.integrity and not self.foreign_keys

    def passed_words(self) -> str:
        what = ("The full check (every page, every index, and every reference between records)" if self.full
                else "The quick check (the file's structure)")
        return f"{what} passed on {size_words(self.size)} in {self.seconds:.1f} s."

    def words(self) -> str:
        what = ("the full check (every page, every index, and every reference between records)" if self.full
                else "the quick check (the file's structure)")
        if self.ok:
            return f"No problems found. {self.passed_words()}"
        lines = [f"Problems found by {what}:"]
        lines += [f"  {p}" for p in self.integrity]
        if self.foreign_keys:
            lines.append("References to records that do not exist:")
            lines += [f"  {p}" for p in self.foreign_keys]
        return "\n".join(lines)


def check_database(
    path: Path, key: str | None, *, full: bool = False, cancelled: Cancelled | None = None
) -> CheckResult:
    """``quick_check``, or with ``full`` ``integrity_check`` and ``foreign_key_check``, read-only.

    ``cancelled`` is asked every few thousand steps of SQLite's work; when it answers True the
    check stops with :class:`BackupCancelled`.
    """
    path = Path(path)
    started = time.perf_counter()
    if not path.is_file():
        raise StoreError(f"There is no database at '{path}'.", "Check the path (--db).")
    size = path.stat().st_size
    try:
        conn = sqlite.connect(str(path), key=key_for(path, key), read_only=True)
    except sqlite.ERRORS as exc:
        return CheckResult(path, full, (_unreadable(path, key, exc),), (), time.perf_counter() - started, size)
    if cancelled is not None:
        conn.set_progress_handler(lambda: 1 if cancelled() else 0, 10000)
    try:
        try:
            integrity = _problems(conn, "integrity_check" if full else "quick_check")
            size = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
        except sqlite.ERRORS as exc:
            if cancelled is not None and cancelled():
                raise BackupCancelled() from exc
            return CheckResult(path, full, (_unreadable(path, key, exc),), (), time.perf_counter() - started, size)
        keys: list[str] = []
        if full and not integrity:
            try:
                for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchmany(MAX_PROBLEMS):
                    keys.append(f"{table} {rowid} refers to a missing {parent}")
            except sqlite.ERRORS as exc:
                if cancelled is not None and cancelled():
                    raise BackupCancelled() from exc
                keys.append(f"the references could not be checked ({exc})")
        return CheckResult(path, full, tuple(integrity), tuple(keys), time.perf_counter() - started, size)
    finally:
        conn.close()


# --- restoring ----------------------------------------------------------------------------------
@dataclass
class PreparedRestore:
    database: Path
    temp: Path
    backup: BackupInfo
    key: str | None  # the key the restored database opens with (the backup's own)
    current_key: str | None = None  # the key of the database being replaced
    before: BackupResult | None = None  # the current database as it was, backed up first
    damaged_copy: Path | None = None  # when the current file was damaged: its copy, untouched
    notes: list[str] = field(default_factory=list)


def _refusal(info: BackupInfo) -> StoreError:
    what = f"'{info.path.name}'"
    if info.status == LOCKED:
        return StoreError(f"The backup {what} is encrypted and cannot be read with this password.",
                          "Open the database with the password it had when the backup was taken.")
    if info.status == NOT_OURS:
        return StoreError(f"{what} is not an MQ&P Desktop database, so it was not restored.",
                          "Choose one of the program's backups (ending .mqpbackup.sqlite).")
    if info.status == TOO_NEW:
        return StoreError(f"The backup {what} was made by a newer version of MQ&P Desktop.",
                          "Install the newer version to restore it. Nothing was changed.")
    return DatabaseCorrupt(f"The backup {what} is damaged ({info.problem}), so it was not restored.",
                           "Choose an older backup. Nothing was changed.")


def _current_state(database: Path, key: str | None) -> tuple[bool, str | None, str]:
    """(readable and sound, its identity, the problem) of the database about to be replaced."""
    if not database.exists() or database.stat().st_size == 0:
        return False, None, ""
    problems = integrity_problems(database, key, full=False)
    if problems:
        return False, None, problems[0]
    try:
        conn = sqlite.connect(str(database), key=key_for(database, key), read_only=True)
        try:
            row = conn.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite.ERRORS:
        row = None
    return True, row[0] if row else None, ""


def _copy_damaged(database: Path, folder: Path, now: dt.datetime) -> Path:
    """Copy a damaged (or unreadable) database and its -wal aside, byte for byte, before it is replaced."""
    folder = _private_folder(folder)
    base = f"{database.stem} {now:%Y-%m-%d %H%M%S} damaged"
    target = folder / f"{base}.sqlite"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base} {n}.sqlite"
    try:
        for suffix in ("", "-wal"):
            src = Path(str(database) + suffix)
            if src.exists():
                dst = Path(str(target) + suffix)
                _create_private_file(dst)
                shutil.copyfile(src, dst)
    except OSError as exc:
        _remove(target)
        err = translate(exc, folder)
        raise BackupFailed(f"The damaged database could not be copied aside before the restore: "
                           f"{err.problem if err else exc}", "Nothing was changed. Free some space or choose "
                           "another backup folder, then try again.") from exc
    return target


def prepare_restore(
    database: Path,
    backup: Path,
    *,
    key: str | None,
    settings: BackupSettings | None = None,
    now: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    allow_other_database: bool = False,
) -> PreparedRestore:
    """Everything a restore needs before the database is closed (see the module's docstring).

    Nothing is changed in the database itself. Raises :class:`StoreError` when the backup is
    not fit, or the current database could not be backed up first.
    """
    database = Path(database).expanduser()
    backup = Path(backup).expanduser()
    settings = settings or backup_settings(database)
    now = now or dt.datetime.now()
    if backup.resolve() == database.resolve():
        raise StoreError("That is the database itself, not a backup of it.", "Choose one of its backups.")
    info = inspect_backup(backup, key, check="full")
    if not info.good:
        raise _refusal(info)
    sound, identity, problem = _current_state(database, key)
    if sound and identity and info.identity and identity != info.identity and not allow_other_database:
        raise StoreError(
            f"'{backup.name}' is a backup of another database ('{info.subcommittee}'), not of '{database.name}'.",
            "Open it with File > Open (or --db) instead, or, to replace this database with it (a new computer's "
            "fresh database), use Restore another file… (or 'mqp restore --other-database'). Nothing was changed.",
        )
    try:
        database.parent.mkdir(parents=True, exist_ok=True)  # restoring onto a new computer
    except OSError as exc:
        err = translate(exc, database.parent)
        raise err or StoreError(f"The folder '{database.parent}' cannot be created.") from exc
    prepared = PreparedRestore(database=database, temp=database.with_name(f".{database.name}.restoring-{os.getpid()}"),
                               backup=info, key=key_for(backup, key), current_key=key)
    if sound:
        prepared.before = back_up_file(database, key=key, kind=BackupKind.BEFORE_RESTORE, settings=settings,
                                       now=now, progress=progress, cancelled=cancelled, rotate=False)
    elif database.exists() and database.stat().st_size > 0:
        prepared.damaged_copy = _copy_damaged(database, settings.folder, now)
        prepared.notes.append(f"the database was damaged ({problem}); it was copied aside untouched")
    try:
        _remove(prepared.temp)
        _create_private_file(prepared.temp)
        source = sqlite.connect(str(backup), key=prepared.key, read_only=True)
        try:
            dest = sqlite.connect(str(prepared.temp), key=prepared.key)
            try:
                def step(_status: int, remaining: int, total: int) -> None:
                    if cancelled is not None and cancelled():
                        raise BackupCancelled()
                    if progress is not None:
                        progress(total - remaining, total)

                source.backup(dest, pages=STEP_PAGES, progress=step, sleep=0)
                dest.execute("PRAGMA journal_mode = DELETE")  # one file until it is opened as the database
            finally:
                dest.close()
        finally:
            source.close()
        _record_restore(prepared, now)
        problems = integrity_problems(prepared.temp, prepared.key)
        if problems:
            raise BackupFailed(f"The copy of the backup failed its check ({problems[0]}), so nothing was restored.",
                               "The disk may be failing; try again, or restore another backup.")
        _fsync(prepared.temp)
    except BaseException as exc:
        abandon_restore(prepared)
        if isinstance(exc, (*sqlite.ERRORS, OSError)):
            err = translate(exc, database.parent)
            raise BackupFailed(f"The backup could not be copied beside the database: {err.problem if err else exc}",
                               (err.remedy if err else "") or "Nothing was changed.") from exc
        raise
    return prepared


def _record_restore(prepared: PreparedRestore, now: dt.datetime) -> None:
    """The restore, in the restored copy's own change history (before it takes the database's place)."""
    from mqp_desktop.store.database import Database

    from mqp_desktop.store.store import Store

    info = prepared.backup
    kept = (prepared.before.path.name if prepared.before
            else prepared.damaged_copy.name if prepared.damaged_copy else "")
    summary = f"Restored the backup '{info.path.name}' (taken {info.taken:%d/%m/%Y %H:%M})"
    if prepared.before is not None:
        summary += f"; the database as it was is kept as the backup '{kept}' (restore it to undo this)"
    elif prepared.damaged_copy is not None:
        summary += f"; the damaged database was copied aside as '{kept}'"
    conn = sqlite.connect(str(prepared.temp), key=prepared.key)
    store = Store(Database(conn), prepared.temp, key=prepared.key)
    try:
        with store.write():
            store.record("database", None, "restored", summary, {
                "backup": [None, info.path.name],
                "kept_as": [None, kept or None],
                "restored_at": [None, now.replace(microsecond=0).isoformat()],
            })
    finally:
        conn.close()


def abandon_restore(prepared: PreparedRestore) -> None:
    """Remove the prepared copy (the database was never touched)."""
    _remove(prepared.temp)


@contextlib.contextmanager
def _nobody_else(database: Path, key: str | None) -> Iterator[None]:
    """Fail with DatabaseLocked when another connection (another program, another window) has the file."""
    if not database.exists():
        yield
        return
    try:
        probe = sqlite.connect(str(database), key=key_for(database, key), timeout=0.2)
    except sqlite.ERRORS:
        yield
        return
    try:
        try:
            probe.execute("PRAGMA locking_mode = EXCLUSIVE")
            probe.execute("BEGIN EXCLUSIVE")
            probe.execute("COMMIT")
        except sqlite.ERRORS as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise DatabaseLocked(
                    f"'{database}' is open in another copy of MQ&P Desktop or another program, so it was not replaced.",
                    "Close the other copy, then restore again. Nothing was changed.",
                ) from exc
            # a damaged or unreadable file: nobody can be using it; it is replaced as it is
    finally:
        probe.close()
    yield


def finish_restore(prepared: PreparedRestore) -> Path:
    """Put the prepared copy in the database's place. Every connection to it must be closed first."""
    database = prepared.database
    try:
        with _nobody_else(database, prepared.current_key):
            for suffix in ("-wal", "-shm", "-journal"):
                Path(str(database) + suffix).unlink(missing_ok=True)
            os.replace(prepared.temp, database)
            _fsync_folder(database.parent)
            _remove(prepared.temp)  # any journal the copy's own connections left
    except DatabaseLocked:
        abandon_restore(prepared)
        raise
    except OSError as exc:
        abandon_restore(prepared)
        err = translate(exc, database)
        raise err or StoreError(f"'{database}' could not be replaced: {exc}.", "Nothing was changed.") from exc
    return database


def restore(database: Path, backup: Path, *, key: str | None, **kwargs) -> PreparedRestore:
    """Prepare and finish a restore (the command line: no connection of ours is open)."""
    prepared = prepare_restore(database, backup, key=key, **kwargs)
    finish_restore(prepared)
    return prepared


def find_backup(text: str, database: Path, settings: BackupSettings | None = None) -> Path:
    """A backup named on the command line: a path, or a file name in the database's backup folder."""
    given = Path(text).expanduser()
    if given.is_file():
        return given
    settings = settings or backup_settings(database, claim=False)
    candidate = settings.folder / text
    if candidate.is_file():
        return candidate
    raise StoreError(f"There is no backup '{text}'.", f"Give a path, or a file name listed by 'mqp backups' "
                                                       f"(in {settings.folder}).")


__all__ = [
    "BackupCancelled",
    "BackupFailed",
    "BackupInfo",
    "BackupResult",
    "CheckResult",
    "PreparedRestore",
    "abandon_restore",
    "automatic_backup_due",
    "automatic_backup_if_due",
    "back_up",
    "back_up_file",
    "backups_of",
    "check_database",
    "finish_restore",
    "inspect_backup",
    "list_backups",
    "newest_good_backup",
    "prepare_restore",
    "prune",
    "restore",
]

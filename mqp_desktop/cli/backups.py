"""``mqp backup``, ``backups``, ``restore`` and ``check``: the database's copies and its health.

The automatic backup of the command line: before the first write a command makes (never
for a command that only reads), when no backup of the database was taken that day, one is
taken (see :func:`automatic_backup_hook`, set on every store ``opened_store`` opens). Reads
never back up; a day of scripted writes makes one backup. A damaged file is never written
to: when the backup finds the database damaged, the write is refused.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mqp_desktop.cli.common import CliError, database_path, opened_store
from mqp_desktop.cli.output import emit_json, fields, table
from mqp_desktop.domain.backups import KEEP_DAILY, KEEP_MONTHLY, BackupKind, describe_age
from mqp_desktop.store.errors import DatabaseCorrupt, StoreError


def database_key(args: argparse.Namespace) -> str | None:
    """The password of an encrypted database given on the command line (None: a plain database).

    Commands that open the database use the opened store's key; these (which must work when the
    database cannot be opened) take it from here.
    """
    return getattr(args, "key", None)


def _quoted(path: Path | str) -> str:
    text = str(path)
    return f'"{text}"' if any(c in text for c in " '\"&()") else text


def restore_hint(database: Path, key: str | None) -> str:
    """' The newest good backup is ...: run ...' (or '' when there is none)."""
    from mqp_desktop.store.backups import newest_good_backup

    try:
        newest = newest_good_backup(database, key)
    except (StoreError, OSError):
        return ""
    if newest is None:
        return ""
    import datetime as dt

    return (f" The newest good backup is '{newest.path.name}' (taken {describe_age(newest.taken, dt.datetime.now())},"
            f" in {newest.path.parent}): run 'mqp restore {_quoted(newest.path)} --db {_quoted(database)}'"
            " to put it back (the damaged file is kept aside).")


def error_with_hint(exc: StoreError, database: Path | None, args: argparse.Namespace) -> str:
    """A damaged database's error, naming the newest good backup and the command that restores it."""
    if isinstance(exc, DatabaseCorrupt) and database is not None and Path(database).is_file():
        hint = restore_hint(Path(database), database_key(args))
        return f"{exc.problem}{hint}" if hint else exc.message
    return exc.message


def automatic_backup_hook(store) -> None:
    """``Store.before_first_write`` for the command line: the day's automatic backup, if due."""
    from mqp_desktop import paths
    from mqp_desktop.store.backups import BackupFailed, automatic_backup_if_due

    if store.path is None or Path(store.path).resolve() == paths.demo_database_path().resolve():
        return  # the demo is made afresh: its backups would only fill the folder
    try:
        automatic_backup_if_due(store)
    except BackupFailed as exc:
        if exc.source_damaged:
            store.damaged = DatabaseCorrupt(
                f"'{store.path}' is damaged, so nothing was written to it. {exc.problem}", exc.remedy)
            raise store.damaged from exc
        print(f"mqp: warning: the automatic backup of the day was not taken: {' '.join(exc.message.split())}"
              " The change itself goes ahead.", file=sys.stderr)


def _progress(label: str):
    """A percentage on stderr while a long copy runs, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        print(f"\r{label}: {percent}%", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


# --- mqp backup ------------------------------------------------------------------------------
def cmd_backup(args: argparse.Namespace) -> int:
    from mqp_desktop.store.backup_settings import backup_settings
    from mqp_desktop.store.backups import back_up, size_words

    path = database_path(args)
    args.resolved_db = path
    if not path.is_file():
        raise CliError(f"There is no database at '{path}' to back up.")
    with opened_store(args) as store:
        settings = backup_settings(path)
        folder = Path(args.to).expanduser() if args.to else settings.folder
        result = back_up(store.db.conn, stem=path.stem, folder=folder, key=store.key, kind=BackupKind.MANUAL,
                         progress=_progress("Backing up"),
                         retention=None if args.to else (settings.keep_daily, settings.keep_monthly))
    print(f"Backed up {path.name} to {result.path}")
    print(f"  {size_words(result.size)}, checked (integrity_check: ok), in {result.seconds:.2f} s"
          + ("; encrypted with the database's password." if store.key else "."))
    if result.removed:
        n = len(result.removed)
        print(f"  Rotation removed {n} older automatic backup{'s' if n != 1 else ''}"
              f" (keeping {settings.keep_daily} daily and {settings.keep_monthly} monthly).")
    return 0


# --- mqp backups -----------------------------------------------------------------------------
def _record(info) -> dict:
    from mqp_desktop.store.backups import STATUS_WORDS

    return {
        "file": info.path.name,
        "path": str(info.path),
        "taken": info.taken.isoformat(),
        "kind": info.kind.value if info.kind else None,
        "size": info.size,
        "integrity": info.status,
        "integrity_words": STATUS_WORDS.get(info.status, info.status),
        "problem": info.problem or None,
        "encrypted": info.encrypted,
        "subcommittee": info.subcommittee or None,
        "members": info.members,
        "meetings": info.meetings,
        "signed_minutes": info.signed_minutes,
        "changes": info.changes,
        "last_change_at": info.last_change_at or None,
        "last_change": info.last_change or None,
        "schema_version": info.schema_version,
    }


def cmd_backups(args: argparse.Namespace) -> int:
    from mqp_desktop.store.backup_settings import backup_settings, save_backup_settings
    from mqp_desktop.store.backups import STATUS_WORDS, backups_of, size_words

    path = database_path(args)
    args.resolved_db = path
    if args.set_folder and args.default_folder:
        raise CliError("--set-folder and --default-folder: give one or the other.")
    changing = args.set_folder or args.default_folder or args.keep_daily is not None or args.keep_monthly is not None
    if changing:
        settings = save_backup_settings(path, folder=args.set_folder, default_folder=args.default_folder,
                                        keep_daily=args.keep_daily, keep_monthly=args.keep_monthly)
        if not args.json:
            print(f"Backups of {path.name} now go to {settings.folder}"
                  f"{' (the default)' if not settings.custom else ''}, keeping {settings.keep_daily} daily and "
                  f"{settings.keep_monthly} monthly automatic backups. Backups already taken stay where they are.")
    else:
        settings = backup_settings(path, claim=False)
    infos = backups_of(path, database_key(args), check="full" if args.full else "quick", settings=settings)
    if args.json:
        emit_json([_record(i) for i in infos])
        return 0
    if changing:
        print()
    print(fields([
        ("Database", str(path)),
        ("Backup folder", f"{settings.folder}{'' if settings.custom else ' (the default)'}"),
        ("Kept", f"{settings.keep_daily} daily and {settings.keep_monthly} monthly automatic backups; "
                 "those taken by you or before a restore until you delete them"),
    ]))
    if not infos:
        print("\nNo backups yet: 'mqp backup' takes one now.")
        return 0
    rows = [[i.path.name, f"{i.taken:%Y-%m-%d %H:%M}", i.kind.words if i.kind else "", size_words(i.size),
             STATUS_WORDS.get(i.status, i.status) + (f": {i.problem}" if i.problem and not i.good else ""),
             "" if i.members is None else i.members, "" if i.meetings is None else i.meetings,
             "" if i.signed_minutes is None else i.signed_minutes, i.last_change_words()]
            for i in infos]
    print()
    print(table(["File", "Taken", "Kind", "Size", "Check", "Members", "Meetings", "Signed minutes", "Last change"],
                rows, max_widths={"File": 60, "Check": 40, "Last change": 60},
                right=("Size", "Members", "Meetings", "Signed minutes")))
    bad = sum(not i.good for i in infos)
    print(f"\n{len(infos)} backup{'s' if len(infos) != 1 else ''}"
          + (f", {bad} of them not usable (see Check)." if bad else ", all good."))
    return 0


# --- mqp restore -----------------------------------------------------------------------------
def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise CliError("restore replaces the database: add --yes to confirm (the current file is backed up first).")
    answer = input(f"{question} [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def cmd_restore(args: argparse.Namespace) -> int:
    import datetime as dt

    from mqp_desktop.store import Store
    from mqp_desktop.store.backups import find_backup, inspect_backup, newest_good_backup, restore

    path = database_path(args)
    args.resolved_db = path
    key = database_key(args)
    if args.backup in ("newest", "latest"):
        newest = newest_good_backup(path, key)
        if newest is None:
            raise CliError(f"There is no good backup of '{path}' to restore ('mqp backups' lists them).")
        backup = newest.path
    else:
        backup = find_backup(args.backup, path)
    info = inspect_backup(backup, key, check=None)
    now = dt.datetime.now()
    if not args.yes and not _confirm(
        f"Replace {path} with the backup taken {describe_age(info.taken, now)}"
        + (f" ({info.holds()})" if info.holds() else "") + "?"
    ):
        print("Nothing was changed.")
        return 1
    prepared = restore(path, backup, key=key, progress=_progress("Restoring"), allow_other_database=args.other_database)
    with Store.open(path, key=prepared.key):
        pass  # opens (and, for an older backup, migrates) the restored file
    print(f"Restored {path} from {backup.name} (taken {describe_age(prepared.backup.taken, now)}).")
    if prepared.backup.holds():
        print(f"  It holds {prepared.backup.holds()}.")
    if prepared.before is not None:
        print(f"  The database as it was is kept as {prepared.before.path}")
        print(f"  To undo: mqp restore {_quoted(prepared.before.path)} --db {_quoted(path)}")
    if prepared.damaged_copy is not None:
        print(f"  The damaged database was copied aside, untouched, to {prepared.damaged_copy}")
    return 0


# --- mqp check -------------------------------------------------------------------------------
def cmd_check(args: argparse.Namespace) -> int:
    from mqp_desktop.store.backups import check_database

    path = database_path(args)
    args.resolved_db = path
    result = check_database(path, database_key(args), full=args.full)
    if args.json:
        emit_json({"path": str(path), "full": result.full, "ok": result.ok, "integrity": list(result.integrity),
                   "foreign_keys": list(result.foreign_keys), "seconds": round(result.seconds, 3)})
        return 0 if result.ok else 1
    print(f"{path}")
    print(result.words())
    if not result.ok:
        hint = restore_hint(path, database_key(args))
        print("\nThe program will not write to this file." + (hint or
              " There is no good backup of it in its backup folder ('mqp backups')."), file=sys.stderr)
        return 1
    if not args.full:
        print("For the full check (every page and index, and every reference between records): mqp check --full")
    return 0


BACKUPS_KEYS = """\
JSON (--json): an array of objects, newest first, with the keys
  file, path, taken (ISO date and time), kind (automatic | manual | before-restore),
  size (bytes), integrity (good | damaged | password | not ours | too new),
  integrity_words, problem (or null), encrypted, subcommittee, members (named, in
  post), meetings, signed_minutes (meetings with signed minutes), changes (history
  entries), last_change_at, last_change (its summary), schema_version."""


def add_parsers(commands, new_parser) -> None:
    p = new_parser(commands, "backup", "back up the database now (checked, private to you)",
                   "Back up the database with SQLite's online backup API into its backup folder (or --to DIR),\n"
                   "check the copy with integrity_check, and rotate the automatic backups. A backup of an\n"
                   "encrypted database is encrypted with the same password.\n\n"
                   "Automatic backups are also taken when the desktop program opens a database, once a day\n"
                   "while it is open, and before the first change a command makes on a day without one.",
                   "examples:\n  mqp backup\n  mqp backup --to /media/usb/mqp-backups")
    p.add_argument("--to", metavar="DIR", help="a one-off backup into DIR (the backup folder and its rotation "
                                               "are left alone)")
    p.set_defaults(func=cmd_backup)

    p = new_parser(commands, "backups", "list the database's backups; change their folder and how many are kept",
                   "List the backups of the database in its backup folder, newest first: when each was taken,\n"
                   "why, its size, whether it passes the check, and what it holds. Options change where backups\n"
                   f"go and how many automatic ones are kept (default {KEEP_DAILY} daily and {KEEP_MONTHLY} monthly;"
                   " the desktop\nprogram's File > Backup settings… is the same setting).",
                   BACKUPS_KEYS + "\n\nexamples:\n  mqp backups\n  mqp backups --json\n"
                   "  mqp backups --set-folder ~/OneDrive/mqp-backups --keep-daily 30\n  mqp backups --default-folder")
    p.add_argument("--full", action="store_true", help="check each backup with integrity_check (default: quick_check)")
    p.add_argument("--set-folder", metavar="DIR", help="send this database's backups to DIR from now on")
    p.add_argument("--default-folder", action="store_true", help="send them to the default folder again")
    p.add_argument("--keep-daily", type=int, metavar="N",
                   help=f"automatic backups kept, one a day (default {KEEP_DAILY})")
    p.add_argument("--keep-monthly", type=int, metavar="N",
                   help=f"and one a month, before those (default {KEEP_MONTHLY})")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_backups)

    p = new_parser(commands, "restore", "put a backup back in the database's place (backs up the current file first)",
                   "Replace the database with a backup. The backup is checked fully first; the database as it\n"
                   "is now is backed up first (so the restore can be undone by restoring that backup), or,\n"
                   "when it is damaged, copied aside untouched. The restore is recorded in the restored\n"
                   "database's change history.",
                   "examples:\n  mqp restore newest --yes\n"
                   "  mqp restore \"mqp 2026-12-06 093015 automatic.mqpbackup.sqlite\"\n"
                   "  mqp restore /media/usb/mqp-backups/mqp\\ 2026-12-01\\ 170000\\ manual.mqpbackup.sqlite")
    p.add_argument("backup", metavar="BACKUP",
                   help="a backup file: a path, a file name listed by 'mqp backups', or 'newest' (the newest good one)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--other-database", action="store_true",
                   help="allow a backup of another database (e.g. onto a new computer's fresh database)")
    p.set_defaults(func=cmd_restore)

    p = new_parser(commands, "check", "check the database file for damage",
                   "Check the database file without changing it: PRAGMA quick_check (the file's structure), or\n"
                   "with --full integrity_check (every page and index) and foreign_key_check (every reference\n"
                   "between records points to a record that exists). Exit status 1 when problems are found,\n"
                   "naming the newest good backup.",
                   "JSON (--json): {path, full, ok, integrity [problems], foreign_keys [problems], seconds}\n\n"
                   "examples:\n  mqp check\n  mqp check --full")
    p.add_argument("--full", action="store_true", help="integrity_check and foreign_key_check (slower)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_check)

"""What every command shares: the database it works on, the errors it reports,
and turning what was typed into domain values.

Bad input raises :class:`CliError`, :class:`~mqp_desktop.domain.validation.ValidationError`
or a :class:`~mqp_desktop.store.errors.StoreError`; ``main`` prints it as one
line on stderr and exits with status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from mqp_desktop.domain.model import Agency, PartnerClass
from mqp_desktop.domain.validation import ValidationError, parse_date
from mqp_desktop.store import PasswordNeeded, Store, WrongPassword
from mqp_desktop.store.sync_folders import sync_folder


class CliError(Exception):
    """Input the user can correct: reported as ``mqp: error: <message>``, exit status 1."""


DB_HELP = (
    "the database file to use (default: mqp.sqlite in your user data folder; "
    "'mqp info' shows where). A file that does not exist yet is created and "
    "filled from the default template."
)


def database_path(args: argparse.Namespace) -> Path:
    """The ``--db`` file, or the GUI's default database.

    ``mqp_desktop.paths`` loads QtCore for ``QStandardPaths``; it is only asked
    when no ``--db`` was given, so scripts that always pass ``--db`` never load Qt.
    """
    given = getattr(args, "db", None)
    if given:
        return Path(given).expanduser()
    from mqp_desktop import paths

    return paths.default_database_path()


PASSWORD_ENV = "MQP_PASSWORD"
PASSWORD_FILE_HELP = (
    "for an encrypted database: a file whose first line is its password (else the environment "
    f"variable {PASSWORD_ENV}, else you are asked when the command runs in a terminal)"
)
PASSWORD_TRIES = 3


def read_password_file(name: str, option: str) -> str:
    """The first line of the file ``name`` (without its line ending), for ``option``."""
    path = Path(name).expanduser()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise CliError(f"{option}: '{path}' could not be read ({reason}): give a text file whose first line is "
                       "the password.") from exc
    password = text.splitlines()[0] if text else ""
    if not password:
        raise CliError(f"{option}: '{path}' is empty: its first line must be the password.")
    return password


def interactive() -> bool:
    """True when a person can be asked (stdin is a terminal)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def current_password(args: argparse.Namespace, path: Path, *, ask: bool = True) -> str:
    """The password of the encrypted database at ``path``: --password-file, MQP_PASSWORD, or asked."""
    given = getattr(args, "password_file", None)
    if given:
        return read_password_file(given, "--password-file")
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if ask and interactive():
        return getpass.getpass(f"Password for {path.name}: ")
    raise PasswordNeeded(
        f"'{path}' is encrypted with a password, or is not a database at all (the two look the same without "
        "the password).",
        f"Give its password with --password-file FILE or the environment variable {PASSWORD_ENV}, or run the "
        "command in a terminal to be asked for it.",
    )


def password_given(args: argparse.Namespace) -> bool:
    """True when the password comes from --password-file or MQP_PASSWORD (so asking again is useless)."""
    return bool(getattr(args, "password_file", None) or os.environ.get(PASSWORD_ENV))


def with_password(args: argparse.Namespace, path: Path, open_with: Callable[[str | None], Store]) -> Store:
    """``open_with(password)``: None for a plain file; for an encrypted one the password, asked again
    (up to three times) when it was typed wrong in a terminal."""
    from mqp_desktop.store.connection import is_encrypted

    if not is_encrypted(path):
        return open_with(None)
    tries = 1 if password_given(args) or not interactive() else PASSWORD_TRIES
    for attempt in range(1, tries + 1):
        try:
            return open_with(current_password(args, path))
        except WrongPassword:
            if attempt == tries:
                raise
            print("The password is not right; try again.", file=sys.stderr)
    raise AssertionError("unreachable")  # pragma: no cover


@contextlib.contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[Store]:
    """The database named by ``--db``, created and seeded on first use (as the GUI does).

    An encrypted one is opened with its password (see :func:`current_password`).
    """
    from mqp_desktop.store.seed import open_store

    path = database_path(args)
    args.resolved_db = path  # so main() can name the file in an error
    store = with_password(args, path, lambda key: open_store(path, key=key))
    store.before_first_write = _automatic_backup  # the day's backup, before a command's first change
    warn_about_sync_folder(store)
    try:
        yield store
    finally:
        store.close()


def _automatic_backup(store: Store) -> None:
    """:func:`mqp_desktop.cli.backups.automatic_backup_hook`, imported only when a command writes."""
    from mqp_desktop.cli.backups import automatic_backup_hook

    automatic_backup_hook(store)


def warn_about_sync_folder(store: Store) -> None:
    """A database in a OneDrive, Dropbox, iCloud or Google Drive folder (or on a network share):
    one line on stderr before the command's first write (``mqp info`` says it in full), then
    whatever else was to happen before it (the day's backup)."""
    found = sync_folder(store.path)
    if found is None:
        return
    then = store.before_first_write

    def warn(s: Store) -> None:
        print(f"mqp: warning: {found.short_warning}", file=sys.stderr)
        if then is not None:
            then(s)

    store.before_first_write = warn


@contextlib.contextmanager
def editing_store(args: argparse.Namespace, *, writes: bool = True) -> Iterator[Store]:
    """As :func:`opened_store`, for a command that reads records and then changes them: the whole
    command is one transaction begun with the write lock (``BEGIN IMMEDIATE``), so what it read
    cannot be changed by another copy of the program before it writes (it waits for the other
    copy's save instead), and nothing it does is half-saved. ``writes=False``: a plain read."""
    with opened_store(args) as store:
        if not writes:
            yield store
            return
        with store.write():
            yield store


def date_option(value: str | None, option: str) -> dt.date | None:
    """A date typed as YYYY-MM-DD or DD/MM/YYYY; ``""`` clears (None)."""
    return parse_date(value, option)


def today() -> dt.date:
    return dt.date.today()


def resolve_agency(store: Store, text: str, option: str = "--agency") -> Agency:
    """An agency by id, name or short name (case-insensitive)."""
    agency = store.find_agency(text)
    if agency is None:
        known = ", ".join(f"{a.id}={a.label}" for a in store.agencies())
        raise CliError(
            f"{option}: there is no agency '{text}'. Give its id, name or short name"
            + (f" ({known})." if known else "; this database has no agencies yet: add one with 'mqp agencies add'.")
        )
    return agency


def resolve_agencies(store: Store, values: list[str], option: str = "--agencies") -> list[Agency]:
    """Agencies from one or more comma-separated lists of ids, names or short names."""
    out: list[Agency] = []
    for value in values:
        for part in value.split(","):
            if part.strip():
                agency = resolve_agency(store, part.strip(), option)
                if agency.id not in {a.id for a in out}:
                    out.append(agency)
    if not out:
        raise CliError(f"{option}: name at least one agency, e.g. {option} 1,2,3 or {option} Police,ICB.")
    return out


PARTNER_CLASS_WORDS = {
    "lead": PartnerClass.LEAD_PARTNER,
    "lead-partner": PartnerClass.LEAD_PARTNER,
    "lead safeguarding partner": PartnerClass.LEAD_PARTNER,
    "relevant": PartnerClass.RELEVANT_AGENCY,
    "relevant-agency": PartnerClass.RELEVANT_AGENCY,
    "relevant agency": PartnerClass.RELEVANT_AGENCY,
    "other": PartnerClass.OTHER,
}


def partner_class(value: str) -> PartnerClass:
    key = " ".join(value.strip().lower().split())
    if key in PARTNER_CLASS_WORDS:
        return PARTNER_CLASS_WORDS[key]
    raise ValidationError(
        "partner_class",
        f"'{value}' is not a partner class: use lead (lead safeguarding partner), relevant (relevant agency) or other.",
    )


def member_id_or_none(value: str, option: str) -> int | None:
    """A member id, or None for ``none``/empty (clears an office)."""
    text = value.strip().lower()
    if text in ("", "none", "-"):
        return None
    if not text.isdigit():
        raise CliError(f"{option}: '{value}' is not a member id: give the number shown by 'mqp members list', or 'none'.")
    return int(text)

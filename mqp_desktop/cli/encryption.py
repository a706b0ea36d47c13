"""``mqp encrypt``, ``mqp decrypt`` and ``mqp password``: a password on the database file.

The current password comes as for every command (``--password-file``, ``MQP_PASSWORD``, or
asked in a terminal); a new one from ``--new-password-file`` or typed twice in a terminal.
No password is printed, stored or written to the history.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from mqp_desktop.cli.common import (
    CliError,
    database_path,
    interactive,
    read_password_file,
    with_password,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store, StoreError, connection, encryption

FORGOTTEN = ("A forgotten password cannot be recovered, by anyone: keep it somewhere safe that the partnership "
             "controls (a password manager, or a sealed note with the business support manager).")
OLDER_COPIES = ("Copies made before now (the copies kept before a migration, and any backups) are not "
                "encrypted: delete them or keep them as safe as the file was.")


def new_password(args: argparse.Namespace) -> str:
    """The new password: the first line of --new-password-file, or typed twice in a terminal."""
    if args.new_password_file:
        return encryption.check_new_password(read_password_file(args.new_password_file, "--new-password-file"))
    if not interactive():
        raise CliError("Give the new password with --new-password-file FILE (its first line), or run the command "
                       "in a terminal to type it.")
    print(f"The new password: at least {encryption.MIN_PASSWORD_LENGTH} characters. {FORGOTTEN}", file=sys.stderr)
    for _attempt in range(3):
        first = getpass.getpass("New password: ")
        try:
            encryption.check_new_password(first)
            return encryption.check_new_password(first, getpass.getpass("Type it again: "))
        except ValidationError as exc:
            print(exc.message, file=sys.stderr)
    raise CliError("No new password was set: nothing was changed.")


def _resolve(args: argparse.Namespace):
    path = database_path(args)
    args.resolved_db = path
    if connection.file_kind(path) is connection.FileKind.MISSING:
        raise StoreError(f"There is no database at '{path}'.", "Check the path (--db), or create one with 'mqp init'.")
    return path


def _progress(message: str) -> None:
    print(message, file=sys.stderr)


def _current_key(args: argparse.Namespace, path) -> str | None:
    """Checks the password (opening the file once) and returns it; None for a plain file."""
    with with_password(args, path, lambda key: Store.open(path, create=False, key=key)) as store:
        return store.key


def cmd_encrypt(args: argparse.Namespace) -> int:
    path = _resolve(args)
    if connection.is_encrypted(path):
        raise CliError(f"'{path}' is already encrypted: change its password with 'mqp password'.")
    Store.open(path, create=False).close()  # an MQ&P database, not damaged, before asking anything
    password = new_password(args)
    encryption.encrypt(path, password, progress=_progress if args.verbose else None)
    print(f"Encrypted {path}: it now opens only with its password. {FORGOTTEN}")
    print(OLDER_COPIES)
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    path = _resolve(args)
    if not connection.is_encrypted(path):
        Store.open(path, create=False).close()  # say what the file is if it is not ours
        raise CliError(f"'{path}' is not encrypted, so there is no password to remove.")
    key = _current_key(args, path)
    encryption.decrypt(path, key, progress=_progress if args.verbose else None)
    print(f"Removed the password from {path}: it is no longer encrypted, and anyone with the file can read it.")
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    path = _resolve(args)
    if not connection.is_encrypted(path):
        Store.open(path, create=False).close()
        raise CliError(f"'{path}' is not encrypted: protect it with a password with 'mqp encrypt'.")
    key = _current_key(args, path)
    password = new_password(args)
    encryption.change_password(path, key, password, progress=_progress if args.verbose else None)
    print(f"Changed the password of {path}. {FORGOTTEN}")
    print("Copies made before now (backups) still open with the old password.")
    return 0


def add_parsers(commands, new_parser) -> None:
    p = new_parser(commands, "encrypt", "protect the database with a password (encrypt the file)",
                   "Encrypt the database file with a password (SQLCipher: AES-256, the key derived from the\n"
                   "password). From then on every command and the desktop program need the password to open it.\n"
                   "The password is typed twice (or read from --new-password-file) and is never stored.\n\n"
                   + FORGOTTEN + "\n" + OLDER_COPIES,
                   "examples:\n  mqp encrypt --db mqp.sqlite\n"
                   "  mqp encrypt --db mqp.sqlite --new-password-file pw.txt\n"
                   "  MQP_PASSWORD=... mqp --db mqp.sqlite members list")
    p.add_argument("--new-password-file", metavar="FILE", help="read the new password from the first line of FILE")
    p.add_argument("--verbose", action="store_true", help="say each step on stderr")
    p.set_defaults(func=cmd_encrypt)

    p = new_parser(commands, "decrypt", "remove the password (the file is no longer encrypted)",
                   "Remove the database's password: the file is written again unencrypted, so anyone with the\n"
                   "file can read it. The current password is needed (--password-file, MQP_PASSWORD, or asked).",
                   "example:\n  mqp decrypt --db mqp.sqlite")
    p.add_argument("--verbose", action="store_true", help="say each step on stderr")
    p.set_defaults(func=cmd_decrypt)

    p = new_parser(commands, "password", "change the password of an encrypted database",
                   "Change the password of an encrypted database. The current password is needed\n"
                   "(--password-file, MQP_PASSWORD, or asked); the new one is typed twice (or read from\n"
                   "--new-password-file).\n\n" + FORGOTTEN,
                   "examples:\n  mqp password --db mqp.sqlite\n"
                   "  mqp password --db mqp.sqlite --password-file old.txt --new-password-file new.txt")
    p.add_argument("--new-password-file", metavar="FILE", help="read the new password from the first line of FILE")
    p.add_argument("--verbose", action="store_true", help="say each step on stderr")
    p.set_defaults(func=cmd_password)

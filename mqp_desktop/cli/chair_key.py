"""``mqp chair-key ...``: the chair's signing key.

On the chair's laptop (no database): ``create`` makes the key (kept in the user's config folder,
encrypted with the chair's passphrase), ``export`` writes its public half for the officer,
``inspect`` prints a key file's fingerprint. In the officer's database: ``import`` holds the
chair's public key (once, after comparing its fingerprint with the chair by phone), ``replace``
swaps it deliberately with a reason, ``show`` prints the key held and those it replaced.

Passphrases are asked for without echo (``getpass``); ``--passphrase-file`` reads the first line
of a file instead, for scripts.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, opened_store
from mqp_desktop.cli.output import emit_json
from mqp_desktop.domain.chair_key import (
    PUBLIC_EXTENSION,
    ChairKeyFile,
    ChairPublicKey,
    RegisteredChairKey,
    UnlockedChairKey,
)

KEY_HELP = ("the chair's signing key file (default: the one made with 'mqp chair-key create' or the "
            "approval window, in your user config folder)")


def key_path(value: str | None) -> Path:
    if value:
        return Path(value).expanduser()
    from mqp_desktop import paths

    return paths.chair_key_path()


def read_passphrase(args: argparse.Namespace, prompt: str) -> str:
    """The passphrase from ``--passphrase-file`` (its first line), or typed without echo."""
    given = getattr(args, "passphrase_file", None)
    if given:
        try:
            return Path(given).read_text(encoding="utf-8").splitlines()[0] if Path(given).stat().st_size else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"--passphrase-file: '{given}' could not be read: {getattr(exc, 'strerror', None) or exc}.") \
                from None
    try:
        return getpass.getpass(prompt)
    except (EOFError, OSError):
        raise CliError("No passphrase was typed: run this in a terminal, or give --passphrase-file FILE.") from None


def load_key(path: Path) -> ChairKeyFile:
    from mqp_desktop.domain.chair_key import read_key_file

    if not path.is_file():
        raise CliError(f"There is no signing key at '{path}'. The chair makes one with 'mqp chair-key create --name "
                       "...' (or in the approval window: Create my signing key…), on their own computer.")
    return read_key_file(path)


def unlocked_key(args: argparse.Namespace) -> UnlockedChairKey:
    """The chair's key named by ``--key`` (or the default one), opened with the passphrase."""
    from mqp_desktop.domain.chair_key import unlock

    keyfile = load_key(key_path(args.key))
    return unlock(keyfile, read_passphrase(args, f"Passphrase of the signing key of {keyfile.public.name}: "))


def key_record(key: RegisteredChairKey | ChairPublicKey) -> dict[str, Any]:
    public = key.public if isinstance(key, RegisteredChairKey) else key
    out = {"name": public.name, "fingerprint": public.fingerprint, "fingerprint_groups": public.spoken,
           "created_on": public.created_on.isoformat(), "certificate_sha256": public.certificate_sha256}
    if isinstance(key, RegisteredChairKey):
        out |= {"id": key.id, "current": key.current, "imported_at": key.imported_at, "replaced_at": key.replaced_at,
                "replaced_reason": key.replaced_reason}
    return out


def _describe(public: ChairPublicKey) -> str:
    return (f"{public.name}, made {public.created_on.day} {public.created_on:%B %Y}\n"
            f"  fingerprint: {public.spoken}\n  (SHA-256 {public.fingerprint})")


# --- the chair's laptop -----------------------------------------------------------------------------

def cmd_create(args: argparse.Namespace) -> int:
    from mqp_desktop.domain.chair_key import create_chair_key, write_key_file, write_public_key

    path = key_path(args.key_file)
    if path.exists() and not args.replace:
        raise CliError(f"There is already a signing key at '{path}'. Making a new one means the officer must replace "
                       "the key they hold: add --replace if that is what you want.")
    first = read_passphrase(args, "Choose a passphrase for your signing key (at least 10 characters): ")
    if not getattr(args, "passphrase_file", None):
        if read_passphrase(args, "Type it again: ") != first:
            raise CliError("The two passphrases differ: nothing was made. Run the command again.")
    keyfile = create_chair_key(args.name, first)
    write_key_file(keyfile, path)
    print(f"Signing key made for {_describe(keyfile.public)}\nKept at {path} (encrypted with your passphrase; it is "
          "not in any database).")
    if args.out:
        written = write_public_key(keyfile.public, Path(args.out))
        print(f"Public key written to {written}: send it to the officer, then read them the fingerprint by phone.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from mqp_desktop.domain.chair_key import write_public_key

    keyfile = load_key(key_path(args.key_file))
    written = write_public_key(keyfile.public, Path(args.out))
    print(f"Public key of {_describe(keyfile.public)}\nwritten to {written}. Send it to the officer, then read them "
          "the fingerprint by phone so they can check it before importing it.")
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from mqp_desktop.domain.chair_key import read_public_key

    public = read_public_key(Path(args.file))
    if args.json:
        emit_json(key_record(public))
        return 0
    print(f"The key in {args.file} is the signing key of {_describe(public)}")
    return 0


# --- the officer's database ---------------------------------------------------------------------------

def _imported(key: RegisteredChairKey, replaced: RegisteredChairKey | None) -> None:
    print(f"The chair's signing key is now that of {_describe(key.public)}")
    if replaced is not None:
        print(f"It replaces the key of {replaced.name} ({replaced.spoken}), which is kept so the minutes it signed "
              "still verify.")
    print("Read the fingerprint to the chair by phone: it must be the one their program shows. If it is not, "
          "someone else's key was sent: replace it with the right one at once.")


def cmd_import(args: argparse.Namespace) -> int:
    from mqp_desktop.domain.chair_key import read_public_key

    public = read_public_key(Path(args.file))
    with opened_store(args) as store:
        before = store.chair_keys.current()
        key = store.chair_keys.register(public)
        if before is not None and before.id == key.id:
            print(f"This database already holds this key: {_describe(key.public)}")
            return 0
        _imported(key, None)
    return 0


def cmd_replace(args: argparse.Namespace) -> int:
    from mqp_desktop.domain.chair_key import read_public_key

    public = read_public_key(Path(args.file))
    with opened_store(args) as store:
        before = store.chair_keys.current()
        if before is None:
            raise CliError("This database holds no chair's key to replace: import it with 'mqp chair-key import FILE'.")
        key = store.chair_keys.register(public, replace_reason=args.reason)
        if key.id == before.id:
            print(f"This database already holds this key: {_describe(key.public)}")
            return 0
        _imported(key, before)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        keys = store.chair_keys.keys()
        if args.json:
            emit_json([key_record(k) for k in keys])
            return 0
        if not keys:
            print("This database holds no chair's signing key: minutes are signed by name only (no cryptographic "
                  f"signature). The chair makes a key on their laptop and sends its public half ({PUBLIC_EXTENSION}); "
                  "import it with 'mqp chair-key import FILE'.")
            return 0
        for k in reversed(keys):
            state = "current" if k.current else f"replaced {k.replaced_at[:10]}: {k.replaced_reason}"
            print(f"[{state}] {_describe(k.public)}\n  imported {k.imported_at[:10]}")
    return 0


def add_parsers(commands, new_parser) -> None:
    chair = new_parser(
        commands, "chair-key", "the chair's signing key: create, export, inspect, import, replace, show",
        "The chair's signing key. The chair makes it on their own laptop (create), protected by a\n"
        "passphrase, and sends its public half (export) to the officer, who imports it once after\n"
        "reading its fingerprint to the chair by phone. Approval files the chair signs are then\n"
        "refused unless signed with it, and the signed minutes PDF carries a PDF signature.",
        "examples:\n  mqp chair-key create --name \"Dr Helen Carter\" --out helen.mqpchairkey     (the chair)\n"
        "  mqp chair-key import helen.mqpchairkey                                     (the officer)\n"
        "  mqp chair-key show\n  mqp chair-key replace new-helen.mqpchairkey --reason \"New laptop\"", db=False)
    sub = chair.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "create", "the chair: make a signing key (kept encrypted in your config folder)",
                   "Make the chair's signing key: an Ed25519 key (approval files) and an ECDSA P-256 key with a\n"
                   "certificate naming you (the PDF signature), encrypted with your passphrase. Needs no database\n"
                   "(there is no --db here): this is what the chair does on their own laptop.",
                   "examples:\n  mqp chair-key create --name \"Dr Helen Carter\" --out helen.mqpchairkey", db=False)
    p.add_argument("--name", metavar="NAME", required=True, help="your name as it appears on signed minutes")
    p.add_argument("--out", metavar="FILE", help=f"also write the public key for the officer ({PUBLIC_EXTENSION})")
    p.add_argument("--key-file", metavar="PATH", help="keep the key here instead of the config folder")
    p.add_argument("--replace", action="store_true", help="replace an existing key (the officer must then replace it too)")
    p.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from a file's first line")
    p.set_defaults(func=cmd_create)

    p = new_parser(sub, "export", "the chair: write the public key for the officer",
                   "Write the public half of your signing key to a small file for the officer. Needs no\n"
                   "database (there is no --db here).",
                   "examples:\n  mqp chair-key export --out helen.mqpchairkey", db=False)
    p.add_argument("--out", metavar="FILE", required=True, help=f"the file to write ({PUBLIC_EXTENSION})")
    p.add_argument("--key-file", metavar="PATH", help=KEY_HELP)
    p.set_defaults(func=cmd_export)

    p = new_parser(sub, "inspect", "print the fingerprint of a key file, without importing it",
                   "Print whose key a public key file holds and its fingerprint, to compare by phone first.\n"
                   "Reads only the file (there is no --db here).",
                   "examples:\n  mqp chair-key inspect helen.mqpchairkey", db=False)
    p.add_argument("file", metavar="FILE", help="the public key file")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_inspect)

    p = new_parser(sub, "import", "the officer: hold the chair's public key (once)",
                   "Hold the chair's public key in this database. Read the fingerprint it prints to the chair by\n"
                   "phone. Another key while one is held is refused: use 'replace' with a reason.",
                   "examples:\n  mqp chair-key import helen.mqpchairkey")
    p.add_argument("file", metavar="FILE", help="the public key file the chair sent")
    p.set_defaults(func=cmd_import)

    p = new_parser(sub, "replace", "the officer: replace the chair's key, with the reason (recorded)",
                   "Replace the chair's key with a new one (a new laptop, a forgotten passphrase, a new chair).\n"
                   "The old key is kept, marked replaced, so minutes it signed still verify.",
                   "examples:\n  mqp chair-key replace new.mqpchairkey --reason \"Dr Carter's new laptop\"")
    p.add_argument("file", metavar="FILE", help="the new public key file")
    p.add_argument("--reason", metavar="TEXT", required=True, help="why the key is replaced")
    p.set_defaults(func=cmd_replace)

    p = new_parser(sub, "show", "the chair's key held, and those it replaced",
                   "Show the chair's signing key this database holds (fingerprint in groups to read by phone)\n"
                   "and any keys it replaced, with when and why.",
                   "JSON (--json): a list of {id, name, fingerprint, fingerprint_groups, created_on,\n"
                   "certificate_sha256, current, imported_at, replaced_at, replaced_reason}.\n\n"
                   "examples:\n  mqp chair-key show")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_show)

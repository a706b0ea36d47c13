"""One of the two writers of ``tests/test_two_writers.py``, run as its own process.

For ``--seconds`` it edits the same member and agency as the other writer, the way people do:

* through the store API, as the desktop program does: read the record (the edit dialog opens),
  wait a moment (the officer types), add one to the count kept in its notes, save;
* through the command line, as a script would: ``mqp members show ID --json`` to read it, then
  ``mqp members edit ID --notes ... --expect-version N``;
* through the command line, appending: ``mqp s11 return remind AGENCY --note ...`` (a reminder
  is a new record: nothing to conflict with, and it must never be lost either).

A save refused because the other writer saved first (EditConflict; exit 1 "was changed by" on
the command line) is read again and tried again, as a user would. Anything else that goes
wrong (a "database is locked", a traceback) is an error. The counts go to ``--out`` as JSON.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import sys
import time
from pathlib import Path

from mqp_desktop.cli.app import main as mqp
from mqp_desktop.store import Store
from mqp_desktop.store.errors import EditConflict, StoreError

PREFIX = "count:"


def _count(notes: str) -> int:
    return int(notes[len(PREFIX):]) if notes.startswith(PREFIX) else 0


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = mqp(list(argv))
        except Exception as exc:  # noqa: BLE001 - a traceback is an error the test reports
            return 99, "", f"{type(exc).__name__}: {exc}"
    return code, out.getvalue(), err.getvalue()


def run(args: argparse.Namespace) -> dict:
    rng = random.Random(args.seed)
    counts = {"name": args.name, "member_store": 0, "agency_store": 0, "member_cli": 0, "reminders_cli": 0,
              "conflicts_store": 0, "conflicts_cli": 0, "errors": []}
    db = str(args.db)
    store = Store.open(args.db)
    store.user, store.host = args.name, "soak"
    while time.time() < args.start:
        time.sleep(0.01)
    deadline = time.monotonic() + args.seconds

    def store_increment(kind: str) -> None:
        read = store.member if kind == "member" else store.agency
        save = store.update_member if kind == "member" else store.update_agency
        record_id = args.member if kind == "member" else args.agency
        while True:
            record = read(record_id)  # the edit dialog opens
            time.sleep(rng.uniform(0, 0.05))  # the officer types
            record.notes = f"{PREFIX}{_count(record.notes) + 1}"
            try:
                save(record)
            except EditConflict:
                counts["conflicts_store"] += 1  # saved by the other writer meanwhile: read again, do it again
                continue
            except StoreError as exc:
                counts["errors"].append(f"store {kind}: {exc.message}")
                return
            counts[f"{kind}_store"] += 1
            return

    def cli_increment() -> None:
        while True:
            code, out, err = _cli("--db", db, "members", "show", str(args.member), "--json")
            if code != 0:
                counts["errors"].append(f"cli show: {code} {err.strip()}")
                return
            shown = json.loads(out)
            time.sleep(rng.uniform(0, 0.02))
            code, _out, err = _cli("--db", db, "members", "edit", str(args.member), "--notes",
                                   f"{PREFIX}{_count(shown['notes']) + 1}", "--expect-version", str(shown["version"]))
            if code == 0:
                counts["member_cli"] += 1
                return
            if code == 1 and "was changed by" in err:
                counts["conflicts_cli"] += 1
                continue
            counts["errors"].append(f"cli edit: {code} {err.strip()}")
            return

    def cli_reminder() -> None:
        code, _out, err = _cli("--db", db, "s11", "return", "remind", args.reminded, "--round", str(args.round),
                               "--note", f"soak {args.name} {counts['reminders_cli'] + 1}")
        if code == 0:
            counts["reminders_cli"] += 1
        else:
            counts["errors"].append(f"cli remind: {code} {err.strip()}")

    try:
        while time.monotonic() < deadline:
            roll = rng.random()
            if roll < 0.35:
                store_increment("member")
            elif roll < 0.7:
                store_increment("agency")
            elif roll < 0.9:
                cli_increment()
            else:
                cli_reminder()
    finally:
        store.close()
    return counts


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--member", type=int, required=True)
    p.add_argument("--agency", type=int, required=True)
    p.add_argument("--reminded", required=True, help="the agency whose return gets reminders")
    p.add_argument("--round", type=int, required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--start", type=float, required=True, help="time.time() at which to begin (both together)")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args()
    counts = run(args)
    args.out.write_text(json.dumps(counts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``mqp due`` (everything due and overdue, over ``store.due``) and ``mqp actions remind`` (reminder drafts to
action owners).

The JSON records here are part of the command line's public interface: plain keys that stay stable, ISO dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from mqp_desktop.cli.common import CliError, date_option, opened_store, today
from mqp_desktop.cli.output import day, emit_json, table
from mqp_desktop.domain.due import DEFAULT_WINDOW_DAYS, KIND_LABELS, KINDS, REMINDABLE_KINDS, filter_items, parse_kind
from mqp_desktop.domain.validation import ValidationError

DUE_JSON_KEYS = """\
  Due objects, by due date (the longest overdue first): kind (one of the kinds below), kind_label (in
  words), reference (what the officer knows it by: an action's number, a challenge's reference, the
  meeting and item of a paper, the audit round, the ToR's version...), title, owner (who is to act: a
  person, or an agency with its contact), due (YYYY-MM-DD), days_overdue (days since the due date: 0
  due today, negative while days are left), overdue (true/false), table and record_id (the record it
  stands for: action, paper, challenge, inspection_plan_item, s11_return, s11_action, work_transfer,
  attendance_letter, subcommittee, governance_document)."""

KINDS_HELP = "kinds: " + ", ".join(KINDS)


def _kinds(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            if part.strip():
                try:
                    out.append(parse_kind(part))
                except ValidationError as exc:
                    raise CliError(f"--kind: {exc}") from None
    return out


def cmd_due(args: argparse.Namespace) -> int:
    on = date_option(args.on, "--on") if args.on else today()
    if args.days is not None and args.days < 0:
        raise CliError(f"--days: the number of days ahead must be 0 or more, not {args.days}.")
    kinds = _kinds(args.kind)
    with opened_store(args) as store:
        if args.overdue:
            items = store.due.items(on, include_future=False)
        elif args.all:
            items = store.due.items(on)
        else:
            days = DEFAULT_WINDOW_DAYS if args.days is None else args.days
            items = store.due.items(on, until=on + dt.timedelta(days=days))
        items = filter_items(items, on, kinds=kinds)
        if args.json:
            emit_json([i.to_data(on) for i in items])
            return 0
        if not items:
            print("Nothing is overdue." if args.overdue else "Nothing is due or overdue"
                  + ("." if args.all else f" in the next {DEFAULT_WINDOW_DAYS if args.days is None else args.days}"
                     " days."))
            return 0
        print(table(
            ["Due", "When", "Kind", "Reference", "What", "Owner"],
            [[day(i.due), i.when_text(on).upper() if i.is_overdue(on) else i.when_text(on), i.kind_label,
              i.reference, i.title, i.owner] for i in items],
            max_widths={"Reference": 34, "What": 50, "Owner": 30}, right=(),
        ))
        overdue = sum(1 for i in items if i.is_overdue(on))
        print(f"\n{len(items)} listed, {overdue} overdue, on {day(on)}.")
    return 0


def cmd_actions_remind(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.action_reminders import write_action_reminders
    from mqp_desktop.exporters.files import ExportFileError

    out = Path(args.out).expanduser()
    if not out.is_dir():
        raise CliError(f"--out: '{out}' is not an existing folder: give the folder for the drafts.")
    on = today()
    with opened_store(args) as store:
        if args.number:
            ids = [store.minutes.find_action(n).id for n in args.number]
        else:
            ids = [i.record_id for i in store.due.items(on, include_future=False) if i.kind in REMINDABLE_KINDS]
        if args.owner:
            wanted = " ".join(args.owner.split()).casefold()
            ids = [i for i in ids if wanted in store.minutes.owner_text(store.minutes.action(i)).casefold()]
        if not ids:
            if args.json:
                emit_json([])
            else:
                print("No action is overdue: there is no one to remind." if not args.number else "No action matches.")
            return 0
        try:
            written = write_action_reminders(store, ids, out, today=on)
        except ExportFileError as exc:
            raise CliError(f"--out: {exc.problem} {exc.remedy}".strip()) from None
        records = [{"owner": r.owner, "email": r.email, "file": str(path), "actions": [line.number for line in r.lines]}
                   for r, path in written]
        if args.json:
            emit_json(records)
            return 0
        for r in records:
            to = f"<{r['email']}>" if r["email"] else "(no address on record: fill it in before sending)"
            print(f"{r['owner']} {to}: {', '.join(r['actions'])} -> {r['file']}")
        print(f"{len(records)} draft{'s' if len(records) != 1 else ''} written; recorded in the change history.")
    return 0


# --- parsers -------------------------------------------------------------------------------------

def add_parsers(commands, new_parser) -> None:
    p = new_parser(
        commands, "due", "everything due and overdue: actions, papers, challenges, returns, reviews...",
        "One list of everything with a date that falls due, by due date: open actions, papers not\n"
        "received, challenges waiting for the agency, inspection and Section 11 action plans, Section 11\n"
        "returns not received, transfer answers, attendance letters without a reply, the chair's and\n"
        "co-chair's reviews, the Terms of Reference's and signed-off documents' reviews. Closed, done,\n"
        "dropped, withdrawn, answered and received things are left out. Without --overdue or --all: what\n"
        f"is overdue and what falls due in the next {DEFAULT_WINDOW_DAYS} days (--days N for another window).",
        "JSON (--json): a list of due objects.\n" + DUE_JSON_KEYS + "\n  " + KINDS_HELP
        + "\n\nexamples:\n  mqp due\n  mqp due --overdue --json\n  mqp due --days 60 --kind action --kind paper\n"
        "  mqp due --on 2027-01-12      what will be overdue on the day of the next meeting")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--overdue", action="store_true", help="only what is overdue (due before today)")
    which.add_argument("--days", type=int, metavar="N",
                       help=f"overdue, and due in the next N days (default {DEFAULT_WINDOW_DAYS})")
    which.add_argument("--all", action="store_true", help="everything, however far ahead it falls due")
    p.add_argument("--kind", action="append", metavar="K",
                   help="only this kind (repeat, or comma-separated): " + ", ".join(KINDS))
    p.add_argument("--on", metavar="DATE", help="as on this date (default today)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_due)


def add_remind_parser(sub, new_parser) -> None:
    """``mqp actions remind`` under the ``actions`` command's subparsers."""
    p = new_parser(sub, "remind", "reminder email drafts (.eml) to the owners of overdue actions",
                   "Write one reminder email draft (.eml, opened by Outlook or Thunderbird as a new message) per\n"
                   "owner, listing their actions: every overdue action, or the NUMBERs given. The words are the\n"
                   "email_action_reminder setting ('mqp settings show'). Each action's reminder is recorded in\n"
                   "the change history. An owner who is not a member has no address on record: fill it in.",
                   "JSON (--json): a list of {owner, email, file, actions (their numbers)}.\n\n"
                   "examples:\n  mqp actions remind --out drafts/\n  mqp actions remind 2026-10/1 2026-10/3 --out .\n"
                   "  mqp actions remind --owner \"Priya\" --out drafts/")
    p.add_argument("number", nargs="*", metavar="NUMBER", help="actions by number (default: every overdue one)")
    p.add_argument("--out", metavar="DIR", default=".", help="the folder for the drafts (default: this folder)")
    p.add_argument("--owner", metavar="WHO", help="only actions whose owner's name contains this")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_actions_remind)


__all__ = ["DUE_JSON_KEYS", "KIND_LABELS", "add_parsers", "add_remind_parser"]

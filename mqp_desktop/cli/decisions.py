"""``mqp decisions`` (the decisions register) and ``mqp ratify`` (decisions taken while not quorate, ratified
at a later quorate meeting; ToR 3).

The JSON records here are part of the command line's public interface (see ``output.py``).
"""

from __future__ import annotations

import argparse
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg, resolve_meeting
from mqp_desktop.cli.output import day, emit_json, iso, table
from mqp_desktop.domain.decisions import DecisionEntry, Ratification, quarter_range
from mqp_desktop.domain.validation import ValidationError

DECISION_JSON_KEYS = """\
  Decision objects: id (the number 'mqp ratify --decision' takes), meeting_id, meeting_date,
  meeting_title, item_id, item_number, item_title, text, priorities (a list: the partnership
  priorities of the decision's agenda item), taken_while_inquorate (true/false),
  awaiting_ratification (true/false), ratified_meeting_id, ratified_on (the date of the meeting
  that ratified it), ratification_id, status (in words), minutes_status ("draft" | "signed": the
  minutes the decision is in). Dates are YYYY-MM-DD or null."""

RATIFICATION_JSON_KEYS = """\
  Ratification objects: id, decision_id, meeting_id (the later, quorate meeting), meeting_date,
  decision_text (as ratified), note, created_at, withdrawn_on, withdrawn_reason."""


def decision_record(d: DecisionEntry) -> dict[str, Any]:
    return {
        "id": d.id, "meeting_id": d.meeting_id, "meeting_date": iso(d.meeting_date), "meeting_title": d.meeting_title,
        "item_id": d.item_id, "item_number": d.item_number, "item_title": d.item_title, "text": d.text,
        "priorities": list(d.priorities), "taken_while_inquorate": d.taken_while_inquorate,
        "awaiting_ratification": d.awaiting_ratification, "ratified_meeting_id": d.ratified_meeting_id,
        "ratified_on": iso(d.ratified_on), "ratification_id": d.ratification_id, "status": d.status,
        "minutes_status": d.minutes_status or None,
    }


def ratification_record(store, r: Ratification) -> dict[str, Any]:
    meeting = store.meetings.get(r.meeting_id)
    return {"id": r.id, "decision_id": r.decision_id, "meeting_id": r.meeting_id, "meeting_date": iso(meeting.date),
            "decision_text": r.decision_text, "note": r.note, "created_at": r.created_at,
            "withdrawn_on": iso(r.withdrawn_on), "withdrawn_reason": r.withdrawn_reason}


def _table(found: list[DecisionEntry]) -> str:
    return table(["Id", "Meeting", "Item", "Decision", "Priority", "Inquorate", "Ratified"],
                 [[str(d.id), day(d.meeting_date), d.item_label, d.text, "; ".join(d.priorities),
                   "yes" if d.taken_while_inquorate else "", day(d.ratified_on) if d.ratified_on else
                   ("awaiting" if d.awaiting_ratification else "")] for d in found],
                 max_widths={"Item": 28, "Decision": 52, "Priority": 22}, right=("Id",))


def cmd_decisions(args: argparse.Namespace) -> int:
    start = date_arg(args.start, "--from")
    end = date_arg(args.end, "--to")
    if args.quarter:
        if start or end:
            raise CliError("--quarter: give a quarter or --from/--to, not both.")
        try:
            start, end = quarter_range(args.quarter)
        except ValidationError as exc:
            raise CliError(f"--quarter: {exc.message}") from None
    inquorate = True if args.inquorate else False if args.quorate else None
    with opened_store(args) as store:
        repo = store.decisions
        priority = None
        if args.priority:
            try:
                priority = repo.check_priority(args.priority)
            except ValidationError as exc:
                raise CliError(f"--priority: {exc.message}") from None
        found = repo.register(start=start, end=end, item=args.item, priority=priority, inquorate=inquorate)
        if args.awaiting:
            found = [d for d in found if d.awaiting_ratification]
        if args.export:
            from mqp_desktop.exporters.decisions_export import export_decisions

            sc = store.subcommittee()
            try:
                written = export_decisions(found, args.export, title=f"{sc.short_name or sc.name} decisions register",
                                           author=sc.partnership or sc.name,
                                           meeting_titles={m.id: m.title for m in store.meetings.list()})
            except ValueError as exc:
                raise CliError(str(exc)) from None
            if not args.json:
                print(f"{len(found)} decisions written to {written}")
        if args.json:
            emit_json([decision_record(d) for d in found])
            return 0
        if args.export:
            return 0
        if not found:
            print("No decisions match.")
            return 0
        print(_table(found))
        waiting = sum(1 for d in found if d.awaiting_ratification)
        print(f"\n{len(found)} decisions; {waiting} awaiting ratification at a quorate meeting"
              + (" (mqp ratify)." if waiting else "."))
    return 0


def cmd_ratify(args: argparse.Namespace) -> int:
    if args.withdraw is not None:
        if args.meeting or args.decision:
            raise CliError("--withdraw takes the ratification's id alone (no MEETING or --decision).")
        if not args.reason:
            raise CliError("--withdraw: say why with --reason (e.g. 'recorded at the wrong meeting').")
        with editing_store(args) as store:
            r = store.decisions.withdraw(args.withdraw, args.reason, date_arg(args.on, "--on"))
            if args.json:
                emit_json(ratification_record(store, r))
            else:
                print(f"Ratification {r.id} of decision {r.decision_id} withdrawn ({r.withdrawn_reason}); the decision "
                      "awaits ratification again.")
        return 0
    if args.meeting is None:
        if args.decision:
            raise CliError("--decision: name the meeting that ratifies them first (mqp ratify MEETING --decision ID).")
        with opened_store(args) as store:
            found = store.decisions.awaiting_ratification()
            if args.json:
                emit_json([decision_record(d) for d in found])
                return 0
            if not found:
                print("No decision taken while not quorate awaits ratification.")
                return 0
            print(_table(found))
            print(f"\n{len(found)} awaiting ratification. Ratify at a later quorate meeting: "
                  "mqp ratify MEETING --decision ID [ID ...]")
        return 0
    if not args.decision:
        raise CliError("Name the decisions to ratify: --decision ID [ID ...] (mqp ratify lists those awaiting).")
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        done = store.decisions.ratify(meeting.id, args.decision, note=args.note or "")
        if args.json:
            emit_json([ratification_record(store, r) for r in done])
            return 0
        title = meeting.title[:1].lower() + meeting.title[1:]
        for r in done:
            print(f"Decision {r.decision_id} ratified at the {title} (ratification {r.id}): {r.decision_text}")
        print(f"It is printed under 'Decisions ratified' in the minutes of the {title}.")
    return 0


def add_parsers(commands, new_parser) -> None:
    p = new_parser(
        commands, "decisions", "the decisions register: every decision of every meeting (ToR 3)",
        "Every decision in the minutes of every meeting (the minutes in force: signed, or the draft),\n"
        "by meeting date and item. Filter by a period (--from/--to, or --quarter), words in the item or\n"
        "the decision (--item), the partnership priority of the item (--priority), taken while the\n"
        "meeting was not quorate (--inquorate) or not (--quorate), awaiting ratification (--awaiting).\n"
        "--export writes what is listed to CSV or XLSX (formulas never run).",
        "JSON (--json): a list of decision objects.\n" + DECISION_JSON_KEYS
        + "\n\nexamples:\n  mqp decisions --quarter 2026-Q2\n  mqp decisions --from 2026-01-01 --to 2026-12-31 --inquorate\n"
        "  mqp decisions --item dataset --priority \"Quality assurance and performance\" --json\n"
        "  mqp decisions --export decisions.xlsx")
    p.add_argument("--from", dest="start", metavar="DATE", help="meetings on or after this date")
    p.add_argument("--to", dest="end", metavar="DATE", help="meetings on or before this date")
    p.add_argument("--quarter", metavar="QUARTER", help="a quarter: 2026-Q2 (Apr–Jun 2026) or Q1 2026-27 (the same)")
    p.add_argument("--item", metavar="TEXT", help="words in the item's number or title, or in the decision")
    p.add_argument("--priority", metavar="NAME", help="a partnership priority (see 'mqp settings show')")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--inquorate", action="store_true", help="only decisions taken while not quorate")
    which.add_argument("--quorate", action="store_true", help="only decisions taken at a quorate meeting")
    p.add_argument("--awaiting", action="store_true", help="only those still awaiting ratification")
    p.add_argument("--export", metavar="FILE", help="write the decisions listed to FILE (.csv or .xlsx)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_decisions)

    p = new_parser(
        commands, "ratify", "decisions taken while not quorate: list those awaiting; ratify at a quorate meeting",
        "Without arguments, the decisions taken while a meeting was not quorate that no later quorate\n"
        "meeting has ratified (ToR 3). With MEETING and --decision, record them as ratified at that\n"
        "meeting: it must be later than the decision's, its register taken and quorate, and its minutes\n"
        "not signed (the ratification is printed in them). All or none. --withdraw takes back a\n"
        "ratification recorded in error, with --reason: it is kept, and the decision awaits again.",
        "JSON (--json): listing, decision objects; ratifying or withdrawing, ratification objects.\n"
        + DECISION_JSON_KEYS + "\n" + RATIFICATION_JSON_KEYS
        + "\n\nexamples:\n  mqp ratify\n  mqp ratify last --decision 4 7 --note \"Ratified without discussion\"\n"
        "  mqp ratify --withdraw 3 --reason \"Recorded at the wrong meeting\"")
    p.add_argument("meeting", metavar="MEETING", nargs="?", help="the meeting that ratifies: " + MEETING_HELP)
    p.add_argument("--decision", metavar="ID", type=int, nargs="+", action="extend",
                   help="the decisions to ratify (ids from 'mqp ratify')")
    p.add_argument("--note", metavar="TEXT", help="printed with each ratification in the minutes")
    p.add_argument("--withdraw", metavar="RATIFICATION", type=int, help="withdraw a ratification recorded in error")
    p.add_argument("--reason", metavar="TEXT", help="why it is withdrawn")
    p.add_argument("--on", metavar="DATE", help="the date it is withdrawn (default today)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_ratify)

"""``mqp escalations ...``: concerns escalated for strategic oversight, and disputes (ToR 7.1, 9, 10).

The JSON records here are part of the command line's public interface (see ``output.py``).
"""

from __future__ import annotations

import argparse
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, resolve_agency
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg, resolve_meeting
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.escalations import FILTERS, Escalation, next_step, parse_kind
from mqp_desktop.domain.meetings import match_names
from mqp_desktop.domain.validation import ValidationError

ESCALATION_JSON_KEYS = """\
  Escalation objects: id, reference ("ES-2026-002"), kind ("trend" | "block" | "theme" |
  "dispute"), kind_label ("Worrying trend", "Block in the system", "Theme or pattern",
  "Dispute"), summary, raised_on, raised_by (in words), raised_by_member_id, raised_by_agency_id,
  raised_by_agency, meeting_id, meeting_date, item_id, item_number (where it arose; null when not
  at a meeting), arose_at (in words), mediation_on, mediation_notes, mediation_outcome (the
  chair's mediation, disputes only), executive_on (escalated to the Executive), executive_note,
  decision, decided_on, decided_by ("chair" | "executive" | null), withdrawn_on, withdrawn_reason,
  status ("open" | "in mediation" | "with the executive" | "decided" | "withdrawn"), next_step
  (in words), version. Dates are YYYY-MM-DD or null."""

REF_HELP = "its reference (ES-2026-002) or id"
KIND_HELP = "trend (a worrying trend), block (a block in the system), theme (a theme or pattern) or dispute"


def escalation_record(store, e: Escalation, cache: dict[str, Any] | None = None) -> dict[str, Any]:
    cache = cache if cache is not None else {}
    repo = store.escalations
    meetings = cache.setdefault("meetings", {m.id: m for m in store.meetings.list()})
    numbers = cache.setdefault("numbers", {})
    agencies = cache.setdefault("agencies", {a.id: a for a in store.agencies()})
    executive = cache.setdefault("executive", store.partnership.executive_name())
    if e.meeting_id is not None and e.meeting_id not in numbers:
        numbers[e.meeting_id] = store.agendas.numbers(e.meeting_id)
    meeting = meetings.get(e.meeting_id) if e.meeting_id is not None else None
    agency = agencies.get(e.raised_by_agency_id) if e.raised_by_agency_id is not None else None
    return {
        "id": e.id, "reference": e.reference, "kind": e.kind.value, "kind_label": e.kind.label, "summary": e.summary,
        "raised_on": iso(e.raised_on), "raised_by": repo.raised_by_text(e), "raised_by_member_id": e.raised_by_member_id,
        "raised_by_agency_id": e.raised_by_agency_id, "raised_by_agency": agency.name if agency else None,
        "meeting_id": e.meeting_id, "meeting_date": iso(meeting.date) if meeting else None, "item_id": e.item_id,
        "item_number": numbers.get(e.meeting_id, {}).get(e.item_id) if e.item_id else None,
        "arose_at": repo.arose_at_text(e), "mediation_on": iso(e.mediation_on), "mediation_notes": e.mediation_notes,
        "mediation_outcome": e.mediation_outcome, "executive_on": iso(e.executive_on),
        "executive_note": e.executive_note, "decision": e.decision, "decided_on": iso(e.decided_on),
        "decided_by": e.decided_by.value if e.decided_by is not None else None, "withdrawn_on": iso(e.withdrawn_on),
        "withdrawn_reason": e.withdrawn_reason, "status": e.status.value, "next_step": next_step(e, executive),
        "version": e.row_version,
    }


def _raised_at(store, text: str | None) -> tuple[int | None, int | None]:
    """--at MEETING[:ITEM] -> (meeting id, item id)."""
    if not text:
        return None, None
    meeting_text, sep, number = text.strip().rpartition(":")
    if not sep:
        meeting_text, number = text.strip(), ""
    if not meeting_text:
        raise CliError(f"--at: '{text}' should name the meeting, e.g. last, 2026-03-10 or 2026-03-10:5.")
    meeting = resolve_meeting(store, meeting_text)
    if not number.strip():
        return meeting.id, None
    try:
        return meeting.id, store.agendas.find_item(meeting.id, number).id
    except ValidationError:
        raise CliError(f"--at: the agenda of meeting {meeting.id} has no item {number.strip()} "
                       f"(see 'mqp agenda show {meeting.id}').") from None


def _member(store, text: str) -> int:
    value = text.strip()
    if value.isdigit():
        return store.member(int(value)).id
    found, _ = match_names(value, [m for m in store.members() if not m.is_vacant])
    if len(found) != 1:
        raise CliError(f"--by: '{text}' is not one member of the register (give the name as 'mqp members list' "
                       "shows it, or the id; or --agency for an agency).")
    return found[0].id


def cmd_list(args: argparse.Namespace) -> int:
    which = next((f for f in FILTERS if getattr(args, f, False)), "open")
    with opened_store(args) as store:
        kind = parse_kind(args.kind) if args.kind else None
        meeting = resolve_meeting(store, args.meeting) if args.meeting else None
        found = store.escalations.list(which, kind=kind, meeting_id=meeting.id if meeting else None)
        cache: dict[str, Any] = {}
        records = [escalation_record(store, e, cache) for e in found]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No escalations or disputes match." + ("" if which == "all" else " (--all lists every one.)"))
            return 0
        print(table(["Reference", "Raised", "Kind", "Raised by", "Summary", "Status"],
                    [[e.reference, day(e.raised_on), e.kind.label, r["raised_by"], e.title, e.status.label]
                     for e, r in zip(found, records)],
                    max_widths={"Summary": 44, "Raised by": 28}, right=()))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        e = store.escalations.find(args.reference)
        r = escalation_record(store, e)
        if args.json:
            emit_json(r)
            return 0
        rows = [("Reference", e.reference), ("Kind", e.kind.label), ("Status", e.status.label),
                ("Raised", day(e.raised_on) + (f" at {r['arose_at']}" if r["arose_at"] else "")),
                ("Raised by", r["raised_by"])]
        if e.mediation_on:
            rows.append(("Mediation", day(e.mediation_on) + (f" — outcome: {e.mediation_outcome}"
                                                            if e.mediation_outcome else "")))
        if e.executive_on:
            rows.append(("To the Executive", day(e.executive_on) + (f": {e.executive_note}" if e.executive_note
                                                                     else "")))
        if e.decided_on:
            rows.append(("Decided", f"{day(e.decided_on)} by {e.decided_by.label}: {e.decision}"))
        if e.withdrawn_on:
            rows.append(("Withdrawn", f"{day(e.withdrawn_on)}: {e.withdrawn_reason}"))
        rows.append(("Next", r["next_step"]))
        print(fields(rows))
        print("\nSummary:\n  " + e.summary.replace("\n", "\n  "))
        if e.mediation_notes:
            print("\nThe chair's mediation notes:\n  " + e.mediation_notes.replace("\n", "\n  "))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    raised = date_arg(args.raised, "--raised")
    with opened_store(args) as store:
        if not args.by and not args.agency:
            raise CliError("Say who raised it: --by MEMBER, or --agency AGENCY.")
        member_id = _member(store, args.by) if args.by else None
        agency_id = resolve_agency(store, args.agency).id if args.agency else None
        meeting_id, item_id = _raised_at(store, args.at)
        e = store.escalations.add(Escalation(
            kind=parse_kind(args.kind), summary=args.summary, raised_on=raised, raised_by_member_id=member_id,
            raised_by_agency_id=agency_id, meeting_id=meeting_id, item_id=item_id))
        print(f"{e.kind.label} {e.reference} recorded, raised {day(e.raised_on)} by "
              f"{store.escalations.raised_by_text(e)}.")
    return 0


def cmd_mediate(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        e = store.escalations.find(args.reference)
        saved = store.escalations.mediate(e.id, on, args.notes, args.outcome or "")
        print(f"Dispute {e.reference}: the chair's mediation of {day(saved.mediation_on)} recorded.")
    return 0


def cmd_escalate(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        e = store.escalations.find(args.reference)
        saved = store.escalations.escalate(e.id, on, args.note or "")
        print(f"{e.kind.label} {e.reference} escalated to {store.partnership.executive_name()} on "
              f"{day(saved.executive_on)}.")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        e = store.escalations.find(args.reference)
        saved = store.escalations.decide(e.id, args.decision, on, by=args.by)
        print(f"{e.kind.label} {e.reference} decided by {saved.decided_by.label} on {day(saved.decided_on)}.")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        e = store.escalations.find(args.reference)
        saved = store.escalations.withdraw(e.id, on, args.reason)
        print(f"{e.kind.label} {e.reference} withdrawn {day(saved.withdrawn_on)} (it stays in the log).")
    return 0


def add_parsers(commands, new_parser) -> None:
    es = new_parser(
        commands, "escalations", "escalations and disputes (ToR 7.1, 9): list, show, add, mediate, escalate, "
                                 "decide, withdraw",
        "Concerns escalated for strategic oversight (worrying trends, blocks in the system, themes; ToR 7.1)\n"
        "and disputes (ToR 9: the chair mediates; if unresolved, the Executive decides). Status: open, in\n"
        "mediation, with the Executive, decided, withdrawn. Nothing is deleted.",
        "examples:\n  mqp escalations list\n"
        "  mqp escalations add --kind dispute --agency Police --at last:6 --summary \"Who convenes ...\"\n"
        "  mqp escalations mediate ES-2026-002 --notes \"The chair met both leads\" --outcome \"Interim agreed\"\n"
        "  mqp escalations escalate ES-2026-002\n"
        "  mqp escalations decide ES-2026-002 --decision \"EDT convenes out of hours\"", db=False)
    sub = es.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "--open (default), --mediation, --executive, --finished, --disputes, --all",
                   "List escalations and disputes by reference: those not decided or withdrawn by default.",
                   "JSON (--json): a list of escalation objects.\n" + ESCALATION_JSON_KEYS
                   + "\n\nexamples:\n  mqp escalations list --disputes\n  mqp escalations list --all --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="not decided or withdrawn (the default)")
    which.add_argument("--mediation", action="store_true", help="in the chair's mediation")
    which.add_argument("--executive", action="store_true", help="with the Executive")
    which.add_argument("--finished", action="store_true", help="decided or withdrawn")
    which.add_argument("--disputes", action="store_true", help="every dispute")
    which.add_argument("--all", action="store_true", help="every one")
    p.add_argument("--kind", metavar="KIND", help="only this kind: " + KIND_HELP)
    p.add_argument("--meeting", metavar="MEETING", help="only those that arose at this meeting")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "show", "one in full", "Show an escalation or dispute in full.",
                   "JSON (--json): one escalation object.\n" + ESCALATION_JSON_KEYS
                   + "\n\nexamples:\n  mqp escalations show ES-2026-002\n  mqp escalations show 2 --json")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    p = new_parser(sub, "add", "record a concern for oversight or a dispute (given ES-2026-00N)",
                   "Record who raised what, when, and where it arose. Dates: YYYY-MM-DD or DD/MM/YYYY.",
                   "examples:\n  mqp escalations add --kind block --by \"Dr Nadia Haddad\" --at 2026-09-08:5 \\\n"
                   "      --summary \"CAMHS waits of 14 weeks hold up child protection plans\"")
    p.add_argument("--kind", metavar="KIND", required=True, help=KIND_HELP)
    p.add_argument("--summary", metavar="TEXT", required=True, help="what it is, and what is asked for")
    p.add_argument("--by", metavar="MEMBER", help="the member who raised it (name or id)")
    p.add_argument("--agency", metavar="AGENCY", help="the agency that raised it (id, name or short name)")
    p.add_argument("--at", metavar="MEETING[:ITEM]", help="where it arose, e.g. last:6 (" + MEETING_HELP + ")")
    p.add_argument("--raised", metavar="DATE", help="the date (default: the meeting's, else today)")
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "mediate", "the chair's mediation of a dispute: notes, outcome, date",
                   "Record the chair's mediation (ToR 9); again to bring it up to date.",
                   "examples:\n  mqp escalations mediate ES-2026-002 --notes \"Met both leads\" --outcome \"Interim\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--notes", metavar="TEXT", required=True, help="the chair's notes")
    p.add_argument("--outcome", metavar="TEXT", help="what came of it so far")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_mediate)

    p = new_parser(sub, "escalate", "put it to the Executive", "Escalate to the Executive (ToR 7.1; 9).",
                   "examples:\n  mqp escalations escalate ES-2026-002 --note \"For the Executive of 14 April\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--note", metavar="TEXT", help="what was put to the Executive")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_escalate)

    p = new_parser(sub, "decide", "the decision: the Executive's, or the chair's (settled in mediation)",
                   "Record the decision and its date. --by: executive (the default once escalated) or chair.",
                   "examples:\n  mqp escalations decide ES-2026-001 --decision \"The ICB funds 120 slots\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--decision", metavar="TEXT", required=True, help="the decision")
    p.add_argument("--by", metavar="WHO", help="chair or executive (default: the Executive once escalated, else the "
                                               "chair)")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_decide)

    p = new_parser(sub, "withdraw", "withdraw one raised in error (kept, with the reason)",
                   "Withdraw: nothing is deleted.", "examples:\n  mqp escalations withdraw ES-2026-003 --reason "
                                                    "\"Raised twice\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_withdraw)


__all__ = ["ESCALATION_JSON_KEYS", "add_parsers", "escalation_record"]

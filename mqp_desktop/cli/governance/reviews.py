"""``mqp reviews ...``: case reviews (ToR 7.7), by case reference only, over ``store.governance.case_reviews``."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import Any

from mqp_desktop.cli.common import editing_store, opened_store, resolve_agencies, resolve_agency, today
from mqp_desktop.cli.governance.common import (
    DATES,
    expect_version,
    meeting_or_none,
    member_or_name,
    number_arg,
    text_arg,
)
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.governance.case_reviews import (
    FILTERS,
    CaseReview,
    Dissemination,
    next_step,
    parse_dissemination_kind,
    parse_kind,
)

REVIEW_JSON_KEYS = """\
  Case review objects: id, reference (the case reference: never a name), kind ("rapid review" |
  "lcspr" | "national referral" | "other"), kind_text (in words), agency_ids, agencies (their
  names), concerns, learning, notes, referred_on, rapid_review_on, published_on, meeting_id,
  meeting_date (the meeting that reviewed it), status ("referred" | "rapid review held" |
  "published" | "closed" | "withdrawn"), next_step (in words), closed_on, closed_note,
  withdrawn_on, withdrawn_reason, version (give it to 'edit --expect-version'), reached (everyone
  its learning reached, added up), disseminations ([{id, kind ("briefing" | "learning event" |
  "other"), held_on, audience, reached (null: not known), notes, removed}]), actions ([{id,
  number, description, owner, due_date, status}]). Dates are YYYY-MM-DD or null."""

REF_HELP = "the case reference (e.g. LCSPR-2025-02) or the review's id"
REFERENCE_HELP = ("the case's reference only, e.g. LCSPR-2025-02 or RR-2026-05: a reference that looks like a "
                  "person's name is refused")


def review_record(store, r: CaseReview, on: dt.date, cache: dict[str, Any] | None = None) -> dict[str, Any]:
    cache = cache if cache is not None else {}
    agencies = cache.setdefault("agencies", {a.id: a for a in store.agencies()})
    meetings = cache.setdefault("meetings", {m.id: m for m in store.meetings.list()})
    names = cache.setdefault("names", {m.id: m.display_name for m in store.members()})
    meeting = meetings.get(r.meeting_id)
    return {
        "id": r.id, "reference": r.reference, "kind": r.kind.value, "kind_text": r.kind_text,
        "agency_ids": list(r.agency_ids), "agencies": [agencies[i].name for i in r.agency_ids if i in agencies],
        "concerns": r.concerns, "learning": r.learning, "notes": r.notes, "referred_on": iso(r.referred_on),
        "rapid_review_on": iso(r.rapid_review_on), "published_on": iso(r.published_on), "meeting_id": r.meeting_id,
        "meeting_date": iso(meeting.date) if meeting else None, "status": r.status(on).value,
        "next_step": next_step(r, on), "closed_on": iso(r.closed_on), "closed_note": r.closed_note,
        "withdrawn_on": iso(r.withdrawn_on), "withdrawn_reason": r.withdrawn_reason, "version": r.row_version,
        "reached": r.reached,
        "disseminations": [{"id": x.id, "kind": x.kind.value, "held_on": iso(x.held_on), "audience": x.audience,
                            "reached": x.reached, "notes": x.notes, "removed": x.removed} for x in r.disseminations],
        "actions": [{"id": a.id, "number": a.number, "description": a.description,
                     "owner": store.minutes.owner_text(a, names), "due_date": iso(a.due_date),
                     "status": a.status.value} for a in store.governance.case_reviews.actions(r.id)],
    }


def _find(store, text: str) -> CaseReview:
    return store.governance.case_reviews.find(text)


def _fill(store, r: CaseReview, args: argparse.Namespace) -> CaseReview:
    """The options given, onto ``r`` (only those given change)."""
    if args.kind is not None:
        r.kind = parse_kind(args.kind)
    if args.kind_other is not None:
        r.kind_other = args.kind_other
    if args.agencies is not None:
        r.agency_ids = tuple(a.id for a in resolve_agencies(store, [args.agencies])) if args.agencies.strip() else ()
    for name in ("concerns", "learning", "notes"):
        value = text_arg(args, name)
        if value is not None:
            setattr(r, name, value)
    for option, attr in (("referred", "referred_on"), ("rapid_review", "rapid_review_on"),
                         ("published", "published_on")):
        value = getattr(args, option)
        if value is not None:
            setattr(r, attr, date_arg(value, f"--{option.replace('_', '-')}"))
    if args.at is not None:
        r.meeting_id = meeting_or_none(store, args.at)
    return r


def cmd_list(args: argparse.Namespace) -> int:
    on = today()
    which = next((f for f in FILTERS if getattr(args, f, False)), "open")
    with opened_store(args) as store:
        agency = resolve_agency(store, args.agency) if args.agency else None
        kind = parse_kind(args.kind) if args.kind else None
        found = store.governance.case_reviews.list(which, on, kind=kind, agency_id=agency.id if agency else None)
        cache: dict[str, Any] = {}
        records = [review_record(store, r, on, cache) for r in found]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No case reviews match." + ("" if which == "all" else " (--all lists every one.)"))
            return 0
        print(table(["Reference", "Kind", "Referred", "Rapid review", "Published", "Status", "Shared", "Actions"],
                    [[r.reference, r.kind_text, day(r.referred_on), day(r.rapid_review_on), day(r.published_on),
                      rec["status"], f"{len(r.live_disseminations)} ({r.reached} reached)", len(rec["actions"])]
                     for r, rec in zip(found, records)], right=("Actions",)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        r = _find(store, args.reference)
        rec = review_record(store, r, on)
        if args.json:
            emit_json(rec)
            return 0
        print(fields([
            ("Reference", r.reference), ("Kind", r.kind.label if r.kind.value != "other" else r.kind_text),
            ("Status", r.status(on).label), ("Next", rec["next_step"]),
            ("Agencies", ", ".join(rec["agencies"]) or "(none recorded)"), ("Referred", day(r.referred_on)),
            ("Rapid review", day(r.rapid_review_on) or "-"), ("Published", day(r.published_on) or "-"),
            ("Reviewed at", f"the meeting of {day(store.meetings.get(r.meeting_id).date)}" if r.meeting_id else "-"),
        ]))
        for title, text in (("Concerns", r.concerns), ("Learning", r.learning), ("Notes", r.notes)):
            if text:
                print(f"\n{title}:\n  " + text.replace("\n", "\n  "))
        if r.disseminations:
            print("\nLearning shared:")
            for x in r.disseminations:
                gone = " (removed: recorded in error)" if x.removed else ""
                reached = f", reached {x.reached}" if x.reached is not None else ""
                print(f"  [{x.id}] {day(x.held_on)} {x.kind.value} for {x.audience}{reached}{gone}")
        if rec["actions"]:
            print("\nActions (in the action log):")
            for a in rec["actions"]:
                print(f"  {a['number']} {a['description']} ({a['owner']}, {a['status']})")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        r = _fill(store, CaseReview(reference=args.reference), args)
        saved = store.governance.case_reviews.add(r)
        print(f"Case review {saved.reference} recorded ({saved.kind_text}, referred {day(saved.referred_on)}).")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        repo = store.governance.case_reviews
        r = _find(store, args.reference_)
        expect_version(store, repo, r, args.expect_version, f"mqp reviews show {r.reference}")
        changed = _fill(store, dataclasses.replace(r), args)
        if args.reference is not None:
            changed.reference = args.reference
        saved = repo.update(changed)
        print(f"Case review {saved.reference}: " + ("nothing changed." if saved.row_version == r.row_version
                                                    else f"saved (version {saved.row_version})."))
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    held = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        r = _find(store, args.reference)
        x = store.governance.case_reviews.add_dissemination(r.id, Dissemination(
            None, held, args.audience, kind=parse_dissemination_kind(args.kind),
            reached=number_arg(args.reached, "--reached"), notes=args.notes or ""))
        print(f"Case review {r.reference}: {x.kind.value} on {day(x.held_on)} for {x.audience} recorded (id {x.id}).")
    return 0


def cmd_unshare(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        r = _find(store, args.reference)
        repo = store.governance.case_reviews
        x = repo.disseminations.get(args.id)
        if x.case_review_id != r.id:
            from mqp_desktop.cli.common import CliError

            raise CliError(f"--id: {args.id} is not one of {r.reference}'s briefings or events (see 'mqp reviews show "
                           f"{r.reference}').")
        repo.remove_dissemination(x)
        print(f"Case review {r.reference}: the {x.kind.value} of {day(x.held_on)} removed (kept, recorded in error).")
    return 0


def cmd_action(args: argparse.Namespace) -> int:
    due = date_arg(args.due, "--due")
    with editing_store(args) as store:
        r = _find(store, args.reference)
        member_id, name = member_or_name(store, args.owner)
        meeting_id = meeting_or_none(store, args.at)
        a = store.governance.case_reviews.add_action(r.id, Action(
            meeting_id=meeting_id, description=args.description, owner_member_id=member_id, owner_name=name,
            due_date=due))  # type: ignore[arg-type]
        print(f"Action {a.number} added to the action log from case review {r.reference}: {a.description}")
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        r = _find(store, args.reference)
        saved = store.governance.case_reviews.close(r.id, on, args.note or "")
        print(f"Case review {saved.reference} closed {day(saved.closed_on)}.")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        r = _find(store, args.reference)
        saved = store.governance.case_reviews.withdraw(r.id, on, args.reason)
        print(f"Case review {saved.reference} withdrawn {day(saved.withdrawn_on)}: {saved.withdrawn_reason} "
              "(it stays recorded).")
    return 0


def add_parsers(commands, new_parser) -> None:
    top = new_parser(
        commands, "reviews", "case reviews (ToR 7.7) by case reference: list, show, add, edit, share, action, close",
        "Case reviews (ToR 7.7): rapid reviews, local child safeguarding practice reviews (LCSPR) and\n"
        "national referrals, kept by CASE REFERENCE ONLY — a reference that looks like a person's name is\n"
        "refused, with the reason. Agencies involved, concerns, learning, dates, actions (into the action\n"
        "log) and how the learning was shared. Nothing is deleted: a review is closed or withdrawn.",
        "examples:\n"
        "  mqp reviews list --all\n"
        "  mqp reviews add --reference LCSPR-2025-02 --kind lcspr --agencies \"Police,SWL ICB\" --referred 2025-03-04\n"
        "  mqp reviews edit LCSPR-2025-02 --published 2025-11-02 --learning @learning.txt\n"
        "  mqp reviews share LCSPR-2025-02 --kind briefing --on 2026-01-20 --audience \"School DSLs\" --reached 45\n"
        "  mqp reviews action LCSPR-2025-02 --owner \"Margaret Ansah\" --due 2026-06-01 \"Audit GCP2 use\"",
        db=False)
    sub = top.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "case reviews: --open (default), --published, --closed, --all",
                   "List case reviews, latest referral first: open ones by default (not closed or withdrawn).",
                   "JSON (--json): a list of case review objects.\n" + REVIEW_JSON_KEYS
                   + "\n\nexamples:\n  mqp reviews list\n  mqp reviews list --all --kind lcspr --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="not closed or withdrawn (the default)")
    which.add_argument("--published", action="store_true", help="published, not yet closed")
    which.add_argument("--closed", action="store_true", help="closed or withdrawn")
    which.add_argument("--all", action="store_true", help="every case review")
    p.add_argument("--kind", metavar="KIND", help="only rapid review, lcspr, national referral or other")
    p.add_argument("--agency", metavar="AGENCY", help="only those involving this agency")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "show", "one case review: dates, learning, how it was shared, its actions",
                   "Show a case review in full.", "JSON (--json): one case review object.\n" + REVIEW_JSON_KEYS
                   + "\n\nexamples:\n  mqp reviews show LCSPR-2025-02 --json")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    def review_options(p, *, adding: bool) -> None:
        p.add_argument("--kind", metavar="KIND", default="rapid review" if adding else None,
                       help="rapid review" + (" (default)" if adding else "") + ", lcspr, national referral, other")
        p.add_argument("--kind-other", metavar="TEXT", help="what kind, in words, with --kind other")
        p.add_argument("--agencies", metavar="LIST", help="the agencies involved: ids, names or short names, "
                                                          "comma-separated" + ("" if adding else " ('' clears)"))
        p.add_argument("--referred", metavar="DATE", required=adding,
                       help="the date the case was referred to the partnership")
        p.add_argument("--rapid-review", metavar="DATE", help="the date of the rapid review")
        p.add_argument("--published", metavar="DATE", help="the date the review was published")
        p.add_argument("--at", metavar="MEETING", help="the meeting of the subcommittee that reviewed it ("
                                                      + MEETING_HELP + "; 'none' clears)")
        for name in ("concerns", "learning", "notes"):
            p.add_argument(f"--{name}", metavar="TEXT", help=f"the {name} (or @FILE to read them from a text file)")

    p = new_parser(sub, "add", "record a case review, by case reference only",
                   "Record a case review. The reference is the case's own (from the case record or the review's\n"
                   "list): a name is refused. " + DATES,
                   "examples:\n  mqp reviews add --reference RR-2026-05 --kind rapid --referred 2026-10-06 "
                   "--rapid-review 2026-10-27 --agencies Police,\"St George's\"")
    p.add_argument("--reference", metavar="REF", required=True, help=REFERENCE_HELP)
    review_options(p, adding=True)
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "edit", "change a case review (only the options given change)",
                   "Edit a case review. " + DATES,
                   "examples:\n  mqp reviews edit RR-2026-05 --kind lcspr --expect-version 2")
    p.add_argument("reference_", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--reference", metavar="REF", help="a corrected case reference (a name is refused)")
    review_options(p, adding=False)
    p.add_argument("--expect-version", metavar="N", type=int,
                   help="refuse the change unless the review is still at this version (its JSON 'version')")
    p.set_defaults(func=cmd_edit)

    p = new_parser(sub, "share", "record how the learning was shared: a briefing or a learning event",
                   "Record a dissemination of the review's learning: what kind, when, for whom, how many it\n"
                   "reached. " + DATES,
                   "examples:\n  mqp reviews share LCSPR-2025-02 --kind \"learning event\" --on 2026-02-10 "
                   "--audience \"Health visitors\" --reached 60")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--kind", metavar="KIND", default="briefing", help="briefing (default), learning event, other")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.add_argument("--audience", metavar="TEXT", required=True, help="who it was for")
    p.add_argument("--reached", metavar="N", help="how many people it reached")
    p.add_argument("--notes", metavar="TEXT", help="notes")
    p.set_defaults(func=cmd_share)

    p = new_parser(sub, "unshare", "remove a briefing or event recorded in error (it is kept, marked removed)",
                   "Mark a dissemination recorded in error as removed: it stays, no longer counted.",
                   "examples:\n  mqp reviews unshare LCSPR-2025-02 --id 3")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--id", metavar="N", type=int, required=True, help="its id ('mqp reviews show REFERENCE')")
    p.set_defaults(func=cmd_unshare)

    p = new_parser(sub, "action", "an action arising from the review, into the action log",
                   "Add an action to the action log from the review: from the meeting that reviewed it unless\n"
                   "--at names another; numbered like any other (2026-11/3) and carried forward until closed.",
                   "examples:\n  mqp reviews action LCSPR-2025-02 --owner \"Sofia Marques\" --due 2026-03-01 "
                   "\"Reissue the escalation protocol\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("description", metavar="DESCRIPTION", help="what is to be done")
    p.add_argument("--owner", metavar="WHO", required=True, help="a member's id or name, or a named person")
    p.add_argument("--due", metavar="DATE", help="the due date")
    p.add_argument("--at", metavar="MEETING", help="the meeting that agreed it (default: the one that reviewed the "
                                                  "case)")
    p.set_defaults(func=cmd_action)

    p = new_parser(sub, "close", "close a case review whose work is done",
                   "Close a case review (its learning shared, its actions in the action log).",
                   "examples:\n  mqp reviews close LCSPR-2025-02 --note \"Learning embedded; actions tracked\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--note", metavar="TEXT", help="a closing note")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_close)

    p = new_parser(sub, "withdraw", "withdraw a case review recorded in error (kept, with the reason)",
                   "Withdraw a case review: nothing is deleted; it shows as withdrawn with the reason.",
                   "examples:\n  mqp reviews withdraw RR-2026-05 --reason \"Recorded twice\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why it is withdrawn")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_withdraw)

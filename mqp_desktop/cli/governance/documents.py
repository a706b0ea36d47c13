"""``mqp documents ...``: documents under review (ToR 7.1), the Terms of Reference's versions (ToR 12) and the
chair's and co-chair's reviews (ToR 2), over ``store.governance.documents`` and ``.office_reviews``."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, resolve_agency, today
from mqp_desktop.cli.governance.common import DATES, expect_version, meeting_or_none, member, text_arg
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.governance.documents import (
    FILTERS,
    GovernanceDocument,
    OfficeReview,
    next_step,
    parse_kind,
    parse_office,
    parse_office_outcome,
    parse_outcome,
)

DOCUMENT_JSON_KEYS = """\
  Document objects: id, title, kind ("procedure" | "guidance" | "protocol" | "policy" | "strategy" |
  "report" | "terms of reference" | "other"), version, owner, owner_agency_id, owner_agency,
  meeting_id, meeting_date (the meeting that reviewed it), outcome ("endorsed" | "endorsed with
  amendments" | "not endorsed" | "noted" | "deferred" | null), outcome_note, sent_to_executive_on,
  signed_off_on, review_due, status ("to review" | "reviewed" | "returned" | "awaiting sign-off" |
  "signed off" | "review overdue" | "superseded" | "withdrawn"), next_step (in words),
  supersedes_id (the earlier version it replaces), superseded_by_id (the later version, signed off,
  that replaced it), in_force (true for the Terms of Reference's version in force), notes,
  withdrawn_on, withdrawn_reason, version_number (give it to 'edit --expect-version'). Dates are
  YYYY-MM-DD or null."""

OFFICE_REVIEW_JSON_KEYS = """\
  Chairing review objects: id, office ("chair" | "co-chair"), member_id, member (who held it),
  reviewed_on, meeting_id, outcome ("continues" | "to be replaced" | "replaced" | "other"), note,
  next_review_due, removed (true: recorded in error)."""

ID_HELP = "the document's id ('mqp documents list --all')"


def document_record(store, x: GovernanceDocument, on: dt.date, cache: dict[str, Any] | None = None) -> dict[str, Any]:
    cache = cache if cache is not None else {}
    agencies = cache.setdefault("agencies", {a.id: a for a in store.agencies()})
    meetings = cache.setdefault("meetings", {m.id: m for m in store.meetings.list()})
    if "tor" not in cache:
        current = store.governance.documents.current_tor()
        cache["tor"] = current.id if current else None
    meeting = meetings.get(x.meeting_id)
    return {
        "id": x.id, "title": x.title, "kind": x.kind.value, "version": x.version, "owner": x.owner,
        "owner_agency_id": x.owner_agency_id,
        "owner_agency": agencies[x.owner_agency_id].name if x.owner_agency_id in agencies else None,
        "meeting_id": x.meeting_id, "meeting_date": iso(meeting.date) if meeting else None,
        "outcome": x.outcome.value if x.outcome else None, "outcome_note": x.outcome_note,
        "sent_to_executive_on": iso(x.sent_to_executive_on), "signed_off_on": iso(x.signed_off_on),
        "review_due": iso(x.review_due), "status": x.status(on).value, "next_step": next_step(x, on),
        "supersedes_id": x.supersedes_id, "superseded_by_id": x.superseded_by_id, "in_force": x.id == cache["tor"],
        "notes": x.notes, "withdrawn_on": iso(x.withdrawn_on), "withdrawn_reason": x.withdrawn_reason,
        "version_number": x.row_version,
    }


def office_review_record(store, r: OfficeReview) -> dict[str, Any]:
    holder = store.member(r.member_id).display_name if r.member_id else None
    return {"id": r.id, "office": r.office.value, "member_id": r.member_id, "member": holder,
            "reviewed_on": iso(r.reviewed_on), "meeting_id": r.meeting_id, "outcome": r.outcome.value,
            "note": r.note, "next_review_due": iso(r.next_review_due), "removed": r.removed}


def _fill(store, x: GovernanceDocument, args: argparse.Namespace) -> GovernanceDocument:
    for name in ("title", "version", "owner"):
        if getattr(args, name) is not None:
            setattr(x, name, getattr(args, name))
    if args.kind is not None:
        x.kind = parse_kind(args.kind)
    if args.owner_agency is not None:
        x.owner_agency_id = resolve_agency(store, args.owner_agency, "--owner-agency").id \
            if args.owner_agency.strip() else None
    notes = text_arg(args, "notes")
    if notes is not None:
        x.notes = notes
    return x


def cmd_list(args: argparse.Namespace) -> int:
    on = today()
    which = next((f for f in FILTERS if getattr(args, f.replace(" ", "_").replace("-", "_"), False)), "under review")
    if args.tor:
        which = "terms of reference"
    with opened_store(args) as store:
        kind = parse_kind(args.kind) if args.kind else None
        found = store.governance.documents.list(which, on, kind=kind)
        cache: dict[str, Any] = {}
        records = [document_record(store, x, on, cache) for x in found]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No documents match." + ("" if which == "all" else " (--all lists every one.)"))
            return 0
        print(table(["ID", "Title", "Kind", "Version", "Reviewed", "Outcome", "To Executive", "Signed off",
                     "Review due", "Status"],
                    [[x.id, x.title, x.kind.label, x.version,
                      day(dt.date.fromisoformat(r["meeting_date"])) if r["meeting_date"] else "", r["outcome"] or "",
                      day(x.sent_to_executive_on), day(x.signed_off_on), day(x.review_due),
                      x.status(on).label + (" (in force)" if r["in_force"] else "")] for x, r in zip(found, records)],
                    max_widths={"Title": 40, "Version": 14}))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        x = store.governance.documents.get(args.id)
        r = document_record(store, x, on)
        if args.json:
            emit_json(r)
            return 0
        print(fields([
            ("Title", x.title), ("Kind", x.kind.label), ("Version", x.version or "-"),
            ("Owner", ", ".join(p for p in (x.owner, r["owner_agency"] or "") if p) or "-"),
            ("Status", x.status(on).label + (" (in force)" if r["in_force"] else "")), ("Next", r["next_step"]),
            ("Reviewed at", f"the meeting of {day(dt.date.fromisoformat(r['meeting_date']))}" if r["meeting_date"]
             else "-"),
            ("Outcome", (x.outcome.label + (f": {x.outcome_note}" if x.outcome_note else "")) if x.outcome else "-"),
            ("To the Executive", day(x.sent_to_executive_on) or "-"), ("Signed off", day(x.signed_off_on) or "-"),
            ("Review due", day(x.review_due) or "-"),
        ]))
        if x.notes:
            print("\nNotes:\n  " + x.notes.replace("\n", "\n  "))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        x = _fill(store, GovernanceDocument(title=""), args)
        if x.kind.value == "terms of reference":
            raise CliError("--kind: a version of the Terms of Reference is recorded with 'mqp documents tor-version', "
                           "which moves the review date on.")
        saved = store.governance.documents.add(x)
        print(f"Document {saved.id} recorded for review: {saved.title_version} ({saved.kind.label.lower()}).")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        repo = store.governance.documents
        x = repo.get(args.id)
        expect_version(store, repo, x, args.expect_version, f"mqp documents show {x.id}")
        changed = _fill(store, dataclasses.replace(x), args)
        for option, attr in (("sent", "sent_to_executive_on"), ("signed_off", "signed_off_on"),
                             ("review_due", "review_due")):
            value = getattr(args, option)
            if value is not None:
                setattr(changed, attr, date_arg(value, f"--{option.replace('_', '-')}"))
        saved = repo.update(changed)
        print(f"Document {x.id}: " + ("nothing changed." if saved.row_version == x.row_version
                                       else f"saved (version {saved.row_version})."))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting_id = meeting_or_none(store, args.at)
        if meeting_id is None:
            raise CliError("--at: name the meeting that reviewed it (" + MEETING_HELP + ").")
        saved = store.governance.documents.record_review(args.id, meeting_id, args.outcome, args.note or "")
        print(f"Document {saved.id} ({saved.title_version}): {saved.outcome.value} at the meeting of "
              f"{day(store.meetings.get(meeting_id).date)}.")
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        saved = store.governance.documents.send_to_executive(args.id, on)
        print(f"Document {saved.id} ({saved.title_version}) sent to the Executive on {day(on)}: awaiting sign-off.")
    return 0


def cmd_sign_off(args: argparse.Namespace) -> int:
    from mqp_desktop.store.governance.documents import AUTO

    on = date_arg(args.on, "--on") or today()
    review = AUTO if args.review_due is None else date_arg(args.review_due, "--review-due")
    with editing_store(args) as store:
        saved = store.governance.documents.sign_off(args.id, on, review)
        print(f"Document {saved.id} ({saved.title_version}) signed off on {day(on)}"
              + (f"; next review due {day(saved.review_due)}." if saved.review_due else "."))
    return 0


def cmd_new_version(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        saved = store.governance.documents.new_version(args.id, args.version)
        print(f"Document {saved.id}: {saved.title_version} recorded for review, to replace document {args.id} once "
              "signed off.")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        saved = store.governance.documents.withdraw(args.id, on, args.reason)
        print(f"Document {saved.id} ({saved.title_version}) withdrawn: {saved.withdrawn_reason} (it stays recorded).")
    return 0


def cmd_tor_version(args: argparse.Namespace) -> int:
    from mqp_desktop.store.governance.documents import AUTO

    signed = date_arg(args.signed_off, "--signed-off")
    review = AUTO if args.review_due is None else date_arg(args.review_due, "--review-due")
    with editing_store(args) as store:
        meeting_id = meeting_or_none(store, args.at)
        saved = store.governance.documents.record_tor_version(
            args.version, signed, review, meeting_id=meeting_id, outcome="endorsed" if meeting_id else None,
            notes=text_arg(args, "notes") or "")
        sc = store.subcommittee()
        if args.json:
            emit_json(document_record(store, saved, today()))
            return 0
        if saved.signed_off_on is not None:
            print(f"Terms of Reference version {saved.version} recorded, signed off {day(saved.signed_off_on)}: in "
                  f"force; next review due {day(sc.tor_review_due) if sc.tor_review_due else '(none)'}.")
        else:
            print(f"Terms of Reference version {saved.version} recorded as a draft under review (document "
                  f"{saved.id}); record its sign-off with 'mqp documents sign-off {saved.id} --on DATE'.")
    return 0


def cmd_tor(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        versions = store.governance.documents.tor_versions()
        cache: dict[str, Any] = {}
        records = [document_record(store, x, on, cache) for x in versions]
        if args.json:
            emit_json(records)
            return 0
        sc = store.subcommittee()
        print(f"In force: {sc.tor_version or '(no version recorded)'}"
              + (f", signed off {day(sc.tor_signed_off)}" if sc.tor_signed_off else "")
              + (f", review due {day(sc.tor_review_due)}" if sc.tor_review_due else ""))
        if records:
            print(table(["ID", "Version", "Signed off", "Review due", "Status"],
                        [[x.id, x.version, day(x.signed_off_on), day(x.review_due),
                          x.status(on).label + (" (in force)" if r["in_force"] else "")]
                         for x, r in zip(versions, records)]))
    return 0


def cmd_chair_review(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    next_due = date_arg(args.next_due, "--next-due")
    with editing_store(args) as store:
        meeting_id = meeting_or_none(store, args.at)
        if on is None:
            on = store.meetings.get(meeting_id).date if meeting_id else today()
        holder = member(store, args.member).id if args.member else None
        r = store.governance.office_reviews.record(OfficeReview(
            parse_office(args.office), on, parse_office_outcome(args.outcome), member_id=holder,
            meeting_id=meeting_id, note=text_arg(args, "note") or "", next_review_due=next_due))
        print(f"The {r.office.value}'s review of {day(r.reviewed_on)} recorded ({r.outcome.value}); next review due "
              f"{day(r.next_review_due)}.")
    return 0


def cmd_chair_reviews(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        found = store.governance.office_reviews.all(args.office)
        records = [office_review_record(store, r) for r in found]
        if args.json:
            emit_json(records)
            return 0
        sc = store.subcommittee()
        for office, label in ((sc.chair, "Chair"), (sc.co_chair, "Co-chair")):
            who = store.member(office.member_id).display_name if office.member_id else "(none)"
            print(f"{label}: {who}" + (f", review due {day(office.review_due)}" if office.review_due else ""))
        if records:
            print(table(["ID", "Office", "Reviewed", "Holder", "Outcome", "Next due", "Note"],
                        [[r["id"], r["office"], day(x.reviewed_on), r["member"] or "", r["outcome"]
                          + (" (removed)" if x.removed else ""), day(x.next_review_due), x.note]
                         for x, r in zip(found, records)], max_widths={"Note": 40}))
        else:
            print("No chairing review recorded yet: 'mqp documents chair-review --office chair --outcome continues'.")
    return 0


def add_parsers(commands, new_parser) -> None:
    top = new_parser(
        commands, "documents", "documents under review (ToR 7.1), the ToR's versions (12), chairing reviews (2)",
        "Procedures, guidance and protocols the subcommittee reviews before the Executive signs them off\n"
        "(ToR 7.1): version, owner, the meeting that reviewed it and the outcome, sent to the Executive on,\n"
        "signed off on, the next review. The Terms of Reference are kept here too, one record per version:\n"
        "a new version with its sign-off moves the ToR review date on by the review interval (the setting\n"
        "review_interval_months, 12 unless changed). Reviews of the chair and co-chair (ToR 2) move their\n"
        "review dates on the same way. Nothing is deleted.",
        "examples:\n"
        "  mqp documents list --awaiting\n"
        "  mqp documents add --title \"Resolution and escalation procedure\" --kind procedure --version 3.0 \\\n"
        "      --owner \"Head of Safeguarding Standards\"\n"
        "  mqp documents review 4 --at last --outcome \"endorsed with amendments\" --note \"Add health contacts\"\n"
        "  mqp documents send 4 --on 2026-11-24\n"
        "  mqp documents sign-off 4 --on 2026-12-10\n"
        "  mqp documents tor-version --version \"January 2027\" --signed-off 2027-01-26\n"
        "  mqp documents chair-review --office chair --at last --outcome continues", db=False)
    sub = top.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "documents: --under-review (default), --awaiting, --signed-off, --review-overdue, "
                                "--tor, --all",
                   "List documents by title: those not yet signed off by default.",
                   "JSON (--json): a list of document objects.\n" + DOCUMENT_JSON_KEYS
                   + "\n\nexamples:\n  mqp documents list --awaiting\n  mqp documents list --all --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--under-review", action="store_true", help="not yet signed off (the default)")
    which.add_argument("--awaiting", dest="awaiting_sign_off", action="store_true",
                       help="sent to the Executive, awaiting sign-off")
    which.add_argument("--signed-off", action="store_true", help="signed off and in force")
    which.add_argument("--review-overdue", action="store_true", help="signed off, their review date passed")
    which.add_argument("--tor", action="store_true", help="every version of the Terms of Reference")
    which.add_argument("--all", action="store_true", help="every document")
    p.add_argument("--kind", metavar="KIND", help="only procedure, guidance, protocol, policy, strategy, report, "
                                                  "terms of reference or other")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "show", "one document", "Show a document in full.",
                   "JSON (--json): one document object.\n" + DOCUMENT_JSON_KEYS
                   + "\n\nexamples:\n  mqp documents show 4 --json")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    def document_options(p, *, adding: bool) -> None:
        p.add_argument("--title", metavar="TEXT", required=adding, help="the document's title")
        p.add_argument("--kind", metavar="KIND", default="procedure" if adding else None,
                       help="procedure" + (" (default)" if adding else "") + ", guidance, protocol, policy, strategy, "
                            "report or other")
        p.add_argument("--version", metavar="TEXT", help="its version, e.g. 3.0 or 'January 2027'")
        p.add_argument("--owner", metavar="TEXT", help="who owns it (a person, post or team)")
        p.add_argument("--owner-agency", metavar="AGENCY", help="the owner's agency ('' clears)")
        p.add_argument("--notes", metavar="TEXT", help="notes (or @FILE)")

    p = new_parser(sub, "add", "record a procedure, guidance or protocol to review",
                   "Record a document the subcommittee is to review before the Executive's sign-off.",
                   "examples:\n  mqp documents add --title \"Neglect strategy\" --kind strategy --version 2.0")
    document_options(p, adding=True)
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "edit", "change a document (only the options given change)",
                   "Edit a document, or correct its dates. " + DATES,
                   "examples:\n  mqp documents edit 4 --owner \"Head of Early Help\" --expect-version 3")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    document_options(p, adding=False)
    p.add_argument("--sent", metavar="DATE", help="sent to the Executive on ('' clears)")
    p.add_argument("--signed-off", metavar="DATE", help="signed off on ('' clears)")
    p.add_argument("--review-due", metavar="DATE", help="the next review ('' clears)")
    p.add_argument("--expect-version", metavar="N", type=int,
                   help="refuse the change unless the document is still at this version (its JSON 'version_number')")
    p.set_defaults(func=cmd_edit)

    p = new_parser(sub, "review", "record the subcommittee's review and its outcome",
                   "Record the review at a meeting: endorsed, endorsed with amendments (--note says which), not\n"
                   "endorsed (--note says why), noted, or deferred (--note says why).",
                   "examples:\n  mqp documents review 4 --at 2026-11-10 --outcome endorsed")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--at", metavar="MEETING", required=True, help="the meeting (" + MEETING_HELP + ")")
    p.add_argument("--outcome", metavar="OUTCOME", required=True,
                   help="endorsed, endorsed with amendments, not endorsed, noted or deferred")
    p.add_argument("--note", metavar="TEXT", help="the amendments asked for, or why")
    p.set_defaults(func=cmd_review)

    p = new_parser(sub, "send", "record that it went to the Executive for sign-off",
                   "Record the date it was sent to the Executive (after an endorsement).",
                   "examples:\n  mqp documents send 4 --on 2026-11-24")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_send)

    p = new_parser(sub, "sign-off", "record the Executive's sign-off; the next review follows",
                   "Record the sign-off. The next review is due the review interval later (setting\n"
                   "review_interval_months) unless --review-due gives the date ('' for none).",
                   "examples:\n  mqp documents sign-off 4 --on 2026-12-10\n"
                   "  mqp documents sign-off 4 --on 2026-12-10 --review-due 2028-12-10")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.add_argument("--review-due", metavar="DATE", help="the next review (default: the interval later)")
    p.set_defaults(func=cmd_sign_off)

    p = new_parser(sub, "new-version", "a new version of a document, to review; it replaces the old once signed off",
                   "Record a new version of a document (title, kind and owner carried over).",
                   "examples:\n  mqp documents new-version 4 --version 3.1")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--version", metavar="TEXT", required=True, help="the new version")
    p.set_defaults(func=cmd_new_version)

    p = new_parser(sub, "withdraw", "withdraw a document (kept, with the reason)",
                   "Withdraw a document, or a version recorded in error. A version of the Terms of Reference\n"
                   "withdrawn gives the version before it back its place (and its review date).",
                   "examples:\n  mqp documents withdraw 6 --reason \"Recorded twice\"")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why it is withdrawn")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_withdraw)

    p = new_parser(sub, "tor-version", "a new version of the Terms of Reference; its sign-off moves the review on",
                   "Record a new version of the Terms of Reference, replacing the version in force. With\n"
                   "--signed-off it is in force at once and the ToR review date moves on: --review-due, or the\n"
                   "review interval after the sign-off (setting review_interval_months, 12 unless changed).\n"
                   "Without it, it is a draft under review until 'mqp documents sign-off ID'. " + DATES,
                   "JSON (--json): the new version's document object.\n" + DOCUMENT_JSON_KEYS
                   + "\n\nexamples:\n  mqp documents tor-version --version \"January 2027\" --signed-off 2027-01-26\n"
                   "  mqp documents tor-version --version v4 --signed-off 26/01/2027 --at 2027-01-12")
    p.add_argument("--version", metavar="TEXT", required=True, help="the new version's name")
    p.add_argument("--signed-off", metavar="DATE", help="the date it was signed off")
    p.add_argument("--review-due", metavar="DATE", help="the next review (default: the interval after sign-off)")
    p.add_argument("--at", metavar="MEETING", help="the meeting of the subcommittee that reviewed it")
    p.add_argument("--notes", metavar="TEXT", help="what changed (or @FILE)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_tor_version)

    p = new_parser(sub, "tor", "the Terms of Reference: the version in force and every version",
                   "List the versions of the Terms of Reference and say which is in force.",
                   "JSON (--json): a list of document objects (kind 'terms of reference').\n\n"
                   "examples:\n  mqp documents tor")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_tor)

    p = new_parser(sub, "chair-review", "record a review of the chair or co-chair (ToR 2); its date moves on",
                   "Record the annual review of chairing (ToR 2): the office, the date (default: the meeting's, else\n"
                   "today), the outcome (continues, to be replaced, replaced, other) and a note. The office's\n"
                   "review date moves to --next-due, or the review interval later. " + DATES,
                   "examples:\n  mqp documents chair-review --office chair --at last --outcome continues\n"
                   "  mqp documents chair-review --office co-chair --on 2026-11-10 --outcome \"to be replaced\" "
                   "--note \"Stepping down in March\"")
    p.add_argument("--office", metavar="OFFICE", required=True, help="chair or co-chair")
    p.add_argument("--outcome", metavar="OUTCOME", required=True, help="continues, to be replaced, replaced, other")
    p.add_argument("--on", metavar="DATE", help="the date of the review")
    p.add_argument("--at", metavar="MEETING", help="the meeting that reviewed it")
    p.add_argument("--member", metavar="WHO", help="who held the office (default: the holder now)")
    p.add_argument("--note", metavar="TEXT", help="what was decided (or @FILE)")
    p.add_argument("--next-due", metavar="DATE", help="the next review (default: the interval later)")
    p.set_defaults(func=cmd_chair_review)

    p = new_parser(sub, "chair-reviews", "the reviews of the chair and co-chair, and when the next are due",
                   "List the reviews of chairing, latest first, with the offices' review dates.",
                   "JSON (--json): a list of chairing review objects.\n" + OFFICE_REVIEW_JSON_KEYS
                   + "\n\nexamples:\n  mqp documents chair-reviews --office chair")
    p.add_argument("--office", metavar="OFFICE", help="only the chair's or the co-chair's")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_chair_reviews)


__all__ = ["add_parsers", "document_record", "office_review_record", "parse_outcome"]

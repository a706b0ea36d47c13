"""``mqp challenges ...``: the challenge log (ToR 6.3) over ``store.challenges``.

The JSON records here are part of the command line's public interface (see ``output.py``):
plain keys that stay stable, ISO dates, status and verdict words the commands accept back.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, resolve_agency, today
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg, resolve_meeting
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.challenges import (
    FILTERS,
    Challenge,
    ChallengeResponse,
    SubjectKind,
    next_step,
    parse_subject_kind,
    parse_verdict,
)
from mqp_desktop.domain.meetings import match_names
from mqp_desktop.domain.validation import ValidationError

CHALLENGE_JSON_KEYS = """\
  Challenge objects: id, reference ("CH-2026-007"), question, subject_kind ("indicator" |
  "audit" | "inspection" | "other"), subject_id (the indicator's, audit's or inspection's id, or
  null), subject (its label, in words), meeting_id, meeting_date, item_id, item_number (where it
  was raised; null when not at a meeting), raised_at (in words), raised_on, agency_id, agency,
  to_member_id (null for a named contact), to_name, to_email (the member's from the register, or
  the contact's), due_date, status ("open" | "answered" | "overdue" | "closed" | "withdrawn";
  "answered" = a response is waiting for the subcommittee's review), overdue (true/false),
  days_overdue, accepted (true when the latest response was accepted, false when it was not or
  more was asked for, null before any review), next_step (in words), closed_on, closed_note,
  withdrawn_on, withdrawn_reason, version (give it to 'edit --expect-version'), responses (oldest
  first: id, received_on, text, verdict ("accepted" | "not accepted" | "further information" |
  null), verdict_reason, reviewed_on, reviewed_at_meeting_id, removed (true: recorded in error)).
  Dates are YYYY-MM-DD or null."""

ABOUT_HELP = "what it is about: indicator, audit, inspection or other (default: other)"
REF_HELP = "the challenge's reference (CH-2026-007) or id"
DATES = "Dates: YYYY-MM-DD (2026-03-31) or DD/MM/YYYY (31/03/2026)."


# --- records -------------------------------------------------------------------------------------

def response_record(r: ChallengeResponse) -> dict[str, Any]:
    return {
        "id": r.id, "received_on": iso(r.received_on), "text": r.text,
        "verdict": r.verdict.value if r.verdict is not None else None, "verdict_reason": r.verdict_reason,
        "reviewed_on": iso(r.reviewed_on), "reviewed_at_meeting_id": r.reviewed_at_meeting_id, "removed": r.removed,
    }


def challenge_record(store, c: Challenge, on: dt.date, cache: dict[str, Any] | None = None) -> dict[str, Any]:
    cache = cache if cache is not None else {}
    repo = store.challenges
    meetings = cache.setdefault("meetings", {m.id: m for m in store.meetings.list()})
    numbers = cache.setdefault("numbers", {})
    agencies = cache.setdefault("agencies", {a.id: a for a in store.agencies()})
    meeting = meetings.get(c.meeting_id) if c.meeting_id is not None else None
    if c.meeting_id is not None and c.meeting_id not in numbers:
        numbers[c.meeting_id] = store.agendas.numbers(c.meeting_id)
    name, email = repo.contact(c)
    status = c.status(on)
    return {
        "id": c.id, "reference": c.reference, "question": c.question, "subject_kind": c.subject_kind.value,
        "subject_id": c.subject_id, "subject": c.subject_text, "meeting_id": c.meeting_id,
        "meeting_date": iso(meeting.date) if meeting else None, "item_id": c.item_id,
        "item_number": numbers.get(c.meeting_id, {}).get(c.item_id) if c.item_id else None,
        "raised_at": repo.raised_at_text(c), "raised_on": iso(c.raised_on), "agency_id": c.agency_id,
        "agency": agencies[c.agency_id].name, "to_member_id": c.to_member_id, "to_name": name, "to_email": email,
        "due_date": iso(c.due_date), "status": status.value, "overdue": c.is_overdue(on),
        "days_overdue": c.days_overdue(on), "accepted": c.accepted, "next_step": next_step(c, on),
        "closed_on": iso(c.closed_on), "closed_note": c.closed_note, "withdrawn_on": iso(c.withdrawn_on),
        "withdrawn_reason": c.withdrawn_reason, "version": c.row_version,
        "responses": [response_record(r) for r in c.responses],
    }


# --- what was typed ---------------------------------------------------------------------------------

def _find(store, text: str) -> Challenge:
    return store.challenges.find(text)


def _to(store, agency_id: int, text: str | None) -> tuple[int | None, str]:
    """--to: a member of the agency (id or name), else a named contact who is not in the register."""
    if text is None:
        return None, ""
    value = text.strip()
    if not value or value.lower() == "none":
        return None, ""
    if value.isdigit():
        member = store.member(int(value))
        return member.id, ""
    found, _ = match_names(value, [m for m in store.members() if not m.is_vacant and m.agency_id == agency_id])
    if len(found) == 1:
        return found[0].id, ""
    return None, value


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


def _text(args: argparse.Namespace, option: str = "--text") -> str:
    if getattr(args, "from_file", None):
        path = Path(args.from_file).expanduser()
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise CliError(f"--from-file: '{path}' could not be read ({reason}): give a text file (UTF-8).") from None
    if args.text is None:
        raise CliError(f"{option}: give the response's text, or --from-file FILE.")
    return args.text


def _subject(store, kind: SubjectKind, subject_id: int | None, text: str | None) -> tuple[int | None, str]:
    if subject_id is not None and not text:
        return subject_id, store.challenges.subject_label(kind, subject_id)
    return subject_id, text or ""


def _expect_version(store, c: Challenge, expected: int | None) -> None:
    if expected is not None and expected != c.row_version:
        from mqp_desktop.store.challenges import CHALLENGE_LABELS, challenge_values

        conflict = store.edit_conflict(
            f"challenge {c.reference}", entity="challenge", entity_id=c.id, read_version=expected,
            stored_version=c.row_version, yours={}, stored=challenge_values(c), labels=CHALLENGE_LABELS,
            stored_record=c,
        )
        conflict.remedy = (f"Read it again ('mqp challenges show {c.reference} --json') and repeat the edit against "
                           f"version {c.row_version} if it is still wanted.")
        raise conflict


# --- commands ------------------------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    on = today()
    which = next((f for f in FILTERS if getattr(args, f, False)), "open")
    with opened_store(args) as store:
        agency = resolve_agency(store, args.agency) if args.agency else None
        meeting = resolve_meeting(store, args.meeting) if args.meeting else None
        kind = parse_subject_kind(args.about) if args.about else None
        found = store.challenges.list(which, on, agency_id=agency.id if agency else None,
                                      meeting_id=meeting.id if meeting else None, subject_kind=kind)
        cache: dict[str, Any] = {}
        records = [challenge_record(store, c, on, cache) for c in found]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No challenges match." + ("" if which == "all" else " (--all lists every one.)"))
            return 0
        print(table(
            ["Reference", "Raised", "Subject", "To", "Due", "Status"],
            [[r["reference"], day(c.raised_on), r["subject"],
              r["agency"] if not r["to_name"] else f"{cache['agencies'][c.agency_id].label}: {r['to_name']}",
              day(c.due_date), r["status"].upper() if r["overdue"] else r["status"]]
             for r, c in zip(records, found)],
            max_widths={"Subject": 44, "To": 34}, right=(),
        ))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        c = _find(store, args.reference)
        r = challenge_record(store, c, on)
        if args.json:
            emit_json(r)
            return 0
        to = r["agency"] + (f" — {r['to_name']}" if r["to_name"] else "") + (f" <{r['to_email']}>" if r["to_email"]
                                                                             else "")
        print(fields([
            ("Reference", c.reference), ("Status", c.status(on).label + (f" ({c.days_overdue(on)} days)"
                                                                       if c.is_overdue(on) else "")),
            ("About", f"{c.subject_kind.label}: {c.subject_text}"), ("Raised", day(c.raised_on)
                                                                     + (f" at {r['raised_at']}" if r["raised_at"] else "")),
            ("To", to), ("Due", day(c.due_date)), ("Next", r["next_step"]),
        ]))
        print("\nQuestion:\n  " + c.question.replace("\n", "\n  "))
        for n, resp in enumerate(c.responses, 1):
            removed = " (removed: recorded in error)" if resp.removed else ""
            print(f"\nResponse {n}, received {day(resp.received_on)}{removed}:\n  " + resp.text.replace("\n", "\n  "))
            if resp.verdict is not None:
                reason = f": {resp.verdict_reason}" if resp.verdict_reason else ""
                print(f"  -> {resp.verdict.label} on {day(resp.reviewed_on)}{reason}")
    return 0


def cmd_subjects(args: argparse.Namespace) -> int:
    kind = parse_subject_kind(args.about)
    with opened_store(args) as store:
        choices = store.challenges.subject_choices(kind)
        if args.json:
            emit_json([{"id": i, "label": label} for i, label in choices])
            return 0
        if kind is SubjectKind.OTHER:
            print("A subject of kind 'other' is described in words (--subject): it points to no record.")
        elif not choices:
            print(f"This database holds no {kind.label.lower()} records: describe the subject in words (--subject).")
        else:
            print(table(["ID", "Subject"], [[i, label] for i, label in choices], max_widths={"Subject": 80}))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    raised = date_arg(args.raised, "--raised")
    due = date_arg(args.due, "--due")
    kind = parse_subject_kind(args.about or ("other" if args.subject_id is None else ""))
    if args.subject_id is not None and kind is SubjectKind.OTHER:
        raise CliError("--subject-id: say which kind of record it is with --about indicator, audit or inspection.")
    with opened_store(args) as store:
        agency = resolve_agency(store, args.agency)
        meeting_id, item_id = _raised_at(store, args.at)
        member_id, name = _to(store, agency.id, args.to)
        subject_id, subject = _subject(store, kind, args.subject_id, args.subject)
        c = store.challenges.add(Challenge(
            question=args.question, agency_id=agency.id, subject_kind=kind, subject_id=subject_id,
            subject_text=subject, meeting_id=meeting_id, item_id=item_id, raised_on=raised,
            to_member_id=member_id, to_name=name, to_email=args.email or "", due_date=due,
        ))
        who = store.challenges.to_text(c)
        print(f"Challenge {c.reference} raised with {who} on {day(c.raised_on)}, response due {day(c.due_date)}: "
              f"{c.subject_text}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        c = _find(store, args.reference)
        _expect_version(store, c, args.expect_version)
        changed = dataclasses.replace(c)
        if args.question is not None:
            changed.question = args.question
        if args.agency is not None:
            changed.agency_id = resolve_agency(store, args.agency).id
            if args.to is None and c.to_member_id is not None:
                changed.to_member_id = None  # the member was the old agency's
        if args.to is not None:
            changed.to_member_id, changed.to_name = _to(store, changed.agency_id, args.to)
        if args.email is not None:
            changed.to_email = args.email
        if args.about is not None:
            changed.subject_kind = parse_subject_kind(args.about)
            if changed.subject_kind is SubjectKind.OTHER:
                changed.subject_id = None
        if args.subject_id is not None:
            changed.subject_id = args.subject_id if args.subject_id > 0 else None
            if changed.subject_id is not None and args.subject is None:
                changed.subject_text = store.challenges.subject_label(changed.subject_kind, changed.subject_id)
        if args.subject is not None:
            changed.subject_text = args.subject
        if args.at is not None:
            changed.meeting_id, changed.item_id = _raised_at(store, args.at) if args.at.strip().lower() != "none" \
                else (None, None)
        if args.raised is not None:
            changed.raised_on = date_arg(args.raised, "--raised")
        if args.due is not None:
            changed.due_date = date_arg(args.due, "--due")
        saved = store.challenges.update(changed)
        if saved.row_version == c.row_version:
            print(f"Challenge {c.reference}: nothing changed.")
        else:
            print(f"Challenge {c.reference} saved (version {saved.row_version}).")
    return 0


def cmd_respond(args: argparse.Namespace) -> int:
    received = date_arg(args.received, "--received") or today()
    text = _text(args)
    with editing_store(args) as store:
        c = _find(store, args.reference)
        latest = c.latest_response
        if args.amend:
            if latest is None or latest.verdict is not None:
                raise CliError(f"--amend: {c.reference} has no response waiting for review to amend.")
            r = store.challenges.update_response(dataclasses.replace(latest, text=text,
                                                                     received_on=date_arg(args.received, "--received")
                                                                     or latest.received_on))
            print(f"Challenge {c.reference}: the response of {day(r.received_on)} amended.")
            return 0
        r = store.challenges.respond(c.id, text, received)
        print(f"Challenge {c.reference}: response received {day(r.received_on)}; it waits for the subcommittee's "
              f"review ('mqp challenges accept {c.reference}').")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    verdict = parse_verdict(args.verdict)
    on = date_arg(args.on, "--on")
    new_due = date_arg(args.due, "--due")
    with editing_store(args) as store:
        c = _find(store, args.reference)
        at = resolve_meeting(store, args.at).id if args.at else None
        saved = store.challenges.review(c.id, verdict, args.reason or "", on, at_meeting_id=at, new_due=new_due)
        if saved.closed_on is not None:
            print(f"Challenge {c.reference}: response accepted; closed {day(saved.closed_on)}.")
        else:
            print(f"Challenge {c.reference}: response {verdict.label.lower()}; the agency to answer again by "
                  f"{day(saved.due_date)}.")
    return 0


def cmd_close(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        c = _find(store, args.reference)
        saved = store.challenges.close(c.id, on, args.note)
        print(f"Challenge {c.reference} closed {day(saved.closed_on)}: {saved.closed_note}")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        c = _find(store, args.reference)
        saved = store.challenges.withdraw(c.id, on, args.reason)
        print(f"Challenge {c.reference} withdrawn {day(saved.withdrawn_on)}: {saved.withdrawn_reason} "
              "(it stays in the log).")
    return 0


def cmd_chase(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.challenge_chase import chase_file_name, write_chase_email, write_chase_emails
    from mqp_desktop.exporters.files import ExportFileError

    out = Path(args.out).expanduser()
    with opened_store(args) as store:
        try:
            if args.reference:
                c = _find(store, args.reference)
                if out.is_dir():
                    out = out / chase_file_name(c, store.agency(c.agency_id).label)
                elif out.suffix.lower() != ".eml":
                    raise CliError(f"--out: '{out}' is neither an existing folder nor a file ending in .eml.")
                paths = [write_chase_email(store, c.id, out)]
                chased = [c]
            else:
                chased = store.challenges.overdue(today())
                if not out.is_dir():
                    raise CliError(f"--out: '{out}' is not an existing folder: give the folder for the drafts "
                                   "(a file name only with one REFERENCE).")
                paths = write_chase_emails(store, out) if chased else []
        except ExportFileError as exc:
            raise CliError(f"--out: {exc.problem} {exc.remedy}".strip()) from None
        records = []
        for c, path in zip(chased, paths):
            name, email = store.challenges.contact(c)
            records.append({"reference": c.reference, "file": str(path), "to_name": name, "to_email": email,
                            "days_overdue": c.days_overdue(today())})
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No challenge is overdue: there is no one to chase.")
        for r in records:
            to = f"{r['to_name']} <{r['to_email']}>" if r["to_email"] else \
                "(no address: fill it in before sending, or add one to the challenge)"
            print(f"{r['reference']} ({r['days_overdue']} days overdue) -> {r['file']} to {to}")
    return 0


# --- parsers -------------------------------------------------------------------------------------

def add_parsers(commands, new_parser) -> None:
    ch = new_parser(
        commands, "challenges", "the challenge log: list, show, add, edit, respond, accept, close, withdraw, chase",
        "The challenge log (ToR 6.3): questions the subcommittee puts to an agency about an indicator, an\n"
        "audit, an inspection or anything else; the agency's responses; whether each was accepted. A\n"
        "challenge waiting for the agency past its due date is overdue, and can be chased by email.\n"
        "Nothing is deleted: a challenge is closed or withdrawn with the reason.",
        "examples:\n"
        "  mqp challenges list --overdue\n"
        "  mqp challenges add --agency \"SWL ICB\" --to \"Joanne Price\" --about indicator \\\n"
        "      --subject \"Initial health assessments within 20 working days\" --at last:5 --due 2026-12-01 \\\n"
        "      --question \"What is the recovery plan?\"\n"
        "  mqp challenges respond CH-2026-004 --received 2026-11-20 --text \"The vacancy is filled ...\"\n"
        "  mqp challenges accept CH-2026-004 --verdict further-information --reason \"The trajectory\" --due 2027-01-10\n"
        "  mqp challenges chase --out drafts/", db=False)
    sub = ch.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "challenges: --open (default), --overdue, --answered, --closed, --all",
                   "List challenges by reference: open ones by default (those overdue or awaiting review included).",
                   "JSON (--json): a list of challenge objects.\n" + CHALLENGE_JSON_KEYS
                   + "\n\nexamples:\n  mqp challenges list --overdue\n  mqp challenges list --all --agency Police --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="not closed or withdrawn (the default)")
    which.add_argument("--overdue", action="store_true", help="waiting for the agency past the due date")
    which.add_argument("--answered", action="store_true", help="answered, waiting for the subcommittee's review")
    which.add_argument("--closed", action="store_true", help="closed or withdrawn")
    which.add_argument("--all", action="store_true", help="every challenge")
    p.add_argument("--agency", metavar="AGENCY", help="only those put to this agency (id, name or short name)")
    p.add_argument("--meeting", metavar="MEETING", help="only those raised at this meeting")
    p.add_argument("--about", metavar="KIND", help="only those about an indicator, audit, inspection or other")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "show", "one challenge: question, status, responses and reviews",
                   "Show a challenge with its responses, the reviews of them, and what happens next.",
                   "JSON (--json): one challenge object.\n" + CHALLENGE_JSON_KEYS
                   + "\n\nexamples:\n  mqp challenges show CH-2026-004\n  mqp challenges show 4 --json")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    p = new_parser(sub, "subjects", "the indicators, audits or inspections a challenge can point to",
                   "List the records of a kind a challenge can be about (their ids, for --subject-id). A database\n"
                   "without that kind of record lists none: the subject is then described in words.",
                   "JSON (--json): a list of {id, label}.\n\nexamples:\n  mqp challenges subjects indicator")
    p.add_argument("about", metavar="KIND", help="indicator, audit or inspection")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_subjects)

    def subject_options(p, *, adding: bool) -> None:
        p.add_argument("--question", metavar="TEXT", required=adding, help="the question put to the agency")
        p.add_argument("--agency", metavar="AGENCY", required=adding, help="the agency (id, name or short name)")
        p.add_argument("--to", metavar="WHO", help="a member of that agency (id or name), or another named contact"
                                                   + ("; 'none' clears" if not adding else ""))
        p.add_argument("--email", metavar="ADDRESS", help="the named contact's email (a member's comes from the "
                                                          "register)")
        p.add_argument("--about", metavar="KIND", help=ABOUT_HELP)
        p.add_argument("--subject", metavar="TEXT", help="what it is about, in words (default: the record's label "
                                                         "with --subject-id)")
        p.add_argument("--subject-id", metavar="N", type=int, help="the indicator's, audit's or inspection's id "
                                                                   "('mqp challenges subjects KIND')"
                                                                   + ("; 0 clears" if not adding else ""))
        p.add_argument("--at", metavar="MEETING[:ITEM]", help="where it was raised, e.g. last, 2026-03-10:5 ("
                                                              + ("'none' clears; " if not adding else "")
                                                              + MEETING_HELP + ")")
        p.add_argument("--raised", metavar="DATE", help="the date it was raised (default: the meeting's, else today)"
                       if adding else "the date it was raised")
        p.add_argument("--due", metavar="DATE", help="the response's due date (default: four weeks after it was "
                                                     "raised)" if adding else "the response's due date")

    p = new_parser(sub, "add", "raise a challenge; it is given the next reference (CH-2026-007)",
                   "Record a challenge put to an agency. --to names a member of the agency (id or name); any other\n"
                   "name is recorded as a named contact (give --email for the chase). " + DATES,
                   "examples:\n  mqp challenges add --agency Police --to \"DI Mark Ellison\" --about indicator \\\n"
                   "      --subject \"Return home interviews within 72 hours\" --at last:6 --question \"Why the delay?\"")
    subject_options(p, adding=True)
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "edit", "change a challenge's question, subject, agency, contact, meeting or dates",
                   "Edit a challenge (its reference never changes). Only the options given change. " + DATES,
                   "examples:\n  mqp challenges edit CH-2026-004 --due 2027-01-15 --expect-version 2")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    subject_options(p, adding=False)
    p.add_argument("--expect-version", metavar="N", type=int,
                   help="refuse the change unless the challenge is still at this version (its JSON 'version')")
    p.set_defaults(func=cmd_edit)

    p = new_parser(sub, "respond", "record the agency's response (it then waits for review)",
                   "Record the agency's response and the date it came in (default today). A challenge whose last\n"
                   "response is still waiting for review takes no other: --amend replaces that one's text.",
                   "examples:\n  mqp challenges respond CH-2026-004 --text \"The post is filled.\" --received 2026-11-20\n"
                   "  mqp challenges respond CH-2026-004 --from-file reply.txt --amend")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    text = p.add_mutually_exclusive_group()
    text.add_argument("--text", metavar="TEXT", help="the response (or a summary of it)")
    text.add_argument("--from-file", metavar="FILE", help="read the response from a text file (UTF-8)")
    p.add_argument("--received", metavar="DATE", help="the date it came in (default today)")
    p.add_argument("--amend", action="store_true", help="replace the response waiting for review")
    p.set_defaults(func=cmd_respond)

    p = new_parser(sub, "accept", "the subcommittee's review of the response: accepted, not accepted, further info",
                   "Review the response waiting for review. accepted closes the challenge; not-accepted (with\n"
                   "--reason) and further-information (--reason says what) need --due, the date the agency should\n"
                   "answer again by. --at: the meeting that reviewed it (its date is the default --on).",
                   "examples:\n  mqp challenges accept CH-2026-004\n"
                   "  mqp challenges accept CH-2026-004 --verdict not-accepted --reason \"No dates\" --due 2027-01-10")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--verdict", metavar="VERDICT", default="accepted",
                   help="accepted (default), not-accepted or further-information")
    p.add_argument("--reason", metavar="TEXT", help="why not accepted, or what further information is asked for")
    p.add_argument("--due", metavar="DATE", help="when not accepted: the date to answer again by")
    p.add_argument("--on", metavar="DATE", help="the date of the review (default: the meeting's, else today)")
    p.add_argument("--at", metavar="MEETING", help="the meeting that reviewed it")
    p.set_defaults(func=cmd_accept)

    p = new_parser(sub, "close", "close a challenge without an accepted response (say why)",
                   "Close a challenge, e.g. escalated to the Executive or superseded. (Accepting a response closes\n"
                   "it too.) It stays in the log.",
                   "examples:\n  mqp challenges close CH-2026-003 --note \"Escalated to the Executive\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--note", metavar="TEXT", required=True, help="why it is closed")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_close)

    p = new_parser(sub, "withdraw", "withdraw a challenge raised in error (it stays in the log, with the reason)",
                   "Withdraw a challenge: nothing is deleted; it keeps its reference and shows as withdrawn.",
                   "examples:\n  mqp challenges withdraw CH-2026-006 --reason \"Raised twice: see CH-2026-005\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why it is withdrawn")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_withdraw)

    p = new_parser(sub, "chase", "email drafts (.eml) chasing overdue challenges",
                   "Write a chase email draft (.eml, opened by Outlook or Thunderbird as a new message) for one\n"
                   "overdue challenge, or for every overdue challenge into a folder (all or nothing). The wording\n"
                   "is the email_challenge_chase setting ('mqp settings show'). Nothing is recorded.",
                   "JSON (--json): a list of {reference, file, to_name, to_email, days_overdue}.\n\n"
                   "examples:\n  mqp challenges chase --out drafts/\n  mqp challenges chase CH-2026-004 --out chase.eml")
    p.add_argument("reference", metavar="REFERENCE", nargs="?", help="one challenge (default: every overdue one)")
    p.add_argument("--out", metavar="PATH", required=True,
                   help="the .eml file (one challenge) or an existing folder (every overdue one)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_chase)

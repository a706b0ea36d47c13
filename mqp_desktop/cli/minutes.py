"""``mqp minutes ...`` and ``mqp actions ...``: minutes, declarations of interest, the chair's
sign-off and the action log (ToR 3, 11, 13, 14), over ``store.minutes``.

The JSON records here are part of the command line's public interface (see
``output.py``): plain keys that stay stable, ISO dates, status words.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, today
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg, meeting_line, meeting_record, resolve_meeting
from mqp_desktop.cli.output import day, emit_json, iso, table
from mqp_desktop.domain.actions import Action, parse_status
from mqp_desktop.domain.meetings import match_names
from mqp_desktop.domain.minutes import RATIFIED_HEADING, WAITS_MARK, ActionLine, Declaration, Minutes, plain_text
from mqp_desktop.domain.signoff import (
    ApprovalFileError,
    MinutesRevision,
    read_approval_file,
    respond,
    short_digest,
    write_approval_file,
)
from mqp_desktop.domain.validation import ValidationError

ACTION_JSON_KEYS = """\
  Action objects: id, number ("2026-03/4"), meeting_id, meeting_date, item_id, item_number,
  description, owner, owner_member_id (null for a named person), owner_name, due_date,
  status ("open" | "in progress" | "done" | "dropped"), status_date, status_note, overdue."""


def _approval_error(exc: ApprovalFileError) -> CliError:
    return CliError(f"{exc.field}: {exc.problem} {exc.remedy}")


def _member_or_none(store, text: str):
    value = text.strip()
    if value.isdigit():
        return store.member(int(value))
    found, _ = match_names(value, [m for m in store.members() if not m.is_vacant])
    return found[0] if len(found) == 1 else None


def _item_id(store, meeting, number: str | None) -> int | None:
    if not number:
        return None
    try:
        return store.agendas.find_item(meeting.id, number).id
    except ValidationError:
        raise CliError(f"--item: the agenda of meeting {meeting.id} has no item {number.strip()} "
                       f"(see 'mqp agenda show {meeting.id}').") from None


def _png(path: str | None) -> bytes | None:
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"--signature: '{path}' could not be read: {exc.strerror or exc}.") from None


# --- records ----------------------------------------------------------------------------------

def revision_record(rev: MinutesRevision | None) -> dict[str, Any] | None:
    if rev is None:
        return None
    return {
        "revision": rev.revision, "status": rev.status, "digest": rev.digest, "signed_by": rev.signed_by,
        "signed_on": iso(rev.signed_on), "signature_image": rev.signature_png is not None,
        "correction_reason": rev.correction_reason, "corrected_on": iso(rev.corrected_on),
        "approved_at_meeting_id": rev.approved_at_meeting_id, "saved_at": rev.saved_at,
    }


def action_record(store, a: Action, names: dict[int, str], meetings: dict, numbers: dict) -> dict[str, Any]:
    meeting = meetings.get(a.meeting_id)
    if a.meeting_id not in numbers:
        numbers[a.meeting_id] = store.agendas.numbers(a.meeting_id)
    return {
        "id": a.id, "number": a.number, "meeting_id": a.meeting_id, "meeting_date": iso(meeting.date) if meeting else None,
        "item_id": a.item_id, "item_number": numbers[a.meeting_id].get(a.item_id) if a.item_id else None,
        "description": a.description, "owner": store.minutes.owner_text(a, names),
        "owner_member_id": a.owner_member_id, "owner_name": a.owner_name, "due_date": iso(a.due_date),
        "status": a.status.value, "status_date": iso(a.status_date), "status_note": a.status_note,
        "overdue": a.is_overdue(today()),
    }


# --- minutes show -------------------------------------------------------------------------------

def _action_text(a: ActionLine) -> str:
    due = f", due {day(a.due_date)}" if a.due_date else ""
    flag = " OVERDUE" if a.overdue else ""
    note = f" — {a.note}" if a.note else ""
    return f"{a.number} {a.description} ({a.owner}{due}) [{a.status}{flag}]{note}"


def _print_minutes(m: Minutes, rev: MinutesRevision | None, prompts) -> None:
    state = "not started (prefilled, nothing saved)" if rev is None else f"revision {rev.revision}, {rev.status}"
    if rev is not None and rev.is_signed:
        state += f", signed by {rev.signed_by} on {day(rev.signed_on)}; digest {rev.digest}"
    print(f"Minutes of the {m.meeting.title[:1].lower() + m.meeting.title[1:]} — {state}")
    if m.correction:
        print(f"Correction of revision {m.correction.corrects_revision} ({day(m.correction.on)}): {m.correction.reason}")
    print(f"{m.partnership} · {m.subcommittee}".strip(" ·"))
    print(f"Chair: {m.chaired_by or '(not given)'}   Minutes: {m.minute_taker or '(not given)'}")
    att = m.attendance
    print(f"\nPresent ({len(att.present)}): " + "; ".join(f"{p.name} ({p.agency})" for p in att.present))
    if att.deputies:
        print("Deputies: " + "; ".join(f"{d.name} for {d.for_name} ({d.agency})" for d in att.deputies))
    print("Apologies: " + ("; ".join(p.name for p in att.apologies) or "none"))
    if att.absent:
        print("Absent: " + "; ".join(p.name for p in att.absent))
    if att.in_attendance:
        print("In attendance: " + "; ".join(f"{g.name} ({g.organisation})" if g.organisation else g.name
                                            for g in att.in_attendance))
    if att.not_recorded:
        print(f"Not yet in the register: {len(att.not_recorded)} members")
    print("\n" + m.quoracy.statement)
    print("\nDeclarations of interest: " + ("none" if not m.declarations else ""))
    for d in m.declarations:
        where = f"item {d.item_number}" if d.item_number else "the meeting"
        print(f"  {d.name} ({d.agency}), {where}: {d.nature}" + (f" — {d.managed}" if d.managed else ""))
    for p in prompts:
        print(f"  prompt: {p.reason}; attending: {', '.join(p.people)}")
    for item in m.items:
        indent = "  " * item.depth
        extra = "" if item.on_agenda else " (no longer on the agenda)"
        print(f"\n{indent}{item.number}. {item.title}{extra}" + (f" — {item.presenter}" if item.presenter else ""))
        if item.waits:
            print(f"{indent}   [{WAITS_MARK}]")
        if item.discussion.strip():
            for para in plain_text(item.discussion).split("\n\n"):
                print("\n".join(f"{indent}   {line}" for line in para.splitlines()))
        for d in item.decisions:
            print(f"{indent}   DECISION: {d.text}" + (" [taken while inquorate — ToR 3]" if d.taken_while_inquorate else ""))
        for a in item.actions:
            print(f"{indent}   ACTION {_action_text(a)}")
    for a in m.general_actions:
        print(f"ACTION {_action_text(a)}")
    if m.ratified:
        print(f"\n{RATIFIED_HEADING} (ToR 3):")
        for line in m.ratified:
            print(f"  RATIFIED: {line.sentence}")
    print("\nAction log (carried forward):" + (" none" if not m.action_log else ""))
    for a in m.action_log:
        print(f"  {_action_text(a)}")


def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        repo = store.minutes
        minutes = repo.minutes(meeting.id, args.revision)
        rev = repo.revision(meeting.id, args.revision)
        prompts = [] if rev is not None and rev.is_signed else repo.declaration_prompts(meeting.id)
        if args.json:
            emit_json({
                "meeting": meeting_record(meeting),
                "revision": revision_record(rev),
                "revisions": [revision_record(r) for r in repo.revisions(meeting.id)],
                "locked": repo.is_locked(meeting.id),
                "minutes": minutes.to_data(),
                "declaration_prompts": [
                    {"item_id": p.item_id, "item_number": p.item_number, "agency": p.agency, "people": list(p.people),
                     "member_ids": list(p.member_ids), "reason": p.reason} for p in prompts],
            })
            return 0
        _print_minutes(minutes, rev, prompts)
    return 0


# --- sign-off -----------------------------------------------------------------------------------

def cmd_sign(args: argparse.Namespace) -> int:
    on = date_arg(args.date, "--date") or today()
    png = _png(args.signature)
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        if args.key is not None:
            from mqp_desktop.cli.chair_key import unlocked_key
            from mqp_desktop.exporters.minutes_signature import sign_at_desk

            key = unlocked_key(args)
            digest = sign_at_desk(store, meeting.id, args.by, on, png, key)
            how = (f"With the chair's key ({key.public.name}, fingerprint {key.public.spoken}): the signature and the "
                   "signed PDF are kept with the minutes, and 'mqp export minutes' writes that PDF.")
        else:
            digest = store.minutes.sign(meeting.id, args.by, on, png)
            how = ("By name only: this sign-off carries NO cryptographic signature, so nothing but this database "
                   "says who signed. To sign with the chair's key, the chair brings their key file: "
                   "--key FILE (the passphrase is asked for).")
        rev = store.minutes.revision(meeting.id)
        print(f"Signed: minutes of {meeting_line(meeting)}, revision {rev.revision}, by {rev.signed_by} on "
              f"{day(rev.signed_on)}.\nSHA-256: {digest}\n{how}\nThey are now locked, with the meeting's register, "
              f"details and agenda; a change needs 'mqp minutes correct {meeting.id} --reason ...'.")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        results = store.minutes.verify_all(meeting.id)
        if not results:
            raise CliError(f"The minutes of meeting {meeting.id} have not been signed: there is nothing to verify.")
        failed = 0
        for r in results:
            if r.ok:
                print(f"revision {r.revision}: unchanged since it was signed (SHA-256 {r.stored_digest}).")
            elif r.differences:
                failed += 1
                print(f"revision {r.revision}: the minutes are as signed (SHA-256 {r.stored_digest}), but the "
                      "meeting in the database has CHANGED since:")
                for line in r.differences:
                    print(f"  - {line}")
            else:
                failed += 1
                print(f"revision {r.revision}: CHANGED. {r.problem}\n  stored digest:     {r.stored_digest}\n"
                      f"  recomputed digest: {r.recomputed}")
            for note in r.notes:
                print(f"  {note}")
        if failed:
            print(f"mqp: error: {failed} signed revision(s) of the minutes of meeting {meeting.id} no longer match "
                  "what was signed: restore the database from a backup taken before the change.", file=sys.stderr)
            return 1
    return 0


def cmd_correct(args: argparse.Namespace) -> int:
    on = date_arg(args.date, "--date") or today()
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        rev = store.minutes.correct(meeting.id, args.reason, on)
        print(f"Revision {rev.revision} of the minutes of meeting {meeting.id} opened as a draft to correct revision "
              f"{rev.revision - 1} ({rev.correction_reason}). Revision {rev.revision - 1} stays as signed.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        approval, path = store.minutes.export_for_approval(meeting.id, Path(args.out))
        print(f"Written {path}: revision {approval.revision} of the minutes of meeting {meeting.id} for the chair.\n"
              f"Draft SHA-256: {approval.draft_digest}\nThe chair opens it in MQ&P Desktop (no database needed), signs "
              "or comments, and sends it back for 'mqp minutes import-approval FILE'.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        try:
            result = store.minutes.import_approval(Path(args.file))
        except ApprovalFileError as exc:
            raise _approval_error(exc) from None
        if result.approved:
            print(f"Signed from the approval file: minutes of meeting {result.meeting_id}, revision {result.revision}, "
                  f"by {result.name} on {day(result.on)}.\nSHA-256: {result.digest}")
        else:
            print(f"The chair ({result.name}, {day(result.on)}) returned comments on revision {result.revision}; the "
                  f"minutes are not signed:\n{result.comments}")
    return 0


def cmd_respond(args: argparse.Namespace) -> int:
    """The chair's side, with no database: sign (or comment on) an approval file."""
    try:
        approval = read_approval_file(Path(args.file))
    except ApprovalFileError as exc:
        raise _approval_error(exc) from None
    on = date_arg(args.date, "--date") or today()
    approved = args.comments is None
    signed = respond(approval, args.by, on, approved=approved, comments=args.comments or "",
                     signature_png=_png(args.signature))
    note = ""
    if args.key is not None and approved:
        from mqp_desktop.cli.chair_key import unlocked_key
        from mqp_desktop.exporters.minutes_signature import sign_approval

        key = unlocked_key(args)
        signed = sign_approval(signed, key)
        note = f"\nSigned with your key (fingerprint {key.public.spoken}); the signed minutes PDF is in the file."
    elif approved:
        note = ("\nNot signed with a key: an officer who holds your public key will refuse it. Add --key to sign "
                "with your signing key.")
    path = write_approval_file(signed, Path(args.out) if args.out else Path(args.file))
    what = "approved and signed" if approved else "returned with comments"
    print(f"Minutes of {approval.meeting.get('title', 'the meeting')} {what} by {signed.response.name}; written "
          f"{path}. Send it back to the officer.\nDraft SHA-256: {short_digest(approval.draft_digest)}{note}")
    return 0


# --- declarations -------------------------------------------------------------------------------

def cmd_declare(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        member = None
        if args.member:
            member = _member_or_none(store, args.member)
            if member is None:
                raise CliError(f"--member: no single member is called '{args.member}': give the member's id "
                               "('mqp members list') or full name, or use --guest NAME.")
        decl = store.minutes.add_declaration(Declaration(
            meeting_id=meeting.id, member_id=member.id if member else None, guest_name=args.guest or "",
            item_id=_item_id(store, meeting, args.item), nature=args.nature, managed=args.managed or "",
        ))
        who = member.display_name if member else decl.guest_name
        print(f"Declaration {decl.id} recorded for meeting {meeting.id}: {who}"
              + (f", item {args.item}" if args.item else "") + f": {decl.nature}"
              + (f" — {decl.managed}" if decl.managed else ""))
    return 0


# --- actions ------------------------------------------------------------------------------------

def cmd_actions_list(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting) if args.meeting else None
        owner_id, owner_text = None, ""
        if args.owner:
            member = _member_or_none(store, args.owner)
            owner_id, owner_text = (member.id, "") if member else (None, args.owner)
        statuses = [parse_status(s) for s in args.status.split(",")] if args.status else None
        found = store.minutes.actions(owner_member_id=owner_id, owner=owner_text, statuses=statuses,
                                      open_only=args.open, overdue_on=today() if args.overdue else None,
                                      meeting_id=meeting.id if meeting else None)
        names = {m.id: m.display_name for m in store.members()}
        meetings = {m.id: m for m in store.meetings.list()}
        numbers: dict = {}
        records = [action_record(store, a, names, meetings, numbers) for a in found]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No actions match.")
            return 0
        print(table(
            ["Number", "Description", "Owner", "Due", "Status", "From"],
            [[r["number"], r["description"], r["owner"], day(a.due_date) + (" OVERDUE" if r["overdue"] else ""),
              r["status"], f"{day(meetings[a.meeting_id].date)}" + (f" item {r['item_number']}" if r["item_number"] else "")]
             for r, a in zip(records, found)],
            max_widths={"Description": 60, "Owner": 24}, right=(),
        ))
    return 0


def cmd_actions_add(args: argparse.Namespace) -> int:
    ref = args.item.strip()
    if ":" not in ref:
        raise CliError(f"MEETING:ITEM: '{args.item}' should name the meeting and the item, e.g. last:5 or 2026-03-10:4.1.")
    meeting_text, _, number = ref.rpartition(":")
    due = date_arg(args.due, "--due")
    with opened_store(args) as store:
        meeting = resolve_meeting(store, meeting_text)
        item_id = _item_id(store, meeting, number) if number.strip() not in ("", "-") else None
        member = _member_or_none(store, args.owner)
        action = store.minutes.add_action(Action(
            meeting_id=meeting.id, item_id=item_id, description=args.description,
            owner_member_id=member.id if member else None, owner_name="" if member else args.owner, due_date=due,
        ))
        owner = member.display_name if member else f"{action.owner_name} (not a member)"
        print(f"Action {action.number} added from meeting {meeting.id}"
              + (f" item {number}" if item_id else "") + f": {action.description} — {owner}"
              + (f", due {day(due)}" if due else ""))
    return 0


def cmd_actions_update(args: argparse.Namespace) -> int:
    on = date_arg(args.date, "--date")
    with editing_store(args) as store:
        action = store.minutes.find_action(args.number)
        meeting = resolve_meeting(store, args.at)
        update = store.minutes.update_action_status(action.id, parse_status(args.status), meeting.id,
                                                    args.note or "", on)
        print(f"Action {action.number}: {update.status.value} at meeting {meeting.id} ({day(update.on)})"
              + (f" — {update.note}" if update.note else ""))
    return 0


# --- parsers ------------------------------------------------------------------------------------

def add_parsers(commands, new_parser) -> None:
    minutes = new_parser(
        commands, "minutes", "minutes: show, declare, sign, verify, correct, export-for-approval, import-approval, "
                             "circulate",
        "Minutes of a meeting (ToR 3, 11, 13): prefilled from the register, quorum and agenda; declarations\n"
        "of interest; the chair's sign-off, which locks them; corrections as new dated revisions.",
        "examples:\n  mqp minutes show last\n  mqp minutes declare last --member \"Margaret Ansah\" --item 6 "
        "--nature \"Employed by CLCH\" --managed \"Left the room for the decision\"\n"
        "  mqp minutes sign last --by \"Dr Helen Carter\"\n  mqp minutes verify 1", db=False)
    sub = minutes.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "show", "the minutes (signed: as signed; draft: assembled now)",
                   "Show a meeting's minutes: attendance, quoracy, declarations (with prompts for items that\n"
                   "name an agency whose representative attended), each item's discussion, decisions (marked\n"
                   "when taken while inquorate) and new actions, and the action log carried forward.",
                   "JSON (--json): meeting, revision ({revision, status, digest, signed_by, signed_on,\n"
                   "signature_image, correction_reason, corrected_on, approved_at_meeting_id, saved_at} or null),\n"
                   "revisions, locked, minutes (the content as signed: see domain/minutes.py),\n"
                   "declaration_prompts.\n\nexamples:\n  mqp minutes show last\n  mqp minutes show 1 --revision 1 --json")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--revision", metavar="N", type=int, help="a given revision (default the latest)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    from mqp_desktop.cli.governance.followups import add_minutes_circulate_parser

    add_minutes_circulate_parser(sub, new_parser)  # mqp minutes circulate (ToR 13)

    p = new_parser(sub, "declare", "record a declaration of interest (ToR 11)",
                   "Record a declaration of interest at a meeting: who (--member, or --guest for someone who is\n"
                   "not a member), the item (its number on the agenda; leave out for the meeting generally),\n"
                   "the nature of the interest and how it was managed.",
                   "examples:\n  mqp minutes declare last --member 15 --item 9 --nature \"Employed by CLCH\" "
                   "--managed \"Left the room for the decision\"")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", metavar="MEMBER", help="the member's id or name")
    who.add_argument("--guest", metavar="NAME", help="a guest's name")
    p.add_argument("--item", metavar="NUMBER", help="the item's number on the agenda")
    p.add_argument("--nature", metavar="TEXT", required=True, help="the nature of the interest")
    p.add_argument("--managed", metavar="TEXT", help="how it was managed (e.g. left the room)")
    p.set_defaults(func=cmd_declare)

    p = new_parser(sub, "sign", "the chair signs the minutes: they are locked; prints the SHA-256",
                   "Sign the draft minutes: they are frozen as they stand, a SHA-256 digest of their content\n"
                   "is stored (and printed on the PDF), and from then on nothing in them - nor the meeting's\n"
                   "register, details and agenda - can change: a later change is a correction (a new revision).\n"
                   "Without --key this is a sign-off by name only, with no cryptographic signature; with the\n"
                   "chair's key file (--key) the minutes and their PDF are signed with the chair's key, which\n"
                   "must be the one this database holds (mqp chair-key import).",
                   "examples:\n  mqp minutes sign last --by \"Dr Helen Carter\"\n"
                   "  mqp minutes sign last --by \"Dr Helen Carter\" --key /media/usb/chair-signing-key.json\n"
                   "  mqp minutes sign 2026-10-13 --by \"Dr Helen Carter\" --date 2026-12-08 --signature sig.png")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--by", metavar="NAME", required=True, help="who signs (the chair)")
    p.add_argument("--date", metavar="DATE", help="the date of signing (default today)")
    p.add_argument("--signature", metavar="PNG", help="an image of the signature (PNG, at most 512 KB)")
    p.add_argument("--key", metavar="FILE", nargs="?", const="", help="sign with the chair's key file (the chair "
                   "present; the passphrase is asked for). Without it the sign-off is by name only")
    p.add_argument("--passphrase-file", metavar="FILE", help="with --key: read the passphrase from a file")
    p.set_defaults(func=cmd_sign)

    p = new_parser(sub, "verify", "recompute the digests of the signed minutes; exit 1 if any changed",
                   "Recompute the SHA-256 of every signed revision of the meeting's minutes and compare it with\n"
                   "the digest stored at signing; the signer, date and signature image are checked too. For the\n"
                   "revision in force, the meeting's date, times, venue, register, guests, agenda and the chair's\n"
                   "decision in the database are compared with those signed, and each difference is named\n"
                   "(minutes signed before sign-off covered the meeting say so).",
                   "exit status: 0 unchanged; 1 a revision changed (which, and both digests, are printed) or\n"
                   "nothing is signed.\n\nexamples:\n  mqp minutes verify 1")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.set_defaults(func=cmd_verify)

    p = new_parser(sub, "correct", "open a new revision to correct signed minutes",
                   "Correct signed minutes: a new draft revision with the reason and date; the signed revision\n"
                   "stays readable and provable. The chair signs the new revision in turn.",
                   "examples:\n  mqp minutes correct 1 --reason \"Apologies from Hannah Cole were omitted\"")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why the minutes are corrected")
    p.add_argument("--date", metavar="DATE", help="the date of the correction (default today)")
    p.set_defaults(func=cmd_correct)

    p = new_parser(sub, "export-for-approval", "write the draft to a .mqpminutes file for the chair",
                   "Write the draft minutes, their digest and the meeting's details to one file the chair can\n"
                   "open on a laptop without this database.",
                   "examples:\n  mqp minutes export-for-approval last --out minutes-for-approval.mqpminutes")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--out", metavar="FILE", required=True, help="the file to write (.mqpminutes)")
    p.set_defaults(func=cmd_export)

    p = new_parser(sub, "import-approval", "take back the chair's signed (or commented) file",
                   "Import the file the chair signed: accepted only when its draft digest equals the draft\n"
                   "this database holds now; a tampered file, or one for another database, meeting or\n"
                   "revision, is refused naming the field and what to do.",
                   "examples:\n  mqp minutes import-approval minutes-for-approval.mqpminutes")
    p.add_argument("file", metavar="FILE", help="the .mqpminutes file")
    p.set_defaults(func=cmd_import)

    p = new_parser(sub, "respond", "the chair's side: sign or comment on a .mqpminutes file (no database)",
                   "Sign (or, with --comments, send back comments on) a minutes-for-approval file. Needs no\n"
                   "database (there is no --db here): this is what the chair does on their own laptop.",
                   "examples:\n  mqp minutes respond minutes.mqpminutes --by \"Dr Helen Carter\" --signature sig.png\n"
                   "  mqp minutes respond minutes.mqpminutes --by \"Dr Helen Carter\" --comments \"Item 5: ...\"",
                   db=False)
    p.add_argument("file", metavar="FILE", help="the .mqpminutes file")
    p.add_argument("--by", metavar="NAME", required=True, help="who signs (the chair)")
    p.add_argument("--date", metavar="DATE", help="the date (default today)")
    p.add_argument("--comments", metavar="TEXT", help="return comments instead of approving")
    p.add_argument("--signature", metavar="PNG", help="an image of the signature (PNG)")
    p.add_argument("--out", metavar="FILE", help="write here instead of over FILE")
    p.add_argument("--key", metavar="FILE", nargs="?", const="", help="sign with your signing key (default: the "
                   "one in your config folder; the passphrase is asked for)")
    p.add_argument("--passphrase-file", metavar="FILE", help="with --key: read the passphrase from a file")
    p.set_defaults(func=cmd_respond)

    actions = new_parser(
        commands, "actions", "the action log: list, add, update, export, remind",
        "The action log (ToR 14): actions from meetings with owner, due date and status; open actions\n"
        "carry forward to the next meeting's action log until closed.",
        "examples:\n  mqp actions list --overdue\n  mqp actions add last:5 --owner \"Sofia Marques\" --due 2026-12-01 "
        "\"Circulate the audit summary\"\n  mqp actions update 2026-10/1 --status done --at next --note \"Sent\"",
        db=False)
    sub = actions.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "actions across all meetings; --open, --overdue, --owner, --status",
                   "List actions by number, with owner, due date, status and where they came from.",
                   "JSON (--json): a list of action objects.\n" + ACTION_JSON_KEYS
                   + "\n\nexamples:\n  mqp actions list --open\n  mqp actions list --overdue --owner \"Priya Raman\" --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="only open or in progress")
    which.add_argument("--overdue", action="store_true", help="only overdue (due date passed, still open)")
    p.add_argument("--owner", metavar="WHO", help="a member's id or name, or part of a named owner")
    p.add_argument("--status", metavar="LIST", help="comma-separated: open, in progress, done, dropped")
    p.add_argument("--meeting", metavar="MEETING", help="only actions from this meeting")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_actions_list)

    p = new_parser(sub, "add", "a new action from a meeting's item; it is numbered YYYY-MM/n",
                   "Add an action from MEETING:ITEM (the item's number on that meeting's agenda; MEETING: alone\n"
                   "for the meeting generally). --owner is a member (id or name); any other name is recorded\n"
                   "as a named person who is not a member.",
                   "examples:\n  mqp actions add last:5 --owner \"Sofia Marques\" --due 2026-12-01 \"Circulate the audit\"")
    p.add_argument("item", metavar="MEETING:ITEM", help="the meeting and item, e.g. last:5")
    p.add_argument("description", metavar="DESCRIPTION", help="what is to be done")
    p.add_argument("--owner", metavar="WHO", required=True, help="a member's id or name, or a named person")
    p.add_argument("--due", metavar="DATE", help="the due date")
    p.set_defaults(func=cmd_actions_add)

    p = new_parser(sub, "update", "record a status given at a meeting (open, in progress, done, dropped)",
                   "Record an update on an action as given at a meeting (--at): its status and a note. The\n"
                   "update shows in that meeting's minutes; a done or dropped action leaves the next log.",
                   "examples:\n  mqp actions update 2026-10/1 --status done --at next --note \"Invitations sent\"")
    p.add_argument("number", metavar="NUMBER", help="the action's number, e.g. 2026-10/1")
    p.add_argument("--status", metavar="STATUS", required=True, help="open, in progress, done or dropped")
    p.add_argument("--at", metavar="MEETING", required=True, help="the meeting where the update was given")
    p.add_argument("--note", metavar="TEXT", help="the update")
    p.add_argument("--date", metavar="DATE", help="the date of the update (default the meeting's)")
    p.set_defaults(func=cmd_actions_update)

    from mqp_desktop.cli.minutes_exports import add_actions_parsers

    add_actions_parsers(sub, new_parser)  # mqp actions export
    from mqp_desktop.cli.due import add_remind_parser

    add_remind_parser(sub, new_parser)  # mqp actions remind

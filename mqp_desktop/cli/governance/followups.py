"""``mqp followups ...``: letters to members below the attendance standard and their outcomes (ToR 5), over
``store.governance.followups``; and ``mqp minutes circulate`` (ToR 13)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from email.utils import formataddr
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, today
from mqp_desktop.cli.governance.common import DATES, expect_version, member
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg, meeting_line, resolve_meeting
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.governance.followups import FILTERS, AttendanceLetter, next_step, parse_outcome

LETTER_JSON_KEYS = """\
  Letter objects: id, member_id, member (name), role_title, agency, sent_on, reply_due, period_start,
  period_end (the attendance period that prompted it), rate (the member's attendance rate, %, or
  null), standard (%), status ("awaiting reply" | "reply overdue" | "closed" | "withdrawn"),
  days_overdue, outcome ("improved" | "permanent substitute named" | "member replaced" | "no reply" |
  null), outcome_on, substitute_name, notes, source ("written": by the attendance report's letters;
  "by hand"), file_name (the Word letter), next_step (in words), withdrawn_on, withdrawn_reason,
  version (give it to 'edit --expect-version'). Dates are YYYY-MM-DD or null."""

ID_HELP = "the letter's id ('mqp followups list --all')"


def letter_record(store, x: AttendanceLetter, on: dt.date, cache: dict[str, Any] | None = None) -> dict[str, Any]:
    cache = cache if cache is not None else {}
    members = cache.setdefault("members", {m.id: m for m in store.members()})
    agencies = cache.setdefault("agencies", {a.id: a for a in store.agencies()})
    m = members.get(x.member_id)
    return {
        "id": x.id, "member_id": x.member_id, "member": m.display_name if m else None,
        "role_title": m.role_title if m else None,
        "agency": agencies[m.agency_id].name if m is not None and m.agency_id in agencies else None,
        "sent_on": iso(x.sent_on), "reply_due": iso(x.reply_due), "period_start": iso(x.period_start),
        "period_end": iso(x.period_end), "rate": x.rate, "standard": x.standard, "status": x.status(on).value,
        "days_overdue": x.days_overdue(on), "outcome": x.outcome.value if x.outcome else None,
        "outcome_on": iso(x.outcome_on), "substitute_name": x.substitute_name, "notes": x.notes,
        "source": x.source.value, "file_name": x.file_name, "next_step": next_step(x, on),
        "withdrawn_on": iso(x.withdrawn_on), "withdrawn_reason": x.withdrawn_reason, "version": x.row_version,
    }


def cmd_list(args: argparse.Namespace) -> int:
    on = today()
    which = next((f for f in FILTERS if getattr(args, f, False)), "open")
    with opened_store(args) as store:
        who = member(store, args.member) if args.member else None
        found = store.governance.followups.list(which, on, member_id=who.id if who else None)
        cache: dict[str, Any] = {}
        records = [letter_record(store, x, on, cache) for x in found]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No letters match." + ("" if which == "all" else " (--all lists every one.)"))
            return 0
        print(table(["ID", "Member", "Agency", "Sent", "Reply due", "Status", "Outcome"],
                    [[r["id"], r["member"], r["agency"], day(x.sent_on), day(x.reply_due),
                      r["status"].upper() if r["status"] == "reply overdue" else r["status"],
                      (r["outcome"] or "") + (f" ({x.substitute_name})" if x.substitute_name else "")]
                     for x, r in zip(found, records)], max_widths={"Member": 28, "Agency": 28, "Outcome": 40}))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        x = store.governance.followups.get(args.id)
        r = letter_record(store, x, on)
        if args.json:
            emit_json(r)
            return 0
        period = f"{day(x.period_start)} to {day(x.period_end)}" if x.period_start else "-"
        print(fields([
            ("Member", f"{r['member']} ({r['role_title']}, {r['agency']})"), ("Sent", day(x.sent_on)),
            ("Reply due", day(x.reply_due)), ("Status", x.status(on).label), ("Next", r["next_step"]),
            ("Period", period), ("Rate", f"{x.rate}% against {x.standard}%" if x.rate is not None else "-"),
            ("Recorded", "written by the program" + (f" ({x.file_name})" if x.file_name else "")
             if x.source.value == "written" else "by hand"),
        ]))
        if x.notes:
            print("\nNotes:\n  " + x.notes.replace("\n", "\n  "))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    sent = date_arg(args.sent, "--sent") or today()
    with opened_store(args) as store:
        who = member(store, args.member)
        x = store.governance.followups.add(AttendanceLetter(
            member_id=who.id, sent_on=sent, reply_due=date_arg(args.reply_due, "--reply-due"), notes=args.notes or ""))
        print(f"Letter {x.id} to {who.display_name} recorded: sent {day(x.sent_on)}, reply due {day(x.reply_due)}.")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        repo = store.governance.followups
        x = repo.get(args.id)
        expect_version(store, repo, x, args.expect_version, f"mqp followups show {x.id}")
        changed = dataclasses.replace(x)
        if args.member is not None:
            changed.member_id = member(store, args.member).id
        if args.sent is not None:
            changed.sent_on = date_arg(args.sent, "--sent")
        if args.reply_due is not None:
            changed.reply_due = date_arg(args.reply_due, "--reply-due")
        if args.notes is not None:
            changed.notes = args.notes
        saved = repo.update(changed)
        print(f"Letter {x.id}: " + ("nothing changed." if saved.row_version == x.row_version
                                     else f"saved (version {saved.row_version})."))
    return 0


def cmd_outcome(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        outcome = parse_outcome(args.outcome) if args.outcome.strip().lower() not in ("none", "clear") else None
        x = store.governance.followups.record_outcome(args.id, outcome, on=on, substitute_name=args.substitute or "",
                                                      notes=args.notes)
        print(f"Letter {x.id}: " + next_step(x, today()))
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        x = store.governance.followups.withdraw(args.id, on, args.reason)
        print(f"Letter {x.id} withdrawn: {x.withdrawn_reason} (it stays recorded).")
    return 0


# --- mqp minutes circulate ------------------------------------------------------------------------

def _out_path(store, meeting_id: int, value: str) -> Path:
    from mqp_desktop.exporters.minutes_circulation import default_file_name

    path = Path(value).expanduser()
    if path.is_dir():
        return path / default_file_name(store, meeting_id)
    if path.suffix.lower() != ".eml":
        if path.suffix:
            raise CliError(f"--out: '{value}' does not end in .eml: give a folder, or a file name such as minutes.eml.")
        path = path.with_suffix(".eml")
    return path


def cmd_minutes_circulate(args: argparse.Namespace) -> int:
    from mqp_desktop.cli.circulation import plan_record
    from mqp_desktop.cli.reports import _writing
    from mqp_desktop.exporters.circulation import record_circulated
    from mqp_desktop.exporters.minutes_circulation import plan_minutes_circulation, write_minutes_eml

    if args.note and not args.record:
        raise CliError("--note is kept with the record: give --record too.")
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        out = _out_path(store, meeting.id, args.out)
        with _writing(out):
            plan = plan_minutes_circulation(store, meeting.id, include_deputies=args.deputies, pdf_path=args.pdf,
                                            subject=args.subject)
            written = write_minutes_eml(plan, out)
        recorded = record_circulated(store, plan, note=args.note or "") if args.record else None
    if args.json:
        emit_json(plan_record(plan, written, recorded.id if recorded else None))
        return 0
    print(f"Wrote the email draft circulating the minutes of {meeting_line(meeting)} to {written} (open it in Outlook "
          "or Thunderbird, check it and send it).")
    sender = formataddr(plan.sender) if plan.sender else "(your mail program fills it in)"
    deputies = f"; Cc {len(plan.cc)} deput{'y' if len(plan.cc) == 1 else 'ies'}" if plan.cc else ""
    print(f"  From:    {sender}")
    print(f"  To:      {len(plan.to)} member{'s' if len(plan.to) != 1 else ''}{deputies}")
    print(f"  Subject: {plan.subject}")
    for a in plan.attachments:
        print(f"  Attached: {a.name}")
    for w in plan.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if recorded is not None:
        print(f"Recorded as circulation {recorded.id} ({len(recorded.recipients)} recipients).")
    else:
        print("Not recorded: once it is sent, run the same command with --record (or record it in the program).")
    return 0


def add_minutes_circulate_parser(sub, new_parser) -> None:
    """``mqp minutes circulate`` (under the ``minutes`` command's subparsers)."""
    p = new_parser(
        sub, "circulate", "an email draft sending members the minutes (ToR 13), as a circulation",
        "Write an email draft (.eml, opened by Outlook and Thunderbird as a new message to send) to every\n"
        "member in post on the meeting's date who has an email address (and their deputies, with\n"
        "--deputies), with the minutes PDF attached: the latest revision, marked DRAFT until the chair\n"
        "signs. The wording is the email_minutes_circulation setting ('mqp settings show'). --record\n"
        "records the circulation (who, which file with its sha256), as 'mqp circulations' lists it.",
        "JSON (--json): file, meeting_id, kind ('minutes'), from ({name, email} or null), to and cc\n"
        "([{name, email}]), subject, body, attachments ([{name, media_type, size, sha256, document_id}]),\n"
        "total_size, message_size, limit_mb, over_limit, pack_id (null), warnings, recorded (the\n"
        "circulation's id or null).\n\n"
        "examples:\n  mqp minutes circulate last --out drafts/\n"
        "  mqp minutes circulate 2026-11-10 --out minutes.eml --deputies --record")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--out", metavar="PATH", required=True, help="the draft to write (.eml), or a folder for it")
    p.add_argument("--deputies", action="store_true", help="copy in the members' deputies (Cc)")
    p.add_argument("--pdf", metavar="FILE.pdf", help="a minutes PDF to attach (default: made now from the latest "
                                                     "revision)")
    p.add_argument("--subject", metavar="TEXT", help="the subject, instead of the template's")
    p.add_argument("--record", action="store_true", help="record the circulation now (when it goes as written)")
    p.add_argument("--note", metavar="TEXT", help="a note kept with the record")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_minutes_circulate)


def add_parsers(commands, new_parser) -> None:
    top = new_parser(
        commands, "followups", "letters to members below the attendance standard and their outcomes (ToR 5)",
        "Attendance follow-up (ToR 5): each letter to a member below the attendance standard, when it was\n"
        "sent, when a reply is due (four weeks on unless given), and the outcome: improved, permanent\n"
        "substitute named (who), member replaced, or no reply. 'mqp report attendance --letters FOLDER'\n"
        "records the letters it writes; others are recorded here by hand. Nothing is deleted.",
        "examples:\n"
        "  mqp followups list --overdue\n"
        "  mqp followups add --member \"DI Mark Ellison\" --sent 2026-10-01\n"
        "  mqp followups outcome 3 --outcome substitute --substitute \"DS Karen Osei\"\n"
        "  mqp followups outcome 4 --outcome \"no reply\" --notes \"Raised with the chair\"", db=False)
    sub = top.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "letters: --open (default), --overdue, --closed, --all",
                   "List letters, latest first: those awaiting a reply by default.",
                   "JSON (--json): a list of letter objects.\n" + LETTER_JSON_KEYS
                   + "\n\nexamples:\n  mqp followups list --all --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="awaiting a reply (the default)")
    which.add_argument("--overdue", action="store_true", help="the reply date has passed with no outcome")
    which.add_argument("--closed", action="store_true", help="an outcome recorded, or withdrawn")
    which.add_argument("--all", action="store_true", help="every letter")
    p.add_argument("--member", metavar="WHO", help="only the letters to this member (id or name)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "show", "one letter", "Show a letter and what came of it.",
                   "JSON (--json): one letter object.\n" + LETTER_JSON_KEYS + "\n\nexamples:\n  mqp followups show 3")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    p = new_parser(sub, "add", "record a letter sent by hand",
                   "Record a letter to a member below the standard that was written another way. " + DATES,
                   "examples:\n  mqp followups add --member 12 --sent 2026-10-01 --reply-due 2026-10-29")
    p.add_argument("--member", metavar="WHO", required=True, help="the member (id or name)")
    p.add_argument("--sent", metavar="DATE", help="the date it was sent (default today)")
    p.add_argument("--reply-due", metavar="DATE", help="the date a reply is due (default four weeks on)")
    p.add_argument("--notes", metavar="TEXT", help="notes")
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "edit", "correct a letter's member, dates or notes", "Edit a letter. " + DATES,
                   "examples:\n  mqp followups edit 3 --reply-due 2026-11-15 --expect-version 1")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--member", metavar="WHO", help="the member (id or name)")
    p.add_argument("--sent", metavar="DATE", help="the date it was sent")
    p.add_argument("--reply-due", metavar="DATE", help="the date a reply is due")
    p.add_argument("--notes", metavar="TEXT", help="notes")
    p.add_argument("--expect-version", metavar="N", type=int,
                   help="refuse the change unless the letter is still at this version (its JSON 'version')")
    p.set_defaults(func=cmd_edit)

    p = new_parser(sub, "outcome", "record what came of a letter (or 'none' to clear it)",
                   "Record the outcome: improved, permanent substitute named (--substitute NAME), member\n"
                   "replaced, or no reply (once the reply date has passed). 'none' clears it.",
                   "examples:\n  mqp followups outcome 3 --outcome improved\n"
                   "  mqp followups outcome 3 --outcome substitute --substitute \"DS Karen Osei\" --on 2026-11-02")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--outcome", metavar="OUTCOME", required=True,
                   help="improved, permanent substitute named (or substitute), member replaced, no reply, none")
    p.add_argument("--substitute", metavar="NAME", help="the permanent substitute named")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.add_argument("--notes", metavar="TEXT", help="notes (replace the letter's)")
    p.set_defaults(func=cmd_outcome)

    p = new_parser(sub, "withdraw", "withdraw a letter recorded in error (kept, with the reason)",
                   "Withdraw a letter: nothing is deleted.",
                   "examples:\n  mqp followups withdraw 5 --reason \"Recorded twice\"")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why it is withdrawn")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_withdraw)

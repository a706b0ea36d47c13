"""``mqp circulate`` and ``mqp circulations``: the email draft circulating a meeting's agenda and papers to
its members (ToR 13), and the record of what went out to whom.

The draft is an ``.eml`` file marked ``X-Unsent: 1``: Outlook and Thunderbird
open it as a new message to check and send. Writing it records nothing unless
``--record`` is given (use it when the draft goes out as written), so the
record stays what was really sent.
"""

from __future__ import annotations

import argparse
import sys
from email.utils import formataddr
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, opened_store
from mqp_desktop.cli.meeting_records import MEETING_HELP, meeting_line, resolve_meeting
from mqp_desktop.cli.output import emit_json, table
from mqp_desktop.cli.reports import _writing

WHAT_HELP = ("what to send: agenda (the Word agenda, ahead of the papers), pack (the agenda and the latest pack"
             " built; the default), papers (the agenda and each paper as its own file) or supplement (the"
             " supplementary papers not yet circulated)")


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(1, round(n / 1024))} KB"


def _out_path(store, meeting_id: int, kind: str, value: str) -> Path:
    from mqp_desktop.exporters.circulation import default_file_name

    path = Path(value).expanduser()
    if path.is_dir():
        return path / default_file_name(store, meeting_id, kind)
    if path.suffix.lower() != ".eml":
        if path.suffix:
            raise CliError(f"--out: '{value}' does not end in .eml: give a file name such as circulation.eml.")
        path = path.with_suffix(".eml")
    return path


def plan_record(plan, path: Path | None, recorded_id: int | None) -> dict[str, Any]:
    return {
        "file": str(path) if path else None,
        "meeting_id": plan.meeting_id,
        "kind": plan.kind,
        "from": None if plan.sender is None else {"name": plan.sender[0], "email": plan.sender[1]},
        "to": [{"name": n, "email": e} for n, e in plan.to],
        "cc": [{"name": n, "email": e} for n, e in plan.cc],
        "subject": plan.subject,
        "body": plan.body,
        "attachments": [{"name": a.name, "media_type": a.media_type, "size": a.size, "sha256": a.sha256,
                         "document_id": a.document_id} for a in plan.attachments],
        "total_size": plan.total_size,
        "message_size": plan.message_size,
        "limit_mb": plan.limit_mb,
        "over_limit": plan.over_limit,
        "pack_id": plan.pack_id,
        "warnings": list(plan.warnings),
        "recorded": recorded_id,
    }


def cmd_circulate(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.circulation import plan_circulation, record_circulated, write_eml

    if args.papers_separately and args.what not in ("pack", "papers"):
        raise CliError(f"--papers-separately goes with the pack: --what {args.what} attaches no pack.")
    if args.note and not args.record:
        raise CliError("--note is kept with the record: give --record too.")
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        kind = "papers" if args.papers_separately and args.what == "pack" else args.what
        if kind == "pack" and args.pack is None and not store.agendas.packs(meeting.id):
            raise CliError(f"No meeting pack has been built for meeting {meeting.id}: build it with 'mqp export pack "
                           f"{meeting.id} --out FILE.pdf', give one with --pack FILE.pdf, or use --papers-separately.")
        out = _out_path(store, meeting.id, kind, args.out)
        with _writing(out):
            plan = plan_circulation(
                store, meeting.id, kind=args.what, include_deputies=args.deputies,
                pack_path=args.pack, agenda_path=args.agenda, papers_separately=args.papers_separately,
                subject=args.subject,
            )
            written = write_eml(plan, out)
        recorded = record_circulated(store, plan, note=args.note or "") if args.record else None
    if args.json:
        emit_json(plan_record(plan, written, recorded.id if recorded else None))
        return 0
    what = {"agenda": "agenda", "supplement": "supplementary papers"}.get(plan.kind, "agenda and papers")
    print(f"Wrote the email draft circulating the {what} for {meeting_line(meeting)} to {written}"
          " (open it in Outlook or Thunderbird, check it and send it).")
    deputies = f"; Cc {len(plan.cc)} deput{'y' if len(plan.cc) == 1 else 'ies'}" if plan.cc else ""
    sender = formataddr(plan.sender) if plan.sender else "(your mail program fills it in)"
    print(f"  From:    {sender}")
    print(f"  To:      {len(plan.to)} member{'s' if len(plan.to) != 1 else ''}{deputies}")
    print(f"  Subject: {plan.subject}")
    for a in plan.attachments:
        print(f"  Attached: {a.name} ({_size(a.size)})")
    print(f"  Size:    about {_size(plan.message_size)} (limit {plan.limit_mb} MB)")
    for w in plan.warnings:
        print(f"warning: {w}", file=sys.stderr)
    if recorded is not None:
        print(f"Recorded as circulation {recorded.id} ({len(recorded.recipients)} recipients).")
    else:
        print("Not recorded: once it is sent, run the same command with --record (or record it in the program).")
    return 0


def cmd_circulations(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        records = store.agendas.circulations(meeting.id)
    data = [{"id": c.id, "at": c.at, "kind": c.kind.value, "recipients": list(c.recipients),
             "attachments": [a.to_data() for a in c.attachments], "subject": c.subject, "note": c.note,
             "pack_id": c.pack_id} for c in records]
    if args.json:
        emit_json(data)
        return 0
    print(f"Circulations for {meeting_line(meeting)}")
    if not data:
        print(f"None yet: write the email with 'mqp circulate {meeting.id} --out FILE.eml'.")
        return 0
    print(table(["ID", "When", "What", "To", "Attachments", "Subject"],
                [[c["id"], c["at"][:16].replace("T", " "), c["kind"], len(c["recipients"]),
                  "; ".join(a["name"] for a in c["attachments"]), c["subject"]] for c in data],
                max_widths={"Attachments": 50, "Subject": 50}))
    return 0


def add_parsers(commands, new_parser) -> None:
    """Register ``mqp circulate`` and ``mqp circulations``."""
    p = new_parser(
        commands, "circulate", "an email draft sending members the agenda and papers (.eml)",
        "Write an email draft (.eml, opened by Outlook and Thunderbird as a new message to send) to every\n"
        "member in post on the meeting's date who has an email address (and their deputies, with\n"
        "--deputies), with the subject and body from the templates ('mqp settings show':\n"
        "email_circulation_agenda, email_circulation) and the agenda and pack attached. Above the\n"
        "pack_size_limit_mb setting it warns; --papers-separately attaches the agenda and each paper as\n"
        "its own file instead of the pack. Members without an email address, papers not received and\n"
        "papers not signed off are named as warnings (stderr). --record records the circulation (who,\n"
        "which files with their sha256); a re-circulation is another record.",
        "JSON (--json): file, meeting_id, kind, from ({name, email} or null), to and cc ([{name, email}]),\n"
        "subject, body, attachments ([{name, media_type, size, sha256, document_id}]), total_size,\n"
        "message_size (bytes, once encoded), limit_mb, over_limit, pack_id, warnings, recorded (the\n"
        "circulation's id or null).\n\n"
        "examples:\n  mqp circulate next --out pack.eml --deputies\n"
        "  mqp circulate next --what agenda --out agenda.eml\n"
        "  mqp circulate 2026-12-08 --papers-separately --out papers.eml --record\n"
        "  mqp circulate next --what supplement --out supplement.eml")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--out", metavar="FILE.eml", required=True, help="the draft to write (or a folder for it)")
    p.add_argument("--what", choices=("agenda", "pack", "papers", "supplement"), default="pack", help=WHAT_HELP)
    p.add_argument("--deputies", action="store_true", help="copy in the members' deputies (Cc)")
    p.add_argument("--papers-separately", action="store_true",
                   help="with the pack: attach the agenda and each paper instead of the pack PDF")
    p.add_argument("--pack", metavar="FILE.pdf", help="a pack PDF to attach (default: the latest pack built)")
    p.add_argument("--agenda", metavar="FILE.docx", help="a Word agenda to attach (default: exported now)")
    p.add_argument("--subject", metavar="TEXT", help="the subject, instead of the template's")
    p.add_argument("--record", action="store_true", help="record the circulation now (when it goes as written)")
    p.add_argument("--note", metavar="TEXT", help="a note kept with the record")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_circulate)

    p = new_parser(commands, "circulations", "what was circulated for a meeting, to whom, when",
                   "List the circulations recorded for a meeting: when, what, how many recipients, which files.",
                   "JSON (--json): a list of {id, at, kind, recipients, attachments [{name, sha256, size}],\n"
                   "subject, note, pack_id}.\n\nexamples:\n  mqp circulations next\n  mqp circulations last --json")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_circulations)

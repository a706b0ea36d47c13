"""``mqp export minutes`` and ``mqp actions export``: the minutes as PDF or Word, the action log as
XLSX or Word (ToR 13, 14).

Registered by :func:`add_export_parsers` (from ``exports.add_parsers``, under ``export``) and
:func:`add_actions_parsers` (from ``minutes.add_parsers``, under ``actions``). reportlab,
python-docx and openpyxl are imported only when a command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mqp_desktop.cli.common import CliError, opened_store, today
from mqp_desktop.cli.meeting_records import MEETING_HELP, meeting_line, resolve_meeting


def _out(option: str, value: str, suffixes: tuple[str, ...], example: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() not in suffixes:
        raise CliError(f"{option}: '{value}' should end in {' or '.join(suffixes)}, e.g. {example}.")
    return path


def cmd_export_minutes(args: argparse.Namespace) -> int:
    from mqp_desktop.cli.reports import _writing

    path = _out("--out", args.out, (".pdf", ".docx"), "minutes.pdf")
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        rev = store.minutes.revision(meeting.id, args.revision) if args.revision is not None else \
            store.minutes.revision(meeting.id)
        with _writing(path):
            if path.suffix.lower() == ".pdf":
                from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf as export
            else:
                from mqp_desktop.exporters.minutes_docx import export_minutes_docx as export
            written = export(store, meeting.id, path, revision=args.revision)
    if rev is None:
        state = "not started: printed as prefilled, DRAFT"
    elif rev.is_signed:
        state = f"revision {rev.revision}, signed by {rev.signed_by} on {rev.signed_on:%d %b %Y}"
    else:
        state = f"revision {rev.revision}, DRAFT"
    print(f"Wrote the minutes of {meeting_line(meeting)} ({state}) to {written}.")
    return 0


def cmd_actions_export(args: argparse.Namespace) -> int:
    from mqp_desktop.cli.reports import _writing
    from mqp_desktop.exporters.action_log_export import action_rows, export_action_log

    path = _out("FILE", args.file, (".xlsx", ".docx"), "actions.xlsx")
    overdue_on = today() if args.overdue else None
    with opened_store(args) as store:
        with _writing(path):
            written = export_action_log(store, path, open_only=args.open, overdue_on=overdue_on, owner=args.owner)
        rows = action_rows(store, open_only=args.open, overdue_on=overdue_on, owner=args.owner)
    overdue = sum(r.overdue for r in rows)
    print(f"Wrote {len(rows)} actions ({overdue} overdue) to {written}.")
    return 0


def add_export_parsers(sub, new_parser) -> None:
    """``mqp export minutes`` under the ``export`` command's subparsers."""
    p = new_parser(sub, "minutes", "a meeting's minutes as PDF (to publish) or Word (to edit)",
                   "Write a meeting's minutes as PDF or Word (the ending chooses): heading, attendance,\n"
                   "apologies, quoracy, declarations of interest, numbered minutes with decisions and actions,\n"
                   "the action log and the sign-off. Until the chair signs, every page says DRAFT; signed\n"
                   "minutes print 'Approved as a true record by ...' and the SHA-256 of the signed record\n"
                   "(refused if the record no longer verifies).",
                   "examples:\n  mqp export minutes last --out minutes.pdf\n"
                   "  mqp export minutes 2026-02-10 --out minutes-rev1.pdf --revision 1\n"
                   "  mqp export minutes last --out minutes.docx")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--out", metavar="FILE.pdf|FILE.docx", required=True, help="the file to write")
    p.add_argument("--revision", metavar="N", type=int, help="a given revision (default the latest)")
    p.set_defaults(func=cmd_export_minutes)


def add_actions_parsers(sub, new_parser) -> None:
    """``mqp actions export`` under the ``actions`` command's subparsers."""
    p = new_parser(sub, "export", "the action log as Excel (.xlsx) or Word (.docx)",
                   "Write the action log across all meetings: number, action, owner, due date, status, the\n"
                   "latest update and where the action came from; overdue actions highlighted (Word: grouped\n"
                   "by status, overdue first).",
                   "examples:\n  mqp actions export actions.xlsx\n  mqp actions export overdue.docx --overdue\n"
                   "  mqp actions export priya.xlsx --open --owner \"Priya Raman\"")
    p.add_argument("file", metavar="FILE", help="the file to write (.xlsx or .docx)")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="only open or in progress")
    which.add_argument("--overdue", action="store_true", help="only overdue (due date passed, still open)")
    p.add_argument("--owner", metavar="WHO", help="part of the owner's name")
    p.set_defaults(func=cmd_actions_export)


__all__ = ["add_actions_parsers", "add_export_parsers"]

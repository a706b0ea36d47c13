"""``mqp export calendar|agenda|pack|minutes``: files from the database (ToR 13).

Its own module (registered by ``app.COMMAND_MODULES``), so ``mqp export minutes`` loads neither the
reports' modules nor the other exports' until one runs: the exporters (icalendar, python-docx,
reportlab) are imported inside the commands.
"""

from __future__ import annotations

import argparse

from mqp_desktop.cli.common import CliError, opened_store
from mqp_desktop.cli.meeting_records import date_arg
from mqp_desktop.cli.output import day
from mqp_desktop.cli.reports import _file_for, _writing


def cmd_export_calendar(args: argparse.Namespace) -> int:
    start = date_arg(args.from_, "--from") if args.from_ is not None else None
    end = date_arg(args.to, "--to") if args.to is not None else None
    if start and end and end < start:
        raise CliError(f"--to ({day(end)}) is before --from ({day(start)}).")
    path = _file_for("--out", args.out, ".ics")
    from mqp_desktop.exporters.calendar_export import export_calendar

    with opened_store(args) as store:
        meetings = store.meetings.list(start=start, end=end)
        with _writing(path):
            written = export_calendar(store, path, start=start, end=end)
    cancelled = sum(1 for m in meetings if m.status.value == "cancelled")
    print(f"Wrote {len(meetings)} meeting{'s' if len(meetings) != 1 else ''} to {written}"
          + (f" ({cancelled} cancelled, sent as cancelled so calendars remove them)" if cancelled else "") + ".")
    print("Import it into Outlook or another calendar; importing a later export updates the same events.")
    return 0


def add_parsers(commands, new_parser) -> None:
    export = new_parser(commands, "export", "export: the calendar, a Word agenda, the meeting pack",
                        "Export from the database.",
                        "examples:\n  mqp export calendar --out mqp-meetings.ics\n  mqp export agenda next --out agenda.docx\n"
                        "  mqp export pack next --out pack.pdf", db=False)
    sub = export.add_subparsers(dest="export", metavar="WHAT", required=True)
    p = new_parser(sub, "calendar", "the meetings as an iCalendar (.ics) file for Outlook",
                   "Write the meetings as an iCalendar file (RFC 5545) that Outlook and other calendars\n"
                   "import: one event per meeting with a stable id, so importing a later export updates\n"
                   "the events rather than adding copies; cancelled meetings are sent as cancelled.",
                   "Dates: YYYY-MM-DD or DD/MM/YYYY. Without --from/--to, every meeting.\n\n"
                   "examples:\n  mqp export calendar --out mqp-meetings.ics\n"
                   "  mqp export calendar --out 2026.ics --from 2026-01-01 --to 2026-12-31")
    p.add_argument("--out", metavar="FILE.ics", required=True, help="the file to write")
    p.add_argument("--from", dest="from_", metavar="DATE", help="only meetings on or after this date")
    p.add_argument("--to", metavar="DATE", help="only meetings on or before this date")
    p.set_defaults(func=cmd_export_calendar)

    from mqp_desktop.cli.agenda_exports import add_export_parsers

    add_export_parsers(sub, new_parser)  # mqp export agenda | pack

    from mqp_desktop.cli.minutes_exports import add_export_parsers as add_minutes_export

    add_minutes_export(sub, new_parser)  # mqp export minutes

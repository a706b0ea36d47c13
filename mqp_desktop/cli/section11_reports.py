"""``mqp s11 report`` and ``mqp s11 chase``: a round's summary as PDF/XLSX for the chair's report, and chase
email drafts for the returns not received (registered by :mod:`mqp_desktop.cli.section11`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mqp_desktop.cli.common import CliError, opened_store, today
from mqp_desktop.cli.output import day
from mqp_desktop.cli.reports import _writing
from mqp_desktop.cli.section11 import ROUND_HELP, _basis, _round
from mqp_desktop.domain.section11 import ReturnStatus
from mqp_desktop.store.section11 import Section11Repo


def _file_for(option: str, value: str, suffix: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() != suffix:
        if path.suffix:
            raise CliError(f"{option}: '{value}' does not end in {suffix}: give a file name such as s11-summary{suffix}.")
        path = path.with_suffix(suffix)
    return path


def cmd_report(args: argparse.Namespace) -> int:
    basis = _basis(args.basis)
    if args.pdf is not None:
        out = _file_for("--pdf", args.pdf, ".pdf")
    else:
        out = _file_for("--xlsx", args.xlsx, ".xlsx")
    on = today()
    from mqp_desktop.exporters.section11_report import export_round_summary

    with opened_store(args) as store:
        s11 = Section11Repo(store)
        rnd = _round(s11, args.round)
        returns = s11.returns(rnd.id)
        with _writing(out):
            written = export_round_summary(store, rnd.id, out, basis=basis.value, today=on)
    overdue = [r for r in returns if r.status(rnd.deadline, on) is ReturnStatus.OVERDUE]
    received = sum(r.received is not None for r in returns)
    print(f"Wrote the summary of {rnd.name} ({basis.value} ratings, as at {day(on)}) to {written}:"
          f" {received} of {len(returns)} returns received, {len(overdue)} overdue.")
    return 0


def cmd_chase(args: argparse.Namespace) -> int:
    folder = Path(args.out_dir).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CliError(f"--out-dir: '{folder}' is a file; give a folder to write the emails in.")
    on = today()
    from mqp_desktop.exporters.chase_email import write_chase_emails

    with opened_store(args) as store:
        s11 = Section11Repo(store)
        rnd = _round(s11, args.round)
        chased = {r.id: r for r in s11.returns(rnd.id)
                  if r.status(rnd.deadline, on) in (ReturnStatus.OVERDUE, ReturnStatus.OUTSTANDING)}
        if not chased:
            print(f"Every return issued in {rnd.name} has been received: no chase emails written.")
            return 0
        with _writing(folder):
            folder.mkdir(parents=True, exist_ok=True)
            written = write_chase_emails(store, rnd.id, folder, today=on)
        labels = {a.id: a.label for a in store.agencies()}
    print(f"Wrote {len(written)} chase email draft{'s' if len(written) != 1 else ''} for {rnd.name} to {folder}"
          " (open each in Outlook, check it and send it):")
    for path in written:
        print(f"  {path.name}")
    missing = [labels.get(r.agency_id, str(r.agency_id)) for r in chased.values()
               if not r.lead_email and not r.substitute_email]
    if missing:
        print(f"Note: no email address is recorded for {', '.join(missing)}: add the recipient in the draft, or record"
              " the contacts with 'mqp s11 return edit'.", file=sys.stderr)
    print("When a reminder is sent, record it with 'mqp s11 return remind AGENCY'.")
    return 0


def add_parsers(sub, new_parser) -> None:
    p = new_parser(sub, "report", "a round's summary as PDF or XLSX",
                   "A round's summary for the chair's report and the Executive: who has not returned, the\n"
                   "weakest standards across agencies, overdue action-plan items, the change since the previous\n"
                   "round, the agency x standard grid in colour with each value printed, and a page per agency\n"
                   "(PDF); or the same as sheets to work with (XLSX: Summary, Grid, Returns, Actions, Comparison,\n"
                   "Ratings).",
                   "examples:\n  mqp s11 report --pdf s11-summary.pdf\n"
                   "  mqp s11 report --round \"Section 11 audit 2025-26\" --xlsx s11.xlsx --basis self")
    p.add_argument("--round", metavar="R", help=ROUND_HELP)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--pdf", metavar="FILE", help="write a PDF (A4; the grid on landscape pages)")
    where.add_argument("--xlsx", metavar="FILE", help="write an Excel workbook")
    p.add_argument("--basis", default="effective",
                   help="which ratings the figures use: self, moderated, or effective (the default: the panel's"
                        " where it has rated, else the self-assessment)")
    p.set_defaults(func=cmd_report)

    p = new_parser(sub, "chase", "email drafts chasing the returns not received",
                   "Write one email draft (.eml, opened by Outlook as a new message) per return issued and not\n"
                   "received, to its lead contact (copied to the substitute): the round, the deadline, the days\n"
                   "overdue and the reminders already sent. Writing a draft does not record a reminder.",
                   "examples:\n  mqp s11 chase --out-dir chase/\n"
                   "  mqp s11 chase --round \"Section 11 audit 2025-26\" --out-dir chase-2025/")
    p.add_argument("--round", metavar="R", help=ROUND_HELP)
    p.add_argument("--out-dir", required=True, metavar="DIR", help="the folder to write the drafts in (made if needed)")
    p.set_defaults(func=cmd_chase)

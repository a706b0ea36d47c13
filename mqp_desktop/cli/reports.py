"""``mqp report attendance`` (ToR 5), and ``_writing``/``_file_for``, which every command writing a file
shares. ``mqp export`` is in :mod:`.exports`.

The exporters (openpyxl, reportlab, python-docx) and the attendance report are imported
inside the commands only, so other commands never load them.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mqp_desktop.cli.common import CliError, opened_store, today
from mqp_desktop.cli.meeting_records import date_arg
from mqp_desktop.cli.output import day, emit_json, iso, table

if TYPE_CHECKING:
    from mqp_desktop.domain.attendance_report import AttendanceReport

REPORT_JSON_KEYS = """\
JSON (--json): one object with the keys
  start, end (the period, YYYY-MM-DD), standard (per cent), deputy_counts_for_member
  (true/false), meetings [id, date, title, kind, status] (those counted: held or
  reconvened, in the period), members [member_id, name, role_title, agency_id,
  agency, expected, present, deputy, apologies, absent, not_recorded, rate (per
  cent, 1 decimal, or null), below_standard], agencies [agency_id, agency,
  short_name, statutory, expected, attended, by_deputy_only, rate, below_standard],
  members_below_standard (member ids), agencies_below_standard (agency ids),
  per_meeting [meeting_id, date, recorded, attended, rate]."""


def _rate(rate: float | None) -> float | None:
    return None if rate is None else round(rate, 1)


def _rate_text(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.0f}%"


def report_record(report: AttendanceReport) -> dict[str, Any]:
    return {
        "start": iso(report.start),
        "end": iso(report.end),
        "standard": report.standard,
        "deputy_counts_for_member": report.deputy_counts_for_member,
        "meetings": [
            {"id": m.id, "date": iso(m.date), "title": m.title, "kind": m.kind.value, "status": m.status.value}
            for m in report.meetings
        ],
        "members": [
            {
                "member_id": r.member.id,
                "name": r.member.name,
                "role_title": r.member.role_title,
                "agency_id": r.agency.id,
                "agency": r.agency.name,
                "expected": r.expected,
                "present": r.present,
                "deputy": r.deputy,
                "apologies": r.apologies,
                "absent": r.absent,
                "not_recorded": r.not_recorded,
                "rate": _rate(r.rate),
                "below_standard": r.below_standard,
            }
            for r in report.members
        ],
        "agencies": [
            {
                "agency_id": a.agency.id,
                "agency": a.agency.name,
                "short_name": a.agency.short_name,
                "statutory": a.agency.statutory,
                "expected": a.expected,
                "attended": a.attended,
                "by_deputy_only": a.by_deputy_only,
                "rate": _rate(a.rate),
                "below_standard": a.below_standard,
            }
            for a in report.agencies
        ],
        "members_below_standard": [r.member.id for r in report.members_below_standard],
        "agencies_below_standard": [a.agency.id for a in report.agencies_below_standard],
        "per_meeting": [
            {"meeting_id": p.meeting.id, "date": iso(p.meeting.date), "recorded": p.recorded,
             "attended": p.attended, "rate": _rate(p.rate)}
            for p in report.per_meeting
        ],
    }


def _print_report(report: AttendanceReport, subcommittee, *, letters: bool = False) -> None:
    name = subcommittee.short_name or subcommittee.name
    print(f"{name} attendance, {day(report.start)} to {day(report.end)}: {len(report.meetings)} meeting"
          f"{'s' if len(report.meetings) != 1 else ''} counted (held; cancelled and planned ones are not).")
    print(f"Standard: {report.standard}%. A deputy's attendance "
          + ("counts toward the member's own rate." if report.deputy_counts_for_member
             else "counts for the agency, and is shown apart for the member."))
    if not report.meetings:
        print("\nNo meeting was held in this period, so there are no rates to show.")
        return
    below = "BELOW"
    print("\nMembers")
    print(table(
        ["ID", "Member", "Agency", "Expected", "Present", "Deputy", "Apologies", "Absent", "Not rec.", "Rate", "Standard"],
        [[r.member.id, r.member.display_name, r.agency.label, r.expected, r.present, r.deputy, r.apologies, r.absent,
          r.not_recorded, _rate_text(r.rate), below if r.below_standard else ""] for r in report.members],
        max_widths={"Member": 30, "Agency": 24},
        right=("ID", "Expected", "Present", "Deputy", "Apologies", "Absent", "Not rec.", "Rate"),
    ))
    print("\nAgencies")
    print(table(
        ["Agency", "Statutory", "Expected", "Attended", "By deputy only", "Rate", "Standard"],
        [[a.agency.label, "yes" if a.agency.statutory else "", a.expected, a.attended, a.by_deputy_only,
          _rate_text(a.rate), below if a.below_standard else ""] for a in report.agencies],
        max_widths={"Agency": 32},
        right=("Expected", "Attended", "By deputy only", "Rate"),
    ))
    gaps = sum(r.not_recorded for r in report.members)
    if gaps:
        print(f"\n{gaps} register entr{'y is' if gaps == 1 else 'ies are'} missing for held meetings"
              " (Not rec.); they are left out of the rates. Fill them with 'mqp attendance record'.")
    low = report.members_below_standard
    if low:
        print(f"\nBelow the {report.standard}% standard: "
              + "; ".join(f"{r.member.display_name} ({_rate_text(r.rate)})" for r in low)
              + ("." if letters else ". 'mqp report attendance --letters FOLDER' writes each a letter (ToR 5)."))
    else:
        print(f"\nNo member is below the {report.standard}% standard.")


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Exporter failures as one line: a wrong ending, a file open elsewhere, a folder that is not there."""
    from mqp_desktop.exporters.files import ExportFileError

    try:
        yield
    except ExportFileError as exc:
        raise CliError(str(exc)) from exc
    except ValueError as exc:  # an ending it cannot write
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(
            f"'{path}' could not be written ({exc.strerror or exc}): close it if it is open in another program,"
            " or choose a folder you can write to."
        ) from exc


def _file_for(option: str, value: str, suffix: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() != suffix:
        if path.suffix:
            raise CliError(f"{option}: '{value}' does not end in {suffix}: give a file name such as attendance{suffix}.")
        path = path.with_suffix(suffix)
    return path


def cmd_report_attendance(args: argparse.Namespace) -> int:
    from mqp_desktop.domain.attendance_report import default_period

    start, end = default_period(today())
    if args.from_ is not None:
        start = date_arg(args.from_, "--from") or start
    if args.to is not None:
        end = date_arg(args.to, "--to") or end
    if end < start:
        raise CliError(f"--to ({day(end)}) is before --from ({day(start)}).")
    out = None
    for option, suffix in (("csv", ".csv"), ("xlsx", ".xlsx"), ("pdf", ".pdf")):
        value = getattr(args, option)
        if value is not None:
            out = _file_for(f"--{option}", value, suffix)
    with opened_store(args) as store:
        sc = store.subcommittee()
        report = store.meetings.report(start, end)
        chair = None
        if args.letters is not None and sc.chair.member_id is not None:
            chair = store.member(sc.chair.member_id)
    if args.json:
        emit_json(report_record(report))
    elif out is not None:
        from mqp_desktop.exporters.attendance_export import export_attendance_report

        with _writing(out):
            written = export_attendance_report(report, sc, out)
        if written.suffix.lower() == ".csv":  # one table a file: the agencies' beside the members'
            from mqp_desktop.exporters.attendance_export import agencies_csv_path

            written = f"{written} (members) and {agencies_csv_path(written)} (agencies)"
        print(f"Wrote the attendance report for {day(report.start)} to {day(report.end)} to {written}"
              f" ({len(report.members)} members, {len(report.members_below_standard)} below the standard).")
    else:
        _print_report(report, sc, letters=args.letters is not None)
    if args.letters is not None:
        with opened_store(args) as store:  # each letter written is recorded for follow-up
            _letters(store, report, sc, chair, Path(args.letters).expanduser(), quiet=args.json)
    return 0


def _letters(store, report: AttendanceReport, sc, chair, folder: Path, *, quiet: bool) -> None:
    import sys

    say = (lambda text: print(text, file=sys.stderr)) if quiet else print  # keep --json's stdout pure JSON
    if not report.members_below_standard:
        say(f"No member is below the {report.standard}% standard: no letters written.")
        return
    if folder.exists() and not folder.is_dir():
        raise CliError(f"--letters: '{folder}' is a file; give a folder to write the letters in.")
    from mqp_desktop.exporters.letters import write_substitute_letters

    with _writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
        written = write_substitute_letters(report, sc, chair, folder)
    recorded = store.governance.followups.record_written(report, written)  # ToR 5 follow-up: each letter kept
    say(f"Wrote {len(written)} letter{'s' if len(written) != 1 else ''} asking for attendance or a permanent"
        f" substitute (ToR 5) to {folder}:")
    for path in written:
        say(f"  {path.name}")
    say(f"Recorded {len(recorded)} letter{'s' if len(recorded) != 1 else ''} for follow-up (reply due in four weeks;"
        " 'mqp followups list')" + (f"; {len(written) - len(recorded)} already recorded today" if len(recorded)
                                     < len(written) else "") + ".")
    if chair is None:
        say("Note: no chair is set, so the letters are unsigned; set one with 'mqp rules set --chair ID'.")


def add_parsers(commands, new_parser) -> None:
    report = new_parser(commands, "report", "reports: attendance; the chair's report to the Executive; the annual report",
                        "Reports from the database.",
                        "examples:\n  mqp report attendance\n  mqp report attendance --from 2025-04-01 --to 2026-03-31 --xlsx rates.xlsx",
                        db=False)
    sub = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    p = new_parser(sub, "attendance", "attendance per member and agency against the standard (ToR 5)",
                   "Attendance rates for a period, per member and per agency: meetings expected, attended in\n"
                   "person, by deputy, apologies, absent; the rate and whether it is below the subcommittee's\n"
                   "standard. Only held meetings count; a member is expected only at meetings held while they\n"
                   "were a member. Whether a deputy counts toward the member's own rate is a setting\n"
                   "('mqp rules set --deputy-counts-for-member yes|no'); a deputy always counts for the agency.",
                   "Dates: YYYY-MM-DD or DD/MM/YYYY. The period defaults to the last 12 months, to today.\n\n"
                   + REPORT_JSON_KEYS + "\n\n"
                   "examples:\n  mqp report attendance\n  mqp report attendance --from 2025-04-01 --to 2026-03-31 --json\n"
                   "  mqp report attendance --xlsx attendance.xlsx\n  mqp report attendance --pdf attendance.pdf"
                   " --letters letters/\n  mqp report attendance --csv attendance.csv")
    p.add_argument("--from", dest="from_", metavar="DATE", help="the first day of the period")
    p.add_argument("--to", metavar="DATE", help="the last day of the period (default today)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON (keys below)")
    fmt.add_argument("--csv", metavar="FILE", help="write the report as CSV")
    fmt.add_argument("--xlsx", metavar="FILE", help="write the report as an Excel workbook")
    fmt.add_argument("--pdf", metavar="FILE", help="write the report as PDF, with a chart of rates over time")
    p.add_argument("--letters", metavar="FOLDER",
                   help="also write a Word letter to each member below the standard, asking them to attend"
                        " or locate a permanent substitute (ToR 5)")
    p.set_defaults(func=cmd_report_attendance)

    from mqp_desktop.cli.chair_report import add_parsers as add_chair_report

    add_chair_report(sub, new_parser)  # mqp report chair | annual

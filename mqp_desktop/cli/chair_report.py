"""``mqp report chair --quarter 2026-Q3 --out FILE.docx`` and ``mqp report annual --year 2026-27 --out FILE.docx``:
the chair's report to the Executive (ToR 2) and the annual report, in Word (see exporters/chair_report_docx.py).

python-docx, reportlab and pypdfium2 are imported inside the command only."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, opened_store, today
from mqp_desktop.cli.meeting_records import date_arg
from mqp_desktop.cli.output import emit_json
from mqp_desktop.domain import chair_report as cr

JSON_KEYS = """\
JSON (--json, instead of writing the file): one object with the keys
  title, period (its key: 2026-Q3 or 2026-27), period_label, start, end (YYYY-MM-DD),
  prepared, chair, sections [key, title, available (false: this version does not
  hold those records), figures {key: number or text}, paragraphs [text],
  tables [caption, headings [text], rows [[text]]], subsections [title]]."""


def report_record(report: cr.ChairReport) -> dict[str, Any]:
    return {
        "title": report.title, "period": report.period.key, "period_label": report.period.short_label(),
        "start": report.period.start.isoformat(), "end": report.period.end.isoformat(),
        "prepared": report.prepared.isoformat(), "chair": report.chair,
        "sections": [{
            "key": s.key, "title": s.title, "available": s.available,
            "figures": {f.key: f.value for f in s.figures}, "paragraphs": list(s.paragraphs),
            "tables": [{"caption": t.caption, "headings": list(t.headings), "rows": [list(r) for r in t.rows]}
                       for t in s.tables],
            "subsections": [x.title for x in s.subsections],
        } for s in report.sections],
    }


def _run(args: argparse.Namespace, period_text: str, kind: str) -> int:
    from mqp_desktop.cli.reports import _file_for, _writing
    from mqp_desktop.store.chair_report import gather_chair_report

    period = cr.report_period(period_text, kind)
    sections = cr.clean_sections(args.sections) if args.sections else None
    if not args.json and not args.out:
        raise CliError("Say where to write the report with --out FILE.docx (or print its figures with --json).")
    if args.executive_meeting and not args.out:
        raise CliError("--executive-meeting records the written file: give --out FILE.docx as well.")
    with opened_store(args) as store:
        report = gather_chair_report(store, period, sections=sections, today=today())
        if args.json:
            emit_json(report_record(report))
            return 0
        from mqp_desktop.exporters.chair_report_docx import write_chair_report_docx
        from mqp_desktop.exporters.docx_house import stored_house_template

        out = _file_for("--out", args.out, ".docx")
        with _writing(out):
            if args.house_template:
                template = Path(args.house_template).expanduser()
            else:
                template = None if args.no_house_template else stored_house_template(store)
            written = write_chair_report_docx(report, out, template=template)
        shown = sum(s.available for s in report.sections)
        what = report.title if report.annual else f"{report.title}, {report.period.short_label()},"
        print(f"Wrote {what} to {written} ({len(report.sections)} sections"
              + (f", {len(report.sections) - shown} to write by hand" if shown < len(report.sections) else "") + ").")
        if args.executive_meeting:
            from mqp_desktop.store.chair_report import record_for_executive

            on = date_arg(args.executive_meeting, "--executive-meeting")
            doc, info = record_for_executive(store, report, written.name, written.read_bytes(), on, today=today())
            print(f"Recorded as a document for {report.executive}'s meeting of {on.day} {on:%B %Y} "
                  f"(document record {doc.id}; the file kept as stored file {info.id}).")
    return 0


def cmd_report_chair(args: argparse.Namespace) -> int:
    return _run(args, args.quarter, "quarter")


def cmd_report_annual(args: argparse.Namespace) -> int:
    return _run(args, args.year, "year")


def _common(p) -> None:
    p.add_argument("--out", metavar="FILE.docx", help="the Word file to write")
    p.add_argument("--json", action="store_true", help="print the report's figures as JSON (keys below) instead")
    p.add_argument("--sections", metavar="KEYS",
                   help="the sections, in order, comma-separated (default: as chosen in the settings, "
                        "'mqp settings set chair_report_sections ...'); keys: " + ", ".join(cr.SECTIONS))
    tpl = p.add_mutually_exclusive_group()
    tpl.add_argument("--house-template", metavar="FILE", help="write it in this house template (.docx or .dotx)")
    tpl.add_argument("--no-house-template", action="store_true",
                     help="write it in the program's own style even when a house template is set")
    p.add_argument("--executive-meeting", metavar="DATE",
                   help="also keep the file in the database and record it as a document for the Executive's "
                        "meeting on DATE (Governance > Documents)")


def add_parsers(sub, new_parser) -> None:
    """``mqp report chair`` and ``mqp report annual`` (added to the ``report`` group)."""
    p = new_parser(sub, "chair", "the chair's quarterly report to the Executive, in Word (ToR 2)",
                   "The chair's report to the Executive for a quarter, drafted from the records, section by\n"
                   "section: meetings and quoracy, attendance against the standard and the follow-up letters,\n"
                   "declarations of interest, decisions, actions, the scorecard's exceptions with their\n"
                   "commentary and a chart each, challenges, audits and inspections, Section 11, transfers,\n"
                   "escalations and disputes, training, and what is due next quarter. Each section ends with an\n"
                   "empty 'Chair's commentary' paragraph. Headings are Word headings (navigation pane, contents).\n"
                   "Open, overdue and awaiting are judged on the quarter's last day.",
                   "The quarter: a calendar-quarter key (2026-Q3 = Jul-Sep 2026) or Q2 2026-27.\n\n" + JSON_KEYS
                   + "\n\nexamples:\n  mqp report chair --quarter 2026-Q3 --out chair-report.docx\n"
                   "  mqp report chair --quarter 'Q2 2026-27' --json\n"
                   "  mqp report chair --quarter 2026-Q3 --out report.docx --sections meetings,attendance,performance\n"
                   "  mqp report chair --quarter 2026-Q3 --out report.docx --executive-meeting 2026-10-20")
    p.add_argument("--quarter", required=True, metavar="QUARTER", help="the quarter, e.g. 2026-Q3")
    _common(p)
    p.set_defaults(func=cmd_report_chair)
    p = new_parser(sub, "annual", "the subcommittee's annual report for a financial year, in Word",
                   "The same report for a financial year (April to March), for the partnership's yearly\n"
                   "report: every section over the year, the scorecard of its last quarter, what is due in the\n"
                   "quarter after it.",
                   "The year: 2026-27 or 2026/27.\n\n" + JSON_KEYS
                   + "\n\nexamples:\n  mqp report annual --year 2026-27 --out annual-report.docx\n"
                   "  mqp report annual --year 2025-26 --json")
    p.add_argument("--year", required=True, metavar="YEAR", help="the financial year, e.g. 2026-27")
    _common(p)
    p.set_defaults(func=cmd_report_annual)

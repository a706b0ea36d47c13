"""The scorecard and the performance report as files: ``mqp scorecard --pdf|--xlsx|--report FILE``, and
``mqp papers add-performance-report ITEM`` (the report as a paper on an agenda item).

The options are added to the ``scorecard`` parser of :mod:`mqp_desktop.cli.performance`, which
calls :func:`write_files` when one is given; the ``papers`` command is registered by
:mod:`mqp_desktop.cli.agendas`. Exporters are imported inside the functions.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError
from mqp_desktop.cli.output import emit_json
from mqp_desktop.domain.performance import Rag, ScorecardRow
from mqp_desktop.domain.periods import Period

EXPORT_HELP = """\
Files (instead of the table): --pdf FILE the scorecard as a landscape PDF table; --xlsx FILE
as a workbook (figures as numbers, percentages as Excel percentages, RAG on its colour);
--report FILE the performance report paper: a summary, every indicator by theme, and a page
per exception with its commentary and a chart. The filters apply to the files too, and the
file says which were used. To put the report on an agenda, see 'mqp papers
add-performance-report'."""

ADD_REPORT_JSON_KEYS = """\
JSON (--json): paper_id, item_id, item_number, title, period (key), label, file_name,
  document_id, replaced (true when the item already had this period's report: its file was
  replaced and the earlier one kept), status (the paper's status: "not signed off" until a
  senior manager signs it off), indicators, exceptions."""


def add_export_options(p: argparse.ArgumentParser) -> None:
    """``--pdf``, ``--xlsx`` and ``--report`` on the scorecard command."""
    p.add_argument("--pdf", metavar="FILE", help="write the scorecard as a PDF table (landscape) instead of printing it")
    p.add_argument("--xlsx", metavar="FILE", help="write the scorecard as an Excel workbook")
    p.add_argument("--report", metavar="FILE",
                   help="write the performance report paper (PDF): summary, every indicator, a page per exception")


def wanted(args: argparse.Namespace) -> bool:
    return any(getattr(args, name, None) for name in ("pdf", "xlsx", "report"))


def _file_for(option: str, value: str, suffix: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() != suffix:
        if path.suffix:
            raise CliError(f"{option}: '{value}' does not end in {suffix}: give a file name such as scorecard{suffix}.")
        path = path.with_suffix(suffix)
    return path


def filter_words(store, args: argparse.Namespace) -> str:
    """The scorecard's filters in words, for the file to say ('' when none)."""
    parts = []
    if args.theme:
        found = store.performance.find_theme(args.theme)
        parts.append(f"theme {found.name if found else args.theme}")
    if args.tag:
        parts.append(f"tag {args.tag}")
    if args.agency:
        agency = store.find_agency(args.agency)
        parts.append(f"agency {agency.label if agency else args.agency}")
    if args.rag:
        rags = [r.strip().lower() for value in args.rag for r in value.split(",") if r.strip()]
        parts.append("RAG " + ", ".join(rags))
    if args.exceptions:
        parts.append("exceptions only")
    return "filtered: " + "; ".join(parts) if parts else ""


def write_files(args: argparse.Namespace, store, period: Period, rows: list[ScorecardRow]) -> int:
    """Write the files asked for (the scorecard has been read with its filters) and say what was written."""
    from mqp_desktop.cli.reports import _writing
    from mqp_desktop.exporters.performance_report import write_performance_report_pdf, write_scorecard_pdf
    from mqp_desktop.exporters.performance_report_data import gather_performance_report
    from mqp_desktop.exporters.scorecard_xlsx import write_scorecard_xlsx

    if args.json:
        raise CliError("--json prints the scorecard; it cannot be combined with --pdf, --xlsx or --report.")
    jobs = []
    if args.pdf:
        jobs.append(("the scorecard", _file_for("--pdf", args.pdf, ".pdf"), write_scorecard_pdf))
    if args.xlsx:
        jobs.append(("the scorecard", _file_for("--xlsx", args.xlsx, ".xlsx"), write_scorecard_xlsx))
    if args.report:
        jobs.append(("the performance report", _file_for("--report", args.report, ".pdf"),
                     write_performance_report_pdf))
    report = gather_performance_report(store, period, rows=rows, filters=filter_words(store, args))
    red = report.count(Rag.RED)
    exceptions = sum(r.exception for r in rows)
    for what, path, writer in jobs:
        with _writing(path):
            written = writer(report, path)
        print(f"Wrote {what} for {period.label()} to {written}: {len(rows)} indicators, {red} red, "
              f"{exceptions} exception{'s' if exceptions != 1 else ''}.")
    return 0


def cmd_add_report(args: argparse.Namespace) -> int:
    """``mqp papers add-performance-report ITEM [--period P] [--author NAME]``."""
    from mqp_desktop.cli.agendas import _item_ref
    from mqp_desktop.cli.common import opened_store, today
    from mqp_desktop.cli.performance import _period
    from mqp_desktop.domain.papers import paper_status
    from mqp_desktop.exporters.performance_paper import add_performance_report

    period = _period(args.period) if args.period else None
    with opened_store(args) as store:  # the report is read first; the paper is saved in one transaction
        item = _item_ref(store, args.item)
        done = add_performance_report(store, item.id, period, author=args.author, today=today())
        number = store.agendas.numbers(item.meeting_id).get(item.id, "?")
        paper = done.paper
        status = paper_status(paper, today()).value
        exceptions = len(done.report.exceptions)
    record: dict[str, Any] = {
        "paper_id": paper.id, "item_id": item.id, "item_number": number, "title": paper.title,
        "period": done.report.period.key, "label": done.report.period.label(), "file_name": done.file_name,
        "document_id": paper.document_id, "replaced": done.replaced, "status": status,
        "indicators": len(done.report.rows), "exceptions": exceptions,
    }
    if args.json:
        emit_json(record)
        return 0
    verb = "replaced the file of" if done.replaced else "attached as"
    print(f"Performance report for {done.report.period.label()} ({len(done.report.rows)} indicators, "
          f"{exceptions} exception{'s' if exceptions != 1 else ''}) {verb} paper {paper.id} on item {number}, "
          f"'{item.title}': {done.file_name}; status: {status}.")
    if done.replaced:
        print("The earlier file is kept in the paper's history.")
    if not paper.signed_off:
        print(f"Before the pack goes out, record its sign-off: mqp papers sign-off {paper.id} --by NAME")
    if done.note:
        print(f"Note: {done.note}.")
    return 0


def add_papers_parser(sub, new_parser) -> None:
    """Register ``mqp papers add-performance-report`` (called by :mod:`mqp_desktop.cli.agendas`)."""
    from mqp_desktop.cli.agendas import ITEM_HELP
    from mqp_desktop.cli.performance import PERIODS

    p = new_parser(sub, "add-performance-report", "make the performance report and attach it to an item as a paper",
                   "Make the performance report for a period (a summary, every indicator by theme, a page per\n"
                   "exception with its commentary and a chart) and attach it to an agenda item as a paper, so\n"
                   "it goes into the meeting pack like any paper. Run again for the same period (after values\n"
                   "or commentary change) and the paper's file is replaced; the earlier file is kept. Like any\n"
                   "paper it needs a senior manager's sign-off ('mqp papers sign-off').",
                   PERIODS + "\n\n" + ADD_REPORT_JSON_KEYS + "\n\nexamples:\n"
                   "  mqp papers add-performance-report next:5\n"
                   "  mqp papers add-performance-report next:5 --period \"Q2 2026-27\" --author \"Sofia Marques\"")
    p.add_argument("item", metavar="ITEM", help=ITEM_HELP)
    p.add_argument("--period", metavar="PERIOD",
                   help="the period (default: the latest complete quarter with values entered)")
    p.add_argument("--author", metavar="NAME", help="the paper's author (default: the item's presenter)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_add_report)


__all__ = ["EXPORT_HELP", "add_export_options", "add_papers_parser", "cmd_add_report", "filter_words", "wanted",
           "write_files"]

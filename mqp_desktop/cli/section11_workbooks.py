"""``mqp s11 workbook`` and ``mqp s11 import``: the agencies' fill-in workbooks, out and back.

Registered by :mod:`mqp_desktop.cli.section11`. Both go through
:mod:`mqp_desktop.exporters.section11_workbook`, the functions the GUI uses: an
import is previewed cell by cell, and nothing is written unless the whole
workbook is accepted.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, date_option, opened_store, resolve_agency, today
from mqp_desktop.cli.output import emit_json, table
from mqp_desktop.cli.section11 import ROUND_HELP, _round
from mqp_desktop.store.section11 import Section11Repo

WORKBOOK_EPILOG = """\
The workbook has an Instructions sheet (the scale explained, the deadline, who to send it
back to), the agency's contacts, one row per standard and sub-criterion with a drop-down
of the round's ratings, evidence and areas for improvement, and the action plan. Only the
input cells are unlocked (no password); whatever the return already holds is filled in.
With --all, one file per agency of the round, named "<round> - <agency>.xlsx".

examples:
  mqp s11 workbook Police --out "S11 Police.xlsx"
  mqp s11 workbook ICB --round "Section 11 audit 2025-26" --out icb.xlsx --reply-to s11@partnership.example
  mqp s11 workbook --all --out-dir "Section 11 workbooks\""""

IMPORT_EPILOG = """\
Every cell is checked first; the preview lists what would change (ratings by standard,
contact details, actions to add or update) and every problem by sheet and cell. Nothing
is written unless the whole workbook is accepted. Importing marks the return received
(on --received, default today) if it was not.
Exit status: 0 imported (or, with --dry-run, would be); 1 refused (the problems are
listed on stdout and named on stderr) or the file cannot be used.

JSON (--json): one object with the keys
  file, dry_run, applied (true/false), round_id, round, agency_id, agency, return_id,
  mark_received (true/false), received (YYYY-MM-DD or null), changes [{standard,
  criterion, field, old, new}], contacts [{field, old, new}], actions_to_add [{action,
  owner, due, status, standard}], actions_to_update [{id, changes {field: [old, new]}}],
  problems [{sheet, cell, message}], summary.

examples:
  mqp s11 import "Section 11 audit 2025-26 - Police.xlsx" --dry-run
  mqp s11 import returned.xlsx --received 2025-11-28
  mqp s11 import returned.xlsx --json"""


def cmd_workbook(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.section11_workbook import ExportFileError, export_workbook, export_workbooks

    if args.all == bool(args.agency):
        raise CliError("Name one AGENCY (with --out FILE.xlsx) or give --all (with --out-dir DIR), not both"
                       if args.all else "Name the AGENCY (with --out FILE.xlsx), or give --all (with --out-dir DIR).")
    if args.all and not args.out_dir:
        raise CliError("--all: say where to put the workbooks with --out-dir DIR.")
    if args.agency and not args.out:
        raise CliError("--out: say which file to write, e.g. --out \"S11 Police.xlsx\".")
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        rnd = _round(s11, args.round)
        try:
            if args.all:
                written = export_workbooks(store, rnd.id, Path(args.out_dir), reply_to=args.reply_to or "",
                                           today=today())
            else:
                agency = resolve_agency(store, args.agency, "AGENCY")
                if agency.id not in rnd.agency_ids:
                    raise CliError(f"{agency.label} was not asked for a return in {rnd.name}.")
                written = [export_workbook(store, rnd.id, agency.id, Path(args.out).expanduser(),
                                           reply_to=args.reply_to or "", today=today())]
        except ExportFileError as exc:
            raise CliError(str(exc)) from exc
    for path in written:
        print(f"Wrote {path}")
    if len(written) > 1:
        print(f"{len(written)} workbooks for {rnd.name}.")
    return 0


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else getattr(value, "value", value)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    text = str(_plain(value)).replace("\n", " / ")
    return text if len(text) <= 50 else text[:49] + "…"


def _preview_record(preview, *, dry_run: bool, result: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "file": str(preview.source),
        "dry_run": dry_run,
        "applied": result is not None,
        "round_id": preview.round_id,
        "round": preview.round_name,
        "agency_id": preview.agency_id,
        "agency": preview.agency_name,
        "return_id": preview.return_id,
        "mark_received": preview.mark_received,
        "received": result["received"] if result else None,
        "changes": [{"standard": c.standard, "criterion": c.criterion, "field": c.field, "old": c.old, "new": c.new}
                    for c in preview.changes],
        "contacts": [{"field": c.field, "old": c.old, "new": c.new} for c in preview.contacts],
        "actions_to_add": [{"action": a.action, "owner": a.owner, "due": _plain(a.due), "status": _plain(a.status),
                            "standard": a.standard} for a in preview.actions_to_add],
        "actions_to_update": [
            {"id": old.id, "changes": {f: [_plain(getattr(old, f)), _plain(getattr(new, f))]
                                       for f in ("action", "owner", "due", "status", "closed", "standard")
                                       if getattr(old, f) != getattr(new, f)}}
            for old, new in preview.actions_to_update
        ],
        "problems": [{"sheet": p.sheet, "cell": p.cell, "message": p.message} for p in preview.problems],
        "summary": preview.summary,
    }


def _print_preview(preview) -> None:
    print(f"{preview.source.name}: {preview.agency_name}, {preview.round_name} (return {preview.return_id})")
    if preview.problems:
        print("\nProblems (nothing can be imported until they are put right):")
        print(table(["Sheet", "Cell", "Problem"], [[p.sheet, p.cell, p.message] for p in preview.problems],
                    max_widths={"Problem": 90}))
        return
    if preview.changes:
        print("\nRatings:")
        print(table(["Standard", "Field", "Now", "Workbook"],
                    [[c.criterion or c.standard, c.label, _shown(c.old), _shown(c.new)] for c in preview.changes],
                    max_widths={"Now": 50, "Workbook": 50}))
    if preview.contacts:
        print("\nContacts:")
        print(table(["Field", "Now", "Workbook"], [[c.label, _shown(c.old), _shown(c.new)] for c in preview.contacts]))
    if preview.actions_to_add or preview.actions_to_update:
        rows = [["add", "", a.action, a.owner, _shown(a.due), a.status.value] for a in preview.actions_to_add]
        rows += [["update", old.id, new.action, new.owner, _shown(new.due), new.status.value]
                 for old, new in preview.actions_to_update]
        print("\nAction plan:")
        print(table(["Do", "Ref", "Action", "Owner", "Due", "Status"], rows, max_widths={"Action": 60, "Owner": 24}))
    print()


def cmd_import(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.section11_workbook import (
        WorkbookError,
        WorkbookRejected,
        apply_workbook,
        preview_workbook,
    )

    path = Path(args.file).expanduser()
    on = today()
    received = date_option(args.received, "--received")
    result: dict[str, Any] | None = None
    refusal: str | None = None
    with opened_store(args) as store:
        try:
            preview = preview_workbook(store, path, today=on)
        except WorkbookError as exc:
            where = f" ({exc.sheet}{', cell ' + exc.cell if exc.cell else ''})" if exc.sheet else ""
            raise CliError(f"{exc.problem}{where} {exc.remedy}") from exc
        if preview.problems:
            n = len(preview.problems)
            cells = "; ".join(f"{p.sheet} {p.cell}" for p in preview.problems[:12])
            more = f" and {n - 12} more" if n > 12 else ""
            refusal = (f"'{path.name}' {'would be' if args.dry_run else 'was'} refused: {n} problem"
                       f"{'s' if n != 1 else ''} ({cells}{more}), so nothing was written. Ask the agency to "
                       "correct the workbook, then import it again.")
        elif not args.dry_run:
            try:
                result = apply_workbook(store, preview, received=received, today=on)
            except WorkbookRejected as exc:  # the return changed since the preview
                refusal = str(exc)
    if args.json:
        emit_json(_preview_record(preview, dry_run=bool(args.dry_run), result=result))
    else:
        _print_preview(preview)
        if result is not None:
            print(f"Imported: {preview.summary}"
                  + (f" Marked received on {result['received']}." if result["received"] else ""))
        elif refusal is None:
            print(f"Dry run, nothing was written: {preview.summary}")
    if refusal:
        raise CliError(refusal)
    return 0


def add_parsers(sub, new_parser) -> None:
    p = new_parser(sub, "workbook", "export agencies' fill-in workbooks (.xlsx)",
                   "Export an agency's Section 11 self-assessment workbook to email to it (or one per agency).",
                   WORKBOOK_EPILOG)
    p.add_argument("agency", metavar="AGENCY", nargs="?", help="the agency: id, name or short name")
    p.add_argument("--round", metavar="R", help=ROUND_HELP)
    p.add_argument("--out", metavar="FILE.xlsx", help="the workbook to write (an existing file is replaced)")
    p.add_argument("--all", action="store_true", help="one workbook for every agency of the round")
    p.add_argument("--out-dir", metavar="DIR", help="with --all: the folder for the workbooks (made if missing)")
    p.add_argument("--reply-to", metavar="ADDRESS", help="who to send it back to, printed in the instructions")
    p.set_defaults(func=cmd_workbook)

    p = new_parser(sub, "import", "import a returned workbook (with a preview)",
                   "Import an agency's returned Section 11 workbook: ratings, evidence, contacts and action plan.",
                   IMPORT_EPILOG)
    p.add_argument("file", metavar="FILE.xlsx", help="the returned workbook")
    p.add_argument("--dry-run", action="store_true", help="only show what would change; write nothing")
    p.add_argument("--received", metavar="DATE", help="the date it was received (default: today)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_import)

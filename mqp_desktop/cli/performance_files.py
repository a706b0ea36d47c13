"""``mqp data import`` and ``mqp data export``: indicator values from and to the spreadsheets
partnerships keep (CSV and XLSX), with a preview of every cell before anything is written."""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, opened_store
from mqp_desktop.cli.output import emit_json, table

IMPORT_EPILOG = """\
Layouts, detected per sheet from its row of column headings (title rows above it are passed over):
  wide  indicators as rows (a Code or Indicator column: the code, or the title when no other
        indicator has it; or a Title column), one column per period headed Q1 2025-26,
        2025/26 Q1, Jun-25, 2025-06, 2025-26 or a date; optional Agency and Reason columns.
  long  one row per value: Code (or Indicator), Period, Value; optional Agency, England, Region,
        Statistical neighbours (comparators) and Reason columns.
Other columns (Title, Target, RAG, Notes ...) are ignored; a Unit column is checked against the
indicator. Every sheet of a workbook is read; sheets without such headings are named and passed over.

Cells: 12.5, "12.5%" and "1,234" are numbers. In an XLSX file a number cell formatted as a
percentage holds a fraction, as Excel keeps it: 0.125 shown as 12.5% is read as 12.5; other number
cells are read as they are. Blank cells are skipped; -, n/a, .., x (not available) and *, c, <5
(suppressed) are skipped and counted.

Each cell is added, revised (a value already entered changes only with a reason: --reason, or the
row's Reason column), left unchanged, skipped, or rejected, naming the sheet, row and column and
the fix: an unknown indicator or agency, a period it cannot read, of the wrong frequency or not
begun, text where a number belongs, a percentage over 100, a negative count, a cell given twice.
Nothing is written unless every cell is accepted (or --skip-rejected is given), and then all in
one transaction, recorded in the change history.
Exit status: 0 imported (or, with --dry-run, would be); 1 refused (why on stderr) or unreadable.

JSON (--json): one object with the keys
  file, encoding (the codec a CSV file was read with; null for XLSX), encoding_guessed,
  dry_run, applied (true/false), reason, sheets [{name, layout ("wide" | "long" | null:
  not read), heading_row, periods [label], ignored_columns [text], note}], counts {add,
  revise, unchanged, reject, suppressed, not_available}, cells [{sheet, row, column
  (letters), cell ("F7"), kind ("value" | "england" | "region" |
  "statistical_neighbours"), outcome ("add" | "revise" | "unchanged" | "reject" |
  "skip"), skipped ("suppressed" | "not available" | null), indicator_id, code, period
  (key), period_label, agency_id, agency, value, old_value, text (as in the file), reason
  (the row's), needs_reason (true: a revision waiting for --reason), field (what is wrong:
  "indicator" | "period" | "frequency" | "value" | "agency" | "agency_id" | "reason" |
  "duplicate" | "unit" ...), fix_column (the letters of the cell to correct), message}].

examples:
  mqp data import dataset.xlsx --dry-run
  mqp data import dataset.xlsx --reason "Revised figures from the Q2 return"
  mqp data import values.csv --skip-rejected --json"""

EXPORT_EPILOG = """\
Layouts: wide (default): indicators as rows, one column per period (a workbook has a sheet per
frequency: Quarterly, Monthly, Annual); long: one row per value with the comparators (England,
Region, Statistical neighbours). Numbers are numbers; percentages are percentage cells in a
workbook. 'mqp data import' reads the file back unchanged. Retired indicators are left out.
--from/--to take the periods ending from the first day of --from to the last day of --to
(forms: 2026-Q2, Q1 2026-27, 2026-06, Jun-26, 2026-27).

examples:
  mqp data export --out dataset.xlsx
  mqp data export --out values.csv --layout long --from 2024-Q2 --to 2026-Q1"""


def _cell_record(c: Any) -> dict[str, Any]:
    from mqp_desktop.exporters.indicator_data_import import column_letter

    ind, period = c.indicator, c.period
    return {
        "sheet": c.sheet, "row": c.row, "column": column_letter(c.column), "cell": c.cell, "kind": c.kind,
        "outcome": c.outcome, "skipped": c.skipped or None,
        "indicator_id": ind.id if ind else None, "code": ind.code if ind else None,
        "period": period.key if period else None, "period_label": period.label() if period else None,
        "agency_id": c.agency_id, "agency": c.agency or None, "value": c.value, "old_value": c.old_value,
        "text": c.text, "reason": c.reason, "needs_reason": c.needs_reason, "field": c.field or None,
        "fix_column": column_letter(c.fix_column) if c.fix_column else None, "message": c.message,
    }


def _by_indicator(cells: list[Any]) -> list[list[Any]]:
    """'CP3 | 12 | Q1 2023-24 to Q4 2025-26' rows for cells to add or unchanged, per indicator."""
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for c in cells:
        groups[(c.indicator.code if c.indicator else "?", c.outcome)].append(c)
    rows = []
    for (code, outcome), group in groups.items():
        periods = sorted({c.period for c in group if c.period})
        span = (periods[0].short_label() if len(periods) == 1 else
                f"{periods[0].short_label()} to {periods[-1].short_label()}") if periods else ""
        rows.append([code, outcome, len(group), span])
    return rows


def cmd_data_import(args: argparse.Namespace) -> int:
    from mqp_desktop.domain.validation import ValidationError
    from mqp_desktop.exporters.indicator_data_import import (
        ADD,
        NOT_AVAILABLE,
        REJECT,
        REVISE,
        SKIP,
        DataFileError,
        apply_data_import,
        preview_data_import,
    )

    path = Path(args.file).expanduser()
    reason = (args.reason or "").strip()
    refusal: str | None = None
    result: dict[str, int] | None = None
    with opened_store(args) as store:
        try:
            preview = preview_data_import(store, path, reason=reason, encoding=args.encoding)
        except DataFileError as exc:
            raise CliError(str(exc)) from exc
        needing = preview.needing_reason(reason)
        if preview.has_rejections and not args.skip_rejected:
            n = len(preview.rejected)
            refusal = (f"The import of '{path}' {'would be' if args.dry_run else 'was'} refused: {n} cell"
                       f"{'s' if n != 1 else ''} rejected (listed above), so nothing {'would be' if args.dry_run else 'was'}"
                       " written. Correct the file, or add --skip-rejected to import the other cells.")
        elif needing:
            refusal = (f"{len(needing)} value{'s' if len(needing) != 1 else ''} already entered would be revised "
                       f"(listed above): give the reason with --reason \"...\" (e.g. \"Revised figures from the "
                       f"agency\") or a Reason column in the file. Nothing {'would be' if args.dry_run else 'was'} written.")
        elif not args.dry_run:
            try:
                result = apply_data_import(store, preview, reason=reason, skip_rejected=args.skip_rejected)
            except ValidationError as exc:  # the data changed since the preview
                refusal = exc.message
    counts = dict(result if result is not None else preview.counts)
    counts["not_available"] = counts.pop(NOT_AVAILABLE, 0)
    if args.json:
        emit_json({
            "file": str(path), "encoding": preview.encoding or None, "encoding_guessed": preview.encoding_guessed,
            "dry_run": bool(args.dry_run), "applied": result is not None, "reason": reason,
            "sheets": [{"name": s.name, "layout": s.layout or None, "heading_row": s.heading_row or None,
                        "periods": s.periods, "ignored_columns": s.ignored, "note": s.note} for s in preview.sheets],
            "counts": counts, "cells": [_cell_record(c) for c in preview.cells],
        })
    else:
        if preview.encoding:
            print(preview.encoding_note)
        print(preview.layouts)
        print()
        cells = preview.cells
        listed = cells if args.all else [c for c in cells if c.outcome in (REVISE, REJECT, SKIP)]
        if listed:
            print(table(["Where", "Cell", "What", "Outcome", "Old", "New", "Reason / problem"],
                        [[c.sheet, c.cell, c.what, c.skipped or c.outcome, c.shown(c.old_value) if c.outcome == REVISE
                          else "", c.shown(c.value) if c.outcome != REJECT else c.text,
                          c.message if c.outcome in (REJECT, SKIP) else
                          (c.reason or reason or ("NEEDS A REASON" if c.needs_reason else ""))] for c in listed],
                        max_widths={"What": 30, "Reason / problem": 70, "Where": 16}))
            print()
        if not args.all:
            grouped = _by_indicator([c for c in cells if c.outcome in (ADD, "unchanged")])
            if grouped:
                print(table(["Indicator", "Outcome", "Cells", "Periods"], grouped, right=("Cells",)))
                print()
        if preview.rejected:
            print("Rejected:")
            for c in preview.rejected:
                print(f"  {c.where} ({c.cell}): {c.message}")
            print()
        if result is not None:
            print(f"Imported '{path}': {preview.summary}.")
        elif args.dry_run and refusal is None:
            print(f"Dry run, nothing was written: {preview.summary}.")
        else:
            print(f"{preview.summary}.")
    if refusal:
        raise CliError(refusal)
    return 0


def cmd_data_export(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.files import ExportFileError
    from mqp_desktop.exporters.indicator_data_export import export_indicator_data

    path = Path(args.out).expanduser()
    with opened_store(args) as store:
        try:
            written, data = export_indicator_data(store, path, layout=args.layout, first=args.first, last=args.last)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        except ExportFileError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(f"'{path}' could not be written ({exc.strerror or exc}): close it if it is open in another "
                           "program, or choose a folder you can write to.") from exc
    print(f"Exported {data.value_count:,} values and {data.comparator_count:,} comparator figures of "
          f"{len(data.indicators)} indicators ({args.layout} layout) to {written}.")
    return 0


def add_data_parsers(dsub, new_parser) -> None:
    """``data import`` and ``data export``, under ``mqp data``."""
    p = new_parser(dsub, "import", "import values from CSV or XLSX (with a preview of every cell)",
                   "Import indicator values (and comparators) from a CSV or XLSX file: every cell is\n"
                   "previewed, and nothing is written unless the import is accepted, all at once.", IMPORT_EPILOG)
    p.add_argument("file", metavar="FILE", help="the .xlsx or .csv file")
    p.add_argument("--dry-run", action="store_true", help="only show what would happen; write nothing")
    p.add_argument("--reason", metavar="R", help="why values already entered change (needed when any is revised)")
    p.add_argument("--skip-rejected", action="store_true", help="import the accepted cells, leaving the rejected out")
    p.add_argument("--all", action="store_true", help="list every cell (default: revisions, skipped and rejected "
                                                      "cells; the rest counted per indicator)")
    p.add_argument("--encoding", metavar="CODEC", default=None,
                   help="read a CSV file in this encoding (cp1252, mac-roman, utf-8 ...) instead of detecting it")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_data_import)

    p = new_parser(dsub, "export", "export values to XLSX or CSV (wide or long layout)",
                   "Export the indicators' values (and comparators, in the long layout) to XLSX or CSV.",
                   EXPORT_EPILOG)
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write (.xlsx or .csv); replaced if there")
    p.add_argument("--layout", choices=("wide", "long"), default="wide",
                   help="wide: a column per period (default); long: a row per value, with comparators")
    p.add_argument("--from", dest="first", metavar="P", help="the first period (default: the earliest with values)")
    p.add_argument("--to", dest="last", metavar="P", help="the last period (default: the latest with values)")
    p.set_defaults(func=cmd_data_export)

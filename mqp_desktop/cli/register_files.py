"""``mqp members import FILE`` and ``mqp members export FILE``.

Both go through ``mqp_desktop.exporters``, the same functions the GUI uses:
an import is previewed row by row, and nothing is written unless the whole
file is accepted (or ``--skip-rejected`` says to leave the rejected rows out).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, opened_store
from mqp_desktop.cli.output import emit_json, table


def _value(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _row_record(outcome: Any) -> dict[str, Any]:
    member = outcome.member
    existing = outcome.existing
    return {
        "row": outcome.row,
        "action": outcome.action,
        "name": outcome.label,
        "member_id": getattr(existing, "id", None) or getattr(member, "id", None),
        "changes": {k: [_value(old), _value(new)] for k, (old, new) in (outcome.changes or {}).items()},
        "problems": [{"column": p.column, "message": p.message} for p in outcome.problems],
    }


def _columns(outcome: Any) -> str:
    return ", ".join(dict.fromkeys(p.column for p in outcome.problems))


def _details(outcome: Any) -> str:
    if outcome.problems:
        return f"problems in: {_columns(outcome)} (below)"
    if outcome.action == "update" and outcome.changes:
        return "changes " + ", ".join(outcome.changes)
    return ""


DONE = {"add": "added", "update": "updated", "unchanged": "unchanged", "reject": "rejected rows left out"}


def _refusal(path: Path, rejected: list[Any], *, dry_run: bool) -> str:
    rows = "; ".join(f"row {r.row} ({_columns(r)})" for r in rejected)
    n = len(rejected)
    head = (f"The import of '{path}' would be refused" if dry_run else f"The import of '{path}' was refused")
    return (f"{head}: {n} row{'s' if n != 1 else ''} rejected, so nothing "
            f"{'would be' if dry_run else 'was'} written (correct the file, or add --skip-rejected to import "
            f"the other rows): {rows}.")


def cmd_members_import(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.register_import import (
        ImportFileError,
        ImportRejected,
        apply_import,
        preview_import,
    )

    path = Path(args.file).expanduser()
    refusal: str | None = None
    result: dict[str, int] | None = None
    with opened_store(args) as store:
        try:
            preview = preview_import(store, path, encoding=args.encoding)
        except ImportFileError as exc:
            raise CliError(str(exc) or f"'{path}' could not be read as a register.") from exc
        if preview.has_rejections and not args.skip_rejected:
            refusal = _refusal(path, preview.rejected, dry_run=args.dry_run)
        elif not args.dry_run:
            try:
                result = apply_import(store, preview, skip_rejected=args.skip_rejected)
            except ImportRejected as exc:  # the register changed since the preview
                refusal = str(exc)
    if args.json:
        emit_json({
            "file": str(path),
            "encoding": preview.encoding or None,
            "encoding_guessed": preview.encoding_guessed,
            "dry_run": bool(args.dry_run),
            "applied": result is not None,
            "counts": dict(result if result is not None else preview.counts),
            "rows": [_row_record(r) for r in preview.rows],
        })
    else:
        if preview.encoding:
            print(preview.encoding_note + (f" (--encoding {preview.encoding} reads it the same way; give another "
                                           "to read it differently.)" if preview.encoding_guessed else ""))
            print()
        if preview.rows:
            print(table(["Row", "Action", "Who", "Problems / changes"],
                        [[r.row, r.action, r.label, _details(r)] for r in preview.rows],
                        max_widths={"Who": 32, "Problems / changes": 80}, right=("Row",)))
            print()
            if preview.rejected:
                print("Rejected rows:")
                for r in preview.rejected:
                    for problem in r.problems:
                        print(f"  row {r.row}, {problem}")
                print()
        else:
            print(f"'{path}' has no rows to import.")
        if result is not None:
            print(f"Imported '{path}': " + ", ".join(f"{result[k]} {DONE[k]}" for k in DONE if k in result) + ".")
        elif args.dry_run and refusal is None:
            print(f"Dry run, nothing was written: {preview.summary}.")
    if refusal:
        raise CliError(refusal)
    return 0


def cmd_members_export(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.files import ExportFileError
    from mqp_desktop.exporters.register_export import export_register

    path = Path(args.file).expanduser()
    with opened_store(args) as store:
        try:
            written = export_register(store, path, include_ended=args.include_ended)
        except ValueError as exc:  # an ending it cannot write
            raise CliError(str(exc)) from exc
        except ExportFileError as exc:
            raise CliError(str(exc)) from exc
        except OSError as exc:
            raise CliError(
                f"'{path}' could not be written ({exc.strerror or exc}): close it if it is open in another program,"
                " or choose a folder you can write to."
            ) from exc
    print(f"Exported the register to {written}.")
    return 0


IMPORT_EPILOG = """\
The file is CSV or XLSX with a header row, one member per row (the same columns
'mqp members export' writes). Every row is checked first; the preview table shows,
per row, whether it will be added, updated, left unchanged or rejected, and why.
Nothing is written unless every row is accepted (or --skip-rejected is given).
Columns: name, role_title, agency (name or short name), email, phone,
decision_maker (yes/no), deputy_name, deputy_email, start_date, end_date, notes.
Exit status: 0 imported (or, with --dry-run, would be imported); 1 refused
(the rejected rows are named on stderr) or the file cannot be read.

A CSV file is read as UTF-8 (with or without a byte order mark) or UTF-16 with one;
a file that is UTF-8 except for a stray byte is refused, naming the line and byte.
Any other encoding is guessed, and the output says so, with the lines holding
accented letters to check; --encoding (e.g. cp1252, mac-roman, cp1250) reads it
another way.

JSON (--json): one object with the keys
  file, encoding (the codec a CSV file was read with, null for XLSX), encoding_guessed,
  dry_run, applied (true/false), counts {action: number}, rows [{row,
  action ("add" | "update" | "unchanged" | "reject"), name, member_id,
  changes {field: [old, new]}, problems [{column, message}]}].

examples:
  mqp members import register.xlsx --dry-run
  mqp members import register.csv
  mqp members import register.csv --skip-rejected --json
  mqp members import old-excel.csv --encoding cp1252 --dry-run"""


def add_parsers(sub, new_parser) -> None:
    p = new_parser(sub, "import", "import members from CSV or XLSX (with a preview)",
                   "Import members from a CSV or XLSX file: new people are added, known ones updated.",
                   IMPORT_EPILOG)
    p.add_argument("file", metavar="FILE", help="the .csv or .xlsx file")
    p.add_argument("--dry-run", action="store_true", help="only show what would happen; write nothing")
    p.add_argument("--skip-rejected", action="store_true", help="import the accepted rows and leave out the rejected ones")
    p.add_argument("--encoding", metavar="CODEC", default=None,
                   help="read a CSV file in this encoding (cp1252, mac-roman, cp1250, utf-8 ...) instead of detecting it")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_members_import)

    p = new_parser(sub, "export", "export the register to CSV, XLSX or Word",
                   "Export the register; the file's ending chooses the format: .csv, .xlsx or .docx (Word).",
                   "examples:\n  mqp members export register.xlsx\n  mqp members export register.docx --include-ended")
    p.add_argument("file", metavar="FILE", help="the file to write (.csv, .xlsx or .docx); an existing file is replaced")
    p.add_argument("--include-ended", action="store_true", help="include members who have ended")
    p.set_defaults(func=cmd_members_export)

"""``mqp s11 framework ...``: read, edit, copy, import and export a Section 11 framework.

Registered by :mod:`mqp_desktop.cli.section11` (``mqp s11 frameworks`` still lists them).
Edits go through :func:`~mqp_desktop.store.section11_framework_edits.save_explained`,
as in the window's Frameworks dialog: a version an audit round uses is never changed,
the edit becomes the next version and the round keeps its own copy of the standards.
Files go through :mod:`mqp_desktop.exporters.section11_framework_file`, so an exported
framework edited in Excel imports back.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store
from mqp_desktop.cli.output import emit_json
from mqp_desktop.cli.section11 import framework_record
from mqp_desktop.domain.section11 import Framework
from mqp_desktop.store.section11 import Section11Repo
from mqp_desktop.store.section11_framework_edits import (
    FrameworkSaved,
    copy_framework,
    latest_version,
    preview_save,
    rounds_using,
    save_explained,
)

NAME_HELP = "the framework: its name (any case) or id; the latest version unless --version says"

SHOW_EPILOG = """\
JSON (--json): one object with the keys of 'mqp s11 frameworks --json' and
  rounds [{id, name}] (the audit rounds made from this version).

examples:
  mqp s11 framework show "Section 11 statutory standards"
  mqp s11 framework show "Section 11 statutory standards" --version 1 --json
  mqp s11 framework show 3"""

SAVE_NOTE = """\
A version an audit round already uses (or the statutory text as shipped) is never
changed: the edit is saved as the next version, which new rounds use, and each round
keeps its own copy of the standards. A version no round uses yet is changed in place."""

FILE_LAYOUT = """\
The file: a heading row Standard | Criterion | Text | Description, then a row per
standard (Criterion empty, its title in Text) followed by a row per sub-criterion
(its code in Criterion, e.g. 9.1 or just 1, its wording in Text). 'mqp s11 framework
export' writes exactly this, so export, edit in Excel, import."""


def _find(s11: Section11Repo, key: str, version: int | None = None) -> Framework:
    text = key.strip()
    if version is not None and text.isdigit():
        raise CliError("--version goes with a framework's NAME; an id names one version already.")
    return s11.framework(text, version)


def _latest(s11: Section11Repo, key: str) -> Framework:
    """The version edits start from: the latest of that name (an id names the framework)."""
    found = s11.framework(key.strip())
    latest = latest_version(s11, found.name)
    return latest if latest is not None else found


def _print_saved(result: FrameworkSaved) -> None:
    print(result.message)


def _criteria_lines(fw: Framework) -> list[str]:
    lines = []
    for s in fw.standards:
        lines.append(f"{s.number}. {s.title}")
        if s.description:
            lines.append(f"     {s.description}")
        lines.extend(f"     {c.code}  {c.text}" for c in s.criteria)
    return lines


# --- commands -------------------------------------------------------------------------------
def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        fw = _find(s11, args.framework, args.version)
        used = rounds_using(s11, fw)
        versions = [f.version for f in s11.frameworks() if f.name.lower() == fw.name.lower()]
    if args.json:
        emit_json({**framework_record(fw, len(used)), "rounds": [{"id": r.id, "name": r.name} for r in used]})
        return 0
    kept = f"stored as id {fw.id}" if fw.id is not None else "as shipped, not stored yet"
    print(f"{fw.label}, {kept}; versions: {', '.join(map(str, versions))}")
    if fw.description:
        print(fw.description)
    print("Used by: " + (", ".join(r.name for r in used) if used else "no audit round yet"))
    n_criteria = sum(len(s.criteria) for s in fw.standards)
    print(f"\n{len(fw.standards)} standards, {n_criteria} sub-criteria:")
    for line in _criteria_lines(fw):
        print("  " + line)
    return 0


def cmd_add_standard(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        s11 = Section11Repo(store)
        fw = _latest(s11, args.framework)
        edited = fw.with_standard(args.title, args.description or "", args.criterion or [], args.number)
        result = save_explained(s11, edited)
    added = result.framework.standard(args.number or max(s.number for s in result.framework.standards))
    print(f"Added standard {added.label}" + (f" with {len(added.criteria)} sub-criteri{'on' if len(added.criteria) == 1 else 'a'}."
                                              if added.criteria else "."))
    _print_saved(result)
    return 0


def cmd_edit_standard(args: argparse.Namespace) -> int:
    if args.title is None and args.description is None and args.criterion is None:
        raise CliError("Say what to change: --title, --description and/or --criterion (repeat for each).")
    with editing_store(args) as store:
        s11 = Section11Repo(store)
        fw = _latest(s11, args.framework)
        edited = fw.with_standard_changed(args.number, title=args.title, description=args.description,
                                          criteria=args.criterion)
        result = save_explained(s11, edited)
    if result.outcome != "unchanged":
        print(f"Standard {result.framework.standard(args.number).label}")
    _print_saved(result)
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        source = _find(s11, args.framework, args.version)
        result = copy_framework(s11, source, args.as_name, args.description)
    print(f"Copied {source.label}.")
    _print_saved(result)
    return 0


def _file_error(exc: Exception) -> CliError:
    problem = getattr(exc, "problem", None)
    return CliError(f"{problem} {getattr(exc, 'remedy', '')}".strip() if problem else str(exc))


def cmd_import(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.section11_framework_file import FrameworkImportError, WorkbookError, read_framework

    path = Path(args.file).expanduser()
    try:
        fw = read_framework(path, name=args.name, description=args.description or "", encoding=args.encoding)
    except FrameworkImportError as exc:
        if args.json:
            emit_json(_import_record(path, None, args, [
                {"row": p.row, "column": p.column, "message": p.message} for p in exc.problems], None))
        else:
            print(f"{path.name}: {len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}"
                  " (nothing can be saved until they are put right):")
            for p in exc.problems:
                print(f"  row {p.row}, {p.column}: {p.message}")
        raise CliError(f"'{path.name}' was not imported: {len(exc.problems)} problem"
                       f"{'s' if len(exc.problems) != 1 else ''} ("
                       + "; ".join(f"row {p.row} {p.column.split(' (')[0]}" for p in exc.problems[:10])
                       + (" and more" if len(exc.problems) > 10 else "") + "), so nothing was saved.") from None
    except WorkbookError as exc:
        raise _file_error(exc) from exc
    result: FrameworkSaved | None = None
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        before = latest_version(s11, fw.name)
        if args.description is None and before is not None:  # a new version keeps the description
            fw = dataclasses.replace(fw, description=before.description)
        preview = preview_save(s11, fw)
        if not args.dry_run:
            result = save_explained(s11, fw)
    if args.json:
        emit_json(_import_record(path, result.framework if result else fw, args, [], result))
        return 0
    print(f"{path.name}: {len(fw.standards)} standards, {sum(len(s.criteria) for s in fw.standards)} sub-criteria")
    for line in _criteria_lines(fw):
        print("  " + line)
    if result is not None:
        _print_saved(result)
    else:
        print(f"Dry run, nothing was saved. {preview}")
    return 0


def _import_record(path: Path, fw: Framework | None, args: argparse.Namespace, problems: list[dict[str, Any]],
                   result: FrameworkSaved | None) -> dict[str, Any]:
    return {
        "file": str(path),
        "dry_run": bool(args.dry_run),
        "saved": result is not None,
        "outcome": result.outcome if result else None,
        "message": result.message if result else None,
        "framework": framework_record(fw, 0) if fw is not None else None,
        "problems": problems,
    }


def cmd_export(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.section11_framework_file import ExportFileError, export_framework

    with opened_store(args) as store:
        fw = _find(Section11Repo(store), args.framework, args.version)
    try:
        written = export_framework(fw, Path(args.out).expanduser())
    except ExportFileError as exc:
        raise _file_error(exc) from exc
    print(f"Wrote {written} ({fw.label}, {len(fw.standards)} standards).")
    return 0


# --- parsers --------------------------------------------------------------------------------
def _positive(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 1")
    return int(text)


def add_parsers(sub, new_parser) -> None:
    fw = new_parser(sub, "framework", "show, edit, copy, import or export a framework",
                    "A framework of standards: show it, add or edit a standard, copy it as the partnership's\n"
                    "own, import one from a spreadsheet, or export one to edit in Excel.\n\n" + SAVE_NOTE,
                    "examples:\n  mqp s11 framework show \"Section 11 statutory standards\"\n"
                    "  mqp s11 framework copy \"Section 11 statutory standards\" --as \"Our Section 11 standards\"\n"
                    "  mqp s11 framework add-standard \"Our Section 11 standards\" --title \"Voice of the child\"\n"
                    "  mqp s11 framework export \"Our Section 11 standards\" --out standards.xlsx\n"
                    "  mqp s11 framework import standards.xlsx --name \"Our Section 11 standards\" --dry-run",
                    db=False)
    fsub = fw.add_subparsers(dest="framework_command", metavar="ACTION", required=True)

    p = new_parser(fsub, "show", "a framework's standards and sub-criteria",
                   "Show a framework version: its standards, sub-criteria and the rounds that use it.", SHOW_EPILOG)
    p.add_argument("framework", metavar="NAME|ID", help=NAME_HELP)
    p.add_argument("--version", type=_positive, metavar="N", help="that version (default: the latest)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    p = new_parser(fsub, "add-standard", "add a standard (e.g. Voice of the child)",
                   "Add a standard, numbered after the last unless --number says, to the latest version.\n\n"
                   + SAVE_NOTE,
                   "examples:\n  mqp s11 framework add-standard \"Section 11 statutory standards\" \\\n"
                   "      --title \"Voice of the child\" --description \"Children's views shape services\" \\\n"
                   "      --criterion \"Children's views are sought and recorded\" \\\n"
                   "      --criterion \"Feedback to children on what changed\"")
    p.add_argument("framework", metavar="NAME|ID", help="the framework: name or id (its latest version is edited)")
    p.add_argument("--title", required=True, help="the standard's title")
    p.add_argument("--description", help="what the standard asks, in a sentence or two")
    p.add_argument("--criterion", action="append", metavar="TEXT", help="a sub-criterion's wording (repeatable)")
    p.add_argument("--number", type=_positive, metavar="N", help="its number (default: after the last)")
    p.set_defaults(func=cmd_add_standard)

    p = new_parser(fsub, "edit-standard", "change a standard's title, description or sub-criteria",
                   "Change one standard of the latest version.\n\n" + SAVE_NOTE,
                   "examples:\n  mqp s11 framework edit-standard \"Section 11 statutory standards\" --number 9 \\\n"
                   "      --title \"Voice and experience of the child\"\n"
                   "  mqp s11 framework edit-standard 2 --number 9 --criterion \"Views sought\" --criterion \"Views acted on\"")
    p.add_argument("framework", metavar="NAME|ID", help="the framework: name or id (its latest version is edited)")
    p.add_argument("--number", type=_positive, required=True, metavar="N", help="the standard's number")
    p.add_argument("--title", help="its new title")
    p.add_argument("--description", help="its new description ('' clears it)")
    p.add_argument("--criterion", action="append", metavar="TEXT",
                   help="its sub-criteria, all of them, in order (repeatable; replaces the ones it has)")
    p.set_defaults(func=cmd_edit_standard)

    p = new_parser(fsub, "copy", "copy a framework as the partnership's own",
                   "Copy a framework's standards into a new framework of the partnership's own (version 1),\n"
                   "to edit without touching the statutory one.",
                   "examples:\n  mqp s11 framework copy \"Section 11 statutory standards\" --as \"Our Section 11 standards\"")
    p.add_argument("framework", metavar="NAME|ID", help=NAME_HELP)
    p.add_argument("--version", type=_positive, metavar="N", help="copy that version (default: the latest)")
    p.add_argument("--as", dest="as_name", required=True, metavar="NEW_NAME", help="the new framework's name")
    p.add_argument("--description", help="its description (default: 'Based on <name> (version N).')")
    p.set_defaults(func=cmd_copy)

    p = new_parser(fsub, "import", "read a framework from a spreadsheet (.xlsx or .csv)",
                   "Read a framework from a spreadsheet and save it under --name. Every row is checked first;\n"
                   "problems are listed by row and column and nothing is saved unless there are none.\n"
                   "A name that exists already gets the file's standards as its next version.\n\n" + SAVE_NOTE,
                   FILE_LAYOUT + "\nExit status: 0 saved (or, with --dry-run, would be); 1 refused or unreadable.\n\n"
                   "JSON (--json): file, dry_run, saved, outcome (new | new version | edited | unchanged | null),\n"
                   "  message, framework {as in 'mqp s11 frameworks --json'} or null, problems [{row, column, message}].\n\n"
                   "examples:\n  mqp s11 framework import \"Our standards.xlsx\" --name \"Our Section 11 standards\" --dry-run\n"
                   "  mqp s11 framework import standards.csv --name \"Our Section 11 standards\"")
    p.add_argument("file", metavar="FILE.xlsx|FILE.csv", help="the spreadsheet")
    p.add_argument("--name", required=True, help="the framework's name (an existing name gets a new version)")
    p.add_argument("--description", help="the framework's description (default: that of the version it follows)")
    p.add_argument("--dry-run", action="store_true", help="only check the file and show the standards; save nothing")
    p.add_argument("--encoding", metavar="CODEC", default=None,
                   help="read a .csv file in this encoding (cp1252, mac-roman ...) instead of detecting it")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_import)

    p = new_parser(fsub, "export", "write a framework to a spreadsheet, to edit and import back",
                   "Write a framework version to .xlsx (with a 'How to edit' sheet) or .csv.",
                   FILE_LAYOUT + "\n\nexamples:\n  mqp s11 framework export \"Section 11 statutory standards\" --out standards.xlsx\n"
                   "  mqp s11 framework export 1 --out standards-v1.csv")
    p.add_argument("framework", metavar="NAME|ID", help=NAME_HELP)
    p.add_argument("--version", type=_positive, metavar="N", help="that version (default: the latest)")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="the file to write (.xlsx or .csv; replaced)")
    p.set_defaults(func=cmd_export)

"""``mqp export agenda`` and ``mqp export pack``: the Word agenda and the meeting pack (ToR 13).

Registered under ``mqp export`` by :func:`add_export_parsers` (called from
``exports.add_parsers``, where ``export`` is made). python-docx, reportlab and
pikepdf are imported only when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mqp_desktop.cli.common import CliError, opened_store
from mqp_desktop.cli.meeting_records import MEETING_HELP, meeting_line, resolve_meeting
from mqp_desktop.cli.output import emit_json


def _file_for(option: str, value: str, suffix: str, example: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() != suffix:
        if path.suffix:
            raise CliError(f"{option}: '{value}' does not end in {suffix}: give a file name such as {example}.")
        path = path.with_suffix(suffix)
    return path


def cmd_export_agenda(args: argparse.Namespace) -> int:
    from mqp_desktop.cli.reports import _writing
    from mqp_desktop.exporters.agenda_docx import export_agenda_docx

    path = _file_for("--out", args.out, ".docx", "agenda.docx")
    template = None
    if args.template:
        template = Path(args.template).expanduser()
        if template.suffix.lower() not in (".docx", ".dotx"):
            raise CliError(f"--template: '{args.template}' is not a Word document or template (.docx or .dotx).")
        if not template.is_file():
            raise CliError(f"--template: there is no file '{args.template}'.")
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        items = store.agendas.items(meeting.id)
        if not items:
            raise CliError(f"Meeting {meeting.id} has no agenda yet: start one with 'mqp agenda standing {meeting.id}'.")
        if template is not None:
            style = f"in the house style of {template.name}"
        elif args.no_template:
            style = "in the program's own style"
        else:
            stored = store.agendas.house_template()
            style = (f"in the house style of {stored[0]} from the settings" if stored is not None
                     else "in the program's own style: no house template in the settings")
        with _writing(path):
            written = export_agenda_docx(store, meeting.id, path, house_template=template,
                                         use_house_template=not args.no_template)
    print(f"Wrote the agenda of {meeting_line(meeting)} to {written} ({len(items)} items, {style}).")
    return 0


def _pack_record(result, meeting, kind: str) -> dict:
    return {"meeting_id": meeting.id, "kind": kind, "path": str(result.path), "page_count": result.page_count,
            "pack_id": result.pack_id, "contents": result.contents, "separately": result.separately}


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None

    def show(step: int, total: int, message: str) -> None:
        print(f"\r[{step}/{total}] {message[:90]:<90}", end="" if step < total else "\n", file=sys.stderr, flush=True)

    return show


def cmd_export_pack(args: argparse.Namespace) -> int:
    from mqp_desktop.cli.reports import _writing
    from mqp_desktop.exporters.meeting_pack import PackError, build_pack, build_supplement

    path = _file_for("--out", args.out, ".pdf", "pack.pdf")
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        if not store.agendas.items(meeting.id):
            raise CliError(f"Meeting {meeting.id} has no agenda yet: start one with 'mqp agenda standing {meeting.id}'.")
        try:
            with _writing(path):
                if args.supplement:
                    result = build_supplement(store, meeting.id, path, progress=_progress(args.json))
                else:
                    result = build_pack(store, meeting.id, path, progress=_progress(args.json),
                                        save=not args.no_save)
        except PackError as exc:
            raise CliError(str(exc)) from None
    kind = "supplement" if args.supplement else "pack"
    if args.json:
        emit_json(_pack_record(result, meeting, kind))
        return 0
    what = "supplement" if args.supplement else "meeting pack"
    print(f"Wrote the {what} of {meeting_line(meeting)} to {result.path}: {result.page_count} pages.")
    for entry in result.contents:
        if entry["kind"] in ("divider", "supplement"):
            print(f"  {entry['first_page']:>5}  Item {entry['number']}: {entry['title'].split(': ', 1)[-1]}")
        elif entry["kind"] in ("paper", "separately"):
            note = " (converted from " + entry["file_name"].rsplit(".", 1)[-1].upper() + ")" if entry.get(
                "converted_with") else ""
            print(f"  {entry['first_page']:>5}    {entry['title']}{note}")
    if result.separately:
        print("Circulated separately (could not be converted to PDF here; attach them to the email):")
        for entry in result.separately:
            print(f"  {entry['reference']}: {entry['file_name']} — {entry['reason']}")
    if result.active_content_removed:
        from mqp_desktop.exporters.active_content import removed_words

        print("Active content removed from the copy in the pack (the papers as received are kept unchanged):")
        for entry in result.active_content_removed:
            print(f"  {entry['reference']} ({entry['file_name']}): {removed_words(entry['active_content_removed'])}")
    if result.pack_id is not None:
        print(f"Saved with the meeting as pack {result.pack_id}; 'mqp circulate {meeting.id} --out FILE.eml' "
              "drafts the email.")
    return 0


EXPORT_JSON_KEYS = """\
JSON (--json): {meeting_id, kind ("pack" | "supplement"), path, page_count, pack_id (null when
not saved), contents, separately}. contents: one object per section in order, with kind
(cover, contents, agenda, minutes, action_log, divider, paper, separately, supplement), title,
number (the item's), reference ("Paper 5a"), first_page, last_page (numbers as printed: 7, or
"S1-2" in a supplement) and, for papers, paper_id, document_id, sha256, file_name,
converted_with ("" for a PDF), active_content_removed (what was taken out of the pack's copy, in
words; [] when nothing) and repaired (whether its PDF structure was repaired on reading). separately: papers that could not be converted, to attach to the
email: paper_id, number, reference, title, document_id, sha256, file_name, size, reason, page."""


def add_export_parsers(sub, new_parser) -> None:
    """``mqp export agenda`` and ``mqp export pack`` under the ``export`` command's subparsers."""
    p = new_parser(sub, "agenda", "the meeting's agenda as a Word document",
                   "Write the meeting's agenda as a Word document (.docx) to circulate: the partnership and\n"
                   "subcommittee, the date, time, venue or link and chair; a numbered table of items with\n"
                   "presenter, purpose, time and paper reference; the apologies received so far; the date of\n"
                   "the next meeting. A4, page numbers in the footer.\n\n"
                   "The agenda is written in the styles, header (logo) and footer of the house template in the\n"
                   "settings ('mqp settings set house_template FILE.docx'), if one is set. --template FILE uses\n"
                   "another house template for this export only; --no-template writes the program's own style.",
                   "examples:\n  mqp export agenda next --out agenda.docx\n"
                   "  mqp export agenda 2026-12-08 --out agenda.docx --template house-style.dotx\n"
                   "  mqp export agenda next --out plain-agenda.docx --no-template")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--out", metavar="FILE.docx", required=True, help="the file to write")
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--template", metavar="FILE", help="a house template (.docx or .dotx) whose styles, header"
                                                            " and footer the agenda uses, instead of the settings' one")
    choice.add_argument("--no-template", action="store_true",
                        help="the program's own style, not the house template in the settings")
    p.set_defaults(func=cmd_export_agenda)

    p = new_parser(sub, "pack", "the meeting pack: one PDF with the agenda and every paper",
                   "Build the meeting pack as one PDF: a cover, a contents page, the agenda, the previous\n"
                   "meeting's minutes (draft or approved; 'to follow' if none are saved) and the action\n"
                   "log as at this meeting, then each item's papers behind a divider sheet.\n"
                   "Word, Excel and PowerPoint papers are converted\n"
                   "with LibreOffice (or Word, on Windows) where installed; one that cannot be converted is\n"
                   "listed as circulated separately, to attach to the email. Every page is numbered and the\n"
                   "PDF has a bookmark per item and paper. A damaged or password-protected paper is named\n"
                   "and nothing is written. The pack is saved with the meeting (unless --no-save) so what\n"
                   "was circulated can be shown later.\n\n"
                   "--supplement builds the late papers (supplements) instead: their own cover and pages\n"
                   "numbered S1-1, S1-2 ..., leaving the circulated pack's numbers as they were.",
                   EXPORT_JSON_KEYS + "\n\nexamples:\n  mqp export pack next --out pack.pdf\n"
                   "  mqp export pack 2026-12-08 --out supplement.pdf --supplement")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--out", metavar="FILE.pdf", required=True, help="the file to write")
    p.add_argument("--supplement", action="store_true", help="build the supplement of late papers instead")
    p.add_argument("--no-save", action="store_true", help="write the file only; do not save it with the meeting")
    p.add_argument("--json", action="store_true", help="print what the pack holds as JSON (keys below)")
    p.set_defaults(func=cmd_export_pack)


__all__ = ["add_export_parsers"]

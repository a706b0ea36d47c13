"""``mqp search TEXT``: one search over everything (issue 12); ``mqp search --rebuild``; ``--check``.

The JSON records here are part of the command line's public interface (see ``output.py``).
"""

from __future__ import annotations

import argparse

from mqp_desktop.cli.common import CliError, opened_store
from mqp_desktop.cli.output import emit_json
from mqp_desktop.domain.search import KIND_LABELS, group_hits

SEARCH_JSON_KEYS = """\
  Hit objects, grouped by kind (the kind with the best hit first), best first within a kind:
  kind (one of the kinds below), kind_label ("Minutes", "Actions"...), title (with the meeting's
  date when it belongs to one), snippet (the text around the matches, each match between ** and
  **), table and record_id (the record: e.g. "agenda_item" and the item's id for minutes and
  decisions, "paper", "action", "challenge", "work_transfer"...), meeting_id (its meeting, or null)."""

KINDS_HELP = ", ".join(KIND_LABELS)


def add_parsers(commands, new_parser) -> None:
    p = new_parser(
        commands, "search", "search everything: minutes, decisions, actions, agenda items, papers' text, records",
        "Search the minutes (each item's discussion and decisions), actions and their updates, agenda items,\n"
        "papers (with the text of their PDF or Word files), challenges, indicators and commentary, audits,\n"
        "inspections, work transfers, escalations, case reviews (by reference), training, documents under\n"
        "review and attendance letters. Every word must be found; the last one may be the start of a word;\n"
        "words written together (CR-2025-014) must come together. Quotes, AND, OR, NOT, * and - are\n"
        "searched for as words, never as operators. The index is kept current as records change;\n"
        "--rebuild makes it afresh (and reads the text of papers attached before it existed).",
        "JSON (--json): a list of hit objects.\n" + SEARCH_JSON_KEYS + "\n\nkinds (--kind): " + KINDS_HELP
        + "\n\nexamples:\n  mqp search neglect strategy\n  mqp search CR-2025-014 --json\n"
          "  mqp search \"escalation\" --kind action --kind decision --limit 20\n  mqp search --rebuild\n"
          "  mqp search --check")
    p.add_argument("text", metavar="TEXT", nargs="*", help="the words to find")
    p.add_argument("--kind", metavar="K", action="append", help="only this kind (may be given more than once)")
    p.add_argument("--limit", metavar="N", type=int, default=50, help="at most N hits in all (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.add_argument("--rebuild", action="store_true",
                   help="make the index afresh, reading the text of papers' files not yet read")
    p.add_argument("--check", action="store_true",
                   help="check the index against the records (exit 1 when they differ)")
    p.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    text = " ".join(args.text).strip()
    if args.rebuild and args.check:
        raise CliError("Give --rebuild or --check, not both.")
    if (args.rebuild or args.check) and text:
        raise CliError("--rebuild and --check take no search text: search afterwards with 'mqp search TEXT'.")
    if args.limit < 1:
        raise CliError(f"--limit must be 1 or more, not {args.limit}.")
    for kind in args.kind or ():
        if kind not in KIND_LABELS:
            raise CliError(f"--kind: there is no kind '{kind}'. Use one of: {KINDS_HELP}.")
    with opened_store(args) as store:
        if args.rebuild:
            result = store.search.rebuild()
            read = f"; the text of {result.texts_read} paper file(s) read" if result.texts_read else ""
            failed = f" ({result.texts_failed} could not be read)" if result.texts_failed else ""
            print(f"Search index rebuilt: {result.entries:,} entries in {result.seconds:.1f} s{read}{failed}.")
            return 0
        if args.check:
            problems = store.search.check()
            if problems:
                for problem in problems[:20]:
                    print(problem)
                raise CliError(f"The search index differs from the records in {len(problems)} place(s): "
                               "run 'mqp search --rebuild'.")
            print(f"The search index matches the records ({sum(store.search.counts().values()):,} entries).")
            return 0
        if not text:
            raise CliError("Say what to search for, e.g. 'mqp search neglect' (or --rebuild, --check).")
        hits = store.search.query(text, args.limit, kinds=args.kind)
        if args.json:
            emit_json([h.to_json() for h in hits])
            return 0
        if not hits:
            print(f"Nothing found for '{text}'.")
            return 0
        for kind, group in group_hits(hits):
            print(f"{KIND_LABELS.get(kind, kind)} ({len(group)})")
            for hit in group:
                print(f"  {hit.title}")
                if hit.snippet and hit.snippet != hit.title:
                    print(f"      {hit.snippet}")
            print()
        print(f"{len(hits)} found" + (f" (at most {args.limit}: --limit N for more)" if len(hits) >= args.limit
                                      else "") + ".")
    return 0

"""``mqp init``, ``templates``, ``demo``, ``info``, ``warnings`` and ``history``."""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

from mqp_desktop.cli.common import CliError, database_path, opened_store, today, with_password
from mqp_desktop.cli.output import change_record, emit_json, fields, table, warning_record
from mqp_desktop.domain.register_checks import register_warnings
from mqp_desktop.store import Store, connection, seed
from mqp_desktop.store.sync_folders import sync_folder


def _templates_text() -> str:
    return "\n".join(f"  {name:<16} {title}" for name, title in seed.available_templates().items())


def cmd_templates(args: argparse.Namespace) -> int:
    templates = seed.available_templates()
    if getattr(args, "json", False):
        emit_json([{"name": n, "title": t, "default": n == seed.DEFAULT_TEMPLATE} for n, t in templates.items()])
        return 0
    print("Templates for 'mqp init --template NAME':")
    for name, title in templates.items():
        print(f"  {name:<16} {title}" + ("  (the default)" if name == seed.DEFAULT_TEMPLATE else ""))
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    if args.list_templates:
        return cmd_templates(args)
    templates = seed.available_templates()
    if args.template not in templates:
        raise CliError(f"There is no template called '{args.template}': choose one of {', '.join(templates)}"
                       " (see 'mqp templates').")
    path = database_path(args)
    args.resolved_db = path
    kind = connection.file_kind(path)
    key, replaced = None, ""
    if kind is connection.FileKind.EMPTY:
        replaced = " (in place of the empty file that was there)"
    elif kind is not connection.FileKind.MISSING:
        with with_password(args, path, lambda password: Store.open(path, create=False, key=password)) as existing:
            if not existing.is_empty():
                name = existing.subcommittee().name
                raise CliError(
                    f"'{path}' already holds the subcommittee '{name}', so nothing was changed. "
                    "Give a new file with --db to start another subcommittee."
                )
            key = existing.key
        replaced = " (in place of the unfinished file an interrupted creation had left)"
    # Built whole beside the file and renamed into place: stopped part-way, it leaves no file.
    with seed.open_store(path, template=args.template, key=key, create=True) as store:
        subcommittee = store.subcommittee()
        agencies, members = len(store.agencies()), len(store.members())
    print(f"Created '{subcommittee.name}' in {path}{replaced} from the template '{args.template}':"
          f" {agencies} agencies, {members} seats.")
    print("Next: 'mqp rules show' to check the rules, 'mqp members list' to see the seats.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if getattr(args, "db", None):
        path = Path(args.db).expanduser()
    else:
        from mqp_desktop import paths

        path = paths.demo_database_path()
    args.resolved_db = path
    if path.exists() and path.stat().st_size > 0 and not args.replace:
        raise CliError(f"'{path}' already exists: add --replace to overwrite it with a fresh demo, or give another --db file.")
    store = seed.create_demo_database(path)
    with store:
        named = sum(1 for m in store.members(include_ended=False) if not m.is_vacant)
        print(f"Created a demo database at {path}: {len(store.agencies())} agencies, {named} named members"
              " (fictional people).")
    print(f"Try: mqp --db \"{path}\" members list")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        s = store.subcommittee()
        agencies = store.agencies()
        members = store.members()
        changes = store.db.execute("SELECT count(*) FROM change_log").fetchone()[0]
        info = {
            "path": str(Path(store.path).resolve()) if store.path else None,
            "schema_version": store.schema_version,
            "latest_schema_version": store.latest_schema_version,
            "backup_taken": str(store.backup_taken) if store.backup_taken else None,
            "encrypted": store.encrypted,
            "subcommittee": s.name,
            "partnership": s.partnership,
            "agencies": len(agencies),
            "agencies_active": sum(a.is_active(on) for a in agencies),
            "members": len(members),
            "members_active": sum(m.is_active(on) and not m.is_vacant for m in members),
            "vacant_seats": sum(m.is_active(on) and m.is_vacant for m in members),
            "changes": changes,
        }
        found = sync_folder(store.path)
        info["sync_folder"] = (
            {"service": found.service, "folder": found.root, "kind": found.kind, "warning": found.warning}
            if found else None
        )
    if args.json:
        emit_json(info)
        return 0
    print(fields([
        ("Database", info["path"]),
        ("Schema version", f"{info['schema_version']} (this program: {info['latest_schema_version']})"),
        ("Backup before migrating", info["backup_taken"] or ""),
        ("Encrypted", "yes: it opens only with its password" if store.encrypted
         else "no ('mqp encrypt' protects it with a password)"),
        ("Subcommittee", s.name),
        ("Partnership", s.partnership),
        ("Agencies", f"{info['agencies_active']} active ({info['agencies']} in all)"),
        ("Members", f"{info['members_active']} in post, {info['vacant_seats']} seats without a name"
                    f" ({info['members']} in all)"),
        ("Changes recorded", info["changes"]),
    ]))
    if found is not None:
        print("\n" + textwrap.fill(f"Warning: {found.warning}", width=100))
    return 0


def cmd_warnings(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        warnings = register_warnings(store.subcommittee(), store.agencies(), store.members(), today())
    if args.json:
        emit_json([warning_record(w) for w in warnings])
        return 0
    if not warnings:
        print("No warnings: the register meets the Terms of Reference's checks.")
        return 0
    print(table(["ToR", "Warning"], [[w.clause, w.message] for w in warnings], right=()))
    print(f"\n{len(warnings)} warning{'s' if len(warnings) != 1 else ''}.")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        raise CliError("--limit: give a number of entries, 0 for all.")
    with opened_store(args) as store:
        changes = store.history(entity=args.entity, entity_id=args.id, limit=args.limit or None)
        agency_names = {a.id: a.label for a in store.agencies()}
    if args.json:
        emit_json([change_record(c) for c in changes])
        return 0
    if not changes:
        print("No changes recorded" + (" for that" if args.entity or args.id is not None else "") + ".")
        return 0
    rows = [[c.id, c.at[:16].replace("T", " "), f"{c.user}@{c.host}", c.entity, c.entity_id or "", c.action, c.summary]
            for c in changes]
    print(table(["ID", "When", "Who", "Entity", "Entity ID", "Action", "Summary"], rows,
                max_widths={"Who": 28, "Summary": 60}, right=("ID", "Entity ID")))
    if args.changes:
        from mqp_desktop.store.history_words import HistoryWords

        print()
        with opened_store(args) as store:
            words = HistoryWords(store)
            for c in changes:
                print(f"#{c.id} {c.summary}")
                for field, pair in sorted(c.changes.items()):
                    # old and new; a few changes record one value only (a revised value's reason)
                    old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
                    if field == "quorum_rule":
                        old, new = _rule_words(old, agency_names), _rule_words(new, agency_names)
                    else:  # an id with what it stands for: "6 (the meeting of 10 November 2026)"
                        old, new = (_with_words(words, field, v, c) for v in (old, new))
                    print(f"    {field}: {_short(old)} -> {_short(new)}")
    return 0


def _with_words(words, field: str, value: object, change) -> object:
    said = words.words(field, value, change.entity, change.changes) if value not in (None, "") else None
    return f"{value} ({said})" if said else value


def _rule_words(value: object, agency_names: dict[int, str]) -> object:
    """A stored quorum rule (JSON text) in words, for people (none: as it is, e.g. a meeting not yet held)."""
    if value in (None, "", "null"):
        return value
    from mqp_desktop.domain.meetings import quorum_column_words

    try:
        return quorum_column_words(value if isinstance(value, str) else json.dumps(value), agency_names)
    except (TypeError, ValueError, AttributeError):
        return value


def _short(value: object, limit: int = 110) -> str:
    text = "(empty)" if value in (None, "") else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


INFO_KEYS = """\
JSON (--json): one object with the keys
  path, schema_version, latest_schema_version, backup_taken (path or null),
  encrypted (true when the file needs a password),
  subcommittee, partnership, agencies, agencies_active, members,
  members_active (named, in post), vacant_seats, changes (history entries)."""

WARNING_KEYS = """\
JSON (--json): an array of objects with the keys
  code (agency_unrepresented | agency_multiple_voters | seat_vacant |
  member_no_email | chair_review_due | tor_review_due | no_chair), kind (in
  words), message, clause (e.g. "ToR 4"), agency_id, member_id (or null)."""

HISTORY_KEYS = """\
JSON (--json): an array of objects, newest first, with the keys
  id, at (ISO date and time with offset), user, host, entity ("member" |
  "agency" | "subcommittee" | "import" | "database" ...), entity_id (or
  null), action ("added", "edited", "ended", "reinstated", "encrypted", ...),
  summary, changes {field: [old, new]}."""


def add_parsers(commands, new_parser) -> None:
    p = new_parser(commands, "init", "create a database from a template",
                   "Create the subcommittee in a new (or empty) database from a template.\n"
                   "Refuses a database that already holds a subcommittee.",
                   "templates:\n" + _templates_text() + "\n\nexamples:\n  mqp init --db mqp.sqlite\n"
                   "  mqp init --template blank --db other-partnership.sqlite\n  mqp init --list-templates")
    p.add_argument("--template", metavar="NAME", default=seed.DEFAULT_TEMPLATE,
                   help=f"the template to start from (default: {seed.DEFAULT_TEMPLATE}; 'blank' for another partnership)")
    p.add_argument("--list-templates", action="store_true", help="list the templates and stop")
    p.add_argument("--json", action="store_true", help="with --list-templates: print JSON [{name, title, default}]")
    p.set_defaults(func=cmd_init)

    p = new_parser(commands, "templates", "list the templates 'mqp init' can use",
                   "List the templates 'mqp init --template NAME' can use.",
                   "JSON (--json): an array of objects with the keys name, title, default (true/false).\n\n"
                   "example:\n  mqp templates")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_templates)

    p = new_parser(commands, "demo", "create a demonstration database (fictional people)",
                   "Create a fresh demo database: the default template with fictional people in the seats,\n"
                   "deputies, a chair and a co-chair. Without --db it is mqp-demo.sqlite in your data folder.",
                   "examples:\n  mqp demo --db demo.sqlite\n  mqp demo --db demo.sqlite --replace")
    p.add_argument("--replace", action="store_true", help="replace the file at that path if it exists (everything in it is lost)")
    p.set_defaults(func=cmd_demo)

    p = new_parser(commands, "info", "where the database is, its schema version and counts",
                   "Show the database file, its schema version and what it holds.",
                   INFO_KEYS + "\n\nexample:\n  mqp info")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_info)

    p = new_parser(commands, "warnings", "the register's checks against the Terms of Reference",
                   "List the register's warnings: agencies without a member or with more than one voting member,\n"
                   "seats without a name, members without an email, chairing or ToR review overdue.",
                   WARNING_KEYS + "\n\nexamples:\n  mqp warnings\n  mqp warnings --json")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_warnings)

    p = new_parser(commands, "history", "the change history (who changed what, when)",
                   "Show the change history, newest first. Every change to the register and the rules is in it.",
                   HISTORY_KEYS + "\n\nexamples:\n  mqp history --limit 10\n  mqp history --entity member --id 12 --changes\n"
                   "  mqp history --entity subcommittee --json")
    p.add_argument("--entity", choices=("member", "agency", "subcommittee", "import", "database"), help="only changes to this kind of record")
    p.add_argument("--id", type=int, metavar="N", help="only changes to the record with this id")
    p.add_argument("--limit", type=int, metavar="N", default=50, help="at most N entries (default 50; 0 for all)")
    p.add_argument("--changes", action="store_true", help="also list each entry's field changes (old -> new)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_history)

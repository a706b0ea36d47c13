"""The ``mqp`` parser and ``main``: dispatch, and one-line errors."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from mqp_desktop import APP_DISPLAY_NAME, __version__
from mqp_desktop.cli.common import DB_HELP, PASSWORD_FILE_HELP, CliError
from mqp_desktop.cli.output import prepare_stdout
from mqp_desktop.domain.quorum import QuorumRuleError
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import sqlite
from mqp_desktop.store.errors import StoreError, translate

PROG = "mqp"

# Each top-level command and the module (under mqp_desktop.cli) whose add_parsers() registers it.
# main() imports only the module of the command typed, so a command never loads the others (nor
# what they import); build_parser() without a command imports them all, in this order (the order
# of 'mqp --help'). A new command goes here as well as in its module: test_cli_registry fails
# until it does.
COMMAND_MODULES: dict[str, str] = {
    "init": "database", "templates": "database", "demo": "database", "info": "database",
    "warnings": "database", "history": "database",
    "encrypt": "encryption", "decrypt": "encryption", "password": "encryption",
    "agencies": "register", "members": "register",
    "rules": "rules",
    "meetings": "meetings",
    "attendance": "attendance", "quorum": "attendance",
    "report": "reports", "export": "exports",
    "s11": "section11",
    "agenda": "agendas", "papers": "agendas", "settings": "agendas",
    "minutes": "minutes", "actions": "minutes",
    "chair-key": "chair_key",
    "challenges": "challenges",
    "subcommittees": "partnership", "transfers": "partnership",
    "escalations": "escalations",
    "decisions": "decisions", "ratify": "decisions",
    "circulate": "circulation", "circulations": "circulation",
    "indicators": "performance", "data": "performance", "scorecard": "performance",
    "reviews": "governance", "training": "governance", "documents": "governance", "followups": "governance",
    "backup": "backups", "backups": "backups", "restore": "backups", "check": "backups",
    "audits": "quality", "inspections": "quality",
    "search": "search",
    "due": "due",
}

MAIN_EPILOG = """\
commands:
  init [--template NAME]      create the subcommittee in a new database (templates: 'mqp templates')
  demo                        create a demonstration database with fictional people
  info                        the database file, its schema version and counts
  encrypt|decrypt|password    protect the file with a password, remove it, change it
  agencies list|add|edit|end|reinstate
  members  list|show|add|edit|end|reinstate|import|export
  rules    show|set|quorum    the subcommittee, its quorum rule and other settings
  warnings                    the register's checks against the Terms of Reference
  meetings schedule|add|list|show|edit|cancel|held|reconvene
  attendance record|apologies|guest|show   a meeting's register (ToR 5)
  quorum MEETING [--decide]   quorum under the rule; the chair's decision (ToR 3)
  report attendance           rates per member and agency against the standard
  report chair | annual       the chair's report to the Executive (a quarter) or the annual report, in Word
  export calendar|agenda|pack the meetings as .ics; a meeting's Word agenda; its meeting pack (PDF)
  circulate MEETING --out FILE.eml
                              an email draft sending members the agenda and papers (ToR 13)
  circulations MEETING        what was circulated, to whom, when
  s11      frameworks|round create|rounds|status|return|rate|action|workbook|import
                              Section 11 audits: rounds, returns, ratings, action plans (ToR 7.8)
  minutes  show|declare|sign|verify|correct|export-for-approval|import-approval|respond|circulate
                              minutes, the chair's sign-off, circulating them (ToR 13); actions list|add|update|
                              export|remind (reminder drafts to owners)
  due [--overdue] [--days N] [--kind K]
                              everything due and overdue: actions, papers, challenges, returns, reviews
  challenges list|show|subjects|add|edit|respond|accept|close|withdraw|chase
                              the challenge log (ToR 6.3): questions put to agencies, their responses
  audits   list|show|add|edit|cancel|reinstate|case-add|grade|case-withdraw|action-add|grades
                              multi-agency audits (ToR 8): cases by reference only, grades, actions
  inspections list|show|add|edit|withdraw|plan-add|plan-edit|plan-done|reviewed
                              single-agency inspections (ToR 6.6): action plans, reviews, follow-up
  subcommittees list|add|edit the partnership's Executive and other subcommittees (ToR 1, 8)
  transfers list|show|add|edit|send|answer|escalate|decide|withdraw|letter|answer-file
                              work moved between subcommittees (ToR 8); the chair's letter in Word
  escalations list|show|add|mediate|escalate|decide|withdraw
                              concerns escalated for oversight and disputes (ToR 7.1, 9)
  decisions [--from --to --quarter --item --priority --inquorate --export]
                              every decision of every meeting: the decisions register (ToR 3)
  ratify [MEETING --decision ID ...] [--withdraw ID --reason]
                              decisions taken while not quorate: awaiting; ratified at a quorate meeting
  reviews  list|show|add|edit|share|unshare|action|close|withdraw
                              case reviews (ToR 7.7), by case reference only
  training list|show|add|edit|cancel|summary
                              the multi-agency training programme (ToR 7.5, 7.6)
  documents list|show|add|edit|review|send|sign-off|new-version|withdraw|tor-version|tor|
            chair-review|chair-reviews
                              documents under review (ToR 7.1), the ToR's versions (12), chairing (2)
  followups list|show|add|edit|outcome|withdraw
                              letters to members below the attendance standard (ToR 5)
  search TEXT [--json] [--kind K] [--limit N] | search --rebuild | search --check
                              one search over minutes, decisions, actions, papers' text and records
  chair-key create|export|inspect|import|replace|show
                              the chair's signing key: made on their laptop, held by the officer
  indicators list|themes|show|add|edit|retire
                              the performance dataset's indicators (never deleted)
  data set INDICATOR PERIOD VALUE
                              enter a value; a value already entered changes only with --reason
  data import FILE [--dry-run] | data export --out FILE
                              values from/to CSV or XLSX (wide or long), every cell previewed
  scorecard [--period P] [--exceptions]
                              RAG, direction of travel and exceptions for a period
  history                     the change history
  backup [--to DIR]           back up the database now (checked; automatic ones are taken too)
  backups                     its backups: when, what they hold, whether they are good; their folder
  restore BACKUP              put a backup back (the current file is backed up first)
  check [--full]              check the file for damage (integrity_check, foreign_key_check)
Each command's --help lists its options, its JSON keys and examples.

the database:
  Every command takes --db PATH (before or after the command). Without it, the
  GUI's database is used: mqp.sqlite in your user data folder (Windows:
  %APPDATA%\\MQP\\MQP Desktop; macOS: ~/Library/Application Support/MQP/MQP Desktop;
  Linux: ~/.local/share/MQP/MQP Desktop). A file that does not exist yet is
  created and filled from the default template, as the desktop program does
  on its first run.
  An encrypted database needs its password: --password-file FILE (its first
  line), else the environment variable MQP_PASSWORD, else you are asked when
  the command runs in a terminal. The password is never stored.

output:
  Tables for people; --json for scripts. JSON keys are the fields' plain names
  (id, name, agency, agency_id, statutory, email, role_title, decision_maker,
  start_date, end_date, ...) and stay stable between versions; dates are
  YYYY-MM-DD strings or null.
  Dates may be typed as YYYY-MM-DD (2024-03-31) or DD/MM/YYYY (31/03/2024).

exit status:
  0 done; 1 the input or the database file was refused (one line on stderr,
  'mqp: error: ...', naming the problem and what to do); 2 the command line
  itself was wrong (usage).

examples:
  mqp init --template blank --db anytown.sqlite
  mqp --db anytown.sqlite agencies add --name "Anytown Police" --short-name Police --statutory
  mqp --db anytown.sqlite members list --json
  mqp --db anytown.sqlite rules quorum at-least 3 --statutory"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32, width=100)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        # argparse measures subcommand names without their extra indent, so a
        # long one ("templates") would push its help onto the next line.
        if isinstance(action, argparse._SubParsersAction) and action.choices:
            longest = max(len(name) for name in action.choices)
            needed = longest + self._current_indent + 2 * self._indent_increment
            self._action_max_length = max(self._action_max_length, needed)


def _new_parser(subparsers, name: str, help_: str, description: str, epilog: str = "", *, db: bool = True):
    """A subcommand; leaf commands (``db=True``) take ``--db`` as well as the top-level parser."""
    p = subparsers.add_parser(name, help=help_, description=description, epilog=epilog or None,
                              formatter_class=_Formatter)
    if db:
        # SUPPRESS: when not given here, a --db given before the command stands.
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
        p.add_argument("--password-file", metavar="FILE", default=argparse.SUPPRESS, help=PASSWORD_FILE_HELP)
    return p


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``mqp`` parser: every command's, or (``command`` given, and one of :data:`COMMAND_MODULES`)
    only the parsers of the module defining ``command``, the rest not even imported."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=f"{APP_DISPLAY_NAME} on the command line: the membership register, the subcommittee's\n"
                    "rules and the change history, in the same database as the desktop program.",
        epilog=MAIN_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--db", metavar="PATH", default=None, help=DB_HELP)
    parser.add_argument("--password-file", metavar="FILE", default=None, help=PASSWORD_FILE_HELP)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    if command in COMMAND_MODULES:
        modules = [COMMAND_MODULES[command]]
    else:
        modules = list(dict.fromkeys(COMMAND_MODULES.values()))
    for module in modules:
        importlib.import_module(f"{__package__}.{module}").add_parsers(commands, _new_parser)
    return parser


# The options taken before the command; the first two take a value ("--db PATH", "--db=PATH").
_VALUE_OPTIONS = ("--db", "--password-file")
_TOP_OPTIONS = (*_VALUE_OPTIONS, "--version", "--help")


def command_word(argv: Sequence[str]) -> str | None:
    """The command typed (``info`` in ``mqp --db x.sqlite info --json``): the first word that is not an
    option or an option's value. None when anything else comes first (``--help``, ``--version``, ``--``,
    an unknown option): then the whole parser is built, so those behave exactly as before."""
    i = 0
    while i < len(argv):
        word = argv[i]
        if not word.startswith("-"):
            return word
        name, equals, _ = word.partition("=")
        # argparse accepts an unambiguous prefix of a long option (--pass for --password-file)
        matches = [o for o in _TOP_OPTIONS if o == name] or \
                  [o for o in _TOP_OPTIONS if name.startswith("--") and len(name) > 2 and o.startswith(name)]
        if len(matches) != 1 or matches[0] not in _VALUE_OPTIONS:
            return None
        i += 1 if equals else 2
    return None


def _error(message: str) -> int:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``mqp`` command; returns the exit status (0, 1 refused, 2 usage)."""
    prepare_stdout()
    argv = list(argv) if argv is not None else sys.argv[1:]
    parser = build_parser(command_word(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    try:
        return int(args.func(args) or 0)
    except StoreError as exc:
        from mqp_desktop.cli import backups

        # a damaged database's error names the newest good backup and the command restoring it
        return _error(backups.error_with_hint(exc, getattr(args, "resolved_db", None), args))
    except (CliError, ValidationError, QuorumRuleError) as exc:
        return _error(str(exc))
    except sqlite.ERRORS as exc:
        # Outside a write (e.g. a read on a locked file): the environment's fault, or a bug.
        translated = translate(exc, getattr(args, "resolved_db", None))
        if translated is None:
            raise
        from mqp_desktop.cli import backups

        return _error(backups.error_with_hint(translated, getattr(args, "resolved_db", None), args))
    except BrokenPipeError:
        # The reader stopped early (``mqp members list | head``): stop quietly.
        _silence_stdout()
        return 141
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was half-saved.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

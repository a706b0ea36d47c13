"""``mqp`` imports only the module of the command typed (``app.COMMAND_MODULES``): the table names every
command, each command's parsers built alone are the same as in the whole parser, the command word is
found after the options that come before it, and ``mqp info`` / ``mqp members list`` load no other
command's module, no exporter library and no Qt."""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import subprocess
import sys

import pytest

from mqp_desktop import cli
from mqp_desktop.cli import app
from mqp_desktop.cli.app import COMMAND_MODULES, build_parser, command_word
from tests.conftest import ROOT


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def _shape(parser: argparse.ArgumentParser, path=()) -> list:
    """Every parser under ``parser``: its path, its options and their help, its epilog."""
    out = [(path, parser.prog, parser.epilog, parser.description,
            [(a.option_strings, a.dest, a.help, a.default, a.required, a.choices if not isinstance(
                a, argparse._SubParsersAction) else None) for a in parser._actions])]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out += _shape(sub, path + (name,))
    return out


def _defined_commands() -> dict[str, set[str]]:
    """Every top-level command some module of ``mqp_desktop.cli`` defines, found without the table: each
    module's ``add_parsers(commands, new_parser)`` (those taking ``sub`` register under another command)
    called on a parser of its own; command -> the modules registering it."""
    found: dict[str, set[str]] = {}
    for info in pkgutil.walk_packages(cli.__path__, "mqp_desktop.cli."):
        if info.name.endswith(".__main__"):  # runs mqp
            continue
        module = importlib.import_module(info.name)
        add = getattr(module, "add_parsers", None)
        if add is None or add.__module__ != module.__name__ or \
                next(iter(inspect.signature(add).parameters)) != "commands":
            continue
        commands = argparse.ArgumentParser().add_subparsers()
        add(commands, app._new_parser)
        for name in commands.choices:
            found.setdefault(name, set()).add(info.name)
    return found


def test_the_table_names_every_command_a_module_defines():
    # A command added to a module's add_parsers() but not to COMMAND_MODULES would not be reachable
    # ('mqp NEWCOMMAND' would be an invalid choice, and missing from 'mqp --help'): this fails until it is.
    defined = _defined_commands()
    assert len(defined) > 40
    assert sorted(set(defined) - set(COMMAND_MODULES)) == [], "commands missing from app.COMMAND_MODULES"
    assert sorted(set(COMMAND_MODULES) - set(defined)) == [], "COMMAND_MODULES names commands no module defines"
    for command, modules in defined.items():
        assert f"mqp_desktop.cli.{COMMAND_MODULES[command]}" in modules, command


def test_the_whole_parser_lists_the_commands_in_the_tables_order():
    assert list(_commands(build_parser())) == list(COMMAND_MODULES)


@pytest.mark.parametrize("command", list(COMMAND_MODULES))
def test_a_command_built_alone_is_the_same_as_in_the_whole_parser(command):
    alone = _commands(build_parser(command))
    assert command in alone, f"{COMMAND_MODULES[command]}.add_parsers() does not register '{command}'"
    assert _shape(alone[command], (command,)) == _shape(_commands(build_parser())[command], (command,))


def test_only_the_commands_module_is_asked_for_its_parsers(monkeypatch):
    asked = []
    real = app.importlib.import_module
    monkeypatch.setattr(app.importlib, "import_module", lambda name: asked.append(name) or real(name))
    build_parser("members")
    assert asked == ["mqp_desktop.cli.register"]
    asked.clear()
    build_parser()
    assert asked == [f"mqp_desktop.cli.{m}" for m in dict.fromkeys(COMMAND_MODULES.values())]


@pytest.mark.parametrize(("argv", "word"), [
    (["info"], "info"),
    (["info", "--db", "x.sqlite"], "info"),
    (["--db", "x.sqlite", "members", "list"], "members"),
    (["--db=x.sqlite", "members", "list"], "members"),
    (["--password-file", "p.txt", "--db", "x.sqlite", "export", "minutes", "last"], "export"),
    (["--password-file=p.txt", "info"], "info"),
    (["--pass", "p.txt", "--d", "x.sqlite", "info"], "info"),  # argparse takes unambiguous prefixes
    (["--db", "members", "info"], "info"),  # a database file called 'members'
    (["--db", "-x", "info"], "info"),  # argparse refuses '-x' as a value: the same error either way
    ([], None),
    (["--help"], None),
    (["-h", "info"], None),
    (["--he", "info"], None),
    (["--version"], None),
    (["--db", "x.sqlite", "--help", "info"], None),
    (["--", "info"], None),
    (["--bogus", "info"], None),
    (["--db"], None),
    (["-d", "x", "info"], None),
])
def test_the_command_word_is_the_first_word_not_an_option_or_its_value(argv, word):
    assert command_word(argv) == word


def test_top_level_help_and_usage_errors_build_the_whole_parser(capsys):
    assert app.main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMAND_MODULES:
        assert f"\n    {command} " in out or f"\n    {command}\n" in out, f"'{command}' missing from mqp --help"
    assert app.main([]) == 2
    assert "the following arguments are required: COMMAND" in capsys.readouterr().err
    assert app.main(["infox"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'infox'" in err and "'due'" in err and "'init'" in err
    assert app.main(["--db", "x.sqlite", "members", "frobnicate"]) == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


HEAVY = ("reportlab", "docx", "openpyxl", "pypdf", "pikepdf", "pyhanko", "PySide6", "icalendar")


def _modules_after(argv: list[str]) -> set[str]:
    """The modules loaded by a fresh Python that runs ``mqp ARGV`` (its output to stderr)."""
    code = (
        "import io, json, sys, contextlib\n"
        "from mqp_desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    rc = main({argv!r})\n"
        "print(json.dumps([rc, sorted(sys.modules)]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rc, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    assert rc == 0, proc.stderr
    return set(modules)


@pytest.mark.parametrize(("argv", "own"), [(["info"], "database"), (["members", "list"], "register")])
def test_a_command_loads_only_its_own_module(tmp_path, argv, own):
    modules = _modules_after(["--db", str(tmp_path / "register.sqlite"), *argv])
    assert f"mqp_desktop.cli.{own}" in modules
    others = {f"mqp_desktop.cli.{m}" for m in COMMAND_MODULES.values()} - {f"mqp_desktop.cli.{own}"}
    assert not modules & others, f"other commands' modules loaded: {sorted(modules & others)}"
    heavy = sorted(m for m in modules if m.split(".")[0] in HEAVY)
    assert not heavy, f"loaded for 'mqp {' '.join(argv)}': {heavy}"
    assert "mqp_desktop.ui" not in modules and "importlib.metadata" not in modules  # no plugin scan


def test_export_minutes_loads_the_pdf_exporter_but_not_the_other_commands(tmp_path):
    db = tmp_path / "demo.sqlite"
    from mqp_desktop.cli import main

    assert main(["demo", "--db", str(db)]) == 0
    modules = _modules_after(["--db", str(db), "export", "minutes", "last", "--out", str(tmp_path / "m.pdf")])
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    assert {"mqp_desktop.cli.exports", "mqp_desktop.exporters.minutes_pdf", "reportlab"} <= modules
    for unwanted in ("mqp_desktop.cli.meetings", "mqp_desktop.cli.chair_report",
                     "mqp_desktop.domain.chair_report", "xml.sax.saxutils",
                     "docx", "openpyxl", "PySide6", "sqlite_utils", "mqp_desktop.store.migrations"):
        assert unwanted not in modules, f"'mqp export minutes' loaded {unwanted}"


def test_a_file_whose_schema_is_current_is_opened_without_sqlite_utils(tmp_path):
    """sqlite-utils (with click, pluggy and dateutil) and the migrations are imported only to migrate: a file
    made by this version opens without them; a new file is migrated with them."""
    db = tmp_path / "register.sqlite"
    first = _modules_after(["--db", str(db), "info"])  # made now: migrated
    assert "mqp_desktop.store.migrations" in first
    again = _modules_after(["--db", str(db), "members", "list"])
    assert "sqlite_utils" not in again and "mqp_desktop.store.migrations" not in again

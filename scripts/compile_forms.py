#!/usr/bin/env python3
"""Compile the Designer forms in ``forms/`` into committed Python modules.

    python scripts/compile_forms.py           regenerate every generated module
    python scripts/compile_forms.py --check   exit 1 if any generated module is stale

Each ``forms/<name>.ui`` becomes ``mqp_desktop/ui/generated/ui_<name>.py``,
written by ``pyside6-uic`` under a header that records the form's SHA-256 and
the uic version. The modules are committed, so the program needs neither uic
nor ``QtUiTools`` at run time (``loadUiType`` breaks frozen builds).

A generated module is stale when its form changed since it was generated, when
it was edited by hand (detected when the installed uic is the version that
generated it: a different uic may word its output differently), when it is
missing, or when its form no longer exists.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = ROOT / "forms"
GENERATED_DIR = ROOT / "mqp_desktop" / "ui" / "generated"

HEADER = """\
# Automatically generated - do not edit.
# Source: forms/{ui_name} (sha256 {digest})
# Generator: pyside6-uic {uic_version}
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py
"""
_HEADER_SOURCE = re.compile(r"^# Source: forms/(?P<name>\S+) \(sha256 (?P<digest>[0-9a-f]{64})\)$", re.M)
_HEADER_UIC = re.compile(r"^# Generator: pyside6-uic (?P<version>\S+)$", re.M)


@dataclass(frozen=True)
class Stale:
    target: Path
    reason: str


def form_digest(ui_file: Path) -> str:
    """SHA-256 of the form with line endings normalised (git may check it out with CRLF)."""
    return hashlib.sha256(ui_file.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def target_for(ui_file: Path, generated_dir: Path = GENERATED_DIR) -> Path:
    return generated_dir / f"ui_{ui_file.stem}.py"


def _uic_command() -> list[str]:
    """pyside6-uic next to this interpreter or on PATH; else the same tool through the module."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / "pyside6-uic", bindir / "pyside6-uic.exe"):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    return [
        sys.executable,
        "-c",
        "import sys; from PySide6.scripts.pyside_tool import uic; sys.argv[0] = 'pyside6-uic'; sys.exit(uic())",
    ]


def uic_version() -> str:
    out = subprocess.run(_uic_command() + ["--version"], capture_output=True, text=True, check=True)
    return out.stdout.strip().split()[-1]


def compile_form(ui_file: Path, version: str | None = None) -> str:
    """The generated module's text for one form (header + uic's output)."""
    result = subprocess.run(
        _uic_command() + [str(ui_file)], capture_output=True, text=True, encoding="utf-8", check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"pyside6-uic failed on {ui_file}:\n{result.stderr.strip()}")
    body = result.stdout.replace("\r\n", "\n")
    header = HEADER.format(ui_name=ui_file.name, digest=form_digest(ui_file), uic_version=version or uic_version())
    return header + "\n" + body


def forms(forms_dir: Path = FORMS_DIR) -> list[Path]:
    return sorted(forms_dir.glob("*.ui"))


def generate(forms_dir: Path = FORMS_DIR, generated_dir: Path = GENERATED_DIR) -> list[Path]:
    """(Re)write every generated module; returns the files that changed."""
    generated_dir.mkdir(parents=True, exist_ok=True)
    version = uic_version()
    changed = []
    for ui_file in forms(forms_dir):
        target = target_for(ui_file, generated_dir)
        text = compile_form(ui_file, version)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            with target.open("w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
            changed.append(target)
    return changed


def stale(forms_dir: Path = FORMS_DIR, generated_dir: Path = GENERATED_DIR) -> list[Stale]:
    """Generated modules that do not match their forms (empty when all is well)."""
    version = uic_version()
    problems: list[Stale] = []
    sources = {target_for(ui, generated_dir): ui for ui in forms(forms_dir)}
    for target, ui_file in sources.items():
        if not target.is_file():
            problems.append(Stale(target, f"missing: {ui_file.name} has not been compiled"))
            continue
        text = target.read_text(encoding="utf-8").replace("\r\n", "\n")
        source = _HEADER_SOURCE.search(text)
        made_by = _HEADER_UIC.search(text)
        if source is None or made_by is None:
            problems.append(Stale(target, "no 'Automatically generated' header: it was not made by this script"))
        elif source["digest"] != form_digest(ui_file):
            problems.append(Stale(target, f"{ui_file.name} has changed since it was compiled"))
        elif made_by["version"] == version and text != compile_form(ui_file, version):
            problems.append(Stale(target, "differs from uic's output: was it edited by hand?"))
    for orphan in sorted(generated_dir.glob("ui_*.py")):
        if orphan not in sources:
            problems.append(Stale(orphan, "its form no longer exists in forms/"))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report stale generated modules and exit 1 if any")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale(FORMS_DIR, GENERATED_DIR)
        for p in problems:
            print(f"stale: {p.target.relative_to(ROOT)}: {p.reason}", file=sys.stderr)
        if problems:
            print("Run: python scripts/compile_forms.py", file=sys.stderr)
            return 1
        print(f"{len(forms(FORMS_DIR))} generated form modules are up to date.")
        return 0
    for path in generate(FORMS_DIR, GENERATED_DIR):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Set everything up, then run the program, its tests or its benchmarks.

    python3 scripts/dev.py app [--db PATH | --demo]   the desktop program
    python3 scripts/dev.py test [pytest args]         the whole test suite
    python3 scripts/dev.py mqp [command ...]          the command line
    python3 scripts/dev.py bench                      the benchmarks
    python3 scripts/dev.py bundle [--test]            the PyInstaller bundle, built and smoke-tested

The first run makes a virtual environment in ``.venv`` and installs the
project into it (again whenever ``pyproject.toml`` changes). On Linux, when
Qt's system libraries are missing and this runs as root with apt-get, they
are installed too; otherwise the apt-get command to run is printed.
Needs only Python 3.11 or newer.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".mqp-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

# Debian/Ubuntu packages Qt's platform plugins load (offscreen for the tests,
# xcb for a real window).
QT_SYSTEM_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libglib2.0-0",
    "libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
    "libxcb-render-util0", "libxcb-xinerama0", "libxcb-xkb1", "libxcb-shape0", "libxcb-randr0",
    "fonts-dejavu-core",
]


def say(text: str) -> None:
    print(f"[dev] {text}", flush=True)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    say("installing MQ&P Desktop and its test tools (first run only; a few minutes)")
    subprocess.run(
        [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", f"{ROOT}[test]"],
        check=True,
    )
    STAMP.write_text(wanted)


def ensure_qt_libraries() -> None:
    """On Linux, make sure Qt's shared libraries are present (install them if we can)."""
    if not sys.platform.startswith("linux"):
        return
    probe = subprocess.run(
        [str(PYTHON), "-c", "import PySide6.QtWidgets, PySide6.QtGui"],
        capture_output=True,
        text=True,
    )
    if probe.returncode == 0 and shutil.which("fc-list") is not None:
        return
    command = ["apt-get", "install", "-y", "-qq", *QT_SYSTEM_PACKAGES]
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing the system libraries Qt needs (apt-get)")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    elif probe.returncode != 0:
        sys.exit("Qt cannot load its system libraries:\n" + probe.stderr.strip()
                 + "\nInstall them with:\n  sudo " + " ".join(command))


def run(argv: list[str]) -> int:
    return subprocess.run(argv, cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"app", "test", "mqp", "bench", "bundle"}:
        print(__doc__)
        return 2
    what, rest = argv[0], argv[1:]
    ensure_venv()
    if what in {"app", "test", "bench", "bundle"}:
        ensure_qt_libraries()
    if what == "bundle":
        subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-e", f"{ROOT}[build]"], check=True)
        return run([str(PYTHON), str(ROOT / "scripts" / "build_bundle.py"), *rest])
    if what == "app":
        return run([str(PYTHON), "-m", "mqp_desktop.ui.app", *rest])
    if what == "mqp":
        return run([str(PYTHON), "-m", "mqp_desktop.cli", *rest])
    if what == "bench":
        return run([str(PYTHON), str(ROOT / "benchmarks" / "bench.py"), *rest])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run([str(PYTHON), "-m", "pytest", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

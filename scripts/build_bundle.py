"""Build the PyInstaller bundle from ``build.spec`` and smoke-test what was built.

    python3 scripts/dev.py bundle            build into build/dist/, then test it
    python3 scripts/dev.py bundle --test     test the bundle already in build/dist/

The tests run the frozen programs, not the source: the window opens the demonstration database, shows
every page and exits 0 (offscreen, no dialog); the frozen ``mqp`` makes a demonstration database and
exports a Word agenda, a meeting pack and the minutes, which are read back here with python-docx and
pypdf. Each step prints its time; the bundle's size is printed at the end. Exit 1 when a step fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
BUNDLE = DIST / "MQP Desktop"
EXE = ".exe" if os.name == "nt" else ""


class Failed(Exception):
    pass


def step(title: str, argv: list[str], env: dict[str, str], *, expect: str = "", timeout: int = 300) -> str:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout)
    took = time.perf_counter() - started
    if done.returncode != 0 or expect not in done.stdout:
        raise Failed(f"{title}: exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    print(f"  ok  {title} ({took:.1f} s)", flush=True)
    return done.stdout


def build() -> None:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK)],
        cwd=ROOT, check=True,
    )
    print(f"built {BUNDLE} in {time.perf_counter() - started:.0f} s", flush=True)


def smoke_test() -> None:
    gui = BUNDLE / f"MQP Desktop{EXE}"
    mqp = BUNDLE / f"mqp{EXE}"
    for program in (gui, mqp):
        if not program.exists():
            raise Failed(f"{program} was not built: run 'python3 scripts/dev.py bundle' first")
    with tempfile.TemporaryDirectory(prefix="mqp-bundle-") as tmp:
        home = Path(tmp)
        # the frozen programs' own user folders, away from the user's real ones
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
                   XDG_CONFIG_HOME=str(home / "config"), APPDATA=str(home / "appdata"),
                   LOCALAPPDATA=str(home / "localappdata"))
        env.pop("PYTHONPATH", None)
        version = step("the window's --version", [str(gui), "--version"], env, expect="MQ&P Desktop")
        print(f"      {version.strip()}")
        shown = step("the window opens the demonstration and shows every page",
                     [str(gui), "--demo", "--check-install"], env, expect="pages shown")
        print(f"      {shown.strip()}")
        db = home / "demo.sqlite"
        step("mqp demo", [str(mqp), "demo", "--db", str(db)], env)
        agenda, pack, minutes = home / "agenda.docx", home / "pack.pdf", home / "minutes.pdf"
        step("mqp export agenda", [str(mqp), "export", "agenda", "next", "--db", str(db), "--out", str(agenda)], env)
        step("mqp export pack", [str(mqp), "export", "pack", "next", "--db", str(db), "--out", str(pack)], env)
        step("mqp export minutes", [str(mqp), "export", "minutes", "last", "--db", str(db), "--out", str(minutes)],
             env)
        read_back(agenda, pack, minutes)


def read_back(agenda: Path, pack: Path, minutes: Path) -> None:
    import docx
    from pypdf import PdfReader

    text = "\n".join(p.text for p in docx.Document(str(agenda)).paragraphs)
    cells = "\n".join(c.text for t in docx.Document(str(agenda)).tables for r in t.rows for c in r.cells)
    if "Agenda" not in text + cells or not cells.strip():
        raise Failed(f"the frozen agenda has no agenda table: {text[:300]!r}")
    print("  ok  the agenda read back (python-docx): its items table is there")
    reader = PdfReader(str(pack))
    if len(reader.pages) < 3 or not reader.outline:
        raise Failed(f"the frozen pack has {len(reader.pages)} pages and {len(reader.outline)} bookmarks")
    print(f"  ok  the pack read back (pypdf): {len(reader.pages)} pages, {len(reader.outline)} bookmarks")
    first = PdfReader(str(minutes)).pages[0].extract_text()
    if "Minutes" not in first and "MINUTES" not in first:
        raise Failed(f"the frozen minutes' first page does not say Minutes: {first[:300]!r}")
    print("  ok  the minutes read back (pypdf): the first page is the minutes")


def size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="test the bundle already built; do not build")
    args = parser.parse_args(argv)
    if not args.test:
        build()
    print("smoke test of the frozen programs:", flush=True)
    try:
        smoke_test()
    except (Failed, subprocess.TimeoutExpired) as problem:
        print(f"FAILED {problem}", file=sys.stderr)
        return 1
    print(f"the bundle works: {BUNDLE} ({size(BUNDLE) / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

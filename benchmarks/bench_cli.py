"""How fast ``mqp`` starts and exports, on the 20-year database: prints figures, asserts nothing about time.

    .venv/bin/python benchmarks/bench_cli.py [--db BIG.sqlite] [--runs 5]

Without ``--db`` it builds the 20-year database (``big_database.py``); either way it works on a copy. It
writes the minutes of the last held meeting as ~20 pages (36 minuted items, each with three paragraphs
and one or two decisions) and measures, each as a whole process started afresh:

- ``mqp --db BIG info`` and ``mqp --db BIG members list`` (target, issue 14: 0.2 s each), beside
  ``python -c pass``;
- ``mqp --db BIG export minutes MEETING --out FILE.pdf`` against LibreOffice converting the same minutes
  written as .docx (``soffice --headless --convert-to pdf``; target: at least 5 times faster);

and, in one process, the export of those ~20 pages once everything is loaded (``export_minutes_pdf``;
target 0.1 s), and the first export of that process (imports and fonts included).

Measured as users run it: with the program's bytecode compiled (the development environment may set
PYTHONDONTWRITEBYTECODE, which would make every start compile every module again: it is removed for the
runs, and ``compileall`` run first). Each ``mqp`` figure is the median of ``--runs`` runs (default 5),
LibreOffice's the median of 3 after one run that is not counted (its first run in a new profile folder
sets the profile up). Beside each wall-clock time is the processor time the process used (user + system,
children included): a busy machine inflates the first, much less the second.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def add_long_minutes(path: Path, items: int = 36, seed: int = 14) -> int:
    """Minutes of ~20 pages for the last held meeting of the database at ``path``; its id."""
    from big_database import _prose

    from mqp_desktop.domain.agenda import AgendaItem
    from mqp_desktop.domain.meetings import MeetingStatus
    from mqp_desktop.domain.minutes import Decision
    from mqp_desktop.store import Store

    rng = random.Random(seed)
    store = Store.open(path)
    meeting = [m for m in store.meetings.list() if m.status is MeetingStatus.HELD][-1]
    with store.write():
        ids = {store.agendas.add_item(AgendaItem(meeting_id=meeting.id, title=_prose(rng, 6)[:70])).id
               for _ in range(items)}
        minutes = store.minutes.draft(meeting.id)
        for entry in minutes.items:
            if entry.item_id in ids:
                entry.discussion = "\n\n".join(_prose(rng, rng.randint(60, 100)) for _ in range(3))
                entry.decisions = [Decision(_prose(rng, 18)) for _ in range(rng.randint(1, 2))]
        store.minutes.save_draft(meeting.id, minutes)
    store.close()
    return meeting.id


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_runs(command: list[str], runs: int, env: dict[str, str], *, uncounted: int = 0) -> tuple[float, float]:
    """(median wall-clock seconds, median processor seconds) of ``runs`` runs of ``command``."""
    walls, cpus = [], []
    for n in range(uncounted + runs):
        cpu, start = _children_cpu(), time.perf_counter()
        proc = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}): {proc.stderr.strip()}")
        if n >= uncounted:
            walls.append(wall)
            cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def in_process(path: Path, meeting_id: int, out: Path, runs: int) -> tuple[float, float, int]:
    """(first export's seconds, median of the next ``runs``, pages) of the minutes in this process."""
    from pypdf import PdfReader

    start = time.perf_counter()
    from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf
    from mqp_desktop.store import Store

    store = Store.open(path)
    export_minutes_pdf(store, meeting_id, out)
    first = time.perf_counter() - start
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        export_minutes_pdf(store, meeting_id, out)
        times.append(time.perf_counter() - start)
    store.close()
    return first, statistics.median(times), len(PdfReader(str(out)).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="the 20-year database (default: build it)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "mqp_desktop")], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    mqp_script = Path(sys.executable).with_name("mqp")
    mqp = [str(mqp_script)] if mqp_script.exists() else [sys.executable, "-m", "mqp_desktop.cli"]

    with tempfile.TemporaryDirectory(prefix="mqp-bench-cli-") as tmp:
        folder = Path(tmp)
        big = folder / "big.sqlite"
        if args.db:
            shutil.copyfile(args.db, big)
        else:
            from big_database import build

            print("Building the 20-year database ...", flush=True)
            build(big)
        meeting_id = add_long_minutes(big)
        first, warm, pages = in_process(big, meeting_id, folder / "in-process.pdf", args.runs)

        rows = []
        python = timed_runs([sys.executable, "-c", "pass"], args.runs, env)
        rows.append(("python -c pass", python, ""))
        for words in (["info"], ["members", "list"]):
            figure = timed_runs([*mqp, "--db", str(big), *words], args.runs, env)
            rows.append((f"mqp {' '.join(words)}", figure, "target 0.2 s"))
        export = timed_runs([*mqp, "--db", str(big), "export", "minutes", str(meeting_id),
                             "--out", str(folder / "minutes.pdf")], args.runs, env)
        rows.append((f"mqp export minutes ({pages} pages, PDF)", export, ""))

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        office = None
        if soffice:
            subprocess.run([*mqp, "--db", str(big), "export", "minutes", str(meeting_id), "--out",
                            str(folder / "minutes.docx")], env=env, check=True, stdout=subprocess.DEVNULL)
            profile = (folder / "office-profile").as_uri()
            office = timed_runs([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                                 "--outdir", str(folder / "office"), str(folder / "minutes.docx")], 3, env, uncounted=1)
            rows.append(("LibreOffice: the same minutes .docx -> PDF", office, "median of 3"))

    print(f"\nmqp on the 20-year database, bytecode compiled; median of {args.runs} runs (wall-clock, processor)")
    for label, (wall, cpu), note in rows:
        print(f"  {label:<46} {wall:6.3f} s  ({cpu:.3f} s CPU)  {note}")
    if office:
        print(f"  export minutes is {office[0] / export[0]:.1f} times faster than LibreOffice (wall-clock; "
              f"{office[1] / export[1]:.1f} times by processor time); target at least 5")
    else:
        print("  LibreOffice (soffice) is not installed: no comparison")
    print(f"  in one process, {pages} pages of minutes: {warm:.3f} s each (median of {args.runs}; target 0.1 s); "
          f"the first, with its imports and fonts: {first:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

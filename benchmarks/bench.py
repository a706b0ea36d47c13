"""MQ&P Desktop benchmarks: prints figures, asserts nothing about time.

    python3 scripts/dev.py bench            (or .venv/bin/python benchmarks/bench.py)

Measured on a database built by ``big_database.py``: the register as it would
stand after 20 years of turnover and edits. Each figure is the median of
several runs. Start-up is measured in fresh processes (offscreen platform), with
the program's bytecode compiled as users run it: from process start to the main
window's first paint, beside a bare PySide6 window process measured the same way
(target: at most twice its time), to the first page filled, to every page shown,
and the peak memory then (target: at most 250 MB); and whether any heavy exporter
library (python-docx, openpyxl, reportlab, pypdf, pikepdf) was loaded by the first
paint — they must not be.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

HEAVY = ("docx", "openpyxl", "reportlab", "pypdf", "pikepdf")

BARE_WINDOW = r"""
import time
from PySide6.QtCore import QElapsedTimer, QEventLoop
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1320, 820)
window.show()
clock = QElapsedTimer(); clock.start()
while not window.windowHandle().isExposed() and clock.elapsed() < 1000:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
app.processEvents()
print(time.perf_counter())
"""
"""A bare PySide6 window process, shown and painted the way MainWindow.paint_now() paints the frame."""


def median_time(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def compile_bytecode() -> None:
    """Users run compiled bytecode (pip and the bundle write it); this machine may set PYTHONDONTWRITEBYTECODE,
    so the program's own modules are compiled here first (compileall writes .pyc whatever that says)."""
    import compileall

    compileall.compile_dir(str(ROOT / "mqp_desktop"), quiet=1)


def startup(db: Path, runs: int = 7) -> dict:
    """Process start to first paint, ours beside a bare PySide6 window, alternated, median of ``runs``.

    Both processes print ``time.perf_counter()`` at their first paint: the same system-wide monotonic clock
    as this process's, read just before each is started. Ours is the real start-up (``--startup-probe``):
    it also gives the moment the first page is filled, and the peak memory after showing every page."""
    compile_bytecode()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = str(ROOT)
    # Keep the probe's settings (recent files, geometry) out of the user's own.
    scratch = Path(tempfile.mkdtemp(prefix="mqp-bench-home-"))
    env.update(HOME=str(scratch), XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"),
               APPDATA=str(scratch / "appdata"))
    bare, ours, ready, every, memory, heavy = [], [], [], [], [], set()
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", BARE_WINDOW], env=env, capture_output=True, text=True,
                             check=True).stdout.strip().splitlines()[-1]
        bare.append(float(out) - t)
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "mqp_desktop.ui.app", "--db", str(db), "--startup-probe"],
                             env=env, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        data = json.loads(out)
        ours.append(data["first_paint"] - t)
        ready.append(data["ready"] - t)
        every.append(data["every_page"] - t)
        if data["rss_mib_every_page"] is not None:
            memory.append(data["rss_mib_every_page"])
        heavy.update(m for m in HEAVY if m in data["modules_at_first_paint"])
    figures = {
        "bare PySide6 window: process start to first paint (s)": statistics.median(bare),
        "MQ&P Desktop: process start to the window's first paint (s)": statistics.median(ours),
        "  ratio to the bare window (target: at most 2)": statistics.median(ours) / statistics.median(bare),
        "  first page filled, window ready (s)": statistics.median(ready),
        "  every page shown once (s)": statistics.median(every),
        "heavy modules loaded at first paint": sorted(heavy) or "none",
    }
    if memory:
        figures["peak memory after showing every page (MiB; target at most 250 MB)"] = max(memory)
    return figures


def main() -> None:
    from big_database import build

    from mqp_desktop.domain.register_checks import register_warnings
    from mqp_desktop.exporters.register_export import export_register
    from mqp_desktop.exporters.register_import import preview_import
    from mqp_desktop.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "twenty-years.sqlite"
        t = time.perf_counter()
        counts = build(db)
        built = time.perf_counter() - t
        figures: dict[str, object] = {f"database: {k}": v for k, v in counts.items()}
        figures["database: size (KiB)"] = db.stat().st_size // 1024
        figures["build the 20-year database (s)"] = built

        figures.update(startup(db))
        figures["open + check + migrate-check (s)"] = median_time(lambda: Store.open(db).close())
        store = Store.open(db)
        figures["list all members, 20 years (s)"] = median_time(store.members)
        figures["list current members (s)"] = median_time(lambda: store.members(include_ended=False))
        figures["register warnings (s)"] = median_time(
            lambda: register_warnings(store.subcommittee(), store.agencies(), store.members())
        )
        figures["full change history (s)"] = median_time(store.history)
        figures["meetings table: every meeting with register progress and quorum (s)"] = median_time(
            store.meetings.summaries
        )
        last_held = [m for m in store.meetings.list() if m.status.counts_for_attendance][-1]
        figures["one meeting's register + live quorum (s)"] = median_time(
            lambda: (store.meetings.register(last_held.id), store.meetings.quorum(last_held.id))
        )
        today = dt.date.today()
        figures["attendance report, last 12 months (s)"] = median_time(
            lambda: store.meetings.report(today.replace(year=today.year - 1), today)
        )
        figures["attendance report, all 20 years (s)"] = median_time(
            lambda: store.meetings.report(today.replace(year=today.year - 21), today)
        )
        for suffix in ("csv", "xlsx", "docx"):
            out = folder / f"register.{suffix}"
            figures[f"export register, all 20 years, .{suffix} (s)"] = median_time(
                lambda out=out: export_register(store, out, include_ended=True), runs=3
            )
        from mqp_desktop.exporters.attendance_export import export_attendance_report
        from mqp_desktop.exporters.calendar_export import export_calendar

        year = store.meetings.report(today.replace(year=today.year - 1), today)
        for suffix in ("xlsx", "pdf"):
            figures[f"export attendance report, 12 months, .{suffix} (s)"] = median_time(
                lambda suffix=suffix: export_attendance_report(year, store.subcommittee(), folder / f"att.{suffix}"),
                runs=3,
            )
        figures["export calendar, all 120 meetings, .ics (s)"] = median_time(
            lambda: export_calendar(store, folder / "programme.ics"), runs=3
        )
        figures["import preview of that .xlsx (s)"] = median_time(
            lambda: preview_import(store, folder / "register.xlsx"), runs=3
        )
        from mqp_desktop.store.backup_settings import BackupSettings
        from mqp_desktop.store.backups import back_up, back_up_file, check_database

        # into a folder of the benchmark's own (never the user's backup folder), rotated as the program does
        kept = folder / "backups"
        settings = BackupSettings(database=db, folder=kept, custom=True)
        figures["backup: online API + integrity_check of the copy, on the open connection (s)"] = median_time(
            lambda: back_up(store.db.conn, stem=db.stem, folder=kept, key=None, retention=(14, 12)))
        figures["backup: on its own read-only connection, as the window's worker (s)"] = median_time(
            lambda: back_up_file(db, key=None, settings=settings))
        figures["full check: integrity_check + foreign_key_check (s)"] = median_time(
            lambda: check_database(db, None, full=True))
        store.close()

    width = max(len(k) for k in figures)
    print(f"MQ&P Desktop benchmarks — Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for key, value in figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"  {key:<{width}}  {shown}")


if __name__ == "__main__":
    main()

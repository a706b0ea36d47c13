"""MQ&P Desktop benchmarks: prints figures, asserts nothing about time.

    python3 scripts/dev.py bench            (or .venv/bin/python benchmarks/bench.py)

Measured on a database built by ``big_database.py``: the register as it would
stand after 20 years of turnover and edits. Each figure is the median of
several runs. Start-up is measured in a fresh process (offscreen platform):
from interpreter start to the main window's first paint, and reports whether
any heavy exporter library (python-docx, openpyxl, reportlab, pypdf, pikepdf) was
loaded by then — they must not be.
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

STARTUP_PROBE = r"""
import sys, time, json
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from mqp_desktop.ui.app import setup_application
from mqp_desktop.store.seed import open_store
app = setup_application()
from mqp_desktop.ui.main_window import MainWindow
window = MainWindow(open_store(sys.argv[1]))
window.show()
def painted():
    heavy = sorted(m for m in %r if m in sys.modules)
    print(json.dumps({"window_shown_s": time.perf_counter() - t0, "heavy_modules": heavy}))
    app.quit()
QTimer.singleShot(0, painted)
app.exec()
""" % (HEAVY,)


def median_time(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def startup(db: Path, runs: int = 3) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = str(ROOT)
    # Keep the probe's settings (recent files, geometry) out of the user's own.
    scratch = Path(tempfile.mkdtemp(prefix="mqp-bench-home-"))
    env.update(HOME=str(scratch), XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"),
               APPDATA=str(scratch / "appdata"))
    walls, shown, heavy = [], [], set()
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", STARTUP_PROBE, str(db)], env=env, capture_output=True, text=True, check=True
        ).stdout.strip().splitlines()[-1]
        walls.append(time.perf_counter() - t)
        data = json.loads(out)
        shown.append(data["window_shown_s"])
        heavy.update(data["heavy_modules"])
    return {
        "process start to first paint (s)": statistics.median(walls),
        "imports + window built and shown (s)": statistics.median(shown),
        "heavy modules loaded at start-up": sorted(heavy) or "none",
    }


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

"""The performance data at a partnership's largest: prints figures, asserts nothing about time.

    .venv/bin/python benchmarks/bench_performance.py

60 indicators (all broken down by agency) x 40 quarters x (the partnership + 15 agencies) =
38,400 values, entered in one batch as an import would; then the scorecard for one quarter
(median of several runs), with and without the exceptions filter; and the performance report PDF
for the quarter (every indicator, a page per exception with its chart), read from the database and
written to a file.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mqp_desktop.domain.model import Agency  # noqa: E402
from mqp_desktop.domain.performance import Comparators, Indicator, ValueChange  # noqa: E402
from mqp_desktop.domain.periods import Period  # noqa: E402
from mqp_desktop.store import Store  # noqa: E402
from mqp_desktop.store.seed import seed_from_template  # noqa: E402

INDICATORS, QUARTERS, AGENCIES = 60, 40, 15


def median_time(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def build(path: Path) -> Store:
    store = Store.create(path, fill=lambda s: seed_from_template(s, "blank"), replace=True)
    rnd = random.Random(11)
    perf = store.performance
    themes = perf.themes()
    with store.write():
        agencies = [store.add_agency(Agency(name=f"Agency {n}")) for n in range(AGENCIES)]
        indicators = [
            perf.add_indicator(Indicator(code=f"I{n:02d}", title=f"Indicator {n}", theme_id=themes[n % 5].id,
                                         unit="percentage", direction="lower" if n % 2 else "higher",
                                         target=50, tolerance=5, by_agency=True))
            for n in range(INDICATORS)
        ]
    last = Period.quarter(2026, 2)
    quarters = last.last_n(QUARTERS)
    batch = []
    for ind in indicators:
        for q in quarters:
            batch.append(ValueChange(ind.id, q, round(rnd.uniform(30, 70), 1)))
            batch.extend(ValueChange(ind.id, q, round(rnd.uniform(20, 80), 1), agency_id=a.id) for a in agencies)
    started = time.perf_counter()
    perf.apply_values(batch, what="benchmark")
    print(f"enter {len(batch):,} values in one batch: {time.perf_counter() - started:.2f} s")
    with store.write():
        for ind in indicators:
            perf.set_comparators(Comparators(ind.id, last, england=50, region=49, statistical_neighbours=51))
            perf.set_commentary(ind.id, last, "What lies behind it.")
    return store


def report_pdf(store: Store, path: Path) -> None:
    """The performance report PDF for 2026-Q2: gathered from the store and written (median of 5)."""
    from pypdf import PdfReader

    from mqp_desktop.exporters.performance_report import export_performance_report
    from mqp_desktop.exporters.performance_report_data import gather_performance_report

    export_performance_report(store, "2026-Q2", path)  # fonts registered, modules imported: not timed
    report = gather_performance_report(store, "2026-Q2")
    pages = len(PdfReader(str(path)).pages)
    cpu_before = time.process_time()
    took = median_time(lambda: export_performance_report(store, "2026-Q2", path), runs=5)
    cpu = (time.process_time() - cpu_before) / 5  # the processor's time: what a busy machine does not inflate
    print(f"performance report PDF, {len(report.rows)} indicators ({len(report.exceptions)} exceptions, {pages} pages):"
          f" {took * 1000:.0f} ms (median of 5; {cpu * 1000:.0f} ms of processor time each)")


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        store = build(Path(tmp) / "perf.sqlite")
        perf = store.performance
        rows = perf.scorecard("2026-Q2")
        print(f"scorecard for 2026-Q2: {len(rows)} rows, "
              f"{median_time(lambda: perf.scorecard('2026-Q2')) * 1000:.1f} ms (median of 7)")
        print(f"exceptions only: {len(perf.scorecard('2026-Q2', exceptions_only=True))} rows, "
              f"{median_time(lambda: perf.scorecard('2026-Q2', exceptions_only=True)) * 1000:.1f} ms")
        ind = perf.indicators()[0]
        print(f"one indicator's history (40 quarters): "
              f"{median_time(lambda: perf.history(ind.id)) * 1000:.1f} ms")
        report_pdf(store, Path(tmp) / "report.pdf")
        store.close()


if __name__ == "__main__":
    main()

"""The performance data at a partnership's largest: prints figures, asserts nothing about time.

    .venv/bin/python benchmarks/bench_performance.py

60 indicators (all broken down by agency) x 40 quarters x (the partnership + 15 agencies) =
38,400 values, entered in one batch as an import would; then the scorecard for one quarter
(median of several runs), with and without the exceptions filter; the performance report PDF
for the quarter (every indicator, a page per exception with its chart), read from the database and
written to a file; then the window's share (offscreen): the Scorecard page's model filled for a
quarter (target 100 ms) and the page showing it, and one indicator's chart built (target 50 ms);
and the import preview of a 10,000-value workbook (250 indicators' rows x 40 quarters, a third of
the cells already entered) read from the file to the preview of every cell (target: 1 s).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mqp_desktop.domain.model import Agency
from mqp_desktop.domain.performance import Comparators, Indicator, ValueChange
from mqp_desktop.domain.periods import Period
from mqp_desktop.store import Store
from mqp_desktop.store.seed import seed_from_template

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


def bench_import_preview(store: Store, folder: Path) -> None:
    """The preview of a 10,000-value workbook: 250 rows x 40 quarter columns, wide layout."""
    from openpyxl import Workbook

    from mqp_desktop.exporters.indicator_data_import import preview_data_import

    perf = store.performance
    themes = perf.themes()
    with store.write():
        extra = [perf.add_indicator(Indicator(code=f"W{n:03d}", title=f"Workbook indicator {n}",
                                              theme_id=themes[n % 5].id, unit="percentage" if n % 2 else "number"))
                 for n in range(190)]
    indicators = [i for i in perf.indicators() if not i.code.startswith("W")] + extra  # 250 rows
    quarters = Period.quarter(2026, 2).last_n(QUARTERS)
    wb = Workbook()
    ws = wb.active
    ws.title = "Dataset"
    ws.append(["Partnership dataset"])
    ws.append([])
    ws.append(["Code", "Indicator", "Unit", *(q.short_label() for q in quarters)])
    rnd = random.Random(12)
    for ind in indicators:
        percent = str(ind.unit) == "percentage"
        ws.append([ind.code, ind.title, str(ind.unit),
                   *(round(rnd.uniform(0, 1), 3) if percent else rnd.randint(0, 500) for _ in quarters)])
        if percent:
            for cell in ws[ws.max_row][3:]:
                cell.number_format = "0.0%"
    path = folder / "dataset.xlsx"
    wb.save(path)
    values = len(indicators) * len(quarters)
    runs = []
    cpu_before = time.process_time()
    for _ in range(3):
        started = time.perf_counter()
        preview = preview_data_import(store, path, reason="benchmark")
        runs.append(time.perf_counter() - started)
    cpu = (time.process_time() - cpu_before) / 3  # the processor's time: what a busy machine does not inflate
    print(f"import preview of a {values:,}-value workbook ({path.stat().st_size // 1024} KB): "
          f"{statistics.median(runs):.2f} s (median of 3; {cpu:.2f} s of processor time each; target 1 s) - "
          f"{preview.summary}")


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
        window_figures(store, "2026-Q2")
        bench_import_preview(store, Path(tmp))  # last: it adds 190 indicators to the store
        store.close()


def window_figures(store: Store, period_key: str) -> None:
    """The Scorecard page's model and an indicator's chart, on the offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841  (kept alive while measuring)
    from mqp_desktop.ui.pages.scorecard_page import ScorecardPage
    from mqp_desktop.ui.scorecard_models import RAG_ROLE, SPARK_ROLE, ScorecardModel, chart_data
    from mqp_desktop.ui.widgets.indicator_chart import IndicatorChart

    perf = store.performance
    period = Period.from_key(period_key)
    model = ScorecardModel()

    def fill_model() -> None:
        model.set_rows(perf.scorecard(period), period)
        # every cell the table paints: its text, chip and sparkline (read as the delegates read them:
        # model.data() in Python, not index.data(), which in PySide6 6.12.0 loses a reference to None)
        for g in range(model.rowCount()):
            group = model.index(g, 0)
            for r in range(model.rowCount(group)):
                for c in range(model.columnCount()):
                    index = model.index(r, c, group)
                    for role in (Qt.ItemDataRole.DisplayRole, RAG_ROLE, SPARK_ROLE):
                        model.data(index, role)

    def timed(fn, runs: int = 7) -> str:
        """The median wall time, and the mean processor time (what a machine busy with other work does
        not inflate)."""
        cpu_before = time.process_time()
        took = median_time(fn, runs=runs)
        cpu = (time.process_time() - cpu_before) / runs
        return f"{took * 1000:.1f} ms (median of {runs}; {cpu * 1000:.1f} ms of processor time each)"

    fill_model()
    print(f"scorecard page filled for {period_key} (model, every cell read): {timed(fill_model)}; target 100 ms")
    page = ScorecardPage()
    page.resize(1200, 700)
    page.set_store(store)
    page.show()
    page.choose_period(period)

    def show_page() -> None:
        page.show_scorecard()  # the model, the sort proxy, the tree, the counts, the chosen one's detail
        page.tree.viewport().grab()  # and the rows in view painted (chips, sparklines)

    print(f"scorecard page shown and painted for {period_key} (with the chosen indicator's chart): "
          f"{timed(show_page)}")
    chart = IndicatorChart()
    chart.resize(640, 260)
    indicators = perf.indicators()
    turn = iter(range(10**6))

    def build_chart() -> None:
        ind = indicators[next(turn) % len(indicators)]
        chart.show_data(chart_data(perf, ind, period), "amber")

    build_chart()
    print(f"an indicator's chart built (its data read, series drawn up): {timed(build_chart, runs=15)}; "
          "target 50 ms")
    page.deleteLater()


if __name__ == "__main__":
    main()

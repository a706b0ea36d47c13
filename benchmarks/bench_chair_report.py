"""The chair's report on the 20-year database: prints figures, asserts nothing about time.

    .venv/bin/python benchmarks/bench_chair_report.py [DB]

Builds the 20-year database (big_database.py: ~120 meetings with full registers, a few hundred members), then
adds what the report reads that it lacks: 5 actions per held meeting (half closed), 2 declarations per meeting,
40 indicators x 80 quarters with commentary, 200 challenges. Then, median of 5 runs each: the quarterly report
gathered (target 1 s) and written to Word; the annual report gathered (target 2 s) and written.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from mqp_desktop.domain.actions import Action, ActionStatus  # noqa: E402
from mqp_desktop.domain.challenges import Challenge  # noqa: E402
from mqp_desktop.domain.meetings import MeetingStatus  # noqa: E402
from mqp_desktop.domain.minutes import Declaration  # noqa: E402
from mqp_desktop.domain.performance import Indicator, ValueChange  # noqa: E402
from mqp_desktop.domain.periods import Frequency, Period  # noqa: E402
from mqp_desktop.store import Store  # noqa: E402


def median_time(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def add_report_data(path: Path) -> dict[str, int]:
    rng = random.Random(13)
    store = Store.open(path)
    meetings = [m for m in store.meetings.list() if m.status is MeetingStatus.HELD]
    members = store.members()
    with store.write():
        for m in meetings:
            present = [x for x in members if x.start_date and x.start_date <= m.date
                       and (x.end_date is None or x.end_date >= m.date) and x.name]
            for k in range(5):
                owner = rng.choice(present)
                a = store.minutes.add_action(Action(meeting_id=m.id, description=f"Action {k} of {m.date}",
                                                    owner_member_id=owner.id,
                                                    due_date=m.date + dt.timedelta(days=rng.randint(20, 120))))
                later = [x for x in meetings if x.date > m.date][:1]
                if later and k % 2 == 0:
                    store.minutes.update_action_status(a.id, ActionStatus.DONE, later[0].id, "done", later[0].date)
            for _ in range(2):
                store.minutes.add_declaration(Declaration(meeting_id=m.id, nature="Manages the service",
                                                          member_id=rng.choice(present).id))
    perf = store.performance
    themes = perf.themes()
    last = Period.latest_complete(dt.date.today(), Frequency.QUARTERLY)
    quarters = last.last_n(80)
    with store.write():
        inds = [perf.add_indicator(Indicator(code=f"B{n:02d}", title=f"Indicator {n}", theme_id=themes[n % 5].id,
                                             unit="percentage", direction="lower" if n % 2 else "higher",
                                             target=50, tolerance=5)) for n in range(40)]
    perf.apply_values([ValueChange(i.id, q, round(rng.uniform(30, 70), 1)) for i in inds for q in quarters],
                      what="benchmark")
    with store.write():
        for i in inds:
            perf.set_commentary(i.id, last, "What lies behind it.")
        agencies = store.agencies()
        for n in range(200):
            day = dt.date.today() - dt.timedelta(days=rng.randint(1, 3650))
            store.challenges.add(Challenge(question=f"Question {n}", agency_id=rng.choice(agencies).id,
                                           subject_text="Benchmark", raised_on=day,
                                           due_date=day + dt.timedelta(days=42), to_name="Someone"))
    counts = {"actions": len(store.minutes.actions()), "indicators": len(inds), "values": len(inds) * len(quarters)}
    store.close()
    return counts


def main() -> None:
    from big_database import build

    from mqp_desktop.exporters.chair_report_docx import write_chair_report_docx
    from mqp_desktop.store.chair_report import gather_chair_report

    folder = Path(tempfile.mkdtemp(prefix="mqp-chair-bench-"))
    db = Path(sys.argv[1]) if len(sys.argv) > 1 else folder / "big.sqlite"
    t = time.perf_counter()
    print("20-year database:", build(db))
    print("added for the report:", add_report_data(db), f"({time.perf_counter() - t:.1f} s to build)")
    store = Store.open(db)
    quarter = Period.latest_complete(dt.date.today(), Frequency.QUARTERLY)
    year = Period.financial_year(quarter.fy_start_year - (1 if quarter.fy_quarter_number < 4 else 0))
    for label, period, target in (("quarterly", quarter, 1.0), ("annual", year, 2.0)):
        report = gather_chair_report(store, period)
        gather = median_time(lambda p=period: gather_chair_report(store, p))
        out = folder / f"{label}.docx"
        write = median_time(lambda r=report, o=out: write_chair_report_docx(r, o))
        both = median_time(lambda p=period, o=out: write_chair_report_docx(gather_chair_report(store, p), o))
        exceptions = len(report.section("performance").subsections)
        print(f"{label} report {period.short_label()}: gathered {gather * 1000:.0f} ms, written to Word "
              f"{write * 1000:.0f} ms ({exceptions} charts), both {both * 1000:.0f} ms (target {target:.0f} s)"
              f" -> {'OK' if both <= target else 'OVER'}")
    store.close()


if __name__ == "__main__":
    main()

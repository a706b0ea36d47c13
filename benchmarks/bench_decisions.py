"""The decisions register on 20 years of minutes: prints figures, asserts nothing about time.

    .venv/bin/python benchmarks/bench_decisions.py [OUT.sqlite]

Builds the 20-year register (``big_database.py``), then 20 years of meetings every six weeks (about 170),
each with 30 minuted items and one or two decisions per item (about 5,000 minuted items and 7,500
decisions), every eighth meeting inquorate; all minutes signed but the last two. The minutes are written
as the program saves them (content JSON in ``minutes_revision``) and the decisions index kept in step
through ``store.decisions.sync`` as ``store.minutes`` does. Measured (median of several runs):
``register()`` whole, filtered by words, by priority, by a quarter; ``awaiting_ratification()``; one
ratification; and, for comparison, reading every meeting's latest minutes JSON to list the decisions (what
the register would cost without its index).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from big_database import build  # noqa: E402

from mqp_desktop.domain import agenda_settings as cfg  # noqa: E402
from mqp_desktop.domain.attendance import AttendanceStatus as S  # noqa: E402
from mqp_desktop.domain.decisions import quarter_range  # noqa: E402
from mqp_desktop.store import Store  # noqa: E402

PRIORITIES = ["Neglect", "Child exploitation and extra-familial harm", "Early help and the front door",
              "Learning from reviews", "Quality assurance and performance"]


def median_time(fn, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def add_minutes(store: Store, years: int = 20) -> dict[str, int]:
    today = dt.date.today()
    day = today.replace(year=today.year - years)
    store.agendas.set_setting(cfg.PARTNERSHIP_PRIORITIES, PRIORITIES)
    members = store.members()
    meetings = items = decisions = 0
    with store.write():
        db = store.db
        k = 0
        while day < today - dt.timedelta(days=14):
            k += 1
            mid = db.execute("INSERT INTO meeting (subcommittee_id, date, start_time, end_time, venue, status)"
                             " VALUES (1, ?, '10:00', '12:00', 'Town Hall', 'held')", [day.isoformat()]).lastrowid
            meetings += 1
            inquorate = k % 8 == 0
            in_post = [m for m in members if m.is_active(day) and not m.is_vacant]
            for i, m in enumerate(in_post):
                status = S.PRESENT if (not inquorate or i < 2) else S.APOLOGIES
                db.execute("INSERT INTO attendance (meeting_id, member_id, status, deputy_name) VALUES (?, ?, ?, '')",
                           [mid, m.id, status.value])
            content_items = []
            for n in range(1, 31):
                title = f"Item {n}: {'Budget' if n % 7 == 0 else 'Dataset exceptions' if n % 5 == 0 else 'Report'}"
                priority = PRIORITIES[n % len(PRIORITIES)] if n % 3 else ""
                iid = db.execute("INSERT INTO agenda_item (meeting_id, position, title, priority) VALUES (?, ?, ?, ?)",
                                 [mid, n, title, priority]).lastrowid
                texts = [f"Decision {k}.{n}: the report is noted and its recommendations agreed."]
                if n % 2 == 0:
                    texts.append(f"Decision {k}.{n}b: the lead brings an update to the next meeting.")
                content_items.append({"item_id": iid, "number": str(n), "title": title,
                                      "discussion": "The subcommittee discussed the report. " * 8,
                                      "decisions": [{"text": t, "taken_while_inquorate": inquorate} for t in texts]})
                items += 1
                decisions += len(texts)
            content = {"version": 4, "meeting": {"meeting_id": mid, "date": day.isoformat()}, "items": content_items}
            text = json.dumps(content, sort_keys=True, separators=(",", ":"))
            rid = db.execute("INSERT INTO minutes_revision (meeting_id, revision, status, content, created_at, saved_at)"
                             " VALUES (?, 1, 'draft', ?, 'x', 'x')", [mid, text]).lastrowid
            store.decisions.sync(mid, content)
            if day < today - dt.timedelta(days=100):
                db.execute("UPDATE minutes_revision SET status = 'signed', digest = ?, seal = ?, signed_by = 'Chair',"
                           " signed_on = ? WHERE id = ?", ["a" * 64, "b" * 64, day.isoformat(), rid])
            day += dt.timedelta(weeks=6)
    return {"meetings": meetings, "minuted items": items, "decisions": decisions}


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="mqp-bench-")) / "decisions.sqlite"
    t = time.perf_counter()
    build(out)
    with Store.open(out) as store:
        counts = add_minutes(store)
        built = time.perf_counter() - t
        print(f"database: {out} ({out.stat().st_size / 1e6:.1f} MB, built in {built:.1f} s): "
              + ", ".join(f"{v} {k}" for k, v in counts.items()))
        repo = store.decisions
        reg = repo.register()
        waiting = repo.awaiting_ratification()
        last = dt.date.today()
        q = f"{last.year}-Q{(last.month - 1) // 3 + 1}"
        start, end = quarter_range(q)
        figures = {
            f"register(): all {len(reg)} decisions": median_time(repo.register),
            "register(item='budget')": median_time(lambda: repo.register(item="budget")),
            "register(priority='Neglect')": median_time(lambda: repo.register(priority="Neglect")),
            f"register(quarter {q})": median_time(lambda: repo.register(start=start, end=end)),
            f"awaiting_ratification(): {len(waiting)}": median_time(repo.awaiting_ratification),
        }

        def without_index() -> int:
            n = 0
            for (content,) in store.db.execute(
                    "SELECT content FROM minutes_revision r WHERE revision = (SELECT max(revision) FROM "
                    "minutes_revision WHERE meeting_id = r.meeting_id)"):
                for item in json.loads(content)["items"]:
                    n += len(item["decisions"])
            return n

        figures["for comparison: every meeting's minutes JSON read and parsed"] = median_time(without_index)
        for label, seconds in figures.items():
            print(f"  {label:<62} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()

"""The search benchmark (issue 12): prints figures, asserts nothing about time.

    .venv/bin/python benchmarks/bench_search.py [DB]

On the 20-year database of ``big_database.py`` with 5,000 minuted items and 300 papers' text
(built into a temporary folder when DB is not given; a few minutes): several searches (median and
worst of each; target 100 ms), building the whole index (target 10 s), and keeping it current after
a save (the minutes of one meeting saved: the save as a whole, and the index's own part of it).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from mqp_desktop.store import Store  # noqa: E402

QUERIES = ("neglect", "domestic abuse", "strategy discussion police", "escal", "graded care profile",
           "the", "a", "zzzz-not-there", "safeguarding partners executive", "LADO")
RUNS = 7


def timed(fn, runs: int = RUNS) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main(argv: list[str]) -> int:
    if argv:
        path = Path(argv[0])
    else:
        from big_database import build

        path = Path(tempfile.mkdtemp(prefix="mqp-bench-search-")) / "big.sqlite"
        t = time.perf_counter()
        counts = build(path, minuted_items=5000, papers=300)
        print(f"built the 20-year database in {time.perf_counter() - t:.0f} s: {counts}")
    store = Store.open(path)
    try:
        print(f"database: {path} ({path.stat().st_size / 2**20:.0f} MB); index entries by kind: "
              f"{store.search.counts()}")
        text_chars = store.db.execute("SELECT coalesce(sum(length(text)), 0) FROM document_text").fetchone()[0]
        print(f"papers' text held: {text_chars / 1e6:.1f} million characters")

        print("\nsearch (store.search.query, limit 200; ms: median / worst of", RUNS, "runs; target 100 ms)")
        medians, worsts = [], []
        for q in QUERIES:
            times = timed(lambda q=q: store.search.query(q))
            hits = len(store.search.query(q))
            medians.append(statistics.median(times))
            worsts.append(max(times))
            print(f"  {q!r:36} {hits:4} hits  {statistics.median(times) * 1000:7.1f} / {max(times) * 1000:7.1f}")
        print(f"  all queries: median {statistics.median(medians) * 1000:.1f} ms, worst {max(worsts) * 1000:.1f} ms")

        print("\nbuilding the whole index (store.search.rebuild, papers' text already read; target 10 s)")
        rebuilds = timed(lambda: store.search.rebuild(read_texts=False), runs=3)
        print(f"  median {statistics.median(rebuilds):.2f} s, worst {max(rebuilds):.2f} s "
              f"({sum(store.search.counts().values()):,} entries)")

        print("\nkept current after a save (the minutes of one meeting with ~43 written items)")
        meeting_id = store.db.execute(
            "SELECT meeting_id FROM minutes_revision GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id DESC"
            " LIMIT 1").fetchone()[0]
        entries = store.db.execute("SELECT count(*) FROM search_doc WHERE source = 'minutes' AND source_id = ?",
                                   [meeting_id]).fetchone()[0]

        def save() -> None:
            minutes = store.minutes.draft(meeting_id)
            item = next(i for i in minutes.items if i.discussion)
            item.discussion += " Edited."
            store.minutes.save_draft(meeting_id, minutes)

        saves = timed(save, runs=5)
        print(f"  saving the minutes (all of it, the index included): median {statistics.median(saves) * 1000:.1f} ms")

        def refresh() -> None:  # what the triggers do for this save, alone (rolled back)
            with store.write():
                store.db.execute("DELETE FROM search_doc WHERE source = 'minutes' AND source_id = ?", [meeting_id])
                store.db.execute(
                    "INSERT INTO search_doc (source, source_id, kind, tbl, record_id, meeting_id, title, body)"
                    " SELECT 'minutes', source_id, kind, tbl, record_id, meeting_id, title, body"
                    " FROM search_src_minutes WHERE source_id = ?", [meeting_id])
                store.db.execute("SAVEPOINT keep_nothing")
                raise _Undo

        class _Undo(Exception):
            pass

        def refresh_once() -> None:
            try:
                refresh()
            except _Undo:
                pass

        refreshes = timed(refresh_once, runs=5)
        print(f"  the index's part ({entries} entries replaced): median {statistics.median(refreshes) * 1000:.1f} ms")

        def action_update() -> None:
            action = store.db.execute("SELECT id, meeting_id FROM action ORDER BY id DESC LIMIT 1").fetchone()
            if action is None:
                return
            with store.write():
                store.db.execute("UPDATE action SET status_note = status_note || '.' WHERE id = ?", [action[0]])

        if store.db.execute("SELECT count(*) FROM action").fetchone()[0]:
            print(f"  an action's row changed: median {statistics.median(timed(action_update, 5)) * 1000:.1f} ms")
        problems = store.search.check()
        print(f"\nindex consistent with the records after all this: {'yes' if not problems else problems[:3]}")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

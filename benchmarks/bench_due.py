"""The "Due and overdue" list on the 20-year database: prints figures, asserts nothing about time.

    .venv/bin/python benchmarks/bench_due.py

Builds the 20-year database (``big_database.py``: 120 meetings, 20 years of register turnover) and adds
20 years of the records that fall due, most of them long closed, as a partnership would have them:
8 actions a meeting (9 in 10 done or dropped), 6 papers a meeting (all but the next meeting's received),
3 challenges a meeting (9 in 10 closed), 2 inspections a year with 6 plan items each, a Section 11 round a
year (15 agencies, 3 action-plan items per return), 2 work transfers and 3 attendance letters a year, and
10 governance documents a year with their new versions. The rows are written with SQL in one transaction
(the tables' CHECKs and triggers still hold them to the rules); the figures are of reading them back.

Target (issue 12): the due view within 100 ms. Each figure is the median of 25 runs; the processor time is
given beside the wall-clock time (a busy machine inflates the second, not the first).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

DAY = dt.timedelta(days=1)


def add_due_records(path: Path, seed: int = 12) -> dict[str, int]:
    """Twenty years of records that fall due, added to the 20-year database at ``path``."""
    from mqp_desktop.store import Store
    from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo

    rng = random.Random(seed)
    store = Store.open(path)
    today = dt.date.today()
    now = dt.datetime.now().isoformat(timespec="seconds")
    db = store.db
    meetings = [(m.id, m.date, m.status.value) for m in store.meetings.list()]
    members = [m for m in store.members()]
    agencies = [a.id for a in store.agencies()]
    s11 = Section11Repo(store)
    framework = s11.framework(DEFAULT_FRAMEWORK)
    closed_statuses = ("done", "dropped")
    with store.write():
        numbers: dict[str, int] = {}
        for meeting_id, day, status in meetings:
            if status == "cancelled":
                continue
            items = []
            for n in range(1, 7):
                items.append(db.execute(
                    "INSERT INTO agenda_item (meeting_id, position, title) VALUES (?, ?, ?)",
                    [meeting_id, n, f"Item {n} of {day}"]).lastrowid)
            for item_id in items:  # a paper each; received unless the meeting is still to come
                deadline = day - 14 * DAY
                received = (deadline - rng.randint(-3, 5) * DAY).isoformat() if day < today else None
                db.execute("INSERT INTO paper (item_id, title, author_name, requested_on, deadline, received_on)"
                           " VALUES (?, ?, ?, ?, ?, ?)",
                           [item_id, f"Paper for {item_id}", rng.choice(members).name,
                            (deadline - 21 * DAY).isoformat(), deadline.isoformat(), received])
            if status != "held":
                continue
            key = f"{day:%Y-%m}"
            for _ in range(8):  # actions: most closed long ago
                numbers[key] = numbers.get(key, 0) + 1
                due = day + rng.randint(14, 120) * DAY
                closed = due < today - 60 * DAY or rng.random() < 0.6
                owner = rng.choice(members)
                db.execute(
                    "INSERT INTO action (number, meeting_id, item_id, description, owner_member_id, due_date,"
                    " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [f"{key}/{numbers[key]}", meeting_id, rng.choice(items), "Report back on the audit findings",
                     owner.id, due.isoformat(), rng.choice(closed_statuses) if closed else "open", now])
            for _ in range(3):  # challenges
                due = day + 28 * DAY
                closed = due < today - 30 * DAY and rng.random() < 0.95
                n = db.execute("SELECT count(*) FROM challenge WHERE reference LIKE ?", [f"CH-{day.year}-%"]).fetchone()[0]
                db.execute(
                    "INSERT INTO challenge (reference, question, subject_text, meeting_id, raised_on, agency_id,"
                    " due_date, closed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [f"CH-{day.year}-{n + 1:03d}", "What lies behind the trend?", "Re-referrals", meeting_id,
                     day.isoformat(), rng.choice(agencies), due.isoformat(),
                     (due + 10 * DAY).isoformat() if closed else None, now])
        first_year = today.year - 20
        for year in range(first_year, today.year + 1):
            for k in range(2):  # inspections, each with a plan
                published = dt.date(year, 3 + 5 * k, 15)
                if published > today:
                    continue
                inspection = db.execute(
                    "INSERT INTO inspection (agency_id, inspectorate, inspection_type, published, created_at)"
                    " VALUES (?, 'Ofsted', 'ILACS inspection', ?, ?)",
                    [rng.choice(agencies), published.isoformat(), now]).lastrowid
                for j in range(6):
                    due = published + (60 + 45 * j) * DAY
                    done = due < today - 30 * DAY
                    db.execute(
                        "INSERT INTO inspection_plan_item (inspection_id, action, owner, due, status, closed_on,"
                        " created_at) VALUES (?, ?, 'Head of Service', ?, ?, ?, ?)",
                        [inspection, f"Plan item {j}", due.isoformat(), "done" if done else "open",
                         due.isoformat() if done else None, now])
            issued = dt.date(year, 10, 1)
            if issued <= today:  # a Section 11 round
                rnd = s11.create_round(f"Section 11 audit {year}", framework, "score", agencies, issued,
                                       issued + 60 * DAY)
                for ret in s11.returns(rnd.id):
                    received = issued + rng.randint(30, 70) * DAY
                    if received <= today and rng.random() < 0.93:
                        db.execute("UPDATE s11_return SET received = ? WHERE id = ?", [received.isoformat(), ret.id])
                    for j in range(3):
                        due = issued + (120 + 60 * j) * DAY
                        done = due < today - 30 * DAY
                        db.execute("INSERT INTO s11_action (return_id, action, owner, due, status, closed)"
                                   " VALUES (?, ?, 'Safeguarding lead', ?, ?, ?)",
                                   [ret.id, f"Action {j}", due.isoformat(), "done" if done else "open",
                                    due.isoformat() if done else None])
            body = db.execute("SELECT id FROM partnership_body ORDER BY id LIMIT 1").fetchone()
            for k in range(2):  # work transfers
                written = dt.date(year, 2 + 6 * k, 10)
                if body is None or written > today:
                    continue
                sent, due = written + DAY, written + 29 * DAY
                answered = (due - 5 * DAY).isoformat() if due < today - 20 * DAY else None
                db.execute(
                    "INSERT INTO work_transfer (reference, direction, body_id, work, reason, outcomes, written_on,"
                    " sent_on, answer_due, answer, answered_on, created_at) VALUES (?, 'from us', ?, 'Work',"
                    " 'Reason', 'Outcomes', ?, ?, ?, ?, ?, ?)",
                    [f"WT-{year}-{k + 1:03d}", body[0], written.isoformat(), sent.isoformat(), due.isoformat(),
                     "accepted" if answered else None, answered, now])
            for k in range(3):  # attendance letters
                sent = dt.date(year, 1 + 4 * k, 20)
                if sent > today:
                    continue
                due = sent + 28 * DAY
                replied = due < today - 20 * DAY
                db.execute(
                    "INSERT INTO attendance_letter (member_id, sent_on, reply_due, outcome, outcome_on, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [rng.choice(members).id, sent.isoformat(), due.isoformat(), "improved" if replied else None,
                     due.isoformat() if replied else None, now])
            for k in range(10):  # documents: each year's version supersedes last year's
                signed = dt.date(year, 1 + k, 5)
                if signed > today:
                    continue
                before = db.execute("SELECT id FROM governance_document WHERE title = ? ORDER BY id DESC LIMIT 1",
                                    [f"Procedure {k}"]).fetchone()
                db.execute(
                    "INSERT INTO governance_document (title, kind, version, signed_off_on, review_due, supersedes_id,"
                    " created_at) VALUES (?, 'procedure', ?, ?, ?, ?, ?)",
                    [f"Procedure {k}", str(year), signed.isoformat(), signed.replace(year=signed.year + 1).isoformat(),
                     before[0] if before else None, now])
    counts = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("action", "paper", "challenge", "inspection_plan_item", "s11_return", "s11_action",
                            "work_transfer", "attendance_letter", "governance_document")}
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return counts


def timed(fn, runs: int = 25) -> tuple[float, float]:
    """Median wall-clock and processor seconds of ``runs`` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    from big_database import build

    from mqp_desktop.store import Store

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "twenty-years.sqlite"
        t = time.perf_counter()
        build(db)
        counts = add_due_records(db)
        print(f"20-year database with due records built in {time.perf_counter() - t:.1f} s:")
        print("  " + ", ".join(f"{n:,} {table}" for table, n in counts.items()))
        store = Store.open(db)
        today = dt.date.today()
        items = store.due.items(today)
        overdue = sum(1 for i in items if i.is_overdue(today))
        print(f"  the due list: {len(items)} items ({overdue} overdue) of "
              f"{sum(counts.values()):,} records that fall due")
        figures = {
            "store.due.items(today): everything": timed(lambda: store.due.items(today)),
            "store.due.items(today, until=+30 days)": timed(
                lambda: store.due.items(today, until=today + dt.timedelta(days=30))),
            "store.due.items(today, include_future=False): overdue only": timed(
                lambda: store.due.items(today, include_future=False)),
        }
        from mqp_desktop.ui.app import setup_application

        setup_application()
        from mqp_desktop.ui.due.page import DuePage

        page = DuePage()
        page.resize(1200, 600)
        page.show()
        figures["the Due and overdue page: read and filled (query, model, filter, counts)"] = timed(
            lambda: page.set_items(store.due.items(today), today))
        store.close()
        width = max(len(k) for k in figures)
        print(f"\n{'measure':<{width}}  wall-clock  processor  (target: the due view within 100 ms)")
        for name, (wall, cpu) in figures.items():
            print(f"{name:<{width}}  {wall * 1000:7.1f} ms  {cpu * 1000:6.1f} ms")


if __name__ == "__main__":
    main()

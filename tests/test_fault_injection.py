"""Fault injection: writers killed (SIGKILL) at random moments, then the file checked.

Each kind of write the officer and the chair make — register edits, a register import, taking the
attendance register, saving minutes, the minutes' autosave, signing minutes, a change followed by
a rotated backup (every file named as a backup must pass ``integrity_check``) — runs in a writer
process that journals every operation the store reported saved. The writer is killed at a random
moment; then the file must open, pass ``integrity_check`` and ``foreign_key_check``, and hold every
operation reported saved: the state is that of the last journalled operation, or of the one after
it (saved, killed before it could be journalled) — never older, never half of one.

CI runs ``MQP_FAULT_KILLS`` kills in all (200 by default), spread over the kinds; a longer soak is
``MQP_FAULT_KILLS=5000 python3 scripts/dev.py test tests/test_fault_injection.py``. The kill times
are random (the seed is printed with every failure, ``MQP_FAULT_SEED`` repeats a run).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mqp_desktop.store import Store
from mqp_desktop.store.seed import create_demo_database
from tests.conftest import ROOT
from tests.helpers import fault_worker

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writers are forked (POSIX only)")

KILLS = int(os.environ.get("MQP_FAULT_KILLS", "200"))
SEED = int(os.environ.get("MQP_FAULT_SEED", str(random.randrange(1 << 30))))
# A kill lands this long after the writer was started: long enough for many operations at the top
# end, and often during the first one at the bottom (opening the file is part of what is tried).
MAX_DELAY = 0.25


class Zygote:
    """The process writers are forked from (see tests/helpers/fault_worker.py)."""

    def __init__(self):
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.fault_worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env,
        )

    def ask(self, line: str) -> str:
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        assert answer, "the zygote process died"
        return answer.strip()

    def start(self, kind: str, db: Path, journal: Path, first: int) -> int:
        return int(self.ask(f"run {kind} {db} {journal} {first}"))

    def kill(self, pid: int) -> int:
        os.kill(pid, signal.SIGKILL)
        return int(self.ask(f"reap {pid}"))

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


@pytest.fixture(scope="module")
def zygote():
    z = Zygote()
    yield z
    z.close()


def check_file(path: Path) -> Store:
    """The file opens as the program opens it, and SQLite finds nothing wrong in it."""
    store = Store.open(path, create=False)
    assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    return store


def journalled(journal: Path) -> list[int]:
    if not journal.exists():
        return []
    lines = journal.read_text().splitlines()
    return [int(x) for x in lines if x]


@pytest.mark.parametrize("kind", list(fault_worker.KINDS))
def test_killed_writers_lose_nothing_reported_saved(kind, zygote, tmp_path_factory):
    kinds = len(fault_worker.KINDS)
    kills = KILLS // kinds + (1 if list(fault_worker.KINDS).index(kind) < KILLS % kinds else 0)
    rng = random.Random(f"{SEED}-{kind}")
    work = tmp_path_factory.mktemp(f"faults-{kind}")
    db = work / "mqp.sqlite"
    create_demo_database(db).close()
    spec = fault_worker.KINDS[kind]
    with check_file(db) as store:
        state = spec.observe(store)
    first = 1
    saved_ops = 0
    max_delay = MAX_DELAY
    for kill in range(kills):
        journal = work / f"journal-{kill}.txt"
        pid = zygote.start(kind, db, journal, first)
        if kill == 0:
            # The first writer is left to save a few operations: how long they take on this machine
            # (and under its load) sets how late the kills may land, so that a slow kind of write or a
            # busy machine still gets kills during and after its operations, not only before the first.
            started = time.monotonic()
            while len(journalled(journal)) < 3 and time.monotonic() - started < 120:
                time.sleep(0.005)
            per_op = (time.monotonic() - started) / max(1, len(journalled(journal)))
            max_delay = max(MAX_DELAY, 4 * per_op)
        else:
            time.sleep(rng.uniform(0, max_delay))
        status = zygote.kill(pid)
        where = f"kind {kind}, kill {kill + 1} of {kills}, seed {SEED} (MQP_FAULT_SEED repeats it)"
        error = journal.with_suffix(".error")
        assert not error.exists(), f"the writer stopped by itself: {error.read_text()} ({where})"
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, where
        done = journalled(journal)
        assert done == list(range(first, first + len(done))), where
        saved_ops += len(done)
        last = done[-1] if done else None
        with check_file(db) as store:
            now = spec.observe(store)
        # What was reported saved is there; at most the one operation after it was saved unreported.
        allowed = [spec.expected(first + len(done))] + ([spec.expected(last)] if last else [state])
        assert now in allowed, f"{where}: the file holds {now!r}; reported saved: {allowed[-1]!r}"
        state = now
        first += len(done) + 1  # the next writer numbers on past the one that may have been saved unreported
    # The kills must have landed among the writes, not all before the first one finished.
    assert saved_ops > 0, f"no {kind} operation was ever saved before a kill (seed {SEED})"
    print(f"{kind}: {kills} kills, {saved_ops} operations reported saved, all present; seed {SEED}")

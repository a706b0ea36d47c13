"""Two copies on one file, for real: two processes write the same database at the same time.

Each runs ``tests/helpers/two_writers.py`` for ``MQP_SOAK_SECONDS`` (60 by default; set it higher
for a longer soak, e.g. ``MQP_SOAK_SECONDS=900``): both add one to a count kept in the same
member's notes and the same agency's notes, through the store API (as the desktop program saves)
and through the command line (``--expect-version``), and record reminders through the command
line; a save refused because the other saved first is read again and retried, as a user would.

Then: no lost update (each count is exactly the number of saves both processes reported, and the
change history holds each of them), no "database is locked" or any other error, and the file
passes ``integrity_check``. The counts are printed (run with ``-s`` to see them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mqp_desktop.store import Store
from mqp_desktop.store.section11 import Section11Repo

HELPER = Path(__file__).parent / "helpers" / "two_writers.py"
SECONDS = float(os.environ.get("MQP_SOAK_SECONDS", "60"))


@pytest.fixture
def shared_db(demo_db, tmp_path) -> Path:
    path = tmp_path / "shared.sqlite"
    shutil.copy(demo_db, path)
    return path


def test_two_processes_writing_one_file_lose_nothing_and_never_fail_locked(shared_db, tmp_path):
    with Store.open(shared_db) as store:
        member = next(m for m in store.members(include_ended=False) if not m.is_vacant)
        agency = store.agency(member.agency_id)
        s11 = Section11Repo(store)
        rnd = s11.latest_round()
        reminded = next(r for r in s11.returns(rnd.id) if r.received is None)
        reminded_name = store.agency(reminded.agency_id).name
        reminders_before = len(reminded.reminders)
        member_start = int(member.notes[6:]) if member.notes.startswith("count:") else 0
        agency_start = int(agency.notes[6:]) if agency.notes.startswith("count:") else 0
        assert member_start == agency_start == 0
        history_before = store.db.execute("SELECT max(id) FROM change_log").fetchone()[0]

    start = time.time() + 2.0  # both begin together, once both have started up
    outs = [tmp_path / f"writer-{n}.json" for n in (1, 2)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HELPER.parents[2]), os.environ.get("PYTHONPATH", "")])}
    procs = [
        subprocess.Popen(
            [sys.executable, str(HELPER), "--db", str(shared_db), "--name", f"writer{n}", "--member", str(member.id),
             "--agency", str(agency.id), "--reminded", reminded_name, "--round", str(rnd.id),
             "--seconds", str(SECONDS), "--start", str(start), "--seed", str(n), "--out", str(out)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n, out in zip((1, 2), outs)
    ]
    for p in procs:
        _stdout, stderr = p.communicate(timeout=SECONDS + 120)
        assert p.returncode == 0, stderr
    counts = [json.loads(out.read_text(encoding="utf-8")) for out in outs]

    def total(key: str) -> int:
        return sum(c[key] for c in counts)

    summary = {
        "seconds": SECONDS,
        "writes": total("member_store") + total("agency_store") + total("member_cli") + total("reminders_cli"),
        "conflicts (store, retried)": total("conflicts_store"),
        "conflicts (command line, retried)": total("conflicts_cli"),
        "errors": sum(len(c["errors"]) for c in counts),
        "per writer": counts,
    }
    print(f"\ntwo writers: {json.dumps(summary, indent=1)}")
    assert [c["errors"] for c in counts] == [[], []]  # no "database is locked", nothing else either
    assert all(c["member_store"] + c["agency_store"] + c["member_cli"] + c["reminders_cli"] > 0 for c in counts)

    with Store.open(shared_db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # No lost update: each count is exactly what the two reported saving.
        assert store.member(member.id).notes == f"count:{total('member_store') + total('member_cli')}"
        assert store.agency(agency.id).notes == f"count:{total('agency_store')}"
        ret = Section11Repo(store).get_return(reminded.id)
        assert len(ret.reminders) == reminders_before + total("reminders_cli")
        # ... and the history holds every one of those saves, by whom.
        rows = store.db.execute(
            "SELECT user, entity, count(*) FROM change_log WHERE id > ? GROUP BY user, entity", [history_before]
        ).fetchall()
        recorded = {(user, entity): n for user, entity, n in rows}
        for c in counts:
            assert recorded.get((c["name"], "agency"), 0) == c["agency_store"]
            assert recorded.get((c["name"], "member"), 0) == c["member_store"]
        cli_user = store.user  # the command line records the account it runs under
        assert recorded.get((cli_user, "member"), 0) == total("member_cli")
        assert recorded.get((cli_user, "s11_return"), 0) == total("reminders_cli")

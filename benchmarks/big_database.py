"""Build a database as a partnership would have it after 20 years.

The Wandsworth template's ~30 seats, each changing hands every two to four
years since 20 years ago, with edits along the way (emails, phones, deputies)
— a few hundred members and thousands of change-history entries. Later issues
add 20 years of meetings, registers and minutes here.

    .venv/bin/python benchmarks/big_database.py OUT.sqlite
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mqp_desktop.domain.model import Member  # noqa: E402
from mqp_desktop.store import Store  # noqa: E402
from mqp_desktop.store.seed import seed_from_template  # noqa: E402

FIRST = ["Amara", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Hugo", "Isla", "Jon", "Kiran", "Lena", "Max", "Nia", "Owen", "Pia", "Raj", "Sara", "Tom", "Uma", "Viv", "Will", "Yara", "Zak"]
LAST = ["Adams", "Bose", "Clarke", "Doyle", "Evans", "Fox", "Gill", "Hughes", "Iqbal", "Jones", "Khan", "Lowe", "Mensah", "Nash", "Okoro", "Patel", "Quinn", "Reid", "Shah", "Turner", "Usman", "Vance", "Walsh", "Young"]


def build(path: Path, years: int = 20, seed: int = 20) -> dict[str, int]:
    rng = random.Random(seed)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store.open(path)
    seed_from_template(store, "wandsworth-mqp")
    today = dt.date.today()
    start = today.replace(year=today.year - years)
    seats = store.members()
    with store.write():
        for seat in seats:
            day = start
            holder: Member | None = None
            while day < today:
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                email = name.lower().replace(" ", ".") + f"{rng.randint(1, 99)}@agency.example.org"
                tenure = dt.timedelta(days=rng.randint(700, 1500))
                end = day + tenure
                if holder is None:
                    seat.name, seat.email, seat.start_date = name, email, day
                    holder = store.update_member(seat, action="named")
                else:
                    holder = store.add_member(
                        Member(role_title=seat.role_title, agency_id=seat.agency_id, name=name, email=email,
                               start_date=day, decision_maker=seat.decision_maker)
                    )
                for _ in range(rng.randint(2, 6)):  # edits during the tenure
                    holder.phone = f"020 {rng.randint(7000, 8999)} {rng.randint(1000, 9999)}"
                    holder.deputy_name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                    holder = store.update_member(holder)
                if end < today:
                    store.end_member(holder.id, end, "Moved post")
                day = end + dt.timedelta(days=1)
    # 20 years of bi-monthly meetings, each with a full register
    from mqp_desktop.domain.attendance import AttendanceStatus as S
    from mqp_desktop.domain.meetings import Meeting, expected_members

    statuses = [S.PRESENT] * 16 + [S.DEPUTY, S.APOLOGIES, S.APOLOGIES, S.ABSENT]
    members = store.members()
    with store.write():
        meetings = store.meetings.schedule(
            start + dt.timedelta(days=30), years * 6, template=Meeting(date=start, venue="Town Hall")
        )
        for meeting in meetings:
            if meeting.date >= today:
                continue
            if rng.random() < 0.04:
                store.meetings.cancel(meeting.id, "Not needed")
                continue
            changes = {}
            for m in expected_members(members, meeting.date):
                status = rng.choice(statuses)
                changes[m.id] = (status, "A deputy" if status is S.DEPUTY else None, "")
            store.meetings.record_many(meeting.id, changes)
            store.meetings.mark_held(meeting.id)
    counts = {
        "meetings": len(store.meetings.list()),
        "register entries": store.db.execute("SELECT count(*) FROM attendance").fetchone()[0],
        "members": len(store.members()),
        "current members": len(store.members(include_ended=False)),
        "history entries": len(store.history()),
    }
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return counts


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "big.sqlite")
    print(build(out))

"""Build a database as a partnership would have it after 20 years.

The Wandsworth template's ~30 seats, each changing hands every two to four
years since 20 years ago, with edits along the way (emails, phones, deputies)
— a few hundred members and thousands of change-history entries. Later issues
add 20 years of meetings, registers and minutes here.

    .venv/bin/python benchmarks/big_database.py OUT.sqlite [--search]

``--search`` adds 5,000 minuted items (discussion and decisions) and 300 papers with three pages of PDF
text each, for the search benchmark (``bench_search.py``).
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


def build(path: Path, years: int = 20, seed: int = 20, *, minuted_items: int = 0, papers: int = 0) -> dict[str, int]:
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
    if minuted_items or papers:
        add_minutes_and_papers(store, rng, minuted_items, papers)
    counts = {
        "meetings": len(store.meetings.list()),
        "agenda items": store.db.execute("SELECT count(*) FROM agenda_item").fetchone()[0],
        "minuted items": store.db.execute(
            "SELECT count(*) FROM minutes_revision r, json_each(r.content, '$.items') i"
            " WHERE trim(coalesce(json_extract(i.value, '$.discussion'), '')) <> ''").fetchone()[0],
        "papers with text": store.db.execute("SELECT count(*) FROM document_text WHERE text <> ''").fetchone()[0],
        "search entries": store.db.execute("SELECT count(*) FROM search_doc").fetchone()[0],
        "register entries": store.db.execute("SELECT count(*) FROM attendance").fetchone()[0],
        "members": len(store.members()),
        "current members": len(store.members(include_ended=False)),
        "history entries": len(store.history()),
    }
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return counts


WORDS = (
    "neglect exploitation domestic abuse strategy discussion conference plan review audit escalation threshold "
    "front door referral assessment health visitor school nurse police social care probation education housing "
    "mental health substance misuse parental capacity voice of the child early help multi-agency partnership "
    "executive subcommittee training workforce supervision caseload vacancy recruitment retention dataset "
    "indicator quarter exceptions tolerance target timeliness quality assurance learning practice review rapid "
    "national panel themes findings recommendations action plan progress challenge response evidence assurance "
    "safeguarding partners agencies contextual harm missing episodes return interviews exclusions attendance "
    "elective home education private fostering allegations designated officer LADO Section 11 self-assessment "
    "procedures protocol guidance Working Together thresholds document graded care profile chronology"
).split()
FILLER = "the of and to in for with on at by from that was were is are be this which as an a".split()


def _prose(rng: random.Random, words: int) -> str:
    out = []
    for n in range(words):
        out.append(rng.choice(WORDS) if rng.random() < 0.45 else rng.choice(FILLER))
        if n % 14 == 13:
            out[-1] += "."
    return " ".join(out).capitalize() + "."


def _paper_pdf(rng: random.Random, title: str, pages: int = 3) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        y = 790
        c.drawString(60, y, title)
        for _line in range(40):
            y -= 18
            c.drawString(60, y, _prose(rng, 14)[:95])
        c.showPage()
    c.save()
    return buf.getvalue()


def add_minutes_and_papers(store: Store, rng: random.Random, minuted_items: int, papers: int) -> None:
    """Agendas with written minutes (``minuted_items`` items with a discussion and most with decisions)
    across the held meetings, and ``papers`` papers with a PDF of three pages of text attached."""
    from mqp_desktop.domain.agenda import AgendaItem
    from mqp_desktop.domain.meetings import MeetingStatus
    from mqp_desktop.domain.minutes import Decision

    held = [m for m in store.meetings.list() if m.status is MeetingStatus.HELD]
    per_meeting = -(-minuted_items // len(held))
    done = 0
    item_ids: list[int] = []
    for meeting in held:
        if done >= minuted_items:
            break
        with store.write():
            ids = []
            for n in range(min(per_meeting, minuted_items - done)):
                item = store.agendas.add_item(AgendaItem(meeting_id=meeting.id, title=_prose(rng, 6)[:70],
                                                         notes=_prose(rng, 12) if n % 3 == 0 else ""))
                ids.append(item.id)
            minutes = store.minutes.draft(meeting.id)
            for entry in minutes.items:
                if entry.item_id in ids:
                    entry.discussion = "\n\n".join(_prose(rng, rng.randint(40, 90)) for _ in range(2))
                    entry.decisions = [Decision(_prose(rng, 15)) for _ in range(rng.randint(0, 2))]
            store.minutes.save_draft(meeting.id, minutes)
        done += len(ids)
        item_ids += ids
    for n, item_id in enumerate(rng.sample(item_ids, min(papers, len(item_ids)))):
        paper = store.agendas.request_paper(item_id, author_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                                            title=f"Paper {n + 1}: " + _prose(rng, 5)[:60])
        store.agendas.attach_content(paper.id, f"paper-{n + 1}.pdf", _paper_pdf(rng, paper.title))


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "big.sqlite")
    full = "--search" in sys.argv  # with 5,000 minuted items and 300 papers' text (benchmarks/bench_search.py)
    print(build(out, minuted_items=5000 if full else 0, papers=300 if full else 0))

"""Writers to kill: the fault-injection test's other process.

Run as ``python -m tests.helpers.fault_worker`` it is a *zygote*: it imports the program once,
then for each line ``run KIND DB JOURNAL FIRST`` read from stdin it forks a writer and prints the
writer's pid; ``reap PID`` waits for a killed writer. A writer opens the database and does the
operations of its kind one after another, numbered from FIRST, until it is killed; after each one
the store reported saved it appends the number to JOURNAL (one line, written straight to the file,
so it survives the kill of the process but not of the machine: this is the program's "saved").

Forking from a process that has already imported everything makes a writer start in milliseconds,
so the kills land during writes rather than during start-up.

Each kind is deterministic by operation number: :func:`expected` says what the database holds after
operation ``n``, so the checker can tell whether what was reported saved is still there.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The store's repositories load lazily: loaded here, once, so that a forked writer does not spend its
# first tenth of a second (much more on a busy machine) importing them where the kills should land.
import mqp_desktop.store.agendas  # noqa: F401
import mqp_desktop.store.meetings  # noqa: F401
import mqp_desktop.store.minutes  # noqa: F401
from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import Meeting, MeetingStatus
from mqp_desktop.store import Store
from mqp_desktop.store import backups as _backups  # noqa: F401 - imported once, before the writers are forked

Op = Callable[[Store, int, Path], None]
Observe = Callable[[Store], object]


def _first_named_member(store: Store):
    return next(m for m in store.members(include_ended=False) if m.name)


# --- the kinds -----------------------------------------------------------------------------------
def register_edit(store: Store, n: int, work: Path) -> None:
    member = _first_named_member(store)
    member.notes = f"fault edit {n}"
    store.update_member(member)


def register_observe(store: Store) -> object:
    return _first_named_member(store).notes


def register_expected(n: int) -> object:
    return f"fault edit {n}"


def import_apply(store: Store, n: int, work: Path) -> None:
    from mqp_desktop.exporters.register_import import apply_import, preview_import

    member = _first_named_member(store)
    agency = store.agency(member.agency_id)
    csv = work / f"import-{os.getpid()}.csv"
    csv.write_text(
        "Name,Role title,Agency,Email,Notes\n"
        f'"{member.name}","{member.role_title}","{agency.name}",{member.email},imported {n}\n',
        encoding="utf-8",
    )
    apply_import(store, preview_import(store, csv))


def import_observe(store: Store) -> object:
    return _first_named_member(store).notes


def import_expected(n: int) -> object:
    return f"imported {n}"


def _attendance_meeting(store: Store) -> Meeting:
    return next(m for m in store.meetings.list() if m.status is MeetingStatus.PLANNED)


_STATUSES = (AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)


def _attendance_plan(store: Store, n: int) -> dict[int, AttendanceStatus]:
    meeting = _attendance_meeting(store)
    ids = sorted(row.member.id for row in store.meetings.register(meeting.id))
    return {mid: _STATUSES[(n + k) % len(_STATUSES)] for k, mid in enumerate(ids)}


def attendance_record(store: Store, n: int, work: Path) -> None:
    meeting = _attendance_meeting(store)
    plan = _attendance_plan(store, n)
    store.meetings.record_many(meeting.id, {mid: (status, None, f"take {n}") for mid, status in plan.items()})


def attendance_observe(store: Store) -> object:
    meeting = _attendance_meeting(store)
    entries = store.meetings.entries(meeting.id)
    notes = {e.note for e in entries.values()}
    if len(notes) != 1:
        return ("mixed", sorted(notes))  # half a register saved: never expected
    (note,) = notes
    return note


def attendance_expected(n: int) -> object:
    return f"take {n}"


def _draft_meeting(store: Store) -> int:
    return next(m.id for m in store.meetings.list()
                if m.status is MeetingStatus.HELD and not store.minutes.is_locked(m.id))


def minutes_save(store: Store, n: int, work: Path) -> None:
    mid = _draft_meeting(store)
    minutes = store.minutes.draft(mid)
    for k, item in enumerate(minutes.items):
        item.discussion = f"save {n} item {k}"
    store.minutes.save_draft(mid, minutes)


def minutes_observe(store: Store) -> object:
    minutes = store.minutes.draft(_draft_meeting(store))
    texts = {item.discussion.split(" item ")[0] for item in minutes.items}
    return texts.pop() if len(texts) == 1 else ("mixed", sorted(texts))


def minutes_expected(n: int) -> object:
    return f"save {n}"


def autosave_keep(store: Store, n: int, work: Path) -> None:
    mid = _draft_meeting(store)
    minutes = store.minutes.draft(mid)
    minutes.items[0].discussion = f"typing {n}"
    store.minutes.autosave(mid, minutes)


def autosave_observe(store: Store) -> object:
    recovered = store.minutes.recovered(_draft_meeting(store))
    return recovered.items[0].discussion if recovered else None


def autosave_expected(n: int) -> object:
    return f"typing {n}"


SIGNOFF_DAY0 = dt.date(2001, 1, 1)


def signoff_sign(store: Store, n: int, work: Path) -> None:
    """A meeting of its own per operation: added, held, a draft saved, signed (four transactions)."""
    day = SIGNOFF_DAY0 + dt.timedelta(days=n)
    meeting = next((m for m in store.meetings.list() if m.date == day), None)
    if meeting is None:
        meeting = store.meetings.add(Meeting(date=day, venue="Fault room"))
    if not store.agendas.items(meeting.id):
        store.agendas.apply_standing_agenda(meeting.id)
    if meeting.status is MeetingStatus.PLANNED:
        meeting = store.meetings.mark_held(meeting.id)
    if store.minutes.is_locked(meeting.id):
        return
    minutes = store.minutes.draft(meeting.id)
    minutes.items[0].discussion = f"signed meeting {n}"
    store.minutes.save_draft(meeting.id, minutes)
    store.minutes.sign(meeting.id, "Dr Fault Tester", day)


def signoff_observe(store: Store) -> object:
    """The newest signed fault meeting's number (every signed one must still verify)."""
    newest = 0
    for m in store.meetings.list():
        if m.venue == "Fault room" and store.minutes.is_locked(m.id):
            result = store.minutes.verify(m.id)
            if not result.ok:
                return ("does not verify", m.id)
            newest = max(newest, (m.date - SIGNOFF_DAY0).days)
    return newest


def signoff_expected(n: int) -> object:
    return n


def _s11_return(store: Store):
    from mqp_desktop.store.section11 import Section11Repo

    s11 = Section11Repo(store)
    rnd = s11.latest_round()
    return s11, rnd, s11.returns(rnd.id)[0]


def s11_save(store: Store, n: int, work: Path) -> None:
    """Every standard of one Section 11 return rated at once (all or nothing), as a workbook import does."""
    from mqp_desktop.domain.section11 import Rating

    s11, rnd, ret = _s11_return(store)
    values = rnd.rating_scale.values
    ratings = [Rating(standard=std.number, self_value=values[(n + k) % len(values)], evidence=f"s11 {n}")
               for k, std in enumerate(rnd.standards)]
    s11.save_ratings(ret.id, ratings)


def s11_observe(store: Store) -> object:
    s11, rnd, ret = _s11_return(store)
    evidence = {r.evidence for r in s11.get_return(ret.id).ratings if not r.criterion}
    return evidence.pop() if len(evidence) == 1 else ("mixed", sorted(evidence))


def s11_expected(n: int) -> object:
    return f"s11 {n}"


BACKUP_DAY0 = dt.datetime(2001, 1, 1, 9, 0)


def backup_take(store: Store, n: int, work: Path) -> None:
    """A change, then an automatic backup with rotation (four a simulated day: rotation removes some)."""
    from mqp_desktop.domain.backups import BackupKind
    from mqp_desktop.store.backups import back_up

    member = _first_named_member(store)
    member.notes = f"backup {n}"
    store.update_member(member)
    back_up(store.db.conn, stem=Path(store.path).stem, folder=work / "backups", key=None,
            kind=BackupKind.AUTOMATIC, now=BACKUP_DAY0 + dt.timedelta(hours=6 * n), retention=(3, 2))


def backup_observe(store: Store) -> object:
    """The newest backup's note; every file named as a backup must pass integrity_check (never half a one)."""
    from mqp_desktop.store import sqlite
    from mqp_desktop.store.backups import integrity_problems, list_backups

    backups = list_backups(Path(store.path).parent / "backups", Path(store.path).stem)
    for path, _name in backups:
        problems = integrity_problems(path, None)
        if problems:
            return ("a damaged backup looks whole", path.name, problems[:1])
    if not backups:
        return None
    conn = sqlite.connect(str(backups[0][0]), read_only=True)
    try:
        notes = {row[0] for row in conn.execute("SELECT notes FROM member WHERE notes LIKE 'backup %'")}
    finally:
        conn.close()
    return notes.pop() if len(notes) == 1 else ("mixed", sorted(notes))


def backup_expected(n: int) -> object:
    return f"backup {n}"


@dataclass(frozen=True)
class Kind:
    op: Op
    observe: Observe
    expected: Callable[[int], object]


KINDS: dict[str, Kind] = {
    "register": Kind(register_edit, register_observe, register_expected),
    "import": Kind(import_apply, import_observe, import_expected),
    "attendance": Kind(attendance_record, attendance_observe, attendance_expected),
    "minutes": Kind(minutes_save, minutes_observe, minutes_expected),
    "autosave": Kind(autosave_keep, autosave_observe, autosave_expected),
    "signoff": Kind(signoff_sign, signoff_observe, signoff_expected),
    "section11": Kind(s11_save, s11_observe, s11_expected),
    "backup": Kind(backup_take, backup_observe, backup_expected),
}


# --- the processes ---------------------------------------------------------------------------------
def writer(kind: str, db: Path, journal: Path, first: int) -> None:
    """Do operations first, first+1, ... until killed, journalling each one the store saved."""
    spec = KINDS[kind]
    fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    store = Store.open(db, create=False)
    n = first
    while True:
        spec.op(store, n, journal.parent)
        os.write(fd, f"{n}\n".encode())
        n += 1


def zygote() -> None:
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "run":
            _, kind, db, journal, first = parts
            pid = os.fork()
            if pid == 0:  # the writer
                try:
                    writer(kind, Path(db), Path(journal), int(first))
                except BaseException as exc:  # a writer must never stop by itself: say why it did
                    Path(journal).with_suffix(".error").write_text(f"{type(exc).__name__}: {exc}")
                finally:
                    os._exit(3)
            print(pid, flush=True)
        elif parts[0] == "reap":
            _, status = os.waitpid(int(parts[1]), 0)
            print(status, flush=True)


if __name__ == "__main__":
    zygote()

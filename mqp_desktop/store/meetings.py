"""Meetings, attendance registers, guests and the chair's decision, in the database.

Use through ``store.meetings`` (a :class:`MeetingRepo`). Every write is one
transaction recorded in the change history, like the register's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.attendance_report import AttendanceReport, attendance_report
from mqp_desktop.domain.meetings import (
    AttendanceEntry,
    ChairDecision,
    Guest,
    Meeting,
    MeetingKind,
    MeetingQuorum,
    MeetingStatus,
    MeetingSummary,
    RegisterRow,
    WaitingItem,
    expand_waiting,
    expected_members,
    items_waiting_for,
    meeting_quorum,
    quorum_column,
    read_quorum_column,
    register_rows,
    validate_meeting,
)
from mqp_desktop.domain.schedule import generate_series
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.store import _plain, changes

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

MEETING_LABELS = {
    "start_time": "start time",
    "end_time": "end time",
    "online_link": "online link",
    "replaces_id": "replaces meeting",
    "chair_decision": "chair's decision",
    "chair_decision_note": "chair's note",
    "kind": "kind of meeting",
}

MEETING_FIELDS = (
    "date",
    "start_time",
    "end_time",
    "venue",
    "online_link",
    "kind",
    "status",
    "replaces_id",
    "quorum_rule",
    "chair_decision",
    "chair_decision_note",
    "notes",
)


# What signed minutes lock (store/migrations.py 0008), in words for the refusal.
LOCKED_FIELDS = {
    "date": "date", "start_time": "start time", "end_time": "end time", "venue": "venue",
    "online_link": "online link", "kind": "kind", "status": "status", "quorum_rule": "quorum rule (and items waiting)",
    "chair_decision": "chair's decision on quorum", "chair_decision_note": "chair's note on quorum",
}


def _values(m: Meeting) -> dict[str, Any]:
    return {
        "date": m.date.isoformat(),
        "start_time": m.start_time,
        "end_time": m.end_time,
        "venue": m.venue,
        "online_link": m.online_link,
        "kind": MeetingKind(m.kind).value,
        "status": MeetingStatus(m.status).value,
        "replaces_id": m.replaces_id,
        "quorum_rule": quorum_column(m.quorum_rule, m.items_waiting),
        "chair_decision": ChairDecision(m.chair_decision).value if m.chair_decision else None,
        "chair_decision_note": m.chair_decision_note or "",
        "notes": m.notes or "",
    }


def _meeting(row: Mapping[str, Any]) -> Meeting:
    rule, waiting = read_quorum_column(row["quorum_rule"])
    return Meeting(
        id=row["id"],
        date=dt.date.fromisoformat(row["date"]),
        start_time=row["start_time"],
        end_time=row["end_time"],
        venue=row["venue"],
        online_link=row["online_link"],
        kind=MeetingKind(row["kind"]),
        status=MeetingStatus(row["status"]),
        replaces_id=row["replaces_id"],
        quorum_rule=rule,
        chair_decision=ChairDecision(row["chair_decision"]) if row["chair_decision"] else None,
        chair_decision_note=row["chair_decision_note"],
        notes=row["notes"],
        row_version=row["row_version"],
        items_waiting=waiting,
    )


def _in_sentence(title: str) -> str:
    """'Meeting of 14 April 2026' as it reads after 'The': 'meeting of 14 April 2026'."""
    return title[:1].lower() + title[1:]


class MeetingRepo:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # --- reading ---------------------------------------------------------------------------
    def list(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        include_cancelled: bool = True,
    ) -> list[Meeting]:
        where, args = [], []
        if start:
            where.append("date >= ?")
            args.append(start.isoformat())
        if end:
            where.append("date <= ?")
            args.append(end.isoformat())
        if not include_cancelled:
            where.append("status <> 'cancelled'")
        sql = "SELECT * FROM meeting" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY date, start_time, id"
        return self.store.shared_read(("meetings", sql, *args),
                                      lambda: [_meeting(r) for r in self.db.query(sql, args)])

    def get(self, meeting_id: int) -> Meeting:
        rows = list(self.db.query("SELECT * FROM meeting WHERE id = ?", [meeting_id]))
        if not rows:
            raise RecordNotFound(f"There is no meeting with id {meeting_id}.", "List them with 'mqp meetings list'.")
        return _meeting(rows[0])

    def next_meeting(self, today: dt.date | None = None) -> Meeting | None:
        today = today or dt.date.today()
        rows = list(
            self.db.query(
                "SELECT * FROM meeting WHERE date >= ? AND status = 'planned' ORDER BY date, start_time LIMIT 1",
                [today.isoformat()],
            )
        )
        return _meeting(rows[0]) if rows else None

    def entries(self, meeting_id: int) -> dict[int, AttendanceEntry]:
        return {
            r["member_id"]: AttendanceEntry(
                member_id=r["member_id"],
                status=AttendanceStatus(r["status"]),
                deputy_name=r["deputy_name"],
                note=r["note"],
                row_version=r["row_version"],
            )
            for r in self.db.query("SELECT * FROM attendance WHERE meeting_id = ?", [meeting_id])
        }

    def all_entries(self, meeting_ids: Iterable[int] | None = None) -> dict[int, dict[int, AttendanceEntry]]:
        out: dict[int, dict[int, AttendanceEntry]] = {}
        wanted = set(meeting_ids) if meeting_ids is not None else None
        for r in self.db.query("SELECT * FROM attendance ORDER BY meeting_id"):
            if wanted is not None and r["meeting_id"] not in wanted:
                continue
            out.setdefault(r["meeting_id"], {})[r["member_id"]] = AttendanceEntry(
                member_id=r["member_id"],
                status=AttendanceStatus(r["status"]),
                deputy_name=r["deputy_name"],
                note=r["note"],
                row_version=r["row_version"],
            )
        return out

    def guests(self, meeting_id: int) -> list[Guest]:
        return [
            Guest(id=r["id"], name=r["name"], organisation=r["organisation"], item=r["item"])
            for r in self.db.query("SELECT * FROM guest WHERE meeting_id = ? AND removed = 0 ORDER BY id", [meeting_id])
        ]

    def register(self, meeting_id: int) -> list[RegisterRow]:
        meeting = self.get(meeting_id)
        return register_rows(meeting, self.store.agencies(), self.store.members(), self.entries(meeting_id))

    def quorum(self, meeting_id: int) -> MeetingQuorum:
        meeting = self.get(meeting_id)
        return meeting_quorum(
            meeting,
            self.store.subcommittee().quorum_rule,
            self.store.agencies(),
            self.store.members(),
            self.entries(meeting_id),
        )

    def items_waiting_for(self, meeting_id: int) -> list[WaitingItem]:
        """The items earlier inquorate meetings left waiting, listed for this meeting (see
        ``domain.meetings.items_waiting_for``): those since the last quorate meeting before it."""
        meeting = self.get(meeting_id)
        meetings = self.list()
        if not any(m.items_waiting for m in meetings if m.date <= meeting.date):
            return []
        summaries = {s.meeting.id: s.quorate for s in self.summaries()}
        lines = {m.id: self.store.agendas.agenda(m.id).lines for m in meetings if m.items_waiting}
        return items_waiting_for(meeting, meetings, summaries, lines)

    def summaries(self, today: dt.date | None = None) -> list[MeetingSummary]:
        """Every meeting with its register's progress and quorum (for the meetings table)."""
        meetings = self.list()
        members = self.store.members()
        agencies = self.store.agencies()
        rule = self.store.subcommittee().quorum_rule
        entries = self.all_entries()
        replaced_by: dict[int, list[int]] = {}
        for m in meetings:
            if m.replaces_id:
                replaced_by.setdefault(m.replaces_id, []).append(m.id)
        out = []
        for m in meetings:
            register = entries.get(m.id, {})
            q = meeting_quorum(m, rule, agencies, members, register) if register else None
            out.append(
                MeetingSummary(
                    meeting=m,
                    expected=len(expected_members(members, m.date)),
                    recorded=len(register),
                    quorate=q.result.quorate if q else None,
                    replaced_by=replaced_by.get(m.id, []),
                    quorum_set=(m.quorum_rule or rule).quorum_set,
                )
            )
        return out

    def report(
        self, start: dt.date, end: dt.date, *, standard: int | None = None
    ) -> AttendanceReport:
        sc = self.store.subcommittee()
        meetings = self.list(start=start, end=end)
        return attendance_report(
            meetings,
            self.all_entries(m.id for m in meetings),
            self.store.agencies(),
            self.store.members(),
            start=start,
            end=end,
            standard=sc.attendance_standard if standard is None else standard,
            deputy_counts_for_member=sc.deputy_counts_for_member,
        )

    # --- writing meetings ------------------------------------------------------------------
    def _sc_id(self) -> int:
        return self.store._subcommittee_id()

    def add(self, meeting: Meeting, *, action: str = "added") -> Meeting:
        meeting = validate_meeting(dataclasses.replace(meeting, id=None))
        if meeting.replaces_id is not None:
            self.get(meeting.replaces_id)
        values = _values(meeting)
        values["subcommittee_id"] = self._sc_id()
        with self.store.write():
            meeting.id = self.store.insert("meeting", values)
            self.store.record(
                "meeting",
                meeting.id,
                action,
                f"Meeting {action}: {meeting.title}",
                {k: [None, v] for k, v in values.items() if k != "subcommittee_id" and v not in (None, "")},
            )
        meeting.row_version = 1
        return meeting

    def update(self, meeting: Meeting, *, action: str = "edited") -> Meeting:
        """Save a meeting as edited. ``meeting.row_version`` is the version it was read at: a meeting
        saved since by someone else is refused with :class:`~mqp_desktop.store.errors.EditConflict`."""
        if meeting.id is None:
            raise ValueError("update needs a saved meeting")
        read = self.store.require_version(meeting, "meetings.update")
        meeting = validate_meeting(dataclasses.replace(meeting))
        with self.store.write():
            old = self.get(meeting.id)
            before, after = _values(old), _values(meeting)
            diff = changes(before, after)
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.store.edit_conflict(
                    f"the {_in_sentence(old.title)}", entity="meeting", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, labels=MEETING_LABELS,
                    yours_record=meeting, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(meeting, row_version=old.row_version)
            locked = [LOCKED_FIELDS[k] for k in diff if k in LOCKED_FIELDS]
            if locked:
                words = ", ".join(locked[:-1]) + " and " + locked[-1] if len(locked) > 1 else locked[0]
                self.store.minutes.require_meeting_unlocked(meeting.id, f"the meeting's {words}")
            version = self.store.update("meeting", meeting.id, diff, version=read)
            self.store.record("meeting", meeting.id, action, f"Meeting {action}: {meeting.title}", diff)
        return dataclasses.replace(meeting, row_version=version)

    def schedule(
        self,
        first: dt.date,
        count: int,
        *,
        template: Meeting | None = None,
        holidays=None,
    ) -> list[Meeting]:
        """Plan ``count`` ordinary meetings at the subcommittee's frequency, in one transaction."""
        sc = self.store.subcommittee()
        kwargs = {} if holidays is None else {"holidays": holidays}
        dates = generate_series(first, count, sc.frequency_interval, sc.frequency_unit, **kwargs)
        base = template or Meeting(date=first)
        with self.store.write():
            return [
                self.add(dataclasses.replace(base, id=None, date=day, kind=MeetingKind.ORDINARY,
                                             status=MeetingStatus.PLANNED), action="planned")
                for day in dates
            ]

    def _as_seen(self, meeting_id: int, seen: Meeting | None) -> Meeting:
        """The meeting an action starts from: as the officer saw it (its version is checked when
        saved), or as stored now. Call inside a write."""
        if seen is not None:
            if seen.id != meeting_id:
                raise ValueError("seen is another meeting")
            return dataclasses.replace(seen)
        return self.get(meeting_id)

    def cancel(self, meeting_id: int, reason: str = "", *, seen: Meeting | None = None) -> Meeting:
        """Cancel a planned meeting. ``seen``: the meeting as the officer saw it (refused if it was
        changed since); without it, as stored now, read and written in one transaction."""
        with self.store.write():
            meeting = self._as_seen(meeting_id, seen)
            if meeting.status is not MeetingStatus.PLANNED:
                raise ValidationError("status", f"The {_in_sentence(meeting.title)} is {meeting.status.value}; only a planned meeting can be cancelled.")
            meeting.status = MeetingStatus.CANCELLED
            if reason:
                meeting.notes = (meeting.notes + "\n" if meeting.notes else "") + f"Cancelled: {reason}"
            return self.update(meeting, action="cancelled")

    def mark_held(self, meeting_id: int, *, seen: Meeting | None = None) -> Meeting:
        """The meeting took place: its quorum rule is fixed as the one in force now (``seen`` as for cancel)."""
        with self.store.write():
            meeting = self._as_seen(meeting_id, seen)
            if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.RECONVENED):
                raise ValidationError(
                    "status", f"The {_in_sentence(meeting.title)} was {meeting.status.value}, so it cannot be marked held."
                )
            if meeting.date > dt.date.today():
                raise ValidationError(
                    "status", f"The {_in_sentence(meeting.title)} is still to come: mark it held on or after the day."
                )
            meeting.status = MeetingStatus.HELD
            meeting.quorum_rule = meeting.quorum_rule or self.store.subcommittee().quorum_rule
            return self.update(meeting, action="held")

    def record_decision(
        self, meeting_id: int, decision: ChairDecision | str, note: str = "", *, seen: Meeting | None = None,
        items_waiting: Iterable[int] = (),
    ) -> Meeting:
        """The chair's decision on an inquorate meeting (ToR 3): proceed, or reconvene (``seen`` as for cancel).

        ``items_waiting``: with proceed, the agenda items that wait for a quorate meeting (a top-level
        item waits with its sub-items); the others proceed. A new decision replaces the list."""
        with self.store.write():
            meeting = self._as_seen(meeting_id, seen)
            if meeting.date > dt.date.today():
                # ToR 3: the chair decides at the meeting, when it is found not quorate; apologies taken in
                # advance do not make a meeting inquorate, and a decision would have marked it held (issue 14)
                raise ValidationError(
                    "chair_decision",
                    f"The meeting is on {meeting.date.day} {meeting.date:%B %Y}: the chair decides whether to "
                    "proceed or reconvene at the meeting, when it is not quorate (ToR 3), not before it.")
            q = self.quorum(meeting_id)
            if q.result.quorate:
                raise ValidationError("chair_decision", "The meeting is quorate, so there is no decision for the chair to record.")
            decision = ChairDecision(decision)
            if decision is ChairDecision.PROCEED and not (meeting.quorum_rule or self.store.subcommittee().quorum_rule).chair_may_proceed:
                raise ValidationError(
                    "chair_decision",
                    "The quorum rule says an inquorate meeting must be reconvened: the chair cannot decide to proceed.",
                )
            waiting = tuple(items_waiting)
            if waiting and decision is not ChairDecision.PROCEED:
                raise ValidationError("items_waiting", "Only a decision to proceed names items that wait: a reconvened "
                                                       "meeting takes them all later.")
            lines = self.store.agendas.agenda(meeting_id).lines
            waiting = expand_waiting(lines, waiting)
            if waiting and len(waiting) == len(lines):
                raise ValidationError("items_waiting", "Every item would wait: that is a decision to reconvene.")
            meeting.chair_decision = decision
            meeting.chair_decision_note = note.strip()
            meeting.items_waiting = waiting
            meeting.quorum_rule = meeting.quorum_rule or self.store.subcommittee().quorum_rule
            if decision is ChairDecision.RECONVENE:
                meeting.status = MeetingStatus.RECONVENED
            elif meeting.status is MeetingStatus.PLANNED:
                meeting.status = MeetingStatus.HELD
            return self.update(meeting, action=f"chair decided to {decision.value}")

    def reconvene(self, meeting_id: int, new_date: dt.date, **changes: Any) -> Meeting:
        """Plan the meeting that replaces an inquorate one the chair reconvened (a new meeting: nothing
        of the old one is overwritten)."""
        with self.store.write():
            old = self.get(meeting_id)
            if old.status is not MeetingStatus.RECONVENED:
                raise ValidationError("status", f"The {_in_sentence(old.title)} was not reconvened by the chair.")
            new = dataclasses.replace(
                old, id=None, date=new_date, status=MeetingStatus.PLANNED, replaces_id=old.id,
                quorum_rule=None, chair_decision=None, chair_decision_note="", notes="", items_waiting=(), **changes,
            )
            return self.add(new, action="reconvened")

    # --- the register ----------------------------------------------------------------------
    def record_attendance(
        self,
        meeting_id: int,
        member_id: int,
        status: AttendanceStatus | str | None,
        *,
        deputy_name: str | None = None,
        note: str = "",
    ) -> AttendanceEntry | None:
        """Set (or with ``status=None`` clear) one member's entry in a meeting's register."""
        return self.record_many(meeting_id, {member_id: (status, deputy_name, note)})[0]

    def record_many(
        self,
        meeting_id: int,
        changes: Mapping[int, tuple[AttendanceStatus | str | None, str | None, str]],
        *,
        seen: Mapping[int, AttendanceEntry | None] | None = None,
        expect: Mapping[int, AttendanceEntry | None] | None = None,
    ) -> list[AttendanceEntry | None]:
        """Several register entries in one transaction (e.g. 'mark everyone present').

        ``seen``: member id -> the entry as the officer saw it (None: no entry yet). An entry
        changed since (by another copy of the program, or the command line) refuses the whole
        change with :class:`~mqp_desktop.store.errors.EditConflict`, so "everyone else present"
        never overwrites apologies recorded meanwhile. Without ``seen``, the entries are read and
        written in one transaction. ``expect`` (an undo or redo): the entries as the change being
        undone left them; compared by what they say (not their versions, which later undos of the
        same entry raise), so an entry someone else changed since is refused the same way.
        """
        results: list[AttendanceEntry | None] = []
        with self.store.write() as db:
            meeting = self.get(meeting_id)
            if meeting.status is MeetingStatus.CANCELLED:
                raise ValidationError("status", f"The {_in_sentence(meeting.title)} was cancelled: it has no register.")
            self.store.minutes.require_meeting_unlocked(meeting_id, "its attendance register")
            expected = {m.id: m for m in expected_members(self.store.members(), meeting.date)}
            current = self.entries(meeting_id)
            for member_id, (status, deputy_name, note) in changes.items():
                member = expected.get(member_id)
                if member is None:
                    raise ValidationError(
                        "member_id",
                        f"Member {member_id} was not a member on {meeting.date:%d/%m/%Y}, so is not on this register.",
                    )
                old = current.get(member_id)
                if seen is not None and member_id in seen:
                    self._check_entry(meeting, member, seen[member_id], old, status, deputy_name)
                if expect is not None and member_id in expect:
                    self._check_entry(meeting, member, expect[member_id], old, status, deputy_name,
                                      content_only=True)
                if status is None:
                    if old is not None:
                        db.execute("DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?", [meeting_id, member_id])
                        self.store.record("attendance", meeting_id, "cleared", f"Register: {member.name} cleared",
                                          {"member_id": [member_id, member_id], "status": [old.status.value, None]})
                    results.append(None)
                    continue
                status = AttendanceStatus(status)
                if status is AttendanceStatus.DEPUTY:
                    deputy = (deputy_name if deputy_name is not None else (old.deputy_name if old else "")) or member.deputy_name
                    if not deputy.strip():
                        raise ValidationError("deputy_name", f"Name the deputy who attended for {member.name}.")
                else:
                    deputy = ""
                entry = AttendanceEntry(member_id, status, deputy.strip(), (note or "").strip())
                if old == entry:
                    entry.row_version = old.row_version
                    results.append(entry)
                    continue
                db.execute(
                    "INSERT INTO attendance (meeting_id, member_id, status, deputy_name, note) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (meeting_id, member_id) DO UPDATE SET status = excluded.status,"
                    " deputy_name = excluded.deputy_name, note = excluded.note, row_version = row_version + 1",
                    [meeting_id, member_id, entry.status.value, entry.deputy_name, entry.note],
                )
                entry.row_version = (old.row_version or 0) + 1 if old is not None else 1
                diff = {"member_id": [member_id, member_id], "status": [old.status.value if old else None, entry.status.value]}
                if (old.deputy_name if old else "") != entry.deputy_name:
                    diff["deputy_name"] = [old.deputy_name if old else "", entry.deputy_name]
                self.store.record(
                    "attendance", meeting_id, "recorded", f"Register: {member.name} — {entry.status.value}"
                    + (f" ({entry.deputy_name})" if entry.deputy_name else ""), diff,
                )
                results.append(entry)
        return results

    def _check_entry(self, meeting: Meeting, member, seen: AttendanceEntry | None, stored: AttendanceEntry | None,
                     status: Any, deputy_name: str | None, *, content_only: bool = False) -> None:
        """Refuse a register change made on an entry that was changed since the officer saw it.

        A cleared entry is deleted, so a later one starts again at version 1: the entries'
        content is compared as well as their versions."""
        if seen is None and stored is None:
            return
        if seen is not None and stored is not None and seen == stored and (
                content_only or seen.row_version == stored.row_version):
            return

        def values(entry: AttendanceEntry | None, status_value: Any = None, deputy: str | None = None) -> dict[str, Any]:
            if entry is None and status_value is None:
                return {"status": None, "deputy_name": ""}
            return {"status": _plain(status_value if status_value is not None else entry.status),
                    "deputy_name": deputy if deputy is not None else (entry.deputy_name if entry else "")}

        yours = values(None, status, deputy_name or "") if status is not None else values(None)
        raise self.store.edit_conflict(
            f"{member.display_name}'s entry in the register of the {_in_sentence(meeting.title)}",
            entity="attendance", entity_id=meeting.id,
            read_version=seen.row_version if seen else None, stored_version=stored.row_version if stored else None,
            yours=yours, stored=values(stored), labels={"status": "attendance", "deputy_name": "deputy"},
            yours_record=seen, stored_record=stored,
            match=lambda c: (c.changes.get("member_id") or [None])[0] == member.id,
        )

    def add_guest(self, meeting_id: int, guest: Guest) -> Guest:
        self.get(meeting_id)
        self.store.minutes.require_meeting_unlocked(meeting_id, "the list of those in attendance")
        name = (guest.name or "").strip()
        if not name:
            raise ValidationError("name", "Enter the guest's name.")
        guest = dataclasses.replace(guest, name=name, organisation=guest.organisation.strip(), item=guest.item.strip())
        with self.store.write() as db:
            cur = db.execute(
                "INSERT INTO guest (meeting_id, name, organisation, item) VALUES (?, ?, ?, ?)",
                [meeting_id, guest.name, guest.organisation, guest.item],
            )
            guest.id = cur.lastrowid
            self.store.record("guest", guest.id, "added", f"In attendance: {guest.name}"
                              + (f" ({guest.organisation})" if guest.organisation else ""),
                              {"meeting_id": [None, meeting_id], "name": [None, guest.name]})
        return guest

    def remove_guest(self, guest_id: int) -> None:
        with self.store.write() as db:
            row = db.execute("SELECT name, meeting_id FROM guest WHERE id = ? AND removed = 0", [guest_id]).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no guest with id {guest_id}.")
            self.store.minutes.require_meeting_unlocked(row[1], "the list of those in attendance")
            db.execute("UPDATE guest SET removed = 1 WHERE id = ?", [guest_id])
            self.store.record("guest", guest_id, "removed", f"In attendance: {row[0]} removed", {"removed": [0, 1]})

"""The meeting's record that signed minutes cover: no Qt, no SQL.

Signed minutes lock the meeting they record (``store/migrations.py`` 0008): its
date, times, venue, kind, status, the quorum rule fixed for it and the chair's
decision (with the agenda items it left waiting for a quorate meeting); its
register; its guests; its agenda. :class:`MeetingRecord` is those
facts as the minutes show them, taken from the database when the minutes are
assembled and kept in the minutes' content (``Minutes.record``, content version
2), so the chair signs them with the minutes and ``verify`` can compare what was
signed with what the database holds now (:func:`record_differences`, in words).

Members are named by id here (a member's name may be corrected later without
touching the meeting); the minutes' text holds the names as they were.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mqp_desktop.domain.agenda import AgendaLine
    from mqp_desktop.domain.meetings import AttendanceEntry, Guest, Meeting


@dataclass
class RecordMeeting:
    """The meeting's own details, as stored."""

    date: dt.date
    start_time: str = ""
    end_time: str = ""
    venue: str = ""
    online_link: str = ""
    kind: str = "ordinary"
    status: str = "held"
    quorum_rule: str = ""
    """The quorum rule fixed for the meeting (its stored JSON), '' when none was fixed."""
    chair_decision: str | None = None
    chair_decision_note: str = ""
    items_waiting: list[int] = field(default_factory=list)
    """Agenda items (ids) the chair's decision to proceed left waiting for a quorate meeting; a record
    signed before decisions could name items has none, as a meeting then had none."""


@dataclass
class RecordEntry:
    """One line of the attendance register."""

    member_id: int
    status: str
    deputy_name: str = ""


@dataclass
class RecordGuest:
    guest_id: int
    name: str
    organisation: str = ""
    item: str = ""


@dataclass
class RecordItem:
    """An agenda item as the minutes number and head it."""

    item_id: int
    number: str
    title: str
    presenter_member_id: int | None = None
    presenter_name: str = ""
    purpose: str | None = None
    standing: str = "none"


@dataclass
class MeetingRecord:
    meeting: RecordMeeting
    register: list[RecordEntry] = field(default_factory=list)
    """By member id."""
    guests: list[RecordGuest] = field(default_factory=list)
    """Those in attendance (removed ones left out), by id."""
    agenda: list[RecordItem] = field(default_factory=list)
    """The live items, in agenda order."""


def meeting_record(
    meeting: Meeting,
    entries: Iterable[AttendanceEntry],
    guests: Iterable[Guest],
    lines: Sequence[AgendaLine],
) -> MeetingRecord:
    """The record of ``meeting`` from its stored register entries, guests and agenda lines."""
    return MeetingRecord(
        meeting=RecordMeeting(
            date=meeting.date, start_time=meeting.start_time, end_time=meeting.end_time, venue=meeting.venue,
            online_link=meeting.online_link, kind=meeting.kind.value, status=meeting.status.value,
            quorum_rule=meeting.quorum_rule.to_json() if meeting.quorum_rule else "",
            chair_decision=meeting.chair_decision.value if meeting.chair_decision else None,
            chair_decision_note=meeting.chair_decision_note,
            items_waiting=list(meeting.items_waiting),
        ),
        register=sorted((RecordEntry(e.member_id, e.status.value, e.deputy_name) for e in entries),
                        key=lambda e: e.member_id),
        guests=sorted((RecordGuest(g.id or 0, g.name, g.organisation, g.item) for g in guests),
                      key=lambda g: g.guest_id),
        agenda=[RecordItem(
            item_id=line.item.id or 0, number=line.number, title=line.item.title,
            presenter_member_id=line.item.presenter_member_id, presenter_name=line.item.presenter_name,
            purpose=line.item.purpose.value if line.item.purpose else None, standing=line.item.standing.value,
        ) for line in lines],
    )


# --- what changed, in words --------------------------------------------------------------------

MEETING_LABELS = {
    "date": "the meeting's date",
    "start_time": "its start time",
    "end_time": "its end time",
    "venue": "its venue",
    "online_link": "its online link",
    "kind": "its kind",
    "status": "its status",
    "quorum_rule": "the quorum rule fixed for it",
    "chair_decision": "the chair's decision on quorum",
    "chair_decision_note": "the chair's note on that decision",
    "items_waiting": "the agenda items the chair's decision left waiting",
}


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "none"
    if isinstance(value, dt.date):
        return f"{value.day} {value:%b %Y}"
    if isinstance(value, list):
        return "items " + ", ".join(str(v) for v in value) if value else "none"
    return f"'{value}'"


def _changes(old: Any, new: Any, skip: tuple[str, ...] = ()) -> list[str]:
    return [f"{f.name.replace('_', ' ')} {_shown(getattr(old, f.name))} -> {_shown(getattr(new, f.name))}"
            for f in fields(old) if f.name not in skip and getattr(old, f.name) != getattr(new, f.name)]


def record_differences(signed: MeetingRecord, live: MeetingRecord,
                       member_names: Mapping[int, str] | None = None) -> list[str]:
    """Each difference between the record as signed and as the database holds it now, in words
    ("register: Person 03 (member 12): status 'present' -> 'apologies sent'"); [] when equal."""
    names = member_names or {}
    out: list[str] = []
    for f in fields(signed.meeting):
        old, new = getattr(signed.meeting, f.name), getattr(live.meeting, f.name)
        if old != new:
            out.append(f"{MEETING_LABELS.get(f.name, f.name)}: {_shown(old)} when signed, now {_shown(new)}")

    def who(member_id: int) -> str:
        return f"{names[member_id]} (member {member_id})" if member_id in names else f"member {member_id}"

    was = {e.member_id: e for e in signed.register}
    now = {e.member_id: e for e in live.register}
    for member_id in sorted(was.keys() | now.keys()):
        a, b = was.get(member_id), now.get(member_id)
        if a is None:
            out.append(f"register: {who(member_id)}: entry '{b.status}' added since signing")
        elif b is None:
            out.append(f"register: {who(member_id)}: '{a.status}' when signed, now no entry")
        elif a != b:
            out.append(f"register: {who(member_id)}: " + "; ".join(_changes(a, b, ("member_id",))))

    was_g = {g.guest_id: g for g in signed.guests}
    now_g = {g.guest_id: g for g in live.guests}
    for guest_id in sorted(was_g.keys() | now_g.keys()):
        a, b = was_g.get(guest_id), now_g.get(guest_id)
        if a is None:
            out.append(f"guests: '{b.name}' added since signing")
        elif b is None:
            out.append(f"guests: '{a.name}' removed since signing")
        elif a != b:
            out.append(f"guests: '{a.name}': " + "; ".join(_changes(a, b, ("guest_id",))))

    was_i = {i.item_id: i for i in signed.agenda}
    now_i = {i.item_id: i for i in live.agenda}
    for item_id in [i.item_id for i in signed.agenda] + [i for i in now_i if i not in was_i]:
        a, b = was_i.get(item_id), now_i.get(item_id)
        if a is None:
            out.append(f"agenda: item {b.number} '{b.title}' added since signing")
        elif b is None:
            out.append(f"agenda: item {a.number} '{a.title}' removed since signing")
        elif a != b:
            out.append(f"agenda: item {a.number} '{a.title}': " + "; ".join(_changes(a, b, ("item_id",))))
    return out

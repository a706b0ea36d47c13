"""Meetings and their attendance registers (ToR 3, 5).

A meeting is ordinary (in the bi-monthly series) or extraordinary. Its
status moves planned -> held, or planned -> cancelled; an inquorate meeting
the chair decides to reconvene is marked ``reconvened`` and a new meeting
links back to it with ``replaces_id``.

The chair's decision to proceed may name agenda items that **wait** for a
quorate meeting (``Meeting.items_waiting``): the others proceed. The items that
waited are listed for the next quorate meeting (:func:`items_waiting_for`).
They are kept with the quorum fixed for the meeting (:func:`quorum_column`), so
signing the minutes locks them with it and an earlier version of the program,
which ignores the key, reads the rule unchanged.

The register of a meeting lists every member in post on the meeting's date
(not vacant seats, not those who ended before it or joined after), once each,
with a status. Guests ("in attendance") are listed apart and never count.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.quorum import QuorumResult, QuorumRule, evaluate_quorum
from mqp_desktop.domain.validation import ValidationError, clean_line

if TYPE_CHECKING:
    from mqp_desktop.domain.agenda import AgendaLine


class MeetingKind(StrEnum):
    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    RECONVENED = "reconvened"
    """It met, was not quorate, and the chair decided to reconvene it on another date."""

    @property
    def counts_for_attendance(self) -> bool:
        """Meetings whose registers count in attendance rates (not cancelled or merely planned)."""
        return self in (MeetingStatus.HELD, MeetingStatus.RECONVENED)


class ChairDecision(StrEnum):
    PROCEED = "proceed"
    RECONVENE = "reconvene"


def parse_time(value: str, field: str = "start_time") -> str:
    """'9:30', '09:30', '0930', '2pm', '2.30pm' -> 'HH:MM' (24-hour); '' stays ''."""
    text = (value or "").strip().lower().replace(".", ":")
    if not text:
        return ""
    suffix = ""
    if text.endswith(("am", "pm")):
        text, suffix = text[:-2].strip(), text[-2:]
    if ":" in text:
        hours, _, minutes = text.partition(":")
    elif len(text) in (3, 4) and text.isdigit():
        hours, minutes = text[:-2], text[-2:]
    else:
        hours, minutes = text, "00"
    try:
        h, m = int(hours), int(minutes)
    except ValueError:
        raise ValidationError(field, f"'{value}' is not a time: write it as 09:30 or 2:30pm.") from None
    if suffix == "pm" and h < 12:
        h += 12
    if suffix == "am" and h == 12:
        h = 0
    if not (0 <= h < 24 and 0 <= m < 60) or (suffix and not 1 <= int(hours) <= 12):
        raise ValidationError(field, f"'{value}' is not a time: write it as 09:30 or 2:30pm.")
    return f"{h:02d}:{m:02d}"


@dataclass
class Meeting:
    date: dt.date
    start_time: str = "10:00"
    end_time: str = "12:00"
    venue: str = ""
    online_link: str = ""
    kind: MeetingKind = MeetingKind.ORDINARY
    status: MeetingStatus = MeetingStatus.PLANNED
    replaces_id: int | None = None
    quorum_rule: QuorumRule | None = None
    """The rule in force when the meeting was held (None while planned: the subcommittee's)."""
    chair_decision: ChairDecision | None = None
    chair_decision_note: str = ""
    notes: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)
    items_waiting: tuple[int, ...] = ()
    """Agenda items the chair's decision to proceed left waiting for a quorate meeting (ids)."""

    @property
    def title(self) -> str:
        kind = "Extraordinary meeting" if self.kind is MeetingKind.EXTRAORDINARY else "Meeting"
        return f"{kind} of {self.date:%d %B %Y}".replace(" 0", " ")

    @property
    def where(self) -> str:
        return " · ".join(p for p in (self.venue, self.online_link) if p)


def validate_meeting(meeting: Meeting) -> Meeting:
    meeting.start_time = parse_time(meeting.start_time, "start_time")
    meeting.end_time = parse_time(meeting.end_time, "end_time")
    if meeting.start_time and meeting.end_time and meeting.end_time <= meeting.start_time:
        raise ValidationError(
            "end_time", f"The meeting ends ({meeting.end_time}) before it starts ({meeting.start_time})."
        )
    meeting.venue = clean_line(meeting.venue, "venue", "The venue")
    meeting.online_link = clean_line(meeting.online_link, "online_link", "The online meeting link")
    meeting.kind = MeetingKind(meeting.kind)
    meeting.status = MeetingStatus(meeting.status)
    if meeting.chair_decision is not None:
        meeting.chair_decision = ChairDecision(meeting.chair_decision)
    meeting.items_waiting = tuple(sorted(set(int(i) for i in meeting.items_waiting)))
    if meeting.items_waiting and meeting.chair_decision is not ChairDecision.PROCEED:
        raise ValidationError(
            "items_waiting", "Only a decision to proceed names items that wait: a reconvened meeting takes them all later."
        )
    return meeting


# --- the quorum fixed for a meeting, as stored ------------------------------------------------

ITEMS_WAITING_KEY = "items_waiting"


def quorum_column(rule: QuorumRule | None, items_waiting: Iterable[int] = ()) -> str | None:
    """The meeting's quorum as stored: the rule's JSON, with the items the chair's decision left
    waiting under their own key when there are any (else exactly the rule's JSON, as before)."""
    if rule is None:
        return None
    waiting = sorted(set(items_waiting))
    if not waiting:
        return rule.to_json()
    return json.dumps(rule.to_data() | {ITEMS_WAITING_KEY: waiting}, sort_keys=True)


def read_quorum_column(text: str | None) -> tuple[QuorumRule | None, tuple[int, ...]]:
    """(rule, items waiting) from the stored column (see :func:`quorum_column`)."""
    if not text:
        return None, ()
    data = json.loads(text)
    return QuorumRule.from_data(data), tuple(int(i) for i in data.get(ITEMS_WAITING_KEY, ()))


def quorum_column_words(text: str, agency_names: Mapping[int, str] | None = None) -> str:
    """A stored quorum (a subcommittee's rule, or a meeting's with its items waiting) in words."""
    rule, waiting = read_quorum_column(text)
    words = rule.describe(agency_names) if rule else ""
    if waiting:
        n = len(waiting)
        words += f" The chair's decision left {n} agenda item{'s' if n != 1 else ''} waiting for a quorate meeting."
    return words


def expand_waiting(lines: Sequence[AgendaLine], chosen: Iterable[int]) -> tuple[int, ...]:
    """The items that wait when ``chosen`` do: a top-level item waits with its sub-items.
    Raises ValidationError for an id that is not on the agenda."""
    chosen = set(chosen)
    on_agenda = {line.item.id for line in lines}
    unknown = sorted(chosen - on_agenda)
    if unknown:
        raise ValidationError("items_waiting", f"Item id {unknown[0]} is not on this meeting's agenda.")
    out = set(chosen)
    for line in lines:
        if line.item.parent_id in chosen:
            out.add(line.item.id)
    return tuple(sorted(out))


@dataclass(frozen=True)
class WaitingItem:
    """An agenda item the chair's decision left waiting for a quorate meeting."""

    meeting_id: int
    meeting_date: dt.date
    item_id: int
    number: str
    title: str

    @property
    def label(self) -> str:
        """'5 (Budget), from the meeting of 12 May 2026'."""
        return f"{self.number} ({self.title}), from the meeting of {self.meeting_date.day} {self.meeting_date:%B %Y}"


def waiting_words(items: Sequence[WaitingItem]) -> list[str]:
    """The items by meeting, in words: ['from the meeting of 12 May 2026: 5 (Budget), 6.1 (Training)']."""
    out: list[str] = []
    by_meeting: dict[int, list[WaitingItem]] = {}
    for w in items:
        by_meeting.setdefault(w.meeting_id, []).append(w)
    for group in by_meeting.values():
        when = group[0].meeting_date
        out.append(f"from the meeting of {when.day} {when:%B %Y}: " + ", ".join(f"{w.number} ({w.title})" for w in group))
    return out


def items_waiting_for(
    meeting: Meeting,
    meetings: Iterable[Meeting],
    quorate: Mapping[int, bool | None],
    lines: Mapping[int, Sequence[AgendaLine]],
) -> list[WaitingItem]:
    """The items earlier meetings left waiting for a quorate meeting, as listed for ``meeting``:
    those of the meetings held since the last quorate one before it (a quorate meeting took the
    items that waited before it). ``quorate`` is each meeting's quorum (None: nothing recorded);
    ``lines`` each waiting meeting's agenda lines, for numbers and titles."""
    earlier = sorted(
        (m for m in meetings if m.id != meeting.id and m.status is not MeetingStatus.CANCELLED
         and (m.date, m.id or 0) < (meeting.date, meeting.id or 0)),
        key=lambda m: (m.date, m.id or 0),
    )
    out: list[WaitingItem] = []
    for m in reversed(earlier):
        if quorate.get(m.id):
            break
        for line in lines.get(m.id, ()):
            if line.item.id in m.items_waiting:
                out.append(WaitingItem(m.id, m.date, line.item.id, line.number, line.item.title))
    out.sort(key=lambda w: (w.meeting_date, w.meeting_id))
    return out


@dataclass
class AttendanceEntry:
    member_id: int
    status: AttendanceStatus
    deputy_name: str = ""
    note: str = ""
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)


@dataclass
class Guest:
    """Someone 'in attendance' who is not a member; never counts toward quorum."""

    name: str
    organisation: str = ""
    item: str = ""
    id: int | None = None


@dataclass
class RegisterRow:
    member: Member
    agency: Agency
    entry: AttendanceEntry | None = None

    @property
    def status(self) -> AttendanceStatus | None:
        return self.entry.status if self.entry else None


def expected_members(members: Iterable[Member], on: dt.date) -> list[Member]:
    """Members who belong on the register of a meeting held on ``on``."""
    return [m for m in members if not m.is_vacant and m.is_active(on)]


def register_rows(
    meeting: Meeting,
    agencies: Iterable[Agency],
    members: Iterable[Member],
    entries: Mapping[int, AttendanceEntry],
) -> list[RegisterRow]:
    """One row per member expected at the meeting, by agency then name."""
    by_id = {a.id: a for a in agencies}
    rows = [
        RegisterRow(member=m, agency=by_id[m.agency_id], entry=entries.get(m.id))
        for m in expected_members(members, meeting.date)
        if m.agency_id in by_id
    ]
    rows.sort(key=lambda r: (r.agency.label.lower(), r.member.name.lower()))
    return rows


@dataclass(frozen=True)
class MeetingQuorum:
    """A meeting's quorum with what the register still lacks."""

    result: QuorumResult
    recorded: int
    expected: int
    decision: ChairDecision | None = None
    decision_note: str = ""
    items_waiting: tuple[int, ...] = ()
    """Items the chair's decision to proceed left waiting (ids)."""

    @property
    def complete(self) -> bool:
        return self.recorded >= self.expected

    @property
    def needs_decision(self) -> bool:
        return not self.result.quorate and self.decision is None and self.recorded > 0

    def state(self, meeting: Meeting, today: dt.date) -> QuorumState:
        """Quorate, not quorate or not yet quorate (see :func:`quorum_state`)."""
        return quorum_state(meeting, quorate=self.result.quorate, quorum_set=self.result.quorum_set,
                            recorded=self.recorded, expected=self.expected, today=today)


class QuorumState(StrEnum):
    """What the register, the meetings list, the command line and the minutes say of a meeting's quorum."""

    QUORATE = "quorate"
    NOT_YET = "not yet quorate"
    NOT_QUORATE = "not quorate"
    NO_QUORUM_SET = "no quorum set"


def quorum_state(meeting: Meeting, *, quorate: bool, quorum_set: bool = True, recorded: int, expected: int,
                 today: dt.date) -> QuorumState:
    """Quorate, not quorate, or **not yet** quorate (issue 14): a meeting not yet held — still to come,
    its apologies taken in advance, or on the day with its register not finished — whose entries so far
    make no quorum cannot yet be called inquorate. A meeting held (or reconvened, or decided on by the
    chair) is quorate or not on what its register holds, as is one whose register is finished."""
    if not quorum_set:
        return QuorumState.NO_QUORUM_SET
    if quorate:
        return QuorumState.QUORATE
    if meeting.chair_decision is not None or meeting.status is not MeetingStatus.PLANNED:
        return QuorumState.NOT_QUORATE
    if meeting.date > today or not (expected and recorded >= expected):
        return QuorumState.NOT_YET
    return QuorumState.NOT_QUORATE


def meeting_quorum(
    meeting: Meeting,
    rule: QuorumRule,
    agencies: list[Agency],
    members: list[Member],
    entries: Mapping[int, AttendanceEntry],
) -> MeetingQuorum:
    expected = expected_members(members, meeting.date)
    expected_ids = {m.id for m in expected}
    attendance = {mid: e.status for mid, e in entries.items() if mid in expected_ids}
    result = evaluate_quorum(meeting.quorum_rule or rule, agencies, expected, attendance, meeting.date)
    return MeetingQuorum(
        result=result,
        recorded=len(attendance),
        expected=len(expected),
        decision=meeting.chair_decision,
        decision_note=meeting.chair_decision_note,
        items_waiting=meeting.items_waiting,
    )


def match_names(text: str, members: Iterable[Member]) -> tuple[list[Member], list[str]]:
    """Match a pasted list of names (one per line, or separated by ; or ,) to members.

    A name matches a member when it equals the member's name, ignoring case,
    titles (Dr, DI, DS, Mr, Mrs, Ms, Miss, Cllr) and extra spaces, or when it is
    their email address. Nothing is guessed: a line that matches no member, or
    more than one, is returned unmatched.
    """
    titles = {"dr", "di", "ds", "dc", "mr", "mrs", "ms", "miss", "cllr", "prof"}

    def key(name: str) -> str:
        words = [w for w in name.replace(".", " ").lower().split() if w]
        while words and words[0] in titles:
            words = words[1:]
        return " ".join(words)

    pool = list(members)
    names: dict[str, list[Member]] = {}
    emails: dict[str, Member] = {}
    for m in pool:
        names.setdefault(key(m.name), []).append(m)
        if m.email:
            emails[m.email.lower()] = m
    matched: list[Member] = []
    unmatched: list[str] = []
    raw = text.replace(";", "\n")
    if "\n" not in raw.strip() and raw.count(",") >= 1:
        raw = raw.replace(",", "\n")
    for line in raw.splitlines():
        item = line.strip().strip("-*•").strip()
        if not item:
            continue
        # "Jo Bloggs <jo@x.org>" or "jo@x.org"
        email = ""
        if "<" in item and item.endswith(">"):
            item, _, email = item[:-1].partition("<")
            item = item.strip().strip('"')
        elif "@" in item and " " not in item:
            email = item
        found = emails.get(email.lower()) if email else None
        if found is None:
            candidates = names.get(key(item), [])
            found = candidates[0] if len(candidates) == 1 else None
        if found is None:
            unmatched.append(line.strip())
        elif found not in matched:
            matched.append(found)
    return matched, unmatched


@dataclass
class MeetingSummary:
    """A line of the meetings table: the meeting and how far its register has got."""

    meeting: Meeting
    expected: int = 0
    recorded: int = 0
    quorate: bool | None = None
    replaced_by: list[int] = field(default_factory=list)
    quorum_set: bool = True
    """False when the rule sets no quorum (the meetings table says so rather than "quorate")."""

    def state(self, today: dt.date) -> QuorumState | None:
        """Quorate, not quorate or not yet quorate; None while nothing is recorded."""
        if self.quorate is None:
            return None
        return quorum_state(self.meeting, quorate=self.quorate, quorum_set=self.quorum_set,
                            recorded=self.recorded, expected=self.expected, today=today)

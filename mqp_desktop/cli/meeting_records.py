"""What the meetings, attendance and quorum commands share: finding a meeting
from what was typed, attendance status words, and their JSON records.

The JSON records are part of the command line's public interface (see
``output.py``): plain keys that stay stable, ISO dates, short status words
that the commands accept back (``present``, ``deputy``, ``apologies``,
``absent``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from mqp_desktop.cli.common import CliError, date_option, today
from mqp_desktop.cli.output import day, iso
from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import (
    Guest,
    Meeting,
    MeetingQuorum,
    MeetingStatus,
    MeetingSummary,
    QuorumState,
    RegisterRow,
    WaitingItem,
)
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.validation import ValidationError

MEETING_HELP = "the meeting: its id (see 'mqp meetings list'), its date, 'next' or 'last'"

# --- attendance status words ---------------------------------------------------------------

STATUS_WORDS: dict[str, AttendanceStatus | None] = {
    "present": AttendanceStatus.PRESENT,
    "deputy": AttendanceStatus.DEPUTY,
    "apologies": AttendanceStatus.APOLOGIES,
    "absent": AttendanceStatus.ABSENT,
    "clear": None,
}
STATUS_CODE = {status: word for word, status in STATUS_WORDS.items() if status is not None}


def parse_status(text: str) -> AttendanceStatus | None:
    """``present|deputy|apologies|absent|clear`` (or the full wording, e.g. 'apologies sent')."""
    key = " ".join(text.strip().lower().split())
    if key in STATUS_WORDS:
        return STATUS_WORDS[key]
    for status in AttendanceStatus:
        if key == status.value:
            return status
    raise CliError(f"--status: '{text}' is not an attendance status: use present, deputy, apologies, absent or clear.")


def status_code(status: AttendanceStatus | None) -> str | None:
    return STATUS_CODE[status] if status is not None else None


def date_arg(value: str | None, option: str) -> dt.date | None:
    """A date option; a bad one is reported naming the option."""
    try:
        return date_option(value, option)
    except ValidationError as exc:
        raise CliError(f"{option}: {exc}") from None


# --- finding a meeting ---------------------------------------------------------------------

def resolve_meeting(store, text: str) -> Meeting:
    """A meeting by id, by date (the one not cancelled that day), or 'next' / 'last'."""
    value = text.strip().lower()
    repo = store.meetings
    if value.isdigit():
        return repo.get(int(value))
    if value == "next":
        meeting = repo.next_meeting(today())
        if meeting is None:
            raise CliError("No meeting is planned from today on: plan some with 'mqp meetings schedule'.")
        return meeting
    if value in ("last", "latest", "previous"):
        past = [m for m in repo.list(end=today()) if m.status is not MeetingStatus.CANCELLED]
        if not past:
            raise CliError("No meeting has taken place yet: see 'mqp meetings list'.")
        return past[-1]
    try:
        on = date_option(text, "MEETING")
    except ValidationError:
        raise CliError(
            f"MEETING: '{text}' is not a meeting: give its id (see 'mqp meetings list'), its date, 'next' or 'last'."
        ) from None
    found = repo.list(start=on, end=on)
    live = [m for m in found if m.status is not MeetingStatus.CANCELLED] or found
    if not live:
        raise CliError(f"There is no meeting on {day(on)}. List them with 'mqp meetings list'.")
    if len(live) > 1:
        raise CliError(
            f"There are {len(live)} meetings on {day(on)} (ids {', '.join(str(m.id) for m in live)}): give the id."
        )
    return live[0]


# --- JSON records --------------------------------------------------------------------------

def agency_brief(agency: Agency) -> dict[str, Any]:
    return {"id": agency.id, "name": agency.name, "short_name": agency.short_name, "statutory": agency.statutory}


def meeting_record(meeting: Meeting, summary: MeetingSummary | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": meeting.id,
        "title": meeting.title,
        "date": iso(meeting.date),
        "start_time": meeting.start_time,
        "end_time": meeting.end_time,
        "venue": meeting.venue,
        "online_link": meeting.online_link,
        "kind": meeting.kind.value,
        "status": meeting.status.value,
        "replaces_id": meeting.replaces_id,
        "chair_decision": meeting.chair_decision.value if meeting.chair_decision else None,
        "chair_decision_note": meeting.chair_decision_note,
        "items_waiting": list(meeting.items_waiting),
        "notes": meeting.notes,
    }
    if summary is not None:
        record.update(
            replaced_by=list(summary.replaced_by),
            expected=summary.expected,
            recorded=summary.recorded,
            quorate=summary.quorate,
            quorum_state=str(state) if (state := summary.state(today())) is not None else None,
        )
    return record


def register_record(row: RegisterRow) -> dict[str, Any]:
    entry = row.entry
    return {
        "member_id": row.member.id,
        "name": row.member.name,
        "role_title": row.member.role_title,
        "agency_id": row.agency.id,
        "agency": row.agency.name,
        "agency_short_name": row.agency.short_name,
        "statutory": row.agency.statutory,
        "decision_maker": row.member.decision_maker,
        "status": status_code(entry.status) if entry else None,
        "status_text": entry.status.value if entry else None,
        "deputy_name": entry.deputy_name if entry else "",
        "note": entry.note if entry else "",
    }


def guest_record(guest: Guest) -> dict[str, Any]:
    return {"id": guest.id, "name": guest.name, "organisation": guest.organisation, "item": guest.item}


def waiting_record(w: WaitingItem) -> dict[str, Any]:
    return {"meeting_id": w.meeting_id, "meeting_date": iso(w.meeting_date), "item_id": w.item_id,
            "number": w.number, "title": w.title}


def quorum_record(
    meeting: Meeting,
    q: MeetingQuorum,
    rows: list[RegisterRow],
    agency_names: Mapping[int, str],
    numbers: Mapping[int, str] | None = None,
    waiting_from_earlier: list[WaitingItem] | None = None,
) -> dict[str, Any]:
    """The quorum of a meeting: the rule, the agencies that count and how, those missing.
    ``numbers``: the agenda's item numbers by id, in agenda order (for the items waiting)."""
    rule = q.result.rule
    numbers = numbers or {}
    order = {item_id: n for n, item_id in enumerate(numbers)}
    attended: dict[int, list[RegisterRow]] = {}
    for row in rows:
        if row.status is not None and row.status.attended:
            attended.setdefault(row.agency.id, []).append(row)

    def counted(agency: Agency) -> dict[str, Any]:
        who = attended.get(agency.id, [])
        return {
            **agency_brief(agency),
            "by_deputy_only": bool(who) and all(r.status is AttendanceStatus.DEPUTY for r in who),
            "attended_by": [
                {
                    "member_id": r.member.id,
                    "name": r.member.name,
                    "status": status_code(r.status),
                    "deputy_name": r.entry.deputy_name if r.entry else "",
                }
                for r in who
            ],
        }

    return {
        "meeting_id": meeting.id,
        "date": iso(meeting.date),
        "meeting_status": meeting.status.value,
        "quorate": q.result.quorate,
        "quorum_state": str(q.state(meeting, today())) if q.recorded else None,
        "rule": {
            "kind": rule.kind.value,
            "count": rule.count,
            "agency_set": rule.agency_set.value,
            "agency_ids": list(rule.agency_ids),
            "shared_seats": [list(seat) for seat in rule.shared_seats],
            "others": rule.others.value,
            "chair_may_proceed": rule.chair_may_proceed,
            "text": rule.describe(agency_names),
        },
        "quorum_set": q.result.quorum_set,
        "explanation": q.result.explain() if q.recorded else None,
        "needed": q.result.needed,
        "filled": q.result.filled,
        "shortfall": q.result.shortfall,
        "seats": [{"label": s.label, "agency_ids": [a.id for a in s.agencies], "filled": s.filled,
                   "present_ids": [a.id for a in s.present]} for s in q.result.seats],
        "others": list(q.result.others),
        "others_needed": q.result.others_needed,
        "counted": [counted(a) for a in q.result.counted],
        "missing": [agency_brief(a) for a in q.result.missing],
        "present_not_counting": [counted(a) for a in q.result.present_not_counting],
        "recorded": q.recorded,
        "expected": q.expected,
        "needs_decision": q.needs_decision,
        "chair_decision": q.decision.value if q.decision else None,
        "chair_decision_note": q.decision_note,
        "items_waiting": [{"item_id": i, "number": numbers.get(i)}
                          for i in sorted(q.items_waiting, key=lambda i: order.get(i, len(order)))],
        "waiting_from_earlier": [waiting_record(w) for w in waiting_from_earlier or ()],
    }


# --- words ---------------------------------------------------------------------------------

def when(meeting: Meeting) -> str:
    """'Tue 10 Mar 2026, 10:00-12:00'."""
    times = "-".join(t for t in (meeting.start_time, meeting.end_time) if t)
    return f"{meeting.date:%a} {day(meeting.date)}" + (f", {times}" if times else "")


def meeting_line(meeting: Meeting) -> str:
    """'meeting 4: Meeting of 9 June 2026 (Tue 09 Jun 2026, 10:00-12:00), planned'."""
    return f"meeting {meeting.id}: {meeting.title} ({when(meeting)}), {meeting.status.value}"


def quorum_text(q: MeetingQuorum, meeting: Meeting | None = None) -> str:
    """The quorum in words; with ``meeting``, a meeting still to come or a register not finished is *not
    yet* quorate, as the window's register and the minutes say (issue 14)."""
    if q.recorded == 0:
        return "Quorum: no attendance recorded yet."
    text = "Quorum: " + q.result.explain()
    if meeting is not None and q.state(meeting, today()) is QuorumState.NOT_YET:
        when = ("the meeting is on " + day(meeting.date) if meeting.date > today()
                else f"{q.recorded} of {q.expected} recorded")
        return "Quorum: not yet quorate (" + when + "). So far: " + text.removeprefix("Quorum: ").removeprefix(
            "Not quorate: ")
    if q.decision is not None:
        text += f" The chair decided to {q.decision.value}"
        n = len(q.items_waiting)
        text += (f", with {n} agenda item{'s' if n != 1 else ''} waiting for a quorate meeting." if n else ".")
    elif q.needs_decision:
        text += (" The chair decides whether to proceed or reconvene." if q.result.rule.chair_may_proceed
                 else " The rule says the meeting must be reconvened.")
    return text


def register_progress(recorded: int, expected: int) -> str:
    if expected == 0:
        return "no members"
    return f"{recorded}/{expected}" + (" done" if recorded >= expected else "")


def members_label(member: Member) -> str:
    return f"{member.display_name} (member {member.id})"


def days_until(on: dt.date) -> str:
    n = (on - today()).days
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    return f"in {n} days" if n > 0 else f"{-n} days ago"

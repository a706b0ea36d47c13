"""Attendance rates for a period, per member and per agency, against the standard (ToR 5).

Rules:

* only meetings that took place count (held, or held and then reconvened);
  cancelled and planned meetings do not;
* a member is expected only at meetings held while they were a member;
* per member: present, by deputy, apologies, absent, and "not recorded" (a
  meeting that counts but has no entry for them — a gap in the register,
  shown so it can be filled, and left out of the rate);
* the member's rate counts attendance in person, plus attendance by deputy
  when the subcommittee's setting ``deputy_counts_for_member`` is on;
* per agency: a meeting is expected when at least one of its members was;
  attended when any of them attended in person or by deputy (a deputy always
  counts for the agency);
* below standard: the rate (in per cent) is below the subcommittee's standard.
  A rate over no meetings is ``None`` and never below standard.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import AttendanceEntry, Meeting, expected_members
from mqp_desktop.domain.model import Agency, Member


@dataclass
class MemberAttendance:
    member: Member
    agency: Agency
    expected: int = 0
    present: int = 0
    deputy: int = 0
    apologies: int = 0
    absent: int = 0
    not_recorded: int = 0
    rate: float | None = None
    below_standard: bool = False

    @property
    def recorded(self) -> int:
        return self.expected - self.not_recorded


@dataclass
class AgencyAttendance:
    agency: Agency
    expected: int = 0
    attended: int = 0
    by_deputy_only: int = 0
    rate: float | None = None
    below_standard: bool = False


@dataclass
class MeetingAttendance:
    """One point of the chart: how well a meeting was attended."""

    meeting: Meeting
    recorded: int
    """Members with an entry in the register."""
    attended: int
    """Of those, present in person or by deputy."""
    rate: float | None


@dataclass
class AttendanceReport:
    start: dt.date
    end: dt.date
    standard: int
    deputy_counts_for_member: bool
    meetings: list[Meeting]
    members: list[MemberAttendance]
    agencies: list[AgencyAttendance]
    per_meeting: list[MeetingAttendance] = field(default_factory=list)

    @property
    def members_below_standard(self) -> list[MemberAttendance]:
        return [m for m in self.members if m.below_standard]

    @property
    def agencies_below_standard(self) -> list[AgencyAttendance]:
        return [a for a in self.agencies if a.below_standard]


def _rate(numerator: int, denominator: int) -> float | None:
    return None if denominator == 0 else 100.0 * numerator / denominator


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last 12 months, up to and including today."""
    try:
        start = today.replace(year=today.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        start = dt.date(today.year - 1, 3, 1)
    return start, today


def attendance_report(
    meetings: Iterable[Meeting],
    entries: Mapping[int, Mapping[int, AttendanceEntry]],
    agencies: Iterable[Agency],
    members: Iterable[Member],
    *,
    start: dt.date,
    end: dt.date,
    standard: int,
    deputy_counts_for_member: bool = False,
) -> AttendanceReport:
    """``entries`` maps meeting id -> member id -> that member's register entry."""
    agencies_by_id = {a.id: a for a in agencies}
    members = [m for m in members if m.agency_id in agencies_by_id]
    counted = sorted(
        (m for m in meetings if m.status.counts_for_attendance and start <= m.date <= end),
        key=lambda m: (m.date, m.id or 0),
    )
    per_member: dict[int, MemberAttendance] = {}
    per_agency: dict[int, AgencyAttendance] = {}
    per_meeting: list[MeetingAttendance] = []
    for meeting in counted:
        register = entries.get(meeting.id, {})
        agency_attended: dict[int, set[S]] = defaultdict(set)
        expected = expected_members(members, meeting.date)
        attended_here = 0
        for member in expected:
            row = per_member.setdefault(
                member.id, MemberAttendance(member=member, agency=agencies_by_id[member.agency_id])
            )
            row.expected += 1
            entry = register.get(member.id)
            status = entry.status if entry else None
            if status is None:
                row.not_recorded += 1
            elif status is S.PRESENT:
                row.present += 1
            elif status is S.DEPUTY:
                row.deputy += 1
            elif status is S.APOLOGIES:
                row.apologies += 1
            else:
                row.absent += 1
            agency_attended[member.agency_id].add(status)  # type: ignore[arg-type]
            if status is not None and status.attended:
                attended_here += 1
        recorded_here = sum(1 for m in expected if m.id in register)
        per_meeting.append(MeetingAttendance(meeting, recorded_here, attended_here, _rate(attended_here, recorded_here)))
        for agency_id, statuses in agency_attended.items():
            row = per_agency.setdefault(agency_id, AgencyAttendance(agency=agencies_by_id[agency_id]))
            row.expected += 1
            if S.PRESENT in statuses or S.DEPUTY in statuses:
                row.attended += 1
                if S.PRESENT not in statuses:
                    row.by_deputy_only += 1
    for row in per_member.values():
        attended = row.present + (row.deputy if deputy_counts_for_member else 0)
        row.rate = _rate(attended, row.recorded)
        row.below_standard = row.rate is not None and row.rate < standard
    for row in per_agency.values():
        row.rate = _rate(row.attended, row.expected)
        row.below_standard = row.rate is not None and row.rate < standard
    return AttendanceReport(
        start=start,
        end=end,
        standard=standard,
        deputy_counts_for_member=deputy_counts_for_member,
        meetings=counted,
        members=sorted(per_member.values(), key=lambda r: (r.agency.label.lower(), r.member.name.lower())),
        agencies=sorted(per_agency.values(), key=lambda r: r.agency.label.lower()),
        per_meeting=per_meeting,
    )

"""The multi-agency training programme reviewed (ToR 7.5: "review the multi-agency training programme …
that the quality of this training is monitored and evaluated"; 7.6: "identify priorities for
multi-agency child protection training … and feed these into the local workforce strategy").

A **course** of the programme: its title, the provider, its dates (one day, or the first and last of
several), the places offered, **attendance by agency** (how many from each), a summary of its
**evaluation**, the **gaps and priorities** it showed and when they were **fed to the workforce
strategy**, and the subcommittee meeting that **reviewed** it. A course called off is *cancelled*
with the reason; nothing is deleted.

**Status** (derived): *cancelled*; *reviewed* (at a meeting); *delivered* (its last day has passed,
not yet reviewed); otherwise *planned*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.governance.common import day, not_before, not_future, one_line, parse_choice, tidy_text
from mqp_desktop.domain.validation import ValidationError


class CourseStatus(StrEnum):
    PLANNED = "planned"
    DELIVERED = "delivered"
    REVIEWED = "reviewed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return {CourseStatus.DELIVERED: "Delivered, to review"}.get(self, self.value.capitalize())


def parse_status(text: str | CourseStatus) -> CourseStatus:
    return parse_choice(CourseStatus, text, "status", "a course's status")


@dataclass
class TrainingCourse:
    title: str
    starts_on: dt.date | None
    provider: str = ""
    ends_on: dt.date | None = None
    """The last day, for a course over several days (None: one day)."""
    places: int | None = None
    attendance: dict[int, int] = field(default_factory=dict)
    """Agency id -> how many of its staff attended."""
    evaluation: str = ""
    """A summary of the course's evaluation (feedback, impact)."""
    gaps: str = ""
    """Gaps and priorities it showed, for the local workforce strategy (ToR 7.6)."""
    fed_to_strategy_on: dt.date | None = None
    meeting_id: int | None = None
    """The subcommittee meeting that reviewed it."""
    notes: str = ""
    cancelled_on: dt.date | None = None
    cancel_reason: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    @property
    def last_day(self) -> dt.date | None:
        return self.ends_on or self.starts_on

    @property
    def attended(self) -> int:
        return sum(self.attendance.values())

    def status(self, today: dt.date) -> CourseStatus:
        return course_status(self, today)

    @property
    def dates_text(self) -> str:
        if self.ends_on and self.ends_on != self.starts_on:
            return f"{day(self.starts_on)} to {day(self.ends_on)}"
        return day(self.starts_on)


def course_status(course: TrainingCourse, today: dt.date) -> CourseStatus:
    if course.cancelled_on is not None:
        return CourseStatus.CANCELLED
    if course.meeting_id is not None:
        return CourseStatus.REVIEWED
    if course.last_day is not None and course.last_day < today:
        return CourseStatus.DELIVERED
    return CourseStatus.PLANNED


def clean_attendance(value: Mapping[int, int] | Iterable[tuple[int, int]] | None) -> dict[int, int]:
    """Agency id -> a whole number above 0 (a 0 is dropped); refused with the reason otherwise."""
    pairs = value.items() if isinstance(value, Mapping) else (value or ())
    out: dict[int, int] = {}
    for agency_id, n in pairs:
        if isinstance(agency_id, bool) or not isinstance(agency_id, int):
            raise ValidationError("attendance", f"{agency_id!r} is not an agency's id.")
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValidationError("attendance", f"'{n}' is not a number of people: give a whole number, 0 or more.")
        if n:
            out[agency_id] = out.get(agency_id, 0) + n
    return out


def validate_course(course: TrainingCourse, today: dt.date) -> TrainingCourse:
    c = course
    c.title = one_line(c.title)
    if not c.title:
        raise ValidationError("title", "Give the course's title (e.g. 'Neglect: using the graded care profile').")
    c.provider = one_line(c.provider)
    if c.starts_on is None:
        raise ValidationError("starts_on", "Give the course's date (its first day, when it runs over several).")
    if c.ends_on == c.starts_on:
        c.ends_on = None
    not_before(c.ends_on, c.starts_on, "ends_on", "The last day", "the first")
    if c.places is not None and (isinstance(c.places, bool) or not isinstance(c.places, int) or c.places < 0):
        raise ValidationError("places", "The places offered are a whole number (or left empty).")
    c.attendance = clean_attendance(c.attendance)
    if c.attendance and c.starts_on > today:
        raise ValidationError("attendance", f"The course starts on {day(c.starts_on)}, in the future: its attendance "
                                            "is recorded once it has run.")
    c.evaluation, c.gaps, c.notes = tidy_text(c.evaluation), tidy_text(c.gaps), tidy_text(c.notes)
    if c.fed_to_strategy_on is not None and not c.gaps:
        raise ValidationError("gaps", "Say which gaps and priorities were fed to the workforce strategy.")
    not_future(c.fed_to_strategy_on, "fed_to_strategy_on", "Feeding the strategy", today)
    c.cancel_reason = tidy_text(c.cancel_reason)
    if c.cancelled_on is not None:
        if not c.cancel_reason:
            raise ValidationError("reason", "Say why the course was cancelled: it stays in the programme with the "
                                            "reason.")
        if c.attendance:
            raise ValidationError("attendance", "A cancelled course has no attendance: clear it, or do not cancel "
                                                "the course.")
        if c.meeting_id is not None:
            raise ValidationError("meeting", "A course reviewed at a meeting ran: it is not cancelled.")
    else:
        c.cancel_reason = ""
    return c


# --- lists and totals -----------------------------------------------------------------------------------

FILTER_CURRENT = "current"
"""Not cancelled, not yet reviewed: planned or delivered."""
FILTER_TO_REVIEW = "to review"
FILTER_REVIEWED = "reviewed"
FILTER_ALL = "all"
FILTERS = (FILTER_CURRENT, FILTER_TO_REVIEW, FILTER_REVIEWED, FILTER_ALL)


def matches_filter(course: TrainingCourse, which: str, today: dt.date) -> bool:
    status = course.status(today)
    if which == FILTER_CURRENT:
        return status in (CourseStatus.PLANNED, CourseStatus.DELIVERED)
    if which == FILTER_TO_REVIEW:
        return status is CourseStatus.DELIVERED
    if which == FILTER_REVIEWED:
        return status is CourseStatus.REVIEWED
    if which == FILTER_ALL:
        return True
    raise ValidationError("filter", f"'{which}' is not a filter: use {', '.join(FILTERS)}.")


def attendance_by_agency(courses: Iterable[TrainingCourse]) -> dict[int, int]:
    """Agency id -> everyone it sent, over the courses given (cancelled ones have none)."""
    out: dict[int, int] = {}
    for c in courses:
        for agency_id, n in c.attendance.items():
            out[agency_id] = out.get(agency_id, 0) + n
    return out


def fill_rate(course: TrainingCourse) -> float | None:
    """Attended as a percentage of the places offered (None when no places are recorded)."""
    if not course.places:
        return None
    return 100.0 * course.attended / course.places

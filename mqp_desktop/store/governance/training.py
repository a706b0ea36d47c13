"""The multi-agency training programme in the database (ToR 7.5, 7.6): ``store.governance.training``.

::

    tr = store.governance.training
    c = tr.add(TrainingCourse(title="Neglect: the graded care profile", starts_on=date(2026, 2, 3),
                              provider="WSCP training team", places=30))
    c.attendance = {police_id: 4, icb_id: 7}
    tr.update(c)                                   # against the version read; EditConflict if saved since

Every change is one transaction in the change history (entity ``training_course``). A course called
off is cancelled with the reason, never deleted. Attendance is kept with the course as agency id ->
number (JSON), so an edit and its undo change it whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from mqp_desktop.domain.governance.training import (
    FILTER_ALL,
    TrainingCourse,
    matches_filter,
    validate_course,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.governance.common import RecordRepo, d, iso

COURSE_LABELS = {
    "title": "course", "provider": "provider", "starts_on": "first day", "ends_on": "last day", "places": "places",
    "attendance": "attendance by agency", "evaluation": "evaluation", "gaps": "gaps and priorities",
    "fed_to_strategy_on": "fed to the workforce strategy", "meeting_id": "reviewed at", "notes": "notes",
    "cancelled_on": "cancelled on", "cancel_reason": "reason cancelled",
}
COURSE_FIELDS = tuple(COURSE_LABELS)


def course_values(c: TrainingCourse) -> dict[str, Any]:
    return {
        "title": c.title, "provider": c.provider or "", "starts_on": iso(c.starts_on), "ends_on": iso(c.ends_on),
        "places": c.places,
        "attendance": json.dumps({str(k): v for k, v in sorted(c.attendance.items())}, sort_keys=True),
        "evaluation": c.evaluation or "", "gaps": c.gaps or "", "fed_to_strategy_on": iso(c.fed_to_strategy_on),
        "meeting_id": c.meeting_id, "notes": c.notes or "", "cancelled_on": iso(c.cancelled_on),
        "cancel_reason": c.cancel_reason or "",
    }


class TrainingRepo(RecordRepo[TrainingCourse]):
    table = "training_course"
    entity = "training_course"
    kind = "course"
    labels = COURSE_LABELS
    list_hint = "List them with 'mqp training list --all'."

    def values(self, record: TrainingCourse) -> dict[str, Any]:
        return course_values(record)

    def from_row(self, row: Mapping[str, Any]) -> TrainingCourse:
        return TrainingCourse(
            id=row["id"], title=row["title"], provider=row["provider"], starts_on=d(row["starts_on"]),
            ends_on=d(row["ends_on"]), places=row["places"],
            attendance={int(k): int(v) for k, v in json.loads(row["attendance"] or "{}").items()},
            evaluation=row["evaluation"], gaps=row["gaps"], fed_to_strategy_on=d(row["fed_to_strategy_on"]),
            meeting_id=row["meeting_id"], notes=row["notes"], cancelled_on=d(row["cancelled_on"]),
            cancel_reason=row["cancel_reason"], row_version=row["row_version"])

    def name(self, record: TrainingCourse) -> str:
        return f"the course '{record.title}' ({record.dates_text})"

    # --- reading ----------------------------------------------------------------------------------
    def all(self) -> list[TrainingCourse]:
        """Every course, cancelled ones too, latest first."""
        return self.rows(order="starts_on DESC, id DESC")

    def list(self, which: str = FILTER_ALL, today: dt.date | None = None, *,
             since: dt.date | None = None, until: dt.date | None = None) -> list[TrainingCourse]:
        today = today or dt.date.today()
        return [c for c in self.all() if matches_filter(c, which, today)
                and (since is None or (c.last_day or c.starts_on) >= since)
                and (until is None or c.starts_on <= until)]

    # --- writing ------------------------------------------------------------------------------------
    def _check(self, c: TrainingCourse, today: dt.date) -> TrainingCourse:
        c = validate_course(c, today)
        self.check_agencies(c.attendance, field="attendance")
        self.check_meeting(c.meeting_id)
        held = self.meeting_date(c.meeting_id)
        if held is not None and c.starts_on is not None and held < c.starts_on:
            raise ValidationError("meeting", f"The meeting of {held:%d/%m/%Y} was before the course began "
                                             f"({c.starts_on:%d/%m/%Y}): it cannot have reviewed it.")
        return c

    def add(self, course: TrainingCourse, *, today: dt.date | None = None) -> TrainingCourse:
        today = today or dt.date.today()
        with self.store.write():
            c = self._check(dataclasses.replace(course, id=None, cancelled_on=None, cancel_reason=""), today)
            return self.insert(c, f"Course added to the training programme: {c.title} ({c.dates_text})")

    def update(self, course: TrainingCourse, *, action: str = "edited", summary: str = "",
               today: dt.date | None = None) -> TrainingCourse:
        today = today or dt.date.today()
        return self.save(course, action=action, summary=summary, check=lambda c, old: self._check(c, today))

    def cancel(self, course_id: int, on: dt.date, reason: str, *, seen: TrainingCourse | None = None,
               today: dt.date | None = None) -> TrainingCourse:
        with self.store.write():
            c = self.current(course_id, seen)
            if c.cancelled_on is not None:
                raise ValidationError("status", f"'{c.title}' was already cancelled on {c.cancelled_on:%d/%m/%Y}.")
            c.cancelled_on, c.cancel_reason = on, reason
            return self.update(c, action="cancelled",
                               summary=f"Course cancelled: {c.title} ({' '.join((reason or '').split())})", today=today)


__all__ = ["COURSE_FIELDS", "COURSE_LABELS", "TrainingRepo", "course_values"]

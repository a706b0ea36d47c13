"""Attendance statuses recorded in a meeting's register (ToR 5)."""

from __future__ import annotations

from enum import StrEnum


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    DEPUTY = "deputy attended"
    APOLOGIES = "apologies sent"
    ABSENT = "absent without apologies"

    @property
    def attended(self) -> bool:
        """The member's agency was at the table (in person or by deputy)."""
        return self in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY)

"""The records of the membership register and the subcommittee's rules.

Dates are ``datetime.date``; ``None`` means "not set" (an open-ended start or
end). Members and agencies are never deleted: they are *ended* with an end
date, so past attendance and minutes still name them correctly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.quorum import QuorumRule

# Plain words for the stored fields, for change descriptions and previews.
FIELD_LABELS = {
    "start_date": "start date",
    "end_date": "end date",
    "name": "name",
    "short_name": "short name",
    "role_title": "post",
    "agency_id": "agency",
    "email": "email",
    "phone": "phone",
    "decision_maker": "decision maker",
    "deputy_name": "deputy",
    "deputy_email": "deputy's email",
    "end_reason": "reason for ending",
    "notes": "notes",
    "statutory": "statutory",
    "partner_class": "partner class",
    "quorum_rule": "quorum rule",
    "chair_member_id": "chair",
    "co_chair_member_id": "co-chair",
}


class PartnerClass(StrEnum):
    LEAD_PARTNER = "lead safeguarding partner"
    RELEVANT_AGENCY = "relevant agency"
    OTHER = "other"


def active_on(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """True when ``day`` falls within [start, end] (either bound may be open).

    The end date is the last day of membership: someone ended on the day of a
    meeting was still a member at it.
    """
    if start is not None and day < start:
        return False
    if end is not None and day > end:
        return False
    return True


@dataclass
class Agency:
    name: str
    short_name: str = ""
    statutory: bool = False
    partner_class: PartnerClass = PartnerClass.RELEVANT_AGENCY
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    notes: str = ""
    id: int | None = None
    # How many times the stored record had been saved when this copy was read (None: not
    # read from the store). An update says it, so a change saved meanwhile is not overwritten.
    row_version: int | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def is_active(self, day: dt.date | None = None) -> bool:
        return active_on(self.start_date, self.end_date, day or dt.date.today())


@dataclass
class Member:
    """A seat on the subcommittee, held by a named person or waiting for one.

    ``name`` empty means the post is listed in the Terms of Reference but no
    one has been named to it yet (a vacant seat).
    """

    role_title: str
    agency_id: int
    name: str = ""
    email: str = ""
    phone: str = ""
    decision_maker: bool = True
    deputy_name: str = ""
    deputy_email: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    end_reason: str = ""
    notes: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # see Agency

    @property
    def is_vacant(self) -> bool:
        return not self.name.strip()

    @property
    def display_name(self) -> str:
        return self.name.strip() or f"(vacant) {self.role_title}"

    def is_active(self, day: dt.date | None = None) -> bool:
        return active_on(self.start_date, self.end_date, day or dt.date.today())


@dataclass
class Office:
    """The chair or co-chair: who holds it, since when, when it is reviewed (ToR 2)."""

    member_id: int | None = None
    appointed: dt.date | None = None
    review_due: dt.date | None = None


class FrequencyUnit(StrEnum):
    WEEKS = "weeks"
    MONTHS = "months"


@dataclass
class Subcommittee:
    name: str
    partnership: str = ""
    short_name: str = ""
    reporting_line: str = ""
    frequency_interval: int = 2
    frequency_unit: FrequencyUnit = FrequencyUnit.MONTHS
    attendance_standard: int = 80  # per cent
    quorum_rule: QuorumRule = field(default_factory=QuorumRule)
    tor_version: str = ""
    tor_signed_off: dt.date | None = None
    tor_review_due: dt.date | None = None
    chair: Office = field(default_factory=Office)
    co_chair: Office = field(default_factory=Office)
    deputy_counts_for_member: bool = False
    """Whether a deputy's attendance counts toward the member's own rate (it always counts for the agency)."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # see Agency

    @property
    def frequency_text(self) -> str:
        n, unit = self.frequency_interval, self.frequency_unit
        if unit is FrequencyUnit.MONTHS and n == 1:
            return "monthly"
        if unit is FrequencyUnit.MONTHS and n == 2:
            return "every 2 months (bi-monthly)"
        if unit is FrequencyUnit.MONTHS and n == 3:
            return "quarterly"
        return f"every {n} {unit.value}"

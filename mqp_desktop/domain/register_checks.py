"""The warnings the Terms of Reference imply for the register (ToR 2, 4, 12, 13).

* an active agency with no member (ToR 4: every relevant agency represented);
* an agency with more than one voting member (ToR 4: represented by *one* member);
* a seat listed but no one named to it;
* a member without an email (cannot be sent the papers, ToR 13);
* the chair's or co-chair's review date passed (ToR 2), the ToR's review date passed (ToR 12).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from mqp_desktop.domain.model import Agency, Member, Subcommittee


class WarningKind(StrEnum):
    AGENCY_UNREPRESENTED = "agency without a member"
    AGENCY_MULTIPLE_VOTERS = "agency with more than one voting member"
    SEAT_VACANT = "seat without a name"
    MEMBER_NO_EMAIL = "member without an email"
    CHAIR_REVIEW_DUE = "chairing review due"
    TOR_REVIEW_DUE = "Terms of Reference review due"
    NO_CHAIR = "no chair appointed"


@dataclass(frozen=True)
class RegisterWarning:
    kind: WarningKind
    message: str
    agency_id: int | None = None
    member_id: int | None = None
    clause: str = ""


def register_warnings(
    subcommittee: Subcommittee,
    agencies: Iterable[Agency],
    members: Iterable[Member],
    today: dt.date | None = None,
) -> list[RegisterWarning]:
    today = today or dt.date.today()
    active_agencies = [a for a in agencies if a.is_active(today)]
    active_members = [m for m in members if m.is_active(today)]
    by_agency: dict[int, list[Member]] = defaultdict(list)
    for m in active_members:
        by_agency[m.agency_id].append(m)

    out: list[RegisterWarning] = []
    if subcommittee.chair.member_id is None:
        out.append(RegisterWarning(WarningKind.NO_CHAIR, "No chair is recorded: set one in Subcommittee settings.", clause="ToR 2"))
    for office, label in ((subcommittee.chair, "chair"), (subcommittee.co_chair, "co-chair")):
        if office.member_id is not None and office.review_due and office.review_due < today:
            out.append(
                RegisterWarning(
                    WarningKind.CHAIR_REVIEW_DUE,
                    f"The {label}'s annual review was due on {office.review_due:%d %B %Y}.",
                    member_id=office.member_id,
                    clause="ToR 2",
                )
            )
    if subcommittee.tor_review_due and subcommittee.tor_review_due < today:
        out.append(
            RegisterWarning(
                WarningKind.TOR_REVIEW_DUE,
                f"The Terms of Reference ({subcommittee.tor_version or 'current version'}) were due for review on "
                f"{subcommittee.tor_review_due:%d %B %Y}.",
                clause="ToR 12",
            )
        )
    for agency in sorted(active_agencies, key=lambda a: a.name.lower()):
        seats = by_agency.get(agency.id or -1, [])
        named = [m for m in seats if not m.is_vacant]
        if not named:
            out.append(
                RegisterWarning(
                    WarningKind.AGENCY_UNREPRESENTED,
                    f"{agency.name} has no named member.",
                    agency_id=agency.id,
                    clause="ToR 4",
                )
            )
        voters = [m for m in named if m.decision_maker]
        if len(voters) > 1:
            out.append(
                RegisterWarning(
                    WarningKind.AGENCY_MULTIPLE_VOTERS,
                    f"{agency.name} has {len(voters)} voting members ({', '.join(m.name for m in voters)}); "
                    "the ToR asks for one: mark the others as representatives.",
                    agency_id=agency.id,
                    clause="ToR 4",
                )
            )
    for m in sorted(active_members, key=lambda m: (m.is_vacant, m.display_name.lower())):
        if m.is_vacant:
            out.append(
                RegisterWarning(
                    WarningKind.SEAT_VACANT,
                    f"No one is named to the seat '{m.role_title}'.",
                    agency_id=m.agency_id,
                    member_id=m.id,
                    clause="ToR 4",
                )
            )
        elif not m.email:
            out.append(
                RegisterWarning(
                    WarningKind.MEMBER_NO_EMAIL,
                    f"{m.name} has no email address, so cannot be sent the papers.",
                    agency_id=m.agency_id,
                    member_id=m.id,
                    clause="ToR 13",
                )
            )
    return out

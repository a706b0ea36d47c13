"""The quorum module as it was before issue 12's new rule kinds (main at e79bd8e), kept verbatim
below this docstring as the oracle that proves earlier rules read and count as before. Do not edit:
it is what was, not what is."""
# ruff: noqa

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from mqp_desktop.domain.attendance import AttendanceStatus

if TYPE_CHECKING:
    from mqp_desktop.domain.model import Agency, Member


class QuorumKind(StrEnum):
    AT_LEAST = "at_least"
    ALL_OF = "all_of"


class AgencySet(StrEnum):
    STATUTORY = "statutory"
    NAMED = "named"
    ANY = "any"


class QuorumRuleError(ValueError):
    """A quorum rule that cannot be evaluated (e.g. a count below 1)."""


@dataclass(frozen=True)
class QuorumRule:
    kind: QuorumKind = QuorumKind.AT_LEAST
    count: int = 3
    agency_set: AgencySet = AgencySet.STATUTORY
    agency_ids: tuple[int, ...] = ()
    chair_may_proceed: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", QuorumKind(self.kind))
        object.__setattr__(self, "agency_set", AgencySet(self.agency_set))
        object.__setattr__(self, "agency_ids", tuple(sorted(set(int(i) for i in self.agency_ids))))
        if self.kind is QuorumKind.AT_LEAST and self.count < 1:
            raise QuorumRuleError("The number of agencies needed for quorum must be at least 1.")
        if self.agency_set is AgencySet.NAMED and not self.agency_ids:
            raise QuorumRuleError("A quorum rule over named agencies needs at least one agency.")
        if self.kind is QuorumKind.ALL_OF and self.agency_set is AgencySet.ANY:
            raise QuorumRuleError(
                "'Every agency' quorum is not supported: choose the statutory set or name the agencies."
            )

    # --- storage -------------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": self.kind.value,
                "count": self.count,
                "agency_set": self.agency_set.value,
                "agency_ids": list(self.agency_ids),
                "chair_may_proceed": self.chair_may_proceed,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> QuorumRule:
        data = json.loads(text)
        return cls(
            kind=data.get("kind", "at_least"),
            count=int(data.get("count", 3)),
            agency_set=data.get("agency_set", "statutory"),
            agency_ids=tuple(data.get("agency_ids", ())),
            chair_may_proceed=bool(data.get("chair_may_proceed", True)),
        )

    # --- words ---------------------------------------------------------------------------
    def describe(self, agency_names: Mapping[int, str] | None = None) -> str:
        """The rule in a sentence, as it would appear in a Terms of Reference."""
        if self.agency_set is AgencySet.NAMED:
            names = ", ".join((agency_names or {}).get(i, f"agency #{i}") for i in self.agency_ids)
            if self.kind is QuorumKind.AT_LEAST:
                text = f"Quorate when at least {self.count} of these agencies are present: {names}"
            else:
                text = f"Quorate when every one of these agencies is present: {names}"
        elif self.agency_set is AgencySet.STATUTORY:
            if self.kind is QuorumKind.AT_LEAST:
                text = f"Quorate when at least {self.count} statutory agencies are present"
            else:
                text = "Quorate when every statutory agency is present"
        else:
            text = f"Quorate when at least {self.count} different agencies are present"
        if self.chair_may_proceed:
            return text + "; if not, the chair decides whether to proceed or reconvene."
        return text + "; if not, the meeting must be reconvened."


@dataclass(frozen=True)
class QuorumResult:
    quorate: bool
    rule: QuorumRule
    needed: int
    counted: tuple[Agency, ...]
    """Agencies present that count toward the rule."""
    missing: tuple[Agency, ...]
    """Agencies of the rule's set that are not present (all of them, for ``at_least``)."""
    present_not_counting: tuple[Agency, ...] = field(default=())
    """Agencies present that the rule does not count (e.g. non-statutory ones)."""

    @property
    def shortfall(self) -> int:
        return max(0, self.needed - len(self.counted))

    @property
    def chair_may_proceed(self) -> bool:
        return not self.quorate and self.rule.chair_may_proceed

    def explain(self) -> str:
        counted = ", ".join(a.label for a in self.counted) or "none"
        if self.quorate:
            return f"Quorate: {len(self.counted)} of {self.needed} needed ({counted})."
        missing = ", ".join(a.label for a in self.missing) or "none"
        return (
            f"Not quorate: {len(self.counted)} of {self.needed} needed ({counted}); "
            f"short by {self.shortfall}. Not present: {missing}."
        )


def agencies_present(
    members: Iterable[Member],
    attendance: Mapping[int, AttendanceStatus],
    on: dt.date,
) -> set[int]:
    """Ids of agencies with at least one member (in post on ``on``) who attended.

    A deputy counts for their member's agency; apologies and absence do not.
    """
    present: set[int] = set()
    for member in members:
        if member.id is None or not member.is_active(on):
            continue
        status = attendance.get(member.id)
        if status is not None and AttendanceStatus(status).attended:
            present.add(member.agency_id)
    return present


def evaluate_quorum(
    rule: QuorumRule,
    agencies: Iterable[Agency],
    members: Iterable[Member],
    attendance: Mapping[int, AttendanceStatus],
    on: dt.date,
) -> QuorumResult:
    """Whether a meeting held on ``on`` with this attendance is quorate."""
    active = [a for a in agencies if a.id is not None and a.is_active(on)]
    present_ids = agencies_present(members, attendance, on)
    if rule.agency_set is AgencySet.STATUTORY:
        in_set = [a for a in active if a.statutory]
    elif rule.agency_set is AgencySet.NAMED:
        wanted = set(rule.agency_ids)
        in_set = [a for a in active if a.id in wanted]
    else:
        in_set = active
    in_set.sort(key=lambda a: a.label.lower())
    counted = tuple(a for a in in_set if a.id in present_ids)
    missing = tuple(a for a in in_set if a.id not in present_ids)
    set_ids = {a.id for a in in_set}
    others = tuple(
        sorted(
            (a for a in active if a.id in present_ids and a.id not in set_ids),
            key=lambda a: a.label.lower(),
        )
    )
    if rule.kind is QuorumKind.AT_LEAST:
        needed = rule.count
        quorate = len(counted) >= needed
    else:
        needed = len(in_set)
        # An empty set (e.g. no statutory agency configured) can never be
        # satisfied: quorum must not pass by default.
        quorate = bool(in_set) and not missing
    return QuorumResult(
        quorate=quorate,
        rule=rule,
        needed=needed,
        counted=counted,
        missing=missing,
        present_not_counting=others,
    )

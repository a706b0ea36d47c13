"""Quorum rules as data, and their arithmetic (ToR 3).

A subcommittee's quorum is configured, not coded. The kinds cover the
wordings real Terms of Reference use:

``at_least``          at least *N* agencies from a set are present
                      (the Wandsworth ToR: at least 3 statutory agencies);
``all_of``            every agency of a set is present
                      (e.g. all three lead safeguarding partners);
``all_and_at_least``  every agency of a set *and* at least *N* others
                      ("all three lead partners and at least 2 other members");
``none``              no quorum is stated: every meeting counts as quorate for
                      counting purposes, and the register and minutes say that no
                      quorum is set rather than "quorate".

The set is one of ``statutory`` (the agencies marked statutory),
``lead_partners`` (the agencies whose partner class is lead safeguarding
partner), ``named`` (a list of agency ids) or ``any`` (every agency), so "at
least 5 different partner organisations" is ``at_least`` 5 of ``any``.

**Shared seats.** A named set may hold *shared seats*: places that any one of
several agencies can fill ("the ICB or another nominated health trust"). A
shared seat counts once, whichever of its agencies attends (and once if both
do). Every other named agency is a seat of its own.

**Others** (``all_and_at_least``) are agencies outside the set, counted as
agencies (each agency present once) or as members (each member in post who
attended in person or by deputy once); an agency of the set never counts as an
other, even when another agency fills its shared seat.

``chair_may_proceed`` says whether, when the rule is not met, the chair may
decide to proceed (the ToR's "the Chair will decide as whether to reconvene
the meeting or proceed") or the meeting must be reconvened.

An agency is present when at least one of its members who was a member on
the meeting date attended in person or sent a deputy. A representative-only
member (e.g. schools) still counts as attendance. Guests never count:
they are not members, so they never reach this module.

**Storage.** :meth:`QuorumRule.to_json` writes the five keys the first rules
had, exactly as before, and adds ``shared_seats`` and ``others`` only when a
rule uses them: a rule stored by an earlier version reads, counts and is
written back byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.attendance import AttendanceStatus

if TYPE_CHECKING:
    from mqp_desktop.domain.model import Agency, Member


class QuorumKind(StrEnum):
    AT_LEAST = "at_least"
    ALL_OF = "all_of"
    ALL_AND_AT_LEAST = "all_and_at_least"
    NONE = "none"


class AgencySet(StrEnum):
    STATUTORY = "statutory"
    LEAD_PARTNERS = "lead_partners"
    NAMED = "named"
    ANY = "any"


class OthersUnit(StrEnum):
    """What "at least N others" counts (``all_and_at_least`` only)."""

    AGENCIES = "agencies"
    MEMBERS = "members"


LEAD_PARTNER_CLASS = "lead safeguarding partner"
"""``PartnerClass.LEAD_PARTNER``'s stored value (domain/model.py imports this module)."""

NO_QUORUM = "No quorum is set in the Terms of Reference"

_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def in_words(n: int) -> str:
    """'three' for 3 (up to ten), digits beyond."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def _others_noun(rule: QuorumRule, n: int) -> str:
    if rule.others is OthersUnit.MEMBERS:
        return _plural(n, "other member", "other members")
    return _plural(n, "other agency", "other agencies")


SET_NOUNS = {
    AgencySet.STATUTORY: ("statutory agency", "statutory agencies"),
    AgencySet.LEAD_PARTNERS: ("lead partner", "lead partners"),
    AgencySet.NAMED: ("named agency", "named agencies"),
    AgencySet.ANY: ("agency", "agencies"),
}


class QuorumRuleError(ValueError):
    """A quorum rule that cannot be evaluated (e.g. a count below 1)."""


@dataclass(frozen=True)
class QuorumRule:
    kind: QuorumKind = QuorumKind.AT_LEAST
    count: int = 3
    """At least this many (``at_least``: of the set; ``all_and_at_least``: others)."""
    agency_set: AgencySet = AgencySet.STATUTORY
    agency_ids: tuple[int, ...] = ()
    """The named set's agencies that are a seat each."""
    chair_may_proceed: bool = True
    shared_seats: tuple[tuple[int, ...], ...] = ()
    """The named set's shared seats: each two or more agency ids, any one of which fills it."""
    others: OthersUnit = OthersUnit.AGENCIES

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", QuorumKind(self.kind))
        object.__setattr__(self, "agency_set", AgencySet(self.agency_set))
        object.__setattr__(self, "others", OthersUnit(self.others))
        object.__setattr__(self, "agency_ids", tuple(sorted(set(int(i) for i in self.agency_ids))))
        seats = tuple(sorted({tuple(sorted(set(int(i) for i in seat))) for seat in self.shared_seats}))
        object.__setattr__(self, "shared_seats", seats)
        if self.kind is QuorumKind.NONE:
            return  # nothing to meet: the other fields are kept as they were, unused
        if self.kind is QuorumKind.AT_LEAST and self.count < 1:
            raise QuorumRuleError("The number of agencies needed for quorum must be at least 1.")
        if self.kind is QuorumKind.ALL_AND_AT_LEAST and self.count < 1:
            raise QuorumRuleError(
                "The number of others needed must be at least 1 (for none, choose 'every agency of a set')."
            )
        if self.agency_set is AgencySet.NAMED and not self.agency_ids and not self.shared_seats:
            raise QuorumRuleError("A quorum rule over named agencies needs at least one agency.")
        if self.kind in (QuorumKind.ALL_OF, QuorumKind.ALL_AND_AT_LEAST) and self.agency_set is AgencySet.ANY:
            raise QuorumRuleError(
                "'Every agency' quorum is not supported: choose the statutory set or name the agencies."
            )
        if self.shared_seats:
            if self.agency_set is not AgencySet.NAMED:
                raise QuorumRuleError("Shared seats go with named agencies: choose 'named agencies' for the set.")
            seen = set(self.agency_ids)
            for seat in self.shared_seats:
                if len(seat) < 2:
                    raise QuorumRuleError("A shared seat needs at least two agencies, any one of which fills it.")
                twice = seen & set(seat)
                if twice:
                    raise QuorumRuleError(
                        f"Agency #{min(twice)} is in more than one seat: an agency fills one seat only."
                    )
                seen |= set(seat)

    # --- storage -------------------------------------------------------------------------
    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind.value,
            "count": self.count,
            "agency_set": self.agency_set.value,
            "agency_ids": list(self.agency_ids),
            "chair_may_proceed": self.chair_may_proceed,
        }
        # Only what a rule uses, so an earlier version's rule is written back as it was.
        if self.shared_seats:
            data["shared_seats"] = [list(seat) for seat in self.shared_seats]
        if self.others is not OthersUnit.AGENCIES:
            data["others"] = self.others.value
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_data(), sort_keys=True)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> QuorumRule:
        return cls(
            kind=data.get("kind", "at_least"),
            count=int(data.get("count", 3)),
            agency_set=data.get("agency_set", "statutory"),
            agency_ids=tuple(data.get("agency_ids", ())),
            chair_may_proceed=bool(data.get("chair_may_proceed", True)),
            shared_seats=tuple(tuple(seat) for seat in data.get("shared_seats", ())),
            others=data.get("others", "agencies"),
        )

    @classmethod
    def from_json(cls, text: str) -> QuorumRule:
        return cls.from_data(json.loads(text))

    # --- facts ---------------------------------------------------------------------------
    @property
    def all_agency_ids(self) -> tuple[int, ...]:
        """Every agency the rule names, single or in a shared seat."""
        return tuple(sorted(set(self.agency_ids).union(*self.shared_seats)))

    @property
    def quorum_set(self) -> bool:
        """False when the Terms of Reference set no quorum."""
        return self.kind is not QuorumKind.NONE

    # --- words ---------------------------------------------------------------------------
    def seat_names(self, agency_names: Mapping[int, str] | None = None) -> list[str]:
        """The named set's seats in words: 'LA', 'ICB or Health trust'."""
        names = agency_names or {}

        def name(i: int) -> str:
            return names.get(i, f"agency #{i}")

        return [name(i) for i in self.agency_ids] + [" or ".join(name(i) for i in seat) for seat in self.shared_seats]

    def describe(self, agency_names: Mapping[int, str] | None = None) -> str:
        """The rule in a sentence, as it would appear in a Terms of Reference."""
        if self.kind is QuorumKind.NONE:
            return f"{NO_QUORUM}: every meeting counts as quorate for counting purposes."
        shared = ""
        if self.kind is QuorumKind.ALL_AND_AT_LEAST:
            others = f"at least {self.count} {_others_noun(self, self.count)}"
            every = {
                AgencySet.STATUTORY: "every statutory agency",
                AgencySet.LEAD_PARTNERS: "every lead safeguarding partner",
                AgencySet.NAMED: "every one of these agencies",
            }.get(self.agency_set, "every agency")
            text = f"Quorate when {every} and {others} are present"
            if self.agency_set is AgencySet.NAMED:
                text += ": " + ", ".join(self.seat_names(agency_names))
            if self.shared_seats:
                text += " (a shared seat counts once, whichever of its agencies attends)"
            if self.others is OthersUnit.MEMBERS:
                text += " (a deputy counts for their member)"
        elif self.agency_set is AgencySet.NAMED:
            names = ", ".join(self.seat_names(agency_names))
            if self.shared_seats:
                shared = " (a shared seat counts once, whichever of its agencies attends)"
            if self.kind is QuorumKind.AT_LEAST:
                text = f"Quorate when at least {self.count} of these agencies are present: {names}{shared}"
            else:
                text = f"Quorate when every one of these agencies is present: {names}{shared}"
        elif self.agency_set is AgencySet.STATUTORY:
            if self.kind is QuorumKind.AT_LEAST:
                text = f"Quorate when at least {self.count} statutory agencies are present"
            else:
                text = "Quorate when every statutory agency is present"
        elif self.agency_set is AgencySet.LEAD_PARTNERS:
            if self.kind is QuorumKind.AT_LEAST:
                text = f"Quorate when at least {self.count} lead safeguarding partners are present"
            else:
                text = "Quorate when every lead safeguarding partner is present"
        else:
            text = f"Quorate when at least {self.count} different agencies are present"
        if self.chair_may_proceed:
            return text + "; if not, the chair decides whether to proceed or reconvene."
        return text + "; if not, the meeting must be reconvened."


@dataclass(frozen=True)
class Seat:
    """One place a quorum counts: filled when any of its agencies is present."""

    agencies: tuple[Agency, ...]
    present: tuple[Agency, ...] = ()

    @property
    def filled(self) -> bool:
        return bool(self.present)

    @property
    def shared(self) -> bool:
        return len(self.agencies) > 1

    @property
    def label(self) -> str:
        return " or ".join(a.label for a in self.agencies)

    @property
    def counted_label(self) -> str:
        """'LA'; for a shared seat, who filled it: 'ICB or Trust (Trust)'."""
        if not self.shared:
            return self.label
        return f"{self.label} ({', '.join(a.label for a in self.present) or 'none'})"


@dataclass(frozen=True)
class QuorumResult:
    quorate: bool
    rule: QuorumRule
    needed: int
    """Seats of the set needed (``all_and_at_least``: every seat of the set; ``none``: 0)."""
    counted: tuple[Agency, ...]
    """Agencies present that count toward the rule (for ``none``: every agency present)."""
    missing: tuple[Agency, ...]
    """Agencies of the rule's set that are not present (of an empty seat: each of its agencies)."""
    present_not_counting: tuple[Agency, ...] = field(default=())
    """Agencies present that the rule does not count (e.g. non-statutory ones)."""
    seats: tuple[Seat, ...] = field(default=())
    """The set's seats, filled or not, by label (one per agency unless shared)."""
    others: tuple[str, ...] = field(default=())
    """``all_and_at_least``: the others that count (agency labels, or members by name)."""
    other_agencies: tuple[Agency, ...] = field(default=())
    """``all_and_at_least``: the agencies outside the set that are present."""

    @property
    def quorum_set(self) -> bool:
        return self.rule.quorum_set

    @property
    def filled(self) -> int:
        """Seats of the set filled (for rules without shared seats, the agencies counted)."""
        return sum(1 for s in self.seats if s.filled) if self.seats else len(self.counted)

    @property
    def missing_seats(self) -> tuple[Seat, ...]:
        return tuple(s for s in self.seats if not s.filled)

    @property
    def others_needed(self) -> int:
        return self.rule.count if self.rule.kind is QuorumKind.ALL_AND_AT_LEAST else 0

    @property
    def seat_shortfall(self) -> int:
        if self.rule.kind is QuorumKind.NONE:
            return 0
        return max(0, self.needed - self.filled)

    @property
    def others_shortfall(self) -> int:
        return max(0, self.others_needed - len(self.others))

    @property
    def shortfall(self) -> int:
        return self.seat_shortfall + self.others_shortfall

    @property
    def chair_may_proceed(self) -> bool:
        return not self.quorate and self.rule.chair_may_proceed

    def counted_text(self) -> str:
        """The seats filled: 'LA, Police', with who filled a shared seat: 'ICB or Trust (Trust)'."""
        if any(s.shared for s in self.seats):
            return ", ".join(s.counted_label for s in self.seats if s.filled) or "none"
        return ", ".join(a.label for a in self.counted) or "none"

    def missing_text(self) -> str:
        """The seats empty: 'Police', a shared seat as 'ICB or Trust'."""
        if any(s.shared for s in self.seats):
            return ", ".join(s.label for s in self.missing_seats) or "none"
        return ", ".join(a.label for a in self.missing) or "none"

    def summary(self) -> str:
        """The count in the rule's own words, without the verdict:
        'all three lead partners and 4 of 3 other agencies', '2 of 3 needed'."""
        rule = self.rule
        if rule.kind is QuorumKind.NONE:
            n = len(self.counted)
            return f"{NO_QUORUM.lower()}; {n} {_plural(n, 'agency', 'agencies')} present"
        if rule.kind is QuorumKind.ALL_AND_AT_LEAST:
            one, many = SET_NOUNS[rule.agency_set]
            if self.filled == self.needed:
                first = (f"all {in_words(self.needed)} {many}" if self.needed != 1 else f"the {one}")
            else:
                first = f"{self.filled} of the {in_words(self.needed)} {_plural(self.needed, one, many)}"
            return f"{first} and {len(self.others)} of {rule.count} {_others_noun(rule, rule.count)}"
        return f"{self.filled} of {self.needed} needed"

    def explain(self) -> str:
        rule = self.rule
        counted = self.counted_text()
        if rule.kind is QuorumKind.NONE:
            n = len(self.counted)
            return f"{NO_QUORUM} ({n} {_plural(n, 'agency', 'agencies')} present: {counted})."
        if rule.kind is QuorumKind.ALL_AND_AT_LEAST:
            others = ", ".join(self.others) or "none"
            if self.quorate:
                return f"Quorate: {self.summary()} ({counted}; others: {others})."
            short = []
            one, many = SET_NOUNS[rule.agency_set]
            if self.seat_shortfall:
                short.append(f"{self.seat_shortfall} {_plural(self.seat_shortfall, one, many)}")
            if self.others_shortfall:
                short.append(f"{self.others_shortfall} {_others_noun(rule, self.others_shortfall)}")
            text = (f"Not quorate: {self.summary()} ({counted}; others: {others}); "
                    f"short by {' and '.join(short)}.")
            if self.missing_seats:
                text += f" Not present: {self.missing_text()}."
            return text
        if self.quorate:
            return f"Quorate: {self.filled} of {self.needed} needed ({counted})."
        return (
            f"Not quorate: {self.filled} of {self.needed} needed ({counted}); "
            f"short by {self.shortfall}. Not present: {self.missing_text()}."
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


def _label_key(a: Agency) -> str:
    return a.label.lower()


def _is_lead_partner(agency: Agency) -> bool:
    return str(getattr(agency.partner_class, "value", agency.partner_class)) == LEAD_PARTNER_CLASS


def evaluate_quorum(
    rule: QuorumRule,
    agencies: Iterable[Agency],
    members: Iterable[Member],
    attendance: Mapping[int, AttendanceStatus],
    on: dt.date,
) -> QuorumResult:
    """Whether a meeting held on ``on`` with this attendance is quorate."""
    members = list(members)
    active = [a for a in agencies if a.id is not None and a.is_active(on)]
    present_ids = agencies_present(members, attendance, on)
    present_agencies = tuple(sorted((a for a in active if a.id in present_ids), key=_label_key))
    if rule.kind is QuorumKind.NONE:
        return QuorumResult(quorate=True, rule=rule, needed=0, counted=present_agencies, missing=())

    by_id = {a.id: a for a in active}
    named = rule.agency_set is AgencySet.NAMED
    if rule.agency_set is AgencySet.STATUTORY:
        in_set = [a for a in active if a.statutory]
    elif rule.agency_set is AgencySet.LEAD_PARTNERS:
        in_set = [a for a in active if _is_lead_partner(a)]
    elif named:
        wanted = set(rule.all_agency_ids)
        in_set = [a for a in active if a.id in wanted]
    else:
        in_set = active
    in_set.sort(key=_label_key)

    seats: list[Seat] = []
    in_shared = set().union(*rule.shared_seats) if named else set()
    for a in in_set:
        if a.id not in in_shared:
            seats.append(Seat((a,), (a,) if a.id in present_ids else ()))
    for group in rule.shared_seats if named else ():
        # Only the seat's agencies active on the day: a seat whose agencies have all ended leaves the set.
        agencies_of = tuple(sorted((by_id[i] for i in group if i in by_id), key=_label_key))
        if agencies_of:
            seats.append(Seat(agencies_of, tuple(a for a in agencies_of if a.id in present_ids)))
    seats.sort(key=lambda s: s.label.lower())

    counted = tuple(a for a in in_set if a.id in present_ids)
    filled_ids = {a.id for s in seats if s.filled for a in s.agencies}
    missing = tuple(a for a in in_set if a.id not in present_ids and a.id not in filled_ids)
    set_ids = {a.id for a in in_set} | (set(rule.all_agency_ids) if named else set())
    outside = tuple(a for a in present_agencies if a.id not in set_ids)
    filled = sum(1 for s in seats if s.filled)

    others: tuple[str, ...] = ()
    if rule.kind is QuorumKind.ALL_AND_AT_LEAST:
        if rule.others is OthersUnit.MEMBERS:
            labels = {a.id: a.label for a in active}
            found = []
            for m in members:
                if m.id is None or not m.is_active(on) or m.agency_id in set_ids or m.agency_id not in labels:
                    continue
                status = attendance.get(m.id)
                if status is not None and AttendanceStatus(status).attended:
                    found.append((labels[m.agency_id].lower(), m.display_name.lower(),
                                  f"{m.display_name} ({labels[m.agency_id]})"))
            others = tuple(text for *_key, text in sorted(found))
        else:
            others = tuple(a.label for a in outside)

    if rule.kind is QuorumKind.AT_LEAST:
        needed = rule.count
        quorate = filled >= needed
    else:
        needed = len(seats)
        # An empty set (e.g. no statutory agency configured) can never be
        # satisfied: quorum must not pass by default.
        quorate = bool(seats) and filled == needed
        if rule.kind is QuorumKind.ALL_AND_AT_LEAST:
            quorate = quorate and len(others) >= rule.count
    combination = rule.kind is QuorumKind.ALL_AND_AT_LEAST
    return QuorumResult(
        quorate=quorate,
        rule=rule,
        needed=needed,
        counted=counted,
        missing=missing,
        present_not_counting=() if combination else outside,
        seats=tuple(seats),
        others=others,
        other_agencies=outside if combination else (),
    )

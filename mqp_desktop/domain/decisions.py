"""The decisions register and the ratification of decisions taken while not quorate (ToR 3), in plain
Python: no Qt, no SQL.

Decisions are written in the minutes, per agenda item (``domain/minutes.py``); the store keeps an index
of them (one row per decision, kept in step with the minutes) so every decision across every meeting
is one list (:class:`DecisionEntry`), filtered by period, item, partnership priority and inquoracy
(:class:`DecisionFilter`).

**Ratification.** A decision taken while the meeting was not quorate waits to be ratified at a later
meeting that is quorate (:func:`check_ratification` says why not, in words). The ratification is a
record of the later meeting (:class:`Ratification`), printed in its minutes under "Decisions ratified"
(:class:`~mqp_desktop.domain.minutes.RatifiedLine`). One recorded in error is withdrawn with a reason,
never deleted, and the decision waits again.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mqp_desktop.domain.validation import ValidationError


@dataclass(frozen=True)
class DecisionEntry:
    """One decision as the minutes in force record it, with its ratification when it has one."""

    meeting_id: int
    meeting_date: dt.date
    item_id: int | None
    item_number: str
    item_title: str
    text: str
    taken_while_inquorate: bool
    ratified_meeting_id: int | None = None
    ratified_on: dt.date | None = None
    """The date of the meeting that ratified it."""
    priorities: tuple[str, ...] = ()
    """The partnership priorities the decision's agenda item serves."""
    id: int | None = field(default=None, compare=False)
    """The decision's number in the register (``mqp ratify MEETING --decision ID``)."""
    meeting_title: str = field(default="", compare=False)
    ratification_id: int | None = field(default=None, compare=False)
    minutes_status: str = field(default="", compare=False)
    """'draft', 'signed' (the minutes the decision is in), or '' when unknown."""

    @property
    def awaiting_ratification(self) -> bool:
        return self.taken_while_inquorate and self.ratified_meeting_id is None

    @property
    def item_label(self) -> str:
        if self.item_number and self.item_title:
            return f"{self.item_number} {self.item_title}"
        return self.item_number or self.item_title

    @property
    def status(self) -> str:
        """In words: 'ratified 12 May 2026', 'awaiting ratification' or 'taken at a quorate meeting'."""
        if self.ratified_on is not None:
            return f"ratified {_day(self.ratified_on)}"
        if self.taken_while_inquorate:
            return "awaiting ratification"
        return "taken at a quorate meeting"


@dataclass(frozen=True)
class Ratification:
    """A decision ratified at a later, quorate meeting (or, withdrawn, a ratification recorded in error)."""

    id: int
    decision_id: int
    meeting_id: int
    """The later meeting at which it was ratified."""
    decision_text: str
    """The decision's words as they were ratified."""
    note: str = ""
    created_at: str = ""
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    row_version: int | None = field(default=None, compare=False)

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None


# --- quarters and periods --------------------------------------------------------------------

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*Q([1-4])\s*$", re.IGNORECASE)
_FY_QUARTER = re.compile(r"^\s*Q([1-4])\s+(\d{4})\s*[-/]\s*(\d{2}|\d{4})\s*$", re.IGNORECASE)


def quarter_range(text: str) -> tuple[dt.date, dt.date]:
    """A quarter's first and last day: '2026-Q2' (calendar, April to June 2026, as the performance data
    stores quarters) or 'Q1 2026-27' (the partnership's financial year: April to June 2026)."""
    m = _QUARTER.match(text or "")
    if m:
        year, q = int(m.group(1)), int(m.group(2))
    else:
        m = _FY_QUARTER.match(text or "")
        if not m:
            raise ValidationError("quarter", f"'{text}' is not a quarter: write 2026-Q2 (April to June 2026) or "
                                  "Q1 2026-27 (the financial year's first quarter, also April to June 2026).")
        fq, year = int(m.group(1)), int(m.group(2))
        q = fq + 1 if fq < 4 else 1
        year = year if fq < 4 else year + 1
    start = dt.date(year, 3 * (q - 1) + 1, 1)
    end_month = 3 * q
    end = (dt.date(year + 1, 1, 1) if end_month == 12 else dt.date(year, end_month + 1, 1)) - dt.timedelta(days=1)
    return start, end


@dataclass(frozen=True)
class DecisionFilter:
    """What the register shows: a period (inclusive), words in the item or the decision, a priority,
    inquorate decisions only (True), quorate only (False) or both (None), awaiting ratification only."""

    start: dt.date | None = None
    end: dt.date | None = None
    item: str | None = None
    priority: str | None = None
    inquorate: bool | None = None
    awaiting_only: bool = False

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValidationError("end", f"The period ends ({_day(self.end)}) before it starts "
                                  f"({_day(self.start)}).")

    def matches(self, d: DecisionEntry) -> bool:
        if self.start is not None and d.meeting_date < self.start:
            return False
        if self.end is not None and d.meeting_date > self.end:
            return False
        if self.inquorate is not None and d.taken_while_inquorate != self.inquorate:
            return False
        if self.awaiting_only and not d.awaiting_ratification:
            return False
        if self.priority and self.priority.casefold() not in {p.casefold() for p in d.priorities}:
            return False
        if self.item:
            haystack = f"{d.item_number} {d.item_title} {d.text}".casefold()
            if not all(word in haystack for word in self.item.casefold().split()):
                return False
        return True


def check_priority(priority: str, known: Iterable[str]) -> str:
    """The priority as the partnership's list spells it; ValidationError naming the list when it is not on it."""
    known = [k for k in known if k]
    found = next((k for k in known if k.casefold() == " ".join(priority.split()).casefold()), None)
    if found is None:
        listed = "; ".join(known) if known else "none are listed yet (Agenda & papers settings)"
        raise ValidationError("priority", f"'{priority}' is not one of the partnership's priorities: {listed}.")
    return found


@functools.lru_cache(maxsize=4096)
def number_key(number: str) -> tuple[int, ...]:
    """'4.10' sorts after '4.9'."""
    return tuple(int(p) for p in number.split(".") if p.isdigit()) if number else (0,)


def sort_key(d: DecisionEntry) -> tuple:
    return (d.meeting_date, d.meeting_id, number_key(d.item_number), d.id or 0)


# --- ratification rules ----------------------------------------------------------------------

@dataclass(frozen=True)
class MeetingForRatification:
    """What the rules need to know of the later meeting."""

    id: int
    title: str
    date: dt.date
    cancelled: bool
    register_taken: bool
    quorate: bool | None
    minutes_signed: bool
    later: bool
    """Whether it came after the decision's meeting (by date and start time)."""


def _day(when: dt.date) -> str:
    """'12 May 2026' (no platform's own strftime flags)."""
    return f"{when.day} {when:%b %Y}"


def _the(title: str) -> str:
    return title[:1].lower() + title[1:]


def check_ratification(decision: DecisionEntry, at: MeetingForRatification,
                       in_force: Ratification | None = None, in_force_at: str = "") -> None:
    """Refuse, in words, a ratification that cannot be: the decision was quorate, it is already ratified,
    the meeting is not later, was cancelled, has no register, was not quorate, or its minutes are signed."""
    what = f"Decision {decision.id} ('{decision.text[:60]}{'…' if len(decision.text) > 60 else ''}')"
    if not decision.taken_while_inquorate:
        raise ValidationError("decision", f"{what} was taken at a quorate meeting: it needs no ratification.")
    if in_force is not None:
        raise ValidationError("decision", f"{what} was already ratified (at the "
                              f"{_the(in_force_at) if in_force_at else f'meeting {in_force.meeting_id}'}). "
                              "If that was recorded in error, withdraw it first (mqp ratify --withdraw "
                              f"{in_force.id} --reason ...).")
    if at.id == decision.meeting_id or not at.later:
        raise ValidationError("meeting", f"A decision is ratified at a later meeting than the one that took it "
                              f"({_day(decision.meeting_date)}); the {_the(at.title)} is not later.")
    if at.cancelled:
        raise ValidationError("meeting", f"The {_the(at.title)} was cancelled: ratify at a meeting that took place.")
    if not at.register_taken or at.quorate is None:
        raise ValidationError("meeting", f"The {_the(at.title)} has no attendance register yet, so it is not known "
                              "to be quorate: take the register first (Ctrl+T on the meeting).")
    if not at.quorate:
        raise ValidationError("meeting", f"The {_the(at.title)} was not quorate: a decision taken while not quorate "
                              "is ratified only at a quorate meeting (ToR 3).")
    if at.minutes_signed:
        raise ValidationError("meeting", f"The minutes of the {_the(at.title)} are signed, and a ratification is "
                              "printed in them: make a correction of those minutes first "
                              f"(mqp minutes correct {at.id} --reason ...).")


def awaiting(entries: Sequence[DecisionEntry]) -> list[DecisionEntry]:
    return [d for d in entries if d.awaiting_ratification]

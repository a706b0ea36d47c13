"""Attendance follow-up (ToR 5: "Member's failure to attend regularly will be asked to locate a permanent
substitute"), in plain Python.

Each **letter** to a member below the attendance standard is recorded: the member, the date it was
sent, the date a reply is due (``reply_due``: four weeks on, as the letter says), the period and rate
that prompted it, and — when known — the **outcome**: *improved* (attendance back at the standard),
*permanent substitute named* (who), *member replaced* (another member in the seat) or *no reply*. A
letter is recorded when the program writes it (the attendance report's letters) or by hand (one
written another way). A letter recorded in error is withdrawn with the reason, never deleted.

**Status** (derived): *withdrawn*; *closed* (an outcome is recorded); *reply overdue* (no outcome and the
reply date has passed); otherwise *awaiting reply*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.governance.common import day, not_before, not_future, one_line, parse_choice, tidy_text
from mqp_desktop.domain.validation import ValidationError

REPLY_DAYS = 28
"""A reply is asked for within four weeks (the letter's own "reply by" date: exporters/letters.py)."""


class Outcome(StrEnum):
    IMPROVED = "improved"
    SUBSTITUTE = "permanent substitute named"
    REPLACED = "member replaced"
    NO_REPLY = "no reply"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def parse_outcome(text: str | Outcome | None) -> Outcome | None:
    """None for nothing; 'improved', 'permanent substitute named' (or 'substitute'), 'member replaced' (or
    'replaced'), 'no reply'."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    return parse_choice(Outcome, text, "outcome", "an outcome of an attendance letter",
                        {"substitute": Outcome.SUBSTITUTE, "substitute named": Outcome.SUBSTITUTE,
                         "replaced": Outcome.REPLACED, "none": Outcome.NO_REPLY, "no response": Outcome.NO_REPLY,
                         "attendance improved": Outcome.IMPROVED})


class LetterSource(StrEnum):
    WRITTEN = "written"
    """Written by the program (the attendance report's letters)."""
    BY_HAND = "by hand"


class LetterStatus(StrEnum):
    AWAITING = "awaiting reply"
    OVERDUE = "reply overdue"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def finished(self) -> bool:
        return self in (LetterStatus.CLOSED, LetterStatus.WITHDRAWN)


@dataclass
class AttendanceLetter:
    member_id: int | None
    sent_on: dt.date | None
    reply_due: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    rate: float | None = None
    """The member's attendance rate (%) over the period, when the letter came from the report."""
    standard: int | None = None
    outcome: Outcome | None = None
    outcome_on: dt.date | None = None
    substitute_name: str = ""
    """The permanent substitute named, when that is the outcome."""
    notes: str = ""
    source: LetterSource = LetterSource.BY_HAND
    file_name: str = ""
    """The Word letter's file name, when the program wrote it."""
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    def status(self, today: dt.date) -> LetterStatus:
        return letter_status(self, today)

    def days_overdue(self, today: dt.date) -> int:
        if self.status(today) is LetterStatus.OVERDUE and self.reply_due is not None:
            return (today - self.reply_due).days
        return 0


def letter_status(letter: AttendanceLetter, today: dt.date) -> LetterStatus:
    if letter.withdrawn_on is not None:
        return LetterStatus.WITHDRAWN
    if letter.outcome is not None:
        return LetterStatus.CLOSED
    if letter.reply_due is not None and letter.reply_due < today:
        return LetterStatus.OVERDUE
    return LetterStatus.AWAITING


def default_reply_due(sent_on: dt.date) -> dt.date:
    return sent_on + dt.timedelta(days=REPLY_DAYS)


def validate_letter(letter: AttendanceLetter, today: dt.date) -> AttendanceLetter:
    lt = letter
    if lt.member_id is None:
        raise ValidationError("member", "Choose the member the letter was sent to.")
    if lt.sent_on is None:
        raise ValidationError("sent_on", "Give the date the letter was sent.")
    not_future(lt.sent_on, "sent_on", "Sending it", today)
    if lt.reply_due is None:
        lt.reply_due = default_reply_due(lt.sent_on)
    if lt.reply_due < lt.sent_on:
        raise ValidationError("reply_due", f"The reply is due on {day(lt.reply_due)}, before the letter was sent "
                                           f"({day(lt.sent_on)}): give a later date.")
    if (lt.period_start is None) != (lt.period_end is None):
        raise ValidationError("period", "Give both ends of the attendance period, or neither.")
    not_before(lt.period_end, lt.period_start, "period", "The period's end", "its start")
    if lt.rate is not None and not 0 <= lt.rate <= 100:
        raise ValidationError("rate", "An attendance rate is a percentage from 0 to 100.")
    if lt.standard is not None and not 0 <= lt.standard <= 100:
        raise ValidationError("standard", "The attendance standard is a percentage from 0 to 100.")
    lt.outcome = parse_outcome(lt.outcome)
    lt.substitute_name = one_line(lt.substitute_name)
    lt.notes = tidy_text(lt.notes)
    lt.file_name = one_line(lt.file_name)
    lt.source = LetterSource(lt.source)
    if lt.outcome is None:
        if lt.outcome_on is not None:
            raise ValidationError("outcome", "Choose the outcome for the date given (or clear the date).")
        if lt.substitute_name:
            raise ValidationError("outcome", "A substitute is named with the outcome 'permanent substitute named'.")
    else:
        if lt.outcome_on is None:
            lt.outcome_on = today
        not_before(lt.outcome_on, lt.sent_on, "outcome_on", "The outcome", "the letter")
        not_future(lt.outcome_on, "outcome_on", "The outcome", today)
        if lt.outcome is Outcome.SUBSTITUTE and not lt.substitute_name:
            raise ValidationError("substitute_name", "Name the permanent substitute (and record them in the register "
                                                     "as the member's deputy, or as the member).")
        if lt.outcome is not Outcome.SUBSTITUTE:
            lt.substitute_name = ""
        if lt.outcome is Outcome.NO_REPLY and lt.outcome_on < (lt.reply_due or lt.outcome_on):
            raise ValidationError("outcome", f"The reply is due on {day(lt.reply_due)}: 'no reply' can be recorded "
                                             "once that date has passed.")
    lt.withdrawn_reason = tidy_text(lt.withdrawn_reason)
    if lt.withdrawn_on is not None:
        if not lt.withdrawn_reason:
            raise ValidationError("reason", "Say why the letter is withdrawn: it stays recorded with the reason.")
    else:
        lt.withdrawn_reason = ""
    return lt


# --- lists ------------------------------------------------------------------------------------------------

FILTER_OPEN = "open"
"""Awaiting a reply (overdue included)."""
FILTER_OVERDUE = "overdue"
FILTER_CLOSED = "closed"
"""An outcome recorded, or withdrawn."""
FILTER_ALL = "all"
FILTERS = (FILTER_OPEN, FILTER_OVERDUE, FILTER_CLOSED, FILTER_ALL)


def matches_filter(letter: AttendanceLetter, which: str, today: dt.date) -> bool:
    status = letter.status(today)
    if which == FILTER_OPEN:
        return not status.finished
    if which == FILTER_OVERDUE:
        return status is LetterStatus.OVERDUE
    if which == FILTER_CLOSED:
        return status.finished
    if which == FILTER_ALL:
        return True
    raise ValidationError("filter", f"'{which}' is not a filter: use {', '.join(FILTERS)}.")


def filter_letters(letters: Iterable[AttendanceLetter], which: str, today: dt.date, *,
                   member_id: int | None = None) -> list[AttendanceLetter]:
    return [lt for lt in letters if matches_filter(lt, which, today)
            and (member_id is None or lt.member_id == member_id)]


def next_step(letter: AttendanceLetter, today: dt.date) -> str:
    status = letter.status(today)
    if status is LetterStatus.WITHDRAWN:
        return f"Withdrawn on {day(letter.withdrawn_on)}: {letter.withdrawn_reason}"
    if status is LetterStatus.CLOSED:
        who = f" ({letter.substitute_name})" if letter.substitute_name else ""
        return f"{letter.outcome.label}{who}, recorded {day(letter.outcome_on)}."
    if status is LetterStatus.OVERDUE:
        days = letter.days_overdue(today)
        return (f"The reply was due on {day(letter.reply_due)}, {days} day{'s' if days != 1 else ''} ago: chase it, "
                "or record the outcome (no reply).")
    return f"Waiting for the member's reply, due by {day(letter.reply_due)}."

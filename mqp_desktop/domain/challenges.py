"""The challenge log (ToR 6.3: "making the acceptance of challenge a cultural expectation"), in plain Python.

A **challenge** is a question the subcommittee puts to an agency about what lies behind its
performance: an indicator, a multi-agency audit, a single-agency inspection, or anything else
said in words. It has a stable **reference**, ``CH-2026-007`` (the year it was raised and a
sequence within that year, never reused), the question, its **subject**, where it was raised
(a meeting and agenda item, when it was raised at one), the date, **to whom** (an agency, and a
member of the register or another named contact) and the date the response is **due**.

The subject is stored as a kind (``indicator``, ``audit``, ``inspection``, ``other``), the id of
the record it is about when there is one, and a readable label kept with the challenge (so the
log reads the same whatever happens to the record it points to, and needs no other table).

**Responses.** The agency's answer is a :class:`ChallengeResponse`: the text and the date it was
received. The subcommittee then **reviews** it: *accepted* (the challenge is closed that day),
*not accepted* (with the reason), or *further information requested* (saying what). The last two
set a new due date, and the challenge waits for the agency again. Every response is kept; one
recorded in error is marked removed (undo), never deleted.

**Status** (derived, never stored): *withdrawn* (with a reason; nothing is deleted), *closed*,
*answered* (a response is waiting for the subcommittee's review), *overdue* (waiting for the
agency, and the due date has passed), otherwise *open*. A challenge answered late is not overdue:
the next step is the subcommittee's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.papers import fill_template
from mqp_desktop.domain.validation import ValidationError, clean_email

REFERENCE_RE = re.compile(r"^\s*CH-?(\d{4})-?(\d{1,6})\s*$", re.IGNORECASE)
DEFAULT_RESPONSE_DAYS = 28
"""A new challenge's response is due four weeks after it was raised unless another date is given."""

REMOVED_IN_ERROR = "recorded in error, undone"
"""The note of a response removed by an undo (a response is never deleted)."""


class SubjectKind(StrEnum):
    INDICATOR = "indicator"
    AUDIT = "audit"
    INSPECTION = "inspection"
    OTHER = "other"

    @property
    def label(self) -> str:
        return SUBJECT_LABELS[self]


SUBJECT_LABELS = {
    SubjectKind.INDICATOR: "Indicator",
    SubjectKind.AUDIT: "Multi-agency audit",
    SubjectKind.INSPECTION: "Inspection",
    SubjectKind.OTHER: "Other",
}


def parse_subject_kind(text: str | SubjectKind | None) -> SubjectKind:
    """'indicator', 'audit' (or 'multi-agency audit'), 'inspection', 'other' (any case)."""
    if isinstance(text, SubjectKind):
        return text
    key = " ".join((text or "").strip().lower().replace("_", " ").replace("-", " ").split())
    if key in ("", "other", "words", "text"):
        return SubjectKind.OTHER
    if key in ("multi agency audit", "audits"):
        key = "audit"
    if key in ("indicators", "inspections"):
        key = key[:-1]
    for kind in SubjectKind:
        if kind.value == key:
            return kind
    raise ValidationError("subject_kind", f"'{text}' is not a kind of subject: use indicator, audit, inspection or "
                                          "other.")


class Verdict(StrEnum):
    """The subcommittee's view of a response."""

    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not accepted"
    FURTHER_INFORMATION = "further information"

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]

    @property
    def needs_reason(self) -> bool:
        return self is not Verdict.ACCEPTED


VERDICT_LABELS = {
    Verdict.ACCEPTED: "Accepted",
    Verdict.NOT_ACCEPTED: "Not accepted",
    Verdict.FURTHER_INFORMATION: "Further information requested",
}


def parse_verdict(text: str | Verdict) -> Verdict:
    """'accepted', 'not accepted' (or 'not-accepted', 'rejected'), 'further information' (or 'further', 'fi')."""
    if isinstance(text, Verdict):
        return text
    key = " ".join((text or "").strip().lower().replace("-", " ").replace("_", " ").split())
    words = {
        "accepted": Verdict.ACCEPTED, "accept": Verdict.ACCEPTED, "yes": Verdict.ACCEPTED,
        "not accepted": Verdict.NOT_ACCEPTED, "rejected": Verdict.NOT_ACCEPTED, "no": Verdict.NOT_ACCEPTED,
        "further information": Verdict.FURTHER_INFORMATION, "further information requested":
            Verdict.FURTHER_INFORMATION, "further": Verdict.FURTHER_INFORMATION, "fi": Verdict.FURTHER_INFORMATION,
        "more information": Verdict.FURTHER_INFORMATION,
    }
    if key in words:
        return words[key]
    raise ValidationError("verdict", f"'{text}' is not a verdict on a response: use accepted, not accepted or "
                                     "further information.")


class ChallengeStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    OVERDUE = "overdue"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def finished(self) -> bool:
        """Closed or withdrawn: nothing more is expected of anyone."""
        return self in (ChallengeStatus.CLOSED, ChallengeStatus.WITHDRAWN)


STATUS_LABELS = {
    ChallengeStatus.OPEN: "Open",
    ChallengeStatus.ANSWERED: "Answered, awaiting review",
    ChallengeStatus.OVERDUE: "Overdue",
    ChallengeStatus.CLOSED: "Closed",
    ChallengeStatus.WITHDRAWN: "Withdrawn",
}


def parse_status(text: str | ChallengeStatus) -> ChallengeStatus:
    if isinstance(text, ChallengeStatus):
        return text
    key = " ".join((text or "").strip().lower().replace("-", " ").split())
    if key in ("awaiting review", "answered awaiting review", "answered, awaiting review"):
        key = "answered"
    for s in ChallengeStatus:
        if s.value == key:
            return s
    raise ValidationError("status", f"'{text}' is not a challenge status: use open, answered, overdue, closed or "
                                    "withdrawn.")


@dataclass
class ChallengeResponse:
    """One answer from the agency, and the subcommittee's review of it."""

    challenge_id: int | None
    received_on: dt.date
    text: str
    verdict: Verdict | None = None
    verdict_reason: str = ""
    """Why it was not accepted, or what further information is asked for (empty when accepted)."""
    reviewed_on: dt.date | None = None
    reviewed_at_meeting_id: int | None = None
    removed: bool = False
    """Recorded in error and undone: kept, but no longer counts."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    @property
    def reviewed(self) -> bool:
        return self.verdict is not None


@dataclass
class Challenge:
    question: str
    agency_id: int | None
    subject_text: str
    subject_kind: SubjectKind = SubjectKind.OTHER
    subject_id: int | None = None
    """The indicator's, audit's or inspection's id, when the challenge points at one (None for 'other')."""
    meeting_id: int | None = None
    """The meeting it was raised at (None: raised outside a meeting, e.g. by correspondence)."""
    item_id: int | None = None
    raised_on: dt.date | None = None
    to_member_id: int | None = None
    to_name: str = ""
    """A named contact who is not in the register (empty when a member is named, or nobody is)."""
    to_email: str = ""
    """The named contact's email (a member's comes from the register)."""
    due_date: dt.date | None = None
    closed_on: dt.date | None = None
    closed_note: str = ""
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    reference: str = ""
    """'CH-2026-007' — given by the store when the challenge is added."""
    responses: tuple[ChallengeResponse, ...] = field(default=(), compare=False)
    """Every response, oldest first, removed ones included (read from the store; not saved with the challenge)."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    @property
    def live_responses(self) -> list[ChallengeResponse]:
        return [r for r in self.responses if not r.removed]

    @property
    def latest_response(self) -> ChallengeResponse | None:
        live = self.live_responses
        return live[-1] if live else None

    def status(self, today: dt.date) -> ChallengeStatus:
        return challenge_status(self, today)

    def is_overdue(self, today: dt.date) -> bool:
        return self.status(today) is ChallengeStatus.OVERDUE

    def days_overdue(self, today: dt.date) -> int:
        return (today - self.due_date).days if self.is_overdue(today) and self.due_date else 0

    @property
    def accepted(self) -> bool | None:
        """True when the latest response was accepted, False when it was not (or more was asked), None: not yet."""
        latest = self.latest_response
        if latest is None or latest.verdict is None:
            return None
        return latest.verdict is Verdict.ACCEPTED

    @property
    def further_information(self) -> ChallengeResponse | None:
        """The latest reviewed response, when the subcommittee asked for more (or did not accept it) and the
        agency has not answered again: what the agency is now asked for."""
        latest = self.latest_response
        if latest is not None and latest.verdict in (Verdict.NOT_ACCEPTED, Verdict.FURTHER_INFORMATION):
            return latest
        return None


def _sort_responses(responses: Iterable[ChallengeResponse]) -> list[ChallengeResponse]:
    return sorted(responses, key=lambda r: (r.received_on, r.id or 0))


def challenge_status(challenge: Challenge, today: dt.date) -> ChallengeStatus:
    """The status on ``today`` (see the module docstring)."""
    if challenge.withdrawn_on is not None:
        return ChallengeStatus.WITHDRAWN
    if challenge.closed_on is not None:
        return ChallengeStatus.CLOSED
    latest = challenge.latest_response
    if latest is not None and latest.verdict is None:
        return ChallengeStatus.ANSWERED
    if challenge.due_date is not None and challenge.due_date < today:
        return ChallengeStatus.OVERDUE
    return ChallengeStatus.OPEN


def default_due(raised_on: dt.date) -> dt.date:
    return raised_on + dt.timedelta(days=DEFAULT_RESPONSE_DAYS)


# --- references -------------------------------------------------------------------------------

def format_reference(year: int, number: int) -> str:
    return f"CH-{year}-{number:03d}"


def parse_reference(text: str) -> tuple[int, int]:
    """'CH-2026-007' (or 'ch-2026-7', 'CH2026-7') -> (2026, 7); anything else is refused."""
    match = REFERENCE_RE.match(text or "")
    if not match or int(match.group(2)) < 1:
        raise ValidationError("reference", f"'{text}' is not a challenge reference: they look like CH-2026-007.")
    return int(match.group(1)), int(match.group(2))


def next_reference(raised_on: dt.date, existing: Iterable[str]) -> str:
    """The next reference for a challenge raised on ``raised_on``: one past the highest of its year."""
    used = []
    for ref in existing:
        try:
            year, number = parse_reference(ref)
        except ValidationError:
            continue
        if year == raised_on.year:
            used.append(number)
    return format_reference(raised_on.year, max(used, default=0) + 1)


def reference_sort_key(reference: str) -> tuple[int, int]:
    try:
        return parse_reference(reference)
    except ValidationError:
        return (0, 0)


# --- checking -----------------------------------------------------------------------------------

def tidy_text(text: str | None) -> str:
    """Several lines kept, each line's spaces closed up, blank lines at the ends dropped."""
    lines = [" ".join(line.split()) for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def validate_challenge(challenge: Challenge) -> Challenge:
    """Tidy and check a challenge's own fields (not its reference, which the store gives, nor whether the
    agency, member, meeting or subject exist, which the store checks)."""
    c = challenge
    c.question = tidy_text(c.question)
    if not c.question:
        raise ValidationError("question", "The challenge has no question: write the question put to the agency.")
    c.subject_kind = parse_subject_kind(c.subject_kind)
    c.subject_text = one_line(c.subject_text)
    if not c.subject_text:
        raise ValidationError(
            "subject", "Say what the challenge is about: choose the indicator, audit or inspection, or describe it "
                       "in words (e.g. 'Re-referrals within 12 months').")
    if c.subject_kind is SubjectKind.OTHER and c.subject_id is not None:
        raise ValidationError(
            "subject", "A subject given in words points to no record: choose indicator, audit or inspection for a "
                       "record, or leave the record out.")
    if c.agency_id is None:
        raise ValidationError("agency", "Choose the agency the challenge is put to.")
    c.to_name = one_line(c.to_name)
    if c.to_member_id is not None and c.to_name:
        raise ValidationError("to", "Put the challenge to a member or to a named contact, not both: clear one.")
    c.to_email = clean_email(c.to_email, "to_email")
    if c.to_member_id is not None:
        c.to_email = ""  # a member's address is the register's
    if c.item_id is not None and c.meeting_id is None:
        raise ValidationError("item", "An agenda item belongs to a meeting: choose the meeting it was raised at too.")
    if c.raised_on is None:
        raise ValidationError("raised_on", "Give the date the challenge was raised.")
    if c.due_date is None:
        raise ValidationError("due_date", "Give the date the agency's response is due: overdue challenges are "
                                          "flagged and chased from it.")
    if c.due_date < c.raised_on:
        raise ValidationError("due_date", f"The response is due on {_day(c.due_date)}, before the challenge was "
                                          f"raised ({_day(c.raised_on)}): give a later due date.")
    c.closed_note = tidy_text(c.closed_note)
    c.withdrawn_reason = tidy_text(c.withdrawn_reason)
    if c.closed_on is not None and c.withdrawn_on is not None:
        raise ValidationError("closed_on", "A challenge is either closed or withdrawn, not both.")
    if c.closed_on is not None and c.closed_on < c.raised_on:
        raise ValidationError("closed_on", f"It cannot be closed on {_day(c.closed_on)}, before it was raised "
                                           f"({_day(c.raised_on)}).")
    if c.withdrawn_on is not None:
        if c.withdrawn_on < c.raised_on:
            raise ValidationError("withdrawn_on", f"It cannot be withdrawn on {_day(c.withdrawn_on)}, before it was "
                                                  f"raised ({_day(c.raised_on)}).")
        if not c.withdrawn_reason:
            raise ValidationError("reason", "Say why the challenge is withdrawn: it stays in the log with the reason.")
    elif c.withdrawn_reason:
        c.withdrawn_reason = ""
    return c


def validate_response(response: ChallengeResponse, challenge: Challenge, today: dt.date) -> ChallengeResponse:
    """Check a response as received (its review is checked by :func:`validate_review`)."""
    r = response
    r.text = tidy_text(r.text)
    if not r.text:
        raise ValidationError("response", "The response is empty: paste or summarise what the agency said.")
    if r.received_on is None:
        raise ValidationError("received_on", "Give the date the response was received.")
    if challenge.raised_on is not None and r.received_on < challenge.raised_on:
        raise ValidationError("received_on", f"The response cannot have been received on {_day(r.received_on)}, "
                                             f"before the challenge was raised ({_day(challenge.raised_on)}).")
    if r.received_on > today:
        raise ValidationError("received_on", f"{_day(r.received_on)} is in the future: give the date the response "
                                             "came in.")
    return r


def validate_review(
    response: ChallengeResponse, verdict: Verdict | str, reason: str, on: dt.date, today: dt.date,
    new_due: dt.date | None,
) -> tuple[Verdict, str, dt.date | None]:
    """Check a review of ``response``; returns the verdict, the tidied reason and the new due date (None when
    accepted)."""
    verdict = parse_verdict(verdict)
    reason = tidy_text(reason)
    if response.removed:
        raise ValidationError("response", "That response was removed: review the current one.")
    if on < response.received_on:
        raise ValidationError("reviewed_on", f"The response came in on {_day(response.received_on)}: it cannot be "
                                             f"reviewed on {_day(on)}, before that.")
    if on > today:
        raise ValidationError("reviewed_on", f"{_day(on)} is in the future: give the date of the review.")
    if verdict is Verdict.NOT_ACCEPTED and not reason:
        raise ValidationError("reason", "Say why the response was not accepted: the agency is told, and it stays "
                                        "in the log.")
    if verdict is Verdict.FURTHER_INFORMATION and not reason:
        raise ValidationError("reason", "Say what further information is asked for.")
    if verdict is Verdict.ACCEPTED:
        return verdict, reason, None
    if new_due is None:
        raise ValidationError("new_due", "Give the date the agency should answer again by.")
    if new_due < on:
        raise ValidationError("new_due", f"The new due date ({_day(new_due)}) is before the review "
                                         f"({_day(on)}): give a later one.")
    return verdict, reason, new_due


# --- lists ------------------------------------------------------------------------------------------

FILTER_OPEN = "open"
"""Not closed or withdrawn: open, overdue and answered ones."""
FILTER_OVERDUE = "overdue"
FILTER_ANSWERED = "answered"
FILTER_CLOSED = "closed"
"""Closed or withdrawn."""
FILTER_ALL = "all"
FILTERS = (FILTER_OPEN, FILTER_OVERDUE, FILTER_ANSWERED, FILTER_CLOSED, FILTER_ALL)


def matches_filter(challenge: Challenge, which: str, today: dt.date) -> bool:
    status = challenge.status(today)
    if which == FILTER_OPEN:
        return not status.finished
    if which == FILTER_OVERDUE:
        return status is ChallengeStatus.OVERDUE
    if which == FILTER_ANSWERED:
        return status is ChallengeStatus.ANSWERED
    if which == FILTER_CLOSED:
        return status.finished
    if which == FILTER_ALL:
        return True
    raise ValidationError("filter", f"'{which}' is not a filter: use {', '.join(FILTERS)}.")


def filter_challenges(
    challenges: Iterable[Challenge],
    which: str = FILTER_ALL,
    today: dt.date | None = None,
    *,
    agency_id: int | None = None,
    meeting_id: int | None = None,
    subject_kind: SubjectKind | None = None,
) -> list[Challenge]:
    today = today or dt.date.today()
    return [c for c in challenges
            if matches_filter(c, which, today)
            and (agency_id is None or c.agency_id == agency_id)
            and (meeting_id is None or c.meeting_id == meeting_id)
            and (subject_kind is None or c.subject_kind is subject_kind)]


@dataclass(frozen=True)
class ChallengeCounts:
    total: int
    open: int
    """Not closed or withdrawn (overdue and answered included)."""
    overdue: int
    answered: int
    closed: int
    withdrawn: int


def count_challenges(challenges: Iterable[Challenge], today: dt.date) -> ChallengeCounts:
    statuses = [c.status(today) for c in challenges]
    return ChallengeCounts(
        total=len(statuses),
        open=sum(1 for s in statuses if not s.finished),
        overdue=statuses.count(ChallengeStatus.OVERDUE),
        answered=statuses.count(ChallengeStatus.ANSWERED),
        closed=statuses.count(ChallengeStatus.CLOSED),
        withdrawn=statuses.count(ChallengeStatus.WITHDRAWN),
    )


def next_step(challenge: Challenge, today: dt.date) -> str:
    """What happens next, in a sentence (for the detail pane and ``mqp challenges show``)."""
    status = challenge.status(today)
    due = _day(challenge.due_date) if challenge.due_date else "(no date)"
    if status is ChallengeStatus.WITHDRAWN:
        return f"Withdrawn on {_day(challenge.withdrawn_on)}: {challenge.withdrawn_reason}"
    if status is ChallengeStatus.CLOSED:
        note = f": {challenge.closed_note}" if challenge.closed_note else ""
        return f"Closed on {_day(challenge.closed_on)}{note}"
    if status is ChallengeStatus.ANSWERED:
        latest = challenge.latest_response
        return (f"Answered on {_day(latest.received_on)}: the subcommittee to review the response (accept it, "
                "or not, or ask for further information).")
    asked = challenge.further_information
    further = "further " if asked is not None else ""
    if status is ChallengeStatus.OVERDUE:
        days = challenge.days_overdue(today)
        return f"Overdue: the agency's {further}response was due on {due}, {days} day{'s' if days != 1 else ''} ago."
    return f"Waiting for the agency's {further}response, due on {due}."


# --- the chase email ------------------------------------------------------------------------------

CHASE_PLACEHOLDERS = {
    "contact": "the contact's name (or 'colleague')",
    "agency": "the agency's name",
    "reference": "the challenge's reference, e.g. 'CH-2026-007'",
    "question": "the question put to the agency",
    "subject": "what it is about, e.g. 'Re-referrals within 12 months'",
    "raised_at": "where and when it was raised, e.g. 'the meeting of 10 March 2026 (item 5, Multi-agency dataset)'",
    "raised_on": "the date it was raised, e.g. '10 March 2026'",
    "due": "the date the response was due, e.g. 'Tuesday 7 April 2026'",
    "days_overdue": "days since the due date (0 if not yet due)",
    "further_information": "a paragraph saying what further information was asked for (empty when none)",
    "subcommittee": "the subcommittee's name",
    "partnership": "the partnership's name",
    "sender": "the business support officer's name and post (or 'Business Support')",
}

DEFAULT_CHASE = {
    "subject": "Challenge {reference}: your response was due on {due} - {subcommittee}",
    "body": (
        "Dear {contact},\n\n"
        "At {raised_at} the {subcommittee} asked {agency} the following question about {subject} "
        "(reference {reference}):\n\n"
        "{question}\n\n"
        "{further_information}\n\n"
        "We asked for a response by {due}. We have not yet received it, and it is now {days_overdue} days "
        "overdue.\n\n"
        "Please send your response as soon as you can, or let us know when we can expect it, so that the "
        "subcommittee can consider it at its next meeting. The Terms of Reference ask every partner to make the "
        "acceptance of challenge a cultural expectation (clause 6.3).\n\n"
        "Kind regards,\n\n{sender}\n{partnership}\n"
    ),
}


def _long(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def chase_values(
    challenge: Challenge,
    *,
    agency: str,
    contact: str,
    raised_at: str,
    subcommittee: str = "",
    partnership: str = "",
    sender: str = "Business Support",
    today: dt.date,
) -> dict[str, str]:
    """The placeholder values of a challenge's chase email (:data:`CHASE_PLACEHOLDERS`)."""
    due = challenge.due_date
    asked = challenge.further_information
    further = ""
    if asked is not None and asked.reviewed_on is not None:
        what = "did not accept" if asked.verdict is Verdict.NOT_ACCEPTED else "asked for further information on"
        further = (f"On {_long(asked.reviewed_on)} the subcommittee {what} your response of "
                   f"{_long(asked.received_on)}: {asked.verdict_reason}")
    return {
        "contact": contact or "colleague",
        "agency": agency,
        "reference": challenge.reference,
        "question": challenge.question,
        "subject": challenge.subject_text,
        "raised_at": raised_at or _long(challenge.raised_on),
        "raised_on": _long(challenge.raised_on),
        "due": f"{due:%A} {_long(due)}" if due else "(no due date)",
        "days_overdue": str(max(0, (today - due).days) if due else 0),
        "further_information": further,
        "subcommittee": subcommittee,
        "partnership": partnership,
        "sender": sender,
    }


def fill_chase(template: Mapping[str, str], values: Mapping[str, str]) -> tuple[str, str]:
    """(subject, body) of the chase email: placeholders filled, blank lines left by empty ones closed up."""
    subject = " ".join(fill_template(template["subject"], values).split())
    body = fill_template(template["body"], values)
    body = re.sub(r"[ \t]+\n", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    return subject, body

"""Documents under review (ToR 7.1), the Terms of Reference's versions (ToR 12) and the reviews of chairing
(ToR 2), in plain Python.

**Documents.** ToR 7.1: the subcommittee reviews practice procedures, guidance and protocols "before
being sent to the executive for formal sign off". A document records its title, kind, version, owner,
the meeting that reviewed it and the **outcome** (endorsed, endorsed with amendments, not endorsed,
noted, deferred), the date it was **sent to the Executive**, the date it was **signed off**, and when
it is next **due for review** (``review_due``). A new version of a document is a record of its own that
*supersedes* the one before (kept, and superseded once the new one is signed off). Nothing is deleted: a
document is withdrawn with a reason.

**Status** (derived): *withdrawn*; *superseded*; *signed off* (or *review overdue* once its review date
has passed); *awaiting sign-off* (sent to the Executive); *returned* (not endorsed); *reviewed* (to send
to the Executive); otherwise *to review*.

**The Terms of Reference** are kept here as documents of kind ``terms of reference``: each version a
record superseding the one before (an earlier version counts as superseded once a later one is signed
off; until then the later one is a draft under review). Recording a new version with its sign-off date
moves the subcommittee's ToR review date on by the **review interval** (a setting, 12 months unless
changed): :func:`review_due_after`.

**Chairing reviews** (ToR 2: "chairing to be reviewed annually"): an :class:`OfficeReview` of the chair
or the co-chair, with its date, the meeting, the **outcome** (continues, to be replaced, replaced,
other) and a note; it moves that office's review date on by the same interval (or to a date given).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.governance.common import (
    DEFAULT_REVIEW_MONTHS,
    add_months,
    day,
    not_before,
    not_future,
    one_line,
    parse_choice,
    tidy_text,
    withdrawal,
)
from mqp_desktop.domain.validation import ValidationError


class DocumentKind(StrEnum):
    PROCEDURE = "procedure"
    GUIDANCE = "guidance"
    PROTOCOL = "protocol"
    POLICY = "policy"
    STRATEGY = "strategy"
    REPORT = "report"
    TERMS_OF_REFERENCE = "terms of reference"
    OTHER = "other"

    @property
    def label(self) -> str:
        return "Terms of Reference" if self is DocumentKind.TERMS_OF_REFERENCE else self.value.capitalize()


def parse_kind(text: str | DocumentKind | None) -> DocumentKind:
    return parse_choice(DocumentKind, text, "kind", "a kind of document",
                        {"tor": DocumentKind.TERMS_OF_REFERENCE, "procedures": DocumentKind.PROCEDURE,
                         "protocols": DocumentKind.PROTOCOL, "annual report": DocumentKind.REPORT})


class Outcome(StrEnum):
    """What the subcommittee made of a document it reviewed."""

    ENDORSED = "endorsed"
    AMENDED = "endorsed with amendments"
    NOT_ENDORSED = "not endorsed"
    NOTED = "noted"
    DEFERRED = "deferred"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def needs_note(self) -> bool:
        return self in (Outcome.AMENDED, Outcome.NOT_ENDORSED, Outcome.DEFERRED)

    @property
    def goes_to_executive(self) -> bool:
        return self in (Outcome.ENDORSED, Outcome.AMENDED)


def parse_outcome(text: str | Outcome | None) -> Outcome | None:
    """None for nothing; 'endorsed', 'endorsed with amendments' (or 'amended'), 'not endorsed' (or
    'returned'), 'noted' (for information), 'deferred'."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    return parse_choice(Outcome, text, "outcome", "an outcome of a review",
                        {"amended": Outcome.AMENDED, "amendments": Outcome.AMENDED, "returned": Outcome.NOT_ENDORSED,
                         "rejected": Outcome.NOT_ENDORSED, "for information": Outcome.NOTED,
                         "information": Outcome.NOTED})


class DocumentStatus(StrEnum):
    TO_REVIEW = "to review"
    REVIEWED = "reviewed"
    RETURNED = "returned"
    AWAITING_SIGN_OFF = "awaiting sign-off"
    SIGNED_OFF = "signed off"
    REVIEW_OVERDUE = "review overdue"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def finished(self) -> bool:
        return self in (DocumentStatus.SUPERSEDED, DocumentStatus.WITHDRAWN)


STATUS_LABELS = {
    DocumentStatus.TO_REVIEW: "To review",
    DocumentStatus.REVIEWED: "Reviewed, to send to the Executive",
    DocumentStatus.RETURNED: "Returned to the author",
    DocumentStatus.AWAITING_SIGN_OFF: "Awaiting Executive sign-off",
    DocumentStatus.SIGNED_OFF: "Signed off",
    DocumentStatus.REVIEW_OVERDUE: "Review overdue",
    DocumentStatus.SUPERSEDED: "Superseded",
    DocumentStatus.WITHDRAWN: "Withdrawn",
}


def parse_status(text: str | DocumentStatus) -> DocumentStatus:
    return parse_choice(DocumentStatus, text, "status", "a document's status",
                        {"awaiting sign off": DocumentStatus.AWAITING_SIGN_OFF, "overdue": DocumentStatus.REVIEW_OVERDUE})


@dataclass
class GovernanceDocument:
    title: str
    kind: DocumentKind = DocumentKind.PROCEDURE
    version: str = ""
    owner: str = ""
    """Who owns it: a person, a post or a team, in words."""
    owner_agency_id: int | None = None
    meeting_id: int | None = None
    """The subcommittee meeting that reviewed it."""
    outcome: Outcome | None = None
    outcome_note: str = ""
    sent_to_executive_on: dt.date | None = None
    signed_off_on: dt.date | None = None
    review_due: dt.date | None = None
    supersedes_id: int | None = None
    """The earlier version this one replaces."""
    notes: str = ""
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    superseded_by_id: int | None = field(default=None, compare=False)
    """The later version, signed off, that replaced this one (read from the store)."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    @property
    def is_tor(self) -> bool:
        return self.kind is DocumentKind.TERMS_OF_REFERENCE

    @property
    def title_version(self) -> str:
        return f"{self.title}, version {self.version}" if self.version else self.title

    def status(self, today: dt.date) -> DocumentStatus:
        return document_status(self, today)

    def review_overdue(self, today: dt.date) -> bool:
        return self.status(today) is DocumentStatus.REVIEW_OVERDUE


def document_status(d: GovernanceDocument, today: dt.date) -> DocumentStatus:
    if d.withdrawn_on is not None:
        return DocumentStatus.WITHDRAWN
    if d.superseded_by_id is not None:
        return DocumentStatus.SUPERSEDED
    if d.signed_off_on is not None:
        if d.review_due is not None and d.review_due < today:
            return DocumentStatus.REVIEW_OVERDUE
        return DocumentStatus.SIGNED_OFF
    if d.sent_to_executive_on is not None:
        return DocumentStatus.AWAITING_SIGN_OFF
    if d.outcome is Outcome.NOT_ENDORSED:
        return DocumentStatus.RETURNED
    if d.outcome is not None:
        return DocumentStatus.REVIEWED
    return DocumentStatus.TO_REVIEW


def review_due_after(signed_off: dt.date, months: int = DEFAULT_REVIEW_MONTHS) -> dt.date:
    """When a document signed off on ``signed_off`` is next reviewed: ``months`` later."""
    return add_months(signed_off, months)


TOR_TITLE = "Terms of Reference"


def validate_document(doc: GovernanceDocument, today: dt.date) -> GovernanceDocument:
    """Tidy and check a document's own fields (the store checks the meeting, agency and earlier version)."""
    d = doc
    d.kind = parse_kind(d.kind)
    d.title = one_line(d.title)
    if not d.title:
        if d.is_tor:
            d.title = TOR_TITLE
        else:
            raise ValidationError("title", "Give the document's title (e.g. 'Neglect strategy and toolkit').")
    d.version = one_line(d.version)
    if d.is_tor and not d.version:
        raise ValidationError("version", "Give the Terms of Reference's version (e.g. 'January 2026' or 'v3').")
    d.owner = one_line(d.owner)
    d.outcome = parse_outcome(d.outcome)
    d.outcome_note = tidy_text(d.outcome_note)
    d.notes = tidy_text(d.notes)
    if d.outcome is not None and d.meeting_id is None:
        raise ValidationError("meeting", "Choose the meeting that reviewed it: an outcome is the outcome of a "
                                         "review at a meeting.")
    if d.outcome is not None and d.outcome.needs_note and not d.outcome_note:
        what = {Outcome.AMENDED: "which amendments were asked for", Outcome.NOT_ENDORSED: "why it was not endorsed",
                Outcome.DEFERRED: "why it was deferred, and to when"}[d.outcome]
        raise ValidationError("outcome_note", f"Say {what}.")
    if d.sent_to_executive_on is not None and d.outcome is not None and not d.outcome.goes_to_executive:
        raise ValidationError("sent_to_executive_on", f"It was {d.outcome.value} at the review: a document goes to "
                                                      "the Executive once endorsed (change the outcome first).")
    not_future(d.sent_to_executive_on, "sent_to_executive_on", "Sending it to the Executive", today)
    not_future(d.signed_off_on, "signed_off_on", "The sign-off", today)
    not_before(d.signed_off_on, d.sent_to_executive_on, "signed_off_on", "The sign-off",
               "sending it to the Executive")
    if d.review_due is not None and d.signed_off_on is not None and d.review_due <= d.signed_off_on:
        raise ValidationError("review_due", f"The next review ({day(d.review_due)}) must be after the sign-off "
                                            f"({day(d.signed_off_on)}).")
    if d.is_tor and d.review_due is not None and d.signed_off_on is None:
        raise ValidationError("review_due", "The Terms of Reference's review date follows their sign-off: give "
                                            "the date they were signed off.")
    d.withdrawn_reason = withdrawal(d.withdrawn_on, d.withdrawn_reason, None, "document")
    return d


# --- lists ------------------------------------------------------------------------------------------

FILTER_CURRENT = "current"
"""Not superseded or withdrawn: under review, or signed off and in force."""
FILTER_UNDER_REVIEW = "under review"
"""Not yet signed off (to review, reviewed, returned, awaiting sign-off)."""
FILTER_AWAITING = "awaiting sign-off"
FILTER_SIGNED_OFF = "signed off"
"""Signed off and current (review overdue included)."""
FILTER_REVIEW_OVERDUE = "review overdue"
FILTER_TOR = "terms of reference"
"""Every version of the Terms of Reference."""
FILTER_ALL = "all"
FILTERS = (FILTER_CURRENT, FILTER_UNDER_REVIEW, FILTER_AWAITING, FILTER_SIGNED_OFF, FILTER_REVIEW_OVERDUE, FILTER_TOR, FILTER_ALL)

_UNDER_REVIEW = (DocumentStatus.TO_REVIEW, DocumentStatus.REVIEWED, DocumentStatus.RETURNED,
                 DocumentStatus.AWAITING_SIGN_OFF)


def matches_filter(d: GovernanceDocument, which: str, today: dt.date) -> bool:
    status = d.status(today)
    if which == FILTER_CURRENT:
        return not status.finished
    if which == FILTER_UNDER_REVIEW:
        return status in _UNDER_REVIEW
    if which == FILTER_AWAITING:
        return status is DocumentStatus.AWAITING_SIGN_OFF
    if which == FILTER_SIGNED_OFF:
        return status in (DocumentStatus.SIGNED_OFF, DocumentStatus.REVIEW_OVERDUE)
    if which == FILTER_REVIEW_OVERDUE:
        return status is DocumentStatus.REVIEW_OVERDUE
    if which == FILTER_TOR:
        return d.is_tor
    if which == FILTER_ALL:
        return True
    raise ValidationError("filter", f"'{which}' is not a filter: use {', '.join(FILTERS)}.")


def filter_documents(docs: Iterable[GovernanceDocument], which: str, today: dt.date, *,
                     kind: DocumentKind | None = None) -> list[GovernanceDocument]:
    return [d for d in docs if matches_filter(d, which, today) and (kind is None or d.kind is kind)]


def current_tor(docs: Iterable[GovernanceDocument]) -> GovernanceDocument | None:
    """The Terms of Reference in force: the latest signed-off version not withdrawn or superseded (else the
    latest version not withdrawn or superseded, signed off or not)."""
    live = [d for d in docs if d.is_tor and d.withdrawn_on is None and d.superseded_by_id is None]
    if not live:
        return None
    signed = [d for d in live if d.signed_off_on is not None]
    pool = signed or live
    return max(pool, key=lambda d: (d.signed_off_on or dt.date.min, d.id or 0))


def next_step(d: GovernanceDocument, today: dt.date) -> str:
    status = d.status(today)
    if status is DocumentStatus.WITHDRAWN:
        return f"Withdrawn on {day(d.withdrawn_on)}: {d.withdrawn_reason}"
    if status is DocumentStatus.SUPERSEDED:
        return "Superseded by a later version."
    if status is DocumentStatus.REVIEW_OVERDUE:
        return f"Signed off on {day(d.signed_off_on)}; its review was due on {day(d.review_due)}: review it again."
    if status is DocumentStatus.SIGNED_OFF:
        due = f"; next review due {day(d.review_due)}" if d.review_due else ""
        return f"Signed off on {day(d.signed_off_on)}{due}."
    if status is DocumentStatus.AWAITING_SIGN_OFF:
        return f"Sent to the Executive on {day(d.sent_to_executive_on)}: record its sign-off."
    if status is DocumentStatus.RETURNED:
        return f"Not endorsed: {d.outcome_note}" if d.outcome_note else "Not endorsed: returned to the author."
    if status is DocumentStatus.REVIEWED:
        return f"{d.outcome.label} at the review: send it to the Executive for sign-off."
    return "To review at a meeting of the subcommittee."


# --- chairing reviews (ToR 2) -----------------------------------------------------------------------------

class Office(StrEnum):
    CHAIR = "chair"
    CO_CHAIR = "co-chair"

    @property
    def label(self) -> str:
        return "Chair" if self is Office.CHAIR else "Co-chair"


def parse_office(text: str | Office) -> Office:
    return parse_choice(Office, text, "office", "an office (chair or co-chair)",
                        {"cochair": Office.CO_CHAIR, "co chair": Office.CO_CHAIR, "vice chair": Office.CO_CHAIR})


class OfficeOutcome(StrEnum):
    CONTINUES = "continues"
    TO_BE_REPLACED = "to be replaced"
    REPLACED = "replaced"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {OfficeOutcome.CONTINUES: "Continues for another term",
                OfficeOutcome.TO_BE_REPLACED: "To be replaced (a successor to be identified)",
                OfficeOutcome.REPLACED: "Replaced", OfficeOutcome.OTHER: "Other"}[self]


def parse_office_outcome(text: str | OfficeOutcome) -> OfficeOutcome:
    return parse_choice(OfficeOutcome, text, "outcome", "an outcome of a chairing review",
                        {"continue": OfficeOutcome.CONTINUES, "confirmed": OfficeOutcome.CONTINUES,
                         "reappointed": OfficeOutcome.CONTINUES, "replace": OfficeOutcome.TO_BE_REPLACED,
                         "stepping down": OfficeOutcome.TO_BE_REPLACED})


@dataclass
class OfficeReview:
    """A review of the chair's or co-chair's role (ToR 2), and when the next one is due."""

    office: Office
    reviewed_on: dt.date | None
    outcome: OfficeOutcome = OfficeOutcome.CONTINUES
    member_id: int | None = None
    """Who held the office when it was reviewed."""
    meeting_id: int | None = None
    note: str = ""
    next_review_due: dt.date | None = None
    due_before: dt.date | None = field(default=None, compare=False)
    """The office's review date before this review moved it on (set by the store; put back if removed)."""
    removed: bool = False
    """Recorded in error and undone: kept, no longer counted."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)


def validate_office_review(r: OfficeReview, today: dt.date, months: int = DEFAULT_REVIEW_MONTHS) -> OfficeReview:
    r.office = parse_office(r.office)
    r.outcome = parse_office_outcome(r.outcome)
    r.note = tidy_text(r.note)
    if r.reviewed_on is None:
        raise ValidationError("reviewed_on", "Give the date of the review.")
    not_future(r.reviewed_on, "reviewed_on", "The review", today)
    if r.outcome in (OfficeOutcome.OTHER, OfficeOutcome.TO_BE_REPLACED) and not r.note:
        raise ValidationError("note", "Say what was decided (e.g. who will look for a successor, and by when).")
    if r.next_review_due is None:
        r.next_review_due = add_months(r.reviewed_on, months)
    if r.next_review_due <= r.reviewed_on:
        raise ValidationError("next_review_due", f"The next review ({day(r.next_review_due)}) must come after this "
                                                 f"one ({day(r.reviewed_on)}).")
    return r

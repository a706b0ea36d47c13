"""Case reviews (ToR 7.7: "review individual cases where safeguarding concerns within the multi-agency
working arrangements have been highlighted"), in plain Python.

A case review is kept **by case reference only** — never a child's name: the reference goes through
:func:`~mqp_desktop.domain.case_reference.check_case_reference`, which refuses what looks like a
person's name and says why. Its **kind** is a rapid review, a local child safeguarding practice review
(LCSPR), a referral to the national Child Safeguarding Practice Review Panel, or another kind (said in
words). It records the agencies involved, the concerns, the learning, its dates — referred to the
partnership, the rapid review, published — and the meeting of the subcommittee that reviewed it.

Its **actions** go into the action log (numbered from a meeting, carried forward until closed); its
learning is **disseminated** through briefings and learning events, each with a date, an audience and
how many people it reached. A dissemination recorded in error is marked removed, never deleted.

**Status** (derived, never stored): *withdrawn* (recorded in error or not pursued, with the reason),
*closed* (the review's work is done), *published*, *rapid review held* (its date has come), otherwise
*referred*.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.case_reference import check_case_reference
from mqp_desktop.domain.governance.common import (
    not_before,
    not_future,
    one_line,
    parse_choice,
    tidy_text,
    unique_ids,
    withdrawal,
)
from mqp_desktop.domain.validation import ValidationError


class ReviewKind(StrEnum):
    RAPID_REVIEW = "rapid review"
    LCSPR = "lcspr"
    NATIONAL_REFERRAL = "national referral"
    OTHER = "other"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def short(self) -> str:
        return KIND_SHORT[self]


KIND_LABELS = {
    ReviewKind.RAPID_REVIEW: "Rapid review",
    ReviewKind.LCSPR: "Local child safeguarding practice review (LCSPR)",
    ReviewKind.NATIONAL_REFERRAL: "National referral (Child Safeguarding Practice Review Panel)",
    ReviewKind.OTHER: "Other",
}
KIND_SHORT = {
    ReviewKind.RAPID_REVIEW: "Rapid review",
    ReviewKind.LCSPR: "LCSPR",
    ReviewKind.NATIONAL_REFERRAL: "National referral",
    ReviewKind.OTHER: "Other",
}
_KIND_ALIASES = {
    "rapid": ReviewKind.RAPID_REVIEW, "rr": ReviewKind.RAPID_REVIEW,
    "local child safeguarding practice review": ReviewKind.LCSPR, "local": ReviewKind.LCSPR,
    "cspr": ReviewKind.LCSPR, "practice review": ReviewKind.LCSPR,
    "national": ReviewKind.NATIONAL_REFERRAL, "national review": ReviewKind.NATIONAL_REFERRAL,
    "national panel": ReviewKind.NATIONAL_REFERRAL, "ncspr": ReviewKind.NATIONAL_REFERRAL,
}


def parse_kind(text: str | ReviewKind | None) -> ReviewKind:
    """'rapid review' (or 'rapid'), 'lcspr' (or 'local'), 'national referral' (or 'national'), 'other'."""
    return parse_choice(ReviewKind, text, "kind", "a kind of case review", _KIND_ALIASES)


class DisseminationKind(StrEnum):
    BRIEFING = "briefing"
    LEARNING_EVENT = "learning event"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def parse_dissemination_kind(text: str | DisseminationKind | None) -> DisseminationKind:
    """'briefing', 'learning event' (or 'event'), 'other'."""
    return parse_choice(DisseminationKind, text, "kind", "a way of sharing learning",
                        {"event": DisseminationKind.LEARNING_EVENT, "learning": DisseminationKind.LEARNING_EVENT,
                         "brief": DisseminationKind.BRIEFING, "seven minute briefing": DisseminationKind.BRIEFING})


class CaseReviewStatus(StrEnum):
    REFERRED = "referred"
    RAPID_REVIEW_HELD = "rapid review held"
    PUBLISHED = "published"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def finished(self) -> bool:
        return self in (CaseReviewStatus.CLOSED, CaseReviewStatus.WITHDRAWN)


def parse_status(text: str | CaseReviewStatus) -> CaseReviewStatus:
    return parse_choice(CaseReviewStatus, text, "status", "a case review's status",
                        {"rapid review": CaseReviewStatus.RAPID_REVIEW_HELD})


@dataclass
class Dissemination:
    """One way the review's learning was shared: a briefing, a learning event…"""

    case_review_id: int | None
    held_on: dt.date | None
    audience: str
    kind: DisseminationKind = DisseminationKind.BRIEFING
    reached: int | None = None
    """How many people it reached (None: not known)."""
    notes: str = ""
    removed: bool = False
    """Recorded in error and undone: kept, no longer counted."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)


@dataclass
class CaseReview:
    reference: str
    kind: ReviewKind = ReviewKind.RAPID_REVIEW
    kind_other: str = ""
    """What kind of review, in words, when the kind is 'other'."""
    agency_ids: tuple[int, ...] = ()
    """The agencies involved, as chosen."""
    concerns: str = ""
    learning: str = ""
    notes: str = ""
    referred_on: dt.date | None = None
    """When the case came to the partnership (the notification or referral)."""
    rapid_review_on: dt.date | None = None
    published_on: dt.date | None = None
    meeting_id: int | None = None
    """The subcommittee meeting that reviewed it (where its actions come from by default)."""
    closed_on: dt.date | None = None
    closed_note: str = ""
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    disseminations: tuple[Dissemination, ...] = field(default=(), compare=False)
    """Every dissemination, by date, removed ones included (read from the store; not saved with the review)."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    @property
    def kind_text(self) -> str:
        return self.kind_other if self.kind is ReviewKind.OTHER and self.kind_other else self.kind.short

    def status(self, today: dt.date) -> CaseReviewStatus:
        return review_status(self, today)

    @property
    def live_disseminations(self) -> list[Dissemination]:
        return [d for d in self.disseminations if not d.removed]

    @property
    def reached(self) -> int:
        """Everyone the learning reached, added up over the disseminations that say how many."""
        return sum(d.reached or 0 for d in self.live_disseminations)


def review_status(review: CaseReview, today: dt.date) -> CaseReviewStatus:
    if review.withdrawn_on is not None:
        return CaseReviewStatus.WITHDRAWN
    if review.closed_on is not None:
        return CaseReviewStatus.CLOSED
    if review.published_on is not None:
        return CaseReviewStatus.PUBLISHED
    if review.rapid_review_on is not None and review.rapid_review_on <= today:
        return CaseReviewStatus.RAPID_REVIEW_HELD
    return CaseReviewStatus.REFERRED


def validate_review(review: CaseReview, today: dt.date) -> CaseReview:
    """Tidy and check a case review's own fields (the store checks the agencies and meeting exist)."""
    r = review
    r.reference = check_case_reference(r.reference)
    r.kind = parse_kind(r.kind)
    r.kind_other = one_line(r.kind_other)
    if r.kind is ReviewKind.OTHER and not r.kind_other:
        raise ValidationError("kind_other", "Say what kind of review it is (e.g. 'Multi-agency learning review').")
    if r.kind is not ReviewKind.OTHER:
        r.kind_other = ""
    r.agency_ids = unique_ids(r.agency_ids)
    r.concerns, r.learning, r.notes = tidy_text(r.concerns), tidy_text(r.learning), tidy_text(r.notes)
    if r.referred_on is None:
        raise ValidationError("referred_on", "Give the date the case was referred to the partnership (the "
                                             "notification or referral).")
    not_future(r.referred_on, "referred_on", "The referral", today)
    not_before(r.rapid_review_on, r.referred_on, "rapid_review_on", "The rapid review", "the referral")
    not_before(r.published_on, r.referred_on, "published_on", "Publication", "the referral")
    not_before(r.published_on, r.rapid_review_on, "published_on", "Publication", "the rapid review")
    not_future(r.published_on, "published_on", "Publication", today)
    r.closed_note = tidy_text(r.closed_note)
    if r.closed_on is not None:
        if r.withdrawn_on is not None:
            raise ValidationError("closed_on", "A case review is either closed or withdrawn, not both.")
        not_before(r.closed_on, r.referred_on, "closed_on", "Closing it", "the referral")
        not_future(r.closed_on, "closed_on", "Closing it", today)
    r.withdrawn_reason = withdrawal(r.withdrawn_on, r.withdrawn_reason, r.referred_on, "case review")
    return r


def validate_dissemination(d: Dissemination, review: CaseReview, today: dt.date) -> Dissemination:
    d.kind = parse_dissemination_kind(d.kind)
    d.audience = one_line(d.audience)
    d.notes = tidy_text(d.notes)
    if d.held_on is None:
        raise ValidationError("held_on", "Give the date of the briefing or event.")
    if not d.audience:
        raise ValidationError("audience", "Say who it was for (e.g. 'Designated safeguarding leads in schools').")
    if d.reached is not None:
        if isinstance(d.reached, bool) or not isinstance(d.reached, int) or d.reached < 0:
            raise ValidationError("reached", "How many it reached is a whole number (0 or more), or left empty "
                                             "when not known.")
        if d.held_on > today and d.reached:
            raise ValidationError("reached", f"It is on {d.held_on:%d/%m/%Y}, in the future: how many it reached "
                                             "is known once it has been held.")
    if review.referred_on is not None and d.held_on < review.referred_on:
        raise ValidationError("held_on", f"It cannot be before the case was referred ({review.referred_on:%d/%m/%Y}).")
    return d


# --- lists ---------------------------------------------------------------------------------------------

FILTER_OPEN = "open"
"""Not closed or withdrawn."""
FILTER_PUBLISHED = "published"
FILTER_CLOSED = "closed"
"""Closed or withdrawn."""
FILTER_ALL = "all"
FILTERS = (FILTER_OPEN, FILTER_PUBLISHED, FILTER_CLOSED, FILTER_ALL)


def matches_filter(review: CaseReview, which: str, today: dt.date) -> bool:
    status = review.status(today)
    if which == FILTER_OPEN:
        return not status.finished
    if which == FILTER_PUBLISHED:
        return status is CaseReviewStatus.PUBLISHED
    if which == FILTER_CLOSED:
        return status.finished
    if which == FILTER_ALL:
        return True
    raise ValidationError("filter", f"'{which}' is not a filter: use {', '.join(FILTERS)}.")


def filter_reviews(reviews: Iterable[CaseReview], which: str, today: dt.date, *,
                   kind: ReviewKind | None = None, agency_id: int | None = None) -> list[CaseReview]:
    return [r for r in reviews if matches_filter(r, which, today)
            and (kind is None or r.kind is kind)
            and (agency_id is None or agency_id in r.agency_ids)]


def next_step(review: CaseReview, today: dt.date) -> str:
    """Where the review stands, in a sentence."""
    status = review.status(today)
    if status is CaseReviewStatus.WITHDRAWN:
        return f"Withdrawn on {review.withdrawn_on:%d/%m/%Y}: {review.withdrawn_reason}"
    if status is CaseReviewStatus.CLOSED:
        return f"Closed on {review.closed_on:%d/%m/%Y}" + (f": {review.closed_note}" if review.closed_note else ".")
    shared = len(review.live_disseminations)
    if status is CaseReviewStatus.PUBLISHED:
        if not shared:
            return "Published: record how its learning is shared (briefings, learning events)."
        return f"Published; its learning shared {shared} time{'s' if shared != 1 else ''}, reaching {review.reached}."
    if status is CaseReviewStatus.RAPID_REVIEW_HELD:
        return ("Rapid review held: record the learning and actions, and whether a local or national review "
                "follows.")
    if review.rapid_review_on is not None:
        return f"Referred; the rapid review is on {review.rapid_review_on:%d/%m/%Y}."
    return "Referred: record the rapid review's date."

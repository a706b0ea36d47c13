"""Multi-agency audits (ToR 8) and single-agency inspections (ToR 6.6), in plain Python.

**Audits.** The partnership's audit programme: thematic case-file audits in which several agencies
look at the same cases, by **case reference only** (:mod:`~mqp_desktop.domain.case_reference`),
and grade them on the partnership's **grading scale** (editable: default outstanding / good /
requires improvement / inadequate; a grade in use is never removed, only renamed). An audit has a
title, a kind (practice or learning audit, organisational audit, other), a theme, a lead (a member
or an agency), the agencies taking part, planned, started and completed dates, findings and
learning, the actions it led to (kept in the action log, see ``store/quality.py``) and the meeting
it was reported to. Its **status** is derived from those dates: planned, in progress, completed,
reported — or cancelled, with a reason (an audit is never deleted).

**Inspections.** An agency's inspection: the inspectorate (Ofsted, CQC, HMICFRS, HMI Probation, a
joint targeted area inspection, or another), the type, the dates inspected and published, the
published judgement (free text, with the common wordings offered), key findings and lessons, the
agency's **action plan** (items with an owner, a due date and a status; *due soon* and *overdue*
are derived), the meetings at which the subcommittee reviewed it, and the follow-up status (to
review, monitoring, closed). An inspection recorded in error is withdrawn with a reason.

Validation raises :class:`~mqp_desktop.domain.validation.ValidationError` naming the field, the
problem and what to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.case_reference import check_case_reference
from mqp_desktop.domain.validation import ValidationError, clean_line

DEFAULT_GRADES: tuple[str, ...] = ("Outstanding", "Good", "Requires improvement", "Inadequate")
GRADE_MAX_LENGTH = 40
DUE_SOON_DAYS = 28
"""An action-plan item due within this many days (and not done) is *due soon*."""


def _text(value: str | None) -> str:
    """Free text (findings, notes): trimmed at both ends, its lines and paragraphs kept."""
    return (value or "").strip()


def _words(value: str | None) -> str:
    return " ".join((value or "").split())


def day_text(value: dt.date | None) -> str:
    """'3 Mar 2026' ('' for no date)."""
    return f"{value.day} {value:%b %Y}" if value else ""


# --- the grading scale ------------------------------------------------------------------------


@dataclass
class Grade:
    """One grade of the partnership's scale (best first: ``position`` 1 is the best)."""

    label: str
    position: int = 0
    removed: bool = False
    """Taken off the scale (never deleted: cases graded with it before still show it)."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)


def clean_grade_label(label: str | None, taken: Iterable[str] = ()) -> str:
    """A grade's name: one line, at most :data:`GRADE_MAX_LENGTH` characters, not one already on the scale."""
    text = _words(clean_line(label, "label", "The grade's name"))
    if not text:
        raise ValidationError("label", "The grade has no name: type it, e.g. 'Requires improvement'.")
    if len(text) > GRADE_MAX_LENGTH:
        raise ValidationError("label", f"'{text[:50]}' is {len(text)} characters long: a grade's name is at most "
                                       f"{GRADE_MAX_LENGTH} (e.g. 'Requires improvement').")
    if text.casefold() in {t.casefold() for t in taken}:
        raise ValidationError("label", f"There is already a grade called '{text}' on the scale: choose another name.")
    return text


# --- audits ------------------------------------------------------------------------------------


class AuditKind(StrEnum):
    PRACTICE = "practice"
    ORGANISATIONAL = "organisational"
    OTHER = "other"

    @property
    def label(self) -> str:
        return AUDIT_KIND_LABELS[self]


AUDIT_KIND_LABELS = {
    AuditKind.PRACTICE: "Practice / learning audit",
    AuditKind.ORGANISATIONAL: "Organisational audit",
    AuditKind.OTHER: "Other audit",
}


def parse_audit_kind(text: str) -> AuditKind:
    """'practice' (or 'learning', 'practice/learning'), 'organisational' ('organizational'), 'other'."""
    key = _words(text).lower().replace("-", " ").replace("_", " ")
    for word, kind in (("organi", AuditKind.ORGANISATIONAL), ("practice", AuditKind.PRACTICE),
                       ("learning", AuditKind.PRACTICE), ("other", AuditKind.OTHER)):
        if key.startswith(word):
            return kind
    raise ValidationError("kind", f"'{text}' is not a kind of audit: use practice (a practice or learning audit), "
                                  "organisational or other.")


class AuditStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in progress"
    COMPLETED = "completed"
    REPORTED = "reported"
    CANCELLED = "cancelled"


@dataclass
class Audit:
    """A multi-agency audit of the programme (ToR 8)."""

    title: str
    kind: AuditKind = AuditKind.PRACTICE
    theme: str = ""
    lead_member_id: int | None = None
    lead_agency_id: int | None = None
    """The lead: a member, or an agency (not both; neither while it is not decided)."""
    agency_ids: tuple[int, ...] = ()
    """The agencies taking part."""
    planned: dt.date | None = None
    """When the audit is planned to take place."""
    started: dt.date | None = None
    completed: dt.date | None = None
    findings: str = ""
    learning: str = ""
    notes: str = ""
    reported_meeting_id: int | None = None
    reported_on: dt.date | None = None
    cancelled_on: dt.date | None = None
    cancel_reason: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    @property
    def status(self) -> AuditStatus:
        if self.cancelled_on is not None:
            return AuditStatus.CANCELLED
        if self.reported_meeting_id is not None:
            return AuditStatus.REPORTED
        if self.completed is not None:
            return AuditStatus.COMPLETED
        if self.started is not None:
            return AuditStatus.IN_PROGRESS
        return AuditStatus.PLANNED

    def is_late(self, today: dt.date) -> bool:
        """Planned for a date that has passed and not started (and not cancelled)."""
        return self.status is AuditStatus.PLANNED and self.planned is not None and self.planned < today


def validate_audit(audit: Audit) -> Audit:
    """Tidy and check an audit's own fields (that its ids exist is the store's to check)."""
    audit.title = _words(clean_line(audit.title, "title", "The audit's title"))
    if not audit.title:
        raise ValidationError("title", "The audit has no title: name it by its theme, e.g. 'Neglect: the front door'.")
    if isinstance(audit.kind, str) and not isinstance(audit.kind, AuditKind):
        audit.kind = parse_audit_kind(audit.kind)
    audit.theme = _words(clean_line(audit.theme, "theme", "The theme"))
    if audit.lead_member_id is not None and audit.lead_agency_id is not None:
        raise ValidationError("lead", "The audit is led by a member or by an agency, not both: clear one.")
    audit.agency_ids = tuple(dict.fromkeys(int(a) for a in audit.agency_ids))
    if audit.completed is not None and audit.started is None:
        raise ValidationError("started", "The audit has a completed date but no started date: enter the date it "
                                         "started.")
    if audit.started and audit.completed and audit.completed < audit.started:
        raise ValidationError("completed", f"The audit is completed ({audit.completed:%d/%m/%Y}) before it started "
                                           f"({audit.started:%d/%m/%Y}): correct one of the dates.")
    if audit.reported_on is not None and audit.reported_meeting_id is None:
        raise ValidationError("reported_meeting", "A report date needs the meeting it was reported to: choose the "
                                                  "meeting.")
    audit.findings, audit.learning, audit.notes = _text(audit.findings), _text(audit.learning), _text(audit.notes)
    audit.cancel_reason = _text(audit.cancel_reason)
    if (audit.cancelled_on is None) != (not audit.cancel_reason):
        raise ValidationError("cancel_reason", "A cancelled audit needs the date and the reason it was cancelled."
                              if audit.cancelled_on is not None else
                              "Only a cancelled audit has a reason for cancelling: give the date too.")
    return audit


@dataclass
class AuditCase:
    """One case audited, by reference only, as one agency graded it (or the audit overall)."""

    audit_id: int
    reference: str
    agency_id: int | None = None
    grade_id: int | None = None
    """On the partnership's scale; None while not graded."""
    notes: str = ""
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_on is not None


def validate_case(case: AuditCase) -> AuditCase:
    case.reference = check_case_reference(case.reference)
    case.notes = _text(case.notes)
    case.withdrawn_reason = _text(case.withdrawn_reason)
    if (case.withdrawn_on is None) != (not case.withdrawn_reason):
        raise ValidationError("withdrawn_reason", "A case taken out of the audit needs the date and the reason.")
    return case


@dataclass(frozen=True)
class GradeCount:
    grade: Grade
    count: int


@dataclass(frozen=True)
class GradeSummary:
    """How many of an audit's case gradings are at each grade (withdrawn cases left out)."""

    counts: tuple[GradeCount, ...]
    """One per grade of the scale, best first, then any removed grade still in use by these cases."""
    not_graded: int
    gradings: int
    """Rows graded or not (a case graded by two agencies counts twice)."""
    cases: int
    """Different case references."""

    @property
    def graded(self) -> int:
        return self.gradings - self.not_graded

    def count_of(self, grade_id: int) -> int:
        return next((c.count for c in self.counts if c.grade.id == grade_id), 0)

    def as_text(self) -> str:
        """'Good 3, Requires improvement 4, Inadequate 1; 1 not graded'."""
        shown = [f"{c.grade.label} {c.count}" for c in self.counts if c.count]
        text = ", ".join(shown) or "none graded"
        return text + (f"; {self.not_graded} not graded" if self.not_graded else "")


def grade_summary(cases: Iterable[AuditCase], grades: Sequence[Grade]) -> GradeSummary:
    """Count the cases (not withdrawn) at each grade of ``grades`` (every grade, removed ones too)."""
    live = [c for c in cases if not c.withdrawn]
    by_id = {g.id: g for g in grades}
    tally: dict[int, int] = {}
    for case in live:
        if case.grade_id is not None:
            tally[case.grade_id] = tally.get(case.grade_id, 0) + 1
    shown = [g for g in sorted(grades, key=lambda g: (g.position, g.id or 0))
             if not g.removed or tally.get(g.id or -1)]
    unknown = [i for i in tally if i not in by_id]
    if unknown:
        raise ValueError(f"cases graded with grades not given: {sorted(unknown)}")
    return GradeSummary(
        counts=tuple(GradeCount(g, tally.get(g.id or -1, 0)) for g in shown),
        not_graded=sum(1 for c in live if c.grade_id is None),
        gradings=len(live),
        cases=len({c.reference.casefold() for c in live}),
    )


# --- inspections -------------------------------------------------------------------------------


class Inspectorate(StrEnum):
    OFSTED = "Ofsted"
    CQC = "CQC"
    HMICFRS = "HMICFRS"
    HMI_PROBATION = "HMI Probation"
    JTAI = "joint targeted area inspection"
    OTHER = "other"

    @property
    def short(self) -> str:
        return "JTAI" if self is Inspectorate.JTAI else ("Other" if self is Inspectorate.OTHER else self.value)


INSPECTORATE_WORDS = {
    "ofsted": Inspectorate.OFSTED, "cqc": Inspectorate.CQC, "care quality commission": Inspectorate.CQC,
    "hmicfrs": Inspectorate.HMICFRS, "hmic": Inspectorate.HMICFRS, "hmi probation": Inspectorate.HMI_PROBATION,
    "probation": Inspectorate.HMI_PROBATION, "hmip": Inspectorate.HMI_PROBATION, "jtai": Inspectorate.JTAI,
    "joint targeted area inspection": Inspectorate.JTAI, "joint": Inspectorate.JTAI, "other": Inspectorate.OTHER,
}


def parse_inspectorate(text: str) -> Inspectorate:
    key = _words(text).lower().replace("-", " ").replace("_", " ")
    if key in INSPECTORATE_WORDS:
        return INSPECTORATE_WORDS[key]
    raise ValidationError("inspectorate", f"'{text}' is not an inspectorate: use ofsted, cqc, hmicfrs, probation "
                                          "(HMI Probation), jtai (joint targeted area inspection) or other (and name "
                                          "it).")


INSPECTION_TYPES: dict[Inspectorate, tuple[str, ...]] = {
    Inspectorate.OFSTED: ("ILACS standard inspection", "ILACS short inspection", "ILACS focused visit",
                          "ILACS monitoring visit", "Area SEND inspection", "School inspection",
                          "Children's home inspection"),
    Inspectorate.CQC: ("Well-led inspection", "Core service inspection",
                       "Children looked after and safeguarding review"),
    Inspectorate.HMICFRS: ("PEEL inspection", "National child protection inspection", "Thematic inspection"),
    Inspectorate.HMI_PROBATION: ("Youth justice service inspection", "Probation service inspection",
                                 "Thematic inspection"),
    Inspectorate.JTAI: ("JTAI: the multi-agency response to children", "JTAI: serious youth violence",
                        "JTAI: children in need of help and protection"),
    Inspectorate.OTHER: (),
}
"""Common types of inspection per inspectorate (offered, not imposed)."""

JUDGEMENTS: tuple[str, ...] = (
    "Outstanding", "Good", "Requires improvement to be good", "Requires improvement", "Adequate", "Inadequate",
    "No graded judgement (findings letter)", "Not yet published",
)
"""The common wordings of a published judgement (the field is free text)."""


class FollowUp(StrEnum):
    TO_REVIEW = "to review"
    MONITORING = "monitoring"
    CLOSED = "closed"


FOLLOW_UP_LABELS = {
    FollowUp.TO_REVIEW: "To review",
    FollowUp.MONITORING: "Monitoring the action plan",
    FollowUp.CLOSED: "Closed",
}


def parse_follow_up(text: str) -> FollowUp:
    key = _words(text).lower().replace("-", " ").replace("_", " ")
    for status in FollowUp:
        if key == status.value or (key and status.value.startswith(key)):
            return status
    if key in ("review", "open"):
        return FollowUp.TO_REVIEW
    raise ValidationError("follow_up", f"'{text}' is not a follow-up status: use 'to review', monitoring or closed.")


@dataclass
class Inspection:
    """A single-agency inspection (or a joint one, recorded against the agency it concerns)."""

    agency_id: int
    inspectorate: Inspectorate
    inspectorate_name: str = ""
    """The inspectorate's name when it is 'other' (e.g. 'Ofqual')."""
    inspection_type: str = ""
    inspected_from: dt.date | None = None
    inspected_to: dt.date | None = None
    published: dt.date | None = None
    judgement: str = ""
    key_findings: str = ""
    lessons: str = ""
    notes: str = ""
    follow_up: FollowUp = FollowUp.TO_REVIEW
    next_review: dt.date | None = None
    """When the subcommittee is next to look at the action plan."""
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    @property
    def inspectorate_label(self) -> str:
        if self.inspectorate is Inspectorate.OTHER:
            return self.inspectorate_name or "Other"
        return self.inspectorate.short

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_on is not None


def validate_inspection(inspection: Inspection) -> Inspection:
    i = inspection
    if i.agency_id is None:
        raise ValidationError("agency_id", "Choose the agency that was inspected.")
    if isinstance(i.inspectorate, str) and not isinstance(i.inspectorate, Inspectorate):
        i.inspectorate = parse_inspectorate(i.inspectorate)
    i.inspectorate_name = _words(clean_line(i.inspectorate_name, "inspectorate_name", "The inspectorate's name"))
    if i.inspectorate is Inspectorate.OTHER and not i.inspectorate_name:
        raise ValidationError("inspectorate_name", "Name the inspectorate (it is not one of those listed).")
    if i.inspectorate is not Inspectorate.OTHER:
        i.inspectorate_name = ""
    i.inspection_type = _words(clean_line(i.inspection_type, "inspection_type", "The type of inspection"))
    i.judgement = _words(clean_line(i.judgement, "judgement", "The judgement"))
    if i.inspected_from and i.inspected_to and i.inspected_to < i.inspected_from:
        raise ValidationError("inspected_to", f"The inspection ends ({i.inspected_to:%d/%m/%Y}) before it starts "
                                              f"({i.inspected_from:%d/%m/%Y}): correct one of the dates.")
    if i.inspected_to is not None and i.inspected_from is None:
        i.inspected_from = i.inspected_to
    first = i.inspected_from or i.inspected_to
    if i.published and first and i.published < first:
        raise ValidationError("published", f"The report is published ({i.published:%d/%m/%Y}) before the inspection "
                                           f"began ({first:%d/%m/%Y}): correct one of the dates.")
    i.key_findings, i.lessons, i.notes = _text(i.key_findings), _text(i.lessons), _text(i.notes)
    i.follow_up = FollowUp(i.follow_up)
    i.withdrawn_reason = _text(i.withdrawn_reason)
    if (i.withdrawn_on is None) != (not i.withdrawn_reason):
        raise ValidationError("withdrawn_reason", "A withdrawn inspection needs the date and the reason.")
    return i


class PlanStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def closed(self) -> bool:
        return self in (PlanStatus.DONE, PlanStatus.DROPPED)


def parse_plan_status(text: str) -> PlanStatus:
    key = _words(text).lower().replace("-", " ").replace("_", " ")
    if key in ("progress", "inprogress"):
        key = "in progress"
    for status in PlanStatus:
        if status.value == key:
            return status
    raise ValidationError("status", f"'{text}' is not an action-plan status: use open, in progress, done or dropped.")


class PlanState(StrEnum):
    """What an action-plan item needs, today: derived from its status and due date."""

    OVERDUE = "overdue"
    DUE_SOON = "due soon"
    IN_PROGRESS = "in progress"
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


@dataclass
class PlanItem:
    """One item of an inspected agency's action plan."""

    inspection_id: int
    action: str
    owner: str = ""
    due: dt.date | None = None
    status: PlanStatus = PlanStatus.OPEN
    closed_on: dt.date | None = None
    """When it was done or dropped."""
    notes: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    def is_overdue(self, today: dt.date) -> bool:
        return self.due is not None and self.due < today and not PlanStatus(self.status).closed

    def state(self, today: dt.date) -> PlanState:
        status = PlanStatus(self.status)
        if status is PlanStatus.DONE:
            return PlanState.DONE
        if status is PlanStatus.DROPPED:
            return PlanState.DROPPED
        if self.is_overdue(today):
            return PlanState.OVERDUE
        if self.due is not None and (self.due - today).days <= DUE_SOON_DAYS:
            return PlanState.DUE_SOON
        return PlanState.IN_PROGRESS if status is PlanStatus.IN_PROGRESS else PlanState.OPEN

    def days_overdue(self, today: dt.date) -> int:
        return (today - self.due).days if self.is_overdue(today) and self.due else 0


def validate_plan_item(item: PlanItem) -> PlanItem:
    item.action = _words(item.action)
    if not item.action:
        raise ValidationError("action", "The action-plan item says nothing: type what the agency will do.")
    item.owner = _words(clean_line(item.owner, "owner", "The owner"))
    item.status = PlanStatus(item.status)
    item.notes = _text(item.notes)
    if item.status.closed and item.closed_on is None:
        raise ValidationError("closed_on", f"An item marked {item.status.value} needs the date it was {item.status.value}.")
    if not item.status.closed:
        item.closed_on = None
    if item.status is PlanStatus.DROPPED and not item.notes:
        raise ValidationError("notes", "Say why the item was dropped (in the notes): nothing is dropped without a "
                                       "reason.")
    return item


@dataclass
class InspectionReview:
    """The subcommittee looked at the inspection (its findings, its action plan) at a meeting."""

    inspection_id: int
    meeting_id: int
    reviewed_on: dt.date
    note: str = ""
    id: int | None = None


class InspectionState(StrEnum):
    """Where an inspection stands for the subcommittee, today (for lists and the dashboard)."""

    WITHDRAWN = "withdrawn"
    NOT_PUBLISHED = "report not published"
    AWAITING_REVIEW = "awaiting review"
    PLAN_OVERDUE = "action plan overdue"
    REVIEW_DUE = "review due"
    MONITORING = "monitoring"
    TO_REVIEW = "to review"
    CLOSED = "closed"


def inspection_state(inspection: Inspection, items: Iterable[PlanItem], reviews: Sequence[InspectionReview],
                     today: dt.date) -> InspectionState:
    """The most pressing of: withdrawn, closed, action plan overdue, awaiting its first review (published),
    review due (the next review's date has passed), report not published, monitoring, to review."""
    if inspection.withdrawn:
        return InspectionState.WITHDRAWN
    if inspection.follow_up is FollowUp.CLOSED:
        return InspectionState.CLOSED
    if any(i.is_overdue(today) for i in items):
        return InspectionState.PLAN_OVERDUE
    if inspection.published is not None and not reviews:
        return InspectionState.AWAITING_REVIEW
    if inspection.next_review is not None and inspection.next_review < today:
        return InspectionState.REVIEW_DUE
    if inspection.published is None:
        return InspectionState.NOT_PUBLISHED
    if inspection.follow_up is FollowUp.MONITORING:
        return InspectionState.MONITORING
    return InspectionState.TO_REVIEW


@dataclass(frozen=True)
class PlanCounts:
    total: int
    open: int
    overdue: int
    due_soon: int
    done: int


def plan_counts(items: Iterable[PlanItem], today: dt.date) -> PlanCounts:
    states = [i.state(today) for i in items]
    return PlanCounts(
        total=len(states),
        open=sum(1 for s in states if s not in (PlanState.DONE, PlanState.DROPPED)),
        overdue=states.count(PlanState.OVERDUE),
        due_soon=states.count(PlanState.DUE_SOON),
        done=states.count(PlanState.DONE),
    )

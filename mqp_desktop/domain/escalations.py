"""Escalations for strategic oversight and disputes (ToR 7.1, 9, 10), in plain Python.

ToR 7.1: the subcommittee will "escalate any concerns that need strategic oversight and decision
e.g., worrying trends, blocks in the system, themes and patterns". ToR 9: in a dispute "the Chair
will be asked to mediate and negotiate a satisfactory solution, based on the best interest of
children. If dispute remains unresolved then final decision will be reached by WSCP Executive
Partners."

An :class:`Escalation` has a stable reference (``ES-2026-002``), a **kind** (a worrying trend, a
block in the system, a theme or pattern — escalations for oversight — or a dispute), who raised
it (a member, or an agency), the date, a summary, and the meeting and agenda item where it arose.
Then, as it happens: the **chair's mediation** (disputes only: date, notes, outcome), its
**escalation to the Executive** (date, note), and the **decision** with its date — the Executive's,
or the chair's when a dispute is settled in mediation (or the subcommittee deals with a concern
itself). Nothing is deleted: one raised in error is **withdrawn** with the reason.

**Status** (derived, never stored): *withdrawn*, *decided*, *with the Executive*, *in mediation*,
otherwise *open*.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.partnership import day_text, one_line, tidy_text
from mqp_desktop.domain.validation import ValidationError

ESCALATION_PREFIX = "ES"


class EscalationKind(StrEnum):
    TREND = "trend"
    BLOCK = "block"
    THEME = "theme"
    DISPUTE = "dispute"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def is_dispute(self) -> bool:
        return self is EscalationKind.DISPUTE


KIND_LABELS = {
    EscalationKind.TREND: "Worrying trend",
    EscalationKind.BLOCK: "Block in the system",
    EscalationKind.THEME: "Theme or pattern",
    EscalationKind.DISPUTE: "Dispute",
}


def parse_kind(text: str | EscalationKind) -> EscalationKind:
    """'trend', 'block', 'theme' (or 'pattern'), 'dispute' — or their labels, any case."""
    if isinstance(text, EscalationKind):
        return text
    key = " ".join((text or "").strip().lower().replace("-", " ").replace("_", " ").split())
    for kind in EscalationKind:
        if key in (kind.value, kind.label.lower()):
            return kind
    words = {"worrying trend": EscalationKind.TREND, "trends": EscalationKind.TREND,
             "block in the system": EscalationKind.BLOCK, "blocks": EscalationKind.BLOCK,
             "pattern": EscalationKind.THEME, "themes": EscalationKind.THEME, "disagreement": EscalationKind.DISPUTE}
    if key in words:
        return words[key]
    raise ValidationError("kind", f"'{text}' is not a kind of escalation: use trend (a worrying trend), block (a "
                                  "block in the system), theme (a theme or pattern) or dispute.")


class DecidedBy(StrEnum):
    CHAIR = "chair"
    EXECUTIVE = "executive"

    @property
    def label(self) -> str:
        return "the chair" if self is DecidedBy.CHAIR else "the Executive"


def parse_decided_by(text: str | DecidedBy) -> DecidedBy:
    if isinstance(text, DecidedBy):
        return text
    key = (text or "").strip().lower()
    if key in ("chair", "the chair", "subcommittee"):
        return DecidedBy.CHAIR
    if key in ("executive", "the executive", "exec"):
        return DecidedBy.EXECUTIVE
    raise ValidationError("decided_by", f"'{text}' did not decide: use chair or executive.")


class EscalationStatus(StrEnum):
    OPEN = "open"
    MEDIATION = "in mediation"
    EXECUTIVE = "with the executive"
    DECIDED = "decided"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def finished(self) -> bool:
        return self in (EscalationStatus.DECIDED, EscalationStatus.WITHDRAWN)


STATUS_LABELS = {
    EscalationStatus.OPEN: "Open",
    EscalationStatus.MEDIATION: "In mediation",
    EscalationStatus.EXECUTIVE: "With the Executive",
    EscalationStatus.DECIDED: "Decided",
    EscalationStatus.WITHDRAWN: "Withdrawn",
}


def parse_status(text: str | EscalationStatus) -> EscalationStatus:
    if isinstance(text, EscalationStatus):
        return text
    key = " ".join((text or "").strip().lower().replace("-", " ").split())
    key = {"mediation": "in mediation", "executive": "with the executive"}.get(key, key)
    for s in EscalationStatus:
        if s.value == key:
            return s
    raise ValidationError("status", f"'{text}' is not a status: use open, mediation, executive, decided or "
                                    "withdrawn.")


@dataclass
class Escalation:
    kind: EscalationKind
    summary: str
    raised_on: dt.date | None = None
    raised_by_member_id: int | None = None
    raised_by_agency_id: int | None = None
    """The agency that raised it (the member's agency when a member raised it)."""
    meeting_id: int | None = None
    item_id: int | None = None
    mediation_on: dt.date | None = None
    mediation_notes: str = ""
    mediation_outcome: str = ""
    executive_on: dt.date | None = None
    executive_note: str = ""
    decision: str = ""
    decided_on: dt.date | None = None
    decided_by: DecidedBy | None = None
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    reference: str = ""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    @property
    def status(self) -> EscalationStatus:
        return escalation_status(self)

    @property
    def title(self) -> str:
        first = (self.summary or "").strip().split("\n", 1)[0]
        return first if len(first) <= 90 else first[:87].rstrip() + "…"


def escalation_status(e: Escalation) -> EscalationStatus:
    if e.withdrawn_on is not None:
        return EscalationStatus.WITHDRAWN
    if e.decided_on is not None:
        return EscalationStatus.DECIDED
    if e.executive_on is not None:
        return EscalationStatus.EXECUTIVE
    if e.mediation_on is not None:
        return EscalationStatus.MEDIATION
    return EscalationStatus.OPEN


def _not_future(day: dt.date, today: dt.date, field_name: str, what: str) -> None:
    if day > today:
        raise ValidationError(field_name, f"{day_text(day)} is in the future: give the date {what}.")


def validate_escalation(e: Escalation) -> Escalation:
    """Tidy and check an escalation's own fields (whether its member, agency and meeting exist: the store)."""
    e.kind = parse_kind(e.kind)
    e.summary = tidy_text(e.summary)
    if not e.summary:
        raise ValidationError("summary", "Summarise the concern or the dispute: what it is, and what is asked for.")
    if e.raised_on is None:
        raise ValidationError("raised_on", "Give the date it was raised.")
    if e.raised_by_member_id is None and e.raised_by_agency_id is None:
        raise ValidationError("raised_by", "Say who raised it: a member, or an agency.")
    if e.item_id is not None and e.meeting_id is None:
        raise ValidationError("item", "An agenda item belongs to a meeting: choose the meeting where it arose too.")
    for name in ("mediation_notes", "mediation_outcome", "executive_note", "decision", "withdrawn_reason"):
        setattr(e, name, tidy_text(getattr(e, name)))
    return e


def _live(e: Escalation, doing: str) -> None:
    ref = e.reference or "It"
    status = e.status
    if status is EscalationStatus.WITHDRAWN:
        raise ValidationError("status", f"{ref} was withdrawn on {day_text(e.withdrawn_on)}: it cannot be {doing}.")
    if status is EscalationStatus.DECIDED:
        raise ValidationError("status", f"{ref} was decided on {day_text(e.decided_on)} by "
                                        f"{e.decided_by.label if e.decided_by else 'the Executive'}: it cannot be "
                                        f"{doing}.")


def mediate(e: Escalation, on: dt.date, notes: str, outcome: str, today: dt.date) -> Escalation:
    """The chair's mediation of a dispute (ToR 9): recorded, or brought up to date while it goes on."""
    _live(e, "mediated")
    ref = e.reference or "It"
    if not e.kind.is_dispute:
        raise ValidationError("kind", f"{ref} is a {e.kind.label.lower()}, not a dispute: the chair mediates disputes "
                                      "(ToR 9); a concern for oversight is escalated to the Executive.")
    if e.status is EscalationStatus.EXECUTIVE:
        raise ValidationError("status", f"{ref} went to the Executive on {day_text(e.executive_on)}: mediation is "
                                        "over; record the Executive's decision.")
    notes = tidy_text(notes)
    if not notes:
        raise ValidationError("mediation_notes", "Write the chair's notes of the mediation: who met, what each side "
                                                 "said, what was offered.")
    if e.raised_on is not None and on < e.raised_on:
        raise ValidationError("mediation_on", f"It was raised on {day_text(e.raised_on)}: mediation cannot be "
                                              f"dated before that ({day_text(on)}).")
    _not_future(on, today, "mediation_on", "of the mediation")
    return dataclasses.replace(e, mediation_on=on, mediation_notes=notes, mediation_outcome=tidy_text(outcome))


def escalate(e: Escalation, on: dt.date, note: str, today: dt.date) -> Escalation:
    """Put it to the Executive (ToR 7.1; ToR 9 when mediation did not resolve a dispute)."""
    _live(e, "escalated")
    ref = e.reference or "It"
    if e.status is EscalationStatus.EXECUTIVE:
        raise ValidationError("status", f"{ref} is already with the Executive (since {day_text(e.executive_on)}).")
    first = e.mediation_on or e.raised_on
    if first is not None and on < first:
        raise ValidationError("executive_on", f"It cannot have gone to the Executive on {day_text(on)}, before "
                                              f"{day_text(first)}.")
    _not_future(on, today, "executive_on", "it went to the Executive")
    return dataclasses.replace(e, executive_on=on, executive_note=tidy_text(note))


def decide(e: Escalation, decision: str, on: dt.date, by: DecidedBy | str | None, today: dt.date) -> Escalation:
    """The decision: the Executive's when it was escalated, otherwise the chair's (a dispute settled in mediation,
    or a concern the subcommittee dealt with itself)."""
    _live(e, "decided again")
    ref = e.reference or "It"
    at_executive = e.status is EscalationStatus.EXECUTIVE
    by = parse_decided_by(by) if by is not None else (DecidedBy.EXECUTIVE if at_executive else DecidedBy.CHAIR)
    if by is DecidedBy.EXECUTIVE and not at_executive:
        raise ValidationError("decided_by", f"{ref} has not gone to the Executive: escalate it first, or record the "
                                            "chair's decision.")
    if by is DecidedBy.CHAIR and at_executive:
        raise ValidationError("decided_by", f"{ref} is with the Executive since {day_text(e.executive_on)}: the "
                                            "decision is the Executive's (ToR 9).")
    decision = tidy_text(decision)
    if not decision:
        raise ValidationError("decision", "Give the decision, in words the minutes and the chair's report can use.")
    first = e.executive_on or e.mediation_on or e.raised_on
    if first is not None and on < first:
        raise ValidationError("decided_on", f"The decision cannot be dated {day_text(on)}, before "
                                            f"{day_text(first)}.")
    _not_future(on, today, "decided_on", "of the decision")
    return dataclasses.replace(e, decision=decision, decided_on=on, decided_by=by)


def withdraw(e: Escalation, on: dt.date, reason: str, today: dt.date, *, undoing: bool = False) -> Escalation:
    """Withdrawn with the reason (raised in error, or no longer needed): kept, never deleted."""
    _live(e, "withdrawn")
    reason = tidy_text(reason)
    if not reason:
        raise ValidationError("withdrawn_reason", "Say why it is withdrawn: it stays in the log with the reason.")
    if not undoing:
        if e.raised_on is not None and on < e.raised_on:
            raise ValidationError("withdrawn_on", f"It cannot be withdrawn on {day_text(on)}, before it was raised "
                                                  f"({day_text(e.raised_on)}).")
        _not_future(on, today, "withdrawn_on", "it was withdrawn")
    return dataclasses.replace(e, withdrawn_on=on, withdrawn_reason=reason)


def next_step(e: Escalation, executive: str = "the Executive") -> str:
    status = e.status
    if status is EscalationStatus.WITHDRAWN:
        return f"Withdrawn on {day_text(e.withdrawn_on)}: {e.withdrawn_reason}"
    if status is EscalationStatus.DECIDED:
        by = executive if e.decided_by is DecidedBy.EXECUTIVE else "the chair"
        return f"Decided by {by} on {day_text(e.decided_on)}: {e.decision}"
    if status is EscalationStatus.EXECUTIVE:
        return f"With {executive} since {day_text(e.executive_on)}: record its decision when it is made."
    if status is EscalationStatus.MEDIATION:
        return (f"The chair is mediating (last {day_text(e.mediation_on)}): record the solution agreed, or escalate "
                f"it to {executive} if the dispute remains unresolved (ToR 9).")
    if e.kind.is_dispute:
        return f"Open: the chair to mediate (ToR 9); {executive} decides if it remains unresolved."
    return f"Open: put it to {executive} for strategic oversight and decision (ToR 7.1), or record how it was dealt with."


FILTER_OPEN = "open"
FILTER_MEDIATION = "mediation"
FILTER_EXECUTIVE = "executive"
FILTER_FINISHED = "finished"
FILTER_DISPUTES = "disputes"
FILTER_ALL = "all"
FILTERS = (FILTER_OPEN, FILTER_MEDIATION, FILTER_EXECUTIVE, FILTER_FINISHED, FILTER_DISPUTES, FILTER_ALL)


def matches_filter(e: Escalation, which: str) -> bool:
    status = e.status
    if which == FILTER_OPEN:
        return not status.finished
    if which == FILTER_MEDIATION:
        return status is EscalationStatus.MEDIATION
    if which == FILTER_EXECUTIVE:
        return status is EscalationStatus.EXECUTIVE
    if which == FILTER_FINISHED:
        return status.finished
    if which == FILTER_DISPUTES:
        return e.kind.is_dispute
    if which == FILTER_ALL:
        return True
    raise ValidationError("filter", f"'{which}' is not a filter: use {', '.join(FILTERS)}.")


def filter_escalations(items: Iterable[Escalation], which: str = FILTER_ALL, *, kind: EscalationKind | None = None,
                       meeting_id: int | None = None) -> list[Escalation]:
    return [e for e in items if matches_filter(e, which)
            and (kind is None or e.kind is kind) and (meeting_id is None or e.meeting_id == meeting_id)]


__all__ = ["ESCALATION_PREFIX", "DecidedBy", "Escalation", "EscalationKind", "EscalationStatus", "decide",
           "escalate", "filter_escalations", "mediate", "next_step", "one_line", "parse_kind", "validate_escalation",
           "withdraw"]

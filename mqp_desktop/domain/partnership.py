"""The partnership around the subcommittee, and work moved between its subcommittees (ToR 1, 8), in plain Python.

**Partnership bodies.** The subcommittee reports to the partnership's **Executive** (ToR 1) and
works beside other subcommittees; one of them is usually **Training, Workforce & Development**
(ToR 8 names it: work sent to it carries projected costs). Each is a :class:`PartnershipBody`:
name, short name, chair and the chair's email, and two marks — the Executive (exactly one while
any body is recorded) and Training, Workforce & Development (at most one). A body is never
deleted: one that no longer meets is *ended* on a date and stays, so old transfers still name it.

**Work transfers (ToR 8).** "If a subcommittee has identified work for another subcommittee ...
the chair will write to the chair of the intended subcommittee informing them of the reason for
the work to be transferred and intended outcomes including link to the WSCP priority areas; for
Training Workforce & Development include projected costs for consideration; receiving chair will
confirm (in writing) whether work will be undertaken and if not, why not; disagreement ... should
be escalated to the Executive for agreement." A :class:`WorkTransfer` goes *from us* (our chair
writes) or comes *to us* (another chair wrote; our chair answers), and has a stable reference,
``WT-2026-003``. Its **state** is derived from its dates, never stored:

====================  ==========================================================================
drafted               written, not yet sent (an incoming one starts at *sent*: its letter came)
sent                  waiting for the receiving chair's written answer, due ``answer_due``
accepted / declined   the receiving chair's answer (declined says why); the letter or email kept
escalated             a declined transfer put to the Executive (ToR 8: disagreement)
decided               the Executive's decision, and its date
withdrawn             a draft or a sent letter taken back, with the reason (nothing is deleted)
====================  ==========================================================================

:data:`TRANSITIONS` lists the only moves; :func:`check_transition` refuses any other in words.
A sent transfer whose answer is past ``answer_due`` (sent + the ``transfer_answer_days``
setting, 28 by default) is **overdue**.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.validation import ValidationError, clean_email

DEFAULT_ANSWER_DAYS = 28
"""The receiving chair's answer is due four weeks after the letter is sent unless the setting says otherwise."""

TRANSFER_PREFIX = "WT"
TWD_WORDS = "Training, Workforce & Development"
ADDED_IN_ERROR = "added in error, undone"
"""The reason of a record withdrawn by an undo of its adding (nothing is deleted)."""


# --- words shared by the partnership's records ----------------------------------------------------

def tidy_text(text: str | None) -> str:
    """Several lines kept, each line's spaces closed up, runs of blank lines made one, ends trimmed."""
    lines = [" ".join(line.split()) for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def day_text(day: dt.date | None) -> str:
    """'3 Mar 2026'."""
    return f"{day.day} {day:%b %Y}" if day else ""


def long_day(day: dt.date | None) -> str:
    """'3 March 2026'."""
    return f"{day.day} {day:%B %Y}" if day else ""


def format_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:03d}"


def parse_reference(prefix: str, text: str, what: str) -> tuple[int, int]:
    """'WT-2026-007' (or 'wt-2026-7', 'WT2026-7') -> (2026, 7); anything else is refused, naming ``what``."""
    match = re.match(rf"^\s*{prefix}-?(\d{{4}})-?(\d{{1,6}})\s*$", text or "", re.IGNORECASE)
    if not match or int(match.group(2)) < 1:
        raise ValidationError("reference", f"'{text}' is not {what} reference: they look like "
                                           f"{format_reference(prefix, 2026, 7)}.")
    return int(match.group(1)), int(match.group(2))


def next_reference(prefix: str, on: dt.date, existing: Iterable[str]) -> str:
    """One past the highest number of ``on``'s year among ``existing`` references (numbers are never reused)."""
    used = []
    for ref in existing:
        match = re.match(rf"^{prefix}-(\d{{4}})-(\d+)$", ref or "")
        if match and int(match.group(1)) == on.year:
            used.append(int(match.group(2)))
    return format_reference(prefix, on.year, max(used, default=0) + 1)


def reference_sort_key(reference: str) -> tuple[int, int]:
    match = re.match(r"^[A-Z]+-(\d{4})-(\d+)$", reference or "")
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _not_future(day: dt.date, today: dt.date, field_name: str, what: str) -> None:
    if day > today:
        raise ValidationError(field_name, f"{day_text(day)} is in the future: give the date {what}.")


# --- the partnership's bodies ------------------------------------------------------------------

@dataclass
class PartnershipBody:
    """The Executive, or another subcommittee of the partnership."""

    name: str
    short_name: str = ""
    chair_name: str = ""
    chair_email: str = ""
    training_workforce: bool = False
    """The Training, Workforce & Development subcommittee: work sent to it carries projected costs (ToR 8)."""
    executive: bool = False
    """The partnership's Executive: disagreements go to it (ToR 8, 9)."""
    notes: str = ""
    ended_on: dt.date | None = None
    """No longer meets (kept, so old transfers still name it)."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def kind_label(self) -> str:
        if self.executive:
            return "Executive"
        if self.training_workforce:
            return TWD_WORDS
        return "Subcommittee"

    def is_current(self, today: dt.date | None = None) -> bool:
        return self.ended_on is None or self.ended_on > (today or dt.date.today())

    @property
    def chair_text(self) -> str:
        """'Dr Ruth Okafor <ruth@example.org>', or 'no chair recorded'."""
        if not self.chair_name:
            return f"no chair recorded <{self.chair_email}>" if self.chair_email else "no chair recorded"
        return f"{self.chair_name} <{self.chair_email}>" if self.chair_email else self.chair_name


def validate_body(body: PartnershipBody) -> PartnershipBody:
    """Tidy and check one body's own fields (the set as a whole: :func:`check_bodies`)."""
    b = body
    b.name = one_line(b.name)
    if not b.name:
        raise ValidationError("name", "Give the body's name, e.g. 'Training, Workforce & Development Subcommittee'.")
    b.short_name = one_line(b.short_name)
    b.chair_name = one_line(b.chair_name)
    b.chair_email = clean_email(b.chair_email, "chair_email")
    b.notes = tidy_text(b.notes)
    b.training_workforce, b.executive = bool(b.training_workforce), bool(b.executive)
    if b.executive and b.training_workforce:
        raise ValidationError("executive", "The Executive is not a subcommittee: it cannot also be Training, "
                                           "Workforce & Development. Untick one.")
    return b


def check_bodies(bodies: Sequence[PartnershipBody], today: dt.date, changed: PartnershipBody | None = None) -> None:
    """The set of bodies as it would be saved: names (and short names) distinct; among those not ended, at most
    one Training, Workforce & Development and exactly one Executive while any is recorded. ``changed``: the body
    being saved (the messages name it)."""
    seen_names: dict[str, PartnershipBody] = {}
    seen_short: dict[str, PartnershipBody] = {}
    for b in bodies:
        for key, seen, field_name, what in ((b.name.casefold(), seen_names, "name", "name"),
                                            (b.short_name.casefold(), seen_short, "short_name", "short name")):
            if not key:
                continue
            other = seen.get(key)
            if other is not None:
                clash = other if changed is None or other is not changed else b
                raise ValidationError(field_name, f"'{clash.name}' already has that {what}: give this one another.")
            seen[key] = b
    current = [b for b in bodies if b.is_current(today)]
    twd = [b for b in current if b.training_workforce]
    if len(twd) > 1:
        other = next((b for b in twd if b is not changed), twd[0])
        raise ValidationError("training_workforce", f"{other.name} is already the {TWD_WORDS} subcommittee: only "
                                                    "one can be (untick it there first).")
    executives = [b for b in current if b.executive]
    if len(executives) > 1:
        other = next((b for b in executives if b is not changed), executives[0])
        raise ValidationError("executive", f"{other.name} is already the partnership's Executive: there is one. "
                                           "Edit that one (its name, its chair) rather than adding another.")
    if current and not executives:
        if changed is not None and changed.executive:
            raise ValidationError("ended_on", f"{changed.name} is the partnership's Executive: it cannot end while "
                                              "other bodies are recorded (transfers and disputes go to it).")
        raise ValidationError("executive", "Record the partnership's Executive first (tick 'The Executive'): work "
                                           "transfers and escalations go to it (ToR 8, 9).")


def executive_of(bodies: Iterable[PartnershipBody], today: dt.date | None = None) -> PartnershipBody | None:
    return next((b for b in bodies if b.executive and b.is_current(today)), None)


# --- work transfers -------------------------------------------------------------------------------

class Direction(StrEnum):
    FROM_US = "from us"
    """Our chair writes to another subcommittee's chair."""
    TO_US = "to us"
    """Another subcommittee's chair wrote to ours; our chair answers."""

    @property
    def label(self) -> str:
        return "From us" if self is Direction.FROM_US else "To us"


def parse_direction(text: str | Direction) -> Direction:
    if isinstance(text, Direction):
        return text
    key = " ".join((text or "").strip().lower().replace("-", " ").replace("_", " ").split())
    words = {"from us": Direction.FROM_US, "outgoing": Direction.FROM_US, "out": Direction.FROM_US,
             "to us": Direction.TO_US, "incoming": Direction.TO_US, "in": Direction.TO_US}
    if key in words:
        return words[key]
    raise ValidationError("direction", f"'{text}' is not a direction: use 'from us' (we ask another subcommittee) "
                                       "or 'to us' (another subcommittee asks us).")


class Answer(StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"


def parse_answer(text: str | Answer) -> Answer:
    if isinstance(text, Answer):
        return text
    key = (text or "").strip().lower()
    words = {"accepted": Answer.ACCEPTED, "accept": Answer.ACCEPTED, "yes": Answer.ACCEPTED,
             "declined": Answer.DECLINED, "decline": Answer.DECLINED, "no": Answer.DECLINED,
             "refused": Answer.DECLINED}
    if key in words:
        return words[key]
    raise ValidationError("answer", f"'{text}' is not an answer: use accepted or declined.")


class TransferState(StrEnum):
    DRAFTED = "drafted"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ESCALATED = "escalated"
    DECIDED = "decided"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def finished(self) -> bool:
        """Nothing more is expected of anyone: accepted, decided or withdrawn."""
        return self in (TransferState.ACCEPTED, TransferState.DECIDED, TransferState.WITHDRAWN)


STATE_LABELS = {
    TransferState.DRAFTED: "Drafted",
    TransferState.SENT: "Sent, awaiting answer",
    TransferState.ACCEPTED: "Accepted",
    TransferState.DECLINED: "Declined",
    TransferState.ESCALATED: "With the Executive",
    TransferState.DECIDED: "Decided by the Executive",
    TransferState.WITHDRAWN: "Withdrawn",
}

TRANSITIONS: dict[TransferState, frozenset[TransferState]] = {
    TransferState.DRAFTED: frozenset({TransferState.SENT, TransferState.WITHDRAWN}),
    TransferState.SENT: frozenset({TransferState.ACCEPTED, TransferState.DECLINED, TransferState.WITHDRAWN}),
    TransferState.ACCEPTED: frozenset(),
    TransferState.DECLINED: frozenset({TransferState.ESCALATED}),
    TransferState.ESCALATED: frozenset({TransferState.DECIDED}),
    TransferState.DECIDED: frozenset(),
    TransferState.WITHDRAWN: frozenset(),
}
"""The only moves a transfer makes (an undo puts a step back; it is recorded as an undo, not a move)."""

_DOING = {
    TransferState.SENT: "sent",
    TransferState.ACCEPTED: "answered (accepted)",
    TransferState.DECLINED: "answered (declined)",
    TransferState.ESCALATED: "escalated to the Executive",
    TransferState.DECIDED: "decided by the Executive",
    TransferState.WITHDRAWN: "withdrawn",
}


def parse_state(text: str | TransferState) -> TransferState:
    if isinstance(text, TransferState):
        return text
    key = (text or "").strip().lower()
    for s in TransferState:
        if s.value == key:
            return s
    raise ValidationError("state", f"'{text}' is not a transfer state: use "
                                   f"{', '.join(s.value for s in TransferState)}.")


@dataclass
class WorkTransfer:
    direction: Direction
    body_id: int | None
    """The other subcommittee: the receiver when it goes from us, the sender when it comes to us."""
    work: str
    reason: str
    outcomes: str
    priorities: tuple[str, ...] = ()
    """The partnership's priorities it serves (names from the ``partnership_priorities`` setting)."""
    projected_costs: str = ""
    """Required when Training, Workforce & Development receives it (ToR 8); e.g. '£3,200: trainer and venue'."""
    written_on: dt.date | None = None
    sent_on: dt.date | None = None
    answer_due: dt.date | None = None
    answer: Answer | None = None
    answer_reason: str = ""
    answered_on: dt.date | None = None
    answer_document_id: int | None = None
    """The receiving chair's letter or email, stored as a document (never changed)."""
    escalated_on: dt.date | None = None
    escalation_note: str = ""
    decision: str = ""
    decided_on: dt.date | None = None
    withdrawn_on: dt.date | None = None
    withdrawn_reason: str = ""
    reference: str = ""
    """'WT-2026-003', given by the store when the transfer is added."""
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)

    @property
    def state(self) -> TransferState:
        return transfer_state(self)

    def is_overdue(self, today: dt.date) -> bool:
        """Sent and waiting for the answer past its due date."""
        return self.state is TransferState.SENT and self.answer_due is not None and self.answer_due < today

    def days_overdue(self, today: dt.date) -> int:
        return (today - self.answer_due).days if self.is_overdue(today) and self.answer_due else 0

    @property
    def title(self) -> str:
        """The work's first line, for lists and the letter's subject."""
        first = (self.work or "").strip().split("\n", 1)[0]
        return first if len(first) <= 90 else first[:87].rstrip() + "…"


def transfer_state(t: WorkTransfer) -> TransferState:
    if t.withdrawn_on is not None:
        return TransferState.WITHDRAWN
    if t.decided_on is not None:
        return TransferState.DECIDED
    if t.escalated_on is not None:
        return TransferState.ESCALATED
    if t.answer is not None:
        return TransferState(t.answer.value)
    if t.sent_on is not None:
        return TransferState.SENT
    return TransferState.DRAFTED


def check_transition(t: WorkTransfer, to: TransferState) -> None:
    """Refuse a move :data:`TRANSITIONS` does not allow, saying where the transfer stands and what can happen."""
    now = t.state
    if to in TRANSITIONS[now]:
        return
    ref = t.reference or "The transfer"
    doing = _DOING.get(to, to.value)
    if now is to:
        raise ValidationError("state", f"{ref} is already {now.label.lower()}.")
    if now is TransferState.WITHDRAWN:
        raise ValidationError("state", f"{ref} was withdrawn on {day_text(t.withdrawn_on)}: it cannot be {doing}.")
    if now is TransferState.DECIDED:
        raise ValidationError("state", f"{ref} was decided by the Executive on {day_text(t.decided_on)}: it cannot "
                                       f"be {doing}.")
    if now is TransferState.ACCEPTED:
        why = " Only a declined transfer goes to the Executive (ToR 8)." if to is TransferState.ESCALATED else ""
        raise ValidationError("state", f"{ref} was accepted on {day_text(t.answered_on)}: it cannot be {doing}.{why}")
    hint = {
        TransferState.DRAFTED: "send it first",
        TransferState.SENT: "record the receiving chair's answer first",
        TransferState.DECLINED: "escalate it to the Executive (disagreement, ToR 8)",
        TransferState.ESCALATED: "record the Executive's decision",
    }[now]
    if to is TransferState.ESCALATED and now is TransferState.SENT:
        hint = "only a declined transfer is escalated: record the answer first"
    if to is TransferState.WITHDRAWN:
        hint = "only a drafted or sent transfer is withdrawn"
    raise ValidationError("state", f"{ref} is {now.label.lower()}: it cannot be {doing} now ({hint}).")


def allowed_moves(t: WorkTransfer) -> frozenset[TransferState]:
    return TRANSITIONS[t.state]


def check_priorities(given: Iterable[str], allowed: Sequence[str], kept: Iterable[str] = ()) -> tuple[str, ...]:
    """The priorities named, matched to the partnership's list (any case) and given its spelling; a name already
    on the record (``kept``) stays even when the list no longer has it. Unknown names are refused."""
    by_key = {p.casefold(): p for p in allowed}
    kept_by_key = {p.casefold(): p for p in kept}
    out: list[str] = []
    for p in given:
        text = one_line(p)
        if not text:
            continue
        key = text.casefold()
        name = by_key.get(key) or kept_by_key.get(key)
        if name is None:
            if not allowed:
                raise ValidationError(
                    "priorities", "The partnership's priorities are not listed yet, so a transfer cannot be linked to "
                                  "them: list them in Agenda & papers settings (or 'mqp settings set "
                                  "partnership_priorities \"Neglect; Early help\"').")
            raise ValidationError("priorities", f"'{text}' is not one of the partnership's priorities: choose from "
                                                f"{', '.join(allowed)}.")
        if name not in out:
            out.append(name)
    return tuple(out)


def costs_required(t: WorkTransfer, body: PartnershipBody | None) -> bool:
    """ToR 8: work sent to Training, Workforce & Development includes projected costs."""
    return t.direction is Direction.FROM_US and body is not None and body.training_workforce


def validate_transfer(t: WorkTransfer, body: PartnershipBody | None, allowed_priorities: Sequence[str],
                      kept_priorities: Iterable[str] = ()) -> WorkTransfer:
    """Tidy and check a transfer's own content (its steps are checked by :func:`send` … :func:`withdraw`).

    ``body``: the other subcommittee as stored (None: not found); ``allowed_priorities``: the
    ``partnership_priorities`` setting; ``kept_priorities``: those already on the record."""
    t.direction = parse_direction(t.direction)
    if t.body_id is None or body is None:
        raise ValidationError("body", "Choose the other subcommittee (add it under Partnership bodies first if it "
                                      "is not listed).")
    if body.executive:
        raise ValidationError("body", f"{body.name} is the Executive, not a subcommittee: work moves between "
                                      "subcommittees, and only a disagreement goes to the Executive (ToR 8).")
    t.work = tidy_text(t.work)
    if not t.work:
        raise ValidationError("work", "Say what the work is that is to move.")
    t.reason = tidy_text(t.reason)
    if not t.reason:
        raise ValidationError("reason", "Give the reason for the transfer: the receiving chair is told why (ToR 8).")
    t.outcomes = tidy_text(t.outcomes)
    if not t.outcomes:
        raise ValidationError("outcomes", "Give the intended outcomes of the work (ToR 8).")
    t.priorities = check_priorities(t.priorities, allowed_priorities, kept_priorities)
    if t.direction is Direction.FROM_US and not t.priorities:
        raise ValidationError("priorities", "Link the work to at least one of the partnership's priorities: the "
                                            "letter names the link (ToR 8).")
    t.projected_costs = tidy_text(t.projected_costs)
    if costs_required(t, body) and not t.projected_costs:
        raise ValidationError("projected_costs", f"Work sent to {body.name} includes projected costs for its "
                                                 "consideration (ToR 8): give them, e.g. '£3,200: two half-day "
                                                 "courses, trainer and venue'.")
    if t.written_on is None:
        raise ValidationError("written_on", "Give the date the letter is written.")
    t.answer_reason = tidy_text(t.answer_reason)
    t.escalation_note = tidy_text(t.escalation_note)
    t.decision = tidy_text(t.decision)
    t.withdrawn_reason = tidy_text(t.withdrawn_reason)
    if t.sent_on is not None and t.sent_on < t.written_on:
        raise ValidationError("written_on", f"The letter was sent on {day_text(t.sent_on)}: it cannot have been "
                                            f"written after that ({day_text(t.written_on)}).")
    return t


def answer_due(sent_on: dt.date, days: int) -> dt.date:
    return sent_on + dt.timedelta(days=days)


def send(t: WorkTransfer, on: dt.date, days: int, today: dt.date) -> WorkTransfer:
    """Drafted -> sent on ``on``; the answer due ``days`` later."""
    check_transition(t, TransferState.SENT)
    if t.written_on is not None and on < t.written_on:
        raise ValidationError("sent_on", f"The letter is dated {day_text(t.written_on)}: it cannot be sent before "
                                         f"that ({day_text(on)}).")
    _not_future(on, today, "sent_on", "the letter was sent")
    return dataclasses.replace(t, sent_on=on, answer_due=answer_due(on, days))


def record_answer(t: WorkTransfer, answer: Answer | str, reason: str, on: dt.date, today: dt.date,
                  document_id: int | None = None) -> WorkTransfer:
    """Sent -> accepted or declined: the receiving chair's written answer (ToR 8: if not, why not)."""
    answer = parse_answer(answer)
    check_transition(t, TransferState(answer.value))
    reason = tidy_text(reason)
    if answer is Answer.DECLINED and not reason:
        raise ValidationError("answer_reason", "Say why the work was declined: the receiving chair confirms in "
                                               "writing and, if not, why not (ToR 8).")
    if t.sent_on is not None and on < t.sent_on:
        raise ValidationError("answered_on", f"The letter was sent on {day_text(t.sent_on)}: the answer cannot "
                                             f"be dated before that ({day_text(on)}).")
    _not_future(on, today, "answered_on", "the answer was given")
    return dataclasses.replace(t, answer=answer, answer_reason=reason, answered_on=on,
                               answer_document_id=document_id)


def escalate(t: WorkTransfer, on: dt.date, note: str, today: dt.date) -> WorkTransfer:
    """Declined -> escalated to the Executive (ToR 8: disagreement around how work moves)."""
    check_transition(t, TransferState.ESCALATED)
    if t.answered_on is not None and on < t.answered_on:
        raise ValidationError("escalated_on", f"It was declined on {day_text(t.answered_on)}: it cannot have been "
                                              f"escalated before that ({day_text(on)}).")
    _not_future(on, today, "escalated_on", "it was put to the Executive")
    return dataclasses.replace(t, escalated_on=on, escalation_note=tidy_text(note))


def decide(t: WorkTransfer, decision: str, on: dt.date, today: dt.date) -> WorkTransfer:
    """Escalated -> decided: the Executive's decision and its date."""
    check_transition(t, TransferState.DECIDED)
    decision = tidy_text(decision)
    if not decision:
        raise ValidationError("decision", "Give the Executive's decision, e.g. 'The work stays with MQ&P, with "
                                          "training advice from TWD'.")
    if t.escalated_on is not None and on < t.escalated_on:
        raise ValidationError("decided_on", f"It went to the Executive on {day_text(t.escalated_on)}: the decision "
                                            f"cannot be dated before that ({day_text(on)}).")
    _not_future(on, today, "decided_on", "the Executive decided")
    return dataclasses.replace(t, decision=decision, decided_on=on)


def withdraw(t: WorkTransfer, on: dt.date, reason: str, today: dt.date, *, undoing: bool = False) -> WorkTransfer:
    """Drafted or sent -> withdrawn, with the reason; kept. (``undoing``: the undo of its adding, any date.)"""
    check_transition(t, TransferState.WITHDRAWN)
    reason = tidy_text(reason)
    if not reason:
        raise ValidationError("withdrawn_reason", "Say why the transfer is withdrawn: it stays in the log with the "
                                                  "reason.")
    if not undoing:
        first = t.sent_on or t.written_on
        if first is not None and on < first:
            raise ValidationError("withdrawn_on", f"It cannot be withdrawn on {day_text(on)}, before "
                                                  f"{day_text(first)}.")
        _not_future(on, today, "withdrawn_on", "it was withdrawn")
    return dataclasses.replace(t, withdrawn_on=on, withdrawn_reason=reason)


# --- words ----------------------------------------------------------------------------------------------

def state_text(t: WorkTransfer, today: dt.date) -> str:
    """The state in a few words, overdue said plainly: '⚠ answer overdue (12 days)'."""
    state = t.state
    if t.is_overdue(today):
        days = t.days_overdue(today)
        return f"⚠ answer overdue ({days} day{'s' if days != 1 else ''})"
    if state is TransferState.SENT and t.direction is Direction.TO_US:
        return "Received, our answer due"
    return state.label


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"


def next_step(t: WorkTransfer, today: dt.date, body: str = "other subcommittee",
              executive: str = "the Executive") -> str:
    """What happens next, in a sentence (the detail pane and ``mqp transfers show``); ``body``: the other
    subcommittee's name."""
    state = t.state
    body = _the(body)
    ours = t.direction is Direction.TO_US
    if state is TransferState.DRAFTED:
        return f"Drafted: write the letter to the chair of {body} (Write the letter…), sign it and send it."
    if state is TransferState.SENT:
        who = "our chair's answer" if ours else f"the written answer from the chair of {body}"
        if t.is_overdue(today):
            days = t.days_overdue(today)
            return (f"Overdue: {who} was due on {day_text(t.answer_due)}, {days} day{'s' if days != 1 else ''} ago"
                    + ("." if ours else ": chase it."))
        return f"Waiting for {who}, due on {day_text(t.answer_due)}."
    if state is TransferState.ACCEPTED:
        return f"Accepted on {day_text(t.answered_on)}: {'we take' if ours else body + ' takes'} the work on."
    if state is TransferState.DECLINED:
        return (f"Declined on {day_text(t.answered_on)}: {t.answer_reason} If the subcommittees disagree, escalate "
                f"it to {executive} (ToR 8).")
    if state is TransferState.ESCALATED:
        return f"With {executive} since {day_text(t.escalated_on)}: record its decision when it is made."
    if state is TransferState.DECIDED:
        return f"Decided by {executive} on {day_text(t.decided_on)}: {t.decision}"
    return f"Withdrawn on {day_text(t.withdrawn_on)}: {t.withdrawn_reason}"


# --- lists ------------------------------------------------------------------------------------------------

FILTER_OPEN = "open"
"""Not finished: drafted, sent, declined, escalated."""
FILTER_WAITING = "waiting"
FILTER_OVERDUE = "overdue"
FILTER_ESCALATED = "escalated"
FILTER_FINISHED = "finished"
FILTER_ALL = "all"
FILTERS = (FILTER_OPEN, FILTER_WAITING, FILTER_OVERDUE, FILTER_ESCALATED, FILTER_FINISHED, FILTER_ALL)


def matches_filter(t: WorkTransfer, which: str, today: dt.date) -> bool:
    state = t.state
    if which == FILTER_OPEN:
        return not state.finished
    if which == FILTER_WAITING:
        return state is TransferState.SENT
    if which == FILTER_OVERDUE:
        return t.is_overdue(today)
    if which == FILTER_ESCALATED:
        return state is TransferState.ESCALATED
    if which == FILTER_FINISHED:
        return state.finished
    if which == FILTER_ALL:
        return True
    raise ValidationError("filter", f"'{which}' is not a filter: use {', '.join(FILTERS)}.")


def filter_transfers(transfers: Iterable[WorkTransfer], which: str = FILTER_ALL, today: dt.date | None = None, *,
                     body_id: int | None = None, direction: Direction | None = None) -> list[WorkTransfer]:
    today = today or dt.date.today()
    return [t for t in transfers if matches_filter(t, which, today)
            and (body_id is None or t.body_id == body_id)
            and (direction is None or t.direction is direction)]

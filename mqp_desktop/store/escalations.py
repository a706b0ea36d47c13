"""Escalations and disputes in the database (ToR 7.1, 9, 10): ``store.escalations``.

::

    esc = store.escalations
    e = esc.add(Escalation(kind=EscalationKind.DISPUTE, summary="...", raised_by_agency_id=police.id,
                           meeting_id=7, item_id=31, raised_on=date(2026, 3, 10)))    # ES-2026-001
    esc.mediate(e.id, date(2026, 3, 20), "The chair met both leads ...", "Partly agreed")
    esc.escalate(e.id, date(2026, 4, 1), "For the Executive of 14 April")
    esc.decide(e.id, "The ICB funds the post until March", date(2026, 4, 14))      # by the Executive

Each step is checked by :mod:`mqp_desktop.domain.escalations` and recorded in the change history
(entity ``escalation``: "added", "mediation", "escalated", "decided", "withdrawn", "edited").
Nothing is deleted: one raised in error is withdrawn with the reason. Edits carry the
``row_version`` they read (EditConflict when saved since by someone else).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from mqp_desktop.domain import escalations as es
from mqp_desktop.domain.escalations import (
    ESCALATION_PREFIX,
    DecidedBy,
    Escalation,
    EscalationKind,
    filter_escalations,
    validate_escalation,
)
from mqp_desktop.domain.partnership import (
    day_text,
    format_reference,
    next_reference,
    one_line,
    parse_reference,
    reference_sort_key,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.references import find_by_reference
from mqp_desktop.store.store import Store, changes

CONTENT_FIELDS = ("kind", "summary", "raised_on", "raised_by_member_id", "raised_by_agency_id", "meeting_id",
                  "item_id")
MEDIATION_FIELDS = ("mediation_on", "mediation_notes", "mediation_outcome")
EXECUTIVE_FIELDS = ("executive_on", "executive_note")
DECISION_FIELDS = ("decision", "decided_on", "decided_by")
WITHDRAW_FIELDS = ("withdrawn_on", "withdrawn_reason")
ALL_STEP_FIELDS = MEDIATION_FIELDS + EXECUTIVE_FIELDS + DECISION_FIELDS + WITHDRAW_FIELDS
"""Every step's fields: an undo of a step puts them all back, refused when a later step was taken since."""
ESCALATION_FIELDS = CONTENT_FIELDS + MEDIATION_FIELDS + EXECUTIVE_FIELDS + DECISION_FIELDS + WITHDRAW_FIELDS
ESCALATION_LABELS = {
    "kind": "kind", "summary": "summary", "raised_on": "raised on", "raised_by_member_id": "raised by (member)",
    "raised_by_agency_id": "raised by (agency)", "meeting_id": "arose at", "item_id": "agenda item",
    "mediation_on": "mediation on", "mediation_notes": "the chair's mediation notes",
    "mediation_outcome": "outcome of mediation", "executive_on": "to the Executive on",
    "executive_note": "note to the Executive", "decision": "decision", "decided_on": "decided on",
    "decided_by": "decided by", "withdrawn_on": "withdrawn on", "withdrawn_reason": "reason withdrawn",
}


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def escalation_values(e: Escalation) -> dict[str, Any]:
    return {
        "kind": EscalationKind(e.kind).value, "summary": e.summary, "raised_on": _iso(e.raised_on),
        "raised_by_member_id": e.raised_by_member_id, "raised_by_agency_id": e.raised_by_agency_id,
        "meeting_id": e.meeting_id, "item_id": e.item_id, "mediation_on": _iso(e.mediation_on),
        "mediation_notes": e.mediation_notes or "", "mediation_outcome": e.mediation_outcome or "",
        "executive_on": _iso(e.executive_on), "executive_note": e.executive_note or "", "decision": e.decision or "",
        "decided_on": _iso(e.decided_on),
        "decided_by": DecidedBy(e.decided_by).value if e.decided_by is not None else None,
        "withdrawn_on": _iso(e.withdrawn_on), "withdrawn_reason": e.withdrawn_reason or "",
    }


def _escalation(row: Mapping[str, Any]) -> Escalation:
    return Escalation(
        id=row["id"], reference=row["reference"], kind=EscalationKind(row["kind"]), summary=row["summary"],
        raised_on=_d(row["raised_on"]), raised_by_member_id=row["raised_by_member_id"],
        raised_by_agency_id=row["raised_by_agency_id"], meeting_id=row["meeting_id"], item_id=row["item_id"],
        mediation_on=_d(row["mediation_on"]), mediation_notes=row["mediation_notes"],
        mediation_outcome=row["mediation_outcome"], executive_on=_d(row["executive_on"]),
        executive_note=row["executive_note"], decision=row["decision"], decided_on=_d(row["decided_on"]),
        decided_by=DecidedBy(row["decided_by"]) if row["decided_by"] else None, withdrawn_on=_d(row["withdrawn_on"]),
        withdrawn_reason=row["withdrawn_reason"], row_version=row["row_version"],
    )


class EscalationRepo:
    """Escalations and disputes of one open :class:`Store`."""

    def __init__(self, store: Store):
        self.store = store

    @property
    def db(self):
        return self.store.db

    # --- reading ---------------------------------------------------------------------------------
    def all(self) -> list[Escalation]:
        out = [_escalation(r) for r in self.db.query("SELECT * FROM escalation")]
        out.sort(key=lambda e: reference_sort_key(e.reference))
        return out

    def list(self, which: str = "all", *, kind: EscalationKind | None = None,
             meeting_id: int | None = None) -> list[Escalation]:
        return filter_escalations(self.all(), which, kind=kind, meeting_id=meeting_id)

    def get(self, escalation_id: int) -> Escalation:
        rows = list(self.db.query("SELECT * FROM escalation WHERE id = ?", [escalation_id]))
        if not rows:
            raise RecordNotFound(f"There is no escalation or dispute with id {escalation_id}.",
                                 "List them with 'mqp escalations list --all'.")
        return _escalation(rows[0])

    def find(self, text: str) -> Escalation:
        """By reference ('ES-2026-002', 'es-2026-2') or id."""
        return find_by_reference(
            self.db, "escalation", text, get=self.get, what="escalation",
            parse=lambda t: parse_reference(ESCALATION_PREFIX, t, "an escalation's"),
            format_=lambda y, n: format_reference(ESCALATION_PREFIX, y, n), list_command="mqp escalations list --all")

    def raised_by_text(self, e: Escalation) -> str:
        """'Dr Helen Carter (SWL ICB)', or the agency's name."""
        agency = ""
        if e.raised_by_agency_id is not None:
            try:
                agency = self.store.agency(e.raised_by_agency_id).label
            except RecordNotFound:
                agency = f"agency {e.raised_by_agency_id}"
        if e.raised_by_member_id is not None:
            try:
                who = self.store.member(e.raised_by_member_id).display_name
            except RecordNotFound:
                who = f"member {e.raised_by_member_id}"
            return f"{who} ({agency})" if agency else who
        return agency

    def arose_at_text(self, e: Escalation) -> str:
        """'the meeting of 10 Mar 2026 (item 5, Multi-agency dataset)', or ''."""
        if e.meeting_id is None:
            return ""
        meeting = self.store.meetings.get(e.meeting_id)
        text = f"the meeting of {day_text(meeting.date)}"
        if e.item_id is not None:
            try:
                item = self.store.agendas.item(e.item_id)
                number = self.store.agendas.numbers(e.meeting_id).get(item.id, "")
                text += f" (item {number}, {item.title})" if number else f" ({item.title})"
            except RecordNotFound:
                pass
        return text

    def _words(self, name: str, value: Any) -> str:
        if name == "meeting_id" and isinstance(value, int):
            try:
                return self.store.meetings.get(value).title
            except RecordNotFound:
                return f"meeting {value}"
        if name == "item_id" and isinstance(value, int):
            row = self.db.execute("SELECT title FROM agenda_item WHERE id = ?", [value]).fetchone()
            return row[0] if row else f"item {value}"
        return self.store._words(name, value)

    # --- writing ---------------------------------------------------------------------------------
    def _check(self, e: Escalation) -> Escalation:
        e = validate_escalation(e)
        if e.raised_by_member_id is not None:
            row = self.db.execute("SELECT agency_id FROM member WHERE id = ?", [e.raised_by_member_id]).fetchone()
            if row is None:
                raise ValidationError("raised_by", f"There is no member with id {e.raised_by_member_id}: choose one "
                                                   "from the list.")
            if e.raised_by_agency_id is None:
                e.raised_by_agency_id = row[0]
            elif e.raised_by_agency_id != row[0]:
                member = self.store.member(e.raised_by_member_id)
                raise ValidationError("raised_by", f"{member.display_name} represents "
                                                   f"{self.store.agency(row[0]).label}, not "
                                                   f"{self.store.agency(e.raised_by_agency_id).label}: choose the "
                                                   "member's agency, or only the agency.")
        if e.raised_by_agency_id is not None and self.db.execute(
                "SELECT 1 FROM agency WHERE id = ?", [e.raised_by_agency_id]).fetchone() is None:
            raise ValidationError("raised_by", f"There is no agency with id {e.raised_by_agency_id}: choose one from "
                                               "the list.")
        if e.meeting_id is not None:
            meeting = self.store.meetings.get(e.meeting_id)
            if e.raised_on is not None and e.raised_on < meeting.date:
                raise ValidationError("raised_on", f"It arose at the meeting of {day_text(meeting.date)}: it cannot "
                                                   f"have been raised before that ({day_text(e.raised_on)}).")
        if e.item_id is not None:
            row = self.db.execute("SELECT meeting_id FROM agenda_item WHERE id = ?", [e.item_id]).fetchone()
            if row is None or row[0] != e.meeting_id:
                raise ValidationError("item", "That agenda item is not on the meeting where it arose: choose one of "
                                              "that meeting's items.")
        return e

    def add(self, escalation: Escalation) -> Escalation:
        """A new escalation or dispute; given the next reference of the year it was raised (ES-2026-002).
        Raised on: the meeting's date when it arose at one, else today, unless given."""
        e = dataclasses.replace(escalation, id=None, reference="", mediation_on=None, mediation_notes="",
                                mediation_outcome="", executive_on=None, executive_note="", decision="",
                                decided_on=None, decided_by=None, withdrawn_on=None, withdrawn_reason="")
        if e.raised_on is None:
            e.raised_on = self.store.meetings.get(e.meeting_id).date if e.meeting_id is not None else dt.date.today()
        with self.store.write():
            e = self._check(e)
            values = escalation_values(e)
            existing = [r[0] for r in self.db.execute("SELECT reference FROM escalation")]
            e.reference = next_reference(ESCALATION_PREFIX, e.raised_on, existing)
            e.id = self.store.insert("escalation", {"reference": e.reference, **values, "created_at": _now()})
            self.store.record("escalation", e.id, "added",
                              f"{e.kind.label} {e.reference} raised by {self.raised_by_text(e)}: {e.title}",
                              {"reference": [None, e.reference],
                               **{k: [None, v] for k, v in values.items() if v not in (None, "")}})
        e.row_version = 1
        return e

    def _conflict(self, old: Escalation, read: int, yours: Escalation):
        return self.store.edit_conflict(
            f"{old.kind.label.lower()} {old.reference}", entity="escalation", entity_id=old.id, read_version=read,
            stored_version=old.row_version, yours=escalation_values(yours), stored=escalation_values(old),
            labels=ESCALATION_LABELS, yours_record=yours, stored_record=old, words=self._words,
        )

    def _save(self, e: Escalation, old: Escalation, read: int, *, action: str, summary: str) -> Escalation:
        if read != old.row_version:
            raise self._conflict(old, read, e)
        diff = changes(escalation_values(old), escalation_values(e))
        if not diff:
            return dataclasses.replace(e, row_version=old.row_version)
        version = self.store.update("escalation", e.id, diff, version=read)
        self.store.record("escalation", e.id, action, summary, diff)
        return dataclasses.replace(e, row_version=version)

    def update(self, escalation: Escalation) -> Escalation:
        """Save what was raised (kind, summary, by whom, when, where); its steps are not changed here.
        ``row_version`` as read. A decided or withdrawn one is not edited."""
        if escalation.id is None:
            raise ValueError("update needs a saved escalation")
        read = self.store.require_version(escalation, "update escalation")
        with self.store.write():
            old = self.get(escalation.id)
            if read != old.row_version:
                raise self._conflict(old, read, escalation)
            if old.status.finished:
                raise ValidationError("status", f"{old.reference} is {old.status.label.lower()}: it stays as it "
                                                "was.")
            mine = {f: getattr(escalation, f) for f in CONTENT_FIELDS}
            e = self._check(dataclasses.replace(old, **mine))
            if e.mediation_on is not None and not e.kind.is_dispute:
                raise ValidationError("kind", f"{old.reference} was mediated as a dispute: it stays a dispute.")
            firsts = [d for d in (e.mediation_on, e.executive_on) if d is not None]
            if firsts and e.raised_on > min(firsts):
                raise ValidationError("raised_on", f"It was taken further on {day_text(min(firsts))}: it cannot have "
                                                   "been raised after that.")
            return self._save(e, old, read, action="edited", summary=f"{e.kind.label} {e.reference} edited")

    def _step(self, escalation_id: int, seen: Escalation | None, make, action: str, summary) -> Escalation:
        with self.store.write():
            old = self.get(escalation_id)
            read = seen.row_version if seen is not None and seen.row_version is not None else old.row_version
            if read != old.row_version:
                raise self._conflict(old, read, seen)
            e = make(old)
            return self._save(e, old, read, action=action, summary=summary(e))

    def mediate(self, escalation_id: int, on: dt.date | None = None, notes: str = "", outcome: str = "", *,
                today: dt.date | None = None, seen: Escalation | None = None) -> Escalation:
        """The chair's mediation of a dispute (ToR 9): date, notes, outcome (again to bring it up to date)."""
        today = today or dt.date.today()
        return self._step(escalation_id, seen, lambda e: es.mediate(e, on or today, notes, outcome, today),
                          "mediation", lambda e: f"Dispute {e.reference}: the chair's mediation of "
                                                 f"{day_text(e.mediation_on)} recorded")

    def escalate(self, escalation_id: int, on: dt.date | None = None, note: str = "", *,
                 today: dt.date | None = None, seen: Escalation | None = None) -> Escalation:
        today = today or dt.date.today()
        executive = self.store.partnership.executive_name(today)
        return self._step(escalation_id, seen, lambda e: es.escalate(e, on or today, note, today), "escalated",
                          lambda e: f"{e.kind.label} {e.reference} escalated to {executive}")

    def decide(self, escalation_id: int, decision: str, on: dt.date | None = None, *,
               by: DecidedBy | str | None = None, today: dt.date | None = None,
               seen: Escalation | None = None) -> Escalation:
        today = today or dt.date.today()
        return self._step(escalation_id, seen, lambda e: es.decide(e, decision, on or today, by, today), "decided",
                          lambda e: f"{e.kind.label} {e.reference} decided by {e.decided_by.label}: "
                                    f"{one_line(e.decision)}")

    def withdraw(self, escalation_id: int, on: dt.date | None = None, reason: str = "", *,
                 today: dt.date | None = None, seen: Escalation | None = None, undoing: bool = False) -> Escalation:
        today = today or dt.date.today()
        return self._step(escalation_id, seen,
                          lambda e: es.withdraw(e, on or today, reason, today, undoing=undoing), "withdrawn",
                          lambda e: f"{e.kind.label} {e.reference} withdrawn: {one_line(e.withdrawn_reason)}")

    def restore(self, escalation_id: int, source: Escalation, expect: Escalation, fields: Iterable[str], *,
                action: str = "reverted") -> Escalation:
        """An undo or redo: some fields put back to ``source``'s values, refused when one was changed since."""
        def save(e: Escalation) -> Escalation:
            with self.store.write():
                old = self.get(escalation_id)
                return self._save(e, old, old.row_version, action=action,
                                  summary=f"{e.kind.label} {e.reference} {action}")

        return self.store.restore_fields(
            lambda e: f"{e.kind.label.lower()} {e.reference}", entity="escalation",
            read=lambda: self.get(escalation_id), save=save, source=source, expect=expect, fields=list(fields),
            labels=ESCALATION_LABELS,
        )


__all__ = ["ALL_STEP_FIELDS", "CONTENT_FIELDS", "DECISION_FIELDS", "ESCALATION_FIELDS", "EXECUTIVE_FIELDS", "MEDIATION_FIELDS",
           "WITHDRAW_FIELDS", "EscalationRepo", "escalation_values"]

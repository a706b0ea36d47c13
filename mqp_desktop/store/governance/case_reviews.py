"""Case reviews in the database (ToR 7.7): ``store.governance.case_reviews``.

::

    cr = store.governance.case_reviews
    r = cr.add(CaseReview(reference="LCSPR-2025-02", kind=ReviewKind.LCSPR, agency_ids=(1, 2),
                          referred_on=date(2025, 3, 4)))
    cr.add_dissemination(r.id, Dissemination(None, date(2026, 1, 20), "Designated safeguarding leads",
                                             reached=45))
    cr.add_action(r.id, Action(meeting_id=7, description="Refresh the escalation policy"))

A case review is kept by its **case reference only**: the reference is checked by
:func:`~mqp_desktop.domain.case_reference.check_case_reference` on every add and edit, so a name is
refused here whatever the caller (window, command line, import) — with the reason. Every change is
one transaction in the change history (entities ``case_review`` and ``case_review_dissemination``;
an action is recorded as an ``action``, like any other, and on its ``case_review``). Nothing is
deleted: a review is closed or withdrawn, a dissemination recorded in error marked removed.

**Actions** go into the action log: from a meeting (by default the one that reviewed the case),
numbered like any other (2026-03/4), carried forward and closed at later meetings; ``case_review_action``
points the action at its review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from mqp_desktop.domain.actions import Action, number_sort_key
from mqp_desktop.domain.governance.case_reviews import (
    FILTER_ALL,
    CaseReview,
    Dissemination,
    DisseminationKind,
    ReviewKind,
    filter_reviews,
    validate_dissemination,
    validate_review,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.governance.common import RecordRepo, d, ids_from_json, ids_json, iso

REVIEW_LABELS = {
    "reference": "case reference", "kind": "kind", "kind_other": "kind (in words)", "agency_ids": "agencies involved",
    "concerns": "concerns", "learning": "learning", "notes": "notes", "referred_on": "referred on",
    "rapid_review_on": "rapid review", "published_on": "published", "meeting_id": "reviewed at",
    "closed_on": "closed on", "closed_note": "closing note", "withdrawn_on": "withdrawn on",
    "withdrawn_reason": "reason withdrawn",
}
REVIEW_FIELDS = tuple(REVIEW_LABELS)
DISSEMINATION_LABELS = {"kind": "kind", "held_on": "date", "audience": "audience", "reached": "reached",
                        "notes": "notes", "removed": "removed"}
DISSEMINATION_FIELDS = tuple(DISSEMINATION_LABELS)


def review_values(r: CaseReview) -> dict[str, Any]:
    return {
        "reference": r.reference, "kind": ReviewKind(r.kind).value, "kind_other": r.kind_other or "",
        "agency_ids": ids_json(r.agency_ids), "concerns": r.concerns or "", "learning": r.learning or "",
        "notes": r.notes or "", "referred_on": iso(r.referred_on), "rapid_review_on": iso(r.rapid_review_on),
        "published_on": iso(r.published_on), "meeting_id": r.meeting_id, "closed_on": iso(r.closed_on),
        "closed_note": r.closed_note or "", "withdrawn_on": iso(r.withdrawn_on),
        "withdrawn_reason": r.withdrawn_reason or "",
    }


def dissemination_values(x: Dissemination) -> dict[str, Any]:
    return {"kind": DisseminationKind(x.kind).value, "held_on": iso(x.held_on), "audience": x.audience,
            "reached": x.reached, "notes": x.notes or "", "removed": int(x.removed)}


class DisseminationRepo(RecordRepo[Dissemination]):
    table = "case_review_dissemination"
    entity = "case_review_dissemination"
    kind = "dissemination"
    labels = DISSEMINATION_LABELS
    list_hint = "See 'mqp reviews show REFERENCE'."

    def values(self, record: Dissemination) -> dict[str, Any]:
        return dissemination_values(record)

    def from_row(self, row: Mapping[str, Any]) -> Dissemination:
        return Dissemination(
            id=row["id"], case_review_id=row["case_review_id"], kind=DisseminationKind(row["kind"]),
            held_on=d(row["held_on"]), audience=row["audience"], reached=row["reached"], notes=row["notes"],
            removed=bool(row["removed"]), row_version=row["row_version"])

    def name(self, record: Dissemination) -> str:
        return f"the {record.kind.value} of {record.held_on:%d/%m/%Y} ({record.audience})"


class CaseReviewRepo(RecordRepo[CaseReview]):
    """The case reviews of one open store."""

    table = "case_review"
    entity = "case_review"
    kind = "case review"
    labels = REVIEW_LABELS
    list_hint = "List them with 'mqp reviews list --all'."

    def __init__(self, store):
        super().__init__(store)
        self.disseminations = DisseminationRepo(store)

    def values(self, record: CaseReview) -> dict[str, Any]:
        return review_values(record)

    def from_row(self, row: Mapping[str, Any], disseminations: tuple[Dissemination, ...] = ()) -> CaseReview:
        return CaseReview(
            id=row["id"], reference=row["reference"], kind=ReviewKind(row["kind"]), kind_other=row["kind_other"],
            agency_ids=ids_from_json(row["agency_ids"]), concerns=row["concerns"], learning=row["learning"],
            notes=row["notes"], referred_on=d(row["referred_on"]), rapid_review_on=d(row["rapid_review_on"]),
            published_on=d(row["published_on"]), meeting_id=row["meeting_id"], closed_on=d(row["closed_on"]),
            closed_note=row["closed_note"], withdrawn_on=d(row["withdrawn_on"]),
            withdrawn_reason=row["withdrawn_reason"], disseminations=disseminations, row_version=row["row_version"])

    def name(self, record: CaseReview) -> str:
        return f"case review {record.reference}"

    # --- reading ----------------------------------------------------------------------------------
    def _disseminations(self, review_id: int | None = None) -> dict[int, list[Dissemination]]:
        where, args = ("case_review_id = ?", [review_id]) if review_id is not None else ("", [])
        out: dict[int, list[Dissemination]] = {}
        for x in self.disseminations.rows(where, args, order="held_on, id"):
            out.setdefault(x.case_review_id, []).append(x)
        return out

    def get(self, record_id: int) -> CaseReview:
        rows = list(self.db.query("SELECT * FROM case_review WHERE id = ?", [record_id]))
        if not rows:
            raise RecordNotFound(f"There is no case review with id {record_id}.", self.list_hint)
        return self.from_row(rows[0], tuple(self._disseminations(record_id).get(record_id, ())))

    def all(self) -> list[CaseReview]:
        """Every case review, withdrawn ones too, latest referral first."""
        found = self._disseminations()
        rows = self.db.query("SELECT * FROM case_review ORDER BY referred_on DESC, id DESC")
        return [self.from_row(r, tuple(found.get(r["id"], ()))) for r in rows]

    def list(self, which: str = FILTER_ALL, today: dt.date | None = None, *, kind: ReviewKind | None = None,
             agency_id: int | None = None) -> list[CaseReview]:
        return filter_reviews(self.all(), which, today or dt.date.today(), kind=kind, agency_id=agency_id)

    def find(self, text: str) -> CaseReview:
        """A review by its case reference (any case; the one not withdrawn first) or id."""
        key = " ".join((text or "").split())
        rows = list(self.db.query(
            "SELECT id FROM case_review WHERE reference = ? COLLATE NOCASE ORDER BY withdrawn_on IS NOT NULL, id DESC",
            [key]))
        if rows:
            return self.get(rows[0]["id"])
        if key.isdigit():
            return self.get(int(key))
        raise RecordNotFound(f"There is no case review with the reference '{key}'.", self.list_hint)

    # --- writing ------------------------------------------------------------------------------------
    def _check(self, r: CaseReview, today: dt.date) -> CaseReview:
        r = validate_review(dataclasses.replace(r, disseminations=()), today)
        self.check_agencies(r.agency_ids)
        self.check_meeting(r.meeting_id)
        twin = self.db.execute(
            "SELECT id FROM case_review WHERE reference = ? COLLATE NOCASE AND withdrawn_on IS NULL AND id IS NOT ?",
            [r.reference, r.id]).fetchone()
        if twin is not None and r.withdrawn_on is None:
            raise ValidationError("reference", f"The case {r.reference} already has a case review recorded (id "
                                               f"{twin[0]}): open that one, or withdraw it first.")
        return r

    def add(self, review: CaseReview, *, today: dt.date | None = None) -> CaseReview:
        """Record a case review (checked: a reference that looks like a name is refused, with the reason)."""
        today = today or dt.date.today()
        with self.store.write():
            r = self._check(dataclasses.replace(review, id=None, closed_on=None, closed_note="", withdrawn_on=None,
                                                withdrawn_reason=""), today)
            return self.insert(r, f"Case review {r.reference} recorded ({r.kind_text})")

    def update(self, review: CaseReview, *, action: str = "edited", summary: str = "",
               today: dt.date | None = None) -> CaseReview:
        """Save a review's fields as edited, against the version it was read at."""
        today = today or dt.date.today()
        saved = self.save(review, action=action, summary=summary,
                          check=lambda r, old: self._check(r, today))
        return dataclasses.replace(saved, disseminations=self.get(saved.id).disseminations)

    def close(self, review_id: int, on: dt.date, note: str = "", *, seen: CaseReview | None = None,
              today: dt.date | None = None) -> CaseReview:
        with self.store.write():
            r = self.current(review_id, seen)
            if r.withdrawn_on is not None or r.closed_on is not None:
                raise ValidationError("status", f"{r.reference} is already {r.status(on).value}.")
            r.closed_on, r.closed_note = on, note
            return self.update(r, action="closed", summary=f"Case review {r.reference} closed", today=today)

    def withdraw(self, review_id: int, on: dt.date, reason: str, *, seen: CaseReview | None = None,
                 today: dt.date | None = None) -> CaseReview:
        with self.store.write():
            r = self.current(review_id, seen)
            if r.withdrawn_on is not None:
                raise ValidationError("status", f"{r.reference} was already withdrawn.")
            r.withdrawn_on, r.withdrawn_reason, r.closed_on, r.closed_note = on, reason, None, ""
            return self.update(r, action="withdrawn", summary=f"Case review {r.reference} withdrawn: "
                                                              f"{' '.join((reason or '').split())}", today=today)

    # --- dissemination --------------------------------------------------------------------------------
    def add_dissemination(self, review_id: int, x: Dissemination, *, today: dt.date | None = None) -> Dissemination:
        today = today or dt.date.today()
        with self.store.write():
            r = self.get(review_id)
            if r.withdrawn_on is not None:
                raise ValidationError("case_review", f"{r.reference} was withdrawn: its learning is not recorded.")
            x = validate_dissemination(dataclasses.replace(x, id=None, case_review_id=review_id, removed=False), r,
                                       today)
            added = self.disseminations.insert(x, f"Case review {r.reference}: {x.kind.value} on "
                                                  f"{x.held_on:%d/%m/%Y} for {x.audience}",
                                               extra={"case_review_id": review_id})
        return added

    def update_dissemination(self, x: Dissemination, *, action: str = "edited",
                             today: dt.date | None = None) -> Dissemination:
        today = today or dt.date.today()

        def check(new: Dissemination, old: Dissemination) -> Dissemination:
            review = self.get(old.case_review_id)
            new = dataclasses.replace(new, case_review_id=old.case_review_id)
            return new if new.removed and action == "removed" else validate_dissemination(new, review, today)

        return self.disseminations.save(x, action=action, check=check)

    def remove_dissemination(self, x: Dissemination) -> Dissemination:
        """Mark a dissemination recorded in error as removed (kept, no longer counted)."""
        return self.update_dissemination(dataclasses.replace(x, removed=True), action="removed")

    # --- actions (in the action log) ------------------------------------------------------------------
    def actions(self, review_id: int) -> list[Action]:
        ids = [r[0] for r in self.db.execute("SELECT action_id FROM case_review_action WHERE case_review_id = ?",
                                             [review_id])]
        found = [self.store.minutes.action(i) for i in ids]
        return sorted(found, key=lambda a: number_sort_key(a.number))

    def action_counts(self) -> dict[int, tuple[int, int]]:
        """review id -> (actions, of which still open or in progress)."""
        return {r[0]: (r[1], r[2] or 0) for r in self.db.execute(
            "SELECT ca.case_review_id, count(*), sum(a.status IN ('open', 'in progress')) FROM case_review_action ca"
            " JOIN action a ON a.id = ca.action_id GROUP BY ca.case_review_id")}

    def reference_of_action(self, action_id: int) -> str | None:
        row = self.db.execute("SELECT r.reference FROM case_review_action ca JOIN case_review r"
                              " ON r.id = ca.case_review_id WHERE ca.action_id = ?", [action_id]).fetchone()
        return row[0] if row else None

    def add_action(self, review_id: int, action: Action) -> Action:
        """An action arising from the review, into the action log: from ``action.meeting_id``, or when that is None
        the meeting that reviewed the case; numbered like any other. Refused when that meeting's minutes are
        signed (as any new action is)."""
        with self.store.write():
            r = self.get(review_id)
            if r.withdrawn_on is not None:
                raise ValidationError("case_review", f"{r.reference} was withdrawn: no actions come from it.")
            meeting_id = action.meeting_id or r.meeting_id
            if meeting_id is None:
                raise ValidationError("meeting", f"{r.reference} has not been reviewed at a meeting yet, and an action "
                                                 "comes from a meeting: choose the meeting that agreed it.")
            self.check_meeting(meeting_id)
            added = self.store.minutes.add_action(dataclasses.replace(action, meeting_id=meeting_id))
            self.store.insert("case_review_action", {"case_review_id": review_id, "action_id": added.id})
            self.store.record("case_review", review_id, "action added",
                              f"Case review {r.reference}: action {added.number} added to the action log",
                              {"action_id": [None, added.id]})
        return added


__all__ = ["DISSEMINATION_FIELDS", "REVIEW_FIELDS", "REVIEW_LABELS", "CaseReviewRepo", "dissemination_values",
           "review_values"]

"""Multi-agency audits (ToR 8) and single-agency inspections (ToR 6.6) in the database.

Use through ``store.quality`` (a :class:`QualityRepo`)::

    q = store.quality
    audit = q.add_audit(Audit("Neglect: the front door", theme="Neglect", agency_ids=(1, 2, 3)))
    case = q.add_case(AuditCase(audit.id, "MAA-17-C4", agency_id=2))
    q.grade_case(case.id, q.find_grade("good").id, version=case.row_version)
    q.grade_summary(audit.id)                     # GradeSummary: how many at each grade
    q.add_action(audit.id, Action(meeting_id=None, description="...", owner_name="..."))  # into the action log
    inspection = q.add_inspection(Inspection(agency_id=4, inspectorate=Inspectorate.OFSTED, ...))
    q.add_plan_item(PlanItem(inspection.id, "Audit supervision quarterly", owner="...", due=...))
    q.add_review(inspection.id, meeting_id=12, note="Action plan on track")

Every write is one transaction recorded in the change history (entities ``audit_grade``, ``audit``,
``audit_case``, ``inspection``, ``inspection_plan_item``, ``inspection_review``; an audit action is
recorded as an ``action``, like any other, and on its ``audit``). Nothing is deleted: an audit is
cancelled and a case or an inspection withdrawn, each with a date and a reason; a grade in use is
renamed, never taken off the scale. An edit carries the ``row_version`` it was read at: a record
saved since by someone else (another copy of the program, the command line) is refused with
:class:`~mqp_desktop.store.errors.EditConflict`, never overwritten.

**Audit actions** go into the action log: an action from a meeting (by default the one the audit
was reported to), numbered like any other, with ``audit_action`` pointing it at its audit. So it is
carried forward, updated and closed at later meetings as every action is, and shows in that
meeting's minutes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.domain.quality import (
    Audit,
    AuditCase,
    AuditKind,
    FollowUp,
    Grade,
    GradeSummary,
    Inspection,
    InspectionReview,
    InspectionState,
    Inspectorate,
    PlanCounts,
    PlanItem,
    PlanStatus,
    clean_grade_label,
    grade_summary,
    inspection_state,
    plan_counts,
    validate_audit,
    validate_case,
    validate_inspection,
    validate_plan_item,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import EditConflict, RecordNotFound

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

AUDIT_LABELS = {
    "kind": "kind of audit", "lead_member_id": "lead (member)", "lead_agency_id": "lead (agency)",
    "agency_ids": "agencies taking part", "planned": "planned for", "reported_meeting_id": "reported to",
    "reported_on": "reported on", "cancelled_on": "cancelled on", "cancel_reason": "reason for cancelling",
}
CASE_LABELS = {"reference": "case reference", "agency_id": "agency", "grade_id": "grade",
               "withdrawn_on": "withdrawn on", "withdrawn_reason": "reason for withdrawing"}
INSPECTION_LABELS = {
    "inspectorate_name": "inspectorate (name)", "inspection_type": "type", "inspected_from": "inspected from",
    "inspected_to": "inspected to", "key_findings": "key findings", "follow_up": "follow-up",
    "next_review": "next review", "withdrawn_on": "withdrawn on", "withdrawn_reason": "reason for withdrawing",
}
PLAN_LABELS = {"action": "action", "closed_on": "done or dropped on"}

ADDED_IN_ERROR = "added in error, undone"
"""The reason recorded when the adding of a case, audit or inspection is undone (nothing is deleted)."""


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    return {k: [before[k], after[k]] for k in after if before[k] != after[k]}


# --- rows to records ---------------------------------------------------------------------------

def _grade(row: Mapping[str, Any]) -> Grade:
    return Grade(id=row["id"], label=row["label"], position=row["position"], removed=bool(row["removed"]),
                 row_version=row["row_version"])


def _case(row: Mapping[str, Any]) -> AuditCase:
    return AuditCase(
        id=row["id"], audit_id=row["audit_id"], reference=row["reference"], agency_id=row["agency_id"],
        grade_id=row["grade_id"], notes=row["notes"], withdrawn_on=_d(row["withdrawn_on"]),
        withdrawn_reason=row["withdrawn_reason"], row_version=row["row_version"],
    )


def _case_values(c: AuditCase) -> dict[str, Any]:
    return {"reference": c.reference, "agency_id": c.agency_id, "grade_id": c.grade_id, "notes": c.notes,
            "withdrawn_on": _iso(c.withdrawn_on), "withdrawn_reason": c.withdrawn_reason}


def _audit_values(a: Audit) -> dict[str, Any]:
    """The audit's stored values (``agency_ids`` is kept in ``audit_agency``, compared here all the same)."""
    return {
        "title": a.title, "kind": AuditKind(a.kind).value, "theme": a.theme,
        "lead_member_id": a.lead_member_id, "lead_agency_id": a.lead_agency_id,
        "agency_ids": sorted(a.agency_ids),
        "planned": _iso(a.planned), "started": _iso(a.started), "completed": _iso(a.completed),
        "findings": a.findings, "learning": a.learning, "notes": a.notes,
        "reported_meeting_id": a.reported_meeting_id, "reported_on": _iso(a.reported_on),
        "cancelled_on": _iso(a.cancelled_on), "cancel_reason": a.cancel_reason,
    }


def _inspection(row: Mapping[str, Any]) -> Inspection:
    return Inspection(
        id=row["id"], agency_id=row["agency_id"], inspectorate=Inspectorate(row["inspectorate"]),
        inspectorate_name=row["inspectorate_name"], inspection_type=row["inspection_type"],
        inspected_from=_d(row["inspected_from"]), inspected_to=_d(row["inspected_to"]),
        published=_d(row["published"]), judgement=row["judgement"], key_findings=row["key_findings"],
        lessons=row["lessons"], notes=row["notes"], follow_up=FollowUp(row["follow_up"]),
        next_review=_d(row["next_review"]), withdrawn_on=_d(row["withdrawn_on"]),
        withdrawn_reason=row["withdrawn_reason"], row_version=row["row_version"],
    )


def _inspection_values(i: Inspection) -> dict[str, Any]:
    return {
        "agency_id": i.agency_id, "inspectorate": Inspectorate(i.inspectorate).value,
        "inspectorate_name": i.inspectorate_name, "inspection_type": i.inspection_type,
        "inspected_from": _iso(i.inspected_from), "inspected_to": _iso(i.inspected_to),
        "published": _iso(i.published), "judgement": i.judgement, "key_findings": i.key_findings,
        "lessons": i.lessons, "notes": i.notes, "follow_up": FollowUp(i.follow_up).value,
        "next_review": _iso(i.next_review), "withdrawn_on": _iso(i.withdrawn_on),
        "withdrawn_reason": i.withdrawn_reason,
    }


def _plan_item(row: Mapping[str, Any]) -> PlanItem:
    return PlanItem(
        id=row["id"], inspection_id=row["inspection_id"], action=row["action"], owner=row["owner"],
        due=_d(row["due"]), status=PlanStatus(row["status"]), closed_on=_d(row["closed_on"]), notes=row["notes"],
        row_version=row["row_version"],
    )


def _plan_values(p: PlanItem) -> dict[str, Any]:
    return {"action": p.action, "owner": p.owner, "due": _iso(p.due), "status": PlanStatus(p.status).value,
            "closed_on": _iso(p.closed_on), "notes": p.notes}


def _review(row: Mapping[str, Any]) -> InspectionReview:
    return InspectionReview(id=row["id"], inspection_id=row["inspection_id"], meeting_id=row["meeting_id"],
                            reviewed_on=dt.date.fromisoformat(row["reviewed_on"]), note=row["note"])


@dataclass(frozen=True)
class InspectionRow:
    """An inspection as the list shows it: with its action plan's counts, its state today, its last review."""

    inspection: Inspection
    counts: PlanCounts
    state: InspectionState
    last_review: InspectionReview | None
    reviews: int


class QualityRepo:
    """Audits, their grading scale and cases, and inspections, over one open :class:`Store`."""

    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # --- shared --------------------------------------------------------------------------------
    def _meeting_words(self, meeting_id: int | None) -> str:
        if meeting_id is None:
            return "(none)"
        try:
            meeting = self.store.meetings.get(meeting_id)
        except RecordNotFound:
            return f"meeting {meeting_id}"
        return meeting.title

    def _words(self, name: str, value: Any) -> str:
        """A stored value in the officer's words (meetings by date, grades by name, agencies in a list)."""
        if name.endswith("meeting_id") and value is not None:
            return self._meeting_words(value)
        if name == "grade_id":
            if value is None:
                return "not graded"
            row = self.db.execute("SELECT label FROM audit_grade WHERE id = ?", [value]).fetchone()
            return row[0] if row else f"grade {value}"
        if name == "agency_ids" and isinstance(value, list):
            return ", ".join(self.store._words("agency_id", a) for a in value) or "(none)"
        return self.store._words(name, value)

    def _meeting_for(self, meeting_id: int, field: str, what: str) -> Any:
        try:
            meeting = self.store.meetings.get(meeting_id)
        except RecordNotFound:
            raise ValidationError(field, f"There is no meeting with id {meeting_id}: choose one from the list.") \
                from None
        if meeting.status is MeetingStatus.CANCELLED:
            raise ValidationError(field, f"The {meeting.title[:1].lower() + meeting.title[1:]} was cancelled: "
                                         f"{what} at a meeting that took place.")
        return meeting

    def _agency_label(self, agency_id: int | None) -> str:
        if agency_id is None:
            return ""
        row = self.db.execute("SELECT name, short_name FROM agency WHERE id = ?", [agency_id]).fetchone()
        return (row[1] or row[0]) if row else f"agency {agency_id}"

    def _check_agency(self, agency_id: int, field: str = "agency_id") -> None:
        if self.db.execute("SELECT 1 FROM agency WHERE id = ?", [agency_id]).fetchone() is None:
            raise ValidationError(field, f"There is no agency with id {agency_id}: choose one from the list.")

    # --- the grading scale -----------------------------------------------------------------------
    def grades(self, *, include_removed: bool = False) -> list[Grade]:
        """The partnership's grading scale, best first (with ``include_removed``, grades taken off it too)."""
        sql = "SELECT * FROM audit_grade" + ("" if include_removed else " WHERE removed = 0") + " ORDER BY position, id"
        return [_grade(r) for r in self.db.query(sql)]

    def grade(self, grade_id: int) -> Grade:
        rows = list(self.db.query("SELECT * FROM audit_grade WHERE id = ?", [grade_id]))
        if not rows:
            raise RecordNotFound(f"There is no grade with id {grade_id}.", "List them with 'mqp audits grades'.")
        return _grade(rows[0])

    def find_grade(self, text: str) -> Grade | None:
        """A grade on the scale by its id, its name (any case) or the start of its name ('req' for 'Requires
        improvement'), or None (no grade, or the start of two names)."""
        key = " ".join((text or "").split()).casefold()
        if not key:
            return None
        scale = self.grades()
        if key.isdigit():
            found = [g for g in scale if g.id == int(key)]
            if found:
                return found[0]
        exact = [g for g in scale if g.label.casefold() == key]
        if exact:
            return exact[0]
        starts = [g for g in scale if g.label.casefold().startswith(key)]
        return starts[0] if len(starts) == 1 else None

    def grade_in_use(self, grade_id: int) -> int:
        """How many cases (not withdrawn) are graded with this grade."""
        return self.db.execute("SELECT count(*) FROM audit_case WHERE grade_id = ? AND withdrawn_on IS NULL",
                               [grade_id]).fetchone()[0]

    def add_grade(self, label: str) -> Grade:
        """A new grade at the end of the scale (the worst end). A grade of that name taken off the scale
        before is put back instead (at the end), so cases it graded show it on the scale again."""
        with self.store.write():
            scale = self.grades()
            text = clean_grade_label(label, [g.label for g in scale])
            position = max((g.position for g in scale), default=0) + 1
            removed = next((g for g in self.grades(include_removed=True)
                            if g.removed and g.label.casefold() == text.casefold()), None)
            if removed is not None:
                diff = changes({"removed": 1, "position": removed.position, "label": removed.label},
                               {"removed": 0, "position": position, "label": text})
                version = self.store.update("audit_grade", removed.id, diff)
                self.store.record("audit_grade", removed.id, "put back", f"Grade put back on the scale: {text}", diff)
                return dataclasses.replace(removed, label=text, position=position, removed=False, row_version=version)
            grade_id = self.store.insert("audit_grade", {"label": text, "position": position})
            self.store.record("audit_grade", grade_id, "added", f"Grade added to the scale: {text}",
                              {"label": [None, text], "position": [None, position]})
        return Grade(label=text, position=position, id=grade_id, row_version=1)

    def rename_grade(self, grade: Grade) -> Grade:
        """Rename a grade (``grade.label``; ``grade.row_version`` as read). Cases graded with it show the new name."""
        if grade.id is None:
            raise ValueError("rename_grade needs a saved grade")
        read = self.store.require_version(grade, "rename_grade")
        with self.store.write():
            old = self.grade(grade.id)
            text = clean_grade_label(grade.label, [g.label for g in self.grades() if g.id != old.id])
            if read != old.row_version:
                raise self.store.edit_conflict(
                    f"the grade '{old.label}'", entity="audit_grade", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours={"label": text}, stored={"label": old.label},
                    yours_record=dataclasses.replace(old, label=text), stored_record=old)
            if text == old.label:
                return old
            diff = {"label": [old.label, text]}
            version = self.store.update("audit_grade", old.id, diff, version=read)
            used = self.grade_in_use(old.id)
            self.store.record("audit_grade", old.id, "renamed", f"Grade renamed: {old.label} → {text}"
                              + (f" ({used} case{'s' if used != 1 else ''} graded with it)" if used else ""), diff)
        return dataclasses.replace(old, label=text, row_version=version)

    def remove_grade(self, grade_id: int, *, seen: Grade | None = None) -> Grade:
        """Take a grade off the scale. Refused while a case (not withdrawn) is graded with it: rename it instead.
        ``seen``: the grade as the officer saw it (refused if changed since)."""
        with self.store.write():
            old = self.grade(grade_id)
            if seen is not None and seen.row_version != old.row_version:
                raise self.store.edit_conflict(
                    f"the grade '{old.label}'", entity="audit_grade", entity_id=old.id,
                    read_version=seen.row_version, stored_version=old.row_version, yours={"label": seen.label},
                    stored={"label": old.label}, stored_record=old)
            if old.removed:
                raise ValidationError("grade", f"'{old.label}' is not on the scale now.")
            used = self.grade_in_use(old.id)
            if used:
                raise ValidationError("grade", f"'{old.label}' grades {used} case{'s' if used != 1 else ''}: a grade "
                                               "in use cannot be removed from the scale. Rename it instead, or "
                                               "grade those cases otherwise first.")
            if len(self.grades()) <= 1:
                raise ValidationError("grade", "The scale needs at least one grade: add another before removing "
                                               f"'{old.label}'.")
            version = self.store.update("audit_grade", old.id, {"removed": [0, 1]})
            self.store.record("audit_grade", old.id, "removed", f"Grade removed from the scale: {old.label}",
                              {"removed": [0, 1]})
        return dataclasses.replace(old, removed=True, row_version=version)

    def move_grade(self, grade_id: int, offset: int) -> list[Grade]:
        """Move a grade ``offset`` places up (negative: towards the best) or down the scale; returns the scale."""
        with self.store.write():
            scale = self.grades()
            index = next((i for i, g in enumerate(scale) if g.id == grade_id), None)
            if index is None:
                raise ValidationError("grade", f"Grade {grade_id} is not on the scale.")
            target = max(0, min(len(scale) - 1, index + offset))
            if target == index:
                return scale
            moved = scale.pop(index)
            scale.insert(target, moved)
            for position, g in enumerate(scale, start=1):
                if g.position != position:
                    # the order is not a grade's content: an edit of its name is not made out of date by it
                    self.store.update("audit_grade", g.id, {"position": [g.position, position]}, bump=False)
            self.store.record("audit_grade", moved.id, "moved",
                              f"Grade moved on the scale: {moved.label} is now {target + 1} of {len(scale)}",
                              {"position": [index + 1, target + 1]})
        return self.grades()

    # --- audits ------------------------------------------------------------------------------------
    def _audit_agencies(self, audit_id: int) -> tuple[int, ...]:
        return tuple(r[0] for r in self.db.execute(
            "SELECT aa.agency_id FROM audit_agency aa JOIN agency a ON a.id = aa.agency_id"
            " WHERE aa.audit_id = ? AND aa.removed = 0 ORDER BY a.name COLLATE NOCASE", [audit_id]))

    def _audit(self, row: Mapping[str, Any]) -> Audit:
        return Audit(
            id=row["id"], title=row["title"], kind=AuditKind(row["kind"]), theme=row["theme"],
            lead_member_id=row["lead_member_id"], lead_agency_id=row["lead_agency_id"],
            agency_ids=self._audit_agencies(row["id"]), planned=_d(row["planned"]), started=_d(row["started"]),
            completed=_d(row["completed"]), findings=row["findings"], learning=row["learning"], notes=row["notes"],
            reported_meeting_id=row["reported_meeting_id"], reported_on=_d(row["reported_on"]),
            cancelled_on=_d(row["cancelled_on"]), cancel_reason=row["cancel_reason"], row_version=row["row_version"],
        )

    def audits(self) -> list[Audit]:
        """Every audit, the most recent first (by started, else planned, date)."""
        rows = self.db.query("SELECT * FROM audit ORDER BY coalesce(started, planned, substr(created_at, 1, 10)) DESC,"
                             " id DESC")
        return [self._audit(r) for r in rows]

    def audit(self, audit_id: int) -> Audit:
        rows = list(self.db.query("SELECT * FROM audit WHERE id = ?", [audit_id]))
        if not rows:
            raise RecordNotFound(f"There is no audit with id {audit_id}.", "List them with 'mqp audits list'.")
        return self._audit(rows[0])

    def find_audit(self, text: str) -> Audit | None:
        """An audit by id or title (any case), or None."""
        key = " ".join((text or "").split())
        if not key:
            return None
        if key.isdigit():
            rows = list(self.db.query("SELECT * FROM audit WHERE id = ?", [int(key)]))
            if rows:
                return self._audit(rows[0])
        rows = list(self.db.query("SELECT * FROM audit WHERE title = ? COLLATE NOCASE", [key]))
        return self._audit(rows[0]) if len(rows) == 1 else None

    def _check_audit(self, audit: Audit) -> Audit:
        a = validate_audit(dataclasses.replace(audit))
        if a.lead_member_id is not None:
            try:
                self.store.member(a.lead_member_id)
            except RecordNotFound:
                raise ValidationError("lead", f"There is no member with id {a.lead_member_id}: choose the lead from "
                                              "the list.") from None
        if a.lead_agency_id is not None:
            self._check_agency(a.lead_agency_id, "lead")
        for agency_id in a.agency_ids:
            self._check_agency(agency_id, "agency_ids")
        if a.reported_meeting_id is not None:
            meeting = self._meeting_for(a.reported_meeting_id, "reported_meeting", "an audit is reported")
            if a.reported_on is None:
                a.reported_on = meeting.date
        return a

    def _set_agencies(self, audit_id: int, agency_ids: Iterable[int]) -> None:
        wanted = set(agency_ids)
        stored = {r[0]: r[1] for r in self.db.execute(
            "SELECT agency_id, removed FROM audit_agency WHERE audit_id = ?", [audit_id])}
        for agency_id in wanted:
            if agency_id not in stored:
                self.store.insert("audit_agency", {"audit_id": audit_id, "agency_id": agency_id})
            elif stored[agency_id]:
                self.db.execute("UPDATE audit_agency SET removed = 0 WHERE audit_id = ? AND agency_id = ?",
                                [audit_id, agency_id])
        for agency_id, removed in stored.items():
            if agency_id not in wanted and not removed:
                graded = self.db.execute(
                    "SELECT count(*) FROM audit_case WHERE audit_id = ? AND agency_id = ? AND withdrawn_on IS NULL",
                    [audit_id, agency_id]).fetchone()[0]
                if graded:
                    raise ValidationError(
                        "agency_ids", f"{self._agency_label(agency_id)} has {graded} case{'s' if graded != 1 else ''} "
                                      "in this audit: it stays taking part until they are withdrawn.")
                self.db.execute("UPDATE audit_agency SET removed = 1 WHERE audit_id = ? AND agency_id = ?",
                                [audit_id, agency_id])

    def add_audit(self, audit: Audit) -> Audit:
        a = self._check_audit(dataclasses.replace(audit, id=None, cancelled_on=None, cancel_reason=""))
        values = _audit_values(a)
        with self.store.write():
            a.id = self.store.insert("audit", {k: v for k, v in values.items() if k != "agency_ids"}
                                     | {"created_at": _now()})
            self._set_agencies(a.id, a.agency_ids)
            self.store.record("audit", a.id, "added", f"Audit added: {a.title}",
                              {k: [None, v] for k, v in values.items() if v not in (None, "", [])})
        return self.audit(a.id)

    def update_audit(self, audit: Audit, *, action: str = "edited") -> Audit:
        """Save an audit as edited (``audit.row_version`` as read; refused with EditConflict when saved since)."""
        if audit.id is None:
            raise ValueError("update_audit needs a saved audit")
        read = self.store.require_version(audit, "update_audit")
        with self.store.write():
            old = self.audit(audit.id)
            a = self._check_audit(audit)
            before, after = _audit_values(old), _audit_values(a)
            diff = changes(before, after)
            if read != old.row_version:
                raise self.store.edit_conflict(
                    f"the audit '{old.title}'", entity="audit", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, labels=AUDIT_LABELS,
                    yours_record=a, stored_record=old, words=self._words)
            if not diff:
                return old
            columns = {k: v for k, v in diff.items() if k != "agency_ids"}
            # the agencies taking part are part of the audit: a change to them alone is a new version too
            self.store.update("audit", a.id, columns, version=read)
            if "agency_ids" in diff:
                self._set_agencies(a.id, a.agency_ids)
            summary = {"cancelled": f"Audit cancelled: {a.title} — {a.cancel_reason}",
                       "reinstated": f"Audit reinstated: {a.title}"}.get(action, f"Audit {action}: {a.title}")
            self.store.record("audit", a.id, action, summary, diff)
        return self.audit(a.id)

    def cancel_audit(self, audit_id: int, reason: str, on: dt.date | None = None, *,
                     seen: Audit | None = None) -> Audit:
        """Cancel an audit (it stays, with the date and reason). ``seen``: as the officer saw it (refused if
        changed since); without it, the audit as stored now."""
        with self.store.write():
            audit = dataclasses.replace(seen) if seen is not None else self.audit(audit_id)
            if audit.cancelled_on is not None:
                raise ValidationError("cancel_reason", f"'{audit.title}' was already cancelled on "
                                                       f"{audit.cancelled_on:%d/%m/%Y}.")
            if not (reason or "").strip():
                raise ValidationError("cancel_reason", "Say why the audit is cancelled: nothing is cancelled without "
                                                       "a reason.")
            audit.cancelled_on = on or dt.date.today()
            audit.cancel_reason = reason
            return self.update_audit(audit, action="cancelled")

    def reinstate_audit(self, audit_id: int, *, seen: Audit | None = None) -> Audit:
        with self.store.write():
            audit = dataclasses.replace(seen) if seen is not None else self.audit(audit_id)
            audit.cancelled_on, audit.cancel_reason = None, ""
            return self.update_audit(audit, action="reinstated")

    # --- cases -------------------------------------------------------------------------------------
    def cases(self, audit_id: int, *, include_withdrawn: bool = False) -> list[AuditCase]:
        """An audit's cases by reference, then agency (the audit overall first)."""
        sql = ("SELECT c.* FROM audit_case c LEFT JOIN agency a ON a.id = c.agency_id WHERE c.audit_id = ?"
               + ("" if include_withdrawn else " AND c.withdrawn_on IS NULL")
               + " ORDER BY c.reference COLLATE NOCASE, a.id IS NOT NULL, a.name COLLATE NOCASE, c.id")
        return [_case(r) for r in self.db.query(sql, [audit_id])]

    def case(self, case_id: int) -> AuditCase:
        rows = list(self.db.query("SELECT * FROM audit_case WHERE id = ?", [case_id]))
        if not rows:
            raise RecordNotFound(f"There is no audited case with id {case_id}.",
                                 "List an audit's cases with 'mqp audits show AUDIT'.")
        return _case(rows[0])

    def find_case(self, audit_id: int, reference: str, agency_id: int | None = None, *,
                  any_agency: bool = False) -> AuditCase | None:
        """The case (not withdrawn) with this reference and agency; ``any_agency``: the only row of that reference."""
        key = " ".join((reference or "").split())
        rows = [c for c in self.cases(audit_id) if c.reference.casefold() == key.casefold()]
        if not any_agency:
            rows = [c for c in rows if c.agency_id == agency_id]
        return rows[0] if len(rows) == 1 else None

    def _case_label(self, c: AuditCase) -> str:
        return c.reference + (f" ({self._agency_label(c.agency_id)})" if c.agency_id is not None else "")

    def _check_case(self, case: AuditCase, old: AuditCase | None = None) -> AuditCase:
        c = validate_case(dataclasses.replace(case))
        audit = self.audit(c.audit_id)
        if audit.cancelled_on is not None and (old is None or old.withdrawn_on == c.withdrawn_on):
            raise ValidationError("audit", f"'{audit.title}' was cancelled: its cases cannot be changed (reinstate the "
                                           "audit first).")
        if c.agency_id is not None and c.agency_id != (old.agency_id if old else None):
            self._check_agency(c.agency_id)
            if c.agency_id not in audit.agency_ids:
                raise ValidationError("agency_id", f"{self._agency_label(c.agency_id)} is not taking part in "
                                                   f"'{audit.title}': add it to the audit's agencies first.")
        if c.grade_id is not None and c.grade_id != (old.grade_id if old else None):
            try:
                grade = self.grade(c.grade_id)
            except RecordNotFound:
                raise ValidationError("grade_id", f"There is no grade with id {c.grade_id}: choose one of the "
                                                  "scale.") from None
            if grade.removed:
                raise ValidationError("grade_id", f"'{grade.label}' is no longer on the grading scale: choose "
                                                  "another grade.")
        if c.withdrawn_on is None:
            clash = self.db.execute(
                "SELECT id FROM audit_case WHERE audit_id = ? AND reference = ? COLLATE NOCASE"
                " AND ifnull(agency_id, 0) = ifnull(?, 0) AND withdrawn_on IS NULL AND id IS NOT ?",
                [c.audit_id, c.reference, c.agency_id, c.id]).fetchone()
            if clash:
                who = f" for {self._agency_label(c.agency_id)}" if c.agency_id is not None else ""
                raise ValidationError("reference", f"{c.reference} is already in this audit{who}: grade that row "
                                                   "instead, or choose another agency.")
        return c

    def add_case(self, case: AuditCase) -> AuditCase:
        """A case audited (by reference only), for an agency taking part or the audit overall, graded or not."""
        c = self._check_case(dataclasses.replace(case, id=None, withdrawn_on=None, withdrawn_reason=""))
        values = _case_values(c)
        with self.store.write():
            c.id = self.store.insert("audit_case", {"audit_id": c.audit_id, **values, "created_at": _now()})
            self.store.record("audit_case", c.id, "added", f"Case {self._case_label(c)} added to audit {c.audit_id}"
                              + (f", graded {self._words('grade_id', c.grade_id)}" if c.grade_id else ""),
                              {k: [None, v] for k, v in values.items() if v not in (None, "")}
                              | {"audit_id": [None, c.audit_id]})
        return dataclasses.replace(c, row_version=1)

    def update_case(self, case: AuditCase, *, action: str = "edited") -> AuditCase:
        """Save a case as edited: its reference, agency, grade or notes (``case.row_version`` as read)."""
        if case.id is None:
            raise ValueError("update_case needs a saved case")
        read = self.store.require_version(case, "update_case")
        with self.store.write():
            old = self.case(case.id)
            c = self._check_case(dataclasses.replace(case, audit_id=old.audit_id), old)
            before, after = _case_values(old), _case_values(c)
            diff = changes(before, after)
            if read != old.row_version:
                raise self.store.edit_conflict(
                    f"case {self._case_label(old)}", entity="audit_case", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, labels=CASE_LABELS,
                    yours_record=c, stored_record=old, words=self._words)
            if not diff:
                return old
            version = self.store.update("audit_case", c.id, diff, version=read)
            if set(diff) == {"grade_id"}:
                summary = (f"Case {self._case_label(c)} graded {self._words('grade_id', c.grade_id)}"
                           + (f" (was {self._words('grade_id', old.grade_id)})" if old.grade_id else ""))
            elif action == "withdrawn":
                summary = f"Case {self._case_label(c)} withdrawn from audit {c.audit_id}: {c.withdrawn_reason}"
            else:
                summary = f"Case {self._case_label(c)} {action}"
            self.store.record("audit_case", c.id, "graded" if set(diff) == {"grade_id"} and action == "edited"
                              else action, summary, diff)
        return dataclasses.replace(c, row_version=version)

    def grade_case(self, case_id: int, grade_id: int | None, *, version: int | None = None,
                   notes: str | None = None) -> AuditCase:
        """Grade a case (None: not graded yet); ``version``: as read (None: as stored now, in this transaction)."""
        with self.store.write():
            case = self.case(case_id)
            if version is not None:
                case.row_version = version
            changed = dataclasses.replace(case, grade_id=grade_id)
            if notes is not None:
                changed.notes = notes
            return self.update_case(changed)

    def withdraw_case(self, case_id: int, reason: str, on: dt.date | None = None, *,
                      seen: AuditCase | None = None) -> AuditCase:
        """Take a case out of the audit (it stays, with the date and reason; it leaves the grade summary)."""
        with self.store.write():
            case = dataclasses.replace(seen) if seen is not None else self.case(case_id)
            if case.withdrawn_on is not None:
                raise ValidationError("withdrawn_reason", f"Case {case.reference} was already withdrawn.")
            if not (reason or "").strip():
                raise ValidationError("withdrawn_reason", "Say why the case is taken out of the audit.")
            case.withdrawn_on, case.withdrawn_reason = on or dt.date.today(), reason
            return self.update_case(case, action="withdrawn")

    def reinstate_case(self, case_id: int, *, seen: AuditCase | None = None) -> AuditCase:
        with self.store.write():
            case = dataclasses.replace(seen) if seen is not None else self.case(case_id)
            case.withdrawn_on, case.withdrawn_reason = None, ""
            return self.update_case(case, action="reinstated")

    def grade_summary(self, audit_id: int) -> GradeSummary:
        return grade_summary(self.cases(audit_id), self.grades(include_removed=True))

    def summaries(self) -> dict[int, GradeSummary]:
        """Every audit's grade summary (one read of the cases), for the list."""
        grades = self.grades(include_removed=True)
        by_audit: dict[int, list[AuditCase]] = {}
        for row in self.db.query("SELECT * FROM audit_case WHERE withdrawn_on IS NULL"):
            by_audit.setdefault(row["audit_id"], []).append(_case(row))
        ids = [r[0] for r in self.db.execute("SELECT id FROM audit")]
        return {i: grade_summary(by_audit.get(i, []), grades) for i in ids}

    # --- audit actions (in the action log) ----------------------------------------------------------
    def actions(self, audit_id: int) -> list[Action]:
        """The actions of the action log that came from this audit, by number."""
        from mqp_desktop.domain.actions import number_sort_key

        ids = [r[0] for r in self.db.execute("SELECT action_id FROM audit_action WHERE audit_id = ?", [audit_id])]
        found = [self.store.minutes.action(i) for i in ids]
        return sorted(found, key=lambda a: number_sort_key(a.number))

    def audit_of_action(self, action_id: int) -> int | None:
        row = self.db.execute("SELECT audit_id FROM audit_action WHERE action_id = ?", [action_id]).fetchone()
        return row[0] if row else None

    def audit_titles_by_action(self) -> dict[int, str]:
        """action id -> the title of the audit it came from (for the action log's "From" column)."""
        return dict(self.db.execute(
            "SELECT aa.action_id, a.title FROM audit_action aa JOIN audit a ON a.id = aa.audit_id").fetchall())

    def action_counts(self) -> dict[int, tuple[int, int]]:
        """audit id -> (actions, of which still open or in progress)."""
        out: dict[int, tuple[int, int]] = {}
        for audit_id, total, still in self.db.execute(
                "SELECT aa.audit_id, count(*), sum(a.status IN ('open', 'in progress')) FROM audit_action aa"
                " JOIN action a ON a.id = aa.action_id GROUP BY aa.audit_id"):
            out[audit_id] = (total, still or 0)
        return out

    def add_action(self, audit_id: int, action: Action) -> Action:
        """An action arising from the audit, added to the action log. It comes from ``action.meeting_id``, or
        when that is None from the meeting the audit was reported to; it is numbered like any other action
        and carried forward until closed. Refused for a cancelled audit, or when the meeting's minutes are
        signed (as any new action is)."""
        with self.store.write():
            audit = self.audit(audit_id)
            if audit.cancelled_on is not None:
                raise ValidationError("audit", f"'{audit.title}' was cancelled: no actions come from it.")
            meeting_id = action.meeting_id or audit.reported_meeting_id
            if meeting_id is None:
                raise ValidationError(
                    "meeting", f"'{audit.title}' has not been reported to a meeting yet, and an action comes from a "
                               "meeting: record the meeting it was reported to, or choose the meeting the action "
                               "was agreed at.")
            self._meeting_for(meeting_id, "meeting", "actions come from")
            added = self.store.minutes.add_action(dataclasses.replace(action, meeting_id=meeting_id))
            self.store.insert("audit_action", {"audit_id": audit_id, "action_id": added.id})
            self.store.record("audit", audit_id, "action added",
                              f"Action {added.number} added from audit '{audit.title}': {added.description}",
                              {"action_id": [None, added.id]})
        return added

    # --- inspections ---------------------------------------------------------------------------------
    def inspections(self, *, include_withdrawn: bool = True) -> list[Inspection]:
        """Inspections, the most recent first (by publication, else inspection, date)."""
        sql = ("SELECT * FROM inspection" + ("" if include_withdrawn else " WHERE withdrawn_on IS NULL")
               + " ORDER BY coalesce(published, inspected_to, inspected_from, substr(created_at, 1, 10)) DESC, id DESC")
        return [_inspection(r) for r in self.db.query(sql)]

    def inspection(self, inspection_id: int) -> Inspection:
        rows = list(self.db.query("SELECT * FROM inspection WHERE id = ?", [inspection_id]))
        if not rows:
            raise RecordNotFound(f"There is no inspection with id {inspection_id}.",
                                 "List them with 'mqp inspections list'.")
        return _inspection(rows[0])

    def _inspection_label(self, i: Inspection) -> str:
        when = f" {i.published or i.inspected_from:%b %Y}" if (i.published or i.inspected_from) else ""
        return f"{i.inspectorate_label} {i.inspection_type or 'inspection'} of {self._agency_label(i.agency_id)}{when}"

    def _check_inspection(self, inspection: Inspection) -> Inspection:
        i = validate_inspection(dataclasses.replace(inspection))
        self._check_agency(i.agency_id)
        return i

    def add_inspection(self, inspection: Inspection) -> Inspection:
        i = self._check_inspection(dataclasses.replace(inspection, id=None, withdrawn_on=None, withdrawn_reason=""))
        values = _inspection_values(i)
        with self.store.write():
            i.id = self.store.insert("inspection", values | {"created_at": _now()})
            self.store.record("inspection", i.id, "added", f"Inspection added: {self._inspection_label(i)}",
                              {k: [None, v] for k, v in values.items() if v not in (None, "")})
        return dataclasses.replace(i, row_version=1)

    def update_inspection(self, inspection: Inspection, *, action: str = "edited") -> Inspection:
        if inspection.id is None:
            raise ValueError("update_inspection needs a saved inspection")
        read = self.store.require_version(inspection, "update_inspection")
        with self.store.write():
            old = self.inspection(inspection.id)
            i = self._check_inspection(inspection)
            before, after = _inspection_values(old), _inspection_values(i)
            diff = changes(before, after)
            if read != old.row_version:
                raise self.store.edit_conflict(
                    f"the inspection '{self._inspection_label(old)}'", entity="inspection", entity_id=old.id,
                    read_version=read, stored_version=old.row_version, yours=after, stored=before,
                    labels=INSPECTION_LABELS, yours_record=i, stored_record=old, words=self._words)
            if not diff:
                return old
            version = self.store.update("inspection", i.id, diff, version=read)
            summary = (f"Inspection withdrawn: {self._inspection_label(i)} — {i.withdrawn_reason}"
                       if action == "withdrawn" else f"Inspection {action}: {self._inspection_label(i)}")
            self.store.record("inspection", i.id, action, summary, diff)
        return dataclasses.replace(i, row_version=version)

    def withdraw_inspection(self, inspection_id: int, reason: str, on: dt.date | None = None, *,
                            seen: Inspection | None = None) -> Inspection:
        with self.store.write():
            i = dataclasses.replace(seen) if seen is not None else self.inspection(inspection_id)
            if i.withdrawn_on is not None:
                raise ValidationError("withdrawn_reason", "The inspection was already withdrawn.")
            if not (reason or "").strip():
                raise ValidationError("withdrawn_reason", "Say why the inspection is withdrawn (e.g. recorded in "
                                                          "error, or twice).")
            i.withdrawn_on, i.withdrawn_reason = on or dt.date.today(), reason
            return self.update_inspection(i, action="withdrawn")

    def reinstate_inspection(self, inspection_id: int, *, seen: Inspection | None = None) -> Inspection:
        with self.store.write():
            i = dataclasses.replace(seen) if seen is not None else self.inspection(inspection_id)
            i.withdrawn_on, i.withdrawn_reason = None, ""
            return self.update_inspection(i, action="reinstated")

    # --- action plans --------------------------------------------------------------------------------
    def plan(self, inspection_id: int) -> list[PlanItem]:
        """An inspection's action plan, by due date (undated last), then as entered."""
        return [_plan_item(r) for r in self.db.query(
            "SELECT * FROM inspection_plan_item WHERE inspection_id = ? ORDER BY due IS NULL, due, id", [inspection_id])]

    def plan_item(self, item_id: int) -> PlanItem:
        rows = list(self.db.query("SELECT * FROM inspection_plan_item WHERE id = ?", [item_id]))
        if not rows:
            raise RecordNotFound(f"There is no action-plan item with id {item_id}.",
                                 "See an inspection's plan with 'mqp inspections show INSPECTION'.")
        return _plan_item(rows[0])

    def _check_plan_item(self, item: PlanItem) -> PlanItem:
        p = validate_plan_item(dataclasses.replace(item))
        inspection = self.inspection(p.inspection_id)
        if inspection.withdrawn:
            raise ValidationError("inspection", "That inspection was withdrawn: its action plan cannot be changed.")
        return p

    def add_plan_item(self, item: PlanItem) -> PlanItem:
        p = self._check_plan_item(dataclasses.replace(item, id=None))
        values = _plan_values(p)
        with self.store.write():
            p.id = self.store.insert("inspection_plan_item",
                                     {"inspection_id": p.inspection_id, **values, "created_at": _now()})
            self.store.record("inspection_plan_item", p.id, "added",
                              f"Action-plan item added to inspection {p.inspection_id}: {p.action}",
                              {k: [None, v] for k, v in values.items() if v not in (None, "")}
                              | {"inspection_id": [None, p.inspection_id]})
        return dataclasses.replace(p, row_version=1)

    def update_plan_item(self, item: PlanItem, *, action: str = "edited") -> PlanItem:
        if item.id is None:
            raise ValueError("update_plan_item needs a saved item")
        read = self.store.require_version(item, "update_plan_item")
        with self.store.write():
            old = self.plan_item(item.id)
            p = self._check_plan_item(dataclasses.replace(item, inspection_id=old.inspection_id))
            before, after = _plan_values(old), _plan_values(p)
            diff = changes(before, after)
            if read != old.row_version:
                raise self.store.edit_conflict(
                    f"the action-plan item '{old.action}'", entity="inspection_plan_item", entity_id=old.id,
                    read_version=read, stored_version=old.row_version, yours=after, stored=before,
                    labels=PLAN_LABELS, yours_record=p, stored_record=old, words=self._words)
            if not diff:
                return old
            version = self.store.update("inspection_plan_item", p.id, diff, version=read)
            self.store.record("inspection_plan_item", p.id, action, f"Action-plan item {action}: {p.action}"
                              + (f" ({p.status.value})" if "status" in diff else ""), diff)
        return dataclasses.replace(p, row_version=version)

    def complete_plan_item(self, item_id: int, on: dt.date | None = None, note: str = "", *,
                           seen: PlanItem | None = None) -> PlanItem:
        """Mark an item done on ``on`` (default today); ``note`` is added to its notes."""
        with self.store.write():
            item = dataclasses.replace(seen) if seen is not None else self.plan_item(item_id)
            if item.status is PlanStatus.DONE:
                raise ValidationError("status", f"'{item.action}' was already done on {item.closed_on:%d/%m/%Y}.")
            item.status, item.closed_on = PlanStatus.DONE, on or dt.date.today()
            if (note or "").strip():
                item.notes = (item.notes + "\n" if item.notes else "") + note.strip()
            return self.update_plan_item(item, action="done")

    # --- reviews -------------------------------------------------------------------------------------
    def reviews(self, inspection_id: int) -> list[InspectionReview]:
        """The reviews of an inspection (not those removed as recorded in error), the earliest first."""
        return [_review(r) for r in self.db.query(
            "SELECT * FROM inspection_review WHERE inspection_id = ? AND removed = 0 ORDER BY reviewed_on, id",
            [inspection_id])]

    def set_review_removed(self, review_id: int, removed: bool, *, action: str | None = None) -> None:
        """Mark a review recorded in error as removed (the undo of recording it), or put it back; recorded."""
        with self.store.write():
            row = self.db.execute("SELECT removed, inspection_id FROM inspection_review WHERE id = ?",
                                  [review_id]).fetchone()
            if row is None:
                raise RecordNotFound(f"There is no review with id {review_id}.",
                                     "See an inspection's reviews with 'mqp inspections show INSPECTION'.")
            if bool(row[0]) == removed:
                return
            self.db.execute("UPDATE inspection_review SET removed = ? WHERE id = ?", [int(removed), review_id])
            word = action or ("removed" if removed else "restored")
            self.store.record("inspection_review", review_id, word,
                              f"Review of inspection {row[1]} {word}" + (" (recorded in error)" if removed else ""),
                              {"removed": [int(not removed), int(removed)]})

    def add_review(self, inspection_id: int, meeting_id: int, on: dt.date | None = None, note: str = "", *,
                   follow_up: FollowUp | str | None = None, next_review: dt.date | None | bool = False,
                   seen: Inspection | None = None) -> InspectionReview:
        """The subcommittee reviewed the inspection at a meeting (``on``: default the meeting's date). With
        ``follow_up`` and/or ``next_review`` (None clears it; False leaves it) the inspection's follow-up
        is set in the same transaction. ``seen``: the inspection as read (refused if changed since)."""
        with self.store.write():
            inspection = dataclasses.replace(seen) if seen is not None else self.inspection(inspection_id)
            if inspection.withdrawn:
                raise ValidationError("inspection", "That inspection was withdrawn: it is not reviewed.")
            meeting = self._meeting_for(meeting_id, "meeting", "an inspection is reviewed")
            review = InspectionReview(inspection_id=inspection_id, meeting_id=meeting_id,
                                      reviewed_on=on or meeting.date, note=(note or "").strip())
            review.id = self.store.insert("inspection_review", {
                "inspection_id": inspection_id, "meeting_id": meeting_id,
                "reviewed_on": review.reviewed_on.isoformat(), "note": review.note, "created_at": _now()})
            self.store.record("inspection_review", review.id, "added",
                              f"Inspection reviewed at the {meeting.title[:1].lower() + meeting.title[1:]}: "
                              f"{self._inspection_label(inspection)}" + (f" — {review.note}" if review.note else ""),
                              {"inspection_id": [None, inspection_id], "meeting_id": [None, meeting_id],
                               "reviewed_on": [None, review.reviewed_on.isoformat()], "note": [None, review.note]})
            changed = dataclasses.replace(inspection)
            if follow_up is not None:
                changed.follow_up = FollowUp(follow_up)
            if next_review is not False:
                changed.next_review = next_review  # type: ignore[assignment]
            if changed != inspection:
                self.update_inspection(changed, action="reviewed")
        return review

    # --- overview ------------------------------------------------------------------------------------
    def inspection_rows(self, today: dt.date | None = None) -> list[InspectionRow]:
        today = today or dt.date.today()
        plans: dict[int, list[PlanItem]] = {}
        for row in self.db.query("SELECT * FROM inspection_plan_item ORDER BY id"):
            plans.setdefault(row["inspection_id"], []).append(_plan_item(row))
        reviews: dict[int, list[InspectionReview]] = {}
        for row in self.db.query("SELECT * FROM inspection_review WHERE removed = 0 ORDER BY reviewed_on, id"):
            reviews.setdefault(row["inspection_id"], []).append(_review(row))
        out = []
        for i in self.inspections():
            items, done = plans.get(i.id, []), reviews.get(i.id, [])
            out.append(InspectionRow(i, plan_counts(items, today), inspection_state(i, items, done, today),
                                     done[-1] if done else None, len(done)))
        return out

    def overdue_plan_items(self, today: dt.date | None = None) -> list[PlanItem]:
        """Every overdue item of an inspection not withdrawn, the longest overdue first."""
        today = today or dt.date.today()
        items = [_plan_item(r) for r in self.db.query(
            "SELECT p.* FROM inspection_plan_item p JOIN inspection i ON i.id = p.inspection_id"
            " WHERE i.withdrawn_on IS NULL")]
        return sorted((p for p in items if p.is_overdue(today)), key=lambda p: (p.due, p.id))


__all__ = ["ADDED_IN_ERROR", "EditConflict", "InspectionRow", "QualityRepo"]

"""Documents under review, the Terms of Reference's versions and chairing reviews in the database (ToR 7.1,
12, 2): ``store.governance.documents`` and ``store.governance.office_reviews``.

::

    docs = store.governance.documents
    d = docs.add(GovernanceDocument(title="Neglect strategy", kind=DocumentKind.STRATEGY, version="2.0",
                                    owner="Head of Early Help"))
    docs.record_review(d.id, meeting_id=7, outcome=Outcome.ENDORSED)
    docs.send_to_executive(d.id, date(2026, 3, 20))
    docs.sign_off(d.id, date(2026, 4, 2))                       # next review: the interval later
    docs.record_tor_version("January 2027", signed_off=date(2027, 1, 26))   # moves the ToR review date on

**The Terms of Reference** are documents of kind ``terms of reference``, one record per version. The
subcommittee's ``tor_version``, ``tor_signed_off`` and ``tor_review_due`` (read by the register's
checks, the settings and ``mqp rules``) follow the version in force (:func:`current_tor`): every
change to a ToR record re-reads it in the same transaction (:meth:`DocumentRepo.sync_tor`). A change to
those three settings (the settings dialog, ``mqp rules set``) is made here too
(:meth:`DocumentRepo.apply_tor_settings`): a new version is recorded as a new record — its review date
the review interval after its sign-off unless one is given — and a corrected date corrects the version
in force. So a new version with its sign-off always moves the review date on.

**Chairing reviews** (:class:`OfficeReviewRepo`): each review of the chair or co-chair moves that
office's review date (``chair_review_due`` / ``co_chair_review_due``) to its next review; the date it
replaced is kept with it and put back if the review is removed as recorded in error.

Every change is one transaction in the change history (entities ``governance_document``,
``office_review``, and ``subcommittee`` for the dates they move). Nothing is deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.governance.common import add_months, day, one_line
from mqp_desktop.domain.governance.documents import (
    FILTER_ALL,
    TOR_TITLE,
    DocumentKind,
    GovernanceDocument,
    Office,
    OfficeOutcome,
    OfficeReview,
    Outcome,
    current_tor,
    filter_documents,
    parse_office,
    parse_outcome,
    validate_document,
    validate_office_review,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.governance.common import RecordRepo, d, iso

DOCUMENT_LABELS = {
    "title": "title", "kind": "kind", "version": "version", "owner": "owner", "owner_agency_id": "owner's agency",
    "meeting_id": "reviewed at", "outcome": "outcome", "outcome_note": "outcome note",
    "sent_to_executive_on": "sent to the Executive", "signed_off_on": "signed off", "review_due": "review due",
    "supersedes_id": "replaces", "notes": "notes", "withdrawn_on": "withdrawn on",
    "withdrawn_reason": "reason withdrawn",
}
DOCUMENT_FIELDS = tuple(DOCUMENT_LABELS)
OFFICE_REVIEW_LABELS = {
    "office": "office", "member_id": "holder", "reviewed_on": "reviewed on", "meeting_id": "at",
    "outcome": "outcome", "note": "note", "next_review_due": "next review due", "removed": "removed",
}

AUTO: Any = object()
"""A review date worked out from the sign-off and the review interval (rather than given, or none)."""

_SELECT = ("SELECT g.*, (SELECT n.id FROM governance_document n WHERE n.supersedes_id = g.id AND n.withdrawn_on IS"
           " NULL AND n.signed_off_on IS NOT NULL ORDER BY n.id DESC LIMIT 1) AS superseded_by"
           " FROM governance_document g")


def document_values(x: GovernanceDocument) -> dict[str, Any]:
    return {
        "title": x.title, "kind": DocumentKind(x.kind).value, "version": x.version or "", "owner": x.owner or "",
        "owner_agency_id": x.owner_agency_id, "meeting_id": x.meeting_id,
        "outcome": Outcome(x.outcome).value if x.outcome is not None else None, "outcome_note": x.outcome_note or "",
        "sent_to_executive_on": iso(x.sent_to_executive_on), "signed_off_on": iso(x.signed_off_on),
        "review_due": iso(x.review_due), "supersedes_id": x.supersedes_id, "notes": x.notes or "",
        "withdrawn_on": iso(x.withdrawn_on), "withdrawn_reason": x.withdrawn_reason or "",
    }


def office_review_values(r: OfficeReview) -> dict[str, Any]:
    return {
        "office": Office(r.office).value, "member_id": r.member_id, "reviewed_on": iso(r.reviewed_on),
        "meeting_id": r.meeting_id, "outcome": OfficeOutcome(r.outcome).value, "note": r.note or "",
        "next_review_due": iso(r.next_review_due), "removed": int(r.removed),
    }


_OFFICE_COLUMN = {Office.CHAIR: "chair_review_due", Office.CO_CHAIR: "co_chair_review_due"}
_OFFICE_HOLDER = {Office.CHAIR: "chair_member_id", Office.CO_CHAIR: "co_chair_member_id"}


def _set_subcommittee(store, values: Mapping[str, Any], summary: str) -> None:
    """Change some of the subcommittee's columns (already checked) and record it; nothing when unchanged."""
    row = store.db.execute(f"SELECT id, {', '.join(values)} FROM subcommittee ORDER BY id LIMIT 1").fetchone()
    if row is None:
        return
    diff = {k: [row[i + 1], v] for i, (k, v) in enumerate(values.items()) if row[i + 1] != v}
    if diff:
        store.update("subcommittee", row[0], diff)
        store.record("subcommittee", row[0], "edited", summary, diff)


class DocumentRepo(RecordRepo[GovernanceDocument]):
    table = "governance_document"
    entity = "governance_document"
    kind = "document"
    labels = DOCUMENT_LABELS
    list_hint = "List them with 'mqp documents list --all'."

    def values(self, record: GovernanceDocument) -> dict[str, Any]:
        return document_values(record)

    def from_row(self, row: Mapping[str, Any]) -> GovernanceDocument:
        keys = row.keys() if hasattr(row, "keys") else row
        return GovernanceDocument(
            id=row["id"], title=row["title"], kind=DocumentKind(row["kind"]), version=row["version"],
            owner=row["owner"], owner_agency_id=row["owner_agency_id"], meeting_id=row["meeting_id"],
            outcome=Outcome(row["outcome"]) if row["outcome"] else None, outcome_note=row["outcome_note"],
            sent_to_executive_on=d(row["sent_to_executive_on"]), signed_off_on=d(row["signed_off_on"]),
            review_due=d(row["review_due"]), supersedes_id=row["supersedes_id"], notes=row["notes"],
            withdrawn_on=d(row["withdrawn_on"]), withdrawn_reason=row["withdrawn_reason"],
            superseded_by_id=row["superseded_by"] if "superseded_by" in keys else None,
            row_version=row["row_version"])

    def name(self, record: GovernanceDocument) -> str:
        return f"'{record.title_version}'"

    # --- reading ----------------------------------------------------------------------------------
    def rows(self, where: str = "", args=(), order: str = "g.id") -> list[GovernanceDocument]:
        sql = _SELECT + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
        return [self.from_row(r) for r in self.db.query(sql, list(args))]

    def get(self, record_id: int) -> GovernanceDocument:
        found = self.rows("g.id = ?", [record_id])
        if not found:
            raise RecordNotFound(f"There is no document with id {record_id}.", self.list_hint)
        return found[0]

    def all(self) -> list[GovernanceDocument]:
        """Every document, withdrawn and superseded ones too, by title then version order."""
        return self.rows(order="g.title COLLATE NOCASE, g.id")

    def list(self, which: str = FILTER_ALL, today: dt.date | None = None, *,
             kind: DocumentKind | None = None) -> list[GovernanceDocument]:
        return filter_documents(self.all(), which, today or dt.date.today(), kind=kind)

    def tor_versions(self) -> list[GovernanceDocument]:
        """Every version of the Terms of Reference, oldest first."""
        return self.rows("g.kind = 'terms of reference'", order="coalesce(g.signed_off_on, '9999'), g.id")

    def current_tor(self) -> GovernanceDocument | None:
        return current_tor(self.tor_versions())

    def successor(self, doc_id: int) -> GovernanceDocument | None:
        """The later version recorded for this one (signed off or not; withdrawn ones left out)."""
        found = self.rows("g.supersedes_id = ? AND g.withdrawn_on IS NULL", [doc_id], order="g.id DESC")
        return found[0] if found else None

    def review_interval(self) -> int:
        """Months from a sign-off to the next review (the ``review_interval_months`` setting)."""
        return int(self.store.agendas.setting(cfg.REVIEW_INTERVAL_MONTHS))

    # --- checking -------------------------------------------------------------------------------------
    def _check(self, x: GovernanceDocument, today: dt.date, old: GovernanceDocument | None = None) \
            -> GovernanceDocument:
        x = validate_document(dataclasses.replace(x, superseded_by_id=None), today)
        self.check_meeting(x.meeting_id)
        if x.owner_agency_id is not None:
            self.check_agencies([x.owner_agency_id], field="owner_agency")
        held = self.meeting_date(x.meeting_id)
        if held is not None and x.sent_to_executive_on is not None and x.sent_to_executive_on < held:
            raise ValidationError("sent_to_executive_on", f"It was reviewed at the meeting of {day(held)}: it goes to "
                                                          f"the Executive after that, not on "
                                                          f"{day(x.sent_to_executive_on)}.")
        if x.supersedes_id is not None:
            if x.supersedes_id == x.id:
                raise ValidationError("supersedes", "A document cannot replace itself.")
            earlier = self.get(x.supersedes_id)
            if earlier.is_tor != x.is_tor:
                raise ValidationError("supersedes", "A version of the Terms of Reference replaces another version of "
                                                    "them, and only that.")
            if earlier.withdrawn_on is not None and x.withdrawn_on is None:
                raise ValidationError("supersedes", f"{self.name(earlier)} was withdrawn: it is not replaced.")
            other = self.successor(earlier.id)
            if other is not None and other.id != x.id and x.withdrawn_on is None:
                raise ValidationError("supersedes", f"{self.name(other)} is already recorded as the next version of "
                                                    f"{self.name(earlier)}.")
        # A document's review date follows its sign-off unless one is chosen: on a sign-off (or a changed one)
        # with no review date, the interval later; for the Terms of Reference also when the date was the old one.
        if x.signed_off_on is not None and (old is None or x.signed_off_on != old.signed_off_on):
            moved = old is not None and x.review_due == old.review_due and x.is_tor
            if x.review_due is None or moved:
                x.review_due = add_months(x.signed_off_on, self.review_interval())
        return x

    # --- writing ------------------------------------------------------------------------------------
    def add(self, doc: GovernanceDocument, *, today: dt.date | None = None) -> GovernanceDocument:
        """Record a document under review (or a version of the Terms of Reference: see :meth:`record_tor_version`)."""
        today = today or dt.date.today()
        with self.store.write():
            x = self._check(dataclasses.replace(doc, id=None, withdrawn_on=None, withdrawn_reason=""), today)
            what = "Terms of Reference version" if x.is_tor else f"{x.kind.label} recorded for review:"
            added = self.insert(x, f"{what} {x.title_version}" if not x.is_tor else f"{what} {x.version} recorded")
            if added.is_tor:
                self.sync_tor()
        return self.get(added.id)

    def update(self, doc: GovernanceDocument, *, action: str = "edited", summary: str = "",
               today: dt.date | None = None) -> GovernanceDocument:
        """Save a document's fields as edited, against the version it was read at. A Terms of Reference version's
        change moves the subcommittee's ToR dates with it (when it is the version in force)."""
        today = today or dt.date.today()
        with self.store.write():
            saved = self.save(doc, action=action, summary=summary,
                              check=lambda x, old: self._check(x, today, old))
            if saved.is_tor or doc.is_tor:
                self.sync_tor()
        return self.get(saved.id)

    def _change(self, doc_id: int, seen: GovernanceDocument | None, action: str, summary: str,
                today: dt.date | None, **fields: Any) -> GovernanceDocument:
        with self.store.write():
            x = self.current(doc_id, seen)
            if x.withdrawn_on is not None:
                raise ValidationError("status", f"{self.name(x)} was withdrawn: it is not changed.")
            return self.update(dataclasses.replace(x, **fields), action=action, summary=summary, today=today)

    def record_review(self, doc_id: int, meeting_id: int, outcome: Outcome | str, note: str = "", *,
                      seen: GovernanceDocument | None = None, today: dt.date | None = None) -> GovernanceDocument:
        """The subcommittee's review at a meeting, and its outcome."""
        outcome = parse_outcome(outcome)
        if outcome is None:
            raise ValidationError("outcome", "Choose the outcome of the review.")
        x = self.get(doc_id)
        return self._change(doc_id, seen, "reviewed", f"{self.name(x)[0].upper()}{self.name(x)[1:]} reviewed: "
                            f"{outcome.value}", today, meeting_id=meeting_id, outcome=outcome, outcome_note=note)

    def send_to_executive(self, doc_id: int, on: dt.date, *, seen: GovernanceDocument | None = None,
                          today: dt.date | None = None) -> GovernanceDocument:
        x = self.get(doc_id)
        if x.outcome is None and not x.is_tor:
            raise ValidationError("outcome", f"{self.name(x)} has not been reviewed yet: record the subcommittee's "
                                             "review (ToR 7.1: reviewed before it goes to the Executive) first.")
        return self._change(doc_id, seen, "sent", f"{self.name(x)} sent to the Executive for sign-off", today,
                            sent_to_executive_on=on)

    def sign_off(self, doc_id: int, on: dt.date, review_due: dt.date | None | Any = AUTO, *,
                 seen: GovernanceDocument | None = None, today: dt.date | None = None) -> GovernanceDocument:
        """The Executive's sign-off; the next review the interval later unless ``review_due`` is given."""
        x = self.get(doc_id)
        due = add_months(on, self.review_interval()) if review_due is AUTO else review_due
        return self._change(doc_id, seen, "signed off", f"{self.name(x)} signed off", today,
                            signed_off_on=on, review_due=due)

    def withdraw(self, doc_id: int, on: dt.date, reason: str, *, seen: GovernanceDocument | None = None,
                 today: dt.date | None = None) -> GovernanceDocument:
        with self.store.write():
            x = self.current(doc_id, seen)
            if x.withdrawn_on is not None:
                raise ValidationError("status", f"{self.name(x)} was already withdrawn.")
            return self.update(dataclasses.replace(x, withdrawn_on=on, withdrawn_reason=reason), action="withdrawn",
                               summary=f"{self.name(x)} withdrawn: {one_line(reason)}", today=today)

    def new_version(self, doc_id: int, version: str, *, today: dt.date | None = None) -> GovernanceDocument:
        """A new version of a document to review: its title, kind and owner carried over; it replaces the
        earlier one once signed off."""
        old = self.get(doc_id)
        return self.add(GovernanceDocument(title=old.title, kind=old.kind, version=version, owner=old.owner,
                                           owner_agency_id=old.owner_agency_id, supersedes_id=old.id), today=today)

    # --- the Terms of Reference ---------------------------------------------------------------------------
    def record_tor_version(self, version: str, signed_off: dt.date | None = None,
                           review_due: dt.date | None | Any = AUTO, *, meeting_id: int | None = None,
                           outcome: Outcome | str | None = None, notes: str = "",
                           today: dt.date | None = None) -> GovernanceDocument:
        """A new version of the Terms of Reference, replacing the version in force. With its sign-off date it
        is in force at once and the subcommittee's ToR review date moves on: ``review_due``, or the review
        interval after the sign-off. Without one it is a draft under review until it is signed off."""
        today = today or dt.date.today()
        version = one_line(version)
        with self.store.write():
            current = self.current_tor()
            if current is not None:
                if version.casefold() == current.version.casefold():
                    raise ValidationError("version", f"Version {current.version} is the version in force: give the "
                                                     "new version's name (e.g. the month it was agreed).")
                if signed_off is not None and current.signed_off_on is not None and signed_off < current.signed_off_on:
                    raise ValidationError("signed_off_on", f"The version in force ({current.version}) was signed off on "
                                                           f"{day(current.signed_off_on)}: a new version is signed off "
                                                           f"after it, not on {day(signed_off)}.")
                draft = self.successor(current.id)
                if draft is not None:
                    raise ValidationError("version", f"Version {draft.version} is already recorded as the next version "
                                                     "(not yet signed off): record its sign-off, or withdraw it first.")
            due = None if review_due is AUTO else review_due
            doc = GovernanceDocument(title=current.title if current else TOR_TITLE, kind=DocumentKind.TERMS_OF_REFERENCE,
                                     version=version, signed_off_on=signed_off, review_due=due, notes=notes,
                                     meeting_id=meeting_id, outcome=parse_outcome(outcome),
                                     owner=current.owner if current else "",
                                     supersedes_id=current.id if current else None)
            x = self._check(doc, today)
            if review_due is not AUTO:
                x.review_due = review_due
                x = validate_document(x, today)
            added = self.insert(x, f"Terms of Reference version {x.version} recorded"
                                   + (f", signed off {day(x.signed_off_on)}" if x.signed_off_on else " (draft)"))
            self.sync_tor()
        return self.get(added.id)

    def sync_tor(self) -> None:
        """Set the subcommittee's ToR version, sign-off and review date from the version in force (in the current
        transaction)."""
        current = self.current_tor()
        if current is None:
            values = {"tor_version": "", "tor_signed_off": None, "tor_review_due": None}
        else:
            values = {"tor_version": current.version, "tor_signed_off": iso(current.signed_off_on),
                      "tor_review_due": iso(current.review_due)}
        _set_subcommittee(self.store, values, "Terms of Reference in force: "
                          + (f"version {current.version}" + (f", signed off {day(current.signed_off_on)}"
                                                             if current.signed_off_on else "")
                             + (f", review due {day(current.review_due)}" if current.review_due else "")
                             if current else "none recorded"))

    def apply_tor_settings(self, old_version: str, old_signed: dt.date | None, old_review: dt.date | None,
                           version: str, signed: dt.date | None, review: dt.date | None, *,
                           today: dt.date | None = None) -> None:
        """A change to the subcommittee's ToR settings, made on the documents (called by
        ``Store.update_subcommittee`` in its transaction): a new version recorded (its review date the interval
        after its sign-off unless a review date was chosen too), going back to the version before withdraws the
        later one (an undo), a changed date corrects the version in force."""
        today = today or dt.date.today()
        version = one_line(version)
        version_changed = version != one_line(old_version)
        review_changed = review != old_review
        if not (version_changed or signed != old_signed or review_changed):
            return
        if version_changed and not version:
            raise ValidationError("tor_version", "The Terms of Reference's version cannot be cleared: record a new "
                                                 "version, or withdraw one recorded in error (Governance, Documents & "
                                                 "reviews).")
        current = self.current_tor()
        if version_changed:
            earlier = self.get(current.supersedes_id) if current is not None and current.supersedes_id else None
            if earlier is not None and earlier.withdrawn_on is None and earlier.version.casefold() == version.casefold():
                self.withdraw(current.id, today, f"Recorded in error: the settings went back to version "
                                                 f"{earlier.version}", today=today)
                current = self.get(earlier.id)
            else:
                if signed is None:
                    raise ValidationError("tor_signed_off", f"Give the date version {version} was signed off: a new "
                                                            "version is recorded with its sign-off (a draft under "
                                                            "review is recorded on the Governance page).")
                self.record_tor_version(version, signed, review if review_changed else AUTO, today=today)
                return
        if current is None:
            self.record_tor_version(version, signed, review if review_changed else AUTO, today=today)
            return
        due = review if review_changed else current.review_due
        if signed != current.signed_off_on and not review_changed:
            due = add_months(signed, self.review_interval()) if signed is not None else None
        if (signed, due) != (current.signed_off_on, current.review_due):
            self.update(dataclasses.replace(current, signed_off_on=signed, review_due=due), action="corrected",
                        summary=f"Terms of Reference version {current.version}: dates corrected in the settings",
                        today=today)
        else:
            self.sync_tor()


class OfficeReviewRepo(RecordRepo[OfficeReview]):
    """Reviews of the chair's and co-chair's roles (ToR 2)."""

    table = "office_review"
    entity = "office_review"
    kind = "chairing review"
    labels = OFFICE_REVIEW_LABELS
    list_hint = "List them with 'mqp documents chair-reviews'."

    def values(self, record: OfficeReview) -> dict[str, Any]:
        return office_review_values(record)

    def from_row(self, row: Mapping[str, Any]) -> OfficeReview:
        return OfficeReview(
            id=row["id"], office=Office(row["office"]), member_id=row["member_id"], reviewed_on=d(row["reviewed_on"]),
            meeting_id=row["meeting_id"], outcome=OfficeOutcome(row["outcome"]), note=row["note"],
            next_review_due=d(row["next_review_due"]), due_before=d(row["due_before"]), removed=bool(row["removed"]),
            row_version=row["row_version"])

    def name(self, record: OfficeReview) -> str:
        return f"the {record.office.value}'s review of {day(record.reviewed_on)}"

    def all(self, office: Office | str | None = None, *, include_removed: bool = True) -> list[OfficeReview]:
        """Reviews, latest first."""
        where, args = [], []
        if office is not None:
            where.append("office = ?")
            args.append(parse_office(office).value)
        if not include_removed:
            where.append("removed = 0")
        return self.rows(" AND ".join(where), args, order="reviewed_on DESC, id DESC")

    def latest(self, office: Office | str) -> OfficeReview | None:
        found = self.all(office, include_removed=False)
        return found[0] if found else None

    def _due_now(self, office: Office) -> dt.date | None:
        row = self.db.execute(f"SELECT {_OFFICE_COLUMN[office]} FROM subcommittee ORDER BY id LIMIT 1").fetchone()
        return d(row[0]) if row else None

    def _set_due(self, office: Office, due: dt.date | None, why: str) -> None:
        _set_subcommittee(self.store, {_OFFICE_COLUMN[office]: iso(due)},
                          f"The {office.value}'s review due {day(due) if due else '(none)'}: {why}")

    def record(self, review: OfficeReview, *, today: dt.date | None = None) -> OfficeReview:
        """Record a review of the chair or co-chair; the office's review date moves to its next review (the
        interval after it unless given), when it is the latest review of that office."""
        today = today or dt.date.today()
        months = int(self.store.agendas.setting(cfg.REVIEW_INTERVAL_MONTHS))
        with self.store.write():
            r = validate_office_review(dataclasses.replace(review, id=None, removed=False), today, months)
            if r.member_id is None:
                row = self.db.execute(f"SELECT {_OFFICE_HOLDER[r.office]} FROM subcommittee ORDER BY id LIMIT 1"
                                      ).fetchone()
                r.member_id = row[0] if row else None
            self.check_member(r.member_id)
            self.check_meeting(r.meeting_id)
            held = self.meeting_date(r.meeting_id)
            if held is not None and held != r.reviewed_on:
                raise ValidationError("reviewed_on", f"The meeting chosen was on {day(held)}: give that date, or "
                                                     "choose no meeting.")
            latest = self.latest(r.office)
            r.due_before = self._due_now(r.office)
            added = self.insert(r, f"{r.office.label}'s review recorded: {r.outcome.value}",
                                extra={"due_before": iso(r.due_before)})
            if latest is None or (r.reviewed_on, added.id) >= (latest.reviewed_on, latest.id):
                self._set_due(r.office, r.next_review_due, f"reviewed {day(r.reviewed_on)}")
        return self.get(added.id)

    def set_removed(self, review_id: int, removed: bool) -> OfficeReview:
        """Mark a review recorded in error as removed (an undo), or put it back (a redo): the office's review date
        goes back to the one it replaced (or moves on again) when it is the latest review."""
        with self.store.write():
            r = self.get(review_id)
            if r.removed == removed:
                return r
            latest = self.latest(r.office)
            saved = self.save(dataclasses.replace(r, removed=removed),
                              action="removed" if removed else "restored",
                              summary=f"The {r.office.value}'s review of {day(r.reviewed_on)} "
                                      + ("removed (recorded in error)" if removed else "restored"))
            if removed and latest is not None and latest.id == r.id and self._due_now(r.office) == r.next_review_due:
                self._set_due(r.office, r.due_before, "a review removed")
            elif not removed:
                now_latest = self.latest(r.office)
                if now_latest is not None and now_latest.id == r.id:
                    self._set_due(r.office, r.next_review_due, f"reviewed {day(r.reviewed_on)}")
        return saved


__all__ = ["AUTO", "DOCUMENT_FIELDS", "DOCUMENT_LABELS", "DocumentRepo", "OfficeReviewRepo", "document_values",
           "office_review_values"]

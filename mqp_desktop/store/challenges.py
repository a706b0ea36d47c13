"""The challenge log in the database (ToR 6.3): ``store.challenges``.

Use it through the open store::

    ch = store.challenges
    c = ch.add(Challenge(question="What lies behind the rise in re-referrals?", agency_id=2,
                         subject_kind=SubjectKind.INDICATOR, subject_text="Re-referrals within 12 months",
                         meeting_id=7, raised_on=date(2026, 3, 10)))          # given CH-2026-001, due in 4 weeks
    ch.respond(c.id, "The front door audit found ...", date(2026, 4, 2))
    ch.review(c.id, Verdict.FURTHER_INFORMATION, "The audit's sample size", new_due=date(2026, 5, 1))
    ch.list(which="overdue", today=date.today())

Every method returns the domain's records (:mod:`mqp_desktop.domain.challenges`), validates
through the domain (bad input raises ``ValidationError`` and changes nothing), writes in one
transaction and records each change in the change history (entities ``challenge`` and
``challenge_response``). Nothing is deleted: a challenge is closed or withdrawn; a response
recorded in error is marked removed. Edits carry the ``row_version`` they read; one saved
since by someone else is refused with :class:`~mqp_desktop.store.errors.EditConflict`.

The subject may point at an indicator, a multi-agency audit or an inspection by id. Those
tables belong to other parts of the program and may not exist in a given database: when one
does, :meth:`ChallengeRepo.subject_choices` offers its rows and an id is checked against it;
when it does not, the subject is described in words only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from mqp_desktop.domain.challenges import (
    Challenge,
    ChallengeResponse,
    ChallengeStatus,
    SubjectKind,
    Verdict,
    default_due,
    filter_challenges,
    format_reference,
    next_reference,
    parse_reference,
    reference_sort_key,
    validate_challenge,
    validate_response,
    validate_review,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.references import find_by_reference
from mqp_desktop.store.store import Store, changes

CHALLENGE_FIELDS = (
    "question", "subject_kind", "subject_id", "subject_text", "meeting_id", "item_id", "raised_on", "agency_id",
    "to_member_id", "to_name", "to_email", "due_date", "closed_on", "closed_note", "withdrawn_on",
    "withdrawn_reason",
)
CHALLENGE_LABELS = {
    "question": "question", "subject_kind": "kind of subject", "subject_id": "subject (record)",
    "subject_text": "subject", "meeting_id": "raised at", "item_id": "agenda item", "raised_on": "raised on",
    "agency_id": "agency", "to_member_id": "to (member)", "to_name": "to (contact)", "to_email": "contact's email",
    "due_date": "response due", "closed_on": "closed on", "closed_note": "closing note",
    "withdrawn_on": "withdrawn on", "withdrawn_reason": "reason withdrawn",
}
RESPONSE_FIELDS = ("received_on", "text", "verdict", "verdict_reason", "reviewed_on", "reviewed_at_meeting_id",
                   "removed")
RESPONSE_LABELS = {
    "received_on": "received on", "text": "response", "verdict": "verdict", "verdict_reason": "reason",
    "reviewed_on": "reviewed on", "reviewed_at_meeting_id": "reviewed at", "removed": "removed",
}
_RESPONSE_COLUMNS = {"text": "response"}  # dataclass field -> column, where they differ

# The tables another part of the program keeps the subjects in (they may not exist yet).
SUBJECT_TABLES = {
    SubjectKind.INDICATOR: "indicator",
    SubjectKind.AUDIT: "audit",  # migration 0012 (store/quality.py)
    SubjectKind.INSPECTION: "inspection",
}
# Columns that make a readable label, in order of preference, when the table has them.
_LABEL_COLUMNS = {
    SubjectKind.INDICATOR: (("code", "title"), ("title",), ("name",)),
    SubjectKind.AUDIT: (("title",), ("name",), ("theme",)),
    SubjectKind.INSPECTION: (("title",), ("name",), ("inspectorate", "inspection_type"), ("inspectorate", "kind"),
                             ("inspectorate", "type"), ("inspectorate",)),
}
_RETIRED_COLUMNS = ("retired_on", "retired", "withdrawn_on", "closed_on")


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def challenge_values(c: Challenge) -> dict[str, Any]:
    """The stored values of a challenge's own fields (plain: dates as ISO text)."""
    return {
        "question": c.question,
        "subject_kind": SubjectKind(c.subject_kind).value,
        "subject_id": c.subject_id,
        "subject_text": c.subject_text,
        "meeting_id": c.meeting_id,
        "item_id": c.item_id,
        "raised_on": _iso(c.raised_on),
        "agency_id": c.agency_id,
        "to_member_id": c.to_member_id,
        "to_name": c.to_name or "",
        "to_email": c.to_email or "",
        "due_date": _iso(c.due_date),
        "closed_on": _iso(c.closed_on),
        "closed_note": c.closed_note or "",
        "withdrawn_on": _iso(c.withdrawn_on),
        "withdrawn_reason": c.withdrawn_reason or "",
    }


def response_values(r: ChallengeResponse) -> dict[str, Any]:
    return {
        "received_on": _iso(r.received_on),
        "text": r.text,
        "verdict": Verdict(r.verdict).value if r.verdict is not None else None,
        "verdict_reason": r.verdict_reason or "",
        "reviewed_on": _iso(r.reviewed_on),
        "reviewed_at_meeting_id": r.reviewed_at_meeting_id,
        "removed": int(r.removed),
    }


def _columns(values: Mapping[str, Any]) -> dict[str, Any]:
    return {_RESPONSE_COLUMNS.get(k, k): v for k, v in values.items()}


def _response(row: Mapping[str, Any]) -> ChallengeResponse:
    return ChallengeResponse(
        id=row["id"], challenge_id=row["challenge_id"], received_on=_d(row["received_on"]), text=row["response"],
        verdict=Verdict(row["verdict"]) if row["verdict"] else None, verdict_reason=row["verdict_reason"],
        reviewed_on=_d(row["reviewed_on"]), reviewed_at_meeting_id=row["reviewed_at_meeting_id"],
        removed=bool(row["removed"]), row_version=row["row_version"],
    )


def _challenge(row: Mapping[str, Any], responses: Iterable[ChallengeResponse] = ()) -> Challenge:
    return Challenge(
        id=row["id"], reference=row["reference"], question=row["question"],
        subject_kind=SubjectKind(row["subject_kind"]), subject_id=row["subject_id"], subject_text=row["subject_text"],
        meeting_id=row["meeting_id"], item_id=row["item_id"], raised_on=_d(row["raised_on"]),
        agency_id=row["agency_id"], to_member_id=row["to_member_id"], to_name=row["to_name"],
        to_email=row["to_email"], due_date=_d(row["due_date"]), closed_on=_d(row["closed_on"]),
        closed_note=row["closed_note"], withdrawn_on=_d(row["withdrawn_on"]),
        withdrawn_reason=row["withdrawn_reason"],
        responses=tuple(sorted(responses, key=lambda r: (r.received_on, r.id or 0))),
        row_version=row["row_version"],
    )


class ChallengeRepo:
    """The challenge log of one open :class:`Store`."""

    def __init__(self, store: Store):
        self.store = store

    @property
    def db(self):
        return self.store.db

    # --- reading -------------------------------------------------------------------------------
    def _responses(self, challenge_ids: Iterable[int] | None = None) -> dict[int, list[ChallengeResponse]]:
        if challenge_ids is None:
            rows = self.db.query("SELECT * FROM challenge_response ORDER BY received_on, id")
        else:
            ids = list(challenge_ids)
            if not ids:
                return {}
            rows = self.db.query(
                f"SELECT * FROM challenge_response WHERE challenge_id IN ({', '.join('?' * len(ids))})"
                " ORDER BY received_on, id", ids)
        out: dict[int, list[ChallengeResponse]] = {}
        for row in rows:
            out.setdefault(row["challenge_id"], []).append(_response(row))
        return out

    def all(self) -> list[Challenge]:
        """Every challenge, withdrawn ones too, by reference (year, then number)."""
        rows = list(self.db.query("SELECT * FROM challenge"))
        responses = self._responses()
        out = [_challenge(r, responses.get(r["id"], ())) for r in rows]
        out.sort(key=lambda c: reference_sort_key(c.reference))
        return out

    def list(
        self,
        which: str = "all",
        today: dt.date | None = None,
        *,
        agency_id: int | None = None,
        meeting_id: int | None = None,
        subject_kind: SubjectKind | None = None,
    ) -> list[Challenge]:
        """Challenges matching a filter of :data:`~mqp_desktop.domain.challenges.FILTERS` on ``today``."""
        return filter_challenges(self.all(), which, today or dt.date.today(), agency_id=agency_id,
                                 meeting_id=meeting_id, subject_kind=subject_kind)

    def get(self, challenge_id: int) -> Challenge:
        rows = list(self.db.query("SELECT * FROM challenge WHERE id = ?", [challenge_id]))
        if not rows:
            raise RecordNotFound(f"There is no challenge with id {challenge_id}.",
                                 "List them with 'mqp challenges list --all'.")
        return _challenge(rows[0], self._responses([challenge_id]).get(challenge_id, ()))

    def find(self, text: str) -> Challenge:
        """A challenge by reference ('CH-2026-007', 'ch-2026-7') or id."""
        return find_by_reference(self.db, "challenge", text, get=self.get, parse=parse_reference,
                                 format_=format_reference, what="challenge", list_command="mqp challenges list --all")

    def response(self, response_id: int) -> ChallengeResponse:
        rows = list(self.db.query("SELECT * FROM challenge_response WHERE id = ?", [response_id]))
        if not rows:
            raise RecordNotFound(f"There is no challenge response with id {response_id}.",
                                 "See 'mqp challenges show REFERENCE'.")
        return _response(rows[0])

    def raised_at(self, meeting_id: int) -> list[Challenge]:
        """The challenges raised at a meeting (withdrawn ones left out), by reference."""
        return [c for c in self.list(meeting_id=meeting_id) if c.withdrawn_on is None]

    # --- words ---------------------------------------------------------------------------------
    def contact(self, challenge: Challenge) -> tuple[str, str]:
        """(name, email) of whom the challenge is put to: the member (from the register) or the named contact."""
        if challenge.to_member_id is not None:
            m = self.store.member(challenge.to_member_id)
            return m.display_name, m.email
        return challenge.to_name, challenge.to_email

    def to_text(self, challenge: Challenge, agencies: Mapping[int, str] | None = None,
                members: Mapping[int, str] | None = None) -> str:
        """'SWL ICB — Joanne Price' (the agency, and the contact when there is one)."""
        agency = (agencies or {}).get(challenge.agency_id) if agencies else None
        if agency is None:
            agency = self.store.agency(challenge.agency_id).label
        if challenge.to_member_id is not None:
            who = (members or {}).get(challenge.to_member_id) if members else None
            if who is None:
                who = self.store.member(challenge.to_member_id).display_name
        else:
            who = challenge.to_name
        return f"{agency} — {who}" if who else agency

    def raised_at_text(self, challenge: Challenge, *, long: bool = False) -> str:
        """'the meeting of 10 March 2026 (item 5, Multi-agency dataset)', or '' when not raised at a meeting."""
        if challenge.meeting_id is None:
            return ""
        meeting = self.store.meetings.get(challenge.meeting_id)
        when = _long(meeting.date) if long else _day(meeting.date)
        kind = "extraordinary meeting" if meeting.title.startswith("Extraordinary") else "meeting"
        text = f"the {kind} of {when}"
        if challenge.item_id is not None:
            try:
                item = self.store.agendas.item(challenge.item_id)
                number = self.store.agendas.numbers(challenge.meeting_id).get(item.id, "")
                text += f" (item {number}, {item.title})" if number else f" ({item.title})"
            except RecordNotFound:
                pass
        return text

    # --- the subjects other areas keep ----------------------------------------------------------
    def _table_columns(self, table: str) -> list[str]:
        return [r[1] for r in self.db.execute(f"PRAGMA table_info({table})").fetchall()]

    def subject_table_exists(self, kind: SubjectKind | str) -> bool:
        table = SUBJECT_TABLES.get(SubjectKind(kind))
        return table is not None and bool(self._table_columns(table))

    def _label(self, kind: SubjectKind, row: Mapping[str, Any], columns: list[str]) -> str:
        for group in _LABEL_COLUMNS[kind]:
            if all(c in columns for c in group):
                parts = [str(row[c]).strip() for c in group if row[c] not in (None, "")]
                if parts:
                    label = " ".join(" ".join(parts).split())
                    break
        else:
            label = f"{kind.label} {row['id']}"
        if any(c in columns and row[c] not in (None, "", 0) for c in _RETIRED_COLUMNS):
            label += " (retired)"
        return label

    def subject_choices(self, kind: SubjectKind | str) -> list[tuple[int, str]]:
        """(id, label) of the records a challenge of this kind can point to: empty when their table does not
        exist in this database (or for 'other')."""
        kind = SubjectKind(kind)
        table = SUBJECT_TABLES.get(kind)
        if table is None:
            return []
        columns = self._table_columns(table)
        if "id" not in columns:
            return []
        rows = self.db.query(f"SELECT * FROM {table} ORDER BY id")
        out = [(r["id"], self._label(kind, r, columns)) for r in rows]
        return sorted(out, key=lambda pair: pair[1].casefold())

    def subject_label(self, kind: SubjectKind | str, subject_id: int) -> str:
        """The readable label of one subject record (refused when it, or its table, does not exist)."""
        kind = SubjectKind(kind)
        table = SUBJECT_TABLES.get(kind)
        if table is None:
            raise ValidationError("subject", "A subject given in words points to no record.")
        columns = self._table_columns(table)
        if not columns:
            raise ValidationError(
                "subject", f"This database holds no {kind.label.lower()} records yet, so there is none with id "
                           f"{subject_id}: describe the subject in words instead.")
        rows = list(self.db.query(f"SELECT * FROM {table} WHERE id = ?", [subject_id]))
        if not rows:
            raise ValidationError("subject", f"There is no {kind.label.lower()} with id {subject_id}: choose one "
                                             "from the list, or describe the subject in words.")
        return self._label(kind, rows[0], columns)

    # --- checking against the rest of the database ------------------------------------------------
    def _check(self, c: Challenge) -> Challenge:
        if c.subject_id is not None and not (c.subject_text or "").strip() and c.subject_kind != SubjectKind.OTHER:
            c.subject_text = self.subject_label(c.subject_kind, c.subject_id)
        c = validate_challenge(c)
        if c.subject_id is not None:
            self.subject_label(c.subject_kind, c.subject_id)
        if self.db.execute("SELECT 1 FROM agency WHERE id = ?", [c.agency_id]).fetchone() is None:
            raise ValidationError("agency", f"There is no agency with id {c.agency_id}: choose one from the list.")
        if c.to_member_id is not None:
            row = self.db.execute("SELECT agency_id FROM member WHERE id = ?", [c.to_member_id]).fetchone()
            if row is None:
                raise ValidationError("to", f"There is no member with id {c.to_member_id}: choose one from the list.")
            if row[0] != c.agency_id:
                member = self.store.member(c.to_member_id)
                raise ValidationError(
                    "to", f"{member.display_name} represents {self.store.agency(row[0]).label}, not "
                          f"{self.store.agency(c.agency_id).label}: choose someone from that agency, or the agency "
                          "the question is for.")
        if c.meeting_id is not None:
            self.store.meetings.get(c.meeting_id)
        if c.item_id is not None:
            row = self.db.execute("SELECT meeting_id, title FROM agenda_item WHERE id = ?", [c.item_id]).fetchone()
            if row is None or row[0] != c.meeting_id:
                raise ValidationError("item", "That agenda item is not on the meeting the challenge was raised at: "
                                              "choose one of that meeting's items.")
        return c

    def _words(self, name: str, value: Any) -> str:
        if name in ("meeting_id", "reviewed_at_meeting_id") and isinstance(value, int):
            try:
                return self.store.meetings.get(value).title
            except RecordNotFound:
                return f"meeting {value}"
        if name == "item_id" and isinstance(value, int):
            row = self.db.execute("SELECT title FROM agenda_item WHERE id = ?", [value]).fetchone()
            return row[0] if row else f"item {value}"
        return self.store._words(name, value)

    # --- writing -------------------------------------------------------------------------------
    def add(self, challenge: Challenge) -> Challenge:
        """A new challenge; it is given the next reference of the year it was raised (CH-2026-007).

        Raised on: the meeting's date when it was raised at one, else today, unless given. Due: four
        weeks after it was raised unless given."""
        c = dataclasses.replace(challenge, id=None, reference="", responses=(), closed_on=None, closed_note="",
                                withdrawn_on=None, withdrawn_reason="")
        if c.raised_on is None:
            c.raised_on = self.store.meetings.get(c.meeting_id).date if c.meeting_id is not None else dt.date.today()
        if c.due_date is None:
            c.due_date = default_due(c.raised_on)
        with self.store.write():
            c = self._check(c)
            values = challenge_values(c)
            existing = [r[0] for r in self.db.execute("SELECT reference FROM challenge")]
            c.reference = next_reference(c.raised_on, existing)
            c.id = self.store.insert("challenge", {"reference": c.reference, **values, "created_at": _now()})
            self.store.record("challenge", c.id, "added", f"Challenge {c.reference} raised with "
                              f"{self.store.agency(c.agency_id).label}: {c.subject_text}",
                              {"reference": [None, c.reference],
                               **{k: [None, v] for k, v in values.items() if v not in (None, "")}})
        c.row_version = 1
        return c

    def _conflict(self, old: Challenge, read: int, yours: Challenge):
        return self.store.edit_conflict(
            f"challenge {old.reference}", entity="challenge", entity_id=old.id, read_version=read,
            stored_version=old.row_version, yours=challenge_values(yours), stored=challenge_values(old),
            labels=CHALLENGE_LABELS, yours_record=yours, stored_record=old, words=self._words,
        )

    def update(self, challenge: Challenge, *, action: str = "edited", summary: str = "") -> Challenge:
        """Save a challenge's fields as edited (not its reference or responses). ``challenge.row_version`` is the
        version it was read at: a challenge saved since by someone else is refused with ``EditConflict``."""
        if challenge.id is None:
            raise ValueError("update needs a saved challenge")
        read = self.store.require_version(challenge, "update challenge")
        with self.store.write():
            old = self.get(challenge.id)
            c = self._check(dataclasses.replace(challenge, reference=old.reference, responses=old.responses))
            before, after = challenge_values(old), challenge_values(c)
            diff = changes(before, after)
            if read != old.row_version:
                raise self._conflict(old, read, c)
            if not diff:
                return dataclasses.replace(c, row_version=old.row_version)
            version = self.store.update("challenge", c.id, diff, version=read)
            self.store.record("challenge", c.id, action, summary or f"Challenge {c.reference} {action}", diff)
        return dataclasses.replace(c, row_version=version)

    def _current(self, challenge_id: int, seen: Challenge | None) -> Challenge:
        """The challenge as stored now; with ``seen``, refused (EditConflict) if saved since it was seen."""
        old = self.get(challenge_id)
        if seen is not None and seen.row_version is not None and seen.row_version != old.row_version:
            raise self._conflict(old, seen.row_version, seen)
        return old

    @staticmethod
    def _require_live(c: Challenge, doing: str) -> None:
        if c.withdrawn_on is not None:
            raise ValidationError("status", f"{c.reference} was withdrawn on {_day(c.withdrawn_on)}: it cannot be "
                                            f"{doing}.")
        if c.closed_on is not None:
            raise ValidationError("status", f"{c.reference} was closed on {_day(c.closed_on)}: it cannot be "
                                            f"{doing}.")

    def close(self, challenge_id: int, on: dt.date, note: str, *, seen: Challenge | None = None) -> Challenge:
        """Close a challenge without accepting a response (e.g. escalated to the Executive, superseded): the
        note says why. (Accepting a response closes it too: :meth:`review`.)"""
        with self.store.write():
            c = self._current(challenge_id, seen)
            self._require_live(c, "closed again")
            if not " ".join((note or "").split()):
                raise ValidationError("closed_note", "Say why the challenge is closed (e.g. 'escalated to the "
                                                     "Executive', 'superseded by CH-2026-009').")
            if on > dt.date.today():
                raise ValidationError("closed_on", f"{_day(on)} is in the future: give the date it was closed.")
            c.closed_on, c.closed_note = on, note
            return self.update(c, action="closed", summary=f"Challenge {c.reference} closed: {' '.join(note.split())}")

    def withdraw(self, challenge_id: int, on: dt.date, reason: str, *, seen: Challenge | None = None) -> Challenge:
        """Withdraw a challenge (raised in error, or no longer needed): kept in the log with the reason."""
        with self.store.write():
            c = self._current(challenge_id, seen)
            if c.withdrawn_on is not None:
                raise ValidationError("status", f"{c.reference} was already withdrawn on {_day(c.withdrawn_on)}.")
            if c.closed_on is not None:
                raise ValidationError("status", f"{c.reference} was closed on {_day(c.closed_on)}: a closed "
                                                "challenge is not withdrawn.")
            c.withdrawn_on, c.withdrawn_reason = on, reason
            return self.update(c, action="withdrawn",
                               summary=f"Challenge {c.reference} withdrawn: {' '.join((reason or '').split())}")

    # --- responses --------------------------------------------------------------------------------
    def respond(self, challenge_id: int, text: str, received_on: dt.date, *, today: dt.date | None = None,
                seen: Challenge | None = None) -> ChallengeResponse:
        """Record the agency's response. Refused when the challenge is closed or withdrawn, or when an earlier
        response is still waiting for review (edit that one instead: :meth:`update_response`)."""
        today = today or dt.date.today()
        with self.store.write():
            c = self._current(challenge_id, seen)
            self._require_live(c, "answered")
            latest = c.latest_response
            if latest is not None and latest.verdict is None:
                raise ValidationError(
                    "response", f"{c.reference} already has a response waiting for review (received "
                                f"{_day(latest.received_on)}): review it first, or amend it with what came in since.")
            r = validate_response(ChallengeResponse(challenge_id=c.id, received_on=received_on, text=text), c, today)
            values = response_values(r)
            r.id = self.store.insert("challenge_response", {"challenge_id": c.id, **_columns(values),
                                                            "created_at": _now()})
            self.store.record("challenge_response", r.id, "added",
                              f"Challenge {c.reference}: response received {_day(r.received_on)}",
                              {"challenge": [None, c.reference],
                               **{k: [None, v] for k, v in values.items() if v not in (None, "", 0)}})
        r.row_version = 1
        return r

    def _save_response(self, response: ChallengeResponse, *, action: str, summary: str) -> ChallengeResponse:
        read = self.store.require_version(response, "save response")
        old = self.response(response.id)
        before, after = response_values(old), response_values(response)
        diff = changes(before, after)
        if read != old.row_version:
            c = self.get(old.challenge_id)
            raise self.store.edit_conflict(
                f"the response to {c.reference} received {_day(old.received_on)}", entity="challenge_response",
                entity_id=old.id, read_version=read, stored_version=old.row_version, yours=after, stored=before,
                labels=RESPONSE_LABELS, yours_record=response, stored_record=old, words=self._words,
            )
        if not diff:
            return dataclasses.replace(response, row_version=old.row_version)
        version = self.store.update("challenge_response", response.id, _columns_diff(diff), version=read)
        self.store.record("challenge_response", response.id, action, summary, diff)
        return dataclasses.replace(response, row_version=version)

    def update_response(self, response: ChallengeResponse, *, today: dt.date | None = None) -> ChallengeResponse:
        """Amend a response's text or date (e.g. a follow-up email before the review). ``row_version`` as read."""
        today = today or dt.date.today()
        if response.id is None:
            raise ValueError("update_response needs a saved response")
        with self.store.write():
            old = self.response(response.id)
            c = self.get(old.challenge_id)
            if old.removed:
                raise ValidationError("response", "That response was removed: it cannot be amended.")
            r = validate_response(dataclasses.replace(
                old, text=response.text, received_on=response.received_on, row_version=response.row_version), c, today)
            if old.verdict is not None and r.reviewed_on is not None and r.received_on > r.reviewed_on:
                raise ValidationError("received_on", f"It was reviewed on {_day(r.reviewed_on)}: it cannot have been "
                                                     "received after that.")
            return self._save_response(r, action="amended", summary=f"Challenge {c.reference}: response amended")

    def review(
        self,
        challenge_id: int,
        verdict: Verdict | str,
        reason: str = "",
        on: dt.date | None = None,
        *,
        at_meeting_id: int | None = None,
        new_due: dt.date | None = None,
        today: dt.date | None = None,
        seen: Challenge | None = None,
    ) -> Challenge:
        """The subcommittee's view of the response waiting for review: *accepted* closes the challenge on
        ``on``; *not accepted* (with the reason) and *further information* (saying what) set ``new_due`` and
        the challenge waits for the agency again. One transaction; returns the challenge as saved."""
        today = today or dt.date.today()
        with self.store.write():
            c = self._current(challenge_id, seen)
            self._require_live(c, "reviewed")
            latest = c.latest_response
            if latest is None or latest.verdict is not None:
                raise ValidationError("response", f"{c.reference} has no response waiting for review: record the "
                                                  "agency's response first.")
            on = on or (self.store.meetings.get(at_meeting_id).date if at_meeting_id is not None else today)
            verdict, reason, due = validate_review(latest, verdict, reason, on, today, new_due)
            if at_meeting_id is not None:
                self.store.meetings.get(at_meeting_id)
            reviewed = dataclasses.replace(latest, verdict=verdict, verdict_reason=reason, reviewed_on=on,
                                           reviewed_at_meeting_id=at_meeting_id)
            words = verdict.label.lower() + (f": {' '.join(reason.split())}" if reason else "")
            self._save_response(reviewed, action="reviewed", summary=f"Challenge {c.reference}: response {words}")
            c = self.get(c.id)
            if verdict is Verdict.ACCEPTED:
                c.closed_on, c.closed_note = on, ""
                return self.update(c, action="closed", summary=f"Challenge {c.reference} closed: response accepted")
            c.due_date = due
            return self.update(c, action="due again",
                               summary=f"Challenge {c.reference}: the agency to answer again by {_day(due)}")

    def remove_response(self, response_id: int, *, seen: ChallengeResponse | None = None) -> ChallengeResponse:
        """Mark a response recorded in error as removed (an undo): kept, no longer counted."""
        with self.store.write():
            old = self.response(response_id)
            if seen is not None:
                old = dataclasses.replace(old, row_version=seen.row_version)
            c = self.get(old.challenge_id)
            if old.removed:
                return old
            return self._save_response(dataclasses.replace(old, removed=True), action="removed",
                                       summary=f"Challenge {c.reference}: response of {_day(old.received_on)} "
                                               "removed (recorded in error)")

    def restore_response(self, response_id: int, source: ChallengeResponse, expect: ChallengeResponse,
                         fields: Iterable[str], *, action: str = "reverted") -> ChallengeResponse:
        """Put some of a response's fields back to ``source``'s values (an undo or redo), refused when one of
        them no longer holds ``expect``'s value."""
        def save(r: ChallengeResponse) -> ChallengeResponse:
            c = self.get(r.challenge_id)
            return self._save_response(r, action=action, summary=f"Challenge {c.reference}: response {action}")

        return self.store.restore_fields(
            "the response", entity="challenge_response", read=lambda: self.response(response_id), save=save,
            source=source, expect=expect, fields=list(fields), labels=RESPONSE_LABELS,
        )

    def restore(self, challenge_id: int, source: Challenge, expect: Challenge, fields: Iterable[str], *,
                action: str = "reverted") -> Challenge:
        """Put some of a challenge's fields back to ``source``'s values (an undo or redo), on the challenge as
        stored now; refused when one of them no longer holds ``expect``'s value (changed by someone since)."""
        return self.store.restore_fields(
            lambda c: f"challenge {c.reference}", entity="challenge", read=lambda: self.get(challenge_id),
            save=lambda c: self.update(c, action=action), source=source, expect=expect, fields=list(fields),
            labels=CHALLENGE_LABELS,
        )

    # --- what is due --------------------------------------------------------------------------------
    def overdue(self, today: dt.date | None = None) -> list[Challenge]:
        """Challenges waiting for the agency past their due date, most overdue first."""
        today = today or dt.date.today()
        found = [c for c in self.all() if c.status(today) is ChallengeStatus.OVERDUE]
        return sorted(found, key=lambda c: (c.due_date, reference_sort_key(c.reference)))


def _columns_diff(diff: Mapping[str, list[Any]]) -> dict[str, list[Any]]:
    return {_RESPONSE_COLUMNS.get(k, k): v for k, v in diff.items()}


__all__ = ["CHALLENGE_FIELDS", "CHALLENGE_LABELS", "RESPONSE_FIELDS", "SUBJECT_TABLES", "ChallengeRepo",
           "challenge_values", "response_values"]

"""The records a change points to, in words, for the change history (issue 14).

A change records ids ("approved at meeting id: — → 6", "item id: 59"); the history shows the meeting's
date, the agenda item's number and title, the member's or agency's name instead. Every ``*_id`` (and
``agency_ids``) field the program records has a reader here; the words are read when the history is
shown and kept for the session. A record that is gone or unknown keeps its number ("meeting #6").
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

MEETING_KEYS = {"meeting_id", "at_meeting_id", "approved_at_meeting_id", "reported_meeting_id",
                "reviewed_at_meeting_id", "ratified_at_meeting_id"}
MEMBER_KEYS = {"member_id", "owner_member_id", "presenter_member_id", "to_member_id", "lead_member_id",
               "substitute_member_id", "raised_by_member_id", "chair_member_id", "co_chair_member_id"}
AGENCY_KEYS = {"agency_id", "owner_agency_id", "lead_agency_id", "raised_by_agency_id"}
OTHER_KEYS = {
    "action_id": "action", "audit_id": "audit", "grade_id": "grade", "inspection_id": "inspection",
    "return_id": "s11_return", "round_id": "s11_round", "theme_id": "theme", "indicator_id": "indicator",
    "body_id": "body", "document_id": "document", "answer_document_id": "document",
    "pdf_document_id": "document", "supersedes_id": "governance_document", "minutes_revision_id": "revision",
    "revision_id": "revision", "case_review_id": "case_review", "challenge_id": "challenge",
    "framework_id": "framework", "pack_id": "pack", "standard_item_id": "s11_item", "copied_from_id": "agenda_item",
    "value_id": "indicator_value", "chair_key_id": "chair_key", "ratification_id": "ratification",
    "decision_id": "decision",
}
NOUNS = {"meeting": "meeting", "member": "member", "agency": "agency", "agenda_item": "item", "s11_item": "standard"}


def field_label(key: str) -> str:
    """'approved at meeting' for approved_at_meeting_id, 'agencies' for agency_ids (the id is said in words)."""
    if key.endswith("_ids"):
        stem = key[:-4].replace("_", " ")
        return {"agency": "agencies"}.get(stem, stem + "s")
    return key[:-3].replace("_", " ") if key.endswith("_id") else key.replace("_", " ")


def _day(value: Any) -> str:
    try:
        d = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{d.day} {d:%B %Y}"


class HistoryWords:
    """Reads, for the history, what the ids a change records stand for."""

    def __init__(self, store: Store):
        self.store = store
        self._cache: dict[tuple[str, int], str] = {}
        self._numbers: dict[int, dict[int, str]] = {}  # meeting id -> agenda item id -> its number

    def kind(self, key: str, entity: str) -> str | None:
        """What kind of record ``key`` of an ``entity`` change points to (None: not an id)."""
        if key in MEETING_KEYS or (key == "replaces_id" and entity == "meeting"):
            return "meeting"
        if key in MEMBER_KEYS:
            return "member"
        if key in AGENCY_KEYS or key == "agency_ids":
            return "agency"
        if key == "item_id":
            return "s11_item" if entity.startswith("s11_") else "agenda_item"
        if key == "parent_id" and entity == "agenda_item":
            return "agenda_item"
        if key == "subject_id" and entity == "challenge":
            return "challenge_subject"
        return OTHER_KEYS.get(key)

    def words(self, key: str, value: Any, entity: str, changes: dict | None = None) -> str | None:
        """``value`` of ``key`` in words, or None when it is not an id this knows."""
        kind = self.kind(key, entity)
        if kind is None or value is None or value == "":
            return None
        if isinstance(value, str) and value.startswith("["):  # a list kept as JSON text (case reviews' agencies)
            try:
                value = json.loads(value)
            except ValueError:
                return None
        if isinstance(value, list):
            return ", ".join(self.words(key[:-1] if key.endswith("_ids") else key, v, entity) or str(v)
                             for v in value) or "none"
        if kind == "challenge_subject":
            subject = None
            if changes and "subject_kind" in changes:
                pair = changes["subject_kind"]
                subject = pair[-1] if isinstance(pair, list) else pair
            kind = {"indicator": "indicator", "audit": "audit", "inspection": "inspection"}.get(str(subject), "")
            if not kind:
                return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            return None
        cached = self._cache.get((kind, number))
        if cached is None:
            try:
                found = self._read(kind, number)
            except Exception:  # noqa: BLE001 - a table an older database lacks: the number stays
                found = None
            cached = found or f"{NOUNS.get(kind, kind.replace('_', ' '))} #{number}"
            self._cache[(kind, number)] = cached
        return cached

    # --- reading ----------------------------------------------------------------------------------
    def _one(self, sql: str, number: int) -> dict | None:
        rows = list(self.store.db.query(sql, [number]))
        return rows[0] if rows else None

    def _read(self, kind: str, number: int) -> str | None:
        reader: Callable[[int], str | None] | None = getattr(self, f"_{kind}", None)
        return reader(number) if reader else None

    def _meeting(self, number: int) -> str | None:
        r = self._one("SELECT date, kind FROM meeting WHERE id = ?", number)
        if r is None:
            return None
        extra = "extraordinary " if r["kind"] == "extraordinary" else ""
        return f"the {extra}meeting of {_day(r['date'])}"

    def _member(self, number: int) -> str | None:
        r = self._one("SELECT name, role_title FROM member WHERE id = ?", number)
        if r is None:
            return None
        return r["name"] or f"the seat '{r['role_title']}'"

    def _agency(self, number: int) -> str | None:
        r = self._one("SELECT name, short_name FROM agency WHERE id = ?", number)
        return (r["short_name"] or r["name"]) if r else None

    def _agenda_item(self, number: int) -> str | None:
        r = self._one("SELECT meeting_id, title FROM agenda_item WHERE id = ?", number)
        if r is None:
            return None
        meeting_id = r["meeting_id"]
        if meeting_id not in self._numbers:
            try:
                self._numbers[meeting_id] = {ln.item.id: ln.number for ln in self.store.agendas.agenda(meeting_id).lines}
            except Exception:  # noqa: BLE001 - the title alone still says which item
                self._numbers[meeting_id] = {}
        item_number = self._numbers[meeting_id].get(number)
        where = self._meeting(meeting_id)
        head = f"{item_number} " if item_number else ""
        return f"{head}‘{r['title']}’" + (f" ({where})" if where else "")

    def _s11_item(self, number: int) -> str | None:
        r = self._one("SELECT standard, criterion, title FROM s11_round_item WHERE id = ?", number)
        if r is None:
            return None
        code = " ".join(str(p) for p in (r["standard"], r["criterion"]) if p not in (None, ""))
        return f"standard {code} ‘{r['title']}’" if code else f"standard ‘{r['title']}’"

    def _action(self, number: int) -> str | None:
        r = self._one("SELECT number, description FROM action WHERE id = ?", number)
        if r is None:
            return None
        text = " ".join(str(r["description"]).split())
        return f"action {r['number']} ‘{text[:60] + ('…' if len(text) > 60 else '')}’"

    def _audit(self, number: int) -> str | None:
        r = self._one("SELECT title FROM audit WHERE id = ?", number)
        return f"the audit ‘{r['title']}’" if r else None

    def _grade(self, number: int) -> str | None:
        r = self._one("SELECT label FROM audit_grade WHERE id = ?", number)
        return r["label"] if r else None

    def _inspection(self, number: int) -> str | None:
        r = self._one("SELECT i.inspectorate, i.inspectorate_name, i.inspected_from, a.name, a.short_name "
                      "FROM inspection i LEFT JOIN agency a ON a.id = i.agency_id WHERE i.id = ?", number)
        if r is None:
            return None
        who = r["inspectorate_name"] or str(r["inspectorate"] or "").replace("_", " ").upper() or "inspection"
        agency = r["short_name"] or r["name"] or ""
        when = f", {_day(r['inspected_from'])}" if r["inspected_from"] else ""
        return f"the {who} inspection" + (f" of {agency}" if agency else "") + when

    def _s11_return(self, number: int) -> str | None:
        r = self._one("SELECT a.name, a.short_name, r2.name AS round FROM s11_return r "
                      "LEFT JOIN agency a ON a.id = r.agency_id LEFT JOIN s11_round r2 ON r2.id = r.round_id "
                      "WHERE r.id = ?", number)
        if r is None:
            return None
        return f"the return of {r['short_name'] or r['name']}" + (f" ({r['round']})" if r["round"] else "")

    def _s11_round(self, number: int) -> str | None:
        r = self._one("SELECT name FROM s11_round WHERE id = ?", number)
        return f"the round ‘{r['name']}’" if r else None

    def _theme(self, number: int) -> str | None:
        r = self._one("SELECT name FROM indicator_theme WHERE id = ?", number)
        return r["name"] if r else None

    def _indicator(self, number: int) -> str | None:
        r = self._one("SELECT code, title FROM indicator WHERE id = ?", number)
        return f"{r['code']} {r['title']}".strip() if r else None

    def _indicator_value(self, number: int) -> str | None:
        r = self._one("SELECT i.code, v.period FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id "
                      "WHERE v.id = ?", number)
        return f"the value of {r['code']} for {r['period']}" if r else None

    def _body(self, number: int) -> str | None:
        r = self._one("SELECT name, short_name FROM partnership_body WHERE id = ?", number)
        return (r["short_name"] or r["name"]) if r else None

    def _document(self, number: int) -> str | None:
        r = self._one("SELECT file_name FROM document WHERE id = ?", number)
        return f"the file ‘{r['file_name']}’" if r else None

    def _governance_document(self, number: int) -> str | None:
        r = self._one("SELECT title, version FROM governance_document WHERE id = ?", number)
        if r is None:
            return None
        return f"‘{r['title']}’" + (f" version {r['version']}" if r["version"] else "")

    def _revision(self, number: int) -> str | None:
        r = self._one("SELECT meeting_id, revision FROM minutes_revision WHERE id = ?", number)
        if r is None:
            return None
        where = self._meeting(r["meeting_id"]) or f"meeting #{r['meeting_id']}"
        return f"revision {r['revision']} of the minutes of {where.removeprefix('the ')}"

    def _case_review(self, number: int) -> str | None:
        r = self._one("SELECT reference FROM case_review WHERE id = ?", number)
        return f"case review {r['reference']}" if r else None

    def _challenge(self, number: int) -> str | None:
        r = self._one("SELECT reference FROM challenge WHERE id = ?", number)
        return f"challenge {r['reference']}" if r else None

    def _framework(self, number: int) -> str | None:
        r = self._one("SELECT name, version FROM s11_framework WHERE id = ?", number)
        return (f"{r['name']}" + (f" version {r['version']}" if r["version"] else "")) if r else None

    def _pack(self, number: int) -> str | None:
        r = self._one("SELECT meeting_id, built_at FROM pack WHERE id = ?", number)
        if r is None:
            return None
        where = self._meeting(r["meeting_id"]) or "a meeting"
        return f"the pack for {where.removeprefix('the ')} built {_day(r['built_at'])}"

    def _chair_key(self, number: int) -> str | None:
        r = self._one("SELECT name, fingerprint FROM chair_key WHERE id = ?", number)
        return f"the signing key of {r['name']}" if r else None

    def _ratification(self, number: int) -> str | None:
        r = self._one("SELECT meeting_id FROM decision_ratification WHERE id = ?", number)
        if r is None:
            return None
        where = self._meeting(r["meeting_id"]) or "a meeting"
        return f"the ratification at {where.removeprefix('the ')}"

    def _decision(self, number: int) -> str | None:
        r = self._one("SELECT text FROM decision WHERE id = ?", number)
        if r is None:
            return None
        text = " ".join(str(r["text"]).split())
        return f"the decision ‘{text[:60] + ('…' if len(text) > 60 else '')}’"

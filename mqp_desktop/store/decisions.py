"""The decisions register and ratifications (ToR 3), in the database.

Use through ``store.decisions`` (a :class:`DecisionRepo`).

**The index.** Decisions are written in the minutes; table ``decision`` (migration 0015) holds one row per
decision of each meeting's minutes in force, kept in step by :meth:`DecisionRepo.sync`, which
``store.minutes`` calls in the same transaction whenever minutes are saved, signed or corrected. So the
register is one query, not every meeting's minutes read and assembled. A decision taken out of the minutes
is marked removed (its id stays, for a ratification that names it). Draft minutes are assembled live (the
register or the agenda may have changed since they were saved): for those meetings — a handful — the
register puts the live inquoracy and item numbers over the stored ones.

**Ratification.** :meth:`ratify` records decisions taken while not quorate as ratified at a later,
quorate meeting whose minutes are not signed (refused in words otherwise; several at once, all or
nothing); the ratifications print in that meeting's minutes (:meth:`ratified_at`). :meth:`withdraw` takes
back one recorded in error, with a reason (kept, never deleted); :meth:`reinstate` is its undo. Every
change is in the change history (entity ``decision``, the decision's id).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.actions import meeting_key
from mqp_desktop.domain.decisions import (
    DecisionEntry,
    DecisionFilter,
    MeetingForRatification,
    Ratification,
    check_priority,
    check_ratification,
    quarter_range,
    sort_key,
)
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.domain.minutes import RatifiedLine
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

__all__ = ["DecisionRepo", "quarter_range"]


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _the(title: str) -> str:
    return title[:1].lower() + title[1:]


def _ratification(row: Mapping[str, Any]) -> Ratification:
    return Ratification(id=row["id"], decision_id=row["decision_id"], meeting_id=row["meeting_id"],
                        decision_text=row["decision_text"], note=row["note"], created_at=row["created_at"],
                        withdrawn_on=_d(row["withdrawn_on"]), withdrawn_reason=row["withdrawn_reason"],
                        row_version=row["row_version"])


_REGISTER_SQL = """
WITH latest AS (SELECT meeting_id, status, max(revision) FROM minutes_revision GROUP BY meeting_id)
SELECT d.id, d.meeting_id, m.date, d.item_id, d.item_number, d.item_title, d.text, d.taken_while_inquorate,
       coalesce(a.priority, ''), r.id, r.meeting_id, rm.date, latest.status
FROM decision d
JOIN meeting m ON m.id = d.meeting_id
LEFT JOIN latest ON latest.meeting_id = d.meeting_id
LEFT JOIN agenda_item a ON a.id = d.item_id
LEFT JOIN decision_ratification r ON r.decision_id = d.id AND r.withdrawn_on IS NULL
LEFT JOIN meeting rm ON rm.id = r.meeting_id
WHERE d.removed = 0
"""


class DecisionRepo:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # --- keeping the index in step with the minutes ------------------------------------------
    def sync(self, meeting_id: int, content: Mapping[str, Any]) -> None:
        """Bring the meeting's rows of ``decision`` in step with its minutes' content (plain data, as
        saved or signed). Call inside ``store.write()``. A decision keeps its id while its text stays
        under the same item (or, reworded, at the same place under it); one no longer there is marked
        removed; a new one is added."""
        wanted: list[dict[str, Any]] = []
        for item in content.get("items") or []:
            for position, d in enumerate(item.get("decisions") or []):
                text = " ".join(str(d.get("text") or "").split())
                if text:
                    wanted.append({"item_id": item.get("item_id"), "item_number": item.get("number") or "",
                                   "item_title": item.get("title") or "", "position": position, "text": text,
                                   "taken_while_inquorate": int(bool(d.get("taken_while_inquorate")))})
        rows = [dict(r) for r in self.db.query(
            "SELECT id, item_id, item_number, item_title, position, text, taken_while_inquorate FROM decision"
            " WHERE meeting_id = ? AND removed = 0 ORDER BY id", [meeting_id])]
        free = {r["id"]: r for r in rows}
        matched: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
        rest = []
        for w in wanted:  # the same words under the same item
            row = next((r for r in free.values() if r["item_id"] == w["item_id"] and r["text"] == w["text"]), None)
            if row is not None:
                del free[row["id"]]
                matched.append((w, row))
            else:
                rest.append(w)
        for w in rest:  # reworded: the same place under the same item
            row = next((r for r in free.values() if r["item_id"] == w["item_id"] and r["position"] == w["position"]),
                       None)
            if row is not None:
                del free[row["id"]]
            matched.append((w, row))
        columns = ("item_id", "item_number", "item_title", "position", "text", "taken_while_inquorate")
        for w, row in matched:
            if row is None:
                self.store.insert("decision", {"meeting_id": meeting_id, **w, "created_at": _now()})
            elif any(row[c] != w[c] for c in columns):
                self.db.execute(f"UPDATE decision SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                                [*(w[c] for c in columns), row["id"]])
        if free:
            self.db.execute(f"UPDATE decision SET removed = 1 WHERE id IN ({', '.join('?' * len(free))})",
                            list(free))

    # --- the register --------------------------------------------------------------------------
    def _titles(self) -> dict[int, str]:
        return {m.id: m.title for m in self.store.meetings.list()}

    def _live_drafts(self, entries: list[DecisionEntry]) -> list[DecisionEntry]:
        """Draft minutes are assembled live: their decisions take the meeting's quoracy and the agenda's
        numbers as they are now (signed minutes keep what was signed)."""
        drafts = {e.meeting_id for e in entries if e.minutes_status == "draft"}
        if not drafts:
            return entries
        live: dict[int, tuple[bool, dict[int, str]]] = {}
        for mid in drafts:
            quorum = self.store.meetings.quorum(mid)
            inquorate = quorum.recorded > 0 and quorum.result.quorate is False
            live[mid] = (inquorate, self.store.agendas.numbers(mid))
        out = []
        for e in entries:
            if e.meeting_id in live:
                inquorate, numbers = live[e.meeting_id]
                number = numbers.get(e.item_id, e.item_number) if e.item_id is not None else e.item_number
                if (inquorate, number) != (e.taken_while_inquorate, e.item_number):
                    e = dataclasses.replace(e, taken_while_inquorate=inquorate, item_number=number)
            out.append(e)
        return out

    def _entries(self, where: str = "", args: Sequence[Any] = ()) -> list[DecisionEntry]:
        titles = self._titles()
        dates: dict[str, dt.date] = {}

        def date(text: str | None) -> dt.date | None:
            if text is None:
                return None
            if text not in dates:
                dates[text] = dt.date.fromisoformat(text)
            return dates[text]

        out = [
            DecisionEntry(
                meeting_id=mid, meeting_date=date(mdate), item_id=item_id, item_number=number, item_title=title,
                text=text, taken_while_inquorate=bool(inquorate), ratified_meeting_id=rmid, ratified_on=date(rdate),
                priorities=(priority,) if priority else (), id=did, meeting_title=titles.get(mid, ""),
                ratification_id=rid, minutes_status=status or "")
            for (did, mid, mdate, item_id, number, title, text, inquorate, priority, rid, rmid, rdate, status)
            in self.db.execute(_REGISTER_SQL + where, list(args)).fetchall()
        ]
        return self._live_drafts(out)

    def register(self, start: dt.date | None = None, end: dt.date | None = None, item: str | None = None,
                 priority: str | None = None, inquorate: bool | None = None) -> list[DecisionEntry]:
        """Every decision of every meeting's minutes in force, by meeting date and item number; filtered by
        the period (inclusive), words in the item's number or title or the decision, a partnership
        priority (of the item), and taken while inquorate (True) or not (False)."""
        f = DecisionFilter(start=start, end=end, item=item, priority=priority, inquorate=inquorate)
        return sorted((e for e in self._entries(*self._prefilter(f)) if f.matches(e)), key=sort_key)

    @staticmethod
    def _prefilter(f: DecisionFilter, awaiting: bool = False) -> tuple[str, list[Any]]:
        """A first cut in SQL, so the register builds only the decisions it may show; the filter then decides
        (drafts are let through whatever their stored inquoracy: theirs is read live)."""
        where, args = [], []
        if f.start is not None:
            where.append("m.date >= ?")
            args.append(f.start.isoformat())
        if f.end is not None:
            where.append("m.date <= ?")
            args.append(f.end.isoformat())
        if f.inquorate is not None:
            where.append("(d.taken_while_inquorate = ? OR latest.status = 'draft')")
            args.append(int(f.inquorate))
        if awaiting:
            where.append("r.id IS NULL")
        if f.priority and f.priority.isascii():
            where.append("a.priority = ? COLLATE NOCASE")
            args.append(" ".join(f.priority.split()))
        for word in (f.item or "").split():
            if word.isascii():  # SQLite's lower() knows ASCII only: others are left to the filter
                where.append("instr(lower(d.item_number || ' ' || d.item_title || ' ' || d.text), ?) > 0")
                args.append(word.lower())
        return "".join(f" AND {w}" for w in where), args

    def awaiting_ratification(self) -> list[DecisionEntry]:
        """Decisions taken while not quorate that no later quorate meeting has ratified yet."""
        f = DecisionFilter(inquorate=True, awaiting_only=True)
        return sorted((e for e in self._entries(*self._prefilter(f, awaiting=True)) if f.matches(e)), key=sort_key)

    def get(self, decision_id: int) -> DecisionEntry:
        found = self._entries(" AND d.id = ?", [decision_id])
        if not found:
            removed = self.db.execute("SELECT meeting_id FROM decision WHERE id = ?", [decision_id]).fetchone()
            if removed is not None:
                raise RecordNotFound(f"Decision {decision_id} is no longer in the minutes of meeting {removed[0]} "
                                     "(it was taken out of them).", "See 'mqp decisions'.")
            raise RecordNotFound(f"There is no decision {decision_id}.", "List them with 'mqp decisions'.")
        return found[0]

    def priorities(self) -> list[str]:
        """The partnership's priorities (the setting), then any other an agenda item names."""
        listed = [p for p in self.store.agendas.setting(cfg.PARTNERSHIP_PRIORITIES) if p]
        seen = {p.casefold() for p in listed}
        used = [r[0] for r in self.db.execute(
            "SELECT DISTINCT a.priority FROM agenda_item a JOIN decision d ON d.item_id = a.id"
            " WHERE d.removed = 0 AND trim(a.priority) <> '' ORDER BY a.priority")]
        return listed + [p for p in used if p.casefold() not in seen]

    def check_priority(self, priority: str) -> str:
        """``priority`` as the list spells it; refused, naming the list, when no item could carry it."""
        return check_priority(priority, self.priorities())

    # --- ratification -------------------------------------------------------------------------------
    def ratification(self, ratification_id: int) -> Ratification:
        rows = list(self.db.query("SELECT * FROM decision_ratification WHERE id = ?", [ratification_id]))
        if not rows:
            raise RecordNotFound(f"There is no ratification {ratification_id}.", "See 'mqp ratify --json'.")
        return _ratification(rows[0])

    def ratifications(self, *, meeting_id: int | None = None, decision_id: int | None = None,
                      include_withdrawn: bool = False) -> list[Ratification]:
        where, args = [], []
        if meeting_id is not None:
            where.append("meeting_id = ?")
            args.append(meeting_id)
        if decision_id is not None:
            where.append("decision_id = ?")
            args.append(decision_id)
        if not include_withdrawn:
            where.append("withdrawn_on IS NULL")
        sql = "SELECT * FROM decision_ratification" + (" WHERE " + " AND ".join(where) if where else "")
        return [_ratification(r) for r in self.db.query(sql + " ORDER BY id", args)]

    def _meeting_for(self, meeting_id: int, decision: DecisionEntry) -> MeetingForRatification:
        meeting = self.store.meetings.get(meeting_id)
        quorum = self.store.meetings.quorum(meeting_id)
        theirs = self.store.meetings.get(decision.meeting_id)
        later = (meeting_key(meeting.date, meeting.start_time, meeting.id)
                 > meeting_key(theirs.date, theirs.start_time, theirs.id)) and meeting.date >= theirs.date
        return MeetingForRatification(
            id=meeting.id, title=meeting.title, date=meeting.date,
            cancelled=meeting.status is MeetingStatus.CANCELLED, register_taken=quorum.recorded > 0,
            quorate=quorum.result.quorate if quorum.recorded > 0 else None,
            minutes_signed=self.store.minutes.is_locked(meeting_id), later=later)

    def _check(self, decision: DecisionEntry, meeting_id: int, in_force: Ratification | None) -> None:
        at = self.store.meetings.get(in_force.meeting_id).title if in_force is not None else ""
        check_ratification(decision, self._meeting_for(meeting_id, decision), in_force, at)

    def check(self, meeting_id: int, decision_id: int) -> None:
        """Raise ValidationError, in words, when the decision cannot be ratified at the meeting."""
        decision = self.get(decision_id)
        in_force = self.ratifications(decision_id=decision_id)
        self._check(decision, meeting_id, in_force[0] if in_force else None)

    def ratify(self, meeting_id: int, decision_ids: Iterable[int], note: str = "") -> list[Ratification]:
        """Record the decisions as ratified at the meeting (all or none): each must have been taken while not
        quorate at an earlier meeting and not be ratified already; the meeting must be quorate, not
        cancelled, and its minutes not signed. Printed in that meeting's minutes."""
        ids = list(dict.fromkeys(decision_ids))
        if not ids:
            raise ValidationError("decision", "Choose the decisions to ratify (mqp ratify lists those awaiting).")
        note = " ".join((note or "").split())
        out = []
        with self.store.write():
            meeting = self.store.meetings.get(meeting_id)
            for decision_id in ids:
                decision = self.get(decision_id)
                in_force = self.ratifications(decision_id=decision_id)
                self._check(decision, meeting_id, in_force[0] if in_force else None)
                rid = self.store.insert("decision_ratification", {
                    "decision_id": decision_id, "meeting_id": meeting_id, "decision_text": decision.text,
                    "note": note, "created_at": _now()})
                self.store.record(
                    "decision", decision_id, "ratified",
                    f"Decision {decision_id} of the {_the(decision.meeting_title or 'meeting')} "
                    f"({decision.meeting_date.isoformat()}), taken while not quorate, ratified at the "
                    f"{_the(meeting.title)}: {decision.text}",
                    {"ratified_at_meeting_id": [None, meeting_id], "ratification_id": [None, rid],
                     **({"note": [None, note]} if note else {})})
                out.append(self.ratification(rid))
        return out

    def withdraw(self, ratification_id: int, reason: str, on: dt.date | None = None, *,
                 version: int | None = None, action: str = "ratification withdrawn") -> Ratification:
        """A ratification recorded in error is withdrawn (kept, with the date and reason); the decision waits
        again. Refused when the later meeting's minutes are signed (make a correction of them first).
        ``version``: the ratification's version as read; one changed since is refused."""
        reason = " ".join((reason or "").split())
        if not reason:
            raise ValidationError("reason", "Say why the ratification is withdrawn (e.g. 'recorded at the wrong "
                                  "meeting').")
        on = on or dt.date.today()
        with self.store.write():
            r = self.ratification(ratification_id)
            if r.withdrawn_on is not None:
                raise ValidationError("ratification", f"Ratification {r.id} was already withdrawn on "
                                      f"{r.withdrawn_on.isoformat()} ({r.withdrawn_reason}).")
            self._require_unsigned(r.meeting_id)
            diff = {"withdrawn_on": [None, on.isoformat()], "withdrawn_reason": ["", reason]}
            new_version = self.store.update("decision_ratification", r.id, diff, version=version)
            meeting = self.store.meetings.get(r.meeting_id)
            self.store.record("decision", r.decision_id, action,
                              f"Ratification of decision {r.decision_id} at the {_the(meeting.title)} withdrawn: "
                              f"{reason}", {**diff, "ratification_id": [r.id, r.id]})
        return dataclasses.replace(self.ratification(ratification_id), row_version=new_version)

    def reinstate(self, ratification_id: int, *, action: str = "ratification reinstated") -> Ratification:
        """Undo a withdrawal: the ratification is in force again (refused when the decision was ratified again
        since, or the meeting's minutes are signed)."""
        with self.store.write():
            r = self.ratification(ratification_id)
            if r.withdrawn_on is None:
                return r
            self._require_unsigned(r.meeting_id)
            if self.ratifications(decision_id=r.decision_id):
                raise ValidationError("ratification", f"Decision {r.decision_id} has been ratified again since: "
                                      "the withdrawn ratification stays withdrawn.")
            diff = {"withdrawn_on": [r.withdrawn_on.isoformat(), None], "withdrawn_reason": [r.withdrawn_reason, ""]}
            self.store.update("decision_ratification", r.id, diff)
            self.store.record("decision", r.decision_id, action,
                              f"Ratification of decision {r.decision_id} in force again", diff)
        return self.ratification(ratification_id)

    def _require_unsigned(self, meeting_id: int) -> None:
        if self.store.minutes.is_locked(meeting_id):
            meeting = self.store.meetings.get(meeting_id)
            raise ValidationError("meeting", f"The minutes of the {_the(meeting.title)} are signed, and the "
                                  "ratification is printed in them: make a correction of those minutes first "
                                  f"(mqp minutes correct {meeting_id} --reason ...).")

    def ratified_at(self, meeting_id: int) -> list[RatifiedLine]:
        """The decisions ratified at the meeting, for its minutes (oldest decision first)."""
        rows = list(self.db.query(
            "SELECT r.decision_id, r.decision_text, r.note, d.meeting_id, d.item_number, d.item_title, m.date"
            " FROM decision_ratification r JOIN decision d ON d.id = r.decision_id JOIN meeting m ON m.id = d.meeting_id"
            " WHERE r.meeting_id = ? AND r.withdrawn_on IS NULL ORDER BY m.date, d.meeting_id, d.id",
            [meeting_id]))
        return [RatifiedLine(text=r["decision_text"], meeting_date=dt.date.fromisoformat(r["date"]),
                             item_number=r["item_number"], item_title=r["item_title"], note=r["note"],
                             decision_id=r["decision_id"], meeting_id=r["meeting_id"]) for r in rows]

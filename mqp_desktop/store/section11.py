"""Section 11 audits in the database: frameworks, rounds, returns, ratings, action plans.

Use it through :class:`Section11Repo` over an open :class:`~mqp_desktop.store.Store`::

    s11 = Section11Repo(store)
    framework = s11.framework("Section 11 statutory standards")
    rnd = s11.create_round("Section 11 audit 2025-26", framework, ScaleKind.SCORE_0_3,
                           agency_ids=[1, 2, 3], issued=date(2025, 10, 1), deadline=date(2025, 12, 1))
    ret = s11.find_return(rnd.id, agency_id=2)
    s11.mark_received(ret.id, date(2025, 11, 20))
    s11.rate(ret.id, 5, self_value="1", improvement="Refresher training is behind")
    s11.status(rnd.id, today=date.today())          # a RoundStatus (domain)

Every method returns the domain's records, validates through the domain (bad
input raises ``ValidationError`` and changes nothing), writes in one
transaction and records each change in the change history (entities
``s11_framework``, ``s11_round``, ``s11_return``, ``s11_rating``, ``s11_action``).
Nothing is ever deleted.

Calls nest: wrap several in ``with store.write():`` to make them one transaction
(an imported workbook's ratings, action plan and received date together), so a
failure anywhere leaves the database as it was.

``restore_return`` writes a return back as an earlier reading of it (fields,
ratings, action plan) in one transaction, for the window's undo; since nothing is
deleted, a rating added since is emptied and an action added since is dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mqp_desktop.domain.section11 import (
    ActionStatus,
    AuditReturn,
    AuditRound,
    Basis,
    Criterion,
    Framework,
    Rating,
    Reminder,
    ScaleKind,
    Standard,
    scale_for,
    validate_framework,
    validate_rating,
    validate_return_dates,
    validate_round,
)
from mqp_desktop.domain.section11_analysis import (
    RoundComparison,
    RoundStatus,
    compare_rounds,
    previous_round,
    round_status,
)
from mqp_desktop.domain.validation import ValidationError, clean_email
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.section11_actions import ActionPlanMixin
from mqp_desktop.store.section11_frameworks import (  # noqa: F401  (re-exported)
    DEFAULT_FRAMEWORK,
    FrameworksMixin,
    frameworks_dir,
    shipped_frameworks,
)
from mqp_desktop.store.errors import EditConflict
from mqp_desktop.store.store import Store, _d, _plain

RATING_FIELDS = (
    "self_value",
    "self_na_reason",
    "evidence",
    "improvement",
    "moderated_value",
    "moderated_na_reason",
    "panel_comments",
)
RETURN_FIELDS = (
    "lead_member_id",
    "lead_name",
    "lead_email",
    "substitute_member_id",
    "substitute_name",
    "substitute_email",
    "issued",
    "received",
    "reviewed",
    "panel_outcome",
    "notes",
)


RETURN_LABELS = {
    "lead_member_id": "lead contact (member)", "lead_name": "lead contact", "lead_email": "lead contact's email",
    "substitute_member_id": "substitute (member)", "substitute_name": "substitute",
    "substitute_email": "substitute's email", "issued": "issued", "received": "received", "reviewed": "reviewed",
    "panel_outcome": "panel outcome",
}
RATING_LABELS = {
    "self_value": "self-assessed rating", "self_na_reason": "why not applicable (self)",
    "improvement": "areas for improvement", "moderated_value": "moderated rating",
    "moderated_na_reason": "why not applicable (moderated)", "panel_comments": "panel comments",
}


def rating_changes(old: Rating | None, new: Rating) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields of ``new`` that differ from ``old`` (None: nothing yet).

    For import previews as much as for the change history.
    """
    out = {}
    for name in RATING_FIELDS:
        before = getattr(old, name) if old is not None else (None if name.endswith("_value") else "")
        after = getattr(new, name)
        if before != after:
            out[name] = [before, after]
    return out


def _rating_text(rating: Rating | None) -> str:
    """A rating in one line of words, e.g. "self-assessed rating 2; evidence Training records"."""
    if rating is None:
        return ""
    return "; ".join(f"{RATING_LABELS.get(k, k)} {getattr(rating, k)}" for k in RATING_FIELDS
                     if getattr(rating, k) not in (None, ""))


@dataclasses.dataclass(frozen=True)
class ReturnChanges:
    """What differs between two readings of one return: fields (names from ``RETURN_FIELDS``),
    ratings (their keys) and action-plan items (their ids). Reminders are not compared: they
    are never taken back."""

    fields: tuple[str, ...] = ()
    ratings: tuple[tuple[int, str], ...] = ()
    actions: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fields or self.ratings or self.actions)


def return_changes(before: AuditReturn, after: AuditReturn) -> ReturnChanges:
    """What a change made to a return, from its readings before and after (see ``restore_return``)."""
    keys = list(dict.fromkeys([r.key for r in before.ratings] + [r.key for r in after.ratings]))
    old_actions = {a.id: a for a in before.actions}
    new_actions = {a.id: a for a in after.actions}
    return ReturnChanges(
        fields=tuple(f for f in RETURN_FIELDS if getattr(before, f) != getattr(after, f)),
        ratings=tuple(
            k for k in keys
            if rating_changes(before.rating(*k), after.rating(*k) or Rating(standard=k[0], criterion=k[1]))
        ),
        actions=tuple(i for i in dict.fromkeys([*old_actions, *new_actions])
                      if i is not None and old_actions.get(i) != new_actions.get(i)),
    )


# --- shipped frameworks -------------------------------------------------------------------


class Section11Repo(FrameworksMixin, ActionPlanMixin):
    """Section 11 repository over one open :class:`Store`."""

    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # --- rounds ----------------------------------------------------------------------------
    def _round_standards(self, round_id: int) -> tuple[Standard, ...]:
        standards: dict[int, dict[str, Any]] = {}
        for r in self.db.query("SELECT * FROM s11_round_item WHERE round_id = ? ORDER BY position", [round_id]):
            if not r["criterion"]:
                standards[r["standard"]] = {"title": r["title"], "description": r["description"], "criteria": []}
            else:
                standards[r["standard"]]["criteria"].append(Criterion(r["criterion"], r["title"]))
        return tuple(
            Standard(n, s["title"], s["description"], tuple(s["criteria"])) for n, s in standards.items()
        )

    def _round(self, row: Mapping[str, Any]) -> AuditRound:
        fw = self.db.execute("SELECT name, version FROM s11_framework WHERE id = ?", [row["framework_id"]]).fetchone()
        agencies = [
            r[0]
            for r in self.db.execute(
                "SELECT s11_return.agency_id FROM s11_return JOIN agency ON agency.id = s11_return.agency_id"
                " WHERE round_id = ? ORDER BY agency.name COLLATE NOCASE",
                [row["id"]],
            )
        ]
        return AuditRound(
            id=row["id"],
            name=row["name"],
            scale=ScaleKind(row["scale"]),
            issued=_d(row["issued"]),  # type: ignore[arg-type]
            deadline=_d(row["deadline"]),  # type: ignore[arg-type]
            standards=self._round_standards(row["id"]),
            framework_id=row["framework_id"],
            framework_name=fw[0],
            framework_version=fw[1],
            panel_dates=tuple(dt.date.fromisoformat(d) for d in json.loads(row["panel_dates"])),
            agency_ids=tuple(agencies),
            notes=row["notes"],
            row_version=row["row_version"],
        )

    def rounds(self) -> list[AuditRound]:
        """Every round, the most recently issued first."""
        return [self._round(r) for r in self.db.query("SELECT * FROM s11_round ORDER BY issued DESC, id DESC")]

    def round(self, round_id: int) -> AuditRound:
        rows = list(self.db.query("SELECT * FROM s11_round WHERE id = ?", [round_id]))
        if not rows:
            raise RecordNotFound(f"There is no Section 11 round with id {round_id}.", "List them with 'mqp s11 rounds'.")
        return self._round(rows[0])

    def find_round(self, text: str) -> AuditRound | None:
        """A round by id, by name (any case, any kind of dash: "2026-27" finds "2026–27"),
        or by a unique part of its name (e.g. "2026-27"); else None."""
        key = (text or "").strip()
        if key.isdigit():
            row = self.db.execute("SELECT id FROM s11_round WHERE id = ?", [int(key)]).fetchone()
            if row:
                return self.round(row[0])

        def norm(value: str) -> str:
            for dash in "\u2010\u2011\u2012\u2013\u2014\u2212":
                value = value.replace(dash, "-")
            return " ".join(value.split()).casefold()

        wanted = norm(key)
        if not wanted:
            return None
        rows = [(r[0], norm(r[1])) for r in self.db.execute("SELECT id, name FROM s11_round")]
        exact = [rid for rid, name in rows if name == wanted]
        partial = [rid for rid, name in rows if wanted in name]
        found = exact or (partial if len(partial) == 1 else [])
        return self.round(found[0]) if found else None

    def latest_round(self) -> AuditRound | None:
        row = self.db.execute("SELECT id FROM s11_round ORDER BY issued DESC, id DESC LIMIT 1").fetchone()
        return self.round(row[0]) if row else None

    def _agency_label(self, agency_id: int) -> str:
        row = self.db.execute("SELECT name, short_name FROM agency WHERE id = ?", [agency_id]).fetchone()
        return (row[1] or row[0]) if row else f"agency {agency_id}"

    def _default_contacts(self, agency_id: int, on: dt.date) -> dict[str, Any]:
        """The agency's member in post (a decision maker first) as lead; their deputy as substitute."""
        members = [m for m in self.store.members(active_on=on) if m.agency_id == agency_id and not m.is_vacant]
        members.sort(key=lambda m: not m.decision_maker)
        if not members:
            return {}
        lead = members[0]
        return {
            "lead_member_id": lead.id,
            "lead_name": lead.name,
            "lead_email": lead.email,
            "substitute_name": lead.deputy_name,
            "substitute_email": lead.deputy_email,
        }

    def create_round(
        self,
        name: str,
        framework: Framework,
        scale: ScaleKind | str,
        agency_ids: Iterable[int],
        issued: dt.date,
        deadline: dt.date,
        panel_dates: Sequence[dt.date] = (),
        notes: str = "",
    ) -> AuditRound:
        """A new round with its own copy of ``framework``'s standards and a return for each agency.

        Each return is issued on ``issued``; its lead contact is the agency's
        member in post then (a decision maker first), its substitute their deputy.
        """
        ids = list(dict.fromkeys(int(i) for i in agency_ids))
        if not ids:
            raise ValidationError("agencies", "Name at least one agency to ask for a return.")
        for agency_id in ids:
            self.store.agency(agency_id)
        rnd = validate_round(
            AuditRound(
                name=name,
                scale=scale,  # type: ignore[arg-type]
                issued=issued,
                deadline=deadline,
                standards=validate_framework(framework).standards,
                panel_dates=tuple(panel_dates),
                notes=(notes or "").strip(),
            )
        )
        if self.find_round(rnd.name) is not None:
            raise ValidationError("name", f"There is already a round called '{rnd.name}': choose another name.")
        with self.store.write() as db:
            fw = self._stored(framework)
            cur = db.execute(
                "INSERT INTO s11_round (name, framework_id, scale, issued, deadline, panel_dates, notes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [rnd.name, fw.id, rnd.scale.value, rnd.issued.isoformat(), rnd.deadline.isoformat(),
                 json.dumps([d.isoformat() for d in rnd.panel_dates]), rnd.notes],
            )
            round_id = cur.lastrowid
            position = 0
            for s in fw.standards:
                rows = [(s.number, "", s.title, s.description)] + [(s.number, c.code, c.text, "") for c in s.criteria]
                for number, code, title, description in rows:
                    position += 1
                    db.execute(
                        "INSERT INTO s11_round_item (round_id, standard, criterion, title, description, position)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        [round_id, number, code, title, description, position],
                    )
            self.store.record(
                "s11_round",
                round_id,
                "added",
                f"Section 11 round created: {rnd.name} ({fw.label}, {len(fw.standards)} standards,"
                f" {scale_for(rnd.scale).label} scale, {len(ids)} agencies)",
                {
                    "name": [None, rnd.name],
                    "framework": [None, fw.label],
                    "scale": [None, rnd.scale.value],
                    "issued": [None, rnd.issued.isoformat()],
                    "deadline": [None, rnd.deadline.isoformat()],
                    "panel_dates": [None, [d.isoformat() for d in rnd.panel_dates]],
                    "agency_ids": [None, ids],
                },
            )
            for agency_id in ids:
                self._insert_return(round_id, rnd.name, agency_id, rnd.issued)
        return self.round(round_id)

    def _insert_return(self, round_id: int, round_name: str, agency_id: int, issued: dt.date | None) -> int:
        values: dict[str, Any] = {"round_id": round_id, "agency_id": agency_id, "issued": _plain(issued)}
        values.update(self._default_contacts(agency_id, issued or dt.date.today()))
        cur = self.db.execute(
            f"INSERT INTO s11_return ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
        self.store.record(
            "s11_return",
            cur.lastrowid,
            "added",
            f"Section 11 return asked of {self._agency_label(agency_id)} for {round_name}",
            {k: [None, v] for k, v in values.items() if v not in (None, "")},
        )
        return cur.lastrowid

    def update_round(self, rnd: AuditRound) -> AuditRound:
        """Change a round's name, dates, panel dates or notes (its standards and scale are fixed).
        ``rnd.row_version`` is the version it was read at: a round saved since is refused."""
        if rnd.id is None:
            raise ValueError("update_round needs a saved round")
        read = self.store.require_version(rnd, "update_round")
        new = validate_round(dataclasses.replace(rnd))
        with self.store.write() as db:
            old = self.round(rnd.id)
            if new.scale != old.scale or new.standards != old.standards or new.framework_id != old.framework_id:
                raise ValidationError(
                    "standards", "A round's framework, standards and scale are fixed when it is created: start a new round."
                )
            clash = self.find_round(new.name)
            if clash is not None and clash.id != new.id:
                raise ValidationError("name", f"There is already a round called '{new.name}': choose another name.")
            before = {"name": old.name, "issued": old.issued, "deadline": old.deadline, "notes": old.notes,
                      "panel_dates": [d.isoformat() for d in old.panel_dates]}
            after = {"name": new.name, "issued": new.issued, "deadline": new.deadline, "notes": new.notes,
                     "panel_dates": [d.isoformat() for d in new.panel_dates]}
            diff = {k: [_plain(before[k]), _plain(after[k])] for k in after if before[k] != after[k]}
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.store.edit_conflict(
                    f"the Section 11 round {old.name}", entity="s11_round", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours={k: _plain(v) for k, v in after.items()},
                    stored={k: _plain(v) for k, v in before.items()}, labels={"panel_dates": "panel dates"},
                    yours_record=new, stored_record=old,
                )
            if not diff:
                return old
            stored = {k: (json.dumps(v[1]) if k == "panel_dates" else v[1]) for k, v in diff.items()}
            db.execute(
                f"UPDATE s11_round SET {', '.join(f'{k} = ?' for k in stored)}, row_version = row_version + 1"
                " WHERE id = ? AND row_version = ?",
                list(stored.values()) + [new.id, read],
            )
            self.store.record("s11_round", new.id, "edited", f"Section 11 round edited: {new.name}", diff)
        return self.round(new.id)

    def add_agency_to_round(self, round_id: int, agency_id: int, issued: dt.date | None = None) -> AuditReturn:
        """Ask one more agency for a return (issued on ``issued``, default the round's issue date)."""
        rnd = self.round(round_id)
        self.store.agency(agency_id)
        if agency_id in rnd.agency_ids:
            raise ValidationError("agency_id", f"{self._agency_label(agency_id)} is already asked for a return in {rnd.name}.")
        with self.store.write():
            return_id = self._insert_return(round_id, rnd.name, agency_id, issued or rnd.issued)
        return self.get_return(return_id)

    # --- returns ---------------------------------------------------------------------------
    def _return(self, row: Mapping[str, Any]) -> AuditReturn:
        return_id = row["id"]
        items = {r["id"]: (r["standard"], r["criterion"]) for r in self.db.query(
            "SELECT id, standard, criterion FROM s11_round_item WHERE round_id = ?", [row["round_id"]])}
        positions = {r["id"]: r["position"] for r in self.db.query(
            "SELECT id, position FROM s11_round_item WHERE round_id = ?", [row["round_id"]])}
        ratings = tuple(
            Rating(
                id=r["id"],
                return_id=return_id,
                standard=items[r["item_id"]][0],
                criterion=items[r["item_id"]][1],
                row_version=r["row_version"],
                **{k: r[k] for k in RATING_FIELDS},
            )
            for r in sorted(self.db.query("SELECT * FROM s11_rating WHERE return_id = ?", [return_id]),
                            key=lambda r: positions[r["item_id"]])
        )
        actions = tuple(
            self._action(r, items) for r in self.db.query(
                "SELECT * FROM s11_action WHERE return_id = ? ORDER BY id", [return_id])
        )
        reminders = tuple(
            Reminder(sent_on=_d(r["sent_on"]), note=r["note"], id=r["id"])  # type: ignore[arg-type]
            for r in self.db.query("SELECT * FROM s11_reminder WHERE return_id = ? ORDER BY sent_on, id", [return_id])
        )
        return AuditReturn(
            id=return_id,
            round_id=row["round_id"],
            agency_id=row["agency_id"],
            lead_member_id=row["lead_member_id"],
            lead_name=row["lead_name"],
            lead_email=row["lead_email"],
            substitute_member_id=row["substitute_member_id"],
            substitute_name=row["substitute_name"],
            substitute_email=row["substitute_email"],
            issued=_d(row["issued"]),
            received=_d(row["received"]),
            reviewed=_d(row["reviewed"]),
            panel_outcome=row["panel_outcome"],
            notes=row["notes"],
            row_version=row["row_version"],
            reminders=reminders,
            ratings=ratings,
            actions=actions,
        )

    def returns(self, round_id: int) -> list[AuditReturn]:
        """The round's returns with their reminders, ratings and actions, by agency name."""
        self.round(round_id)
        rows = self.db.query(
            "SELECT s11_return.* FROM s11_return JOIN agency ON agency.id = s11_return.agency_id"
            " WHERE round_id = ? ORDER BY agency.name COLLATE NOCASE",
            [round_id],
        )
        return [self._return(r) for r in rows]

    def get_return(self, return_id: int) -> AuditReturn:
        rows = list(self.db.query("SELECT * FROM s11_return WHERE id = ?", [return_id]))
        if not rows:
            raise RecordNotFound(
                f"There is no Section 11 return with id {return_id}.", "See the returns with 'mqp s11 status'."
            )
        return self._return(rows[0])

    def find_return(self, round_id: int, agency_id: int) -> AuditReturn | None:
        row = self.db.execute(
            "SELECT id FROM s11_return WHERE round_id = ? AND agency_id = ?", [round_id, agency_id]
        ).fetchone()
        return self.get_return(row[0]) if row else None

    def _return_summary(self, ret: AuditReturn, what: str) -> str:
        name = self.db.execute("SELECT name FROM s11_round WHERE id = ?", [ret.round_id]).fetchone()[0]
        return f"Section 11 return {what}: {self._agency_label(ret.agency_id)}, {name}"

    def _return_what(self, ret: AuditReturn) -> str:
        name = self.db.execute("SELECT name FROM s11_round WHERE id = ?", [ret.round_id]).fetchone()[0]
        return f"the Section 11 return of {self._agency_label(ret.agency_id)} for {name}"

    def _return_values(self, ret: AuditReturn) -> dict[str, Any]:
        return {k: _plain(getattr(ret, k)) for k in RETURN_FIELDS}

    def update_return(self, ret: AuditReturn, *, action: str = "edited") -> AuditReturn:
        """Save a return's contacts, dates, panel outcome and notes (ratings, reminders, actions apart).

        ``ret.row_version`` is the version it was read at: a return whose own fields were saved since
        by someone else is refused with :class:`EditConflict`, never overwritten."""
        if ret.id is None:
            raise ValueError("update_return needs a saved return")
        read = self.store.require_version(ret, "update_return")
        new = dataclasses.replace(
            ret,
            lead_name=" ".join((ret.lead_name or "").split()),
            substitute_name=" ".join((ret.substitute_name or "").split()),
            lead_email=clean_email(ret.lead_email, "lead contact's email"),
            substitute_email=clean_email(ret.substitute_email, "substitute's email"),
            panel_outcome=(ret.panel_outcome or "").strip(),
            notes=(ret.notes or "").strip(),
        )
        validate_return_dates(new)
        with self.store.write() as db:
            for member_id in (new.lead_member_id, new.substitute_member_id):
                if member_id is not None:
                    self.store.member(member_id)
            old = self.get_return(ret.id)
            diff = {
                k: [_plain(getattr(old, k)), _plain(getattr(new, k))]
                for k in RETURN_FIELDS
                if getattr(old, k) != getattr(new, k)
            }
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.store.edit_conflict(
                    self._return_what(old),
                    entity="s11_return", entity_id=old.id, read_version=read, stored_version=old.row_version,
                    yours=self._return_values(new), stored=self._return_values(old), labels=RETURN_LABELS,
                    yours_record=new, stored_record=old,
                )
            if not diff:
                return old
            db.execute(
                f"UPDATE s11_return SET {', '.join(f'{k} = ?' for k in diff)}, row_version = row_version + 1"
                " WHERE id = ? AND row_version = ?",
                [v[1] for v in diff.values()] + [new.id, read],
            )
            self.store.record("s11_return", new.id, action, self._return_summary(new, action), diff)
        return self.get_return(new.id)

    def _return_as_seen(self, return_id: int, seen: AuditReturn | None) -> AuditReturn:
        if seen is None:
            return self.get_return(return_id)
        if seen.id != return_id:
            raise ValueError("seen is another return")
        return dataclasses.replace(seen)

    def mark_received(self, return_id: int, on: dt.date, *, seen: AuditReturn | None = None) -> AuditReturn:
        """The return arrived on ``on``. ``seen``: the return as the officer saw it (refused if its fields
        were changed since); without it, as stored now, read and written in one transaction."""
        with self.store.write():
            ret = self._return_as_seen(return_id, seen)
            ret.received = on
            return self.update_return(ret, action="received")

    def mark_reviewed(self, return_id: int, on: dt.date, outcome: str | None = None, *,
                      seen: AuditReturn | None = None) -> AuditReturn:
        """The panel reviewed the return on ``on`` (its outcome kept unless ``outcome`` is given)."""
        with self.store.write():
            ret = self._return_as_seen(return_id, seen)
            ret.reviewed = on
            if outcome is not None:
                ret.panel_outcome = outcome
            return self.update_return(ret, action="reviewed")

    def add_reminder(self, return_id: int, on: dt.date, note: str = "") -> AuditReturn:
        """Record a reminder sent to the agency (each dated; kept for the chasing history). A reminder is
        appended, never an edit of another, so it carries no version."""
        with self.store.write() as db:
            ret = self.get_return(return_id)
            if ret.received is not None:
                raise ValidationError(
                    "reminder", f"The return was received on {ret.received:%d/%m/%Y}: there is nothing to remind them of."
                )
            if ret.issued is not None and on < ret.issued:
                raise ValidationError(
                    "reminder", f"The reminder date {on:%d/%m/%Y} is before the return was issued ({ret.issued:%d/%m/%Y})."
                )
            db.execute(
                "INSERT INTO s11_reminder (return_id, sent_on, note) VALUES (?, ?, ?)",
                [return_id, on.isoformat(), (note or "").strip()],
            )
            self.store.record(
                "s11_return", return_id, "reminded", self._return_summary(ret, f"reminder sent {on:%d/%m/%Y}"),
                {"reminder": [None, on.isoformat()], "note": [None, (note or "").strip()]},
            )
        return self.get_return(return_id)

    # --- ratings ---------------------------------------------------------------------------
    def _item_id(self, round_id: int, standard: int, criterion: str) -> int:
        row = self.db.execute(
            "SELECT id FROM s11_round_item WHERE round_id = ? AND standard = ? AND criterion = ?",
            [round_id, standard, criterion],
        ).fetchone()
        return row[0]

    def _save_rating(self, rnd: AuditRound, ret: AuditReturn, rating: Rating, *, action: str | None = None,
                     seen: bool = False) -> Rating:
        """Validate and upsert one rating, recorded (as ``action``, default "rated" or "moderated");
        call inside a write, with ``ret`` read inside it.

        ``seen``: ``rating`` is the officer's edit of the rating as they saw it: its ``row_version``
        (None: not rated when seen) must still be the stored one, or :class:`EditConflict` is raised."""
        new = validate_rating(dataclasses.replace(rating, return_id=ret.id), rnd.rating_scale, rnd.standards)
        old = ret.rating(new.standard, new.criterion)
        diff = rating_changes(old, new)
        where = f"standard {new.standard}" + (f" ({new.criterion})" if new.criterion else "")
        if seen and (old.row_version if old is not None else None) != rating.row_version:
            blank = Rating(standard=new.standard, criterion=new.criterion)
            raise self.store.edit_conflict(
                f"the Section 11 rating of {where} ({self._agency_label(ret.agency_id)}, {rnd.name})",
                entity="s11_rating", entity_id=old.id if old is not None else None,
                read_version=rating.row_version, stored_version=old.row_version if old is not None else None,
                yours={k: getattr(new, k) for k in RATING_FIELDS},
                stored={k: getattr(old or blank, k) for k in RATING_FIELDS},
                labels=RATING_LABELS, yours_record=new, stored_record=old,
            )
        if not diff:
            return old or new
        if old is None:
            values = {k: getattr(new, k) for k in RATING_FIELDS}
            cur = self.db.execute(
                f"INSERT INTO s11_rating (return_id, item_id, {', '.join(values)})"
                f" VALUES (?, ?, {', '.join('?' * len(values))})",
                [ret.id, self._item_id(rnd.id, new.standard, new.criterion)] + list(values.values()),
            )
            new.id = cur.lastrowid
            new.row_version = 1
        else:
            new.id = old.id
            self.db.execute(
                f"UPDATE s11_rating SET {', '.join(f'{k} = ?' for k in diff)}, row_version = row_version + 1"
                " WHERE id = ?",
                [v[1] for v in diff.values()] + [old.id],
            )
            new.row_version = (old.row_version or 0) + 1
        moderated = any(k in diff for k in ("moderated_value", "moderated_na_reason", "panel_comments"))
        if action is None:
            action = "moderated" if moderated and not {"self_value", "evidence", "improvement"} & set(diff) else "rated"
        values_text = ", ".join(
            f"{label} {getattr(new, k)}" for k, label in (("self_value", "self"), ("moderated_value", "moderated"))
            if getattr(new, k) is not None
        )
        self.store.record(
            "s11_rating",
            new.id,
            action,
            f"Section 11 {where} {action}: {self._agency_label(ret.agency_id)}, {rnd.name}"
            + (f" ({values_text})" if values_text else ""),
            {"return_id": [None, ret.id], **diff} if old is None else diff,
        )
        return new

    def rate(
        self,
        return_id: int,
        standard: int,
        criterion: str = "",
        **fields: Any,
    ) -> Rating:
        """Set some fields of one rating (others kept); ``fields`` are names from ``RATING_FIELDS``.

        e.g. ``rate(7, 5, self_value="amber", evidence="Training records 2025")``,
        ``rate(7, 5, "5.3", moderated_value="n/a", moderated_na_reason="No staff in scope")``.
        The rating is read and written in one transaction.
        """
        unknown = set(fields) - set(RATING_FIELDS)
        if unknown:
            raise TypeError(f"rate() got unknown fields: {', '.join(sorted(unknown))}")
        with self.store.write():
            ret = self.get_return(return_id)
            rnd = self.round(ret.round_id)
            key_std = rnd.standard(standard)
            code = key_std.criterion(criterion).code if str(criterion or "").strip() else ""
            current = ret.rating(key_std.number, code) or Rating(standard=key_std.number, criterion=code)
            return self._save_rating(rnd, ret, dataclasses.replace(current, **fields))

    def save_ratings(
        self, return_id: int, ratings: Iterable[Rating], *, received: dt.date | None = None, seen: bool = False
    ) -> AuditReturn:
        """Save many whole ratings to one return, all or nothing (e.g. an imported workbook).

        Every rating is validated first; one bad rating refuses them all. With
        ``received``, the return is also marked received that day (unless it already was).
        ``seen``: the ratings are the officer's edits of them as read (each with its ``row_version``,
        None for one not rated then): a rating saved since by someone else refuses them all
        (:class:`EditConflict`). Without it (an imported workbook, checked in its preview) each
        replaces the rating as stored now.
        """
        ratings = list(ratings)
        with self.store.write():
            ret = self.get_return(return_id)
            rnd = self.round(ret.round_id)
            cleaned = [validate_rating(dataclasses.replace(r, return_id=return_id), rnd.rating_scale, rnd.standards)
                       for r in ratings]
            keys = [r.key for r in cleaned]
            if len(set(keys)) != len(keys):
                raise ValidationError("ratings", "The same standard or sub-criterion is rated twice: keep one of each.")
            for r in cleaned:
                self._save_rating(rnd, ret, r, seen=seen)
            if received is not None and ret.received is None:
                self.mark_received(return_id, received)
        return self.get_return(return_id)

    # --- putting a return back -------------------------------------------------------------
    def restore_return(
        self,
        state: AuditReturn,
        *,
        only: ReturnChanges | None = None,
        action: str = "reverted",
        today: dt.date | None = None,
        expect: AuditReturn | None = None,
    ) -> AuditReturn:
        """Write a return back as ``state`` (an earlier reading of it) in one transaction: its fields
        (contacts, dates, panel outcome, notes), ratings and action plan; every change recorded as ``action``.

        Nothing is deleted, so what ``state`` did not have yet is put back the nearest honest way:
        a rating added since is emptied (nothing rated, no text), an action-plan item added since
        is dropped (closed ``today``). Reminders are left as they are: a reminder that was sent stays
        recorded. With ``only`` (see :func:`return_changes`), just those fields, ratings and items are
        written, so other changes made since are kept. A refused part (a date the return's others no
        longer allow, a locked database) refuses the whole restore and changes nothing.

        ``expect``: the return as the change being undone (or redone) left it. A part of ``only``
        that differs from it now was changed since by someone else (another copy of the program, the
        command line): the restore is refused with :class:`EditConflict` rather than overwrite it.
        """
        if state.id is None:
            raise ValueError("restore_return needs a saved return")
        today = today or dt.date.today()
        with self.store.write():
            current = self.get_return(state.id)
            rnd = self.round(current.round_id)
            if only is None:
                only = ReturnChanges(
                    fields=RETURN_FIELDS,
                    ratings=tuple(dict.fromkeys([r.key for r in current.ratings] + [r.key for r in state.ratings])),
                    actions=tuple(dict.fromkeys(a.id for a in (*current.actions, *state.actions) if a.id is not None)),
                )
            if expect is not None:
                self._check_unchanged_since(current, expect, only)
            if only.fields:
                self.update_return(
                    dataclasses.replace(current, **{f: getattr(state, f) for f in only.fields}), action=action
                )
                current = self.get_return(state.id)
            for standard, criterion in only.ratings:
                wanted = state.rating(standard, criterion) or Rating(standard=standard, criterion=criterion)
                self._save_rating(rnd, current, dataclasses.replace(wanted, id=None), action=action)
            wanted_actions = {a.id: a for a in state.actions}
            current_actions = {a.id: a for a in current.actions}
            for action_id in only.actions:
                if action_id in wanted_actions:
                    item = wanted_actions[action_id]
                    if action_id in current_actions:  # written over the action as it is stored now
                        item = dataclasses.replace(item, row_version=current_actions[action_id].row_version)
                elif action_id in current_actions:  # added since: dropped (kept in the plan, closed)
                    added = current_actions[action_id]
                    if added.status is ActionStatus.DROPPED:
                        continue
                    item = dataclasses.replace(added, status=ActionStatus.DROPPED, closed=today)
                else:
                    raise RecordNotFound(f"The action with id {action_id} is not part of this return.",
                                         "Reload, and check the return's action plan.")
                self.update_action(item, today=today, action=action)
        return self.get_return(state.id)

    def _check_unchanged_since(self, current: AuditReturn, expect: AuditReturn, only: ReturnChanges) -> None:
        """Refuse (EditConflict) when a part of ``only`` is no longer as ``expect`` has it."""
        changed = return_changes(expect, current)
        fields = [f for f in only.fields if f in changed.fields]
        ratings = [k for k in only.ratings if k in changed.ratings]
        actions = [i for i in only.actions if i in changed.actions]
        if not (fields or ratings or actions):
            return
        yours: dict[str, Any] = {}
        stored: dict[str, Any] = {}
        labels: dict[str, str] = {}
        for f in fields:
            yours[f], stored[f] = _plain(getattr(expect, f)), _plain(getattr(current, f))
            labels[f] = RETURN_LABELS.get(f, f.replace("_", " "))
        for standard, criterion in ratings:
            key = f"rating {standard}{f' ({criterion})' if criterion else ''}"
            yours[key] = _rating_text(expect.rating(standard, criterion))
            stored[key] = _rating_text(current.rating(standard, criterion))
            labels[key] = f"standard {standard}{f' ({criterion})' if criterion else ''}"
        old_actions = {a.id: a for a in expect.actions}
        now_actions = {a.id: a for a in current.actions}
        for action_id in actions:
            key = f"action {action_id}"
            a, b = old_actions.get(action_id), now_actions.get(action_id)
            yours[key] = f"{a.action} ({a.status.value})" if a else None
            stored[key] = f"{b.action} ({b.status.value})" if b else None
            labels[key] = f"action '{(b or a).action}'"
        raise self.store.edit_conflict(
            self._return_what(current), entity="s11_return", entity_id=current.id,
            read_version=expect.row_version, stored_version=current.row_version, yours=yours, stored=stored,
            labels=labels, yours_record=expect, stored_record=current,
        )

    # --- at a glance -----------------------------------------------------------------------
    def status(self, round_id: int, today: dt.date, basis: Basis = Basis.EFFECTIVE) -> RoundStatus:
        """Returns by status, standards weakest first, overdue actions (see ``round_status``)."""
        return round_status(self.round(round_id), self.returns(round_id), today, basis)

    def comparison(self, round_id: int, basis: Basis = Basis.EFFECTIVE) -> RoundComparison | None:
        """The round against the one issued before it (None when it is the first)."""
        current = self.round(round_id)
        previous = previous_round(self.rounds(), current)
        if previous is None:
            return None
        return compare_rounds(previous, self.returns(previous.id), current, self.returns(round_id), basis)

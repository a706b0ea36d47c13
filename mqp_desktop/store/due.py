"""Everything due and overdue, read from the database: ``store.due``.

::

    for item in store.due.items(date.today(), until=date.today() + timedelta(days=30)):
        print(item.due, item.kind_label, item.reference, item.title, item.owner)

One query per kind of record, each an index range scan on its due-date column (migration
``0017_due``: partial indexes on what is still waiting), gathered into :class:`DueItem` s sorted by
due date (see ``domain/due.py``). What is gathered, and what leaves the list:

==================  =====================================================================================
action              an action of the action log, open or in progress, with a due date (one that came from
                    an audit is kind ``audit_action`` and names the audit)
paper               a paper requested for an agenda item of a meeting still planned, not received, not
                    withdrawn or removed (its deadline)
challenge           a challenge waiting for the agency's response (not closed or withdrawn, and no response
                    waiting for the subcommittee's review)
inspection_plan     an inspection's action-plan item, open or in progress (the inspection not withdrawn)
s11_return          a Section 11 return issued and not received (the round's deadline)
s11_action          a Section 11 action-plan item, open or in progress
transfer_answer     a work transfer sent and not answered, not withdrawn (its answer due)
attendance_letter   a letter to a member below the attendance standard with no outcome, not withdrawn
chair_review        the chair's and the co-chair's review dates (the subcommittee's settings)
tor_review          the Terms of Reference in force: their review date
document_review     a signed-off document in force (not superseded or withdrawn): its review date
==================  =====================================================================================

Training courses, case reviews and escalations carry no date that falls due, so are not here.
Reading only: nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain.due import KIND_LABELS, DueItem, sorted_items

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

_NO_END = "9999-12-31"


def _d(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _day(value: dt.date | str) -> str:
    day = _d(value) if isinstance(value, str) else value
    return f"{day.day} {day:%b %Y}"


def _one_line(text: str | None, limit: int = 120) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _agency(row: Any, prefix: str = "agency") -> str:
    return row[f"{prefix}_short"] or row[f"{prefix}_name"] or ""


def _person(name: str | None, role: str | None) -> str:
    """A member as the register shows one: the name, or '(vacant) role' for a seat without one."""
    name = (name or "").strip()
    return name or (f"(vacant) {role}" if role else "")


class DueRepo:
    """Read-only: the due list (see the module docstring)."""

    def __init__(self, store: Store):
        self.store = store

    @property
    def db(self):
        return self.store.db

    def _rows(self, sql: str, args: list[Any] | None = None) -> list[dict[str, Any]]:
        return list(self.db.query(sql, args or []))

    def _first(self, sql: str, args: list[Any] | None = None) -> dict[str, Any] | None:
        return next(iter(self.db.query(sql, args or [])), None)

    def items(self, today: dt.date, until: dt.date | None = None, include_future: bool = True) -> list[DueItem]:
        """Everything due, sorted by due date (the longest overdue first).

        Overdue items always; with ``include_future`` also those not yet overdue, up to ``until`` (included)
        when given, else however far ahead. ``include_future=False``: overdue only (due before ``today``).
        """
        if not include_future:
            last = today - dt.timedelta(days=1)
        elif until is not None:
            last = max(until, today - dt.timedelta(days=1))
        else:
            last = None
        hi = last.isoformat() if last is not None else _NO_END
        found: list[DueItem] = []
        for gather in self._gatherers():
            found.extend(gather(today, hi))
        return sorted_items(found)

    def overdue(self, today: dt.date) -> list[DueItem]:
        return self.items(today, include_future=False)

    def _gatherers(self) -> tuple[Callable[[dt.date, str], Iterator[DueItem]], ...]:
        return (self._actions, self._papers, self._challenges, self._inspection_plans, self._s11_returns,
                self._s11_actions, self._transfers, self._letters, self._offices, self._documents)

    @staticmethod
    def _item(kind: str, reference: str, title: str, owner: str, due: str | dt.date, table: str, record_id: int,
              label: str | None = None) -> DueItem:
        return DueItem(kind=kind, kind_label=label or KIND_LABELS[kind], reference=reference, title=title,
                       owner=owner or "(no owner)", due=_d(due) if isinstance(due, str) else due, table=table,
                       record_id=record_id)

    # --- each kind: one query ---------------------------------------------------------------
    def _actions(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        rows = self._rows(
            """
            SELECT a.id, a.number, a.description, a.due_date, a.owner_name, m.name AS member_name,
                   m.role_title AS member_role, au.title AS audit_title
            FROM action a
            LEFT JOIN member m ON m.id = a.owner_member_id
            LEFT JOIN audit_action aa ON aa.action_id = a.id
            LEFT JOIN audit au ON au.id = aa.audit_id
            WHERE a.status IN ('open', 'in progress') AND a.due_date IS NOT NULL AND a.due_date <= ?
            """, [hi])
        for r in rows:
            owner = r["owner_name"] or _person(r["member_name"], r["member_role"])
            if r["audit_title"]:
                yield self._item("audit_action", r["number"],
                                 f"{_one_line(r['description'])} (audit: {_one_line(r['audit_title'], 60)})",
                                 owner, r["due_date"], "action", r["id"])
            else:
                yield self._item("action", r["number"], _one_line(r["description"]), owner, r["due_date"], "action",
                                 r["id"])

    def _papers(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        rows = self._rows(
            """
            SELECT p.id, p.title, p.deadline, p.author_name, i.id AS item_id, i.title AS item_title,
                   mt.id AS meeting_id, mt.date AS meeting_date
            FROM paper p
            JOIN agenda_item i ON i.id = p.item_id
            JOIN meeting mt ON mt.id = i.meeting_id
            WHERE p.received_on IS NULL AND p.withdrawn = 0 AND p.removed = 0 AND p.deadline IS NOT NULL
              AND p.deadline <= ? AND i.removed = 0 AND mt.status = 'planned'
            """, [hi])
        numbers: dict[int, dict[int, str]] = {}
        for r in rows:
            if r["meeting_id"] not in numbers:  # the agenda's numbering, once per meeting with a paper due
                numbers[r["meeting_id"]] = self.store.agendas.numbers(r["meeting_id"])
            number = numbers[r["meeting_id"]].get(r["item_id"])
            item = f"item {number}" if number else "an item"
            yield self._item("paper", f"Meeting {_day(r['meeting_date'])}, {item}",
                             f"{_one_line(r['title'])} (for '{_one_line(r['item_title'], 60)}')",
                             r["author_name"], r["deadline"], "paper", r["id"])

    def _challenges(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        rows = self._rows(
            """
            SELECT c.id, c.reference, c.question, c.due_date, c.to_name, m.name AS member_name,
                   ag.name AS agency_name, ag.short_name AS agency_short
            FROM challenge c
            JOIN agency ag ON ag.id = c.agency_id
            LEFT JOIN member m ON m.id = c.to_member_id
            WHERE c.closed_on IS NULL AND c.withdrawn_on IS NULL AND c.due_date <= ?
              AND NOT coalesce((SELECT r.verdict IS NULL FROM challenge_response r
                                WHERE r.challenge_id = c.id AND r.removed = 0
                                ORDER BY r.received_on DESC, r.id DESC LIMIT 1), 0)
            """, [hi])
        for r in rows:
            contact = (r["member_name"] or r["to_name"] or "").strip()
            owner = f"{_agency(r)} ({contact})" if contact else _agency(r)
            yield self._item("challenge", r["reference"], _one_line(r["question"]), owner, r["due_date"],
                             "challenge", r["id"])

    def _inspection_plans(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        from mqp_desktop.domain.quality import Inspectorate

        rows = self._rows(
            """
            SELECT p.id, p.action, p.owner, p.due, i.inspectorate, i.inspectorate_name, i.inspection_type,
                   coalesce(i.published, i.inspected_from) AS inspected, ag.name AS agency_name,
                   ag.short_name AS agency_short
            FROM inspection_plan_item p
            JOIN inspection i ON i.id = p.inspection_id
            JOIN agency ag ON ag.id = i.agency_id
            WHERE p.status IN ('open', 'in progress') AND p.due IS NOT NULL AND p.due <= ?
              AND i.withdrawn_on IS NULL
            """, [hi])
        for r in rows:
            body = r["inspectorate_name"] if r["inspectorate"] == Inspectorate.OTHER.value else r["inspectorate"]
            when = f" {_d(r['inspected']):%b %Y}" if r["inspected"] else ""
            reference = f"{body} {r['inspection_type'] or 'inspection'} of {_agency(r)}{when}"
            yield self._item("inspection_plan", reference, _one_line(r["action"]), r["owner"] or _agency(r), r["due"],
                             "inspection_plan_item", r["id"])

    def _s11_returns(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        rows = self._rows(
            """
            SELECT t.id, t.lead_name, m.name AS lead_member, r.name AS round_name, r.deadline,
                   ag.name AS agency_name, ag.short_name AS agency_short
            FROM s11_return t
            JOIN s11_round r ON r.id = t.round_id
            JOIN agency ag ON ag.id = t.agency_id
            LEFT JOIN member m ON m.id = t.lead_member_id
            WHERE t.received IS NULL AND t.issued IS NOT NULL AND t.issued <= ? AND r.deadline <= ?
            """, [today.isoformat(), hi])
        for r in rows:
            lead = (r["lead_member"] or r["lead_name"] or "").strip()
            owner = f"{_agency(r)} ({lead})" if lead else _agency(r)
            yield self._item("s11_return", r["round_name"], f"{r['agency_name']}'s return", owner, r["deadline"],
                             "s11_return", r["id"])

    def _s11_actions(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        rows = self._rows(
            """
            SELECT a.id, a.action, a.owner, a.due, r.name AS round_name, ag.name AS agency_name,
                   ag.short_name AS agency_short
            FROM s11_action a
            JOIN s11_return t ON t.id = a.return_id
            JOIN s11_round r ON r.id = t.round_id
            JOIN agency ag ON ag.id = t.agency_id
            WHERE a.status IN ('open', 'in progress') AND a.due IS NOT NULL AND a.due <= ?
            """, [hi])
        for r in rows:
            yield self._item("s11_action", f"{r['round_name']} · {_agency(r)}", _one_line(r["action"]),
                             r["owner"] or _agency(r), r["due"], "s11_action", r["id"])

    def _transfers(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        rows = self._rows(
            """
            SELECT w.id, w.reference, w.direction, w.work, w.answer_due, b.name AS body_name, b.chair_name
            FROM work_transfer w
            JOIN partnership_body b ON b.id = w.body_id
            WHERE w.answer_due <= ? AND w.sent_on IS NOT NULL AND w.answer IS NULL AND w.withdrawn_on IS NULL
            """, [hi])
        our_chair = None
        for r in rows:
            if r["direction"] == "to us":  # another chair wrote: our chair answers
                if our_chair is None:
                    our_chair = self._our_chair()
                owner = f"Our chair ({our_chair})" if our_chair else "Our chair"
                title = f"Our answer to {r['body_name']}: {_one_line(r['work'], 90)}"
            else:
                owner = f"Chair of {r['body_name']}" + (f" ({r['chair_name']})" if r["chair_name"] else "")
                title = f"{r['body_name']}'s answer: {_one_line(r['work'], 90)}"
            yield self._item("transfer_answer", r["reference"], title, owner, r["answer_due"], "work_transfer",
                             r["id"])

    def _our_chair(self) -> str:
        row = self._first(
            "SELECT m.name, m.role_title FROM subcommittee s JOIN member m ON m.id = s.chair_member_id"
            " ORDER BY s.id LIMIT 1")
        return _person(row["name"], row["role_title"]) if row else ""

    def _letters(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        rows = self._rows(
            """
            SELECT l.id, l.sent_on, l.reply_due, l.rate, l.standard, m.name AS member_name, m.role_title,
                   ag.name AS agency_name, ag.short_name AS agency_short
            FROM attendance_letter l
            JOIN member m ON m.id = l.member_id
            JOIN agency ag ON ag.id = m.agency_id
            WHERE l.outcome IS NULL AND l.withdrawn_on IS NULL AND l.reply_due <= ?
            """, [hi])
        for r in rows:
            rate = (f" ({r['rate']:.0f}% against the {r['standard']}% standard)"
                    if r["rate"] is not None and r["standard"] is not None else "")
            who = _person(r["member_name"], r["role_title"])
            yield self._item("attendance_letter", f"Letter of {_day(r['sent_on'])}",
                             f"Reply to the attendance letter{rate}", f"{who} ({_agency(r)})", r["reply_due"],
                             "attendance_letter", r["id"])

    def _offices(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        row = self._first(
            """
            SELECT s.id, s.name, s.chair_review_due, c.name AS chair_name, c.role_title AS chair_role,
                   s.co_chair_review_due, cc.name AS co_name, cc.role_title AS co_role,
                   s.tor_review_due, s.tor_version
            FROM subcommittee s
            LEFT JOIN member c ON c.id = s.chair_member_id
            LEFT JOIN member cc ON cc.id = s.co_chair_member_id
            ORDER BY s.id LIMIT 1
            """)
        if row is None:
            return
        for office, due, name, role in (("Chair", row["chair_review_due"], row["chair_name"], row["chair_role"]),
                                        ("Co-chair", row["co_chair_review_due"], row["co_name"], row["co_role"])):
            if due is not None and due <= hi:
                holder = _person(name, role)
                yield self._item("chair_review", office, f"Annual review of the {office.lower()} (ToR 2)"
                                 + (f": {holder}" if holder else ""), holder or row["name"], due, "subcommittee",
                                 row["id"], label=f"{office}'s review")
        # The Terms of Reference without a version kept as a document: their review date from the settings.
        tor_documents = self.db.execute("SELECT count(*) FROM governance_document WHERE kind = 'terms of reference'"
                                        " AND withdrawn_on IS NULL").fetchone()[0]
        if not tor_documents and row["tor_review_due"] is not None and row["tor_review_due"] <= hi:
            version = f", version {row['tor_version']}" if (row["tor_version"] or "").strip() else ""
            yield self._item("tor_review", f"Terms of Reference{version}", "Annual review of the Terms of Reference"
                             " (ToR 12)", row["name"], row["tor_review_due"], "subcommittee", row["id"])

    def _documents(self, today: dt.date, hi: str) -> Iterator[DueItem]:
        rows = self._rows(
            """
            SELECT g.id, g.title, g.kind, g.version, g.owner, g.review_due, g.signed_off_on,
                   ag.name AS agency_name, ag.short_name AS agency_short
            FROM governance_document g
            LEFT JOIN agency ag ON ag.id = g.owner_agency_id
            WHERE g.withdrawn_on IS NULL AND g.review_due IS NOT NULL AND g.signed_off_on IS NOT NULL
              AND g.review_due <= ?
              AND NOT EXISTS (SELECT 1 FROM governance_document n WHERE n.supersedes_id = g.id
                              AND n.withdrawn_on IS NULL AND n.signed_off_on IS NOT NULL)
            """, [hi])
        tor = [r for r in rows if r["kind"] == "terms of reference"]
        in_force = max(tor, key=lambda r: (r["signed_off_on"], r["id"])) if tor else None  # one ToR is in force
        subcommittee = None
        for r in rows:
            title = f"{r['title']}, version {r['version']}" if r["version"] else r["title"]
            owner = r["owner"] or (_agency(r) if r["agency_name"] else "")
            if r["kind"] == "terms of reference":
                if r is not in_force:
                    continue
                if not owner:
                    if subcommittee is None:
                        subcommittee = self._first("SELECT name FROM subcommittee ORDER BY id LIMIT 1")
                    owner = subcommittee["name"] if subcommittee else ""
                yield self._item("tor_review", title, "Annual review of the Terms of Reference (ToR 12)", owner,
                                 r["review_due"], "governance_document", r["id"])
            else:
                yield self._item("document_review", title, f"Review of the {r['kind']} signed off on "
                                 f"{_day(r['signed_off_on'])}", owner, r["review_due"], "governance_document", r["id"])


__all__ = ["DueRepo"]

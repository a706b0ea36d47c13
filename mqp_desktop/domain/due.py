"""Everything due and overdue, in one list, in plain Python.

The Terms of Reference ask the subcommittee to follow things up in time (ToR 14: actions; ToR 2, 12:
the chair's and the Terms of Reference's reviews; ToR 5: attendance letters; ToR 7.8: Section 11
returns; ToR 8: transfer answers; ToR 6.3: challenges). Each of those records keeps its own due
date in its own column; :class:`DueItem` is one of them as the "Due and overdue" list shows it,
whatever its kind: what it is (``kind`` and ``kind_label``), a reference the officer recognises
(an action's number, a challenge's reference, a meeting and item), a title, who is to act
(``owner``: a person or an agency), the date it falls due, and the record it stands for
(``table`` and ``record_id``, so the window can open it).

A thing is **overdue** the day after its due date (as everywhere in the program: an action due
today is not yet overdue); :meth:`DueItem.days_overdue` is negative while days are left. Closed,
done, dropped, withdrawn, answered and received things are never in the list (the store leaves
them out: see ``store/due.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mqp_desktop.domain.validation import ValidationError

# The kinds, in the order the list's filter offers them (and ties on a date are broken by). An audit's actions
# are actions of the action log (kind "audit_action": the same record, shown once, saying which audit).
KIND_LABELS: dict[str, str] = {
    "action": "Action",
    "audit_action": "Audit action",
    "paper": "Paper",
    "challenge": "Challenge response",
    "inspection_plan": "Inspection action plan",
    "s11_return": "Section 11 return",
    "s11_action": "Section 11 action plan",
    "transfer_answer": "Transfer answer",
    "attendance_letter": "Attendance letter reply",
    "chair_review": "Chairing review",
    "tor_review": "Terms of Reference review",
    "document_review": "Document review",
}

KINDS: tuple[str, ...] = tuple(KIND_LABELS)

KIND_PLURALS: dict[str, str] = {
    "action": "actions", "audit_action": "audit actions", "paper": "papers", "challenge": "challenge responses",
    "inspection_plan": "inspection plan items", "s11_return": "Section 11 returns",
    "s11_action": "Section 11 plan items", "transfer_answer": "transfer answers",
    "attendance_letter": "attendance letter replies", "chair_review": "chairing reviews",
    "tor_review": "Terms of Reference reviews", "document_review": "document reviews",
}
KIND_SINGULARS: dict[str, str] = {
    "action": "action", "audit_action": "audit action", "paper": "paper", "challenge": "challenge response",
    "inspection_plan": "inspection plan item", "s11_return": "Section 11 return",
    "s11_action": "Section 11 plan item", "transfer_answer": "transfer answer",
    "attendance_letter": "attendance letter reply", "chair_review": "chairing review",
    "tor_review": "Terms of Reference review", "document_review": "document review",
}


def kinds_text(items: Iterable[DueItem]) -> str:
    """'9 Section 11 plan items, 4 Section 11 returns, 3 actions, 1 paper': the most numerous kind first."""
    counts: dict[str, int] = {}
    for i in items:
        counts[i.kind] = counts.get(i.kind, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], KIND_ORDER.get(kv[0], 99)))
    return ", ".join(f"{n} {(KIND_PLURALS if n != 1 else KIND_SINGULARS).get(k, k)}" for k, n in ordered)
KIND_ORDER = {k: n for n, k in enumerate(KINDS)}

REMINDABLE_KINDS = ("action", "audit_action")
"""Kinds that are actions of the action log: their owners can be sent a reminder draft."""

DEFAULT_WINDOW_DAYS = 30
"""'Next 30 days': the window of the list's and ``mqp due``'s usual view."""


@dataclass(frozen=True)
class DueItem:
    """One thing that falls due (see the module docstring)."""

    kind: str
    kind_label: str
    reference: str
    title: str
    owner: str
    due: dt.date
    table: str
    record_id: int

    def days_overdue(self, today: dt.date) -> int:
        """Days since the due date: 3 = three days overdue, 0 = due today, -5 = five days left."""
        return (today - self.due).days

    def is_overdue(self, today: dt.date) -> bool:
        return self.due < today

    def when_text(self, today: dt.date) -> str:
        """'12 days overdue', '1 day overdue', 'due today', 'due tomorrow', 'due in 9 days'."""
        return when_text(self.days_overdue(today))

    @property
    def remindable(self) -> bool:
        """An action of the action log (its owner can be sent a reminder)."""
        return self.kind in REMINDABLE_KINDS

    def to_data(self, today: dt.date) -> dict[str, object]:
        """The keys of ``mqp due --json``."""
        days = self.days_overdue(today)
        return {
            "kind": self.kind, "kind_label": self.kind_label, "reference": self.reference, "title": self.title,
            "owner": self.owner, "due": self.due.isoformat(), "days_overdue": days, "overdue": days > 0,
            "table": self.table, "record_id": self.record_id,
        }


def when_text(days_overdue: int) -> str:
    if days_overdue > 0:
        return f"{days_overdue} day{'s' if days_overdue != 1 else ''} overdue"
    if days_overdue == 0:
        return "due today"
    if days_overdue == -1:
        return "due tomorrow"
    return f"due in {-days_overdue} days"


def sort_key(item: DueItem) -> tuple:
    """By due date (the longest overdue first), then kind, reference and record."""
    return (item.due, KIND_ORDER.get(item.kind, len(KIND_ORDER)), item.reference.casefold(), item.record_id)


def sorted_items(items: Iterable[DueItem]) -> list[DueItem]:
    return sorted(items, key=sort_key)


def parse_kind(text: str) -> str:
    """A kind from its key or its label, loosely: 'action', 'Section 11 return', 's11-return', 'tor'."""
    key = " ".join((text or "").strip().lower().replace("-", " ").replace("_", " ").split())
    for kind, label in KIND_LABELS.items():
        if key in (kind.replace("_", " "), label.lower()):
            return kind
    aliases = {"tor": "tor_review", "transfer": "transfer_answer", "letter": "attendance_letter",
               "challenges": "challenge", "actions": "action", "papers": "paper", "inspection": "inspection_plan",
               "return": "s11_return", "chair": "chair_review", "document": "document_review"}
    if key in aliases:
        return aliases[key]
    raise ValidationError("kind", f"'{text}' is not a kind of due item: use one of {', '.join(KINDS)}.")


def filter_items(
    items: Iterable[DueItem],
    today: dt.date,
    *,
    kinds: Sequence[str] | None = None,
    overdue_only: bool = False,
    within_days: int | None = None,
) -> list[DueItem]:
    """The items of ``kinds`` (all when None); ``overdue_only``: overdue ones; ``within_days``: overdue ones and
    those due in the next N days (today + N included)."""
    if within_days is not None and within_days < 0:
        raise ValidationError("days", f"The number of days ahead must be 0 or more, not {within_days}.")
    wanted = set(kinds) if kinds is not None else None
    until = today + dt.timedelta(days=within_days) if within_days is not None else None
    out = []
    for item in items:
        if wanted is not None and item.kind not in wanted:
            continue
        if overdue_only and not item.is_overdue(today):
            continue
        if until is not None and item.due > until:
            continue
        out.append(item)
    return out


@dataclass(frozen=True)
class DueCounts:
    total: int
    overdue: int
    due_today: int
    next_30_days: int
    """Not overdue, due from today to 30 days on."""


def count_items(items: Iterable[DueItem], today: dt.date) -> DueCounts:
    items = list(items)
    days = [i.days_overdue(today) for i in items]
    return DueCounts(
        total=len(items), overdue=sum(1 for d in days if d > 0), due_today=sum(1 for d in days if d == 0),
        next_30_days=sum(1 for d in days if -DEFAULT_WINDOW_DAYS <= d <= 0),
    )


def summary_text(counts: DueCounts) -> str:
    """'3 overdue, 1 due today, 7 more in the next 30 days' — or that nothing is due."""
    if counts.total == 0:
        return "Nothing is due or overdue."
    parts = [f"{counts.overdue} overdue"]
    if counts.due_today:
        parts.append(f"{counts.due_today} due today")
    later = counts.next_30_days - counts.due_today
    parts.append(f"{later} more due in the next {DEFAULT_WINDOW_DAYS} days")
    return ", ".join(parts)


__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "KINDS",
    "KIND_LABELS",
    "KIND_PLURALS",
    "REMINDABLE_KINDS",
    "DueCounts",
    "DueItem",
    "count_items",
    "filter_items",
    "kinds_text",
    "parse_kind",
    "sort_key",
    "sorted_items",
    "summary_text",
    "when_text",
]

"""A meeting's agenda: items, their numbers, times and order (ToR 13).

Plain Python, no Qt and no SQL. The store (``store.agendas``) saves what these
functions return; the GUI and the command line show it.

**Shape.** An agenda has two levels: top-level items (numbered 1, 2, 3 …) and
sub-items under one of them (4.1, 4.2 …). ``AgendaItem.position`` is the
item's place among its siblings (1-based; top-level items are siblings of one
another, sub-items of their parent's other sub-items). Numbers are never
stored: :func:`number_items` computes them from the order, so reordering can
never leave a gap or a duplicate.

**Time.** Each item has ``minutes`` allocated. A top-level item with sub-items
takes its own minutes when set, otherwise the sum of its sub-items'. Sub-items
run inside their parent's slot, one after another from its start. The running
time and the planned finish follow the top-level items from the meeting's
start time (:func:`agenda_lines`, :func:`agenda_timing`).

**Reordering** (:func:`move_up`, :func:`move_down`, :func:`move_to`,
:func:`indent`, :func:`outdent`) are pure functions: they take the meeting's
live items and return copies with new ``parent_id``/``position`` values; the
caller saves the items whose values changed (:func:`changed_placement`).
A top-level item moves with its sub-items.

**Standing agenda.** The items every meeting has (welcome and apologies,
declarations of interest, minutes of the last meeting, action log, any other
business, date of next meeting) are data: a default list in
``resources/templates/standing-agenda.json``, editable per subcommittee as the
``standing_agenda`` setting, applied to a new meeting's empty agenda with
:func:`standing_items`. New substantive items go before the trailing standing
items (any other business, date of next meeting): :func:`default_insert_position`.

**Copying** (:func:`copy_items`) an item or a whole agenda from another meeting
gives new items (no ids) with presenters, purposes, minutes and notes kept;
papers are never copied (each meeting asks for its own).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from mqp_desktop.domain.validation import ValidationError

MAX_MINUTES = 480


class Purpose(StrEnum):
    """Why an item is on the agenda; standing items usually have none."""

    DECISION = "decision"
    DISCUSSION = "discussion"
    INFORMATION = "information"
    ASSURANCE = "assurance"

    @property
    def label(self) -> str:
        """'For decision', as printed on an agenda."""
        return f"For {self.value}"


class StandingKind(StrEnum):
    """Which standing item this is (``none`` for a substantive item)."""

    WELCOME_APOLOGIES = "welcome_apologies"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    ACTION_LOG = "action_log"
    AOB = "aob"
    NEXT_MEETING = "next_meeting"
    NONE = "none"


# Standing items that close an agenda: new substantive items go before them.
CLOSING_KINDS = (StandingKind.AOB, StandingKind.NEXT_MEETING)


@dataclass
class AgendaItem:
    meeting_id: int
    title: str
    position: int = 0
    """Place among its siblings, from 1 (0 = not placed yet: the store places it)."""
    parent_id: int | None = None
    """The top-level item this is a sub-item of (None: top level)."""
    presenter_member_id: int | None = None
    presenter_name: str = ""
    """A guest presenter's name (someone who is not a member); empty when a member presents."""
    purpose: Purpose | None = None
    minutes: int = 0
    priority: str = ""
    """The partnership priority the item serves (free text, or one of the ``partnership_priorities`` setting)."""
    standing: StandingKind = StandingKind.NONE
    notes: str = ""
    copied_from_id: int | None = None
    """The item of another meeting this was copied from (for the record)."""
    removed: bool = False
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    @property
    def is_standing(self) -> bool:
        return self.standing is not StandingKind.NONE


MAX_TITLE = 250
"""The longest title an agenda item or a paper may have, in characters: a title is a line or two on the
agenda, not a page (the printed agenda's table cannot break one row over two pages)."""


def validate_item(item: AgendaItem) -> AgendaItem:
    """Tidy and check an item's own fields (not its place on the agenda)."""
    title = " ".join((item.title or "").split())
    if not title:
        raise ValidationError("title", "The item's title is empty: give it a title, e.g. 'Neglect strategy: draft for sign-off'.")
    if len(title) > MAX_TITLE:
        raise ValidationError("title", f"The item's title is {len(title)} characters long; an agenda item's title "
                                       f"is at most {MAX_TITLE}. Shorten it and put the detail in the item's notes.")
    item.title = title
    item.presenter_name = " ".join((item.presenter_name or "").split())
    if item.presenter_member_id is not None and item.presenter_name:
        raise ValidationError(
            "presenter", "An item is presented by a member or by a named guest, not both: clear one of them."
        )
    item.purpose = Purpose(item.purpose) if item.purpose else None
    item.standing = StandingKind(item.standing or StandingKind.NONE)
    try:
        item.minutes = int(item.minutes or 0)
    except (TypeError, ValueError):
        raise ValidationError("minutes", f"'{item.minutes}' is not a number of minutes: give a whole number, e.g. 15.") from None
    if not 0 <= item.minutes <= MAX_MINUTES:
        raise ValidationError("minutes", f"{item.minutes} minutes is not a time for one item: give 0 to {MAX_MINUTES}.")
    item.priority = " ".join((item.priority or "").split())
    item.notes = (item.notes or "").strip()
    return item


# --- order and numbers ------------------------------------------------------------------------

def _live(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    return [i for i in items if not i.removed]


def _tree(items: Iterable[AgendaItem]) -> list[tuple[AgendaItem, list[AgendaItem]]]:
    """Top-level items in order, each with its sub-items in order (removed items left out).

    A sub-item whose parent is missing (removed) is shown at top level, so
    nothing ever disappears from the agenda silently.
    """
    live = _live(items)
    ids = {i.id for i in live}
    tops = [i for i in live if i.parent_id is None or i.parent_id not in ids]
    key = lambda i: (i.position, i.id or 0)
    tops.sort(key=key)
    children: dict[int | None, list[AgendaItem]] = {}
    for i in live:
        if i.parent_id is not None and i.parent_id in ids:
            children.setdefault(i.parent_id, []).append(i)
    return [(t, sorted(children.get(t.id, []), key=key)) for t in tops]


def ordered(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """The live items in agenda order: each top-level item followed by its sub-items."""
    return [i for top, subs in _tree(items) for i in (top, *subs)]


def number_items(items: Iterable[AgendaItem]) -> dict[int, str]:
    """Item id -> its number ('1', '4', '4.1' …), computed from the order."""
    out: dict[int, str] = {}
    for n, (top, subs) in enumerate(_tree(items), start=1):
        out[top.id] = str(n)
        for m, sub in enumerate(subs, start=1):
            out[sub.id] = f"{n}.{m}"
    return out


def find_by_number(items: Iterable[AgendaItem], number: str) -> AgendaItem | None:
    """The live item numbered ``number`` ('4', '4.1'), or None."""
    wanted = number.strip().rstrip(".")
    items = list(items)
    by_id = {i.id: i for i in items}
    for item_id, n in number_items(items).items():
        if n == wanted:
            return by_id[item_id]
    return None


# --- times ------------------------------------------------------------------------------------

def _minutes_of_day(hhmm: str) -> int | None:
    if not hhmm:
        return None
    h, _, m = hhmm.partition(":")
    return int(h) * 60 + int(m)


def _hhmm(minutes: int | None) -> str:
    if minutes is None:
        return ""
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def item_duration(item: AgendaItem, subs: Sequence[AgendaItem]) -> int:
    """A top-level item's slot: its own minutes when set, otherwise the sum of its sub-items'."""
    return item.minutes or sum(s.minutes for s in subs)


@dataclass(frozen=True)
class AgendaLine:
    """One line of an agenda as printed: the item, its number, depth and times."""

    item: AgendaItem
    number: str
    depth: int
    """0 for a top-level item, 1 for a sub-item."""
    minutes: int
    """The time this line takes (for a top-level item, its whole slot)."""
    start: str
    """'HH:MM' from the meeting's start time, or '' when the meeting has none."""
    finish: str
    elapsed: int
    """Minutes from the meeting's start to this line's finish (the running time)."""


def agenda_lines(items: Iterable[AgendaItem], start_time: str = "") -> list[AgendaLine]:
    """Every live item in order with its number and, from ``start_time`` ('HH:MM'), its times."""
    origin = _minutes_of_day(start_time)
    lines: list[AgendaLine] = []
    clock = 0
    for n, (top, subs) in enumerate(_tree(items), start=1):
        slot = item_duration(top, subs)
        begin = clock
        lines.append(AgendaLine(
            top, str(n), 0, slot,
            _hhmm(None if origin is None else origin + begin),
            _hhmm(None if origin is None else origin + begin + slot),
            begin + slot,
        ))
        sub_clock = begin
        for m, sub in enumerate(subs, start=1):
            lines.append(AgendaLine(
                sub, f"{n}.{m}", 1, sub.minutes,
                _hhmm(None if origin is None else origin + sub_clock),
                _hhmm(None if origin is None else origin + sub_clock + sub.minutes),
                sub_clock + sub.minutes,
            ))
            sub_clock += sub.minutes
        clock = begin + slot
    return lines


@dataclass(frozen=True)
class AgendaTiming:
    total_minutes: int
    start: str
    planned_finish: str
    """'HH:MM' when the agenda as allocated ends ('' when the meeting has no start time)."""
    scheduled_end: str
    overrun_minutes: int
    """How far the planned finish runs past the meeting's end time (0 when it fits or no end is set)."""
    sub_items_over: tuple[str, ...] = ()
    """Numbers of top-level items whose sub-items take longer than the time given to the item itself."""

    @property
    def overruns(self) -> bool:
        return self.overrun_minutes > 0


def agenda_timing(items: Iterable[AgendaItem], start_time: str = "", end_time: str = "") -> AgendaTiming:
    """The running total, the planned finish, and any overrun of the meeting's end time."""
    tree = _tree(items)
    total = sum(item_duration(top, subs) for top, subs in tree)
    start = _minutes_of_day(start_time)
    end = _minutes_of_day(end_time)
    finish = None if start is None else start + total
    over = max(0, finish - end) if finish is not None and end is not None else 0
    crowded = tuple(
        str(n) for n, (top, subs) in enumerate(tree, start=1)
        if top.minutes and subs and sum(s.minutes for s in subs) > top.minutes
    )
    return AgendaTiming(total, start_time or "", _hhmm(finish), end_time or "", over, crowded)


# --- reordering (pure) ------------------------------------------------------------------------

def _find(tree: list[tuple[AgendaItem, list[AgendaItem]]], item_id: int) -> tuple[int, int | None]:
    """(index of the top-level entry, index among its sub-items or None) of an item."""
    for t, (top, subs) in enumerate(tree):
        if top.id == item_id:
            return t, None
        for s, sub in enumerate(subs):
            if sub.id == item_id:
                return t, s
    raise ValidationError("item", f"Item {item_id} is not on this agenda (it may have been removed).")


def _flatten(tree: list[tuple[AgendaItem, list[AgendaItem]]]) -> list[AgendaItem]:
    """Copies of every item with parent_id and position set from the tree's shape."""
    out: list[AgendaItem] = []
    for n, (top, subs) in enumerate(tree, start=1):
        out.append(dataclasses.replace(top, parent_id=None, position=n))
        for m, sub in enumerate(subs, start=1):
            out.append(dataclasses.replace(sub, parent_id=top.id, position=m))
    return out


def _copy_tree(items: Iterable[AgendaItem]) -> list[tuple[AgendaItem, list[AgendaItem]]]:
    return [(top, list(subs)) for top, subs in _tree(items)]


def move_up(items: Iterable[AgendaItem], item_id: int) -> list[AgendaItem]:
    """Swap an item with the sibling before it (a top-level item takes its sub-items along).

    The first of its siblings stays where it is.
    """
    tree = _copy_tree(items)
    t, s = _find(tree, item_id)
    if s is None:
        if t > 0:
            tree[t - 1], tree[t] = tree[t], tree[t - 1]
    elif s > 0:
        subs = tree[t][1]
        subs[s - 1], subs[s] = subs[s], subs[s - 1]
    return _flatten(tree)


def move_down(items: Iterable[AgendaItem], item_id: int) -> list[AgendaItem]:
    """Swap an item with the sibling after it; the last of its siblings stays where it is."""
    tree = _copy_tree(items)
    t, s = _find(tree, item_id)
    if s is None:
        if t < len(tree) - 1:
            tree[t + 1], tree[t] = tree[t], tree[t + 1]
    else:
        subs = tree[t][1]
        if s < len(subs) - 1:
            subs[s + 1], subs[s] = subs[s], subs[s + 1]
    return _flatten(tree)


def move_to(
    items: Iterable[AgendaItem], item_id: int, position: int, parent_id: int | None = None
) -> list[AgendaItem]:
    """Put an item at ``position`` (1-based, clamped to the ends) among the top-level items,
    or among the sub-items of ``parent_id``.

    A top-level item moved under another takes its own sub-items along as
    siblings after it (there are only two levels).
    """
    tree = _copy_tree(items)
    t, s = _find(tree, item_id)
    if parent_id == item_id:
        raise ValidationError("parent", "An item cannot be a sub-item of itself.")
    if s is None:
        moving, carried = tree.pop(t)
    else:
        moving, carried = tree[t][1].pop(s), []
    if parent_id is None:
        index = max(0, min(position - 1, len(tree)))
        tree.insert(index, (moving, carried))
    else:
        parents = [i for i, (top, _) in enumerate(tree) if top.id == parent_id]
        if not parents:
            if any(sub.id == parent_id for _, subs in tree for sub in subs) or any(
                sub.id == parent_id for sub in carried
            ):
                raise ValidationError("parent", "Sub-items cannot have sub-items of their own: choose a top-level item.")
            raise ValidationError("parent", f"Item {parent_id} is not on this agenda.")
        subs = tree[parents[0]][1]
        index = max(0, min(position - 1, len(subs)))
        subs[index:index] = [moving, *carried]
    return _flatten(tree)


def indent(items: Iterable[AgendaItem], item_id: int) -> list[AgendaItem]:
    """Make a top-level item the last sub-item of the item before it.

    Its own sub-items come along, as sub-items of the same parent after it.
    The first item cannot be indented (there is nothing to go under), nor a
    sub-item (only two levels).
    """
    tree = _copy_tree(items)
    t, s = _find(tree, item_id)
    if s is not None:
        raise ValidationError("item", "This is already a sub-item: an agenda has only two levels.")
    if t == 0:
        raise ValidationError("item", "The first item has no item before it to go under.")
    moving, carried = tree.pop(t)
    tree[t - 1][1].extend([moving, *carried])
    return _flatten(tree)


def outdent(items: Iterable[AgendaItem], item_id: int) -> list[AgendaItem]:
    """Make a sub-item a top-level item just after its parent.

    The sub-items that followed it become its sub-items, so the order read
    down the page does not change (as in a word processor's outline).
    """
    tree = _copy_tree(items)
    t, s = _find(tree, item_id)
    if s is None:
        raise ValidationError("item", "This is already a top-level item.")
    subs = tree[t][1]
    moving, following = subs[s], subs[s + 1:]
    del subs[s:]
    tree.insert(t + 1, (moving, following))
    return _flatten(tree)


def renumbered(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    """Copies of the live items with positions made 1, 2, 3 … again (after a removal)."""
    return _flatten(_copy_tree(items))


def changed_placement(before: Iterable[AgendaItem], after: Iterable[AgendaItem]) -> list[AgendaItem]:
    """The items of ``after`` whose parent or position differ from ``before`` (what to save)."""
    old = {i.id: (i.parent_id, i.position) for i in before}
    return [i for i in after if old.get(i.id) != (i.parent_id, i.position)]


def default_insert_position(items: Iterable[AgendaItem]) -> int:
    """Where a new top-level item goes: before the closing standing items (AOB, next meeting)."""
    tree = _tree(items)
    index = len(tree)
    while index > 0 and tree[index - 1][0].standing in CLOSING_KINDS:
        index -= 1
    return index + 1


# --- the standing agenda ----------------------------------------------------------------------

@dataclass(frozen=True)
class StandingItem:
    """One item of the standing agenda template."""

    standing: StandingKind
    title: str
    minutes: int = 0
    purpose: Purpose | None = None
    notes: str = ""

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"standing": self.standing.value, "title": self.title, "minutes": self.minutes}
        if self.purpose:
            data["purpose"] = self.purpose.value
        if self.notes:
            data["notes"] = self.notes
        return data


def standing_agenda_from_data(data: Any) -> list[StandingItem]:
    """A standing agenda from its stored form (a list of objects); bad data raises ValidationError."""
    if isinstance(data, Mapping):
        data = data.get("items")
    if not isinstance(data, list) or not data:
        raise ValidationError("standing_agenda", "The standing agenda must be a non-empty list of items.")
    out = []
    for n, entry in enumerate(data, start=1):
        if not isinstance(entry, Mapping):
            raise ValidationError("standing_agenda", f"Standing item {n} is not an object with a title.")
        try:
            kind = StandingKind(entry.get("standing", "none"))
            purpose = Purpose(entry["purpose"]) if entry.get("purpose") else None
        except ValueError as exc:
            raise ValidationError("standing_agenda", f"Standing item {n}: {exc}.") from None
        item = validate_item(AgendaItem(meeting_id=0, title=str(entry.get("title", "")), standing=kind,
                                        purpose=purpose, minutes=entry.get("minutes", 0),
                                        notes=str(entry.get("notes", ""))))
        out.append(StandingItem(item.standing, item.title, item.minutes, item.purpose, item.notes))
    return out


def load_standing_agenda(path: Path) -> list[StandingItem]:
    """The default standing agenda shipped in ``resources/templates/standing-agenda.json``."""
    return standing_agenda_from_data(json.loads(path.read_text(encoding="utf-8")))


def standing_items(template: Sequence[StandingItem], meeting_id: int) -> list[AgendaItem]:
    """New agenda items (no ids, positions 1…n) for a meeting, from the standing agenda."""
    return [
        AgendaItem(meeting_id=meeting_id, title=s.title, position=n, minutes=s.minutes, purpose=s.purpose,
                   standing=s.standing, notes=s.notes)
        for n, s in enumerate(template, start=1)
    ]


# --- copying ----------------------------------------------------------------------------------

@dataclass
class CopiedItem:
    """A new item copied from another meeting, with its copied sub-items."""

    item: AgendaItem
    sub_items: list[AgendaItem] = field(default_factory=list)


def _copy_one(item: AgendaItem, meeting_id: int) -> AgendaItem:
    return dataclasses.replace(item, id=None, meeting_id=meeting_id, parent_id=None, position=0,
                               copied_from_id=item.id, removed=False)


def copy_items(
    source: Iterable[AgendaItem], meeting_id: int, item_ids: Iterable[int] | None = None
) -> list[CopiedItem]:
    """Copies of a whole agenda (``item_ids`` None) or of chosen items, for ``meeting_id``.

    A chosen top-level item brings its sub-items; a sub-item chosen alone
    becomes a top-level item. Presenters, purposes, minutes, priorities and
    notes are kept; papers are not copied. Order follows the source agenda.
    """
    tree = _tree(source)
    wanted = None if item_ids is None else set(item_ids)
    if wanted is not None:
        known = {i.id for top, subs in tree for i in (top, *subs)}
        missing = wanted - known
        if missing:
            raise ValidationError("items", f"Item {min(missing)} is not on the agenda being copied from.")
    out: list[CopiedItem] = []
    for top, subs in tree:
        if wanted is None or top.id in wanted:
            out.append(CopiedItem(_copy_one(top, meeting_id), [_copy_one(s, meeting_id) for s in subs]))
            continue
        for sub in subs:
            if sub.id in wanted:
                out.append(CopiedItem(_copy_one(sub, meeting_id)))
    return out

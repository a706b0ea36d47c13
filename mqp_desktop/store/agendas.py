"""Agendas, papers, their files, settings, packs and circulation, in the database.

Use through ``store.agendas`` (an :class:`AgendaRepo`). Every write is one
transaction recorded in the change history (entities ``agenda_item``,
``paper``, ``document``, ``setting``, ``circulation``, ``pack``), like the
register's and the meetings'. Nothing is deleted: agenda items and papers are
*removed* with a flag; documents (file contents) are never changed or deleted,
so a pack or a circulation that recorded a document id or a sha256 can always
be shown to be what was sent.

The main calls, for the screens and exporters:

* ``agenda(meeting_id)`` -> :class:`~mqp_desktop.domain.papers.MeetingAgenda`
  (numbered lines with times, timing, papers per item, presenters in words);
  ``items(meeting_id)``, ``item(id)``, ``find_item(meeting_id, "4.1")``.
* ``add_item``, ``update_item``, ``remove_item``, ``move_up``, ``move_down``,
  ``move_to``, ``indent``, ``outdent``, ``apply_standing_agenda``, ``copy_from``.
* ``papers(meeting_id)``, ``paper(id)``, ``request_paper``, ``update_paper``,
  ``mark_received``, ``attach_file``, ``sign_off``, ``withdraw``,
  ``make_supplement``, ``remove_paper``, ``problems(meeting_id)``,
  ``request_email(paper_id)``, ``chase_email(paper_id)``.
* ``add_document``, ``document(id)``, ``document_info(id)``.
* ``setting(name)``, ``set_setting(name, value)``, ``settings()``.
* ``set_house_template(file_name, content)``, ``house_template()``,
  ``clear_house_template()``: the Word agenda's house template (a stored
  document the ``house_template`` setting points at).
* ``save_pack``, ``packs``, ``pack``; ``record_circulation``, ``circulations``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain import agenda as ag
from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.agenda import AgendaItem, Purpose, StandingKind
from mqp_desktop.domain.documents import (
    MAX_DOCUMENT_BYTES,
    CheckedDocument,
    Document,
    DocumentInfo,
    FileRefused,
    check_document,
    check_word_template,
)
from mqp_desktop.domain.papers import (
    Attachment,
    Circulation,
    CirculationKind,
    EmailDraft,
    MeetingAgenda,
    Pack,
    Paper,
    PaperProblem,
    chase_email,
    email_values,
    next_supplement_number,
    paper_deadline,
    paper_problems,
    request_email,
    validate_paper,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.store import changes

if TYPE_CHECKING:
    from mqp_desktop.domain.meetings import Meeting
    from mqp_desktop.exporters.paper_text import PaperText
    from mqp_desktop.store.store import Store

ITEM_COLUMNS = (
    "meeting_id", "parent_id", "position", "title", "presenter_member_id", "presenter_name", "purpose",
    "minutes", "priority", "standing", "notes", "copied_from_id", "removed",
)
PAPER_COLUMNS = (
    "item_id", "title", "author_name", "author_email", "requested_on", "deadline", "received_on",
    "signed_off_by", "signed_off_on", "withdrawn", "supplement", "notes", "document_id", "removed",
)


def check_paper_file(file_name: str, content: bytes) -> CheckedDocument:
    """A paper's file checked fully before it is stored: by its name and content
    (:func:`~mqp_desktop.domain.documents.check_document`) and, for a PDF, read whole the way the pack
    reads it (:func:`~mqp_desktop.exporters.pack_merge.check_paper_pdf`: every page, its structure
    repaired if need be, no password to open). Refusals are :class:`FileRefused` naming the file, the
    problem and what to do — the same words the pack would use. What the check noticed without refusing
    is in :attr:`CheckedDocument.note`."""
    checked = check_document(file_name, content, max_bytes=MAX_DOCUMENT_BYTES)
    if checked.media_type != "application/pdf":
        return checked
    from mqp_desktop.exporters.active_content import removed_words
    from mqp_desktop.exporters.pack_merge import BadPDF, check_paper_pdf

    try:
        paper_pdf = check_paper_pdf(checked.content, checked.sha256)
    except BadPDF as exc:
        raise FileRefused(f"'{checked.file_name}' {exc.problem} {exc.remedy}") from None
    notes = []
    if paper_pdf.repaired:
        notes.append("its PDF structure was damaged and is repaired when it is read: look over its pages in the pack")
    if paper_pdf.active:
        notes.append(f"it holds {removed_words(paper_pdf.active)}, which the pack leaves out (the file is kept as "
                     "received)")
    return dataclasses.replace(checked, note="; ".join(notes)) if notes else checked


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _item(row: Mapping[str, Any]) -> AgendaItem:
    return AgendaItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        parent_id=row["parent_id"],
        position=row["position"],
        title=row["title"],
        presenter_member_id=row["presenter_member_id"],
        presenter_name=row["presenter_name"],
        purpose=Purpose(row["purpose"]) if row["purpose"] else None,
        minutes=row["minutes"],
        priority=row["priority"],
        standing=StandingKind(row["standing"]),
        notes=row["notes"],
        copied_from_id=row["copied_from_id"],
        removed=bool(row["removed"]),
        row_version=row["row_version"],
    )


def _item_values(i: AgendaItem) -> dict[str, Any]:
    return {
        "meeting_id": i.meeting_id,
        "parent_id": i.parent_id,
        "position": i.position,
        "title": i.title,
        "presenter_member_id": i.presenter_member_id,
        "presenter_name": i.presenter_name,
        "purpose": i.purpose.value if i.purpose else None,
        "minutes": i.minutes,
        "priority": i.priority,
        "standing": StandingKind(i.standing).value,
        "notes": i.notes,
        "copied_from_id": i.copied_from_id,
        "removed": int(i.removed),
    }


def _paper(row: Mapping[str, Any]) -> Paper:
    return Paper(
        id=row["id"],
        item_id=row["item_id"],
        title=row["title"],
        author_name=row["author_name"],
        author_email=row["author_email"],
        requested_on=_d(row["requested_on"]),
        deadline=_d(row["deadline"]),
        received_on=_d(row["received_on"]),
        signed_off_by=row["signed_off_by"],
        signed_off_on=_d(row["signed_off_on"]),
        withdrawn=bool(row["withdrawn"]),
        supplement=row["supplement"],
        notes=row["notes"],
        document_id=row["document_id"],
        removed=bool(row["removed"]),
        row_version=row["row_version"],
    )


def _paper_values(p: Paper) -> dict[str, Any]:
    return {
        "item_id": p.item_id,
        "title": p.title,
        "author_name": p.author_name,
        "author_email": p.author_email,
        "requested_on": _iso(p.requested_on),
        "deadline": _iso(p.deadline),
        "received_on": _iso(p.received_on),
        "signed_off_by": p.signed_off_by,
        "signed_off_on": _iso(p.signed_off_on),
        "withdrawn": int(p.withdrawn),
        "supplement": p.supplement,
        "notes": p.notes,
        "document_id": p.document_id,
        "removed": int(p.removed),
    }


def _doc_info(row: Mapping[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        id=row["id"], sha256=row["sha256"], file_name=row["file_name"], media_type=row["media_type"],
        size=row["size"], added_at=row["added_at"],
    )


_diff = changes

ITEM_LABELS = {
    "presenter_member_id": "presenter (member)",
    "presenter_name": "presenter (guest)",
    "minutes": "time (minutes)",
    "priority": "partnership priority",
    "standing": "standing item",
    "parent_id": "under item",
}
PAPER_LABELS = {
    "item_id": "agenda item",
    "author_name": "author",
    "author_email": "author's email",
    "requested_on": "requested on",
    "received_on": "received on",
    "signed_off_by": "signed off by",
    "signed_off_on": "signed off on",
    "document_id": "file",
}


class AgendaRepo:
    last_attach_note: str = ""
    """What the full check of the file last attached noticed without refusing it ('' when nothing): a PDF
    repaired on reading, active content the pack leaves out. The GUI and ``mqp papers attach`` show it."""

    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # --- small helpers ---------------------------------------------------------------------
    def _insert(self, table: str, values: Mapping[str, Any]) -> int:
        return self.store.insert(table, values)

    def _update(self, table: str, row_id: int, diff: Mapping[str, list[Any]], *,
                version: int | None = None) -> int | None:
        return self.store.update(table, row_id, diff, version=version)

    def _meeting(self, meeting_id: int) -> Meeting:
        return self.store.meetings.get(meeting_id)

    def _require_unlocked(self, meeting_id: int) -> None:
        """Signed minutes lock the agenda of their meeting (a correction opens it)."""
        self.store.minutes.require_meeting_unlocked(meeting_id, "its agenda")

    # --- reading the agenda ----------------------------------------------------------------
    def items(self, meeting_id: int, *, include_removed: bool = False) -> list[AgendaItem]:
        """The meeting's agenda items in agenda order (removed ones, if asked, at the end)."""
        rows = [_item(r) for r in self.db.query(
            "SELECT * FROM agenda_item WHERE meeting_id = ? ORDER BY position, id", [meeting_id])]
        live = ag.ordered(rows)
        if include_removed:
            live += [i for i in rows if i.removed]
        return live

    def item(self, item_id: int) -> AgendaItem:
        rows = list(self.db.query("SELECT * FROM agenda_item WHERE id = ?", [item_id]))
        if not rows:
            raise RecordNotFound(f"There is no agenda item with id {item_id}.", "See 'mqp agenda show MEETING'.")
        return _item(rows[0])

    def _live_item(self, item_id: int) -> AgendaItem:
        item = self.item(item_id)
        if item.removed:
            raise ValidationError("item", f"Agenda item {item_id} ('{item.title}') has been removed.")
        return item

    def find_item(self, meeting_id: int, number: str) -> AgendaItem:
        """The live item numbered ``number`` ('4', '4.1') on a meeting's agenda."""
        found = ag.find_by_number(self.items(meeting_id), number)
        if found is None:
            raise ValidationError("item", f"The agenda of meeting {meeting_id} has no item {number.strip()}.")
        return found

    def numbers(self, meeting_id: int) -> dict[int, str]:
        return ag.number_items(self.items(meeting_id))

    def presenter_text(self, item: AgendaItem, members: Mapping[int, Any] | None = None) -> str:
        """The presenter in words: a member with post and agency, or a guest's name."""
        if item.presenter_name:
            return f"{item.presenter_name} (guest)"
        if item.presenter_member_id is None:
            return ""
        if members is not None and item.presenter_member_id in members:
            m = members[item.presenter_member_id]
        else:
            m = self.store.member(item.presenter_member_id)
        agency = {a.id: a.label for a in self.store.agencies()}.get(m.agency_id, "")
        return f"{m.display_name} ({m.role_title}" + (f", {agency})" if agency else ")")

    def agenda(self, meeting_id: int) -> MeetingAgenda:
        """The meeting's agenda with numbers, times, timing, papers and presenters, in one read."""
        meeting = self._meeting(meeting_id)
        items = self.items(meeting_id)
        members = {m.id: m for m in self.store.members()}
        by_item: dict[int, list[Paper]] = {}
        for p in self.papers(meeting_id):
            by_item.setdefault(p.item_id, []).append(p)
        return MeetingAgenda(
            meeting_id=meeting_id,
            lines=tuple(ag.agenda_lines(items, meeting.start_time)),
            timing=ag.agenda_timing(items, meeting.start_time, meeting.end_time),
            papers={k: tuple(v) for k, v in by_item.items()},
            presenters={i.id: self.presenter_text(i, members) for i in items},
        )

    # --- writing the agenda ----------------------------------------------------------------
    def _check_item(self, item: AgendaItem) -> AgendaItem:
        item = ag.validate_item(dataclasses.replace(item))
        if item.presenter_member_id is not None:
            self.store.member(item.presenter_member_id)
        return item

    def _save_placement(self, before: Sequence[AgendaItem], after: Sequence[AgendaItem],
                        moved_id: int | None, action: str) -> list[AgendaItem]:
        """Write the parent/position changes between two arrangements (inside a transaction)."""
        old_numbers = ag.number_items(before)
        new_numbers = ag.number_items(after)
        by_id = {i.id: i for i in before}
        for item in ag.changed_placement(before, after):
            old = by_id[item.id]
            diff = {"parent_id": [old.parent_id, item.parent_id], "position": [old.position, item.position]}
            diff = {k: v for k, v in diff.items() if v[0] != v[1]}
            # An item's place is not part of what its dialog edits: moving it does not make an
            # edit of its title or presenter read before the move out of date.
            self.store.update("agenda_item", item.id, diff, bump=False)
            verb = action if item.id == moved_id else "renumbered"
            self.store.record(
                "agenda_item", item.id, verb,
                f"Agenda item {verb}: '{item.title}' ({old_numbers.get(item.id, '?')} -> {new_numbers.get(item.id, '?')})",
                diff,
            )
        return ag.ordered(after)

    def add_item(self, item: AgendaItem, *, after_id: int | None = None) -> AgendaItem:
        """Add an item to its meeting's agenda.

        Where it goes: just after ``after_id`` (as its sibling) when given; else,
        as a sub-item (``item.parent_id``) at the end of the parent's sub-items;
        else at ``item.position`` when set (1-based among the top-level items);
        else before the closing standing items (any other business, next meeting).
        """
        item = self._check_item(dataclasses.replace(item, id=None, removed=False))
        self._meeting(item.meeting_id)
        self._require_unlocked(item.meeting_id)
        with self.store.write():
            current = self.items(item.meeting_id)
            by_id = {i.id: i for i in current}
            parent_id, position = item.parent_id, item.position
            if after_id is not None:
                if after_id not in by_id:
                    raise ValidationError("after", f"Item {after_id} is not on this meeting's agenda.")
                anchor = by_id[after_id]
                if parent_id is not None and anchor.parent_id != parent_id and anchor.id != parent_id:
                    raise ValidationError("after", "The item to go after is not under the same parent.")
                if anchor.id == parent_id:
                    position = 1
                else:
                    parent_id = anchor.parent_id
                    siblings = [i for i in current if i.parent_id == parent_id]
                    position = [s.id for s in siblings].index(anchor.id) + 2
            elif parent_id is not None:
                if parent_id not in by_id:
                    raise ValidationError("under", f"Item {parent_id} is not on this meeting's agenda.")
                if by_id[parent_id].parent_id is not None:
                    raise ValidationError("under", "Sub-items cannot have sub-items of their own: choose a top-level item.")
                position = len([i for i in current if i.parent_id == parent_id]) + 1
            elif not position:
                position = ag.default_insert_position(current)
            item.parent_id = None
            item.position = len([i for i in current if i.parent_id is None]) + 1
            values = _item_values(item)
            item.id = self._insert("agenda_item", values)
            self.store.record("agenda_item", item.id, "added", f"Agenda item added: '{item.title}'",
                              {k: [None, v] for k, v in values.items() if v not in (None, "", 0)})
            item.row_version = 1
            placed = self._save_placement(current + [item], ag.move_to(current + [item], item.id, position, parent_id),
                                          item.id, "placed")
        return next(i for i in placed if i.id == item.id)

    def update_item(self, item: AgendaItem) -> AgendaItem:
        """Save an item's own fields (title, presenter, purpose, minutes, priority, notes, standing).

        Its place is changed with the move functions; its meeting never changes.
        ``item.row_version`` is the version it was read at: an item saved since by someone else
        is refused with :class:`~mqp_desktop.store.errors.EditConflict`, never overwritten.
        """
        if item.id is None:
            raise ValueError("update_item needs a saved item")
        read = self.store.require_version(item, "update_item")
        with self.store.write():
            old = self._live_item(item.id)
            item = self._check_item(dataclasses.replace(
                item, meeting_id=old.meeting_id, parent_id=old.parent_id, position=old.position,
                copied_from_id=old.copied_from_id, removed=False))
            before, after = _item_values(old), _item_values(item)
            diff = _diff(before, after)
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.store.edit_conflict(
                    f"agenda item '{old.title}'", entity="agenda_item", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, labels=ITEM_LABELS,
                    yours_record=item, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(item, row_version=old.row_version)
            self._require_unlocked(old.meeting_id)
            version = self._update("agenda_item", item.id, diff, version=read)
            self.store.record("agenda_item", item.id, "edited", f"Agenda item edited: '{item.title}'", diff)
        return dataclasses.replace(item, row_version=version)

    def remove_item(self, item_id: int, *, seen: AgendaItem | None = None) -> list[AgendaItem]:
        """Remove an item (a flag, recorded) with its sub-items and their papers; renumber the rest.

        ``seen``: the item as the officer saw it when choosing to remove it (refused if it was
        changed since); without it, as stored now."""
        with self.store.write():
            item = self._live_item(item_id)
            self._require_unlocked(item.meeting_id)
            if seen is not None and seen.row_version != item.row_version:
                raise self.store.edit_conflict(
                    f"agenda item '{item.title}'", entity="agenda_item", entity_id=item.id,
                    read_version=seen.row_version, stored_version=item.row_version,
                    yours={**_item_values(seen), "removed": 1}, stored=_item_values(item), labels=ITEM_LABELS,
                    yours_record=seen, stored_record=item,
                )
            current = self.items(item.meeting_id)
            going = [i for i in current if i.id == item_id or i.parent_id == item_id]
            for gone in going:
                self._update("agenda_item", gone.id, {"removed": [0, 1]})
                self.store.record("agenda_item", gone.id, "removed", f"Agenda item removed: '{gone.title}'",
                                  {"removed": [0, 1]})
                for p in self.papers_for_item(gone.id):
                    self._update("paper", p.id, {"removed": [0, 1]})
                    self.store.record("paper", p.id, "removed", f"Paper removed with its item: '{p.title}'",
                                      {"removed": [0, 1]})
            remaining = [i for i in current if i not in going]
            return self._save_placement(remaining, ag.renumbered(remaining), None, "renumbered")

    def _rearrange(self, item_id: int, how, action: str, *args: Any) -> list[AgendaItem]:
        # A move acts on the agenda as stored at that moment (read inside the write), so it
        # never puts back an order someone else changed meanwhile.
        with self.store.write():
            item = self._live_item(item_id)
            self._require_unlocked(item.meeting_id)
            current = self.items(item.meeting_id)
            return self._save_placement(current, how(current, item_id, *args), item_id, action)

    def move_up(self, item_id: int) -> list[AgendaItem]:
        """Swap with the sibling before (a top-level item brings its sub-items); returns the new order."""
        return self._rearrange(item_id, ag.move_up, "moved up")

    def move_down(self, item_id: int) -> list[AgendaItem]:
        return self._rearrange(item_id, ag.move_down, "moved down")

    def move_to(self, item_id: int, position: int, parent_id: int | None = None) -> list[AgendaItem]:
        """Put the item at ``position`` (1-based) at top level, or among ``parent_id``'s sub-items."""
        return self._rearrange(item_id, ag.move_to, "moved", position, parent_id)

    def indent(self, item_id: int) -> list[AgendaItem]:
        """Make a top-level item a sub-item of the one before it."""
        return self._rearrange(item_id, ag.indent, "indented")

    def outdent(self, item_id: int) -> list[AgendaItem]:
        """Make a sub-item a top-level item after its parent (later sub-items follow it)."""
        return self._rearrange(item_id, ag.outdent, "outdented")

    def standing_agenda(self) -> list[ag.StandingItem]:
        return ag.standing_agenda_from_data(self.setting(cfg.STANDING_AGENDA))

    def apply_standing_agenda(self, meeting_id: int) -> list[AgendaItem]:
        """Give a meeting with an empty agenda the subcommittee's standing agenda."""
        with self.store.write():
            meeting = self._meeting(meeting_id)
            if self.items(meeting_id):
                raise ValidationError(
                    "agenda", f"The {meeting.title.lower()} already has an agenda: the standing agenda is applied "
                    "only to an empty one. Add the items you need one by one."
                )
            self._require_unlocked(meeting_id)
            new = ag.standing_items(self.standing_agenda(), meeting_id)
            for item in new:
                values = _item_values(item)
                item.id = self._insert("agenda_item", values)
                self.store.record("agenda_item", item.id, "added", f"Standing item added: '{item.title}'",
                                  {k: [None, v] for k, v in values.items() if v not in (None, "", 0)})
        return self.items(meeting_id)

    def copy_from(
        self, meeting_id: int, source_meeting_id: int, item_ids: Iterable[int] | None = None
    ) -> list[AgendaItem]:
        """Copy a whole agenda (into an empty one) or chosen items from another meeting.

        Chosen items go before the closing standing items; a top-level item
        brings its sub-items. Presenters are kept; papers are not copied.
        Returns the new items.
        """
        if meeting_id == source_meeting_id:
            raise ValidationError("from", "Copy from another meeting, not from the same one.")
        target = self._meeting(meeting_id)
        self._meeting(source_meeting_id)
        self._require_unlocked(meeting_id)
        source = self.items(source_meeting_id)
        if not source:
            raise ValidationError("from", f"Meeting {source_meeting_id} has no agenda to copy.")
        current = self.items(meeting_id)
        if item_ids is None and current:
            raise ValidationError(
                "items", f"The {target.title.lower()} already has an agenda: copy chosen items (their ids or numbers), "
                "not the whole agenda."
            )
        copies = ag.copy_items(source, meeting_id, item_ids)
        added: list[int] = []
        with self.store.write():
            position = ag.default_insert_position(current) if current else 1
            for copy in copies:
                top = self._add_copied(dataclasses.replace(copy.item, position=position))
                added.append(top.id)
                position += 1
                for sub in copy.sub_items:
                    added.append(self._add_copied(dataclasses.replace(sub, parent_id=top.id)).id)
        return [i for i in self.items(meeting_id) if i.id in added]

    def _add_copied(self, item: AgendaItem) -> AgendaItem:
        # A presenter who has since left is still the right name to start from: kept as is.
        return self.add_item(item)

    # --- papers ----------------------------------------------------------------------------
    def papers(self, meeting_id: int, *, include_removed: bool = False) -> list[Paper]:
        """The papers of a meeting's live items, in agenda order (pack papers, then supplements)."""
        order = {i.id: n for n, i in enumerate(self.items(meeting_id))}
        rows = self.db.query(
            "SELECT paper.* FROM paper JOIN agenda_item ON agenda_item.id = paper.item_id"
            " WHERE agenda_item.meeting_id = ?" + ("" if include_removed else " AND paper.removed = 0"),
            [meeting_id],
        )
        papers = [_paper(r) for r in rows]
        return sorted(papers, key=lambda p: (p.supplement or 0, order.get(p.item_id, 10**6), p.id))

    def papers_for_item(self, item_id: int) -> list[Paper]:
        return [_paper(r) for r in self.db.query(
            "SELECT * FROM paper WHERE item_id = ? AND removed = 0 ORDER BY id", [item_id])]

    def paper(self, paper_id: int) -> Paper:
        rows = list(self.db.query("SELECT * FROM paper WHERE id = ?", [paper_id]))
        if not rows:
            raise RecordNotFound(f"There is no paper with id {paper_id}.", "See 'mqp papers list MEETING'.")
        return _paper(rows[0])

    def _live_paper(self, paper_id: int) -> Paper:
        paper = self.paper(paper_id)
        if paper.removed:
            raise ValidationError("paper", f"Paper {paper_id} ('{paper.title}') has been removed.")
        return paper

    def meeting_of_paper(self, paper: Paper) -> Meeting:
        return self._meeting(self.item(paper.item_id).meeting_id)

    def default_deadline(self, meeting_id: int) -> dt.date:
        """The ``paper_deadline_days`` working days before the meeting (weekends, bank holidays skipped)."""
        return paper_deadline(self._meeting(meeting_id).date, self.setting(cfg.PAPER_DEADLINE_DAYS))

    def pack_circulated(self, meeting_id: int) -> bool:
        """Whether a pack of this meeting has gone out (later papers are supplements)."""
        row = self.db.execute(
            "SELECT 1 FROM pack WHERE meeting_id = ? AND circulated = 1 UNION ALL"
            " SELECT 1 FROM circulation WHERE meeting_id = ? AND kind = 'pack' LIMIT 1",
            [meeting_id, meeting_id],
        ).fetchone()
        return row is not None

    def _save_new_paper(self, paper: Paper, summary: str) -> Paper:
        paper = validate_paper(dataclasses.replace(paper, id=None, removed=False))
        values = _paper_values(paper)
        with self.store.write():
            paper.id = self._insert("paper", values)
            self.store.record("paper", paper.id, "requested" if not paper.received else "added", summary,
                              {k: [None, v] for k, v in values.items() if v not in (None, "", 0)})
        paper.row_version = 1
        return paper

    def request_paper(
        self,
        item_id: int,
        *,
        author_name: str,
        author_email: str = "",
        title: str = "",
        deadline: dt.date | None = None,
        requested_on: dt.date | None = None,
        supplement: bool | None = None,
        notes: str = "",
    ) -> Paper:
        """Ask an author for a paper for an item. The deadline defaults to the setting's working
        days before the meeting (or the request date, when that is already past); a paper asked for after the pack was circulated is the next
        supplement (``supplement=None``: decided so; True/False to say)."""
        item = self._live_item(item_id)
        meeting = self._meeting(item.meeting_id)
        if not (author_name or "").strip():
            raise ValidationError("author", "Name the paper's author.")
        if supplement is None:
            supplement = self.pack_circulated(meeting.id)
        number = next_supplement_number(self.papers(meeting.id)) if supplement else None
        requested_on = requested_on or dt.date.today()
        if deadline is None:
            # Asked for after the usual deadline (a late item): due the day it is asked for.
            deadline = max(self.default_deadline(meeting.id), requested_on)
        paper = Paper(
            item_id=item.id, title=title or item.title, author_name=author_name, author_email=author_email,
            requested_on=requested_on, deadline=deadline, supplement=number, notes=notes,
        )
        return self._save_new_paper(
            paper, f"Paper requested: '{paper.title}' from {author_name.strip()}"
            + (f", due {paper.deadline:%d/%m/%Y}" if paper.deadline else "")
            + (f" (Supplement {number})" if number else ""),
        )

    def update_paper(self, paper: Paper, *, action: str = "edited", summary: str | None = None) -> Paper:
        """Save a paper as edited. ``paper.row_version`` is the version it was read at: a paper saved
        since by someone else is refused with :class:`~mqp_desktop.store.errors.EditConflict`."""
        if paper.id is None:
            raise ValueError("update_paper needs a saved paper")
        read = self.store.require_version(paper, "update_paper")
        with self.store.write():
            old = self._live_paper(paper.id)
            paper = validate_paper(dataclasses.replace(paper, item_id=old.item_id, removed=False))
            before, after = _paper_values(old), _paper_values(paper)
            diff = _diff(before, after)
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.store.edit_conflict(
                    f"the paper '{old.title}'", entity="paper", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, labels=PAPER_LABELS,
                    yours_record=paper, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(paper, row_version=old.row_version)
            version = self._update("paper", paper.id, diff, version=read)
            self.store.record("paper", paper.id, action, summary or f"Paper {action}: '{paper.title}'", diff)
        return dataclasses.replace(paper, row_version=version)

    def _paper_as_seen(self, paper_id: int, seen: Paper | None) -> Paper:
        """The paper a step starts from: as the officer saw it (its version is checked when saved),
        or as stored now. Call inside a write."""
        stored = self._live_paper(paper_id)
        if seen is None:
            return stored
        if seen.id != paper_id:
            raise ValueError("seen is another paper")
        return dataclasses.replace(seen)

    def mark_received(self, paper_id: int, on: dt.date | None = None, *, seen: Paper | None = None) -> Paper:
        """The paper arrived (``seen``: the paper as the officer saw it; refused if changed since)."""
        with self.store.write():
            paper = self._paper_as_seen(paper_id, seen)
            on = on or dt.date.today()
            if paper.withdrawn:
                raise ValidationError("paper", f"'{paper.title}' was withdrawn: it cannot be received.")
            if on > dt.date.today():
                raise ValidationError("date", f"{on:%d/%m/%Y} is in the future: a paper is received on or before today.")
            paper.received_on = on
            return self.update_paper(paper, action="received",
                                     summary=f"Paper received: '{paper.title}' on {on:%d/%m/%Y}")

    def sign_off(self, paper_id: int, by: str, on: dt.date | None = None, *, seen: Paper | None = None) -> Paper:
        """Record the senior manager who signed the paper off, and when (ToR 14; ``seen`` as for mark_received)."""
        with self.store.write():
            paper = self._paper_as_seen(paper_id, seen)
            by = " ".join((by or "").split())
            if not by:
                raise ValidationError("by", "Name the senior manager who signed the paper off.")
            on = on or dt.date.today()
            if on > dt.date.today():
                raise ValidationError("date", f"{on:%d/%m/%Y} is in the future: record a sign-off once it has happened.")
            paper.signed_off_by, paper.signed_off_on = by, on
            return self.update_paper(paper, action="signed off",
                                     summary=f"Paper signed off: '{paper.title}' by {by} on {on:%d/%m/%Y}")

    def withdraw(self, paper_id: int, reason: str = "", *, seen: Paper | None = None) -> Paper:
        with self.store.write():
            paper = self._paper_as_seen(paper_id, seen)
            if paper.withdrawn:
                return paper
            paper.withdrawn = True
            if reason.strip():
                paper.notes = (paper.notes + "\n" if paper.notes else "") + f"Withdrawn: {reason.strip()}"
            return self.update_paper(paper, action="withdrawn", summary=f"Paper withdrawn: '{paper.title}'")

    def make_supplement(self, paper_id: int, *, seen: Paper | None = None) -> Paper:
        """Number a late paper as the meeting's next supplement (the pack is not renumbered)."""
        with self.store.write():
            paper = self._paper_as_seen(paper_id, seen)
            if paper.supplement:
                return paper
            meeting = self.meeting_of_paper(paper)
            paper.supplement = next_supplement_number(self.papers(meeting.id))
            return self.update_paper(paper, action="made a supplement",
                                     summary=f"Paper made Supplement {paper.supplement}: '{paper.title}'")

    def remove_paper(self, paper_id: int, *, seen: Paper | None = None) -> Paper:
        """Remove a paper (a flag, recorded); its documents stay, as every document does."""
        with self.store.write():
            paper = self._live_paper(paper_id)
            if seen is not None and seen.row_version != paper.row_version:
                raise self.store.edit_conflict(
                    f"the paper '{paper.title}'", entity="paper", entity_id=paper.id, read_version=seen.row_version,
                    stored_version=paper.row_version, yours={**_paper_values(seen), "removed": 1},
                    stored=_paper_values(paper), labels=PAPER_LABELS, yours_record=seen, stored_record=paper,
                )
            version = self._update("paper", paper.id, {"removed": [0, 1]}, version=paper.row_version)
            self.store.record("paper", paper.id, "removed", f"Paper removed: '{paper.title}'", {"removed": [0, 1]})
        return dataclasses.replace(paper, removed=True, row_version=version)

    def problems(self, meeting_id: int, today: dt.date | None = None, *,
                 include_outstanding: bool = True) -> list[PaperProblem]:
        """Late and missing papers of a meeting (overdue, outstanding, not signed off, no file, no paper)."""
        items = self.items(meeting_id)
        return paper_problems(items, self.papers(meeting_id), today or dt.date.today(), ag.number_items(items),
                              include_outstanding=include_outstanding)

    # --- files -----------------------------------------------------------------------------
    def add_document(self, file_name: str, content: bytes) -> DocumentInfo:
        """Check and store a file's bytes as a new, immutable document (with its text, for the search)."""
        checked = check_paper_file(file_name, content)
        text = self._read_text(checked)
        with self.store.write():
            return self._store_document(checked, text=text)

    @staticmethod
    def _read_text(checked: CheckedDocument) -> PaperText:
        """The text of a paper's file for the search (exporters/paper_text.py: bounded in size and time,
        never refusing the file), read before the transaction so the database is not held meanwhile."""
        from mqp_desktop.exporters.paper_text import extract_text

        return extract_text(checked.file_name, checked.media_type, checked.content)

    def _store_document(self, checked: CheckedDocument, *, text: PaperText | None = None) -> DocumentInfo:
        added_at = _now()
        values = {
            "sha256": checked.sha256, "file_name": checked.file_name, "media_type": checked.media_type,
            "size": checked.size, "content": checked.content, "added_at": added_at,
        }
        doc_id = self._insert("document", values)
        self.store.record("document", doc_id, "added", f"File stored: {checked.file_name} ({checked.size:,} bytes)",
                          {k: [None, v] for k, v in values.items() if k != "content"})
        if text is not None:  # derived from the document (which never changes): no history entry of its own
            self.store.search.save_text(doc_id, text)
        return DocumentInfo(doc_id, checked.sha256, checked.file_name, checked.media_type, checked.size, added_at)

    @staticmethod
    def read_file(path: Path | str) -> CheckedDocument:
        """Read and check a paper's file from disk (nothing is written); refusals name the file."""
        file = Path(path).expanduser()
        if not file.exists():
            raise FileRefused(f"There is no file '{file}': check the name and folder.")
        if not file.is_file():
            raise FileRefused(f"'{file}' is a folder, not a file: choose the paper's file inside it.")
        try:
            size = file.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise FileRefused(
                    f"'{file.name}' is {size / 2**20:.0f} MB, more than the {MAX_DOCUMENT_BYTES / 2**20:.0f} MB a paper "
                    "may be: ask the author for a smaller file (e.g. a PDF with compressed images)."
                )
            content = file.read_bytes()
        except OSError as exc:
            raise FileRefused(f"'{file}' could not be read ({exc.strerror or exc}): close it in any other "
                              "program and try again.") from None
        return check_paper_file(file.name, content)

    def attach_file(self, paper_id: int, path: Path | str, *, received_on: dt.date | None = None,
                    seen: Paper | None = None) -> Paper:
        """Take a file into the database as the paper's current document.

        The file is checked first (see :mod:`mqp_desktop.domain.documents`); a
        refused file writes nothing. Replacing a file adds a new document and
        keeps the old one. A paper not yet received is marked received
        (``received_on`` or today). ``seen``: the paper as the officer saw it
        (refused if it was changed since, e.g. another file attached meanwhile).
        """
        self._check_attachable(self._live_paper(paper_id))
        checked = self.read_file(path)
        return self._attach(seen if seen is not None else paper_id, checked, received_on)

    def attach_content(self, paper_id: int, file_name: str, content: bytes, *,
                       received_on: dt.date | None = None, seen: Paper | None = None) -> Paper:
        """As :meth:`attach_file`, from bytes already in memory (e.g. dropped from an email)."""
        self._check_attachable(self._live_paper(paper_id))
        return self._attach(seen if seen is not None else paper_id, check_paper_file(file_name, content), received_on)

    @staticmethod
    def _check_attachable(paper: Paper) -> None:
        if paper.withdrawn:
            raise ValidationError("paper", f"'{paper.title}' was withdrawn: it takes no file.")

    def _attach(self, paper: Paper | int, checked: CheckedDocument, received_on: dt.date | None) -> Paper:
        """Store the file and point the paper at it. ``paper``: the paper as the officer saw it (its
        version is checked), or its id (read as stored now, in the same transaction)."""
        text = self._read_text(checked)
        with self.store.write():
            if isinstance(paper, int):
                paper = self._live_paper(paper)
            else:
                paper = self._paper_as_seen(paper.id, paper)
            self._check_attachable(paper)
            old_doc = paper.document_id
            info = self._store_document(checked, text=text)
            paper.document_id = info.id
            if paper.received_on is None:
                paper.received_on = received_on or dt.date.today()
            verb = "file replaced" if old_doc else "file attached"
            note = f"; {checked.note}" if checked.note else ""
            saved = self.update_paper(paper, action=verb,
                                      summary=f"Paper {verb}: '{paper.title}' ({checked.file_name}{note})")
        self.last_attach_note = checked.note
        return saved

    def document_info(self, document_id: int) -> DocumentInfo:
        rows = list(self.db.query(
            "SELECT id, sha256, file_name, media_type, size, added_at FROM document WHERE id = ?", [document_id]))
        if not rows:
            raise RecordNotFound(f"There is no stored file with id {document_id}.")
        return _doc_info(rows[0])

    def document(self, document_id: int) -> Document:
        """A stored file: its metadata and bytes (always the bytes first stored under that id), in one read."""
        cursor = self.db.execute(
            "SELECT id, sha256, file_name, media_type, size, added_at, content FROM document WHERE id = ?",
            [document_id])
        row = cursor.fetchone()
        if row is None:
            raise RecordNotFound(f"There is no stored file with id {document_id}.")
        names = [d[0] for d in cursor.description]
        values = dict(zip(names, row, strict=True))
        return Document(_doc_info(values), bytes(values["content"]))

    def paper_documents(self, paper_id: int) -> list[DocumentInfo]:
        """Every file the paper has had, oldest first, from the change history."""
        ids = []
        for change in reversed(self.store.history(entity="paper", entity_id=paper_id)):
            new = change.changes.get("document_id", [None, None])[1]
            if new is not None and new not in ids:
                ids.append(new)
        return [self.document_info(i) for i in ids]

    # --- settings --------------------------------------------------------------------------
    def setting(self, name: str) -> Any:
        """A setting's value, or its default when never set (see :mod:`~mqp_desktop.domain.agenda_settings`)."""
        spec = cfg.setting_spec(name)
        row = self.db.execute("SELECT value FROM setting WHERE name = ?", [name]).fetchone()
        if row is None:
            return spec.default()
        try:
            return spec.clean(json.loads(row[0]))
        except ValidationError:
            return spec.default()  # a value a later version no longer accepts: its default

    def settings(self) -> dict[str, tuple[Any, bool]]:
        """Every setting: name -> (value, whether it is the default because never set)."""
        stored = {r[0] for r in self.db.execute("SELECT name FROM setting")}
        return {name: (self.setting(name), name not in stored) for name in cfg.SETTINGS}

    def setting_version(self, name: str) -> int:
        """How many times a setting has been saved (0: never, it is its default)."""
        row = self.db.execute("SELECT row_version FROM setting WHERE name = ?", [name]).fetchone()
        return row[0] if row else 0

    def setting_versions(self) -> dict[str, int]:
        """Every setting's version (0: never saved), to save against later (see :meth:`set_setting`)."""
        stored = dict(self.db.execute("SELECT name, row_version FROM setting").fetchall())
        return {name: stored.get(name, 0) for name in cfg.SETTINGS}

    def set_setting(self, name: str, value: Any, *, version: int | None = None) -> Any:
        """Check, tidy and save a setting; returns the value stored.

        ``version``: the setting's version when it was read (:meth:`setting_versions`; 0 for one
        never saved). A setting saved since by someone else is refused with
        :class:`~mqp_desktop.store.errors.EditConflict`; without it, read and written at once.
        """
        clean = cfg.clean_setting(name, value)
        with self.store.write():
            if name == cfg.HOUSE_TEMPLATE and clean is not None and not self.db.execute(
                    "SELECT 1 FROM document WHERE id = ?", [clean["document_id"]]).fetchone():
                raise ValidationError("value", f"There is no stored file with id {clean['document_id']} for the house "
                                               f"template '{clean['file_name']}': choose the template's file instead "
                                               "('mqp settings set house_template FILE.docx').")
            old = self.setting(name)
            stored_version = self.setting_version(name)
            if version is not None and version != stored_version:
                raise self.store.edit_conflict(
                    f"the setting '{name}' ({cfg.setting_spec(name).description})",
                    entity="setting", entity_id=None, read_version=version, stored_version=stored_version,
                    yours={name: clean}, stored={name: old}, labels={name: name.replace("_", " ")},
                    match=lambda c: name in c.changes,
                )
            if old == clean and stored_version:
                return clean
            self.db.execute(
                "INSERT INTO setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
                " row_version = row_version + 1",
                [name, json.dumps(clean, ensure_ascii=False)],
            )
            self.store.record("setting", None, "edited", f"Setting changed: {name}", {name: [old, clean]})
        return clean

    def reset_setting(self, name: str) -> Any:
        """Set a setting back to its default (kept as a stored value, recorded)."""
        return self.set_setting(name, cfg.setting_spec(name).default())

    # --- the Word agenda's house template ---------------------------------------------------
    def set_house_template(self, file_name: str, content: bytes) -> DocumentInfo:
        """Check a house template (.docx or .dotx), store it as a document and point the setting at it.

        One transaction: the document and the setting are saved together or not
        at all; a refused file (:class:`FileRefused`) writes nothing. Choosing
        the current template again (same name and bytes) writes nothing either.
        """
        checked = check_word_template(file_name, content)
        current = self.setting(cfg.HOUSE_TEMPLATE)
        if current is not None and current["file_name"] == checked.file_name:
            try:
                info = self.document_info(current["document_id"])
            except RecordNotFound:
                info = None
            if info is not None and info.sha256 == checked.sha256:
                return info
        with self.store.write():
            info = self._store_document(checked)
            self.set_setting(cfg.HOUSE_TEMPLATE, {"document_id": info.id, "file_name": info.file_name})
        return info

    def house_template(self) -> tuple[str, bytes] | None:
        """The house template's file name and bytes, or None when none is set.

        A setting pointing at a file that is not in the database reads as None
        here (see :meth:`house_template_missing`).
        """
        value = self.setting(cfg.HOUSE_TEMPLATE)
        if value is None:
            return None
        try:
            doc = self.document(value["document_id"])
        except RecordNotFound:
            return None
        return value["file_name"], doc.content

    def house_template_missing(self) -> str | None:
        """The file name the setting names when its stored file is not in the database, else None."""
        value = self.setting(cfg.HOUSE_TEMPLATE)
        if value is None:
            return None
        found = self.db.execute("SELECT 1 FROM document WHERE id = ?", [value["document_id"]]).fetchone()
        return None if found else value["file_name"]

    def clear_house_template(self) -> None:
        """No house template: the Word agenda is written in the program's own style (recorded)."""
        self.reset_setting(cfg.HOUSE_TEMPLATE)

    @staticmethod
    def read_house_template(path: Path | str) -> CheckedDocument:
        """Read and check a house template from disk (nothing is written); refusals name the file."""
        file = Path(path).expanduser()
        if not file.exists():
            raise FileRefused(f"There is no file '{file}': check the name and folder.")
        if not file.is_file():
            raise FileRefused(f"'{file}' is a folder, not a file: choose the Word template inside it.")
        try:
            if file.stat().st_size > MAX_DOCUMENT_BYTES:
                raise FileRefused(f"'{file.name}' is {file.stat().st_size / 2**20:.0f} MB, more than the "
                                  f"{MAX_DOCUMENT_BYTES / 2**20:.0f} MB a house template may be: use a smaller "
                                  "logo picture in it and choose it again.")
            content = file.read_bytes()
        except OSError as exc:
            raise FileRefused(f"'{file}' could not be read ({exc.strerror or exc}): close it in Word or any other "
                              "program and try again.") from None
        return check_word_template(file.name, content)

    # --- email drafts ----------------------------------------------------------------------
    def _email_values(self, paper: Paper, today: dt.date | None) -> dict[str, str]:
        item = self.item(paper.item_id)
        meeting = self._meeting(item.meeting_id)
        sc = self.store.subcommittee()
        number = self.numbers(meeting.id).get(item.id, "")
        return email_values(paper, item, number, meeting.title, meeting.date, sc.name, sc.partnership, today)

    def request_email(self, paper_id: int, today: dt.date | None = None) -> EmailDraft:
        """The email asking the author for the paper, from the ``email_paper_request`` template."""
        paper = self._live_paper(paper_id)
        template = cfg.email_template(self.setting(cfg.EMAIL_PAPER_REQUEST))
        return request_email(template, paper, self._email_values(paper, today))

    def chase_email(self, paper_id: int, today: dt.date | None = None) -> EmailDraft:
        """The email chasing a late or missing paper, from the ``email_paper_chase`` template."""
        paper = self._live_paper(paper_id)
        template = cfg.email_template(self.setting(cfg.EMAIL_PAPER_CHASE))
        return chase_email(template, paper, self._email_values(paper, today))

    # --- packs -----------------------------------------------------------------------------
    @staticmethod
    def _pack(row: Mapping[str, Any]) -> Pack:
        return Pack(id=row["id"], meeting_id=row["meeting_id"], built_at=row["built_at"],
                    document_id=row["document_id"], contents=json.loads(row["contents"]),
                    page_count=row["page_count"], circulated=bool(row["circulated"]))

    def save_pack(self, meeting_id: int, content: bytes, *, file_name: str, contents: Any,
                  page_count: int) -> Pack:
        """Store a built pack PDF as a document with what it holds (the builder's JSON), in one transaction."""
        self._meeting(meeting_id)
        if page_count < 1:
            raise ValidationError("page_count", "A pack has at least one page.")
        checked = check_document(file_name, content)
        if checked.media_type != "application/pdf":
            raise FileRefused(f"'{file_name}': a meeting pack is a PDF.")
        with self.store.write():
            info = self._store_document(checked)
            values = {"meeting_id": meeting_id, "built_at": _now(), "document_id": info.id,
                      "contents": json.dumps(contents, ensure_ascii=False), "page_count": page_count, "circulated": 0}
            pack_id = self._insert("pack", values)
            self.store.record("pack", pack_id, "built", f"Meeting pack built: {page_count} pages ({file_name})",
                              {k: [None, v] for k, v in values.items() if k != "contents"})
        return self.pack(pack_id)

    def pack(self, pack_id: int) -> Pack:
        rows = list(self.db.query("SELECT * FROM pack WHERE id = ?", [pack_id]))
        if not rows:
            raise RecordNotFound(f"There is no meeting pack with id {pack_id}.")
        return self._pack(rows[0])

    def packs(self, meeting_id: int) -> list[Pack]:
        """The packs built for a meeting, oldest first."""
        return [self._pack(r) for r in self.db.query("SELECT * FROM pack WHERE meeting_id = ? ORDER BY id", [meeting_id])]

    # --- circulation -----------------------------------------------------------------------
    @staticmethod
    def _circulation(row: Mapping[str, Any]) -> Circulation:
        return Circulation(
            id=row["id"], meeting_id=row["meeting_id"], kind=CirculationKind(row["kind"]), at=row["at"],
            recipients=tuple(json.loads(row["recipients"])),
            attachments=tuple(Attachment(a["name"], a["sha256"], a["size"]) for a in json.loads(row["attachments"])),
            subject=row["subject"], note=row["note"], pack_id=row["pack_id"],
        )

    def record_circulation(
        self,
        meeting_id: int,
        kind: CirculationKind | str,
        *,
        recipients: Sequence[str],
        attachments: Sequence[Attachment | Mapping[str, Any]] = (),
        subject: str = "",
        note: str = "",
        pack_id: int | None = None,
    ) -> Circulation:
        """Record that something went out to members (a re-circulation is a new record).

        A pack circulated (``pack_id``) is marked circulated in the same transaction.
        """
        self._meeting(meeting_id)
        kind = CirculationKind(kind)
        recipients = [r.strip() for r in recipients if r and r.strip()]
        if not recipients:
            raise ValidationError("recipients", "A circulation goes to at least one address.")
        files = [a if isinstance(a, Attachment) else Attachment(str(a["name"]), str(a["sha256"]), int(a["size"]))
                 for a in attachments]
        if pack_id is not None and self.pack(pack_id).meeting_id != meeting_id:
            raise ValidationError("pack", f"Pack {pack_id} is not a pack of meeting {meeting_id}.")
        values = {
            "meeting_id": meeting_id, "kind": kind.value, "at": _now(),
            "recipients": json.dumps(recipients, ensure_ascii=False),
            "attachments": json.dumps([f.to_data() for f in files], ensure_ascii=False),
            "subject": subject.strip(), "note": note.strip(), "pack_id": pack_id,
        }
        with self.store.write():
            circ_id = self._insert("circulation", values)
            self.store.record("circulation", circ_id, "circulated",
                              f"Circulated ({kind.value}) to {len(recipients)} recipient{'s' if len(recipients) != 1 else ''}"
                              + (f": {subject.strip()}" if subject.strip() else ""),
                              {"kind": [None, kind.value], "recipients": [None, len(recipients)],
                               "attachments": [None, [f.name for f in files]], "pack_id": [None, pack_id]})
            if pack_id is not None:
                self.db.execute("UPDATE pack SET circulated = 1 WHERE id = ? AND circulated = 0", [pack_id])
                self.store.record("pack", pack_id, "circulated", "Meeting pack circulated", {"circulated": [0, 1]})
        return self._circulation(next(iter(self.db.query("SELECT * FROM circulation WHERE id = ?", [circ_id]))))

    def circulations(self, meeting_id: int) -> list[Circulation]:
        return [self._circulation(r) for r in
                self.db.query("SELECT * FROM circulation WHERE meeting_id = ? ORDER BY id", [meeting_id])]

"""Minutes, declarations of interest, the action log and the chair's sign-off, in the database.

Use through ``store.minutes`` (a :class:`MinutesRepo`). Every write is one
transaction recorded in the change history (entities ``minutes``,
``declaration``, ``action``, ``action_update``), except autosaves, which are a
crash-recovery scratch copy replaced every few seconds (recording each would
bury the history; the saved draft is recorded). Nothing is deleted.

The calls, for the screens and the exporters:

* Minutes: ``minutes(meeting_id, revision=None) -> Minutes`` (a signed revision
  exactly as signed; a draft assembled live from the register, agenda,
  declarations and actions with the officer's text laid over it);
  ``draft(meeting_id)`` (creates revision 1 on first use); ``save_draft``;
  ``autosave`` / ``recovered`` / ``discard_recovered``; ``revisions``,
  ``revision``, ``is_locked``.
* Declarations (ToR 11): ``declarations``, ``add_declaration``,
  ``update_declaration``, ``remove_declaration``, ``declaration_prompts``.
* Actions (ToR 14): ``add_action``, ``update_action``, ``update_action_status``,
  ``restore_action_status`` (an undo: one more update that puts it back),
  ``action``, ``find_action``, ``actions(...)`` (filters), ``updates``,
  ``open_at(meeting_id)`` (the carried-forward log), ``owner_text``.
* Sign-off: ``sign`` (by name), ``sign_approved`` (with the chair's key, at
  the desk), ``verify``, ``verify_all``, ``correct``, ``record_approval``,
  ``approval_for_signing``, ``export_for_approval``, ``import_approval``,
  ``signature`` / ``signed_pdf`` (the chair's signature kept with a revision),
  ``require_meeting_unlocked``, ``live_record``, ``database_id``.

Locking: once a meeting's latest revision is signed, ``save_draft``,
``autosave``, declaration changes, new actions from the meeting, edits of
those actions' text and updates given at the meeting are refused with
"signed minutes are locked; make a correction" — here, and by triggers in the
database for anything that bypasses this module. The meeting itself is locked
with them (its details, register, guests and agenda: ``require_meeting_unlocked``,
called by the meetings and agendas repositories, and migration 0008's triggers),
and the signed content carries the meeting's record, which ``verify`` compares
with the database.

**The chair's key.** Once the chair's public key is registered
(``store.chair_keys``), an approval file is accepted only when it is signed with
that key; the signature, the exact text signed and the signed PDF are kept with
the revision (``minutes_signature``, migration 0009) and ``verify`` checks them
again, with the PDF's own signature (``domain/pdf_signature.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain import actions as act
from mqp_desktop.domain.actions import Action, ActionLogEntry, ActionStatus, ActionUpdate
from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meeting_record import MeetingRecord, meeting_record, record_differences
from mqp_desktop.domain.meetings import waiting_words
from mqp_desktop.domain.meetings import Meeting, MeetingStatus
from mqp_desktop.domain.minutes import (
    ActionLine,
    Correction,
    Declaration,
    DeclarationLine,
    DeclarationPrompt,
    RECORD_VERSION,
    Minutes,
    declaration_prompts,
    merge_written,
    prefill_minutes,
    validate_declaration,
    written_text,
)
from mqp_desktop.domain.signoff import (
    ApprovalFile,
    ApprovalFileError,
    ApprovalImport,
    MinutesRevision,
    VerifyResult,
    build_approval_file,
    canonical_json,
    check_signature_png,
    content_digest,
    read_approval_file,
    seal_digest,
    sha256_hex,
    write_approval_file,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import EditConflict, RecordNotFound
from mqp_desktop.store.store import changes

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

LOCKED = "signed minutes are locked; make a correction"

ACTION_LABELS = {"item_id": "agenda item", "owner_member_id": "owner (member)", "owner_name": "owner (not a member)",
                 "due_date": "due date"}
DECLARATION_LABELS = {"member_id": "member", "guest_name": "guest", "item_id": "agenda item",
                      "nature": "nature of the interest", "managed": "how it was managed"}


def _now() -> str:
    """Local time with microseconds: autosaves and saves a second apart still order."""
    return dt.datetime.now().astimezone().isoformat(timespec="microseconds")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _revision(row: Mapping[str, Any], latest_signed: int | None) -> MinutesRevision:
    status = row["status"]
    if status == "signed" and latest_signed is not None and row["revision"] < latest_signed:
        status = "superseded"
    return MinutesRevision(
        id=row["id"], meeting_id=row["meeting_id"], revision=row["revision"], status=status,
        digest=row["digest"], seal=row["seal"], signed_by=row["signed_by"], signed_on=_d(row["signed_on"]),
        signature_png=row["signature_png"], correction_reason=row["correction_reason"],
        corrected_on=_d(row["corrected_on"]), approved_at_meeting_id=row["approved_at_meeting_id"],
        created_at=row["created_at"], saved_at=row["saved_at"], row_version=row["row_version"],
    )


def _action(row: Mapping[str, Any]) -> Action:
    return Action(
        id=row["id"], number=row["number"], meeting_id=row["meeting_id"], item_id=row["item_id"],
        description=row["description"], owner_member_id=row["owner_member_id"], owner_name=row["owner_name"],
        due_date=_d(row["due_date"]), status=ActionStatus(row["status"]), status_date=_d(row["status_date"]),
        status_note=row["status_note"], row_version=row["row_version"],
    )


def _action_values(a: Action) -> dict[str, Any]:
    return {
        "item_id": a.item_id,
        "description": a.description,
        "owner_member_id": a.owner_member_id,
        "owner_name": a.owner_name,
        "due_date": _iso(a.due_date),
    }


def _update(row: Mapping[str, Any]) -> ActionUpdate:
    return ActionUpdate(id=row["id"], action_id=row["action_id"], meeting_id=row["meeting_id"],
                        status=ActionStatus(row["status"]), note=row["note"], on=dt.date.fromisoformat(row["on_date"]))


def _declaration(row: Mapping[str, Any]) -> Declaration:
    return Declaration(id=row["id"], meeting_id=row["meeting_id"], member_id=row["member_id"],
                       guest_name=row["guest_name"], item_id=row["item_id"], nature=row["nature"],
                       managed=row["managed"], removed=bool(row["removed"]), row_version=row["row_version"])


def _declaration_values(d: Declaration) -> dict[str, Any]:
    return {"member_id": d.member_id, "guest_name": d.guest_name, "item_id": d.item_id, "nature": d.nature,
            "managed": d.managed, "removed": int(d.removed)}


class MinutesRepo:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # --- small helpers ---------------------------------------------------------------------
    def database_id(self) -> str:
        """This database's identity, written into approval files so a file finds its way home."""
        return self.db.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()[0]

    def _meeting(self, meeting_id: int) -> Meeting:
        return self.store.meetings.get(meeting_id)

    def _keys(self, meetings: Iterable[Meeting] | None = None) -> dict[int, act.MeetingKey]:
        return {m.id: act.meeting_key(m.date, m.start_time, m.id)
                for m in (self.store.meetings.list() if meetings is None else meetings)}

    def _member_names(self) -> dict[int, str]:
        return {m.id: m.display_name for m in self.store.members()}

    def _check_item(self, meeting_id: int, item_id: int | None) -> None:
        if item_id is None:
            return
        item = self.store.agendas.item(item_id)
        if item.meeting_id != meeting_id:
            raise ValidationError("item", f"Agenda item {item_id} belongs to another meeting (meeting {item.meeting_id}).")
        if item.removed:
            raise ValidationError("item", f"Agenda item {item_id} ('{item.title}') has been removed from the agenda.")

    def _locked_error(self, meeting_id: int) -> ValidationError:
        rev = self.revision(meeting_id)
        meeting = self._meeting(meeting_id)
        when = f" by {rev.signed_by} on {rev.signed_on:%d %b %Y}" if rev.signed_on else ""
        return ValidationError(
            "minutes", f"The minutes of the {meeting.title[:1].lower() + meeting.title[1:]} were signed (revision "
            f"{rev.revision}{when}): {LOCKED} (mqp minutes correct {meeting_id} --reason ...).")

    def _require_unlocked(self, meeting_id: int) -> None:
        if self.is_locked(meeting_id):
            raise self._locked_error(meeting_id)

    def require_meeting_unlocked(self, meeting_id: int, what: str) -> None:
        """Refuse a change to ``what`` ("the meeting's register") of a meeting whose minutes are signed,
        naming the signed revision and how to correct it (the database's triggers refuse it too)."""
        if not self.is_locked(meeting_id):
            return
        rev = self.revision(meeting_id)
        meeting = self._meeting(meeting_id)
        when = f" by {rev.signed_by} on {rev.signed_on:%d %b %Y}" if rev.signed_on else ""
        raise ValidationError(
            "locked", f"The minutes of the {meeting.title[:1].lower() + meeting.title[1:]} were signed (revision "
            f"{rev.revision}{when}), so {what} is locked with them. To change it, open a correction of the minutes "
            f"first (Minutes › Make a correction…, or mqp minutes correct {meeting_id} --reason ...); signing the "
            "correction locks it again.")

    # --- revisions -------------------------------------------------------------------------
    def _rows(self, meeting_id: int) -> list[Mapping[str, Any]]:
        return list(self.db.query("SELECT * FROM minutes_revision WHERE meeting_id = ? ORDER BY revision",
                                  [meeting_id]))

    def revisions(self, meeting_id: int) -> list[MinutesRevision]:
        """Every revision of the meeting's minutes, oldest first (status draft, signed or superseded)."""
        rows = self._rows(meeting_id)
        latest_signed = max((r["revision"] for r in rows if r["status"] == "signed"), default=None)
        return [_revision(r, latest_signed) for r in rows]

    def revision(self, meeting_id: int, number: int | None = None) -> MinutesRevision | None:
        """The latest revision (or revision ``number``); None when the minutes were never started."""
        revs = self.revisions(meeting_id)
        if number is None:
            return revs[-1] if revs else None
        found = [r for r in revs if r.revision == number]
        if not found:
            raise RecordNotFound(f"The minutes of meeting {meeting_id} have no revision {number}.",
                                 f"See 'mqp minutes show {meeting_id}'.")
        return found[0]

    def is_locked(self, meeting_id: int) -> bool:
        """True when the latest revision is signed (edits need a correction first)."""
        rev = self.revision(meeting_id)
        return rev is not None and rev.status == "signed"

    def signed_revision(self, meeting_id: int) -> MinutesRevision | None:
        """The signed revision in force (the latest signed one), or None."""
        signed = [r for r in self.revisions(meeting_id) if r.status == "signed"]
        return signed[-1] if signed else None

    # --- assembling the minutes ------------------------------------------------------------
    def _chair_name(self, meeting_id: int) -> str:
        sc = self.store.subcommittee()
        entries = self.store.meetings.entries(meeting_id)
        names = self._member_names()
        for office in (sc.chair, sc.co_chair):
            e = entries.get(office.member_id) if office.member_id else None
            if e is not None and e.status is AttendanceStatus.PRESENT:
                return names.get(office.member_id, "")
        return names.get(sc.chair.member_id, "") if sc.chair.member_id else ""

    def _action_line(self, a: Action, status: ActionStatus, update: ActionUpdate | None, overdue: bool,
                     names: Mapping[int, str], numbers: Mapping[int, str], dates: Mapping[int, dt.date]) -> ActionLine:
        return ActionLine(
            number=a.number, description=a.description, owner=self.owner_text(a, names), due_date=a.due_date,
            status=status.value, status_date=update.on if update else None, note=update.note if update else "",
            item_number=numbers.get(a.item_id, "") if a.item_id else "", from_meeting=dates.get(a.meeting_id),
            overdue=overdue, action_id=a.id, item_id=a.item_id,
        )

    def prefill(self, meeting_id: int, *, revision: int = 1, correction: Correction | None = None) -> Minutes:
        """The minutes as the program knows them now, with nothing written (see ``domain/minutes.py``)."""
        meeting = self._meeting(meeting_id)
        sc = self.store.subcommittee()
        agencies = self.store.agencies()
        agenda = self.store.agendas.agenda(meeting_id)
        every_meeting = self.store.meetings.list()  # read once: 20 years are a few hundred meetings
        keys = self._keys(every_meeting)
        names = self._member_names()
        meetings = {m.id: m for m in every_meeting}
        dates = {mid: m.date for mid, m in meetings.items()}
        all_actions = self._all_actions()
        all_updates = self.updates()
        numbers: dict[int, dict[int, str]] = {meeting_id: agenda.numbers}

        def numbers_of(mid: int) -> dict[int, str]:
            if mid not in numbers:
                numbers[mid] = self.store.agendas.numbers(mid)
            return numbers[mid]

        key = keys[meeting_id]
        new = []
        for a in all_actions:
            if a.meeting_id == meeting_id:
                status, last = act.status_as_at(a, all_updates, keys, key)
                here = last if last is not None and last.meeting_id == meeting_id else None
                if act.undone_at(status, here, meeting_id):  # never agreed: not in the minutes
                    continue
                new.append(self._action_line(a, status, here, act.is_overdue(a.due_date, status, meeting.date),
                                             names, numbers_of(meeting_id), dates))
        log = [
            self._action_line(e.action, e.status, e.update, e.overdue, names, numbers_of(e.action.meeting_id), dates)
            for e in act.action_log_at(meeting_id, all_actions, all_updates, keys)
        ]
        quorum = self.store.meetings.quorum(meeting_id)
        guests = self.store.meetings.guests(meeting_id)
        return prefill_minutes(
            meeting=meeting, partnership=sc.partnership, subcommittee=sc.name, chaired_by=self._chair_name(meeting_id),
            register=self.store.meetings.register(meeting_id), guests=guests,
            quorum=quorum, agency_names={a.id: a.label for a in agencies}, lines=agenda.lines,
            presenters=agenda.presenters, declarations=self.declaration_lines(meeting_id, agenda.numbers),
            new_actions=new, action_log=log, revision=revision, correction=correction,
            record=meeting_record(meeting, self.store.meetings.entries(meeting_id).values(), guests, agenda.lines),
            waiting_from_earlier=waiting_words(self.store.meetings.items_waiting_for(meeting_id)),
            ratified=self.store.decisions.ratified_at(meeting_id),
        )

    def live_record(self, meeting_id: int) -> MeetingRecord:
        """The meeting's details, register, guests and agenda as the database holds them now."""
        return meeting_record(self._meeting(meeting_id), self.store.meetings.entries(meeting_id).values(),
                              self.store.meetings.guests(meeting_id), self.store.agendas.agenda(meeting_id).lines)

    def _content(self, row: Mapping[str, Any]) -> Minutes:
        return Minutes.from_data(json.loads(row["content"]))

    def _correction(self, row: Mapping[str, Any]) -> Correction | None:
        if row["revision"] == 1:
            return None
        previous = self.db.execute("SELECT digest FROM minutes_revision WHERE meeting_id = ? AND revision = ?",
                                   [row["meeting_id"], row["revision"] - 1]).fetchone()
        return Correction(corrects_revision=row["revision"] - 1, corrects_digest=previous[0] if previous else "",
                          reason=row["correction_reason"], on=_d(row["corrected_on"]))

    def _assemble(self, row: Mapping[str, Any]) -> Minutes:
        prefill = self.prefill(row["meeting_id"], revision=row["revision"], correction=self._correction(row))
        return merge_written(prefill, self._content(row))

    def minutes(self, meeting_id: int, revision: int | None = None) -> Minutes:
        """The minutes: a signed revision exactly as signed; a draft assembled now.

        With no revision yet, the prefill (nothing is written to the database)."""
        rows = self._rows(meeting_id)
        if not rows:
            if revision is not None:
                self.revision(meeting_id, revision)  # raises
            return merge_written(self.prefill(meeting_id), None)
        row = rows[-1] if revision is None else next((r for r in rows if r["revision"] == revision), None)
        if row is None:
            self.revision(meeting_id, revision)  # raises RecordNotFound
        if row["status"] == "signed":
            return self._content(row)
        return self._assemble(row)

    def _draft_row(self, meeting_id: int) -> Mapping[str, Any]:
        rows = self._rows(meeting_id)
        if rows and rows[-1]["status"] == "draft":
            return rows[-1]
        if rows:
            raise self._locked_error(meeting_id)
        meeting = self._meeting(meeting_id)
        if meeting.status is MeetingStatus.CANCELLED:
            raise ValidationError("meeting", f"The {meeting.title[:1].lower() + meeting.title[1:]} was cancelled: "
                                  "it has no minutes.")
        content = merge_written(self.prefill(meeting_id), None)
        now = _now()
        with self.store.write():
            rev_id = self.store.insert("minutes_revision", {
                "meeting_id": meeting_id, "revision": 1, "status": "draft",
                "content": canonical_json(content.to_data()), "created_at": now, "saved_at": now,
            })
            self.store.record("minutes", meeting_id, "started", f"Minutes started: {meeting.title}",
                              {"revision": [None, 1], "minutes_revision_id": [None, rev_id]})
        return self._rows(meeting_id)[-1]

    def draft(self, meeting_id: int) -> Minutes:
        """The draft minutes to edit: revision 1 is created from the prefill on first use.

        Refused when the latest revision is signed (make a correction)."""
        return self._assemble(self._draft_row(meeting_id))

    def draft_version(self, meeting_id: int) -> int | None:
        """The version of the meeting's draft as stored now (None: no draft)."""
        rows = self._rows(meeting_id)
        return rows[-1]["row_version"] if rows and rows[-1]["status"] == "draft" else None

    def _draft_conflict(self, meeting_id: int, row: Mapping[str, Any], read: int, minutes: Minutes) -> EditConflict:
        stored = self._assemble(row)
        mine, labels = written_text(minutes)
        theirs, their_labels = written_text(stored)
        keys = list(dict.fromkeys([*mine, *theirs]))
        meeting = self._meeting(meeting_id)
        return self.store.edit_conflict(
            f"the draft minutes of the {meeting.title[:1].lower() + meeting.title[1:]} (revision {row['revision']})",
            entity="minutes", entity_id=meeting_id, read_version=read, stored_version=row["row_version"],
            yours={k: mine.get(k, "") for k in keys}, stored={k: theirs.get(k, "") for k in keys},
            labels={**their_labels, **labels}, yours_record=minutes, stored_record=stored,
            match=lambda c: c.action in ("saved", "started", "correction opened"),
            words=lambda _name, value: value or "(nothing written)",
        )

    def save_draft(self, meeting_id: int, minutes: Minutes, *, version: int | None = None) -> MinutesRevision:
        """Save what the officer wrote (who chaired, who took the minutes, per item the discussion and
        decisions); everything else is assembled. Clears any recovered autosave.

        ``version``: the draft's version when the officer's text was loaded (``MinutesRevision.row_version``).
        A draft saved since by someone else is refused with :class:`EditConflict`, never overwritten;
        without it, the draft as stored now is replaced (the command line reads and writes at once)."""
        if minutes.meeting.meeting_id != meeting_id:
            raise ValidationError("minutes", f"These minutes are of meeting {minutes.meeting.meeting_id}, "
                                  f"not meeting {meeting_id}.")
        with self.store.write():
            row = self._draft_row(meeting_id)
            if version is not None and version != row["row_version"]:
                raise self._draft_conflict(meeting_id, row, version, minutes)
            before = self._content(row)
            text = canonical_json(merge_written(self.prefill(meeting_id, revision=row["revision"],
                                                             correction=self._correction(row)), minutes).to_data())

            def written(item) -> tuple[str, list[str]]:
                return item.discussion, [d.text for d in item.decisions]

            changed = [i.number or i.title for i in minutes.items
                       if (b := before.item(i.item_id)) is None or written(b) != written(i)]
            self.store.update("minutes_revision", row["id"], {"content": [row["content"], text],
                                                             "saved_at": [row["saved_at"], _now()]},
                              version=row["row_version"])
            self.store.decisions.sync(meeting_id, json.loads(text))  # the decisions register's index
            self.db.execute("UPDATE minutes_autosave SET discarded = 1, row_version = row_version + 1"
                            " WHERE meeting_id = ?", [meeting_id])
            self.store.record("minutes", meeting_id, "saved",
                              f"Minutes saved (revision {row['revision']})"
                              + (f": items {', '.join(changed)}" if changed else ""),
                              {"revision": [row["revision"], row["revision"]]})
        return self.revision(meeting_id)

    # --- autosave (crash recovery) ---------------------------------------------------------
    def autosave_version(self, meeting_id: int) -> int:
        """How many times the meeting's autosave has been written or discarded (0: never)."""
        row = self.db.execute("SELECT row_version FROM minutes_autosave WHERE meeting_id = ?", [meeting_id]).fetchone()
        return row[0] if row else 0

    def autosave(self, meeting_id: int, minutes: Minutes, *, version: int | None = None,
                 autosave_version: int | None = None) -> int:
        """Keep the text being typed, for recovery after a crash (one transaction, not in the history).
        Returns the autosave's new version.

        ``version``: the draft's version the text was loaded at; ``autosave_version``: the autosave's
        version this editor last wrote or read (:meth:`autosave_version`). Either changed since (the
        draft saved, or the autosave written, by another copy of the program) refuses with
        :class:`EditConflict`: two copies typing the same minutes never replace each other's text."""
        with self.store.write():
            self._require_unlocked(meeting_id)
            if version is not None:
                row = self._draft_row(meeting_id)
                if version != row["row_version"]:
                    raise self._draft_conflict(meeting_id, row, version, minutes)
            found = self.db.execute("SELECT row_version, saved_at, saved_by, content, discarded FROM minutes_autosave"
                                    " WHERE meeting_id = ?", [meeting_id]).fetchone()
            stored_version = found[0] if found else 0
            if autosave_version is not None and autosave_version != stored_version:
                meeting = self._meeting(meeting_id)
                theirs = Minutes.from_data(json.loads(found[3]))
                mine_text, labels = written_text(minutes)
                their_text, their_labels = written_text(theirs)
                keys = [k for k in dict.fromkeys([*mine_text, *their_text]) if mine_text.get(k) != their_text.get(k)]
                from mqp_desktop.domain.versions import FieldDifference

                who = found[2] or "another copy of the program"
                raise EditConflict(
                    f"the minutes of the {meeting.title[:1].lower() + meeting.title[1:]} (text being typed)",
                    entity="minutes_autosave", entity_id=meeting_id, read_version=autosave_version,
                    stored_version=stored_version, changed_by=who, changed_at=found[1],
                    differences=[FieldDifference(k, {**their_labels, **labels}.get(k, k),
                                                 mine_text.get(k) or "(nothing written)",
                                                 their_text.get(k) or "(nothing written)", who, found[1])
                                 for k in keys],
                    yours=minutes, stored=theirs,
                    remedy="Another copy of the program is editing these minutes: save or close it there, then "
                           "reload here (your text is shown so you can copy it).",
                )
            self.db.execute(
                "INSERT INTO minutes_autosave (meeting_id, saved_at, saved_by, content, discarded)"
                " VALUES (?, ?, ?, ?, 0)"
                " ON CONFLICT (meeting_id) DO UPDATE SET saved_at = excluded.saved_at, saved_by = excluded.saved_by,"
                " content = excluded.content, discarded = 0, row_version = row_version + 1",
                [meeting_id, _now(), f"{self.store.user} on {self.store.host}", canonical_json(minutes.to_data())],
            )
            return stored_version + 1

    def recovered(self, meeting_id: int) -> Minutes | None:
        """Text autosaved after the draft was last saved (what a crash would otherwise lose), or None."""
        row = self.db.execute("SELECT saved_at, content, discarded FROM minutes_autosave WHERE meeting_id = ?",
                              [meeting_id]).fetchone()
        rev = self.revision(meeting_id)
        if row is None or row[2] or (rev is not None and rev.status != "draft"):
            return None
        if rev is not None and dt.datetime.fromisoformat(row[0]) <= dt.datetime.fromisoformat(rev.saved_at):
            return None
        return Minutes.from_data(json.loads(row[1]))

    def discard_recovered(self, meeting_id: int) -> None:
        """The officer chose not to keep the recovered text (it is marked discarded, not deleted)."""
        with self.store.write():
            self.db.execute("UPDATE minutes_autosave SET discarded = 1, row_version = row_version + 1"
                            " WHERE meeting_id = ?", [meeting_id])
            self.store.record("minutes", meeting_id, "recovered text discarded", "Recovered minutes text discarded")

    # --- declarations of interest ----------------------------------------------------------
    def declarations(self, meeting_id: int, *, include_removed: bool = False) -> list[Declaration]:
        sql = "SELECT * FROM declaration WHERE meeting_id = ?" + ("" if include_removed else " AND removed = 0")
        return [_declaration(r) for r in self.db.query(sql + " ORDER BY id", [meeting_id])]

    def declaration(self, declaration_id: int) -> Declaration:
        rows = list(self.db.query("SELECT * FROM declaration WHERE id = ?", [declaration_id]))
        if not rows:
            raise RecordNotFound(f"There is no declaration with id {declaration_id}.")
        return _declaration(rows[0])

    def declaration_lines(self, meeting_id: int, numbers: Mapping[int, str] | None = None) -> list[DeclarationLine]:
        members = {m.id: m for m in self.store.members()}
        agencies = {a.id: a.label for a in self.store.agencies()}
        numbers = numbers if numbers is not None else self.store.agendas.numbers(meeting_id)
        titles = {i.id: i.title for i in self.store.agendas.items(meeting_id, include_removed=True)}
        out = []
        for d in self.declarations(meeting_id):
            m = members.get(d.member_id) if d.member_id else None
            out.append(DeclarationLine(
                name=m.display_name if m else d.guest_name, nature=d.nature, managed=d.managed,
                agency=agencies.get(m.agency_id, "") if m else "guest",
                item_number=numbers.get(d.item_id, "") if d.item_id else "",
                item_title=titles.get(d.item_id, "") if d.item_id else "",
                member_id=d.member_id, item_id=d.item_id, declaration_id=d.id,
            ))
        out.sort(key=lambda line: (_number_key(line.item_number), line.declaration_id or 0))
        return out

    def _check_declaration(self, d: Declaration) -> Declaration:
        d = validate_declaration(dataclasses.replace(d))
        self._meeting(d.meeting_id)
        if d.member_id is not None:
            self.store.member(d.member_id)
        self._check_item(d.meeting_id, d.item_id)
        return d

    def _declaration_summary(self, d: Declaration) -> str:
        who = self.store.member(d.member_id).display_name if d.member_id else d.guest_name
        return f"Declaration of interest: {who} — {d.nature}"

    def add_declaration(self, declaration: Declaration) -> Declaration:
        d = self._check_declaration(dataclasses.replace(declaration, id=None, removed=False))
        self._require_unlocked(d.meeting_id)
        values = _declaration_values(d)
        with self.store.write():
            d.id = self.store.insert("declaration", {"meeting_id": d.meeting_id, **values, "created_at": _now()})
            self.store.record("declaration", d.id, "added", self._declaration_summary(d),
                              {k: [None, v] for k, v in values.items() if v not in (None, "", 0)})
        d.row_version = 1
        return d

    def update_declaration(self, declaration: Declaration, *, action: str = "edited") -> Declaration:
        """Save a declaration as edited. ``declaration.row_version`` is the version it was read at: one
        saved since by someone else is refused with :class:`EditConflict`, never overwritten."""
        if declaration.id is None:
            raise ValueError("update_declaration needs a saved declaration")
        read = self.store.require_version(declaration, "update_declaration")
        with self.store.write():
            old = self.declaration(declaration.id)
            d = self._check_declaration(dataclasses.replace(declaration, meeting_id=old.meeting_id))
            self._require_unlocked(d.meeting_id)
            before, after = _declaration_values(old), _declaration_values(d)
            diff = changes(before, after)
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.store.edit_conflict(
                    f"the declaration of interest '{self._declaration_summary(old).split(': ', 1)[-1]}'",
                    entity="declaration", entity_id=old.id, read_version=read, stored_version=old.row_version,
                    yours=after, stored=before, labels=DECLARATION_LABELS, yours_record=d, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(d, row_version=old.row_version)
            version = self.store.update("declaration", d.id, diff, version=read)
            self.store.record("declaration", d.id, action, self._declaration_summary(d), diff)
        return dataclasses.replace(d, row_version=version)

    def remove_declaration(self, declaration_id: int, *, seen: Declaration | None = None) -> Declaration:
        """Remove a declaration recorded in error (flagged, kept in the history). ``seen``: the
        declaration as the officer saw it (refused if changed since); without it, as stored now."""
        with self.store.write():
            d = dataclasses.replace(seen) if seen is not None else self.declaration(declaration_id)
            if d.removed:
                return d
            return self.update_declaration(dataclasses.replace(d, removed=True), action="removed")

    def declaration_prompts(self, meeting_id: int) -> list[DeclarationPrompt]:
        """Items that name an agency whose representative attended (ask them to declare)."""
        agenda = self.store.agendas.agenda(meeting_id)
        done = [(d.member_id, d.item_id) for d in self.declarations(meeting_id)]
        return declaration_prompts(agenda.lines, self.store.agencies(), self.store.meetings.register(meeting_id),
                                   declared=done)

    # --- actions ---------------------------------------------------------------------------
    def _all_actions(self) -> list[Action]:
        return [_action(r) for r in self.db.query("SELECT * FROM action ORDER BY id")]

    def action(self, action_id: int) -> Action:
        rows = list(self.db.query("SELECT * FROM action WHERE id = ?", [action_id]))
        if not rows:
            raise RecordNotFound(f"There is no action with id {action_id}.", "List them with 'mqp actions list'.")
        return _action(rows[0])

    def find_action(self, number: str) -> Action:
        """An action by its number ('2026-03/4')."""
        act.parse_number(number)
        rows = list(self.db.query("SELECT * FROM action WHERE number = ?", [number.strip()]))
        if not rows:
            raise RecordNotFound(f"There is no action numbered {number.strip()}.", "List them with 'mqp actions list'.")
        return _action(rows[0])

    def owner_text(self, action: Action, names: Mapping[int, str] | None = None) -> str:
        if action.owner_name:
            return action.owner_name
        if names is not None and action.owner_member_id in names:
            return names[action.owner_member_id]
        return self.store.member(action.owner_member_id).display_name if action.owner_member_id else ""

    def actions(
        self,
        *,
        owner_member_id: int | None = None,
        owner: str = "",
        statuses: Iterable[ActionStatus | str] | None = None,
        open_only: bool = False,
        overdue_on: dt.date | None = None,
        meeting_id: int | None = None,
    ) -> list[Action]:
        """Actions across all meetings, by number; filters as on the action log page
        (``owner`` matches part of the owner's name; ``overdue_on`` keeps those overdue on that day)."""
        found = act.filter_actions(
            self._all_actions(), owner_member_id=owner_member_id, owner_text=owner,
            owner_names=self._member_names() if owner else None,
            statuses=[ActionStatus(s) for s in statuses] if statuses is not None else None,
            open_only=open_only, overdue_on=overdue_on, meeting_id=meeting_id,
        )
        return sorted(found, key=lambda a: act.number_sort_key(a.number))

    def updates(self, *, action_id: int | None = None, meeting_id: int | None = None) -> list[ActionUpdate]:
        where, args = [], []
        if action_id is not None:
            where.append("action_id = ?")
            args.append(action_id)
        if meeting_id is not None:
            where.append("meeting_id = ?")
            args.append(meeting_id)
        sql = "SELECT * FROM action_update" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
        return [_update(r) for r in self.db.query(sql, args)]

    def open_at(self, meeting_id: int) -> list[ActionLogEntry]:
        """The action log of a meeting: actions from earlier meetings not closed before it, as they
        stood at its end (with the update given at it, if any)."""
        self._meeting(meeting_id)
        return act.action_log_at(meeting_id, self._all_actions(), self.updates(), self._keys())

    def _check_action(self, a: Action) -> Action:
        a = act.validate_action(dataclasses.replace(a))
        meeting = self._meeting(a.meeting_id)
        if meeting.status is MeetingStatus.CANCELLED:
            raise ValidationError("meeting", f"The {meeting.title[:1].lower() + meeting.title[1:]} was cancelled: "
                                  "actions come from meetings that took place.")
        if a.owner_member_id is not None:
            self.store.member(a.owner_member_id)
        self._check_item(a.meeting_id, a.item_id)
        return a

    def add_action(self, action: Action) -> Action:
        """A new action from a meeting (and item); it is given the next number of the meeting's month."""
        a = self._check_action(dataclasses.replace(action, id=None, number="", status=ActionStatus.OPEN,
                                                   status_date=None, status_note=""))
        self._require_unlocked(a.meeting_id)
        meeting = self._meeting(a.meeting_id)
        values = _action_values(a)
        with self.store.write():
            existing = [r[0] for r in self.db.execute("SELECT number FROM action")]
            a.number = act.next_number(meeting.date, existing)
            a.id = self.store.insert("action", {"number": a.number, "meeting_id": a.meeting_id, **values,
                                                "status": a.status.value, "created_at": _now()})
            self.store.record("action", a.id, "added", f"Action {a.number} added: {a.description}",
                              {"number": [None, a.number], **{k: [None, v] for k, v in values.items() if v}})
        a.row_version = 1
        return a

    def update_action(self, action: Action) -> Action:
        """Change an action's description, owner, due date or item (not its number, meeting or status).

        ``action.row_version`` is the version it was read at: an action saved since by someone else
        (an edit, or an update of its status) is refused with :class:`EditConflict`."""
        if action.id is None:
            raise ValueError("update_action needs a saved action")
        read = self.store.require_version(action, "update_action")
        with self.store.write():
            old = self.action(action.id)
            a = self._check_action(dataclasses.replace(action, meeting_id=old.meeting_id, number=old.number,
                                                       status=old.status, status_date=old.status_date,
                                                       status_note=old.status_note))
            before, after = _action_values(old), _action_values(a)
            diff = changes(before, after)
            self._require_unlocked(a.meeting_id)
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.store.edit_conflict(
                    f"action {old.number} ('{old.description}')", entity="action", entity_id=old.id,
                    read_version=read, stored_version=old.row_version, yours=after, stored=before,
                    labels=ACTION_LABELS, yours_record=a, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(a, row_version=old.row_version)
            version = self.store.update("action", a.id, diff, version=read)
            self.store.record("action", a.id, "edited", f"Action {a.number} edited", diff)
        return dataclasses.replace(a, row_version=version)

    def update_action_status(
        self,
        action_id: int,
        status: ActionStatus | str,
        at_meeting_id: int,
        note: str = "",
        on: dt.date | None = None,
        *,
        action: str = "updated",
    ) -> ActionUpdate:
        """Record an update given at a meeting: the status, a note, the date (default the meeting's).

        ``action`` is the word the change history records ('reverted' for an undo).

        An update is a new record of what was said (appended, never an edit of another), so two
        copies recording updates at once both keep theirs: it is read and written in one
        transaction and carries no version."""
        status = act.parse_status(status) if isinstance(status, str) else ActionStatus(status)
        with self.store.write():
            a = self.action(action_id)
            at = self._meeting(at_meeting_id)
            keys = self._keys()
            if keys[at_meeting_id] < keys[a.meeting_id]:
                raise ValidationError("meeting", f"Action {a.number} came from a later meeting than the "
                                      f"{at.title[:1].lower() + at.title[1:]}: record the update at that meeting or after.")
            if at.status is MeetingStatus.CANCELLED:
                raise ValidationError("meeting", f"The {at.title[:1].lower() + at.title[1:]} was cancelled: record the "
                                      "update at the meeting where it was given.")
            self._require_unlocked(at_meeting_id)
            update = ActionUpdate(action_id=a.id, meeting_id=at_meeting_id, status=status, on=on or at.date,
                                  note=(note or "").strip())
            later = [u for u in self.updates(action_id=a.id) if keys[u.meeting_id] > keys[at_meeting_id]]
            update.id = self.store.insert("action_update", {
                "action_id": a.id, "meeting_id": at_meeting_id, "status": status.value, "note": update.note,
                "on_date": update.on.isoformat(), "created_at": _now()})
            diff = {}
            if not later:  # the row keeps the latest status
                diff = changes(
                    {"status": a.status.value, "status_date": _iso(a.status_date), "status_note": a.status_note},
                    {"status": status.value, "status_date": update.on.isoformat(), "status_note": update.note})
                if diff:
                    # The status lives in the updates (appended); the row's copy of it is not what
                    # the action's edit dialog edits, so it does not make that edit out of date.
                    self.store.update("action", a.id, diff, bump=False)
            self.store.record("action", a.id, action,
                              f"Action {a.number}: {status.value} at the {at.title[:1].lower() + at.title[1:]}"
                              + (f" — {update.note}" if update.note else ""),
                              {**diff, "at_meeting_id": [None, at_meeting_id]})
        return update

    def restore_action_status(
        self,
        action_id: int,
        at_meeting_id: int,
        status: ActionStatus | str,
        note: str = "",
        on: dt.date | None = None,
        *,
        action: str = "reverted",
    ) -> ActionUpdate:
        """Put an action back as it stood at a meeting: the undo (or redo) of an update given there.

        Updates are a record of what was said, never edited or deleted, so this records one more
        at that meeting, dated no earlier than the latest one already given there, so that it is the
        one the minutes and the action log show (they take the last by date, then by entry). Refused,
        like any update, when that meeting's minutes are signed."""
        with self.store.write():
            at = self._meeting(at_meeting_id)
            on = on or at.date
            given = [u.on for u in self.updates(action_id=action_id, meeting_id=at_meeting_id)]
            if given and max(given) > on:
                on = max(given)
            return self.update_action_status(action_id, status, at_meeting_id, note, on, action=action)

    # --- sign-off --------------------------------------------------------------------------
    def sign(
        self,
        meeting_id: int,
        by: str,
        on: dt.date | None = None,
        signature_png: bytes | None = None,
        *,
        _content: Mapping[str, Any] | None = None,
        _summary: str = "",
        version: int | None = None,
    ) -> str:
        """The chair signs the draft: it is frozen as assembled now and locked. Returns the SHA-256 digest.

        This is a sign-off by name (and image) only: no cryptographic signature. With the chair's key,
        see ``exporters/minutes_signature.py`` (``sign_at_desk``) and :meth:`sign_approved`.
        ``version``: the draft's version the chair read; a draft saved since is refused with
        :class:`EditConflict` (the chair signs what they read, never a later text)."""
        return self._sign(meeting_id, by, on, signature_png, content=_content, summary=_summary, version=version)

    def _sign(
        self,
        meeting_id: int,
        by: str,
        on: dt.date | None,
        signature_png: bytes | None,
        *,
        content: Mapping[str, Any] | None = None,
        summary: str = "",
        approval: ApprovalFile | None = None,
        made: str = "",
        version: int | None = None,
    ) -> str:
        by = " ".join((by or "").split())
        if not by:
            raise ValidationError("by", "Give the name of the person signing the minutes (the chair).")
        on = on or dt.date.today()
        signature_png = check_signature_png(signature_png)
        # Read and written in one transaction: a draft saved elsewhere meanwhile is never signed over.
        with self.store.write():
            row = self._draft_row(meeting_id)
            if version is not None and version != row["row_version"]:
                raise self._draft_conflict(meeting_id, row, version, self._assemble(row))
            meeting = self._meeting(meeting_id)
            if meeting.status not in (MeetingStatus.HELD, MeetingStatus.RECONVENED):
                raise ValidationError("meeting", f"The {meeting.title[:1].lower() + meeting.title[1:]} is "
                                      f"{meeting.status.value}: minutes are signed for a meeting that took place "
                                      "(mark it held first).")
            if on < meeting.date:
                raise ValidationError("on", f"The minutes cannot be signed ({on:%d %b %Y}) before the meeting "
                                      f"({meeting.date:%d %b %Y}).")
            if self.recovered(meeting_id) is not None:
                raise ValidationError("minutes", "There is recovered text newer than the saved draft: save it or "
                                      "discard it before the minutes are signed.")
            content = dict(content) if content is not None else self._assemble(row).to_data()
            digest = content_digest(content)
            self.store.decisions.sync(meeting_id, content)  # before the lock: the decisions as signed
            key = self._accept_chair_signature(approval) if approval is not None else None
            seal = seal_digest(digest, revision=row["revision"], signed_by=by, signed_on=on,
                               signature_png=signature_png)
            sig = approval.chair_signature if approval is not None else None
            self.store.update("minutes_revision", row["id"], {
                "status": ["draft", "signed"], "content": [row["content"], canonical_json(content)],
                "digest": [None, digest], "seal": [None, seal], "signed_by": ["", by],
                "signed_on": [None, on.isoformat()], "signature_png": [None, signature_png],
                "saved_at": [row["saved_at"], _now()],
            }, version=row["row_version"])
            changes_ = {"revision": [row["revision"], row["revision"]], "digest": [None, digest],
                        "signed_by": [None, by], "signed_on": [None, on.isoformat()],
                        "signature_image": [None, bool(signature_png)]}
            if key is not None and sig is not None:
                meeting_date = meeting.date.isoformat()
                document_id = self.store.insert("document", {
                    "sha256": sig.pdf_sha256, "file_name": f"Signed minutes {meeting_date} revision "
                    f"{row['revision']}.pdf", "media_type": "application/pdf", "size": len(sig.signed_pdf),
                    "content": sig.signed_pdf, "added_at": _now()})
                self.store.insert("minutes_signature", {
                    "revision_id": row["id"], "chair_key_id": key.id, "made": made,
                    "payload": approval.payload.decode("utf-8"), "signature": sig.signature,
                    "pdf_document_id": document_id, "created_at": _now()})
                changes_["chair_key"] = [None, key.fingerprint]
            self.store.record("minutes", meeting_id, "signed",
                              (summary or f"Minutes signed by {by} (revision {row['revision']})")
                              + (f", with the chair's key {key.spoken}" if key is not None else
                                 " (by name: no cryptographic signature)"), changes_)
        return digest

    def approval_for_signing(self, meeting_id: int) -> ApprovalFile:
        """The draft as an approval (what the chair signs), without writing anything."""
        row = self._draft_row(meeting_id)
        if self.recovered(meeting_id) is not None:
            raise ValidationError("minutes", "There is recovered text newer than the saved draft: save it or discard "
                                  "it first.")
        return build_approval_file(self._assemble(row), database_id=self.database_id(), exported_at=_now())

    def sign_approved(self, approval: ApprovalFile, *, made: str = "at the desk") -> str:
        """Sign with an approval the chair signed with their key at the officer's desk (see
        ``exporters/minutes_signature.sign_at_desk``): refused unless the key is the registered one,
        the signature verifies, the signed PDF is intact and the draft is the one held now."""
        r = approval.response
        if r is None or not r.approved or approval.chair_signature is None:
            raise ValidationError("key", "Only minutes approved and signed with the chair's key are signed this way.")
        if approval.database_id != self.database_id():
            raise ValidationError("key", "The approval is of another database's minutes.")
        current = self.approval_for_signing(approval.meeting_id)
        if (current.revision, current.draft_digest) != (approval.revision, approval.draft_digest):
            raise ValidationError("minutes", "The draft changed while it was being signed: sign it again.")
        try:
            return self._sign(approval.meeting_id, r.name, r.on, r.signature_png, content=approval.content,
                              approval=approval, made=made,
                              summary=f"Minutes signed by {r.name} (revision {approval.revision}) at the desk")
        except ApprovalFileError as exc:
            raise ValidationError("key", f"{exc.problem} {exc.remedy}") from None

    def _accept_chair_signature(self, approval: ApprovalFile):
        """The registered key that signed ``approval``; None for an approval by name when no key is
        registered. ApprovalFileError (nothing written) when the signature or the key does not match."""
        registered = self.store.chair_keys.current()
        sig = approval.chair_signature
        if sig is None:
            if registered is not None:
                raise ApprovalFileError(
                    "chair_signature", f"The approval carries no signature from the chair's key, and this database "
                    f"holds the chair's key ({registered.name}, fingerprint {registered.spoken}): an approval by name "
                    "alone is not accepted.",
                    "Ask the chair to approve and sign it in MQ&P Desktop with their signing key, and send that file.")
            return None
        from mqp_desktop.domain.chair_key import spoken_fingerprint

        if registered is None:
            raise ApprovalFileError(
                "chair_signature", f"The approval is signed with a key this database does not hold (fingerprint "
                f"{spoken_fingerprint(sig.fingerprint)}).",
                "Import the chair's public key first (Minutes › Chair's signing key…, or mqp chair-key import FILE), "
                "after reading its fingerprint to the chair by phone; then import this file again.")
        if sig.public_key != registered.public.public_key:
            raise ApprovalFileError(
                "chair_signature", f"The approval is signed with another key (fingerprint "
                f"{spoken_fingerprint(sig.fingerprint)}) than the chair's registered key ({registered.name}, "
                f"{registered.spoken}).",
                "Ask the chair which key they used. If the chair really has a new key, replace the registered one "
                "deliberately (mqp chair-key replace FILE --reason ...), then import again.")
        if not approval.signature_verifies():
            raise ApprovalFileError("chair_signature", "The chair's signature does not match the approval: it was "
                                    "changed after the chair signed it.",
                                    "Ask the chair to approve and sign again, and to send the new file.")
        from mqp_desktop.domain.pdf_signature import check_pdf_signature

        pdf = check_pdf_signature(sig.signed_pdf, registered.public.certificate, digest=approval.draft_digest)
        if not pdf.ok:
            raise ApprovalFileError("chair_signature.signed_pdf", pdf.problem,
                                    "Ask the chair to approve and sign again, and to send the new file.")
        return registered

    def signature(self, meeting_id: int, revision: int | None = None) -> dict[str, Any] | None:
        """The chair's signature kept with a signed revision: the key, how it was made, the payload, the PDF;
        None for a revision signed by name only (or not signed)."""
        rev = self.revision(meeting_id, revision)
        if rev is None or not rev.is_signed:
            return None
        row = self.db.execute("SELECT chair_key_id, made, payload, signature, pdf_document_id, created_at"
                              " FROM minutes_signature WHERE revision_id = ?", [rev.id]).fetchone()
        if row is None:
            return None
        pdf = self.db.execute("SELECT content, sha256 FROM document WHERE id = ?", [row[4]]).fetchone()
        return {"key": self.store.chair_keys.get(row[0]), "made": row[1], "payload": row[2], "signature": row[3],
                "pdf": pdf[0] if pdf else None, "pdf_sha256": pdf[1] if pdf else None, "created_at": row[5],
                "revision": rev}

    def signed_pdf(self, meeting_id: int, revision: int | None = None) -> bytes | None:
        """The PDF the chair signed with their key for this revision (exported exactly), or None."""
        found = self.signature(meeting_id, revision)
        return found["pdf"] if found else None

    def _verify_row(self, row: Mapping[str, Any], rows: list[Mapping[str, Any]]) -> VerifyResult:
        """One signed revision: its digest, its seal, and (the revision in force, when its content
        covers the meeting) the meeting's record in the database against the one signed."""
        stored = row["digest"]
        n = row["revision"]
        base = {"revision": n, "stored_digest": stored}
        try:
            data = json.loads(row["content"])
        except (json.JSONDecodeError, TypeError, UnicodeDecodeError):
            return VerifyResult(ok=False, recomputed=None, **base,
                                problem="The stored content is no longer valid JSON: the record was altered.")
        recomputed = content_digest(data)
        problem = ""
        if recomputed != stored:
            problem = (f"The content of revision {n} has changed since it was signed: its digest is "
                       f"now {recomputed}, the signed digest is {stored}.")
        elif canonical_json(data) != row["content"]:
            problem = (f"The stored text of revision {n} was altered (its wording is the same but "
                       "the stored bytes are not those signed).")
        else:
            png = row["signature_png"]
            seal = seal_digest(stored, revision=n, signed_by=row["signed_by"],
                               signed_on=dt.date.fromisoformat(row["signed_on"]), signature_png=png)
            if seal != row["seal"]:
                problem = (f"The sign-off of revision {n} (signer, date or signature image) has changed "
                           f"since it was signed (recorded: {row['signed_by']}, {row['signed_on']}).")
        if problem:
            return VerifyResult(ok=False, recomputed=recomputed, problem=problem, **base)
        result = self._verify_meeting(row, data, rows, recomputed, base)
        sig_problem, sig_note = self._verify_chair_signature(row)
        return dataclasses.replace(
            result, ok=result.ok and not sig_problem, signed_with_key=sig_note.startswith("Signed with"),
            problem=" ".join(p for p in (result.problem, sig_problem) if p), notes=(sig_note, *result.notes))

    def _verify_chair_signature(self, row: Mapping[str, Any]) -> tuple[str, str]:
        """(problem, note) for the chair's signature kept with a signed revision."""
        n = row["revision"]
        sig = self.db.execute("SELECT chair_key_id, made, payload, signature, pdf_document_id FROM minutes_signature"
                              " WHERE revision_id = ?", [row["id"]]).fetchone()
        if sig is None:
            return "", (f"Revision {n} was signed by name only (no cryptographic signature): its digest and sign-off "
                        "are checked, but nothing proves who signed it.")
        from mqp_desktop.domain.chair_key import verify_signature
        from mqp_desktop.domain.pdf_signature import check_pdf_signature

        key = self.store.chair_keys.get(sig[0])
        who = f"the chair's key of {key.name} ({key.spoken}{'' if key.current else ', since replaced'})"
        payload = sig[2]
        if not verify_signature(key.public.public_key, payload.encode("utf-8"), sig[3]):
            return (f"The chair's signature on revision {n} does not verify with {who}: the signed text or the "
                    "signature was altered."), f"Signed with {who}."
        pdf = self.db.execute("SELECT content FROM document WHERE id = ?", [sig[4]]).fetchone()
        data = json.loads(payload)
        expected = {
            "the draft's digest": (data.get("draft_digest"), row["digest"]),
            "the signer": ((data.get("response") or {}).get("name"), row["signed_by"]),
            "the date": ((data.get("response") or {}).get("date"), row["signed_on"]),
            "the signature image": ((data.get("response") or {}).get("signature_png_sha256"),
                                    sha256_hex(row["signature_png"]) if row["signature_png"] else None),
            "the revision": ((data.get("source") or {}).get("revision"), n),
            "the meeting": ((data.get("source") or {}).get("meeting_id"), row["meeting_id"]),
            "the database": ((data.get("source") or {}).get("database_id"), self.database_id()),
            "the signed PDF": (data.get("signed_pdf_sha256"), sha256_hex(pdf[0]) if pdf else None),
            "the key": (data.get("key_fingerprint"), key.fingerprint),
        }
        wrong = [what for what, (signed, held) in expected.items() if signed != held]
        if wrong:
            return (f"The chair's signature on revision {n} is for other minutes than those held: "
                    f"{', '.join(wrong)} differ."), f"Signed with {who}."
        checked = check_pdf_signature(pdf[0], key.public.certificate, digest=row["digest"])
        if not checked.ok:
            return f"The signed minutes PDF of revision {n}: {checked.problem}", f"Signed with {who}."
        made = "from the chair's approval file" if sig[1] == "approval file" else "at the officer's desk"
        return "", (f"Signed with {who}, {made}: the signature verifies, and the signed PDF's signature is intact "
                    "and covers the whole file.")

    def _verify_meeting(self, row: Mapping[str, Any], data: Mapping[str, Any], rows: list[Mapping[str, Any]],
                        recomputed: str, base: Mapping[str, Any]) -> VerifyResult:
        n = row["revision"]
        try:
            signed = Minutes.from_data(data)
        except (ValueError, TypeError, KeyError, AttributeError):
            signed = None
        if signed is None or not signed.covers_meeting:
            return VerifyResult(ok=True, recomputed=recomputed, **base, notes=(
                f"Revision {n} was signed before sign-off covered the meeting: its minutes are as signed; the "
                "meeting's details, register, guests and agenda were not part of what was signed, so they are not "
                "compared.",))
        later_signed = [r["revision"] for r in rows if r["status"] == "signed" and r["revision"] > n]
        if later_signed:
            return VerifyResult(ok=True, recomputed=recomputed, covers_meeting=True, **base, notes=(
                f"Superseded by revision {later_signed[-1]}: the meeting as it stands now is compared with the "
                "revision in force.",))
        if rows[-1]["revision"] > n:
            return VerifyResult(ok=True, recomputed=recomputed, covers_meeting=True, **base, notes=(
                f"A correction (revision {rows[-1]['revision']}) is open: the meeting's details may be corrected in "
                "it, so they are compared again once it is signed.",))
        live = self.live_record(row["meeting_id"])
        differences = tuple(record_differences(signed.record, live, self._member_names()))
        if differences:
            return VerifyResult(
                ok=False, recomputed=recomputed, covers_meeting=True, meeting_checked=True, differences=differences,
                **base, problem=f"The meeting's record in the database has changed since revision {n} was signed: "
                + "; ".join(differences) + ".")
        return VerifyResult(ok=True, recomputed=recomputed, covers_meeting=True, meeting_checked=True, **base,
                            notes=("The meeting's details, register, guests and agenda are as signed.",))

    def verify(self, meeting_id: int, revision: int | None = None) -> VerifyResult:
        """Check a signed revision (default: the latest signed): its digest and sign-off, and that the
        meeting's record in the database still equals the one signed."""
        all_rows = self._rows(meeting_id)
        rows = [r for r in all_rows if r["status"] == "signed"]
        if revision is not None:
            rows = [r for r in rows if r["revision"] == revision]
        if not rows:
            what = f"revision {revision} of " if revision is not None else ""
            return VerifyResult(ok=False, stored_digest=None, recomputed=None, revision=revision,
                                problem=f"There is no signed {what}minutes for meeting {meeting_id}: nothing to verify.")
        return self._verify_row(rows[-1], all_rows)

    def verify_all(self, meeting_id: int) -> list[VerifyResult]:
        """Every signed revision of the meeting's minutes, verified."""
        rows = self._rows(meeting_id)
        return [self._verify_row(r, rows) for r in rows if r["status"] == "signed"]

    def correct(self, meeting_id: int, reason: str, on: dt.date | None = None) -> MinutesRevision:
        """Open revision n+1 to correct signed minutes; revision n stays as signed, provably."""
        reason = " ".join((reason or "").split())
        if not reason:
            raise ValidationError("reason", "Give the reason for the correction (it is printed with the minutes).")
        on = on or dt.date.today()
        now = _now()
        with self.store.write():
            rows = self._rows(meeting_id)
            if not rows or rows[-1]["status"] != "signed":
                raise ValidationError("minutes", f"The minutes of meeting {meeting_id} are not signed: edit the draft "
                                      "instead of making a correction.")
            last = rows[-1]
            self.store.insert("minutes_revision", {
                "meeting_id": meeting_id, "revision": last["revision"] + 1, "status": "draft",
                "content": last["content"], "correction_reason": reason, "corrected_on": on.isoformat(),
                "created_at": now, "saved_at": now,
            })
            self.store.decisions.sync(meeting_id, json.loads(last["content"]))
            self.store.record("minutes", meeting_id, "correction opened",
                              f"Correction to the minutes (revision {last['revision'] + 1}): {reason}",
                              {"revision": [last["revision"], last["revision"] + 1], "reason": [None, reason]})
        return self.revision(meeting_id)

    def record_approval(self, meeting_id: int, at_meeting_id: int) -> MinutesRevision:
        """The meeting at which these minutes were approved as a true record (on the draft before signing,
        or once on the signed revision)."""
        with self.store.write():
            rows = self._rows(meeting_id)
            if not rows:
                raise ValidationError("minutes", f"Meeting {meeting_id} has no minutes yet.")
            keys = self._keys()
            at = self._meeting(at_meeting_id)
            if keys[at_meeting_id] <= keys[meeting_id]:
                raise ValidationError("at", "Minutes are approved at a later meeting than the one they record.")
            if at.status is MeetingStatus.CANCELLED:
                raise ValidationError("at", f"The {at.title[:1].lower() + at.title[1:]} was cancelled.")
            row = rows[-1]
            if row["approved_at_meeting_id"] is not None:
                if row["approved_at_meeting_id"] == at_meeting_id:
                    return self.revision(meeting_id)
                raise ValidationError("at", f"Revision {row['revision']} was already recorded as approved at meeting "
                                      f"{row['approved_at_meeting_id']}; a signed record is not changed.")
            self.store.update("minutes_revision", row["id"], {"approved_at_meeting_id": [None, at_meeting_id]})
            self.store.record("minutes", meeting_id, "approved",
                              f"Minutes (revision {row['revision']}) approved as a true record at the "
                              f"{at.title[:1].lower() + at.title[1:]}", {"approved_at_meeting_id": [None, at_meeting_id]})
        return self.revision(meeting_id)

    # --- approval files --------------------------------------------------------------------
    def export_for_approval(self, meeting_id: int, path: Path | str) -> tuple[ApprovalFile, Path]:
        """Write the draft to a ``.mqpminutes`` file for the chair (see ``domain/signoff.py``)."""
        row = self._draft_row(meeting_id)
        if self.recovered(meeting_id) is not None:
            raise ValidationError("minutes", "There is recovered text newer than the saved draft: save it or discard "
                                  "it before exporting the minutes for approval.")
        minutes = self._assemble(row)
        approval = build_approval_file(minutes, database_id=self.database_id(), exported_at=_now())
        written = write_approval_file(approval, path)
        with self.store.write():
            self.store.record("minutes", meeting_id, "exported for approval",
                              f"Minutes (revision {row['revision']}) exported for approval: {written.name}",
                              {"digest": [None, approval.draft_digest]})
        return approval, written

    def import_approval(self, path: Path | str) -> ApprovalImport:
        """Take back the chair's file: signed (approved) or with comments. Refused, naming the field and
        what to do, when it is tampered with or does not match the draft it was exported from."""
        approval = read_approval_file(path)
        if approval.database_id != self.database_id():
            raise ApprovalFileError("source.database_id", "The approval file was exported from another MQ&P "
                                    f"database (id {approval.database_id[:8]}..., this one is "
                                    f"{self.database_id()[:8]}...).",
                                    "Open the database the minutes were exported from, and import it there.")
        try:
            meeting = self._meeting(approval.meeting_id)
        except RecordNotFound:
            raise ApprovalFileError("source.meeting_id", f"This database has no meeting {approval.meeting_id}.",
                                    "Open the database the minutes were exported from.") from None
        if meeting.date.isoformat() != approval.meeting.get("date"):
            raise ApprovalFileError("meeting.date", f"The file is for a meeting on {approval.meeting.get('date')}, "
                                    f"but meeting {meeting.id} here is on {meeting.date.isoformat()}.",
                                    "Open the database the minutes were exported from.")
        rows = self._rows(meeting.id)
        current = rows[-1] if rows else None
        if current is None or approval.revision > current["revision"]:
            raise ApprovalFileError("source.revision", f"The file is for revision {approval.revision} of the minutes, "
                                    "which this database does not have.", "Open the database it was exported from.")
        if approval.revision < current["revision"] or current["status"] == "signed":
            state = (f"revision {current['revision']} was signed by {current['signed_by']} on {current['signed_on']}"
                     if current["status"] == "signed" else f"the minutes are now at revision {current['revision']}")
            raise ApprovalFileError("source.revision", f"The file is for revision {approval.revision}, but {state}.",
                                    "Nothing was changed. If a signature is still needed, export the current draft "
                                    "for approval again.")
        version = approval.content.get("version")
        if not isinstance(version, int) or version < RECORD_VERSION:
            raise ApprovalFileError("draft.content", "The file was exported by an earlier version of MQ&P Desktop, "
                                    "before sign-off covered the meeting's register, details and agenda.",
                                    "Export the minutes for approval again and send the new file to the chair.")
        minutes = self._assemble(current)
        digest_now = content_digest(minutes.to_data())
        if digest_now != approval.draft_digest:
            raise ApprovalFileError("draft.digest", f"The draft has changed since the file was exported (it was "
                                    f"{approval.draft_digest[:12]}..., it is now {digest_now[:12]}...), so the chair "
                                    "approved a different text.",
                                    "Export the minutes for approval again and send the new file to the chair.")
        response = approval.response
        if response is None:
            raise ApprovalFileError("response", "The file has not been signed or commented on yet.",
                                    "The chair opens it in MQ&P Desktop, signs it or adds comments, and sends it back.")
        if not response.approved:
            with self.store.write():
                self.store.record("minutes", meeting.id, "comments received",
                                  f"The chair's comments on the minutes (revision {approval.revision}), "
                                  f"{response.name}, {response.on:%d %b %Y}: {response.comments}",
                                  {"digest": [approval.draft_digest, approval.draft_digest]})
            return ApprovalImport(meeting_id=meeting.id, revision=approval.revision, approved=False,
                                  digest=approval.draft_digest, name=response.name, on=response.on,
                                  comments=response.comments)
        try:
            digest = self._sign(meeting.id, response.name, response.on, response.signature_png,
                                content=approval.content, approval=approval, made="approval file",
                                summary=f"Minutes signed by {response.name} (revision {approval.revision}), "
                                        f"from the approval file {Path(path).name}")
        except ValidationError as exc:  # the meeting not held, signed before it, unsaved recovered text...
            raise ApprovalFileError(f"response.{exc.field}", exc.message,
                                    "Nothing was changed; put that right, then import the file again.") from None
        return ApprovalImport(meeting_id=meeting.id, revision=approval.revision, approved=True, digest=digest,
                              name=response.name, on=response.on, comments=response.comments)


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) for p in number.split(".") if p.isdigit()) if number else (0,)

"""The partnership's bodies and work transfers in the database (ToR 1, 8): ``store.partnership``.

Use it through the open store::

    p = store.partnership
    twd = p.add_body(PartnershipBody(name="Training, Workforce & Development Subcommittee", short_name="TWD",
                                     chair_name="Dr Ruth Okafor", training_workforce=True))
    t = p.add_transfer(WorkTransfer(direction=Direction.FROM_US, body_id=twd.id, work="...", reason="...",
                                    outcomes="...", priorities=("Neglect",), projected_costs="£3,200",
                                    written_on=date(2026, 3, 2)))          # WT-2026-001, drafted
    p.send(t.id, date(2026, 3, 3))                                          # answer due in 28 days (the setting)
    p.answer(t.id, "declined", "No budget this year", date(2026, 3, 20), file="reply.pdf")
    p.escalate(t.id, date(2026, 3, 25), "For the Executive of 14 April")
    p.decide(t.id, "TWD to take it on from July with the training budget", date(2026, 4, 14))

Every method returns the domain's records (:mod:`mqp_desktop.domain.partnership`), validates
through the domain (bad input raises ``ValidationError`` and changes nothing), writes in one
transaction and records each change in the change history (entities ``partnership_body`` and
``work_transfer``). A transfer's steps are checked against the domain's transitions; each is a
history entry of its own ("sent", "answered", "escalated", "decided", "withdrawn"). Nothing is
deleted: a body is ended, a transfer withdrawn. Edits carry the ``row_version`` they read; one
saved since by someone else is refused with :class:`~mqp_desktop.store.errors.EditConflict`.

The receiving chair's letter or email is stored like a paper: checked first (PDF and Word through
the papers' checks, which read a PDF whole; an email as :func:`check_email_file`), then kept as an
immutable document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain import partnership as pt
from mqp_desktop.domain.documents import (
    EMAIL_MEDIA_TYPES,
    MAX_DOCUMENT_BYTES,
    MEDIA_TYPES,
    CheckedDocument,
    Document,
    DocumentInfo,
    FileRefused,
    check_email_file,
)
from mqp_desktop.domain.partnership import (
    TRANSFER_PREFIX,
    Answer,
    Direction,
    PartnershipBody,
    TransferState,
    WorkTransfer,
    check_bodies,
    day_text,
    filter_transfers,
    format_reference,
    next_reference,
    parse_reference,
    reference_sort_key,
    validate_body,
    validate_transfer,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.references import find_by_reference
from mqp_desktop.store.store import Store, changes

BODY_FIELDS = ("name", "short_name", "chair_name", "chair_email", "training_workforce", "executive", "notes",
               "ended_on")
BODY_LABELS = {
    "name": "name", "short_name": "short name", "chair_name": "chair", "chair_email": "chair's email",
    "training_workforce": "Training, Workforce & Development", "executive": "the Executive", "notes": "notes",
    "ended_on": "ended on",
}
CONTENT_FIELDS = ("direction", "body_id", "work", "reason", "outcomes", "priorities", "projected_costs", "written_on")
STEP_FIELDS = {
    TransferState.SENT: ("sent_on", "answer_due"),
    TransferState.ACCEPTED: ("answer", "answer_reason", "answered_on", "answer_document_id"),
    TransferState.DECLINED: ("answer", "answer_reason", "answered_on", "answer_document_id"),
    TransferState.ESCALATED: ("escalated_on", "escalation_note"),
    TransferState.DECIDED: ("decision", "decided_on"),
    TransferState.WITHDRAWN: ("withdrawn_on", "withdrawn_reason"),
}
ALL_STEP_FIELDS = ("sent_on", "answer_due", "answer", "answer_reason", "answered_on", "answer_document_id",
                   "escalated_on", "escalation_note", "decision", "decided_on", "withdrawn_on", "withdrawn_reason")
"""Every step's fields: an undo of a step puts them all back, so one taken since (an answer after the sending
being undone) makes the undo refused rather than leaving the transfer half undone."""
TRANSFER_FIELDS = CONTENT_FIELDS + ("sent_on", "answer_due", "answer", "answer_reason", "answered_on",
                                    "answer_document_id", "escalated_on", "escalation_note", "decision", "decided_on",
                                    "withdrawn_on", "withdrawn_reason")
TRANSFER_LABELS = {
    "direction": "direction", "body_id": "other subcommittee", "work": "the work", "reason": "reason",
    "outcomes": "intended outcomes", "priorities": "partnership priorities", "projected_costs": "projected costs",
    "written_on": "written on", "sent_on": "sent on", "answer_due": "answer due", "answer": "answer",
    "answer_reason": "why (the answer)", "answered_on": "answered on", "answer_document_id": "answer's letter or email",
    "escalated_on": "escalated to the Executive on", "escalation_note": "note to the Executive",
    "decision": "the Executive's decision", "decided_on": "decided on", "withdrawn_on": "withdrawn on",
    "withdrawn_reason": "reason withdrawn",
}
CORRESPONDENCE_TEXT = "a letter (PDF or Word) or an email saved from the mail program (.eml or .msg)"


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def check_correspondence(file_name: str, content: bytes) -> CheckedDocument:
    """A letter or email kept as a receiving chair's answer, checked before it is stored: an email by
    :func:`~mqp_desktop.domain.documents.check_email_file`; a PDF or Office document by the papers' checks
    (zip bombs, DTDs, macros, a renamed program; a PDF read whole). Refusals are :class:`FileRefused`."""
    name = file_name.strip() or "the file"
    ext = Path(name).suffix.lower()
    if ext in EMAIL_MEDIA_TYPES:
        return check_email_file(name, content)
    if ext not in MEDIA_TYPES:
        what = f"a '{ext}' file" if ext else "a file without an extension"
        raise FileRefused(f"'{name}' is {what}: the answer kept must be {CORRESPONDENCE_TEXT}.")
    from mqp_desktop.store.agendas import check_paper_file

    return check_paper_file(name, content)


def read_correspondence(path: Path | str) -> CheckedDocument:
    """Read and check a letter or email from disk (nothing is written); refusals name the file."""
    file = Path(path).expanduser()
    if not file.exists():
        raise FileRefused(f"There is no file '{file}': check the name and folder.")
    if not file.is_file():
        raise FileRefused(f"'{file}' is a folder, not a file: choose the letter or email inside it.")
    try:
        size = file.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise FileRefused(f"'{file.name}' is {size / 2**20:.0f} MB, more than a letter or email may be: save the "
                              "letter as PDF, or the email without its attachments.")
        content = file.read_bytes()
    except OSError as exc:
        raise FileRefused(f"'{file}' could not be read ({exc.strerror or exc}): close it in any other program and "
                          "try again.") from None
    return check_correspondence(file.name, content)


# --- rows <-> records ------------------------------------------------------------------------------

def body_values(b: PartnershipBody) -> dict[str, Any]:
    return {
        "name": b.name, "short_name": b.short_name or "", "chair_name": b.chair_name or "",
        "chair_email": b.chair_email or "", "training_workforce": int(b.training_workforce),
        "executive": int(b.executive), "notes": b.notes or "", "ended_on": _iso(b.ended_on),
    }


def _body(row: Mapping[str, Any]) -> PartnershipBody:
    return PartnershipBody(
        id=row["id"], name=row["name"], short_name=row["short_name"], chair_name=row["chair_name"],
        chair_email=row["chair_email"], training_workforce=bool(row["training_workforce"]),
        executive=bool(row["executive"]), notes=row["notes"], ended_on=_d(row["ended_on"]),
        row_version=row["row_version"],
    )


def transfer_values(t: WorkTransfer) -> dict[str, Any]:
    """The stored values of a transfer (plain: dates as ISO text, priorities as a JSON list)."""
    return {
        "direction": Direction(t.direction).value, "body_id": t.body_id, "work": t.work, "reason": t.reason,
        "outcomes": t.outcomes, "priorities": json.dumps(list(t.priorities), ensure_ascii=False),
        "projected_costs": t.projected_costs or "", "written_on": _iso(t.written_on), "sent_on": _iso(t.sent_on),
        "answer_due": _iso(t.answer_due), "answer": Answer(t.answer).value if t.answer is not None else None,
        "answer_reason": t.answer_reason or "", "answered_on": _iso(t.answered_on),
        "answer_document_id": t.answer_document_id, "escalated_on": _iso(t.escalated_on),
        "escalation_note": t.escalation_note or "", "decision": t.decision or "", "decided_on": _iso(t.decided_on),
        "withdrawn_on": _iso(t.withdrawn_on), "withdrawn_reason": t.withdrawn_reason or "",
    }


def _transfer(row: Mapping[str, Any]) -> WorkTransfer:
    return WorkTransfer(
        id=row["id"], reference=row["reference"], direction=Direction(row["direction"]), body_id=row["body_id"],
        work=row["work"], reason=row["reason"], outcomes=row["outcomes"],
        priorities=tuple(json.loads(row["priorities"])), projected_costs=row["projected_costs"],
        written_on=_d(row["written_on"]), sent_on=_d(row["sent_on"]), answer_due=_d(row["answer_due"]),
        answer=Answer(row["answer"]) if row["answer"] else None, answer_reason=row["answer_reason"],
        answered_on=_d(row["answered_on"]), answer_document_id=row["answer_document_id"],
        escalated_on=_d(row["escalated_on"]), escalation_note=row["escalation_note"], decision=row["decision"],
        decided_on=_d(row["decided_on"]), withdrawn_on=_d(row["withdrawn_on"]),
        withdrawn_reason=row["withdrawn_reason"], row_version=row["row_version"],
    )


class PartnershipRepo:
    """The partnership's bodies and the work transfers of one open :class:`Store`."""

    def __init__(self, store: Store):
        self.store = store

    @property
    def db(self):
        return self.store.db

    # ==========================================================================================
    # bodies
    # ==========================================================================================
    def bodies(self, *, current_on: dt.date | None = None) -> list[PartnershipBody]:
        """Every body (the Executive first, then by name); ``current_on``: only those not ended by that day."""
        out = [_body(r) for r in self.db.query("SELECT * FROM partnership_body ORDER BY executive DESC, name")]
        if current_on is not None:
            out = [b for b in out if b.is_current(current_on)]
        return out

    def body(self, body_id: int) -> PartnershipBody:
        rows = list(self.db.query("SELECT * FROM partnership_body WHERE id = ?", [body_id]))
        if not rows:
            raise RecordNotFound(f"There is no partnership body with id {body_id}.",
                                 "List them with 'mqp subcommittees list'.")
        return _body(rows[0])

    def find_body(self, text: str) -> PartnershipBody:
        """A body by id, name or short name (any case); refused with the names when none or several match."""
        key = " ".join((text or "").split())
        bodies = self.bodies()
        if key.isdigit():
            found = [b for b in bodies if b.id == int(key)]
        else:
            found = [b for b in bodies if key.casefold() in (b.name.casefold(), b.short_name.casefold())]
            if not found:
                found = [b for b in bodies if key.casefold() in b.name.casefold()]
        if len(found) == 1:
            return found[0]
        names = ", ".join(b.label for b in bodies) or "none yet ('mqp subcommittees add')"
        if not found:
            raise RecordNotFound(f"There is no subcommittee or Executive called '{text}'.", f"Known: {names}.")
        raise RecordNotFound(f"'{text}' matches {', '.join(b.name for b in found)}.",
                             "Give the full name or the short name.")

    def executive(self, today: dt.date | None = None) -> PartnershipBody | None:
        return pt.executive_of(self.bodies(), today or dt.date.today())

    def executive_name(self, today: dt.date | None = None) -> str:
        """'the WSCP Executive' (or 'the Executive' when none is recorded)."""
        ex = self.executive(today)
        if ex is None:
            return "the Executive"
        name = ex.name
        return name if name.lower().startswith("the ") else f"the {name}"

    def _check_set(self, body: PartnershipBody) -> None:
        bodies = [b for b in self.bodies() if b.id != body.id] + [body]
        check_bodies(bodies, dt.date.today(), changed=body)

    def add_body(self, body: PartnershipBody) -> PartnershipBody:
        b = validate_body(dataclasses.replace(body, id=None))
        with self.store.write():
            self._check_set(b)
            values = body_values(b)
            b.id = self.store.insert("partnership_body", {**values, "created_at": _now()})
            self.store.record("partnership_body", b.id, "added", f"Partnership body added: {b.name} ({b.kind_label})",
                              {k: [None, v] for k, v in values.items() if v not in (None, "", 0)})
        b.row_version = 1
        return b

    def update_body(self, body: PartnershipBody, *, action: str = "edited") -> PartnershipBody:
        """Save a body as edited; ``body.row_version`` as read (EditConflict if saved since)."""
        if body.id is None:
            raise ValueError("update_body needs a saved body")
        read = self.store.require_version(body, "update body")
        b = validate_body(dataclasses.replace(body))
        with self.store.write():
            old = self.body(b.id)
            before, after = body_values(old), body_values(b)
            diff = changes(before, after)
            if read != old.row_version:
                raise self.store.edit_conflict(
                    f"the partnership body {old.name}", entity="partnership_body", entity_id=old.id,
                    read_version=read, stored_version=old.row_version, yours=after, stored=before, labels=BODY_LABELS,
                    yours_record=b, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(b, row_version=old.row_version)
            self._check_set(b)
            version = self.store.update("partnership_body", b.id, diff, version=read)
            self.store.record("partnership_body", b.id, action, f"Partnership body {action}: {b.name}", diff)
        return dataclasses.replace(b, row_version=version)

    def restore_body(self, body_id: int, source: PartnershipBody, expect: PartnershipBody, fields: Iterable[str], *,
                     action: str = "reverted") -> PartnershipBody:
        """Undo (or redo) a change to some of a body's fields, refused when one was changed since."""
        return self.store.restore_fields(
            lambda b: f"the partnership body {b.name}", entity="partnership_body", read=lambda: self.body(body_id),
            save=lambda b: self.update_body(b, action=action), source=source, expect=expect, fields=list(fields),
            labels=BODY_LABELS,
        )

    # ==========================================================================================
    # transfers: reading
    # ==========================================================================================
    def answer_days(self) -> int:
        """The days a receiving chair has to answer (the ``transfer_answer_days`` setting)."""
        return int(self.store.agendas.setting(cfg.TRANSFER_ANSWER_DAYS))

    def priorities(self) -> list[str]:
        return list(self.store.agendas.setting(cfg.PARTNERSHIP_PRIORITIES))

    def all_transfers(self) -> list[WorkTransfer]:
        """Every transfer, withdrawn ones too, by reference."""
        out = [_transfer(r) for r in self.db.query("SELECT * FROM work_transfer")]
        out.sort(key=lambda t: reference_sort_key(t.reference))
        return out

    def transfers(self, which: str = "all", today: dt.date | None = None, *, body_id: int | None = None,
                  direction: Direction | None = None) -> list[WorkTransfer]:
        """Transfers matching a filter of :data:`~mqp_desktop.domain.partnership.FILTERS` on ``today``."""
        return filter_transfers(self.all_transfers(), which, today or dt.date.today(), body_id=body_id,
                                direction=direction)

    def transfer(self, transfer_id: int) -> WorkTransfer:
        rows = list(self.db.query("SELECT * FROM work_transfer WHERE id = ?", [transfer_id]))
        if not rows:
            raise RecordNotFound(f"There is no work transfer with id {transfer_id}.",
                                 "List them with 'mqp transfers list --all'.")
        return _transfer(rows[0])

    def find_transfer(self, text: str) -> WorkTransfer:
        """A transfer by reference ('WT-2026-003', 'wt-2026-3') or id."""
        return find_by_reference(
            self.db, "work_transfer", text, get=self.transfer, what="work transfer",
            parse=lambda t: parse_reference(TRANSFER_PREFIX, t, "a work transfer"),
            format_=lambda y, n: format_reference(TRANSFER_PREFIX, y, n), list_command="mqp transfers list --all")

    def overdue(self, today: dt.date | None = None) -> list[WorkTransfer]:
        """Sent transfers whose answer is past due, most overdue first."""
        today = today or dt.date.today()
        found = [t for t in self.all_transfers() if t.is_overdue(today)]
        return sorted(found, key=lambda t: (t.answer_due, reference_sort_key(t.reference)))

    def answer_document(self, t: WorkTransfer) -> Document | None:
        return self.store.agendas.document(t.answer_document_id) if t.answer_document_id is not None else None

    def answer_document_info(self, t: WorkTransfer) -> DocumentInfo | None:
        return self.store.agendas.document_info(t.answer_document_id) if t.answer_document_id is not None else None

    def _words(self, name: str, value: Any) -> str:
        if name == "body_id" and isinstance(value, int):
            row = self.db.execute("SELECT name FROM partnership_body WHERE id = ?", [value]).fetchone()
            return row[0] if row else f"body {value}"
        if name == "answer_document_id" and isinstance(value, int):
            row = self.db.execute("SELECT file_name FROM document WHERE id = ?", [value]).fetchone()
            return row[0] if row else f"file {value}"
        if name == "priorities" and isinstance(value, str):
            try:
                return "; ".join(json.loads(value)) or "none"
            except ValueError:
                return value
        if name in ("training_workforce", "executive"):
            return "yes" if value else "no"
        return self.store._words(name, value)

    # ==========================================================================================
    # transfers: writing
    # ==========================================================================================
    def _check(self, t: WorkTransfer, old: WorkTransfer | None = None) -> WorkTransfer:
        body = None
        if t.body_id is not None:
            try:
                body = self.body(t.body_id)
            except RecordNotFound:
                raise ValidationError("body", f"There is no subcommittee with id {t.body_id}: choose one from the "
                                              "list.") from None
        t = validate_transfer(t, body, self.priorities(), old.priorities if old is not None else ())
        if body is not None and not body.is_current(t.written_on) and (old is None or old.body_id != t.body_id):
            raise ValidationError("body", f"{body.name} ended on {day_text(body.ended_on)}: choose a subcommittee "
                                          "that still meets.")
        return t

    def add_transfer(self, transfer: WorkTransfer, *, today: dt.date | None = None) -> WorkTransfer:
        """A new transfer, given the next reference of the year it was written (WT-2026-003).

        From us: it starts *drafted* (send it when the signed letter goes). To us: the other chair's
        letter came, so it starts *sent* on ``sent_on`` (default: the letter's date), our answer due
        the ``transfer_answer_days`` setting later. Written on: today unless given."""
        today = today or dt.date.today()
        t = dataclasses.replace(transfer, id=None, reference="", answer=None, answer_reason="", answered_on=None,
                                answer_document_id=None, escalated_on=None, escalation_note="", decision="",
                                decided_on=None, withdrawn_on=None, withdrawn_reason="", answer_due=None)
        if t.written_on is None:
            t.written_on = today
        if Direction(pt.parse_direction(t.direction)) is Direction.FROM_US:
            t.sent_on = None
        with self.store.write():
            t = self._check(t)
            if t.direction is Direction.TO_US:
                received = t.sent_on or t.written_on
                t.sent_on = None
                t = pt.send(t, received, self.answer_days(), today)
            values = transfer_values(t)
            existing = [r[0] for r in self.db.execute("SELECT reference FROM work_transfer")]
            t.reference = next_reference(TRANSFER_PREFIX, t.written_on, existing)
            t.id = self.store.insert("work_transfer", {"reference": t.reference, **values, "created_at": _now()})
            body = self.body(t.body_id)
            way = f"to {body.name}" if t.direction is Direction.FROM_US else f"from {body.name}"
            self.store.record("work_transfer", t.id, "added", f"Work transfer {t.reference} {way}: {t.title}",
                              {"reference": [None, t.reference],
                               **{k: [None, v] for k, v in values.items() if v not in (None, "", "[]")}})
        t.row_version = 1
        return t

    def _conflict(self, old: WorkTransfer, read: int, yours: WorkTransfer):
        return self.store.edit_conflict(
            f"work transfer {old.reference}", entity="work_transfer", entity_id=old.id, read_version=read,
            stored_version=old.row_version, yours=transfer_values(yours), stored=transfer_values(old),
            labels=TRANSFER_LABELS, yours_record=yours, stored_record=old, words=self._words,
        )

    def _save(self, t: WorkTransfer, old: WorkTransfer, read: int, *, action: str, summary: str) -> WorkTransfer:
        before, after = transfer_values(old), transfer_values(t)
        if read != old.row_version:
            raise self._conflict(old, read, t)
        diff = changes(before, after)
        if not diff:
            return dataclasses.replace(t, row_version=old.row_version)
        version = self.store.update("work_transfer", t.id, diff, version=read)
        self.store.record("work_transfer", t.id, action, summary, diff)
        return dataclasses.replace(t, row_version=version)

    @staticmethod
    def content_editable(t: WorkTransfer) -> bool:
        """What the letter says is edited while it is a draft (or, for one that came to us, until we answer)."""
        return t.state is TransferState.DRAFTED or (t.direction is Direction.TO_US and t.state is TransferState.SENT)

    def update_transfer(self, transfer: WorkTransfer) -> WorkTransfer:
        """Save what the transfer says (direction, subcommittee, work, reason, outcomes, priorities, costs, date);
        its steps are not changed here. Refused once the letter has gone (see :meth:`content_editable`)."""
        if transfer.id is None:
            raise ValueError("update_transfer needs a saved transfer")
        read = self.store.require_version(transfer, "update transfer")
        with self.store.write():
            old = self.transfer(transfer.id)
            if read != old.row_version:
                raise self._conflict(old, read, transfer)
            if not self.content_editable(old):
                raise ValidationError("state", f"{old.reference} is {old.state.label.lower()}: what the letter said "
                                               "stays as it was sent (ToR 8). Record the answer, or withdraw it and "
                                               "draft another.")
            mine = {f: getattr(transfer, f) for f in CONTENT_FIELDS}
            t = self._check(dataclasses.replace(old, **mine), old)
            if t.direction is not old.direction:
                raise ValidationError("direction", f"{old.reference} {'goes from' if old.direction is Direction.FROM_US else 'came to'} "
                                                   "us: its direction does not change. Withdraw it and add another.")
            if t.sent_on is not None and t.direction is Direction.TO_US and t.written_on > t.sent_on:
                raise ValidationError("written_on", f"It was received on {day_text(t.sent_on)}: the letter cannot be "
                                                    "dated after that.")
            return self._save(t, old, read, action="edited", summary=f"Work transfer {t.reference} edited")

    def _step(self, transfer_id: int, seen: WorkTransfer | None, make, action: str, summary) -> WorkTransfer:
        with self.store.write():
            old = self.transfer(transfer_id)
            read = seen.row_version if seen is not None and seen.row_version is not None else old.row_version
            if read != old.row_version:
                raise self._conflict(old, read, seen)
            t = make(old)
            return self._save(t, old, read, action=action, summary=summary(t))

    def send(self, transfer_id: int, on: dt.date | None = None, *, today: dt.date | None = None,
             seen: WorkTransfer | None = None) -> WorkTransfer:
        """The signed letter has gone: drafted -> sent on ``on`` (default today); the answer due the
        ``transfer_answer_days`` setting later."""
        today = today or dt.date.today()
        days = self.answer_days()
        return self._step(transfer_id, seen, lambda t: pt.send(t, on or today, days, today), "sent",
                          lambda t: f"Work transfer {t.reference} sent; answer due {day_text(t.answer_due)}")

    def answer(self, transfer_id: int, answer: Answer | str, reason: str = "", on: dt.date | None = None, *,
               file: Path | str | None = None, content: tuple[str, bytes] | None = None,
               today: dt.date | None = None, seen: WorkTransfer | None = None) -> WorkTransfer:
        """The receiving chair's written answer (ToR 8): accepted, or declined with why; ``file`` (a path) or
        ``content`` (name, bytes): the letter or email, checked and stored with it in the same transaction."""
        today = today or dt.date.today()
        checked = read_correspondence(file) if file is not None else (
            check_correspondence(*content) if content is not None else None)

        with self.store.write():
            doc_id = self.store.agendas._store_document(checked).id if checked is not None else None

            def summary(t: WorkTransfer) -> str:
                words = "accepted" if t.answer is Answer.ACCEPTED else f"declined: {pt.one_line(t.answer_reason)}"
                kept = f" ({checked.file_name} kept)" if checked is not None else ""
                return f"Work transfer {t.reference} {words}{kept}"

            return self._step(transfer_id, seen,
                              lambda t: pt.record_answer(t, answer, reason, on or today, today, doc_id),
                              "answered", summary)

    def attach_answer(self, transfer_id: int, *, file: Path | str | None = None,
                      content: tuple[str, bytes] | None = None, seen: WorkTransfer | None = None) -> WorkTransfer:
        """Keep the answer's letter or email when it comes after the answer was recorded (a replaced one stays
        stored, as every document does)."""
        checked = read_correspondence(file) if file is not None else check_correspondence(*content)

        with self.store.write():
            def make(t: WorkTransfer) -> WorkTransfer:
                if t.answer is None:
                    raise ValidationError("answer", f"{t.reference} has no answer yet: record the answer with its "
                                                    "letter or email.")
                return dataclasses.replace(t, answer_document_id=self.store.agendas._store_document(checked).id)

            return self._step(transfer_id, seen, make, "letter attached",
                              lambda t: f"Work transfer {t.reference}: the answer's {checked.file_name} kept")

    def escalate(self, transfer_id: int, on: dt.date | None = None, note: str = "", *,
                 today: dt.date | None = None, seen: WorkTransfer | None = None) -> WorkTransfer:
        """A declined transfer put to the Executive (ToR 8: disagreement)."""
        today = today or dt.date.today()
        executive = self.executive_name(today)
        return self._step(transfer_id, seen, lambda t: pt.escalate(t, on or today, note, today), "escalated",
                          lambda t: f"Work transfer {t.reference} escalated to {executive}")

    def decide(self, transfer_id: int, decision: str, on: dt.date | None = None, *,
               today: dt.date | None = None, seen: WorkTransfer | None = None) -> WorkTransfer:
        """The Executive's decision on an escalated transfer, and its date."""
        today = today or dt.date.today()
        return self._step(transfer_id, seen, lambda t: pt.decide(t, decision, on or today, today), "decided",
                          lambda t: f"Work transfer {t.reference} decided by the Executive: "
                                    f"{pt.one_line(t.decision)}")

    def withdraw(self, transfer_id: int, on: dt.date | None = None, reason: str = "", *,
                 today: dt.date | None = None, seen: WorkTransfer | None = None, undoing: bool = False) -> WorkTransfer:
        """A drafted or sent transfer taken back, with the reason: kept in the log."""
        today = today or dt.date.today()
        return self._step(transfer_id, seen,
                          lambda t: pt.withdraw(t, on or today, reason, today, undoing=undoing), "withdrawn",
                          lambda t: f"Work transfer {t.reference} withdrawn: {pt.one_line(t.withdrawn_reason)}")

    def restore(self, transfer_id: int, source: WorkTransfer, expect: WorkTransfer, fields: Iterable[str], *,
                action: str = "reverted") -> WorkTransfer:
        """Put some of a transfer's fields back to ``source``'s values (an undo or redo of a step or an edit), on
        the transfer as stored now; refused when one of them no longer holds ``expect``'s value."""
        def save(t: WorkTransfer) -> WorkTransfer:
            with self.store.write():
                old = self.transfer(transfer_id)
                return self._save(t, old, old.row_version, action=action,
                                  summary=f"Work transfer {t.reference} {action}")

        return self.store.restore_fields(
            lambda t: f"work transfer {t.reference}", entity="work_transfer", read=lambda: self.transfer(transfer_id),
            save=save, source=source, expect=expect, fields=list(fields), labels=TRANSFER_LABELS,
        )


__all__ = ["ALL_STEP_FIELDS", "BODY_FIELDS", "CONTENT_FIELDS", "STEP_FIELDS", "TRANSFER_FIELDS", "PartnershipRepo",
           "body_values", "check_correspondence", "read_correspondence", "transfer_values"]

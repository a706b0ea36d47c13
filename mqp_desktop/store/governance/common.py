"""What the governance repositories share: reading and writing one kind of record with its version.

:class:`RecordRepo` keeps the habits of the other repositories in one place: every write in one
transaction (``Store.write``) recorded in the change history (``Store.record``) with the old and new
values; an edit carries the ``row_version`` it read and is refused with
:class:`~mqp_desktop.store.errors.EditConflict` when the record was saved since; an undo puts some
fields back on the record as stored now (``Store.restore_fields``). A subclass says which table and
entity, how a record is stored (:meth:`values`) and read (:meth:`from_row`), and how it is named.
"""

from __future__ import annotations

import dataclasses
from abc import ABC, abstractmethod
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import RecordNotFound
from mqp_desktop.store.store import Store, changes

R = TypeVar("R")


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def ids_json(ids: Iterable[int]) -> str:
    return json.dumps(list(ids))


def ids_from_json(text: str) -> tuple[int, ...]:
    return tuple(int(i) for i in json.loads(text or "[]"))


class RecordRepo(ABC, Generic[R]):
    """One kind of record in one table (see the module docstring)."""

    table: str = ""
    entity: str = ""
    kind: str = "record"
    """The record in words, for messages ('case review')."""
    labels: Mapping[str, str] = {}
    list_hint: str = ""
    """What to run to see them, for 'no such record' messages."""

    def __init__(self, store: Store):
        self.store = store

    @property
    def db(self):
        return self.store.db

    # --- each repository's own --------------------------------------------------------------------
    @abstractmethod
    def values(self, record: R) -> dict[str, Any]:
        """The record's columns as stored."""

    @abstractmethod
    def from_row(self, row: Mapping[str, Any]) -> R:
        """The record from a row of its table."""

    def name(self, record: R) -> str:
        """The record in a few words, for the history and messages."""
        return f"{self.kind} {getattr(record, 'id', '')}"

    # --- reading ------------------------------------------------------------------------------------
    def rows(self, where: str = "", args: Iterable[Any] = (), order: str = "id") -> list[R]:
        sql = f"SELECT * FROM {self.table}" + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
        return [self.from_row(r) for r in self.db.query(sql, list(args))]

    def get(self, record_id: int) -> R:
        rows = list(self.db.query(f"SELECT * FROM {self.table} WHERE id = ?", [record_id]))
        if not rows:
            raise RecordNotFound(f"There is no {self.kind} with id {record_id}.", self.list_hint or "")
        return self.from_row(rows[0])

    # --- writing ------------------------------------------------------------------------------------
    def insert(self, record: R, summary: str, extra: Mapping[str, Any] | None = None) -> R:
        """Add ``record`` (already checked) in the current transaction; returns it with its id and version."""
        values = self.values(record)
        new_id = self.store.insert(self.table, {**values, **(extra or {}), "created_at": now()})
        self.store.record(self.entity, new_id, "added", summary,
                          {k: [None, v] for k, v in values.items() if v not in (None, "", 0, "[]", "{}")})
        return dataclasses.replace(record, id=new_id, row_version=1)

    def conflict(self, old: R, read: int | None, yours: R):
        return self.store.edit_conflict(
            self.name(old), entity=self.entity, entity_id=old.id, read_version=read,
            stored_version=old.row_version, yours=self.values(yours), stored=self.values(old),
            labels=self.labels, yours_record=yours, stored_record=old,
        )

    def save(self, record: R, *, action: str = "edited", summary: str = "", check=None) -> R:
        """Save ``record``'s fields as edited, against the version it was read at (``row_version``).
        ``check(record, old)`` tidies and checks it (inside the transaction). Returns it as saved."""
        if getattr(record, "id", None) is None:
            raise ValueError(f"saving a {self.kind} needs one read from the store")
        read = self.store.require_version(record, f"save {self.kind}")
        with self.store.write():
            old = self.get(record.id)
            new = check(record, old) if check is not None else record
            diff = changes(self.values(old), self.values(new))
            if read != old.row_version:
                raise self.conflict(old, read, new)
            if not diff:
                return dataclasses.replace(new, row_version=old.row_version)
            version = self.store.update(self.table, new.id, diff, version=read)
            self.store.record(self.entity, new.id, action,
                              summary or f"{self.name(new)[:1].upper()}{self.name(new)[1:]} {action}", diff)
        return dataclasses.replace(new, row_version=version)

    def update(self, record: R, *, action: str = "edited", summary: str = "", today: dt.date | None = None) -> R:
        """Save a record as edited (a repository with checks of its own overrides this)."""
        return self.save(record, action=action, summary=summary)

    def current(self, record_id: int, seen: R | None) -> R:
        """The record as stored now; with ``seen``, refused (EditConflict) if saved since it was seen."""
        old = self.get(record_id)
        if seen is not None and getattr(seen, "row_version", None) is not None \
                and seen.row_version != old.row_version:
            raise self.conflict(old, seen.row_version, seen)
        return old

    def restore(self, record_id: int, source: R, expect: R, fields: Iterable[str], *,
                action: str = "reverted", save=None) -> R:
        """Put some fields back to ``source``'s values (an undo or redo), on the record as stored now; refused
        when one of them no longer holds ``expect``'s value (someone changed it since)."""
        return self.store.restore_fields(
            lambda r: self.name(r), entity=self.entity, read=lambda: self.get(record_id),
            save=save or (lambda r: self.update(r, action=action)), source=source, expect=expect,
            fields=list(fields), labels=self.labels,
        )

    # --- checks other tables answer -------------------------------------------------------------------
    def check_meeting(self, meeting_id: int | None, field: str = "meeting") -> None:
        if meeting_id is not None and not self.db.execute("SELECT 1 FROM meeting WHERE id = ?",
                                                          [meeting_id]).fetchone():
            raise ValidationError(field, f"There is no meeting with id {meeting_id}: choose one of the meetings.")

    def check_agencies(self, agency_ids: Iterable[int], field: str = "agencies") -> None:
        ids = list(agency_ids)
        if not ids:
            return
        found = {r[0] for r in self.db.execute(
            f"SELECT id FROM agency WHERE id IN ({', '.join('?' * len(ids))})", ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            raise ValidationError(field, f"There is no agency with id {missing[0]}: choose from the register's "
                                         "agencies.")

    def check_member(self, member_id: int | None, field: str = "member") -> None:
        if member_id is not None and not self.db.execute("SELECT 1 FROM member WHERE id = ?",
                                                         [member_id]).fetchone():
            raise ValidationError(field, f"There is no member with id {member_id}: choose from the register.")

    def meeting_date(self, meeting_id: int | None) -> dt.date | None:
        if meeting_id is None:
            return None
        row = self.db.execute("SELECT date FROM meeting WHERE id = ?", [meeting_id]).fetchone()
        return d(row[0]) if row else None

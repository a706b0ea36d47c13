"""Repository functions over the open database, returning domain records.

Every write goes through :meth:`Store.write`, which runs it in one
transaction, records it in the change history in that same transaction, and
turns environment failures (locked, read-only, disk full) into
:class:`~mqp_desktop.store.errors.StoreError` with nothing half-saved.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import getpass
import itertools
import json
import socket
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any


from mqp_desktop.domain.model import (
    FIELD_LABELS,
    Agency,
    FrequencyUnit,
    Member,
    Office,
    PartnerClass,
    Subcommittee,
)
from mqp_desktop.domain.quorum import QuorumRule
from mqp_desktop.domain.validation import (
    ValidationError,
    check_date_order,
    clean_email,
    clean_phone,
    require_text,
)
from mqp_desktop.domain.versions import FieldDifference, differences, value_in_words
from mqp_desktop.store import connection, sqlite
from mqp_desktop.store.errors import EditConflict, RecordNotFound, StoreError, translate
from mqp_desktop.store.database import Database, apply_migrations
from mqp_desktop.store.schema_names import SCHEMA_VERSION, VERSIONED_TABLES

if TYPE_CHECKING:
    from mqp_desktop.store.agendas import AgendaRepo
    from mqp_desktop.store.chair_keys import ChairKeyRepo
    from mqp_desktop.store.decisions import DecisionRepo
    from mqp_desktop.store.due import DueRepo
    from mqp_desktop.store.challenges import ChallengeRepo
    from mqp_desktop.store.escalations import EscalationRepo
    from mqp_desktop.store.governance import Governance
    from mqp_desktop.store.meetings import MeetingRepo
    from mqp_desktop.store.minutes import MinutesRepo
    from mqp_desktop.store.partnership import PartnershipRepo
    from mqp_desktop.store.performance import PerformanceRepo
    from mqp_desktop.store.quality import QualityRepo
    from mqp_desktop.store.search import SearchRepo


@dataclass(frozen=True)
class Change:
    """One entry of the change history."""

    id: int
    at: str
    user: str
    host: str
    entity: str
    entity_id: int | None
    action: str
    summary: str
    changes: dict[str, list[Any]]


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Field -> [old, new] for the fields whose stored values differ."""
    return {k: [before[k], after[k]] for k in after if before[k] != after[k]}


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _plain(value: Any) -> Any:
    """A value as stored and as shown in the history (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, QuorumRule):
        return json.loads(value.to_json())
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):
        return value.value
    return value


AGENCY_FIELDS = ("name", "short_name", "statutory", "partner_class", "start_date", "end_date", "notes")
MEMBER_FIELDS = (
    "name",
    "role_title",
    "agency_id",
    "email",
    "phone",
    "decision_maker",
    "deputy_name",
    "deputy_email",
    "start_date",
    "end_date",
    "end_reason",
    "notes",
)


SUBCOMMITTEE_LABELS = {
    "frequency_interval": "meeting frequency",
    "frequency_unit": "meeting frequency (unit)",
    "attendance_standard": "attendance standard (%)",
    "tor_version": "Terms of Reference version",
    "tor_signed_off": "Terms of Reference signed off",
    "tor_review_due": "Terms of Reference review due",
    "chair_appointed": "chair appointed",
    "chair_review_due": "chair's review due",
    "co_chair_appointed": "co-chair appointed",
    "co_chair_review_due": "co-chair's review due",
    "deputy_counts_for_member": "a deputy counts for the member",
    "reporting_line": "reporting line",
}


def validate_agency(agency: Agency) -> Agency:
    agency.name = require_text(agency.name, "name", "The agency's name")
    agency.short_name = (agency.short_name or "").strip()
    agency.partner_class = PartnerClass(agency.partner_class)
    check_date_order(agency.start_date, agency.end_date, "agency's membership")
    return agency


def validate_member(member: Member) -> Member:
    member.role_title = require_text(member.role_title, "role_title", "The post or role title")
    member.name = (member.name or "").strip()
    member.email = clean_email(member.email, "email")
    member.deputy_email = clean_email(member.deputy_email, "deputy_email")
    member.deputy_name = (member.deputy_name or "").strip()
    member.phone = clean_phone(member.phone)
    if member.agency_id is None:
        raise ValidationError("agency_id", "Choose the agency the member represents.")
    check_date_order(member.start_date, member.end_date)
    return member


class Store:
    """One open MQ&P database file."""

    def __init__(self, db: Database, path: Path | None, backup: Path | None = None, *, key: str | None = None):
        self.db = db
        self.path = path
        # The password of an encrypted database, kept in memory only while it is open (for
        # backups, which are encrypted the same way); never written anywhere.
        self.key = key
        self.backup_taken = backup
        # Set when a check finds the open file damaged: from then on nothing is written to it.
        self.damaged: StoreError | None = None
        # Called once, before the first write (outside any transaction): the command line's
        # automatic backup of the day (store/backups.py).
        self.before_first_write: Callable[[Store], None] | None = None
        self.user = getpass.getuser()
        self.host = socket.gethostname()
        self._savepoints = itertools.count(1)
        # Inside reading(): the members and meetings lists read once and shared (None outside it).
        self._reads: dict[tuple, list] | None = None

    # --- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, key: str | None = None) -> Store:
        """Open the database at ``path`` (a missing one is created, whole, when ``create``).

        ``key``: the password, for an encrypted file (ignored, and not kept, for a plain one).
        """
        path = Path(path).expanduser()
        db, backup = connection.open_database(path, create=create, key=key)
        if key is not None and not connection.is_encrypted(path):
            key = None
        return cls(db, path, backup, key=key)

    @classmethod
    def create(
        cls,
        path: Path | str,
        *,
        key: str | None = None,
        fill: Callable[[Store], object] | None = None,
        replace: bool = False,
    ) -> Store:
        """Make a new database at ``path``, filled by ``fill``, all or nothing, and open it.

        The file is built beside ``path`` and renamed into place only when whole (see
        :func:`connection.create_database`), so an interrupted creation leaves no file, never a
        half-filled one. ``replace``: put it in place of what is at ``path`` now.
        """
        path = Path(path).expanduser()

        def build(db: Database) -> None:
            if fill is not None:
                fill(cls(db, path, key=key))  # messages name the file being made, not the work file

        connection.create_database(path, key=key, build=build, replace=replace)
        return cls.open(path, create=False, key=key)

    @property
    def encrypted(self) -> bool:
        """True when the file is encrypted with a password (which is then :attr:`key`)."""
        return self.key is not None

    @classmethod
    def in_memory(cls) -> Store:
        """A migrated database in memory (tests, previews)."""
        conn = sqlite.connect(":memory:")
        db = Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        apply_migrations(db)
        return cls(db, None)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @functools.cached_property
    def meetings(self) -> MeetingRepo:
        """Meetings, registers and the chair's decisions (see store/meetings.py)."""
        from mqp_desktop.store.meetings import MeetingRepo

        return MeetingRepo(self)

    @functools.cached_property
    def agendas(self) -> AgendaRepo:
        """Agendas, papers and their files, settings, packs and circulation (see store/agendas.py)."""
        from mqp_desktop.store.agendas import AgendaRepo

        return AgendaRepo(self)

    @functools.cached_property
    def minutes(self) -> MinutesRepo:
        """Minutes, declarations of interest, the action log and sign-off (see store/minutes.py)."""
        from mqp_desktop.store.minutes import MinutesRepo

        return MinutesRepo(self)

    @functools.cached_property
    def performance(self) -> PerformanceRepo:
        """Indicators, their values and revisions, comparators, commentary, the scorecard (see
        store/performance.py)."""
        from mqp_desktop.store.performance import PerformanceRepo

        return PerformanceRepo(self)

    @functools.cached_property
    def chair_keys(self) -> ChairKeyRepo:
        """The chair's public signing keys (see store/chair_keys.py)."""
        from mqp_desktop.store.chair_keys import ChairKeyRepo

        return ChairKeyRepo(self)

    @functools.cached_property
    def challenges(self) -> ChallengeRepo:
        """The challenge log: questions put to agencies, responses, reviews (see store/challenges.py)."""
        from mqp_desktop.store.challenges import ChallengeRepo

        return ChallengeRepo(self)

    @functools.cached_property
    def quality(self) -> QualityRepo:
        """Multi-agency audits, their grading scale and cases, and inspections (see store/quality.py)."""
        from mqp_desktop.store.quality import QualityRepo

        return QualityRepo(self)

    @functools.cached_property
    def partnership(self) -> PartnershipRepo:
        """The Executive and the other subcommittees; work transfers between them (see store/partnership.py)."""
        from mqp_desktop.store.partnership import PartnershipRepo

        return PartnershipRepo(self)

    @functools.cached_property
    def escalations(self) -> EscalationRepo:
        """Escalations for strategic oversight and disputes (see store/escalations.py)."""
        from mqp_desktop.store.escalations import EscalationRepo

        return EscalationRepo(self)

    @functools.cached_property
    def governance(self) -> Governance:
        """Case reviews, training, documents under review and the ToR's versions, chairing reviews, attendance
        follow-up letters (see store/governance/)."""
        from mqp_desktop.store.governance import Governance

        return Governance(self)

    @functools.cached_property
    def decisions(self) -> DecisionRepo:
        """The decisions register across all meetings and the ratification of decisions taken while not
        quorate (see store/decisions.py)."""
        from mqp_desktop.store.decisions import DecisionRepo

        return DecisionRepo(self)

    @functools.cached_property
    def search(self) -> SearchRepo:
        """One search over everything: the FTS5 index, kept current by the database (see store/search.py)."""
        from mqp_desktop.store.search import SearchRepo

        return SearchRepo(self)

    @functools.cached_property
    def due(self) -> DueRepo:
        """Everything due and overdue, across the records that fall due (see store/due.py)."""
        from mqp_desktop.store.due import DueRepo

        return DueRepo(self)

    @property
    def schema_version(self) -> int:
        return connection.schema_version(self.db)

    @property
    def latest_schema_version(self) -> int:
        return SCHEMA_VERSION

    def is_empty(self) -> bool:
        return self.db.execute("SELECT count(*) FROM subcommittee").fetchone()[0] == 0

    # --- writing ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def reading(self) -> Iterator[Store]:
        """Reads inside share one reading of the members and the meetings lists: assembling a meeting's
        minutes asks for them half a dozen times (a third of the read, issue 14). For exports and other
        read-only work: a write inside forgets what was shared, so nothing stale is ever read."""
        if self._reads is not None:  # inside another: share its reads
            yield self
            return
        self._reads = {}
        try:
            yield self
        finally:
            self._reads = None

    def shared_read(self, key: tuple, read: Callable[[], list]) -> list:
        """``read()``, or inside :meth:`reading` what it returned the first time for ``key``."""
        reads = self._reads
        if reads is None:
            return read()
        if key not in reads:
            reads[key] = read()
        return list(reads[key])

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction; environment failures become StoreError, nothing half-saved.

        The outermost ``write`` begins with ``BEGIN IMMEDIATE``: it takes the file's write lock
        before anything is read, so reads that lead to a write see the latest saved state and
        two copies of the program writing at once queue (up to the busy timeout) instead of
        one failing with "database is locked" when its read turns into a write. A ``write``
        inside another is a savepoint: its failure undoes only its own part.
        """
        if self.damaged is not None:
            raise type(self.damaged)(self.damaged.problem, self.damaged.remedy)
        if self._reads:
            self._reads.clear()  # what reading() shared may change now
        conn = self.db.conn
        if self.before_first_write is not None and not conn.in_transaction:
            hook, self.before_first_write = self.before_first_write, None
            hook(self)
        try:
            if conn.in_transaction:
                name = f"mqp_write_{next(self._savepoints)}"
                conn.execute(f"SAVEPOINT {name}")
                try:
                    yield self.db
                except BaseException:
                    # A failure that already ended the whole transaction (e.g. a RAISE(ROLLBACK)
                    # trigger) leaves no savepoint to go back to: let the original error through.
                    if conn.in_transaction:
                        conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                        conn.execute(f"RELEASE SAVEPOINT {name}")
                    raise
                conn.execute(f"RELEASE SAVEPOINT {name}")
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except (*sqlite.ERRORS, OSError) as exc:
            err = translate(exc, self.path)
            if err is None:
                raise
            raise err from exc

    def record(
        self,
        entity: str,
        entity_id: int | None,
        action: str,
        summary: str,
        changes: Mapping[str, Any] | None = None,
    ) -> None:
        """Add one entry to the change history (call inside :meth:`write`)."""
        self.db.execute(
            "INSERT INTO change_log (at, user, host, entity, entity_id, action, summary, changes)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                self.user,
                self.host,
                entity,
                entity_id,
                action,
                summary,
                json.dumps(changes or {}, sort_keys=True, default=str),
            ],
        )

    def insert(self, table: str, values: Mapping[str, Any]) -> int:
        """INSERT one row (call inside :meth:`write`); returns its id."""
        cur = self.db.execute(
            f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
            list(values.values()),
        )
        return cur.lastrowid

    def update(
        self, table: str, row_id: int, diff: Mapping[str, list[Any]], *, version: int | None = None, bump: bool = True
    ) -> int | None:
        """UPDATE the changed columns of one row (call inside :meth:`write`); ``diff`` as from :func:`changes`.

        A versioned table's row (see ``VERSIONED_TABLES``) has its ``row_version`` raised by one
        (``bump=False``: not, for a change that is not the record's content, such as an agenda
        item's place). With ``version``, only the row still at that version is changed; a row
        saved since raises :class:`EditConflict` (callers compare versions first and raise a
        fuller one: this is the last guard). Returns the row's new version (None: unversioned).
        """
        versioned = table in VERSIONED_TABLES
        sets = [f"{k} = ?" for k in diff]
        if versioned and bump:
            sets.append("row_version = row_version + 1")
        where = "id = ?" + (" AND row_version = ?" if version is not None and versioned else "")
        args = [new for _old, new in diff.values()] + [row_id]
        if version is not None and versioned:
            args.append(version)
        cur = self.db.execute(f"UPDATE {table} SET {', '.join(sets)} WHERE {where}", args)
        if version is not None and versioned and cur.rowcount != 1:
            stored = self.db.execute(f"SELECT row_version FROM {table} WHERE id = ?", [row_id]).fetchone()
            raise EditConflict(f"{table.replace('_', ' ')} {row_id}", entity=table, entity_id=row_id,
                               read_version=version, stored_version=stored[0] if stored else None)
        if not versioned:
            return None
        return self.db.execute(f"SELECT row_version FROM {table} WHERE id = ?", [row_id]).fetchone()[0]

    def row_version(self, table: str, row_id: int) -> int | None:
        """A row's version as stored now (None: no such row)."""
        row = self.db.execute(f"SELECT row_version FROM {table} WHERE id = ?", [row_id]).fetchone()
        return row[0] if row else None

    # --- edits against what is stored now ------------------------------------------------------
    def _last_changes(
        self, entity: str, entity_id: int | None, match: Callable[[Change], bool] | None = None, limit: int = 200
    ) -> list[Change]:
        """The latest history entries of one record, newest first (``match`` picks among them)."""
        where = "entity = ? AND entity_id " + ("IS NULL" if entity_id is None else "= ?")
        args: list[Any] = [entity] + ([] if entity_id is None else [entity_id])
        rows = self.db.query(f"SELECT * FROM change_log WHERE {where} ORDER BY id DESC LIMIT {int(limit)}", args)
        out = [
            Change(id=r["id"], at=r["at"], user=r["user"], host=r["host"], entity=r["entity"],
                   entity_id=r["entity_id"], action=r["action"], summary=r["summary"],
                   changes=json.loads(r["changes"]))
            for r in rows
        ]
        return [c for c in out if match(c)] if match is not None else out

    def _words(self, name: str, value: Any) -> str:
        """A stored value in the officer's words: ids as names, dates as 3 Mar 2026."""
        if isinstance(value, int) and not isinstance(value, bool):
            if name == "agency_id" or name.endswith("agency_id"):
                row = self.db.execute("SELECT name FROM agency WHERE id = ?", [value]).fetchone()
                return row[0] if row else f"agency {value}"
            if name.endswith("member_id"):
                row = self.db.execute("SELECT name, role_title FROM member WHERE id = ?", [value]).fetchone()
                return (row[0] or f"(vacant) {row[1]}") if row else f"member {value}"
        if name in ("statutory", "decision_maker", "deputy_counts_for_member", "withdrawn", "removed"):
            return "yes" if value else "no"
        if name == "quorum_rule" and isinstance(value, str) and value:
            from mqp_desktop.domain.meetings import quorum_column_words

            try:
                return quorum_column_words(value, {a.id: a.label for a in self.agencies()})
            except Exception:  # noqa: BLE001 - a rule this version cannot read is shown as stored
                return value
        return value_in_words(value)

    def edit_conflict(
        self,
        what: str,
        *,
        entity: str,
        entity_id: int | None,
        read_version: int | None,
        stored_version: int | None,
        yours: Mapping[str, Any],
        stored: Mapping[str, Any],
        labels: Mapping[str, str] | None = None,
        yours_record: Any = None,
        stored_record: Any = None,
        match: Callable[[Change], bool] | None = None,
        words: Callable[[str, Any], str] | None = None,
    ) -> EditConflict:
        """The refusal of an edit read at ``read_version`` when ``stored_version`` is stored now.

        ``yours`` and ``stored`` are the record's values (as stored: plain, dates as ISO text),
        compared field by field; who last changed each differing field, and when, comes from
        the change history of ``entity`` ``entity_id`` (``match`` keeps the entries about this
        record when the history files several under one id, e.g. a meeting's register).
        """
        history = self._last_changes(entity, entity_id, match)
        latest = history[0] if history else None
        found = []
        for name, label, mine, theirs in differences(yours, stored, {**FIELD_LABELS, **(labels or {})},
                                                     words or self._words):
            last = next((c for c in history if name in c.changes), latest)
            found.append(FieldDifference(
                name, label, mine, theirs,
                changed_by=f"{last.user} on {last.host}" if last else "",
                changed_at=last.at if last else "",
            ))
        return EditConflict(
            what, entity=entity, entity_id=entity_id, read_version=read_version, stored_version=stored_version,
            differences=found, changed_by=f"{latest.user} on {latest.host}" if latest else "",
            changed_at=latest.at if latest else "", yours=yours_record, stored=stored_record,
        )

    def restore_fields(
        self,
        what: str | Callable[[Any], str],
        *,
        entity: str,
        read: Callable[[], Any],
        save: Callable[[Any], Any],
        source: Any,
        expect: Any,
        fields: list[str] | tuple[str, ...],
        labels: Mapping[str, str] | None = None,
    ) -> Any:
        """An undo (or redo) of a change to some fields of one record: put ``fields`` back to
        ``source``'s values on the record as stored now, in one transaction. Its other fields, changed
        meanwhile by anyone, are kept. Refused with :class:`EditConflict` when one of ``fields`` no
        longer holds ``expect``'s value (the value the change being undone left): someone else changed
        it since, and an undo never overwrites that."""

        def plain(value: Any) -> Any:
            if dataclasses.is_dataclass(value) and not isinstance(value, type):
                return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
            return _plain(value)

        with self.write():
            current = read()
            moved = [f for f in fields if getattr(current, f) != getattr(expect, f)]
            if moved:
                raise self.edit_conflict(
                    what(current) if callable(what) else what, entity=entity, entity_id=getattr(current, "id", None),
                    read_version=getattr(expect, "row_version", None),
                    stored_version=getattr(current, "row_version", None),
                    yours={f: plain(getattr(source, f)) for f in moved},
                    stored={f: plain(getattr(current, f)) for f in moved},
                    labels=labels, yours_record=dataclasses.replace(current, **{f: getattr(source, f) for f in fields}),
                    stored_record=current,
                )
            return save(dataclasses.replace(current, **{f: getattr(source, f) for f in fields}))

    @staticmethod
    def require_version(record: Any, kind: str) -> int:
        """The version ``record`` was read at; a record never read from the store is a bug."""
        version = getattr(record, "row_version", None)
        if version is None:
            raise ValueError(f"{kind} needs the record as read from the store (its row_version), "
                             "so a change saved meanwhile is not overwritten")
        return version

    def history(
        self, *, entity: str | None = None, entity_id: int | None = None, limit: int | None = None
    ) -> list[Change]:
        where, args = [], []
        if entity:
            where.append("entity = ?")
            args.append(entity)
        if entity_id is not None:
            where.append("entity_id = ?")
            args.append(entity_id)
        sql = "SELECT * FROM change_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [
            Change(
                id=r["id"],
                at=r["at"],
                user=r["user"],
                host=r["host"],
                entity=r["entity"],
                entity_id=r["entity_id"],
                action=r["action"],
                summary=r["summary"],
                changes=json.loads(r["changes"]),
            )
            for r in self.db.query(sql, args)
        ]

    # --- agencies --------------------------------------------------------------------------
    @staticmethod
    def _agency(row: Mapping[str, Any]) -> Agency:
        return Agency(
            id=row["id"],
            name=row["name"],
            short_name=row["short_name"],
            statutory=bool(row["statutory"]),
            partner_class=PartnerClass(row["partner_class"]),
            start_date=_d(row["start_date"]),
            end_date=_d(row["end_date"]),
            notes=row["notes"],
            row_version=row["row_version"],
        )

    def agencies(self, *, active_on: dt.date | None = None) -> list[Agency]:
        rows = self.db.query("SELECT * FROM agency ORDER BY name COLLATE NOCASE")
        out = [self._agency(r) for r in rows]
        if active_on is not None:
            out = [a for a in out if a.is_active(active_on)]
        return out

    def agency(self, agency_id: int) -> Agency:
        rows = list(self.db.query("SELECT * FROM agency WHERE id = ?", [agency_id]))
        if not rows:
            raise RecordNotFound(f"There is no agency with id {agency_id}.", "List them with 'mqp agencies list'.")
        return self._agency(rows[0])

    def find_agency(self, text: str) -> Agency | None:
        """An agency by id, name or short name (case-insensitive), or None."""
        key = (text or "").strip()
        if not key:
            return None
        if key.isdigit():
            rows = list(self.db.query("SELECT * FROM agency WHERE id = ?", [int(key)]))
            if rows:
                return self._agency(rows[0])
        rows = list(
            self.db.query(
                "SELECT * FROM agency WHERE name = ? COLLATE NOCASE OR (short_name <> '' AND short_name = ? COLLATE NOCASE)",
                [key, key],
            )
        )
        return self._agency(rows[0]) if len(rows) == 1 else None

    def _agency_values(self, agency: Agency) -> dict[str, Any]:
        return {
            "name": agency.name,
            "short_name": agency.short_name,
            "statutory": int(agency.statutory),
            "partner_class": PartnerClass(agency.partner_class).value,
            "start_date": _iso(agency.start_date),
            "end_date": _iso(agency.end_date),
            "notes": agency.notes or "",
        }

    def _check_agency_name_free(self, agency: Agency) -> None:
        clash = list(
            self.db.query(
                "SELECT id FROM agency WHERE name = ? COLLATE NOCASE AND id IS NOT ?",
                [agency.name, agency.id],
            )
        )
        if clash:
            raise ValidationError("name", f"There is already an agency called '{agency.name}': choose another name.")

    def add_agency(self, agency: Agency) -> Agency:
        agency = validate_agency(dataclasses.replace(agency, id=None))
        self._check_agency_name_free(agency)
        values = self._agency_values(agency)
        with self.write():
            agency.id = self.insert("agency", values)
            self.record("agency", agency.id, "added", f"Agency added: {agency.name}", {k: [None, v] for k, v in values.items()})
        agency.row_version = 1
        return agency

    def update_agency(self, agency: Agency, *, action: str = "edited") -> Agency:
        """Save an agency as edited. ``agency.row_version`` is the version it was read at: an agency
        saved since by someone else is refused with :class:`EditConflict`, never overwritten."""
        if agency.id is None:
            raise ValueError("update_agency needs a saved agency")
        read = self.require_version(agency, "update_agency")
        agency = validate_agency(dataclasses.replace(agency))
        with self.write():
            old = self.agency(agency.id)
            self._check_agency_name_free(agency)
            before, after = self._agency_values(old), self._agency_values(agency)
            diff = changes(before, after)
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.edit_conflict(
                    f"the agency {old.name}", entity="agency", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, yours_record=agency, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(agency, row_version=old.row_version)
            version = self.update("agency", agency.id, diff, version=read)
            self.record("agency", agency.id, action, f"Agency {action}: {agency.name}", diff)
        return dataclasses.replace(agency, row_version=version)

    def end_agency(self, agency_id: int, end_date: dt.date, reason: str = "", *, seen: Agency | None = None) -> Agency:
        """End an agency's membership. ``seen``: the agency as the officer saw it when choosing to end
        it (refused if it was changed since); without it, the agency as stored now (one transaction)."""
        with self.write():
            agency = dataclasses.replace(seen) if seen is not None else self.agency(agency_id)
            if agency.end_date is not None:
                raise ValidationError("end_date", f"{agency.name} already ended on {agency.end_date:%d/%m/%Y}.")
            agency.end_date = end_date
            if reason:
                agency.notes = (agency.notes + "\n" if agency.notes else "") + f"Ended {end_date:%d/%m/%Y}: {reason}"
            return self.update_agency(agency, action="ended")

    # --- members ---------------------------------------------------------------------------
    @staticmethod
    def _member(row: Mapping[str, Any]) -> Member:
        return Member(
            id=row["id"],
            agency_id=row["agency_id"],
            name=row["name"],
            role_title=row["role_title"],
            email=row["email"],
            phone=row["phone"],
            decision_maker=bool(row["decision_maker"]),
            deputy_name=row["deputy_name"],
            deputy_email=row["deputy_email"],
            start_date=_d(row["start_date"]),
            end_date=_d(row["end_date"]),
            end_reason=row["end_reason"],
            notes=row["notes"],
            row_version=row["row_version"],
        )

    def members(self, *, active_on: dt.date | None = None, include_ended: bool = True) -> list[Member]:
        """Members of the subcommittee, by agency then name.

        ``active_on`` keeps those in post on that day; ``include_ended=False``
        keeps those in post today.
        """
        out = self.shared_read(("members",), lambda: [self._member(r) for r in self.db.query(
            "SELECT member.* FROM member JOIN agency ON agency.id = member.agency_id"
            " ORDER BY agency.name COLLATE NOCASE, member.name = '', member.name COLLATE NOCASE, member.id"
        )])
        if active_on is None and not include_ended:
            active_on = dt.date.today()
        if active_on is not None:
            out = [m for m in out if m.is_active(active_on)]
        return out

    def member(self, member_id: int) -> Member:
        rows = list(self.db.query("SELECT * FROM member WHERE id = ?", [member_id]))
        if not rows:
            raise RecordNotFound(f"There is no member with id {member_id}.", "List them with 'mqp members list'.")
        return self._member(rows[0])

    def _member_values(self, member: Member) -> dict[str, Any]:
        return {
            "name": member.name,
            "role_title": member.role_title,
            "agency_id": member.agency_id,
            "email": member.email,
            "phone": member.phone,
            "decision_maker": int(member.decision_maker),
            "deputy_name": member.deputy_name,
            "deputy_email": member.deputy_email,
            "start_date": _iso(member.start_date),
            "end_date": _iso(member.end_date),
            "end_reason": member.end_reason or "",
            "notes": member.notes or "",
        }

    def _agency_short(self, agency_id: int) -> str:
        row = self.db.execute("SELECT name, short_name FROM agency WHERE id = ?", [agency_id]).fetchone()
        return (row[1] or row[0]) if row else f"agency {agency_id}"

    def _member_label(self, member: Member) -> str:
        """'Jo Bloggs (DI, Police)'."""
        return f"{member.display_name} ({member.role_title}, {self._agency_short(member.agency_id)})"

    def _member_summary(self, action: str, member: Member) -> str:
        """One line for the history, e.g. 'Member ended: Jo Bloggs (DI, Police)'."""
        if action == "seat listed":
            return f"Seat listed: {member.role_title} ({self._agency_short(member.agency_id)})"
        return f"Member {action}: {self._member_label(member)}"

    def _subcommittee_id(self) -> int:
        row = self.db.execute("SELECT id FROM subcommittee ORDER BY id LIMIT 1").fetchone()
        if row is None:
            raise StoreError("This database has no subcommittee yet.", "Create one with 'mqp init'.")
        return row[0]

    def _check_agency_exists(self, agency_id: int) -> None:
        if self.db.execute("SELECT 1 FROM agency WHERE id = ?", [agency_id]).fetchone() is None:
            raise ValidationError("agency_id", f"There is no agency with id {agency_id}: choose one from the list.")

    def add_member(self, member: Member, *, action: str = "added") -> Member:
        member = validate_member(dataclasses.replace(member, id=None))
        self._check_agency_exists(member.agency_id)
        values = self._member_values(member)
        values["subcommittee_id"] = self._subcommittee_id()
        with self.write():
            member.id = self.insert("member", values)
            self.record(
                "member",
                member.id,
                action,
                self._member_summary(action, member),
                {k: [None, v] for k, v in values.items() if k != "subcommittee_id"},
            )
        member.row_version = 1
        return member

    def update_member(self, member: Member, *, action: str = "edited") -> Member:
        """Save a member as edited. ``member.row_version`` is the version it was read at: a member
        saved since by someone else is refused with :class:`EditConflict`, never overwritten."""
        if member.id is None:
            raise ValueError("update_member needs a saved member")
        read = self.require_version(member, "update_member")
        member = validate_member(dataclasses.replace(member))
        with self.write():
            old = self.member(member.id)
            self._check_agency_exists(member.agency_id)
            before, after = self._member_values(old), self._member_values(member)
            diff = changes(before, after)
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.edit_conflict(
                    f"the member {self._member_label(old)}", entity="member",
                    entity_id=old.id, read_version=read, stored_version=old.row_version, yours=after, stored=before,
                    yours_record=member, stored_record=old,
                )
            if not diff:
                return dataclasses.replace(member, row_version=old.row_version)
            version = self.update("member", member.id, diff, version=read)
            self.record("member", member.id, action, self._member_summary(action, member), diff)
        return dataclasses.replace(member, row_version=version)

    def end_member(self, member_id: int, end_date: dt.date, reason: str = "", *, seen: Member | None = None) -> Member:
        """End a membership. ``seen``: the member as the officer saw it when choosing to end it
        (refused if it was changed since, e.g. the seat given to someone else); without it, the
        member as stored now, read and written in one transaction."""
        with self.write():
            member = dataclasses.replace(seen) if seen is not None else self.member(member_id)
            if member.end_date is not None:
                raise ValidationError(
                    "end_date", f"{member.display_name} already ended on {member.end_date:%d/%m/%Y}."
                )
            member.end_date = end_date
            member.end_reason = reason.strip()
            return self.update_member(member, action="ended")

    def reinstate_member(self, member_id: int, *, seen: Member | None = None) -> Member:
        """Undo an end: clear the end date (recorded in the history like any change). ``seen`` as for
        :meth:`end_member`."""
        with self.write():
            member = dataclasses.replace(seen) if seen is not None else self.member(member_id)
            member.end_date = None
            member.end_reason = ""
            return self.update_member(member, action="reinstated")

    # --- the subcommittee ------------------------------------------------------------------
    def subcommittee(self) -> Subcommittee:
        rows = list(self.db.query("SELECT * FROM subcommittee ORDER BY id LIMIT 1"))
        if not rows:
            raise StoreError("This database has no subcommittee yet.", "Create one with 'mqp init'.")
        r = rows[0]
        return Subcommittee(
            id=r["id"],
            name=r["name"],
            short_name=r["short_name"],
            partnership=r["partnership"],
            reporting_line=r["reporting_line"],
            frequency_interval=r["frequency_interval"],
            frequency_unit=FrequencyUnit(r["frequency_unit"]),
            attendance_standard=r["attendance_standard"],
            quorum_rule=QuorumRule.from_json(r["quorum_rule"]),
            tor_version=r["tor_version"],
            tor_signed_off=_d(r["tor_signed_off"]),
            tor_review_due=_d(r["tor_review_due"]),
            chair=Office(r["chair_member_id"], _d(r["chair_appointed"]), _d(r["chair_review_due"])),
            co_chair=Office(
                r["co_chair_member_id"], _d(r["co_chair_appointed"]), _d(r["co_chair_review_due"])
            ),
            deputy_counts_for_member=bool(r["deputy_counts_for_member"]),
            row_version=r["row_version"],
        )

    @staticmethod
    def _subcommittee_values(s: Subcommittee) -> dict[str, Any]:
        return {
            "name": s.name,
            "short_name": s.short_name,
            "partnership": s.partnership,
            "reporting_line": s.reporting_line,
            "frequency_interval": s.frequency_interval,
            "frequency_unit": FrequencyUnit(s.frequency_unit).value,
            "attendance_standard": s.attendance_standard,
            "quorum_rule": s.quorum_rule.to_json(),
            "tor_version": s.tor_version,
            "tor_signed_off": _iso(s.tor_signed_off),
            "tor_review_due": _iso(s.tor_review_due),
            "chair_member_id": s.chair.member_id,
            "chair_appointed": _iso(s.chair.appointed),
            "chair_review_due": _iso(s.chair.review_due),
            "co_chair_member_id": s.co_chair.member_id,
            "co_chair_appointed": _iso(s.co_chair.appointed),
            "co_chair_review_due": _iso(s.co_chair.review_due),
            "deputy_counts_for_member": int(s.deputy_counts_for_member),
        }

    def validate_subcommittee(self, s: Subcommittee) -> Subcommittee:
        s.name = require_text(s.name, "name", "The subcommittee's name")
        if s.frequency_interval < 1:
            raise ValidationError("frequency_interval", "Meetings must be at least one week or month apart.")
        if not 0 <= s.attendance_standard <= 100:
            raise ValidationError("attendance_standard", "The attendance standard is a percentage from 0 to 100.")
        known = {a.id for a in self.agencies()}
        for agency_id in s.quorum_rule.all_agency_ids:
            if agency_id not in known:
                raise ValidationError("quorum_rule", f"The quorum rule names agency id {agency_id}, which does not exist.")
        for office, label in ((s.chair, "chair"), (s.co_chair, "co-chair")):
            if office.member_id is not None:
                self.member(office.member_id)
        if s.chair.member_id is not None and s.chair.member_id == s.co_chair.member_id:
            raise ValidationError("co_chair", "The chair and co-chair must be different people.")
        return s

    def create_subcommittee(self, s: Subcommittee) -> Subcommittee:
        s = self.validate_subcommittee(dataclasses.replace(s, id=None))
        values = self._subcommittee_values(s)
        with self.write():
            s.id = self.insert("subcommittee", values)
            self.record("subcommittee", s.id, "added", f"Subcommittee created: {s.name}", {k: [None, v] for k, v in values.items()})
            if s.tor_version.strip():  # the Terms of Reference in force, as their first version (a document)
                self.governance.documents.record_tor_version(
                    s.tor_version, s.tor_signed_off, s.tor_review_due if s.tor_signed_off is not None else None)
        return self.subcommittee()

    def update_subcommittee(self, s: Subcommittee) -> Subcommittee:
        """Save the subcommittee's settings. ``s.row_version`` is the version they were read at:
        settings saved since by someone else are refused with :class:`EditConflict`."""
        read = self.require_version(s, "update_subcommittee")
        with self.write():
            old = self.subcommittee()
            s = self.validate_subcommittee(dataclasses.replace(s, id=old.id))
            before, after = self._subcommittee_values(old), self._subcommittee_values(s)
            diff = changes(before, after)
            if read != old.row_version:  # changed since it was read, even to what is saved now
                raise self.edit_conflict(
                    f"the settings of {old.name}", entity="subcommittee", entity_id=old.id, read_version=read,
                    stored_version=old.row_version, yours=after, stored=before, yours_record=s, stored_record=old,
                    labels=SUBCOMMITTEE_LABELS,
                )
            if not diff:
                return dataclasses.replace(s, row_version=old.row_version)
            # The Terms of Reference's version and dates are kept as documents (store/governance/documents.py):
            # a change to them here is made there, which moves the review date on with a new version.
            tor = {k: diff.pop(k) for k in ("tor_version", "tor_signed_off", "tor_review_due") if k in diff}
            if diff:
                self.update("subcommittee", s.id, diff, version=read)
                self.record(
                    "subcommittee", s.id, "edited", f"Settings changed: {', '.join(k.replace('_', ' ') for k in diff)}",
                    diff
                )
            if tor:
                self.governance.documents.apply_tor_settings(
                    old.tor_version, old.tor_signed_off, old.tor_review_due, s.tor_version, s.tor_signed_off,
                    s.tor_review_due)
            saved = self.subcommittee()
        return dataclasses.replace(s, tor_version=saved.tor_version, tor_signed_off=saved.tor_signed_off,
                                   tor_review_due=saved.tor_review_due, row_version=saved.row_version)

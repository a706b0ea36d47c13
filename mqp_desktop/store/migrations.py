"""The schema, as named migrations applied in order (sqlite-utils 4 ``Migrations``).

Never edit a migration that has shipped: add a new one. ``SCHEMA_VERSION`` is
the number of migrations; it is also written to ``PRAGMA user_version`` so any
SQLite tool can tell which version a file is.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "mqp_desktop"
# "MQPD" as a 32-bit integer: marks the file as ours for `file` and for us.
APPLICATION_ID = 0x4D515044

migrations = Migrations(MIGRATION_SET)


@migrations(name="0001_register")
def m0001_register(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE agency (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (trim(name) <> ''),
            short_name TEXT NOT NULL DEFAULT '',
            statutory INTEGER NOT NULL DEFAULT 0 CHECK (statutory IN (0, 1)),
            partner_class TEXT NOT NULL DEFAULT 'relevant agency'
                CHECK (partner_class IN ('lead safeguarding partner', 'relevant agency', 'other')),
            start_date TEXT,
            end_date TEXT,
            notes TEXT NOT NULL DEFAULT ''
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE subcommittee (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            short_name TEXT NOT NULL DEFAULT '',
            partnership TEXT NOT NULL DEFAULT '',
            reporting_line TEXT NOT NULL DEFAULT '',
            frequency_interval INTEGER NOT NULL DEFAULT 2 CHECK (frequency_interval > 0),
            frequency_unit TEXT NOT NULL DEFAULT 'months' CHECK (frequency_unit IN ('weeks', 'months')),
            attendance_standard INTEGER NOT NULL DEFAULT 80
                CHECK (attendance_standard BETWEEN 0 AND 100),
            quorum_rule TEXT NOT NULL,
            tor_version TEXT NOT NULL DEFAULT '',
            tor_signed_off TEXT,
            tor_review_due TEXT,
            chair_member_id INTEGER REFERENCES member(id),
            chair_appointed TEXT,
            chair_review_due TEXT,
            co_chair_member_id INTEGER REFERENCES member(id),
            co_chair_appointed TEXT,
            co_chair_review_due TEXT
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE member (
            id INTEGER PRIMARY KEY,
            subcommittee_id INTEGER NOT NULL REFERENCES subcommittee(id),
            agency_id INTEGER NOT NULL REFERENCES agency(id),
            name TEXT NOT NULL DEFAULT '',
            role_title TEXT NOT NULL CHECK (trim(role_title) <> ''),
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            decision_maker INTEGER NOT NULL DEFAULT 1 CHECK (decision_maker IN (0, 1)),
            deputy_name TEXT NOT NULL DEFAULT '',
            deputy_email TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            end_date TEXT,
            end_reason TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT ''
        ) STRICT
        """
    )
    db.execute("CREATE INDEX member_agency ON member(agency_id)")
    db.execute("CREATE INDEX member_subcommittee ON member(subcommittee_id)")
    # Register rows are ended, never deleted.
    for table in ("agency", "member"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are ended, not deleted'); END
            """
        )


@migrations(name="0002_change_history")
def m0002_change_history(db: Database) -> None:
    """Who changed what, when, from which computer (ToR 13; DOMAIN: every change recorded)."""
    # One row per change, never updated or deleted.
    db.execute(
        """
        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            host TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            action TEXT NOT NULL,
            summary TEXT NOT NULL,
            changes TEXT NOT NULL DEFAULT '{}'
        ) STRICT
        """
    )
    db.execute("CREATE INDEX change_log_entity ON change_log(entity, entity_id)")
    for statement in ("UPDATE", "DELETE"):
        db.execute(
            f"""
            CREATE TRIGGER change_log_no_{statement.lower()} BEFORE {statement} ON change_log
            BEGIN SELECT RAISE(ABORT, 'the change history cannot be altered'); END
            """
        )


@migrations(name="0003_meetings")
def m0003_meetings(db: Database) -> None:
    """Meetings, their attendance registers, guests and the chair's quorum decision (ToR 3, 5)."""
    db.execute(
        """
        CREATE TABLE meeting (
            id INTEGER PRIMARY KEY,
            subcommittee_id INTEGER NOT NULL REFERENCES subcommittee(id),
            date TEXT NOT NULL,
            start_time TEXT NOT NULL DEFAULT '',
            end_time TEXT NOT NULL DEFAULT '',
            venue TEXT NOT NULL DEFAULT '',
            online_link TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'extraordinary')),
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'held', 'cancelled', 'reconvened')),
            replaces_id INTEGER REFERENCES meeting(id),
            quorum_rule TEXT,
            chair_decision TEXT CHECK (chair_decision IN ('proceed', 'reconvene')),
            chair_decision_note TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT ''
        ) STRICT
        """
    )
    db.execute("CREATE INDEX meeting_date ON meeting(date)")
    db.execute(
        """
        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            member_id INTEGER NOT NULL REFERENCES member(id),
            status TEXT NOT NULL CHECK (status IN
                ('present', 'deputy attended', 'apologies sent', 'absent without apologies')),
            deputy_name TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (meeting_id, member_id)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX attendance_member ON attendance(member_id)")
    db.execute(
        """
        CREATE TABLE guest (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            organisation TEXT NOT NULL DEFAULT '',
            item TEXT NOT NULL DEFAULT '',
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1))
        ) STRICT
        """
    )
    # Whether a deputy's attendance counts toward the member's own rate (it always
    # counts for the agency's); default: shown separately, not counted.
    db.execute(
        "ALTER TABLE subcommittee ADD COLUMN deputy_counts_for_member INTEGER NOT NULL DEFAULT 0"
        " CHECK (deputy_counts_for_member IN (0, 1))"
    )
    for table in ("meeting", "guest"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are cancelled or removed, not deleted'); END
            """
        )


# The names this version of the program knows, in order (read through the
# public API: everything is pending on an empty database).
KNOWN_MIGRATIONS: tuple[str, ...] = tuple(m.name for m in migrations.pending(Database(memory=True)))
SCHEMA_VERSION = len(KNOWN_MIGRATIONS)

"""The schema, as named migrations applied in order (sqlite-utils 4 ``Migrations``).

Never edit a migration that has shipped: add a new one. ``SCHEMA_VERSION`` is
the number of migrations; it is also written to ``PRAGMA user_version`` so any
SQLite tool can tell which version a file is.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from mqp_desktop.store.schema_names import (  # noqa: F401 - the names live there, light to import
    APPLICATION_ID,
    KNOWN_MIGRATIONS,
    MIGRATION_SET,
    SCHEMA_VERSION,
    VERSIONED_IN_0007,
    VERSIONED_TABLES,
)

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


@migrations(name="0004_section11")
def m0004_section11(db: Database) -> None:
    """Section 11 audits (ToR 7.8): frameworks, rounds with their own copy of the standards,
    returns, reminders, ratings and action plans. Nothing is deleted; a round's standards,
    scale and framework never change once it is created."""

    def iso_date(column: str, *, required: bool = False) -> str:
        # date(x) = x only for a valid YYYY-MM-DD text.
        check = f"{column} = date({column})"
        return f"{column} TEXT NOT NULL CHECK ({check})" if required else f"{column} TEXT CHECK ({column} IS NULL OR {check})"

    db.execute(
        """
        CREATE TABLE s11_framework (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            version INTEGER NOT NULL CHECK (version >= 1),
            description TEXT NOT NULL DEFAULT '',
            standards TEXT NOT NULL CHECK (json_valid(standards) AND json_type(standards) = 'array'),
            based_on_id INTEGER REFERENCES s11_framework(id),
            UNIQUE (name COLLATE NOCASE, version)
        ) STRICT
        """
    )
    db.execute(
        f"""
        CREATE TABLE s11_round (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (trim(name) <> ''),
            framework_id INTEGER NOT NULL REFERENCES s11_framework(id),
            scale TEXT NOT NULL CHECK (scale IN ('rag', 'score', 'percent')),
            {iso_date("issued", required=True)},
            {iso_date("deadline", required=True)},
            panel_dates TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(panel_dates) AND json_type(panel_dates) = 'array'),
            notes TEXT NOT NULL DEFAULT '',
            CHECK (deadline >= issued)
        ) STRICT
        """
    )
    # The round's own copy of its framework's standards (criterion '') and sub-criteria.
    db.execute(
        """
        CREATE TABLE s11_round_item (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES s11_round(id),
            standard INTEGER NOT NULL CHECK (standard >= 1),
            criterion TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            UNIQUE (round_id, standard, criterion)
        ) STRICT
        """
    )
    db.execute(
        f"""
        CREATE TABLE s11_return (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES s11_round(id),
            agency_id INTEGER NOT NULL REFERENCES agency(id),
            lead_member_id INTEGER REFERENCES member(id),
            lead_name TEXT NOT NULL DEFAULT '',
            lead_email TEXT NOT NULL DEFAULT '',
            substitute_member_id INTEGER REFERENCES member(id),
            substitute_name TEXT NOT NULL DEFAULT '',
            substitute_email TEXT NOT NULL DEFAULT '',
            {iso_date("issued")},
            {iso_date("received")},
            {iso_date("reviewed")},
            panel_outcome TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            UNIQUE (round_id, agency_id),
            CHECK (received IS NULL OR issued IS NULL OR received >= issued),
            CHECK (reviewed IS NULL OR (received IS NOT NULL AND reviewed >= received))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX s11_return_agency ON s11_return(agency_id)")
    db.execute(
        f"""
        CREATE TABLE s11_reminder (
            id INTEGER PRIMARY KEY,
            return_id INTEGER NOT NULL REFERENCES s11_return(id),
            {iso_date("sent_on", required=True)},
            note TEXT NOT NULL DEFAULT ''
        ) STRICT
        """
    )
    db.execute("CREATE INDEX s11_reminder_return ON s11_reminder(return_id)")
    db.execute(
        """
        CREATE TABLE s11_rating (
            id INTEGER PRIMARY KEY,
            return_id INTEGER NOT NULL REFERENCES s11_return(id),
            item_id INTEGER NOT NULL REFERENCES s11_round_item(id),
            self_value TEXT,
            self_na_reason TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            improvement TEXT NOT NULL DEFAULT '',
            moderated_value TEXT,
            moderated_na_reason TEXT NOT NULL DEFAULT '',
            panel_comments TEXT NOT NULL DEFAULT '',
            UNIQUE (return_id, item_id),
            CHECK (self_value IS NOT 'n/a' OR trim(self_na_reason) <> ''),
            CHECK (moderated_value IS NOT 'n/a' OR trim(moderated_na_reason) <> '')
        ) STRICT
        """
    )
    db.execute("CREATE INDEX s11_rating_item ON s11_rating(item_id)")
    db.execute(
        f"""
        CREATE TABLE s11_action (
            id INTEGER PRIMARY KEY,
            return_id INTEGER NOT NULL REFERENCES s11_return(id),
            standard_item_id INTEGER REFERENCES s11_round_item(id),
            action TEXT NOT NULL CHECK (trim(action) <> ''),
            owner TEXT NOT NULL DEFAULT '',
            {iso_date("due")},
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in progress', 'done', 'dropped')),
            {iso_date("closed")},
            notes TEXT NOT NULL DEFAULT '',
            CHECK ((status IN ('done', 'dropped')) = (closed IS NOT NULL))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX s11_action_return ON s11_action(return_id)")

    # Ratings: on the scale of their return's round, and of an item of that same round.
    # (The value lists are written out here so this migration never changes.)
    percent = ", ".join(f"'{n}'" for n in range(0, 101, 5))
    for column in ("self_value", "moderated_value"):
        for event in ("INSERT", "UPDATE"):
            db.execute(
                f"""
                CREATE TRIGGER s11_rating_{column}_on_scale_{event.lower()} BEFORE {event} ON s11_rating
                WHEN NEW.{column} IS NOT NULL AND NOT (
                    SELECT CASE r.scale
                        WHEN 'rag' THEN NEW.{column} IN ('red', 'amber', 'green')
                        WHEN 'score' THEN NEW.{column} IN ('0', '1', '2', '3')
                        ELSE NEW.{column} IN ({percent}, 'n/a') END
                    FROM s11_return t JOIN s11_round r ON r.id = t.round_id WHERE t.id = NEW.return_id)
                BEGIN SELECT RAISE(ABORT, 'the rating is not on the round''s scale'); END
                """
            )
    for table, column in (("s11_rating", "item_id"), ("s11_action", "standard_item_id")):
        db.execute(
            f"""
            CREATE TRIGGER {table}_same_round BEFORE INSERT ON {table}
            WHEN NEW.{column} IS NOT NULL AND (SELECT round_id FROM s11_round_item WHERE id = NEW.{column})
                IS NOT (SELECT round_id FROM s11_return WHERE id = NEW.return_id)
            BEGIN SELECT RAISE(ABORT, 'the standard is not one of the return''s round'); END
            """
        )
    # What a record belongs to never changes; a round's standards, scale and framework neither.
    for table, columns in (
        ("s11_round", "framework_id, scale"),
        ("s11_round_item", "round_id, standard, criterion, title, description, position"),
        ("s11_return", "round_id, agency_id"),
        ("s11_reminder", "return_id, sent_on"),
        ("s11_rating", "return_id, item_id"),
        ("s11_action", "return_id, standard_item_id"),
    ):
        db.execute(
            f"""
            CREATE TRIGGER {table}_fixed BEFORE UPDATE OF {columns} ON {table}
            BEGIN SELECT RAISE(ABORT, '{table}: {columns} cannot be changed'); END
            """
        )
    # A framework version used by a round is kept as it was: edits make a new version.
    db.execute(
        """
        CREATE TRIGGER s11_framework_in_use BEFORE UPDATE OF name, version, standards ON s11_framework
        WHEN EXISTS (SELECT 1 FROM s11_round WHERE framework_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'a framework version used by an audit round cannot be changed'); END
        """
    )
    for table in ("s11_framework", "s11_round", "s11_round_item", "s11_return", "s11_reminder", "s11_rating", "s11_action"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, 'Section 11 records are kept, not deleted'); END
            """
        )



@migrations(name="0005_agendas_papers")
def m0005_agendas_papers(db: Database) -> None:
    """Agendas, papers and their files, settings, meeting packs and circulation (ToR 13, 14).

    Files are held as immutable documents: a paper points at its current one, a
    replaced file adds a new document, and no document is ever changed or deleted,
    so a pack or circulation that recorded document ids is provably unchanged.
    Agenda items and papers are removed with a flag; circulations are never edited."""

    def iso_date(column: str) -> str:
        return f"{column} TEXT CHECK ({column} IS NULL OR {column} = date({column}))"

    def json_array(column: str) -> str:
        return (f"{column} TEXT NOT NULL DEFAULT '[]'"
                f" CHECK (json_valid({column}) AND json_type({column}) = 'array')")

    db.execute(
        """
        CREATE TABLE document (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
            file_name TEXT NOT NULL CHECK (trim(file_name) <> ''),
            media_type TEXT NOT NULL CHECK (trim(media_type) <> ''),
            size INTEGER NOT NULL CHECK (size > 0),
            content BLOB NOT NULL,
            added_at TEXT NOT NULL,
            CHECK (length(content) = size)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX document_sha256 ON document(sha256)")
    db.execute(
        """
        CREATE TABLE agenda_item (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            parent_id INTEGER REFERENCES agenda_item(id),
            position INTEGER NOT NULL CHECK (position >= 1),
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            presenter_member_id INTEGER REFERENCES member(id),
            presenter_name TEXT NOT NULL DEFAULT '',
            purpose TEXT CHECK (purpose IN ('decision', 'discussion', 'information', 'assurance')),
            minutes INTEGER NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 480),
            priority TEXT NOT NULL DEFAULT '',
            standing TEXT NOT NULL DEFAULT 'none' CHECK (standing IN ('welcome_apologies', 'declarations',
                'previous_minutes', 'action_log', 'aob', 'next_meeting', 'none')),
            notes TEXT NOT NULL DEFAULT '',
            copied_from_id INTEGER REFERENCES agenda_item(id),
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            CHECK (presenter_member_id IS NULL OR presenter_name = ''),
            CHECK (parent_id IS NOT id)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id)")
    db.execute("CREATE INDEX agenda_item_parent ON agenda_item(parent_id)")
    # Two levels only, and a sub-item belongs to the same meeting as its parent.
    for event in ("INSERT", "UPDATE OF parent_id, meeting_id"):
        db.execute(
            f"""
            CREATE TRIGGER agenda_item_parent_{event.split()[0].lower()} BEFORE {event} ON agenda_item
            WHEN NEW.parent_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM agenda_item p
                WHERE p.id = NEW.parent_id AND p.meeting_id = NEW.meeting_id AND p.parent_id IS NULL)
            BEGIN SELECT RAISE(ABORT, 'a sub-item goes under a top-level item of the same meeting'); END
            """
        )
    db.execute(
        f"""
        CREATE TABLE paper (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES agenda_item(id),
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            author_name TEXT NOT NULL DEFAULT '',
            author_email TEXT NOT NULL DEFAULT '',
            {iso_date("requested_on")},
            {iso_date("deadline")},
            {iso_date("received_on")},
            signed_off_by TEXT NOT NULL DEFAULT '',
            {iso_date("signed_off_on")},
            withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
            supplement INTEGER CHECK (supplement IS NULL OR supplement >= 1),
            notes TEXT NOT NULL DEFAULT '',
            document_id INTEGER REFERENCES document(id),
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            CHECK ((signed_off_by = '') = (signed_off_on IS NULL))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX paper_item ON paper(item_id)")
    db.execute(
        """
        CREATE TABLE setting (
            name TEXT PRIMARY KEY CHECK (trim(name) <> ''),
            value TEXT NOT NULL CHECK (json_valid(value))
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE pack (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            built_at TEXT NOT NULL,
            document_id INTEGER NOT NULL REFERENCES document(id),
            contents TEXT NOT NULL CHECK (json_valid(contents)),
            page_count INTEGER NOT NULL CHECK (page_count >= 1),
            circulated INTEGER NOT NULL DEFAULT 0 CHECK (circulated IN (0, 1))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX pack_meeting ON pack(meeting_id)")
    db.execute(
        f"""
        CREATE TABLE circulation (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            kind TEXT NOT NULL CHECK (kind IN ('agenda', 'pack', 'supplement', 'minutes', 'papers')),
            at TEXT NOT NULL,
            {json_array("recipients")},
            {json_array("attachments")},
            subject TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            pack_id INTEGER REFERENCES pack(id)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX circulation_meeting ON circulation(meeting_id)")
    # Documents and circulations are facts: never changed. A pack's only change is being circulated.
    for table in ("document", "circulation"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records cannot be changed'); END
            """
        )
    db.execute(
        """
        CREATE TRIGGER pack_fixed BEFORE UPDATE OF meeting_id, built_at, document_id, contents, page_count ON pack
        BEGIN SELECT RAISE(ABORT, 'a built pack cannot be changed: build a new one'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER paper_item_fixed BEFORE UPDATE OF item_id ON paper
        BEGIN SELECT RAISE(ABORT, 'a paper stays with its agenda item'); END
        """
    )
    for table in ("document", "agenda_item", "paper", "setting", "pack", "circulation"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are kept, not deleted'); END
            """
        )


@migrations(name="0006_minutes")
def m0006_minutes(db: Database) -> None:
    """Minutes and their revisions, crash-recovery autosaves, declarations of interest, the
    action log and its updates (ToR 3, 11, 13, 14).

    A signed revision is a fact: no column of it changes, except that the meeting at which
    the minutes were approved as a true record may be filled in once, if it was not known at
    signing. Revisions, declarations, actions and updates are never deleted. Once a meeting's
    latest revision is signed, its declarations, the actions that came from it and the
    updates given at it are locked too, until a correction opens revision n+1."""

    def iso_date(column: str) -> str:
        return f"{column} TEXT CHECK ({column} IS NULL OR {column} = date({column}))"

    def sha256(column: str) -> str:
        return (f"{column} TEXT CHECK ({column} IS NULL OR (length({column}) = 64"
                f" AND {column} NOT GLOB '*[^0-9a-f]*'))")

    # Which database an approval file came from: a random id made once, with the schema.
    db.execute(
        """
        CREATE TABLE database_identity (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uuid TEXT NOT NULL CHECK (length(uuid) = 32)
        ) STRICT
        """
    )
    db.execute("INSERT INTO database_identity (id, uuid) VALUES (1, lower(hex(randomblob(16))))")
    db.execute(
        f"""
        CREATE TABLE minutes_revision (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
            content TEXT NOT NULL CHECK (json_valid(content)),
            {sha256("digest")},
            {sha256("seal")},
            signed_by TEXT NOT NULL DEFAULT '',
            {iso_date("signed_on")},
            signature_png BLOB,
            correction_reason TEXT NOT NULL DEFAULT '',
            {iso_date("corrected_on")},
            approved_at_meeting_id INTEGER REFERENCES meeting(id),
            created_at TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            UNIQUE (meeting_id, revision),
            CHECK ((status = 'signed') = (digest IS NOT NULL AND seal IS NOT NULL AND signed_by <> ''
                                          AND signed_on IS NOT NULL)),
            CHECK (status = 'signed' OR signature_png IS NULL),
            CHECK (revision = 1 OR (trim(correction_reason) <> '' AND corrected_on IS NOT NULL)),
            CHECK (approved_at_meeting_id IS NOT meeting_id)
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TRIGGER minutes_revision_signed_fixed BEFORE UPDATE ON minutes_revision
        WHEN OLD.status = 'signed' AND NOT (
            OLD.approved_at_meeting_id IS NULL AND NEW.approved_at_meeting_id IS NOT NULL
            AND NEW.meeting_id IS OLD.meeting_id AND NEW.revision IS OLD.revision AND NEW.status IS OLD.status
            AND NEW.content IS OLD.content AND NEW.digest IS OLD.digest AND NEW.seal IS OLD.seal
            AND NEW.signed_by IS OLD.signed_by AND NEW.signed_on IS OLD.signed_on
            AND NEW.signature_png IS OLD.signature_png AND NEW.correction_reason IS OLD.correction_reason
            AND NEW.corrected_on IS OLD.corrected_on AND NEW.created_at IS OLD.created_at
            AND NEW.saved_at IS OLD.saved_at AND NEW.id IS OLD.id)
        BEGIN SELECT RAISE(ABORT, 'signed minutes are locked; make a correction'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER minutes_revision_next_only BEFORE INSERT ON minutes_revision
        WHEN NEW.revision <> 1 + coalesce((SELECT max(revision) FROM minutes_revision
                                            WHERE meeting_id = NEW.meeting_id), 0)
          OR EXISTS (SELECT 1 FROM minutes_revision WHERE meeting_id = NEW.meeting_id AND status = 'draft')
        BEGIN SELECT RAISE(ABORT, 'a new revision follows the latest one, and only once it is signed'); END
        """
    )
    db.execute(
        """
        CREATE TABLE minutes_autosave (
            meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id),
            saved_at TEXT NOT NULL,
            content TEXT NOT NULL CHECK (json_valid(content)),
            discarded INTEGER NOT NULL DEFAULT 0 CHECK (discarded IN (0, 1))
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE declaration (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            member_id INTEGER REFERENCES member(id),
            guest_name TEXT NOT NULL DEFAULT '',
            item_id INTEGER REFERENCES agenda_item(id),
            nature TEXT NOT NULL CHECK (trim(nature) <> ''),
            managed TEXT NOT NULL DEFAULT '',
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            created_at TEXT NOT NULL,
            CHECK ((member_id IS NULL) <> (trim(guest_name) = ''))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX declaration_meeting ON declaration(meeting_id)")
    db.execute(
        f"""
        CREATE TABLE action (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE CHECK (number GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]/[1-9]*'),
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            item_id INTEGER REFERENCES agenda_item(id),
            description TEXT NOT NULL CHECK (trim(description) <> ''),
            owner_member_id INTEGER REFERENCES member(id),
            owner_name TEXT NOT NULL DEFAULT '',
            {iso_date("due_date")},
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in progress', 'done', 'dropped')),
            {iso_date("status_date")},
            status_note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK ((owner_member_id IS NULL) <> (trim(owner_name) = ''))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX action_meeting ON action(meeting_id)")
    db.execute(
        """
        CREATE TABLE action_update (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES action(id),
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            status TEXT NOT NULL CHECK (status IN ('open', 'in progress', 'done', 'dropped')),
            note TEXT NOT NULL DEFAULT '',
            on_date TEXT NOT NULL CHECK (on_date = date(on_date)),
            created_at TEXT NOT NULL
        ) STRICT
        """
    )
    db.execute("CREATE INDEX action_update_action ON action_update(action_id)")
    db.execute(
        """
        CREATE TRIGGER action_number_fixed BEFORE UPDATE OF number, meeting_id ON action
        WHEN NEW.number IS NOT OLD.number OR NEW.meeting_id IS NOT OLD.meeting_id
        BEGIN SELECT RAISE(ABORT, 'an action keeps its number and its meeting'); END
        """
    )

    def locked(meeting: str) -> str:
        return (f"EXISTS (SELECT 1 FROM minutes_revision r WHERE r.meeting_id = {meeting} AND r.status = 'signed'"
                f" AND r.revision = (SELECT max(revision) FROM minutes_revision WHERE meeting_id = {meeting}))")

    locks = {
        "declaration_locked_insert": f"BEFORE INSERT ON declaration WHEN {locked('NEW.meeting_id')}",
        "declaration_locked_update": f"BEFORE UPDATE ON declaration WHEN {locked('OLD.meeting_id')}",
        "action_locked_insert": f"BEFORE INSERT ON action WHEN {locked('NEW.meeting_id')}",
        "action_locked_update": ("BEFORE UPDATE OF item_id, description, owner_member_id, owner_name, due_date"
                                 f" ON action WHEN {locked('OLD.meeting_id')}"),
        "action_update_locked_insert": f"BEFORE INSERT ON action_update WHEN {locked('NEW.meeting_id')}",
    }
    for name, when in locks.items():
        db.execute(
            f"CREATE TRIGGER {name} {when}"
            " BEGIN SELECT RAISE(ABORT, 'signed minutes are locked; make a correction'); END"
        )
    db.execute(
        """
        CREATE TRIGGER action_update_no_update BEFORE UPDATE ON action_update
        BEGIN SELECT RAISE(ABORT, 'an action update is a record of what was said: add another'); END
        """
    )
    for table in ("minutes_revision", "minutes_autosave", "declaration", "action", "action_update",
                  "database_identity"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are kept, not deleted'); END
            """
        )
    db.execute(
        """
        CREATE TRIGGER database_identity_fixed BEFORE UPDATE ON database_identity
        BEGIN SELECT RAISE(ABORT, 'the database identity never changes'); END
        """
    )


# The records an officer edits, each with the number of times it has been saved
# (``row_version``): an edit says which version it was read at, so a change another copy of the
# program (or the command line) saved meanwhile is refused rather than overwritten.
# 0007 added the column to the tables in schema_names.VERSIONED_IN_0007 (fixed: that migration has
# shipped); tables made later are made with it and are listed in schema_names.VERSIONED_TABLES.


@migrations(name="0007_record_versions")
def m0007_record_versions(db: Database) -> None:
    """A version number on every editable record, raised by one on every update.

    ``row_version`` rather than ``version``: ``s11_framework.version`` is already the
    framework's own version number, and the word means the ToR's and the minutes'
    revisions elsewhere. Existing rows start at 1. Signed minutes keep theirs (the
    trigger that fixes a signed revision's columns still lets nothing change).
    """
    for table in VERSIONED_IN_0007:
        db.execute(f"ALTER TABLE {table} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)")
    # Who is typing: autosaves are not in the change history, so a copy that finds another's
    # autosave newer than its own can say whose it is ("jo on LAPTOP-2").
    db.execute("ALTER TABLE minutes_autosave ADD COLUMN saved_by TEXT NOT NULL DEFAULT ''")


@migrations(name="0008_signoff_covers_meeting")
def m0008_signoff_covers_meeting(db: Database) -> None:
    """Signed minutes lock the meeting they record: its date, times, venue, kind and status, the
    quorum rule fixed for it and the chair's decision; its register; its guests; its agenda.

    Until now only the minutes' own records were locked, so the register or the agenda of a
    signed meeting could be changed and the minutes no longer said what the database did.
    Like 0006, the lock lasts while the latest revision is signed; a correction (revision n+1,
    a draft) opens the meeting for correcting, and signing the correction locks it again. The
    meeting's own notes and the link from a reconvened meeting are not part of the record and
    stay editable. Columns are compared one by one, so an update that changes none of them
    (a later migration's bookkeeping column, say) is not refused."""

    def signed(meeting: str) -> str:  # as 0006's lock: the latest revision is signed
        return (f"EXISTS (SELECT 1 FROM minutes_revision r WHERE r.meeting_id = {meeting} AND r.status = 'signed'"
                f" AND r.revision = (SELECT max(revision) FROM minutes_revision WHERE meeting_id = {meeting}))")

    message = ("the minutes of this meeting are signed: its details, register, guests and agenda are locked;"
               " make a correction")

    def changed(columns: str) -> str:
        return "(" + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns.split()) + ")"

    meeting_columns = ("id subcommittee_id date start_time end_time venue online_link kind status quorum_rule"
                       " chair_decision chair_decision_note")
    item_columns = ("id meeting_id parent_id position title presenter_member_id presenter_name purpose minutes"
                    " priority standing notes copied_from_id removed")
    locks = {
        "meeting_signed_locked": (f"BEFORE UPDATE ON meeting WHEN {signed('OLD.id')}"
                                  f" AND {changed(meeting_columns)}"),
        "attendance_signed_locked_insert": f"BEFORE INSERT ON attendance WHEN {signed('NEW.meeting_id')}",
        "attendance_signed_locked_update": (f"BEFORE UPDATE ON attendance WHEN {signed('OLD.meeting_id')}"
                                            f" OR {signed('NEW.meeting_id')}"),
        "attendance_signed_locked_delete": f"BEFORE DELETE ON attendance WHEN {signed('OLD.meeting_id')}",
        "guest_signed_locked_insert": f"BEFORE INSERT ON guest WHEN {signed('NEW.meeting_id')}",
        "guest_signed_locked_update": (f"BEFORE UPDATE ON guest WHEN {signed('OLD.meeting_id')}"
                                       f" OR {signed('NEW.meeting_id')}"),
        "agenda_item_signed_locked_insert": f"BEFORE INSERT ON agenda_item WHEN {signed('NEW.meeting_id')}",
        "agenda_item_signed_locked_update": (f"BEFORE UPDATE ON agenda_item WHEN ({signed('OLD.meeting_id')}"
                                             f" OR {signed('NEW.meeting_id')}) AND {changed(item_columns)}"),
    }
    for name, when in locks.items():
        db.execute(f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, '{message}'); END")


@migrations(name="0009_chair_keys")
def m0009_chair_keys(db: Database) -> None:
    """The chair's public signing keys, and the chair's signatures kept with signed minutes.

    A chair's key is imported once (its fingerprint compared with the chair by phone); replacing
    it is deliberate: the old one is marked replaced, with the date and reason, never deleted,
    so minutes it signed still verify against it. One key is current at a time. A signature is
    a fact like the revision it signs: kept, never changed; it is added only to a signed revision
    (in the same transaction as the signing), with the text that was signed and the PDF the
    chair signed (a document, so never changed either)."""

    def sha256(column: str) -> str:
        return f"{column} TEXT NOT NULL CHECK (length({column}) = 64 AND {column} NOT GLOB '*[^0-9a-f]*')"

    db.execute(
        f"""
        CREATE TABLE chair_key (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            {sha256("fingerprint")} UNIQUE,
            public_key BLOB NOT NULL CHECK (length(public_key) = 32),
            certificate BLOB NOT NULL CHECK (length(certificate) > 0),
            endorsement BLOB NOT NULL CHECK (length(endorsement) = 64),
            created_on TEXT NOT NULL CHECK (created_on = date(created_on)),
            imported_at TEXT NOT NULL,
            replaced_at TEXT,
            replaced_reason TEXT NOT NULL DEFAULT '',
            CHECK ((replaced_at IS NULL) = (trim(replaced_reason) = ''))
        ) STRICT
        """
    )
    db.execute("CREATE UNIQUE INDEX chair_key_one_current ON chair_key ((replaced_at IS NULL)) WHERE replaced_at IS NULL")
    db.execute(
        """
        CREATE TRIGGER chair_key_fixed BEFORE UPDATE ON chair_key
        WHEN NOT (OLD.replaced_at IS NULL AND NEW.replaced_at IS NOT NULL
                  AND NEW.id IS OLD.id AND NEW.name IS OLD.name AND NEW.fingerprint IS OLD.fingerprint
                  AND NEW.public_key IS OLD.public_key AND NEW.certificate IS OLD.certificate
                  AND NEW.endorsement IS OLD.endorsement AND NEW.created_on IS OLD.created_on
                  AND NEW.imported_at IS OLD.imported_at)
        BEGIN SELECT RAISE(ABORT, 'a chair''s key is kept as imported: it can only be marked replaced, once'); END
        """
    )
    db.execute(
        """
        CREATE TABLE minutes_signature (
            id INTEGER PRIMARY KEY,
            revision_id INTEGER NOT NULL UNIQUE REFERENCES minutes_revision(id),
            chair_key_id INTEGER NOT NULL REFERENCES chair_key(id),
            made TEXT NOT NULL CHECK (made IN ('approval file', 'at the desk')),
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            signature BLOB NOT NULL CHECK (length(signature) = 64),
            pdf_document_id INTEGER NOT NULL REFERENCES document(id),
            created_at TEXT NOT NULL
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TRIGGER minutes_signature_signed_only BEFORE INSERT ON minutes_signature
        WHEN NOT EXISTS (SELECT 1 FROM minutes_revision WHERE id = NEW.revision_id AND status = 'signed')
        BEGIN SELECT RAISE(ABORT, 'a chair''s signature goes with a signed revision of the minutes'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER minutes_signature_no_update BEFORE UPDATE ON minutes_signature
        BEGIN SELECT RAISE(ABORT, 'a chair''s signature is kept as it was made'); END
        """
    )
    for table in ("chair_key", "minutes_signature"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are kept, not deleted'); END
            """
        )


PERIOD_KEY_CHECK = (
    "(period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]')"
)


@migrations(name="0010_performance")
def m0010_performance(db: Database) -> None:
    """The partnership's performance data (issue 11): themes, indicators, their values per period
    (and per agency), revisions of values, comparators and commentary.

    Periods are canonical keys (domain/periods.py): '2025-06' a month, '2026-Q2' a calendar
    quarter, '2025-26' a financial year; a value's period must be of its indicator's frequency.
    Nothing is deleted: a theme or an indicator is retired; a value changed keeps its old value,
    when, who and why in indicator_value_revision (a record never changed); a value withdrawn is
    NULL with its revision. agency_id NULL is the whole partnership's value."""
    db.execute(
        """
        CREATE TABLE indicator_theme (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (trim(name) <> ''),
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            retired_on TEXT CHECK (retired_on IS NULL OR retired_on = date(retired_on)),
            row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE indicator (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (trim(code) <> '' AND code NOT GLOB '*[ ]*'),
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            definition TEXT NOT NULL DEFAULT '',
            theme_id INTEGER NOT NULL REFERENCES indicator_theme(id),
            owner_agency_id INTEGER REFERENCES agency(id),
            source TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT 'number'
                CHECK (unit IN ('number', 'percentage', 'rate per 10,000', 'days')),
            direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower', 'neither')),
            target REAL CHECK (target IS NULL OR unit <> 'percentage' OR target BETWEEN 0 AND 100),
            tolerance REAL NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
            frequency TEXT NOT NULL DEFAULT 'quarterly' CHECK (frequency IN ('monthly', 'quarterly', 'annual')),
            by_agency INTEGER NOT NULL DEFAULT 0 CHECK (by_agency IN (0, 1)),
            position INTEGER NOT NULL DEFAULT 0,
            retired_on TEXT CHECK (retired_on IS NULL OR retired_on = date(retired_on)),
            retired_reason TEXT NOT NULL DEFAULT '',
            row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX indicator_theme_position ON indicator(theme_id, position)")
    db.execute(
        """
        CREATE TABLE indicator_tag (
            indicator_id INTEGER NOT NULL REFERENCES indicator(id),
            tag TEXT NOT NULL COLLATE NOCASE CHECK (trim(tag) <> ''),
            PRIMARY KEY (indicator_id, tag)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX indicator_tag_tag ON indicator_tag(tag)")
    db.execute(
        f"""
        CREATE TABLE indicator_value (
            id INTEGER PRIMARY KEY,
            indicator_id INTEGER NOT NULL REFERENCES indicator(id),
            period TEXT NOT NULL CHECK {PERIOD_KEY_CHECK},
            agency_id INTEGER REFERENCES agency(id),
            value REAL,
            entered_at TEXT NOT NULL,
            entered_by TEXT NOT NULL DEFAULT '',
            row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)
        ) STRICT
        """
    )
    db.execute("CREATE UNIQUE INDEX indicator_value_one ON indicator_value(indicator_id, period, ifnull(agency_id, 0))")
    # The scorecard reads every indicator's values for a handful of periods at once.
    db.execute("CREATE INDEX indicator_value_period ON indicator_value(period, indicator_id)")

    def period_fits(new: str) -> str:
        return (f"(SELECT CASE frequency WHEN 'monthly' THEN {new}.period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'"
                f" AND substr({new}.period, 6) BETWEEN '01' AND '12'"
                f" WHEN 'quarterly' THEN {new}.period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'"
                f" ELSE {new}.period = substr({new}.period, 1, 5)"
                f" || printf('%02d', (CAST(substr({new}.period, 1, 4) AS INTEGER) + 1) % 100) END"
                f" FROM indicator WHERE id = {new}.indicator_id)")

    db.execute(
        f"""
        CREATE TRIGGER indicator_value_period_fits BEFORE INSERT ON indicator_value
        WHEN NOT {period_fits("NEW")}
        BEGIN SELECT RAISE(ABORT, 'a value''s period must be of its indicator''s frequency'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER indicator_value_fixed BEFORE UPDATE OF indicator_id, period, agency_id ON indicator_value
        WHEN NEW.indicator_id IS NOT OLD.indicator_id OR NEW.period IS NOT OLD.period
          OR NEW.agency_id IS NOT OLD.agency_id
        BEGIN SELECT RAISE(ABORT, 'a value keeps its indicator, period and agency: revise its value instead'); END
        """
    )
    db.execute(
        """
        CREATE TABLE indicator_value_revision (
            id INTEGER PRIMARY KEY,
            value_id INTEGER NOT NULL REFERENCES indicator_value(id),
            old_value REAL,
            new_value REAL,
            revised_at TEXT NOT NULL,
            revised_by TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL CHECK (trim(reason) <> '')
        ) STRICT
        """
    )
    db.execute("CREATE INDEX indicator_value_revision_value ON indicator_value_revision(value_id)")
    db.execute(
        """
        CREATE TRIGGER indicator_value_revision_no_update BEFORE UPDATE ON indicator_value_revision
        BEGIN SELECT RAISE(ABORT, 'a revision is a record of what changed: add another'); END
        """
    )
    db.execute(
        f"""
        CREATE TABLE indicator_comparator (
            id INTEGER PRIMARY KEY,
            indicator_id INTEGER NOT NULL REFERENCES indicator(id),
            period TEXT NOT NULL CHECK {PERIOD_KEY_CHECK},
            england REAL,
            region REAL,
            statistical_neighbours REAL,
            row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1),
            UNIQUE (indicator_id, period)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX indicator_comparator_period ON indicator_comparator(period)")
    db.execute(
        f"""
        CREATE TABLE indicator_commentary (
            id INTEGER PRIMARY KEY,
            indicator_id INTEGER NOT NULL REFERENCES indicator(id),
            period TEXT NOT NULL CHECK {PERIOD_KEY_CHECK},
            text TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            written_at TEXT NOT NULL,
            row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1),
            UNIQUE (indicator_id, period)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX indicator_commentary_period ON indicator_commentary(period)")
    for table in ("indicator_theme", "indicator", "indicator_value", "indicator_value_revision"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are kept, not deleted: retire or revise instead'); END
            """
        )
    # The national framework's five themes (domain/performance.py NATIONAL_THEMES), written out here
    # so this migration stays as it shipped whatever later versions call them.
    themes = ("Outcomes for children and families", "Child protection activity, including early help",
              "Quality and timeliness of decision making", "Quality of child protection plans", "Workforce")
    for position, name in enumerate(themes, start=1):
        db.execute("INSERT INTO indicator_theme (name, position) VALUES (?, ?)", [name, position])



@migrations(name="0011_challenges")
def m0011_challenges(db: Database) -> None:
    """The challenge log (ToR 6.3): questions the subcommittee puts to agencies, and their answers.

    A challenge's subject is a kind (indicator, audit, inspection, other), the id of the record
    it is about when there is one, and a readable label stored with it: no foreign key to the
    performance or audit tables, so the log stands on its own. Its reference (CH-2026-007) and
    creation time never change. A response is kept with the subcommittee's review of it; one
    recorded in error is marked removed. Nothing here is deleted: a challenge is closed or
    withdrawn (with the reason). Both tables carry ``row_version`` from the start."""

    def iso_date(column: str, *, required: bool = False) -> str:
        if required:
            return f"{column} TEXT NOT NULL CHECK ({column} = date({column}))"
        return f"{column} TEXT CHECK ({column} IS NULL OR {column} = date({column}))"

    version = "row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)"
    db.execute(
        f"""
        CREATE TABLE challenge (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE CHECK (reference GLOB 'CH-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9]*'),
            question TEXT NOT NULL CHECK (trim(question) <> ''),
            subject_kind TEXT NOT NULL DEFAULT 'other'
                CHECK (subject_kind IN ('indicator', 'audit', 'inspection', 'other')),
            subject_id INTEGER CHECK (subject_id IS NULL OR subject_kind <> 'other'),
            subject_text TEXT NOT NULL CHECK (trim(subject_text) <> ''),
            meeting_id INTEGER REFERENCES meeting(id),
            item_id INTEGER REFERENCES agenda_item(id),
            {iso_date("raised_on", required=True)},
            agency_id INTEGER NOT NULL REFERENCES agency(id),
            to_member_id INTEGER REFERENCES member(id),
            to_name TEXT NOT NULL DEFAULT '',
            to_email TEXT NOT NULL DEFAULT '',
            {iso_date("due_date", required=True)},
            {iso_date("closed_on")},
            closed_note TEXT NOT NULL DEFAULT '',
            {iso_date("withdrawn_on")},
            withdrawn_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            CHECK (due_date >= raised_on),
            CHECK (item_id IS NULL OR meeting_id IS NOT NULL),
            CHECK (to_member_id IS NULL OR trim(to_name) = ''),
            CHECK (closed_on IS NULL OR withdrawn_on IS NULL),
            CHECK ((withdrawn_on IS NULL) = (trim(withdrawn_reason) = ''))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX challenge_agency ON challenge(agency_id)")
    db.execute("CREATE INDEX challenge_meeting ON challenge(meeting_id)")
    db.execute(
        f"""
        CREATE TABLE challenge_response (
            id INTEGER PRIMARY KEY,
            challenge_id INTEGER NOT NULL REFERENCES challenge(id),
            {iso_date("received_on", required=True)},
            response TEXT NOT NULL CHECK (trim(response) <> ''),
            verdict TEXT CHECK (verdict IS NULL OR verdict IN ('accepted', 'not accepted', 'further information')),
            verdict_reason TEXT NOT NULL DEFAULT '',
            {iso_date("reviewed_on")},
            reviewed_at_meeting_id INTEGER REFERENCES meeting(id),
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            created_at TEXT NOT NULL,
            {version},
            CHECK ((verdict IS NULL) = (reviewed_on IS NULL)),
            CHECK (verdict IS NULL OR verdict = 'accepted' OR trim(verdict_reason) <> ''),
            CHECK (reviewed_at_meeting_id IS NULL OR verdict IS NOT NULL),
            CHECK (reviewed_on IS NULL OR reviewed_on >= received_on)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX challenge_response_challenge ON challenge_response(challenge_id)")
    db.execute(
        """
        CREATE TRIGGER challenge_reference_fixed BEFORE UPDATE OF reference, created_at ON challenge
        WHEN NEW.reference IS NOT OLD.reference OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'a challenge keeps its reference'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER challenge_response_fixed BEFORE UPDATE OF challenge_id, created_at ON challenge_response
        WHEN NEW.challenge_id IS NOT OLD.challenge_id OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'a response stays with its challenge'); END
        """
    )
    for table in ("challenge", "challenge_response"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are kept, not deleted'); END
            """
        )


@migrations(name="0012_audits_inspections")
def m0012_audits_inspections(db: Database) -> None:
    """Multi-agency audits (ToR 8) and single-agency inspections (ToR 6.6).

    Audits: the partnership's grading scale (``audit_grade``, seeded with outstanding / good /
    requires improvement / inadequate; a grade is renamed or taken off the scale, never deleted),
    the audits, the agencies taking part, the cases audited by reference only (one row per case
    and agency, graded on the scale) and the link from an action of the action log to the audit
    it came from (``audit_action``: the action keeps its meeting and number like any other).
    Inspections: the inspection, its action plan and the subcommittee's reviews of it.

    Every editable table carries ``row_version`` from the start (see 0007). Nothing is deleted:
    an audit is cancelled, a case or an inspection withdrawn, with a date and a reason; an agency
    taken out of an audit is marked removed; a review is a record of a meeting, never changed (one
    recorded in error is marked removed, which its undo does).
    """

    def iso_date(column: str, *, required: bool = False) -> str:
        # date(x) = x only for a valid YYYY-MM-DD text.
        check = f"{column} = date({column})"
        return (f"{column} TEXT NOT NULL CHECK ({check})" if required
                else f"{column} TEXT CHECK ({column} IS NULL OR {check})")

    version = "row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)"
    db.execute(
        f"""
        CREATE TABLE audit_grade (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL CHECK (trim(label) <> '' AND length(label) <= 40),
            position INTEGER NOT NULL,
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            {version}
        ) STRICT
        """
    )
    # Two grades on the scale never share a name (a removed one may, until it is put back).
    db.execute("CREATE UNIQUE INDEX audit_grade_label ON audit_grade (label COLLATE NOCASE) WHERE removed = 0")
    for position, label in enumerate(("Outstanding", "Good", "Requires improvement", "Inadequate"), start=1):
        db.execute("INSERT INTO audit_grade (label, position) VALUES (?, ?)", [label, position])
    db.execute(
        f"""
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            kind TEXT NOT NULL DEFAULT 'practice' CHECK (kind IN ('practice', 'organisational', 'other')),
            theme TEXT NOT NULL DEFAULT '',
            lead_member_id INTEGER REFERENCES member(id),
            lead_agency_id INTEGER REFERENCES agency(id),
            {iso_date("planned")},
            {iso_date("started")},
            {iso_date("completed")},
            findings TEXT NOT NULL DEFAULT '',
            learning TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            reported_meeting_id INTEGER REFERENCES meeting(id),
            {iso_date("reported_on")},
            {iso_date("cancelled_on")},
            cancel_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            CHECK (lead_member_id IS NULL OR lead_agency_id IS NULL),
            CHECK (completed IS NULL OR (started IS NOT NULL AND completed >= started)),
            CHECK (reported_on IS NULL OR reported_meeting_id IS NOT NULL),
            CHECK ((cancelled_on IS NULL) = (trim(cancel_reason) = ''))
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE audit_agency (
            id INTEGER PRIMARY KEY,
            audit_id INTEGER NOT NULL REFERENCES audit(id),
            agency_id INTEGER NOT NULL REFERENCES agency(id),
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            UNIQUE (audit_id, agency_id)
        ) STRICT
        """
    )
    db.execute(
        f"""
        CREATE TABLE audit_case (
            id INTEGER PRIMARY KEY,
            audit_id INTEGER NOT NULL REFERENCES audit(id),
            reference TEXT NOT NULL CHECK (trim(reference) <> '' AND length(reference) <= 40
                                           AND reference NOT GLOB '*@*'),
            agency_id INTEGER REFERENCES agency(id),
            grade_id INTEGER REFERENCES audit_grade(id),
            notes TEXT NOT NULL DEFAULT '',
            {iso_date("withdrawn_on")},
            withdrawn_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            CHECK ((withdrawn_on IS NULL) = (trim(withdrawn_reason) = ''))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX audit_case_audit ON audit_case(audit_id)")
    # One row per case and agency in an audit (a withdrawn row does not count: the case can be added again).
    db.execute(
        "CREATE UNIQUE INDEX audit_case_once ON audit_case (audit_id, reference COLLATE NOCASE, ifnull(agency_id, 0))"
        " WHERE withdrawn_on IS NULL"
    )
    db.execute(
        """
        CREATE TABLE audit_action (
            id INTEGER PRIMARY KEY,
            audit_id INTEGER NOT NULL REFERENCES audit(id),
            action_id INTEGER NOT NULL UNIQUE REFERENCES action(id)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX audit_action_audit ON audit_action(audit_id)")
    db.execute(
        f"""
        CREATE TABLE inspection (
            id INTEGER PRIMARY KEY,
            agency_id INTEGER NOT NULL REFERENCES agency(id),
            inspectorate TEXT NOT NULL CHECK (inspectorate IN
                ('Ofsted', 'CQC', 'HMICFRS', 'HMI Probation', 'joint targeted area inspection', 'other')),
            inspectorate_name TEXT NOT NULL DEFAULT '',
            inspection_type TEXT NOT NULL DEFAULT '',
            {iso_date("inspected_from")},
            {iso_date("inspected_to")},
            {iso_date("published")},
            judgement TEXT NOT NULL DEFAULT '',
            key_findings TEXT NOT NULL DEFAULT '',
            lessons TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            follow_up TEXT NOT NULL DEFAULT 'to review' CHECK (follow_up IN ('to review', 'monitoring', 'closed')),
            {iso_date("next_review")},
            {iso_date("withdrawn_on")},
            withdrawn_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            CHECK (inspectorate <> 'other' OR trim(inspectorate_name) <> ''),
            CHECK (inspected_to IS NULL OR inspected_from IS NULL OR inspected_to >= inspected_from),
            CHECK ((withdrawn_on IS NULL) = (trim(withdrawn_reason) = ''))
        ) STRICT
        """
    )
    db.execute("CREATE INDEX inspection_agency ON inspection(agency_id)")
    db.execute(
        f"""
        CREATE TABLE inspection_plan_item (
            id INTEGER PRIMARY KEY,
            inspection_id INTEGER NOT NULL REFERENCES inspection(id),
            action TEXT NOT NULL CHECK (trim(action) <> ''),
            owner TEXT NOT NULL DEFAULT '',
            {iso_date("due")},
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in progress', 'done', 'dropped')),
            {iso_date("closed_on")},
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            CHECK ((status IN ('done', 'dropped')) = (closed_on IS NOT NULL)),
            CHECK (status <> 'dropped' OR trim(notes) <> '')
        ) STRICT
        """
    )
    db.execute("CREATE INDEX inspection_plan_item_inspection ON inspection_plan_item(inspection_id)")
    db.execute(
        f"""
        CREATE TABLE inspection_review (
            id INTEGER PRIMARY KEY,
            inspection_id INTEGER NOT NULL REFERENCES inspection(id),
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            {iso_date("reviewed_on", required=True)},
            note TEXT NOT NULL DEFAULT '',
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            created_at TEXT NOT NULL
        ) STRICT
        """
    )
    db.execute("CREATE INDEX inspection_review_inspection ON inspection_review(inspection_id)")
    # What a record belongs to never changes.
    for table, columns in (
        ("audit_agency", "audit_id, agency_id"),
        ("audit_case", "audit_id"),
        ("audit_action", "audit_id, action_id"),
        ("inspection_plan_item", "inspection_id"),
    ):
        db.execute(
            f"""
            CREATE TRIGGER {table}_fixed BEFORE UPDATE OF {columns} ON {table}
            BEGIN SELECT RAISE(ABORT, '{table}: {columns} cannot be changed'); END
            """
        )
    db.execute(
        """
        CREATE TRIGGER inspection_review_no_update BEFORE UPDATE ON inspection_review
        WHEN NEW.id IS NOT OLD.id OR NEW.inspection_id IS NOT OLD.inspection_id OR NEW.meeting_id IS NOT OLD.meeting_id
          OR NEW.reviewed_on IS NOT OLD.reviewed_on OR NEW.note IS NOT OLD.note OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'a review is a record of a meeting: add another'); END
        """
    )
    for table in ("audit_grade", "audit", "audit_agency", "audit_case", "audit_action", "inspection",
                  "inspection_plan_item", "inspection_review"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are cancelled, withdrawn or removed, not deleted'); END
            """
        )


@migrations(name="0013_partnership")
def m0013_partnership(db: Database) -> None:
    """The partnership around the subcommittee (ToR 1, 7.1, 8, 9, 10).

    ``partnership_body``: the Executive and the other subcommittees (name, chair, chair's email;
    at most one current Executive and one current Training, Workforce & Development, by partial
    unique indexes). ``work_transfer``: work moved between subcommittees, from us or to us, with
    the receiving chair's answer (its letter or email a stored document), escalation to the
    Executive and its decision; its state is derived from its dates, whose order the CHECKs hold.
    ``escalation``: concerns escalated for strategic oversight and disputes, with the chair's
    mediation, the Executive and the decision. References (WT-2026-001, ES-2026-001) and creation
    times never change; nothing is deleted (ended, withdrawn with a reason). Every table carries
    ``row_version`` from the start."""

    def iso_date(column: str, *, required: bool = False) -> str:
        if required:
            return f"{column} TEXT NOT NULL CHECK ({column} = date({column}))"
        return f"{column} TEXT CHECK ({column} IS NULL OR {column} = date({column}))"

    version = "row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)"
    db.execute(
        f"""
        CREATE TABLE partnership_body (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (trim(name) <> ''),
            short_name TEXT NOT NULL DEFAULT '',
            chair_name TEXT NOT NULL DEFAULT '',
            chair_email TEXT NOT NULL DEFAULT '',
            training_workforce INTEGER NOT NULL DEFAULT 0 CHECK (training_workforce IN (0, 1)),
            executive INTEGER NOT NULL DEFAULT 0 CHECK (executive IN (0, 1)),
            notes TEXT NOT NULL DEFAULT '',
            {iso_date("ended_on")},
            created_at TEXT NOT NULL,
            {version},
            CHECK (NOT (training_workforce = 1 AND executive = 1))
        ) STRICT
        """
    )
    db.execute("CREATE UNIQUE INDEX partnership_body_one_executive ON partnership_body(executive)"
               " WHERE executive = 1 AND ended_on IS NULL")
    db.execute("CREATE UNIQUE INDEX partnership_body_one_twd ON partnership_body(training_workforce)"
               " WHERE training_workforce = 1 AND ended_on IS NULL")
    db.execute(
        f"""
        CREATE TABLE work_transfer (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE CHECK (reference GLOB 'WT-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9]*'),
            direction TEXT NOT NULL CHECK (direction IN ('from us', 'to us')),
            body_id INTEGER NOT NULL REFERENCES partnership_body(id),
            work TEXT NOT NULL CHECK (trim(work) <> ''),
            reason TEXT NOT NULL CHECK (trim(reason) <> ''),
            outcomes TEXT NOT NULL CHECK (trim(outcomes) <> ''),
            priorities TEXT NOT NULL DEFAULT '[]'
                CHECK (json_valid(priorities) AND json_type(priorities) = 'array'),
            projected_costs TEXT NOT NULL DEFAULT '',
            {iso_date("written_on", required=True)},
            {iso_date("sent_on")},
            {iso_date("answer_due")},
            answer TEXT CHECK (answer IS NULL OR answer IN ('accepted', 'declined')),
            answer_reason TEXT NOT NULL DEFAULT '',
            {iso_date("answered_on")},
            answer_document_id INTEGER REFERENCES document(id),
            {iso_date("escalated_on")},
            escalation_note TEXT NOT NULL DEFAULT '',
            decision TEXT NOT NULL DEFAULT '',
            {iso_date("decided_on")},
            {iso_date("withdrawn_on")},
            withdrawn_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            CHECK ((sent_on IS NULL) = (answer_due IS NULL)),
            CHECK (sent_on IS NULL OR (sent_on >= written_on AND answer_due >= sent_on)),
            CHECK ((answer IS NULL) = (answered_on IS NULL)),
            CHECK (answered_on IS NULL OR (sent_on IS NOT NULL AND answered_on >= sent_on)),
            CHECK (answer IS NOT 'declined' OR trim(answer_reason) <> ''),
            CHECK (answer_document_id IS NULL OR answer IS NOT NULL),
            CHECK (escalated_on IS NULL OR (answer IS 'declined' AND escalated_on >= answered_on)),
            CHECK ((decided_on IS NULL) = (trim(decision) = '')),
            CHECK (decided_on IS NULL OR (escalated_on IS NOT NULL AND decided_on >= escalated_on)),
            CHECK ((withdrawn_on IS NULL) = (trim(withdrawn_reason) = '')),
            CHECK (withdrawn_on IS NULL OR answer IS NULL)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX work_transfer_body ON work_transfer(body_id)")
    db.execute("CREATE INDEX work_transfer_answer_due ON work_transfer(answer_due)")
    db.execute(
        f"""
        CREATE TABLE escalation (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE CHECK (reference GLOB 'ES-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9]*'),
            kind TEXT NOT NULL CHECK (kind IN ('trend', 'block', 'theme', 'dispute')),
            summary TEXT NOT NULL CHECK (trim(summary) <> ''),
            {iso_date("raised_on", required=True)},
            raised_by_member_id INTEGER REFERENCES member(id),
            raised_by_agency_id INTEGER REFERENCES agency(id),
            meeting_id INTEGER REFERENCES meeting(id),
            item_id INTEGER REFERENCES agenda_item(id),
            {iso_date("mediation_on")},
            mediation_notes TEXT NOT NULL DEFAULT '',
            mediation_outcome TEXT NOT NULL DEFAULT '',
            {iso_date("executive_on")},
            executive_note TEXT NOT NULL DEFAULT '',
            decision TEXT NOT NULL DEFAULT '',
            {iso_date("decided_on")},
            decided_by TEXT CHECK (decided_by IS NULL OR decided_by IN ('chair', 'executive')),
            {iso_date("withdrawn_on")},
            withdrawn_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            CHECK (raised_by_member_id IS NOT NULL OR raised_by_agency_id IS NOT NULL),
            CHECK (item_id IS NULL OR meeting_id IS NOT NULL),
            CHECK (mediation_on IS NULL OR (kind = 'dispute' AND mediation_on >= raised_on)),
            CHECK ((mediation_on IS NULL) = (trim(mediation_notes) = '')),
            CHECK (mediation_on IS NOT NULL OR trim(mediation_outcome) = ''),
            CHECK (executive_on IS NULL OR executive_on >= raised_on),
            CHECK ((decided_on IS NULL) = (trim(decision) = '')),
            CHECK ((decided_on IS NULL) = (decided_by IS NULL)),
            CHECK (decided_by IS NOT 'executive' OR executive_on IS NOT NULL),
            CHECK (decided_by IS NOT 'chair' OR executive_on IS NULL),
            CHECK (decided_on IS NULL OR decided_on >= raised_on),
            CHECK ((withdrawn_on IS NULL) = (trim(withdrawn_reason) = '')),
            CHECK (withdrawn_on IS NULL OR decided_on IS NULL)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX escalation_meeting ON escalation(meeting_id)")
    for table, what in (("work_transfer", "a work transfer"), ("escalation", "an escalation")):
        db.execute(
            f"""
            CREATE TRIGGER {table}_reference_fixed BEFORE UPDATE OF reference, created_at ON {table}
            WHEN NEW.reference IS NOT OLD.reference OR NEW.created_at IS NOT OLD.created_at
            BEGIN SELECT RAISE(ABORT, '{what} keeps its reference'); END
            """
        )
    for table in ("partnership_body", "work_transfer", "escalation"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are kept, not deleted'); END
            """
        )
@migrations(name="0014_governance_records")
def m0014_governance_records(db: Database) -> None:
    """Governance records the Terms of Reference ask for, so that nothing lives only in minutes prose.

    * ``case_review`` (ToR 7.7), by case reference only, with the agencies involved (a JSON array of
      agency ids), its dates and learning; ``case_review_dissemination``: how its learning was shared
      (briefings, learning events: date, audience, how many reached); ``case_review_action``: the link
      from an action of the action log to the review it came from (the action is numbered from its
      meeting like any other).
    * ``training_course`` (ToR 7.5, 7.6): the multi-agency training programme, with attendance by
      agency (a JSON object of agency id -> number), evaluation, gaps fed to the workforce strategy.
    * ``governance_document`` (ToR 7.1, 12): procedures, guidance, protocols and the Terms of Reference's
      own versions, each new version superseding the one before; ``office_review`` (ToR 2): reviews
      of the chair and co-chair, each moving that office's review date on (``due_before`` keeps the
      date it replaced, put back if the review is removed as recorded in error).
    * ``attendance_letter`` (ToR 5): each letter to a member below the attendance standard and its
      outcome.

    Every editable table carries ``row_version`` (see 0007). Nothing is deleted: a review, document or
    letter is withdrawn (a course cancelled) with a date and a reason; a dissemination or a chairing
    review recorded in error is marked removed. The subcommittee's current Terms of Reference version,
    when it has one, becomes the first Terms of Reference document.
    """

    def iso_date(column: str, *, required: bool = False) -> str:
        check = f"{column} = date({column})"
        return (f"{column} TEXT NOT NULL CHECK ({check})" if required
                else f"{column} TEXT CHECK ({column} IS NULL OR {check})")

    version = "row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1)"
    withdrawn = (f"{iso_date('withdrawn_on')},\n            withdrawn_reason TEXT NOT NULL DEFAULT '',\n"
                 "            CHECK ((withdrawn_on IS NULL) = (trim(withdrawn_reason) = ''))")
    db.execute(
        f"""
        CREATE TABLE case_review (
            id INTEGER PRIMARY KEY,
            reference TEXT NOT NULL CHECK (trim(reference) <> '' AND length(reference) <= 40
                                           AND reference NOT GLOB '*@*'),
            kind TEXT NOT NULL CHECK (kind IN ('rapid review', 'lcspr', 'national referral', 'other')),
            kind_other TEXT NOT NULL DEFAULT '',
            agency_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(agency_ids) AND json_type(agency_ids) = 'array'),
            concerns TEXT NOT NULL DEFAULT '',
            learning TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            {iso_date("referred_on", required=True)},
            {iso_date("rapid_review_on")},
            {iso_date("published_on")},
            meeting_id INTEGER REFERENCES meeting(id),
            {iso_date("closed_on")},
            closed_note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            {withdrawn},
            CHECK (kind <> 'other' OR trim(kind_other) <> ''),
            CHECK (rapid_review_on IS NULL OR rapid_review_on >= referred_on),
            CHECK (published_on IS NULL OR published_on >= referred_on),
            CHECK (closed_on IS NULL OR withdrawn_on IS NULL)
        ) STRICT
        """
    )
    # A case is reviewed once at a time (a withdrawn record frees its reference).
    db.execute("CREATE UNIQUE INDEX case_review_reference ON case_review (reference COLLATE NOCASE)"
               " WHERE withdrawn_on IS NULL")
    db.execute(
        f"""
        CREATE TABLE case_review_dissemination (
            id INTEGER PRIMARY KEY,
            case_review_id INTEGER NOT NULL REFERENCES case_review(id),
            kind TEXT NOT NULL CHECK (kind IN ('briefing', 'learning event', 'other')),
            {iso_date("held_on", required=True)},
            audience TEXT NOT NULL CHECK (trim(audience) <> ''),
            reached INTEGER CHECK (reached IS NULL OR reached >= 0),
            notes TEXT NOT NULL DEFAULT '',
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            created_at TEXT NOT NULL,
            {version}
        ) STRICT
        """
    )
    db.execute("CREATE INDEX case_review_dissemination_review ON case_review_dissemination(case_review_id)")
    db.execute(
        """
        CREATE TABLE case_review_action (
            id INTEGER PRIMARY KEY,
            case_review_id INTEGER NOT NULL REFERENCES case_review(id),
            action_id INTEGER NOT NULL UNIQUE REFERENCES action(id)
        ) STRICT
        """
    )
    db.execute("CREATE INDEX case_review_action_review ON case_review_action(case_review_id)")
    db.execute(
        f"""
        CREATE TABLE training_course (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            provider TEXT NOT NULL DEFAULT '',
            {iso_date("starts_on", required=True)},
            {iso_date("ends_on")},
            places INTEGER CHECK (places IS NULL OR places >= 0),
            attendance TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(attendance) AND json_type(attendance) = 'object'),
            evaluation TEXT NOT NULL DEFAULT '',
            gaps TEXT NOT NULL DEFAULT '',
            {iso_date("fed_to_strategy_on")},
            meeting_id INTEGER REFERENCES meeting(id),
            notes TEXT NOT NULL DEFAULT '',
            {iso_date("cancelled_on")},
            cancel_reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            CHECK (ends_on IS NULL OR ends_on >= starts_on),
            CHECK ((cancelled_on IS NULL) = (trim(cancel_reason) = ''))
        ) STRICT
        """
    )
    db.execute(
        f"""
        CREATE TABLE governance_document (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            kind TEXT NOT NULL CHECK (kind IN ('procedure', 'guidance', 'protocol', 'policy', 'strategy', 'report',
                                               'terms of reference', 'other')),
            version TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            owner_agency_id INTEGER REFERENCES agency(id),
            meeting_id INTEGER REFERENCES meeting(id),
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ('endorsed', 'endorsed with amendments', 'not endorsed',
                                                               'noted', 'deferred')),
            outcome_note TEXT NOT NULL DEFAULT '',
            {iso_date("sent_to_executive_on")},
            {iso_date("signed_off_on")},
            {iso_date("review_due")},
            supersedes_id INTEGER REFERENCES governance_document(id),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            {withdrawn},
            CHECK (outcome IS NULL OR meeting_id IS NOT NULL),
            CHECK (signed_off_on IS NULL OR sent_to_executive_on IS NULL OR signed_off_on >= sent_to_executive_on),
            CHECK (review_due IS NULL OR signed_off_on IS NULL OR review_due > signed_off_on),
            CHECK (kind <> 'terms of reference' OR trim(version) <> ''),
            CHECK (supersedes_id IS NULL OR supersedes_id <> id)
        ) STRICT
        """
    )
    # A version is superseded by one later version at most (a withdrawn one frees it again).
    db.execute("CREATE UNIQUE INDEX governance_document_supersedes ON governance_document (supersedes_id)"
               " WHERE supersedes_id IS NOT NULL AND withdrawn_on IS NULL")
    db.execute(
        f"""
        CREATE TABLE office_review (
            id INTEGER PRIMARY KEY,
            office TEXT NOT NULL CHECK (office IN ('chair', 'co-chair')),
            member_id INTEGER REFERENCES member(id),
            {iso_date("reviewed_on", required=True)},
            meeting_id INTEGER REFERENCES meeting(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('continues', 'to be replaced', 'replaced', 'other')),
            note TEXT NOT NULL DEFAULT '',
            {iso_date("next_review_due", required=True)},
            {iso_date("due_before")},
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            created_at TEXT NOT NULL,
            {version},
            CHECK (next_review_due > reviewed_on)
        ) STRICT
        """
    )
    db.execute(
        f"""
        CREATE TABLE attendance_letter (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES member(id),
            {iso_date("sent_on", required=True)},
            {iso_date("reply_due", required=True)},
            {iso_date("period_start")},
            {iso_date("period_end")},
            rate REAL CHECK (rate IS NULL OR rate BETWEEN 0 AND 100),
            standard INTEGER CHECK (standard IS NULL OR standard BETWEEN 0 AND 100),
            outcome TEXT CHECK (outcome IS NULL OR outcome IN ('improved', 'permanent substitute named',
                                                               'member replaced', 'no reply')),
            {iso_date("outcome_on")},
            substitute_name TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT 'by hand' CHECK (source IN ('written', 'by hand')),
            file_name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            {version},
            {withdrawn},
            CHECK (reply_due >= sent_on),
            CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
            CHECK (outcome IS NOT 'permanent substitute named' OR trim(substitute_name) <> '')
        ) STRICT
        """
    )
    db.execute("CREATE INDEX attendance_letter_member ON attendance_letter(member_id)")
    for table, columns in (("case_review_dissemination", "case_review_id"),
                           ("case_review_action", "case_review_id, action_id")):
        db.execute(
            f"""
            CREATE TRIGGER {table}_fixed BEFORE UPDATE OF {columns} ON {table}
            BEGIN SELECT RAISE(ABORT, '{table}: {columns} cannot be changed'); END
            """
        )
    for table in ("case_review", "case_review_dissemination", "case_review_action", "training_course",
                  "governance_document", "office_review", "attendance_letter"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are withdrawn, cancelled or removed, not deleted'); END
            """
        )
    # The Terms of Reference as the settings knew them become their first version as a document.
    db.execute(
        """
        INSERT INTO governance_document (title, kind, version, signed_off_on, review_due, notes, created_at)
        SELECT 'Terms of Reference', 'terms of reference', trim(tor_version), tor_signed_off,
               CASE WHEN tor_signed_off IS NOT NULL AND tor_review_due > tor_signed_off THEN tor_review_due END,
               'Recorded from the subcommittee''s settings when the database was updated.',
               strftime('%Y-%m-%dT%H:%M:%S', 'now')
        FROM subcommittee WHERE trim(tor_version) <> '' ORDER BY id LIMIT 1
        """
    )


@migrations(name="0015_ratification")
def m0015_ratification(db: Database) -> None:
    """Decisions as records of their own, and their ratification at a later quorate meeting (ToR 3).

    * ``decision``: every decision of every meeting's minutes in force (the latest revision), one row
      each, kept in step by ``store.minutes`` whenever minutes are saved, signed or corrected, so the
      decisions register reads one table instead of every meeting's minutes. The minutes stay the
      record: this is their index. A decision taken out of the minutes is marked ``removed`` (its id,
      which a ratification may name, stays). Its number and title are the item's as the minutes
      print them; ``taken_while_inquorate`` as the minutes mark it. Backfilled from the minutes held.
    * ``decision_ratification``: a decision taken while the meeting was not quorate, ratified at a
      later quorate meeting (``meeting_id``) and printed in that meeting's minutes; the decision's
      text as it was ratified is kept with it. One in force per decision; one recorded in error is
      withdrawn with the date and reason, never deleted.

    Both follow the minutes' locks: nothing changes for a meeting whose latest revision is signed
    (a decision's own meeting; a ratification's later meeting), until a correction opens it.
    """
    db.execute(
        """
        CREATE TABLE decision (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            item_id INTEGER REFERENCES agenda_item(id),
            item_number TEXT NOT NULL DEFAULT '',
            item_title TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL CHECK (position >= 0),
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            taken_while_inquorate INTEGER NOT NULL DEFAULT 0 CHECK (taken_while_inquorate IN (0, 1)),
            removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
            created_at TEXT NOT NULL
        ) STRICT
        """
    )
    db.execute("CREATE INDEX decision_meeting ON decision(meeting_id, removed)")
    # Before the locks below: the decisions of the minutes held: each meeting's latest revision, as saved (a draft's content is
    # saved assembled, with its numbers, titles and inquorate marks).
    db.execute(
        """
        INSERT INTO decision (meeting_id, item_id, item_number, item_title, position, text, taken_while_inquorate,
                              created_at)
        SELECT r.meeting_id, json_extract(i.value, '$.item_id'), coalesce(json_extract(i.value, '$.number'), ''),
               coalesce(json_extract(i.value, '$.title'), ''), CAST(d.key AS INTEGER),
               trim(json_extract(d.value, '$.text')),
               CASE WHEN json_extract(d.value, '$.taken_while_inquorate') THEN 1 ELSE 0 END,
               strftime('%Y-%m-%dT%H:%M:%S', 'now')
        FROM minutes_revision r, json_each(r.content, '$.items') i, json_each(i.value, '$.decisions') d
        WHERE r.revision = (SELECT max(revision) FROM minutes_revision WHERE meeting_id = r.meeting_id)
          AND trim(coalesce(json_extract(d.value, '$.text'), '')) <> ''
        ORDER BY r.meeting_id, CAST(i.key AS INTEGER), CAST(d.key AS INTEGER)
        """
    )
    db.execute(
        """
        CREATE TABLE decision_ratification (
            id INTEGER PRIMARY KEY,
            decision_id INTEGER NOT NULL REFERENCES decision(id),
            meeting_id INTEGER NOT NULL REFERENCES meeting(id),
            decision_text TEXT NOT NULL CHECK (trim(decision_text) <> ''),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1),
            withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on = date(withdrawn_on)),
            withdrawn_reason TEXT NOT NULL DEFAULT '',
            CHECK ((withdrawn_on IS NULL) = (trim(withdrawn_reason) = ''))
        ) STRICT
        """
    )
    # Ratified once: a withdrawn ratification frees the decision again.
    db.execute("CREATE UNIQUE INDEX decision_ratified_once ON decision_ratification(decision_id)"
               " WHERE withdrawn_on IS NULL")
    db.execute("CREATE INDEX decision_ratification_meeting ON decision_ratification(meeting_id)")

    def signed(meeting: str) -> str:  # as 0006's lock: the latest revision is signed
        return (f"EXISTS (SELECT 1 FROM minutes_revision r WHERE r.meeting_id = {meeting} AND r.status = 'signed'"
                f" AND r.revision = (SELECT max(revision) FROM minutes_revision WHERE meeting_id = {meeting}))")

    locks = {
        "decision_signed_locked_insert": f"BEFORE INSERT ON decision WHEN {signed('NEW.meeting_id')}",
        "decision_signed_locked_update": f"BEFORE UPDATE ON decision WHEN {signed('OLD.meeting_id')}",
        "decision_ratification_locked_insert": f"BEFORE INSERT ON decision_ratification WHEN {signed('NEW.meeting_id')}",
        "decision_ratification_locked_update": (f"BEFORE UPDATE ON decision_ratification"
                                                f" WHEN {signed('OLD.meeting_id')}"),
    }
    for name, when in locks.items():
        db.execute(f"CREATE TRIGGER {name} {when}"
                   " BEGIN SELECT RAISE(ABORT, 'signed minutes are locked; make a correction'); END")
    db.execute(
        """
        CREATE TRIGGER decision_ratification_fixed BEFORE UPDATE OF decision_id, meeting_id, decision_text, created_at
        ON decision_ratification
        WHEN NEW.decision_id IS NOT OLD.decision_id OR NEW.meeting_id IS NOT OLD.meeting_id
          OR NEW.decision_text IS NOT OLD.decision_text OR NEW.created_at IS NOT OLD.created_at
        BEGIN SELECT RAISE(ABORT, 'a ratification keeps its decision and meeting: withdraw it and record another'); END
        """
    )
    for table in ("decision", "decision_ratification"):
        db.execute(
            f"""
            CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
            BEGIN SELECT RAISE(ABORT, '{table} records are removed or withdrawn, not deleted'); END
            """
        )


# What the search index reads, one view per source: each gives (source_id, kind, tbl, record_id, meeting_id,
# title, body) for the rows of one kind of record; ``source_id`` is the id the triggers below refresh by.
# Written out here (not imported) so that this migration stays as it shipped.
SEARCH_SOURCES_0016: dict[str, str] = {
    # The minutes: the latest revision of each meeting's minutes (draft or signed), one entry per item for its
    # discussion and one for its decisions. '**' (bold in the discussion) is dropped: the snippets mark matches.
    "minutes": """
        SELECT r.meeting_id AS source_id, k.kind AS kind,
               CASE WHEN json_extract(i.value, '$.item_id') IS NULL THEN 'meeting' ELSE 'agenda_item' END AS tbl,
               coalesce(json_extract(i.value, '$.item_id'), r.meeting_id) AS record_id, r.meeting_id AS meeting_id,
               trim(coalesce(json_extract(i.value, '$.number'), '') || ' ' || coalesce(json_extract(i.value, '$.title'), ''))
                   AS title,
               CASE k.kind WHEN 'minutes' THEN replace(coalesce(json_extract(i.value, '$.discussion'), ''), '**', '')
                   ELSE (SELECT group_concat(json_extract(d.value, '$.text'), char(10))
                         FROM json_each(i.value, '$.decisions') d) END AS body
        FROM minutes_revision r
        JOIN json_each(r.content, '$.items') i
        JOIN (SELECT 'minutes' AS kind UNION ALL SELECT 'decision') k
        WHERE r.revision = (SELECT max(revision) FROM minutes_revision m WHERE m.meeting_id = r.meeting_id)
          AND CASE k.kind WHEN 'minutes' THEN trim(coalesce(json_extract(i.value, '$.discussion'), '')) <> ''
              ELSE coalesce(json_array_length(i.value, '$.decisions'), 0) > 0 END
    """,
    "agenda_item": """
        SELECT id AS source_id, 'agenda_item' AS kind, 'agenda_item' AS tbl, id AS record_id, meeting_id, title,
               concat_ws(char(10), nullif(presenter_name, ''), nullif(priority, ''), nullif(notes, '')) AS body
        FROM agenda_item WHERE removed = 0
    """,
    "paper": """
        SELECT p.id AS source_id, 'paper' AS kind, 'paper' AS tbl, p.id AS record_id, i.meeting_id,
               p.title || CASE WHEN p.withdrawn THEN ' (withdrawn)' ELSE '' END AS title,
               concat_ws(char(10), nullif(p.author_name, ''), nullif(p.notes, ''), d.file_name, t.text) AS body
        FROM paper p JOIN agenda_item i ON i.id = p.item_id
        LEFT JOIN document d ON d.id = p.document_id
        LEFT JOIN document_text t ON t.document_id = p.document_id
        WHERE p.removed = 0
    """,
    "action": """
        SELECT a.id AS source_id, 'action' AS kind, 'action' AS tbl, a.id AS record_id, a.meeting_id,
               a.number || ' ' || substr(a.description, 1, 120) AS title,
               concat_ws(char(10), a.description, nullif(a.owner_name, ''), m.name, 'Status: ' || a.status,
                         nullif(a.status_note, ''),
                         (SELECT group_concat(u.note, char(10)) FROM action_update u
                          WHERE u.action_id = a.id AND u.note <> '')) AS body
        FROM action a LEFT JOIN member m ON m.id = a.owner_member_id
    """,
    "challenge": """
        SELECT c.id AS source_id, 'challenge' AS kind, 'challenge' AS tbl, c.id AS record_id, c.meeting_id,
               c.reference || ' ' || substr(c.question, 1, 120)
                   || CASE WHEN c.withdrawn_on IS NOT NULL THEN ' (withdrawn)' ELSE '' END AS title,
               concat_ws(char(10), c.question, c.subject_text, g.name, nullif(c.to_name, ''), nullif(c.closed_note, ''),
                         nullif(c.withdrawn_reason, ''),
                         (SELECT group_concat(concat_ws(char(10), r.response, nullif(r.verdict_reason, '')), char(10))
                          FROM challenge_response r WHERE r.challenge_id = c.id AND r.removed = 0)) AS body
        FROM challenge c LEFT JOIN agency g ON g.id = c.agency_id
    """,
    "indicator": """
        SELECT id AS source_id, 'indicator' AS kind, 'indicator' AS tbl, id AS record_id, NULL AS meeting_id,
               code || ' ' || title || CASE WHEN retired_on IS NOT NULL THEN ' (retired)' ELSE '' END AS title,
               concat_ws(char(10), nullif(definition, ''), nullif(source, ''), nullif(retired_reason, '')) AS body
        FROM indicator
    """,
    "commentary": """
        SELECT c.id AS source_id, 'commentary' AS kind, 'indicator_commentary' AS tbl, c.id AS record_id,
               NULL AS meeting_id, i.code || ' ' || i.title || ', ' || c.period AS title,
               concat_ws(char(10), c.text, nullif(c.author, '')) AS body
        FROM indicator_commentary c JOIN indicator i ON i.id = c.indicator_id
        WHERE trim(c.text) <> ''
    """,
    "audit": """
        SELECT a.id AS source_id, 'audit' AS kind, 'audit' AS tbl, a.id AS record_id, a.reported_meeting_id AS meeting_id,
               a.title || CASE WHEN a.cancelled_on IS NOT NULL THEN ' (cancelled)' ELSE '' END AS title,
               concat_ws(char(10), nullif(a.theme, ''), nullif(a.findings, ''), nullif(a.learning, ''),
                         nullif(a.notes, ''), nullif(a.cancel_reason, ''),
                         (SELECT group_concat(concat_ws(' ', k.reference, nullif(k.notes, '')), char(10))
                          FROM audit_case k WHERE k.audit_id = a.id AND k.withdrawn_on IS NULL)) AS body
        FROM audit a
    """,
    "inspection": """
        SELECT n.id AS source_id, 'inspection' AS kind, 'inspection' AS tbl, n.id AS record_id, NULL AS meeting_id,
               CASE WHEN n.inspectorate = 'other' THEN n.inspectorate_name ELSE n.inspectorate END
                   || ' inspection: ' || g.name
                   || CASE WHEN n.withdrawn_on IS NOT NULL THEN ' (withdrawn)' ELSE '' END AS title,
               concat_ws(char(10), nullif(n.inspection_type, ''), nullif(n.judgement, ''), nullif(n.key_findings, ''),
                         nullif(n.lessons, ''), nullif(n.notes, ''), nullif(n.withdrawn_reason, ''),
                         (SELECT group_concat(concat_ws(' ', p.action, nullif(p.owner, ''), nullif(p.notes, '')), char(10))
                          FROM inspection_plan_item p WHERE p.inspection_id = n.id),
                         (SELECT group_concat(v.note, char(10)) FROM inspection_review v
                          WHERE v.inspection_id = n.id AND v.removed = 0 AND v.note <> '')) AS body
        FROM inspection n JOIN agency g ON g.id = n.agency_id
    """,
    "transfer": """
        SELECT t.id AS source_id, 'transfer' AS kind, 'work_transfer' AS tbl, t.id AS record_id, NULL AS meeting_id,
               t.reference || ' ' || substr(t.work, 1, 120)
                   || CASE WHEN t.withdrawn_on IS NOT NULL THEN ' (withdrawn)' ELSE '' END AS title,
               concat_ws(char(10), t.work, b.name, t.reason, t.outcomes, nullif(t.projected_costs, ''),
                         nullif(t.answer_reason, ''), nullif(t.escalation_note, ''), nullif(t.decision, ''),
                         nullif(t.withdrawn_reason, '')) AS body
        FROM work_transfer t JOIN partnership_body b ON b.id = t.body_id
    """,
    "escalation": """
        SELECT id AS source_id, 'escalation' AS kind, 'escalation' AS tbl, id AS record_id, meeting_id,
               reference || ' ' || substr(summary, 1, 120)
                   || CASE WHEN withdrawn_on IS NOT NULL THEN ' (withdrawn)' ELSE '' END AS title,
               concat_ws(char(10), summary, nullif(mediation_notes, ''), nullif(mediation_outcome, ''),
                         nullif(executive_note, ''), nullif(decision, ''), nullif(withdrawn_reason, '')) AS body
        FROM escalation
    """,
    # Case reviews are by case reference only: the reference and what the review recorded, never a name.
    "case_review": """
        SELECT c.id AS source_id, 'case_review' AS kind, 'case_review' AS tbl, c.id AS record_id, c.meeting_id,
               c.reference || ' (' || CASE WHEN c.kind = 'other' THEN c.kind_other ELSE c.kind END || ')'
                   || CASE WHEN c.withdrawn_on IS NOT NULL THEN ' (withdrawn)' ELSE '' END AS title,
               concat_ws(char(10), nullif(c.concerns, ''), nullif(c.learning, ''), nullif(c.notes, ''),
                         nullif(c.closed_note, ''), nullif(c.withdrawn_reason, ''),
                         (SELECT group_concat(concat_ws(' ', d.kind, d.audience, nullif(d.notes, '')), char(10))
                          FROM case_review_dissemination d WHERE d.case_review_id = c.id AND d.removed = 0)) AS body
        FROM case_review c
    """,
    "training": """
        SELECT id AS source_id, 'training' AS kind, 'training_course' AS tbl, id AS record_id, meeting_id,
               title || CASE WHEN cancelled_on IS NOT NULL THEN ' (cancelled)' ELSE '' END AS title,
               concat_ws(char(10), nullif(provider, ''), nullif(evaluation, ''), nullif(gaps, ''), nullif(notes, ''),
                         nullif(cancel_reason, '')) AS body
        FROM training_course
    """,
    "document": """
        SELECT id AS source_id, 'document' AS kind, 'governance_document' AS tbl, id AS record_id, meeting_id,
               title || CASE WHEN version <> '' THEN ' v' || version ELSE '' END
                   || CASE WHEN withdrawn_on IS NOT NULL THEN ' (withdrawn)' ELSE '' END AS title,
               concat_ws(char(10), kind, nullif(owner, ''), outcome, nullif(outcome_note, ''), nullif(notes, ''),
                         nullif(withdrawn_reason, '')) AS body
        FROM governance_document
    """,
    "attendance_letter": """
        SELECT l.id AS source_id, 'attendance_letter' AS kind, 'attendance_letter' AS tbl, l.id AS record_id,
               NULL AS meeting_id,
               'Attendance letter to ' || CASE WHEN m.name <> '' THEN m.name ELSE m.role_title END
                   || CASE WHEN l.withdrawn_on IS NOT NULL THEN ' (withdrawn)' ELSE '' END AS title,
               concat_ws(char(10), m.role_title, l.outcome, nullif(l.substitute_name, ''), nullif(l.notes, ''),
                         nullif(l.withdrawn_reason, '')) AS body
        FROM attendance_letter l JOIN member m ON m.id = l.member_id
    """,
}

# Which rows to refresh when a row changes: (table, event, source, the source ids as SQL over NEW or OLD).
# "UPDATE OF" restricts a trigger to the columns a source reads from a table it joins.
SEARCH_TRIGGERS_0016: tuple[tuple[str, str, str, str], ...] = (
    # (table, event, source, ids)
    ("minutes_revision", "INSERT", "minutes", "SELECT NEW.meeting_id"),
    ("minutes_revision", "UPDATE", "minutes", "SELECT NEW.meeting_id"),
    ("agenda_item", "INSERT", "agenda_item", "SELECT NEW.id"),
    ("agenda_item", "UPDATE", "agenda_item", "SELECT NEW.id"),
    ("agenda_item", "UPDATE OF meeting_id", "paper", "SELECT id FROM paper WHERE item_id = NEW.id"),
    ("paper", "INSERT", "paper", "SELECT NEW.id"),
    ("paper", "UPDATE", "paper", "SELECT NEW.id"),
    ("document_text", "INSERT", "paper", "SELECT id FROM paper WHERE document_id = NEW.document_id"),
    ("document_text", "UPDATE", "paper", "SELECT id FROM paper WHERE document_id = NEW.document_id"),
    # (the other tables refuse deletes: see their *_no_delete triggers)
    ("document_text", "DELETE", "paper", "SELECT id FROM paper WHERE document_id = OLD.document_id"),
    ("action", "INSERT", "action", "SELECT NEW.id"),
    ("action", "UPDATE", "action", "SELECT NEW.id"),
    ("action_update", "INSERT", "action", "SELECT NEW.action_id"),
    ("member", "UPDATE OF name, role_title", "action", "SELECT id FROM action WHERE owner_member_id = NEW.id"),
    ("member", "UPDATE OF name, role_title", "attendance_letter",
     "SELECT id FROM attendance_letter WHERE member_id = NEW.id"),
    ("challenge", "INSERT", "challenge", "SELECT NEW.id"),
    ("challenge", "UPDATE", "challenge", "SELECT NEW.id"),
    ("challenge_response", "INSERT", "challenge", "SELECT NEW.challenge_id"),
    ("challenge_response", "UPDATE", "challenge", "SELECT NEW.challenge_id"),
    ("agency", "UPDATE OF name", "challenge", "SELECT id FROM challenge WHERE agency_id = NEW.id"),
    ("agency", "UPDATE OF name", "inspection", "SELECT id FROM inspection WHERE agency_id = NEW.id"),
    ("indicator", "INSERT", "indicator", "SELECT NEW.id"),
    ("indicator", "UPDATE", "indicator", "SELECT NEW.id"),
    ("indicator", "UPDATE OF code, title", "commentary",
     "SELECT id FROM indicator_commentary WHERE indicator_id = NEW.id"),
    ("indicator_commentary", "INSERT", "commentary", "SELECT NEW.id"),
    ("indicator_commentary", "UPDATE", "commentary", "SELECT NEW.id"),
    ("audit", "INSERT", "audit", "SELECT NEW.id"),
    ("audit", "UPDATE", "audit", "SELECT NEW.id"),
    ("audit_case", "INSERT", "audit", "SELECT NEW.audit_id"),
    ("audit_case", "UPDATE", "audit", "SELECT NEW.audit_id"),
    ("inspection", "INSERT", "inspection", "SELECT NEW.id"),
    ("inspection", "UPDATE", "inspection", "SELECT NEW.id"),
    ("inspection_plan_item", "INSERT", "inspection", "SELECT NEW.inspection_id"),
    ("inspection_plan_item", "UPDATE", "inspection", "SELECT NEW.inspection_id"),
    ("inspection_review", "INSERT", "inspection", "SELECT NEW.inspection_id"),
    ("inspection_review", "UPDATE", "inspection", "SELECT NEW.inspection_id"),
    ("work_transfer", "INSERT", "transfer", "SELECT NEW.id"),
    ("work_transfer", "UPDATE", "transfer", "SELECT NEW.id"),
    ("partnership_body", "UPDATE OF name", "transfer", "SELECT id FROM work_transfer WHERE body_id = NEW.id"),
    ("escalation", "INSERT", "escalation", "SELECT NEW.id"),
    ("escalation", "UPDATE", "escalation", "SELECT NEW.id"),
    ("case_review", "INSERT", "case_review", "SELECT NEW.id"),
    ("case_review", "UPDATE", "case_review", "SELECT NEW.id"),
    ("case_review_dissemination", "INSERT", "case_review", "SELECT NEW.case_review_id"),
    ("case_review_dissemination", "UPDATE", "case_review", "SELECT NEW.case_review_id"),
    ("training_course", "INSERT", "training", "SELECT NEW.id"),
    ("training_course", "UPDATE", "training", "SELECT NEW.id"),
    ("governance_document", "INSERT", "document", "SELECT NEW.id"),
    ("governance_document", "UPDATE", "document", "SELECT NEW.id"),
    ("attendance_letter", "INSERT", "attendance_letter", "SELECT NEW.id"),
    ("attendance_letter", "UPDATE", "attendance_letter", "SELECT NEW.id"),
)


@migrations(name="0016_search")
def m0016_search(db: Database) -> None:
    """One search over everything (issue 12): SQLite's FTS5 full-text index.

    * ``document_text``: the text read out of a stored document (a paper's PDF or Word file) when it
      was attached, with how the reading went (``status``: extracted, partial, empty, unsupported,
      failed, and a ``note`` saying why); derived from the document, which never changes.
    * ``search_doc``: one row per piece of searchable text (an item's discussion, its decisions, an
      action with its updates, a paper with its file's text, a challenge with its responses...), made
      by the views ``search_src_<source>`` (one per source) and kept current by triggers on the
      tables they read: a change to a record deletes its rows here and inserts them afresh from its
      view, in the same transaction as the change, whichever code made it. ``source``/``source_id``
      say which view row made it; ``kind``, ``tbl``, ``record_id``, ``meeting_id`` what it opens.
    * ``search_fts``: the FTS5 index over ``search_doc`` (an external-content table: the text is kept
      once, in ``search_doc``), kept in step by triggers on it, which ``search_state.bulk`` turns off
      while a full rebuild refills it and then rebuilds the index in one step.

    All of it is ordinary tables in the database file, so an encrypted database keeps its index
    (and the papers' text) encrypted with everything else. The index is built here from what the
    database holds; papers attached before this version have no text until ``mqp search --rebuild``
    (or the search window's Rebuild) reads their files.
    """
    db.execute(
        """
        CREATE TABLE document_text (
            document_id INTEGER PRIMARY KEY REFERENCES document(id),
            status TEXT NOT NULL CHECK (status IN ('extracted', 'partial', 'empty', 'unsupported', 'failed')),
            text TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            extracted_at TEXT NOT NULL
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE search_doc (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            source_id INTEGER NOT NULL,
            kind TEXT NOT NULL,
            tbl TEXT NOT NULL,
            record_id INTEGER NOT NULL,
            meeting_id INTEGER,
            title TEXT NOT NULL,
            body TEXT NOT NULL
        ) STRICT
        """
    )
    db.execute("CREATE INDEX search_doc_source ON search_doc(source, source_id)")
    db.execute(
        """
        CREATE TABLE search_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            bulk INTEGER NOT NULL DEFAULT 0 CHECK (bulk IN (0, 1)),
            built_at TEXT
        ) STRICT
        """
    )
    db.execute("INSERT INTO search_state (id, bulk) VALUES (1, 0)")
    # unicode61 remove_diacritics: 'Zoe' finds 'Zoë'. The prefix indexes make the last word typed, matched
    # as a prefix, quick. No porter stemming: it stores 'escal' for 'escalation', so the prefix 'escalat',
    # typed on the way to it, would find nothing.
    db.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_doc', content_rowid='id',"
        " tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')"
    )
    db.execute(
        """
        CREATE TRIGGER search_doc_to_fts_insert AFTER INSERT ON search_doc
        WHEN (SELECT bulk FROM search_state WHERE id = 1) = 0
        BEGIN INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER search_doc_to_fts_delete AFTER DELETE ON search_doc
        WHEN (SELECT bulk FROM search_state WHERE id = 1) = 0
        BEGIN INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER search_doc_fixed BEFORE UPDATE ON search_doc
        BEGIN SELECT RAISE(ABORT, 'search entries are replaced, not changed'); END
        """
    )
    columns = "source_id, kind, tbl, record_id, meeting_id, title, body"
    for source, select in SEARCH_SOURCES_0016.items():
        db.execute(f"CREATE VIEW search_src_{source} AS SELECT {columns} FROM ({select})")
    for n, (table, event, source, ids) in enumerate(SEARCH_TRIGGERS_0016, start=1):
        db.execute(
            f"""
            CREATE TRIGGER search_{n:02d}_{table}_{event.split()[0].lower()}_{source} AFTER {event} ON {table}
            BEGIN
                DELETE FROM search_doc WHERE source = '{source}' AND source_id IN ({ids});
                INSERT INTO search_doc (source, {columns})
                    SELECT '{source}', {columns} FROM search_src_{source} WHERE source_id IN ({ids});
            END
            """
        )
    # Fill it from what the database holds now, in bulk.
    db.execute("UPDATE search_state SET bulk = 1")
    for source in SEARCH_SOURCES_0016:
        db.execute(f"INSERT INTO search_doc (source, {columns}) SELECT '{source}', {columns} FROM search_src_{source}")
    db.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    db.execute("UPDATE search_state SET bulk = 0, built_at = strftime('%Y-%m-%dT%H:%M:%S', 'now')")
@migrations(name="0017_due")
def m0017_due(db: Database) -> None:
    """Indexes for the "Due and overdue" list (store/due.py): one per kind of record that falls due, on its due
    date, partial on what is still waiting (open actions, papers not received, challenges not closed...), so
    each kind is one index range scan however many years of closed records the file holds. Indexes only:
    no table changes."""
    for name, table, column, where in (
        ("action_due_open", "action", "due_date", "status IN ('open', 'in progress') AND due_date IS NOT NULL"),
        ("paper_deadline_waiting", "paper", "deadline",
         "received_on IS NULL AND withdrawn = 0 AND removed = 0 AND deadline IS NOT NULL"),
        ("challenge_due_open", "challenge", "due_date", "closed_on IS NULL AND withdrawn_on IS NULL"),
        ("inspection_plan_item_due_open", "inspection_plan_item", "due",
         "status IN ('open', 'in progress') AND due IS NOT NULL"),
        ("s11_action_due_open", "s11_action", "due", "status IN ('open', 'in progress') AND due IS NOT NULL"),
        ("s11_return_waiting", "s11_return", "round_id", "received IS NULL AND issued IS NOT NULL"),
        ("attendance_letter_reply_due_open", "attendance_letter", "reply_due",
         "outcome IS NULL AND withdrawn_on IS NULL"),
        ("governance_document_review_due", "governance_document", "review_due",
         "withdrawn_on IS NULL AND review_due IS NOT NULL AND signed_off_on IS NOT NULL"),
    ):
        db.execute(f"CREATE INDEX {name} ON {table}({column}) WHERE {where}")


# schema_names.KNOWN_MIGRATIONS must name every migration above, in order (read through the public API:
# everything is pending on an empty database): a migration added here and not there fails at import.
_REGISTERED = tuple(m.name for m in migrations.pending(Database(memory=True, execute_plugins=False)))
if _REGISTERED != KNOWN_MIGRATIONS:  # pragma: no cover - a programming error, caught by every test
    raise RuntimeError(f"schema_names.KNOWN_MIGRATIONS {KNOWN_MIGRATIONS} does not match the migrations "
                       f"registered in migrations.py {_REGISTERED}: list the new migration there.")

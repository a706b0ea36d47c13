"""The schema's names and numbers, without the migrations themselves (issue 14: opening a database checks
its schema against these, and imports sqlite-utils and ``migrations.py`` only when a migration is to be
applied - most starts never do).

``migrations.py`` checks, as it is imported, that ``KNOWN_MIGRATIONS`` names its migrations in order, so a
new migration not listed here fails at once (and its tests).
"""

from __future__ import annotations

MIGRATION_SET = "mqp_desktop"
# "MQPD" as a 32-bit integer: marks the file as ours for `file` and for us.
APPLICATION_ID = 0x4D515044
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils' Migrations records what it applied

# The names this version of the program knows, in order.
KNOWN_MIGRATIONS: tuple[str, ...] = (
    "0001_register",
    "0002_change_history",
    "0003_meetings",
    "0004_section11",
    "0005_agendas_papers",
    "0006_minutes",
    "0007_record_versions",
    "0008_signoff_covers_meeting",
    "0009_chair_keys",
    "0010_performance",
    "0011_challenges",
    "0012_audits_inspections",
    "0013_partnership",
    "0014_governance_records",
    "0015_ratification",
    "0016_search",
    "0017_due",
)
SCHEMA_VERSION = len(KNOWN_MIGRATIONS)

# The tables 0007 gave row_version (fixed: that migration has shipped)
VERSIONED_IN_0007: tuple[str, ...] = (
    "agency", "member", "subcommittee", "meeting", "attendance", "agenda_item", "paper", "setting",
    "minutes_revision", "minutes_autosave", "declaration", "action",
    "s11_framework", "s11_round", "s11_return", "s11_rating", "s11_action",
)

# Every table whose rows carry row_version (see 0007 and domain/versions.py): Store.update raises it
# on each change and refuses an edit read at an older version. A later migration adds its own here.
VERSIONED_TABLES: tuple[str, ...] = VERSIONED_IN_0007 + (
    "indicator_theme", "indicator", "indicator_value", "indicator_comparator", "indicator_commentary",
    "challenge", "challenge_response",  # 0011
    "audit_grade", "audit", "audit_case", "inspection", "inspection_plan_item",  # 0012
    "partnership_body", "work_transfer", "escalation",  # 0013
    "case_review", "case_review_dissemination", "training_course", "governance_document", "office_review",
    "attendance_letter",  # 0014
    "decision_ratification",  # 0015
)


def applied(db) -> list[str]:
    """The names of this program's migrations applied to ``db``, in the order they were applied (read as
    sqlite-utils' ``Migrations.applied`` reads them, without importing it)."""
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        [MIGRATIONS_TABLE]).fetchall()
    if not exists:
        return []
    return [row[0] for row in db.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]).fetchall()]


def pending(db) -> list[str]:
    """The names of the migrations not yet applied to ``db``, in order."""
    done = set(applied(db))
    return [name for name in KNOWN_MIGRATIONS if name not in done]

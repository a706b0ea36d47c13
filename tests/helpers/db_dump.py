"""A whole database as text, to compare before and after (the SQLCipher driver has no iterdump)."""

from __future__ import annotations


def dump(conn) -> str:
    """Every table's schema and rows, in a stable order."""
    lines = []
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index', 'trigger', 'view') ORDER BY type, name"
    ).fetchall()
    for name, sql in tables:
        lines.append(f"{name}: {sql}")
    for name, sql in tables:
        if sql and sql.upper().startswith("CREATE TABLE") and not sql.upper().startswith("CREATE VIRTUAL"):
            # (FTS5's shadow table search_fts_config has no rowid: ordered by its key)
            order = "1" if "WITHOUT ROWID" in sql.upper() else "rowid"
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
                lines.append(f"{name} {row!r}")
    return "\n".join(lines)

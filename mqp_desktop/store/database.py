"""The program's connection to its database file: the part of sqlite-utils' ``Database`` the program uses.

The store reads and writes with SQL (``execute``, ``query``) on one connection (``conn``): it needs nothing
else of sqlite-utils but its ``Migrations`` - and those only when a file's schema is older than the program.
Importing sqlite-utils (with click, pluggy and dateutil behind it) took about a sixth of a second of every
``mqp`` command and of the window's start (issue 14), so the connection is this small class, which behaves
as sqlite-utils' ``Database(conn, execute_plugins=False)`` does for these calls, and sqlite-utils is
imported only to migrate (:func:`apply_migrations`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any


class Database:
    """``conn`` with sqlite-utils' ``execute`` and ``query``; recursive triggers on, as sqlite-utils sets."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.execute("PRAGMA recursive_triggers=on;")

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None):
        """The cursor of ``sql`` run with ``parameters`` (``conn.execute``)."""
        if parameters is not None:
            return self.conn.execute(sql, parameters)
        return self.conn.execute(sql)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Each row of ``sql`` as a dict of column name to value."""
        cursor = self.execute(sql, params or ())
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def apply_migrations(db) -> None:
    """Apply the program's pending migrations to ``db`` (sqlite-utils' ``Migrations``, imported now)."""
    from sqlite_utils import Database as FullDatabase

    from mqp_desktop.store.migrations import migrations

    full = db if isinstance(db, FullDatabase) else FullDatabase(db.conn, execute_plugins=False)
    migrations.apply(full)

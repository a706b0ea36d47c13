"""One search over everything (issue 12): SQLite's FTS5 index, queried and rebuilt.

The index is kept current by the database itself (migration ``0016_search``): each source of text
is a view ``search_src_<source>``, and triggers on the tables a view reads replace a changed
record's rows in ``search_doc`` from its view, in the same transaction as the change, whatever code
made it; ``search_fts`` (FTS5, external content) follows ``search_doc`` by triggers too. So there
is nothing to call after a save. :meth:`SearchRepo.check` compares the index with what the views
make now, and FTS5's own integrity check; :meth:`SearchRepo.rebuild` makes it afresh (and first
reads the text of papers attached before the index existed).

The papers' text is read when a file is attached (``store.agendas``; :mod:`exporters.paper_text`)
and kept in ``document_text`` beside the document. The index and the text are tables in the
database file: an encrypted database holds them encrypted like everything else.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mqp_desktop.domain.search import KIND_LABELS, SearchHit, in_groups, make_snippet, match_expression
from mqp_desktop.store import sqlite
from mqp_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from mqp_desktop.exporters.paper_text import PaperText
    from mqp_desktop.store.store import Store

COLUMNS = "source_id, kind, tbl, record_id, meeting_id, title, body"
TITLE_WEIGHT = 4.0
"""bm25 weight of a match in the title against one in the text."""
CANDIDATES = 2000
"""The best this many matches are taken by kind (at most ``per_kind`` each) and ``limit`` in all: a kind
whose every match ranks below the first 2,000 of all kinds is not shown (refine the words, or --kind)."""


@dataclass(frozen=True)
class RebuildResult:
    entries: int
    texts_read: int
    texts_failed: int
    seconds: float
    cancelled: bool = False


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class SearchRepo:
    def __init__(self, store: Store):
        self.store = store
        self.db = store.db

    # --- searching ---------------------------------------------------------------------------
    def query(self, text: str, limit: int = 200, *, kinds: Sequence[str] | None = None,
              per_kind: int | None = None) -> list[SearchHit]:
        """The records whose text holds every word of ``text`` (the last word as a prefix), best first
        within each kind, the kinds in the order of their best hit (:func:`domain.search.in_groups`).

        ``text`` is words, never FTS syntax (quotes, ``AND``, ``*``, ``NEAR(`` are searched for as words
        or ignored). ``limit``: hits in all; ``per_kind``: at most this many of one kind (default: all of
        ``limit``), so that one kind with many hits does not hide the others; ``kinds``: only these."""
        expression = match_expression(text)
        if expression is None or limit <= 0:
            return []
        per_kind = per_kind or limit
        rank = f"bm25(search_fts, {TITLE_WEIGHT}, 1.0)"
        if kinds:
            unknown = [k for k in kinds if k not in KIND_LABELS]
            if unknown:
                raise StoreError(f"There is no kind of record called '{unknown[0]}' to search.",
                                 "Use one of: " + ", ".join(KIND_LABELS) + ".")
            sql = (f"SELECT d.id, d.kind, {rank} AS rank FROM search_fts JOIN search_doc d ON d.id = search_fts.rowid"
                   f" WHERE search_fts MATCH ? AND d.kind IN ({', '.join('?' * len(kinds))})"
                   f" ORDER BY rank LIMIT {CANDIDATES}")
            params = [expression, *kinds]
        else:
            sql = (f"SELECT d.id, d.kind, t.rank FROM (SELECT rowid, {rank} AS rank FROM search_fts"
                   f" WHERE search_fts MATCH ? ORDER BY rank LIMIT {CANDIDATES}) t"
                   " JOIN search_doc d ON d.id = t.rowid ORDER BY t.rank")
            params = [expression]
        # The ranking is FTS5's own (bm25 with the title weighted; ORDER BY ... LIMIT inside the full-text query,
        # which FTS5 does quickly); then at most per_kind of a kind, and limit in all.
        try:
            ranked = self.db.execute(sql, params).fetchall()
            taken: dict[str, int] = {}
            chosen: list[tuple[int, float]] = []
            for doc_id, kind, rank in ranked:
                if taken.get(kind, 0) < per_kind:
                    taken[kind] = taken.get(kind, 0) + 1
                    chosen.append((doc_id, rank))
                    if len(chosen) >= limit:
                        break
            rows = self._docs([doc_id for doc_id, _rank in chosen])
            dates = self._meeting_dates({r[3] for r in rows.values() if r[3] is not None})
        except sqlite.ERRORS as exc:
            raise StoreError(f"The search could not be run: {exc}.",
                             "Rebuild the search index ('mqp search --rebuild', or Rebuild in the search window).") from exc
        hits = []
        for doc_id, rank in chosen:
            kind, tbl, record_id, meeting_id, title, body = rows[doc_id]
            when = dates.get(meeting_id)
            hits.append(SearchHit(
                kind=kind, kind_label=KIND_LABELS.get(kind, kind), title=f"{title} ({when})" if when else title,
                snippet=make_snippet(title, body, text), table=tbl, record_id=record_id, meeting_id=meeting_id,
                rank=rank))
        return in_groups(hits)

    def _docs(self, ids: list[int]) -> dict[int, tuple]:
        out: dict[int, tuple] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in self.db.execute(
                    "SELECT id, kind, tbl, record_id, meeting_id, title, body FROM search_doc"
                    f" WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
                out[row[0]] = tuple(row[1:])
        return out

    def _meeting_dates(self, meeting_ids: set[int]) -> dict[int, str]:
        if not meeting_ids:
            return {}
        ids = sorted(meeting_ids)
        rows = self.db.execute(f"SELECT id, date FROM meeting WHERE id IN ({', '.join('?' * len(ids))})", ids)
        return {r[0]: f"meeting of {dt.date.fromisoformat(r[1]):%d/%m/%Y}" for r in rows if r[1]}

    # --- what is indexed ---------------------------------------------------------------------
    def sources(self) -> list[str]:
        """The sources of text (one view each; a later migration may add more)."""
        return [r[0][len("search_src_"):] for r in self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'search\\_src\\_%' ESCAPE '\\'"
            " ORDER BY name")]

    def _expected_sql(self) -> str:
        return " UNION ALL ".join(f"SELECT '{s}' AS source, {COLUMNS} FROM search_src_{s}" for s in self.sources())

    def counts(self) -> dict[str, int]:
        """Entries in the index, by kind."""
        return dict(self.db.execute("SELECT kind, count(*) FROM search_doc GROUP BY kind ORDER BY kind").fetchall())

    def built_at(self) -> str | None:
        row = self.db.execute("SELECT built_at FROM search_state WHERE id = 1").fetchone()
        return row[0] if row else None

    def check(self) -> list[str]:
        """What is wrong with the index ([] when it matches what the records say now): entries missing,
        entries left over (stale), and FTS5's own integrity check of the index against ``search_doc``."""
        problems = []
        cols = f"source, {COLUMNS}"
        expected = self._expected_sql()
        missing = self.db.execute(
            f"SELECT kind, record_id, title FROM (SELECT {cols} FROM ({expected}) EXCEPT SELECT {cols} FROM search_doc)"
        ).fetchall()
        stale = self.db.execute(
            f"SELECT kind, record_id, title FROM (SELECT {cols} FROM search_doc EXCEPT SELECT {cols} FROM ({expected}))"
        ).fetchall()
        problems += [f"missing from the index: {k} {i} '{t}'" for k, i, t in missing]
        problems += [f"out of date in the index: {k} {i} '{t}'" for k, i, t in stale]
        total = self.db.execute(f"SELECT count(*) FROM ({expected})").fetchone()[0]
        held = self.db.execute("SELECT count(*) FROM search_doc").fetchone()[0]
        if total != held and not (missing or stale):
            problems.append(f"the index holds {held} entries where the records make {total}")
        try:
            self.db.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite.ERRORS as exc:
            problems.append(f"the full-text index does not match its entries ({exc})")
        return problems

    # --- papers' text ------------------------------------------------------------------------
    def save_text(self, document_id: int, text: PaperText) -> None:
        """Keep the text read from a document (call inside ``store.write()``; replaces what was kept)."""
        self.db.execute(
            "INSERT INTO document_text (document_id, status, text, note, extracted_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (document_id) DO UPDATE SET status = excluded.status, text = excluded.text,"
            " note = excluded.note, extracted_at = excluded.extracted_at",
            [document_id, text.status, text.text, text.note, _now()])

    def text_of(self, document_id: int) -> PaperText | None:
        from mqp_desktop.exporters.paper_text import PaperText

        row = self.db.execute("SELECT status, text, note FROM document_text WHERE document_id = ?",
                              [document_id]).fetchone()
        return PaperText(*row) if row else None

    def documents_without_text(self) -> list[int]:
        """The papers' current files whose text has not been read (attached before the index existed)."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT p.document_id FROM paper p LEFT JOIN document_text t ON t.document_id = p.document_id"
            " WHERE p.document_id IS NOT NULL AND p.removed = 0 AND t.document_id IS NULL ORDER BY p.document_id")]

    def read_missing_texts(self, *, progress: Callable[[int, int], None] | None = None,
                           cancelled: Callable[[], bool] | None = None) -> tuple[int, int, bool]:
        """Read the text of every paper's file that has none yet: (read, failed, cancelled). Each file is
        read outside any transaction and its text saved at once (a cancel keeps what was read)."""
        from mqp_desktop.exporters.paper_text import extract_text

        todo = self.documents_without_text()
        read = failed = 0
        for n, document_id in enumerate(todo):
            if cancelled is not None and cancelled():
                return read, failed, True
            if progress is not None:
                progress(n, len(todo))
            row = self.db.execute("SELECT file_name, media_type, content FROM document WHERE id = ?",
                                  [document_id]).fetchone()
            text = extract_text(row[0], row[1], bytes(row[2]))
            with self.store.write():
                self.save_text(document_id, text)
            read += 1
            failed += text.status == "failed"
        if progress is not None:
            progress(len(todo), len(todo))
        return read, failed, False

    # --- rebuilding --------------------------------------------------------------------------
    def rebuild(self, *, read_texts: bool = True, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> RebuildResult:
        """Make the index afresh from the records (one transaction), first reading the text of papers'
        files not yet read (``read_texts``). Recorded in the change history."""
        started = time.perf_counter()
        read = failed = 0
        if read_texts:
            read, failed, stopped = self.read_missing_texts(progress=progress, cancelled=cancelled)
            if stopped:
                return RebuildResult(self._entries(), read, failed, time.perf_counter() - started, cancelled=True)
        with self.store.write():
            self.db.execute("UPDATE search_state SET bulk = 1 WHERE id = 1")
            self.db.execute("DELETE FROM search_doc")
            for source in self.sources():
                self.db.execute(f"INSERT INTO search_doc (source, {COLUMNS})"
                                f" SELECT '{source}', {COLUMNS} FROM search_src_{source}")
            self.db.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
            self.db.execute("UPDATE search_state SET bulk = 0, built_at = ? WHERE id = 1", [_now()])
            entries = self._entries()
            texts = f"; the text of {read} paper{'s' if read != 1 else ''}' files read" if read else ""
            self.store.record("search_index", None, "rebuilt", f"Search index rebuilt: {entries:,} entries{texts}",
                              {"entries": [None, entries], "texts_read": [None, read]})
        return RebuildResult(entries, read, failed, time.perf_counter() - started)

    def _entries(self) -> int:
        return self.db.execute("SELECT count(*) FROM search_doc").fetchone()[0]

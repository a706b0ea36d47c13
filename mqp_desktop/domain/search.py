"""One search over everything (issue 12), in plain Python: no Qt, no SQL.

:class:`SearchHit` is one record found; :func:`match_expression` turns what the officer typed into
an FTS5 query that cannot fail, whatever was typed; :func:`group_hits` puts hits in groups by kind.

**What the officer types is words, never query syntax.** FTS5 reads ``"``, ``*``, ``-``, ``^``,
``:``, ``(``, ``AND``/``OR``/``NOT`` and ``NEAR(`` as operators; a search for ``NEAR(`` or a lone
``"`` would be a syntax error, and ``-police`` a column filter. So the text is cut into words the
way the index's tokenizer cuts it (letters and digits; everything else separates), the words of
each space-separated piece are put in double quotes (a quoted string is always a plain phrase:
'CR-2025-014' finds those three words together), every piece is required (in any order), and the
last word matches as a prefix, so results come while it is still being typed. Text with no letters or digits finds nothing (an empty query, not an error).

**Snippets** (:func:`make_snippet`) are made here, from the hit's text, not by FTS5's ``snippet()``:
on 20 years of minutes and papers FTS5 took 0.3-0.6 ms a hit, and seconds for a one-letter prefix
(it walks every word the prefix could be); finding the words again in the few hundred hits shown
takes a fraction of that. Each match is marked ``**match**`` (:data:`MARK_START`, :data:`MARK_END`);
the minutes' own ``**bold**`` is dropped from what is indexed, so a marker is always a match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

MARK_START = "**"
MARK_END = "**"

KIND_LABELS: dict[str, str] = {
    "minutes": "Minutes",
    "decision": "Decisions",
    "action": "Actions",
    "agenda_item": "Agenda items",
    "paper": "Papers",
    "challenge": "Challenges",
    "indicator": "Indicators",
    "commentary": "Indicator commentary",
    "audit": "Audits",
    "inspection": "Inspections",
    "transfer": "Work transfers",
    "escalation": "Escalations and disputes",
    "case_review": "Case reviews",
    "training": "Training",
    "document": "Documents under review",
    "attendance_letter": "Attendance letters",
}
"""Every kind the index holds, with its label (plural: it heads a group), in the order kinds are
listed when nothing else decides (``mqp search --kind`` takes these keys)."""

MAX_WORDS = 16
"""Words beyond this are ignored: a pasted paragraph is not a search."""
MIN_PREFIX = 2
"""The last word is matched as the start of a word once it has this many letters: a one-letter prefix
matches nearly every record (and, with no prefix index of its own, takes FTS5 a long time to find)."""

# What unicode61 keeps together: letters, digits (and private-use characters, which nobody types).
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of ``text`` as the index cuts them: 'co-chair's "report"' -> ['co', 'chair', 's', 'report']."""
    return _WORD.findall(text or "")[:MAX_WORDS]


def match_expression(text: str, *, prefix: bool = True) -> str | None:
    """An FTS5 MATCH expression finding records holding every word of ``text`` (the last as a
    prefix when ``prefix`` and it has :data:`MIN_PREFIX` letters or more), or None when ``text`` has no words.

    Words written together without a space ('CR-2025-014', "co-chair's") must come together, as a
    phrase; separate words may come anywhere. Never raises, never lets an operator through: each
    phrase is a double-quoted string, which holds no quotes (words are letters and digits only)."""
    phrases: list[list[str]] = []
    count = 0
    for chunk in (text or "").split():
        found = words(chunk)[:MAX_WORDS - count]
        if found:
            phrases.append(found)
            count += len(found)
    if not phrases:
        return None
    quoted = ['"' + " ".join(p) + '"' for p in phrases]
    if prefix and len(phrases[-1][-1]) >= MIN_PREFIX:
        quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class SearchHit:
    """One record found.

    ``kind``: a key of :data:`KIND_LABELS` ('minutes', 'action', 'paper'...); ``kind_label`` its label.
    ``title``: what the record is called (with its meeting's date when it belongs to a meeting).
    ``snippet``: the text around the matches, each marked ``**like this**``.
    ``table``, ``record_id``: the record to open (e.g. 'agenda_item' and the item's id for minutes: the
    minutes of its meeting, at that item); ``meeting_id``: its meeting, when it has one (what opens
    when the record itself cannot be). ``rank``: FTS5's bm25 (lower is better).
    """

    kind: str
    kind_label: str
    title: str
    snippet: str
    table: str
    record_id: int
    meeting_id: int | None = None
    rank: float = 0.0

    def to_json(self) -> dict:
        return {"kind": self.kind, "kind_label": self.kind_label, "title": self.title, "snippet": self.snippet,
                "table": self.table, "record_id": self.record_id, "meeting_id": self.meeting_id}


def group_hits(hits: Iterable[SearchHit]) -> list[tuple[str, list[SearchHit]]]:
    """Hits in groups by kind: (kind, hits best first), the group with the best hit first."""
    groups: dict[str, list[SearchHit]] = {}
    for hit in sorted(hits, key=lambda h: h.rank):
        groups.setdefault(hit.kind, []).append(hit)
    return list(groups.items())


def in_groups(hits: Sequence[SearchHit]) -> list[SearchHit]:
    """The hits in the order :func:`group_hits` shows them (one list)."""
    return [hit for _kind, group in group_hits(hits) for hit in group]


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """(text, is_match) pieces of a snippet, for showing matches in bold: 'a **b** c' -> [('a ', False),
    ('b', True), (' c', False)]."""
    parts = snippet.split(MARK_START)
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


# --- snippets ----------------------------------------------------------------------------------------

SNIPPET_WORDS = 18
"""About how many words a snippet shows."""
SNIPPET_SCAN = 60_000
"""How far into a long text (a paper's) the matches are looked for."""


def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[0]
    return base if base.lower() and len(base.lower()) == 1 else c


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Letters with diacritics -> their base letter, lower case, one character for one (as the index's
    remove_diacritics folds them), so a position in the folded text is the same in the original."""
    table = {}
    for code in range(0xC0, 0x250):
        c = chr(code)
        folded = _fold_char(c).lower()
        if len(folded) == 1 and folded != c:
            table[code] = folded
    return table


def fold(text: str) -> str:
    """``text`` lower-cased and without diacritics, the same length (positions carry over)."""
    folded = text.translate(_fold_table())
    lowered = folded.lower()
    return lowered if len(lowered) == len(text) else folded


@lru_cache(maxsize=64)
def _pattern(text: str) -> re.Pattern | None:
    found = [fold(w) for w in words(text)]
    if not found:
        return None
    *whole, last = found
    tail = r"[^\W_]*" if len(last) >= MIN_PREFIX else r"(?![^\W_])"
    alternatives = [re.escape(w) + r"(?![^\W_])" for w in dict.fromkeys(whole)] + [re.escape(last) + tail]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")")


def make_snippet(title: str, body: str, text: str, *, size: int = SNIPPET_WORDS) -> str:
    """A few words of ``body`` around the first of the words of ``text`` found in it (the last word as a
    prefix, as the search matches), each match marked ``**like this**``, '…' where text is cut off;
    ``title`` when the words are only in it."""
    pattern = _pattern(text)
    if pattern is None:
        return ""
    for source in (body, title):
        if not source:
            continue
        scan = source[:SNIPPET_SCAN]
        first = pattern.search(fold(scan))
        if first is None:
            continue
        # a few words before the match, then ``size`` words from there (looked at near the match only)
        before = scan[max(0, first.start() - 40 * size):first.start()].split()
        lead = before[-min(len(before), size // 3):] if before else []
        start = max(0, first.start() - len(" ".join(lead)) - (1 if lead else 0))
        while start > 0 and not scan[start - 1].isspace():
            start -= 1
        after = scan[start:start + 40 * size].split()
        piece = " ".join(after[:size])
        cut_end = len(after) > size or start + 40 * size < len(source)
        marked, at = [], 0
        for m in pattern.finditer(fold(piece)):
            marked += [piece[at:m.start()], MARK_START, piece[m.start():m.end()], MARK_END]
            at = m.end()
        marked.append(piece[at:])
        return ("…" if start > 0 else "") + "".join(marked) + ("…" if cut_end else "")
    return title

"""``mqp search``: text and JSON output, kinds and limits, hostile text, --rebuild and --check, run
in-process through ``main([...])`` on a copy of the demo database."""

from __future__ import annotations

import json

import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.search import KIND_LABELS
from mqp_desktop.store import Store


@pytest.fixture
def mqp(capsys, demo_db):
    def run(*args: str):
        status = main(["--db", str(demo_db), *args])
        out = capsys.readouterr()
        return status, out.out, out.err

    return run


def test_search_prints_hits_grouped_by_kind(mqp):
    status, out, _ = mqp("search", "neglect")
    assert status == 0
    assert "Agenda items (" in out and "Papers (" in out and "**Neglect**" in out
    assert out.rstrip().endswith("found.")


def test_search_json_kinds_and_limit(mqp, demo_db):
    status, out, _ = mqp("search", "safeguarding", "--json")
    hits = json.loads(out)
    assert status == 0 and hits
    assert set(hits[0]) == {"kind", "kind_label", "title", "snippet", "table", "record_id", "meeting_id"}
    with Store.open(demo_db) as s:
        assert [h["record_id"] for h in hits] == [h.record_id for h in s.search.query("safeguarding", 50)]
    status, out, _ = mqp("search", "safeguarding", "--kind", "action", "--kind", "training", "--json", "--limit", "3")
    only = json.loads(out)
    assert 0 < len(only) <= 3 and {h["kind"] for h in only} <= {"action", "training"}
    assert all(h["kind_label"] == KIND_LABELS[h["kind"]] for h in only)


@pytest.mark.parametrize("text", ['"', "NEAR(", "*", "-", "AND", "a OR b NOT c", "title:x"])
def test_hostile_text_never_fails(mqp, text):
    status, out, err = mqp("search", text)
    assert status == 0 and err == ""


def test_refusals_are_one_line_errors(mqp):
    for args, words in ((("search",), "Say what to search for"), (("search", "x", "--kind", "nope"), "no kind 'nope'"),
                        (("search", "x", "--limit", "0"), "--limit"), (("search", "x", "--rebuild"), "no search text")):
        status, out, err = mqp(*args)
        assert status == 1 and err.startswith("mqp: error:") and words in err and len(err.strip().splitlines()) == 1


def test_rebuild_and_check(mqp, demo_db):
    status, out, _ = mqp("search", "--check")
    assert status == 0 and "matches the records" in out
    with Store.open(demo_db) as s, s.write():  # an index gone stale behind the triggers' back
        s.db.execute("UPDATE search_state SET bulk = 1")
        s.db.execute("DELETE FROM search_doc WHERE kind = 'action'")
        s.db.execute("UPDATE search_state SET bulk = 0")
    status, out, err = mqp("search", "--check")
    assert status == 1 and "missing from the index: action" in out and "--rebuild" in err
    status, out, _ = mqp("search", "--rebuild")
    assert status == 0 and "Search index rebuilt:" in out
    status, out, _ = mqp("search", "--check")
    assert status == 0

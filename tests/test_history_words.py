"""The change history says what the ids a change records stand for (issue 14, point 8): the meeting's
date, the agenda item's number and title, the member's and the agency's names — for every ``*_id``
field the demo's history holds, across the registers of issues 11 and 12 too."""

from __future__ import annotations

import re

from mqp_desktop.cli import main
from mqp_desktop.store.history_words import HistoryWords, field_label

ID_KEY = re.compile(r"_ids?$")


def id_fields(store):
    """(change, key, value) for every id a change in the history records."""
    for c in store.history():
        for key, pair in c.changes.items():
            if ID_KEY.search(key):
                for value in (pair if isinstance(pair, list) else [pair]):
                    if value not in (None, "", [], "[]"):
                        yield c, key, value


def test_every_id_in_the_demos_history_is_said_in_words(demo_store):
    words = HistoryWords(demo_store)
    keys, unsaid = set(), []
    for c, key, value in id_fields(demo_store):
        keys.add(key)
        said = words.words(key, value, c.entity, c.changes)
        if key == "subject_id" and c.changes.get("subject_kind") in (None, "other", ["other"]):
            continue  # a challenge about 'other' has no record behind its subject
        if said is None or "#" in said or said == str(value):
            unsaid.append(f"{c.entity}.{key} = {value!r}: {said!r}")
    assert not unsaid, "\n".join(sorted(set(unsaid)))
    # the registers of issues 11 and 12 are in it too
    assert {"approved_at_meeting_id", "item_id", "meeting_id", "member_id", "agency_ids", "body_id",
            "inspection_id", "return_id", "supersedes_id", "theme_id", "reviewed_at_meeting_id"} <= keys


def test_a_meeting_by_its_date_and_an_item_by_its_number_and_title(demo_store):
    words = HistoryWords(demo_store)
    meeting = next(m for m in demo_store.meetings.list() if demo_store.agendas.agenda(m.id).lines)
    assert words.words("approved_at_meeting_id", meeting.id, "minutes") == \
        f"the meeting of {meeting.date.day} {meeting.date:%B %Y}"
    line = demo_store.agendas.agenda(meeting.id).lines[2]
    said = words.words("item_id", line.item.id, "action")
    assert said.startswith(f"{line.number} ‘{line.item.title}’") and f"{meeting.date.day} {meeting.date:%B %Y}" in said
    assert words.words("meeting_id", 999_999, "guest") == "meeting #999999"  # gone: the number stays
    assert words.words("notes", 5, "meeting") is None  # not an id
    assert field_label("approved_at_meeting_id") == "approved at meeting" and field_label("agency_ids") == "agencies"


def test_the_command_lines_history_says_the_ids_in_words(demo_db, capsys):
    status = main(["--db", str(demo_db), "history", "--changes", "--limit", "0"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert re.search(r"approved_at_meeting_id: \(empty\) -> \d+ \(the meeting of \d+ \w+ \d{4}\)", out), out[-2000:]
    assert re.search(r"item_id: .*\d+ \(\d+(\.\d+)? ‘", out)

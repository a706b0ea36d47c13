"""Hostile and odd ``.mqpminutes`` files (issue 10): NaN and Infinity, deep nesting, huge numbers,
duplicate keys, wrong types, damaged text, too large a file. Reading one on the chair's laptop and
importing one on the officer's side gives an :class:`ApprovalFileError` naming the problem, never a
traceback, and never a partial write (the whole database is compared before and after).

The property tests mutate a real exported file (structurally, then with its digests rewritten as
an attacker with the program's source could, and byte by byte) and try generated JSON."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mqp_desktop.domain.signoff import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    ApprovalFileError,
    canonical_json,
    content_digest,
    read_approval_file,
    respond,
    write_approval_file,
)
from mqp_desktop.store import Store, sqlite
from tests.helpers.db_dump import dump
from tests.test_minutes_store import TODAY, build

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One database with a draft exported for approval, and the chair's signed response (as text)."""
    folder = tmp_path_factory.mktemp("approval")
    store = Store.in_memory()
    data = build(store)
    m1 = data["meetings"][0]
    store.minutes.draft(m1)
    _, path = store.minutes.export_for_approval(m1, folder / "draft.mqpminutes")
    signed = write_approval_file(respond(read_approval_file(path), "Dr Helen Carter", TODAY),
                                 folder / "signed.mqpminutes")
    pristine = sqlite.connect(":memory:")
    store.db.conn.backup(pristine)
    store.pristine = pristine  # an import that succeeds is undone with it, so every example can import
    yield store, m1, path.read_bytes(), signed.read_bytes(), folder
    store.close()
    pristine.close()


def _write(folder: Path, raw: bytes, name: str = "hostile.mqpminutes") -> Path:
    path = folder / name
    path.write_bytes(raw)
    return path


def refused_everywhere(store, path: Path) -> ApprovalFileError:
    """Both the chair's reading and the officer's import refuse ``path``, and nothing is written."""
    with pytest.raises(ApprovalFileError) as read:
        read_approval_file(path)
    assert read.value.problem and read.value.remedy and read.value.field
    before = dump(store.db.conn)
    with pytest.raises(ApprovalFileError):
        store.minutes.import_approval(path)
    assert dump(store.db.conn) == before
    return read.value


def reseal(data: dict) -> dict:
    """Rewrite the digests to fit the (changed) content, as someone with the program's source could."""
    draft = data.get("draft")
    if isinstance(draft, dict) and isinstance(draft.get("content"), dict):
        try:
            draft["digest"] = content_digest(draft["content"])
        except (TypeError, ValueError):
            pass
    source = data.get("source") if isinstance(data.get("source"), dict) else {}
    bound = {"source": {k: source.get(k) for k in ("database_id", "meeting_id", "revision")},
             "partnership": data.get("partnership"), "subcommittee": data.get("subcommittee"),
             "meeting": data.get("meeting"), "draft_digest": (draft or {}).get("digest") if isinstance(draft, dict)
             else None, "response": data.get("response")}
    try:
        data["file_digest"] = hashlib.sha256(canonical_json(bound).encode("utf-8")).hexdigest()
    except (TypeError, ValueError):
        pass
    return data


HOSTILE = {
    "NaN": (b'{"format": "mqp-minutes-approval", "format_version": NaN}', "NaN"),
    "Infinity": (b'{"format": "mqp-minutes-approval", "source": {"meeting_id": Infinity}}', "Infinity"),
    "-Infinity": (b'{"format": "mqp-minutes-approval", "source": {"revision": -Infinity}}', "-Infinity"),
    "a huge float": (b'{"format": "mqp-minutes-approval", "format_version": 1e400}', "whole numbers"),
    "a fraction": (b'{"format": "mqp-minutes-approval", "format_version": 1.0}', "whole numbers"),
    "a huge integer": (b'{"format": "mqp-minutes-approval", "format_version": ' + b"9" * 5000 + b"}", "digits"),
    "a 20-digit id": (b'{"format": "mqp-minutes-approval", "source": {"meeting_id": 99999999999999999999}}',
                      "digits"),
    "deep nesting": (b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nest"),
    "nesting just over the limit": (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "nest"),
    "duplicate keys": (b'{"format": "mqp-minutes-approval", "format": "other"}', "twice"),
    "not UTF-8": (b'{"format": "mqp-minutes-approval\xff"}', "UTF-8"),
    "a lone surrogate": (b'{"format": "mqp-minutes-approval", "partnership": "\\ud800"}', "Unicode"),
    "empty": (b"", "not JSON"),
    "truncated": (b'{"format": "mqp-minutes-approval", "draft": {', "not JSON"),
    "a list": (b"[1, 2, 3]", "not an MQ&P"),
    "null": (b"null", "not an MQ&P"),
    "a string": (b'"mqp-minutes-approval"', "not an MQ&P"),
    "a newer format": (b'{"format": "mqp-minutes-approval", "format_version": 99}', "newer version"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_is_refused_with_a_clear_message(world, name):
    store, _, _, _, folder = world
    raw, words = HOSTILE[name]
    error = refused_everywhere(store, _write(folder, raw))
    assert words in error.problem, (name, error.problem)


def test_duplicate_keys_deep_inside_the_minutes_are_refused(world):
    store, _, _, signed, folder = world
    text = signed.decode("utf-8").replace('"chaired_by":', '"chaired_by": "Someone", "chaired_by":', 1)
    assert text != signed.decode("utf-8")
    assert "twice" in refused_everywhere(store, _write(folder, text.encode("utf-8"))).problem


def test_a_file_over_the_size_limit_is_refused_without_reading_it(world):
    store, _, _, _, folder = world
    path = folder / "huge.mqpminutes"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing written to disk
    assert "too large" in refused_everywhere(store, path).problem


WRONG_TYPES = [
    (("source", "meeting_id"), "1", "source.meeting_id"),
    (("source", "revision"), True, "source.revision"),
    (("source", "database_id"), 12, "source.database_id"),
    (("partnership",), {"a": 1}, "partnership"),
    (("exported_at",), [1], "exported_at"),
    (("meeting", "title"), 5, "meeting.title"),
    (("meeting",), "a meeting", "meeting"),
    (("response",), "approved", "response"),
    (("response", "name"), 5, "response.name"),
    (("response", "name"), "   ", "response.name"),
    (("response", "date"), "yesterday", "response.date"),
    (("response", "date"), 20260101, "response.date"),
    (("response", "decision"), True, "response.decision"),
    (("response", "comments"), {"x": 1}, "response.comments"),
    (("response", "signature_png"), "not base64!", "response.signature_png"),
    (("draft", "content", "items"), {"1": "x"}, "draft.content"),
    (("draft", "content", "items", 0, "decisions"), ["a decision as text"], "draft.content"),
    (("draft", "content", "items", 0, "number"), 1, "draft.content"),
    (("draft", "content", "meeting", "date"), "the 3rd", "draft.content"),
    (("draft", "content", "meeting", "meeting_id"), True, "draft.content"),
    (("draft", "content", "quoracy", "quorate"), "yes", "draft.content"),
    (("draft", "content", "revision"), None, "draft.content"),
    (("draft", "content", "record", "register"), [{"member_id": "x", "status": "present"}], "draft.content"),
    (("draft", "content", "unexpected"), "extra", "draft.content"),
    (("draft", "content", "version"), 99, "draft.content"),
    (("draft", "content"), [], "draft.content"),
]


def _set(data, path, value):
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@pytest.mark.parametrize("path, value, field", WRONG_TYPES, ids=[".".join(map(str, p)) + f"={v!r}"[:40]
                                                                 for p, v, _ in WRONG_TYPES])
def test_wrong_types_are_refused_even_when_the_digests_are_rewritten_to_match(world, path, value, field):
    store, _, _, signed, folder = world
    data = json.loads(signed)
    _set(data, path, value)
    reseal(data)
    error = refused_everywhere(store, _write(folder, json.dumps(data).encode("utf-8")))
    assert error.field == field, (error.field, error.problem)


def test_the_real_files_still_read_and_the_signed_one_imports(world, tmp_path):
    """The property tests below must be able to fail: the unmutated files pass where they should."""
    store, m1, draft, signed, _ = world
    assert read_approval_file(_write(tmp_path, draft)).response is None
    assert read_approval_file(_write(tmp_path, signed, "s.mqpminutes")).response.name == "Dr Helen Carter"
    data = json.loads(signed)
    assert reseal(copy.deepcopy(data)) == data  # reseal reproduces the program's own digests


# --- property tests ---------------------------------------------------------------------------

# JSON as a hostile writer would make it: NaN and Infinity, fractions, numbers of any size, text with
# lone surrogates (json.dumps escapes them as "\ud800"), and some nesting.
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=30)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT | st.sampled_from(["2026-02-30", "", " "]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=12,
)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, (*prefix, i))


def _mutate(data, path, how, value):
    if not path:
        return value if how != "delete" else {}
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    if how == "delete":
        if isinstance(parent, dict):
            del parent[key]
        else:
            parent.pop(key)
    elif how == "wrap":
        parent[key] = [parent[key]]
    else:
        parent[key] = value
    return data


OUTCOMES = {"refused, unchanged", "approved and verified", "returned with comments"}


def _try(store, path: Path) -> str:
    """The property: ApprovalFileError (database unchanged) or a clean success, nothing else. Says which."""
    try:
        read_approval_file(path)
    except ApprovalFileError as exc:
        assert exc.problem and exc.remedy
    before = dump(store.db.conn)
    try:
        result = store.minutes.import_approval(path)
    except ApprovalFileError:
        assert dump(store.db.conn) == before
        return "refused, unchanged"
    if result.approved:
        assert store.minutes.verify(result.meeting_id).ok
    store.pristine.backup(store.db.conn)  # back to the unsigned draft for the next example
    return "approved and verified" if result.approved else "returned with comments"


@FUZZ
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "wrap"]), value=JSON, rewrite=st.booleans())
def test_structurally_mutated_files_never_give_a_traceback_or_a_partial_write(world, data, how, value, rewrite):
    store, _, _, signed, folder = world
    parsed = json.loads(signed)
    paths = list(_paths(parsed))
    path = data.draw(st.sampled_from(paths))
    mutated = _mutate(copy.deepcopy(parsed), path, how, value)
    if rewrite and isinstance(mutated, dict):
        reseal(mutated)
    assert _try(store, _write(folder, json.dumps(mutated).encode("utf-8"), "mutated.mqpminutes")) in OUTCOMES


@FUZZ
@given(data=st.data(), count=st.integers(min_value=1, max_value=8))
def test_byte_damaged_files_never_give_a_traceback_or_a_partial_write(world, data, count):
    store, _, _, signed, folder = world
    raw = bytearray(signed)
    for _ in range(count):
        at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            raw[at] = data.draw(st.integers(min_value=0, max_value=255))
        elif action == "cut":
            del raw[at:at + data.draw(st.integers(min_value=1, max_value=64))]
            if not raw:
                break
        else:
            raw[at:at] = data.draw(st.sampled_from([b"NaN", b"[", b"{", b"1e999", b'"', b"\\ud800", b",", b"\xff"]))
    assert _try(store, _write(folder, bytes(raw), "damaged.mqpminutes")) in OUTCOMES


@FUZZ
@given(value=JSON, keep_format=st.booleans())
def test_generated_json_never_gives_a_traceback(world, value, keep_format):
    store, _, _, _, folder = world
    if keep_format and isinstance(value, dict):
        value = {**value, "format": "mqp-minutes-approval", "format_version": 2}
    # a file that is not ours is refused whatever it holds
    assert _try(store, _write(folder, json.dumps(value).encode("utf-8"), "generated.mqpminutes")) == "refused, unchanged"


def test_an_import_that_fails_inside_signing_changes_nothing(world, tmp_path):
    """A valid file whose chair signed before the meeting took place: refused by sign(), as a file error."""
    store, m1, draft, _, _ = world
    approval = read_approval_file(_write(tmp_path, draft))
    early = respond(approval, "Dr Helen Carter", approval.minutes.meeting.date - dt.timedelta(days=1))
    path = write_approval_file(early, tmp_path / "early.mqpminutes")
    before = dump(store.db.conn)
    with pytest.raises(ApprovalFileError) as refused:
        store.minutes.import_approval(path)
    assert refused.value.field == "response.on" and "before the meeting" in refused.value.problem
    assert dump(store.db.conn) == before and not store.minutes.is_locked(m1)


# --- files signed with the chair's key ------------------------------------------------------------

@pytest.fixture(scope="module")
def signed_world(tmp_path_factory):
    """A database holding the chair's key, and a response signed with it (with its signed PDF)."""
    from mqp_desktop.domain import chair_key as ck
    from mqp_desktop.exporters.minutes_signature import sign_approval

    folder = tmp_path_factory.mktemp("signed")
    keyfile = ck.create_chair_key("Dr Helen Carter", "a long enough passphrase")
    store = Store.in_memory()
    data = build(store)
    store.chair_keys.register(keyfile.public)
    m1 = data["meetings"][0]
    store.minutes.draft(m1)
    _, path = store.minutes.export_for_approval(m1, folder / "draft.mqpminutes")
    answered = respond(read_approval_file(path), "Dr Helen Carter", TODAY)
    signed = write_approval_file(sign_approval(answered, ck.unlock(keyfile, "a long enough passphrase")),
                                 folder / "signed.mqpminutes")
    pristine = sqlite.connect(":memory:")
    store.db.conn.backup(pristine)
    store.pristine = pristine
    yield store, signed.read_bytes(), folder
    store.close()
    pristine.close()


def test_the_key_signed_file_imports_unmutated(signed_world, tmp_path):
    store, signed, _ = signed_world
    result = store.minutes.import_approval(_write(tmp_path, signed))
    assert result.approved and store.minutes.verify(result.meeting_id).signed_with_key
    store.pristine.backup(store.db.conn)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), how=st.sampled_from(["replace", "delete", "wrap"]), value=JSON, rewrite=st.booleans())
def test_mutated_key_signed_files_are_refused_cleanly(signed_world, data, how, value, rewrite):
    """Anything changed in a signed file (its digests rewritten or not) is refused with an
    ApprovalFileError and nothing written, unless the change is outside what is signed."""
    store, signed, folder = signed_world
    parsed = json.loads(signed)
    paths = [p for p in _paths(parsed) if p[:2] != ("chair_signature", "signed_pdf") or len(p) <= 2]
    path = data.draw(st.sampled_from(paths))
    mutated = _mutate(copy.deepcopy(parsed), path, how, value)
    if rewrite and isinstance(mutated, dict):
        reseal(mutated)
    assert _try(store, _write(folder, json.dumps(mutated).encode("utf-8"), "mutated-signed.mqpminutes")) in OUTCOMES

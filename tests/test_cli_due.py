"""``mqp due`` and ``mqp actions remind``, run in-process through ``main([...])`` on the hand-worked fixture
(tests/helpers/due_fixture.py: one thing of each kind at known dates, on Wednesday 10 June 2026)."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest

from mqp_desktop.cli import main
from mqp_desktop.domain.due import KINDS
from tests.helpers import due_fixture as fx
from tests.helpers.due_fixture import EXPECTED, TODAY

KEYS = {"kind", "kind_label", "reference", "title", "owner", "due", "days_overdue", "overdue", "table", "record_id"}


@pytest.fixture(scope="module")
def fixture_file(tmp_path_factory):
    from mqp_desktop.store import Store
    from mqp_desktop.store.seed import seed_from_template

    path = tmp_path_factory.mktemp("due") / "due.sqlite"
    store = Store.open(path)
    seed_from_template(store, "wandsworth-mqp")
    ids = fx.build(store)
    store.close()
    return path, ids


@pytest.fixture
def mqp(capsys, fixture_file, tmp_path, monkeypatch):
    import shutil

    db = tmp_path / "copy.sqlite"
    shutil.copy(fixture_file[0], db)
    monkeypatch.setattr("mqp_desktop.cli.due.today", lambda: TODAY)

    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    run.ids = fixture_file[1]
    run.db = db
    return run


def ok(result) -> str:
    status, out, err = result
    assert status == 0, err
    return out


def error(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


def due(mqp, *options) -> list[dict]:
    return json.loads(ok(mqp("due", "--on", TODAY.isoformat(), *options, "--json")))


def test_json_keys_are_documented_and_the_list_is_the_hand_worked_one(mqp, capsys):
    records = due(mqp, "--all")
    assert records and all(set(r) == KEYS for r in records)
    assert [(r["kind"], r["due"], r["days_overdue"]) for r in records] == [
        (kind, when.isoformat(), days) for kind, when, days in EXPECTED]
    assert [r["overdue"] for r in records] == [days > 0 for _k, _d, days in EXPECTED]
    assert main(["due", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for key in KEYS:
        assert key in help_text, key
    for kind in KINDS:
        assert kind in help_text, kind


def test_the_default_window_is_overdue_and_the_next_30_days(mqp):
    assert [r["kind"] for r in due(mqp)] == [k for k, _d, days in EXPECTED if days >= -30]
    assert [r["kind"] for r in due(mqp, "--days", "7")] == [k for k, _d, days in EXPECTED if days >= -7]
    assert [r["kind"] for r in due(mqp, "--overdue")] == [k for k, _d, days in EXPECTED if days > 0]


def test_kind_filter(mqp):
    assert [r["kind"] for r in due(mqp, "--all", "--kind", "action", "--kind", "paper")] == ["action", "paper"]
    assert [r["kind"] for r in due(mqp, "--all", "--kind", "s11-return,tor")] == ["s11_return", "tor_review"]
    line = error(mqp("due", "--kind", "minutes"))
    assert "minutes" in line and "s11_return" in line


def test_refuses_a_negative_window_and_a_bad_date(mqp):
    assert "0 or more" in error(mqp("due", "--days", "-3"))
    assert "31/02/2026" in error(mqp("due", "--on", "31/02/2026"))


def test_table_says_how_overdue(mqp):
    out = ok(mqp("due", "--on", TODAY.isoformat(), "--overdue"))
    assert "40 DAYS OVERDUE" in out and "2026-03/1" in out and "CH-2026-001" in out
    assert f"{sum(1 for *_x, days in EXPECTED if days > 0)} overdue" in out


def test_actions_remind_writes_one_draft_per_owner_and_records_it(mqp, tmp_path):
    out = tmp_path / "drafts"
    out.mkdir()
    # every overdue action: only 2026-03/1 (the audit's action is due today, not overdue)
    written = json.loads(ok(mqp("actions", "remind", "--out", str(out), "--json")))
    assert [(w["owner"], w["actions"]) for w in written] == [("Jo Bloggs", ["2026-03/1"])]
    msg = email.message_from_bytes(Path(written[0]["file"]).read_bytes(), policy=email.policy.default)
    assert msg["To"] == "Jo Bloggs <jo.bloggs@example.gov.uk>" and msg["X-Unsent"] == "1"
    body = msg.get_content()
    assert "2026-03/1 Circulate the neglect audit findings: due 1 May 2026, 40 days overdue" in body
    assert "14 July 2026" in body  # the next meeting
    history = json.loads(ok(mqp("history", "--json", "--limit", "5")))
    assert any(h["action"] == "reminded" and "2026-03/1" in h["summary"] for h in history)


def test_actions_remind_by_number_groups_by_owner(mqp, tmp_path):
    written = json.loads(ok(mqp("actions", "remind", "2026-03/5", "2026-03/1", "--out", str(tmp_path), "--json")))
    assert sorted((w["owner"], tuple(w["actions"])) for w in written) == [("Jo Bloggs", ("2026-03/1",)),
                                                                          ("Sam Lee", ("2026-03/5",))]
    sam = next(w for w in written if w["owner"] == "Sam Lee")
    assert sam["email"] == ""  # not a member: no address on record
    msg = email.message_from_bytes(Path(sam["file"]).read_bytes(), policy=email.policy.default)
    assert msg["To"] is None and "due today" in msg.get_content()


def test_actions_remind_refuses_a_closed_action_and_a_missing_folder(mqp, tmp_path):
    assert "done" in error(mqp("actions", "remind", "2026-03/2", "--out", str(tmp_path)))
    assert "not an existing folder" in error(mqp("actions", "remind", "--out", str(tmp_path / "nowhere")))
    assert list(tmp_path.iterdir()) == [mqp.db] or all(p.suffix != ".eml" for p in tmp_path.iterdir())

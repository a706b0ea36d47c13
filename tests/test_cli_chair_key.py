"""``mqp chair-key`` and signing with the chair's key on the command line (``minutes respond --key``,
``minutes sign --key``), run in-process on a copy of the demonstration database."""

from __future__ import annotations

import getpass
import json

import pytest

from mqp_desktop.cli import main
from mqp_desktop.store import Store

PASSPHRASE = "a long enough passphrase"


@pytest.fixture
def mqp(capsys, demo_db):
    def run(*args: str, db: bool = True):
        status = main((["--db", str(demo_db)] if db else []) + list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run


def ok(result) -> str:
    status, out, err = result
    assert status == 0, err
    return out


def one_error_line(result) -> str:
    status, out, err = result
    assert status == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: ") and "Traceback" not in err
    return lines[0]


@pytest.fixture
def chair_files(mqp, tmp_path):
    """The chair's key made on 'their laptop' (a folder here), and its public half."""
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    key, public = tmp_path / "laptop" / "chair-signing-key.json", tmp_path / "helen.mqpchairkey"
    out = ok(mqp("chair-key", "create", "--name", "Dr Helen Carter", "--key-file", str(key), "--out", str(public),
                 "--passphrase-file", str(secret), db=False))
    assert "fingerprint:" in out and key.is_file() and public.is_file()
    return key, public, secret


def test_create_export_inspect_import_show_and_replace(mqp, chair_files, tmp_path, demo_db):
    key, public, secret = chair_files
    spoken = ok(mqp("chair-key", "inspect", str(public), "--json", db=False))
    record = json.loads(spoken)
    assert len(record["fingerprint_groups"].split()) == 6 and record["name"] == "Dr Helen Carter"
    again = tmp_path / "again.mqpchairkey"
    ok(mqp("chair-key", "export", "--key-file", str(key), "--out", str(again), db=False))
    assert json.loads(again.read_text())["fingerprint"] == record["fingerprint"]
    refused = one_error_line(mqp("chair-key", "create", "--name", "X", "--key-file", str(key),
                                 "--passphrase-file", str(secret), db=False))
    assert "already a signing key" in refused and "--replace" in refused

    assert "holds no chair's signing key" in ok(mqp("chair-key", "show"))
    imported = ok(mqp("chair-key", "import", str(public)))
    assert record["fingerprint_groups"] in imported and "by phone" in imported
    assert "already holds this key" in ok(mqp("chair-key", "import", str(public)))
    shown = json.loads(ok(mqp("chair-key", "show", "--json")))
    assert [(k["fingerprint"], k["current"]) for k in shown] == [(record["fingerprint"], True)]

    other_key, other_public = tmp_path / "other.json", tmp_path / "other.mqpchairkey"
    ok(mqp("chair-key", "create", "--name", "Dr Helen Carter", "--key-file", str(other_key), "--out",
           str(other_public), "--passphrase-file", str(secret), db=False))
    assert "Replacing it is deliberate" in one_error_line(mqp("chair-key", "import", str(other_public)))
    replaced = ok(mqp("chair-key", "replace", str(other_public), "--reason", "New laptop"))
    assert "replaces the key" in replaced
    text = ok(mqp("chair-key", "show"))
    assert "[current]" in text and "replaced" in text and "New laptop" in text
    with Store.open(demo_db) as store:
        assert [c.action for c in store.history(entity="chair_key")] == ["imported", "replaced", "imported"]
    bad = tmp_path / "bad.mqpchairkey"
    bad.write_text("{NaN", encoding="utf-8")
    assert "not JSON" in one_error_line(mqp("chair-key", "import", str(bad)))


def test_the_chair_signs_the_approval_file_with_the_key_and_the_officer_imports_it(mqp, chair_files, tmp_path,
                                                                                   demo_db):
    key, public, secret = chair_files
    out_file = tmp_path / "for approval.mqpminutes"
    ok(mqp("minutes", "export-for-approval", "last", "--out", str(out_file)))
    signed = tmp_path / "signed.mqpminutes"
    said = ok(mqp("minutes", "respond", str(out_file), "--by", "Dr Helen Carter", "--out", str(signed),
                  "--key", str(key), "--passphrase-file", str(secret), db=False))
    assert "Signed with your key" in said
    # without the chair's key in the database, a signed file is refused; with it, imported
    refused = one_error_line(mqp("minutes", "import-approval", str(signed)))
    assert "does not hold" in refused and "mqp chair-key import" in refused
    ok(mqp("chair-key", "import", str(public)))
    assert "Signed from the approval file" in ok(mqp("minutes", "import-approval", str(signed)))
    meeting = json.loads(ok(mqp("minutes", "show", "last", "--json")))["meeting"]["id"]
    verified = ok(mqp("minutes", "verify", str(meeting)))
    assert "Signed with the chair's key of Dr Helen Carter" in verified and "covers the whole file" in verified
    pdf = tmp_path / "minutes.pdf"
    ok(mqp("export", "minutes", "last", "--out", str(pdf)))
    with Store.open(demo_db) as store:
        assert pdf.read_bytes() == store.minutes.signed_pdf(meeting)


def test_an_unsigned_response_is_refused_once_the_chairs_key_is_held(mqp, chair_files, tmp_path):
    _, public, _ = chair_files
    ok(mqp("chair-key", "import", str(public)))
    out_file = tmp_path / "for approval.mqpminutes"
    ok(mqp("minutes", "export-for-approval", "last", "--out", str(out_file)))
    said = ok(mqp("minutes", "respond", str(out_file), "--by", "Dr Helen Carter", db=False))
    assert "Not signed with a key" in said
    assert "no signature from the chair's key" in one_error_line(mqp("minutes", "import-approval", str(out_file)))


def test_sign_at_the_desk_says_plainly_when_there_is_no_cryptographic_signature(mqp):
    said = ok(mqp("minutes", "sign", "last", "--by", "Dr Helen Carter"))
    assert "NO cryptographic signature" in said and "--key FILE" in said
    assert "signed by name only" in ok(mqp("minutes", "verify", "last"))


def test_sign_at_the_desk_with_the_chairs_key_asks_for_the_passphrase(mqp, chair_files, monkeypatch, tmp_path):
    key, public, _ = chair_files
    ok(mqp("chair-key", "import", str(public)))
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "not the passphrase")
    wrong = one_error_line(mqp("minutes", "sign", "last", "--by", "Dr Helen Carter", "--key", str(key)))
    assert "not the passphrase" in wrong
    assert not json.loads(ok(mqp("minutes", "show", "last", "--json")))["locked"]
    asked = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": asked.append(prompt) or PASSPHRASE)
    said = ok(mqp("minutes", "sign", "last", "--by", "Dr Helen Carter", "--key", str(key)))
    assert "With the chair's key" in said and asked and "Dr Helen Carter" in asked[0]
    assert "at the officer's desk" in ok(mqp("minutes", "verify", "last"))
    missing = one_error_line(mqp("minutes", "sign", "last", "--by", "X", "--key", str(tmp_path / "none.json")))
    assert "There is no signing key" in missing


def test_create_asks_for_the_passphrase_twice(mqp, monkeypatch, tmp_path):
    answers = iter([PASSPHRASE, PASSPHRASE + "x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    key = tmp_path / "k.json"
    differ = one_error_line(mqp("chair-key", "create", "--name", "Dr Helen Carter", "--key-file", str(key), db=False))
    assert "differ" in differ and not key.exists()
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "short")
    assert "at least 10" in one_error_line(mqp("chair-key", "create", "--name", "Dr Helen Carter", "--key-file",
                                               str(key), db=False))

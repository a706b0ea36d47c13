"""The command line with an encrypted database, and the files it refuses or makes."""

from __future__ import annotations

import io
import json

import pytest
from sqlite_utils import Database

from mqp_desktop.cli import common, main
from mqp_desktop.cli import encryption as encryption_cli
from mqp_desktop.store.connection import FileKind, file_kind
from mqp_desktop.store.migrations import APPLICATION_ID, KNOWN_MIGRATIONS, migrations
from mqp_desktop.store.sqlite import driver

PASSWORD = "correct horse battery"
NEW = "staple in the drawer"


@pytest.fixture(autouse=True)
def no_password_in_the_environment(monkeypatch):
    monkeypatch.delenv("MQP_PASSWORD", raising=False)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "register.sqlite"


@pytest.fixture
def mqp(capsys, db):
    def run(*args: str):
        status = main(["--db", str(db), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture
def password_file(tmp_path):
    def make(text: str, name: str = "pw.txt"):
        path = tmp_path / name
        path.write_text(text + "\n", encoding="utf-8")
        return str(path)

    return make


def error_line(result) -> str:
    status, _out, err = result
    assert status == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mqp: error: "), err
    return lines[0]


@pytest.fixture
def encrypted(mqp, db, password_file):
    assert mqp("init")[0] == 0
    status, out, err = mqp("encrypt", "--new-password-file", password_file(PASSWORD))
    assert status == 0, err
    return db


def test_encrypt_from_a_password_file(encrypted, mqp):
    assert file_kind(encrypted) is FileKind.ENCRYPTED
    assert b"Monitoring, Quality" not in encrypted.read_bytes()


def test_every_command_takes_the_password_from_a_file_or_the_environment(encrypted, mqp, password_file,
                                                                         monkeypatch, capsys):
    pw = password_file(PASSWORD)
    status, out, _ = mqp("--password-file", pw, "members", "list", "--json")  # after the command
    assert status == 0 and len(json.loads(out)) > 0
    status = main(["--password-file", pw, "--db", str(encrypted), "info", "--json"])  # before it
    info = json.loads(capsys.readouterr().out)
    assert status == 0 and info["encrypted"] is True
    monkeypatch.setenv("MQP_PASSWORD", PASSWORD)
    status, out, _ = mqp("info")
    assert status == 0 and "yes: it opens only with its password" in out


def test_without_a_password_and_no_terminal_the_error_says_how_to_give_it(encrypted, mqp, monkeypatch):
    monkeypatch.setattr(common, "interactive", lambda: False)
    line = error_line(mqp("members", "list"))
    assert "is encrypted with a password" in line and "--password-file" in line and "MQP_PASSWORD" in line


def test_a_wrong_password_is_one_plain_line(encrypted, mqp, monkeypatch):
    monkeypatch.setenv("MQP_PASSWORD", "not the password")
    line = error_line(mqp("members", "list"))
    assert f"The password is not right for '{encrypted}'." in line


def test_in_a_terminal_the_password_is_asked_and_asked_again_when_wrong(encrypted, mqp, monkeypatch):
    answers = iter(["wrong once", "wrong twice", PASSWORD])
    asked = []
    monkeypatch.setattr(common, "interactive", lambda: True)
    monkeypatch.setattr(common.getpass, "getpass", lambda prompt: asked.append(prompt) or next(answers))
    status, out, err = mqp("members", "list")
    assert status == 0, err
    assert asked == [f"Password for {encrypted.name}: "] * 3
    assert err.count("The password is not right; try again.") == 2


def test_change_the_password_then_remove_it(encrypted, mqp, password_file, monkeypatch):
    old, new = password_file(PASSWORD, "old.txt"), password_file(NEW, "new.txt")
    status, out, err = mqp("--password-file", old, "password", "--new-password-file", new)
    assert status == 0, err
    assert "Changed the password" in out
    assert "wrong" not in err
    assert error_line(mqp("--password-file", old, "info"))
    status, out, err = mqp("--password-file", new, "decrypt")
    assert status == 0, err
    assert "anyone with the file can read it" in out
    assert file_kind(encrypted) is FileKind.PLAIN
    status, out, _ = mqp("history", "--entity", "database", "--json")
    assert [c["action"] for c in json.loads(out)] == ["decrypted", "password changed", "encrypted"]
    assert PASSWORD not in out and NEW not in out


def test_encrypt_typed_twice_in_a_terminal(mqp, db, monkeypatch):
    assert mqp("init")[0] == 0
    typed = iter(["short", "a good long password", "a good long passwrod", "a good long password",
                  "a good long password"])
    monkeypatch.setattr(encryption_cli, "interactive", lambda: True)
    monkeypatch.setattr(encryption_cli.getpass, "getpass", lambda prompt: next(typed))
    status, out, err = mqp("encrypt")
    assert status == 0, err
    assert "at least 8 characters" in err.lower() or "Use at least" in err
    assert "not the same" in err
    assert "cannot be recovered" in out and "not encrypted" in out  # older copies said
    monkeypatch.setenv("MQP_PASSWORD", "a good long password")
    assert mqp("info")[0] == 0


def test_encrypt_refuses_a_short_new_password_and_changes_nothing(mqp, db, password_file):
    assert mqp("init")[0] == 0
    line = error_line(mqp("encrypt", "--new-password-file", password_file("short")))
    assert "at least 8 characters" in line
    assert file_kind(db) is FileKind.PLAIN


def test_conversions_refuse_the_wrong_state(encrypted, mqp, password_file, tmp_path, capsys):
    pw = password_file(PASSWORD)
    assert "already encrypted" in error_line(mqp("--password-file", pw, "encrypt", "--new-password-file", pw))
    plain = tmp_path / "plain.sqlite"
    assert main(["--db", str(plain), "init"]) == 0
    capsys.readouterr()
    assert main(["--db", str(plain), "decrypt"]) == 1
    assert "not encrypted" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "none.sqlite"), "decrypt"]) == 1
    assert "There is no database" in capsys.readouterr().err


def test_an_empty_password_file_is_refused(encrypted, mqp, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert "is empty" in error_line(mqp("--password-file", str(empty), "info"))
    assert "could not be read" in error_line(mqp("--password-file", str(tmp_path / "missing.txt"), "info"))


# --- files refused or made ---------------------------------------------------------------------
def test_init_makes_a_database_in_a_zero_byte_file(mqp, db):
    db.write_bytes(b"")
    status, out, err = mqp("init", "--template", "blank")
    assert status == 0, err
    assert "in place of the empty file" in out
    status, out, _ = mqp("info", "--json")
    assert json.loads(out)["encrypted"] is False


def test_other_commands_refuse_a_zero_byte_file(mqp, db):
    db.write_bytes(b"")
    line = error_line(mqp("members", "list"))
    assert "is empty (0 bytes)" in line and "mqp init" in line
    assert db.stat().st_size == 0


def test_init_remakes_a_file_an_older_version_left_unfinished(mqp, db):
    conn = driver.connect(str(db), isolation_level=None)
    old = Database(conn)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(old, stop_before=KNOWN_MIGRATIONS[2])
    conn.close()
    line = error_line(mqp("members", "list"))
    assert "left unfinished" in line and "mqp init" in line
    status, out, err = mqp("init", "--template", "blank")
    assert status == 0, err
    assert "in place of the unfinished file" in out
    assert mqp("members", "list")[0] == 0


def test_init_refuses_another_programs_database_and_leaves_it(mqp, db):
    Database(db)["recipes"].insert({"title": "Soup"})
    before = db.read_bytes()
    line = error_line(mqp("init"))
    assert "not one made by MQ&P Desktop" in line and "recipes" in line
    assert db.read_bytes() == before


def test_init_on_an_encrypted_database_says_it_holds_a_subcommittee(encrypted, mqp, password_file):
    line = error_line(mqp("--password-file", password_file(PASSWORD), "init"))
    assert "already holds the subcommittee" in line


def test_the_demo_is_never_encrypted(mqp, db, monkeypatch):
    monkeypatch.setenv("MQP_PASSWORD", PASSWORD)
    status, _out, err = mqp("demo")
    assert status == 0, err
    assert file_kind(db) is FileKind.PLAIN


def test_help_documents_the_password_options(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert "--password-file" in text and "MQP_PASSWORD" in text and "encrypt|decrypt|password" in text
    assert main(["encrypt", "--help"]) == 0
    assert "--new-password-file" in capsys.readouterr().out


def test_a_plain_database_never_asks_for_a_password(mqp, db, monkeypatch):
    assert mqp("init")[0] == 0
    monkeypatch.setattr(common, "interactive", lambda: True)
    monkeypatch.setattr(common.getpass, "getpass", lambda prompt: pytest.fail("asked for a password"))
    assert mqp("members", "list")[0] == 0


def test_piped_input_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD))
    assert common.interactive() is False

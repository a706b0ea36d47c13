"""Starting the program: options, which database opens, start-up failures, the crash dialog."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from mqp_desktop import paths
from mqp_desktop.store import DatabaseCorrupt, DatabaseTooNew, StoreError
from mqp_desktop.ui import app as gui_app
from mqp_desktop.ui import errors
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def user_settings(tmp_path):
    """Point the default (user-scope) QSettings at a temporary folder."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return Settings()


@pytest.fixture
def choices(monkeypatch):
    """Record the start-up error box instead of showing it, and answer 'Quit'."""
    seen: list[tuple[StoreError, object]] = []

    def choose(exc, path, backup=None):
        seen.append((exc, path))
        return gui_app.QUIT

    monkeypatch.setattr(gui_app, "startup_failure_choice", choose)
    return seen


def test_db_and_demo_cannot_be_combined(capsys):
    with pytest.raises(SystemExit) as exit_info:
        gui_app.parse_args(["--db", "x.sqlite", "--demo"])
    assert exit_info.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_main_with_a_damaged_db_explains_and_exits_with_1(qapp, tmp_path, choices, user_settings):
    bad = tmp_path / "damaged.sqlite"
    bad.write_bytes(b"\x00garbage, not SQLite\x00" * 200)
    assert gui_app.main(["--db", str(bad)]) == 1
    assert len(choices) == 1
    exc, path = choices[0]
    assert isinstance(exc, DatabaseCorrupt) and path == bad
    assert "not an MQ&P database" in exc.problem and exc.remedy
    assert bad.read_bytes().startswith(b"\x00garbage"), "the file is left as it was"
    assert user_settings.last_database is None


def test_main_with_a_too_new_db_explains_and_exits_with_1(qapp, tmp_path, choices, user_settings):
    from mqp_desktop.store.seed import open_store

    path = tmp_path / "newer.sqlite"
    store = open_store(path)
    store.db.execute("PRAGMA user_version = 999")
    store.close()
    assert gui_app.main(["--db", str(path)]) == 1
    assert isinstance(choices[0][0], DatabaseTooNew)


def test_after_a_failure_the_officer_can_open_another_file(qapp, tmp_path, monkeypatch, demo_db, user_settings):
    bad = tmp_path / "damaged.sqlite"
    bad.write_bytes(b"not a database" * 100)
    monkeypatch.setattr(gui_app, "startup_failure_choice", lambda exc, path, backup=None: gui_app.OPEN)
    monkeypatch.setattr(gui_app, "choose_other_database", lambda choice, near: demo_db)
    args = gui_app.parse_args(["--db", str(bad)])
    store, demo = gui_app.open_at_startup(args, user_settings)
    try:
        assert store.path == demo_db and demo is False
    finally:
        store.close()


def test_start_up_prefers_the_last_database_then_the_default(qapp, tmp_path, user_settings):
    args = gui_app.parse_args([])
    assert gui_app.initial_database(args, user_settings) == (paths.default_database_path(), False)
    last = tmp_path / "last.sqlite"
    last.write_bytes(b"")
    user_settings.last_database = last
    assert gui_app.initial_database(args, user_settings) == (last, False)
    assert gui_app.missing_last_database(args, user_settings) is None
    last.unlink()
    assert gui_app.initial_database(args, user_settings) == (paths.default_database_path(), False)
    assert gui_app.missing_last_database(args, user_settings) == last
    assert gui_app.missing_last_database(gui_app.parse_args(["--demo"]), user_settings) is None
    assert gui_app.initial_database(gui_app.parse_args(["--demo"]), user_settings) == (
        paths.demo_database_path(), True)


def test_demo_start_makes_a_fresh_demo_database(qapp, user_settings):
    opened = gui_app.open_at_startup(gui_app.parse_args(["--demo"]), user_settings)
    assert opened is not None
    store, demo = opened
    try:
        assert demo and store.path == paths.demo_database_path()
        assert any(m.name for m in store.members())
    finally:
        store.close()


def test_setup_names_the_application_and_gives_it_an_icon(qapp):
    application = gui_app.setup_application()
    assert application is QApplication.instance()
    assert (application.organizationName(), application.applicationName()) == ("MQP", "MQP Desktop")
    assert not application.windowIcon().isNull()


# --- the crash reporter ------------------------------------------------------------------
def _raise(exc: BaseException):
    try:
        raise exc
    except BaseException:
        return sys.exc_info()


def test_excepthook_shows_store_errors_as_messages(qapp, monkeypatch, capsys):
    shown = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append(exc))
    monkeypatch.setattr(errors.CrashDialog, "exec", lambda self: pytest.fail("no crash dialog for a store error"))
    exc_info = _raise(DatabaseCorrupt("damaged", "open a backup"))
    errors.excepthook(*exc_info)
    assert shown == [exc_info[1]]


def test_excepthook_shows_bugs_in_a_crash_dialog_with_a_copyable_report(qapp, monkeypatch, capsys):
    reports = []

    def fake_exec(dialog):
        dialog.copy_report()
        reports.append(dialog.report.toPlainText())
        return 0

    monkeypatch.setattr(errors.CrashDialog, "exec", fake_exec)
    errors.excepthook(*_raise(ZeroDivisionError("a bug")))
    assert len(reports) == 1
    assert "ZeroDivisionError: a bug" in reports[0] and "MQ&P Desktop" in reports[0]
    assert QApplication.clipboard().text() == reports[0]
    assert "ZeroDivisionError" in capsys.readouterr().err

"""The first run's welcome: offered once, each way to start does what it says (issue 14, point 6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop import paths
from mqp_desktop.store.seed import open_store
from mqp_desktop.ui import app as gui_app
from mqp_desktop.ui.dialogs import welcome_dialog
from mqp_desktop.ui.dialogs.welcome_dialog import WelcomeDialog
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def user_settings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return Settings()


@pytest.fixture
def answers(monkeypatch, qtbot):
    """Answer the welcome by clicking, in turn, the buttons named in the list the test fills."""
    clicks: list[str] = []
    shown: list[WelcomeDialog] = []

    def exec_(self):
        qtbot.addWidget(self)
        self.show()
        shown.append(self)
        name = clicks.pop(0)
        if name == "quit":
            qtbot.mouseClick(self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
        else:
            qtbot.mouseClick(getattr(self.ui, f"{name}Button"), Qt.MouseButton.LeftButton)
        return self.result()

    monkeypatch.setattr(welcome_dialog.WelcomeDialog, "exec", exec_)
    return clicks, shown


def test_first_run_only_when_nothing_was_opened_or_named(qapp, user_settings, tmp_path):
    assert gui_app.first_run(gui_app.parse_args([]), user_settings)
    for argv in (["--demo"], ["--db", str(tmp_path / "x.sqlite")], ["--check-install"]):
        assert not gui_app.first_run(gui_app.parse_args(argv), user_settings), argv
    user_settings.last_database = tmp_path / "gone.sqlite"  # used before (even if gone): not a first run
    assert not gui_app.first_run(gui_app.parse_args([]), user_settings)
    user_settings.last_database = None
    user_settings.welcomed = True
    assert not gui_app.first_run(gui_app.parse_args([]), user_settings)


def test_an_existing_default_database_is_not_a_first_run(qapp, user_settings):
    open_store(paths.default_database_path()).close()
    assert not gui_app.first_run(gui_app.parse_args([]), user_settings)


def test_the_template_makes_the_default_database_from_the_terms_of_reference(qapp, user_settings, answers):
    answers[0].append("template")
    args = gui_app.welcome(gui_app.parse_args([]), user_settings)
    assert args is not None and args.db is None and not args.demo
    store = open_store(paths.default_database_path())
    try:
        assert "Monitoring" in store.subcommittee().name and len(store.agencies()) > 5
    finally:
        store.close()
    assert user_settings.welcomed


def test_blank_makes_an_empty_subcommittee(qapp, user_settings, answers):
    answers[0].append("blank")
    assert gui_app.welcome(gui_app.parse_args([]), user_settings) is not None
    store = open_store(paths.default_database_path())
    try:
        assert store.agencies() == [] and store.members() == []
    finally:
        store.close()
    assert user_settings.welcomed


def test_the_demonstration_leaves_the_welcome_for_next_time(qapp, user_settings, answers):
    answers[0].append("demo")
    args = gui_app.welcome(gui_app.parse_args([]), user_settings)
    assert args.demo
    assert not paths.default_database_path().exists()  # the user's own database is still to be made
    assert not user_settings.welcomed and gui_app.first_run(gui_app.parse_args([]), user_settings)


def test_open_a_file_and_cancel_the_file_dialog_goes_back(qapp, user_settings, answers, monkeypatch, demo_db):
    chosen = iter([None, demo_db])  # cancelled once, then a file
    monkeypatch.setattr(gui_app, "choose_other_database", lambda choice, near: next(chosen))
    answers[0].extend(["open", "open"])
    args = gui_app.welcome(gui_app.parse_args([]), user_settings)
    assert len(answers[1]) == 2  # the welcome was shown again after the cancelled file dialog
    assert args.db == demo_db and user_settings.welcomed
    assert not paths.default_database_path().exists()


def test_quit_quits_and_changes_nothing(qapp, user_settings, answers):
    answers[0].append("quit")
    assert gui_app.main([]) == 0
    assert not paths.default_database_path().exists() and not user_settings.welcomed


def test_the_welcome_fits_a_laptop_screen(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= min(screen.height(), 768)
    assert dialog.frameGeometry().width() <= min(screen.width(), 1366)
    assert dialog.ui.templateButton.isDefault()

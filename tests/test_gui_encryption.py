"""The database's password in the real window: asked on opening; encrypt, change, remove from File."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mqp_desktop.store import PasswordNeeded, Store, encryption, seed
from mqp_desktop.store.connection import FileKind, file_kind
from mqp_desktop.store.sqlite import driver
from mqp_desktop.ui import app as gui_app
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.password_dialogs import NOT_RIGHT, PasswordChangeDialog, PasswordDialog
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings

PASSWORD = "correct horse battery"
NEW = "staple in the drawer"


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append((title, str(exc))))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


def make_window(qtbot, store, settings, **kwargs) -> MainWindow:
    w = MainWindow(store, settings=settings, **kwargs)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, demo_db, settings, shown_errors):
    w = make_window(qtbot, Store.open(demo_db), settings)
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def locked_file(tmp_path):
    """Another database, encrypted with PASSWORD."""
    path = tmp_path / "other.sqlite"
    seed.open_store(path, template="blank").close()
    encryption.encrypt(path, PASSWORD)
    return path


def file_menu_action(window: MainWindow, text: str):
    file_menu = window.menuBar().actions()[0].menu()
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def click_ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def member_names(store: Store) -> list[str]:
    return [m.name for m in store.members() if m.name]


# --- opening -----------------------------------------------------------------------------------
def test_opening_an_encrypted_file_asks_for_the_password_wrong_then_right(window, locked_file, demo_db, settings,
                                                                           monkeypatch):
    monkeypatch.setattr(window, "choose_database_to_open", lambda: locked_file)
    window.open_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, PasswordDialog) and dialog.isVisible()
    assert dialog.ui.passwordEdit.echoMode() == dialog.ui.passwordEdit.EchoMode.Password
    assert window.store.path == demo_db, "nothing changes until the password is right"

    dialog.ui.passwordEdit.setText("Correct horse battery")
    click_ok(dialog)
    assert dialog.isVisible(), "a wrong password keeps the dialog open"
    assert dialog.errors.message == NOT_RIGHT and dialog.errors.field == "password"
    assert dialog.ui.passwordEdit.text() == "", "emptied, ready to type again"
    assert window.store.path == demo_db

    dialog.ui.passwordEdit.setText(PASSWORD)
    click_ok(dialog)
    assert not dialog.isVisible()
    assert window.store.path == locked_file and window.store.encrypted
    assert window.encryption.status_label.isVisible()
    assert "<b>Encrypted:</b> yes" in window.about_text()
    assert not window.encryption.encrypt_action.isEnabled()
    assert window.encryption.change_password_action.isEnabled()
    settings.sync()
    text = Path(settings.qsettings.fileName()).read_text(encoding="utf-8")
    assert str(locked_file) in text and PASSWORD not in text, "the file is remembered, never its password"


def test_cancel_leaves_the_window_as_if_the_file_was_not_chosen(window, locked_file, demo_db, settings, monkeypatch):
    recent_before = settings.recent_databases
    monkeypatch.setattr(window, "choose_database_to_open", lambda: locked_file)
    window.open_action.trigger()
    dialog = window.active_dialog
    dialog.ui.passwordEdit.setText("half typed")
    dialog.reject()
    assert window.store.path == demo_db and not window.store.encrypted
    assert settings.recent_databases == recent_before
    assert member_names(window.store), "the open database still works"


def test_open_recent_asks_for_the_password_too(window, locked_file, settings):
    settings.add_recent_database(locked_file)
    window._fill_recent_menu()
    action = next(a for a in window.recent_database_actions() if a.data() == str(locked_file.resolve()))
    action.trigger()
    assert isinstance(window.active_dialog, PasswordDialog)
    window.active_dialog.ui.passwordEdit.setText(PASSWORD)
    click_ok(window.active_dialog)
    assert window.store.path.resolve() == locked_file.resolve() and window.store.encrypted


def test_start_up_asks_for_the_password_and_cancel_offers_another_file(qapp, qtbot, locked_file, settings,
                                                                      monkeypatch):
    typed = iter(["wrong password", PASSWORD])
    seen_errors: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PasswordDialog):
            QTimer.singleShot(20, answer)
            return
        if dialog.errors.message:
            seen_errors.append(dialog.errors.message)
        text = next(typed, None)
        if text is None:
            return
        dialog.ui.passwordEdit.setText(text)
        click_ok(dialog)
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    args = gui_app.parse_args(["--db", str(locked_file)])
    opened = gui_app.open_at_startup(args, settings)
    assert opened is not None
    store, demo = opened
    try:
        assert store.encrypted and store.path == locked_file and not demo
    finally:
        store.close()
    assert seen_errors == [NOT_RIGHT]

    choices = []
    monkeypatch.setattr(gui_app, "startup_failure_choice", lambda exc, path: choices.append(exc) or gui_app.QUIT)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PasswordDialog):
            dialog.reject()
        else:
            QTimer.singleShot(20, cancel)

    QTimer.singleShot(20, cancel)
    assert gui_app.open_at_startup(args, settings) is None
    assert len(choices) == 1 and isinstance(choices[0], PasswordNeeded)


# --- converting from the File menu -------------------------------------------------------------
def test_encrypting_from_the_file_menu(window, demo_db, qtbot, shown_errors):
    people = member_names(window.store)
    file_menu_action(window, "Encrypt with a password…").trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, PasswordChangeDialog)
    assert "cannot be recovered" in dialog.ui.warningLabel.text()
    assert "not encrypted" in dialog.ui.explanationLabel.text()  # older copies
    assert not dialog.ui.currentEdit.isVisible()

    dialog.ui.newEdit.setText(PASSWORD)
    dialog.ui.againEdit.setText(PASSWORD + "!")
    click_ok(dialog)
    assert dialog.isVisible() and dialog.errors.field == "password_again"
    dialog.ui.againEdit.setText(PASSWORD)
    click_ok(dialog)
    assert dialog.isVisible() and dialog.errors.field == "safe", "the password must be kept safe first"
    dialog.ui.safeCheck.setChecked(True)
    click_ok(dialog)
    assert not dialog.isVisible()
    assert window.encryption.job is not None and window.encryption.progress is not None
    qtbot.waitUntil(lambda: window.encryption.job is None, timeout=60_000)
    assert window.encryption.last_outcome == "done" and not shown_errors

    assert window.store.encrypted and window.store.key == PASSWORD
    assert file_kind(demo_db) is FileKind.ENCRYPTED
    data = demo_db.read_bytes()
    assert people and not any(name.encode() in data for name in people)
    assert member_names(window.store) == people
    assert "encrypted" in window.statusBar().currentMessage()
    assert window.encryption.status_label.isVisible()
    assert window.store.history(limit=1)[0].action == "encrypted"


def test_changing_then_removing_the_password_from_the_file_menu(qtbot, demo_db, settings, shown_errors):
    encryption.encrypt(demo_db, PASSWORD)
    window = make_window(qtbot, Store.open(demo_db, key=PASSWORD), settings)
    try:
        file_menu_action(window, "Change password…").trigger()
        dialog = window.active_dialog
        dialog.ui.currentEdit.setText("not the password")
        dialog.ui.newEdit.setText(NEW)
        dialog.ui.againEdit.setText(NEW)
        dialog.ui.safeCheck.setChecked(True)
        click_ok(dialog)
        assert dialog.isVisible() and dialog.errors.field == "current"
        dialog.ui.currentEdit.setText(PASSWORD)
        click_ok(dialog)
        qtbot.waitUntil(lambda: window.encryption.job is None, timeout=60_000)
        assert window.encryption.last_outcome == "done", shown_errors
        assert window.store.key == NEW
        with Store.open(demo_db, key=NEW) as again:
            assert again.history(limit=1)[0].action == "password changed"

        file_menu_action(window, "Remove password…").trigger()
        dialog = window.active_dialog
        assert "anyone who has the file" in dialog.ui.explanationLabel.text()
        assert not dialog.ui.newEdit.isVisible() and not dialog.ui.safeCheck.isVisible()
        dialog.ui.currentEdit.setText(NEW)
        click_ok(dialog)
        qtbot.waitUntil(lambda: window.encryption.job is None, timeout=60_000)
        assert window.encryption.last_outcome == "done", shown_errors
        assert not window.store.encrypted and file_kind(demo_db) is FileKind.PLAIN
        assert not window.encryption.status_label.isVisible()
        assert window.encryption.encrypt_action.isEnabled()
    finally:
        if window.store is not None:
            window.store.close()


def test_a_file_open_elsewhere_is_not_converted_and_stays_open_here(window, demo_db, qtbot, shown_errors):
    other = driver.connect(str(demo_db))
    other.execute("SELECT count(*) FROM member").fetchall()
    try:
        file_menu_action(window, "Encrypt with a password…").trigger()
        dialog = window.active_dialog
        dialog.ui.newEdit.setText(PASSWORD)
        dialog.ui.againEdit.setText(PASSWORD)
        dialog.ui.safeCheck.setChecked(True)
        click_ok(dialog)
        qtbot.waitUntil(lambda: window.encryption.job is None, timeout=60_000)
    finally:
        other.close()
    assert window.encryption.last_outcome == "failed"
    assert any("open in another copy" in message for _title, message in shown_errors)
    assert not window.store.encrypted and file_kind(demo_db) is FileKind.PLAIN
    assert member_names(window.store), "the window has its database open again"


def test_cancelling_a_conversion_changes_nothing(window, demo_db, qtbot, monkeypatch):
    original = encryption.encrypt

    def encrypt_cancelled(path, key, *, progress=None, cancelled=None):
        return original(path, key, progress=progress, cancelled=lambda: True)

    monkeypatch.setattr(encryption, "encrypt", encrypt_cancelled)
    file_menu_action(window, "Encrypt with a password…").trigger()
    dialog = window.active_dialog
    dialog.ui.newEdit.setText(PASSWORD)
    dialog.ui.againEdit.setText(PASSWORD)
    dialog.ui.safeCheck.setChecked(True)
    click_ok(dialog)
    qtbot.waitUntil(lambda: window.encryption.job is None, timeout=60_000)
    assert window.encryption.last_outcome == "cancelled"
    assert "nothing was changed" in window.statusBar().currentMessage()
    assert not window.store.encrypted and file_kind(demo_db) is FileKind.PLAIN


def test_the_demo_stays_unencrypted(qtbot, demo_db, settings):
    window = make_window(qtbot, Store.open(demo_db), settings, demo=True)
    try:
        for action in window.encryption.actions:
            assert not action.isEnabled()
        assert "demonstration database stays unencrypted" in window.encryption.encrypt_action.statusTip()
        window.encryption.encrypt()
        assert window.active_dialog is None
    finally:
        window.store.close()


def test_backups_pause_during_a_conversion_and_the_next_one_is_encrypted(window, demo_db, qtbot, shown_errors):
    """With automatic backups on: the timer is stopped while the file is converted, and the backup
    taken on reopening is encrypted with the database's password."""
    from mqp_desktop.store.backup_settings import backup_settings
    from mqp_desktop.store.backups import list_backups

    controller = window.backups
    with qtbot.waitSignal(controller.backed_up, timeout=20000):
        controller.start_automatic()
    qtbot.waitUntil(lambda: controller.job is None, timeout=20000)
    folder = backup_settings(demo_db, claim=False).folder
    (before, _name), = list_backups(folder, demo_db.stem)

    file_menu_action(window, "Encrypt with a password…").trigger()
    dialog = window.active_dialog
    dialog.ui.newEdit.setText(PASSWORD)
    dialog.ui.againEdit.setText(PASSWORD)
    dialog.ui.safeCheck.setChecked(True)
    click_ok(dialog)
    assert not controller.timer.isActive(), "no automatic backup while the file is converted"
    qtbot.waitUntil(lambda: window.encryption.job is None, timeout=60_000)
    qtbot.waitUntil(lambda: controller.job is None, timeout=20000)
    assert window.encryption.last_outcome == "done", shown_errors
    assert controller.timer.isActive()
    backups = [path for path, _name in list_backups(folder, demo_db.stem)]
    newer = [p for p in backups if p != before]
    assert newer and all(file_kind(p) is FileKind.ENCRYPTED for p in newer)
    # The plain backup of the same day is rotated away (one automatic backup kept a day); one of an
    # earlier day would stay, plain, which is what the Encrypt dialog warns about.
    assert not before.exists() or file_kind(before) is FileKind.PLAIN
    controller.shutdown()


def test_the_start_up_password_is_asked_over_the_window_frame(qapp, locked_file, tmp_path, monkeypatch, capsys):
    """The real start-up (the hidden --startup-probe runs it to the end and closes): the window's frame is on
    screen first, the password dialog is its child (so it shows over it), and the right password opens the file
    in the window."""
    from PySide6.QtCore import QSettings

    from mqp_desktop.ui.main_window import MainWindow

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "user-settings"))
    monkeypatch.setattr(gui_app, "first_run", lambda args, settings: False)
    asked = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PasswordDialog):
            QTimer.singleShot(20, answer)
            return
        asked.append(dialog.parent())
        dialog.ui.passwordEdit.setText(PASSWORD)
        click_ok(dialog)

    QTimer.singleShot(20, answer)
    assert gui_app.main(["--db", str(locked_file), "--startup-probe"]) == 0
    assert len(asked) == 1 and isinstance(asked[0], MainWindow)
    assert '"first_paint"' in capsys.readouterr().out

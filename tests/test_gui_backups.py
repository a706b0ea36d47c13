"""Backups through the real window: Back up now, Restore…, the full check, Backup settings, automatic
backups, and the cannot-open dialog offering the newest good backup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from mqp_desktop.domain.backups import BackupKind
from mqp_desktop.domain.model import Member
from mqp_desktop.store import DatabaseCorrupt, Store
from mqp_desktop.store import backups as b
from mqp_desktop.store.backup_settings import backup_settings
from mqp_desktop.ui import app as gui_app
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.backup_dialogs import BackupSettingsDialog, RestoreDialog
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings

YESTERDAY = dt.datetime.now() - dt.timedelta(days=1)


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append((title, str(exc))))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.backups.shutdown()
    if w.store is not None:
        w.store.close()


def folder_of(path: Path) -> Path:
    return backup_settings(path, claim=False).folder


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.backups.job is None, timeout=20000)


def button(box: QMessageBox, starts: str):
    return next(btn for btn in box.buttons() if btn.text().replace("&", "").startswith(starts))


def add_member(store: Store, name: str) -> None:
    agency = store.agencies()[0]
    store.add_member(Member(name=name, role_title="Designated Nurse", agency_id=agency.id))


def names(store: Store) -> set[str]:
    return {m.name for m in store.members() if m.name}


def damage(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.seek(4096 * 3)
        fh.write(b"\xa5" * 4096 * 8)


def test_the_file_menu_has_the_backup_actions(window):
    texts = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    for text in ("Back up now", "Restore from a backup…", "Check the database…", "Backup settings…"):
        assert text in texts
    assert window.backups.back_up_action.shortcut().toString() == "Ctrl+Shift+B"


def test_back_up_now_takes_a_checked_backup_off_the_main_thread(qtbot, window, demo_db):
    with qtbot.waitSignal(window.backups.backed_up, timeout=20000) as signal:
        window.backups.back_up_action.trigger()
        assert window.backups.job is not None and not window.backups.back_up_action.isEnabled()
    wait_idle(qtbot, window)
    result = signal.args[0]
    assert result.path.parent == folder_of(demo_db) and result.name.kind is BackupKind.MANUAL
    assert b.inspect_backup(result.path, None, check="full").good
    box = window.backups.active_message
    assert box is not None and box.windowTitle() == "Backed up" and result.path.name in box.text()
    assert "Backed up at" in window.statusBar().currentMessage()
    assert window.backups.back_up_action.isEnabled()


def test_restore_lists_the_backups_with_what_they_hold_and_restores_the_chosen_one(qtbot, window, demo_db):
    store = window.store
    older = b.back_up_file(demo_db, key=None, kind=BackupKind.AUTOMATIC, now=YESTERDAY - dt.timedelta(days=1))
    add_member(store, "Only in the newer backup")
    newer = b.back_up_file(demo_db, key=None, kind=BackupKind.AUTOMATIC, now=YESTERDAY)
    add_member(store, "Added since")

    window.backups.restore_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitUntil(lambda: all(r.info is not None for r in dialog.model.rows()), timeout=20000)
    rows = dialog.model.rows()
    assert [r.path for r in rows] == [newer.path, older.path]
    model = dialog.model
    assert model.index(0, model.COL_TAKEN).data() == f"yesterday at {YESTERDAY:%H:%M}"
    assert model.index(0, model.COL_CHECK).data() == "good"
    members_then = rows[1].info.members
    assert int(model.index(0, model.COL_MEMBERS).data()) == members_then + 1
    assert model.index(0, model.COL_LAST).data().endswith("Member added: Only in the newer backup (Designated Nurse, "
                                                          f"{store.agencies()[0].label})")
    assert "Only in the newer backup" in dialog.ui.detailsLabel.text()

    dialog.select_row(1)
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, qtbot_button())
    confirm = window.backups.active_message
    assert confirm is not None and "yesterday" not in confirm.text()  # the older one: a date
    assert f"{(YESTERDAY - dt.timedelta(days=1)):%d/%m/%Y}" in confirm.text()
    with qtbot.waitSignal(window.backups.restored, timeout=20000) as signal:
        button(confirm, "Restore").click()
    wait_idle(qtbot, window)
    prepared = signal.args[0]
    assert window.store is not store and window.store.path == demo_db
    assert "Only in the newer backup" not in names(window.store) and "Added since" not in names(window.store)
    assert window.store.history(limit=1)[0].action == "restored"
    assert prepared.before is not None and prepared.before.name.kind is BackupKind.BEFORE_RESTORE
    with Store.open(prepared.before.path) as before:
        assert {"Only in the newer backup", "Added since"} <= names(before)
    assert window.backups.active_message.windowTitle() == "Restored"
    assert prepared.before.path.name in window.backups.active_message.informativeText()


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_damaged_backup_cannot_be_chosen(qtbot, window, demo_db):
    backup = b.back_up_file(demo_db, key=None, kind=BackupKind.AUTOMATIC, now=YESTERDAY)
    damage(backup.path)
    window.backups.restore_action.trigger()
    dialog = window.active_dialog
    qtbot.waitUntil(lambda: all(r.info is not None for r in dialog.model.rows()), timeout=20000)
    assert dialog.model.index(0, dialog.model.COL_CHECK).data() == "damaged"
    assert not dialog.restore_button.isEnabled()
    assert "Cannot be restored" in dialog.ui.detailsLabel.text()
    dialog.reject()


def test_the_full_check_says_no_problems_in_words(qtbot, window):
    with qtbot.waitSignal(window.backups.checked, timeout=20000) as signal:
        window.backups.check_action.trigger()
    wait_idle(qtbot, window)
    assert signal.args[0].ok and signal.args[0].full
    box = window.backups.active_message
    assert box.text() == "No problems found." and "integrity" not in box.text()
    assert box.informativeText().startswith("The full check (every page, every index, and every reference")


def test_a_damaged_database_is_no_longer_written_and_its_newest_good_backup_is_offered(qtbot, window, demo_db,
                                                                                       shown_errors):
    backup = b.back_up_file(demo_db, key=None, kind=BackupKind.AUTOMATIC, now=YESTERDAY)
    window.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(demo_db)
    window.backups.check_action.trigger()
    qtbot.waitUntil(lambda: window.backups.active_message is not None
                    and window.backups.active_message.windowTitle() == "The database is damaged", timeout=20000)
    wait_idle(qtbot, window)
    box = window.backups.active_message
    offer = button(box, "Restore the newest good backup")
    assert f"yesterday at {YESTERDAY:%H:%M}" in offer.text()
    assert window.store.damaged is not None
    with pytest.raises(DatabaseCorrupt):
        add_member(window.store, "Never written")
    assert not window.backups.back_up_action.isEnabled() or window.store.damaged is not None
    with qtbot.waitSignal(window.backups.restored, timeout=20000) as signal:
        offer.click()
    wait_idle(qtbot, window)
    prepared = signal.args[0]
    assert prepared.backup.path == backup.path and prepared.damaged_copy is not None
    assert window.store.damaged is None and b.check_database(demo_db, None, full=True).ok
    assert window.store.history(limit=1)[0].action == "restored"


def test_automatic_backups_on_opening_and_once_a_day(qtbot, window, demo_db):
    controller = window.backups
    day = dt.datetime(2026, 12, 6, 9, 0)
    controller.clock = lambda: day
    with qtbot.waitSignal(controller.backed_up, timeout=20000):
        controller.start_automatic()
    wait_idle(qtbot, window)
    assert controller.timer.isActive()
    first = b.list_backups(folder_of(demo_db), demo_db.stem)
    assert [n.kind for _p, n in first] == [BackupKind.AUTOMATIC]
    assert controller.active_message is None, "an automatic backup does not interrupt"
    controller.daily_check()
    assert controller.job is None, "not due: one was taken today"
    day = dt.datetime(2026, 12, 7, 0, 5)
    with qtbot.waitSignal(controller.backed_up, timeout=20000):
        controller.daily_check()
    wait_idle(qtbot, window)
    assert len(b.list_backups(folder_of(demo_db), demo_db.stem)) == 2


def test_the_demo_database_is_never_backed_up(qtbot, demo_db, tmp_path, shown_errors):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"), demo=True)
    qtbot.addWidget(w)
    w.backups.start_automatic()
    assert w.backups.job is None
    assert not w.backups.back_up_action.isEnabled() and not w.backups.restore_action.isEnabled()
    assert "demonstration database is not backed up" in w.backups.back_up_action.toolTip()
    assert b.list_backups(folder_of(demo_db), demo_db.stem) == []
    w.backups.shutdown()
    w.store.close()


def test_backup_settings_change_the_folder_the_command_line_uses(qtbot, window, demo_db, tmp_path):
    window.backups.settings_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, BackupSettingsDialog)
    assert Path(dialog.ui.folderEdit.text()) == folder_of(demo_db)
    chosen = tmp_path / "my backups"
    dialog.choose_folder = lambda: chosen
    dialog.ui.browseButton.click()
    dialog.ui.dailySpin.setValue(30)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    settings = backup_settings(demo_db)
    assert settings.folder == chosen and settings.keep_daily == 30 and settings.keep_monthly == 12
    window.backups.settings_action.trigger()
    dialog = window.active_dialog
    dialog.ui.folderEdit.setText(str(demo_db.parent))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.errors.field == "folder"
    assert "other than the database's own" in dialog.errors.message
    dialog.ui.defaultButton.click()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not backup_settings(demo_db).custom


def test_opening_a_damaged_file_offers_its_newest_good_backup(qtbot, window, tmp_path):
    from mqp_desktop.store.seed import create_demo_database

    other = tmp_path / "other.sqlite"
    create_demo_database(other).close()
    backup = b.back_up_file(other, key=None, kind=BackupKind.AUTOMATIC, now=YESTERDAY)
    damage(other)
    assert window.open_database(other) is False
    qtbot.waitUntil(lambda: window.backups.active_message is not None, timeout=20000)
    wait_idle(qtbot, window)
    box = window.backups.active_message
    button(box, "Restore the newest good backup").click()
    qtbot.waitUntil(lambda: window.store.path == other, timeout=20000)
    wait_idle(qtbot, window)
    assert window.store.history(limit=1)[0].action == "restored"
    assert backup.path.name in window.store.history(limit=1)[0].summary


# --- the start-up dialog -------------------------------------------------------------------------
@pytest.fixture
def user_settings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return Settings()


def damaged_with_backup(tmp_path) -> tuple[Path, b.BackupResult]:
    from mqp_desktop.store.seed import create_demo_database

    path = tmp_path / "mqp.sqlite"
    create_demo_database(path).close()
    backup = b.back_up_file(path, key=None, kind=BackupKind.AUTOMATIC, now=YESTERDAY)
    damage(path)
    return path, backup


def test_the_cannot_open_dialog_offers_the_newest_good_backup(qtbot, qapp, tmp_path):
    path, backup = damaged_with_backup(tmp_path)
    try:
        Store.open(path)
    except DatabaseCorrupt as exc:
        error = exc
    newest = gui_app.restorable_backup(error, path)
    assert newest is not None and newest.path == backup.path
    box, choices = gui_app.startup_failure_box(error, path, newest)
    qtbot.addWidget(box)
    offer = button(box, "Restore the newest good backup")
    assert f"yesterday at {YESTERDAY:%H:%M}" in offer.text()
    assert box.defaultButton() is offer
    assert "members" in box.informativeText() and "copies the damaged file aside" in box.informativeText()

    def click_offer():
        modal = QApplication.activeModalWidget()
        button(modal, "Restore the newest good backup").click()

    QTimer.singleShot(0, click_offer)
    assert gui_app.startup_failure_choice(error, path, newest) == gui_app.RESTORE
    plain_box, plain_choices = gui_app.startup_failure_box(error, path, None)
    qtbot.addWidget(plain_box)
    assert gui_app.RESTORE not in plain_choices.values()


def test_restoring_from_the_cannot_open_dialog_opens_the_restored_database(qapp, tmp_path, monkeypatch,
                                                                           user_settings):
    path, backup = damaged_with_backup(tmp_path)
    offered, told = [], []

    def choose(exc, p, backup=None):
        offered.append(backup)
        return gui_app.RESTORE

    monkeypatch.setattr(gui_app, "startup_failure_choice", choose)
    monkeypatch.setattr(gui_app, "tell_restored", told.append)
    store, demo = gui_app.open_at_startup(gui_app.parse_args(["--db", str(path)]), user_settings)
    try:
        assert offered[0].path == backup.path and not demo
        assert store.history(limit=1)[0].action == "restored"
        assert told[0].damaged_copy is not None and told[0].damaged_copy.exists()
    finally:
        store.close()


def test_restore_another_file_says_when_it_is_of_another_database(qtbot, window, demo_db, tmp_path):
    from mqp_desktop.store.seed import open_store

    other = tmp_path / "old laptop.sqlite"
    with open_store(other) as store:
        add_member(store, "From the old laptop")
    usb = tmp_path / "usb"
    kept = b.back_up_file(other, key=None, folder=usb, settings=backup_settings(other), now=YESTERDAY)
    window.backups.restore_action.trigger()
    dialog = window.active_dialog
    window.backups.choose_backup_file = lambda: kept.path
    dialog.ui.otherFileButton.click()
    confirm = window.backups.active_message
    assert "backup of another database" in confirm.informativeText()
    with qtbot.waitSignal(window.backups.restored, timeout=20000):
        button(confirm, "Restore").click()
    wait_idle(qtbot, window)
    assert names(window.store) == {"From the old laptop"} and window.store.path == demo_db


def test_the_backups_model_passes_the_model_tester(qtmodeltester, demo_db):
    from mqp_desktop.ui.backups_models import BackupRow, BackupsTableModel

    good = b.back_up_file(demo_db, key=None, kind=BackupKind.AUTOMATIC, now=YESTERDAY)
    damaged = b.back_up_file(demo_db, key=None, kind=BackupKind.MANUAL, now=YESTERDAY - dt.timedelta(days=3))
    damage(damaged.path)
    model = BackupsTableModel(now=YESTERDAY + dt.timedelta(days=1))
    rows = [BackupRow(path=r.path, name=r.name, size=r.size) for r in (good, damaged)]
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, model.COL_CHECK).data() == "checking…"
    for row, result in enumerate((good, damaged)):
        model.set_info(row, b.inspect_backup(result.path, None, check="full"))
    qtmodeltester.check(model)
    assert [model.index(r, model.COL_CHECK).data() for r in range(2)] == ["good", "damaged"]
    assert model.index(1, model.COL_KIND).data() == "taken by you"

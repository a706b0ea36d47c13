"""The chair's key through the real windows (issue 10): the chair makes a key in the approval window,
exports its public half, the officer imports it in the main window (fingerprint shown to compare by
phone), the chair approves and signs (passphrase asked), the officer imports the signed response;
verify, the lock banner and the exported PDF say it was signed with the key. Also: the approval
window fits a 1366x768 screen at 150% scaling, and leaves no review PDF behind.

File choosers and the passphrase prompt are replaced on the windows, as the other GUI tests do."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from mqp_desktop.domain import chair_key as ck
from mqp_desktop.domain.pdf_signature import check_pdf_signature
from mqp_desktop.domain.signoff import read_approval_file
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import approval_window as approval_module
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.approval_window import ApprovalWindow, clean_review_leftovers
from mqp_desktop.ui.dialogs.chair_key_dialogs import ChairKeyCreateDialog, ChairKeyDialog
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings

PASSPHRASE = "my long chair passphrase"


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(errors, "show_store_error", lambda parent, exc, title="": shown.append((title, str(exc), "")))
    monkeypatch.setattr(errors, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem, remedy)))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem, remedy)))
    return shown


@pytest.fixture
def private_temp(tmp_path, monkeypatch):
    """The temp folder the review PDFs go in, for this test alone."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors, private_temp):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.meetings.minutes.dirty = False
    if w.store is not None:
        w.store.close()


def draft_meeting(store) -> int:
    return next(m.id for m in reversed(store.meetings.list())
                if (r := store.minutes.revision(m.id)) is not None and r.status == "draft")


def export_for_chair(window, monkeypatch, tmp_path) -> Path:
    mid = draft_meeting(window.store)
    window.show_page(window.PAGE_MEETINGS)
    assert window.meetings.page.select_meeting(mid)
    c = window.meetings.minutes
    c.open_action.trigger()
    out = tmp_path / "for approval.mqpminutes"
    monkeypatch.setattr(c, "choose_approval_export_file", lambda: out)
    c.export_approval_action.trigger()
    assert out.is_file()
    return out


def chair_window(qtbot, path: Path, key_path: Path) -> ApprovalWindow:
    chair = ApprovalWindow(path, key_path=key_path)
    qtbot.addWidget(chair)
    chair.show()
    qtbot.waitExposed(chair)
    return chair


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_chair_makes_a_key_the_officer_imports_it_and_a_signed_approval_goes_in(
        qtbot, window, monkeypatch, tmp_path, shown_errors):
    store = window.store
    exported = export_for_chair(window, monkeypatch, tmp_path)
    mid = read_approval_file(exported).meeting_id
    key_path = tmp_path / "chair laptop" / "chair-signing-key.json"

    # the chair's laptop: no key yet, then one made through the dialog
    chair = chair_window(qtbot, exported, key_path)
    assert "No signing key on this computer" in chair.key_label.text() and chair.export_key_button.isHidden()
    dialog = chair.create_key()
    assert isinstance(dialog, ChairKeyCreateDialog) and dialog.ui.nameEdit.text() == chair.name_edit.text()
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    dialog.ui.repeatEdit.setText(PASSPHRASE + "!")
    ok(dialog)
    assert dialog.isVisible() and "differ" in dialog.errors.message and not key_path.exists()
    dialog.ui.repeatEdit.setText(PASSPHRASE)
    ok(dialog)
    assert key_path.is_file() and not dialog.isVisible()
    spoken = ck.read_key_file(key_path).public.spoken
    assert spoken in chair.key_label.text() and chair.create_key_button.isHidden()
    public_file = tmp_path / "chair.mqpchairkey"
    chair.choose_public_key_path = lambda suggested: public_file
    assert chair.export_public_key() == public_file and spoken in chair.message.text()

    # the officer's window: the key is imported after the fingerprint is read by phone
    c = window.meetings.minutes
    c.chair_key_action.trigger()
    keys = window.active_dialog
    assert isinstance(keys, ChairKeyDialog) and "No key yet" in keys.ui.currentLabel.text()
    ok_button = keys.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok_button.isEnabled()
    keys.choose_key_file = lambda: public_file
    keys.ui.chooseButton.click()
    assert spoken.replace(" ", " &nbsp;") in keys.ui.fileKeyLabel.text() and ok_button.isEnabled()
    ok(keys)
    assert store.chair_keys.current().spoken == spoken
    assert store.history(entity="chair_key", limit=1)[0].action == "imported"

    # the chair approves and signs: a wrong passphrase writes nothing, the right one signs
    response = tmp_path / "signed.mqpminutes"
    chair.choose_response_path = lambda suggested: response
    chair.ask_passphrase = lambda name: "not my passphrase"
    chair.approve_button.click()
    assert chair.written is None and not response.exists()
    assert shown_errors[-1][0] == "Not signed" and "not the passphrase" in shown_errors[-1][1]
    chair.ask_passphrase = lambda name: PASSPHRASE
    chair.approve_button.click()
    assert chair.written == response and "signed with your key" in chair.message.text()
    assert read_approval_file(response).chair_signature is not None

    # the officer imports it: locked, signed with the key, the PDF kept and exported as signed
    monkeypatch.setattr(c, "choose_approval_import_file", lambda: response)
    c.import_approval_action.trigger()
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and f"with their key ({spoken})" in box.text()
    box.accept()
    assert store.minutes.is_locked(mid)
    view = window.meetings.page.minutes_view
    assert "with the chair's key" in view.lock_banner.text() and "register" in view.lock_banner.text()
    c.verify_action.trigger()
    verified = window.active_dialog
    assert "exactly as signed" in verified.text() and "Signed with the chair's key" in verified.informativeText()
    verified.accept()
    pdf = tmp_path / "minutes.pdf"
    monkeypatch.setattr(c, "choose_pdf_file", lambda: pdf)
    c.export_pdf_action.trigger()
    assert pdf.read_bytes() == store.minutes.signed_pdf(mid)
    assert check_pdf_signature(pdf.read_bytes(), store.chair_keys.current().public.certificate).ok
    chair.close()


def test_the_officer_refuses_an_unsigned_response_once_the_key_is_held(qtbot, window, monkeypatch, tmp_path,
                                                                      shown_errors):
    keyfile = ck.create_chair_key("Dr Helen Carter", PASSPHRASE)
    window.store.chair_keys.register(keyfile.public)
    exported = export_for_chair(window, monkeypatch, tmp_path)
    chair = chair_window(qtbot, exported, tmp_path / "no key here.json")  # a laptop without the key
    chair.choose_response_path = lambda suggested: tmp_path / "unsigned.mqpminutes"
    chair.approve_button.click()
    assert "by name only" in chair.message.text()
    window.meetings.minutes.import_approval(chair.written)
    assert shown_errors[-1][0] == "Chair's response refused"
    assert "no signature from the chair's key" in shown_errors[-1][1] and shown_errors[-1][2]
    assert not window.store.minutes.is_locked(read_approval_file(exported).meeting_id)
    # and the officer's own sign-off dialog says what a sign-off by name is
    window.meetings.minutes.sign_action.trigger()
    sign = window.active_dialog
    assert "no cryptographic signature" in sign.ui.keyNoteLabel.text() and keyfile.public.spoken in \
        sign.ui.keyNoteLabel.text()
    sign.reject()
    chair.close()


def test_signing_at_the_desk_with_the_chairs_key_file(qtbot, window, monkeypatch, tmp_path, shown_errors):
    keyfile = ck.create_chair_key("Dr Helen Carter", PASSPHRASE)
    key_path = ck.write_key_file(keyfile, tmp_path / "usb" / "chair-signing-key.json")
    window.store.chair_keys.register(keyfile.public)
    mid = draft_meeting(window.store)
    window.show_page(window.PAGE_MEETINGS)
    assert window.meetings.page.select_meeting(mid)
    c = window.meetings.minutes
    c.open_action.trigger()
    c.sign_action.trigger()
    dialog = window.active_dialog
    assert not dialog.ui.passphraseEdit.isEnabled()
    dialog.choose_key = lambda: key_path
    dialog.ui.keyButton.click()
    assert dialog.ui.passphraseEdit.isEnabled()
    dialog.ui.passphraseEdit.setText("wrong passphrase")
    ok(dialog)
    assert dialog.isVisible() and "not the passphrase" in dialog.errors.message
    assert not window.store.minutes.is_locked(mid)
    dialog.ui.passphraseEdit.setText(PASSPHRASE)
    ok(dialog)
    assert not dialog.isVisible() and window.store.minutes.is_locked(mid)
    result = window.store.minutes.verify(mid)
    assert result.ok and result.signed_with_key and any("at the officer's desk" in n for n in result.notes)


def test_the_approval_window_fits_1366x768_at_150_percent(qtbot, window, monkeypatch, tmp_path):
    """At 150% a 1366x768 screen is 910x512 logical pixels: the whole window, and its response buttons,
    must fit in that (less a title bar); what does not fit scrolls above the buttons."""
    exported = export_for_chair(window, monkeypatch, tmp_path)
    chair = chair_window(qtbot, exported, tmp_path / "k.json")
    hint = chair.minimumSizeHint()
    assert hint.width() <= 900 and hint.height() <= 470, hint
    chair.resize(900, 470)
    qtbot.waitUntil(lambda: chair.height() == 470)
    for button in (chair.approve_button, chair.return_button):
        top_left = button.mapTo(chair, button.rect().topLeft())
        bottom_right = button.mapTo(chair, button.rect().bottomRight())
        assert button.isVisible() and chair.rect().contains(top_left) and chair.rect().contains(bottom_right)
    screen = chair.screen().availableGeometry()
    chair._fit_to_screen(860, 820)
    assert chair.width() <= screen.width() and chair.height() <= screen.height()
    chair.close()


def test_the_review_pdf_is_removed_when_the_window_closes(qtbot, window, monkeypatch, tmp_path, private_temp):
    exported = export_for_chair(window, monkeypatch, tmp_path)
    chair = chair_window(qtbot, exported, tmp_path / "k.json")
    chair.open_file = lambda path: None
    pdf = chair.review()
    assert pdf.is_file() and pdf.parent.parent == private_temp
    assert clean_review_leftovers(private_temp) == []  # in use: kept
    chair.close()
    assert not pdf.parent.exists()
    assert [p for p in private_temp.iterdir() if p.name.startswith(approval_module.REVIEW_PREFIX)] == []


CRASH = """
import os, sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
assert lock.tryLock(0)
os._exit(1)  # the window's program dies with its lock held
"""


def test_leftovers_of_a_crashed_window_are_removed_at_the_next_start(qtbot, window, monkeypatch, tmp_path,
                                                                    private_temp):
    prefix = approval_module.REVIEW_PREFIX
    crashed = private_temp / f"{prefix}crashed"
    crashed.mkdir()
    (crashed / "Draft minutes.pdf").write_bytes(b"%PDF-1.4 left behind")
    run = subprocess.run([sys.executable, "-c", CRASH, str(crashed / approval_module.LOCK_NAME)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    assert (crashed / approval_module.LOCK_NAME).exists()
    old = private_temp / f"{prefix}older-version"
    old.mkdir()
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    recent = private_temp / f"{prefix}just-made"
    recent.mkdir()
    not_ours = private_temp / "someone-else"
    not_ours.mkdir()
    exported = export_for_chair(window, monkeypatch, tmp_path)
    chair = chair_window(qtbot, exported, tmp_path / "k.json")  # opening the window cleans up
    assert not crashed.exists() and not old.exists()
    assert recent.exists() and not_ours.exists()
    chair.close()

"""Minutes, sign-off and the action log through the real window on a demo database (issue 5).

Dialogs open with ``open()`` (no nested event loop): each test finds the open one in
``window.active_dialog``. File choosers and "open in another program" are replaced on
the controller or the chair's window. Every assertion about what was saved reads the
database back through ``store.minutes`` (or a fresh Store on the same file).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from mqp_desktop.domain.actions import ActionStatus
from mqp_desktop.domain.agenda import AgendaItem
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.approval_window import ApprovalWindow
from mqp_desktop.ui.dialogs.minutes_dialogs import (
    ActionUpdateDialog,
    DeclarationDialog,
    MinutesActionDialog,
    SignMinutesDialog,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.minutes_models import (
    OVERDUE_MARK,
    ActionLinesModel,
    ActionLogModel,
    DeclarationsModel,
    MinutesItemsModel,
)
from mqp_desktop.ui.pages.minutes_view import INQUORATE_MARK
from mqp_desktop.ui.settings import Settings

# A 1x1 PNG.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@pytest.fixture
def shown_errors(monkeypatch):
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(errors, "show_store_error",
                        lambda parent, exc, title="": shown.append((title, str(exc), "")))
    monkeypatch.setattr(errors, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem, remedy)))
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem, remedy)))
    return shown


def make_window(qtbot, path: Path, tmp_path: Path) -> MainWindow:
    w = MainWindow(Store.open(path), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, demo_db, tmp_path, shown_errors):
    w = make_window(qtbot, demo_db, tmp_path)
    yield w
    w.meetings.minutes.dirty = False
    if w.store is not None:
        w.store.close()


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def draft_meeting(store) -> int:
    """The demo's latest held meeting: its minutes are still a draft."""
    return next(m.id for m in reversed(store.meetings.list())
                if (r := store.minutes.revision(m.id)) is not None and r.status == "draft")


def open_minutes(window, meeting_id: int):
    window.show_page(window.PAGE_MEETINGS)
    assert window.meetings.page.select_meeting(meeting_id)
    window.meetings.minutes.open_action.trigger()
    view = window.meetings.page.minutes_view
    assert window.meetings.page.in_minutes and view.meeting.id == meeting_id
    return view


def select_item(view, title_part: str):
    item = next(i for i in view.minutes.items if title_part in i.title)
    assert view.select_item(item.item_id)
    assert view.current_item() is item
    return item


def test_write_discussion_decision_and_action_then_save(window, qtbot):
    mid = draft_meeting(window.store)
    view = open_minutes(window, mid)
    item = select_item(view, "Any other business")
    view.discussion.setFocus()
    view.discussion.selectAll()
    qtbot.keyClicks(view.discussion, "Members noted the **new** duty rota.")
    qtbot.keyClick(view.discussion, Qt.Key.Key_Return)
    qtbot.keyClicks(view.discussion, "- rota starts in January")
    assert window.meetings.minutes.dirty
    view.add_decision("The new duty rota is endorsed.")
    assert view.decision_texts() == ["The new duty rota is endorsed."]

    window.meetings.minutes.add_action_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, MinutesActionDialog)
    assert dialog.ui.itemCombo.currentData() == item.item_id
    dialog.ui.descriptionEdit.setPlainText("Circulate the duty rota to all partners")
    dialog.ui.ownerCombo.setCurrentIndex(2)
    owner = dialog.ui.ownerCombo.currentText()
    ok(dialog)
    assert window.active_dialog is None
    # the action is a record of its own; the unsaved text survived the re-read
    assert "rota starts in January" in view.discussion.toPlainText()
    assert [a.description for a in view.current_item().actions] == ["Circulate the duty rota to all partners"]

    window.meetings.minutes.save_action.trigger()
    assert not window.meetings.minutes.dirty
    with Store.open(window.store.path) as other:
        saved = other.minutes.minutes(mid).item(item.item_id)
    assert saved.discussion == "Members noted the **new** duty rota.\n- rota starts in January"
    assert [d.text for d in saved.decisions] == ["The new duty rota is endorsed."]
    assert [(a.description, a.owner) for a in saved.actions] == [("Circulate the duty rota to all partners", owner)]
    assert saved.actions[0].number.startswith(f"{window.store.meetings.get(mid).date:%Y-%m}/")
    assert [b.kind.value for b in saved.blocks] == ["paragraph", "bullets"]


def test_inquorate_meeting_marks_decisions(window):
    inquorate = [m for m in window.store.meetings.list()
                 if m.status is not MeetingStatus.CANCELLED and window.store.minutes.minutes(m.id).inquorate]
    assert inquorate, "the demo has an inquorate meeting"
    view = open_minutes(window, inquorate[0].id)
    assert not view.inquorate_label.isHidden()
    assert "not quorate" in view.inquorate_label.text()
    item = next(i for i in view.minutes.items if i.decisions)
    view.select_item(item.item_id)
    assert view.decisions.count() == len(item.decisions)
    assert view.decisions.item(0).toolTip() == INQUORATE_MARK
    assert all(d.taken_while_inquorate for d in item.decisions)


def test_autosave_crash_recovery_and_restore(window, qtbot, tmp_path, demo_db):
    mid = draft_meeting(window.store)
    view = open_minutes(window, mid)
    select_item(view, "Any other business")
    view.discussion.setPlainText("Typed just before the laptop died.")
    controller = window.meetings.minutes
    assert controller.autosave_timer.isActive()
    qtbot.waitUntil(lambda: window.store.minutes.recovered(mid) is not None, timeout=10_000)
    # the "crash": the first window never saves; a new window opens the same file
    second = make_window(qtbot, demo_db, tmp_path)
    try:
        view2 = open_minutes(second, mid)
        assert not view2.recovered_frame.isHidden()
        assert "Recovered unsaved minutes from" in view2.recovered_label.text()
        item = select_item(view2, "Any other business")
        assert item.discussion != "Typed just before the laptop died."
        view2.restore_button.click()
        assert view2.recovered_frame.isHidden()
        select_item(view2, "Welcome")
        select_item(view2, "Any other business")
        assert view2.discussion.toPlainText() == "Typed just before the laptop died."
        assert second.meetings.minutes.dirty
        second.meetings.minutes.save_action.trigger()
        assert second.store.minutes.recovered(mid) is None
        assert second.store.minutes.minutes(mid).items[-2].discussion == "Typed just before the laptop died." or any(
            i.discussion == "Typed just before the laptop died." for i in second.store.minutes.minutes(mid).items)
    finally:
        second.meetings.minutes.dirty = False
        second.store.close()


def test_discard_recovered_and_leaving_asks_to_save(window, qtbot, tmp_path, demo_db):
    mid = draft_meeting(window.store)
    view = open_minutes(window, mid)
    select_item(view, "Any other business")
    view.discussion.setPlainText("Not wanted after all.")
    assert window.meetings.minutes.autosave()
    second = make_window(qtbot, demo_db, tmp_path)
    try:
        view2 = open_minutes(second, mid)
        view2.discard_button.click()
        assert second.store.minutes.recovered(mid) is None
        assert view2.recovered_frame.isHidden()
        # leaving with unsaved text asks; Cancel stays, Discard leaves without saving
        select_item(view2, "Any other business")
        view2.discussion.setPlainText("Something new")
        view2.back_button.click()
        box = second.active_dialog
        assert isinstance(box, QMessageBox) and "not saved" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()
        assert second.meetings.page.in_minutes
        view2.back_button.click()
        second.active_dialog.button(QMessageBox.StandardButton.Discard).click()
        assert not second.meetings.page.in_minutes
        assert all(i.discussion != "Something new" for i in second.store.minutes.minutes(mid).items)
    finally:
        second.meetings.minutes.dirty = False
        second.store.close()


def test_declaration_prompt_and_dialog(window):
    store = window.store
    mid = draft_meeting(store)
    for d in store.minutes.declarations(mid):
        store.minutes.remove_declaration(d.id)
    # an item naming an agency whose people attended (the demo's CLCH came through a deputy)
    store.agendas.add_item(AgendaItem(meeting_id=mid, title="CLCH Section 11 return: challenge"))
    prompts = store.minutes.declaration_prompts(mid)
    assert prompts, "the demo's draft meeting discusses an agency whose people attended"
    view = open_minutes(window, mid)
    assert not view.prompt_frame.isHidden()
    assert len(view.prompt_buttons) == len(prompts)
    view.prompt_buttons[0].click()
    dialog = window.active_dialog
    assert isinstance(dialog, DeclarationDialog)
    assert dialog.ui.itemCombo.currentData() == prompts[0].item_id
    assert dialog.ui.whoCombo.currentData() == prompts[0].member_ids[0]
    ok(dialog)  # no nature: refused under its field, dialog stays
    assert window.active_dialog is dialog and "interest" in dialog.ui.errorLabel.text() + dialog.ui.natureEdit.toolTip()
    dialog.ui.natureEdit.setText("employed by the agency discussed")
    dialog.ui.managedCombo.setCurrentText("took no part in the decision")
    ok(dialog)
    assert window.active_dialog is None
    saved = store.minutes.declarations(mid)
    assert [(d.member_id, d.item_id, d.nature) for d in saved] == [
        (prompts[0].member_ids[0], prompts[0].item_id, "employed by the agency discussed")]
    assert view.declarations_model.rowCount() == 1
    assert len(view.prompt_buttons) == len(store.minutes.declaration_prompts(mid))


def test_update_given_at_meeting(window):
    store = window.store
    mid = draft_meeting(store)
    view = open_minutes(window, mid)
    view.tabs.setCurrentIndex(2)
    line = next(a for a in view.minutes.action_log if a.status != "done")
    row = view.log_model.row_of(line.action_id)
    view.log_table.setCurrentIndex(view.log_model.index(row, 0))
    window.meetings.minutes.update_status_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ActionUpdateDialog)
    dialog.ui.statusCombo.setCurrentIndex(dialog.ui.statusCombo.findData(ActionStatus.DONE))
    dialog.ui.noteEdit.setText("Report circulated")
    ok(dialog)
    assert store.minutes.action(line.action_id).status is ActionStatus.DONE
    assert [(u.status, u.note) for u in store.minutes.updates(action_id=line.action_id, meeting_id=mid)][-1] == (
        ActionStatus.DONE, "Report circulated")
    shown = next(a for a in view.minutes.action_log if a.action_id == line.action_id)
    assert (shown.status, shown.note) == ("done", "Report circulated")


def sign_through_dialog(window, tmp_path, name: str = "") -> None:
    window.meetings.minutes.sign_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, SignMinutesDialog)
    assert dialog.ui.nameEdit.text()  # the chair, by default
    if name:
        dialog.ui.nameEdit.setText(name)
    png = tmp_path / "signature.png"
    png.write_bytes(PNG)
    dialog.choose_signature = lambda: png
    dialog.ui.signatureButton.click()
    assert dialog.ui.signatureEdit.text() == str(png)
    ok(dialog)
    assert window.active_dialog is None


def test_sign_off_locks_verify_and_correct(window, tmp_path):
    store = window.store
    mid = draft_meeting(store)
    view = open_minutes(window, mid)
    select_item(view, "Any other business")
    view.discussion.setPlainText("Typed, then signed without saving first.")
    sign_through_dialog(window, tmp_path, "Dr Helen Carter")
    assert store.minutes.is_locked(mid)
    rev = store.minutes.revision(mid)
    assert (rev.signed_by, rev.signature_png) == ("Dr Helen Carter", PNG)
    assert any(i.discussion == "Typed, then signed without saving first." for i in store.minutes.minutes(mid).items)
    # every editor is read-only, every edit action disabled; the banner says who, when and the digest
    assert view.discussion.isReadOnly() and view.chair_edit.isReadOnly() and view.taker_edit.isReadOnly()
    assert not (view.decisions.item(0).flags() & Qt.ItemFlag.ItemIsEditable) if view.decisions.count() else True
    assert not view.add_decision_button.isEnabled()
    c = window.meetings.minutes
    for action in (c.save_action, c.add_action_action, c.add_declaration_action, c.sign_action):
        assert not action.isEnabled()
    assert "Signed by Dr Helen Carter" in view.lock_banner.text() and "locked" in view.lock_banner.text()
    assert rev.digest[:4] in view.lock_banner.text() and rev.digest[-4:] in view.lock_banner.text()
    assert view.prompt_frame.isHidden()

    c.verify_action.trigger()
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and box.text().startswith("OK")
    assert c.last_verify.ok
    box.accept()

    c.correct_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("Apologies from Patrick Dunne were omitted")
    dialog.accept()
    assert store.minutes.revision(mid).revision == 2
    assert store.minutes.revision(mid).status == "draft"
    assert store.minutes.revision(mid, 1).status == "signed"
    assert not store.minutes.is_locked(mid)
    assert not view.discussion.isReadOnly()
    assert "correcting revision 1" in view.subtitle.text()
    assert store.minutes.verify(mid, 1).ok


def test_verify_reports_what_changed(window, tmp_path):
    store = window.store
    signed = next(m.id for m in store.meetings.list() if store.minutes.is_locked(m.id))
    open_minutes(window, signed)
    # a copy of the database altered below SQLite's triggers is what verify is for; here: the seal
    store.db.execute("DROP TRIGGER IF EXISTS minutes_revision_signed_locked")
    triggers = [r[0] for r in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'minutes_revision'")]
    for name in triggers:
        store.db.execute(f"DROP TRIGGER {name}")
    store.db.execute("UPDATE minutes_revision SET signed_by = 'Someone Else' WHERE meeting_id = ? AND revision = 1",
                     [signed])
    window.meetings.minutes.verify_action.trigger()
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and "do NOT match" in box.text()
    assert "sign-off" in box.informativeText()
    box.accept()


def test_approval_round_trip_through_the_chairs_window(window, tmp_path, qtbot, monkeypatch):
    store = window.store
    mid = draft_meeting(store)
    view = open_minutes(window, mid)
    select_item(view, "Any other business")
    view.discussion.setPlainText("Sent to the chair.")
    c = window.meetings.minutes
    out = tmp_path / "for approval.mqpminutes"
    monkeypatch.setattr(c, "choose_approval_export_file", lambda: out)
    c.export_approval_action.trigger()
    assert out.is_file() and not c.dirty

    # the chair's laptop: no database, only the file
    chair = ApprovalWindow(out)
    qtbot.addWidget(chair)
    chair.show()
    assert "Sent to the chair." in chair.preview.toPlainText()
    assert chair.name_edit.text() == store.minutes.minutes(mid).chaired_by
    response = tmp_path / "signed.mqpminutes"
    chair.choose_response_path = lambda suggested: response
    png = tmp_path / "sig.png"
    png.write_bytes(PNG)
    chair.choose_signature = lambda: png
    chair._choose_signature()
    chair.approve_button.click()
    assert chair.written == response and response.is_file()
    assert "Send this file back" in chair.message.text()

    # a tampered response is refused, with the problem and the remedy shown
    tampered = tmp_path / "tampered.mqpminutes"
    data = json.loads(response.read_text(encoding="utf-8"))
    data["response"]["name"] = "Someone Else"
    tampered.write_text(json.dumps(data), encoding="utf-8")
    shown = []
    monkeypatch.setattr(errors, "show_warning", lambda parent, title, problem, remedy="": shown.append(
        (title, problem, remedy)))
    c.import_approval(tampered)
    assert shown and shown[0][0] == "Chair's response refused" and shown[0][1] and shown[0][2]
    assert not store.minutes.is_locked(mid)

    monkeypatch.setattr(c, "choose_approval_import_file", lambda: response)
    c.import_approval_action.trigger()
    assert store.minutes.is_locked(mid)
    rev = store.minutes.revision(mid)
    assert (rev.signed_by, rev.signature_png) == (chair.name_edit.text(), PNG)
    assert isinstance(window.active_dialog, QMessageBox) and "Signed by" in window.active_dialog.text()
    window.active_dialog.accept()
    assert view.discussion.isReadOnly() and not view.lock_banner.isHidden()
    assert store.minutes.verify(mid).ok


def test_chair_returns_with_comments(window, tmp_path, qtbot, monkeypatch):
    store = window.store
    mid = draft_meeting(store)
    open_minutes(window, mid)
    c = window.meetings.minutes
    out = tmp_path / "draft.mqpminutes"
    monkeypatch.setattr(c, "choose_approval_export_file", lambda: out)
    c.export_approval_action.trigger()
    chair = ApprovalWindow(out)
    qtbot.addWidget(chair)
    chair.choose_response_path = lambda suggested: tmp_path / "comments.mqpminutes"
    chair.return_button.click()  # no comments: refused, nothing written
    assert chair.written is None and "comments" in chair.message.text().lower()
    chair.comments_edit.setPlainText("Item 5: name the audit.")
    chair.return_button.click()
    assert chair.written is not None
    c.import_approval(chair.written)
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and "Item 5: name the audit." in box.informativeText()
    box.accept()
    assert not store.minutes.is_locked(mid)


def test_chair_review_pdf_is_opened(window, tmp_path, qtbot, monkeypatch):
    pytest.importorskip("mqp_desktop.exporters.minutes_pdf")
    store = window.store
    mid = draft_meeting(store)
    out, _ = store.minutes.export_for_approval(mid, tmp_path / "x.mqpminutes")[1], None
    chair = ApprovalWindow(out)
    qtbot.addWidget(chair)
    opened = []
    chair.open_file = opened.append
    pdf = chair.review()
    assert opened == [pdf] and pdf.read_bytes().startswith(b"%PDF")


def test_open_for_approval_refuses_a_damaged_file(window, tmp_path, shown_errors):
    bad = tmp_path / "bad.mqpminutes"
    bad.write_text("{not json", encoding="utf-8")
    assert window.meetings.minutes.open_for_approval(bad) is None
    assert shown_errors and shown_errors[-1][0] == "Cannot open the minutes for approval"


def test_actions_page_filters(window):
    store = window.store
    today = dt.date.today()
    window.show_page(window.PAGE_ACTIONS)
    page = window.actions_page
    assert page.model.rowCount() == len(store.minutes.actions())
    page.overdue_check.setChecked(True)
    overdue = store.minutes.actions(overdue_on=today)
    assert overdue, "the demo has overdue actions"
    assert page.proxy.rowCount() == len(overdue)
    row = page.proxy.mapToSource(page.proxy.index(0, 0)).row()
    due = page.model.index(row, ActionLogModel.COL_DUE)
    assert OVERDUE_MARK in due.data() and due.data(Qt.ItemDataRole.ForegroundRole) is not None
    page.overdue_check.setChecked(False)
    done = page.status_combo.findData("done")
    page.status_combo.setCurrentIndex(done)
    assert page.proxy.rowCount() == len(store.minutes.actions(statuses=["done"]))
    page.status_combo.setCurrentIndex(0)
    owner = page.owner_combo.itemText(1)
    page.owner_combo.setCurrentIndex(1)
    assert page.proxy.rowCount() == len(store.minutes.actions(owner=owner)) > 0
    assert page.export_filters()["owner"] == owner


def test_actions_page_shows_the_chosen_action_in_full(window, qtbot):
    """The table cuts long descriptions; the detail pane shows the whole action and every update."""
    store = window.store
    today = dt.date.today()
    window.show_page(window.PAGE_ACTIONS)
    page = window.actions_page
    assert page.detail.toPlainText() == ""  # nothing chosen yet
    updated = {u.action_id for u in store.minutes.updates()}
    overdue = [a for a in store.minutes.actions(overdue_on=today) if a.id in updated] \
        or store.minutes.actions(overdue_on=today)
    chosen = overdue[0]
    for r in range(page.proxy.rowCount()):
        if page.proxy.index(r, ActionLogModel.COL_NUMBER).data() == chosen.number:
            qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                             pos=page.table.visualRect(page.proxy.index(r, ActionLogModel.COL_OWNER)).center())
            break
    text = page.detail.toPlainText()
    assert chosen.number in text and chosen.description in text
    days = (today - chosen.due_date).days
    assert f"overdue by {days} day" in text
    for u in store.minutes.updates():
        if u.action_id == chosen.id:
            assert f"{u.on:%d %b %Y}" in text and u.status.value in text
    # the pane is within the window at 1366x768 and not squeezed to nothing
    assert page.detail.height() > 80 and page.detail.isVisible()


def test_action_log_export_uses_the_filters(window, tmp_path, monkeypatch):
    pytest.importorskip("mqp_desktop.exporters.action_log_export")
    window.show_page(window.PAGE_ACTIONS)
    c = window.meetings.minutes
    window.actions_page.overdue_check.setChecked(True)
    monkeypatch.setattr(c, "choose_action_log_file", lambda: tmp_path / "log.xlsx")
    written = c.export_action_log()
    assert written is not None and written.is_file()


def test_models(window, qtmodeltester):
    mid = draft_meeting(window.store)
    view = open_minutes(window, mid)
    for model in (view.items_model, view.declarations_model, view.log_model, view.actions_model,
                  window.actions_page.model):
        assert model.rowCount() > 0 or model is view.actions_model
        qtmodeltester.check(model)
    assert isinstance(view.items_model, MinutesItemsModel)
    assert isinstance(view.declarations_model, DeclarationsModel)
    assert isinstance(view.log_model, ActionLinesModel)
    qtmodeltester.check(window.actions_page.proxy)


def test_approve_from_the_command_line_needs_no_database(qapp, qtbot, tmp_path, demo_db, shown_errors, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from mqp_desktop.ui import app as app_module

    with Store.open(demo_db) as store:
        mid = draft_meeting(store)
        _, path = store.minutes.export_for_approval(mid, tmp_path / "for approval.mqpminutes")
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    monkeypatch.setattr(app_module, "install_excepthook", lambda: None, raising=False)
    monkeypatch.setattr("mqp_desktop.ui.errors.install_excepthook", lambda: None)
    assert app_module.main(["--approve", str(path)]) == 0
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, ApprovalWindow) and w.isVisible()]
    assert [w.path for w in windows] == [path]
    for w in windows:
        w.close()
    bad = tmp_path / "nothing.mqpminutes"
    assert app_module.main(["--approve", str(bad)]) == 1
    assert shown_errors[-1][0].endswith("cannot open the minutes") and "could not be read" in shown_errors[-1][1]

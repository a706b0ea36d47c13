"""A meeting's agenda and papers through the real window on a demo database (ToR 13, 14).

Dialogs are opened with ``open()`` (no nested event loop): each test finds the
open one in ``window.active_dialog``. Keys go to the agenda's tree with
``qtbot.keyClick``; every assertion about what was saved reads the database
back through ``store.agendas``. The mail program and the file choosers are
replaced on the controller (``open_file``, ``choose_*``, ``drafts_folder``).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox, QProgressDialog

from mqp_desktop.domain.agenda import Purpose
from mqp_desktop.domain.meetings import Meeting, MeetingKind
from mqp_desktop.domain.papers import PaperStatus, paper_status
from mqp_desktop.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.agenda_models import (
    AgendaTreeModel,
    AttachmentsTableModel,
    CirculationsTableModel,
    PapersTableModel,
    ProblemsTableModel,
)
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.agenda_dialogs import (
    AgendaCopyDialog,
    AgendaItemDialog,
    AgendaSettingsDialog,
    CirculateDialog,
    PaperRequestDialog,
    SignOffDialog,
    StandingAgendaModel,
)
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings


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
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.show_page(w.PAGE_MEETINGS)
    yield w
    if w.store is not None:
        w.store.close()


@pytest.fixture
def opened(window, tmp_path, monkeypatch):
    """Files the controller would open in another program, recorded instead (drafts in tmp_path)."""
    agenda = window.meetings.agenda
    files: list[Path] = []
    monkeypatch.setattr(agenda, "open_file", files.append)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    monkeypatch.setattr(agenda, "drafts_folder", lambda: drafts)
    return files


def ok(dialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()


def open_agenda(window, meeting_id: int):
    assert window.meetings.page.select_meeting(meeting_id)
    window.meetings.agenda.open_action.trigger()
    view = window.meetings.page.agenda_view
    assert window.meetings.page.in_agenda and view.meeting.id == meeting_id
    return view


@pytest.fixture
def next_view(window):
    """The agenda view of the next meeting (the demo's mix of ready, unsigned, overdue and requested papers)."""
    return open_agenda(window, window.store.meetings.next_meeting().id)


def numbers(window, meeting_id: int) -> dict[str, str]:
    """Title -> number, as the database holds the agenda."""
    repo = window.store.agendas
    by_id = {i.id: i.title for i in repo.items(meeting_id)}
    return {by_id[i]: n for i, n in repo.numbers(meeting_id).items()}


def select(window, view, title: str) -> int:
    item = next(i for i in window.store.agendas.items(view.meeting.id) if i.title == title)
    assert view.select_item(item.id)
    return item.id


def a_pdf(window) -> bytes:
    """The bytes of a real PDF paper from the demo database."""
    repo = window.store.agendas
    for meeting in window.store.meetings.list():
        for paper in repo.papers(meeting.id):
            if paper.document_id is not None:
                doc = repo.document(paper.document_id)
                if doc.info.media_type == "application/pdf":
                    return doc.content
    raise AssertionError("the demo has no PDF paper")


# --- models ------------------------------------------------------------------------------------
def test_models_pass_the_model_tester(qtmodeltester, demo_store):
    repo = demo_store.agendas
    meeting = demo_store.meetings.next_meeting()
    tree = AgendaTreeModel()
    tree.set_agenda(repo.agenda(meeting.id))
    assert any(tree.rowCount(tree.index(r, 0)) for r in range(tree.rowCount()))  # sub-items under an item
    qtmodeltester.check(tree)
    papers = PapersTableModel()
    papers.set_rows(repo.papers(meeting.id))
    assert papers.rowCount() >= 3
    qtmodeltester.check(papers)
    problems = ProblemsTableModel()
    problems.set_rows(repo.problems(meeting.id))
    assert problems.rowCount() >= 1
    qtmodeltester.check(problems)
    circulations = CirculationsTableModel()
    circulations.set_rows(repo.circulations(meeting.id))
    qtmodeltester.check(circulations)
    attachments = AttachmentsTableModel()
    attachments.set_rows([("Agenda.docx", 40_000), ("Pack.pdf", 3_500_000)])
    assert attachments.index(1, 1).data() == "3.3 MB"
    qtmodeltester.check(attachments)
    standing = StandingAgendaModel(repo.setting("standing_agenda"))
    assert standing.rowCount() == 6
    qtmodeltester.check(standing)


def test_drag_and_drop_moves_an_item_through_the_store(window, next_view):
    meeting_id = next_view.meeting.id
    model = next_view.model
    before = numbers(window, meeting_id)
    aob = model.index_of(next(i for i in window.store.agendas.items(meeting_id) if i.title == "Any other business").id)
    mime = model.mimeData([aob])
    # dropped before the first row: AOB becomes item 1, the rest move down one
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    after = numbers(window, meeting_id)
    assert after["Any other business"] == "1"
    assert after["Welcome, introductions and apologies"] == "2"
    assert next_view.numbers()[0] == "1" and model.index(0, 1).data() == "Any other business"
    # dropped on a top-level item: it becomes that item's last sub-item
    action_log = model.index_of(next(i for i in window.store.agendas.items(meeting_id) if i.title == "Action log").id)
    assert model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, -1, 0, action_log)
    assert numbers(window, meeting_id)["Any other business"] == "4.1"
    # moveRows, as a view's internal move asks for it: back to the top
    sub = model.index_of(next(i for i in window.store.agendas.items(meeting_id) if i.title == "Any other business").id)
    assert model.moveRows(sub.parent(), sub.row(), 1, QModelIndex(), 0)
    assert numbers(window, meeting_id)["Any other business"] == "1"
    # and one undo restores the arrangement before the last move
    window.undo_action.trigger()
    assert numbers(window, meeting_id)["Any other business"] == "4.1"
    assert before != after


# --- building an agenda ------------------------------------------------------------------------
@pytest.fixture
def empty_meeting(window) -> Meeting:
    meeting = window.store.meetings.add(Meeting(date=dt.date.today() + dt.timedelta(days=60),
                                                kind=MeetingKind.EXTRAORDINARY, start_time="14:00",
                                                end_time="15:00", venue="Room 2"))
    window.refresh()
    return meeting


def add_item_dialog(window, qtbot, view) -> AgendaItemDialog:
    qtbot.keyClick(view.tree, Qt.Key.Key_Insert)
    dialog = window.active_dialog
    assert isinstance(dialog, AgendaItemDialog)
    return dialog


def test_build_an_agenda_through_the_dialogs_and_reorder_it_with_the_keyboard(window, qtbot, empty_meeting):
    view = open_agenda(window, empty_meeting.id)
    assert view.empty_note.isVisible() and window.meetings.agenda.standing_action.isEnabled()
    window.meetings.agenda.standing_action.trigger()
    assert list(numbers(window, empty_meeting.id).values()) == ["1", "2", "3", "4", "5", "6"]
    assert not view.empty_note.isVisible()

    select(window, view, "Action log")
    dialog = add_item_dialog(window, qtbot, view)
    qtbot.keyClicks(dialog.ui.titleEdit, "Neglect strategy: draft for sign-off")
    amara = next(m for m in window.store.members() if m.name == "Amara Okafor")
    dialog.choose_member(amara.id)
    dialog.ui.purposeCombo.setCurrentIndex(dialog.ui.purposeCombo.findData(Purpose.DECISION))
    dialog.ui.minutesSpin.setValue(25)
    ok(dialog)
    assert window.active_dialog is None
    dialog = add_item_dialog(window, qtbot, view)  # goes after the item just added (it is chosen)
    qtbot.keyClicks(dialog.ui.titleEdit, "Exploitation: the new pathway")
    dialog.choose_guest("Dr Ama Boateng")
    dialog.ui.minutesSpin.setValue(20)
    ok(dialog)
    got = numbers(window, empty_meeting.id)
    assert got["Neglect strategy: draft for sign-off"] == "5"
    assert got["Exploitation: the new pathway"] == "6"
    assert got["Any other business"] == "7"
    added = next(i for i in window.store.agendas.items(empty_meeting.id) if i.title.startswith("Exploitation"))
    assert added.presenter_name == "Dr Ama Boateng" and added.presenter_member_id is None

    # the chosen item is the one just added: Ctrl+Up moves it above the strategy
    assert view.current_item_id() == added.id
    qtbot.keyClick(view.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    got = numbers(window, empty_meeting.id)
    assert (got["Exploitation: the new pathway"], got["Neglect strategy: draft for sign-off"]) == ("5", "6")
    # Ctrl+Right on the strategy makes it a sub-item of the item above: 5.1
    select(window, view, "Neglect strategy: draft for sign-off")
    qtbot.keyClick(view.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    got = numbers(window, empty_meeting.id)
    assert got["Neglect strategy: draft for sign-off"] == "5.1"
    assert got["Any other business"] == "6"
    assert "5.1" in view.numbers()
    # Ctrl+Down on a sub-item with no sibling after it stays put; Ctrl+Left brings it back to 6
    qtbot.keyClick(view.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert numbers(window, empty_meeting.id)["Neglect strategy: draft for sign-off"] == "6"
    qtbot.keyClick(view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert numbers(window, empty_meeting.id)["Neglect strategy: draft for sign-off"] == "7"
    assert numbers(window, empty_meeting.id)["Any other business"] == "6"
    # Ctrl+Z undoes the moves one at a time, through the store
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert numbers(window, empty_meeting.id)["Neglect strategy: draft for sign-off"] == "5.1"
    window.redo_action.trigger()
    assert numbers(window, empty_meeting.id)["Neglect strategy: draft for sign-off"] == "6"

    # the running total and planned finish: standing items 40 min + 25 + 20 = 85 min from 14:00 -> 15:25
    timing = window.store.agendas.agenda(empty_meeting.id).timing
    assert view.timing.total.text().endswith(f"planned finish {timing.planned_finish} (the meeting ends 15:00)")
    assert timing.overruns and "past the meeting's end time" in view.timing.warning.text()


def test_edit_an_item_with_enter_and_undo(window, qtbot, next_view):
    item_id = select(window, next_view, "Action log")
    qtbot.keyClick(next_view.tree, Qt.Key.Key_Return)
    dialog = window.active_dialog
    assert isinstance(dialog, AgendaItemDialog) and dialog.ui.titleEdit.text() == "Action log"
    dialog.ui.titleEdit.setText("Action log and matters arising")
    dialog.ui.minutesSpin.setValue(15)
    ok(dialog)
    item = window.store.agendas.item(item_id)
    assert (item.title, item.minutes) == ("Action log and matters arising", 15)
    window.undo_action.trigger()
    item = window.store.agendas.item(item_id)
    assert (item.title, item.minutes) == ("Action log", 10)


def test_a_guest_presenter_needs_a_name_and_nothing_is_saved_without_one(window, qtbot, next_view):
    select(window, next_view, "Action log")
    count = len(window.store.agendas.items(next_view.meeting.id))
    dialog = add_item_dialog(window, qtbot, next_view)
    dialog.ui.titleEdit.setText("Guest item")
    dialog.choose_guest("")
    ok(dialog)
    assert window.active_dialog is dialog and "guest's name" in dialog.errors.message
    assert len(window.store.agendas.items(next_view.meeting.id)) == count
    dialog.reject()


def test_remove_an_item_after_confirming(window, qtbot, next_view):
    meeting_id = next_view.meeting.id
    item_id = select(window, next_view, "Action log")
    qtbot.keyClick(next_view.tree, Qt.Key.Key_Delete)
    box = window.active_dialog
    assert isinstance(box, QMessageBox) and "Action log" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.store.agendas.item(item_id).removed
    assert "Action log" not in numbers(window, meeting_id)


def test_copy_chosen_items_from_another_meeting(window, empty_meeting):
    view = open_agenda(window, empty_meeting.id)
    window.meetings.agenda.copy_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AgendaCopyDialog)
    source = window.store.meetings.next_meeting()
    dialog.choose_meeting(source.id)
    wanted = [i.id for i in window.store.agendas.items(source.id) if i.title in ("Welcome, introductions and apologies",
                                                                                "Any other business")]
    dialog.tick(wanted)
    ok(dialog)
    assert list(numbers(window, empty_meeting.id)) == ["Welcome, introductions and apologies", "Any other business"]
    assert view.model.rowCount() == 2


# --- papers ------------------------------------------------------------------------------------
def test_request_a_paper_with_its_email_draft_then_attach_a_pdf(window, qtbot, next_view, opened, tmp_path):
    repo = window.store.agendas
    item_id = select(window, next_view, "Action log")
    window.meetings.agenda.request_paper_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, PaperRequestDialog)
    # the setting's working days before the meeting, or today when that has passed (the demo's next meeting)
    default = max(repo.default_deadline(next_view.meeting.id), dt.date.today())
    assert dialog.ui.deadlineEdit.date().toPython() == default
    dialog.ui.titleEdit.setText("Action log update")
    dialog.ui.authorEdit.setCurrentText("Claire Dawson")
    dialog.ui.emailEdit.setText("claire.dawson@example.gov.uk")
    ok(dialog)
    assert window.active_dialog is None, dialog.errors.message
    paper = next(p for p in repo.papers_for_item(item_id))
    assert (paper.title, paper.author_name, paper.deadline) == ("Action log update", "Claire Dawson", default)
    draft = opened[-1]
    assert draft.suffix == ".eml" and draft.is_file()
    message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1" and "claire.dawson@example.gov.uk" in message["To"]

    pdf = tmp_path / "action log.pdf"
    pdf.write_bytes(a_pdf(window))
    window.meetings.agenda.choose_paper_file = lambda: pdf
    assert next_view.current_paper().id == paper.id
    window.meetings.agenda.attach_action.trigger()
    attached = repo.paper(paper.id)
    assert attached.document_id is not None and attached.received_on == dt.date.today()
    assert repo.document(attached.document_id).content == pdf.read_bytes()
    assert paper_status(attached, dt.date.today()) is PaperStatus.NOT_SIGNED_OFF
    assert next_view.papers_model.index(0, PapersTableModel.COL_FILE).data() == "action log.pdf"


def test_a_bad_file_is_refused_with_the_message_shown_and_nothing_saved(window, next_view, shown_errors, tmp_path):
    repo = window.store.agendas
    select(window, next_view, "Neglect strategy: draft for sign-off")
    paper = next_view.current_paper()
    assert paper is not None and paper.document_id is None
    bad = tmp_path / "strategy.pdf"
    bad.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)  # a program renamed .pdf
    window.meetings.agenda.choose_paper_file = lambda: bad
    documents = window.store.db.execute("SELECT count(*) FROM document").fetchone()[0]
    window.meetings.agenda.attach_action.trigger()
    assert shown_errors and shown_errors[-1][0] == "File not attached"
    assert "strategy.pdf" in shown_errors[-1][1]
    assert repo.paper(paper.id).document_id is None and repo.paper(paper.id).received_on is None
    assert window.store.db.execute("SELECT count(*) FROM document").fetchone()[0] == documents


def test_sign_off_through_the_dialog_and_undo(window, next_view):
    repo = window.store.agendas
    unsigned = next(p for p in repo.papers(next_view.meeting.id)
                    if paper_status(p, dt.date.today()) is PaperStatus.NOT_SIGNED_OFF)
    next_view.select_item(unsigned.item_id)
    assert next_view.select_paper(unsigned.id)
    window.meetings.agenda.sign_off_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, SignOffDialog)
    dialog.ui.byEdit.setText("Daniel Whitfield, Director")
    ok(dialog)
    signed = repo.paper(unsigned.id)
    assert (signed.signed_off_by, signed.signed_off_on) == ("Daniel Whitfield, Director", dt.date.today())
    assert all(pr.paper is None or pr.paper.id != unsigned.id for pr in repo.problems(next_view.meeting.id))
    window.undo_action.trigger()
    assert not repo.paper(unsigned.id).signed_off


def test_mark_received_and_withdraw(window, next_view):
    repo = window.store.agendas
    requested = next(p for p in repo.papers(next_view.meeting.id) if not p.received)
    next_view.select_item(requested.item_id)
    assert next_view.select_paper(requested.id)
    window.meetings.agenda.received_action.trigger()
    assert repo.paper(requested.id).received_on == dt.date.today()
    window.meetings.agenda.withdraw_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("Deferred to February")
    dialog.accept()
    withdrawn = repo.paper(requested.id)
    assert withdrawn.withdrawn and "Deferred to February" in withdrawn.notes
    assert not window.meetings.agenda.attach_action.isEnabled()


def test_late_papers_are_listed_with_a_one_click_chase_draft(window, next_view, opened):
    problems = next_view.problems_model
    overdue_row = next(r for r in range(problems.rowCount()) if problems.problem(r).late)
    next_view.select_problem(overdue_row)
    assert window.meetings.agenda.chase_action.isEnabled()
    window.meetings.agenda.chase_action.trigger()
    message = email.message_from_bytes(opened[-1].read_bytes(), policy=email.policy.default)
    paper = problems.problem(overdue_row).paper
    assert paper.author_email in message["To"]
    assert message["Subject"].startswith("Reminder")


# --- pack and circulation ----------------------------------------------------------------------
def test_build_the_pack_off_the_main_thread_with_a_progress_dialog(window, qtbot, next_view, opened, tmp_path):
    agenda = window.meetings.agenda
    out = tmp_path / "pack.pdf"
    agenda.choose_pack_file = lambda: out
    packs = len(window.store.agendas.packs(next_view.meeting.id))
    agenda.build_pack_action.trigger()
    assert isinstance(agenda.pack_progress, QProgressDialog) and agenda.pack_job is not None
    assert not agenda.build_pack_action.isEnabled()  # one pack at a time
    assert agenda.pack_job.isRunning() or agenda.pack_job.isFinished()
    qtbot.waitUntil(lambda: agenda.pack_job is None, timeout=120_000)
    assert agenda.last_pack_outcome == "built"
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert len(window.store.agendas.packs(next_view.meeting.id)) == packs + 1
    assert opened[-1] == out
    assert agenda.pack_progress is None and agenda.build_pack_action.isEnabled()


def test_cancelling_the_pack_leaves_no_file_and_no_record(window, qtbot, next_view, opened, tmp_path, monkeypatch):
    agenda = window.meetings.agenda
    out = tmp_path / "pack.pdf"
    agenda.choose_pack_file = lambda: out
    monkeypatch.setattr(agenda, "_cancel_check", lambda _event: (lambda: True))
    packs = len(window.store.agendas.packs(next_view.meeting.id))
    agenda.build_pack_action.trigger()
    qtbot.waitUntil(lambda: agenda.pack_job is None, timeout=120_000)
    assert agenda.last_pack_outcome == "cancelled"
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []
    assert len(window.store.agendas.packs(next_view.meeting.id)) == packs
    assert opened == []


def test_circulate_writes_the_draft_opens_it_and_records_it(window, next_view, opened):
    repo = window.store.agendas
    meeting_id = next_view.meeting.id
    before = len(repo.circulations(meeting_id))
    window.meetings.agenda.circulate_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, CirculateDialog)
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("agenda"))
    assert dialog.plan is not None and dialog.attachments.rowCount() == 1
    assert "Cc" not in dialog.ui.toEdit.toPlainText()
    dialog.ui.deputiesCheck.setChecked(True)
    assert "Cc" in dialog.ui.toEdit.toPlainText()
    dialog.ui.bodyEdit.setPlainText("Dear colleagues,\n\nThe agenda is attached.\n")
    dialog.ui.deputiesCheck.setChecked(False)  # an edited message survives a change of options
    assert dialog.ui.bodyEdit.toPlainText().startswith("Dear colleagues,\n\nThe agenda is attached.")
    ok(dialog)
    assert window.active_dialog is None
    draft = opened[-1]
    message = email.message_from_bytes(draft.read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    assert "The agenda is attached." in message.get_body(("plain",)).get_content()
    assert next(part.get_filename() for part in message.iter_attachments()).endswith(".docx")
    circulations = repo.circulations(meeting_id)
    assert len(circulations) == before + 1 and circulations[-1].kind.value == "agenda"
    assert len(circulations[-1].recipients) == len(dialog.plan.recipients)
    assert next_view.circulations_model.rowCount() == before + 1


def test_export_the_word_agenda(window, next_view, tmp_path):
    out = tmp_path / "agenda.docx"
    window.meetings.agenda.choose_agenda_file = lambda: out
    window.meetings.agenda.export_word_action.trigger()
    assert out.is_file() and out.read_bytes()[:2] == b"PK"
    assert window.meetings.agenda.last_output == out


def test_the_word_agenda_is_written_in_the_house_template_from_the_settings(window, next_view, tmp_path):
    import docx

    from tests.helpers.word_templates import HEADER_TEXT, house_template

    window.store.agendas.set_house_template("house.docx", house_template())
    out = tmp_path / "agenda.docx"
    window.meetings.agenda.choose_agenda_file = lambda: out
    window.meetings.agenda.export_word_action.trigger()
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text == HEADER_TEXT


# --- settings and layout -----------------------------------------------------------------------
def test_agenda_and_papers_settings_are_saved_together(window):
    repo = window.store.agendas
    window.meetings.agenda.settings_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AgendaSettingsDialog)
    dialog.ui.deadlineDaysSpin.setValue(7)
    dialog.ui.prioritiesEdit.setPlainText("Neglect\nExploitation\n")
    dialog.ui.templateCombo.setCurrentIndex(dialog.ui.templateCombo.findData("email_paper_chase"))
    dialog.ui.subjectEdit.setText("Still waiting: {paper}")
    row = dialog.standing.add(0)
    dialog.standing.setData(dialog.standing.index(row, StandingAgendaModel.COL_TITLE), "Safeguarding story")
    ok(dialog)
    assert window.active_dialog is None
    assert repo.setting("paper_deadline_days") == 7
    assert repo.setting("partnership_priorities") == ["Neglect", "Exploitation"]
    assert repo.setting("email_paper_chase")["subject"] == "Still waiting: {paper}"
    assert [s["title"] for s in repo.setting("standing_agenda")][1] == "Safeguarding story"


def test_an_unknown_placeholder_keeps_the_settings_dialog_open(window):
    window.meetings.agenda.settings_action.trigger()
    dialog = window.active_dialog
    dialog.ui.templateCombo.setCurrentIndex(dialog.ui.templateCombo.findData("email_paper_request"))
    dialog.ui.subjectEdit.setText("Paper for {itme}")
    ok(dialog)
    assert window.active_dialog is dialog and "{itme}" in dialog.errors.message
    assert window.store.agendas.setting("email_paper_request")["subject"] != "Paper for {itme}"
    dialog.reject()


def _choose_file(monkeypatch, path) -> list[str]:
    """The file chooser replaced: it 'chooses' ``path``; returns the filters it was offered."""
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []

    def choose(parent, caption, folder, file_filter, *args):
        offered.append(file_filter)
        return str(path), file_filter

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    return offered


def test_a_house_template_chosen_in_the_settings_is_stored_on_save(window, monkeypatch, tmp_path):
    from tests.helpers.word_templates import house_template

    repo = window.store.agendas
    content = house_template(kind="dotx")
    template = tmp_path / "Borough house style.dotx"
    template.write_bytes(content)
    offered = _choose_file(monkeypatch, template)
    window.meetings.agenda.settings_action.trigger()
    dialog = window.active_dialog
    assert dialog.ui.houseTemplateName.text() == "None — the program's own style"
    assert not dialog.ui.removeTemplateButton.isEnabled()
    dialog.ui.chooseTemplateButton.click()
    assert offered == ["Word documents and templates (*.docx *.dotx)"]
    assert dialog.ui.houseTemplateName.text().startswith("Borough house style.dotx")
    assert repo.house_template() is None  # nothing stored until Save
    dialog.ui.deadlineDaysSpin.setValue(6)
    ok(dialog)
    assert window.active_dialog is None
    assert repo.house_template() == ("Borough house style.dotx", content)
    assert repo.setting("paper_deadline_days") == 6

    # Remove, then Save: back to the program's own style
    window.meetings.agenda.settings_action.trigger()
    dialog = window.active_dialog
    assert dialog.ui.houseTemplateName.text() == "Borough house style.dotx"
    assert dialog.ui.removeTemplateButton.isEnabled()
    dialog.ui.removeTemplateButton.click()
    assert dialog.ui.houseTemplateName.text().startswith("None — the program's own style")
    assert repo.house_template() is not None  # still there until Save
    ok(dialog)
    assert window.active_dialog is None
    assert repo.house_template() is None and repo.setting("house_template") is None


def test_a_house_template_whose_file_is_missing_says_so_in_the_settings(window):
    """A setting naming a stored file that is not in this database (say, edited by hand) is shown as missing."""
    import json

    repo = window.store.agendas
    with window.store.write() as db:
        db.execute("INSERT INTO setting (name, value) VALUES ('house_template', ?)",
                   [json.dumps({"document_id": 99999, "file_name": "Lost style.dotx"})])
    assert repo.house_template_missing() == "Lost style.dotx"
    window.meetings.agenda.settings_action.trigger()
    dialog = window.active_dialog
    text = dialog.ui.houseTemplateName.text()
    assert text.startswith("Lost style.dotx") and "missing" in text and "choose it again" in text
    assert dialog.ui.removeTemplateButton.isEnabled()
    dialog.reject()


def test_cancel_keeps_the_house_template_as_it_was(window, monkeypatch, tmp_path):
    from tests.helpers.word_templates import house_template

    template = tmp_path / "house.docx"
    template.write_bytes(house_template())
    _choose_file(monkeypatch, template)
    window.meetings.agenda.settings_action.trigger()
    dialog = window.active_dialog
    dialog.ui.chooseTemplateButton.click()
    dialog.reject()
    assert window.store.agendas.house_template() is None


def test_a_refused_house_template_is_named_in_the_dialog_and_nothing_is_stored(window, monkeypatch, tmp_path):
    from tests.helpers.word_templates import house_template

    repo = window.store.agendas
    documents = window.store.db.execute("SELECT count(*) FROM document").fetchone()[0]
    renamed = tmp_path / "logo.docx"
    renamed.write_bytes(b"MZ\x90\x00" + b"\0" * 200)
    _choose_file(monkeypatch, renamed)
    window.meetings.agenda.settings_action.trigger()
    dialog = window.active_dialog
    dialog.ui.chooseTemplateButton.click()
    assert "'logo.docx' is not a Word file: its content is a Windows program" in dialog.ui.errorLabel.text()
    assert not dialog.ui.errorLabel.isHidden()
    assert dialog.ui.houseTemplateName.text() == "None — the program's own style"
    ok(dialog)  # the other settings still save; the refused file is not among them
    assert window.active_dialog is None
    assert repo.house_template() is None and repo.setting("house_template") is None
    assert window.store.db.execute("SELECT count(*) FROM document").fetchone()[0] == documents

    # A good file chosen after a refused one clears the message and is kept.
    good = tmp_path / "good.docx"
    good.write_bytes(house_template())
    window.meetings.agenda.settings_action.trigger()
    dialog = window.active_dialog
    _choose_file(monkeypatch, renamed)
    dialog.ui.chooseTemplateButton.click()
    assert dialog.ui.errorLabel.text()
    _choose_file(monkeypatch, good)
    dialog.ui.chooseTemplateButton.click()
    assert dialog.ui.errorLabel.isHidden() and dialog.ui.houseTemplateName.text().startswith("good.docx")
    ok(dialog)
    assert repo.house_template()[0] == "good.docx"


def test_the_agenda_view_fits_a_laptop_screen_and_esc_goes_back(window, qtbot, next_view):
    assert window.minimumSizeHint().width() <= 1280
    qtbot.keyClick(next_view.tree, Qt.Key.Key_Escape)
    assert not window.meetings.page.in_detail
    assert window.meetings.page.current_meeting().id == next_view.meeting.id


def test_a_pack_error_is_shown_naming_the_paper_and_nothing_is_saved(window, qtbot, next_view, opened, tmp_path,
                                                                     monkeypatch, shown_errors):
    from mqp_desktop.exporters import meeting_pack

    def refuse(store, meeting_id, path, **_kwargs):
        raise meeting_pack.PackError("Item 7, 'Neglect strategy.pdf', is an encrypted PDF: it cannot go in the pack.",
                                     "Ask the author for a copy without a password.")

    monkeypatch.setattr(meeting_pack, "build_pack", refuse)
    agenda = window.meetings.agenda
    out = tmp_path / "pack.pdf"
    agenda.choose_pack_file = lambda: out
    packs = len(window.store.agendas.packs(next_view.meeting.id))
    agenda.build_pack_action.trigger()
    qtbot.waitUntil(lambda: agenda.pack_job is None, timeout=120_000)
    assert agenda.last_pack_outcome == "failed"
    title, message = shown_errors[-1]
    assert title == "Meeting pack not built"
    assert message.startswith("Item 7, 'Neglect strategy.pdf', is an encrypted PDF")
    assert not out.exists() and len(window.store.agendas.packs(next_view.meeting.id)) == packs

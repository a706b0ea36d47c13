"""The Section 11 Frameworks dialog, through the real main window on the demo database.

The demo's two rounds use version 1 of the statutory standards, so an edit becomes
version 2 and the rounds keep their standards. What was saved is read back through
:class:`Section11Repo`; the file choosers are replaced, dialogs found in ``active_dialog``.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from mqp_desktop.store import Store
from mqp_desktop.store.section11 import Section11Repo
from mqp_desktop.ui.dialogs import common as dialog_common
from mqp_desktop.ui.dialogs.section11_frameworks import FrameworkImportDialog, FrameworksDialog, StandardDialog
from mqp_desktop.ui.main_window import MainWindow
from mqp_desktop.ui.settings import Settings

STATUTORY = "Section 11 statutory standards"

@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialog_common, "show_warning",
                        lambda parent, title, problem, remedy="": shown.append((title, problem)))
    return shown

@pytest.fixture
def window(qtbot, demo_db, tmp_path, warnings):
    w = MainWindow(Store.open(demo_db), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.store is not None:
        w.store.close()

@pytest.fixture
def dialog(window) -> FrameworksDialog:
    assert window.section11.frameworks_action in window.section11.actions  # in the Section 11 menu
    window.section11.frameworks_action.trigger()
    d = window.active_dialog
    assert isinstance(d, FrameworksDialog)
    return d

def repo(window) -> Section11Repo:
    return Section11Repo(window.store)

def press_ok(d) -> None:
    d.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

def listed(d: FrameworksDialog) -> list[tuple[str, str, str, str]]:
    tree = d.ui.frameworksTree
    return [tuple(tree.topLevelItem(i).text(c) for c in range(4)) for i in range(tree.topLevelItemCount())]

def test_lists_versions_with_their_rounds_and_shows_the_standards(dialog):
    assert listed(dialog) == [(STATUTORY, "1", "8", "2 rounds")]
    tree = dialog.ui.standardsTree
    assert tree.topLevelItemCount() == 8
    first = tree.topLevelItem(0)
    assert first.text(0) == "1" and first.text(1).startswith("Senior management commitment")
    assert [first.child(i).text(0) for i in range(first.childCount())][-4:] == ["1.1", "1.2", "1.3", "1.4"]
    assert "Used by Section 11 audit 2026–27, Section 11 audit 2025–26" in dialog.ui.standardsCaption.text()
    assert "never changed" in dialog.ui.noteLabel.text()

def test_voice_of_the_child_becomes_version_2_and_the_rounds_keep_their_standards(window, dialog):
    rounds_before = {r.id: r.standards for r in repo(window).rounds()}
    dialog.ui.addStandardButton.click()
    add = dialog.active_dialog
    assert isinstance(add, StandardDialog) and add.ui.numberSpin.value() == 9
    assert "saved as version 2" in add.ui.explanationLabel.text()
    add.ui.titleEdit.setText("Voice of the child")
    add.ui.descriptionEdit.setPlainText("Children's views shape the agency's services.")
    add.ui.criteriaEdit.setPlainText("Children's views are sought and recorded.\n\nChildren hear what changed.\n")
    press_ok(add)
    assert dialog.active_dialog is None

    v2 = repo(window).framework(STATUTORY)
    assert v2.version == 2 and v2.standard(9).title == "Voice of the child"
    assert [(c.code, c.text) for c in v2.standard(9).criteria] == [
        ("9.1", "Children's views are sought and recorded."), ("9.2", "Children hear what changed.")]
    assert len(repo(window).framework(STATUTORY, 1).standards) == 8
    assert {r.id: r.standards for r in repo(window).rounds()} == rounds_before
    assert listed(dialog) == [(STATUTORY, "1", "8", "2 rounds"), (STATUTORY, "2 (latest)", "9", "no round yet")]
    assert dialog.current().version == 2 and dialog.current_standard().number == 9
    assert "version 1 is used by 2 audit rounds" in dialog.ui.statusLabel.text()

    # version 1 is kept as it is: selecting it disables editing
    dialog.select(STATUTORY, 1)
    assert not dialog.ui.addStandardButton.isEnabled() and not dialog.ui.editStandardButton.isEnabled()

def test_edit_standard_with_a_blank_title_stays_open_and_saves_nothing(window, dialog):
    dialog.select_standard(5)
    dialog.ui.editStandardButton.click()
    edit = dialog.active_dialog
    assert isinstance(edit, StandardDialog) and edit.ui.titleEdit.text().startswith("Staff training")
    edit.ui.titleEdit.setText("  ")
    press_ok(edit)
    assert dialog.active_dialog is edit and "needs a title" in edit.errors.message
    assert [f.version for f in repo(window).frameworks()] == [1]
    edit.ui.titleEdit.setText("Safeguarding training")
    press_ok(edit)
    assert repo(window).framework(STATUTORY).standard(5).title == "Safeguarding training"
    assert repo(window).framework(STATUTORY, 1).standard(5).title.startswith("Staff training")

def test_copy_as_my_own(window, dialog):
    dialog.ui.copyButton.click()
    prompt = dialog.active_dialog
    prompt.setTextValue("Wandsworth Section 11 standards")
    prompt.accept()
    ours = repo(window).framework("Wandsworth Section 11 standards")
    assert ours.version == 1 and ours.standards == repo(window).framework(STATUTORY).standards
    assert dialog.current().name == "Wandsworth Section 11 standards"

def test_import_with_a_bad_row_lists_problems_and_saves_nothing(window, dialog, tmp_path):
    bad = tmp_path / "ours.csv"
    bad.write_text("Standard,Criterion,Text,Description\n1,,Leadership,\n1,1,Named lead,\n2,,,\n", encoding="utf-8")
    dialog.choose_import_file = lambda: bad
    dialog.ui.importButton.click()
    preview = dialog.active_dialog
    assert isinstance(preview, FrameworkImportDialog) and preview.blocked
    model = preview.problems_model
    rows = [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]
    assert rows == [("4", "column C (text)", "the title or sub-criterion text is missing")]
    assert not preview.save_button.isEnabled()
    preview.accept()  # even if forced, nothing is saved
    assert dialog.active_dialog is preview
    assert [f.name for f in repo(window).frameworks()] == [STATUTORY]

def test_a_framework_csv_whose_encoding_was_guessed_says_so_and_a_stray_byte_is_refused(window, dialog, tmp_path,
                                                                                       warnings):
    ours = tmp_path / "ours.csv"
    ours.write_bytes("Standard,Criterion,Text\n1,,Leadership – the board’s rôle\n1,1,Named lead\n".encode("cp1252"))
    dialog.choose_import_file = lambda: ours
    dialog.ui.importButton.click()
    preview = dialog.active_dialog
    assert isinstance(preview, FrameworkImportDialog) and not preview.blocked
    assert "Windows-1252 (Western European), guessed" in preview.ui.summaryLabel.text()
    preview.reject()
    ours.write_bytes("Standard,Criterion,Text\n1,,Leadership – Zoë\n".encode() + b"2,,Trainin\xe9\n")
    dialog.ui.importButton.click()
    ((title, problem),) = warnings
    assert title == "Framework not imported" and "line 3" in problem and "'ours.csv'" in problem
    assert [f.name for f in repo(window).frameworks()] == [STATUTORY]

def test_export_then_import_round_trips(window, dialog, tmp_path, qtmodeltester):
    out = tmp_path / "standards.xlsx"
    dialog.choose_export_file = lambda fw: out
    dialog.ui.exportButton.click()
    assert out.exists() and str(out) in dialog.ui.statusLabel.text()

    dialog.choose_import_file = lambda: out
    dialog.ui.importButton.click()
    preview = dialog.active_dialog
    assert isinstance(preview, FrameworkImportDialog) and not preview.blocked
    qtmodeltester.check(preview.problems_model)
    assert preview.ui.previewTree.topLevelItemCount() == 8
    preview.ui.nameEdit.setText("Partnership standards")
    assert "a new framework with 8 standards" in preview.ui.outcomeLabel.text()
    press_ok(preview)
    assert repo(window).framework("Partnership standards").standards == repo(window).framework(STATUTORY).standards

    # the same file under the statutory name says so and adds no version
    dialog.ui.importButton.click()
    again = dialog.active_dialog
    again.ui.nameEdit.setText(STATUTORY)
    assert "already says this" in again.ui.outcomeLabel.text()
    press_ok(again)
    assert [f.version for f in repo(window).frameworks() if f.name == STATUTORY] == [1]

def test_an_unreadable_file_is_a_warning(window, dialog, tmp_path, warnings):
    dialog.choose_import_file = lambda: tmp_path / "nothing.xlsx"
    dialog.ui.importButton.click()
    assert warnings and warnings[-1][0] == "Framework not imported" and "There is no file" in warnings[-1][1]

"""The Section 11 Frameworks dialog: see, edit, copy, import and export frameworks of standards.

:class:`FrameworksDialog` lists every framework version (and the audit rounds made from
each) beside the selected version's standards and sub-criteria. Its buttons open
:class:`StandardDialog` (add or edit one standard), a name prompt (copy as the
partnership's own), :class:`FrameworkImportDialog` (a spreadsheet's standards, or every
problem in it by row and column; Save only when there are none) and a file chooser
(export). The dialog never writes itself: it calls the :class:`FrameworkCalls` the
controller gives it, which save through
:func:`~mqp_desktop.store.section11_framework_edits.save_explained`, so a version an
audit round uses is never changed — the edit becomes the next version, and each round
keeps its own copy of the standards. The file choosers are methods tests replace.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from mqp_desktop.domain.section11 import Framework, Standard
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import StoreError
from mqp_desktop.ui.dialogs import common
from mqp_desktop.ui.dialogs.common import FieldErrors, RecordDialog
from mqp_desktop.ui.generated.ui_s11_framework_import_dialog import Ui_S11FrameworkImportDialog
from mqp_desktop.ui.generated.ui_s11_frameworks_dialog import Ui_S11FrameworksDialog
from mqp_desktop.ui.generated.ui_s11_standard_dialog import Ui_S11StandardDialog
from mqp_desktop.ui.models import _Index, _RecordTableModel

SPREADSHEET_FILTERS = "Spreadsheets (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV file (*.csv)"
EXPORT_FILTERS = {"Excel workbook (*.xlsx)": ".xlsx", "CSV file (*.csv)": ".csv"}
NOTE = (
    "A framework is the set of standards an audit round asks agencies to rate. "
    "<b>A version that an audit round uses is never changed:</b> an edit to it is saved as the next "
    "version, which new rounds use, and every round keeps its own copy of the standards it was "
    "started with. To change the statutory standards for your partnership only, use "
    "<i>Copy as my own…</i> first."
)


@dataclass(frozen=True)
class FrameworkCalls:
    """What the dialog asks of the program (the controller supplies these)."""

    load: Callable[[], list[tuple[Framework, list[str]]]]  # every version, with the names of the rounds using it
    save: Callable[[Framework], Any]  # -> FrameworkSaved (framework, outcome, message)
    copy: Callable[[Framework, str], Any]  # (source, new name) -> FrameworkSaved
    read: Callable[[Path], Framework]  # a spreadsheet's framework; raises WorkbookError / FrameworkImportError
    preview: Callable[[Framework], str]  # what saving it would do, in a sentence
    export: Callable[[Framework, Path], Path]
    how_read: Callable[[Path], str] = lambda _path: ""  # a CSV file's guessed encoding, in a sentence, or ''


def _fill_standards(tree: QTreeWidget, standards: Sequence[Standard]) -> None:
    """Standards as top-level rows (bold), each with its description (grey, italic) and sub-criteria."""
    tree.clear()
    grey = tree.palette().color(QPalette.ColorRole.PlaceholderText)
    for s in standards:
        top = QTreeWidgetItem([str(s.number), s.title])
        top.setData(0, Qt.ItemDataRole.UserRole, s.number)
        font = QFont(tree.font())
        font.setBold(True)
        top.setFont(1, font)
        top.setToolTip(1, s.description or s.title)
        if s.description:
            desc = QTreeWidgetItem(["", s.description])
            desc.setData(0, Qt.ItemDataRole.UserRole, s.number)
            italic = QFont(tree.font())
            italic.setItalic(True)
            desc.setFont(1, italic)
            desc.setForeground(1, grey)
            top.addChild(desc)
        for c in s.criteria:
            child = QTreeWidgetItem([c.code, c.text])
            child.setData(0, Qt.ItemDataRole.UserRole, s.number)
            child.setToolTip(1, c.text)
            top.addChild(child)
        tree.addTopLevelItem(top)
    tree.expandAll()


def _prepare_standards_tree(tree: QTreeWidget) -> None:
    """A narrow number column, the text in the rest."""
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    header = tree.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
    tree.setColumnWidth(0, 64)


# ==========================================================================================
# one standard
# ==========================================================================================
class StandardDialog(RecordDialog):
    """Add a standard, or change one's title, description and sub-criteria.

    ``save(number, title, description, criteria)`` on OK; ``criteria`` are the lines typed.
    """

    error_title = "Standard not saved"

    def __init__(self, framework: Framework, *, save: Callable[[int, str, str, list[str]], object],
                 standard: Standard | None = None, note: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_S11StandardDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.editing = standard is not None
        note = f" {note}" if note else ""
        if standard is None:
            self.setWindowTitle(f"Add a standard — {framework.name}")
            ui.numberSpin.setValue(max((s.number for s in framework.standards), default=0) + 1)
            ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Add standard")
            ui.explanationLabel.setText(f"A new standard for {framework.name}, numbered after the last one unless "
                                        f"you change the number.{note}")
        else:
            self.setWindowTitle(f"Edit standard {standard.number} — {framework.name}")
            ui.numberSpin.setValue(standard.number)
            ui.numberSpin.setEnabled(False)
            ui.numberSpin.setToolTip("A standard keeps its number: rounds and workbooks refer to it by number")
            ui.titleEdit.setText(standard.title)
            ui.descriptionEdit.setPlainText(standard.description)
            ui.criteriaEdit.setPlainText("\n".join(c.text for c in standard.criteria))
            ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
            ui.explanationLabel.setText(
                f"Standard {standard.number} of {framework.label}. Sub-criteria are renumbered "
                f"{standard.number}.1, {standard.number}.2, … in the order of the lines if you change them.{note}")
        self.numberChanged()
        ui.numberSpin.valueChanged.connect(self.numberChanged)
        self.errors = FieldErrors(self, {"title": ui.titleEdit, "standard": ui.numberSpin,
                                         "criterion": ui.criteriaEdit}, ui.errorLabel)
        ui.titleEdit.setFocus()

    def numberChanged(self, *_args: object) -> None:
        n = self.ui.numberSpin.value()
        self.ui.criteriaEdit.setPlaceholderText(f"one per line; numbered {n}.1, {n}.2, … in this order (optional)")

    def criteria(self) -> list[str]:
        return [line.strip() for line in self.ui.criteriaEdit.toPlainText().splitlines() if line.strip()]

    def build(self) -> tuple:
        title = " ".join(self.ui.titleEdit.text().split())
        if not title:
            raise ValidationError("title", "A standard needs a title, e.g. 'Voice of the child'.")
        return (self.ui.numberSpin.value(), title, self.ui.descriptionEdit.toPlainText().strip(), self.criteria())


# ==========================================================================================
# a framework from a spreadsheet
# ==========================================================================================
class FrameworkProblemsModel(_RecordTableModel):
    """One row per problem in an imported framework: spreadsheet row, column, what is wrong."""

    COL_ROW, COL_COLUMN, COL_PROBLEM = range(3)
    HEADERS = ("Row", "Column", "Problem")

    def set_rows(self, problems: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(problems)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        p = self._rows[index.row()]
        values = (str(p.row), str(p.column), str(p.message))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FrameworkImportDialog(RecordDialog):
    """A spreadsheet's framework before it is saved: its standards, or every problem in it.

    With problems, Save is disabled and nothing can be saved. Otherwise ``save(framework)``
    on Save, with the name and description typed here; ``preview(framework)`` says what
    saving would do (a new framework, or a new version of one of that name).
    """

    error_title = "Framework not imported"

    def __init__(self, source: Path, framework: Framework | None, problems: Sequence[Any], *,
                 save: Callable[[Framework], object], preview: Callable[[Framework], str],
                 description_of: Callable[[str], str] = lambda _name: "", note: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_S11FrameworkImportDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.framework = framework
        self._save = save
        self._preview = preview
        self._description_of = description_of
        self.problems_model = FrameworkProblemsModel(self)
        self.problems_model.set_rows(problems)
        ui.problemsView.setModel(self.problems_model)
        ui.problemsView.verticalHeader().setVisible(False)
        ui.problemsView.setColumnWidth(0, 50)
        ui.problemsView.setColumnWidth(1, 150)
        ui.problemsView.horizontalHeader().setStretchLastSection(True)
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText("Save framework")
        blocked = framework is None or bool(problems)
        self.save_button.setEnabled(not blocked)
        where = f"<b>{html.escape(source.name)}</b><br>"
        if blocked:
            n = len(problems)
            ui.summaryLabel.setText(
                f"{where}<span style='color:{common.ERROR_COLOUR}'><b>{n} problem{'s' if n != 1 else ''} to put "
                "right.</b></span> Nothing has been saved and nothing can be until the spreadsheet is corrected: "
                "fix these rows in Excel, save, then import it again.")
        else:
            n_criteria = sum(len(s.criteria) for s in framework.standards)
            ui.summaryLabel.setText(
                f"{where}<b>No problems found:</b> {len(framework.standards)} standards, {n_criteria} sub-criteria. "
                "Check them below, name the framework, then Save."
                + (f"<br><span style='color:{common.ERROR_COLOUR}'>{html.escape(note)}</span>" if note else ""))
            ui.nameEdit.setText(framework.name)
            ui.descriptionEdit.setText(framework.description)
            ui.descriptionEdit.setPlaceholderText("optional; a new version of a framework keeps its description")
            _prepare_standards_tree(ui.previewTree)
            _fill_standards(ui.previewTree, framework.standards)
        for widget in (ui.problemsCaption, ui.problemsView):
            widget.setVisible(blocked)
        for widget in (ui.previewCaption, ui.previewTree, ui.nameLabel, ui.nameEdit, ui.descriptionLabel,
                       ui.descriptionEdit, ui.outcomeLabel):
            widget.setVisible(not blocked)
        ui.nameEdit.textChanged.connect(self._show_outcome)
        self._show_outcome()
        self.errors = FieldErrors(self, {"name": ui.nameEdit}, ui.errorLabel)
        self.resize(820, 580)

    @property
    def blocked(self) -> bool:
        return not self.save_button.isEnabled()

    def named(self) -> Framework:
        assert self.framework is not None
        name = " ".join(self.ui.nameEdit.text().split())
        # left blank, a new version of an existing framework keeps the description it had
        description = self.ui.descriptionEdit.text().strip() or self._description_of(name)
        return dataclasses.replace(self.framework, name=name, description=description)

    def _show_outcome(self, *_args: object) -> None:
        if self.blocked:
            return
        named = self.named()
        if not named.name:
            self.ui.outcomeLabel.setText("Give the framework a name.")
            return
        try:
            self.ui.outcomeLabel.setText(self._preview(named))
        except (ValidationError, StoreError) as exc:
            self.ui.outcomeLabel.setText(getattr(exc, "message", None) or str(exc))

    def build(self) -> tuple:
        if self.blocked:
            raise ValidationError("rows", "The spreadsheet has problems: nothing can be saved until they are put right.")
        named = self.named()
        if not named.name:
            raise ValidationError("name", "Give the framework a name, e.g. 'Our Section 11 standards'.")
        return (named,)


# ==========================================================================================
# the frameworks
# ==========================================================================================
class FrameworksDialog(QDialog):
    """Every framework version and its standards; add, edit, copy, import and export."""

    def __init__(self, calls: FrameworkCalls, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_S11FrameworksDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.calls = calls
        self.entries: list[tuple[Framework, list[str]]] = []
        self.active_dialog: QDialog | None = None
        self.last_message = ""
        ui.noteLabel.setText(NOTE)
        _prepare_standards_tree(ui.standardsTree)
        ui.frameworksTree.setColumnCount(4)
        header = ui.frameworksTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        ui.splitter.setStretchFactor(0, 5)
        ui.splitter.setStretchFactor(1, 6)
        ui.splitter.setSizes([400, 630])
        ui.frameworksTree.currentItemChanged.connect(lambda *_: self._show_selected())
        ui.standardsTree.currentItemChanged.connect(lambda *_: self._standard_changed())
        ui.standardsTree.itemDoubleClicked.connect(lambda *_: self.edit_standard())
        ui.addStandardButton.clicked.connect(self.add_standard)
        ui.editStandardButton.clicked.connect(self.edit_standard)
        ui.copyButton.clicked.connect(self.copy_framework)
        ui.importButton.clicked.connect(self.import_framework)
        ui.exportButton.clicked.connect(self.export_framework)
        ui.addStandardButton.setToolTip("Add a standard (e.g. Voice of the child) to this framework")
        ui.copyButton.setToolTip("Start a framework of your partnership's own from this one's standards")
        ui.importButton.setToolTip("Read a framework from an Excel or CSV file (export one to see the layout)")
        ui.exportButton.setToolTip("Write this version to Excel, to edit there and import back")
        self.resize(1040, 620)
        self.reload()

    # --- overridable (tests replace these) ---------------------------------------------------
    def choose_import_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, "Import a framework from a spreadsheet", str(Path.home()),
                                              SPREADSHEET_FILTERS)
        return Path(name) if name else None

    def choose_export_file(self, framework: Framework) -> Path | None:
        from mqp_desktop.exporters.files import safe_file_name

        stem = safe_file_name(framework.name, fallback="framework", max_length=60)
        name, chosen = QFileDialog.getSaveFileName(
            self, "Export the framework to a spreadsheet",
            str(Path.home() / f"{stem} v{framework.version}.xlsx"), ";;".join(EXPORT_FILTERS))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in EXPORT_FILTERS.values():
            path = path.with_name(path.name + EXPORT_FILTERS.get(chosen, ".xlsx"))
        return path

    # --- the lists ---------------------------------------------------------------------------
    def reload(self, select: tuple[str, int] | None = None) -> None:
        """Read the frameworks again; select ``(name, version)``, else keep the selection."""
        if select is None and self.current() is not None:
            fw = self.current()
            select = (fw.name, fw.version)
        self.entries = self.calls.load()
        latest = {}
        for fw, _rounds in self.entries:
            latest[fw.name.lower()] = max(latest.get(fw.name.lower(), 0), fw.version)
        tree = self.ui.frameworksTree
        tree.blockSignals(True)
        tree.clear()
        chosen = None
        for i, (fw, rounds) in enumerate(self.entries):
            is_latest = latest[fw.name.lower()] == fw.version
            version = f"{fw.version} (latest)" if is_latest and fw.version > 1 else str(fw.version)
            if rounds:
                used = f"{len(rounds)} round{'s' if len(rounds) != 1 else ''}"
            elif fw.id is None:
                used = "no round yet (as shipped)"
            else:
                used = "no round yet"
            item = QTreeWidgetItem([fw.name, version, str(len(fw.standards)), used])
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            item.setToolTip(0, fw.description or fw.name)
            item.setToolTip(3, ", ".join(rounds) or used)
            for col in (1, 2):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            tree.addTopLevelItem(item)
            if select and fw.name.lower() == select[0].lower() and fw.version == select[1]:
                chosen = item
        tree.blockSignals(False)
        if chosen is None and tree.topLevelItemCount():
            chosen = tree.topLevelItem(tree.topLevelItemCount() - 1)
        tree.setCurrentItem(chosen)
        self._show_selected()

    def current(self) -> Framework | None:
        entry = self.current_entry()
        return entry[0] if entry else None

    def current_entry(self) -> tuple[Framework, list[str]] | None:
        item = self.ui.frameworksTree.currentItem()
        if item is None:
            return None
        return self.entries[item.data(0, Qt.ItemDataRole.UserRole)]

    def is_latest(self, fw: Framework) -> bool:
        return all(f.version <= fw.version for f, _r in self.entries if f.name.lower() == fw.name.lower())

    def select(self, name: str, version: int) -> None:
        tree = self.ui.frameworksTree
        for row in range(tree.topLevelItemCount()):
            fw = self.entries[tree.topLevelItem(row).data(0, Qt.ItemDataRole.UserRole)][0]
            if fw.name.lower() == name.lower() and fw.version == version:
                tree.setCurrentItem(tree.topLevelItem(row))
                return
        raise LookupError(f"no framework {name} version {version}")

    def select_standard(self, number: int) -> None:
        tree = self.ui.standardsTree
        for row in range(tree.topLevelItemCount()):
            if tree.topLevelItem(row).data(0, Qt.ItemDataRole.UserRole) == number:
                tree.setCurrentItem(tree.topLevelItem(row))
                return
        raise LookupError(f"no standard {number}")

    def current_standard(self) -> Standard | None:
        fw, item = self.current(), self.ui.standardsTree.currentItem()
        if fw is None or item is None:
            return None
        return fw.standard(item.data(0, Qt.ItemDataRole.UserRole))

    def _show_selected(self) -> None:
        entry = self.current_entry()
        ui = self.ui
        if entry is None:
            ui.standardsTree.clear()
            ui.standardsCaption.setText("No framework selected.")
        else:
            fw, rounds = entry
            n_criteria = sum(len(s.criteria) for s in fw.standards)
            if rounds:
                used = (f"Used by {', '.join(rounds)}: kept as it is; "
                        + ("an edit is saved as the next version." if self.is_latest(fw) else
                           "this is an earlier version, so select the latest one to edit."))
            elif fw.id is None:
                used = "As shipped: an edit is saved as version 2, and this text stays as it is."
            elif self.is_latest(fw):
                used = "No audit round uses this version yet, so an edit changes it in place."
            else:
                used = "An earlier version: select the latest one to edit."
            ui.standardsCaption.setText(
                f"<b>{html.escape(fw.label)}</b>: {len(fw.standards)} standards, {n_criteria} sub-criteria."
                f"<br>{html.escape(used)}")
            _fill_standards(ui.standardsTree, fw.standards)
        self._standard_changed()

    def save_note(self, fw: Framework) -> str:
        """Where an edit of ``fw`` goes, for the standard dialog."""
        rounds = next((r for f, r in self.entries if f == fw), [])
        if rounds:
            n = len(rounds)
            return (f"Version {fw.version} is used by {n} audit round{'s' if n != 1 else ''}, so this is saved as "
                    f"version {fw.version + 1}; {'that round keeps its' if n == 1 else 'the rounds keep their'} "
                    "own copy of the standards.")
        if fw.id is None:
            return f"The statutory text as shipped stays as it is: this is saved as version {fw.version + 1}."
        return f"No audit round uses version {fw.version} yet, so it is changed in place."

    def _standard_changed(self) -> None:
        """The selected row's whole text under the tree (the tree cuts long lines short)."""
        item, standard = self.ui.standardsTree.currentItem(), self.current_standard()
        if item is None or standard is None:
            self.ui.detailLabel.setText("Select a standard or sub-criterion to read it in full.")
        elif item.parent() is None or not item.text(0):
            self.ui.detailLabel.setText(f"<b>{html.escape(standard.label)}</b>"
                                        + (f"<br>{html.escape(standard.description)}" if standard.description else ""))
        else:
            self.ui.detailLabel.setText(f"<b>{html.escape(item.text(0))}</b> {html.escape(item.text(1))}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        ui = self.ui
        fw = self.current()
        editable = fw is not None and self.is_latest(fw)
        newer = "" if fw is None or editable else (
            f"Version {fw.version} is an earlier version and stays as it is: select the latest version to edit")
        ui.addStandardButton.setEnabled(editable)
        ui.editStandardButton.setEnabled(editable and self.current_standard() is not None)
        ui.editStandardButton.setToolTip(
            newer or ("Change the selected standard's title, description or sub-criteria"
                      if self.current_standard() else "Select a standard to edit it"))
        if newer:
            ui.addStandardButton.setToolTip(newer)
        else:
            ui.addStandardButton.setToolTip("Add a standard (e.g. Voice of the child) to this framework")
        for button in (ui.copyButton, ui.exportButton):
            button.setEnabled(fw is not None)

    # --- saving ------------------------------------------------------------------------------
    def _saved(self, result: Any, standard: int | None = None) -> Any:
        self.last_message = result.message
        self.ui.statusLabel.setText(result.message)
        self.reload(select=(result.framework.name, result.framework.version))
        if standard is not None:
            self.select_standard(standard)
        return result

    def _open(self, dialog: QDialog) -> None:
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def add_standard(self) -> None:
        fw = self.current()
        if fw is None or not self.is_latest(fw):
            return

        def save(number: int, title: str, description: str, criteria: list[str]) -> Any:
            return self._saved(self.calls.save(fw.with_standard(title, description, criteria, number)), number)

        self._open(StandardDialog(fw, save=save, note=self.save_note(fw), parent=self))

    def edit_standard(self) -> None:
        fw, standard = self.current(), self.current_standard()
        if fw is None or standard is None or not self.is_latest(fw):
            return

        def save(number: int, title: str, description: str, criteria: list[str]) -> Any:
            edited = fw.with_standard_changed(number, title=title, description=description, criteria=criteria)
            return self._saved(self.calls.save(edited), number)

        self._open(StandardDialog(fw, save=save, standard=standard, note=self.save_note(fw), parent=self))

    def copy_framework(self) -> None:
        fw = self.current()
        if fw is None:
            return
        prompt = QInputDialog(self)
        prompt.setWindowTitle("Copy as my own")
        prompt.setLabelText(f"A framework of your partnership's own, starting from the standards of {fw.label}."
                            "\n\nIts name:")
        prompt.setTextValue("Our Section 11 standards")
        prompt.setOkButtonText("Copy")
        prompt.resize(520, prompt.sizeHint().height())
        prompt.textValueSelected.connect(lambda name, source=fw: self._copy(source, name))
        self._open(prompt)
        prompt.findChild(QLineEdit).selectAll()

    def _copy(self, source: Framework, name: str) -> None:
        try:
            self._saved(self.calls.copy(source, name))
        except (ValidationError, StoreError) as exc:
            self._warn("Framework not copied", exc)

    def _warn(self, title: str, exc: BaseException) -> None:
        problem = getattr(exc, "problem", None) or getattr(exc, "message", None) or str(exc)
        common.show_warning(self, title, problem, getattr(exc, "remedy", ""))

    def import_framework(self) -> None:
        from mqp_desktop.exporters.section11_framework_file import FrameworkImportError, WorkbookError

        path = self.choose_import_file()
        if path is None:
            return
        framework, problems = None, ()
        try:
            framework = self.calls.read(path)
        except FrameworkImportError as exc:
            problems = exc.problems
        except WorkbookError as exc:
            self._warn("Framework not imported", exc)
            return

        def save(fw: Framework) -> Any:
            return self._saved(self.calls.save(fw))

        def description_of(name: str) -> str:
            same = [f for f, _r in self.entries if f.name.lower() == name.lower()]
            return same[-1].description if same else ""

        self._open(FrameworkImportDialog(path, framework, problems, save=save, preview=self.calls.preview,
                                         description_of=description_of, note=self.calls.how_read(path),
                                         parent=self))

    def export_framework(self) -> None:
        fw = self.current()
        if fw is None:
            return
        path = self.choose_export_file(fw)
        if path is None:
            return
        try:
            written = self.calls.export(fw, path)
        except OSError as exc:
            self._warn("Framework not exported", exc)
            return
        self.last_message = f"Wrote {fw.label} to {written}."
        self.ui.statusLabel.setText(self.last_message)

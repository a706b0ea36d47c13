"""The preview of an indicator data import: every cell it will add, revise, leave unchanged,
skip or reject, before anything is written.

The preview comes from :mod:`mqp_desktop.exporters.indicator_data_import` (``.cells`` of
``CellPlan``, ``.counts``, ``.sheets``, ``.layouts``, ``.needing_reason(reason)``, and for a CSV
file its encoding). The pieces are the register import's (its outcome colours, its 'Read as'
choice, its skip-the-rejected rule): with rejected cells, Import stays disabled until "Import the
rest" is ticked; with revisions, until a reason is given (or each has its own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QWidget

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import StoreError
from mqp_desktop.ui.dialogs import common
from mqp_desktop.ui.dialogs.import_preview_dialog import ACTION_COLOURS, OutcomeRole, _html, fill_encoding_choice
from mqp_desktop.ui.generated.ui_indicator_data_import_dialog import Ui_IndicatorDataImportDialog
from mqp_desktop.ui.models import _RecordTableModel

COL_SHEET, COL_CELL, COL_INDICATOR, COL_PERIOD, COL_AGENCY, COL_OUTCOME, COL_OLD, COL_NEW, COL_NOTE = range(9)
HEADERS = ("Sheet", "Cell", "Indicator", "Period", "Agency", "Outcome", "Stored", "In the file", "Reason or problem")

OUTCOME_WORDS = {"add": "Add", "revise": "Revise", "unchanged": "Unchanged", "reject": "Reject",
                 "suppressed": "Skip (suppressed)", "not available": "Skip (not available)"}
# The register import's colours: add green, a revision blue (its "update"), rejected red.
OUTCOME_COLOURS = {"add": ACTION_COLOURS["add"], "revise": ACTION_COLOURS["update"],
                   "unchanged": ACTION_COLOURS["unchanged"], "reject": ACTION_COLOURS["reject"],
                   "skip": ("#6d4c00", "#fff4ce")}
OutcomeKeyRole = OutcomeRole + 1  # the outcome's key ("reject"), for the filter
SHOW_CHOICES = (("All cells", None), ("Rejected only", "reject"), ("To revise", "revise"), ("To add", "add"),
                ("Unchanged", "unchanged"), ("Skipped", "skip"))


def _cell_sort_key(c: Any) -> tuple:
    return (c.sheet, c.row, c.column)


def _place(c: Any) -> str:
    """The cell's place as text that sorts by sheet, then row, then column (F7 before AA7, F7 before F10)."""
    return f"{c.sheet}\x00{c.row:08d}{c.column:05d}"


class IndicatorDataPreviewModel(_RecordTableModel):
    """One row per cell of the file that holds a figure (rows, columns and headings: the base's)."""

    HEADERS = HEADERS

    def __init__(self, cells: Sequence[Any] = (), parent=None):
        super().__init__(parent)
        self._rows = list(cells)
        self.reason = ""
        self._bold = QFont()
        self._bold.setBold(True)

    def set_cells(self, cells: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(cells)
        self.endResetModel()

    def set_reason(self, reason: str) -> None:
        """The import's reason, shown on the revisions that have none of their own (the view is
        repainted by the dialog: a dataChanged per keystroke through the sorting proxy is not needed)."""
        self.reason = reason.strip()

    def cell(self, row: int) -> Any:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        c, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(c, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NOTE or column == COL_OUTCOME:
                where = f"{c.where[0].upper()}{c.where[1:]}: " if c.outcome == "reject" else ""
                return where + (self.text(c, COL_NOTE) or self.text(c, COL_OUTCOME))
            if column == COL_INDICATOR and c.indicator is not None:
                return c.indicator.label
            return None
        if role == Qt.ItemDataRole.UserRole:  # sorting: the cell's place, not its letters
            if column in (COL_SHEET, COL_CELL):
                return _place(c)
            return self.text(c, column)
        if role == OutcomeRole:
            return c
        if role == OutcomeKeyRole:
            return c.outcome
        colours = OUTCOME_COLOURS.get(c.outcome)
        if column == COL_OUTCOME and colours:
            fg, bg = colours
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(fg))
            if role == Qt.ItemDataRole.BackgroundRole and bg:
                return QBrush(QColor(bg))
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if column == COL_NOTE and role == Qt.ItemDataRole.ForegroundRole and (
                c.outcome == "reject" or (c.needs_reason and not self.reason)):
            return QBrush(QColor(OUTCOME_COLOURS["reject"][0]))
        if column in (COL_OLD, COL_NEW) and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, c: Any, column: int) -> str:
        if column == COL_SHEET:
            return c.sheet
        if column == COL_CELL:
            return c.cell
        if column == COL_INDICATOR:
            if c.indicator is None:
                return "—"
            kind = {"england": " (England)", "region": " (region)",
                    "statistical_neighbours": " (stat. neighbours)"}.get(c.kind, "")
            return f"{c.indicator.code}{kind}"
        if column == COL_PERIOD:
            return c.period.short_label() if c.period is not None else ""
        if column == COL_AGENCY:
            return c.agency or ("" if c.indicator is None or not c.indicator.by_agency else "partnership")
        if column == COL_OUTCOME:
            return OUTCOME_WORDS.get(c.skipped or c.outcome, c.outcome)
        if column == COL_OLD:
            return c.shown(c.old_value) if c.outcome in ("revise", "unchanged") else ""
        if column == COL_NEW:
            if c.outcome in ("reject", "skip"):
                return c.text
            return c.shown(c.value)
        if column == COL_NOTE:
            if c.outcome in ("reject", "skip"):
                return c.message
            if c.outcome == "revise":
                return c.reason or self.reason or "Needs a reason (below)"
            return c.reason
        return ""


class _OutcomeFilter(QSortFilterProxyModel):
    """Sorts by the cells' places; filters on their outcome (Qt's own fixed-string filter on a role)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcome: str | None = None
        self.setSortRole(Qt.ItemDataRole.UserRole)
        self.setFilterRole(OutcomeKeyRole)
        self.setFilterKeyColumn(COL_OUTCOME)

    def set_outcome(self, outcome: str | None) -> None:
        self.outcome = outcome
        self.setFilterRegularExpression(f"^{outcome}$" if outcome else "")


def summary_text(preview: Any) -> str:
    counts = preview.counts
    phrases = [f"{counts['add']} to add", f"{counts['revise']} to revise", f"{counts['unchanged']} unchanged"]
    if counts["reject"]:
        phrases.append(f"<span style='color:{OUTCOME_COLOURS['reject'][0]}'><b>{counts['reject']} rejected</b></span>")
    skipped = counts["suppressed"] + counts["not available"]
    if skipped:
        phrases.append(f"{skipped} skipped ({counts['suppressed']} suppressed, {counts['not available']} not available)")
    source = Path(preview.source).name
    text = f"<b>{_html(source)}</b>: {len(preview.cells)} cells with figures — {', '.join(phrases)}."
    if counts["reject"]:
        text += ("<br>Rejected cells are in red, each with the fix: correct the file and import it again, or tick "
                 "<i>Import the rest</i>.")
    text += "<br>Nothing has been written yet: the data changes only when you press <b>Import</b>."
    return text


class IndicatorDataImportDialog(QDialog):
    """Shows the preview; on Import calls ``apply(skip_rejected, reason)`` and keeps its counts in ``saved``.

    ``reread(codec)`` reads a CSV file again in another encoding (a ValidationError from it is shown,
    and Import is blocked).
    """

    error_title = "Import not done"

    def __init__(self, preview: Any, *, apply: Callable[[bool, str], dict], reread: Callable[[str], Any] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_IndicatorDataImportDialog()
        self.ui.setupUi(self)
        self.preview = preview
        self._apply = apply
        self._reread = reread
        self._unreadable = False
        self._sized = False
        self.saved: dict | None = None
        ui = self.ui
        self.setWindowTitle(f"Import indicator data — {Path(preview.source).name}")
        self.model = IndicatorDataPreviewModel((), self)
        self.proxy = _OutcomeFilter(self)
        self.proxy.setSourceModel(self.model)
        ui.cellsView.setModel(self.proxy)
        ui.cellsView.sortByColumn(COL_CELL, Qt.SortOrder.AscendingOrder)
        ui.cellsView.verticalHeader().hide()
        ui.cellsView.verticalHeader().setDefaultSectionSize(ui.cellsView.fontMetrics().height() + 8)
        header = ui.cellsView.horizontalHeader()
        for column, width in ((COL_SHEET, 90), (COL_CELL, 50), (COL_INDICATOR, 90), (COL_PERIOD, 90),
                              (COL_AGENCY, 90), (COL_OUTCOME, 150), (COL_OLD, 70), (COL_NEW, 90)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        for text, outcome in SHOW_CHOICES:
            ui.showCombo.addItem(text, outcome)
        ui.showCombo.currentIndexChanged.connect(self._filter_chosen)
        self.rejected_only_action = QAction("Show the rejected cells only", self)
        self.rejected_only_action.setShortcut(QKeySequence("Ctrl+R"))
        self.rejected_only_action.triggered.connect(self.show_rejected_only)
        self.addAction(self.rejected_only_action)

        self.import_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        ui.skipRejectedCheck.toggled.connect(self._update_import_button)
        ui.reasonEdit.textChanged.connect(self._reason_changed)
        ui.errorLabel.setStyleSheet(f"color: {common.ERROR_COLOUR};")
        ui.errorLabel.hide()
        fill_encoding_choice(ui.encodingLabel, ui.encodingCombo, preview, can_reread=reread is not None)
        ui.encodingCombo.currentIndexChanged.connect(self._encoding_chosen)
        if preview.reason:
            ui.reasonEdit.setText(preview.reason)
        self._show_preview(preview)
        if preview.has_rejections:
            self.show_rejected_only()
        ui.cellsView.setFocus()

    def showEvent(self, event) -> None:
        """Fit the screen it opens on (a laptop at 150% has about 910 x 510 points to give)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None and not self._sized:
            room = screen.availableGeometry()
            self.resize(min(self.width(), room.width() - 24), min(self.height(), room.height() - 48))
            self._sized = True
        super().showEvent(event)

    # --- showing ---------------------------------------------------------------------------------
    def _show_preview(self, preview: Any) -> None:
        ui = self.ui
        self.preview = preview
        self.model.set_cells(sorted(preview.cells, key=_cell_sort_key))
        self.model.set_reason(ui.reasonEdit.text())
        ui.summaryLabel.setText(summary_text(preview))
        ui.layoutLabel.setText(preview.layouts)
        rejected = len(preview.rejected)
        ui.skipRejectedCheck.setText(f"Import the &rest, leaving the {rejected} rejected "
                                     f"cell{'s' if rejected != 1 else ''} out")
        ui.skipRejectedCheck.setVisible(bool(rejected))
        revisions = len(preview.revisions)
        for widget in (ui.reasonLabel, ui.reasonEdit):
            widget.setVisible(bool(revisions))
        note = str(preview.encoding_note or "")
        ui.encodingNoteLabel.setText(note)
        ui.encodingNoteLabel.setStyleSheet(f"color: {common.ERROR_COLOUR};" if preview.encoding_guessed else "")
        ui.encodingNoteLabel.setVisible(bool(note) and bool(preview.encoding_guessed))  # else the combo says it
        ui.cellsView.setColumnHidden(COL_SHEET, len({c.sheet for c in preview.cells}) < 2)
        ui.cellsView.setColumnHidden(COL_AGENCY, not any(c.agency for c in preview.cells))
        self._update_shown()
        self._update_import_button()

    def show_rejected_only(self) -> None:
        self.ui.showCombo.setCurrentIndex(self.ui.showCombo.findData("reject"))

    def _filter_chosen(self, index: int) -> None:
        self.proxy.set_outcome(self.ui.showCombo.itemData(index))
        self._update_shown()

    def _update_shown(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.ui.shownLabel.setText(f"{shown} of {total} cells shown" if shown != total else f"{total} cells")

    def _reason_changed(self, text: str) -> None:
        self.model.set_reason(text)
        self.ui.cellsView.viewport().update()
        self._update_import_button()

    # --- reading again -------------------------------------------------------------------------------
    def _encoding_chosen(self, index: int) -> None:
        codec = self.ui.encodingCombo.itemData(index)
        if self._reread is None or not codec or codec == self.preview.encoding:
            return
        self.ui.errorLabel.hide()
        try:
            preview = self._reread(str(codec))
        except ValidationError as exc:
            self._unreadable = True
            self.model.set_cells([])
            self.ui.summaryLabel.setText("Nothing can be imported as the file is read now.")
            self.ui.encodingNoteLabel.hide()
            self.ui.skipRejectedCheck.hide()
            self.ui.errorLabel.setText(exc.message)
            self.ui.errorLabel.show()
            self._update_import_button()
            return
        self._unreadable = False
        self._show_preview(preview)

    # --- importing -------------------------------------------------------------------------------------
    @property
    def reason(self) -> str:
        return self.ui.reasonEdit.text().strip()

    @property
    def skip_rejected(self) -> bool:
        return bool(self.preview.has_rejections) and self.ui.skipRejectedCheck.isChecked()

    def _update_import_button(self, *_args: object) -> None:
        blocked = bool(self.preview.has_rejections) and not self.ui.skipRejectedCheck.isChecked()
        needing = self.preview.needing_reason(self.reason)
        nothing = not any(c.outcome in ("add", "revise") for c in self.preview.cells)
        self.import_button.setEnabled(not blocked and not needing and not self._unreadable and not nothing)
        self.import_button.setToolTip(
            "The file cannot be read in the encoding chosen: choose another." if self._unreadable
            else "Some cells are rejected: correct the file and import it again, or tick 'Import the rest'."
            if blocked
            else f"{len(needing)} values already entered would change: give the reason for the revisions." if needing
            else "Nothing to import: every figure is already entered." if nothing
            else "")

    def accept(self) -> None:
        if not self.import_button.isEnabled():
            return
        self.ui.errorLabel.hide()
        try:
            result = self._apply(self.skip_rejected, self.reason)
        except ValidationError as exc:
            self.ui.errorLabel.setText(exc.message)
            self.ui.errorLabel.show()
            return
        except StoreError as exc:
            common.show_warning(self, self.error_title, exc.problem, exc.remedy)
            return
        self.saved = result
        super().accept()

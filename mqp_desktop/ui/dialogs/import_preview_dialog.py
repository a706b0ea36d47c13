"""What an import would do, row by row, before anything is written.

The preview comes from ``mqp_desktop.exporters.register_import``; this module
only relies on its shape: ``.source`` (a path), ``.rows`` (outcomes with
``row``, ``action`` - add / update / unchanged / reject - ``member``,
``existing``, ``changes`` {field: (old, new)}, ``problems`` [(column,
message)] and ``values``), ``.counts`` {action: n} and ``.has_rejections``;
for a CSV file also ``.encoding`` (the codec it was read with),
``.encoding_label``, ``.encoding_guessed`` and ``.encoding_note``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QHeaderView, QWidget

from mqp_desktop.domain.model import FIELD_LABELS
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.files_in import ENCODING_LABELS, encoding_label
from mqp_desktop.store.errors import StoreError
from mqp_desktop.ui.dialogs import common
from mqp_desktop.ui.generated.ui_import_preview_dialog import Ui_ImportPreviewDialog

COL_ROW, COL_ACTION, COL_WHO, COL_CHANGES, COL_PROBLEMS = range(5)
HEADERS = ("Row", "Action", "Who", "What changes", "Problems")

# The outcome object of a row, for views that want more than the text.
OutcomeRole = Qt.ItemDataRole.UserRole + 1

ACTION_WORDS = {"add": "Add", "update": "Update", "unchanged": "Unchanged", "reject": "Reject"}
# (text, background): dark text on a pale tint, readable in light and dark themes alike.
ACTION_COLOURS = {
    "add": ("#1b5e20", "#e3f2e4"),
    "update": ("#0d47a1", "#e3eefb"),
    "unchanged": ("#505050", None),
    "reject": ("#b3261e", "#fbe4e2"),
}
COUNT_PHRASES = (
    ("add", "{n} to add"),
    ("update", "{n} to update"),
    ("unchanged", "{n} unchanged"),
    ("reject", "{n} rejected"),
)


def _plain(value: Any) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


class ImportPreviewModel(QAbstractTableModel):
    """One row per row of the imported file."""

    def __init__(self, rows: Sequence[Any] = (), agency_names: Mapping[int, str] | None = None, parent=None):
        super().__init__(parent)
        self._rows: list[Any] = list(rows)
        self.agency_names = dict(agency_names or {})
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def outcome(self, row: int) -> Any:
        return self._rows[row]

    # --- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        outcome, column = self._rows[index.row()], index.column()
        action = str(outcome.action)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(outcome, column, multiline=True)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(outcome, column, multiline=True) if column != COL_ROW else None
        if role == OutcomeRole:
            return outcome
        if column == COL_ACTION and action in ACTION_COLOURS:
            fg, bg = ACTION_COLOURS[action]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(fg))
            if role == Qt.ItemDataRole.BackgroundRole and bg:
                return QBrush(QColor(bg))
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if column == COL_PROBLEMS and role == Qt.ItemDataRole.ForegroundRole and outcome.problems:
            return QBrush(QColor(ACTION_COLOURS["reject"][0]))
        if column == COL_ROW and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- words ----------------------------------------------------------------------------------
    def _text(self, o: Any, column: int, *, multiline: bool) -> Any:
        join = "\n" if multiline else "; "
        if column == COL_ROW:
            return int(o.row)
        if column == COL_ACTION:
            return ACTION_WORDS.get(str(o.action), str(o.action).capitalize())
        if column == COL_WHO:
            return self._who(o)
        if column == COL_CHANGES:
            return self._changes(o, join)
        if column == COL_PROBLEMS:
            return join.join(f"{p.column}: {p.message}" if p.column else p.message for p in o.problems)
        return None

    @staticmethod
    def _who(o: Any) -> str:
        person = o.member or o.existing
        if person is not None:
            name, post = person.name.strip(), person.role_title.strip()
        else:
            values = o.values or {}
            name = str(values.get("name") or "").strip()
            post = str(values.get("role_title") or values.get("post") or "").strip()
        if name and post:
            return f"{name} — {post}"
        return name or (f"(vacant) {post}" if post else "—")

    def _changes(self, o: Any, join: str) -> str:
        action = str(o.action)
        if action == "add":
            return "New member"
        if action == "unchanged":
            return "No change"
        if action == "reject":
            return "Not imported"
        parts = []
        for field, (old, new) in o.changes.items():
            if field == "agency_id":
                old, new = self.agency_names.get(old, old), self.agency_names.get(new, new)
            parts.append(f"{FIELD_LABELS.get(field, field.replace('_', ' '))}: {_plain(old)} → {_plain(new)}")
        return join.join(parts) or "No change"


def summary_text(preview: Any) -> str:
    counts = dict(preview.counts)
    total = len(preview.rows)
    phrases = [text.format(n=counts.pop(key)) for key, text in COUNT_PHRASES if counts.get(key)]
    phrases += [f"{n} {key}" for key, n in counts.items() if n]
    source = Path(preview.source).name if getattr(preview, "source", None) else "the file"
    rows = "1 row" if total == 1 else f"{total} rows"
    text = f"<b>{_html(source)}</b>: {rows} — {', '.join(phrases) or 'nothing to do'}."
    rejected = int(preview.counts.get("reject", 0))
    if rejected:
        rows = "1 row is" if rejected == 1 else f"{rejected} rows are"
        text += (
            f"<br>{rows} rejected (in red): correct the file and import it again, "
            "or skip the rejected rows and import the rest."
        )
    text += "<br>Nothing has been written yet: the register changes only when you press <b>Import</b>."
    return text


def fill_encoding_choice(label: QWidget, combo: QComboBox, preview: Any, *, can_reread: bool) -> None:
    """The 'Read as' label and combo of an import preview: shown for a CSV file only (a workbook has
    no encoding), offering the encodings spreadsheets save in, the one used chosen (and marked when
    it was guessed); enabled when the file can be read again another way."""
    encoding = str(getattr(preview, "encoding", "") or "")
    for widget in (label, combo):
        widget.setVisible(bool(encoding))
    if not encoding:
        return
    choices = dict(ENCODING_LABELS)
    choices.setdefault(encoding, encoding_label(encoding))
    for codec, words in choices.items():
        guessed = codec == encoding and bool(getattr(preview, "encoding_guessed", False))
        combo.addItem(f"{words} (guessed)" if guessed else words, codec)
    combo.setCurrentIndex(combo.findData(encoding))
    combo.setEnabled(can_reread)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ImportPreviewDialog(QDialog):
    """Shows the preview; on Import calls ``apply(skip_rejected)`` and keeps its counts in ``saved``.

    With rejected rows, Import stays disabled until "Skip the N rejected rows" is
    ticked: nothing is written unless the whole import (or the rest of it,
    knowingly) is accepted. For a CSV file it shows the encoding the file was read
    in (and says when it was guessed); choosing another calls ``reread(codec)``
    for a new preview (a ValidationError from it is shown, and Import is blocked).
    """

    error_title = "Import not done"

    def __init__(
        self,
        preview: Any,
        *,
        apply: Callable[[bool], dict],
        agency_names: Mapping[int, str] | None = None,
        reread: Callable[[str], Any] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        self.preview = preview
        self._apply = apply
        self._reread = reread
        self._unreadable = False  # the last encoding chosen could not read the file
        self.saved: dict | None = None
        ui = self.ui
        source = Path(preview.source).name if getattr(preview, "source", None) else ""
        self.setWindowTitle(f"Import members — {source}" if source else "Import members")

        self.model = ImportPreviewModel((), agency_names, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        ui.rowsView.setModel(self.proxy)
        ui.rowsView.sortByColumn(COL_ROW, Qt.SortOrder.AscendingOrder)
        ui.rowsView.verticalHeader().hide()
        header = ui.rowsView.horizontalHeader()
        for column in (COL_ROW, COL_ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHO, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_WHO, 240)
        header.setSectionResizeMode(COL_CHANGES, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_CHANGES, 240)
        header.setStretchLastSection(True)
        ui.rowsView.setWordWrap(True)
        # Several changes or problems show on separate lines; rows grow to fit as columns resize.
        header.sectionResized.connect(lambda *_: ui.rowsView.resizeRowsToContents())

        self.import_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Import")
        ui.skipRejectedCheck.toggled.connect(self._update_import_button)
        ui.errorLabel.setStyleSheet(f"color: {common.ERROR_COLOUR};")
        ui.errorLabel.setWordWrap(True)
        ui.errorLabel.hide()
        self._show_encoding(preview)
        self._show_preview(preview)
        ui.encodingCombo.currentIndexChanged.connect(self._encoding_chosen)
        ui.rowsView.setFocus()

    # --- the preview and how the file was read ----------------------------------------------------
    def _show_preview(self, preview: Any) -> None:
        ui = self.ui
        self.preview = preview
        self.model.set_rows(preview.rows)
        ui.rowsView.resizeRowsToContents()
        ui.summaryLabel.setText(summary_text(preview))
        rejected = int(preview.counts.get("reject", 0)) or sum(1 for r in preview.rows if r.action == "reject")
        noun = "row" if rejected == 1 else "rows"
        ui.skipRejectedCheck.setText(f"&Skip the {rejected} rejected {noun} and import the rest")
        ui.skipRejectedCheck.setVisible(bool(preview.has_rejections))
        note = str(getattr(preview, "encoding_note", "") or "")
        ui.encodingNoteLabel.setText(note)
        guessed = bool(getattr(preview, "encoding_guessed", False))
        ui.encodingNoteLabel.setStyleSheet(f"color: {common.ERROR_COLOUR};" if guessed else "")
        ui.encodingNoteLabel.setVisible(bool(note))
        self._update_import_button()

    def _show_encoding(self, preview: Any) -> None:
        """The 'Read as' choice, for a CSV file only (a workbook has no encoding)."""
        fill_encoding_choice(self.ui.encodingLabel, self.ui.encodingCombo, preview, can_reread=self._reread is not None)

    @property
    def encoding(self) -> str:
        """The codec the shown preview was read with ('' for a workbook)."""
        return str(getattr(self.preview, "encoding", "") or "")

    def _encoding_chosen(self, index: int) -> None:
        codec = self.ui.encodingCombo.itemData(index)
        if self._reread is None or not codec:
            return
        self.ui.errorLabel.hide()
        try:
            preview = self._reread(str(codec))
        except ValidationError as exc:
            self._unreadable = True
            self.model.set_rows([])
            self.ui.summaryLabel.setText("Nothing can be imported as the file is read now.")
            self.ui.encodingNoteLabel.hide()
            self.ui.skipRejectedCheck.hide()
            self.ui.errorLabel.setText(exc.message)
            self.ui.errorLabel.show()
            self._update_import_button()
            return
        self._unreadable = False
        self._show_preview(preview)

    def _update_import_button(self, *_args: object) -> None:
        blocked = bool(self.preview.has_rejections) and not self.ui.skipRejectedCheck.isChecked()
        self.import_button.setEnabled(not blocked and not self._unreadable)
        self.import_button.setToolTip(
            "The file cannot be read in the encoding chosen: choose another." if self._unreadable
            else "Some rows are rejected: correct the file and import it again, or tick 'Skip' to import the rest."
            if blocked
            else ""
        )

    @property
    def skip_rejected(self) -> bool:
        return bool(self.preview.has_rejections) and self.ui.skipRejectedCheck.isChecked()

    def accept(self) -> None:
        if not self.import_button.isEnabled():
            return
        self.ui.errorLabel.hide()
        try:
            result = self._apply(self.skip_rejected)
        except ValidationError as exc:
            self.ui.errorLabel.setText(exc.message)
            self.ui.errorLabel.show()
            return
        except StoreError as exc:
            common.show_warning(self, self.error_title, exc.problem, exc.remedy)
            return
        self.saved = result
        super().accept()

"""The Restore dialog (a database's backups, what each holds) and Backup settings.

Neither dialog touches a file: the Restore dialog emits :attr:`RestoreDialog.restore_requested`
with the chosen row and the backup controller does the rest; Backup settings saves through the
``save`` callable it is given (the :class:`~mqp_desktop.ui.dialogs.common.RecordDialog` contract).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QWidget

from mqp_desktop.domain.backups import KEEP_DAILY, KEEP_MONTHLY, describe_age
from mqp_desktop.store.backups import GOOD, STATUS_WORDS, BackupInfo, size_words
from mqp_desktop.ui.backups_models import BackupRow, BackupsTableModel
from mqp_desktop.ui.dialogs.common import FieldErrors, RecordDialog
from mqp_desktop.ui.generated.ui_backup_settings_dialog import Ui_BackupSettingsDialog
from mqp_desktop.ui.generated.ui_restore_dialog import Ui_RestoreDialog


def _h(text: object) -> str:
    return html.escape(str(text))


class RestoreDialog(QDialog):
    """The backups of the open database, newest first; Restore puts the chosen one back."""

    restore_requested = Signal(object)  # BackupRow
    other_file_requested = Signal()
    folder_requested = Signal()

    def __init__(self, database: Path, folder: Path, rows: list[BackupRow], parent: QWidget | None = None,
                 now: dt.datetime | None = None):
        super().__init__(parent)
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(self)
        self.now = now or dt.datetime.now()
        ui = self.ui
        self.database = database
        self.folder = folder
        ui.introLabel.setText(
            f"Backups of <b>{_h(database.name)}</b>, newest first, from <i>{_h(folder)}</i>.<br>"
            "Restoring puts the chosen backup in the database's place. The database as it is now is backed up "
            "first, so a restore can be undone by restoring that backup."
        )
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:  # wide enough for the last change, within a 1366x768 laptop's screen
            self.resize(min(1180, int(screen.width() * 0.92)), min(560, int(screen.height() * 0.85)))
        self.model = BackupsTableModel(self, now=self.now)
        self.model.set_rows(rows)
        table = ui.backupsTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = table.fontMetrics()
        for col, sample in ((BackupsTableModel.COL_TAKEN, "yesterday at 00:00"),
                            (BackupsTableModel.COL_KIND, "before a restore"),
                            (BackupsTableModel.COL_CHECK, "checking…"),
                            (BackupsTableModel.COL_MEMBERS, "Members"), (BackupsTableModel.COL_MEETINGS, "Meetings"),
                            (BackupsTableModel.COL_SIGNED, "Signed minutes"),
                            (BackupsTableModel.COL_SIZE, "999.9 MiB")):
            table.setColumnWidth(col, metrics.horizontalAdvance(sample) + 24)  # fits at any scaling
        self.restore_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText("&Restore…")
        self.restore_button.setEnabled(False)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        self.restore_button.clicked.connect(self.request_restore)
        table.doubleClicked.connect(lambda _i: self.request_restore())
        table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        ui.otherFileButton.clicked.connect(self.other_file_requested)
        ui.folderButton.clicked.connect(self.folder_requested)
        if rows:
            table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            ui.progressLabel.setText("Checking the backups…")
        else:
            ui.detailsLabel.setText("There are no backups of this database in its backup folder yet. "
                                    "File > Back up now takes one.")
        table.setFocus()

    # --- filled in by the controller's worker ------------------------------------------------
    def set_info(self, row: int, info: BackupInfo) -> None:
        self.model.set_info(row, info)
        done = sum(r.info is not None for r in self.model.rows())
        total = self.model.rowCount()
        self.ui.progressLabel.setText("" if done >= total else f"Checking the backups… {done} of {total}")
        if row == self.current_row():
            self._selection_changed()

    def current_row(self) -> int:
        index = self.ui.backupsTable.selectionModel().currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        self.ui.backupsTable.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def chosen(self) -> BackupRow | None:
        row = self.current_row()
        return self.model.record(row) if 0 <= row < self.model.rowCount() else None

    def _selection_changed(self) -> None:
        r = self.chosen()
        self.restore_button.setEnabled(bool(r and r.good))
        self.ui.detailsLabel.setText(self.details(r) if r else "")

    def details(self, r: BackupRow) -> str:
        info = r.info
        lines = [f"<b>{_h(r.path.name)}</b> — taken {_h(describe_age(r.taken, self.now))}, {_h(size_words(r.size))}"
                 + (", encrypted" if info and info.encrypted else "")]
        if info is None:
            lines.append("Reading the backup…")
        elif info.status != GOOD:
            problem = " ".join(info.problem.split())
            problem = problem if len(problem) <= 240 else problem[:237] + "…"
            lines.append(f"<span style='color:#b3261e'>Cannot be restored: {_h(STATUS_WORDS.get(info.status))}"
                         f"{' — ' + _h(problem) if problem else ''}.</span>")
        else:
            if info.holds():
                lines.append(f"Holds {_h(info.subcommittee)}: {_h(info.holds())}, {info.changes or 0} changes in its "
                             "history.")
            if info.last_change_at:
                lines.append(f"Last change before it was taken: {_h(info.last_change_words())}")
        return "<br>".join(lines)

    def request_restore(self) -> None:
        r = self.chosen()
        if r is not None and r.good:
            self.restore_requested.emit(r)

    def keyPressEvent(self, event) -> None:  # Enter restores the chosen backup rather than closing
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.request_restore()
            return
        super().keyPressEvent(event)


class BackupSettingsDialog(RecordDialog):
    """Where this database's backups go, and how many automatic ones are kept.

    ``save(folder, keep_daily, keep_monthly)``: ``folder`` None means the default folder.
    """

    error_title = "Backup settings not saved"

    def __init__(self, *, database: Path, folder: Path, default_folder: Path, custom: bool, keep_daily: int,
                 keep_monthly: int, save: Callable[[Path | None, int, int], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_BackupSettingsDialog()
        self.ui.setupUi(self)
        self._save = save
        self.default_folder = default_folder
        ui = self.ui
        ui.explanationLabel.setText(
            f"Backups of <b>{_h(database.name)}</b> are taken when it is opened, once a day while the program is "
            "open, and when you choose File &gt; Back up now. Each is checked after it is written. Automatic "
            f"backups are rotated (by default {KEEP_DAILY} daily and {KEEP_MONTHLY} monthly); those you take and "
            "those taken before a restore are kept until you delete them.<br>The command line (<tt>mqp</tt>) uses "
            "the same settings."
        )
        ui.folderEdit.setText(str(folder))
        ui.folderEdit.setPlaceholderText(str(default_folder))
        ui.dailySpin.setValue(keep_daily)
        ui.monthlySpin.setValue(keep_monthly)
        ui.browseButton.clicked.connect(self.browse)
        ui.defaultButton.clicked.connect(lambda: ui.folderEdit.setText(str(default_folder)))
        self.errors = FieldErrors(self, {"folder": ui.folderEdit, "keep_daily": ui.dailySpin,
                                         "keep_monthly": ui.monthlySpin}, ui.errorLabel)
        ui.folderEdit.setFocus()

    def choose_folder(self) -> Path | None:  # tests replace this
        name = QFileDialog.getExistingDirectory(self, "Backup folder", self.ui.folderEdit.text())
        return Path(name) if name else None

    def browse(self) -> None:
        chosen = self.choose_folder()
        if chosen is not None:
            self.ui.folderEdit.setText(str(chosen))

    def build(self) -> tuple:
        from mqp_desktop.domain.validation import ValidationError

        text = self.ui.folderEdit.text().strip()
        if not text:
            raise ValidationError("folder", "Give the folder the backups go to (Default puts back the program's own).")
        folder = Path(text).expanduser()
        same_as_default = folder == self.default_folder
        return (None if same_as_default else folder, self.ui.dailySpin.value(), self.ui.monthlySpin.value())

"""The window's indicator data files: File → Import indicator data… and Export indicator data….

The file is read off the main thread (a :class:`~mqp_desktop.ui.backups_controller.Job` on plain
data: the path), with a progress dialog and Cancel should it take a while; the preview is then
worked out against the database on the main thread (one query for the values stored) and shown in
:class:`~mqp_desktop.ui.dialogs.indicator_data_dialogs.IndicatorDataImportDialog`. An export reads
the database on the main thread and writes the file in a job. Nothing here depends on the
Scorecard page: the actions live in the File menu.

The file choosers are methods tests replace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressDialog

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.backups_controller import Job, _progress_dialog

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

IMPORT_FILTER = "Indicator data (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV (*.csv)"
EXPORT_FILTERS = {
    "Excel workbook, a column per period (*.xlsx)": (".xlsx", "wide"),
    "Excel workbook, a row per value with comparators (*.xlsx)": (".xlsx", "long"),
    "CSV, a column per period (*.csv)": (".csv", "wide"),
    "CSV, a row per value with comparators (*.csv)": (".csv", "long"),
}


class IndicatorDataController(QObject):
    """Import and export of indicator values for the window's database."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self._then: Callable[[Any], None] | None = None
        self._what = ""
        self.last_export: Path | None = None
        self.import_action = window._action(
            "Import indicator &data…", self.import_data, None,
            "Add or revise indicator values from a CSV or Excel file, after a preview of every cell")
        self.export_action = window._action(
            "Export indicator data…", self.export_data, None,
            "Save the indicators' values as an Excel workbook or CSV file (wide or long layout)")
        self.actions = [self.import_action, self.export_action]

    def add_to_menu(self, menu: QMenu) -> None:
        for action in self.actions:
            menu.addAction(action)

    # --- choosers (tests replace them) --------------------------------------------------------------
    def choose_import_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Import indicator data", "", IMPORT_FILTER)
        return Path(name) if name else None

    def choose_export_file(self) -> tuple[Path, str] | None:
        start = str(Path.home() / f"indicator data {dt.date.today():%Y-%m-%d}.xlsx")
        name, chosen = QFileDialog.getSaveFileName(self.window, "Export indicator data", start,
                                                   ";;".join(EXPORT_FILTERS))
        if not name:
            return None
        suffix, layout = EXPORT_FILTERS.get(chosen, (".xlsx", "wide"))
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + suffix)
        return path, layout

    # --- a job off the main thread ---------------------------------------------------------------------
    def _run(self, work: Callable[[Job], Any], title: str, text: str, then: Callable[[Any], None]) -> None:
        job = Job(work, self)
        self.job, self._then, self._what = job, then, title
        self.progress = _progress_dialog(self.window, title, text)
        self.progress.canceled.connect(job.cancel)
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.start()

    def _finish(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.job is not None:
            self.job.wait()
            self.job.deleteLater()

    def _succeeded(self, result: Any) -> None:
        cancelled = self.job is not None and self.job.cancelled()
        then = self._then
        self._finish()
        self.job = None
        if cancelled:
            self.window.statusBar().showMessage(f"{self._what}: cancelled, nothing was done.", 10000)
            return
        if then is not None:
            then(result)

    def _failed(self, exc: BaseException) -> None:
        cancelled = self.job is not None and self.job.cancelled()
        self._finish()
        self.job = None
        if cancelled:
            return
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        from mqp_desktop.exporters.indicator_data_import import DataFileError

        if isinstance(exc, DataFileError):
            exc = StoreError(exc.problem, exc.remedy)
        elif isinstance(exc, ValueError) and not isinstance(exc, StoreError):
            exc = StoreError(str(exc), "")
        elif isinstance(exc, OSError) and not getattr(exc, "problem", None):
            exc = StoreError(f"The file could not be written: {exc.strerror or exc}.",
                             "If the file is open in Excel, close it; or choose another folder.")
        if not isinstance(exc, (StoreError, OSError)):
            raise exc
        errors.show_store_error(self.window, exc, self._what)

    # --- import -----------------------------------------------------------------------------------------
    def import_data(self) -> None:
        from mqp_desktop.exporters.indicator_data_import import read_data_file

        if self.window.store is None or self.job is not None:
            return
        path = self.choose_import_file()
        if path is None:
            return
        self._run(lambda job: read_data_file(path), "Import indicator data", f"Reading {path.name}…",
                  lambda raw: self._preview(path, raw))

    def _preview(self, path: Path, raw: Any) -> None:
        from mqp_desktop.exporters.indicator_data_import import (
            DataFileError,
            apply_data_import,
            plan_data_import,
            preview_data_import,
        )
        from mqp_desktop.ui.dialogs.indicator_data_dialogs import IndicatorDataImportDialog

        store = self.window.store
        if store is None:
            return
        try:
            preview = plan_data_import(store, path, raw)
        except (DataFileError, StoreError) as exc:
            self._what = "Import indicator data"
            self._show_error(exc)
            return

        def reread(encoding: str):
            nonlocal preview
            try:
                preview = preview_data_import(store, path, encoding=encoding)
            except DataFileError as exc:
                raise ValidationError("encoding", str(exc)) from exc
            return preview

        def apply(skip_rejected: bool, reason: str) -> dict:
            result = apply_data_import(store, preview, reason=reason, skip_rejected=skip_rejected)
            # An import is many changes at once: kept in the change history, not the undo stack.
            self.window.undo_stack.clear()
            self.window.refresh()
            done = (f"{result['add']} added, {result['revise']} revised, {result['unchanged']} unchanged"
                    + (f", {result['reject']} rejected left out" if skip_rejected and result["reject"] else ""))
            self.window.statusBar().showMessage(f"Imported {path.name}: {done}", 10000)
            return result

        self.window.show_dialog(IndicatorDataImportDialog(preview, apply=apply, reread=reread, parent=self.window))

    # --- export -----------------------------------------------------------------------------------------
    def export_data(self) -> None:
        from mqp_desktop.exporters.indicator_data_export import gather_indicator_data, write_indicator_data

        store = self.window.store
        if store is None or self.job is not None:
            return
        chosen = self.choose_export_file()
        if chosen is None:
            return
        path, layout = chosen
        try:
            data = gather_indicator_data(store)
        except StoreError as exc:
            self._what = "Export indicator data"
            self._show_error(exc)
            return

        def written(result: Path) -> None:
            self.last_export = result
            self.window.statusBar().showMessage(
                f"Exported {data.value_count:,} values of {len(data.indicators)} indicators to {result}", 10000)

        self._run(lambda job: write_indicator_data(data, path, layout=layout), "Export indicator data",
                  f"Writing {path.name}…", written)

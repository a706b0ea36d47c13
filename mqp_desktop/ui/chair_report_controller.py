"""The chair's report to the Executive (ToR 2) and the annual report: Reports › Chair's report… (Ctrl+Alt+H).

:class:`ChairReportDialog` (Designer form ``forms/chair_report_dialog.ui``) chooses a quarter or a financial
year and the sections (ticked, dragged or Alt+↑/↓ into order; "Keep these sections as the default" saves them
in the database's settings) and previews the report's sections with their figures and tables as the Word file
will have them. **Export to Word…** writes it off the main thread (:class:`ChairReportJob`, a ``QThread`` on its
own connection to the database file, as the meeting pack is built) with a progress dialog and Cancel; the
house template is used when one is set. Optionally the written report is kept in the database and recorded as
a document for the Executive's meeting on a chosen date (see
:func:`mqp_desktop.store.chair_report.record_for_executive` for why a document rather than a paper).

The preview is gathered on the main thread: the benchmark puts the quarter at well under a second on the
20-year database. The file chooser (:meth:`ChairReportDialog.choose_file`) is a method tests replace.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QProgressDialog, QPushButton, QDialogButtonBox

from mqp_desktop.domain import chair_report as cr
from mqp_desktop.domain.periods import Frequency, Period
from mqp_desktop.store.store import Store
from mqp_desktop.ui import errors
from mqp_desktop.ui.generated.ui_chair_report_dialog import Ui_ChairReportDialog

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

PREVIEW_ROWS = 12


class ChairReportJob(QThread):
    """Gathers and writes the report on its own connection to the database file, off the main thread."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)  # (ChairReport, Path)
    failed = Signal(object)
    was_cancelled = Signal()

    def __init__(self, db_path: Path, period: Period, sections: list[str], out: Path, cancel: threading.Event,
                 parent: QObject | None = None, *, key: str | None = None):
        super().__init__(parent)
        self.db_path, self.period, self.sections, self.out, self.cancel, self.key = (
            db_path, period, sections, out, cancel, key)

    def run(self) -> None:  # the worker thread: plain data in, signals out, no widgets
        from mqp_desktop.exporters.chair_report_docx import write_chair_report_docx
        from mqp_desktop.exporters.docx_house import stored_house_template
        from mqp_desktop.store.chair_report import gather_chair_report

        store = None
        n = len(self.sections)

        def step(done: int, total: int, heading: str, offset: int = 0) -> bool:
            self.progressed.emit(offset + done, 2 * n, heading)
            return not self.cancel.is_set()

        try:
            store = Store.open(self.db_path, create=False, key=self.key)
            report = gather_chair_report(store, self.period, sections=self.sections,
                                         progress=lambda d, t, h: step(d, t, f"Reading: {h}"))
            template = stored_house_template(store)
            written = write_chair_report_docx(report, self.out, template=template,
                                              progress=lambda d, t, h: step(d, t, f"Writing: {h}", n))
        except InterruptedError:
            self.was_cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the main thread to be shown
            self.failed.emit(exc)
        else:
            self.succeeded.emit((report, written))
        finally:
            if store is not None:
                store.close()


def _quarters(today: dt.date, count: int = 12) -> list[Period]:
    latest = Period.containing(today, Frequency.QUARTERLY)
    return [latest.shift(-k) for k in range(count)]


def _years(today: dt.date, count: int = 6) -> list[Period]:
    latest = Period.containing(today, Frequency.ANNUAL)
    return [latest.shift(-k) for k in range(count)]


def preview_html(report: cr.ChairReport) -> str:
    e = html.escape
    out = [f"<h2>{e(report.title)}</h2><p><i>{e(report.subtitle)}</i></p>"]
    for n, sec in enumerate(report.sections, 1):
        out.append(f"<h3>{n}. {e(sec.title)}</h3>")
        colour = ' style="color:#9C0006"' if not sec.available else ""
        out += [f"<p{colour}>{e(p)}</p>" for p in sec.paragraphs]
        if sec.figures:
            out.append("<table cellspacing='0' cellpadding='2'>" + "".join(
                f"<tr><td>{e(f.label)}</td><td align='right'><b>{e(str(f.value))}</b></td></tr>" for f in sec.figures)
                + "</table>")
        for t in sec.tables:
            out.append(f"<p><b>{e(t.caption)}</b></p>")
            if not t.rows:
                out.append(f"<p><i>{e(t.empty)}</i></p>")
                continue
            rows = "".join("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in r) + "</tr>"
                           for r in t.rows[:PREVIEW_ROWS])
            more = len(t.rows) - PREVIEW_ROWS
            out.append("<table border='1' cellspacing='0' cellpadding='3'><tr>"
                       + "".join(f"<th bgcolor='#1F3864'><font color='white'>{e(h)}</font></th>" for h in t.headings)
                       + f"</tr>{rows}</table>" + (f"<p><i>… and {more} more rows in the file.</i></p>" if more > 0
                                                   else ""))
        for k, sub in enumerate(sec.subsections, 1):
            out.append(f"<p><b>{n}.{k} {e(sub.title)}</b>" + (" — with its chart" if sub.chart is not None else "")
                       + "</p>")
            out += [f"<p>{e(p)}</p>" for p in sub.paragraphs]
            if sub.quote:
                out.append(f"<blockquote><i>{e(' '.join(sub.quote))}</i> — {e(sub.quote_by)}</blockquote>")
            if sub.missing:
                out.append(f"<p style='color:#9C0006'><b>{e(sub.missing)}</b></p>")
        out.append(f"<p style='color:#595959'><i>{e(cr.COMMENTARY_HEADING)}: left empty for the chair.</i></p>")
    return "".join(out)


class ChairReportDialog(QDialog):
    def __init__(self, window: MainWindow, today: dt.date | None = None):
        super().__init__(window)
        self.window = window
        self.today = today or dt.date.today()
        self.ui = Ui_ChairReportDialog()
        self.ui.setupUi(self)
        self.report: cr.ChairReport | None = None
        self.job: ChairReportJob | None = None
        self.progress: QProgressDialog | None = None
        self.last_written: Path | None = None
        self.last_outcome = ""
        self.export_button = QPushButton("&Export to Word…")
        self.export_button.setDefault(True)
        self.ui.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        self.ui.buttons.rejected.connect(self.reject)
        from mqp_desktop.store.chair_report import report_sections

        chosen = report_sections(window.store)
        for key in chosen + [k for k in cr.SECTIONS if k not in chosen]:
            item = QListWidgetItem(cr.SECTIONS[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.ui.sectionsList.addItem(item)
        self.ui.sectionsList.setCurrentRow(0)
        self.ui.sectionsList.itemChanged.connect(lambda _i: self.refresh())
        self.ui.sectionsList.model().rowsMoved.connect(lambda *_: self.refresh())
        self.ui.upButton.clicked.connect(lambda: self.move(-1))
        self.ui.downButton.clicked.connect(lambda: self.move(1))
        QShortcut(QKeySequence("Alt+Up"), self.ui.sectionsList, lambda: self.move(-1))
        QShortcut(QKeySequence("Alt+Down"), self.ui.sectionsList, lambda: self.move(1))
        self.ui.saveSectionsButton.clicked.connect(self.save_sections)
        self.ui.kindCombo.currentIndexChanged.connect(self._fill_periods)
        self.ui.periodCombo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.ui.executiveDate.setDate(QDate(self.today.year, self.today.month, self.today.day).addDays(14))
        self.ui.executiveDate.setEnabled(False)
        self.ui.recordCheck.toggled.connect(self.ui.executiveDate.setEnabled)
        self.ui.splitter.setSizes([300, 660])
        self._sized = False
        self._fill_periods()

    def showEvent(self, event) -> None:
        """Fit the screen it opens on (a laptop at 150% has about 910 x 510 points to give)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None and not self._sized:
            room = screen.availableGeometry()
            self.resize(min(self.width(), room.width() - 24), min(self.height(), room.height() - 48))
            self._sized = True
        super().showEvent(event)

    # --- choices --------------------------------------------------------------------------------
    def _fill_periods(self) -> None:
        combo = self.ui.periodCombo
        combo.blockSignals(True)
        combo.clear()
        annual = self.ui.kindCombo.currentIndex() == 1
        periods = _years(self.today) if annual else _quarters(self.today)
        for p in periods:
            combo.addItem(p.label() if not annual else f"{p.short_label()} (April {p.start.year} to March "
                                                         f"{p.end.year})", p.key)
        # default: the latest period that has ended (the report is written after it)
        combo.setCurrentIndex(1 if len(periods) > 1 else 0)
        combo.blockSignals(False)
        self.refresh()

    @property
    def period(self) -> Period:
        return cr.report_period(self.ui.periodCombo.currentData())

    def set_period(self, key: str) -> None:
        period = cr.report_period(key)
        self.ui.kindCombo.setCurrentIndex(1 if cr.is_annual(period) else 0)
        index = self.ui.periodCombo.findData(period.key)
        if index < 0:
            self.ui.periodCombo.addItem(period.label(), period.key)
            index = self.ui.periodCombo.count() - 1
        self.ui.periodCombo.setCurrentIndex(index)

    def sections(self) -> list[str]:
        out = []
        for row in range(self.ui.sectionsList.count()):
            item = self.ui.sectionsList.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def move(self, offset: int) -> None:
        lst = self.ui.sectionsList
        row = lst.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < lst.count():
            return
        lst.blockSignals(True)
        item = lst.takeItem(row)
        lst.insertItem(target, item)
        lst.setCurrentRow(target)
        lst.blockSignals(False)
        self.refresh()

    def save_sections(self) -> None:
        from mqp_desktop.store.chair_report import save_report_sections

        try:
            saved = save_report_sections(self.window.store, self.sections())
        except Exception as exc:  # noqa: BLE001 - a ValidationError or StoreError, shown
            errors.show_store_error(self, exc, "Sections not saved")
            return
        self.window.statusBar().showMessage(f"The chair's report will have these {len(saved)} sections by default.",
                                            8000)

    # --- preview ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        from mqp_desktop.store.chair_report import gather_chair_report

        keys = self.sections()
        self.export_button.setEnabled(bool(keys))
        if not keys:
            self.report = None
            self.ui.preview.setHtml("<p><i>Tick at least one section.</i></p>")
            return
        try:
            self.report = gather_chair_report(self.window.store, self.period, sections=keys, today=self.today)
        except Exception as exc:  # noqa: BLE001 - shown in the preview, nothing is written
            self.report = None
            self.ui.preview.setPlainText(f"The report could not be read: {exc}")
            return
        self.ui.preview.setHtml(preview_html(self.report))

    # --- export ---------------------------------------------------------------------------------
    def choose_file(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Export the chair's report", suggested, "Word document (*.docx)")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".docx" else path.with_suffix(".docx")

    def export(self) -> None:
        store = self.window.store
        if self.report is None or self.job is not None:
            return
        if store.path is None:
            errors.show_store_error(self, ValueError("The report is written from a database file; this one is only "
                                                     "in memory."), "Chair's report")
            return
        path = self.choose_file(str(Path.home() / f"{self.report.file_stem}.docx"))
        if path is None:
            return
        cancel = threading.Event()
        progress = QProgressDialog("Writing the report…", "Cancel", 0, 0, self)
        progress.setWindowTitle("Chair's report")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(420)
        progress.canceled.connect(cancel.set)
        job = ChairReportJob(Path(store.path), self.period, self.sections(), path, cancel, self, key=store.key)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._written)
        job.failed.connect(self._failed)
        job.was_cancelled.connect(self._cancelled)
        job.finished.connect(self._finished)
        self.job, self.progress = job, progress
        self.last_outcome = ""
        self.export_button.setEnabled(False)
        progress.show()
        job.start()

    def _progressed(self, step: int, total: int, text: str) -> None:
        progress = self.progress  # setValue() on a modal progress dialog runs the event loop: the job may finish
        if progress is not None and not progress.wasCanceled():
            progress.setLabelText(text)
            progress.setMaximum(max(total, 1))
            progress.setValue(min(step, total))

    def _written(self, result) -> None:
        report, path = result
        self.last_outcome, self.last_written = "written", Path(path)
        said = f"The chair's report was written to {path}."
        if self.ui.recordCheck.isChecked():
            from mqp_desktop.store.chair_report import record_for_executive

            on = self.ui.executiveDate.date().toPython()
            try:
                doc, _info = record_for_executive(self.window.store, report, Path(path).name, Path(path).read_bytes(),
                                                  on)
            except Exception as exc:  # noqa: BLE001 - the file is written; the record is not: say so
                errors.show_store_error(self, exc, "The report was written but not recorded")
            else:
                said += f" Recorded as a document for {report.executive}'s meeting of {cr.day_words(on)}."
                refresh = getattr(getattr(self.window, "governance", None), "refresh", None)
                if refresh is not None:
                    refresh()
        self.window.statusBar().showMessage(said, 12000)

    def _failed(self, exc: BaseException) -> None:
        self.last_outcome = "failed"
        self._close_progress()
        errors.show_store_error(self, exc, "Chair's report not written")

    def _cancelled(self) -> None:
        self.last_outcome = "cancelled"
        self.window.statusBar().showMessage("The chair's report was cancelled: nothing was written.", 8000)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _finished(self) -> None:
        self._close_progress()
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        self.export_button.setEnabled(bool(self.sections()))

    def reject(self) -> None:
        if self.job is not None:  # let the writing finish (or stop) before closing
            self.job.cancel.set()
            self.job.wait()
        super().reject()


class ChairReportController(QObject):
    """Reports › Chair's report to the Executive… (Ctrl+Alt+H)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.dialog: ChairReportDialog | None = None
        self.action = window._action("&Chair's report to the Executive…", self.open, "Ctrl+Alt+H",
                                     "The chair's quarterly report to the Executive, or the annual report, in Word: "
                                     "preview, choose the sections, export")

    def open(self) -> None:
        if self.window.store is None:
            return
        self.dialog = ChairReportDialog(self.window)
        self.window.show_dialog(self.dialog)


__all__ = ["ChairReportController", "ChairReportDialog", "ChairReportJob", "preview_html"]

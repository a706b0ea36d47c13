"""Failures, split the way the program treats them.

* **The environment's fault** (a locked, read-only, damaged or too-new database
  file, a full or failing disk) and **invalid input**: a message naming the problem
  and what to do (:func:`show_store_error`). Nothing was half-saved. A raw SQLite or
  OS error that escaped outside ``Store.write`` (a read on a full disk: "disk I/O
  error") is translated the same way rather than reported as a bug.
* **A bug**: anything else reaching :func:`excepthook` gets a crash dialog with a
  report the officer can copy into an email to whoever supports the program.
"""

from __future__ import annotations

import errno
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop import APP_DISPLAY_NAME, __version__
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import sqlite
from mqp_desktop.store.errors import DISK_FULL_ERRNOS, StoreError, translate

DISK_ERRNOS = {*DISK_FULL_ERRNOS, errno.EIO}


def open_database_path() -> object:
    """The file of the database open in the program's window (for naming it in a message), if any."""
    app = QApplication.instance()
    if app is None:
        return None
    for widget in QApplication.topLevelWidgets():
        store = getattr(widget, "store", None)
        path = getattr(store, "path", None)
        if path is not None:
            return path
    return None


def environment_error(exc: BaseException) -> StoreError | None:
    """The StoreError a raw SQLite or OS failure stands for (a full or failing disk, a locked file)
    when it escaped outside ``Store.write`` (e.g. a read); None for a bug."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, sqlite.ERRORS):
        return translate(exc, open_database_path())
    if isinstance(exc, OSError) and not getattr(exc, "problem", None) and exc.errno in DISK_ERRNOS:
        return translate(exc, exc.filename or open_database_path())  # the disk, whichever file was being written
    return None


def problem_and_remedy(exc: BaseException) -> tuple[str, str]:
    translated = environment_error(exc)
    if translated is not None:
        exc = translated
    if isinstance(exc, StoreError):
        return exc.problem, exc.remedy
    if isinstance(exc, ValidationError):
        return exc.message, ""
    problem = getattr(exc, "problem", None)
    if isinstance(problem, str) and problem:
        # the exporters' file errors (ImportFileError, ExportFileError) say both too
        return problem, str(getattr(exc, "remedy", "") or "")
    return str(exc) or exc.__class__.__name__, ""


def show_warning(parent: QWidget | None, title: str, problem: str, remedy: str = "") -> None:
    """A modal warning: the problem, and what to do about it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or APP_DISPLAY_NAME)
    box.setText(problem)
    if remedy:
        box.setInformativeText(remedy)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def show_store_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Tell the user what went wrong with the database (or their entry) and what to do."""
    show_warning(parent, title, *problem_and_remedy(exc))


def run_busy(parent: QWidget | None, work, title: str, *,
             write_remedy: str = "Choose another folder, or free some space.") -> tuple[bool, object]:
    """Run ``work`` with a wait cursor: ``(True, its result)``, or ``(False, None)`` after showing an
    expected failure — a store or validation error, a file not written (``write_remedy`` says what to
    do), or an exporter's own error carrying problem and remedy. Anything else is a bug and propagates."""
    from PySide6.QtWidgets import QApplication

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return True, work()
    except (StoreError, ValidationError) as exc:
        shown: BaseException = exc
    except OSError as exc:
        shown = exc if getattr(exc, "problem", None) else StoreError(
            f"'{exc.filename or 'the file'}' could not be written: {exc.strerror or exc}.", write_remedy)
    except Exception as exc:  # the exporters' own expected errors carry problem and remedy
        if not getattr(exc, "problem", None):
            raise
        shown = exc
    finally:
        QApplication.restoreOverrideCursor()
    show_store_error(parent, shown, title)
    return False, None


def crash_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = [
        f"{APP_DISPLAY_NAME} {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform()}",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)).rstrip(),
    ]
    return "\n".join(lines)


class CrashDialog(QDialog):
    """'Something went wrong' with a copyable report; the program keeps running."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{APP_DISPLAY_NAME} — unexpected error")
        self.resize(720, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "<b>Something went wrong inside the program.</b><br>"
            "Changes you had already saved are safe: each one is written to the database when "
            "you make it. Please copy the report below into an email to whoever supports "
            "MQ&amp;P Desktop, saying what you were doing at the time."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton("Copy report")
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


_showing = False


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the GUI: expected failures get a message, bugs a report."""
    global _showing
    sys.__excepthook__(exc_type, exc, tb)  # keep it on stderr too
    app = QApplication.instance()
    if app is None or _showing or issubclass(exc_type, KeyboardInterrupt):
        return
    _showing = True
    try:
        parent = QApplication.activeWindow()
        translated = environment_error(exc)
        if translated is not None:
            show_store_error(parent, translated)
        elif isinstance(exc, ValidationError):
            show_store_error(parent, exc)
        else:
            dialog = CrashDialog(crash_report(exc_type, exc, tb), parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = excepthook

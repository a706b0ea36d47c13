"""Writing export files safely, shared by every exporter.

An export is written to a temporary file beside the target and moved into
place at the end, so a failure never leaves a half-written file (or destroys
the previous one); failures become :class:`ExportFileError` with the problem
and what to do.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from mqp_desktop.exporters.register_import import _CONTROL


class ExportFileError(OSError):
    """The export could not be written (file open elsewhere, read-only folder, disk full)."""

    def __init__(self, problem: str, remedy: str = ""):
        self.problem = problem
        self.remedy = remedy
        super().__init__(f"{problem} {remedy}".strip())

    def __str__(self) -> str:
        return f"{self.problem} {self.remedy}".strip()


def safe_text(text: str | None) -> str:
    """Text without control characters, which XLSX and Word files cannot hold."""
    return _CONTROL.sub("", text or "")


def guard_formula(text: str) -> str:
    """Stop a spreadsheet running a cell as a formula ("=HYPERLINK(...)"); import strips the "'".

    Phone numbers such as "+44 20 8871 6000" are left alone.
    """
    if not text:
        return text
    first, second = text[0], text[1:2]
    if first in "=@\t\r" or (first in "+-" and not (second.isdigit() or second == " " and len(text) > 2 and text[2].isdigit())):
        return "'" + text
    return text


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    path = Path(path).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFileError(f"The folder '{folder}' does not exist.", "Choose an existing folder to save the export in.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise write_error(path, exc) from exc
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_error(path, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_error(path: Path, exc: OSError) -> ExportFileError:
    if exc.errno == 28:  # ENOSPC
        return ExportFileError(
            f"The disk is full, so '{path.name}' was not written.",
            "Free some space or save to another drive, then export again.",
        )
    return ExportFileError(
        f"'{path}' could not be written ({exc.strerror or exc}).",
        "If the file is open in Excel or Word, close it there; otherwise choose a folder you can write to.",
    )

"""Writing export files safely, shared by every exporter.

An export is written to a temporary file beside the target and moved into
place at the end, so a failure never leaves a half-written file (or destroys
the previous one); failures become :class:`ExportFileError` with the problem
and what to do. A batch of files (letters, chase emails, agencies' workbooks)
goes through :func:`write_all_or_nothing`: every file is written before any
is moved into place, so a batch either completes or leaves the folder as it was.

**File names from what people typed** (a round's name, a member's name) go
through :func:`safe_file_name`, the one place that makes them safe: no path
separators or characters Windows refuses, no leading dots (a hidden file, or
"..") and no trailing dots or spaces, not a name Windows reserves (CON, NUL,
COM1 …), and short enough for Windows' 260-character paths.

**Spreadsheet cells** (CSV and XLSX) go through one rule, OWASP's for formula
("CSV") injection: text whose first character is ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return would be run as a formula by Excel or LibreOffice
(``=HYPERLINK(...)``, ``-2+3+cmd|' /C calc'!A0``). True numbers and dates are
written as numbers and dates and are never touched.

- CSV (:func:`write_csv`): such text is written with a leading ``'``, which
  the program's own imports take off again; every text field is quoted, so a
  spreadsheet that splits on ``;`` (some locales) cannot split a guarded cell
  into an unguarded one.
- XLSX (:func:`save_workbook`): such text is written as a text cell carrying
  Excel's own "quote prefix" mark — what Excel stores when someone types
  ``'=1+1``: the cell shows exactly what was typed (a bullet "- training" stays
  "- training") and stays text when edited. The program never writes a cell
  formula of its own (drop-down lists and conditional formats are not cells and
  are kept).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

# Control characters (a pasted backspace, form feed...) mean nothing in a register and
# cannot be stored in XLSX or Word files: they are dropped. Tabs and line breaks stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` escaped for reportlab's paragraph markup (as ``xml.sax.saxutils.escape``,
    whose module imports urllib.request, http.client and ssl: 15 ms of an export's start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- formulas in spreadsheet cells ----------------------------------------------------------------
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""OWASP's list: a cell whose text starts with one of these may be run as a formula."""


def starts_like_formula(text: object) -> bool:
    """Whether ``text`` is text a spreadsheet could run as a formula (see :data:`FORMULA_START`)."""
    return isinstance(text, str) and text[:1] in FORMULA_START and text != ""


def guard_formula(text: str) -> str:
    """Text for a CSV cell: a leading ``'`` when a spreadsheet would run it as a formula.

    ``"=HYPERLINK(...)"`` → ``"'=HYPERLINK(...)"``; ``"-2+3+cmd|' /C calc'!A0"`` and
    ``"+44 20 8871 6000"`` too (text, however number-like: a number to be a number is written as
    one, see :func:`csv_cell`). The program's imports take the ``'`` off again (:func:`unguard_formula`).
    """
    return "'" + text if starts_like_formula(text) else text


def unguard_formula(text: str) -> str:
    """The text a guarded cell held: ``"'=1+1"`` → ``"=1+1"``; anything else as it is."""
    if isinstance(text, str) and text[:1] == "'" and starts_like_formula(text[1:]):
        return text[1:]
    return text


def csv_cell(value: object) -> object:
    """A value as a CSV writer should get it: numbers stay numbers, dates ISO, text guarded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return guard_formula(safe_text(str(value)))


def write_csv(tmp: Path, rows: Iterable[Sequence[object]]) -> None:
    """Write ``rows`` to ``tmp`` as CSV for Excel (UTF-8 with a byte-order mark), every cell through
    :func:`csv_cell`; text is quoted, numbers are not."""
    with Path(tmp).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC)
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])


def guard_workbook(wb: Any) -> int:
    """Make every text cell of ``wb`` that starts like a formula inert text; the number of cells changed.

    The cell keeps its text and style; it becomes a text cell (never a formula) with the quote-prefix
    mark, as Excel does for text typed after a ``'``. Numbers, dates and empty cells are left alone.
    """
    changed = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if starts_like_formula(value) or cell.data_type == "f":
                    cell.value = value if isinstance(value, str) else str(value)
                    cell.data_type = "s"
                    cell.quotePrefix = True
                    changed += 1
    return changed


def save_workbook(wb: Any, tmp: Path) -> None:
    """Save an openpyxl workbook after :func:`guard_workbook`: the one way exporters save XLSX."""
    guard_workbook(wb)
    wb.save(tmp)


# --- file names made from what people typed -------------------------------------------------------
MAX_FILE_NAME = 100
"""Characters a file name made from text may have before its ending: with a folder like
C:\\Users\\someone\\OneDrive - Council\\Documents\\… it stays within Windows' 260-character paths."""
_MAX_NAME_BYTES = 180  # and bytes in UTF-8: Linux and macOS allow 255 bytes, accents take two or more
_DROPPED = re.compile(r'[<>"?*\x00-\x1f\x7f]')
_DASHED = re.compile(r"[/\\|:]+")
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"} | {
    f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
_ASCII = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": "", "”": "", "…": "..."})


def _invisible(ch: str) -> bool:
    # Format characters (a right-to-left override can make "fdp.exe" look like "exe.pdf"), line and
    # paragraph separators, and other controls.
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn")


def safe_file_name(text: str | None, suffix: str = "", *, fallback: str = "file",
                   max_length: int = MAX_FILE_NAME, ascii_only: bool = False) -> str:
    """A file name made from ``text`` that every system accepts, and ``suffix`` (e.g. ``".xlsx"``).

    Characters Windows refuses (``< > " ? *``, controls, invisible format characters) are dropped;
    ``/ \\ |`` and ``:`` become ``-`` (a ``:`` before a space is dropped); runs of spaces become one;
    leading dots and spaces (a hidden file, or a ".." naming the folder above) and trailing dots and
    spaces (Windows drops them) are taken off; a name Windows reserves for a device (CON, PRN, AUX,
    NUL, COM1…9, LPT1…9, with or without an ending) gets a ``_``; longer than ``max_length``
    characters (or 180 bytes) it is cut at a word. ``ascii_only`` (for attachments every mail program
    accepts) also turns accents into plain letters.
    ``fallback`` is used when nothing is left.
    """
    text = unicodedata.normalize("NFC", str(text or ""))
    if ascii_only:
        text = unicodedata.normalize("NFKD", text.translate(_ASCII)).encode("ascii", "ignore").decode()
    text = "".join(" " if ch in "\t\r\n\x0b\x0c" else ch for ch in text)
    text = _DASHED.sub("-", re.sub(r":(?=\s)", "", _DROPPED.sub("", text)))  # "Audit: 2026" → "Audit 2026"
    text = "".join(ch for ch in text if not _invisible(ch))
    text = " ".join(text.split()).lstrip(". ").rstrip(". ")
    if len(text) > max_length or len(text.encode("utf-8")) > _MAX_NAME_BYTES:
        cut = text[:max_length]
        while len(cut.encode("utf-8")) > _MAX_NAME_BYTES:
            cut = cut[:-1]
        at_word = cut.rsplit(" ", 1)[0]
        text = (at_word if len(at_word) >= len(cut) * 2 // 3 else cut).rstrip(". -")
    head, dot, rest = text.partition(".")
    if head.rstrip(" ").upper() in _RESERVED:
        text = f"{head}_{dot}{rest}"
    return (text or fallback) + suffix


# --- writing files whole ----------------------------------------------------------------------------
def _folder_of(path: Path) -> Path:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportFileError(f"The folder '{folder}' does not exist.", "Choose an existing folder to save the export in.")
    return folder


def _temp_beside(path: Path, folder: Path) -> Path:
    # The temporary name is short whatever the target's: a long name must not make it too long to create.
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=path.suffix[:16], dir=folder)
        os.close(fd)
    except OSError as exc:
        raise write_error(path, exc) from exc
    return Path(tmp_name)


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    path = Path(path).expanduser()
    folder = _folder_of(path)
    tmp = _temp_beside(path, folder)
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


def write_all_or_nothing(files: Sequence[tuple[Path, Callable[[Path], None]]]) -> list[Path]:
    """Write a batch of files: all of them, or (on any failure) none, the folder left as it was.

    Each ``(path, write)`` is written to a temporary file beside ``path`` first; only when every one
    is written are they moved into place. A file already at a path is set aside until the whole batch
    is in place, and put back if a later move fails (a letter open in Word, say).
    """
    jobs = [(Path(path).expanduser(), write) for path, write in files]
    seen: set[str] = set()
    for path, _ in jobs:
        key = os.path.normcase(os.path.abspath(path)).lower()
        if key in seen:
            raise ValueError(f"Two files of one batch are both named '{path.name}'.")  # a bug in the caller
        seen.add(key)
    temps: list[Path] = []
    try:
        for path, write in jobs:
            tmp = _temp_beside(path, _folder_of(path))
            temps.append(tmp)
            try:
                write(tmp)
            except OSError as exc:
                raise write_error(path, exc) from exc
    except BaseException:
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        raise
    placed: list[tuple[Path, Path | None]] = []  # (path, where the file it replaced was set aside)
    try:
        for (path, _), tmp in zip(jobs, temps, strict=True):
            aside = None
            try:
                if path.exists():
                    aside = _temp_beside(path, path.parent)
                    os.replace(path, aside)
                os.replace(tmp, path)
            except OSError as exc:
                if aside is not None and not path.exists():
                    os.replace(aside, path)
                elif aside is not None:
                    aside.unlink(missing_ok=True)
                raise write_error(path, exc) from exc
            placed.append((path, aside))
    except BaseException:
        for path, aside in reversed(placed):
            try:
                if aside is not None:
                    os.replace(aside, path)
                else:
                    path.unlink(missing_ok=True)
            except OSError:  # pragma: no cover - the folder went away under us: nothing more can be done
                pass
        for tmp in temps:
            tmp.unlink(missing_ok=True)
        raise
    for _, aside in placed:
        if aside is not None:
            aside.unlink(missing_ok=True)
    return [path for path, _ in jobs]


def write_error(path: Path, exc: OSError) -> ExportFileError:
    if isinstance(exc, ExportFileError):
        return exc
    if exc.errno == 28:  # ENOSPC
        return ExportFileError(
            f"The disk is full, so '{path.name}' was not written.",
            "Free some space or save to another drive, then export again.",
        )
    if exc.errno == 36 or getattr(exc, "winerror", None) == 206:  # ENAMETOOLONG, ERROR_FILENAME_EXCED_RANGE
        return ExportFileError(
            f"The name of '{path.name}' is too long for this folder ({len(str(path))} characters with the folder).",
            "Choose a folder nearer the top of the drive, or a shorter name.",
        )
    return ExportFileError(
        f"'{path}' could not be written ({exc.strerror or exc}).",
        "If the file is open in Excel or Word, close it there; otherwise choose a folder you can write to.",
    )

"""Word, Excel and PowerPoint papers to PDF, for the meeting pack.

Converters, best first:

* **LibreOffice** (``soffice --headless --convert-to pdf``), found on PATH or in
  the usual Windows and macOS install folders. Each conversion runs with its
  own throw-away user profile, so a LibreOffice window the officer already has
  open neither blocks it nor swallows it; it is stopped after a time limit.
* **Microsoft Word** through ``docx2pdf`` (Windows, when that package is
  importable and Word is installed): Word documents only.

:func:`find_converters` lists what this computer has; :func:`converter_for`
picks one for a file's extension, or None — then the pack lists the paper as
"circulated separately" and it goes with the email instead. Nothing is ever
dropped silently. :func:`convert_to_pdf` raises :class:`ConversionFailed`
(naming the file) when a converter runs but gives no PDF.

No Qt; subprocess only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

OFFICE_EXTENSIONS = frozenset({".docx", ".doc", ".xlsx", ".xls", ".pptx", ".ppt"})
WORD_EXTENSIONS = frozenset({".docx", ".doc"})
TIMEOUT_SECONDS = 180


class ConversionFailed(Exception):
    """A converter ran but did not produce a PDF of the file."""

    def __init__(self, file_name: str, converter: str, detail: str):
        self.file_name = file_name
        self.converter = converter
        self.detail = detail
        super().__init__(f"{converter} could not convert '{file_name}' to PDF ({detail}).")


@dataclass(frozen=True)
class Converter:
    name: str
    """In words: 'LibreOffice', 'Microsoft Word (docx2pdf)'."""
    kind: str
    """'soffice' or 'docx2pdf'."""
    handles: frozenset[str]
    program: str = ""
    """The soffice executable, for LibreOffice."""


def _soffice_candidates() -> list[Path]:
    out: list[Path] = []
    for name in ("soffice", "libreoffice", "soffice.exe"):
        found = shutil.which(name)
        if found:
            out.append(Path(found))
    if sys.platform == "win32":
        for base in (os.environ.get("ProgramFiles", r"C:\Program Files"),
                     os.environ.get("ProgramFiles(x86)", r"C:\Program Files (x86)"),
                     os.environ.get("LOCALAPPDATA", "")):
            if base:
                out.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        out.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
        out.append(Path.home() / "Applications/LibreOffice.app/Contents/MacOS/soffice")
    else:
        out += [Path("/usr/bin/soffice"), Path("/usr/lib/libreoffice/program/soffice"),
                Path("/opt/libreoffice/program/soffice"), Path("/snap/bin/libreoffice")]
    return out


def find_soffice() -> Path | None:
    for candidate in _soffice_candidates():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _docx2pdf_available() -> bool:
    if sys.platform != "win32":
        return False  # docx2pdf drives Word through COM (Windows) or AppleScript; only Windows is supported here
    try:
        import docx2pdf  # noqa: F401
    except ImportError:
        return False
    return True


def find_converters() -> tuple[Converter, ...]:
    """The converters this computer has, best first (may be empty)."""
    found: list[Converter] = []
    soffice = find_soffice()
    if soffice is not None:
        found.append(Converter("LibreOffice", "soffice", OFFICE_EXTENSIONS, str(soffice)))
    if _docx2pdf_available():
        found.append(Converter("Microsoft Word (docx2pdf)", "docx2pdf", WORD_EXTENSIONS))
    return tuple(found)


def converter_for(extension: str, converters: Sequence[Converter]) -> Converter | None:
    ext = extension.lower()
    return next((c for c in converters if ext in c.handles), None)


def _safe_name(file_name: str, extension: str) -> str:
    from mqp_desktop.exporters.files import safe_file_name

    return safe_file_name(Path(file_name).stem, extension, fallback="paper", max_length=60)


def convert_to_pdf(file_name: str, content: bytes, converter: Converter, *,
                   timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The PDF of an Office file, made by ``converter``; raises :class:`ConversionFailed`."""
    extension = Path(file_name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="mqp-convert-") as folder:
        work = Path(folder)
        source = work / _safe_name(file_name, extension)
        source.write_bytes(content)
        target = source.with_suffix(".pdf")
        if converter.kind == "soffice":
            profile = (work / "profile").resolve().as_uri()
            command = [converter.program, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                       "--nolockcheck", "--convert-to", "pdf", "--outdir", str(work), str(source)]
            try:
                done = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                                      check=False)
            except subprocess.TimeoutExpired:
                raise ConversionFailed(file_name, converter.name, f"it took longer than {timeout:.0f} seconds") from None
            except OSError as exc:
                raise ConversionFailed(file_name, converter.name, str(exc.strerror or exc)) from None
            if not target.is_file():
                detail = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
                raise ConversionFailed(file_name, converter.name,
                                       detail[-1] if detail else f"no PDF was made, exit status {done.returncode}")
        elif converter.kind == "docx2pdf":
            try:
                import docx2pdf

                docx2pdf.convert(str(source), str(target))
            except Exception as exc:  # noqa: BLE001 - Word automation fails in many ways (not installed, a dialog open …)
                raise ConversionFailed(file_name, converter.name, str(exc) or type(exc).__name__) from None
            if not target.is_file():
                raise ConversionFailed(file_name, converter.name, "no PDF was made")
        else:  # pragma: no cover
            raise ValueError(f"unknown converter {converter.kind}")
        data = target.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise ConversionFailed(file_name, converter.name, "what it made is not a PDF")
    return data


__all__ = ["OFFICE_EXTENSIONS", "ConversionFailed", "Converter", "convert_to_pdf", "converter_for",
           "find_converters", "find_soffice"]

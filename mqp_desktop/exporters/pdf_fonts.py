"""An embeddable TrueType family for reportlab PDFs, shared by every PDF export.

PDF's standard fonts (Helvetica and friends) are not embedded: a reader
substitutes its own, so the text may look and wrap differently, and archiving
rules (PDF/A) refuse them. ``register_fonts()`` registers the first family found
of DejaVu Sans (Linux), Arial (every Windows PC) and Bitstream Vera (shipped
with reportlab, so always there), and returns the names to use.

reportlab is imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import os
from pathlib import Path


def _font_candidates() -> list[tuple[str, Path, Path]]:
    """(family, regular, bold) TrueType files to embed, best first."""
    out: list[tuple[str, Path, Path]] = []
    for folder in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
                   "/usr/local/share/fonts", "/Library/Fonts", str(Path.home() / ".fonts")):
        out.append(("DejaVuSans", Path(folder) / "DejaVuSans.ttf", Path(folder) / "DejaVuSans-Bold.ttf"))
    windows_fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    out.append(("DejaVuSans", windows_fonts / "DejaVuSans.ttf", windows_fonts / "DejaVuSans-Bold.ttf"))
    # On the officer's Windows laptop DejaVu is rarely installed; Arial always is.
    out.append(("Arial", windows_fonts / "arial.ttf", windows_fonts / "arialbd.ttf"))
    try:
        import reportlab

        # reportlab ships Bitstream Vera (DejaVu's parent): embeddable wherever reportlab is.
        shipped = Path(reportlab.__file__).parent / "fonts"
        out.append(("Vera", shipped / "Vera.ttf", shipped / "VeraBd.ttf"))
    except ImportError:  # pragma: no cover
        pass
    return out


def register_fonts() -> tuple[str, str]:
    """Register an embeddable TrueType family; (regular, bold) names. Helvetica when none is found.

    Helvetica is one of PDF's standard fonts: its text is selectable but the
    font is not embedded, so it is the last resort.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    for family, regular, bold in _font_candidates():
        name, bold_name = f"MQP-{family}", f"MQP-{family}-Bold"
        if name in pdfmetrics.getRegisteredFontNames():
            return name, bold_name
        if not (regular.is_file() and bold.is_file()):
            continue
        try:
            pdfmetrics.registerFont(TTFont(name, str(regular)))
            pdfmetrics.registerFont(TTFont(bold_name, str(bold)))
        except (TTFError, OSError):
            continue
        addMapping(name, 0, 0, name)
        addMapping(name, 1, 0, bold_name)
        addMapping(name, 0, 1, name)
        addMapping(name, 1, 1, bold_name)
        return name, bold_name
    return "Helvetica", "Helvetica-Bold"


__all__ = ["register_fonts"]

"""A Section 11 audit round's summary (ToR 7.8) as PDF or XLSX, for the chair's report and the Executive.

* PDF — to attach to the Executive's papers. The first page answers the
  chair's three questions at once: who has not returned (and how late), which
  standards are weakest across the agencies, which action-plan items are
  overdue, with the change since the previous round. Then the details (every
  return, every standard ranked, every overdue item, the change by standard),
  the agency x standard grid on landscape pages drawn as a coloured table —
  each cell's value printed in it, so it reads in black and white too — with
  its legend, and one page per agency: its dates and contacts, its rating of
  each standard (self-assessed and moderated, last round's, evidence and areas
  for improvement shortened), its action plan with the overdue items marked.
  "Page n of N", title/author/subject set, fonts embedded (see pdf_fonts).
* XLSX — to work with: sheets "Summary", "Grid" (the same values and fill
  colours), "Returns", "Actions" (overdue first), "Comparison" and "Ratings",
  each with a frozen heading row, filters and sensible widths.

Figures come from the domain's arithmetic (``rating_grid``, ``weakest_standards``,
``compare_rounds``) on the chosen basis: ``effective`` (the panel's rating where
it has one, else the self-assessment), ``self`` or ``moderated``. "Not
applicable" is left out of every total.

Written through a temporary file, as every export (see register_export).
openpyxl and reportlab are imported inside the functions that need them.

This module chooses the writer by the file's ending and keeps every name
importable from here; the code lives in section11_report_data (what the report
shows: ``RoundReport``, ``gather_round_report``), section11_report_words (words,
numbers and colours), section11_report_xlsx and section11_report_pdf (the writers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.exporters.section11_report_data import (  # noqa: F401 - re-exported: imported from here
    EarlierAction,
    RoundReport,
    gather_round_report,
    parse_basis,
)
from mqp_desktop.exporters.section11_report_pdf import write_round_summary_pdf
from mqp_desktop.exporters.section11_report_words import (  # noqa: F401 - re-exported: imported from here
    BASIS_WORDS,
    NA_FILL,
    NOT_RATED,
    NOT_RATED_FILL,
    STATUS_WORDS,
    band_colour,
    band_percent,
    figure_text,
    is_single_value,
    legend_entries,
    long_date,
    percent_fill,
    plural,
    scale_words,
    score_fill,
    score_text,
    short_date,
    shorten,
    trend_word,
    units_text,
    value_fill,
    value_text,
)
from mqp_desktop.exporters.section11_report_xlsx import (  # noqa: F401 - re-exported: imported from here
    grid_cell_value,
    overall_value,
    write_round_summary_xlsx,
)

SUPPORTED_SUFFIXES = (".pdf", ".xlsx")


# --- choosing by file type -------------------------------------------------------------------
def export_round_summary(store, round_id: int, path: Path | str, *, basis: str = "effective",
                         today: dt.date | None = None) -> Path:
    """Write the round's summary to ``path``; the ending chooses PDF or XLSX."""
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        shown = f"'{path.suffix}'" if path.suffix else "no ending"
        raise ValueError(
            f"Cannot write the Section 11 round summary to a file with {shown}: "
            "choose a name ending .pdf (PDF) or .xlsx (Excel)."
        )
    report = gather_round_report(store, round_id, basis=basis, today=today)
    return writer(report, path)


_WRITERS: dict[str, Callable[[RoundReport, Path], Path]] = {
    ".pdf": write_round_summary_pdf,
    ".xlsx": write_round_summary_xlsx,
}

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ExportFileError",
    "RoundReport",
    "export_round_summary",
    "gather_round_report",
    "score_fill",
    "score_text",
    "write_round_summary_pdf",
    "write_round_summary_xlsx",
]

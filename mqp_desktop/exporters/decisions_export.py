"""The decisions register (every decision across all meetings, ToR 3) to CSV or XLSX.

:func:`export_decisions` writes the decisions given (the register as filtered on screen or by ``mqp
decisions``) to a file whose ending chooses the format: CSV (UTF-8 with a byte-order mark, for Excel) or
XLSX (a title row, a bold frozen heading row with a filter, real dates, decisions awaiting ratification
shaded amber with "AWAITING" in their own column). Both go through the formula-guarded writers
(``files.write_csv``, ``files.save_workbook``): a decision typed as "=..." stays text. Written whole
through a temporary file. openpyxl is imported inside the function.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mqp_desktop.domain.decisions import DecisionEntry
from mqp_desktop.exporters.files import safe_text, save_workbook, write_atomically, write_csv

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
COLUMNS = ("Decision", "Meeting date", "Meeting", "Item", "Item title", "Decision text", "Priorities",
           "Taken while inquorate", "Ratification", "Ratified on", "Ratified at meeting")
_NAVY = "1F3864"
_AWAITING_FILL = "FFF4E5"


def _row(d: DecisionEntry, titles: dict[int, str]) -> list[object]:
    ratification = "ratified" if d.ratified_on else ("AWAITING" if d.awaiting_ratification else "")
    return [d.id, d.meeting_date, d.meeting_title, d.item_number, d.item_title, d.text, "; ".join(d.priorities),
            "yes" if d.taken_while_inquorate else "no", ratification, d.ratified_on,
            titles.get(d.ratified_meeting_id, "") if d.ratified_meeting_id else ""]


def export_decisions(decisions: Sequence[DecisionEntry], path, *, title: str = "Decisions register",
                     author: str = "", meeting_titles: dict[int, str] | None = None) -> Path:
    """Write ``decisions`` to ``path`` (.csv or .xlsx). ValueError, in words, for another ending."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{path.suffix}'" if path.suffix else "no ending"
        raise ValueError(f"Cannot export the decisions register to a file with {shown}: choose a name ending .csv "
                         "or .xlsx (Excel).")
    titles = meeting_titles or {}
    rows = [_row(d, titles) for d in decisions]
    if suffix == ".csv":
        return write_atomically(path, lambda tmp: write_csv(tmp, [list(COLUMNS), *rows]))

    def write(tmp: Path) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        wb = Workbook()
        ws = wb.active
        ws.title = "Decisions"
        ws["A1"] = safe_text(title)
        ws["A1"].font = Font(bold=True, size=13)
        waiting = sum(1 for d in decisions if d.awaiting_ratification)
        ws["A2"] = (f"{len(decisions)} decisions; {sum(d.taken_while_inquorate for d in decisions)} taken while the "
                    f"meeting was not quorate, {waiting} of them awaiting ratification at a quorate meeting (ToR 3).")
        ws["A2"].font = Font(italic=True, color="595959")
        ws.append([])
        ws.append(list(COLUMNS))
        header = ws.max_row
        for c in ws[header]:
            c.font = Font(bold=True, color="FFFFFF")
            c.fill = PatternFill("solid", fgColor=_NAVY)
        fill = PatternFill("solid", fgColor=_AWAITING_FILL)
        for d, row in zip(decisions, rows):
            ws.append([safe_text(v) if isinstance(v, str) else v for v in row])
            n = ws.max_row
            for col in (2, 10):
                ws.cell(row=n, column=col).number_format = "dd/mm/yyyy"
            ws.cell(row=n, column=6).alignment = Alignment(wrap_text=True, vertical="top")
            if d.awaiting_ratification:
                for c in ws[n]:
                    c.fill = fill
        ws.freeze_panes = ws.cell(row=header + 1, column=1)
        ws.auto_filter.ref = f"A{header}:{get_column_letter(len(COLUMNS))}{max(ws.max_row, header)}"
        for i, width in enumerate((9, 12, 26, 7, 40, 70, 30, 10, 12, 12, 26), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.print_title_rows = f"{header}:{header}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        wb.properties.title = safe_text(title)
        wb.properties.creator = safe_text(author)
        wb.properties.subject = "Decisions register (ToR 3)"
        save_workbook(wb, tmp)

    return write_atomically(path, write)

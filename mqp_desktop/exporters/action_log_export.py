"""The action log across all meetings (ToR 14) to XLSX or Word.

:func:`export_action_log` writes the actions the action log page shows (the same
filters: open only, overdue on a day, owner) to a file whose ending chooses
the format:

* XLSX — to work with: one row per action (number, action, owner, due, status,
  status date, overdue, latest update with the meeting it was given at, the
  source meeting and item), a title row, a bold frozen heading row with a
  filter, real dates, overdue rows shaded red with "OVERDUE" in their own
  column so a filter finds them.
* Word — to circulate: grouped by status with the overdue actions first (then
  open, in progress, done, dropped), a table per group whose heading row
  repeats on every page; A4 landscape, "Page X of Y".

"Overdue" is as at ``overdue_on`` when given, otherwise today: the due date
has passed and the action is still open or in progress.

openpyxl and python-docx are imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.actions import Action, ActionStatus, meeting_key
from mqp_desktop.exporters.docx_house import (
    el,
    grid_widths,
    page_x_of_y,
    repeat_header,
    set_font,
    set_language,
    set_properties,
    shade,
)
from mqp_desktop.exporters.files import safe_text, save_workbook, write_atomically

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store

SUPPORTED_SUFFIXES = (".xlsx", ".docx")
COLUMNS = ("Number", "Action", "Owner", "Due", "Status", "Status date", "Overdue", "Latest update",
           "Update given at", "From meeting", "Item")
_NAVY = "1F3864"
_OVERDUE_FILL = "FCE4E4"
_OVERDUE_TEXT = "9C0006"
GROUPS = ("Overdue", "Open", "In progress", "Done", "Dropped")


@dataclass(frozen=True)
class ActionRow:
    """One action as the exports print it."""

    number: str
    description: str
    owner: str
    due: dt.date | None
    status: str
    status_date: dt.date | None
    overdue: bool
    update: str
    update_at: dt.date | None
    """The date of the meeting the latest update was given at (a date cell in the workbook; '13 Oct 2026'
    in the Word log), None when there is no update."""
    from_meeting: str
    from_date: dt.date | None
    item: str
    """'5. Multi-agency dataset' (or '' for the meeting generally)."""

    @property
    def group(self) -> str:
        return "Overdue" if self.overdue else self.status.capitalize()


def _date(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def action_rows(store: Store, *, open_only: bool = False, overdue_on: dt.date | None = None,
                owner: str | None = None, as_at: dt.date | None = None) -> list[ActionRow]:
    """The actions the filters keep, by number, with where they came from and their latest update."""
    as_at = overdue_on or as_at or dt.date.today()
    actions: list[Action] = store.minutes.actions(open_only=open_only, overdue_on=overdue_on, owner=owner or "")
    meetings = {m.id: m for m in store.meetings.list()}
    keys = {mid: meeting_key(m.date, m.start_time, mid) for mid, m in meetings.items()}
    names = {m.id: m.display_name for m in store.members()}
    latest: dict[int, object] = {}
    for u in store.minutes.updates():
        if u.meeting_id not in keys:
            continue
        best = latest.get(u.action_id)
        if best is None or (keys[u.meeting_id], u.on, u.id or 0) >= (keys[best.meeting_id], best.on, best.id or 0):
            latest[u.action_id] = u
    numbers: dict[int, dict[int, str]] = {}
    out = []
    for a in actions:
        m = meetings.get(a.meeting_id)
        item = ""
        if a.item_id is not None:
            if a.meeting_id not in numbers:
                numbers[a.meeting_id] = store.agendas.numbers(a.meeting_id)
            title = store.agendas.item(a.item_id).title
            number = numbers[a.meeting_id].get(a.item_id, "")
            item = f"{number}. {title}" if number else title
        u = latest.get(a.id)
        out.append(ActionRow(
            number=a.number, description=a.description, owner=store.minutes.owner_text(a, names),
            due=a.due_date, status=ActionStatus(a.status).value, status_date=a.status_date,
            overdue=a.is_overdue(as_at), update=(u.note if u else a.status_note) or "",
            update_at=meetings[u.meeting_id].date if u else None,
            from_meeting=m.title if m else "", from_date=m.date if m else None, item=item,
        ))
    return out


def _title(store: Store, open_only: bool, overdue_on: dt.date | None, owner: str | None) -> str:
    sc = store.subcommittee()
    what = "overdue actions" if overdue_on else "open actions" if open_only else "action log"
    text = f"{sc.short_name or sc.name} {what}"
    if owner:
        text += f", owner '{owner}'"
    return text + f" — as at {_date(overdue_on or dt.date.today())}"


def export_action_log(store: Store, path, *, open_only: bool = False, overdue_on: dt.date | None = None,
                      owner: str | None = None) -> Path:
    """Write the action log to ``path``; the ending chooses XLSX or Word (.docx). Returns the path."""
    path = Path(path)
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        shown = f"'{path.suffix}'" if path.suffix else "no ending"
        raise ValueError(f"Cannot export the action log to a file with {shown}: choose a name ending .xlsx (Excel) "
                         "or .docx (Word).")
    rows = action_rows(store, open_only=open_only, overdue_on=overdue_on, owner=owner)
    sc = store.subcommittee()
    return writer(rows, path, _title(store, open_only, overdue_on, owner), sc.partnership or sc.name)


def _write_xlsx(rows: list[ActionRow], path: Path, title: str, author: str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    def write(tmp: Path) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "Actions"
        ws["A1"] = safe_text(title)
        ws["A1"].font = Font(bold=True, size=13)
        ws["A2"] = ("Overdue: the due date has passed and the action is still open or in progress. "
                    f"{sum(r.overdue for r in rows)} of {len(rows)} actions are overdue.")
        ws["A2"].font = Font(italic=True, color="595959")
        ws.append([])
        ws.append(list(COLUMNS))
        header_row = ws.max_row
        for c in ws[header_row]:
            c.font = Font(bold=True, color="FFFFFF")
            c.fill = PatternFill("solid", fgColor=_NAVY)
        overdue_fill = PatternFill("solid", fgColor=_OVERDUE_FILL)
        for r in rows:
            ws.append([
                r.number, safe_text(r.description), safe_text(r.owner), r.due, r.status,
                r.status_date, "OVERDUE" if r.overdue else "", safe_text(r.update), r.update_at,
                safe_text(r.from_meeting), safe_text(r.item),
            ])
            n = ws.max_row
            for col in (4, 6, 9):  # due, status date, update given at: real dates
                ws.cell(row=n, column=col).number_format = "dd/mm/yyyy"
            if r.overdue:
                for c in ws[n]:
                    c.fill = overdue_fill
                ws.cell(row=n, column=7).font = Font(bold=True, color=_OVERDUE_TEXT)
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(COLUMNS))}{max(ws.max_row, header_row)}"
        for i, width in enumerate((11, 70, 22, 12, 12, 12, 10, 40, 16, 36, 50), start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        props = wb.properties
        props.title = safe_text(title)
        props.creator = safe_text(author)
        props.subject = "Action log (ToR 14)"
        save_workbook(wb, tmp)

    return write_atomically(path, write)


def _write_docx(rows: list[ActionRow], path: Path, title: str, author: str) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt, RGBColor

    doc = docx.Document()
    set_language(doc, "en-GB")
    styles = doc.styles
    for name in ("Normal", "Title", "Heading 1", "Footer", "Table Grid"):
        set_font(styles[name], "Arial")
    styles["Normal"].font.size = Pt(10)
    styles["Title"].font.size = Pt(18)
    styles["Title"].font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
    styles["Heading 1"].font.size = Pt(13)
    styles["Heading 1"].font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(1.6)
    text_width = section.page_width - section.left_margin - section.right_margin

    doc.add_paragraph(safe_text(title), style=styles["Title"])
    overdue = sum(r.overdue for r in rows)
    doc.add_paragraph(f"{len(rows)} actions; {overdue} overdue (the due date has passed and the action is still "
                      "open or in progress). Overdue actions are listed first.")
    columns = (("Number", 2.2), ("Action", 8.0), ("Owner", 3.6), ("Due", 2.3), ("Status", 2.6),
               ("Latest update", 5.5), ("From", 1.9))
    scale = text_width / Cm(sum(w for _, w in columns))
    widths = [Cm(w * scale) for _, w in columns]
    small = Pt(8.5)

    def text(cell, value: str, *, bold=False, color=None, size=small):
        para = cell.paragraphs[0] if not cell.paragraphs[0].runs else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(0)
        run = para.add_run(safe_text(value))
        run.bold = bold or None
        run.font.size = size
        if color:
            run.font.color.rgb = RGBColor.from_string(color)

    if not rows:
        doc.add_paragraph("No actions match.")
    for group in GROUPS:
        members = [r for r in rows if r.group == group]
        if not members:
            continue
        doc.add_paragraph(f"{group} ({len(members)})", style=styles["Heading 1"])
        t = doc.add_table(rows=1, cols=len(columns))
        t.style = styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        repeat_header(t.rows[0])
        for c, (label, _), w in zip(t.rows[0].cells, columns, widths, strict=True):
            c.width = w
            shade(c, _NAVY)
            text(c, label, bold=True, color="FFFFFF")
        for r in members:
            row = t.add_row()
            row._tr.get_or_add_trPr().append(el("w:cantSplit", val="true"))
            cells = row.cells
            for c, w in zip(cells, widths, strict=True):
                c.width = w
                if r.overdue:
                    shade(c, _OVERDUE_FILL)
            text(cells[0], r.number, bold=True)
            text(cells[1], r.description)
            if r.item:
                text(cells[1], f"Item {r.item}", color="595959", size=Pt(7.5))
            text(cells[2], r.owner)
            text(cells[3], _date(r.due))
            text(cells[4], r.status + (f" ({_date(r.status_date)})" if r.status_date and r.status in ("done", "dropped")
                                       else ""))
            if r.overdue:
                text(cells[4], "OVERDUE", bold=True, color=_OVERDUE_TEXT)
            text(cells[5], r.update)
            if r.update_at:
                text(cells[5], f"at the meeting of {_date(r.update_at)}", color="595959", size=Pt(7.5))
            text(cells[6], _date(r.from_date))
        grid_widths(t, widths)

    foot = section.footer.paragraphs[0]
    foot.style = styles["Footer"]
    for inherited in styles["Footer"].paragraph_format.tab_stops:
        foot.paragraph_format.tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    foot.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    run = foot.add_run(safe_text(title) + "\t")
    run.font.size = Pt(8)
    page_x_of_y(foot, Pt(8))
    set_properties(doc, title=title, author=author, subject="Action log (ToR 14)",
                   keywords="action log; safeguarding children partnership", category="Action log")
    return write_atomically(path, lambda tmp: doc.save(str(tmp)))


_WRITERS: dict[str, Callable[[list[ActionRow], Path, str, str], Path]] = {".xlsx": _write_xlsx, ".docx": _write_docx}

__all__ = ["COLUMNS", "GROUPS", "SUPPORTED_SUFFIXES", "ActionRow", "action_rows", "export_action_log"]

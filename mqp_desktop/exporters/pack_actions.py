"""The meeting pack's action log page(s): the actions carried forward to a meeting, in the pack's style.

The log is the one the minutes keep (``store.minutes.open_at``): actions from earlier meetings
not closed before this one, by number, with their owner, due date, status and the latest update
given at an earlier meeting. An overdue action says "Overdue" in words (not by colour alone).
Drawn in the pack's own reportlab document (like the agenda), so it is numbered and laid out
with it. reportlab is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mqp_desktop.exporters import pack_pages as pages

if TYPE_CHECKING:
    from mqp_desktop.domain.meetings import Meeting
    from mqp_desktop.store.store import Store


@dataclass(frozen=True)
class LogRow:
    number: str
    action: str
    owner: str
    due: dt.date | None
    status: str
    overdue: bool
    update: str
    """The latest update given before this meeting ('' when none), with the meeting it was given at."""


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def action_log_rows(store: Store, meeting: Meeting) -> list[LogRow]:
    """The action log as at ``meeting``: every action carried forward to it, by number."""
    entries = store.minutes.open_at(meeting.id)
    if not entries:
        return []
    meetings = {m.id: m for m in store.meetings.list()}
    names = {m.id: m.display_name for m in store.members()}
    rows = []
    for e in entries:
        a = e.action
        given = [u for u in store.minutes.updates(action_id=a.id)
                 if u.meeting_id in meetings and u.meeting_id != meeting.id
                 and meetings[u.meeting_id].date <= meeting.date]
        latest = max(given, key=lambda u: (meetings[u.meeting_id].date, u.on, u.id or 0), default=None)
        if e.update is not None:  # an update already recorded at this meeting wins
            latest = e.update
        update = ""
        if latest is not None:
            at = meetings.get(latest.meeting_id)
            update = latest.note or latest.status.value.capitalize()
            if at is not None:
                update += f"\n(at the meeting of {_day(at.date)})"
        rows.append(LogRow(a.number, a.description, store.minutes.owner_text(a, names), a.due_date,
                           e.status.value, e.overdue, update))
    return rows


def action_log_section(rows: list[LogRow], as_at: str, key: str = "action_log") -> pages.Section:
    """The action log as a compact table: number, action, owner, due, status, latest update."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    f = pages.fonts()
    s = f.styles
    cm = 28.3465
    flow: list = [Paragraph("Action log", s["title"]),
                  Paragraph(f"As at the meeting of {pages.esc(as_at)}", s["subtitle"])]
    if not rows:
        flow.append(Paragraph("No actions from earlier meetings are open.", s["base"]))
        return pages.Section(key, flow)
    overdue = sum(1 for r in rows if r.overdue)
    summary = f"{len(rows)} open action{'s' if len(rows) != 1 else ''}"
    if overdue:
        summary += f", {overdue} of them overdue"
    flow += [Paragraph(summary + ".", s["grey"]), Spacer(1, 6)]
    widths = [2.4 * cm, 4.8 * cm, 2.6 * cm, 2.1 * cm, 1.9 * cm]
    widths.append(pages.FRAME_WIDTH - sum(widths))
    head = ["No.", "Action", "Owner", "Due", "Status", "Latest update"]
    data = [[Paragraph(h, s["cell_head"]) for h in head]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(pages.NAVY)),
             ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#A6A6A6")),
             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for n, r in enumerate(rows, start=1):
        due = pages.esc(_day(r.due))
        if r.overdue:
            due += f"<br/><font name='{f.bold}' color='{pages.AMBER}'>Overdue</font>"
            style.append(("BACKGROUND", (3, n), (3, n), colors.HexColor(pages.AMBER_FILL)))
        data.append([Paragraph(pages.esc(r.number), s["cell_bold"]), Paragraph(pages.esc(r.action), s["cell"]),
                     Paragraph(pages.esc(r.owner), s["cell_small"]), Paragraph(due, s["cell_small"]),
                     Paragraph(pages.esc(r.status.replace("_", " ").capitalize()), s["cell_small"]),
                     Paragraph(pages.esc(r.update).replace("\n", "<br/>") or f"<font color='{pages.GREY}'>None yet</font>",
                               s["cell_small"])])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    flow.append(table)
    return pages.Section(key, flow)


__all__ = ["LogRow", "action_log_rows", "action_log_section"]

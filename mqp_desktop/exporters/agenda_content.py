"""What a printed agenda says, gathered once for the Word agenda and the meeting pack.

:func:`agenda_sheet` reads a meeting's agenda, papers, register and the
subcommittee from the store and returns an :class:`AgendaSheet`: plain strings
in the order they are printed (the header facts, one :class:`SheetLine` per
item with its number, presenter, purpose, time and paper references, the
apologies known so far, the date of the next meeting). The Word exporter
(:mod:`.agenda_docx`) and the pack's drawn agenda (:mod:`.pack_pages`) both
print from it, so the two can never disagree.

Paper references: an item's papers are "Paper 5" when it has one and
"Paper 5a", "Paper 5b" … when it has several (sub-items: "Paper 6.1a");
a supplement is "Supplement 2". A paper not yet received is "(to follow)".
Withdrawn papers are not referred to.

Plain Python: no python-docx, no reportlab.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mqp_desktop.domain.agenda import StandingKind
from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.domain.papers import Paper

if TYPE_CHECKING:
    from mqp_desktop.domain.meetings import Meeting
    from mqp_desktop.domain.papers import MeetingAgenda
    from mqp_desktop.store.store import Store


def long_date(day: dt.date) -> str:
    """'Tuesday 8 December 2026'."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """'8 Dec 2026'."""
    return f"{day.day} {day:%b %Y}"


def paper_references(agenda: MeetingAgenda) -> dict[int, str]:
    """Paper id -> 'Paper 5', 'Paper 5a', 'Supplement 1' for every live, not withdrawn paper."""
    out: dict[int, str] = {}
    for line in agenda.lines:
        papers = [p for p in agenda.papers.get(line.item.id, ()) if not p.withdrawn and not p.removed]
        in_pack = [p for p in papers if not p.supplement]
        for n, p in enumerate(in_pack):
            suffix = chr(ord("a") + n) if len(in_pack) > 1 and n < 26 else (f"-{n + 1}" if len(in_pack) > 1 else "")
            out[p.id] = f"Paper {line.number}{suffix}"
        for p in papers:
            if p.supplement:
                out[p.id] = p.supplement_label
    return out


@dataclass(frozen=True)
class SheetPaper:
    paper: Paper
    reference: str
    """'Paper 5a' or 'Supplement 1'."""
    to_follow: bool
    """Not received yet, or received with no file."""

    @property
    def text(self) -> str:
        return self.reference + (" (to follow)" if self.to_follow else "")


@dataclass(frozen=True)
class SheetLine:
    item_id: int
    number: str
    depth: int
    title: str
    detail: str
    """A second line under the title (e.g. the date of the next meeting), or ''."""
    presenter: str
    """Name only, for the narrow column: 'Sofia Marques', 'Dr Ama Boateng (guest)'."""
    presenter_full: str
    """With post and agency: 'Sofia Marques (Performance Manager, LA Children's Services)'."""
    purpose: str
    """'For decision', or ''."""
    time: str
    """'10:30–10:50', '11:45', or '20 min' when the meeting has no start time; '' for none."""
    minutes: int
    papers: tuple[SheetPaper, ...]
    standing: StandingKind

    @property
    def paper_text(self) -> str:
        return ", ".join(p.text for p in self.papers)


@dataclass(frozen=True)
class Apology:
    name: str
    post: str
    """'Performance Manager, LA Children's Services'."""
    deputy: str = ""
    """The deputy attending in their place, if known."""

    @property
    def text(self) -> str:
        out = f"{self.name} ({self.post})" if self.post else self.name
        return out + (f"; {self.deputy} attending as deputy" if self.deputy else "")



def in_sentence(title: str) -> str:
    """A title ('Meeting of 12 January 2027') inside a sentence: its first letter small, the rest as written
    ('the meeting of 12 January 2027' — ``str.lower`` would make it '12 january 2027')."""
    return title[:1].lower() + title[1:]

@dataclass(frozen=True)
class AgendaSheet:
    meeting: Meeting
    partnership: str
    subcommittee: str
    short_name: str
    """'MQ&P', or the subcommittee's name when it has no short name."""
    title: str
    """'Meeting of 8 December 2026'."""
    date_text: str
    time_text: str
    """'10:00 to 12:00', or ''."""
    venue: str
    online_link: str
    chair: str
    """'Dr Helen Carter (Chair)' style text, or '' when no chair is recorded."""
    lines: tuple[SheetLine, ...]
    apologies: tuple[Apology, ...]
    next_meeting: Meeting | None
    planned_finish: str
    total_minutes: int
    references: dict[int, str] = field(default_factory=dict)

    @property
    def next_meeting_text(self) -> str:
        m = self.next_meeting
        if m is None:
            return "To be confirmed"
        when = long_date(m.date)
        if m.start_time:
            when += f", {m.start_time}" + (f" to {m.end_time}" if m.end_time else "")
        where = m.venue or m.online_link
        return when + (f", {where}" if where else "")

    @property
    def stamp_label(self) -> str:
        """'MQ&P 8 Dec 2026', the start of every page's number stamp."""
        return f"{self.short_name} {short_date(self.meeting.date)}"


def _next_meeting(store: Store, meeting: Meeting) -> Meeting | None:
    later = [m for m in store.meetings.list(start=meeting.date + dt.timedelta(days=1))
             if m.status is not MeetingStatus.CANCELLED and m.id != meeting.id]
    return later[0] if later else None


def _apologies(store: Store, meeting_id: int) -> list[Apology]:
    entries = store.meetings.entries(meeting_id)
    if not entries:
        return []
    members = {m.id: m for m in store.members()}
    agencies = {a.id: a for a in store.agencies()}
    out: list[tuple[str, Apology]] = []
    for member_id, entry in entries.items():
        if entry.status not in (AttendanceStatus.APOLOGIES, AttendanceStatus.DEPUTY):
            continue
        m = members.get(member_id)
        if m is None or m.is_vacant:
            continue
        agency = agencies.get(m.agency_id)
        post = ", ".join(x for x in (m.role_title, agency.name if agency else "") if x)
        deputy = (entry.deputy_name or m.deputy_name) if entry.status is AttendanceStatus.DEPUTY else ""
        out.append(((agency.name if agency else "", m.display_name), Apology(m.display_name, post, deputy)))
    return [a for _, a in sorted(out, key=lambda pair: pair[0])]


def _time_text(start: str, finish: str, minutes: int) -> str:
    if start:
        return start if not minutes or start == finish else f"{start}–{finish}"
    return f"{minutes} min" if minutes else ""


def _short_presenter(item, full: str, members) -> str:
    if item.presenter_name:
        return f"{item.presenter_name} (guest)"
    if item.presenter_member_id is not None and item.presenter_member_id in members:
        return members[item.presenter_member_id].display_name
    return full


def sheet_papers(papers: Iterable[Paper], references: dict[int, str], *, supplements: bool = False) -> list[SheetPaper]:
    """An item's papers as printed (withdrawn left out), pack papers or supplements."""
    out = []
    for p in papers:
        if p.withdrawn or p.removed or bool(p.supplement) != supplements:
            continue
        out.append(SheetPaper(p, references.get(p.id, "Paper"), to_follow=not p.received or p.document_id is None))
    return out


def agenda_sheet(store: Store, meeting_id: int) -> AgendaSheet:
    """Everything a printed agenda of the meeting says (see the module's docstring)."""
    meeting = store.meetings.get(meeting_id)
    sc = store.subcommittee()
    agenda = store.agendas.agenda(meeting_id)
    members = {m.id: m for m in store.members()}
    references = paper_references(agenda)
    next_meeting = _next_meeting(store, meeting)
    chair = ""
    if sc.chair.member_id is not None and sc.chair.member_id in members:
        chair_member = members[sc.chair.member_id]
        if not chair_member.is_vacant:
            chair = chair_member.display_name
    lines = []
    for line in agenda.lines:
        item = line.item
        detail = ""
        if item.standing is StandingKind.NEXT_MEETING:
            detail = "To be confirmed"
            if next_meeting is not None:
                detail = long_date(next_meeting.date) + (f", {next_meeting.start_time}" if next_meeting.start_time else "")
        full = agenda.presenters.get(item.id, "")
        lines.append(SheetLine(
            item_id=item.id, number=line.number, depth=line.depth, title=item.title, detail=detail,
            presenter=_short_presenter(item, full, members), presenter_full=full,
            purpose=item.purpose.label if item.purpose else "",
            time=_time_text(line.start, line.finish, line.minutes), minutes=line.minutes,
            papers=tuple(sheet_papers(agenda.papers.get(item.id, ()), references)),
            standing=item.standing,
        ))
    return AgendaSheet(
        meeting=meeting,
        partnership=sc.partnership,
        subcommittee=sc.name,
        short_name=sc.short_name or sc.name,
        title=meeting.title,
        date_text=long_date(meeting.date),
        time_text=(f"{meeting.start_time} to {meeting.end_time}" if meeting.start_time and meeting.end_time
                   else meeting.start_time),
        venue=meeting.venue,
        online_link=meeting.online_link,
        chair=chair,
        lines=tuple(lines),
        apologies=tuple(_apologies(store, meeting_id)),
        next_meeting=next_meeting,
        planned_finish=agenda.timing.planned_finish,
        total_minutes=agenda.timing.total_minutes,
        references=references,
    )


__all__ = ["AgendaSheet", "Apology", "SheetLine", "SheetPaper", "agenda_sheet", "in_sentence", "long_date", "paper_references",
           "sheet_papers", "short_date"]

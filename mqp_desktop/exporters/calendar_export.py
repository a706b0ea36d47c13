"""The meeting programme as an iCalendar file (RFC 5545) for Outlook and other calendars.

One VEVENT per meeting. Calendars match events by UID, so importing a later
export *updates* the events instead of adding copies; SEQUENCE tells them
which version is newer, and a cancelled meeting is sent as STATUS:CANCELLED
so the calendar can take it out.

**The UID.** ``meeting-<id>-<token>@mqp-desktop``. The meeting id alone is
not enough: two databases (another subcommittee, the demo) both have a
meeting 1, and their events must not overwrite each other in one calendar.
The token identifies the database and must never change, so it is *derived
from facts that are written once and never rewritten*: when the database's
first migration ran (to the microsecond, kept by sqlite-utils in
``_sqlite_migrations``) and the first entry of the change history (who
created the subcommittee, on which computer, when — the history is
append-only, enforced by triggers). The subcommittee's name or partnership
would be simpler but can be edited in the settings, and an edit would then
duplicate every event in every member's calendar. Deriving the token also
means an export never writes to the database. A copy of the database file
keeps the token, which is right: it holds the same meetings.

**SEQUENCE** is the number of changes recorded for the meeting after it was
added (0 for a meeting never edited; each edit, cancellation, "held" or
chair's decision adds one). It only ever grows, as RFC 5545 requires.

**Times** are in Europe/London, with a VTIMEZONE: the meeting is at 10:00 in
London whether it falls in GMT or BST, and a member abroad sees it in their
own time. The VTIMEZONE is the short, rule-based one Outlook and Google
themselves write (last Sunday of March / October, the UK rule since 1996),
not icalendar's generated one, which lists every change from 1970 to 2037 as
RDATEs and is documented to stop at 2038; Outlook is known to read RDATE-only
zones badly. A meeting without a start time is an all-day event.

icalendar is imported inside :func:`export_calendar` only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain.meetings import Meeting, MeetingKind, MeetingStatus
from mqp_desktop.domain.model import Subcommittee
from mqp_desktop.exporters.files import safe_text, write_atomically

if TYPE_CHECKING:
    from mqp_desktop.store import Store

TIMEZONE = "Europe/London"
PRODID = "-//MQ&P Desktop//Meeting programme//EN"
UID_DOMAIN = "mqp-desktop"


def database_token(store: Store) -> str:
    """12 hex digits that identify this database and never change (see the module's notes)."""
    facts: list[str] = []
    try:
        row = store.db.execute(
            "SELECT applied_at FROM _sqlite_migrations ORDER BY applied_at, id LIMIT 1"
        ).fetchone()
        if row:
            facts.append(str(row[0]))
    except Exception:  # noqa: BLE001 - an older or foreign layout: use what is there
        pass
    row = store.db.execute("SELECT at, user, host, entity, entity_id FROM change_log ORDER BY id LIMIT 1").fetchone()
    if row:
        facts.append("|".join(str(v) for v in row))
    if not facts:  # an empty history: nothing is written yet, fall back on the names
        sc = store.subcommittee()
        facts.append(f"{sc.partnership}|{sc.name}")
    return hashlib.sha256("\n".join(facts).encode("utf-8")).hexdigest()[:12]


def meeting_uid(meeting_id: int, token: str) -> str:
    return f"meeting-{meeting_id}-{token}@{UID_DOMAIN}"


_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def _one_line(text: str) -> str:
    """A venue or link as one line: a line break or control character stored before they were refused
    (see :func:`~mqp_desktop.domain.validation.clean_line`) becomes a space, so one bad meeting never
    stops the export."""
    return " ".join(_BREAKS.sub(" ", text or "").split())


def _web_link(link: str) -> str:
    """The link's web address for the event's URL ('' when it has none): its first word, if that is an
    http(s) address (a link stored with a line break and text after it keeps its address)."""
    first = (link.split() or [""])[0]
    return first if first.lower().startswith(("https://", "http://")) and len(first) > 8 else ""


def _time(value: str) -> dt.time | None:
    if not value:
        return None
    hours, _, minutes = value.partition(":")
    return dt.time(int(hours), int(minutes or 0))


def _summary(meeting: Meeting, sc: Subcommittee) -> str:
    who = sc.short_name or sc.name
    text = f"Extraordinary {who} meeting" if meeting.kind is MeetingKind.EXTRAORDINARY else f"{who} meeting"
    if meeting.status is MeetingStatus.CANCELLED:
        # Calendars that ignore STATUS still show the word.
        text = f"Cancelled: {text}"
    return text


def _description(meeting: Meeting, sc: Subcommittee, by_id: dict[int, Meeting]) -> str:
    kind = "Extraordinary meeting" if meeting.kind is MeetingKind.EXTRAORDINARY else "Meeting"
    lines = [f"{kind} of the {sc.name}" + (f" ({sc.partnership})" if sc.partnership else "") + "."]
    if meeting.status is MeetingStatus.CANCELLED:
        lines.append("This meeting has been cancelled.")
    if meeting.replaces_id and meeting.replaces_id in by_id:
        old = by_id[meeting.replaces_id]
        lines.append(f"Reconvened: it replaces the inquorate meeting of {old.date.day} {old.date:%B %Y}.")
    if meeting.status is MeetingStatus.RECONVENED:
        lines.append("The meeting was not quorate and the chair decided to reconvene it.")
    if meeting.venue:
        lines.append(f"Venue: {_one_line(meeting.venue)}")
    if meeting.online_link:
        lines.append(f"Join online: {_one_line(meeting.online_link)}")
    if meeting.notes:
        lines.append("")
        lines.append(meeting.notes)
    return safe_text("\n".join(lines).replace("\r", ""))


def _london_vtimezone():
    """Europe/London as RRULEs: BST from 01:00 GMT on the last Sunday of March to 02:00 BST on the last of October."""
    import icalendar

    tz = icalendar.Timezone()
    tz.add("tzid", TIMEZONE)
    tz.add("x-lic-location", TIMEZONE)
    for kind, name, offset_from, offset_to, start, month in (
        (icalendar.TimezoneDaylight, "BST", 0, 1, dt.datetime(1970, 3, 29, 1, 0), 3),
        (icalendar.TimezoneStandard, "GMT", 1, 0, dt.datetime(1970, 10, 25, 2, 0), 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", dt.timedelta(hours=offset_from))
        part.add("tzoffsetto", dt.timedelta(hours=offset_to))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        tz.add_component(part)
    return tz


def export_calendar(
    store: Store,
    path: Path | str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Path:
    """Write the meetings from ``start`` to ``end`` (all when not given) to an .ics file."""
    from zoneinfo import ZoneInfo

    import icalendar

    sc = store.subcommittee()
    token = database_token(store)
    meetings = store.meetings.list(start=start, end=end)
    by_id = {m.id: m for m in store.meetings.list()}
    london = ZoneInfo(TIMEZONE)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = f"{sc.short_name or sc.name} meetings"
    cal.add("x-wr-calname", safe_text(name))
    cal.add("name", safe_text(name))
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add(
        "x-wr-caldesc",
        safe_text(f"Meetings of the {sc.name}" + (f", {sc.partnership}" if sc.partnership else "") + "."),
    )
    cal.add_component(_london_vtimezone())  # before the events that name it

    for meeting in meetings:
        history = store.history(entity="meeting", entity_id=meeting.id)
        ev = icalendar.Event()
        ev.add("uid", meeting_uid(meeting.id, token))
        ev.add("dtstamp", now)
        ev.add("sequence", max(len(history) - 1, 0))
        if history:
            changed = dt.datetime.fromisoformat(history[0].at)  # newest first
            if changed.tzinfo is not None:
                ev.add("last-modified", changed.astimezone(dt.timezone.utc))
            created = dt.datetime.fromisoformat(history[-1].at)
            if created.tzinfo is not None:
                ev.add("created", created.astimezone(dt.timezone.utc))
        starts, ends = _time(meeting.start_time), _time(meeting.end_time)
        if starts is None:
            ev.add("dtstart", meeting.date)
            ev.add("dtend", meeting.date + dt.timedelta(days=1))
        else:
            ev.add("dtstart", dt.datetime.combine(meeting.date, starts, tzinfo=london))
            if ends is not None:
                ev.add("dtend", dt.datetime.combine(meeting.date, ends, tzinfo=london))
        ev.add("summary", safe_text(_summary(meeting, sc)))
        venue, link = _one_line(meeting.venue), _one_line(meeting.online_link)
        if venue:
            ev.add("location", venue)
        elif link:
            ev.add("location", link)
        if _web_link(link):
            ev.add("url", _web_link(link))
        ev.add("description", _description(meeting, sc, by_id))
        ev.add("categories", ["Extraordinary meeting" if meeting.kind is MeetingKind.EXTRAORDINARY else "Meeting"])
        if meeting.status is MeetingStatus.CANCELLED:
            ev.add("status", "CANCELLED")
            ev.add("transp", "TRANSPARENT")
        else:
            ev.add("status", "CONFIRMED")
            ev.add("transp", "OPAQUE")
        cal.add_component(ev)

    data = cal.to_ical()
    return write_atomically(Path(path), lambda tmp: tmp.write_bytes(data))


__all__ = ["database_token", "export_calendar", "meeting_uid"]

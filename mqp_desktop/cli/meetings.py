"""``mqp meetings ...``: planning and keeping the subcommittee's meetings (ToR 3, 5).

The rest of the meetings command line has its own modules: :mod:`.attendance`
(``mqp attendance``, ``mqp quorum``), :mod:`.reports` (``mqp report``) and
:mod:`.exports` (``mqp export``), each registered by ``app.py`` (``COMMAND_MODULES``),
so ``mqp export ...`` does not load this module.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, today
from mqp_desktop.cli.meeting_records import (
    MEETING_HELP,
    date_arg,
    days_until,
    guest_record,
    meeting_line,
    meeting_record,
    quorum_record,
    quorum_text,
    register_progress,
    register_record,
    resolve_meeting,
    when,
)
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.meetings import (
    Meeting,
    MeetingKind,
    MeetingStatus,
    MeetingSummary,
    QuorumState,
    validate_meeting,
)

MAX_SERIES = 60
DATES = "Dates: YYYY-MM-DD (2026-03-10) or DD/MM/YYYY (10/03/2026). Times: 10:00, 0930, 2pm or 2:30pm."

MEETING_JSON_KEYS = """\
JSON (--json): meeting objects with the keys
  id, title, date (YYYY-MM-DD), start_time, end_time (HH:MM), venue, online_link,
  kind ("ordinary" | "extraordinary"), status ("planned" | "held" | "cancelled" |
  "reconvened"), replaces_id (the meeting a reconvened one replaces, or null),
  chair_decision ("proceed" | "reconvene" | null), chair_decision_note,
  items_waiting (agenda item ids the chair's decision left waiting for a quorate
  meeting), notes, replaced_by (ids), expected (members on the register),
  recorded (entries taken), quorate (true/false, or null while nothing is
  recorded; true when no quorum is set), quorum_state ("quorate" | "not yet
  quorate" (a meeting to come, or its register not finished) | "not quorate" |
  "no quorum set", or null while nothing is recorded)."""


# --- dates: weekends, bank holidays, moved dates --------------------------------------------

def _bank_holidays(years: range) -> dict[dt.date, str]:
    """England's bank holidays with their names (the ``holidays`` package, as the schedule uses)."""
    import holidays

    return dict(holidays.country_holidays("GB", subdiv="ENG", years=list(years)).items())


def _why_not_working(on: dt.date, names: dict[dt.date, str]) -> str | None:
    if on.weekday() >= 5:
        return f"a {on:%A}"
    if on in names:
        return f"{names[on]}, a bank holiday"
    return None


def _day_note(on: dt.date) -> str | None:
    why = _why_not_working(on, _bank_holidays(range(on.year, on.year + 1)))
    return f"{on:%a} {day(on)} is {why}; change it with 'mqp meetings edit ID --date DATE' if that is not meant" if why else None


# --- meetings schedule ---------------------------------------------------------------------

def _template(args: argparse.Namespace, first: dt.date) -> Meeting:
    meeting = Meeting(date=first)
    if args.start is not None:
        meeting.start_time = args.start
    if args.end is not None:
        meeting.end_time = args.end
    meeting.venue = args.venue or ""
    meeting.online_link = args.link or ""
    return validate_meeting(meeting)


def cmd_schedule(args: argparse.Namespace) -> int:
    from mqp_desktop.domain.schedule import plan_series

    first = date_arg(args.from_, "--from")
    if not 1 <= args.count <= MAX_SERIES:
        raise CliError(f"--count: plan between 1 and {MAX_SERIES} meetings at a time (got {args.count}).")
    template = _template(args, first)
    with opened_store(args) as store:
        sc = store.subcommittee()
        series = plan_series(first, args.count, sc.frequency_interval, sc.frequency_unit)
        dates = [s.date for s in series]
        nominal = [s.nominal for s in series]
        names = _bank_holidays(range(first.year, max(dates[-1], nominal[-1]).year + 2))
        existing = {}
        for m in store.meetings.list(start=dates[0], end=dates[-1], include_cancelled=False):
            existing.setdefault(m.date, m)
        if args.dry_run:
            planned = [dataclasses.replace(template, date=d) for d in dates]
        else:
            planned = store.meetings.schedule(first, args.count, template=template)
            if [m.date for m in planned] != dates:  # pragma: no cover - the store uses the same series
                raise CliError("The planned dates differ from the series shown; check 'mqp meetings list'.")
    moved = []
    for s in series:
        if not s.moved:
            moved.append(None)
        elif s.reason == "clash":
            moved.append("to stay after the meeting before it")
        else:
            moved.append(_why_not_working(s.nominal, names) or s.reason)
    if args.json:
        out = []
        for m, planned_for, because in zip(planned, nominal, moved):
            record = meeting_record(m)
            record.update(nominal_date=iso(planned_for), moved_because=because)
            out.append(record)
        emit_json(out)
        return 0
    verb = "Would plan" if args.dry_run else "Planned"
    print(f"{verb} {len(planned)} meeting{'s' if len(planned) != 1 else ''} {sc.frequency_text}"
          f" from {day(first)}, {template.start_time}-{template.end_time}"
          + (f", {template.where}" if template.where else "") + ":")
    headers = (["ID"] if not args.dry_run else []) + ["Date", "Moved"]
    rows = []
    for m, planned_for, because in zip(planned, nominal, moved):
        note = f"from {planned_for:%a} {day(planned_for)}: {because}" if because else ""
        rows.append(([m.id] if not args.dry_run else []) + [f"{m.date:%a} {day(m.date)}", note])
    print(table(headers, rows))
    if any(moved):
        print(f"\n{sum(1 for b in moved if b)} date(s) moved to the next working day (weekends and England's bank holidays).")
    clashes = [existing[d] for d in dates if d in existing and (args.dry_run or existing[d].id not in {p.id for p in planned})]
    for m in clashes:
        print(f"Note: {meeting_line(m)} is already on {day(m.date)}.")
    if args.dry_run:
        print("\nDry run: nothing was saved. Run it again without --dry-run to plan these meetings.")
    return 0


# --- meetings list / show -------------------------------------------------------------------

def _summary_row(s: MeetingSummary) -> list[Any]:
    m = s.meeting
    links = []
    if m.replaces_id:
        links.append(f"replaces {m.replaces_id}")
    if s.replaced_by:
        links.append("replaced by " + ", ".join(str(i) for i in s.replaced_by))
    quorate = "" if s.quorate is None else ("no quorum set" if not s.quorum_set else "yes" if s.quorate else
                                            "not yet" if s.state(today()) is QuorumState.NOT_YET else "no")
    register = "" if m.status is MeetingStatus.CANCELLED and not s.recorded else register_progress(s.recorded, s.expected)
    return [
        m.id, f"{m.date:%a} {day(m.date)}", "-".join(t for t in (m.start_time, m.end_time) if t),
        m.kind.value, m.status.value, register, quorate,
        m.chair_decision.value if m.chair_decision else "", "; ".join(links) or m.where,
    ]


def cmd_list(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        every = store.meetings.summaries(on)
        upcoming = store.meetings.next_meeting(on)
    summaries = every
    if args.upcoming:
        summaries = [s for s in summaries if s.meeting.date >= on]
    elif args.past:
        summaries = [s for s in summaries if s.meeting.date < on]
    if args.json:
        emit_json([meeting_record(s.meeting, s) for s in summaries])
        return 0
    if not summaries:
        print("No meetings match." if (args.upcoming or args.past) else
              "No meetings yet: plan a year with 'mqp meetings schedule --from DATE --count 6'.")
    else:
        headers = ["ID", "Date", "Time", "Kind", "Status", "Register", "Quorate", "Chair", "Where / links"]
        print(table(headers, [_summary_row(s) for s in summaries], max_widths={"Where / links": 48}))
        print(f"\n{len(summaries)} meeting{'s' if len(summaries) != 1 else ''}.")
    if upcoming is not None:
        s = next((s for s in every if s.meeting.id == upcoming.id), None)
        progress = f"; register {register_progress(s.recorded, s.expected)}" if s and s.recorded else ""
        print(f"Next meeting: {when(upcoming)} (id {upcoming.id}), {days_until(upcoming.date)}{progress}.")
    return 0


def _summary(store, meeting: Meeting) -> MeetingSummary:
    return next(s for s in store.meetings.summaries() if s.meeting.id == meeting.id)


def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        summary = _summary(store, meeting)
        rows = store.meetings.register(meeting.id)
        guests = store.meetings.guests(meeting.id)
        q = store.meetings.quorum(meeting.id)
        names = {a.id: a.name for a in store.agencies()}
    if args.json:
        record = meeting_record(meeting, summary)
        record.update(
            register=[register_record(r) for r in rows],
            guests=[guest_record(g) for g in guests],
            quorum=quorum_record(meeting, q, rows, names),
        )
        emit_json(record)
        return 0
    links = []
    if meeting.replaces_id:
        links.append(f"replaces meeting {meeting.replaces_id}")
    if summary.replaced_by:
        links.append("replaced by meeting " + ", ".join(str(i) for i in summary.replaced_by))
    decision = ""
    if meeting.chair_decision:
        decision = meeting.chair_decision.value + (f": {meeting.chair_decision_note}" if meeting.chair_decision_note else "")
    print(fields([
        ("ID", meeting.id),
        ("Meeting", meeting.title),
        ("When", f"{when(meeting)} ({days_until(meeting.date)})"),
        ("Where", meeting.where),
        ("Kind", meeting.kind.value),
        ("Status", meeting.status.value + (f", {'; '.join(links)}" if links else "")),
        ("Register", f"{summary.recorded} of {summary.expected} members recorded"),
        ("Quorum", quorum_text(q, meeting).removeprefix("Quorum: ")),
        ("Chair's decision", decision),
        ("In attendance", "; ".join(g.name + (f" ({g.organisation})" if g.organisation else "") for g in guests)),
        ("Notes", " ".join(meeting.notes.split())),
    ]))
    print(f"\nThe register: 'mqp attendance show {meeting.id}'.")
    return 0


# --- meetings add / edit --------------------------------------------------------------------

def _apply_options(meeting: Meeting, args: argparse.Namespace) -> None:
    if args.date is not None:
        meeting.date = date_arg(args.date, "--date") or _required("--date")
    if args.start is not None:
        meeting.start_time = args.start
    if args.end is not None:
        meeting.end_time = args.end
    if args.venue is not None:
        meeting.venue = args.venue
    if args.link is not None:
        meeting.online_link = args.link
    if args.notes is not None:
        meeting.notes = args.notes.strip()
    if getattr(args, "kind", None) is not None:
        meeting.kind = MeetingKind(args.kind)


def _required(option: str):
    raise CliError(f"{option}: give a date, e.g. {option} 2026-03-10.")


def cmd_add(args: argparse.Namespace) -> int:
    meeting = Meeting(date=date_arg(args.date, "--date") or _required("--date"),
                      kind=MeetingKind.EXTRAORDINARY if args.extraordinary else MeetingKind.ORDINARY)
    args.date = None
    _apply_options(meeting, args)
    with opened_store(args) as store:
        same_day = store.meetings.list(start=meeting.date, end=meeting.date, include_cancelled=False)
        meeting = store.meetings.add(meeting)
    print(f"Added {meeting_line(meeting)}" + (f", {meeting.where}" if meeting.where else "") + ".")
    _notes(meeting.date, same_day)
    return 0


def _notes(on: dt.date, same_day: list[Meeting]) -> None:
    note = _day_note(on)
    if note:
        print(f"Note: {note}.")
    for other in same_day:
        print(f"Note: {meeting_line(other)} is on the same day.")


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        old = resolve_meeting(store, args.meeting)
        meeting = dataclasses.replace(old)
        _apply_options(meeting, args)
        meeting = validate_meeting(meeting)
        if meeting == old:
            raise CliError("Nothing to change: give at least one option, e.g. --date or --venue (see 'mqp meetings edit --help').")
        same_day = []
        if meeting.date != old.date:
            _check_register_fits(store, old, meeting.date)
            same_day = [m for m in store.meetings.list(start=meeting.date, end=meeting.date, include_cancelled=False)
                        if m.id != meeting.id]
        meeting = store.meetings.update(meeting)
    print(f"Saved {meeting_line(meeting)}" + (f", {meeting.where}" if meeting.where else "") + ".")
    if meeting.date != old.date:
        print(f"Moved from {old.date:%a} {day(old.date)}.")
        _notes(meeting.date, same_day)
    return 0


def _check_register_fits(store, meeting: Meeting, new_date: dt.date) -> None:
    """A register already taken must still name only members in post on the new date."""
    entries = store.meetings.entries(meeting.id)
    if not entries:
        return
    members = {m.id: m for m in store.members()}
    outside = [members[i] for i in entries if i in members and not members[i].is_active(new_date)]
    if outside:
        names = ", ".join(f"{m.display_name} ({m.id})" for m in outside)
        raise CliError(
            f"--date: the register of meeting {meeting.id} records {names}, who "
            f"{'was' if len(outside) == 1 else 'were'} not a member on {day(new_date)}; "
            "clear those entries first with 'mqp attendance record MEETING --member ID --status clear'."
        )


# --- cancel / held / reconvene --------------------------------------------------------------

def cmd_cancel(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        recorded = len(store.meetings.entries(meeting.id))
        meeting = store.meetings.cancel(meeting.id, (args.reason or "").strip())
    print(f"Cancelled {meeting_line(meeting).removesuffix(', cancelled')}"
          + (f": {args.reason.strip()}" if args.reason and args.reason.strip() else "") + ".")
    if recorded:
        print(f"Note: its register had {recorded} entries; they are kept but no longer count in attendance rates.")
    return 0


def cmd_held(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        if meeting.status is MeetingStatus.HELD:
            raise CliError(f"Meeting {meeting.id} is already marked held.")
        if meeting.status is MeetingStatus.RECONVENED:
            raise CliError(f"Meeting {meeting.id} met and the chair reconvened it; it stays 'reconvened'"
                           f" (plan the new date with 'mqp meetings reconvene {meeting.id} --date DATE').")
        if meeting.date > today():
            raise CliError(f"Meeting {meeting.id} is on {day(meeting.date)}, in the future: it cannot have been held yet.")
        meeting = store.meetings.mark_held(meeting.id)
        q = store.meetings.quorum(meeting.id)
    print(f"Marked {meeting_line(meeting)}.")
    if not q.complete:
        print(f"Note: the register has {q.recorded} of {q.expected} members recorded;"
              f" finish it with 'mqp attendance record {meeting.id} ...'.")
    print(quorum_text(q, meeting))
    if q.needs_decision:
        print(f"Record the chair's decision with 'mqp quorum {meeting.id} --decide proceed|reconvene --note TEXT'.")
    return 0


def cmd_reconvene(args: argparse.Namespace) -> int:
    new_date = date_arg(args.date, "--date") or _required("--date")
    with editing_store(args) as store:
        old = resolve_meeting(store, args.meeting)
        if old.status is not MeetingStatus.RECONVENED:
            raise CliError(
                f"Meeting {old.id} is {old.status.value}, not reconvened: the chair's decision to reconvene comes first"
                f" ('mqp quorum {old.id} --decide reconvene --note TEXT')."
            )
        if new_date <= old.date:
            raise CliError(f"--date: the reconvened meeting must come after the one it replaces ({day(old.date)}).")
        changes = {}
        for option, attr in (("start", "start_time"), ("end", "end_time"), ("venue", "venue"), ("link", "online_link")):
            value = getattr(args, option)
            if value is not None:
                changes[attr] = value
        same_day = store.meetings.list(start=new_date, end=new_date, include_cancelled=False)
        meeting = store.meetings.reconvene(old.id, new_date, **changes)
    print(f"Planned {meeting_line(meeting)}, replacing meeting {old.id} of {day(old.date)}.")
    _notes(new_date, same_day)
    return 0


# --- parsers ---------------------------------------------------------------------------------

def _time_options(p: argparse.ArgumentParser, *, defaults: bool) -> None:
    suffix = " (default 10:00)" if defaults else ""
    p.add_argument("--start", metavar="TIME", help="start time, e.g. 10:00 or 2pm" + suffix)
    p.add_argument("--end", metavar="TIME", help="end time" + (" (default 12:00)" if defaults else ""))
    p.add_argument("--venue", metavar="TEXT", help="where it meets (room, building, address)")
    p.add_argument("--link", metavar="URL", help="the online meeting link, for hybrid or online meetings")


def add_parsers(commands, new_parser) -> None:
    meetings = new_parser(
        commands, "meetings", "plan and keep meetings: schedule, add, list, show, edit, cancel, held, reconvene",
        "Plan the subcommittee's meetings and keep their status (ToR 3, 5).",
        "examples:\n  mqp meetings schedule --from 2026-01-13 --count 6 --dry-run\n  mqp meetings list --upcoming\n"
        "  mqp meetings add --date 2026-02-24 --extraordinary", db=False)
    sub = meetings.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "schedule", "plan a series at the subcommittee's frequency",
                   "Plan COUNT ordinary meetings from a first date, at the subcommittee's meeting frequency\n"
                   "('mqp rules show'; change it with 'mqp rules set --frequency'). A monthly series keeps the\n"
                   "first date's pattern (e.g. the second Tuesday); a date on a weekend or an English bank\n"
                   "holiday moves to the next working day, and the list says which moved and why.",
                   DATES + "\n\nJSON (--json): the meeting objects of 'mqp meetings list --json' (id null with\n"
                   "--dry-run) plus nominal_date (the date before moving) and moved_because (null, or why).\n\n"
                   "examples:\n  mqp meetings schedule --from 2026-01-13 --count 6 --dry-run\n"
                   "  mqp meetings schedule --from 13/01/2026 --count 6 --start 10:00 --end 12:00 --venue \"Room 123, Town Hall\"\n"
                   "  mqp meetings schedule --from 2026-01-13 --count 6 --link https://teams.example/mqp --json")
    p.add_argument("--from", dest="from_", metavar="DATE", required=True, help="the first meeting's date")
    p.add_argument("--count", metavar="N", type=int, required=True, help=f"how many meetings to plan (1-{MAX_SERIES})")
    _time_options(p, defaults=True)
    p.add_argument("--dry-run", action="store_true", help="show the dates; save nothing")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_schedule)

    p = new_parser(sub, "add", "add one meeting (e.g. an extraordinary one)",
                   "Add one meeting, ordinary or (--extraordinary) extraordinary (ToR 5: as required).",
                   DATES + "\n\nexamples:\n  mqp meetings add --date 2026-02-24 --extraordinary --notes \"Ofsted JTAI findings\"\n"
                   "  mqp meetings add --date 10/03/2026 --start 2pm --end 4pm --venue \"Room 123\" --link https://teams.example/x")
    p.add_argument("--date", metavar="DATE", required=True, help="the meeting's date")
    p.add_argument("--extraordinary", action="store_true", help="an extraordinary meeting, outside the series")
    _time_options(p, defaults=True)
    p.add_argument("--notes", metavar="TEXT", help="notes (e.g. why an extraordinary meeting is called)")
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "list", "the meetings, with register progress and quorum",
                   "List meetings with how far each register has got and whether it was quorate,\n"
                   "then the next meeting and how long until it.",
                   MEETING_JSON_KEYS + "\n\nexamples:\n  mqp meetings list\n  mqp meetings list --upcoming\n"
                   "  mqp meetings list --past --json")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--upcoming", action="store_true", help="only meetings from today on")
    group.add_argument("--past", action="store_true", help="only meetings before today")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "show", "one meeting in full",
                   "Show one meeting: when and where, status, register progress, quorum, the chair's decision.",
                   MEETING_JSON_KEYS.replace("meeting objects", "one meeting object")
                   + "\n  With 'show', also register (as 'mqp attendance show --json'), guests, and quorum (as\n"
                   "  'mqp quorum --json').\n\nexamples:\n  mqp meetings show 4\n  mqp meetings show next\n"
                   "  mqp meetings show 2026-03-10 --json")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    p = new_parser(sub, "edit", "change a meeting's date, times, place, kind or notes",
                   "Change a meeting; options not given are left as they are. Its status changes through\n"
                   "'cancel', 'held' and 'reconvene' (and 'mqp quorum --decide').",
                   DATES + "\n\nexamples:\n  mqp meetings edit 7 --date 2026-12-15\n"
                   "  mqp meetings edit next --venue \"Committee Room 2\" --link \"\"\n  mqp meetings edit 9 --extraordinary")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--date", metavar="DATE", help="the new date")
    _time_options(p, defaults=False)
    p.add_argument("--notes", metavar="TEXT", help="notes (replaces the notes)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--extraordinary", dest="kind", action="store_const", const="extraordinary",
                       help="make it an extraordinary meeting")
    group.add_argument("--ordinary", dest="kind", action="store_const", const="ordinary",
                       help="make it an ordinary meeting of the series")
    p.set_defaults(func=cmd_edit, kind=None)

    p = new_parser(sub, "cancel", "cancel a planned meeting",
                   "Cancel a planned meeting. It stays in the list, marked cancelled, and does not count\n"
                   "in attendance rates.",
                   "examples:\n  mqp meetings cancel 8 --reason \"Clashes with the Executive's development day\"")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--reason", metavar="TEXT", help="why (added to the meeting's notes)")
    p.set_defaults(func=cmd_cancel)

    p = new_parser(sub, "held", "mark a meeting as held",
                   "Mark a meeting as having taken place; the quorum rule in force now is kept with it.\n"
                   "Its register then counts in attendance rates.",
                   "examples:\n  mqp meetings held 6\n  mqp meetings held last")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.set_defaults(func=cmd_held)

    p = new_parser(sub, "reconvene", "plan the meeting that replaces a reconvened one",
                   "Plan the meeting that replaces an inquorate one the chair decided to reconvene\n"
                   "('mqp quorum MEETING --decide reconvene'). It copies the times and place unless given.",
                   DATES + "\n\nexamples:\n  mqp meetings reconvene 5 --date 2026-08-25\n"
                   "  mqp meetings reconvene 5 --date 25/08/2026 --start 2pm --end 4pm")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--date", metavar="DATE", required=True, help="the new meeting's date")
    _time_options(p, defaults=False)
    p.set_defaults(func=cmd_reconvene)

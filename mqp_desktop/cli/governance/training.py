"""``mqp training ...``: the multi-agency training programme (ToR 7.5, 7.6) over ``store.governance.training``."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, resolve_agency, today
from mqp_desktop.cli.governance.common import DATES, expect_version, meeting_or_none, number_arg, text_arg
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.governance.training import FILTERS, TrainingCourse, attendance_by_agency, fill_rate

COURSE_JSON_KEYS = """\
  Course objects: id, title, provider, starts_on, ends_on (null: one day), places (null: not
  recorded), attended (everyone, added up), fill_rate (attended as a % of places, or null),
  attendance ([{agency_id, agency, attended}]), evaluation, gaps (gaps and priorities for the
  workforce strategy), fed_to_strategy_on, meeting_id, meeting_date (the meeting that reviewed
  it), status ("planned" | "delivered" | "reviewed" | "cancelled"; delivered = its last day has
  passed and it waits for review), notes, cancelled_on, cancel_reason, version (give it to 'edit
  --expect-version'). Dates are YYYY-MM-DD or null."""

ID_HELP = "the course's id ('mqp training list --all')"


def course_record(store, c: TrainingCourse, on: dt.date, cache: dict[str, Any] | None = None) -> dict[str, Any]:
    cache = cache if cache is not None else {}
    agencies = cache.setdefault("agencies", {a.id: a for a in store.agencies()})
    meetings = cache.setdefault("meetings", {m.id: m for m in store.meetings.list()})
    meeting = meetings.get(c.meeting_id)
    rate = fill_rate(c)
    return {
        "id": c.id, "title": c.title, "provider": c.provider, "starts_on": iso(c.starts_on), "ends_on": iso(c.ends_on),
        "places": c.places, "attended": c.attended, "fill_rate": None if rate is None else round(rate, 1),
        "attendance": [{"agency_id": k, "agency": agencies[k].name if k in agencies else None, "attended": v}
                       for k, v in sorted(c.attendance.items(), key=lambda kv: -kv[1])],
        "evaluation": c.evaluation, "gaps": c.gaps, "fed_to_strategy_on": iso(c.fed_to_strategy_on),
        "meeting_id": c.meeting_id, "meeting_date": iso(meeting.date) if meeting else None,
        "status": c.status(on).value, "notes": c.notes, "cancelled_on": iso(c.cancelled_on),
        "cancel_reason": c.cancel_reason, "version": c.row_version,
    }


def _attendance(store, text: str) -> dict[int, int]:
    """'Police=4, SWL ICB=7' -> {agency id: number}; '' clears."""
    out: dict[int, int] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        name, sep, number = part.rpartition("=")
        if not sep or not name.strip():
            raise CliError(f"--attendance: '{part.strip()}' should be AGENCY=NUMBER, e.g. Police=4.")
        n = number_arg(number, "--attendance")
        agency = resolve_agency(store, name.strip(), "--attendance")
        out[agency.id] = out.get(agency.id, 0) + (n or 0)
    return out


def _fill(store, c: TrainingCourse, args: argparse.Namespace) -> TrainingCourse:
    for name in ("title", "provider"):
        if getattr(args, name) is not None:
            setattr(c, name, getattr(args, name))
    if args.on is not None:
        c.starts_on = date_arg(args.on, "--on")
    if args.to is not None:
        c.ends_on = date_arg(args.to, "--to")
    if args.places is not None:
        c.places = number_arg(args.places, "--places")
    if args.attendance is not None:
        c.attendance = _attendance(store, args.attendance)
    for name in ("evaluation", "gaps", "notes"):
        value = text_arg(args, name)
        if value is not None:
            setattr(c, name, value)
    if args.fed is not None:
        c.fed_to_strategy_on = date_arg(args.fed, "--fed")
    if args.at is not None:
        c.meeting_id = meeting_or_none(store, args.at)
    return c


def cmd_list(args: argparse.Namespace) -> int:
    on = today()
    which = next((f for f in FILTERS if getattr(args, f.replace(" ", "_"), False)), "all")
    since = date_arg(args.from_, "--from")
    until = date_arg(args.to, "--to")
    with opened_store(args) as store:
        found = store.governance.training.list(which, on, since=since, until=until)
        cache: dict[str, Any] = {}
        records = [course_record(store, c, on, cache) for c in found]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No courses match.")
            return 0
        print(table(["ID", "Course", "Provider", "Dates", "Places", "Attended", "Status"],
                    [[c.id, c.title, c.provider, c.dates_text, "" if c.places is None else c.places, c.attended,
                      c.status(on).label] for c in found],
                    max_widths={"Course": 44, "Provider": 24}, right=("ID", "Places", "Attended")))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        c = store.governance.training.get(args.id)
        rec = course_record(store, c, on)
        if args.json:
            emit_json(rec)
            return 0
        print(fields([
            ("Course", c.title), ("Provider", c.provider or "-"), ("Dates", c.dates_text),
            ("Status", c.status(on).label), ("Places", "-" if c.places is None else c.places),
            ("Attended", c.attended if rec["fill_rate"] is None else f"{c.attended} ({rec['fill_rate']}% of places)"),
            ("Reviewed at", f"the meeting of {day(store.meetings.get(c.meeting_id).date)}" if c.meeting_id else "-"),
            ("Fed to the strategy", day(c.fed_to_strategy_on) or "-"),
        ]))
        if rec["attendance"]:
            print("\nAttendance by agency:")
            for a in rec["attendance"]:
                print(f"  {a['agency']}: {a['attended']}")
        for title, text in (("Evaluation", c.evaluation), ("Gaps and priorities for the workforce strategy", c.gaps),
                            ("Notes", c.notes)):
            if text:
                print(f"\n{title}:\n  " + text.replace("\n", "\n  "))
        if c.cancelled_on:
            print(f"\nCancelled on {day(c.cancelled_on)}: {c.cancel_reason}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        c = _fill(store, TrainingCourse(title="", starts_on=None), args)
        saved = store.governance.training.add(c)
        print(f"Course {saved.id} added to the training programme: {saved.title} ({saved.dates_text}).")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        repo = store.governance.training
        c = repo.get(args.id)
        expect_version(store, repo, c, args.expect_version, f"mqp training show {c.id}")
        saved = repo.update(_fill(store, dataclasses.replace(c, attendance=dict(c.attendance)), args))
        print(f"Course {c.id}: " + ("nothing changed." if saved.row_version == c.row_version
                                     else f"saved (version {saved.row_version})."))
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on") or today()
    with editing_store(args) as store:
        saved = store.governance.training.cancel(args.id, on, args.reason)
        print(f"Course {saved.id} cancelled {day(saved.cancelled_on)}: {saved.cancel_reason} (it stays recorded).")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    on = today()
    since = date_arg(args.from_, "--from")
    until = date_arg(args.to, "--to")
    with opened_store(args) as store:
        courses = [c for c in store.governance.training.list("all", on, since=since, until=until)
                   if c.cancelled_on is None]
        totals = attendance_by_agency(courses)
        agencies = {a.id: a for a in store.agencies()}
        rows = [{"agency_id": k, "agency": agencies[k].name if k in agencies else None, "attended": v}
                for k, v in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
        data = {"from": iso(since), "to": iso(until), "courses": len(courses),
                "attended": sum(totals.values()), "by_agency": rows,
                "not_represented": [a.name for a in store.agencies(active_on=on) if a.id not in totals]}
        if args.json:
            emit_json(data)
            return 0
        print(f"{len(courses)} course{'s' if len(courses) != 1 else ''}, {data['attended']} attendances"
              + (f" from {day(since)}" if since else "") + (f" to {day(until)}" if until else "") + ".")
        if rows:
            print(table(["Agency", "Attended"], [[r["agency"], r["attended"]] for r in rows], right=("Attended",)))
        if data["not_represented"]:
            print("Not represented: " + ", ".join(data["not_represented"]))
    return 0


def add_parsers(commands, new_parser) -> None:
    top = new_parser(
        commands, "training", "the multi-agency training programme (ToR 7.5, 7.6): courses, attendance, evaluation",
        "The multi-agency training programme reviewed by the subcommittee (ToR 7.5, 7.6): each course's\n"
        "provider, dates, places, attendance by agency, evaluation, and the gaps and priorities fed to the\n"
        "local workforce strategy; the meeting that reviewed it. A course called off is cancelled, never\n"
        "deleted.",
        "examples:\n"
        "  mqp training list\n"
        "  mqp training add --title \"Neglect: the Graded Care Profile 2\" --provider \"WSCP training team\" \\\n"
        "      --on 2026-02-03 --places 40\n"
        "  mqp training edit 3 --attendance \"LA Children's Services=12,CLCH=9,Police=3\" --evaluation @eval.txt\n"
        "  mqp training edit 3 --gaps \"GP practices under-represented\" --fed 2026-04-01 --at last\n"
        "  mqp training summary --from 2025-04-01 --to 2026-03-31", db=False)
    sub = top.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "courses: --current, --to-review, --reviewed, --all (default)",
                   "List the programme's courses, latest first. --from/--to keep those running in the period.",
                   "JSON (--json): a list of course objects.\n" + COURSE_JSON_KEYS
                   + "\n\nexamples:\n  mqp training list --to-review\n  mqp training list --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--current", action="store_true", help="planned or delivered, not yet reviewed")
    which.add_argument("--to-review", action="store_true", help="delivered, waiting for the subcommittee's review")
    which.add_argument("--reviewed", action="store_true", help="reviewed at a meeting")
    which.add_argument("--all", action="store_true", help="every course (the default)")
    p.add_argument("--from", dest="from_", metavar="DATE", help="courses ending on or after this date")
    p.add_argument("--to", metavar="DATE", help="courses starting on or before this date")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "show", "one course: attendance by agency, evaluation, gaps",
                   "Show a course in full.", "JSON (--json): one course object.\n" + COURSE_JSON_KEYS
                   + "\n\nexamples:\n  mqp training show 3 --json")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    def course_options(p, *, adding: bool) -> None:
        p.add_argument("--title", metavar="TEXT", required=adding, help="the course")
        p.add_argument("--provider", metavar="TEXT", help="who runs it")
        p.add_argument("--on", metavar="DATE", required=adding, help="its (first) day")
        p.add_argument("--to", metavar="DATE", help="its last day, when it runs over several ('' clears)")
        p.add_argument("--places", metavar="N", help="places offered ('' clears)")
        p.add_argument("--attendance", metavar="LIST",
                       help="how many came from each agency: AGENCY=N, comma-separated (replaces it; '' clears)")
        p.add_argument("--evaluation", metavar="TEXT", help="a summary of its evaluation (or @FILE)")
        p.add_argument("--gaps", metavar="TEXT", help="gaps and priorities for the workforce strategy (or @FILE)")
        p.add_argument("--fed", metavar="DATE", help="the date they were fed to the workforce strategy")
        p.add_argument("--at", metavar="MEETING", help="the meeting that reviewed it (" + MEETING_HELP
                                                      + "; 'none' clears)")
        p.add_argument("--notes", metavar="TEXT", help="notes (or @FILE)")

    p = new_parser(sub, "add", "add a course to the programme", "Add a course. " + DATES,
                   "examples:\n  mqp training add --title \"Working Together 2023\" --on 2027-01-20 --places 60")
    course_options(p, adding=True)
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "edit", "change a course (only the options given change)", "Edit a course. " + DATES,
                   "examples:\n  mqp training edit 3 --attendance \"Police=4,SWL ICB=7\" --expect-version 2")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    course_options(p, adding=False)
    p.add_argument("--expect-version", metavar="N", type=int,
                   help="refuse the change unless the course is still at this version (its JSON 'version')")
    p.set_defaults(func=cmd_edit)

    p = new_parser(sub, "cancel", "cancel a course (it stays in the programme, with the reason)",
                   "Cancel a course that will not run.", "examples:\n  mqp training cancel 5 --reason \"Trainer ill\"")
    p.add_argument("id", metavar="ID", type=int, help=ID_HELP)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why it was cancelled")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_cancel)

    p = new_parser(sub, "summary", "attendance by agency over the programme, and agencies not represented",
                   "Add up attendance by agency over the courses (cancelled ones left out), in a period if given,\n"
                   "and name the agencies in the register that sent nobody (gaps for the workforce strategy).",
                   "JSON (--json): from, to, courses, attended, by_agency ([{agency_id, agency, attended}]),\n"
                   "not_represented (agency names).\n\nexamples:\n  mqp training summary --from 2025-04-01 --json")
    p.add_argument("--from", dest="from_", metavar="DATE", help="courses ending on or after this date")
    p.add_argument("--to", metavar="DATE", help="courses starting on or before this date")
    p.add_argument("--json", action="store_true", help="print JSON (keys above)")
    p.set_defaults(func=cmd_summary)

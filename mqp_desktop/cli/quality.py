"""``mqp audits ...`` and ``mqp inspections ...``: multi-agency audits (ToR 8) and single-agency
inspections (ToR 6.6), over ``store.quality``.

The JSON records here are part of the command line's public interface (see ``output.py``): plain
keys that stay stable, ISO dates, status words the commands accept back.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Mapping
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, resolve_agencies, resolve_agency, today
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg, resolve_meeting
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.case_reference import EXAMPLES as REFERENCE_EXAMPLES
from mqp_desktop.domain.meetings import match_names
from mqp_desktop.domain.quality import (
    AUDIT_KIND_LABELS,
    FOLLOW_UP_LABELS,
    JUDGEMENTS,
    Audit,
    AuditCase,
    AuditStatus,
    Grade,
    GradeSummary,
    Inspection,
    InspectionReview,
    InspectionState,
    PlanItem,
    PlanStatus,
    parse_audit_kind,
    parse_follow_up,
    parse_inspectorate,
    parse_plan_status,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.quality import InspectionRow, QualityRepo

DATES = "Dates: YYYY-MM-DD (2024-03-31) or DD/MM/YYYY (31/03/2024); 'none' clears a date on edit."
EXPECT_VERSION_HELP = (
    "refuse the change (exit 1, saying who changed it and when) unless the record is still at this version: "
    "the 'version' a script read earlier with --json, so a change saved since is never overwritten"
)
AUDIT_HELP = "the audit: its id (see 'mqp audits list') or its title"
INSPECTION_HELP = "the inspection's id (see 'mqp inspections list')"
NONE_WORDS = ("none", "-", "")

AUDIT_JSON_KEYS = """\
JSON (--json): an array of audit objects (one object for 'audits show') with the keys
  id, title, kind ("practice" | "organisational" | "other"), kind_label, theme, status ("planned" |
  "in progress" | "completed" | "reported" | "cancelled"), late (planned date passed, not started),
  lead_member_id, lead_agency_id, lead (the member's or agency's name, "" when not set),
  agency_ids, agencies (names), planned, started, completed (YYYY-MM-DD or null), findings,
  learning, notes, reported_meeting_id, reported_meeting (its title), reported_on, cancelled_on,
  cancel_reason, cases (different case references), gradings (case rows), not_graded,
  grade_summary [{grade_id, grade, count}] (the scale best first), actions (number in the action
  log), open_actions, version (give it to 'edit --expect-version').
'audits show' adds: case_rows [{id, reference, agency_id, agency, grade_id, grade, notes,
  withdrawn_on, withdrawn_reason, version}] (withdrawn ones only with --withdrawn) and
  action_log [{id, number, meeting_id, description, owner, due_date, status, overdue}]."""

GRADES_JSON_KEYS = """\
JSON (--json): an array of {id, label, position (1 = best), removed, in_use (cases graded with it,
  not withdrawn), version}."""

INSPECTION_JSON_KEYS = """\
JSON (--json): an array of inspection objects (one object for 'inspections show') with the keys
  id, agency_id, agency, inspectorate ("Ofsted" | "CQC" | "HMICFRS" | "HMI Probation" | "joint
  targeted area inspection" | "other"), inspectorate_name (for other), inspection_type,
  inspected_from, inspected_to, published (YYYY-MM-DD or null), judgement, key_findings, lessons,
  notes, follow_up ("to review" | "monitoring" | "closed"), next_review, state (today: "withdrawn" |
  "closed" | "action plan overdue" | "awaiting review" | "review due" | "report not published" |
  "monitoring" | "to review"), withdrawn_on, withdrawn_reason, plan_items, plan_open, plan_overdue,
  plan_due_soon, plan_done, reviews (number), last_reviewed_on, last_reviewed_meeting_id, version.
'inspections show' adds: plan [{id, action, owner, due, status ("open" | "in progress" | "done" |
  "dropped"), state (today: "overdue" | "due soon" | "in progress" | "open" | "done" | "dropped"),
  closed_on, notes, overdue, days_overdue, version}] and review_log [{id, meeting_id, meeting,
  reviewed_on, note}]."""


# --- finding things ------------------------------------------------------------------------------

def _repo(store) -> QualityRepo:
    return store.quality


def resolve_audit(q: QualityRepo, text: str) -> Audit:
    found = q.find_audit(text)
    if found is None:
        known = ", ".join(f"{a.id}={a.title}" for a in q.audits()[:8]) or "none yet"
        raise CliError(f"AUDIT: there is no audit '{text}': give its id or full title (audits: {known}).")
    return found


def resolve_inspection(q: QualityRepo, text: str) -> Inspection:
    key = text.strip()
    if not key.isdigit():
        raise CliError(f"INSPECTION: '{text}' is not an inspection id: see 'mqp inspections list'.")
    return q.inspection(int(key))


def _grade_option(q: QualityRepo, text: str, option: str) -> int | None:
    if text.strip().lower() in NONE_WORDS or text.strip().lower() in ("not graded", "ungraded"):
        return None
    grade = q.find_grade(text)
    if grade is None:
        scale = ", ".join(g.label for g in q.grades())
        raise CliError(f"{option}: '{text}' is not a grade on the scale ({scale}); give its name, the start of it, or "
                       "its id ('mqp audits grades').")
    return grade.id


def _member_id(store, text: str, option: str) -> int | None:
    value = text.strip()
    if value.lower() in NONE_WORDS:
        return None
    if value.isdigit():
        return store.member(int(value)).id
    found, _ = match_names(value, [m for m in store.members() if not m.is_vacant])
    if len(found) != 1:
        raise CliError(f"{option}: no single member is called '{text}': give the member's id ('mqp members list') or "
                       "full name.")
    return found[0].id


def _agency_id(store, text: str, option: str) -> int | None:
    if text.strip().lower() in NONE_WORDS:
        return None
    return resolve_agency(store, text, option).id


def _meeting_id(store, text: str, option: str) -> int | None:
    if text.strip().lower() in NONE_WORDS:
        return None
    try:
        return resolve_meeting(store, text).id
    except CliError as exc:
        raise CliError(f"{option}: {exc}") from None


def _date(value: str | None, option: str) -> dt.date | None:
    if value is not None and value.strip().lower() == "none":
        return None
    return date_arg(value, option)


def _expect(record: Any, expected: int | None, what: str, show: str) -> None:
    if expected is not None and expected != record.row_version:
        raise CliError(f"{what} was saved again since you read it (version {expected}; it is at version "
                       f"{record.row_version} now), so nothing was changed. Read it again ('{show}') and repeat the "
                       "edit if it is still wanted.")


# --- JSON records --------------------------------------------------------------------------------

def _summary_record(summary: GradeSummary) -> list[dict[str, Any]]:
    return [{"grade_id": c.grade.id, "grade": c.grade.label, "count": c.count} for c in summary.counts]


def audit_record(store, audit: Audit, summary: GradeSummary, counts: tuple[int, int], on: dt.date,
                 names: Mapping[int, str]) -> dict[str, Any]:
    if audit.lead_member_id is not None:
        lead = store.member(audit.lead_member_id).display_name
    elif audit.lead_agency_id is not None:
        lead = names.get(audit.lead_agency_id, "")
    else:
        lead = ""
    meeting = store.meetings.get(audit.reported_meeting_id) if audit.reported_meeting_id else None
    return {
        "id": audit.id, "title": audit.title, "kind": audit.kind.value, "kind_label": AUDIT_KIND_LABELS[audit.kind],
        "theme": audit.theme, "status": audit.status.value, "late": audit.is_late(on),
        "lead_member_id": audit.lead_member_id, "lead_agency_id": audit.lead_agency_id, "lead": lead,
        "agency_ids": list(audit.agency_ids), "agencies": [names.get(a, f"agency {a}") for a in audit.agency_ids],
        "planned": iso(audit.planned), "started": iso(audit.started), "completed": iso(audit.completed),
        "findings": audit.findings, "learning": audit.learning, "notes": audit.notes,
        "reported_meeting_id": audit.reported_meeting_id, "reported_meeting": meeting.title if meeting else None,
        "reported_on": iso(audit.reported_on), "cancelled_on": iso(audit.cancelled_on),
        "cancel_reason": audit.cancel_reason, "cases": summary.cases, "gradings": summary.gradings,
        "not_graded": summary.not_graded, "grade_summary": _summary_record(summary),
        "actions": counts[0], "open_actions": counts[1], "version": audit.row_version,
    }


def case_record(case: AuditCase, names: Mapping[int, str], grades: Mapping[int, Grade]) -> dict[str, Any]:
    grade = grades.get(case.grade_id) if case.grade_id is not None else None
    return {
        "id": case.id, "reference": case.reference, "agency_id": case.agency_id,
        "agency": names.get(case.agency_id, "") if case.agency_id is not None else "",
        "grade_id": case.grade_id, "grade": grade.label if grade else None, "notes": case.notes,
        "withdrawn_on": iso(case.withdrawn_on), "withdrawn_reason": case.withdrawn_reason,
        "version": case.row_version,
    }


def action_record(store, action: Action, on: dt.date) -> dict[str, Any]:
    return {
        "id": action.id, "number": action.number, "meeting_id": action.meeting_id,
        "description": action.description, "owner": store.minutes.owner_text(action),
        "due_date": iso(action.due_date), "status": action.status.value, "overdue": action.is_overdue(on),
    }


def inspection_record(row: InspectionRow, names: Mapping[int, str]) -> dict[str, Any]:
    i, counts, last = row.inspection, row.counts, row.last_review
    return {
        "id": i.id, "agency_id": i.agency_id, "agency": names.get(i.agency_id, f"agency {i.agency_id}"),
        "inspectorate": i.inspectorate.value, "inspectorate_name": i.inspectorate_name,
        "inspection_type": i.inspection_type, "inspected_from": iso(i.inspected_from),
        "inspected_to": iso(i.inspected_to), "published": iso(i.published), "judgement": i.judgement,
        "key_findings": i.key_findings, "lessons": i.lessons, "notes": i.notes, "follow_up": i.follow_up.value,
        "next_review": iso(i.next_review), "state": row.state.value, "withdrawn_on": iso(i.withdrawn_on),
        "withdrawn_reason": i.withdrawn_reason, "plan_items": counts.total, "plan_open": counts.open,
        "plan_overdue": counts.overdue, "plan_due_soon": counts.due_soon, "plan_done": counts.done,
        "reviews": row.reviews, "last_reviewed_on": iso(last.reviewed_on) if last else None,
        "last_reviewed_meeting_id": last.meeting_id if last else None, "version": i.row_version,
    }


def plan_record(item: PlanItem, on: dt.date) -> dict[str, Any]:
    return {
        "id": item.id, "action": item.action, "owner": item.owner, "due": iso(item.due),
        "status": item.status.value, "state": item.state(on).value, "closed_on": iso(item.closed_on),
        "notes": item.notes, "overdue": item.is_overdue(on), "days_overdue": item.days_overdue(on),
        "version": item.row_version,
    }


def review_record(store, review: InspectionReview) -> dict[str, Any]:
    return {"id": review.id, "meeting_id": review.meeting_id, "meeting": store.meetings.get(review.meeting_id).title,
            "reviewed_on": iso(review.reviewed_on), "note": review.note}


def _fields(pairs: list[tuple[str, Any]]) -> str:
    """``label  value`` lines, leaving out those with nothing to say."""
    return fields([(k, v) for k, v in pairs if v not in ("", None)])


def _names(store) -> dict[int, str]:
    return {a.id: a.label for a in store.agencies() if a.id is not None}


# --- audits ----------------------------------------------------------------------------------------

def cmd_audits_list(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        q = _repo(store)
        names, summaries, counts = _names(store), q.summaries(), q.action_counts()
        audits = q.audits()
        if args.status:
            wanted = {_audit_status(s) for s in args.status.split(",")}
            audits = [a for a in audits if a.status in wanted]
        records = [audit_record(store, a, summaries[a.id], counts.get(a.id, (0, 0)), on, names) for a in audits]
    if args.json:
        emit_json(records)
        return 0
    if not records:
        print("No audits" + (" with that status" if args.status else " yet: add one with 'mqp audits add --title ...'")
              + ".")
        return 0
    rows = [[r["id"], r["title"], r["status"] + (" (late)" if r["late"] else ""), r["lead"],
             _day_iso(r["started"] or r["planned"]), r["cases"],
             ", ".join(f"{g['grade']} {g['count']}" for g in r["grade_summary"] if g["count"]) or "",
             r["actions"] or ""] for r in records]
    print(table(["ID", "Audit", "Status", "Lead", "Started/planned", "Cases", "Grades", "Actions"], rows,
                max_widths={"Audit": 44, "Lead": 24, "Grades": 60}, right=("ID", "Cases", "Actions")))
    return 0


def _audit_status(text: str) -> AuditStatus:
    key = " ".join(text.strip().lower().replace("-", " ").split())
    for status in AuditStatus:
        if status.value == key:
            return status
    raise CliError(f"--status: '{text}' is not an audit status: use planned, in progress, completed, reported or "
                   "cancelled.")


def _day_iso(text: str | None) -> str:
    return day(dt.date.fromisoformat(text)) if text else ""


def cmd_audits_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        q = _repo(store)
        audit = resolve_audit(q, args.audit)
        names = _names(store)
        summary = q.grade_summary(audit.id)
        actions = q.actions(audit.id)
        open_count = sum(1 for a in actions if not a.status.closed)
        record = audit_record(store, audit, summary, (len(actions), open_count), on, names)
        grades = {g.id: g for g in q.grades(include_removed=True)}
        cases = q.cases(audit.id, include_withdrawn=args.withdrawn)
        record["case_rows"] = [case_record(c, names, grades) for c in cases]
        record["action_log"] = [action_record(store, a, on) for a in actions]
    if args.json:
        emit_json(record)
        return 0
    r = record
    print(f"Audit {r['id']}: {r['title']}  [{r['status']}{', late' if r['late'] else ''}]")
    print(_fields([
        ("Kind", r["kind_label"]), ("Theme", r["theme"]), ("Lead", r["lead"] or "(not set)"),
        ("Agencies", ", ".join(r["agencies"]) or "(none yet)"), ("Planned", _day_iso(r["planned"])),
        ("Started", _day_iso(r["started"])), ("Completed", _day_iso(r["completed"])),
        ("Reported to", f"{r['reported_meeting']} ({_day_iso(r['reported_on'])})" if r["reported_meeting"] else ""),
        ("Cancelled", f"{_day_iso(r['cancelled_on'])}: {r['cancel_reason']}" if r["cancelled_on"] else ""),
        ("Version", r["version"]),
    ]))
    print(f"\nGrades ({summary.cases} case{'s' if summary.cases != 1 else ''}, {summary.gradings} grading"
          f"{'s' if summary.gradings != 1 else ''}): {summary.as_text()}")
    if cases:
        print(table(["ID", "Case", "Agency", "Grade", "Notes"],
                    [[c["id"], c["reference"] + (" (withdrawn)" if c["withdrawn_on"] else ""), c["agency"] or "(overall)",
                      c["grade"] or "not graded", c["notes"] or c["withdrawn_reason"]] for c in r["case_rows"]],
                    max_widths={"Agency": 28, "Notes": 60}))
    for heading, key in (("Findings", "findings"), ("Learning", "learning"), ("Notes", "notes")):
        if r[key]:
            print(f"\n{heading}:\n" + "\n".join("  " + line for line in r[key].splitlines()))
    print(f"\nActions in the action log: {len(actions) or 'none'}")
    if actions:
        print(table(["Number", "Description", "Owner", "Due", "Status"],
                    [[a["number"], a["description"], a["owner"], _day_iso(a["due_date"]) + (" OVERDUE" if a["overdue"]
                                                                                           else ""), a["status"]]
                     for a in r["action_log"]], max_widths={"Description": 60, "Owner": 24}, right=()))
    return 0


def _audit_options(audit: Audit, args: argparse.Namespace, store) -> None:
    if args.title is not None:
        audit.title = args.title
    if args.kind is not None:
        audit.kind = parse_audit_kind(args.kind)
    if args.theme is not None:
        audit.theme = args.theme
    if args.lead_member is not None:
        audit.lead_member_id = _member_id(store, args.lead_member, "--lead-member")
        if audit.lead_member_id is not None:
            audit.lead_agency_id = None
    if args.lead_agency is not None:
        audit.lead_agency_id = _agency_id(store, args.lead_agency, "--lead-agency")
        if audit.lead_agency_id is not None:
            audit.lead_member_id = None
    if args.agencies is not None:
        if [a.strip().lower() for a in args.agencies] == ["none"]:
            audit.agency_ids = ()
        else:
            audit.agency_ids = tuple(a.id for a in resolve_agencies(store, args.agencies))
    for name in ("planned", "started", "completed"):
        value = getattr(args, name)
        if value is not None:
            setattr(audit, name, _date(value, f"--{name}"))
    for name in ("findings", "learning", "notes"):
        value = getattr(args, name)
        if value is not None:
            setattr(audit, name, value)
    reported_to = getattr(args, "reported_to", None)
    if reported_to is not None:
        audit.reported_meeting_id = _meeting_id(store, reported_to, "--reported-to")
        if audit.reported_meeting_id is None:
            audit.reported_on = None
        elif args.reported_on is None:
            audit.reported_on = None  # the meeting's date
    if getattr(args, "reported_on", None) is not None:
        audit.reported_on = _date(args.reported_on, "--reported-on")


def _print_audit_line(audit: Audit, verb: str) -> None:
    print(f"{verb} audit {audit.id}: {audit.title} [{audit.status.value}] (version {audit.row_version}).")


def cmd_audits_add(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        audit = Audit(title=args.title)
        _audit_options(audit, args, store)
        audit = _repo(store).add_audit(audit)
    _print_audit_line(audit, "Added")
    return 0


def cmd_audits_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        audit = resolve_audit(q, args.audit)
        _expect(audit, args.expect_version, f"The audit '{audit.title}'", f"mqp audits show {audit.id} --json")
        before = dataclasses.replace(audit)
        _audit_options(audit, args, store)
        if audit == before:
            raise CliError("Nothing to change: give at least one option, e.g. --started or --findings "
                           "(see 'mqp audits edit --help').")
        audit = q.update_audit(audit)
    _print_audit_line(audit, "Saved")
    return 0


def cmd_audits_cancel(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        audit = resolve_audit(q, args.audit)
        audit = q.cancel_audit(audit.id, args.reason, _date(args.date, "--date"))
    _print_audit_line(audit, "Cancelled")
    return 0


def cmd_audits_reinstate(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        audit = resolve_audit(q, args.audit)
        if audit.cancelled_on is None:
            raise CliError(f"The audit '{audit.title}' is not cancelled.")
        audit = q.reinstate_audit(audit.id)
    _print_audit_line(audit, "Reinstated")
    return 0


def _case_line(case: AuditCase, q: QualityRepo, store) -> str:
    agency = f" ({resolve_agency(store, str(case.agency_id)).label})" if case.agency_id is not None else ""
    grade = q.grade(case.grade_id).label if case.grade_id is not None else "not graded"
    return f"case {case.id}: {case.reference}{agency}, {grade}"


def cmd_audits_case_add(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        audit = resolve_audit(q, args.audit)
        case = q.add_case(AuditCase(
            audit_id=audit.id, reference=args.reference,
            agency_id=_agency_id(store, args.agency, "--agency") if args.agency else None,
            grade_id=_grade_option(q, args.grade, "--grade") if args.grade else None, notes=args.notes or ""))
        print(f"Added {_case_line(case, q, store)} to audit {audit.id} (version {case.row_version}).")
    return 0


def _find_case(q: QualityRepo, store, audit: Audit, reference: str, agency: str | None) -> AuditCase:
    """A case of the audit by its reference (and agency, when several agencies audited it), or by its id."""
    key = " ".join(reference.split())
    rows = [c for c in q.cases(audit.id) if c.reference.casefold() == key.casefold()]
    if agency:
        agency_id = _agency_id(store, agency, "--agency")
        rows = [c for c in rows if c.agency_id == agency_id]
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise CliError(f"{key} was audited by {len(rows)} agencies in '{audit.title}': say which with --agency, or "
                       "give the case's id.")
    if key.isdigit() and not agency:
        by_id = [c for c in q.cases(audit.id) if c.id == int(key)]
        if by_id:
            return by_id[0]
    raise CliError(f"CASE: there is no case '{key}'" + (f" for {agency}" if agency else "")
                   + f" in '{audit.title}' (see 'mqp audits show {audit.id}').")


def cmd_audits_grade(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        audit = resolve_audit(q, args.audit)
        case = _find_case(q, store, audit, args.case, args.agency)
        _expect(case, args.expect_version, f"Case {case.reference}", f"mqp audits show {audit.id} --json")
        grade_id = _grade_option(q, args.grade, "GRADE")
        case = q.grade_case(case.id, grade_id, version=case.row_version, notes=args.notes)
        print(f"Graded {_case_line(case, q, store)} (version {case.row_version}).")
        print(f"Audit {audit.id} now: {q.grade_summary(audit.id).as_text()}.")
    return 0


def cmd_audits_case_withdraw(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        audit = resolve_audit(q, args.audit)
        case = _find_case(q, store, audit, args.case, args.agency)
        case = q.withdraw_case(case.id, args.reason, _date(args.date, "--date"))
        print(f"Withdrew {_case_line(case, q, store)} from audit {audit.id}: {case.withdrawn_reason}.")
    return 0


def cmd_audits_action_add(args: argparse.Namespace) -> int:
    from mqp_desktop.cli.minutes import _item_id, _member_or_none

    due = date_arg(args.due, "--due")
    with editing_store(args) as store:
        q = _repo(store)
        audit = resolve_audit(q, args.audit)
        meeting = resolve_meeting(store, args.meeting) if args.meeting else None
        meeting_id = meeting.id if meeting else audit.reported_meeting_id
        item_id = _item_id(store, store.meetings.get(meeting_id), args.item) if args.item and meeting_id else None
        member = _member_or_none(store, args.owner)
        action = q.add_action(audit.id, Action(
            meeting_id=meeting_id, item_id=item_id, description=args.description,  # type: ignore[arg-type]
            owner_member_id=member.id if member else None, owner_name="" if member else args.owner, due_date=due))
        owner = member.display_name if member else f"{action.owner_name} (not a member)"
        print(f"Action {action.number} added to the action log from audit {audit.id} ({audit.title}), meeting "
              f"{action.meeting_id}: {action.description} — {owner}" + (f", due {day(due)}" if due else ""))
    return 0


def cmd_audits_grades(args: argparse.Namespace) -> int:
    action = getattr(args, "grades_command", None) or "list"
    if action == "list":
        with opened_store(args) as store:
            q = _repo(store)
            grades = q.grades(include_removed=args.removed)
            records = [{"id": g.id, "label": g.label, "position": g.position, "removed": g.removed,
                        "in_use": q.grade_in_use(g.id), "version": g.row_version} for g in grades]
        if args.json:
            emit_json(records)
            return 0
        print(table(["ID", "Grade", "Cases graded", "On the scale"],
                    [[r["id"], r["label"], r["in_use"], "no (removed)" if r["removed"] else "yes"] for r in records],
                    right=("ID", "Cases graded")))
        return 0
    with editing_store(args) as store:
        q = _repo(store)
        if action == "add":
            grade = q.add_grade(args.label)
            print(f"Added '{grade.label}' to the grading scale ({grade.position} of {len(q.grades())}).")
            return 0
        grade = q.find_grade(args.grade)
        if grade is None:
            raise CliError(f"GRADE: '{args.grade}' is not a grade on the scale ("
                           + ", ".join(g.label for g in q.grades()) + ").")
        if action == "rename":
            old = grade.label
            grade = q.rename_grade(dataclasses.replace(grade, label=args.label))
            used = q.grade_in_use(grade.id)
            print(f"Renamed '{old}' to '{grade.label}'" + (f" ({used} case{'s' if used != 1 else ''} show the new "
                                                            "name)" if used else "") + ".")
        elif action == "remove":
            q.remove_grade(grade.id)
            print(f"Removed '{grade.label}' from the grading scale.")
        elif action == "move":
            scale = q.move_grade(grade.id, -1 if args.up else 1)
            print("The scale, best first: " + ", ".join(g.label for g in scale) + ".")
    return 0


# --- inspections -----------------------------------------------------------------------------------

def _inspection_state(text: str) -> InspectionState:
    key = " ".join(text.strip().lower().replace("-", " ").split())
    for state in InspectionState:
        if state.value == key or state.value.startswith(key):
            return state
    raise CliError(f"--state: '{text}' is not a state: use " + ", ".join(s.value for s in InspectionState) + ".")


def cmd_inspections_list(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        q = _repo(store)
        names = _names(store)
        rows = q.inspection_rows(on)
        if args.agency:
            agency = resolve_agency(store, args.agency)
            rows = [r for r in rows if r.inspection.agency_id == agency.id]
        if args.state:
            wanted = _inspection_state(args.state)
            rows = [r for r in rows if r.state is wanted]
        records = [inspection_record(r, names) for r in rows]
    if args.json:
        emit_json(records)
        return 0
    if not records:
        print("No inspections match." if (args.agency or args.state)
              else "No inspections yet: add one with 'mqp inspections add --agency A --inspectorate ofsted ...'.")
        return 0
    print(table(
        ["ID", "Agency", "Inspectorate", "Type", "Published", "Judgement", "Plan", "State"],
        [[r["id"], r["agency"], r["inspectorate_name"] or ("JTAI" if r["inspectorate"].startswith("joint")
                                                          else r["inspectorate"]),
          r["inspection_type"], _day_iso(r["published"]), r["judgement"],
          f"{r['plan_open']} open" + (f", {r['plan_overdue']} overdue" if r["plan_overdue"] else ""), r["state"]]
         for r in records],
        max_widths={"Agency": 24, "Type": 28, "Judgement": 30}))
    return 0


def cmd_inspections_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        q = _repo(store)
        inspection = resolve_inspection(q, args.inspection)
        names = _names(store)
        row = next(r for r in q.inspection_rows(on) if r.inspection.id == inspection.id)
        record = inspection_record(row, names)
        plan = q.plan(inspection.id)
        record["plan"] = [plan_record(p, on) for p in plan]
        record["review_log"] = [review_record(store, r) for r in q.reviews(inspection.id)]
    if args.json:
        emit_json(record)
        return 0
    r = record
    print(f"Inspection {r['id']}: {r['agency']} — {r['inspectorate_name'] or r['inspectorate']} "
          f"{r['inspection_type']}  [{r['state']}]")
    print(_fields([
        ("Inspected", " to ".join(x for x in (_day_iso(r["inspected_from"]), _day_iso(r["inspected_to"])) if x)),
        ("Published", _day_iso(r["published"])), ("Judgement", r["judgement"]),
        ("Follow-up", FOLLOW_UP_LABELS[parse_follow_up(r["follow_up"])]
         + (f"; next review {_day_iso(r['next_review'])}" if r["next_review"] else "")),
        ("Withdrawn", f"{_day_iso(r['withdrawn_on'])}: {r['withdrawn_reason']}" if r["withdrawn_on"] else ""),
        ("Version", r["version"]),
    ]))
    for heading, key in (("Key findings", "key_findings"), ("Lessons", "lessons"), ("Notes", "notes")):
        if r[key]:
            print(f"\n{heading}:\n" + "\n".join("  " + line for line in r[key].splitlines()))
    print(f"\nAction plan: {r['plan_items'] or 'no items yet'}"
          + (f" ({r['plan_overdue']} overdue, {r['plan_due_soon']} due soon)" if r["plan_items"] else ""))
    if r["plan"]:
        print(table(["ID", "Action", "Owner", "Due", "Status", "State"],
                    [[p["id"], p["action"], p["owner"], _day_iso(p["due"]), p["status"],
                      p["state"].upper() if p["overdue"] else p["state"]] for p in r["plan"]],
                    max_widths={"Action": 60, "Owner": 28}))
    print(f"\nReviewed by the subcommittee: {len(r['review_log']) or 'not yet'}")
    for rev in r["review_log"]:
        print(f"  {_day_iso(rev['reviewed_on'])} at the {rev['meeting'][:1].lower() + rev['meeting'][1:]}"
              + (f": {rev['note']}" if rev["note"] else ""))
    return 0


def _inspection_options(i: Inspection, args: argparse.Namespace, store) -> None:
    if args.agency is not None:
        i.agency_id = resolve_agency(store, args.agency).id
    if args.inspectorate is not None:
        i.inspectorate = parse_inspectorate(args.inspectorate)
    if args.inspectorate_name is not None:
        i.inspectorate_name = args.inspectorate_name
    if args.type is not None:
        i.inspection_type = args.type
    for option, name in (("inspected_from", "from"), ("inspected_to", "to"), ("published", "published")):
        value = getattr(args, name)
        if value is not None:
            setattr(i, option, _date(value, f"--{name}"))
    for option, name in (("judgement", "judgement"), ("key_findings", "findings"), ("lessons", "lessons"),
                         ("notes", "notes")):
        value = getattr(args, name)
        if value is not None:
            setattr(i, option, value)
    if getattr(args, "follow_up", None) is not None:
        i.follow_up = parse_follow_up(args.follow_up)
    if getattr(args, "next_review", None) is not None:
        i.next_review = _date(args.next_review, "--next-review")


def _print_inspection(i: Inspection, verb: str, store) -> None:
    print(f"{verb} inspection {i.id}: {resolve_agency(store, str(i.agency_id)).label} — {i.inspectorate_label} "
          f"{i.inspection_type}".rstrip() + f" (version {i.row_version}).")


def cmd_inspections_add(args: argparse.Namespace) -> int:
    if args.inspectorate is None:
        raise CliError("--inspectorate is required: ofsted, cqc, hmicfrs, probation, jtai or other.")
    with opened_store(args) as store:
        i = Inspection(agency_id=resolve_agency(store, args.agency).id, inspectorate=parse_inspectorate(args.inspectorate))
        _inspection_options(i, args, store)
        i = _repo(store).add_inspection(i)
        _print_inspection(i, "Added", store)
    return 0


def cmd_inspections_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        i = resolve_inspection(q, args.inspection)
        _expect(i, args.expect_version, f"Inspection {i.id}", f"mqp inspections show {i.id} --json")
        before = dataclasses.replace(i)
        _inspection_options(i, args, store)
        if i == before:
            raise CliError("Nothing to change: give at least one option, e.g. --published or --follow-up "
                           "(see 'mqp inspections edit --help').")
        i = q.update_inspection(i)
        _print_inspection(i, "Saved", store)
    return 0


def cmd_inspections_withdraw(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        i = resolve_inspection(q, args.inspection)
        i = q.withdraw_inspection(i.id, args.reason, _date(args.date, "--date"))
        _print_inspection(i, "Withdrew", store)
    return 0


def cmd_inspections_plan_add(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        i = resolve_inspection(q, args.inspection)
        status = parse_plan_status(args.status) if args.status else PlanStatus.OPEN
        item = q.add_plan_item(PlanItem(
            inspection_id=i.id, action=args.action, owner=args.owner or "", due=_date(args.due, "--due"),
            status=status, closed_on=(_date(args.date, "--date") or today()) if status.closed else None,
            notes=args.notes or ""))
        print(f"Added item {item.id} to the action plan of inspection {i.id}: {item.action}"
              + (f" — {item.owner}" if item.owner else "") + (f", due {day(item.due)}" if item.due else "") + ".")
    return 0


def cmd_inspections_plan_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        item = q.plan_item(args.item)
        _expect(item, args.expect_version, f"Action-plan item {item.id}",
                f"mqp inspections show {item.inspection_id} --json")
        before = dataclasses.replace(item)
        if args.action is not None:
            item.action = args.action
        if args.owner is not None:
            item.owner = args.owner
        if args.due is not None:
            item.due = _date(args.due, "--due")
        if args.notes is not None:
            item.notes = args.notes
        if args.status is not None:
            item.status = parse_plan_status(args.status)
            item.closed_on = (_date(args.date, "--date") or item.closed_on or today()) if item.status.closed else None
        if item == before:
            raise CliError("Nothing to change: give at least one option (see 'mqp inspections plan-edit --help').")
        item = q.update_plan_item(item)
        print(f"Saved action-plan item {item.id}: {item.action} [{item.status.value}] (version {item.row_version}).")
    return 0


def cmd_inspections_plan_done(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        item = q.complete_plan_item(args.item, _date(args.date, "--date"), args.note or "")
        print(f"Action-plan item {item.id} done on {day(item.closed_on)}: {item.action}.")
    return 0


def cmd_inspections_reviewed(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        q = _repo(store)
        i = resolve_inspection(q, args.inspection)
        meeting = resolve_meeting(store, args.meeting)
        review = q.add_review(
            i.id, meeting.id, _date(args.date, "--date"), args.note or "",
            follow_up=parse_follow_up(args.follow_up) if args.follow_up else None,
            next_review=_date(args.next_review, "--next-review") if args.next_review is not None else False)
        i = q.inspection(i.id)
        print(f"Inspection {i.id} reviewed at the {meeting.title[:1].lower() + meeting.title[1:]} "
              f"({day(review.reviewed_on)}); follow-up: {FOLLOW_UP_LABELS[i.follow_up].lower()}"
              + (f", next review {day(i.next_review)}" if i.next_review else "") + ".")
    return 0


# --- parsers -------------------------------------------------------------------------------------

def _audit_fields(p: argparse.ArgumentParser, *, adding: bool) -> None:
    if adding:
        p.add_argument("--title", required=True, help="the audit's title, e.g. 'Neglect at the front door'")
    else:
        p.add_argument("--title", help="the audit's title")
    p.add_argument("--kind", help="practice (a practice or learning audit; the default), organisational or other")
    p.add_argument("--theme", help="the theme, e.g. 'Neglect; re-referrals'")
    p.add_argument("--lead-member", metavar="MEMBER", help="the lead: a member's id or name ('none' clears)")
    p.add_argument("--lead-agency", metavar="AGENCY", help="or the lead agency: id, name or short name ('none' clears)")
    p.add_argument("--agencies", action="append", metavar="AGENCIES",
                   help="the agencies taking part: ids, names or short names, comma-separated (replaces the list; "
                        "'none' empties it)")
    p.add_argument("--planned", metavar="DATE", help="when it is planned to take place")
    p.add_argument("--started", metavar="DATE", help="when it started")
    p.add_argument("--completed", metavar="DATE", help="when it was completed")
    p.add_argument("--findings", metavar="TEXT", help="the findings")
    p.add_argument("--learning", metavar="TEXT", help="the learning")
    p.add_argument("--notes", metavar="TEXT", help="notes")


def _inspection_fields(p: argparse.ArgumentParser, *, adding: bool) -> None:
    p.add_argument("--agency", required=adding, help="the agency inspected: id, name or short name")
    p.add_argument("--inspectorate", help="ofsted, cqc, hmicfrs, probation (HMI Probation), jtai (joint targeted "
                                          "area inspection) or other (with --inspectorate-name)")
    p.add_argument("--inspectorate-name", metavar="NAME", help="the inspectorate's name, for 'other'")
    p.add_argument("--type", metavar="TEXT", help="the type, e.g. 'ILACS standard inspection', 'PEEL inspection'")
    p.add_argument("--from", metavar="DATE", help="the first day of the inspection")
    p.add_argument("--to", metavar="DATE", help="its last day")
    p.add_argument("--published", metavar="DATE", help="when the report was published")
    p.add_argument("--judgement", metavar="TEXT", help="the published judgement, e.g. " + ", ".join(
        f"'{j}'" for j in JUDGEMENTS[:4]))
    p.add_argument("--findings", metavar="TEXT", help="the key findings")
    p.add_argument("--lessons", metavar="TEXT", help="the lessons for the partnership")
    p.add_argument("--notes", metavar="TEXT", help="notes")


def add_parsers(commands, new_parser) -> None:
    audits = new_parser(
        commands, "audits", "multi-agency audits (ToR 8): the programme, cases by reference, grades, actions",
        "The partnership's multi-agency audit programme (ToR 8): practice or learning audits and\n"
        "organisational audits, their lead and agencies, dates, the cases audited (by case reference only,\n"
        "never a child's name) graded on the partnership's scale, findings, learning, actions in the action\n"
        "log, and the meeting each was reported to.",
        "examples:\n  mqp audits list\n"
        "  mqp audits add --title \"Neglect at the front door\" --theme Neglect --lead-member \"Amara Okafor\" \\\n"
        "      --agencies \"LA Children's Services,Police,CLCH\" --planned 2026-03-01\n"
        "  mqp audits case-add 1 MAA-17-C4 --agency Police --grade good\n"
        "  mqp audits grade 1 MAA-17-C4 \"requires improvement\" --agency Police\n"
        "  mqp audits edit 1 --completed 2026-04-20 --reported-to next\n"
        "  mqp audits action-add 1 \"Invite health visitors to strategy discussions\" --owner \"Joanne Price\" "
        "--due 2026-07-01\n  mqp audits grades", db=False)
    sub = audits.add_subparsers(dest="audits_command", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "the audit programme", "List the audits, the most recent first, with their grades.",
                   AUDIT_JSON_KEYS + "\n\nexamples:\n  mqp audits list\n  mqp audits list --status \"in progress\" --json")
    p.add_argument("--status", metavar="LIST", help="comma-separated: planned, in progress, completed, reported, "
                                                     "cancelled")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_audits_list)

    p = new_parser(sub, "show", "one audit: its cases, grades, findings and actions",
                   "Show an audit: its details, the cases and their grades, the grade summary, findings, learning\n"
                   "and the actions it put in the action log.",
                   AUDIT_JSON_KEYS + "\n\nexamples:\n  mqp audits show 1\n  mqp audits show \"Neglect at the front door\" --json")
    p.add_argument("audit", metavar="AUDIT", help=AUDIT_HELP)
    p.add_argument("--withdrawn", action="store_true", help="list withdrawn cases too")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_audits_show)

    p = new_parser(sub, "add", "add an audit to the programme", "Add an audit to the programme.",
                   DATES + "\n\nexamples:\n"
                   "  mqp audits add --title \"Neglect at the front door\" --theme Neglect --lead-member \"Amara Okafor\" \\\n"
                   "      --agencies \"LA Children's Services,Police,CLCH,Education\" --planned 2026-03-01\n"
                   "  mqp audits add --title \"Safer recruitment\" --kind organisational --lead-agency ICB")
    _audit_fields(p, adding=True)
    p.set_defaults(func=cmd_audits_add)

    p = new_parser(sub, "edit", "change an audit: dates, findings, learning, the meeting it was reported to",
                   "Change an audit. Options left out keep their values; --reported-to records the meeting the audit\n"
                   "was reported to (its date is the report date unless --reported-on says otherwise).",
                   DATES + "\n\nexamples:\n  mqp audits edit 1 --started 2026-03-04\n"
                   "  mqp audits edit 1 --completed 2026-04-20 --findings \"Thresholds applied consistently...\"\n"
                   "  mqp audits edit 1 --reported-to 2026-05-12 --expect-version 4")
    p.add_argument("audit", metavar="AUDIT", help=AUDIT_HELP)
    _audit_fields(p, adding=False)
    p.add_argument("--reported-to", metavar="MEETING", help=MEETING_HELP + " ('none' clears)")
    p.add_argument("--reported-on", metavar="DATE", help="the date it was reported (default: the meeting's)")
    p.add_argument("--expect-version", metavar="N", type=int, help=EXPECT_VERSION_HELP)
    p.set_defaults(func=cmd_audits_edit)

    p = new_parser(sub, "cancel", "cancel an audit (it is kept, with the reason)",
                   "Cancel an audit: it stays in the programme, marked cancelled with the date and reason.",
                   "examples:\n  mqp audits cancel 3 --reason \"Merged into the exploitation audit\"")
    p.add_argument("audit", metavar="AUDIT", help=AUDIT_HELP)
    p.add_argument("--reason", required=True, help="why it is cancelled")
    p.add_argument("--date", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_audits_cancel)

    p = new_parser(sub, "reinstate", "undo a cancellation", "Reinstate a cancelled audit.",
                   "examples:\n  mqp audits reinstate 3")
    p.add_argument("audit", metavar="AUDIT", help=AUDIT_HELP)
    p.set_defaults(func=cmd_audits_reinstate)

    p = new_parser(sub, "case-add", "add a case audited, by its reference (never a name)",
                   "Add a case to an audit by its case reference, for one of the agencies taking part (or, without\n"
                   "--agency, for the audit overall), graded now or later. What looks like a person's name is\n"
                   f"refused: enter the reference, e.g. {REFERENCE_EXAMPLES}.",
                   "examples:\n  mqp audits case-add 1 MAA-17-C4 --agency Police --grade good\n"
                   "  mqp audits case-add 1 NEG-25-07 --agency \"LA Children's Services\"")
    p.add_argument("audit", metavar="AUDIT", help=AUDIT_HELP)
    p.add_argument("reference", metavar="REFERENCE", help=f"the case reference, e.g. {REFERENCE_EXAMPLES}")
    p.add_argument("--agency", help="the agency whose grading this is: id, name or short name")
    p.add_argument("--grade", help="a grade on the scale (its name, the start of it, or its id)")
    p.add_argument("--notes", metavar="TEXT", help="notes (no names)")
    p.set_defaults(func=cmd_audits_case_add)

    p = new_parser(sub, "grade", "grade a case on the partnership's scale",
                   "Grade (or re-grade) a case of an audit; 'none' clears the grade.",
                   "examples:\n  mqp audits grade 1 MAA-17-C4 good --agency Police\n"
                   "  mqp audits grade 1 NEG-25-07 \"requires improvement\" --notes \"Plan not reviewed\"\n"
                   "  mqp audits grade 1 12 inadequate          # by the case's id")
    p.add_argument("audit", metavar="AUDIT", help=AUDIT_HELP)
    p.add_argument("case", metavar="CASE", help="the case reference (or the case's id from 'mqp audits show')")
    p.add_argument("grade", metavar="GRADE", help="a grade on the scale ('mqp audits grades'), or none")
    p.add_argument("--agency", help="the agency, when the case was audited by several")
    p.add_argument("--notes", metavar="TEXT", help="replace the case's notes")
    p.add_argument("--expect-version", metavar="N", type=int, help=EXPECT_VERSION_HELP)
    p.set_defaults(func=cmd_audits_grade)

    p = new_parser(sub, "case-withdraw", "take a case out of an audit (kept, with the reason)",
                   "Take a case out of an audit: it stays recorded with the date and reason and leaves the grade\n"
                   "summary.", "examples:\n  mqp audits case-withdraw 1 NEG-25-07 --agency Police --reason \"Entered twice\"")
    p.add_argument("audit", metavar="AUDIT", help=AUDIT_HELP)
    p.add_argument("case", metavar="CASE", help="the case reference (or its id)")
    p.add_argument("--agency", help="the agency, when the case was audited by several")
    p.add_argument("--reason", required=True, help="why")
    p.add_argument("--date", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_audits_case_withdraw)

    p = new_parser(sub, "action-add", "an action arising from the audit, into the action log",
                   "Add an action arising from the audit to the action log. Like every action it comes from a\n"
                   "meeting (default: the meeting the audit was reported to) and is numbered YYYY-MM/n; it is\n"
                   "carried forward and updated with 'mqp actions update' until closed.",
                   "examples:\n  mqp audits action-add 1 \"Invite health visitors to strategy discussions\" "
                   "--owner \"Joanne Price\" --due 2026-07-01\n"
                   "  mqp audits action-add 1 \"Share the closure template\" --owner 3 --meeting last --item 6")
    p.add_argument("audit", metavar="AUDIT", help=AUDIT_HELP)
    p.add_argument("description", metavar="DESCRIPTION", help="what is to be done")
    p.add_argument("--owner", metavar="WHO", required=True, help="a member's id or name, or a named person")
    p.add_argument("--due", metavar="DATE", help="the due date")
    p.add_argument("--meeting", metavar="MEETING", help="the meeting it was agreed at (default: the one the audit "
                                                         "was reported to); " + MEETING_HELP)
    p.add_argument("--item", metavar="NUMBER", help="the item's number on that meeting's agenda")
    p.set_defaults(func=cmd_audits_action_add)

    g = new_parser(sub, "grades", "the grading scale: list, add, rename, remove, move",
                   "The partnership's grading scale, best first (default: outstanding, good, requires improvement,\n"
                   "inadequate). A grade in use cannot be removed, only renamed: the cases graded with it then show\n"
                   "the new name.", GRADES_JSON_KEYS + "\n\nexamples:\n  mqp audits grades\n"
                   "  mqp audits grades add \"Not applicable\"\n  mqp audits grades rename \"requires improvement\" "
                   "\"Requires improvement to be good\"\n  mqp audits grades move \"not applicable\" --down")
    g.add_argument("--json", action="store_true", help="print JSON (keys below)")
    g.add_argument("--removed", action="store_true", help="list grades taken off the scale too")
    g.set_defaults(func=cmd_audits_grades)
    gsub = g.add_subparsers(dest="grades_command", metavar="ACTION")
    p = new_parser(gsub, "list", "list the scale", "List the grading scale.",
                   GRADES_JSON_KEYS + "\n\nexamples:\n  mqp audits grades list --json\n  mqp audits grades list --removed")
    p.add_argument("--json", action="store_true", help="print JSON (keys above)")
    p.add_argument("--removed", action="store_true", help="list grades taken off the scale too")
    p.set_defaults(func=cmd_audits_grades)
    p = new_parser(gsub, "add", "add a grade at the end of the scale", "Add a grade (at the worst end; move it "
                   "after).", "examples:\n  mqp audits grades add \"Not applicable\"")
    p.add_argument("label", metavar="NAME", help="the grade's name")
    p.set_defaults(func=cmd_audits_grades)
    p = new_parser(gsub, "rename", "rename a grade", "Rename a grade; cases graded with it show the new name.",
                   "examples:\n  mqp audits grades rename good \"Good practice\"")
    p.add_argument("grade", metavar="GRADE", help="the grade (its name, the start of it, or its id)")
    p.add_argument("label", metavar="NEW_NAME", help="its new name")
    p.set_defaults(func=cmd_audits_grades)
    p = new_parser(gsub, "remove", "take an unused grade off the scale", "Take a grade off the scale (refused while "
                   "a case is graded with it).", "examples:\n  mqp audits grades remove \"not applicable\"")
    p.add_argument("grade", metavar="GRADE", help="the grade")
    p.set_defaults(func=cmd_audits_grades)
    p = new_parser(gsub, "move", "move a grade up (better) or down the scale", "Move a grade one place.",
                   "examples:\n  mqp audits grades move \"not applicable\" --down")
    p.add_argument("grade", metavar="GRADE", help="the grade")
    way = p.add_mutually_exclusive_group(required=True)
    way.add_argument("--up", action="store_true", help="towards the best")
    way.add_argument("--down", action="store_true", help="towards the worst")
    p.set_defaults(func=cmd_audits_grades)

    inspections = new_parser(
        commands, "inspections", "single-agency inspections (ToR 6.6): findings, action plans, reviews",
        "Single-agency inspections (ToR 6.6): Ofsted, CQC, HMICFRS, HMI Probation, joint targeted area\n"
        "inspections and others — the judgement, key findings and lessons, the agency's action plan (due and\n"
        "overdue items), when the subcommittee reviewed it, and the follow-up.",
        "examples:\n  mqp inspections list\n"
        "  mqp inspections add --agency \"LA Children's Services\" --inspectorate ofsted --type \"ILACS standard "
        "inspection\" \\\n      --from 2026-01-12 --to 2026-01-23 --published 2026-03-02 --judgement Good\n"
        "  mqp inspections plan-add 1 \"Relaunch the CIN plan template\" --owner \"Head of Service\" --due 2026-06-30\n"
        "  mqp inspections plan-done 4 --note \"Relaunched\"\n"
        "  mqp inspections reviewed 1 --meeting last --follow-up monitoring --next-review 2026-09-08", db=False)
    sub = inspections.add_subparsers(dest="inspections_command", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "inspections, with their action plans' state",
                   "List the inspections, the most recent first, with their action plan and state today.",
                   INSPECTION_JSON_KEYS + "\n\nexamples:\n  mqp inspections list\n"
                   "  mqp inspections list --state \"action plan overdue\" --json")
    p.add_argument("--agency", help="only this agency's: id, name or short name")
    p.add_argument("--state", help="only those in this state (see the JSON keys)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_inspections_list)

    p = new_parser(sub, "show", "one inspection: findings, action plan, reviews",
                   "Show an inspection: its details, findings and lessons, the action plan and the reviews.",
                   INSPECTION_JSON_KEYS + "\n\nexamples:\n  mqp inspections show 1\n  mqp inspections show 1 --json")
    p.add_argument("inspection", metavar="INSPECTION", help=INSPECTION_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_inspections_show)

    p = new_parser(sub, "add", "record an inspection", "Record an agency's inspection.",
                   DATES + "\n\nexamples:\n  mqp inspections add --agency Police --inspectorate hmicfrs --type "
                   "\"PEEL inspection\" --published 2026-02-10 \\\n      --judgement \"Requires improvement\"\n"
                   "  mqp inspections add --agency Education --inspectorate other --inspectorate-name Ofqual")
    _inspection_fields(p, adding=True)
    p.set_defaults(func=cmd_inspections_add)

    p = new_parser(sub, "edit", "change an inspection, its follow-up or next review",
                   "Change an inspection. Options left out keep their values.",
                   DATES + "\n\nexamples:\n  mqp inspections edit 1 --published 2026-03-02 --judgement Good\n"
                   "  mqp inspections edit 1 --follow-up closed --expect-version 5")
    p.add_argument("inspection", metavar="INSPECTION", help=INSPECTION_HELP)
    _inspection_fields(p, adding=False)
    p.add_argument("--follow-up", metavar="STATUS", help="to review, monitoring or closed")
    p.add_argument("--next-review", metavar="DATE", help="when the subcommittee next looks at it ('none' clears)")
    p.add_argument("--expect-version", metavar="N", type=int, help=EXPECT_VERSION_HELP)
    p.set_defaults(func=cmd_inspections_edit)

    p = new_parser(sub, "withdraw", "withdraw an inspection recorded in error (kept, with the reason)",
                   "Withdraw an inspection: it stays, marked withdrawn with the date and reason.",
                   "examples:\n  mqp inspections withdraw 3 --reason \"Recorded twice\"")
    p.add_argument("inspection", metavar="INSPECTION", help=INSPECTION_HELP)
    p.add_argument("--reason", required=True, help="why")
    p.add_argument("--date", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_inspections_withdraw)

    p = new_parser(sub, "plan-add", "add an item to the agency's action plan",
                   "Add an item to an inspection's action plan.",
                   "examples:\n  mqp inspections plan-add 1 \"Audit twenty CIN plans\" --owner \"Head of "
                   "Safeguarding Standards\" --due 2026-09-30")
    p.add_argument("inspection", metavar="INSPECTION", help=INSPECTION_HELP)
    p.add_argument("action", metavar="ACTION", help="what the agency will do")
    p.add_argument("--owner", help="who owns it (a post or a name)")
    p.add_argument("--due", metavar="DATE", help="the due date")
    p.add_argument("--status", help="open (default), in progress, done or dropped")
    p.add_argument("--date", metavar="DATE", help="for done or dropped: when (default today)")
    p.add_argument("--notes", metavar="TEXT", help="notes (the reason, for dropped)")
    p.set_defaults(func=cmd_inspections_plan_add)

    p = new_parser(sub, "plan-edit", "change an action-plan item (owner, due date, status...)",
                   "Change an action-plan item. Dropping one needs the reason in --notes.",
                   "examples:\n  mqp inspections plan-edit 5 --due 2026-10-31 --status \"in progress\"\n"
                   "  mqp inspections plan-edit 6 --status dropped --notes \"Superseded by the new framework\"")
    p.add_argument("item", metavar="ITEM", type=int, help="the item's id (see 'mqp inspections show')")
    p.add_argument("--action", metavar="TEXT", help="what the agency will do")
    p.add_argument("--owner", help="who owns it")
    p.add_argument("--due", metavar="DATE", help="the due date ('none' clears)")
    p.add_argument("--status", help="open, in progress, done or dropped")
    p.add_argument("--date", metavar="DATE", help="for done or dropped: when (default today)")
    p.add_argument("--notes", metavar="TEXT", help="replace the notes")
    p.add_argument("--expect-version", metavar="N", type=int, help=EXPECT_VERSION_HELP)
    p.set_defaults(func=cmd_inspections_plan_edit)

    p = new_parser(sub, "plan-done", "mark an action-plan item done",
                   "Mark an action-plan item done (on --date, default today); --note is added to its notes.",
                   "examples:\n  mqp inspections plan-done 4 --note \"Relaunched at the practice week\"")
    p.add_argument("item", metavar="ITEM", type=int, help="the item's id (see 'mqp inspections show')")
    p.add_argument("--date", metavar="DATE", help="when it was done (default today)")
    p.add_argument("--note", metavar="TEXT", help="a note")
    p.set_defaults(func=cmd_inspections_plan_done)

    p = new_parser(sub, "reviewed", "record that the subcommittee reviewed it at a meeting",
                   "Record that the subcommittee reviewed an inspection (its findings, its action plan) at a\n"
                   "meeting, with a note; optionally set the follow-up and the next review in the same step.",
                   DATES + "\n\nexamples:\n  mqp inspections reviewed 1 --meeting last --note \"Plan on track\" "
                   "--follow-up monitoring --next-review 2026-09-08\n"
                   "  mqp inspections reviewed 2 --meeting 2026-05-12 --follow-up closed")
    p.add_argument("inspection", metavar="INSPECTION", help=INSPECTION_HELP)
    p.add_argument("--meeting", metavar="MEETING", required=True, help=MEETING_HELP)
    p.add_argument("--date", metavar="DATE", help="the date of the review (default the meeting's)")
    p.add_argument("--note", metavar="TEXT", help="what the subcommittee concluded")
    p.add_argument("--follow-up", metavar="STATUS", help="to review, monitoring or closed")
    p.add_argument("--next-review", metavar="DATE", help="when to look at it again ('none' clears)")
    p.set_defaults(func=cmd_inspections_reviewed)


__all__ = ["add_parsers", "audit_record", "inspection_record", "ValidationError"]

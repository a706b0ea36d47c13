"""``mqp s11 ...``: Section 11 self-assessment audits (ToR 7.8).

Frameworks, rounds, each agency's return (received, reminded, reviewed), ratings
and action plans, and the status of a round at a glance.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping
from typing import Any

from mqp_desktop.cli.common import CliError, date_option, opened_store, resolve_agencies, resolve_agency, today
from mqp_desktop.cli.output import day, emit_json, table
from mqp_desktop.domain.model import Agency
from mqp_desktop.domain.section11 import (
    ActionItem,
    AuditReturn,
    AuditRound,
    Basis,
    Framework,
    ReturnStatus,
    scale_for,
    standards_to_data,
)
from mqp_desktop.domain.section11_analysis import Trend
from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo

DATES = "Dates: YYYY-MM-DD (2024-03-31) or DD/MM/YYYY (31/03/2024)."
RETURN_ARG = (
    "the return: its id (from 'mqp s11 status'), or the agency's name or short name"
    " (in --round, default the latest round)"
)
ROUND_HELP = "the round: id or name (default: the round issued most recently)"
SCALE_WORDS = {"rag": "rag", "red/amber/green": "rag", "score": "score", "0-3": "score", "percent": "percent",
               "percentage": "percent", "%": "percent"}

FRAMEWORK_JSON_KEYS = """\
JSON (--json): an array of objects with the keys
  id (null for a shipped framework not used yet), name, version, description,
  stored (true/false), rounds_using (number), standards [{number, title,
  description, criteria [{code, text}]}]."""

ROUND_JSON_KEYS = """\
JSON (--json): an array of objects with the keys
  id, name, framework, framework_id, framework_version, scale ("rag" | "score" |
  "percent"), issued, deadline (YYYY-MM-DD), panel_dates [YYYY-MM-DD], agency_ids,
  standards (number), returns (asked), received, reviewed, overdue (today), notes."""

STATUS_JSON_KEYS = """\
JSON (--json): one object with the keys
  round {as in 'mqp s11 rounds'}, today, basis ("self" | "moderated" | "effective"),
  counts {"not issued", outstanding, overdue, received, reviewed},
  returns [{id, agency_id, agency, status, issued, received, reviewed, reminders
  [YYYY-MM-DD], lead_name, lead_email, substitute_name, substitute_email, percent
  (0-100 or null)}], weakest_standards [{number, title, mean_percent,
  agencies_rated, not_applicable, lowest_percent, lowest_agency_ids}] (weakest
  first), overdue_actions [as in 'mqp s11 action list'], overdue_actions_other_rounds
  (number), comparison {previous_round,
  improved, same, worse, not_comparable} or null. Percentages are on a 0-100
  footing whatever the scale (RAG: red 0, amber 50, green 100) and leave out n/a."""

def _day_iso(text: str | None) -> str:
    """A YYYY-MM-DD text (or None) as people read dates: '31 Jan 2026' (or '')."""
    return day(dt.date.fromisoformat(text)) if text else ""


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _pct_text(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}%"


def _label(agencies: Mapping[int, Agency], agency_id: int) -> str:
    agency = agencies.get(agency_id)
    return agency.label if agency else f"agency {agency_id}"


def _round(s11: Section11Repo, text: str | None) -> AuditRound:
    if text:
        rnd = s11.find_round(text)
        if rnd is None:
            known = ", ".join(f"{r.id}={r.name}" for r in s11.rounds()) or "none yet"
            raise CliError(f"--round: there is no Section 11 round '{text}' (rounds: {known}).")
        return rnd
    rnd = s11.latest_round()
    if rnd is None:
        raise CliError("There are no Section 11 rounds yet: create one with 'mqp s11 round create'.")
    return rnd


def _return(s11: Section11Repo, text: str, round_text: str | None) -> AuditReturn:
    key = text.strip()
    if key.isdigit():
        ret = s11.get_return(int(key))
        if round_text and ret.round_id != _round(s11, round_text).id:
            raise CliError(f"Return {key} is not in the round '{round_text}'.")
        return ret
    rnd = _round(s11, round_text)
    agency = resolve_agency(s11.store, key, "RETURN")
    ret = s11.find_return(rnd.id, agency.id)
    if ret is None:
        raise CliError(f"{agency.label} was not asked for a return in {rnd.name}.")
    return ret


def _basis(value: str) -> Basis:
    try:
        return Basis(value)
    except ValueError:
        raise CliError(f"--basis: '{value}' is not a basis: use self, moderated or effective.") from None


# --- JSON records -------------------------------------------------------------------------

def framework_record(fw: Framework, rounds_using: int) -> dict[str, Any]:
    return {
        "id": fw.id,
        "name": fw.name,
        "version": fw.version,
        "description": fw.description,
        "stored": fw.id is not None,
        "rounds_using": rounds_using,
        "standards": standards_to_data(fw.standards),
    }


def round_record(rnd: AuditRound, returns: list[AuditReturn], on: dt.date) -> dict[str, Any]:
    statuses = [r.status(rnd.deadline, on) for r in returns]
    return {
        "id": rnd.id,
        "name": rnd.name,
        "framework": rnd.framework_name,
        "framework_id": rnd.framework_id,
        "framework_version": rnd.framework_version,
        "scale": rnd.scale.value,
        "issued": rnd.issued.isoformat(),
        "deadline": rnd.deadline.isoformat(),
        "panel_dates": [d.isoformat() for d in rnd.panel_dates],
        "agency_ids": list(rnd.agency_ids),
        "standards": len(rnd.standards),
        "returns": len(returns),
        "received": sum(r.received is not None for r in returns),
        "reviewed": sum(r.reviewed is not None for r in returns),
        "overdue": statuses.count(ReturnStatus.OVERDUE),
        "notes": rnd.notes,
    }


def action_record(a: ActionItem, ret: AuditReturn, rnd: AuditRound, agencies: Mapping[int, Agency],
                  on: dt.date) -> dict[str, Any]:
    return {
        "id": a.id,
        "return_id": a.return_id,
        "round_id": rnd.id,
        "round": rnd.name,
        "agency_id": ret.agency_id,
        "agency": _label(agencies, ret.agency_id),
        "action": a.action,
        "owner": a.owner,
        "due": a.due.isoformat() if a.due else None,
        "status": a.status.value,
        "closed": a.closed.isoformat() if a.closed else None,
        "standard": a.standard,
        "notes": a.notes,
        "overdue": a.is_overdue(on),
    }


def _contacts(ret: AuditReturn) -> dict[str, Any]:
    return {
        "lead_member_id": ret.lead_member_id,
        "lead_name": ret.lead_name,
        "lead_email": ret.lead_email,
        "substitute_member_id": ret.substitute_member_id,
        "substitute_name": ret.substitute_name,
        "substitute_email": ret.substitute_email,
    }


# --- frameworks and rounds ----------------------------------------------------------------

def cmd_frameworks(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        frameworks = [(fw, s11.rounds_using(fw.id)) for fw in s11.frameworks()]
    if args.json:
        emit_json([framework_record(fw, n) for fw, n in frameworks])
        return 0
    rows = [[fw.id or "", fw.name, fw.version, len(fw.standards), sum(len(s.criteria) for s in fw.standards),
             "stored" if fw.id else "shipped", n] for fw, n in frameworks]
    print(table(["ID", "Framework", "Version", "Standards", "Sub-criteria", "Kept", "Rounds"], rows,
                right=("ID", "Version", "Standards", "Sub-criteria", "Rounds")))
    for fw, _n in frameworks[-1:]:
        print(f"\nStandards of {fw.label}:")
        for s in fw.standards:
            print(f"  {s.number}. {s.title}")
    return 0


def _framework_option(s11: Section11Repo, text: str | None) -> Framework:
    if not text:
        return s11.framework(DEFAULT_FRAMEWORK)
    name, _, version = text.rpartition("@") if "@" in text else (text, "", "")
    if version and not version.strip().isdigit():
        raise CliError(f"--framework: '{text}' should be NAME, NAME@VERSION or an id.")
    return s11.framework(name, int(version) if version else None)


def cmd_round_create(args: argparse.Namespace) -> int:
    scale = SCALE_WORDS.get(args.scale.strip().lower())
    if scale is None:
        raise CliError(f"--scale: '{args.scale}' is not a rating scale: use rag, score or percent.")
    issued = date_option(args.issued, "--issued") or today()
    deadline = date_option(args.deadline, "--deadline")
    panels = [date_option(p, "--panel") for p in args.panel or []]
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        framework = _framework_option(s11, args.framework)
        if [a.strip().lower() for a in args.agencies] == ["all"]:
            agencies = store.agencies(active_on=issued)
            if not agencies:
                raise CliError("--agencies all: there are no agencies in post on the issue date.")
        else:
            agencies = resolve_agencies(store, args.agencies)
        rnd = s11.create_round(args.name, framework, scale, [a.id for a in agencies], issued, deadline,
                               panels, args.notes or "")
    print(f"Created round {rnd.id}: {rnd.name} ({rnd.framework_name} version {rnd.framework_version},"
          f" {len(rnd.standards)} standards, {scale_for(rnd.scale).label} scale).")
    print(f"Returns asked of {len(rnd.agency_ids)} agencies, issued {day(rnd.issued)}, deadline {day(rnd.deadline)}"
          + (f", panel {', '.join(day(d) for d in rnd.panel_dates)}" if rnd.panel_dates else "") + ".")
    return 0


def cmd_rounds(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        records = [round_record(r, s11.returns(r.id), on) for r in s11.rounds()]
    if args.json:
        emit_json(records)
        return 0
    if not records:
        print("No Section 11 rounds yet: create one with 'mqp s11 round create --name NAME --scale score ...'.")
        return 0
    rows = [[r["id"], r["name"], r["scale"], _day_iso(r["issued"]),
             _day_iso(r["deadline"]), r["returns"], r["received"], r["reviewed"], r["overdue"]]
            for r in records]
    print(table(["ID", "Round", "Scale", "Issued", "Deadline", "Asked", "Received", "Reviewed", "Overdue"], rows,
                right=("ID", "Asked", "Received", "Reviewed", "Overdue")))
    return 0


# --- status -------------------------------------------------------------------------------

def cmd_status(args: argparse.Namespace) -> int:
    on = today()
    basis = _basis(args.basis)
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        rnd = _round(s11, args.round)
        returns = s11.returns(rnd.id)
        status = s11.status(rnd.id, on, basis)
        comparison = s11.comparison(rnd.id, basis)
        previous = s11.round(comparison.previous_round_id) if comparison else None
        agencies = {a.id: a for a in store.agencies()}
        here = {r.id for r in returns}
        elsewhere = sum(1 for a in s11.actions() if a.return_id not in here and a.is_overdue(on))
    by_id = {r.id: r for r in returns}
    overdue_actions = [action_record(a, by_id[a.return_id], rnd, agencies, on) for a in status.overdue_actions]
    trend_counts = comparison.counts() if comparison else {}
    if args.json:
        emit_json({
            "round": round_record(rnd, returns, on),
            "today": on.isoformat(),
            "basis": basis.value,
            "counts": {s.value: len(status.by_status[s]) for s in ReturnStatus},
            "returns": [
                {
                    "id": r.id,
                    "agency_id": r.agency_id,
                    "agency": _label(agencies, r.agency_id),
                    "status": r.status(rnd.deadline, on).value,
                    "issued": r.issued.isoformat() if r.issued else None,
                    "received": r.received.isoformat() if r.received else None,
                    "reviewed": r.reviewed.isoformat() if r.reviewed else None,
                    "reminders": [m.sent_on.isoformat() for m in r.reminders],
                    "lead_name": r.lead_name,
                    "lead_email": r.lead_email,
                    "substitute_name": r.substitute_name,
                    "substitute_email": r.substitute_email,
                    "percent": _pct(status.summaries[r.agency_id].percent),
                }
                for r in returns
            ],
            "weakest_standards": [
                {
                    "number": w.number,
                    "title": w.title,
                    "mean_percent": _pct(w.mean_percent),
                    "agencies_rated": w.agencies_rated,
                    "not_applicable": w.not_applicable,
                    "lowest_percent": _pct(w.lowest_percent),
                    "lowest_agency_ids": list(w.lowest_agency_ids),
                }
                for w in status.weakest
            ],
            "overdue_actions": overdue_actions,
            "overdue_actions_other_rounds": elsewhere,
            "comparison": {
                "previous_round": previous.name,
                **{t.name.lower(): n for t, n in trend_counts.items()},
            } if comparison and previous else None,
        })
        return 0

    counts = {s: len(v) for s, v in status.by_status.items()}
    panels = ", ".join(day(d) for d in rnd.panel_dates)
    print(f"{rnd.name}: {scale_for(rnd.scale).label} scale; issued {day(rnd.issued)}, deadline {day(rnd.deadline)}"
          + (f"; panel {panels}" if panels else ""))
    print(f"{len(returns)} returns asked: {counts[ReturnStatus.OVERDUE]} overdue, "
          f"{counts[ReturnStatus.OUTSTANDING]} outstanding, {counts[ReturnStatus.RECEIVED]} received awaiting review, "
          f"{counts[ReturnStatus.REVIEWED]} reviewed"
          + (f", {counts[ReturnStatus.NOT_ISSUED]} not issued yet" if counts[ReturnStatus.NOT_ISSUED] else "") + ".")
    order = {ReturnStatus.OVERDUE: 0, ReturnStatus.OUTSTANDING: 1, ReturnStatus.NOT_ISSUED: 2,
             ReturnStatus.RECEIVED: 3, ReturnStatus.REVIEWED: 4}
    rows = []
    for r in sorted(returns, key=lambda r: (order[r.status(rnd.deadline, on)], _label(agencies, r.agency_id).lower())):
        state = r.status(rnd.deadline, on)
        when = {ReturnStatus.REVIEWED: r.reviewed, ReturnStatus.RECEIVED: r.received}.get(state)
        rows.append([r.id, _label(agencies, r.agency_id), state.value, day(when), r.lead_name,
                     len(r.reminders) or "", day(r.last_reminder), _pct_text(status.summaries[r.agency_id].percent)])
    print()
    print(table(["ID", "Agency", "Status", "On", "Lead contact", "Reminders", "Last reminded", "Score"], rows,
                max_widths={"Agency": 28, "Lead contact": 28}, right=("ID", "Reminders", "Score")))
    rated = [w for w in status.weakest if w.mean_percent is not None]
    print(f"\nWeakest standards ({basis.value} ratings; mean across agencies, n/a left out):")
    if rated:
        print(table(["Std", "Standard", "Mean", "Agencies", "Lowest at"],
                    [[w.number, w.title, _pct_text(w.mean_percent), w.agencies_rated,
                      ", ".join(_label(agencies, a) for a in w.lowest_agency_ids)] for w in rated[:5]],
                    max_widths={"Standard": 60, "Lowest at": 40}, right=("Std", "Mean", "Agencies")))
    else:
        print("  (no ratings yet)")
    print(f"\nOverdue actions: {len(overdue_actions) or 'none'}")
    if overdue_actions:
        print(table(["ID", "Agency", "Action", "Owner", "Due", "Status"],
                    [[a["id"], a["agency"], a["action"], a["owner"], _day_iso(a["due"]), a["status"]]
                     for a in overdue_actions],
                    max_widths={"Action": 60, "Owner": 24}))
    if elsewhere:
        print(f"{elsewhere} more overdue in other rounds: 'mqp s11 action list --overdue --all-rounds'.")
    if comparison and previous:
        print(f"\nCompared with {previous.name} (agency x standard): {trend_counts[Trend.IMPROVED]} improved, "
              f"{trend_counts[Trend.SAME]} the same, {trend_counts[Trend.WORSE]} worse, "
              f"{trend_counts[Trend.NOT_COMPARABLE]} not comparable.")
    return 0


# --- parsers ------------------------------------------------------------------------------

def add_parsers(commands, new_parser) -> None:
    s11 = new_parser(commands, "s11", "Section 11 self-assessment audits (ToR 7.8)",
                     "Section 11 audits: frameworks of standards, audit rounds, each agency's return,\n"
                     "ratings (self-assessed and moderated), action plans, and a round's status at a glance.",
                     "examples:\n  mqp s11 frameworks\n"
                     "  mqp s11 round create --name \"Section 11 audit 2025-26\" --scale score --agencies all \\\n"
                     "      --issued 2025-10-01 --deadline 2025-12-01 --panel 2026-01-20\n"
                     "  mqp s11 status\n  mqp s11 return remind Police --note \"second reminder\"\n"
                     "  mqp s11 rate Police --standard 5 --self 1 --improvement \"Refresher training behind\"\n"
                     "  mqp s11 action list --overdue --all-rounds", db=False)
    sub = s11.add_subparsers(dest="s11_command", metavar="COMMAND", required=True)

    p = new_parser(sub, "frameworks", "list the frameworks of standards",
                   "List the frameworks (the shipped statutory standards and any stored versions).",
                   FRAMEWORK_JSON_KEYS + "\n\nexamples:\n  mqp s11 frameworks\n  mqp s11 frameworks --json")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_frameworks)

    rnd = new_parser(sub, "round", "create an audit round", "Create an audit round.", db=False)
    rsub = rnd.add_subparsers(dest="round_command", metavar="ACTION", required=True)
    p = new_parser(rsub, "create", "create an audit round",
                   "Create an audit round: the framework's standards are copied into it, and each agency\n"
                   "is asked for a return (lead contact: its member in post; substitute: their deputy).",
                   DATES + "\n\nexamples:\n"
                   "  mqp s11 round create --name \"Section 11 audit 2025-26\" --scale score --agencies all \\\n"
                   "      --issued 01/10/2025 --deadline 01/12/2025 --panel 20/01/2026 --panel 27/01/2026\n"
                   "  mqp s11 round create --name \"S11 2026\" --scale rag --agencies Police,ICB,1 --deadline 2026-06-30 \\\n"
                   "      --framework \"Section 11 statutory standards@2\"")
    p.add_argument("--name", required=True, help="the round's name, e.g. 'Section 11 audit 2025-26' (unique)")
    p.add_argument("--framework", metavar="NAME[@VERSION]|ID",
                   help=f"the framework (default: '{DEFAULT_FRAMEWORK}', latest version)")
    p.add_argument("--scale", required=True, help="rag (red/amber/green), score (0-3) or percent (5%% steps, n/a allowed)")
    p.add_argument("--agencies", required=True, action="append", metavar="all|AGENCIES",
                   help="'all' (agencies in post on the issue date) or ids/names/short names, comma-separated")
    p.add_argument("--issued", metavar="DATE", help="the date the returns are sent out (default: today)")
    p.add_argument("--deadline", metavar="DATE", required=True, help="the date returns are due")
    p.add_argument("--panel", metavar="DATE", action="append", help="a challenge/moderation panel date (repeatable)")
    p.add_argument("--notes", help="free-text notes")
    p.set_defaults(func=cmd_round_create)

    p = new_parser(sub, "rounds", "list the audit rounds", "List the audit rounds, the most recent first.",
                   ROUND_JSON_KEYS + "\n\nexamples:\n  mqp s11 rounds\n  mqp s11 rounds --json")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_rounds)

    p = new_parser(sub, "status", "a round at a glance",
                   "Returns overdue, outstanding, received and reviewed; the weakest standards across\n"
                   "agencies; overdue action-plan items; the change since the previous round.",
                   STATUS_JSON_KEYS + "\n\nexamples:\n  mqp s11 status\n  mqp s11 status --round \"Section 11 audit 2024-25\" --json")
    p.add_argument("--round", metavar="R", help=ROUND_HELP)
    p.add_argument("--basis", default="effective",
                   help="which ratings the scores use: self, moderated, or effective (the default: the panel's where"
                        " it has rated, else the self-assessment)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_status)

    from mqp_desktop.cli import section11_frameworks, section11_reports, section11_returns, section11_workbooks

    section11_frameworks.add_parsers(sub, new_parser)
    section11_returns.add_parsers(sub, new_parser)
    section11_reports.add_parsers(sub, new_parser)
    section11_workbooks.add_parsers(sub, new_parser)

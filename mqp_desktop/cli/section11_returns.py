"""``mqp s11 return ...``, ``mqp s11 rate`` and ``mqp s11 action ...``: one agency's return,
its ratings and its action plan (registered by :mod:`mqp_desktop.cli.section11`)."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping
from typing import Any

from mqp_desktop.cli.common import CliError, date_option, editing_store, opened_store, today
from mqp_desktop.cli.output import day, emit_json, fields, table
from mqp_desktop.cli.section11 import (
    DATES,
    RETURN_ARG,
    ROUND_HELP,
    _contacts,
    _day_iso,
    _label,
    _pct,
    _pct_text,
    _return,
    _round,
    action_record,
)
from mqp_desktop.domain.model import Agency
from mqp_desktop.domain.section11 import ActionItem, AuditReturn, Basis, action_status
from mqp_desktop.domain.section11_analysis import return_summary, standard_score
from mqp_desktop.store.section11 import RATING_FIELDS, Section11Repo

RETURN_JSON_KEYS = """\
JSON (--json): one object with the keys
  id, round_id, round, agency_id, agency, status, issued, deadline, received,
  reviewed, reminders [{sent_on, note}], lead_member_id, lead_name, lead_email,
  substitute_member_id, substitute_name, substitute_email, panel_outcome, notes,
  percent, standards [{number, title, self_percent, moderated_percent, percent}],
  ratings [{standard, criterion, self_value, self_na_reason, evidence,
  improvement, moderated_value, moderated_na_reason, panel_comments}],
  actions [as in 'mqp s11 action list']."""

ACTION_JSON_KEYS = """\
JSON (--json): an array of objects with the keys
  id, return_id, round_id, round, agency_id, agency, action, owner, due,
  status ("open" | "in progress" | "done" | "dropped"), closed, standard (number
  or null), notes, overdue (true/false, today)."""


# --- returns ------------------------------------------------------------------------------

def _return_json(s11: Section11Repo, ret: AuditReturn, agencies: Mapping[int, Agency], on: dt.date) -> dict[str, Any]:
    rnd = s11.round(ret.round_id)
    scale = rnd.rating_scale
    summary = return_summary(rnd, ret)
    return {
        "id": ret.id,
        "round_id": rnd.id,
        "round": rnd.name,
        "agency_id": ret.agency_id,
        "agency": _label(agencies, ret.agency_id),
        "status": ret.status(rnd.deadline, on).value,
        "issued": ret.issued.isoformat() if ret.issued else None,
        "deadline": rnd.deadline.isoformat(),
        "received": ret.received.isoformat() if ret.received else None,
        "reviewed": ret.reviewed.isoformat() if ret.reviewed else None,
        "reminders": [{"sent_on": m.sent_on.isoformat(), "note": m.note} for m in ret.reminders],
        **_contacts(ret),
        "panel_outcome": ret.panel_outcome,
        "notes": ret.notes,
        "percent": _pct(summary.percent),
        "standards": [
            {
                "number": s.number,
                "title": s.title,
                "self_percent": _pct(standard_score(scale, s, ret.ratings, Basis.SELF).percent),
                "moderated_percent": _pct(standard_score(scale, s, ret.ratings, Basis.MODERATED).percent),
                "percent": _pct(summary.standards[s.number].percent),
            }
            for s in rnd.standards
        ],
        "ratings": [{"standard": r.standard, "criterion": r.criterion, **{k: getattr(r, k) for k in RATING_FIELDS}}
                    for r in ret.ratings],
        "actions": [action_record(a, ret, rnd, agencies, on) for a in ret.actions],
    }


def cmd_return_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        ret = _return(s11, args.ret, args.round)
        data = _return_json(s11, ret, {a.id: a for a in store.agencies()}, on)
    if args.json:
        emit_json(data)
        return 0
    print(fields([
        ("Return", data["id"]),
        ("Round", data["round"]),
        ("Agency", data["agency"]),
        ("Status", data["status"]),
        ("Lead contact", ret.lead_name + (f" <{ret.lead_email}>" if ret.lead_email else "")),
        ("Substitute", ret.substitute_name + (f" <{ret.substitute_email}>" if ret.substitute_email else "")),
        ("Issued", day(ret.issued)),
        ("Deadline", _day_iso(data["deadline"])),
        ("Reminders", "; ".join(day(m.sent_on) + (f" ({m.note})" if m.note else "") for m in ret.reminders)),
        ("Received", day(ret.received)),
        ("Reviewed", day(ret.reviewed)),
        ("Panel outcome", ret.panel_outcome),
        ("Score", _pct_text(data["percent"])),
        ("Notes", " ".join(ret.notes.split())),
    ]))
    if ret.ratings:
        print()
        print(table(["Std", "Criterion", "Self", "Moderated", "Evidence", "Areas for improvement", "Panel comments"],
                    [[r.standard, r.criterion, (r.self_value or "") + (f" ({r.self_na_reason})" if r.self_na_reason else ""),
                      (r.moderated_value or "") + (f" ({r.moderated_na_reason})" if r.moderated_na_reason else ""),
                      r.evidence, r.improvement, r.panel_comments] for r in ret.ratings],
                    max_widths={"Evidence": 30, "Areas for improvement": 30, "Panel comments": 30}, right=("Std",)))
    if data["actions"]:
        print("\nAction plan:")
        print(table(["ID", "Std", "Action", "Owner", "Due", "Status", "Closed"],
                    [[a["id"], a["standard"] or "", a["action"], a["owner"],
                      _day_iso(a["due"]),
                      a["status"] + (" (overdue)" if a["overdue"] else ""),
                      _day_iso(a["closed"])] for a in data["actions"]],
                    max_widths={"Action": 60, "Owner": 24}, right=("ID", "Std")))
    return 0


def _say(s11: Section11Repo, ret: AuditReturn, what: str) -> None:
    rnd = s11.round(ret.round_id)
    agency = s11.store.agency(ret.agency_id)
    print(f"Return {ret.id} ({agency.label}, {rnd.name}): {what}.")


def cmd_return_receive(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        s11 = Section11Repo(store)
        ret = _return(s11, args.ret, args.round)
        on = date_option(args.date, "--date") or today()
        if ret.received is not None and ret.received != on:
            raise CliError(f"Return {ret.id} was already received on {day(ret.received)}.")
        ret = s11.mark_received(ret.id, on)
        _say(s11, ret, f"received {day(ret.received)}")
    return 0


def cmd_return_remind(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        s11 = Section11Repo(store)
        ret = _return(s11, args.ret, args.round)
        ret = s11.add_reminder(ret.id, date_option(args.date, "--date") or today(), args.note or "")
        _say(s11, ret, f"reminder {len(ret.reminders)} recorded, sent {day(ret.last_reminder)}")
    return 0


def cmd_return_review(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        s11 = Section11Repo(store)
        ret = _return(s11, args.ret, args.round)
        ret = s11.mark_reviewed(ret.id, date_option(args.date, "--date") or today(), args.outcome)
        _say(s11, ret, f"reviewed {day(ret.reviewed)}" + (f", outcome: {ret.panel_outcome}" if ret.panel_outcome else ""))
    return 0


def cmd_return_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        s11 = Section11Repo(store)
        ret = _return(s11, args.ret, args.round)
        changed = False
        for option, attr in (("lead", "lead_name"), ("lead_email", "lead_email"), ("substitute", "substitute_name"),
                             ("substitute_email", "substitute_email"), ("outcome", "panel_outcome"), ("notes", "notes")):
            value = getattr(args, option)
            if value is not None:
                setattr(ret, attr, value)
                changed = True
        if args.lead_member is not None:
            member = store.member(args.lead_member)
            ret.lead_member_id, ret.lead_name, ret.lead_email = member.id, member.name, member.email
            if args.lead is not None:
                ret.lead_name = args.lead
            if args.lead_email is not None:
                ret.lead_email = args.lead_email
            changed = True
        if not changed:
            raise CliError("Nothing to change: give at least one option, e.g. --lead or --substitute-email.")
        ret = s11.update_return(ret)
        _say(s11, ret, f"lead contact {ret.lead_name or '(none)'}, substitute {ret.substitute_name or '(none)'}")
    return 0


# --- ratings ------------------------------------------------------------------------------

def cmd_rate(args: argparse.Namespace) -> int:
    if args.self_value is None and args.moderated is None and not any(
        getattr(args, o) is not None for o in ("evidence", "improvement", "comments", "na_reason")
    ):
        raise CliError("Give --self VALUE or --moderated VALUE (or --evidence, --improvement, --comments).")
    if args.self_value is not None and args.moderated is not None and args.na_reason is not None:
        raise CliError("--na-reason: rate --self and --moderated separately, so the reason goes with the right one.")
    values: dict[str, Any] = {}
    if args.self_value is not None:
        values["self_value"] = args.self_value
        if args.na_reason is not None:
            values["self_na_reason"] = args.na_reason
    if args.moderated is not None:
        values["moderated_value"] = args.moderated
        if args.na_reason is not None:
            values["moderated_na_reason"] = args.na_reason
    if args.self_value is None and args.moderated is None and args.na_reason is not None:
        raise CliError("--na-reason goes with --self n/a or --moderated n/a.")
    for option, name in (("evidence", "evidence"), ("improvement", "improvement"), ("comments", "panel_comments")):
        if getattr(args, option) is not None:
            values[name] = getattr(args, option)
    with editing_store(args) as store:
        s11 = Section11Repo(store)
        ret = _return(s11, args.ret, args.round)
        rating = s11.rate(ret.id, args.standard, args.criterion or "", **values)
        where = f"standard {rating.standard}" + (f" ({rating.criterion})" if rating.criterion else "")
        _say(s11, ret, f"{where} self {rating.self_value or '-'}, moderated {rating.moderated_value or '-'}")
    return 0


# --- actions ------------------------------------------------------------------------------

def cmd_action_add(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        ret = _return(s11, args.ret, args.round)
        item = s11.add_action(ActionItem(
            return_id=ret.id,
            action=args.action,
            owner=args.owner or "",
            due=date_option(args.due, "--due"),
            standard=args.standard,
            notes=args.notes or "",
        ), today=today())
        _say(s11, ret, f"action {item.id} added: {item.action}" + (f", due {day(item.due)}" if item.due else ""))
    return 0


def cmd_action_update(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        s11 = Section11Repo(store)
        item = s11.action(args.id)
        before = (item.action, item.owner, item.due, item.status, item.closed, item.standard, item.notes)
        if args.action is not None:
            item.action = args.action
        if args.owner is not None:
            item.owner = args.owner
        if args.due is not None:
            item.due = date_option(args.due, "--due")
        if args.status is not None:
            item.status = action_status(args.status)
            if not item.status.closed:
                item.closed = None
        if args.closed is not None:
            item.closed = date_option(args.closed, "--closed")
        if args.standard is not None:
            item.standard = None if args.standard.strip().lower() in ("", "none", "-") else args.standard
        if args.notes is not None:
            item.notes = args.notes
        if (item.action, item.owner, item.due, item.status, item.closed, item.standard, item.notes) == before:
            raise CliError("Nothing to change: give at least one option, e.g. --status done or --due DATE.")
        item = s11.update_action(item, today=today())
        ret = s11.get_return(item.return_id)
        _say(s11, ret, f"action {item.id} {item.status.value}"
             + (f" (closed {day(item.closed)})" if item.closed else "") + (f", due {day(item.due)}" if item.due else ""))
    return 0


def cmd_action_list(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        s11 = Section11Repo(store)
        agencies = {a.id: a for a in store.agencies()}
        if args.ret:
            ret = _return(s11, args.ret, args.round)
            rounds = [s11.round(ret.round_id)]
            returns = {ret.id: ret}
        else:
            rounds = s11.rounds() if args.all_rounds else [_round(s11, args.round)]
            returns = {r.id: r for rnd in rounds for r in s11.returns(rnd.id)}
        by_round = {r.id: r for r in rounds}
        records = [action_record(a, ret, by_round[ret.round_id], agencies, on)
                   for ret in returns.values() for a in ret.actions]
    if args.overdue:
        records = [r for r in records if r["overdue"]]
    if args.open:
        records = [r for r in records if r["status"] in ("open", "in progress")]
    records.sort(key=lambda r: (r["due"] is None, r["due"] or "", r["id"]))
    if args.json:
        emit_json(records)
        return 0
    if not records:
        print("No actions match.")
        return 0
    print(table(["ID", "Agency", "Std", "Action", "Owner", "Due", "Status", "Closed"] + (["Round"] if len(rounds) > 1 else []),
                [[r["id"], r["agency"], r["standard"] or "", r["action"], r["owner"],
                  _day_iso(r["due"]),
                  r["status"] + (" (overdue)" if r["overdue"] else ""),
                  _day_iso(r["closed"])] + ([r["round"]] if len(rounds) > 1 else [])
                 for r in records],
                max_widths={"Action": 56, "Owner": 22, "Agency": 20}, right=("ID", "Std")))
    overdue = sum(r["overdue"] for r in records)
    print(f"\n{len(records)} action{'s' if len(records) != 1 else ''}" + (f", {overdue} overdue" if overdue else "") + ".")
    return 0


# --- parsers ------------------------------------------------------------------------------

def add_parsers(sub, new_parser) -> None:
    """The return, rate and action commands under ``mqp s11``."""
    ret = new_parser(sub, "return", "one agency's return: show, receive, remind, review, edit",
                     "One agency's return to a round.", db=False)
    tsub = ret.add_subparsers(dest="return_command", metavar="ACTION", required=True)

    def return_parser(name: str, help_: str, description: str, epilog: str = ""):
        p = new_parser(tsub, name, help_, description, epilog)
        p.add_argument("ret", metavar="RETURN", help=RETURN_ARG)
        p.add_argument("--round", metavar="R", help=ROUND_HELP)
        return p

    p = return_parser("show", "show a return", "Show a return: dates, contacts, ratings and action plan.",
                      RETURN_JSON_KEYS + "\n\nexamples:\n  mqp s11 return show 12\n  mqp s11 return show Police --json")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_return_show)
    p = return_parser("receive", "record a return received", "Record the date a return was received.",
                      DATES + "\n\nexample:\n  mqp s11 return receive Police --date 28/11/2025")
    p.add_argument("--date", metavar="DATE", help="the date received (default: today)")
    p.set_defaults(func=cmd_return_receive)
    p = return_parser("remind", "record a reminder sent", "Record a reminder sent for a return not yet received.",
                      DATES + "\n\nexample:\n  mqp s11 return remind ICB --note \"phoned the substitute\"")
    p.add_argument("--date", metavar="DATE", help="the date the reminder was sent (default: today)")
    p.add_argument("--note", help="how, or to whom, e.g. 'email to the lead contact'")
    p.set_defaults(func=cmd_return_remind)
    p = return_parser("review", "record the panel's review", "Record the date the panel reviewed a return, and its outcome.",
                      DATES + "\n\nexample:\n  mqp s11 return review Police --date 20/01/2026 --outcome \"Accepted with actions\"")
    p.add_argument("--date", metavar="DATE", help="the date reviewed (default: today)")
    p.add_argument("--outcome", help="the panel's outcome")
    p.set_defaults(func=cmd_return_review)
    p = return_parser("edit", "change contacts, outcome or notes",
                      "Change a return's lead contact, substitute, panel outcome or notes.",
                      "example:\n  mqp s11 return edit Police --lead \"DI Mark Ellison\" --lead-email mark.ellison@example.police.uk")
    p.add_argument("--lead", metavar="NAME", help="the lead contact's name")
    p.add_argument("--lead-email", metavar="EMAIL", help="the lead contact's email")
    p.add_argument("--lead-member", metavar="ID", type=int, help="a member as the lead contact (name and email from the register)")
    p.add_argument("--substitute", metavar="NAME", help="the substitute contact's name")
    p.add_argument("--substitute-email", metavar="EMAIL", help="the substitute contact's email")
    p.add_argument("--outcome", help="the panel's outcome")
    p.add_argument("--notes", help="free-text notes")
    p.set_defaults(func=cmd_return_edit)

    p = new_parser(sub, "rate", "rate a standard or sub-criterion of a return",
                   "Set the self-assessed or the moderated rating of a standard (or one of its sub-criteria),\n"
                   "with evidence references, areas for improvement and the panel's comments. Values are on\n"
                   "the round's scale: red/amber/green, 0-3, or a percentage in steps of 5 (n/a with a reason).",
                   "examples:\n  mqp s11 rate Police --standard 5 --self amber --evidence \"Training matrix 2025\"\n"
                   "  mqp s11 rate 12 --standard 5 --moderated 1 --comments \"No completion figures\"\n"
                   "  mqp s11 rate ICB --standard 6 --criterion 6.2 --self n/a --na-reason \"No recruitment this year\"")
    p.add_argument("ret", metavar="RETURN", help=RETURN_ARG)
    p.add_argument("--round", metavar="R", help=ROUND_HELP)
    p.add_argument("--standard", required=True, type=int, metavar="N", help="the standard's number")
    p.add_argument("--criterion", metavar="X", help="a sub-criterion, e.g. 5.2 (or 2); leave out for the standard itself")
    p.add_argument("--self", dest="self_value", metavar="VALUE", help="the agency's self-assessed rating ('' clears it)")
    p.add_argument("--moderated", metavar="VALUE", help="the panel's moderated rating ('' clears it)")
    p.add_argument("--na-reason", metavar="TEXT", help="why it does not apply (with n/a)")
    p.add_argument("--evidence", metavar="TEXT", help="evidence references")
    p.add_argument("--improvement", metavar="TEXT", help="areas for improvement")
    p.add_argument("--comments", metavar="TEXT", help="the panel's comments")
    p.set_defaults(func=cmd_rate)

    act = new_parser(sub, "action", "action plans: add, update, list", "Action-plan items of the returns.", db=False)
    asub = act.add_subparsers(dest="action_command", metavar="ACTION", required=True)
    p = new_parser(asub, "add", "add an action to a return's plan", "Add an item to an agency's action plan.",
                   DATES + "\n\nexample:\n  mqp s11 action add Police --action \"Refresh safeguarding training\""
                   " --owner \"Head of L&D\" --due 31/03/2026 --standard 5")
    p.add_argument("ret", metavar="RETURN", help=RETURN_ARG)
    p.add_argument("--round", metavar="R", help=ROUND_HELP)
    p.add_argument("--action", required=True, help="what will be done")
    p.add_argument("--owner", help="who will do it")
    p.add_argument("--due", metavar="DATE", help="when it is due")
    p.add_argument("--standard", type=int, metavar="N", help="the standard it answers")
    p.add_argument("--notes", help="free-text notes")
    p.set_defaults(func=cmd_action_add)
    p = new_parser(asub, "update", "change an action (status, due date, ...)",
                   "Change an action. Marking it done or dropped closes it (today, or --closed DATE);\n"
                   "marking it open or in progress again clears the closed date.",
                   DATES + "\n\nexamples:\n  mqp s11 action update 7 --status done\n"
                   "  mqp s11 action update 7 --status \"in progress\" --due 30/06/2026")
    p.add_argument("id", metavar="ID", type=int, help="the action's id (from 'mqp s11 action list')")
    p.add_argument("--action", help="what will be done")
    p.add_argument("--owner", help="who will do it")
    p.add_argument("--due", metavar="DATE", help="when it is due ('' clears it)")
    p.add_argument("--status", help="open, 'in progress', done or dropped")
    p.add_argument("--closed", metavar="DATE", help="the date it was done or dropped (default: today)")
    p.add_argument("--standard", metavar="N", help="the standard it answers ('none' clears it)")
    p.add_argument("--notes", help="free-text notes")
    p.set_defaults(func=cmd_action_update)
    p = new_parser(asub, "list", "list action-plan items",
                   "List the action-plan items of a round (default the latest), of every round, or of one return.",
                   ACTION_JSON_KEYS + "\n\nexamples:\n  mqp s11 action list --overdue --all-rounds\n"
                   "  mqp s11 action list --return Police --json")
    p.add_argument("--round", metavar="R", help=ROUND_HELP)
    p.add_argument("--all-rounds", action="store_true", help="every round's actions")
    p.add_argument("--return", dest="ret", metavar="RETURN", help="only this return's actions")
    p.add_argument("--overdue", action="store_true", help="only overdue actions (due date passed, not done or dropped)")
    p.add_argument("--open", action="store_true", help="only open and in-progress actions")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_action_list)

"""``mqp agencies ...`` and ``mqp members ...``: the membership register (ToR 4)."""

from __future__ import annotations

import argparse
import dataclasses

from mqp_desktop.cli.common import (
    CliError,
    date_option,
    editing_store,
    opened_store,
    partner_class,
    resolve_agency,
    today,
)
from mqp_desktop.cli.output import (
    agency_record,
    day,
    emit_json,
    fields,
    member_office,
    member_record,
    table,
    yes_no,
)
from mqp_desktop.domain.model import Agency, Member

# --- JSON key documentation (shown in --help) -------------------------------------------

AGENCY_JSON_KEYS = """\
JSON (--json): an array of objects with the keys
  id, name, short_name, statutory (true/false), partner_class ("lead safeguarding
  partner" | "relevant agency" | "other"), start_date, end_date (YYYY-MM-DD or
  null), active (true/false, today), notes, member_count (named members in post),
  version (how many times it has been saved: give it to 'edit --expect-version')."""

MEMBER_JSON_KEYS = """\
JSON (--json): an array of objects (one object for 'members show') with the keys
  id, name ("" for a seat without a name), role_title, agency_id, agency (the
  agency's name), agency_short_name, email, phone, decision_maker (true/false;
  false = representative only), deputy_name, deputy_email, start_date,
  end_date (YYYY-MM-DD or null), end_reason, notes, active (true/false, today),
  vacant (true/false), office ("chair" | "co-chair" | null), version (how many
  times it has been saved: give it to 'edit --expect-version')."""

DATES = "Dates: YYYY-MM-DD (2024-03-31) or DD/MM/YYYY (31/03/2024)."
EXPECT_VERSION_HELP = (
    "refuse the change (exit 1, saying who changed it and when) unless the record is still at this "
    "version: the 'version' a script read earlier with --json, so a change saved since is never overwritten"
)


def _expect_version(record, expected: int | None, what: str, store) -> None:
    """A script's edit of a record it read earlier: refused when the record was saved since."""
    if expected is not None and expected != record.row_version:
        values = store._agency_values if what == "agency" else store._member_values
        conflict = store.edit_conflict(
            f"the {what} {record.name if what == 'agency' else record.display_name}",
            entity=what, entity_id=record.id, read_version=expected, stored_version=record.row_version,
            yours={}, stored=values(record), stored_record=record,
        )
        show = "mqp agencies list --json" if what == "agency" else f"mqp members show {record.id} --json"
        conflict.remedy = (f"Read it again ('{show}') and repeat the edit against version {record.row_version} "
                           "if it is still wanted.")
        raise conflict


def _current(end, on) -> bool:
    """Not ended yet (a future start still counts as current: they are in the register)."""
    return end is None or end >= on


# --- agencies -----------------------------------------------------------------------------

def cmd_agencies_list(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        agencies = store.agencies()
        members = store.members()
    if not args.all:
        agencies = [a for a in agencies if _current(a.end_date, on)]
    counts = {a.id: 0 for a in agencies}
    for m in members:
        if m.agency_id in counts and not m.is_vacant and m.is_active(on):
            counts[m.agency_id] += 1
    if args.json:
        emit_json([agency_record(a, today=on, member_count=counts[a.id]) for a in agencies])
        return 0
    if not agencies:
        print("No agencies yet: add one with 'mqp agencies add --name NAME'.")
        return 0
    headers = ["ID", "Agency", "Short name", "Statutory", "Partner class", "Members", "Start"]
    if args.all:
        headers.append("Ended")
    rows = []
    for a in agencies:
        row = [a.id, a.name, a.short_name, yes_no(a.statutory), a.partner_class.value, counts[a.id], day(a.start_date)]
        if args.all:
            row.append(day(a.end_date))
        rows.append(row)
    print(table(headers, rows, max_widths={"Agency": 48, "Short name": 24}, right=("ID", "Members")))
    print(f"\n{len(agencies)} agenc{'y' if len(agencies) == 1 else 'ies'}"
          f" ({sum(a.statutory for a in agencies)} statutory).")
    return 0


def _apply_agency_options(agency: Agency, args: argparse.Namespace) -> None:
    if args.name is not None:
        agency.name = args.name
    if args.short_name is not None:
        agency.short_name = args.short_name
    if args.statutory is not None:
        agency.statutory = args.statutory
    if args.partner_class is not None:
        agency.partner_class = partner_class(args.partner_class)
    if args.start is not None:
        agency.start_date = date_option(args.start, "--start")
    if args.notes is not None:
        agency.notes = args.notes


def _print_agency(agency: Agency, verb: str) -> None:
    print(f"{verb} agency {agency.id}: {agency.name}"
          + (f" ({agency.short_name})" if agency.short_name else "")
          + (", statutory" if agency.statutory else "")
          + f", {agency.partner_class.value}"
          + (f", ended {day(agency.end_date)}" if agency.end_date else "") + ".")


def cmd_agencies_add(args: argparse.Namespace) -> int:
    agency = Agency(name="", start_date=None)
    _apply_agency_options(agency, args)
    with opened_store(args) as store:
        agency = store.add_agency(agency)
    _print_agency(agency, "Added")
    return 0


def cmd_agencies_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        agency = resolve_agency(store, args.agency, "AGENCY")
        _expect_version(agency, args.expect_version, "agency", store)
        before = dataclasses.replace(agency)
        _apply_agency_options(agency, args)
        if agency == before:
            raise CliError("Nothing to change: give at least one option, e.g. --short-name or --statutory (see 'mqp agencies edit --help').")
        agency = store.update_agency(agency)
    _print_agency(agency, "Saved")
    return 0


def cmd_agencies_end(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        agency = resolve_agency(store, args.agency, "AGENCY")
        end = date_option(args.date, "--date") or today()
        agency = store.end_agency(agency.id, end, args.reason or "")
        still = [m for m in store.members() if m.agency_id == agency.id and _current(m.end_date, end)]
    _print_agency(agency, "Ended")
    if still:
        print(f"Note: {len(still)} of its members are still in post; end them with 'mqp members end ID'"
              f" (ids: {', '.join(str(m.id) for m in still)}).")
    return 0


def cmd_agencies_reinstate(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        agency = resolve_agency(store, args.agency, "AGENCY")
        if agency.end_date is None:
            raise CliError(f"{agency.name} has not ended, so there is nothing to reinstate.")
        agency.end_date = None
        agency = store.update_agency(agency, action="reinstated")
    _print_agency(agency, "Reinstated")
    return 0


# --- members ------------------------------------------------------------------------------

def cmd_members_list(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        agencies = {a.id: a for a in store.agencies()}
        members = store.members()
        subcommittee = store.subcommittee()
        if args.agency:
            wanted = resolve_agency(store, args.agency)
            members = [m for m in members if m.agency_id == wanted.id]
    if args.ended:
        members = [m for m in members if not _current(m.end_date, on)]
    elif not args.all:
        members = [m for m in members if _current(m.end_date, on)]
    if args.json:
        emit_json([member_record(m, agencies, today=on, subcommittee=subcommittee) for m in members])
        return 0
    if not members:
        print("No members match." if (args.agency or args.ended) else
              "No members yet: add one with 'mqp members add --name NAME --role POST --agency AGENCY'.")
        return 0
    show_end = args.all or args.ended
    headers = ["ID", "Name", "Post", "Agency", "Decides", "Email", "Start"] + (["Ended"] if show_end else [])
    rows = []
    for m in members:
        office = member_office(m, subcommittee)
        name = m.name or "(vacant)"
        if office:
            name += f" [{office}]"
        agency = agencies.get(m.agency_id)
        row = [m.id, name, m.role_title, agency.label if agency else m.agency_id,
               "yes" if m.decision_maker else "rep.", m.email, day(m.start_date)]
        if show_end:
            row.append(day(m.end_date))
        rows.append(row)
    print(table(headers, rows, max_widths={"Name": 32, "Post": 40, "Agency": 24, "Email": 38}))
    vacant = sum(m.is_vacant for m in members)
    print(f"\n{len(members)} member{'s' if len(members) != 1 else ''}"
          + (f", {vacant} of them seats without a name" if vacant else "") + ".")
    return 0


def cmd_members_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        member = store.member(args.id)
        agencies = {a.id: a for a in store.agencies()}
        subcommittee = store.subcommittee()
        history = store.history(entity="member", entity_id=member.id)
    if args.json:
        emit_json(member_record(member, agencies, today=on, subcommittee=subcommittee))
        return 0
    agency = agencies.get(member.agency_id)
    office = member_office(member, subcommittee)
    status = "in post" if member.is_active(on) else ("ended" if member.end_date and member.end_date < on else "not started yet")
    print(fields([
        ("ID", member.id),
        ("Name", member.name or "(no one named to this seat yet)"),
        ("Post", member.role_title),
        ("Agency", f"{agency.name} (id {agency.id})" if agency else member.agency_id),
        ("Decision maker", "yes" if member.decision_maker else "no: representative only"),
        ("Office", office or ""),
        ("Email", member.email),
        ("Phone", member.phone),
        ("Deputy", member.deputy_name + (f" <{member.deputy_email}>" if member.deputy_email else "")),
        ("Start", day(member.start_date)),
        ("End", day(member.end_date) + (f" ({member.end_reason})" if member.end_reason else "")),
        ("Status", status),
        ("Notes", " ".join(member.notes.split())),
    ]))
    if history:
        print("\nHistory (newest first):")
        for c in history:
            print(f"  {c.at[:16].replace('T', ' ')}  {c.user}  {c.action}: {', '.join(sorted(c.changes)) or c.summary}")
    return 0


def _apply_member_options(member: Member, args: argparse.Namespace, store) -> None:
    for option, attr in (
        ("name", "name"), ("role", "role_title"), ("email", "email"), ("phone", "phone"),
        ("deputy_name", "deputy_name"), ("deputy_email", "deputy_email"), ("notes", "notes"),
    ):
        value = getattr(args, option)
        if value is not None:
            setattr(member, attr, value)
    if args.agency is not None:
        member.agency_id = resolve_agency(store, args.agency).id
    if args.decision_maker is not None:
        member.decision_maker = args.decision_maker
    if args.start is not None:
        member.start_date = date_option(args.start, "--start")


def _print_member(member: Member, store, verb: str) -> None:
    agency = store.agency(member.agency_id)
    print(f"{verb} member {member.id}: {member.display_name}, {member.role_title} ({agency.label})"
          + ("" if member.decision_maker else ", representative only")
          + (f", ended {day(member.end_date)}" if member.end_date else "") + ".")


def cmd_members_add(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        member = Member(role_title="", agency_id=None, start_date=today())  # type: ignore[arg-type]
        _apply_member_options(member, args, store)
        member = store.add_member(member)
        _print_member(member, store, "Added")
    return 0


def cmd_members_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        member = store.member(args.id)
        _expect_version(member, args.expect_version, "member", store)
        before = dataclasses.replace(member)
        _apply_member_options(member, args, store)
        if member == before:
            raise CliError("Nothing to change: give at least one option, e.g. --email or --phone (see 'mqp members edit --help').")
        member = store.update_member(member)
        _print_member(member, store, "Saved")
    return 0


def cmd_members_end(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        end = date_option(args.date, "--date") or today()
        member = store.end_member(args.id, end, args.reason or "")
        _print_member(member, store, "Ended")
        s = store.subcommittee()
        for office, label in ((s.chair, "chair"), (s.co_chair, "co-chair")):
            if office.member_id == member.id:
                print(f"Note: they are the {label}: appoint another with 'mqp rules set --{label} MEMBER_ID'.")
    return 0


def cmd_members_reinstate(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        member = store.member(args.id)
        if member.end_date is None:
            raise CliError(f"{member.display_name} has not ended, so there is nothing to reinstate.")
        member = store.reinstate_member(args.id)
        _print_member(member, store, "Reinstated")
    return 0


# --- parsers ------------------------------------------------------------------------------

def _agency_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    p.add_argument("--name", required=adding, help="the agency's full name (unique)")
    p.add_argument("--short-name", help="a short label used in tables and minutes, e.g. 'Police'")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--statutory", dest="statutory", action="store_const", const=True, default=None,
                       help="a statutory agency (counts for a 'statutory' quorum rule)")
    group.add_argument("--not-statutory", dest="statutory", action="store_const", const=False,
                       help="not a statutory agency" + (" (the default)" if adding else ""))
    p.add_argument("--partner-class", metavar="CLASS",
                   help="lead (lead safeguarding partner), relevant (relevant agency"
                        + (", the default" if adding else "") + ") or other")
    p.add_argument("--start", metavar="DATE", help="the date the agency joined" + ("" if adding else "; '' clears it"))
    p.add_argument("--notes", help="free-text notes")


def _member_options(p: argparse.ArgumentParser, *, adding: bool) -> None:
    p.add_argument("--name", help="the member's name (leave out for a seat waiting for a name)" if adding
                   else "the member's name ('' turns the seat back into one without a name)")
    p.add_argument("--role", metavar="POST", required=adding, help="post or role title, e.g. 'Designated Nurse Safeguarding Children'")
    p.add_argument("--agency", metavar="AGENCY", required=adding, help="the agency represented: id, name or short name")
    p.add_argument("--email", help="email address (papers are sent to it)" + ("" if adding else "; '' clears it"))
    p.add_argument("--phone", help="phone number, e.g. '020 8871 6000'")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--decision-maker", dest="decision_maker", action="store_const", const=True, default=None,
                       help="a decision maker for the agency" + (" (the default)" if adding else ""))
    group.add_argument("--representative", dest="decision_maker", action="store_const", const=False,
                       help="representative only, not a decision maker (e.g. schools)")
    p.add_argument("--deputy-name", metavar="NAME", help="the nominated deputy's name")
    p.add_argument("--deputy-email", metavar="EMAIL", help="the nominated deputy's email")
    p.add_argument("--start", metavar="DATE", help="start of membership" + (" (default: today)" if adding else ""))
    p.add_argument("--notes", help="free-text notes")


def add_parsers(commands, new_parser) -> None:
    # agencies
    agencies = new_parser(commands, "agencies", "the agencies represented on the subcommittee",
                          "List, add, edit and end agencies. Agencies are never deleted: they are ended.",
                          "examples:\n  mqp agencies list\n  mqp agencies add --name \"Wandsworth Youth Justice Service\" --short-name YJS\n"
                          "  mqp agencies end 7 --date 31/03/2025 --reason \"service merged\"", db=False)
    sub = agencies.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "list agencies", "List the agencies not yet ended (with --all, every agency).",
                   AGENCY_JSON_KEYS + "\n\nexamples:\n  mqp agencies list --all\n  mqp agencies list --json")
    p.add_argument("--all", action="store_true", help="include ended agencies")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_agencies_list)

    p = new_parser(sub, "add", "add an agency", "Add an agency to the register.",
                   DATES + "\n\nexamples:\n  mqp agencies add --name \"Metropolitan Police\" --short-name Police --statutory --partner-class lead\n"
                   "  mqp agencies add --name \"Wandsworth Schools\" --partner-class relevant --start 2024-09-01")
    _agency_options(p, adding=True)
    p.set_defaults(func=cmd_agencies_add)

    p = new_parser(sub, "edit", "change an agency", "Change an agency's details; options not given are left as they are.",
                   DATES + "\n\nexamples:\n  mqp agencies edit 3 --short-name ICB --statutory\n  mqp agencies edit Police --partner-class lead")
    p.add_argument("agency", metavar="AGENCY", help="the agency: id, name or short name")
    _agency_options(p, adding=False)
    p.add_argument("--expect-version", metavar="N", type=int, help=EXPECT_VERSION_HELP)
    p.set_defaults(func=cmd_agencies_edit)

    p = new_parser(sub, "end", "end an agency's membership", "End an agency's membership (it stays in the history).",
                   DATES + "\n\nexample:\n  mqp agencies end 7 --date 2025-03-31 --reason \"service merged into YJS\"")
    p.add_argument("agency", metavar="AGENCY", help="the agency: id, name or short name")
    p.add_argument("--date", metavar="DATE", help="its last day as a member (default: today)")
    p.add_argument("--reason", help="why, recorded in the agency's notes")
    p.set_defaults(func=cmd_agencies_end)

    p = new_parser(sub, "reinstate", "undo an agency's end", "Clear an agency's end date.",
                   "example:\n  mqp agencies reinstate 7")
    p.add_argument("agency", metavar="AGENCY", help="the agency: id, name or short name")
    p.set_defaults(func=cmd_agencies_reinstate)

    # members
    members = new_parser(commands, "members", "the members (seats) of the subcommittee",
                         "List, show, add, edit, end and reinstate members; import and export the register.\n"
                         "A member is a seat on the subcommittee held by a named person or waiting for one.\n"
                         "Members are never deleted: they are ended.",
                         "examples:\n  mqp members list --agency Police\n"
                         "  mqp members add --name \"Sam Patel\" --role \"Head of Service\" --agency 1 --email sam.patel@example.gov.uk\n"
                         "  mqp members end 12 --reason \"left the post\"", db=False)
    sub = members.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "list members",
                   "List the members not yet ended (with --all everyone, with --ended only those who left).\n"
                   "In the table, Decides 'rep.' marks a representative who is not a decision maker.",
                   MEMBER_JSON_KEYS + "\n\nexamples:\n  mqp members list\n  mqp members list --agency ICB --json\n  mqp members list --ended")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="include members who have ended")
    which.add_argument("--ended", action="store_true", help="only members who have ended")
    p.add_argument("--agency", metavar="AGENCY", help="only this agency's members (id, name or short name)")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_members_list)

    p = new_parser(sub, "show", "show one member and their history", "Show everything recorded about one member.",
                   MEMBER_JSON_KEYS + "\n\nexample:\n  mqp members show 12")
    p.add_argument("id", metavar="ID", type=int, help="the member's id (from 'mqp members list')")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_members_show)

    p = new_parser(sub, "add", "add a member", "Add a member (or, without --name, a seat waiting for a name).",
                   DATES + "\n\nexamples:\n"
                   "  mqp members add --name \"Sam Patel\" --role \"Head of Service\" --agency 1 \\\n"
                   "      --email sam.patel@example.gov.uk --deputy-name \"Jo Bloggs\" --deputy-email jo.bloggs@example.gov.uk\n"
                   "  mqp members add --name \"Ann Lee\" --role \"Headteacher\" --agency Schools --representative --start 01/09/2024")
    _member_options(p, adding=True)
    p.set_defaults(func=cmd_members_add)

    p = new_parser(sub, "edit", "change a member", "Change a member's details; options not given are left as they are.",
                   DATES + "\n\nexamples:\n  mqp members edit 12 --email new.address@example.gov.uk\n"
                   "  mqp members edit 4 --name \"Dr Ruth Mensah\" --start 2025-01-06   (name someone to a seat)")
    p.add_argument("id", metavar="ID", type=int, help="the member's id (from 'mqp members list')")
    _member_options(p, adding=False)
    p.add_argument("--expect-version", metavar="N", type=int, help=EXPECT_VERSION_HELP)
    p.set_defaults(func=cmd_members_edit)

    p = new_parser(sub, "end", "end a membership", "End a membership: they stay in the register's history and in past minutes.",
                   DATES + "\n\nexamples:\n  mqp members end 12\n  mqp members end 12 --date 31/03/2025 --reason \"retired\"")
    p.add_argument("id", metavar="ID", type=int, help="the member's id")
    p.add_argument("--date", metavar="DATE", help="their last day as a member (default: today)")
    p.add_argument("--reason", help="why the membership ended")
    p.set_defaults(func=cmd_members_end)

    p = new_parser(sub, "reinstate", "undo the end of a membership", "Clear a member's end date and reason.",
                   "example:\n  mqp members reinstate 12")
    p.add_argument("id", metavar="ID", type=int, help="the member's id")
    p.set_defaults(func=cmd_members_reinstate)

    from mqp_desktop.cli import register_files

    register_files.add_parsers(sub, new_parser)

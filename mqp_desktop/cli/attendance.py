"""``mqp attendance ...`` and ``mqp quorum ...``: a meeting's register and its quorum (ToR 3, 5)."""

from __future__ import annotations

import argparse
from pathlib import Path

from mqp_desktop.cli.common import CliError, editing_store, opened_store, resolve_agency
from mqp_desktop.cli.meeting_records import (
    MEETING_HELP,
    guest_record,
    meeting_line,
    meeting_record,
    parse_status,
    quorum_record,
    quorum_text,
    register_record,
    resolve_meeting,
    status_code,
)
from mqp_desktop.cli.output import day, emit_json, table
from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import (
    ChairDecision,
    Guest,
    Meeting,
    MeetingStatus,
    RegisterRow,
    match_names,
    waiting_words,
)
from mqp_desktop.domain.model import Member
from mqp_desktop.domain.validation import ValidationError

REGISTER_JSON_KEYS = """\
JSON (--json): one object with the keys
  meeting (as 'mqp meetings show --json', without register), register (one object
  per member expected at the meeting: member_id, name, role_title, agency_id,
  agency, agency_short_name, statutory, decision_maker, status ("present" |
  "deputy" | "apologies" | "absent" | null = not recorded yet), status_text,
  deputy_name, note), guests (id, name, organisation, item), recorded, expected,
  quorate (true/false, or null while nothing is recorded)."""

QUORUM_JSON_KEYS = """\
JSON (--json): one object with the keys
  meeting_id, date, meeting_status, quorate (true/false; true when no quorum is
  set), quorum_state ("quorate" | "not yet quorate" (a meeting to come, or its
  register not finished) | "not quorate" | "no quorum set"; null while nothing is
  recorded), quorum_set (false when the rule is "none"), explanation (the count in
  words, or null while nothing is recorded), rule {kind ("at_least" | "all_of" |
  "all_and_at_least" | "none"), count, agency_set ("statutory" | "lead_partners" |
  "named" | "any"), agency_ids, shared_seats (lists of agency ids), others
  ("agencies" | "members"), chair_may_proceed, text (in words)}, needed (seats of
  the set), filled (seats filled), shortfall, seats [label, agency_ids, filled,
  present_ids] (a shared seat counts once), others (the others that count, by
  name), others_needed, counted (agencies that count: id, name, short_name,
  statutory, by_deputy_only, attended_by [member_id, name, status, deputy_name]),
  missing (agencies of the rule's set not present: id, name, short_name,
  statutory), present_not_counting (agencies present that the rule does not
  count, as counted), recorded, expected (register entries taken / members
  expected), needs_decision, chair_decision ("proceed" | "reconvene" | null),
  chair_decision_note, items_waiting [item_id, number] (items the chair's decision
  left waiting for a quorate meeting), waiting_from_earlier [meeting_id,
  meeting_date, item_id, number, title] (items earlier meetings left waiting,
  listed for this one)."""


def _register_member(store, meeting: Meeting, text: str, rows: list[RegisterRow]) -> Member:
    """A member on this meeting's register, by id or name."""
    on_register = {r.member.id: r.member for r in rows}
    value = text.strip()
    if value.isdigit():
        member = store.member(int(value))
    else:
        found, unmatched = match_names(value, on_register.values())
        if len(found) == 1 and not unmatched:
            return found[0]
        found, _ = match_names(value, [m for m in store.members() if not m.is_vacant])
        if len(found) != 1:
            raise CliError(
                f"--member: no member of this meeting's register is called '{value}'"
                f" (see 'mqp attendance show {meeting.id}'); give the member's id or full name."
            )
        member = found[0]
    if member.id not in on_register:
        raise CliError(
            f"--member: {member.display_name} (member {member.id}) was not a member on {day(meeting.date)},"
            f" so is not on the register of meeting {meeting.id}."
        )
    return member


# --- attendance record ------------------------------------------------------------------------

def cmd_record(args: argparse.Namespace) -> int:
    status = parse_status(args.status) if args.status is not None else None
    if args.status is None and not args.everyone:
        raise CliError("--status: say what to record: present, deputy, apologies, absent or clear.")
    if args.everyone and args.status is not None and status is not AttendanceStatus.PRESENT:
        raise CliError("--everyone marks the members not yet recorded as present: leave --status out or give --status present.")
    if args.everyone:
        status = AttendanceStatus.PRESENT
    if args.deputy is not None and status is not AttendanceStatus.DEPUTY:
        raise CliError("--deputy: a deputy's name goes with --status deputy.")
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        if meeting.status is MeetingStatus.CANCELLED:
            raise CliError(f"Meeting {meeting.id} was cancelled: it has no register.")
        rows = store.meetings.register(meeting.id)
        if not rows:
            raise CliError(f"No member was in post on {day(meeting.date)}, so meeting {meeting.id} has no register.")
        if args.everyone:
            targets = [r.member for r in rows if r.entry is None]
        elif args.agency:
            agency = resolve_agency(store, args.agency)
            targets = [r.member for r in rows if r.agency.id == agency.id]
            if not targets:
                raise CliError(f"--agency: {agency.label} has no member on the register of meeting {meeting.id}"
                               f" ({day(meeting.date)}).")
        else:
            targets = []
            for text in args.member:
                member = _register_member(store, meeting, text, rows)
                if member.id not in {m.id for m in targets}:
                    targets.append(member)
        if not targets:
            print(f"Everyone on the register of meeting {meeting.id} is already recorded; nothing changed.")
        else:
            deputy = args.deputy.strip() if args.deputy is not None else None
            if deputy == "":
                raise CliError("--deputy: give the deputy's name, e.g. --deputy \"Sam Patel\".")
            note = (args.note or "").strip()
            results = store.meetings.record_many(
                meeting.id, {m.id: (status, deputy, note) for m in targets}
            )
            for member, entry in zip(targets, results):
                what = "cleared" if entry is None else entry.status.value + (
                    f" ({entry.deputy_name})" if entry.deputy_name else "")
                print(f"{member.display_name} (member {member.id}): {what}")
        q = store.meetings.quorum(meeting.id)
    print(f"\nRegister of {meeting_line(meeting)}: {q.recorded} of {q.expected} recorded.")
    print(quorum_text(q, meeting))
    if q.needs_decision:
        print(f"Record the chair's decision with 'mqp quorum {meeting.id} --decide proceed|reconvene --note TEXT'.")
    return 0


# --- attendance apologies ---------------------------------------------------------------------

MAX_NAMES_FILE_BYTES = 1024 * 1024  # a list of names pasted from an email is a few KB


def _read_names(path: str) -> tuple[str, str]:
    """The file's text, and how it was read when that was a guess ('' otherwise)."""
    from mqp_desktop.files_in import FileInRefused, decode_text

    file = Path(path).expanduser()
    try:
        with file.open("rb") as fh:
            data = fh.read(MAX_NAMES_FILE_BYTES + 1)
    except FileNotFoundError:
        raise CliError(f"--from-file: there is no file '{file}'.") from None
    except OSError as exc:
        raise CliError(f"--from-file: '{file}' could not be read ({exc.strerror or exc}).") from None
    try:
        decoded = decode_text(data, file.name, what="a list of names", max_bytes=MAX_NAMES_FILE_BYTES,
                              remedy="Save it as plain text (UTF-8), or paste the names with --text instead.")
    except FileInRefused as exc:
        raise CliError(f"--from-file: {exc}") from None
    return decoded.text, (f"Read '{file.name}' as {decoded.label}: check the accented names below."
                          if decoded.guessed else "")


def cmd_apologies(args: argparse.Namespace) -> int:
    text, read_as = _read_names(args.from_file) if args.from_file is not None else (args.text, "")
    if not text.strip():
        raise CliError("No names given: list them one per line, or separated by ; or ,.")
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        if meeting.status is MeetingStatus.CANCELLED:
            raise CliError(f"Meeting {meeting.id} was cancelled: it has no register.")
        rows = {r.member.id: r for r in store.meetings.register(meeting.id)}
        matched, unmatched = match_names(text, [r.member for r in rows.values()])
        others = [m for m in store.members() if not m.is_vacant and m.id not in rows]
        off_register = {}
        for line in unmatched:
            found, _ = match_names(line, others)
            if len(found) == 1:
                off_register[line] = found[0]
        to_record = [m for m in matched if rows[m.id].entry is None or rows[m.id].status is AttendanceStatus.APOLOGIES]
        kept = [m for m in matched if m not in to_record]
        if to_record and not args.dry_run:
            store.meetings.record_many(meeting.id, {m.id: (AttendanceStatus.APOLOGIES, None, "") for m in to_record})
        q = store.meetings.quorum(meeting.id)
    if args.json:
        emit_json({
            "meeting_id": meeting.id,
            "dry_run": args.dry_run,
            "read_as": read_as or None,
            "recorded": [{"member_id": m.id, "name": m.name} for m in to_record],
            "already_recorded": [{"member_id": m.id, "name": m.name, "status": status_code(rows[m.id].status)}
                                 for m in kept],
            "unmatched": [{"text": line, "member_id": off_register[line].id if line in off_register else None,
                           "reason": "not on this meeting's register" if line in off_register else "no single member matches"}
                          for line in unmatched],
        })
        return 0
    if read_as:
        print(read_as)
    verb = "Would record" if args.dry_run else "Recorded"
    print(f"{verb} apologies for {len(to_record)} member{'s' if len(to_record) != 1 else ''}"
          f" at {meeting_line(meeting)}" + (":" if to_record else "."))
    for m in to_record:
        print(f"  {m.display_name} (member {m.id}, {rows[m.id].agency.label})")
    if kept:
        print("Already recorded otherwise, left as they are (change with 'mqp attendance record'):")
        for m in kept:
            print(f"  {m.display_name} (member {m.id}): {rows[m.id].status.value}")
    if unmatched:
        print("Not matched, so nothing recorded (check the spelling, or record by id):")
        for line in unmatched:
            if line in off_register:
                m = off_register[line]
                print(f"  {line}  - {m.display_name} (member {m.id}) was not a member on {day(meeting.date)}")
            else:
                print(f"  {line}")
    if args.dry_run:
        print("Dry run: nothing was saved.")
    else:
        print(quorum_text(q, meeting))
    return 0


# --- attendance guest -------------------------------------------------------------------------

def cmd_guest(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        if args.remove is not None:
            if any(o is not None for o in (args.name, args.organisation, args.item)):
                raise CliError("--remove takes only the guest's id; --name, --organisation and --item add a guest.")
            guests = {g.id: g for g in store.meetings.guests(meeting.id)}
            if args.remove not in guests:
                listed = ", ".join(f"{g.id}={g.name}" for g in guests.values())
                raise CliError(f"--remove: meeting {meeting.id} has no guest with id {args.remove}"
                               + (f" (its guests: {listed})." if listed else "; it has no guests."))
            store.meetings.remove_guest(args.remove)
            print(f"Removed {guests[args.remove].name} (guest {args.remove}) from those in attendance"
                  f" at meeting {meeting.id}.")
            return 0
        if args.name is None or not args.name.strip():
            raise CliError("--name: give the guest's name (or --remove ID to remove one).")
        guest = store.meetings.add_guest(meeting.id, Guest(name=args.name, organisation=args.organisation or "",
                                                          item=args.item or ""))
    print(f"Added {guest.name}" + (f" ({guest.organisation})" if guest.organisation else "")
          + (f" for '{guest.item}'" if guest.item else "")
          + f" as guest {guest.id} in attendance at meeting {meeting.id}; guests never count toward quorum.")
    return 0


# --- attendance show --------------------------------------------------------------------------

def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        rows = store.meetings.register(meeting.id)
        guests = store.meetings.guests(meeting.id)
        q = store.meetings.quorum(meeting.id)
        summary = next(s for s in store.meetings.summaries() if s.meeting.id == meeting.id)
    if args.json:
        emit_json({
            "meeting": meeting_record(meeting, summary),
            "register": [register_record(r) for r in rows],
            "guests": [guest_record(g) for g in guests],
            "recorded": q.recorded,
            "expected": q.expected,
            "quorate": q.result.quorate if q.recorded else None,
        })
        return 0
    print(f"Register of {meeting_line(meeting)}")
    if meeting.status is MeetingStatus.CANCELLED:
        print("The meeting was cancelled: it has no register.")
    if rows:
        table_rows = [
            [r.member.id, r.member.display_name, r.agency.label + (" *" if r.agency.statutory else ""),
             r.status.value if r.status else "-", r.entry.deputy_name if r.entry else "",
             r.entry.note if r.entry else ""]
            for r in rows
        ]
        print(table(["ID", "Member", "Agency", "Status", "Deputy", "Note"], table_rows,
                    max_widths={"Member": 32, "Agency": 28, "Note": 40}))
        print("* statutory agency")
    else:
        print(f"No member was in post on {day(meeting.date)}.")
    counts = {}
    for r in rows:
        key = r.status.value if r.status else "not recorded"
        counts[key] = counts.get(key, 0) + 1
    print(f"\n{q.recorded} of {q.expected} recorded" + (": " + ", ".join(f"{n} {k}" for k, n in counts.items())
                                                       if counts else "") + ".")
    if guests:
        print("In attendance (not members; never counted):")
        for g in guests:
            print(f"  guest {g.id}: {g.name}" + (f", {g.organisation}" if g.organisation else "")
                  + (f" - {g.item}" if g.item else ""))
    print(quorum_text(q, meeting))
    return 0


# --- quorum -----------------------------------------------------------------------------------

def cmd_quorum(args: argparse.Namespace) -> int:
    if args.note is not None and args.decide is None:
        raise CliError("--note goes with --decide proceed|reconvene.")
    if args.wait is not None and args.decide != "proceed":
        raise CliError("--wait goes with --decide proceed: the items named wait for a quorate meeting, the others "
                       "proceed.")
    with editing_store(args, writes=args.decide is not None) as store:
        meeting = resolve_meeting(store, args.meeting)
        if args.decide is not None:
            _decide(store, meeting, args)
            meeting = store.meetings.get(meeting.id)
        rows = store.meetings.register(meeting.id)
        q = store.meetings.quorum(meeting.id)
        names = {a.id: a.name for a in store.agencies()}
        lines = store.agendas.agenda(meeting.id).lines
        numbers = {ln.item.id: ln.number for ln in lines}
        earlier = store.meetings.items_waiting_for(meeting.id)
    record = quorum_record(meeting, q, rows, names, numbers, earlier)
    if args.json:
        emit_json(record)
        return 0

    def agencies(items) -> str:
        return ", ".join(a["short_name"] or a["name"] for a in items) or "none"

    def how(item) -> str:
        who = "; ".join(
            (f"{w['deputy_name']} for {w['name']}" if w["status"] == "deputy" else w["name"]) for w in item["attended_by"]
        )
        return f"{item['short_name'] or item['name']} ({who})"

    print(f"Quorum of {meeting_line(meeting)}")
    print(f"Rule: {record['rule']['text']}")
    print(f"Register: {q.recorded} of {q.expected} recorded.")
    print(quorum_text(q, meeting))
    if record["counted"]:
        print("Counted: " + "; ".join(how(a) for a in record["counted"]))
    if record["missing"]:
        print(f"Missing: {agencies(record['missing'])}")
    if record["present_not_counting"]:
        print(f"Present, not counted by the rule: {agencies(record['present_not_counting'])}")
    if q.result.others:
        print(f"Others counted ({len(q.result.others)} of {q.result.others_needed} needed): "
              + ", ".join(q.result.others))
    if meeting.chair_decision:
        print(f"Chair's decision: {meeting.chair_decision.value}"
              + (f" - {meeting.chair_decision_note}" if meeting.chair_decision_note else ""))
    if meeting.items_waiting:
        print("Waiting for a quorate meeting: "
              + ", ".join(f"{ln.number} ({ln.item.title})" for ln in lines if ln.item.id in meeting.items_waiting))
    if earlier:
        print("Waiting from earlier meetings: " + "; ".join(waiting_words(earlier)))
    return 0


def _decide(store, meeting: Meeting, args: argparse.Namespace) -> None:
    note = (args.note or "").strip()
    if not note:
        raise CliError("--note: record why the chair decided, e.g. --note \"Police unable to attend; items for information only\".")
    if meeting.status is MeetingStatus.CANCELLED:
        raise CliError(f"Meeting {meeting.id} was cancelled: there is no quorum to decide on.")
    if not store.meetings.entries(meeting.id):
        raise CliError(f"No attendance is recorded for meeting {meeting.id} yet: take the register first"
                       f" ('mqp attendance record {meeting.id} ...').")
    before = meeting.chair_decision
    waiting: list[int] = []
    for part in (args.wait or "").split(","):
        if part.strip():
            try:
                waiting.append(store.agendas.find_item(meeting.id, part).id)
            except ValidationError as exc:
                raise CliError(f"--wait: {exc.message.rstrip('.')} (see 'mqp agenda show {meeting.id}').") from None
    if args.wait is not None and not waiting:
        raise CliError("--wait: name the agenda items that wait by number, e.g. --wait 5,6.1.")
    meeting = store.meetings.record_decision(meeting.id, ChairDecision(args.decide), note, items_waiting=waiting)
    print(f"Recorded the chair's decision to {meeting.chair_decision.value} for meeting {meeting.id}"
          + (f" (was: {before.value})" if before and before is not meeting.chair_decision else "") + ".")
    if meeting.items_waiting:
        lines = store.agendas.agenda(meeting.id).lines
        print("Waiting for the next quorate meeting: items "
              + ", ".join(ln.number for ln in lines if ln.item.id in meeting.items_waiting)
              + "; the other items proceed.")
    if meeting.chair_decision is ChairDecision.RECONVENE:
        print(f"Plan the reconvened meeting with 'mqp meetings reconvene {meeting.id} --date DATE'.")
    print()


# --- parsers ----------------------------------------------------------------------------------

def add_parsers(commands, new_parser) -> None:
    attendance = new_parser(
        commands, "attendance", "a meeting's register: record, apologies, guest, show",
        "Take a meeting's attendance register (ToR 5): every member in post on its date, once.",
        "examples:\n  mqp attendance record 6 --everyone\n  mqp attendance apologies 6 --text \"Dr Helen Carter; DI Mark Ellison\"\n"
        "  mqp attendance show 6", db=False)
    sub = attendance.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "record", "record a member's, an agency's or everyone's attendance",
                   "Record attendance at a meeting for one or more members, for an agency's members on the\n"
                   "register, or (--everyone) mark every member not yet recorded present. A deputy counts\n"
                   "for the member's agency; without --deputy the member's nominated deputy is used.",
                   "statuses: present, deputy (deputy attended), apologies (apologies sent),\n"
                   "absent (absent without apologies), clear (remove the entry).\n\n"
                   "examples:\n  mqp attendance record 6 --member 10 --status apologies\n"
                   "  mqp attendance record 6 --member \"Dr Helen Carter\" --status deputy --deputy \"Dr Ravi Shah\"\n"
                   "  mqp attendance record next --agency Police --status deputy --deputy \"DS Karen Osei\"\n"
                   "  mqp attendance record 6 --member 10 --member 11 --status absent --note \"No reply\"\n"
                   "  mqp attendance record 6 --everyone")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", metavar="ID|NAME", action="append",
                     help="a member on the meeting's register, by id or name (repeat for several)")
    who.add_argument("--agency", metavar="ID|NAME", help="every member of this agency on the register")
    who.add_argument("--everyone", action="store_true", help="every member not yet recorded: present")
    p.add_argument("--status", metavar="STATUS", help="present, deputy, apologies, absent or clear")
    p.add_argument("--deputy", metavar="NAME", help="the deputy who attended (with --status deputy)")
    p.add_argument("--note", metavar="TEXT", help="a note on the entry")
    p.set_defaults(func=cmd_record)

    p = new_parser(sub, "apologies", "record apologies from a pasted list of names",
                   "Record apologies for the members named in a list (as received by email): one name per\n"
                   "line, or separated by ; or ,. A name matches a member on the meeting's register when it\n"
                   "is their name (ignoring case and titles such as Dr, DI, Cllr) or their email address.\n"
                   "Unmatched names are listed, never guessed; members already recorded otherwise are left.",
                   "A --from-file that is not UTF-8 (or UTF-16 with a byte order mark) has its encoding guessed,\n"
                   "and the output says so; one with a stray non-UTF-8 byte in UTF-8 text is refused by line.\n\n"
                   "JSON (--json): one object with the keys meeting_id, dry_run, read_as (how a --from-file\n"
                   "was read when its encoding was guessed, else null), recorded [member_id,\n"
                   "name], already_recorded [member_id, name, status], unmatched [text, member_id (a\n"
                   "member not on this register, or null), reason].\n\n"
                   "examples:\n  mqp attendance apologies next --text \"Dr Helen Carter; DI Mark Ellison\"\n"
                   "  mqp attendance apologies 7 --from-file apologies.txt --dry-run")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-file", metavar="FILE", help="a text file of names (UTF-8; another encoding is guessed and said)")
    source.add_argument("--text", metavar="NAMES", help="the names, separated by ; or , or new lines")
    p.add_argument("--dry-run", action="store_true", help="show what would be matched; save nothing")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_apologies)

    p = new_parser(sub, "guest", "add or remove someone 'in attendance' who is not a member",
                   "Guests (in attendance: presenters, officers) are listed with the meeting and never\n"
                   "count toward quorum or attendance rates.",
                   "examples:\n  mqp attendance guest 6 --name \"Dr Ama Boateng\" --organisation \"Performance Team\""
                   " --item \"Quarterly dataset\"\n  mqp attendance guest 6 --remove 3")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--name", metavar="TEXT", help="the guest's name")
    p.add_argument("--organisation", metavar="TEXT", help="their organisation")
    p.add_argument("--item", metavar="TEXT", help="the agenda item they attend for")
    p.add_argument("--remove", metavar="GUEST_ID", type=int, help="remove this guest (ids: 'mqp attendance show')")
    p.set_defaults(func=cmd_guest)

    p = new_parser(sub, "show", "a meeting's register, guests and quorum",
                   "Show the register of a meeting: every member expected, their status and deputy, the\n"
                   "guests in attendance, and the quorum.",
                   REGISTER_JSON_KEYS + "\n\nexamples:\n  mqp attendance show 6\n  mqp attendance show last --json")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    p = new_parser(commands, "quorum", "a meeting's quorum; record the chair's decision",
                   "Whether a meeting is quorate under the subcommittee's rule (ToR 3; the rule kept with a\n"
                   "held meeting), which agencies count and how (a deputy counts for the member's agency),\n"
                   "which are missing. With --decide, record the chair's decision on an inquorate meeting:\n"
                   "proceed (decisions are then marked as taken while inquorate), with --wait naming the\n"
                   "agenda items that wait for a quorate meeting while the others proceed, or reconvene.",
                   QUORUM_JSON_KEYS + "\n\nexamples:\n  mqp quorum 6\n  mqp quorum last --json\n"
                   "  mqp quorum 2 --decide proceed --note \"Police unable to attend; decisions to be ratified\"\n"
                   "  mqp quorum 2 --decide proceed --wait 5,7 --note \"Budget and strategy sign-off wait for a quorum\"\n"
                   "  mqp quorum 2 --decide reconvene --note \"Only one statutory partner present\"")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--decide", choices=[d.value for d in ChairDecision],
                   help="record the chair's decision: proceed or reconvene")
    p.add_argument("--note", metavar="TEXT", help="the reason for the decision (required with --decide)")
    p.add_argument("--wait", metavar="NUMBERS",
                   help="with --decide proceed: the agenda items (by number, comma-separated) that wait for a"
                        " quorate meeting; a top-level item waits with its sub-items")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_quorum)


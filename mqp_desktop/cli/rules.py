"""``mqp rules ...``: the subcommittee and the rules it runs by (ToR 2, 3, 5, 12)."""

from __future__ import annotations

import argparse
import dataclasses
import re

from mqp_desktop.cli.common import (
    CliError,
    date_option,
    editing_store,
    member_id_or_none,
    opened_store,
    resolve_agencies,
    today,
)
from mqp_desktop.cli.output import day, emit_json, fields, subcommittee_record
from mqp_desktop.domain.governance.common import add_months
from mqp_desktop.domain.model import FrequencyUnit, Office, Subcommittee
from mqp_desktop.domain.quorum import AgencySet, OthersUnit, QuorumKind, QuorumRule, QuorumRuleError
from mqp_desktop.domain.validation import ValidationError

RULES_JSON_KEYS = """\
JSON (--json): one object with the keys
  id, name, short_name, partnership, reporting_line, frequency_interval (a
  number), frequency_unit ("weeks" | "months"), frequency (in words),
  attendance_standard (per cent), deputy_counts_for_member (true/false),
  quorum_rule {kind ("at_least" | "all_of" | "all_and_at_least" | "none"),
  count (at least this many: of the set, or others for all_and_at_least),
  agency_set ("statutory" | "lead_partners" | "named" | "any"), agency_ids,
  agencies (their names), shared_seats (lists of agency ids, any one of which
  fills the seat), shared_seat_agencies (their names), others ("agencies" |
  "members": what all_and_at_least counts as others), quorum_set (false for
  "none"), chair_may_proceed (true/false), description (in words)},
  tor_version, tor_signed_off, tor_review_due (YYYY-MM-DD or null),
  chair and co_chair {member_id, name, appointed, review_due}."""

_FREQUENCY = re.compile(r"^(\d+)\s*[- ]?\s*(weeks?|months?)$", re.IGNORECASE)
_FREQUENCY_WORDS = {
    "weekly": (1, FrequencyUnit.WEEKS),
    "fortnightly": (2, FrequencyUnit.WEEKS),
    "monthly": (1, FrequencyUnit.MONTHS),
    "bi-monthly": (2, FrequencyUnit.MONTHS),
    "bimonthly": (2, FrequencyUnit.MONTHS),
    "quarterly": (3, FrequencyUnit.MONTHS),
}


def parse_frequency(text: str) -> tuple[int, FrequencyUnit]:
    key = text.strip().lower()
    if key in _FREQUENCY_WORDS:
        return _FREQUENCY_WORDS[key]
    match = _FREQUENCY.match(key)
    if match and int(match.group(1)) >= 1:
        unit = FrequencyUnit.WEEKS if match.group(2).startswith("week") else FrequencyUnit.MONTHS
        return int(match.group(1)), unit
    raise ValidationError(
        "frequency",
        f"'{text}' is not a meeting frequency: write it as 2-months, 6-weeks, monthly, bi-monthly or quarterly.",
    )


def parse_percentage(text: str) -> int:
    value = text.strip().rstrip("%").strip()
    if not value.isdigit() or not 0 <= int(value) <= 100:
        raise ValidationError(
            "attendance_standard", f"'{text}' is not an attendance standard: give a whole percentage from 0 to 100, e.g. 80."
        )
    return int(value)


def _office_text(office: Office, names: dict[int, str]) -> str:
    if office.member_id is None:
        return "(none appointed)"
    text = f"{names.get(office.member_id, '?')} (member {office.member_id})"
    if office.appointed:
        text += f", appointed {day(office.appointed)}"
    if office.review_due:
        text += f", review due {day(office.review_due)}"
    return text


def show_rules(store, *, as_json: bool) -> None:
    s = store.subcommittee()
    agencies = {a.id: a for a in store.agencies()}
    members = {m.id: m for m in store.members()}
    if as_json:
        emit_json(subcommittee_record(s, agencies, members))
        return
    names = {i: m.display_name for i, m in members.items()}
    on = today()
    statutory = sorted((a for a in agencies.values() if a.statutory and a.is_active(on)), key=lambda a: a.label.lower())
    tor = s.tor_version or "(no version recorded)"
    if s.tor_signed_off:
        tor += f", signed off {day(s.tor_signed_off)}"
    if s.tor_review_due:
        tor += f", review due {day(s.tor_review_due)}"
    print(s.name + (f" ({s.short_name})" if s.short_name else ""))
    print(fields([
        ("Partnership", s.partnership),
        ("Reports to", s.reporting_line),
        ("Meets", s.frequency_text),
        ("Attendance standard", f"{s.attendance_standard}%"),
        ("Deputy counts for member", "yes" if s.deputy_counts_for_member else
         "no (a deputy counts for the agency, and is shown apart for the member)"),
        ("Quorum", s.quorum_rule.describe({i: a.name for i, a in agencies.items()})),
        ("Statutory agencies", ", ".join(f"{a.label} ({a.id})" for a in statutory) or "(none marked statutory)"),
        ("Terms of Reference", tor),
        ("Chair", _office_text(s.chair, names)),
        ("Co-chair", _office_text(s.co_chair, names)),
    ]))


def cmd_rules_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        show_rules(store, as_json=args.json)
    return 0


def _set_office(store, office: Office, holder: str | None, appointed: str | None, review_due: str | None,
                option: str, notes: list[str]) -> Office:
    """The office with the options applied.

    A new holder without dates is appointed today and reviewed a year after
    appointment (ToR 2: chairing is reviewed annually); clearing the holder
    clears the dates.
    """
    office = dataclasses.replace(office)
    new_holder = False
    if holder is not None:
        new_id = member_id_or_none(holder, option)
        if new_id is not None:
            member = store.member(new_id)
            if member.end_date is not None and member.end_date < today():
                raise CliError(f"{option}: {member.display_name} (member {new_id}) has ended; choose a member in post.")
        if new_id != office.member_id:
            office.member_id = new_id
            office.appointed = office.review_due = None
            new_holder = new_id is not None
    if appointed is not None:
        office.appointed = date_option(appointed, f"{option}-appointed")
    if review_due is not None:
        office.review_due = date_option(review_due, f"{option}-review-due")
    if new_holder:
        guessed = []
        if appointed is None:
            office.appointed = today()
            guessed.append(f"appointed today ({option}-appointed DATE to change)")
        if review_due is None and office.appointed is not None:
            office.review_due = add_months(office.appointed, store.governance.documents.review_interval())
            guessed.append(f"review due {day(office.review_due)} ({option}-review-due DATE to change)")
        if guessed:
            notes.append(f"{option.lstrip('-')}: " + "; ".join(guessed))
    return office


SETTING_OPTIONS = (
    "name", "short_name", "partnership", "reporting_line", "frequency", "attendance_standard",
    "tor_version", "tor_signed_off", "tor_review_due", "chair", "chair_appointed", "chair_review_due",
    "co_chair", "co_chair_appointed", "co_chair_review_due", "chair_may_proceed", "deputy_counts_for_member",
)


def cmd_rules_set(args: argparse.Namespace) -> int:
    if all(getattr(args, o) is None for o in SETTING_OPTIONS):
        raise CliError("Nothing to change: give at least one option, e.g. --attendance-standard 80 (see 'mqp rules set --help').")
    with editing_store(args) as store:
        old = store.subcommittee()
        s = dataclasses.replace(old)
        for option in ("name", "short_name", "partnership", "reporting_line", "tor_version"):
            value = getattr(args, option)
            if value is not None:
                setattr(s, option, value.strip())
        if args.frequency is not None:
            s.frequency_interval, s.frequency_unit = parse_frequency(args.frequency)
        if args.attendance_standard is not None:
            s.attendance_standard = parse_percentage(args.attendance_standard)
        if args.tor_signed_off is not None:
            s.tor_signed_off = date_option(args.tor_signed_off, "--tor-signed-off")
        if args.tor_review_due is not None:
            s.tor_review_due = date_option(args.tor_review_due, "--tor-review-due")
        notes: list[str] = []
        s.chair = _set_office(store, s.chair, args.chair, args.chair_appointed, args.chair_review_due, "--chair", notes)
        s.co_chair = _set_office(store, s.co_chair, args.co_chair, args.co_chair_appointed, args.co_chair_review_due,
                                 "--co-chair", notes)
        if args.chair_may_proceed is not None:
            s.quorum_rule = dataclasses.replace(s.quorum_rule, chair_may_proceed=args.chair_may_proceed)
        if args.deputy_counts_for_member is not None:
            s.deputy_counts_for_member = args.deputy_counts_for_member == "yes"
        _save(store, old, s, notes)
    return 0


def _save(store, old: Subcommittee, new: Subcommittee, notes: list[str]) -> None:
    saved = store.update_subcommittee(new)
    print("No change: the settings already say that." if saved == old else "Saved.")
    for note in notes:
        print(f"Note: {note}.")
    print()
    show_rules(store, as_json=False)


KIND_NAMES = {"at-least": QuorumKind.AT_LEAST, "all-of": QuorumKind.ALL_OF,
              "all-and-at-least": QuorumKind.ALL_AND_AT_LEAST, "none": QuorumKind.NONE}


def _quorum_rule(store, args: argparse.Namespace, current: QuorumRule) -> QuorumRule:
    """The rule the options describe (the current one's chair choice kept unless given)."""
    kind = KIND_NAMES[args.rule]
    may_proceed = current.chair_may_proceed if args.chair_may_proceed is None else args.chair_may_proceed
    if kind is QuorumKind.NONE:
        return QuorumRule(kind=kind, chair_may_proceed=may_proceed)
    count = args.count if kind is not QuorumKind.ALL_OF else current.count
    agency_ids: tuple[int, ...] = ()
    seats: list[tuple[int, ...]] = []
    for text in args.seat or ():
        agencies = resolve_agencies(store, [text], "--seat")
        if len(agencies) < 2:
            raise CliError(f"--seat {text!r}: a shared seat names two or more agencies, any one of which fills it, "
                           "e.g. --seat \"SWL ICB,CLCH\".")
        seats.append(tuple(a.id for a in agencies))
    if (args.statutory or args.lead_partners or getattr(args, "any", False)) and seats:
        raise CliError("--seat goes with named agencies: use --agencies LIST --seat LIST, not a whole set.")
    if args.agencies or seats:
        agency_set = AgencySet.NAMED
        if args.agencies:
            agency_ids = tuple(a.id for a in resolve_agencies(store, args.agencies))
        n_seats = len(agency_ids) + len(seats)
        if kind is QuorumKind.AT_LEAST and count > n_seats:
            raise CliError(
                f"At least {count} of {n_seats} named seats can never be met: name more agencies or lower the number."
            )
    elif args.any:
        agency_set = AgencySet.ANY
    elif args.lead_partners:
        agency_set = AgencySet.LEAD_PARTNERS
    elif args.statutory:
        agency_set = AgencySet.STATUTORY
    else:
        raise CliError("Choose the agencies the rule counts: --statutory, --lead-partners"
                       + (", --any" if kind is QuorumKind.AT_LEAST else "") + " or --agencies LIST (and --seat LIST).")
    others = OthersUnit(args.others) if getattr(args, "others", None) else current.others
    if kind is not QuorumKind.ALL_AND_AT_LEAST:
        others = OthersUnit.AGENCIES
    try:
        return QuorumRule(kind=kind, count=count, agency_set=agency_set, agency_ids=agency_ids,
                          shared_seats=tuple(seats), others=others, chair_may_proceed=may_proceed)
    except QuorumRuleError as exc:
        raise CliError(str(exc)) from None


def cmd_rules_quorum(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        old = store.subcommittee()
        rule = _quorum_rule(store, args, old.quorum_rule)
        notes = []
        on = today()
        active = [a for a in store.agencies() if a.is_active(on)]
        if rule.agency_set is AgencySet.STATUTORY:
            pool = [a for a in active if a.statutory]
        elif rule.agency_set is AgencySet.LEAD_PARTNERS:
            pool = [a for a in active if a.partner_class.value == "lead safeguarding partner"]
        else:
            pool = active
        if not rule.quorum_set:
            notes.append("every meeting now counts as quorate; the register and minutes say that no quorum is set")
        elif rule.agency_set not in (AgencySet.NAMED,) and rule.kind is QuorumKind.AT_LEAST and rule.count > len(pool):
            words = {AgencySet.STATUTORY: "statutory ", AgencySet.LEAD_PARTNERS: "lead partner "}.get(rule.agency_set, "")
            notes.append(f"only {len(pool)} {words}agencies are active, so this rule cannot be met until more are added")
        if rule.quorum_set and rule.agency_set is AgencySet.STATUTORY and not pool:
            notes.append("no active agency is marked statutory: mark them with 'mqp agencies edit ID --statutory'")
        if rule.quorum_set and rule.agency_set is AgencySet.LEAD_PARTNERS and not pool:
            notes.append("no active agency is a lead safeguarding partner: set it with "
                         "'mqp agencies edit ID --partner-class lead'")
        if rule.kind is QuorumKind.ALL_AND_AT_LEAST and rule.others is OthersUnit.AGENCIES:
            in_set = {a.id for a in pool} if rule.agency_set is not AgencySet.NAMED else set(rule.all_agency_ids)
            outside = [a for a in active if a.id not in in_set]
            if rule.count > len(outside):
                notes.append(f"only {len(outside)} other agencies are active, so this rule cannot be met until "
                             "more are added")
        _save(store, old, dataclasses.replace(old, quorum_rule=rule), notes)
    return 0


# --- parsers ------------------------------------------------------------------------------

def _chair_decision(p: argparse.ArgumentParser, *, keeping: str) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("--chair-may-proceed", dest="chair_may_proceed", action="store_const", const=True, default=None,
                       help="when the rule is not met, the chair decides whether to proceed or reconvene (ToR 3)")
    group.add_argument("--must-reconvene", dest="chair_may_proceed", action="store_const", const=False,
                       help=f"when the rule is not met, the meeting must be reconvened ({keeping})")


QUORUM_EPILOG = """\
The rule kinds:
  at-least N --statutory          at least N statutory agencies present (the Wandsworth ToR: 3)
  at-least N --lead-partners      at least N lead safeguarding partners present
  at-least N --any                at least N different agencies of any kind present
  at-least N --agencies LIST      at least N of the named agencies present
  all-of --statutory              every statutory agency present
  all-of --lead-partners          every lead safeguarding partner present
  all-of --agencies LIST          every one of the named agencies present
  all-and-at-least N --lead-partners [--others members]
                                  every lead partner and at least N other agencies
                                  (or, with --others members, N other members)
  none                            no quorum is set in the Terms of Reference: every
                                  meeting counts as quorate, and the register and
                                  minutes say that no quorum is set
LIST is comma-separated agency ids, names or short names (see 'mqp agencies list').
--seat LIST (repeatable) adds a shared seat to the named agencies: any one of its
agencies fills it, and it counts once whichever attends ("the ICB or another
nominated health trust"); --seat alone names the set.
Without --chair-may-proceed / --must-reconvene the current choice is kept.
An agency is present when one of its members, or that member's deputy, attends;
counting members, a deputy counts for their member.

examples:
  mqp rules quorum at-least 3 --statutory --chair-may-proceed
  mqp rules quorum at-least 5 --any
  mqp rules quorum at-least 2 --agencies 1,2,4
  mqp rules quorum all-of --agencies "LA Children's Services,SWL ICB,Police" --must-reconvene
  mqp rules quorum all-of --agencies "LA Children's Services,Police" --seat "SWL ICB,CLCH"
  mqp rules quorum all-and-at-least 3 --lead-partners
  mqp rules quorum all-and-at-least 2 --lead-partners --others members
  mqp rules quorum none"""


def add_parsers(commands, new_parser) -> None:
    rules = new_parser(commands, "rules", "the subcommittee and its rules (quorum, frequency, chair...)",
                       "Show or change the subcommittee's settings and quorum rule.",
                       "examples:\n  mqp rules show\n  mqp rules set --frequency 6-weeks --attendance-standard 75\n"
                       "  mqp rules quorum at-least 3 --statutory", db=False)
    sub = rules.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "show", "show the subcommittee and its rules",
                   "Show the subcommittee, its quorum rule in words, the chair and co-chair, and the ToR dates.",
                   RULES_JSON_KEYS + "\n\nexamples:\n  mqp rules show\n  mqp rules show --json")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_rules_show)

    p = new_parser(sub, "set", "change any setting except the quorum rule's kind",
                   "Change the subcommittee's settings; options not given are left as they are.\n"
                   "Set the quorum rule itself with 'mqp rules quorum'.",
                   "Dates: YYYY-MM-DD or DD/MM/YYYY; '' clears a date.\n"
                   "Appointing a new chair or co-chair without dates sets appointed = today and\n"
                   "review due = a year later (ToR 2: chairing is reviewed annually).\n\n"
                   "examples:\n"
                   "  mqp rules set --name \"Quality Assurance Subcommittee\" --partnership \"Anytown Safeguarding Children Partnership\"\n"
                   "  mqp rules set --reporting-line \"ASCP Executive\" --frequency 6-weeks --attendance-standard 75\n"
                   "  mqp rules set --tor-version \"v2 (2025)\" --tor-signed-off 2025-01-31 --tor-review-due 2026-01-31\n"
                   "  mqp rules set --chair 12 --chair-appointed 01/04/2024 --chair-review-due 01/04/2025 --co-chair 3\n"
                   "  mqp rules set --co-chair none\n"
                   "  mqp rules set --deputy-counts-for-member yes")
    p.add_argument("--name", help="the subcommittee's name")
    p.add_argument("--short-name", help="its short name, e.g. 'MQ&P'")
    p.add_argument("--partnership", help="the partnership it belongs to")
    p.add_argument("--reporting-line", metavar="TEXT", help="whom it reports to, e.g. 'WSCP Executive'")
    p.add_argument("--frequency", metavar="EVERY",
                   help="how often it meets: N-weeks or N-months (2-months, 6-weeks, 3-months), "
                        "or monthly, bi-monthly, quarterly, weekly, fortnightly")
    p.add_argument("--attendance-standard", metavar="PERCENT", help="the attendance standard, 0-100 (ToR 5: 80)")
    p.add_argument("--tor-version", metavar="TEXT", help="the Terms of Reference version, e.g. 'January 2023'")
    p.add_argument("--tor-signed-off", metavar="DATE", help="the date the ToR were signed off")
    p.add_argument("--tor-review-due", metavar="DATE", help="the date the ToR are due for review (ToR 12)")
    p.add_argument("--chair", metavar="MEMBER_ID", help="the chair: a member id, or 'none'")
    p.add_argument("--chair-appointed", metavar="DATE", help="the chair's appointment date")
    p.add_argument("--chair-review-due", metavar="DATE", help="the date the chairing is due for review")
    p.add_argument("--co-chair", metavar="MEMBER_ID", help="the co-chair: a member id, or 'none'")
    p.add_argument("--co-chair-appointed", metavar="DATE", help="the co-chair's appointment date")
    p.add_argument("--co-chair-review-due", metavar="DATE", help="the date the co-chairing is due for review")
    _chair_decision(p, keeping="the quorum rule itself is set with 'mqp rules quorum'")
    p.add_argument("--deputy-counts-for-member", choices=["yes", "no"],
                   help="whether a deputy's attendance counts toward the member's own attendance rate"
                        " (it always counts for the agency)")
    p.set_defaults(func=cmd_rules_set)

    quorum = new_parser(sub, "quorum", "set the quorum rule",
                        "Set the quorum rule (ToR 3): 'at-least N' agencies from a set, 'all-of' a set, every one of\n"
                        "a set 'and at least N' others, or 'none' when the Terms of Reference set no quorum.",
                        QUORUM_EPILOG, db=False)
    kinds = quorum.add_subparsers(dest="rule", metavar="RULE", required=True)
    for name, help_ in (("at-least", "at least N agencies of a set must be present"),
                        ("all-of", "every agency of a set must be present"),
                        ("all-and-at-least", "every agency of a set and at least N others must be present"),
                        ("none", "no quorum is set in the Terms of Reference")):
        p = new_parser(kinds, name, help_, f"Quorum: {help_}.", QUORUM_EPILOG)
        p.set_defaults(func=cmd_rules_quorum, any=False, statutory=False, lead_partners=False, agencies=None,
                       seat=None, others=None, count=None)
        _chair_decision(p, keeping="otherwise the current choice is kept")
        if name == "none":
            continue
        if name == "at-least":
            p.add_argument("count", metavar="N", type=int, help="how many agencies must be present (1 or more)")
        if name == "all-and-at-least":
            p.add_argument("count", metavar="N", type=int, help="how many others must be present (1 or more)")
            p.add_argument("--others", choices=[u.value for u in OthersUnit],
                           help="count the others as agencies (the default) or as members")
        group = p.add_mutually_exclusive_group()
        group.add_argument("--statutory", action="store_true", help="agencies marked statutory")
        group.add_argument("--lead-partners", action="store_true",
                           help="agencies whose partner class is lead safeguarding partner")
        if name == "at-least":
            group.add_argument("--any", action="store_true", help="any agency on the subcommittee")
        group.add_argument("--agencies", metavar="LIST", action="append",
                           help="the named agencies: comma-separated ids, names or short names")
        p.add_argument("--seat", metavar="LIST", action="append",
                       help="a shared seat of the named set: two or more agencies, any one of which fills it "
                            "(repeat for several)")

"""``mqp subcommittees ...`` and ``mqp transfers ...``: the partnership's bodies and work transfers (ToR 1, 8).

The JSON records here are part of the command line's public interface (see ``output.py``): plain keys that
stay stable, ISO dates, state and answer words the commands accept back.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, today
from mqp_desktop.cli.meeting_records import date_arg
from mqp_desktop.cli.output import day, emit_json, fields, iso, table
from mqp_desktop.domain.partnership import (
    FILTERS,
    Direction,
    PartnershipBody,
    WorkTransfer,
    costs_required,
    next_step,
    state_text,
)

BODY_JSON_KEYS = """\
  Body objects: id, name, short_name, kind ("executive" | "training_workforce" | "subcommittee"),
  executive (true/false), training_workforce (true/false: the Training, Workforce & Development
  subcommittee), chair_name, chair_email, notes, ended_on (YYYY-MM-DD or null), current
  (true/false), version (give it to 'edit --expect-version')."""

TRANSFER_JSON_KEYS = """\
  Transfer objects: id, reference ("WT-2026-003"), direction ("from us" | "to us"), body_id,
  body (the other subcommittee's name), body_short, work, reason, outcomes, priorities (a list of
  the partnership's priorities), projected_costs, costs_required (true when it goes to Training,
  Workforce & Development), written_on, sent_on, answer_due, state ("drafted" | "sent" |
  "accepted" | "declined" | "escalated" | "decided" | "withdrawn"), overdue (true: sent and the
  answer past answer_due), days_overdue, answer ("accepted" | "declined" | null), answer_reason,
  answered_on, answer_file (the letter or email kept: {id, file_name, media_type, size, sha256},
  or null), escalated_on, escalation_note, decision (the Executive's), decided_on, withdrawn_on,
  withdrawn_reason, next_step (in words), version (give it to 'edit --expect-version').
  Dates are YYYY-MM-DD or null."""

REF_HELP = "the transfer's reference (WT-2026-003) or id"
BODY_HELP = "a subcommittee by name, short name or id ('mqp subcommittees list')"
DATES = "Dates: YYYY-MM-DD (2026-03-31) or DD/MM/YYYY (31/03/2026)."


# --- records ------------------------------------------------------------------------------------------

def body_record(b: PartnershipBody, on: dt.date) -> dict[str, Any]:
    kind = "executive" if b.executive else ("training_workforce" if b.training_workforce else "subcommittee")
    return {
        "id": b.id, "name": b.name, "short_name": b.short_name, "kind": kind, "executive": b.executive,
        "training_workforce": b.training_workforce, "chair_name": b.chair_name, "chair_email": b.chair_email,
        "notes": b.notes, "ended_on": iso(b.ended_on), "current": b.is_current(on), "version": b.row_version,
    }


def transfer_record(store, t: WorkTransfer, on: dt.date, bodies: dict[int, PartnershipBody] | None = None,
                    executive: str | None = None) -> dict[str, Any]:
    repo = store.partnership
    bodies = bodies if bodies is not None else {b.id: b for b in repo.bodies()}
    body = bodies[t.body_id]
    info = repo.answer_document_info(t)
    return {
        "id": t.id, "reference": t.reference, "direction": t.direction.value, "body_id": t.body_id,
        "body": body.name, "body_short": body.label, "work": t.work, "reason": t.reason, "outcomes": t.outcomes,
        "priorities": list(t.priorities), "projected_costs": t.projected_costs,
        "costs_required": costs_required(t, body), "written_on": iso(t.written_on), "sent_on": iso(t.sent_on),
        "answer_due": iso(t.answer_due), "state": t.state.value, "overdue": t.is_overdue(on),
        "days_overdue": t.days_overdue(on), "answer": t.answer.value if t.answer is not None else None,
        "answer_reason": t.answer_reason, "answered_on": iso(t.answered_on),
        "answer_file": None if info is None else {"id": info.id, "file_name": info.file_name,
                                                  "media_type": info.media_type, "size": info.size,
                                                  "sha256": info.sha256},
        "escalated_on": iso(t.escalated_on), "escalation_note": t.escalation_note, "decision": t.decision,
        "decided_on": iso(t.decided_on), "withdrawn_on": iso(t.withdrawn_on), "withdrawn_reason": t.withdrawn_reason,
        "next_step": next_step(t, on, body.name, executive or repo.executive_name(on)), "version": t.row_version,
    }


def _priorities(values: list[str] | None) -> list[str] | None:
    """--priority given several times, or one with '; ' between names."""
    if values is None:
        return None
    out: list[str] = []
    for value in values:
        out.extend(p.strip() for p in value.split(";") if p.strip())
    return out


def _expect(conflict_of, record, expected: int | None, show: str) -> None:
    if expected is not None and expected != record.row_version:
        conflict = conflict_of()
        conflict.remedy = (f"Read it again ('{show} --json') and repeat the edit against version "
                           f"{record.row_version} if it is still wanted.")
        raise conflict


# --- subcommittees --------------------------------------------------------------------------------------

def cmd_bodies_list(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        bodies = store.partnership.bodies(current_on=None if args.all else on)
        records = [body_record(b, on) for b in bodies]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No subcommittees recorded: add the Executive first ('mqp subcommittees add --executive ...').")
            return 0
        print(table(["ID", "Name", "Short", "Kind", "Chair", "Email"],
                    [[b.id, b.name + (f" (ended {day(b.ended_on)})" if not b.is_current(on) else ""), b.short_name,
                      b.kind_label, b.chair_name or "-", b.chair_email] for b in bodies],
                    max_widths={"Name": 48, "Kind": 34}))
    return 0


def _body_changes(body: PartnershipBody, args: argparse.Namespace) -> PartnershipBody:
    b = dataclasses.replace(body)
    for attr, value in (("name", args.name), ("short_name", args.short_name), ("chair_name", args.chair),
                        ("chair_email", args.chair_email), ("notes", args.notes)):
        if value is not None:
            setattr(b, attr, value)
    if args.twd is not None:
        b.training_workforce = args.twd
    if args.executive is not None:
        b.executive = args.executive
    if getattr(args, "ended", None) is not None:
        b.ended_on = date_arg(args.ended, "--ended")
    return b


def cmd_bodies_add(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        b = store.partnership.add_body(_body_changes(PartnershipBody(name=""), args))
        print(f"{b.kind_label} added: {b.name} (id {b.id}).")
    return 0


def cmd_bodies_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        repo = store.partnership
        old = repo.find_body(args.body)

        def conflict():
            from mqp_desktop.store.partnership import BODY_LABELS, body_values

            return store.edit_conflict(f"the partnership body {old.name}", entity="partnership_body",
                                       entity_id=old.id, read_version=args.expect_version,
                                       stored_version=old.row_version, yours={}, stored=body_values(old),
                                       labels=BODY_LABELS, stored_record=old)

        _expect(conflict, old, args.expect_version, "mqp subcommittees list --all")
        saved = repo.update_body(_body_changes(old, args))
        print(f"{saved.name}: nothing changed." if saved.row_version == old.row_version
              else f"{saved.name} saved (version {saved.row_version}).")
    return 0


# --- transfers --------------------------------------------------------------------------------------------

def cmd_list(args: argparse.Namespace) -> int:
    on = today()
    which = next((f for f in FILTERS if getattr(args, f, False)), "open")
    with opened_store(args) as store:
        repo = store.partnership
        body = repo.find_body(args.subcommittee) if args.subcommittee else None
        found = repo.transfers(which, on, body_id=body.id if body else None)
        bodies = {b.id: b for b in repo.bodies()}
        executive = repo.executive_name(on)
        records = [transfer_record(store, t, on, bodies, executive) for t in found]
        if args.json:
            emit_json(records)
            return 0
        if not records:
            print("No work transfers match." + ("" if which == "all" else " (--all lists every one.)"))
            return 0
        print(table(["Reference", "Way", "Subcommittee", "Work", "Sent", "Answer due", "State"],
                    [[t.reference, t.direction.label.lower(), bodies[t.body_id].label, t.title, day(t.sent_on),
                      day(t.answer_due), state_text(t, on).replace("⚠ ", "").upper() if t.is_overdue(on)
                      else state_text(t, on)] for t in found],
                    max_widths={"Work": 44, "Subcommittee": 16}, right=()))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    on = today()
    with opened_store(args) as store:
        t = store.partnership.find_transfer(args.reference)
        r = transfer_record(store, t, on)
        if args.json:
            emit_json(r)
            return 0
        way = f"to {r['body']}" if t.direction is Direction.FROM_US else f"from {r['body']}"
        rows = [("Reference", t.reference), ("Direction", f"{t.direction.label} ({way})"),
                ("State", state_text(t, on)), ("Written", day(t.written_on))]
        if t.sent_on:
            rows += [("Sent" if t.direction is Direction.FROM_US else "Received", day(t.sent_on)),
                     ("Answer due", day(t.answer_due))]
        rows.append(("Priorities", "; ".join(t.priorities) or "-"))
        if t.projected_costs or r["costs_required"]:
            rows.append(("Projected costs", t.projected_costs or "(none given)"))
        if t.answer is not None:
            rows.append(("Answer", f"{t.answer.value} on {day(t.answered_on)}"
                                   + (f": {t.answer_reason}" if t.answer_reason else "")))
            rows.append(("Kept", r["answer_file"]["file_name"] if r["answer_file"] else "(no letter or email kept)"))
        if t.escalated_on:
            rows.append(("Escalated", day(t.escalated_on) + (f": {t.escalation_note}" if t.escalation_note else "")))
        if t.decided_on:
            rows.append(("Decided", f"{day(t.decided_on)}: {t.decision}"))
        rows.append(("Next", r["next_step"]))
        print(fields(rows))
        for label, text in (("The work", t.work), ("Reason", t.reason), ("Intended outcomes", t.outcomes)):
            print(f"\n{label}:\n  " + text.replace("\n", "\n  "))
    return 0


def _body_for(store, args: argparse.Namespace) -> tuple[Direction | None, int | None]:
    if args.to and args.from_:
        raise CliError("Give --to (work we ask another subcommittee to take) or --from (work another asks us to "
                       "take), not both.")
    if args.to:
        return Direction.FROM_US, store.partnership.find_body(args.to).id
    if args.from_:
        return Direction.TO_US, store.partnership.find_body(args.from_).id
    return None, None


def cmd_add(args: argparse.Namespace) -> int:
    written = date_arg(args.written, "--written")
    received = date_arg(args.received, "--received")
    with opened_store(args) as store:
        direction, body_id = _body_for(store, args)
        if direction is None:
            raise CliError("Say which subcommittee: --to BODY (we ask them) or --from BODY (they ask us).")
        if received is not None and direction is Direction.FROM_US:
            raise CliError("--received is for work that comes to us (--from): ours is sent with 'mqp transfers send'.")
        t = store.partnership.add_transfer(WorkTransfer(
            direction=direction, body_id=body_id, work=args.work or "", reason=args.reason or "",
            outcomes=args.outcomes or "", priorities=tuple(_priorities(args.priority) or ()),
            projected_costs=args.costs or "", written_on=written, sent_on=received))
        body = store.partnership.body(t.body_id)
        if direction is Direction.FROM_US:
            print(f"Work transfer {t.reference} to {body.name} drafted. Write the letter with 'mqp transfers letter "
                  f"{t.reference} --out DIR', and record it sent with 'mqp transfers send {t.reference}'.")
        else:
            print(f"Work transfer {t.reference} from {body.name} recorded; our answer due {day(t.answer_due)}.")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        repo = store.partnership
        old = repo.find_transfer(args.reference)

        def conflict():
            from mqp_desktop.store.partnership import TRANSFER_LABELS, transfer_values

            return store.edit_conflict(f"work transfer {old.reference}", entity="work_transfer", entity_id=old.id,
                                       read_version=args.expect_version, stored_version=old.row_version, yours={},
                                       stored=transfer_values(old), labels=TRANSFER_LABELS, stored_record=old)

        _expect(conflict, old, args.expect_version, f"mqp transfers show {old.reference}")
        t = dataclasses.replace(old)
        direction, body_id = _body_for(store, args)
        if body_id is not None:
            t.direction, t.body_id = direction, body_id
        for attr, value in (("work", args.work), ("reason", args.reason), ("outcomes", args.outcomes),
                            ("projected_costs", args.costs)):
            if value is not None:
                setattr(t, attr, value)
        if args.priority is not None:
            t.priorities = tuple(_priorities(args.priority))
        if args.written is not None:
            t.written_on = date_arg(args.written, "--written")
        saved = repo.update_transfer(t)
        print(f"Work transfer {old.reference}: nothing changed." if saved.row_version == old.row_version
              else f"Work transfer {old.reference} saved (version {saved.row_version}).")
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        t = store.partnership.find_transfer(args.reference)
        saved = store.partnership.send(t.id, on)
        print(f"Work transfer {t.reference} sent {day(saved.sent_on)}; the answer is due {day(saved.answer_due)}.")
    return 0


def cmd_answer(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        repo = store.partnership
        t = repo.find_transfer(args.reference)
        if args.accepted is None:
            if args.file is None:
                raise CliError("Give the answer: --accepted, or --declined with --reason (or only --file to keep the "
                               "letter or email of an answer already recorded).")
            saved = repo.attach_answer(t.id, file=args.file)
            print(f"Work transfer {t.reference}: {Path(args.file).name} kept with the answer.")
            return 0
        saved = repo.answer(t.id, "accepted" if args.accepted else "declined", args.reason or "", on, file=args.file)
        kept = f"; {Path(args.file).name} kept" if args.file else ""
        print(f"Work transfer {t.reference} {saved.answer.value} on {day(saved.answered_on)}{kept}.")
    return 0


def cmd_escalate(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        repo = store.partnership
        t = repo.find_transfer(args.reference)
        saved = repo.escalate(t.id, on, args.note or "")
        print(f"Work transfer {t.reference} escalated to {repo.executive_name()} on {day(saved.escalated_on)}.")
    return 0


def cmd_decide(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        repo = store.partnership
        t = repo.find_transfer(args.reference)
        saved = repo.decide(t.id, args.decision, on)
        print(f"Work transfer {t.reference} decided by {repo.executive_name()} on {day(saved.decided_on)}.")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    on = date_arg(args.on, "--on")
    with editing_store(args) as store:
        t = store.partnership.find_transfer(args.reference)
        saved = store.partnership.withdraw(t.id, on, args.reason)
        print(f"Work transfer {t.reference} withdrawn {day(saved.withdrawn_on)}: {saved.withdrawn_reason} (it stays in "
              "the log).")
    return 0


def cmd_letter(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.files import ExportFileError
    from mqp_desktop.exporters.transfer_letter import letter_file_name, write_transfer_letter

    out = Path(args.out).expanduser()
    with opened_store(args) as store:
        repo = store.partnership
        t = repo.find_transfer(args.reference)
        if out.is_dir():
            out = out / letter_file_name(t, repo.body(t.body_id))
        elif out.suffix.lower() != ".docx":
            raise CliError(f"--out: '{out}' is neither an existing folder nor a file ending in .docx.")
        template = Path(args.house_template).expanduser() if args.house_template else None
        try:
            written = write_transfer_letter(store, t.id, out, house_template=template,
                                            use_house_template=not args.own_style)
        except ExportFileError as exc:
            raise CliError(f"{exc.problem} {exc.remedy}".strip()) from None
        print(f"Letter for {t.reference} written to {written}: read it, sign it and send it"
              + (f" (then 'mqp transfers send {t.reference}')." if t.sent_on is None else "."))
    return 0


def cmd_answer_file(args: argparse.Namespace) -> int:
    from mqp_desktop.exporters.files import ExportFileError, safe_file_name, write_atomically

    out = Path(args.out).expanduser()
    with opened_store(args) as store:
        repo = store.partnership
        t = repo.find_transfer(args.reference)
        doc = repo.answer_document(t)
        if doc is None:
            raise CliError(f"{t.reference} has no letter or email kept with its answer.")
        if out.is_dir():
            out = out / safe_file_name(Path(doc.info.file_name).stem, Path(doc.info.file_name).suffix,
                                       fallback=f"{t.reference} answer")
        try:
            written = write_atomically(out, lambda tmp: tmp.write_bytes(doc.content))
        except ExportFileError as exc:
            raise CliError(f"{exc.problem} {exc.remedy}".strip()) from None
        print(f"{doc.info.file_name} ({doc.info.size:,} bytes, as received) written to {written}.")
    return 0


# --- parsers --------------------------------------------------------------------------------------------

def add_parsers(commands, new_parser) -> None:
    sc = new_parser(
        commands, "subcommittees", "the Executive and the other subcommittees: list, add, edit",
        "The partnership's Executive and its other subcommittees (ToR 1, 8): name, chair, chair's email, and\n"
        "which is the Executive (exactly one) and which Training, Workforce & Development (at most one).\n"
        "Nothing is deleted: one that no longer meets is ended (--ended DATE).",
        "examples:\n  mqp subcommittees list\n"
        "  mqp subcommittees add --name \"WSCP Executive\" --executive --chair \"Jonathan Pike\"\n"
        "  mqp subcommittees edit TWD --chair \"Dr Ruth Okonjo\" --chair-email ruth@example.gov.uk", db=False)
    sub = sc.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = new_parser(sub, "list", "the bodies (ended ones with --all)", "List the Executive and the subcommittees.",
                   "JSON (--json): a list of body objects.\n" + BODY_JSON_KEYS
                   + "\n\nexamples:\n  mqp subcommittees list\n  mqp subcommittees list --all --json")
    p.add_argument("--all", action="store_true", help="ended ones too")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_bodies_list)

    def body_options(p, *, adding: bool) -> None:
        p.add_argument("--name", metavar="TEXT", required=adding, help="its full name")
        p.add_argument("--short-name", metavar="TEXT", help="e.g. TWD")
        p.add_argument("--chair", metavar="NAME", help="the chair's name")
        p.add_argument("--chair-email", metavar="ADDRESS", help="the chair's email")
        p.add_argument("--notes", metavar="TEXT", help="notes (its remit)")
        twd = p.add_mutually_exclusive_group()
        twd.add_argument("--twd", dest="twd", action="store_const", const=True, default=None,
                         help="it is the Training, Workforce & Development subcommittee")
        ex = p.add_mutually_exclusive_group()
        ex.add_argument("--executive", dest="executive", action="store_const", const=True, default=None,
                        help="it is the partnership's Executive")
        if not adding:
            twd.add_argument("--not-twd", dest="twd", action="store_const", const=False,
                             help="it is not Training, Workforce & Development")
            ex.add_argument("--not-executive", dest="executive", action="store_const", const=False,
                            help="it is not the Executive")

    p = new_parser(sub, "add", "add the Executive or a subcommittee",
                   "Add a body. The Executive comes first: transfers and escalations go to it.",
                   "examples:\n  mqp subcommittees add --name \"Training, Workforce & Development Subcommittee\" "
                   "--short-name TWD --twd")
    body_options(p, adding=True)
    p.set_defaults(func=cmd_bodies_add)
    p = new_parser(sub, "edit", "change a body's name, chair, marks, or end it",
                   "Edit a body: only the options given change. " + DATES,
                   "examples:\n  mqp subcommittees edit \"L&I\" --chair \"Fiona Hartley\"\n"
                   "  mqp subcommittees edit CE&M --ended 2027-03-31")
    p.add_argument("body", metavar="BODY", help=BODY_HELP)
    body_options(p, adding=False)
    p.add_argument("--ended", metavar="DATE", help="it no longer meets from this date ('' clears)")
    p.add_argument("--expect-version", metavar="N", type=int,
                   help="refuse the change unless the body is still at this version (its JSON 'version')")
    p.set_defaults(func=cmd_bodies_edit)

    tr = new_parser(
        commands, "transfers", "work transfers between subcommittees (ToR 8): list, show, add, edit, send, answer, "
                               "escalate, decide, withdraw, letter",
        "Work moved between subcommittees (ToR 8): from us (our chair writes to the receiving chair with the\n"
        "reason, intended outcomes, link to the partnership's priorities, and projected costs for Training,\n"
        "Workforce & Development) or to us (we answer). drafted -> sent -> accepted | declined -> escalated\n"
        "to the Executive -> decided. A sent transfer waiting past its answer date (sent + the\n"
        "transfer_answer_days setting, 28 days by default) is overdue. Nothing is deleted.",
        "examples:\n  mqp transfers list --overdue\n"
        "  mqp transfers add --to TWD --work \"GCP2 training\" --reason \"Audit found ...\" --outcomes \"80 trained\" \\\n"
        "      --priority Neglect --costs \"£4,800\"\n"
        "  mqp transfers letter WT-2026-002 --out letters/\n"
        "  mqp transfers send WT-2026-002\n"
        "  mqp transfers answer WT-2026-002 --declined --reason \"No budget\" --file reply.eml", db=False)
    sub = tr.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "transfers: --open (default), --waiting, --overdue, --escalated, --finished, --all",
                   "List work transfers by reference: those not finished by default.",
                   "JSON (--json): a list of transfer objects.\n" + TRANSFER_JSON_KEYS
                   + "\n\nexamples:\n  mqp transfers list --overdue\n  mqp transfers list --all --subcommittee TWD --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="not accepted, decided or withdrawn (the default)")
    which.add_argument("--waiting", action="store_true", help="sent, waiting for the answer")
    which.add_argument("--overdue", action="store_true", help="waiting past the answer's due date")
    which.add_argument("--escalated", action="store_true", help="with the Executive")
    which.add_argument("--finished", action="store_true", help="accepted, decided or withdrawn")
    which.add_argument("--all", action="store_true", help="every transfer")
    p.add_argument("--subcommittee", metavar="BODY", help="only those with this subcommittee")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_list)

    p = new_parser(sub, "show", "one transfer in full", "Show a transfer: what it asks, its answer, what is next.",
                   "JSON (--json): one transfer object.\n" + TRANSFER_JSON_KEYS
                   + "\n\nexamples:\n  mqp transfers show WT-2026-002\n  mqp transfers show 2 --json")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    def content_options(p, *, adding: bool) -> None:
        p.add_argument("--to", metavar="BODY", help="work we ask this subcommittee to take on (" + BODY_HELP + ")")
        p.add_argument("--from", dest="from_", metavar="BODY", help="work this subcommittee asks us to take on")
        p.add_argument("--work", metavar="TEXT", required=adding, help="the work that is to move")
        p.add_argument("--reason", metavar="TEXT", required=adding, help="why it should move")
        p.add_argument("--outcomes", metavar="TEXT", required=adding, help="the intended outcomes ('- ' lines are "
                                                                           "bullets in the letter)")
        p.add_argument("--priority", metavar="NAME", action="append",
                       help="a partnership priority it serves (repeat, or 'A; B'); required for work from us. "
                            "The list: 'mqp settings show' (partnership_priorities)")
        p.add_argument("--costs", metavar="TEXT", help="projected costs (required when Training, Workforce & "
                                                       "Development receives it)")
        p.add_argument("--written", metavar="DATE", help="the letter's date" + (" (default today)" if adding else ""))

    p = new_parser(sub, "add", "record a transfer: --to BODY (a draft from us) or --from BODY (a letter to us)",
                   "Record a work transfer; it is given the next reference of its year (WT-2026-003). From us it\n"
                   "starts drafted; to us it starts received (--received, default the letter's date), our answer\n"
                   "due the set number of days later. " + DATES,
                   "examples:\n  mqp transfers add --to \"L&I\" --work \"Learning review of re-referrals\" \\\n"
                   "      --reason \"Case-level learning is L&I's remit\" --outcomes \"A briefing\" \\\n"
                   "      --priority \"Learning from reviews\"")
    content_options(p, adding=True)
    p.add_argument("--received", metavar="DATE", help="with --from: the day their letter came")
    p.set_defaults(func=cmd_add)

    p = new_parser(sub, "edit", "change what a transfer says (while drafted; to us: until answered)",
                   "Edit a transfer's content: only the options given change. Once our letter has gone, what it\n"
                   "said stays as sent. " + DATES,
                   "examples:\n  mqp transfers edit WT-2026-002 --costs \"£5,100\" --expect-version 1")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    content_options(p, adding=False)
    p.add_argument("--expect-version", metavar="N", type=int,
                   help="refuse the change unless it is still at this version (its JSON 'version')")
    p.set_defaults(func=cmd_edit)

    p = new_parser(sub, "send", "the signed letter went: drafted -> sent (the answer due N days later)",
                   "Record the letter sent; the answer is due the transfer_answer_days setting later (28 by\n"
                   "default: 'mqp settings set transfer_answer_days 21').",
                   "examples:\n  mqp transfers send WT-2026-002 --on 2026-03-03")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--on", metavar="DATE", help="the day it was sent (default today)")
    p.set_defaults(func=cmd_send)

    p = new_parser(sub, "answer", "the receiving chair's written answer: --accepted, or --declined --reason",
                   "Record the receiving chair's answer (ToR 8: whether the work will be undertaken and, if not,\n"
                   "why not) and keep their letter or email (--file: PDF, Word, .eml or .msg, checked before it is\n"
                   "stored, never changed). --file alone keeps the letter of an answer already recorded.",
                   "examples:\n  mqp transfers answer WT-2026-001 --accepted --file reply.eml\n"
                   "  mqp transfers answer WT-2026-002 --declined --reason \"No budget this year\" --on 2026-04-01")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    answer = p.add_mutually_exclusive_group()
    answer.add_argument("--accepted", dest="accepted", action="store_const", const=True, default=None,
                        help="the work will be undertaken")
    answer.add_argument("--declined", dest="accepted", action="store_const", const=False,
                        help="it will not (give --reason)")
    p.add_argument("--reason", metavar="TEXT", help="why not (required when declined); or a note")
    p.add_argument("--on", metavar="DATE", help="the date of the answer (default today)")
    p.add_argument("--file", metavar="FILE", help="the answer's letter or email")
    p.set_defaults(func=cmd_answer)

    p = new_parser(sub, "escalate", "put a declined transfer to the Executive (disagreement, ToR 8)",
                   "Escalate a declined transfer to the Executive for agreement.",
                   "examples:\n  mqp transfers escalate WT-2026-002 --note \"For the Executive of 14 April\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.add_argument("--note", metavar="TEXT", help="what was put to the Executive")
    p.set_defaults(func=cmd_escalate)

    p = new_parser(sub, "decide", "the Executive's decision on an escalated transfer",
                   "Record the Executive's decision and its date.",
                   "examples:\n  mqp transfers decide WT-2026-002 --decision \"TWD takes it on from July\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--decision", metavar="TEXT", required=True, help="the Executive's decision")
    p.add_argument("--on", metavar="DATE", help="the date of the decision (default today)")
    p.set_defaults(func=cmd_decide)

    p = new_parser(sub, "withdraw", "take back a drafted or sent transfer (kept, with the reason)",
                   "Withdraw a transfer: nothing is deleted; it keeps its reference and shows as withdrawn.",
                   "examples:\n  mqp transfers withdraw WT-2026-004 --reason \"Drafted twice\"")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--reason", metavar="TEXT", required=True, help="why it is withdrawn")
    p.add_argument("--on", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_withdraw)

    p = new_parser(sub, "letter", "the chair-to-chair letter in Word, ready to sign",
                   "Write the letter (from us: to the receiving chair; to us: our answer, once recorded) as a\n"
                   "Word document, in the house template when one is set ('mqp settings set house_template').",
                   "examples:\n  mqp transfers letter WT-2026-002 --out letters/\n"
                   "  mqp transfers letter WT-2026-002 --out letter.docx --own-style")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--out", metavar="PATH", required=True, help="a .docx file, or an existing folder")
    style = p.add_mutually_exclusive_group()
    style.add_argument("--house-template", metavar="FILE", help="this .docx/.dotx instead of the one in the settings")
    style.add_argument("--own-style", action="store_true", help="the program's own style, not the house template")
    p.set_defaults(func=cmd_letter)

    p = new_parser(sub, "answer-file", "save the answer's letter or email (as received) to a file",
                   "Write the letter or email kept with a transfer's answer, byte for byte as it was received.",
                   "examples:\n  mqp transfers answer-file WT-2026-001 --out ~/Desktop/")
    p.add_argument("reference", metavar="REFERENCE", help=REF_HELP)
    p.add_argument("--out", metavar="PATH", required=True, help="a file, or an existing folder")
    p.set_defaults(func=cmd_answer_file)

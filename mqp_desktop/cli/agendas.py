"""``mqp agenda ...``, ``mqp papers ...`` and ``mqp settings ...``: a meeting's agenda,
its papers (ToR 13, 14), and the settings they use.

Items are named by their number on the agenda (``4``, ``4.1``) after the
meeting; where one argument must name an item on its own it is
``MEETING:NUMBER`` (``next:5``, ``2026-12-08:4.1``) or the item's id. Papers are
named by their id (``mqp papers list MEETING`` shows them).

The JSON records here are part of the command line's public interface (see
``output.py``): plain keys that stay stable, ISO dates, status words.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from mqp_desktop.cli.common import CliError, editing_store, opened_store, today
from mqp_desktop.cli.meeting_records import MEETING_HELP, date_arg, meeting_line, meeting_record, resolve_meeting
from mqp_desktop.cli.output import day, emit_json, iso, table
from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.agenda import AgendaItem, AgendaLine, AgendaTiming, Purpose
from mqp_desktop.domain.meetings import Meeting, match_names
from mqp_desktop.domain.model import Member
from mqp_desktop.domain.papers import EmailDraft, MeetingAgenda, Paper, paper_status

ITEM_HELP = "the item: MEETING:NUMBER as on the agenda (e.g. next:5, 2026-12-08:4.1) or the item's id"
PAPER_HELP = "the paper's id (see 'mqp papers list MEETING')"
PURPOSES = ", ".join(p.value for p in Purpose)

ITEM_JSON_KEYS = """\
  Item objects: id, number ("4", "4.1"), depth (0 top level, 1 sub-item), parent_id,
  title, presenter_member_id, presenter_name (a guest's name, or ""), presenter (in
  words), purpose ("decision" | "discussion" | "information" | "assurance" | null),
  minutes, start, finish ("HH:MM" or ""), elapsed (minutes from the start to the
  item's finish), priority, standing ("welcome_apologies" | "declarations" |
  "previous_minutes" | "action_log" | "aob" | "next_meeting" | "none"), notes,
  papers (paper objects)."""
PAPER_JSON_KEYS = """\
  Paper objects: id, item_id, item_number, item_title, title, author_name,
  author_email, requested_on, deadline, received_on, signed_off_by, signed_off_on
  (YYYY-MM-DD or null), withdrawn, supplement (1, 2 … or null), status ("requested"
  | "overdue" | "received" | "not signed off" | "ready" | "withdrawn"), document
  (null, or {id, file_name, media_type, size, sha256}), notes."""


# --- finding things ----------------------------------------------------------------------------

def _purpose(text: str | None) -> Purpose | None:
    if text is None:
        return None
    key = text.strip().lower().removeprefix("for ").strip()
    if key in ("", "none", "-"):
        return None
    for p in Purpose:
        if p.value == key or p.value.startswith(key) and len(key) >= 3:
            return p
    raise CliError(f"--purpose: '{text}' is not a purpose: use {PURPOSES} (or none).")


def _member(store, text: str, option: str = "--presenter") -> Member:
    value = text.strip()
    if value.isdigit():
        return store.member(int(value))
    found, _ = match_names(value, [m for m in store.members(include_ended=False) if not m.is_vacant])
    if len(found) != 1:
        raise CliError(f"{option}: no single current member is called '{value}': give the member's id "
                       "('mqp members list') or full name, or use --guest NAME for someone who is not a member.")
    return found[0]


def _item_in(store, meeting: Meeting, number: str, option: str = "NUMBER") -> AgendaItem:
    text = number.strip()
    items = store.agendas.items(meeting.id)
    if not items:
        raise CliError(f"Meeting {meeting.id} has no agenda yet: start one with 'mqp agenda standing {meeting.id}'.")
    from mqp_desktop.domain.agenda import find_by_number

    found = find_by_number(items, text)
    if found is None:
        raise CliError(f"{option}: the agenda of meeting {meeting.id} has no item {text} "
                       f"(see 'mqp agenda show {meeting.id}').")
    return found


def _item_ref(store, text: str, option: str = "ITEM") -> AgendaItem:
    """An item from ``MEETING:NUMBER`` or its id."""
    value = text.strip()
    if ":" in value:
        meeting_text, _, number = value.rpartition(":")
        return _item_in(store, resolve_meeting(store, meeting_text), number, option)
    if value.isdigit():
        item = store.agendas.item(int(value))
        if item.removed:
            raise CliError(f"{option}: agenda item {item.id} ('{item.title}') has been removed.")
        return item
    raise CliError(f"{option}: '{text}' is not an item: give MEETING:NUMBER (e.g. next:5) or the item's id.")


def _paper_id(text: str, option: str = "PAPER") -> int:
    value = text.strip().lower().removeprefix("p")
    if not value.isdigit():
        raise CliError(f"{option}: '{text}' is not a paper id: give the number shown by 'mqp papers list MEETING'.")
    return int(value)


# --- records -----------------------------------------------------------------------------------

def paper_record(store, paper: Paper, numbers: dict[int, str], titles: dict[int, str]) -> dict[str, Any]:
    doc = store.agendas.document_info(paper.document_id) if paper.document_id else None
    return {
        "id": paper.id,
        "item_id": paper.item_id,
        "item_number": numbers.get(paper.item_id),
        "item_title": titles.get(paper.item_id),
        "title": paper.title,
        "author_name": paper.author_name,
        "author_email": paper.author_email,
        "requested_on": iso(paper.requested_on),
        "deadline": iso(paper.deadline),
        "received_on": iso(paper.received_on),
        "signed_off_by": paper.signed_off_by,
        "signed_off_on": iso(paper.signed_off_on),
        "withdrawn": paper.withdrawn,
        "supplement": paper.supplement,
        "status": paper_status(paper, today()).value,
        "document": None if doc is None else {
            "id": doc.id, "file_name": doc.file_name, "media_type": doc.media_type, "size": doc.size,
            "sha256": doc.sha256,
        },
        "notes": paper.notes,
    }


def item_record(store, line: AgendaLine, agenda: MeetingAgenda) -> dict[str, Any]:
    item = line.item
    numbers = agenda.numbers
    titles = {ln.item.id: ln.item.title for ln in agenda.lines}
    return {
        "id": item.id,
        "number": line.number,
        "depth": line.depth,
        "parent_id": item.parent_id,
        "title": item.title,
        "presenter_member_id": item.presenter_member_id,
        "presenter_name": item.presenter_name,
        "presenter": agenda.presenters.get(item.id, ""),
        "purpose": item.purpose.value if item.purpose else None,
        "minutes": line.minutes,
        "start": line.start,
        "finish": line.finish,
        "elapsed": line.elapsed,
        "priority": item.priority,
        "standing": item.standing.value,
        "notes": item.notes,
        "papers": [paper_record(store, p, numbers, titles) for p in agenda.papers.get(item.id, ())],
    }


def timing_record(t: AgendaTiming) -> dict[str, Any]:
    return {
        "total_minutes": t.total_minutes,
        "start": t.start,
        "planned_finish": t.planned_finish,
        "scheduled_end": t.scheduled_end,
        "overrun_minutes": t.overrun_minutes,
        "sub_items_over": list(t.sub_items_over),
    }


def _timing_text(t: AgendaTiming) -> str:
    text = f"Running time {t.total_minutes} minutes"
    if t.planned_finish:
        text += f"; planned finish {t.planned_finish}"
        if t.scheduled_end:
            text += (f", {t.overrun_minutes} minutes after the meeting's end ({t.scheduled_end})" if t.overruns
                     else f" (the meeting ends {t.scheduled_end})")
    text += "."
    if t.sub_items_over:
        text += f" The sub-items of item {', '.join(t.sub_items_over)} take longer than the item's time."
    return text


def _paper_brief(p: Paper) -> str:
    status = paper_status(p, today()).value
    label = f"P{p.id} {status}"
    return label + (f" (Suppl. {p.supplement})" if p.supplement else "")


# --- agenda show -------------------------------------------------------------------------------

def cmd_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        agenda = store.agendas.agenda(meeting.id)
        if args.json:
            emit_json({
                "meeting": meeting_record(meeting),
                "items": [item_record(store, line, agenda) for line in agenda.lines],
                "timing": timing_record(agenda.timing),
            })
            return 0
    print(f"Agenda of {meeting_line(meeting)}")
    if not agenda.lines:
        print(f"No items yet: start from the standing agenda with 'mqp agenda standing {meeting.id}'.")
        return 0
    rows = []
    for line in agenda.lines:
        item = line.item
        rows.append([
            ("  " if line.depth else "") + line.number,
            f"{line.start}-{line.finish}" if line.start else "",
            ("  " if line.depth else "") + item.title,
            agenda.presenters.get(item.id, ""),
            item.purpose.label if item.purpose else "",
            line.minutes or "",
            "; ".join(_paper_brief(p) for p in agenda.papers.get(item.id, ())),
        ])
    print(table(["No.", "Time", "Item", "Presenter", "Purpose", "Min", "Papers"], rows,
                max_widths={"Item": 52, "Presenter": 40}, right=("Min",)))
    print(_timing_text(agenda.timing))
    return 0


# --- agenda add-item / edit / remove / move / standing / copy ----------------------------------

def _presenter_fields(store, args: argparse.Namespace) -> dict[str, Any] | None:
    if getattr(args, "no_presenter", False):
        return {"presenter_member_id": None, "presenter_name": ""}
    if args.presenter is not None:
        return {"presenter_member_id": _member(store, args.presenter).id, "presenter_name": ""}
    if args.guest is not None:
        if not args.guest.strip():
            raise CliError("--guest: give the guest presenter's name.")
        return {"presenter_member_id": None, "presenter_name": args.guest}
    return None


def cmd_add_item(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        item = AgendaItem(meeting_id=meeting.id, title=args.title, purpose=_purpose(args.purpose),
                          minutes=args.minutes or 0, priority=args.priority or "", notes=args.notes or "")
        for key, value in (_presenter_fields(store, args) or {}).items():
            setattr(item, key, value)
        after_id = None
        if args.under is not None:
            item.parent_id = _item_in(store, meeting, args.under, "--under").id
        if args.after is not None:
            after_id = _item_in(store, meeting, args.after, "--after").id
        item = store.agendas.add_item(item, after_id=after_id)
        number = store.agendas.numbers(meeting.id)[item.id]
    print(f"Added item {number}, '{item.title}' (item {item.id}), to the agenda of {meeting_line(meeting)}.")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        item = _item_in(store, meeting, args.number)
        changed = False
        for attr, value in (("title", args.title), ("priority", args.priority), ("notes", args.notes)):
            if value is not None:
                setattr(item, attr, value)
                changed = True
        if args.minutes is not None:
            item.minutes, changed = args.minutes, True
        if args.purpose is not None:
            item.purpose, changed = _purpose(args.purpose), True
        presenter = _presenter_fields(store, args)
        if presenter is not None:
            for key, value in presenter.items():
                setattr(item, key, value)
            changed = True
        if not changed:
            raise CliError("Nothing to change: give at least one option, e.g. --minutes 20 (see 'mqp agenda edit --help').")
        store.agendas.update_item(item)
    print(f"Item {args.number.strip()} of meeting {meeting.id} saved: '{item.title}'.")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        item = _item_in(store, meeting, args.number)
        subs = [i for i in store.agendas.items(meeting.id) if i.parent_id == item.id]
        papers = len(store.agendas.papers_for_item(item.id)) + sum(len(store.agendas.papers_for_item(s.id)) for s in subs)
        store.agendas.remove_item(item.id)
    extra = []
    if subs:
        extra.append(f"{len(subs)} sub-item{'s' if len(subs) != 1 else ''}")
    if papers:
        extra.append(f"{papers} paper{'s' if papers != 1 else ''}")
    print(f"Removed item {args.number.strip()}, '{item.title}'" + (f", with its {' and '.join(extra)}" if extra else "")
          + f", from the agenda of meeting {meeting.id}; the items after it are renumbered."
          " It stays in the change history ('mqp history').")
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        item = _item_in(store, meeting, args.number)
        repo = store.agendas
        if args.up:
            repo.move_up(item.id)
        elif args.down:
            repo.move_down(item.id)
        elif args.indent:
            repo.indent(item.id)
        elif args.outdent:
            repo.outdent(item.id)
        elif args.under is not None:
            parent = _item_in(store, meeting, args.under, "--under")
            repo.move_to(item.id, args.to if args.to is not None else 10**6, parent.id)
        elif args.to is not None:
            repo.move_to(item.id, args.to)
        else:
            raise CliError("Say where to move it: --up, --down, --to N, --under NUMBER, --indent or --outdent.")
        number = repo.numbers(meeting.id)[item.id]
    print(f"'{item.title}' is now item {number} of meeting {meeting.id} (was {args.number.strip()}).")
    return 0


def cmd_standing(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        items = store.agendas.apply_standing_agenda(meeting.id)
    print(f"Applied the standing agenda ({len(items)} items) to {meeting_line(meeting)}:")
    for n, item in enumerate(items, start=1):
        print(f"  {n}. {item.title}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        source = resolve_meeting(store, args.from_)
        item_ids = None
        if args.items:
            item_ids = [_item_in(store, source, n, "--items").id for n in args.items.split(",") if n.strip()]
            if not item_ids:
                raise CliError("--items: give the numbers of the items to copy, e.g. --items 5,6.")
        added = store.agendas.copy_from(meeting.id, source.id, item_ids)
        numbers = store.agendas.numbers(meeting.id)
    print(f"Copied {len(added)} item{'s' if len(added) != 1 else ''} from meeting {source.id} to {meeting_line(meeting)}"
          " (presenters kept; papers are requested afresh):")
    for item in added:
        print(f"  {numbers[item.id]}. {item.title}")
    return 0


# --- papers ------------------------------------------------------------------------------------

def cmd_papers_list(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        meeting = resolve_meeting(store, args.meeting)
        agenda = store.agendas.agenda(meeting.id)
        numbers = agenda.numbers
        titles = {ln.item.id: ln.item.title for ln in agenda.lines}
        papers = agenda.all_papers()
        problems = store.agendas.problems(meeting.id, today())
        if args.late:
            late_ids = {p.paper.id for p in problems if p.paper is not None and p.kind.value != "outstanding"}
            papers = [p for p in papers if p.id in late_ids]
        records = [paper_record(store, p, numbers, titles) for p in papers]
    if args.json:
        emit_json(records)
        return 0
    what = "Late and unready papers" if args.late else "Papers"
    print(f"{what} for {meeting_line(meeting)}")
    if records:
        print(table(
            ["ID", "Item", "Paper", "Author", "Deadline", "Received", "Signed off", "Status", "File"],
            [[r["id"], r["item_number"], r["title"] + (f" (Supplement {r['supplement']})" if r["supplement"] else ""),
              r["author_name"], day(p.deadline), day(p.received_on),
              (f"{p.signed_off_by}, {day(p.signed_off_on)}" if p.signed_off_by else ""), r["status"],
              r["document"]["file_name"] if r["document"] else ""] for r, p in zip(records, papers)],
            max_widths={"Paper": 44, "Author": 22, "Signed off": 30, "File": 30},
        ))
    else:
        print("None." if args.late else f"None yet: ask for one with 'mqp papers request {meeting.id}:NUMBER ...'.")
    shown = [p for p in problems if p.paper is None or not args.late or p.kind.value != "outstanding"]
    if shown:
        print("\nTo chase:" if args.late else "\nNeeds attention:")
        for p in shown:
            print(f"  {p.message}")
    return 0


def _print_draft(draft: EmailDraft) -> None:
    print(f"To: {', '.join(draft.to)}\nSubject: {draft.subject}\n\n{draft.body.rstrip()}")


def cmd_papers_request(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        item = _item_ref(store, args.item)
        deadline = date_arg(args.deadline, "--deadline") if args.deadline else None
        paper = store.agendas.request_paper(item.id, author_name=args.author, author_email=args.email,
                                            title=args.title or "", deadline=deadline, notes=args.notes or "")
        draft = store.agendas.request_email(paper.id) if paper.author_email else None
        number = store.agendas.numbers(item.meeting_id).get(item.id, "?")
    if args.json:
        emit_json({"paper_id": paper.id, "item_id": item.id, "item_number": number, "deadline": iso(paper.deadline),
                   "supplement": paper.supplement,
                   "email": None if draft is None else {"to": list(draft.to), "subject": draft.subject, "body": draft.body}})
        return 0
    print(f"Paper {paper.id} requested for item {number}, '{item.title}', from {paper.author_name}, "
          f"due {day(paper.deadline)}" + (f" (Supplement {paper.supplement})" if paper.supplement else "") + ".")
    if draft is not None:
        print("\nThe request, ready to send:\n")
        _print_draft(draft)
    return 0


def cmd_papers_email(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        pid = _paper_id(args.paper)
        draft = store.agendas.chase_email(pid) if args.chase else store.agendas.request_email(pid)
        if args.out is not None:
            from mqp_desktop.cli.reports import _writing
            from mqp_desktop.exporters.circulation import paper_email_eml

            out = Path(args.out).expanduser()
            with _writing(out):
                written = paper_email_eml(store, pid, out, chase=args.chase)
            print(f"Wrote the {'chase' if args.chase else 'request'} email for paper {pid} to {written}"
                  " (open it in Outlook or Thunderbird, check it and send it).")
            return 0
    if args.json:
        emit_json({"paper_id": pid, "kind": draft.kind, "to": list(draft.to), "subject": draft.subject,
                   "body": draft.body})
    else:
        _print_draft(draft)
    return 0


def cmd_papers_attach(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        target = args.target.strip()
        repo = store.agendas
        if ":" in target:
            item = _item_ref(store, target, "TARGET")
            live = [p for p in repo.papers_for_item(item.id) if not p.withdrawn]
            if len(live) > 1:
                raise CliError(f"Item '{item.title}' has {len(live)} papers (ids {', '.join(str(p.id) for p in live)}):"
                               " attach the file to one of them by its id.")
            if live:
                paper = live[0]
            else:
                repo.read_file(args.file)  # refuse a bad file before recording a paper
                paper = repo.request_paper(item.id, author_name=args.author or "Not recorded",
                                           author_email=args.email or "", title=args.title or "")
        else:
            paper = repo.paper(_paper_id(target, "TARGET"))
        received = date_arg(args.date, "--date") if args.date else None
        replacing = paper.document_id is not None
        paper = repo.attach_file(paper.id, args.file, received_on=received)
        doc = repo.document_info(paper.document_id)
        note = repo.last_attach_note
    verb = "replaced (the earlier file is kept)" if replacing else "attached"
    print(f"{doc.file_name} ({doc.size:,} bytes) {verb} to paper {paper.id}, '{paper.title}'; "
          f"status: {paper_status(paper, today()).value}.")
    if note:
        print(f"Note: {note}.")
    return 0


def cmd_papers_receive(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        on = date_arg(args.date, "--date") if args.date else None
        paper = store.agendas.mark_received(_paper_id(args.paper), on)
    print(f"Paper {paper.id}, '{paper.title}', received {day(paper.received_on)}; "
          f"status: {paper_status(paper, today()).value}.")
    return 0


def cmd_papers_sign_off(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        on = date_arg(args.date, "--date") if args.date else None
        paper = store.agendas.sign_off(_paper_id(args.paper), args.by, on)
    print(f"Paper {paper.id}, '{paper.title}', signed off by {paper.signed_off_by} on {day(paper.signed_off_on)}; "
          f"status: {paper_status(paper, today()).value}.")
    return 0


def cmd_papers_withdraw(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        paper = store.agendas.withdraw(_paper_id(args.paper), args.reason or "")
    print(f"Paper {paper.id}, '{paper.title}', withdrawn.")
    return 0


def cmd_papers_supplement(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        paper = store.agendas.make_supplement(_paper_id(args.paper))
    print(f"Paper {paper.id}, '{paper.title}', is Supplement {paper.supplement}; the pack is not renumbered.")
    return 0


# --- settings ----------------------------------------------------------------------------------

def cmd_settings_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store:
        values = store.agendas.settings()
    if args.json:
        emit_json({name: {"value": value, "default": is_default, "description": cfg.SETTINGS[name].description}
                   for name, (value, is_default) in values.items()})
        return 0
    for name, (value, is_default) in values.items():
        print(f"{name}{' (default)' if is_default else ''}: {cfg.SETTINGS[name].description}")
        if name == cfg.STANDING_AGENDA:
            for n, entry in enumerate(value, start=1):
                print(f"  {n}. {entry['title']} ({entry['minutes']} min)")
        elif name == cfg.HOUSE_TEMPLATE:
            print(f"  {_house_template_text(value)}")
        elif isinstance(value, dict):
            print(f"  subject: {value['subject']}")
            print("  body:    " + value["body"].rstrip().replace("\n", "\n           "))
        elif isinstance(value, list):
            print("  " + ("; ".join(value) if value else "(none)"))
        else:
            print(f"  {value}")
    return 0


NO_HOUSE_TEMPLATE = "none: the program's own style"


def _house_template_text(value: dict[str, Any] | None) -> str:
    return value["file_name"] if value else NO_HOUSE_TEMPLATE


def _set_house_template(store, args: argparse.Namespace) -> str:
    """``mqp settings set house_template FILE.docx``: the file read, checked and stored with the setting."""
    from mqp_desktop.domain.documents import FileRefused

    given = args.value if args.value is not None else args.file
    if given is None:
        raise CliError("Give the house template's file (.docx or .dotx), e.g. 'mqp settings set house_template "
                       "house-style.dotx', or --reset for the program's own style.")
    path = Path(given).expanduser()
    if not path.exists():
        raise CliError(f"house_template: there is no file '{given}': check the name and folder (or use --reset "
                       "for the program's own style).")
    try:
        checked = store.agendas.read_house_template(path)
        info = store.agendas.set_house_template(checked.file_name, checked.content)
    except FileRefused as exc:
        raise CliError(f"house_template: {exc.message}") from None
    return f"{info.file_name} (stored as file {info.id}; the Word agenda is written in its styles, header and footer)"


MAX_SETTING_FILE_BYTES = 256 * 1024  # a setting (the standing agenda, an email template) is a few KB


def _setting_value(name: str, args: argparse.Namespace) -> Any:
    if args.file is not None:
        path = Path(args.file).expanduser()
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_SETTING_FILE_BYTES + 1)
        except OSError as exc:
            raise CliError(f"--file: '{path}' could not be read ({exc.strerror or exc}).") from None
        if len(data) > MAX_SETTING_FILE_BYTES:
            raise CliError(f"--file: '{path}' is larger than a setting can be ({MAX_SETTING_FILE_BYTES // 1024} KB).")
        try:
            text = data.decode("utf-8-sig")  # JSON is UTF-8 (RFC 8259)
        except UnicodeDecodeError as exc:
            raise CliError(f"--file: '{path}' is not UTF-8 text (byte {exc.start + 1}): save it as UTF-8 JSON.") from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CliError(f"--file: '{path}' is not valid JSON (line {exc.lineno}: {exc.msg}).") from None
        except RecursionError:
            raise CliError(f"--file: '{path}' is nested too deeply to be a setting.") from None
    if args.value is None:
        raise CliError("Give the new value, or --file FILE holding it as JSON.")
    try:
        return json.loads(args.value)
    except json.JSONDecodeError:
        return args.value  # plain text: a number or a ';'-separated list is read by the setting itself


def cmd_settings_set(args: argparse.Namespace) -> int:
    with editing_store(args) as store:
        cfg.setting_spec(args.name)
        if args.name == cfg.HOUSE_TEMPLATE:
            if args.reset:
                store.agendas.clear_house_template()
                shown = NO_HOUSE_TEMPLATE
            else:
                shown = _set_house_template(store, args)
            print(f"{args.name} = {shown}")
            return 0
        if args.reset:
            value = store.agendas.reset_setting(args.name)
        else:
            value = store.agendas.set_setting(args.name, _setting_value(args.name, args))
    shown = json.dumps(value, ensure_ascii=False)
    print(f"{args.name} = {shown if len(shown) <= 100 else shown[:97] + '...'}")
    return 0


# --- the parsers -------------------------------------------------------------------------------

def add_parsers(commands, new_parser) -> None:
    """Register ``mqp agenda``, ``mqp papers`` and ``mqp settings``."""
    agenda = new_parser(
        commands, "agenda", "a meeting's agenda: show, add-item, edit, remove, move, standing, copy",
        "A meeting's agenda (ToR 13): numbered items and sub-items (4.1, 4.2) with presenter, purpose,\n"
        "time and papers; the running time and planned finish from the meeting's start.",
        "examples:\n  mqp agenda standing next\n  mqp agenda add-item next --title \"Neglect strategy\" --presenter "
        "\"Amara Okafor\" --purpose decision --minutes 20\n  mqp agenda move next 6 --up\n  mqp agenda show next", db=False)
    sub = agenda.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "show", "the numbered agenda with times, presenters, purposes and papers",
                   "Show the agenda: each item's number, start and finish, presenter, purpose, minutes and its\n"
                   "papers with their status; then the running time and planned finish.",
                   "JSON (--json): {meeting (as 'mqp meetings show --json' without the register), items,\n"
                   "timing {total_minutes, start, planned_finish, scheduled_end, overrun_minutes,\n"
                   "sub_items_over}}.\n" + ITEM_JSON_KEYS + "\n" + PAPER_JSON_KEYS
                   + "\n\nexamples:\n  mqp agenda show next\n  mqp agenda show 2026-12-08 --json")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_show)

    def item_options(p, *, adding: bool) -> None:
        p.add_argument("--title", metavar="TEXT", required=adding, help="the item's title")
        who = p.add_mutually_exclusive_group()
        who.add_argument("--presenter", metavar="MEMBER", help="the member presenting it (id or name)")
        who.add_argument("--guest", metavar="NAME", help="a presenter who is not a member")
        if not adding:
            who.add_argument("--no-presenter", action="store_true", help="clear the presenter")
        p.add_argument("--purpose", metavar="PURPOSE", help=f"{PURPOSES}" + ("" if adding else ", or none"))
        p.add_argument("--minutes", metavar="N", type=int, help="time allocated")
        p.add_argument("--priority", metavar="TEXT", help="the partnership priority it serves ('mqp settings show')")
        p.add_argument("--notes", metavar="TEXT", help="notes")

    p = new_parser(sub, "add-item", "add an item (or a sub-item with --under)",
                   "Add an item. Without --after or --under it goes before 'Any other business' and 'Date of\n"
                   "next meeting'; --under NUMBER makes it the last sub-item of that item; --after NUMBER\n"
                   "puts it just after that item, at the same level.",
                   "examples:\n  mqp agenda add-item next --title \"Multi-agency dataset Q2 - exceptions report\" "
                   "--presenter \"Sofia Marques\" --purpose discussion --minutes 20\n"
                   "  mqp agenda add-item next --title \"Returns outstanding\" --under 6 --minutes 5\n"
                   "  mqp agenda add-item 2026-12-08 --title \"Ofsted ILACS outcome\" --guest \"Dr Ama Boateng\" --after 5")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    item_options(p, adding=True)
    p.add_argument("--under", metavar="NUMBER", help="make it a sub-item of this item")
    p.add_argument("--after", metavar="NUMBER", help="put it just after this item")
    p.set_defaults(func=cmd_add_item)

    p = new_parser(sub, "edit", "change an item's title, presenter, purpose, minutes, priority or notes",
                   "Change an item; options not given are left as they are. Move it with 'mqp agenda move'.",
                   "examples:\n  mqp agenda edit next 5 --minutes 25\n  mqp agenda edit next 6.1 --guest \"Tom Reilly\"")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("number", metavar="NUMBER", help="the item's number on the agenda (4, 4.1)")
    item_options(p, adding=False)
    p.set_defaults(func=cmd_edit)

    p = new_parser(sub, "remove", "remove an item (with its sub-items and papers); the rest are renumbered",
                   "Remove an item from the agenda. Nothing is deleted: it is marked removed and stays in the\n"
                   "change history, as do its sub-items and papers.",
                   "examples:\n  mqp agenda remove next 7")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("number", metavar="NUMBER", help="the item's number on the agenda")
    p.set_defaults(func=cmd_remove)

    p = new_parser(sub, "move", "reorder: --up, --down, --to N, --under NUMBER, --indent, --outdent",
                   "Move an item. A top-level item moves with its sub-items. --indent makes it a sub-item of\n"
                   "the item before it; --outdent makes a sub-item a top-level item after its parent (the\n"
                   "sub-items after it follow it). --to N is the position among its new siblings.",
                   "examples:\n  mqp agenda move next 6 --up\n  mqp agenda move next 7 --to 5\n"
                   "  mqp agenda move next 8 --under 5\n  mqp agenda move next 6.2 --outdent")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("number", metavar="NUMBER", help="the item's number on the agenda")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--up", action="store_true", help="before the previous sibling")
    how.add_argument("--down", action="store_true", help="after the next sibling")
    how.add_argument("--indent", action="store_true", help="under the item before it")
    how.add_argument("--outdent", action="store_true", help="out to the top level, after its parent")
    how.add_argument("--under", metavar="NUMBER", help="as a sub-item of this item (last, or at --to)")
    p.add_argument("--to", metavar="N", type=int, help="the position to move to (1 = first)")
    p.set_defaults(func=cmd_move)

    p = new_parser(sub, "standing", "start an empty agenda from the standing agenda",
                   "Give a meeting with no agenda the subcommittee's standing agenda (welcome and apologies,\n"
                   "declarations of interest, minutes, action log, AOB, next meeting). Edit the standing\n"
                   "agenda with 'mqp settings set standing_agenda --file FILE.json'.",
                   "examples:\n  mqp agenda standing next")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.set_defaults(func=cmd_standing)

    p = new_parser(sub, "copy", "copy a whole agenda, or chosen items, from another meeting",
                   "Copy items from another meeting's agenda: all of it into an empty agenda, or the items\n"
                   "--items names (their numbers on that meeting's agenda; a top-level item brings its\n"
                   "sub-items) before AOB. Presenters are kept; papers are not copied.",
                   "examples:\n  mqp agenda copy next --from last\n  mqp agenda copy next --from 2026-10-13 --items 5,6")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--from", dest="from_", metavar="MEETING", required=True, help="the meeting to copy from")
    p.add_argument("--items", metavar="NUMBERS", help="comma-separated item numbers on that meeting's agenda")
    p.set_defaults(func=cmd_copy)

    papers = new_parser(
        commands, "papers", "papers for agenda items: list, request, attach, receive, sign-off, email, withdraw",
        "Papers for agenda items (ToR 14): requested with a deadline (working days before the meeting),\n"
        "received, the file attached and kept in the database, signed off by a senior manager.",
        "examples:\n  mqp papers list next --late\n  mqp papers request next:5 --author \"Sofia Marques\" "
        "--email sofia@example.org\n  mqp papers attach 12 paper.pdf\n  mqp papers sign-off 12 --by \"Daniel Whitfield\"",
        db=False)
    sub = papers.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = new_parser(sub, "list", "a meeting's papers and their status; what needs chasing",
                   "List a meeting's papers in agenda order (supplements last) with deadline, receipt,\n"
                   "sign-off and status, then what needs attention: overdue, not signed off, no file,\n"
                   "items for decision without a paper.",
                   "JSON (--json): a list of paper objects.\n" + PAPER_JSON_KEYS
                   + "\n\nexamples:\n  mqp papers list next\n  mqp papers list next --late --json")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--late", action="store_true", help="only papers overdue, not signed off or without a file")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_papers_list)

    p = new_parser(sub, "request", "ask an author for a paper; prints the request email",
                   "Record a paper request for an item. The deadline defaults to the 'paper_deadline_days'\n"
                   "setting (10) working days before the meeting, skipping weekends and England's bank\n"
                   "holidays. A paper asked for after the pack went out is the next supplement.",
                   "JSON (--json): paper_id, item_id, item_number, deadline, supplement, email ({to, subject,\n"
                   "body} or null when no address was given).\n\nexamples:\n"
                   "  mqp papers request next:5 --author \"Sofia Marques\" --email sofia.marques@example.gov.uk\n"
                   "  mqp papers request 41 --author \"Dr Ama Boateng\" --email ama@example.org --deadline 2026-12-01")
    p.add_argument("item", metavar="ITEM", help=ITEM_HELP)
    p.add_argument("--author", metavar="NAME", required=True, help="who writes the paper")
    p.add_argument("--email", metavar="ADDR", default="", help="the author's email address")
    p.add_argument("--deadline", metavar="DATE", help="when it is due (default: from the setting)")
    p.add_argument("--title", metavar="TEXT", help="the paper's title (default: the item's)")
    p.add_argument("--notes", metavar="TEXT", help="notes")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_papers_request)

    p = new_parser(sub, "attach", "take a paper's file (PDF, Word, Excel, PowerPoint) into the database",
                   "Attach a file to a paper (TARGET: its id), or to an item's only paper (TARGET:\n"
                   "MEETING:NUMBER; a paper is recorded if the item has none). The file is checked by name\n"
                   "and content; a damaged, empty or disguised file is refused and nothing is saved. A new\n"
                   "file replaces the paper's current one, and the earlier file is kept. A paper not yet\n"
                   "received is marked received (today, or --date).",
                   "examples:\n  mqp papers attach 12 \"Dataset Q2.pdf\"\n  mqp papers attach next:6 s11-progress.docx")
    p.add_argument("target", metavar="TARGET", help="a paper id, or MEETING:NUMBER for an item")
    p.add_argument("file", metavar="FILE", help="the paper's file")
    p.add_argument("--date", metavar="DATE", help="the date it was received (default today)")
    p.add_argument("--author", metavar="NAME", help="the author, when a paper is recorded for an item")
    p.add_argument("--email", metavar="ADDR", help="the author's email, when a paper is recorded for an item")
    p.add_argument("--title", metavar="TEXT", help="the title, when a paper is recorded for an item")
    p.set_defaults(func=cmd_papers_attach)

    p = new_parser(sub, "receive", "record that a paper was received", "Record the date a paper was received.",
                   "examples:\n  mqp papers receive 12\n  mqp papers receive 12 --date 2026-11-20")
    p.add_argument("paper", metavar="PAPER", help=PAPER_HELP)
    p.add_argument("--date", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_papers_receive)

    p = new_parser(sub, "sign-off", "record the senior manager who signed a paper off (ToR 14)",
                   "Record who signed the paper off and when (ToR 14: before submission).",
                   "examples:\n  mqp papers sign-off 12 --by \"Daniel Whitfield\" --date 2026-11-20")
    p.add_argument("paper", metavar="PAPER", help=PAPER_HELP)
    p.add_argument("--by", metavar="NAME", required=True, help="the senior manager")
    p.add_argument("--date", metavar="DATE", help="the date (default today)")
    p.set_defaults(func=cmd_papers_sign_off)

    p = new_parser(sub, "email", "print the request or chase email for a paper",
                   "Print the email asking for a paper (--request, the default) or chasing it (--chase),\n"
                   "from the templates in the settings ('mqp settings show').",
                   "JSON (--json): paper_id, kind, to, subject, body.\n\nexamples:\n"
                   "  mqp papers email 12 --chase\n  mqp papers email 12 --chase --out chase.eml")
    p.add_argument("paper", metavar="PAPER", help=PAPER_HELP)
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--request", action="store_true", help="the request (default)")
    kind.add_argument("--chase", action="store_true", help="the reminder for a late paper")
    p.add_argument("--out", metavar="FILE.eml", help="write it as an email draft (.eml) instead of printing it")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_papers_email)

    from mqp_desktop.cli.performance_exports import add_papers_parser

    add_papers_parser(sub, new_parser)

    p = new_parser(sub, "withdraw", "withdraw a paper", "Mark a paper withdrawn (it stays on record).",
                   "examples:\n  mqp papers withdraw 12 --reason \"Deferred to February\"")
    p.add_argument("paper", metavar="PAPER", help=PAPER_HELP)
    p.add_argument("--reason", metavar="TEXT", help="why")
    p.set_defaults(func=cmd_papers_withdraw)

    p = new_parser(sub, "supplement", "number a late paper as the next supplement",
                   "Make a paper that missed the circulated pack the meeting's next supplement\n"
                   "(Supplement 1, 2 ...), without renumbering the pack.",
                   "examples:\n  mqp papers supplement 12")
    p.add_argument("paper", metavar="PAPER", help=PAPER_HELP)
    p.set_defaults(func=cmd_papers_supplement)

    settings = new_parser(
        commands, "settings", "agenda, paper, pack and email settings: show, set",
        "Settings for agendas and papers: " + ", ".join(cfg.SETTINGS) + ".",
        "examples:\n  mqp settings show\n  mqp settings set paper_deadline_days 8\n"
        "  mqp settings set standing_agenda --file standing.json\n  mqp settings set pack_size_limit_mb --reset\n"
        "  mqp settings set house_template house-style.dotx",
        db=False)
    sub = settings.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = new_parser(sub, "show", "every setting, marked (default) when never set",
                   "Show the settings and whether each is still its default.",
                   "JSON (--json): {name: {value, default (true when never set), description}}.\n\n"
                   "examples:\n  mqp settings show\n  mqp settings show --json")
    p.add_argument("--json", action="store_true", help="print JSON (keys below)")
    p.set_defaults(func=cmd_settings_show)
    p = new_parser(sub, "set", "change a setting (VALUE as text or JSON, or --file FILE.json)",
                   "Change a setting. Numbers and text are given as they are; lists as JSON or separated by\n"
                   "';'; the standing agenda and email templates are best given with --file (JSON).\n"
                   "Email templates are {\"subject\": ..., \"body\": ...} with placeholders "
                   + ", ".join("{" + k + "}" for k in list(cfg.PLACEHOLDERS)[:5]) + " ...\n"
                   "house_template is a Word document or template (.docx or .dotx) whose styles, header (logo)\n"
                   "and footer the Word agenda uses: give its file; it is checked and kept in the database.\n"
                   "--reset goes back to the program's own style.",
                   "examples:\n  mqp settings set paper_deadline_days 8\n"
                   "  mqp settings set partnership_priorities \"Neglect; Exploitation; Early help\"\n"
                   "  mqp settings set email_paper_chase --file chase.json\n  mqp settings set standing_agenda --reset\n"
                   "  mqp settings set house_template \"Borough house style.dotx\"\n"
                   "  mqp settings set house_template --reset")
    p.add_argument("name", metavar="NAME", choices=list(cfg.SETTINGS), help=", ".join(cfg.SETTINGS))
    p.add_argument("value", metavar="VALUE", nargs="?",
                   help="the new value (for house_template: the .docx or .dotx file)")
    p.add_argument("--file", metavar="FILE", help="read the value from a JSON file (house_template: the Word file)")
    p.add_argument("--reset", action="store_true", help="back to the default")
    p.set_defaults(func=cmd_settings_set)


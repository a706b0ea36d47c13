"""Circulating a meeting's agenda and papers to its members by email (ToR 13), and paper emails as drafts.

The program never sends mail. It writes an email *draft* (``.eml`` with
``X-Unsent: 1``, which Outlook and Thunderbird open as a new message ready to
check and send) and, once the business team says it went, records what was
circulated to whom (``store.agendas.record_circulation``).

Three steps, so the window can show the plan before anything is written:

* :func:`plan_circulation` — who it goes to, the subject and body from the
  editable templates (the ``email_circulation_agenda`` and
  ``email_circulation`` settings), the attachments with their bytes, sizes and
  hashes, and warnings: members without an email address (named), papers not
  received or not signed off, and a message larger than the
  ``pack_size_limit_mb`` setting.
* :func:`write_eml` — the draft, written through a temporary file.
* :func:`record_circulated` — the record; a re-circulation is another record.

What goes out, by ``kind``:

==============  ===========================================================================
``agenda``      the Word agenda (sent ahead of the papers)
``pack``        the Word agenda and the meeting pack PDF (the latest built, or ``pack_path``),
                with any paper the pack lists as circulated separately
``papers``      the Word agenda and each paper as its own file (``pack`` with
                ``papers_separately=True`` is the same), for when the pack is too large
``supplement``  the supplementary papers not yet circulated (all of them if every one was)
==============  ===========================================================================

Recipients: every member in post on the meeting's date with an email address,
in register order (by agency, then name); vacant seats are skipped. Deputies'
addresses, when chosen, are copied in (Cc). An address is used once
(case-insensitive); the sender's own address — the register's Senior Business
Support Officer or Business Manager, as the From — is not repeated in To.

:func:`paper_email_eml` writes a paper's request or chase email as a draft.

Built with Python's ``email`` package (``EmailMessage``), UTF-8 throughout; no Qt.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.policy
import hashlib
import re
import tempfile
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.documents import FileRefused, check_document
from mqp_desktop.domain.papers import MeetingAgenda, Paper, PaperStatus, fill_template, paper_deadline, paper_status
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.chase_email import business_sender
from mqp_desktop.exporters.files import ExportFileError, safe_file_name, safe_text, write_atomically
from mqp_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from mqp_desktop.domain.meetings import Meeting
    from mqp_desktop.domain.model import Member
    from mqp_desktop.store.store import Store

KINDS = ("agenda", "pack", "papers", "supplement")
"""What can be circulated here. Minutes arrive with the minutes issue."""

MB = 1024 * 1024

WHAT = {
    "agenda": "agenda",
    "pack": "agenda and papers",
    "papers": "agenda and papers",
}


@dataclass(frozen=True)
class Attachment:
    """A file attached to the email: its name as members see it, bytes, type, hash and size."""

    name: str
    content: bytes = field(repr=False)
    media_type: str
    sha256: str
    size: int
    document_id: int | None = None
    """The stored document it came from (a paper, a saved pack), or None (e.g. a freshly exported agenda)."""

    @classmethod
    def of(cls, name: str, content: bytes, media_type: str, document_id: int | None = None) -> Attachment:
        return cls(name, content, media_type, hashlib.sha256(content).hexdigest(), len(content), document_id)

    def record(self) -> dict[str, Any]:
        """``{name, sha256, size}`` as a circulation record keeps it."""
        return {"name": self.name, "sha256": self.sha256, "size": self.size}


@dataclass
class CirculationPlan:
    """One email to members, ready to show, write (:func:`write_eml`) and record (:func:`record_circulated`)."""

    meeting_id: int
    kind: str
    """'agenda', 'pack', 'papers' (a pack planned with papers_separately is 'papers') or 'supplement'."""
    to: list[tuple[str, str]]
    """(name, email) of the members, in register order."""
    cc: list[tuple[str, str]]
    """(name, email) of the deputies, when chosen."""
    bcc: list[tuple[str, str]]
    subject: str
    body: str
    attachments: list[Attachment]
    total_size: int
    """The attachments' bytes added up."""
    over_limit: bool
    limit_mb: int
    warnings: list[str]
    sender: tuple[str, str] | None = None
    """(name, email) for From, or None: the mail program fills it in."""
    pack_id: int | None = None
    """The stored pack attached, when it came from the database."""

    @property
    def message_size(self) -> int:
        """About how large the email is once its attachments are encoded (base64 adds a third)."""
        return (self.total_size + 2) // 3 * 4 + len(self.body.encode("utf-8")) + 4096

    @property
    def recipients(self) -> list[str]:
        """Every address, as 'Name <address>', To then Cc then Bcc."""
        return [formataddr((name, email)) for name, email in (*self.to, *self.cc, *self.bcc)]


# --- small helpers ------------------------------------------------------------------------------

def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _size_text(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def attachment_name(text: str, suffix: str = "") -> str:
    """A file name every mail program and Windows accept: plain ASCII (see :func:`.files.safe_file_name`)."""
    return safe_file_name(text, suffix, ascii_only=True, max_length=120)


def _suffix(name: str) -> str:
    return Path(name).suffix.lower()


def _who(member: Member, agencies: dict[int, str]) -> str:
    agency = agencies.get(member.agency_id, "")
    return f"{member.name} ({member.role_title}{', ' + agency if agency else ''})"


def _check_kind(kind: str) -> str:
    kind = (kind or "").strip().lower()
    if kind == "minutes":
        raise ValidationError("kind", "Circulating minutes comes with the minutes: circulate the agenda, pack, "
                                      "papers or a supplement here.")
    if kind not in KINDS:
        raise ValidationError("kind", f"'{kind}' is not something to circulate: use {', '.join(KINDS)}.")
    return kind


# --- recipients ---------------------------------------------------------------------------------

def _recipients(store: Store, meeting: Meeting, include_deputies: bool, sender: tuple[str, str] | None,
                warnings: list[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    agencies = {a.id: a.label for a in store.agencies()}
    members = [m for m in store.members(active_on=meeting.date) if not m.is_vacant]
    seen: set[str] = {sender[1].lower()} if sender else set()
    to: list[tuple[str, str]] = []
    cc: list[tuple[str, str]] = []
    no_email: list[str] = []
    for m in members:
        if not m.email.strip():
            no_email.append(_who(m, agencies))
            continue
        if m.email.strip().lower() not in seen:
            seen.add(m.email.strip().lower())
            to.append((m.name, m.email.strip()))
    if include_deputies:
        no_deputy_email: list[str] = []
        for m in members:
            if not m.deputy_name.strip() and not m.deputy_email.strip():
                continue
            if not m.deputy_email.strip():
                no_deputy_email.append(f"{m.deputy_name} (deputy for {m.name})")
                continue
            if m.deputy_email.strip().lower() not in seen:
                seen.add(m.deputy_email.strip().lower())
                cc.append((m.deputy_name.strip() or m.deputy_email.strip(), m.deputy_email.strip()))
        if no_deputy_email:
            warnings.append("No email address is recorded for " + "; ".join(no_deputy_email)
                            + ": add it in the register, or send it to them another way.")
    if no_email:
        warnings.append("No email address is recorded for " + "; ".join(no_email)
                        + ": add it in the register, or send it to them another way.")
    if not to and not cc:
        warnings.append(f"No member in post on {_long(meeting.date)} has an email address: the draft has no "
                        "recipients.")
    return to, cc


# --- attachments --------------------------------------------------------------------------------

def _file(path: Path | str, what: str, media_type: str) -> tuple[str, bytes]:
    file = Path(path).expanduser()
    try:
        content = file.read_bytes()
    except OSError as exc:
        raise ExportFileError(f"The {what} '{file}' could not be read ({exc.strerror or exc}).",
                              "Check the file is there and not open in another program.") from None
    checked = check_document(file.name, content)
    if checked.media_type != media_type:
        raise FileRefused(f"'{file.name}' is not {'a PDF' if media_type.endswith('pdf') else 'a Word document'}: "
                          f"choose the {what} file.")
    return file.name, content


def _agenda_attachment(store: Store, meeting: Meeting, agenda_path: Path | str | None,
                       sc_label: str) -> Attachment | None:
    """The Word agenda: the file given, else exported now; None when no exporter is installed."""
    name = attachment_name(f"Agenda - {sc_label} - {_long(meeting.date)}", ".docx")
    docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if agenda_path is not None:
        _, content = _file(agenda_path, "agenda", docx)
        return Attachment.of(name, content, docx)
    try:
        from mqp_desktop.exporters.agenda_docx import export_agenda_docx
    except ModuleNotFoundError as exc:
        if exc.name != "mqp_desktop.exporters.agenda_docx":
            raise
        return None
    with tempfile.TemporaryDirectory(prefix="mqp-agenda-") as folder:
        written = export_agenda_docx(store, meeting.id, Path(folder) / name)
        return Attachment.of(name, Path(written).read_bytes(), docx)


def _paper_label(paper: Paper, numbers: dict[int, str]) -> str:
    if paper.supplement:
        return f"Supplement {paper.supplement}"
    number = numbers.get(paper.item_id)
    return f"Item {number}" if number else "Paper"


def _paper_attachment(store: Store, paper: Paper, numbers: dict[int, str]) -> Attachment:
    doc = store.agendas.document(paper.document_id)
    name = attachment_name(f"{_paper_label(paper, numbers)} - {paper.title}", _suffix(doc.info.file_name))
    return Attachment.of(name, doc.content, doc.info.media_type, doc.info.id)


def _unique_names(attachments: list[Attachment]) -> list[Attachment]:
    used: set[str] = set()
    out = []
    for a in attachments:
        name, n = a.name, 2
        while name.lower() in used:
            name = f"{Path(a.name).stem} ({n}){Path(a.name).suffix}"
            n += 1
        used.add(name.lower())
        out.append(a if name == a.name else dataclasses.replace(a, name=name))
    return out


def _live_papers(agenda: MeetingAgenda) -> list[Paper]:
    return [p for p in agenda.all_papers() if not p.removed and not p.withdrawn]


def _paper_warnings(papers: list[Paper], numbers: dict[int, str], warnings: list[str], today: dt.date) -> list[str]:
    """Warnings for papers missing or unsigned; returns the 'to follow' labels for the body."""
    to_follow = []
    for p in papers:
        label = _paper_label(p, numbers)
        status = paper_status(p, today)
        if p.document_id is None:
            to_follow.append(f"{label}, '{p.title}'")
            state = "has not been received" if not p.received else "has no file attached"
            warnings.append(f"{label}: '{p.title}' {state}: it is not in this circulation.")
        elif status is PaperStatus.NOT_SIGNED_OFF:
            warnings.append(f"{label}: '{p.title}' has not been signed off by a senior manager (Terms of "
                            "Reference, clause 14).")
    return to_follow


def _separately(pack_contents: Any, given: Any) -> list[int]:
    """Document ids of papers the pack lists as circulated separately (PackResult.separately or its JSON)."""
    entries = given
    if entries is None and isinstance(pack_contents, dict):
        entries = pack_contents.get("separately")
    ids = []
    for e in entries or ():
        doc_id = e.get("document_id") if isinstance(e, dict) else getattr(e, "document_id", None)
        if isinstance(doc_id, int) and doc_id not in ids:
            ids.append(doc_id)
    return ids


# --- the plan -----------------------------------------------------------------------------------

def _items_text(agenda: MeetingAgenda) -> str:
    lines = []
    for line in agenda.lines:
        presenter = agenda.presenters.get(line.item.id, "")
        short = presenter.split(" (")[0] if presenter else ""
        number = f"    {line.number} " if line.depth else f"{line.number}. "
        lines.append(f"{number}{line.item.title}" + (f" ({short})" if short else ""))
    return "\n".join(lines) if lines else "(the agenda is attached)"


def _title(meeting: Meeting) -> str:
    """'meeting of 8 December 2026', for the middle of a sentence."""
    return meeting.title[:1].lower() + meeting.title[1:]


def _venue(meeting: Meeting) -> str:
    if meeting.venue and meeting.online_link:
        return f"{meeting.venue}, or online: {meeting.online_link}"
    return meeting.venue or meeting.online_link or "to be confirmed"


def _chair(store: Store, sc) -> str:
    if sc.chair.member_id is None:
        return "to be confirmed"
    try:
        return store.member(sc.chair.member_id).name or "to be confirmed"
    except StoreError:  # a chair's seat no longer in the register
        return "to be confirmed"


def circulation_values(store: Store, meeting: Meeting, agenda: MeetingAgenda, *, what: str,
                       attachments: list[Attachment], to_follow: list[str],
                       sender: Member | None) -> dict[str, str]:
    """The placeholder values of :data:`~mqp_desktop.domain.agenda_settings.CIRCULATION_PLACEHOLDERS`."""
    sc = store.subcommittee()
    days = store.agendas.setting(cfg.PAPER_DEADLINE_DAYS)
    time = f"{meeting.start_time} to {meeting.end_time}" if meeting.start_time and meeting.end_time else (
        meeting.start_time or "time to be confirmed")
    attached = "Attached:\n" + "\n".join(f"- {a.name} ({_size_text(a.size)})" for a in attachments) if attachments \
        else ""
    follow = ("To follow: " + "; ".join(to_follow) + ".") if to_follow else ""
    return {
        "what": what,
        "meeting": meeting.title,
        "meeting_date": _long(meeting.date),
        "meeting_day": _day(meeting.date),
        "meeting_time": time,
        "venue": _venue(meeting),
        "chair": _chair(store, sc),
        "subcommittee": sc.name,
        "partnership": sc.partnership,
        "items": _items_text(agenda),
        "papers_deadline": _day(paper_deadline(meeting.date, days)),
        "attachments": attached,
        "to_follow": follow,
        "sender": f"{sender.name}\n{sender.role_title}" if sender is not None else "Business Support",
    }


def _tidy(body: str) -> str:
    """Blank lines left by empty placeholders closed up; one newline at the end."""
    body = re.sub(r"[ \t]+\n", "\n", body)
    return re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"


def plan_circulation(
    store: Store,
    meeting_id: int,
    *,
    kind: str = "pack",
    include_deputies: bool = False,
    pack_path: Path | str | None = None,
    agenda_path: Path | str | None = None,
    papers_separately: bool = False,
    subject: str | None = None,
    body: str | None = None,
    separately: Any = None,
    today: dt.date | None = None,
) -> CirculationPlan:
    """What one circulation email to members holds (nothing is written or recorded).

    ``pack_path`` and ``agenda_path`` name files just built; without them the
    latest pack saved for the meeting is used and the Word agenda is exported
    afresh. ``separately`` is the pack builder's list of papers it could not
    put in the pack (``PackResult.separately``); for a saved pack it is read
    from the pack's contents. ``subject`` and ``body`` replace the template's
    (placeholders in them are filled too). Refusals raise ValidationError
    (no pack built, an unknown kind) or ExportFileError (a file unreadable).
    """
    kind = _check_kind(kind)
    if kind == "pack" and papers_separately:
        kind = "papers"
    today = today or dt.date.today()
    meeting = store.meetings.get(meeting_id)
    sc = store.subcommittee()
    sc_label = sc.short_name or sc.name
    agenda = store.agendas.agenda(meeting_id)
    numbers = agenda.numbers
    warnings: list[str] = []

    sender_member = business_sender(store)
    sender = (sender_member.name, sender_member.email.strip()) if sender_member is not None else None
    to, cc = _recipients(store, meeting, include_deputies, sender, warnings)

    attachments: list[Attachment] = []
    to_follow: list[str] = []
    pack_id: int | None = None
    papers = _live_papers(agenda)
    if kind in ("agenda", "pack", "papers"):
        agenda_file = _agenda_attachment(store, meeting, agenda_path, sc_label)
        if agenda_file is not None:
            attachments.append(agenda_file)
        elif kind == "agenda":
            raise ExportFileError("The Word agenda could not be made: this copy of the program has no agenda exporter.",
                                  "Export the agenda to a file and give it to attach.")
        else:
            warnings.append("The Word agenda is not attached (no agenda exporter): the agenda is in the pack.")
    if kind == "pack":
        contents: Any = None
        pack_name = attachment_name(f"Meeting pack - {sc_label} - {_long(meeting.date)}", ".pdf")
        if pack_path is not None:
            _, content = _file(pack_path, "meeting pack", "application/pdf")
            attachments.append(Attachment.of(pack_name, content, "application/pdf"))
        else:
            packs = store.agendas.packs(meeting_id)
            if not packs:
                raise ValidationError("pack", f"No meeting pack has been built for the {_title(meeting)}: "
                                              "build the pack first, or circulate the papers separately.")
            pack = packs[-1]
            pack_id, contents = pack.id, pack.contents
            doc = store.agendas.document(pack.document_id)
            attachments.append(Attachment.of(pack_name, doc.content, "application/pdf", doc.info.id))
        by_doc = {p.document_id: p for p in papers if p.document_id is not None}
        for doc_id in _separately(contents, separately):
            paper = by_doc.get(doc_id)
            if paper is not None:
                attachments.append(_paper_attachment(store, paper, numbers))
            else:
                doc = store.agendas.document(doc_id)
                attachments.append(Attachment.of(attachment_name(Path(doc.info.file_name).stem,
                                                                 _suffix(doc.info.file_name)),
                                                 doc.content, doc.info.media_type, doc.info.id))
        to_follow = _paper_warnings([p for p in papers if not p.supplement], numbers, warnings, today)
    elif kind == "papers":
        for p in papers:
            if p.document_id is not None:
                attachments.append(_paper_attachment(store, p, numbers))
        to_follow = _paper_warnings(papers, numbers, warnings, today)
    elif kind == "supplement":
        supplements = [p for p in papers if p.supplement]
        if not supplements:
            raise ValidationError("supplement", f"The {_title(meeting)} has no supplementary papers: make a "
                                                "late paper a supplement first.")
        sent = {a.sha256 for c in store.agendas.circulations(meeting_id) for a in c.attachments}
        with_files = [p for p in supplements if p.document_id is not None]
        files = [_paper_attachment(store, p, numbers) for p in with_files]
        new = [a for a in files if a.sha256 not in sent]
        if files and not new:
            warnings.append("Every supplementary paper has been circulated before: this sends them again.")
        attachments.extend(new or files)
        to_follow = _paper_warnings(supplements, numbers, warnings, today)
        if not attachments:
            raise ValidationError("supplement", "No supplementary paper has a file yet: attach the file first.")
    attachments = _unique_names(attachments)

    if kind == "supplement":
        what = "supplementary paper" if len(attachments) == 1 else "supplementary papers"
    else:
        what = WHAT[kind]
    values = circulation_values(store, meeting, agenda, what=what, attachments=attachments, to_follow=to_follow,
                                sender=sender_member)
    template = store.agendas.setting(cfg.EMAIL_CIRCULATION_AGENDA if kind == "agenda" else cfg.EMAIL_CIRCULATION)
    subject_text = " ".join(fill_template(subject if subject is not None else template["subject"], values).split())
    body_text = _tidy(fill_template(body if body is not None else template["body"], values))

    limit_mb = int(store.agendas.setting(cfg.PACK_SIZE_LIMIT_MB))
    total = sum(a.size for a in attachments)
    plan = CirculationPlan(
        meeting_id=meeting_id, kind=kind, to=to, cc=cc, bcc=[], subject=subject_text, body=body_text,
        attachments=attachments, total_size=total, over_limit=False, limit_mb=limit_mb, warnings=warnings,
        sender=sender, pack_id=pack_id,
    )
    if plan.message_size > limit_mb * MB:
        plan.over_limit = True
        size = f"about {_size_text(plan.message_size)} once encoded ({_size_text(total)} of attachments)"
        if kind == "pack":
            warnings.append(
                f"This email would be {size}, more than the {limit_mb} MB limit in the settings: many mail systems "
                "refuse messages that large. Send the agenda and papers as separate attachments instead "
                "(papers separately), or raise the limit if your mail system takes larger messages.")
        else:
            warnings.append(
                f"Even with {'the papers attached separately' if kind == 'papers' else 'these attachments'}, this "
                f"email would be {size}, more than the {limit_mb} MB limit in the settings: it may be refused. "
                "Split the papers between two emails, or share the largest ones through your organisation's "
                "secure file sharing.")
    return plan


# --- writing and recording ----------------------------------------------------------------------

def _address(name: str, email: str) -> Address:
    try:
        return Address(display_name=" ".join(safe_text(name).split()), addr_spec=email.strip())
    except (ValueError, IndexError, TypeError) as exc:
        raise ValidationError("email", f"'{email}' ({name}) is not an email address: correct it in the register.") \
            from exc


def plan_message(plan: CirculationPlan) -> EmailMessage:
    """The plan as an email draft (not written anywhere)."""
    msg = EmailMessage()
    if plan.sender is not None:
        msg["From"] = _address(*plan.sender)
    for header, people in (("To", plan.to), ("Cc", plan.cc), ("Bcc", plan.bcc)):
        if people:
            msg[header] = [_address(n, e) for n, e in people]
    msg["Subject"] = safe_text(plan.subject)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="mqp-desktop.invalid")
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open it as a draft to send
    msg.set_content(safe_text(plan.body).replace("\t", "    "), charset="utf-8")
    for a in plan.attachments:
        maintype, _, subtype = a.media_type.partition("/")
        msg.add_attachment(a.content, maintype=maintype, subtype=subtype or "octet-stream", filename=a.name)
    return msg


# Headers folded only where they must be: at 78 columns Python folds a subject that starts with "["
# before its first word, and readers then show it with a leading space.
_EML_POLICY = email.policy.default.clone(max_line_length=998)


def _write(msg: EmailMessage, path: Path | str) -> Path:
    data = draft_bytes(msg)
    path = Path(path).expanduser()
    if path.suffix.lower() != ".eml":
        raise ExportFileError(f"'{path.name}' does not end in .eml.", "Give a file name such as circulation.eml.")

    def write(tmp: Path) -> None:
        tmp.write_bytes(data)

    return write_atomically(path, write)


def write_eml(plan: CirculationPlan, path: Path | str) -> Path:
    """Write the plan as an ``.eml`` draft (``X-Unsent: 1``) through a temporary file; the path written."""
    return _write(plan_message(plan), path)


def record_circulated(store: Store, plan: CirculationPlan, *, pack_id: int | None = None, note: str = ""):
    """Record that the plan's email went out: to whom, which files (name, sha256, size). Returns the record.

    A re-circulation is simply another record. A pack attached from the
    database (``plan.pack_id``), or ``pack_id`` given, is marked circulated.
    """
    return store.agendas.record_circulation(
        plan.meeting_id, plan.kind, recipients=plan.recipients,
        attachments=[a.record() for a in plan.attachments], subject=plan.subject, note=note,
        pack_id=pack_id if pack_id is not None else plan.pack_id,
    )


# --- paper request and chase drafts -------------------------------------------------------------

def paper_email_message(store: Store, paper_id: int, *, chase: bool = False,
                        today: dt.date | None = None) -> EmailMessage:
    """A paper's request (or chase) email, from the templates, as a draft message."""
    repo = store.agendas
    draft = repo.chase_email(paper_id, today) if chase else repo.request_email(paper_id, today)
    paper = repo.paper(paper_id)
    return draft_message(draft.subject, draft.body,
                         to=[(paper.author_name if i == 0 else "", e) for i, e in enumerate(draft.to)],
                         cc=[("", e) for e in draft.cc], sender=business_sender(store))


def draft_message(subject: str, body: str, *, to: list[tuple[str, str]], cc: list[tuple[str, str]] | None = None,
                  sender: Member | None = None) -> EmailMessage:
    """A one-to-one email draft (``X-Unsent: 1``) from the business team: ``to`` and ``cc`` as (name, address)
    pairs; an empty address is left out (the officer fills it in the mail program)."""
    msg = EmailMessage()
    if sender is not None and sender.email:
        msg["From"] = _address(sender.name, sender.email)
    to_addresses = [_address(n, e) for n, e in to if e]
    if to_addresses:
        msg["To"] = to_addresses
    cc_addresses = [_address(n, e) for n, e in (cc or []) if e]
    if cc_addresses:
        msg["Cc"] = cc_addresses
    msg["Subject"] = safe_text(subject)
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="mqp-desktop.invalid")
    msg["X-Unsent"] = "1"
    msg.set_content(safe_text(body).replace("\t", "    ").rstrip() + "\n", charset="utf-8")
    return msg


def write_draft(msg: EmailMessage, path: Path | str) -> Path:
    """Write a draft message as an ``.eml`` file, through a temporary file; the path written."""
    return _write(msg, path)


def draft_bytes(msg: EmailMessage) -> bytes:
    """A draft message as the bytes of its ``.eml`` file (for a batch written all or nothing)."""
    return msg.as_bytes(policy=_EML_POLICY)


def paper_email_eml(store: Store, paper_id: int, path: Path | str, *, chase: bool = False,
                    today: dt.date | None = None) -> Path:
    """Write a paper's request (or, with ``chase``, reminder) email as an ``.eml`` draft; the path written."""
    return _write(paper_email_message(store, paper_id, chase=chase, today=today), path)


def default_file_name(store: Store, meeting_id: int, kind: str) -> str:
    """'Circulation - MQ&P - 8 December 2026 - pack.eml' (ASCII, safe on Windows)."""
    sc = store.subcommittee()
    meeting = store.meetings.get(meeting_id)
    return attachment_name(f"Circulation - {sc.short_name or sc.name} - {_long(meeting.date)} - {kind}", ".eml")


__all__ = [
    "KINDS", "Attachment", "CirculationPlan", "attachment_name", "circulation_values", "default_file_name",
    "draft_bytes", "draft_message", "paper_email_eml", "paper_email_message", "plan_circulation", "plan_message",
    "record_circulated", "write_draft", "write_eml",
]

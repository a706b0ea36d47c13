"""Circulating a meeting's minutes to its members after the meeting (ToR 13: "minutes of the meeting …
will be circulated to all members of the group following each meeting for consideration at the next").

Like the agenda and papers (:mod:`.circulation`), the program never sends mail: it writes an email
*draft* (``.eml`` with ``X-Unsent: 1``, made by :func:`~.circulation.draft_message`) with the minutes PDF
attached, to every member in post on the meeting's date who has an email address (deputies in Cc when
chosen), and — once the business team says it went — records what went out to whom as a circulation
of kind ``minutes`` (``store.agendas.record_circulation``; a re-circulation is another record).

The PDF is the latest revision: until the chair signs, every page says DRAFT and the email says "draft
minutes"; signed minutes go as signed (the chair's PDF signature intact when they signed with their key).
The subject and body come from the editable ``email_minutes_circulation`` setting
(:data:`~mqp_desktop.domain.agenda_settings.MINUTES_CIRCULATION_PLACEHOLDERS`).

Three steps, so the window can show the plan first: :func:`plan_minutes_circulation` (nothing written),
:func:`write_minutes_eml`, :func:`~.circulation.record_circulated`. No Qt.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.actions import ActionStatus
from mqp_desktop.domain.documents import check_document
from mqp_desktop.domain.papers import fill_template
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.chase_email import business_sender
from mqp_desktop.exporters.circulation import (
    MB,
    Attachment,
    CirculationPlan,
    _chair,
    _recipients,
    _size_text,
    _tidy,
    attachment_name,
    draft_message,
    write_draft,
)
from mqp_desktop.exporters.files import ExportFileError

if TYPE_CHECKING:
    from mqp_desktop.domain.model import Member
    from mqp_desktop.store.store import Store

KIND = "minutes"


@dataclass
class MinutesPlan(CirculationPlan):
    """A circulation of the minutes: a :class:`~.circulation.CirculationPlan` of kind 'minutes', with the sender
    as a register member (for :func:`~.circulation.draft_message`'s From)."""

    sender_member: Member | None = None


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _day(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def minutes_file_name(store: Store, meeting_id: int, *, draft: bool) -> str:
    """'Minutes - MQ&P - 8 December 2026.pdf' ('Draft minutes - …' before the chair signs)."""
    sc = store.subcommittee()
    meeting = store.meetings.get(meeting_id)
    return attachment_name(f"{'Draft minutes' if draft else 'Minutes'} - {sc.short_name or sc.name} - "
                           f"{_long(meeting.date)}", ".pdf")


def default_file_name(store: Store, meeting_id: int) -> str:
    """'Circulation - MQ&P - 8 December 2026 - minutes.eml' (as the agenda's circulations are named)."""
    from mqp_desktop.exporters.circulation import default_file_name as named

    return named(store, meeting_id, KIND)


def _actions_text(store: Store, meeting_id: int) -> str:
    names = {m.id: m.display_name for m in store.members()}
    lines = []
    for a in store.minutes.actions(meeting_id=meeting_id):
        if a.status is ActionStatus.DROPPED:
            continue
        owner = store.minutes.owner_text(a, names)
        due = f", by {_long(a.due_date)}" if a.due_date else ""
        lines.append(f"- {a.number} {' '.join(a.description.split())} ({owner}{due})")
    return "\n".join(lines) if lines else "(none)"


def _next_meeting(store: Store, after: dt.date) -> str:
    later = [m for m in store.meetings.list(include_cancelled=False) if m.date > after]
    return _day(later[0].date) if later else "a date to be confirmed"


def _pdf(store: Store, meeting_id: int, pdf_path: Path | str | None) -> bytes:
    if pdf_path is not None:
        file = Path(pdf_path).expanduser()
        try:
            content = file.read_bytes()
        except OSError as exc:
            raise ExportFileError(f"The minutes '{file}' could not be read ({exc.strerror or exc}).",
                                  "Check the file is there and not open in another program.") from None
        if check_document(file.name, content).media_type != "application/pdf":
            raise ExportFileError(f"'{file.name}' is not a PDF.", "Give the minutes as a PDF (mqp export minutes).")
        return content
    from mqp_desktop.exporters.minutes_pdf import export_minutes_pdf

    with tempfile.TemporaryDirectory(prefix="mqp-minutes-") as folder:
        written = export_minutes_pdf(store, meeting_id, Path(folder) / "minutes.pdf")
        return Path(written).read_bytes()


def plan_minutes_circulation(
    store: Store,
    meeting_id: int,
    *,
    include_deputies: bool = False,
    pdf_path: Path | str | None = None,
    subject: str | None = None,
    body: str | None = None,
    today: dt.date | None = None,
) -> MinutesPlan:
    """The email sending members a meeting's minutes (nothing written or recorded).

    Refused (ValidationError) for a meeting not yet held or cancelled, and for one whose minutes were never
    started. ``pdf_path`` names a minutes PDF to attach instead of the one made now from the latest revision.
    """
    today = today or dt.date.today()
    meeting = store.meetings.get(meeting_id)
    title = meeting.title[:1].lower() + meeting.title[1:]
    if meeting.status.value == "cancelled":
        raise ValidationError("meeting", f"The {title} was cancelled: it has no minutes to circulate.")
    if meeting.date > today:
        raise ValidationError("meeting", f"The {title} has not been held yet: its minutes are circulated after it.")
    revision = store.minutes.revision(meeting_id)
    if revision is None:
        raise ValidationError("minutes", f"The minutes of the {title} have not been started: write them first "
                                         "(Minutes, Ctrl+M on the meeting).")
    signed = store.minutes.signed_revision(meeting_id)
    draft = not revision.is_signed
    warnings: list[str] = []
    if draft:
        warnings.append("These are draft minutes, not yet signed by the chair: every page says DRAFT, and the "
                        "email calls them draft minutes.")
    sender_member = business_sender(store)
    sender = (sender_member.name, sender_member.email.strip()) if sender_member is not None else None
    to, cc = _recipients(store, meeting, include_deputies, sender, warnings)
    pdf = _pdf(store, meeting_id, pdf_path)
    attachments = [Attachment.of(minutes_file_name(store, meeting_id, draft=draft), pdf, "application/pdf")]

    sc = store.subcommittee()
    if draft:
        signed_text = "not yet signed by the chair"
    elif signed is not None and signed.signed_on is not None:
        signed_text = f"signed by the chair on {_long(signed.signed_on)}"
    else:
        signed_text = "signed by the chair"
    values = {
        "meeting": meeting.title,
        "meeting_date": _long(meeting.date),
        "meeting_day": _day(meeting.date),
        "minutes": "draft minutes" if draft else "minutes",
        "signed": signed_text,
        "chair": _chair(store, sc),
        "subcommittee": sc.name,
        "partnership": sc.partnership,
        "actions": _actions_text(store, meeting_id),
        "next_meeting": _next_meeting(store, meeting.date),
        "attachments": "Attached:\n" + "\n".join(f"- {a.name} ({_size_text(a.size)})" for a in attachments),
        "sender": f"{sender_member.name}\n{sender_member.role_title}" if sender_member is not None
        else "Business Support",
    }
    template = store.agendas.setting(cfg.EMAIL_MINUTES_CIRCULATION)
    subject_text = " ".join(fill_template(subject if subject is not None else template["subject"], values).split())
    body_text = _tidy(fill_template(body if body is not None else template["body"], values))
    limit_mb = int(store.agendas.setting(cfg.PACK_SIZE_LIMIT_MB))
    plan = MinutesPlan(
        meeting_id=meeting_id, kind=KIND, to=to, cc=cc, bcc=[], subject=subject_text, body=body_text,
        attachments=attachments, total_size=len(pdf), over_limit=False, limit_mb=limit_mb, warnings=warnings,
        sender=sender, sender_member=sender_member,
    )
    if plan.message_size > limit_mb * MB:
        plan.over_limit = True
        warnings.append(f"This email would be about {_size_text(plan.message_size)} once encoded, more than the "
                        f"{limit_mb} MB limit in the settings: it may be refused.")
    return plan


def minutes_message(plan: MinutesPlan) -> EmailMessage:
    """The plan as an email draft with the minutes attached (not written anywhere)."""
    msg = draft_message(plan.subject, plan.body, to=plan.to, cc=plan.cc, sender=plan.sender_member)
    for a in plan.attachments:
        maintype, _, subtype = a.media_type.partition("/")
        msg.add_attachment(a.content, maintype=maintype, subtype=subtype or "octet-stream", filename=a.name)
    return msg


def write_minutes_eml(plan: MinutesPlan, path: Path | str) -> Path:
    """Write the minutes' circulation email as an ``.eml`` draft, through a temporary file; the path written."""
    return write_draft(minutes_message(plan), path)


__all__ = ["KIND", "MinutesPlan", "default_file_name", "minutes_file_name", "minutes_message", "plan_minutes_circulation",
           "write_minutes_eml"]

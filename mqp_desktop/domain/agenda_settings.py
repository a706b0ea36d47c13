"""The settings of agendas, papers, packs and circulation: names, defaults, checks.

Stored in the ``setting`` table as JSON (``store.agendas.setting(name)`` /
``set_setting(name, value)``); a setting never set reads as its default here,
so a database made before a default changed follows the new default.

==========================  ============================================  =========================
name                        value                                         default
==========================  ============================================  =========================
standing_agenda             list of {standing, title, minutes,            resources/templates/
                            purpose?, notes?}                             standing-agenda.json
paper_deadline_days         working days before the meeting (0-60)        10
pack_size_limit_mb          warn when a circulation is larger (1-500)     20
partnership_priorities      list of priority names (free text allowed)    []
email_paper_request         {subject, body} with {placeholders}           below
email_paper_chase           {subject, body} with {placeholders}           below
email_challenge_chase       {subject, body}: an overdue challenge's       domain/challenges.py
                            chase (``CHASE_PLACEHOLDERS``)
transfer_answer_days        days a receiving chair has to answer a        28
                            work transfer (ToR 8; 1-180)
email_circulation_agenda    {subject, body}: the agenda sent ahead        below
email_circulation           {subject, body}: pack, papers, supplements    below
house_template              null, or {document_id, file_name}: the Word   null (the program's
                            template (.docx/.dotx) stored as a document   own style)
email_minutes_circulation   {subject, body}: the minutes sent to members  below
                            after a meeting (ToR 13)
review_interval_months      months from the Terms of Reference's sign-off 12
                            (or a chairing review) to the next review
                            (ToR 2, 12; 1-60)
==========================  ============================================  =========================

The paper emails fill :data:`~mqp_desktop.domain.papers.PLACEHOLDERS`; the
circulation emails fill :data:`CIRCULATION_PLACEHOLDERS` (filled by
:mod:`mqp_desktop.exporters.circulation`). The house template's bytes are a
stored document (``store.agendas.set_house_template``); the setting only points
at it, and :mod:`mqp_desktop.exporters.agenda_docx` writes the agenda in its
styles, header (logo) and footer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mqp_desktop.domain.action_reminders import DEFAULT_REMINDER as DEFAULT_ACTION_REMINDER
from mqp_desktop.domain.action_reminders import REMINDER_PLACEHOLDERS as ACTION_REMINDER_PLACEHOLDERS
from mqp_desktop.domain.agenda import load_standing_agenda, standing_agenda_from_data
from mqp_desktop.domain.challenges import CHASE_PLACEHOLDERS as CHALLENGE_PLACEHOLDERS
from mqp_desktop.domain.challenges import DEFAULT_CHASE as DEFAULT_CHALLENGE_CHASE
from mqp_desktop.domain.papers import PLACEHOLDERS, EmailTemplate
from mqp_desktop.domain.partnership import DEFAULT_ANSWER_DAYS
from mqp_desktop.domain.validation import ValidationError

STANDING_AGENDA = "standing_agenda"
PAPER_DEADLINE_DAYS = "paper_deadline_days"
PACK_SIZE_LIMIT_MB = "pack_size_limit_mb"
PARTNERSHIP_PRIORITIES = "partnership_priorities"
EMAIL_PAPER_REQUEST = "email_paper_request"
EMAIL_PAPER_CHASE = "email_paper_chase"
EMAIL_CHALLENGE_CHASE = "email_challenge_chase"
TRANSFER_ANSWER_DAYS = "transfer_answer_days"
EMAIL_CIRCULATION_AGENDA = "email_circulation_agenda"
EMAIL_CIRCULATION = "email_circulation"
HOUSE_TEMPLATE = "house_template"
EMAIL_MINUTES_CIRCULATION = "email_minutes_circulation"
EMAIL_ACTION_REMINDER = "email_action_reminder"
REVIEW_INTERVAL_MONTHS = "review_interval_months"
CHAIR_REPORT_SECTIONS = "chair_report_sections"  # the chair's report: sections chosen, in order (domain/chair_report.py)

HOUSE_TEMPLATE_SUFFIXES = (".docx", ".dotx")
_HOUSE_TEMPLATE_HOW = ("choose the template again in Agenda & papers settings, or with "
                       "'mqp settings set house_template FILE.docx'")

CIRCULATION_PLACEHOLDERS = {
    "what": "what is attached, e.g. 'agenda and papers', 'supplementary paper'",
    "meeting": "the meeting's title, e.g. 'Meeting of 8 December 2026'",
    "meeting_date": "the meeting's date, e.g. '8 December 2026'",
    "meeting_day": "the meeting's day and date, e.g. 'Tuesday 8 December 2026'",
    "meeting_time": "e.g. '10:00 to 12:00'",
    "venue": "the venue and/or online link",
    "chair": "the chair's name",
    "subcommittee": "the subcommittee's name",
    "partnership": "the partnership's name",
    "items": "the agenda's items, one a line, numbered",
    "papers_deadline": "the default deadline for papers, e.g. 'Tuesday 24 November 2026'",
    "attachments": "the attached files, one a line",
    "to_follow": "a line naming papers not yet received (empty when none)",
    "sender": "the business support officer's name and post (or 'Business Support')",
}

MINUTES_CIRCULATION_PLACEHOLDERS = {
    "meeting": "the meeting's title, e.g. 'Meeting of 8 December 2026'",
    "meeting_date": "the meeting's date, e.g. '8 December 2026'",
    "meeting_day": "the meeting's day and date, e.g. 'Tuesday 8 December 2026'",
    "minutes": "'minutes', or 'draft minutes' before the chair signs them",
    "signed": "'signed by the chair on 12 January 2027', or 'not yet signed by the chair'",
    "chair": "the chair's name",
    "subcommittee": "the subcommittee's name",
    "partnership": "the partnership's name",
    "actions": "the actions agreed at the meeting, one a line with owner and due date (empty when none)",
    "next_meeting": "the next meeting's day and date, or 'to be confirmed'",
    "attachments": "the attached files, one a line",
    "sender": "the business support officer's name and post (or 'Business Support')",
}

DEFAULT_REQUEST = {
    "subject": "Paper requested: {item} - {subcommittee}, {meeting_date}",
    "body": (
        "Dear {author},\n\n"
        "The {subcommittee} meets on {meeting_date}. Item {item_number}, '{item}', is on the agenda, "
        "and we would be grateful for a paper: '{paper}'.\n\n"
        "Please send it by {deadline}, signed off by a senior manager in your agency (Terms of Reference, "
        "clause 14), as a PDF or Word document. Please say who signed it off and when.\n\n"
        "Many thanks,\n\nBusiness Support\n{partnership}\n"
    ),
}
DEFAULT_CHASE = {
    "subject": "Reminder: paper for {item} - {subcommittee}, {meeting_date}",
    "body": (
        "Dear {author},\n\n"
        "We have not yet received the paper '{paper}' for item {item_number}, '{item}', at the "
        "{subcommittee} meeting on {meeting_date}. It was due on {deadline}.\n\n"
        "Please send it as soon as you can, signed off by a senior manager, so that it can go out with "
        "the meeting pack. If it cannot be ready in time, please let us know so the chair can decide "
        "whether to defer the item.\n\n"
        "Many thanks,\n\nBusiness Support\n{partnership}\n"
    ),
}
_CIRCULATION_CLOSE = (
    "If you cannot attend, please send your apologies and, where you can, a deputy from your agency "
    "(Terms of Reference, clause 5). Please tell us before the meeting of any interest you need to "
    "declare (clause 11).\n\n"
    "Kind regards,\n\n{sender}\n{partnership}\n"
)
DEFAULT_CIRCULATION_AGENDA = {
    "subject": "{subcommittee}: agenda for {meeting_date}",
    "body": (
        "Dear colleagues,\n\n"
        "Please find attached the agenda for the meeting of the {subcommittee}.\n\n"
        "Date: {meeting_day}, {meeting_time}\nVenue: {venue}\nChair: {chair}\n\n"
        "Agenda\n{items}\n\n"
        "Papers are due with us by {papers_deadline}, signed off by a senior manager in your agency "
        "(Terms of Reference, clause 14). The papers will follow with the meeting pack.\n\n"
        + _CIRCULATION_CLOSE
    ),
}
DEFAULT_CIRCULATION = {
    "subject": "{subcommittee}: {what} for {meeting_date}",
    "body": (
        "Dear colleagues,\n\n"
        "Please find attached the {what} for the meeting of the {subcommittee}.\n\n"
        "Date: {meeting_day}, {meeting_time}\nVenue: {venue}\nChair: {chair}\n\n"
        "{attachments}\n\n{to_follow}\n\n"
        "Agenda\n{items}\n\n"
        + _CIRCULATION_CLOSE
    ),
}

DEFAULT_MINUTES_CIRCULATION = {
    "subject": "{subcommittee}: {minutes} of the meeting of {meeting_date}",
    "body": (
        "Dear colleagues,\n\n"
        "Please find attached the {minutes} of the meeting of the {subcommittee} held on {meeting_day} ({signed}), "
        "for consideration at the next meeting (Terms of Reference, clause 13).\n\n"
        "{attachments}\n\n"
        "Actions agreed at the meeting:\n{actions}\n\n"
        "Please follow up your actions in good time and tell us of any correction to the minutes before the next "
        "meeting, on {next_meeting}.\n\n"
        "Kind regards,\n\n{sender}\n{partnership}\n"
    ),
}


@functools.cache
def default_standing_agenda() -> tuple[dict[str, Any], ...]:
    from mqp_desktop.paths import resource_path

    return tuple(s.to_data() for s in load_standing_agenda(resource_path("templates", "standing-agenda.json")))


def _int_between(low: int, high: int, what: str) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValidationError("value", f"{what} must be a whole number from {low} to {high}.")
        try:
            n = int(value)
        except ValueError:
            raise ValidationError("value", f"'{value}' is not a number: {what} must be from {low} to {high}.") from None
        if not low <= n <= high:
            raise ValidationError("value", f"{n} is out of range: {what} must be from {low} to {high}.")
        return n

    return check


def _standing(value: Any) -> list[dict[str, Any]]:
    return [s.to_data() for s in standing_agenda_from_data(value)]


def _priorities(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [p for p in value.replace(";", "\n").splitlines()]
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise ValidationError("value", "The partnership priorities are a list of names.")
    out: list[str] = []
    for p in value:
        p = " ".join(p.split())
        if p and p.lower() not in {q.lower() for q in out}:
            out.append(p)
    return out


def _email(value: Any, placeholders: Mapping[str, str] = PLACEHOLDERS) -> dict[str, str]:
    if not isinstance(value, dict) or not isinstance(value.get("subject"), str) or not isinstance(value.get("body"), str):
        raise ValidationError("value", "An email template is an object with a 'subject' and a 'body' (text).")
    subject, body = value["subject"].strip(), value["body"].strip() + "\n"
    if not subject or not body.strip():
        raise ValidationError("value", "An email template needs both a subject and a body.")
    unknown = sorted({name for name in re.findall(r"\{(\w+)\}", subject + body) if name not in placeholders})
    if unknown:
        raise ValidationError(
            "value",
            f"The template uses {', '.join('{' + u + '}' for u in unknown)}, which is not a placeholder: "
            f"use {', '.join('{' + p + '}' for p in placeholders)}.",
        )
    return {"subject": subject, "body": body}


def _house_template(value: Any) -> dict[str, Any] | None:
    """None (the program's own style) or {"document_id": int > 0, "file_name": "….docx" or "….dotx"}."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValidationError(
            "value", f"The house template is either none or a stored Word file, not {value!r}: {_HOUSE_TEMPLATE_HOW}.")
    extra = sorted(set(value) - {"document_id", "file_name"})
    if extra:
        raise ValidationError(
            "value", f"The house template holds only 'document_id' and 'file_name', not {', '.join(extra)}: "
                     f"{_HOUSE_TEMPLATE_HOW}.")
    doc_id, name = value.get("document_id"), value.get("file_name")
    if isinstance(doc_id, bool) or not isinstance(doc_id, int) or doc_id <= 0:
        raise ValidationError(
            "value", f"The house template's 'document_id' must be a stored file's id (a whole number above 0), "
                     f"not {doc_id!r}: {_HOUSE_TEMPLATE_HOW}.")
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("value", f"The house template needs its 'file_name': {_HOUSE_TEMPLATE_HOW}.")
    name = name.strip()
    if not name.lower().endswith(HOUSE_TEMPLATE_SUFFIXES) or name.lower() in HOUSE_TEMPLATE_SUFFIXES:
        raise ValidationError(
            "value", f"The house template '{name}' is not a Word document (.docx) or Word template (.dotx): "
                     "save it in Word as one of those and choose that.")
    return {"document_id": doc_id, "file_name": name}


def _default_chair_sections() -> list[str]:
    from mqp_desktop.domain.chair_report import DEFAULT_SECTIONS

    return list(DEFAULT_SECTIONS)


def _chair_sections(value: Any) -> list[str]:
    from mqp_desktop.domain.chair_report import clean_sections

    return clean_sections(value)


@dataclass(frozen=True)
class SettingSpec:
    name: str
    description: str
    default: Callable[[], Any]
    clean: Callable[[Any], Any]


SETTINGS: dict[str, SettingSpec] = {
    s.name: s
    for s in (
        SettingSpec(STANDING_AGENDA, "the items every new meeting's agenda starts with",
                    lambda: [dict(d) for d in default_standing_agenda()], _standing),
        SettingSpec(PAPER_DEADLINE_DAYS, "a paper's default deadline, in working days before the meeting",
                    lambda: 10, _int_between(0, 60, "The paper deadline in working days")),
        SettingSpec(PACK_SIZE_LIMIT_MB, "warn when a circulation email is larger than this (MB)",
                    lambda: 20, _int_between(1, 500, "The pack size limit in MB")),
        SettingSpec(PARTNERSHIP_PRIORITIES, "the partnership's priorities an item can be linked to",
                    list, _priorities),
        SettingSpec(EMAIL_PAPER_REQUEST, "the email asking an author for a paper",
                    lambda: dict(DEFAULT_REQUEST), _email),
        SettingSpec(EMAIL_PAPER_CHASE, "the email chasing a late paper",
                    lambda: dict(DEFAULT_CHASE), _email),
        SettingSpec(EMAIL_CHALLENGE_CHASE, "the email chasing an agency's overdue response to a challenge",
                    lambda: dict(DEFAULT_CHALLENGE_CHASE), lambda v: _email(v, CHALLENGE_PLACEHOLDERS)),
        SettingSpec(TRANSFER_ANSWER_DAYS, "days the receiving chair has to answer a work transfer (ToR 8)",
                    lambda: DEFAULT_ANSWER_DAYS, _int_between(1, 180, "The days to answer a work transfer")),
        SettingSpec(EMAIL_CIRCULATION_AGENDA, "the email sending members the agenda ahead of the papers",
                    lambda: dict(DEFAULT_CIRCULATION_AGENDA), lambda v: _email(v, CIRCULATION_PLACEHOLDERS)),
        SettingSpec(EMAIL_CIRCULATION, "the email sending members the agenda and papers (or a supplement)",
                    lambda: dict(DEFAULT_CIRCULATION), lambda v: _email(v, CIRCULATION_PLACEHOLDERS)),
        SettingSpec(HOUSE_TEMPLATE, "the house template (Word) the Word agenda is written in",
                    lambda: None, _house_template),
        SettingSpec(EMAIL_MINUTES_CIRCULATION, "the email sending members the minutes after a meeting",
                    lambda: dict(DEFAULT_MINUTES_CIRCULATION), lambda v: _email(v, MINUTES_CIRCULATION_PLACEHOLDERS)),
        SettingSpec(EMAIL_ACTION_REMINDER, "the email reminding an owner of their actions from the action log",
                    lambda: dict(DEFAULT_ACTION_REMINDER), lambda v: _email(v, ACTION_REMINDER_PLACEHOLDERS)),
        SettingSpec(REVIEW_INTERVAL_MONTHS, "months from the Terms of Reference's sign-off (or a chairing review) to "
                    "the next review", lambda: 12, _int_between(1, 60, "The review interval in months")),
        SettingSpec(CHAIR_REPORT_SECTIONS, "the chair's report's sections, in order (keys: meetings, attendance, "
                    "declarations, decisions, actions, performance, challenges, quality, section11, partnership, "
                    "training, due)", _default_chair_sections, _chair_sections),
    )
}


def setting_spec(name: str) -> SettingSpec:
    try:
        return SETTINGS[name]
    except KeyError:
        raise ValidationError(
            "name", f"There is no setting called '{name}': the settings are {', '.join(SETTINGS)}."
        ) from None


def clean_setting(name: str, value: Any) -> Any:
    """The value checked and tidied for storing; bad values raise ValidationError."""
    return setting_spec(name).clean(value)


def email_template(value: dict[str, str]) -> EmailTemplate:
    return EmailTemplate(subject=value["subject"], body=value["body"])

"""Chase emails for overdue challenges (ToR 6.3): drafts the business team opens, checks and sends.

One ``.eml`` draft (``X-Unsent: 1``: Outlook and Thunderbird open it as a new message) per
challenge waiting for the agency past its due date. It goes to whom the challenge was put
to — the member's address from the register, or the named contact's — and is worded from
the editable ``email_challenge_chase`` template (Agenda & papers settings, or ``mqp settings
set email_challenge_chase``), like the papers' chase: the reference, the question, where it
was raised, the due date, how many days overdue, and what further information was asked
for when the subcommittee asked for more. It is signed by the register's Business Support
Officer (or Business Manager) where there is one.

The message is built by :func:`~mqp_desktop.exporters.circulation.draft_message`, the same
as a paper's request and chase; a batch is written all or nothing. Writing a draft records
nothing: the challenge's history shows what was decided, not what was drafted.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.challenges import Challenge, ChallengeStatus, chase_values, fill_chase
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.chase_email import business_sender
from mqp_desktop.exporters.circulation import draft_bytes, draft_message, write_draft
from mqp_desktop.exporters.files import ExportFileError, safe_file_name, write_all_or_nothing

if TYPE_CHECKING:
    from mqp_desktop.store.store import Store


def chase_file_name(challenge: Challenge, agency_label: str) -> str:
    """'Chase - CH-2026-007 - SWL ICB.eml', safe on Windows."""
    return safe_file_name(f"Chase - {challenge.reference} - {agency_label}", ".eml", fallback="Chase")


def chase_message(store: Store, challenge_id: int, today: dt.date | None = None) -> EmailMessage:
    """The chase draft of one overdue challenge (not written anywhere). A challenge that is not overdue is
    refused, saying why (answered, closed, not yet due)."""
    today = today or dt.date.today()
    repo = store.challenges
    c = repo.get(challenge_id)
    status = c.status(today)
    if status is not ChallengeStatus.OVERDUE:
        why = {
            ChallengeStatus.OPEN: f"its response is not due until {c.due_date.day} {c.due_date:%b %Y}",
            ChallengeStatus.ANSWERED: "the agency has answered: the response is waiting for the subcommittee's review",
            ChallengeStatus.CLOSED: "it is closed",
            ChallengeStatus.WITHDRAWN: "it was withdrawn",
        }[status]
        raise ValidationError("challenge", f"{c.reference} is not overdue ({why}): there is nothing to chase.")
    sc = store.subcommittee()
    agency = store.agency(c.agency_id)
    name, email = repo.contact(c)
    sender = business_sender(store)
    values = chase_values(
        c, agency=agency.name, contact=name, raised_at=repo.raised_at_text(c, long=True), subcommittee=sc.name,
        partnership=sc.partnership, today=today,
        sender=f"{sender.name}\n{sender.role_title}" if sender is not None else "Business Support",
    )
    subject, body = fill_chase(store.agendas.setting(cfg.EMAIL_CHALLENGE_CHASE), values)
    return draft_message(subject, body, to=[(name, email)], sender=sender)


def write_chase_email(store: Store, challenge_id: int, path: Path | str, *, today: dt.date | None = None) -> Path:
    """Write one overdue challenge's chase draft to ``path`` (.eml); the path written."""
    return write_draft(chase_message(store, challenge_id, today), path)


def write_chase_emails(store: Store, folder: Path | str, *, today: dt.date | None = None,
                       challenge_ids: list[int] | None = None) -> list[Path]:
    """A chase draft for every overdue challenge (or those of ``challenge_ids``) in ``folder``; the paths, most
    overdue first. All or nothing: a draft that cannot be written leaves none."""
    today = today or dt.date.today()
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise ExportFileError(f"The folder '{folder}' does not exist.", "Choose an existing folder for the emails.")
    overdue = store.challenges.overdue(today)
    if challenge_ids is not None:
        overdue = [c for c in overdue if c.id in set(challenge_ids)]
    files = []
    for c in overdue:
        data = draft_bytes(chase_message(store, c.id, today))
        name = chase_file_name(c, store.agency(c.agency_id).label)
        files.append((folder / name, lambda tmp, data=data: tmp.write_bytes(data)))
    return write_all_or_nothing(files)


__all__ = ["chase_file_name", "chase_message", "write_chase_email", "write_chase_emails"]

"""Papers for agenda items: requests, deadlines, receipt, sign-off, status (ToR 14).

Plain Python, no Qt and no SQL. A paper belongs to an agenda item. It is
*requested* from an author with a deadline — by default a number of working
days before the meeting (the ``paper_deadline_days`` setting, 10), skipping
weekends and England's bank holidays (:func:`paper_deadline`). It is then
*received* (a date), its file attached (a :mod:`document <mqp_desktop.domain.documents>`
held in the database), and *signed off* by a senior manager (who, when;
ToR 14). A paper may be *withdrawn*. A paper added after the pack was
circulated is a *supplement*, numbered 1, 2 … without renumbering the pack.

:func:`paper_status` gives one status word per paper; :func:`paper_problems`
lists what needs chasing for a meeting (overdue, not signed off, no file, a
decision item with no paper). :func:`request_email` and :func:`chase_email`
build email drafts (:class:`EmailDraft`: plain data) from editable templates
with ``{placeholders}`` — writing them out as ``.eml`` is the circulation
exporter's job.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Container, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from mqp_desktop.domain.agenda import MAX_TITLE, AgendaItem, AgendaLine, AgendaTiming, Purpose
from mqp_desktop.domain.validation import ValidationError, clean_email


class PaperStatus(StrEnum):
    REQUESTED = "requested"
    """Asked for; the deadline has not passed."""
    OVERDUE = "overdue"
    """The deadline has passed and it has not been received."""
    RECEIVED = "received"
    """Received and signed off, but no file attached yet."""
    NOT_SIGNED_OFF = "not signed off"
    """Received, but no senior manager has signed it off (ToR 14)."""
    READY = "ready"
    """Received, signed off, file attached: ready for the pack."""
    WITHDRAWN = "withdrawn"


@dataclass
class Paper:
    item_id: int
    title: str
    author_name: str = ""
    author_email: str = ""
    requested_on: dt.date | None = None
    deadline: dt.date | None = None
    received_on: dt.date | None = None
    signed_off_by: str = ""
    signed_off_on: dt.date | None = None
    withdrawn: bool = False
    supplement: int | None = None
    """Supplement number (1, 2 …) for a paper added after the pack was circulated; None in the pack."""
    notes: str = ""
    document_id: int | None = None
    """The current attached file (a document; replacing the file points at a new one)."""
    removed: bool = False
    id: int | None = None
    row_version: int | None = field(default=None, compare=False)  # as read (see domain/versions.py)

    @property
    def received(self) -> bool:
        return self.received_on is not None

    @property
    def signed_off(self) -> bool:
        return bool(self.signed_off_by) and self.signed_off_on is not None

    @property
    def supplement_label(self) -> str:
        """'Supplement 2', or '' for a paper in the pack."""
        return f"Supplement {self.supplement}" if self.supplement else ""


def validate_paper(paper: Paper) -> Paper:
    title = " ".join((paper.title or "").split())
    if not title:
        raise ValidationError("title", "The paper's title is empty: give it a title.")
    if len(title) > MAX_TITLE:
        raise ValidationError("title", f"The paper's title is {len(title)} characters long; a paper's title is at "
                                       f"most {MAX_TITLE}. Shorten it (the paper itself says the rest).")
    paper.title = title
    paper.author_name = " ".join((paper.author_name or "").split())
    paper.author_email = clean_email(paper.author_email, "author_email")
    paper.signed_off_by = " ".join((paper.signed_off_by or "").split())
    if bool(paper.signed_off_by) != (paper.signed_off_on is not None):
        raise ValidationError("signed_off", "A sign-off needs both who signed the paper off and the date.")
    if paper.signed_off_on and paper.received_on and paper.signed_off_on < paper.received_on - dt.timedelta(days=365):
        raise ValidationError("signed_off_on", "The sign-off date is more than a year before the paper was received: check it.")
    if paper.requested_on and paper.deadline and paper.deadline < paper.requested_on:
        raise ValidationError(
            "deadline", f"The deadline ({paper.deadline:%d/%m/%Y}) is before the paper was requested "
            f"({paper.requested_on:%d/%m/%Y}): correct one of the dates."
        )
    if paper.supplement is not None and paper.supplement < 1:
        raise ValidationError("supplement", "Supplements are numbered from 1.")
    paper.notes = (paper.notes or "").strip()
    return paper


# --- deadlines --------------------------------------------------------------------------------

def working_days_before(day: dt.date, n: int, holidays: Container[dt.date]) -> dt.date:
    """The date ``n`` working days (not weekends, not ``holidays``) before ``day``.

    ``n = 0`` is ``day`` itself, moved back to a working day if it is not one.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    current = day
    while current.weekday() >= 5 or current in holidays:
        current -= dt.timedelta(days=1)
    counted = 0
    while counted < n:
        current -= dt.timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            counted += 1
    return current


def paper_deadline(
    meeting_date: dt.date,
    working_days: int = 10,
    holidays: Container[dt.date] | Callable[[range], Container[dt.date]] | None = None,
) -> dt.date:
    """The default deadline for a paper: ``working_days`` working days before the meeting,
    skipping weekends and (by default) England's bank holidays."""
    if holidays is None:
        from mqp_desktop.domain.schedule import english_bank_holidays

        holidays = english_bank_holidays
    if callable(holidays):
        holidays = holidays(range(meeting_date.year - 1, meeting_date.year + 1))
    return working_days_before(meeting_date, working_days, holidays)


# --- status -----------------------------------------------------------------------------------

def paper_status(paper: Paper, today: dt.date) -> PaperStatus:
    """One status for a paper on ``today`` (see :class:`PaperStatus`)."""
    if paper.withdrawn:
        return PaperStatus.WITHDRAWN
    if not paper.received:
        if paper.deadline is not None and paper.deadline < today:
            return PaperStatus.OVERDUE
        return PaperStatus.REQUESTED
    if not paper.signed_off:
        return PaperStatus.NOT_SIGNED_OFF
    if paper.document_id is None:
        return PaperStatus.RECEIVED
    return PaperStatus.READY


def next_supplement_number(papers: Iterable[Paper]) -> int:
    """The number the next supplement of a meeting takes (1 when there is none)."""
    return max((p.supplement or 0 for p in papers if not p.removed), default=0) + 1


class ProblemKind(StrEnum):
    OVERDUE = "overdue"
    NOT_SIGNED_OFF = "not signed off"
    NO_FILE = "no file"
    OUTSTANDING = "outstanding"
    """Requested, not received, deadline not yet passed."""
    NO_PAPER = "no paper"
    """An item for decision with no paper requested."""


@dataclass(frozen=True)
class PaperProblem:
    kind: ProblemKind
    item: AgendaItem
    paper: Paper | None
    message: str

    @property
    def late(self) -> bool:
        return self.kind is ProblemKind.OVERDUE


def paper_problems(
    items: Iterable[AgendaItem],
    papers: Iterable[Paper],
    today: dt.date,
    numbers: Mapping[int, str] | None = None,
    *,
    include_outstanding: bool = True,
) -> list[PaperProblem]:
    """Late and missing papers for one meeting's agenda, in agenda order.

    Overdue (deadline passed, not received), outstanding (not yet due), received
    but not signed off, signed off with no file, and items for decision with no
    paper at all. Withdrawn and removed papers are left out.
    """
    items = [i for i in items if not i.removed]
    numbers = numbers or {}
    by_item: dict[int, list[Paper]] = {}
    for p in papers:
        if not p.removed:
            by_item.setdefault(p.item_id, []).append(p)
    from mqp_desktop.domain.agenda import ordered

    out: list[PaperProblem] = []
    for item in ordered(items):
        label = f"Item {numbers[item.id]}" if item.id in numbers else "Item"
        live = [p for p in by_item.get(item.id, []) if not p.withdrawn]
        if not by_item.get(item.id) and item.purpose is Purpose.DECISION and not item.is_standing:
            out.append(PaperProblem(ProblemKind.NO_PAPER, item, None,
                                    f"{label} '{item.title}' is for decision but no paper has been requested."))
        for p in live:
            status = paper_status(p, today)
            who = f" from {p.author_name}" if p.author_name else ""
            if status is PaperStatus.OVERDUE:
                days = (today - p.deadline).days
                out.append(PaperProblem(ProblemKind.OVERDUE, item, p,
                                        f"{label}: '{p.title}'{who} was due {p.deadline:%d %b %Y}"
                                        f" ({days} day{'s' if days != 1 else ''} ago) and has not been received."))
            elif status is PaperStatus.REQUESTED and include_outstanding:
                due = f", due {p.deadline:%d %b %Y}" if p.deadline else ""
                out.append(PaperProblem(ProblemKind.OUTSTANDING, item, p,
                                        f"{label}: '{p.title}'{who} has been requested{due}."))
            elif status is PaperStatus.NOT_SIGNED_OFF:
                out.append(PaperProblem(ProblemKind.NOT_SIGNED_OFF, item, p,
                                        f"{label}: '{p.title}' has not been signed off by a senior manager (ToR 14)."))
            elif status is PaperStatus.RECEIVED:
                out.append(PaperProblem(ProblemKind.NO_FILE, item, p,
                                        f"{label}: '{p.title}' is recorded as received but no file is attached."))
    return out


def late_papers(papers: Iterable[Paper], today: dt.date) -> list[Paper]:
    """Papers whose deadline has passed and that have not been received (not withdrawn)."""
    return [p for p in papers if not p.removed and paper_status(p, today) is PaperStatus.OVERDUE]


def missing_papers(papers: Iterable[Paper]) -> list[Paper]:
    """Papers requested and not yet received, overdue or not (not withdrawn)."""
    return [p for p in papers if not p.removed and not p.withdrawn and not p.received]


# --- email drafts -----------------------------------------------------------------------------

PLACEHOLDERS = {
    "author": "the author's name",
    "paper": "the paper's title",
    "item": "the agenda item's title",
    "item_number": "the agenda item's number",
    "meeting": "the meeting's title, e.g. 'Meeting of 10 March 2026'",
    "meeting_date": "the meeting's date, e.g. '10 March 2026'",
    "deadline": "the paper's deadline, e.g. 'Tuesday 24 February 2026'",
    "subcommittee": "the subcommittee's name",
    "partnership": "the partnership's name",
    "days_overdue": "days since the deadline (0 if not yet due)",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def unknown_placeholders(text: str) -> list[str]:
    """Placeholders in a template that :func:`fill_template` would not fill."""
    return sorted({name for name in _PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


def fill_template(text: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` with ``values[name]``; unknown names (and any other braces) stay as typed."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


@dataclass(frozen=True)
class EmailTemplate:
    subject: str
    body: str


@dataclass(frozen=True)
class EmailDraft:
    """An email ready to be written out as a draft (.eml) and sent from the user's mail program."""

    subject: str
    body: str
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    kind: str = ""
    """What it is for: 'paper_request', 'paper_chase', …"""
    paper_id: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _long_date(day: dt.date | None) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}" if day else "(no deadline set)"


def email_values(
    paper: Paper,
    item: AgendaItem,
    item_number: str,
    meeting_title: str,
    meeting_date: dt.date,
    subcommittee: str = "",
    partnership: str = "",
    today: dt.date | None = None,
) -> dict[str, str]:
    """The placeholder values for a paper's emails."""
    today = today or dt.date.today()
    overdue = max(0, (today - paper.deadline).days) if paper.deadline else 0
    return {
        "author": paper.author_name or "colleague",
        "paper": paper.title,
        "item": item.title,
        "item_number": item_number,
        "meeting": meeting_title,
        "meeting_date": f"{meeting_date.day} {meeting_date:%B %Y}",
        "deadline": _long_date(paper.deadline),
        "subcommittee": subcommittee,
        "partnership": partnership,
        "days_overdue": str(overdue),
    }


def _draft(kind: str, template: EmailTemplate, paper: Paper, values: Mapping[str, str]) -> EmailDraft:
    if not paper.author_email:
        raise ValidationError(
            "author_email", f"'{paper.title}' has no author email address: add one before drafting the email."
        )
    subject = " ".join(fill_template(template.subject, values).split())
    return EmailDraft(subject=subject, body=fill_template(template.body, values), to=(paper.author_email,),
                      kind=kind, paper_id=paper.id)


def request_email(template: EmailTemplate, paper: Paper, values: Mapping[str, str]) -> EmailDraft:
    """The email asking an author for a paper (template: the ``email_paper_request`` setting)."""
    return _draft("paper_request", template, paper, values)


def chase_email(template: EmailTemplate, paper: Paper, values: Mapping[str, str]) -> EmailDraft:
    """The email chasing a late or missing paper (template: the ``email_paper_chase`` setting)."""
    return _draft("paper_chase", template, paper, values)


# --- what a meeting's agenda and papers look like together -----------------------------------

@dataclass(frozen=True)
class MeetingAgenda:
    """One meeting's agenda as the exporters and screens use it: numbered lines with times,
    the timing, each item's live papers and its presenter in words."""

    meeting_id: int
    lines: tuple[AgendaLine, ...]
    timing: AgendaTiming
    papers: Mapping[int, tuple[Paper, ...]]
    """Item id -> its papers (not removed; withdrawn ones included, marked), pack papers then supplements."""
    presenters: Mapping[int, str]
    """Item id -> 'Dr Jo Bloggs (Designated Nurse, SWL ICB)', a guest's name, or ''."""

    @property
    def numbers(self) -> dict[int, str]:
        return {line.item.id: line.number for line in self.lines}

    def all_papers(self) -> list[Paper]:
        return [p for line in self.lines for p in self.papers.get(line.item.id, ())]


# --- circulation and packs -------------------------------------------------------------------

class CirculationKind(StrEnum):
    AGENDA = "agenda"
    PACK = "pack"
    SUPPLEMENT = "supplement"
    MINUTES = "minutes"
    PAPERS = "papers"


@dataclass(frozen=True)
class Attachment:
    """A file that went out with a circulation: its name, content hash and size."""

    name: str
    sha256: str
    size: int

    def to_data(self) -> dict[str, object]:
        return {"name": self.name, "sha256": self.sha256, "size": self.size}


@dataclass(frozen=True)
class Circulation:
    """A record that something was sent to members: what, to whom, when (ToR 13). Never changed."""

    meeting_id: int
    kind: CirculationKind
    at: str
    recipients: tuple[str, ...]
    attachments: tuple[Attachment, ...]
    subject: str = ""
    note: str = ""
    pack_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class Pack:
    """A built meeting pack: the PDF (a document) and what it holds.

    ``contents`` is the builder's own JSON (items, papers with their document ids,
    page ranges), kept as given so a circulated pack can be shown to be unchanged."""

    meeting_id: int
    built_at: str
    document_id: int
    contents: object
    page_count: int
    circulated: bool = False
    id: int | None = None

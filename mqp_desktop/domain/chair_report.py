"""The chair's report to the Executive (ToR 2) and the annual report, in plain Python.

ToR 2: "The chair will provide a chairs report to the quarterly executive meeting." The report covers
a **quarter** (a calendar-quarter key such as ``2026-Q3``, read the partnership's way as
Q2 2026-27) or a **financial year** (``2026-27``), and is drafted from the data section by section.
Each section has its figures (:class:`Figure`: a key, words, a number), a few sentences saying
them, tables, optional sub-sections (one per performance exception, with its chart) and, in the
Word document, an empty "Chair's commentary" paragraph for the chair to write in.

The sections, their keys and default order (:data:`SECTIONS`); which are included and in what
order is the ``chair_report_sections`` setting (:func:`clean_sections`), saved with the database.

The rules for the figures are stated here once, and the store's reader
(:mod:`mqp_desktop.store.chair_report`) applies them:

* **As at the end of the period.** "Open", "overdue" and "awaiting" are judged on the period's last
  day: an action is open at the end when it came from a meeting on or before it and was not closed
  (done or dropped) on or before it; it is overdue at the end when, open then, its due date is
  before that day (:func:`overdue_at`). A challenge's status at the end is
  :func:`challenge_status_on`.
* **In the period** means dated from its first day to its last, both included.
* Actions dropped because their adding was undone (never agreed) are left out everywhere.

Nothing here reads the database, Qt or Word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from mqp_desktop.domain.actions import ADDED_IN_ERROR, Action, ActionStatus
from mqp_desktop.domain.periods import Frequency, Period, parse_period
from mqp_desktop.domain.validation import ValidationError

# --- the sections -------------------------------------------------------------------------------
MEETINGS = "meetings"
ATTENDANCE = "attendance"
DECLARATIONS = "declarations"
DECISIONS = "decisions"
ACTIONS = "actions"
PERFORMANCE = "performance"
CHALLENGES = "challenges"
QUALITY = "quality"
SECTION11 = "section11"
PARTNERSHIP = "partnership"
TRAINING = "training"
DUE = "due"

SECTIONS: dict[str, str] = {
    MEETINGS: "Meetings and quoracy",
    ATTENDANCE: "Attendance against the standard",
    DECLARATIONS: "Declarations of interest",
    DECISIONS: "Decisions",
    ACTIONS: "Actions",
    PERFORMANCE: "Performance: the scorecard's exceptions",
    CHALLENGES: "Challenges raised and answered",
    QUALITY: "Audits and inspections",
    SECTION11: "Section 11",
    PARTNERSHIP: "Transfers, escalations and disputes",
    TRAINING: "Training reviewed",
    DUE: "Due next quarter",
}
"""Every section's key and heading, in the default order."""

DEFAULT_SECTIONS: tuple[str, ...] = tuple(SECTIONS)
SETTING_NAME = "chair_report_sections"
COMMENTARY_HEADING = "Chair's commentary"

_ALIASES = {"section 11": SECTION11, "s11": SECTION11, "audits": QUALITY, "inspections": QUALITY,
            "transfers": PARTNERSHIP, "escalations": PARTNERSHIP, "disputes": PARTNERSHIP,
            "scorecard": PERFORMANCE, "exceptions": PERFORMANCE, "quoracy": MEETINGS, "quorum": MEETINGS,
            "interests": DECLARATIONS, "due next quarter": DUE, "next quarter": DUE}


def section_key(text: str) -> str:
    """A section's key from its key or heading (any case); unknown text is refused, naming the keys."""
    key = " ".join(str(text or "").strip().lower().replace("_", " ").split())
    for k, title in SECTIONS.items():
        if key in (k, title.lower()):
            return k
    if key in _ALIASES:
        return _ALIASES[key]
    raise ValidationError("sections", f"'{text}' is not a section of the chair's report: use "
                                      f"{', '.join(SECTIONS)}.")


def clean_sections(value: Any) -> list[str]:
    """The setting's value checked: a list of section keys (or a comma-separated text), each once, at least
    one. Headings and a few plain words ('audits', 'transfers') are read as their keys."""
    if isinstance(value, str):
        value = [p for p in value.replace(";", ",").replace("\n", ",").split(",") if p.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) for p in value):
        raise ValidationError("sections", "The chair's report sections are a list of section keys, e.g. "
                                          f"{', '.join(DEFAULT_SECTIONS[:3])}.")
    out: list[str] = []
    for text in value:
        key = section_key(text)
        if key in out:
            raise ValidationError("sections", f"The section '{SECTIONS[key]}' is listed twice: list each once.")
        out.append(key)
    if not out:
        raise ValidationError("sections", "The chair's report needs at least one section.")
    return out


# --- the period --------------------------------------------------------------------------------
def report_period(value: Period | str, kind: str | None = None) -> Period:
    """The quarter or financial year a report covers: ``2026-Q3`` (or ``Q2 2026-27``) or ``2026-27``.

    ``kind``: "quarter" or "year" to insist on one (the command line's --quarter and --year)."""
    if isinstance(value, Period):
        period = value
    else:
        try:
            period = parse_period(value)
        except ValueError as exc:
            raise ValidationError("period", str(exc)) from None
    if period.frequency is Frequency.MONTHLY:
        raise ValidationError("period", f"The chair's report covers a quarter or a financial year, not a month "
                                        f"({period.short_label()}): give 2026-Q3 or 2026-27.")
    if kind == "quarter" and period.frequency is not Frequency.QUARTERLY:
        raise ValidationError("quarter", f"'{value}' is not a quarter: give one as 2026-Q3 (calendar quarter) or "
                                         "Q2 2026-27.")
    if kind == "year" and period.frequency is not Frequency.ANNUAL:
        raise ValidationError("year", f"'{value}' is not a financial year: give one as 2026-27.")
    return period


def is_annual(period: Period) -> bool:
    return period.frequency is Frequency.ANNUAL


def scorecard_quarter(period: Period) -> Period:
    """The quarter whose scorecard the report shows: the quarter itself, or a year's last quarter."""
    return period if period.frequency is Frequency.QUARTERLY else Period.containing(period.end, Frequency.QUARTERLY)


def next_quarter(period: Period) -> Period:
    """The quarter after the period (for "due next quarter")."""
    return scorecard_quarter(period).next()


def in_period(day: dt.date | None, period: Period) -> bool:
    return day is not None and period.start <= day <= period.end


# --- the report's shape --------------------------------------------------------------------------
@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int | str


@dataclass(frozen=True)
class Table:
    caption: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    """Relative column widths (the exporter scales them to the page)."""
    numeric: tuple[int, ...] = ()
    """Columns aligned right (numbers)."""
    empty: str = "None."
    """Said instead of the table when it has no rows."""

    def column(self, heading: str) -> list[str]:
        i = self.headings.index(heading)
        return [r[i] for r in self.rows]


@dataclass(frozen=True)
class Subsection:
    title: str
    paragraphs: tuple[str, ...] = ()
    table: Table | None = None
    chart: Any = None
    """What the exporter draws as an image (an exception's detail), or None."""
    quote: tuple[str, ...] = ()
    """Someone's own words (an exception's commentary), shown set apart."""
    quote_by: str = ""
    missing: str = ""
    """Said in red when something that should be there is not (no commentary written)."""


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    figures: tuple[Figure, ...] = ()
    paragraphs: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    subsections: tuple[Subsection, ...] = ()
    available: bool = True
    """False when this version of the program does not hold the records (said in ``paragraphs``)."""

    def value(self, key: str) -> int | str:
        for f in self.figures:
            if f.key == key:
                return f.value
        raise KeyError(f"The section '{self.key}' has no figure '{key}'.")

    def table(self, caption: str) -> Table:
        for t in self.tables:
            if t.caption == caption:
                return t
        raise KeyError(f"The section '{self.key}' has no table '{caption}'.")


@dataclass(frozen=True)
class ChairReport:
    period: Period
    prepared: dt.date
    subcommittee: str
    partnership: str
    chair: str
    executive: str
    sections: tuple[ReportSection, ...]

    @property
    def annual(self) -> bool:
        return is_annual(self.period)

    @property
    def title(self) -> str:
        if self.annual:
            return f"Annual report {self.period.short_label()}"
        return f"Chair's report to {self.executive or 'the Executive'}"

    @property
    def period_words(self) -> str:
        p = self.period
        if self.annual:
            return f"the financial year {p.short_label()} (1 April {p.start.year} to 31 March {p.end.year})"
        return f"{p.short_label()} ({day_words(p.start)} to {day_words(p.end)})"

    @property
    def subtitle(self) -> str:
        return f"{self.subcommittee}: {self.period_words}" if self.subcommittee else self.period_words.capitalize()

    @property
    def file_stem(self) -> str:
        if self.annual:
            return f"Annual report {self.period.short_label()}"
        return f"Chair's report {self.period.short_label()}"

    def section(self, key: str) -> ReportSection:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(f"The report has no section '{key}'.")


# --- words ---------------------------------------------------------------------------------------
def day_words(day: dt.date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else ""


def short_day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def rate_text(rate: float | None) -> str:
    return "\u2013" if rate is None else f"{rate:.0f}%"


# --- the rules, as functions of plain records ---------------------------------------------------------
def overdue_at(due: dt.date | None, day: dt.date) -> bool:
    """Overdue on ``day``: a due date before it (the thing still being open is for the caller to say)."""
    return due is not None and due < day


def agreed(action: Action) -> bool:
    """False for an action whose adding was undone (dropped as added in error: never agreed)."""
    return not (action.status is ActionStatus.DROPPED and action.status_note == ADDED_IN_ERROR)


def closed_by(action: Action, day: dt.date) -> bool:
    """Closed (done or dropped) on or before ``day``, by its latest status and that status's date."""
    return action.status.closed and action.status_date is not None and action.status_date <= day


@dataclass(frozen=True)
class ActionFigures:
    opened: tuple[Action, ...]
    done: tuple[Action, ...]
    dropped: tuple[Action, ...]
    open_at_end: tuple[Action, ...]
    overdue_at_end: tuple[Action, ...]


def action_figures(actions: Iterable[Action], meeting_dates: dict[int, dt.date], period: Period) -> ActionFigures:
    """Actions opened (from a meeting in the period), closed in it (done / dropped, by their status date),
    open at its end and, of those, overdue at its end."""
    opened, done, dropped, open_end, overdue = [], [], [], [], []
    for a in actions:
        if not agreed(a):
            continue
        made = meeting_dates.get(a.meeting_id)
        if made is None:
            continue
        if in_period(made, period):
            opened.append(a)
        if a.status.closed and in_period(a.status_date, period):
            (done if a.status is ActionStatus.DONE else dropped).append(a)
        if made <= period.end and not closed_by(a, period.end):
            open_end.append(a)
            if overdue_at(a.due_date, period.end):
                overdue.append(a)
    return ActionFigures(tuple(opened), tuple(done), tuple(dropped), tuple(open_end), tuple(overdue))


def challenge_status_on(challenge, day: dt.date) -> str:
    """A challenge's status as it stood on ``day``: 'withdrawn', 'closed', 'answered' (a response received and
    not yet reviewed), 'overdue' (due before the day, no response waiting), 'open'; '' when not yet raised."""
    raised = challenge.raised_on
    if raised is None or raised > day:
        return ""
    if challenge.withdrawn_on is not None and challenge.withdrawn_on <= day:
        return "withdrawn"
    if challenge.closed_on is not None and challenge.closed_on <= day:
        return "closed"
    responses = [r for r in challenge.responses if not r.removed and r.received_on <= day]
    if responses:
        latest = max(responses, key=lambda r: (r.received_on, r.id or 0))
        if latest.verdict is None or latest.reviewed_on is None or latest.reviewed_on > day:
            return "answered"
    # The due date is the latest one set (a request for further information moves it on).
    return "overdue" if overdue_at(challenge.due_date, day) else "open"


def join_words(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


__all__ = [
    "ACTIONS", "ATTENDANCE", "CHALLENGES", "COMMENTARY_HEADING", "DECISIONS", "DECLARATIONS", "DEFAULT_SECTIONS",
    "DUE", "MEETINGS", "PARTNERSHIP", "PERFORMANCE", "QUALITY", "SECTION11", "SECTIONS", "SETTING_NAME", "TRAINING",
    "ActionFigures", "ChairReport", "Figure", "ReportSection", "Subsection", "Table", "action_figures", "agreed",
    "challenge_status_on", "clean_sections", "closed_by", "day_words", "in_period", "is_annual", "next_quarter",
    "overdue_at", "plural", "rate_text", "report_period", "scorecard_quarter", "section_key", "short_day",
]

"""Item models and words of the Governance page: case reviews, training, documents (and chairing reviews),
attendance letters.

Same habits as ``ui/models.py``: rows replaced whole by ``set_rows()`` inside a model reset, ``ID_ROLE`` /
``RECORD_ROLE`` / ``SORT_ROLE``. Each table is a :class:`RowsModel` over plain rows the controller read once
(the model never reads the database), its columns given as :class:`Column` (header, text, sort key). What is
overdue — a reply, a review — is red on a pale red row *and* marked "⚠" in words, so the mark survives a grey
printout and colour blindness.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mqp_desktop.domain.governance import case_reviews as cr
from mqp_desktop.domain.governance import documents as docs
from mqp_desktop.domain.governance import followups as fu
from mqp_desktop.domain.governance import training as tr
from mqp_desktop.domain.governance.common import day
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SORT_ROLE, _muted, _RecordTableModel

_Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOUR = "#b3261e"
OVERDUE_BACKGROUND = "#fde7e4"
WAITING_COLOUR = "#1a5fb4"


def _search(*parts: str) -> str:
    """What the find box looks in: the words given, in one lower-case string."""
    return " ".join(p for p in parts if p).casefold()


def _e(text: str | None) -> str:
    return html.escape(text or "")


def _para(text: str) -> str:
    return "<br>".join(_e(line) for line in (text or "").split("\n"))


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    tip: str = ""


@dataclass(frozen=True)
class Row:
    """One record as a table shows it, with the words read once by the controller."""

    record: Any
    today: dt.date
    status: Any
    words: dict[str, Any] = field(default_factory=dict, compare=False)
    overdue: bool = False
    finished: bool = False
    waiting: bool = False
    """Waiting for the subcommittee (to review, to sign off): shown in blue."""
    search: str = ""

    @property
    def id(self) -> int | None:
        return self.record.id


class RowsModel(_RecordTableModel):
    """A table of :class:`Row` under :class:`Column` specs."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.HEADERS = tuple(c.header for c in self.columns)
        self.HEADER_TIPS = {i: c.tip for i, c in enumerate(self.columns) if c.tip}
        self.status_column = next((i for i, c in enumerate(self.columns) if c.header == "Status"), -1)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: Row = self._rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = col.text(r)
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.status_column:
                return r.words.get("next_step") or text
            return text
        if role == SORT_ROLE:
            value = col.sort(r) if col.sort is not None else col.text(r).casefold()
            return value if isinstance(value, str) else str(value)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.overdue:
                return QBrush(QColor(OVERDUE_COLOUR))
            if r.waiting and index.column() == self.status_column:
                return QBrush(QColor(WAITING_COLOUR))
            if r.finished:
                return _muted()
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and r.overdue and index.column() == self.status_column:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return r.record.id
        if role == RECORD_ROLE:
            return r
        return None


class RowsFilter(QSortFilterProxyModel):
    """Which rows (a filter of the domain, by ``matches(record, which, today)``) and words (all must match)."""

    def __init__(self, matches: Callable[[Any, str, dt.date], bool], which: str, parent=None):
        super().__init__(parent)
        self.matches = matches
        self.which = which
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filters(self, which: str, text: str) -> None:
        self.beginFilterChange()
        self.which, self.words = which, text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        r: Row | None = self.sourceModel().index(source_row, 0, source_parent).data(RECORD_ROLE)
        if r is None or not self.matches(r.record, self.which, r.today):
            return False
        return all(w in r.search for w in self.words)


def _iso(value: dt.date | None, missing: str = "9999") -> str:
    return value.isoformat() if value else missing


def _status_badge(text: str, style: str) -> str:
    return f"<span style='{style} padding:2px 6px;'>&nbsp;<b>{_e(text)}</b>&nbsp;</span>"


BADGE = {
    "overdue": "background:#fde7e4; color:#7a1d14;",
    "waiting": "background:#e8f0fe; color:#123d7a;",
    "open": "background:#fff4ce; color:#4d3b00;",
    "done": "background:#e6f4ea; color:#0d5223;",
    "gone": "background:#eeeeee; color:#444444;",
}


def _table(rows: Sequence[tuple[str, str]]) -> str:
    return "<table cellspacing='0' cellpadding='1'>" + "".join(
        f"<tr><td style='padding-right:12px; color:#555555' valign='top'><b>{k}</b></td><td>{v}</td></tr>"
        for k, v in rows) + "</table>"


def _section(title: str, text: str) -> str:
    return f"<p style='margin:8px 0 2px 0'><b>{title}</b></p><p style='margin:0'>{_para(text)}</p>" if text else ""


# --- case reviews ------------------------------------------------------------------------------------------

REVIEW_COLUMNS = (
    Column("Reference", lambda r: r.record.reference),
    Column("Kind", lambda r: r.record.kind_text),
    Column("Referred", lambda r: day(r.record.referred_on), lambda r: _iso(r.record.referred_on)),
    Column("Rapid review", lambda r: day(r.record.rapid_review_on), lambda r: _iso(r.record.rapid_review_on)),
    Column("Published", lambda r: day(r.record.published_on), lambda r: _iso(r.record.published_on)),
    Column("Status", lambda r: r.status.label),
    Column("Learning shared", lambda r: f"{len(r.record.live_disseminations)} · {r.record.reached} reached"
           if r.record.live_disseminations else "", lambda r: f"{r.record.reached:08d}",
           "Briefings and learning events, and everyone they reached"),
    Column("Actions", lambda r: r.words.get("actions", ""), tip="Actions in the action log: how many, how many open"),
)


def review_row(review: cr.CaseReview, today: dt.date, *, agencies: dict[int, str], meeting: str,
               actions: Sequence[Any] = (), open_actions: int = 0) -> Row:
    status = review.status(today)
    count = len(actions)
    words = {"agencies": [agencies.get(i, f"agency {i}") for i in review.agency_ids], "meeting": meeting,
             "actions": f"{count} ({open_actions} open)" if count else "", "action_list": list(actions),
             "next_step": cr.next_step(review, today)}
    search = _search(review.reference, review.kind_text, review.concerns, review.learning, review.notes,
                       *words["agencies"], status.value)
    return Row(review, today, status, words, finished=status.finished, search=search)


def review_html(r: Row) -> str:
    x: cr.CaseReview = r.record
    style = BADGE["gone"] if r.finished else BADGE["done"] if r.status is cr.CaseReviewStatus.PUBLISHED \
        else BADGE["open"]
    out = [f"<h3 style='margin:0'>{_e(x.reference)} &nbsp;{_status_badge(r.status.label, style)}</h3>",
           f"<p style='margin:4px 0'>{_e(r.words['next_step'])}</p>",
           _table([("Kind", _e(x.kind.label if x.kind is not cr.ReviewKind.OTHER else x.kind_text)),
                   ("Agencies", _e(", ".join(r.words["agencies"])) or "<i>none recorded</i>"),
                   ("Referred", _e(day(x.referred_on))), ("Rapid review", _e(day(x.rapid_review_on)) or "—"),
                   ("Published", _e(day(x.published_on)) or "—"),
                   ("Reviewed at", _e(r.words["meeting"]) or "<i>not yet at a meeting</i>")])]
    out += [_section("Concerns", x.concerns), _section("Learning", x.learning), _section("Notes", x.notes)]
    if x.disseminations:
        out.append("<p style='margin:8px 0 2px 0'><b>Learning shared</b></p>")
        for d in x.disseminations:
            grey = " style='color:#777777'" if d.removed else ""
            reached = f", reached {d.reached}" if d.reached is not None else ""
            gone = " <i>(removed: recorded in error)</i>" if d.removed else ""
            out.append(f"<p style='margin:0 0 0 12px'{grey}>{_e(day(d.held_on))}: {_e(d.kind.label)} for "
                       f"{_e(d.audience)}{_e(reached)}{gone}</p>")
    if r.words["action_list"]:
        out.append("<p style='margin:8px 0 2px 0'><b>Actions</b> (in the action log)</p>")
        for a in r.words["action_list"]:
            out.append(f"<p style='margin:0 0 0 12px'>{_e(a.number)} {_e(' '.join(a.description.split()))} — "
                       f"{_e(a.status.value)}</p>")
    if x.closed_on:
        out.append(f"<p style='margin:8px 0 0 0'><b>Closed</b> on {_e(day(x.closed_on))}"
                   + (f": {_e(x.closed_note)}" if x.closed_note else "") + "</p>")
    if x.withdrawn_on:
        out.append(f"<p style='margin:8px 0 0 0'><b>Withdrawn</b> on {_e(day(x.withdrawn_on))}: "
                   f"{_e(x.withdrawn_reason)}</p>")
    return "".join(out)


# --- training -------------------------------------------------------------------------------------------------

COURSE_COLUMNS = (
    Column("Course", lambda r: r.record.title),
    Column("Provider", lambda r: r.record.provider),
    Column("Dates", lambda r: r.record.dates_text, lambda r: _iso(r.record.starts_on)),
    Column("Places", lambda r: "" if r.record.places is None else str(r.record.places),
           lambda r: f"{r.record.places or 0:08d}"),
    Column("Attended", lambda r: str(r.record.attended) if r.record.attended else "",
           lambda r: f"{r.record.attended:08d}"),
    Column("Status", lambda r: r.status.label),
    Column("Reviewed at", lambda r: r.words.get("meeting", "")),
)


def course_row(course: tr.TrainingCourse, today: dt.date, *, agencies: dict[int, str], meeting: str) -> Row:
    status = course.status(today)
    words = {"meeting": meeting, "next_step": {
        tr.CourseStatus.PLANNED: "Planned: record its attendance once it has run.",
        tr.CourseStatus.DELIVERED: "Delivered: review it at a meeting (attendance, evaluation, gaps).",
        tr.CourseStatus.REVIEWED: f"Reviewed at {meeting}." if meeting else "Reviewed.",
        tr.CourseStatus.CANCELLED: f"Cancelled on {day(course.cancelled_on)}: {course.cancel_reason}",
    }[status], "attendance": sorted(((agencies.get(k, f"agency {k}"), v) for k, v in course.attendance.items()),
                                    key=lambda kv: (-kv[1], kv[0]))}
    search = _search(course.title, course.provider, course.evaluation, course.gaps, course.notes, status.value,
                       *(a for a, _n in words["attendance"]))
    return Row(course, today, status, words, finished=status is tr.CourseStatus.CANCELLED,
               waiting=status is tr.CourseStatus.DELIVERED, search=search)


def course_html(r: Row) -> str:
    c: tr.TrainingCourse = r.record
    style = {tr.CourseStatus.PLANNED: BADGE["open"], tr.CourseStatus.DELIVERED: BADGE["waiting"],
             tr.CourseStatus.REVIEWED: BADGE["done"], tr.CourseStatus.CANCELLED: BADGE["gone"]}[r.status]
    rate = tr.fill_rate(c)
    out = [f"<h3 style='margin:0'>{_e(c.title)} &nbsp;{_status_badge(r.status.label, style)}</h3>",
           f"<p style='margin:4px 0'>{_e(r.words['next_step'])}</p>",
           _table([("Provider", _e(c.provider) or "—"), ("Dates", _e(c.dates_text)),
                   ("Places", "—" if c.places is None else str(c.places)),
                   ("Attended", f"{c.attended}" + (f" ({rate:.0f}% of places)" if rate is not None else "")),
                   ("Fed to the strategy", _e(day(c.fed_to_strategy_on)) or "—")])]
    if r.words["attendance"]:
        out.append("<p style='margin:8px 0 2px 0'><b>Attendance by agency</b></p><p style='margin:0 0 0 12px'>"
                   + "<br>".join(f"{_e(a)}: {n}" for a, n in r.words["attendance"]) + "</p>")
    out += [_section("Evaluation", c.evaluation), _section("Gaps and priorities for the workforce strategy", c.gaps),
            _section("Notes", c.notes)]
    return "".join(out)


# --- documents ------------------------------------------------------------------------------------------------

DOCUMENT_COLUMNS = (
    Column("Title", lambda r: r.record.title),
    Column("Kind", lambda r: r.record.kind.label),
    Column("Version", lambda r: r.record.version),
    Column("Reviewed", lambda r: r.words.get("meeting_day", ""), lambda r: r.words.get("meeting_iso", "")),
    Column("Outcome", lambda r: r.record.outcome.label if r.record.outcome else ""),
    Column("To Executive", lambda r: day(r.record.sent_to_executive_on), lambda r: _iso(r.record.sent_to_executive_on)),
    Column("Signed off", lambda r: day(r.record.signed_off_on), lambda r: _iso(r.record.signed_off_on)),
    Column("Review due", lambda r: day(r.record.review_due) + ("  ⚠" if r.overdue else ""),
           lambda r: _iso(r.record.review_due), "When it is next reviewed; ⚠ and red once that date has passed"),
    Column("Status", lambda r: r.status.label + (" (in force)" if r.words.get("in_force") else "")),
)


def document_row(d: docs.GovernanceDocument, today: dt.date, *, meeting: tuple[str, str] | None, in_force: bool,
                 owner_agency: str = "") -> Row:
    status = d.status(today)
    words = {"meeting_day": meeting[0] if meeting else "", "meeting_iso": meeting[1] if meeting else "",
             "in_force": in_force, "owner_agency": owner_agency, "next_step": docs.next_step(d, today)}
    search = _search(d.title, d.kind.label, d.version, d.owner, owner_agency, d.outcome_note, d.notes,
                       status.value)
    return Row(d, today, status, words, overdue=status is docs.DocumentStatus.REVIEW_OVERDUE,
               finished=status.finished, waiting=status is docs.DocumentStatus.AWAITING_SIGN_OFF, search=search)


def document_html(r: Row) -> str:
    d: docs.GovernanceDocument = r.record
    style = BADGE["overdue"] if r.overdue else BADGE["gone"] if r.finished else BADGE["waiting"] if r.waiting \
        else BADGE["done"] if r.status is docs.DocumentStatus.SIGNED_OFF else BADGE["open"]
    label = r.status.label + (" (in force)" if r.words["in_force"] else "")
    owner = ", ".join(p for p in (d.owner, r.words["owner_agency"]) if p)
    out = [f"<h3 style='margin:0'>{_e(d.title_version)} &nbsp;{_status_badge(label, style)}</h3>",
           f"<p style='margin:4px 0'>{_e(r.words['next_step'])}</p>",
           _table([("Kind", _e(d.kind.label)), ("Owner", _e(owner) or "—"),
                   ("Reviewed at", _e(r.words["meeting_day"]) or "<i>not yet</i>"),
                   ("Outcome", (_e(d.outcome.label) + (f": {_e(d.outcome_note)}" if d.outcome_note else ""))
                    if d.outcome else "—"),
                   ("Sent to the Executive", _e(day(d.sent_to_executive_on)) or "—"),
                   ("Signed off", _e(day(d.signed_off_on)) or "—"),
                   ("Next review due", (_e(day(d.review_due)) + (" <b>⚠ overdue</b>" if r.overdue else ""))
                    if d.review_due else "—")])]
    out.append(_section("Notes", d.notes))
    if d.withdrawn_on:
        out.append(f"<p style='margin:8px 0 0 0'><b>Withdrawn</b> on {_e(day(d.withdrawn_on))}: "
                   f"{_e(d.withdrawn_reason)}</p>")
    return "".join(out)


OFFICE_COLUMNS = (
    Column("Reviewed", lambda r: day(r.record.reviewed_on), lambda r: _iso(r.record.reviewed_on)),
    Column("Office", lambda r: r.record.office.label),
    Column("Held by", lambda r: r.words.get("holder", "")),
    Column("Outcome", lambda r: r.record.outcome.value + (" (removed)" if r.record.removed else "")),
    Column("Next due", lambda r: day(r.record.next_review_due), lambda r: _iso(r.record.next_review_due)),
)


def office_row(review: docs.OfficeReview, today: dt.date, *, holder: str) -> Row:
    return Row(review, today, review.outcome, {"holder": holder, "next_step": review.note}, finished=review.removed,
               search=_search(review.office.value, holder, review.outcome.value, review.note))


# --- attendance letters -----------------------------------------------------------------------------------------

LETTER_COLUMNS = (
    Column("Member", lambda r: r.words.get("member", "")),
    Column("Agency", lambda r: r.words.get("agency", "")),
    Column("Sent", lambda r: day(r.record.sent_on), lambda r: _iso(r.record.sent_on)),
    Column("Reply due", lambda r: day(r.record.reply_due) + ("  ⚠" if r.overdue else ""),
           lambda r: _iso(r.record.reply_due), "When the member's reply is due; ⚠ and red once it has passed"),
    Column("Rate", lambda r: f"{r.record.rate:g}%" if r.record.rate is not None else "",
           lambda r: f"{r.record.rate or 0:08.1f}", "The attendance rate that prompted the letter"),
    Column("Status", lambda r: (f"⚠ reply overdue ({r.record.days_overdue(r.today)} days)" if r.overdue
                                else r.status.label)),
    Column("Outcome", lambda r: (r.record.outcome.label + (f" ({r.record.substitute_name})"
                                                          if r.record.substitute_name else ""))
           if r.record.outcome else ""),
)


def letter_row(letter: fu.AttendanceLetter, today: dt.date, *, member: str, agency: str) -> Row:
    status = letter.status(today)
    words = {"member": member, "agency": agency, "next_step": fu.next_step(letter, today)}
    search = _search(member, agency, letter.notes, letter.substitute_name, status.value,
                       letter.outcome.value if letter.outcome else "")
    return Row(letter, today, status, words, overdue=status is fu.LetterStatus.OVERDUE, finished=status.finished,
               waiting=status is fu.LetterStatus.AWAITING, search=search)


def letter_html(r: Row) -> str:
    x: fu.AttendanceLetter = r.record
    style = BADGE["overdue"] if r.overdue else BADGE["gone"] if r.status is fu.LetterStatus.WITHDRAWN else \
        BADGE["done"] if r.status is fu.LetterStatus.CLOSED else BADGE["waiting"]
    label = f"⚠ reply overdue ({x.days_overdue(r.today)} days)" if r.overdue else r.status.label
    period = f"{day(x.period_start)} to {day(x.period_end)}" if x.period_start else ""
    out = [f"<h3 style='margin:0'>{_e(r.words['member'])} &nbsp;{_status_badge(label, style)}</h3>",
           f"<p style='margin:4px 0'>{_e(r.words['next_step'])}</p>",
           _table([("Agency", _e(r.words["agency"])), ("Sent", _e(day(x.sent_on))),
                   ("Reply due", _e(day(x.reply_due)) + (" <b>⚠ overdue</b>" if r.overdue else "")),
                   ("Attendance", (f"{x.rate:g}% against the {x.standard}% standard" if x.rate is not None else "—")
                    + (f" ({_e(period)})" if period else "")),
                   ("Recorded", "when the program wrote it" + (f" ({_e(x.file_name)})" if x.file_name else "")
                    if x.source is fu.LetterSource.WRITTEN else "by hand"),
                   ("Outcome", (_e(x.outcome.label) + (f": {_e(x.substitute_name)}" if x.substitute_name else "")
                                + f", {_e(day(x.outcome_on))}") if x.outcome else "—")])]
    out.append(_section("Notes", x.notes))
    if x.withdrawn_on:
        out.append(f"<p style='margin:8px 0 0 0'><b>Withdrawn</b> on {_e(day(x.withdrawn_on))}: "
                   f"{_e(x.withdrawn_reason)}</p>")
    return "".join(out)

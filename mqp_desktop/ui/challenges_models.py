"""Item model and words of the challenge log page (and the minutes' Challenges tab).

Same habits as ``ui/models.py``: ``COL_*`` constants, rows replaced whole by ``set_rows()`` inside a
model reset, ``ID_ROLE``/``RECORD_ROLE``/``SORT_ROLE``. Overdue challenges are coloured *and* marked
"⚠ overdue" in words (the Due and Status columns), so the mark survives a grey printout and colour
blindness. The rows are plain data read by the controller: the model never reads the database.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mqp_desktop.domain.challenges import (
    FILTER_ALL,
    Challenge,
    ChallengeStatus,
    Verdict,
    matches_filter,
    next_step,
    reference_sort_key,
)
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SORT_ROLE, _muted, _RecordTableModel, format_date

_Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOUR = "#b3261e"
OVERDUE_BACKGROUND = "#fde7e4"
OVERDUE_MARK = "⚠ overdue"
ANSWERED_COLOUR = "#1a5fb4"
STATUS_ROLE = Qt.ItemDataRole.UserRole + 30
AGENCY_ROLE = Qt.ItemDataRole.UserRole + 31
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 32


@dataclass(frozen=True)
class ChallengeRow:
    """One challenge as the page shows it: the record and its words, read once by the controller."""

    challenge: Challenge
    agency: str
    """The agency's short label (e.g. 'SWL ICB')."""
    agency_name: str
    contact: str
    """Whom it is put to: the member's name or the named contact ('' when nobody is named)."""
    contact_email: str
    raised_at: str
    """'the meeting of 8 Sep 2026 (item 5, Multi-agency dataset)', or ''."""
    meetings: dict[int, str]
    """Meeting id -> title, for the meetings its reviews name."""
    status: ChallengeStatus
    today: dt.date

    @property
    def id(self) -> int | None:
        return self.challenge.id

    @property
    def overdue(self) -> bool:
        return self.status is ChallengeStatus.OVERDUE

    @property
    def to_text(self) -> str:
        return f"{self.agency} — {self.contact}" if self.contact else self.agency

    @property
    def status_text(self) -> str:
        if self.overdue:
            days = self.challenge.days_overdue(self.today)
            return f"{OVERDUE_MARK} ({days} day{'s' if days != 1 else ''})"
        if self.status is ChallengeStatus.ANSWERED:
            return "Awaiting review"
        return self.status.label


class ChallengeLogModel(_RecordTableModel):
    HEADERS = ("Reference", "Raised", "Status", "Due", "To", "About", "Question")
    COL_REFERENCE, COL_RAISED, COL_STATUS, COL_DUE, COL_TO, COL_SUBJECT, COL_QUESTION = range(7)
    HEADER_TIPS = {  # noqa: RUF012 - read only
        COL_DUE: "When the agency's response is due. Overdue challenges (waiting for the agency past this date) "
                 "are marked ⚠ and red",
        COL_STATUS: "Open, overdue, answered (the response awaits the subcommittee's review), closed or withdrawn",
    }

    def set_rows(self, rows: Sequence[ChallengeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def counts(self) -> dict[ChallengeStatus, int]:
        out = {s: 0 for s in ChallengeStatus}
        for r in self._rows:
            out[r.status] += 1
        return out

    def _display(self, r: ChallengeRow, col: int) -> str:
        c = r.challenge
        if col == self.COL_REFERENCE:
            return c.reference
        if col == self.COL_RAISED:
            return format_date(c.raised_on)
        if col == self.COL_SUBJECT:
            return c.subject_text
        if col == self.COL_QUESTION:
            return " ".join(c.question.split())
        if col == self.COL_TO:
            return r.to_text
        if col == self.COL_DUE:
            if r.status.finished:
                return format_date(c.due_date)
            due = format_date(c.due_date)
            return f"{due}  ⚠" if r.overdue else due
        return r.status_text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: ChallengeRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_SUBJECT:
                return f"{r.challenge.subject_kind.label}: {r.challenge.subject_text}"
            if col == self.COL_STATUS:
                return next_step(r.challenge, r.today)
            return self._display(r, col)
        if role == SORT_ROLE:
            if col == self.COL_REFERENCE:
                return "".join(f"{n:06d}" for n in reference_sort_key(r.challenge.reference))
            if col == self.COL_RAISED:
                return r.challenge.raised_on.isoformat() if r.challenge.raised_on else ""
            if col == self.COL_DUE:
                return r.challenge.due_date.isoformat() if r.challenge.due_date else "9999"
            if col == self.COL_STATUS:
                order = (ChallengeStatus.OVERDUE, ChallengeStatus.ANSWERED, ChallengeStatus.OPEN,
                         ChallengeStatus.CLOSED, ChallengeStatus.WITHDRAWN)
                return f"{order.index(r.status)}{r.challenge.due_date}"
            return self._display(r, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.overdue and col in (self.COL_REFERENCE, self.COL_DUE, self.COL_STATUS):
                return QBrush(QColor(OVERDUE_COLOUR))
            if r.status is ChallengeStatus.ANSWERED and col == self.COL_STATUS:
                return QBrush(QColor(ANSWERED_COLOUR))
            if r.status.finished:
                return _muted()
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and r.overdue and col == self.COL_STATUS:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return r.challenge.id
        if role == RECORD_ROLE:
            return r
        if role == STATUS_ROLE:
            return r.status.value
        if role == AGENCY_ROLE:
            return r.challenge.agency_id
        if role == OVERDUE_ROLE:
            return r.overdue
        return None


class ChallengeFilterProxy(QSortFilterProxyModel):
    """Filters: which (open, overdue, answered, closed, all), agency, and words (all must match)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.which = FILTER_ALL
        self.agency_id: int | None = None
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filters(self, which: str, agency_id: int | None, text: str) -> None:
        self.beginFilterChange()
        self.which, self.agency_id, self.words = which, agency_id, text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        r: ChallengeRow | None = index.data(RECORD_ROLE)
        if r is None:
            return False
        if not matches_filter(r.challenge, self.which, r.today):
            return False
        if self.agency_id is not None and r.challenge.agency_id != self.agency_id:
            return False
        if self.words:
            c = r.challenge
            text = " ".join((c.reference, c.question, c.subject_text, r.agency, r.agency_name, r.contact,
                             r.raised_at, r.status.label, *(x.text for x in c.responses))).casefold()
            return all(w in text for w in self.words)
        return True


# --- the detail pane -------------------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text or "")


def _para(text: str) -> str:
    return "<br>".join(_e(line) for line in (text or "").split("\n"))


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


STATUS_STYLE = {
    ChallengeStatus.OVERDUE: "background:#fde7e4; color:#7a1d14;",
    ChallengeStatus.ANSWERED: "background:#e8f0fe; color:#123d7a;",
    ChallengeStatus.OPEN: "background:#fff4ce; color:#4d3b00;",
    ChallengeStatus.CLOSED: "background:#e6f4ea; color:#0d5223;",
    ChallengeStatus.WITHDRAWN: "background:#eeeeee; color:#444444;",
}
VERDICT_COLOUR = {Verdict.ACCEPTED: "#0d5223", Verdict.NOT_ACCEPTED: "#7a1d14", Verdict.FURTHER_INFORMATION: "#4d3b00"}


def detail_html(r: ChallengeRow) -> str:
    """The chosen challenge in full: status and next step, about, raised, to whom, the question, every response
    with its review."""
    c = r.challenge
    words = r.status_text if r.overdue else r.status.label
    badge = f"<span style='{STATUS_STYLE[r.status]} padding:2px 6px;'>&nbsp;<b>{_e(words)}</b>&nbsp;</span>"
    rows = [
        ("About", f"{_e(c.subject_kind.label)}: {_e(c.subject_text)}"),
        ("Raised", _e(_day(c.raised_on)) + (f" at {_e(r.raised_at)}" if r.raised_at else " (not at a meeting)")),
        ("To", _e(r.agency_name) + (f" — {_e(r.contact)}" if r.contact else "")
         + (f" &lt;{_e(r.contact_email)}&gt;" if r.contact_email else
            (" <i>(no email address: add one to chase)</i>" if not r.status.finished else ""))),
        ("Response due", _e(_day(c.due_date))),
    ]
    table = "".join(f"<tr><td style='padding-right:12px; color:#555555'><b>{k}</b></td><td>{v}</td></tr>"
                    for k, v in rows)
    out = [f"<h3 style='margin:0'>{_e(c.reference)} &nbsp;{badge}</h3>",
           f"<p style='margin:4px 0'>{_e(next_step(c, r.today))}</p>",
           f"<table cellspacing='0' cellpadding='1'>{table}</table>",
           f"<p style='margin:8px 0 2px 0'><b>Question</b></p><p style='margin:0'>{_para(c.question)}</p>"]
    for n, resp in enumerate(c.responses, 1):
        removed = " <i>(removed: recorded in error)</i>" if resp.removed else ""
        style = " style='color:#777777'" if resp.removed else ""
        out.append(f"<p style='margin:8px 0 2px 0'{style}><b>Response {n}</b>, received "
                   f"{_e(_day(resp.received_on))}{removed}</p><p style='margin:0'{style}>{_para(resp.text)}</p>")
        if resp.verdict is not None:
            at = r.meetings.get(resp.reviewed_at_meeting_id or -1, "")
            reason = f": {_e(resp.verdict_reason)}" if resp.verdict_reason else ""
            out.append(f"<p style='margin:2px 0 0 12px; color:{VERDICT_COLOUR[resp.verdict]}'><b>"
                       f"{_e(resp.verdict.label)}</b> on {_e(_day(resp.reviewed_on))}"
                       f"{' at the ' + _e(at[:1].lower() + at[1:]) if at else ''}{reason}</p>")
        elif not resp.removed:
            out.append("<p style='margin:2px 0 0 12px; color:#123d7a'><i>Waiting for the subcommittee's review "
                       "(Review response…).</i></p>")
    if c.closed_on is not None and (c.closed_note or not c.accepted):
        out.append(f"<p style='margin:8px 0 0 0'><b>Closed</b> on {_e(_day(c.closed_on))}"
                   + (f": {_e(c.closed_note)}" if c.closed_note else "") + "</p>")
    if c.withdrawn_on is not None:
        out.append(f"<p style='margin:8px 0 0 0'><b>Withdrawn</b> on {_e(_day(c.withdrawn_on))}: "
                   f"{_e(c.withdrawn_reason)}</p>")
    return "".join(out)


def meeting_challenges_html(rows: Sequence[ChallengeRow]) -> str:
    """The challenges raised at one meeting, for the minutes' Challenges tab: a link to each in the log."""
    if not rows:
        return ("<p>No challenge was raised at this meeting. Challenges put to agencies are recorded on the "
                "Challenges page (Ctrl+8), with the meeting and item they were raised at.</p>")
    out = [("<p>Challenges the subcommittee put to agencies at this meeting (ToR 6.3), as they stand today. "
            "Open one in the challenge log to record a response or its review.</p>")]
    for r in sorted(rows, key=lambda x: reference_sort_key(x.challenge.reference)):
        c = r.challenge
        colour = OVERDUE_COLOUR if r.overdue else "#333333"
        out.append(f"<p style='margin:8px 0 0 0'><a href='challenge:{c.id}'><b>{_e(c.reference)}</b></a> — "
                   f"{_e(r.to_text)} — <span style='color:{colour}'><b>{_e(r.status_text)}</b></span><br>"
                   f"<i>{_e(c.subject_text)}</i>: {_e(' '.join(c.question.split()))}</p>")
    return "".join(out)

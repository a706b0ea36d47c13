"""Table models of the Audits & inspections page.

Each is a ``QAbstractTableModel`` with ``COL_*`` constants, rows replaced whole by ``set_rows()``
inside ``beginResetModel``/``endResetModel``, and the shared roles of :mod:`mqp_desktop.ui.models`
(``ID_ROLE``, ``RECORD_ROLE``, ``SORT_ROLE``, ``SEARCH_ROLE``). What needs attention is said in
words as well as colour: an overdue plan item reads "⚠ overdue", a late audit "(late)".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.quality import (
    Audit,
    AuditCase,
    AuditStatus,
    Grade,
    GradeSummary,
    InspectionReview,
    InspectionState,
    PlanItem,
    PlanState,
)
from mqp_desktop.store.quality import InspectionRow
from mqp_desktop.ui.minutes_models import OVERDUE_BACKGROUND, OVERDUE_COLOUR, OVERDUE_MARK
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SEARCH_ROLE, SORT_ROLE, _muted, _RecordTableModel, format_date

_Index = QModelIndex | QPersistentModelIndex

# Grades coloured from the best (green) to the worst (red) of the scale, whatever its length.
GRADE_COLOURS = ("#1e7b45", "#6aa84f", "#e6a23c", "#c0392b", "#8e2a20")
NOT_GRADED_COLOUR = "#b8bcc2"
DUE_SOON_COLOUR = "#8a5a00"


def grade_colour(position: int, count: int) -> str:
    """The colour of the grade at ``position`` (1 = best) on a scale of ``count`` grades."""
    if count <= 1:
        return GRADE_COLOURS[0]
    last = len(GRADE_COLOURS) - 2  # the darkest red is for a removed grade still in use
    return GRADE_COLOURS[round((position - 1) * last / (count - 1))]


STATUS_WORDS = {
    AuditStatus.PLANNED: "Planned", AuditStatus.IN_PROGRESS: "In progress", AuditStatus.COMPLETED: "Completed",
    AuditStatus.REPORTED: "Reported", AuditStatus.CANCELLED: "Cancelled",
}
STATE_ORDER = {s: n for n, s in enumerate(InspectionState)}


@dataclass(frozen=True)
class AuditRow:
    """An audit as the list shows it."""

    audit: Audit
    lead: str
    summary: GradeSummary
    actions: int
    open_actions: int
    late: bool


class AuditsModel(_RecordTableModel):
    HEADERS = ("Audit", "Status", "Lead", "Started / planned", "Cases", "Grades")
    COL_TITLE, COL_STATUS, COL_LEAD, COL_WHEN, COL_CASES, COL_GRADES = range(6)
    HEADER_TIPS = {  # noqa: RUF012 - read only
        COL_WHEN: "When it started, or when it is planned for",
        COL_CASES: "Different cases audited (a case graded by two agencies counts once)",
        COL_GRADES: "How many gradings at each grade, best first",
    }

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, record_id: int | None) -> int:
        return next((n for n, r in enumerate(self._rows) if r.audit.id == record_id), -1)

    def _display(self, r: AuditRow, col: int) -> str:
        a = r.audit
        if col == self.COL_TITLE:
            return a.title
        if col == self.COL_STATUS:
            return STATUS_WORDS[a.status] + (" (late)" if r.late else "")
        if col == self.COL_LEAD:
            return r.lead
        if col == self.COL_WHEN:
            return format_date(a.started or a.planned)
        if col == self.COL_CASES:
            return str(r.summary.cases) if r.summary.gradings else ""
        return ", ".join(f"{c.grade.label} {c.count}" for c in r.summary.counts if c.count)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: AuditRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_GRADES:
                return r.summary.as_text()
            return self._display(r, col)
        if role == SORT_ROLE:
            if col == self.COL_WHEN:
                day = r.audit.started or r.audit.planned
                return day.isoformat() if day else ""
            if col == self.COL_CASES:
                return r.summary.cases
            if col == self.COL_STATUS:
                return list(AuditStatus).index(r.audit.status)
            return self._display(r, col).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_CASES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.audit.status is AuditStatus.CANCELLED:
                return _muted()
            if r.late and col == self.COL_STATUS:
                return QBrush(QColor(OVERDUE_COLOUR))
        if role == ID_ROLE:
            return r.audit.id
        if role == RECORD_ROLE:
            return r
        if role == SEARCH_ROLE:
            a = r.audit
            return " ".join((a.title, a.theme, r.lead, STATUS_WORDS[a.status], a.kind.label)).casefold()
        return None


class CasesModel(_RecordTableModel):
    """An audit's cases, one row per case and agency: the grid graded from the keyboard."""

    HEADERS = ("Case reference", "Agency", "Grade", "Notes")
    COL_REFERENCE, COL_AGENCY, COL_GRADE, COL_NOTES = range(4)
    HEADER_TIPS = {COL_GRADE: "Press 1, 2, 3… to grade the selected case on the scale; 0 clears"}  # noqa: RUF012

    def __init__(self, parent=None):
        super().__init__(parent)
        self.agencies: dict[int, str] = {}
        self.grades: dict[int, Grade] = {}
        self.scale_size = 0

    def set_rows(self, cases: Sequence[AuditCase], agencies: Mapping[int, str], grades: Sequence[Grade]) -> None:
        self.beginResetModel()
        self._rows = list(cases)
        self.agencies = dict(agencies)
        self.grades = {g.id: g for g in grades if g.id is not None}
        self.scale_size = sum(1 for g in grades if not g.removed)
        self.endResetModel()

    def grade_text(self, case: AuditCase) -> str:
        if case.grade_id is None:
            return "not graded"
        grade = self.grades.get(case.grade_id)
        return grade.label if grade else f"grade {case.grade_id}"

    def _display(self, c: AuditCase, col: int) -> str:
        if col == self.COL_REFERENCE:
            return c.reference + (" (withdrawn)" if c.withdrawn else "")
        if col == self.COL_AGENCY:
            return self.agencies.get(c.agency_id, f"agency {c.agency_id}") if c.agency_id is not None else "(overall)"
        if col == self.COL_GRADE:
            return self.grade_text(c)
        return " ".join(c.notes.split())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        c: AuditCase = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(c, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_NOTES:
                return c.notes or None
            if c.withdrawn:
                return f"Withdrawn on {format_date(c.withdrawn_on)}: {c.withdrawn_reason}"
            return self._display(c, col)
        if role == SORT_ROLE:
            if col == self.COL_GRADE:
                grade = self.grades.get(c.grade_id) if c.grade_id is not None else None
                return grade.position if grade else 999
            return self._display(c, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if c.withdrawn:
                return _muted()
            if col == self.COL_GRADE:
                grade = self.grades.get(c.grade_id) if c.grade_id is not None else None
                if grade is None:
                    return _muted()
                colour = GRADE_COLOURS[-1] if grade.removed else grade_colour(grade.position, self.scale_size)
                return QBrush(QColor(colour))
        if role == ID_ROLE:
            return c.id
        if role == RECORD_ROLE:
            return c
        if role == SEARCH_ROLE:
            return " ".join(self._display(c, n) for n in range(len(self.HEADERS))).casefold()
        return None


class AuditActionsModel(_RecordTableModel):
    """The actions an audit put in the action log."""

    HEADERS = ("Number", "Action", "Owner", "Due", "Status")
    COL_NUMBER, COL_DESCRIPTION, COL_OWNER, COL_DUE, COL_STATUS = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.owners: dict[int, str] = {}
        self.today = dt.date.today()

    def set_rows(self, actions: Sequence[Action], owners: Mapping[int, str], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(actions)
        self.owners = dict(owners)
        self.today = today
        self.endResetModel()

    def _display(self, a: Action, col: int) -> str:
        if col == self.COL_NUMBER:
            return a.number
        if col == self.COL_DESCRIPTION:
            return a.description
        if col == self.COL_OWNER:
            return self.owners.get(a.id, "")
        if col == self.COL_DUE:
            due = format_date(a.due_date) or "no date"
            return f"{due}  {OVERDUE_MARK}" if a.is_overdue(self.today) else due
        return a.status.value

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        a: Action = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(a, col)
        if role == SORT_ROLE:
            if col == self.COL_DUE:
                return a.due_date.isoformat() if a.due_date else "9999"
            return self._display(a, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if a.is_overdue(self.today) and col == self.COL_DUE:
                return QBrush(QColor(OVERDUE_COLOUR))
            if a.status.closed:
                return _muted()
        if role == ID_ROLE:
            return a.id
        if role == RECORD_ROLE:
            return a
        return None


class InspectionsModel(_RecordTableModel):
    HEADERS = ("Agency", "Inspectorate", "Type", "Published", "Judgement", "Action plan", "State")
    COL_AGENCY, COL_INSPECTORATE, COL_TYPE, COL_PUBLISHED, COL_JUDGEMENT, COL_PLAN, COL_STATE = range(7)
    HEADER_TIPS = {  # noqa: RUF012 - read only
        COL_PLAN: "Items of the agency's action plan still open, and how many are overdue",
        COL_STATE: "What the inspection needs from the subcommittee today",
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self.agencies: dict[int, str] = {}

    def set_rows(self, rows: Sequence[InspectionRow], agencies: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.agencies = dict(agencies)
        self.endResetModel()

    def row_of(self, record_id: int | None) -> int:
        return next((n for n, r in enumerate(self._rows) if r.inspection.id == record_id), -1)

    def _display(self, r: InspectionRow, col: int) -> str:
        i = r.inspection
        if col == self.COL_AGENCY:
            return self.agencies.get(i.agency_id, f"agency {i.agency_id}")
        if col == self.COL_INSPECTORATE:
            return i.inspectorate_label
        if col == self.COL_TYPE:
            return i.inspection_type
        if col == self.COL_PUBLISHED:
            return format_date(i.published) or "not yet"
        if col == self.COL_JUDGEMENT:
            return i.judgement
        if col == self.COL_PLAN:
            c = r.counts
            if not c.total:
                return "no items"
            if not c.open:
                return f"all {c.total} closed"
            return f"{c.open} open" + (f", {c.overdue} overdue ⚠" if c.overdue else "")
        return r.state.value[:1].upper() + r.state.value[1:]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: InspectionRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(t for t in (r.inspection.inspection_type, self._display(r, self.COL_JUDGEMENT),
                                          "action plan: " + self._display(r, self.COL_PLAN),
                                          self._display(r, self.COL_STATE)) if t)
        if role == SORT_ROLE:
            if col == self.COL_PUBLISHED:
                return r.inspection.published.isoformat() if r.inspection.published else "9999"
            if col == self.COL_STATE:
                return STATE_ORDER[r.state]
            if col == self.COL_PLAN:
                return r.counts.overdue * 10000 + r.counts.open
            return self._display(r, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.state is InspectionState.WITHDRAWN:
                return _muted()
            if col in (self.COL_PLAN, self.COL_STATE) and r.state is InspectionState.PLAN_OVERDUE:
                return QBrush(QColor(OVERDUE_COLOUR))
        if role == ID_ROLE:
            return r.inspection.id
        if role == RECORD_ROLE:
            return r
        if role == SEARCH_ROLE:
            return " ".join(self._display(r, n) for n in range(len(self.HEADERS))).casefold()
        return None


class PlanModel(_RecordTableModel):
    """An inspection's action plan."""

    HEADERS = ("Action", "Owner", "Due", "Status")
    COL_ACTION, COL_OWNER, COL_DUE, COL_STATUS = range(4)
    HEADER_TIPS = {COL_DUE: "Overdue items are marked ⚠ and red; items due within four weeks say so"}  # noqa: RUF012

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today = dt.date.today()

    def set_rows(self, items: Sequence[PlanItem], today: dt.date) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.today = today
        self.endResetModel()

    def _display(self, p: PlanItem, col: int) -> str:
        if col == self.COL_ACTION:
            return p.action
        if col == self.COL_OWNER:
            return p.owner
        state = p.state(self.today)
        if col == self.COL_DUE:
            due = format_date(p.due) or "no date"
            if state is PlanState.OVERDUE:
                return f"{due}  {OVERDUE_MARK}"
            if state is PlanState.DUE_SOON:
                return f"{due}  (due soon)"
            return due
        if p.status.closed:
            return f"{p.status.value} {format_date(p.closed_on)}"
        return p.status.value

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        p: PlanItem = self._rows[index.row()]
        col = index.column()
        state = p.state(self.today)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(p, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_STATUS and p.notes:
                return p.notes
            return self._display(p, col)
        if role == SORT_ROLE:
            if col == self.COL_DUE:
                return p.due.isoformat() if p.due else "9999"
            return self._display(p, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if state is PlanState.OVERDUE and col in (self.COL_DUE, self.COL_ACTION):
                return QBrush(QColor(OVERDUE_COLOUR))
            if state is PlanState.DUE_SOON and col == self.COL_DUE:
                return QBrush(QColor(DUE_SOON_COLOUR))
            if p.status.closed:
                return _muted()
        if role == Qt.ItemDataRole.BackgroundRole and state is PlanState.OVERDUE:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == ID_ROLE:
            return p.id
        if role == RECORD_ROLE:
            return p
        return None


class ReviewsModel(_RecordTableModel):
    HEADERS = ("Reviewed", "At", "Concluded")
    COL_DATE, COL_MEETING, COL_NOTE = range(3)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.meetings: dict[int, str] = {}

    def set_rows(self, reviews: Sequence[InspectionReview], meetings: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._rows = list(reviews)
        self.meetings = dict(meetings)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: InspectionReview = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_DATE:
                return format_date(r.reviewed_on)
            if col == self.COL_MEETING:
                return self.meetings.get(r.meeting_id, f"meeting {r.meeting_id}")
            return r.note
        if role == SORT_ROLE:
            return r.reviewed_on.isoformat() if col == self.COL_DATE else str(self.data(index) or "").casefold()
        if role == ID_ROLE:
            return r.id
        if role == RECORD_ROLE:
            return r
        return None


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


__all__ = [
    "AuditActionsModel", "AuditRow", "AuditsModel", "CasesModel", "GRADE_COLOURS", "InspectionsModel", "PlanModel",
    "ReviewsModel", "grade_colour", "plural",
]

"""Item models and words of the Partnership page: work transfers, escalations and disputes, partnership bodies.

Same habits as ``ui/models.py`` and ``challenges_models.py``: ``COL_*`` constants, rows replaced whole by
``set_rows()`` inside a model reset, ``ID_ROLE``/``RECORD_ROLE``/``SORT_ROLE``. A transfer whose answer is
overdue is red on a pale red row *and* says "⚠ answer overdue (n days)" in words, so the mark survives a grey
printout and colour blindness. Rows are plain data read by the controller: the models never read the database.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mqp_desktop.domain import escalations as es
from mqp_desktop.domain import partnership as pt
from mqp_desktop.domain.escalations import Escalation, EscalationStatus
from mqp_desktop.domain.partnership import Direction, PartnershipBody, TransferState, WorkTransfer
from mqp_desktop.ui.models import ID_ROLE, RECORD_ROLE, SORT_ROLE, _muted, _RecordTableModel, format_date

_Index = QModelIndex | QPersistentModelIndex

OVERDUE_COLOUR = "#b3261e"
OVERDUE_BACKGROUND = "#fde7e4"
OVERDUE_MARK = "⚠ answer overdue"
EXECUTIVE_COLOUR = "#6b3fa0"
MEDIATION_COLOUR = "#1a5fb4"


def _e(text: str | None) -> str:
    return html.escape(text or "")


def _para(text: str) -> str:
    """Typed text as HTML: its lines kept, '- ' lines as bullets."""
    out = []
    for line in (text or "").split("\n"):
        stripped = line.strip()
        if stripped[:2] in ("- ", "• "):
            out.append(f"&nbsp;&nbsp;• {_e(stripped[2:])}")
        else:
            out.append(_e(line))
    return "<br>".join(out)


def _table(rows: Sequence[tuple[str, str]]) -> str:
    return "<table cellspacing='0' cellpadding='1'>" + "".join(
        f"<tr><td style='padding-right:12px; color:#555555' valign='top'><b>{k}</b></td><td>{v}</td></tr>"
        for k, v in rows) + "</table>"


def _badge(style: str, words: str) -> str:
    return f"<span style='{style} padding:2px 6px;'>&nbsp;<b>{_e(words)}</b>&nbsp;</span>"


# ==============================================================================================
# transfers
# ==============================================================================================

@dataclass(frozen=True)
class TransferRow:
    transfer: WorkTransfer
    body: PartnershipBody
    executive: str
    """'the WSCP Executive'."""
    answer_file: str
    """The file name of the letter or email kept with the answer ('' when none)."""
    today: dt.date

    @property
    def id(self) -> int | None:
        return self.transfer.id

    @property
    def state(self) -> TransferState:
        return self.transfer.state

    @property
    def overdue(self) -> bool:
        return self.transfer.is_overdue(self.today)

    @property
    def state_text(self) -> str:
        return pt.state_text(self.transfer, self.today)

    @property
    def next_step(self) -> str:
        return pt.next_step(self.transfer, self.today, self.body.name, self.executive)


TRANSFER_STATE_STYLE = {
    TransferState.DRAFTED: "background:#eeeeee; color:#333333;",
    TransferState.SENT: "background:#fff4ce; color:#4d3b00;",
    TransferState.ACCEPTED: "background:#e6f4ea; color:#0d5223;",
    TransferState.DECLINED: "background:#fde7e4; color:#7a1d14;",
    TransferState.ESCALATED: "background:#efe6f8; color:#4a2473;",
    TransferState.DECIDED: "background:#e6f4ea; color:#0d5223;",
    TransferState.WITHDRAWN: "background:#eeeeee; color:#444444;",
}
OVERDUE_STYLE = "background:#fde7e4; color:#7a1d14;"


class TransferModel(_RecordTableModel):
    HEADERS = ("Reference", "Way", "Subcommittee", "The work", "Sent", "Answer due", "State")
    COL_REFERENCE, COL_WAY, COL_BODY, COL_WORK, COL_SENT, COL_DUE, COL_STATE = range(7)
    HEADER_TIPS = {  # noqa: RUF012 - read only
        COL_WAY: "From us (our chair asks another subcommittee) or to us (another subcommittee asks us)",
        COL_DUE: "When the receiving chair's written answer is due. A transfer waiting past it is marked ⚠ and red",
        COL_STATE: "Drafted, sent, accepted, declined, with the Executive, decided or withdrawn",
    }

    def set_rows(self, rows: Sequence[TransferRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def overdue_count(self) -> int:
        return sum(1 for r in self._rows if r.overdue)

    def count(self, state: TransferState) -> int:
        return sum(1 for r in self._rows if r.state is state)

    def _display(self, r: TransferRow, col: int) -> str:
        t = r.transfer
        if col == self.COL_REFERENCE:
            return t.reference
        if col == self.COL_WAY:
            return t.direction.label
        if col == self.COL_BODY:
            return r.body.label
        if col == self.COL_WORK:
            return " ".join(t.work.split())
        if col == self.COL_SENT:
            return format_date(t.sent_on)
        if col == self.COL_DUE:
            if t.answer_due is None or r.state is not TransferState.SENT:
                return format_date(t.answer_due) if r.state is TransferState.SENT else ""
            return f"{format_date(t.answer_due)}  ⚠" if r.overdue else format_date(t.answer_due)
        return r.state_text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: TransferRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_STATE:
                return r.next_step
            if col == self.COL_BODY:
                return f"{r.body.name} (chair: {r.body.chair_text})"
            return self._display(r, col) or None
        if role == SORT_ROLE:
            t = r.transfer
            if col == self.COL_REFERENCE:
                return "".join(f"{n:06d}" for n in pt.reference_sort_key(t.reference))
            if col == self.COL_SENT:
                return t.sent_on.isoformat() if t.sent_on else ""
            if col == self.COL_DUE:
                return t.answer_due.isoformat() if t.answer_due and r.state is TransferState.SENT else "9999"
            if col == self.COL_STATE:
                order = (TransferState.SENT, TransferState.DECLINED, TransferState.ESCALATED, TransferState.DRAFTED,
                         TransferState.ACCEPTED, TransferState.DECIDED, TransferState.WITHDRAWN)
                return f"{0 if r.overdue else 1}{order.index(r.state)}{t.answer_due or ''}"
            return self._display(r, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if r.overdue and col in (self.COL_REFERENCE, self.COL_DUE, self.COL_STATE):
                return QBrush(QColor(OVERDUE_COLOUR))
            if r.state is TransferState.ESCALATED and col == self.COL_STATE:
                return QBrush(QColor(EXECUTIVE_COLOUR))
            if r.state.finished:
                return _muted()
        if role == Qt.ItemDataRole.BackgroundRole and r.overdue:
            return QBrush(QColor(OVERDUE_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and r.overdue and col == self.COL_STATE:
            font = QFont()
            font.setBold(True)
            return font
        if role == ID_ROLE:
            return r.transfer.id
        if role == RECORD_ROLE:
            return r
        return None


TRANSFER_SHOW = (
    (pt.FILTER_OPEN, "Open (not finished)"),
    (pt.FILTER_WAITING, "Waiting for an answer"),
    (pt.FILTER_OVERDUE, "Answer overdue"),
    (pt.FILTER_ESCALATED, "With the Executive"),
    (pt.FILTER_FINISHED, "Accepted, decided or withdrawn"),
    (pt.FILTER_ALL, "All"),
)


class TransferFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.which = pt.FILTER_ALL
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filters(self, which: str, text: str) -> None:
        self.beginFilterChange()
        self.which, self.words = which, text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        r: TransferRow | None = self.sourceModel().index(source_row, 0, source_parent).data(RECORD_ROLE)
        if r is None or not pt.matches_filter(r.transfer, self.which, r.today):
            return False
        if self.words:
            t = r.transfer
            text = " ".join((t.reference, t.work, t.reason, t.outcomes, t.projected_costs, " ".join(t.priorities),
                             r.body.name, r.body.short_name, r.state_text, t.answer_reason, t.decision)).casefold()
            return all(w in text for w in self.words)
        return True


def transfer_detail_html(r: TransferRow) -> str:
    t = r.transfer
    style = OVERDUE_STYLE if r.overdue else TRANSFER_STATE_STYLE[r.state]
    way = (f"From us to the {_e(r.body.name)}" if t.direction is Direction.FROM_US
           else f"To us from the {_e(r.body.name)}")
    chair = _e(r.body.chair_name) if r.body.chair_name else "<i>no chair recorded</i>"
    if r.body.chair_email:
        chair += f" &lt;{_e(r.body.chair_email)}&gt;"
    rows = [("Direction", way), ("Their chair", chair), ("Letter dated", _e(pt.day_text(t.written_on)))]
    if t.sent_on:
        rows.append(("Sent" if t.direction is Direction.FROM_US else "Received", _e(pt.day_text(t.sent_on))))
        due = _e(pt.day_text(t.answer_due))
        if r.overdue:
            due = f"<span style='color:{OVERDUE_COLOUR}'><b>{due} — {_e(r.state_text)}</b></span>"
        rows.append(("Answer due", due))
    rows.append(("Priorities", _e("; ".join(t.priorities)) or "<i>none linked</i>"))
    if t.projected_costs or pt.costs_required(t, r.body):
        rows.append(("Projected costs", _para(t.projected_costs) or "<i>none given</i>"))
    if t.answer is not None:
        answer = f"{_e(t.answer.value.capitalize())} on {_e(pt.day_text(t.answered_on))}"
        if t.answer_reason:
            answer += f": {_e(t.answer_reason)}"
        rows.append(("Answer", answer))
        rows.append(("Kept", _e(r.answer_file) + " <i>(Open the answer's letter…, Ctrl+Shift+O)</i>" if r.answer_file
                     else "<i>no letter or email kept yet: attach it (Attach the answer's letter…, Ctrl+Shift+R)</i>"))
    if t.escalated_on:
        rows.append(("To the Executive", _e(pt.day_text(t.escalated_on))
                     + (f": {_e(t.escalation_note)}" if t.escalation_note else "")))
    if t.decided_on:
        rows.append(("Decision", f"{_e(pt.day_text(t.decided_on))}: {_e(t.decision)}"))
    if t.withdrawn_on:
        rows.append(("Withdrawn", f"{_e(pt.day_text(t.withdrawn_on))}: {_e(t.withdrawn_reason)}"))
    words = r.state_text
    return "".join([
        f"<h3 style='margin:0'>{_e(t.reference)} &nbsp;{_badge(style, words)}</h3>",
        f"<p style='margin:4px 0'>{_e(r.next_step)}</p>",
        _table(rows),
        f"<p style='margin:8px 0 2px 0'><b>The work</b></p><p style='margin:0'>{_para(t.work)}</p>",
        f"<p style='margin:8px 0 2px 0'><b>Reason</b></p><p style='margin:0'>{_para(t.reason)}</p>",
        f"<p style='margin:8px 0 2px 0'><b>Intended outcomes</b></p><p style='margin:0'>{_para(t.outcomes)}</p>",
    ])


# ==============================================================================================
# escalations and disputes
# ==============================================================================================

@dataclass(frozen=True)
class EscalationRow:
    escalation: Escalation
    raised_by: str
    arose_at: str
    executive: str

    @property
    def id(self) -> int | None:
        return self.escalation.id

    @property
    def status(self) -> EscalationStatus:
        return self.escalation.status

    @property
    def next_step(self) -> str:
        return es.next_step(self.escalation, self.executive)


ESCALATION_STATUS_STYLE = {
    EscalationStatus.OPEN: "background:#fff4ce; color:#4d3b00;",
    EscalationStatus.MEDIATION: "background:#e8f0fe; color:#123d7a;",
    EscalationStatus.EXECUTIVE: "background:#efe6f8; color:#4a2473;",
    EscalationStatus.DECIDED: "background:#e6f4ea; color:#0d5223;",
    EscalationStatus.WITHDRAWN: "background:#eeeeee; color:#444444;",
}


class EscalationModel(_RecordTableModel):
    HEADERS = ("Reference", "Raised", "Kind", "Raised by", "Status", "Summary")
    COL_REFERENCE, COL_RAISED, COL_KIND, COL_BY, COL_STATUS, COL_SUMMARY = range(6)
    HEADER_TIPS = {  # noqa: RUF012 - read only
        COL_KIND: "A worrying trend, a block in the system or a theme (escalated for oversight, ToR 7.1), or a "
                  "dispute (ToR 9)",
        COL_STATUS: "Open, in the chair's mediation, with the Executive, decided or withdrawn",
    }

    def set_rows(self, rows: Sequence[EscalationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def count(self, status: EscalationStatus) -> int:
        return sum(1 for r in self._rows if r.status is status)

    def _display(self, r: EscalationRow, col: int) -> str:
        e = r.escalation
        if col == self.COL_REFERENCE:
            return e.reference
        if col == self.COL_RAISED:
            return format_date(e.raised_on)
        if col == self.COL_KIND:
            return e.kind.label
        if col == self.COL_BY:
            return r.raised_by
        if col == self.COL_STATUS:
            return e.status.label
        return " ".join(e.summary.split())

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: EscalationRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.next_step if col == self.COL_STATUS else (self._display(r, col) or None)
        if role == SORT_ROLE:
            e = r.escalation
            if col == self.COL_REFERENCE:
                return "".join(f"{n:06d}" for n in pt.reference_sort_key(e.reference))
            if col == self.COL_RAISED:
                return e.raised_on.isoformat() if e.raised_on else ""
            if col == self.COL_STATUS:
                return str(list(EscalationStatus).index(r.status))
            return self._display(r, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_STATUS and r.status is EscalationStatus.EXECUTIVE:
                return QBrush(QColor(EXECUTIVE_COLOUR))
            if col == self.COL_STATUS and r.status is EscalationStatus.MEDIATION:
                return QBrush(QColor(MEDIATION_COLOUR))
            if r.status.finished:
                return _muted()
        if role == ID_ROLE:
            return r.escalation.id
        if role == RECORD_ROLE:
            return r
        return None


ESCALATION_SHOW = (
    (es.FILTER_OPEN, "Open (not decided)"),
    (es.FILTER_MEDIATION, "In mediation"),
    (es.FILTER_EXECUTIVE, "With the Executive"),
    (es.FILTER_DISPUTES, "Disputes"),
    (es.FILTER_FINISHED, "Decided or withdrawn"),
    (es.FILTER_ALL, "All"),
)


class EscalationFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.which = es.FILTER_ALL
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filters(self, which: str, text: str) -> None:
        self.beginFilterChange()
        self.which, self.words = which, text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        r: EscalationRow | None = self.sourceModel().index(source_row, 0, source_parent).data(RECORD_ROLE)
        if r is None or not es.matches_filter(r.escalation, self.which):
            return False
        if self.words:
            e = r.escalation
            parts = (e.reference, e.kind.label, e.summary, r.raised_by, r.arose_at, e.status.label, e.mediation_notes,
                     e.mediation_outcome, e.decision)
            text = " ".join(parts).casefold()
            return all(w in text for w in self.words)
        return True


def escalation_detail_html(r: EscalationRow) -> str:
    e = r.escalation
    rows = [("Kind", _e(e.kind.label)),
            ("Raised", _e(pt.day_text(e.raised_on)) + (f" at {_e(r.arose_at)}" if r.arose_at else
                                                        " (not at a meeting)")),
            ("Raised by", _e(r.raised_by))]
    if e.mediation_on:
        rows.append(("Mediation", _e(pt.day_text(e.mediation_on))))
    if e.executive_on:
        rows.append(("To the Executive", _e(pt.day_text(e.executive_on))
                     + (f": {_e(e.executive_note)}" if e.executive_note else "")))
    if e.decided_on:
        rows.append(("Decided", f"{_e(pt.day_text(e.decided_on))} by {_e(e.decided_by.label)}"))
    if e.withdrawn_on:
        rows.append(("Withdrawn", f"{_e(pt.day_text(e.withdrawn_on))}: {_e(e.withdrawn_reason)}"))
    out = [(f"<h3 style='margin:0'>{_e(e.reference)} &nbsp;"
            f"{_badge(ESCALATION_STATUS_STYLE[r.status], e.status.label)}</h3>"),
           f"<p style='margin:4px 0'>{_e(r.next_step)}</p>", _table(rows),
           f"<p style='margin:8px 0 2px 0'><b>Summary</b></p><p style='margin:0'>{_para(e.summary)}</p>"]
    if e.mediation_notes:
        out.append(f"<p style='margin:8px 0 2px 0'><b>The chair's mediation</b></p>"
                   f"<p style='margin:0'>{_para(e.mediation_notes)}</p>")
    if e.mediation_outcome:
        out.append(f"<p style='margin:4px 0 0 12px; color:{MEDIATION_COLOUR}'><b>Outcome so far:</b> "
                   f"{_para(e.mediation_outcome)}</p>")
    if e.decision:
        out.append(f"<p style='margin:8px 0 2px 0'><b>Decision</b></p><p style='margin:0'>{_para(e.decision)}</p>")
    return "".join(out)


# ==============================================================================================
# partnership bodies
# ==============================================================================================

@dataclass(frozen=True)
class BodyRow:
    body: PartnershipBody
    transfers: int
    """How many transfers name it."""
    today: dt.date

    @property
    def id(self) -> int | None:
        return self.body.id

    @property
    def current(self) -> bool:
        return self.body.is_current(self.today)


class BodyModel(_RecordTableModel):
    HEADERS = ("Name", "Short name", "Kind", "Chair", "Chair's email", "Transfers")
    COL_NAME, COL_SHORT, COL_KIND, COL_CHAIR, COL_EMAIL, COL_TRANSFERS = range(6)

    def set_rows(self, rows: Sequence[BodyRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _display(self, r: BodyRow, col: int) -> str:
        b = r.body
        if col == self.COL_NAME:
            return b.name + ("" if r.current else f" (ended {format_date(b.ended_on)})")
        if col == self.COL_SHORT:
            return b.short_name
        if col == self.COL_KIND:
            return b.kind_label
        if col == self.COL_CHAIR:
            return b.chair_name or "—"
        if col == self.COL_EMAIL:
            return b.chair_email
        return str(r.transfers) if r.transfers else ""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r: BodyRow = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.body.notes if col == self.COL_NAME and r.body.notes else (self._display(r, col) or None)
        if role == SORT_ROLE:
            if col == self.COL_NAME:
                return f"{0 if r.body.executive else 1}{r.body.name.casefold()}"
            if col == self.COL_TRANSFERS:
                return f"{r.transfers:06d}"
            return self._display(r, col).casefold()
        if role == Qt.ItemDataRole.ForegroundRole and not r.current:
            return _muted()
        if role == Qt.ItemDataRole.FontRole and r.body.executive and col == self.COL_NAME:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_TRANSFERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return r.body.id
        if role == RECORD_ROLE:
            return r
        return None


class BodyFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.show_ended = False
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filters(self, show_ended: bool, text: str) -> None:
        self.beginFilterChange()
        self.show_ended, self.words = show_ended, text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        r: BodyRow | None = self.sourceModel().index(source_row, 0, source_parent).data(RECORD_ROLE)
        if r is None or (not self.show_ended and not r.current):
            return False
        if self.words:
            b = r.body
            parts = (b.name, b.short_name, b.kind_label, b.chair_name, b.chair_email, b.notes)
            text = " ".join(parts).casefold()
            return all(w in text for w in self.words)
        return True


def body_detail_html(r: BodyRow) -> str:
    b = r.body
    rows = [("Kind", _e(b.kind_label)),
            ("Chair", (_e(b.chair_name) or "<i>not recorded: letters will leave a space for it</i>")
             + (f" &lt;{_e(b.chair_email)}&gt;" if b.chair_email else "")),
            ("Transfers", str(r.transfers) if r.transfers else "none")]
    if b.ended_on:
        rows.append(("Ended", _e(pt.day_text(b.ended_on))))
    out = [f"<h3 style='margin:0'>{_e(b.name)}" + (f" ({_e(b.short_name)})" if b.short_name else "") + "</h3>",
           _table(rows)]
    if b.executive:
        out.append("<p style='margin:6px 0'>The partnership's Executive: disagreement about moving work (ToR 8) and "
                   "disputes the chair cannot resolve (ToR 9) go to it.</p>")
    elif b.training_workforce:
        out.append("<p style='margin:6px 0'>Work sent to it carries projected costs for its consideration "
                   "(ToR 8).</p>")
    if b.notes:
        out.append(f"<p style='margin:6px 0 2px 0'><b>Notes</b></p><p style='margin:0'>{_para(b.notes)}</p>")
    return "".join(out)

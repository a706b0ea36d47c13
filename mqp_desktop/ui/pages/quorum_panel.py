"""The live quorum beside a register (ToR 3), and the chair's decision when it is not met.

:class:`QuorumPanel` says quorate or not in large words with a symbol and a
colour (never colour alone), how many agencies of the rule's set are present,
which count and through whom (a deputy counts for their member's agency),
which are missing and why, which are present but not counted, and the rule in
words; for each kind of rule in its own terms: a shared seat and who filled it,
every lead partner and the others counted, or that no quorum is set. It also
lists the items earlier inquorate meetings left waiting for a quorate one.
:class:`ChairDecisionBox` records proceed or reconvene with a note, and with
proceed the agenda items that wait for a quorate meeting (unticked) while the
others proceed.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import (
    ChairDecision,
    Meeting,
    MeetingQuorum,
    MeetingStatus,
    RegisterRow,
    WaitingItem,
    waiting_words,
)
from mqp_desktop.domain.quorum import NO_QUORUM, SET_NOUNS, AgencySet, QuorumKind, QuorumResult
from mqp_desktop.ui.meetings_models import short_date

QUORATE, NOT_YET, NOT_QUORATE, NO_QUORUM_SET = "quorate", "not yet quorate", "not quorate", "no quorum set"
STATE_STYLE = {
    QUORATE: ("✔", "QUORATE", "#1d5e20", "#dcefdc"),
    NOT_YET: ("…", "NOT YET QUORATE", "#6b4a00", "#fbedd0"),
    NOT_QUORATE: ("✖", "NOT QUORATE", "#8c1d18", "#f8dcda"),
    NO_QUORUM_SET: ("○", "NO QUORUM SET", "#1f3f6b", "#e1eaf6"),
}


def count_sentence(result: QuorumResult) -> str:
    """'3 of 3 statutory agencies present' and the like, in the rule's own terms."""
    rule, n, needed = result.rule, result.filled, result.needed
    if rule.kind is QuorumKind.NONE:
        present = len(result.counted)
        return f"{NO_QUORUM}; {present} agenc{'y' if present == 1 else 'ies'} present"
    if rule.kind is QuorumKind.ALL_AND_AT_LEAST:
        return result.summary()[:1].upper() + result.summary()[1:]
    if rule.agency_set is AgencySet.NAMED and rule.shared_seats:
        kind = "named seats"
    else:
        kind = SET_NOUNS[rule.agency_set][1]
    if rule.kind is QuorumKind.ALL_OF:
        return f"{n} of {needed} {kind} present (all needed)"
    if n > needed:
        return f"{n} {kind} present ({needed} needed)"
    return f"{n} of {needed} {kind} present"


def _names(people: Sequence[str]) -> str:
    return ", ".join(people)


class QuorumPanel(QFrame):
    """Quorate or not, and why, from a meeting's register as it stands."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quorumPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        caption = QLabel("QUORUM (ToR 3)")
        caption.setObjectName("headerCaption")
        layout.addWidget(caption)
        self.headline = QLabel()
        self.headline.setObjectName("quorumHeadline")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setWeight(QFont.Weight.Bold)
        self.headline.setFont(font)
        self.headline.setAccessibleName("Quorum")
        layout.addWidget(self.headline)
        self.count = QLabel()
        self.count.setObjectName("quorumCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.count.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self.count.setFont(font)
        self.count.setWordWrap(True)  # "All three lead partners and 4 of 3 other agencies" on a narrow panel
        layout.addWidget(self.count)
        self.details = QLabel()
        self.details.setObjectName("quorumDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.rule = QLabel()
        self.rule.setObjectName("quorumRule")
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        self.state = NOT_YET
        self.quorum: MeetingQuorum | None = None

    @property
    def quorate(self) -> bool:
        """Quorate for counting purposes (a rule that sets no quorum always is)."""
        return self.state in (QUORATE, NO_QUORUM_SET)

    def _waiting(self, result: QuorumResult, waiting: Sequence[WaitingItem]) -> str:
        if not waiting:
            return ""
        e = html.escape
        head = ("Items that waited for a quorate meeting (take them at this one)" if result.quorate
                else "Still waiting for a quorate meeting")
        lines = "".join(f"<p style='margin:0 0 0 10px'>→ {e(text)}</p>" for text in waiting_words(waiting))
        return f"<p style='margin:6px 0 0 0'><b>{head}:</b></p>{lines}"

    def set_quorum(
        self, quorum: MeetingQuorum, rows: Sequence[RegisterRow], agency_names: Mapping[int, str],
        waiting_from_earlier: Sequence[WaitingItem] = (), meeting: Meeting | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.quorum = quorum
        result = quorum.result
        if meeting is not None:  # the words the meetings list, the command line and the minutes use too
            self.state = str(quorum.state(meeting, today or dt.date.today()))
        elif not result.quorum_set:
            self.state = NO_QUORUM_SET
        elif result.quorate:
            self.state = QUORATE
        elif quorum.complete and quorum.expected:
            self.state = NOT_QUORATE
        else:
            self.state = NOT_YET
        symbol, words, fg, bg = STATE_STYLE[self.state]
        self.headline.setText(f"{symbol}  {words}")
        self.headline.setStyleSheet(
            f"QLabel {{ color: {fg}; background: {bg}; border: 2px solid {fg}; border-radius: 6px; padding: 8px; }}"
        )
        self.count.setText(count_sentence(result))
        self.count.setStyleSheet(f"color: {fg};")
        self.details.setText(self._details(result, rows) + self._waiting(result, waiting_from_earlier))
        self.rule.setText(
            "<i>The rule:</i> " + html.escape(result.rule.describe(agency_names))
        )
        self.rule.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleDescription(f"{words}. {count_sentence(result)}. {result.explain()}")

    @staticmethod
    def _details(result: QuorumResult, rows: Sequence[RegisterRow]) -> str:
        by_agency: dict[int, list[RegisterRow]] = defaultdict(list)
        for r in rows:
            by_agency[r.agency.id].append(r)

        def through(agency_id: int) -> str:
            who = []
            for r in by_agency.get(agency_id, []):
                if r.status is AttendanceStatus.PRESENT:
                    who.append(r.member.name)
                elif r.status is AttendanceStatus.DEPUTY:
                    deputy = r.entry.deputy_name if r.entry else ""
                    who.append(f"{deputy}, deputy for {r.member.name}")
            return _names(who)

        def why_missing(agency_id: int) -> str:
            members = by_agency.get(agency_id, [])
            if not members:
                return "no member on this register"
            reasons = []
            for r in members:
                if r.status is None:
                    reasons.append(f"{r.member.name} not yet recorded")
                elif r.status is AttendanceStatus.APOLOGIES:
                    reasons.append(f"apologies from {r.member.name}")
                elif r.status is AttendanceStatus.ABSENT:
                    reasons.append(f"{r.member.name} absent")
            return "; ".join(reasons)

        e = html.escape
        parts = []

        def line(mark: str, label: str, text: str) -> str:
            return f"<p style='margin:0 0 0 10px'>{mark} <b>{e(label)}</b> — {e(text)}</p>"

        def seat_through(seat) -> str:
            if not seat.shared:
                return through(seat.agencies[0].id)
            return "; ".join(f"{a.label}: {through(a.id)}" for a in seat.present)

        def seat_missing(seat) -> str:
            if not seat.shared:
                return why_missing(seat.agencies[0].id)
            return "; ".join(f"{a.label}: {why_missing(a.id)}" for a in seat.agencies) + " (any one fills the seat)"

        rule = result.rule
        if rule.kind is QuorumKind.NONE:
            if result.counted:
                items = "".join(line("•", a.label, through(a.id)) for a in result.counted)
                parts.append(f"<p style='margin:0'><b>Present:</b></p>{items}")
            parts.append("<p style='margin-top:6px; color:palette(dark)'>The Terms of Reference set no quorum: "
                         "every meeting counts as quorate, and the minutes say that no quorum is set.</p>")
            return "".join(parts)
        filled = [s for s in result.seats if s.filled]
        empty = result.missing_seats
        combination = rule.kind is QuorumKind.ALL_AND_AT_LEAST
        if filled:
            heading = "Counting" if not combination else SET_NOUNS[rule.agency_set][1].capitalize() + " (all needed)"
            items = "".join(line("✔", s.label, seat_through(s)) for s in filled)
            parts.append(f"<p style='margin:0'><b>{e(heading)}:</b></p>{items}")
        if empty:
            items = "".join(line("✖", s.label, seat_missing(s)) for s in empty)
            parts.append(f"<p style='margin:4px 0 0 0'><b>Not present:</b></p>{items}")
        if combination:
            unit = "members" if rule.others.value == "members" else "agencies"
            others = ", ".join(e(o) for o in result.others) or "none yet"
            mark = "✔" if not result.others_shortfall else "✖"
            parts.append(f"<p style='margin:4px 0 0 0'><b>Other {unit} ({rule.count} needed):</b> {mark} "
                         f"{len(result.others)} — {others}</p>")
        if result.present_not_counting:
            labels = ", ".join(e(a.label) for a in result.present_not_counting)
            kind = {
                AgencySet.STATUTORY: "not statutory agencies",
                AgencySet.LEAD_PARTNERS: "not lead safeguarding partners",
                AgencySet.NAMED: "not among the named agencies",
                AgencySet.ANY: "",
            }[result.rule.agency_set]
            parts.append(
                f"<p style='margin:4px 0 0 0'><b>Present, not counted</b> ({kind}): {labels}</p>"
            )
        shared = " A shared seat counts once, whichever of its agencies attends." if any(
            s.shared for s in result.seats) else ""
        parts.append(
            "<p style='margin-top:6px; color:palette(dark)'>A deputy counts for their member's agency. "
            f"Guests in attendance never count. A representative-only member still counts as attendance.{shared}</p>"
        )
        return "".join(parts)


class ChairDecisionBox(QGroupBox):
    """Proceed or reconvene, with a note, when the meeting is not quorate (ToR 3)."""

    decision_requested = Signal(object, str, object)  # ChairDecision, note, ids of the items that wait
    plan_reconvened_requested = Signal()

    MUST_RECONVENE = ("The quorum rule says an inquorate meeting must be reconvened, so the chair cannot decide "
                      "to proceed (Subcommittee settings, quorum).")

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Chair's decision", parent)
        self.setObjectName("chairDecisionBox")
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.explanation = QLabel(
            "The meeting is not quorate: the chair decides whether to proceed (decisions taken are marked as "
            "taken while inquorate) or to reconvene on another date."
        )
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.recorded = QLabel()
        self.recorded.setObjectName("chairDecisionRecorded")
        self.recorded.setWordWrap(True)
        layout.addWidget(self.recorded)
        choice = QHBoxLayout()
        self.proceed = QRadioButton("&Proceed")
        self.reconvene = QRadioButton("Re&convene")
        self.group = QButtonGroup(self)
        self.group.addButton(self.proceed)
        self.group.addButton(self.reconvene)
        choice.addWidget(self.proceed)
        choice.addWidget(self.reconvene)
        choice.addStretch(1)
        layout.addLayout(choice)
        self.items_label = QLabel("&Items that proceed — untick those that wait for a quorate meeting:")
        self.items_label.setObjectName("chairDecisionItemsLabel")
        self.items_label.setWordWrap(True)
        layout.addWidget(self.items_label)
        self.items = QListWidget()
        self.items.setObjectName("chairDecisionItems")
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setToolTip("Ticked items proceed; an unticked item waits for the next quorate meeting, with its "
                              "sub-items. Space ticks or unticks the current item.")
        self.items.setMinimumHeight(70)
        self.items.setMaximumHeight(150)
        self.items_label.setBuddy(self.items)
        layout.addWidget(self.items)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note for the minutes, e.g. why, and what is to be ratified later")
        layout.addWidget(self.note)
        self.why_not = QLabel(self.MUST_RECONVENE)
        self.why_not.setObjectName("chairDecisionWhyNot")
        self.why_not.setWordWrap(True)
        self.why_not.setStyleSheet("color: #8c1d18;")
        layout.addWidget(self.why_not)
        buttons = QHBoxLayout()
        self.record_button = QPushButton("Record decision")
        self.record_button.clicked.connect(self._record)
        self.plan_button = QPushButton("Plan the reconvened meeting…")
        self.plan_button.clicked.connect(self.plan_reconvened_requested.emit)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.may_proceed = True
        self.quorate = False
        self._agenda: list[tuple[int, str, str, int | None]] = []
        self._filling = False
        self.group.buttonToggled.connect(lambda *_: self._update())
        self.note.textEdited.connect(lambda _t: self._update())
        self.items.itemChanged.connect(self._item_ticked)

    def set_agenda(self, lines: Sequence[tuple[int, str, str, int | None]], waiting: Sequence[int]) -> None:
        """The meeting's agenda as (item id, number, title, parent id); ``waiting`` unticked."""
        lines = list(lines)
        if lines == self._agenda and self.items.count():
            return  # keep what the officer has ticked while the register changes
        self._agenda = lines
        self._filling = True
        try:
            self.items.clear()
            for item_id, number, title, parent_id in lines:
                item = QListWidgetItem(("    " if parent_id else "") + f"{number}  {title}", self.items)
                item.setData(Qt.ItemDataRole.UserRole, item_id)
                item.setData(Qt.ItemDataRole.UserRole + 1, parent_id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Unchecked if item_id in waiting else Qt.CheckState.Checked)
        finally:
            self._filling = False

    def waiting_ids(self) -> list[int]:
        """The items unticked: they wait for a quorate meeting."""
        return [int(self.items.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.items.count())
                if self.items.item(r).checkState() != Qt.CheckState.Checked]

    def _item_ticked(self, changed: QListWidgetItem) -> None:
        """A top-level item ticked or unticked takes its sub-items with it."""
        if self._filling:
            return
        item_id = changed.data(Qt.ItemDataRole.UserRole)
        self._filling = True
        try:
            for r in range(self.items.count()):
                item = self.items.item(r)
                if item.data(Qt.ItemDataRole.UserRole + 1) == item_id:
                    item.setCheckState(changed.checkState())
        finally:
            self._filling = False
        self._update()

    def set_state(self, meeting: Meeting, quorum: MeetingQuorum, reconvened_as: Sequence[Meeting],
                  agenda: Sequence[tuple[int, str, str, int | None]] = ()) -> None:
        rule_may_proceed = (meeting.quorum_rule or quorum.result.rule).chair_may_proceed
        self.may_proceed = rule_may_proceed
        decision = meeting.chair_decision
        show = (not quorum.result.quorate and quorum.recorded > 0) or decision is not None
        if meeting.date > dt.date.today() and decision is None:
            show = False  # the chair decides at the meeting (ToR 3), not before it: apologies taken ahead
        self.setVisible(show)
        self.set_agenda(agenda, meeting.items_waiting)
        if decision is not None:
            words = "proceed" if decision is ChairDecision.PROCEED else "reconvene the meeting"
            if meeting.items_waiting:
                numbers = [number for item_id, number, _t, _p in agenda if item_id in meeting.items_waiting]
                words += (" with the other items; item" + ("s " if len(numbers) != 1 else " ") + ", ".join(numbers)
                          + (" wait" if len(numbers) != 1 else " waits") + " for a quorate meeting")
            if meeting.chair_decision_note:
                text = f"<b>Recorded:</b> the chair decided to {words} — “{html.escape(meeting.chair_decision_note)}”"
            else:
                text = f"<b>Recorded:</b> the chair decided to {words}."
            self.recorded.setText(text)
            self.recorded.show()
        else:
            self.recorded.hide()
        if not self.group.checkedButton() or decision is not None:
            self.group.setExclusive(False)
            self.proceed.setChecked(decision is ChairDecision.PROCEED)
            self.reconvene.setChecked(decision is ChairDecision.RECONVENE or (decision is None and not rule_may_proceed))
            self.group.setExclusive(True)
            if decision is not None and not self.note.hasFocus():
                self.note.setText(meeting.chair_decision_note)
        self.quorate = quorum.result.quorate
        self.plan_button.setVisible(meeting.status is MeetingStatus.RECONVENED and not reconvened_as)
        if reconvened_as:
            dates = ", ".join(short_date(m.date) for m in reconvened_as)
            self.recorded.setText(self.recorded.text() + f"<br>Reconvened as the meeting of {dates}.")
        self._update()

    def choice(self) -> ChairDecision | None:
        if self.proceed.isChecked():
            return ChairDecision.PROCEED
        if self.reconvene.isChecked():
            return ChairDecision.RECONVENE
        return None

    def _update(self) -> None:
        choice = self.choice()
        blocked = choice is ChairDecision.PROCEED and not self.may_proceed
        self.why_not.setVisible(blocked)
        proceeding = choice is ChairDecision.PROCEED and not blocked and self.items.count() > 0
        self.items_label.setVisible(proceeding)
        self.items.setVisible(proceeding)
        all_wait = proceeding and len(self.waiting_ids()) == self.items.count()
        self.record_button.setEnabled(choice is not None and not blocked and not self.quorate and not all_wait)
        self.record_button.setToolTip(self.MUST_RECONVENE if blocked else
                                      "Every item would wait: that is a decision to reconvene." if all_wait else "")

    def _record(self) -> None:
        choice = self.choice()
        if choice is not None and self.record_button.isEnabled():
            waiting = self.waiting_ids() if choice is ChairDecision.PROCEED else []
            self.decision_requested.emit(choice, self.note.text().strip(), waiting)

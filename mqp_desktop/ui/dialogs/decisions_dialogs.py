"""Ratifying decisions taken while a meeting was not quorate (ToR 3): the later meeting, the decisions ticked,
a note. ``save(meeting_id, decision_ids, note)``; the store refuses, in words shown under the field, a meeting
that is not later, not quorate or whose minutes are signed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QListWidgetItem, QWidget

from mqp_desktop.domain.decisions import DecisionEntry
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.ui.dialogs.common import FieldErrors, FittedDialog
from mqp_desktop.ui.generated.ui_ratify_dialog import Ui_RatifyDialog

ID_ROLE = Qt.ItemDataRole.UserRole


def _day(when: dt.date) -> str:
    return f"{when.day} {when:%b %Y}"


class RatifyDialog(FittedDialog):
    """Choose the later, quorate meeting and tick the decisions it ratified."""

    error_title = "Not ratified"

    def __init__(self, *, meetings: Sequence[tuple[int, str, str]], decisions: Sequence[DecisionEntry],
                 ticked: Iterable[int], meeting_id: int | None, save: Callable[[int, list[int], str], object],
                 parent: QWidget | None = None):
        """``meetings``: (id, title, why not, '' when it can ratify) latest first."""
        super().__init__(parent)
        self.ui = Ui_RatifyDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("&Ratify")
        ui.introLabel.setText("Decisions taken while a meeting was not quorate are ratified at a later meeting that "
                              "is quorate (ToR 3). The ratification is recorded with that meeting and printed in its "
                              "minutes under “Decisions ratified”.")
        for mid, title, why_not in meetings:
            ui.meetingCombo.addItem(title + (f" — {why_not}" if why_not else ""), mid)
        if meeting_id is not None and ui.meetingCombo.findData(meeting_id) >= 0:
            ui.meetingCombo.setCurrentIndex(ui.meetingCombo.findData(meeting_id))
        ticked = set(ticked)
        for d in decisions:
            item = QListWidgetItem(f"{_day(d.meeting_date)}, item {d.item_label}: {d.text}")
            item.setData(ID_ROLE, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.id in ticked else Qt.CheckState.Unchecked)
            ui.decisionsList.addItem(item)
        ui.decisionsList.setMinimumHeight(ui.decisionsList.sizeHintForRow(0) * min(5, max(2, len(decisions))) + 8
                                          if decisions else 60)
        self.errors = FieldErrors(self, {"meeting": ui.meetingCombo, "decision": ui.decisionsList,
                                         "note": ui.noteEdit}, ui.errorLabel)
        ui.meetingCombo.setFocus()

    def ticked(self) -> list[int]:
        lst = self.ui.decisionsList
        return [lst.item(i).data(ID_ROLE) for i in range(lst.count())
                if lst.item(i).checkState() == Qt.CheckState.Checked]

    def build(self) -> tuple:
        mid = self.ui.meetingCombo.currentData()
        if mid is None:
            raise ValidationError("meeting", "There is no later meeting to ratify at: hold a quorate meeting first.")
        ids = self.ticked()
        if not ids:
            raise ValidationError("decision", "Tick the decisions ratified.")
        return (mid, ids, self.ui.noteEdit.text().strip())

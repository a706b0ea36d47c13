"""The dialog circulating a meeting's minutes (ToR 13): the agenda's circulation dialog, with nothing to choose
but whether deputies are copied in (the minutes PDF is the only attachment)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from mqp_desktop.ui.dialogs.agenda_dialogs import CirculateDialog


class MinutesCirculateDialog(CirculateDialog):
    """``plan_for(kind, include_deputies, papers_separately)`` returns the minutes' plan (kind and separately are
    ignored); ``save(plan)`` writes, opens and records it. The subject and message may be edited."""

    error_title = "Minutes not circulated"

    def __init__(self, meeting_title: str, *, plan_for: Callable[[str, bool, bool], Any],
                 save: Callable[[Any], object], parent: QWidget | None = None):
        super().__init__(meeting_title, plan_for=plan_for, save=save, kind="pack", parent=parent)
        ui = self.ui
        self.setWindowTitle(f"Circulate the minutes — {meeting_title}")
        ui.introLabel.setText(
            "The program writes an email draft with the minutes attached (PDF: marked DRAFT until the chair signs) "
            "and opens it in your mail program to check and send (ToR 13: minutes go to every member after each "
            "meeting, for consideration at the next). What was circulated, to whom, is recorded here.")
        for w in (ui.kindCombo, ui.kindLabel, ui.separatelyCheck):
            w.setVisible(False)
        ui.deputiesCheck.setFocus()

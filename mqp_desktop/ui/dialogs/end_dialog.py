"""End a membership or an agency: an end date and a reason. Nothing is deleted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from mqp_desktop.ui.dialogs.common import DATE_FORMAT, FieldErrors, RecordDialog, pydate, qdate
from mqp_desktop.ui.generated.ui_end_dialog import Ui_EndDialog


class EndDialog(RecordDialog):
    """``save(end_date, reason)`` is called on OK; ``reason`` may be empty.

    ``subject`` names what is ended, as a sentence's subject ("Dr Amara Okafor",
    "Priory Hospital Roehampton"). The end date defaults to today and cannot be
    before ``earliest`` (e.g. the start date).
    """

    error_title = "Not ended"

    def __init__(
        self,
        *,
        title: str,
        subject: str,
        save: Callable[[dt.date, str], object],
        earliest: dt.date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_EndDialog()
        self.ui.setupUi(self)
        self._save = save
        ui = self.ui
        self.setWindowTitle(title)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("End")
        ui.explanationLabel.setText(
            f"<b>{_html(subject)}</b> stays in the history and in past registers and minutes; "
            "nothing is deleted.<br>After the last day it no longer counts towards attendance or quorum."
        )
        ui.endDateEdit.setDisplayFormat(DATE_FORMAT)
        today = dt.date.today()
        if earliest is not None:
            ui.endDateEdit.setMinimumDate(qdate(earliest))
        ui.endDateEdit.setDate(qdate(max(today, earliest) if earliest else today))
        self.errors = FieldErrors(
            self,
            {"end_date": ui.endDateEdit, "reason": ui.reasonEdit, "end_reason": ui.reasonEdit},
            ui.errorLabel,
        )
        ui.endDateEdit.setFocus()

    def end_date(self) -> dt.date:
        return pydate(self.ui.endDateEdit.date())

    def reason(self) -> str:
        return self.ui.reasonEdit.text().strip()

    def build(self) -> tuple:
        return (self.end_date(), self.reason())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

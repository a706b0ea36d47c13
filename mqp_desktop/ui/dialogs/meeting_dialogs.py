"""The meetings' dialogs: plan a series, add or edit (or reconvene) a meeting, cancel one,
and paste the apologies received by email into a register.

Each follows the contract of :mod:`mqp_desktop.ui.dialogs.common`: on OK it
builds what it holds and calls the ``save`` (or ``apply``) callable it was
given; a ``ValidationError`` is shown under its field, a ``StoreError`` in a
warning, and either way the dialog stays open with everything typed kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Callable, Container, Sequence

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QListWidgetItem, QWidget

from mqp_desktop.domain.meetings import Meeting, MeetingKind, RegisterRow, match_names
from mqp_desktop.domain.model import Member, Subcommittee
from mqp_desktop.domain.schedule import english_bank_holidays, plan_series
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, FieldErrors, RecordDialog, pydate, qdate
from mqp_desktop.ui.generated.ui_cancel_meeting_dialog import Ui_CancelMeetingDialog
from mqp_desktop.ui.generated.ui_meeting_dialog import Ui_MeetingDialog
from mqp_desktop.ui.generated.ui_paste_apologies_dialog import Ui_PasteApologiesDialog
from mqp_desktop.ui.generated.ui_series_dialog import Ui_SeriesDialog
from mqp_desktop.ui.meetings_models import SeriesPreviewModel, long_date, status_text

HolidaySource = Callable[[range], Container[dt.date]]


def _holiday_set(holidays: HolidaySource | Container[dt.date] | None, around: dt.date) -> Container[dt.date]:
    """Bank holidays for the years around ``around`` (looked up once per dialog)."""
    source = english_bank_holidays if holidays is None else holidays
    if callable(source):
        return source(range(around.year - 1, around.year + 6))
    return source


def date_note(day: dt.date, holidays: Container[dt.date]) -> str:
    if day.weekday() >= 5:
        return f"⚠ a {day:%A}"
    if day in holidays:
        return "⚠ a bank holiday"
    return f"a {day:%A}"


class MeetingDialog(RecordDialog):
    """Add an extraordinary meeting, edit a meeting, or plan the one that reconvenes another.

    ``save(meeting)`` gets a copy of ``meeting`` (or of a new extraordinary
    meeting) with the date, times, venue, link and notes from the form.
    """

    error_title = "Meeting not saved"

    def __init__(
        self,
        meeting: Meeting | None = None,
        *,
        save: Callable[[Meeting], object],
        title: str = "",
        intro: str = "",
        holidays: HolidaySource | Container[dt.date] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_MeetingDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.meeting = meeting or Meeting(
            date=dt.date.today() + dt.timedelta(days=14), kind=MeetingKind.EXTRAORDINARY
        )
        self._holidays = _holiday_set(holidays, self.meeting.date)
        self.setWindowTitle(title or ("Edit meeting" if meeting and meeting.id else "Add extraordinary meeting"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        ui.introLabel.setText(intro)
        ui.introLabel.setVisible(bool(intro))
        ui.dateEdit.setDisplayFormat(DATE_FORMAT)
        ui.dateEdit.dateChanged.connect(lambda _d: self._date_changed())
        self._show(self.meeting)
        self.errors = FieldErrors(
            self,
            {
                "date": ui.dateEdit,
                "start_time": ui.startTimeEdit,
                "end_time": ui.endTimeEdit,
                "venue": ui.venueEdit,
                "online_link": ui.linkEdit,
                "notes": ui.notesEdit,
            },
            ui.errorLabel,
        )
        ui.dateEdit.setFocus()

    def _show(self, m: Meeting) -> None:
        ui = self.ui
        ui.dateEdit.setDate(qdate(m.date))
        ui.startTimeEdit.setText(m.start_time)
        ui.endTimeEdit.setText(m.end_time)
        ui.venueEdit.setText(m.venue)
        ui.linkEdit.setText(m.online_link)
        ui.notesEdit.setPlainText(m.notes)
        self._date_changed()

    def conflict_base(self) -> Meeting | None:
        return self.meeting if self.meeting.id is not None else None

    def show_record(self, record: Meeting, *, as_read: Meeting) -> None:
        self.meeting = as_read
        self._show(record)

    def _date_changed(self) -> None:
        self.ui.dateNoteLabel.setText(date_note(pydate(self.ui.dateEdit.date()), self._holidays))

    def record(self) -> Meeting:
        ui = self.ui
        return dataclasses.replace(
            self.meeting,
            date=pydate(ui.dateEdit.date()),
            start_time=ui.startTimeEdit.text().strip(),
            end_time=ui.endTimeEdit.text().strip(),
            venue=ui.venueEdit.text().strip(),
            online_link=ui.linkEdit.text().strip(),
            notes=ui.notesEdit.toPlainText().strip(),
        )

    def build(self) -> tuple:
        return (self.record(),)


class SeriesDialog(RecordDialog):
    """Plan a series of ordinary meetings at the subcommittee's frequency.

    The preview lists the dates :func:`plan_series` generates (the pattern of
    the first date, moved off weekends and bank holidays, each move noted);
    any date may then be changed by hand. ``save(meetings)`` gets one planned
    :class:`Meeting` per row.
    """

    error_title = "Series not planned"

    def __init__(
        self,
        subcommittee: Subcommittee,
        *,
        save: Callable[[list[Meeting]], object],
        first: dt.date | None = None,
        template: Meeting | None = None,
        holidays: HolidaySource | Container[dt.date] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_SeriesDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.subcommittee = subcommittee
        first = first or dt.date.today()
        self._holidays = _holiday_set(holidays, first)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Plan meetings")
        ui.introLabel.setText(
            f"The subcommittee meets <b>{html.escape(subcommittee.frequency_text)}</b> (Subcommittee settings). "
            "A monthly series keeps the first date's pattern (e.g. the second Tuesday); a date falling on a "
            "weekend or an English bank holiday moves to the next working day."
        )
        if template is not None:
            ui.startTimeEdit.setText(template.start_time)
            ui.endTimeEdit.setText(template.end_time)
            ui.venueEdit.setText(template.venue)
            ui.linkEdit.setText(template.online_link)
        self.model = SeriesPreviewModel(self)
        ui.previewTable.setModel(self.model)
        header = ui.previewTable.horizontalHeader()
        header.setSectionResizeMode(SeriesPreviewModel.COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        ui.previewTable.setColumnWidth(SeriesPreviewModel.COL_DATE, 150)
        ui.firstDateEdit.setDisplayFormat(DATE_FORMAT)
        ui.firstDateEdit.setDate(qdate(first))
        ui.firstDateEdit.dateChanged.connect(lambda _d: self.regenerate())
        ui.countSpin.valueChanged.connect(lambda _n: self.regenerate())
        self.errors = FieldErrors(
            self,
            {
                "date": ui.firstDateEdit,
                "first": ui.firstDateEdit,
                "count": ui.countSpin,
                "start_time": ui.startTimeEdit,
                "end_time": ui.endTimeEdit,
                "venue": ui.venueEdit,
                "online_link": ui.linkEdit,
            },
            ui.errorLabel,
        )
        self.regenerate()
        ui.firstDateEdit.setFocus()

    def regenerate(self) -> None:
        """The preview as the domain generates it (hand changes to dates are replaced)."""
        first = pydate(self.ui.firstDateEdit.date())
        sc = self.subcommittee
        planned = plan_series(first, self.ui.countSpin.value(), sc.frequency_interval, sc.frequency_unit,
                              self._holidays)
        self.model.set_rows(planned)

    def dates(self) -> list[dt.date]:
        return self.model.dates()

    def set_date(self, row: int, day: dt.date) -> bool:
        """Change one planned date (what double-clicking and typing does)."""
        return self.model.setData(self.model.index_of_row(row), qdate(day))

    def meetings(self) -> list[Meeting]:
        ui = self.ui
        return [
            Meeting(
                date=day,
                start_time=ui.startTimeEdit.text().strip(),
                end_time=ui.endTimeEdit.text().strip(),
                venue=ui.venueEdit.text().strip(),
                online_link=ui.linkEdit.text().strip(),
            )
            for day in sorted(self.dates())
        ]

    def build(self) -> tuple:
        return (self.meetings(),)


class CancelMeetingDialog(RecordDialog):
    """``save(reason)`` cancels the meeting; the reason may be empty."""

    error_title = "Meeting not cancelled"

    def __init__(self, meeting: Meeting, *, save: Callable[[str], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CancelMeetingDialog()
        self.ui.setupUi(self)
        self._save = save
        ui = self.ui
        self.setWindowTitle(f"Cancel the {meeting.title[0].lower()}{meeting.title[1:]}")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Cancel meeting")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("Keep it")
        ui.explanationLabel.setText(
            f"<b>{html.escape(meeting.title)}</b> ({html.escape(long_date(meeting.date))}) stays in the list, "
            "marked cancelled; it is not counted in attendance rates. The reason is kept in its notes."
        )
        self.errors = FieldErrors(self, {"reason": ui.reasonEdit, "status": ui.reasonEdit}, ui.errorLabel)
        ui.reasonEdit.setFocus()

    def build(self) -> tuple:
        return (self.ui.reasonEdit.text().strip(),)


class PasteApologiesDialog(RecordDialog):
    """Apologies received by email, pasted as a list and matched to the register's members.

    Only exact matches (name ignoring titles, or email) are offered; lines that
    match nobody, or more than one member, are listed as not matched and are
    never applied. A matched member already recorded as attending is left as
    recorded. ``apply(members)`` marks the rest as apologies sent.
    """

    error_title = "Apologies not recorded"

    def __init__(
        self,
        rows: Sequence[RegisterRow],
        *,
        apply: Callable[[list[Member]], object],
        text: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_PasteApologiesDialog()
        self.ui.setupUi(self)
        self._save = apply
        self.rows = list(rows)
        self._by_member = {r.member.id: r for r in self.rows}
        self.matched: list[Member] = []
        self.unmatched: list[str] = []
        self.to_mark: list[Member] = []
        self.errors = FieldErrors(self, {}, self.ui.errorLabel)
        self.ui.matchedList.setWordWrap(True)
        self.ui.unmatchedList.setWordWrap(True)
        self.ui.pasteEdit.textChanged.connect(self.rematch)
        if text is None:
            clipboard = QGuiApplication.clipboard()
            text = clipboard.text() if clipboard is not None else ""
        self.ui.pasteEdit.setPlainText(text or "")
        self.rematch()
        self.ui.pasteEdit.setFocus()

    def rematch(self) -> None:
        ui = self.ui
        self.matched, self.unmatched = match_names(ui.pasteEdit.toPlainText(), [r.member for r in self.rows])
        self.to_mark = []
        ui.matchedList.clear()
        for member in self.matched:
            row = self._by_member[member.id]
            label = f"✔ {member.name} — {row.agency.label}"
            if row.status is not None and row.status.attended:
                label += f"   (already recorded: {status_text(row.status).strip()}; left as it is)"
            else:
                self.to_mark.append(member)
            ui.matchedList.addItem(QListWidgetItem(label))
        ui.unmatchedList.clear()
        for line in self.unmatched:
            ui.unmatchedList.addItem(QListWidgetItem(f"✖ {line}"))
        ui.unmatchedGroup.setTitle(f"Not matched ({len(self.unmatched)}): nothing will be recorded")
        ui.matchedGroup.setTitle(f"Matched ({len(self.matched)}): will be marked apologies")
        n = len(self.to_mark)
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"Mark {n} as apologies sent" if n != 1 else "Mark 1 as apologies sent")
        ok.setEnabled(n > 0)
        if self.unmatched:
            ui.summaryLabel.setText(
                "Lines not matched are not guessed: check the spelling, or mark those members with A in the "
                "register."
            )
        else:
            ui.summaryLabel.setText("")

    def build(self) -> tuple:
        return (list(self.to_mark),)


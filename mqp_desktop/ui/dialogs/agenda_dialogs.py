"""The agenda's dialogs: an item, a paper request, a sign-off, copying from another meeting,
circulating, and the agenda and papers settings.

Each follows the contract of :mod:`mqp_desktop.ui.dialogs.common`: on OK it builds
what it holds and calls the ``save`` callable it was given; a ``ValidationError``
is shown under its field, a ``StoreError`` (or an exporter's file error) in a
warning, and either way the dialog stays open with everything typed kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QWidget,
)

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.agenda import AgendaItem, AgendaLine, Purpose, StandingKind
from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.domain.model import Member
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import StoreError
from mqp_desktop.ui.agenda_models import AttachmentsTableModel, size_text
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, FieldErrors, RecordDialog, pydate, qdate, show_warning
from mqp_desktop.ui.generated.ui_agenda_circulate_dialog import Ui_CirculateDialog
from mqp_desktop.ui.generated.ui_agenda_copy_dialog import Ui_AgendaCopyDialog
from mqp_desktop.ui.generated.ui_agenda_item_dialog import Ui_AgendaItemDialog
from mqp_desktop.ui.generated.ui_agenda_paper_request_dialog import Ui_PaperRequestDialog
from mqp_desktop.ui.generated.ui_agenda_settings_dialog import Ui_AgendaSettingsDialog
from mqp_desktop.ui.generated.ui_agenda_sign_off_dialog import Ui_SignOffDialog
from mqp_desktop.ui.meetings_models import long_date, short_date

GUEST = "guest"
_ROOT = QModelIndex()


def _ok_text(buttons: QDialogButtonBox, text: str) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)


class AgendaItemDialog(RecordDialog):
    """Add or edit an agenda item. ``save(item)`` gets a copy of ``item`` with the form's fields."""

    error_title = "Agenda item not saved"

    def __init__(
        self,
        item: AgendaItem,
        members: Sequence[Member],
        priorities: Sequence[str],
        *,
        save: Callable[[AgendaItem], object],
        title: str = "",
        intro: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_AgendaItemDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.item = item
        self._save = save
        self.setWindowTitle(title or ("Edit agenda item" if item.id else "Add agenda item"))
        _ok_text(ui.buttonBox, "Save" if item.id else "Add item")
        ui.introLabel.setText(intro)
        ui.introLabel.setVisible(bool(intro))
        ui.presenterCombo.addItem("— no presenter —", None)
        for m in sorted(members, key=lambda m: m.display_name.lower()):
            if m.is_vacant:
                continue
            ui.presenterCombo.addItem(f"{m.display_name} — {m.role_title}", m.id)
        ui.presenterCombo.addItem("A guest (not a member)…", GUEST)
        ui.purposeCombo.addItem("— none —", None)
        for purpose in Purpose:
            ui.purposeCombo.addItem(purpose.label, purpose)
        ui.priorityCombo.addItem("")
        for p in priorities:
            ui.priorityCombo.addItem(p)
        self._show(item)
        ui.presenterCombo.currentIndexChanged.connect(lambda _i: self._presenter_changed())
        self._presenter_changed()
        self.errors = FieldErrors(
            self,
            {"title": ui.titleEdit, "presenter": ui.presenterCombo, "purpose": ui.purposeCombo,
             "minutes": ui.minutesSpin, "priority": ui.priorityCombo, "notes": ui.notesEdit,
             "guest": ui.guestEdit},
            ui.errorLabel,
        )
        ui.titleEdit.setFocus()

    def _show(self, item: AgendaItem) -> None:
        ui = self.ui
        ui.titleEdit.setText(item.title)
        if item.presenter_name:
            ui.presenterCombo.setCurrentIndex(ui.presenterCombo.count() - 1)
            ui.guestEdit.setText(item.presenter_name)
        elif item.presenter_member_id is not None:
            index = ui.presenterCombo.findData(item.presenter_member_id)
            if index < 0:  # a presenter who has since left stays as they were
                ui.presenterCombo.insertItem(1, f"Member {item.presenter_member_id} (no longer current)",
                                             item.presenter_member_id)
                index = 1
            ui.presenterCombo.setCurrentIndex(index)
        else:
            ui.presenterCombo.setCurrentIndex(0)
        ui.purposeCombo.setCurrentIndex(max(0, ui.purposeCombo.findData(item.purpose)))
        ui.minutesSpin.setValue(item.minutes)
        if item.priority and ui.priorityCombo.findText(item.priority) < 0:
            ui.priorityCombo.addItem(item.priority)
        ui.priorityCombo.setCurrentText(item.priority)
        ui.notesEdit.setPlainText(item.notes)

    def conflict_base(self) -> AgendaItem | None:
        return self.item if self.item.id is not None else None

    def show_record(self, record: AgendaItem, *, as_read: AgendaItem) -> None:
        self.item = as_read
        self._show(record)

    def _presenter_changed(self) -> None:
        guest = self.ui.presenterCombo.currentData() == GUEST
        self.ui.guestEdit.setEnabled(guest)
        self.ui.guestLabel.setEnabled(guest)
        if guest:
            self.ui.guestEdit.setFocus()

    def choose_member(self, member_id: int) -> None:
        self.ui.presenterCombo.setCurrentIndex(self.ui.presenterCombo.findData(member_id))

    def choose_guest(self, name: str) -> None:
        self.ui.presenterCombo.setCurrentIndex(self.ui.presenterCombo.count() - 1)
        self.ui.guestEdit.setText(name)

    def record(self) -> AgendaItem:
        ui = self.ui
        chosen = ui.presenterCombo.currentData()
        guest = ui.guestEdit.text().strip() if chosen == GUEST else ""
        if chosen == GUEST and not guest:
            raise ValidationError("guest", "Type the guest's name, or choose a member or no presenter.")
        return dataclasses.replace(
            self.item,
            title=ui.titleEdit.text().strip(),
            presenter_member_id=chosen if isinstance(chosen, int) else None,
            presenter_name=guest,
            purpose=ui.purposeCombo.currentData(),
            minutes=ui.minutesSpin.value(),
            priority=ui.priorityCombo.currentText().strip(),
            notes=ui.notesEdit.toPlainText().strip(),
        )

    def build(self) -> tuple:
        return (self.record(),)


@dataclasses.dataclass(frozen=True)
class PaperRequest:
    title: str
    author_name: str
    author_email: str
    deadline: dt.date
    notes: str
    open_draft: bool


class PaperRequestDialog(RecordDialog):
    """Ask an author for a paper. ``save(PaperRequest)``; the deadline defaults from the settings."""

    error_title = "Paper not requested"

    def __init__(
        self,
        item_label: str,
        authors: Sequence[tuple[str, str]],
        default_deadline: dt.date,
        meeting_date: dt.date,
        *,
        save: Callable[[PaperRequest], object],
        deadline_days: int = 10,
        author: tuple[str, str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_PaperRequestDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.meeting_date = meeting_date
        self._emails = dict(authors)
        _ok_text(ui.buttonBox, "Request paper")
        ui.introLabel.setText(
            f"A paper for <b>{html.escape(item_label)}</b>, at the meeting of {html.escape(long_date(meeting_date))}. "
            f"The deadline defaults to {deadline_days} working days before the meeting (Agenda & papers settings)."
        )
        ui.authorEdit.addItem("")
        for name, _email in authors:
            ui.authorEdit.addItem(name)
        ui.authorEdit.currentTextChanged.connect(self._author_changed)
        if author is not None:
            ui.authorEdit.setCurrentText(author[0])
            ui.emailEdit.setText(author[1])
        ui.deadlineEdit.setDisplayFormat(DATE_FORMAT)
        ui.deadlineEdit.setDate(qdate(default_deadline))
        ui.deadlineEdit.dateChanged.connect(lambda _d: self._deadline_changed())
        self._deadline_changed()
        self.errors = FieldErrors(
            self,
            {"title": ui.titleEdit, "author": ui.authorEdit, "author_email": ui.emailEdit,
             "deadline": ui.deadlineEdit, "notes": ui.notesEdit},
            ui.errorLabel,
        )
        ui.authorEdit.setFocus()

    def _author_changed(self, name: str) -> None:
        email = self._emails.get(name)
        if email is not None:
            self.ui.emailEdit.setText(email)

    def _deadline_changed(self) -> None:
        day = pydate(self.ui.deadlineEdit.date())
        days = (self.meeting_date - day).days
        note = f"a {day:%A}, {days} day{'s' if days != 1 else ''} before the meeting" if days >= 0 \
            else "⚠ after the meeting"
        self.ui.deadlineNoteLabel.setText(note)

    def build(self) -> tuple:
        ui = self.ui
        name = ui.authorEdit.currentText().strip()
        if not name:
            raise ValidationError("author", "Name the paper's author.")
        return (PaperRequest(
            title=ui.titleEdit.text().strip(), author_name=name, author_email=ui.emailEdit.text().strip(),
            deadline=pydate(ui.deadlineEdit.date()), notes=ui.notesEdit.toPlainText().strip(),
            open_draft=ui.openDraftCheck.isChecked(),
        ),)


class SignOffDialog(RecordDialog):
    """Record the senior manager who signed a paper off, and when (ToR 14). ``save(by, on)``."""

    error_title = "Sign-off not recorded"

    def __init__(self, paper_title: str, *, save: Callable[[str, dt.date], object], by: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_SignOffDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        _ok_text(ui.buttonBox, "Record sign-off")
        ui.introLabel.setText(
            f"Who signed off <b>{html.escape(paper_title)}</b>? Papers are signed off by a senior manager before "
            "they are submitted, and before they go to the Executive (ToR 14)."
        )
        ui.byEdit.setText(by)
        ui.dateEdit.setDisplayFormat(DATE_FORMAT)
        ui.dateEdit.setDate(qdate(dt.date.today()))
        ui.dateEdit.setMaximumDate(qdate(dt.date.today()))
        self.errors = FieldErrors(self, {"by": ui.byEdit, "date": ui.dateEdit}, ui.errorLabel)
        ui.byEdit.setFocus()

    def build(self) -> tuple:
        return (self.ui.byEdit.text().strip(), pydate(self.ui.dateEdit.date()))


class AgendaCopyDialog(RecordDialog):
    """Copy a whole agenda (into an empty one) or ticked items from another meeting.

    ``load(meeting_id)`` gives the source meeting's agenda lines; ``save(meeting_id, item_ids)``
    gets None for item_ids when the whole agenda is copied into an empty one.
    """

    error_title = "Nothing copied"

    def __init__(
        self,
        meetings: Sequence[Meeting],
        *,
        load: Callable[[int], Sequence[AgendaLine]],
        save: Callable[[int, list[int] | None], object],
        target_empty: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_AgendaCopyDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._load = load
        self._save = save
        self.target_empty = target_empty
        _ok_text(ui.buttonBox, "Copy")
        ui.introLabel.setText(
            "This meeting's agenda is empty: leave every item ticked to copy the whole agenda, or untick what is "
            "not wanted." if target_empty else
            "The ticked items are added before any other business. Presenters, purposes, times and notes are kept; "
            "papers are not (each meeting asks for its own)."
        )
        for m in meetings:
            ui.meetingCombo.addItem(f"{short_date(m.date)} — {m.title}", m.id)
        ui.meetingCombo.currentIndexChanged.connect(lambda _i: self._fill())
        ui.allButton.clicked.connect(lambda: self._tick_all(True))
        ui.noneButton.clicked.connect(lambda: self._tick_all(False))
        self.errors = FieldErrors(self, {"from": ui.meetingCombo, "items": ui.itemsList}, ui.errorLabel)
        self._fill()

    def choose_meeting(self, meeting_id: int) -> None:
        self.ui.meetingCombo.setCurrentIndex(self.ui.meetingCombo.findData(meeting_id))

    def _fill(self) -> None:
        items = self.ui.itemsList
        items.clear()
        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is None:
            return
        for line in self._load(meeting_id):
            entry = QListWidgetItem(("      " if line.depth else "") + f"{line.number}  {line.item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, line.item.id)
            entry.setData(Qt.ItemDataRole.UserRole + 1, line.depth)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = self.target_empty or (line.depth == 0 and not line.item.is_standing)
            entry.setCheckState(Qt.CheckState.Checked if ticked and line.depth == 0 else Qt.CheckState.Unchecked)
            items.addItem(entry)

    def _tick_all(self, ticked: bool) -> None:
        for row in range(self.ui.itemsList.count()):
            entry = self.ui.itemsList.item(row)
            if entry.data(Qt.ItemDataRole.UserRole + 1) == 0:
                entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def tick(self, item_ids: Sequence[int]) -> None:
        for row in range(self.ui.itemsList.count()):
            entry = self.ui.itemsList.item(row)
            wanted = entry.data(Qt.ItemDataRole.UserRole) in item_ids
            entry.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def ticked_ids(self) -> list[int]:
        out = []
        for row in range(self.ui.itemsList.count()):
            entry = self.ui.itemsList.item(row)
            if entry.checkState() == Qt.CheckState.Checked:
                out.append(entry.data(Qt.ItemDataRole.UserRole))
        return out

    def build(self) -> tuple:
        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is None:
            raise ValidationError("from", "There is no other meeting with an agenda to copy from.")
        ticked = self.ticked_ids()
        if not ticked:
            raise ValidationError("items", "Tick at least one item to copy.")
        every_top = [self.ui.itemsList.item(r).data(Qt.ItemDataRole.UserRole)
                     for r in range(self.ui.itemsList.count())
                     if self.ui.itemsList.item(r).data(Qt.ItemDataRole.UserRole + 1) == 0]
        whole = self.target_empty and set(every_top) <= set(ticked)
        return (meeting_id, None if whole else ticked)


KIND_CHOICES = (
    ("pack", "The agenda and the meeting pack"),
    ("agenda", "The agenda only (ahead of the papers)"),
    ("supplement", "Supplementary papers"),
)


class CirculateDialog(RecordDialog):
    """Show a circulation email before it is written: recipients, subject, message, attachments, warnings.

    ``plan_for(kind, include_deputies, papers_separately)`` returns a
    ``CirculationPlan`` (or raises ValidationError/StoreError/ExportFileError);
    ``save(plan)`` writes, opens and records it. The subject and message may be
    edited; an edit is kept when the options change.
    """

    error_title = "Not circulated"

    def __init__(self, meeting_title: str, *, plan_for: Callable[[str, bool, bool], Any],
                 save: Callable[[Any], object], kind: str = "pack", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CirculateDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._plan_for = plan_for
        self._save = save
        self.plan: Any = None
        self._subject_edited = False
        self._body_edited = False
        self.setWindowTitle(f"Circulate — {meeting_title}")
        _ok_text(ui.buttonBox, "Create email draft")
        ui.introLabel.setText(
            "The program writes an email draft and opens it in your mail program to check and send (ToR 13: the "
            "agenda and papers go to every member). What was circulated, to whom, is recorded here."
        )
        for value, text in KIND_CHOICES:
            ui.kindCombo.addItem(text, value)
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(kind)))
        self.attachments = AttachmentsTableModel(self)
        ui.attachmentsTable.setModel(self.attachments)
        ui.attachmentsTable.verticalHeader().setVisible(False)
        ui.attachmentsTable.setShowGrid(False)
        ui.attachmentsTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ui.attachmentsTable.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        ui.warningsLabel.setStyleSheet("color: #8c1d18;")
        ui.warningsLabel.setTextFormat(Qt.TextFormat.RichText)
        ui.subjectEdit.textEdited.connect(lambda _t: setattr(self, "_subject_edited", True))
        ui.bodyEdit.textChanged.connect(self._body_changed)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self.replan())
        ui.deputiesCheck.toggled.connect(lambda _b: self.replan())
        ui.separatelyCheck.toggled.connect(lambda _b: self.replan())
        self.errors = FieldErrors(self, {"kind": ui.kindCombo, "pack": ui.kindCombo, "supplement": ui.kindCombo,
                                         "subject": ui.subjectEdit, "email": ui.toEdit,
                                         "recipients": ui.toEdit}, ui.errorLabel)
        self._filling = False
        self.replan()

    def _body_changed(self) -> None:
        if not self._filling:
            self._body_edited = True

    def replan(self) -> None:
        ui = self.ui
        kind = ui.kindCombo.currentData()
        ui.separatelyCheck.setEnabled(kind == "pack")
        self.errors.clear()
        try:
            plan = self._plan_for(kind, ui.deputiesCheck.isChecked(),
                                  ui.separatelyCheck.isChecked() and kind == "pack")
        except ValidationError as exc:
            self.plan = None
            self._show(None)
            self.errors.show_error(exc, focus=False)
            return
        except (StoreError, OSError) as exc:
            self.plan = None
            self._show(None)
            problem = getattr(exc, "problem", None) or str(exc)
            self.errors.show("plan", problem, focus=False)
            return
        self.plan = plan
        self._show(plan)

    def _show(self, plan: Any) -> None:
        ui = self.ui
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(plan is not None)
        if plan is None:
            ui.toEdit.setPlainText("")
            self.attachments.set_rows([])
            ui.totalLabel.clear()
            ui.warningsLabel.clear()
            return
        people = [f"{name} <{email}>" for name, email in plan.to]
        cc = [f"{name} <{email}>" for name, email in plan.cc]
        text = f"{len(plan.to)} member{'s' if len(plan.to) != 1 else ''}: " + "; ".join(people)
        if cc:
            text += f"\nCc {len(cc)} deput{'ies' if len(cc) != 1 else 'y'}: " + "; ".join(cc)
        ui.toEdit.setPlainText(text)
        if not self._subject_edited:
            ui.subjectEdit.setText(plan.subject)
        if not self._body_edited:
            self._filling = True
            ui.bodyEdit.setPlainText(plan.body)
            self._filling = False
        self.attachments.set_rows([(a.name, a.size) for a in plan.attachments])
        total = f"{len(plan.attachments)} attachment{'s' if len(plan.attachments) != 1 else ''}, " \
                f"{size_text(plan.total_size)} in all (limit {plan.limit_mb} MB)"
        ui.totalLabel.setText(("⚠ " if plan.over_limit else "") + total)
        ui.totalLabel.setStyleSheet("color: #8c1d18; font-weight: 600;" if plan.over_limit else "")
        ui.warningsLabel.setText("".join(f"<p style='margin:0 0 4px 0'>⚠ {html.escape(w)}</p>"
                                         for w in plan.warnings))
        if plan.over_limit and plan.kind == "pack":
            ui.separatelyCheck.setFocus()

    def build(self) -> tuple:
        if self.plan is None:
            raise ValidationError("kind", "Nothing can be circulated with these choices: see the message above.")
        subject = " ".join(self.ui.subjectEdit.text().split())
        if not subject:
            raise ValidationError("subject", "Give the email a subject.")
        body = self.ui.bodyEdit.toPlainText().rstrip() + "\n"
        return (dataclasses.replace(self.plan, subject=subject, body=body),)


# --- settings --------------------------------------------------------------------------------------

class StandingAgendaModel(QAbstractTableModel):
    """The standing agenda template, editable in place: title, kind, minutes, purpose."""

    COL_TITLE, COL_KIND, COL_MINUTES, COL_PURPOSE = range(4)
    HEADERS = ("Item", "Kind", "Minutes", "Purpose")
    KIND_LABELS: ClassVar[dict[StandingKind, str]] = {
        StandingKind.WELCOME_APOLOGIES: "Welcome and apologies",
        StandingKind.DECLARATIONS: "Declarations of interest",
        StandingKind.PREVIOUS_MINUTES: "Minutes of the last meeting",
        StandingKind.ACTION_LOG: "Action log",
        StandingKind.AOB: "Any other business (closing)",
        StandingKind.NEXT_MEETING: "Date of next meeting (closing)",
        StandingKind.NONE: "Other standing item",
    }

    def __init__(self, rows: Sequence[dict[str, Any]] = (), parent=None):
        super().__init__(parent)
        self._rows = [dict(r) for r in rows]

    def rows(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == self.COL_TITLE:
                return row.get("title", "")
            if col == self.COL_KIND:
                kind = StandingKind(row.get("standing", "none"))
                return kind.value if role == Qt.ItemDataRole.EditRole else self.KIND_LABELS[kind]
            if col == self.COL_MINUTES:
                return int(row.get("minutes", 0) or 0)
            if col == self.COL_PURPOSE:
                purpose = row.get("purpose") or ""
                if role == Qt.ItemDataRole.EditRole:
                    return purpose
                return Purpose(purpose).label if purpose else ""
        return None

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, col = self._rows[index.row()], index.column()
        if col == self.COL_TITLE:
            row["title"] = str(value)
        elif col == self.COL_KIND:
            row["standing"] = str(value)
        elif col == self.COL_MINUTES:
            row["minutes"] = int(value or 0)
        elif col == self.COL_PURPOSE:
            if value:
                row["purpose"] = str(value)
            else:
                row.pop("purpose", None)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def add(self, after: int) -> int:
        row = min(max(after + 1, 0), len(self._rows))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, {"standing": StandingKind.NONE.value, "title": "New standing item", "minutes": 5})
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def move(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        self.beginResetModel()
        self._rows[row], self._rows[target] = self._rows[target], self._rows[row]
        self.endResetModel()
        return target


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor over (value, label) choices."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for value, label in self.choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class _MinutesDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        spin = QSpinBox(parent)
        spin.setRange(0, 480)
        spin.setSingleStep(5)
        return spin


NO_HOUSE_TEMPLATE_TEXT = "None — the program's own style"
HOUSE_TEMPLATE_FILTER = "Word documents and templates (*.docx *.dotx)"
_UNCHANGED = object()


class AgendaSettingsDialog(RecordDialog):
    """The standing agenda, paper deadline, size limit, priorities, email templates and the Word
    agenda's house template.

    ``values`` maps setting names to their current values; ``save(changed)`` gets
    the settings whose values differ (name -> value), to be saved together. A
    house template chosen here is read and checked at once and arrives in
    ``changed`` as a :class:`~mqp_desktop.domain.documents.CheckedDocument`
    (to store with ``store.agendas.set_house_template``); removing it gives
    ``None`` (reset the setting).
    """

    error_title = "Settings not saved"

    def __init__(self, values: dict[str, Any], *, save: Callable[[dict[str, Any]], object],
                 parent: QWidget | None = None, missing_template: str | None = None):
        super().__init__(parent)
        self.ui = Ui_AgendaSettingsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._save = save
        self.values = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
                       for k, v in values.items()}
        _ok_text(ui.buttonBox, "Save")
        # standing agenda
        self.standing = StandingAgendaModel(values.get(cfg.STANDING_AGENDA, []), self)
        table = ui.standingTable
        table.setModel(self.standing)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(table.SelectionBehavior.SelectRows)
        table.setSelectionMode(table.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(StandingAgendaModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(StandingAgendaModel.COL_KIND, 210)
        table.setColumnWidth(StandingAgendaModel.COL_MINUTES, 70)
        table.setColumnWidth(StandingAgendaModel.COL_PURPOSE, 130)
        table.setItemDelegateForColumn(StandingAgendaModel.COL_KIND, _ChoiceDelegate(
            [(k.value, label) for k, label in StandingAgendaModel.KIND_LABELS.items()], table))
        table.setItemDelegateForColumn(StandingAgendaModel.COL_PURPOSE, _ChoiceDelegate(
            [("", "— none —")] + [(p.value, p.label) for p in Purpose], table))
        table.setItemDelegateForColumn(StandingAgendaModel.COL_MINUTES, _MinutesDelegate(table))
        ui.addStandingButton.clicked.connect(self._add_standing)
        ui.removeStandingButton.clicked.connect(lambda: self.standing.remove(table.currentIndex().row()))
        ui.upStandingButton.clicked.connect(lambda: self._move_standing(-1))
        ui.downStandingButton.clicked.connect(lambda: self._move_standing(1))
        ui.resetStandingButton.clicked.connect(
            lambda: self.standing.set_rows(cfg.setting_spec(cfg.STANDING_AGENDA).default()))
        # papers
        ui.deadlineDaysSpin.setValue(int(values.get(cfg.PAPER_DEADLINE_DAYS, 10)))
        ui.sizeLimitSpin.setValue(int(values.get(cfg.PACK_SIZE_LIMIT_MB, 20)))
        ui.prioritiesEdit.setPlainText("\n".join(values.get(cfg.PARTNERSHIP_PRIORITIES, [])))
        # emails: every email template the settings know (paper request and chase, circulation …)
        self.templates = {name: dict(values[name]) for name in cfg.SETTINGS
                          if name.startswith("email_") and name in values}
        for name in self.templates:
            ui.templateCombo.addItem(cfg.SETTINGS[name].description.capitalize(), name)
        self._template = ui.templateCombo.currentData()
        ui.templateCombo.currentIndexChanged.connect(lambda _i: self._template_changed())
        ui.resetTemplateButton.clicked.connect(self._reset_template)
        self._show_template()
        # the Word agenda's house template: only stored when Save is pressed
        self._house_choice: Any = _UNCHANGED
        self._missing_template = missing_template
        ui.chooseTemplateButton.clicked.connect(self._choose_house_template)
        ui.removeTemplateButton.clicked.connect(self._remove_house_template)
        self._show_house_template()
        self.errors = FieldErrors(
            self,
            {cfg.STANDING_AGENDA: table, cfg.PAPER_DEADLINE_DAYS: ui.deadlineDaysSpin,
             cfg.PACK_SIZE_LIMIT_MB: ui.sizeLimitSpin, cfg.PARTNERSHIP_PRIORITIES: ui.prioritiesEdit,
             "subject": ui.subjectEdit, "body": ui.bodyEdit},
            ui.errorLabel,
        )

    def _add_standing(self) -> None:
        row = self.standing.add(self.ui.standingTable.currentIndex().row()
                                if self.ui.standingTable.currentIndex().isValid() else self.standing.rowCount() - 1)
        index = self.standing.index(row, StandingAgendaModel.COL_TITLE)
        self.ui.standingTable.setCurrentIndex(index)
        self.ui.standingTable.edit(index)

    def _move_standing(self, delta: int) -> None:
        row = self.standing.move(self.ui.standingTable.currentIndex().row(), delta)
        self.ui.standingTable.selectRow(row)

    def _placeholders(self, name: str) -> dict[str, str]:
        if name in (cfg.EMAIL_PAPER_REQUEST, cfg.EMAIL_PAPER_CHASE):
            from mqp_desktop.domain.papers import PLACEHOLDERS

            return PLACEHOLDERS
        if name == cfg.EMAIL_CHALLENGE_CHASE:
            return cfg.CHALLENGE_PLACEHOLDERS
        if name == cfg.EMAIL_MINUTES_CIRCULATION:
            return cfg.MINUTES_CIRCULATION_PLACEHOLDERS
        if name == cfg.EMAIL_ACTION_REMINDER:
            return cfg.ACTION_REMINDER_PLACEHOLDERS
        return getattr(cfg, "CIRCULATION_PLACEHOLDERS", {})

    def _store_template(self) -> None:
        if self._template is not None:
            self.templates[self._template] = {"subject": self.ui.subjectEdit.text(),
                                              "body": self.ui.bodyEdit.toPlainText()}

    def _show_template(self) -> None:
        name = self._template
        if name is None:
            return
        self.ui.subjectEdit.setText(self.templates[name]["subject"])
        self.ui.bodyEdit.setPlainText(self.templates[name]["body"])
        words = ", ".join(f"{{{k}}} {v}" for k, v in self._placeholders(name).items())
        self.ui.placeholdersLabel.setText(f"Placeholders filled in when the email is made: {words}.")

    def _template_changed(self) -> None:
        self._store_template()
        self._template = self.ui.templateCombo.currentData()
        self._show_template()

    def _reset_template(self) -> None:
        if self._template is not None:
            self.templates[self._template] = dict(cfg.setting_spec(self._template).default())
            self._show_template()

    # --- settings saved by another copy meanwhile ---------------------------------------------
    # Set by whoever opens the dialog: ``rebase_settings(conflict)`` takes the stored versions as the
    # ones to save over (only the settings changed here are saved); ``reopen_settings()`` opens the
    # dialog again on what is stored now.
    rebase_settings: Callable[[Any], None] | None = None
    reopen_settings: Callable[[], None] | None = None

    def can_resolve(self, conflict: Any) -> bool:
        return self.rebase_settings is not None and self.reopen_settings is not None

    def reload_stored(self, conflict: Any) -> None:
        self.reject()
        self.reopen_settings()

    def apply_on_top(self, conflict: Any) -> None:
        self.rebase_settings(conflict)
        self.accept()

    # --- the house template ------------------------------------------------------------------
    def house_template_choice(self) -> Any:
        """The house template as it will be saved: a CheckedDocument chosen, None, or the current value."""
        if self._house_choice is _UNCHANGED:
            return self.values.get(cfg.HOUSE_TEMPLATE)
        return self._house_choice

    def _show_house_template(self) -> None:
        ui = self.ui
        choice = self.house_template_choice()
        if choice is None:
            text = NO_HOUSE_TEMPLATE_TEXT
        elif isinstance(choice, dict):
            text = choice["file_name"]
            if self._missing_template:
                text += " — its file is missing from this database: choose it again, or Remove"
        else:
            text = f"{choice.file_name} (kept when you press Save)"
        if choice is None and self._house_choice is not _UNCHANGED and self.values.get(cfg.HOUSE_TEMPLATE):
            text += " (when you press Save)"
        ui.houseTemplateName.setText(text)
        ui.removeTemplateButton.setEnabled(choice is not None)

    def _choose_house_template(self) -> None:
        from mqp_desktop.domain.documents import FileRefused
        from mqp_desktop.store.agendas import AgendaRepo

        name, _ = QFileDialog.getOpenFileName(self, "Choose the house template for the Word agenda", "",
                                              HOUSE_TEMPLATE_FILTER)
        if not name:
            return
        self.errors.clear()
        try:
            checked = AgendaRepo.read_house_template(name)
        except FileRefused as exc:
            self.errors.show("file", exc.message, focus=False)
            return
        self._house_choice = checked
        self._show_house_template()

    def _remove_house_template(self) -> None:
        self.errors.clear()
        self._house_choice = None
        self._show_house_template()

    def build(self) -> tuple:
        self._store_template()
        ui = self.ui
        wanted: dict[str, Any] = {
            cfg.STANDING_AGENDA: self.standing.rows(),
            cfg.PAPER_DEADLINE_DAYS: ui.deadlineDaysSpin.value(),
            cfg.PACK_SIZE_LIMIT_MB: ui.sizeLimitSpin.value(),
            cfg.PARTNERSHIP_PRIORITIES: ui.prioritiesEdit.toPlainText(),
            **self.templates,
        }
        changed: dict[str, Any] = {}
        for name, value in wanted.items():
            try:
                clean = cfg.clean_setting(name, value)
            except ValidationError as exc:
                if name.startswith("email_"):
                    ui.templateCombo.setCurrentIndex(ui.templateCombo.findData(name))
                    raise ValidationError("body", f"{cfg.SETTINGS[name].description.capitalize()}: {exc.message}") \
                        from None
                raise ValidationError(name, exc.message) from None
            if clean != self.values.get(name):
                changed[name] = clean
        if self._house_choice is not _UNCHANGED and (
                self._house_choice is not None or self.values.get(cfg.HOUSE_TEMPLATE) is not None):
            changed[cfg.HOUSE_TEMPLATE] = self._house_choice
        return (changed,)


__all__ = [
    "AgendaCopyDialog", "AgendaItemDialog", "AgendaSettingsDialog", "CirculateDialog", "PaperRequest",
    "PaperRequestDialog", "SignOffDialog", "StandingAgendaModel", "show_warning",
]

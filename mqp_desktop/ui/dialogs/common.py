"""What the dialogs share: optional dates, inline field errors, the save loop.

Every dialog follows one contract: on OK it builds a record and calls the
``save`` callable it was given. If ``save`` raises
:class:`~mqp_desktop.domain.validation.ValidationError`, the message is shown
under the offending field (which is focused and outlined in red) and the
dialog stays open; if it raises :class:`~mqp_desktop.store.StoreError`, a
warning names the problem and what to do, and the dialog stays open with
everything typed still there. Only a save that returns closes the dialog.

If ``save`` raises :class:`~mqp_desktop.store.errors.EditConflict` (the record was
saved by another copy of the program, or the command line, since the dialog read
it), the :class:`~mqp_desktop.ui.dialogs.conflict_dialog.ConflictDialog` shows both
versions; a dialog that edits one stored record (``conflict_base`` and
``show_record``) can then reload the stored version or apply its changes on top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.domain.versions import rebase
from mqp_desktop.store.errors import EditConflict, StoreError

# Every dialog's message box goes through this name, so tests can replace it here.
from mqp_desktop.ui.errors import show_warning  # noqa: F401  (re-exported for the dialogs)

ERROR_COLOUR = "#b3261e"
DATE_FORMAT = "dd/MM/yyyy"
NOT_SET_TEXT = "not set"
# Shown (as "not set") while an optional date is unticked; never a real value.
_SENTINEL = QDate(1752, 9, 14)
_EARLIEST_REAL = QDate(1900, 1, 1)


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OptionalDate(QObject):
    """A date that may be "not set": a tick box beside a :class:`QDateEdit`.

    Unticked, the date field is disabled and reads "not set"; ticking it fills
    in the last date shown (or ``default()``, today unless told otherwise) and
    moves the focus to it. Like the Windows date picker's tick box.
    """

    changed = Signal()

    def __init__(
        self,
        check: QCheckBox,
        edit: QDateEdit,
        value: dt.date | None = None,
        *,
        default: Callable[[], dt.date] | None = None,
    ):
        super().__init__(edit)
        self.check = check
        self.edit = edit
        self.default = default or dt.date.today
        self._last: dt.date | None = None
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        self.set_value(value)
        check.toggled.connect(self._on_toggled)
        edit.dateChanged.connect(self._on_date_changed)

    def value(self) -> dt.date | None:
        if not self.check.isChecked():
            return None
        return pydate(self.edit.date())

    def set_value(self, value: dt.date | None) -> None:
        before = self.value()
        self.check.blockSignals(True)
        self.edit.blockSignals(True)
        try:
            self.check.setChecked(value is not None)
            self._show(value)
        finally:
            self.check.blockSignals(False)
            self.edit.blockSignals(False)
        if value is not None:
            self._last = value
        if value != before:
            self.changed.emit()

    def _show(self, value: dt.date | None) -> None:
        if value is None:
            self.edit.setMinimumDate(_SENTINEL)
            self.edit.setSpecialValueText(NOT_SET_TEXT)
            self.edit.setDate(_SENTINEL)
            self.edit.setEnabled(False)
        else:
            self.edit.setSpecialValueText("")
            self.edit.setMinimumDate(_EARLIEST_REAL)
            self.edit.setDate(qdate(value))
            self.edit.setEnabled(True)

    def _on_toggled(self, checked: bool) -> None:
        self.edit.blockSignals(True)
        try:
            self._show((self._last or self.default()) if checked else None)
        finally:
            self.edit.blockSignals(False)
        if checked:
            self._last = self.value()
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _on_date_changed(self, _date: QDate) -> None:
        if self.check.isChecked():
            self._last = self.value()
            self.changed.emit()


def _item_holds(item: QLayoutItem | None, widget: QWidget) -> bool:
    if item is None:
        return False
    if item.widget() is not None:
        return item.widget() is widget or item.widget().isAncestorOf(widget)
    inner = item.layout()
    if inner is not None:
        return any(_item_holds(inner.itemAt(i), widget) for i in range(inner.count()))
    return False


class FieldErrors:
    """Shows one validation message at a time, under the field it is about.

    ``fields`` maps a :class:`ValidationError` field name to its widget. A
    message for an unknown field goes to ``fallback`` (a label above the
    buttons). The message row is removed again as soon as the field is edited
    or the next save is tried.
    """

    def __init__(self, dialog: QDialog, fields: Mapping[str, QWidget], fallback: QLabel):
        self.dialog = dialog
        self.fields = dict(fields)
        self.fallback = fallback
        self.field: str | None = None
        self.message: str = ""
        self._widget: QWidget | None = None
        self._row: tuple[QFormLayout, QLabel] | None = None
        fallback.setStyleSheet(f"color: {ERROR_COLOUR};")
        fallback.setWordWrap(True)
        fallback.hide()
        for widget in set(self.fields.values()):
            self._clear_when_edited(widget)

    # --- showing -----------------------------------------------------------------------------
    def show(self, field: str, message: str, *, focus: bool = True) -> None:
        """Show ``message`` under ``field``'s widget; ``focus=False`` leaves the focus where it is."""
        self.clear()
        self.field, self.message = field, message
        widget = self.fields.get(field)
        if widget is None:
            self.fallback.setText(message)
            self.fallback.show()
            return
        self._reveal(widget)
        self._widget = widget
        widget.setProperty("invalid", True)
        name = widget.objectName() or "invalidField"
        widget.setObjectName(name)
        widget.setStyleSheet(f"#{name} {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}")
        label = QLabel(message)
        label.setObjectName("fieldErrorLabel")
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.setAccessibleName("Error")
        form, row = self._form_row(widget)
        if form is not None:
            form.insertRow(row + 1, "", label)
            label.show()  # a layout would only show it from the event loop
            self._row = (form, label)
        else:
            label.deleteLater()
            self.fallback.setText(message)
            self.fallback.show()
        widget.setToolTip(self._tooltip_with(widget, message))
        if focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def show_error(self, error: ValidationError, *, focus: bool = True) -> None:
        self.show(error.field, error.message, focus=focus)

    def widget_for(self, field: str) -> QWidget | None:
        return self.fields.get(field)

    def clear(self) -> None:
        if self._widget is not None:
            self._widget.setProperty("invalid", False)
            self._widget.setStyleSheet("")
            self._widget.setToolTip(self._widget.property("plainToolTip") or "")
            self._widget = None
        if self._row is not None:
            form, label = self._row
            form.removeRow(label)
            self._row = None
        self.fallback.clear()
        self.fallback.hide()
        self.field, self.message = None, ""

    # --- helpers -----------------------------------------------------------------------------
    def _form_row(self, widget: QWidget) -> tuple[QFormLayout | None, int]:
        for form in self.dialog.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                for role in (QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
                    if _item_holds(form.itemAt(row, role), widget):
                        return form, row
        return None, -1

    @staticmethod
    def _reveal(widget: QWidget) -> None:
        """Bring the tab holding ``widget`` to the front."""
        child, parent = widget, widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
                parent.parentWidget().setCurrentWidget(child)
            child, parent = parent, parent.parentWidget()

    @staticmethod
    def _tooltip_with(widget: QWidget, message: str) -> str:
        if widget.property("plainToolTip") is None:
            widget.setProperty("plainToolTip", widget.toolTip())
        plain = widget.property("plainToolTip")
        return f"{message}\n\n{plain}" if plain else message

    def _clear_when_edited(self, widget: QWidget) -> None:
        def clear_if_mine(*_args: object) -> None:
            if self._widget is widget:
                self.clear()

        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(clear_if_mine)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(clear_if_mine)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(clear_if_mine)
        elif isinstance(widget, QAbstractSpinBox):
            widget.editingFinished.connect(clear_if_mine)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(clear_if_mine)
        elif isinstance(widget, QListWidget):
            widget.itemChanged.connect(clear_if_mine)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(clear_if_mine)


class RecordDialog(QDialog):
    """Base of the dialogs that save on OK.

    A subclass sets ``self.errors`` (a :class:`FieldErrors`) and ``self._save`` (the callable that
    saves, given by whoever opens the dialog), and defines :meth:`build`, returning the arguments for
    ``_save`` (or raising :class:`ValidationError` naming the field). ``saved`` holds what ``_save``
    returned once it succeeded.
    """

    error_title = "Not saved"
    errors: FieldErrors
    _save: Callable[..., object]
    build: Callable[[], tuple]

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.saved: object = None
        self.conflict_dialog: QDialog | None = None

    def ok_button(self, buttons: QDialogButtonBox) -> QAbstractButton:
        return buttons.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        self.errors.clear()
        try:
            args = self.build()
            result = self._save(*args)
        except ValidationError as exc:
            self.errors.show_error(exc)
            return
        except EditConflict as exc:
            self.show_conflict(exc)
            return
        except StoreError as exc:
            show_warning(self, self.error_title, exc.problem, exc.remedy)
            return
        self.saved = result
        super().accept()

    # --- the record was saved elsewhere meanwhile -----------------------------------------------
    def conflict_base(self) -> Any:
        """The record as this dialog read it (None: it does not edit one stored record)."""
        return None

    # A dialog that edits one stored record also defines
    #     show_record(record, *, as_read) -> None
    # filling the form from ``record`` and editing ``as_read`` from then on (its version is the one the
    # next save is checked against); without it a conflict can only be cancelled.

    def can_resolve(self, conflict: EditConflict) -> bool:
        """Whether this dialog can show the stored version, or put its changes on top of it."""
        base = self.conflict_base()
        return (base is not None and conflict.stored is not None and conflict.yours is not None
                and type(conflict.stored) is type(base) and callable(getattr(self, "show_record", None)))

    def reload_stored(self, conflict: EditConflict) -> None:
        self.show_record(conflict.stored, as_read=conflict.stored)

    def apply_on_top(self, conflict: EditConflict) -> None:
        """Save the fields changed here over the stored version (a new save against its version)."""
        merged = rebase(self.conflict_base(), conflict.yours, conflict.stored)
        self.show_record(merged, as_read=conflict.stored)
        self.accept()

    def show_conflict(self, conflict: EditConflict) -> None:
        from mqp_desktop.ui.dialogs.conflict_dialog import APPLY, RELOAD, ConflictDialog

        can = self.can_resolve(conflict)
        dialog = ConflictDialog(conflict, base=self.conflict_base(), can_reload=can, can_apply=can, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict_dialog = dialog

        def chosen(_result: int) -> None:
            if self.conflict_dialog is dialog:
                self.conflict_dialog = None
            if dialog.choice == RELOAD:
                self.reload_stored(conflict)
                if self.isVisible():
                    who = f" (changed by {conflict.changed_by}, {conflict.changed_when})" if conflict.changed_by else ""
                    self.errors.show("", f"This is what is stored now{who}. Your changes were not saved: make "
                                         "them again here if they are still needed.", focus=False)
            elif dialog.choice == APPLY:
                self.apply_on_top(conflict)

        dialog.finished.connect(chosen)
        dialog.open()


class FittedDialog(RecordDialog):
    """Grows to show all its wrapped text: a wrapped label knows its height only once the dialog
    has its width (visible at 150% scaling), and a message under a field needs room too."""

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self._fit)

    def _fit(self) -> None:
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > self.height():
                self.resize(self.width(), needed)

    def accept(self) -> None:
        super().accept()
        if self.isVisible():  # still open: a message was added under a field
            self.adjustSize()
            self._fit()


class ActionFields:
    """What an action dialog for the action log shares (the audits' and the case reviews'): the chosen
    meeting's agenda items in ``ui.itemCombo`` and the owner from ``ui.ownerCombo``, a member or a name typed.
    The class sets ``items_of(meeting_id) -> [(item id, text)]``."""

    items_of: Callable[[int], Sequence[tuple[int, str]]]

    def _fill_items(self) -> None:
        combo = self.ui.itemCombo
        combo.clear()
        combo.addItem("The meeting generally", None)
        meeting_id = self.ui.meetingCombo.currentData()
        if meeting_id is not None:
            for item_id, text in self.items_of(meeting_id):
                combo.addItem(text, item_id)

    def owner(self) -> tuple[int | None, str]:
        """(the member's id, '') when a member is chosen or named exactly; else (None, the name typed)."""
        combo = self.ui.ownerCombo
        text = " ".join(combo.currentText().split())
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if text and index > 0:
            return combo.itemData(index), ""
        return None, text

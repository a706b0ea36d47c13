"""The Scorecard page's dialogs, each from a Designer form in ``forms/``.

* :class:`IndicatorDialog` — add or edit an indicator (``forms/indicator_dialog.ui``): code, title,
  theme, owner agency, source, definition, tags (the cross-cutting ones and the partnership's
  priorities, ticked), unit, direction, target, tolerance (with the bands it makes, in words, as
  they are typed), frequency and whether it is broken down by agency.
* :class:`RetireIndicatorDialog` — the day and the reason (``forms/indicator_retire_dialog.ui``).
* :class:`ValueReasonDialog` — why a value already entered changes (``forms/value_reason_dialog.ui``),
  optionally remembered for the rest of the grid's batch.
* :class:`ThemesDialog` — add, rename and retire themes (``forms/indicator_themes_dialog.ui``).

Same contract as the other dialogs (:class:`~mqp_desktop.ui.dialogs.common.RecordDialog`): OK
builds the record and calls ``save``; a ValidationError is shown under its field and the dialog
stays open; an EditConflict shows both versions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from mqp_desktop.domain.model import Agency
from mqp_desktop.domain.performance import Direction, Indicator, Theme, Unit, check_number
from mqp_desktop.domain.periods import Frequency
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store.errors import StoreError
from mqp_desktop.ui.dialogs.common import DATE_FORMAT, FieldErrors, RecordDialog, pydate, qdate, show_warning
from mqp_desktop.ui.generated.ui_indicator_dialog import Ui_IndicatorDialog
from mqp_desktop.ui.generated.ui_indicator_retire_dialog import Ui_RetireIndicatorDialog
from mqp_desktop.ui.generated.ui_indicator_themes_dialog import Ui_ThemesDialog
from mqp_desktop.ui.generated.ui_value_reason_dialog import Ui_ValueReasonDialog
from mqp_desktop.ui.models import format_date
from mqp_desktop.ui.scorecard_models import band_words

# The order of the combos' items in forms/indicator_dialog.ui.
UNITS = (Unit.NUMBER, Unit.PERCENTAGE, Unit.RATE, Unit.DAYS)
DIRECTIONS = (Direction.HIGHER, Direction.LOWER, Direction.NEITHER)
FREQUENCIES = (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL)
PARTNERSHIP_OWN = "The partnership (no single agency)"


def _number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class IndicatorDialog(RecordDialog):
    """``save(indicator)`` is called on OK with a new :class:`Indicator` (``id`` None) or a copy of
    ``indicator`` with the edits (its id, version and retirement kept). ``has_values``: the
    indicator has values, so its frequency cannot change."""

    error_title = "Indicator not saved"

    def __init__(
        self,
        indicator: Indicator | None,
        *,
        themes: Sequence[Theme],
        agencies: Sequence[Agency],
        tags: Sequence[str],
        save: Callable[[Indicator], Indicator],
        has_values: bool = False,
        default_theme: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_IndicatorDialog()
        self.ui.setupUi(self)
        self.indicator = indicator
        self._save = save
        ui = self.ui
        assert ui.unitCombo.count() == len(UNITS) and ui.directionCombo.count() == len(DIRECTIONS) \
            and ui.frequencyCombo.count() == len(FREQUENCIES), "forms/indicator_dialog.ui changed"
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save")
        for theme in themes:
            ui.themeCombo.addItem(theme.name + (" (retired)" if theme.retired else ""), theme.id)
        ui.ownerCombo.addItem(PARTNERSHIP_OWN, 0)  # not None: see scorecard_page.combo_choice
        for agency in agencies:
            ui.ownerCombo.addItem(agency.label, agency.id)
        known = list(tags) + [t for t in (indicator.tags if indicator else ()) if t not in tags]
        for tag in known:
            item = QListWidgetItem(tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if tag not in tags:
                item.setToolTip("No longer a partnership priority: untick it to drop it")
            ui.tagsList.addItem(item)
        ui.frequencyCombo.setCurrentIndex(FREQUENCIES.index(Frequency.QUARTERLY))
        ui.directionCombo.setCurrentIndex(0)
        self.errors = FieldErrors(
            self,
            {
                "code": ui.codeEdit, "title": ui.titleEdit, "theme_id": ui.themeCombo,
                "owner_agency_id": ui.ownerCombo, "agency_id": ui.ownerCombo, "source": ui.sourceEdit,
                "definition": ui.definitionEdit, "tags": ui.tagsList, "unit": ui.unitCombo,
                "direction": ui.directionCombo, "target": ui.targetEdit, "tolerance": ui.toleranceEdit,
                "frequency": ui.frequencyCombo, "by_agency": ui.byAgencyCheck,
            },
            ui.errorLabel,
        )
        for signal in (ui.targetEdit.textChanged, ui.toleranceEdit.textChanged, ui.unitCombo.currentIndexChanged,
                       ui.directionCombo.currentIndexChanged):
            signal.connect(lambda *_a: self._show_band())
        if indicator is None:
            self.setWindowTitle("Add indicator")
            if default_theme is not None:
                ui.themeCombo.setCurrentIndex(max(ui.themeCombo.findData(default_theme), 0))
        else:
            self.setWindowTitle(f"Edit indicator — {indicator.code}")
            self._show(indicator)
        if has_values:
            ui.frequencyCombo.setEnabled(False)
            ui.frequencyCombo.setToolTip("Values are entered at this frequency, so it cannot change: retire the "
                                         "indicator and add a new one to report it at another.")
        self._show_band()
        ui.codeEdit.setFocus()

    def _show(self, ind: Indicator) -> None:
        ui = self.ui
        ui.codeEdit.setText(ind.code)
        ui.titleEdit.setText(ind.title)
        index = ui.themeCombo.findData(ind.theme_id)
        ui.themeCombo.setCurrentIndex(max(index, 0))
        index = ui.ownerCombo.findData(ind.owner_agency_id or 0)
        ui.ownerCombo.setCurrentIndex(max(index, 0))
        ui.sourceEdit.setText(ind.source)
        ui.definitionEdit.setPlainText(ind.definition)
        ui.unitCombo.setCurrentIndex(UNITS.index(Unit(ind.unit)))
        ui.directionCombo.setCurrentIndex(DIRECTIONS.index(Direction(ind.direction)))
        ui.targetEdit.setText(_number_text(ind.target))
        ui.toleranceEdit.setText(_number_text(ind.tolerance) if ind.tolerance else "")
        ui.frequencyCombo.setCurrentIndex(FREQUENCIES.index(Frequency(ind.frequency)))
        ui.byAgencyCheck.setChecked(ind.by_agency)
        for edit in (ui.titleEdit, ui.sourceEdit):
            edit.setCursorPosition(0)  # a long title reads from its start
        for row in range(ui.tagsList.count()):
            item = ui.tagsList.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.text() in ind.tags else Qt.CheckState.Unchecked)

    def _show_band(self) -> None:
        """The bands the target and tolerance make, in words, as they are typed."""
        try:
            probe = Indicator(code="X", title="X", unit=UNITS[self.ui.unitCombo.currentIndex()],
                              direction=DIRECTIONS[self.ui.directionCombo.currentIndex()],
                              target=check_number(self.ui.targetEdit.text(), "target", "The target"),
                              tolerance=abs(check_number(self.ui.toleranceEdit.text(), "tolerance", "The tolerance")
                                            or 0.0))
            text = band_words(probe)
        except ValidationError:
            text = "Type the target and tolerance as numbers to see the bands."
        self.ui.bandLabel.setText(text)

    def tags(self) -> tuple[str, ...]:
        lst = self.ui.tagsList
        return tuple(lst.item(r).text() for r in range(lst.count())
                     if lst.item(r).checkState() == Qt.CheckState.Checked)

    def record(self) -> Indicator:
        ui = self.ui
        values = {
            "code": ui.codeEdit.text().strip(),
            "title": ui.titleEdit.text().strip(),
            "theme_id": ui.themeCombo.currentData(),
            "owner_agency_id": ui.ownerCombo.currentData() or None,
            "source": ui.sourceEdit.text().strip(),
            "definition": ui.definitionEdit.toPlainText().strip(),
            "unit": UNITS[ui.unitCombo.currentIndex()],
            "direction": DIRECTIONS[ui.directionCombo.currentIndex()],
            "target": ui.targetEdit.text().strip() or None,  # checked (and made a number) by the store
            "tolerance": ui.toleranceEdit.text().strip() or 0.0,
            "frequency": FREQUENCIES[ui.frequencyCombo.currentIndex()],
            "by_agency": ui.byAgencyCheck.isChecked(),
            "tags": self.tags(),
        }
        if self.indicator is None:
            return Indicator(**values)  # type: ignore[arg-type]
        return dataclasses.replace(self.indicator, **values)

    def build(self) -> tuple:
        return (self.record(),)

    def conflict_base(self) -> Indicator | None:
        return self.indicator

    def show_record(self, record: Indicator, *, as_read: Indicator) -> None:
        self.indicator = as_read
        self._show(record)
        self._show_band()


class RetireIndicatorDialog(RecordDialog):
    """``save(day, reason)`` on OK; the reason is required (the store says so if it is empty)."""

    error_title = "Not retired"

    def __init__(self, indicator: Indicator, *, save: Callable[[dt.date, str], object], values: int = 0,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_RetireIndicatorDialog()
        self.ui.setupUi(self)
        self._save = save
        ui = self.ui
        self.setWindowTitle(f"Retire indicator — {indicator.code}")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Retire")
        kept = f"its {values} values, " if values else "its values, "
        ui.explanationLabel.setText(
            f"<b>{html.escape(indicator.label)}</b> leaves the scorecard from the day it is retired. Nothing is "
            f"deleted: {kept}revisions and commentary are kept, and Reinstate brings it back.")
        ui.retiredOnEdit.setDisplayFormat(DATE_FORMAT)
        ui.retiredOnEdit.setDate(qdate(dt.date.today()))
        self.errors = FieldErrors(self, {"retired_on": ui.retiredOnEdit, "retired_reason": ui.reasonEdit,
                                         "reason": ui.reasonEdit}, ui.errorLabel)
        ui.reasonEdit.setFocus()

    def build(self) -> tuple:
        return (pydate(self.ui.retiredOnEdit.date()), self.ui.reasonEdit.text().strip())


class ValueReasonDialog(RecordDialog):
    """``save(reason, remember)`` on OK. ``heading``: the change in words (HTML)."""

    error_title = "Value not changed"

    def __init__(self, heading: str, *, save: Callable[[str, bool], object], parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ValueReasonDialog()
        self.ui.setupUi(self)
        self._save = save
        ui = self.ui
        ui.headingLabel.setText(heading)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("Save the change")
        ui.reasonCombo.setCurrentIndex(0)
        ui.reasonCombo.lineEdit().setPlaceholderText("Why it changes, e.g. revised figures from the agency")
        self.errors = FieldErrors(self, {"reason": ui.reasonCombo}, ui.errorLabel)
        ui.reasonCombo.setFocus()

    def reason(self) -> str:
        return " ".join(self.ui.reasonCombo.currentText().split())

    def build(self) -> tuple:
        if not self.reason():
            raise ValidationError("reason", "Say why the value changes (choose or type a reason): it is kept "
                                            "with the old value.")
        return (self.reason(), self.ui.rememberCheck.isChecked())


@dataclass(frozen=True)
class ThemeCalls:
    """What the themes dialog asks of the store (each call one saved change)."""

    load: Callable[[], list[Theme]]
    add: Callable[[str], Theme]
    rename: Callable[[Theme, str], Theme]
    retire: Callable[[Theme], Theme]


class ThemesDialog(QDialog):
    """Add, rename and retire themes; each button saves at once (kept in the change history)."""

    def __init__(self, calls: ThemeCalls, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ThemesDialog()
        self.ui.setupUi(self)
        self.calls = calls
        self.changed = False
        ui = self.ui
        self.errors = FieldErrors(self, {"name": ui.nameEdit, "theme_id": ui.themesList,
                                         "retired_on": ui.themesList}, ui.errorLabel)
        ui.themesList.currentRowChanged.connect(self._chosen)
        ui.addButton.clicked.connect(self.add)
        ui.renameButton.clicked.connect(self.rename)
        ui.retireButton.clicked.connect(self.retire)
        ui.nameEdit.returnPressed.connect(self.rename_or_add)
        # Enter in the name renames (or adds); no button is "default", so it does not also close or add
        for button in (ui.addButton, ui.renameButton, ui.retireButton, *ui.buttonBox.buttons()):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.themes: list[Theme] = []
        self.reload()
        ui.themesList.setFocus()

    def reload(self, select: int | None = None) -> None:
        self.themes = self.calls.load()
        lst = self.ui.themesList
        lst.blockSignals(True)
        lst.clear()
        for theme in self.themes:
            text = theme.name + (f" (retired {format_date(theme.retired_on)})" if theme.retired else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, theme.id)
            if theme.retired:
                item.setForeground(QBrush(QColor("#808080")))
            lst.addItem(item)
        lst.blockSignals(False)
        row = next((n for n, t in enumerate(self.themes) if t.id == select), 0 if self.themes else -1)
        lst.setCurrentRow(row)
        self._chosen(row)

    def current(self) -> Theme | None:
        row = self.ui.themesList.currentRow()
        return self.themes[row] if 0 <= row < len(self.themes) else None

    def _chosen(self, _row: int) -> None:
        theme = self.current()
        self.ui.nameEdit.setText(theme.name if theme else "")
        self.ui.renameButton.setEnabled(theme is not None and not theme.retired)
        self.ui.retireButton.setEnabled(theme is not None and not theme.retired)

    def _do(self, work: Callable[[], Theme]) -> bool:
        self.errors.clear()
        try:
            theme = work()
        except ValidationError as exc:
            self.errors.show_error(exc)
            return False
        except StoreError as exc:
            show_warning(self, "Theme not saved", exc.problem, exc.remedy)
            return False
        self.changed = True
        self.reload(theme.id)
        return True

    def add(self) -> bool:
        return self._do(lambda: self.calls.add(self.ui.nameEdit.text()))

    def rename(self) -> bool:
        theme = self.current()
        if theme is None:
            return False
        return self._do(lambda: self.calls.rename(theme, self.ui.nameEdit.text()))

    def rename_or_add(self) -> None:
        theme = self.current()
        if theme is not None and not theme.retired:
            self.rename()
        else:
            self.add()

    def retire(self) -> bool:
        theme = self.current()
        if theme is None:
            return False
        return self._do(lambda: self.calls.retire(theme))

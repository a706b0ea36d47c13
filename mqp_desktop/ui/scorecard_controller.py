"""The window's Scorecard area: its actions, its page, its dialogs and every save it makes.

Kept apart from ``main_window.py`` (like the Section 11 controller): the window adds the page,
a Performance menu and a refresh call. Dialogs open with ``window.show_dialog()`` (no nested
event loop) and call ``save`` callables defined here, which write through
:class:`~mqp_desktop.store.performance.PerformanceRepo` (each one transaction, recorded in the
change history).

**Values.** A number typed into the values grid is saved at once (:meth:`write_value`). A value
already entered changes only with a reason: the reason dialog asks once, or the reason the
officer chose to remember is used for the rest of the batch (until they leave the grid or choose
other rows). Each entry goes on the window's undo stack; Ctrl+Z puts the value back as it was
(a value that was not there is withdrawn: values are never deleted), itself a revision with the
reason "Undone (Ctrl+Z)", and refused when someone changed the value since.

**Commentary** is saved with the version it was read at; one saved elsewhere meanwhile opens the
conflict dialog (reload what is stored, or save this text over it).

**Indicators.** Add, edit, retire and reinstate; edits, retirements and reinstatements are
undoable (an indicator is never deleted, so adding one is not: retire it instead). Themes are
added, renamed and retired in their own dialog, kept in the history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QAction

from mqp_desktop.domain.performance import Comparators, Indicator, Theme
from mqp_desktop.domain.periods import Period
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.store.errors import EditConflict
from mqp_desktop.store.performance import INDICATOR_LABELS, PerformanceRepo
from mqp_desktop.ui import errors
from mqp_desktop.ui.lazy_pages import lazy_page, page_made
from mqp_desktop.ui.models import icon
from mqp_desktop.ui.pages.scorecard_page import TAB_SCORECARD, TAB_VALUES, ScorecardPage
from mqp_desktop.ui.pages.scorecard_values import THEME
from mqp_desktop.ui.scorecard_models import COMPARATOR, COMPARATOR_NAMES, GridCell

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

UNDO_REASON = "Undone (Ctrl+Z): the entry was a mistake"
EXPORT_FILTERS = {"Excel workbook (*.xlsx)": ".xlsx", "PDF document (*.pdf)": ".pdf"}
REDO_REASON = "Redone (Ctrl+Shift+Z)"
INDICATOR_FIELDS = tuple(f.name for f in dataclasses.fields(Indicator) if f.name not in ("id", "row_version"))


class ScorecardController(QObject):
    """Actions, page and dialogs of the Scorecard area of ``window``."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.on_page = False
        self.batch_reason = ""
        self.conflict_dialog = None
        self.last_export: Path | None = None
        a = window._action
        self.values_action = a("Enter &values", self.enter_values, "Ctrl+Shift+D",
                               "Enter or correct values in a grid, a theme or an indicator at a time")
        self.previous_action = a("&Previous period", lambda: self._step(-1), "Alt+Left",
                                 "Show the scorecard for the period before")
        self.next_action = a("&Next period", lambda: self._step(1), "Alt+Right",
                             "Show the scorecard for the period after")
        self.exceptions_action = a("E&xceptions only", self._toggle_exceptions, "Ctrl+Shift+X",
                                   "Only the indicators that are red, or worse three periods running")
        self.exceptions_action.setCheckable(True)
        self.commentary_action = a("Write &commentary", self.write_commentary, "Ctrl+Shift+C",
                                   "Write what lies behind the chosen indicator's figure for the period")
        self.add_action = a("&Add indicator…", self.add_indicator, "Ctrl+N",
                            "Add an indicator to the partnership's dataset")
        self.edit_action = a("&Edit indicator…", self.edit_indicator, "Ctrl+E",
                             "Edit the chosen indicator: definition, target, tolerance, tags… (or press Enter)")
        self.retire_action = a("&Retire indicator…", self.retire_indicator, "Ctrl+Shift+E",
                               "Take the chosen indicator off the scorecard, keeping its history")
        self.reinstate_action = a("Re&instate indicator", self.reinstate_indicator, "Ctrl+Shift+R",
                                  "Bring a retired indicator back (tick 'Show retired' to find it)")
        self.themes_action = a("&Themes…", self.edit_themes, "Ctrl+Shift+T",
                               "Add, rename or retire the themes the dataset is reported under")
        self.export_action = a("Export sc&orecard…", self.export_scorecard, None,
                               "Save the scorecard shown (its period and filters) as an Excel workbook or a PDF")
        self.export_action.setIcon(icon("export"))
        self.export_action.setIconText("Export…")
        self.detail_action = a("Show indicator &detail", self._toggle_detail, None,
                               "Show the chosen indicator's chart, commentary and revisions under the scorecard "
                               "(untick to give the table the whole page)")
        self.detail_action.setCheckable(True)
        self.detail_action.setChecked(True)
        for action, name in ((self.add_action, "add"), (self.edit_action, "edit"), (self.retire_action, "end"),
                             (self.reinstate_action, "reinstate")):
            action.setIcon(icon(name))
        self.add_action.setIconText("Add indicator")
        self.edit_action.setIconText("Edit")
        self.retire_action.setIconText("Retire")
        self.reinstate_action.setIconText("Reinstate")
        self.actions: list[QAction] = [
            self.values_action, self.previous_action, self.next_action, self.exceptions_action,
            self.commentary_action, self.detail_action, self.export_action, self.add_action, self.edit_action, self.retire_action, self.reinstate_action,
            self.themes_action,
        ]

    @lazy_page
    def page(self) -> ScorecardPage:
        """The scorecard, its values grid and indicators, made when first shown."""
        page = ScorecardPage()
        page.set_actions([self.add_action, self.edit_action, self.retire_action, self.reinstate_action,
                          self.export_action])
        page.selection_changed.connect(lambda: self.update_actions(self.on_page))
        page.shown_changed.connect(lambda: self.update_actions(self.on_page))
        page.edit_requested.connect(self.edit_indicator)
        page.exceptions_check.toggled.connect(self.exceptions_action.setChecked)
        page.detail.saver = self.save_commentary
        page.values.model.writer = self.write_value
        page.values.grid.withdraw_requested.connect(self.withdraw_value)
        page.values.forget_reason_requested.connect(lambda: self.remember_reason(""))
        page.values.subject_changed.connect(lambda: self.remember_reason(""))
        page.tabs.currentChanged.connect(lambda index: self.remember_reason("") if index != TAB_VALUES else None)
        return page

    # --- helpers ----------------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    @property
    def repo(self) -> PerformanceRepo:
        return self.store.performance

    def refresh(self, today: dt.date | None = None) -> None:
        if page_made(self):  # filled when it is made
            self.page.set_store(self.store, today)

    def update_actions(self, on_page: bool) -> None:
        self.on_page = on_page
        row = self.page.current_row() if on_page else None
        on_card = on_page and self.page.tabs.currentIndex() == TAB_SCORECARD
        self.values_action.setEnabled(on_page)  # Ctrl+Shift+D is the Challenges page's too: one page's at a time
        self.previous_action.setEnabled(on_page)
        self.next_action.setEnabled(on_page)
        self.exceptions_action.setEnabled(on_page)
        self.detail_action.setEnabled(on_page)
        self.export_action.setEnabled(self.store is not None)
        self.commentary_action.setEnabled(on_card and row is not None)
        self.add_action.setEnabled(on_page)
        self.edit_action.setEnabled(on_card and row is not None)
        self.retire_action.setEnabled(on_card and row is not None and not row.indicator.retired)
        self.reinstate_action.setEnabled(on_card and row is not None and row.indicator.retired)
        self.themes_action.setEnabled(self.store is not None)

    def show_page(self) -> None:
        self.window.show_page(self.window.PAGE_SCORECARD)
        self.page.ensure_current()

    def _message(self, text: str, timeout: int = 8000) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def _after_change(self, message: str, indicator_id: int | None = None) -> None:
        self.window.refresh()
        self.page.ensure_current()
        if indicator_id is not None:
            self.page.select_indicator(indicator_id)
        self._message(message)

    def _step(self, delta: int) -> None:
        self.page.ensure_current()
        self.page.step_period(delta)

    def _toggle_detail(self) -> None:
        self.show_page()
        self.page.tabs.setCurrentIndex(TAB_SCORECARD)
        self.page.show_detail_pane(self.detail_action.isChecked())

    def _toggle_exceptions(self) -> None:
        self.show_page()
        self.page.tabs.setCurrentIndex(TAB_SCORECARD)
        self.page.set_exceptions_only(self.exceptions_action.isChecked())

    # --- the values grid ----------------------------------------------------------------------------
    def enter_values(self) -> None:
        """The values grid, at the chosen indicator's theme (the cursor on its row) when one is chosen."""
        self.show_page()
        row = self.page.current_row()
        values = self.page.values
        self.page.tabs.setCurrentIndex(TAB_VALUES)
        if row is not None:
            if values.choose(THEME, row.indicator.theme_id):  # type: ignore[arg-type]
                values.set_frequency(row.indicator.frequency)
            values.go_to(row.indicator.id, row.period)
        values.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    def remember_reason(self, reason: str) -> None:
        self.batch_reason = reason
        self.page.values.show_reason(reason)

    def withdraw_value(self, index: QModelIndex) -> None:
        model = self.page.values.model
        if model.flags(index) & Qt.ItemFlag.ItemIsEditable and model.state(index).value is not None:
            self.write_value(model.cell(index), None)  # type: ignore[arg-type]

    def write_value(self, cell: GridCell, value: float | None) -> bool:
        """Save a value typed into the grid: at once, or after asking for the reason (False then)."""
        if self.store is None:
            return False
        model = self.page.values.model
        index = model.index_of(cell)
        state = model.state(index)
        if state.value == value:
            return True  # nothing changes
        if cell.row.kind == COMPARATOR:
            return self._write_comparator(cell, value)
        if state.version and state.value != value:
            if self.batch_reason:
                return self._write(cell, value, self.batch_reason, state.version, state.value)
            self._ask_reason(cell, value, state.value, state.version)
            return False
        return self._write(cell, value, "", state.version, state.value)

    def _ask_reason(self, cell: GridCell, value: float | None, old: float | None, version: int) -> None:
        from mqp_desktop.ui.dialogs.scorecard_dialogs import ValueReasonDialog

        ind = cell.row.indicator
        was = ind.format(old) if old is not None else "withdrawn"
        now = ind.format(value) if value is not None else "withdrawn (no value)"
        what = f"{ind.code} {ind.title}" + (f" ({cell.row.label})" if cell.row.agency_id is not None else "")
        heading = (f"<b>{html.escape(what)}</b> for {html.escape(cell.period.label())} is already "
                   f"<b>{html.escape(was)}</b>. You entered <b>{html.escape(now)}</b>.")

        def save(reason: str, remember: bool) -> bool:
            self._write(cell, value, reason, version, old, raise_errors=True)
            if remember:
                self.remember_reason(reason)
            return True

        self.window.show_dialog(ValueReasonDialog(heading, save=save, parent=self.window))

    def _write(self, cell: GridCell, value: float | None, reason: str, version: int, old: float | None,
               *, raise_errors: bool = False) -> bool:
        """Write one value (the version as read); push its undo; show it. False when refused."""
        repo, row = self.repo, cell.row
        ind = row.indicator
        try:
            stored = repo.set_value(ind.id, cell.period, value, agency_id=row.agency_id, reason=reason,
                                    version=version)
        except EditConflict as exc:
            if raise_errors:  # asked from the reason dialog: said there, which stays open
                self.page.values.reload()
                raise ValidationError("reason", f"Not saved: {exc.problem} The grid now shows what is stored: "
                                                "cancel, and enter the value again if it is still needed.") from exc
            self._value_conflict(cell, exc)
            return False
        except (StoreError, ValidationError) as exc:
            if raise_errors:
                raise
            self._refused(exc)
            return False
        model = self.page.values.model
        model.update_value(cell, stored)
        self.page._stale = True  # the scorecard reads it again when next shown
        after = stored.row_version if stored else 0
        self._push_value_undo(cell, old, value, after)
        shown = ind.format(value) if value is not None else "withdrawn"
        verb = "Withdrawn" if value is None else ("Changed" if version else "Entered")
        because = f" (reason: {reason})" if reason else ""
        self._message(f"{verb}: {cell.words} = {shown}{because}. Ctrl+Z undoes it.", 6000)
        self.page.values.clear_message()
        return True

    def _push_value_undo(self, cell: GridCell, old: float | None, new: float | None, version: int) -> None:
        row = cell.row
        left = {"version": version}

        def put(value: float | None, reason: str) -> None:
            repo = PerformanceRepo(self.window.store)  # the store shown when the undo runs
            stored = repo.set_value(row.indicator.id, cell.period, value, agency_id=row.agency_id, reason=reason,
                                    version=left["version"])
            left["version"] = stored.row_version if stored else 0
            self.page.values.model.update_value(cell, stored)

        self.window._push(f"entry of {cell.words}", lambda: put(old, UNDO_REASON), lambda: put(new, REDO_REASON))

    def _write_comparator(self, cell: GridCell, value: float | None) -> bool:
        repo, ind, name = self.repo, cell.row.indicator, cell.row.comparator
        model = self.page.values.model
        before = model.comparators_at(ind.id, cell.period)
        base = before or Comparators(ind.id, cell.period)
        try:
            stored = repo.set_comparators(dataclasses.replace(base, **{name: value}))
        except EditConflict as exc:
            self._value_conflict(cell, exc)
            return False
        except (StoreError, ValidationError) as exc:
            self._refused(exc)
            return False
        model.update_comparators(ind.id, cell.period, stored)
        self.page._stale = True
        old = getattr(before, name) if before else None
        left = {"comparators": stored}

        def put(number: float | None) -> None:
            repo = PerformanceRepo(self.window.store)
            now = left["comparators"]
            saved = repo.set_comparators(dataclasses.replace(now, **{name: number}))
            left["comparators"] = saved
            self.page.values.model.update_comparators(ind.id, cell.period, saved)

        self.window._push(f"entry of {cell.words}", lambda: put(old), lambda: put(value))
        shown = ind.format(value) if value is not None else "not known"
        self._message(f"{COMPARATOR_NAMES[name]} for {ind.code} {cell.period.short_label()}: {shown}. "
                      "Ctrl+Z undoes it.", 6000)
        self.page.values.clear_message()
        return True

    def _refused(self, exc: StoreError | ValidationError) -> None:
        text = exc.message if isinstance(exc, ValidationError) else errors.problem_and_remedy(exc)[0]
        if isinstance(exc, StoreError) and not isinstance(exc, EditConflict) and exc.remedy:
            errors.show_store_error(self.window, exc, "Value not saved")
        self.page.values.show_message(f"Not saved: {text}")

    def _value_conflict(self, cell: GridCell, conflict: EditConflict) -> None:
        """The value was saved elsewhere since the grid read it: show both; the grid shows what is stored."""
        from mqp_desktop.ui.dialogs.conflict_dialog import ConflictDialog

        self.page.values.reload()
        dialog = ConflictDialog(conflict, can_reload=False, can_apply=False, changed_here={"value"},
                                changed_there={"value"}, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "conflict_dialog", None))
        dialog.open()
        self.page.values.show_message(f"Not saved: {cell.words} was changed elsewhere; the grid now shows what is "
                                      "stored.")

    # --- commentary ---------------------------------------------------------------------------------
    def write_commentary(self) -> None:
        self.show_page()
        self.page.tabs.setCurrentIndex(TAB_SCORECARD)
        detail = self.page.detail
        detail.tabs.setCurrentIndex(0)
        detail.commentary_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def save_commentary(self, indicator_id: int, period: Period, text: str, version: int) -> bool:
        """Save the commentary typed in the detail pane (``version`` as read; 0: there was none)."""
        try:
            saved = self.repo.set_commentary(indicator_id, period, text, version=version)
        except EditConflict as exc:
            self._commentary_conflict(indicator_id, period, text, exc)
            return False
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self.window, exc, "Commentary not saved")
            return False
        self.page.detail.show_saved(saved)
        self.page.refresh_indicator(indicator_id)
        code = self.repo.indicator(indicator_id).code
        self._message(f"Commentary on {code} for {period.short_label()} saved.")
        return True

    def _commentary_conflict(self, indicator_id: int, period: Period, text: str, conflict: EditConflict) -> None:
        from mqp_desktop.ui.dialogs.conflict_dialog import APPLY, RELOAD, ConflictDialog

        dialog = ConflictDialog(conflict, can_reload=True, can_apply=True, changed_here={"text"},
                                changed_there={"text"}, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict_dialog = dialog
        detail = self.page.detail

        def chosen(_result: int) -> None:
            self.conflict_dialog = None
            stored = self.repo.commentary(indicator_id, period)
            if detail.commentary_key != (indicator_id, period):
                return
            if dialog.choice == RELOAD:
                detail.show_stored(stored)
                self._message("Showing the commentary as stored now; your text was not saved (it was shown to copy "
                              "from).", 10000)
            elif dialog.choice == APPLY:
                self.save_commentary(indicator_id, period, text, stored.row_version if stored else 0)

        dialog.finished.connect(chosen)
        dialog.open()

    # --- indicators ---------------------------------------------------------------------------------
    def _dialog_choices(self, keep_agency: int | None = None, keep_theme: int | None = None):
        today = dt.date.today()
        agencies = [a for a in self.store.agencies() if a.is_active(today) or a.id == keep_agency]
        themes = [t for t in self.repo.themes(include_retired=True) if not t.retired or t.id == keep_theme]
        return themes, agencies, self.repo.allowed_tags()

    def add_indicator(self) -> None:
        from mqp_desktop.ui.dialogs.scorecard_dialogs import IndicatorDialog

        if self.store is None:
            return
        themes, agencies, tags = self._dialog_choices()
        chosen = self.page.current_row()

        def save(indicator: Indicator) -> Indicator:
            saved = self.repo.add_indicator(indicator)
            # not undoable: an indicator is never deleted (retire it instead)
            self._after_change(f"Added {saved.label}. Enter its values on the Enter values tab (Ctrl+Shift+D).",
                               saved.id)
            return saved

        self.window.show_dialog(IndicatorDialog(
            None, themes=themes, agencies=agencies, tags=tags, save=save,
            default_theme=chosen.indicator.theme_id if chosen else None, parent=self.window))

    def edit_indicator(self) -> None:
        from mqp_desktop.ui.dialogs.scorecard_dialogs import IndicatorDialog

        row = self.page.current_row()
        if row is None or self.store is None:
            return
        indicator_id = row.indicator.id
        fresh = self.repo.indicator(indicator_id)
        themes, agencies, tags = self._dialog_choices(fresh.owner_agency_id, fresh.theme_id)
        has_values = bool(self.repo.values(indicator_id, all_agencies=True))

        def save(changed: Indicator) -> Indicator:
            before = self.repo.indicator(indicator_id)
            saved = self.repo.update_indicator(changed)
            after = self.repo.indicator(indicator_id)
            self._push_indicator_change(f"edit of {after.code}", before, after, "reverted", "edited")
            self._after_change(f"Saved {after.label} (Ctrl+Z undoes it)", indicator_id)
            return saved

        self.window.show_dialog(IndicatorDialog(fresh, themes=themes, agencies=agencies, tags=tags, save=save,
                                                has_values=has_values, parent=self.window))

    def _restore_indicator(self, indicator_id: int, source: Indicator, expect: Indicator, fields: list[str],
                           action: str) -> None:
        repo = PerformanceRepo(self.window.store)
        self.window.store.restore_fields(
            lambda i: f"the indicator {i.label}", entity="indicator", read=lambda: repo.indicator(indicator_id),
            save=lambda i: repo.update_indicator(i, action=action), source=source, expect=expect, fields=fields,
            labels=INDICATOR_LABELS,
        )

    def _push_indicator_change(self, text: str, before: Indicator, after: Indicator, undo_as: str,
                               redo_as: str) -> None:
        fields = [f for f in INDICATOR_FIELDS if getattr(before, f) != getattr(after, f)]
        if not fields or before.id is None:
            return
        indicator_id = before.id
        self.window._push(
            text,
            lambda: self._restore_indicator(indicator_id, before, after, fields, undo_as),
            lambda: self._restore_indicator(indicator_id, after, before, fields, redo_as),
        )

    def retire_indicator(self) -> None:
        from mqp_desktop.ui.dialogs.scorecard_dialogs import RetireIndicatorDialog

        row = self.page.current_row()
        if row is None or self.store is None or row.indicator.retired:
            return
        seen = self.repo.indicator(row.indicator.id)
        indicator_id = seen.id
        count = sum(1 for v in self.repo.values(indicator_id, all_agencies=True) if v.value is not None)

        def save(day: dt.date, reason: str) -> Indicator:
            before = self.repo.indicator(indicator_id)
            saved = self.repo.retire_indicator(indicator_id, reason, day, seen=seen)
            after = self.repo.indicator(indicator_id)
            self._push_indicator_change(f"retirement of {after.code}", before, after, "reinstated", "retired")
            self._after_change(f"Retired {after.label}: its history is kept; tick 'Show retired' to see it "
                               "(Ctrl+Z undoes it)")
            return saved

        self.window.show_dialog(RetireIndicatorDialog(seen, save=save, values=count, parent=self.window))

    def reinstate_indicator(self) -> None:
        row = self.page.current_row()
        if row is None or self.store is None or not row.indicator.retired:
            return
        indicator_id = row.indicator.id
        seen = self.repo.indicator(indicator_id)

        def change() -> None:
            before = self.repo.indicator(indicator_id)
            self.repo.reinstate_indicator(indicator_id, seen=seen)
            after = self.repo.indicator(indicator_id)
            self._push_indicator_change(f"reinstatement of {after.code}", before, after, "retired", "reinstated")

        if self.window._run(change, "Reinstate indicator"):
            self.page.ensure_current()
            self.page.select_indicator(indicator_id)
            self._message(f"Reinstated {seen.label} (Ctrl+Z undoes it)")

    # --- themes -------------------------------------------------------------------------------------
    def edit_themes(self) -> None:
        from mqp_desktop.ui.dialogs.scorecard_dialogs import ThemeCalls, ThemesDialog

        if self.store is None:
            return

        def done(theme: Theme, words: str) -> Theme:
            self.window.refresh()
            self._message(f"Theme {words}: {theme.name}")
            return theme

        calls = ThemeCalls(
            load=lambda: self.repo.themes(include_retired=True),
            add=lambda name: done(self.repo.add_theme(Theme(name=name)), "added"),
            rename=lambda theme, name: done(self.repo.update_theme(dataclasses.replace(theme, name=name)), "renamed"),
            retire=lambda theme: done(self.repo.retire_theme(theme.id, seen=theme), "retired"),  # type: ignore[arg-type]
        )
        self.window.show_dialog(ThemesDialog(calls, parent=self.window))

    # --- export -------------------------------------------------------------------------------------
    def choose_export_file(self, period: Period) -> Path | None:
        """Where the scorecard goes (tests replace this): the type by the file's ending."""
        from PySide6.QtWidgets import QFileDialog

        from mqp_desktop.exporters.files import safe_file_name

        stem = safe_file_name(f"Scorecard {period.short_label()}", fallback="scorecard", max_length=60)
        name, chosen = QFileDialog.getSaveFileName(self.window, "Export scorecard", str(Path.home() / f"{stem}.xlsx"),
                                                   ";;".join(EXPORT_FILTERS))
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in EXPORT_FILTERS.values():
            path = path.with_name(path.name + EXPORT_FILTERS.get(chosen, ".xlsx"))
        return path

    def export_scorecard(self) -> None:
        """The scorecard as shown (period, filters and search words) to an Excel workbook or a PDF."""
        self.show_page()
        page = self.page
        if self.store is None or page.period is None:
            return
        path = self.choose_export_file(page.period)
        if path is None:
            return
        from PySide6.QtWidgets import QApplication

        rows, filters = page.shown_rows(), page.filters_words()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from mqp_desktop.exporters.performance_report import export_scorecard

            written = Path(export_scorecard(self.store, page.period, path, rows=rows, filters=filters))
        except (StoreError, ValidationError, ValueError, OSError) as exc:
            QApplication.restoreOverrideCursor()
            if isinstance(exc, ValueError) and not isinstance(exc, ValidationError):
                exc = StoreError(str(exc), "Choose a name ending .xlsx or .pdf.")
            elif isinstance(exc, OSError) and not getattr(exc, "problem", None):
                exc = StoreError(f"'{path}' could not be written: {exc.strerror or exc}.",
                                 "If the file is open in Excel or a PDF reader, close it; or choose another folder.")
            errors.show_store_error(self.window, exc, "Export scorecard")
            return
        QApplication.restoreOverrideCursor()
        self.last_export = written
        what = f" ({filters})" if filters else ""
        self._message(f"Scorecard for {page.period.short_label()}{what}: {len(rows)} indicators saved to {written}",
                      10000)

    # --- leaving ------------------------------------------------------------------------------------
    def save_pending(self) -> bool:
        """Before the window closes or another database opens: save the commentary being typed."""
        return self.page.detail.save_commentary() if page_made(self) else True

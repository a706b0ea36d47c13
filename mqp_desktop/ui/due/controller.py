"""The "Due and overdue" page's controller: its items, opening a record on its own page, reminder drafts to
action owners, and the banner shown on opening a database with something overdue.

Opening a record goes to the page that keeps it and selects it there (an action on the Actions page, a
paper on its meeting's agenda, a challenge on the challenge log, an inspection's plan item on Audits &
inspections, a Section 11 return on the dashboard, a transfer on Partnership, a letter or document on
Governance), the way the minutes open a challenge.

The banner is shown once per database per session, when something is overdue and the "show on opening"
setting is on (the banner's own button turns it off; the page's "Show on opening" box turns it back on).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QFileDialog

from mqp_desktop.domain.due import DueItem
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.due.page import DueBanner, DuePage
from mqp_desktop.ui.lazy_pages import lazy_page, page_made
from mqp_desktop.ui.models import icon

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow


class DueController:
    def __init__(self, window: MainWindow):
        self.window = window
        self.banner = DueBanner()
        self._shown_for: set[str] = set()
        a = window._action
        self.open_action = a("&Open the record", self.open_current, None,
                             "Open the chosen thing on its own page (or press Enter, or double-click)")
        self.open_action.setIcon(icon("edit"))
        self.open_action.setIconText("Open")
        self.remind_action = a("&Remind owners…", self.remind, "Ctrl+Alt+E",
                               "Write one reminder email draft per owner of the chosen actions, into a folder you "
                               "choose")
        self.remind_action.setIconText("Remind owners…")
        self.actions: list[QAction] = [self.open_action, self.remind_action]
        self.on_opening_box = QCheckBox("Show on opening")
        self.on_opening_box.setObjectName("dueOnOpening")
        self.on_opening_box.setToolTip("When a database is opened with something overdue, say so in a line above "
                                       "the pages (once per session)")
        self.on_opening_box.setChecked(window.settings.due_on_opening)
        self.on_opening_box.toggled.connect(self._set_on_opening)
        self.banner.show_requested.connect(self.show_overdue)
        self.banner.turned_off.connect(lambda: self.on_opening_box.setChecked(False))

    @lazy_page
    def page(self) -> DuePage:
        """The list of everything due and overdue, made when first shown."""
        page = DuePage()
        page.set_actions(self.actions)
        page.foot_bar.addWidget(self.on_opening_box)
        page.open_requested.connect(self.open_current)
        page.selection_changed.connect(lambda: self.update_actions(self.on_page))
        return page

    @property
    def store(self):
        return self.window.store

    @property
    def on_page(self) -> bool:
        return page_made(self) and self.window.pages.currentWidget() is self.page

    def _set_on_opening(self, on: bool) -> None:
        self.window.settings.due_on_opening = on
        if not on:
            self.banner.hide()

    # --- showing ---------------------------------------------------------------------------
    def refresh(self, today: dt.date | None = None) -> None:
        if self.store is None:
            return
        today = today or dt.date.today()
        try:
            items = self.store.due.items(today)
        except StoreError as exc:
            errors.show_store_error(self.window, exc, "Due and overdue")
            return
        if page_made(self):  # else filled when it is made; the list's count is said either way
            self.page.set_items(items, today)
        overdue = sum(1 for i in items if i.is_overdue(today))
        nav = self.window.nav.item(self.window.PAGE_DUE) if hasattr(self.window, "PAGE_DUE") else None
        if nav is not None:
            nav.setText(f"{DuePage.title} · {overdue} overdue" if overdue else DuePage.title)  # what it counts
            nav.setToolTip(f"{overdue} overdue" if overdue else "Nothing overdue")

    def database_opened(self, store, today: dt.date | None = None) -> None:
        """Say what is overdue above the pages, once per database per session (when the setting is on)."""
        self.banner.hide()
        if not self.window.settings.due_on_opening:
            return
        key = str(store.path.resolve()) if store.path is not None else f"memory:{id(store)}"
        if key in self._shown_for:
            return
        today = today or dt.date.today()
        try:
            overdue = store.due.overdue(today)
        except StoreError:
            return  # the page says it, if it cannot be read
        self._shown_for.add(key)
        if overdue:
            self.banner.show_for(overdue, today)

    def show_page(self) -> None:
        self.window.show_page(self.window.PAGE_DUE)
        self.page.table.setFocus()

    def show_overdue(self) -> None:
        self.page.show_only("overdue")
        self.show_page()

    def update_actions(self, on_page: bool) -> None:
        chosen = self.page.selected_items() if on_page else []
        self.open_action.setEnabled(on_page and len(chosen) >= 1)
        self.remind_action.setEnabled(on_page and any(i.remindable for i in chosen))

    # --- opening a record ---------------------------------------------------------------------
    def open_current(self) -> None:
        item = self.page.current_item() if self.on_page else None
        if item is not None:
            self.open_item(item)

    def open_item(self, item: DueItem) -> bool:
        """Go to the page that keeps ``item``'s record and select it there; False when it cannot be shown."""
        w = self.window
        try:
            shown = self._open(item)
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(w, exc, "Open")
            return False
        if shown:
            w.statusBar().showMessage(f"{item.kind_label} {item.reference}: {item.when_text(dt.date.today())}", 8000)
        else:
            w.statusBar().showMessage(f"{item.kind_label} {item.reference} is not shown on its page any more: "
                                      "press F5 to read the database again.", 8000)
        return shown

    def _open(self, item: DueItem) -> bool:
        w, store = self.window, self.store
        table, record_id = item.table, item.record_id
        if table == "action":
            w.show_page(w.PAGE_ACTIONS)
            return w.actions_page.select_action(record_id)
        if table == "paper":
            paper = store.agendas.paper(record_id)
            meeting = store.agendas.meeting_of_paper(paper)
            w.meetings.agenda.open_agenda(meeting.id)
            return w.meetings.agenda.view.select_paper(record_id)
        if table == "challenge":
            w.challenges.show_challenge(record_id)
            return w.challenges.page.current_row() is not None
        if table == "inspection_plan_item":
            from mqp_desktop.ui.pages.quality_page import TAB_INSPECTIONS

            plan_item = store.quality.plan_item(record_id)
            w.show_page(w.PAGE_QUALITY)
            w.quality.page.show_tab(TAB_INSPECTIONS)
            return w.quality.page.select_inspection(plan_item.inspection_id) and \
                w.quality.page.select_plan_item(record_id)
        if table in ("s11_return", "s11_action"):
            return self._open_section11(table, record_id)
        if table == "work_transfer":
            w.partnership.show_transfer(record_id)
            return True
        if table in ("attendance_letter", "governance_document", "subcommittee"):
            from mqp_desktop.ui.governance.page import TAB_DOCUMENTS, TAB_FOLLOWUP

            tab = TAB_FOLLOWUP if table == "attendance_letter" else TAB_DOCUMENTS
            w.show_page(w.PAGE_GOVERNANCE)
            w.governance.page.show_tab(tab)
            if table == "subcommittee":  # the chairing reviews, beside the documents
                return True
            return w.governance.page.tab_widgets[tab].select(record_id)
        return False

    def _open_section11(self, table: str, record_id: int) -> bool:
        from mqp_desktop.store.section11 import Section11Repo
        from mqp_desktop.ui.pages.section11_page import TAB_ACTIONS, TAB_RETURN

        w = self.window
        repo = Section11Repo(self.store)
        return_id = repo.action(record_id).return_id if table == "s11_action" else record_id
        ret = repo.get_return(return_id)
        w.show_page(w.PAGE_SECTION11)
        w.section11.page.select_round(ret.round_id)
        if table == "s11_return" and w.section11.page.select_overdue(return_id):
            return True
        w.section11.show_return(return_id, tab=TAB_ACTIONS if table == "s11_action" else TAB_RETURN)
        return True

    # --- reminders ------------------------------------------------------------------------------
    def choose_reminder_folder(self) -> Path | None:
        """The folder for the drafts (tests replace this; no nested event loop there)."""
        name = QFileDialog.getExistingDirectory(self.window, "Folder for the reminder emails", str(Path.home()))
        return Path(name) if name else None

    def remind(self) -> None:
        from mqp_desktop.exporters.action_reminders import write_action_reminders

        if self.store is None or not self.on_page:
            return
        chosen = [i for i in self.page.selected_items() if i.remindable]
        if not chosen:
            errors.show_warning(self.window, "Remind owners", "Choose one or more actions in the list first.",
                                "Reminders go to the owners of actions; Ctrl+click chooses several.")
            return
        folder = self.choose_reminder_folder()
        if folder is None:
            return
        try:
            written = write_action_reminders(self.store, [i.record_id for i in chosen], folder)
        except (StoreError, ValidationError, OSError) as exc:
            errors.show_store_error(self.window, exc, "Remind owners")
            return
        self.window.refresh()
        lines = [f"{r.owner}{'' if r.email else ' (no email address on record: fill it in)'}: "
                 f"{', '.join(line.number for line in r.lines)}" for r, _path in written]
        self.last_written = [path for _r, path in written]
        self.window.statusBar().showMessage(
            f"{len(written)} reminder draft{'s' if len(written) != 1 else ''} written to {folder}", 10000)
        self.window.notify("Remind owners",
                           f"{len(written)} reminder email draft{'s' if len(written) != 1 else ''} written to "
                           f"{folder} — open each in your mail program, check it and send it:\n\n" + "\n".join(lines)
                           + "\n\nThe reminders are recorded in the change history.")


__all__ = ["DueController"]

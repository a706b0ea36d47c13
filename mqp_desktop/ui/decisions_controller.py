"""The Decisions tab of the Governance page: the decisions register and ratification (ToR 3).

Kept apart from the Governance controller, which only adds the tab, its actions and a refresh call.
Actions (enabled while the tab is shown): **Ratify…** (Ctrl+Shift+Y) records decisions taken while not
quorate as ratified at a later quorate meeting (a Designer-form dialog; the store refuses in words, shown
under the field); **Withdraw ratification…** (Del) takes back one recorded in error, with a reason;
**Open minutes** (Enter, or double-click) opens the decision's meeting's minutes; **Export…**
(Ctrl+Alt+E) writes the decisions shown to CSV or XLSX.

**Undo.** A ratification is undone by withdrawing it ("recorded in error, undone"; redo puts it back in
force); a withdrawal is undone by putting the ratification back in force. Both write through the store, so
the undo is itself in the change history, and nothing is deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from mqp_desktop.domain.decisions import DecisionEntry
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.governance.decisions_tab import DecisionsTab, decision_row

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

UNDONE = "recorded in error, undone"


def financial_quarter(when: dt.date) -> str:
    """'Q1 2026-27' for April–June 2026 (the partnership's year starts in April)."""
    start = when.year if when.month >= 4 else when.year - 1
    q = (when.month - 4) // 3 + 1 if when.month >= 4 else 4
    return f"Q{q} {start}-{(start + 1) % 100:02d}"


def _the(title: str) -> str:
    return title[:1].lower() + title[1:]


class DecisionsController(QObject):
    def __init__(self, window: MainWindow, tab: Callable[[], DecisionsTab]):
        """``tab``: how to reach the Governance page's Decisions tab (the page is made when first needed; the
        page connects the tab's Enter/double-click to :meth:`open_minutes`)."""
        super().__init__(window)
        self.window = window
        self._tab = tab
        self.on_tab = False
        a = window._action
        from mqp_desktop.ui.models import icon

        def act(text: str, slot, shortcut, tip: str, short: str, icon_name: str | None = None) -> QAction:
            action = a(text, slot, shortcut, tip)
            action.setIconText(short)
            if icon_name:
                action.setIcon(icon(icon_name))
            return action

        self.ratify_action = act("&Ratify at a quorate meeting…", self.ratify, "Ctrl+Shift+Y",
                                 "Record decisions taken while not quorate as ratified at a later quorate meeting "
                                 "(ToR 3): printed in its minutes", "Ratify…", "add")
        self.withdraw_action = act("&Withdraw ratification…", self.withdraw, "Del",
                                   "A ratification recorded in error is withdrawn, with the reason (it stays "
                                   "recorded); the decision awaits ratification again", "Withdraw…", "end")
        self.open_action = act("&Open the minutes", self.open_minutes, None,
                               "Open the minutes of the chosen decision's meeting (or press Enter, or double-click)",
                               "Minutes", "edit")
        self.export_action = act("E&xport the register…", self.export, "Ctrl+Alt+E",
                                 "Save the decisions shown to CSV or Excel", "Export…")
        self.awaiting_action = act("Decisions a&waiting ratification", self.show_awaiting, None,
                                   "Show the decisions taken while not quorate that no later meeting has ratified",
                                   "Awaiting")
        self.actions = [self.ratify_action, self.withdraw_action, self.open_action, self.export_action,
                        self.awaiting_action]

    @property
    def tab(self) -> DecisionsTab:
        return self._tab()

    @property
    def store(self):
        return self.window.store

    # --- showing ---------------------------------------------------------------------------------
    def refresh(self, today: dt.date | None = None) -> None:
        store = self.store
        if store is None:
            return
        today = today or dt.date.today()
        entries = store.decisions.register()
        quarters = sorted({financial_quarter(d.meeting_date) for d in entries},
                          key=lambda q: (q.split()[1], q.split()[0]), reverse=True)
        self.tab.set_choices(quarters, store.decisions.priorities())
        titles = {m.id: m.title for m in store.meetings.list()}
        self.tab.set_rows([decision_row(d, today) for d in entries],
                          {d.ratified_meeting_id: _the(titles.get(d.ratified_meeting_id, "")) for d in entries
                           if d.ratified_meeting_id is not None})

    def update_actions(self, on_tab: bool) -> None:
        self.on_tab = on_tab
        d = self.tab.current() if on_tab else None
        for action in self.actions:
            action.setEnabled(on_tab)
        self.ratify_action.setEnabled(on_tab and self.store is not None)
        self.withdraw_action.setEnabled(d is not None and d.ratification_id is not None)
        self.open_action.setEnabled(d is not None)

    def show_awaiting(self) -> None:
        self.tab.show_awaiting()

    # --- ratifying ---------------------------------------------------------------------------------
    def _meetings(self, after: dt.date | None) -> list[tuple[int, str, str]]:
        """Meetings that took place after ``after``, latest first, each with why it cannot ratify ('' if it can)."""
        store = self.store
        out = []
        for m in reversed(store.meetings.list(include_cancelled=False)):
            if after is not None and m.date <= after:
                continue
            if m.date > dt.date.today() or m.status not in (MeetingStatus.HELD, MeetingStatus.RECONVENED):
                continue
            quorum = store.meetings.quorum(m.id)
            why = ""
            if quorum.recorded == 0:
                why = "no register"
            elif not quorum.result.quorate:
                why = "not quorate"
            elif store.minutes.is_locked(m.id):
                why = "minutes signed"
            out.append((m.id, m.title, why))
        return out

    def ratify(self) -> None:
        if self.store is None:
            return
        waiting = self.store.decisions.awaiting_ratification()
        if not waiting:
            errors.show_warning(self.window, "Nothing to ratify", "No decision taken while not quorate awaits "
                                "ratification.")
            return
        chosen = self.tab.current() if self.on_tab else None
        ticked = [chosen.id] if chosen is not None and chosen.awaiting_ratification else [waiting[0].id]
        first = min(d.meeting_date for d in waiting if d.id in ticked)
        meetings = self._meetings(first)
        default = next((mid for mid, _t, why in meetings if not why), None)
        from mqp_desktop.ui.dialogs.decisions_dialogs import RatifyDialog

        def save(meeting_id: int, ids: list[int], note: str):
            done = self.store.decisions.ratify(meeting_id, ids, note=note)
            repo = lambda: self.window.store.decisions  # the store shown when the undo runs
            rids = [r.id for r in done]
            title = _the(self.store.meetings.get(meeting_id).title)
            self.window._push(f"Ratify {len(ids)} decision{'s' if len(ids) != 1 else ''}",
                              lambda: [repo().withdraw(r, UNDONE, action="ratification undone") for r in rids],
                              lambda: [repo().reinstate(r, action="ratification redone") for r in rids])
            self._after(f"{len(ids)} decision{'s' if len(ids) != 1 else ''} ratified at the {title}, printed in its "
                        "minutes (Ctrl+Z undoes it)", ids[0])
            return done

        self.window.show_dialog(RatifyDialog(meetings=meetings, decisions=waiting, ticked=ticked, meeting_id=default,
                                             save=save, parent=self.window))

    def withdraw(self) -> None:
        d: DecisionEntry | None = self.tab.current() if self.on_tab else None
        if d is None or d.ratification_id is None:
            return
        rid = d.ratification_id
        title = _the(self.store.meetings.get(d.ratified_meeting_id).title)

        def save(on: dt.date, why: str):
            if not why:
                raise ValidationError("reason", "Say why the ratification is withdrawn (e.g. 'recorded at the wrong "
                                      "meeting').")
            out = self.store.decisions.withdraw(rid, why, on)
            repo = lambda: self.window.store.decisions
            self.window._push("Withdraw ratification", lambda: repo().reinstate(rid),
                              lambda: repo().withdraw(rid, why, on))
            self._after(f"Ratification of decision {d.id} at the {title} withdrawn; it awaits ratification again "
                        "(Ctrl+Z undoes it)", d.id)
            return out

        from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeCloseDialog

        self.window.show_dialog(ChallengeCloseDialog(
            title="Withdraw ratification", ok="&Withdraw", why="&Why:",
            intro=f"Decision {d.id} was recorded as ratified at the {title}. Withdraw that if it was recorded in error: "
                  "it stays in the history with the reason, leaves that meeting's minutes, and the decision awaits "
                  "ratification again.", save=save, earliest=None, parent=self.window))

    def _after(self, message: str, decision_id: int | None = None) -> None:
        self.window.refresh()
        if decision_id is not None:
            self.tab.select(decision_id)
        self.window.statusBar().showMessage(message, 8000)

    # --- opening and exporting ----------------------------------------------------------------------
    def open_minutes(self) -> None:
        d = self.tab.current()
        if d is None or self.store is None:
            return
        self.window.show_page(self.window.PAGE_MEETINGS)
        self.window.meetings.minutes.open_minutes(d.meeting_id)

    def export(self) -> None:
        if self.store is None:
            return
        from PySide6.QtWidgets import QFileDialog

        start = str(Path.home() / "Decisions register.xlsx")
        name, _ = QFileDialog.getSaveFileName(self.window, "Export the decisions register", start,
                                              "Excel workbook (*.xlsx);;CSV (*.csv)")
        if name:
            self.export_to(name)

    def export_to(self, name: str | Path) -> Path | None:
        from mqp_desktop.exporters.decisions_export import export_decisions
        from mqp_desktop.exporters.files import ExportFileError

        sc = self.store.subcommittee()
        shown = self.tab.shown()
        try:
            written = export_decisions(shown, name, title=f"{sc.short_name or sc.name} decisions register",
                                       author=sc.partnership or sc.name,
                                       meeting_titles={m.id: m.title for m in self.store.meetings.list()})
        except ValueError as exc:
            errors.show_warning(self.window, "Not exported", str(exc))
            return None
        except (ExportFileError, StoreError) as exc:
            errors.show_warning(self.window, "Not exported", exc.problem, exc.remedy)
            return None
        self.window.statusBar().showMessage(f"{len(shown)} decisions saved to {written}", 10000)
        return written

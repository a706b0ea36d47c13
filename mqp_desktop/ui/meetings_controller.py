"""The window's meetings: its actions, its page and their dialogs, over ``store.meetings``.

Kept apart from ``main_window.py`` so the window only adds the page, the menu
and a refresh call. It follows the window's patterns: dialogs are opened with
``window.show_dialog()`` (no nested event loop) and call ``save`` callables
defined here; changes that can be reversed are pushed on the window's undo
stack as :class:`RegisterCommand` s whose reverse and repeat go through the
store (so an undo is recorded in the history too). Meetings are never deleted:
adding or planning one is not undoable (cancel it instead).

:class:`StoreRegisterSession` is what the register view reads and writes
through: every key press is one transaction, written at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import AttendanceEntry, ChairDecision, Guest, Meeting, MeetingKind, MeetingStatus
from mqp_desktop.domain.model import Member
from mqp_desktop.ui.lazy_pages import lazy_page, page_made
from mqp_desktop.ui.meetings_models import long_date, short_date
from mqp_desktop.ui.pages.meetings_page import MeetingsPage
from mqp_desktop.ui.pages.register_view import Change, RegisterSnapshot

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

def today() -> dt.date:
    """Today (tests fix it)."""
    return dt.date.today()


def the(meeting: Meeting) -> str:
    """'the meeting of 8 December 2026' (the month keeps its capital)."""
    return "the " + meeting.title[0].lower() + meeting.title[1:]


EDITED_FIELDS = ("date", "start_time", "end_time", "venue", "online_link", "notes")
STATUS_FIELDS = ("status", "notes", "quorum_rule", "chair_decision", "chair_decision_note", "items_waiting")


class StoreRegisterSession:
    """A meeting's register, read and written through the window's store."""

    def __init__(self, controller: MeetingsController, meeting_id: int):
        self.controller = controller
        self.meeting_id = meeting_id

    @property
    def repo(self):
        return self.controller.window.store.meetings

    def load(self) -> RegisterSnapshot:
        store = self.controller.window.store
        repo = store.meetings
        return RegisterSnapshot(
            meeting=repo.get(self.meeting_id),
            rows=repo.register(self.meeting_id),
            quorum=repo.quorum(self.meeting_id),
            guests=repo.guests(self.meeting_id),
            agency_names={a.id: a.label for a in store.agencies() if a.id is not None},
            reconvened_as=[m for m in repo.list() if m.replaces_id == self.meeting_id],
            agenda=[(ln.item.id, ln.number, ln.item.title, ln.item.parent_id)
                    for ln in store.agendas.agenda(self.meeting_id).lines],
            waiting_from_earlier=repo.items_waiting_for(self.meeting_id),
            locked_by=self._locked_by(store),
        )

    def _locked_by(self, store) -> str:
        if not store.minutes.is_locked(self.meeting_id):
            return ""
        rev = store.minutes.revision(self.meeting_id)
        return f"{rev.signed_by} on {rev.signed_on.day} {rev.signed_on:%B %Y}" if rev.signed_on else rev.signed_by

    def _changes(self, changes: Mapping[int, Change]) -> dict[int, tuple[Any, Any, str]]:
        old = self.repo.entries(self.meeting_id)
        return {
            member_id: (status, deputy, old[member_id].note if member_id in old else "")
            for member_id, (status, deputy) in changes.items()
        }

    def record(self, changes: Mapping[int, Change], text: str,
               seen: Mapping[int, AttendanceEntry | None] | None = None) -> None:
        """Write the entries at once (one transaction), and make them undoable. ``seen``: the entries
        as the register showed them; one changed since by another copy refuses the change."""
        meeting_id = self.meeting_id
        before = self.repo.entries(meeting_id)
        wanted = self._changes(changes)
        self.repo.record_many(meeting_id, wanted, seen=seen)
        after = self.repo.entries(meeting_id)
        reverse = {
            mid: (before[mid].status, before[mid].deputy_name, before[mid].note) if mid in before else (None, None, "")
            for mid in wanted
        }
        left = {mid: after.get(mid) for mid in wanted}  # what the change left, checked by its undo
        undone = {mid: before.get(mid) for mid in wanted}  # what the undo leaves, checked by the redo
        repo = lambda: self.controller.window.store.meetings
        self.controller.window._push(
            text,
            lambda: repo().record_many(meeting_id, reverse, expect=left),
            lambda: repo().record_many(meeting_id, wanted, expect=undone),
        )
        self.controller.window.statusBar().showMessage(f"Saved: {text[0].upper()}{text[1:]}", 4000)

    def add_guest(self, guest: Guest) -> None:
        added = self.repo.add_guest(self.meeting_id, guest)
        self.controller.window.statusBar().showMessage(f"In attendance: {added.name}", 4000)

    def remove_guest(self, guest_id: int) -> None:
        self.repo.remove_guest(guest_id)

    def decide(self, decision: ChairDecision, note: str, seen: Meeting | None = None,
               items_waiting: Sequence[int] = ()) -> None:
        c = self.controller
        before = self.repo.get(self.meeting_id)
        self.repo.record_decision(self.meeting_id, decision, note, seen=seen, items_waiting=items_waiting)
        after = self.repo.get(self.meeting_id)
        words = "proceed" if decision is ChairDecision.PROCEED else "reconvene"
        if after.items_waiting:
            words += " (some items wait)"
        c.push_meeting_change(f"chair's decision to {words}", before, after, STATUS_FIELDS,
                              "chair's decision undone", f"chair decided to {words}")
        if decision is ChairDecision.RECONVENE:
            c.window.statusBar().showMessage(
                "Recorded: the chair decided to reconvene. Plan the reconvened meeting from the box beside the "
                "register, or Meetings › Reconvene…", 10000)
        elif after.items_waiting:
            n = len(after.items_waiting)
            c.window.statusBar().showMessage(
                f"Recorded: the chair decided to proceed; {n} agenda item{'s' if n != 1 else ''} wait for the next "
                "quorate meeting.", 8000)
        else:
            c.window.statusBar().showMessage("Recorded: the chair decided to proceed while inquorate.", 6000)

    def plan_reconvened(self) -> None:
        self.controller.reconvene(self.meeting_id)


class MeetingsController(QObject):
    """Actions, page and dialogs of the meetings area of ``window``."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        a = window._action
        self.plan_series_action = a("&Plan a series…", self.plan_series, "Ctrl+Alt+N",
                                    "Plan the year's meetings at the subcommittee's frequency, then adjust any date")
        self.add_meeting_action = a("Add &extraordinary meeting…", self.add_extraordinary, "Ctrl+N",
                                    "Add a one-off extraordinary meeting")
        self.edit_meeting_action = a("&Edit meeting…", self.edit_meeting, "Ctrl+E",
                                     "Change the selected meeting's date, times, venue, link or notes (or press Enter)")
        self.cancel_meeting_action = a("&Cancel meeting…", self.cancel_meeting, "Ctrl+Shift+E",
                                       "Cancel the selected planned meeting (it stays in the list, marked cancelled)")
        self.mark_held_action = a("Mark &held", self.mark_held, "Ctrl+Shift+H",
                                  "Record that the meeting took place (fixes the quorum rule it was held under)")
        self.reconvene_action = a("&Reconvene…", self.reconvene, "Ctrl+Alt+R",
                                  "Plan the meeting that replaces one the chair decided to reconvene")
        self.take_register_action = a("&Take register", self.take_register, "Ctrl+T",
                                      "Open the attendance register of the selected meeting")
        self.everyone_present_action = a("Mark everyone else &present", self.mark_everyone_else_present,
                                         "Ctrl+Shift+P", "Mark every member not yet recorded as present, at once")
        self.paste_apologies_action = a("P&aste apologies…", self.paste_apologies, "Ctrl+Shift+V",
                                        "Match a pasted list of names or emails to members and mark apologies")
        self.export_calendar_action = a("E&xport calendar…", self.export_calendar, None,
                                        "Save every meeting as an iCalendar file (.ics) for Outlook; importing a "
                                        "later export updates the same events")
        self.add_meeting_action.setIconText("Add extraordinary")
        self.export_calendar_action.setIconText("Export calendar…")
        self.edit_meeting_action.setIconText("Edit")
        self.cancel_meeting_action.setIconText("Cancel meeting")
        self.plan_series_action.setIconText("Plan a series")
        self.everyone_present_action.setIconText("Everyone else present")
        from mqp_desktop.ui.models import icon

        for action, name in ((self.add_meeting_action, "add"), (self.edit_meeting_action, "edit"),
                             (self.cancel_meeting_action, "end"), (self.plan_series_action, "add"),
                             (self.export_calendar_action, "export")):
            action.setIcon(icon(name))
        from mqp_desktop.ui.agenda_controller import AgendaController

        self.agenda = AgendaController(window, self)  # a meeting's agenda and papers, its actions and dialogs
        from mqp_desktop.ui.minutes_controller import MinutesController

        self.minutes = MinutesController(window, self)  # a meeting's minutes and sign-off; the action log
        self.actions: list[QAction] = [
            self.plan_series_action, self.add_meeting_action, self.edit_meeting_action, self.cancel_meeting_action,
            self.mark_held_action, self.reconvene_action, self.export_calendar_action, self.take_register_action,
            self.agenda.open_action,
            self.minutes.open_action, self.everyone_present_action, self.paste_apologies_action, self.agenda.settings_action,
        ]
        self.on_page = False

    @lazy_page
    def page(self) -> MeetingsPage:
        """The list of meetings with a meeting's register, agenda and minutes, made when first shown (or when a
        meeting's agenda, minutes or a record in them is opened from elsewhere)."""
        page = MeetingsPage()
        # Two rows, so nothing hides behind the toolbar's "››" at 1366 pixels (issue 14): what to do with the
        # chosen meeting above; the programme (plan, add, export) beside the filters below.
        page.set_actions(
            [self.take_register_action, self.agenda.open_action, self.minutes.open_action, self.edit_meeting_action,
             self.cancel_meeting_action, self.mark_held_action, self.reconvene_action],
            [self.everyone_present_action, self.paste_apologies_action, self.mark_held_action,
             self.edit_meeting_action],
            [self.plan_series_action, self.add_meeting_action, self.export_calendar_action],
        )
        self.agenda.attach_view(page.agenda_view)
        self.minutes.attach_view(page.minutes_view)
        page.minutes_view.back_requested.connect(self.minutes.leave)
        page.edit_requested.connect(self.edit_meeting)
        page.register_view.changed.connect(self._register_changed)
        page.selection_changed.connect(self.window._update_actions)
        page.minutes_view.challenge_requested.connect(self.window.challenges.show_challenge)
        return page

    # --- helpers ---------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    def refresh(self, today: dt.date | None = None) -> None:
        if self.store is None or not page_made(self):  # filled when it is made
            return
        today = today or dt.date.today()
        sc = self.store.subcommittee()
        self.page.set_data(self.store.meetings.summaries(today), today, sc.frequency_text)
        if self.page.in_agenda:
            self.agenda.reload()

    def back_to_list(self) -> None:
        """Ctrl+2 inside a meeting's register, agenda or minutes: back to the list of meetings (the minutes
        ask first when there is unsaved text)."""
        if self.page.in_minutes:
            self.minutes.leave()
        elif self.page.in_detail:
            self.page.show_list()

    def _register_changed(self) -> None:
        self.window.refresh()

    def update_actions(self, on_page: bool) -> None:
        self.on_page = on_page
        page = self.page if on_page else None  # off the page nothing is chosen (and it may not be made)
        m = page.current_meeting() if on_page else None
        in_register = on_page and page.in_register
        in_detail = on_page and page.in_detail
        summary = page.current_summary() if m is not None else None
        status = m.status if m is not None else None
        self.plan_series_action.setEnabled(on_page and not in_detail)
        self.add_meeting_action.setEnabled(on_page and not in_detail)
        self.edit_meeting_action.setEnabled(m is not None)
        self.cancel_meeting_action.setEnabled(not in_detail and status is MeetingStatus.PLANNED)
        self.mark_held_action.setEnabled(status is MeetingStatus.PLANNED)
        self.reconvene_action.setEnabled(
            status is MeetingStatus.RECONVENED and not (summary and summary.replaced_by)
        )
        # from the list, or from the meeting's agenda or minutes (issue 14)
        self.take_register_action.setEnabled(
            m is not None and status is not MeetingStatus.CANCELLED and not in_register
        )
        self.export_calendar_action.setEnabled(on_page and not in_detail)
        self.everyone_present_action.setEnabled(in_register and status is not MeetingStatus.CANCELLED)
        self.paste_apologies_action.setEnabled(in_register and status is not MeetingStatus.CANCELLED)
        self.agenda.update_actions(on_page)
        self.minutes.update_actions(on_page)

    def _restore(self, meeting_id: int, source: Meeting, expect: Meeting, fields: tuple[str, ...],
                 action: str) -> None:
        """Put ``fields`` back to ``source``'s values; refused if one was changed since (see Store.restore_fields)."""
        store = self.store
        store.restore_fields(
            lambda m: the(m), entity="meeting", read=lambda: store.meetings.get(meeting_id),
            save=lambda m: store.meetings.update(m, action=action), source=source, expect=expect, fields=fields,
        )

    def push_meeting_change(self, text: str, before: Meeting, after: Meeting, fields: tuple[str, ...],
                            undo_as: str, redo_as: str) -> None:
        changed = tuple(f for f in fields if getattr(before, f) != getattr(after, f))
        if not changed or before.id is None:
            return
        meeting_id = before.id
        self.window._push(
            text,
            lambda: self._restore(meeting_id, before, after, changed, undo_as),
            lambda: self._restore(meeting_id, after, before, changed, redo_as),
        )

    def _after_change(self, meeting_id: int | None, message: str) -> None:
        self.window.refresh()
        if meeting_id is not None and not self.page.in_detail:
            self.page.select_meeting(meeting_id)
        self.window.statusBar().showMessage(message, 8000)

    # --- planning --------------------------------------------------------------------------
    def plan_series(self) -> None:
        from mqp_desktop.ui.dialogs.meeting_dialogs import SeriesDialog

        if self.store is None:
            return
        from mqp_desktop.domain.schedule import first_date_of_next_series

        repo = self.store.meetings
        existing = repo.list(include_cancelled=False)
        last = existing[-1] if existing else None
        ordinary = [m for m in existing if m.kind is MeetingKind.ORDINARY]
        sc = self.store.subcommittee()
        # the series' next date in its pattern ("the second Tuesday"), on a working day: never today, a
        # Sunday or a bank holiday (issue 14)
        first = first_date_of_next_series(today(), sc.frequency_interval, sc.frequency_unit,
                                          ordinary[-1].date if ordinary else None)

        def save(meetings: list[Meeting]) -> list[Meeting]:
            with self.store.write():
                saved = [repo.add(m, action="planned") for m in meetings]
            # Meetings are never deleted, so planning is not undoable: cancel one that is not wanted.
            dates = ", ".join(short_date(m.date) for m in saved)
            self._after_change(saved[0].id if saved else None, f"Planned {len(saved)} meetings: {dates}")
            return saved

        template = last or Meeting(date=first)
        self.window.show_dialog(
            SeriesDialog(self.store.subcommittee(), save=save, first=first, template=template, parent=self.window)
        )

    def add_extraordinary(self) -> None:
        from mqp_desktop.ui.dialogs.meeting_dialogs import MeetingDialog

        if self.store is None:
            return
        repo = self.store.meetings
        last = repo.list(include_cancelled=False)
        template = Meeting(
            date=dt.date.today() + dt.timedelta(days=14),
            kind=MeetingKind.EXTRAORDINARY,
            venue=last[-1].venue if last else "",
            online_link=last[-1].online_link if last else "",
        )

        def save(meeting: Meeting) -> Meeting:
            saved = repo.add(dataclasses.replace(meeting, kind=MeetingKind.EXTRAORDINARY,
                                                 status=MeetingStatus.PLANNED))
            self._after_change(saved.id, f"Added the extraordinary meeting of {long_date(saved.date)}")
            return saved

        self.window.show_dialog(
            MeetingDialog(template, save=save, title="Add extraordinary meeting",
                          intro="An extraordinary meeting, called as required (ToR 5), outside the series.",
                          parent=self.window)
        )

    def edit_meeting(self) -> None:
        from mqp_desktop.ui.dialogs.meeting_dialogs import MeetingDialog

        meeting = self.page.current_meeting()
        if meeting is None or self.store is None:
            return
        repo = self.store.meetings
        meeting_id = meeting.id

        def save(changed: Meeting) -> Meeting:
            before = repo.get(meeting_id)
            # The meeting as the dialog read it, edited: refused if it was saved elsewhere since.
            saved = repo.update(dataclasses.replace(changed, id=meeting_id))
            after = repo.get(meeting_id)
            self.push_meeting_change(f"edit of {the(after)}", before, after, EDITED_FIELDS,
                                     "reverted", "edited")
            self._after_change(meeting_id, f"Saved {the(after)}")
            return saved

        fresh = repo.get(meeting_id)
        self.window.show_dialog(MeetingDialog(fresh, save=save, title=f"Edit {the(fresh)}",
                                              parent=self.window))

    def cancel_meeting(self) -> None:
        from mqp_desktop.ui.dialogs.meeting_dialogs import CancelMeetingDialog

        meeting = self.page.current_meeting()
        if meeting is None or self.store is None or meeting.status is not MeetingStatus.PLANNED:
            return
        repo = self.store.meetings
        meeting_id = meeting.id

        def save(reason: str) -> Meeting:
            before = repo.get(meeting_id)
            saved = repo.cancel(meeting_id, reason, seen=meeting)  # refused if changed since it was shown
            after = repo.get(meeting_id)
            self.push_meeting_change(f"cancellation of {the(after)}", before, after, STATUS_FIELDS,
                                     "cancellation undone", "cancelled")
            self._after_change(meeting_id, f"Cancelled {the(after)} (Ctrl+Z undoes it)")
            return saved

        self.window.show_dialog(CancelMeetingDialog(repo.get(meeting_id), save=save, parent=self.window))

    def mark_held(self) -> None:
        meeting = self.page.current_meeting()
        if meeting is None or self.store is None:
            return
        meeting_id = meeting.id

        def change() -> None:
            repo = self.store.meetings
            before = repo.get(meeting_id)
            repo.mark_held(meeting_id, seen=meeting)
            after = repo.get(meeting_id)
            self.push_meeting_change(f"marking {the(after)} held", before, after, STATUS_FIELDS,
                                     "reverted", "held")

        if self.window._run(change, "Mark held"):
            self._after_change(meeting_id, f"{meeting.title} is marked held")

    def reconvene(self, meeting_id: int | None = None) -> None:
        from mqp_desktop.ui.dialogs.meeting_dialogs import MeetingDialog

        if self.store is None:
            return
        if meeting_id is None:
            current = self.page.current_meeting()
            meeting_id = current.id if current else None
        if meeting_id is None:
            return
        repo = self.store.meetings
        old = repo.get(meeting_id)
        template = dataclasses.replace(old, id=None, date=old.date + dt.timedelta(days=14), notes="",
                                       status=MeetingStatus.PLANNED, replaces_id=old.id)

        def save(changed: Meeting) -> Meeting:
            with self.store.write():  # the new meeting and its notes together
                saved = repo.reconvene(
                    meeting_id, changed.date, start_time=changed.start_time, end_time=changed.end_time,
                    venue=changed.venue, online_link=changed.online_link,
                )
                if changed.notes:
                    saved = repo.update(dataclasses.replace(saved, notes=changed.notes))
            self._after_change(None, f"Planned the reconvened meeting: {long_date(saved.date)}")
            return saved

        self.window.show_dialog(
            MeetingDialog(
                template, save=save, title="Reconvene meeting",
                intro=f"The chair decided to reconvene {the(old)} (not quorate). "
                      "Choose the date of the meeting that replaces it.",
                parent=self.window,
            )
        )

    # --- the programme as a calendar ---------------------------------------------------------
    def choose_calendar_file(self):
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from mqp_desktop.exporters.files import safe_file_name

        sc = self.store.subcommittee()
        stem = safe_file_name(f"{sc.short_name or sc.name} meetings", fallback="meetings", max_length=60)
        name, _ = QFileDialog.getSaveFileName(self.window, "Export calendar", str(Path.home() / f"{stem}.ics"),
                                              "iCalendar file (*.ics)")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".ics" else path.with_name(path.name + ".ics")

    def export_calendar(self):
        """Every meeting (cancelled ones as cancelled) to an .ics file, as ``mqp export calendar`` does."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from mqp_desktop.store import StoreError
        from mqp_desktop.ui import errors

        if self.store is None:
            return None
        path = self.choose_calendar_file()
        if path is None:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from mqp_desktop.exporters.calendar_export import export_calendar

            written = export_calendar(self.store, path)
        except (StoreError, OSError, ImportError) as exc:
            QApplication.restoreOverrideCursor()
            if isinstance(exc, OSError) and not getattr(exc, "problem", None):
                exc = StoreError(f"'{path}' could not be written: {exc.strerror or exc}.",
                                 "If the file is open in another program, close it; or choose another folder.")
            errors.show_store_error(self.window, exc, "Calendar not exported")
            return None
        QApplication.restoreOverrideCursor()
        n = len(self.store.meetings.list())
        self.window.last_export = written
        self.window.statusBar().showMessage(
            f"Saved {n} meeting{'s' if n != 1 else ''} to {written}: import it into Outlook (a later export "
            "updates the same events)", 10000)
        return written

    # --- the register ----------------------------------------------------------------------
    def take_register(self, meeting_id: int | None = None) -> None:
        if self.store is None:
            return
        if meeting_id is None:
            current = self.page.current_meeting()
            meeting_id = current.id if current else None
        if meeting_id is None:
            return
        if not self.minutes.release(lambda: self.take_register(meeting_id)):
            return  # unsaved minutes: asked first
        self.window.show_page(self.window.PAGE_MEETINGS)
        self.page.show_register(StoreRegisterSession(self, meeting_id))
        meeting = self.page.register_view.meeting
        if meeting is not None:
            self.window.statusBar().showMessage(
                f"Register of {the(meeting)}: P present, D deputy, A apologies, X absent — "
                "each saved at once", 8000)

    def mark_everyone_else_present(self) -> None:
        if not self.page.in_register:
            return
        n = self.page.register_view.mark_everyone_else_present()
        if n:
            self.window.statusBar().showMessage(f"Marked {n} present (Ctrl+Z undoes it)", 6000)
        else:
            self.window.statusBar().showMessage("Everyone on the register is already recorded", 4000)

    def paste_apologies(self, text: str | None = None) -> None:
        from mqp_desktop.ui.dialogs.meeting_dialogs import PasteApologiesDialog

        view = self.page.register_view
        session = view.session
        if not self.page.in_register or session is None:
            return

        def apply(members: list[Member]) -> int:
            changes = {m.id: (AttendanceStatus.APOLOGIES, None) for m in members}
            session.record(changes, f"register: apologies from {len(members)} (pasted)")
            view.reload()
            self.window.refresh()
            self.window.statusBar().showMessage(f"Marked apologies sent for {len(members)}", 6000)
            return len(members)

        self.window.show_dialog(PasteApologiesDialog(view.rows(), apply=apply, text=text, parent=self.window))


"""The window's challenge log (ToR 6.3): its actions, its page and their dialogs.

Kept apart from ``main_window.py`` (like the Section 11 controller) so the window only adds the
page, a menu and a refresh call. Dialogs are opened with ``window.show_dialog()`` (no nested
event loop) and call ``save`` callables defined here, which write through ``store.challenges``.

**Undo.** Every change goes on the window's undo stack as a
:class:`~mqp_desktop.ui.main_window.RegisterCommand` whose reverse and repeat write through the
store (so an undo is itself in the change history), and are refused when someone else changed
the same fields since. Nothing is deleted to undo: a challenge added in error is withdrawn
("added in error, undone"; its reference stays taken); a response recorded in error is marked
removed; a review, a closing or a withdrawal has its fields put back.

The chooser for the chase folder and :meth:`open_file` are methods tests replace; the chase
exporter is imported inside the handlers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog

from mqp_desktop.domain.challenges import Challenge, ChallengeStatus, SubjectKind, Verdict
from mqp_desktop.ui import errors
from mqp_desktop.ui.challenges_models import ChallengeRow
from mqp_desktop.ui.lazy_pages import lazy_page, page_made

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

ADDED_IN_ERROR = "added in error, undone"
CONTENT_FIELDS = ("question", "subject_kind", "subject_id", "subject_text", "meeting_id", "item_id", "raised_on",
                  "agency_id", "to_member_id", "to_name", "to_email", "due_date")
CLOSE_FIELDS = ("closed_on", "closed_note")
WITHDRAW_FIELDS = ("withdrawn_on", "withdrawn_reason")
REVIEW_FIELDS = ("verdict", "verdict_reason", "reviewed_on", "reviewed_at_meeting_id")


def _day(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


class ChallengesController(QObject):
    """Actions, page and dialogs of the challenge log of ``window``."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.on_page = False
        self.last_output: Path | list[Path] | None = None
        a = window._action
        self.new_action = a("&New challenge…", self.new_challenge, "Ctrl+N",
                            "Record a question put to an agency about an indicator, an audit, an inspection…")
        self.edit_action = a("&Edit challenge…", self.edit_challenge, "Ctrl+E",
                             "Edit the chosen challenge (or press Enter, or double-click)")
        self.respond_action = a("Record &response…", self.record_response, "Ctrl+Shift+R",
                                "Record the agency's response to the chosen challenge (or amend the one waiting)")
        self.review_action = a("Re&view response…", self.review_response, "Ctrl+Shift+D",
                               "The subcommittee's view of the response: accepted, not accepted, or further "
                               "information requested")
        self.close_action = a("&Close challenge…", self.close_challenge, "Ctrl+Shift+E",
                              "Close the chosen challenge without an accepted response (say why)")
        self.withdraw_action = a("&Withdraw challenge…", self.withdraw_challenge, "Del",
                                 "Withdraw a challenge raised in error: it stays in the log with the reason")
        self.chase_action = a("C&hase email draft…", self.chase_email, "Ctrl+Shift+L",
                              "Write a chase email to whom the chosen overdue challenge was put, and open it")
        self.chase_all_action = a("Chase &all overdue…", self.chase_all, "Ctrl+Alt+L",
                                  "Write a chase email draft for every overdue challenge into a folder")
        from mqp_desktop.ui.models import icon

        for action, name in ((self.new_action, "add"), (self.edit_action, "edit"), (self.close_action, "end"),
                             (self.chase_action, "letter"), (self.chase_all_action, "letter")):
            action.setIcon(icon(name))
        self.new_action.setIconText("New challenge")
        self.edit_action.setIconText("Edit")
        self.respond_action.setIconText("Response…")
        self.review_action.setIconText("Review…")
        self.close_action.setIconText("Close…")
        self.withdraw_action.setIconText("Withdraw…")
        self.chase_action.setIconText("Chase…")
        self.chase_all_action.setIconText("Chase all…")
        self.actions: list[QAction] = [
            self.new_action, self.edit_action, self.respond_action, self.review_action, self.close_action,
            self.withdraw_action, self.chase_action, self.chase_all_action,
        ]

    @lazy_page
    def page(self):
        """The challenge log's page, made when first shown."""
        from mqp_desktop.ui.pages.challenges_page import ChallengesPage

        page = ChallengesPage()
        page.set_actions([self.new_action, self.edit_action, self.respond_action, self.review_action,
                          self.close_action, self.chase_action, self.chase_all_action])
        page.selection_changed.connect(lambda: self.update_actions(self.on_page))
        page.edit_requested.connect(self.edit_challenge)
        return page

    # --- helpers ---------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    @property
    def repo(self):
        return self.window.store.challenges

    def rows(self, today: dt.date, challenges: list[Challenge] | None = None) -> list[ChallengeRow]:
        """The challenges as the page (or the minutes' tab) shows them, read once."""
        store = self.store
        agencies = {a.id: a for a in store.agencies()}
        members = {m.id: m for m in store.members()}
        meetings = {m.id: m.title for m in store.meetings.list()}
        repo = self.repo
        out = []
        for c in (challenges if challenges is not None else repo.all()):
            agency = agencies[c.agency_id]
            if c.to_member_id is not None and c.to_member_id in members:
                contact, email = members[c.to_member_id].display_name, members[c.to_member_id].email
            else:
                contact, email = c.to_name, c.to_email
            out.append(ChallengeRow(
                challenge=c, agency=agency.label, agency_name=agency.name, contact=contact, contact_email=email,
                raised_at=repo.raised_at_text(c), meetings=meetings, status=c.status(today), today=today,
            ))
        return out

    def refresh(self, today: dt.date | None = None) -> None:
        if self.store is None or not page_made(self):  # filled when it is made
            return
        today = today or dt.date.today()
        agencies = [(a.id, a.label) for a in self.store.agencies()]
        self.page.set_data(self.rows(today), agencies, today)

    def update_actions(self, on_page: bool) -> None:
        self.on_page = on_page
        row = self.page.current_row() if on_page else None
        status = row.status if row is not None else None
        live = status is not None and not status.finished
        self.new_action.setEnabled(on_page)
        self.edit_action.setEnabled(row is not None)
        self.respond_action.setEnabled(live)
        self.respond_action.setText("Amend &response…" if status is ChallengeStatus.ANSWERED
                                    else "Record &response…")
        self.review_action.setEnabled(status is ChallengeStatus.ANSWERED)
        self.close_action.setEnabled(live)
        self.withdraw_action.setEnabled(live)
        self.chase_action.setEnabled(status is ChallengeStatus.OVERDUE)
        self.chase_all_action.setEnabled(on_page)

    def _show_page(self) -> None:
        self.window.show_page(self.window.PAGE_CHALLENGES)

    def show_challenge(self, challenge_id: int) -> None:
        """Show the challenge log with this challenge chosen (from the minutes' Challenges tab)."""
        self._show_page()
        self.page.select(challenge_id)

    def _after(self, message: str, challenge_id: int | None = None) -> None:
        self.window.refresh()
        if challenge_id is not None:
            self.page.select(challenge_id)
        self.window.statusBar().showMessage(message, 8000)

    def _current(self) -> Challenge | None:
        row = self.page.current_row() if self.on_page else None
        return row.challenge if row is not None else None

    def _meetings(self) -> list[tuple[int, str, dt.date]]:
        """(id, title, date) of the meetings not cancelled, latest first."""
        return [(m.id, m.title, m.date) for m in reversed(self.store.meetings.list(include_cancelled=False))]

    def _items_of(self, meeting_id: int) -> list[tuple[int, str]]:
        agendas = self.store.agendas
        numbers = agendas.numbers(meeting_id)
        return [(i.id, f"{numbers.get(i.id, '')}  {i.title}".strip()) for i in agendas.items(meeting_id)]

    def _members(self, keep: int | None = None) -> list:
        today = dt.date.today()
        return [m for m in self.store.members() if m.is_active(today) or m.id == keep]

    # --- undo -------------------------------------------------------------------------------
    def _push(self, text: str, challenge_id: int, before: Challenge, after: Challenge, fields: tuple[str, ...],
              undo_as: str, redo_as: str) -> None:
        moved = tuple(f for f in fields if getattr(before, f) != getattr(after, f))
        if not moved:
            return
        repo = lambda: self.window.store.challenges  # the store shown when the undo runs
        self.window._push(
            text,
            lambda: repo().restore(challenge_id, before, after, moved, action=undo_as),
            lambda: repo().restore(challenge_id, after, before, moved, action=redo_as),
        )

    # --- a challenge ---------------------------------------------------------------------------
    def new_challenge(self) -> None:
        from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeDialog

        if self.store is None:
            return
        self._show_page()
        meetings = self._meetings()
        today = dt.date.today()
        held = [m for m in meetings if m[2] <= today]
        agencies = [a for a in self.store.agencies() if a.is_active()]
        start = Challenge(question="", agency_id=agencies[0].id if agencies else None, subject_text="",
                          subject_kind=SubjectKind.INDICATOR,
                          meeting_id=held[0][0] if held else None, raised_on=held[0][2] if held else today)

        def save(c: Challenge) -> Challenge:
            added = self.repo.add(c)
            cid = added.id
            gone = dataclasses.replace(added, withdrawn_on=max(dt.date.today(), added.raised_on),
                                       withdrawn_reason=ADDED_IN_ERROR)
            repo = lambda: self.window.store.challenges
            self.window._push(
                f"add challenge {added.reference}",
                lambda: repo().restore(cid, gone, added, WITHDRAW_FIELDS, action="withdrawn"),
                lambda: repo().restore(cid, added, gone, WITHDRAW_FIELDS, action="reinstated"),
            )
            self._after(f"Challenge {added.reference} raised with {self.repo.to_text(added)}, response due "
                        f"{_day(added.due_date)} (Ctrl+Z undoes it)", cid)
            return added

        self.window.show_dialog(ChallengeDialog(
            start, agencies=agencies, members=self._members(), meetings=meetings, items_of=self._items_of,
            subjects_of=self.repo.subject_choices, save=save, parent=self.window))

    def edit_challenge(self) -> None:
        from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeDialog

        chosen = self._current()
        if chosen is None or self.store is None:
            return
        before = self.repo.get(chosen.id)
        agencies = [a for a in self.store.agencies() if a.is_active() or a.id == before.agency_id]

        def save(c: Challenge) -> Challenge:
            read = self.repo.get(c.id)
            saved = self.repo.update(c)
            self._push(f"edit challenge {saved.reference}", saved.id, read, saved, CONTENT_FIELDS, "reverted",
                       "edited")
            self._after(f"Challenge {saved.reference} saved", saved.id)
            return saved

        self.window.show_dialog(ChallengeDialog(
            before, agencies=agencies, members=self._members(before.to_member_id), meetings=self._meetings(),
            items_of=self._items_of, subjects_of=self.repo.subject_choices, save=save,
            title=f"Challenge {before.reference}", parent=self.window))

    def _heading(self, c: Challenge) -> str:
        question = html.escape(" ".join(c.question.split()))
        if len(question) > 300:
            question = question[:297] + "…"
        return (f"<b>{html.escape(c.reference)}</b> to {html.escape(self.repo.to_text(c))}, about "
                f"{html.escape(c.subject_text)}:<br><i>{question}</i>")

    def record_response(self) -> None:
        from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeResponseDialog

        chosen = self._current()
        if chosen is None or self.store is None:
            return
        c = self.repo.get(chosen.id)
        waiting = c.latest_response if c.status(dt.date.today()) is ChallengeStatus.ANSWERED else None
        repo = lambda: self.window.store.challenges

        def save(text: str, received: dt.date):
            if waiting is not None:
                amended = self.repo.update_response(dataclasses.replace(waiting, text=text, received_on=received))
                fields = ("text", "received_on")
                self.window._push(
                    f"amend response to {c.reference}",
                    lambda: repo().restore_response(amended.id, waiting, amended, fields),
                    lambda: repo().restore_response(amended.id, amended, waiting, fields, action="amended"),
                )
                self._after(f"The response to {c.reference} amended", c.id)
                return amended
            r = self.repo.respond(c.id, text, received, seen=c)
            kept = dataclasses.replace(r, removed=True)
            self.window._push(
                f"record response to {c.reference}",
                lambda: repo().restore_response(r.id, kept, r, ("removed",), action="removed"),
                lambda: repo().restore_response(r.id, r, kept, ("removed",), action="restored"),
            )
            self._after(f"Response to {c.reference} recorded: it waits for the subcommittee's review "
                        "(Review response…, Ctrl+Shift+D)", c.id)
            return r

        self.window.show_dialog(ChallengeResponseDialog(self._heading(c), save=save, response=waiting,
                                                        parent=self.window))

    def review_response(self) -> None:
        from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeReviewDialog

        chosen = self._current()
        if chosen is None or self.store is None:
            return
        c = self.repo.get(chosen.id)
        waiting = c.latest_response
        if waiting is None or waiting.verdict is not None:
            return
        meetings = self._meetings()
        today = dt.date.today()
        # the meeting most likely reviewing it: the latest held since the response came in
        since = [m for m in meetings if waiting.received_on <= m[2] <= today]
        repo = lambda: self.window.store.challenges
        response_text = html.escape(" ".join(waiting.text.split()))
        if len(response_text) > 400:
            response_text = response_text[:397] + "…"
        heading = (self._heading(c) + f"<br><br><b>Response received {_day(waiting.received_on)}:</b> "
                   f"{response_text}")

        def save(verdict: Verdict, reason: str, on: dt.date, meeting_id: int | None, new_due: dt.date | None):
            with self.store.write():
                before = self.repo.get(c.id)
                saved = self.repo.review(c.id, verdict, reason, on, at_meeting_id=meeting_id, new_due=new_due,
                                         seen=c)
                reviewed = self.repo.response(waiting.id)
            unreviewed = before.latest_response
            fields = CLOSE_FIELDS + ("due_date",)

            def put(challenge_source, challenge_expect, response_source, response_expect, action):
                r = repo()
                with r.store.write():
                    r.restore_response(waiting.id, response_source, response_expect, REVIEW_FIELDS, action=action)
                    moved = tuple(f for f in fields if getattr(challenge_source, f) != getattr(challenge_expect, f))
                    if moved:
                        r.restore(c.id, challenge_source, challenge_expect, moved, action=action)

            self.window._push(
                f"review of the response to {c.reference}",
                lambda: put(before, saved, unreviewed, reviewed, "review undone"),
                lambda: put(saved, before, reviewed, unreviewed, "reviewed"),
            )
            if saved.closed_on is not None:
                self._after(f"Response accepted: {c.reference} closed", c.id)
            else:
                self._after(f"{c.reference}: response {verdict.label.lower()}; the agency to answer again by "
                            f"{_day(saved.due_date)}", c.id)
            return saved

        self.window.show_dialog(ChallengeReviewDialog(heading, meetings=meetings,
                                                      meeting_id=since[0][0] if since else None, save=save,
                                                      parent=self.window))

    def close_challenge(self) -> None:
        self._finish(withdraw=False)

    def withdraw_challenge(self) -> None:
        self._finish(withdraw=True)

    def _finish(self, *, withdraw: bool) -> None:
        from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeCloseDialog

        chosen = self._current()
        if chosen is None or self.store is None:
            return
        c = self.repo.get(chosen.id)
        fields = WITHDRAW_FIELDS if withdraw else CLOSE_FIELDS

        def save(on: dt.date, why: str) -> Challenge:
            saved = (self.repo.withdraw if withdraw else self.repo.close)(c.id, on, why, seen=c)
            word = "withdrawn" if withdraw else "closed"
            self._push(f"{'withdraw' if withdraw else 'close'} challenge {c.reference}", c.id, c, saved, fields,
                       "reopened", word)
            self._after(f"Challenge {c.reference} {word} (it stays in the log; Ctrl+Z undoes it)", c.id)
            return saved

        if withdraw:
            dialog = ChallengeCloseDialog(
                title=f"Withdraw {c.reference}", ok="Withdraw", why="&Why withdrawn:", save=save,
                earliest=c.raised_on, parent=self.window,
                intro=f"{self._heading(c)}<br><br>A withdrawn challenge is kept, with its reference and the reason; "
                      "nothing is deleted. Withdraw one raised in error or twice; close one that has run its course.")
        else:
            dialog = ChallengeCloseDialog(
                title=f"Close {c.reference}", ok="Close challenge", why="&Why closed:", save=save,
                earliest=c.raised_on, parent=self.window,
                intro=f"{self._heading(c)}<br><br>Close a challenge that ends without an accepted response, e.g. "
                      "escalated to the Executive or superseded. (Accepting a response closes it too.)")
        dialog.ui.introLabel.setTextFormat(Qt.TextFormat.RichText)
        self.window.show_dialog(dialog)

    # --- chasing --------------------------------------------------------------------------------
    def choose_chase_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self.window, "Folder for the chase email drafts", str(Path.home()))
        return Path(name) if name else None

    def open_file(self, path: Path) -> bool:
        """Open a file in its usual program (an .eml in the mail program, as a draft)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _busy(self, work: Callable[[], Any], title: str) -> tuple[bool, Any]:
        """Run ``work`` with a wait cursor; show an expected failure (bad file, locked database)."""
        return errors.run_busy(self.window, work, title)

    def chase_email(self) -> None:
        chosen = self._current()
        if chosen is None or self.store is None:
            return
        from mqp_desktop.exporters.challenge_chase import chase_file_name

        store = self.store
        path = self.window.drafts.path / chase_file_name(chosen, store.agency(chosen.agency_id).label)

        def work() -> Path:
            from mqp_desktop.exporters.challenge_chase import write_chase_email

            return write_chase_email(store, chosen.id, path)

        ok, written = self._busy(work, "Chase email draft")
        if not ok:
            return
        self.last_output = written
        self.open_file(written)
        name, email = self.repo.contact(chosen)
        to = f"{name} <{email}>" if email else "nobody yet (no address: fill it in)"
        self.window.statusBar().showMessage(f"Chase email for {chosen.reference} to {to} opened in your mail "
                                            f"program ({written})", 10000)

    def chase_all(self) -> None:
        self._show_page()
        if self.store is None:
            return
        overdue = self.repo.overdue(dt.date.today())
        if not overdue:
            self.window.notify("Chase all overdue", "No challenge is overdue: there is no one to chase.")
            return
        folder = self.choose_chase_folder()
        if folder is None:
            return
        store = self.store

        def work() -> list[Path]:
            from mqp_desktop.exporters.challenge_chase import write_chase_emails

            return list(write_chase_emails(store, folder))

        ok, result = self._busy(work, "Chase all overdue")
        if ok:
            self.last_output = result
            self.window.statusBar().showMessage(
                f"{len(result)} chase email draft{'s' if len(result) != 1 else ''} written to {folder}", 10000)

    # --- the minutes' Challenges tab ------------------------------------------------------------
    def meeting_rows(self, meeting_id: int) -> list[ChallengeRow]:
        if self.store is None:
            return []
        return self.rows(dt.date.today(), self.repo.raised_at(meeting_id))


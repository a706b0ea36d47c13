"""The window's Governance page: its actions, dialogs and undo, and "Circulate the minutes…" (ToR 13).

Kept apart from ``main_window.py`` (like the challenge log's controller) so the window only adds the page, a
menu and a refresh call. Each tab has its own actions, enabled only while that tab is shown (so Ctrl+N means
"new" on whichever tab is in front). Dialogs are opened with ``window.show_dialog()`` (no nested event loop)
and call ``save`` callables defined here, which write through ``store.governance``.

**Undo.** Every change goes on the window's undo stack as a
:class:`~mqp_desktop.ui.main_window.RegisterCommand` whose reverse and repeat write through the store (so an
undo is itself in the change history) and are refused when someone changed the same fields since. Nothing
is deleted to undo: a case review, document, version of the Terms of Reference or letter added in error is
withdrawn ("added in error, undone"), a course cancelled, a briefing or chairing review marked removed, an
action dropped at its meeting (its number stays taken); an edit, a review, a sign-off or an outcome has its
fields put back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.actions import ADDED_IN_ERROR as ACTION_ADDED_IN_ERROR
from mqp_desktop.domain.actions import Action, ActionStatus
from mqp_desktop.domain.governance import documents as docs
from mqp_desktop.domain.governance import followups as fu
from mqp_desktop.domain.governance.case_reviews import CaseReview, Dissemination, ReviewKind
from mqp_desktop.domain.governance.common import day
from mqp_desktop.domain.governance.training import TrainingCourse
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.governance import models as gm
from mqp_desktop.ui.governance.page import (
    TAB_DECISIONS,
    TAB_DOCUMENTS,
    TAB_FOLLOWUP,
    TAB_REVIEWS,
    TAB_TRAINING,
    GovernancePage,
)
from mqp_desktop.ui.lazy_pages import lazy_page, page_made

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

ADDED_IN_ERROR = "added in error, undone"
WITHDRAW = ("withdrawn_on", "withdrawn_reason")


def _the(text: str) -> str:
    return text[:1].lower() + text[1:]


class GovernanceController(QObject):
    """Actions, page and dialogs of the Governance page of ``window``."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.on_page = False
        self.last_output: Path | None = None
        a = window._action
        from mqp_desktop.ui.models import icon

        def act(text: str, slot, shortcut, tip: str, short: str, icon_name: str | None = None) -> QAction:
            action = a(text, slot, shortcut, tip)
            action.setIconText(short)
            if icon_name:
                action.setIcon(icon(icon_name))
            return action

        # case reviews (ToR 7.7)
        self.new_review_action = act("&New case review…", self.new_review, "Ctrl+N",
                                     "Record a case review by its case reference (never a child's name)",
                                     "New case review", "add")
        self.edit_review_action = act("&Edit case review…", self.edit_review, "Ctrl+E",
                                      "Edit the chosen case review (or press Enter, or double-click)", "Edit", "edit")
        self.share_action = act("Record learning &shared…", self.share_learning, "Ctrl+Shift+L",
                                "Record a briefing or learning event that shared the review's learning", "Shared…")
        self.review_action_action = act("New &action from the review…", self.add_review_action, "Ctrl+Shift+A",
                                        "An action arising from the review, into the action log", "Action…")
        self.close_review_action = act("&Close case review…", self.close_review, "Ctrl+Shift+E",
                                       "Close the chosen case review: its work is done", "Close…", "end")
        self.withdraw_review_action = act("&Withdraw case review…", self.withdraw_review, "Del",
                                          "Withdraw a case review recorded in error: it stays, with the reason",
                                          "Withdraw…")
        self.review_actions = [self.new_review_action, self.edit_review_action, self.share_action,
                               self.review_action_action, self.close_review_action, self.withdraw_review_action]
        # training (ToR 7.5, 7.6)
        self.new_course_action = act("&New course…", self.new_course, "Ctrl+N",
                                     "Add a course of the multi-agency training programme", "New course", "add")
        self.edit_course_action = act("&Edit course…", self.edit_course, "Ctrl+E",
                                      "Edit the chosen course: attendance by agency, evaluation, gaps (or Enter)",
                                      "Edit", "edit")
        self.cancel_course_action = act("&Cancel course…", self.cancel_course, "Del",
                                        "Cancel a course that will not run: it stays, with the reason", "Cancel…",
                                        "end")
        self.course_actions = [self.new_course_action, self.edit_course_action, self.cancel_course_action]
        # documents, the Terms of Reference, chairing reviews (ToR 7.1, 12, 2)
        self.new_document_action = act("&New document…", self.new_document, "Ctrl+N",
                                       "Record a procedure, guidance or protocol to review before the Executive's "
                                       "sign-off", "New document", "add")
        self.edit_document_action = act("&Edit document…", self.edit_document, "Ctrl+E",
                                        "Edit the chosen document (or press Enter, or double-click)", "Edit", "edit")
        self.record_review_action = act("Record re&view…", self.record_review, "Ctrl+Shift+D",
                                        "The subcommittee's review of the document at a meeting, and its outcome",
                                        "Review…")
        self.send_action = act("Sent to the E&xecutive…", self.send_document, "Ctrl+Shift+X",
                               "Record the date the document went to the Executive for sign-off", "Sent…")
        self.sign_off_action = act("Si&gned off…", self.sign_off_document, "Ctrl+Shift+O",
                                   "Record the Executive's sign-off; the next review follows", "Signed off…")
        self.new_version_action = act("New &version…", self.new_version, "Ctrl+Shift+V",
                                      "A new version of the chosen document, to review (it replaces the old once "
                                      "signed off)", "New version…")
        self.tor_version_action = act("New version of the &Terms of Reference…", self.new_tor_version, "Ctrl+Alt+T",
                                      "Record a new version of the Terms of Reference: its sign-off moves the review "
                                      "date on", "ToR version…")
        self.office_review_action = act("Review of c&hairing…", self.record_office_review, "Ctrl+Shift+H",
                                        "Record the review of the chair or co-chair (ToR 2): their review date moves "
                                        "on", "Chairing review…")
        self.withdraw_document_action = act("&Withdraw document…", self.withdraw_document, "Del",
                                            "Withdraw a document (or a version recorded in error): it stays, with the "
                                            "reason", "Withdraw…")
        self.document_actions = [self.new_document_action, self.edit_document_action, self.record_review_action,
                                 self.send_action, self.sign_off_action, self.new_version_action,
                                 self.tor_version_action, self.office_review_action, self.withdraw_document_action]
        # attendance follow-up (ToR 5)
        self.new_letter_action = act("&Record a letter…", self.new_letter, "Ctrl+N",
                                     "Record a letter to a member below the attendance standard written another way",
                                     "Record letter", "letter")
        self.edit_letter_action = act("&Edit letter…", self.edit_letter, "Ctrl+E",
                                      "Correct the chosen letter's member, dates or notes (or Enter)", "Edit", "edit")
        self.outcome_action = act("Record &outcome…", self.record_outcome, "Ctrl+Shift+D",
                                  "What came of the letter: improved, a permanent substitute named, member replaced, "
                                  "no reply", "Outcome…")
        self.withdraw_letter_action = act("&Withdraw letter…", self.withdraw_letter, "Del",
                                          "Withdraw a letter recorded in error: it stays, with the reason",
                                          "Withdraw…")
        self.letter_actions = [self.new_letter_action, self.edit_letter_action, self.outcome_action,
                               self.withdraw_letter_action]
        # the Minutes menu (ToR 13)
        self.circulate_minutes_action = a("Circulate the &minutes…", self.circulate_minutes, "Ctrl+Alt+M",
                                          "An email draft sending every member the chosen meeting's minutes (PDF), "
                                          "recorded as circulated")
        self.circulate_minutes_action.setIcon(icon("letter"))
        from mqp_desktop.ui.decisions_controller import DecisionsController

        # the decisions register (ToR 3): a tab of this page, reached through it (made when first shown)
        self.decisions = DecisionsController(window, lambda: self.page.decisions)
        self.tab_actions = (self.review_actions, self.course_actions, self.document_actions, self.letter_actions,
                            self.decisions.actions)
        self.actions = [x for group in self.tab_actions for x in group]

    @lazy_page
    def page(self) -> GovernancePage:
        """Case reviews, training, documents, follow-up letters and the decisions register, made when first shown."""
        page = GovernancePage()
        for tab, group in zip(page.tab_widgets, self.tab_actions):
            tab.set_actions(group if group is not self.document_actions else
                            [x for x in group if x is not self.withdraw_document_action])
        page.selection_changed.connect(lambda: self.update_actions(self.on_page))
        page.reviews.edit_requested.connect(self.edit_review)
        page.training.edit_requested.connect(self.edit_course)
        page.documents.edit_requested.connect(self.edit_document)
        page.followups.edit_requested.connect(self.edit_letter)
        page.decisions.edit_requested.connect(self.decisions.open_minutes)
        return page

    # --- helpers ----------------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    @property
    def g(self):
        return self.window.store.governance

    def _meetings(self, *, held_only: bool = False) -> list[tuple[int, str, dt.date]]:
        """(id, title, date) of the meetings not cancelled (held ones only: none still to come), latest first."""
        today = dt.date.today()
        return [(m.id, m.title, m.date) for m in reversed(self.store.meetings.list(include_cancelled=False))
                if not held_only or m.date <= today]

    def _agencies(self, keep: Iterable[int] = ()) -> list:
        keep = set(keep)
        return [x for x in self.store.agencies() if x.is_active() or x.id in keep]

    def _push(self, text: str, reverse: Callable[[], Any], repeat: Callable[[], Any]) -> None:
        self.window._push(text, reverse, repeat)

    def _push_fields(self, text: str, repo: Callable[[], Any], record_id: int, before: Any, after: Any,
                     fields: Iterable[str], undo_as: str = "reverted", redo_as: str = "edited") -> None:
        moved = tuple(f for f in fields if getattr(before, f) != getattr(after, f))
        if moved:
            self._push(text, lambda: repo().restore(record_id, before, after, moved, action=undo_as),
                       lambda: repo().restore(record_id, after, before, moved, action=redo_as))

    def _push_added(self, text: str, repo: Callable[[], Any], added: Any, fields: tuple[str, ...],
                    gone: dict[str, Any]) -> None:
        """Undo an addition by setting ``fields`` to ``gone`` (withdrawn / cancelled / removed); redo puts them back."""
        record_id = added.id
        away = dataclasses.replace(added, **gone)
        self._push(text, lambda: repo().restore(record_id, away, added, fields, action="withdrawn"),
                   lambda: repo().restore(record_id, added, away, fields, action="reinstated"))

    def _after(self, message: str, tab: int | None = None, record_id: int | None = None) -> None:
        self.window.refresh()
        if tab is not None:
            self.page.show_tab(tab)
            if record_id is not None:
                self.page.tab_widgets[tab].select(record_id)
        self.window.statusBar().showMessage(message, 8000)

    def _show_page(self, tab: int) -> None:
        self.window.show_page(self.window.PAGE_GOVERNANCE)
        self.page.show_tab(tab)

    def _chosen(self, tab: int) -> Any:
        if not self.on_page or self.page.current_tab() != tab:
            return None
        return self.page.tab_widgets[tab].current()

    def _reason_dialog(self, *, title: str, intro: str, ok: str, why: str, save, earliest: dt.date | None):
        from mqp_desktop.ui.dialogs.challenge_dialogs import ChallengeCloseDialog

        dialog = ChallengeCloseDialog(title=title, intro=intro, ok=ok, why=why, save=save, earliest=earliest,
                                      parent=self.window)
        dialog.ui.introLabel.setTextFormat(Qt.TextFormat.RichText)
        self.window.show_dialog(dialog)

    def review_interval(self) -> int:
        return int(self.store.agendas.setting(cfg.REVIEW_INTERVAL_MONTHS))

    # --- showing ------------------------------------------------------------------------------------
    def refresh(self, today: dt.date | None = None) -> None:
        store = self.store
        if store is None or not page_made(self):  # filled when it is made
            return
        today = today or dt.date.today()
        g = store.governance
        agencies = {x.id: x.label for x in store.agencies()}
        agency_names = {x.id: x.name for x in store.agencies()}
        meetings = {m.id: m for m in store.meetings.list()}
        members = {m.id: m for m in store.members()}

        def meeting_text(meeting_id: int | None) -> str:
            m = meetings.get(meeting_id)
            return _the(m.title) if m is not None else ""

        counts = g.case_reviews.action_counts()
        review_rows = []
        for r in g.case_reviews.all():
            actions = g.case_reviews.actions(r.id) if r.id in counts else []
            review_rows.append(gm.review_row(r, today, agencies=agencies, meeting=meeting_text(r.meeting_id),
                                             actions=actions, open_actions=counts.get(r.id, (0, 0))[1]))
        self.page.reviews.set_rows(review_rows)
        self.page.training.set_rows([gm.course_row(c, today, agencies=agencies, meeting=meeting_text(c.meeting_id))
                                     for c in g.training.all()])
        current = g.documents.current_tor()
        doc_rows = []
        for d in g.documents.all():
            m = meetings.get(d.meeting_id)
            doc_rows.append(gm.document_row(d, today, meeting=(day(m.date), m.date.isoformat()) if m else None,
                                            in_force=current is not None and d.id == current.id,
                                            owner_agency=agencies.get(d.owner_agency_id, "")))
        self.page.documents.set_rows(doc_rows)
        self.page.set_office_rows([gm.office_row(r, today, holder=members[r.member_id].display_name
                                                 if r.member_id in members else "")
                                   for r in g.office_reviews.all()])
        letter_rows = []
        letters = g.followups.all()
        for x in letters:
            m = members.get(x.member_id)
            letter_rows.append(gm.letter_row(x, today, member=m.display_name if m else f"member {x.member_id}",
                                             agency=agency_names.get(m.agency_id, "") if m else ""))
        self.page.followups.set_rows(letter_rows)
        self.page.set_summary(self.summary_html(today, letters=letters, documents=[r.record for r in doc_rows],
                                                members=members))
        self.decisions.refresh(today)

    def summary_html(self, today: dt.date, *, letters, documents, members) -> str:
        sc = self.store.subcommittee()
        parts = []

        def due(label: str, when: dt.date | None) -> str:
            if when is None:
                return f"{label}: <i>no review date</i>"
            if when < today:
                return (f"<span style='color:{gm.OVERDUE_COLOUR}'><b>⚠ {label} overdue</b> (due "
                        f"{html.escape(day(when))})</span>")
            return f"{label} due {html.escape(day(when))}"

        tor = f"ToR {html.escape(sc.tor_version)}" if sc.tor_version else "ToR: <i>no version recorded</i>"
        parts.append(tor + " · " + due("review", sc.tor_review_due))
        for office, label in ((sc.chair, "chair's review"), (sc.co_chair, "co-chair's review")):
            if office.member_id is not None:
                parts.append(due(label[:1].upper() + label[1:], office.review_due))
        waiting = [x for x in letters if not x.status(today).finished]
        overdue = sum(1 for x in waiting if x.status(today) is fu.LetterStatus.OVERDUE)
        if waiting:
            text = f"{len(waiting)} letter{'s' if len(waiting) != 1 else ''} awaiting a reply"
            if overdue:
                text += f" (<span style='color:{gm.OVERDUE_COLOUR}'><b>⚠ {overdue} overdue</b></span>)"
            parts.append(text)
        awaiting = sum(1 for d in documents if d.status(today) is docs.DocumentStatus.AWAITING_SIGN_OFF)
        if awaiting:
            parts.append(f"{awaiting} document{'s' if awaiting != 1 else ''} awaiting sign-off")
        return " &nbsp;·&nbsp; ".join(parts)

    def update_actions(self, on_page: bool, *, on_meetings: bool = False) -> None:
        self.on_page = on_page
        tab = self.page.current_tab() if on_page else -1
        for index, group in enumerate(self.tab_actions):
            for action in group:
                action.setEnabled(index == tab)
        self.decisions.update_actions(tab == TAB_DECISIONS)
        if tab == TAB_REVIEWS:
            row = self.page.reviews.current_row()
            live = row is not None and not row.finished
            self.edit_review_action.setEnabled(row is not None)
            for action in (self.share_action, self.review_action_action, self.close_review_action):
                action.setEnabled(live)
            self.withdraw_review_action.setEnabled(row is not None and row.record.withdrawn_on is None)
        elif tab == TAB_TRAINING:
            row = self.page.training.current_row()
            self.edit_course_action.setEnabled(row is not None)
            self.cancel_course_action.setEnabled(row is not None and row.record.cancelled_on is None
                                                 and row.record.meeting_id is None)
        elif tab == TAB_DOCUMENTS:
            row = self.page.documents.current_row()
            live = row is not None and row.record.withdrawn_on is None
            self.edit_document_action.setEnabled(row is not None)
            self.record_review_action.setEnabled(live)
            self.send_action.setEnabled(live and row.record.outcome is not None and row.record.outcome.goes_to_executive)
            self.sign_off_action.setEnabled(live)
            self.new_version_action.setEnabled(live and not row.record.is_tor)
            self.withdraw_document_action.setEnabled(live)
        elif tab == TAB_FOLLOWUP:
            row = self.page.followups.current_row()
            self.edit_letter_action.setEnabled(row is not None and row.record.withdrawn_on is None)
            self.outcome_action.setEnabled(row is not None and row.record.withdrawn_on is None)
            self.withdraw_letter_action.setEnabled(row is not None and row.record.withdrawn_on is None)
        self.circulate_minutes_action.setEnabled(self.store is not None and self.minutes_meeting() is not None)

    # --- case reviews -------------------------------------------------------------------------------
    def new_review(self) -> None:
        from mqp_desktop.ui.governance.dialogs import CaseReviewDialog

        if self.store is None:
            return
        self._show_page(TAB_REVIEWS)
        repo = lambda: self.window.store.governance.case_reviews  # the store shown when the undo runs

        def save(r: CaseReview) -> CaseReview:
            added = self.g.case_reviews.add(r)
            self._push_added(f"add case review {added.reference}", repo, added, WITHDRAW,
                             {"withdrawn_on": max(dt.date.today(), added.referred_on), "withdrawn_reason": ADDED_IN_ERROR})
            self._after(f"Case review {added.reference} recorded (Ctrl+Z undoes it)", TAB_REVIEWS, added.id)
            return added

        self.window.show_dialog(CaseReviewDialog(
            CaseReview(reference="", kind=ReviewKind.RAPID_REVIEW, referred_on=dt.date.today()),
            agencies=self._agencies(), meetings=self._meetings(held_only=True), save=save, parent=self.window))

    def edit_review(self) -> None:
        from mqp_desktop.store.governance.case_reviews import REVIEW_FIELDS
        from mqp_desktop.ui.governance.dialogs import CaseReviewDialog

        chosen = self._chosen(TAB_REVIEWS)
        if chosen is None:
            return
        before = self.g.case_reviews.get(chosen.id)
        repo = lambda: self.window.store.governance.case_reviews

        def save(r: CaseReview) -> CaseReview:
            read = self.g.case_reviews.get(r.id)
            saved = self.g.case_reviews.update(r)
            self._push_fields(f"edit case review {saved.reference}", repo, saved.id, read, saved, REVIEW_FIELDS)
            self._after(f"Case review {saved.reference} saved", TAB_REVIEWS, saved.id)
            return saved

        self.window.show_dialog(CaseReviewDialog(
            before, agencies=self._agencies(before.agency_ids), meetings=self._meetings(held_only=True), save=save,
            title=f"Case review {before.reference}", parent=self.window))

    def share_learning(self) -> None:
        from mqp_desktop.ui.governance.dialogs import DisseminationDialog

        chosen = self._chosen(TAB_REVIEWS)
        if chosen is None:
            return
        review_id, reference = chosen.id, chosen.reference
        repo = lambda: self.window.store.governance.case_reviews.disseminations

        def save(x: Dissemination) -> Dissemination:
            added = self.g.case_reviews.add_dissemination(review_id, x)
            self._push_added(f"record learning shared from {reference}", repo, added, ("removed",), {"removed": True})
            self._after(f"{added.kind.label} of {day(added.held_on)} recorded for {reference} (Ctrl+Z undoes it)",
                        TAB_REVIEWS, review_id)
            return added

        self.window.show_dialog(DisseminationDialog(
            f"How the learning of case review <b>{html.escape(reference)}</b> was shared: a briefing, a learning "
            "event…, for whom, and how many it reached.", save=save, parent=self.window))

    def _items_of(self, meeting_id: int) -> list[tuple[int, str]]:
        agendas = self.store.agendas
        numbers = agendas.numbers(meeting_id)
        return [(i.id, f"{numbers.get(i.id, '')}  {i.title}".strip()) for i in agendas.items(meeting_id)]

    def add_review_action(self) -> None:
        from mqp_desktop.ui.governance.dialogs import CaseReviewActionDialog

        chosen = self._chosen(TAB_REVIEWS)
        if chosen is None:
            return
        review_id, reference = chosen.id, chosen.reference
        meetings = self._meetings(held_only=True)
        unlocked = [m for m in meetings if not self.store.minutes.is_locked(m[0])]
        default = chosen.meeting_id if chosen.meeting_id in {m[0] for m in unlocked} else (
            unlocked[0][0] if unlocked else None)

        def save(action: Action) -> Action:
            added = self.g.case_reviews.add_action(review_id, action)
            self._push(f"add action {added.number}", lambda: self._take_back_action(added.id),
                       lambda: self._put_back_action(added.id))
            self._after(f"Action {added.number} added to the action log from {reference} (Ctrl+Z undoes it)",
                        TAB_REVIEWS, review_id)
            return added

        self.window.show_dialog(CaseReviewActionDialog(
            f"An action arising from case review <b>{html.escape(reference)}</b>.", meetings=unlocked,
            meeting_id=default, members=[m for m in self.store.members(include_ended=False) if not m.is_vacant],
            items_of=self._items_of, save=save, parent=self.window))

    def _take_back_action(self, action_id: int) -> None:
        """The undo of a review's new action: recorded dropped at its own meeting, added in error (it stays linked
        to the review and its number stays taken), unless a later meeting has given it an update."""
        minutes = self.window.store.minutes
        a = minutes.action(action_id)
        if [u for u in minutes.updates(action_id=action_id) if u.meeting_id != a.meeting_id]:
            raise ValidationError("action", f"Action {a.number} has had an update at a later meeting, so adding it is "
                                            "not undone here: record it as dropped at the meeting that dropped it.")
        minutes.restore_action_status(action_id, a.meeting_id, ActionStatus.DROPPED, ACTION_ADDED_IN_ERROR,
                                      action="undone")

    def _put_back_action(self, action_id: int) -> None:
        minutes = self.window.store.minutes
        minutes.restore_action_status(action_id, minutes.action(action_id).meeting_id, ActionStatus.OPEN, "",
                                      action="redone")

    def close_review(self) -> None:
        self._finish_review(withdraw=False)

    def withdraw_review(self) -> None:
        self._finish_review(withdraw=True)

    def _finish_review(self, *, withdraw: bool) -> None:
        chosen = self._chosen(TAB_REVIEWS)
        if chosen is None:
            return
        r = self.g.case_reviews.get(chosen.id)
        repo = lambda: self.window.store.governance.case_reviews
        fields = WITHDRAW if withdraw else ("closed_on", "closed_note")

        def save(on: dt.date, why: str) -> CaseReview:
            saved = (self.g.case_reviews.withdraw if withdraw else self.g.case_reviews.close)(r.id, on, why, seen=r)
            word = "withdrawn" if withdraw else "closed"
            self._push_fields(f"{'withdraw' if withdraw else 'close'} case review {r.reference}", repo, r.id, r, saved,
                              fields + (("closed_on", "closed_note") if withdraw else ()), "reopened", word)
            self._after(f"Case review {r.reference} {word} (it stays recorded; Ctrl+Z undoes it)", TAB_REVIEWS, r.id)
            return saved

        heading = f"Case review <b>{html.escape(r.reference)}</b> ({html.escape(r.kind_text)})"
        if withdraw:
            self._reason_dialog(title=f"Withdraw {r.reference}", ok="Withdraw", why="&Why withdrawn:", save=save,
                                earliest=r.referred_on, intro=heading + "<br><br>A withdrawn review is kept with the "
                                "reason; nothing is deleted. Withdraw one recorded in error or twice.")
        else:
            self._reason_dialog(title=f"Close {r.reference}", ok="Close review", why="Closing &note:", save=save,
                                earliest=r.referred_on, intro=heading + "<br><br>Close a review whose learning has "
                                "been shared and whose actions are in the action log.")

    # --- training ------------------------------------------------------------------------------------
    def new_course(self) -> None:
        from mqp_desktop.ui.governance.dialogs import TrainingCourseDialog

        if self.store is None:
            return
        self._show_page(TAB_TRAINING)
        repo = lambda: self.window.store.governance.training

        def save(c: TrainingCourse) -> TrainingCourse:
            added = self.g.training.add(c)
            self._push_added(f"add course {added.title}", repo, added, ("cancelled_on", "cancel_reason"),
                             {"cancelled_on": dt.date.today(), "cancel_reason": ADDED_IN_ERROR})
            self._after(f"Course added: {added.title} (Ctrl+Z undoes it)", TAB_TRAINING, added.id)
            return added

        self.window.show_dialog(TrainingCourseDialog(
            TrainingCourse(title="", starts_on=dt.date.today()), agencies=self._agencies(),
            meetings=self._meetings(held_only=True), save=save, parent=self.window))

    def edit_course(self) -> None:
        from mqp_desktop.store.governance.training import COURSE_FIELDS
        from mqp_desktop.ui.governance.dialogs import TrainingCourseDialog

        chosen = self._chosen(TAB_TRAINING)
        if chosen is None:
            return
        before = self.g.training.get(chosen.id)
        repo = lambda: self.window.store.governance.training

        def save(c: TrainingCourse) -> TrainingCourse:
            read = self.g.training.get(c.id)
            saved = self.g.training.update(c)
            self._push_fields(f"edit course {saved.title}", repo, saved.id, read, saved, COURSE_FIELDS)
            self._after(f"Course saved: {saved.title}", TAB_TRAINING, saved.id)
            return saved

        self.window.show_dialog(TrainingCourseDialog(
            before, agencies=self._agencies(before.attendance), meetings=self._meetings(held_only=True), save=save,
            title=f"Course: {before.title}", parent=self.window))

    def cancel_course(self) -> None:
        chosen = self._chosen(TAB_TRAINING)
        if chosen is None:
            return
        c = self.g.training.get(chosen.id)
        repo = lambda: self.window.store.governance.training

        def save(on: dt.date, why: str) -> TrainingCourse:
            saved = self.g.training.cancel(c.id, on, why, seen=c)
            self._push_fields(f"cancel course {c.title}", repo, c.id, c, saved, ("cancelled_on", "cancel_reason"),
                              "reinstated", "cancelled")
            self._after(f"Course cancelled: {c.title} (it stays in the programme; Ctrl+Z undoes it)", TAB_TRAINING,
                        c.id)
            return saved

        self._reason_dialog(title="Cancel course", ok="Cancel course", why="&Why cancelled:", save=save, earliest=None,
                            intro=f"<b>{html.escape(c.title)}</b> ({html.escape(c.dates_text)}) stays in the "
                                  "programme, marked cancelled with the reason.")

    # --- documents --------------------------------------------------------------------------------------
    def _doc_repo(self):
        return self.window.store.governance.documents

    def new_document(self, supersedes: docs.GovernanceDocument | None = None, version: str = "") -> None:
        from mqp_desktop.ui.governance.dialogs import GovernanceDocumentDialog

        if self.store is None:
            return
        self._show_page(TAB_DOCUMENTS)
        start = docs.GovernanceDocument(title="", kind=docs.DocumentKind.PROCEDURE)
        if supersedes is not None:
            start = docs.GovernanceDocument(title=supersedes.title, kind=supersedes.kind, version=version,
                                            owner=supersedes.owner, owner_agency_id=supersedes.owner_agency_id,
                                            supersedes_id=supersedes.id)

        def save(d: docs.GovernanceDocument) -> docs.GovernanceDocument:
            added = self.g.documents.add(d)
            self._push_added(f"add document {added.title_version}", self._doc_repo, added, WITHDRAW,
                             {"withdrawn_on": dt.date.today(), "withdrawn_reason": ADDED_IN_ERROR})
            self._after(f"Document recorded: {added.title_version} (Ctrl+Z undoes it)", TAB_DOCUMENTS, added.id)
            return added

        title = f"New version of {supersedes.title}" if supersedes is not None else "New document"
        self.window.show_dialog(GovernanceDocumentDialog(
            start, agencies=self._agencies(), meetings=self._meetings(held_only=True), save=save, title=title,
            parent=self.window))

    def new_version(self) -> None:
        chosen = self._chosen(TAB_DOCUMENTS)
        if chosen is None or chosen.is_tor:
            return
        self.new_document(supersedes=self.g.documents.get(chosen.id))

    def edit_document(self) -> None:
        from mqp_desktop.store.governance.documents import DOCUMENT_FIELDS
        from mqp_desktop.ui.governance.dialogs import GovernanceDocumentDialog

        chosen = self._chosen(TAB_DOCUMENTS)
        if chosen is None:
            return
        before = self.g.documents.get(chosen.id)

        def save(d: docs.GovernanceDocument) -> docs.GovernanceDocument:
            read = self.g.documents.get(d.id)
            saved = self.g.documents.update(d)
            self._push_fields(f"edit {saved.title_version}", self._doc_repo, saved.id, read, saved, DOCUMENT_FIELDS)
            self._after(f"Document saved: {saved.title_version}", TAB_DOCUMENTS, saved.id)
            return saved

        self.window.show_dialog(GovernanceDocumentDialog(
            before, agencies=self._agencies([before.owner_agency_id] if before.owner_agency_id else []),
            meetings=self._meetings(held_only=True), save=save, title=before.title_version, parent=self.window))

    def _doc_change(self, text: str, before: docs.GovernanceDocument, saved: docs.GovernanceDocument,
                    message: str) -> None:
        from mqp_desktop.store.governance.documents import DOCUMENT_FIELDS

        self._push_fields(text, self._doc_repo, before.id, before, saved, DOCUMENT_FIELDS, "reverted", "redone")
        self._after(message + " (Ctrl+Z undoes it)", TAB_DOCUMENTS, before.id)

    def record_review(self) -> None:
        from mqp_desktop.ui.governance.dialogs import DocumentReviewDialog

        chosen = self._chosen(TAB_DOCUMENTS)
        if chosen is None:
            return
        before = self.g.documents.get(chosen.id)
        meetings = self._meetings(held_only=True)

        def save(meeting_id: int, outcome: docs.Outcome, note: str) -> docs.GovernanceDocument:
            saved = self.g.documents.record_review(before.id, meeting_id, outcome, note, seen=before)
            self._doc_change(f"review of {before.title_version}", before, saved,
                             f"{before.title_version}: {outcome.value}")
            return saved

        self.window.show_dialog(DocumentReviewDialog(
            f"The subcommittee's review of <b>{html.escape(before.title_version)}</b> (ToR 7.1: reviewed before it "
            "goes to the Executive for sign-off).", meetings=meetings,
            meeting_id=before.meeting_id or (meetings[0][0] if meetings else None), outcome=before.outcome,
            note=before.outcome_note, save=save, parent=self.window))

    def send_document(self) -> None:
        from mqp_desktop.ui.governance.dialogs import DocumentDateDialog

        chosen = self._chosen(TAB_DOCUMENTS)
        if chosen is None:
            return
        before = self.g.documents.get(chosen.id)

        def save(on: dt.date, _review: dt.date | None) -> docs.GovernanceDocument:
            saved = self.g.documents.send_to_executive(before.id, on, seen=before)
            self._doc_change(f"sending {before.title_version}", before, saved,
                             f"{before.title_version} sent to the Executive on {day(on)}")
            return saved

        self.window.show_dialog(DocumentDateDialog(
            title="Sent to the Executive", heading=f"<b>{html.escape(before.title_version)}</b> goes to the Executive "
            "for formal sign-off (ToR 7.1).", ok="Record", on=before.sent_to_executive_on or dt.date.today(),
            with_review=False, save=save, parent=self.window))

    def sign_off_document(self) -> None:
        from mqp_desktop.ui.governance.dialogs import DocumentDateDialog

        chosen = self._chosen(TAB_DOCUMENTS)
        if chosen is None:
            return
        before = self.g.documents.get(chosen.id)

        def save(on: dt.date, review: dt.date | None) -> docs.GovernanceDocument:
            saved = self.g.documents.sign_off(before.id, on, review, seen=before)
            extra = " — the Terms of Reference's review date moved on" if saved.is_tor else ""
            self._doc_change(f"sign-off of {before.title_version}", before, saved,
                             f"{before.title_version} signed off on {day(on)}{extra}")
            return saved

        months = self.review_interval()
        self.window.show_dialog(DocumentDateDialog(
            title="Signed off", heading=f"The Executive's sign-off of <b>{html.escape(before.title_version)}</b>. "
            f"It is next reviewed {months} months later unless you choose another date.", ok="Record sign-off",
            on=before.signed_off_on or dt.date.today(), with_review=True, review_months=months, save=save,
            parent=self.window))

    def new_tor_version(self) -> None:
        from mqp_desktop.ui.governance.dialogs import TorVersionDialog

        if self.store is None:
            return
        self._show_page(TAB_DOCUMENTS)
        current = self.g.documents.current_tor()
        months = self.review_interval()

        def save(version: str, signed: dt.date | None, review: dt.date | None, meeting_id: int | None, notes: str):
            added = self.g.documents.record_tor_version(version, signed, review, meeting_id=meeting_id,
                                                        outcome="endorsed" if meeting_id else None, notes=notes)
            self._push_added(f"add Terms of Reference version {added.version}", self._doc_repo, added, WITHDRAW,
                             {"withdrawn_on": dt.date.today(), "withdrawn_reason": ADDED_IN_ERROR})
            sc = self.store.subcommittee()
            message = (f"Terms of Reference version {added.version} in force; review due {day(sc.tor_review_due)}"
                       if added.signed_off_on else f"Terms of Reference version {added.version} recorded as a draft")
            self._after(message + " (Ctrl+Z undoes it)", TAB_DOCUMENTS, added.id)
            return added

        now = (f"The version in force is <b>{html.escape(current.version)}</b>"
               + (f", signed off {html.escape(day(current.signed_off_on))}" if current.signed_off_on else "")
               + (f", review due {html.escape(day(current.review_due))}" if current.review_due else "") + "."
               if current else "No version of the Terms of Reference is recorded yet.")
        self.window.show_dialog(TorVersionDialog(
            now + f"<br>A new version with its sign-off replaces it and moves the review date on ({months} months "
            "later unless you choose another date). Without a sign-off it is a draft under review.",
            meetings=self._meetings(held_only=True), review_months=months, save=save, parent=self.window))

    def record_office_review(self) -> None:
        from mqp_desktop.ui.governance.dialogs import OfficeReviewDialog

        if self.store is None:
            return
        self._show_page(TAB_DOCUMENTS)
        sc = self.store.subcommittee()
        holders = {}
        for office, held in ((docs.Office.CHAIR, sc.chair), (docs.Office.CO_CHAIR, sc.co_chair)):
            name = self.store.member(held.member_id).display_name if held.member_id is not None else ""
            holders[office] = (held.member_id, name)
        repo = lambda: self.window.store.governance.office_reviews

        def save(r: docs.OfficeReview) -> docs.OfficeReview:
            added = self.g.office_reviews.record(r)
            self._push(f"the {added.office.value}'s review", lambda: repo().set_removed(added.id, True),
                       lambda: repo().set_removed(added.id, False))
            self._after(f"The {added.office.value}'s review recorded; next review due {day(added.next_review_due)} "
                        "(Ctrl+Z undoes it)", TAB_DOCUMENTS)
            return added

        self.window.show_dialog(OfficeReviewDialog(
            office=docs.Office.CHAIR, holders=holders, meetings=self._meetings(held_only=True),
            review_months=self.review_interval(), save=save, parent=self.window))

    def withdraw_document(self) -> None:
        chosen = self._chosen(TAB_DOCUMENTS)
        if chosen is None:
            return
        d = self.g.documents.get(chosen.id)

        def save(on: dt.date, why: str) -> docs.GovernanceDocument:
            saved = self.g.documents.withdraw(d.id, on, why, seen=d)
            self._push_fields(f"withdraw {d.title_version}", self._doc_repo, d.id, d, saved, WITHDRAW, "reinstated",
                              "withdrawn")
            self._after(f"{d.title_version} withdrawn (it stays recorded; Ctrl+Z undoes it)", TAB_DOCUMENTS, d.id)
            return saved

        extra = (" The version before it takes its place, with its review date." if d.is_tor else "")
        self._reason_dialog(title="Withdraw document", ok="Withdraw", why="&Why withdrawn:", save=save, earliest=None,
                            intro=f"<b>{html.escape(d.title_version)}</b> stays recorded, marked withdrawn with the "
                                  f"reason.{extra}")

    # --- attendance follow-up ----------------------------------------------------------------------------
    def _letter_members(self, keep: int | None = None) -> list:
        agencies = {x.id: x.label for x in self.store.agencies()}
        today = dt.date.today()
        found = [m for m in self.store.members() if not m.is_vacant and (m.is_active(today) or m.id == keep)]
        found.sort(key=lambda m: m.display_name.casefold())
        return [(m, f"{m.display_name} ({agencies.get(m.agency_id, '')})") for m in found]

    def new_letter(self) -> None:
        from mqp_desktop.ui.governance.dialogs import AttendanceLetterDialog

        if self.store is None:
            return
        self._show_page(TAB_FOLLOWUP)
        repo = lambda: self.window.store.governance.followups

        def save(x: fu.AttendanceLetter) -> fu.AttendanceLetter:
            added = self.g.followups.add(x)
            self._push_added("record attendance letter", repo, added, WITHDRAW,
                             {"withdrawn_on": dt.date.today(), "withdrawn_reason": ADDED_IN_ERROR})
            self._after(f"Letter recorded: reply due {day(added.reply_due)} (Ctrl+Z undoes it)", TAB_FOLLOWUP, added.id)
            return added

        self.window.show_dialog(AttendanceLetterDialog(
            fu.AttendanceLetter(member_id=None, sent_on=dt.date.today()), members=self._letter_members(), save=save,
            parent=self.window))

    def edit_letter(self) -> None:
        from mqp_desktop.store.governance.followups import LETTER_FIELDS
        from mqp_desktop.ui.governance.dialogs import AttendanceLetterDialog

        chosen = self._chosen(TAB_FOLLOWUP)
        if chosen is None or chosen.withdrawn_on is not None:
            return
        before = self.g.followups.get(chosen.id)
        repo = lambda: self.window.store.governance.followups

        def save(x: fu.AttendanceLetter) -> fu.AttendanceLetter:
            read = self.g.followups.get(x.id)
            saved = self.g.followups.update(x)
            self._push_fields("edit attendance letter", repo, saved.id, read, saved, LETTER_FIELDS)
            self._after("Letter saved", TAB_FOLLOWUP, saved.id)
            return saved

        self.window.show_dialog(AttendanceLetterDialog(before, members=self._letter_members(before.member_id),
                                                       save=save, title="Attendance letter", parent=self.window))

    def record_outcome(self) -> None:
        from mqp_desktop.store.governance.followups import OUTCOME_FIELDS
        from mqp_desktop.ui.governance.dialogs import LetterOutcomeDialog

        chosen = self._chosen(TAB_FOLLOWUP)
        if chosen is None or chosen.withdrawn_on is not None:
            return
        before = self.g.followups.get(chosen.id)
        who = self.page.followups.current_row().words.get("member", "")
        repo = lambda: self.window.store.governance.followups

        def save(outcome, on: dt.date, substitute: str, notes: str) -> fu.AttendanceLetter:
            saved = self.g.followups.record_outcome(before.id, outcome, on=on, substitute_name=substitute, notes=notes,
                                                    seen=before)
            self._push_fields(f"outcome of the letter to {who}", repo, before.id, before, saved, OUTCOME_FIELDS,
                              "reverted", "outcome")
            self._after(f"Letter to {who}: {fu.next_step(saved, dt.date.today())} (Ctrl+Z undoes it)", TAB_FOLLOWUP,
                        before.id)
            return saved

        self.window.show_dialog(LetterOutcomeDialog(
            f"What came of the letter to <b>{html.escape(who)}</b> sent {html.escape(day(before.sent_on))} (reply due "
            f"{html.escape(day(before.reply_due))}).", before, save=save, parent=self.window))

    def withdraw_letter(self) -> None:
        chosen = self._chosen(TAB_FOLLOWUP)
        if chosen is None or chosen.withdrawn_on is not None:
            return
        x = self.g.followups.get(chosen.id)
        who = self.page.followups.current_row().words.get("member", "")
        repo = lambda: self.window.store.governance.followups

        def save(on: dt.date, why: str) -> fu.AttendanceLetter:
            saved = self.g.followups.withdraw(x.id, on, why, seen=x)
            self._push_fields(f"withdraw the letter to {who}", repo, x.id, x, saved, WITHDRAW, "reinstated",
                              "withdrawn")
            self._after(f"Letter to {who} withdrawn (it stays recorded; Ctrl+Z undoes it)", TAB_FOLLOWUP, x.id)
            return saved

        self._reason_dialog(title="Withdraw letter", ok="Withdraw", why="&Why withdrawn:", save=save,
                            earliest=x.sent_on, intro=f"The letter to <b>{html.escape(who)}</b> of "
                                                      f"{html.escape(day(x.sent_on))} stays recorded, marked "
                                                      "withdrawn with the reason.")

    # --- circulating the minutes (ToR 13) ------------------------------------------------------------------
    def minutes_meeting(self) -> int | None:
        """The meeting whose minutes would be circulated: the one open in the minutes view, else the meeting
        chosen on the Meetings page (held, not cancelled); None when there is none."""
        window = self.window
        if self.store is None or window.pages.currentIndex() != window.PAGE_MEETINGS:
            return None
        page = window.meetings.page
        minutes = window.meetings.minutes
        if page.in_minutes and minutes.meeting_id is not None:
            return minutes.meeting_id
        m = page.current_meeting() if not page.in_detail else None
        if m is None or m.status is MeetingStatus.CANCELLED or m.date > dt.date.today():
            return None
        return m.id

    def drafts_folder(self) -> Path:
        return self.window.drafts.path

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def circulate_minutes(self) -> None:
        from mqp_desktop.ui.governance.circulate import MinutesCirculateDialog

        meeting_id = self.minutes_meeting()
        if meeting_id is None or self.store is None:
            return
        meeting = self.store.meetings.get(meeting_id)
        store = self.store

        def plan_for(_kind: str, deputies: bool, _separately: bool):
            from PySide6.QtWidgets import QApplication

            from mqp_desktop.exporters.minutes_circulation import plan_minutes_circulation

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                return plan_minutes_circulation(store, meeting_id, include_deputies=deputies)
            finally:
                QApplication.restoreOverrideCursor()

        def save(plan) -> Any:
            from mqp_desktop.exporters.circulation import record_circulated
            from mqp_desktop.exporters.minutes_circulation import default_file_name, write_minutes_eml

            path = self.drafts_folder() / default_file_name(store, meeting_id)
            try:
                written = write_minutes_eml(plan, path)
            except OSError as exc:
                raise StoreError(getattr(exc, "problem", None) or f"The email draft could not be written: {exc}",
                                 getattr(exc, "remedy", "") or "Check there is room on the disk.") from exc
            record = record_circulated(store, plan)
            self.last_output = written
            self.open_file(written)
            self.window.refresh()
            self.window.statusBar().showMessage(
                f"Email draft with the minutes opened in your mail program; recorded as circulated to "
                f"{len(plan.recipients)} ({written})", 10000)
            return record

        try:
            dialog = MinutesCirculateDialog(meeting.title, plan_for=plan_for, save=save, parent=self.window)
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self.window, exc, "Circulate the minutes")
            return
        self.window.show_dialog(dialog)


__all__ = ["GovernanceController"]

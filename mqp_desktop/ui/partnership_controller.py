"""The window's Partnership page (ToR 1, 7.1, 8, 9): its actions, its three tabs and their dialogs.

Kept apart from ``main_window.py`` (like the challenges' controller) so the window only adds the page, a menu and
a refresh call. Dialogs are opened with ``window.show_dialog()`` (no nested event loop) and call ``save``
callables defined here, which write through ``store.partnership`` and ``store.escalations``.

**Actions** belong to the tab shown: Ctrl+N adds a transfer, an escalation or a body as the tab says; Ctrl+E (or
Enter) edits the chosen one; each step has its own key (listed in the Partnership menu). Only the shown tab's
actions are enabled, so the shared keys never clash.

**Undo.** Every change goes on the window's undo stack; its reverse and repeat write through the store (so an
undo is itself in the change history) and are refused when someone changed the same record since. Nothing is
deleted to undo: a transfer or an escalation added in error is withdrawn ("added in error, undone"; its reference
stays taken), a body added in error is ended; a step has every step's fields put back, so one taken since (an
answer after the sending being undone) makes the undo refused rather than half done.

The choosers (where to save the letter) and :meth:`open_file` are methods tests replace; python-docx is imported
inside the letter's handler.
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
from PySide6.QtWidgets import QApplication, QFileDialog

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.escalations import Escalation, EscalationKind, EscalationStatus
from mqp_desktop.domain.partnership import (
    ADDED_IN_ERROR,
    Direction,
    PartnershipBody,
    TransferState,
    WorkTransfer,
    day_text,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.ui import errors
from mqp_desktop.ui.lazy_pages import lazy_page, page_made
from mqp_desktop.ui.pages.partnership_page import PartnershipPage
from mqp_desktop.ui.partnership_models import BodyRow, EscalationRow, TransferRow

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

WITHDRAW_FIELDS = ("withdrawn_on", "withdrawn_reason")


def _short(text: str, limit: int = 300) -> str:
    words = html.escape(" ".join((text or "").split()))
    return words if len(words) <= limit else words[: limit - 1] + "…"


class PartnershipController(QObject):
    """Actions, page and dialogs of the Partnership page of ``window``."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.on_page = False
        self.last_output: Path | None = None
        a = window._action
        # transfers
        self.new_transfer_action = a("&New work transfer…", self.new_transfer, "Ctrl+N",
                                     "Record work to move to another subcommittee, or work another asks us to take")
        self.edit_transfer_action = a("&Edit transfer…", self.edit_transfer, "Ctrl+E",
                                      "Edit what the chosen transfer says (while it is a draft)")
        self.letter_action = a("&Write the letter…", self.write_letter, "Ctrl+Shift+L",
                               "The chair-to-chair letter in Word, ready to sign (our answer, for work that came to us)")
        self.send_action = a("Mark &sent…", self.send_transfer, "Ctrl+Shift+D",
                             "The signed letter has gone: the answer is due the set number of days later")
        self.answer_action = a("Record the &answer…", self.answer_transfer, "Ctrl+Shift+R",
                               "The receiving chair's written answer (accepted, or declined and why), with their "
                               "letter or email")
        self.open_answer_action = a("&Open the answer's letter…", self.open_answer, "Ctrl+Shift+O",
                                    "Open the letter or email kept with the answer, as it was received")
        self.escalate_transfer_action = a("Escalate to the E&xecutive…", self.escalate_transfer, "Ctrl+Shift+X",
                                          "A declined transfer: the subcommittees disagree (ToR 8)")
        self.decide_transfer_action = a("Record the Executive's &decision…", self.decide_transfer, "Ctrl+Shift+C",
                                        "The Executive's decision on the escalated transfer, and its date")
        self.withdraw_transfer_action = a("Wit&hdraw transfer…", self.withdraw_transfer, "Del",
                                          "Take back a drafted or sent transfer: it stays in the log with the reason")
        # escalations
        self.new_escalation_action = a("&New escalation or dispute…", self.new_escalation, "Ctrl+N",
                                       "A concern for strategic oversight (ToR 7.1), or a dispute (ToR 9)")
        self.edit_escalation_action = a("&Edit escalation…", self.edit_escalation, "Ctrl+E",
                                        "Edit the chosen escalation or dispute (or press Enter)")
        self.mediate_action = a("The chair's &mediation…", self.mediate, "Ctrl+Shift+M",
                                "Record the chair's mediation of the chosen dispute (ToR 9)")
        self.escalate_action = a("Escalate to the E&xecutive…", self.escalate, "Ctrl+Shift+X",
                                 "Put the chosen concern or dispute to the Executive")
        self.decide_action = a("Record the &decision…", self.decide, "Ctrl+Shift+C",
                               "The decision: the Executive's, or the chair's when a dispute was settled")
        self.withdraw_escalation_action = a("Wit&hdraw…", self.withdraw_escalation, "Del",
                                            "Withdraw one raised in error: it stays in the log with the reason")
        # bodies
        self.new_body_action = a("&New subcommittee…", self.new_body, "Ctrl+N",
                                 "Add the Executive or another subcommittee of the partnership")
        self.edit_body_action = a("&Edit subcommittee…", self.edit_body, "Ctrl+E",
                                  "Edit the chosen body: its name, chair and chair's email")
        self.end_body_action = a("E&nd subcommittee…", self.end_body, "Ctrl+Shift+E",
                                 "It no longer meets: kept, so old transfers still name it")
        from mqp_desktop.ui.models import icon

        for action, name in ((self.new_transfer_action, "add"), (self.edit_transfer_action, "edit"),
                             (self.letter_action, "letter"), (self.new_escalation_action, "add"),
                             (self.edit_escalation_action, "edit"), (self.new_body_action, "add"),
                             (self.edit_body_action, "edit"), (self.end_body_action, "end")):
            action.setIcon(icon(name))
        for action, short in ((self.new_transfer_action, "New transfer"), (self.edit_transfer_action, "Edit"),
                              (self.letter_action, "Letter…"), (self.send_action, "Sent…"),
                              (self.answer_action, "Answer…"), (self.open_answer_action, "Open answer"),
                              (self.escalate_transfer_action, "Escalate…"), (self.decide_transfer_action, "Decision…"),
                              (self.withdraw_transfer_action, "Withdraw…"),
                              (self.new_escalation_action, "New"), (self.edit_escalation_action, "Edit"),
                              (self.mediate_action, "Mediation…"), (self.escalate_action, "Escalate…"),
                              (self.decide_action, "Decision…"), (self.withdraw_escalation_action, "Withdraw…"),
                              (self.new_body_action, "New subcommittee"), (self.edit_body_action, "Edit"),
                              (self.end_body_action, "End…")):
            action.setIconText(short)
        self.transfer_actions: list[QAction] = [
            self.new_transfer_action, self.edit_transfer_action, self.letter_action, self.send_action,
            self.answer_action, self.open_answer_action, self.escalate_transfer_action, self.decide_transfer_action,
            self.withdraw_transfer_action]
        self.escalation_actions: list[QAction] = [
            self.new_escalation_action, self.edit_escalation_action, self.mediate_action, self.escalate_action,
            self.decide_action, self.withdraw_escalation_action]
        self.body_actions: list[QAction] = [self.new_body_action, self.edit_body_action, self.end_body_action]
        self.actions = self.transfer_actions + self.escalation_actions + self.body_actions

    @lazy_page
    def page(self) -> PartnershipPage:
        """Transfers, escalations and the partnership's bodies, made when first shown."""
        page = PartnershipPage()
        page.transfers.set_actions(self.transfer_actions)
        page.escalations.set_actions(self.escalation_actions)
        page.bodies.set_actions(self.body_actions)
        for tab, edit in ((page.transfers, self.edit_transfer), (page.escalations, self.edit_escalation),
                          (page.bodies, self.edit_body)):
            tab.selection_changed.connect(lambda: self.update_actions(self.on_page))
            tab.edit_requested.connect(edit)
        page.tab_changed.connect(lambda: self.update_actions(self.on_page))
        page.answer_days_changed.connect(self.set_answer_days)
        return page

    # --- helpers ---------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    @property
    def repo(self):
        return self.window.store.partnership

    @property
    def esc(self):
        return self.window.store.escalations

    def transfer_rows(self, today: dt.date) -> list[TransferRow]:
        repo = self.repo
        bodies = {b.id: b for b in repo.bodies()}
        executive = repo.executive_name(today)
        out = []
        for t in repo.all_transfers():
            info = repo.answer_document_info(t)
            out.append(TransferRow(transfer=t, body=bodies[t.body_id], executive=executive,
                                   answer_file=info.file_name if info else "", today=today))
        return out

    def escalation_rows(self, today: dt.date) -> list[EscalationRow]:
        esc = self.esc
        executive = self.repo.executive_name(today)
        return [EscalationRow(escalation=e, raised_by=esc.raised_by_text(e), arose_at=esc.arose_at_text(e),
                              executive=executive) for e in esc.all()]

    def body_rows(self, today: dt.date) -> list[BodyRow]:
        counts: dict[int, int] = {}
        for t in self.repo.all_transfers():
            counts[t.body_id] = counts.get(t.body_id, 0) + 1
        return [BodyRow(body=b, transfers=counts.get(b.id, 0), today=today) for b in self.repo.bodies()]

    def refresh(self, today: dt.date | None = None) -> None:
        if self.store is None:
            return
        today = today or dt.date.today()
        transfers = self.transfer_rows(today)
        if page_made(self):  # else filled when it is made; the list's count is said either way
            self.page.set_data(transfers, self.escalation_rows(today), self.body_rows(today),
                               self.repo.answer_days())
        self._badge(sum(1 for r in transfers if r.overdue))

    def _badge(self, n: int) -> None:
        item = self.window.nav.item(self.window.PAGE_PARTNERSHIP) if hasattr(self.window, "nav") else None
        if item is None:
            return
        item.setText(f"Partnership · {n} overdue" if n else "Partnership")  # what the number counts (issue 14)
        item.setToolTip(f"{n} transfer answer{'s' if n != 1 else ''} overdue" if n
                        else "Work transfers, escalations and disputes, the Executive and the subcommittees")

    def update_actions(self, on_page: bool) -> None:
        self.on_page = on_page
        tab = self.page.current_tab() if on_page else None  # off the page: no tab (it may not be made)
        on_transfers = tab is not None and tab is self.page.transfers
        on_escalations = tab is not None and tab is self.page.escalations
        on_bodies = tab is not None and tab is self.page.bodies
        # transfers
        row = self.page.transfers.current_row() if on_transfers else None
        t = row.transfer if row is not None else None
        state = t.state if t is not None else None
        self.new_transfer_action.setEnabled(on_transfers)
        self.edit_transfer_action.setEnabled(t is not None and self.repo.content_editable(t))
        self.letter_action.setEnabled(t is not None and state is not TransferState.WITHDRAWN
                                      and (t.direction is Direction.FROM_US or t.answer is not None))
        self.send_action.setEnabled(state is TransferState.DRAFTED)
        answered = t is not None and t.answer is not None and state is not TransferState.WITHDRAWN
        self.answer_action.setEnabled(state is TransferState.SENT or answered)
        self.answer_action.setText("Attach the answer's &letter or email…" if answered else "Record the &answer…")
        self.open_answer_action.setEnabled(t is not None and t.answer_document_id is not None)
        self.escalate_transfer_action.setEnabled(state is TransferState.DECLINED)
        self.decide_transfer_action.setEnabled(state is TransferState.ESCALATED)
        self.withdraw_transfer_action.setEnabled(state in (TransferState.DRAFTED, TransferState.SENT))
        # escalations
        erow = self.page.escalations.current_row() if on_escalations else None
        e = erow.escalation if erow is not None else None
        status = e.status if e is not None else None
        live = status is not None and not status.finished
        self.new_escalation_action.setEnabled(on_escalations)
        self.edit_escalation_action.setEnabled(live)
        self.mediate_action.setEnabled(live and e.kind.is_dispute and status is not EscalationStatus.EXECUTIVE)
        self.escalate_action.setEnabled(status in (EscalationStatus.OPEN, EscalationStatus.MEDIATION))
        self.decide_action.setEnabled(live)
        self.withdraw_escalation_action.setEnabled(live)
        # bodies
        brow = self.page.bodies.current_row() if on_bodies else None
        self.new_body_action.setEnabled(on_bodies)
        self.edit_body_action.setEnabled(brow is not None)
        self.end_body_action.setEnabled(brow is not None and brow.body.ended_on is None)

    def _show_page(self, tab=None) -> None:
        self.window.show_page(self.window.PAGE_PARTNERSHIP)
        if tab is not None:
            self.page.tabs.setCurrentWidget(tab)

    def _after(self, message: str, tab=None, record_id: int | None = None) -> None:
        self.window.refresh()
        if tab is not None and record_id is not None:
            tab.select(record_id)
        self.window.statusBar().showMessage(message, 8000)

    def _current_transfer(self) -> WorkTransfer | None:
        row = self.page.transfers.current_row() if self.on_page else None
        return self.repo.transfer(row.transfer.id) if row is not None else None

    def _current_escalation(self) -> Escalation | None:
        row = self.page.escalations.current_row() if self.on_page else None
        return self.esc.get(row.escalation.id) if row is not None else None

    def _current_body(self) -> PartnershipBody | None:
        row = self.page.bodies.current_row() if self.on_page else None
        return self.repo.body(row.body.id) if row is not None else None

    def _meetings(self) -> list[tuple[int, str, dt.date]]:
        return [(m.id, m.title, m.date) for m in reversed(self.store.meetings.list(include_cancelled=False))]

    def _items_of(self, meeting_id: int) -> list[tuple[int, str]]:
        agendas = self.store.agendas
        numbers = agendas.numbers(meeting_id)
        return [(i.id, f"{numbers.get(i.id, '')}  {i.title}".strip()) for i in agendas.items(meeting_id)]

    # --- undo ---------------------------------------------------------------------------------
    def _push_transfer(self, text: str, tid: int, before: WorkTransfer, after: WorkTransfer, fields,
                       undo_as: str, redo_as: str) -> None:
        moved = tuple(fields)
        repo = lambda: self.window.store.partnership  # the store shown when the undo runs
        self.window._push(text, lambda: repo().restore(tid, before, after, moved, action=undo_as),
                          lambda: repo().restore(tid, after, before, moved, action=redo_as))

    def _push_escalation(self, text: str, eid: int, before: Escalation, after: Escalation, fields,
                         undo_as: str, redo_as: str) -> None:
        moved = tuple(fields)
        esc = lambda: self.window.store.escalations
        self.window._push(text, lambda: esc().restore(eid, before, after, moved, action=undo_as),
                          lambda: esc().restore(eid, after, before, moved, action=redo_as))

    def _push_body(self, text: str, bid: int, before: PartnershipBody, after: PartnershipBody, fields,
                   undo_as: str, redo_as: str) -> None:
        moved = tuple(f for f in fields if getattr(before, f) != getattr(after, f))
        if not moved:
            return
        repo = lambda: self.window.store.partnership
        self.window._push(text, lambda: repo().restore_body(bid, before, after, moved, action=undo_as),
                          lambda: repo().restore_body(bid, after, before, moved, action=redo_as))

    # ==========================================================================================
    # transfers
    # ==========================================================================================
    def _transfer_heading(self, t: WorkTransfer) -> str:
        body = self.repo.body(t.body_id)
        way = f"to the {body.name}" if t.direction is Direction.FROM_US else f"from the {body.name}"
        return f"<b>{html.escape(t.reference)}</b> {html.escape(way)}:<br><i>{_short(t.work)}</i>"

    def _bodies_for_transfer(self, keep: int | None = None) -> list[PartnershipBody]:
        today = dt.date.today()
        return [b for b in self.repo.bodies() if not b.executive and (b.is_current(today) or b.id == keep)]

    def new_transfer(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import WorkTransferDialog

        if self.store is None:
            return
        self._show_page(self.page.transfers)
        bodies = self._bodies_for_transfer()
        if not bodies:
            self.window.notify("New work transfer", "No subcommittee is recorded yet: add the partnership's "
                                                    "Executive and subcommittees on the Partnership bodies tab first.")
            return
        start = WorkTransfer(direction=Direction.FROM_US, body_id=bodies[0].id, work="", reason="", outcomes="",
                             written_on=dt.date.today())

        def save(t: WorkTransfer) -> WorkTransfer:
            added = self.repo.add_transfer(t)
            gone = dataclasses.replace(added, withdrawn_on=dt.date.today(), withdrawn_reason=ADDED_IN_ERROR)
            self._push_transfer(f"add work transfer {added.reference}", added.id, gone, added, WITHDRAW_FIELDS,
                                "withdrawn", "reinstated")
            word = "drafted: write the letter (Ctrl+Shift+L)" if added.direction is Direction.FROM_US else \
                f"recorded; our answer due {day_text(added.answer_due)}"
            self._after(f"Work transfer {added.reference} {word} (Ctrl+Z undoes it)", self.page.transfers, added.id)
            return added

        self.window.show_dialog(WorkTransferDialog(start, bodies=bodies, priorities=self.repo.priorities(),
                                                   answer_days=self.repo.answer_days(), save=save,
                                                   parent=self.window))

    def edit_transfer(self) -> None:
        from mqp_desktop.store.partnership import CONTENT_FIELDS
        from mqp_desktop.ui.dialogs.partnership_dialogs import WorkTransferDialog

        t = self._current_transfer()
        if t is None or self.store is None:
            return
        if not self.repo.content_editable(t):
            self.window.notify(f"Work transfer {t.reference}",
                               f"{t.reference} is {t.state.label.lower()}: what the letter said stays as it was "
                               "sent. Record its answer, or withdraw it and draft another.")
            return

        def save(changed: WorkTransfer) -> WorkTransfer:
            read = self.repo.transfer(changed.id)
            saved = self.repo.update_transfer(changed)
            moved = [f for f in CONTENT_FIELDS if getattr(read, f) != getattr(saved, f)]
            if moved:
                self._push_transfer(f"edit work transfer {saved.reference}", saved.id, read, saved, moved,
                                    "reverted", "edited")
            self._after(f"Work transfer {saved.reference} saved", self.page.transfers, saved.id)
            return saved

        self.window.show_dialog(WorkTransferDialog(t, bodies=self._bodies_for_transfer(t.body_id),
                                                   priorities=self.repo.priorities(),
                                                   answer_days=self.repo.answer_days(), save=save,
                                                   parent=self.window))

    def _step(self, t: WorkTransfer, saved: WorkTransfer, text: str, undo_as: str, redo_as: str,
              message: str) -> WorkTransfer:
        from mqp_desktop.store.partnership import ALL_STEP_FIELDS

        self._push_transfer(f"{text} {t.reference}", t.id, t, saved, ALL_STEP_FIELDS, undo_as, redo_as)
        self._after(message, self.page.transfers, t.id)
        return saved

    def send_transfer(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipStepDialog

        t = self._current_transfer()
        if t is None or t.state is not TransferState.DRAFTED:
            return
        days = self.repo.answer_days()

        def save(on: dt.date, _text: str) -> WorkTransfer:
            saved = self.repo.send(t.id, on, seen=t)
            return self._step(t, saved, "send", "send undone", "sent",
                              f"{t.reference} sent; the answer is due {day_text(saved.answer_due)} (Ctrl+Z undoes it)")

        self.window.show_dialog(PartnershipStepDialog(
            title=f"Mark {t.reference} sent", ok="Mark sent", earliest=t.written_on, save=save,
            date_fields=("sent_on",), parent=self.window,
            intro=f"{self._transfer_heading(t)}<br><br>The day the signed letter went. The receiving chair's "
                  f"written answer is then due {days} days later; a transfer waiting longer is flagged."))

    def answer_transfer(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import TransferAnswerDialog

        t = self._current_transfer()
        if t is None or self.store is None:
            return
        answered = t.answer is not None and t.state is not TransferState.WITHDRAWN
        if t.state is not TransferState.SENT and not answered:
            return
        heading = self._transfer_heading(t)

        def save(answer, reason: str, on: dt.date | None, path: Path | None) -> WorkTransfer:
            if answered:
                if path is None:
                    raise ValidationError("file", "Choose the letter or email to keep with the answer.")
                saved = self.repo.attach_answer(t.id, file=path, seen=t)
                return self._step(t, saved, "attach the answer's letter to", "letter removed", "letter attached",
                                  f"{path.name} kept with the answer to {t.reference} (Ctrl+Z undoes it)")
            saved = self.repo.answer(t.id, answer, reason, on, file=path, seen=t)
            kept = f"; {path.name} kept" if path is not None else ""
            return self._step(t, saved, "record the answer to", "answer undone", "answered",
                              f"{t.reference} {saved.answer.value}{kept} (Ctrl+Z undoes it)")

        if answered:
            heading += (f"<br><br>{html.escape(t.answer.value.capitalize())} on {day_text(t.answered_on)}. Keep "
                        "the receiving chair's letter or email with it (PDF, Word, .eml or .msg): it is checked, then "
                        "stored unchanged.")
        else:
            heading += ("<br><br>ToR 8: the receiving chair confirms in writing whether the work will be undertaken "
                        "and, if not, why not. Keep their letter or email with the answer.")
        self.window.show_dialog(TransferAnswerDialog(heading, save=save, earliest=t.sent_on, attach_only=answered,
                                                     parent=self.window))

    def escalate_transfer(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipStepDialog

        t = self._current_transfer()
        if t is None or t.state is not TransferState.DECLINED:
            return
        executive = self.repo.executive_name()

        def save(on: dt.date, note: str) -> WorkTransfer:
            saved = self.repo.escalate(t.id, on, note, seen=t)
            return self._step(t, saved, "escalate", "escalation undone", "escalated",
                              f"{t.reference} put to {executive} (Ctrl+Z undoes it)")

        self.window.show_dialog(PartnershipStepDialog(
            title=f"Escalate {t.reference}", ok="Escalate", text_label="What is &put to it:", earliest=t.answered_on,
            save=save, date_fields=("escalated_on",), text_fields=("escalation_note",), parent=self.window,
            intro=f"{self._transfer_heading(t)}<br><br>Declined on {day_text(t.answered_on)}: "
                  f"{html.escape(t.answer_reason)}<br><br>ToR 8: disagreement about how work moves between "
                  f"subcommittees is escalated to {html.escape(executive)} for agreement."))

    def decide_transfer(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipStepDialog

        t = self._current_transfer()
        if t is None or t.state is not TransferState.ESCALATED:
            return
        executive = self.repo.executive_name()

        def save(on: dt.date, decision: str) -> WorkTransfer:
            saved = self.repo.decide(t.id, decision, on, seen=t)
            return self._step(t, saved, "record the decision on", "decision undone", "decided",
                              f"{executive[:1].upper() + executive[1:]}'s decision on {t.reference} recorded "
                              "(Ctrl+Z undoes it)")

        self.window.show_dialog(PartnershipStepDialog(
            title=f"The Executive's decision on {t.reference}", ok="Record decision", text_label="&Decision:",
            earliest=t.escalated_on, save=save, date_fields=("decided_on",), text_fields=("decision",),
            parent=self.window,
            intro=f"{self._transfer_heading(t)}<br><br>With {html.escape(executive)} since "
                  f"{day_text(t.escalated_on)}. Record what it decided, and when."))

    def withdraw_transfer(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipStepDialog

        t = self._current_transfer()
        if t is None or t.state not in (TransferState.DRAFTED, TransferState.SENT):
            return

        def save(on: dt.date, reason: str) -> WorkTransfer:
            saved = self.repo.withdraw(t.id, on, reason, seen=t)
            return self._step(t, saved, "withdraw", "reinstated", "withdrawn",
                              f"{t.reference} withdrawn (it stays in the log; Ctrl+Z undoes it)")

        self.window.show_dialog(PartnershipStepDialog(
            title=f"Withdraw {t.reference}", ok="Withdraw", text_label="&Why withdrawn:",
            earliest=t.sent_on or t.written_on, save=save, date_fields=("withdrawn_on",),
            text_fields=("withdrawn_reason",), parent=self.window,
            intro=f"{self._transfer_heading(t)}<br><br>A withdrawn transfer is kept with its reference and the "
                  "reason; nothing is deleted."))

    # --- files ----------------------------------------------------------------------------------------
    def choose_letter_path(self, suggested: str) -> Path | None:
        start = Path.home() / suggested
        name, _ = QFileDialog.getSaveFileName(self.window, "Save the letter", str(start), "Word document (*.docx)")
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")

    def open_file(self, path: Path) -> bool:
        """Open a file in its usual program (the letter in Word, an email in the mail program)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _busy(self, work: Callable[[], Any], title: str) -> tuple[bool, Any]:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return True, work()
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self.window, exc, title)
            return False, None
        except OSError as exc:
            if not getattr(exc, "problem", None):
                exc = StoreError(f"'{exc.filename or 'the file'}' could not be written: {exc.strerror or exc}.",
                                 "Choose another folder, or free some space; if the file is open in Word, close it.")
            errors.show_store_error(self.window, exc, title)
            return False, None
        finally:
            QApplication.restoreOverrideCursor()

    def write_letter(self) -> None:
        from mqp_desktop.exporters.transfer_letter import letter_file_name

        t = self._current_transfer()
        if t is None or self.store is None:
            return
        if t.direction is Direction.TO_US and t.answer is None:
            self.window.notify("Write the letter", f"{t.reference} came to us and is not answered yet: record our "
                                                   "answer first; the letter confirms it to their chair (ToR 8).")
            return
        path = self.choose_letter_path(letter_file_name(t, self.repo.body(t.body_id)))
        if path is None:
            return
        store = self.store

        def work() -> Path:
            from mqp_desktop.exporters.transfer_letter import write_transfer_letter

            return write_transfer_letter(store, t.id, path)

        ok, written = self._busy(work, "Write the letter")
        if not ok:
            return
        self.last_output = written
        self.open_file(written)
        after = " Mark it sent (Ctrl+Shift+D) when the signed letter goes." if t.state is TransferState.DRAFTED else ""
        self.window.statusBar().showMessage(f"Letter for {t.reference} saved to {written}: read it and sign it.{after}",
                                            12000)

    def open_answer(self) -> None:
        from mqp_desktop.exporters.files import safe_file_name, write_atomically

        t = self._current_transfer()
        if t is None or t.answer_document_id is None or self.store is None:
            return
        repo = self.repo

        def work() -> Path:
            doc = repo.answer_document(t)
            name = safe_file_name(Path(doc.info.file_name).stem, Path(doc.info.file_name).suffix,
                                  fallback=f"{t.reference} answer")
            return write_atomically(self.window.drafts.path / name, lambda tmp: tmp.write_bytes(doc.content))

        ok, written = self._busy(work, "Open the answer's letter")
        if ok:
            self.last_output = written
            self.open_file(written)
            self.window.statusBar().showMessage(f"{written.name} opened (a copy of the file kept with "
                                                f"{t.reference}, as it was received)", 8000)

    def set_answer_days(self, days: int) -> None:
        if self.store is None:
            return
        old = self.repo.answer_days()
        if days == old:
            return
        try:
            self.store.agendas.set_setting(cfg.TRANSFER_ANSWER_DAYS, days)
        except (StoreError, ValidationError) as exc:
            errors.show_store_error(self.window, exc, "Answer within")
            self.refresh()
            return
        agendas = lambda: self.window.store.agendas
        self.window._push(f"answer time {old} → {days} days",
                          lambda: agendas().set_setting(cfg.TRANSFER_ANSWER_DAYS, old),
                          lambda: agendas().set_setting(cfg.TRANSFER_ANSWER_DAYS, days))
        self.window.statusBar().showMessage(f"A receiving chair now has {days} days to answer a transfer sent from "
                                            "today (Ctrl+Z undoes it)", 8000)

    # ==========================================================================================
    # escalations and disputes
    # ==========================================================================================
    def _escalation_heading(self, e: Escalation) -> str:
        return (f"<b>{html.escape(e.reference)}</b> ({html.escape(e.kind.label.lower())}, raised by "
                f"{html.escape(self.esc.raised_by_text(e))}):<br><i>{_short(e.summary)}</i>")

    def _escalation_dialog(self, e: Escalation, save, title: str = ""):
        from mqp_desktop.ui.dialogs.partnership_dialogs import EscalationDialog

        today = dt.date.today()
        agencies = [a for a in self.store.agencies() if a.is_active() or a.id == e.raised_by_agency_id]
        members = [m for m in self.store.members() if m.is_active(today) or m.id == e.raised_by_member_id]
        return EscalationDialog(e, agencies=agencies, members=members, meetings=self._meetings(),
                                items_of=self._items_of, save=save, title=title, parent=self.window)

    def new_escalation(self) -> None:
        if self.store is None:
            return
        self._show_page(self.page.escalations)
        today = dt.date.today()
        held = [m for m in self._meetings() if m[2] <= today]
        agencies = [a for a in self.store.agencies() if a.is_active()]
        start = Escalation(kind=EscalationKind.TREND, summary="", raised_on=held[0][2] if held else today,
                           meeting_id=held[0][0] if held else None,
                           raised_by_agency_id=agencies[0].id if agencies else None)

        def save(e: Escalation) -> Escalation:
            added = self.esc.add(e)
            gone = dataclasses.replace(added, withdrawn_on=dt.date.today(), withdrawn_reason=ADDED_IN_ERROR)
            self._push_escalation(f"add {added.kind.label.lower()} {added.reference}", added.id, gone, added,
                                  WITHDRAW_FIELDS, "withdrawn", "reinstated")
            self._after(f"{added.kind.label} {added.reference} recorded (Ctrl+Z undoes it)", self.page.escalations,
                        added.id)
            return added

        self.window.show_dialog(self._escalation_dialog(start, save))

    def edit_escalation(self) -> None:
        from mqp_desktop.store.escalations import CONTENT_FIELDS

        e = self._current_escalation()
        if e is None or self.store is None or e.status.finished:
            return

        def save(changed: Escalation) -> Escalation:
            read = self.esc.get(changed.id)
            saved = self.esc.update(changed)
            moved = [f for f in CONTENT_FIELDS if getattr(read, f) != getattr(saved, f)]
            if moved:
                self._push_escalation(f"edit {saved.reference}", saved.id, read, saved, moved, "reverted", "edited")
            self._after(f"{saved.reference} saved", self.page.escalations, saved.id)
            return saved

        self.window.show_dialog(self._escalation_dialog(e, save))

    def _escalation_step(self, e: Escalation, saved: Escalation, text: str, undo_as: str, redo_as: str,
                         message: str) -> Escalation:
        from mqp_desktop.store.escalations import ALL_STEP_FIELDS

        self._push_escalation(f"{text} {e.reference}", e.id, e, saved, ALL_STEP_FIELDS, undo_as, redo_as)
        self._after(message, self.page.escalations, e.id)
        return saved

    def mediate(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import MediationDialog

        e = self._current_escalation()
        if e is None or not e.kind.is_dispute or e.status.finished:
            return

        def save(on: dt.date, notes: str, outcome: str) -> Escalation:
            saved = self.esc.mediate(e.id, on, notes, outcome, seen=e)
            return self._escalation_step(e, saved, "record the mediation of", "mediation undone", "mediation",
                                         f"The chair's mediation of {e.reference} recorded (Ctrl+Z undoes it)")

        self.window.show_dialog(MediationDialog(
            f"{self._escalation_heading(e)}<br><br>ToR 9: the chair mediates and negotiates a satisfactory solution, "
            "based on the best interest of children. Record where it stands; record the solution itself with "
            "Record the decision…", escalation=e, save=save, parent=self.window))

    def escalate(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipStepDialog

        e = self._current_escalation()
        if e is None or e.status not in (EscalationStatus.OPEN, EscalationStatus.MEDIATION):
            return
        executive = self.repo.executive_name()

        def save(on: dt.date, note: str) -> Escalation:
            saved = self.esc.escalate(e.id, on, note, seen=e)
            return self._escalation_step(e, saved, "escalate", "escalation undone", "escalated",
                                         f"{e.reference} put to {executive} (Ctrl+Z undoes it)")

        why = ("ToR 9: the dispute remains unresolved, so the final decision is the Executive's." if e.kind.is_dispute
               else "ToR 7.1: a concern that needs strategic oversight and decision.")
        self.window.show_dialog(PartnershipStepDialog(
            title=f"Escalate {e.reference}", ok="Escalate", text_label="What is &put to it:",
            earliest=e.mediation_on or e.raised_on, save=save, date_fields=("executive_on",),
            text_fields=("executive_note",), parent=self.window,
            intro=f"{self._escalation_heading(e)}<br><br>{why}"))

    def decide(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipStepDialog

        e = self._current_escalation()
        if e is None or e.status.finished:
            return
        executive = self.repo.executive_name()
        by_executive = e.status is EscalationStatus.EXECUTIVE
        who = executive if by_executive else "the chair"

        def save(on: dt.date, decision: str) -> Escalation:
            saved = self.esc.decide(e.id, decision, on, seen=e)
            return self._escalation_step(e, saved, "record the decision on", "decision undone", "decided",
                                         f"The decision on {e.reference} recorded (Ctrl+Z undoes it)")

        if by_executive:
            intro = f"With {html.escape(executive)} since {day_text(e.executive_on)}: record what it decided, and when."
        elif e.kind.is_dispute:
            intro = ("Settled without the Executive: record the solution the chair negotiated (ToR 9). If the dispute "
                     "remains unresolved, escalate it instead.")
        else:
            intro = "Dealt with by the subcommittee: record what the chair and the subcommittee decided."
        self.window.show_dialog(PartnershipStepDialog(
            title=f"Decision on {e.reference} ({who})", ok="Record decision", text_label="&Decision:",
            earliest=e.executive_on or e.mediation_on or e.raised_on, save=save, date_fields=("decided_on",),
            text_fields=("decision", "decided_by"), parent=self.window,
            intro=f"{self._escalation_heading(e)}<br><br>{intro}"))

    def withdraw_escalation(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipStepDialog

        e = self._current_escalation()
        if e is None or e.status.finished:
            return

        def save(on: dt.date, reason: str) -> Escalation:
            saved = self.esc.withdraw(e.id, on, reason, seen=e)
            return self._escalation_step(e, saved, "withdraw", "reinstated", "withdrawn",
                                         f"{e.reference} withdrawn (it stays in the log; Ctrl+Z undoes it)")

        self.window.show_dialog(PartnershipStepDialog(
            title=f"Withdraw {e.reference}", ok="Withdraw", text_label="&Why withdrawn:", earliest=e.raised_on,
            save=save, date_fields=("withdrawn_on",), text_fields=("withdrawn_reason",), parent=self.window,
            intro=f"{self._escalation_heading(e)}<br><br>It is kept with its reference and the reason; nothing is "
                  "deleted."))

    def show_escalation(self, escalation_id: int) -> None:
        self._show_page(self.page.escalations)
        self.page.escalations.select(escalation_id)

    def show_transfer(self, transfer_id: int) -> None:
        self._show_page(self.page.transfers)
        self.page.transfers.select(transfer_id)

    # ==========================================================================================
    # bodies
    # ==========================================================================================
    def new_body(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipBodyDialog

        if self.store is None:
            return
        self._show_page(self.page.bodies)
        first = not self.repo.bodies(current_on=dt.date.today())

        def save(b: PartnershipBody) -> PartnershipBody:
            added = self.repo.add_body(b)
            ended = dataclasses.replace(added, ended_on=dt.date.today())
            self._push_body(f"add {added.name}", added.id, ended, added, ("ended_on",), "ended (added in error)",
                            "reinstated")
            self._after(f"{added.name} added (Ctrl+Z undoes it)", self.page.bodies, added.id)
            return added

        self.window.show_dialog(PartnershipBodyDialog(PartnershipBody(name="", executive=first), save=save,
                                                      parent=self.window))

    def edit_body(self) -> None:
        from mqp_desktop.store.partnership import BODY_FIELDS
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipBodyDialog

        b = self._current_body()
        if b is None or self.store is None:
            return

        def save(changed: PartnershipBody) -> PartnershipBody:
            read = self.repo.body(changed.id)
            saved = self.repo.update_body(changed)
            self._push_body(f"edit {saved.name}", saved.id, read, saved, BODY_FIELDS, "reverted", "edited")
            self._after(f"{saved.name} saved", self.page.bodies, saved.id)
            return saved

        self.window.show_dialog(PartnershipBodyDialog(b, save=save, parent=self.window))

    def end_body(self) -> None:
        from mqp_desktop.ui.dialogs.partnership_dialogs import PartnershipStepDialog

        b = self._current_body()
        if b is None or b.ended_on is not None:
            return

        def save(on: dt.date, _text: str) -> PartnershipBody:
            saved = self.repo.update_body(dataclasses.replace(b, ended_on=on), action="ended")
            self._push_body(f"end {b.name}", b.id, b, saved, ("ended_on",), "reinstated", "ended")
            self._after(f"{b.name} ended on {day_text(on)} (kept; Ctrl+Z undoes it)", self.page.bodies, b.id)
            return saved

        self.window.show_dialog(PartnershipStepDialog(
            title=f"End {b.name}", ok="End", save=save, date_fields=("ended_on",), parent=self.window,
            intro=f"<b>{html.escape(b.name)}</b> no longer meets. It is kept, so the transfers that name it still do; "
                  "it is not offered for new ones."))

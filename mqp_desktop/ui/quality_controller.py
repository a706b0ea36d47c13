"""The window's Audits & inspections area: its actions, its page and their dialogs.

Kept apart from ``main_window.py`` (like the Section 11 controller) so the window only adds the
page, a menu and a refresh call. Dialogs are opened with ``window.show_dialog()`` (no nested event
loop) and call ``save`` callables defined here, which write through ``store.quality``.

**Keyboard.** On the page: Ctrl+N a new audit or inspection (the tab shown decides), Ctrl+E or
Enter edits, Ctrl+Shift+E cancels an audit or withdraws an inspection, Ctrl+Shift+R reinstates,
Insert adds cases (or an action-plan item), Ctrl+Alt+T adds an action arising from the audit to
the action log, Ctrl+D marks an action-plan item done, Ctrl+Alt+V records a review at a meeting.
In the cases grid 1, 2, 3… grade the selected case with that place on the scale and move to the
next, 0 or Backspace clears the grade, Delete withdraws the case.

**Undo.** Every change made here goes on the window's undo stack as a
:class:`~mqp_desktop.ui.main_window.RegisterCommand` whose reverse and repeat put back only the
fields the change made, on the record as stored now (:meth:`Store.restore_fields`: refused when
someone changed one of them since). Nothing is deleted to undo: an audit added in error is
cancelled, a case or an inspection withdrawn, an action-plan item dropped, each with the reason
"added in error, undone"; an action added to the log is dropped at its meeting like any action
added in error; a review is marked removed. Grading scale changes are kept in the history, not on
the stack (they are few, and deliberate).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from mqp_desktop.domain.actions import ADDED_IN_ERROR as ACTION_ADDED_IN_ERROR
from mqp_desktop.domain.actions import Action, ActionStatus
from mqp_desktop.domain.quality import (
    Audit,
    AuditCase,
    FollowUp,
    Grade,
    Inspection,
    Inspectorate,
    PlanItem,
    PlanStatus,
)
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import StoreError
from mqp_desktop.store.quality import ADDED_IN_ERROR, QualityRepo
from mqp_desktop.ui.lazy_pages import lazy_page, page_made
from mqp_desktop.ui.models import format_date, icon
from mqp_desktop.ui.pages.quality_page import TAB_AUDITS, TAB_INSPECTIONS, QualityPage

if TYPE_CHECKING:
    from mqp_desktop.ui.main_window import MainWindow

AUDIT_FIELDS = ("title", "kind", "theme", "lead_member_id", "lead_agency_id", "agency_ids", "planned", "started",
                "completed", "findings", "learning", "notes", "reported_meeting_id", "reported_on")
CASE_FIELDS = ("reference", "agency_id", "grade_id", "notes")
INSPECTION_FIELDS = ("agency_id", "inspectorate", "inspectorate_name", "inspection_type", "inspected_from",
                     "inspected_to", "published", "judgement", "key_findings", "lessons", "notes", "follow_up",
                     "next_review")
PLAN_FIELDS = ("action", "owner", "due", "status", "closed_on", "notes")


def _changed(before: Any, after: Any, fields: Sequence[str]) -> list[str]:
    return [f for f in fields if getattr(before, f) != getattr(after, f)]


def _the(title: str) -> str:
    return "the " + title[:1].lower() + title[1:]


class QualityController(QObject):
    """Actions, page and dialogs of the Audits & inspections area of ``window``."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.on_page = False
        a = window._action
        # audits
        self.new_audit_action = a("&New audit…", self.new_audit, "Ctrl+N", "Add an audit to the programme")
        self.edit_audit_action = a("&Edit audit…", self.edit_audit, "Ctrl+E",
                                   "Edit the selected audit: dates, lead, agencies, findings, the meeting it was "
                                   "reported to")
        self.cancel_audit_action = a("&Cancel audit…", self.cancel_audit, "Ctrl+Shift+E",
                                     "Cancel the selected audit (it is kept, with the reason)")
        self.reinstate_audit_action = a("Re&instate audit", self.reinstate_audit, "Ctrl+Shift+R",
                                        "Undo the cancellation of the selected audit")
        self.add_cases_action = a("Add &cases…", self.add_cases, "Ins",
                                  "Add cases to the selected audit, by reference only (never a child's name)")
        self.edit_case_action = a("Edit ca&se…", self.edit_case, None,
                                  "Edit the selected case: reference, agency, grade, notes (or press Enter)")
        self.withdraw_case_action = a("&Withdraw case…", self.withdraw_case, None,
                                      "Take the selected case out of the audit, with the reason (or press Delete)")
        self.add_audit_action_action = a("Add ac&tion to the log…", self.add_audit_action, "Ctrl+Alt+T",
                                         "An action arising from the audit, into the action log")
        self.grading_scale_action = a("&Grading scale…", self.grading_scale, None,
                                      "The partnership's grading scale: add, rename, reorder grades")
        # inspections
        self.new_inspection_action = a("&New inspection…", self.new_inspection, "Ctrl+N",
                                       "Record an agency's inspection")
        self.edit_inspection_action = a("&Edit inspection…", self.edit_inspection, "Ctrl+E",
                                        "Edit the selected inspection: dates, judgement, findings, follow-up")
        self.withdraw_inspection_action = a("&Withdraw inspection…", self.withdraw_inspection, "Ctrl+Shift+E",
                                            "Withdraw an inspection recorded in error (it is kept, with the reason)")
        self.reinstate_inspection_action = a("Re&instate inspection", self.reinstate_inspection, "Ctrl+Shift+R",
                                             "Undo the withdrawal of the selected inspection")
        self.add_plan_item_action = a("Add action-plan &item…", self.add_plan_item, "Ins",
                                      "Add an item to the agency's action plan")
        self.edit_plan_item_action = a("Edit action-plan it&em…", self.edit_plan_item, None,
                                       "Edit the selected action-plan item (or press Enter)")
        self.plan_done_action = a("Mark item &done", self.plan_done, "Ctrl+D",
                                  "Mark the selected action-plan item done today")
        self.review_action = a("Record &review at a meeting…", self.record_review, "Ctrl+Alt+V",
                               "Record that the subcommittee reviewed the inspection at a meeting, and its follow-up")
        for action, name in ((self.new_audit_action, "add"), (self.edit_audit_action, "edit"),
                             (self.cancel_audit_action, "end"), (self.add_cases_action, "add"),
                             (self.new_inspection_action, "add"), (self.edit_inspection_action, "edit"),
                             (self.withdraw_inspection_action, "end"), (self.add_plan_item_action, "add")):
            action.setIcon(icon(name))
        for action, text in ((self.new_audit_action, "New audit"), (self.edit_audit_action, "Edit"),
                             (self.cancel_audit_action, "Cancel audit"), (self.reinstate_audit_action, "Reinstate"),
                             (self.add_cases_action, "Add cases"), (self.edit_case_action, "Edit case"),
                             (self.withdraw_case_action, "Withdraw case"),
                             (self.add_audit_action_action, "Add action"), (self.grading_scale_action, "Grading scale…"),
                             (self.new_inspection_action, "New inspection"), (self.edit_inspection_action, "Edit"),
                             (self.withdraw_inspection_action, "Withdraw"),
                             (self.reinstate_inspection_action, "Reinstate"),
                             (self.add_plan_item_action, "Add item"), (self.edit_plan_item_action, "Edit item"),
                             (self.plan_done_action, "Done"), (self.review_action, "Reviewed at…")):
            action.setIconText(text)
        self.audit_actions: list[QAction] = [
            self.new_audit_action, self.edit_audit_action, self.cancel_audit_action, self.reinstate_audit_action,
            self.add_cases_action, self.edit_case_action, self.withdraw_case_action, self.add_audit_action_action,
            self.grading_scale_action]
        self.inspection_actions: list[QAction] = [
            self.new_inspection_action, self.edit_inspection_action, self.withdraw_inspection_action,
            self.reinstate_inspection_action, self.add_plan_item_action, self.edit_plan_item_action,
            self.plan_done_action, self.review_action]
        self.actions = self.audit_actions + self.inspection_actions

    @lazy_page
    def page(self) -> QualityPage:
        """Audits and inspections, made when first shown."""
        page = QualityPage()
        page.set_actions(
            [self.new_audit_action, self.edit_audit_action, self.add_cases_action, self.add_audit_action_action,
             self.cancel_audit_action, self.reinstate_audit_action, self.grading_scale_action],
            [self.add_cases_action, self.edit_case_action, self.withdraw_case_action],
            [self.new_inspection_action, self.edit_inspection_action, self.add_plan_item_action, self.plan_done_action,
             self.review_action, self.withdraw_inspection_action, self.reinstate_inspection_action],
            [self.add_plan_item_action, self.edit_plan_item_action, self.plan_done_action],
        )
        page.selection_changed.connect(lambda: self.update_actions(self.on_page))
        page.audit_edit_requested.connect(self.edit_audit)
        page.case_edit_requested.connect(self.edit_case)
        page.case_grade_requested.connect(self.grade_selected_case)
        page.case_withdraw_requested.connect(self.withdraw_case)
        page.case_add_requested.connect(self.add_cases)
        page.inspection_edit_requested.connect(self.edit_inspection)
        page.plan_edit_requested.connect(self.edit_plan_item)
        return page

    # --- helpers ---------------------------------------------------------------------------
    @property
    def store(self):
        return self.window.store

    @property
    def repo(self) -> QualityRepo:
        return self.window.store.quality

    def refresh(self, today: dt.date | None = None) -> None:
        if page_made(self):  # filled when it is made
            self.page.set_store(self.store, today)

    def update_actions(self, on_page: bool) -> None:
        self.on_page = on_page
        page = self.page if on_page else None  # off the page nothing is chosen (and it may not be made)
        audits = on_page and page.current_tab() == TAB_AUDITS
        inspections = on_page and page.current_tab() == TAB_INSPECTIONS
        audit = page.current_audit() if audits else None
        live = audit is not None and audit.cancelled_on is None
        case = page.current_case() if live else None
        self.new_audit_action.setEnabled(audits)
        self.edit_audit_action.setEnabled(audit is not None)
        self.cancel_audit_action.setEnabled(live)
        self.reinstate_audit_action.setEnabled(audit is not None and not live)
        self.add_cases_action.setEnabled(live)
        self.edit_case_action.setEnabled(case is not None)
        self.withdraw_case_action.setEnabled(case is not None)
        self.add_audit_action_action.setEnabled(live)
        self.grading_scale_action.setEnabled(audits)
        inspection = page.current_inspection() if inspections else None
        open_ = inspection is not None and not inspection.withdrawn
        item = page.current_plan_item() if open_ else None
        self.new_inspection_action.setEnabled(inspections)
        self.edit_inspection_action.setEnabled(inspection is not None)
        self.withdraw_inspection_action.setEnabled(open_)
        self.reinstate_inspection_action.setEnabled(inspection is not None and not open_)
        self.add_plan_item_action.setEnabled(open_)
        self.edit_plan_item_action.setEnabled(item is not None)
        self.plan_done_action.setEnabled(item is not None and item.status is not PlanStatus.DONE)
        self.review_action.setEnabled(open_)

    def _show_page(self, tab: int) -> None:
        self.window.show_page(self.window.PAGE_QUALITY)
        self.page.show_tab(tab)
        self.page.ensure_current()

    def _after(self, message: str, *, audit_id: int | None = None, case_id: int | None = None,
               inspection_id: int | None = None, item_id: int | None = None) -> None:
        """Show the change: read the page again, choose what was changed, say what happened."""
        self.window.refresh()
        page = self.page
        page.ensure_current()
        if audit_id is not None:
            page.select_audit(audit_id)
        if case_id is not None:
            page.select_case(case_id)
        if inspection_id is not None:
            page.select_inspection(inspection_id)
        if item_id is not None:
            page.select_plan_item(item_id)
        self.window.statusBar().showMessage(message, 8000)

    def _push_fields(self, text: str, *, entity: str, what: Callable[[Any], str], read: Callable[[], Any],
                     save: Callable[[Any, str], Any], before: Any, after: Any, fields: Sequence[str],
                     undo_as: str = "reverted", redo_as: str = "edited") -> bool:
        """Put a change already made to one record on the undo stack (only the fields it changed)."""
        changed = _changed(before, after, fields)
        if not changed:
            return False
        store = self.store

        def restore(source: Any, expect: Any, action: str) -> None:
            store.restore_fields(what, entity=entity, read=read, save=lambda r: save(r, action), source=source,
                                 expect=expect, fields=changed)

        self.window._push(text, lambda: restore(before, after, undo_as), lambda: restore(after, before, redo_as))
        return True

    # --- audits ------------------------------------------------------------------------------
    def _audit_restorer(self, audit_id: int):
        def read() -> Audit:
            return self.window.store.quality.audit(audit_id)

        def save(a: Audit, action: str) -> Audit:
            return self.window.store.quality.update_audit(a, action=action)

        return read, save

    def _audit_dialog(self, audit: Audit, save: Callable[[Audit], object]):
        from mqp_desktop.ui.dialogs.quality_dialogs import AuditDialog

        store = self.store
        fixed = sorted({c.agency_id for c in self.repo.cases(audit.id) if c.agency_id is not None}) if audit.id else []
        return AuditDialog(audit, members=[m for m in store.members() if not m.is_vacant and
                                           (m.is_active() or m.id == audit.lead_member_id)],
                           agencies=store.agencies(), meetings=store.meetings.list(), save=save,
                           fixed_agency_ids=fixed, parent=self.window)

    def new_audit(self) -> None:
        if self.store is None:
            return
        self._show_page(TAB_AUDITS)

        def save(audit: Audit) -> Audit:
            added = self.repo.add_audit(audit)
            read, store_it = self._audit_restorer(added.id)
            cancelled = dataclasses.replace(added, cancelled_on=dt.date.today(), cancel_reason=ADDED_IN_ERROR)
            self._push_fields(f"adding the audit '{added.title}'", entity="audit", what=lambda a: f"the audit "
                              f"'{a.title}'", read=read, save=store_it, before=cancelled, after=added,
                              fields=("cancelled_on", "cancel_reason"), undo_as="cancelled", redo_as="reinstated")
            self._after(f"Added the audit '{added.title}' (Ctrl+Z undoes it). Add its cases with Insert.",
                        audit_id=added.id)
            return added

        self.window.show_dialog(self._audit_dialog(Audit(title="", planned=None), save))

    def edit_audit(self) -> None:
        chosen = self.page.current_audit()
        if chosen is None or self.store is None:
            return
        audit_id = chosen.id
        seen = self.repo.audit(audit_id)

        def save(changed: Audit) -> Audit:
            saved = self.repo.update_audit(changed)
            base = dialog.conflict_base() or seen
            read, store_it = self._audit_restorer(audit_id)
            undoable = self._push_fields(f"edit of the audit '{saved.title}'", entity="audit",
                                         what=lambda a: f"the audit '{a.title}'", read=read, save=store_it,
                                         before=base, after=saved, fields=AUDIT_FIELDS)
            self._after(f"Saved the audit '{saved.title}'" + (" (Ctrl+Z undoes it)" if undoable else ""),
                        audit_id=audit_id)
            return saved

        dialog = self._audit_dialog(seen, save)
        self.window.show_dialog(dialog)

    def cancel_audit(self) -> None:
        from mqp_desktop.ui.dialogs.quality_dialogs import ReasonDialog

        audit = self.page.current_audit()
        if audit is None or self.store is None or audit.cancelled_on is not None:
            return
        audit_id = audit.id

        def save(on: dt.date, reason: str) -> Audit:
            before = self.repo.audit(audit_id)
            saved = self.repo.cancel_audit(audit_id, reason, on, seen=audit)
            read, store_it = self._audit_restorer(audit_id)
            self._push_fields(f"cancelling the audit '{saved.title}'", entity="audit",
                              what=lambda a: f"the audit '{a.title}'", read=read, save=store_it, before=before,
                              after=saved, fields=("cancelled_on", "cancel_reason"), undo_as="reinstated",
                              redo_as="cancelled")
            self._after(f"Cancelled the audit '{saved.title}' (Ctrl+Z undoes it)", audit_id=audit_id)
            return saved

        self.window.show_dialog(ReasonDialog(
            title="Cancel audit", ok_text="Cancel audit", save=save, parent=self.window,
            intro=f"The audit <b>{_html(audit.title)}</b> stays in the programme, marked cancelled with the date "
                  "and the reason; its cases and actions are kept."))

    def reinstate_audit(self) -> None:
        audit = self.page.current_audit()
        if audit is None or self.store is None or audit.cancelled_on is None:
            return
        audit_id = audit.id
        holder: dict[str, Audit] = {}

        def change() -> None:
            before = self.repo.audit(audit_id)
            holder["saved"] = saved = self.repo.reinstate_audit(audit_id, seen=audit)
            read, store_it = self._audit_restorer(audit_id)
            self._push_fields(f"reinstating the audit '{saved.title}'", entity="audit",
                              what=lambda a: f"the audit '{a.title}'", read=read, save=store_it, before=before,
                              after=saved, fields=("cancelled_on", "cancel_reason"), undo_as="cancelled",
                              redo_as="reinstated")

        if self.window._run(change, "Reinstate audit"):
            self._after(f"Reinstated the audit '{holder['saved'].title}' (Ctrl+Z undoes it)", audit_id=audit_id)

    # --- cases -------------------------------------------------------------------------------
    def _case_restorer(self, case_id: int):
        def read() -> AuditCase:
            return self.window.store.quality.case(case_id)

        def save(c: AuditCase, action: str) -> AuditCase:
            return self.window.store.quality.update_case(c, action=action)

        return read, save

    def _case_label(self, case: AuditCase) -> str:
        if case.agency_id is None:
            return case.reference
        return f"{case.reference} ({self.page.agency_names.get(case.agency_id, '')})"

    def _case_dialog(self, audit: Audit, case: AuditCase, save: Callable[[AuditCase], object]):
        from mqp_desktop.ui.dialogs.quality_dialogs import AuditCaseDialog

        names = self.page.agency_names or {a.id: a.label for a in self.store.agencies()}
        agencies = [(i, names.get(i, f"agency {i}")) for i in audit.agency_ids]
        if case.agency_id is not None and case.agency_id not in audit.agency_ids:
            agencies.append((case.agency_id, names.get(case.agency_id, "")))
        return AuditCaseDialog(case, audit_title=audit.title, agencies=agencies, grades=self.repo.grades(),
                               save=save, parent=self.window)

    def add_cases(self) -> None:
        audit = self.page.current_audit()
        if audit is None or self.store is None or audit.cancelled_on is not None:
            return
        audit_id = audit.id

        def save(case: AuditCase) -> AuditCase:
            added = self.repo.add_case(dataclasses.replace(case, audit_id=audit_id))
            read, store_it = self._case_restorer(added.id)
            withdrawn = dataclasses.replace(added, withdrawn_on=dt.date.today(), withdrawn_reason=ADDED_IN_ERROR)
            self._push_fields(f"adding case {self._case_label(added)}", entity="audit_case",
                              what=lambda c: f"case {c.reference}", read=read, save=store_it, before=withdrawn,
                              after=added, fields=("withdrawn_on", "withdrawn_reason"), undo_as="withdrawn",
                              redo_as="reinstated")
            self._after(f"Added case {self._case_label(added)} (Ctrl+Z undoes it)", audit_id=audit_id,
                        case_id=added.id)
            return added

        first_agency = audit.agency_ids[0] if audit.agency_ids else None
        self.window.show_dialog(self._case_dialog(audit, AuditCase(audit_id, "", agency_id=first_agency), save))

    def edit_case(self) -> None:
        audit = self.page.current_audit()
        chosen = self.page.current_case()
        if audit is None or chosen is None or self.store is None:
            return
        case_id = chosen.id
        seen = self.repo.case(case_id)

        def save(changed: AuditCase) -> AuditCase:
            saved = self.repo.update_case(changed)
            base = dialog.conflict_base() or seen
            read, store_it = self._case_restorer(case_id)
            undoable = self._push_fields(f"edit of case {self._case_label(saved)}", entity="audit_case",
                                         what=lambda c: f"case {c.reference}", read=read, save=store_it, before=base,
                                         after=saved, fields=CASE_FIELDS)
            self._after(f"Saved case {self._case_label(saved)}" + (" (Ctrl+Z undoes it)" if undoable else ""),
                        audit_id=audit.id, case_id=case_id)
            return saved

        dialog = self._case_dialog(audit, seen, save)
        self.window.show_dialog(dialog)

    def grade_selected_case(self, place: int) -> None:
        """Grade the selected case with the grade at ``place`` on the scale (0: not graded), then move on."""
        page = self.page
        audit, case = page.current_audit(), page.current_case()
        if audit is None or case is None or self.store is None or audit.cancelled_on is not None:
            return
        scale = page.scale()
        if place > len(scale):
            self.window.statusBar().showMessage(
                f"There is no grade {place}: the scale has {len(scale)} (" + ", ".join(
                    f"{n} {g.label}" for n, g in enumerate(scale, start=1)) + "; 0 clears).", 8000)
            return
        grade = scale[place - 1] if place else None
        grade_id = grade.id if grade else None
        if case.grade_id == grade_id:
            following = page.case_after(case.id)
            if following is not None:
                page.select_case(following)
            return
        case_id = case.id
        following = page.case_after(case_id)
        holder: dict[str, AuditCase] = {}

        def change() -> None:
            saved = self.repo.grade_case(case_id, grade_id, version=case.row_version)
            holder["saved"] = saved
            read, store_it = self._case_restorer(case_id)
            self._push_fields(f"grading case {self._case_label(saved)}", entity="audit_case",
                              what=lambda c: f"case {c.reference}", read=read, save=store_it, before=case,
                              after=saved, fields=("grade_id",))

        if self.window._run(change, "Grade case"):
            self.window.statusBar().showMessage(
                f"Case {self._case_label(case)}: {grade.label if grade else 'not graded'} (Ctrl+Z undoes it)", 6000)
            page.ensure_current()
            page.select_audit(audit.id)
            if not page.select_case(following if following is not None else case_id):
                page.select_case(case_id)
            page.cases_table.setFocus()

    def withdraw_case(self) -> None:
        from mqp_desktop.ui.dialogs.quality_dialogs import ReasonDialog

        audit, case = self.page.current_audit(), self.page.current_case()
        if audit is None or case is None or self.store is None:
            return
        case_id = case.id

        def save(on: dt.date, reason: str) -> AuditCase:
            saved = self.repo.withdraw_case(case_id, reason, on, seen=case)
            read, store_it = self._case_restorer(case_id)
            self._push_fields(f"withdrawing case {self._case_label(saved)}", entity="audit_case",
                              what=lambda c: f"case {c.reference}", read=read, save=store_it, before=case,
                              after=saved, fields=("withdrawn_on", "withdrawn_reason"), undo_as="reinstated",
                              redo_as="withdrawn")
            self._after(f"Withdrew case {self._case_label(saved)} from the audit (Ctrl+Z undoes it)",
                        audit_id=audit.id)
            return saved

        self.window.show_dialog(ReasonDialog(
            title="Withdraw case", ok_text="Withdraw case", save=save, parent=self.window,
            intro=f"Case <b>{_html(self._case_label(case))}</b> is taken out of <b>{_html(audit.title)}</b>: it stays "
                  "recorded with the date and reason, and leaves the grade summary."))

    # --- audit actions, into the action log ---------------------------------------------------------
    def add_audit_action(self) -> None:
        from mqp_desktop.ui.dialogs.quality_dialogs import AuditActionDialog

        audit = self.page.current_audit()
        if audit is None or self.store is None or audit.cancelled_on is not None:
            return
        audit_id = audit.id
        store = self.store
        meetings = store.meetings.list()
        default = audit.reported_meeting_id
        if default is None:
            past = [m for m in meetings if m.date <= dt.date.today() and m.status.value != "cancelled"]
            default = past[-1].id if past else None

        def items(meeting_id: int) -> list[tuple[int, str]]:
            agenda = store.agendas.agenda(meeting_id)
            return [(line.item.id, f"{line.number}. {line.item.title}") for line in agenda.lines]

        def save(action: Action) -> Action:
            added = self.repo.add_action(audit_id, action)
            self.window._push(f"adding action {added.number}", lambda: self._take_back_action(added.id),
                              lambda: self._put_back_action(added.id))
            self._after(f"Action {added.number} added to the action log from the audit (Ctrl+Z undoes it)",
                        audit_id=audit_id)
            self.page.audit_tabs.setCurrentIndex(2)
            return added

        self.window.show_dialog(AuditActionDialog(
            Action(meeting_id=default, description=""), audit_title=audit.title,  # type: ignore[arg-type]
            meetings=meetings, members=[m for m in store.members(include_ended=False) if not m.is_vacant],
            items=items, save=save, parent=self.window))

    def _take_back_action(self, action_id: int) -> None:
        """The undo of an audit's new action: recorded as dropped at its own meeting (as any action added in
        error; it stays linked to the audit, and its number stays taken)."""
        minutes = self.window.store.minutes
        a = minutes.action(action_id)
        elsewhere = [u for u in minutes.updates(action_id=action_id) if u.meeting_id != a.meeting_id]
        if elsewhere:
            raise ValidationError("action", f"Action {a.number} has had an update at a later meeting, so adding it "
                                            "is not undone here: record it as dropped at the meeting that dropped it.")
        minutes.restore_action_status(action_id, a.meeting_id, ActionStatus.DROPPED, ACTION_ADDED_IN_ERROR,
                                      action="undone")

    def _put_back_action(self, action_id: int) -> None:
        minutes = self.window.store.minutes
        a = minutes.action(action_id)
        minutes.restore_action_status(action_id, a.meeting_id, ActionStatus.OPEN, "", action="redone")

    # --- the grading scale -----------------------------------------------------------------------
    def grading_scale(self) -> None:
        from mqp_desktop.ui.dialogs.quality_dialogs import GradingScaleDialog, ScaleCalls

        if self.store is None:
            return

        def changed(result: Any, message: str) -> Any:
            self.window.refresh()
            self.page.ensure_current()
            self.window.statusBar().showMessage(message, 6000)
            return result

        def rename(grade: Grade, label: str) -> Any:
            saved = self.repo.rename_grade(dataclasses.replace(grade, label=label))
            return changed(saved, f"Grade '{grade.label}' renamed '{saved.label}'")

        calls = ScaleCalls(
            load=lambda: [(g, self.repo.grade_in_use(g.id)) for g in self.repo.grades()],
            add=lambda label: changed(self.repo.add_grade(label), f"Grade '{' '.join(label.split())}' added"),
            rename=rename,
            remove=lambda grade: changed(self.repo.remove_grade(grade.id, seen=grade),
                                         f"Grade '{grade.label}' removed from the scale"),
            move=lambda grade, offset: changed(self.repo.move_grade(grade.id, offset), f"Grade '{grade.label}' moved"),
        )
        self.window.show_dialog(GradingScaleDialog(calls, parent=self.window))

    # --- inspections -----------------------------------------------------------------------------
    def _inspection_restorer(self, inspection_id: int):
        def read() -> Inspection:
            return self.window.store.quality.inspection(inspection_id)

        def save(i: Inspection, action: str) -> Inspection:
            return self.window.store.quality.update_inspection(i, action=action)

        return read, save

    def _inspection_dialog(self, inspection: Inspection, save: Callable[[Inspection], object]):
        from mqp_desktop.ui.dialogs.quality_dialogs import InspectionDialog

        return InspectionDialog(inspection, agencies=self.store.agencies(), save=save, parent=self.window)

    def _inspection_name(self, i: Inspection) -> str:
        agency = self.page.agency_names.get(i.agency_id) or self.store.agency(i.agency_id).label
        return f"{agency}'s {i.inspectorate_label} inspection"

    def new_inspection(self) -> None:
        if self.store is None:
            return
        self._show_page(TAB_INSPECTIONS)

        def save(inspection: Inspection) -> Inspection:
            added = self.repo.add_inspection(inspection)
            read, store_it = self._inspection_restorer(added.id)
            withdrawn = dataclasses.replace(added, withdrawn_on=dt.date.today(), withdrawn_reason=ADDED_IN_ERROR)
            self._push_fields(f"adding {self._inspection_name(added)}", entity="inspection",
                              what=lambda i: "the inspection", read=read, save=store_it, before=withdrawn,
                              after=added, fields=("withdrawn_on", "withdrawn_reason"), undo_as="withdrawn",
                              redo_as="reinstated")
            self._after(f"Added {self._inspection_name(added)} (Ctrl+Z undoes it). Add its action plan with Insert.",
                        inspection_id=added.id)
            return added

        agencies = [a for a in self.store.agencies() if a.is_active()]
        first = agencies[0].id if agencies else None
        self.window.show_dialog(self._inspection_dialog(
            Inspection(agency_id=first, inspectorate=Inspectorate.OFSTED), save))  # type: ignore[arg-type]

    def edit_inspection(self) -> None:
        chosen = self.page.current_inspection()
        if chosen is None or self.store is None:
            return
        inspection_id = chosen.id
        seen = self.repo.inspection(inspection_id)

        def save(changed: Inspection) -> Inspection:
            saved = self.repo.update_inspection(changed)
            base = dialog.conflict_base() or seen
            read, store_it = self._inspection_restorer(inspection_id)
            undoable = self._push_fields(f"edit of {self._inspection_name(saved)}", entity="inspection",
                                         what=lambda i: "the inspection", read=read, save=store_it, before=base,
                                         after=saved, fields=INSPECTION_FIELDS)
            self._after(f"Saved {self._inspection_name(saved)}" + (" (Ctrl+Z undoes it)" if undoable else ""),
                        inspection_id=inspection_id)
            return saved

        dialog = self._inspection_dialog(seen, save)
        self.window.show_dialog(dialog)

    def withdraw_inspection(self) -> None:
        from mqp_desktop.ui.dialogs.quality_dialogs import ReasonDialog

        inspection = self.page.current_inspection()
        if inspection is None or self.store is None or inspection.withdrawn:
            return
        inspection_id = inspection.id

        def save(on: dt.date, reason: str) -> Inspection:
            saved = self.repo.withdraw_inspection(inspection_id, reason, on, seen=inspection)
            read, store_it = self._inspection_restorer(inspection_id)
            self._push_fields(f"withdrawing {self._inspection_name(saved)}", entity="inspection",
                              what=lambda i: "the inspection", read=read, save=store_it, before=inspection,
                              after=saved, fields=("withdrawn_on", "withdrawn_reason"), undo_as="reinstated",
                              redo_as="withdrawn")
            self._after(f"Withdrew {self._inspection_name(saved)} (Ctrl+Z undoes it)", inspection_id=inspection_id)
            return saved

        self.window.show_dialog(ReasonDialog(
            title="Withdraw inspection", ok_text="Withdraw", save=save, parent=self.window,
            intro=f"<b>{_html(self._inspection_name(inspection))}</b> stays recorded, marked withdrawn with the date "
                  "and the reason (e.g. recorded in error, or twice)."))

    def reinstate_inspection(self) -> None:
        inspection = self.page.current_inspection()
        if inspection is None or self.store is None or not inspection.withdrawn:
            return
        inspection_id = inspection.id

        def change() -> None:
            saved = self.repo.reinstate_inspection(inspection_id, seen=inspection)
            read, store_it = self._inspection_restorer(inspection_id)
            self._push_fields(f"reinstating {self._inspection_name(saved)}", entity="inspection",
                              what=lambda i: "the inspection", read=read, save=store_it, before=inspection,
                              after=saved, fields=("withdrawn_on", "withdrawn_reason"), undo_as="withdrawn",
                              redo_as="reinstated")

        if self.window._run(change, "Reinstate inspection"):
            self._after("Reinstated the inspection (Ctrl+Z undoes it)", inspection_id=inspection_id)

    # --- action plans ------------------------------------------------------------------------------
    def _plan_restorer(self, item_id: int):
        def read() -> PlanItem:
            return self.window.store.quality.plan_item(item_id)

        def save(p: PlanItem, action: str) -> PlanItem:
            return self.window.store.quality.update_plan_item(p, action=action)

        return read, save

    def _plan_heading(self, inspection: Inspection) -> str:
        return f"An item of the action plan following <b>{_html(self._inspection_name(inspection))}</b>."

    def add_plan_item(self) -> None:
        from mqp_desktop.ui.dialogs.quality_dialogs import PlanItemDialog

        inspection = self.page.current_inspection()
        if inspection is None or self.store is None or inspection.withdrawn:
            return
        inspection_id = inspection.id

        def save(item: PlanItem) -> PlanItem:
            added = self.repo.add_plan_item(dataclasses.replace(item, inspection_id=inspection_id))
            read, store_it = self._plan_restorer(added.id)
            dropped = dataclasses.replace(added, status=PlanStatus.DROPPED, closed_on=dt.date.today(),
                                          notes=ADDED_IN_ERROR)
            self._push_fields(f"adding the action-plan item '{added.action}'", entity="inspection_plan_item",
                              what=lambda p: f"the action-plan item '{p.action}'", read=read, save=store_it,
                              before=dropped, after=added, fields=("status", "closed_on", "notes"),
                              undo_as="dropped", redo_as="reinstated")
            self._after("Added the action-plan item (Ctrl+Z undoes it)", inspection_id=inspection_id,
                        item_id=added.id)
            return added

        self.window.show_dialog(PlanItemDialog(PlanItem(inspection_id, ""), heading=self._plan_heading(inspection),
                                               save=save, parent=self.window))

    def edit_plan_item(self) -> None:
        from mqp_desktop.ui.dialogs.quality_dialogs import PlanItemDialog

        inspection, chosen = self.page.current_inspection(), self.page.current_plan_item()
        if inspection is None or chosen is None or self.store is None:
            return
        item_id = chosen.id
        seen = self.repo.plan_item(item_id)

        def save(changed: PlanItem) -> PlanItem:
            saved = self.repo.update_plan_item(changed)
            base = dialog.conflict_base() or seen
            read, store_it = self._plan_restorer(item_id)
            undoable = self._push_fields(f"edit of the action-plan item '{saved.action}'",
                                         entity="inspection_plan_item", what=lambda p: f"the item '{p.action}'",
                                         read=read, save=store_it, before=base, after=saved, fields=PLAN_FIELDS)
            self._after("Saved the action-plan item" + (" (Ctrl+Z undoes it)" if undoable else ""),
                        inspection_id=inspection.id, item_id=item_id)
            return saved

        dialog = PlanItemDialog(seen, heading=self._plan_heading(inspection), save=save, parent=self.window)
        self.window.show_dialog(dialog)

    def plan_done(self) -> None:
        inspection, item = self.page.current_inspection(), self.page.current_plan_item()
        if inspection is None or item is None or self.store is None or item.status is PlanStatus.DONE:
            return
        item_id = item.id

        def change() -> None:
            saved = self.repo.complete_plan_item(item_id, dt.date.today(), seen=item)
            read, store_it = self._plan_restorer(item_id)
            self._push_fields(f"marking '{saved.action}' done", entity="inspection_plan_item",
                              what=lambda p: f"the item '{p.action}'", read=read, save=store_it, before=item,
                              after=saved, fields=("status", "closed_on", "notes"), undo_as="reopened",
                              redo_as="done")

        if self.window._run(change, "Mark item done"):
            self._after(f"'{item.action}' done today (Ctrl+Z undoes it)", inspection_id=inspection.id,
                        item_id=item_id)

    # --- reviews -----------------------------------------------------------------------------------
    def record_review(self) -> None:
        from mqp_desktop.ui.dialogs.quality_dialogs import InspectionReviewDialog

        inspection = self.page.current_inspection()
        if inspection is None or self.store is None or inspection.withdrawn:
            return
        inspection_id = inspection.id
        meetings = self.store.meetings.list()
        past = [m for m in meetings if m.date <= dt.date.today() and m.status.value != "cancelled"]

        def save(meeting_id: int, on: dt.date, note: str, follow_up: FollowUp, next_review: dt.date | None):
            before = self.repo.inspection(inspection_id)
            review = self.repo.add_review(inspection_id, meeting_id, on, note, follow_up=follow_up,
                                          next_review=next_review, seen=inspection)
            after = self.repo.inspection(inspection_id)
            read, store_it = self._inspection_restorer(inspection_id)
            fields = _changed(before, after, ("follow_up", "next_review"))
            store = self.store

            def undo() -> None:
                with store.write():
                    store.quality.set_review_removed(review.id, True, action="undone")
                    if fields:
                        store.restore_fields("the inspection", entity="inspection", read=read,
                                             save=lambda i: store_it(i, "reverted"), source=before, expect=after,
                                             fields=fields)

            def redo() -> None:
                with store.write():
                    store.quality.set_review_removed(review.id, False, action="redone")
                    if fields:
                        store.restore_fields("the inspection", entity="inspection", read=read,
                                             save=lambda i: store_it(i, "reviewed"), source=after, expect=before,
                                             fields=fields)

            self.window._push(f"recording the review of {self._inspection_name(after)}", undo, redo)
            title = next((m.title for m in meetings if m.id == meeting_id), "the meeting")
            self._after(f"Recorded the review at {_the(title)} (Ctrl+Z undoes it)", inspection_id=inspection_id)
            self.page.inspection_tabs.setCurrentIndex(2)
            return review

        self.window.show_dialog(InspectionReviewDialog(
            f"The subcommittee reviewed <b>{_html(self._inspection_name(inspection))}</b> (its findings and action "
            "plan) at a meeting. Say what it concluded, and how it will follow it up.",
            meetings=meetings, follow_up=inspection.follow_up, next_review=inspection.next_review, save=save,
            default_meeting=past[-1].id if past else None, parent=self.window))


def _html(text: str) -> str:
    import html

    return html.escape(text)


__all__ = ["QualityController", "format_date", "StoreError"]

"""Governance records for the demonstration database, dated from the demo's meetings (themselves dated from
``today``), so the demo always looks current. Nothing in it is real; cases appear by reference only.

* **Case reviews** (ToR 7.7): a published local child safeguarding practice review with two briefings of
  its learning and an action in the action log; a rapid review held last month; a referral to the national
  panel, not yet decided.
* **Training** (ToR 7.5, 7.6): a course reviewed at a meeting (attendance by agency, evaluation, gaps fed to
  the workforce strategy), one delivered and waiting for review, one planned.
* **Documents** (ToR 7.1): a procedure endorsed with amendments and awaiting the Executive's sign-off, a
  protocol signed off, and the Terms of Reference's current version (signed off after the January 2023
  version, which it supersedes); the chair's review (ToR 2).
* **Attendance follow-up** (ToR 5): two letters to members below the standard with their outcomes
  (attendance improved; a permanent substitute named) and one sent by post whose reply is overdue.
"""

from __future__ import annotations

import datetime as dt

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.governance.case_reviews import CaseReview, Dissemination, DisseminationKind, ReviewKind
from mqp_desktop.domain.governance.documents import (
    DocumentKind,
    GovernanceDocument,
    Office,
    OfficeOutcome,
    OfficeReview,
    Outcome,
)
from mqp_desktop.domain.governance.followups import AttendanceLetter, LetterSource
from mqp_desktop.domain.governance.followups import Outcome as LetterOutcome
from mqp_desktop.domain.governance.training import TrainingCourse
from mqp_desktop.domain.meetings import MeetingStatus
from mqp_desktop.store.store import Store

WEEK = dt.timedelta(weeks=1)
DAY = dt.timedelta(days=1)


def fill_governance_demo(store: Store, today: dt.date) -> None:
    held = [m for m in store.meetings.list()
            if m.date < today - WEEK and m.status in (MeetingStatus.HELD, MeetingStatus.RECONVENED)]
    if len(held) < 3:
        return
    agencies = {a.label: a.id for a in store.agencies()}
    members = {m.name: m for m in store.members() if m.name}
    g = store.governance

    def ids(*labels: str) -> tuple[int, ...]:
        return tuple(agencies[label] for label in labels if label in agencies)

    def member(name: str) -> int | None:
        m = members.get(name)
        return m.id if m is not None else None

    with store.write():
        # --- case reviews -------------------------------------------------------------------------
        first, latest = held[0], held[-1]
        lcspr = g.case_reviews.add(CaseReview(
            reference="LCSPR-2025-02", kind=ReviewKind.LCSPR,
            agency_ids=ids("LA Children's Services", "Police", "SWL ICB", "Education"),
            referred_on=first.date - 30 * WEEK, rapid_review_on=first.date - 27 * WEEK,
            concerns="Neglect of a child aged 4 known to several agencies over three years; escalation between "
                     "agencies did not happen when concerns were not acted on.",
            learning="Practitioners need confidence to escalate under the resolution and escalation protocol.\n"
                     "Graded Care Profile 2 was not used, so the cumulative impact of neglect was not seen.\n"
                     "Health visiting and early years settings did not share what they saw.",
            meeting_id=held[1].id), today=today)
        lcspr.published_on = held[1].date - 2 * WEEK
        lcspr = g.case_reviews.update(lcspr, today=today)
        g.case_reviews.add_dissemination(lcspr.id, Dissemination(
            None, held[1].date + 3 * WEEK, "Designated safeguarding leads in schools and early years settings",
            kind=DisseminationKind.BRIEFING, reached=64,
            notes="Seven-minute briefing on escalation and Graded Care Profile 2."), today=today)
        g.case_reviews.add_dissemination(lcspr.id, Dissemination(
            None, min(today, held[2].date + WEEK), "Health visitors and social work teams (multi-agency)",
            kind=DisseminationKind.LEARNING_EVENT, reached=85,
            notes="Learning event, two sessions; slides and recording on the partnership's website."), today=today)
        g.case_reviews.add_action(lcspr.id, Action(
            meeting_id=latest.id, description="Audit the use of Graded Care Profile 2 in health visiting six months "
                                              "after the learning event",
            owner_member_id=member("Margaret Ansah"), owner_name="" if member("Margaret Ansah") else "CLCH lead",
            due_date=latest.date + 12 * WEEK))
        g.case_reviews.add(CaseReview(
            reference="RR-2026-05", kind=ReviewKind.RAPID_REVIEW,
            agency_ids=ids("Police", "St George's", "LA Children's Services"),
            referred_on=latest.date - 5 * WEEK, rapid_review_on=latest.date - 2 * WEEK, meeting_id=latest.id,
            concerns="Serious injury to an infant; a referral from the emergency department was not followed by a "
                     "strategy discussion within the expected time.",
            learning="Out-of-hours routes from the emergency department to children's social care need checking.",
            notes="The rapid review recommends a local review: the decision goes to the safeguarding partners."),
            today=today)
        g.case_reviews.add(CaseReview(
            reference="NR-2026-01", kind=ReviewKind.NATIONAL_REFERRAL,
            agency_ids=ids("Police", "Probation", "LA Children's Services"),
            referred_on=min(today, latest.date + DAY),
            concerns="Child exploitation across local authority boundaries; referred to the national panel for a "
                     "thematic review."), today=today)

        # --- training -------------------------------------------------------------------------------
        g.training.add(TrainingCourse(
            title="Neglect: using the Graded Care Profile 2", provider="WSCP training team",
            starts_on=held[1].date + 2 * WEEK, places=40,
            attendance={k: v for k, v in zip(ids("LA Children's Services", "CLCH", "Education", "Police",
                                                 "St George's", "VCS"), (12, 9, 8, 3, 4, 2))},
            evaluation="34 of 38 who completed the evaluation rated it good or very good; confidence in recognising "
                       "neglect rose from 2.9 to 4.1 out of 5.",
            gaps="Police and GP practices are under-represented; the workforce strategy should fund a short online "
                 "module for GPs and a session at the police training day.",
            fed_to_strategy_on=held[2].date + WEEK, meeting_id=held[2].id), today=today)
        g.training.add(TrainingCourse(
            title="Child exploitation and contextual safeguarding", provider="Safer London",
            starts_on=latest.date - 3 * WEEK, ends_on=latest.date - 3 * WEEK + DAY, places=30,
            attendance={k: v for k, v in zip(ids("LA Children's Services", "Police", "Education", "Community Safety",
                                                 "Housing"), (10, 6, 5, 3, 2))},
            evaluation="Feedback forms returning; first reading positive."), today=today)
        g.training.add(TrainingCourse(
            title="Working Together 2023: what changed for partners", provider="WSCP business team",
            starts_on=today + 5 * WEEK, places=60, notes="Open to all partner agencies; booking through the website."),
            today=today)

        # --- documents and the Terms of Reference -----------------------------------------------------------
        docs = g.documents
        escalation = docs.add(GovernanceDocument(
            title="Resolution and escalation procedure", kind=DocumentKind.PROCEDURE, version="3.0",
            owner="Head of Safeguarding Standards Service", owner_agency_id=agencies.get("LA Children's Services")),
            today=today)
        docs.record_review(escalation.id, latest.id, Outcome.AMENDED,
                           "Add the named escalation contacts for health and police; shorten the timescales at "
                           "stage 2.", today=today)
        docs.send_to_executive(escalation.id, min(today, latest.date + 2 * WEEK), today=today)
        protocol = docs.add(GovernanceDocument(
            title="Information sharing protocol", kind=DocumentKind.PROTOCOL, version="2.1",
            owner="Senior Public Health Lead", owner_agency_id=agencies.get("Public Health")), today=today)
        docs.record_review(protocol.id, held[1].id, Outcome.ENDORSED, today=today)
        docs.send_to_executive(protocol.id, held[1].date + WEEK, today=today)
        docs.sign_off(protocol.id, held[1].date + 4 * WEEK, today=today)
        tor_signed = first.date + 2 * WEEK
        docs.record_tor_version("January 2026", tor_signed, meeting_id=first.id, outcome=Outcome.ENDORSED,
                                notes="Reviewed at the January meeting; quorum and attendance wording unchanged; "
                                      "Working Together 2023 references added.", today=today)
        sc = store.subcommittee()
        if sc.chair.member_id is not None:
            g.office_reviews.record(OfficeReview(
                Office.CHAIR, first.date, OfficeOutcome.CONTINUES, meeting_id=first.id,
                note="The subcommittee confirmed the chair for another year."), today=today)

        # --- attendance follow-up (ToR 5) ------------------------------------------------------------------
        sent = held[-2].date + WEEK
        report = store.meetings.report(sent - 52 * WEEK, sent)
        below = report.members_below_standard
        outcomes = ((LetterOutcome.IMPROVED, "", "Attended the last two meetings in person."),
                    (LetterOutcome.SUBSTITUTE, "", "Named a permanent substitute for the seat."))
        for row, (outcome, _sub, note) in zip(below, outcomes):
            substitute = (row.member.deputy_name or "Sam Adeyemi") if outcome is LetterOutcome.SUBSTITUTE else ""
            letter = g.followups.add(AttendanceLetter(
                member_id=row.member.id, sent_on=sent, period_start=report.start, period_end=report.end,
                rate=None if row.rate is None else int(row.rate * 10) / 10, standard=report.standard,
                source=LetterSource.WRITTEN, file_name=f"Attendance letter - {row.member.display_name}.docx"),
                today=today)
            g.followups.record_outcome(letter.id, outcome, on=min(today, sent + 3 * WEEK),
                                       substitute_name=substitute, notes=note, today=today)
        # one written another way, its reply overdue (the member has no email address: sent by post)
        silent = next((m for m in store.members(include_ended=False)
                       if m.name and not m.email and m.id not in {r.member.id for r in below}), None)
        if silent is not None:
            g.followups.add(AttendanceLetter(member_id=silent.id, sent_on=today - 6 * WEEK,
                                             notes="Sent by post: no email address is recorded."), today=today)

"""A database with one thing of each kind that falls due, at known dates, and closed ones beside them.

``TODAY`` is Wednesday 10 June 2026. Every record is made through the store's own repositories (as the
window and ``mqp`` make them), so what the due list reads is what the program writes. ``build(store)``
returns the ids of what it made, by name, so tests can say which record each line must be.

Worked by hand (days overdue = TODAY - due; negative: days left):

====================  ===========  =====  ===========================================================
kind                  due          days   the record
====================  ===========  =====  ===========================================================
action                2026-05-01    40    2026-03/1, Jo Bloggs (another, done, and one dropped: out)
challenge             2026-05-27    14    CH-2026-001 to Police (one closed, one answered: out)
attendance_letter     2026-05-29    12    to Priya Shah, sent 1 May (4 weeks); one with an outcome: out
s11_return            2026-05-31    10    the round's deadline, Police's return (ICB's received: out)
inspection_plan       2026-06-03     7    Ofsted plan item (a done item: out)
audit_action          2026-06-10     0    2026-03/2, from the front door audit, Sam Lee: due today
tor_review            2026-06-15    -5    ToR "June 2025", signed 15 Jun 2025 (+12 months; the
                                          template's January 2023 version is superseded: out)
transfer_answer       2026-06-17    -7    WT-2026-001, sent 20 May (+28 days) (a withdrawn one: out)
chair_review          2026-06-20   -10    the chair, Jo Bloggs (the co-chair: no date)
paper                 2026-06-30   -20    for item 1 of the 14 July meeting (a received one: out)
s11_action            2026-07-10   -30    ICB's action plan (a done one: out)
document_review       2026-08-01   -52    Information sharing protocol 2.0 (a withdrawn one: out)
====================  ===========  =====  ===========================================================
"""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 6, 10)

EXPECTED = (  # (kind, due, days overdue), in the list's order
    ("action", dt.date(2026, 5, 1), 40),
    ("challenge", dt.date(2026, 5, 27), 14),
    ("attendance_letter", dt.date(2026, 5, 29), 12),
    ("s11_return", dt.date(2026, 5, 31), 10),
    ("inspection_plan", dt.date(2026, 6, 3), 7),
    ("audit_action", dt.date(2026, 6, 10), 0),
    ("tor_review", dt.date(2026, 6, 15), -5),
    ("transfer_answer", dt.date(2026, 6, 17), -7),
    ("chair_review", dt.date(2026, 6, 20), -10),
    ("paper", dt.date(2026, 6, 30), -20),
    ("s11_action", dt.date(2026, 7, 10), -30),
    ("document_review", dt.date(2026, 8, 1), -52),
)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def build(store) -> dict[str, int]:
    """Fill ``store`` (seeded from the Wandsworth template) with the records above; their ids by name."""
    from mqp_desktop.domain.actions import Action, ActionStatus
    from mqp_desktop.domain.agenda import AgendaItem
    from mqp_desktop.domain.challenges import Challenge, Verdict
    from mqp_desktop.domain.governance.documents import DocumentKind, GovernanceDocument
    from mqp_desktop.domain.governance.followups import AttendanceLetter
    from mqp_desktop.domain.governance.followups import Outcome as LetterOutcome
    from mqp_desktop.domain.meetings import Meeting
    from mqp_desktop.domain.partnership import Direction, PartnershipBody, WorkTransfer
    from mqp_desktop.domain.quality import Audit, Inspection, Inspectorate, PlanItem
    from mqp_desktop.domain.section11 import ActionItem
    from mqp_desktop.domain.section11 import ActionStatus as S11Status
    from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo

    ids: dict[str, int] = {}
    agencies = {a.label: a for a in store.agencies()}
    police, icb, clch = agencies["Police"], agencies["SWL ICB"], agencies["CLCH"]
    seats = {m.agency_id: m for m in reversed(store.members())}

    def name_seat(agency, name: str, email: str):
        member = seats[agency.id]
        member.name, member.email, member.start_date = name, email, d("2025-01-01")
        return store.update_member(member, action="named")

    jo = name_seat(agencies["LA Children's Services"], "Jo Bloggs", "jo.bloggs@example.gov.uk")
    mark = name_seat(police, "DI Mark Ellison", "mark.ellison@example.police.uk")
    priya = name_seat(clch, "Priya Shah", "priya.shah@example.nhs.uk")
    helen = name_seat(icb, "Dr Helen Carter", "helen.carter@example.nhs.net")
    ids.update(jo=jo.id, mark=mark.id, priya=priya.id, helen=helen.id)

    # --- meetings, actions, an audit's action -------------------------------------------------------
    held = store.meetings.add(Meeting(date=d("2026-03-10"), venue="Town Hall"))
    store.meetings.mark_held(held.id)
    planned = store.meetings.add(Meeting(date=d("2026-07-14"), venue="Town Hall"))
    ids.update(held_meeting=held.id, planned_meeting=planned.id)
    mins = store.minutes
    action = mins.add_action(Action(meeting_id=held.id, description="Circulate the neglect audit findings",
                                    owner_member_id=jo.id, due_date=d("2026-05-01")))
    done = mins.add_action(Action(meeting_id=held.id, description="Book the venue", owner_member_id=jo.id,
                                  due_date=d("2026-04-01")))
    dropped = mins.add_action(Action(meeting_id=held.id, description="Write to the ICB", owner_name="Sam Lee",
                                     due_date=d("2026-04-15")))
    undated = mins.add_action(Action(meeting_id=held.id, description="Keep an eye on the trend", owner_name="Sam Lee"))
    q = store.quality
    audit = q.add_audit(Audit(title="Front door audit"))
    audit_action = q.add_action(audit.id, Action(meeting_id=held.id, description="Report the re-referral sample",
                                                 owner_name="Sam Lee", due_date=TODAY))
    ids.update(action=action.id, audit_action=audit_action.id, audit=audit.id, action_done=done.id,
               action_dropped=dropped.id, action_undated=undated.id)

    # --- a paper for the planned meeting --------------------------------------------------------------
    ag = store.agendas
    item = ag.add_item(AgendaItem(meeting_id=planned.id, title="Neglect strategy", minutes=20))
    paper = ag.request_paper(item.id, title="Neglect strategy: draft", author_name="Dr Ama Boateng",
                             author_email="ama@example.org", requested_on=d("2026-06-01"), deadline=d("2026-06-30"))
    received = ag.request_paper(item.id, title="Neglect data pack", author_name="Jo Bloggs",
                                requested_on=d("2026-06-01"), deadline=d("2026-06-05"))
    ag.mark_received(received.id, d("2026-06-04"))
    ids.update(item=item.id, paper=paper.id, paper_received=received.id)

    # --- challenges -----------------------------------------------------------------------------------
    ch = store.challenges
    challenge = ch.add(Challenge(question="Why did repeat missing episodes rise?", agency_id=police.id,
                                 subject_text="Missing episodes", raised_on=d("2026-04-01"), to_member_id=mark.id,
                                 due_date=d("2026-05-27")))
    closed = ch.add(Challenge(question="Health assessments on time?", agency_id=icb.id, subject_text="IHAs",
                              raised_on=d("2026-04-01"), due_date=d("2026-05-01")))
    ch.respond(closed.id, "They are now.", d("2026-04-20"), today=TODAY)
    ch.review(closed.id, Verdict.ACCEPTED, on=d("2026-04-25"), today=TODAY)
    answered = ch.add(Challenge(question="Return interviews?", agency_id=clch.id, subject_text="Return interviews",
                                raised_on=d("2026-04-01"), due_date=d("2026-05-02")))
    ch.respond(answered.id, "Within 72 hours in 80% of cases.", d("2026-05-20"), today=TODAY)
    ids.update(challenge=challenge.id, challenge_closed=closed.id, challenge_answered=answered.id)

    # --- an inspection's action plan ------------------------------------------------------------------
    inspection = q.add_inspection(Inspection(agency_id=agencies["LA Children's Services"].id,
                                             inspectorate=Inspectorate.OFSTED, inspection_type="ILACS inspection",
                                             published=d("2026-02-20")))
    plan_item = q.add_plan_item(PlanItem(inspection.id, "Audit supervision quarterly", owner="Head of Service",
                                         due=d("2026-06-03")))
    plan_done = q.add_plan_item(PlanItem(inspection.id, "Refresh the supervision policy", owner="Head of Service",
                                         due=d("2026-05-01")))
    q.complete_plan_item(plan_done.id, d("2026-04-28"))
    ids.update(inspection=inspection.id, plan_item=plan_item.id, plan_done=plan_done.id)

    # --- Section 11: a return not received, an action plan item --------------------------------------
    s11 = Section11Repo(store)
    rnd = s11.create_round("Section 11 audit 2026", s11.framework(DEFAULT_FRAMEWORK), "score", [police.id, icb.id],
                           d("2026-03-01"), d("2026-05-31"))
    returns = {r.agency_id: r for r in s11.returns(rnd.id)}
    s11.mark_received(returns[icb.id].id, d("2026-05-20"))
    s11_action = s11.add_action(ActionItem(returns[icb.id].id, "Bring training completion up to 90%",
                                           owner="Dr Helen Carter", due=d("2026-07-10")), today=TODAY)
    s11_done = s11.add_action(ActionItem(returns[icb.id].id, "Name a deputy", owner="Dr Helen Carter",
                                         due=d("2026-05-01")), today=TODAY)
    s11_done.status, s11_done.closed = S11Status.DONE, d("2026-04-30")
    s11.update_action(s11_done, today=TODAY)
    ids.update(s11_round=rnd.id, s11_return=returns[police.id].id, s11_return_received=returns[icb.id].id,
               s11_action=s11_action.id, s11_action_done=s11_done.id)

    # --- a work transfer waiting for its answer --------------------------------------------------------
    p = store.partnership
    store.agendas.set_setting("partnership_priorities", ["Neglect"])
    priority = ("Neglect",)
    body = p.add_body(PartnershipBody(name="Neglect Task Group", chair_name="Dr Ruth Okonjo",
                                      chair_email="ruth@example.org"))
    transfer = p.add_transfer(WorkTransfer(direction=Direction.FROM_US, body_id=body.id, written_on=d("2026-05-18"),
                                           work="A learning review of re-referrals", reason="Their remit",
                                           outcomes="A briefing", priorities=priority), today=TODAY)
    p.send(transfer.id, d("2026-05-20"), today=TODAY)
    withdrawn = p.add_transfer(WorkTransfer(direction=Direction.FROM_US, body_id=body.id, written_on=d("2026-05-18"),
                                            work="Another review", reason="Their remit", outcomes="A briefing",
                                            priorities=priority),
                               today=TODAY)
    p.send(withdrawn.id, d("2026-05-19"), today=TODAY)
    p.withdraw(withdrawn.id, d("2026-05-25"), "Sent in error", today=TODAY)
    ids.update(body=body.id, transfer=transfer.id, transfer_withdrawn=withdrawn.id)

    # --- attendance letters ---------------------------------------------------------------------------
    g = store.governance
    letter = g.followups.add(AttendanceLetter(member_id=priya.id, sent_on=d("2026-05-01"), rate=50.0, standard=80),
                             today=TODAY)
    answered_letter = g.followups.add(AttendanceLetter(member_id=mark.id, sent_on=d("2026-04-01")), today=TODAY)
    g.followups.record_outcome(answered_letter.id, LetterOutcome.IMPROVED, on=d("2026-04-20"), today=TODAY)
    ids.update(letter=letter.id, letter_answered=answered_letter.id)

    # --- the chair's review, the Terms of Reference, a document -----------------------------------------
    sc = store.subcommittee()
    sc.chair.member_id, sc.chair.review_due = jo.id, d("2026-06-20")
    store.update_subcommittee(sc)
    tor = g.documents.record_tor_version("June 2025", d("2025-06-15"), today=TODAY)
    protocol = g.documents.add(GovernanceDocument(title="Information sharing protocol", kind=DocumentKind.PROTOCOL,
                                                  version="2.0", owner="Senior Public Health Lead"), today=TODAY)
    g.documents.sign_off(protocol.id, d("2025-08-01"), d("2026-08-01"), today=TODAY)
    gone = g.documents.add(GovernanceDocument(title="Old escalation procedure", kind=DocumentKind.PROCEDURE,
                                              version="1.0"), today=TODAY)
    g.documents.sign_off(gone.id, d("2024-01-10"), d("2025-01-10"), today=TODAY)
    g.documents.withdraw(gone.id, d("2025-02-01"), "Replaced by the partnership's procedure", today=TODAY)
    ids.update(tor=tor.id, protocol=protocol.id, document_withdrawn=gone.id, subcommittee=sc.id)

    # the closed action and the dropped one, last (their statuses given at the held meeting)
    mins.update_action_status(done.id, ActionStatus.DONE, held.id, "Booked", d("2026-03-10"))
    mins.update_action_status(dropped.id, ActionStatus.DROPPED, held.id, "Not needed", d("2026-03-10"))
    return ids


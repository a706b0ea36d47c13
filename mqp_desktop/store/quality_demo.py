"""Multi-agency audits and single-agency inspections for the demonstration database.

Dated from ``today`` so the demo always looks current:

* the **front door audit** (neglect and re-referrals; a practice audit led by the Head of the
  Safeguarding Standards Service): completed, reported to the most recent past meeting, eight case
  gradings over six cases by four agencies, findings and learning, and two actions in that
  meeting's action log;
* an audit **in progress** (domestic abuse: the voice of the child), four cases of which two are
  graded so far;
* an audit **planned** for three months ahead (exploitation: transition to adulthood), with no cases;
* the **Ofsted ILACS inspection** of children's services (published four months ago, judged Good):
  findings, lessons, an action plan of four items — one done, one **overdue**, two not yet due —
  reviewed at a meeting two months ago, being monitored;
* the **HMICFRS PEEL inspection** of the police (published six weeks ago): an action plan of three
  items, one due soon, not reviewed yet.

Cases appear by reference only. Nothing here is real.
"""

from __future__ import annotations

import datetime as dt

from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.meetings import Meeting, MeetingStatus
from mqp_desktop.domain.quality import (
    Audit,
    AuditCase,
    AuditKind,
    FollowUp,
    Inspection,
    Inspectorate,
    PlanItem,
    PlanStatus,
)
from mqp_desktop.store.store import Store

FRONT_DOOR_TITLE = "Neglect at the front door: re-referrals"
FRONT_DOOR_CASES = (
    # reference, agency (short name), grade, notes
    ("NEG-25-01", "LA Children's Services", "Good", "Timely strategy discussion; the child's views recorded."),
    ("NEG-25-01", "Police", "Requires improvement", "Police checks completed a day late."),
    ("NEG-25-02", "LA Children's Services", "Requires improvement", "Closed at assessment without a plan for "
                                                                    "school attendance."),
    ("NEG-25-02", "CLCH", "Requires improvement", "Health visitor not invited to the strategy discussion."),
    ("NEG-25-03", "LA Children's Services", "Inadequate", "Third referral in a year; earlier history not "
                                                          "weighed; chronology missing."),
    ("NEG-25-04", "LA Children's Services", "Good", ""),
    ("NEG-25-04", "Education", "Good", "Designated safeguarding lead's referral was clear and well evidenced."),
    ("NEG-25-05", "LA Children's Services", "Outstanding", "Graded Care Profile 2 used with the family; "
                                                           "outcomes improved within three months."),
)
FRONT_DOOR_FINDINGS = (
    "Five families re-referred within twelve months were audited by children's social care, the police, the "
    "community health trust and education.\n\n"
    "- Thresholds were applied consistently at the front door in four of the five cases.\n"
    "- Where cases were closed at assessment, the plan for the family after closure was unclear in two.\n"
    "- Health visitors were not routinely invited to strategy discussions about children under five.\n"
    "- Chronologies were missing or out of date in half the cases, so earlier referrals were not weighed."
)
FRONT_DOOR_LEARNING = (
    "Re-referral reflects how cases are closed as much as how they are opened: a closure summary shared "
    "with the family's universal services would have prevented two of the re-referrals. Chronologies need an "
    "owner in every agency."
)
FRONT_DOOR_ACTIONS = (
    ("Add a closure summary to universal services to the assessment closure template", "Amara Okafor", 8),
    ("Invite the health visitor to every strategy discussion about a child under five", "Joanne Price", 6),
)

INSPECTIONS = {
    "ofsted": {
        "agency": "LA Children's Services",
        "findings": (
            "Children's services are judged good overall.\n\n"
            "- Help and protection: good. Strong multi-agency front door; thresholds understood by partners.\n"
            "- Children in care: good. Stable placements; care leavers well supported.\n"
            "- Leaders: good, with a clear understanding of practice from audit.\n\n"
            "Areas for improvement: the quality of plans for children in need, and the timeliness of "
            "return-home interviews for children missing from home."
        ),
        "lessons": (
            "The partnership's multi-agency audit programme was cited as evidence of leaders knowing their "
            "practice. Partners should take the findings on children-in-need plans into the next audit."
        ),
        "plan": (
            ("Relaunch the children-in-need plan template with SMART outcomes", "Head of Service, CIN", -100,
             PlanStatus.DONE, "Relaunched at the practice week; used in all new plans."),
            ("Offer every child missing from home a return interview within 72 hours", "Missing and "
             "Exploitation Lead", -20, PlanStatus.IN_PROGRESS, "72% within 72 hours last quarter."),
            ("Audit twenty children-in-need plans and report to the subcommittee", "Head of Safeguarding "
             "Standards", 45, PlanStatus.OPEN, ""),
            ("Train team managers in the new supervision framework", "Principal Social Worker", 90,
             PlanStatus.OPEN, ""),
        ),
    },
    "peel": {
        "agency": "Police",
        "findings": (
            "Protecting vulnerable people: requires improvement. Officers recognise vulnerability at first "
            "contact, but referrals to children's social care after domestic abuse incidents are sometimes late, "
            "and the voice of the child is not always recorded."
        ),
        "lessons": (
            "Late police notifications affect the front door's timeliness: the subcommittee should see the "
            "notification times in the dataset."
        ),
        "plan": (
            ("Send domestic abuse notifications involving children within 24 hours", "DI, Safeguarding Hub", 21,
             PlanStatus.IN_PROGRESS, ""),
            ("Record the child's own words in every domestic abuse report (body-worn video guidance)",
             "Superintendent, Public Protection", 120, PlanStatus.OPEN, ""),
            ("Report notification times to the partnership's dataset each quarter", "Performance Analyst", 75,
             PlanStatus.OPEN, ""),
        ),
    },
}


def _months(today: dt.date, months: int) -> dt.date:
    y, m = divmod(today.year * 12 + (today.month - 1) + months, 12)
    return dt.date(y, m + 1, min(today.day, 28))


def _nearest_held(meetings: list[Meeting], day: dt.date) -> Meeting | None:
    held = [m for m in meetings if m.status in (MeetingStatus.HELD, MeetingStatus.RECONVENED)]
    return min(held, key=lambda m: abs((m.date - day).days), default=None)


def fill_quality_demo(store: Store, today: dt.date) -> None:
    """Audits and inspections for the demo (see the module docstring). Runs after the minutes demo, so the
    front door audit's actions join the most recent meeting's draft minutes."""
    q = store.quality
    agencies = {a.label: a for a in store.agencies()}
    members = {m.name: m for m in store.members() if not m.is_vacant}
    grades = {g.label: g for g in q.grades()}
    meetings = store.meetings.list()
    past = [m for m in meetings if m.date < today and m.status in (MeetingStatus.HELD, MeetingStatus.RECONVENED)]
    latest = past[-1] if past else None
    with store.write():
        # the front door audit: completed, reported, graded, with actions
        taking_part = ("LA Children's Services", "Police", "CLCH", "Education")
        front = q.add_audit(Audit(
            FRONT_DOOR_TITLE, kind=AuditKind.PRACTICE, theme="Neglect; re-referrals",
            lead_member_id=members["Amara Okafor"].id,
            agency_ids=tuple(agencies[a].id for a in taking_part),
            planned=_months(today, -4), started=_months(today, -4) + dt.timedelta(days=3),
            completed=_months(today, -2), findings=FRONT_DOOR_FINDINGS, learning=FRONT_DOOR_LEARNING,
            notes="Cases chosen at random from re-referrals in the last twelve months.",
        ))
        for reference, agency, grade, notes in FRONT_DOOR_CASES:
            q.add_case(AuditCase(front.id, reference, agency_id=agencies[agency].id, grade_id=grades[grade].id,
                                 notes=notes))
        if latest is not None:
            front.reported_meeting_id, front.reported_on = latest.id, latest.date
            front = q.update_audit(front, action="reported")
            for description, owner, weeks in FRONT_DOOR_ACTIONS:
                member = members.get(owner)
                q.add_action(front.id, Action(
                    meeting_id=latest.id, description=description,
                    owner_member_id=member.id if member else None, owner_name="" if member else owner,
                    due_date=latest.date + dt.timedelta(weeks=weeks)))

        # an audit in progress
        voice = q.add_audit(Audit(
            "Domestic abuse: the voice of the child", kind=AuditKind.PRACTICE, theme="Domestic abuse; voice of "
            "the child", lead_agency_id=agencies["Police"].id,
            agency_ids=tuple(agencies[a].id for a in ("Police", "LA Children's Services", "St George's")),
            planned=_months(today, -1), started=today - dt.timedelta(days=20),
        ))
        for reference, agency, grade in (("DA-26-01", "Police", "Requires improvement"),
                                         ("DA-26-01", "LA Children's Services", "Good"),
                                         ("DA-26-02", "Police", None), ("DA-26-03", "St George's", None)):
            q.add_case(AuditCase(voice.id, reference, agency_id=agencies[agency].id,
                                 grade_id=grades[grade].id if grade else None))

        # an audit planned
        q.add_audit(Audit(
            "Exploitation: transition to adulthood", kind=AuditKind.ORGANISATIONAL,
            theme="Child exploitation; transitions", lead_member_id=members["Imogen Hart"].id,
            agency_ids=tuple(agencies[a].id for a in ("Community Safety", "LA Children's Services", "Probation",
                                                      "Housing")),
            planned=_months(today, 3),
        ))

        # the inspections
        spec = INSPECTIONS["ofsted"]
        ofsted = q.add_inspection(Inspection(
            agency_id=agencies[spec["agency"]].id, inspectorate=Inspectorate.OFSTED,
            inspection_type="ILACS standard inspection", inspected_from=_months(today, -5),
            inspected_to=_months(today, -5) + dt.timedelta(days=11), published=_months(today, -4),
            judgement="Good", key_findings=spec["findings"], lessons=spec["lessons"],
        ))
        _plan(q, ofsted.id, spec["plan"], today)
        reviewed_at = _nearest_held(meetings, _months(today, -2))
        if reviewed_at is not None:
            q.add_review(ofsted.id, reviewed_at.id, note="Action plan presented by the Head of Safeguarding "
                         "Standards; members asked for return-interview timeliness in the dataset.",
                         follow_up=FollowUp.MONITORING, next_review=_months(today, 1))

        spec = INSPECTIONS["peel"]
        peel = q.add_inspection(Inspection(
            agency_id=agencies[spec["agency"]].id, inspectorate=Inspectorate.HMICFRS,
            inspection_type="PEEL inspection", inspected_from=_months(today, -3),
            inspected_to=_months(today, -3) + dt.timedelta(days=4), published=today - dt.timedelta(weeks=6),
            judgement="Requires improvement (protecting vulnerable people)", key_findings=spec["findings"],
            lessons=spec["lessons"],
        ))
        _plan(q, peel.id, spec["plan"], today)


def _plan(q, inspection_id: int, items, today: dt.date) -> None:
    for action, owner, due_in_days, status, notes in items:
        due = today + dt.timedelta(days=due_in_days)
        closed = min(today, due) if status.closed else None
        q.add_plan_item(PlanItem(inspection_id, action, owner=owner, due=due, status=status, closed_on=closed,
                                 notes=notes))

"""Challenges for the demonstration database (ToR 6.3): raised at the demo's past meetings.

Dated from the meetings (themselves dated from ``today``), so the demo always looks current:

* two closed long ago: one whose response was accepted; one accepted only after further
  information was asked for;
* one closed without an accepted answer (escalated to the Executive);
* one whose response was not accepted, with a new due date still to come;
* one answered a few days ago, waiting for the subcommittee's review;
* one raised at the latest meeting, not yet due;
* exactly one overdue: raised two meetings ago, never answered;
* one withdrawn (raised twice).

Subjects are indicators, an audit and an inspection. Where the database holds the demo's
indicators (store/performance_demo.py, filled before this), a challenge about one points to it by
its code; otherwise, and for the audit and inspection, the subject is in words. The log does not
depend on those tables.
Nothing in it is real.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mqp_desktop.domain.challenges import Challenge, SubjectKind, Verdict
from mqp_desktop.domain.meetings import Meeting, MeetingStatus
from mqp_desktop.store.store import Store

WEEK = dt.timedelta(weeks=1)


@dataclass(frozen=True)
class Spec:
    meeting: int
    """Which past held meeting it was raised at: 0 the oldest, -1 the latest."""
    item: str
    kind: SubjectKind
    subject: str
    agency: str
    to: str
    question: str
    due_weeks: int = 6
    code: str = ""
    """The indicator's code in the demo's dataset, when the database holds indicators (linked, not required)."""


SPECS = {
    "re-referrals": Spec(
        0, "Multi-agency dataset", SubjectKind.INDICATOR, "Re-referrals within 12 months (%)",
        "LA Children's Services", "Sofia Marques",
        "Re-referrals within twelve months are at 24%, above the 20% tolerance for a second quarter. What lies "
        "behind the rise: a change in recording at the front door, or in practice? What will bring it back "
        "within tolerance, and by when?", code="OC1"),
    "ilacs": Spec(
        0, "Single-agency inspection", SubjectKind.INSPECTION, "Ofsted ILACS: Wandsworth Children's Services",
        "LA Children's Services", "Priya Raman",
        "The ILACS report asks for better management oversight of plans for children in need. How will the "
        "action plan show that oversight has improved, and what will the subcommittee see each quarter?"),
    "missing": Spec(
        1, "Child exploitation", SubjectKind.INDICATOR,
        "Missing episodes followed by a return home interview within 72 hours (%)",
        "Police", "DI Mark Ellison",
        "Police data on missing episodes now reaches the partnership a month after the quarter ends, so the "
        "return home interview rate is always a quarter behind. Can it be sent within two weeks of quarter end?",
        code="OC4"),
    "training": Spec(
        1, "Multi-agency dataset", SubjectKind.AUDIT, "Multi-agency audit: neglect (Graded Care Profile 2)",
        "CLCH", "Margaret Ansah",
        "The neglect audit found Graded Care Profile 2 used in only 3 of the 8 health visiting cases audited. "
        "What is stopping practitioners using it, and what will the trust do about it?"),
    "health": Spec(
        -2, "Multi-agency dataset", SubjectKind.INDICATOR,
        "Initial health assessments within 20 working days (%)", "SWL ICB", "Joanne Price",
        "Initial health assessments for children coming into care within 20 working days have fallen to 61%. "
        "What is the recovery plan, and when will the rate be back above 80%?", code="QT5"),
    "duplicate": Spec(
        -2, "Multi-agency dataset", SubjectKind.INDICATOR,
        "Initial health assessments within 20 working days (%)", "SWL ICB", "Dr Helen Carter",
        "Why have initial health assessments within 20 working days fallen to 61%?", code="QT5"),
    "strategy": Spec(
        -1, "Multi-agency dataset", SubjectKind.INDICATOR,
        "Strategy discussions with health represented (%)", "St George's", "Olivia Brennan",
        "One strategy discussion in four last quarter had no health representative. Which were they, why was "
        "health not there, and how is the hospital's safeguarding team covering out-of-hours requests?"),
    "cme": Spec(
        -1, "Child exploitation", SubjectKind.OTHER, "Children missing education in the MACE cohort",
        "Education", "Hannah Cole",
        "How many of the children the MACE panel is tracking are missing education, and what is being done for "
        "each of them?", due_weeks=8),
}


def _item(store: Store, meeting: Meeting, prefix: str) -> int | None:
    for item in store.agendas.items(meeting.id):
        if item.title.startswith(prefix):
            return item.id
    return None


def _member(store: Store, name: str, agency_id: int) -> int | None:
    for m in store.members():
        if m.name == name and m.agency_id == agency_id:
            return m.id
    return None


def fill_challenges_demo(store: Store, today: dt.date) -> None:
    """The demo's challenges (see the module docstring); nothing when it has fewer than three past meetings."""
    past = [m for m in store.meetings.list()
            if m.date < today - WEEK and m.status in (MeetingStatus.HELD, MeetingStatus.RECONVENED)]
    if len(past) < 3:
        return
    agencies = {a.label: a.id for a in store.agencies()}
    ch = store.challenges
    # the dataset's indicators, when this database holds them (the log does not need them)
    indicators = {label.split(" ", 1)[0]: (record_id, label) for record_id, label in
                  ch.subject_choices(SubjectKind.INDICATOR)}

    def raise_(key: str, meeting: Meeting | None = None, *, due_from: dt.date | None = None):
        """``due_from``: due no earlier than that (so a challenge meant to be open is not overdue)."""
        spec = SPECS[key]
        meeting = meeting or past[spec.meeting]
        agency_id = agencies[spec.agency]
        due = meeting.date + spec.due_weeks * WEEK
        subject_id, subject = indicators.get(spec.code, (None, spec.subject)) if spec.code else (None, spec.subject)
        return ch.add(Challenge(
            question=spec.question, agency_id=agency_id, subject_kind=spec.kind, subject_id=subject_id,
            subject_text=subject,
            meeting_id=meeting.id, item_id=_item(store, meeting, spec.item), raised_on=meeting.date,
            to_member_id=_member(store, spec.to, agency_id), due_date=max(due, due_from) if due_from else due,
        ))

    def day(when: dt.date) -> dt.date:
        return min(today, when)

    def next_meeting(after: dt.date) -> Meeting | None:
        return next((m for m in past if m.date > after), None)

    with store.write():
        # answered and accepted at the next meeting
        c = raise_("re-referrals")
        at = next_meeting(c.raised_on)
        ch.respond(c.id, "The front door audit of 60 re-referrals found 14 were recorded as new referrals when they "
                         "were further contacts on open cases. Recording guidance was reissued in the quarter; the "
                         "corrected rate is 19%. The audit summary is attached.", at.date - WEEK, today=today)
        ch.review(c.id, Verdict.ACCEPTED, on=at.date, at_meeting_id=at.id, today=today)

        # further information, then accepted
        c = raise_("ilacs")
        at = next_meeting(c.raised_on)
        ch.respond(c.id, "The action plan adds a monthly audit of management oversight on a sample of children in "
                         "need plans.", day(c.raised_on + 3 * WEEK), today=today)
        ch.review(c.id, Verdict.FURTHER_INFORMATION, "The size of the monthly sample, and how the audit's "
                  "findings reach team managers.", on=at.date, at_meeting_id=at.id,
                  new_due=at.date + 4 * WEEK, today=today)
        later = next_meeting(at.date) or at
        second = day(at.date + 3 * WEEK)
        ch.respond(c.id, "Twelve cases a month, two per team; findings go to each team manager within a week and "
                         "to the quarterly performance clinic.", second, today=today)
        ch.review(c.id, Verdict.ACCEPTED, on=max(later.date, second), today=today,
                  at_meeting_id=later.id if later is not at and later.date >= second else None)

        # not accepted: the agency to answer again, not yet due
        c = raise_("missing")
        ch.respond(c.id, "The data depends on a national extract that is published monthly.",
                   day(c.raised_on + 4 * WEEK), today=today)
        reviewed = day(c.raised_on + 8 * WEEK)
        ch.review(c.id, Verdict.NOT_ACCEPTED, "Other forces in the region send local extracts within two weeks: "
                  "the subcommittee asks for the same.", on=reviewed, today=today, new_due=today + 3 * WEEK)

        # closed without an accepted answer
        c = raise_("training")
        ch.respond(c.id, "Practitioners say the tool takes too long to complete in a home visit.",
                   day(c.raised_on + 5 * WEEK), today=today)
        ch.close(c.id, day(c.raised_on + 9 * WEEK),
                 "Escalated to the Executive, which will write to the trust's chief nurse.")

        # overdue: raised at the latest meeting whose six weeks are past, never answered
        due_past = [m for m in past if m.date + SPECS["health"].due_weeks * WEEK < today]
        first = raise_("health", due_past[-1])
        # withdrawn: the same question raised twice
        twice = raise_("duplicate", due_past[-1])
        ch.withdraw(twice.id, twice.raised_on, f"Raised twice: the same question as {first.reference}.")

        # answered a few days ago, waiting for review
        c = raise_("strategy", due_from=today + WEEK)
        ch.respond(c.id, "Three of the twelve discussions were out of hours. The hospital's safeguarding team now "
                         "has an on-call named nurse for strategy discussions from 5pm to 9pm.",
                   max(c.raised_on, today - dt.timedelta(days=4)), today=today)

        # raised at the latest meeting, not yet due
        raise_("cme", due_from=today + 2 * WEEK)

"""Minutes, declarations and an action log for the demonstration database.

Every past demo meeting that was not cancelled gets minutes: concise discussion
(paragraphs and bullets) under each item, decisions, one to three new actions
with owners among the members and due dates, and updates at the following
meetings (some done, some in progress, some left open and now overdue). Two
meetings record declarations of interest: the CLCH member when CLCH's Section 11
return is discussed (she left the room for the decision), and a designated
nurse on the rapid review. The inquorate meeting's decisions are marked as
such (computed, not typed); there the chair let the other items proceed while
the police's item, presented by an absent officer, waits for the next quorate
meeting (whose minutes list it); at the first quorate meeting after it, one of its decisions is
ratified, the others still await ratification. Every meeting's minutes but the most recent are
signed by the chair and recorded as approved at the following meeting; the
most recent are still a draft.

Case reviews appear by case reference only — never a child's name. Nothing
here is real.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mqp_desktop.domain.actions import Action, ActionStatus
from mqp_desktop.domain.agenda import AgendaItem, Purpose, StandingKind
from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.meetings import ChairDecision, Meeting, MeetingStatus
from mqp_desktop.domain.minutes import Decision, Declaration, Minutes
from mqp_desktop.store.decisions_demo import ratify_in_demo
from mqp_desktop.store.store import Store

CLCH_ITEM = "Section 11: CLCH return and action plan"
MINUTE_TAKER = "Aisha Rahman"


@dataclass(frozen=True)
class ItemText:
    discussion: str
    decisions: tuple[str, ...] = ()
    actions: tuple[tuple[str, str, int], ...] = ()
    """(description, owner's name, weeks until due)."""


TEXTS: dict[str, ItemText] = {
    "Multi-agency dataset": ItemText(
        "Sofia Marques presented the exceptions report. Members noted:\n\n"
        "- re-referrals within twelve months at **24%**, above the 20% tolerance; the front door audit points to "
        "a change in recording rather than practice\n"
        "- initial health assessments within 20 working days down to 61%\n"
        "- the police data on missing episodes now arrives a month late\n\n"
        "The ICB explained the fall in health assessments by a vacancy in the looked-after children's health team, "
        "now filled.",
        ("The re-referral rate is escalated to the Executive with the front door audit's findings.",),
        (("Circulate the front door audit's summary with the next dataset report", "Sofia Marques", 6),
         ("Report the recovery plan for initial health assessments", "Joanne Price", 8),
         ("Ask the police for missing-episode data within the month", "DI Mark Ellison", 4),
         ("Add a twelve-month trend line to the re-referral indicator", "Sofia Marques", 8),
         ("Explain the rise in strategy discussions without a police attendee", "DS Karen Osei", 6)),
    ),
    "Section 11 audit": ItemText(
        "Claire Dawson reported on the Section 11 round. Most returns are in; the weakest standards across "
        "agencies remain **staff training (5)** and **information sharing (8)**.\n\n"
        "The challenge panel will meet over two days; each agency will be asked to bring its safeguarding lead.",
        ("The challenge panel's terms of reference are agreed.",),
        (("Send challenge panel invitations to agency safeguarding leads", "Claire Dawson", 3),),
    ),
    "Rapid review": ItemText(
        "Rachel Moss presented the learning from rapid review CR-2025-014, shared with the National Panel within "
        "15 working days. Three themes:\n\n"
        "- the voice of the child in strategy discussions\n"
        "- escalation between health and children's social care\n"
        "- the use of chronologies\n\n"
        "Members agreed the learning should reach front-line practitioners quickly, through a seven-minute "
        "briefing rather than a long report.",
        ("A seven-minute briefing on CR-2025-014 will be produced and circulated to all partner agencies.",),
        (("Draft the seven-minute briefing on CR-2025-014", "Rachel Moss", 4),
         ("Add the escalation theme to the multi-agency audit programme", "Amara Okafor", 10)),
    ),
    "Neglect strategy": ItemText(
        "Amara Okafor introduced the draft neglect strategy 2026–2029, consulted on with partners and young "
        "people. Members welcomed the commitment to the **Graded Care Profile 2** as the shared tool and asked "
        "that training capacity be confirmed before launch.",
        ("The neglect strategy 2026–2029 is approved for submission to the Executive.",),
        (("Confirm Graded Care Profile 2 training places for each agency", "Amara Okafor", 8),),
    ),
    "Single-agency inspection": ItemText(
        "Priya Raman reported the ILACS judgements and the draft action plan. The subcommittee noted the outcome "
        "and will monitor the action plan (ToR 6.6) at each meeting until it is complete.",
        (),
        (("Bring the ILACS action plan with progress to each meeting", "Priya Raman", 9),),
    ),
    "Child exploitation": ItemText(
        "DI Mark Ellison presented the MACE report. Numbers are stable; the share of children missing from "
        "education among those at risk has risen.\n\n"
        "- Education to cross-check the MACE list against children missing education\n"
        "- Community Safety to share hotspot mapping with the panel",
        (),
        (("Cross-check the MACE cohort against the children missing education list", "Hannah Cole", 6),
         ("Share the exploitation hotspot mapping with the MACE panel", "Imogen Hart", 5)),
    ),
    "Child-centred outcomes": ItemText(
        "Dr Ama Boateng proposed six child-centred outcome indicators drawn from what children and families told "
        "the partnership. Members supported four and asked for the other two to be tested with the Youth Council.",
        ("Four of the six indicators are adopted for the operational dataset from next quarter.",),
        (("Test the remaining two indicators with the Youth Council", "Dr Ama Boateng", 8),),
    ),
    "Section 11: CLCH": ItemText(
        "Claire Dawson presented the moderated ratings of CLCH's Section 11 return and its action plan. Margaret "
        "Ansah answered questions on training records and then left the room for the decision (see declarations).",
        ("CLCH's moderated ratings are accepted, with standard 5 rated partially met.",),
        (("Agree revised dates for CLCH's training action with the trust", "Claire Dawson", 6),),
    ),
}

STANDING: dict[StandingKind, str] = {
    StandingKind.WELCOME_APOLOGIES: "The chair welcomed members. Apologies are listed above.",
    StandingKind.DECLARATIONS: "Declarations are recorded above; none other was made.",
    StandingKind.ACTION_LOG: "The action log was reviewed; the updates given are recorded in the action log below.",
    StandingKind.AOB: "None.",
}


def _text_for(title: str) -> ItemText | None:
    for prefix, text in TEXTS.items():
        if title.startswith(prefix):
            return text
    return None


def _attending(store: Store, meeting_id: int, name: str) -> bool:
    rows = store.meetings.register(meeting_id)
    return any(r.member.name == name and r.status is AttendanceStatus.PRESENT for r in rows)


def fill_minutes_demo(store: Store, today: dt.date) -> None:
    """Minutes for the demo's past meetings (see the module docstring)."""
    repo = store.minutes
    members = {m.name: m for m in store.members() if not m.is_vacant}
    chair = store.member(store.subcommittee().chair.member_id).name
    past = [m for m in store.meetings.list()
            if m.date < today and m.status in (MeetingStatus.HELD, MeetingStatus.RECONVENED)]
    if not past:
        return
    clch_meeting = next((m for m in past[1:] if store.meetings.quorum(m.id).result.quorate
                         and m.kind.value == "ordinary" and _attending(store, m.id, "Margaret Ansah")), None)
    with store.write():
        _items_wait(store, past)
        made: list[Action] = []
        for k, meeting in enumerate(past):
            _updates_at(store, meeting, made, k)
            if meeting is clch_meeting:
                _clch_item(store, meeting, members)
            minutes = repo.draft(meeting.id)
            previous = past[k - 1] if k else None
            _write(minutes, previous, meeting, past[k + 1] if k + 1 < len(past) else None)
            # one to three actions, drawn in turn from the items' lists so meetings differ
            candidates = []
            for item in minutes.items:
                spec = _text_for(item.title) if not item.waits else None
                if spec is not None and spec.actions:
                    candidates.append((item, spec.actions[k % len(spec.actions)]))
            candidates = candidates[k % max(1, len(candidates)):] + candidates[: k % max(1, len(candidates))]
            for item, (description, owner, weeks) in candidates[: 1 + (k + 1) % 3]:
                owner_member = members.get(owner)
                made.append(repo.add_action(Action(
                    meeting_id=meeting.id, item_id=item.item_id, description=description,
                    owner_member_id=owner_member.id if owner_member else None,
                    owner_name="" if owner_member else owner,
                    due_date=meeting.date + dt.timedelta(weeks=weeks),
                )))
            _declarations(store, meeting, minutes, members, clch_meeting)
            repo.save_draft(meeting.id, minutes)
            ratify_in_demo(store, meeting)  # a decision of the inquorate meeting, ratified (ToR 3)
            if previous is not None:
                repo.record_approval(previous.id, meeting.id)
                repo.sign(previous.id, chair, meeting.date)


def _items_wait(store: Store, past: list[Meeting]) -> None:
    """At the inquorate meeting the chair proceeded with, the items presented by someone who sent
    apologies wait for the next quorate meeting (the chair's decision, ToR 3)."""
    repo = store.meetings
    for meeting in past:
        if meeting.chair_decision is not ChairDecision.PROCEED:
            continue
        away = {mid for mid, e in repo.entries(meeting.id).items() if e.status is AttendanceStatus.APOLOGIES}
        waiting = [ln.item.id for ln in store.agendas.agenda(meeting.id).lines
                   if ln.depth == 0 and ln.item.presenter_member_id in away]
        if waiting:
            repo.record_decision(meeting.id, ChairDecision.PROCEED, meeting.chair_decision_note + " The police's "
                                 "item waits for the next quorate meeting.", items_waiting=waiting)


def _write(minutes: Minutes, previous: Meeting | None, meeting: Meeting, following: Meeting | None) -> None:
    minutes.minute_taker = MINUTE_TAKER
    for item in minutes.items:
        kind = StandingKind(item.standing)
        spec = _text_for(item.title)
        if item.waits:
            item.discussion = "The presenter could not attend: the item waits for the next quorate meeting."
        elif spec is not None:
            item.discussion = spec.discussion
            item.decisions = [Decision(d) for d in spec.decisions]
        elif kind is StandingKind.PREVIOUS_MINUTES and previous is not None:
            item.discussion = f"The minutes of the {previous.title[:1].lower() + previous.title[1:]} were reviewed."
            item.decisions = [Decision(f"The minutes of the {previous.title[:1].lower() + previous.title[1:]} "
                                       "are approved as a true record.")]
        elif kind is StandingKind.NEXT_MEETING and following is not None:
            item.discussion = f"The next meeting is on {following.date:%A} {following.date.day} {following.date:%B %Y}."
        elif kind in STANDING:
            item.discussion = STANDING[kind]


def _updates_at(store: Store, meeting: Meeting, made: list[Action], k: int) -> None:
    """Updates given at ``meeting`` on actions from earlier meetings: done, in progress, or none."""
    repo = store.minutes
    for n, action in enumerate(made):
        current = repo.action(action.id)
        if current.status.closed or action.meeting_id == meeting.id:
            continue
        turn = (n + k) % 4
        if turn == 0:
            repo.update_action_status(action.id, ActionStatus.DONE, meeting.id, "Completed and circulated.")
        elif turn == 1 and current.status is ActionStatus.OPEN:
            repo.update_action_status(action.id, ActionStatus.IN_PROGRESS, meeting.id, "Under way; update next time.")
        elif turn == 2 and n % 5 == 4:
            repo.update_action_status(action.id, ActionStatus.DROPPED, meeting.id,
                                      "Superseded by the Executive's review.")


def _clch_item(store: Store, meeting: Meeting, members: dict) -> None:
    presenter = members.get("Claire Dawson")
    store.agendas.add_item(AgendaItem(
        meeting_id=meeting.id, title=CLCH_ITEM, purpose=Purpose.DECISION, minutes=15,
        priority="Quality assurance and performance", presenter_member_id=presenter.id if presenter else None,
    ))


def _declarations(store: Store, meeting: Meeting, minutes: Minutes, members: dict, clch_meeting: Meeting | None) -> None:
    repo = store.minutes
    agenda = store.agendas.items(meeting.id)
    if meeting is clch_meeting:
        item = next(i for i in agenda if i.title == CLCH_ITEM)
        repo.add_declaration(Declaration(
            meeting_id=meeting.id, member_id=members["Margaret Ansah"].id, item_id=item.id,
            nature="Associate Director of Safeguarding at CLCH, whose Section 11 return is discussed",
            managed="Answered questions on the return, then left the room for the decision",
        ))
    rapid = next((i for i in agenda if i.title.startswith("Rapid review")), None)
    if rapid is not None and not repo.declarations(meeting.id):
        for name in ("Joanne Price", "Dr Helen Carter"):
            if name in members and _attending(store, meeting.id, name):
                repo.add_declaration(Declaration(
                    meeting_id=meeting.id, member_id=members[name].id, item_id=rapid.id,
                    nature="Contributed the health chronology to rapid review CR-2025-014",
                    managed="Took no part in the discussion of health practice in the case",
                ))
                break

"""Two fictional Section 11 audit rounds for the demonstration database.

The rounds are dated from ``today`` so the demo always looks current:

* last year's round (issued a year before this one): every agency but one
  returned and was reviewed; most actions are done, a few are still open and
  overdue, one was dropped;
* this year's round (issued ten weeks ago, deadline three weeks ago, panels a
  week ago and in three weeks): some returns reviewed, some received and
  awaiting the panel, some overdue with reminders sent.

Ratings are on the 0-3 score with the panel's moderated scores. Standards 5
(training) and 8 (information sharing) are the weakest; most agencies improved
on them since last year, a few got worse. Generated from a fixed seed, so the
demo is the same every time for the same ``today``. Nothing in it is real.
"""

from __future__ import annotations

import datetime as dt
import random

from mqp_desktop.domain.section11 import ActionItem, ActionStatus, Rating, ScaleKind
from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo
from mqp_desktop.store.store import Store

# The partnership's own business team is not audited.
NOT_AUDITED = {"WSCP"}

# Mean 0-3 score of each standard this year (last year: a little lower, most on 5 and 8).
STANDARD_MEANS = {1: 2.6, 2: 2.5, 3: 2.3, 4: 1.9, 5: 1.5, 6: 2.4, 7: 2.0, 8: 1.3}
LAST_YEAR_DROP = {5: 0.5, 8: 0.4}

EVIDENCE = {
    1: "Board minutes; annual safeguarding report to the board",
    2: "Safeguarding children policy (reviewed this year); intranet page",
    3: "Accountability chart; supervision policy; supervision audit",
    4: "Service change template; young people's panel minutes",
    5: "Training matrix; completion report from the learning system",
    6: "Safer recruitment policy; DBS renewal log; LADO referrals log",
    7: "Attendance at conferences and core groups; escalation log",
    8: "Information-sharing agreement; records audit",
}
IMPROVEMENT = {
    1: "Safeguarding is not yet a standing item at the board",
    2: "Contracted services have not all confirmed they hold the policy",
    3: "Supervision records are not audited",
    4: "Children's views are not yet sought when services change",
    5: "Refresher training completion is below the 90% target",
    6: "Some DBS renewals are overdue",
    7: "Attendance at core groups is inconsistent",
    8: "Staff unsure when to share without consent; agreement with schools not signed",
}
ACTIONS = {
    1: "Present the annual safeguarding report to the board and minute its discussion",
    2: "Send the revised safeguarding policy to every contracted service and confirm receipt",
    3: "Audit a sample of supervision records each quarter",
    4: "Add a child-impact section to the service change template",
    5: "Bring refresher safeguarding training completion up to 90%",
    6: "Complete overdue DBS renewals and set reminders for the rest",
    7: "Name a standing representative for core groups and conferences",
    8: "Sign the information-sharing agreement with schools and brief staff on sharing without consent",
}


def _financial_year(day: dt.date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}\u2013{(start + 1) % 100:02d}"


def _year_before(day: dt.date) -> dt.date:
    return dt.date(day.year - 1, day.month, min(day.day, 28))


def _score(rng: random.Random, mean: float, agency_offset: float) -> int:
    return max(0, min(3, round(mean + agency_offset + rng.uniform(-0.6, 0.6))))


def _moderate(rng: random.Random, value: int) -> int:
    roll = rng.random()
    if roll < 0.3:
        return max(0, value - 1)  # the panel found less evidence than claimed
    if roll < 0.35:
        return min(3, value + 1)
    return value


def _ratings(rng: random.Random, offset: float, means: dict[int, float], moderated: bool) -> list[Rating]:
    out = []
    for number, mean in means.items():
        own = _score(rng, mean, offset)
        rating = Rating(
            standard=number,
            self_value=str(own),
            evidence=EVIDENCE[number],
            improvement=IMPROVEMENT[number] if own <= 1 else "",
        )
        if moderated:
            mod = _moderate(rng, own)
            rating.moderated_value = str(mod)
            if mod < own:
                rating.panel_comments = "Moderated down: the evidence offered did not show this in practice."
            elif mod > own:
                rating.panel_comments = "Moderated up: practice is stronger than the return claims."
        out.append(rating)
    return out


def fill_section11_demo(store: Store, today: dt.date | None = None) -> tuple[int, int]:
    """Add last year's and this year's fictional rounds; returns their ids (previous, current)."""
    today = today or dt.date.today()
    s11 = Section11Repo(store)
    rng = random.Random(11)
    framework = s11.framework(DEFAULT_FRAMEWORK)
    agencies = [a for a in store.agencies(active_on=today) if a.label not in NOT_AUDITED]
    offsets = {a.id: rng.uniform(-0.6, 0.5) for a in agencies}

    issued = today - dt.timedelta(weeks=10)
    deadline = today - dt.timedelta(weeks=3)
    prev_issued = _year_before(issued)
    prev_deadline = prev_issued + dt.timedelta(weeks=7)
    prev_panel = prev_deadline + dt.timedelta(weeks=4)

    with store.write():
        # --- last year's round -------------------------------------------------------------
        prev = s11.create_round(
            f"Section 11 audit {_financial_year(prev_issued)}", framework, ScaleKind.SCORE_0_3,
            [a.id for a in agencies], prev_issued, prev_deadline, [prev_panel, prev_panel + dt.timedelta(days=1)],
        )
        last_means = {n: m - LAST_YEAR_DROP.get(n, 0.1) for n, m in STANDARD_MEANS.items()}
        prev_returns = s11.returns(prev.id)
        for i, ret in enumerate(prev_returns):
            if i == 4:  # one agency never returned: still overdue in last year's round
                s11.add_reminder(ret.id, prev_deadline + dt.timedelta(days=3), "Email to the lead contact")
                s11.add_reminder(ret.id, prev_deadline + dt.timedelta(days=17), "Escalated to the agency's director")
                continue
            received = prev_deadline - dt.timedelta(days=rng.randint(-6, 12))
            ratings = _ratings(rng, offsets[ret.agency_id], last_means, moderated=True)
            s11.save_ratings(ret.id, ratings, received=max(received, prev_issued))
            weak = [r for r in ratings if int(r.moderated_value) <= 1]
            s11.mark_reviewed(ret.id, prev_panel + dt.timedelta(days=i % 2),
                              "Accepted with actions" if weak else "Accepted")
            for j, r in enumerate(weak):
                due = prev_panel + dt.timedelta(days=91 if j % 2 == 0 else 182)
                item = s11.add_action(
                    ActionItem(ret.id, ACTIONS[r.standard], owner=ret.lead_name or "Safeguarding lead",
                               due=due, standard=r.standard),
                    today=today,
                )
                kind = (i + j) % 6
                if kind < 4 and due <= today:
                    item.status, item.closed = ActionStatus.DONE, min(today, due + dt.timedelta(days=rng.randint(-30, 20)))
                elif kind == 4:
                    item.status, item.closed = ActionStatus.DROPPED, due
                    item.notes = "Superseded by the agency's restructure; carried into this year's plan."
                else:
                    item.status = ActionStatus.IN_PROGRESS  # overdue when its due date has passed
                if item.status is not ActionStatus.OPEN:
                    s11.update_action(item, today=today)

        # --- this year's round -------------------------------------------------------------
        cur = s11.create_round(
            f"Section 11 audit {_financial_year(issued)}", framework, ScaleKind.SCORE_0_3,
            [a.id for a in agencies], issued, deadline,
            [today - dt.timedelta(weeks=1), today + dt.timedelta(weeks=3)],
        )
        for i, ret in enumerate(s11.returns(cur.id)):
            state = ("overdue", "reviewed", "received", "reviewed", "reviewed")[i % 5]
            if state == "overdue":
                s11.add_reminder(ret.id, deadline + dt.timedelta(days=2), "Email to the lead contact")
                if i % 2 == 0:
                    s11.add_reminder(ret.id, deadline + dt.timedelta(days=12), "Phoned the substitute contact")
                continue
            received = deadline - dt.timedelta(days=rng.randint(0, 10))
            moderated = state == "reviewed"
            ratings = _ratings(rng, offsets[ret.agency_id], STANDARD_MEANS, moderated)
            if i in (1, 2):
                # Rated by sub-criterion only on standard 8: its score is worked out from them.
                ratings = [r for r in ratings if r.standard != 8]
                for k, code in enumerate(("8.1", "8.2", "8.3", "8.4")):
                    value = str((k + i) % 3)
                    ratings.append(Rating(8, code, self_value=value, moderated_value=value if moderated else None,
                                          evidence=EVIDENCE[8]))
            s11.save_ratings(ret.id, ratings, received=received)
            if not moderated:
                continue
            reviewed = today - dt.timedelta(weeks=1)
            s11.mark_reviewed(ret.id, reviewed, "Accepted with actions" if i % 3 else "Resubmit evidence for standard 8")
            if i % 3 == 0:
                # Due before the second panel, and not yet sent: overdue.
                s11.add_action(
                    ActionItem(ret.id, "Resubmit the evidence for standard 8 (records audit, signed agreement)",
                               owner=ret.lead_name or "Safeguarding lead", due=reviewed + dt.timedelta(days=5),
                               standard=8),
                    today=today,
                )
            for r in ratings:
                if r.criterion or int(r.moderated_value) > 1:
                    continue
                s11.add_action(
                    ActionItem(ret.id, ACTIONS[r.standard], owner=ret.lead_name or "Safeguarding lead",
                               due=today + dt.timedelta(days=90 if r.standard % 2 else 150), standard=r.standard),
                    today=today,
                )
    return prev.id, cur.id

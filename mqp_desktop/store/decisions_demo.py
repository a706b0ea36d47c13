"""Ratification in the demonstration database (ToR 3).

At the first quorate meeting after the inquorate one, the decision on the dataset's exceptions (escalating
the re-referral rate) is ratified, with a note; the inquorate meeting's other decisions still await
ratification, so the register and ``mqp ratify`` show both. Called by ``demo_minutes`` while the later
meeting's minutes are still a draft (they are signed at the next meeting, with the ratification in them).
Nothing here is real.
"""

from __future__ import annotations

from mqp_desktop.domain.meetings import Meeting
from mqp_desktop.store.store import Store

NOTE = "the Executive was told of the escalation in the meantime"


def ratify_in_demo(store: Store, meeting: Meeting) -> None:
    """Ratify one waiting decision at ``meeting`` when it is the first quorate meeting after an inquorate one."""
    repo = store.decisions
    if repo.ratifications(include_withdrawn=True):
        return
    quorum = store.meetings.quorum(meeting.id)
    if quorum.recorded == 0 or not quorum.result.quorate:
        return
    waiting = [d for d in repo.awaiting_ratification() if d.meeting_date < meeting.date]
    if len(waiting) < 2:
        return
    chosen = next((d for d in waiting if d.priorities), waiting[0])
    repo.ratify(meeting.id, [chosen.id], note=NOTE)

"""A year of meetings for the demonstration database.

Six bi-monthly meetings over the past year (one of them cancelled, one
inquorate at which the chair decided to proceed, one extraordinary meeting),
registers with apologies and deputies, one member who misses too many to
meet the 80% standard, and the next three meetings planned.
"""

from __future__ import annotations

import datetime as dt
import random

from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import ChairDecision, Guest, Meeting, MeetingKind, expected_members
from mqp_desktop.store.store import Store

VENUE = "Room 123, Wandsworth Town Hall, Wandsworth High Street, SW18 2PU"
LINK = "Microsoft Teams (link in the invitation)"
SEED = 7
SENT_DEPUTIES_LAST_TIME = ("Margaret Ansah", "Olivia Brennan", "Tom Reilly")
PERSISTENT_ABSENTEE = "Patrick Dunne"
STATUTORY_LEADS_AWAY = ("DI Mark Ellison", "DS Karen Osei")  # the police, at the inquorate meeting


def _first_of_series(today: dt.date) -> dt.date:
    """The second Tuesday of the month about eleven months ago."""
    y, m = divmod(today.year * 12 + today.month - 1 - 11, 12)
    first = dt.date(y, m + 1, 1)
    first += dt.timedelta(days=(1 - first.weekday()) % 7)  # first Tuesday
    return first + dt.timedelta(days=7)


def fill_meetings_demo(store: Store, today: dt.date) -> None:
    rng = random.Random(SEED)
    repo = store.meetings
    template = Meeting(date=today, start_time="10:00", end_time="12:00", venue=VENUE, online_link=LINK)
    with store.write():
        series = repo.schedule(_first_of_series(today), 9, template=template)
        past = [m for m in series if m.date < today]
        members = store.members()
        chair_id = store.subcommittee().chair.member_id
        cancelled = past[2] if len(past) > 3 else None
        inquorate = past[1] if len(past) > 2 else None
        for meeting in past:
            if meeting is cancelled:
                repo.cancel(meeting.id, "Clashed with the Executive's development day")
                continue
            changes = {}
            for member in expected_members(members, meeting.date):
                roll = rng.random()
                if member.name == PERSISTENT_ABSENTEE:
                    status = S.PRESENT if roll < 0.4 else (S.APOLOGIES if roll < 0.8 else S.ABSENT)
                elif inquorate is meeting and member.name in STATUTORY_LEADS_AWAY:
                    status = S.APOLOGIES
                elif meeting is past[-1] and member.name in SENT_DEPUTIES_LAST_TIME:
                    status = S.DEPUTY
                elif roll < 0.93 or member.id == chair_id:
                    status = S.PRESENT
                elif roll < 0.97:
                    status = S.DEPUTY if member.deputy_name else S.PRESENT
                elif roll < 0.995:
                    status = S.APOLOGIES
                else:
                    status = S.ABSENT
                changes[member.id] = (status, None, "")
            repo.record_many(meeting.id, changes)
            repo.add_guest(meeting.id, Guest("Dr Ama Boateng", "Wandsworth Council Performance Team", "Quarterly dataset"))
            if meeting is inquorate:
                repo.record_decision(
                    meeting.id,
                    ChairDecision.PROCEED,
                    "Police unable to attend (operational incident). The chair proceeded for discussion and "
                    "information; decisions to be ratified at the next quorate meeting.",
                )
            else:
                repo.mark_held(meeting.id)
        # an extraordinary meeting between two ordinary ones
        if len(past) >= 4:
            extra_day = past[3].date + dt.timedelta(days=21)
            extra = repo.add(
                Meeting(
                    date=extra_day, start_time="14:00", end_time="15:00", online_link=LINK,
                    kind=MeetingKind.EXTRAORDINARY, notes="Called to consider a rapid review (case reference CR-2025-014).",
                )
            )
            if extra_day < today:
                repo.record_many(
                    extra.id,
                    {m.id: (S.PRESENT if rng.random() < 0.7 else S.APOLOGIES, None, "")
                     for m in expected_members(members, extra_day)},
                )
                repo.mark_held(extra.id)

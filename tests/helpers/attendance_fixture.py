"""A small attendance fixture whose figures are worked out by hand (shared by the export and letter tests).

Period 1 January – 31 December 2025, standard 80%, a deputy does not count for the member.

=========  ==========  ===========  ===========  ============  ==========  (outside)
meeting    M1 14 Jan   M2 11 Mar    M3 13 May    M4 8 Jul      M5 9 Sep    M6 13 Jan 26
=========  ==========  ===========  ===========  ============  ==========  ===========
status     held        held         cancelled    held          held        held
Ann (LA)   present     present      –            absent        present     present
Ben (LA)   apologies   deputy       –            present       deputy      –
Cara (Pol) (not yet)   present      –            present       (no entry)  –
=========  ==========  ===========  ===========  ============  ==========  ===========

Ann:  expected 4, present 3, absent 1                      -> 3/4 = 75%   below
Ben:  expected 4, present 1, deputy 2, apologies 1         -> 1/4 = 25%   below
Cara: joined 1 March: expected 3, present 2, not recorded 1 -> 2/2 = 100%
LA:     4 meetings, attended at all 4                       -> 100%
Police: 3 meetings (M2, M4, M5), attended M2 and M4         -> 2/3 = 66.7% below
Per meeting: M1 1 of 2 (50%), M2 3 of 3, M4 2 of 3 (66.7%), M5 2 of 2.
"""

from __future__ import annotations

import datetime as dt

from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.meetings import Meeting, MeetingStatus
from mqp_desktop.domain.model import Member

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


def build(store):
    la = store.find_agency("LA Children's Services")
    police = store.find_agency("Police")
    ann = store.add_member(Member(role_title="Head of Safeguarding", agency_id=la.id, name="Ann Archer",
                                  email="ann.archer@example.gov.uk", start_date=dt.date(2024, 1, 1)))
    ben = store.add_member(Member(role_title="Principal Social Worker", agency_id=la.id, name="Ben Brook",
                                  email="ben.brook@example.gov.uk", deputy_name="Dee Deputy",
                                  start_date=dt.date(2024, 1, 1)))
    cara = store.add_member(Member(role_title="Detective Inspector", agency_id=police.id, name="Cara Cole",
                                   start_date=dt.date(2025, 3, 1)))
    chair = store.add_member(Member(role_title="Designated Doctor", agency_id=la.id, name="Dr Chris Chair",
                                    start_date=dt.date(2026, 6, 1)))  # joins after the period: not in the report
    repo = store.meetings

    def held(day, register):
        m = repo.add(Meeting(date=day, status=MeetingStatus.HELD))
        if register:
            repo.record_many(m.id, {who.id: (status, None, "") for who, status in register})
        return m

    held(dt.date(2025, 1, 14), [(ann, S.PRESENT), (ben, S.APOLOGIES)])
    held(dt.date(2025, 3, 11), [(ann, S.PRESENT), (ben, S.DEPUTY), (cara, S.PRESENT)])
    m3 = repo.add(Meeting(date=dt.date(2025, 5, 13)))
    repo.cancel(m3.id, "Room unavailable")
    held(dt.date(2025, 7, 8), [(ann, S.ABSENT), (ben, S.PRESENT), (cara, S.PRESENT)])
    held(dt.date(2025, 9, 9), [(ann, S.PRESENT), (ben, S.DEPUTY)])
    held(dt.date(2026, 1, 13), [(ann, S.PRESENT)])
    return {"ann": ann, "ben": ben, "cara": cara, "chair": chair}

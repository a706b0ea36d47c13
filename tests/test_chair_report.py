"""The chair's report (issue 13): every figure against a small database made here, the expected numbers worked
out by hand from the fixture (written in the comments), never by the code under test; the Word file read back
with python-docx; LibreOffice's conversion where it is installed; the sections setting; the command line.

The fixture (quarter 2026-Q3 = Q2 2026-27, 1 July to 30 September 2026):

* agencies LA, ICB, Police (statutory) and Housing; members Ann (LA), Bob (ICB), Cat (Police), Dan (Housing),
  all since 2025; standard 75%, a deputy does not count for the member; quorum: 3 statutory agencies.
* m0 9 Jun 2026 held (before the quarter); m1 14 Jul held: Ann P, Bob P, Cat P, Dan A (3 statutory: quorate);
  m2 11 Aug held: Ann P, Bob A, Cat by deputy, Dan P (LA and Police only: not quorate; the chair proceeded);
  m3 8 Sep cancelled; m4 13 Oct planned (after the quarter).
* actions: a0 (m0, due 31 Jul, open), a1 (m0, due 15 Aug, done at m2 on 11 Aug), a2 (m1, due 1 Aug, open),
  a3 (m1, due 1 Dec, open), a4 (m2, due 30 Aug, open), a5 (m2, added in error: dropped), a6 (m2, due 30 Sep,
  the quarter's last day: not overdue on it).
* declarations: Ann at m1. Letters: Bob's sent 15 Sep (no reply), Dan's sent 1 May with its outcome 20 Jul.
* challenges: c1 raised 14 Jul (due 25 Aug), answered 20 Aug, accepted 1 Sep; c2 raised 11 Aug, due 15 Sep,
  no answer; c3 raised 1 Jun, due 30 Oct.
* one indicator, lower is better, target 20%, tolerance 2: 25% in 2026-Q3 (red), with commentary.
* a course on 20 Sep with 20 places, 5 from LA and 3 from ICB; a dispute raised 11 Aug.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import shutil
import subprocess

import pytest

from mqp_desktop.domain import chair_report as cr
from mqp_desktop.domain.actions import ADDED_IN_ERROR, Action, ActionStatus
from mqp_desktop.domain.attendance import AttendanceStatus as S
from mqp_desktop.domain.challenges import Challenge
from mqp_desktop.domain.escalations import Escalation, EscalationKind
from mqp_desktop.domain.governance.followups import AttendanceLetter, Outcome
from mqp_desktop.domain.governance.training import TrainingCourse
from mqp_desktop.domain.meetings import ChairDecision, Meeting
from mqp_desktop.domain.minutes import Declaration
from mqp_desktop.domain.model import Agency, Member
from mqp_desktop.domain.performance import Indicator
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store
from mqp_desktop.store.chair_report import gather_chair_report, report_sections, save_report_sections
from mqp_desktop.store.seed import seed_from_template

D = dt.date
TODAY = D(2026, 12, 6)


# --- stand-ins for the decisions register and the list of everything due (issue 12's contracts) -----------
@dataclasses.dataclass(frozen=True)
class Decision:  # the fields of domain.decisions.DecisionEntry
    meeting_id: int
    meeting_date: dt.date
    item_id: int
    item_number: str
    item_title: str
    text: str
    taken_while_inquorate: bool
    ratified_meeting_id: int | None
    ratified_on: dt.date | None
    priorities: tuple[str, ...] = ()


class FakeDecisions:
    def __init__(self, entries):
        self.entries = entries

    def register(self, start=None, end=None, item=None, priority=None, inquorate=None):
        return [d for d in self.entries if (start is None or d.meeting_date >= start)
                and (end is None or d.meeting_date <= end)
                and (inquorate is None or d.taken_while_inquorate == inquorate)]

    def awaiting_ratification(self):
        return [d for d in self.entries if d.taken_while_inquorate and d.ratified_on is None]


@dataclasses.dataclass(frozen=True)
class Due:  # the fields of domain.due.DueItem
    kind: str
    kind_label: str
    reference: str
    title: str
    owner: str
    due: dt.date
    table: str
    record_id: int


class FakeDue:
    def __init__(self, items):
        self.items_given, self.calls = items, []

    def items(self, today, until=None, include_future=True):
        self.calls.append((today, until, include_future))
        return list(self.items_given)


class ReportStore(Store):
    """A store with the two repositories the other helpers are building, as stand-ins."""

    fake_decisions: FakeDecisions | None = None
    fake_due: FakeDue | None = None

    @functools.cached_property
    def decisions(self):
        return self.fake_decisions

    @functools.cached_property
    def due(self):
        return self.fake_due


@pytest.fixture
def fx():
    s = ReportStore.in_memory()
    seed_from_template(s, "blank")
    sc = s.subcommittee()
    sc.attendance_standard = 75
    sc.deputy_counts_for_member = False
    s.update_subcommittee(sc)
    la = s.add_agency(Agency(name="Local authority", short_name="LA", statutory=True))
    icb = s.add_agency(Agency(name="Integrated care board", short_name="ICB", statutory=True))
    police = s.add_agency(Agency(name="Police", statutory=True))
    housing = s.add_agency(Agency(name="Housing"))
    since = D(2025, 1, 1)
    ann = s.add_member(Member(name="Ann Lee", role_title="Head", agency_id=la.id, start_date=since))
    bob = s.add_member(Member(name="Bob Ray", role_title="Nurse", agency_id=icb.id, start_date=since))
    cat = s.add_member(Member(name="Cat Mole", role_title="DI", agency_id=police.id, start_date=since,
                              deputy_name="Dee Fox"))
    dan = s.add_member(Member(name="Dan Cole", role_title="Officer", agency_id=housing.id, start_date=since))
    r = s.meetings
    m0, m1, m2, m3, m4 = (r.add(Meeting(date=d)) for d in (D(2026, 6, 9), D(2026, 7, 14), D(2026, 8, 11),
                                                           D(2026, 9, 8), D(2026, 10, 13)))
    everyone = {m.id: (S.PRESENT, None, "") for m in (ann, bob, cat, dan)}
    r.record_many(m0.id, everyone)
    r.mark_held(m0.id)
    r.record_many(m1.id, {ann.id: (S.PRESENT, None, ""), bob.id: (S.PRESENT, None, ""),
                          cat.id: (S.PRESENT, None, ""), dan.id: (S.APOLOGIES, None, "")})
    r.mark_held(m1.id)
    r.record_many(m2.id, {ann.id: (S.PRESENT, None, ""), bob.id: (S.APOLOGIES, None, ""),
                          cat.id: (S.DEPUTY, None, ""), dan.id: (S.PRESENT, None, "")})
    r.mark_held(m2.id)
    r.record_decision(m2.id, ChairDecision.PROCEED, "Two statutory agencies present")
    r.cancel(m3.id, "Clash with the inspection")
    mn = s.minutes

    def action(meeting, text, due, owner=bob):
        return mn.add_action(Action(meeting_id=meeting.id, description=text, owner_member_id=owner.id, due_date=due))

    action(m0, "a0 open from June", D(2026, 7, 31))
    a1 = action(m0, "a1 done in August", D(2026, 8, 15))
    action(m1, "a2 overdue", D(2026, 8, 1), owner=ann)
    action(m1, "a3 not yet due", D(2026, 12, 1))
    action(m2, "a4 overdue", D(2026, 8, 30), owner=dan)
    a5 = action(m2, "a5 added in error", D(2026, 9, 1))
    action(m2, "a6 due on the quarter's last day", D(2026, 9, 30))
    mn.update_action_status(a1.id, ActionStatus.DONE, m2.id, "done", D(2026, 8, 11))
    mn.restore_action_status(a5.id, m2.id, ActionStatus.DROPPED, ADDED_IN_ERROR, D(2026, 8, 11))
    mn.add_declaration(Declaration(meeting_id=m1.id, nature="Manages the service under review",
                                   managed="Left the room for the decision", member_id=ann.id))
    letters = s.governance.followups
    letters.add(AttendanceLetter(member_id=bob.id, sent_on=D(2026, 9, 15), reply_due=D(2026, 10, 13)), today=TODAY)
    dan_letter = letters.add(AttendanceLetter(member_id=dan.id, sent_on=D(2026, 5, 1), reply_due=D(2026, 5, 29)),
                             today=TODAY)
    letters.record_outcome(dan_letter.id, Outcome.IMPROVED, on=D(2026, 7, 20), today=TODAY)
    ch = s.challenges
    c1 = ch.add(Challenge(question="Why did re-referrals rise?", agency_id=icb.id, subject_text="Re-referrals",
                          raised_on=D(2026, 7, 14), due_date=D(2026, 8, 25), meeting_id=m1.id, to_name="Bob Ray"))
    ch.respond(c1.id, "A dip sample found the cause.", D(2026, 8, 20), today=TODAY)
    ch.review(c1.id, "accepted", on=D(2026, 9, 1), today=TODAY)
    ch.add(Challenge(question="Where is the plan?", agency_id=police.id, subject_text="Strategy discussions",
                     raised_on=D(2026, 8, 11), due_date=D(2026, 9, 15), meeting_id=m2.id, to_name="Cat Mole"))
    ch.add(Challenge(question="Earlier question", agency_id=la.id, subject_text="Vacancies",
                     raised_on=D(2026, 6, 1), due_date=D(2026, 10, 30), to_name="Ann Lee"))
    perf = s.performance
    ind = perf.add_indicator(Indicator(code="RR1", title="Re-referrals within 12 months", unit="percentage",
                                       theme_id=perf.themes()[0].id,
                                       direction="lower", target=20, tolerance=2))
    perf.set_value(ind.id, "2026-Q2", 19)
    perf.set_value(ind.id, "2026-Q3", 25)
    perf.set_commentary(ind.id, "2026-Q3", "A dip sample found half were domestic abuse.", author="Sofia Marques")
    s.governance.training.add(TrainingCourse(title="Neglect toolkit", starts_on=D(2026, 9, 20), provider="WSCP",
                                             places=20, attendance={la.id: 5, icb.id: 3}), today=TODAY)
    s.escalations.add(Escalation(kind=EscalationKind.DISPUTE, summary="Who convenes the strategy discussion",
                                 raised_on=D(2026, 8, 11), meeting_id=m2.id, raised_by_agency_id=police.id))
    # Section 11: a round issued 1 Jul, due 1 Sep, to LA (received 20 Aug, reviewed 10 Sep) and ICB (nothing back)
    from mqp_desktop.domain.section11 import ScaleKind
    from mqp_desktop.store.section11 import DEFAULT_FRAMEWORK, Section11Repo

    s11 = Section11Repo(s)
    rnd = s11.create_round("Section 11 audit 2026-27", s11.framework(DEFAULT_FRAMEWORK), ScaleKind.SCORE_0_3,
                           [la.id, icb.id], D(2026, 7, 1), D(2026, 9, 1))
    la_return = s11.find_return(rnd.id, la.id)
    s11.mark_received(la_return.id, D(2026, 8, 20))
    s11.mark_reviewed(la_return.id, D(2026, 9, 10))
    # an audit completed 1 Aug and reported at m2; an earlier one reported in June (outside the quarter)
    from mqp_desktop.domain.quality import Audit, Inspection, Inspectorate, PlanItem

    q = s.quality
    q.add_audit(Audit(title="Neglect at the front door", started=D(2026, 5, 1), completed=D(2026, 8, 1),
                      reported_meeting_id=m2.id, reported_on=D(2026, 8, 11), learning="Chronologies need an owner"))
    q.add_audit(Audit(title="Earlier audit", started=D(2026, 3, 1), completed=D(2026, 5, 1),
                      reported_meeting_id=m0.id, reported_on=D(2026, 6, 9)))
    # an inspection of the police reviewed at m1, its one plan item due 1 Sep and still open
    insp = q.add_inspection(Inspection(agency_id=police.id, inspectorate=Inspectorate("HMICFRS"),
                                       published=D(2026, 6, 1), judgement="Adequate", lessons="Strategy discussions"))
    q.add_review(insp.id, m1.id, D(2026, 7, 14))
    q.add_plan_item(PlanItem(inspection_id=insp.id, action="Fix the rota", due=D(2026, 9, 1)))
    # a work transfer written 20 Jul
    from mqp_desktop.domain import agenda_settings as cfg
    from mqp_desktop.domain.partnership import Direction, PartnershipBody, WorkTransfer

    s.agendas.set_setting(cfg.PARTNERSHIP_PRIORITIES, ["Neglect"])
    s.partnership.add_body(PartnershipBody(name="Executive", executive=True))
    other = s.partnership.add_body(PartnershipBody(name="Learning and Improvement", short_name="L&I"))
    s.partnership.add_transfer(WorkTransfer(direction=Direction.FROM_US, body_id=other.id, work="A learning review",
                                            reason="Their remit", outcomes="A briefing", priorities=("Neglect",),
                                            written_on=D(2026, 7, 20)), today=TODAY)
    s.fake_decisions = FakeDecisions([
        Decision(m0.id, m0.date, 1, "3", "Budget", "Ratified later", True, m1.id, D(2026, 7, 14)),
        Decision(m1.id, m1.date, 2, "4", "Audit plan", "Agreed the audit plan", False, None, None),
        Decision(m2.id, m2.date, 3, "5", "Neglect strategy", "Approved the strategy", True, None, None),
    ])
    s.fake_due = FakeDue([
        Due("action", "Action", "2026-08/1", "a4 overdue", "Dan Cole", D(2026, 8, 30), "action", 5),
        Due("paper", "Paper", "4.1", "Dataset report", "Ann Lee", D(2026, 10, 20), "paper", 1),
    ])
    yield s, {"m1": m1, "m2": m2, "ann": ann, "bob": bob, "cat": cat, "dan": dan}
    s.close()


@pytest.fixture
def q3(fx):
    s, _ = fx
    return gather_chair_report(s, "2026-Q3", today=TODAY)


def test_meetings_and_quoracy(q3):
    sec = q3.section(cr.MEETINGS)
    # m1, m2 held; m3 cancelled; m0 and m4 outside the quarter
    assert (sec.value("meetings"), sec.value("held"), sec.value("cancelled"), sec.value("planned")) == (3, 2, 1, 0)
    assert (sec.value("quorate"), sec.value("inquorate"), sec.value("chair_proceeded")) == (1, 1, 1)
    rows = sec.table("Meetings").rows
    assert [r[0] for r in rows] == ["14 Jul 2026", "11 Aug 2026", "8 Sep 2026"]
    assert rows[1][3] == "No" and rows[1][4] == "Proceed: Two statutory agencies present"


def test_attendance_by_agency_and_letters(q3):
    sec = q3.section(cr.ATTENDANCE)
    assert sec.value("standard") == 75 and sec.value("meetings_counted") == 2
    # ICB 1 of 2 (50%), Housing 1 of 2 (50%) below; LA 2/2; Police 2/2 (once by deputy)
    assert sec.value("agencies_below") == 2
    assert sec.value("members_below") == 3  # Bob 1/2, Cat 1/2 in person, Dan 1/2
    table = {r[0]: r[1:] for r in sec.table("Attendance by agency").rows}
    assert table["Police"] == ("2", "2", "1", "100%", "Meets")
    assert table["ICB"] == ("2", "1", "0", "50%", "Below")
    assert table["Housing"] == ("2", "1", "0", "50%", "Below")
    # Bob's letter sent in the quarter and waiting; Dan's outcome recorded in it
    assert (sec.value("letters_sent"), sec.value("letters_answered"), sec.value("letters_waiting")) == (1, 1, 1)
    outcomes = {r[0]: r[4] for r in sec.table("Follow-up letters").rows}
    # Bob's reply is due 13 Oct, after the quarter: not yet late, so no date is said
    assert outcomes == {"Bob Ray": "Awaiting reply", "Dan Cole": "Improved (20 Jul 2026)"}


def test_declarations(q3):
    sec = q3.section(cr.DECLARATIONS)
    assert (sec.value("declarations"), sec.value("meetings_with")) == (1, 1)
    row = sec.table("Declarations").rows[0]
    assert row[:3] == ("14 Jul 2026", "Ann Lee", "LA") and row[4] == "Manages the service under review"


def test_decisions(q3):
    sec = q3.section(cr.DECISIONS)
    assert sec.available
    # in the quarter: the audit plan (m1) and the strategy (m2, not quorate); the budget ratified on 14 Jul
    figures = ("decisions", "inquorate", "ratified", "awaiting")
    assert tuple(sec.value(k) for k in figures) == (2, 1, 1, 1)
    assert sec.table("Awaiting ratification").rows == (("11 Aug 2026", "5 Neglect strategy", "Approved the strategy"),)


def test_actions(q3):
    sec = q3.section(cr.ACTIONS)
    # opened: a2, a3, a4, a6 (a5 was never agreed); done: a1; open at the end: a0, a2, a3, a4, a6;
    # overdue: a0, a2, a4 (a6 falls due on the last day itself)
    assert (sec.value("opened"), sec.value("done"), sec.value("dropped")) == (4, 1, 0)
    assert (sec.value("open_at_end"), sec.value("overdue_at_end")) == (5, 3)
    rows = sec.table("Overdue actions").rows
    assert [r[1] for r in rows] == ["a0 open from June", "a2 overdue", "a4 overdue"]
    assert [r[4] for r in rows] == ["61", "60", "31"]  # days from the due date to 30 September
    assert rows[1][2] == "Ann Lee"


def test_performance_exception_with_commentary_and_chart(q3):
    sec = q3.section(cr.PERFORMANCE)
    assert (sec.value("indicators"), sec.value("red"), sec.value("exceptions")) == (1, 1, 1)
    sub = sec.subsections[0]
    assert sub.title == "RR1 Re-referrals within 12 months"
    assert sub.quote == ("A dip sample found half were domestic abuse.",) and sub.quote_by.startswith("Sofia Marques")
    assert sub.chart is not None and sub.chart.row.value == 25


def test_challenges(q3):
    sec = q3.section(cr.CHALLENGES)
    # raised: c1, c2; one response (c1, 20 Aug); c1 closed 1 Sep; open at the end: c2 (overdue), c3
    assert (sec.value("raised"), sec.value("responses"), sec.value("closed")) == (2, 1, 1)
    assert (sec.value("open_at_end"), sec.value("overdue_at_end")) == (2, 1)
    assert sec.table("Challenges raised").column("At the end") == ["Closed", "Overdue"]


def test_partnership_and_training(q3):
    p = q3.section(cr.PARTNERSHIP)
    assert (p.value("escalations_raised"), p.value("disputes_raised"), p.value("decided")) == (1, 1, 0)
    assert (p.value("transfers"), p.value("transfers_new")) == (1, 1)
    assert p.table("Work transfers").rows[0][2:5] == ("L&I", "A learning review", "20 Jul 2026")
    t = q3.section(cr.TRAINING)
    assert (t.value("courses"), t.value("places"), t.value("attended")) == (1, 20, 8)


def test_audits_and_inspections(q3):
    sec = q3.section(cr.QUALITY)
    # reported at m2 (the earlier audit was reported in June); the police inspection reviewed at m1;
    # its plan item due 1 Sep is open at 30 Sep
    assert (sec.value("audits_reviewed"), sec.value("audits_completed")) == (1, 1)
    assert (sec.value("inspections_reviewed"), sec.value("plan_items_overdue")) == (1, 1)
    assert sec.table("Audits reviewed").column("Audit") == ["Neglect at the front door"]
    assert sec.table("Audits reviewed").column("Learning") == ["Chronologies need an owner"]
    assert sec.table("Inspections reviewed").rows[0][0] == "Police"


def test_section11_as_at_the_end_of_the_quarter(fx):
    s, _ = fx
    sec = gather_chair_report(s, "2026-Q3", today=TODAY).section(cr.SECTION11)
    # LA received 20 Aug and reviewed 10 Sep; ICB nothing back after the 1 Sep deadline
    assert (sec.value("agencies"), sec.value("received"), sec.value("reviewed"), sec.value("overdue")) == (2, 1, 1, 1)
    assert sec.table("Returns at the end of the period").rows == (("Reviewed", "1", "LA"), ("Overdue", "1", "ICB"))
    # at the end of the previous quarter (30 Jun) the round had not been issued
    before = gather_chair_report(s, "2026-Q2", today=TODAY).section(cr.SECTION11)
    assert "No Section 11 audit round" in before.paragraphs[0]


def test_due_next_quarter(fx, q3):
    s, _ = fx
    sec = q3.section(cr.DUE)
    assert (sec.value("due"), sec.value("overdue")) == (1, 1)
    assert s.fake_due.calls == [(D(2026, 10, 1), D(2026, 12, 31), True)]  # the quarter after 2026-Q3


def test_the_year_counts_the_whole_financial_year(fx):
    s, _ = fx
    year = gather_chair_report(s, "2026-27", today=TODAY)
    meetings = year.section(cr.MEETINGS)
    # m0 (9 Jun), m1, m2 held; m3 cancelled; m4 (13 Oct) still planned
    assert (meetings.value("held"), meetings.value("cancelled"), meetings.value("planned")) == (3, 1, 1)
    actions = year.section(cr.ACTIONS)
    # every agreed action came from 2026-27's meetings (a0-a4, a6); at 31 March 2027 a0, a2, a3, a4, a6 are open
    # and overdue
    assert (actions.value("opened"), actions.value("open_at_end"), actions.value("overdue_at_end")) == (6, 5, 5)
    assert year.title == "Annual report 2026-27"
    # the year's last quarter (Jan-Mar 2027) has no figures yet: its latest quarter with figures, 2026-Q3
    performance = year.section(cr.PERFORMANCE)
    assert (performance.value("red"), performance.value("exceptions")) == (1, 1)
    assert "the year's latest quarter with figures" in performance.paragraphs[0]


def test_decisions_and_due_from_the_real_registers_on_the_demo(demo_db):
    """The demo's inquorate meeting of March (2025-26) took decisions, one ratified at a later meeting."""
    with Store.open(demo_db) as s:
        year = gather_chair_report(s, "2025-26", sections=["decisions", "due"], today=TODAY)
        decisions, due = year.section(cr.DECISIONS), year.section(cr.DUE)
        assert decisions.available and due.available
        assert decisions.value("inquorate") >= 1
        assert decisions.value("decisions") == len(decisions.table("Decisions taken").rows)
        assert all(r[0].endswith("2026") or r[0].endswith("2025") for r in decisions.table("Decisions taken").rows)
        assert due.value("due") + due.value("overdue") == len(due.table("Due").rows)


def test_sections_setting_chooses_and_orders(fx):
    s, _ = fx
    assert report_sections(s) == list(cr.DEFAULT_SECTIONS)
    save_report_sections(s, ["actions", "Meetings and quoracy"])
    report = gather_chair_report(s, "2026-Q3", today=TODAY)
    assert [x.key for x in report.sections] == ["actions", "meetings"]
    assert s.history(entity="setting")[0].changes["chair_report_sections"][1] == ["actions", "meetings"]
    with pytest.raises(ValidationError, match="not a section"):
        save_report_sections(s, ["actions", "gossip"])
    with pytest.raises(ValidationError, match="twice"):
        save_report_sections(s, ["actions", "actions"])
    assert report_sections(s) == ["actions", "meetings"]


def test_periods_refused_with_the_form_to_use():
    with pytest.raises(ValidationError, match="not a financial year"):
        cr.report_period("2026-Q3", "year")
    with pytest.raises(ValidationError, match="not a month"):
        cr.report_period("2026-07")
    assert cr.report_period("Q2 2026-27", "quarter").key == "2026-Q3"


# --- the Word file -------------------------------------------------------------------------------------
@pytest.fixture
def written(fx, tmp_path):
    from mqp_desktop.exporters.chair_report_docx import write_chair_report_docx

    s, _ = fx
    report = gather_chair_report(s, "2026-Q3", today=TODAY)
    return report, write_chair_report_docx(report, tmp_path / "chair.docx")


def test_word_file_has_headings_tables_a_chart_and_empty_commentary(written):
    import docx

    from mqp_desktop.exporters.chair_report_docx import COMMENTARY_STYLE

    report, path = written
    doc = docx.Document(str(path))
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == [f"{n}. {s.title}" for n, s in enumerate(report.sections, 1)]
    h2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert h2 == ["6.1 RR1 Re-referrals within 12 months"]
    boxes = [p for p in doc.paragraphs if p.style.name == COMMENTARY_STYLE]
    assert len(boxes) == len(report.sections) and all(p.text == "" for p in boxes)
    labels = [p for p in doc.paragraphs if p.text == cr.COMMENTARY_HEADING]
    assert len(labels) == len(report.sections)
    assert len(doc.inline_shapes) == 1  # the one exception's chart
    blob = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert doc.part.related_parts[blob].blob[:8] == b"\x89PNG\r\n\x1a\n"
    xml = doc.element.body.xml
    assert 'TOC \\o "1-2"' in xml and "PAGEREF ChairReportSection1" in xml
    # real tables: the agency table's rows as gathered, the heading row repeated
    agency = next(t for t in doc.tables if t.rows[0].cells[0].text == "Agency" and len(t.columns) == 6)
    assert [c.text for c in agency.rows[1].cells] == ["Housing", "2", "1", "0", "50%", "Below"]
    assert "w:tblHeader" in agency.rows[0]._tr.xml
    assert doc.core_properties.title == "Chair's report to the Executive: Q2 2026-27"


def test_word_files_decisions_say_quorate_not_a_dash(written):
    """Issue 14: the Quoracy column showed '–' for a decision taken at a quorate meeting, which read as
    nothing known; it says 'Quorate', and the not-quorate decision keeps its words."""
    import docx

    _report, path = written
    doc = docx.Document(str(path))
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == ["Meeting", "Item", "Decision",
                                                                               "Quoracy"])
    rows = {r.cells[2].text: r.cells[3].text for r in table.rows[1:]}
    # the fixture's quarter: the audit plan at the quorate 14 July meeting, the strategy at the inquorate 11 August
    assert rows == {"Agreed the audit plan": "Quorate",
                    "Approved the strategy": "Not quorate; awaiting ratification"}


def test_word_file_in_the_house_template(fx, tmp_path):
    import docx

    from mqp_desktop.exporters.chair_report_docx import export_chair_report

    s, _ = fx
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "HOUSE HEADER"
    template.add_paragraph("Template body text to be cleared")
    template_path = tmp_path / "house.docx"
    template.save(str(template_path))
    s.agendas.set_house_template("house.docx", template_path.read_bytes())
    out = export_chair_report(s, "2026-Q3", tmp_path / "in-house.docx", sections=["meetings"], today=TODAY)
    doc = docx.Document(str(out))
    assert doc.sections[0].header.paragraphs[0].text == "HOUSE HEADER"
    assert all("Template body" not in p.text for p in doc.paragraphs)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == ["1. Meetings and quoracy"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_report_without_complaint(written, tmp_path):
    from pypdf import PdfReader

    _, path = written
    out = tmp_path / "pdf"
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
                           "--convert-to", "pdf", "--outdir", str(out), str(path)],
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr
    pdf = out / "chair.pdf"
    assert pdf.exists()
    reader = PdfReader(str(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 3
    assert "1. Meetings and quoracy" in text and "Chair's commentary" in text


# --- the command line --------------------------------------------------------------------------------------
def test_cli_chair_and_annual(demo_db, tmp_path, capsys):
    import docx

    from mqp_desktop.cli import main

    out = tmp_path / "report.docx"
    assert main(["--db", str(demo_db), "report", "chair", "--quarter", "2026-Q3", "--out", str(out)]) == 0
    assert "Wrote Chair's report" in capsys.readouterr().out
    assert [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"][0] == \
        "1. Meetings and quoracy"
    assert main(["--db", str(demo_db), "report", "annual", "--year", "2025-26", "--json",
                 "--sections", "meetings,actions"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["period"] == "2025-26" and [s["key"] for s in data["sections"]] == ["meetings", "actions"]
    assert set(data["sections"][0]["figures"]) >= {"held", "quorate", "inquorate"}
    assert main(["--db", str(demo_db), "report", "annual", "--year", "2026-Q3", "--out", str(out)]) == 1
    assert "not a financial year" in capsys.readouterr().err


def test_cli_records_the_report_for_the_executive(demo_db, tmp_path, capsys):
    from mqp_desktop.cli import main

    out = tmp_path / "report.docx"
    assert main(["--db", str(demo_db), "report", "chair", "--quarter", "2026-Q3", "--out", str(out),
                 "--sections", "meetings", "--executive-meeting", "2026-10-20"]) == 0
    said = capsys.readouterr().out
    assert "Recorded as a document" in said
    with Store.open(demo_db) as s:
        doc = [d for d in s.governance.documents.all() if d.title.startswith("Chair's report")][-1]
        assert doc.kind.value == "report" and doc.sent_to_executive_on == D(2026, 10, 20)
        stored = int(doc.notes.split("as document ")[1].split(" ")[0])
        assert s.agendas.document(stored).content == out.read_bytes()

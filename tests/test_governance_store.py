"""store.governance: case reviews, training, documents and the ToR's versions, chairing reviews, attendance
letters — every change in the history, nothing deleted, stale edits refused, the ToR review date moved on."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlite_utils import Database

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.actions import Action
from mqp_desktop.domain.governance.case_reviews import CaseReview, CaseReviewStatus, Dissemination, ReviewKind
from mqp_desktop.domain.governance.common import add_months
from mqp_desktop.domain.governance.documents import (
    DocumentKind,
    DocumentStatus,
    GovernanceDocument,
    Office,
    OfficeOutcome,
    OfficeReview,
    Outcome,
)
from mqp_desktop.domain.governance.followups import AttendanceLetter, LetterStatus
from mqp_desktop.domain.governance.followups import Outcome as LetterOutcome
from mqp_desktop.domain.governance.training import TrainingCourse
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store, sqlite
from mqp_desktop.store.errors import EditConflict
from mqp_desktop.store.migrations import APPLICATION_ID, KNOWN_MIGRATIONS, migrations

D = dt.date
TODAY = dt.date.today()


def rows(store: Store, table: str) -> int:
    return store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def history(store: Store) -> int:
    return rows(store, "change_log")


def a_meeting(store: Store) -> int:
    from mqp_desktop.domain.meetings import Meeting

    return store.meetings.add(Meeting(date=TODAY - dt.timedelta(days=14))).id


# --- case reviews ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["Jayden Smith", "Smith, Jayden", "Baby Smith"])
def test_a_name_is_refused_as_a_case_reference_and_nothing_is_written(store, name):
    before = history(store)
    with pytest.raises(ValidationError) as err:
        store.governance.case_reviews.add(CaseReview(reference=name, referred_on=TODAY))
    assert err.value.field == "reference" and "name" in err.value.message
    assert rows(store, "case_review") == 0 and history(store) == before
    r = store.governance.case_reviews.add(CaseReview(reference="RR-2026-05", referred_on=TODAY))
    with pytest.raises(ValidationError):  # nor can an edit put one in
        store.governance.case_reviews.update(dataclasses.replace(r, reference=name))
    assert store.governance.case_reviews.get(r.id).reference == "RR-2026-05"


def test_a_case_review_is_recorded_edited_withdrawn_and_never_deleted(store):
    cr = store.governance.case_reviews
    agencies = [a.id for a in store.agencies()][:2]
    r = cr.add(CaseReview(reference="LCSPR-2025-02", kind=ReviewKind.LCSPR, agency_ids=tuple(agencies),
                          referred_on=D(2025, 3, 4), learning="Escalate sooner."))
    assert (r.row_version, store.history(limit=1)[0].entity) == (1, "case_review")
    with pytest.raises(ValidationError, match="already has a case review"):
        cr.add(CaseReview(reference="lcspr-2025-02", referred_on=D(2025, 3, 4)))
    r.published_on = D(2025, 11, 2)
    saved = cr.update(r)
    assert saved.row_version == 2 and saved.status(TODAY) is CaseReviewStatus.PUBLISHED
    assert store.history(limit=1)[0].changes == {"published_on": [None, "2025-11-02"]}
    with pytest.raises(EditConflict):  # read at version 1, saved since
        cr.update(dataclasses.replace(r, row_version=1, notes="stale"))
    cr.withdraw(r.id, TODAY, "Recorded twice")
    assert cr.find("LCSPR-2025-02").status(TODAY) is CaseReviewStatus.WITHDRAWN
    again = cr.add(CaseReview(reference="LCSPR-2025-02", referred_on=D(2025, 3, 4)))  # a withdrawn one frees it
    assert cr.find("lcspr-2025-02").id == again.id
    with pytest.raises(sqlite.ERRORS, match="not deleted"):
        store.db.execute("DELETE FROM case_review WHERE id = ?", [r.id])


def test_a_case_reviews_unknown_agency_or_meeting_is_refused(store):
    with pytest.raises(ValidationError) as err:
        store.governance.case_reviews.add(CaseReview(reference="RR-2026-05", referred_on=TODAY, agency_ids=(999,)))
    assert err.value.field == "agencies"
    with pytest.raises(ValidationError) as err:
        store.governance.case_reviews.add(CaseReview(reference="RR-2026-05", referred_on=TODAY, meeting_id=999))
    assert err.value.field == "meeting"


def test_learning_shared_and_removed_in_error_and_actions_in_the_action_log(store):
    cr = store.governance.case_reviews
    meeting = a_meeting(store)
    r = cr.add(CaseReview(reference="LCSPR-2025-02", referred_on=D(2025, 3, 4), meeting_id=meeting))
    one = cr.add_dissemination(r.id, Dissemination(None, D(2025, 12, 1), "School DSLs", reached=40))
    cr.add_dissemination(r.id, Dissemination(None, D(2026, 1, 12), "Health visitors", reached=25))
    assert cr.get(r.id).reached == 65
    cr.remove_dissemination(one)
    got = cr.get(r.id)
    assert got.reached == 25 and len(got.disseminations) == 2 and got.disseminations[0].removed
    action = cr.add_action(r.id, Action(meeting_id=None, description="Reissue the escalation protocol",
                                        owner_name="Sam Lee"))
    assert action.meeting_id == meeting  # from the meeting that reviewed it
    assert [a.number for a in cr.actions(r.id)] == [action.number]
    assert store.minutes.action(action.id).description == "Reissue the escalation protocol"
    assert cr.action_counts() == {r.id: (1, 1)} and cr.reference_of_action(action.id) == "LCSPR-2025-02"
    unmet = cr.add(CaseReview(reference="RR-2026-07", referred_on=TODAY))
    with pytest.raises(ValidationError) as err:
        cr.add_action(unmet.id, Action(meeting_id=None, description="X", owner_name="Sam"))
    assert err.value.field == "meeting"


# --- training -----------------------------------------------------------------------------------------------

def test_a_course_keeps_its_attendance_by_agency_and_is_cancelled_not_deleted(store):
    tr = store.governance.training
    police, icb = [a.id for a in store.agencies()][:2]
    c = tr.add(TrainingCourse(title="Neglect", starts_on=TODAY - dt.timedelta(days=30), places=30,
                              attendance={police: 4, icb: 7}))
    got = tr.get(c.id)
    assert got.attendance == {police: 4, icb: 7} and got.attended == 11
    got.attendance = {police: 5}
    saved = tr.update(got)
    assert tr.get(c.id).attendance == {police: 5} and saved.row_version == 2
    with pytest.raises(ValidationError, match="not an agency|no agency"):
        tr.update(dataclasses.replace(saved, attendance={999: 3}))
    later = tr.add(TrainingCourse(title="Later", starts_on=TODAY + dt.timedelta(days=40)))
    tr.cancel(later.id, TODAY, "Trainer ill")
    assert [x.title for x in tr.list("current", TODAY)] == ["Neglect"]
    with pytest.raises(sqlite.ERRORS, match="not deleted"):
        store.db.execute("DELETE FROM training_course")


# --- documents and the Terms of Reference ----------------------------------------------------------------------

def test_a_new_tor_version_with_its_sign_off_moves_the_review_date_on_by_the_interval(store):
    docs = store.governance.documents
    sc = store.subcommittee()
    assert (sc.tor_version, sc.tor_signed_off, sc.tor_review_due) == ("January 2023", D(2023, 1, 31), D(2023, 12, 31))
    assert [d.version for d in docs.tor_versions()] == ["January 2023"]  # the template's version, as a document
    new = docs.record_tor_version("January 2026", D(2026, 1, 27))
    sc = store.subcommittee()
    assert (sc.tor_version, sc.tor_signed_off, sc.tor_review_due) == ("January 2026", D(2026, 1, 27), D(2027, 1, 27))
    assert new.review_due == D(2027, 1, 27) and docs.current_tor().id == new.id
    assert docs.get(new.supersedes_id).status(TODAY) is DocumentStatus.SUPERSEDED
    store.agendas.set_setting(cfg.REVIEW_INTERVAL_MONTHS, 6)
    docs.record_tor_version("July 2026", D(2026, 7, 14))
    assert store.subcommittee().tor_review_due == D(2027, 1, 14)
    with pytest.raises(ValidationError, match="version in force"):
        docs.record_tor_version("july 2026", D(2026, 8, 1))
    with pytest.raises(ValidationError, match="signed off after it"):
        docs.record_tor_version("June 2026", D(2026, 6, 1))


def test_a_draft_tor_version_leaves_the_one_in_force_until_it_is_signed_off(store):
    docs = store.governance.documents
    draft = docs.record_tor_version("v3 draft")
    sc = store.subcommittee()
    assert sc.tor_version == "January 2023" and draft.status(TODAY) is DocumentStatus.TO_REVIEW
    with pytest.raises(ValidationError, match="already recorded as the next version"):
        docs.record_tor_version("v4")
    docs.sign_off(draft.id, D(2026, 2, 3))
    sc = store.subcommittee()
    assert (sc.tor_version, sc.tor_signed_off, sc.tor_review_due) == ("v3 draft", D(2026, 2, 3), D(2027, 2, 3))


def test_the_settings_changing_the_tor_version_record_it_and_move_the_review_on(store):
    sc = store.subcommittee()
    sc.tor_version, sc.tor_signed_off = "March 2026", D(2026, 3, 3)
    store.update_subcommittee(sc)  # as 'mqp rules set --tor-version ... --tor-signed-off ...' does
    now = store.subcommittee()
    assert (now.tor_version, now.tor_review_due) == ("March 2026", D(2027, 3, 3))
    assert [d.version for d in store.governance.documents.tor_versions()] == ["January 2023", "March 2026"]
    # a review date chosen with it is kept
    now.tor_version, now.tor_signed_off, now.tor_review_due = "April 2026", D(2026, 4, 1), D(2026, 12, 31)
    store.update_subcommittee(now)
    assert store.subcommittee().tor_review_due == D(2026, 12, 31)
    # going back to the version before (an undo) withdraws the later one
    back = store.subcommittee()
    back.tor_version, back.tor_signed_off, back.tor_review_due = "March 2026", D(2026, 3, 3), D(2027, 3, 3)
    store.update_subcommittee(back)
    versions = {d.version: d for d in store.governance.documents.tor_versions()}
    assert versions["April 2026"].status(TODAY) is DocumentStatus.WITHDRAWN
    assert store.subcommittee().tor_version == "March 2026"
    # a corrected sign-off date moves the review with it
    fix = store.subcommittee()
    fix.tor_signed_off = D(2026, 3, 10)
    store.update_subcommittee(fix)
    assert store.subcommittee().tor_review_due == D(2027, 3, 10)
    bad = store.subcommittee()
    bad.tor_version = ""
    with pytest.raises(ValidationError, match="cannot be cleared"):
        store.update_subcommittee(bad)
    late = store.subcommittee()
    late.tor_version, late.tor_signed_off = "May 2026", None
    with pytest.raises(ValidationError) as err:
        store.update_subcommittee(late)
    assert err.value.field == "tor_signed_off"
    assert store.subcommittee().tor_version == "March 2026"  # nothing half-saved


def test_a_document_is_reviewed_sent_signed_off_and_replaced_by_its_next_version(store):
    docs = store.governance.documents
    meeting = a_meeting(store)
    d = docs.add(GovernanceDocument(title="Escalation procedure", kind=DocumentKind.PROCEDURE, version="3.0"))
    with pytest.raises(ValidationError, match="has not been reviewed"):
        docs.send_to_executive(d.id, TODAY)
    docs.record_review(d.id, meeting, Outcome.AMENDED, "Add the health contacts")
    docs.send_to_executive(d.id, TODAY)
    assert docs.get(d.id).status(TODAY) is DocumentStatus.AWAITING_SIGN_OFF
    signed = docs.sign_off(d.id, TODAY)
    assert signed.review_due == add_months(TODAY, 12)  # the review interval (12 months unless set)
    nxt = docs.new_version(d.id, "3.1")
    assert docs.get(d.id).status(TODAY) is DocumentStatus.SIGNED_OFF  # until 3.1 is signed off
    docs.record_review(nxt.id, meeting, Outcome.ENDORSED)
    docs.send_to_executive(nxt.id, TODAY)
    docs.sign_off(nxt.id, TODAY)
    assert docs.get(d.id).status(TODAY) is DocumentStatus.SUPERSEDED
    assert store.subcommittee().tor_version == "January 2023"  # a procedure does not touch the ToR


def test_a_chairing_review_moves_the_offices_date_on_and_back_when_removed(store):
    member = next(m for m in store.members() if m.agency_id)
    member.name = "Dr Helen Carter"
    store.update_member(member)
    sc = store.subcommittee()
    sc.chair.member_id, sc.chair.review_due = member.id, D(2026, 1, 1)
    store.update_subcommittee(sc)
    orv = store.governance.office_reviews
    r = orv.record(OfficeReview(Office.CHAIR, D(2026, 1, 13), OfficeOutcome.CONTINUES))
    assert r.member_id == member.id and r.due_before == D(2026, 1, 1)
    assert store.subcommittee().chair.review_due == D(2027, 1, 13)
    older = orv.record(OfficeReview(Office.CHAIR, D(2025, 1, 14), OfficeOutcome.CONTINUES))  # recorded late
    assert older.next_review_due == D(2026, 1, 14) and store.subcommittee().chair.review_due == D(2027, 1, 13)
    orv.set_removed(r.id, True)
    assert store.subcommittee().chair.review_due == D(2026, 1, 1)
    orv.set_removed(r.id, False)
    assert store.subcommittee().chair.review_due == D(2027, 1, 13)


# --- attendance follow-up --------------------------------------------------------------------------------------

def test_a_letters_outcomes_are_recorded_and_cleared(store):
    fu = store.governance.followups
    member = store.members()[0]
    x = fu.add(AttendanceLetter(member_id=member.id, sent_on=TODAY - dt.timedelta(days=40)))
    assert x.status(TODAY) is LetterStatus.OVERDUE and [y.id for y in fu.overdue(TODAY)] == [x.id]
    for outcome in LetterOutcome:
        got = fu.record_outcome(x.id, outcome, substitute_name="DS Karen Osei")
        assert got.outcome is outcome and got.status(TODAY) is LetterStatus.CLOSED
        assert store.history(limit=1)[0].action == "outcome"
    assert fu.get(x.id).substitute_name == ""  # kept only with that outcome
    cleared = fu.record_outcome(x.id, None)
    assert cleared.outcome is None and cleared.outcome_on is None and cleared.status(TODAY) is LetterStatus.OVERDUE
    fu.withdraw(x.id, TODAY, "Recorded in error")
    with pytest.raises(ValidationError, match="withdrawn"):
        fu.record_outcome(x.id, LetterOutcome.IMPROVED)


def test_the_attendance_reports_letters_are_recorded_once_a_day(demo_store):
    today = dt.date.today()
    report = demo_store.meetings.report(today - dt.timedelta(days=365), today)
    below = report.members_below_standard
    assert below  # the demo has members below the standard
    fu = demo_store.governance.followups
    before = len(fu.all())
    added = fu.record_written(report, [f"Attendance letter - {r.member.display_name}.docx" for r in below])
    assert [x.member_id for x in added] == [r.member.id for r in below]
    assert all(x.reply_due == today + dt.timedelta(days=28) and x.source.value == "written" for x in added)
    assert added[0].file_name == f"Attendance letter - {below[0].member.display_name}.docx"
    assert added[0].rate <= below[0].rate and added[0].standard == report.standard
    assert fu.record_written(report, []) == [] and len(fu.all()) == before + len(below)


def test_the_migration_makes_the_settings_tor_version_its_first_document(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite.driver.connect(path, isolation_level=None)
    old = Database(conn)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(old, stop_before="0014_governance_records")
    old.execute("INSERT INTO subcommittee (name, quorum_rule, tor_version, tor_signed_off, tor_review_due)"
                " VALUES ('MQ&P', '{}', 'January 2023', '2023-01-31', '2023-12-31')")
    old.execute(f"PRAGMA user_version = {KNOWN_MIGRATIONS.index('0014_governance_records')}")
    conn.close()
    with Store.open(path) as s:
        [tor] = s.governance.documents.tor_versions()
        assert (tor.version, tor.signed_off_on, tor.review_due) == ("January 2023", D(2023, 1, 31), D(2023, 12, 31))
        assert s.governance.documents.current_tor().id == tor.id

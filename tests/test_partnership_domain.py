"""The partnership's rules in plain Python: bodies as a set, a work transfer's states and every move between
them (legal and not), the costs rule for Training, Workforce & Development, priorities checked against the list,
the answer's due date and the overdue flag; escalations' status and steps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from mqp_desktop.domain import escalations as es
from mqp_desktop.domain import partnership as pt
from mqp_desktop.domain.escalations import DecidedBy, Escalation, EscalationKind, EscalationStatus
from mqp_desktop.domain.partnership import (
    TRANSITIONS,
    Answer,
    Direction,
    PartnershipBody,
    TransferState,
    WorkTransfer,
)
from mqp_desktop.domain.validation import ValidationError

D = dt.date
TODAY = D(2026, 6, 1)
PRIORITIES = ["Neglect", "Early help and the front door", "Learning from reviews"]
TWD = PartnershipBody(name="Training, Workforce & Development Subcommittee", short_name="TWD",
                      training_workforce=True, id=2)
LI = PartnershipBody(name="Learning & Improvement Subcommittee", short_name="L&I", id=3)
EXEC = PartnershipBody(name="WSCP Executive", executive=True, id=1)


def transfer(**changes) -> WorkTransfer:
    base = WorkTransfer(direction=Direction.FROM_US, body_id=LI.id, work="A learning review", reason="Its remit",
                        outcomes="A briefing", priorities=("Neglect",), written_on=D(2026, 3, 2),
                        reference="WT-2026-001")
    return dataclasses.replace(base, **changes)


# --- the moves ------------------------------------------------------------------------------------------

def at(state: TransferState) -> WorkTransfer:
    """A transfer that has reached ``state`` by the legal moves, with their dates."""
    t = transfer()
    if state is TransferState.DRAFTED:
        return t
    if state is TransferState.WITHDRAWN:
        return pt.withdraw(t, D(2026, 3, 5), "Drafted twice", TODAY)
    t = pt.send(t, D(2026, 3, 3), 28, TODAY)
    if state is TransferState.SENT:
        return t
    if state is TransferState.ACCEPTED:
        return pt.record_answer(t, Answer.ACCEPTED, "", D(2026, 3, 20), TODAY)
    t = pt.record_answer(t, Answer.DECLINED, "No capacity", D(2026, 3, 20), TODAY)
    if state is TransferState.DECLINED:
        return t
    t = pt.escalate(t, D(2026, 3, 25), "For April", TODAY)
    if state is TransferState.ESCALATED:
        return t
    return pt.decide(t, "L&I takes it on from July", D(2026, 4, 14), TODAY)


def move(t: WorkTransfer, to: TransferState) -> WorkTransfer:
    """Try the step that leads to ``to``, with dates that would be fine if the move were allowed."""
    later = D(2026, 5, 1)
    if to is TransferState.SENT:
        return pt.send(t, later, 28, TODAY)
    if to is TransferState.ACCEPTED:
        return pt.record_answer(t, "accepted", "", later, TODAY)
    if to is TransferState.DECLINED:
        return pt.record_answer(t, "declined", "Not ours", later, TODAY)
    if to is TransferState.ESCALATED:
        return pt.escalate(t, later, "", TODAY)
    if to is TransferState.DECIDED:
        return pt.decide(t, "Decided", later, TODAY)
    if to is TransferState.WITHDRAWN:
        return pt.withdraw(t, later, "No longer needed", TODAY)
    raise AssertionError(to)


@pytest.mark.parametrize("state", list(TransferState))
def test_each_state_is_reached_by_the_legal_moves_and_derived_from_the_dates(state):
    assert at(state).state is state


MOVES = [(a, b) for a, b in itertools.product(TransferState, TransferState) if b is not TransferState.DRAFTED]


@pytest.mark.parametrize("start,to", MOVES, ids=[f"{a.value}->{b.value}" for a, b in MOVES])
def test_every_move_is_allowed_exactly_when_the_table_says(start, to):
    t = at(start)
    if to in TRANSITIONS[start]:
        assert move(t, to).state is to
    else:
        with pytest.raises(ValidationError) as refused:
            move(t, to)
        assert refused.value.field == "state"
        assert "WT-2026-001" in refused.value.message
        assert t.state is start, "a refused move changes nothing"


def test_the_table_is_the_toR_8_sequence():
    assert TRANSITIONS[TransferState.DRAFTED] == {TransferState.SENT, TransferState.WITHDRAWN}
    assert TRANSITIONS[TransferState.SENT] == {TransferState.ACCEPTED, TransferState.DECLINED, TransferState.WITHDRAWN}
    assert TRANSITIONS[TransferState.DECLINED] == {TransferState.ESCALATED}
    assert TRANSITIONS[TransferState.ESCALATED] == {TransferState.DECIDED}
    for final in (TransferState.ACCEPTED, TransferState.DECIDED, TransferState.WITHDRAWN):
        assert TRANSITIONS[final] == frozenset() and final.finished


def test_refusals_say_what_to_do_instead():
    with pytest.raises(ValidationError, match="send it first"):
        move(at(TransferState.DRAFTED), TransferState.ACCEPTED)
    with pytest.raises(ValidationError, match="only a declined transfer is escalated"):
        move(at(TransferState.SENT), TransferState.ESCALATED)
    with pytest.raises(ValidationError, match="Only a declined transfer goes to the Executive"):
        move(at(TransferState.ACCEPTED), TransferState.ESCALATED)
    with pytest.raises(ValidationError, match="already sent"):
        move(at(TransferState.SENT), TransferState.SENT)
    with pytest.raises(ValidationError, match="withdrawn on 5 Mar 2026"):
        move(at(TransferState.WITHDRAWN), TransferState.SENT)


def test_steps_check_their_dates_and_words():
    sent = at(TransferState.SENT)
    with pytest.raises(ValidationError) as e:
        pt.send(transfer(), D(2026, 3, 1), 28, TODAY)
    assert e.value.field == "sent_on" and "before" in e.value.message
    with pytest.raises(ValidationError) as e:
        pt.send(transfer(), D(2026, 7, 1), 28, TODAY)
    assert "future" in e.value.message
    with pytest.raises(ValidationError) as e:
        pt.record_answer(sent, "declined", "  ", D(2026, 3, 20), TODAY)
    assert e.value.field == "answer_reason" and "why not" in e.value.message
    with pytest.raises(ValidationError) as e:
        pt.record_answer(sent, "accepted", "", D(2026, 3, 1), TODAY)
    assert e.value.field == "answered_on"
    with pytest.raises(ValidationError):
        pt.record_answer(sent, "maybe", "", D(2026, 3, 20), TODAY)
    escalated = at(TransferState.ESCALATED)
    with pytest.raises(ValidationError) as e:
        pt.decide(escalated, "", D(2026, 4, 14), TODAY)
    assert e.value.field == "decision"
    with pytest.raises(ValidationError) as e:
        pt.decide(escalated, "Yes", D(2026, 3, 24), TODAY)
    assert e.value.field == "decided_on"
    with pytest.raises(ValidationError) as e:
        pt.withdraw(sent, D(2026, 3, 10), "", TODAY)
    assert e.value.field == "withdrawn_reason"


# --- the answer's due date ---------------------------------------------------------------------------------

@pytest.mark.parametrize("days", [1, 14, 28, 60])
def test_the_answer_is_due_the_set_number_of_days_after_sending(days):
    t = pt.send(transfer(), D(2026, 3, 3), days, TODAY)
    assert t.answer_due == D(2026, 3, 3) + dt.timedelta(days=days)


def test_a_transfer_waiting_past_its_answer_date_is_flagged_and_only_while_waiting():
    t = pt.send(transfer(), D(2026, 3, 3), 28, TODAY)  # due 31 March
    assert not t.is_overdue(D(2026, 3, 31)), "due that day: not yet overdue"
    assert t.is_overdue(D(2026, 4, 1)) and t.days_overdue(D(2026, 4, 1)) == 1
    assert t.days_overdue(D(2026, 4, 13)) == 13
    assert pt.state_text(t, D(2026, 4, 13)) == "⚠ answer overdue (13 days)"
    assert "13 days ago" in pt.next_step(t, D(2026, 4, 13), "L&I Subcommittee")
    answered = pt.record_answer(t, "accepted", "", D(2026, 4, 10), D(2026, 4, 13))
    assert not answered.is_overdue(D(2026, 4, 13)) and answered.days_overdue(D(2026, 4, 13)) == 0
    assert not transfer().is_overdue(D(2030, 1, 1)), "a draft is never overdue"
    assert pt.filter_transfers([t, answered, transfer()], "overdue", D(2026, 4, 13)) == [t]


# --- content: the costs rule and the priorities ------------------------------------------------------------

def test_work_sent_to_training_workforce_and_development_needs_projected_costs():
    t = transfer(body_id=TWD.id)
    with pytest.raises(ValidationError) as e:
        pt.validate_transfer(t, TWD, PRIORITIES)
    assert e.value.field == "projected_costs" and "ToR 8" in e.value.message and TWD.name in e.value.message
    with pytest.raises(ValidationError):
        pt.validate_transfer(transfer(body_id=TWD.id, projected_costs="  \n "), TWD, PRIORITIES)
    ok = pt.validate_transfer(transfer(body_id=TWD.id, projected_costs=" £4,800  for  training "), TWD, PRIORITIES)
    assert ok.projected_costs == "£4,800 for training"
    assert pt.costs_required(ok, TWD)
    # another subcommittee, or work coming to us from TWD: no costs needed
    assert pt.validate_transfer(transfer(), LI, PRIORITIES).projected_costs == ""
    incoming = transfer(body_id=TWD.id, direction=Direction.TO_US, priorities=())
    assert not pt.costs_required(incoming, TWD)
    pt.validate_transfer(incoming, TWD, PRIORITIES)


def test_priorities_are_checked_against_the_partnerships_list():
    t = pt.validate_transfer(transfer(priorities=(" neglect ", "LEARNING FROM REVIEWS", "Neglect")), LI, PRIORITIES)
    assert t.priorities == ("Neglect", "Learning from reviews"), "the list's spelling, once each"
    with pytest.raises(ValidationError) as e:
        pt.validate_transfer(transfer(priorities=("Knife crime",)), LI, PRIORITIES)
    assert e.value.field == "priorities" and "'Knife crime' is not one of" in e.value.message
    with pytest.raises(ValidationError) as e:
        pt.validate_transfer(transfer(priorities=("Neglect",)), LI, [])
    assert "not listed yet" in e.value.message and "partnership_priorities" in e.value.message
    with pytest.raises(ValidationError) as e:
        pt.validate_transfer(transfer(priorities=()), LI, PRIORITIES)
    assert "at least one" in e.value.message
    # a priority the record already has stays, even when the list no longer holds it
    kept = pt.validate_transfer(transfer(priorities=("Old priority", "Neglect")), LI, PRIORITIES,
                                kept_priorities=("Old priority",))
    assert kept.priorities == ("Old priority", "Neglect")
    # work coming to us: their letter may name none
    assert pt.validate_transfer(transfer(direction=Direction.TO_US, priorities=()), LI, PRIORITIES).priorities == ()


def test_content_is_required_and_goes_to_a_subcommittee_not_the_executive():
    for name in ("work", "reason", "outcomes"):
        with pytest.raises(ValidationError) as e:
            pt.validate_transfer(transfer(**{name: " "}), LI, PRIORITIES)
        assert e.value.field == name
    with pytest.raises(ValidationError) as e:
        pt.validate_transfer(transfer(body_id=EXEC.id), EXEC, PRIORITIES)
    assert e.value.field == "body" and "Executive" in e.value.message
    with pytest.raises(ValidationError) as e:
        pt.validate_transfer(transfer(body_id=None), None, PRIORITIES)
    assert e.value.field == "body"
    with pytest.raises(ValidationError):
        pt.validate_transfer(transfer(written_on=None), LI, PRIORITIES)


# --- the bodies as a set -------------------------------------------------------------------------------------

def test_exactly_one_executive_and_at_most_one_twd_among_current_bodies():
    pt.check_bodies([EXEC, TWD, LI], TODAY)
    pt.check_bodies([], TODAY)
    with pytest.raises(ValidationError) as e:
        pt.check_bodies([TWD, LI], TODAY)
    assert e.value.field == "executive" and "first" in e.value.message
    second = PartnershipBody(name="Another Executive", executive=True)
    with pytest.raises(ValidationError) as e:
        pt.check_bodies([EXEC, second], TODAY, changed=second)
    assert "WSCP Executive is already" in e.value.message
    twd2 = PartnershipBody(name="Workforce Group", training_workforce=True)
    with pytest.raises(ValidationError) as e:
        pt.check_bodies([EXEC, TWD, twd2], TODAY, changed=twd2)
    assert e.value.field == "training_workforce" and TWD.name in e.value.message
    # an ended TWD leaves room for a new one
    pt.check_bodies([EXEC, dataclasses.replace(TWD, ended_on=D(2026, 1, 1)), twd2], TODAY)
    ended_exec = dataclasses.replace(EXEC, ended_on=D(2026, 1, 1))
    with pytest.raises(ValidationError) as e:
        pt.check_bodies([ended_exec, LI], TODAY, changed=ended_exec)
    assert e.value.field == "ended_on"
    clash = PartnershipBody(name="learning & improvement subcommittee")
    with pytest.raises(ValidationError) as e:
        pt.check_bodies([EXEC, LI, clash], TODAY, changed=clash)
    assert e.value.field == "name"


def test_a_body_cannot_be_both_the_executive_and_twd_and_its_email_is_checked():
    with pytest.raises(ValidationError) as e:
        pt.validate_body(PartnershipBody(name="X", executive=True, training_workforce=True))
    assert e.value.field == "executive"
    with pytest.raises(ValidationError) as e:
        pt.validate_body(PartnershipBody(name="X", chair_email="not an address"))
    assert e.value.field == "chair_email"
    with pytest.raises(ValidationError):
        pt.validate_body(PartnershipBody(name="  "))


def test_references_count_up_within_the_year_and_are_never_reused():
    assert pt.next_reference("WT", D(2026, 3, 1), []) == "WT-2026-001"
    assert pt.next_reference("WT", D(2026, 3, 1), ["WT-2026-001", "WT-2026-007", "WT-2025-012"]) == "WT-2026-008"
    assert pt.next_reference("WT", D(2027, 1, 5), ["WT-2026-008"]) == "WT-2027-001"
    assert pt.parse_reference("WT", "wt2026-7", "a work transfer") == (2026, 7)
    with pytest.raises(ValidationError):
        pt.parse_reference("WT", "ES-2026-001", "a work transfer")


# --- escalations and disputes ------------------------------------------------------------------------------------

def escalation(kind=EscalationKind.DISPUTE, **changes) -> Escalation:
    base = Escalation(kind=kind, summary="Who convenes the strategy discussion", raised_on=D(2026, 3, 10),
                      raised_by_agency_id=3, reference="ES-2026-001")
    return dataclasses.replace(base, **changes)


def test_a_dispute_goes_open_mediation_executive_decided():
    e = escalation()
    assert e.status is EscalationStatus.OPEN
    e = es.mediate(e, D(2026, 3, 20), "Met both leads", "Partly agreed", TODAY)
    assert e.status is EscalationStatus.MEDIATION
    e = es.mediate(e, D(2026, 3, 27), "Met again", "", TODAY)  # brought up to date
    assert e.mediation_on == D(2026, 3, 27) and e.status is EscalationStatus.MEDIATION
    e = es.escalate(e, D(2026, 4, 1), "For April", TODAY)
    assert e.status is EscalationStatus.EXECUTIVE
    with pytest.raises(ValidationError) as refused:
        es.mediate(e, D(2026, 4, 2), "More", "", TODAY)
    assert "Executive" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        es.decide(e, "Chair says", D(2026, 4, 14), DecidedBy.CHAIR, TODAY)
    assert refused.value.field == "decided_by"
    e = es.decide(e, "EDT convenes", D(2026, 4, 14), None, TODAY)
    assert e.status is EscalationStatus.DECIDED and e.decided_by is DecidedBy.EXECUTIVE
    for step in (lambda x: es.escalate(x, D(2026, 5, 1), "", TODAY),
                 lambda x: es.decide(x, "Again", D(2026, 5, 1), None, TODAY),
                 lambda x: es.withdraw(x, D(2026, 5, 1), "No", TODAY),
                 lambda x: es.mediate(x, D(2026, 5, 1), "No", "", TODAY)):
        with pytest.raises(ValidationError, match="decided on 14 Apr 2026"):
            step(e)


def test_the_chair_can_settle_a_dispute_and_the_executive_decides_only_what_it_was_given():
    e = es.mediate(escalation(), D(2026, 3, 20), "Met both", "Agreed", TODAY)
    with pytest.raises(ValidationError) as refused:
        es.decide(e, "Exec", D(2026, 3, 30), DecidedBy.EXECUTIVE, TODAY)
    assert "escalate it first" in refused.value.message
    settled = es.decide(e, "EDT convenes out of hours", D(2026, 3, 30), None, TODAY)
    assert settled.decided_by is DecidedBy.CHAIR and settled.status is EscalationStatus.DECIDED


def test_only_a_dispute_is_mediated_and_concerns_go_to_the_executive():
    trend = escalation(EscalationKind.TREND)
    with pytest.raises(ValidationError) as refused:
        es.mediate(trend, D(2026, 3, 20), "Notes", "", TODAY)
    assert refused.value.field == "kind" and "ToR 9" in refused.value.message
    up = es.escalate(trend, D(2026, 3, 20), "", TODAY)
    assert up.status is EscalationStatus.EXECUTIVE
    with pytest.raises(ValidationError, match="already with the Executive"):
        es.escalate(up, D(2026, 3, 21), "", TODAY)
    gone = es.withdraw(escalation(), D(2026, 3, 12), "Raised twice", TODAY)
    assert gone.status is EscalationStatus.WITHDRAWN
    with pytest.raises(ValidationError, match="withdrawn on 12 Mar 2026"):
        es.escalate(gone, D(2026, 3, 20), "", TODAY)


def test_escalation_steps_check_dates_and_text():
    with pytest.raises(ValidationError) as e:
        es.mediate(escalation(), D(2026, 3, 1), "Notes", "", TODAY)
    assert e.value.field == "mediation_on"
    with pytest.raises(ValidationError) as e:
        es.mediate(escalation(), D(2026, 3, 20), " ", "", TODAY)
    assert e.value.field == "mediation_notes"
    with pytest.raises(ValidationError) as e:
        es.escalate(escalation(), D(2026, 7, 1), "", TODAY)
    assert "future" in e.value.message
    with pytest.raises(ValidationError) as e:
        es.decide(escalation(), "", D(2026, 3, 20), None, TODAY)
    assert e.value.field == "decision"
    with pytest.raises(ValidationError) as e:
        es.validate_escalation(escalation(raised_by_agency_id=None))
    assert e.value.field == "raised_by"
    with pytest.raises(ValidationError) as e:
        es.validate_escalation(escalation(item_id=4))
    assert e.value.field == "item"
    assert es.parse_kind("Block in the system") is EscalationKind.BLOCK
    assert es.parse_kind("pattern") is EscalationKind.THEME
    with pytest.raises(ValidationError):
        es.parse_kind("complaint")

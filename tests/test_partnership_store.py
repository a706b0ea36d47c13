"""store.partnership and store.escalations on a real (in-memory or file) database: the template's bodies, each
transfer step written and recorded in the change history, the answer's letter or email checked before it is
kept, the database's own guards, versions, undo through restore, and the demo's records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile

import pytest

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.documents import FileRefused
from mqp_desktop.domain.escalations import DecidedBy, Escalation, EscalationKind, EscalationStatus
from mqp_desktop.domain.partnership import Direction, PartnershipBody, TransferState, WorkTransfer
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store, sqlite
from mqp_desktop.store.errors import EditConflict, RecordNotFound
from mqp_desktop.store.seed import load_template

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)
REPLY = (b"From: Fiona Hartley <fiona@example.org>\r\nTo: Helen Carter <helen@example.org>\r\n"
         b"Subject: RE: transfer\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nWe will take it on.\r\n")


@pytest.fixture
def p(store):
    store.agendas.set_setting(cfg.PARTNERSHIP_PRIORITIES, ["Neglect", "Learning from reviews"])
    return store.partnership


def body(p, short: str) -> PartnershipBody:
    return p.find_body(short)


def draft(p, short="L&I", **changes) -> WorkTransfer:
    t = WorkTransfer(direction=Direction.FROM_US, body_id=body(p, short).id, work="A learning review",
                     reason="Case-level learning is their remit", outcomes="- A briefing\n- A report back",
                     priorities=("neglect",), written_on=TODAY - 40 * DAY)
    return p.add_transfer(dataclasses.replace(t, **changes))


def history(store, entity: str, entity_id: int) -> list[str]:
    return [c.action for c in reversed(store.history(entity=entity, entity_id=entity_id))]


# --- bodies -----------------------------------------------------------------------------------------------

def test_the_template_records_the_executive_and_the_subcommittees(store):
    data = load_template("wandsworth-mqp")["partnership_bodies"]
    bodies = store.partnership.bodies()
    assert sorted(b.name for b in bodies) == sorted(d["name"] for d in data)
    assert [b.name for b in bodies if b.executive] == ["WSCP Executive"]
    assert [b.short_name for b in bodies if b.training_workforce] == ["TWD"]
    assert all(not b.chair_name for b in bodies), "the template names no chairs: they are filled in"
    assert bodies[0].executive, "the Executive is listed first"


def test_a_blank_database_starts_with_none_and_needs_the_executive_first(blank_store):
    p = blank_store.partnership
    assert p.bodies() == []
    with pytest.raises(ValidationError) as e:
        p.add_body(PartnershipBody(name="Training Group", training_workforce=True))
    assert "Executive first" in e.value.message
    assert p.bodies() == []
    ex = p.add_body(PartnershipBody(name="Anytown Executive", executive=True))
    p.add_body(PartnershipBody(name="Training Group", training_workforce=True))
    with pytest.raises(ValidationError, match="already the partnership's Executive"):
        p.add_body(PartnershipBody(name="Second Executive", executive=True))
    assert p.executive().id == ex.id and p.executive_name() == "the Anytown Executive"


def test_bodies_are_edited_against_their_version_and_never_deleted(store):
    p = store.partnership
    twd = p.find_body("twd")
    saved = p.update_body(dataclasses.replace(twd, chair_name="Dr Ruth Okonjo", chair_email="ruth@example.org"))
    assert saved.row_version == twd.row_version + 1
    with pytest.raises(EditConflict):
        p.update_body(dataclasses.replace(twd, chair_name="Someone else"))
    assert p.body(twd.id).chair_name == "Dr Ruth Okonjo"
    ended = p.update_body(dataclasses.replace(saved, ended_on=TODAY - DAY), action="ended")
    assert not ended.is_current(TODAY) and p.body(twd.id).ended_on == TODAY - DAY
    assert [b.id for b in p.bodies(current_on=TODAY)].count(twd.id) == 0
    with pytest.raises(sqlite.INTEGRITY_ERRORS):
        store.db.execute("DELETE FROM partnership_body WHERE id = ?", [twd.id])
    assert history(store, "partnership_body", twd.id) == ["added", "edited", "ended"]
    with pytest.raises(RecordNotFound):
        p.find_body("Scrutiny Board")


def test_the_database_keeps_one_current_executive_and_twd_even_past_the_program(store):
    with pytest.raises(sqlite.INTEGRITY_ERRORS):
        store.db.execute("UPDATE partnership_body SET executive = 1 WHERE short_name = 'L&I'")
    with pytest.raises(sqlite.INTEGRITY_ERRORS):
        store.db.execute("UPDATE partnership_body SET training_workforce = 1 WHERE short_name = 'L&I'")


# --- transfers ------------------------------------------------------------------------------------------------

def test_a_transfer_from_us_is_drafted_with_a_reference_and_its_steps_recorded(store, p):
    t = draft(p)
    assert t.reference == f"WT-{t.written_on.year}-001" and t.state is TransferState.DRAFTED
    assert t.priorities == ("Neglect",)
    sent = p.send(t.id, TODAY - 38 * DAY)
    assert sent.state is TransferState.SENT and sent.answer_due == TODAY - 10 * DAY
    assert p.overdue(TODAY) == [sent] and sent.days_overdue(TODAY) == 10
    declined = p.answer(t.id, "declined", "No capacity until the autumn", TODAY - 5 * DAY)
    assert declined.state is TransferState.DECLINED and not p.overdue(TODAY)
    p.escalate(t.id, TODAY - 3 * DAY, "For the Executive")
    decided = p.decide(t.id, "L&I takes it on from September", TODAY)
    assert decided.state is TransferState.DECIDED and p.transfer(t.id) == decided
    assert history(store, "work_transfer", t.id) == ["added", "sent", "answered", "escalated", "decided"]
    summaries = [c.summary for c in store.history(entity="work_transfer", entity_id=t.id)]
    assert any("escalated to the WSCP Executive" in s for s in summaries)
    assert p.find_transfer(t.reference.lower()).id == t.id and p.find_transfer(str(t.id)).id == t.id


def test_the_answer_is_due_after_the_set_number_of_days(store, p):
    store.agendas.set_setting(cfg.TRANSFER_ANSWER_DAYS, 14)
    t = p.send(draft(p).id, TODAY - 20 * DAY)
    assert t.answer_due == TODAY - 6 * DAY and t.is_overdue(TODAY)
    with pytest.raises(ValidationError):
        store.agendas.set_setting(cfg.TRANSFER_ANSWER_DAYS, 0)
    assert p.answer_days() == 14


def test_work_to_twd_is_refused_without_costs_and_nothing_is_written(store, p):
    before = store.db.execute("SELECT count(*) FROM work_transfer").fetchone()[0]
    with pytest.raises(ValidationError) as e:
        draft(p, "TWD")
    assert e.value.field == "projected_costs"
    assert store.db.execute("SELECT count(*) FROM work_transfer").fetchone()[0] == before
    t = draft(p, "TWD", projected_costs="£4,800: four sessions")
    with pytest.raises(ValidationError):
        p.update_transfer(dataclasses.replace(t, projected_costs=""))


def test_priorities_come_from_the_setting(store, p):
    with pytest.raises(ValidationError, match="'Knife crime' is not one of"):
        draft(p, priorities=("Knife crime",))
    t = draft(p, priorities=("Learning from reviews",))
    store.agendas.set_setting(cfg.PARTNERSHIP_PRIORITIES, ["Neglect"])  # the list changes later
    edited = p.update_transfer(dataclasses.replace(t, outcomes="A briefing"))
    assert edited.priorities == ("Learning from reviews",), "a priority already linked stays"


def test_incoming_work_starts_received_and_our_answer_is_due(store, p):
    t = p.add_transfer(WorkTransfer(direction=Direction.TO_US, body_id=body(p, "CE&M").id, work="Audit of MACE",
                                    reason="Needs QA", outcomes="An audit report", written_on=TODAY - 3 * DAY))
    assert t.state is TransferState.SENT and t.sent_on == TODAY - 3 * DAY and t.answer_due == TODAY + 25 * DAY
    edited = p.update_transfer(dataclasses.replace(t, outcomes="An audit report by March"))
    assert edited.outcomes == "An audit report by March", "their letter transcribed is corrected until we answer"
    with pytest.raises(ValidationError, match="direction does not change"):
        p.update_transfer(dataclasses.replace(edited, direction=Direction.FROM_US, priorities=("Neglect",)))


def test_what_the_letter_said_stays_as_sent(p):
    t = p.send(draft(p).id, TODAY - 30 * DAY)
    with pytest.raises(ValidationError) as e:
        p.update_transfer(dataclasses.replace(t, work="Something else"))
    assert e.value.field == "state" and "as it was sent" in e.value.message
    assert p.transfer(t.id).work == "A learning review"


def test_a_step_read_at_an_old_version_is_refused(p):
    t = draft(p)
    p.update_transfer(dataclasses.replace(t, reason="Changed elsewhere"))
    with pytest.raises(EditConflict):
        p.send(t.id, TODAY, seen=t)
    assert p.transfer(t.id).state is TransferState.DRAFTED


def test_the_answers_letter_or_email_is_kept_after_the_hostile_file_checks(store, p, tmp_path):
    t = p.send(draft(p).id, TODAY - 30 * DAY)
    evil = tmp_path / "reply.pdf"
    evil.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)
    docs = store.db.execute("SELECT count(*) FROM document").fetchone()[0]
    with pytest.raises(FileRefused, match="Windows program"):
        p.answer(t.id, "accepted", "", TODAY, file=evil)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    with pytest.raises(FileRefused):
        p.answer(t.id, "accepted", "", TODAY, content=("reply.docx", bomb.getvalue()))
    with pytest.raises(FileRefused, match="headers"):
        p.answer(t.id, "accepted", "", TODAY, content=("reply.eml", b"just some words\n\nmore"))
    with pytest.raises(FileRefused, match="must be"):
        p.answer(t.id, "accepted", "", TODAY, content=("reply.exe", b"MZ"))
    assert p.transfer(t.id).state is TransferState.SENT, "a refused file writes nothing"
    assert store.db.execute("SELECT count(*) FROM document").fetchone()[0] == docs
    saved = p.answer(t.id, "accepted", "", TODAY, content=("Re transfer.eml", REPLY))
    doc = p.answer_document(saved)
    assert doc.content == REPLY and doc.info.media_type == "message/rfc822"
    # a refused answer (declined with no reason) stores no file either
    t2 = p.send(draft(p).id, TODAY - 3 * DAY)
    with pytest.raises(ValidationError):
        p.answer(t2.id, "declined", "", TODAY, content=("Re.eml", REPLY))
    assert store.db.execute("SELECT count(*) FROM document").fetchone()[0] == docs + 1


def test_the_letter_can_come_after_the_answer(p):
    t = p.send(draft(p).id, TODAY - 30 * DAY)
    with pytest.raises(ValidationError, match="no answer yet"):
        p.attach_answer(t.id, content=("Re.eml", REPLY))
    p.answer(t.id, "accepted", "", TODAY)
    saved = p.attach_answer(t.id, content=("Re.eml", REPLY))
    assert p.answer_document(saved).content == REPLY


def test_the_database_refuses_a_transfer_out_of_order_even_past_the_program(store, p):
    t = draft(p)
    for sql in ("UPDATE work_transfer SET answer = 'accepted', answered_on = date('now') WHERE id = ?",
                "UPDATE work_transfer SET escalated_on = date('now') WHERE id = ?",
                "UPDATE work_transfer SET decision = 'x' WHERE id = ?",
                "UPDATE work_transfer SET reference = 'WT-2000-001' WHERE id = ?",
                "DELETE FROM work_transfer WHERE id = ?"):
        with pytest.raises(sqlite.INTEGRITY_ERRORS):
            store.db.execute(sql, [t.id])


def test_undo_puts_a_step_back_and_is_refused_when_changed_since(store, p):
    from mqp_desktop.store.partnership import ALL_STEP_FIELDS

    t = draft(p)
    sent = p.send(t.id, TODAY - DAY)
    back = p.restore(t.id, t, sent, ALL_STEP_FIELDS, action="send undone")
    assert back.state is TransferState.DRAFTED and back.answer_due is None
    again = p.restore(t.id, sent, back, ALL_STEP_FIELDS, action="sent")
    assert again.state is TransferState.SENT
    p.answer(t.id, "accepted", "", TODAY)
    with pytest.raises(EditConflict):  # answered since: undoing the sending would leave an answer to no letter
        p.restore(t.id, t, sent, ALL_STEP_FIELDS, action="send undone")
    assert p.transfer(t.id).state is TransferState.ACCEPTED
    assert history(store, "work_transfer", t.id)[-3:] == ["send undone", "sent", "answered"]


def test_withdrawing_keeps_the_transfer_and_its_number(p):
    t = draft(p)
    gone = p.withdraw(t.id, TODAY, "Drafted twice")
    assert gone.state is TransferState.WITHDRAWN and p.transfer(t.id).withdrawn_reason == "Drafted twice"
    assert draft(p).reference.endswith("-002")
    assert p.transfers("open", TODAY) == [p.transfers("all", TODAY)[-1]]


# --- escalations ---------------------------------------------------------------------------------------------------

def test_escalations_are_recorded_with_where_they_arose_and_each_step(demo_store):
    esc = demo_store.escalations
    meeting = [m for m in demo_store.meetings.list() if m.date < TODAY][-1]
    item = demo_store.agendas.items(meeting.id)[-1]
    police = demo_store.find_agency("Police")
    e = esc.add(Escalation(kind=EscalationKind.DISPUTE, summary="Who convenes", raised_by_agency_id=police.id,
                           meeting_id=meeting.id, item_id=item.id))
    assert e.raised_on == meeting.date and e.reference.startswith(f"ES-{meeting.date.year}-")
    assert "item" in esc.arose_at_text(e) and esc.raised_by_text(e) == "Police"
    on = min(TODAY, meeting.date + DAY)
    esc.mediate(e.id, on, "Met both", "Interim agreed")
    esc.escalate(e.id, on, "For April")
    done = esc.decide(e.id, "EDT convenes", on)
    assert done.status is EscalationStatus.DECIDED and done.decided_by is DecidedBy.EXECUTIVE
    assert history(demo_store, "escalation", e.id) == ["added", "mediation", "escalated", "decided"]
    with pytest.raises(sqlite.INTEGRITY_ERRORS):
        demo_store.db.execute("DELETE FROM escalation WHERE id = ?", [e.id])


def test_a_member_raising_it_brings_their_agency_and_must_belong_to_it(demo_store):
    esc = demo_store.escalations
    member = next(m for m in demo_store.members() if m.name == "DI Mark Ellison")
    e = esc.add(Escalation(kind=EscalationKind.TREND, summary="Rising missing episodes",
                           raised_by_member_id=member.id, raised_on=TODAY))
    assert e.raised_by_agency_id == member.agency_id and esc.raised_by_text(e) == "DI Mark Ellison (Police)"
    other = demo_store.find_agency("SWL ICB")
    with pytest.raises(ValidationError, match="represents Police"):
        esc.add(Escalation(kind=EscalationKind.TREND, summary="x", raised_by_member_id=member.id,
                           raised_by_agency_id=other.id, raised_on=TODAY))
    with pytest.raises(ValidationError, match="mediates disputes"):
        esc.mediate(e.id, TODAY, "Notes")
    gone = esc.withdraw(e.id, TODAY, "Raised twice")
    assert gone.status is EscalationStatus.WITHDRAWN and esc.get(e.id).withdrawn_reason == "Raised twice"


def test_the_demo_holds_the_transfers_and_escalations_the_brief_asks_for(demo_store):
    p = demo_store.partnership
    transfers = p.all_transfers()
    assert len(transfers) == 2
    accepted = next(t for t in transfers if t.state is TransferState.ACCEPTED)
    assert p.answer_document(accepted) is not None
    waiting = next(t for t in transfers if t.state is TransferState.SENT)
    assert waiting.is_overdue(TODAY) and waiting.projected_costs
    assert p.body(waiting.body_id).training_workforce
    kinds = {(e.kind, e.status, e.decided_by) for e in demo_store.escalations.all()}
    assert (EscalationKind.BLOCK, EscalationStatus.DECIDED, DecidedBy.EXECUTIVE) in kinds
    assert (EscalationKind.DISPUTE, EscalationStatus.MEDIATION, None) in kinds
    assert all(b.chair_name and b.chair_email for b in p.bodies())


def test_two_copies_on_one_file_do_not_overwrite_each_others_steps(tmp_path, demo_db):
    a, b = Store.open(demo_db), Store.open(demo_db)
    try:
        waiting = next(t for t in a.partnership.all_transfers() if t.state is TransferState.SENT)
        seen = b.partnership.transfer(waiting.id)
        a.partnership.answer(waiting.id, "accepted", "", TODAY)
        with pytest.raises(EditConflict):
            b.partnership.withdraw(waiting.id, TODAY, "Not needed", seen=seen)
        assert b.partnership.transfer(waiting.id).state is TransferState.ACCEPTED
    finally:
        a.close()
        b.close()

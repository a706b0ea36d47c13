"""The minutes' circulation draft (ToR 13): written, read back with Python's email parser and pypdf, recorded."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io

import pytest

from mqp_desktop.domain.meetings import Meeting, MeetingStatus
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.circulation import record_circulated
from mqp_desktop.exporters.minutes_circulation import plan_minutes_circulation, write_minutes_eml


def _read(path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def _held(store):
    return [m for m in store.meetings.list() if m.status is MeetingStatus.HELD and m.date < dt.date.today()]


def test_draft_minutes_go_to_every_member_marked_draft_and_are_recorded(demo_store, tmp_path):
    meeting = _held(demo_store)[-1]  # the latest: its minutes are a draft in the demo
    plan = plan_minutes_circulation(demo_store, meeting.id, include_deputies=True)
    msg = _read(write_minutes_eml(plan, tmp_path / "minutes.eml"))
    assert msg["X-Unsent"] == "1" and "draft minutes" in msg["Subject"]
    members = [m for m in demo_store.members(active_on=meeting.date) if not m.is_vacant and m.email]
    assert {a.addr_spec.lower() for a in msg["To"].addresses} | {msg["From"].addresses[0].addr_spec.lower()} >= \
        {m.email.lower() for m in members}
    assert msg["Cc"] is not None  # deputies copied in
    [pdf] = list(msg.iter_attachments())
    assert pdf.get_filename().startswith("Draft minutes - ")
    assert "DRAFT" in _pdf_text(pdf.get_content())
    body = msg.get_body(("plain",)).get_content()
    for action in demo_store.minutes.actions(meeting_id=meeting.id):
        assert action.number in body
    assert any("draft minutes" in w for w in plan.warnings)
    record = record_circulated(demo_store, plan)
    assert record.kind.value == "minutes" and record.attachments[0].sha256 == plan.attachments[0].sha256
    assert demo_store.agendas.circulations(meeting.id)[-1].id == record.id


def test_signed_minutes_go_as_signed(demo_store, tmp_path):
    meeting = _held(demo_store)[0]  # the oldest: signed in the demo
    plan = plan_minutes_circulation(demo_store, meeting.id)
    msg = _read(write_minutes_eml(plan, tmp_path / "signed.eml"))
    assert "draft" not in msg["Subject"].lower()
    [pdf] = list(msg.iter_attachments())
    assert pdf.get_filename().startswith("Minutes - ") and "signed by the chair on" in plan.body
    assert not any("draft" in w for w in plan.warnings)


def test_a_meeting_not_held_or_without_minutes_has_none_to_circulate(demo_store):
    upcoming = next(m for m in demo_store.meetings.list() if m.date > dt.date.today())
    with pytest.raises(ValidationError, match="not been held"):
        plan_minutes_circulation(demo_store, upcoming.id)
    cancelled = next(m for m in demo_store.meetings.list() if m.status is MeetingStatus.CANCELLED)
    with pytest.raises(ValidationError, match="cancelled"):
        plan_minutes_circulation(demo_store, cancelled.id)
    bare = demo_store.meetings.add(Meeting(date=dt.date.today() - dt.timedelta(days=1)))
    with pytest.raises(ValidationError) as err:
        plan_minutes_circulation(demo_store, bare.id)
    assert err.value.field == "minutes"


def test_the_wording_is_the_editable_setting(demo_store):
    from mqp_desktop.domain import agenda_settings as cfg

    demo_store.agendas.set_setting(cfg.EMAIL_MINUTES_CIRCULATION, {"subject": "Minutes {meeting_date} ({minutes})",
                                                                   "body": "Hello. {signed}. {next_meeting}"})
    meeting = _held(demo_store)[-1]
    plan = plan_minutes_circulation(demo_store, meeting.id)
    assert plan.subject == f"Minutes {meeting.date.day} {meeting.date:%B %Y} (draft minutes)"
    assert plan.body.startswith("Hello. not yet signed by the chair.")
    with pytest.raises(ValidationError, match="not a placeholder"):
        demo_store.agendas.set_setting(cfg.EMAIL_MINUTES_CIRCULATION, {"subject": "{item}", "body": "x"})

"""Chase email drafts for Section 11 returns not received, read back with Python's email parser."""

from __future__ import annotations

import datetime as dt
from email import policy
from email.parser import BytesParser

import pytest

from mqp_desktop.exporters.chase_email import write_chase_email, write_chase_emails
from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.store.section11 import Section11Repo
from tests.helpers.section11_tiny import TODAY, build


@pytest.fixture
def tiny(store):
    return build(store)


def _read(path):
    with path.open("rb") as fh:
        return BytesParser(policy=policy.default).parse(fh)


def test_overdue_draft_to_the_lead_copied_to_the_substitute(tmp_path, store, tiny):
    path = write_chase_email(store, tiny.return_ids["C"], tmp_path / "c.eml", today=TODAY)
    msg = _read(path)
    assert msg["X-Unsent"] == "1"
    assert msg["To"].addresses[0].addr_spec == "casey.lead@c.example.org"
    assert msg["To"].addresses[0].display_name == "Casey Lead"
    assert msg["Cc"].addresses[0].addr_spec == "sam.sub@c.example.org"
    assert msg["Subject"] == "Tiny 2025: your Section 11 self-assessment return, due 10 February 2025, is overdue"
    assert msg.get_content_charset() == "utf-8"
    body = " ".join(msg.get_content().split())
    assert body.startswith("Dear Casey Lead,")
    assert f"{tiny.c.name}'s Section 11 self-assessment for the Tiny 2025" in body
    assert "It was due on 10 February 2025, so it is now 38 days overdue." in body
    assert "We sent it out on 10 January 2025." in body
    assert "We have already sent 2 reminders on 12 February 2025 and 20 February 2025." in body
    assert "copied in Sam Sub" in body
    assert "MQ&P business support team" in body, "signed by the business team when no officer is in the register"
    assert msg["From"] is None, "no business team address recorded: Outlook fills in the sender's own"


def test_outstanding_draft_is_a_reminder_before_the_deadline(tmp_path, store, tiny):
    before = dt.date(2025, 2, 3)
    msg = _read(write_chase_email(store, tiny.return_ids["C"], tmp_path / "c.eml", today=before))
    assert "overdue" not in msg["Subject"] and "due 10 February 2025" in msg["Subject"]
    body = " ".join(msg.get_content().split())
    assert "is due on 10 February 2025, in 7 days." in body
    assert "The challenge and moderation panel next meets on 1 March 2025." in body


def test_the_business_support_officer_signs_and_sends(tmp_path, demo_store):
    s11 = Section11Repo(demo_store)
    rnd = s11.latest_round()
    today = dt.date.today()
    overdue = [r for r in s11.returns(rnd.id) if r.status(rnd.deadline, today).value == "overdue"]
    written = write_chase_emails(demo_store, rnd.id, tmp_path)
    assert len(written) == len(overdue) > 0
    for path, ret in zip(written, overdue, strict=True):
        msg = _read(path)
        assert msg["To"].addresses[0].addr_spec == ret.lead_email
        assert f"{(today - rnd.deadline).days} days overdue" in msg.get_content()
        assert path.suffix == ".eml" and demo_store.agency(ret.agency_id).label in path.name
    sender = _read(written[0])["From"].addresses[0]
    officer = next(m for m in demo_store.members() if "business support" in m.role_title.lower())
    assert sender.addr_spec == officer.email
    assert officer.role_title in _read(written[0]).get_content()


def test_only_returns_not_received_are_chased(tmp_path, store, tiny):
    written = write_chase_emails(store, tiny.round_id, tmp_path, today=TODAY)
    assert [p.name for p in written] == [f"Chase - {tiny.c.label} - Tiny 2025.eml"]


def test_a_return_without_addresses_gets_a_draft_to_fill_in(tmp_path, store, tiny):
    s11 = tiny.s11
    ret = s11.get_return(tiny.return_ids["C"])
    ret.lead_email = ret.substitute_email = ""
    s11.update_return(ret)
    msg = _read(write_chase_email(store, ret.id, tmp_path / "c.eml", today=TODAY))
    assert msg["To"] is None and msg["Cc"] is None
    assert msg.get_content().startswith("Dear colleague,")


def test_a_missing_folder_is_a_clear_error(tmp_path, store, tiny):
    with pytest.raises(ExportFileError, match="does not exist"):
        write_chase_emails(store, tiny.round_id, tmp_path / "nowhere", today=TODAY)

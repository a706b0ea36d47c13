"""Chase drafts for overdue challenges, read back as email messages."""

from __future__ import annotations

import datetime as dt
import email
import email.policy

import pytest

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.challenges import ChallengeStatus
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.challenge_chase import chase_message, write_chase_email, write_chase_emails
from mqp_desktop.exporters.files import ExportFileError

TODAY = dt.date.today()


def read(path):
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def overdue(store):
    return store.challenges.overdue(TODAY)


def test_the_overdue_challenge_is_chased_to_its_member_from_the_business_team(demo_store, tmp_path):
    [c] = overdue(demo_store)
    member = demo_store.member(c.to_member_id)
    path = write_chase_email(demo_store, c.id, tmp_path / "chase.eml")
    msg = read(path)
    assert msg["X-Unsent"] == "1"
    assert msg["To"].addresses[0].addr_spec == member.email
    assert msg["From"].addresses[0].display_name == "Aisha Rahman"  # the demo's Senior Business Support Officer
    assert msg["Subject"] == (f"Challenge {c.reference}: your response was due on {c.due_date:%A} {c.due_date.day} "
                              f"{c.due_date:%B %Y} - {demo_store.subcommittee().name}")
    body = msg.get_body().get_content()
    assert body.startswith(f"Dear {member.name},")
    assert c.question.split()[0] in body and c.subject_text in body
    assert f"{(TODAY - c.due_date).days} days overdue" in body
    assert demo_store.challenges.raised_at_text(c, long=True) in body
    assert "{" not in body


def test_a_challenge_not_overdue_is_not_chased_and_says_why(demo_store):
    by_status = {c.status(TODAY): c for c in demo_store.challenges.all()}
    for status, words in ((ChallengeStatus.OPEN, "not due until"), (ChallengeStatus.ANSWERED, "has answered"),
                          (ChallengeStatus.CLOSED, "closed"), (ChallengeStatus.WITHDRAWN, "withdrawn")):
        with pytest.raises(ValidationError, match=words):
            chase_message(demo_store, by_status[status].id, TODAY)


def test_the_edited_template_is_used_and_a_contact_without_an_address_gets_a_draft_to_fill(demo_store, tmp_path):
    [c] = overdue(demo_store)
    demo_store.agendas.set_setting(cfg.EMAIL_CHALLENGE_CHASE, {
        "subject": "Still waiting: {reference}", "body": "Hello {contact}, {agency} owes us {reference}.\n{sender}"})
    import dataclasses

    demo_store.challenges.update(dataclasses.replace(c, to_member_id=None, to_name="Pat Lee", to_email=""))
    msg = read(write_chase_email(demo_store, c.id, tmp_path / "x.eml"))
    assert msg["Subject"] == f"Still waiting: {c.reference}"
    assert msg["To"] is None
    assert msg.get_body().get_content().startswith(f"Hello Pat Lee, {demo_store.agency(c.agency_id).name} owes us")


def test_the_template_refuses_a_placeholder_it_does_not_know(demo_store):
    with pytest.raises(ValidationError, match=r"\{days_late\}"):
        demo_store.agendas.set_setting(cfg.EMAIL_CHALLENGE_CHASE, {"subject": "x", "body": "{days_late}"})


def test_all_overdue_into_a_folder_all_or_nothing(demo_store, tmp_path):
    second = next(c for c in demo_store.challenges.all() if c.status(TODAY) is ChallengeStatus.OPEN)
    import dataclasses

    demo_store.challenges.update(dataclasses.replace(second, due_date=TODAY - dt.timedelta(days=1)))
    paths = write_chase_emails(demo_store, tmp_path)
    assert [p.name for p in paths] == [
        f"Chase - {c.reference} - {demo_store.agency(c.agency_id).label}.eml" for c in overdue(demo_store)]
    assert len(paths) == 2 and all(read(p)["X-Unsent"] == "1" for p in paths)
    with pytest.raises(ExportFileError, match="does not exist"):
        write_chase_emails(demo_store, tmp_path / "nowhere")

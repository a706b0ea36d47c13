"""The chair-to-chair letter of a work transfer (ToR 8), read back with python-docx: addressed to the receiving
chair, dated, the work, reason, outcomes, priorities and (for Training, Workforce & Development) the projected
costs, the reply date, the Executive for a disagreement, our chair's signature block; our answer for work that
came to us; placeholders rather than guesses; the house template when set."""

from __future__ import annotations

import dataclasses
import datetime as dt

import docx
import pytest

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.model import Office
from mqp_desktop.domain.partnership import Direction, TransferState, WorkTransfer
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.exporters.files import ExportFileError
from mqp_desktop.exporters.transfer_letter import letter_file_name, write_transfer_letter
from tests.helpers.word_templates import HEADER_TEXT, house_template

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def twd_transfer(demo_store):
    """The demo's transfer to Training, Workforce & Development: sent, with projected costs."""
    p = demo_store.partnership
    return next(t for t in p.all_transfers() if p.body(t.body_id).training_workforce)


def test_the_letter_to_twd_says_what_tor_8_asks_in_order(demo_store, twd_transfer, tmp_path):
    t = twd_transfer
    body = demo_store.partnership.body(t.body_id)
    path = write_transfer_letter(demo_store, t.id, tmp_path / letter_file_name(t, body))
    assert path.name == f"Work transfer {t.reference} - letter to TWD.docx"
    d = docx.Document(str(path))
    words = text(d)
    lines = [p.text for p in d.paragraphs]
    assert lines[0] == body.chair_name and lines[1] == f"Chair, {body.name}" and body.chair_email in lines
    assert f"Our reference: {t.reference}" in lines and long(t.written_on) in lines
    assert f"Transfer of work to the {body.name}" in lines
    assert "Dear Dr Okonjo," in lines
    headings = ["The work", "Why we are asking you to take it on", "Intended outcomes",
                "Link to the partnership's priorities", "Projected costs"]
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions), "the ToR 8 points in order"
    assert t.work in words and t.reason in words
    for priority in t.priorities:
        assert priority in lines
    assert t.projected_costs in words and "for your subcommittee's consideration" in words.lower()
    for outcome in t.outcomes.split("\n"):
        bullet = next(p for p in d.paragraphs if p.text == outcome[2:])
        assert bullet.style.name == "List Bullet", "'- ' lines are bullets"
    assert f"by {long(t.answer_due)}" in words and "within four weeks" in words
    assert "escalated to the WSCP Executive for agreement" in words
    chair = demo_store.member(demo_store.subcommittee().chair.member_id)
    sign = lines.index("Yours sincerely,")
    assert lines[sign + 4] == chair.display_name and lines[sign + 5] == chair.role_title
    assert lines[-1] == f"Chair, {demo_store.subcommittee().name}"
    footer = "".join(p.text for p in d.sections[0].footer.paragraphs)
    assert f"work transfer {t.reference}" in footer
    assert "PAGE" in d.sections[0].footer._element.xml and "NUMPAGES" in d.sections[0].footer._element.xml
    assert "Wandsworth Safeguarding Children Partnership" in d.sections[0].header.paragraphs[0].text
    assert d.core_properties.category == "Letter" and t.reference in d.core_properties.title
    assert abs(d.sections[0].page_width.cm - 21.0) < 0.01


def test_a_draft_asks_for_a_reply_the_set_number_of_days_from_its_date(demo_store, tmp_path):
    p = demo_store.partnership
    demo_store.agendas.set_setting(cfg.TRANSFER_ANSWER_DAYS, 21)
    t = p.add_transfer(WorkTransfer(direction=Direction.FROM_US, body_id=p.find_body("CE&M").id,
                                    work="Review the MACE panel's terms", reason="Theirs", outcomes="A review",
                                    priorities=("Child exploitation and extra-familial harm",), written_on=TODAY))
    words = text(docx.Document(str(write_transfer_letter(demo_store, t.id, tmp_path / "l.docx"))))
    assert f"within three weeks, by {long(TODAY + 21 * DAY)}" in words
    assert "Projected costs" not in words, "no costs section for a subcommittee that needs none, when none given"


def test_missing_chairs_are_highlighted_placeholders_not_guesses(demo_store, twd_transfer, tmp_path):
    p = demo_store.partnership
    twd = p.body(twd_transfer.body_id)
    p.update_body(dataclasses.replace(twd, chair_name="", chair_email=""))
    sc = demo_store.subcommittee()
    demo_store.update_subcommittee(dataclasses.replace(sc, chair=Office(None)))
    d = docx.Document(str(write_transfer_letter(demo_store, twd_transfer.id, tmp_path / "l.docx")))
    highlighted = [r.text for p_ in d.paragraphs for r in p_.runs if r.font.highlight_color is not None]
    assert "[Chair's name]" in highlighted and "[Chair's name and post]" in highlighted
    assert "Dear Chair," in [p_.text for p_ in d.paragraphs]


def test_our_answer_to_work_that_came_to_us(demo_store, tmp_path):
    p = demo_store.partnership
    t = p.add_transfer(WorkTransfer(direction=Direction.TO_US, body_id=p.find_body("L&I").id,
                                    work="Audit the use of chronologies", reason="QA is MQ&P's remit",
                                    outcomes="An audit", written_on=TODAY - 10 * DAY))
    with pytest.raises(ValidationError, match="record our answer"):
        write_transfer_letter(demo_store, t.id, tmp_path / "l.docx")
    assert not (tmp_path / "l.docx").exists()
    p.answer(t.id, "declined", "The audit programme for the year is full; we can take it from April.", TODAY)
    path = write_transfer_letter(demo_store, t.id, tmp_path / letter_file_name(t, p.body(t.body_id)))
    assert path.name.endswith("answer to L&I.docx")
    words = text(docx.Document(str(path)))
    assert f"Thank you for your letter of {long(t.written_on)}" in words
    assert "is not able to undertake this work" in words and "full; we can take it from April" in words
    assert "Audit the use of chronologies" in words and "WSCP Executive" in words


def test_a_withdrawn_transfer_has_no_letter(demo_store, tmp_path):
    p = demo_store.partnership
    t = p.add_transfer(WorkTransfer(direction=Direction.FROM_US, body_id=p.find_body("L&I").id, work="w",
                                    reason="r", outcomes="o", priorities=("Neglect",), written_on=TODAY))
    p.withdraw(t.id, TODAY, "Drafted twice")
    assert p.transfer(t.id).state is TransferState.WITHDRAWN
    with pytest.raises(ValidationError, match="withdrawn"):
        write_transfer_letter(demo_store, t.id, tmp_path / "l.docx")


def test_the_house_template_in_the_settings_is_used(demo_store, twd_transfer, tmp_path):
    demo_store.agendas.set_house_template("Borough house style.dotx", house_template(kind="dotx"))
    d = docx.Document(str(write_transfer_letter(demo_store, twd_transfer.id, tmp_path / "l.docx")))
    assert d.sections[0].header.paragraphs[0].text == HEADER_TEXT, "the template's header (logo) is kept"
    words = text(d)
    assert "Template body text that must not survive" not in words
    assert "Transfer of work to the" in words and twd_transfer.projected_costs in words
    own = docx.Document(str(write_transfer_letter(demo_store, twd_transfer.id, tmp_path / "own.docx",
                                                  use_house_template=False)))
    assert own.sections[0].header.paragraphs[0].text != HEADER_TEXT


def test_a_damaged_template_is_named_and_nothing_is_written(demo_store, twd_transfer, tmp_path):
    bad = tmp_path / "house.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExportFileError, match="house template"):
        write_transfer_letter(demo_store, twd_transfer.id, tmp_path / "l.docx", house_template=bad)
    assert not (tmp_path / "l.docx").exists()

"""The properties a reader sees under File › Info / Properties, read back from every Word document the program
writes and from the pack's and the agenda's subjects: created and modified now (not python-docx's
23 December 2013, nor a house template's own date), the partnership as author, the language, and a month
written as a month ('12 January 2027', never '12 january 2027')."""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re

import pytest

docx = pytest.importorskip("docx")


def _meeting_with_minutes(store) -> int:
    return [m for m in store.meetings.list() if store.minutes.revision(m.id) is not None][-1].id


def _action_log(store, tmp_path):
    from mqp_desktop.exporters.action_log_export import export_action_log

    return export_action_log(store, tmp_path / "actions.docx")


def _minutes(store, tmp_path):
    from mqp_desktop.exporters.minutes_docx import export_minutes_docx

    return export_minutes_docx(store, _meeting_with_minutes(store), tmp_path / "minutes.docx")


def _agenda(store, tmp_path):
    from mqp_desktop.exporters.agenda_docx import export_agenda_docx

    return export_agenda_docx(store, store.meetings.next_meeting().id, tmp_path / "agenda.docx")


def _agenda_in_house_template(store, tmp_path):
    """The agenda written into a house template whose own properties are somebody else's, years ago."""
    from mqp_desktop.exporters.agenda_docx import export_agenda_docx
    from tests.helpers.word_templates import house_template

    t = docx.Document(io.BytesIO(house_template()))
    props = t.core_properties
    props.author, props.last_modified_by, props.comments = "Template Maker", "Template Maker", "House template v3"
    props.created = props.modified = props.last_printed = dt.datetime(2015, 3, 2, 9, 0)
    props.revision, props.version, props.content_status = 17, "3.0", "Final"
    template = tmp_path / "house.docx"
    t.save(str(template))
    return export_agenda_docx(store, store.meetings.next_meeting().id, tmp_path / "agenda-house.docx",
                              house_template=template)


def _register(store, tmp_path):
    from mqp_desktop.exporters.register_export import export_register

    return export_register(store, tmp_path / "register.docx")


def _transfer_letter(store, tmp_path):
    from mqp_desktop.exporters.transfer_letter import write_transfer_letter

    t = store.partnership.all_transfers()[0]
    return write_transfer_letter(store, t.id, tmp_path / "transfer.docx")


def _attendance_letter(store, tmp_path):
    from mqp_desktop.exporters.letters import write_substitute_letter

    today = dt.date.today()
    report = store.meetings.report(today - dt.timedelta(days=400), today)
    row = report.members[0]
    return write_substitute_letter(row, report, store.subcommittee(), None, tmp_path / "letter.docx")


def _chair_report(store, tmp_path):
    from mqp_desktop.exporters.chair_report_docx import export_chair_report

    today = dt.date.today()
    quarter = (today.month - 1) // 3 + 1
    return export_chair_report(store, f"{today.year}-Q{quarter}", tmp_path / "chair.docx", today=today)


WRITERS = {"chair's report": _chair_report, "action log": _action_log, "minutes": _minutes, "agenda": _agenda,
           "agenda in a house template": _agenda_in_house_template, "register": _register,
           "transfer letter": _transfer_letter, "attendance letter": _attendance_letter}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_every_word_document_says_it_was_made_now_by_the_partnership(kind, demo_store, tmp_path):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None) - dt.timedelta(seconds=1)
    path = WRITERS[kind](demo_store, tmp_path)
    after = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=1)
    props = docx.Document(str(path)).core_properties
    for when in (props.created, props.modified):
        when = when.replace(tzinfo=None)
        assert before <= when <= after, (kind, when)
    sc = demo_store.subcommittee()
    assert props.author == (sc.partnership or sc.name) == props.last_modified_by, kind
    assert props.title and "python-docx" not in (props.comments + props.author), kind
    assert "Template" not in props.comments + props.author + props.last_modified_by, kind
    assert props.language == "en-GB" and props.revision == 1, kind
    assert props.last_printed is None and props.version == "" and props.content_status == "", kind


MONTHS = [name.lower() for name in calendar.month_name[1:]]


def _no_small_month(text: str) -> None:
    for month in MONTHS:
        assert not re.search(rf"\b{month}\b", text), text
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", text), text


def test_the_word_agendas_subject_writes_the_month_with_its_capital(demo_store, tmp_path):
    props = docx.Document(str(_agenda(demo_store, tmp_path))).core_properties
    assert props.subject.startswith("Agenda of the ") and ", meeting of " in props.subject
    _no_small_month(props.subject)


def test_the_packs_and_supplements_subjects_write_the_month_with_its_capital(demo_store, tmp_path, monkeypatch):
    pypdf = pytest.importorskip("pypdf")
    from mqp_desktop.exporters import paper_convert
    from mqp_desktop.exporters.meeting_pack import build_pack

    monkeypatch.setattr(paper_convert, "find_converters", lambda: ())
    build_pack(demo_store, demo_store.meetings.next_meeting().id, tmp_path / "pack.pdf", save=False)
    subject = pypdf.PdfReader(str(tmp_path / "pack.pdf")).metadata.subject
    assert subject.startswith("Agenda and papers for the meeting of ")
    _no_small_month(subject)

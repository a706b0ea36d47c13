"""Agenda and paper rules in plain Python: numbering, reordering, times, deadlines, the standing
agenda, copying, statuses and email drafts. Expected values are worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from mqp_desktop.domain import agenda as ag
from mqp_desktop.domain.agenda import AgendaItem, Purpose, StandingKind
from mqp_desktop.domain.agenda_settings import DEFAULT_CHASE, clean_setting, default_standing_agenda
from mqp_desktop.domain.documents import FileRefused, check_document, sniff
from mqp_desktop.domain.papers import (
    EmailTemplate,
    Paper,
    PaperStatus,
    ProblemKind,
    chase_email,
    email_values,
    fill_template,
    next_supplement_number,
    paper_deadline,
    paper_problems,
    paper_status,
    validate_paper,
    working_days_before,
)
from mqp_desktop.domain.schedule import english_bank_holidays
from mqp_desktop.domain.validation import ValidationError

D = dt.date


def agenda(*spec):
    """Items from (id, title, minutes, parent_id) in order; positions numbered per parent."""
    counters: dict = {}
    out = []
    for item_id, title, minutes, parent in spec:
        counters[parent] = counters.get(parent, 0) + 1
        out.append(AgendaItem(meeting_id=1, title=title, minutes=minutes, parent_id=parent,
                              position=counters[parent], id=item_id))
    return out


@pytest.fixture
def items():
    # 1 Welcome, 2 Minutes, 3 Dataset (3.1 Health, 3.2 Police), 4 Neglect, 5 AOB
    items = agenda((1, "Welcome", 5, None), (2, "Minutes", 10, None), (3, "Dataset", 0, None),
                   (31, "Health", 10, 3), (32, "Police", 15, 3), (4, "Neglect", 20, None), (5, "AOB", 5, None))
    items[-1].standing = StandingKind.AOB
    return items


def numbers(items):
    n = ag.number_items(items)
    return [(n[i.id], i.title) for i in ag.ordered(items)]


def test_numbering_with_sub_items(items):
    assert numbers(items) == [("1", "Welcome"), ("2", "Minutes"), ("3", "Dataset"), ("3.1", "Health"),
                              ("3.2", "Police"), ("4", "Neglect"), ("5", "AOB")]
    assert ag.find_by_number(items, "3.2").id == 32
    assert ag.find_by_number(items, "6") is None


def test_removed_items_are_left_out_and_numbers_close_up(items):
    items[1].removed = True
    assert [n for n, _ in numbers(items)] == ["1", "2", "2.1", "2.2", "3", "4"]


def test_move_up_and_down_carry_sub_items_and_stop_at_the_edges(items):
    moved = ag.move_up(items, 3)
    assert numbers(moved)[:4] == [("1", "Welcome"), ("2", "Dataset"), ("2.1", "Health"), ("2.2", "Police")]
    assert numbers(ag.move_up(items, 1)) == numbers(items)           # the first stays first
    assert numbers(ag.move_down(items, 5)) == numbers(items)         # the last stays last
    assert numbers(ag.move_up(items, 31)) == numbers(items)          # first sub-item stays within its parent
    assert ("3.1", "Police") in numbers(ag.move_down(items, 31))
    # only the items whose place changed need saving
    assert {i.id for i in ag.changed_placement(items, moved)} == {2, 3}


def test_move_to_a_position_and_under_another_item(items):
    assert [t for _, t in numbers(ag.move_to(items, 4, 1))][:2] == ["Neglect", "Welcome"]
    assert numbers(ag.move_to(items, 4, 99))[-1] == ("5", "Neglect")  # clamped to the end
    under = ag.move_to(items, 4, 1, parent_id=3)
    assert numbers(under)[3:6] == [("3.1", "Neglect"), ("3.2", "Health"), ("3.3", "Police")]
    with pytest.raises(ValidationError, match="Sub-items cannot have sub-items"):
        ag.move_to(items, 4, 1, parent_id=31)
    with pytest.raises(ValidationError, match="itself"):
        ag.move_to(items, 3, 1, parent_id=3)


def test_indent_goes_under_the_previous_item_and_brings_its_sub_items(items):
    moved = ag.indent(items, 3)
    assert numbers(moved)[1:5] == [("2", "Minutes"), ("2.1", "Dataset"), ("2.2", "Health"), ("2.3", "Police")]
    assert all(i.parent_id in (None, 2) for i in moved)  # never three levels
    with pytest.raises(ValidationError, match="first item"):
        ag.indent(items, 1)
    with pytest.raises(ValidationError, match="two levels"):
        ag.indent(items, 31)


def test_outdent_keeps_the_reading_order(items):
    moved = ag.outdent(items, 31)
    assert numbers(moved)[2:6] == [("3", "Dataset"), ("4", "Health"), ("4.1", "Police"), ("5", "Neglect")]
    assert [t for _, t in numbers(moved)] == [t for _, t in numbers(items)]
    with pytest.raises(ValidationError, match="already a top-level"):
        ag.outdent(items, 4)
    # outdenting the last sub-item leaves the earlier ones where they were
    assert numbers(ag.outdent(items, 32))[2:5] == [("3", "Dataset"), ("3.1", "Health"), ("4", "Police")]


def test_running_time_and_planned_finish(items):
    lines = {line.number: line for line in ag.agenda_lines(items, "10:00")}
    # Dataset has no minutes of its own: its slot is its sub-items' 25 minutes
    assert (lines["3"].start, lines["3"].finish, lines["3"].minutes) == ("10:15", "10:40", 25)
    assert (lines["3.1"].start, lines["3.1"].finish) == ("10:15", "10:25")
    assert (lines["3.2"].start, lines["3.2"].finish) == ("10:25", "10:40")
    assert (lines["5"].start, lines["5"].finish, lines["5"].elapsed) == ("11:00", "11:05", 65)
    timing = ag.agenda_timing(items, "10:00", "11:00")
    assert (timing.total_minutes, timing.planned_finish, timing.overrun_minutes) == (65, "11:05", 5)
    assert ag.agenda_timing(items, "10:00", "12:00").overrun_minutes == 0
    assert ag.agenda_lines(items, "")[0].start == ""  # no start time, no clock times


def test_an_item_with_its_own_time_keeps_it_and_crowded_sub_items_are_flagged(items):
    items[2].minutes = 20  # Dataset given 20 minutes; its sub-items need 25
    timing = ag.agenda_timing(items, "09:30", "")
    assert timing.total_minutes == 60 and timing.planned_finish == "10:30"
    assert timing.sub_items_over == ("3",)


def test_new_items_go_before_the_closing_standing_items(items):
    assert ag.default_insert_position(items) == 5
    items[-2].standing = StandingKind.NEXT_MEETING  # Neglect pretends to be 'next meeting'
    assert ag.default_insert_position(items) == 4


def test_standing_agenda_applied_from_the_shipped_default():
    template = ag.standing_agenda_from_data(list(default_standing_agenda()))
    new = ag.standing_items(template, meeting_id=7)
    assert [i.standing for i in new] == [
        StandingKind.WELCOME_APOLOGIES, StandingKind.DECLARATIONS, StandingKind.PREVIOUS_MINUTES,
        StandingKind.ACTION_LOG, StandingKind.AOB, StandingKind.NEXT_MEETING]
    assert [i.position for i in new] == [1, 2, 3, 4, 5, 6] and {i.meeting_id for i in new} == {7}
    assert new[0].title == "Welcome, introductions and apologies" and new[0].id is None


def test_standing_agenda_setting_is_checked():
    with pytest.raises(ValidationError, match="non-empty list"):
        clean_setting("standing_agenda", [])
    with pytest.raises(ValidationError, match="Standing item 1"):
        clean_setting("standing_agenda", [{"title": "Welcome", "standing": "coffee"}])
    cleaned = clean_setting("standing_agenda", [{"title": "  Welcome  ", "minutes": "5"}])
    assert cleaned == [{"standing": "none", "title": "Welcome", "minutes": 5}]


def test_copy_a_whole_agenda_or_chosen_items(items):
    items[3].presenter_name = "Dr Ama Boateng"
    items[5].presenter_member_id, items[5].purpose = 12, Purpose.DECISION
    whole = ag.copy_items(items, meeting_id=9)
    assert [c.item.title for c in whole] == ["Welcome", "Minutes", "Dataset", "Neglect", "AOB"]
    dataset = whole[2]
    assert [s.title for s in dataset.sub_items] == ["Health", "Police"]
    assert dataset.sub_items[0].presenter_name == "Dr Ama Boateng"
    assert all(c.item.id is None and c.item.meeting_id == 9 for c in whole)
    assert whole[3].item.copied_from_id == 4 and whole[3].item.presenter_member_id == 12
    chosen = ag.copy_items(items, 9, [4, 32])
    assert [(c.item.title, c.sub_items) for c in chosen] == [("Police", []), ("Neglect", [])]
    with pytest.raises(ValidationError, match="Item 99"):
        ag.copy_items(items, 9, [99])


def test_item_validation():
    with pytest.raises(ValidationError, match="title is empty"):
        ag.validate_item(AgendaItem(1, "   "))
    with pytest.raises(ValidationError, match="not both"):
        ag.validate_item(AgendaItem(1, "X", presenter_member_id=3, presenter_name="Guest"))
    with pytest.raises(ValidationError, match="0 to 480"):
        ag.validate_item(AgendaItem(1, "X", minutes=-5))
    assert ag.validate_item(AgendaItem(1, "  Neglect   strategy ", purpose="decision")).title == "Neglect strategy"


def test_titles_are_at_most_a_couple_of_lines():
    """A title fills a line or two of the agenda; one of pages would break the printed agenda's table."""
    longest = "x" * ag.MAX_TITLE
    assert ag.validate_item(AgendaItem(1, longest)).title == longest
    with pytest.raises(ValidationError, match=f"{ag.MAX_TITLE + 1} characters long.*notes"):
        ag.validate_item(AgendaItem(1, longest + "y"))
    assert validate_paper(Paper(item_id=1, title=longest)).title == longest
    with pytest.raises(ValidationError, match="paper's title is"):
        validate_paper(Paper(item_id=1, title=longest + " more"))


# --- deadlines ----------------------------------------------------------------------------------

def test_deadline_in_working_days_skips_weekends():
    # Tue 10 Nov 2026, 10 working days back: 9,6,5,4,3,2 Nov, 30,29,28,27 Oct -> Tue 27 Oct
    assert working_days_before(D(2026, 11, 10), 10, set()) == D(2026, 10, 27)
    assert working_days_before(D(2026, 11, 10), 0, set()) == D(2026, 11, 10)
    assert working_days_before(D(2026, 11, 8), 0, set()) == D(2026, 11, 6)  # a Sunday -> the Friday


def test_deadline_across_the_easter_bank_holidays():
    # Meeting Tue 14 Apr 2026; Good Friday 3 Apr and Easter Monday 6 Apr are bank holidays:
    # 13, 10, 9, 8, 7, 2, 1 Apr, 31, 30, 27 Mar -> Fri 27 Mar (without the holidays: Tue 31 Mar)
    assert paper_deadline(D(2026, 4, 14), 10) == D(2026, 3, 27)
    assert paper_deadline(D(2026, 4, 14), 10, holidays=set()) == D(2026, 3, 31)
    assert D(2026, 4, 3) in english_bank_holidays(range(2026, 2027))


def test_deadline_across_christmas_and_new_year():
    # Meeting Tue 12 Jan 2027: 11, 8, 7, 6, 5, 4 Jan, 31, 30, 29 Dec, 24 Dec (25, 26->28 Dec, 1 Jan holidays)
    assert paper_deadline(D(2027, 1, 12), 10) == D(2026, 12, 24)


# --- papers -------------------------------------------------------------------------------------

def paper(**kw):
    base = {"item_id": 3, "title": "Dataset Q2", "author_name": "Sofia Marques", "author_email": "sofia@example.org",
            "requested_on": D(2026, 10, 1), "deadline": D(2026, 10, 27), "id": 1}
    base.update(kw)
    return Paper(**base)


def test_paper_status():
    today = D(2026, 10, 28)
    assert paper_status(paper(deadline=D(2026, 10, 28)), today) is PaperStatus.REQUESTED
    assert paper_status(paper(), today) is PaperStatus.OVERDUE
    assert paper_status(paper(received_on=D(2026, 10, 28)), today) is PaperStatus.NOT_SIGNED_OFF
    signed = {"received_on": D(2026, 10, 20), "signed_off_by": "Daniel Whitfield", "signed_off_on": D(2026, 10, 20)}
    assert paper_status(paper(**signed), today) is PaperStatus.RECEIVED  # no file yet
    assert paper_status(paper(**signed, document_id=4), today) is PaperStatus.READY
    assert paper_status(paper(withdrawn=True), today) is PaperStatus.WITHDRAWN


def test_late_and_missing_papers_listed_in_agenda_order(items):
    items[5].purpose = Purpose.DECISION  # Neglect, for decision, with no paper
    papers = [
        paper(id=1, item_id=32),                                            # overdue
        paper(id=2, item_id=2, received_on=D(2026, 10, 26)),                # not signed off
        paper(id=3, item_id=1, deadline=D(2026, 11, 3)),                    # outstanding
        paper(id=4, item_id=1, withdrawn=True),                             # withdrawn: not listed
    ]
    problems = paper_problems(items, papers, D(2026, 10, 28), ag.number_items(items))
    assert [(p.kind, p.paper.id if p.paper else None) for p in problems] == [
        (ProblemKind.OUTSTANDING, 3), (ProblemKind.NOT_SIGNED_OFF, 2), (ProblemKind.OVERDUE, 1),
        (ProblemKind.NO_PAPER, None)]
    assert problems[2].message.startswith("Item 3.2: 'Dataset Q2' from Sofia Marques was due 27 Oct 2026 (1 day ago)")
    late = paper_problems(items, papers, D(2026, 10, 28), include_outstanding=False)
    assert ProblemKind.OUTSTANDING not in {p.kind for p in late}


def test_supplements_number_on_without_renumbering():
    papers = [paper(id=1), paper(id=2, supplement=1), paper(id=3, supplement=2, removed=True)]
    assert next_supplement_number(papers) == 2
    assert next_supplement_number([paper()]) == 1
    assert paper(supplement=2).supplement_label == "Supplement 2"


def test_chase_email_from_the_template():
    item = AgendaItem(1, "Multi-agency dataset", id=3)
    p = paper()
    values = email_values(p, item, "5", "Meeting of 10 November 2026", D(2026, 11, 10),
                          "MQ&P Subcommittee", "WSCP", today=D(2026, 10, 30))
    draft = chase_email(EmailTemplate(**DEFAULT_CHASE), p, values)
    assert draft.to == ("sofia@example.org",) and draft.kind == "paper_chase"
    assert draft.subject == "Reminder: paper for Multi-agency dataset - MQ&P Subcommittee, 10 November 2026"
    assert "Dear Sofia Marques," in draft.body and "It was due on Tuesday 27 October 2026." in draft.body
    assert values["days_overdue"] == "3"
    with pytest.raises(ValidationError, match="no author email"):
        chase_email(EmailTemplate(**DEFAULT_CHASE), paper(author_email=""), values)


def test_templates_leave_unknown_braces_and_settings_refuse_unknown_placeholders():
    assert fill_template("{author} {x} {{y}}", {"author": "Jo"}) == "Jo {x} {{y}}"
    with pytest.raises(ValidationError, match=r"\{authr\}"):
        clean_setting("email_paper_request", {"subject": "Paper", "body": "Dear {authr}"})


# --- files ----------------------------------------------------------------------------------------

def test_file_checks_by_name_and_content():
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    assert check_document("paper.pdf", pdf).media_type == "application/pdf"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == "ole"
    with pytest.raises(FileRefused, match=r"'virus\.pdf' is not a PDF: its content is a Windows program"):
        check_document("virus.pdf", b"MZ\x90\x00" + b"\0" * 200)
    with pytest.raises(FileRefused, match="empty"):
        check_document("blank.pdf", b"")
    with pytest.raises(FileRefused, match=r"'notes\.txt' is a '\.txt' file"):
        check_document("notes.txt", b"hello")
    with pytest.raises(FileRefused, match="ends early"):
        check_document("cut.pdf", pdf[:30])
    with pytest.raises(FileRefused, match="content is a PDF. If it really is a PDF, rename it"):
        check_document("paper.docx", pdf)
    with pytest.raises(FileRefused, match="more than"):
        check_document("big.pdf", pdf, max_bytes=10)

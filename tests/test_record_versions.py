"""Two copies of the program on one file: every edit carries the version it was read at.

Each repository's conflict path, below the GUI: read a record through one Store, change it
through a second Store on the same file (another copy of the program, or the command line),
then save the first, stale copy. It is refused with EditConflict naming both sides, and
nothing is changed: the second copy's change stands.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import threading

import pytest

from mqp_desktop.domain.attendance import AttendanceStatus
from mqp_desktop.domain.minutes import Declaration
from mqp_desktop.domain.model import Member
from mqp_desktop.domain.section11 import Rating
from mqp_desktop.domain.versions import FieldDifference, rebase, value_in_words, when_in_words
from mqp_desktop.domain.validation import ValidationError
from mqp_desktop.store import Store, sqlite
from mqp_desktop.store.errors import EditConflict
from mqp_desktop.store.section11 import Section11Repo


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    from mqp_desktop.store.seed import create_demo_database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    create_demo_database(path).close()
    return path


@pytest.fixture
def two(demo_template, tmp_path):
    """Two Stores on one file: ``a`` reads first and saves last; ``b`` saves in between."""
    path = tmp_path / "shared.sqlite"
    shutil.copy(demo_template, path)
    a, b = Store.open(path), Store.open(path)
    b.user, b.host = "sam", "LAPTOP-2"
    yield a, b
    a.close()
    b.close()


def _named_member(store: Store) -> Member:
    return next(m for m in store.members(include_ended=False) if not m.is_vacant)


def _words(exc: EditConflict) -> dict[str, tuple[str, str]]:
    return {d.field: (d.yours, d.stored) for d in exc.differences}


# --- the register ----------------------------------------------------------------------------

def test_a_stale_member_edit_is_refused_and_the_other_copys_change_stands(two):
    a, b = two
    mine = _named_member(a)
    theirs = b.member(mine.id)
    theirs.email = "new.address@example.org"
    b.update_member(theirs)

    mine.phone = "020 7946 0000"
    with pytest.raises(EditConflict) as caught:
        a.update_member(mine)
    exc = caught.value
    stored = a.member(mine.id)
    assert stored.email == "new.address@example.org" and stored.phone == theirs.phone  # nothing overwritten
    assert (exc.read_version, exc.stored_version) == (mine.row_version, mine.row_version + 1)
    assert _words(exc)["email"] == (mine.email, "new.address@example.org")
    assert _words(exc)["phone"] == ("020 7946 0000", theirs.phone or "(none)")
    assert exc.changed_by == "sam on LAPTOP-2"
    email = next(d for d in exc.differences if d.field == "email")
    assert email.changed_by == "sam on LAPTOP-2" and email.changed_at
    assert mine.display_name in exc.message and "new.address@example.org" in exc.message
    assert "sam on LAPTOP-2" in exc.message and "not saved" in exc.message
    assert exc.stored == stored and exc.yours.phone == "020 7946 0000"
    # Read again, the same edit is a new save against the new version.
    again = a.member(mine.id)
    again.phone = "020 7946 0000"
    saved = a.update_member(again)
    assert saved.row_version == again.row_version + 1
    assert (a.member(mine.id).email, a.member(mine.id).phone) == ("new.address@example.org", "020 7946 0000")


def test_a_stale_copy_is_refused_even_when_it_says_what_is_stored_now(two):
    """The same change made in both copies: the second was still made on a stale reading (its
    'count + 1' may mean another number), so it is refused too, with no field differing."""
    a, b = two
    mine = _named_member(a)
    theirs = b.member(mine.id)
    theirs.notes = "count:1"
    b.update_member(theirs)
    mine.notes = "count:1"
    with pytest.raises(EditConflict) as caught:
        a.update_member(mine)
    assert caught.value.differences == () and "sam on LAPTOP-2" in caught.value.message
    assert a.member(mine.id).row_version == mine.row_version + 1  # written once
    unchanged = a.member(mine.id)
    assert a.update_member(unchanged).row_version == unchanged.row_version  # saving as read: nothing written


def test_an_update_needs_the_version_it_was_read_at(two):
    a, _b = two
    mine = dataclasses.replace(_named_member(a), row_version=None)
    with pytest.raises(ValueError, match="row_version"):
        a.update_member(mine)


def test_ending_a_seat_given_to_someone_else_meanwhile_is_refused(two):
    a, b = two
    seen = _named_member(a)
    other = b.member(seen.id)
    other.name = "Someone Else"
    b.update_member(other)
    with pytest.raises(EditConflict) as caught:
        a.end_member(seen.id, dt.date.today(), "Moved post", seen=seen)
    assert _words(caught.value)["name"] == (seen.name, "Someone Else")
    assert a.member(seen.id).end_date is None


def test_a_stale_agency_and_settings_edit_are_refused(two):
    a, b = two
    agency = a.agencies()[0]
    theirs = b.agency(agency.id)
    theirs.notes = "Their note"
    b.update_agency(theirs)
    agency.short_name = "Mine"
    with pytest.raises(EditConflict) as caught:
        a.update_agency(agency)
    assert "notes" in _words(caught.value) and a.agency(agency.id).short_name == theirs.short_name

    sc = a.subcommittee()
    other = b.subcommittee()
    other.attendance_standard = 70
    b.update_subcommittee(other)
    sc.tor_version = "2027"
    with pytest.raises(EditConflict) as caught:
        a.update_subcommittee(sc)
    assert _words(caught.value)["attendance_standard"] == (str(sc.attendance_standard), "70")
    assert a.subcommittee().tor_version != "2027"


# --- meetings and registers --------------------------------------------------------------------

def _planned(store: Store):
    return next(m for m in store.meetings.list() if m.status.value == "planned")


def test_a_stale_meeting_edit_and_cancel_are_refused(two):
    a, b = two
    meeting = _planned(a)
    theirs = b.meetings.get(meeting.id)
    theirs.venue = "Room 2"
    b.meetings.update(theirs)
    meeting.start_time = "09:30"
    with pytest.raises(EditConflict) as caught:
        a.meetings.update(meeting)
    assert _words(caught.value)["venue"] == (meeting.venue or "(none)", "Room 2")
    with pytest.raises(EditConflict):
        a.meetings.cancel(meeting.id, "No papers", seen=meeting)
    stored = a.meetings.get(meeting.id)
    assert (stored.venue, stored.status.value, stored.start_time) == ("Room 2", "planned", theirs.start_time)


def test_everyone_else_present_never_overwrites_apologies_recorded_meanwhile(two):
    a, b = two
    meeting = _planned(a)
    rows = a.meetings.register(meeting.id)
    seen = {r.member.id: r.entry for r in rows}
    sent_apologies = rows[0].member.id
    b.meetings.record_attendance(meeting.id, sent_apologies, AttendanceStatus.APOLOGIES)
    with pytest.raises(EditConflict) as caught:
        a.meetings.record_many(meeting.id, {mid: (AttendanceStatus.PRESENT, None, "") for mid in seen}, seen=seen)
    exc = caught.value
    assert _words(exc)["status"] == ("present", "apologies sent")
    assert rows[0].member.display_name in exc.message and exc.changed_by == "sam on LAPTOP-2"
    entries = a.meetings.entries(meeting.id)
    assert {mid: e.status.value for mid, e in entries.items()} == {sent_apologies: "apologies sent"}  # all or nothing


def test_a_register_entry_cleared_and_set_again_is_still_a_change(two):
    a, b = two
    meeting = _planned(a)
    member_id = a.meetings.register(meeting.id)[0].member.id
    a.meetings.record_attendance(meeting.id, member_id, AttendanceStatus.PRESENT)
    seen = a.meetings.entries(meeting.id)[member_id]
    b.meetings.record_attendance(meeting.id, member_id, None)
    b.meetings.record_attendance(meeting.id, member_id, AttendanceStatus.ABSENT)  # version 1 again
    assert b.meetings.entries(meeting.id)[member_id].row_version == seen.row_version
    with pytest.raises(EditConflict):
        a.meetings.record_many(meeting.id, {member_id: (AttendanceStatus.APOLOGIES, None, "")},
                               seen={member_id: seen})
    assert a.meetings.entries(meeting.id)[member_id].status is AttendanceStatus.ABSENT


def test_a_stale_chair_decision_is_refused(two):
    a, b = two
    meeting = _planned(a)
    theirs = b.meetings.get(meeting.id)
    theirs.notes = "Moved to the Town Hall"
    b.meetings.update(theirs)
    with pytest.raises((EditConflict, ValidationError)):
        a.meetings.record_decision(meeting.id, "reconvene", "Too few", seen=meeting)
    assert a.meetings.get(meeting.id).chair_decision is None


# --- agendas, papers, settings ------------------------------------------------------------------

def test_a_stale_agenda_item_edit_is_refused_but_a_move_meanwhile_is_not_a_conflict(two):
    a, b = two
    meeting = next(m for m in a.meetings.list() if m.status.value == "planned" and len(a.agendas.items(m.id)) > 4)
    item = a.agendas.items(meeting.id)[3]
    b.agendas.move_up(item.id)  # its place is not what the item dialog edits
    item.minutes = 25
    saved = a.agendas.update_item(item)
    assert saved.minutes == 25
    theirs = b.agendas.item(item.id)
    theirs.title = "Renamed elsewhere"
    b.agendas.update_item(theirs)
    saved.notes = "Mine"
    with pytest.raises(EditConflict) as caught:
        a.agendas.update_item(saved)
    assert _words(caught.value)["title"] == (saved.title, "Renamed elsewhere")
    assert a.agendas.item(item.id).notes == theirs.notes
    with pytest.raises(EditConflict):
        a.agendas.remove_item(item.id, seen=saved)
    assert not a.agendas.item(item.id).removed


def test_a_stale_paper_edit_and_step_are_refused(two):
    a, b = two
    meeting = next(m for m in a.meetings.list() if a.agendas.papers(m.id) and m.status.value == "planned")
    paper = a.agendas.papers(meeting.id)[0]
    b.agendas.sign_off(paper.id, "Director of Children's Services", dt.date.today())
    paper.title = "My title"
    with pytest.raises(EditConflict) as caught:
        a.agendas.update_paper(paper)
    assert _words(caught.value)["signed_off_by"] == (paper.signed_off_by or "(none)", "Director of Children's Services")
    with pytest.raises(EditConflict):
        a.agendas.withdraw(paper.id, "Not ready", seen=paper)
    stored = a.agendas.paper(paper.id)
    assert (stored.title, stored.withdrawn) == (b.agendas.paper(paper.id).title, False)


def test_a_stale_setting_is_refused(two):
    a, b = two
    versions = a.agendas.setting_versions()
    b.agendas.set_setting("paper_deadline_days", 7)
    with pytest.raises(EditConflict) as caught:
        a.agendas.set_setting("paper_deadline_days", 12, version=versions["paper_deadline_days"])
    assert _words(caught.value)["paper_deadline_days"] == ("12", "7")
    assert a.agendas.setting("paper_deadline_days") == 7
    assert a.agendas.set_setting("paper_deadline_days", 12,
                                 version=a.agendas.setting_version("paper_deadline_days")) == 12


# --- minutes ------------------------------------------------------------------------------------

def _draft_meeting(store: Store) -> int:
    return next(m.id for m in store.meetings.list()
                if (rev := store.minutes.revision(m.id)) is not None and rev.status == "draft")


def test_a_stale_minutes_save_is_refused_with_both_texts(two):
    a, b = two
    meeting_id = _draft_meeting(a)
    version = a.minutes.revision(meeting_id).row_version
    mine = a.minutes.draft(meeting_id)
    theirs = b.minutes.draft(meeting_id)
    theirs.items[1].discussion = "Their account of the discussion."
    b.minutes.save_draft(meeting_id, theirs, version=version)
    mine.items[1].discussion = "My account of the discussion."
    with pytest.raises(EditConflict) as caught:
        a.minutes.save_draft(meeting_id, mine, version=version)
    exc = caught.value
    key = f"item:{mine.items[1].item_id}"
    assert _words(exc)[key] == ("My account of the discussion.", "Their account of the discussion.")
    assert a.minutes.draft(meeting_id).items[1].discussion == "Their account of the discussion."
    # The autosave of the stale text is refused too (the draft was saved elsewhere).
    with pytest.raises(EditConflict):
        a.minutes.autosave(meeting_id, mine, version=version, autosave_version=a.minutes.autosave_version(meeting_id))


def test_two_copies_typing_the_same_minutes_do_not_replace_each_others_autosave(two):
    a, b = two
    meeting_id = _draft_meeting(a)
    version = a.minutes.revision(meeting_id).row_version
    start = a.minutes.autosave_version(meeting_id)
    mine, theirs = a.minutes.draft(meeting_id), b.minutes.draft(meeting_id)
    theirs.items[0].discussion = "Typed on the other laptop"
    after_theirs = b.minutes.autosave(meeting_id, theirs, version=version, autosave_version=start)
    assert after_theirs == start + 1
    mine.items[0].discussion = "Typed here"
    with pytest.raises(EditConflict) as caught:
        a.minutes.autosave(meeting_id, mine, version=version, autosave_version=start)
    assert caught.value.changed_by == "sam on LAPTOP-2"
    assert a.minutes.recovered(meeting_id).items[0].discussion == "Typed on the other laptop"


def test_a_stale_declaration_and_action_edit_are_refused(two):
    a, b = two
    meeting_id = _draft_meeting(a)
    member = a.meetings.register(meeting_id)[0].member
    decl = a.minutes.add_declaration(Declaration(meeting_id, "Employed by the trust", member_id=member.id))
    theirs = b.minutes.declaration(decl.id)
    theirs.managed = "Left the room"
    b.minutes.update_declaration(theirs)
    decl.nature = "Spouse employed by the trust"
    with pytest.raises(EditConflict) as caught:
        a.minutes.update_declaration(decl)
    assert _words(caught.value)["managed"] == ("(none)", "Left the room")
    with pytest.raises(EditConflict):
        a.minutes.remove_declaration(decl.id, seen=decl)
    assert not a.minutes.declaration(decl.id).removed

    action = next(x for x in a.minutes.actions() if x.meeting_id == meeting_id)
    other = b.minutes.action(action.id)
    other.description = "Their wording"
    b.minutes.update_action(other)
    action.due_date = dt.date(2027, 6, 30)
    with pytest.raises(EditConflict) as caught:
        a.minutes.update_action(action)
    assert _words(caught.value)["description"] == (action.description, "Their wording")
    # A status update is appended, not an edit: recorded from both copies, neither refused.
    b.minutes.update_action_status(action.id, "in progress", meeting_id, "Started")
    a.minutes.update_action_status(action.id, "done", meeting_id, "Finished")
    assert [u.status.value for u in a.minutes.updates(action_id=action.id, meeting_id=meeting_id)][-2:] == [
        "in progress", "done"]


# --- Section 11 ---------------------------------------------------------------------------------

def test_a_stale_section11_return_rating_action_and_round_are_refused(two):
    a, b = two
    s11a, s11b = Section11Repo(a), Section11Repo(b)
    rnd = s11a.latest_round()
    ret = s11a.returns(rnd.id)[0]
    theirs = s11b.get_return(ret.id)
    theirs.notes = "Chased by phone"
    s11b.update_return(theirs)
    ret.panel_outcome = "Mine"
    with pytest.raises(EditConflict) as caught:
        s11a.update_return(ret)
    assert _words(caught.value)["notes"] == (ret.notes or "(none)", "Chased by phone")
    assert s11a.get_return(ret.id).panel_outcome == theirs.panel_outcome

    standard = rnd.standards[0].number
    seen = ret.rating(standard, "") or Rating(standard=standard)
    s11b.rate(ret.id, standard, evidence="Their evidence")
    with pytest.raises(EditConflict) as caught:
        s11a.save_ratings(ret.id, [dataclasses.replace(seen, improvement="My improvement")], seen=True)
    assert _words(caught.value)["evidence"][1] == "Their evidence"
    assert s11a.get_return(ret.id).rating(standard, "").improvement == (seen.improvement or "")

    other_rnd = s11b.round(rnd.id)
    s11b.update_round(dataclasses.replace(other_rnd, notes="Their round note"))
    with pytest.raises(EditConflict):
        s11a.update_round(dataclasses.replace(rnd, notes="My round note"))
    assert s11a.round(rnd.id).notes == "Their round note"

    item = next(x for r in s11a.returns(rnd.id) for x in r.actions)
    s11b.update_action(dataclasses.replace(s11b.action(item.id), owner="Their owner"))
    with pytest.raises(EditConflict):
        s11a.update_action(dataclasses.replace(item, notes="My note"))
    assert s11a.action(item.id).owner == "Their owner"


def test_an_undo_of_a_return_is_refused_when_the_same_part_was_changed_since(two):
    from mqp_desktop.store.section11 import return_changes

    a, b = two
    s11a, s11b = Section11Repo(a), Section11Repo(b)
    ret = s11a.returns(s11a.latest_round().id)[0]
    before = s11a.get_return(ret.id)
    after = s11a.update_return(dataclasses.replace(before, notes="Mine"))
    s11b.update_return(dataclasses.replace(s11b.get_return(ret.id), notes="Theirs"))
    with pytest.raises(EditConflict):
        s11a.restore_return(before, only=return_changes(before, after), expect=after)
    assert s11a.get_return(ret.id).notes == "Theirs"


def test_a_framework_edited_in_two_copies_is_refused_in_the_second(two):
    a, b = two
    s11a, s11b = Section11Repo(a), Section11Repo(b)
    mine = s11a.save_framework(s11a.framework("Section 11 statutory standards")
                               .with_standard("Voice of the child"))  # a new version nobody uses yet
    theirs = s11b.framework(mine.id)
    s11b.save_framework(theirs.with_standard("Their standard"))
    with pytest.raises(EditConflict):
        s11a.save_framework(mine.with_standard("My standard"))
    titles = [s.title for s in s11a.framework(mine.id).standards]
    assert "Their standard" in titles and "My standard" not in titles


# --- the transaction ----------------------------------------------------------------------------

def test_a_write_waits_for_another_writer_instead_of_failing_locked(two):
    a, b = two
    member = _named_member(a)
    b.db.conn.execute("BEGIN IMMEDIATE")  # the other copy is in the middle of a write
    b.db.conn.execute("UPDATE member SET notes = 'theirs', row_version = row_version + 1 WHERE id = ?", [member.id])
    outcome: list[object] = []

    def mine() -> None:  # this copy of the program, with its own connection (SQLite's are per thread)
        try:
            with Store.open(a.path) as here, here.write():  # read and written at once, as the CLI does
                current = here.member(member.id)
                current.phone = "01234 567890"
                outcome.append(here.update_member(current))
        except Exception as exc:  # noqa: BLE001 - the test reports whatever came out
            outcome.append(exc)

    worker = threading.Thread(target=mine)
    worker.start()
    worker.join(0.3)  # still queued behind the other writer's lock
    b.db.conn.execute("COMMIT")
    worker.join()
    assert len(outcome) == 1 and isinstance(outcome[0], Member), outcome
    stored = a.member(member.id)
    assert (stored.notes, stored.phone) == ("theirs", "01234 567890")


def test_a_deferred_read_then_write_fails_where_begin_immediate_waits(two):
    """The failure BEGIN IMMEDIATE removes: a read transaction that turns into a write after
    another copy has committed is refused at once ("database is locked"), busy timeout or not."""
    a, b = two
    member = _named_member(a)
    conn = a.db.conn
    conn.execute("BEGIN")  # deferred, as sqlite-utils' atomic() began
    conn.execute("SELECT notes FROM member WHERE id = ?", [member.id]).fetchone()
    with b.write():
        b.db.execute("UPDATE member SET notes = 'theirs' WHERE id = ?", [member.id])
    with pytest.raises(sqlite.ERRORS, match="locked|busy"):
        conn.execute("UPDATE member SET phone = 'x' WHERE id = ?", [member.id])
    conn.execute("ROLLBACK")
    with a.write():  # the same read-then-write through Store.write
        a.db.execute("SELECT notes FROM member WHERE id = ?", [member.id]).fetchone()
        a.db.execute("UPDATE member SET phone = 'x' WHERE id = ?", [member.id])
    assert a.member(member.id).phone == "x"


def test_nested_writes_are_savepoints(two):
    a, _b = two
    member = _named_member(a)
    with a.write():
        first = a.member(member.id)
        first.notes = "kept"
        first = a.update_member(first)
        with pytest.raises(ValidationError):
            with a.write():
                second = a.member(member.id)
                second.phone = "changed then undone"
                a.update_member(second)
                raise ValidationError("x", "refused after the inner write")
        third = a.member(member.id)
        third.deputy_name = "Deputy kept"
        a.update_member(third)
    stored = a.member(member.id)
    assert (stored.notes, stored.phone, stored.deputy_name) == ("kept", member.phone, "Deputy kept")
    assert stored.row_version == member.row_version + 2
    assert not a.db.conn.in_transaction


def test_a_failed_write_leaves_no_transaction_open(two):
    a, _b = two
    with pytest.raises(ValidationError):
        with a.write():
            a.db.execute("UPDATE member SET notes = 'half' WHERE id = 1")
            raise ValidationError("x", "refused")
    assert not a.db.conn.in_transaction
    assert a.member(1).notes != "half"


# --- the plain parts ----------------------------------------------------------------------------

def test_rebase_keeps_the_other_copys_change_and_applies_mine():
    base = Member("DI", 1, name="Jo", email="jo@old", phone="1", row_version=3)
    mine = dataclasses.replace(base, phone="2")
    stored = dataclasses.replace(base, email="jo@new", row_version=4)
    merged = rebase(base, mine, stored)
    assert (merged.email, merged.phone, merged.row_version) == ("jo@new", "2", 4)


def test_values_and_times_in_words():
    assert value_in_words(None) == value_in_words("") == "(none)"
    assert value_in_words(True) == "yes"
    assert value_in_words("2026-03-03") == value_in_words(dt.date(2026, 3, 3)) == "3 Mar 2026"
    assert when_in_words("2026-03-03T14:05:00+00:00") == "14:05 on 3 Mar 2026"
    assert FieldDifference("a", "A", "x", "y", changed_at="2026-03-03T14:05:00").when == "14:05 on 3 Mar 2026"


# --- the command line ---------------------------------------------------------------------------

def test_the_command_line_refuses_an_edit_of_a_version_read_earlier(two, capsys):
    from mqp_desktop.cli.app import main

    a, b = two
    member = _named_member(a)
    db = str(a.path)
    assert main(["--db", db, "members", "show", str(member.id), "--json"]) == 0
    import json

    read = json.loads(capsys.readouterr().out)
    assert read["version"] == member.row_version
    theirs = b.member(member.id)
    theirs.phone = "020 7946 0999"
    b.update_member(theirs)
    code = main(["--db", db, "members", "edit", str(member.id), "--notes", "mine", "--expect-version",
                 str(read["version"])])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and err.startswith("mqp: error: The member ")
    assert member.display_name in err and "sam on LAPTOP-2" in err and f"version {read['version'] + 1}" in err
    assert a.member(member.id).notes == member.notes
    assert main(["--db", db, "members", "edit", str(member.id), "--notes", "mine", "--expect-version",
                 str(read["version"] + 1)]) == 0
    assert a.member(member.id).notes == "mine"


def test_a_command_line_edit_waits_for_another_writer_and_reads_inside_its_write(two):
    from mqp_desktop.cli.app import main

    a, b = two
    member = _named_member(a)
    b.db.conn.execute("BEGIN IMMEDIATE")
    b.db.conn.execute("UPDATE member SET notes = 'theirs', row_version = row_version + 1 WHERE id = ?", [member.id])
    result: list[int] = []
    worker = threading.Thread(target=lambda: result.append(
        main(["--db", str(a.path), "members", "edit", str(member.id), "--phone", "01632 960000"])))
    worker.start()
    worker.join(0.3)
    b.db.conn.execute("COMMIT")
    worker.join()
    assert result == [0]
    stored = a.member(member.id)
    assert (stored.notes, stored.phone) == ("theirs", "01632 960000")  # read after the other's save, not before

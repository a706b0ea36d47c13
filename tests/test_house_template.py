"""The Word agenda's house template: the setting, the check of its file, and keeping it in the database."""

from __future__ import annotations

import pytest

from mqp_desktop.domain import agenda_settings as cfg
from mqp_desktop.domain.agenda_settings import HOUSE_TEMPLATE, clean_setting
from mqp_desktop.domain.documents import FileRefused, check_word_template
from mqp_desktop.domain.validation import ValidationError
from tests.helpers.word_templates import house_template, not_word_zip

DOTX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --- the setting ----------------------------------------------------------------------------------

def test_the_setting_is_none_by_default_or_a_stored_word_file():
    assert cfg.SETTINGS[HOUSE_TEMPLATE].default() is None
    assert "Word agenda" in cfg.SETTINGS[HOUSE_TEMPLATE].description
    assert clean_setting(HOUSE_TEMPLATE, None) is None
    assert clean_setting(HOUSE_TEMPLATE, {"document_id": 3, "file_name": " House.DOTX "}) == {
        "document_id": 3, "file_name": "House.DOTX"}


@pytest.mark.parametrize(("value", "says"), [
    ("house.docx", "either none or a stored Word file"),
    ([3, "house.docx"], "either none or a stored Word file"),
    ({"document_id": 0, "file_name": "house.docx"}, "whole number above 0"),
    ({"document_id": True, "file_name": "house.docx"}, "whole number above 0"),
    ({"document_id": "3", "file_name": "house.docx"}, "whole number above 0"),
    ({"document_id": 3}, "needs its 'file_name'"),
    ({"document_id": 3, "file_name": "   "}, "needs its 'file_name'"),
    ({"document_id": 3, "file_name": "house.pdf"}, r"'house\.pdf' is not a Word document \(\.docx\)"),
    ({"document_id": 3, "file_name": "house.docm"}, "not a Word document"),
    ({"document_id": 3, "file_name": "house.docx", "path": "/tmp/x"}, "only 'document_id' and 'file_name', not path"),
])
def test_the_setting_refuses_anything_else_saying_what_to_do(value, says):
    with pytest.raises(ValidationError, match=says) as refused:
        clean_setting(HOUSE_TEMPLATE, value)
    assert refused.value.field == "value"
    assert "choose" in refused.value.message or "save it in Word" in refused.value.message


# --- checking the file ----------------------------------------------------------------------------

def test_a_word_document_and_a_word_template_pass():
    docx_bytes = house_template()
    checked = check_word_template("House style.docx", docx_bytes)
    assert (checked.file_name, checked.media_type, checked.content) == ("House style.docx", DOCX_TYPE, docx_bytes)
    dotx = check_word_template("House style.dotx", house_template(kind="dotx"))
    assert dotx.media_type == DOTX_TYPE


def test_a_renamed_program_is_refused_saying_so():
    with pytest.raises(FileRefused, match=r"'logo\.docx' is not a Word file: its content is a Windows program, renamed"):
        check_word_template("logo.docx", b"MZ\x90\x00" + b"\0" * 300)
    with pytest.raises(FileRefused, match="its content is a program, renamed"):
        check_word_template("logo.dotx", b"\x7fELF" + b"\0" * 300)


def test_a_zip_that_is_not_word_is_refused():
    with pytest.raises(FileRefused, match=r"'house\.docx' is named as a Word file but its content is a zip archive"):
        check_word_template("house.docx", not_word_zip())
    with pytest.raises(FileRefused, match="damaged or only partly copied"):
        check_word_template("house.docx", b"PK\x03\x04 not really a zip")


def test_macros_are_refused_by_name_and_by_content():
    with pytest.raises(FileRefused, match=r"'house\.docx' is a Word file with macros .*may not hold macros"):
        check_word_template("house.docx", house_template(kind="docm"))
    with pytest.raises(FileRefused, match=r"'house\.dotm' is a Word file with macros \(\.dotm\)"):
        check_word_template("house.dotm", house_template())


def test_wrong_names_empty_and_large_files_are_refused_naming_the_file():
    with pytest.raises(FileRefused, match=r"'house\.pdf' is a '\.pdf' file: a house template must be a Word document"):
        check_word_template("house.pdf", house_template())
    with pytest.raises(FileRefused, match="a file without an extension"):
        check_word_template("house", house_template())
    with pytest.raises(FileRefused, match=r"'house\.docx' is empty"):
        check_word_template("house.docx", b"")
    with pytest.raises(FileRefused, match=r"'house\.docx' is .* more than the"):
        check_word_template("house.docx", house_template(), max_bytes=100)


def test_a_damaged_part_is_refused():
    data = bytearray(house_template())
    at = data.index(b"word/document.xml") + 40  # inside the document part's compressed bytes
    data[at:at + 60] = b"\x00" * 60
    with pytest.raises(FileRefused, match=r"'house\.docx' is a damaged Word file"):
        check_word_template("house.docx", bytes(data))


# --- in the database ------------------------------------------------------------------------------

def test_set_read_and_clear_the_house_template(store):
    repo = store.agendas
    assert repo.house_template() is None and repo.setting(HOUSE_TEMPLATE) is None
    content = house_template()
    info = repo.set_house_template("House style.docx", content)
    assert (info.file_name, info.media_type, info.size) == ("House style.docx", DOCX_TYPE, len(content))
    assert repo.setting(HOUSE_TEMPLATE) == {"document_id": info.id, "file_name": "House style.docx"}
    assert repo.house_template() == ("House style.docx", content)
    assert repo.document(info.id).content == content
    assert repo.settings()[HOUSE_TEMPLATE] == ({"document_id": info.id, "file_name": "House style.docx"}, False)

    dotx = house_template(kind="dotx", header="NEW HEADER")
    newer = repo.set_house_template("House style.dotx", dotx)
    assert newer.id != info.id and repo.house_template() == ("House style.dotx", dotx)
    assert repo.document(info.id).content == content  # the old one is kept, as every document is

    repo.clear_house_template()
    assert repo.house_template() is None and repo.setting(HOUSE_TEMPLATE) is None
    repo.set_house_template("House style.docx", content)
    repo.reset_setting(HOUSE_TEMPLATE)
    assert repo.house_template() is None


def test_changes_to_the_house_template_are_recorded(store):
    repo = store.agendas
    info = repo.set_house_template("House style.docx", house_template())
    repo.clear_house_template()
    changes = store.history(entity="setting")
    assert [c.summary for c in changes] == ["Setting changed: house_template"] * 2
    cleared, chosen = changes
    assert chosen.changes == {HOUSE_TEMPLATE: [None, {"document_id": info.id, "file_name": "House style.docx"}]}
    assert cleared.changes == {HOUSE_TEMPLATE: [{"document_id": info.id, "file_name": "House style.docx"}, None]}
    (added,) = store.history(entity="document", entity_id=info.id)
    assert added.action == "added" and "House style.docx" in added.summary


def test_choosing_the_same_template_again_stores_nothing_new(store):
    repo = store.agendas
    content = house_template()
    first = repo.set_house_template("House style.docx", content)
    before = len(store.history())
    assert repo.set_house_template("House style.docx", content) == first
    assert len(store.history()) == before


def test_a_refused_file_writes_nothing(store):
    repo = store.agendas
    documents = store.db.execute("SELECT count(*) FROM document").fetchone()[0]
    with pytest.raises(FileRefused, match="Windows program"):
        repo.set_house_template("house.docx", b"MZ" + b"\0" * 100)
    assert store.db.execute("SELECT count(*) FROM document").fetchone()[0] == documents
    assert repo.setting(HOUSE_TEMPLATE) is None and store.history(entity="setting") == []


def test_a_failure_after_storing_the_document_leaves_neither_document_nor_setting(store, monkeypatch):
    repo = store.agendas
    documents = store.db.execute("SELECT count(*) FROM document").fetchone()[0]
    history = len(store.history())
    real_record = store.record

    def record_then_fail(entity, *args, **kwargs):
        if entity == "setting":
            raise OSError(28, "No space left on device")
        return real_record(entity, *args, **kwargs)

    monkeypatch.setattr(store, "record", record_then_fail)
    with pytest.raises(Exception, match="space|disk|full"):
        repo.set_house_template("house.docx", house_template())
    monkeypatch.undo()
    assert store.db.execute("SELECT count(*) FROM document").fetchone()[0] == documents
    assert store.db.execute("SELECT count(*) FROM setting WHERE name = ?", [HOUSE_TEMPLATE]).fetchone()[0] == 0
    assert len(store.history()) == history and repo.house_template() is None


def test_the_settings_save_together_with_a_template_in_one_transaction(store):
    """As the settings dialog saves: a refused template inside the write undoes the other settings too."""
    repo = store.agendas
    with pytest.raises(FileRefused), store.write():
        repo.set_setting("paper_deadline_days", 7)
        repo.set_house_template("house.docx", not_word_zip())
    assert repo.setting("paper_deadline_days") == 10


def test_a_setting_pointing_at_no_stored_file_reads_as_no_template(store):
    repo = store.agendas
    info = repo.set_house_template("House style.docx", house_template())
    # A database edited or restored by hand: the setting names a file id that is not there.
    store.db.execute("UPDATE setting SET value = ? WHERE name = ?",
                     ['{"document_id": 9999, "file_name": "Lost.docx"}', HOUSE_TEMPLATE])
    assert repo.setting(HOUSE_TEMPLATE) == {"document_id": 9999, "file_name": "Lost.docx"}
    assert repo.house_template() is None
    assert repo.house_template_missing() == "Lost.docx"
    # and it cannot be set to point nowhere through the store
    with pytest.raises(ValidationError, match="no stored file with id 9998"):
        repo.set_setting(HOUSE_TEMPLATE, {"document_id": 9998, "file_name": "Other.docx"})
    assert repo.set_setting(HOUSE_TEMPLATE, {"document_id": info.id, "file_name": "House style.docx"})
    assert repo.house_template_missing() is None and repo.house_template()[0] == "House style.docx"


def test_a_template_is_read_from_disk_and_checked(tmp_path):
    from mqp_desktop.store.agendas import AgendaRepo

    good = tmp_path / "house.dotx"
    good.write_bytes(house_template(kind="dotx"))
    assert AgendaRepo.read_house_template(good).media_type == DOTX_TYPE
    with pytest.raises(FileRefused, match="There is no file"):
        AgendaRepo.read_house_template(tmp_path / "missing.docx")
    with pytest.raises(FileRefused, match="is a folder"):
        AgendaRepo.read_house_template(tmp_path)
    renamed = tmp_path / "house.docx"
    renamed.write_bytes(b"MZ" + b"\0" * 100)
    with pytest.raises(FileRefused, match="Windows program"):
        AgendaRepo.read_house_template(renamed)

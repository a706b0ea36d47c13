from mqp_desktop.store.seed import open_store


def test_open_store_seeds_a_new_file_once(tmp_path):
    path = tmp_path / "new.sqlite"
    with open_store(path) as s:
        first = len(s.members())
    with open_store(path) as s:
        assert len(s.members()) == first > 0

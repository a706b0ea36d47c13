"""Shared fixtures. Tests never touch the user's real data folder or settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI runs the property tests on a fixed sequence of examples so a submission's result does not
# depend on luck; locally they explore new examples each run (and keep failures in .hypothesis/).
if os.environ.get("CI"):
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
    _hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory, monkeypatch):
    """Point HOME/XDG (hence QStandardPaths and QSettings) at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("APPDATA", str(home / "AppData"))
    yield home


def pytest_collection_modifyitems(config, items):
    """Anything using the Qt application (qtbot/qapp) is marked ``gui``."""
    for item in items:
        if {"qtbot", "qapp", "qtmodeltester"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def store():
    """An in-memory database seeded from the Wandsworth MQ&P template (seats unnamed)."""
    from mqp_desktop.store import Store
    from mqp_desktop.store.seed import seed_from_template

    s = Store.in_memory()
    seed_from_template(s, "wandsworth-mqp")
    yield s
    s.close()


@pytest.fixture
def blank_store():
    """An in-memory database seeded from the blank template."""
    from mqp_desktop.store import Store
    from mqp_desktop.store.seed import seed_from_template

    s = Store.in_memory()
    seed_from_template(s, "blank")
    yield s
    s.close()


@pytest.fixture
def demo_db(tmp_path) -> Path:
    """Path of a fresh demo database file (fictional people named in the seats)."""
    from mqp_desktop.store.seed import create_demo_database

    path = tmp_path / "demo.sqlite"
    create_demo_database(path).close()
    return path


@pytest.fixture
def demo_store(demo_db):
    from mqp_desktop.store import Store

    s = Store.open(demo_db)
    yield s
    s.close()

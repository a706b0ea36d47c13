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


_DEMO_CACHE: dict[str, Path] = {}


def _demo_template(tmp_path_factory) -> Path:
    """One demo database per test session and day, built once (about a second) and copied per test.

    Keyed by the day because the demo is made relative to today: a run that crosses midnight builds
    it again rather than handing later tests yesterday's demo."""
    import datetime as dt

    from mqp_desktop.store.seed import create_demo_database

    day = dt.date.today().isoformat()
    if day not in _DEMO_CACHE:
        path = tmp_path_factory.mktemp(f"demo-{day}") / "demo.sqlite"
        create_demo_database(path).close()
        _DEMO_CACHE[day] = path
    return _DEMO_CACHE[day]


@pytest.fixture
def demo_db(tmp_path, tmp_path_factory) -> Path:
    """Path of a fresh demo database file (fictional people named in the seats): a copy of the
    session's demo, so each test has its own file to change."""
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_template(tmp_path_factory), path)
    path.chmod(0o600)
    return path


@pytest.fixture
def demo_store(demo_db):
    from mqp_desktop.store import Store

    s = Store.open(demo_db)
    yield s
    s.close()

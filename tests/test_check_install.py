"""The window's --check-install: what the bundle's smoke test runs (scripts/build_bundle.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from mqp_desktop.ui.main_window import MainWindow


def run_check(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-m", "mqp_desktop.ui.app", *args, "--check-install"],
                          env=env, capture_output=True, text=True, timeout=300)


def test_check_install_shows_every_page_and_exits_0(tmp_path):
    db = tmp_path / "mine.sqlite"
    done = run_check(tmp_path, "--db", str(db))
    assert done.returncode == 0, done.stderr
    line = done.stdout.strip().splitlines()[-1]
    pages = MainWindow.PAGE_DUE + 1  # the last page's number, counted from 0
    assert f"{pages} pages shown" in line and str(db) in line
    for name in ("Membership", "Meetings", "Section 11", "Governance"):
        assert name in line
    assert db.exists()  # created on first run, as the window does


def test_check_install_fails_when_the_database_cannot_be_opened(tmp_path):
    """A file that is not ours is refused: exit 1, nothing said to be shown."""
    db = tmp_path / "not-ours.sqlite"
    db.write_bytes(b"this is not a database" * 100)
    done = run_check(tmp_path, "--db", str(db))
    assert done.returncode == 1
    assert "pages shown" not in done.stdout

"""Start-up (issue 14): the window's frame is painted first; the database is opened, the pages are built
and filled after it. The figures are benchmarks/bench.py's; these tests check the order and what is loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from mqp_desktop.ui import app as gui_app
from mqp_desktop.ui.main_window import AREA_TITLES, MENU_TITLES, MainWindow
from mqp_desktop.ui.settings import Settings


@pytest.fixture
def user_settings(tmp_path):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return Settings()


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_the_frame_is_shown_before_the_database_is_opened(qapp, monkeypatch, user_settings, demo_db):
    seen = {}

    def open_at_startup(args, settings):
        # asked while the frame is on screen: the areas and the menus are there, no page yet
        (window,) = _main_windows()
        seen["ready"] = window.ready
        seen["areas"] = [window.nav.item(n).text() for n in range(window.nav.count())]
        seen["menus"] = [a.text() for a in window.menuBar().actions()]
        seen["page"] = window.pages.currentWidget().text()
        seen["exposed"] = window.windowHandle().isExposed()
        # None: the officer quit at the password or a failure, so nothing else is built

    monkeypatch.setattr(gui_app, "first_run", lambda args, settings: False)
    monkeypatch.setattr(gui_app, "open_at_startup", open_at_startup)
    assert gui_app.main(["--db", str(demo_db)]) == 1
    assert seen["ready"] is False and seen["exposed"]
    assert seen["areas"] == list(AREA_TITLES)
    assert seen["menus"] == [title for _key, title in MENU_TITLES]
    assert seen["page"] == "Opening the database…"
    qapp.processEvents()
    assert _main_windows() == [], "the frame closed with the start-up"


def test_the_frame_then_fills_with_the_pages_and_the_data(qapp, demo_store, user_settings):
    window = MainWindow(None, settings=user_settings)
    try:
        window.paint_now()
        assert not window.ready and window.pages.count() == 1 and not window.nav.isEnabled()
        assert window.menus["meetings"].actions() == [], "the menus fill with the pages"
        window.finish(demo_store)
        assert window.ready and window.nav.isEnabled()
        assert window.menus["meetings"].actions(), "the Meetings menu has its actions"
        assert window.membership_page.table.model().rowCount() > 0, "the first page is filled"
        assert demo_store.subcommittee().short_name in window.windowTitle()
        # the other pages are made when first shown, and filled then
        made = [n for n in range(window.pages.count()) if window.page_is_made(n)]
        assert made == [window.PAGE_MEMBERSHIP]
        assert window.pages.count() == len(AREA_TITLES)
        for number in range(window.pages.count()):
            window.show_page(number)
            assert window.page_is_made(number) and window.pages.currentWidget().title == AREA_TITLES[number]
        assert window.meetings.page.model.rowCount() == len(demo_store.meetings.list())
    finally:
        window.close()


def test_closing_the_frame_before_a_database_is_open_keeps_its_size(qapp, user_settings):
    window = MainWindow(None, settings=user_settings)
    window.resize(700, 500)
    window.paint_now()
    window.close()
    again = MainWindow(None, settings=Settings())
    try:
        assert (again.width(), again.height()) == (700, 500)
    finally:
        again.close()


def test_nothing_but_the_frame_is_imported_before_the_first_paint(tmp_path, demo_db):
    """The real start-up in a process of its own (the hidden --startup-probe option the benchmark uses):
    at the first paint no database layer, page, exporter or heavy library is loaded yet; every page then
    shows."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "c"),
               XDG_DATA_HOME=str(tmp_path / "d"), APPDATA=str(tmp_path / "a"))
    done = subprocess.run([sys.executable, "-m", "mqp_desktop.ui.app", "--db", str(demo_db), "--startup-probe"],
                          check=False, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = set(figures["modules_at_first_paint"])
    assert "PySide6.QtWidgets" in loaded and "mqp_desktop.ui.main_window" in loaded
    for module in ("mqp_desktop.store", "sqlite_utils", "mqp_desktop.domain.model", "mqp_desktop.ui.pages",
                   "mqp_desktop.ui.meetings_controller", "reportlab", "docx", "pypdf", "openpyxl"):
        assert module not in loaded, f"{module} is loaded before the first paint"
    assert figures["first_paint"] < figures["ready"] < figures["every_page"]
    assert figures["rss_mib_every_page"] is None or figures["rss_mib_every_page"] > 0


def test_a_list_of_areas_saved_too_narrow_for_its_counts_is_widened(qapp, user_settings):
    window = MainWindow(None, settings=user_settings)
    window.resize(1200, 700)
    window.paint_now()
    window.splitter.setSizes([150, 1050])  # as a copy from before the counts saved it
    window.close()
    assert user_settings.view_state("main_splitter") is not None
    again = MainWindow(None, settings=Settings())
    try:
        again.resize(1200, 700)  # (the test screen is smaller than a laptop's: the saved size is cut to it)
        again.paint_now()
        assert again.splitter.sizes()[0] >= again.nav_width
        longest = again.nav.fontMetrics().horizontalAdvance("Due & overdue · 21 overdue")
        assert again.nav.viewport().width() > longest
    finally:
        again.close()


def test_fitted_columns_are_fitted_again_next_time_and_a_users_widths_are_kept(qapp, demo_db, user_settings):
    from mqp_desktop.store import Store

    def opened():
        window = MainWindow(Store.open(demo_db), settings=Settings())
        window.resize(1200, 700)
        window.paint_now()
        return window

    window = opened()
    window.close()  # the register's widths were only fitted: not kept as the user's
    window = opened()
    table = window.membership_page.table
    assert not table.own_widths, "fitted again to the data"
    table.horizontalHeader().resizeSection(0, 333)  # the officer drags the Name column
    assert table.own_widths
    window.close()
    window = opened()
    try:
        table = window.membership_page.table
        assert table.own_widths and table.columnWidth(0) == 333
    finally:
        window.close()


def test_a_file_that_cannot_be_opened_is_explained_over_the_frame(qapp, monkeypatch, tmp_path, user_settings):
    """The box saying why the start-up file cannot be opened is the frame's child, so it shows over the window
    (not behind it, as a window of its own can on Windows)."""
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "damaged.sqlite"
    bad.write_bytes(b"not a database" * 100)
    parents = []

    def answer(box):
        parents.append(box.parent())
        return 0  # no button clicked: as Quit

    monkeypatch.setattr(gui_app, "first_run", lambda args, settings: False)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert gui_app.main(["--db", str(bad)]) == 1
    assert len(parents) == 1 and isinstance(parents[0], MainWindow) and not parents[0].ready

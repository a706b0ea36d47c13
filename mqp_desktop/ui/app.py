"""Start the desktop program: ``mqp-desktop [--db PATH | --demo | --approve FILE.mqpminutes]``.

Which database opens:

* ``--db PATH``  that file (created, from the default template, if it does not exist);
* ``--demo``     a fresh, separate demonstration database with fictional people
                 (made again at every ``--demo`` start; never remembered as the last database);
* ``--approve FILE``  no database: the chair's window for minutes sent for approval;
* otherwise      the database used last, or the default one in the user's data folder
                 (created on first run).

An encrypted database asks for its password first (Cancel: as if it had not been
chosen). A database that cannot be opened (locked, read-only, damaged, made by a newer
version, not ours) is explained, and the officer can open another file or make
a new one, or quit (exit status 1) - never a traceback. A damaged one is also
offered its newest good backup, when there is one ("Restore the newest good
backup (date)"): the damaged file is copied aside untouched and the backup put
in its place.

Automatic backups (on opening, and daily while the program is open) are switched
on here, once the window is shown; see ``ui/backups_controller.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from mqp_desktop import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__, paths

if TYPE_CHECKING:
    from mqp_desktop.store import Store, StoreError

# The store (and sqlite-utils under it) is imported once the window's frame is painted (issue 14), in
# the functions that open a database, not here.

OPEN, NEW, QUIT, RESTORE = "open", "new", "quit", "restore"

_frame = None
"""The window's frame while the start-up database is being opened (see main): the password, a file that cannot
be opened and the file choosers are its children, so they show over it, never behind it."""


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="mqp-desktop",
        description=f"{APP_DISPLAY_NAME}: the membership register and meetings of a safeguarding "
        "children partnership subcommittee.",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--db", metavar="PATH", type=Path,
        help="the database file to open (created from the default template if it does not exist); "
        "default: the database used last, else one in your user data folder",
    )
    group.add_argument(
        "--demo", action="store_true",
        help="open a fresh demonstration database with fictional members (kept apart from your own)",
    )
    group.add_argument(
        "--approve", metavar="FILE", type=Path,
        help="the chair's side of sign-off: open minutes sent for approval (.mqpminutes), review, approve "
        "and sign or return with comments; no database is needed",
    )
    parser.add_argument(
        "--check-install", action="store_true",
        help="open the database (or the demonstration with --demo), show every page once, print what was "
        "shown and quit: exit 0 when this copy of the program works (used to test an installed bundle)",
    )
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"{APP_DISPLAY_NAME} {__version__}")
    return parser.parse_args(argv)


def setup_application(argv0: str = "mqp-desktop") -> QApplication:
    """The QApplication (made if needed) with the program's names, icon and style."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([argv0])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("mqp-desktop")
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "app.svg"))))
    if sys.platform.startswith("linux") and app.style().name().lower() != "fusion":
        # Windows and macOS keep their native look; on Linux desktops vary, Fusion is consistent.
        # Set once: setting it again restyles every widget there is (seconds with many open).
        app.setStyle("Fusion")
    return app


def startup_failure_box(exc: StoreError, path: Path, backup=None) -> tuple[QMessageBox, dict]:
    """The box explaining why ``path`` cannot be opened, and which button means which choice.

    ``backup``: the newest good backup of a damaged database (a BackupInfo), offered first.
    """
    from mqp_desktop.domain.backups import describe_age

    box = QMessageBox(_frame)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(f"{APP_DISPLAY_NAME} — the database cannot be opened")
    box.setText(exc.problem)
    offer = ""
    if backup is not None:
        offer = (f"Its newest good backup was taken {describe_age(backup.taken, dt.datetime.now())}"
                 + (f" ({backup.holds()})" if backup.holds() else "")
                 + ". Restoring it copies the damaged file aside, untouched, first.\n\n")
    box.setInformativeText(
        (exc.remedy + "\n\n" if exc.remedy and backup is None else "")
        + offer
        + ("You can restore that backup, open another database file, start a new one, or quit." if backup
           else "You can open another database file, start a new one, or quit.")
    )
    choices = {}
    if backup is not None:
        restore_button = box.addButton(
            f"Restore the newest good backup ({describe_age(backup.taken, dt.datetime.now())})",
            QMessageBox.ButtonRole.AcceptRole)
        choices[restore_button] = RESTORE
    open_button = box.addButton("Open another…", QMessageBox.ButtonRole.AcceptRole)
    new_button = box.addButton("Create a new one…", QMessageBox.ButtonRole.ActionRole)
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    choices.update({open_button: OPEN, new_button: NEW, quit_button: QUIT})
    box.setDefaultButton(next(iter(choices)))
    box.setEscapeButton(quit_button)
    return box, choices


def startup_failure_choice(exc: StoreError, path: Path, backup=None) -> str:
    """Explain why ``path`` cannot be opened; ask to restore its newest good backup (``backup``, if
    any), open another, create a new one, or quit."""
    box, choices = startup_failure_box(exc, path, backup)
    box.exec()
    return choices.get(box.clickedButton(), QUIT)


def restorable_backup(exc: StoreError, path: Path):
    """The newest good backup to offer for a damaged database, or None."""
    from mqp_desktop.store import StoreError
    from mqp_desktop.store.backups import newest_good_backup
    from mqp_desktop.store.errors import DatabaseCorrupt

    if not isinstance(exc, DatabaseCorrupt) or not path.is_file():
        return None
    try:
        return newest_good_backup(path, None)
    except (StoreError, OSError):
        return None


def restore_at_startup(path: Path, backup) -> None:
    """Put ``backup`` in the place of the damaged ``path`` (progress shown; errors explained)."""
    from mqp_desktop.store.backups import restore
    from mqp_desktop.ui import errors
    from mqp_desktop.ui.backups_controller import run_blocking

    job = run_blocking(lambda job: restore(path, backup.path, key=None, progress=job.report,
                                           cancelled=job.cancelled),
                       title="Restore a backup", text=f"Restoring {path.name} from its newest good backup…")
    if job.outcome == "failed":
        errors.show_store_error(None, job.error, "Not restored")
    elif job.outcome == "done":
        tell_restored(job.result)


def tell_restored(prepared) -> None:
    """Say what was restored and where the damaged file was kept (tests replace this)."""
    from mqp_desktop.domain.backups import describe_age

    kept = prepared.damaged_copy or (prepared.before.path if prepared.before else None)
    QMessageBox.information(
        _frame, f"{APP_DISPLAY_NAME} — restored",
        f"The backup taken {describe_age(prepared.backup.taken, dt.datetime.now())} is back in place."
        + (f"\n\nThe damaged database was copied aside, untouched, to\n{kept}" if kept else ""),
    )


def choose_other_database(choice: str, near: Path) -> Path | None:
    folder = str(near.parent if near.parent.exists() else Path.home())
    if choice == OPEN:
        name, _ = QFileDialog.getOpenFileName(_frame, "Open database", folder,
                                              "MQ&P database (*.sqlite *.db);;All files (*)")
    else:
        name, _ = QFileDialog.getSaveFileName(_frame, "New database", str(Path(folder) / "mqp.sqlite"),
                                              "MQ&P database (*.sqlite *.db)")
    return Path(name) if name else None


def _open(path: Path, *, demo: bool, key: str | None = None, create: bool = False) -> Store:
    """``create``: the officer (or the program, for its own default file) asked for a database here,
    so an empty file or one an interrupted creation left unfinished is made afresh."""
    from mqp_desktop.store import seed
    from mqp_desktop.store.errors import translate

    try:
        return seed.create_demo_database(path) if demo else seed.open_store(path, key=key, create=create)
    except OSError as exc:  # e.g. the old demo file is held open by another copy of the program
        err = translate(exc, path)
        if err is None:
            raise
        raise err from exc


def ask_password_at_startup(path: Path, *, create: bool = False) -> Store | StoreError | None:
    """Ask for the password of the encrypted start-up database (before the window exists).

    The opened store; or the StoreError that stopped it opening once the password was right
    (e.g. a newer version's file); or None when the officer pressed Cancel.
    """
    from PySide6.QtWidgets import QDialog

    from mqp_desktop.store import Store, StoreError, WrongPassword
    from mqp_desktop.ui.dialogs.password_dialogs import PasswordDialog

    def open_with(key: str) -> Store | StoreError:
        try:
            return _open(path, demo=False, key=key, create=create)
        except WrongPassword:
            raise
        except StoreError as exc:
            return exc

    dialog = PasswordDialog(path, open_with=open_with, parent=_frame)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.saved  # type: ignore[return-value]


def initial_database(args: argparse.Namespace, settings) -> tuple[Path, bool]:
    """The database to open at start-up, and whether it is the demo."""
    if args.demo:
        return paths.demo_database_path(), True
    if args.db is not None:
        return args.db.expanduser(), False
    last = settings.last_database
    if last is not None and last.is_file():
        return last, False
    return paths.default_database_path(), False


def missing_last_database(args: argparse.Namespace, settings) -> Path | None:
    """The database used last, when it has gone (moved, renamed, on a drive not plugged in)."""
    if args.demo or args.db is not None:
        return None
    last = settings.last_database
    return last if last is not None and not last.is_file() else None


def open_at_startup(args: argparse.Namespace, settings) -> tuple[Store, bool] | None:
    """Open the start-up database, offering other files when it cannot be opened. None: quit."""
    from mqp_desktop.store import PasswordNeeded, Store, StoreError

    path, demo = initial_database(args, settings)
    # The program's own default file is made afresh if an interrupted first run left it unfinished.
    create = not demo and path == paths.default_database_path()
    while True:
        try:
            return _open(path, demo=demo, create=create), demo
        except PasswordNeeded as exc:
            opened = ask_password_at_startup(path, create=create)
            if isinstance(opened, Store):
                return opened, demo
            # Cancel: as if the file had not been chosen; or what stopped it once the password was right
            choice = startup_failure_choice(opened if isinstance(opened, StoreError) else exc, path)
        except StoreError as exc:
            backup = None if demo else restorable_backup(exc, path)
            choice = startup_failure_choice(exc, path, backup=backup)
        if choice == QUIT:
            return None
        if choice == RESTORE and backup is not None:
            restore_at_startup(path, backup)
            continue
        other = choose_other_database(choice, path)
        if other is not None:
            path, demo, create = other, False, choice == NEW


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = setup_application(sys.argv[0] if sys.argv else "mqp-desktop")
    from mqp_desktop.exporters.temp_folders import clean_leftovers

    clean_leftovers()  # drafts and conversions a crash left in the temporary folder over a day ago

    if args.approve is not None:
        return approve(args.approve, app)

    from mqp_desktop.ui.settings import Settings

    settings = Settings()
    if first_run(args, settings):
        args = welcome(args, settings)
        if args is None:
            return 0
    gone = missing_last_database(args, settings)
    from mqp_desktop.ui.main_window import MainWindow

    if args.check_install:  # unattended: a file that cannot be opened is said on stderr, with no dialog
        from mqp_desktop.store import StoreError

        path, demo = initial_database(args, settings)
        try:
            store = _open(path, demo=demo, create=not demo and path == paths.default_database_path())
        except StoreError as exc:
            print(f"{APP_DISPLAY_NAME}: cannot open {path}: {exc}", file=sys.stderr)
            return 1
        return check_install(app, MainWindow(store, settings=settings, demo=demo))

    # The window's frame first (issue 14): painted before the database is opened and the pages are built,
    # so the program answers at once; a password, or a file that cannot be opened, is asked over it.
    global _frame
    window = MainWindow(None, settings=settings)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.paint_now()
    probe = StartupProbe() if args.startup_probe else None
    _frame = window
    try:
        opened = open_at_startup(args, settings)
    finally:
        _frame = None
    if opened is None:
        window.close()
        return 1
    store, demo = opened

    from mqp_desktop.ui.errors import install_excepthook

    install_excepthook()
    window.finish(store, demo=demo)
    window.backups.start_automatic()  # a backup now (off the main thread), when opening others, and daily
    if gone is not None and store.path != gone:
        window.statusBar().showMessage(
            f"The database used last, {gone}, was not found (moved, renamed or on a drive not connected?); "
            f"opened {store.path} instead. Use File > Open to find it.",
            30000,
        )
    if probe is not None:
        return probe.report(app, window)
    return app.exec()


class StartupProbe:
    """``--startup-probe`` (for benchmarks/bench.py; not in --help): the clock at the frame's first paint, once
    the first page is filled, and the memory after every page was shown, printed as one JSON line."""

    def __init__(self) -> None:
        import time

        self.first_paint = time.perf_counter()  # the same clock as the benchmark's (system-wide, monotonic)
        self.modules_at_first_paint = sorted(sys.modules)

    def report(self, app: QApplication, window) -> int:
        import json
        import time

        app.processEvents()
        ready = time.perf_counter()
        for number in range(window.pages.count()):
            window.show_page(number)
            app.processEvents()
        every_page = time.perf_counter()
        print(json.dumps({"first_paint": self.first_paint, "ready": ready, "every_page": every_page,
                          "rss_mib_every_page": peak_memory_mib(),
                          "modules_at_first_paint": self.modules_at_first_paint}))
        window.close()
        return 0


def peak_memory_mib() -> float | None:
    """The process's peak resident memory in MiB (None where it cannot be read)."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def first_run(args: argparse.Namespace, settings) -> bool:
    """Started with no file named, none used before, no database of its own yet and no welcome answered."""
    return (not (args.demo or args.check_install) and args.db is None and not settings.welcomed
            and settings.last_database is None and not paths.default_database_path().exists())


def welcome(args: argparse.Namespace, settings) -> argparse.Namespace | None:
    """Ask how to start: the arguments to start with, or None when the user quits.

    Wandsworth's template or a blank subcommittee makes the program's own database from it; the
    demonstration opens its separate file (and the welcome is offered again next time, as the user's
    own database is still to be made); a file chosen is opened as if named with --db."""
    from PySide6.QtWidgets import QDialog

    from mqp_desktop.ui.dialogs.welcome_dialog import DEMO, OPEN, TEMPLATE, WelcomeDialog

    while True:
        dialog = WelcomeDialog()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
            return None
        if dialog.choice == DEMO:
            args.demo = True
            return args
        if dialog.choice == OPEN:
            path = choose_other_database(OPEN, paths.default_database_path())
            if path is None:
                continue  # the file dialog cancelled: back to the welcome
            args.db = path
        else:
            from mqp_desktop.store import StoreError, seed

            template = seed.DEFAULT_TEMPLATE if dialog.choice == TEMPLATE else "blank"
            try:
                seed.open_store(paths.default_database_path(), template=template, create=True).close()
            except StoreError:
                pass  # opening it next says what is wrong and offers the ways out
        settings.welcomed = True
        return args


def check_install(app: QApplication, window) -> int:
    """Show ``window``, then each of its pages in turn, and close it: 0 when every page showed, 1 (and the
    error on stderr) when one failed. No dialog is shown, so it runs unattended on any platform."""
    import traceback

    path = window.store.path
    window.show()
    app.processEvents()
    shown = []
    try:
        for number in range(window.pages.count()):
            window.show_page(number)
            app.processEvents()
            if window.pages.currentIndex() != number:
                raise RuntimeError(f"page {number + 1} did not show")
            shown.append(window.nav.item(number).text().split(" · ")[0])
    except Exception:  # noqa: BLE001 - reported and turned into the exit status
        traceback.print_exc()
        return 1
    finally:
        window.close()  # closes the database too
    print(f"{APP_DISPLAY_NAME} {__version__}: {len(shown)} pages shown ({', '.join(shown)}) on {path}")
    return 0


def approve(path: Path, app: QApplication) -> int:
    """The chair's window for ``path`` alone (no database is opened); 1 when the file is refused."""
    from mqp_desktop.ui.dialogs.approval_window import open_approval_window
    from mqp_desktop.ui.errors import install_excepthook, show_warning

    install_excepthook()
    window = open_approval_window(path.expanduser())
    if not hasattr(window, "show"):
        show_warning(None, f"{APP_DISPLAY_NAME} — cannot open the minutes", window.problem, window.remedy)
        return 1
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

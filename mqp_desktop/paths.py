"""Where things live: shipped resources and the user's default database.

Works from a source checkout, an installed package and a PyInstaller bundle
(``sys._MEIPASS``). QtCore is imported lazily, and only for
``QStandardPaths``, so the command line shares the GUI's default database
without loading any widget code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mqp_desktop import APP_NAME, ORG_NAME
from mqp_desktop.private_files import make_private_folder

DEFAULT_DB_NAME = "mqp.sqlite"
DEMO_DB_NAME = "mqp-demo.sqlite"


def resources_dir() -> Path:
    """The folder holding ``templates/``, ``icons/`` and other shipped data."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """``QStandardPaths.AppDataLocation`` for this program (created, private, if missing)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    # AppDataLocation is derived from the organisation and application names;
    # set them even when no QCoreApplication exists (the command line).
    if QCoreApplication.organizationName() != ORG_NAME:
        QCoreApplication.setOrganizationName(ORG_NAME)
    if QCoreApplication.applicationName() != APP_NAME:
        QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    # Private to the user: 0700 on POSIX (narrowed if an older version made it 0755); on Windows
    # %APPDATA% is already the user's own (see private_files).
    return make_private_folder(Path(location))


def user_config_dir() -> Path:
    """``QStandardPaths.AppConfigLocation`` for this program (created if missing, private to the user)."""
    import os

    from PySide6.QtCore import QCoreApplication, QStandardPaths

    if QCoreApplication.organizationName() != ORG_NAME:
        QCoreApplication.setOrganizationName(ORG_NAME)
    if QCoreApplication.applicationName() != APP_NAME:
        QCoreApplication.setApplicationName(APP_NAME)
    path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation))
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def chair_key_path() -> Path:
    """Where the chair's signing key is kept on their laptop (never in a database)."""
    from mqp_desktop.domain.chair_key import KEY_FILE_NAME

    return user_config_dir() / KEY_FILE_NAME


def default_database_path() -> Path:
    return user_data_dir() / DEFAULT_DB_NAME


def demo_database_path() -> Path:
    return user_data_dir() / DEMO_DB_NAME

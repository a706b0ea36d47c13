"""Where a database's backups go, and how many are kept: a small per-user file.

``backups.json`` in the user's data folder (beside the default database) maps each
database file (its full path) to its backup folder and retention::

    {"version": 1, "databases": {"/home/jo/mqp.sqlite":
        {"folder": "/home/jo/.local/share/MQP/MQP Desktop/Backups/mqp",
         "custom": false, "keep_daily": 14, "keep_monthly": 12}}}

Why here and not in the database's own settings table:

* a damaged database, or an encrypted one whose password is not known yet, cannot be
  read, and that is exactly when its backups must be found;
* a restore replaces the whole database, settings and all: the folder would change
  under the user's feet;
* a database copied to another computer (or held on a shared or synced drive) would
  carry a folder that means something only on the first computer.

The GUI and ``mqp`` both read and write it through this module, so they agree. The
default folder is ``Backups/<database stem>`` in the user's data folder: always on this
computer, even when the database itself is on a network or synced drive. When two
databases share a stem (two ``mqp.sqlite`` in different folders), the second gets
``Backups/mqp (2)``; the first lookup records the choice so it never changes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from mqp_desktop.domain.backups import KEEP_DAILY, KEEP_MONTHLY, check_retention
from mqp_desktop.store.errors import StoreError

SETTINGS_FILE = "backups.json"
BACKUPS_FOLDER = "Backups"
VERSION = 1


@dataclass(frozen=True)
class BackupSettings:
    database: Path  # the database file (resolved)
    folder: Path
    custom: bool  # the user chose the folder
    keep_daily: int = KEEP_DAILY
    keep_monthly: int = KEEP_MONTHLY

    @property
    def stem(self) -> str:
        return self.database.stem


def data_folder() -> Path:
    from mqp_desktop import paths

    return paths.user_data_dir()


def settings_path() -> Path:
    return data_folder() / SETTINGS_FILE


def default_root() -> Path:
    return data_folder() / BACKUPS_FOLDER


def _key(database: Path | str) -> str:
    return str(Path(database).expanduser().resolve())


def _read() -> dict:
    path = settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"version": VERSION, "databases": {}}
    except (OSError, ValueError):
        # A damaged settings file must not stop backups: the defaults stand (and the file is
        # rewritten whole at the next change).
        return {"version": VERSION, "databases": {}}
    if not isinstance(data, dict) or not isinstance(data.get("databases"), dict):
        return {"version": VERSION, "databases": {}}
    return data


def _write(data: dict) -> None:
    path = settings_path()
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    text = json.dumps(data, indent=2, sort_keys=True)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StoreError(f"The backup settings could not be saved in '{path}': {exc.strerror or exc}.",
                         "Check that your user data folder can be written to, then try again.") from exc


def _entry(data: dict, key: str) -> dict | None:
    entry = data["databases"].get(key)
    return entry if isinstance(entry, dict) and isinstance(entry.get("folder"), str) else None


def _default_folder(data: dict, database: Path) -> Path:
    """``Backups/<stem>``, or ``<stem> (2)``... when another database already has that folder."""
    root = default_root()
    taken = {
        os.path.normcase(str(Path(e["folder"])))
        for k, e in data["databases"].items()
        if k != _key(database) and isinstance(e, dict) and isinstance(e.get("folder"), str)
    }
    n = 1
    while True:
        folder = root / (database.stem if n == 1 else f"{database.stem} ({n})")
        if os.path.normcase(str(folder)) not in taken:
            return folder
        n += 1


def default_folder(database: Path | str) -> Path:
    """The folder ``database``'s backups go to unless the user chooses another."""
    return _default_folder(_read(), Path(_key(database)))


def _settings(database: Path, entry: dict) -> BackupSettings:
    try:
        daily, monthly = check_retention(int(entry.get("keep_daily", KEEP_DAILY)),
                                         int(entry.get("keep_monthly", KEEP_MONTHLY)))
    except (TypeError, ValueError):  # a hand-edited value (ValidationError is a ValueError): the defaults stand
        daily, monthly = KEEP_DAILY, KEEP_MONTHLY
    return BackupSettings(database=database, folder=Path(entry["folder"]), custom=bool(entry.get("custom")),
                          keep_daily=daily, keep_monthly=monthly)


def backup_settings(database: Path | str, *, claim: bool = True) -> BackupSettings:
    """The backup folder and retention of ``database``.

    ``claim``: record the default folder the first time, so that a later database with the
    same stem gets another one (skipped silently when the settings file cannot be written).
    """
    database = Path(_key(database))
    data = _read()
    entry = _entry(data, str(database))
    if entry is None:
        entry = {"folder": str(_default_folder(data, database)), "custom": False,
                 "keep_daily": KEEP_DAILY, "keep_monthly": KEEP_MONTHLY}
        if claim:
            data["databases"][str(database)] = entry
            data["version"] = VERSION
            try:
                _write(data)
            except StoreError:
                pass
    return _settings(database, entry)


def save_backup_settings(
    database: Path | str,
    *,
    folder: Path | str | None = None,
    default_folder: bool = False,
    keep_daily: int | None = None,
    keep_monthly: int | None = None,
) -> BackupSettings:
    """Change where ``database``'s backups go (``folder``, or back to the default) or how many are kept.

    Backups already taken stay where they are; the new folder is used from the next one.
    """
    database = Path(_key(database))
    current = backup_settings(database, claim=False)
    daily, monthly = check_retention(current.keep_daily if keep_daily is None else keep_daily,
                                     current.keep_monthly if keep_monthly is None else keep_monthly)
    data = _read()
    if default_folder:
        data["databases"].pop(str(database), None)
        chosen, custom = _default_folder(data, database), False
    elif folder is not None:
        chosen, custom = Path(folder).expanduser().resolve(), True
        _check_folder(chosen, database)
    else:
        chosen, custom = current.folder, current.custom
    data["databases"][str(database)] = {"folder": str(chosen), "custom": custom,
                                        "keep_daily": daily, "keep_monthly": monthly}
    data["version"] = VERSION
    _write(data)
    return _settings(database, data["databases"][str(database)])


def _check_folder(folder: Path, database: Path) -> None:
    from mqp_desktop.domain.validation import ValidationError

    if folder.exists() and not folder.is_dir():
        raise ValidationError("folder", f"'{folder}' is a file, not a folder: choose a folder for the backups.")
    if folder == database.parent:
        raise ValidationError("folder", "Choose a folder other than the database's own: a backup beside the file "
                                        "is lost with it (a lost laptop, a deleted folder).")
    for key, entry in _read()["databases"].items():
        if key != str(database) and isinstance(entry, dict) and Path(str(entry.get("folder"))) == folder \
                and Path(key).stem == database.stem:
            raise ValidationError("folder", f"'{folder}' already holds the backups of another database called "
                                            f"'{database.stem}' ({key}): choose another folder, so neither "
                                            "database's rotation removes the other's backups.")

"""Typed preferences on ``QSettings`` (INI format, user scope).

Only preferences live here: window geometry and state, the last database and
the recent-databases list, column layouts. The register itself is in the
database file, never in settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from mqp_desktop import APP_NAME, ORG_NAME

MAX_RECENT = 8


def _as_list(value: object) -> list[str]:
    """QSettings returns a str for a one-item list and None for an empty one (INI)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]  # type: ignore[union-attr]


class Settings:
    """The program's preferences. ``path`` gives an explicit INI file (tests)."""

    def __init__(self, path: Path | str | None = None):
        if path is None:
            self.qsettings = QSettings(
                QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_NAME
            )
        else:
            self.qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self.qsettings.sync()

    # --- the window ------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.qsettings.setValue("window/state", value)

    def view_state(self, name: str) -> QByteArray | None:
        """A saved header or splitter state (column widths, sort order)."""
        return self._bytes(f"views/{name}")

    def set_view_state(self, name: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"views/{name}", value)

    def own_widths(self, name: str) -> bool:
        """Whether a saved table's column widths were set by the user (else they were fitted to the data, and
        are fitted again). A state saved before tables were fitted says nothing: its widths were mostly the
        program's own, so they are fitted again (the table's order, sorting and hidden columns are kept)."""
        return self.qsettings.value(f"views/{name}_own_widths", False, type=bool)

    def set_own_widths(self, name: str, own: bool) -> None:
        self.qsettings.setValue(f"views/{name}_own_widths", own)

    # --- the first run ---------------------------------------------------------------------
    @property
    def welcomed(self) -> bool:
        """The welcome (how to start) was answered once on this computer: it is not offered again."""
        return str(self.qsettings.value("start/welcomed", "")).lower() in {"1", "true"}

    @welcomed.setter
    def welcomed(self, value: bool) -> None:
        self.qsettings.setValue("start/welcomed", bool(value))

    # --- databases -------------------------------------------------------------------------
    @property
    def last_database(self) -> Path | None:
        value = self.qsettings.value("databases/last")
        return Path(str(value)) if value else None

    @last_database.setter
    def last_database(self, path: Path | str | None) -> None:
        if path is None:
            self.qsettings.remove("databases/last")
        else:
            self.qsettings.setValue("databases/last", str(path))

    @property
    def recent_databases(self) -> list[Path]:
        return [Path(p) for p in _as_list(self.qsettings.value("databases/recent"))][:MAX_RECENT]

    @recent_databases.setter
    def recent_databases(self, paths: list[Path]) -> None:
        unique: list[str] = []
        for p in paths:
            text = str(p)
            if text not in unique:
                unique.append(text)
        self.qsettings.setValue("databases/recent", unique[:MAX_RECENT])

    def add_recent_database(self, path: Path | str) -> None:
        """Put ``path`` first in the recent list and make it the last database used."""
        path = Path(path).resolve()
        self.recent_databases = [path, *[p for p in self.recent_databases if p != path]]
        self.last_database = path

    def prune_recent_databases(self) -> list[Path]:
        """Drop recent entries whose file no longer exists; return the dropped ones."""
        keep, gone = [], []
        for p in self.recent_databases:
            (keep if p.exists() else gone).append(p)
        if gone:
            self.recent_databases = keep
        return gone

    # --- the due list ------------------------------------------------------------------------------
    @property
    def due_on_opening(self) -> bool:
        """Whether opening a database with something overdue says so above the pages (default: yes)."""
        return str(self.qsettings.value("due/show_on_opening", "true")).lower() not in ("false", "0", "no")

    @due_on_opening.setter
    def due_on_opening(self, on: bool) -> None:
        self.qsettings.setValue("due/show_on_opening", "true" if on else "false")

    # --- databases in synced folders -------------------------------------------------------------
    def sync_warning_dismissed(self, path: Path | str) -> bool:
        """Whether the officer asked not to be warned again that this database is in a synced folder."""
        return str(Path(path).resolve()) in _as_list(self.qsettings.value("databases/sync_warning_dismissed"))

    def dismiss_sync_warning(self, path: Path | str) -> None:
        known = _as_list(self.qsettings.value("databases/sync_warning_dismissed"))
        text = str(Path(path).resolve())
        if text not in known:
            self.qsettings.setValue("databases/sync_warning_dismissed", [*known, text])

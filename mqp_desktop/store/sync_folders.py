"""Is the database file in a folder another program copies between computers?

OneDrive, Dropbox, iCloud Drive, Google Drive and Box copy whole files between computers.
They merge nothing: when the database is open on two laptops, or changes on one while the
other is offline, one copy silently replaces the other (changes lost), or the file is
copied half-written next to its ``-wal`` journal (the database damaged). A network share
has the second problem. The program still opens such a file; it says so, in plain words.

:func:`sync_folder` tells from the path alone (no Qt, no network): Windows paths
(``C:\\Users\\jo\\OneDrive - Wandsworth Council\\mqp.sqlite``, ``\\\\server\\share\\...``) and
macOS / Linux ones (``~/Library/CloudStorage/Dropbox/...``, ``~/Library/Mobile Documents/...``)
are both understood whichever system the program runs on, so both are tested everywhere.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

# Network file systems, as /proc/self/mounts names them (Linux).
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afpfs", "fuse.sshfs", "sshfs", "9p", "davfs", "fuse.davfs2"}


@dataclass(frozen=True)
class SyncFolder:
    """Where the database sits: ``service`` (e.g. "OneDrive"), the synced folder's path, and
    ``kind``: "sync" (a folder copied between computers) or "network" (a network share)."""

    service: str
    root: str
    kind: str = "sync"

    @property
    def headline(self) -> str:
        if self.kind == "network":
            return f"This database is on a network share ({self.root})."
        return f"This database is in {self._a} {self.service} folder ({self.root})."

    @property
    def _a(self) -> str:
        return "an" if self.service[:1].lower() in "aeiu" else "a"  # an iCloud Drive folder, a OneDrive folder

    @property
    def explanation(self) -> str:
        """Why it is at risk, and what to do, in plain words."""
        if self.kind == "network":
            return ("A database file on a network drive can be damaged if the connection drops while it is being "
                    "saved, or if two computers write to it at once. Keep the database on this computer's own "
                    "disk (for example in Documents), and use a backup to give a copy to someone else.")
        return (f"{self.service} copies whole files between computers: it cannot merge a database the way "
                "people expect it to merge a document. If the database is open on two laptops, or is changed on "
                "one while the other is offline, one copy can silently replace the other (changes lost) or the "
                "file can be copied half-written (the database damaged). Keep the database in a folder that is "
                f"not synced (for example Documents on this computer, outside {self.service}), and use a backup "
                "to move it to another computer.")

    @property
    def advice(self) -> str:
        """Why and what to do, in one sentence (the explanation says it in full)."""
        if self.kind == "network":
            return ("A database on a network drive can be damaged if the connection drops or two computers write "
                    "at once: keep it on this computer's own disk, and share it with a backup.")
        return ("Two computers syncing one database file can silently lose changes or damage it: keep it outside "
                f"{self.service} (for example in Documents on this computer), and move it with a backup.")

    @property
    def warning(self) -> str:
        return f"{self.headline} {self.explanation}"

    @property
    def short_warning(self) -> str:
        """One line, for the command line's stderr on a write."""
        if self.kind == "network":
            return (f"the database is on a network share ({self.root}): keep it on this computer's own disk; "
                    "two computers writing to it over the network can damage it.")
        return (f"the database is in {self._a} {self.service} folder ({self.root}): two computers syncing one database "
                "file can silently lose changes or damage it; keep it outside the synced folder and move it with "
                "a backup.")


def _pure(path: str | os.PathLike[str]) -> PurePath:
    text = os.fspath(path)
    windows = (len(text) >= 2 and text[1] == ":") or text.startswith("\\\\") or ("\\" in text and "/" not in text)
    return PureWindowsPath(text) if windows else PurePosixPath(text)


def _cloud_storage_service(name: str) -> str:
    """macOS File Provider folders: ~/Library/CloudStorage/OneDrive-Personal, Dropbox, GoogleDrive-jo@x, Box-Box."""
    lowered = name.lower()
    for prefix, service in (("onedrive", "OneDrive"), ("dropbox", "Dropbox"), ("googledrive", "Google Drive"),
                            ("box", "Box"), ("icloud", "iCloud Drive")):
        if lowered.startswith(prefix):
            return service
    return name.split("-", 1)[0] or "cloud storage"


def _by_name(path: PurePath) -> SyncFolder | None:
    if isinstance(path, PureWindowsPath) and path.drive.startswith("\\\\"):
        return SyncFolder("a network share", path.drive, "network")
    parts = path.parts
    lowered = [p.lower() for p in parts]
    first = 1 if path.anchor else 0

    def root(i: int) -> str:
        return str(type(path)(*parts[: i + 1]))

    for i in range(first, len(parts) - 1):  # folders only: a file called "Dropbox notes.sqlite" is not one
        name, nxt = lowered[i], lowered[i + 1]
        if name == "library" and nxt == "cloudstorage" and i + 2 < len(parts) - 1:
            return SyncFolder(_cloud_storage_service(parts[i + 2]), root(i + 2))
        if name == "library" and nxt == "mobile documents":
            return SyncFolder("iCloud Drive", root(i + 1))
        if name in ("icloud drive", "iclouddrive", "com~apple~clouddocs"):
            return SyncFolder("iCloud Drive", root(i))
        if name == "onedrive" or name.startswith(("onedrive - ", "onedrive-")):
            return SyncFolder("OneDrive", root(i))
        if name == "dropbox" or name.startswith(("dropbox (", "dropbox-")):
            return SyncFolder("Dropbox", root(i))
        if name in ("google drive", "googledrive", "my drive", "shared drives") or name.startswith("googledrive-"):
            return SyncFolder("Google Drive", root(i))
        if name in ("box", "box sync", "box drive"):
            return SyncFolder("Box", root(i))
    return None


def _network_mount(path: Path) -> SyncFolder | None:
    """A network file system holding ``path`` (Linux: /proc/self/mounts; Windows: a mapped network drive)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(str(path))[0]
        if drive and len(drive) == 2 and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # DRIVE_REMOTE
            return SyncFolder("a network share", drive + "\\", "network")
        return None
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    best: tuple[int, str, str] | None = None
    text = str(path)
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if text == point or text.startswith(point.rstrip("/") + "/"):
            if best is None or len(point) > best[0]:
                best = (len(point), point, fields[2])
    if best is not None and best[2] in _NETWORK_FS:
        return SyncFolder("a network share", best[1], "network")
    return None


def sync_folder(path: str | os.PathLike[str] | None) -> SyncFolder | None:
    """The sync service or network share holding the database at ``path``, or None.

    Told from the path as given and, when the file exists here, from its real path (a
    ``Documents`` folder that OneDrive has taken over is a link into ``OneDrive`` on some
    systems) and the file system it is on.
    """
    if path is None or os.fspath(path) in ("", ":memory:"):
        return None
    found = _by_name(_pure(path))
    if found is not None:
        return found
    try:
        real = Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return None
    if str(real) != os.fspath(path):
        found = _by_name(_pure(real))
        if found is not None:
            return found
    return _network_mount(real)

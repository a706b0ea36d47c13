"""A database in a folder synced between computers (or on a network share) is warned about.

The test is on the path alone, so Windows and macOS paths are checked on every system."""

from __future__ import annotations

import json
import os

import pytest

from mqp_desktop.cli.app import main
from mqp_desktop.store.sync_folders import sync_folder

SYNCED = {
    r"C:\Users\jo\OneDrive\Documents\mqp.sqlite": ("OneDrive", r"C:\Users\jo\OneDrive"),
    r"C:\Users\jo\OneDrive - Wandsworth Council\MQP\mqp.sqlite": (
        "OneDrive", r"C:\Users\jo\OneDrive - Wandsworth Council"),
    "/Users/jo/Library/CloudStorage/OneDrive-Personal/MQP/mqp.sqlite": (
        "OneDrive", "/Users/jo/Library/CloudStorage/OneDrive-Personal"),
    "/Users/jo/Library/CloudStorage/OneDrive-WandsworthCouncil/mqp.sqlite": (
        "OneDrive", "/Users/jo/Library/CloudStorage/OneDrive-WandsworthCouncil"),
    r"C:\Users\jo\Dropbox\mqp.sqlite": ("Dropbox", r"C:\Users\jo\Dropbox"),
    r"D:\Dropbox (Wandsworth)\Business support\mqp.sqlite": ("Dropbox", r"D:\Dropbox (Wandsworth)"),
    "/Users/jo/Dropbox/mqp.sqlite": ("Dropbox", "/Users/jo/Dropbox"),
    "/Users/jo/Library/CloudStorage/Dropbox/mqp.sqlite": ("Dropbox", "/Users/jo/Library/CloudStorage/Dropbox"),
    "/Users/jo/Library/Mobile Documents/com~apple~CloudDocs/MQP/mqp.sqlite": (
        "iCloud Drive", "/Users/jo/Library/Mobile Documents"),
    r"C:\Users\jo\iCloudDrive\MQP\mqp.sqlite": ("iCloud Drive", r"C:\Users\jo\iCloudDrive"),
    r"G:\My Drive\MQP\mqp.sqlite": ("Google Drive", r"G:\My Drive"),
    r"C:\Users\jo\Google Drive\mqp.sqlite": ("Google Drive", r"C:\Users\jo\Google Drive"),
    "/Users/jo/Library/CloudStorage/GoogleDrive-jo@example.org/My Drive/mqp.sqlite": (
        "Google Drive", "/Users/jo/Library/CloudStorage/GoogleDrive-jo@example.org"),
    "/Users/jo/Google Drive/mqp.sqlite": ("Google Drive", "/Users/jo/Google Drive"),
    r"C:\Users\jo\Box\MQP\mqp.sqlite": ("Box", r"C:\Users\jo\Box"),
    "/Users/jo/Library/CloudStorage/Box-Box/mqp.sqlite": ("Box", "/Users/jo/Library/CloudStorage/Box-Box"),
    r"\\fileserver\Business Support\MQP\mqp.sqlite": ("a network share", r"\\fileserver\Business Support"),
}
NOT_SYNCED = [
    r"C:\Users\jo\AppData\Roaming\MQP\MQP Desktop\mqp.sqlite",
    r"C:\Users\jo\Documents\mqp.sqlite",
    r"C:\Users\jo\Documents\Dropbox (old).sqlite",  # a file's name is not a folder
    "/Users/jo/Library/Application Support/MQP/MQP Desktop/mqp.sqlite",
    "/Users/jo/Documents/OneDrive notes/mqp.sqlite",
    "/home/jo/.local/share/MQP/MQP Desktop/mqp.sqlite",
    "mqp.sqlite",
    ":memory:",
]


@pytest.mark.parametrize("path", list(SYNCED))
def test_a_database_in_a_synced_folder_is_recognised(path):
    found = sync_folder(path)
    assert found is not None, path
    assert (found.service, found.root) == SYNCED[path]
    assert found.kind == ("network" if path.startswith("\\\\") else "sync")
    words = found.warning
    assert found.root in words and "backup" in words
    if found.kind == "sync":
        assert found.service in words and "changes lost" in words and "damaged" in words


@pytest.mark.parametrize("path", NOT_SYNCED)
def test_a_database_elsewhere_is_not(path):
    assert sync_folder(path) is None


def test_a_link_into_a_synced_folder_is_followed(tmp_path):
    synced = tmp_path / "OneDrive - Contoso" / "Documents"
    synced.mkdir(parents=True)
    link = tmp_path / "Documents"
    os.symlink(synced, link, target_is_directory=True)
    found = sync_folder(link / "mqp.sqlite")
    assert found is not None and found.service == "OneDrive"
    assert sync_folder(tmp_path / "mqp.sqlite") is None


def test_the_command_line_warns_on_info_and_once_on_a_write(tmp_path, capsys):
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    db = str(folder / "mqp.sqlite")
    assert main(["--db", db, "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["sync_folder"]["service"] == "Dropbox" and info["sync_folder"]["folder"] == str(folder)
    assert main(["--db", db, "info"]) == 0
    out, err = capsys.readouterr()
    assert "Warning: This database is in a Dropbox folder" in out and err == ""  # a read: no stderr line
    assert main(["--db", db, "agencies", "edit", "1", "--short-name", "LA"]) == 0
    err = capsys.readouterr().err
    assert err.count("mqp: warning:") == 1 and "Dropbox" in err and err.count("\n") == 1
    elsewhere = str(tmp_path / "mqp.sqlite")
    assert main(["--db", elsewhere, "agencies", "edit", "1", "--short-name", "LA"]) == 0
    assert "warning" not in capsys.readouterr().err
    assert main(["--db", elsewhere, "info", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["sync_folder"] is None

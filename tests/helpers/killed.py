"""Run a file operation in a child process that the test kills (SIGKILL) at a random moment.

    python -m tests.helpers.killed convert PATH STATE  encrypt (STATE plain), change the password
                                                       (first), decrypt (second)
    python -m tests.helpers.killed init PATH           what 'mqp init --db PATH' does
    python -m tests.helpers.killed demo PATH           what 'mqp demo --db PATH --replace' does

The child prints "ready" once its imports are done, so the parent's random delay falls on the
work itself rather than on Python starting.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PASSWORDS = ("first password 1", "second password 2")


def state(path: Path) -> str | None:
    """'plain', 'first', 'second' (the password the file opens with), or None if it does not open."""
    from mqp_desktop.store import EncryptedDatabase, Store

    for name, key in (("plain", None), ("first", PASSWORDS[0]), ("second", PASSWORDS[1])):
        try:
            Store.open(path, create=False, key=key).close()
        except EncryptedDatabase:
            continue
        return name
    return None


def convert(path: Path, now: str | None = None) -> None:
    from mqp_desktop.store import encryption

    now = now or state(path)
    print("ready", flush=True)
    if now == "plain":
        encryption.encrypt(path, PASSWORDS[0])
    elif now == "first":
        encryption.change_password(path, PASSWORDS[0], PASSWORDS[1])
    elif now == "second":
        encryption.decrypt(path, PASSWORDS[1])


def run_killed(args: list[str], delay: float, timeout: float = 60.0) -> bool:
    """Start the child, wait for "ready", then ``delay`` seconds, and SIGKILL it; True if it was still running."""
    child = subprocess.Popen([sys.executable, "-m", "tests.helpers.killed", *args], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline() if child.stdout else ""
        if line.strip() != "ready":
            child.wait(timeout)
            raise AssertionError(f"the child did not start: {line!r} {child.stderr.read() if child.stderr else ''}")
        time.sleep(delay)
        alive = child.poll() is None
        if alive:
            os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout)
        return alive
    finally:
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()


def run_timed(args: list[str], timeout: float = 120.0) -> float:
    """Run the child to the end; the seconds from its "ready" to its exit (how long the work takes here)."""
    child = subprocess.Popen([sys.executable, "-m", "tests.helpers.killed", *args], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline() if child.stdout else ""
        start = time.perf_counter()
        out, err = child.communicate(timeout=timeout)
        if line.strip() != "ready" or child.returncode != 0:
            raise AssertionError(f"the child failed: {line!r} {out} {err}")
        return time.perf_counter() - start
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def main(argv: list[str]) -> int:
    what, path = argv[0], Path(argv[1])
    if what == "convert":
        convert(path, argv[2] if len(argv) > 2 else None)
    elif what == "init":
        from mqp_desktop.cli import main as mqp

        print("ready", flush=True)
        return mqp(["--db", str(path), "init"])
    elif what == "demo":
        from mqp_desktop.cli import main as mqp

        print("ready", flush=True)
        return mqp(["--db", str(path), "demo", "--replace"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

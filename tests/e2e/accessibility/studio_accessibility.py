#!/usr/bin/python3
"""End-to-end accessibility test of API Access Studio, through the AT-SPI bus.

Starts the real apiaccess-server and the Studio, and goes through the seed
flow of PRODUCT.md §2 as assistive technology does, in one of two runs:

  atspi     acts only through AT-SPI interfaces (run_atspi.py)
  keyboard  acts only with key events (xdotool); AT-SPI only observes
            (run_keyboard.py)

Both check the copied token with the server, walk every window they open for
controls without an accessible name, and print one line per step: PASS,
FAIL with the precise reason, or NOT REACHED. Exit status 0 only if every
step passed.

Run by run-accessibility-test, which provides the display, the D-Bus session
and the AT-SPI bus; not meant to be started by hand.
"""

from __future__ import annotations

import argparse
import secrets
import signal
import sys
from pathlib import Path

from gi.repository import GLib

import atspi_support as at
import integration
from run_atspi import AtspiRun
from run_keyboard import KeyboardRun
from steps import StepFailed, Steps
from studio_flow import Session

ADMIN = "a11y-admin"
RUNS = {"atspi": AtspiRun, "keyboard": KeyboardRun}
TOKEN_NAMES = {
    # setTextContents takes any text: a realistic long name, with the
    # punctuation admins use.
    "atspi": "Nightly HR sync – Personio → staff directory (EU production, owner: people-ops)",
    # xdotool types what a US keyboard layout has.
    "keyboard": "Nightly HR sync - Personio to staff directory (EU production, owner: people-ops)",
}


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=sorted(RUNS), required=True)
    parser.add_argument("--studio", required=True, help="the apiaccess-studio binary")
    parser.add_argument("--server", required=True, help="the apiaccess-server binary")
    parser.add_argument("--scratch", required=True, type=Path,
                        help="a private directory for the server's data and the logs")
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    steps = Steps(args.mode)
    server = integration.Server(args.server, args.scratch / "server-data",
                                args.scratch / "server.log")
    studio = integration.Studio(args.studio, args.scratch / "studio.log")
    password = secrets.token_urlsafe(24)
    focus: at.FocusTracker | None = None
    announcements: at.AnnouncementLog | None = None
    session: Session | None = None

    def start() -> str:
        nonlocal focus, announcements, session
        # First: libatspi aborts the process when the bus is missing.
        address = at.accessibility_bus_address()
        url = server.start()
        server.add_admin(ADMIN, password)
        pid = studio.start(url, ADMIN)
        focus = at.FocusTracker(pid, steps.running)
        announcements = at.AnnouncementLog(pid)
        app = at.find_application(pid, lambda: None if studio.exited() is None else (
            f"the Studio exited with status {studio.exited()} before it was on the AT-SPI bus; "
            f"its log: {integration.tail(studio.log)}"))
        session = Session(app=app, pid=pid, steps=steps, focus=focus,
                          announcements=announcements, server_url=url,
                          user=ADMIN, password=password, token_name=TOKEN_NAMES[args.mode])
        return f"AT-SPI bus {address}; server {url}; Studio pid {pid} on the bus"

    try:
        if steps.run("0", "the AT-SPI bus, the server and the Studio are up", start):
            RUNS[args.mode](session).run()
    finally:
        exit_code = studio.exited()
        studio.stop()
        server.stop()
        if focus is not None:
            focus.close()
        if announcements is not None:
            announcements.close()
    passed = steps.summary()
    report_observations(focus, exit_code, args.scratch, passed)
    return 0 if passed else 1


def report_observations(focus: at.FocusTracker | None, exit_code: int | None,
                        scratch: Path, passed: bool) -> None:
    """What the steps do not judge but a reader of the log wants to know."""
    print("\n==== observations", flush=True)
    if exit_code is not None:
        print(f"the Studio had exited during the run (status {exit_code})")
    if focus is not None:
        print(f"focus events from the Studio: {focus.gains}; last focus: {focus.current_text}")
        print(f"focus events whose object had vanished when read: {len(focus.vanished) or 'none'}")
        for line in focus.vanished_report():
            print(f"    {line}")
    if not passed or exit_code is not None:
        # The runs' directory goes with the private HOME when the run ends.
        for log in ("studio.log", "server.log"):
            print(f"last lines of {log}: {integration.tail(scratch / log)}")
    sys.stdout.flush()


if __name__ == "__main__":
    # Stopped from outside (the wrapper, on CTest's timeout): stop the Studio
    # and the server on the way out, through main's `finally`.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        sys.exit(main())
    except (StepFailed, GLib.Error) as error:
        print(f"FAIL: {error}", file=sys.stderr)
        sys.exit(1)

"""The real programs around the accessibility runs.

The apiaccess-server and the Studio as processes, the X clipboard (read with
xclip, as any other program would), and the check an integration makes with
a copied token: `GET /api/v1/token` and `GET /api/v1/verify` with
`Authorization: Basic <token>` from 127.0.0.1 (PRODUCT.md §4, §6).

No token or password is ever printed: only token ids.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import selectors
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from atspi_support import WAIT_SECONDS, wait_until
from steps import StepFailed

LISTENING = re.compile(r"^listening on (http://127\.0\.0\.1:\d+)$")
SENSITIVE_HINT = "x-kde-passwordManagerHint"


class Server:
    """`apiaccess-server serve --listen 127.0.0.1:0` with a private data directory."""

    def __init__(self, binary: str, data_dir: Path, log: Path):
        self.binary, self.data_dir, self.log = binary, data_dir, log
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self, timeout: float = WAIT_SECONDS) -> str:
        _require_executable(self.binary)
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--listen", "127.0.0.1:0",
                 "--data-dir", str(self.data_dir)],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log)
        line = _read_line(self.process, timeout)
        match = LISTENING.match(line)
        if not match:
            raise StepFailed(f"apiaccess-server printed {line!r}, not 'listening on "
                             f"http://127.0.0.1:PORT' (log: {tail(self.log)})")
        self.url = match.group(1)
        return self.url

    def add_admin(self, name: str, password: str) -> None:
        done = subprocess.run(
            [self.binary, "admin", "add", name, "--password-stdin",
             "--data-dir", str(self.data_dir)],
            input=password.encode(), capture_output=True, timeout=WAIT_SECONDS)
        if done.returncode != 0:
            raise StepFailed(f"apiaccess-server admin add {name} exited {done.returncode}: "
                             f"{done.stderr.decode(errors='replace').strip()}")

    def stop(self) -> None:
        _stop(self.process)


class Studio:
    """apiaccess-studio on the X display, with Qt's AT-SPI bridge switched on."""

    def __init__(self, binary: str, log: Path):
        self.binary, self.log = binary, log
        self.process: subprocess.Popen | None = None

    def start(self, server_url: str, user: str) -> int:
        _require_executable(self.binary)
        env = dict(os.environ,
                   QT_QPA_PLATFORM="xcb",
                   QT_ACCESSIBILITY="1",
                   # Qt asks org.a11y.Status whether a screen reader runs;
                   # nothing on this private bus says so.
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [self.binary, "--server", server_url, "--user", user],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env)
        return self.process.pid

    def exited(self) -> int | None:
        return self.process.poll() if self.process else None

    def stop(self) -> None:
        _stop(self.process)


def _require_executable(binary: str) -> None:
    if not os.access(binary, os.X_OK):
        raise StepFailed(f"{binary} is not an executable file (is the tree built?)")


def _read_line(process: subprocess.Popen, timeout: float) -> str:
    """The first line `process` prints, waiting at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    data = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while b"\n" not in data:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                raise StepFailed(f"no line from the server within {timeout:g} s")
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                raise StepFailed(f"the server exited ({process.wait()}) before it was ready")
            data += chunk
    return data.split(b"\n", 1)[0].decode(errors="replace")


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def tail(path: Path, lines: int = 15) -> str:
    try:
        text = path.read_text(errors="replace").splitlines()
    except OSError as error:
        return f"(cannot read {path}: {error})"
    return " | ".join(text[-lines:]) or "(empty)"


# --- The clipboard ---------------------------------------------------------

def clipboard_targets() -> list[str]:
    done = _xclip("TARGETS")
    return done.split() if done else []


def clipboard_text() -> str:
    return _xclip("UTF8_STRING") or ""


def _xclip(target: str) -> str | None:
    """The CLIPBOARD selection as `target`, or None when nobody offers it."""
    try:
        done = subprocess.run(["xclip", "-o", "-selection", "clipboard", "-t", target],
                              capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        return None  # the owner did not answer (yet): as good as empty
    return done.stdout.decode(errors="replace") if done.returncode == 0 else None


def wait_for_token_on_clipboard(before: str, timeout: float = WAIT_SECONDS) -> tuple[str, str]:
    """Waits until the clipboard holds a token other than `before`; returns
    (token, token id). Read at once: the Studio clears it after a countdown."""
    def new_token() -> str | None:
        text = clipboard_text().strip()
        return text if text != before and token_id(text) else None

    token = wait_until("a token (base64 of tok_…:secret) is on the clipboard", new_token,
                       timeout, explain=lambda: f"the clipboard offers the targets "
                                                f"{clipboard_targets() or 'none'}")
    targets = clipboard_targets()
    if SENSITIVE_HINT not in targets:
        raise StepFailed(f"the token is on the clipboard, but not marked sensitive: no "
                         f"{SENSITIVE_HINT} among the targets {targets}")
    return token, token_id(token)


def token_id(token: str) -> str:
    """The id inside base64(id ":" secret), or "" if `token` is not one."""
    try:
        decoded = base64.b64decode(token, validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return ""
    identifier, colon, secret = decoded.partition(":")
    return identifier if colon and identifier.startswith("tok_") and secret else ""


# --- The integration's view ------------------------------------------------

def check_token_with_server(base_url: str, token: str, name: str, access_level: str,
                            allowed_ranges: list[str]) -> str:
    """GET /api/v1/token (200, this name, level, ranges) and /api/v1/verify (204).

    Both are asked whatever the first answers, so one failure says all."""
    findings, problems = [], []
    status, body = _get(base_url + "/api/v1/token", token)
    if status != 200:
        problems.append(f"GET /api/v1/token answered {status}, expected 200: {body}")
    else:
        metadata = json.loads(body)
        wrong = [f"{key} is {metadata.get(key)!r}, expected {want!r}"
                 for key, want in (("name", name), ("accessLevel", access_level),
                                   ("allowedIpRanges", allowed_ranges), ("status", "active"))
                 if metadata.get(key) != want]
        (problems if wrong else findings).append(
            f"GET /api/v1/token answered 200 for token {metadata.get('id')}"
            + (": " + "; ".join(wrong) if wrong else
               f", named {name!r}, {access_level}, {allowed_ranges}"))
    status, body = _get(base_url + "/api/v1/verify", token)
    if status != 204:
        problems.append(f"GET /api/v1/verify answered {status}, expected 204: {body}")
    else:
        findings.append("GET /api/v1/verify answered 204")
    if problems:
        raise StepFailed("; ".join(problems + findings))
    return "; ".join(findings)


def _get(url: str, token: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Authorization": "Basic " + token})
    # Never through a proxy: the server and the "integration" share 127.0.0.1.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=WAIT_SECONDS) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")

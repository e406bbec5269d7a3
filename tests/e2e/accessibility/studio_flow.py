"""What both runs share: the Studio's exact labels (PRODUCT.md §7), the
session they act in, and the steps that only observe: the sign-in dialog's
prefilled fields, the new token in the "API tokens" table, the copied token
checked with the server, and whether objects found earlier are still valid.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

import pyatspi
from gi.repository import GLib

import atspi_support as at
import integration
from accessible_names import NameAudit
from steps import StepFailed, Steps

# The exact labels of PRODUCT.md §2 and §7.
SIGN_IN = "Sign in"
SERVER_URL = "Server URL"
USER_NAME = "User name"
PASSWORD = "Password"
CREATE_API_TOKEN = "Create API token"
TOKEN_NAME = "Token Name"
ACCESS_LEVEL = "Access level"
EDITORIAL = "Editorial"
EDITORIAL_WIRE_ID = "editorial"
ADVANCED = "Advanced"
ALLOWED_IP_RANGES = "Allowed IP Ranges"
ALLOWED_RANGE = "127.0.0.1"
CREATE = "Create"
TOKENS_TABLE = "API tokens"
COPY_TOKEN = "Copy token"
NAME_COLUMN = "Name"
LAST_USED_COLUMN = "Last used"
NEVER_USED = "Never"
REFRESH = "Refresh"

# How long an effect that should follow at once (a button enabled after the
# text it needs is there, a section opened) may take on a busy machine.
EFFECT_SECONDS = 10.0


@dataclasses.dataclass
class Session:
    """One run: the Studio on the bus, what the admin types, what was seen."""
    app: at.Accessible
    pid: int
    steps: Steps
    focus: at.FocusTracker
    announcements: at.AnnouncementLog
    server_url: str
    user: str
    password: str
    token_name: str
    names: NameAudit = dataclasses.field(default_factory=NameAudit)
    probes: "ObjectProbes" = dataclasses.field(default_factory=lambda: ObjectProbes())
    token: str = ""  # the copied token; never printed

    def main_window(self) -> at.Accessible | None:
        return at.top_level(self.app, pyatspi.ROLE_FRAME)

    def dialog(self, title: str) -> at.Accessible | None:
        return at.top_level(self.app, pyatspi.ROLE_DIALOG, title)

    def wait_for_dialog(self, title: str, timeout: float = at.WAIT_SECONDS) -> at.Accessible:
        return at.wait_until(f'the "{title}" dialog is open', lambda: self.dialog(title),
                             timeout, explain=lambda: at.windows_summary(self.app))

    def wait_until_closed(self, title: str, why_open: Callable[[], str]) -> None:
        at.wait_until(f'the "{title}" dialog closes', lambda: self.dialog(title) is None,
                      explain=why_open)


class ObjectProbes:
    """Objects found at one moment and used later: still the same objects?

    A screen reader keeps the objects it found; when the Studio replaces
    them, AT-SPI answers "No such object path" for the old ones."""

    def __init__(self) -> None:
        self.records: list[str] = []
        self.failures: list[str] = []

    def recheck(self, what: str, acc: at.Accessible, found_when: str,
                look_up: Callable[[], at.Accessible | None],
                must_survive: bool = True) -> at.Accessible | None:
        """`acc` if it still answers; None if not, a failure if it `must_survive`
        (a widget that is still on screen), else only recorded (a table cell
        after the list was reloaded)."""
        fresh = look_up()
        fresh_text = "not found" if fresh is None else (
            "the same object" if fresh.path == acc.path else f"another object, {fresh.path}")
        try:
            description = at.describe_strict(acc)
            states = at.state_names(acc)
        except GLib.Error as error:
            failure = (f"{what}, found {found_when} at {acc.path}, no longer answers: "
                       f"{error.message}; a fresh look-up finds {fresh_text}")
            self.records.append(failure + ("" if must_survive else " (recorded, not judged)"))
            if must_survive:
                self.failures.append(failure)
            return None
        self.records.append(f"{what}, found {found_when} at {acc.path}: still valid "
                            f"({description}; {states}); a fresh look-up finds {fresh_text}")
        return acc

    def step(self) -> str:
        if not self.records:
            raise StepFailed("no object was re-checked (the steps that find them did not run)")
        if self.failures:
            raise StepFailed("\n".join(self.failures) + "\nall probes:\n" + "\n".join(self.records))
        return "\n".join(self.records)


def require(acc: at.Accessible | None, what: str) -> at.Accessible:
    """`acc`, or StepFailed("there is no <what>")."""
    if acc is None:
        raise StepFailed(f"there is no {what}")
    return acc


def check_sign_in_prefilled(dialog: at.Accessible, session: Session) -> None:
    """The dialog opens with --server and --user filled in (PRODUCT.md §7)."""
    for label, want in ((SERVER_URL, session.server_url), (USER_NAME, session.user)):
        field = at.find(dialog, pyatspi.ROLE_TEXT, label)
        if field is None:
            raise StepFailed(f'the "{SIGN_IN}" dialog has no text field named "{label}"')
        have = at.text_of(field)
        if have.rstrip("/") != want.rstrip("/"):
            raise StepFailed(f'"{label}" reads {have!r}, expected {want!r} (from the command line)')


def sign_in_error(session: Session) -> str:
    """What the sign-in dialog shows while it stays open."""
    dialog = session.dialog(SIGN_IN)
    if dialog is None:
        return "the dialog is gone"
    shown = [at.describe(n) for n in at.walk(dialog)
             if n.getRole() == pyatspi.ROLE_LABEL and n.name
             and at.has_state(n, pyatspi.STATE_SHOWING)]
    return "the dialog shows: " + "; ".join(shown)


def wait_signed_in(session: Session) -> None:
    session.wait_until_closed(SIGN_IN, lambda: sign_in_error(session))
    at.wait_for(session.main_window, pyatspi.ROLE_TABLE, TOKENS_TABLE)


def token_row(session: Session) -> str:
    """Step: the new token is a row of the "API tokens" table (Table interface)."""
    table = at.wait_for(session.main_window, pyatspi.ROLE_TABLE, TOKENS_TABLE)

    def row_of_token() -> int | None:
        cells = table_rows(table)
        for index, row in enumerate(cells):
            if row.get(NAME_COLUMN) == session.token_name:
                return index + 1  # truthy for row 0 too
        return None

    row = at.wait_until(f'a row named "{session.token_name}" is in the "{TOKENS_TABLE}" table',
                        row_of_token, explain=lambda: f"rows: {table_rows(table)}") - 1
    cells = table_rows(table)[row]
    return f"row {row}: " + "; ".join(f"{column}: {value}" for column, value in cells.items())


def token_cell(session: Session, column: str = NAME_COLUMN) -> at.Accessible | None:
    """The new token's cell in `column`, or None."""
    table = at.find(session.main_window(), pyatspi.ROLE_TABLE, TOKENS_TABLE)
    if table is None:
        return None
    rows = table_rows(table)
    for index, row in enumerate(rows):
        if row.get(NAME_COLUMN) == session.token_name:
            return table.queryTable().getAccessibleAt(index, list(row).index(column))
    return None


def table_rows(table: at.Accessible) -> list[dict[str, str]]:
    """The table's rows as {column header: cell name}, through AT-SPI's Table."""
    interface = table.queryTable()
    headers = [interface.getColumnHeader(c).name for c in range(interface.nColumns)]
    return [{headers[c]: interface.getAccessibleAt(r, c).name for c in range(interface.nColumns)}
            for r in range(interface.nRows)]


def check_with_server(session: Session) -> str:
    """Step: the copied token works for an integration, as the admin set it up."""
    return integration.check_token_with_server(session.server_url, session.token,
                                               session.token_name, EDITORIAL_WIRE_ID,
                                               [ALLOWED_RANGE])


def copied(session: Session, before: str) -> str:
    """Waits for the token on the clipboard and keeps it for the server check."""
    session.token, token_id = integration.wait_for_token_on_clipboard(before)
    return f"token {token_id} is on the clipboard, marked {integration.SENSITIVE_HINT}"


def field_report(dialog: at.Accessible | None) -> str:
    """The dialog's fields and feedback, for a failure message."""
    if dialog is None:
        return "the dialog is gone"
    parts = []
    for node in at.walk(dialog):
        role = node.getRole()
        if role in (pyatspi.ROLE_TEXT, pyatspi.ROLE_COMBO_BOX):
            value = at.text_of(node) if role == pyatspi.ROLE_TEXT else node.name
            parts.append(f'{node.getRoleName()} "{node.name}" = {value!r}')
        elif role == pyatspi.ROLE_LABEL and node.name and "feedback" in node.name.lower() \
                and at.has_state(node, pyatspi.STATE_SHOWING):
            parts.append(f'{node.name}: {node.description or "(shown)"}')
    return "; ".join(parts)


def check_announcements(s: Session) -> str:
    """The creation and the copy were announced, not only drawn."""
    created = s.announcements.wait_for(
        f"an announcement that {s.token_name!r} was created",
        lambda text: "created" in text and s.token_name in text)
    copied_text = s.announcements.wait_for(
        "an announcement that the token was copied", lambda text: text.startswith("Token copied"))
    return f"heard {created!r} and {copied_text!r}"

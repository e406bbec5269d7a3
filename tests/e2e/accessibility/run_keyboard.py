"""Run 2, "keyboard": the seed flow of PRODUCT.md §2 with the keyboard alone.

Every action is a key event from xdotool (XTEST) to the window that has
the focus, as a person without a mouse types it: Tab, Space, Return, the
arrow keys, Ctrl+C. AT-SPI only observes: which object a screen reader is
told has the focus (focus events), whether the dialog is open, what the
table says. Each key waits for its effect with a deadline.
"""

from __future__ import annotations

import subprocess
from typing import Callable

import pyatspi
from gi.repository import GLib

import atspi_support as at
import integration
from steps import Outcome, StepFailed
from studio_flow import (ACCESS_LEVEL, ADVANCED, ALLOWED_IP_RANGES, ALLOWED_RANGE, CREATE,
                         CREATE_API_TOKEN, EDITORIAL, EFFECT_SECONDS, NAME_COLUMN, PASSWORD,
                         SIGN_IN, TOKEN_NAME, TOKENS_TABLE, Session, check_announcements,
                         check_sign_in_prefilled, check_with_server, copied, field_report, require, table_rows,
                         token_row, wait_signed_in)

TAB_LIMIT = 40  # more stops than any window of the Studio has


def keys(*names: str) -> None:
    """Presses and releases each key (xdotool's names: Tab, space, ctrl+c)."""
    _xdotool("key", "--delay", "40", *names)


def type_text(text: str) -> None:
    _xdotool("type", "--delay", "15", text)


def _xdotool(*arguments: str) -> None:
    done = subprocess.run(["xdotool", *arguments], capture_output=True, timeout=60)
    if done.returncode != 0:
        raise StepFailed(f"xdotool {arguments[0]} exited {done.returncode}: "
                         f"{done.stderr.decode(errors='replace').strip()}")


class KeyboardRun:
    def __init__(self, session: Session):
        self.s = session

    def run(self) -> None:
        steps = self.s.steps
        steps.run("1", f'sign in: type the password in "{PASSWORD}", Return', self.sign_in)
        steps.run("2a", f'Tab reaches "{CREATE_API_TOKEN}"', self.tab_to_create_button,
                  needs=["1"])
        steps.run("2b", 'Space on it opens the dialog (Ctrl+N if 2a failed)', self.open_dialog,
                  needs=["1"])
        steps.run("3a", f'"{TOKEN_NAME}" has the focus and takes the typed name', self.type_name,
                  needs=["2b"])
        steps.run("3b", f'Tab to "{ACCESS_LEVEL}", arrow keys to "{EDITORIAL}"',
                  self.choose_level, needs=["2b"])
        steps.run("3c", f'Tab to "{ADVANCED}", Space opens it', self.open_advanced,
                  needs=["2b"])
        steps.run("3d", f'Tab to "{ALLOWED_IP_RANGES}", type {ALLOWED_RANGE}', self.type_ranges,
                  needs=["3c"])
        steps.run("3e", f'Tab to "{CREATE}", Space creates the token; the dialog closes',
                  self.create, needs=["3a", "3d"])
        steps.run("4", "the new token is a row of the table", lambda: token_row(self.s),
                  needs=["3e"])
        steps.run("5", "Ctrl+C on the new token's row copies it", self.copy, needs=["4"])
        steps.run("6", "the server accepts the copied token as set up",
                  lambda: check_with_server(self.s), needs=["5"])
        steps.run("6b", "the creation and the copy were announced to screen readers",
                  lambda: check_announcements(self.s), needs=["5"])
        self.s.names.snapshot(self.s.main_window(), "the main window at the end")
        steps.run("7", "every control has an accessible name", self.s.names.step)

    # --- helpers --------------------------------------------------------------
    def wait_active(self, window_of: Callable[[], at.Accessible | None], what: str) -> None:
        """Keys go to the active window: make sure it is the one meant."""
        at.wait_until(f"{what} is the active window (has the keyboard)",
                      lambda: (w := window_of()) is not None
                      and at.has_state(w, pyatspi.STATE_ACTIVE),
                      explain=lambda: at.windows_summary(self.s.app))

    def tab_to(self, target: at.Accessible, what: str) -> list[str]:
        """Presses Tab until the focus is on `target` (or inside it); returns the stops."""
        def arrived() -> bool:
            return (_within(self.s.focus.current, target)
                    or at.has_state(target, pyatspi.STATE_FOCUSED))

        at.pump_events()  # focus news of earlier keys first
        if arrived():
            return []
        stops: list[str] = []
        seen: set[str] = set()
        for _ in range(TAB_LIMIT):
            before = self.s.focus.gains
            keys("Tab")
            focus = self.s.focus.wait_for_change(
                before, f"Tab moves the focus (from {self.s.focus.current_text})", EFFECT_SECONDS)
            stops.append(self.s.focus.current_text)
            if arrived():
                return stops
            where = getattr(focus, "path", None)
            if where in seen:
                raise StepFailed(f"Tab goes round without reaching {what}; the stops: "
                                 + " → ".join(stops))
            if where is not None:
                seen.add(where)
        raise StepFailed(f"{TAB_LIMIT} presses of Tab did not reach {what}; the stops: "
                         + " → ".join(stops))

    # --- 1 ------------------------------------------------------------------
    def sign_in(self) -> str:
        dialog = self.s.wait_for_dialog(SIGN_IN)
        self.s.names.snapshot(dialog, f'the "{SIGN_IN}" dialog')
        check_sign_in_prefilled(dialog, self.s)
        self.wait_active(lambda: self.s.dialog(SIGN_IN), f'the "{SIGN_IN}" dialog')
        field = require(at.find(dialog, pyatspi.ROLE_PASSWORD_TEXT, PASSWORD),
                        f'password text "{PASSWORD}"')
        stops = self.tab_to(field, f'the password text "{PASSWORD}"')
        type_text(self.s.password)
        at.wait_until(f'"{PASSWORD}" holds the typed password',
                      lambda: field.queryText().characterCount == len(self.s.password),
                      EFFECT_SECONDS,
                      explain=lambda: f"it has {field.queryText().characterCount} characters")
        button = require(at.find(dialog, pyatspi.ROLE_PUSH_BUTTON, SIGN_IN),
                         f'push button "{SIGN_IN}"')
        _wait_enabled(button, lambda: "the password was typed")
        keys("Return")
        wait_signed_in(self.s)
        self.s.names.snapshot(self.s.main_window(), "the main window after sign-in")
        return f"Tab stops before the password: {stops or 'none (it had the focus)'}"

    # --- 2 ------------------------------------------------------------------
    def tab_to_create_button(self) -> str:
        self.wait_active(self.s.main_window, "the main window")
        button = require(at.find(self.s.main_window(), pyatspi.ROLE_PUSH_BUTTON,
                                 CREATE_API_TOKEN,
                                 where=lambda b: at.has_state(b, pyatspi.STATE_SHOWING)),
                         f'showing push button "{CREATE_API_TOKEN}"')
        stops = self.tab_to(button, f'the push button "{CREATE_API_TOKEN}"')
        return "Tab stops: " + (" → ".join(stops) or "none (it had the focus)")

    def open_dialog(self) -> str:
        if self.s.steps.outcome("2a") is Outcome.PASSED:
            keys("space")
            how = "Space"
        else:
            self.s.steps.note("Tab did not reach the button (step 2a); Ctrl+N instead, "
                              "so the later steps can run")
            keys("ctrl+n")
            how = "Ctrl+N"
        dialog = self.s.wait_for_dialog(CREATE_API_TOKEN)
        self.s.names.snapshot(dialog, f'the "{CREATE_API_TOKEN}" dialog as opened')
        self.wait_active(lambda: self.s.dialog(CREATE_API_TOKEN), "the dialog")
        return f"{how} opened the dialog"

    # --- 3 ------------------------------------------------------------------
    def _dialog(self) -> at.Accessible:
        return require(self.s.dialog(CREATE_API_TOKEN), f'the "{CREATE_API_TOKEN}" dialog')

    def type_name(self) -> str:
        field = require(at.find(self._dialog(), pyatspi.ROLE_TEXT, TOKEN_NAME),
                        f'text field "{TOKEN_NAME}"')
        at.wait_until(f'"{TOKEN_NAME}" has the focus when the dialog opens',
                      lambda: at.has_state(field, pyatspi.STATE_FOCUSED), EFFECT_SECONDS,
                      explain=lambda: f"the focus is on {self.s.focus.current_text}")
        type_text(self.s.token_name)
        at.wait_until(f'"{TOKEN_NAME}" reads the typed name',
                      lambda: at.text_of(field) == self.s.token_name, EFFECT_SECONDS,
                      explain=lambda: f"it reads {at.text_of(field)!r}")
        return f"{TOKEN_NAME} reads {self.s.token_name!r}"

    def choose_level(self) -> str:
        dialog = self._dialog()
        combo = require(at.find(dialog, pyatspi.ROLE_COMBO_BOX,
                                where=lambda c: ACCESS_LEVEL in at.labelled_by(c)),
                        f'combo box labelled "{ACCESS_LEVEL}"')
        stops = self.tab_to(combo, f'the combo box "{ACCESS_LEVEL}"')
        items = [item.name for popup in at.children(combo) for item in at.children(popup)]
        if EDITORIAL not in items or combo.name not in items:
            raise StepFailed(f"the combo box says {combo.name!r}; its items: {items}")
        pressed = []
        while combo.name != EDITORIAL and len(pressed) < len(items):
            key = "Up" if items.index(EDITORIAL) < items.index(combo.name) else "Down"
            before = combo.name
            keys(key)
            pressed.append(key)
            at.wait_until(f"{key} changes the combo box's value from {before!r}",
                          lambda: combo.name != before, EFFECT_SECONDS)
        if combo.name != EDITORIAL:
            raise StepFailed(f"after {pressed} the combo box says {combo.name!r}")
        return f"Tab stops: {' → '.join(stops) or 'none'}; keys: {' '.join(pressed) or 'none'}"

    def open_advanced(self) -> str:
        dialog = self._dialog()
        button = require(at.find(dialog, pyatspi.ROLE_PUSH_BUTTON, ADVANCED)
                         or at.find(dialog, pyatspi.ROLE_TOGGLE_BUTTON, ADVANCED),
                         f'button "{ADVANCED}"')
        stops = self.tab_to(button, f'the button "{ADVANCED}"')
        keys("space")
        at.wait_until(f'"{ADVANCED}" is expanded',
                      lambda: at.has_state(button, pyatspi.STATE_EXPANDED), EFFECT_SECONDS,
                      explain=lambda: f"its states: {at.state_names(button)}")
        self.s.names.snapshot(dialog, f'the "{CREATE_API_TOKEN}" dialog with "{ADVANCED}" open')
        return f"Tab stops: {' → '.join(stops) or 'none'}; expanded"

    def type_ranges(self) -> str:
        field = require(at.find(self._dialog(), pyatspi.ROLE_TEXT, ALLOWED_IP_RANGES),
                        f'text field "{ALLOWED_IP_RANGES}"')
        stops = self.tab_to(field, f'the text field "{ALLOWED_IP_RANGES}"')
        type_text(ALLOWED_RANGE)
        at.wait_until(f'"{ALLOWED_IP_RANGES}" reads {ALLOWED_RANGE}',
                      lambda: at.text_of(field) == ALLOWED_RANGE, EFFECT_SECONDS,
                      explain=lambda: f"it reads {at.text_of(field)!r}")
        return f"Tab stops: {' → '.join(stops) or 'none'}"

    def create(self) -> str:
        dialog = self._dialog()
        button = require(at.find(dialog, pyatspi.ROLE_PUSH_BUTTON, CREATE),
                         f'push button "{CREATE}"')
        stops = self.tab_to(button, f'the push button "{CREATE}"')
        _wait_enabled(button, lambda: "the fields were typed: " + field_report(dialog))
        keys("space")
        self.s.wait_until_closed(CREATE_API_TOKEN, lambda: field_report(self._dialog()))
        return f"Tab stops: {' → '.join(stops) or 'none'}; the dialog closed"

    # --- 5 ------------------------------------------------------------------
    def copy(self) -> str:
        self.wait_active(self.s.main_window, "the main window")
        table = require(at.find(self.s.main_window(), pyatspi.ROLE_TABLE, TOKENS_TABLE),
                        f'table "{TOKENS_TABLE}"')
        names = [row.get(NAME_COLUMN) for row in table_rows(table)]
        row = names.index(self.s.token_name)
        # After Create the focus should be on the new token; where it is
        # not, the admin moves there as anyone would: Tab, then arrow keys.
        moves: list[str] = []
        if not (_within(self.s.focus.current, table) or at.has_state(table, pyatspi.STATE_FOCUSED)):
            self.s.steps.note(f"the focus is on {self.s.focus.current_text}, not in the table")
            moves += self.tab_to(table, f'the table "{TOKENS_TABLE}"')
        for _ in range(len(names) + 1):
            selected = list(table.queryTable().getSelectedRows())
            if selected == [row]:
                break
            key = "Up" if selected and selected[0] > row else "Down"
            self.s.steps.note(f"selected rows: {selected}; the new token is row {row}: {key}")
            keys(key)
            moves.append(key)
            at.wait_until("the selection moves",
                          lambda: list(table.queryTable().getSelectedRows()) != selected,
                          EFFECT_SECONDS)
        else:
            raise StepFailed(f"arrow keys did not select row {row}: {moves}")
        before = integration.clipboard_text()
        keys("ctrl+c")
        result = copied(self.s, before)
        self.s.names.snapshot(self.s.main_window(),
                              "the main window after the token was created and copied")
        return (f"row {row} selected and focused "
                + (f"after the moves: {' → '.join(moves)}" if moves else "right after Create")
                + f"; Ctrl+C: {result}")


def _within(focus: at.Accessible | None, target: at.Accessible) -> bool:
    """`focus` is `target`, or a part of it (a text field's viewport, a cell)."""
    node, depth = focus, 0
    try:
        while node is not None and depth < 4:
            if node.path == target.path:
                return True
            node, depth = node.parent, depth + 1
    except GLib.Error:  # the focus object vanished: it is not in `target`
        pass
    return False


def _wait_enabled(button: at.Accessible, after: Callable[[], str]) -> None:
    at.wait_until(f"{at.describe(button)} is enabled",
                  lambda: at.has_state(button, pyatspi.STATE_ENABLED), EFFECT_SECONDS,
                  explain=lambda: f"its states: {at.state_names(button)}; after {after()}")

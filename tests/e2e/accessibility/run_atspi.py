"""Run 1, "atspi": the seed flow of PRODUCT.md §2 through AT-SPI alone.

Every action is an AT-SPI call, as a switch-access, voice-control or
scripting tool makes it: Action.doAction, EditableText.setTextContents,
Selection. No X input event is sent. Where the Studio does not answer an
interface as AT-SPI defines it, the step fails with what AT-SPI returned;
the test never falls back to the keyboard.

Objects are found early and used later, as an assistive tool keeps them:
the "Create API token" button before signing in, the dialog's controls when
it opens. Whether each still answers when used is step 8.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Callable

import pyatspi

import atspi_support as at
import integration
from steps import Outcome, StepFailed
from studio_flow import (ACCESS_LEVEL, ADVANCED, ALLOWED_IP_RANGES, ALLOWED_RANGE, COPY_TOKEN,
                         CREATE, CREATE_API_TOKEN, EDITORIAL, EFFECT_SECONDS, LAST_USED_COLUMN,
                         NEVER_USED, PASSWORD, REFRESH, SIGN_IN, TOKEN_NAME, Session,
                         check_announcements, check_sign_in_prefilled, check_with_server, copied,
                         field_report, require, token_cell, token_row, wait_signed_in)

PRESS = ("press", "click", "activate")
REFRESH_AGAIN_SECONDS = 2.0


@dataclasses.dataclass
class Remembered:
    """An object found at one moment, to be used at a later one."""
    what: str
    found_when: str
    look_up: Callable[[], at.Accessible | None]
    acc: at.Accessible | None = None


class AtspiRun:
    def __init__(self, session: Session):
        self.s = session
        self.remembered: dict[str, Remembered] = {}
        self.early_cell: at.Accessible | None = None

    def run(self) -> None:
        steps = self.s.steps
        steps.run("1", f'sign in: "{PASSWORD}" by setTextContents, "{SIGN_IN}" by its action',
                  self.sign_in)
        steps.run("2", f'"{CREATE_API_TOKEN}" pressed by its action opens the dialog',
                  self.open_dialog, needs=["1"])
        # The name last: Create must follow text set through AT-SPI by
        # itself, not an edit of another field that happened afterwards.
        steps.run("3a", f'"{ADVANCED}" opened by its action', self.open_advanced, needs=["2"])
        steps.run("3b", f'"{ALLOWED_IP_RANGES}" set to {ALLOWED_RANGE} by setTextContents',
                  self.set_ranges, needs=["3a"])
        steps.run("3c", f'"{ACCESS_LEVEL}" set to "{EDITORIAL}" (Selection, or the item\'s action)',
                  self.choose_level, needs=["2"])
        steps.run("3d", f'"{TOKEN_NAME}" set by setTextContents', self.set_name, needs=["2"])
        steps.run("3e", f'"{CREATE}" enabled, pressed by its action; the dialog closes',
                  self.create, needs=["3b", "3d"])
        steps.run("4", "the new token is a row of the table", self.listed, needs=["3e"])
        steps.run("5", f'the message bar\'s "{COPY_TOKEN}" pressed by its action copies it',
                  self.copy, needs=["4"])
        steps.run("6", "the server accepts the copied token as set up",
                  lambda: check_with_server(self.s), needs=["5"])
        steps.run("6b", "the creation and the copy were announced to screen readers",
                  lambda: check_announcements(self.s), needs=["5"])
        self.s.names.snapshot(self.s.main_window(), "the main window at the end")
        steps.run("7", "every control has an accessible name", self.s.names.step)
        steps.run("8", "objects found earlier still answer when used", self.objects_stay)

    # --- objects found early, used later ----------------------------------------
    def remember(self, key: str, what: str, found_when: str,
                 look_up: Callable[[], at.Accessible | None]) -> None:
        self.remembered[key] = Remembered(what, found_when, look_up, look_up())

    def use(self, key: str) -> at.Accessible:
        """The object remembered as `key` if it still answers; if it does not
        (a failure of step 8), a fresh look-up, so the later steps still run."""
        entry = self.remembered[key]
        acc = None
        if entry.acc is not None:
            acc = self.s.probes.recheck(entry.what, entry.acc, entry.found_when, entry.look_up)
            if acc is None:
                self.s.steps.note(f"{entry.what}, found {entry.found_when}, no longer answers "
                                  "(step 8); using a fresh look-up")
        return acc or require(entry.look_up(), entry.what)

    def _dialog(self) -> at.Accessible | None:
        return self.s.dialog(CREATE_API_TOKEN)

    def _in_dialog(self, role, name: str | None = None, where=None) -> Callable:
        return lambda: at.find(self._dialog(), role, name, where) if self._dialog() else None

    # --- 1 ------------------------------------------------------------------
    def sign_in(self) -> str:
        dialog = self.s.wait_for_dialog(SIGN_IN)
        self.s.names.snapshot(dialog, f'the "{SIGN_IN}" dialog')
        self.remember("create api token", f'push button "{CREATE_API_TOKEN}"',
                      "in the main window before signing in",
                      lambda: at.find(self.s.main_window(), pyatspi.ROLE_PUSH_BUTTON,
                                      CREATE_API_TOKEN))
        check_sign_in_prefilled(dialog, self.s)
        field = require(at.find(dialog, pyatspi.ROLE_PASSWORD_TEXT, PASSWORD),
                        f'password text "{PASSWORD}" in the "{SIGN_IN}" dialog')
        _set_text(field, self.s.password, secret=True)
        button = require(at.find(dialog, pyatspi.ROLE_PUSH_BUTTON, SIGN_IN),
                         f'push button "{SIGN_IN}"')
        _wait_enabled(button, lambda: f"the password was set by setTextContents "
                                      f"({field.queryText().characterCount} characters in it)")
        at.do_action(button, PRESS)
        wait_signed_in(self.s)
        self.s.names.snapshot(self.s.main_window(), "the main window after sign-in")
        return "signed in"

    # --- 2 ------------------------------------------------------------------
    def open_dialog(self) -> str:
        action = at.do_action(self.use("create api token"), PRESS)
        dialog = self.s.wait_for_dialog(CREATE_API_TOKEN)
        self.s.names.snapshot(dialog, f'the "{CREATE_API_TOKEN}" dialog as opened')
        opened = "when the dialog opened"
        self.remember("name", f'text "{TOKEN_NAME}"', opened,
                      self._in_dialog(pyatspi.ROLE_TEXT, TOKEN_NAME))
        self.remember("level", f'combo box labelled "{ACCESS_LEVEL}"', opened,
                      self._in_dialog(pyatspi.ROLE_COMBO_BOX,
                                      where=lambda c: ACCESS_LEVEL in at.labelled_by(c)))
        self.remember("advanced", f'button "{ADVANCED}"', opened,
                      lambda: self._in_dialog(pyatspi.ROLE_PUSH_BUTTON, ADVANCED)()
                      or self._in_dialog(pyatspi.ROLE_TOGGLE_BUTTON, ADVANCED)())
        self.remember("ranges", f'text "{ALLOWED_IP_RANGES}"', opened,
                      self._in_dialog(pyatspi.ROLE_TEXT, ALLOWED_IP_RANGES))
        self.remember("create", f'push button "{CREATE}"', opened,
                      self._in_dialog(pyatspi.ROLE_PUSH_BUTTON, CREATE))
        return f"action {action!r}; the dialog is open"

    # --- 3 ------------------------------------------------------------------
    def set_name(self) -> str:
        _set_text(self.use("name"), self.s.token_name)
        return f"{TOKEN_NAME} reads {self.s.token_name!r}"

    def choose_level(self) -> str:
        combo = self.use("level")
        popup = require(next(iter(at.children(combo)), None), "list in the combo box")
        items = at.children(popup)
        item = require(next((i for i in items if i.name == EDITORIAL), None),
                       f'item "{EDITORIAL}" in the combo box\'s list '
                       f"(items: {[i.name for i in items]})")
        before = combo.name
        tried = []
        try:
            selection = combo.querySelection()
        except NotImplementedError:
            selection = None
            tried.append("the combo box has no Selection interface")
        if selection is not None:
            answered = selection.selectChild(items.index(item))
            tried.append(f"Selection.selectChild({items.index(item)}) answered {answered}")
        else:
            # What is left to an assistive tool: open the list, perform the
            # item's own action, close the list again if it stayed open.
            tried.append(f"combo box action {at.do_action(combo, ('showmenu', 'press'))!r}")
            tried.append(f"item {EDITORIAL!r} action "
                         f"{at.do_action(item, PRESS + ('toggle', 'select'))!r}")
            if at.has_state(combo, pyatspi.STATE_EXPANDED):
                tried.append(f"combo box action {at.do_action(combo, ('showmenu', 'press'))!r} "
                             "to close the list")
        at.wait_until(
            f'the combo box says "{EDITORIAL}"', lambda: combo.name == EDITORIAL,
            EFFECT_SECONDS,
            explain=lambda: (f"it still says {combo.name!r} (before: {before!r}); tried: "
                             + "; ".join(tried) + f"; the item's actions: "
                             f"{at.action_names(item)}, its states: {at.state_names(item)}; "
                             f"the combo box's actions: {at.action_names(combo)}, "
                             f"states: {at.state_names(combo)}"))
        return "; ".join(tried)

    def open_advanced(self) -> str:
        button = self.use("advanced")
        action = at.do_action(button, PRESS + ("toggle", "expand or contract"))

        def opened() -> bool:
            field = self.remembered["ranges"].look_up()
            return (at.has_state(button, pyatspi.STATE_EXPANDED) and field is not None
                    and at.has_state(field, pyatspi.STATE_SHOWING))

        at.wait_until(f'"{ADVANCED}" is expanded and "{ALLOWED_IP_RANGES}" is showing', opened,
                      EFFECT_SECONDS, explain=lambda: (
                          f"after action {action!r}: {ADVANCED} states: "
                          f"{at.state_names(button)}, description {button.description!r}"))
        self.s.names.snapshot(self._dialog(),
                              f'the "{CREATE_API_TOKEN}" dialog with "{ADVANCED}" open')
        return f"action {action!r}; expanded"

    def set_ranges(self) -> str:
        _set_text(self.use("ranges"), ALLOWED_RANGE)
        return f"{ALLOWED_IP_RANGES} reads {ALLOWED_RANGE!r}"

    def create(self) -> str:
        button = self.use("create")
        _wait_enabled(button, lambda: "the fields were set through AT-SPI: "
                                      + field_report(self._dialog()))
        action = at.do_action(button, PRESS)
        self.s.wait_until_closed(CREATE_API_TOKEN, lambda: field_report(self._dialog()))
        return f"action {action!r}; the dialog closed"

    # --- 4, 5 -----------------------------------------------------------------
    def listed(self) -> str:
        detail = token_row(self.s)
        self.early_cell = token_cell(self.s)  # re-checked in step 8, after Refresh
        return detail

    def copy(self) -> str:
        window = self.s.main_window()
        button = at.wait_for(lambda: window, pyatspi.ROLE_PUSH_BUTTON, COPY_TOKEN,
                             where=lambda b: at.has_state(b, pyatspi.STATE_SHOWING),
                             what=f'a showing push button "{COPY_TOKEN}" (the message bar)')
        before = integration.clipboard_text()
        action = at.do_action(button, PRESS)
        result = copied(self.s, before)
        self.s.names.snapshot(window, "the main window after the token was created and copied")
        return f"action {action!r}; {result}"

    # --- 8 ------------------------------------------------------------------
    def objects_stay(self) -> str:
        """The objects used in steps 2 and 3, and a table cell across a Refresh."""
        if self.early_cell is not None and self.s.steps.outcome("6") is not Outcome.NOT_REACHED:
            self.refresh_after_use()
            self.s.probes.recheck("the new token's Name cell", self.early_cell,
                                  "in step 4, before Refresh", lambda: token_cell(self.s),
                                  must_survive=False)
        else:
            self.s.steps.note("no table cell re-checked: steps 4 to 6 did not all run")
        return self.s.probes.step()

    def refresh_after_use(self) -> None:
        """Presses Refresh (its action) until the table shows the use that
        step 6 made of the token. The server writes uses down about once a
        second, so one Refresh right after the use may come too early."""
        button = require(at.find(self.s.main_window(), pyatspi.ROLE_PUSH_BUTTON, REFRESH),
                         f'push button "{REFRESH}"')
        presses: list[float] = []

        def last_used() -> str:
            cell = token_cell(self.s, LAST_USED_COLUMN)
            return cell.name if cell is not None else NEVER_USED

        def shows_use() -> bool:
            if last_used() != NEVER_USED:
                return True
            if not presses or time.monotonic() - presses[-1] >= REFRESH_AGAIN_SECONDS:
                at.do_action(button, PRESS)
                presses.append(time.monotonic())
            return False

        at.wait_until(f'the "{LAST_USED_COLUMN}" cell no longer says "{NEVER_USED}"', shows_use,
                      explain=lambda: f"it says {last_used()!r} after {len(presses)} Refresh")


def _set_text(field: at.Accessible, text: str, secret: bool = False) -> None:
    """EditableText.setTextContents, then the field must read `text` back."""
    shown = "the password" if secret else repr(text)
    if not field.queryEditableText().setTextContents(text):
        raise StepFailed(f"{at.describe(field)}: setTextContents({shown}) answered false")
    at.wait_until(f"{at.describe(field)} holds {shown}",
                  lambda: field.queryText().characterCount == len(text) if secret
                  else at.text_of(field) == text, EFFECT_SECONDS,
                  explain=lambda: f"it has {field.queryText().characterCount} characters")


def _wait_enabled(button: at.Accessible, after: Callable[[], str]) -> None:
    at.wait_until(f"{at.describe(button)} is enabled",
                  lambda: at.has_state(button, pyatspi.STATE_ENABLED)
                  and at.has_state(button, pyatspi.STATE_SENSITIVE),
                  EFFECT_SECONDS,
                  explain=lambda: f"its states: {at.state_names(button)}; "
                                  f"its actions: {at.action_names(button) or 'none'}; "
                                  f"after {after()}")

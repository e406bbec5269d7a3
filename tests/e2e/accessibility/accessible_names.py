"""The check that every control of the Studio has an accessible name.

PRODUCT.md §7: "Every icon-only button has an accessible name". A screen
reader says a control's name and role; a control without a name is "button"
and nothing more. The walk covers every object of a window, showing or not
(a hidden control, such as a search field's clear button, shows up later).

A control is an object of a role in CONTROL_ROLES, or any other focusable
object that is not static text. Not counted, each for a stated reason:

- labels and other static text: their name is their text, and an empty one
  operates nothing (a focusable label is a label whose text can be selected);
- the popup list of a combo box: it belongs to the combo box, whose name
  and label say what it is for.

A combo box counts as named only through a label (a LABELLED_BY relation)
or a name that is not one of its own items: Qt on Linux names a combo box by
its current value, so a screen reader says "All statuses, combo box" and not
what the combo box is for.
"""

from __future__ import annotations

import dataclasses

import pyatspi
from gi.repository import GLib

import atspi_support as at
from steps import StepFailed

CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_PUSH_BUTTON_MENU, pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_MENU, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_LINK,
}
STATIC_TEXT_ROLES = {
    pyatspi.ROLE_LABEL, pyatspi.ROLE_STATIC, pyatspi.ROLE_HEADING, pyatspi.ROLE_SEPARATOR,
    pyatspi.ROLE_PARAGRAPH, pyatspi.ROLE_CAPTION,
}


@dataclasses.dataclass
class UnnamedControl:
    role: str
    problem: str
    path: str
    named_ancestor: str
    showing: bool
    states: str
    seen_in: str

    def __str__(self) -> str:
        return (f"{self.role}: {self.problem}\n"
                f"    path: {self.path}\n"
                f"    nearest named ancestor: {self.named_ancestor}; "
                f"{'showing' if self.showing else 'not showing'}; states: {self.states}; "
                f"first seen in: {self.seen_in}")


class NameAudit:
    """Collects the unnamed controls of every window it is shown."""

    def __init__(self) -> None:
        self.unnamed: dict[str, UnnamedControl] = {}
        self.walks: list[str] = []
        self.vanished: list[str] = []

    def snapshot(self, window: at.Accessible | None, moment: str) -> None:
        """Walks `window` now; `moment` says when, for the report."""
        if window is None:
            self.walks.append(f"{moment}: window not there, not walked")
            return
        count = 0
        for node in at.walk(window):
            count += 1
            try:
                at.describe_strict(node)  # remembered, should it vanish later
                problem = _problem(node)
                if problem is None:
                    continue
                path = at.path_of(node)
                if path not in self.unnamed:
                    self.unnamed[path] = UnnamedControl(
                        node.getRoleName(), problem, path, at.nearest_named_ancestor(node),
                        at.has_state(node, pyatspi.STATE_SHOWING), at.state_names(node), moment)
            except GLib.Error as error:
                self.vanished.append(f"{moment}: {getattr(node, 'path', '?')}: {error.message}")
        self.walks.append(f"{moment}: {count} objects")

    def step(self) -> str:
        """The step's verdict: StepFailed listing every unnamed control."""
        walked = "walked " + "; ".join(self.walks)
        if not self.walks:
            raise StepFailed("no window was walked")
        if self.vanished:
            walked += "\nobjects that vanished during a walk: " + "; ".join(self.vanished)
        if self.unnamed:
            raise StepFailed(f"{len(self.unnamed)} control(s) without an accessible name:\n"
                             + "\n".join(str(c) for c in self.unnamed.values())
                             + "\n" + walked)
        return walked


def _problem(node: at.Accessible) -> str | None:
    """Why `node` is a control without a name, or None."""
    role = node.getRole()
    if role in STATIC_TEXT_ROLES:
        return None
    if role not in CONTROL_ROLES and not at.has_state(node, pyatspi.STATE_FOCUSABLE):
        return None
    parent = node.parent
    if role == pyatspi.ROLE_LIST and parent is not None \
            and parent.getRole() == pyatspi.ROLE_COMBO_BOX:
        return None
    name = (node.name or "").strip()
    if role == pyatspi.ROLE_COMBO_BOX:
        return _combo_box_problem(node, name)
    if name:
        return None
    description = (node.description or "").strip()
    return "no name" + (f" (its description: {description!r})" if description else "")


def _combo_box_problem(combo: at.Accessible, name: str) -> str | None:
    labels = [label for label in at.labelled_by(combo) if label.strip()]
    if labels:
        return None
    items = {item.name for popup in at.children(combo) for item in at.children(popup)}
    if not name:
        return "no name and no label"
    if name in items:
        return (f"no label, and its name {name!r} is only its current value "
                "(the accessible name the Studio set is not what AT-SPI reports)")
    return None

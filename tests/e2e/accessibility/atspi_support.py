"""AT-SPI helpers for the accessibility runs.

Finding the Studio on the accessibility bus, finding objects by role and
name, waiting with a deadline (never a fixed sleep), describing objects for
failure messages, and tracking focus as a screen reader does: from
object:state-changed:focused events.

Every read goes to the Studio (the Studio's AT-SPI cache is switched off):
a stale cached name or state would make a check pass or fail for the wrong
reason.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Iterable

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402
import pyatspi  # noqa: E402

from steps import StepFailed  # noqa: E402

Accessible = Any  # an Atspi.Accessible as pyatspi hands it out

# Generous: the machine running the suite may be busy with other tests.
WAIT_SECONDS = 30.0
POLL_SECONDS = 0.05
# D-Bus calls to the Studio: libatspi's default (0.8 s) is short for a busy
# machine; a timeout there would read as a vanished object.
METHOD_CALL_TIMEOUT_MS = 15000
APP_STARTUP_TIMEOUT_MS = 30000


def accessibility_bus_address(timeout: float = WAIT_SECONDS) -> str:
    """The AT-SPI bus address from org.a11y.Bus.GetAddress on the session bus,
    once the registry answers there; then sets libatspi's call timeouts.

    Call before anything else touches AT-SPI: libatspi aborts the whole
    process when it cannot reach the bus."""
    session = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def owned() -> bool:
        reply = session.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                  "org.freedesktop.DBus", "NameHasOwner",
                                  GLib.Variant("(s)", ("org.a11y.Bus",)),
                                  GLib.VariantType("(b)"), Gio.DBusCallFlags.NONE, 5000, None)
        return reply.unpack()[0]

    wait_until("org.a11y.Bus (at-spi-bus-launcher) owns its name on the session bus",
               owned, timeout)
    reply = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                              None, GLib.VariantType("(s)"),
                              Gio.DBusCallFlags.NO_AUTO_START, 10000, None)
    address = reply.unpack()[0]
    if not address:
        raise StepFailed("org.a11y.Bus.GetAddress answered an empty address")
    # The registry answers on that bus (at-spi2-registryd, activated there).
    bus = Gio.DBusConnection.new_for_address_sync(
        address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
        | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
    bus.call_sync("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root",
                  "org.freedesktop.DBus.Properties", "Get",
                  GLib.Variant("(ss)", ("org.a11y.atspi.Accessible", "ChildCount")),
                  None, Gio.DBusCallFlags.NONE, 10000, None)
    bus.close_sync(None)
    Atspi.set_timeout(METHOD_CALL_TIMEOUT_MS, APP_STARTUP_TIMEOUT_MS)
    return address


def pump_events() -> None:
    """Delivers the AT-SPI events that have arrived (to FocusTracker)."""
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def wait_until(what: str, condition: Callable[[], Any], timeout: float = WAIT_SECONDS,
               explain: Callable[[], str] | None = None) -> Any:
    """Polls `condition` until it returns something truthy, and returns that.

    At the deadline raises StepFailed("<what>: not so after N s", plus what
    `explain` says about the state at that moment and the last AT-SPI error)."""
    deadline = time.monotonic() + timeout
    last_error: GLib.Error | None = None
    while True:
        pump_events()
        try:
            value = condition()
            if value:
                return value
            last_error = None
        except GLib.Error as error:
            last_error = error
        if time.monotonic() >= deadline:
            message = f"{what}: not so after {timeout:g} s"
            if explain is not None:
                try:
                    message += f"; {explain()}"
                except GLib.Error as error:
                    message += f"; (could not say more: {error.message})"
            if last_error is not None:
                message += f"; last AT-SPI error: {last_error.message}"
            raise StepFailed(message)
        time.sleep(POLL_SECONDS)


def find_application(pid: int, gone: Callable[[], str | None],
                     timeout: float = WAIT_SECONDS) -> Accessible:
    """The Studio's application object on the AT-SPI desktop, by process id.
    `gone` says why the Studio will never come (it exited), or None."""
    desktop = pyatspi.Registry.getDesktop(0)

    def registered() -> Accessible | None:
        reason = gone()
        if reason:
            raise StepFailed(reason)
        for app in children(desktop):
            if app.get_process_id() == pid:
                return app
        return None

    app = wait_until(f"the Studio (pid {pid}) is registered on the AT-SPI bus", registered,
                     timeout, explain=lambda: "applications on the bus: " + (", ".join(
                         repr(a.name) for a in children(desktop)) or "none"))
    app.set_cache_mask(Atspi.Cache.NONE)
    return app


def children(acc: Accessible) -> list[Accessible]:
    result = []
    for index in range(acc.childCount):
        child = acc.getChildAtIndex(index)
        if child is not None:
            result.append(child)
    return result


def has_state(acc: Accessible, state: Any) -> bool:
    return acc.getState().contains(state)


def state_names(acc: Accessible) -> str:
    return ", ".join(sorted(pyatspi.stateToString(s) for s in acc.getState().getStates()))


# What each object the run described was, by AT-SPI path: says what a
# focus event's source was when it has vanished by the time it is read.
SEEN: dict[str, str] = {}


def describe(acc: Accessible | None) -> str:
    """`push button "Create API token"`; never raises."""
    if acc is None:
        return "nothing"
    try:
        return describe_strict(acc)
    except GLib.Error as error:
        return f"a vanished object ({getattr(acc, 'path', '?')}: {error.message})"


def describe_strict(acc: Accessible) -> str:
    """Like `describe`, but a vanished object raises GLib.Error."""
    text = f'{acc.getRoleName()} "{acc.name}"'
    SEEN[acc.path] = text
    return text


def path_of(acc: Accessible) -> str:
    """Where `acc` sits, from its window down: roles, names, child indexes."""
    parts = []
    node = acc
    while node is not None:
        role = node.getRole()
        if role == pyatspi.ROLE_APPLICATION:
            break
        part = node.getRoleName()
        part += f' "{node.name}"' if node.name else f"[{node.getIndexInParent()}]"
        parts.append(part)
        node = node.parent
    return " > ".join(reversed(parts))


def nearest_named_ancestor(acc: Accessible) -> str:
    node = acc.parent
    while node is not None and node.getRole() != pyatspi.ROLE_APPLICATION:
        if node.name:
            return describe(node)
        node = node.parent
    return "none"


def walk(root: Accessible) -> Iterable[Accessible]:
    """Every object under `root` (depth first), `root` included. An object
    that vanishes during the walk is skipped with its subtree."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        try:
            stack.extend(reversed(children(node)))
        except GLib.Error:
            continue


def find(root: Accessible, role: Any, name: str | None = None,
         where: Callable[[Accessible], bool] | None = None) -> Accessible | None:
    """The first object under `root` with this role (and name, and condition)."""
    for node in walk(root):
        try:
            if node.getRole() != role:
                continue
            if name is not None and node.name != name:
                continue
            if where is not None and not where(node):
                continue
            return node
        except GLib.Error:
            continue
    return None


def wait_for(root_of: Callable[[], Accessible | None], role: Any, name: str | None = None,
             where: Callable[[Accessible], bool] | None = None,
             timeout: float = WAIT_SECONDS, what: str | None = None) -> Accessible:
    """Waits until `find` has an answer under the root `root_of()` gives."""
    label = what or f'{Atspi.role_get_name(role)} "{name}"'

    def found() -> Accessible | None:
        root = root_of()
        return find(root, role, name, where) if root is not None else None

    return wait_until(f"{label} is there", found, timeout)


def top_level(app: Accessible, role: Any, name: str | None = None) -> Accessible | None:
    """A window of the Studio (a child of its application object)."""
    for window in children(app):
        try:
            if window.getRole() == role and (name is None or window.name == name):
                return window
        except GLib.Error:
            continue
    return None


def windows_summary(app: Accessible) -> str:
    return "windows: " + (", ".join(
        f"{describe(w)}{' (active)' if _active(w) else ''}" for w in children(app)) or "none")


def _active(window: Accessible) -> bool:
    try:
        return has_state(window, pyatspi.STATE_ACTIVE)
    except GLib.Error:
        return False


def action_names(acc: Accessible) -> list[str]:
    try:
        action = acc.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def do_action(acc: Accessible, wanted: Iterable[str]) -> str:
    """Performs the first of the `wanted` actions (case-insensitive) that
    `acc` offers, and returns its name. StepFailed when it offers none of
    them, or when the Studio answers that the action failed."""
    offered = action_names(acc)
    by_lower = {name.lower(): index for index, name in enumerate(offered)}
    for name in wanted:
        index = by_lower.get(name.lower())
        if index is None:
            continue
        if not acc.queryAction().doAction(index):
            raise StepFailed(f"{describe(acc)}: Action.doAction({offered[index]!r}) answered false")
        return offered[index]
    raise StepFailed(f"{describe(acc)} offers no action among {list(wanted)}; it offers "
                     f"{offered or 'none'} (states: {state_names(acc)})")


def text_of(acc: Accessible) -> str:
    return acc.queryText().getText(0, -1)


def labelled_by(acc: Accessible) -> list[str]:
    """The names of the objects `acc` is LABELLED_BY."""
    names = []
    for relation in acc.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
    return names


class FocusTracker:
    """The object that has the focus, as a screen reader learns it: from
    object:state-changed:focused events of the Studio.

    Also keeps the events whose source had vanished by the time it was
    read (AT-SPI: "No such object path"): a screen reader cannot say what
    got the focus then."""

    EVENT = "object:state-changed:focused"

    def __init__(self, pid: int, moment: Callable[[], str] = lambda: ""):
        self._pid = pid
        self._moment = moment  # says when an event came, for the report
        self.current: Accessible | None = None
        self.current_text = "nothing yet"
        self.gains = 0
        # path, error, the focus before, when
        self.vanished: list[tuple[str, str, str, str]] = []
        pyatspi.Registry.registerEventListener(self._on_event, self.EVENT)

    def close(self) -> None:
        pyatspi.Registry.deregisterEventListener(self._on_event, self.EVENT)

    def _on_event(self, event: Any) -> None:
        if event.detail1 != 1:
            return
        source = event.source
        try:
            if source.get_process_id() != self._pid:
                return
            text = describe_strict(source)
        except GLib.Error as error:
            self.vanished.append((getattr(source, "path", "?"), error.message,
                                  self.current_text, self._moment()))
            self.current, self.current_text = None, "a vanished object"
            self.gains += 1
            return
        self.current, self.current_text = source, text
        self.gains += 1

    def vanished_report(self) -> list[str]:
        return [f"{moment}: {path} ({SEEN.get(path, 'not seen before')}), the focus before "
                f"on {before}: {error}" for path, error, before, moment in self.vanished]

    def wait_for_change(self, since: int, what: str, timeout: float = WAIT_SECONDS) -> Accessible:
        """Waits for a focus gain after the `since`-th one; returns the object."""
        wait_until(what, lambda: self.gains > since, timeout,
                   explain=lambda: f"focus is still on {self.current_text}")
        return self.current



class AnnouncementLog:
    """What the Studio announces, as a screen reader hears it: notifications
    and alerts of the Studio that show (object:state-changed:showing), the
    event screen readers such as Orca present for those roles. A mere change
    of a label's name is not counted: a screen reader ignores it away from
    the focus. Qt 6.4 has no announcement API on AT-SPI; the Studio's status
    messages and message bars are such live regions
    (ui/accessibility/LiveRegion.h)."""

    EVENTS = ("object:state-changed:showing",)
    ROLES = (pyatspi.ROLE_NOTIFICATION, pyatspi.ROLE_ALERT)

    def __init__(self, pid: int):
        self._pid = pid
        self.heard: list[tuple[str, str]] = []  # (role, text)
        for event in self.EVENTS:
            pyatspi.Registry.registerEventListener(self._on_event, event)

    def close(self) -> None:
        for event in self.EVENTS:
            pyatspi.Registry.deregisterEventListener(self._on_event, event)

    def _on_event(self, event: Any) -> None:
        if event.detail1 != 1:
            return
        source = event.source
        try:
            if source.get_process_id() != self._pid or source.getRole() not in self.ROLES:
                return
            self.heard.append((source.getRoleName(), source.name or ""))
        except GLib.Error:
            return

    def wait_for(self, what: str, matches: Callable[[str], bool],
                 timeout: float = WAIT_SECONDS) -> str:
        """Waits until a heard announcement's text `matches`; returns it."""
        found = wait_until(
            what, lambda: next((text for _, text in self.heard if matches(text)), None), timeout,
            explain=lambda: "heard: " + ("; ".join(f"{role}: {text!r}" for role, text in self.heard)
                                         or "nothing"))
        return found

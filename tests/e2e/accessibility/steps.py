"""Step bookkeeping for the accessibility runs.

Each step passes, fails with a precise reason, or is not reached because a
step it needs did not pass. A failing step never stops the run: the steps
that do not depend on it still run, so one report says as much as possible.
"""

from __future__ import annotations

import dataclasses
import enum
import traceback
from typing import Callable, Iterable

from gi.repository import GLib


class StepFailed(Exception):
    """The precise reason a step failed: what AT-SPI, the Studio or the server said."""


class Outcome(enum.Enum):
    PASSED = "PASS"
    FAILED = "FAIL"
    NOT_REACHED = "NOT REACHED"


@dataclasses.dataclass
class StepResult:
    number: str
    title: str
    outcome: Outcome
    detail: str = ""
    notes: list[str] = dataclasses.field(default_factory=list)


class Steps:
    """Runs the steps of one run in order and keeps their results."""

    def __init__(self, run_name: str):
        self.run_name = run_name
        self.results: dict[str, StepResult] = {}
        self._current: StepResult | None = None

    def run(self, number: str, title: str, action: Callable[[], str | None],
            needs: Iterable[str] = ()) -> bool:
        """Runs `action` unless a step it needs did not pass; True if it passed."""
        missing = [n for n in needs if self.outcome(n) is not Outcome.PASSED]
        result = StepResult(number, title, Outcome.NOT_REACHED)
        self.results[number] = result
        if missing:
            result.detail = "needs " + ", ".join(
                f"step {n} ({self.outcome(n).value.lower()})" for n in missing)
            self._print(result)
            return False
        print(f"---- step {number}: {title}", flush=True)
        self._current = result
        try:
            result.detail = action() or ""
            result.outcome = Outcome.PASSED
        except StepFailed as error:
            result.outcome, result.detail = Outcome.FAILED, str(error)
        except GLib.Error as error:
            # A call on an object that vanished ("No such object path"), or a
            # D-Bus timeout: AT-SPI's own words are the reason.
            result.outcome = Outcome.FAILED
            result.detail = (f"AT-SPI call failed: {error.message} "
                             f"({error.domain}, code {error.code})")
        except Exception:  # a bug in the test itself: say where
            result.outcome = Outcome.FAILED
            result.detail = "the test itself raised:\n" + traceback.format_exc()
        finally:
            self._current = None
        self._print(result)
        return result.outcome is Outcome.PASSED

    def note(self, text: str) -> None:
        """Something the current step saw and the report should show."""
        print(f"     note: {text}", flush=True)
        if self._current is not None:
            self._current.notes.append(text)

    def running(self) -> str:
        """Which step runs now, for observations made outside the steps."""
        return f"step {self._current.number}" if self._current else "between steps"

    def outcome(self, number: str) -> Outcome:
        result = self.results.get(number)
        return result.outcome if result else Outcome.NOT_REACHED

    def record(self, number: str, title: str, outcome: Outcome, detail: str) -> None:
        """A step decided outside `run` (for example: the run could not start)."""
        result = StepResult(number, title, outcome, detail)
        self.results[number] = result
        self._print(result)

    def summary(self) -> bool:
        """Prints every step's outcome; True if all passed."""
        print(f"\n==== {self.run_name} run: summary", flush=True)
        counts = {outcome: 0 for outcome in Outcome}
        for result in self.results.values():
            counts[result.outcome] += 1
            self._print(result, with_notes=True)
        print(f"{self.run_name} run: steps passed {counts[Outcome.PASSED]}, "
              f"failed {counts[Outcome.FAILED]}, "
              f"not reached {counts[Outcome.NOT_REACHED]}", flush=True)
        return counts[Outcome.PASSED] == len(self.results) and bool(self.results)

    @staticmethod
    def _print(result: StepResult, with_notes: bool = False) -> None:
        line = f"{result.outcome.value:<11} {result.number:<3} {result.title}"
        if result.detail:
            line += "\n" + _indent(result.detail)
        if with_notes:
            line += "".join("\n" + _indent("note: " + n) for n in result.notes)
        print(line, flush=True)


def _indent(text: str) -> str:
    return "\n".join("                " + line for line in text.splitlines())

"""Time budgets of rule types, enforced while they run (issue 14, item 4).

Every call into a rule type (``setup`` aside: annotate, extract, pair, compare, close) goes
through ``guarded``, which runs it under :class:`TimeBudget`: the seconds a rule type has
spent are summed over its calls, and once they pass ``settings.time_budget`` (default 600 s)
the call in progress is interrupted (a ``SIGALRM`` timer raises :class:`BudgetExceeded`
inside it) and the rule type's later calls are skipped.  The run goes on with the other rule
types and writes its report; the time-out is that plugin's error.

The timer needs the main thread of a Unix process: elsewhere (Windows, a worker thread of
``factcheck serve``) a call cannot be interrupted, and a rule type over its budget is only
skipped from its next call on.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from typing import Any

DEFAULT_TIME_BUDGET = 600.0  # a hang is cut after 10 minutes; a long NLI run on a laptop fits


class BudgetExceeded(Exception):
    """Raised inside a rule type's call when its time budget is spent."""


class TimeBudget:
    def __init__(self, seconds: float = DEFAULT_TIME_BUDGET) -> None:
        self.seconds = float(seconds)
        self.spent: dict[str, float] = {}
        self.exceeded: set[str] = set()
        self.reported: set[str] = set()  # rule types whose time-out was reported

    def remaining(self, name: str) -> float:
        return self.seconds - self.spent.get(name, 0.0)

    def call(self, name: str, fn: Callable[[], Any]) -> Any:
        """``fn()`` within what is left of ``name``'s budget; raises BudgetExceeded when it runs out."""
        left = self.remaining(name)
        if name in self.exceeded or left <= 0:
            self.exceeded.add(name)
            raise BudgetExceeded(name)
        start = time.perf_counter()
        try:
            if _can_interrupt():
                return _with_alarm(left, fn)
            return fn()
        finally:
            self.spent[name] = self.spent.get(name, 0.0) + time.perf_counter() - start
            if self.remaining(name) <= 0:
                self.exceeded.add(name)


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _with_alarm(seconds: float, fn: Callable[[], Any]) -> Any:
    def on_alarm(signum, frame):  # noqa: ARG001 - the signal handler's signature
        raise BudgetExceeded()

    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        return fn()  # someone else's timer is running (a test runner's): do not take it over
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

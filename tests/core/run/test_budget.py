"""A rule type that hangs cannot hang the run (issue 14, item 4): its time budget is
enforced while it runs, the time-out is that plugin's error and the other rule types'
findings are reported; Ctrl-C reports what was finished."""

from __future__ import annotations

import time

import pytest
from helpers.fakeplugin import FakeWord

from checker.run.budget import BudgetExceeded, TimeBudget
from checker.testing import check_texts

FAKE_RULE = "id: t.count\nextends: fake-word\nlevel: warning\nmatch: {word: count}\nmessage: '{a.value} vs {b.value}'\n"
TEXTS = {"a.txt": "The count 3 is final.", "b.txt": "The count 4 is final."}


class HangsInCompare(FakeWord):
    name = "hangs"

    def compare(self, groups, rules):
        while True:  # a plugin stuck in a loop
            time.sleep(0.01)


class HangsInExtract(FakeWord):
    name = "hangs"

    def extract(self, doc, rules):
        while True:
            pass


class InterruptedInCompare(FakeWord):
    name = "hangs"

    def compare(self, groups, rules):
        raise KeyboardInterrupt


def _run(hanging, budget=0.5):
    rules = [FAKE_RULE, FAKE_RULE.replace("t.count", "t.hang").replace("fake-word", "hangs")]
    return check_texts(
        TEXTS,
        rules,
        rule_types={"fake-word": FakeWord, "hangs": hanging},
        load_installed=False,
        settings={"time_budget": budget},
    )


@pytest.mark.parametrize("hanging", [HangsInCompare, HangsInExtract])
def test_a_hanging_rule_type_is_cut_at_its_budget_and_the_others_report(hanging):
    start = time.perf_counter()
    result = _run(hanging)
    assert time.perf_counter() - start < 30
    assert [f.rule_id for f in result.findings] == ["t.count"]
    timeouts = [e for e in result.errors if "time budget" in e.message]
    assert len(timeouts) == 1 and timeouts[0].kind == "plugin" and "'hangs'" in timeouts[0].message


def test_ctrl_c_reports_what_was_finished():
    result = _run(InterruptedInCompare, budget=60)
    assert result.interrupted
    assert [f.rule_id for f in result.findings] == ["t.count"]  # compared before the interruption
    assert any("interrupted" in e.message for e in result.errors)


def test_the_budget_adds_up_over_calls_and_then_skips():
    budget = TimeBudget(0.2)
    budget.call("x", lambda: time.sleep(0.05))
    with pytest.raises(BudgetExceeded):
        budget.call("x", lambda: time.sleep(5))
    with pytest.raises(BudgetExceeded):
        budget.call("x", lambda: None)  # spent: later calls are skipped
    assert budget.call("y", lambda: 42) == 42  # other rule types keep their own budget


def test_an_existing_timer_is_left_alone():
    import signal

    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 0.3)
    try:
        assert TimeBudget(0.05).call("x", lambda: "done") == "done"
        time.sleep(0.5)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == [1]

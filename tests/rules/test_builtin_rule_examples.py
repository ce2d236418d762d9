"""Every built-in rule's embedded ``tests:`` examples, one pytest case each (as sqlfluff's
YAML rule cases): a ``conflict`` pair must be reported by that rule, a ``consistent`` pair
must get nothing at warning or above from it.

NLI rules are skipped: their examples are written for a real NLI model, and the stand-in
model of the test suite is too weak for them (its README and profile say so).
"""

from __future__ import annotations

import pytest
import yaml

from checker.context import Options
from checker.rules import iter_rule_files
from checker.run.pipeline import BUILTIN_RULES, Checker
from checker.run.ruletest import run_case

NEEDS_A_REAL_MODEL = {"nli"}


def _cases() -> list:
    out = []
    for path in iter_rule_files([BUILTIN_RULES]):
        for rule in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if not isinstance(rule, dict) or not rule.get("tests"):
                continue
            for expectation in ("conflict", "consistent"):
                for i, pair in enumerate(rule["tests"].get(expectation) or []):
                    marks = (
                        [pytest.mark.skip(reason="NLI examples need a real NLI model (the stand-in is too weak)")]
                        if rule.get("extends") in NEEDS_A_REAL_MODEL
                        else []
                    )
                    out.append(
                        pytest.param(
                            rule["id"], expectation, i, pair, marks=marks, id=f"{rule['id']}-{expectation}-{i}"
                        )
                    )
    return out


CASES = _cases()


@pytest.fixture(scope="module")
def checker():
    return Checker(options=Options(progress=False, quiet=True, use_cache=False))


def test_there_are_examples_to_run():
    assert len(CASES) >= 100


@pytest.mark.parametrize("rule_id,expectation,index,pair", CASES)
def test_rule_example(checker, rule_id, expectation, index, pair):
    rule = (
        checker.ruleset.get(rule_id)
        if hasattr(checker.ruleset, "get")
        else next(r for r in checker.ruleset.rules if r.id == rule_id)
    )
    outcome = run_case(checker, rule, expectation, index, pair)
    assert outcome.passed, f"{rule_id} {expectation}[{index}]: {outcome.detail}\n  a: {pair[0]}\n  b: {pair[1]}"

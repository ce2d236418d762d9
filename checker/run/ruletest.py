"""``factcheck rules test``: run each rule's embedded ``tests:`` examples.

A ``conflict`` pair passes when the rule itself reports a finding linking the two
one-sentence documents; a ``consistent`` pair passes when the rule reports nothing
at level warning or above for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.model import level_at_least


@dataclass
class Outcome:
    rule_id: str
    expectation: str  # conflict | consistent
    index: int
    passed: bool
    detail: str


def run_rule_tests(checker, selected: set[str] | None = None) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for rule in sorted(checker.ruleset.rules, key=lambda r: r.id):
        if selected is not None and rule.id not in selected:
            continue
        if not rule.tests or not testable(checker, rule):
            continue
        for expectation in ("conflict", "consistent"):
            for i, pair in enumerate(rule.tests.get(expectation, []) or []):
                outcomes.append(run_case(checker, rule, expectation, i, pair))
    return outcomes


def testable(checker, rule) -> bool:
    cls = checker.host.rule_types.get(rule.extends)
    return cls is None or bool(getattr(cls, "testable", True))


def run_case(checker, rule, expectation: str, index: int, pair) -> Outcome:
    """One embedded example: the two texts as two one-document articles, this rule alone
    (plus the rules of the annotators it requires), in the rule's first language."""
    from dataclasses import replace

    from checker.run.pipeline import Checker
    from checker.run.ruletypes import Selection

    opts = replace(checker.options, default_language=rule.languages[0]) if rule.languages else checker.options
    sub = Checker.from_parts(
        host=checker.host, options=opts, ruleset=checker.ruleset, selection=Selection.of({rule.extends}, {rule.id})
    )
    result = sub.check_texts({"a.txt": pair[0], "b.txt": pair[1]})
    mine = [f for f in result.findings if f.rule_id == rule.id and {"a.txt", "b.txt"} <= set(f.documents())]
    if expectation == "conflict":
        passed = bool(mine)
        detail = "reported" if passed else "expected a finding, got none"
    else:
        loud = [f for f in mine if level_at_least(f.level, "warning")]
        passed = not loud
        detail = "no finding" if passed else f"unexpected: {loud[0].message}"
    errors = [e for e in result.errors if e.kind in ("plugin", "model")]
    if passed and any(e.kind == "plugin" for e in errors):
        passed, detail = False, "the rule type failed"  # a crash is no consistent example passed
    if errors and not passed:
        detail += f" ({example_location(rule, expectation, index)}: {errors[0].message})"
    return Outcome(rule.id, expectation, index, passed, detail)


def example_location(rule, expectation: str, index: int) -> str:
    """``rules/x.yaml:12``: the example's line in the rule's own file (the run saw two in-memory
    documents, ``a.txt`` and ``b.txt``, which name nothing the author can open)."""
    line = rule.test_lines.get((expectation, index), rule.line)
    return f"{rule.path}:{line}" if rule.path else f"<rule {rule.id}>"

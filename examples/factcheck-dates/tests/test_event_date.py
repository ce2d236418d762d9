"""End to end through factcheck's pipeline with checker.testing (no install needed)."""

from __future__ import annotations

import pytest
from factcheck_dates import RULES_DIR
from factcheck_dates.ruletype import EventDateRuleType

from checker.testing import assert_finding, assert_no_finding, assert_no_plugin_errors, check_texts, run_rule_type

ANNOUNCED = """
id: t.announced
extends: event-date
level: error
message: "{a.value} ({a.doc}) vs {b.value} ({b.doc})"
match:
  predicates: [annoncer, announce]
"""


def run(a, b, rules=(ANNOUNCED,)):
    return run_rule_type(EventDateRuleType, {"a.txt": a, "b.txt": b}, list(rules))


def test_conflicting_announcement_dates_french():
    result = run(
        "Microsoft a annoncé le 12 décembre 2024 son partenariat avec OpenAI.",
        "Selon la presse, Microsoft a annoncé le 3 janvier 2025 son partenariat avec OpenAI.",
    )
    assert_no_plugin_errors(result)
    f = assert_finding(result, rule_id="t.announced", between=("a.txt", "b.txt"), level="error", count=1)
    assert f.message == "2024-12-12 (a.txt) vs 2025-01-03 (b.txt)"
    assert [e.quote for e in f.evidence] == ["12 décembre 2024", "3 janvier 2025"]
    assert f.explanation["difference_days"] == 22
    assert "reason" in f.explanation


def test_cross_language_same_date_agrees_and_different_date_conflicts():
    fr = "Microsoft a annoncé le 12 décembre 2024 son partenariat avec OpenAI."
    assert_no_finding(run(fr, "Microsoft announced its partnership with OpenAI on December 12, 2024."))
    assert_finding(
        run(fr, "Microsoft announced its partnership with OpenAI on December 2, 2024."),
        rule_id="t.announced",
        between=("a.txt", "b.txt"),
    )


@pytest.mark.parametrize(
    "b",
    [
        "Apple a annoncé le 3 janvier 2025 un partenariat avec Nvidia.",  # other participants
        "Microsoft a annoncé en décembre 2024 son partenariat avec OpenAI.",  # coarser, compatible
        "Microsoft n'a pas annoncé le 3 janvier 2025 son partenariat avec OpenAI.",  # negated
        "Microsoft a annoncé le 3 janvier 2025 ses résultats trimestriels.",  # other object
        "Microsoft a investi le 3 janvier 2025 dans OpenAI.",  # other predicate
    ],
)
def test_not_the_same_event_or_compatible(b):
    assert_no_finding(run("Microsoft a annoncé le 12 décembre 2024 son partenariat avec OpenAI.", b))


def test_an_article_giving_a_compatible_date_is_not_contradicted():
    a = "Microsoft a annoncé le 12 décembre 2024 son partenariat avec OpenAI."
    b = (
        "Microsoft a annoncé le 12 décembre 2024 son partenariat avec OpenAI. "
        "Microsoft avait annoncé le 3 janvier 2025 un partenariat avec OpenAI, selon une rumeur."
    )
    assert_no_finding(run(a, b), rule_id="t.announced")


def test_tolerance_days():
    rule = ANNOUNCED + "compare:\n  tolerance_days: 2\n"
    a = "Microsoft a annoncé le 12 décembre 2024 son partenariat avec OpenAI."
    assert_no_finding(run(a, "Microsoft a annoncé le 13 décembre 2024 son partenariat avec OpenAI.", [rule]))
    assert_finding(run(a, "Microsoft a annoncé le 16 décembre 2024 son partenariat avec OpenAI.", [rule]))


def test_generic_rule_uses_the_parse_and_skips_dates_claimed_by_specific_rules():
    generic = "id: t.generic\nextends: event-date\nlevel: suggestion\n"
    a = "Microsoft a racheté Activision le 13 octobre 2023."
    b = "Microsoft a racheté Activision le 18 janvier 2022."
    assert_finding(run(a, b, [generic]), rule_id="t.generic", level="suggestion")
    both = run(
        "Microsoft a annoncé le 12 décembre 2024 son partenariat avec OpenAI.",
        "Microsoft a annoncé le 3 janvier 2025 son partenariat avec OpenAI.",
        [ANNOUNCED, generic],
    )
    assert_finding(both, rule_id="t.announced")
    assert_no_finding(both, rule_id="t.generic")


def test_deterministic():
    a = "Microsoft a annoncé le 12 décembre 2024 son partenariat avec OpenAI."
    b = "Microsoft a annoncé le 3 janvier 2025 son partenariat avec OpenAI."
    first = [f.to_dict() for f in run(a, b).findings]
    assert first and first == [f.to_dict() for f in run(a, b).findings]


def test_invalid_rule_is_reported_with_file_and_key():
    result = check_texts(
        {"a.txt": "x", "b.txt": "y"},
        ["id: t.bad\nextends: event-date\nmatch:\n  predicate: [annoncer]\n"],
        rule_types={"event-date": EventDateRuleType},
        only_types={"event-date"},
    )
    bad = [e for e in result.errors if e.kind == "rule"]
    assert bad and "match.predicate" in bad[0].message and bad[0].line == 4


def test_shipped_rule_pack_examples_hold(factcheck_checker):
    """The YAML pack's own tests: examples, run as `factcheck rules test` would."""
    from checker.run.ruletest import run_rule_tests

    checker = factcheck_checker([RULES_DIR], rule_types={"event-date": EventDateRuleType})
    assert not [e for e in checker.errors if e.kind in ("rule", "plugin")]
    outcomes = run_rule_tests(checker, {r.id for r in checker.ruleset.rules if r.extends == "event-date"})
    assert len(outcomes) >= 10
    assert all(o.passed for o in outcomes), [o for o in outcomes if not o.passed]


def test_fixture_runs_texts(factcheck_run):
    result = factcheck_run(
        {
            "a.txt": "OpenAI a lancé ChatGPT le 30 novembre 2022.",
            "b.txt": "OpenAI launched ChatGPT on 30 December 2022.",
        },
        [RULES_DIR],
        rule_types={"event-date": EventDateRuleType},
        only_types={"event-date"},
    )
    assert_finding(result, rule_id="dates.launched", between=("a.txt", "b.txt"))

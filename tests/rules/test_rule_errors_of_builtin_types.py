"""What an analyst reads when a rule of a built-in type is wrong (issue 15): the valid values,
the closest key or placeholder, and the rule's file:line:column."""

from __future__ import annotations

import textwrap

import pytest


@pytest.fixture(scope="module")
def rule_types():
    from checker.plugins import default_host

    return default_host().rule_types


def errors(tmp_path, rule_types, text):
    from checker.rules import load_rules

    path = tmp_path / "r.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    loaded = load_rules([path], rule_types)
    assert loaded.rules == []
    return [f"{e.line}:{e.column}: {e.message}" for e in loaded.errors]


def test_numeric_unit_outside_the_list_names_the_valid_units(tmp_path, rule_types):
    (err,) = errors(
        tmp_path,
        rule_types,
        """
        id: t.delay
        extends: numeric
        match: {predicates: [délai]}
        compare: {unit: durée}
        """,
    )
    assert err.startswith("4:17: rule 't.delay': key 'compare.unit': must be one of currency, money, percent")
    assert "duration" in err and "or a string matching ^[A-Z]{3}$, got 'durée'" in err
    assert "not valid under any" not in err


def test_relation_pattern_option_and_nli_placeholder_suggest_the_right_names(tmp_path, rule_types):
    errs = errors(
        tmp_path,
        rule_types,
        """
        id: t.rel
        extends: relation
        relation: partner
        patterns:
          - {pattern: "{subj} partenaire de {obj}", swapp: true}
        ---
        id: t.nli
        extends: nli
        message: "{a.valeur} vs {b.value}"
        """,
    )
    assert "5:45: rule 't.rel': key 'patterns.0.swapp': unknown key (did you mean 'swap'?)" in errs
    assert "9:10: rule 't.nli': key 'message': unknown placeholder {a.valeur} (did you mean {a.value}?)" in errs

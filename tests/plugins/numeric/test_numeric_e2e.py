"""End-to-end tests of the numeric rule type through ``checker.run.pipeline.Checker``.

The seeds' dedicated slots (investment, stake, end of the agreement) come from the worked
example of a custom pack, ``examples/microsoft-openai-pack`` (given with ``--rules``); with
the built-in rules alone the seeds give no numeric finding at warning or above."""

import pytest
from helpers.paths import REPO, SEEDS

from checker.run.pipeline import Checker

PACK = REPO / "examples" / "microsoft-openai-pack"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def checker():
    return Checker(only_types=["numeric"], rule_paths=[PACK])


@pytest.fixture(scope="module")
def builtin():
    return Checker(only_types=["numeric", "entities"])


def test_seeds_built_in_rules_alone_give_no_numeric_warning(builtin):
    found = _numeric(builtin.check_texts(_seed_texts()))
    assert [f.message for f in found if f.level in ("warning", "error")] == []
    assert not [f for f in found if f.rule_id.endswith(".investment")]  # that slot is the pack's


def test_seeds_with_the_pack_keep_its_investment_suggestions(checker):
    found = _numeric(checker.check_texts(_seed_texts()))
    investment = [f for f in found if f.rule_id == "fr.numeric.investment"]
    assert investment and all(f.level == "suggestion" for f in investment)


def _seed_texts(edit=None):
    texts = {}
    for f in sorted(SEEDS.glob("*.txt")):
        t = f.read_text(encoding="utf-8")
        if edit and f.name.startswith(edit[0]):
            assert edit[1] in t
            t = t.replace(edit[1], edit[2])
        texts[f.name] = t
    return texts


def _numeric(result):
    return [f for f in result.findings if f.kind == "numeric"]


def test_seeds_no_error_and_both_quotes(checker):
    r = checker.check_texts(_seed_texts())
    found = _numeric(r)
    assert all(f.level != "error" for f in found), [f.message for f in found]
    for f in found:
        assert len({e.doc_id for e in f.evidence}) == 2
        assert all(e.quote.strip() for e in f.evidence)
        assert f.explanation.get("reason")


def test_seeds_time_scope_lowers_level(checker):
    found = _numeric(checker.check_texts(_seed_texts()))
    scoped = [f for f in found if "2023" in f.explanation["reason"]]
    assert scoped and all(f.level == "suggestion" for f in scoped)


@pytest.mark.parametrize(
    "edit,edited_quote,other_doc",
    [
        (
            ("004", "pas moins de 13 milliards", "pas moins de 8 milliards"),
            "pas moins de 8 milliards de dollars",
            "000",
        ),
        (("000", "pourrait prendre fin en 2030", "pourrait prendre fin en 2028"), "en 2028", "003"),
        (("000", "une part de 30 à 35 %", "une part de 60 à 65 %"), None, None),  # only one article gives a stake
        (
            ("003", "investi plus de 13 milliards", "investi plus de 20 milliards"),
            "plus de 20 milliards de dollars",
            "000",
        ),
        (("003", "qui serait 2030", "qui serait 2035"), "2035", "000"),
    ],
)
def test_planted_conflicts(checker, edit, edited_quote, other_doc):
    found = _numeric(checker.check_texts(_seed_texts(edit)))
    errors = [f for f in found if f.level == "error"]
    if edited_quote is None:
        assert errors == []
        return
    hits = [f for f in errors if any(e.doc_id.startswith(edit[0]) and e.quote == edited_quote for e in f.evidence)]
    assert hits, [f.message for f in found]
    if other_doc:
        assert any(any(e.doc_id.startswith(other_doc) for e in f.evidence) for f in hits)


def test_cross_language_conflict(checker):
    r = checker.check_texts(
        {
            "fr.txt": "Microsoft a investi 13,75 milliards de dollars dans OpenAI, selon plusieurs sources proches du dossier.",
            "en.txt": "Microsoft has invested no less than $8 billion in OpenAI, according to people familiar with the matter.",
        }
    )
    found = _numeric(r)
    assert [f.level for f in found] == ["error"]
    assert {e.doc_id for e in found[0].evidence} == {"fr.txt", "en.txt"}


def test_cross_language_compatible(checker):
    r = checker.check_texts(
        {
            "fr.txt": "Microsoft a investi 13,75 milliards de dollars dans OpenAI, selon plusieurs sources proches du dossier.",
            "en.txt": "Microsoft has invested more than $13 billion in OpenAI, according to people familiar with the matter.",
        }
    )
    assert _numeric(r) == []


def test_english_percentages_and_years(checker):
    r = checker.check_texts(
        {
            "a.txt": "Microsoft is seeking a stake of 30 to 35% in OpenAI. The agreement between Microsoft and OpenAI could end in 2030.",
            "b.txt": "Microsoft would own 49% of OpenAI. The agreement between Microsoft and OpenAI expires in 2030.",
        }
    )
    found = _numeric(r)
    assert [f.rule_id for f in found] == ["en.numeric.stake"]
    assert found[0].level == "error"


def test_valuation_investment_budget_are_different_slots(checker):
    r = checker.check_texts(
        {
            "a.txt": "Microsoft a investi 13 milliards de dollars dans OpenAI, dont la valorisation atteint 300 milliards de dollars.",
            "b.txt": "Microsoft a investi 13 milliards de dollars dans OpenAI. OpenAI est valorisée 300 milliards de dollars.",
        }
    )
    assert _numeric(r) == []


def test_same_article_restatements_never_findings(checker):
    r = checker.check_texts(
        {
            "a.txt": "Microsoft a investi 13 milliards de dollars dans OpenAI. Microsoft a investi 10 milliards de dollars dans OpenAI.",
            "b.txt": "Un autre article sans chiffre sur Microsoft et OpenAI.",
        }
    )
    assert _numeric(r) == []


def test_generic_comparison_without_rule(checker):
    r = checker.check_texts(
        {
            "a.txt": "Airbus a livré 735 avions à Lufthansa en 2019.",
            "b.txt": "Airbus a livré 500 avions à Lufthansa en 2019.",
        }
    )
    found = _numeric(r)
    # same measure, same entities, near-identical context: a warning (the generic level
    # rises with context similarity and entity overlap; it was a flat suggestion before)
    assert len(found) == 1 and found[0].level == "warning"
    assert found[0].explanation["generic"]["measure"] == "count:avion"


def test_deterministic(checker):
    a = [f.to_dict() for f in _numeric(checker.check_texts(_seed_texts()))]
    b = [f.to_dict() for f in _numeric(checker.check_texts(_seed_texts()))]
    assert a == b


def test_the_pack_passes_its_own_rule_tests():
    import subprocess
    import sys

    root = REPO
    r = subprocess.run(
        [sys.executable, "-m", "checker", "rules", "test", str(PACK)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert " 0 failed" in r.stdout

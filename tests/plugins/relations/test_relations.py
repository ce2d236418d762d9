"""Tests of the ``relation`` rule type: patterns, cues, each constraint, seeds end to end."""

from __future__ import annotations

import pytest
from helpers.paths import REPO

from checker.run.pipeline import Checker
from plugins.relations.patterns import PatternError, compile_pattern, cues

ROOT = REPO
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED4 = "004_77fa70fd3782dc1e.txt"
PACK = ROOT / "examples" / "microsoft-openai-pack"  # the story's entities, cloud and access relations
EXCLUSIVE_HOSTING = "l’accord exclusif entre Microsoft et OpenAI concernant l’hébergement"


# -- pattern language and cues (fast) -------------------------------------------------
def test_pattern_matches_negated_and_elided_variants():
    rx, slots = compile_pattern("{subj} {be} {det}? fournisseur cloud? {qual}? de {obj}", ["exclusif", "non exclusif"])
    assert slots == {"subj", "obj"}
    for text in [
        "§0 est le fournisseur cloud exclusif d' §1 .",
        "§0 n' est plus le fournisseur cloud exclusif d' §1",
        "§0 serait le fournisseur de §1",
        "§0 est le fournisseur cloud non exclusif du §1",
    ]:
        assert rx.search(text), text
    assert not rx.search("§0 est le client de §1")


def test_gap_never_crosses_an_entity():
    rx, _ = compile_pattern("{subj} a investi ...6 dans {obj}", [])
    assert rx.search("§0 a investi 13 milliards de dollars dans §1").group("obj") == "1"
    assert not rx.search("§0 a investi avec §1 dans §2")


@pytest.mark.parametrize(
    "pattern, problem",
    [
        ("{obj} est client", "needs {subj}"),
        ("{subj} {foo} {obj}", "unknown placeholder"),
        ("{subj} (a|b {obj}", "unbalanced"),
        ("{subj} {qual} {obj}", "no qualifiers"),
        ("word? {subj} {obj}", "cannot start"),
        ("{subj} a? b? c? d? e? f? g? {obj}", "7 optional tokens and gaps"),  # matching time grows with each
        ("{subj} a? ... b? ...2 c? ...3 d? {obj}", "7 optional tokens and gaps"),
        ("{subj} a ...40 {obj}", "too wide"),
    ],
)
def test_bad_patterns_are_rejected(pattern, problem):
    with pytest.raises(PatternError, match=problem.split()[0]):
        compile_pattern(pattern, [])
    with pytest.raises(PatternError, match=problem):
        compile_pattern(pattern, [])


def test_six_optional_tokens_are_still_accepted():
    rx, slots = compile_pattern("{subj} a? b? c? ... d? ...3 {obj}", [])
    assert slots == {"subj", "obj"}


@pytest.mark.parametrize(
    "tokens, negative, modality, tense",
    [
        ("§0 n' est pas le ceo de §1".split(), True, "asserted", "present"),
        ("§0 n' est plus le fournisseur de §1".split(), True, "asserted", "present"),
        ("§0 n' est que le partenaire de §1".split(), False, "asserted", "present"),
        ("§0 is no longer the ceo of §1".split(), True, "asserted", "present"),
        ("§0 is not a partner of §1".split(), True, "asserted", "present"),
        ("§0 pourrait etre le fournisseur de §1".split(), False, "hedged", "present"),
        ("§0 serait le ceo de §1".split(), False, "hedged", "present"),
        ("§0 etait le ceo de §1".split(), False, "asserted", "past"),
        ("§0 , former ceo of §1".split(), False, "asserted", "past"),
        ("§0 est le partenaire de §1".split(), False, "asserted", "present"),
    ],
)
def test_negation_hedge_and_time_cues(tokens, negative, modality, tense):
    got = cues(tokens, tokens)
    assert (got["negative"], got["modality"], got["tense"]) == (negative, modality, tense)
    assert cues(tokens, ["selon", "reuters"] + tokens)["modality"] == ("hedged" if modality == "hedged" else "reported")
    if "plus" in tokens or "longer" in tokens:
        assert got["changed"]


# -- constraints, end to end on small texts (one Checker for the module) ---------------
EXTRA = """
id: t.antonym
extends: relation
level: error
relation: ally
symmetric: true
patterns: ["{subj} et {obj} sont alliés", "{subj} and {obj} are allies"]
constraints:
  antonyms: [{relation: enemy}]
---
id: t.enemy
extends: relation
level: error
relation: enemy
symmetric: true
patterns: ["{subj} et {obj} sont ennemis", "{subj} and {obj} are enemies"]
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    d = tmp_path_factory.mktemp("rules")
    (d / "antonym.yaml").write_text(EXTRA, encoding="utf-8")
    c = Checker(rule_paths=[d, PACK], only_types={"relation"})
    assert not [e for e in c.errors if "relation" in e.message or e.kind == "rule"], c.errors
    return c


def run(checker, *texts):
    res = checker.check_texts({f"d{i}.txt": t for i, t in enumerate(texts)})
    return [f for f in res.findings if f.kind == "relation"]


def test_functional_ceo_swap(checker):
    fs = run(checker, "Sam Altman est le PDG d'OpenAI.", "Mira Murati est la PDG d'OpenAI.")
    assert len(fs) == 1 and fs[0].level == "error" and fs[0].explanation["constraint"] == "functional"
    assert {t["subject"] for t in fs[0].explanation["triples"]} == {"Sam Altman", "mira murati"}
    assert {t["names"]["subject"] for t in fs[0].explanation["triples"]} == {"Sam Altman", "Mira Murati"}
    assert fs[0].explanation["reason"] and len(fs[0].evidence) == 2


def test_functional_respects_time_and_hedges(checker):
    assert run(checker, "Sam Altman est le PDG d'OpenAI.", "John Sculley était le PDG d'OpenAI.") == []
    fs = run(checker, "Sam Altman est le PDG d'OpenAI.", "Mira Murati serait la PDG d'OpenAI.")
    assert [f.level for f in fs] == ["warning"]


def test_functional_when_exclusive(checker):
    assert (
        run(checker, "Microsoft est un fournisseur cloud d'OpenAI.", "Oracle est un fournisseur cloud d'OpenAI.") == []
    )
    fs = run(
        checker, "Microsoft est le fournisseur cloud exclusif d'OpenAI.", "Oracle est un fournisseur cloud d'OpenAI."
    )
    assert [f.explanation["constraint"] for f in fs] == ["functional"]


def test_exclusive_vs_shared_is_a_warning(checker):
    fs = run(
        checker,
        "Microsoft bénéficie d'un accès exclusif aux modèles d'OpenAI.",
        "L'accord garantit à Microsoft un accès privilégié à la technologie d'OpenAI.",
    )
    assert [(f.level, f.explanation["constraint"]) for f in fs] == [("warning", "exclusive_shared")]


def test_polarity_conflict_and_no_longer(checker):
    fs = run(
        checker,
        "Microsoft est le fournisseur cloud exclusif d'OpenAI.",
        "Microsoft n'est plus le fournisseur cloud exclusif d'OpenAI.",
    )
    assert [f.explanation["constraint"] for f in fs] == ["polarity"]
    assert fs[0].explanation["triples"][1]["polarity"] == "negative"
    # "not the exclusive provider" does not contradict "a provider"
    assert (
        run(
            checker,
            "Microsoft est un fournisseur cloud d'OpenAI.",
            "Microsoft n'est plus le fournisseur cloud exclusif d'OpenAI.",
        )
        == []
    )


def test_antonyms_incompatible_and_compatible(checker):
    fs = run(checker, "Rome et Carthage sont alliés.", "Rome et Carthage sont ennemis.")
    assert [f.explanation["constraint"] for f in fs] == ["antonym"]
    # built-in partner/competitor are declared compatible
    assert run(checker, "Microsoft et OpenAI sont partenaires.", "Microsoft est un concurrent d'OpenAI.") == []


def test_cofounders_of_different_companies_are_fine(checker):
    assert (
        run(
            checker,
            "Bill Gates, co-fondateur de Microsoft, a parlé.",
            "Elon Musk, cofondateur d’OpenAI, a porté plainte.",
            "Sam Altman, cofondateur d'OpenAI, a répondu.",
        )
        == []
    )


def test_english_and_cross_language(checker):
    fs = run(checker, "Sam Altman is the CEO of OpenAI.", "Sam Altman is no longer the CEO of OpenAI.")
    assert [f.explanation["constraint"] for f in fs] == ["polarity"]
    fs = run(
        checker,
        "Microsoft is the exclusive cloud provider of OpenAI.",
        "Oracle est le fournisseur cloud exclusif d'OpenAI.",
    )
    assert [f.explanation["constraint"] for f in fs] == ["functional"]


def test_aliases_feed_relations(checker):
    fs = run(
        checker,
        "La firme de Redmond est le fournisseur cloud exclusif d'OpenAI.",
        "Oracle est le fournisseur cloud exclusif d'OpenAI.",
    )
    assert fs and fs[0].explanation["triples"][0]["subject"] == "Microsoft"


def test_bad_pattern_in_yaml_is_reported_not_raised(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "id: bad.rel\nextends: relation\nrelation: x\npatterns: ['{subj} {zzz} {obj}']\n", encoding="utf-8"
    )
    c = Checker(rule_paths=[tmp_path], builtin_rules=False, only_types={"relation"})
    res = c.check_texts({"a.txt": "Rien.", "b.txt": "Rien."})
    assert any("bad.rel" in e.message and "unknown placeholder" in e.message for e in res.errors)


# -- the seeds -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_texts():
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS}


@pytest.mark.slow
def test_seeds_exclusive_vs_privileged_access_and_no_false_errors(checker, seed_texts):
    fs = run(checker, *seed_texts.values())
    names = list(seed_texts)
    access = [f for f in fs if f.explanation["constraint"] == "exclusive_shared"]
    linked = set()
    for f in access:  # 004 on one side; 000 and 001 (same wording) may share one aggregated finding
        docs = {names[int(e.doc_id[1])][:3] for e in f.evidence}
        assert "004" in docs and docs - {"004"} <= {"000", "001"}
        linked |= docs
    assert linked == {"000", "001", "004"}
    assert all(f.level == "warning" for f in access)
    assert [f for f in fs if f.level == "error"] == []
    assert not [f for f in fs if f.explanation["constraint"] == "antonym"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "replacement",
    [
        "Oracle est le fournisseur cloud exclusif d'OpenAI",
        "Microsoft n'est plus le fournisseur cloud exclusif d'OpenAI",
    ],
)
def test_seeds_planted_cloud_conflicts(checker, seed_texts, replacement):
    texts = dict(seed_texts)
    original = "Microsoft est le fournisseur cloud exclusif d'OpenAI"
    assert original in texts[SEED4]
    texts[SEED4] = texts[SEED4].replace(original, replacement)
    fs = run(checker, *texts.values())
    names = list(texts)
    hits = [
        f
        for f in fs
        if f.level in ("error", "warning")
        and {names[int(e.doc_id[1])] for e in f.evidence} == {SEED4, names[1]}
        and any(EXCLUSIVE_HOSTING in e.quote for e in f.evidence)
        and any(replacement in e.quote for e in f.evidence)
    ]
    assert hits, [f.message for f in fs]


def test_bad_pattern_is_a_load_error_with_its_line(tmp_path):
    from checker.plugins import default_host
    from checker.rules import load_rules

    p = tmp_path / "bad.yaml"
    p.write_text(
        'id: t.rel\nextends: relation\nrelation: ceo\npatterns:\n  - "{subj} (is|was the CEO of {obj}"\n',
        encoding="utf-8",
    )
    rs = load_rules([p], default_host().rule_types)
    assert rs.rules == []
    (err,) = rs.errors
    assert (err.line, err.column) == (5, 5) and "key 'patterns.0': unbalanced parentheses" in err.message


def test_triples_read_as_text_with_labels_and_default_to_the_relation_name():
    from plugins.relations.ruletype import RelationRuleType

    class C:  # the parts of a compiled rule that the display reads
        label, qualifier_labels, language = "fournisseur cloud de", {"exclusive": "exclusif"}, "fr"

    v = {
        "subject": "Microsoft",
        "relation": "cloud_provider",
        "object": "OpenAI",
        "polarity": "negative",
        "qualifier": "exclusive",
        "modality": "hedged",
    }
    assert (
        RelationRuleType._triple(v, C())
        == "Microsoft — fournisseur cloud de — OpenAI (négation, exclusif, au conditionnel)"
    )
    assert (
        RelationRuleType._triple(dict(v, polarity="positive", qualifier=None, modality="asserted"))
        == "Microsoft — cloud provider — OpenAI"  # the relation name in words, not its identifier
    )


# -- patterns compiled only when a stream holds their words (start-up cost) -------------
def test_required_words_are_those_every_match_contains():
    from plugins.relations.patterns import may_match, required_words

    pattern = "{subj} {be} {det}? fournisseur cloud? {qual}? de {obj}"
    assert required_words(pattern) == (frozenset(["fournisseur"]),)  # "de" is an alias, "cloud?" optional
    alternation = "(replaced|succeeded|fired) {subj} as {det}? {obj} {role}"
    assert required_words(alternation) == tuple(map(frozenset, (["replaced", "succeeded", "fired"], ["as"])))
    assert required_words("{subj} (le|ceo) {obj}") == ()  # an alternation starting with an alias: no requirement
    rx, _ = compile_pattern(pattern, ["exclusif"])
    for text in ["§0 est le fournisseur cloud exclusif d' §1 .", "§0 serait le fournisseur de §1"]:
        assert rx.search(text) and may_match(required_words(pattern), text)
    assert not may_match(required_words(pattern), "§0 est le client de §1")


def test_words_present_once_per_stream_decide_as_may_match():
    """The filter reads which required words a stream holds once per stream (one test per word of
    every pattern), then decides each pattern by sets: the same answer as ``may_match``."""
    from plugins.relations.patterns import may_match, may_match_present, required_words, words_present

    patterns = [
        "{subj} {be} {det}? fournisseur cloud? {qual}? de {obj}",
        "(replaced|succeeded|fired) {subj} as {det}? {obj} {role}",
        "{subj} (le|ceo) {obj}",
        "{subj} a nommé d'office {obj}",
    ]
    needs = [required_words(p) for p in patterns]
    vocabulary = frozenset(w for n in needs for alts in n for w in alts)
    texts = [
        "§0 est le fournisseur cloud exclusif d' §1 .",
        "§0 replaced §1 as ceo",
        "§0 a nommé d' office §1",
        "§0 a nomme d' offices",  # "office" inside "offices": a substring, as may_match reads it
        "",
    ]
    for text in texts:
        present = words_present(vocabulary, text)
        for n in needs:
            assert may_match_present(n, present) == may_match(n, text), (text, n)


def test_pattern_index_gives_the_patterns_may_match_keeps_in_rule_order():
    """Patterns reached by their words, then decided by all their requirements: exactly the
    patterns ``may_match`` keeps, rule after rule, pattern after pattern (claims keep their order)."""
    from plugins.relations.patterns import may_match, required_words
    from plugins.relations.ruletype import _Compiled, _PatternIndex

    groups = [
        ["{subj} (le|ceo) {obj}", "{subj} {be} {det}? fournisseur cloud? {qual}? de {obj}", "{subj} rachète {obj}"],
        ["(replaced|succeeded|fired) {subj} as {det}? {obj} {role}", "{subj} fournisseur exclusif de {obj}"],
    ]
    rules = []
    for patterns in groups:
        comp = _Compiled.__new__(_Compiled)
        comp.needs = [required_words(p) for p in patterns]
        comp.sources = [(p, ("slot", False, False, None)) for p in patterns]
        comp._compiled = {i: p for i, p in enumerate(patterns)}  # stands for the compiled regex
        rules.append(comp)
    texts = ["§0 est le fournisseur exclusif de §1", "§0 rachete §1", "§0 replaced §1 as ceo", "§0 et §1", ""]
    index = _PatternIndex(rules)
    for text in texts:
        want = [(comp, p) for comp in rules for p, n in zip(comp._compiled.values(), comp.needs) if may_match(n, text)]
        assert [(comp, how[0]) for comp, how in index.candidates(text)] == want, text


@pytest.mark.slow
def test_skipping_patterns_by_their_words_changes_no_claim(monkeypatch):
    """Every built-in relation pattern on the seeds: the same triples with and without the filter."""
    from checker.context import Options
    from plugins.relations import ruletype as relation_type

    def triples():
        options = Options(use_cache=False, progress=False, quiet=True)  # prepared again, not read back
        result = Checker(options=options, only_types=["entities", "relation"]).check_paths([str(p) for p in SEEDS])
        return sorted((f.rule_id, f.fingerprint) for f in result.findings), result.stats.get("relation", {}).get(
            "triples"
        )

    filtered = triples()
    monkeypatch.setattr(relation_type, "words_present", lambda vocabulary, text: vocabulary)  # every word: no filter
    assert triples() == filtered and filtered[1]

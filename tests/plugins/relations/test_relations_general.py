"""General relations (issue 13, item 4): exclusive vs shared, supplier, partner vs competitor,
owner / acquirer / subsidiary, with negation and modality.  The built-in patterns name relations,
never companies: the companies below are made up and declared nowhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.context import Options
from checker.run.pipeline import Checker

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def checker():
    c = Checker(only_types={"relation"}, options=Options(use_cache=False))
    assert not [e for e in c.errors if e.kind == "rule"], c.errors
    return c


def found(checker, *texts):
    res = checker.check_texts({f"d{i}.txt": t for i, t in enumerate(texts)})
    return sorted((f.explanation["constraint"], f.level) for f in res.findings if f.kind == "relation")


EN = " The statement was published on Monday by the company."
FR = " Le communiqué a été publié lundi par l'entreprise."


@pytest.mark.parametrize(
    "a, b, want",
    [
        # exclusive vs shared
        (
            "Valmont bénéficie d'un accès exclusif aux brevets de Dorval." + FR,
            "L'accord garantit à Valmont un accès privilégié aux brevets de Dorval." + FR,
            ("exclusive_shared", "warning"),
        ),
        (
            "Valmont holds the exclusive contract for the tramway." + EN,
            "Valmont shares the contract with Dorval." + EN,
            ("exclusive_shared", "warning"),
        ),
        (
            "Valmont détient le contrat exclusif du tramway." + FR,
            "Valmont partage le contrat avec Dorval." + FR,
            ("exclusive_shared", "warning"),
        ),
        # supplier: an exclusive supplier is unique
        (
            "Valmont est le fournisseur exclusif de Dorval." + FR,
            "Lumeo est le fournisseur exclusif de Dorval." + FR,
            ("functional", "warning"),
        ),
        (
            "Valmont is the sole supplier of Dorval." + EN,
            "Valmont is one of the suppliers of Dorval." + EN,
            ("exclusive_shared", "warning"),
        ),
        # negation and modality
        (
            "Valmont and Dorval are partners." + EN,
            "Valmont and Dorval are no longer partners." + EN,
            ("polarity", "warning"),
        ),
        (
            "Valmont et Dorval sont partenaires." + FR,
            "Valmont et Dorval ne sont plus partenaires." + FR,
            ("polarity", "warning"),
        ),
        ("Valmont a racheté Transalpes." + FR, "Transalpes a racheté Valmont." + FR, ("antonym", "error")),
        (
            "Helvion is a subsidiary of Nordvik." + EN,
            "Helvion is a subsidiary of Batterix." + EN,
            ("functional", "error"),
        ),
        (
            "Nordvik est la maison mère d'Helvion." + FR,
            "Nordvik n'est pas la maison mère d'Helvion." + FR,
            ("polarity", "error"),
        ),
    ],
)
def test_general_relation_conflicts(checker, a, b, want):
    assert want in found(checker, a, b)


def test_a_hedged_side_lowers_the_level(checker):
    got = found(checker, "Valmont a racheté Transalpes." + FR, "Transalpes aurait racheté Valmont." + FR)
    assert got and all(level != "error" for _, level in got), got


@pytest.mark.parametrize(
    "a, b",
    [
        ("Valmont and Dorval are partners." + EN, "Valmont is a competitor of Dorval." + EN),  # partners may compete
        ("Valmont et Dorval sont partenaires." + FR, "Valmont est un concurrent de Dorval." + FR),
        ("Valmont is a supplier of Dorval." + EN, "Lumeo is a supplier of Dorval." + EN),
        (
            "Valmont bénéficie d'un accès exclusif aux brevets de Dorval." + FR,
            "Valmont bénéficie d'un accès exclusif à la technologie de Dorval." + FR,
        ),
        ("Valmont a racheté Transalpes." + FR, "Transalpes a été racheté par Valmont." + FR),
        ("Helvion, a subsidiary of Nordvik, opened a plant." + EN, "Nordvik is the parent company of Helvion." + EN),
    ],
)
def test_compatible_relations_stay_silent(checker, a, b):
    assert [x for x in found(checker, a, b) if x[1] in ("warning", "error")] == []


def test_builtin_rules_name_no_company():
    import re

    for path in (ROOT / "rules").rglob("*.yaml"):
        if path.name.startswith(("relation-", "entities")):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"microsoft|openai|redmond|chatgpt|altman", text, re.I), path


@pytest.mark.slow
def test_seeds_exclusive_vs_privileged_access_with_builtin_rules_only(checker):
    res = checker.check_texts({p.name: p.read_text(encoding="utf-8") for p in SEEDS})
    access = [f for f in res.findings if f.kind == "relation" and f.explanation["constraint"] == "exclusive_shared"]
    assert access and {f.rule_id for f in access} == {"fr.relation.exclusive-rights"}
    docs = {e.doc_id[:3] for f in access for e in f.evidence}
    assert {"004"} < docs <= {"000", "001", "004"}
    assert not [f for f in res.findings if f.kind == "relation" and f.level == "error"]


# -- names the recogniser missed, appositions (issue 13: general relations) -----------------------
def test_names_the_recogniser_missed_are_arguments_of_general_relations(checker):
    # the sm French model tags neither "Aquaterra" (at the sentence start) nor "Sorelis Eau" here
    res = checker.check_texts(
        {
            "a.txt": "Hydrelia a remporté le contrat. Aquaterra, maison mère d'Hydrelia, a publié ses comptes.",
            "b.txt": "Hydrelia a remporté le contrat. Hydrelia, filiale de Sorelis Eau, en sera le seul titulaire.",
        }
    )
    got = sorted((f.rule_id, f.level) for f in res.findings)
    assert ("fr.relation.subsidiary", "error") in got, got


def test_an_ordinary_word_starting_a_sentence_is_no_name():
    from checker.model import Sentence
    from plugins.relations.roles import proper_runs

    sent = Sentence("d.txt", 0, 0, 52, "Contrairement aux annonces, Sorelis Eau reste seule.", "fr")
    assert [m.text for m in proper_runs(sent)] == ["Sorelis Eau"]
    sent = Sentence("d.txt", 0, 0, 45, "Aquaterra, maison mère, a publié ses comptes.", "fr")
    assert proper_runs(sent) == []
    assert [m.text for m in proper_runs(sent, frozenset({"aquaterra"}))] == ["Aquaterra"]


def test_an_apposition_after_the_first_argument():
    from plugins.relations.patterns import compile_pattern

    rx, _ = compile_pattern("{subj} {be} {det}? partner of {obj}", [])
    assert rx.search("§0 , a unit of §1 , is a partner of §2")
    assert rx.search("§0 , §1 , is a partner of §2") is None  # a name starts no apposition
    assert rx.search("§0 , and §1 , is a partner of §2") is None
    rx, _ = compile_pattern("{subj} , {det}? partner of {obj}", [])
    # only before a word, not before a comma: §1 is the partner here, not §0
    assert [m.group("subj") for m in rx.finditer("§0 , a unit of §1 , a partner of §2")] == ["1"]


def test_the_negation_of_an_apposition_is_not_the_claims(checker):
    res = checker.check_texts(
        {
            "a.txt": "Valmont, which is no longer a partner of Lumeo, is a supplier of Dorval." + EN,
            "b.txt": "Valmont is a supplier of Dorval." + EN,
        }
    )
    assert [f for f in res.findings if f.level in ("warning", "error")] == []


def test_winning_an_exclusive_contract_against_sharing_it(checker):
    res = checker.check_texts(
        {
            "a.txt": "Calder Yards, a unit of Brennmoor, has won the exclusive contract to build frigates." + EN,
            "b.txt": "Calder Yards shares the contract with Tidewell Shipbuilding." + EN,
        }
    )
    assert [f.explanation["constraint"] for f in res.findings] == ["exclusive_shared"]

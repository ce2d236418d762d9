"""Exclusive against shared ("the sole supplier" / "one of five agencies"), majority against minority
ownership ("owns 65% of X" / "actionnaire minoritaire"), with the traps that must stay silent: no
exclusive claim, other objects, stakes that agree, another time.

The forms come from the development stories (tests/data/eval): a definite description of the
story's subject ("the trust's", "the city's", "de la compagnie") is an implicit object, compared
with the other implicit ones; the companies are made up and declared nowhere."""

from __future__ import annotations

import pytest

from checker.context import Options
from checker.run.pipeline import Checker


@pytest.fixture(scope="module")
def checker():
    c = Checker(only_types={"relation", "entities"}, options=Options(use_cache=False))
    assert not [e for e in c.errors if e.kind == "rule"], c.errors
    return c


def found(checker, a: str, b: str) -> list[tuple[str, str, str]]:
    """(constraint, relation, level) of the relation findings at warning or above."""
    res = checker.check_texts({"a.txt": a, "b.txt": b})
    return sorted(
        (f.explanation["constraint"], f.explanation["triples"][0]["relation"], f.level)
        for f in res.findings
        if f.kind == "relation" and f.level in ("warning", "error")
    )


@pytest.mark.parametrize(
    "a, b, relation",
    [
        # apposition, a definite description of the story's subject on both sides
        (
            "Agency cover is being supplied by MedStaff Direct, the trust's sole agency supplier, at a cost.",
            "The bulk of that work goes to MedStaff Direct, one of five agencies on the trust's staffing framework.",
            "supplier_of",
        ),
        # relative clause against a copula
        (
            "It renews the deal with Harbor Light Services, which holds the city's exclusive contract to run its villages.",
            "Harbor Light Services is one of six nonprofits that run the city's tiny-house villages.",
            "exclusive_rights",
        ),
        # named objects
        (
            "Valmont is the sole supplier of Dorval.",
            "Valmont, one of five suppliers of Dorval, raised its prices.",
            "supplier_of",
        ),
        (
            "Valmont is the exclusive supplier of Dorval.",
            "Valmont is among several suppliers of Dorval.",
            "supplier_of",
        ),
        ("Valmont is Dorval's only supplier.", "Valmont is one of the three suppliers of Dorval.", "supplier_of"),
        (
            "Valmont holds Dorval's exclusive contract to run the depots.",
            "Valmont is one of four companies that run Dorval's depots.",
            "exclusive_rights",
        ),
        # French
        (
            "Valmont est le seul fournisseur de Dorval.",
            "Valmont, l'un des cinq fournisseurs de Dorval, a relevé ses prix.",
            "supplier_of",
        ),
        (
            "Valmont est le fournisseur exclusif de Dorval.",
            "Valmont figure parmi les fournisseurs de Dorval.",
            "supplier_of",
        ),
        (
            "Valmont, le prestataire exclusif de la compagnie, a relevé ses prix.",
            "Valmont, l'un des six prestataires de la compagnie, a relevé ses prix.",
            "supplier_of",
        ),
        (
            "Valmont détient le contrat exclusif de la ville pour les transports.",
            "Valmont est l'une des quatre sociétés qui exploitent les transports de la ville.",
            "exclusive_rights",
        ),
    ],
)
def test_exclusive_against_shared(checker, a, b, relation):
    got = found(checker, a, b)
    assert any(g[0] == "exclusive_shared" and g[1] == relation for g in got), got


@pytest.mark.parametrize(
    "a, b",
    [
        (
            "Meridia Holding, which owns 65% of Alpavia, declined.",
            "Meridia Holding, a minority shareholder of Alpavia, declined.",
        ),
        ("Meridia Holding owns 20% of Alpavia.", "Meridia Holding is the majority shareholder of Alpavia."),
        ("Meridia Holding holds a 30% stake in Alpavia.", "Meridia Holding holds a controlling stake in Alpavia."),
        ("Meridia Holding owns 65 per cent of Alpavia.", "Meridia Holding holds a minority stake in Alpavia."),
        ("Meridia Holding détient 65 % d'Alpavia.", "Meridia Holding, actionnaire minoritaire d'Alpavia, a refusé."),
        (
            "Meridia Holding détient 20 % du capital d'Alpavia.",
            "Meridia Holding est l'actionnaire majoritaire d'Alpavia.",
        ),
        (
            "Meridia Holding, actionnaire majoritaire de la compagnie, a refusé.",
            "Meridia Holding, actionnaire minoritaire de la compagnie depuis 2021, a refusé.",
        ),
        # across languages (the French model tags "Meridia Holding" a person, so its id keeps "Holding"
        # and is not the English one: another name here)
        (
            "Lumeo Capital, which owns 65% of Alpavia, declined.",
            "Lumeo Capital détient une participation minoritaire dans Alpavia.",
        ),
    ],
)
def test_majority_against_minority(checker, a, b):
    got = found(checker, a, b)
    assert ("exclusive_shared", "stake", "warning") in got, got


@pytest.mark.parametrize(
    "a, b",
    [
        # no exclusive claim on either side
        (
            "MedStaff Direct, one of five agencies, charges £95 an hour.",
            "MedStaff Direct, an agency, charges £95 an hour.",
        ),
        # other objects
        (
            "Valmont, the sole supplier of Lumeo, raised its prices.",
            "Valmont, one of five suppliers of Dorval, raised its prices.",
        ),
        ("Valmont est le seul fournisseur de Lumeo.", "Valmont est l'un des cinq fournisseurs de Dorval."),
        # a third party's, not the story's subject: two bodies, unnamed
        (
            "MedStaff Direct, the army's sole supplier, said so.",
            "MedStaff Direct, one of five suppliers to the navy, said so.",
        ),
        # stakes that agree
        ("Meridia Holding owns 65% of Alpavia.", "Meridia Holding is the majority shareholder of Alpavia."),
        ("Meridia Holding owns 30% of Alpavia.", "Meridia Holding is a minority shareholder of Alpavia."),
        ("Meridia Holding détient 65 % d'Alpavia.", "Meridia Holding est l'actionnaire majoritaire d'Alpavia."),
        ("Meridia Holding possède 30 % d'Alpavia.", "Meridia Holding, actionnaire minoritaire d'Alpavia, a refusé."),
        # a majority owner and a minority one of the same company: two shareholders
        ("Meridia Holding owns 65% of Alpavia.", "Lumeo Capital, a minority shareholder of Alpavia, declined."),
        # half is neither
        ("Meridia Holding owns 50% of Alpavia.", "Meridia Holding is a minority shareholder of Alpavia."),
        # another time
        ("Valmont was Dorval's sole supplier until 2020.", "Valmont is one of five suppliers of Dorval."),
        ("Meridia Holding owned 65% of Alpavia until 2019.", "Meridia Holding is a minority shareholder of Alpavia."),
        # a share of a market is no stake in a company
        ("Valmont owns 65% of the market, Dorval said.", "Valmont is a minority shareholder of Dorval."),
    ],
)
def test_traps_stay_silent(checker, a, b):
    assert found(checker, a, b) == []

"""A change told after its noun (issue 12, scope): "8,4 millions de bouteilles en moins",
"1 200 emplois en plus", "3,000 jobs fewer" measure a difference, not a level, and never meet
the level itself ("un peu plus de 22 millions de bouteilles").  Written from the development
false alarm of consistent-11 (bourgogne: bottles lost vs bottles produced), before the code.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags


def _tags(text: str, lang: str) -> dict:
    got = [q for q in parse_quantities(text, lang) if not q.is_temporal]
    assert got, text
    return scope_tags(text, got[0])  # the sentence's first figure


@pytest.mark.parametrize(
    "text,lang",
    [
        ("La baisse représente l'équivalent d'environ 8,4 millions de bouteilles en moins.", "fr"),
        ("Le plan prévoit 1 200 emplois en plus d'ici à la fin de l'année.", "fr"),
        ("La région compte 300 lits d'hôpital en moins qu'il y a dix ans.", "fr"),
        ("The cut means 3,000 fewer jobs at the plant.", "en"),
    ],
)
def test_a_change_after_its_noun_is_a_delta(text, lang):
    assert _tags(text, lang).get("delta") == "delta"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("La Côte de Beaune produira cette année un peu plus de 22 millions de bouteilles.", "fr"),
        ("Le plan prévoit 1 200 emplois, en plus des 300 déjà annoncés.", "fr"),
        ("The plant employs 3,000 people.", "en"),
    ],
)
def test_a_level_is_no_delta(text, lang):
    assert "delta" not in _tags(text, lang)


def test_a_loss_never_meets_the_level():
    a = "Selon le BIVB, la baisse des volumes représente l'équivalent d'environ 8,4 millions de bouteilles en moins."
    b = "Selon l'interprofession, la Côte de Beaune produira cette année un peu plus de 22 millions de bouteilles."
    assert not warnings(a, b), [(f.level, f.message) for f in findings(a, b)]


def test_two_losses_still_conflict():
    a = "Selon le BIVB, la baisse des volumes représente l'équivalent d'environ 8,4 millions de bouteilles en moins."
    b = "Selon le BIVB, la grêle représente l'équivalent de 14 millions de bouteilles en moins cette année."
    assert [f.level for f in warnings(a, b)] == ["warning"], [(f.level, f.message) for f in findings(a, b)]


@pytest.mark.parametrize(
    "text",
    [
        "Les pompiers ont mené 1 200 interventions en moins de 24 heures.",
        "Quelque 3 000 manifestants, venus en plus grand nombre que prévu, ont défilé.",
        "Le club a recruté 12 joueurs en plus des 25 du centre de formation.",
    ],
)
def test_within_and_in_addition_are_no_change(text):
    assert "delta" not in _tags(text, "fr")

"""A count qualified by an adjective of place is that place's (issue 12, scope: "in Paris" vs
nationwide), tenth session.

From the development false alarm "1,2 million de foyers" / "780 000 foyers bretons"
(consistent-2), written again in new words before the code.  The adjective is tied to a place
the article names ("normands" and "la Normandie", "Scottish" and "Scotland") by their common
stem, with no table of demonyms; the place is the article's own name for it, so "610 000
foyers normands" and "450 000 foyers en Normandie" are still one place's two figures.  In
English the qualifier comes before the noun, capitalised: "610,000 Scottish homes" counts homes.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.holders import place_adjective
from plugins.numeric.parse import parse_quantities


@pytest.mark.parametrize(
    "text, noun",
    [
        ("Some 4,200 Welsh farmers joined the protest.", "farmers"),
        ("At least 60 Ukrainian refugees arrived on Monday.", "refugees"),
        ("The airline has 40 Embraer jets on order.", "jets"),
    ],
)
def test_a_capitalised_qualifier_leaves_the_noun_counted(text, noun):
    (q,) = [q for q in parse_quantities(text, "en") if q.qtype == "count"]
    assert q.noun == noun


def test_a_number_in_a_name_is_still_no_count():
    assert [q for q in parse_quantities("The minister spoke at 10 Downing Street.", "en") if q.qtype == "count"] == []


PLACES = frozenset({"normandie", "scotland", "rennes"})


@pytest.mark.parametrize(
    "text, lang, place",
    [
        ("610 000 foyers normands ont été privés d'électricité.", "fr", "normandie"),
        ("Quelque 610,000 Scottish homes lost power.", "en", "scotland"),
        ("Les 3 000 étudiants rennais manifestent.", "fr", "rennes"),
        ("610 000 foyers ont été privés d'électricité.", "fr", None),
        ("Some 610,000 homes lost power.", "en", None),
        ("Quelque 610 000 foyers privés d'électricité.", "fr", None),
    ],
)
def test_an_adjective_of_a_named_place(text, lang, place):
    (q,) = [q for q in parse_quantities(text, lang) if q.qtype == "count"]
    assert place_adjective(text, q, PLACES) == place


FR_NATION = "Tempête Orla. Lors de la tempête Orla, en 2024, 1,4 million de foyers avaient été privés d'électricité."
FR_REGION = (
    "Tempête Orla. La Normandie est la région la plus exposée. Lors de la tempête Orla, en 2024, 610 000 foyers "
    "normands avaient été privés d'électricité."
)
FR_REGION_2 = (
    "Tempête Orla. La Normandie est la région la plus exposée. Lors de la tempête Orla, en 2024, 450 000 foyers "
    "avaient été privés d'électricité en Normandie."
)
EN_NATION = "Storm Orla. During Storm Orla in 2024, 1.4 million homes lost power."
EN_REGION = "Storm Orla. Scotland was the worst hit. During Storm Orla in 2024, 610,000 Scottish homes lost power."
EN_REGION_2 = "Storm Orla. Scotland was the worst hit. During Storm Orla in 2024, 450,000 homes lost power in Scotland."


@pytest.mark.parametrize("a, b", [(FR_NATION, FR_REGION), (EN_NATION, EN_REGION)])
def test_a_regions_count_against_the_whole_count_is_no_warning(a, b):
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]


@pytest.mark.parametrize("a, b", [(FR_REGION, FR_REGION_2), (EN_REGION, EN_REGION_2)])
def test_one_regions_two_counts_still_conflict(a, b):
    assert warnings(a, b), [f.message for f in findings(a, b)]

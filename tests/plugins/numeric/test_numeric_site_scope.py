"""One site's figure is a part of its body's (issue 12, scope: "site vs group"), tenth session.

From the development false alarm "The plant ... employs 1,200 workers" / "Hartley, which employs
4,800 people" (eval-blind-9), written again in new words before the code: a figure whose
clause is about one site (a plant, a store, a branch, "l'usine", "le site") against a figure
whose clause is about the body (a name, "the company", "le groupe") is at most a suggestion;
two figures of sites, two of the body, or a site's against a figure that names no holder (a
story about one plant calls it "the site" or nothing: "3,000 jobs" / "the site will create
2,000 jobs") still conflict.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags, scope_verdict


def _tags(text: str, lang: str) -> list[dict]:
    return [scope_tags(text, q, lang) for q in parse_quantities(text, lang) if q.qtype in ("count", "money")]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The mill, a red-brick building by the canal, employs 640 people.", "en"),
        ("Its Tromsø warehouse, which handles 3,100 parcels a day, will close.", "en"),
        ("About 380 staff at the Leeds branch were told on Monday.", "en"),
        ("La raffinerie, qui emploie 510 salariés, sera mise à l'arrêt.", "fr"),
        ("L'entrepôt de Vénissieux compte 230 préparateurs.", "fr"),
        ("Le plan concerne les 270 salariés du site.", "fr"),
    ],
)
def test_a_figure_of_one_site_is_tagged(text, lang):
    tags = _tags(text, lang)
    assert len(tags) == 1 and tags[0].get("holder") == "site", tags


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Brennock, which employs 9,300 people, owns the mill.", "en", "body"),
        ("Brennock Paper employs 9,300 people.", "en", "body"),
        # a lone capitalised first word may be a common noun: no holder is read
        ("Brennock employs 9,300 people.", "en", None),
        ("Management promises 120 hires over four years.", "en", None),
        ("The company employs 9,300 people worldwide.", "en", "body"),
        ("The mill's closure was confirmed by Brennock, which employs 9,300 people.", "en", "body"),
        ("Le groupe, qui a fermé sa raffinerie de Donges, emploie 6 200 personnes.", "fr", "body"),
        ("Varennes, qui emploie 6 200 salariés, invoque le coût de l'énergie.", "fr", "body"),
        ("Over 14,000 people visited the site over the weekend.", "en", None),
        ("Entre 1 800 et 2 000 emplois seront créés d'ici 2028.", "fr", None),
        ("Il emploie 6 200 personnes en France.", "fr", None),
    ],
)
def test_a_figure_of_the_body_or_of_no_holder_is_not_a_sites(text, lang, expected):
    assert [t.get("holder") for t in _tags(text, lang)] == [expected], _tags(text, lang)


def test_a_site_against_the_body_is_unsure_and_a_site_against_no_holder_is_not():
    assert scope_verdict({"holder": "site"}, {"holder": "body"}) == "unsure"
    assert scope_verdict({"holder": "site"}, {"holder": "site"}) is None
    assert scope_verdict({"holder": "site"}, {}) is None


SITE_VS_BODY = [
    (
        "Brennock confirmed the closure of its Keswick mill on Tuesday. The mill, a red-brick building by the canal, "
        "employs 640 people.",
        "Brennock confirmed on Tuesday that it would close its Keswick mill. Brennock, which employs 9,300 people, "
        "blamed energy costs.",
    ),
    (
        "Le groupe Varennes ferme sa raffinerie de Donges. La raffinerie, qui emploie 510 salariés, sera mise à l'arrêt "
        "en juin.",
        "Le groupe Varennes ferme sa raffinerie de Donges. Varennes, qui emploie 6 200 salariés, invoque le coût de "
        "l'énergie.",
    ),
]


@pytest.mark.parametrize("a, b", SITE_VS_BODY)
def test_a_site_figure_against_the_body_figure_is_no_warning(a, b):
    assert warnings(a, b) == [], [f.message for f in findings(a, b)]


STILL_CONFLICTS = [
    (
        "Brennock confirmed the closure of its Keswick mill on Tuesday. The mill employs 640 people.",
        "Brennock confirmed the closure of its Keswick mill on Tuesday. The mill employs 460 people.",
    ),
    (
        "Varennes ferme sa raffinerie de Donges. Varennes, qui emploie 6 200 salariés, invoque le coût de l'énergie.",
        "Varennes ferme sa raffinerie de Donges. Varennes, qui emploie 2 600 salariés, invoque le coût de l'énergie.",
    ),
    (
        "Brennock will build a battery plant near Keswick. It will create 2,000 jobs by 2028.",
        "Brennock will build a battery plant near Keswick. The site will create 3,000 jobs by 2028.",
    ),
]


@pytest.mark.parametrize("a, b", STILL_CONFLICTS)
def test_two_figures_of_one_site_or_one_body_still_conflict(a, b):
    assert warnings(a, b), [f.message for f in findings(a, b)]

"""A duration that is the unit of a rate is not how long something lasted (issue 12).

Written for the development stories ``en-storm-hester-power-cuts`` (eval-blind-10) and
``fr-rappel-camembert-coherent`` (consistent-3) before the code: "9,400 calls in 24 hours"
(the span a count is a rate over) and "further payments for each additional 12 hours" (a span
that recurs) were compared, as durations, with "cut off for more than 48 hours".  Such a span
is a part of a rate: silent against a plain duration, at most a suggestion against another
rate's span.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags


def _duration(text: str, lang: str):
    got = [q for q in parse_quantities(text, lang) if q.qtype == "duration"]
    assert len(got) == 1, [(q.text, q.qtype) for q in parse_quantities(text, lang)]
    return got[0]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The call centre took 9,400 calls in 24 hours.", "en"),
        ("Customers will get further payments for each additional 12 hours without supply.", "en"),
        ("The tablets are taken every six hours.", "en"),
        ("Le sismographe a enregistré 32 répliques en six heures.", "fr"),
        ("Une dose est administrée toutes les six heures.", "fr"),
        ("Une indemnité est versée par tranche de 12 heures de coupure.", "fr"),
    ],
)
def test_the_span_of_a_rate_is_tagged(text, lang):
    q = _duration(text, lang)
    assert scope_tags(text, q, lang).get("part") == "rate span"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Customers cut off for more than 48 hours will receive compensation.", "en"),
        ("The search lasted 24 hours.", "en"),
        ("The bridge will reopen in three weeks.", "en"),
        ("Il a été condamné à cinq ans de prison en appel.", "fr"),
        ("Les fromages sont commercialisés depuis deux semaines.", "fr"),
    ],
)
def test_a_span_of_its_own_is_not(text, lang):
    q = _duration(text, lang)
    assert scope_tags(text, q, lang).get("part") is None


def test_a_rate_span_is_not_compared_with_how_long_a_cut_lasted():
    a = "Customers cut off for more than 48 hours will receive £95, and more for each additional 12 hours."
    b = "The operator's call centre took 9,400 calls in 24 hours during the storm."
    assert not warnings(a, b), [f.message for f in warnings(a, b)]


def test_two_spans_of_their_own_still_conflict():
    a = "The search for the missing climbers lasted 24 hours, the rescue service said."
    b = "The search for the missing climbers lasted 36 hours, the rescue service said."
    assert warnings(a, b), [f.message for f in findings(a, b)]


# development story fr-rappel-camembert-coherent (consistent-3): one figure in two neighbouring
# units is a misreport's signature only when the two sentences share some words
def test_one_figure_in_two_units_of_unrelated_sentences_is_no_misreport():
    a = "Ils sont commercialisés depuis deux semaines dans les enseignes Leclerc et Carrefour."
    b = "« Le délai d'incubation peut atteindre deux mois », prévient Hélène Marchal, infectiologue."
    assert not warnings(a, b, embedder="auto"), [f.message for f in warnings(a, b, embedder="auto")]


def test_one_figure_in_two_units_of_one_event_is_still_a_misreport():
    a = "Les voleurs ont neutralisé l'alarme en 40 secondes avant de briser la vitrine."
    b = "Les voleurs sont restés 40 minutes dans la salle après avoir neutralisé l'alarme."
    assert warnings(a, b, embedder="auto"), [f.message for f in findings(a, b, embedder="auto")]

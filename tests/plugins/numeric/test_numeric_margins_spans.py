"""Margins, spans and misreports read as a reader reads them (issue 12, sixth session).

* a margin is told by its verb as well as by its noun: "X devançait Y de 212 voix" is the
  lead that "une avance de 221 voix" states;
* "follow-up" is no rise ("a median follow-up of 18 months" is a span, not a change);
* "over three days" after a verb is the span of the work ("counted by hand over three
  days"), while "for over three days", "delays of over two hours" stay lower bounds;
* transposed digits ("37" / "73") are a misreport's signature even when the sentence holds
  another figure too (the margin of election night beside the final one).

Written from the kinds of miss of the promoted development corpora (blind-3, blind-4), in
new words, before the code.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags


def _one(text: str, lang: str):
    got = parse_quantities(text, lang)
    assert len(got) == 1, [(q.text, q.qtype) for q in got]
    return got[0]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Au soir du premier tour, Mme Roche devançait M. Blanc de 212 voix.", "fr"),
        ("Mme Roche l'a emporté de 212 voix sur M. Blanc.", "fr"),
        ("Mme Roche comptait une avance de 212 voix sur M. Blanc.", "fr"),
        ("Ms Roche beat Mr Blanc by 212 votes.", "en"),
    ],
)
def test_a_margin_is_told_by_its_verb_or_its_noun(text, lang):
    q = _one(text, lang)
    assert scope_tags(text, q).get("delta") == "delta"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Patients were seen over a median follow-up of 18 months.", "en"),
        ("Le candidat a recueilli 212 voix dans le bureau de la mairie.", "fr"),
    ],
)
def test_no_margin_without_one(text, lang):
    q = _one(text, lang)
    assert "delta" not in scope_tags(text, q)


def test_a_margin_by_verb_meets_a_margin_by_noun():
    a = "Au soir du premier tour, Mme Roche devançait M. Blanc de 212 voix, selon la préfecture."
    b = "Selon la préfecture, Mme Roche comptait une avance de 221 voix sur M. Blanc au premier tour."
    got = warnings(a, b, embedder="auto")
    assert len(got) == 1, [f.message for f in findings(a, b, embedder="auto")]


@pytest.mark.parametrize(
    "text,low,high",
    [
        ("The ballots were counted by hand over three days.", 3.0, 3.0),
        ("The strike has lasted for over three days.", 3.0, float("inf")),
        ("Passengers faced delays of over two hours.", 2 / 24, float("inf")),
    ],
)
def test_over_before_a_span(text, low, high):
    q = _one(text, "en")
    assert q.qtype == "duration"
    assert (q.low, q.high) == pytest.approx((low, high))


def test_transposed_digits_are_a_warning_beside_another_figure():
    a = "Ms Roche finished 37 votes ahead of Mr Blanc, down from a lead of 112 votes on election night."
    b = "Ms Roche won the recount, finishing 73 votes ahead of Mr Blanc."
    got = [f for f in warnings(a, b, embedder="auto") if "37" in f.message and "73" in f.message]
    assert len(got) == 1, [f.message for f in findings(a, b, embedder="auto")]


# "first" said in the sentence of a figure may mark an initial amount ("Cette première approche
# a éclos en une implication de 1 milliard"): against a plain figure, a suggestion at most.
def test_an_initial_amount_is_not_the_total():
    a = "Le groupe a réalisé un premier investissement de 2 milliards d'euros dans la société."
    b = "Le groupe a investi 9 milliards d'euros au total dans la société."
    assert warnings(a, b, embedder="auto") == []


# "killed or injured" counts both tolls: no death toll, and no headcount of the flock
@pytest.mark.parametrize(
    "text,lang",
    [
        ("Une cinquantaine de brebis tuées ou blessées ont été retrouvées.", "fr"),
        ("Fifty sheep were killed or injured in the attack.", "en"),
        ("Douze personnes ont été tuées ou blessées.", "fr"),
        ("Twelve people were killed or injured.", "en"),
    ],
)
def test_killed_or_injured_is_one_toll_of_both(text, lang):
    (q,) = parse_quantities(text, lang)
    assert q.noun == "casualties"


def test_a_toll_of_both_is_no_death_toll_nor_a_headcount():
    a = (
        "Trente-huit brebis ont été tuées et 14 blessées lors de l'attaque du loup sur l'alpage, "
        "où paissait un troupeau de 1 200 brebis."
    )
    b = "Une cinquantaine de brebis tuées ou blessées ont été retrouvées sur l'alpage après l'attaque du loup."
    assert warnings(a, b, embedder="auto") == []


# taken to hospital is hospitalised, whatever the noun ("runners", none at all)
@pytest.mark.parametrize(
    "text,lang",
    [
        ("About a dozen runners were taken to hospital.", "en"),
        ("Twelve runners were treated at hospitals in the city.", "en"),
        ("Trois d'entre eux ont été transportés à l'hôpital.", "fr"),
        ("Quatre ouvriers ont été admis aux urgences.", "fr"),
    ],
)
def test_taken_to_hospital_is_hospitalised(text, lang):
    (q,) = parse_quantities(text, lang)
    assert q.noun == "hospitalised"


@pytest.mark.parametrize(
    "text,lang,noun",
    [
        ("Deux d'entre eux sont morts.", "fr", "deaths"),
        ("Two of them died.", "en", "deaths"),
        ("Trois d'entre elles ont été blessées.", "fr", "injured"),
    ],
)
def test_a_toll_of_them(text, lang, noun):
    (q,) = parse_quantities(text, lang)
    assert q.noun == noun


def test_of_them_without_a_toll_is_no_count():
    assert parse_quantities("Trois d'entre eux ont voté contre.", "fr") == []


def test_taken_to_hospital_meets_hospitalised():
    a = "About a dozen runners were taken to hospital after the race, organisers said."
    b = "Organisers said some 30 runners were hospitalized after the race."
    assert len(warnings(a, b, embedder="auto")) == 1, [f.message for f in findings(a, b, embedder="auto")]

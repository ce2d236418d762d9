"""Values read as a reader reads them (issue 12, item 1): digits in every format, words in
French and English, approximate number nouns, bounds, exact integers, ranks; what is not a
figure (clock times, model names) and what cannot be read (skipped, no traceback)."""

from __future__ import annotations

import math

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities


def one(text, lang):
    got = [q for q in parse_quantities(text, lang) if not q.vague]
    assert len(got) == 1, [(q.text, q.qtype) for q in got]
    return got[0]


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Le site emploie 1 500 personnes.", "fr", 1500),
        ("Le site emploie 1\u202f500 personnes.", "fr", 1500),
        ("The site employs 1,500 people.", "en", 1500),
        ("Le site emploie 1.500 personnes.", "fr", 1500),
        ("Die Fabrik: le site emploie 45'300 personnes.", "fr", 45300),  # Swiss separator
        ("Le site emploie 45’300 personnes.", "fr", 45300),
        ("un budget de 13,75 milliards d'euros", "fr", 13.75e9),
        ("a budget of $2.5bn", "en", 2.5e9),
        ("a budget of 2.5 billion euros", "en", 2.5e9),
    ],
)
def test_digit_formats(text, lang, value):
    q = one(text, lang)
    assert q.nominal == pytest.approx(value)


@pytest.mark.parametrize(
    "text,lang,value,noun",
    [
        ("L'accident a fait dix-sept blessés.", "fr", 17, "injured"),
        ("Vingt et un salariés ont été licenciés.", "fr", 21, "employees"),
        ("L'accident a fait un mort.", "fr", 1, "deaths"),
        ("Two people have died in the crash.", "en", 2, "deaths"),
        ("Quatre individus ont été interpellés.", "fr", 4, "arrested"),
        ("Seventeen people were injured.", "en", 17, "injured"),
    ],
)
def test_number_words(text, lang, value, noun):
    q = one(text, lang)
    assert (q.nominal, q.noun) == (value, noun)


@pytest.mark.parametrize(
    "text,lang,low,high",
    [
        ("Une trentaine de personnes ont été évacuées.", "fr", 24, 36),
        ("A dozen people were injured.", "en", 9.6, 14.4),
        ("Une centaine de salariés manifestent.", "fr", 80, 120),
    ],
)
def test_approximate_number_nouns(text, lang, low, high):
    q = one(text, lang)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    "text,lang,low,high",
    [
        ("Le bilan dépasseraient 200 morts.", "fr", 200, math.inf),
        ("Au moins 12 personnes sont mortes.", "fr", 12, math.inf),
        ("At least 12 people died.", "en", 12, math.inf),
        ("Fewer than 40 people were hurt.", "en", 0, 40),
        ("Jusqu'à 300 salariés pourraient partir.", "fr", 0, 300),
        ("Up to 300 jobs could go.", "en", 0, 300),
        ("Entre 30 et 35 % des votants", "fr", 30, 35),
        ("between 3 and 5 percent", "en", 3, 5),
    ],
)
def test_bounds_and_ranges(text, lang, low, high):
    q = one(text, lang)
    assert q.low == pytest.approx(low)
    assert math.isinf(q.high) if math.isinf(high) else q.high == pytest.approx(high)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Les 400 salariés de l'usine", "fr"),
        ("for two years", "en"),
        ("3 weeks", "en"),
        ("un contrat de cinq ans", "fr"),
    ],
)
def test_exact_integers_are_exact(text, lang):
    q = [q for q in parse_quantities(text, lang)][0]
    assert q.low == q.high == q.nominal


def test_integers_that_differ_by_one_conflict():
    assert warnings(
        "The works at Leeds station will last two years.", "The works at Leeds station will last three years."
    )
    assert warnings(
        "Les travaux de la gare de Lyon dureront 2 semaines.", "Les travaux de la gare de Lyon dureront 3 semaines."
    )


def test_approximation_widens_by_its_qualifier_only():
    assert not warnings("Environ 100 salariés de Darcel sont concernés.", "Darcel: 105 salariés sont concernés.")
    assert warnings("Environ 100 salariés de Darcel sont concernés.", "Darcel: 130 salariés sont concernés.")


@pytest.mark.parametrize(
    "text,lang,n",
    [
        ("Elle termine à la 3e place.", "fr", 3),
        ("She finished in third place.", "en", 3),
        ("Il prend la deuxième place.", "fr", 2),
    ],
)
def test_ranks(text, lang, n):
    q = one(text, lang)
    assert q.qtype == "rank" and q.nominal == n


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le train est arrivé à 8 h 42.", "fr"),
        ("The train arrived at 7:42 a.m.", "en"),
        ("L'incendie s'est déclaré vers 5 heures du matin.", "fr"),
        ("Le magasin ouvre à 9 heures.", "fr"),
    ],
)
def test_clock_times_are_no_durations(text, lang):
    assert [q for q in parse_quantities(text, lang) if q.qtype == "duration"] == []


def test_clock_time_never_meets_a_duration():
    assert (
        findings("L'incendie s'est déclaré vers 5 heures du matin à Brest.", "L'incendie de Brest a duré trois heures.")
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "1,2,3,4 millions",
        "12'34'56 personnes",
        "¥¥¥ 12 ,, 5",
        "dix-dix-dix morts",
        "10^12 euros",
        "1.2.3.4.5.6",
        "'''",
        "45'",
        "€",
        "3:99:99",
        "entre 5 et",
        "plus de de 3",
    ],
)
def test_unreadable_values_are_skipped(text):
    parse_quantities(text, "fr")  # no exception
    parse_quantities(text, "en")

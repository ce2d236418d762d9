"""What a figure or a date is about, read by general means (issue 12), written for the
development story ``fr-inondations-gard`` and its companions before the code:

* a date says what happened then: two dates of one language whose verbs or nouns differ
  (and neither is named in the other sentence) are two events, never a warning;
* units are read by pint from any written form of a news unit ("408 mm", "12 inches");
* two lengths (areas, masses...) a hundredfold apart measure two things;
* the places of one event's sentences differ: they confirm a pairing, never refute it;
* "first" said of a report ("premières estimations", "premier bilan") is no initial amount;
* an article ("un épisode") after a toll counts nobody;
* a count over a whole area ("dans le département") is a total of the places others name.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import scope_tags
from plugins.numeric.units import pint_unit, unit_after

TRAPS = [
    # two events, two dates
    ("Il a été arrêté le 3 mars à Lyon.", "Son procès s'est ouvert le 12 octobre à Lyon."),
    # a water height and a length of river bank
    (
        "À Sommières, l'eau est montée jusqu'à 1,80 mètre dans certaines rues.",
        "À Sommières, le Vidourle a débordé sur 1 200 mètres de berges.",
    ),
    # the evacuations of one town against the whole département
    (
        "Dans le centre de Sommières, on compte 300 habitants évacués.",
        "Près de 2 000 personnes ont été évacuées dans le département.",
    ),
]

SAME_FACTS = [
    # one event (the same verb), two dates
    (
        "Le séisme a eu lieu dans la nuit du 16 au 17 mars à Nice.",
        "Le séisme a eu lieu dans la nuit du 18 au 19 mars à Nice.",
    ),
    # rainfall in millimetres, written two ways
    (
        "Il est tombé 480 millimètres de pluie en vingt-quatre heures à Anduze.",
        "À Anduze, 408 mm de pluie sont tombés en vingt-quatre heures.",
    ),
    # a death toll, the two sentences naming other places
    (
        "Un épisode méditerranéen s'est abattu sur les Cévennes dans la nuit du samedi 21 au dimanche 22 novembre, "
        "faisant quatre morts selon le bilan communiqué dimanche soir par la préfecture.",
        "Selon la préfecture, trois personnes ont péri, emportées par les eaux, et l'on dénombre 16 blessés, dont "
        "deux graves, pris en charge aux CHU de Nîmes et de Montpellier.",
    ),
    # the first estimate of the damage: an estimate, not a first amount
    (
        "Les premières estimations des assureurs font état de 200 millions d'euros de dégâts.",
        "Les assureurs évoquent déjà 20 millions d'euros de dégâts pour ce premier bilan.",
    ),
]


@pytest.mark.parametrize("a,b", TRAPS)
def test_other_events_and_other_sizes_are_never_warnings(a, b):
    got = warnings(a, b, embedder="auto")
    assert got == [], [f.message for f in got]


@pytest.mark.parametrize("a,b", SAME_FACTS)
def test_the_same_fact_still_conflicts(a, b):
    assert warnings(a, b, embedder="auto"), [f.message for f in findings(a, b, embedder="auto")]


def test_the_two_events_are_still_a_suggestion():
    got = findings(
        "Il a été arrêté le 3 mars à Lyon.", "Son procès s'est ouvert le 12 octobre à Lyon.", embedder="auto"
    )
    assert [f.level for f in got] == ["suggestion"]


@pytest.mark.parametrize(
    "after,family,factor",
    [
        (" mm de pluie", "length", 0.001),
        (" millimètres de pluie", "length", 0.001),
        (" inches of rain", "length", 0.0254),
        (" gallons", "volume", 3.785),
        (" barils de pétrole", "volume", 158.99),
        (" milles nautiques", "length", 1852.0),
        (" ml", "volume", 0.001),
    ],
)
def test_pint_reads_news_units(after, family, factor):
    got = unit_after(after, 0)
    assert got is not None and got.family == family
    assert got.factors[0] == pytest.approx(factor, rel=1e-3)


@pytest.mark.parametrize(
    "after", [" points", " in Paris", " mi", " m de", " grains de riz", " stones", " hommes", " at"]
)
def test_words_pint_knows_are_not_news_units(after):
    assert unit_after(after, 0) is None


def test_pint_unit_is_cached_and_case_sensitive_for_symbols():
    assert pint_unit("mm") == ("millimeter", "length")
    assert pint_unit("MM") is None


def test_an_article_after_a_toll_counts_nobody():
    got = [(q.text, q.noun) for q in parse_quantities("Gard : quatre morts après un épisode cévenol", "fr")]
    assert got == [("quatre", "deaths")]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Près de 2 000 personnes ont été évacuées dans le département.", "fr"),
        ("About 2,000 people were evacuated across the state.", "en"),
        ("Some 2,000 homes were evacuated nationwide.", "en"),
    ],
)
def test_a_count_over_a_whole_area_is_tagged(text, lang):
    (q,) = [q for q in parse_quantities(text, lang) if q.qtype == "count"]
    assert scope_tags(text, q).get("place") == "(whole area)"


@pytest.mark.parametrize(
    "text,lang,metres",
    [("The hospital is some 12km away.", "en", 12000.0), ("Il est tombé 408mm à Anduze.", "fr", 0.408)],
)
def test_a_unit_written_against_its_figure(text, lang, metres):
    got = [(q.qtype, q.nominal) for q in parse_quantities(text, lang)]
    assert got == [("length", pytest.approx(metres))]


@pytest.mark.parametrize("text", ["La 5G et la 3D arrivent.", "Un réseau 4G couvre la ville."])
def test_letters_against_a_figure_that_are_no_unit(text):
    assert parse_quantities(text, "fr") == []

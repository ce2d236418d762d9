"""Precision on real coverage (issue 12): the compatible statements that same-event
articles naturally contain stay below warning, and the same facts still conflict.

Each trap is a general form, written for the development story ``mixed-deraillement-train``
before the code; both languages where the form exists in both."""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from checker.text.clean import BYLINE
from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import bare_figures, scope_tags, scope_verdict

TRAPS = [
    # one day vs cumulative, with the time adverbial opening the sentence
    (
        "Depuis mardi, 2 300 voyageurs ont été pris en charge par des bus à Mâcon.",
        "Pour la seule journée de mercredi, 800 voyageurs ont été pris en charge par des bus à Mâcon.",
    ),
    (
        "Since Tuesday, 2,300 passengers have been carried by buses in Macon.",
        "On Wednesday alone, 800 passengers were carried by buses in Macon.",
    ),
    # a bound strengthened by an adverb ("largement", "well")
    (
        "Le coût des réparations à Mâcon dépassera largement les 20 millions d'euros.",
        "Le coût des réparations à Mâcon atteindra environ 35 millions d'euros.",
    ),
    ("Repairs in Macon will cost well over €20 million.", "Repairs in Macon will cost around €35 million."),
    # a figure of an earlier event, dated by a month of another year
    (
        "Les inondations de septembre 2002 avaient fait 23 morts dans le Gard.",
        "Les inondations ont fait trois morts dans le Gard.",
    ),
    # another period named relative to the article ("last year", "l'an dernier")
    (
        "A rival brand, Kinetra, recalled 500,000 power banks last year.",
        "Voltara is recalling about 1.2 million power banks.",
    ),
    (
        "Un concurrent, Kinetra, a rappelé 500 000 batteries l'an dernier.",
        "Voltara rappelle environ 1,2 million de batteries.",
    ),
    # a part given as a bare figure ("dont 2 000 dans l'agglomération")
    (
        "Quelque 12 000 policiers avaient été mobilisés, dont 2 000 dans l'agglomération lyonnaise.",
        "À Lyon, 2 000 policiers étaient déployés.",
    ),
    # two durations of different things (a closure, a rescue)
    (
        "La circulation à Mâcon restera interrompue pendant au moins trois semaines.",
        "Les opérations de secours à Mâcon ont duré 14 heures.",
    ),
    # the ends of a period are no event's day
    (
        "Voltara announced the recall of its power banks on 12 March 2026.",
        "The Voltara power banks were sold between January 2024 and November 2025.",
    ),
]


@pytest.mark.parametrize("a,b", TRAPS)
def test_real_coverage_traps_are_never_warnings(a, b):
    got = warnings(a, b, embedder="auto")
    assert got == [], [f.message for f in got]


@pytest.mark.parametrize("a,b", TRAPS)
def test_real_coverage_traps_without_encoder(a, b):
    got = warnings(a, b)
    assert got == [], [f.message for f in got]


SAME_FACTS = [
    (
        "Quatre voyageurs sont morts dans le déraillement de Mâcon.",
        "Cinq voyageurs sont morts dans le déraillement de Mâcon.",
    ),
    ("The Macon derailment killed five people.", "Four passengers died in the Macon derailment."),
    ("Le déraillement de Mâcon a fait 31 blessés.", "À Mâcon, 13 voyageurs ont été blessés."),
    (
        "Les pompiers ont réalisé 1 100 interventions depuis samedi.",
        "Les pompiers ont réalisé 400 interventions depuis samedi.",
    ),
]


@pytest.mark.parametrize("a,b", SAME_FACTS)
def test_the_same_fact_still_conflicts(a, b):
    assert warnings(a, b, embedder="auto"), [f.message for f in findings(a, b, embedder="auto")]


@pytest.mark.parametrize(
    "text,lang,noun,value",
    [
        ("Quatre voyageurs sont morts.", "fr", "deaths", 4),
        ("31 ont été blessés.", "fr", "injured", 31),
        ("The train derailed, killing five people and injuring thirty-one.", "en", "deaths", 5),
        ("The train derailed, killing five people and injuring thirty-one.", "en", "injured", 31),
        ("Deux randonneurs sont portés disparus.", "fr", "missing", 2),
    ],
)
def test_tolls_are_read_whatever_the_noun(text, lang, noun, value):
    assert (noun, value) in [(q.noun, q.nominal) for q in parse_quantities(text, lang)]


def test_a_toll_verb_after_a_figure_starts_a_new_clause():
    qs = parse_quantities("killing five people and injuring thirty-one", "en")
    assert [(q.noun, q.nominal) for q in qs] == [("deaths", 5.0), ("injured", 31.0)]


def test_objects_are_not_tolls():
    assert [q.noun for q in parse_quantities("250 maisons ont été évacuées.", "fr")] == ["maisons"]


@pytest.mark.parametrize(
    "text,lang,low,high",
    [
        ("Les coûts dépasseront largement les 100 millions d'euros.", "fr", 100e6, float("inf")),
        ("It will cost well over $2 billion.", "en", 2e9, float("inf")),
        ("Plus d'un millier d'interventions ont été menées.", "fr", 1000, float("inf")),
        ("The line will stay closed for at least a month.", "en", 30.4375, float("inf")),
        ("It lasted a week.", "en", 7, 7),
    ],
)
def test_bounds_and_one_unit_durations(text, lang, low, high):
    qs = parse_quantities(text, lang)
    assert [(q.low, q.high) for q in qs] == [(low, high)]


@pytest.mark.parametrize("text", ["Il y a un an, la ligne a fermé.", "a month ago, the line closed", "once a year"])
def test_a_unit_alone_is_no_duration(text):
    assert [q for q in parse_quantities(text, "fr" if "ligne" in text else "en") if q.qtype == "duration"] == []


@pytest.mark.parametrize(
    "text,lang,period",
    [
        ("Pour la seule journée de dimanche, les pompiers ont mené 320 interventions.", "fr", "day"),
        ("Les pompiers ont réalisé 1 100 interventions depuis samedi.", "fr", "cumulative"),
        ("On Sunday alone, firefighters carried out 320 rescues.", "en", "day"),
        ("Since Monday, firefighters have carried out 1,100 rescues.", "en", "cumulative"),
    ],
)
def test_time_adverbials_give_the_period(text, lang, period):
    (q,) = [q for q in parse_quantities(text, lang) if not q.is_temporal]
    assert scope_tags(text, q).get("period") == period


@pytest.mark.parametrize(
    "text,lang,span",
    [
        ("Les pompiers interviennent depuis le 3 mars dans le Finistère.", "fr", "start"),
        ("Firefighters have been at work since March 3.", "en", "start"),
        ("La route restera fermée jusqu'au 12 mars.", "fr", "end"),
        ("The road stays closed until March 12.", "en", "end"),
    ],
)
def test_since_and_until_dates_are_span_ends(text, lang, span):
    dates = [q for q in parse_quantities(text, lang) if q.is_temporal]
    assert dates and all(scope_tags(text, q).get("span") == span for q in dates)


def test_span_ends_are_tagged_and_differ_from_a_day():
    text = "sold between January 2024 and November 2025"
    tags = [scope_tags(text, q).get("span") for q in parse_quantities(text, "en")]
    assert tags == ["start", "end"]
    assert scope_verdict({"span": "end"}, {}) == scope_verdict({}, {"span": "end"}) == "differ"


def test_bare_figures_outside_quantities():
    text = "Quelque 12 000 policiers avaient été mobilisés, dont 2 000 dans l'agglomération."
    taken = [(q.start, q.end) for q in parse_quantities(text, "fr")]
    assert bare_figures(text, "fr", taken) == [2000.0]


@pytest.mark.parametrize(
    "line,byline",
    [
        ("Par 20 Minutes avec AFP", True),
        ("By France 24 with AFP", True),
        ("By Anne Smith, Reuters", True),
        ("Par ailleurs, le maire a démissionné.", False),
        ("Par 2 voix contre 1", False),
        ("By 2030 Paris will host the games", False),
    ],
)
def test_bylines_with_numbered_outlet_names(line, byline):
    assert bool(BYLINE.match(line)) is byline


def test_a_headline_figure_restated_in_the_body_is_quoted_from_the_body():
    a = "Mâcon : quatre morts dans un déraillement\n\nQuatre voyageurs sont morts mardi dans le déraillement de Mâcon."
    b = "Cinq voyageurs sont morts mardi dans le déraillement de Mâcon."
    got = warnings(a, b)
    assert got
    (side_a,) = [e for f in got for e in f.evidence if e.doc_id == "a.txt"]
    assert side_a.line == 3 and side_a.quote == "Quatre"  # the body sentence, not the headline


def test_a_headline_count_restated_under_another_noun_is_quoted_from_the_body():
    a = "Bolton mill fire: three dead as inquiry opens\n\nThree workers have died after a fire at a paper mill in Bolton."
    b = "Two killed in Bolton paper mill fire\n\nTwo workers were killed after a fire at a paper mill in Bolton."
    got = warnings(a, b)
    assert got, [f.message for f in findings(a, b)]
    assert {e.line for f in got for e in f.evidence} == {3}  # never a headline ("three dead", "Two killed")


def test_durations_an_order_of_magnitude_apart_are_other_spans():
    a = "La grève des contrôleurs de Nantes durera trois jours."
    b = "La grève des contrôleurs de Nantes suit deux ans de négociations qui ont duré deux ans."
    assert warnings(a, b) == []
    # a unit mistake (weeks for months) is still a conflict
    assert warnings("Le chantier de Nantes durera 18 mois.", "Le chantier de Nantes durera 18 semaines.")
